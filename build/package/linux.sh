#!/bin/sh
# linux.sh BIN VERSION OUTDIR — package a built tongban binary for Linux:
#   OUTDIR/tongban_DEBVERSION_amd64.deb            for Debian 12, UOS, Kylin (apt install ./…)
#   OUTDIR/tongban-DEBVERSION-linux-amd64.tar.xz   the same tree plus install.sh/uninstall.sh
# DEBVERSION comes from VERSION (git describe) through version.sh. Needs
# dpkg-deb, xz and ImageMagick's convert; no network. Run from the
# repository root. Prints the paths of the two files it made.
set -eu

bin=${1:?usage: linux.sh BIN VERSION OUTDIR}
version=${2:?usage: linux.sh BIN VERSION OUTDIR}
out=${3:?usage: linux.sh BIN VERSION OUTDIR}
pkg=build/package
tpl=$pkg/linux
maintainer=${PACKAGE_MAINTAINER:-Tongban developers <tongban@example.invalid>}

for tool in dpkg-deb xz convert go; do
	command -v $tool >/dev/null || { echo "linux.sh: $tool is missing; install it (Debian: dpkg, xz-utils, imagemagick, Go 1.26) and run again." >&2; exit 1; }
done
[ -x "$bin" ] || { echo "linux.sh: $bin is not a built program; run make build first." >&2; exit 1; }

debver=$($pkg/version.sh "$version")
homepage=$(sed -n 's/^Website[[:space:]]*=[[:space:]]*"\(.*\)"/\1/p' FyneApp.toml)
# Every file gets the commit's time, so two builds of one commit give the
# same archives.
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}

umask 022
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/tongban-$debver

# The tree, as installed on the target.
install -D -m 0755 "$bin" "$root/usr/bin/tongban"
command -v strip >/dev/null && strip --strip-unneeded "$root/usr/bin/tongban"
install -D -m 0755 $tpl/tongban-autostart "$root/usr/bin/tongban-autostart"
install -D -m 0644 $tpl/cn.gov.tongban.desktop "$root/usr/share/applications/cn.gov.tongban.desktop"
install -D -m 0644 $tpl/autostart.desktop "$root/etc/xdg/autostart/cn.gov.tongban.desktop"
install -D -m 0644 $tpl/autostart.desktop "$root/usr/share/tongban/autostart/cn.gov.tongban.desktop"
install -D -m 0644 $tpl/tongban-platform.service "$root/lib/systemd/system/tongban-platform.service"
install -D -m 0644 $tpl/tongban-platform.default "$root/etc/default/tongban-platform"
install -D -m 0644 $tpl/tongban.service "$root/usr/lib/systemd/user/tongban.service"
for size in 512 256 128 64 48; do
	dir=$root/usr/share/icons/hicolor/${size}x$size/apps
	mkdir -p "$dir"
	convert assets/icon.png -resize ${size}x$size -strip -define png:exclude-chunks=date,time "$dir/cn.gov.tongban.png"
done
mkdir -p "$root/usr/share/man/man1"
for page in tongban tongban-autostart; do
	$pkg/manpage.sh "$bin" $page | gzip -9n >"$root/usr/share/man/man1/$page.1.gz"
	chmod 0644 "$root/usr/share/man/man1/$page.1.gz"
done
doc=$root/usr/share/doc/tongban
install -D -m 0644 $tpl/README.txt "$doc/README.txt"
# The .deb refers to Debian's copy of the Apache license; the tar.xz, which
# may land on other systems, carries the full texts.
$pkg/licenses.sh --debian "$bin" >"$work/copyright.debian"
$pkg/licenses.sh "$bin" >"$doc/copyright"
chmod 0644 "$doc/copyright" "$work/copyright.debian"
{
	echo "tongban ($debver) stable; urgency=medium"
	echo
	echo "  * Built from $version."
	echo
	echo " -- $maintainer  $(LC_ALL=C date -u -d "@$epoch" -R)"
} | gzip -9n >"$doc/changelog.gz"
chmod 0644 "$doc/changelog.gz"

# Runtime libraries: those the binary links (found by dpkg-shlibdeps, with
# the glibc version its symbols need), plus those GLFW opens with dlopen at
# run time, which no tool can see: X cursor, RandR, Xinerama, XInput2,
# XF86VidMode, XRender and X11-xcb (check with strings BIN | grep '^lib').
dlopened="libx11-xcb1, libxcursor1, libxi6, libxinerama1, libxrandr2, libxrender1, libxxf86vm1"
if command -v dpkg-shlibdeps >/dev/null; then
	mkdir -p "$work/shlibs/debian"
	printf 'Source: tongban\n\nPackage: tongban\nArchitecture: amd64\n' >"$work/shlibs/debian/control"
	linked=$(cd "$work/shlibs" && dpkg-shlibdeps -O -e"$root/usr/bin/tongban" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
else
	glibc=$(objdump -T "$root/usr/bin/tongban" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -n1)
	linked="libc6 (>= $glibc), libgl1, libx11-6"
fi
[ -n "$linked" ] || { echo "linux.sh: could not work out the libraries $bin links; is dpkg-dev installed?" >&2; exit 1; }

# The .deb: the tree plus DEBIAN/.
deb=$work/deb
cp -a "$root" "$deb"
cp -p "$work/copyright.debian" "$deb/usr/share/doc/tongban/copyright"
mkdir -m 0755 "$deb/DEBIAN"
sed -e "s|@VERSION@|$debver|" -e "s|@MAINTAINER@|$maintainer|" -e "s|@HOMEPAGE@|$homepage|" \
	-e "s|@DEPENDS@|$linked, $dlopened|" -e "s|@INSTALLED_SIZE@|$(du -sk --apparent-size "$root" | cut -f1)|" \
	$tpl/control.in >"$deb/DEBIAN/control"
printf '/etc/default/tongban-platform\n/etc/xdg/autostart/cn.gov.tongban.desktop\n' >"$deb/DEBIAN/conffiles"
for script in postinst prerm postrm; do
	install -m 0755 $tpl/$script "$deb/DEBIAN/$script"
done
(cd "$deb" && find . -path ./DEBIAN -prune -o -path ./etc -prune -o -type f -print | sed 's|^\./||' | LC_ALL=C sort | xargs md5sum) >"$deb/DEBIAN/md5sums"
chmod 0644 "$deb/DEBIAN/control" "$deb/DEBIAN/conffiles" "$deb/DEBIAN/md5sums"

# The tar.xz: the tree under tongban-DEBVERSION/ with its installers.
install -m 0755 $tpl/install.sh $tpl/uninstall.sh "$root/"
install -m 0644 $tpl/README.txt "$root/README.txt"

find "$work" -exec touch -h -d "@$epoch" {} +
mkdir -p "$out"
debfile=$out/tongban_${debver}_amd64.deb
tarfile=$out/tongban-$debver-linux-amd64.tar.xz
SOURCE_DATE_EPOCH=$epoch dpkg-deb --root-owner-group -Zxz --build "$deb" "$debfile" >/dev/null
tar -C "$work" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" \
	-cf - "tongban-$debver" | xz -T0 -6 >"$tarfile"
echo "$debfile"
echo "$tarfile"
