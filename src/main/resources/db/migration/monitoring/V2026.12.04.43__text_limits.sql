-- Upper bounds on the text users write (the application checks the same or lower limits first, per field).
alter table monitoring.device add constraint device_text_limits check (length(outlet_code) <= 20);
alter table monitoring.alarm add constraint alarm_text_limits
    check (length(ack_note) <= 2000 and length(close_note) <= 2000);
