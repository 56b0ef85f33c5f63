#!/bin/sh
# bench-sample.sh: time `tidu-cli sample` on a fresh file against the sqlite3 shell's `.import`
# of a CSV with as many rows, the floor of PERFORMANCE.md §1.2. Not part of `meson test`.
#
# Usage: tests/bench/bench-sample.sh [TIDU_CLI] [FIRMS]
#   TIDU_CLI defaults to build-d/src/cli/tidu-cli (then build/…), FIRMS to 100000.
# Needs sqlite3 and awk.
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
cli=${1:-}
firms=${2:-100000}
if [ -z "$cli" ]; then
  for candidate in "$root/build-d/src/cli/tidu-cli" "$root/build/src/cli/tidu-cli"; do
    if [ -x "$candidate" ]; then cli=$candidate; break; fi
  done
fi
[ -x "${cli:-}" ] || { echo "bench-sample: no tidu-cli; pass its path" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "bench-sample: sqlite3 is needed" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/tidu-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

now_ms () { echo $(( $(date +%s%N) / 1000000 )); }

# CPU calibration (PERFORMANCE.md A.0 reads ~300 ms in this VM's normal phase, ~510 in its slow one).
start=$(now_ms)
awk 'BEGIN { s = 0; for (i = 0; i < 5000000; i++) s += i }'
calibration=$(( $(now_ms) - start ))

# 1. tidu-cli sample on a fresh file.
db="$work/sample.sqlite3"
start=$(now_ms)
LC_ALL=C "$cli" --database "$db" sample --firms "$firms" --seed 1 --quiet > "$work/sample.out"
sample_ms=$(( $(now_ms) - start ))

tables=$(sqlite3 "$db" "SELECT group_concat (name, ' ') FROM sqlite_schema WHERE type = 'table'
  AND name NOT LIKE 'sqlite%' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT GLOB '*_fts_*'
  AND name NOT GLOB '*_chars_*'")
query="SELECT 0"
for t in $tables; do query="$query + (SELECT count(*) FROM $t)"; done
rows=$(sqlite3 "$db" "$query")
main_rows=$(sqlite3 "$db" "SELECT (SELECT count(*) FROM firms) + (SELECT count(*) FROM firm_tiers) + (SELECT count(*) FROM firm_years)")
size=$(wc -c < "$db")

# 2. The floor: a CSV of as many rows, shaped like firm_years (UUID text ids, a firm id, numbers,
#    two timestamps), into a typed table of a fresh file with sqlite3's .import.
csv="$work/rows.csv"
awk -v n="$rows" 'BEGIN {
  srand (1);
  for (i = 0; i < n; i++)
    printf "%08x-%04x-4%03x-8%03x-%012x,%08x-0000-4000-8000-%012x,%d,%d,%d,%d,%d,%d,%d,2026-01-01T00:00:00.000Z,2026-01-01T00:00:00.000Z\n",
      i, int (rand () * 65536), int (rand () * 4096), int (rand () * 4096), int (rand () * 2^40),
      int (i / 5), int (i / 5), 2020 + i % 6, int (rand () * 1e8), int (rand () * 5e6),
      int (rand () * 300), int (rand () * 100), int (rand () * 10), int (rand () * 40) }' > "$csv"
floor_db="$work/floor.sqlite3"
sqlite3 "$floor_db" "CREATE TABLE rows (id TEXT PRIMARY KEY NOT NULL, firm_id TEXT NOT NULL,
  year INTEGER, revenue INTEGER, rd_expense INTEGER, staff INTEGER, tech_staff INTEGER,
  ip_class1 INTEGER, ip_class2 INTEGER, created_at TEXT, updated_at TEXT)"
start=$(now_ms)
sqlite3 "$floor_db" ".import --csv $csv rows"
floor_ms=$(( $(now_ms) - start ))
floor_rows=$(sqlite3 "$floor_db" "SELECT count(*) FROM rows")

awk -v firms="$firms" -v rows="$rows" -v main_rows="$main_rows" -v ms="$sample_ms" -v size="$size" \
    -v floor_ms="$floor_ms" -v floor_rows="$floor_rows" -v cal="$calibration" 'BEGIN {
  printf "CPU calibration (awk loop, 5M adds):  %d ms\n", cal;
  printf "tidu-cli sample --firms %d:  %.2f s, %d rows in all tables (%d firms + certifications + indicators), %.1f MB\n",
    firms, ms / 1000, rows, main_rows, size / 1048576;
  printf "  %.0f rows/s (all tables), %.0f firm, certification and indicator rows/s\n",
    rows / (ms / 1000), main_rows / (ms / 1000);
  printf "sqlite3 .import of a CSV with %d rows (floor):  %.2f s, %.0f rows/s\n",
    floor_rows, floor_ms / 1000, floor_rows / (floor_ms / 1000);
  printf "ratio (sample / floor):  %.1fx\n", ms / floor_ms;
}'
