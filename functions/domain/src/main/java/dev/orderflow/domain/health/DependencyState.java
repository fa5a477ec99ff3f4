package dev.orderflow.domain.health;

/** Whether one dependency could serve requests when it was last probed. */
public enum DependencyState {
    UP,
    DOWN
}
