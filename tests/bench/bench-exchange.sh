#!/bin/sh
# bench-exchange.sh: snapshot export against a plain `VACUUM INTO` of the same database
# (target <= 1.5x), and the merge of a 100,000-firm snapshot into a database of the same size
# (target <= 10 s), each beside floors measured in the same run. Not part of `meson test`.
#
# Usage: tests/bench/bench-exchange.sh [TIDU_CLI] [FIRMS]
#   TIDU_CLI defaults to build-d/src/cli/tidu-cli (then build/…), FIRMS to 100000.
# Needs sqlite3 and awk.
#
# The merge: office B starts as a copy of office A's database (another database id), then both
# work for a while: B changes the address of 2,000 firms and enters 1,000 new yearly indicator
# rows, A changes 1,000 contact phones and the address of 100 firms that B changed too (100
# conflicts, resolved with --prefer theirs). A then merges B's snapshot of 100,000 firms.
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
cli=${1:-}
firms=${2:-100000}
if [ -z "$cli" ]; then
  for candidate in "$root/build-d/src/cli/tidu-cli" "$root/build/src/cli/tidu-cli"; do
    if [ -x "$candidate" ]; then cli=$candidate; break; fi
  done
fi
[ -x "${cli:-}" ] || { echo "bench-exchange: no tidu-cli; pass its path" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "bench-exchange: sqlite3 is needed" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/tidu-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

now_ms () { echo $(( $(date +%s%N) / 1000000 )); }

start=$(now_ms)
awk 'BEGIN { s = 0; for (i = 0; i < 5000000; i++) s += i }'
calibration=$(( $(now_ms) - start ))

a="$work/office-a.sqlite3"
b="$work/office-b.sqlite3"
LC_ALL=C "$cli" --database "$a" sample --firms "$firms" --seed 1 --quiet > /dev/null
sqlite3 "$a" "PRAGMA wal_checkpoint(TRUNCATE)" > /dev/null
size=$(wc -c < "$a")

# 1. Snapshot export against VACUUM INTO of the same file (best of two each, warm cache).
# Each starts with no dirty pages left by the one before (sync, untimed): otherwise the second
# of two 480 MB writes waits for the kernel to write back the first, and the order of the
# steps, not the steps, decides the ratio.
best () { if [ -z "$1" ] || [ "$2" -lt "$1" ]; then echo "$2"; else echo "$1"; fi; }
vacuum_ms=""; export_ms=""
for round in 1 2; do
  rm -f "$work/plain.sqlite3"
  sync
  start=$(now_ms)
  sqlite3 "$a" "VACUUM INTO '$work/plain.sqlite3'"
  vacuum_ms=$(best "$vacuum_ms" $(( $(now_ms) - start )))

  rm -f "$work/a.tidu"
  sync
  start=$(now_ms)
  LC_ALL=C "$cli" --database "$a" snapshot export "$work/a.tidu" --officer bench --quiet > /dev/null
  export_ms=$(best "$export_ms" $(( $(now_ms) - start )))
done
sync
start=$(now_ms)
LC_ALL=C "$cli" --database "$a" snapshot export "$work/redacted.tidu" --redact --quiet > /dev/null
redact_ms=$(( $(now_ms) - start ))

# 2. Two offices with the same 100,000 firms, each having worked on its copy.
cp "$a" "$b"
sqlite3 "$b" "UPDATE tidu_meta SET value = 'bench-office-b' WHERE key = 'database_id';
  UPDATE firms SET address = address || '（B 改）' WHERE rowid % 50 = 0;
  INSERT INTO firm_years (id, firm_id, year, revenue)
    SELECT 'bench-' || id, id, 2099, 1000000 FROM firms WHERE rowid % 100 = 1;" > /dev/null
sqlite3 "$a" "UPDATE firms SET contact_phone = '0511-80000000' WHERE rowid % 100 = 7;
  UPDATE firms SET address = address || '（A 改）' WHERE rowid % 1000 = 0;" > /dev/null
LC_ALL=C "$cli" --database "$b" snapshot export "$work/b.tidu" --quiet > /dev/null
cp "$a" "$work/a-before.sqlite3"

start=$(now_ms)
LC_ALL=C "$cli" --database "$a" merge "$work/b.tidu" --prefer theirs --quiet > "$work/merge.out"
merge_ms=$(( $(now_ms) - start ))
new=$(sed -n 's/^New: //p' "$work/merge.out")
changed=$(sed -n 's/^Changed: //p' "$work/merge.out")
conflicts=$(sed -n 's/^Conflicts: //p' "$work/merge.out")
identical=$(sed -n 's/^Identical: //p' "$work/merge.out")

# Floors for the merge: the backup it starts with (VACUUM INTO of the database) plus reading
# both files once (a join of the firms of both on id, all columns compared).
start=$(now_ms)
rm -f "$work/floor.sqlite3"
sqlite3 "$work/a-before.sqlite3" "VACUUM INTO '$work/floor.sqlite3'"
sqlite3 "$work/a-before.sqlite3" "ATTACH '$work/b.tidu' AS b;
  SELECT count(*) FROM firms a JOIN b.firms t USING (id) WHERE a.address IS NOT t.address OR a.contact_phone IS NOT t.contact_phone;
  SELECT count(*) FROM firm_years a JOIN b.firm_years t USING (id) WHERE a.revenue IS NOT t.revenue;
  SELECT count(*) FROM firm_tiers a JOIN b.firm_tiers t USING (id) WHERE a.tier IS NOT t.tier;" > /dev/null
floor_ms=$(( $(now_ms) - start ))

awk -v cal="$calibration" -v firms="$firms" -v size="$size" -v vac="$vacuum_ms" -v export_ms="$export_ms" \
    -v red="$redact_ms" -v merge="$merge_ms" -v floor="$floor_ms" -v new="$new" -v changed="$changed" \
    -v conflicts="$conflicts" -v identical="$identical" 'BEGIN {
  printf "CPU calibration (awk loop, 5M adds):  %d ms\n", cal;
  printf "database: %d firms, %.1f MB\n", firms, size / 1048576;
  printf "VACUUM INTO (floor):                  %6.2f s\n", vac / 1000;
  printf "tidu-cli snapshot export:             %6.2f s   ratio %.2fx (target <= 1.5x)\n", export_ms / 1000, export_ms / vac;
  printf "tidu-cli snapshot export --redact:    %6.2f s   ratio %.2fx (informative)\n", red / 1000, red / vac;
  printf "merge floor (backup + one compare):   %6.2f s\n", floor / 1000;
  printf "tidu-cli merge (%s new, %s changed, %s conflicts, %s identical):  %.2f s   ratio %.2fx, target <= 10 s: %s\n",
    new, changed, conflicts, identical, merge / 1000, merge / floor, merge <= 10000 ? "met" : "NOT met";
}'
