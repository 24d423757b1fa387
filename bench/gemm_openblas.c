/* gemm_openblas.c - the ResNet-32 conv shapes (batch 128): dive.h's conv kernels against
   OpenBLAS sgemm on the same GEMMs, and both against the FMA peak measured by a register-only
   loop. OpenBLAS gets the bare GEMM (im2col already done, batch folded into one call); dive.h
   is timed doing the whole conv (padding copies, output compaction included).
     make bench-gemm        (OMP_NUM_THREADS / OPENBLAS_NUM_THREADS: default all cores)
   Needs libopenblas-dev; OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE must be unset (the target
   unsets them). Not part of `make` or `make test`. On a shared machine:
     BENCH_CPU_TIME=1 OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 make bench-gemm */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#define DIVE_IMPLEMENTATION
#include "../dive.h"
#include <cblas.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include "bench_util.h" /* cmp_d, fma_peak */

/* BENCH_CPU_TIME=1: the process's CPU time instead of the wall clock. On one thread it
   leaves out the time other programs held the core (a shared machine); with more threads
   OpenMP's and OpenBLAS's spinning counts too. */
static double now(void) {
  static int cpu = -1;
  if (cpu < 0) cpu = getenv("BENCH_CPU_TIME") && atoi(getenv("BENCH_CPU_TIME")) == 1;
  if (cpu) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
  }
  return dive_time_sec();
}

static double best(double a, double b) { return a < b ? a : b; }

int main(void) {
  static const int shapes[][4] = {{16, 32, 16, 1}, {16, 32, 32, 2}, {32, 16, 32, 1},
                                  {32, 16, 64, 2}, {64, 8, 64, 1}};
  const int N = 128, reps = 5;
  double peak = fma_peak(now), sum_d = 0, sum_b = 0;
  size_t k;
  dive__ws ws = {NULL, 0};
  printf("threads %d, dive kernels %s, FMA peak %.0f GFLOP/s (AVX-512 register loop), %s time\n"
         "(dive.h runs Winograd where its rule picks it, DIVE_CPU_WINOGRAD=0 for none; GFLOP/s are\n"
         "the direct conv's multiply-adds either way)\n",
         dive__nthreads(), dive__isa_name(dive__isa()), peak, getenv("BENCH_CPU_TIME") ? "CPU" : "wall");
  printf("%-24s %-5s %14s %14s %8s %8s\n", "conv (batch 128)", "pass", "dive GFLOP/s",
         "openblas", "ratio", "%peak");
  for (k = 0; k < sizeof shapes / sizeof shapes[0]; k++) {
    int C = shapes[k][0], H = shapes[k][1], K = shapes[k][2], s = shapes[k][3], P = (H - 1) / s + 1;
    int CRS = C * 9, pass, r;
    long L = (long)N * P * P;
    dive__conv_p p;
    float *in = malloc(sizeof(float) * (size_t)N * C * H * H), *w = malloc(sizeof(float) * (size_t)K * CRS);
    float *out = malloc(sizeof(float) * (size_t)N * K * P * P), *din = malloc(sizeof(float) * (size_t)N * C * H * H);
    float *dw = calloc((size_t)K * CRS, sizeof(float)), *col = malloc(sizeof(float) * (size_t)CRS * L);
    float *o2 = malloc(sizeof(float) * (size_t)K * L);
    double fl = 2.0 * K * CRS * L;
    long i;
    for (i = 0; i < (long)N * C * H * H; i++) in[i] = (float)(i % 13) * 0.1f - 0.6f;
    for (i = 0; i < (long)K * CRS; i++) w[i] = (float)(i % 7) * 0.1f - 0.3f;
    for (i = 0; i < (long)N * K * P * P; i++) out[i] = (float)(i % 5) * 0.1f - 0.2f;
    for (i = 0; i < (long)CRS * L; i++) col[i] = (float)(i % 11) * 0.1f - 0.5f;
    for (i = 0; i < (long)K * L; i++) o2[i] = (float)(i % 3) * 0.1f - 0.1f;
    p.N = N; p.C = C; p.H = p.W = H; p.K = K; p.R = p.S = 3; p.P = p.Q = P;
    p.stride = s; p.pad = 1; p.groups = 1;
    for (pass = 0; pass < 3; pass++) {
      double td = 1e9, tb = 1e9, t;
      for (r = 0; r < reps + 1; r++) {
        t = now();
        if (pass == 0) dive__cpu_conv2d_fwd_ws(&ws, &p, out, in, w, NULL, NULL);
        else if (pass == 1) dive__cpu_conv2d_bwd_ws(&ws, &p, din, NULL, NULL, out, in, w, NULL);
        else dive__cpu_conv2d_bwd_ws(&ws, &p, NULL, dw, NULL, out, in, w, NULL);
        if (r) td = best(td, now() - t);
        t = now();
        if (pass == 0) /* out (K, L) = w (K, CRS) col (CRS, L) */
          cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, K, (int)L, CRS, 1.0f, w, CRS, col, (int)L, 0.0f, o2, (int)L);
        else if (pass == 1) /* col (CRS, L) = w^T dout (K, L) */
          cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, CRS, (int)L, K, 1.0f, w, CRS, o2, (int)L, 0.0f, col, (int)L);
        else /* dw (K, CRS) += dout (K, L) col^T */
          cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, K, CRS, (int)L, 1.0f, o2, (int)L, col, (int)L, 1.0f, dw, CRS);
        if (r) tb = best(tb, now() - t);
      }
      printf("C=%-3d H=W=%-3d K=%-3d s=%d  %-5s %14.1f %14.1f %7.2fx %7.0f%%\n", C, H, K, s,
             pass == 0 ? "fwd" : pass == 1 ? "dgrad" : "wgrad", fl / td * 1e-9, fl / tb * 1e-9,
             tb / td, peak > 0 ? 100.0 * fl / td * 1e-9 / peak : 0.0);
      sum_d += td; sum_b += tb;
    }
    free(in); free(w); free(out); free(din); free(dw); free(col); free(o2);
  }
  printf("all shapes, one of each: dive %.1f ms, openblas %.1f ms (GEMM only), ratio %.2fx\n",
         sum_d * 1e3, sum_b * 1e3, sum_b / sum_d);
  DIVE_FREE(ws.base);
  return 0;
}
