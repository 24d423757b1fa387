/* bench_util.h: what the model benchmarks share (bench_resnet, bench_zoo, bench_ops).
   Include after dive.h; the including file defines _POSIX_C_SOURCE 200809L first
   (clock_gettime under -std=c99).
   - CHECK(x): on an error status print it (with the ctx's message when `ctx` is set) and
     return 1 from main;
   - cpu_sec: the process's CPU time in seconds (all threads), for images per CPU-second;
   - cmp_d: qsort's comparison of doubles, for medians;
   - fill_lcg: n floats in [-1, 1) from a linear congruential sequence seeded by seed
     (malloc'd; NULL when out of memory), for the kernel benchmarks' operands;
   - with DIVE_IMPLEMENTATION (the kernel benchmarks, which reach dive.h's internals):
     conv_pass, one CPU conv pass timed by the process's CPU time, and conv_ab, the A/B of
     one conv pass over two settings of a mode switch (bench_1x1, bench_s2), and fma_peak,
     the register-loop FMA peak (gemm_openblas, fma_peak);
   - bu_fma_rate, that peak for any number of trips and threads (bench_resnet --share). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

/* The FMA peak: a register-only loop of 16 independent FMA chains per thread (enough to
   cover two FMA pipes of 4-cycle latency), in the widest vectors dive.h's kernels use on
   this CPU (AVX-512, else AVX2 + FMA). bu_fma_rate: GFLOP/s of nth threads (wide: 2
   AVX-512, 1 AVX2, 0 neither: 0 is returned, no peak is claimed), the median of reps runs
   of iters loop trips each, timed by `clock` (the wall clock, or cpu_sec: then the figure
   is per core, every thread's CPU time counted, and on one thread it leaves out the time
   other programs held the core). It needs nothing of dive.h's internals, so the model
   benchmarks that link dive.o use it too (bench_resnet --share). */
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
/* every chain starts from its own value: chains that start equal are one chain to the
   compiler, which then computes it once (gcc 12 kept 4 of 16, reading 4x the real peak) */
#define BU_PEAK_LOOP(V, SET, FMA, ADD)                                                    \
  V x = SET(1.0000001f), y = SET(0.9999999f);                                            \
  V a0 = SET(0.f), a1 = SET(1.f), a2 = SET(2.f), a3 = SET(3.f), a4 = SET(4.f);           \
  V a5 = SET(5.f), a6 = SET(6.f), a7 = SET(7.f), a8 = SET(8.f), a9 = SET(9.f);           \
  V aa = SET(10.f), ab = SET(11.f), ac = SET(12.f), ad = SET(13.f), ae = SET(14.f);      \
  V af = SET(15.f);                                                                      \
  long i;                                                                                \
  for (i = 0; i < iters; i++) {                                                          \
    a0 = FMA(a0, x, y); a1 = FMA(a1, x, y); a2 = FMA(a2, x, y); a3 = FMA(a3, x, y);      \
    a4 = FMA(a4, x, y); a5 = FMA(a5, x, y); a6 = FMA(a6, x, y); a7 = FMA(a7, x, y);      \
    a8 = FMA(a8, x, y); a9 = FMA(a9, x, y); aa = FMA(aa, x, y); ab = FMA(ab, x, y);      \
    ac = FMA(ac, x, y); ad = FMA(ad, x, y); ae = FMA(ae, x, y); af = FMA(af, x, y);      \
  }                                                                                      \
  a0 = ADD(ADD(ADD(a0, a1), ADD(a2, a3)), ADD(ADD(a4, a5), ADD(a6, a7)));                \
  a8 = ADD(ADD(ADD(a8, a9), ADD(aa, ab)), ADD(ADD(ac, ad), ADD(ae, af)));                \
  a0 = ADD(a0, a8);
__attribute__((target("avx512f"))) static BU_UNUSED float bu_peak512(long iters) {
  BU_PEAK_LOOP(__m512, _mm512_set1_ps, _mm512_fmadd_ps, _mm512_add_ps)
  return _mm512_cvtss_f32(a0);
}
__attribute__((target("avx2,fma"))) static BU_UNUSED float bu_peak256(long iters) {
  BU_PEAK_LOOP(__m256, _mm256_set1_ps, _mm256_fmadd_ps, _mm256_add_ps)
  return _mm256_cvtss_f32(a0);
}
#undef BU_PEAK_LOOP
#endif
static BU_UNUSED double bu_fma_rate(double (*clock)(void), long iters, int reps, int wide, int nth) {
#if defined(__x86_64__) || defined(__i386__)
  double ts[16], t;
  float s = 0;
  int r;
  if (wide < 1 || wide > 2 || reps < 1 || reps > 16) return 0;
  s += wide == 2 ? bu_peak512(1000) : bu_peak256(1000);
  for (r = 0; r < reps; r++) { /* the median: other jobs share these cores at times */
    t = clock();
#ifdef _OPENMP
#pragma omp parallel num_threads(nth) reduction(+ : s)
#endif
    s += wide == 2 ? bu_peak512(iters) : bu_peak256(iters);
    ts[r] = clock() - t;
  }
  if (s == 1234.5f) printf(" "); /* keeps the sums live */
  qsort(ts, (size_t)reps, sizeof ts[0], cmp_d);
  return (double)iters * 16 * 2 * (wide == 2 ? 16 : 8) * nth / ts[reps / 2] * 1e-9;
#else
  (void)clock; (void)iters; (void)reps; (void)wide; (void)nth;
  return 0;
#endif
}
/* wide for bu_fma_rate from dive.h's kernel path name (dive_query_cpu_isa) */
static BU_UNUSED int bu_fma_wide(const char *isa) { return !strcmp(isa, "avx512") ? 2 : !strcmp(isa, "avx2"); }

#ifdef DIVE_IMPLEMENTATION
/* bu_fma_rate as gemm_openblas and fma_peak take it: all threads, five runs of 20M trips */
static BU_UNUSED double fma_peak(double (*clock)(void)) {
  return bu_fma_rate(clock, 20000000, 5, bu_fma_wide(dive_query_cpu_isa()), dive__nthreads());
}

/* One pass of the CPU conv p, in seconds of CPU time: pass 0 the forward (out from in, w);
   otherwise the backward of dout, with din when pass & 1 and the weight gradient into dw
   (zeroed first, outside the timing) when pass & 2. */
static BU_UNUSED double conv_pass(dive__ws *ws, const dive__conv_p *p, int pass, float *out, const float *in,
                                  const float *w, float *din, float *dw, const float *dout) {
  double t;
  if (pass & 2) memset(dw, 0, sizeof(float) * (size_t)((int64_t)p->K * (p->C / p->groups) * p->R * p->S));
  t = cpu_sec();
  if (pass) dive__cpu_conv2d_bwd_ws(ws, p, pass & 1 ? din : NULL, pass & 2 ? dw : NULL, NULL, dout, in, w, NULL);
  else dive__cpu_conv2d_fwd_ws(ws, p, out, in, w, NULL, NULL);
  return cpu_sec() - t;
}

/* The A/B of one conv pass (conv_pass's pass) over two settings of the int mode *var:
   operands drawn once, the two settings alternating 16 times (the first pair untimed),
   best[m] the fastest of mode[m] in seconds. Returns 0, or 1 when out of memory. */
static BU_UNUSED int conv_ab(const dive__conv_p *p, int pass, int *var, const int mode[2], double best[2]) {
  int64_t nin = (int64_t)p->N * p->C * p->H * p->W, nout = (int64_t)p->N * p->K * p->P * p->Q;
  int64_t nw = (int64_t)p->K * (p->C / p->groups) * p->R * p->S;
  float *in = fill_lcg(nin, 1), *w = fill_lcg(nw, 2), *out = fill_lcg(nout, 3), *din = fill_lcg(nin, 4);
  float *dw = fill_lcg(nw, 5);
  dive__ws ws;
  int r, m, rc = !in || !w || !out || !din || !dw;
  memset(&ws, 0, sizeof ws);
  best[0] = best[1] = 1e30;
  for (r = 0; !rc && r < 16; r++)
    for (m = 0; m < 2; m++) {
      double t;
      *var = mode[m];
      t = conv_pass(&ws, p, pass, out, in, w, din, dw, out); /* the backward reads out as dout */
      if (r > 0 && t < best[m]) best[m] = t;
    }
  free(in); free(w); free(out); free(din); free(dw);
  DIVE_FREE(ws.base);
  return rc;
}
#endif
