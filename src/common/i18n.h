/*
 * Translation macros: _() at run time, N_() in tables, P_() for plurals.
 * Never use them for machine output (-o json, plans, exit statuses, logs).
 */
#ifndef AKSWIZ_COMMON_I18N_H
#define AKSWIZ_COMMON_I18N_H

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s)		gettext(s)
#define P_(s, p, n)	ngettext((s), (p), (n))
#else
#define _(s)		((char *)(s))
#define P_(s, p, n)	((n) == 1 ? (char *)(s) : (char *)(p))
#endif
#define N_(s)		(s)

/* _() as a function, for callbacks (verdict_render_with). */
static inline const char *
i18n_text(const char *s)
{
	return _(s);
}

#endif
