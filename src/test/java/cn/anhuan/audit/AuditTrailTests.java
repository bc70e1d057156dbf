package cn.anhuan.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import cn.anhuan.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The trail is written with the change, chained by hash, append-only, and tampering is detected. */
@IntegrationTest
class AuditTrailTests {

    @Autowired
    AuditTrail trail;
    @Autowired
    AuditLog log;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    MockMvc mvc;

    @Test
    void theDemoDataLeavesAnIntactChain() {
        AuditVerification v = log.verify();
        assertThat(v.intact()).as(v.problems().toString()).isTrue();
        assertThat(v.checked()).isGreaterThan(200);
    }

    @Test
    void anEntryRollsBackWithItsChange() {
        long before = count();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            trail.record("test.rolled-back", "test", 1, null, null, Map.of("a", 1));
            throw new IllegalStateException("the change fails");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(count()).isEqualTo(before);
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void recordingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> trail.record("test.no-tx", "test", 1, null, null, Map.of()))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }

    @Test
    void entriesCannotBeUpdatedOrDeletedThroughSql() {
        assertThatThrownBy(() -> jdbc.sql("update audit.entry set actor = 'mallory' where id = 1").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit.entry where id = 1").update())
                .hasMessageContaining("append-only");
    }

    @Test
    void anEditedEntryIsReportedByTheVerification() throws Exception {
        long id = tx.execute(s -> {
            trail.record("test.tamper", "test", 42, null, Map.of("v", 1), Map.of("v", 2));
            return jdbc.sql("select max(id) from audit.entry").query(Long.class).single();
        });
        String original = jdbc.sql("select new_value from audit.entry where id = :id").param("id", id)
                .query(String.class).single();
        try {
            bypassTrigger("update audit.entry set new_value = '{\"v\":3}' where id = " + id);
            AuditVerification v = log.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.problems()).containsExactly(new AuditVerification.Problem(id, "hash"));
            mvc.perform(get("/api/v1/audit/verify").with(httpBasic("admin", IntegrationTest.PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.intact").value(false))
                    .andExpect(jsonPath("$.problems[0].entryId").value(id))
                    .andExpect(jsonPath("$.problems[0].kind").value("hash"));
        } finally {
            bypassTrigger("update audit.entry set new_value = '" + original + "' where id = " + id);
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void aDeletedEntryBreaksTheLink() {
        long id = tx.execute(s -> {
            trail.record("test.delete-1", "test", 1, null, null, Map.of("n", 1));
            trail.record("test.delete-2", "test", 2, null, null, Map.of("n", 2));
            return jdbc.sql("select max(id) from audit.entry").query(Long.class).single();
        });
        long victim = id - 1;
        var row = jdbc.sql("select * from audit.entry where id = :id").param("id", victim).query().singleRow();
        try {
            bypassTrigger("delete from audit.entry where id = " + victim);
            assertThat(log.verify().problems()).containsExactly(new AuditVerification.Problem(id, "link"));
        } finally {
            tx.executeWithoutResult(s -> {
                jdbc.sql("""
                        insert into audit.entry (id, at, actor, actor_ip, action, entity_type, entity_id, region_code,
                                                 old_value, new_value, prev_hash, hash)
                        values (:id, :at, :actor, :actor_ip, :action, :entity_type, :entity_id, :region_code,
                                :old_value, :new_value, :prev_hash, :hash)""").params(row).update();
            });
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void withoutAUserTheLogShowsNothing() {
        assertThat(log.search(AuditFilter.none(), 10)).isEmpty();
    }

    @Test
    @WithUserDetails("admin")
    void theLogIsFilteredAndPagedByKeyset() throws Exception {
        var page1 = log.search(new AuditFilter(null, "user.", null, null, null, null, null), 5);
        assertThat(page1).hasSize(5).allMatch(e -> e.action().startsWith("user."));
        var page2 = log.search(new AuditFilter(null, "user.", null, null, null, null, page1.get(4).id()), 5);
        assertThat(page2).isNotEmpty().allMatch(e -> e.id() < page1.get(4).id());
        mvc.perform(get("/api/v1/audit").param("entityType", "region").param("limit", "3")
                        .with(httpBasic("admin", IntegrationTest.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(3))
                .andExpect(jsonPath("$[0].entityType").value("region"));
    }

    private void bypassTrigger(String sql) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("set local session_replication_role = replica").update();
            jdbc.sql(sql).update();
        });
    }

    private long count() {
        return jdbc.sql("select count(*) from audit.entry").query(Long.class).single();
    }
}
