package dev.orderflow.states;

import dev.orderflow.states.api.ActivityDescription;
import dev.orderflow.states.api.ActivityTask;
import dev.orderflow.states.api.StatesClock;
import dev.orderflow.states.api.StepFunctionsException;
import dev.orderflow.states.internal.activities.ActivityRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Activities (AWS API reference CreateActivity, DescribeActivity, ListActivities, DeleteActivity,
 * GetActivityTask). Workers answer the tasks they get with {@link
 * StepFunctionsEngine#sendTaskSuccess} and its siblings. Obtain it from {@link
 * StepFunctionsEngine#activities()}.
 */
public final class Activities {
    private final ActivityRegistry registry;
    private final StatesClock clock;
    private final Duration pollTimeout;

    Activities(ActivityRegistry registry, StatesClock clock, Duration pollTimeout) {
        this.registry = registry;
        this.clock = clock;
        this.pollTimeout = pollTimeout;
    }

    /**
     * Creates an activity, or returns the one with that name. @throws StepFunctionsException
     * InvalidName, ActivityLimitExceeded
     */
    public ActivityDescription create(String name) {
        return registry.create(name);
    }

    /** An activity. @throws StepFunctionsException InvalidArn, ActivityDoesNotExist */
    public ActivityDescription describe(String activityArn) {
        return registry.describe(activityArn);
    }

    /** All activities, by name. */
    public List<ActivityDescription> list() {
        return registry.list();
    }

    /** Deletes an activity; idempotent. @throws StepFunctionsException InvalidArn */
    public void delete(String activityArn) {
        registry.delete(activityArn);
    }

    /**
     * Long-polls for a task of the activity: completes with the oldest task no other worker took,
     * or with {@link ActivityTask#none()} after the poll timeout (60 s as AWS unless the builder
     * set another). No thread waits while the poll is open.
     *
     * @throws StepFunctionsException InvalidArn, ActivityDoesNotExist
     */
    public CompletableFuture<ActivityTask> getTask(String activityArn, String workerName) {
        return registry.queueOf(activityArn).poll(workerName, pollTimeout, clock);
    }

    /** How long a GetActivityTask poll waits for a task. */
    public Duration pollTimeout() {
        return pollTimeout;
    }
}
