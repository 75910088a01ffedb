# The two README commands: `make demo` (the main job) and `make test` (every test).
# Each installs what is missing on a fresh Debian machine, then runs.
SWIFT ?= swift
BIN = $(shell $(SWIFT) build --show-bin-path 2>/dev/null)
SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test build deps bench bench-peers sample-data clean-reports browser-test web-bench fuzz fuzz-build

# Debian packages the build needs besides the Swift toolchain.
APT_PACKAGES = pkg-config libxlsxwriter-dev libsqlite3-dev libexpat1-dev unzip

deps:
	@command -v $(SWIFT) >/dev/null || { echo "error: the Swift toolchain (6.1 or later) is not installed; see https://www.swift.org/install/linux/"; exit 1; }
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "installing:$$missing"; $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; fi

build: deps
	$(SWIFT) build --product ictindex

demo: build
	$(BIN)/ictindex demo

# Every test, with LibreOffice Calc and openpyxl installed first (tests that use them fail rather than
# skip), then the demo scoreboard opened in LibreOffice Calc and its numbers checked against
# `ictindex score --format csv|json`, and the demo scoreboard and a self-assessment workbook printed to PDF by
# LibreOffice and their pages checked (no overlapping text, every unit on its ranking).
test: deps
	bash Tests/LibreOfficeCheck/ensure-tools.sh
	$(SWIFT) build --build-tests
	ICTINDEX_REQUIRE_TOOLS=1 $(SWIFT) test --skip-build
	bash Tests/LibreOfficeCheck/check-scoreboard.sh $(BIN)
	bash Tests/LibreOfficeCheck/check-print.sh $(BIN)
	$(MAKE) browser-test
	$(MAKE) fuzz FUZZ_SECONDS=$(FUZZ_TEST_SECONDS)

# The web application in headless Chromium (installed when missing); screenshots in Reports/screenshots/.
browser-test:
	$(SWIFT) build --product ictindex
	bash Tests/Browser/web-browser-test.sh $(BIN)

# The web application under load on 127.0.0.1 (release build); figures go in Benchmarks/README.md.
web-bench: deps
	$(SWIFT) build -c release
	$(SWIFT) run -c release --skip-build ICTIndexBenchmarks web .build/bench $$($(SWIFT) build -c release --show-bin-path)/ictindex 60

# Benchmarks (release build); figures go in Benchmarks/README.md.
bench: deps
	@command -v /usr/bin/time >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq time; }
	$(SWIFT) build -c release
	$(SWIFT) run -c release --skip-build ICTIndexBenchmarks write .build/bench
	$(SWIFT) run -c release --skip-build ICTIndexBenchmarks engine .build/bench
	/usr/bin/time -f "ictindex score --format csv: %e s, peak %M KB" \
	  $$($(SWIFT) build -c release --show-bin-path)/ictindex score .build/bench/synthetic.yaml \
	  --data .build/bench/synthetic.csv --format csv > .build/bench/scores.csv
	$(SWIFT) run -c release --skip-build ICTIndexBenchmarks xlsx .build/bench
	cc -O2 -Wall Benchmarks/xlsx-baseline/baseline.c $$(pkg-config --cflags --libs xlsxwriter) -o .build/bench/xlsx-baseline
	.build/bench/xlsx-baseline .build/bench/baseline-c.xlsx
	$(SWIFT) run -c release --skip-build ICTIndexBenchmarks baseline .build/bench
	$(SWIFT) run -c release --skip-build ICTIndexBenchmarks templates .build/bench

# End to end against pandas and polars on the ASEM-shaped set (Benchmarks/README.md); needs python3 and the
# public reference data beside the clone (REFERENCE); installs pandas and polars when missing.
REFERENCE ?= ../shared/reference
bench-peers: deps
	@command -v /usr/bin/time >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq time; }
	$(SWIFT) build -c release --product ictindex
	python3 Benchmarks/peers/bench_peers.py $$($(SWIFT) build -c release --show-bin-path)/ictindex \
	  $(REFERENCE)/coinr-asem/asem_imeta.csv .build/bench-peers

# Regenerates the sample data in Examples/ (deterministic).
sample-data:
	$(SWIFT) run SampleDataGenerator Examples

# Fuzzing (libFuzzer + AddressSanitizer): each parser's target runs for FUZZ_SECONDS from its seed corpus in
# Tests/Fuzz/Corpus/ (new inputs go to .build-fuzz/corpus/, crashes to .build-fuzz/artifacts/). `make test` runs
# each for FUZZ_TEST_SECONDS. The build has its own scratch path so that it leaves the normal build alone.
# A target is TARGET:CORPUS; add new parsers here. Leak detection is off:
# objects that live for the whole process (the criteria a target loads once, Swift's metadata caches) count as leaks.
FUZZ_SECONDS ?= 600
FUZZ_TEST_SECONDS ?= 25
FUZZ_TARGETS = FuzzCriteria:criteria FuzzCSV:csv FuzzXLSX:xlsx FuzzExpression:expression FuzzMultipart:multipart
FUZZ_BUILD = $(SWIFT) build --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING

fuzz-build: deps
	@for pair in $(FUZZ_TARGETS); do target=$${pair%%:*}; \
	  echo "building $$target"; $(FUZZ_BUILD) --product $$target || exit 1; done

fuzz: fuzz-build
	@bin=$$($(FUZZ_BUILD) --show-bin-path); mkdir -p .build-fuzz/artifacts; \
	for pair in $(FUZZ_TARGETS); do target=$${pair%%:*}; corpus=$${pair#*:}; \
	  mkdir -p .build-fuzz/corpus/$$corpus; echo "fuzzing $$target for $(FUZZ_SECONDS) s"; \
	  ASAN_OPTIONS=detect_leaks=0 $$bin/$$target .build-fuzz/corpus/$$corpus Tests/Fuzz/Corpus/$$corpus -max_total_time=$(FUZZ_SECONDS) \
	    -timeout=10 -rss_limit_mb=2048 -max_len=65536 -detect_leaks=0 -print_final_stats=1 \
	    -artifact_prefix=.build-fuzz/artifacts/$$target- > .build-fuzz/$$target.log 2>&1; status=$$?; \
	  grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|^stat::|ERROR|SUMMARY' .build-fuzz/$$target.log; \
	  [ $$status = 0 ] || { echo "$$target failed (log: .build-fuzz/$$target.log; input: .build-fuzz/artifacts/)"; exit 1; }; \
	done
