package dev.orderflow.states.api;

import java.time.Instant;

/** What CreateActivity, DescribeActivity and ListActivities report of an activity. */
public record ActivityDescription(String activityArn, String name, Instant creationDate) {}
