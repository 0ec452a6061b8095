#!/bin/sh
# windows.sh VERSION OUTDIR — cross-compile tongban for 64-bit Windows with
# MinGW (Debian gcc-mingw-w64-x86-64, installed here when missing and root):
#   OUTDIR/tongban-DEBVERSION-windows-amd64.exe   the windowed program, with icon and version info
#   OUTDIR/tongban-DEBVERSION-windows-amd64.zip   that as tongban.exe, tongban-cli.exe (the same program
#       for a console, so IT staff see what commands print), install-autostart.cmd,
#       uninstall-autostart.cmd, README.txt and LICENSES.txt
# The first build compiles Fyne's cgo parts for Windows: several minutes.
# Run from the repository root.
set -eu

version=${1:?usage: windows.sh VERSION OUTDIR}
out=${2:?usage: windows.sh VERSION OUTDIR}
pkg=build/package
cc=x86_64-w64-mingw32-gcc

# need TOOL PACKAGE: install PACKAGE when TOOL is missing, if we may.
need() {
	command -v "$1" >/dev/null && return
	if [ "$(id -u)" != 0 ]; then
		echo "windows.sh: $1 is missing; install the Debian package $2 (as root: apt-get install $2) and run again." >&2
		exit 1
	fi
	echo "Installing $2 for $1"
	export DEBIAN_FRONTEND=noninteractive
	apt-get install -y -q --no-install-recommends "$2" >/dev/null ||
		{ apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends "$2" >/dev/null; } ||
		{ echo "windows.sh: could not install $2; the Windows build needs it." >&2; exit 1; }
}
need $cc gcc-mingw-w64-x86-64
need x86_64-w64-mingw32-windres binutils-mingw-w64-x86-64
need zip zip
need convert imagemagick

debver=$($pkg/version.sh "$version")
# Windows wants four numbers: the release part of the version, then 0s.
numeric=$(echo "$debver" | sed 's/[~+].*//' | awk -F. '{ printf "%d,%d,%d,%d", $1, $2, $3, $4 }')

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Icon and version info, linked in as a resource object by MinGW's linker
# (so nothing has to be written into the source tree).
convert assets/icon.png -define icon:auto-resize=256,128,64,48,32,16 "$work/tongban.ico"
cat >"$work/tongban.rc" <<EOF
#pragma code_page(65001)
1 ICON "$work/tongban.ico"
1 VERSIONINFO
FILEVERSION $numeric
PRODUCTVERSION $numeric
FILEOS 0x40004
FILETYPE 0x1
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "080404B0"
    BEGIN
      VALUE "FileDescription", "通办 Tongban"
      VALUE "FileVersion", "$debver"
      VALUE "InternalName", "tongban"
      VALUE "OriginalFilename", "tongban.exe"
      VALUE "ProductName", "通办 Tongban"
      VALUE "ProductVersion", "$version"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x0804, 1200
  END
END
EOF
x86_64-w64-mingw32-windres -c 65001 -O coff -o "$work/rsrc.o" "$work/tongban.rc"

mkdir -p "$out"
exe=$out/tongban-$debver-windows-amd64.exe
build() { # build OUTPUT [EXTRA-LDFLAGS]
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=$cc go build \
		-ldflags "${2:-} -X tongban/app/cli.version=$debver -linkmode external -extldflags $work/rsrc.o" -o "$1" .
}
build "$exe" "-H windowsgui"
build "$work/tongban-cli.exe"
# Debug sections are two fifths of the file; the build info stays.
x86_64-w64-mingw32-strip "$exe" "$work/tongban-cli.exe"

# The zip: Windows line ends for the text files; a BOM so old Notepad
# reads README.txt's Chinese as UTF-8.
z=$work/tongban-$debver-windows-amd64
mkdir "$z"
cp "$exe" "$z/tongban.exe"
cp "$work/tongban-cli.exe" "$z/tongban-cli.exe"
for f in install-autostart.cmd uninstall-autostart.cmd; do
	sed 's/$/\r/' "$pkg/windows/$f" >"$z/$f"
done
{ printf '\357\273\277'; sed 's/$/\r/' "$pkg/windows/README.txt"; } >"$z/README.txt"
$pkg/licenses.sh "$exe" | sed -e 's|/usr/bin/tongban|tongban.exe|g' -e 's/$/\r/' >"$z/LICENSES.txt"
zipfile=$(cd "$out" && pwd)/tongban-$debver-windows-amd64.zip
rm -f "$zipfile"
(cd "$work" && zip -q -X -r "$zipfile" "$(basename "$z")")
echo "$exe"
echo "$out/$(basename "$zipfile")"
