# httpstatus — an offline terminal reference for HTTP status codes.
#
#   make          build ./httpstatus (the database from assets/ is embedded in it)
#   make run      build and open the browser
#   make check    build and run every test (unit, CLI, TUI through tmux, sanitizers, valgrind)
#   make bench    benchmarks (tests/bench/), not part of check
#   make fuzz     libFuzzer harnesses for a set time (FUZZ_SECONDS per harness)
#   make install  PREFIX=/usr/local DESTDIR= : binary and man page

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
DESTDIR ?=
CC ?= cc
PKG_CONFIG ?= pkg-config
CFLAGS ?= -O2 -g
WARN = -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Werror
CPPFLAGS += -D_POSIX_C_SOURCE=200809L

# Debian packages each part needs; `make deps` installs the missing ones as root.
BUILD_PKGS = gcc make pkg-config libncurses-dev libsqlite3-dev
TEST_PKGS = tmux valgrind libcmocka-dev clang libclang-rt-14-dev python3
export BUILD_PKGS TEST_PKGS

HAVE_PKGS := $(shell $(PKG_CONFIG) --exists ncursesw sqlite3 2>/dev/null && echo yes)
ifeq ($(HAVE_PKGS),yes)
CURSES_CFLAGS := $(shell $(PKG_CONFIG) --cflags ncursesw)
CURSES_LIBS := $(shell $(PKG_CONFIG) --libs ncursesw)
SQLITE_CFLAGS := $(shell $(PKG_CONFIG) --cflags sqlite3)
SQLITE_LIBS := $(shell $(PKG_CONFIG) --libs sqlite3)
endif

ALL_CFLAGS = $(WARN) $(CPPFLAGS) $(CURSES_CFLAGS) $(SQLITE_CFLAGS) $(CFLAGS)
LIBS = $(CURSES_LIBS) $(SQLITE_LIBS)

CORE_SRC = $(filter-out src/main.c,$(wildcard src/*.c))
UI_SRC = $(wildcard src/ui/*.c)
APP_SRC = $(CORE_SRC) $(UI_SRC) src/main.c
DB = db/httpstatus.db
ASSETS = $(shell find assets -type f -name '*.txt' 2>/dev/null)
HEADERS = $(wildcard src/*.h src/ui/*.h db/*.h)
FUZZERS = query text corpus args
FUZZ_BIN = $(FUZZERS:%=build/fuzz/fuzz_%)

.SECONDARY:
.PHONY: all run check bench fuzz install uninstall clean deps deps-test
all: httpstatus

deps:
	@sh tests/deps.sh build

deps-test:
	@sh tests/deps.sh test

build/.deps: tests/deps.sh
	@sh tests/deps.sh build
	@mkdir -p build && touch $@

db/build: db/build.c db/corpus.c db/corpus.h src/util.c src/text.c src/util.h src/text.h | build/.deps
	$(CC) $(ALL_CFLAGS) -o $@ db/build.c db/corpus.c src/util.c src/text.c $(SQLITE_LIBS)

$(DB): db/build db/schema.sql $(ASSETS)
	./db/build assets db/schema.sql $@

# Objects: build/ for the normal binary, build/asan/ for the sanitizer build.
OBJ = $(APP_SRC:%.c=build/%.o) build/src/embed.o
ASAN_OBJ = $(APP_SRC:%.c=build/asan/%.o) build/asan/src/embed.o
ASAN_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

build/%.o: %.c $(HEADERS) | build/.deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

build/asan/%.o: %.c $(HEADERS) | build/.deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -O1 $(ASAN_FLAGS) -c -o $@ $<

build/src/embed.o build/asan/src/embed.o: src/embed.S $(DB)
	@mkdir -p $(dir $@)
	$(CC) -c -DHS_DB_PATH='"$(CURDIR)/$(DB)"' -o $@ src/embed.S

httpstatus: $(OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJ) $(LIBS)

build/httpstatus-asan: $(ASAN_OBJ)
	$(CC) $(CFLAGS) $(ASAN_FLAGS) $(LDFLAGS) -o $@ $(ASAN_OBJ) $(LIBS)

run: httpstatus
	./httpstatus

# ---- tests ---------------------------------------------------------------------------
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=build/asan/tests/%)
CORE_ASAN_OBJ = $(CORE_SRC:%.c=build/asan/%.o) build/asan/src/embed.o

build/asan/tests/%: tests/unit/%.c $(CORE_ASAN_OBJ) build/asan/db/corpus.o tests/unit/testutil.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -O1 $(ASAN_FLAGS) -Isrc -o $@ $< $(CORE_ASAN_OBJ) build/asan/db/corpus.o $(LIBS) -lcmocka

check: build/.test-deps httpstatus build/httpstatus-asan build/search-eval $(UNIT_BIN) $(FUZZ_BIN)
	@sh tests/run.sh $(UNIT_BIN)

build/.test-deps: tests/deps.sh
	@sh tests/deps.sh test
	@mkdir -p build && touch $@

CORE_OBJ = $(CORE_SRC:%.c=build/%.o) build/src/embed.o
build/bench: tests/bench/bench.c $(CORE_OBJ)
	$(CC) $(WARN) $(CPPFLAGS) $(SQLITE_CFLAGS) -O2 -Isrc -o $@ tests/bench/bench.c $(CORE_OBJ) $(SQLITE_LIBS) -lutil

bench: httpstatus build/bench build/search-eval
	@sh tests/bench/run.sh $(BENCH_ARGS)

# Search quality over the judged query set (tests/search/judged.tsv): `make bench` prints
# the figures, `make check` holds them above floors (tests/e2e/search_quality.sh).
build/search-eval: tests/search/eval.c $(CORE_OBJ)
	$(CC) $(WARN) $(CPPFLAGS) $(SQLITE_CFLAGS) -O2 -Isrc -o $@ tests/search/eval.c $(CORE_OBJ) $(SQLITE_LIBS)

# libFuzzer harnesses (clang): `make fuzz` runs each for FUZZ_SECONDS; `make check` runs
# each briefly over the committed corpus in tests/fuzz/corpus/.
FUZZ_CC ?= clang
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_COMMON = src/text.c src/util.c

build/fuzz/fuzz_query: tests/fuzz/fuzz_query.c src/query.c $(FUZZ_COMMON) $(HEADERS) | build/.test-deps
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(WARN) $(CPPFLAGS) $(FUZZ_FLAGS) -Isrc -o $@ tests/fuzz/fuzz_query.c src/query.c $(FUZZ_COMMON) $(SQLITE_LIBS)
build/fuzz/fuzz_text: tests/fuzz/fuzz_text.c $(FUZZ_COMMON) $(HEADERS) | build/.test-deps
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(WARN) $(CPPFLAGS) $(FUZZ_FLAGS) -Isrc -o $@ tests/fuzz/fuzz_text.c $(FUZZ_COMMON)
build/fuzz/fuzz_corpus: tests/fuzz/fuzz_corpus.c db/corpus.c $(FUZZ_COMMON) $(HEADERS) | build/.test-deps
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(WARN) $(CPPFLAGS) $(FUZZ_FLAGS) -Isrc -o $@ tests/fuzz/fuzz_corpus.c db/corpus.c $(FUZZ_COMMON)
build/fuzz/fuzz_args: tests/fuzz/fuzz_args.c src/cli.c src/data.c src/doc.c src/compare.c src/query.c build/src/embed.o $(FUZZ_COMMON) $(HEADERS) | build/.test-deps
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(WARN) $(CPPFLAGS) $(FUZZ_FLAGS) -Isrc -o $@ tests/fuzz/fuzz_args.c src/cli.c src/data.c src/doc.c src/compare.c src/query.c build/src/embed.o $(FUZZ_COMMON) $(SQLITE_LIBS)

FUZZ_SECONDS ?= 60
fuzz: $(FUZZ_BIN)
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZERS)

install: httpstatus
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 httpstatus $(DESTDIR)$(BINDIR)/httpstatus
	install -m 644 src/httpstatus.1 $(DESTDIR)$(MANDIR)/man1/httpstatus.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/httpstatus $(DESTDIR)$(MANDIR)/man1/httpstatus.1

clean:
	rm -rf build httpstatus db/build $(DB) db/httpstatus.db.tmp
