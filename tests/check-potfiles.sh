#!/bin/sh
# Fails when a source file with translatable strings is missing from po/POTFILES.in,
# or when POTFILES.in names a file that no longer exists.
set -eu
root=${1:-.}
cd "$root"
status=0
for f in $(find src data -type f \( -name '*.c' -o -name '*.ui' -o -name '*.in' -o -name '*.xml' -o -name '*.sql' \) | sort); do
  case "$f" in
    *.c|*.h) grep -qE '(^|[^A-Za-z0-9_])(N?_|C_|NC_|g_dngettext|ngettext) ?\(' "$f" || continue ;;
    *.ui) grep -q 'translatable="yes"' "$f" || continue ;;
    *.gschema.xml) grep -q '<summary>' "$f" || continue ;;
    *.desktop.in|*.metainfo.xml.in|*.desktop.in.in|*.metainfo.xml.in.in) ;;
    *) continue ;;
  esac
  if ! grep -qxF "$f" po/POTFILES.in; then
    echo "missing from po/POTFILES.in: $f"
    status=1
  fi
done
for f in $(grep -v '^#' po/POTFILES.in | sed '/^$/d'); do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in names a missing file: $f"
    status=1
  fi
done
exit $status
