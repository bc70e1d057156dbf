package cn.anhuan.notification;

import java.time.Instant;
import java.util.List;

/** One notification: a message key with its arguments, a link, and whether it was read. */
public record NotificationView(long id, String kind, String message, List<String> args, String link, Instant createdAt,
                               Instant readAt) {

    public Object[] argArray() {
        return args.toArray();
    }
}
