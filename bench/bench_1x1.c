/* bench_1x1.c - A/B of one 1x1 conv's CPU paths in one process: two settings of a mode
   switch alternate 16 times (the first pair untimed), each timed by the process's CPU time
   (bench_util.h's conv_ab), and the fastest of each is printed. On a machine shared with other work this moves far
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
   of dx once, 0 / 1), backward-weights alone for dwtr (dive__dwtr_mode: the NN
   backward-weights' copies by transposes, bit 0 dout's panels, bit 1 xt) and dw48
   (dive__dw48_mode: their 8 x 48 tile, 0 / 1); gbk1 (dive__gbk1_mode: the chunks' copy a
   block of channels at a time, -1 the rule, 0 never, 1 always) times the forward (or
   backward-data with "bwd"); gbsc (dive__gbsc_mode: the chunks' row blocks scattered as
   each is done, 0 / 1) the forward (or backward-data with "bwd"); dwpb (dive__dwpb_mode: the NN backward-weights'
   dout panels packed a block at a time, -1 the rule, 0 never, 1 always) backward-weights alone; s2nt
   (dive__s2nt_mode: the 1x1/2 col2im with streaming stores, 0 / 1) backward-data alone. */
#define _POSIX_C_SOURCE 200809L
#define DIVE_IMPLEMENTATION
#include "../dive.h"
#include "bench_util.h"

int main(int argc, char **argv) {
  static const char *names[12] = {"plain48", "nn48", "ntlb", "dwnn", "gbmo", "s2put", "dwtr", "dw48", "gbk1", "gbsc", "dwpb",
                                  "s2nt"};
  int *vars[12] = {&dive__plain48_mode, &dive__nn48_mode, &dive__ntlb_mode, &dive__dwnn_mode, &dive__gbmo_rows,
                   &dive__s2put_mode, &dive__dwtr_mode, &dive__dw48_mode, &dive__gbk1_mode, &dive__gbsc_mode,
                   &dive__dwpb_mode, &dive__s2nt_mode};
  dive__conv_p p;
  double best[2], fl;
  int mode[2], which, pass, bwd = argc > 9 && !strcmp(argv[9], "bwd");
  if (argc < 9) {
    fprintf(stderr, "usage: %s N C H K stride plain48|nn48|ntlb|dwnn|gbmo|s2put|dwtr|dw48|gbk1|gbsc|dwpb|s2nt A B [bwd]\n", argv[0]);
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
  for (which = 0; which < 12 && strcmp(argv[6], names[which]); which++) {}
  if (which == 12) {
    fprintf(stderr, "%s: what is plain48, nn48, ntlb, dwnn, gbmo, s2put, dwtr, dw48, gbk1, gbsc, dwpb or s2nt, not '%s'\n",
            argv[0], argv[6]);
    return 2;
  }
  mode[0] = atoi(argv[7]);
  mode[1] = atoi(argv[8]);
  pass = which == 2 || which == 3 || which == 6 || which == 7 || which == 10 ? 2 : bwd || which == 5 || which == 11 ? 1 : 0;
  if (conv_ab(&p, pass, vars[which], mode, best)) return 1;
  fl = 2.0 * (double)p.N * p.K * p.P * p.Q * p.C;
  printf("%d,%dx%d -> %d,%dx%d, 1/%d %s %s: %s=%d %.2f ms (%.0f GFLOP/s), %s=%d %.2f ms (%.0f GFLOP/s)\n", p.C, p.H,
         p.W, p.K, p.P, p.Q, p.stride, pass == 2 ? "dw" : pass ? "bwd-data" : "fwd", argv[6], argv[6], mode[0],
         1e3 * best[0], fl / best[0] / 1e9, argv[6], mode[1], 1e3 * best[1], fl / best[1] / 1e9);
  return 0;
}
