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
	echo "'\\\" -*- coding: UTF-8 -*-"
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
		help=$("$bin" "$cmd" --help 2>&1 || true)
		block <<<"$help"
		# A command with subcommands: each one's flags too (a subcommand may
		# be two words, platform catalog import, and be followed by its
		# arguments in capitals, staff add ID).
		sed -nE '/^Subcommands:/,$ s/^  ([a-z-]+( [a-z-]+)?)( [A-Z][A-Z_]*)*  +.*/\1/p' <<<"$help" | while read -r sub; do
			echo ".TP"
			echo ".B tongban $cmd $sub"
			# shellcheck disable=SC2086 # the subcommand's words are two arguments
			"$bin" "$cmd" $sub --help 2>&1 | block || true
		done
	done
	echo ".SH ENVIRONMENT"
	echo ".TP"
	echo ".B TONGBAN_DATA"
	echo "The data folder, when --data is not given."
	echo ".TP"
	echo ".B TONGBAN_ADMIN_TOKEN"
	echo "The platform's admin token (platform serve); the same on every instance that shares one database."
	echo ".TP"
	echo ".B FYNE_SCALE"
	echo "The windows' scale; by default they scale to fit a screen smaller than they are laid out for."
	echo ".TP"
	echo ".B DISPLAY, XAUTHORITY"
	echo "The X display the kiosk and counter windows open on, and the file that lets this account use it."
	echo ".TP"
	echo ".B XDG_DATA_HOME"
	echo "Where the default data folder is (\\fB\$XDG_DATA_HOME/tongban\\fR), when neither --data nor TONGBAN_DATA is given."
	echo ".SH EXIT STATUS"
	echo "0 when the command did what was asked; 1 when it failed (the platform cannot be reached, a printer fault, a damaged store, or status --check found a problem); 2 for a mistake in what was typed, in which case nothing was changed. Every error is one sentence on standard error, Chinese first, then English."
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
