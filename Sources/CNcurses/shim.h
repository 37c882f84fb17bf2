#ifndef MADO_CNCURSES_SHIM_H
#define MADO_CNCURSES_SHIM_H
// Wide-character API (cchar_t, setcchar, mvadd_wch, get_wch) needs this before curses.h.
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <signal.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Swift 6 strict concurrency rejects C globals, and function-like macros are not imported:
// reach them through these functions.
static inline WINDOW *mado_stdscr(void) { return stdscr; }
static inline int mado_cols(void) { return COLS; }
static inline int mado_lines(void) { return LINES; }
static inline int mado_colors(void) { return COLORS; }
static inline int mado_color_pairs(void) { return COLOR_PAIRS; }
// glibc's wcwidth is declared only under _XOPEN_SOURCE; ncurses moves its cursor by it.
extern int wcwidth(wchar_t c);
static inline int mado_wcwidth(wchar_t c) { return wcwidth(c); }
static inline attr_t mado_a_bold(void) { return A_BOLD; }
static inline attr_t mado_a_dim(void) { return A_DIM; }
static inline attr_t mado_a_underline(void) { return A_UNDERLINE; }
static inline attr_t mado_a_reverse(void) { return A_REVERSE; }
static inline attr_t mado_a_normal(void) { return A_NORMAL; }

// SIGTERM, SIGHUP (a dropped SSH connection) and SIGINT only set a flag; the main loop, woken by
// get_wch's timeout, restores the terminal and exits.
static volatile sig_atomic_t mado_signal_received = 0;
static void mado_on_signal(int sig) { mado_signal_received = sig; }
static inline void mado_install_signal_handlers(void) {
    struct sigaction sa;
    sa.sa_handler = mado_on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sigaction(SIGTERM, &sa, 0);
    sigaction(SIGHUP, &sa, 0);
    sigaction(SIGINT, &sa, 0);
    // A parent may have started us with these blocked (signal masks are inherited): unblock them, or a
    // resize or a dropped connection would go unnoticed.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGWINCH);
    sigaddset(&set, SIGTSTP);
    sigaddset(&set, SIGCONT);
    sigprocmask(SIG_UNBLOCK, &set, 0);
}
// Ctrl-Z arrives as a key in raw mode: stop the whole job as the shell expects, with the default action
// (ncurses' own SIGTSTP handler is not installed in raw mode). Returns when the shell continues us.
static inline void mado_stop_job(void) {
    struct sigaction dfl, old;
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    dfl.sa_flags = 0;
    sigaction(SIGTSTP, &dfl, &old);
    // Started with job control off (SIGTSTP ignored): nobody could continue us, so do not stop.
    if (old.sa_handler != SIG_IGN) kill(0, SIGTSTP);
    sigaction(SIGTSTP, &old, 0);      // whatever was there before (ncurses' handler, or ignored) again
}
static inline int mado_take_signal(void) { int s = mado_signal_received; mado_signal_received = 0; return s; }

// Before initscr, which would exit the process on a TERM terminfo does not know: 0 when the terminal can be
// driven, 1 when terminfo does not know it, 2 when it cannot move the cursor. Writes nothing to the terminal.
#include <unistd.h>
#include <ncursesw/term.h>
static inline int mado_check_terminal(void) {
    int err = 0;
    if (setupterm(0, STDOUT_FILENO, &err) != OK) return 1;
    const char *cup = tigetstr("cup");
    int usable = cup != 0 && cup != (const char *)-1;
    del_curterm(cur_term);
    return usable ? 0 : 2;
}
#endif
