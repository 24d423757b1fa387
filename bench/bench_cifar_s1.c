/* bench_cifar_s1.c - the stride-1 3x3 convs of 32-column images with and without their
   shifted copies (dive__s1_pick, AVX-512; docs/perf-cpu.md, "Without the copies"). Per
   shape (C = K channels at 32x32), alternating in one binary (dive__s1_mode 0 / 1), best
   of `reps` rounds by the process's CPU time (run it with OMP_NUM_THREADS=1 on a shared
   machine): the forward alone, and the backward with din and dw in one call (as the model
   runs it). Both ways are first compared bit for bit at the given batch (the bench refuses
   to time on a difference), the forward also with dive__ref_conv2d_fwd.
     make build/bench_cifar_s1 && OMP_NUM_THREADS=1 ./build/bench_cifar_s1 [batch [reps]] */
#define _POSIX_C_SOURCE 200809L
#define DIVE_IMPLEMENTATION
#include "../dive.h"
#include "bench_util.h"

int main(int argc, char **argv) {
  int N = argc > 1 ? atoi(argv[1]) : 128, reps = argc > 2 ? atoi(argv[2]) : 5, sh, v, it;
  static const int Cs[3] = {16, 32, 64};
  dive__ws ws = {NULL, 0};
  if (N < 1 || reps < 1) { fprintf(stderr, "usage: %s [batch >= 1 [reps >= 1]]\n", argv[0]); return 1; }
  if (dive__isa() != DIVE__ISA_AVX512) { printf("no AVX-512 path here (%s): nothing to compare\n", dive__isa_name(dive__isa())); return 0; }
  dive__wino_mode = 0; /* the direct convs */
  for (sh = 0; sh < 3; sh++) {
    dive__conv_p p;
    int64_t ni, nw, i;
    float *in, *w, *dout, *o[2], *di[2], *dw[2], *ro;
    double bf[2] = {1e30, 1e30}, bb[2] = {1e30, 1e30}, fl, num = 0, den = 0;
    memset(&p, 0, sizeof p);
    p.N = N; p.C = p.K = Cs[sh]; p.H = p.W = p.P = p.Q = 32; p.R = p.S = 3; p.stride = 1; p.pad = 1; p.groups = 1;
    ni = (int64_t)N * p.C * 1024; nw = (int64_t)p.K * p.C * 9;
    in = fill_lcg(ni, 1); w = fill_lcg(nw, 2); dout = fill_lcg(ni, 3); ro = fill_lcg(ni, 4);
    for (v = 0; v < 2; v++) { o[v] = fill_lcg(ni, 5); di[v] = fill_lcg(ni, 6); dw[v] = fill_lcg(nw, 7); }
    if (!in || !w || !dout || !ro || !o[1] || !di[1] || !dw[1]) { fprintf(stderr, "out of memory\n"); return 1; }
    for (v = 0; v < 2; v++) {
      dive__s1_mode = v;
      conv_pass(&ws, &p, 0, o[v], in, w, NULL, NULL, NULL);
      conv_pass(&ws, &p, 3, NULL, in, w, di[v], dw[v], dout);
    }
    dive__ref_conv2d_fwd(&p, ro, in, w, NULL);
    for (i = 0; i < ni; i++) { num += (o[1][i] - ro[i]) * (o[1][i] - ro[i]); den += ro[i] * ro[i]; }
    if (memcmp(o[0], o[1], sizeof(float) * (size_t)ni) || memcmp(di[0], di[1], sizeof(float) * (size_t)ni) ||
        memcmp(dw[0], dw[1], sizeof(float) * (size_t)nw) || !(num <= 1e-10 * den)) {
      fprintf(stderr, "C=%d: the two ways differ (or the forward from the reference: %.1e): not timed\n", p.C,
              sqrt(num / den));
      return 1;
    }
    for (it = 0; it < reps; it++)
      for (v = 0; v < 2; v++) {
        double t;
        dive__s1_mode = v;
        t = conv_pass(&ws, &p, 0, o[v], in, w, NULL, NULL, NULL);
        if (t < bf[v]) bf[v] = t;
        t = conv_pass(&ws, &p, 3, NULL, in, w, di[v], dw[v], dout);
        if (t < bb[v]) bb[v] = t;
      }
    fl = 2.0 * N * p.K * p.C * 9 * 1024;
    printf("C=K=%d 32x32 batch %d: forward copies %.3f ms (%.0f GFLOP/s), without %.3f ms (%.0f) %.2fx; "
           "backward (din + dw) copies %.3f ms (%.0f), one copy %.3f ms (%.0f) %.2fx\n",
           p.C, N, bf[0] * 1e3, fl / bf[0] * 1e-9, bf[1] * 1e3, fl / bf[1] * 1e-9, bf[0] / bf[1], bb[0] * 1e3,
           2 * fl / bb[0] * 1e-9, bb[1] * 1e3, 2 * fl / bb[1] * 1e-9, bb[0] / bb[1]);
    free(in); free(w); free(dout); free(ro);
    for (v = 0; v < 2; v++) { free(o[v]); free(di[v]); free(dw[v]); }
  }
  DIVE_FREE(ws.base);
  return 0;
}
