# httpstatus — an offline terminal reference for HTTP status codes.
#
#   make          build ./httpstatus (the database from assets/ is embedded in it)
#   make run      build and open the browser
#   make check    build (in parallel) and run every test suite side by side (unit, CLI, TUI
#                 through tmux, sanitizers, valgrind, fuzz corpus); last line "N passed, N failed"
#   make bench    benchmarks (tests/bench/), not part of check
#   make fuzz     libFuzzer harnesses for a set time (FUZZ_SECONDS per harness)
#   make install  PREFIX=/usr/local DESTDIR= : binary and man page
#
#   STATIC=auto|yes|no   link SQLite and ncursesw statically into ./httpstatus (default auto:
#                        when the Debian -dev packages' archives are there; the binary is
#                        still one file either way)

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
DESTDIR ?=
CC ?= cc
PKG_CONFIG ?= pkg-config
CFLAGS ?= -O2 -g
WARN = -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Werror
CPPFLAGS += -D_POSIX_C_SOURCE=200809L
# Header dependencies: each object writes its own .d file (included at the end).
DEPFLAGS = -MMD -MP
NPROC := $(shell nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)

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

# ---- static linking of SQLite and ncursesw (./httpstatus only) --------------------------
# `cc -print-file-name=libX.a` prints a path when the archive exists, the bare name when not.
STATIC ?= auto
ifneq ($(STATIC),no)
STATIC_ARCHIVES := $(foreach a,libncursesw.a libtinfo.a libsqlite3.a,$(shell $(CC) -print-file-name=$(a) 2>/dev/null))
STATIC_MISSING := $(notdir $(filter-out /%,$(STATIC_ARCHIVES)))
ifeq ($(STATIC_MISSING),)
# What the archives need from the system (libm, libdl, pthreads); --as-needed drops the
# rest pkg-config lists for the sqlite3 shell (zlib).
STATIC_EXTRA := $(filter-out -lsqlite3 -lncursesw -lncurses -ltinfo,$(shell $(PKG_CONFIG) --static --libs ncursesw sqlite3 2>/dev/null))
APP_LIBS = $(STATIC_ARCHIVES) -Wl,--as-needed $(STATIC_EXTRA) -lm -ldl -lpthread -Wl,--no-as-needed
LINK_NOTE = static SQLite and ncursesw
else
APP_LIBS = $(LIBS)
LINK_NOTE = shared libraries
LINK_MSG = httpstatus: no static $(STATIC_MISSING) here: linking the shared libraries instead
endif
else
APP_LIBS = $(LIBS)
LINK_NOTE = shared libraries
endif

CORE_SRC = $(filter-out src/main.c,$(wildcard src/*.c))
UI_SRC = $(wildcard src/ui/*.c)
APP_SRC = $(CORE_SRC) $(UI_SRC) src/main.c
DB = db/httpstatus.db
ASSETS = $(shell find assets -type f -name '*.txt' 2>/dev/null)
FUZZERS = query text corpus args
FUZZ_BIN = $(FUZZERS:%=build/fuzz/fuzz_%)

.SECONDARY:
.DELETE_ON_ERROR:
PHONY_CHECK = check check-build check-suites
.PHONY: all run $(PHONY_CHECK) bench bench-build fuzz install uninstall clean deps deps-test
all: httpstatus

deps:
	@sh tests/deps.sh build

deps-test:
	@sh tests/deps.sh test

build/.deps: tests/deps.sh
	@sh tests/deps.sh build
	@mkdir -p build && touch $@

DBBUILD_OBJ = build/db/build.o build/db/corpus.o build/src/util.o build/src/text.o
db/build: $(DBBUILD_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(DBBUILD_OBJ) $(SQLITE_LIBS)

$(DB): db/build db/schema.sql $(ASSETS)
	./db/build assets db/schema.sql $@

# Objects: build/ for the normal binary, build/asan/ for the sanitizer build.
OBJ = $(APP_SRC:%.c=build/%.o) build/src/embed.o
ASAN_OBJ = $(APP_SRC:%.c=build/asan/%.o) build/asan/src/embed.o
ASAN_FLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

build/%.o: %.c | build/.deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) $(DEPFLAGS) -c -o $@ $<

build/asan/%.o: %.c | build/.deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -O1 $(ASAN_FLAGS) $(DEPFLAGS) -c -o $@ $<

build/src/embed.o build/asan/src/embed.o: src/embed.S $(DB)
	@mkdir -p $(dir $@)
	$(CC) -c -DHS_DB_PATH='"$(CURDIR)/$(DB)"' -o $@ src/embed.S

# The link choice is remembered, so that changing STATIC relinks.
build/link-choice: FORCE
	@mkdir -p build
	@echo '$(APP_LIBS)' | cmp -s - $@ || echo '$(APP_LIBS)' >$@

httpstatus: $(OBJ) build/link-choice
	$(if $(LINK_MSG),@echo '$(LINK_MSG)')
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJ) $(APP_LIBS)

# Always against the shared libraries: the benchmark's comparison point.
build/httpstatus-shared: $(OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJ) $(LIBS)

build/httpstatus-asan: $(ASAN_OBJ)
	$(CC) $(CFLAGS) $(ASAN_FLAGS) $(LDFLAGS) -o $@ $(ASAN_OBJ) $(LIBS)

run: httpstatus
	./httpstatus

# ---- tests ---------------------------------------------------------------------------
# `make check` builds everything with -j(number of cores) unless make already has a -j,
# then tests/run.sh runs the suites side by side (nproc + 1 at a time). The runner finds
# the suites itself (tests/unit/test_*.c, tests/e2e/*.sh, tests/tui/*.sh) and fails any
# that is missing, exits non-zero, dies, times out or reports nothing.
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=build/asan/tests/%)
CORE_ASAN_OBJ = $(CORE_SRC:%.c=build/asan/%.o) build/asan/src/embed.o

build/asan/tests/%: tests/unit/%.c $(CORE_ASAN_OBJ) build/asan/db/corpus.o
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -O1 $(ASAN_FLAGS) $(DEPFLAGS) -MT $@ -MF $@.d -Isrc -o $@ $< $(CORE_ASAN_OBJ) build/asan/db/corpus.o $(LIBS) -lcmocka

CHECK_BUILD = build/.test-deps httpstatus build/httpstatus-asan $(UNIT_BIN) $(FUZZ_BIN)
check-build: $(CHECK_BUILD)

# One target per suite, slowest first, each depending only on what it runs: with -j a
# suite starts as soon as its binaries are linked, while the rest still compiles.
SUITES := $(shell sh tests/run.sh --list 2>/dev/null)
SUITE_TARGETS = $(SUITES:%=suite/%)
SHELL_SUITE_DEPS = httpstatus build/httpstatus-asan $(DB) build/.test-deps
suite/unit-%: build/asan/tests/% FORCE
	@sh tests/run.sh --one unit-$*
suite/e2e-%: tests/e2e/%.sh $(SHELL_SUITE_DEPS) FORCE
	@sh tests/run.sh --one e2e-$*
suite/tui-%: tests/tui/%.sh $(SHELL_SUITE_DEPS) FORCE
	@sh tests/run.sh --one tui-$*
suite/e2e-fuzz: $(FUZZ_BIN)
check-suites: $(SUITE_TARGETS)

# check: build and run with -j(cores + 1) unless make already has a -j, going on past a
# failed build (-k) so that everything that can run does; then the runner judges every
# expected suite (tests/run.sh --report), whatever ran or did not.
check:
	@rm -rf build/tests
	@case "$$MAKEFLAGS" in *-j*|*jobserver*) j= ;; *) j=-j$$(($(NPROC) + 1)) ;; esac; \
	    $(MAKE) --no-print-directory -k $$j check-build check-suites; built=$$?; \
	    sh tests/run.sh --report && [ $$built = 0 ]

build/.test-deps: tests/deps.sh
	@sh tests/deps.sh test
	@mkdir -p build && touch $@

CORE_OBJ = $(CORE_SRC:%.c=build/%.o) build/src/embed.o
build/bench: tests/bench/bench.c $(CORE_OBJ)
	$(CC) $(WARN) $(CPPFLAGS) $(SQLITE_CFLAGS) -O2 $(DEPFLAGS) -MT $@ -MF $@.d -Isrc -o $@ tests/bench/bench.c $(CORE_OBJ) $(SQLITE_LIBS) -lutil

bench-build: httpstatus build/httpstatus-shared build/bench
bench:
	@case "$$MAKEFLAGS" in *-j*|*jobserver*) j= ;; *) j=-j$(NPROC) ;; esac; \
	    $(MAKE) --no-print-directory $$j bench-build
	@HS_LINK='$(LINK_NOTE)' sh tests/bench/run.sh $(BENCH_ARGS)

# libFuzzer harnesses (clang): `make fuzz` runs each for FUZZ_SECONDS; `make check` runs
# each briefly over the committed corpus in tests/fuzz/corpus/. The program's objects are
# compiled once each (in parallel) into an archive, so a harness links only the members it
# uses, whatever files src/ is split into.
FUZZ_CC ?= clang
FUZZ_SAN = address,undefined -fno-sanitize-recover=all
FUZZ_CFLAGS = $(WARN) $(CPPFLAGS) $(CURSES_CFLAGS) $(SQLITE_CFLAGS) -g -O1 -fsanitize=fuzzer-no-link,$(FUZZ_SAN)
FUZZ_LDFLAGS = -g -fsanitize=fuzzer,$(FUZZ_SAN)
FUZZ_OBJ = $(CORE_SRC:%.c=build/fuzz/%.o) build/fuzz/db/corpus.o

build/fuzz/%.o: %.c | build/.test-deps
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(DEPFLAGS) -c -o $@ $<

build/fuzz/libhs.a: $(FUZZ_OBJ) build/src/embed.o
	@rm -f $@
	ar rcs $@ $^

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c build/fuzz/libhs.a
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_CFLAGS) $(DEPFLAGS) -MT $@ -MF $@.d -Isrc -c -o $@.o $<
	$(FUZZ_CC) $(FUZZ_LDFLAGS) -o $@ $@.o build/fuzz/libhs.a $(SQLITE_LIBS)

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

FORCE:
.PHONY: FORCE

# Generated header dependencies (absent on a clean tree; -MP keeps deleted headers harmless).
-include $(shell find build -name '*.d' 2>/dev/null)
