-- An administrator's password reset obliges the user to choose a new password at the next sign-in.
alter table identity.app_user add column password_change_required boolean not null default false;
