package cn.anhuan.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.anhuan.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The licence-reminder pass on a chosen day: the nearest rung only, once per licence, expiry date and rung, the
 * enterprise's officers and its county's supervisors told, a digest for many, one audit entry per pass. Each test
 * runs in a transaction rolled back at its end, so the demo licences' reminders of the shared database stay
 * untouched for the scheduled job's own test.
 */
@IntegrationTest
class LicenceReminderTests {

    static final LocalDate TODAY = LocalDate.of(2030, 3, 10);
    static final String OFFICERS_ENTERPRISE = "911410023123456732";

    @Autowired
    LicenceReminders reminders;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void eachLicenceIsToldOnceAtItsNearestRungOnly() {
        rolledBack(() -> {
            long soon = licence("T-SOON", TODAY.plusDays(5));
            long later = licence("T-LATER", TODAY.plusDays(40));
            long far = licence("T-FAR", TODAY.plusDays(100));
            long expired = licence("T-EXPIRED", TODAY.minusDays(3));
            long audits = audits();

            Map<Integer, Integer> first = reminders.run(TODAY, 100_000);
            assertThat(first.get(7)).isGreaterThanOrEqualTo(1);
            assertThat(rungs(soon)).containsExactly(7);
            assertThat(rungs(later)).containsExactly(90);
            assertThat(rungs(far)).isEmpty();
            assertThat(rungs(expired)).containsExactly(0);
            assertThat(audits()).isEqualTo(audits + 1);
            assertThat(jdbc.sql("""
                    select new_value from audit.entry where action = 'enterprise.licence.reminders.run'
                    order by id desc limit 1""").query(String.class).single())
                    .contains("\"daysBefore7\"").contains("\"total\"");

            for (String user : List.of("demo.officer", "yaodu.safety")) {
                assertThat(notices(user, "T-SOON")).containsExactly("notification.licence.soon");
                assertThat(notices(user, "T-LATER")).containsExactly("notification.licence.soon");
                assertThat(notices(user, "T-FAR")).isEmpty();
                assertThat(notices(user, "T-EXPIRED")).containsExactly("notification.licence.expired");
            }
            assertThat(notices("houma.safety", "T-SOON")).as("another county").isEmpty();
            assertThat(notices("city.safety", "T-SOON")).isEmpty();

            assertThat(reminders.run(TODAY, 100_000)).as("a rerun tells nobody").isEmpty();
            assertThat(audits()).as("an empty pass is not audited").isEqualTo(audits + 1);
            assertThat(notices("demo.officer", "T-SOON")).hasSize(1);
        });
    }

    @Test
    void theNextRungAndARenewalAreToldAgain() {
        rolledBack(() -> {
            long l = licence("T-LADDER", TODAY.plusDays(40));
            reminders.run(TODAY, 100_000);
            reminders.run(TODAY.plusDays(5), 100_000);
            assertThat(rungs(l)).containsExactly(90);
            reminders.run(TODAY.plusDays(11), 100_000);
            assertThat(rungs(l)).containsExactly(30, 90);
            jdbc.sql("update enterprise.licence set expires_on = :d where id = :id")
                    .param("d", TODAY.plusDays(11 + 365)).param("id", l).update();
            reminders.run(TODAY.plusDays(11 + 300), 100_000);
            assertThat(rungs(l)).as("the renewed licence's own 90-day reminder").containsExactly(30, 90, 90);
            assertThat(notices("demo.officer", "T-LADDER")).hasSize(3);
        });
    }

    @Test
    void whoWouldGetManyRemindersGetsOneDigest() {
        rolledBack(() -> {
            licence("T-MANY-1", TODAY.plusDays(3));
            licence("T-MANY-2", TODAY.plusDays(4));
            licence("T-MANY-3", TODAY.plusDays(6));
            reminders.run(TODAY, 2);
            assertThat(notices("demo.officer", "T-MANY")).isEmpty();
            assertThat(jdbc.sql("""
                    select args from notification.notification
                    where recipient = 'demo.officer' and message = 'notification.licence.digest'""")
                    .query(String.class).list()).singleElement().satisfies(args ->
                    assertThat(Integer.parseInt(args)).isGreaterThanOrEqualTo(3));
        });
    }

    @Test
    void aClosedEnterprisesLicencesAreNotTold() {
        rolledBack(() -> {
            long l = licence("T-CLOSED", TODAY.plusDays(5));
            jdbc.sql("update enterprise.enterprise set status = 'CLOSED' where credit_code = :c")
                    .param("c", OFFICERS_ENTERPRISE).update();
            reminders.run(TODAY, 100_000);
            assertThat(rungs(l)).isEmpty();
            assertThat(notices("demo.officer", "T-CLOSED")).isEmpty();
        });
    }

    private void rolledBack(Runnable test) {
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            test.run();
        });
    }

    private long licence(String number, LocalDate expires) {
        return jdbc.sql("""
                insert into enterprise.licence (enterprise_id, kind, number, issuer, issued_on, expires_on)
                select id, 'SAFETY_PRODUCTION', :n, '临汾市应急管理局', :issued, :expires
                from enterprise.enterprise where credit_code = :c returning id""")
                .param("n", number).param("issued", expires.minusYears(3)).param("expires", expires)
                .param("c", OFFICERS_ENTERPRISE).query(Long.class).single();
    }

    private List<Integer> rungs(long licence) {
        return jdbc.sql("select rung from enterprise.licence_reminder where licence_id = :id order by rung")
                .param("id", licence).query(Integer.class).list();
    }

    private List<String> notices(String user, String numberPrefix) {
        return jdbc.sql("""
                select message from notification.notification
                where recipient = :u and kind = 'LICENCE_EXPIRY' and args like '%' || :n || '%' order by id""")
                .param("u", user).param("n", numberPrefix).query(String.class).list();
    }

    private long audits() {
        return jdbc.sql("select count(*) from audit.entry where action = 'enterprise.licence.reminders.run'")
                .query(Long.class).single();
    }
}
