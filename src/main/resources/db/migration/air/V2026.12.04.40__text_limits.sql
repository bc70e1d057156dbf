-- Upper bounds on the text users write (the application checks the same or lower limits first, per field).
alter table air.station add constraint station_text_limits
    check (length(name) <= 100 and length(name_en) <= 150 and length(region_code) <= 12);
alter table air.warning add constraint warning_text_limits
    check (length(document_no) <= 100 and length(reason) <= 2000);
alter table air.warning_change add constraint warning_change_text_limits check (length(reason) <= 2000);
alter table air.reduction_item add constraint reduction_item_text_limits
    check (length(enterprise_code) <= 30 and length(enterprise_name) <= 200 and length(region_code) <= 12
           and length(measures) <= 2000);
