-- Tidu schema version 2: exchange (snapshots and merge). docs/adr/0005-snapshots-and-merge.md
--
-- Cheap on any size: new tables and triggers only, no row of the existing tables is rewritten.

-- A stable id for this database, so a colleague's merge history can name it.
INSERT OR IGNORE INTO tidu_meta (key, value) VALUES ('database_id',
  lower (hex (randomblob (4))) || '-' || lower (hex (randomblob (2))) || '-4' ||
  substr (lower (hex (randomblob (2))), 2) || '-' ||
  substr ('89ab', 1 + (abs (random ()) % 4), 1) || substr (lower (hex (randomblob (2))), 2) || '-' ||
  lower (hex (randomblob (6))));

-- The manifest of a snapshot: empty in a working database, filled in the exported copy
-- (application id, schema version, export time, officer, source database id, counts, options).
CREATE TABLE tidu_manifest (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT
) WITHOUT ROWID;

-- Merges of colleagues' snapshots into this database, newest last.
CREATE TABLE tidu_merges (
  id                 TEXT PRIMARY KEY NOT NULL,
  file               TEXT NOT NULL,
  source_database_id TEXT NOT NULL,
  officer            TEXT,
  exported_at        TEXT NOT NULL,        -- the snapshot's export time (the colleague's clock)
  merged_at          TEXT NOT NULL,
  backup_path        TEXT,
  added              INTEGER NOT NULL DEFAULT 0,
  changed            INTEGER NOT NULL DEFAULT 0,
  identical          INTEGER NOT NULL DEFAULT 0,
  kept               INTEGER NOT NULL DEFAULT 0,
  deleted            INTEGER NOT NULL DEFAULT 0,
  conflicts          INTEGER NOT NULL DEFAULT 0,
  undone_at          TEXT
);
CREATE INDEX tidu_merges_source ON tidu_merges (source_database_id, exported_at) WHERE undone_at IS NULL;

-- What "Undo merge" needs: every row a merge wrote, with its content before (JSON of all its
-- columns; NULL when the merge added it) and the updated_at the merge left on it.
CREATE TABLE tidu_merge_undo (
  merge_id         TEXT NOT NULL REFERENCES tidu_merges (id) ON DELETE CASCADE,
  seq              INTEGER NOT NULL,
  tbl              TEXT NOT NULL,
  row_id           TEXT NOT NULL,
  before           TEXT,
  after_updated_at TEXT,
  PRIMARY KEY (merge_id, seq)
) WITHOUT ROWID;

-- Three-way merge: when each field of each record last changed here (edits only; creation is
-- the row's created_at). The merge compares these times with the last exchange between the two
-- databases (tidu_merges on each side), so "both changed the same field since they diverged" is
-- known per field. Merges themselves pause the log (tidu_meta 'changes_paused').
CREATE TABLE tidu_changes (
  tbl        TEXT NOT NULL,
  row_id     TEXT NOT NULL,
  field      TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  PRIMARY KEY (tbl, row_id, field)
) WITHOUT ROWID;

-- Rows purged from the trash, so a purge travels instead of the row coming back as new.
CREATE TABLE tidu_tombstones (
  tbl       TEXT NOT NULL,
  row_id    TEXT NOT NULL,
  purged_at TEXT NOT NULL,
  PRIMARY KEY (tbl, row_id)
) WITHOUT ROWID;

CREATE TRIGGER regions_changes AFTER UPDATE ON regions
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_changes (tbl, row_id, field, changed_at)
    SELECT 'regions', new.id, f.column1, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (
      SELECT 'parent_id' AS column1 WHERE old.parent_id IS NOT new.parent_id
      UNION ALL SELECT 'name' WHERE old.name IS NOT new.name
      UNION ALL SELECT 'kind' WHERE old.kind IS NOT new.kind
      UNION ALL SELECT 'code' WHERE old.code IS NOT new.code
      UNION ALL SELECT 'deleted_at' WHERE old.deleted_at IS NOT new.deleted_at) AS f;
END;
CREATE TRIGGER regions_purged AFTER DELETE ON regions
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_tombstones (tbl, row_id, purged_at) VALUES ('regions', old.id, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
  DELETE FROM tidu_changes WHERE tbl = 'regions' AND row_id = old.id;
END;

CREATE TRIGGER carriers_changes AFTER UPDATE ON carriers
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_changes (tbl, row_id, field, changed_at)
    SELECT 'carriers', new.id, f.column1, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (
      SELECT 'name' AS column1 WHERE old.name IS NOT new.name
      UNION ALL SELECT 'kind' WHERE old.kind IS NOT new.kind
      UNION ALL SELECT 'level' WHERE old.level IS NOT new.level
      UNION ALL SELECT 'region_id' WHERE old.region_id IS NOT new.region_id
      UNION ALL SELECT 'operator' WHERE old.operator IS NOT new.operator
      UNION ALL SELECT 'operator_uscc' WHERE old.operator_uscc IS NOT new.operator_uscc
      UNION ALL SELECT 'address' WHERE old.address IS NOT new.address
      UNION ALL SELECT 'area_m2' WHERE old.area_m2 IS NOT new.area_m2
      UNION ALL SELECT 'founded_on' WHERE old.founded_on IS NOT new.founded_on
      UNION ALL SELECT 'contact_name' WHERE old.contact_name IS NOT new.contact_name
      UNION ALL SELECT 'contact_phone' WHERE old.contact_phone IS NOT new.contact_phone
      UNION ALL SELECT 'notes' WHERE old.notes IS NOT new.notes
      UNION ALL SELECT 'deleted_at' WHERE old.deleted_at IS NOT new.deleted_at) AS f;
END;
CREATE TRIGGER carriers_purged AFTER DELETE ON carriers
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_tombstones (tbl, row_id, purged_at) VALUES ('carriers', old.id, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
  DELETE FROM tidu_changes WHERE tbl = 'carriers' AND row_id = old.id;
END;

CREATE TRIGGER carrier_levels_changes AFTER UPDATE ON carrier_levels
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_changes (tbl, row_id, field, changed_at)
    SELECT 'carrier_levels', new.id, f.column1, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (
      SELECT 'carrier_id' AS column1 WHERE old.carrier_id IS NOT new.carrier_id
      UNION ALL SELECT 'level' WHERE old.level IS NOT new.level
      UNION ALL SELECT 'recognized_on' WHERE old.recognized_on IS NOT new.recognized_on
      UNION ALL SELECT 'document' WHERE old.document IS NOT new.document
      UNION ALL SELECT 'revoked_on' WHERE old.revoked_on IS NOT new.revoked_on
      UNION ALL SELECT 'deleted_at' WHERE old.deleted_at IS NOT new.deleted_at) AS f;
END;
CREATE TRIGGER carrier_levels_purged AFTER DELETE ON carrier_levels
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_tombstones (tbl, row_id, purged_at) VALUES ('carrier_levels', old.id, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
  DELETE FROM tidu_changes WHERE tbl = 'carrier_levels' AND row_id = old.id;
END;

CREATE TRIGGER carrier_years_changes AFTER UPDATE ON carrier_years
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_changes (tbl, row_id, field, changed_at)
    SELECT 'carrier_years', new.id, f.column1, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (
      SELECT 'carrier_id' AS column1 WHERE old.carrier_id IS NOT new.carrier_id
      UNION ALL SELECT 'year' WHERE old.year IS NOT new.year
      UNION ALL SELECT 'incubated_firms' WHERE old.incubated_firms IS NOT new.incubated_firms
      UNION ALL SELECT 'graduated_this_year' WHERE old.graduated_this_year IS NOT new.graduated_this_year
      UNION ALL SELECT 'graduated_total' WHERE old.graduated_total IS NOT new.graduated_total
      UNION ALL SELECT 'incubation_area_m2' WHERE old.incubation_area_m2 IS NOT new.incubation_area_m2
      UNION ALL SELECT 'funded_firms' WHERE old.funded_firms IS NOT new.funded_firms
      UNION ALL SELECT 'staff' WHERE old.staff IS NOT new.staff
      UNION ALL SELECT 'mentors' WHERE old.mentors IS NOT new.mentors
      UNION ALL SELECT 'fund_yuan' WHERE old.fund_yuan IS NOT new.fund_yuan
      UNION ALL SELECT 'grade' WHERE old.grade IS NOT new.grade
      UNION ALL SELECT 'grade_level' WHERE old.grade_level IS NOT new.grade_level
      UNION ALL SELECT 'notes' WHERE old.notes IS NOT new.notes
      UNION ALL SELECT 'deleted_at' WHERE old.deleted_at IS NOT new.deleted_at) AS f;
END;
CREATE TRIGGER carrier_years_purged AFTER DELETE ON carrier_years
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_tombstones (tbl, row_id, purged_at) VALUES ('carrier_years', old.id, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
  DELETE FROM tidu_changes WHERE tbl = 'carrier_years' AND row_id = old.id;
END;

CREATE TRIGGER firms_changes AFTER UPDATE ON firms
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_changes (tbl, row_id, field, changed_at)
    SELECT 'firms', new.id, f.column1, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (
      SELECT 'name' AS column1 WHERE old.name IS NOT new.name
      UNION ALL SELECT 'uscc' WHERE old.uscc IS NOT new.uscc
      UNION ALL SELECT 'uscc_override' WHERE old.uscc_override IS NOT new.uscc_override
      UNION ALL SELECT 'region_id' WHERE old.region_id IS NOT new.region_id
      UNION ALL SELECT 'industry' WHERE old.industry IS NOT new.industry
      UNION ALL SELECT 'tech_field' WHERE old.tech_field IS NOT new.tech_field
      UNION ALL SELECT 'founded_on' WHERE old.founded_on IS NOT new.founded_on
      UNION ALL SELECT 'address' WHERE old.address IS NOT new.address
      UNION ALL SELECT 'legal_person' WHERE old.legal_person IS NOT new.legal_person
      UNION ALL SELECT 'contact_name' WHERE old.contact_name IS NOT new.contact_name
      UNION ALL SELECT 'contact_phone' WHERE old.contact_phone IS NOT new.contact_phone
      UNION ALL SELECT 'contact_email' WHERE old.contact_email IS NOT new.contact_email
      UNION ALL SELECT 'notes' WHERE old.notes IS NOT new.notes
      UNION ALL SELECT 'attraction_channel' WHERE old.attraction_channel IS NOT new.attraction_channel
      UNION ALL SELECT 'attraction_stage' WHERE old.attraction_stage IS NOT new.attraction_stage
      UNION ALL SELECT 'lead_on' WHERE old.lead_on IS NOT new.lead_on
      UNION ALL SELECT 'signed_on' WHERE old.signed_on IS NOT new.signed_on
      UNION ALL SELECT 'landed_on' WHERE old.landed_on IS NOT new.landed_on
      UNION ALL SELECT 'officer' WHERE old.officer IS NOT new.officer
      UNION ALL SELECT 'deleted_at' WHERE old.deleted_at IS NOT new.deleted_at) AS f;
END;
CREATE TRIGGER firms_purged AFTER DELETE ON firms
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_tombstones (tbl, row_id, purged_at) VALUES ('firms', old.id, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
  DELETE FROM tidu_changes WHERE tbl = 'firms' AND row_id = old.id;
END;

CREATE TRIGGER firm_tiers_changes AFTER UPDATE ON firm_tiers
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_changes (tbl, row_id, field, changed_at)
    SELECT 'firm_tiers', new.id, f.column1, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (
      SELECT 'firm_id' AS column1 WHERE old.firm_id IS NOT new.firm_id
      UNION ALL SELECT 'tier' WHERE old.tier IS NOT new.tier
      UNION ALL SELECT 'level' WHERE old.level IS NOT new.level
      UNION ALL SELECT 'certified_on' WHERE old.certified_on IS NOT new.certified_on
      UNION ALL SELECT 'expires_on' WHERE old.expires_on IS NOT new.expires_on
      UNION ALL SELECT 'valid_until' WHERE old.valid_until IS NOT new.valid_until
      UNION ALL SELECT 'certificate_no' WHERE old.certificate_no IS NOT new.certificate_no
      UNION ALL SELECT 'status' WHERE old.status IS NOT new.status
      UNION ALL SELECT 'revoked_on' WHERE old.revoked_on IS NOT new.revoked_on
      UNION ALL SELECT 'notes' WHERE old.notes IS NOT new.notes
      UNION ALL SELECT 'deleted_at' WHERE old.deleted_at IS NOT new.deleted_at) AS f;
END;
CREATE TRIGGER firm_tiers_purged AFTER DELETE ON firm_tiers
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_tombstones (tbl, row_id, purged_at) VALUES ('firm_tiers', old.id, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
  DELETE FROM tidu_changes WHERE tbl = 'firm_tiers' AND row_id = old.id;
END;

CREATE TRIGGER firm_years_changes AFTER UPDATE ON firm_years
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_changes (tbl, row_id, field, changed_at)
    SELECT 'firm_years', new.id, f.column1, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (
      SELECT 'firm_id' AS column1 WHERE old.firm_id IS NOT new.firm_id
      UNION ALL SELECT 'year' WHERE old.year IS NOT new.year
      UNION ALL SELECT 'revenue' WHERE old.revenue IS NOT new.revenue
      UNION ALL SELECT 'rd_expense' WHERE old.rd_expense IS NOT new.rd_expense
      UNION ALL SELECT 'staff' WHERE old.staff IS NOT new.staff
      UNION ALL SELECT 'tech_staff' WHERE old.tech_staff IS NOT new.tech_staff
      UNION ALL SELECT 'ip_class1' WHERE old.ip_class1 IS NOT new.ip_class1
      UNION ALL SELECT 'ip_class2' WHERE old.ip_class2 IS NOT new.ip_class2
      UNION ALL SELECT 'valuation' WHERE old.valuation IS NOT new.valuation
      UNION ALL SELECT 'financing' WHERE old.financing IS NOT new.financing
      UNION ALL SELECT 'notes' WHERE old.notes IS NOT new.notes
      UNION ALL SELECT 'deleted_at' WHERE old.deleted_at IS NOT new.deleted_at) AS f;
END;
CREATE TRIGGER firm_years_purged AFTER DELETE ON firm_years
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_tombstones (tbl, row_id, purged_at) VALUES ('firm_years', old.id, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
  DELETE FROM tidu_changes WHERE tbl = 'firm_years' AND row_id = old.id;
END;

CREATE TRIGGER firm_stays_changes AFTER UPDATE ON firm_stays
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_changes (tbl, row_id, field, changed_at)
    SELECT 'firm_stays', new.id, f.column1, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (
      SELECT 'firm_id' AS column1 WHERE old.firm_id IS NOT new.firm_id
      UNION ALL SELECT 'carrier_id' WHERE old.carrier_id IS NOT new.carrier_id
      UNION ALL SELECT 'entered_on' WHERE old.entered_on IS NOT new.entered_on
      UNION ALL SELECT 'left_on' WHERE old.left_on IS NOT new.left_on
      UNION ALL SELECT 'outcome' WHERE old.outcome IS NOT new.outcome
      UNION ALL SELECT 'notes' WHERE old.notes IS NOT new.notes
      UNION ALL SELECT 'deleted_at' WHERE old.deleted_at IS NOT new.deleted_at) AS f;
END;
CREATE TRIGGER firm_stays_purged AFTER DELETE ON firm_stays
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_tombstones (tbl, row_id, purged_at) VALUES ('firm_stays', old.id, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
  DELETE FROM tidu_changes WHERE tbl = 'firm_stays' AND row_id = old.id;
END;

CREATE TRIGGER talents_changes AFTER UPDATE ON talents
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_changes (tbl, row_id, field, changed_at)
    SELECT 'talents', new.id, f.column1, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (
      SELECT 'name' AS column1 WHERE old.name IS NOT new.name
      UNION ALL SELECT 'gender' WHERE old.gender IS NOT new.gender
      UNION ALL SELECT 'birth_year' WHERE old.birth_year IS NOT new.birth_year
      UNION ALL SELECT 'degree' WHERE old.degree IS NOT new.degree
      UNION ALL SELECT 'title' WHERE old.title IS NOT new.title
      UNION ALL SELECT 'field' WHERE old.field IS NOT new.field
      UNION ALL SELECT 'firm_id' WHERE old.firm_id IS NOT new.firm_id
      UNION ALL SELECT 'region_id' WHERE old.region_id IS NOT new.region_id
      UNION ALL SELECT 'contact_phone' WHERE old.contact_phone IS NOT new.contact_phone
      UNION ALL SELECT 'contact_email' WHERE old.contact_email IS NOT new.contact_email
      UNION ALL SELECT 'notes' WHERE old.notes IS NOT new.notes
      UNION ALL SELECT 'deleted_at' WHERE old.deleted_at IS NOT new.deleted_at) AS f;
END;
CREATE TRIGGER talents_purged AFTER DELETE ON talents
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_tombstones (tbl, row_id, purged_at) VALUES ('talents', old.id, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
  DELETE FROM tidu_changes WHERE tbl = 'talents' AND row_id = old.id;
END;

CREATE TRIGGER talent_plans_changes AFTER UPDATE ON talent_plans
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_changes (tbl, row_id, field, changed_at)
    SELECT 'talent_plans', new.id, f.column1, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (
      SELECT 'name' AS column1 WHERE old.name IS NOT new.name
      UNION ALL SELECT 'level' WHERE old.level IS NOT new.level
      UNION ALL SELECT 'issuer' WHERE old.issuer IS NOT new.issuer
      UNION ALL SELECT 'region_name' WHERE old.region_name IS NOT new.region_name
      UNION ALL SELECT 'region_id' WHERE old.region_id IS NOT new.region_id
      UNION ALL SELECT 'description' WHERE old.description IS NOT new.description
      UNION ALL SELECT 'source' WHERE old.source IS NOT new.source
      UNION ALL SELECT 'deleted_at' WHERE old.deleted_at IS NOT new.deleted_at) AS f;
END;
CREATE TRIGGER talent_plans_purged AFTER DELETE ON talent_plans
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_tombstones (tbl, row_id, purged_at) VALUES ('talent_plans', old.id, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
  DELETE FROM tidu_changes WHERE tbl = 'talent_plans' AND row_id = old.id;
END;

CREATE TRIGGER talent_plan_categories_changes AFTER UPDATE ON talent_plan_categories
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_changes (tbl, row_id, field, changed_at)
    SELECT 'talent_plan_categories', new.id, f.column1, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (
      SELECT 'plan_id' AS column1 WHERE old.plan_id IS NOT new.plan_id
      UNION ALL SELECT 'name' WHERE old.name IS NOT new.name
      UNION ALL SELECT 'is_team' WHERE old.is_team IS NOT new.is_team
      UNION ALL SELECT 'amount_min' WHERE old.amount_min IS NOT new.amount_min
      UNION ALL SELECT 'amount_max' WHERE old.amount_max IS NOT new.amount_max
      UNION ALL SELECT 'payout_years' WHERE old.payout_years IS NOT new.payout_years
      UNION ALL SELECT 'payout_note' WHERE old.payout_note IS NOT new.payout_note
      UNION ALL SELECT 'rank' WHERE old.rank IS NOT new.rank
      UNION ALL SELECT 'deleted_at' WHERE old.deleted_at IS NOT new.deleted_at) AS f;
END;
CREATE TRIGGER talent_plan_categories_purged AFTER DELETE ON talent_plan_categories
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_tombstones (tbl, row_id, purged_at) VALUES ('talent_plan_categories', old.id, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
  DELETE FROM tidu_changes WHERE tbl = 'talent_plan_categories' AND row_id = old.id;
END;

CREATE TRIGGER talent_plan_batches_changes AFTER UPDATE ON talent_plan_batches
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_changes (tbl, row_id, field, changed_at)
    SELECT 'talent_plan_batches', new.id, f.column1, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (
      SELECT 'plan_id' AS column1 WHERE old.plan_id IS NOT new.plan_id
      UNION ALL SELECT 'year' WHERE old.year IS NOT new.year
      UNION ALL SELECT 'name' WHERE old.name IS NOT new.name
      UNION ALL SELECT 'announced_on' WHERE old.announced_on IS NOT new.announced_on
      UNION ALL SELECT 'deleted_at' WHERE old.deleted_at IS NOT new.deleted_at) AS f;
END;
CREATE TRIGGER talent_plan_batches_purged AFTER DELETE ON talent_plan_batches
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_tombstones (tbl, row_id, purged_at) VALUES ('talent_plan_batches', old.id, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
  DELETE FROM tidu_changes WHERE tbl = 'talent_plan_batches' AND row_id = old.id;
END;

CREATE TRIGGER talent_awards_changes AFTER UPDATE ON talent_awards
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_changes (tbl, row_id, field, changed_at)
    SELECT 'talent_awards', new.id, f.column1, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (
      SELECT 'plan_id' AS column1 WHERE old.plan_id IS NOT new.plan_id
      UNION ALL SELECT 'category_id' WHERE old.category_id IS NOT new.category_id
      UNION ALL SELECT 'batch_id' WHERE old.batch_id IS NOT new.batch_id
      UNION ALL SELECT 'talent_id' WHERE old.talent_id IS NOT new.talent_id
      UNION ALL SELECT 'firm_id' WHERE old.firm_id IS NOT new.firm_id
      UNION ALL SELECT 'team_name' WHERE old.team_name IS NOT new.team_name
      UNION ALL SELECT 'year' WHERE old.year IS NOT new.year
      UNION ALL SELECT 'granted_amount' WHERE old.granted_amount IS NOT new.granted_amount
      UNION ALL SELECT 'status' WHERE old.status IS NOT new.status
      UNION ALL SELECT 'notes' WHERE old.notes IS NOT new.notes
      UNION ALL SELECT 'deleted_at' WHERE old.deleted_at IS NOT new.deleted_at) AS f;
END;
CREATE TRIGGER talent_awards_purged AFTER DELETE ON talent_awards
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_tombstones (tbl, row_id, purged_at) VALUES ('talent_awards', old.id, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
  DELETE FROM tidu_changes WHERE tbl = 'talent_awards' AND row_id = old.id;
END;

CREATE TRIGGER talent_award_members_changes AFTER UPDATE ON talent_award_members
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_changes (tbl, row_id, field, changed_at)
    SELECT 'talent_award_members', new.id, f.column1, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (
      SELECT 'award_id' AS column1 WHERE old.award_id IS NOT new.award_id
      UNION ALL SELECT 'talent_id' WHERE old.talent_id IS NOT new.talent_id
      UNION ALL SELECT 'role' WHERE old.role IS NOT new.role
      UNION ALL SELECT 'deleted_at' WHERE old.deleted_at IS NOT new.deleted_at) AS f;
END;
CREATE TRIGGER talent_award_members_purged AFTER DELETE ON talent_award_members
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_tombstones (tbl, row_id, purged_at) VALUES ('talent_award_members', old.id, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
  DELETE FROM tidu_changes WHERE tbl = 'talent_award_members' AND row_id = old.id;
END;

CREATE TRIGGER talent_award_instalments_changes AFTER UPDATE ON talent_award_instalments
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_changes (tbl, row_id, field, changed_at)
    SELECT 'talent_award_instalments', new.id, f.column1, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (
      SELECT 'award_id' AS column1 WHERE old.award_id IS NOT new.award_id
      UNION ALL SELECT 'due_on' WHERE old.due_on IS NOT new.due_on
      UNION ALL SELECT 'planned_amount' WHERE old.planned_amount IS NOT new.planned_amount
      UNION ALL SELECT 'paid_on' WHERE old.paid_on IS NOT new.paid_on
      UNION ALL SELECT 'paid_amount' WHERE old.paid_amount IS NOT new.paid_amount
      UNION ALL SELECT 'deleted_at' WHERE old.deleted_at IS NOT new.deleted_at) AS f;
END;
CREATE TRIGGER talent_award_instalments_purged AFTER DELETE ON talent_award_instalments
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_tombstones (tbl, row_id, purged_at) VALUES ('talent_award_instalments', old.id, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
  DELETE FROM tidu_changes WHERE tbl = 'talent_award_instalments' AND row_id = old.id;
END;

CREATE TRIGGER policies_changes AFTER UPDATE ON policies
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_changes (tbl, row_id, field, changed_at)
    SELECT 'policies', new.id, f.column1, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (
      SELECT 'code' AS column1 WHERE old.code IS NOT new.code
      UNION ALL SELECT 'version' WHERE old.version IS NOT new.version
      UNION ALL SELECT 'title' WHERE old.title IS NOT new.title
      UNION ALL SELECT 'doc_number' WHERE old.doc_number IS NOT new.doc_number
      UNION ALL SELECT 'issuer' WHERE old.issuer IS NOT new.issuer
      UNION ALL SELECT 'region_name' WHERE old.region_name IS NOT new.region_name
      UNION ALL SELECT 'effective_from' WHERE old.effective_from IS NOT new.effective_from
      UNION ALL SELECT 'effective_to' WHERE old.effective_to IS NOT new.effective_to
      UNION ALL SELECT 'builtin' WHERE old.builtin IS NOT new.builtin
      UNION ALL SELECT 'body' WHERE old.body IS NOT new.body
      UNION ALL SELECT 'deleted_at' WHERE old.deleted_at IS NOT new.deleted_at) AS f;
END;
CREATE TRIGGER policies_purged AFTER DELETE ON policies
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_tombstones (tbl, row_id, purged_at) VALUES ('policies', old.id, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
  DELETE FROM tidu_changes WHERE tbl = 'policies' AND row_id = old.id;
END;

CREATE TRIGGER subsidy_awards_changes AFTER UPDATE ON subsidy_awards
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_changes (tbl, row_id, field, changed_at)
    SELECT 'subsidy_awards', new.id, f.column1, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (
      SELECT 'policy_id' AS column1 WHERE old.policy_id IS NOT new.policy_id
      UNION ALL SELECT 'rule_id' WHERE old.rule_id IS NOT new.rule_id
      UNION ALL SELECT 'carrier_id' WHERE old.carrier_id IS NOT new.carrier_id
      UNION ALL SELECT 'firm_id' WHERE old.firm_id IS NOT new.firm_id
      UNION ALL SELECT 'talent_id' WHERE old.talent_id IS NOT new.talent_id
      UNION ALL SELECT 'payee' WHERE old.payee IS NOT new.payee
      UNION ALL SELECT 'year' WHERE old.year IS NOT new.year
      UNION ALL SELECT 'level' WHERE old.level IS NOT new.level
      UNION ALL SELECT 'inputs' WHERE old.inputs IS NOT new.inputs
      UNION ALL SELECT 'explanation' WHERE old.explanation IS NOT new.explanation
      UNION ALL SELECT 'computed_amount' WHERE old.computed_amount IS NOT new.computed_amount
      UNION ALL SELECT 'computed_min' WHERE old.computed_min IS NOT new.computed_min
      UNION ALL SELECT 'computed_max' WHERE old.computed_max IS NOT new.computed_max
      UNION ALL SELECT 'approved_amount' WHERE old.approved_amount IS NOT new.approved_amount
      UNION ALL SELECT 'approved_reason' WHERE old.approved_reason IS NOT new.approved_reason
      UNION ALL SELECT 'approved_on' WHERE old.approved_on IS NOT new.approved_on
      UNION ALL SELECT 'paid_amount' WHERE old.paid_amount IS NOT new.paid_amount
      UNION ALL SELECT 'paid_on' WHERE old.paid_on IS NOT new.paid_on
      UNION ALL SELECT 'status' WHERE old.status IS NOT new.status
      UNION ALL SELECT 'deleted_at' WHERE old.deleted_at IS NOT new.deleted_at) AS f;
END;
CREATE TRIGGER subsidy_awards_purged AFTER DELETE ON subsidy_awards
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_tombstones (tbl, row_id, purged_at) VALUES ('subsidy_awards', old.id, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
  DELETE FROM tidu_changes WHERE tbl = 'subsidy_awards' AND row_id = old.id;
END;

CREATE TRIGGER targets_changes AFTER UPDATE ON targets
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_changes (tbl, row_id, field, changed_at)
    SELECT 'targets', new.id, f.column1, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (
      SELECT 'indicator' AS column1 WHERE old.indicator IS NOT new.indicator
      UNION ALL SELECT 'parameter' WHERE old.parameter IS NOT new.parameter
      UNION ALL SELECT 'region_id' WHERE old.region_id IS NOT new.region_id
      UNION ALL SELECT 'title' WHERE old.title IS NOT new.title
      UNION ALL SELECT 'start_year' WHERE old.start_year IS NOT new.start_year
      UNION ALL SELECT 'end_year' WHERE old.end_year IS NOT new.end_year
      UNION ALL SELECT 'value' WHERE old.value IS NOT new.value
      UNION ALL SELECT 'source' WHERE old.source IS NOT new.source
      UNION ALL SELECT 'notes' WHERE old.notes IS NOT new.notes
      UNION ALL SELECT 'deleted_at' WHERE old.deleted_at IS NOT new.deleted_at) AS f;
END;
CREATE TRIGGER targets_purged AFTER DELETE ON targets
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_tombstones (tbl, row_id, purged_at) VALUES ('targets', old.id, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
  DELETE FROM tidu_changes WHERE tbl = 'targets' AND row_id = old.id;
END;

CREATE TRIGGER target_years_changes AFTER UPDATE ON target_years
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_changes (tbl, row_id, field, changed_at)
    SELECT 'target_years', new.id, f.column1, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (
      SELECT 'target_id' AS column1 WHERE old.target_id IS NOT new.target_id
      UNION ALL SELECT 'year' WHERE old.year IS NOT new.year
      UNION ALL SELECT 'value' WHERE old.value IS NOT new.value
      UNION ALL SELECT 'deleted_at' WHERE old.deleted_at IS NOT new.deleted_at) AS f;
END;
CREATE TRIGGER target_years_purged AFTER DELETE ON target_years
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_tombstones (tbl, row_id, purged_at) VALUES ('target_years', old.id, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
  DELETE FROM tidu_changes WHERE tbl = 'target_years' AND row_id = old.id;
END;

CREATE TRIGGER promotion_events_changes AFTER UPDATE ON promotion_events
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_changes (tbl, row_id, field, changed_at)
    SELECT 'promotion_events', new.id, f.column1, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (
      SELECT 'name' AS column1 WHERE old.name IS NOT new.name
      UNION ALL SELECT 'held_on' WHERE old.held_on IS NOT new.held_on
      UNION ALL SELECT 'region_id' WHERE old.region_id IS NOT new.region_id
      UNION ALL SELECT 'location' WHERE old.location IS NOT new.location
      UNION ALL SELECT 'organizer' WHERE old.organizer IS NOT new.organizer
      UNION ALL SELECT 'theme' WHERE old.theme IS NOT new.theme
      UNION ALL SELECT 'firms_contacted' WHERE old.firms_contacted IS NOT new.firms_contacted
      UNION ALL SELECT 'leads' WHERE old.leads IS NOT new.leads
      UNION ALL SELECT 'notes' WHERE old.notes IS NOT new.notes
      UNION ALL SELECT 'deleted_at' WHERE old.deleted_at IS NOT new.deleted_at) AS f;
END;
CREATE TRIGGER promotion_events_purged AFTER DELETE ON promotion_events
  WHEN NOT EXISTS (SELECT 1 FROM tidu_meta WHERE key = 'changes_paused') BEGIN
  INSERT OR REPLACE INTO tidu_tombstones (tbl, row_id, purged_at) VALUES ('promotion_events', old.id, strftime ('%Y-%m-%dT%H:%M:%fZ', 'now'));
  DELETE FROM tidu_changes WHERE tbl = 'promotion_events' AND row_id = old.id;
END;
