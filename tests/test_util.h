/* test_util.h: small helpers shared by the file-level tests (test_faults, test_vkfaults,
   test_checkpoint). Include after dive.h; <dirent.h> is needed for temp_files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__GNUC__) || defined(__clang__)
#define TU_UNUSED __attribute__((unused))
#else
#define TU_UNUSED
#endif

static int g_pass, g_fail;
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
