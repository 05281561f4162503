#ifndef GLOVEBOX_CNCURSESW_SHIM_H
#define GLOVEBOX_CNCURSESW_SHIM_H
// Wide-character ncurses for Swift. NCURSES_WIDECHAR must be set before the header so that
// cchar_t, setcchar and mvadd_wch are declared. Macros and globals Swift cannot see are wrapped
// below as static inline functions (Swift 6 rejects the shared mutable globals stdscr/LINES/COLS).
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

static inline WINDOW *gb_stdscr(void) { return stdscr; }
static inline int gb_lines(void) { return LINES; }
static inline int gb_cols(void) { return COLS; }
static inline int gb_colors(void) { return COLORS; }
static inline int gb_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t gb_a_bold(void) { return A_BOLD; }
static inline attr_t gb_a_dim(void) { return A_DIM; }
static inline attr_t gb_a_underline(void) { return A_UNDERLINE; }
static inline attr_t gb_a_reverse(void) { return A_REVERSE; }
static inline attr_t gb_a_italic(void) { return A_ITALIC; }
static inline attr_t gb_a_normal(void) { return A_NORMAL; }
static inline int gb_key_f(int n) { return KEY_F(n); }
static inline int gb_err(void) { return ERR; }
static inline int gb_ok(void) { return OK; }

static inline int gb_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int gb_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline int gb_key_code_yes(void) { return KEY_CODE_YES; }
static inline int gb_key_resize(void) { return KEY_RESIZE; }
/// setcchar with the colour pair passed through `opts` (an int), so pairs above 32767 work.
static inline int gb_setcchar_extended(cchar_t *out, const wchar_t *text, attr_t attrs, int pair) {
  return setcchar(out, text, attrs, 0, &pair);
}

#endif
