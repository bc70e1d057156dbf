-- Upper bounds on the text users write (the application checks the same or lower limits first, per field).
alter table enterprise.enterprise add constraint enterprise_text_limits
    check (length(region_code) <= 12 and length(zone_code) <= 12 and length(address) <= 300
           and length(industry_code) <= 40 and length(legal_representative) <= 50 and length(safety_manager) <= 50
           and length(safety_manager_phone) <= 20);
alter table enterprise.licence add constraint licence_text_limits check (length(issuer) <= 100);
alter table enterprise.major_hazard_substance add constraint major_hazard_substance_text_limits
    check (length(name) <= 200 and length(category) <= 40);
