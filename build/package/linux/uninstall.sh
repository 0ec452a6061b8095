#!/bin/sh
# uninstall.sh [--prefix DIR] — remove what install.sh put in PREFIX (default:
# the install this script sits in, else /usr/local): every file listed in
# PREFIX/share/tongban/installed-files, then the folders install.sh created,
# if they are empty. Data is kept: each user's ~/.local/share/tongban and the
# platform's /var/lib/private/tongban-platform.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
manifest=""
while [ $# -gt 0 ]; do
	case $1 in
	--prefix) manifest=${2:?--prefix needs a folder}/share/tongban/installed-files; shift 2 ;;
	-h|--help) sed -n '2,6s/^# \{0,1\}//p' "$0"; exit 0 ;;
	*) echo "uninstall.sh: unknown option $1; use --prefix DIR." >&2; exit 2 ;;
	esac
done
if [ -z "$manifest" ]; then
	manifest=$here/installed-files
	[ -f "$manifest" ] || manifest=/usr/local/share/tongban/installed-files
fi
[ -f "$manifest" ] || { echo "uninstall.sh: there is no $manifest, so nothing to remove; give the folder tongban was installed in with --prefix DIR." >&2; exit 1; }

# Stop and disable the platform service first if systemd knows it from here.
if [ "$(id -u)" = 0 ] && [ -d /run/systemd/system ]; then
	unit=$(sed -n 's|^f \(.*/tongban-platform\.service\)$|\1|p' "$manifest")
	case $unit in
	/usr/local/lib/systemd/system/*|/usr/lib/systemd/system/*|/lib/systemd/system/*|/etc/systemd/system/*)
		systemctl disable --now tongban-platform.service >/dev/null 2>&1 || true ;;
	esac
fi

dirs=$(sed -n 's/^d //p' "$manifest" | awk '{ print length($0) "\t" $0 }' | sort -rn | cut -f2-)
sed -n 's/^[fc] //p' "$manifest" | while read -r f; do
	rm -f "$f"
done
rm -f "$manifest"
prefix=${manifest%/share/tongban/installed-files}
# The menu cache is the only thing left in a menu folder that held only our
# entry: it goes too, otherwise the menu database is brought up to date.
apps=$prefix/share/applications
if [ "$(ls -A "$apps" 2>/dev/null)" = mimeinfo.cache ]; then
	rm -f "$apps/mimeinfo.cache"
elif [ "$(id -u)" = 0 ] && [ -n "$(ls -A "$apps" 2>/dev/null)" ] && { [ "$prefix" = /usr ] || [ "$prefix" = /usr/local ]; } &&
	command -v update-desktop-database >/dev/null 2>&1; then
	update-desktop-database -q "$apps" || true
fi
# Folders deepest first; rmdir leaves any that still hold something.
echo "$dirs" | while read -r d; do
	if [ -n "$d" ]; then
		rmdir "$d" 2>/dev/null || true
	fi
done
if [ "$(id -u)" = 0 ] && [ -d /run/systemd/system ]; then
	systemctl daemon-reload >/dev/null 2>&1 || true
fi
echo "tongban removed from $prefix; the data folders are kept."
