#!/usr/bin/env bash
# Smoke test of the real binary: start it under Xvfb on a fresh data
# folder, wait for its window, take a screenshot and fail if it is blank.
# Usage: build/smoke.sh bin/tongban [role]
set -euo pipefail
bin=$(realpath "$1")
role=${2:-kiosk}
work=$(mktemp -d)
shot=${SMOKE_SHOT:-.cache/smoke-$role.png}
mkdir -p "$(dirname "$shot")"

# A free display number: Xvfb -displayfd picks one and tells us.
# $! of the process substitution is Xvfb's own PID (bash execs a lone
# command), so the cleanup stops this run's Xvfb and no other.
exec 3< <(exec Xvfb -displayfd 1 -screen 0 1280x1024x24 -nolisten tcp 2>"$work/xvfb.log")
xvfb_pid=$!
read -r -t 10 display <&3 || { echo "smoke: Xvfb did not start"; cat "$work/xvfb.log"; exit 1; }
export DISPLAY=":$display"
app_pid=""
cleanup() {
	[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

"$bin" "$role" --data "$work/data" >"$work/app.log" 2>&1 &
app_pid=$!

# Wait for a mapped window of reasonable size.
for _ in $(seq 1 120); do
	if ! kill -0 "$app_pid" 2>/dev/null; then
		echo "smoke: tongban $role exited before showing a window:"; cat "$work/app.log"; exit 1
	fi
	if xwininfo -root -tree 2>/dev/null | grep -q 'Tongban'; then break; fi
	sleep 0.5
done
xwininfo -root -tree | grep -q 'Tongban' || { echo "smoke: no tongban window after 60 s"; cat "$work/app.log"; exit 1; }
sleep 2 # let the first frames paint

xwd -root -silent | convert xwd:- "$shot"
colors=$(convert "$shot" -format '%k' info:)
spread=$(convert "$shot" -colorspace Gray -format '%[fx:standard_deviation]' info:)
echo "smoke: tongban $role window captured to $shot ($colors colours, grey spread $spread)"
if [ "$colors" -lt 16 ] || awk "BEGIN{exit !($spread < 0.02)}"; then
	echo "smoke: the screenshot is blank"; exit 1
fi
