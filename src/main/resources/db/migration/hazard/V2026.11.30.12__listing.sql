-- 挂牌督办: the formal listing of a major hazard by the city or county, and its delisting (摘牌) after acceptance.
create table hazard.listing (
    hazard_id        bigint primary key references hazard.hazard (id),
    document_no      text        not null,
    supervising_unit text        not null,
    supervisor       text        not null,
    deadline         date        not null,
    public_notice    boolean     not null default true,
    listed_by        text        not null,
    listed_at        timestamptz not null,
    delisted_by      text,
    delisted_at      timestamptz,
    delist_note      text
);
