/* bench_wino.c - the measurement behind dive__wino_pick and dive__wino4_pick: 3x3 stride-1
   convs ("same" padding, C = K channels, H = W) timed direct, as Winograd F(2x2, 3x3) and as
   F(4x4, 3x3), forward and
   backward (backward-data + backward-weights, as the model runs them), alternating, best of
   `reps` rounds each. Times are the process's CPU time, so on one thread the minutes other
   programs held the core do not count (a shared machine); run it with OMP_NUM_THREADS=1.
     make build/bench_wino && OMP_NUM_THREADS=1 ./build/bench_wino [reps [C H]]
   Prints per shape:  C H  fwd direct/F2/F4 GFLOP/s  ratios F2 and F4 over direct  the same
   for bwd  rule (GFLOP/s count the direct conv's multiply-adds for all). Batch 128 (32 for
   the largest). With C H, that shape alone.
     OMP_NUM_THREADS=1 ./build/bench_wino wgw [reps [C H N]]
   times backward-weights as Winograd F(3x3, 2x2) (dive__wgw_pick) against the direct
   path instead, ResNet-32's and ResNet-50's 3x3 stride-1 shapes: per shape the whole
   backward (dx + dw, backward-data as the process's DIVE_CPU_WINOGRAD has it) and dw
   alone, DIVE_CPU_WGW 0 and 1 alternated, best of reps (default 5) each, in ms, the
   ratios off / on, dw's largest difference between the two over its largest value, and
   the rule. */
#define _POSIX_C_SOURCE 200809L
#define DIVE_IMPLEMENTATION
#include "../dive.h"
#include "bench_util.h"

static int run_wgw(int argc, char **argv) {
  static const int shapes[][3] = {{16, 32, 128}, {32, 32, 128}, {64, 32, 128}, {16, 16, 128}, {32, 16, 128},
                                  {128, 16, 128}, {32, 8, 128},  {64, 8, 128},  {128, 8, 128}, {64, 56, 16},
                                  {128, 28, 16},  {256, 14, 16}, {512, 7, 16}}; /* C = K, H = W, N */
  int reps = argc > 2 ? atoi(argv[2]) : 5, oc = argc > 4 ? atoi(argv[3]) : 0, oh = argc > 4 ? atoi(argv[4]) : 0;
  int on = argc > 5 ? atoi(argv[5]) : 0;
  size_t k;
  dive__ws ws = {NULL, 0};
  printf("threads %d, kernels %s, DIVE_CPU_WINOGRAD %s\n", dive__nthreads(), dive__isa_name(dive__isa()),
         getenv("DIVE_CPU_WINOGRAD") ? getenv("DIVE_CPU_WINOGRAD") : "unset");
  printf("%4s %3s %4s | %8s %8s %5s | %8s %8s %5s | %7s | %s\n", "C=K", "H=W", "N", "bwd off", "on", "ratio",
         "dw off", "on", "ratio", "dw diff", "rule");
  for (k = 0; k < sizeof shapes / sizeof shapes[0]; k++) {
    int C = shapes[k][0], H = shapes[k][1], N = on ? on : shapes[k][2], r, m, pass, wm = dive__wgw_mode;
    dive__conv_p p;
    double best[2][2] = {{1e9, 1e9}, {1e9, 1e9}}, dmax = 0, wmax = 0;
    int64_t i, nx, nw;
    float *x, *w, *y, *dx, *dw[2];
    if (oc && (C != oc || H != oh)) continue;
    p.N = N; p.C = C; p.H = p.W = p.P = p.Q = H; p.K = C; p.R = p.S = 3; p.stride = 1; p.pad = 1; p.groups = 1;
    nx = (int64_t)N * C * H * H; nw = (int64_t)C * C * 9;
    x = fill_lcg(nx, 1); y = fill_lcg(nx, 2); w = fill_lcg(nw, 3);
    dx = (float *)malloc(sizeof(float) * (size_t)nx);
    dw[0] = (float *)malloc(sizeof(float) * (size_t)nw); dw[1] = (float *)malloc(sizeof(float) * (size_t)nw);
    for (r = 0; r < reps; r++)
      for (m = 0; m < 2; m++) { /* DIVE_CPU_WGW 0, 1 */
        dive__wgw_mode = m;
        for (pass = 0; pass < 2; pass++) { /* dx + dw, dw alone */
          double t;
          memset(dw[m], 0, sizeof(float) * (size_t)nw);
          t = cpu_sec();
          dive__cpu_conv2d_bwd_ws(&ws, &p, pass ? NULL : dx, dw[m], NULL, y, x, w, NULL);
          t = cpu_sec() - t;
          if (t < best[pass][m]) best[pass][m] = t;
        }
      }
    dive__wgw_mode = wm;
    for (i = 0; i < nw; i++) {
      dmax = DIVE__MAX(dmax, fabs((double)dw[1][i] - dw[0][i]));
      wmax = DIVE__MAX(wmax, fabs((double)dw[0][i]));
    }
    printf("%4d %3d %4d | %8.2f %8.2f %4.2fx | %8.2f %8.2f %4.2fx | %7.1e | %d\n", C, H, N, 1e3 * best[0][0],
           1e3 * best[0][1], best[0][0] / best[0][1], 1e3 * best[1][0], 1e3 * best[1][1], best[1][0] / best[1][1],
           dmax / wmax, dive__wgw_pick(&p));
    free(x); free(y); free(dx); free(w); free(dw[0]); free(dw[1]);
  }
  DIVE_FREE(ws.base);
  return 0;
}

int main(int argc, char **argv) {
  static const int shapes[][2] = {{8, 32},  {16, 32},  {32, 32},  {64, 32}, {8, 16},   {16, 16},
                                  {32, 16}, {64, 16},  {128, 16}, {16, 8},  {32, 8},   {64, 8},
                                  {128, 8}, {256, 8},  {64, 56},  {128, 28}, {256, 14}, {512, 7}};
  int reps, oc, oh;
  size_t k;
  dive__ws ws = {NULL, 0};
  if (argc > 1 && !strcmp(argv[1], "wgw")) return run_wgw(argc, argv);
  reps = argc > 1 ? atoi(argv[1]) : 3;
  oc = argc > 3 ? atoi(argv[2]) : 0;
  oh = argc > 3 ? atoi(argv[3]) : 0;
  printf("threads %d, kernels %s\n", dive__nthreads(), dive__isa_name(dive__isa()));
  printf("%4s %3s %4s | %7s %7s %7s %5s %5s | %7s %7s %7s %5s %5s | %s\n", "C=K", "H=W", "N", "fwd dir", "F2", "F4",
         "F2/d", "F4/d", "bwd dir", "F2", "F4", "F2/d", "F4/d", "rule (fwd, bwd-data: 0 direct, 2 F2, 4 F4)");
  for (k = 0; k < sizeof shapes / sizeof shapes[0]; k++) {
    int C = shapes[k][0], H = shapes[k][1], N = C * H > 2048 ? 32 : 128;
    dive__conv_p p;
    double best[2][3] = {{1e9, 1e9, 1e9}, {1e9, 1e9, 1e9}}, fl;
    int64_t i, nx, nw;
    float *x, *w, *y, *dx, *dw;
    int r, m, pass;
    if (oc && (C != oc || H != oh)) continue;
    p.N = N; p.C = C; p.H = p.W = p.P = p.Q = H; p.K = C; p.R = p.S = 3; p.stride = 1; p.pad = 1; p.groups = 1;
    nx = (int64_t)N * C * H * H; nw = (int64_t)C * C * 9;
    x = (float *)malloc(sizeof(float) * (size_t)nx); y = (float *)malloc(sizeof(float) * (size_t)nx);
    dx = (float *)malloc(sizeof(float) * (size_t)nx); w = (float *)malloc(sizeof(float) * (size_t)nw);
    dw = (float *)calloc((size_t)nw, sizeof(float));
    for (i = 0; i < nx; i++) x[i] = (float)(i % 13) * 0.1f - 0.6f;
    for (i = 0; i < nw; i++) w[i] = (float)(i % 7) * 0.1f - 0.3f;
    for (r = 0; r < reps; r++)
      for (m = 0; m < 3; m++) { /* direct, F(2x2), F(4x4), alternating */
        dive__wino_mode = m > 0;
        dive__wino4_mode = m == 2;
        for (pass = 0; pass < 2; pass++) {
          double t = cpu_sec();
          if (pass == 0) dive__cpu_conv2d_fwd_ws(&ws, &p, y, x, w, NULL, NULL);
          else dive__cpu_conv2d_bwd_ws(&ws, &p, dx, dw, NULL, y, x, w, NULL);
          t = cpu_sec() - t;
          if (t < best[pass][m]) best[pass][m] = t;
        }
      }
    dive__wino_mode = -1;
    dive__wino4_mode = -1;
    fl = 2.0 * N * C * C * 9 * H * H * 1e-9;
    printf("%4d %3d %4d | %7.1f %7.1f %7.1f %4.2fx %4.2fx | %7.1f %7.1f %7.1f %4.2fx %4.2fx | %d, %d\n", C, H, N,
           fl / best[0][0], fl / best[0][1], fl / best[0][2], best[0][0] / best[0][1], best[0][0] / best[0][2],
           2 * fl / best[1][0], 2 * fl / best[1][1], 2 * fl / best[1][2], best[1][0] / best[1][1],
           best[1][0] / best[1][2], dive__wino_pick2(&p, 0) ? (dive__wino4_pick(&p, 0) ? 4 : 2) : 0,
           dive__wino_pick2(&p, 1) ? (dive__wino4_pick(&p, 1) ? 4 : 2) : 0);
    free(x); free(y); free(dx); free(w); free(dw);
  }
  DIVE_FREE(ws.base);
  return 0;
}
