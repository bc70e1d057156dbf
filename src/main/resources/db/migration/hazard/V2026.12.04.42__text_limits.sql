-- Upper bounds on the text users write (the application checks the same or lower limits first, per field).
alter table hazard.hazard add constraint hazard_text_limits
    check (length(basis) <= 500 and length(responsible_person) <= 100 and length(measures) <= 4000
           and length(contingency_plan) <= 4000 and length(rectification_note) <= 2000);
alter table hazard.step add constraint step_text_limits check (length(note) <= 4000);
alter table hazard.extension add constraint extension_text_limits
    check (length(reason) <= 2000 and length(decision_note) <= 2000);
alter table hazard.listing add constraint listing_text_limits
    check (length(document_no) <= 100 and length(supervising_unit) <= 200 and length(supervisor) <= 100
           and length(delist_note) <= 2000);
alter table hazard.citizen_report add constraint citizen_report_text_limits
    check (length(region_code) <= 12 and length(reporter_name) <= 50 and length(reporter_phone) <= 20
           and length(outcome_note) <= 2000);
