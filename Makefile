# Tongban — build, run and test on a fresh Debian 12 machine (as root).
#   make run    install what is missing, build, open the kiosk on the sample catalog
#   make test   install what is missing, vet, and run every test (CI runs this)
#   make bench  the benchmarks of every issue, with their figures

SHELL := /bin/bash
export PATH := /usr/local/go/bin:$(HOME)/go/bin:$(PATH)
export GOFLAGS ?= -buildvcs=false

BIN      := bin/tongban
DATA     ?= .data/kiosk
VERSION  ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
# tongban version says the version of the package that carries the binary.
LDFLAGS  := -X tongban/app/cli.version=$(shell build/package/version.sh $(VERSION) 2>/dev/null || echo $(VERSION))
# Debian packages: certificates for the Go module proxy, build (cgo,
# OpenGL, X11), the windowed smoke test, QR checks, PostgreSQL for the
# platform's storage tests, the package checks (lintian), and Noto CJK for
# the rare characters of names the bundled font lacks.
DEB_PKGS := ca-certificates gcc pkg-config xorg-dev libgl1-mesa-dev xvfb x11-apps x11-utils imagemagick zbar-tools \
            postgresql procps dpkg-dev xz-utils desktop-file-utils lintian curl fonts-noto-cjk
STAMP    := .cache/deps.stamp

.PHONY: run test bench build deps vet unit smoke clean freq

run: deps build
	$(BIN) kiosk --data $(DATA) --windowed

# go build is incremental: the first build compiles Fyne's cgo parts (a few
# minutes), later ones take seconds. The binary is position-independent,
# as Debian hardens its packages (lintian's hardening-no-pie).
build: deps
	@mkdir -p bin
	go build -buildmode=pie -ldflags "$(LDFLAGS)" -o $(BIN) .

# deps installs the Debian packages that are missing, once per machine.
deps: $(STAMP)

$(STAMP): Makefile
	@command -v go >/dev/null || { echo "Go 1.26 is not installed: put it in /usr/local/go (https://go.dev/dl) and run make again."; exit 1; }
	@missing=""; for p in $(DEB_PKGS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		if [ "$$(id -u)" != 0 ]; then echo "Run make as root (or install:$$missing)"; exit 1; fi; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get update -q && apt-get install -y -q --no-install-recommends $$missing; \
	fi
	@mkdir -p $(dir $(STAMP)) && touch $(STAMP)

include Makefile.postgres
include Makefile.package

test: deps vet postgres-up unit smoke package-test

vet:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	go vet ./...

unit: deps postgres-up
	$(PG_ENV) go test -timeout 30m ./...

# smoke starts the real binary under Xvfb, waits for its window, takes a
# screenshot and fails if it is blank.
smoke: build
	build/smoke.sh $(BIN) kiosk
	build/smoke.sh $(BIN) counter

bench: deps build postgres-up
	$(PG_ENV) build/bench.sh $(BIN)

# freq remakes the pinyin keyboard's character ranking and word list
# (app/ime/freq.txt, app/ime/words.txt) from cppjieba's word frequencies,
# fetched through the module proxy.
freq:
	dir=$$(go mod download -json github.com/yanyiwu/gojieba@v1.4.6 | sed -n 's/.*"Dir": "\(.*\)",/\1/p'); \
	go run ./build/freqgen "$$dir/deps/cppjieba/dict/jieba.dict.utf8" app/ime

clean: postgres-down
	rm -rf bin .cache .data
