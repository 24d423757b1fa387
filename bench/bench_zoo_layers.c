/* bench_zoo_layers.c - per-layer CPU timings of an ImageNet-family ResNet: every distinct
   conv of the model (and the stem's max-pool), forward and backward (data + weights), at
   the model's shapes, validated against dive__ref_* on one image first. For tuning the
   kernels behind bench/zoo.sh.
     make build/bench_zoo_layers && OMP_NUM_THREADS=1 ./build/bench_zoo_layers [arch] [batch] [size] [only]
   (only: time just the shapes whose name contains it, e.g. "7x7"; for A/B runs ZOO_DWNN=0|1
   turns the NN backward-weights, ZOO_FWDB=0|1 the convs in chunks of images, ZOO_GD=0|1 the direct
   grouped 3x3 convs, off or on wherever they apply, ZOO_COLBLK=0|1 the col matrix in blocks
   of output rows (ZOO_CBF: col floats per block), ZOO_PLAIN=0|1 the 1x1 convs' columns-outer /
   rows-outer order (ZOO_PBF: B floats per block), ZOO_GBK=0|1 the im2col of a chunk of
   images built whole / a block of channels at a time, ZOO_GBC=0|1 the strided convs'
   backward-data col matrix of a chunk made whole / a block of channels at a time,
   ZOO_NN48=0|1 the blocked GEMM's 8 x 48 tile (off / on wherever the chunks run), ZOO_GB48=0|1
   that tile in the channel-blocked im2col chunks (the 3x3/2 convs' forward by rule),
   ZOO_PKNN=0|1 the weights' 8-row panels packed by scalar loops / AVX-512 transposes,
   ZOO_GBW=0|1 and ZOO_GBWD=0|1 the strided convs' weights packed whole first / a block of
   channels at a time (forward, backward-data), ZOO_PKPF=0|8 the packing's prefetch rows ahead,
   ZOO_PLAIN48=0|1 that tile in the unchunked 1x1 convs (dive__conv_plain), ZOO_NTLB=0|1 the
   1x1 weight gradient in pixel blocks (ZOO_NTLBC pixels a block),
   ZOO_DWCB=0|1 and ZOO_DWPAR=0|1 the NN backward-weights' transposed input in one block of
   all channels / blocks of 32, without / with parity planes at stride 2, and
   ZOO_DWONLY=1 times backward-weights alone, ZOO_DXONLY=1 backward-data alone, ZOO_WGW=0|1 the
   3x3 stride-1 convs' backward-weights direct / as Winograd (dive__wgw_pick); the PyTorch
   side of each conv: bench/pytorch_zoo_layers.py)
   Prints per shape: count in the model, ms forward / backward (the fastest of 5, ZOO_REPS=1..32 for more; CPU time on one
   thread, wall time on several), GFLOP/s; and the
   sum over the model's convs of one training step. */
#define DIVE_IMPLEMENTATION
#include "../dive.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static dive_ctx *ctx;

static float *fill(int64_t n, dive_rng *r) {
  float *p = (float *)malloc(sizeof(float) * (size_t)n);
  int64_t i;
  for (i = 0; i < n; i++) p[i] = 2.0f * dive_rng_uniform(r) - 1.0f;
  return p;
}

static double relerr(const float *a, const float *b, int64_t n) {
  double num = 0, den = 0;
  int64_t i;
  for (i = 0; i < n; i++) { num += ((double)a[i] - b[i]) * ((double)a[i] - b[i]); den += (double)b[i] * b[i]; }
  return den > 0 ? sqrt(num / den) : sqrt(num);
}

/* conv fwd + bwd of one image against the reference; the relative error */
static double validate(const dive__conv_p *p0) {
  dive__conv_p p = *p0;
  int64_t nin, nw, nout;
  float *in, *w, *out, *ref, *dout, *din, *dinr, *dw, *dwr;
  double e;
  dive_rng r;
  p.N = 1;
  nin = (int64_t)p.C * p.H * p.W; nw = (int64_t)p.K * (p.C / p.groups) * p.R * p.S; nout = (int64_t)p.K * p.P * p.Q;
  dive_rng_seed(&r, 3);
  in = fill(nin, &r); w = fill(nw, &r); dout = fill(nout, &r);
  out = (float *)malloc(4 * (size_t)nout); ref = (float *)malloc(4 * (size_t)nout);
  din = (float *)malloc(4 * (size_t)nin); dinr = (float *)malloc(4 * (size_t)nin);
  dw = (float *)calloc((size_t)nw, 4); dwr = (float *)calloc((size_t)nw, 4);
  dive__cpu_conv2d_fwd_ws(&ctx->cpu_ws, &p, out, in, w, NULL, NULL);
  dive__ref_conv2d_fwd(&p, ref, in, w, NULL);
  dive__cpu_conv2d_bwd_ws(&ctx->cpu_ws, &p, din, dw, NULL, dout, in, w, NULL);
  dive__ref_conv2d_bwd(&p, dinr, dwr, NULL, dout, in, w);
  e = DIVE__MAX(relerr(out, ref, nout), DIVE__MAX(relerr(din, dinr, nin), relerr(dw, dwr, nw)));
  free(in); free(w); free(out); free(ref); free(dout); free(din); free(dinr); free(dw); free(dwr);
  return e;
}

/* seconds: the process's CPU time on one thread (on a shared machine far less disturbed by
   the other work than wall time), wall time on several (CPU time would count the spin-waits) */
static double now(void) {
#if defined(CLOCK_PROCESS_CPUTIME_ID)
  if (dive__nthreads() == 1) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
  }
#endif
  return dive_time_sec();
}

static int cmp_d(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  const char *arch = argc > 1 ? argv[1] : "resnet50";
  int N = argc > 2 ? atoi(argv[2]) : 16, S = argc > 3 ? atoi(argv[3]) : 224, i, j, k, nshape = 0;
  dive__conv_p shapes[64];
  int count[64];
  dive_ctx_desc cd;
  dive_resnet_desc rd;
  dive_resnet *m;
  double tot_f = 0, tot_b = 0, tot_fl = 0;
  int nrep = getenv("ZOO_REPS") ? atoi(getenv("ZOO_REPS")) : 5;
  memset(&cd, 0, sizeof cd);
  cd.backend = DIVE_BACKEND_CPU;
  if (dive_ctx_create(&ctx, &cd)) return 1;
  if (nrep < 1 || nrep > 32) nrep = 5;
  if (getenv("ZOO_DWNN")) dive__dwnn_mode = atoi(getenv("ZOO_DWNN"));
  if (getenv("ZOO_FWDB")) dive__fwdb_mode = atoi(getenv("ZOO_FWDB"));
  if (getenv("ZOO_GD")) dive__gd_mode = atoi(getenv("ZOO_GD"));
  if (getenv("ZOO_COLBLK")) dive__colblk_mode = atoi(getenv("ZOO_COLBLK"));
  if (getenv("ZOO_CBF")) dive__colblk_floats = atoi(getenv("ZOO_CBF"));
  if (getenv("ZOO_PLAIN")) dive__plain_mode = atoi(getenv("ZOO_PLAIN"));
  if (getenv("ZOO_PBF")) dive__plain_blkf = atoi(getenv("ZOO_PBF"));
  if (getenv("ZOO_GBK")) dive__gbk_mode = atoi(getenv("ZOO_GBK"));
  if (getenv("ZOO_GBC")) dive__gbc_mode = atoi(getenv("ZOO_GBC"));
  if (getenv("ZOO_DWPAR")) dive__dwpar_mode = atoi(getenv("ZOO_DWPAR"));
  if (getenv("ZOO_DWCB")) dive__dwcb_mode = atoi(getenv("ZOO_DWCB"));
  if (getenv("ZOO_GB48")) dive__gb48_mode = atoi(getenv("ZOO_GB48"));
  if (getenv("ZOO_PKNN")) dive__pknn_mode = atoi(getenv("ZOO_PKNN"));
  if (getenv("ZOO_GBW")) dive__gbw_mode = atoi(getenv("ZOO_GBW"));
  if (getenv("ZOO_GBWD")) dive__gbwd_mode = atoi(getenv("ZOO_GBWD"));
  if (getenv("ZOO_PKPF")) dive__pkpf_rows = atoi(getenv("ZOO_PKPF"));
  if (getenv("ZOO_NN48")) dive__nn48_mode = atoi(getenv("ZOO_NN48"));
  if (getenv("ZOO_PLAIN48")) dive__plain48_mode = atoi(getenv("ZOO_PLAIN48"));
  if (getenv("ZOO_NTLB")) dive__ntlb_mode = atoi(getenv("ZOO_NTLB"));
  if (getenv("ZOO_NTLBC")) dive__ntlb_cols = atoi(getenv("ZOO_NTLBC"));
  if (getenv("ZOO_GBMO")) dive__gbmo_rows = atoi(getenv("ZOO_GBMO"));
  if (getenv("ZOO_S2PUT")) dive__s2put_mode = atoi(getenv("ZOO_S2PUT"));
  if (getenv("ZOO_WGW")) dive__wgw_mode = atoi(getenv("ZOO_WGW"));
  memset(&rd, 0, sizeof rd);
  rd.arch = arch; rd.height = rd.width = S; rd.max_batch = 1;
  if (dive_resnet_create(ctx, &m, &rd)) { printf("%s\n", dive_ctx_error(ctx)); return 1; }
  for (i = -1; i < m->nblocks; i++) { /* the distinct conv shapes and how often each occurs */
    dive__rn_block *bk = i >= 0 ? &m->blocks[i] : NULL;
    int nu = bk ? bk->nu + (bk->shortcut == DIVE__SC_PROJ) : 1;
    for (j = 0; j < nu; j++) {
      const dive__rn_unit *u = !bk ? &m->stem : j < bk->nu ? &bk->u[j] : &bk->proj;
      dive__conv_p p;
      memset(&p, 0, sizeof p);
      p.N = N; p.C = u->in_c; p.H = u->in_h; p.W = u->in_w; p.K = u->out_c; p.R = p.S = u->k;
      p.P = u->out_h; p.Q = u->out_w; p.stride = u->stride; p.pad = u->pad; p.groups = u->groups;
      for (k = 0; k < nshape && memcmp(&shapes[k], &p, sizeof p); k++) {}
      if (k == nshape) { shapes[nshape] = p; count[nshape++] = 0; }
      count[k]++;
    }
  }
  printf("%s, batch %d, %dx%d, %d thread(s), isa %s\n", arch, N, S, S, dive_query_threads(ctx), dive_query_cpu_isa());
  printf("%-40s %3s %9s %9s %8s %8s\n", "conv (C,HxW -> K,PxQ, k/s, g)", "n", "fwd ms", "bwd ms", "fwd GF/s", "bwd GF/s");
  for (k = 0; k < nshape; k++) {
    dive__conv_p *p = &shapes[k];
    int64_t nin = (int64_t)p->N * p->C * p->H * p->W, nw = (int64_t)p->K * (p->C / p->groups) * p->R * p->S;
    int64_t nout = (int64_t)p->N * p->K * p->P * p->Q;
    double fl = 2.0 * (double)nout * (p->C / p->groups) * p->R * p->S, tf[32], tb[32], e;
    float *in, *w, *out, *dout, *din, *dw;
    dive_rng r;
    char name[64];
    int t;
    snprintf(name, sizeof name, "%d,%dx%d -> %d,%dx%d, %d/%d, g%d", p->C, p->H, p->W, p->K, p->P, p->Q, p->R,
             p->stride, p->groups);
    if (argc > 4 && !strstr(name, argv[4])) continue;
    e = validate(p);
    if (e > 1e-4) { printf("%-40s FAILS validation (relerr %.1e): not timed\n", name, e); continue; }
    dive_rng_seed(&r, 5);
    in = fill(nin, &r); w = fill(nw, &r); dout = fill(nout, &r);
    out = (float *)malloc(4 * (size_t)nout); din = (float *)malloc(4 * (size_t)nin); dw = (float *)calloc((size_t)nw, 4);
    for (t = -1; t < nrep; t++) {
      double t0 = now(), t1;
      dive__cpu_conv2d_fwd_ws(&ctx->cpu_ws, p, out, in, w, NULL, NULL);
      t1 = now();
      /* the stem's input needs no gradient */
      dive__cpu_conv2d_bwd_ws(&ctx->cpu_ws, p, k == 0 || getenv("ZOO_DWONLY") ? NULL : din,
                              getenv("ZOO_DXONLY") ? NULL : dw, NULL, dout, in, w, NULL);
      if (t >= 0) { tf[t] = t1 - t0; tb[t] = now() - t1; }
    }
    qsort(tf, (size_t)nrep, sizeof *tf, cmp_d);
    qsort(tb, (size_t)nrep, sizeof *tb, cmp_d);
    printf("%-40s %3d %9.2f %9.2f %8.1f %8.1f\n", name, count[k], 1e3 * tf[0], 1e3 * tb[0], fl / tf[0] / 1e9,
           (k == 0 ? 1 : 2) * fl / tb[0] / 1e9);
    tot_f += count[k] * tf[0];
    tot_b += count[k] * tb[0];
    tot_fl += count[k] * fl * (k == 0 ? 2 : 3);
    free(in); free(w); free(out); free(dout); free(din); free(dw);
  }
  {
    dive__pool_p pp;
    int64_t nin, nout;
    float *in, *out;
    int32_t *arg;
    double tp[5];
    int t;
    dive_rng r;
    pp.N = N; pp.C = m->stem.out_c; pp.H = m->stem.out_h; pp.W = m->stem.out_w; pp.k = 3; pp.stride = 2; pp.pad = 1;
    pp.P = (pp.H - 1) / 2 + 1; pp.Q = (pp.W - 1) / 2 + 1;
    nin = (int64_t)N * pp.C * pp.H * pp.W; nout = (int64_t)N * pp.C * pp.P * pp.Q;
    dive_rng_seed(&r, 2);
    in = fill(nin, &r); out = (float *)malloc(4 * (size_t)nout); arg = (int32_t *)malloc(4 * (size_t)nout);
    for (t = -1; t < 5; t++) {
      double t0 = now();
      dive__cpu_maxpool_fwd(&pp, out, arg, in);
      dive__cpu_maxpool_bwd(&pp, in, out, arg);
      if (t >= 0) tp[t] = now() - t0;
    }
    qsort(tp, 5, sizeof *tp, cmp_d);
    printf("%-40s %3d %9.2f (fwd + bwd)\n", "maxpool 3x3/2", 1, 1e3 * tp[0]);
    free(in); free(out); free(arg);
  }
  printf("convs of one training step: forward %.0f ms, backward %.0f ms, %.1f GFLOP/s\n", 1e3 * tot_f, 1e3 * tot_b,
         tot_fl / (tot_f + tot_b) / 1e9);
  dive_resnet_destroy(m);
  dive_ctx_destroy(ctx);
  return 0;
}
