package cn.anhuan.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;

import cn.anhuan.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chain is anchored outside the database: a superuser who rewrites an entry and re-computes every later
 * hash by SQL leaves a chain that verifies by itself, but not against the signed checkpoints.
 */
@IntegrationTest
class AuditCheckpointTests {

    @Autowired
    AuditTrail trail;
    @Autowired
    AuditLog log;
    @Autowired
    AuditCheckpoints checkpoints;
    @Autowired
    CheckpointProperties properties;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    @Test
    void aRewrittenAndRechainedTrailIsReportedAgainstTheCheckpoints() throws Exception {
        long a = record("test.anchor-a", Map.of("n", 1));
        long checkpointA = checkpoints.checkpoint().latest().seq();
        long b = record("test.anchor-b", Map.of("amount", 100));
        long checkpointB = checkpoints.checkpoint().latest().seq();
        record("test.anchor-c", Map.of("n", 3));
        assertThat(checkpoints.checkpoint().outcome()).isEqualTo(AuditCheckpoints.Outcome.WRITTEN);
        assertThat(log.verify().intact()).isTrue();
        assertThat(checkpointA).isGreaterThanOrEqualTo(a).isLessThan(b);
        assertThat(checkpointB).isGreaterThanOrEqualTo(b);

        // The superuser's rewrite, rolled back at the end so that the shared database keeps its true trail.
        tx.executeWithoutResult(status -> {
            status.setRollbackOnly();
            rewriteAndRechain(b, "{\"amount\":1}");
            AuditVerification v = log.verify();
            assertThat(v.problems()).as("the rechained trail verifies by itself").isEmpty();
            assertThat(v.intact()).isFalse();
            var d = v.checkpoints().firstDisagreement();
            assertThat(d).isNotNull();
            assertThat(d.kind()).isEqualTo("hash");
            assertThat(d.seq()).isBetween(b, checkpointB);
            assertThat(d.rewrittenFrom()).isGreaterThan(checkpointA).isLessThanOrEqualTo(b);
            assertThat(d.rewrittenTo()).isEqualTo(d.seq());
            assertThat(v.checkpoints().disagreeing()).isGreaterThanOrEqualTo(2);
            assertThat(checkpoints.checkpoint().outcome()).as("a rewrite is never signed over")
                    .isEqualTo(AuditCheckpoints.Outcome.REFUSED);
            try {
                mvc.perform(get("/api/v1/audit/verify").with(httpBasic("admin", IntegrationTest.PASSWORD)))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.intact").value(false))
                        .andExpect(jsonPath("$.problems.length()").value(0))
                        .andExpect(jsonPath("$.checkpoints.firstDisagreement.seq").value(d.seq()))
                        .andExpect(jsonPath("$.checkpoints.firstDisagreement.rewrittenFrom").value(d.rewrittenFrom()));
                mvc.perform(post("/admin/audit/verify").with(user(users.loadUserByUsername("admin"))).with(csrf()))
                        .andExpect(status().isOk())
                        .andExpect(content().string(org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.containsString("alert-danger"),
                                org.hamcrest.Matchers.containsString("哈希链本身完整"),
                                org.hamcrest.Matchers.containsString("第一个不符的是记录 " + d.seq() + " 的检查点"),
                                org.hamcrest.Matchers.containsString(d.rewrittenFrom() == d.rewrittenTo()
                                        ? "被改写的第一条记录是记录 " + d.rewrittenFrom()
                                        : "被改写的第一条记录在记录 " + d.rewrittenFrom() + " 至 " + d.rewrittenTo()))));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void aCheckpointLineWithABadSignatureIsReported() throws Exception {
        record("test.anchor-line", Map.of("n", 1));
        Checkpoint signed = checkpoints.checkpoint().latest();
        assertThat(log.verify().intact()).as("the line is now among those known valid").isTrue();
        try (TamperedLine line = new TamperedLine(properties.file(), signed)) {
            AuditVerification v = log.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.problems()).isEmpty();
            assertThat(v.checkpoints().badLines())
                    .containsExactly(new AuditVerification.BadLine(line.number, "signature", signed.seq()));
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void aCheckpointLogRewrittenBySqlWithTheStolenKeyIsReportedWhileRunning(@TempDir Path attacker) throws Exception {
        record("test.anchor-stolen-key", Map.of("n", 1));
        Checkpoint signed = checkpoints.checkpoint().latest();
        assertThat(log.verify().intact()).isTrue();
        byte[] original = Files.readAllBytes(properties.file());

        // The embedded PostgreSQL runs as the platform's OS user: its superuser reads the 0600 key file...
        String keyText = jdbc.sql("select pg_read_file(:path)")
                .param("path", properties.keyFile().toAbsolutePath().toString()).query(String.class).single();
        Path stolen = attacker.resolve("key");
        Files.writeString(stolen, keyText);
        Files.setPosixFilePermissions(stolen, PosixFilePermissions.fromString("rw-------"));
        CheckpointKey key = CheckpointKey.loadOrCreate(stolen);
        // ...and writes the log anew with a line re-signed (here its time moved; after a rechain it would be
        // the new head hash): every line verifies and matches the chain, only the rewrite itself shows.
        Instant at = signed.at().plusSeconds(1);
        Checkpoint forged = new Checkpoint(signed.seq(), signed.headHash(), at,
                key.sign(Checkpoint.signedBytes(signed.seq(), signed.headHash(), at)));
        String forgedLog = new String(original, StandardCharsets.US_ASCII).replace(signed.line(), forged.line()).strip();
        assertThat(forgedLog).contains(forged.line());
        try {
            jdbc.sql("copy (select unnest(string_to_array($l$" + forgedLog + "$l$, E'\\n'))) to '"
                    + properties.file().toAbsolutePath() + "'").update();
            assertThat(Files.readString(properties.file())).contains(forged.line());
            AuditVerification v = log.verify();
            assertThat(v.checkpoints().badLines()).as("the forged line is validly signed").isEmpty();
            assertThat(v.checkpoints().firstDisagreement()).isNull();
            assertThat(v.problems()).isEmpty();
            assertThat(v.checkpoints().rewrittenPrefix()).isPositive();
            assertThat(v.intact()).isFalse();
        } finally {
            Files.write(properties.file(), original);
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void thePublicPageShowsTheLatestCheckpointAndTheKeyWithoutLogin() throws Exception {
        record("test.anchor-public", Map.of("n", 1));
        Checkpoint latest = checkpoints.checkpoint().latest();
        mvc.perform(get("/public/audit-anchor"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString(latest.line()),
                        org.hamcrest.Matchers.containsString(checkpoints.fingerprint()),
                        org.hamcrest.Matchers.containsString("-----BEGIN PUBLIC KEY-----"))));
    }

    private long record(String action, Map<String, ?> value) {
        return tx.execute(s -> {
            trail.record(action, "test", 1, null, null, value);
            return jdbc.sql("select last_id from audit.chain_head").query(Long.class).single();
        });
    }

    /** What a superuser can do by SQL alone: edit an entry, then re-compute its hash and every later one. */
    private void rewriteAndRechain(long id, String newValue) {
        jdbc.sql("set local session_replication_role = replica").update();
        jdbc.sql("update audit.entry set new_value = :v where id = :id").param("v", newValue).param("id", id).update();
        jdbc.sql("""
                do $$
                declare
                    r record;
                    prev text := coalesce((select hash from audit.entry where id < %d order by id desc limit 1),
                                          repeat('0', 64));
                begin
                    for r in select * from audit.entry where id >= %d order by id loop
                        update audit.entry set prev_hash = prev,
                            hash = encode(sha256(convert_to(concat_ws(chr(31), prev, r.id::text,
                                ((extract(epoch from r.at) * 1000000)::bigint)::text, r.actor,
                                coalesce(r.actor_ip, chr(9216)), r.action, r.entity_type, r.entity_id,
                                coalesce(r.region_code, chr(9216)), coalesce(r.old_value, chr(9216)),
                                coalesce(r.new_value, chr(9216))), 'UTF8')), 'hex')
                        where id = r.id
                        returning hash into prev;
                    end loop;
                    update audit.chain_head set last_hash = prev;
                end
                $$""".formatted(id, id)).update();
    }
}
