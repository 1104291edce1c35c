// See CEditLineShim.h. Each wrapper forwards to one variadic libedit call with fixed argument types.
#include "CEditLineShim.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>
#include <wctype.h>

EditLine *els_init(const char *program) {
    // libedit decides at el_init whether the terminal speaks UTF-8, from LC_CTYPE. A process that never
    // called setlocale is in "C" and would mangle non-ASCII input, so adopt the environment's LC_CTYPE.
    const char *current = setlocale(LC_CTYPE, NULL);
    if (current == NULL || strcmp(current, "C") == 0 || strcmp(current, "POSIX") == 0) {
        setlocale(LC_CTYPE, "");
    }
    return el_init(program, stdin, stdout, stderr);
}

int els_set_prompt(EditLine *el, els_prompt_fn fn) { return el_set(el, EL_PROMPT, fn); }
int els_set_editor(EditLine *el, const char *mode) { return el_set(el, EL_EDITOR, mode); }
int els_set_signal(EditLine *el, int on) { return el_set(el, EL_SIGNAL, on); }
int els_prepare_terminal(EditLine *el) { return el_set(el, EL_PREP_TERM, 1); }
int els_set_history(EditLine *el, History *h) { return el_set(el, EL_HIST, history, h); }

int els_add_function(EditLine *el, const char *name, const char *help, els_command_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

int els_bind(EditLine *el, const char *key, const char *command) {
    return el_set(el, EL_BIND, key, command, (const char *)NULL);
}

int els_set_clientdata(EditLine *el, void *data) { return el_set(el, EL_CLIENTDATA, data); }

void *els_get_clientdata(EditLine *el) {
    void *data = NULL;
    return el_get(el, EL_CLIENTDATA, &data) == 0 ? data : NULL;
}

int els_columns(EditLine *el) {
    int columns = 0;
    if (el_get(el, EL_GETTC, "co", &columns) != 0 || columns <= 0) return 80;
    return columns;
}

const char *els_text_before_cursor(EditLine *el, size_t *length) {
    const LineInfo *info = el_line(el);
    if (info == NULL || info->buffer == NULL || info->cursor < info->buffer) {
        *length = 0;
        return NULL;
    }
    *length = (size_t)(info->cursor - info->buffer);
    return info->buffer;
}

void els_write_stdout(const char *text) {
    fputs(text, stdout);
    fflush(stdout);
}

int elh_set_size(History *h, int size) { HistEvent ev; return history(h, &ev, H_SETSIZE, size); }
int elh_set_unique(History *h, int unique) { HistEvent ev; return history(h, &ev, H_SETUNIQUE, unique); }
int elh_enter(History *h, const char *line) { HistEvent ev; return history(h, &ev, H_ENTER, line); }
int elh_load(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_LOAD, path); }
int elh_save_fp(History *h, FILE *file) { HistEvent ev; return history(h, &ev, H_SAVE_FP, file); }

/// Set by the SIGINT handler; a read interrupted while it is set cancels the line, any other is retried.
static volatile sig_atomic_t els_interrupted = 0;

static void els_ignore_signal(int signo) {
    (void)signo;
    els_interrupted = 1;
}

int els_install_sigint_handler(struct sigaction *previous) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = els_ignore_signal;  // a handler, not SIG_IGN: the interrupted read must fail
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // deliberately no SA_RESTART, so read(2) inside el_gets returns EINTR
    return sigaction(SIGINT, &action, previous);
}

int els_restore_sigint_handler(const struct sigaction *previous) { return sigaction(SIGINT, previous, NULL); }

// MARK: - Reading keys

/// Bytes read past the end of a malformed UTF-8 sequence, handed out before the next read.
static unsigned char els_pushed_back[4];
static int els_pushed_back_count = 0;
static int els_line_limit = 0;
static int els_dropped = 0;

void els_set_line_limit(int characters) { els_line_limit = characters; }

int els_take_dropped(void) {
    int dropped = els_dropped;
    els_dropped = 0;
    return dropped;
}

void els_reset_input(void) {
    els_interrupted = 0;
    els_pushed_back_count = 0;
    els_dropped = 0;
}

/// One byte from standard input: 1, 0 at end of input, or -1 with errno set. A signal other than SIGINT
/// (a window resize, say) retries the read, so only Ctrl-C cancels the line.
static int els_read_byte(unsigned char *byte) {
    if (els_pushed_back_count > 0) {
        *byte = els_pushed_back[0];
        memmove(els_pushed_back, els_pushed_back + 1, (size_t)--els_pushed_back_count);
        return 1;
    }
    for (int nonblocking_fixed = 0;;) {
        ssize_t count = read(STDIN_FILENO, byte, 1);
        if (count == 1) return 1;
        if (count == 0) return 0;
        if (errno == EINTR) {
            if (els_interrupted) {
                els_interrupted = 0;
                errno = EINTR;
                return -1;
            }
            continue;
        }
        if ((errno == EAGAIN || errno == EWOULDBLOCK) && !nonblocking_fixed) {
            int flags = fcntl(STDIN_FILENO, F_GETFL);
            if (flags != -1 && fcntl(STDIN_FILENO, F_SETFL, flags & ~O_NONBLOCK) == 0) {
                nonblocking_fixed = 1;
                continue;
            }
        }
        return -1;
    }
}

uint32_t els_decode_next(int (*next_byte)(void *context, unsigned char *byte), void *context,
                         void (*push_back)(void *context, unsigned char byte), int *status) {
    unsigned char lead;
    int read_status = next_byte(context, &lead);
    *status = read_status;
    if (read_status != 1) return 0;
    if (lead < 0x80) return lead;
    // Unicode 15, table 3-7: the well-formed UTF-8 byte sequences. Over-long forms, surrogates, code
    // points past U+10FFFF and stray continuation bytes are each one U+FFFD.
    int length;
    unsigned char low = 0x80, high = 0xBF;
    uint32_t scalar;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        scalar = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        scalar = lead & 0x0F;
        if (lead == 0xE0) low = 0xA0;
        if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        scalar = lead & 0x07;
        if (lead == 0xF0) low = 0x90;
        if (lead == 0xF4) high = 0x8F;
    } else {
        return 0xFFFD;
    }
    for (int index = 1; index < length; index++) {
        unsigned char byte;
        int more = next_byte(context, &byte);
        if (more != 1) {
            // End of input or an error inside a sequence: the partial sequence is one U+FFFD, and the
            // error is reported on the next read.
            return 0xFFFD;
        }
        if (byte < low || byte > high) {
            push_back(context, byte);  // it may start the next character
            return 0xFFFD;
        }
        low = 0x80;
        high = 0xBF;
        scalar = (scalar << 6) | (byte & 0x3F);
    }
    return scalar;
}

static int els_stdin_byte(void *context, unsigned char *byte) {
    (void)context;
    return els_read_byte(byte);
}

static void els_stdin_push_back(void *context, unsigned char byte) {
    (void)context;
    if (els_pushed_back_count < (int)sizeof els_pushed_back) els_pushed_back[els_pushed_back_count++] = byte;
}

int els_is_displayable(uint32_t scalar) {
    if (scalar < 0xA0) return scalar >= 0x20 && scalar < 0x7F;
    return iswprint((wint_t)scalar) != 0;
}

uint32_t els_shown(uint32_t scalar) {
    int control = scalar < 0x20 || scalar == 0x7F;
    return control || els_is_displayable(scalar) ? scalar : 0xFFFD;
}

/// The EL_GETCFN reader. libedit's own reader passes malformed UTF-8, C1 controls and characters it
/// cannot display to its redisplay, where each of them has crashed it; here they become U+FFFD, and
/// printable characters past the line limit are dropped with a bell.
static int els_getc(EditLine *el, wchar_t *out) {
    for (;;) {
        int status;
        uint32_t scalar = els_decode_next(els_stdin_byte, NULL, els_stdin_push_back, &status);
        if (status != 1) {
            *out = L'\0';
            return status;
        }
        scalar = els_shown(scalar);
        int control = scalar < 0x20 || scalar == 0x7F;
        if (!control && els_line_limit > 0) {
            const LineInfoW *line = el_wline(el);
            if (line != NULL && line->lastchar - line->buffer > els_line_limit) {
                els_dropped += 1;
                if (els_dropped == 1) {
                    fputs("\a", stdout);
                    fflush(stdout);
                }
                continue;
            }
        }
        *out = (wchar_t)scalar;
        return 1;
    }
}

int els_use_checked_reader(EditLine *el) { return el_set(el, EL_GETCFN, els_getc); }

// MARK: - Sanitizer settings

/// AddressSanitizer's defaults for every StepCare process built with it (scripts/sanitize, scripts/fuzz),
/// including the binaries the end-to-end tests start with an environment of their own: leak reports off,
/// because the caseload's SQLite connection is left to process exit by design (docs/fuzzing.md). Every
/// memory error still stops the process. Unused in an ordinary build.
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "detect_leaks=0"; }
