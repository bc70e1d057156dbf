-- Regions, departments, regulatory industries and who supervises which industry at which level.
create schema if not exists organization;

create table organization.region (
    code        text primary key check (code ~ '^[0-9A-Z]{6,12}$'),
    name        text not null check (length(name) between 1 and 100),
    name_en     text not null check (length(name_en) between 1 and 150),
    kind        text not null check (kind in ('PROVINCE', 'CITY', 'DISTRICT', 'COUNTY', 'COUNTY_CITY', 'ZONE',
                                               'SCENIC_AREA', 'TOWNSHIP', 'STREET', 'VILLAGE')),
    parent_code text references organization.region (code),
    path        text not null unique,
    version     int  not null default 0
);
create index region_parent_idx on organization.region (parent_code);
create index region_path_idx on organization.region (path text_pattern_ops);

create table organization.department_kind (
    code       text primary key,
    name       text not null,
    name_en    text not null,
    sort_order int  not null
);

create table organization.department (
    id          bigserial primary key,
    kind        text not null references organization.department_kind (code),
    region_code text not null references organization.region (code),
    name        text not null check (length(name) between 1 and 100),
    name_en     text not null check (length(name_en) between 1 and 200),
    version     int  not null default 0,
    unique (region_code, kind)
);
create index department_region_idx on organization.department (region_code);

create table organization.industry (
    code       text primary key,
    name       text not null,
    name_en    text not null,
    sort_order int  not null
);

-- 管行业必须管安全: which kind of department supervises which regulatory industry, at city or county level.
create table organization.industry_supervision (
    industry_code   text not null references organization.industry (code),
    level           text not null check (level in ('CITY', 'COUNTY')),
    department_kind text not null references organization.department_kind (code),
    role            text not null check (role in ('LEAD', 'JOINT')),
    primary key (industry_code, level, department_kind)
);

insert into organization.department_kind (code, name, name_en, sort_order) values
    ('EMERGENCY', '应急管理局', 'Emergency Management Bureau', 10),
    ('ECOLOGY', '生态环境局', 'Ecology and Environment Bureau', 20),
    ('ENERGY', '能源局（煤炭）', 'Energy (Coal) Bureau', 30),
    ('TRANSPORT', '交通运输局', 'Transport Bureau', 40),
    ('TRAFFIC_POLICE', '公安交警', 'Traffic Police', 50),
    ('PUBLIC_SECURITY', '公安局', 'Public Security Bureau', 55),
    ('FIRE', '消防救援', 'Fire and Rescue', 60),
    ('NATURAL_RESOURCES', '自然资源局', 'Natural Resources Bureau', 70),
    ('WATER', '水利局', 'Water Resources Bureau', 80),
    ('HOUSING', '住房和城乡建设局', 'Housing and Urban-Rural Development Bureau', 90),
    ('MARKET', '市场监督管理局', 'Market Regulation Administration', 100),
    ('CULTURE_TOURISM', '文化和旅游局', 'Culture and Tourism Bureau', 110),
    ('INDUSTRY_IT', '工业和信息化局', 'Industry and Information Technology Bureau', 120),
    ('DEVELOPMENT_REFORM', '发展和改革委员会', 'Development and Reform Commission', 130),
    ('AGRICULTURE', '农业农村局', 'Agriculture and Rural Affairs Bureau', 140);

insert into organization.industry (code, name, name_en, sort_order) values
    ('COAL_MINE', '煤矿', 'Coal mines', 10),
    ('NON_COAL_MINE', '非煤矿山', 'Non-coal mines', 20),
    ('HAZARDOUS_CHEMICALS', '危险化学品', 'Hazardous chemicals', 30),
    ('FIREWORKS', '烟花爆竹', 'Fireworks', 40),
    ('METALLURGY_TRADE', '冶金等工贸行业', 'Metallurgy, industry and trade', 50),
    ('ROAD_TRANSPORT', '道路运输', 'Road transport', 60),
    ('FIRE_SAFETY', '消防', 'Fire safety', 70),
    ('CONSTRUCTION', '建筑施工', 'Construction', 80),
    ('SPECIAL_EQUIPMENT', '特种设备', 'Special equipment', 90),
    ('CIVIL_EXPLOSIVES', '民用爆炸物品', 'Civil explosives', 100),
    ('GAS_SUPPLY', '城镇燃气', 'Town gas supply', 110),
    ('HEAT_SUPPLY', '供热', 'Heat supply', 120),
    ('WATER_SUPPLY', '供水', 'Water supply', 130),
    ('POWER_SUPPLY', '电力', 'Power supply', 140),
    ('TOURISM', '旅游', 'Tourism', 150),
    ('FOOD_DRUG', '食品药品', 'Food and drugs', 160),
    ('AGRICULTURAL_MACHINERY', '农业机械', 'Agricultural machinery', 170);

insert into organization.industry_supervision (industry_code, level, department_kind, role)
select i, l, k, r from (values
    ('COAL_MINE', 'ENERGY', 'LEAD'), ('COAL_MINE', 'EMERGENCY', 'JOINT'),
    ('NON_COAL_MINE', 'EMERGENCY', 'LEAD'), ('NON_COAL_MINE', 'NATURAL_RESOURCES', 'JOINT'),
    ('HAZARDOUS_CHEMICALS', 'EMERGENCY', 'LEAD'), ('HAZARDOUS_CHEMICALS', 'INDUSTRY_IT', 'JOINT'),
    ('FIREWORKS', 'EMERGENCY', 'LEAD'), ('FIREWORKS', 'PUBLIC_SECURITY', 'JOINT'),
    ('METALLURGY_TRADE', 'EMERGENCY', 'LEAD'), ('METALLURGY_TRADE', 'INDUSTRY_IT', 'JOINT'),
    ('ROAD_TRANSPORT', 'TRANSPORT', 'LEAD'), ('ROAD_TRANSPORT', 'TRAFFIC_POLICE', 'JOINT'),
    ('FIRE_SAFETY', 'FIRE', 'LEAD'),
    ('CONSTRUCTION', 'HOUSING', 'LEAD'),
    ('SPECIAL_EQUIPMENT', 'MARKET', 'LEAD'),
    ('CIVIL_EXPLOSIVES', 'INDUSTRY_IT', 'LEAD'), ('CIVIL_EXPLOSIVES', 'PUBLIC_SECURITY', 'JOINT'),
    ('GAS_SUPPLY', 'HOUSING', 'LEAD'),
    ('HEAT_SUPPLY', 'HOUSING', 'LEAD'),
    ('WATER_SUPPLY', 'HOUSING', 'LEAD'), ('WATER_SUPPLY', 'WATER', 'JOINT'),
    ('POWER_SUPPLY', 'ENERGY', 'LEAD'), ('POWER_SUPPLY', 'DEVELOPMENT_REFORM', 'JOINT'),
    ('TOURISM', 'CULTURE_TOURISM', 'LEAD'),
    ('FOOD_DRUG', 'MARKET', 'LEAD'),
    ('AGRICULTURAL_MACHINERY', 'AGRICULTURE', 'LEAD')
) as m (i, k, r) cross join (values ('CITY'), ('COUNTY')) as lv (l);
