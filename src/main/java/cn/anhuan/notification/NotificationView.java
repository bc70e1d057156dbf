package cn.anhuan.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/** One notification: a message key with its arguments, a link, and whether it was read. */
public record NotificationView(long id, String kind, String message, List<String> args, String link, Instant createdAt,
                               Instant readAt) {

    /** The arguments for the message, those stored as message keys resolved in the reader's language. */
    public Object[] argArray() {
        return args.stream().map(a -> a.startsWith(NotificationService.KEY)
                ? new DefaultMessageSourceResolvable(new String[] {a.substring(1)}, a.substring(1)) : a).toArray();
    }
}
