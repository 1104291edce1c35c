// See CEditLineShim.h. Each wrapper forwards to one variadic libedit call with fixed argument types.
#include "CEditLineShim.h"

#include <langinfo.h>
#include <locale.h>
#include <string.h>

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

static void els_ignore_signal(int signo) { (void)signo; }

int els_install_sigint_handler(struct sigaction *previous) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = els_ignore_signal;  // a handler, not SIG_IGN: the interrupted read must fail
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // deliberately no SA_RESTART, so read(2) inside el_gets returns EINTR
    return sigaction(SIGINT, &action, previous);
}

int els_restore_sigint_handler(const struct sigaction *previous) { return sigaction(SIGINT, previous, NULL); }
