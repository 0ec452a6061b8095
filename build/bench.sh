#!/usr/bin/env bash
# make bench: every performance target of the issues, as Go benchmarks,
# then the kiosk's cold start to its first frame under Xvfb. Figures vary
# with the machine and its load; the targets are in the comments of each
# benchmark. Usage: build/bench.sh bin/tongban
set -uo pipefail
bin=$(realpath "${1:-bin/tongban}")
status=0
bench() { # package, pattern, benchtime
	echo "== $1 $2"
	go test -run '^$' -bench "$2" -benchtime "$3" -benchmem "$1" | grep -E '^(Benchmark|ok|FAIL|---)' || status=1
}

bench ./app/store   'BenchmarkIntakeCommit' 300x   # ratio ≤ 1.5 against a bare fsync'd write
bench ./app/store   'BenchmarkByNumber'     20000x # ≤ 50 µs with 1,000,000 cases (built once, minutes)
bench ./app/catalog 'BenchmarkSearch10k'    200x   # ≤ 1 ms a query over 10,000 items
bench ./app/paper   'BenchmarkReceipt'      100x   # seal+encode+QR+ESC/POS ≤ 5 ms; PNG ≤ 30 ms
bench ./app/receipt 'Benchmark(SealCase|OpenCase)$' 2000x
bench ./app/scan    'BenchmarkOpenReceipt'  5000x  # payload → case ready ≤ 2 ms with 1,000,000 cases
bench ./sync/platform 'BenchmarkPush'       200x   # ≥ 20,000 events/s, bbolt and PostgreSQL
bench ./sync/client 'Benchmark'             3x     # push end to end; pull 100,000 events ≤ 5 s

echo "== cold start of the kiosk to its first frame"
build/coldstart.sh "$bin" 5 || status=1
exit $status
