/* bench_util.h: what the model benchmarks share (bench_resnet, bench_zoo, bench_ops).
   Include after dive.h; the including file defines _POSIX_C_SOURCE 200809L first
   (clock_gettime under -std=c99).
   - CHECK(x): on an error status print it (with the ctx's message when `ctx` is set) and
     return 1 from main;
   - cpu_sec: the process's CPU time in seconds (all threads), for images per CPU-second;
   - cmp_d: qsort's comparison of doubles, for medians;
   - fill_lcg: n floats in [-1, 1) from a linear congruential sequence seeded by seed
     (malloc'd; NULL when out of memory), for the kernel benchmarks' operands. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define CHECK(x) do { dive_status s_ = (x); if (s_) { \
  fprintf(stderr, "error: %s: %s\n", dive_status_str(s_), ctx ? dive_ctx_error(ctx) : dive_last_error()); \
  return 1; } } while (0)

#if defined(__GNUC__) || defined(__clang__)
#define BU_UNUSED __attribute__((unused))
#else
#define BU_UNUSED
#endif

static BU_UNUSED double cpu_sec(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static BU_UNUSED int cmp_d(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static BU_UNUSED float *fill_lcg(int64_t n, unsigned seed) {
  float *p = (float *)malloc(sizeof(float) * (size_t)n);
  int64_t i;
  for (i = 0; p && i < n; i++) {
    seed = seed * 1664525u + 1013904223u;
    p[i] = (float)(seed >> 8) / 8388608.0f - 1.0f;
  }
  return p;
}
