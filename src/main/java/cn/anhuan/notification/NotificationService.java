package cn.anhuan.notification;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import cn.anhuan.shared.Actor;
import cn.anhuan.shared.NotFoundException;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each user's own notifications: list, unread count, mark as read. Nobody sees another user's. */
@Service
@Transactional(readOnly = true)
public class NotificationService {

    private static final String SEPARATOR = "\u001f";
    /** Marks an argument that is a message key, shown in the reader's language (a control character no form sends). */
    static final String KEY = "\u0002";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DataSource dataSource;

    NotificationService(JdbcClient jdbc, Clock clock, DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<NotificationView> inbox(int limit) {
        return inbox(null, limit);
    }

    /** The caller's notifications older than {@code before} (keyset paging; null: the newest), newest first. */
    public List<NotificationView> inbox(Long before, int limit) {
        return jdbc.sql("""
                select * from notification.notification where recipient = :r and id < :before order by id desc limit :n""")
                .param("r", me()).param("before", before == null ? Long.MAX_VALUE : before).param("n", limit)
                .query((rs, n) -> {
                    OffsetDateTime read = rs.getObject("read_at", OffsetDateTime.class);
                    return new NotificationView(rs.getLong("id"), rs.getString("kind"), rs.getString("message"),
                            Arrays.asList(rs.getString("args").split(SEPARATOR, -1)), rs.getString("link"),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                            read == null ? null : read.toInstant());
                }).list();
    }

    public long unread() {
        String me = me();
        return me == null ? 0 : jdbc.sql("""
                select count(*) from notification.notification where recipient = :r and read_at is null""")
                .param("r", me).query(Long.class).single();
    }

    @Transactional
    public void markRead(long id) {
        int n = jdbc.sql("""
                update notification.notification set read_at = coalesce(read_at, :now) where id = :id and recipient = :r""")
                .param("now", now()).param("id", id).param("r", me()).update();
        if (n == 0) {
            throw new NotFoundException("notification", id);
        }
    }

    /**
     * Marks one of the caller's notifications read and returns where it leads (a path inside the platform; anything
     * else leads to the inbox, so a stored link can never send the reader to another site).
     */
    @Transactional
    public String open(long id) {
        markRead(id);
        String link = jdbc.sql("select link from notification.notification where id = :id and recipient = :r")
                .param("id", id).param("r", me()).query(String.class).single();
        boolean local = link != null && link.startsWith("/") && !link.startsWith("//") && !link.contains("\\");
        return local ? link : "/notifications";
    }

    @Transactional
    public int markAllRead() {
        return jdbc.sql("update notification.notification set read_at = :now where recipient = :r and read_at is null")
                .param("now", now()).param("r", me()).update();
    }

    /** Stores one notification per recipient (called inside the transaction of what it reports). */
    void send(Collection<String> recipients, String kind, String message, List<String> args, String link) {
        for (String r : recipients) {
            jdbc.sql("""
                    insert into notification.notification (recipient, kind, message, args, link, created_at)
                    values (:r, :kind, :message, :args, :link, :now)""")
                    .param("r", r).param("kind", kind).param("message", message)
                    .param("args", String.join(SEPARATOR, args)).param("link", link).param("now", now()).update();
        }
    }

    /** An argument shown as the text of this message key in the reader's language. */
    static String key(String code) {
        return KEY + code;
    }

    /** One notification to store. */
    record Row(String recipient, String kind, String message, List<String> args, String link) {
    }

    /** Stores many notifications with one COPY (escalation passes), in the caller's transaction. */
    void sendAll(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String now = clock.instant().toString();
        StringBuilder copy = new StringBuilder(rows.size() * 96);
        for (Row r : rows) {
            copy.append(escape(r.recipient())).append('\t').append(escape(r.kind())).append('\t')
                    .append(escape(r.message())).append('\t').append(escape(String.join(SEPARATOR, r.args())))
                    .append('\t').append(escape(r.link())).append('\t').append(now).append('\n');
        }
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                    copy notification.notification (recipient, kind, message, args, link, created_at) from stdin""",
                    new StringReader(copy.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot store notifications", e);
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    /** COPY text format: backslash, tab and newline escaped. */
    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String me() {
        String name = Actor.name();
        return Actor.SYSTEM.equals(name) ? null : name;
    }
}
