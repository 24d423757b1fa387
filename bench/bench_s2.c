/* bench_s2.c - A/B of one 3x3/2 conv's CPU paths (pad 1, groups 1) in one process: two
   settings of a mode switch alternate 16 times (the first pair untimed), each timed by this
   thread's CPU time, and the fastest of each is printed (as bench_1x1 does for the 1x1 convs).
     make build/bench_s2 && OMP_NUM_THREADS=1 ./build/bench_s2 N C H K what A B [bwd|dw]
   what: gb48 (dive__gb48_mode: the chunks' 8 x 48 tile, -1 rule, 0 off, 1 on), gbc
   (dive__gbc_mode: backward-data's col matrix in channel blocks, 0 / 1), dwcb
   (dive__dwcb_mode: the NN backward-weights' xt in 32-channel blocks, 0 / 1), pknn
   (dive__pknn_mode: the weights' 8-row panels by transposes, 0 / 1). Times the
   forward, or backward-data ("bwd") or backward-weights ("dw") alone. */
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
  int r, m, mode[2], which, bwd = argc > 8 && !strcmp(argv[8], "bwd"), wgt = argc > 8 && !strcmp(argv[8], "dw");
  if (argc < 8) {
    fprintf(stderr, "usage: %s N C H K gb48|gbc|dwcb|pknn A B [bwd|dw]\n", argv[0]);
    return 2;
  }
  memset(&p, 0, sizeof p);
  p.N = atoi(argv[1]); p.C = atoi(argv[2]); p.H = p.W = atoi(argv[3]); p.K = atoi(argv[4]);
  p.R = p.S = 3; p.stride = 2; p.pad = 1; p.groups = 1;
  if (p.N < 1 || p.C < 1 || p.H < 2 || p.K < 1) {
    fprintf(stderr, "%s: N C K must be >= 1, H >= 2\n", argv[0]);
    return 2;
  }
  p.P = p.Q = (p.H + 2 - 3) / 2 + 1;
  which = !strcmp(argv[5], "gb48") ? 0 : !strcmp(argv[5], "gbc") ? 1 : !strcmp(argv[5], "dwcb") ? 2 : !strcmp(argv[5], "pknn") ? 3 : -1;
  if (which < 0) {
    fprintf(stderr, "%s: what is gb48, gbc, dwcb or pknn, not '%s'\n", argv[0], argv[5]);
    return 2;
  }
  mode[0] = atoi(argv[6]);
  mode[1] = atoi(argv[7]);
  nin = (int64_t)p.N * p.C * p.H * p.W; nout = (int64_t)p.N * p.K * p.P * p.Q; nw = (int64_t)p.K * p.C * 9;
  in = (float *)malloc(4 * (size_t)nin); din = (float *)malloc(4 * (size_t)nin);
  out = (float *)malloc(4 * (size_t)nout); w = (float *)malloc(4 * (size_t)nw); dw = (float *)malloc(4 * (size_t)nw);
  if (!in || !din || !out || !w || !dw) return 1;
  for (i = 0; i < nin; i++) in[i] = (float)((i * 7919) % 1000) / 1000.0f - 0.5f;
  for (i = 0; i < nw; i++) w[i] = (float)((i * 104729) % 1000) / 1000.0f - 0.5f;
  for (i = 0; i < nout; i++) out[i] = (float)((i * 31) % 1000) / 1000.0f - 0.5f;
  memset(dw, 0, 4 * (size_t)nw);
  memset(&ws, 0, sizeof ws);
  for (r = 0; r < 16; r++)
    for (m = 0; m < 2; m++) {
      double t0, t;
      if (which == 0) dive__gb48_mode = mode[m];
      else if (which == 1) dive__gbc_mode = mode[m];
      else if (which == 2) dive__dwcb_mode = mode[m];
      else dive__pknn_mode = mode[m];
      t0 = cpu_s();
      if (wgt) dive__cpu_conv2d_bwd_ws(&ws, &p, NULL, dw, NULL, out, in, w, NULL);
      else if (bwd) dive__cpu_conv2d_bwd_ws(&ws, &p, din, NULL, NULL, out, in, w, NULL);
      else dive__cpu_conv2d_fwd_ws(&ws, &p, out, in, w, NULL, NULL);
      t = cpu_s() - t0;
      if (r > 0 && t < best[m]) best[m] = t;
    }
  fl = 2.0 * (double)nout * p.C * 9;
  printf("%d,%dx%d -> %d,%dx%d, 3/2 %s %s: %s=%d %.2f ms (%.0f GFLOP/s), %s=%d %.2f ms (%.0f GFLOP/s)\n", p.C, p.H,
         p.W, p.K, p.P, p.Q, wgt ? "dw" : bwd ? "bwd-data" : "fwd", argv[5], argv[5], mode[0], 1e3 * best[0],
         fl / best[0] / 1e9, argv[5], mode[1], 1e3 * best[1], fl / best[1] / 1e9);
  free(in); free(din); free(out); free(w); free(dw);
  DIVE_FREE(ws.base);
  return 0;
}
