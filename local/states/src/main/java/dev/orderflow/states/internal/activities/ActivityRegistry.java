package dev.orderflow.states.internal.activities;

import dev.orderflow.states.api.ActivityDescription;
import dev.orderflow.states.api.StatesClock;
import dev.orderflow.states.api.StepFunctionsException;
import dev.orderflow.states.internal.exec.Arns;
import dev.orderflow.states.internal.exec.ExecutionJournal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The activities by ARN (AWS API reference CreateActivity, DescribeActivity, ListActivities,
 * DeleteActivity), each with the queue of its scheduled tasks. Thread-safe.
 */
public final class ActivityRegistry {
    /** AWS quota: activities per account and region. */
    static final int MAX_ACTIVITIES = 10_000;

    private record Activity(ActivityDescription description, ActivityQueue queue) {}

    private final Map<String, Activity> byArn = new ConcurrentHashMap<>();
    private final StatesClock clock;
    private final String region;
    private final String account;
    private final ExecutionJournal journal;

    /**
     * An empty registry writing to {@code journal}; ARNs use {@code region} and {@code account}.
     */
    public ActivityRegistry(
            StatesClock clock, String region, String account, ExecutionJournal journal) {
        this.clock = clock;
        this.region = region;
        this.account = account;
        this.journal = journal;
    }

    /** Puts back a journaled activity (not journaled again). */
    public void restore(ActivityDescription d) {
        byArn.put(d.activityArn(), new Activity(d, new ActivityQueue()));
    }

    /**
     * Creates an activity; the same name again returns the existing one (CreateActivity is
     * idempotent).
     *
     * @throws StepFunctionsException InvalidName, ActivityLimitExceeded
     */
    public synchronized ActivityDescription create(String name) {
        Arns.checkName(name);
        String arn = "arn:aws:states:" + region + ":" + account + ":activity:" + name;
        Activity existing = byArn.get(arn);
        if (existing != null) {
            return existing.description();
        }
        if (byArn.size() >= MAX_ACTIVITIES) {
            throw new StepFunctionsException(
                    "ActivityLimitExceeded",
                    "The maximum number of activities (" + MAX_ACTIVITIES + ") has been reached");
        }
        ActivityDescription d = new ActivityDescription(arn, name, clock.now());
        byArn.put(arn, new Activity(d, new ActivityQueue()));
        journal.activitySaved(d);
        return d;
    }

    /** The activity. @throws StepFunctionsException InvalidArn, ActivityDoesNotExist */
    public ActivityDescription describe(String arn) {
        return existing(arn).description();
    }

    /** The queue of an activity. @throws StepFunctionsException InvalidArn, ActivityDoesNotExist */
    public ActivityQueue queueOf(String arn) {
        return existing(arn).queue();
    }

    /** The queue of an activity that exists, for a Task state scheduling work on it. */
    public Optional<ActivityQueue> find(String arn) {
        return Optional.ofNullable(byArn.get(arn)).map(Activity::queue);
    }

    /** All activities, by name. */
    public List<ActivityDescription> list() {
        return byArn.values().stream()
                .map(Activity::description)
                .sorted(Comparator.comparing(ActivityDescription::name))
                .toList();
    }

    /**
     * Deletes an activity; idempotent. Tasks already scheduled on it keep their tokens (workers
     * that hold one may still answer).
     */
    public void delete(String arn) {
        checkArn(arn);
        if (byArn.remove(arn) != null) {
            journal.activityDeleted(arn);
        }
    }

    private Activity existing(String arn) {
        checkArn(arn);
        Activity a = byArn.get(arn);
        if (a == null) {
            throw new StepFunctionsException(
                    "ActivityDoesNotExist", "Activity Does Not Exist: '" + arn + "'");
        }
        return a;
    }

    /** True when {@code arn} has the shape of an activity ARN. */
    public static boolean isActivityArn(String arn) {
        if (arn == null) {
            return false;
        }
        String[] p = arn.split(":", -1);
        return p.length == 7
                && p[0].equals("arn")
                && p[1].startsWith("aws")
                && p[2].equals("states")
                && p[5].equals("activity")
                && !p[6].isEmpty();
    }

    private static void checkArn(String arn) {
        if (!isActivityArn(arn)) {
            throw new StepFunctionsException(
                    "InvalidArn",
                    "Invalid Arn: 'Resource type not valid in this context: " + arn + "'");
        }
    }
}
