/* data.h — the data layer: the only module that talks to SQLite (src/data_*.c, sharing
 * src/data_int.h).
 *
 * One struct hs_db owns the connection. Every function returns an hs_status; on anything
 * but HS_OK and HS_NOTFOUND, hsdb_error() says what went wrong in words for a person.
 * Every struct returned through an out-parameter is owned by the caller and freed with
 * its matching *_free function. Strings in them are clean text (text.h, txt_clean): the
 * one column reader removed every control and escape sequence, every control, bidi,
 * zero-width and format character, and replaced invalid UTF-8, whatever the file holds.
 * Display code sanitises again all the same (defence in depth). */
#ifndef HS_DATA_H
#define HS_DATA_H

#include <stddef.h>

enum hs_status {
    HS_OK = 0,
    HS_NOTFOUND = 1,   /* no such code, or no match */
    HS_EDB = 2,        /* database missing, foreign, corrupt or unusable */
    HS_ENOMEM = 3,     /* out of memory; nothing leaked */
    HS_EBUDGET = 4,    /* the work budget ran out (hsdb_set_budget) */
};

/* Schema version this program reads (PRAGMA user_version). */
#define HSDB_SCHEMA_VERSION 4
/* PRAGMA application_id of our files: 'HTST'. */
#define HSDB_APPLICATION_ID 0x48545354

/* Classes are numbered by the first digit of their codes, 1 to 5, and 0 for the pseudo-code
 * 000 (no response). Arrays indexed by class have HS_N_CLASSES entries. */
#define HS_N_CLASSES 6
/* hsdb_list's class for every code of every class (class 0 is a real class now). */
#define HS_ALL_CLASSES (-1)

struct hs_db;

/* A code as the list shows it. */
struct hs_entry {
    int code;
    int klass;
    int top10;
    char status;      /* 's' standard, 'u' unofficial, 'o' obsolete, 'r' reserved */
    char *phrase;
    char *summary;
};

struct hs_entries {
    struct hs_entry *v;
    size_t n;
};

struct hs_section {
    char *kind;       /* rest, rfc, wikipedia, vendor, description, change, example, page */
    char *source;
    char *body;
};

struct hs_link {
    int code;
    char *phrase;
    char *reason;
};

struct hs_const {
    char *lang;       /* python, go, rust, node, java, dotnet, rails */
    char *name;
    char *old;        /* older names that still work, with since when: "REQUEST_ENTITY_TOO_LARGE,
                       * alias since 3.13" ("; " between several); "" when none */
};

struct hs_code {
    struct hs_entry e;
    char *class_title;
    char *spec;
    char *cacheable, *permanence, *headers;   /* "" when not given */
    char *method;     /* redirects: kept, may-change, changes-to-get; "" otherwise */
    char *resend;     /* not-needed, as-is, after-delay, after-change, no */
    char *use_when, *not_when;   /* "" when not given */
    char **aliases;
    size_t n_aliases;
    char **vendors;
    size_t n_vendors;
    struct hs_section *sections;
    size_t n_sections;
    struct hs_link *related;
    size_t n_related;
    struct hs_const *consts;
    size_t n_consts;
};

struct hs_class {
    int klass;
    char *title;
    char *summary;
    struct hs_section *sections;
    size_t n_sections;
};

struct hs_hit {
    struct hs_entry e;
    char *snippet;    /* matched words between \x01 and \x02 markers */
    double score;     /* lower is better */
};

struct hs_hits {
    struct hs_hit *v;
    size_t n;
    int partial;      /* no code holds every word: these are the closest matches */
    char *suggestion; /* the words with a misspelt one corrected, or NULL (see hsdb_search) */
};

struct hs_group {
    char *name;
    char *title;
    int *codes;
    size_t n;
};

/* Open the database embedded in the program, or a file given with --db (opened read-only,
 * defensively, and refused unless it is ours and of our schema version). On failure *out
 * is NULL and *err is a message naming the file (caller frees). */
enum hs_status hsdb_open_embedded(struct hs_db **out, char **err);
enum hs_status hsdb_open_file(const char *path, struct hs_db **out, char **err);
void hsdb_close(struct hs_db *db);
const char *hsdb_error(const struct hs_db *db);

/* For tests: when should_fail returns true, the allocation this module (or the query
 * builder it uses for search, query.h) is about to make fails (NULL: never). Paired with
 * SQLITE_CONFIG_MALLOC it fails any allocation. */
void hsdb_set_alloc_failure(int (*should_fail)(void));

/* Cap the SQLite work of each later call (virtual machine steps, roughly); 0 = no cap.
 * A call that runs out returns HS_EBUDGET. */
void hsdb_set_budget(struct hs_db *db, long steps);

/* The codes of class klass (0 to 5), or of all classes with HS_ALL_CLASSES, in code order
 * (000 first). */
/* Only standard codes (status standard) in what hsdb_list, hsdb_class_counts,
 * hsdb_list_page, hsdb_code_position and hsdb_first_code return (on 1), or every code
 * (on 0, the default). The browser's "standard only" view; a code that is not standard is
 * then HS_NOTFOUND to hsdb_code_position and hsdb_first_code. */
void hsdb_set_standard_only(struct hs_db *db, int on);

enum hs_status hsdb_list(struct hs_db *db, int klass, struct hs_entries *out);
void hs_entries_free(struct hs_entries *l);

/* For a list that fetches only what it shows: the number of codes of each class
 * (counts[k] for class k), a page of a class's codes in code order, where a code stands in its
 * class, and the first code in a range. */
enum hs_status hsdb_class_counts(struct hs_db *db, size_t counts[HS_N_CLASSES]);
enum hs_status hsdb_list_page(struct hs_db *db, int klass, size_t offset, size_t n, struct hs_entries *out);
enum hs_status hsdb_code_position(struct hs_db *db, int code, int *klass, size_t *index);
enum hs_status hsdb_first_code(struct hs_db *db, int lo, int hi, int *code);

enum hs_status hsdb_code(struct hs_db *db, int code, struct hs_code **out);

/* The codes whose phrase, else alias, else vocabulary phrase is exactly name (ASCII case
 * ignored), in code order; HS_NOTFOUND when none. Caller frees *codes. */
enum hs_status hsdb_codes_named(struct hs_db *db, const char *name, int **codes, size_t *n);
void hs_code_free(struct hs_code *c);

enum hs_status hsdb_class(struct hs_db *db, int klass, struct hs_class **out);
void hs_class_free(struct hs_class *c);

/* Every header entry's name and summary, in name order (data_names.c; for completion).
 * The caller frees each string and both arrays. */
enum hs_status hsdb_header_names(struct hs_db *db, char ***names, char ***summaries, size_t *n);

/* Ranked search; text is what the person typed (any bytes). With prefix_last the last
 * word also matches as a prefix (live search). When no code holds every word, the codes
 * holding most of them are returned with out->partial set (say so: "no code mentions all
 * of …; closest matches:"). The search reads a misspelt word as its correction
 * (hsdb_suggest's), and out->suggestion then holds the words as corrected ("did you
 * mean …?"), so that a caller need not ask again. HS_NOTFOUND when nothing matches at all;
 * then out holds nothing (hsdb_suggest says whether a correction exists). */
enum hs_status hsdb_search(struct hs_db *db, const char *text, size_t len, int prefix_last,
                           int limit, struct hs_hits *out);
void hs_hits_free(struct hs_hits *h);

/* For "did you mean", when a search found nothing or only closest matches: text with each
 * word that matches nothing replaced by the nearest word people use for a code (in a
 * name, an alias, a summary or the vocabulary), one word for one, never a split. HS_NOTFOUND when no
 * word has a correction. *out: caller frees. */
enum hs_status hsdb_suggest(struct hs_db *db, const char *text, char **out);

/* Comparison groups holding code, in corpus order (n may be 0). */
enum hs_status hsdb_groups_of(struct hs_db *db, int code, struct hs_group **out, size_t *n);
void hs_groups_free(struct hs_group *g, size_t n);

/* A header field (assets/headers/) and the codes that send or require it. */
struct hs_header_rule {
    int code;
    char *phrase;     /* the code's phrase */
    char *level;      /* MUST, SHOULD, MAY or USUALLY */
    char *text;
};

struct hs_header {
    char *name;       /* as the entry spells it: "Retry-After" */
    char *summary;
    char *spec;       /* "RFC 9110 §10.2.3" */
    char *description;
    struct hs_header_rule *rules;   /* NULL in hsdb_header_list's entries */
    size_t n_rules;
};

/* One header by name, case-insensitively (HS_NOTFOUND: no such entry); caller frees with
 * hs_header_free. All headers in name order, without their rules; caller frees with
 * hs_headers_free. */
enum hs_status hsdb_header(struct hs_db *db, const char *name, struct hs_header **out);
void hs_header_free(struct hs_header *h);
enum hs_status hsdb_header_list(struct hs_db *db, struct hs_header **out, size_t *n);
void hs_headers_free(struct hs_header *v, size_t n);

/* The reference page's own introduction and footnote. */
enum hs_status hsdb_page(struct hs_db *db, struct hs_section **out, size_t *n);
void hs_sections_free(struct hs_section *s, size_t n);

#endif
