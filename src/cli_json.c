/* cli_json.c — the JSON writers: entries, sections, a code's whole record. Every string
 * goes through txt_json_string, which escapes anything a terminal could act on. */
#include "cli_int.h"

#include <string.h>

#include "doc.h"
#include "text.h"
#include "util.h"

void json_kv_str(struct sb *b, const char *key, const char *value, int comma)
{
    if (comma)
        sb_putc(b, ',');
    txt_json_string(b, key);
    sb_putc(b, ':');
    txt_json_string(b, value ? value : "");
}

void json_entry_fields(struct sb *b, const struct hs_entry *e)
{
    sb_printf(b, "\"code\":%d,\"display\":\"%03d\"", e->code, e->code);
    json_kv_str(b, "phrase", e->phrase, 1);
    sb_printf(b, ",\"class\":%d", e->klass);
    json_kv_str(b, "status", doc_status_word(e->status), 1);
    json_kv_str(b, "summary", e->summary, 1);
    sb_printf(b, ",\"top10\":%s", e->top10 ? "true" : "false");
}

void json_sections(struct sb *b, const struct hs_section *s, size_t n)
{
    sb_puts(b, "[");
    for (size_t i = 0; i < n; i++) {
        if (i)
            sb_putc(b, ',');
        sb_putc(b, '{');
        json_kv_str(b, "kind", s[i].kind, 0);
        json_kv_str(b, "source", s[i].source, 1);
        json_kv_str(b, "text", s[i].body, 1);
        sb_putc(b, '}');
    }
    sb_puts(b, "]");
}

void json_strings(struct sb *b, char **v, size_t n)
{
    sb_putc(b, '[');
    for (size_t i = 0; i < n; i++) {
        if (i)
            sb_putc(b, ',');
        txt_json_string(b, v[i]);
    }
    sb_putc(b, ']');
}

void json_code(struct sb *b, const struct hs_code *c, const struct hs_group *g, size_t n_groups)
{
    sb_putc(b, '{');
    json_entry_fields(b, &c->e);
    json_kv_str(b, "class_title", c->class_title, 1);
    json_kv_str(b, "spec", c->spec, 1);
    json_kv_str(b, "use_when", c->use_when, 1);
    json_kv_str(b, "not_when", c->not_when, 1);
    sb_puts(b, ",\"aliases\":");
    json_strings(b, c->aliases, c->n_aliases);
    sb_puts(b, ",\"vendors\":");
    json_strings(b, c->vendors, c->n_vendors);
    sb_puts(b, ",\"attributes\":{");
    sb_printf(b, "\"cacheable\":%s", strcmp(c->cacheable, "yes") == 0 ? "true" : "false");
    if (*c->permanence)
        json_kv_str(b, "permanence", c->permanence, 1);
    if (*c->method)
        json_kv_str(b, "method", c->method, 1);
    json_kv_str(b, "headers", c->headers, 1);
    json_kv_str(b, "resend", c->resend, 1);
    sb_puts(b, "},\"sections\":");
    json_sections(b, c->sections, c->n_sections);
    sb_puts(b, ",\"related\":[");
    for (size_t i = 0; i < c->n_related; i++) {
        if (i)
            sb_putc(b, ',');
        sb_printf(b, "{\"code\":%d,\"display\":\"%03d\"", c->related[i].code, c->related[i].code);
        json_kv_str(b, "phrase", c->related[i].phrase, 1);
        json_kv_str(b, "reason", c->related[i].reason, 1);
        sb_putc(b, '}');
    }
    sb_puts(b, "],\"constants\":{");
    int cur = 0;
    for (size_t i = 0; i < c->n_consts; i++)
        if (*c->consts[i].name)      /* '' when a library has only older names */
            json_kv_str(b, c->consts[i].lang, c->consts[i].name, cur++ > 0);
    /* Older names that still work, with since when ("NAME, alias since 3.13"). */
    sb_puts(b, "},\"constants_old\":{");
    int any = 0;
    for (size_t i = 0; i < c->n_consts; i++)
        if (c->consts[i].old && *c->consts[i].old)
            json_kv_str(b, c->consts[i].lang, c->consts[i].old, any++ > 0);
    sb_puts(b, "},\"groups\":[");
    for (size_t i = 0; i < n_groups; i++) {
        if (i)
            sb_putc(b, ',');
        txt_json_string(b, g[i].name);
    }
    sb_puts(b, "]}");
}
