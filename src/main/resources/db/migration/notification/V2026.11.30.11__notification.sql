-- In-app notifications, one row per recipient.
create schema if not exists notification;

create table notification.notification (
    id         bigserial primary key,
    recipient  text        not null,
    kind       text        not null,
    message    text        not null,
    args       text        not null,
    link       text,
    created_at timestamptz not null,
    read_at    timestamptz
);
create index notification_unread_idx on notification.notification (recipient, id) where read_at is null;
create index notification_recipient_idx on notification.notification (recipient, id);
