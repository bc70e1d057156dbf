-- Upper bounds on the text users write (the application checks the same or lower limits first, per field).
alter table risk.point add constraint point_text_limits
    check (length(control_measures) <= 2000 and length(responsible_post) <= 200);
