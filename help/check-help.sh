#!/bin/sh
# Validates the Mallard pages against the schema: the English sources, then every
# translation that the build has merged into <builddir>/<lang>/.
set -eu
yelp_check=${1:?usage: check-help.sh YELP-CHECK SOURCE-C-DIR HELP-BUILDDIR}
c_dir=${2:?}
build_dir=${3:?}
status=0

echo "validating $c_dir"
"$yelp_check" validate "$c_dir" || status=1

linguas=$(dirname "$c_dir")/LINGUAS
for lang in $(sed -e 's/#.*//' "$linguas"); do
  dir=$build_dir/$lang
  if [ ! -f "$dir/index.page" ]; then
    echo "missing translated pages in $dir"
    status=1
    continue
  fi
  echo "validating $dir"
  "$yelp_check" validate "$dir" || status=1
done
exit $status
