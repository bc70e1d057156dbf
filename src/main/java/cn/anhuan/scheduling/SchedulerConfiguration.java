package cn.anhuan.scheduling;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.stats.MicrometerStatsRegistry;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds this instance's db-scheduler over every {@link Task} bean (recurring ones are scheduled at start if
 * missing) and starts it once the context is refreshed, after Flyway and every bean, when scheduling is enabled.
 * db-scheduler's own Spring Boot starter is not used: its auto-configuration refers to Boot 3 packages.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    static final String TABLE = "scheduling.scheduled_tasks";

    @Bean
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, SchedulingProperties properties,
                        MeterRegistry meters, JdbcClient jdbc) {
        List<RecurringTask<?>> recurring = tasks.stream().filter(t -> t instanceof RecurringTask<?>)
                .<RecurringTask<?>>map(t -> (RecurringTask<?>) t).toList();
        List<Task<?>> others = tasks.stream().filter(t -> !(t instanceof RecurringTask<?>)).toList();
        String name = instanceName(properties);
        // startTasks adds the recurring tasks to the known ones itself.
        return Scheduler.create(dataSource, others)
                .tableName(TABLE)
                .schedulerName(new SchedulerName.Fixed(name))
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(properties.missedHeartbeats())
                .shutdownMaxWait(properties.shutdownMaxWait())
                .statsRegistry(new MicrometerStatsRegistry(meters, tasks))
                .addSchedulerListener(new JobStatusRecorder(jdbc, name))
                .startTasks(recurring)
                .build();
    }

    @Bean
    SmartLifecycle schedulerLifecycle(Scheduler scheduler, SchedulingProperties properties) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                if (properties.enabled()) {
                    scheduler.start();
                    running = true;
                }
            }

            @Override
            public void stop() {
                if (running) {
                    scheduler.stop();
                    running = false;
                }
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }

    private static String instanceName(SchedulingProperties properties) {
        if (!properties.instanceName().isBlank()) {
            return properties.instanceName();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "anhuan";
        }
    }
}
