package cn.anhuan.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anchors the hash chain outside the database: signs checkpoints (the head's sequence number and hash) with a
 * key kept in a file and appends them to the checkpoint log. A database superuser who rewrites entries and
 * recomputes every later hash leaves a chain that verifies by itself, but no longer matches the checkpoints
 * signed before the rewrite. A checkpoint is signed only after the entries since the previous one were
 * re-computed and found chained to it, so a rewrite is never signed over.
 */
@Service
public class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);
    private static final String GENESIS = "0".repeat(64);

    /** What {@link #checkpoint()} did: wrote a new checkpoint, found the head already anchored, or refused. */
    public enum Outcome { WRITTEN, UNCHANGED, EMPTY, REFUSED }

    /**
     * The outcome with the latest checkpoint (null while the chain is empty); when refused, the entry at which
     * the chain stopped matching the previous checkpoint.
     */
    public record Result(Outcome outcome, Checkpoint latest, Long refusedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CheckpointKey key;
    private final CheckpointLog file;
    private final boolean publish;
    private volatile Checkpoint latest;
    private volatile ValidPrefix validPrefix = new ValidPrefix(0, digest(List.of(), 0));

    AuditCheckpoints(JdbcClient jdbc, Clock clock, CheckpointProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.key = CheckpointKey.loadOrCreate(properties.keyFile());
        this.file = new CheckpointLog(properties.file());
        this.publish = properties.publish();
        List<CheckpointLog.Line> lines = file.read();
        for (int i = lines.size() - 1; i >= 0 && latest == null; i--) {
            if (signedHere(lines.get(i).checkpoint())) {
                latest = lines.get(i).checkpoint();
            }
        }
        log.info("Audit checkpoints: key {} (public key SHA-256 {}), log {} with {} lines",
                properties.keyFile(), key.fingerprint(), properties.file(), lines.size());
    }

    /**
     * Signs and appends a checkpoint of the current chain head, unless it is already anchored or the entries
     * since the previous checkpoint do not chain to it (then nothing is signed, and an error is logged).
     */
    @Transactional(readOnly = true)
    public synchronized Result checkpoint() {
        var head = jdbc.sql("select last_id, last_hash from audit.chain_head")
                .query((rs, n) -> new Checkpoint(rs.getLong(1), rs.getString(2), null, null)).single();
        Checkpoint previous = latest;
        if (head.seq() == 0) {
            return new Result(Outcome.EMPTY, previous, null);
        }
        if (previous != null && previous.seq() == head.seq() && previous.headHash().equals(head.headHash())) {
            return new Result(Outcome.UNCHANGED, previous, null);
        }
        Long broken = firstUnchainedEntry(previous, head);
        if (broken != null) {
            log.error("Audit chain no longer continues checkpoint {} (it differs at entry {}): nothing signed; "
                    + "verify the audit trail", previous == null ? 0 : previous.seq(), broken);
            return new Result(Outcome.REFUSED, previous, broken);
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Checkpoint next = new Checkpoint(head.seq(), head.headHash(), at,
                key.sign(Checkpoint.signedBytes(head.seq(), head.headHash(), at)));
        file.append(next);
        latest = next;
        return new Result(Outcome.WRITTEN, next, null);
    }

    /** Null when every entry after {@code previous} up to {@code head} chains to it; else the first that does not. */
    private Long firstUnchainedEntry(Checkpoint previous, Checkpoint head) {
        long from = previous == null ? 0 : previous.seq();
        String[] running = {previous == null ? GENESIS : previous.headHash()};
        if (previous != null) {
            if (previous.seq() > head.seq()) {
                return head.seq();
            }
            String stored = jdbc.sql("select hash from audit.entry where id = :id").param("id", from)
                    .query(String.class).optional().orElse(null);
            if (!previous.headHash().equals(stored)) {
                return from;
            }
        }
        Long[] broken = {null};
        long[] last = {from};
        jdbc.sql("select * from audit.entry where id > :from and id <= :to order by id")
                .param("from", from).param("to", head.seq()).withFetchSize(2000)
                .query((RowCallbackHandler) rs -> {
                    if (broken[0] != null) {
                        return;
                    }
                    AuditEntry e = AuditLog.map(rs, 0);
                    if (!e.prevHash().equals(running[0]) || !AuditTrail.hash(e).equals(e.hash())) {
                        broken[0] = e.id();
                    }
                    running[0] = e.hash();
                    last[0] = e.id();
                });
        if (broken[0] == null && (last[0] != head.seq() || !running[0].equals(head.headHash()))) {
            broken[0] = head.seq();
        }
        return broken[0];
    }

    /** The latest checkpoint this instance knows (written by it or read from the log at start). */
    public Optional<Checkpoint> latest() {
        return Optional.ofNullable(latest);
    }

    /** Whether the latest checkpoint and public key are shown on the public page. */
    public boolean published() {
        return publish;
    }

    /** The public key (PEM) that verifies every checkpoint signature. */
    public String publicKeyPem() {
        return key.publicKeyPem();
    }

    /** SHA-256 of the public key, hex. */
    public String fingerprint() {
        return key.fingerprint();
    }

    /**
     * The checkpoint log as it is now, each line checked for form and signature, for comparing with the chain.
     * A JDK Ed25519 verification costs milliseconds, so the lines already found valid are remembered as a
     * digest of the log's valid prefix: while that prefix is byte for byte unchanged, only later lines are
     * verified again. When that prefix has changed, the log was rewritten (even if with validly signed lines,
     * by someone holding the key): that is reported, and stays reported until the prefix is back or a restart.
     */
    CheckpointComparison comparison() {
        List<CheckpointLog.Line> lines = file.read();
        ValidPrefix known = validPrefix;
        boolean unchanged = known.lines() <= lines.size()
                && Arrays.equals(known.digest(), digest(lines, known.lines()));
        int skip = unchanged ? known.lines() : 0;
        int[] prefix = {skip};
        CheckpointComparison comparison = new CheckpointComparison(lines, index -> {
            boolean valid = index < skip || signedHere(lines.get(index).checkpoint());
            if (valid && index == prefix[0]) {
                prefix[0]++;
            }
            return valid;
        }, unchanged ? 0 : known.lines());
        if (unchanged) {
            validPrefix = new ValidPrefix(prefix[0], digest(lines, prefix[0]));
        }
        return comparison;
    }

    private record ValidPrefix(int lines, byte[] digest) {
    }

    private static byte[] digest(List<CheckpointLog.Line> lines, int count) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < count; i++) {
                sha.update((lines.get(i).number() + " " + lines.get(i).text() + "\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean signedHere(Checkpoint c) {
        return c != null && key.verifies(Checkpoint.signedBytes(c.seq(), c.headHash(), c.at()), c.signature());
    }
}
