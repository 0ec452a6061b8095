#!/bin/bash
# test.sh BIN VERSION — build the Linux packages of BIN into a temporary
# folder and check them without installing anything on this machine:
#   - version.sh maps git describe strings to Debian versions that sort right
#   - the .deb's control data, conffiles, Depends (against what BIN links and
#     dlopens), md5sums and file list; lintian when it is installed
#   - the extracted tree: desktop entries (desktop-file-validate, installed
#     when missing and root), the systemd units (systemd-analyze verify), the
#     binary's version and status, the platform command the unit runs
#     answering /v1/health, tongban-autostart's on/off switch
#   - the tar.xz: same tree, install.sh into a temporary prefix, the installed
#     binary, a reinstall that keeps changed and deleted config files, and
#     uninstall.sh removing exactly what was installed
# Ends with "N passed, N failed"; exits 1 if any check failed.
set -uo pipefail

bin=${1:?usage: test.sh BIN VERSION}
version=${2:?usage: test.sh BIN VERSION}
pkg=build/package
tmp=$(mktemp -d)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$tmp"' EXIT
passed=0 failed=0

# check NAME CMD…: run CMD quietly; report NAME with what it printed on failure.
check() {
	local name=$1 out
	shift
	if out=$("$@" 2>&1); then
		passed=$((passed + 1))
		echo "ok   $name"
	else
		failed=$((failed + 1))
		echo "FAIL $name"
		[ -n "$out" ] && printf '%s\n' "$out" | sed 's/^/     /' | head -n 20
	fi
}
# expect WANT GOT: fails with both when they differ.
expect() { [ "$1" = "$2" ] || { echo "want: $1"; echo " got: $2"; return 1; }; }
# contains HAYSTACK NEEDLE, lacks HAYSTACK NEEDLE
contains() { grep -qF -- "$2" <<<"$1" || { echo "missing \"$2\" in:"; echo "$1"; return 1; }; }
lacks() { ! grep -F -- "$2" <<<"$1"; }
# exits CODE CMD…: CMD exits with CODE.
exits() {
	local want=$1 got
	shift
	"$@" >/dev/null 2>&1
	got=$?
	[ "$got" = "$want" ] || { echo "exit status $got, want $want"; return 1; }
}

echo "== version.sh"
while IFS='|' read -r input want; do
	check "version $input → $want" expect "$want" "$($pkg/version.sh "$input" --base 0.1.0 --date 20261127 --count 5)"
done <<'EOF'
a981cfb|0.1.0~git20261127.5.a981cfb
a981cfb-dirty|0.1.0~git20261127.5.a981cfb.dirty
0a1b2c3d|0.1.0~git20261127.5.0a1b2c3d
v0.2.0|0.2.0
0.2.0|0.2.0
v0.2.0-dirty|0.2.0+dirty
v0.2.0-rc1|0.2.0~rc1
v0.1.0-3-gabc1234|0.1.0+git20261127.3.abc1234
v0.1.0-3-gabc1234-dirty|0.1.0+git20261127.3.abc1234.dirty
v0.2.0-rc1-12-gabc1234|0.2.0~rc1+git20261127.12.abc1234
dev|0.1.0~dev
my build/1|0.1.0~my.build.1
EOF
# Each must sort before the next, as dpkg sees it.
order="0.1.0~dev 0.1.0~git20261127.5.a981cfb 0.1.0~git20261127.9.be8062b 0.1.0~git20261127.9.be8062b.dirty
0.1.0~git20261128.2.0a1b2c3 0.1.0~rc1 0.1.0 0.1.0+dirty 0.1.0+git20261127.3.abc1234 0.1.0+git20261130.12.0123abc
0.2.0~rc1 0.2.0~rc1+git20261201.1.fedcba9 0.2.0"
prev=""
for v in $order; do
	[ -n "$prev" ] && check "version order $prev < $v" dpkg --compare-versions "$prev" lt "$v"
	prev=$v
done

echo "== build"
debver=$($pkg/version.sh "$version")
out=$tmp/dist
check "linux.sh builds both packages" $pkg/linux.sh "$bin" "$version" "$out"
deb=$out/tongban_${debver}_amd64.deb
tarxz=$out/tongban-$debver-linux-amd64.tar.xz
check "the .deb is $(basename "$deb")" test -s "$deb"
check "the tar.xz is $(basename "$tarxz")" test -s "$tarxz"
if [ ! -s "$deb" ] || [ ! -s "$tarxz" ]; then
	echo "$passed passed, $((failed + 1)) failed"
	exit 1
fi

echo "== .deb control"
check "dpkg-deb --info reads it" dpkg-deb --info "$deb"
check "dpkg-deb --contents reads it" dpkg-deb --contents "$deb"
field() { dpkg-deb --field "$deb" "$1"; }
ctrl() { dpkg-deb --ctrl-tarfile "$deb" | tar -xOf - "./$1"; }
parses() { ctrl "$1" | sh -n; }
check "Package is tongban" expect tongban "$(field Package)"
check "Version is $debver" expect "$debver" "$(field Version)"
check "Architecture is amd64" expect amd64 "$(field Architecture)"
for f in Maintainer Section Priority Installed-Size Description Homepage; do
	check "$f is set" test -n "$(field $f)"
done
check "Description is Chinese and English" contains "$(field Description)" "通办是政务服务中心"
check "conffiles are the two /etc files" expect $'/etc/default/tongban-platform\n/etc/xdg/autostart/cn.gov.tongban.desktop' \
	"$(ctrl conffiles)"
for s in postinst prerm postrm; do
	check "$s is in the package and parses" parses $s
done
check "nothing enables the platform service" lacks "$(ctrl postinst)" "systemctl enable"

# Depends must name the package of every X11/GL library BIN links or
# dlopens (GLFW opens Xcursor, Xrandr, … by name at run time).
depends=$(field Depends)
sonames=$( (readelf -d "$bin" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p'; strings "$bin" | grep -E '^lib(X[A-Za-z0-9_-]*|X11-xcb|GL)\.so\.[0-9]+$') | sort -u)
for so in $sonames; do
	p=$(dpkg -S "*/$so" 2>/dev/null | head -n1 | cut -d: -f1)
	check "Depends covers $so ($p)" contains "$depends" "${p:-no package for $so}"
done
glibc=$(objdump -T "$bin" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -n1)
check "Depends asks for the glibc BIN needs ($glibc)" contains "$depends" "libc6 (>= $glibc)"

if command -v lintian >/dev/null; then
	lint=$(lintian "$deb" 2>&1)
	check "lintian finds no errors" lacks "$lint" "E: "
	grep '^[WI]: ' <<<"$lint" | sed 's/^/note: lintian /'
else
	echo "skip lintian (not installed)"
fi

echo "== .deb contents"
x=$tmp/deb
dpkg-deb -x "$deb" "$x"
contents=$(dpkg-deb --contents "$deb")
for f in usr/bin/tongban usr/bin/tongban-autostart usr/share/applications/cn.gov.tongban.desktop \
	usr/share/icons/hicolor/{512x512,256x256,128x128,64x64,48x48}/apps/cn.gov.tongban.png \
	etc/xdg/autostart/cn.gov.tongban.desktop usr/share/tongban/autostart/cn.gov.tongban.desktop \
	lib/systemd/system/tongban-platform.service usr/lib/systemd/user/tongban.service etc/default/tongban-platform \
	usr/share/doc/tongban/{copyright,README.txt,changelog.gz} usr/share/man/man1/{tongban,tongban-autostart}.1.gz; do
	check "/$f is in the package" test -s "$x/$f"
done
check "every file is root-owned" lacks "$(grep -v ' root/root ' <<<"$contents")" /
check "/usr/bin/tongban is executable" test -x "$x/usr/bin/tongban"
md5ok() { (cd "$x" && ctrl md5sums | md5sum --quiet -c -); }
check "md5sums match" md5ok
for size in 512 256 128 64 48; do
	check "icon ${size}x$size is that size" expect "$size $size" \
		"$(identify -format '%w %h' "$x/usr/share/icons/hicolor/${size}x$size/apps/cn.gov.tongban.png")"
done
copyright=$(cat "$x/usr/share/doc/tongban/copyright")
check "copyright has the font NOTICE" contains "$copyright" "DroidSansFallbackBold.ttf"
check "copyright refers to Debian's Apache license" contains "$copyright" "/usr/share/common-licenses/Apache-2.0"
check "copyright has Fyne's license" contains "$copyright" "Files: vendor/fyne.io/fyne/v2/*"
check "copyright has GLFW's license" contains "$copyright" "Files: vendor/github.com/go-gl/glfw/v3.3/glfw/glfw/*"

echo "== desktop entries"
if ! command -v desktop-file-validate >/dev/null && [ "$(id -u)" = 0 ]; then
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends desktop-file-utils >/dev/null 2>&1 ||
		echo "note: could not install desktop-file-utils"
fi
menu=$x/usr/share/applications/cn.gov.tongban.desktop
auto=$x/etc/xdg/autostart/cn.gov.tongban.desktop
for want in "Name=通办 Tongban" "Name[zh_CN]=通办" "Exec=tongban" "Icon=cn.gov.tongban" "Categories=Office;" "Terminal=false"; do
	check "menu entry has $want" grep -qxF "$want" "$menu"
done
check "autostart entry is enabled" grep -qxF "X-GNOME-Autostart-enabled=true" "$auto"
check "autostart entry runs the configured role" grep -qxF "Exec=tongban" "$auto"
if command -v desktop-file-validate >/dev/null; then
	check "menu entry validates" desktop-file-validate "$menu"
	check "autostart entry validates" desktop-file-validate "$auto"
else
	echo "skip desktop-file-validate (not installed)"
fi

echo "== systemd units"
unit=$x/lib/systemd/system/tongban-platform.service
for want in "DynamicUser=yes" "StateDirectory=tongban-platform" "Restart=on-failure" "WantedBy=multi-user.target" \
	"Environment=TONGBAN_PLATFORM_ADDR=0.0.0.0:8443"; do
	check "platform unit has $want" grep -qxF "$want" "$unit"
done
check "platform unit serves with --data /var/lib/tongban-platform" \
	grep -qF "ExecStart=/usr/bin/tongban platform serve --addr \${TONGBAN_PLATFORM_ADDR} --data /var/lib/tongban-platform" "$unit"
if command -v systemd-analyze >/dev/null; then
	# verify looks for ExecStart's program: point it at the extracted one.
	for u in "$unit" "$x/usr/lib/systemd/user/tongban.service"; do
		sed "s|/usr/bin/tongban|$x/usr/bin/tongban|" "$u" >"$tmp/$(basename "$u")"
		check "$(basename "$u") passes systemd-analyze verify" systemd-analyze verify "$tmp/$(basename "$u")"
	done
	score=$(systemd-analyze security --offline=yes "$tmp/tongban-platform.service" 2>/dev/null | sed -n 's/.*exposure level for .*: \([0-9.]*\) .*/\1/p')
	check "platform unit's exposure is at most 2.0 (is $score)" awk -v s="$score" 'BEGIN { exit !(s != "" && s <= 2.0) }'
else
	echo "skip systemd-analyze (not installed)"
fi

echo "== the extracted program"
check "tongban version says $debver" expect "tongban $debver" "$("$x/usr/bin/tongban" version)"
check "tongban status on a new data folder" "$x/usr/bin/tongban" status --data "$tmp/status"
check "tongban status --json names the version" contains "$("$x/usr/bin/tongban" status --json --data "$tmp/status")" "\"version\": \"$debver\""
# The platform command the unit runs, on loopback.
port=$((20000 + RANDOM % 20000))
"$x/usr/bin/tongban" platform serve --addr "127.0.0.1:$port" --data "$tmp/platform" >"$tmp/platform.log" 2>&1 &
server=$!
health() {
	for _ in $(seq 50); do
		curl -fsS "http://127.0.0.1:$port/v1/health" && return 0
		sleep 0.2
	done
	cat "$tmp/platform.log"
	return 1
}
check "platform serve answers /v1/health" health
check "platform serve wrote its admin token" test -s "$tmp/platform/admin-token"
kill "$server" 2>/dev/null
wait "$server" 2>/dev/null
server=""

echo "== tongban-autostart"
switch() {
	HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config TONGBAN_AUTOSTART_SYSTEM_DIR=$x/etc/xdg/autostart \
		"$x/usr/bin/tongban-autostart" "$@"
}
override=$tmp/home/.config/autostart/cn.gov.tongban.desktop
check "status is on after install" contains "$(switch status)" "on:"
disable_user() { switch disable >/dev/null && grep -qx Hidden=true "$override"; }
enable_user() { switch enable >/dev/null && test ! -e "$override"; }
disable_system() { switch disable --system >/dev/null && test ! -e "$auto"; }
enable_system() { switch enable --system >/dev/null && cmp "$auto" "$x/usr/share/tongban/autostart/cn.gov.tongban.desktop"; }
check "disable writes a Hidden=true override" disable_user
check "status is off for this user" contains "$(switch status)" "off for this user"
check "enable removes the override" enable_user
if [ "$(id -u)" = 0 ]; then
	check "disable --system removes the system entry" disable_system
	check "status is off for every user" contains "$(switch status)" "off for every user"
	check "enable --system puts it back unchanged" enable_system
fi
check "a wrong word prints the usage and exits 2" exits 2 switch sideways

echo "== tar.xz"
t=$tmp/tar
mkdir -p "$t"
tar -C "$t" -xJf "$tarxz"
top=$t/tongban-$debver
check "unpacks into tongban-$debver/" test -d "$top"
for f in install.sh uninstall.sh README.txt; do
	check "$f is at the top" test -s "$top/$f"
done
check "tar.xz copyright has the Apache license text" \
	grep -qF "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION" "$top/usr/share/doc/tongban/copyright"
check "same tree as the .deb" expect "$(cd "$x" && find . -type f | sort)" \
	"$(cd "$top" && find . -type f ! -name install.sh ! -name uninstall.sh ! -path ./README.txt | sort)"
p=$tmp/prefix
mkdir -p "$p/bin"
echo keep >"$p/bin/other" # someone else's file: uninstall must leave it
check "install.sh --prefix installs" "$top/install.sh" --prefix "$p"
check "installed tongban version says $debver" expect "tongban $debver" "$("$p/bin/tongban" version)"
check "menu entry runs the installed program" grep -qxF "Exec=$p/bin/tongban" "$p/share/applications/cn.gov.tongban.desktop"
check "autostart entry is in PREFIX/etc" grep -qxF "Exec=$p/bin/tongban" "$p/etc/xdg/autostart/cn.gov.tongban.desktop"
check "platform unit runs the installed program" grep -qF "ExecStart=$p/bin/tongban platform serve" "$p/lib/systemd/system/tongban-platform.service"
check "platform unit reads PREFIX/etc/default" grep -qxF "EnvironmentFile=-$p/etc/default/tongban-platform" "$p/lib/systemd/system/tongban-platform.service"
check "tongban-autostart looks in PREFIX/etc" grep -qF "$p/etc/xdg/autostart" "$p/bin/tongban-autostart"
check "the icon is installed" test -s "$p/share/icons/hicolor/512x512/apps/cn.gov.tongban.png"
if command -v desktop-file-validate >/dev/null; then
	check "installed menu entry validates" desktop-file-validate "$p/share/applications/cn.gov.tongban.desktop"
fi
# Reinstall as an upgrade would: a changed config file is kept, a deleted
# autostart entry stays deleted.
echo "TONGBAN_PLATFORM_ADDR=127.0.0.1:9443" >>"$p/etc/default/tongban-platform"
rm "$p/etc/xdg/autostart/cn.gov.tongban.desktop"
check "install.sh again (an upgrade)" "$top/install.sh" --prefix "$p"
check "the upgrade kept the changed config file" grep -qxF "TONGBAN_PLATFORM_ADDR=127.0.0.1:9443" "$p/etc/default/tongban-platform"
check "the upgrade left the deleted autostart entry deleted" test ! -e "$p/etc/xdg/autostart/cn.gov.tongban.desktop"
check "uninstall.sh removes it" "$p/share/tongban/uninstall.sh"
check "only someone else's file is left" expect "$p/bin/other" "$(find "$p" -mindepth 1 \( -type f -o -type l \) -print)"
check "every folder it created is gone" expect "$p/bin" "$(find "$p" -mindepth 1 -type d -print)"
check "uninstall.sh again says there is nothing to remove" exits 1 "$top/uninstall.sh" --prefix "$p"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
