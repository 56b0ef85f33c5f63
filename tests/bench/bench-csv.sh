#!/bin/sh
# bench-csv.sh: CSV import and CSV/XLSX export of 100,000 firms against floors measured in the
# same run. Not part of `meson test`.
#
#   import:  `tidu-cli import firms F.csv` into a fresh database (made by `tidu-cli init`, so
#            with the pages new files get: 16 KiB since schema 5, ADR 0010), against the sqlite3
#            shell's `.import` of the same file into a fresh file (PERFORMANCE.md §1.2); target
#            ≤ 7×.
#            The figure is the whole process: the row loop, rebuilding the secondary and search
#            indexes, the commit with its WAL checkpoint (durable: synchronous = NORMAL, fsync
#            of the database at the checkpoint) and closing. The importer's own split of that
#            time (its g_debug line) is printed beside it. Into an empty table the firms'
#            search indexes are built by a second thread during the load, so the CPU time
#            (both threads) can exceed the wall time; the target is on the wall time.
#   export:  `tidu-cli export firms F.xlsx` (and .csv) of the whole list, against reading the
#            same list with `tidu-cli list firms`; target ≤ 3 s with flat memory: peak RSS of
#            the 100,000-row export beside that of an ~11,000-row one.
#
# The CSV is the sample data set (`tidu-cli sample --firms N`) exported by tidu-cli itself.
#
# Usage: tests/bench/bench-csv.sh [TIDU_CLI] [FIRMS]
#   TIDU_CLI defaults to build-d/src/cli/tidu-cli (then build/…), FIRMS to 100000.
# Needs sqlite3, awk and GNU time (/usr/bin/time) for peak memory.
set -eu

root=$(cd "$(dirname "$0")/../.." && pwd)
cli=${1:-}
firms=${2:-100000}
if [ -z "$cli" ]; then
  for candidate in "$root/build-d/src/cli/tidu-cli" "$root/build/src/cli/tidu-cli"; do
    if [ -x "$candidate" ]; then cli=$candidate; break; fi
  done
fi
[ -x "${cli:-}" ] || { echo "bench-csv: no tidu-cli; pass its path" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "bench-csv: sqlite3 is needed" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench-csv: GNU time (/usr/bin/time) is needed" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/tidu-bench-csv-XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
export LC_ALL=C.UTF-8

now_ms () { echo $(( $(date +%s%N) / 1000000 )); }
# Runs a command under GNU time; sets ms (wall), cpu (user + system ms) and kb (peak RSS).
# On a shared machine the wall time also holds waiting for the disk; the CPU time does not.
measure () {
  start=$(now_ms)
  /usr/bin/time -f '%U %S %M' -o "$work/time.out" "$@" > "$work/cmd.out" 2> "$work/cmd.err"
  ms=$(( $(now_ms) - start ))
  cpu=$(tail -n 1 "$work/time.out" | awk '{ printf "%d", ($1 + $2) * 1000 }')
  kb=$(tail -n 1 "$work/time.out" | awk '{ print $3 }')
}
ratio () { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

start=$(now_ms)
awk 'BEGIN { s = 0; for (i = 0; i < 5000000; i++) s += i }'
calibration=$(( $(now_ms) - start ))
echo "CPU calibration (awk loop): ${calibration} ms"

# The data: the sample, exported as CSV by tidu-cli itself.
sample="$work/sample.sqlite3"
"$cli" --database "$sample" sample --firms "$firms" --seed 1 --quiet > /dev/null
csv="$work/firms.csv"
measure "$cli" --database "$sample" export firms "$csv" --quiet
csv_export_ms=$ms
csv_export_cpu=$cpu
csv_export_kb=$kb
rows=$(( $(sqlite3 "$sample" "SELECT count(*) FROM firms WHERE deleted_at IS NULL") ))
bytes=$(wc -c < "$csv")
echo "data: $rows firms, CSV of $bytes bytes"

# --- import -------------------------------------------------------------------------------
floor_db="$work/floor.sqlite3"
measure sqlite3 "$floor_db" ".import --csv $csv firms"
floor_ms=$ms
floor_cpu=$cpu
"$cli" --database "$work/import.sqlite3" init > /dev/null
measure env G_MESSAGES_DEBUG=Tidu "$cli" --database "$work/import.sqlite3" import firms "$csv" --quiet
import_ms=$ms
import_cpu=$cpu
import_kb=$kb
# "import: N rows read and written in A s, indexes rebuilt in B s, committed in C s"
import_split=$(cat "$work/cmd.out" "$work/cmd.err" | sed -n 's/.*import: [0-9]* rows \(.*\)/\1/p' | tail -n 1)
# (GLib writes debug messages to stdout.) Each search index: rebuilt after the load, or built
# on a second thread beside it (an import into an empty table) and copied in.
rebuilds=$(cat "$work/cmd.out" "$work/cmd.err" |
  sed -n -e 's/.*bulk: \([0-9.]*\) s for INSERT INTO "\(firms_[a-z]*\)".*/\2 rebuilt in \1 s/p' \
         -e 's/.*bulk: \([0-9.]*\) s for \(firms_[a-z]*\), built beside the load/\2 copied in \1 s/p' |
  paste -sd, -)
imported=$(sqlite3 "$work/import.sqlite3" "SELECT count(*) FROM firms")
[ "$imported" -eq "$rows" ] || { echo "bench-csv: imported $imported of $rows firms" >&2; exit 1; }
# The same file again: every row matched by its credit code, nothing written.
measure "$cli" --database "$work/import.sqlite3" import firms "$csv" --quiet
reimport_ms=$ms
reimport_cpu=$cpu

echo
echo "import of $rows firms"
echo "  floor, sqlite3 .import:          ${floor_ms} ms wall, ${floor_cpu} ms CPU"
echo "  tidu-cli import (empty db):      ${import_ms} ms wall, ${import_cpu} ms CPU, peak RSS ${import_kb} KB"
echo "                                   ratio $(ratio "$import_ms" "$floor_ms")x wall, $(ratio "$import_cpu" "$floor_cpu")x CPU (target <= 7x)"
echo "                                   split: ${import_split:-?}"
echo "                                   firms' search indexes: ${rebuilds:-kept row by row by their triggers (no bulk load)}"
echo "  tidu-cli import again (matched): ${reimport_ms} ms wall, ${reimport_cpu} ms CPU  ratio $(ratio "$reimport_ms" "$floor_ms")x wall, $(ratio "$reimport_cpu" "$floor_cpu")x CPU"

# --- export -------------------------------------------------------------------------------
measure "$cli" --database "$sample" list firms
list_ms=$ms
list_cpu=$cpu
list_kb=$kb
measure "$cli" --database "$sample" export firms "$work/firms.xlsx" --quiet
xlsx_ms=$ms
xlsx_cpu=$cpu
xlsx_kb=$kb
measure "$cli" --database "$sample" export firms "$work/small.xlsx" --search 丹阳 --quiet
small_kb=$kb
small_rows=$(sed -n 's/^Exported \([0-9]*\) rows.*/\1/p' "$work/cmd.out")

echo
echo "export of $rows firms"
echo "  floor, tidu-cli list (same rows read): ${list_ms} ms wall, ${list_cpu} ms CPU, peak RSS ${list_kb} KB (SQLite's page cache fills as the rows are read)"
echo "  CSV:  ${csv_export_ms} ms wall, ${csv_export_cpu} ms CPU, peak RSS ${csv_export_kb} KB  ratio $(ratio "$csv_export_ms" "$list_ms")x wall"
echo "  XLSX: ${xlsx_ms} ms wall, ${xlsx_cpu} ms CPU (two threads), peak RSS ${xlsx_kb} KB  ratio $(ratio "$xlsx_ms" "$list_ms")x wall (target <= 3000 ms)"
echo "  XLSX of ${small_rows} rows: peak RSS ${small_kb} KB  (100k/small $(ratio "$xlsx_kb" "$small_kb")x)"
echo "  XLSX beyond reading the list: $(( xlsx_kb - list_kb )) KB at $rows rows (flat: independent of the row count)"
