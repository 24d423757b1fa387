/* bench_cifar_dw.c - backward-weights at ResNet-32's conv shapes, the measurement behind the
   Intel section of docs/perf-cpu.md. Per shape, alternating, best of `reps` rounds, by the
   process's CPU time (run it with OMP_NUM_THREADS=1 on a shared machine):
     bwd-data   the conv backward for din alone
     both       din and dw in one call, as the model runs it (the stride-1 convs share
                backward-data's shifted copies of dout with backward-weights, "shared")
     dw         both - bwd-data: what backward-weights adds in the model's call
     dw NT      dw alone by the NT kernel (dive__dwnn_mode = 0)
     dw NN      dw alone as NN GEMMs over the pixels (dive__dwnn_chunk, dive__dwnn_mode = 1)
   GFLOP/s count backward-weights' multiply-adds (2 N K C 9 P Q). Every variant's dw is first
   compared with dive__ref_conv2d_bwd at batch 4 (the bench refuses to time on a mismatch).
   Then the NT micro-kernel alone, one 4 x 6 tile with its operands in L1 (64-byte aligned),
   at the column counts the shapes give it.
     make build/bench_cifar_dw && OMP_NUM_THREADS=1 ./build/bench_cifar_dw [batch [reps]] */
#define _POSIX_C_SOURCE 200809L
#define DIVE_IMPLEMENTATION
#include "../dive.h"
#include "bench_util.h"

/* fill_lcg's values 64-byte aligned, as the model's tensors and copies are (malloc's blocks
   lie 16 bytes off a line, which split every load of the NT kernel in L1 below) */
static float *fill_al(int64_t n, unsigned seed) {
  void *q = NULL;
  float *f = fill_lcg(n, seed);
  if (!f || posix_memalign(&q, 64, sizeof(float) * (size_t)n)) { free(f); return NULL; }
  memcpy(q, f, sizeof(float) * (size_t)n);
  free(f);
  return (float *)q;
}

static void conv_p(dive__conv_p *p, int N, int C, int H, int K, int st) {
  memset(p, 0, sizeof *p);
  p->N = N; p->C = C; p->H = p->W = H; p->K = K; p->R = p->S = 3;
  p->stride = st; p->pad = 1; p->groups = 1;
  p->P = p->Q = (H + 2 - 3) / st + 1;
}

/* variant v: 0 bwd-data, 1 both, 2 dw NT, 3 dw NN; dw zeroed first (the kernels accumulate) */
static void run(dive__ws *ws, const dive__conv_p *p, int v, float *din, float *dw, const float *dout,
                const float *in, const float *w) {
  memset(dw, 0, sizeof(float) * (size_t)p->K * p->C * 9);
  dive__dwnn_mode = v == 3 ? 1 : v == 2 ? 0 : -1;
  dive__cpu_conv2d_bwd_ws(ws, p, v < 2 ? din : NULL, v >= 1 ? dw : NULL, NULL, dout, in, w, NULL);
  dive__dwnn_mode = -1;
}

int main(int argc, char **argv) {
  static const int shapes[][4] = {{16, 32, 16, 1}, {32, 16, 32, 1}, {64, 8, 64, 1}, {16, 32, 32, 2}, {32, 16, 64, 2}};
  static const int ntl[][2] = {{256, 1}, {512, 1}, {1024, 1}, {64, 8}};
  int N = argc > 1 ? atoi(argv[1]) : 128, reps = argc > 2 ? atoi(argv[2]) : 5, r, v;
  size_t k;
  dive__ws ws = {NULL, 0};
  dive__nt_fn nt = dive__nt_kernel();
  if (N < 1 || reps < 1) {
    fprintf(stderr, "usage: bench_cifar_dw [batch >= 1 [reps >= 1]]\n");
    return 2;
  }
  printf("threads %d, kernels %s, batch %d, best of %d (CPU time)\n", dive__nthreads(), dive__isa_name(dive__isa()),
         N, reps);
  printf("%-16s %6s | %9s %9s %9s %7s | %9s %7s | %9s %7s\n", "conv C H K s", "shared", "bwd-data", "both", "dw", "GF/s",
         "dw NT", "GF/s", "dw NN", "GF/s");
  for (k = 0; k < sizeof shapes / sizeof shapes[0]; k++) {
    dive__conv_p p, p4;
    int C = shapes[k][0], H = shapes[k][1], K = shapes[k][2], st = shapes[k][3];
    int64_t nw = (int64_t)K * C * 9, nin, nout;
    float *in, *w, *dout, *din, *dw, *ref, best[4];
    double fl;
    char name[32];
    conv_p(&p4, 4, C, H, K, st);
    conv_p(&p, N, C, H, K, st);
    nin = (int64_t)N * C * H * H;
    nout = (int64_t)N * K * p.P * p.Q;
    in = fill_lcg(nin, 1u); w = fill_lcg(nw, 2u); dout = fill_lcg(nout, 3u);
    din = (float *)malloc(sizeof(float) * (size_t)nin);
    dw = (float *)malloc(sizeof(float) * (size_t)nw);
    ref = (float *)calloc((size_t)nw, sizeof(float));
    if (!in || !w || !dout || !din || !dw || !ref) {
      fprintf(stderr, "bench_cifar_dw: out of memory\n");
      return 1;
    }
    dive__ref_conv2d_bwd(&p4, NULL, ref, NULL, dout, in, w); /* the first 4 images */
    for (v = 1; v < 4; v++) {
      double num = 0.0, den = 0.0;
      int64_t i;
      run(&ws, &p4, v, din, dw, dout, in, w);
      for (i = 0; i < nw; i++) {
        num += (double)(dw[i] - ref[i]) * (dw[i] - ref[i]);
        den += (double)ref[i] * ref[i];
      }
      if (!(num <= 1e-10 * den)) {
        printf("conv C=%d H=%d K=%d s=%d variant %d: dw FAILS against the reference, not timed\n", C, H, K, st, v);
        return 1;
      }
    }
    for (v = 0; v < 4; v++) best[v] = 1e30f;
    for (v = 0; v < 4; v++) run(&ws, &p, v, din, dw, dout, in, w); /* warm up */
    for (r = 0; r < reps; r++)
      for (v = 0; v < 4; v++) {
        double t = cpu_sec();
        run(&ws, &p, v, din, dw, dout, in, w);
        t = cpu_sec() - t;
        if (t < best[v]) best[v] = (float)t;
      }
    fl = 2.0 * (double)nw * p.P * p.Q * N * 1e-9;
    snprintf(name, sizeof name, "%d %d %d %d", C, H, K, st);
    printf("%-16s %6d | %7.2fms %7.2fms %7.2fms %7.1f | %7.2fms %7.1f | %7.2fms %7.1f\n", name, dive__bwd_shared(&p),
           1e3 * best[0], 1e3 * best[1], 1e3 * (best[1] - best[0]), fl / (best[1] - best[0]), 1e3 * best[2],
           fl / best[2], 1e3 * best[3], fl / best[3]);
    free(in); free(w); free(dout); free(din); free(dw); free(ref);
  }
  printf("NT kernel, one 4 x 6 tile, operands in L1 (64-byte aligned):\n");
  for (k = 0; k < sizeof ntl / sizeof ntl[0]; k++) {
    int64_t L = ntl[k][0], i, off[DIVE__NT_N];
    int ni = ntl[k][1], it, n = (int)(2e8 / (48.0 * (double)L * ni)) + 1;
    float *a = fill_al(DIVE__NT_M * L * ni, 4u), *b = fill_al(DIVE__NT_N * L * ni, 5u), c[DIVE__NT_M * DIVE__NT_N];
    double bt = 1e30;
    if (!a || !b) return 1;
    for (i = 0; i < DIVE__NT_N; i++) off[i] = i * L;
    memset(c, 0, sizeof c);
    for (r = 0; r < reps; r++) {
      double t = cpu_sec();
      for (it = 0; it < n; it++) nt(L, ni, a, L, DIVE__NT_M * L, b, off, DIVE__NT_N * L, c, DIVE__NT_N);
      t = cpu_sec() - t;
      if (t < bt) bt = t;
    }
    printf("  %4d columns x %d image%s: %6.1f GFLOP/s (%g)\n", (int)L, ni, ni > 1 ? "s" : " ",
           48.0 * (double)L * ni * n / bt * 1e-9, (double)c[0]);
    free(a); free(b);
  }
  DIVE_FREE(ws.base);
  return 0;
}
