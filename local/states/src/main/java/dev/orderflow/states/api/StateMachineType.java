package dev.orderflow.states.api;

/** Workflow type (AWS docs "Choosing workflow type"). */
public enum StateMachineType {
    STANDARD,
    EXPRESS
}
