/* Fuzz target: the plan reader (plan_json_parse) and, for what it
 * accepts, the writer and the checks, as `akswiz plan check` runs them. */
#include "config.h"

#include <stdlib.h>

#include "core/plan.h"
#include "core/rules.h"
#include "plan/plan-json.h"
#include "tests/fuzz/fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct plan	 p;
	struct err	 err;
	struct verdicts	 vs;
	struct plan_facts facts = { 0 };
	char		*out;

	if (!plan_json_parse((const char *)data, size, &p, &err))
		return 0;
	out = plan_json_write(&p);
	free(out);
	verdicts_init(&vs);
	plan_check(&p, &facts, &vs);
	return 0;
}
