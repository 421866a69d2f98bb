/* Verdict lists (see verdict.h): fixed storage, no allocation. */
#include "config.h"
#include "core/verdict.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define PLAN_FIELD_ROW(id, path, flag) { path, flag },
static const struct {
	const char	*path;
	const char	*flag;
} plan_field_table[] = {
	PLAN_FIELDS(PLAN_FIELD_ROW)
};
#undef PLAN_FIELD_ROW

const char *
plan_field_path(enum plan_field f)
{
	return (unsigned)f < FIELD__COUNT ? plan_field_table[f].path : "";
}

const char *
plan_field_flag(enum plan_field f)
{
	return (unsigned)f < FIELD__COUNT ? plan_field_table[f].flag : NULL;
}

void
verdicts_init(struct verdicts *vs)
{
	vs->n = 0;
	vs->overflow = false;
}

struct verdict *
verdicts_add(struct verdicts *vs, enum plan_field field, enum severity sev,
    enum msg_id msg)
{
	/*
	 * A full list still hands out somewhere to write, so callers need
	 * no check; what lands in the scratch slot is dropped.
	 */
	static _Thread_local struct verdict scratch;
	struct verdict	*v;

	if (vs->n >= VERDICTS_MAX) {
		vs->overflow = true;
		v = &scratch;
	} else
		v = &vs->v[vs->n++];
	memset(v, 0, sizeof *v);
	v->field = field;
	v->severity = sev;
	v->msg = msg;
	return v;
}

void
verdict_arg(struct verdict *v, const char *fmt, ...)
{
	va_list	ap;

	if (v->nargs >= VERDICT_ARGS)
		return;
	va_start(ap, fmt);
	vsnprintf(v->args[v->nargs], VERDICT_ARG_LEN, fmt, ap);
	va_end(ap);
	v->nargs++;
}

/* An N_() text argument: remembered so that renderers can translate it. */
void
verdict_arg_text(struct verdict *v, const char *msgid)
{
	if (v->nargs < VERDICT_ARGS)
		v->text_args |= 1u << v->nargs;
	verdict_arg(v, "%s", msgid);
}

void
verdicts_merge(struct verdicts *dst, const struct verdicts *src)
{
	size_t	i;

	for (i = 0; i < src->n; i++) {
		struct verdict	*v = verdicts_add(dst, src->v[i].field,
		    src->v[i].severity, src->v[i].msg);

		*v = src->v[i];
	}
	if (src->overflow)
		dst->overflow = true;
}

size_t
verdicts_count(const struct verdicts *vs, enum severity sev)
{
	size_t	i, n = 0;

	for (i = 0; i < vs->n; i++)
		if (vs->v[i].severity == sev)
			n++;
	return n;
}

bool
verdicts_has_errors(const struct verdicts *vs)
{
	return verdicts_count(vs, SEV_ERROR) > 0;
}

const struct verdict *
verdicts_find(const struct verdicts *vs, enum plan_field field,
    enum severity min)
{
	size_t	i;

	for (i = 0; i < vs->n; i++)
		if (vs->v[i].field == field && vs->v[i].severity >= min)
			return &vs->v[i];
	return NULL;
}

bool
verdicts_has_msg(const struct verdicts *vs, enum msg_id msg)
{
	size_t	i;

	for (i = 0; i < vs->n; i++)
		if (vs->v[i].msg == msg)
			return true;
	return false;
}

int
verdict_render(const struct verdict *v, const char *format, char *buf,
    size_t len)
{
	return snprintf(buf, len, format, v->args[0], v->args[1], v->args[2],
	    v->args[3], v->args[4], v->args[5]);
}

/* verdict_render, with the text arguments translated. */
int
verdict_render_with(const struct verdict *v, const char *format,
    const char *(*translate)(const char *), char *buf, size_t len)
{
	const char	*a[VERDICT_ARGS];
	int		 i;

	for (i = 0; i < VERDICT_ARGS; i++)
		a[i] = translate != NULL && (v->text_args & (1u << i)) ?
		    translate(v->args[i]) : v->args[i];
	return snprintf(buf, len, format, a[0], a[1], a[2], a[3], a[4], a[5]);
}

const char *
severity_name(enum severity sev)
{
	switch (sev) {
	case SEV_INFO:
		return "info";
	case SEV_WARNING:
		return "warning";
	case SEV_ERROR:
		return "error";
	}
	return "error";
}
