#!/bin/sh
# version.sh VERSION [--base X.Y.Z] [--date YYYYMMDD] [--count N]
#
# Prints the Debian package version for a `git describe --tags --always
# --dirty` string, so every build sorts where it belongs with dpkg:
#
#   v0.2.0                    → 0.2.0
#   v0.2.0-rc1                → 0.2.0~rc1
#   v0.2.0-3-gabc1234-dirty   → 0.2.0+git20261127.3.abc1234.dirty   (after the tag)
#   a981cfb                   → 0.1.0~git20261127.10.a981cfb        (before the first tag)
#   dev (no git)              → 0.1.0~dev
#
# The base of an untagged build is FyneApp.toml's Version; "~" makes it sort
# before that release. The date (commit date, UTC) and commit count make
# builds of one day sort in commit order; --date/--count/--base override them
# (the tests use that). Run from the repository root.
set -eu

usage() { echo "usage: version.sh VERSION [--base X.Y.Z] [--date YYYYMMDD] [--count N]" >&2; exit 2; }
[ $# -ge 1 ] || usage
describe=$1
shift
base="" date="" count=""
while [ $# -gt 0 ]; do
	case $1 in
	--base) base=${2:?}; shift 2 ;;
	--date) date=${2:?}; shift 2 ;;
	--count) count=${2:?}; shift 2 ;;
	*) usage ;;
	esac
done

if [ -z "$base" ]; then
	base=$(sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' FyneApp.toml 2>/dev/null | head -n1)
	[ -n "$base" ] || base=0.0.0
fi

# commit_date HASH: the commit's date as YYYYMMDD (UTC), else today's.
commit_date() {
	[ -n "$date" ] && { echo "$date"; return; }
	TZ=UTC git log -1 --format=%cd --date=format-local:%Y%m%d "$1" 2>/dev/null || date -u +%Y%m%d
}

# commit_count HASH: commits up to HASH, or nothing without git.
commit_count() {
	[ -n "$count" ] && { echo "$count"; return; }
	git rev-list --count "$1" 2>/dev/null || true
}

dirty=""
case $describe in *-dirty) dirty=.dirty; describe=${describe%-dirty} ;; esac

# A tag is vX.Y.Z, maybe with a pre-release part (v0.2.0-rc1 → 0.2.0~rc1).
tag_re='^v\{0,1\}[0-9][0-9A-Za-z.-]*$'
hash_re='^[0-9a-f]\{7,40\}$'
after_re='^v\{0,1\}[0-9][0-9A-Za-z.-]*-[0-9][0-9]*-g[0-9a-f]\{7,40\}$'

if echo "$describe" | grep -q "$after_re"; then
	hash=${describe##*-g}
	rest=${describe%-g*}
	n=${rest##*-}
	tag=${rest%-*}
	tag=$(echo "${tag#v}" | tr - '~')
	echo "$tag+git$(commit_date "$hash").$n.$hash$dirty"
elif echo "$describe" | grep -q "$tag_re" && ! echo "$describe" | grep -q "$hash_re"; then
	tag=$(echo "${describe#v}" | tr - '~')
	echo "$tag${dirty:+"+dirty"}"
elif echo "$describe" | grep -q "$hash_re"; then
	n=$(commit_count "$describe")
	echo "$base~git$(commit_date "$describe")${n:+".$n"}.$describe$dirty"
else
	# Anything else (dev, a hand-set name): keep its letters and digits.
	clean=$(printf '%s' "$describe" | tr -c 'A-Za-z0-9.+~' '.' | sed 's/^[^A-Za-z0-9]*//')
	echo "$base~${clean:-unknown}$dirty"
fi
