/* bench_1x1.c - A/B of one 1x1 conv's CPU paths in one process: two settings of a mode
   switch alternate 16 times (the first pair untimed), each timed by this thread's CPU time,
   and the fastest of each is printed. On a machine shared with other work this moves far
   less than two runs of bench_zoo_layers.
     make build/bench_1x1 && OMP_NUM_THREADS=1 ./build/bench_1x1 N C H K stride what A B
   what: plain48 (dive__plain48_mode: 0 off, 1 B in place, 2 packed panels), nn48
   (dive__nn48_mode of the chunks: -1 rule, 0 off, 1 on), ntlb (dive__ntlb_mode: the weight
   gradient in pixel blocks, 0 / 1), dwnn (dive__dwnn_mode: backward-weights as NN GEMMs, -1
   the rule, 0 never, 1 wherever it applies), gbmo (dive__gbmo_rows: the chunks' blocked GEMM
   with the weights' rows outer in blocks of that many, 0: K blocks outer). Times the forward
   for plain48 / nn48 / gbmo (plus
   backward-data with a ninth argument "bwd"), backward-weights alone for ntlb and dwnn,
   backward-data alone for s2put (dive__s2put_mode: the 1x1/2 convs' col2im writing each row
   of dx once, 0 / 1). */
#define DIVE_IMPLEMENTATION
#include "../dive.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double cpu_s(void) {
  struct timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

int main(int argc, char **argv) {
  dive__conv_p p;
  dive__ws ws;
  int64_t nin, nout, nw, i;
  float *in, *out, *w, *din, *dw;
  double best[2] = {1e30, 1e30}, fl;
  int r, m, mode[2], which, bwd = argc > 9 && !strcmp(argv[9], "bwd");
  if (argc < 9) {
    fprintf(stderr, "usage: %s N C H K stride plain48|nn48|ntlb|dwnn|gbmo|s2put A B [bwd]\n", argv[0]);
    return 2;
  }
  memset(&p, 0, sizeof p);
  p.N = atoi(argv[1]); p.C = atoi(argv[2]); p.H = p.W = atoi(argv[3]); p.K = atoi(argv[4]);
  p.stride = atoi(argv[5]);
  p.R = p.S = 1; p.groups = 1;
  if (p.N < 1 || p.C < 1 || p.H < 1 || p.K < 1 || p.stride < 1) {
    fprintf(stderr, "%s: N C H K stride must be >= 1\n", argv[0]);
    return 2;
  }
  p.P = p.Q = (p.H - 1) / p.stride + 1;
  which = !strcmp(argv[6], "plain48") ? 0 : !strcmp(argv[6], "nn48") ? 1 : !strcmp(argv[6], "ntlb") ? 2
          : !strcmp(argv[6], "dwnn") ? 3
          : !strcmp(argv[6], "gbmo") ? 4
          : !strcmp(argv[6], "s2put") ? 5 : -1;
  if (which < 0) {
    fprintf(stderr, "%s: what is plain48, nn48, ntlb, dwnn, gbmo or s2put, not '%s'\n", argv[0], argv[6]);
    return 2;
  }
  mode[0] = atoi(argv[7]);
  mode[1] = atoi(argv[8]);
  nin = (int64_t)p.N * p.C * p.H * p.W; nout = (int64_t)p.N * p.K * p.P * p.Q; nw = (int64_t)p.K * p.C;
  in = (float *)malloc(4 * (size_t)nin); din = (float *)malloc(4 * (size_t)nin);
  out = (float *)malloc(4 * (size_t)nout); w = (float *)malloc(4 * (size_t)nw); dw = (float *)malloc(4 * (size_t)nw);
  if (!in || !din || !out || !w || !dw) return 1;
  for (i = 0; i < nin; i++) in[i] = (float)((i * 7919) % 1000) / 1000.0f - 0.5f;
  for (i = 0; i < nw; i++) w[i] = (float)((i * 104729) % 1000) / 1000.0f - 0.5f;
  for (i = 0; i < nout; i++) out[i] = (float)((i * 31) % 1000) / 1000.0f - 0.5f;
  memset(&ws, 0, sizeof ws);
  for (r = 0; r < 16; r++)
    for (m = 0; m < 2; m++) {
      double t0, t;
      if (which == 0) dive__plain48_mode = mode[m];
      else if (which == 1) dive__nn48_mode = mode[m];
      else if (which == 2) dive__ntlb_mode = mode[m];
      else if (which == 3) dive__dwnn_mode = mode[m];
      else if (which == 4) dive__gbmo_rows = mode[m];
      else dive__s2put_mode = mode[m];
      t0 = cpu_s();
      if (which == 2 || which == 3) dive__cpu_conv2d_bwd_ws(&ws, &p, NULL, dw, NULL, out, in, w, NULL);
      else if (bwd || which == 5) dive__cpu_conv2d_bwd_ws(&ws, &p, din, NULL, NULL, out, in, w, NULL);
      else dive__cpu_conv2d_fwd_ws(&ws, &p, out, in, w, NULL, NULL);
      t = cpu_s() - t0;
      if (r > 0 && t < best[m]) best[m] = t;
    }
  fl = 2.0 * (double)nout * p.C;
  printf("%d,%dx%d -> %d,%dx%d, 1/%d %s %s: %s=%d %.2f ms (%.0f GFLOP/s), %s=%d %.2f ms (%.0f GFLOP/s)\n", p.C, p.H,
         p.W, p.K, p.P, p.Q, p.stride, which == 2 || which == 3 ? "dw" : bwd || which == 5 ? "bwd-data" : "fwd", argv[6], argv[6], mode[0],
         1e3 * best[0], fl / best[0] / 1e9, argv[6], mode[1], 1e3 * best[1], fl / best[1] / 1e9);
  free(in); free(din); free(out); free(w); free(dw);
  DIVE_FREE(ws.base);
  return 0;
}
