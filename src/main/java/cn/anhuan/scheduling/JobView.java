package cn.anhuan.scheduling;

import java.time.Instant;

/**
 * One job on the admin page.
 *
 * @param name the task's name (its label is the message {@code jobs.name.<name>})
 * @param next its scheduled execution, null while none is scheduled
 * @param last its last run, null before the first
 */
public record JobView(String name, Next next, Last last) {

    /** The scheduled execution: when, whether an instance is running it now and which. */
    public record Next(Instant at, boolean running, String runningOn, int consecutiveFailures) {
    }

    /** The last completed run (result OK, FAILED, or DEAD when it was revived after its instance died). */
    public record Last(Instant startedAt, long durationMillis, String result, String message, String instance,
                       Instant failedAt, String failure, long runs, long failures) {
    }
}
