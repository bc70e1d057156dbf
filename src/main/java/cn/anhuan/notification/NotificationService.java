package cn.anhuan.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import cn.anhuan.shared.Actor;
import cn.anhuan.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each user's own notifications: list, unread count, mark as read. Nobody sees another user's. */
@Service
@Transactional(readOnly = true)
public class NotificationService {

    private static final String SEPARATOR = "\u001f";

    private final JdbcClient jdbc;
    private final Clock clock;

    NotificationService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<NotificationView> inbox(int limit) {
        return jdbc.sql("select * from notification.notification where recipient = :r order by id desc limit :n")
                .param("r", me()).param("n", limit)
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

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String me() {
        String name = Actor.name();
        return Actor.SYSTEM.equals(name) ? null : name;
    }
}
