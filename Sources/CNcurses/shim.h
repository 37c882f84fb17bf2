#ifndef MADO_CNCURSES_SHIM_H
#define MADO_CNCURSES_SHIM_H
// Wide-character API (cchar_t, setcchar, mvadd_wch, get_wch) needs this before curses.h.
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Swift 6 strict concurrency rejects C globals; read them through functions.
static inline WINDOW *mado_stdscr(void) { return stdscr; }
static inline int mado_cols(void) { return COLS; }
static inline int mado_lines(void) { return LINES; }
static inline int mado_colors(void) { return COLORS; }
static inline int mado_color_pairs(void) { return COLOR_PAIRS; }
#endif
