/* Fuzz target: the operation journal's reader, on an entry file of any
 * content, and the writer's JSON of what it read. */
#include "config.h"

#include <stdlib.h>

#include "azure/journal.h"
#include "tests/fuzz/fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct journal_entry	 e;
	struct err		 err;
	char			*s;

	if (journal_read(fuzz_file("op.json", data, size), &e, &err)) {
		s = journal_to_json(&e);
		free(s);
	}
	journal_entry_done(&e);
	return 0;
}
