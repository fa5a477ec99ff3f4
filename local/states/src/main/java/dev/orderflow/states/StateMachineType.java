package dev.orderflow.states;

/** Workflow type (AWS docs "Choosing workflow type"). */
public enum StateMachineType {
    STANDARD,
    EXPRESS
}
