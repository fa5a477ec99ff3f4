package dev.orderflow.states.internal.model;

import com.fasterxml.jackson.databind.JsonNode;

/** One entry of a Choice state's {@code Choices}: a rule and where it goes. */
public record ChoiceBranch(ChoiceRule rule, String next, JsonNode assign, JsonNode output) {}
