package cn.anhuan.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import cn.anhuan.AnhuanApplication;
import cn.anhuan.IntegrationTest;
import cn.anhuan.audit.AuditCheckpoints;
import cn.anhuan.audit.AuditTrail;
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
import org.springframework.transaction.support.TransactionTemplate;

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
    @Autowired
    AuditTrail trail;
    @Autowired
    TransactionTemplate tx;

    ConfigurableApplicationContext a;
    ConfigurableApplicationContext b;

    @BeforeAll
    void startTwoInstances() {
        jdbc.sql("create schema if not exists scheduling_test").update();
        jdbc.sql("create table if not exists scheduling_test.run (task text, instance text, picked_by text)").update();
        HikariDataSource suite = (HikariDataSource) dataSource;
        a = start("A", suite);
        b = start("B", suite);
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

    private static ConfigurableApplicationContext start(String name, HikariDataSource suite) {
        return new SpringApplicationBuilder(AnhuanApplication.class, TestJobs.class).profiles("test").run(
                "--anhuan.audit.checkpoint.file=" + checkpointLog(name),
                // The suite's embedded database admits its generated password only.
                "--spring.datasource.url=" + suite.getJdbcUrl(), "--spring.datasource.username=" + suite.getUsername(),
                "--spring.datasource.password=" + suite.getPassword(),
                "--spring.datasource.hikari.maximum-pool-size=5", "--server.port=0", "--monitoring.hj212.port=0",
                "--spring.main.banner-mode=off", "--spring.autoconfigure.exclude=",
                "--anhuan.scheduling.enabled=true", "--anhuan.scheduling.instance-name=" + name,
                "--anhuan.scheduling.polling-interval=200ms", "--anhuan.scheduling.heartbeat-interval=1s",
                "--anhuan.scheduling.missed-heartbeats=4",
                "--anhuan.hazard.escalation.cron=*/2 * * * * *",
                "--anhuan.air.warning-expiry-check=1s",
                "--anhuan.enterprise.licence-reminders.cron=*/2 * * * * *",
                "--anhuan.enterprise.licence-reminders.digest-above=100000", "--anhuan.hazard.escalation.digest-above=100000");
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
            for (var job : java.util.Map.of("audit-checkpoint", "审计链签名检查点",
                    "enterprise-licence-reminders", "许可证到期提醒", "air-warning-expiry", "重污染预警到期自动解除").entrySet()) {
                assertThat(driver.findElement(By.cssSelector("#jobs tr[data-job='" + job.getKey() + "'] .job-name"))
                        .getText()).isEqualTo(job.getValue());
            }
            driver.get(base + "/admin/jobs?lang=en");
            assertThat(driver.findElement(By.cssSelector("#jobs tr[data-job='hazard-escalation'] .job-name")).getText())
                    .isEqualTo("Hazard deadline reminders and escalation");
            assertThat(driver.findElement(By.cssSelector("#jobs tr[data-job='enterprise-licence-reminders'] .job-name"))
                    .getText()).isEqualTo("Licence expiry reminders");
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

    @Test
    void theCheckpointJobAnchorsNewEntriesByItself() throws Exception {
        long id = auditEntry();
        // The line is in the file (fsynced) a moment before the instance's latest checkpoint and job status are.
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(Math.max(lastCheckpoint("A"), lastCheckpoint("B"))).isGreaterThanOrEqualTo(id);
            ConfigurableApplicationContext writer = lastCheckpoint("A") >= id ? a : b;
            assertThat(writer.getBean(AuditCheckpoints.class).latest().orElseThrow().seq()).isGreaterThanOrEqualTo(id);
            assertThat(jdbc.sql("select last_result from scheduling.job_status where task_name = 'audit-checkpoint'")
                    .query(String.class).single()).isEqualTo("OK");
        });
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of("target/test-audit/audit-key"))))
                .isEqualTo("rw-------");
    }

    @Test
    void aWarningWhoseEndHasPassedIsLiftedOnceBySystem() {
        // At most one warning is active: one left by another test class is ended too.
        jdbc.sql("update air.warning set status = 'LIFTED', lifted_at = now() where status = 'ACTIVE'").update();
        long id = jdbc.sql("""
                insert into air.warning (scheme, level, status, document_no, reason, starts_at, ends_at, issued_at,
                                         issued_by, forecast)
                values ('2018', 'ORANGE', 'ACTIVE', '临环预〔2026〕调度', '调度测试', now() - interval '2 days',
                        now() + interval '2 seconds', now() - interval '2 days', 'city.env', '[]')
                returning id""").query(Long.class).single();
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.sql("select status from air.warning where id = :id")
                .param("id", id).query(String.class).single()).isEqualTo("LIFTED"));
        await().during(Duration.ofSeconds(3)).atMost(WAIT).untilAsserted(() -> assertThat(jdbc.sql("""
                select action || '|' || by_user || '|' || reason || '|' || reason_key from air.warning_change
                where warning_id = :id""").param("id", id).query(String.class).list())
                .containsExactly("LIFTED|system|到期自动解除|air.warning.expiredReason"));
        assertThat(jdbc.sql("""
                select actor || '|' || new_value from audit.entry where action = 'air.warning.lifted' and entity_id = :id""")
                .param("id", String.valueOf(id)).query(String.class).list())
                .as("audited once, as a manual lift is").singleElement().asString()
                .startsWith("system|").contains("LIFTED").contains("到期自动解除");
        assertThat(jdbc.sql("select ends_at < lifted_at from air.warning where id = :id").param("id", id)
                .query(Boolean.class).single()).as("the announced end is kept").isTrue();

        WebDriver driver = Browser.start();
        try {
            Browser.login(driver, "http://localhost:" + port(b), "city.env", IntegrationTest.PASSWORD);
            driver.findElement(By.id("nav-warnings")).click();
            Browser.waitFor(driver).until(d -> !d.findElements(By.id("warning-history")).isEmpty());
            assertThat(driver.findElement(By.id("warning-history")).getText()).contains("临环预〔2026〕调度")
                    .contains("到期自动解除").contains("system");
            driver.findElement(By.id("lang-en")).click();
            Browser.waitFor(driver).until(d -> d.findElement(By.id("warning-history")).getText()
                    .contains("Expired (lifted automatically at its end)"));
        } finally {
            driver.quit();
        }
    }

    @Test
    void aLicenceExpiringInFiveDaysIsRemindedOnceAcrossBothInstances() {
        String number = "调度-" + RUN_ID.substring(0, 8);
        long audits = jdbc.sql("select count(*) from audit.entry where action = 'enterprise.licence.reminders.run'")
                .query(Long.class).single();
        long licence = jdbc.sql("""
                insert into enterprise.licence (enterprise_id, kind, number, issuer, issued_on, expires_on)
                select id, 'SAFETY_PRODUCTION', :n, '临汾市应急管理局', :issued, :expires
                from enterprise.enterprise where credit_code = '911410023123456732' returning id""")
                .param("n", number).param("issued", LocalDate.now(CITY).minusYears(3))
                .param("expires", LocalDate.now(CITY).plusDays(5)).query(Long.class).single();
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(licenceNotices("demo.officer", number)).isEqualTo(1);
            assertThat(licenceNotices("yaodu.safety", number)).isEqualTo(1);
        });
        // Several more passes run on either instance meanwhile (every 2 s): none tells anyone again.
        long passes = completions("enterprise-licence-reminders");
        await().atMost(WAIT).until(() -> completions("enterprise-licence-reminders") >= passes + 3);
        assertThat(licenceNotices("demo.officer", number)).isEqualTo(1);
        assertThat(licenceNotices("yaodu.safety", number)).isEqualTo(1);
        assertThat(jdbc.sql("select rung from enterprise.licence_reminder where licence_id = :id")
                .param("id", licence).query(Integer.class).list()).containsExactly(7);
        assertThat(jdbc.sql("select count(*) from audit.entry where action = 'enterprise.licence.reminders.run'")
                .query(Long.class).single()).isGreaterThan(audits);

        WebDriver driver = Browser.start();
        try {
            Browser.login(driver, "http://localhost:" + port(a), "demo.officer", IntegrationTest.PASSWORD);
            driver.findElement(By.id("nav-notifications")).click();
            Browser.waitFor(driver).until(d -> d.getPageSource().contains(number));
            WebElement notice = driver.findElement(By.xpath("//a[contains(., '" + number + "')]"));
            assertThat(notice.getText()).contains("将于 " + LocalDate.now(CITY).plusDays(5) + " 到期").contains("还剩 5 天");
            notice.click();
            Browser.waitFor(driver).until(d -> d.getCurrentUrl().contains("/enterprises/"));
            assertThat(driver.getPageSource()).contains(number);
        } finally {
            driver.quit();
        }
    }

    private long licenceNotices(String user, String number) {
        return jdbc.sql("""
                select count(*) from notification.notification
                where recipient = :u and kind = 'LICENCE_EXPIRY' and message = 'notification.licence.soon'
                  and args like '%' || :n || '%'""").param("u", user).param("n", number).query(Long.class).single();
    }

    private long completions(String task) {
        return jdbc.sql("select coalesce(sum(runs), 0) from scheduling.job_status where task_name = :t")
                .param("t", task).query(Long.class).single();
    }

    @Test
    void theSamplePruningJobDeletesExpiredAndOverSampleRejectsByItself() {
        jdbc.sql("""
                insert into monitoring.reject (received_at, reason, remote, source, raw)
                select now() - interval '40 days', 'MALFORMED', '/127.0.0.62:4000', '127.0.0.62', 'old'::bytea
                from generate_series(1, 3)""").update();
        jdbc.sql("""
                insert into monitoring.reject (received_at, reason, remote, source, raw)
                select now(), 'MALFORMED', '/127.0.0.63:4000', '127.0.0.63', ('before sampling ' || g)::bytea
                from generate_series(1, 120) g""").update();
        long audits = jdbc.sql("select count(*) from audit.entry where action = 'monitoring.sample.pruned'")
                .query(Long.class).single();
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(rejects("127.0.0.62")).isZero();
            assertThat(rejects("127.0.0.63")).isEqualTo(100);
            assertThat(jdbc.sql("select count(*) from audit.entry where action = 'monitoring.sample.pruned'")
                    .query(Long.class).single()).isGreaterThan(audits);
        });
        assertThat(jdbc.sql("select last_result from scheduling.job_status where task_name = 'monitoring-sample-pruning'")
                .query(String.class).single()).isEqualTo("OK");
    }

    private long rejects(String source) {
        return jdbc.sql("select count(*) from monitoring.reject where source = :s").param("s", source)
                .query(Long.class).single();
    }

    private static final String RUN_ID = UUID.randomUUID().toString();

    private static Path checkpointLog(String instance) {
        return Path.of("target/test-audit/scheduling-" + instance + "-" + RUN_ID + ".log");
    }

    private static long lastCheckpoint(String instance) throws Exception {
        Path file = checkpointLog(instance);
        List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
        return lines.isEmpty() ? 0 : Long.parseLong(lines.get(lines.size() - 1).split(" ")[0]);
    }

    private long auditEntry() {
        return tx.execute(s -> {
            trail.record("test.anchor-scheduled", "test", 1, null, null, java.util.Map.of("n", 1));
            return jdbc.sql("select last_id from audit.chain_head").query(Long.class).single();
        });
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
