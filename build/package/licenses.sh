#!/bin/sh
# licenses.sh [--debian] BIN — print the Debian copyright file (DEP-5) of a
# tongban binary: the project, the bundled fonts (assets/fonts/NOTICE and LICENSE),
# and every Go module compiled into BIN (from `go version -m BIN`) with its
# license text from the module cache, then the Go runtime's. MIT and BSD
# ask for their notices to travel with every binary copy, so nothing is
# left out: a module whose license cannot be found stops the build. With
# --debian, the Apache 2.0 and MPL 2.0 texts are referred to in
# /usr/share/common-licenses, as Debian policy asks; otherwise they are
# written out (for the tar.xz and Windows, which may land elsewhere).
# Run from the repository root.
set -eu

debian=""
[ "${1:-}" = --debian ] && { debian=yes; shift; }
bin=${1:?usage: licenses.sh [--debian] BIN}
modcache=$(go env GOMODCACHE)
goroot=$(go env GOROOT)
homepage=$(sed -n 's/^Website[[:space:]]*=[[:space:]]*"\(.*\)"/\1/p' FyneApp.toml)

# indent: a license text as a DEP-5 field body (blank lines become " .").
indent() { sed -e 's/[[:space:]]*$//' -e 's/^$/./' -e 's/^/ /'; }

# text FILE: a license as a DEP-5 field body, or Debian's reference to it.
text() {
	name=$(short_name "$1")
	if [ -n "$debian" ] && [ -f "/usr/share/common-licenses/$name" ]; then
		echo " On Debian systems, the full text of the $name license is in"
		echo " /usr/share/common-licenses/$name."
	else
		indent <"$1"
	fi
}

# short_name FILE: the SPDX-like name DEP-5 wants, from the text itself.
short_name() {
	if grep -q 'Apache License' "$1" && grep -q 'Version 2.0' "$1"; then echo Apache-2.0
	elif grep -q 'Mozilla Public License' "$1"; then echo MPL-2.0
	elif grep -qi 'SIL OPEN FONT LICENSE' "$1"; then echo OFL-1.1
	elif grep -q 'Bitstream Vera' "$1"; then echo Bitstream-Vera
	elif grep -q 'Permission is hereby granted, free of charge' "$1"; then echo Expat
	elif grep -q 'Permission to use, copy, modify, and/or distribute' "$1"; then echo ISC
	elif grep -q "provided 'as-is'" "$1"; then echo Zlib
	elif grep -q 'Redistribution and use' "$1"; then
		if grep -qi 'neither the name\|names of its\|name of the copyright' "$1"; then echo BSD-3-clause; else echo BSD-2-clause; fi
	else echo other
	fi
}

# module_dir PATH VERSION: the module's folder in the cache; capitals are
# stored as !lower.
module_dir() {
	echo "$modcache/$(echo "$1" | LC_ALL=C sed 's/[[:upper:]]/!&/g' | LC_ALL=C tr '[:upper:]' '[:lower:]')@$2"
}

cat <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: tongban
Source: $homepage
Comment: /usr/bin/tongban is one Go program: the fonts and
 the Go modules listed below are compiled into it.

Files: *
Copyright: the Tongban authors
EOF
if [ -f LICENSE ]; then
	echo "License: $(short_name LICENSE)"
	indent <LICENSE
else
	echo "License: other"
	echo " The Tongban source repository does not state a license yet."
fi
echo

echo "Files: assets/fonts/*"
echo "Copyright: 2006-2010 Google Corp."
echo "License: Apache-2.0"
echo "Comment:"
indent <assets/fonts/NOTICE
echo
echo "License: Apache-2.0"
text assets/fonts/LICENSE
echo

echo "Files: app/ime/freq.txt"
echo "Copyright: 2013 cppjieba (github.com/yanyiwu/cppjieba)"
echo "Comment: the pinyin keyboard's ranking of characters by frequency,"
echo " derived from cppjieba's dict/jieba.dict.utf8 by build/freqgen."
echo "License: Expat"
indent <app/ime/freq-LICENSE

go version -m "$bin" | awk '
	function flush() { if (path != "") print path, ver; path = "" }
	$1 == "dep" { flush(); path = $2; ver = $3; next }
	$1 == "=>" { if ($2 ~ /^[.\/]/) path = ""; else { path = $2; ver = $3 }; next }
	{ flush() }
	END { flush() }
' | sort -u | while read -r path ver; do
	dir=$(module_dir "$path" "$ver")
	[ -d "$dir" ] || { echo "licenses.sh: $path $ver is not in $modcache; run go mod download $path@$ver and try again." >&2; exit 1; }
	# The module's own license first, then those of code or fonts it
	# bundles (GLFW's C sources, HarfBuzz, Fyne's theme fonts); commands,
	# tests and Go files are not compiled into tongban.
	files=$(cd "$dir" && find . \( -iname 'license*' -o -iname 'licence*' -o -iname 'copying*' \) -type f \
		-not -name '*.go' -not -path '*/testdata/*' -not -path './cmd/*' -not -path '*/_*' |
		sed 's|^\./||' | awk '{ print (index($0, "/") ? 1 : 0) "\t" $0 }' | sort | cut -f2-)
	if ! echo "$files" | grep -q '^[^/]*$'; then
		echo "licenses.sh: no license file at the top of $path $ver ($dir); the module's license must ship with the binary." >&2
		exit 1
	fi
	echo "$files" | while read -r lic; do
		sub=$(dirname "$lic")
		echo
		if [ "$sub" = . ]; then echo "Files: vendor/$path/*"; else echo "Files: vendor/$path/$sub/*"; fi
		echo "Copyright: the $path authors (see the license below)"
		echo "Comment: Go module $path $ver, compiled into /usr/bin/tongban; its $lic."
		echo "License: $(short_name "$dir/$lic")"
		text "$dir/$lic"
	done
done

echo
echo "Files: vendor/go/*"
echo "Copyright: the Go authors"
echo "Comment: the Go runtime and standard library ($(go version "$bin" | awk '{print $2}')), compiled into /usr/bin/tongban."
echo "License: $(short_name "$goroot/LICENSE")"
text "$goroot/LICENSE"
