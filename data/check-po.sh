#!/bin/sh
# Fails unless every message of a .po file is translated: msgfmt -c must accept it and its
# statistics must mention neither untranslated nor fuzzy messages.
#
# Given the source root as well, the strings are first extracted afresh from the files that
# po/POTFILES.in lists and merged into a copy of the .po file, so a string added to the code
# but missing from the .po file counts as untranslated too.
set -eu
po=${1:?usage: check-po.sh FILE.po [SOURCE-ROOT]}
root=${2:-}
msgfmt=${MSGFMT:-msgfmt}
checked=$po

if [ -n "$root" ] && grep -qv '^\s*\(#.*\)\?$' "$root/po/POTFILES.in"; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  (cd "$root" && xgettext --files-from=po/POTFILES.in --output="$tmp/messages.pot" \
    --from-code=UTF-8 --add-comments \
    --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
    --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3)
  msgmerge --quiet --output-file="$tmp/merged.po" "$po" "$tmp/messages.pot"
  checked=$tmp/merged.po
fi

stats=$(LC_ALL=C "$msgfmt" -c --statistics -o /dev/null "$checked" 2>&1) || {
  printf '%s\n' "$stats"
  exit 1
}
printf '%s: %s\n' "$po" "$stats"
case "$stats" in
  *untranslated*|*fuzzy*)
    echo "$po is not complete"
    exit 1
    ;;
  *) ;;
esac
