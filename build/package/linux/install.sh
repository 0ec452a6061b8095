#!/bin/sh
# install.sh [--prefix DIR] [--sysconfdir DIR] — install tongban from this
# unpacked tar.xz: usr/* into PREFIX (default /usr/local), etc/* into
# SYSCONFDIR (default /etc for /usr and /usr/local, else PREFIX/etc) and the
# systemd units into PREFIX/lib/systemd, where systemd looks for them.
#
# Every installed file and every folder it had to create is listed in
# PREFIX/share/tongban/installed-files, which uninstall.sh reads. Files under
# SYSCONFDIR are treated like dpkg's conffiles: an existing one is kept, and
# one a previous install put there and IT staff deleted (the autostart entry,
# say) stays deleted.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
prefix=/usr/local
sysconfdir=""
while [ $# -gt 0 ]; do
	case $1 in
	--prefix) prefix=${2:?--prefix needs a folder}; shift 2 ;;
	--sysconfdir) sysconfdir=${2:?--sysconfdir needs a folder}; shift 2 ;;
	-h|--help) sed -n '2,11s/^# \{0,1\}//p' "$0"; exit 0 ;;
	*) echo "install.sh: unknown option $1; use --prefix DIR or --sysconfdir DIR." >&2; exit 2 ;;
	esac
done
case $prefix in /*) ;; *) prefix=$(pwd)/$prefix ;; esac
prefix=${prefix%/}
if [ -z "$sysconfdir" ]; then
	case $prefix in /usr|/usr/local) sysconfdir=/etc ;; *) sysconfdir=$prefix/etc ;; esac
fi
sysconfdir=${sysconfdir%/}

manifest=$prefix/share/tongban/installed-files
old=$(mktemp)
new=$(mktemp)
trap 'rm -f "$old" "$new"' EXIT
[ -f "$manifest" ] && cp "$manifest" "$old"

# made DIR: create DIR and its missing parents, listing each one created.
made() {
	[ -d "$1" ] && return
	made "$(dirname "$1")"
	mkdir -m 0755 "$1"
	echo "d $1" >>"$new"
}

# rewrite FILE: point paths in units, desktop entries and scripts at the
# installed places.
rewrite() {
	sed -i -e "s|^Exec=tongban\$|Exec=$prefix/bin/tongban|" \
		-e "s|/usr/bin/tongban|$prefix/bin/tongban|g" \
		-e "s|/usr/share/doc/tongban|$prefix/share/doc/tongban|g" \
		-e "s|/etc/default/tongban-platform|$sysconfdir/default/tongban-platform|g" \
		-e "s|/etc/xdg/autostart|$sysconfdir/xdg/autostart|g" "$1"
}

# put SRC DEST KIND: install one file (KIND f, or c for a config file).
put() {
	if [ "$3" = c ] && { [ -e "$2" ] || grep -qxF "c $2" "$old"; }; then
		grep -qxF "c $2" "$old" && echo "c $2" >>"$new"
		[ -e "$2" ] && echo "kept $2" || echo "left out $2 (deleted after an earlier install)"
		return
	fi
	made "$(dirname "$2")"
	mode=0644
	[ -x "$1" ] && mode=0755
	install -m "$mode" "$1" "$2.tongban-new"
	case $2 in *.service|*.desktop|*/bin/tongban-autostart) rewrite "$2.tongban-new" ;; esac
	mv -f "$2.tongban-new" "$2"
	echo "$3 $2" >>"$new"
}

cd "$here"
find usr etc lib -type f | sort | while read -r f; do
	case $f in
	usr/*) put "$f" "$prefix/${f#usr/}" f ;;
	etc/*) put "$f" "$sysconfdir/${f#etc/}" c ;;
	lib/*) put "$f" "$prefix/$f" f ;;
	esac
done
put uninstall.sh "$prefix/share/tongban/uninstall.sh" f
# Folders an earlier install created stay listed, so uninstall removes them.
grep '^d ' "$old" >>"$new" || true
made "$(dirname "$manifest")"
sort -u "$new" >"$manifest"
chmod 0644 "$manifest"

# Menus and icons are cached only where desktops look: /usr and /usr/local.
if [ "$(id -u)" = 0 ] && { [ "$prefix" = /usr ] || [ "$prefix" = /usr/local ]; }; then
	if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$prefix/share/icons/hicolor/index.theme" ]; then
		gtk-update-icon-cache -q -f "$prefix/share/icons/hicolor" || true
	fi
	if command -v update-desktop-database >/dev/null 2>&1; then
		update-desktop-database -q "$prefix/share/applications" || true
	fi
	if [ -d /run/systemd/system ]; then
		systemctl daemon-reload >/dev/null 2>&1 || true
	fi
fi
echo "tongban $("$prefix/bin/tongban" version 2>/dev/null | sed 's/^tongban //') installed in $prefix (list: $manifest)."
case ":$PATH:" in *":$prefix/bin:"*) ;; *) echo "Add $prefix/bin to PATH, or run $prefix/bin/tongban." ;; esac
echo "Remove it with: $prefix/share/tongban/uninstall.sh"
