# Turn data/api-versions.tsv (comments removed, sorted) into the C table
# of src/sandbox/apiversions-data.c (loaded after src/common/tsv-table.awk).
# A malformed line stops the build with the line and the reason, so a typo
# in the data cannot ship.
BEGIN {
	FS = "\t"
	TSV_NAME = "api-versions.tsv"
	TSV_EMPTY = "versions"
	n = 0
	print "/* Generated from data/api-versions.tsv by"
	print " * src/sandbox/apiversions-gen.awk; do not edit. */"
	print "#include \"config.h\""
	print "#include \"sandbox/apiversions.h\""
	print ""
	print "/* Every accepted api-version, by resource type and version. */"
	print "const struct sb_api_version *"
	print "apiv_data(size_t *n)"
	print "{"
	print "\tstatic const struct sb_api_version v[] = {"
}
{
	tsv_fields(3)
	if ($1 !~ /^Microsoft\.[A-Za-z]+\/[A-Za-z\/]+$/)
		fail("bad resource type")
	if ($2 !~ /^[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9](-preview)?$/)
		fail("bad api-version")
	if ($3 !~ /^(-|[0-9][0-9][0-9][0-9])$/)
		fail("era is not - or a year")
	if (($1 "\t" $2) in seen)
		fail("duplicate")
	seen[$1 "\t" $2] = 1
	printf "\t\t{ \"%s\", \"%s\", \"%s\" },\n", $1, $2, $3
	n++
}
END { tsv_close("v") }
