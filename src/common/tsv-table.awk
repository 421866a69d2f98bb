# What the generators that turn a tab-separated data file into a C table
# share (src/core/vmcatalogue-gen.awk, src/sandbox/apiversions-gen.awk):
# loaded first with awk -f, it skips blank lines, stops the build on a
# malformed line (fail) and on an empty table, and closes the table.  The
# generator sets TSV_NAME (the file, for messages) and TSV_EMPTY (what an
# empty table lacks), counts its rows in n, and calls tsv_fields(N) and
# tsv_close(ARRAY) at its END.
function fail(why) {
	printf "%s: %s: %s\n", TSV_NAME, why, $0 > "/dev/stderr"
	failed = 1
	exit 1
}
function tsv_fields(count) {
	if (NF != count)
		fail("expected " count " tab-separated fields, found " NF)
}
function tsv_close(array) {
	print "\t};"
	print ""
	print "\t*n = sizeof " array " / sizeof " array "[0];"
	print "\treturn " array ";"
	print "}"
}
/^[ \t]*$/ { next }
END {
	if (failed)
		exit 1
	if (n == 0) {
		printf "%s: no %s\n", TSV_NAME, TSV_EMPTY > "/dev/stderr"
		exit 1
	}
}
