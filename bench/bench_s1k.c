/* bench_s1k.c - the two kernels of the stride-1 3x3 convs of 32-column images without
   shifted copies (dive__s1_pick, AVX-512; docs/perf-cpu.md): dive__s1_avx512 (the column
   shifts by valignd) against dive__s1u_avx512 (by unaligned loads, the rows outside the
   image skipped), switched by dive__s1k_mode in one binary and alternated, best of `reps`
   rounds by the process's CPU time (run it with OMP_NUM_THREADS=1). Per shape (C = K
   channels at 32x32): the kernel alone over one image held in cache (dive__s1_img, 50
   calls a round), then the conv at the given batch, forward and backward (din + dw: the
   backward-data of up to 16 channels runs the same kernel). The two kernels' outputs are
   first compared bit for bit (the bench refuses to time on a difference).
     make build/bench_s1k && OMP_NUM_THREADS=1 ./build/bench_s1k [batch [reps]] */
#define _POSIX_C_SOURCE 200809L
#define DIVE_IMPLEMENTATION
#include "../dive.h"
#include "bench_util.h"

int main(int argc, char **argv) {
  int N = argc > 1 ? atoi(argv[1]) : 64, reps = argc > 2 ? atoi(argv[2]) : 5, sh, v, it, k;
  static const int Cs[3] = {16, 32, 64};
  dive__ws ws = {NULL, 0};
  if (N < 1 || reps < 1) { fprintf(stderr, "usage: %s [batch >= 1 [reps >= 1]]\n", argv[0]); return 1; }
  if (dive__isa() != DIVE__ISA_AVX512) { printf("no AVX-512 path here (%s): nothing to compare\n", dive__isa_name(dive__isa())); return 0; }
  dive__wino_mode = 0; /* the direct convs */
  dive__s1_mode = 1;
  for (sh = 0; sh < 3; sh++) {
    dive__conv_p p;
    int64_t ni, nw;
    float *in, *w, *dout, *ap, *o[2], *oi[2], *di[2], *dw[2];
    uint16_t mk[3 * 64];
    double bk[2] = {1e30, 1e30}, bf[2] = {1e30, 1e30}, bb[2] = {1e30, 1e30}, fl;
    memset(&p, 0, sizeof p);
    p.N = N; p.C = p.K = Cs[sh]; p.H = p.W = p.P = p.Q = 32; p.R = p.S = 3; p.stride = 1; p.pad = 1; p.groups = 1;
    ni = (int64_t)N * p.C * 1024; nw = (int64_t)p.K * p.C * 9;
    in = fill_lcg(ni, 1); w = fill_lcg(nw, 2); dout = fill_lcg(ni, 3); ap = (float *)malloc(sizeof(float) * (size_t)nw);
    for (v = 0; v < 2; v++) {
      o[v] = fill_lcg(ni, 5); di[v] = fill_lcg(ni, 6); dw[v] = fill_lcg(nw, 7); oi[v] = fill_lcg(p.K * 1024, 8);
    }
    if (!in || !w || !dout || !ap || !o[1] || !di[1] || !dw[1] || !oi[1]) { fprintf(stderr, "out of memory\n"); return 1; }
    dive__pack_nn(ap, p.K, p.C * 9, w, p.C * 9, 1);
    dive__s1_masks(&p, mk);
    for (v = 0; v < 2; v++) {
      dive__s1k_mode = v;
      dive__s1_img(&p, ap, mk, in, 1024, oi[v]);
      conv_pass(&ws, &p, 0, o[v], in, w, NULL, NULL, NULL);
      conv_pass(&ws, &p, 3, NULL, in, w, di[v], dw[v], dout);
    }
    if (memcmp(oi[0], oi[1], sizeof(float) * (size_t)p.K * 1024) || memcmp(o[0], o[1], sizeof(float) * (size_t)ni) ||
        memcmp(di[0], di[1], sizeof(float) * (size_t)ni) || memcmp(dw[0], dw[1], sizeof(float) * (size_t)nw)) {
      fprintf(stderr, "C=%d: the two kernels differ: not timed\n", p.C);
      return 1;
    }
    for (it = 0; it < reps; it++)
      for (v = 0; v < 2; v++) {
        double t;
        dive__s1k_mode = v;
        t = cpu_sec();
        for (k = 0; k < 50; k++) dive__s1_img(&p, ap, mk, in, 1024, oi[v]);
        t = (cpu_sec() - t) / 50;
        if (t < bk[v]) bk[v] = t;
        t = conv_pass(&ws, &p, 0, o[v], in, w, NULL, NULL, NULL);
        if (t < bf[v]) bf[v] = t;
        t = conv_pass(&ws, &p, 3, NULL, in, w, di[v], dw[v], dout);
        if (t < bb[v]) bb[v] = t;
      }
    fl = 2.0 * p.K * p.C * 9 * 1024;
    printf("C=K=%d 32x32: one image in cache valignd %.1f us (%.0f GFLOP/s), loads %.1f us (%.0f) %.2fx; "
           "batch %d forward %.3f / %.3f ms %.2fx; backward %.3f / %.3f ms %.2fx\n",
           p.C, bk[0] * 1e6, fl / bk[0] * 1e-9, bk[1] * 1e6, fl / bk[1] * 1e-9, bk[0] / bk[1], N, bf[0] * 1e3,
           bf[1] * 1e3, bf[0] / bf[1], bb[0] * 1e3, bb[1] * 1e3, bb[0] / bb[1]);
    free(in); free(w); free(dout); free(ap);
    for (v = 0; v < 2; v++) { free(o[v]); free(di[v]); free(dw[v]); free(oi[v]); }
  }
  DIVE_FREE(ws.base);
  return 0;
}
