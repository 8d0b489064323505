/* corpus.h — parser for the assets/ text format (see assets/README.md).
 *
 * corpus_parse() takes a whole file in memory and returns a struct corpus_file that owns
 * copies of every string; free it with corpus_file_free(). Errors carry the line number. */
#ifndef HS_CORPUS_H
#define HS_CORPUS_H

#include <stddef.h>

struct corpus_field {
    char *name;
    char *value;
    int line;
};

struct corpus_section {
    char *kind;
    char *source;
    char *body;   /* paragraphs joined by '\n', trailing blank lines removed */
    int line;     /* line of the "==" header */
};

struct corpus_file {
    struct corpus_field *fields;
    size_t n_fields;
    struct corpus_section *sections;
    size_t n_sections;
};

/* Parse len bytes of text. On success returns 0 and sets *out. On error returns -1, sets
 * *err_line to the offending line and *err to a message (caller frees). */
int corpus_parse(const char *text, size_t len, struct corpus_file **out, int *err_line, char **err);
void corpus_file_free(struct corpus_file *f);

/* The first value of field name, or NULL. The pointer belongs to f. */
const char *corpus_get(const struct corpus_file *f, const char *name, int *line);

#endif
