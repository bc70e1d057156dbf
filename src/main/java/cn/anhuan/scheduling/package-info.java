/**
 * Scheduled work on db-scheduler: one Scheduler per instance over the shared {@code scheduling.scheduled_tasks},
 * so each run happens once across instances and a run of a dead instance is revived; the jobs' last runs for the
 * admin page and Actuator. Modules contribute their jobs as db-scheduler {@code Task} beans.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scheduling", allowedDependencies = "shared")
package cn.anhuan.scheduling;
