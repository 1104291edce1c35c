// Non-variadic wrappers around libedit's <histedit.h> API for Swift.
//
// el_set, el_get and history are C variadic functions, which Swift imports as unavailable, so each
// operation StepCare needs gets a fixed-signature wrapper here. The standard streams are also referenced
// from C only, because Swift 6 rejects Glibc's `stdin`/`stdout`/`stderr` globals as not concurrency-safe.
#ifndef CEDITLINESHIM_H
#define CEDITLINESHIM_H

#include <signal.h>
#include <stdio.h>
#include <histedit.h>

/// Prompt callback type for EL_PROMPT.
typedef char *_Nullable (*els_prompt_fn)(EditLine *_Nullable);
/// Editor function type for EL_ADDFN; returns one of the CC_* codes.
typedef unsigned char (*els_command_fn)(EditLine *_Nullable, int);

/// Prepares the C locale for multibyte input (if the process still uses "C") and calls
/// el_init on stdin/stdout/stderr.
EditLine *_Nullable els_init(const char *_Nonnull program);
int els_set_prompt(EditLine *_Nonnull el, els_prompt_fn _Nonnull fn);
int els_set_editor(EditLine *_Nonnull el, const char *_Nonnull mode);
int els_set_signal(EditLine *_Nonnull el, int on);
/// Puts the terminal into editing mode now (EL_PREP_TERM), before el_gets prints the prompt.
int els_prepare_terminal(EditLine *_Nonnull el);
int els_set_history(EditLine *_Nonnull el, History *_Nonnull h);
int els_add_function(EditLine *_Nonnull el, const char *_Nonnull name, const char *_Nonnull help,
                     els_command_fn _Nonnull fn);
int els_bind(EditLine *_Nonnull el, const char *_Nonnull key, const char *_Nonnull command);
int els_set_clientdata(EditLine *_Nonnull el, void *_Nullable data);
void *_Nullable els_get_clientdata(EditLine *_Nonnull el);
/// Terminal width in columns as libedit knows it (tracks SIGWINCH); 80 if unknown.
int els_columns(EditLine *_Nonnull el);
/// Length of the text before the cursor, in bytes, and a pointer to its start (el_line).
const char *_Nullable els_text_before_cursor(EditLine *_Nonnull el, size_t *_Nonnull length);
/// Writes `text` to stdout and flushes, for output produced around libedit (completion lists, newlines).
void els_write_stdout(const char *_Nonnull text);

int elh_set_size(History *_Nonnull h, int size);
int elh_set_unique(History *_Nonnull h, int unique);
int elh_enter(History *_Nonnull h, const char *_Nonnull line);
int elh_load(History *_Nonnull h, const char *_Nonnull path);
int elh_save_fp(History *_Nonnull h, FILE *_Nonnull file);

/// Installs a no-op SIGINT handler without SA_RESTART, so Ctrl-C makes el_gets return NULL with errno
/// EINTR (the current line is cancelled) instead of terminating the process. The handler it replaces is
/// stored in `previous` for els_restore_sigint_handler. Returns 0, or -1 with errno set.
int els_install_sigint_handler(struct sigaction *_Nonnull previous);
/// Puts back the SIGINT handler saved by els_install_sigint_handler.
int els_restore_sigint_handler(const struct sigaction *_Nonnull previous);

#endif
