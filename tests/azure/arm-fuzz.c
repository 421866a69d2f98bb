/*
 * A fuzz target for the parsers of service answers (arm-parse.c, and the
 * error and status bodies lro.c reads): every parser gets every input and
 * must neither crash nor leak.
 *
 * A libFuzzer build: tests/fuzz/local.mk; its corpus: tests/azure/data.
 *
 * Without it (make check), main() runs the target on the fixtures in
 * tests/azure/data cut at many lengths and with bytes replaced, so that
 * truncated and corrupted answers are exercised on every build.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "azure/arm.h"
#include "azure/lro.h"
#include "common/buf.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arm_subscription_list	 sl = { 0 };
	struct arm_group_list		 gl = { 0 };
	struct arm_workspace_list	 wl = { 0 };
	struct arm_compute_list		 cl = { 0 };
	struct arm_cluster_list		 kl = { 0 };
	struct arm_k8s_version_list	 vl = { 0 };
	struct arm_vm_size_list		 zl = { 0 };
	struct arm_usage_list		 ul = { 0 };
	struct arm_compute		 c;
	struct arm_cluster		 k;
	struct arm_workspace		 w;
	struct arm_extension		 x;
	struct err			 err;
	char				*s, *next, *kc, code[64], msg[512],
					 det[512];

	s = malloc(size + 1);
	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
#define LIST(fn, l) do { next = NULL; err_clear(&err); \
	(void)fn(s, l, &next, &err); free(next); } while (0)
	LIST(arm_parse_subscriptions, &sl);
	LIST(arm_parse_groups, &gl);
	LIST(arm_parse_workspaces, &wl);
	LIST(arm_parse_computes, &cl);
	LIST(arm_parse_clusters, &kl);
	LIST(arm_parse_usages, &ul);
#undef LIST
	(void)arm_parse_k8s_versions(s, &vl, &err);
	(void)arm_parse_orchestrators(s, &vl, &err);
	(void)arm_parse_vm_sizes(s, &zl, &err);
	if (arm_parse_compute(s, &c, &err))
		arm_compute_done(&c);
	if (arm_parse_cluster(s, &k, &err))
		arm_cluster_done(&k);
	if (arm_parse_workspace(s, &w, &err))
		arm_workspace_done(&w);
	if (arm_parse_extension(s, &x, &err)) {
		free(arm_extension_problem(&x));
		(void)arm_extension_lb_type(&x);
		(void)arm_extension_ssl_status(&x);
		arm_extension_done(&x);
	}
	if (arm_parse_credentials(s, &kc, &err))
		free(kc);
	(void)lro_error_from_json(s, code, sizeof code, msg, sizeof msg, det,
	    sizeof det);
	arm_subscription_list_free(&sl);
	arm_group_list_free(&gl);
	arm_workspace_list_free(&wl);
	arm_compute_list_free(&cl);
	arm_cluster_list_free(&kl);
	arm_k8s_version_list_free(&vl);
	arm_vm_size_list_free(&zl);
	arm_usage_list_free(&ul);
	free(s);
	return 0;
}

#ifndef AKSWIZ_LIBFUZZER
#include "tests/tap.h"

static char *
fixture(const char *name, size_t *len)
{
	const char	*dir = getenv("top_srcdir");
	char		 path[1024], chunk[4096];
	struct buf	 b;
	size_t		 n;
	FILE		*fp;

	snprintf(path, sizeof path, "%s/tests/azure/data/%s",
	    dir != NULL ? dir : TOP_SRCDIR, name);
	if ((fp = fopen(path, "r")) == NULL) {
		printf("Bail out! cannot open %s\n", path);
		exit(1);
	}
	buf_init(&b, 0);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&b, chunk, n);
	fclose(fp);
	*len = b.len;
	return buf_take(&b);
}

int
main(void)
{
	static const char *names[] = {
		"compute-list.json", "compute-get-aks.json", "cluster-get.json",
		"cluster-list.json", "k8s-versions.json", "orchestrators.json",
		"vm-sizes.json", "usages.json", "credentials.json",
		"compute-get-kubernetes.json", "extension-get.json",
		"extension-failed.json",
	};
	static const char repl[] = "\"{}[],:0\\x";
	size_t	 i, len, cut, pos, runs;
	char	*body, *copy;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		body = fixture(names[i], &len);
		copy = malloc(len + 1);
		runs = 0;
		/* Cut short at many lengths: truncated answers. */
		for (cut = 0; cut <= len; cut += 1 + len / 60, runs++)
			LLVMFuzzerTestOneInput((const uint8_t *)body, cut);
		/* One byte replaced at many places: corrupted answers. */
		for (pos = 0; pos < len; pos += 1 + len / 40) {
			memcpy(copy, body, len);
			copy[pos] = repl[pos % (sizeof repl - 1)];
			LLVMFuzzerTestOneInput((const uint8_t *)copy, len);
			runs++;
		}
		ok(1, "%s: %zu cut and corrupted versions parsed without a "
		    "crash", names[i], runs);
		free(copy);
		free(body);
	}
	return tap_done();
}
#endif
