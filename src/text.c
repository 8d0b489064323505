/* text.c — see text.h. */
#include "text.h"

#include <stdlib.h>
#include <string.h>

size_t txt_decode(const char *s, size_t len, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (len == 0) {
        *cp = 0;
        return 0;
    }
    unsigned char c = u[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t n;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2; v = c & 0x1F; min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3; v = c & 0x0F; min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4; v = c & 0x07; min = 0x10000;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if (len < n) {
        *cp = 0xFFFD;
        return 1;
    }
    for (size_t i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = (v << 6) | (u[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = v;
    return n;
}

void txt_encode(struct sb *b, uint32_t cp)
{
    char o[4];
    if (cp < 0x80) {
        o[0] = (char)cp;
        sb_putn(b, o, 1);
    } else if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        sb_putn(b, o, 2);
    } else if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        sb_putn(b, o, 3);
    } else {
        o[0] = (char)(0xF0 | (cp >> 18));
        o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[3] = (char)(0x80 | (cp & 0x3F));
        sb_putn(b, o, 4);
    }
}

struct range {
    uint32_t lo, hi;
};

static int in_ranges(uint32_t cp, const struct range *r, size_t n)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < r[mid].lo)
            hi = mid;
        else if (cp > r[mid].hi)
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

/* Combining marks and other zero-width characters (the common blocks). */
static const struct range zero_width[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF},
    {0x05C1, 0x05C2}, {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A},
    {0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06DC}, {0x06DF, 0x06E4},
    {0x0900, 0x0902}, {0x093C, 0x093C}, {0x0941, 0x0948}, {0x094D, 0x094D},
    {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x1AB0, 0x1AFF},
    {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064},
    {0x2066, 0x206F}, {0x20D0, 0x20FF}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F},
    {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF},
};

/* East Asian Wide and Fullwidth blocks, and emoji presentation. */
static const struct range wide[] = {
    {0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC},
    {0x23F0, 0x23F0}, {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615},
    {0x2648, 0x2653}, {0x267F, 0x267F}, {0x2693, 0x2693}, {0x26A1, 0x26A1},
    {0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5}, {0x26CE, 0x26CE},
    {0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
    {0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B},
    {0x2728, 0x2728}, {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755},
    {0x2757, 0x2757}, {0x2795, 0x2797}, {0x27B0, 0x27B0}, {0x27BF, 0x27BF},
    {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55}, {0x2E80, 0x303E},
    {0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF},
    {0xA960, 0xA97F}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19},
    {0xFE30, 0xFE6F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x1F300, 0x1F64F},
    {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

/* Never drawn: format characters (Unicode category Cf: bidi controls, zero-width spaces
 * and joiners, invisible operators, tags...), the other default-ignorable code points
 * (Hangul fillers, variation selectors, the combining grapheme joiner), line and
 * paragraph separators, and noncharacters U+FFFE/U+FFFF. C0, DEL and C1 are tested apart. */
static const struct range unsafe[] = {
    {0x00AD, 0x00AD}, {0x034F, 0x034F}, {0x0600, 0x0605}, {0x061C, 0x061C},
    {0x06DD, 0x06DD}, {0x070F, 0x070F}, {0x0890, 0x0891}, {0x08E2, 0x08E2},
    {0x115F, 0x1160}, {0x17B4, 0x17B5}, {0x180B, 0x180F}, {0x200B, 0x200F},
    {0x2028, 0x202E}, {0x2060, 0x206F}, {0x3164, 0x3164}, {0xFE00, 0xFE0F},
    {0xFEFF, 0xFEFF}, {0xFFA0, 0xFFA0}, {0xFFF0, 0xFFFB}, {0xFFFE, 0xFFFF},
    {0x110BD, 0x110BD}, {0x110CD, 0x110CD}, {0x13430, 0x1343F}, {0x1BCA0, 0x1BCA3},
    {0x1D173, 0x1D17A}, {0xE0000, 0xE0FFF},
};

int txt_cp_unsafe(uint32_t cp)
{
    if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
        return 1;
    if (cp < 0xAD)
        return 0;
    return in_ranges(cp, unsafe, sizeof unsafe / sizeof unsafe[0]);
}

int txt_cp_width(uint32_t cp)
{
    if (cp < 0x300)
        return (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) ? 0 : 1;
    if (in_ranges(cp, zero_width, sizeof zero_width / sizeof zero_width[0]))
        return 0;
    if (in_ranges(cp, wide, sizeof wide / sizeof wide[0]))
        return 2;
    return 1;
}

int txt_width(const char *s, size_t len)
{
    int w = 0;
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        i += txt_decode(s + i, len - i, &cp);
        w += txt_cp_width(cp);
    }
    return w;
}

static const char *ascii_for(uint32_t cp)
{
    switch (cp) {
    case 0x2022: case 0x00B7: case 0x2023: case 0x25CF: return "*";
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x2033: return "\"";
    case 0x2013: case 0x2014: case 0x2212: case 0x2500: return "-";
    case 0x2026: return "...";
    case 0x00A7: return "S.";
    case 0x00B0: return " deg";
    case 0x00A0: return " ";
    case 0x00D7: return "x";
    case 0x2192: return "->";
    case 0x2190: return "<-";
    case 0x2502: return "|";
    case 0x25B8: case 0x25B6: return ">";
    case 0x25BE: case 0x25BC: return "v";
    case 0x2713: return "+";
    case 0x00E9: case 0x00E8: case 0x00EA: return "e";
    case 0x00E1: case 0x00E0: case 0x00E2: case 0x00E4: return "a";
    case 0x00F6: case 0x00F3: return "o";
    case 0x00FC: case 0x00FA: return "u";
    default: return "?";
    }
}

void txt_sanitize_into(struct sb *b, const char *s, size_t len, int keep_newlines, int ascii)
{
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        i += txt_decode(s + i, len - i, &cp);
        if (cp == '\n') {
            sb_putc(b, keep_newlines ? '\n' : ' ');
            continue;
        }
        if (cp == '\t') {
            sb_putc(b, ' ');
            continue;
        }
        if (cp == 0 || txt_cp_unsafe(cp))
            continue;
        if (cp < 0x80)
            sb_putc(b, (char)cp);
        else if (ascii)
            sb_puts(b, ascii_for(cp));
        else
            txt_encode(b, cp);
    }
}

char *txt_sanitize(const char *s, int keep_newlines, int ascii)
{
    struct sb b;
    sb_init(&b);
    sb_putn(&b, "", 0);
    txt_sanitize_into(&b, s, strlen(s), keep_newlines, ascii);
    return sb_steal(&b);
}

/* The length of a control sequence starting at s[0] (ESC, or a C1 introducer in UTF-8),
 * or 0 when s does not start one. CSI: parameters, intermediates, a final byte. OSC, DCS,
 * SOS, PM and APC: a string up to BEL or ST; without its end only the introducer counts, so
 * the text after an unterminated one is kept. Other ESC sequences: intermediates and a final
 * byte. A sequence broken off by another byte ends before that byte. */
static size_t control_sequence(const unsigned char *s, size_t len)
{
    size_t i;
    int kind;      /* '[' CSI, ']' a string, 'e' another escape sequence */
    if (s[0] == 0x1B && len >= 2) {
        if (s[1] == '[')
            kind = '[';
        else if (s[1] == ']' || s[1] == 'P' || s[1] == 'X' || s[1] == '^' || s[1] == '_')
            kind = ']';
        else
            kind = 'e';
        i = kind == 'e' ? 1 : 2;
    } else if (s[0] == 0xC2 && len >= 2 && s[1] >= 0x80 && s[1] <= 0x9F) {
        if (s[1] == 0x9B)
            kind = '[';
        else if (s[1] == 0x9D || s[1] == 0x90 || s[1] == 0x98 || s[1] == 0x9E || s[1] == 0x9F)
            kind = ']';
        else
            return 0;
        i = 2;
    } else {
        return 0;
    }
    if (kind == '[') {
        while (i < len && s[i] >= 0x30 && s[i] <= 0x3F)
            i++;
        while (i < len && s[i] >= 0x20 && s[i] <= 0x2F)
            i++;
        if (i < len && s[i] >= 0x40 && s[i] <= 0x7E)
            i++;
        return i;
    }
    if (kind == ']') {
        for (size_t j = i; j < len; j++) {
            if (s[j] == 0x07)
                return j + 1;
            if (s[j] == 0x1B && j + 1 < len && s[j + 1] == '\\')
                return j + 2;
            if (s[j] == 0xC2 && j + 1 < len && s[j + 1] == 0x9C)
                return j + 2;
        }
        return i;
    }
    while (i < len && s[i] >= 0x20 && s[i] <= 0x2F)
        i++;
    if (i < len && s[i] >= 0x30 && s[i] <= 0x7E)
        i++;
    return i;
}

/* Append (or, with dst NULL, only count) n bytes. */
static void put(char *dst, size_t *at, const char *s, size_t n)
{
    if (dst)
        memcpy(dst + *at, s, n);
    *at += n;
}

size_t txt_clean(char *dst, const char *s, size_t len, int multiline)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, at = 0;
    while (i < len) {
        /* A run of printable ASCII (most of the corpus) is kept as it is, in one copy. */
        size_t run = i;
        while (run < len && u[run] >= 0x20 && u[run] < 0x7F)
            run++;
        if (run > i) {
            put(dst, &at, s + i, run - i);
            i = run;
            continue;
        }
        size_t seq = control_sequence(u + i, len - i);
        if (seq) {
            i += seq;
            continue;
        }
        uint32_t cp;
        size_t k = txt_decode(s + i, len - i, &cp);
        if (cp == '\n')
            put(dst, &at, multiline ? "\n" : " ", 1);
        else if (cp == '\t')
            put(dst, &at, " ", 1);
        else if (cp == 0xFFFD && k == 1)
            put(dst, &at, "\xEF\xBF\xBD", 3);     /* an invalid byte */
        else if (!txt_cp_unsafe(cp))
            put(dst, &at, s + i, k);
        i += k;
    }
    if (dst)
        dst[at] = '\0';
    return at;
}

size_t txt_wrap(const char *s, int width, size_t **starts, size_t **lens)
{
    return txt_wrap_hang(s, width, width, starts, lens);
}

static int is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_alnum(char c)
{
    return is_alpha(c) || (c >= '0' && c <= '9');
}

/* The wrapping itself. Lines break at spaces, and after a hyphen inside a word
 * ("Proxy-" / "Authenticate"). A word wider than a whole line is broken where it must be;
 * with hyphenate, one column short of the width so that a hyphen fits after it, and
 * (*hyph)[i] says which lines end so. */
static size_t wrap_core(const char *s, int first_width, int rest_width, int hyphenate, size_t **starts,
                        size_t **lens, unsigned char **hyph)
{
    size_t n = 0, cap = 8;
    size_t *st = xmalloc(cap * sizeof *st);
    size_t *ln = xmalloc(cap * sizeof *ln);
    unsigned char *hy = xmalloc(cap);
    size_t len = strlen(s);
    size_t pos = 0;

    for (;;) {
        if (n > 0)
            while (pos < len && s[pos] == ' ')
                pos++;
        if (pos >= len && n > 0)
            break;
        size_t line_start = pos, last_break = 0, i = pos, prev = pos, word = pos;
        int w = 0, have_break = 0, hyphen = 0;
        int width = n == 0 ? first_width : rest_width;
        if (width < 1) {
            i = len;
        } else {
            while (i < len) {
                uint32_t cp;
                size_t k = txt_decode(s + i, len - i, &cp);
                int cw = txt_cp_width(cp);
                if (cp == ' ') {
                    last_break = i;
                    have_break = 1;
                    word = i + 1;
                }
                if (w + cw > width)
                    break;
                w += cw;
                prev = i;
                i += k;
                /* After a hyphen between a letter or digit and a letter: a word boundary
                 * (not in an address, which must stay whole to be copied). */
                if (cp == '-' && prev > line_start && is_alnum(s[prev - 1]) && i < len && is_alpha(s[i]) &&
                    !memchr(s + word, '/', prev - word)) {
                    last_break = i;
                    have_break = 1;
                }
            }
            if (i < len && have_break && last_break > line_start) {
                i = last_break;
            } else if (i == line_start && i < len) {
                /* A character wider than the whole line: take it anyway. */
                uint32_t cp;
                i += txt_decode(s + i, len - i, &cp);
            } else if (i < len && s[i] != ' ' && hyphenate && width >= 2 && prev > line_start) {
                /* A word wider than the line is broken inside: one character back, to make
                 * room for the hyphen. */
                i = prev;
                hyphen = 1;
            }
        }
        size_t end = i;
        while (end > line_start && s[end - 1] == ' ' && end < len)
            end--;
        if (n == cap) {
            cap *= 2;
            st = xrealloc(st, cap * sizeof *st);
            ln = xrealloc(ln, cap * sizeof *ln);
            hy = xrealloc(hy, cap);
        }
        st[n] = line_start;
        ln[n] = end - line_start;
        hy[n] = (unsigned char)(hyphen && end > line_start && s[end - 1] != '-');
        n++;
        pos = i;
        if (pos >= len)
            break;
    }
    *starts = st;
    *lens = ln;
    if (hyph)
        *hyph = hy;
    else
        free(hy);
    return n;
}

size_t txt_wrap_hang(const char *s, int first_width, int rest_width, size_t **starts, size_t **lens)
{
    return wrap_core(s, first_width, rest_width, 0, starts, lens, NULL);
}

size_t txt_wrap_lines(const char *s, int first_width, int rest_width, char ***lines)
{
    size_t *st, *ln;
    unsigned char *hy;
    size_t n = wrap_core(s, first_width, rest_width, 1, &st, &ln, &hy);
    char **v = xmalloc(n * sizeof *v);
    for (size_t i = 0; i < n; i++) {
        struct sb b;
        sb_init(&b);
        sb_putn(&b, s + st[i], ln[i]);
        if (hy[i])
            sb_putc(&b, '-');
        v[i] = sb_steal(&b);
    }
    free(st);
    free(ln);
    free(hy);
    *lines = v;
    return n;
}

int txt_fit(struct sb *b, const char *s, int width, int ellipsis, int ascii)
{
    size_t len = strlen(s);
    if (width <= 0)
        return 0;
    int total = txt_width(s, len);
    if (total <= width) {
        sb_putn(b, s, len);
        return total;
    }
    int room = ellipsis ? width - 1 : width;
    int w = 0;
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t k = txt_decode(s + i, len - i, &cp);
        int cw = txt_cp_width(cp);
        if (w + cw > room)
            break;
        w += cw;
        i += k;
    }
    sb_putn(b, s, i);
    if (ellipsis && width >= 1) {
        sb_puts(b, ascii ? "~" : "\xE2\x80\xA6");
        w++;
    }
    return w;
}

int txt_snippet_line(struct sb *b, const char *prefix, const char *snip, int width, int ascii)
{
    size_t start = b->len;
    sb_puts(b, prefix);
    for (const char *p = snip; *p;) {
        size_t n = strcspn(p, "\x01\x02");
        txt_sanitize_into(b, p, n, 0, ascii);
        p += n;
        if (*p)
            sb_putc(b, *p++);
    }
    if (width <= 0 || !b->buf)
        return 0;
    /* Columns, markers left out; then the end of the last character that fits in
     * width - 1 (markers after it are dropped with the rest). */
    int total = 0;
    for (size_t i = start; i < b->len;) {
        uint32_t cp;
        size_t k = txt_decode(b->buf + i, b->len - i, &cp);
        total += cp == 1 || cp == 2 ? 0 : txt_cp_width(cp);
        i += k;
    }
    if (total <= width)
        return 0;
    int col = 0;
    size_t keep = start;
    for (size_t i = start; i < b->len;) {
        uint32_t cp;
        size_t k = txt_decode(b->buf + i, b->len - i, &cp);
        if (cp != 1 && cp != 2) {
            int cw = txt_cp_width(cp);
            if (col + cw > width - 1)
                break;
            col += cw;
            keep = i + k;
        }
        i += k;
    }
    b->len = keep;
    b->buf[keep] = '\0';
    return 1;
}

void txt_json_string(struct sb *b, const char *s)
{
    size_t len = strlen(s), i = 0;
    sb_putc(b, '"');
    while (i < len) {
        uint32_t cp;
        size_t k = txt_decode(s + i, len - i, &cp);
        switch (cp) {
        case '"': sb_puts(b, "\\\""); break;
        case '\\': sb_puts(b, "\\\\"); break;
        case '\n': sb_puts(b, "\\n"); break;
        case '\t': sb_puts(b, "\\t"); break;
        case '\r': sb_puts(b, "\\r"); break;
        default:
            if (txt_cp_unsafe(cp) || cp == 0xFFFD)
                sb_printf(b, "\\u%04x", (unsigned)cp);
            else
                sb_putn(b, s + i, k);
        }
        i += k;
    }
    sb_putc(b, '"');
}

int txt_edit_type(struct sb *b, int ch, size_t max)
{
    if (ch < 0x20 || ch > 0xFF || ch == 127 || b->len >= max)
        return -1;
    sb_putc(b, (char)ch);
    if ((ch & 0xC0) == 0x80 || (ch & 0xC0) == 0xC0) {
        size_t start = b->len - 1;
        while (start > 0 && ((unsigned char)b->buf[start] & 0xC0) == 0x80)
            start--;
        unsigned char lead = (unsigned char)b->buf[start];
        size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (b->len - start < need)
            return 0;
    }
    return 1;
}

void txt_edit_backspace(struct sb *b)
{
    if (!b->len)
        return;
    size_t n = b->len - 1;
    while (n > 0 && ((unsigned char)b->buf[n] & 0xC0) == 0x80)
        n--;
    b->len = n;
    b->buf[n] = '\0';
}

void txt_edit_delete_word(struct sb *b)
{
    size_t n = b->len;
    while (n > 0 && b->buf[n - 1] == ' ')
        n--;
    while (n > 0 && b->buf[n - 1] != ' ')
        n--;
    b->len = n;
    if (b->buf)
        b->buf[n] = '\0';
}
