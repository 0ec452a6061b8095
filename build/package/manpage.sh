#!/bin/bash
# manpage.sh BIN PAGE writes the manual page PAGE (tongban or
# tongban-autostart) in roff to stdout, made from what the program itself
# says: tongban's help and every command's --help, tongban-autostart's
# header comment. Nothing is written twice by hand, so the page never
# disagrees with the program.
set -euo pipefail
bin=$1
page=$2
here=$(dirname "$0")
date=$(LC_ALL=C date -u -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}" +%Y-%m-%d)

# roff escapes: a backslash, and a line that starts with . or '.
escape() { sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"; }

# block prints text as it is, in a no-fill block.
block() { echo ".nf"; escape; echo ".fi"; }

case $page in
tongban)
	echo ".TH TONGBAN 1 \"$date\" \"tongban $("$bin" version 2>/dev/null | awk '{print $NF}')\" \"User Commands\""
	echo ".SH NAME"
	echo "tongban \\- the lobby kiosk and counter program of a government service center"
	echo ".SH SYNOPSIS"
	echo ".B tongban"
	echo "[\\fIcommand\\fR] [\\fIflags\\fR]"
	echo ".SH DESCRIPTION"
	"$bin" help 2>&1 | tail -n +3 | block
	echo ".SH COMMANDS"
	for cmd in $("$bin" help 2>&1 | sed -n 's/^  \([a-z-]*\) .*/\1/p'); do
		echo ".SS $cmd"
		"$bin" "$cmd" --help 2>&1 | block || true
	done
	echo ".SH FILES"
	echo "The data folder holds \\fBtongban.db\\fR: \\fB--data\\fR, else \\fBTONGBAN_DATA\\fR, else \\fB\$XDG_DATA_HOME/tongban\\fR, else \\fB~/.local/share/tongban\\fR."
	echo ".SH SEE ALSO"
	echo ".BR tongban-autostart (1),"
	echo "/usr/share/doc/tongban/README.txt"
	;;
tongban-autostart)
	echo ".TH TONGBAN-AUTOSTART 1 \"$date\" \"tongban\" \"User Commands\""
	echo ".SH NAME"
	echo "tongban-autostart \\- turn the start of tongban at login on or off"
	echo ".SH SYNOPSIS"
	echo ".B tongban-autostart"
	echo "status|enable|disable [--system]"
	echo ".SH DESCRIPTION"
	sed -n '3,/^set -eu/p' "$here/linux/tongban-autostart" | sed -e '/^set -eu/d' -e 's/^# \{0,1\}//' | block
	echo ".SH SEE ALSO"
	echo ".BR tongban (1)"
	;;
*)
	echo "manpage.sh: no page $page" >&2
	exit 2
	;;
esac
