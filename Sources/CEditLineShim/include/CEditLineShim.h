// Non-variadic wrappers around libedit's <histedit.h> API for Swift.
//
// el_set, el_get and history are C variadic functions, which Swift imports as unavailable, so each
// operation StepCare needs gets a fixed-signature wrapper here. The standard streams are also referenced
// from C only, because Swift 6 rejects Glibc's `stdin`/`stdout`/`stderr` globals as not concurrency-safe.
#ifndef CEDITLINESHIM_H
#define CEDITLINESHIM_H

#include <signal.h>
#include <stdint.h>
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

/// Reads keys through StepCare's checked reader instead of libedit's: malformed UTF-8, C1 controls and
/// characters that cannot be displayed become U+FFFD, and printable characters beyond the line limit are
/// dropped (with one bell). Returns el_set's result.
int els_use_checked_reader(EditLine *_Nonnull el);
/// Sets the line limit in characters for the checked reader; the reader keeps one character past it, so a
/// caller can tell an over-long line from one exactly at the limit. 0 means no limit.
void els_set_line_limit(int characters);
/// How many characters the checked reader dropped since the last call, and resets the count.
int els_take_dropped(void);
/// Forgets a pending interrupt, pushed-back bytes and the dropped count, before a new line is read.
void els_reset_input(void);
/// Decodes one Unicode scalar from `next_byte` by the well-formed UTF-8 table; each malformed sequence is
/// U+FFFD, and a byte that ends one early is handed to `push_back`. `status` is next_byte's result for the
/// first byte (1, 0 at end, -1 on error); the result is meaningful when it is 1.
uint32_t els_decode_next(int (*_Nonnull next_byte)(void *_Nullable context, unsigned char *_Nonnull byte),
                         void *_Nullable context,
                         void (*_Nonnull push_back)(void *_Nullable context, unsigned char byte),
                         int *_Nonnull status);
/// Whether the terminal can show `scalar` as text in the current locale: printable ASCII, or iswprint.
int els_is_displayable(uint32_t scalar);
/// What the checked reader hands libedit for `scalar`: itself for a C0 control key or a displayable
/// character, U+FFFD for anything else (C1 controls, unassigned or unprintable characters).
uint32_t els_shown(uint32_t scalar);

#endif
