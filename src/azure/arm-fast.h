/*
 * A page of computes read without building a json-c tree (issue 14): the
 * common shape of a page, read in place, gives the same structs as
 * arm_parse_computes()'s json-c reading; an element it does not take as
 * plain (escapes in a member it keeps, a repeated member, provisioning
 * errors, instance types, a number that is not a small integer) is read
 * by json-c on its own, and a page it does not take whole (anything that
 * is not strict JSON, a "value" that is not an array, a nextLink with
 * escapes) is left to json-c, which says what is wrong with it.
 * Internal to src/azure.
 */
#ifndef AKSWIZ_AZURE_ARM_FAST_H
#define AKSWIZ_AZURE_ARM_FAST_H

#include <stdbool.h>
#include <stddef.h>

#include "azure/arm.h"

/*
 * Append the page's computes to l and set *next (new, or NULL): true.
 * False when the page is left to json-c (l and *next as they were).
 */
bool	arm_fast_computes(const char *body, struct arm_compute_list *l,
	    char **next);
/* The same page read by json-c alone (arm-parse.c; tests compare). */
bool	arm_parse_computes_json(const char *body, struct arm_compute_list *,
	    char **next, struct err *);
/* One compute element's JSON text (len bytes) read by json-c (arm-parse.c). */
bool	arm_compute_from_text(const char *text, size_t len,
	    struct arm_compute *c);

#endif
