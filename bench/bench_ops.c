/* bench_ops.c - per-op CPU timings at ResNet-32 (CIFAR) shapes, validated first.
   From the repo root:  make build/bench_ops && OMP_NUM_THREADS=2 ./build/bench_ops [batch]
   Each conv shape is first checked against dive__ref_* at batch 2 (refuses to time on a
   mismatch), then the public forward and backward are timed (median of a few runs) at the
   given batch. Ends with the sum over the layers of one ResNet-32 training step. */
#define DIVE_IMPLEMENTATION
#include "../dive.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "bench_util.h"

static dive_ctx *ctx;

static dive_tensor T(int ndim, int d0, int d1, int d2, int d3, dive_rng *r) {
  dive_tensor t;
  int shape[4], i;
  float *tmp;
  shape[0] = d0; shape[1] = d1; shape[2] = d2; shape[3] = d3;
  if (dive_tensor_alloc(ctx, &t, DIVE_F32, ndim, shape)) { printf("%s\n", dive_ctx_error(ctx)); exit(1); }
  tmp = (float *)malloc(sizeof(float) * (size_t)t.numel);
  for (i = 0; i < t.numel; i++) tmp[i] = 2.0f * dive_rng_uniform(r) - 1.0f;
  dive_tensor_write(&t, tmp, t.numel);
  free(tmp);
  return t;
}

/* conv fwd + bwd against the ref at batch 2; 1 = ok */
static int validate_conv(int C, int H, int K, int s) {
  dive__conv_p p;
  int64_t nin, nw, nout, i;
  float *in, *w, *out, *ref, *dout, *din, *dinr, *dw, *dwr;
  double num = 0, den = 0;
  dive_rng r;
  dive_rng_seed(&r, 7);
  p.N = 2; p.C = C; p.H = p.W = H; p.K = K; p.R = p.S = 3; p.stride = s; p.pad = 1; p.groups = 1;
  p.P = p.Q = (H + 2 - 3) / s + 1;
  nin = (int64_t)2 * C * H * H; nw = (int64_t)K * C * 9; nout = (int64_t)2 * K * p.P * p.Q;
  in = (float *)malloc(4 * nin); din = (float *)malloc(4 * nin); dinr = (float *)malloc(4 * nin);
  w = (float *)malloc(4 * nw); dw = (float *)calloc(nw, 4); dwr = (float *)calloc(nw, 4);
  out = (float *)malloc(4 * nout); ref = (float *)malloc(4 * nout); dout = (float *)malloc(4 * nout);
  for (i = 0; i < nin; i++) in[i] = 2 * dive_rng_uniform(&r) - 1;
  for (i = 0; i < nw; i++) w[i] = 2 * dive_rng_uniform(&r) - 1;
  for (i = 0; i < nout; i++) dout[i] = 2 * dive_rng_uniform(&r) - 1;
  dive__cpu_conv2d_fwd(&p, out, in, w, NULL);
  dive__ref_conv2d_fwd(&p, ref, in, w, NULL);
  dive__cpu_conv2d_bwd(&p, din, dw, NULL, dout, in, w);
  dive__ref_conv2d_bwd(&p, dinr, dwr, NULL, dout, in, w);
  for (i = 0; i < nout; i++) { num += (out[i] - ref[i]) * (out[i] - ref[i]); den += ref[i] * ref[i]; }
  for (i = 0; i < nin; i++) { num += (din[i] - dinr[i]) * (din[i] - dinr[i]); den += dinr[i] * dinr[i]; }
  for (i = 0; i < nw; i++) { num += (dw[i] - dwr[i]) * (dw[i] - dwr[i]); den += dwr[i] * dwr[i]; }
  free(in); free(din); free(dinr); free(w); free(dw); free(dwr); free(out); free(ref); free(dout);
  return num / den < 1e-10;
}

/* time fwd and bwd of one conv shape; adds count * (fwd + bwd) to *total */
static void bench_conv(int N, int C, int H, int K, int s, int count, double *total, double *gflop) {
  dive_rng r;
  dive_tensor in, w, out, dout, din, dw;
  double tf[5], tb[5], t, fl;
  int P = (H + 2 - 3) / s + 1, i;
  if (!validate_conv(C, H, K, s)) {
    printf("conv C=%d H=%d K=%d s=%d: FAILS validation, not timed\n", C, H, K, s);
    exit(1);
  }
  dive_rng_seed(&r, 1);
  in = T(4, N, C, H, H, &r); w = T(4, K, C, 3, 3, &r); out = T(4, N, K, P, P, &r);
  dout = T(4, N, K, P, P, &r); din = T(4, N, C, H, H, &r); dw = T(4, K, C, 3, 3, &r);
  dive_conv2d_forward(ctx, &out, &in, &w, NULL, s, 1, 1); /* warm up */
  for (i = 0; i < 5; i++) {
    t = dive_time_sec();
    dive_conv2d_forward(ctx, &out, &in, &w, NULL, s, 1, 1);
    tf[i] = dive_time_sec() - t;
    t = dive_time_sec();
    dive_conv2d_backward(ctx, &din, &dw, NULL, &dout, &in, &w, s, 1, 1);
    tb[i] = dive_time_sec() - t;
  }
  qsort(tf, 5, sizeof(double), cmp_d);
  qsort(tb, 5, sizeof(double), cmp_d);
  fl = 2.0 * N * K * P * P * C * 9 / 1e9;
  printf("conv3x3  N=%-3d C=%-2d H=W=%-2d K=%-2d s=%d   fwd %7.2f ms (%5.1f GFLOP/s)  bwd %7.2f ms "
         "(%5.1f GFLOP/s)  x%d\n", N, C, H, K, s, tf[2] * 1e3, fl / tf[2], tb[2] * 1e3,
         2 * fl / tb[2], count);
  *total += count * (tf[2] + tb[2]);
  *gflop += count * 3 * fl;
  dive_tensor_free(&in); dive_tensor_free(&w); dive_tensor_free(&out);
  dive_tensor_free(&dout); dive_tensor_free(&din); dive_tensor_free(&dw);
}

/* bn + relu fwd/bwd at one shape (validated by tests/test_ops.c; timed only) */
static void bench_bn_relu(int N, int C, int H, int count, double *total) {
  dive_rng r;
  dive_tensor x, y, m, rs, g, b, rm, rv, dg, db, dy, dx;
  double t, best = 1e9;
  int i;
  dive_rng_seed(&r, 2);
  x = T(4, N, C, H, H, &r); y = T(4, N, C, H, H, &r); dy = T(4, N, C, H, H, &r);
  dx = T(4, N, C, H, H, &r); m = T(1, C, 0, 0, 0, &r); rs = T(1, C, 0, 0, 0, &r);
  g = T(1, C, 0, 0, 0, &r); b = T(1, C, 0, 0, 0, &r); rm = T(1, C, 0, 0, 0, &r);
  rv = T(1, C, 0, 0, 0, &r); dg = T(1, C, 0, 0, 0, &r); db = T(1, C, 0, 0, 0, &r);
  for (i = 0; i < 5; i++) {
    t = dive_time_sec();
    dive_batchnorm_forward(ctx, &y, &m, &rs, &x, &g, &b, &rm, &rv, 1, 0.1f, 1e-5f);
    dive_relu_forward(ctx, &y, &y);
    dive_relu_backward(ctx, &dy, &dy, &y);
    dive_batchnorm_backward(ctx, &dx, &dg, &db, &dy, &x, &m, &rs, &g);
    t = dive_time_sec() - t;
    if (t < best) best = t;
  }
  printf("bn+relu  N=%-3d C=%-2d H=W=%-2d              fwd+bwd %7.2f ms  x%d\n", N, C, H, best * 1e3, count);
  *total += count * best;
  dive_tensor_free(&x); dive_tensor_free(&y); dive_tensor_free(&dy); dive_tensor_free(&dx);
  dive_tensor_free(&m); dive_tensor_free(&rs); dive_tensor_free(&g); dive_tensor_free(&b);
  dive_tensor_free(&rm); dive_tensor_free(&rv); dive_tensor_free(&dg); dive_tensor_free(&db);
}

int main(int argc, char **argv) {
  dive_ctx_desc d;
  int N = argc > 1 ? atoi(argv[1]) : 128;
  double total = 0.0, gflop = 0.0;
  memset(&d, 0, sizeof d);
  d.backend = DIVE_BACKEND_CPU;
  if (dive_ctx_create(&ctx, &d)) { printf("%s\n", dive_last_error()); return 1; }
  printf("device: %s, batch %d\n", dive_query_device_name(ctx), N);
  /* ResNet-32: stem 3->16; 5 blocks x 2 convs per stage; stride 2 entering stages 2, 3 */
  bench_conv(N, 3, 32, 16, 1, 1, &total, &gflop);
  bench_conv(N, 16, 32, 16, 1, 10, &total, &gflop);
  bench_conv(N, 16, 32, 32, 2, 1, &total, &gflop);
  bench_conv(N, 32, 16, 32, 1, 9, &total, &gflop);
  bench_conv(N, 32, 16, 64, 2, 1, &total, &gflop);
  bench_conv(N, 64, 8, 64, 1, 9, &total, &gflop);
  bench_bn_relu(N, 16, 32, 11, &total);
  bench_bn_relu(N, 32, 16, 10, &total);
  bench_bn_relu(N, 64, 8, 10, &total);
  printf("ResNet-32 step (convs + bn + relu, fwd + bwd): %.2f s, %.1f GFLOP of conv\n", total, gflop);
  dive_ctx_destroy(ctx);
  return 0;
}
