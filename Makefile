# The two setup commands of the README: `make run` and `make test`.
# Both install what is missing first (scripts/install-deps.sh), so they work on
# a fresh Debian 12 machine.
SHELL := /bin/bash
BUILD_DIR ?= build
RELEASE_DIR ?= build-release
JOBS ?= $(shell nproc)
LISTEN ?= 127.0.0.1:8080
DEMO_DB ?= sqlite:var/stafett.db

.PHONY: all deps build release run test bench bench-recording bench-guide clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Debug -DSTAFETT_TEST=ON >/dev/null
	cmake --build $(BUILD_DIR) -j$(JOBS)

release: deps
	@cmake -S . -B $(RELEASE_DIR) -DCMAKE_BUILD_TYPE=Release -DSTAFETT_TEST=OFF >/dev/null
	cmake --build $(RELEASE_DIR) -j$(JOBS) --target stafett

# Builds a release binary, migrates and seeds the demo SQLite database under
# var/, and serves it with the demo login (fictional personas) until Ctrl-C.
run: release
	@mkdir -p var
	@$(RELEASE_DIR)/stafett seed-demo --database-url $(DEMO_DB)
	@echo "Stafett: open http://$(LISTEN)/ in a browser and log in as a demo persona (Ctrl-C stops the server)"
	@exec $(RELEASE_DIR)/stafett serve --demo --database-url $(DEMO_DB) --listen $(LISTEN) --web-root web

# Every test through ctest: unit, integration on SQLite and on a throwaway
# PostgreSQL 15 (started and stopped by scripts/with-postgres.sh), browser.
test: build
	scripts/with-postgres.sh -- ctest --test-dir $(BUILD_DIR) --output-on-failure -j$(JOBS)

# A report, not a test: Stafett against nginx serving the same bytes.
bench: release
	STAFETT_BIN=$(RELEASE_DIR)/stafett bench/run.sh
	STAFETT_BIN=$(RELEASE_DIR)/stafett BENCH_PATH=/logger/1 BENCH_LOGIN=1 \
	  BENCH_LOGS=10000 BENCH_ENTRIES=500000 bench/run.sh

# A public step page of the handlingsveileder (issue 7): served from memory,
# next to nginx serving the same bytes.
bench-guide: release
	STAFETT_BIN=$(RELEASE_DIR)/stafett BENCH_PATH=/kommune/9901/veileder/trinn/n0-observer bench/run.sh

# The authenticated log page with its access record against the same page
# from a benchmark build that records nothing, and against nginx (issue 6).
bench-recording: release
	@cmake -S . -B build-bench-norecord -DCMAKE_BUILD_TYPE=Release -DSTAFETT_TEST=OFF \
	  -DSTAFETT_BENCH_WITHOUT_ACCESS_RECORDS=ON >/dev/null
	cmake --build build-bench-norecord -j$(JOBS) --target stafett
	STAFETT_BIN=$(RELEASE_DIR)/stafett BENCH_BASELINE_BIN=build-bench-norecord/stafett \
	  BENCH_PATH=/logger/1 BENCH_LOGIN=1 BENCH_LOGS=10000 BENCH_ENTRIES=500000 bench/run.sh

clean:
	rm -rf $(BUILD_DIR) $(RELEASE_DIR) build-bench-norecord
