-- Tidu schema version 1.
--
-- Every entity has a random UUID text id (ids from two offices never collide), created_at,
-- updated_at and deleted_at (soft delete: undo, the trash, and deletes that travel in a merge).
-- Timestamps are UTC ISO 8601 text, dates are YYYY-MM-DD text, money is INTEGER yuan.
-- Vocabularies are keyed by a stable code and carry both the Chinese and the English name.
-- The migration runner wraps this file in one transaction and then sets user_version.

CREATE TABLE tidu_meta (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT
) WITHOUT ROWID;

-- ---------------------------------------------------------------- vocabularies

CREATE TABLE tiers (
  code           TEXT PRIMARY KEY NOT NULL,
  name_zh        TEXT NOT NULL,
  name_en        TEXT NOT NULL,
  line           TEXT NOT NULL CHECK (line IN ('ladder', 'specialised')),
  rank           INTEGER NOT NULL,
  validity       TEXT NOT NULL CHECK (validity IN ('years', 'calendar_year', 'until_revoked', 'expiry_date')),
  validity_years INTEGER CHECK (validity_years IS NULL OR validity_years > 0),
  note           TEXT,
  CHECK ((validity = 'years') = (validity_years IS NOT NULL)),
  UNIQUE (line, rank)
) WITHOUT ROWID;

INSERT INTO tiers (code, name_zh, name_en, line, rank, validity, validity_years, note) VALUES
  ('tsme', '科技型中小企业', 'Tech-based SME', 'ladder', 10, 'calendar_year', NULL,
   '登记编号当年有效: valid until 31 December of the year of 入库 (国科火字〔2019〕87号)'),
  ('hnte', '高新技术企业', 'High-tech enterprise', 'ladder', 20, 'years', 3,
   '资格自颁发证书之日起有效期为三年 (国科发火〔2016〕32号)'),
  ('gazelle', '瞪羚企业', 'Gazelle enterprise', 'ladder', 30, 'expiry_date', NULL,
   'recognised per round at 省/市 level; valid until the expiry on the certificate, or until revoked'),
  ('potential_unicorn', '潜在独角兽企业', 'Potential unicorn', 'ladder', 40, 'calendar_year', NULL,
   'yearly list (GEI, 江苏省生产力促进中心): valid for the year of the list'),
  ('unicorn', '独角兽企业', 'Unicorn enterprise', 'ladder', 50, 'calendar_year', NULL,
   'yearly list (GEI, 江苏省生产力促进中心): valid for the year of the list'),
  ('listed', '上市企业', 'Listed company', 'ladder', 60, 'until_revoked', NULL,
   'from the listing date until delisted'),
  ('innovative_sme', '创新型中小企业', 'Innovative SME', 'specialised', 10, 'years', 3,
   '工信部企业〔2022〕63号'),
  ('specialised_sme', '专精特新中小企业', 'Specialised SME', 'specialised', 20, 'years', 3,
   '工信部企业〔2022〕63号'),
  ('little_giant', '专精特新“小巨人”企业', '"Little giant"', 'specialised', 30, 'years', 3,
   '工信部企业〔2022〕63号: certificate valid three years');

CREATE TABLE carrier_kinds (
  code    TEXT PRIMARY KEY NOT NULL,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  rank    INTEGER NOT NULL UNIQUE
) WITHOUT ROWID;

INSERT INTO carrier_kinds (code, name_zh, name_en, rank) VALUES
  ('maker_space', '众创空间', 'Maker space', 10),
  ('incubator', '科技企业孵化器', 'Incubator', 20),
  ('accelerator', '加速器', 'Accelerator', 30),
  ('tech_park', '科技产业园', 'Science and technology park', 40),
  ('university_park', '大学科技园', 'University science park', 50),
  ('innovation_complex', '科创综合体', 'Innovation complex', 60),
  ('enclave', '科创飞地', 'Innovation enclave', 70),
  ('offshore_incubator', '离岸孵化器', 'Offshore incubator', 80),
  ('rd_institution', '新型研发机构', 'New-type R&D institution', 90),
  ('service_platform', '科技公共服务平台', 'Public technology service platform', 100);

CREATE TABLE levels (
  code    TEXT PRIMARY KEY NOT NULL,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  rank    INTEGER NOT NULL UNIQUE   -- higher is more senior: 补差 pays up to the highest level
) WITHOUT ROWID;

INSERT INTO levels (code, name_zh, name_en, rank) VALUES
  ('national', '国家级', 'National', 40),
  ('provincial', '省级', 'Provincial', 30),
  ('municipal', '市级', 'Municipal', 20),
  ('district', '区级', 'District', 10);

CREATE TABLE grades (
  code    TEXT PRIMARY KEY NOT NULL,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  rank    INTEGER NOT NULL UNIQUE
) WITHOUT ROWID;

INSERT INTO grades (code, name_zh, name_en, rank) VALUES
  ('A', '优秀', 'Excellent (A)', 40),
  ('B', '良好', 'Good (B)', 30),
  ('C', '合格', 'Pass (C)', 20),
  ('D', '不合格', 'Fail (D)', 10);

-- 《国家重点支持的高新技术领域》: the eight fields of 国科发火〔2016〕32号.
CREATE TABLE tech_fields (
  code    TEXT PRIMARY KEY NOT NULL,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  rank    INTEGER NOT NULL UNIQUE
) WITHOUT ROWID;

INSERT INTO tech_fields (code, name_zh, name_en, rank) VALUES
  ('electronic_information', '电子信息', 'Electronic information', 1),
  ('biomedicine', '生物与新医药', 'Biology and new medicine', 2),
  ('aerospace', '航空航天', 'Aerospace', 3),
  ('new_materials', '新材料', 'New materials', 4),
  ('high_tech_services', '高技术服务', 'High-tech services', 5),
  ('new_energy', '新能源与节能', 'New energy and energy saving', 6),
  ('resources_environment', '资源与环境', 'Resources and environment', 7),
  ('advanced_manufacturing', '先进制造与自动化', 'Advanced manufacturing and automation', 8);

CREATE TABLE attraction_stages (
  code    TEXT PRIMARY KEY NOT NULL,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  rank    INTEGER NOT NULL UNIQUE
) WITHOUT ROWID;

INSERT INTO attraction_stages (code, name_zh, name_en, rank) VALUES
  ('lead', '线索', 'Lead', 10),
  ('negotiating', '洽谈', 'Negotiating', 20),
  ('signed', '签约', 'Signed', 30),
  ('landed', '落地', 'Landed', 40);

CREATE TABLE stay_outcomes (
  code    TEXT PRIMARY KEY NOT NULL,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  rank    INTEGER NOT NULL UNIQUE
) WITHOUT ROWID;

INSERT INTO stay_outcomes (code, name_zh, name_en, rank) VALUES
  ('graduated', '毕业', 'Graduated', 10),
  ('left', '退出', 'Left', 20);

CREATE TABLE region_kinds (
  code    TEXT PRIMARY KEY NOT NULL,
  name_zh TEXT NOT NULL,
  name_en TEXT NOT NULL,
  rank    INTEGER NOT NULL UNIQUE
) WITHOUT ROWID;

INSERT INTO region_kinds (code, name_zh, name_en, rank) VALUES
  ('city', '市', 'City', 10),
  ('district', '区', 'District', 20),
  ('town', '镇', 'Town', 30),
  ('park', '园区', 'Park', 40);

-- ---------------------------------------------------------------- regions

CREATE TABLE regions (
  id         TEXT PRIMARY KEY NOT NULL,
  parent_id  TEXT REFERENCES regions (id),
  name       TEXT NOT NULL CHECK (length (trim (name)) > 0),
  kind       TEXT NOT NULL REFERENCES region_kinds (code),
  code       TEXT,                                  -- GB/T 2260 where it has one
  created_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at TEXT,
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX regions_parent ON regions (parent_id, name);
CREATE UNIQUE INDEX regions_natural ON regions (ifnull (parent_id, ''), name) WHERE deleted_at IS NULL;

-- ---------------------------------------------------------------- carriers

CREATE TABLE carriers (
  id            TEXT PRIMARY KEY NOT NULL,
  name          TEXT NOT NULL CHECK (length (trim (name)) > 0),
  kind          TEXT NOT NULL REFERENCES carrier_kinds (code),
  level         TEXT REFERENCES levels (code),          -- current level; history in carrier_levels
  region_id     TEXT REFERENCES regions (id),
  operator      TEXT,                                   -- 运营主体
  operator_uscc TEXT,
  address       TEXT,
  area_m2       REAL CHECK (area_m2 IS NULL OR area_m2 >= 0),
  founded_on    TEXT,
  contact_name  TEXT,
  contact_phone TEXT,
  notes         TEXT,
  created_at    TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at    TEXT
);
CREATE INDEX carriers_name ON carriers (name);
CREATE INDEX carriers_kind_level ON carriers (kind, level);
CREATE INDEX carriers_region ON carriers (region_id);
CREATE UNIQUE INDEX carriers_natural ON carriers (name, ifnull (region_id, '')) WHERE deleted_at IS NULL;

-- Recognitions over time: 省级 in 2021, 国家级 in 2024, …
CREATE TABLE carrier_levels (
  id            TEXT PRIMARY KEY NOT NULL,
  carrier_id    TEXT NOT NULL REFERENCES carriers (id) ON DELETE CASCADE,
  level         TEXT NOT NULL REFERENCES levels (code),
  recognized_on TEXT NOT NULL,
  document      TEXT,                                   -- e.g. 苏科高发〔2020〕229号
  revoked_on    TEXT,
  created_at    TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at    TEXT,
  CHECK (revoked_on IS NULL OR revoked_on >= recognized_on)
);
CREATE INDEX carrier_levels_carrier ON carrier_levels (carrier_id, recognized_on);

-- Yearly statistics (火炬统计 fields) and the performance grade of that year.
CREATE TABLE carrier_years (
  id                   TEXT PRIMARY KEY NOT NULL,
  carrier_id           TEXT NOT NULL REFERENCES carriers (id) ON DELETE CASCADE,
  year                 INTEGER NOT NULL CHECK (year BETWEEN 1980 AND 2100),
  incubated_firms      INTEGER CHECK (incubated_firms IS NULL OR incubated_firms >= 0),       -- 在孵企业数
  graduated_this_year  INTEGER CHECK (graduated_this_year IS NULL OR graduated_this_year >= 0), -- 当年毕业
  graduated_total      INTEGER CHECK (graduated_total IS NULL OR graduated_total >= 0),       -- 累计毕业
  incubation_area_m2   REAL CHECK (incubation_area_m2 IS NULL OR incubation_area_m2 >= 0),    -- 孵化面积
  funded_firms         INTEGER CHECK (funded_firms IS NULL OR funded_firms >= 0),             -- 获投融资企业数
  staff                INTEGER CHECK (staff IS NULL OR staff >= 0),
  mentors              INTEGER CHECK (mentors IS NULL OR mentors >= 0),
  fund_yuan            INTEGER CHECK (fund_yuan IS NULL OR fund_yuan >= 0),                   -- 孵化基金总额
  grade                TEXT REFERENCES grades (code),
  grade_level          TEXT REFERENCES levels (code),   -- who graded: national or provincial evaluation
  notes                TEXT,
  created_at           TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at           TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at           TEXT
);
CREATE UNIQUE INDEX carrier_years_natural ON carrier_years (carrier_id, year) WHERE deleted_at IS NULL;
CREATE INDEX carrier_years_year ON carrier_years (year, grade, carrier_id);

-- ---------------------------------------------------------------- firms

CREATE TABLE firms (
  id                 TEXT PRIMARY KEY NOT NULL,
  name               TEXT NOT NULL CHECK (length (trim (name)) > 0),
  uscc               TEXT CHECK (uscc IS NULL OR length (uscc) = 18),   -- 统一社会信用代码, natural key
  uscc_override      INTEGER NOT NULL DEFAULT 0 CHECK (uscc_override IN (0, 1)), -- check-character mismatch accepted
  region_id          TEXT REFERENCES regions (id),
  industry           TEXT,
  tech_field         TEXT REFERENCES tech_fields (code),
  founded_on         TEXT,
  address            TEXT,
  legal_person       TEXT,
  contact_name       TEXT,
  contact_phone      TEXT,
  contact_email      TEXT,
  notes              TEXT,
  -- 招引 record
  attraction_channel TEXT,
  attraction_stage   TEXT REFERENCES attraction_stages (code),
  lead_on            TEXT,
  signed_on          TEXT,
  landed_on          TEXT,
  officer            TEXT,
  created_at         TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at         TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at         TEXT,
  CHECK (signed_on IS NULL OR lead_on IS NULL OR signed_on >= lead_on),
  CHECK (landed_on IS NULL OR signed_on IS NULL OR landed_on >= signed_on)
);
-- One firm per code, trash included: a deleted firm is restored rather than entered twice.
CREATE UNIQUE INDEX firms_uscc ON firms (uscc) WHERE uscc IS NOT NULL;
CREATE INDEX firms_name ON firms (name);
CREATE INDEX firms_region ON firms (region_id, name);
CREATE INDEX firms_stage ON firms (attraction_stage, signed_on);
CREATE INDEX firms_deleted ON firms (deleted_at) WHERE deleted_at IS NOT NULL;
-- The live list in name order, rowid included, without reading the table (tidu-list.c).
CREATE INDEX firms_live_name ON firms (name) WHERE deleted_at IS NULL;
CREATE INDEX firms_live_region ON firms (region_id, name) WHERE deleted_at IS NULL;
CREATE INDEX firms_live_industry ON firms (industry, name) WHERE deleted_at IS NULL;

-- Certifications: a firm's tier on a date is its highest-ranked certification valid that day.
CREATE TABLE firm_tiers (
  id             TEXT PRIMARY KEY NOT NULL,
  firm_id        TEXT NOT NULL REFERENCES firms (id) ON DELETE CASCADE,
  tier           TEXT NOT NULL REFERENCES tiers (code),
  level          TEXT REFERENCES levels (code),         -- 省级瞪羚, 市级瞪羚, …
  certified_on   TEXT NOT NULL,
  expires_on     TEXT,                                  -- when the certificate states one
  valid_until    TEXT,                                  -- last valid day by the tier's rule, NULL: open-ended;
                                                        -- written by the core (tidu_vocab_item_valid_until)
  certificate_no TEXT,                                  -- 高企: GR + year + province + serial
  status         TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
  revoked_on     TEXT,
  notes          TEXT,
  created_at     TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at     TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at     TEXT,
  CHECK (expires_on IS NULL OR expires_on > certified_on),
  CHECK (valid_until IS NULL OR valid_until >= certified_on),
  CHECK ((status = 'revoked') = (revoked_on IS NOT NULL)),
  CHECK (revoked_on IS NULL OR revoked_on >= certified_on)
);
CREATE INDEX firm_tiers_firm ON firm_tiers (firm_id, certified_on);
-- Current tier, tier filter and expiring certifications in lists (tidu-list.c): covering, and
-- revoked certifications stay in them (valid until revoked_on).
CREATE INDEX firm_tiers_current ON firm_tiers (firm_id, certified_on, tier, valid_until, revoked_on) WHERE deleted_at IS NULL;
CREATE INDEX firm_tiers_tier ON firm_tiers (tier, certified_on, valid_until, revoked_on, firm_id) WHERE deleted_at IS NULL;
CREATE INDEX firm_tiers_valid_until ON firm_tiers (valid_until, certified_on, revoked_on, firm_id) WHERE deleted_at IS NULL AND valid_until IS NOT NULL;

-- Yearly indicators; money in yuan.
CREATE TABLE firm_years (
  id             TEXT PRIMARY KEY NOT NULL,
  firm_id        TEXT NOT NULL REFERENCES firms (id) ON DELETE CASCADE,
  year           INTEGER NOT NULL CHECK (year BETWEEN 1980 AND 2100),
  revenue        INTEGER CHECK (revenue IS NULL OR revenue >= 0),
  rd_expense     INTEGER CHECK (rd_expense IS NULL OR rd_expense >= 0),
  staff          INTEGER CHECK (staff IS NULL OR staff >= 0),
  tech_staff     INTEGER CHECK (tech_staff IS NULL OR tech_staff >= 0),
  ip_class1      INTEGER CHECK (ip_class1 IS NULL OR ip_class1 >= 0),   -- Ⅰ类知识产权
  ip_class2      INTEGER CHECK (ip_class2 IS NULL OR ip_class2 >= 0),   -- Ⅱ类知识产权
  valuation      INTEGER CHECK (valuation IS NULL OR valuation >= 0),
  financing      INTEGER CHECK (financing IS NULL OR financing >= 0),
  notes          TEXT,
  created_at     TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at     TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at     TEXT,
  CHECK (tech_staff IS NULL OR staff IS NULL OR tech_staff <= staff)
);
CREATE UNIQUE INDEX firm_years_natural ON firm_years (firm_id, year) WHERE deleted_at IS NULL;
-- Dashboards group by year in firm order (PERFORMANCE.md §1.5).
CREATE INDEX firm_years_year ON firm_years (year, firm_id, revenue, rd_expense);

-- A firm in a carrier: 入孵 … 毕业/退出. At most one open stay per firm.
CREATE TABLE firm_stays (
  id         TEXT PRIMARY KEY NOT NULL,
  firm_id    TEXT NOT NULL REFERENCES firms (id) ON DELETE CASCADE,
  carrier_id TEXT NOT NULL REFERENCES carriers (id),
  entered_on TEXT NOT NULL,
  left_on    TEXT,
  outcome    TEXT REFERENCES stay_outcomes (code),
  notes      TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at TEXT,
  CHECK (left_on IS NULL OR left_on >= entered_on),
  CHECK ((left_on IS NULL) = (outcome IS NULL))
);
CREATE UNIQUE INDEX firm_stays_open ON firm_stays (firm_id) WHERE left_on IS NULL AND deleted_at IS NULL;
CREATE INDEX firm_stays_firm ON firm_stays (firm_id, entered_on);
CREATE INDEX firm_stays_carrier ON firm_stays (carrier_id, entered_on, left_on);

-- ---------------------------------------------------------------- talents and talent plans

CREATE TABLE talents (
  id            TEXT PRIMARY KEY NOT NULL,
  name          TEXT NOT NULL CHECK (length (trim (name)) > 0),
  gender        TEXT CHECK (gender IS NULL OR gender IN ('female', 'male')),
  birth_year    INTEGER CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100),
  degree        TEXT,
  title         TEXT,
  field         TEXT,
  firm_id       TEXT REFERENCES firms (id),
  region_id     TEXT REFERENCES regions (id),
  contact_phone TEXT,
  contact_email TEXT,
  notes         TEXT,
  created_at    TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at    TEXT
);
CREATE INDEX talents_name ON talents (name);
CREATE INDEX talents_firm ON talents (firm_id);
CREATE INDEX talents_region ON talents (region_id);

CREATE TABLE talent_plans (
  id          TEXT PRIMARY KEY NOT NULL,
  name        TEXT NOT NULL CHECK (length (trim (name)) > 0),
  level       TEXT REFERENCES levels (code),
  issuer      TEXT,
  region_name TEXT,                                   -- where the plan applies, as written in it
  region_id   TEXT REFERENCES regions (id),
  description TEXT,
  source      TEXT,                                   -- document or notice it was taken from
  created_at  TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at  TEXT
);
CREATE UNIQUE INDEX talent_plans_natural ON talent_plans (name, ifnull (region_name, '')) WHERE deleted_at IS NULL;

-- Categories with their funding standard: amount (or range) and how it is paid out.
CREATE TABLE talent_plan_categories (
  id            TEXT PRIMARY KEY NOT NULL,
  plan_id       TEXT NOT NULL REFERENCES talent_plans (id) ON DELETE CASCADE,
  name          TEXT NOT NULL CHECK (length (trim (name)) > 0),
  is_team       INTEGER NOT NULL DEFAULT 0 CHECK (is_team IN (0, 1)),
  amount_min    INTEGER CHECK (amount_min IS NULL OR amount_min >= 0),
  amount_max    INTEGER CHECK (amount_max IS NULL OR amount_max >= 0),
  payout_years  INTEGER CHECK (payout_years IS NULL OR payout_years >= 1),
  payout_note   TEXT,
  rank          INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at    TEXT,
  CHECK (amount_min IS NULL OR amount_max IS NULL OR amount_max >= amount_min)
);
CREATE INDEX talent_plan_categories_plan ON talent_plan_categories (plan_id, rank);
CREATE UNIQUE INDEX talent_plan_categories_natural ON talent_plan_categories (plan_id, name) WHERE deleted_at IS NULL;

CREATE TABLE talent_plan_batches (
  id         TEXT PRIMARY KEY NOT NULL,
  plan_id    TEXT NOT NULL REFERENCES talent_plans (id) ON DELETE CASCADE,
  year       INTEGER NOT NULL CHECK (year BETWEEN 1980 AND 2100),
  name       TEXT,                                    -- e.g. 第十八批
  announced_on TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at TEXT
);
CREATE INDEX talent_plan_batches_plan ON talent_plan_batches (plan_id, year);
-- A named batch (第十八批) is unique by name in its plan; an unnamed one by its year.
CREATE UNIQUE INDEX talent_plan_batches_named ON talent_plan_batches (plan_id, name) WHERE name IS NOT NULL AND deleted_at IS NULL;
CREATE UNIQUE INDEX talent_plan_batches_unnamed ON talent_plan_batches (plan_id, year) WHERE name IS NULL AND deleted_at IS NULL;

CREATE TABLE talent_awards (
  id             TEXT PRIMARY KEY NOT NULL,
  plan_id        TEXT NOT NULL REFERENCES talent_plans (id),
  category_id    TEXT REFERENCES talent_plan_categories (id),
  batch_id       TEXT REFERENCES talent_plan_batches (id),
  talent_id      TEXT NOT NULL REFERENCES talents (id),  -- the talent, or the leader of a team
  firm_id        TEXT REFERENCES firms (id),
  team_name      TEXT,
  year           INTEGER CHECK (year IS NULL OR year BETWEEN 1980 AND 2100),
  granted_amount INTEGER CHECK (granted_amount IS NULL OR granted_amount >= 0),
  status         TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'revoked')),
  notes          TEXT,
  created_at     TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at     TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at     TEXT
);
CREATE INDEX talent_awards_plan ON talent_awards (plan_id, batch_id, year);
CREATE INDEX talent_awards_talent ON talent_awards (talent_id);
CREATE INDEX talent_awards_firm ON talent_awards (firm_id);
CREATE UNIQUE INDEX talent_awards_natural ON talent_awards (plan_id, talent_id, ifnull (firm_id, ''), ifnull (batch_id, '')) WHERE deleted_at IS NULL;

CREATE TABLE talent_award_members (
  id         TEXT PRIMARY KEY NOT NULL,
  award_id   TEXT NOT NULL REFERENCES talent_awards (id) ON DELETE CASCADE,
  talent_id  TEXT NOT NULL REFERENCES talents (id),
  role       TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at TEXT
);
CREATE UNIQUE INDEX talent_award_members_natural ON talent_award_members (award_id, talent_id) WHERE deleted_at IS NULL;
CREATE INDEX talent_award_members_talent ON talent_award_members (talent_id);

CREATE TABLE talent_award_instalments (
  id             TEXT PRIMARY KEY NOT NULL,
  award_id       TEXT NOT NULL REFERENCES talent_awards (id) ON DELETE CASCADE,
  due_on         TEXT,
  planned_amount INTEGER NOT NULL CHECK (planned_amount >= 0),
  paid_on        TEXT,
  paid_amount    INTEGER CHECK (paid_amount IS NULL OR paid_amount >= 0),
  created_at     TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at     TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at     TEXT,
  CHECK ((paid_on IS NULL) = (paid_amount IS NULL))
);
CREATE INDEX talent_award_instalments_award ON talent_award_instalments (award_id, due_on);

-- ---------------------------------------------------------------- policies and the subsidy ledger

CREATE TABLE policies (
  id             TEXT PRIMARY KEY NOT NULL,
  code           TEXT NOT NULL,                      -- e.g. jiangdu-2023-2025
  version        TEXT NOT NULL DEFAULT '1',
  title          TEXT NOT NULL,
  doc_number     TEXT,
  issuer         TEXT,
  region_name    TEXT,
  effective_from TEXT,
  effective_to   TEXT,
  builtin        INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
  body           TEXT NOT NULL CHECK (json_valid (body)),  -- the policy file, rules included
  created_at     TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at     TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at     TEXT,
  CHECK (effective_to IS NULL OR effective_from IS NULL OR effective_to >= effective_from)
);
CREATE UNIQUE INDEX policies_natural ON policies (code, version) WHERE deleted_at IS NULL;

-- The ledger: who got what under which rule, computed vs approved vs paid.
CREATE TABLE subsidy_awards (
  id              TEXT PRIMARY KEY NOT NULL,
  policy_id       TEXT NOT NULL REFERENCES policies (id),
  rule_id         TEXT NOT NULL,
  carrier_id      TEXT REFERENCES carriers (id),
  firm_id         TEXT REFERENCES firms (id),
  talent_id       TEXT REFERENCES talents (id),
  payee           TEXT,                              -- when the payee is none of the above (an agency)
  year            INTEGER CHECK (year IS NULL OR year BETWEEN 1980 AND 2100),
  level           TEXT REFERENCES levels (code),
  inputs          TEXT CHECK (inputs IS NULL OR json_valid (inputs)),
  explanation     TEXT,
  computed_amount INTEGER CHECK (computed_amount IS NULL OR computed_amount >= 0),
  computed_min    INTEGER CHECK (computed_min IS NULL OR computed_min >= 0),
  computed_max    INTEGER CHECK (computed_max IS NULL OR computed_max >= 0),
  approved_amount INTEGER CHECK (approved_amount IS NULL OR approved_amount >= 0),
  approved_reason TEXT,
  approved_on     TEXT,
  paid_amount     INTEGER CHECK (paid_amount IS NULL OR paid_amount >= 0),
  paid_on         TEXT,
  status          TEXT NOT NULL DEFAULT 'recorded' CHECK (status IN ('recorded', 'approved', 'paid', 'cancelled')),
  created_at      TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at      TEXT,
  CHECK ((carrier_id IS NOT NULL) + (firm_id IS NOT NULL) + (talent_id IS NOT NULL) + (payee IS NOT NULL) = 1),
  CHECK (computed_min IS NULL OR computed_max IS NULL OR computed_max >= computed_min)
);
CREATE INDEX subsidy_awards_rule ON subsidy_awards (policy_id, rule_id, year);
CREATE INDEX subsidy_awards_carrier ON subsidy_awards (carrier_id, policy_id, rule_id) WHERE carrier_id IS NOT NULL;
CREATE INDEX subsidy_awards_firm ON subsidy_awards (firm_id, policy_id, rule_id) WHERE firm_id IS NOT NULL;
CREATE INDEX subsidy_awards_talent ON subsidy_awards (talent_id, policy_id, rule_id) WHERE talent_id IS NOT NULL;

-- ---------------------------------------------------------------- targets and promotion events

-- 指标任务: an indicator (with its parameter, e.g. the tier code) for a region over years.
CREATE TABLE targets (
  id         TEXT PRIMARY KEY NOT NULL,
  indicator  TEXT NOT NULL,                          -- e.g. firms_per_tier, firms_attracted
  parameter  TEXT,                                   -- e.g. hnte
  region_id  TEXT REFERENCES regions (id),
  title      TEXT,
  start_year INTEGER NOT NULL CHECK (start_year BETWEEN 1980 AND 2100),
  end_year   INTEGER NOT NULL CHECK (end_year BETWEEN 1980 AND 2100),
  value      INTEGER NOT NULL CHECK (value >= 0),    -- the goal at end_year
  source     TEXT,                                   -- the document setting it
  notes      TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at TEXT,
  CHECK (end_year >= start_year)
);
CREATE INDEX targets_indicator ON targets (indicator, region_id, end_year);

-- 年度分解: the yearly breakdown of a target.
CREATE TABLE target_years (
  id         TEXT PRIMARY KEY NOT NULL,
  target_id  TEXT NOT NULL REFERENCES targets (id) ON DELETE CASCADE,
  year       INTEGER NOT NULL CHECK (year BETWEEN 1980 AND 2100),
  value      INTEGER NOT NULL CHECK (value >= 0),
  created_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at TEXT
);
CREATE UNIQUE INDEX target_years_natural ON target_years (target_id, year) WHERE deleted_at IS NULL;

-- 招商活动
CREATE TABLE promotion_events (
  id              TEXT PRIMARY KEY NOT NULL,
  name            TEXT NOT NULL CHECK (length (trim (name)) > 0),
  held_on         TEXT NOT NULL,
  region_id       TEXT REFERENCES regions (id),
  location        TEXT,
  organizer       TEXT,
  theme           TEXT,
  firms_contacted INTEGER CHECK (firms_contacted IS NULL OR firms_contacted >= 0),
  leads           INTEGER CHECK (leads IS NULL OR leads >= 0),
  notes           TEXT,
  created_at      TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime ('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at      TEXT
);
CREATE INDEX promotion_events_held ON promotion_events (held_on, region_id);

-- ---------------------------------------------------------------- search
--
-- Two indexes per searchable table (docs/adr/0002-search-indexes.md): trigram (*_fts) for terms
-- of three or more characters, and per character (*_chars, the core's "tidu_chars" tokenizer)
-- for one- and two-character terms, which SQLite 3.40's trigram index cannot see
-- (PERFORMANCE.md §1.3). They hold the live rows only (the content is a view of the rows not in
-- the trash), so a search never reads the base table to drop deleted rows; the trash, small,
-- is searched with LIKE (tidu-search.c). External content keyed by the base table's rowid: rebuilt after
-- anything that may renumber rowids (VACUUM INTO snapshots, merges) with
-- INSERT INTO x(x) VALUES ('rebuild').

-- The live firms' searched text: the content of both indexes (rebuild reads it).
CREATE VIEW firms_live_text (rid, name, uscc, notes) AS
  SELECT rowid, name, uscc, notes FROM firms WHERE deleted_at IS NULL;

CREATE VIRTUAL TABLE firms_fts USING fts5 (
  name, uscc, notes, content = 'firms_live_text', content_rowid = 'rid', tokenize = 'trigram'
);
CREATE TRIGGER firms_fts_insert AFTER INSERT ON firms WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO firms_fts (rowid, name, uscc, notes) VALUES (new.rowid, new.name, new.uscc, new.notes);
END;
CREATE TRIGGER firms_fts_delete AFTER DELETE ON firms WHEN old.deleted_at IS NULL BEGIN
  INSERT INTO firms_fts (firms_fts, rowid, name, uscc, notes) VALUES ('delete', old.rowid, old.name, old.uscc, old.notes);
END;
-- Moving to the trash takes the row out, restoring puts it back.
CREATE TRIGGER firms_fts_update AFTER UPDATE OF name, uscc, notes, deleted_at ON firms
  WHEN old.deleted_at IS NULL OR new.deleted_at IS NULL BEGIN
  INSERT INTO firms_fts (firms_fts, rowid, name, uscc, notes) SELECT 'delete', old.rowid, old.name, old.uscc, old.notes WHERE old.deleted_at IS NULL;
  INSERT INTO firms_fts (rowid, name, uscc, notes) SELECT new.rowid, new.name, new.uscc, new.notes WHERE new.deleted_at IS NULL;
END;

CREATE VIRTUAL TABLE firms_chars USING fts5 (
  name, uscc, notes, content = 'firms_live_text', content_rowid = 'rid', tokenize = 'tidu_chars'
);
CREATE TRIGGER firms_chars_insert AFTER INSERT ON firms WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO firms_chars (rowid, name, uscc, notes) VALUES (new.rowid, new.name, new.uscc, new.notes);
END;
CREATE TRIGGER firms_chars_delete AFTER DELETE ON firms WHEN old.deleted_at IS NULL BEGIN
  INSERT INTO firms_chars (firms_chars, rowid, name, uscc, notes) VALUES ('delete', old.rowid, old.name, old.uscc, old.notes);
END;
-- Moving to the trash takes the row out, restoring puts it back.
CREATE TRIGGER firms_chars_update AFTER UPDATE OF name, uscc, notes, deleted_at ON firms
  WHEN old.deleted_at IS NULL OR new.deleted_at IS NULL BEGIN
  INSERT INTO firms_chars (firms_chars, rowid, name, uscc, notes) SELECT 'delete', old.rowid, old.name, old.uscc, old.notes WHERE old.deleted_at IS NULL;
  INSERT INTO firms_chars (rowid, name, uscc, notes) SELECT new.rowid, new.name, new.uscc, new.notes WHERE new.deleted_at IS NULL;
END;

-- The live carriers' searched text: the content of both indexes (rebuild reads it).
CREATE VIEW carriers_live_text (rid, name, operator, notes) AS
  SELECT rowid, name, operator, notes FROM carriers WHERE deleted_at IS NULL;

CREATE VIRTUAL TABLE carriers_fts USING fts5 (
  name, operator, notes, content = 'carriers_live_text', content_rowid = 'rid', tokenize = 'trigram'
);
CREATE TRIGGER carriers_fts_insert AFTER INSERT ON carriers WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO carriers_fts (rowid, name, operator, notes) VALUES (new.rowid, new.name, new.operator, new.notes);
END;
CREATE TRIGGER carriers_fts_delete AFTER DELETE ON carriers WHEN old.deleted_at IS NULL BEGIN
  INSERT INTO carriers_fts (carriers_fts, rowid, name, operator, notes) VALUES ('delete', old.rowid, old.name, old.operator, old.notes);
END;
-- Moving to the trash takes the row out, restoring puts it back.
CREATE TRIGGER carriers_fts_update AFTER UPDATE OF name, operator, notes, deleted_at ON carriers
  WHEN old.deleted_at IS NULL OR new.deleted_at IS NULL BEGIN
  INSERT INTO carriers_fts (carriers_fts, rowid, name, operator, notes) SELECT 'delete', old.rowid, old.name, old.operator, old.notes WHERE old.deleted_at IS NULL;
  INSERT INTO carriers_fts (rowid, name, operator, notes) SELECT new.rowid, new.name, new.operator, new.notes WHERE new.deleted_at IS NULL;
END;

CREATE VIRTUAL TABLE carriers_chars USING fts5 (
  name, operator, notes, content = 'carriers_live_text', content_rowid = 'rid', tokenize = 'tidu_chars'
);
CREATE TRIGGER carriers_chars_insert AFTER INSERT ON carriers WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO carriers_chars (rowid, name, operator, notes) VALUES (new.rowid, new.name, new.operator, new.notes);
END;
CREATE TRIGGER carriers_chars_delete AFTER DELETE ON carriers WHEN old.deleted_at IS NULL BEGIN
  INSERT INTO carriers_chars (carriers_chars, rowid, name, operator, notes) VALUES ('delete', old.rowid, old.name, old.operator, old.notes);
END;
-- Moving to the trash takes the row out, restoring puts it back.
CREATE TRIGGER carriers_chars_update AFTER UPDATE OF name, operator, notes, deleted_at ON carriers
  WHEN old.deleted_at IS NULL OR new.deleted_at IS NULL BEGIN
  INSERT INTO carriers_chars (carriers_chars, rowid, name, operator, notes) SELECT 'delete', old.rowid, old.name, old.operator, old.notes WHERE old.deleted_at IS NULL;
  INSERT INTO carriers_chars (rowid, name, operator, notes) SELECT new.rowid, new.name, new.operator, new.notes WHERE new.deleted_at IS NULL;
END;

-- The live talents' searched text: the content of both indexes (rebuild reads it).
CREATE VIEW talents_live_text (rid, name, field, notes) AS
  SELECT rowid, name, field, notes FROM talents WHERE deleted_at IS NULL;

CREATE VIRTUAL TABLE talents_fts USING fts5 (
  name, field, notes, content = 'talents_live_text', content_rowid = 'rid', tokenize = 'trigram'
);
CREATE TRIGGER talents_fts_insert AFTER INSERT ON talents WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO talents_fts (rowid, name, field, notes) VALUES (new.rowid, new.name, new.field, new.notes);
END;
CREATE TRIGGER talents_fts_delete AFTER DELETE ON talents WHEN old.deleted_at IS NULL BEGIN
  INSERT INTO talents_fts (talents_fts, rowid, name, field, notes) VALUES ('delete', old.rowid, old.name, old.field, old.notes);
END;
-- Moving to the trash takes the row out, restoring puts it back.
CREATE TRIGGER talents_fts_update AFTER UPDATE OF name, field, notes, deleted_at ON talents
  WHEN old.deleted_at IS NULL OR new.deleted_at IS NULL BEGIN
  INSERT INTO talents_fts (talents_fts, rowid, name, field, notes) SELECT 'delete', old.rowid, old.name, old.field, old.notes WHERE old.deleted_at IS NULL;
  INSERT INTO talents_fts (rowid, name, field, notes) SELECT new.rowid, new.name, new.field, new.notes WHERE new.deleted_at IS NULL;
END;

CREATE VIRTUAL TABLE talents_chars USING fts5 (
  name, field, notes, content = 'talents_live_text', content_rowid = 'rid', tokenize = 'tidu_chars'
);
CREATE TRIGGER talents_chars_insert AFTER INSERT ON talents WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO talents_chars (rowid, name, field, notes) VALUES (new.rowid, new.name, new.field, new.notes);
END;
CREATE TRIGGER talents_chars_delete AFTER DELETE ON talents WHEN old.deleted_at IS NULL BEGIN
  INSERT INTO talents_chars (talents_chars, rowid, name, field, notes) VALUES ('delete', old.rowid, old.name, old.field, old.notes);
END;
-- Moving to the trash takes the row out, restoring puts it back.
CREATE TRIGGER talents_chars_update AFTER UPDATE OF name, field, notes, deleted_at ON talents
  WHEN old.deleted_at IS NULL OR new.deleted_at IS NULL BEGIN
  INSERT INTO talents_chars (talents_chars, rowid, name, field, notes) SELECT 'delete', old.rowid, old.name, old.field, old.notes WHERE old.deleted_at IS NULL;
  INSERT INTO talents_chars (rowid, name, field, notes) SELECT new.rowid, new.name, new.field, new.notes WHERE new.deleted_at IS NULL;
END;

-- ---------------------------------------------------------------- seeded talent plans
--
-- The plans the seed documents name. Fixed ids, so two offices' copies merge as one plan.

INSERT INTO talent_plans (id, name, level, issuer, region_name, description, source) VALUES
  ('5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e01', '江苏省“双创计划”', 'provincial', NULL, '江苏省',
   '双创人才、双创团队、双创博士三个项目。', '常州科技型企业“倍增行动”方案；2016年申报通知'),
  ('5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e02', '龙城英才计划', 'municipal', NULL, '常州市',
   '常州市领军型创新创业人才引进计划。', '常州科技型企业“倍增行动”方案；常办发〔2020〕27号'),
  ('5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e03', '红韵海州英才计划', 'district', NULL, '连云港市海州区',
   '海州区人才计划：招揽掌握先进核心技术、具备市场开发能力的人才团队落户海州。', '海州区推进科技创新行动方案'),
  ('5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e04', '绿扬金凤计划', 'municipal', NULL, '扬州市',
   '扬州市人才计划。', '江苏工人报报道');

INSERT INTO talent_plan_categories (id, plan_id, name, is_team, amount_min, amount_max, payout_years, payout_note, rank) VALUES
  ('6a1d3e2f-8b52-4c9f-8d4e-2b3c4d5e6f01', '5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e01', '双创人才（创新类）', 0, 500000, 1000000, 3,
   '50万或100万元，分三年拨付，其中不少于30%资助个人', 10),
  ('6a1d3e2f-8b52-4c9f-8d4e-2b3c4d5e6f02', '5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e01', '双创人才（创业类）', 0, 500000, 1000000, 3,
   '50万或100万元，分三年拨付', 20),
  ('6a1d3e2f-8b52-4c9f-8d4e-2b3c4d5e6f03', '5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e01', '双创团队', 1, 3000000, 8000000, 3,
   '300万–800万元，分三年拨付；世界一流团队一事一议', 30),
  ('6a1d3e2f-8b52-4c9f-8d4e-2b3c4d5e6f04', '5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e01', '双创博士', 0, 150000, 150000, 2,
   '15万元，分两年拨付', 40),
  ('6a1d3e2f-8b52-4c9f-8d4e-2b3c4d5e6f05', '5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e01', '双创博士（科技副总类）', 0, 50000, 50000, 1,
   '5万元/人，一次性拨付给派出单位', 50),
  ('6a1d3e2f-8b52-4c9f-8d4e-2b3c4d5e6f06', '5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e02', '领军型创业人才', 0, 1000000, 1000000, NULL,
   '创业资助100万元；成长资助最高700万元另行申请', 10),
  ('6a1d3e2f-8b52-4c9f-8d4e-2b3c4d5e6f07', '5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e02', '顶尖人才（团队）', 1, 1000000, 100000000, NULL,
   '100万–1亿元特别支持，一事一议', 20),
  ('6a1d3e2f-8b52-4c9f-8d4e-2b3c4d5e6f08', '5f0c2d1e-7a41-4b8e-9c3d-1a2b3c4d5e04', '大赛获奖落地项目', 0, NULL, 1000000, NULL,
   '大赛获奖项目两年内落地，最高100万元', 10);
