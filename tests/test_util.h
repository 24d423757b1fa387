/* test_util.h: helpers shared by the tests. Include after dive.h.
   - counts (every test): each program ends with the one line "N passed, N failed, N
     skipped" that tests/run.sh totals (summary). A part of a test that cannot run here (no
     Vulkan device, DIVE_BACKEND in the environment choosing another backend, no dataset)
     counts its checks as skipped, never as passed and never silently absent (skip_part);
     under DIVE_REQUIRE_VULKAN=1 a Vulkan part that cannot run counts them as failed.
   - expect_backend: right after dive_ctx_create, the ctx is on the backend the test asked
     for (DIVE_BACKEND=cpu|vulkan overrides desc.backend), or the part is skipped.
   - file helpers for the file-level tests (test_faults, test_vkfaults, test_checkpoint):
     check(), the private folder, temp files (<dirent.h> first), whole-file read/write.
     A test with its own check() defines TEST_UTIL_COUNTS_ONLY before the include. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__GNUC__) || defined(__clang__)
#define TU_UNUSED __attribute__((unused))
#else
#define TU_UNUSED
#endif

static int g_pass, g_fail, g_skip;

/* DIVE_REQUIRE_VULKAN=1 (or any non-zero number): a Vulkan part that cannot run fails */
static TU_UNUSED int require_vulkan(void) {
  const char *r = getenv("DIVE_REQUIRE_VULKAN");
  return r && atoi(r) != 0;
}

/* the n checks (at least 1) of the part `what` cannot run here, because `why`: counted as
   skipped, or as failed when it is a Vulkan part (vulkan = 1) and DIVE_REQUIRE_VULKAN=1 */
static TU_UNUSED void skip_part(const char *what, int n, int vulkan, const char *why) {
  if (n < 1) n = 1;
  if (vulkan && require_vulkan()) {
    printf("FAIL  %s: %d check%s cannot run (DIVE_REQUIRE_VULKAN=1): %s\n", what, n, n == 1 ? "" : "s", why);
    g_fail += n;
  } else {
    printf("SKIP  %s: %d check%s not run: %s\n", what, n, n == 1 ? "" : "s", why);
    g_skip += n;
  }
}

/* A part that skip_part counts as `counted` checks when it cannot run has just run `ran`
   checks, all passed: the two must agree, or the skip count would be wrong. */
static TU_UNUSED void part_ran(const char *what, int ran, int counted) {
  if (ran == counted) return;
  printf("FAIL  %s ran %d checks but counts %d when it cannot run: update that count\n", what, ran, counted);
  g_fail++;
}

/* the last line; the exit code */
static TU_UNUSED int summary(void) {
  printf("%d passed, %d failed, %d skipped\n", g_pass, g_fail, g_skip);
  return g_fail ? 1 : 0;
}

static TU_UNUSED const char *backend_name(dive_backend b) {
  return b == DIVE_BACKEND_VULKAN ? "vulkan" : b == DIVE_BACKEND_CPU ? "cpu" : "auto";
}

/* Right after st = dive_ctx_create(ctx, desc) with desc.backend = want, for the part of a
   test named `where` that has n checks: 1 when *ctx runs on `want`. Otherwise 0 with *ctx
   destroyed and NULL: with no Vulkan device (DIVE_ERR_NO_DEVICE) or another backend than
   asked for (DIVE_BACKEND in the environment) the part's n checks go to skip_part; any
   other failure to make the ctx is one failed check. n = 0: the reason is printed (once
   per backend) and the caller counts the part itself. */
static TU_UNUSED int expect_backend(dive_status st, dive_ctx **ctx, dive_backend want, const char *where, int n) {
  static int told[3];
  const char *env = getenv("DIVE_BACKEND");
  char why[512];
  if (st == DIVE_OK && *ctx && dive_query_backend(*ctx) == want) return 1;
  if (st == DIVE_OK && *ctx) {
    snprintf(why, sizeof why, "asked for the %s backend, got %s (%s)%s%s", backend_name(want),
             backend_name(dive_query_backend(*ctx)), dive_query_device_name(*ctx),
             env ? ": the environment sets DIVE_BACKEND=" : "", env ? env : "");
    dive_ctx_destroy(*ctx);
  } else if (st == DIVE_ERR_NO_DEVICE) {
    snprintf(why, sizeof why, "no Vulkan device%s%s%s: %.400s", env ? " (the environment sets DIVE_BACKEND=" : "",
             env ? env : "", env ? ")" : "", dive_last_error());
  } else {
    printf("FAIL  %s: dive_ctx_create for the %s backend: %s: %s\n", where, backend_name(want),
           dive_status_str(st), dive_last_error());
    g_fail++;
    *ctx = NULL;
    return 0;
  }
  *ctx = NULL;
  if (n > 0) skip_part(where, n, want == DIVE_BACKEND_VULKAN, why);
  else if (!told[want == DIVE_BACKEND_VULKAN]++) printf("SKIP  %s: %s\n", where, why);
  return 0;
}

#ifndef TEST_UTIL_COUNTS_ONLY
static TU_UNUSED void check(int ok, const char *what, const char *detail) {
  printf("%-58s %s  %s\n", what, ok ? "OK  " : "FAIL", detail ? detail : "");
  if (ok) g_pass++; else g_fail++;
}
/* the test's private folder (made by the test), and paths inside it */
static char g_dir[64];
static TU_UNUSED void path(char *out, const char *name) { snprintf(out, 256, "%s/%s", g_dir, name); }

#ifdef _DIRENT_H
/* temp files a failed write left behind in g_dir (name.tmpPID) */
static TU_UNUSED int temp_files(void) {
  DIR *d = opendir(g_dir);
  struct dirent *e;
  int n = 0;
  while (d && (e = readdir(d))) n += strstr(e->d_name, ".tmp") != NULL;
  if (d) closedir(d);
  return n;
}
#endif

/* a whole file into a malloc'ed buffer (NULL if unreadable) */
static TU_UNUSED unsigned char *slurp(const char *p, long *n) {
  FILE *f = fopen(p, "rb");
  unsigned char *b = NULL;
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  *n = ftell(f);
  fseek(f, 0, SEEK_SET);
  b = (unsigned char *)malloc((size_t)*n + 1);
  if (fread(b, 1, (size_t)*n, f) != (size_t)*n) { free(b); b = NULL; }
  fclose(f);
  return b;
}
static TU_UNUSED void spit(const char *p, const unsigned char *b, long n) {
  FILE *f = fopen(p, "wb");
  if (f) { if (fwrite(b, 1, (size_t)n, f)) {} fclose(f); }
}
/* the file holds exactly these n bytes */
static TU_UNUSED int file_is(const char *p, const unsigned char *b, long n) {
  long m = 0;
  unsigned char *x = slurp(p, &m);
  int same = x && m == n && !memcmp(x, b, (size_t)n);
  free(x);
  return same;
}
#endif /* TEST_UTIL_COUNTS_ONLY */
