package cn.anhuan.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import cn.anhuan.AnhuanApplication;
import cn.anhuan.IntegrationTest;
import cn.anhuan.browser.Browser;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scheduled work as production runs it: two instances of the whole application (A and B, plain application
 * contexts with scheduling on and short schedules) on the test suite's database. The suite's own context, with
 * scheduling off, only provides the database and a JdbcClient to look at it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchedulingTests {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    ConfigurableApplicationContext a;
    ConfigurableApplicationContext b;

    @BeforeAll
    void startTwoInstances() {
        jdbc.sql("create schema if not exists scheduling_test").update();
        jdbc.sql("create table if not exists scheduling_test.run (task text, instance text, picked_by text)").update();
        String url = ((HikariDataSource) dataSource).getJdbcUrl();
        a = start("A", url);
        b = start("B", url);
    }

    @AfterAll
    void stopInstances() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    private static ConfigurableApplicationContext start(String name, String url) {
        return new SpringApplicationBuilder(AnhuanApplication.class, TestJobs.class).profiles("test").run(
                "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.hikari.maximum-pool-size=5", "--server.port=0", "--monitoring.hj212.port=0",
                "--spring.main.banner-mode=off", "--spring.autoconfigure.exclude=",
                "--anhuan.scheduling.enabled=true", "--anhuan.scheduling.instance-name=" + name,
                "--anhuan.scheduling.polling-interval=200ms", "--anhuan.scheduling.heartbeat-interval=1s",
                "--anhuan.scheduling.missed-heartbeats=4",
                "--anhuan.hazard.escalation.cron=*/2 * * * * *", "--anhuan.hazard.escalation.digest-above=100000");
    }

    @Test
    void theEscalationLadderRunsOnItsScheduleInTheStartedApplication() {
        LocalDate today = LocalDate.now(CITY);
        long audits = audits();
        long h = hazard(today.plusDays(2));
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(notice(h, "DEADLINE_SOON")).isTrue();
            assertThat(notifications("demo.officer", h, "DEADLINE_SOON")).isEqualTo(1);
        });
        await().atMost(WAIT).untilAsserted(() -> assertThat(audits()).isGreaterThan(audits));

        long afterReminder = audits();
        moveDeadline(h, today.minusDays(1));
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(notice(h, "OVERDUE")).isTrue();
            assertThat(notifications("demo.officer", h, "OVERDUE")).isEqualTo(1);
            assertThat(notifications("yaodu.safety", h, "OVERDUE")).isEqualTo(1);
            assertThat(audits()).isGreaterThan(afterReminder);
        });

        long afterOverdue = audits();
        moveDeadline(h, today.minusDays(8));
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(notice(h, "ESCALATED")).isTrue();
            assertThat(notifications("city.safety", h, "ESCALATED")).isEqualTo(1);
            assertThat(audits()).isGreaterThan(afterOverdue);
        });
        assertThat(notifications("demo.officer", h, "DEADLINE_SOON")).as("each rung once").isEqualTo(1);
        assertThat(notifications("yaodu.safety", h, "OVERDUE")).isEqualTo(2);

        assertThat(jdbc.sql("select failures from scheduling.job_status where task_name = 'hazard-escalation'")
                .query(Long.class).single()).isZero();
        double ok = 0;
        for (ConfigurableApplicationContext c : List.of(a, b)) {
            var counter = c.getBean(MeterRegistry.class).find("dbscheduler_task_completions")
                    .tags("task", "hazard-escalation", "result", "ok").counter();
            ok += counter == null ? 0 : counter.count();
            var failed = c.getBean(MeterRegistry.class).find("dbscheduler_task_completions")
                    .tags("task", "hazard-escalation", "result", "failed").counter();
            assertThat(failed == null ? 0 : failed.count()).isZero();
        }
        assertThat(ok).isGreaterThanOrEqualTo(3);
    }

    @Test
    void eachExecutionRunsOnceAcrossTwoInstances() {
        Scheduler scheduler = a.getBean(Scheduler.class);
        OneTimeTask<Void> once = a.getBean("onceJob", OneTimeTask.class);
        Instant now = Instant.now();
        List<TaskInstance<?>> instances = new ArrayList<>();
        IntStream.range(0, 200).forEach(i -> instances.add(once.instance("run-" + i)));
        scheduler.scheduleBatch(instances, now);
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.sql(
                "select count(*) from scheduling_test.run where task = 'test-once'").query(Long.class).single())
                .isGreaterThanOrEqualTo(200));
        assertThat(jdbc.sql("""
                select count(*) from (select instance from scheduling_test.run where task = 'test-once'
                                      group by instance having count(*) > 1) d""").query(Long.class).single())
                .as("no execution ran twice").isZero();
        assertThat(jdbc.sql("select count(*) from scheduling_test.run where task = 'test-once'")
                .query(Long.class).single()).isEqualTo(200);
        assertThat(jdbc.sql("select distinct picked_by from scheduling_test.run where task = 'test-once'")
                .query(String.class).list()).as("both instances took part").containsExactlyInAnyOrder("A", "B");
    }

    @Test
    void aRunWhoseInstanceDiedIsPickedUpAgain() {
        await().atMost(WAIT).until(() -> revivedRuns() >= 1);
        long before = revivedRuns();
        // What an instance killed in the middle of a run leaves behind: the execution picked, its heartbeat old.
        jdbc.sql("""
                update scheduling.scheduled_tasks set picked = true, picked_by = 'killed', version = version + 1,
                    last_heartbeat = now() - interval '1 hour', execution_time = now() - interval '1 hour'
                where task_name = 'test-revived'""").update();
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(revivedRuns()).isGreaterThan(before);
            assertThat(jdbc.sql("select coalesce(picked_by, '') from scheduling.scheduled_tasks where task_name = 'test-revived'")
                    .query(String.class).single()).isNotEqualTo("killed");
        });
    }

    @Test
    void aSessionOpenedOnOneInstanceIsSignedInOnTheOther() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String baseA = "http://localhost:" + port(a);
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(baseA + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).isTrue();
        String form = "username=admin&password=" + URLEncoder.encode(IntegrationTest.PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(baseA + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie(page)).POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        String session = cookie(login);
        String id = new String(Base64.getDecoder().decode(session.substring("SESSION=".length())), StandardCharsets.UTF_8);
        assertThat(jdbc.sql("select principal_name from identity.spring_session where session_id = :id")
                .param("id", id).query(String.class).single()).isEqualTo("admin");

        HttpResponse<String> onB = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(b) + "/admin/jobs"))
                .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.body()).contains("id=\"jobs\"").contains("隐患逾期提醒与升级");
    }

    @Test
    void theAdministratorSeesEachJobsRunsInTheBrowser() {
        await().atMost(WAIT).until(() -> jdbc.sql("""
                select count(*) from scheduling.job_status where task_name in ('hazard-escalation', 'session-cleanup',
                    'monitoring-offline-check') and last_result = 'OK'""").query(Long.class).single() == 3);
        jdbc.sql("""
                update scheduling.job_status set last_failure_at = now(), last_failure = 'IllegalStateException: test'
                where task_name = 'session-cleanup'""").update();
        WebDriver driver = Browser.start();
        try {
            String base = "http://localhost:" + port(a);
            Browser.login(driver, base, "admin", IntegrationTest.PASSWORD);
            driver.findElement(By.id("nav-jobs")).click();
            Browser.waitFor(driver).until(d -> !d.findElements(By.id("jobs")).isEmpty());
            WebElement escalation = driver.findElement(By.cssSelector("#jobs tr[data-job='hazard-escalation']"));
            assertThat(escalation.findElement(By.className("job-name")).getText()).isEqualTo("隐患逾期提醒与升级");
            assertThat(escalation.findElement(By.className("job-result")).getText()).contains("成功");
            assertThat(escalation.findElement(By.className("job-last")).getText()).isNotEqualTo("无").isNotBlank();
            assertThat(escalation.findElement(By.className("job-next")).getText()).isNotEqualTo("无").isNotBlank();
            assertThat(escalation.findElement(By.className("job-duration")).getText()).endsWith("毫秒");
            WebElement cleanup = driver.findElement(By.cssSelector("#jobs tr[data-job='session-cleanup']"));
            assertThat(cleanup.findElement(By.className("job-failure")).getText()).contains("IllegalStateException: test");
            assertThat(driver.findElements(By.cssSelector("#jobs tr[data-job='monitoring-offline-check']"))).hasSize(1);
            driver.get(base + "/admin/jobs?lang=en");
            assertThat(driver.findElement(By.cssSelector("#jobs tr[data-job='hazard-escalation'] .job-name")).getText())
                    .isEqualTo("Hazard deadline reminders and escalation");
        } finally {
            driver.quit();
        }
    }

    @Test
    void theJobsPageIsForAdministratorsOnly() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port(a) + "/admin/jobs")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        String basic = Base64.getEncoder().encodeToString(("leader:" + IntegrationTest.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port(a) + "/actuator/metrics/dbscheduler_task_completions"))
                .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(403);
        String admin = Base64.getEncoder().encodeToString(("admin:" + IntegrationTest.PASSWORD).getBytes(StandardCharsets.UTF_8));
        await().atMost(WAIT).untilAsserted(() -> assertThat(http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port(a) + "/actuator/metrics/dbscheduler_task_completions"))
                .header("Authorization", "Basic " + admin).build(), HttpResponse.BodyHandlers.ofString()).body())
                .contains("hazard-escalation").contains("session-cleanup"));
    }

    private static int port(ConfigurableApplicationContext c) {
        return ((WebServerApplicationContext) c).getWebServer().getPort();
    }

    private static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    private long revivedRuns() {
        return jdbc.sql("select count(*) from scheduling_test.run where task = 'test-revived'").query(Long.class).single();
    }

    private long audits() {
        return jdbc.sql("select count(*) from audit.entry where action = 'hazard.escalation.run'").query(Long.class).single();
    }

    private long hazard(LocalDate deadline) {
        return jdbc.sql("""
                insert into hazard.hazard (enterprise_id, credit_code, region_code, zone_code, industry_code, place,
                    description, category, level, source, found_by, found_at, status, deadline, created_at, updated_at)
                select id, credit_code, region_code, zone_code, industry_code, '调度测试部位', '定时任务测试', 'OBJECT',
                    'GENERAL', 'GOVERNMENT', 'test', now(), 'ASSIGNED', :d, now(), now()
                from enterprise.enterprise where credit_code = '911410023123456732' returning id""")
                .param("d", deadline).query(Long.class).single();
    }

    private void moveDeadline(long hazard, LocalDate deadline) {
        jdbc.sql("update hazard.hazard set deadline = :d where id = :id").param("d", deadline).param("id", hazard).update();
    }

    private boolean notice(long hazard, String kind) {
        return jdbc.sql("""
                select exists (select 1 from hazard.escalation_notice n join hazard.hazard h on h.id = n.hazard_id
                               where h.id = :id and n.kind = :k and n.deadline = h.deadline)""")
                .param("id", hazard).param("k", kind).query(Boolean.class).single();
    }

    private long notifications(String user, long hazard, String kind) {
        return jdbc.sql("""
                select count(*) from notification.notification where recipient = :u and link = :l and kind = :k""")
                .param("u", user).param("l", "/hazards/" + hazard).param("k", kind).query(Long.class).single();
    }

    /** Jobs of the two instances only: each run writes which instance ran which execution. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TestJobs {

        @Bean
        OneTimeTask<Void> onceJob(JdbcClient jdbc) {
            return Tasks.oneTime("test-once").execute((instance, context) -> jdbc.sql(
                            "insert into scheduling_test.run (task, instance, picked_by) values ('test-once', :i, :by)")
                    .param("i", instance.getId()).param("by", context.getExecution().pickedBy).update());
        }

        @Bean
        RecurringTask<Void> revivedJob(JdbcClient jdbc) {
            return Tasks.recurring("test-revived", Schedules.fixedDelay(Duration.ofHours(1)))
                    .execute((instance, context) -> jdbc.sql(
                                    "insert into scheduling_test.run (task, instance, picked_by) values ('test-revived', :i, :by)")
                            .param("i", instance.getId()).param("by", context.getExecution().pickedBy).update());
        }
    }
}
