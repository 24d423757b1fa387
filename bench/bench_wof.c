/* bench_wof.c - Winograd F(2x2) at ResNet-32's 16x16 and 8x8 images (dive__wof_mode;
   docs/perf-cpu.md): mode 0 the transforms as before, bit 0 the output rows of 16 and 8
   floats made in registers (dive__wo16_avx512) instead of through the row buffer, bit 1 the
   16x16 input planes two rows a store. Modes 0 / 1, 1 / 3 and 0 / 3 for the 3x3 convs of
   32 channels at 16x16 and 64 at 8x8 over a batch, the forward (Winograd by the rule) and
   the backward (din + dw), each by conv_ab (16 alternations, best of each by the process's
   CPU time; run it with OMP_NUM_THREADS=1). Modes 0 and 3's outputs are first compared bit
   for bit (the bench refuses to time on a difference); those run with the 16x16 input planes
   (dive__wif_mode 1). Then dive__wif_mode 0 / 3 (the input planes and transform in one pass,
   8x8 and 16x16), the forward, after the same bit check.
     make build/bench_wof && OMP_NUM_THREADS=1 ./build/bench_wof [batch] */
#define _POSIX_C_SOURCE 200809L
#define DIVE_IMPLEMENTATION
#include "../dive.h"
#include "bench_util.h"

int main(int argc, char **argv) {
  static const int shapes[][2] = {{32, 16}, {64, 8}};
  int N = argc > 1 ? atoi(argv[1]) : 128, k, m, pass;
  dive__ws ws = {NULL, 0};
  if (N < 1) { fprintf(stderr, "usage: %s [batch >= 1]\n", argv[0]); return 1; }
  if (dive__isa() != DIVE__ISA_AVX512) { printf("no AVX-512 path here (%s): nothing to compare\n", dive__isa_name(dive__isa())); return 0; }
  printf("threads %d, batch %d, CPU time, best of 15 alternations of dive__wof_mode\n", dive__nthreads(), N);
  for (k = 0; k < 2; k++) {
    dive__conv_p p;
    int64_t ni, nw;
    float *in, *w, *dout, *o[2], *di[2], *dw[2];
    int c0 = dive__wof_calls;
    dive__wif_mode = 1; /* the 16x16 planes: the paths dive__wof_mode switches */
    memset(&p, 0, sizeof p);
    p.N = N; p.C = p.K = shapes[k][0]; p.H = p.W = p.P = p.Q = shapes[k][1]; p.R = p.S = 3; p.stride = 1; p.pad = 1;
    p.groups = 1;
    ni = (int64_t)N * p.C * p.H * p.W; nw = (int64_t)p.K * p.C * 9;
    in = fill_lcg(ni, 1); w = fill_lcg(nw, 2); dout = fill_lcg(ni, 3);
    for (m = 0; m < 2; m++) { o[m] = fill_lcg(ni, 5); di[m] = fill_lcg(ni, 6); dw[m] = fill_lcg(nw, 7); }
    if (!in || !w || !dout || !o[1] || !di[1] || !dw[1]) { fprintf(stderr, "out of memory\n"); return 1; }
    for (m = 0; m < 2; m++) {
      dive__wof_mode = 3 * m;
      conv_pass(&ws, &p, 0, o[m], in, w, NULL, NULL, NULL);
      conv_pass(&ws, &p, 3, NULL, in, w, di[m], dw[m], dout);
    }
    if (memcmp(o[0], o[1], sizeof(float) * (size_t)ni) || memcmp(di[0], di[1], sizeof(float) * (size_t)ni) ||
        memcmp(dw[0], dw[1], sizeof(float) * (size_t)nw)) {
      fprintf(stderr, "C=%d %dx%d: the two modes differ: not timed\n", p.C, p.H, p.W);
      return 1;
    }
    printf("C=K=%d %dx%d (%d transforms by registers on this thread)\n", p.C, p.H, p.W, dive__wof_calls - c0);
    { /* the input side in one pass (dive__wif_mode): the same bits, then 0 / 3 */
      static const int wab[2] = {0, 3};
      double b[2];
      int c1 = dive__wif_calls;
      for (m = 0; m < 2; m++) {
        dive__wif_mode = wab[m];
        conv_pass(&ws, &p, 0, o[m], in, w, NULL, NULL, NULL);
      }
      if (memcmp(o[0], o[1], sizeof(float) * (size_t)ni)) {
        fprintf(stderr, "C=%d %dx%d: dive__wif_mode 0 and 3 differ: not timed\n", p.C, p.H, p.W);
        return 1;
      }
      if (conv_ab(&p, 0, &dive__wif_mode, wab, b)) { fprintf(stderr, "out of memory\n"); return 1; }
      printf("  forward  wif 0 %.3f ms, wif 3 %.3f ms, %.3fx (%d channels in one pass)\n", b[0] * 1e3, b[1] * 1e3,
             b[0] / b[1], dive__wif_calls - c1);
      dive__wif_mode = 1;
    }
    for (pass = 0; pass <= 3; pass += 3) {
      static const int ab[3][2] = {{0, 1}, {1, 3}, {0, 3}};
      int i;
      for (i = 0; i < 3; i++) {
        double b[2];
        if (conv_ab(&p, pass, &dive__wof_mode, ab[i], b)) { fprintf(stderr, "out of memory\n"); return 1; }
        printf("  %-8s mode %d %.3f ms, mode %d %.3f ms, %.3fx\n", pass ? "backward" : "forward", ab[i][0],
               b[0] * 1e3, ab[i][1], b[1] * 1e3, b[0] / b[1]);
      }
    }
    free(in); free(w); free(dout);
    for (m = 0; m < 2; m++) { free(o[m]); free(di[m]); free(dw[m]); }
  }
  dive__wof_mode = 3;
  dive__wif_mode = 3;
  DIVE_FREE(ws.base);
  return 0;
}
