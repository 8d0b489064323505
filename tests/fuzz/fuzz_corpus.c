/* libFuzzer harness: the assets/ parser. Property: any bytes either parse, with every
 * string owned and NUL-terminated, or give an error with a line number within the input. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../db/corpus.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct corpus_file *f;
    int line;
    char *err;
    if (corpus_parse((const char *)data, size, &f, &line, &err) != 0) {
        if (!err || line < 1 || (size_t)line > size + 1)
            abort();
        free(err);
        return 0;
    }
    size_t total = 0;
    for (size_t i = 0; i < f->n_fields; i++)
        total += strlen(f->fields[i].name) + strlen(f->fields[i].value);
    for (size_t i = 0; i < f->n_sections; i++)
        total += strlen(f->sections[i].kind) + strlen(f->sections[i].source) + strlen(f->sections[i].body);
    if (total > size)
        abort();
    corpus_file_free(f);
    return 0;
}
