/* bench_s2.c - A/B of one 3x3/2 conv's CPU paths (pad 1, groups 1) in one process: two
   settings of a mode switch alternate 16 times (the first pair untimed), each timed by the
   process's CPU time (bench_util.h's conv_ab, as bench_1x1 for the 1x1 convs), and the
   fastest of each is printed.
     make build/bench_s2 && OMP_NUM_THREADS=1 ./build/bench_s2 N C H K what A B [bwd|dw]
   what: gb48 (dive__gb48_mode: the chunks' 8 x 48 tile, -1 rule, 0 off, 1 on), gbc
   (dive__gbc_mode: backward-data's col matrix in channel blocks, 0 / 1), dwcb
   (dive__dwcb_mode: the NN backward-weights' xt in 32-channel blocks, 0 / 1), pknn
   (dive__pknn_mode: the weights' 8-row panels by transposes, 0 / 1), gbw (dive__gbw_mode:
   the forward's weights packed a channel block at a time, -1 rule, 0 off, 1 on; gbwd the
   same for backward-data), pkpf (dive__pkpf_rows: the packing's prefetch distance, 0 off),
   wpk2 (dive__wpk2_mode: Winograd's U two channels a store, 0 / 1; with S2_STRIDE=1, the
   stride-1 3x3 conv, Winograd by its rule), wino (dive__wino_mode: -1 rule, 0 direct, 1 F(2x2)), wpk4 (dive__wpk4_mode: F(4x4)'s U
   in blocks of this many channels, 1 one channel a store; S2_STRIDE=1 at 28x28 or more). S2_GBW, S2_GBWD, S2_PKPF fix those modes for
   the run. Times the
   forward, or backward-data ("bwd") or backward-weights ("dw") alone. */
#define _POSIX_C_SOURCE 200809L
#define DIVE_IMPLEMENTATION
#include "../dive.h"
#include "bench_util.h"

int main(int argc, char **argv) {
  static const char *names[10] = {"gb48", "gbc", "dwcb", "pknn", "gbw", "pkpf", "gbwd", "wpk2", "wino", "wpk4"};
  int *vars[10] = {&dive__gb48_mode, &dive__gbc_mode, &dive__dwcb_mode, &dive__pknn_mode, &dive__gbw_mode, &dive__pkpf_rows, &dive__gbwd_mode, &dive__wpk2_mode, &dive__wino_mode, &dive__wpk4_mode};
  dive__conv_p p;
  double best[2], fl;
  int mode[2], which, pass = argc > 8 && !strcmp(argv[8], "dw") ? 2 : argc > 8 && !strcmp(argv[8], "bwd") ? 1 : 0;
  if (argc < 8) {
    fprintf(stderr, "usage: %s N C H K gb48|gbc|dwcb|pknn|gbw|pkpf|gbwd|wpk2|wino|wpk4 A B [bwd|dw]\n", argv[0]);
    return 2;
  }
  memset(&p, 0, sizeof p);
  p.N = atoi(argv[1]); p.C = atoi(argv[2]); p.H = p.W = atoi(argv[3]); p.K = atoi(argv[4]);
  p.R = p.S = 3; p.stride = getenv("S2_STRIDE") ? atoi(getenv("S2_STRIDE")) : 2; p.pad = 1; p.groups = 1;
  if (p.N < 1 || p.C < 1 || p.H < 2 || p.K < 1) {
    fprintf(stderr, "%s: N C K must be >= 1, H >= 2\n", argv[0]);
    return 2;
  }
  if (p.stride < 1 || p.stride > 2) p.stride = 2;
  p.P = p.Q = (p.H + 2 - 3) / p.stride + 1;
  for (which = 0; which < 10 && strcmp(argv[5], names[which]); which++) {}
  if (which == 10) {
    fprintf(stderr, "%s: what is gb48, gbc, dwcb, pknn, gbw, pkpf, gbwd, wpk2, wino or wpk4, not '%s'\n", argv[0], argv[5]);
    return 2;
  }
  if (getenv("S2_PKPF")) dive__pkpf_rows = atoi(getenv("S2_PKPF")); /* the other switches fixed */
  if (getenv("S2_GBW")) dive__gbw_mode = atoi(getenv("S2_GBW"));
  if (getenv("S2_GBWD")) dive__gbwd_mode = atoi(getenv("S2_GBWD"));
  mode[0] = atoi(argv[6]);
  mode[1] = atoi(argv[7]);
  if (conv_ab(&p, pass, vars[which], mode, best)) return 1;
  fl = 2.0 * (double)p.N * p.K * p.P * p.Q * p.C * 9;
  printf("%d,%dx%d -> %d,%dx%d, 3/%d %s %s: %s=%d %.2f ms (%.0f GFLOP/s), %s=%d %.2f ms (%.0f GFLOP/s)\n", p.C, p.H,
         p.W, p.K, p.P, p.Q, p.stride, pass == 2 ? "dw" : pass ? "bwd-data" : "fwd", argv[5], argv[5], mode[0], 1e3 * best[0],
         fl / best[0] / 1e9, argv[5], mode[1], 1e3 * best[1], fl / best[1] / 1e9);
  return 0;
}
