#!/bin/sh
# bench-stats.sh: the statistics of the Overview (tidu-stats.h, tidu-target.h) on the
# 100,000-firm sample, each beside the same query shape run by the sqlite3 shell (the floor:
# what SQLite alone needs to read those rows), against the targets of issue 4 and
# PERFORMANCE.md §4.5: each statistic ≤ 100 ms, a full dashboard refresh ≤ 300 ms.
# Not part of `meson test`.
#
# Usage: tests/bench/bench-stats.sh [BUILD_DIR] [FIRMS]
#   BUILD_DIR defaults to build-d, then build (set up as build-bench when neither exists);
#   FIRMS to 100000. The sample is the one bench-records.sh caches (TIDU_BENCH_CACHE, default
#   BUILD_DIR/bench-data), made here when missing. RUNS (environment) sets the timed runs, 11 by
#   default; the figures are medians (p95 beside them for the app).
# Needs meson, sqlite3 and awk.
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-}
firms=${2:-100000}
runs=${RUNS:-11}
if [ -z "$build" ]; then
  build=$root/build-bench
  for candidate in "$root/build-d" "$root/build"; do
    if [ -f "$candidate/build.ninja" ]; then build=$candidate; break; fi
  done
fi
case $build in /*) ;; *) build=$(pwd)/$build ;; esac
for tool in meson sqlite3 awk; do
  command -v "$tool" >/dev/null || { echo "bench-stats: $tool is needed" >&2; exit 2; }
done

# 1. The bench program and the CLI.
[ -f "$build/build.ninja" ] || meson setup "$build" "$root" >/dev/null
meson compile -C "$build" bench-stats tidu-cli >/dev/null
bench=$build/tests/bench/bench-stats
cli=$build/src/cli/tidu-cli

# 2. The sample, shared with bench-records.sh (same cache key).
cache=${TIDU_BENCH_CACHE:-$build/bench-data}
mkdir -p "$cache"
key=$(cat "$root"/src/core/sql/* "$root/src/core/tidu-sample.c" "$root/src/core/tidu-bulk.c" \
        "$root/src/core/tidu-database.c" "$root/src/core/tidu-tokenizer.c" | cksum | cut -d' ' -f1)
sample=$cache/firms-$firms-$key.sqlite3
if [ ! -f "$sample" ]; then
  echo "Making the $firms-firm sample in $cache (cached for the next runs)…" >&2
  rm -f "$sample.tmp"
  LC_ALL=C "$cli" --database "$sample.tmp" sample --firms "$firms" --seed 1 --quiet >/dev/null
  mv "$sample.tmp" "$sample"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/tidu-bench-stats-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

# The sample's data runs to the end of 2025: count as of its last day, over five years.
date=2025-12-31
from=2021
to=2025
last_before=2020-12-31
region=丹阳市
rows=$(sqlite3 "$sample" "SELECT (SELECT count(*) FROM firm_tiers WHERE deleted_at IS NULL) || ' ' || (SELECT count(*) FROM firm_years WHERE deleted_at IS NULL) || ' ' || (SELECT count(*) FROM firms WHERE deleted_at IS NULL)")
set -- $rows
echo "Sample: $3 firms, $1 certifications + $2 yearly indicator rows = $(( $1 + $2 )) (issue 4 asks >= 500000)"
echo "As of $date, years $from-$to; regional figures for $region and the regions in it."
echo

now_ms () { echo $(( $(date +%s%N) / 1000000 )); }
calibrate () {
  start=$(now_ms)
  awk 'BEGIN { s = 0; for (i = 0; i < 5000000; i++) s += i }'
  echo $(( $(now_ms) - start ))
}
calibration_before=$(calibrate)

# 3. The app: bench-stats, in process (one connection, as the worker thread keeps it).
LC_ALL=C.UTF-8 "$bench" --runs "$runs" --region "$region" "$sample" "$date" "$from" "$to" > "$work/app.out"

# 4. The floors: the statements of the core, with the filter's values written in, run by the
# sqlite3 shell with their rows sent to /dev/null. A floor of several statements is their sum.
deleted="NOT IN (SELECT id FROM firms WHERE deleted_at IS NOT NULL)"
tree="WITH RECURSIVE region_tree (id) AS (SELECT id FROM regions WHERE name = '$region' AND deleted_at IS NULL UNION SELECT r.id FROM regions AS r JOIN region_tree AS t ON r.parent_id = t.id WHERE r.deleted_at IS NULL) "
in_region="IN (SELECT f.id FROM firms AS f INDEXED BY firms_live_region_id WHERE f.deleted_at IS NULL AND f.region_id IN (SELECT id FROM region_tree))"

q_count="SELECT count(*) FROM firms AS f INDEXED BY firms_live_name WHERE f.deleted_at IS NULL;"
# The certifications held on the day: two ranges of firm_tiers_held (valid then or later, open-ended).
held_rows () {   # CONDITION on ft.firm_id (may be empty)
  echo "SELECT ft.firm_id, ft.tier FROM firm_tiers AS ft INDEXED BY firm_tiers_held WHERE ft.deleted_at IS NULL AND ft.valid_until >= '$date' AND ft.certified_on <= '$date' AND (ft.revoked_on IS NULL OR ft.revoked_on > '$date') $1 UNION ALL SELECT ft.firm_id, ft.tier FROM firm_tiers AS ft INDEXED BY firm_tiers_held WHERE ft.deleted_at IS NULL AND ft.valid_until IS NULL AND ft.certified_on <= '$date' AND (ft.revoked_on IS NULL OR ft.revoked_on > '$date') $1"
}
# The app keeps the highest tier per firm in a hash table; the shell groups them in SQL.
q_ladder="SELECT r, count(*) FROM (SELECT h.firm_id, max (t.rank) AS r FROM ($(held_rows "AND ft.firm_id $deleted")) AS h JOIN tiers AS t ON t.code = h.tier WHERE t.line = 'ladder' GROUP BY h.firm_id) GROUP BY r;"
q_ladder_ids="SELECT h.firm_id FROM ($(held_rows "AND ft.firm_id $deleted")) AS h JOIN tiers AS t ON t.code = h.tier WHERE t.line = 'ladder' GROUP BY h.firm_id HAVING max (t.rank) = 20 ORDER BY h.firm_id;"
# The targets' tier figures: the certifications valid at the end of the year before last.
q_recent="SELECT ft.firm_id, ft.tier, ft.certified_on, ft.valid_until, ft.revoked_on FROM firm_tiers AS ft INDEXED BY firm_tiers_held WHERE ft.deleted_at IS NULL AND ft.valid_until >= '$(( ${date%%-*} - 2 ))-12-31' AND ft.certified_on <= '$date' UNION ALL SELECT ft.firm_id, ft.tier, ft.certified_on, ft.valid_until, ft.revoked_on FROM firm_tiers AS ft INDEXED BY firm_tiers_held WHERE ft.deleted_at IS NULL AND ft.valid_until IS NULL AND ft.certified_on <= '$date';"
q_scan="SELECT ft.firm_id, ft.tier, ft.certified_on, ft.valid_until, ft.revoked_on FROM firm_tiers AS ft INDEXED BY firm_tiers_current WHERE ft.deleted_at IS NULL AND ft.certified_on <= '$date' AND ft.firm_id $deleted ORDER BY ft.firm_id;"
q_stays="SELECT s.firm_id, s.entered_on, s.left_on, s.outcome FROM firm_stays AS s INDEXED BY firm_stays_firm WHERE s.deleted_at IS NULL AND s.entered_on <= '$date' AND s.carrier_id IN (SELECT c.id FROM carriers AS c WHERE c.deleted_at IS NULL) AND s.firm_id $deleted ORDER BY s.firm_id;
SELECT ft.firm_id, ft.certified_on, ft.valid_until, ft.revoked_on FROM firm_tiers AS ft INDEXED BY firm_tiers_current WHERE ft.tier = 'hnte' AND ft.deleted_at IS NULL AND ft.certified_on <= '$date' AND ft.firm_id IN (SELECT s.firm_id FROM firm_stays AS s WHERE s.deleted_at IS NULL AND s.carrier_id IN (SELECT c.id FROM carriers AS c WHERE c.deleted_at IS NULL));
SELECT count(*) FROM carriers AS c WHERE c.deleted_at IS NULL;
SELECT cy.year, cy.incubated_firms, cy.graduated_this_year, cy.grade FROM carrier_years AS cy WHERE cy.deleted_at IS NULL AND cy.year BETWEEN $from AND $to AND cy.carrier_id IN (SELECT c.id FROM carriers AS c WHERE c.deleted_at IS NULL);"
# The targets' regions: the city holds every firm (its live firms counted in firms_live_region_id
# against all of them), 丹阳市's firms are read from firms_live_region_id.
q_sets="WITH RECURSIVE region_tree (id) AS (SELECT id FROM regions WHERE parent_id IS NULL AND deleted_at IS NULL UNION SELECT r.id FROM regions AS r JOIN region_tree AS t ON r.parent_id = t.id WHERE r.deleted_at IS NULL) SELECT count(*) FROM firms AS f INDEXED BY firms_live_region_id WHERE f.deleted_at IS NULL AND f.region_id IN (SELECT id FROM region_tree);
$tree SELECT f.id FROM firms AS f INDEXED BY firms_live_region_id WHERE f.deleted_at IS NULL AND f.region_id IN (SELECT id FROM region_tree);"
q_attracted="SELECT (SELECT count(*) FROM firms AS f WHERE f.attraction_stage IN ('signed', 'landed') AND f.signed_on >= '$to-01-01' AND f.signed_on <= '$date' AND f.deleted_at IS NULL) + (SELECT count(*) FROM firms AS f WHERE f.attraction_stage IN ('signed', 'landed') AND f.signed_on IS NULL AND f.landed_on >= '$to-01-01' AND f.landed_on <= '$date' AND f.deleted_at IS NULL);
SELECT CAST (round (total (c.area_m2)) AS INTEGER) FROM carriers AS c WHERE c.deleted_at IS NULL AND (c.founded_on IS NULL OR c.founded_on <= '$date');"
q_region_ladder="$tree SELECT count(*) FROM firms AS f INDEXED BY firms_live_region_id WHERE f.deleted_at IS NULL AND f.region_id IN (SELECT id FROM region_tree);
$tree SELECT r, count(*) FROM (SELECT h.firm_id, max (t.rank) AS r FROM ($(held_rows "AND ft.firm_id $in_region")) AS h JOIN tiers AS t ON t.code = h.tier WHERE t.line = 'ladder' GROUP BY h.firm_id) GROUP BY r;"
q_region_scan="$tree SELECT ft.firm_id, ft.tier, ft.certified_on, ft.valid_until, ft.revoked_on FROM firm_tiers AS ft INDEXED BY firm_tiers_current WHERE ft.deleted_at IS NULL AND ft.certified_on <= '$date' AND ft.firm_id $in_region ORDER BY ft.firm_id;"

floor () {   # NAME SQL…: the median over RUNS of the summed Run Time of the statements
  name=$1; shift
  {
    echo ".timer on"
    echo ".output /dev/null"
    i=0
    while [ $i -le "$runs" ]; do   # one more: the first, a warm-up, is dropped
      echo ".timer off"
      echo ".output stdout"
      echo ".print @@"
      echo ".output /dev/null"
      echo ".timer on"
      for sql in "$@"; do printf '%s\n' "$sql"; done
      i=$((i + 1))
    done
  } > "$work/floor.sql"
  sqlite3 "$sample" < "$work/floor.sql" | awk -v name="$name" '
    # "Run Time: real R user U sys S": wall time, and CPU time (user + sys) as the app reports it.
    /^@@/ { b++; next }
    /^Run Time:/ { s[b] += $4 * 1000; c[b] += ($6 + $8) * 1000 }
    function median (a,    m, i, j, t, x) {
      m = 0
      for (i = 2; i <= b; i++) t[++m] = a[i] + 0
      for (i = 2; i <= m; i++) for (j = i; j > 1 && t[j - 1] > t[j]; j--) { x = t[j]; t[j] = t[j - 1]; t[j - 1] = x }
      return (m % 2) ? t[(m + 1) / 2] : (t[m / 2] + t[m / 2 + 1]) / 2
    }
    END { printf "%s floor_ms=%.2f floor_cpu_ms=%.2f\n", name, median(s), median(c) }'
}

{
  floor ladder "$q_count" "$q_ladder"
  floor progression "$q_scan"
  floor transitions "$q_scan"
  floor carriers "$q_stays"
  floor targets "$q_count" "$q_sets" "$q_recent" "$q_attracted"
  floor firm-ids-ladder "$q_ladder_ids"
  floor firm-ids-held "$q_scan"
  floor dashboard "$q_count" "$q_sets" "$q_scan" "$q_stays" "$q_attracted"
  floor region-ladder "$q_region_ladder"
  floor region-progression "$q_region_scan"
  floor region-dashboard "$q_region_ladder" "$q_region_scan" "$q_stays"
} > "$work/floor.out"

calibration_after=$(calibrate)

# 5. The table.
echo "CPU calibration (awk loop, 5M adds): $calibration_before ms before, $calibration_after ms after; load: $(cut -d' ' -f1-3 /proc/loadavg)"
awk '
  FNR == 1 { file++ }
  {
    for (i = 2; i <= NF; i++) { split ($i, kv, "="); v[file, $1, kv[1]] = kv[2] }
    if (file == 1) order[++n] = $1
  }
  END {
    printf "%-20s %8s %8s %8s | %8s %8s | %7s %7s | %-7s %s\n", "statistic", "wall ms", "p95 ms", "cpu ms",
           "floor", "fl. cpu", "/floor", "cpu/fl", "target", "result (wall; cpu)"
    for (k = 1; k <= n; k++) {
      id = order[k]; med = v[1, id, "median_ms"]; p95 = v[1, id, "p95_ms"]; cpu = v[1, id, "cpu_ms"]
      fl = v[2, id, "floor_ms"]; flc = v[2, id, "floor_cpu_ms"]
      target = (id ~ /dashboard/) ? 300 : 100
      ratio = (fl > 0) ? sprintf ("%.2fx", med / fl) : "-"
      cratio = (flc > 0) ? sprintf ("%.2fx", cpu / flc) : "-"
      printf "%-20s %8.1f %8.1f %8.1f | %8.1f %8.1f | %7s %7s | <= %-4d %s; %s\n", id, med, p95, cpu, fl, flc, ratio, cratio, target,
             (med <= target) ? "pass" : sprintf ("FAIL %.2fx", med / target),
             (cpu <= target) ? "pass" : sprintf ("FAIL %.2fx", cpu / target)
    }
  }' "$work/app.out" "$work/floor.out"
echo
echo "Values behind the figures (a run that counts nothing shows here):"
awk '{ for (i = 2; i <= NF; i++) if ($i ~ /^value=/) printf "  %-22s %s\n", $1, substr ($i, 7) }' "$work/app.out"
