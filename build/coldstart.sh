#!/usr/bin/env bash
# Cold start of the kiosk to its first frame, measured N times under Xvfb:
# from launching the binary to the first frame drawn (the program prints
# that moment when TONGBAN_FIRST_FRAME is set, then quits).
# Usage: build/coldstart.sh bin/tongban [N]
set -euo pipefail
bin=$(realpath "$1")
runs=${2:-5}
work=$(mktemp -d)
exec 3< <(exec Xvfb -displayfd 1 -screen 0 1280x1024x24 -nolisten tcp 2>"$work/xvfb.log")
xvfb_pid=$! # Xvfb's own PID (bash execs a lone command): this run's, no other
read -r -t 10 display <&3 || { echo "coldstart: Xvfb did not start"; exit 1; }
trap '[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null; rm -rf "$work"' EXIT
export DISPLAY=":$display" TONGBAN_FIRST_FRAME=1
"$bin" version >/dev/null # the binary's pages in the cache, as on a kiosk that ran before
times=()
for i in $(seq 1 "$runs"); do
	start=$(date +%s%N)
	line=$(timeout 60 "$bin" kiosk --data "$work/data" 2>"$work/app.log" | grep -m1 '^first-frame' || true)
	[ -n "$line" ] || { echo "coldstart: no first frame"; cat "$work/app.log"; exit 1; }
	ms=$(( (${line#first-frame } - start) / 1000000 ))
	times+=("$ms")
	echo "run $i: first frame after $ms ms"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "cold start to first frame: median ${sorted[$((runs / 2))]} ms over $runs runs (min ${sorted[0]}, max ${sorted[$((runs - 1))]})"
