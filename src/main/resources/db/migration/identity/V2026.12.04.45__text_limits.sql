-- Upper bounds on the text users write (the application checks the same or lower limits first, per field).
alter table identity.app_user add constraint app_user_text_limits
    check (length(region_code) <= 12 and length(enterprise_code) <= 18);
