# Turn data/vm-sizes.tsv (sorted by name, comments removed) into the C
# table of src/core/vmcatalogue-data.c (loaded after
# src/common/tsv-table.awk).  A malformed line stops the build with the
# line and the reason, so a typo in the data cannot ship.
BEGIN {
	FS = "\t"
	TSV_NAME = "vm-sizes.tsv"
	TSV_EMPTY = "sizes"
	n = 0
	print "/* Generated from data/vm-sizes.tsv by src/core/vmcatalogue-gen.awk;"
	print " * do not edit. */"
	print "#include \"config.h\""
	print "#include \"core/vmcatalogue-data.h\""
	print ""
	print "/* Every size of the catalogue, sorted by name. */"
	print "const struct vm_size *"
	print "vm_catalogue_data(size_t *n)"
	print "{"
	print "\tstatic const struct vm_size sizes[] = {"
}
{
	tsv_fields(6)
	if ($1 !~ /^Standard_[A-Za-z0-9_]+$/)
		fail("bad size name")
	if ($1 in seen)
		fail("duplicate size")
	seen[$1] = 1
	if ($2 !~ /^[1-9][0-9]*$/)
		fail("vcpus is not a positive integer")
	if ($3 !~ /^[0-9]+(\.[0-9]+)?$/ || $3 + 0 <= 0)
		fail("memory_gb is not a positive number")
	if ($4 !~ /^standard[A-Za-z0-9_]+Family$/)
		fail("family is not a quota family name (standard...Family)")
	if ($5 !~ /^[0-9]+$/)
		fail("gpus is not a count")
	if ($6 != "0" && $6 != "1")
		fail("fpga is not 0 or 1")
	printf "\t\t{ \"%s\", %s, %s, \"%s\", %s, %s },\n", $1, $2, \
	    ($3 ~ /\./ ? $3 : $3 ".0"), $4, $5, ($6 == "1" ? "true" : "false")
	n++
}
END { tsv_close("sizes") }
