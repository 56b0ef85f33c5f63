-- Tidu schema version 3: indexes for the Overview's statistics (PERFORMANCE.md §4, target 5).
--
-- Indexes only: no row is rewritten; on 100,000 firms (353k certifications) both build in
-- about a second.

-- "Held on day D" (tidu-tier-private.h): the certifications still valid on D are one range of
-- valid_until (the open-ended ones, valid_until IS NULL, are read as a second range), and the
-- index covers the rule and the tier, so the ladder reads about a fifth of the certifications.
CREATE INDEX firm_tiers_held ON firm_tiers (valid_until, certified_on, tier, revoked_on, firm_id) WHERE deleted_at IS NULL;

-- The live firms of a region and the regions below it, by id, without reading the firms table:
-- the regional filter of the statistics and the regions of the targets.
CREATE INDEX firms_live_region_id ON firms (region_id, id) WHERE deleted_at IS NULL;
