/*
 * The only place that includes curses: the wide-character ncurses API
 * (ncursesw), with _XOPEN_SOURCE_EXTENDED so that cchar_t, get_wch() and
 * addnwstr() exist.  Other layers never see WINDOW or cchar_t.
 */
#ifndef AKSWIZ_TUI_CURSES_H
#define AKSWIZ_TUI_CURSES_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <ncursesw/curses.h>

#endif
