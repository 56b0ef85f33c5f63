-- Tidu schema version 5: three of the firms' indexes fewer, one changed (docs/adr/0010-fewer-firm-indexes.md).
--
-- Every index on firms is built again at the end of a big import, and written twice (the WAL,
-- then the database); these cost about 0.15 s and 13 MB of a 100,000-firm import for no query:
--   firms_name (name) held what firms_live_name holds plus the trash, which is found through
--     firms_deleted (a few rows, sorted by name); no query looks a name up across live and
--     trashed firms.
--   firms_region (region_id, name) held what firms_live_region holds plus the trash. Its one
--     use of its own was to be an index led by region_id over every row: the foreign key of
--     firms.region_id (deleting a region), "is this region used" (live or trashed) and a
--     snapshot's firms of some regions. firms_live_region_id now does that: it covers every
--     row, with deleted_at second, so the live firms of a region are still one range of it
--     (region_id = ? AND deleted_at IS NULL) and the statistics still read it alone.
DROP INDEX firms_name;
DROP INDEX firms_region;
DROP INDEX firms_live_region_id;
CREATE INDEX firms_live_region_id ON firms (region_id, deleted_at, id);
