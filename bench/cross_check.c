/* cross_check: the same ResNet on the CPU and on Vulkan, from the same weights and batch:
   logits, loss, every parameter gradient and the BN running statistics, compared by
   relative L2 error; and with "ops", every layer op at the ResNet-32 shapes. A debugging
   aid for a new device (no PyTorch needed).
     make build/cross_check && ./build/cross_check [depth] [batch] [classes]
                               ./build/cross_check ops [batch] */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../dive.h"

static double relerr(const float *a, const float *b, int64_t n) {
  double num = 0, den = 0;
  int64_t i;
  for (i = 0; i < n; i++) {
    double d = (double)a[i] - b[i];
    if (a[i] != a[i]) return 1e30;
    num += d * d;
    den += (double)b[i] * b[i];
  }
  return sqrt(num) / (den > 0 ? sqrt(den) : 1);
}


/* ---- op mode: each layer op at the ResNet-32 shapes, CPU vs Vulkan ---- */
static dive_ctx *g_c, *g_v;
static int g_bad;

typedef struct { dive_tensor c, v; } pair;

static pair P(int ndim, int d0, int d1, int d2, int d3, dive_rng *r, float scale) {
  pair p;
  int sh[4], i;
  float *h;
  sh[0] = d0; sh[1] = d1; sh[2] = d2; sh[3] = d3;
  dive_tensor_alloc(g_c, &p.c, DIVE_F32, ndim, sh);
  dive_tensor_alloc(g_v, &p.v, DIVE_F32, ndim, sh);
  h = (float *)malloc(sizeof(float) * (size_t)p.c.numel);
  for (i = 0; i < p.c.numel; i++) h[i] = scale * (2 * dive_rng_uniform(r) - 1);
  dive_tensor_write(&p.c, h, p.c.numel);
  dive_tensor_write(&p.v, h, p.v.numel);
  free(h);
  return p;
}
static void cmp(const char *what, pair *p) {
  float *a = (float *)malloc(sizeof(float) * (size_t)p->c.numel), *b = (float *)malloc(sizeof(float) * (size_t)p->c.numel);
  double e;
  dive_tensor_read(&p->c, a, p->c.numel);
  dive_tensor_read(&p->v, b, p->v.numel);
  e = relerr(b, a, p->c.numel);
  g_bad += e > 1e-5;
  printf("%-56s relerr %.2e%s\n", what, e, e > 1e-5 ? "  <--" : "");
  free(a);
  free(b);
}
static void fr(pair *p) { dive_tensor_free(&p->c); dive_tensor_free(&p->v); }

static int ops(int N) {
  static const int shapes[][4] = {{16, 16, 32, 1}, {16, 32, 32, 2}, {32, 32, 16, 1}, {32, 64, 16, 2}, {64, 64, 8, 1}};
  dive_ctx_desc cd;
  dive_rng r;
  int i;
  char what[120];
  memset(&cd, 0, sizeof cd);
  cd.backend = DIVE_BACKEND_CPU;
  if (dive_ctx_create(&g_c, &cd)) return 1;
  cd.backend = DIVE_BACKEND_VULKAN;
  if (dive_ctx_create(&g_v, &cd)) { printf("vulkan: %s\n", dive_last_error()); return 1; }
  printf("cpu: %s\nvulkan: %s\nbatch %d\n", dive_query_device_name(g_c), dive_query_device_name(g_v), N);
  dive_rng_seed(&r, 3);
  for (i = 0; i < 5; i++) {
    int C = shapes[i][0], K = shapes[i][1], H = shapes[i][2], st = shapes[i][3], P_ = (H - 1) / st + 1;
    pair x = P(4, N, C, H, H, &r, 1), w = P(4, K, C, 3, 3, &r, 0.2f), y = P(4, N, K, P_, P_, &r, 0);
    pair dy = P(4, N, K, P_, P_, &r, 1), dx = P(4, N, C, H, H, &r, 0), dw = P(4, K, C, 3, 3, &r, 0.5f);
    pair g = P(1, K, 1, 1, 1, &r, 1), b = P(1, K, 1, 1, 1, &r, 1), rm = P(1, K, 1, 1, 1, &r, 0), rv = P(1, K, 1, 1, 1, &r, 0);
    pair mu = P(1, K, 1, 1, 1, &r, 0), rs = P(1, K, 1, 1, 1, &r, 0), bo = P(4, N, K, P_, P_, &r, 0), dbi = P(4, N, K, P_, P_, &r, 0);
    pair dg = P(1, K, 1, 1, 1, &r, 0), db = P(1, K, 1, 1, 1, &r, 0);
    snprintf(what, sizeof what, "conv fwd   N=%d C=%d K=%d %dx%d s%d", N, C, K, H, H, st);
    dive_conv2d_forward(g_c, &y.c, &x.c, &w.c, NULL, st, 1, 1);
    dive_conv2d_forward(g_v, &y.v, &x.v, &w.v, NULL, st, 1, 1);
    cmp(what, &y);
    snprintf(what, sizeof what, "conv bwd x N=%d C=%d K=%d %dx%d s%d", N, C, K, H, H, st);
    dive_conv2d_backward(g_c, &dx.c, &dw.c, NULL, &dy.c, &x.c, &w.c, st, 1, 1);
    dive_conv2d_backward(g_v, &dx.v, &dw.v, NULL, &dy.v, &x.v, &w.v, st, 1, 1);
    cmp(what, &dx);
    snprintf(what, sizeof what, "conv bwd w (+=) N=%d C=%d K=%d %dx%d s%d", N, C, K, H, H, st);
    cmp(what, &dw);
    snprintf(what, sizeof what, "bn fwd train N=%d C=%d %dx%d", N, K, P_, P_);
    dive_rng_seed(&r, 9);
    {
      float one[64];
      int k;
      for (k = 0; k < 64; k++) one[k] = 1;
      dive_tensor_write(&rv.c, one, K); dive_tensor_write(&rv.v, one, K);
    }
    dive_batchnorm_forward(g_c, &bo.c, &mu.c, &rs.c, &y.c, &g.c, &b.c, &rm.c, &rv.c, 1, 0.1f, 1e-5f);
    dive_batchnorm_forward(g_v, &bo.v, &mu.v, &rs.v, &y.v, &g.v, &b.v, &rm.v, &rv.v, 1, 0.1f, 1e-5f);
    cmp(what, &bo);
    cmp("  mean", &mu);
    cmp("  rstd", &rs);
    cmp("  running_var", &rv);
    snprintf(what, sizeof what, "bn bwd N=%d C=%d %dx%d", N, K, P_, P_);
    dive_batchnorm_backward(g_c, &dbi.c, &dg.c, &db.c, &dy.c, &y.c, &mu.c, &rs.c, &g.c);
    dive_batchnorm_backward(g_v, &dbi.v, &dg.v, &db.v, &dy.v, &y.v, &mu.v, &rs.v, &g.v);
    cmp(what, &dbi);
    cmp("  dgamma", &dg);
    cmp("  dbeta", &db);
    dive_relu_backward(g_c, &dy.c, &dy.c, &bo.c);
    dive_relu_backward(g_v, &dy.v, &dy.v, &bo.v);
    cmp("relu bwd in place", &dy);
    dive_add_forward(g_c, &dy.c, &bo.c, &dy.c);
    dive_add_forward(g_v, &dy.v, &bo.v, &dy.v);
    cmp("add in place", &dy);
    if (st == 2) {
      pair sc = P(4, N, K, P_, P_, &r, 0), dsc = P(4, N, C, H, H, &r, 0);
      dive_shortcut_forward(g_c, &sc.c, &x.c, 2);
      dive_shortcut_forward(g_v, &sc.v, &x.v, 2);
      snprintf(what, sizeof what, "shortcut fwd N=%d C=%d K=%d %dx%d", N, C, K, H, H);
      cmp(what, &sc);
      dive_shortcut_backward(g_c, &dsc.c, &dy.c, 2);
      dive_shortcut_backward(g_v, &dsc.v, &dy.v, 2);
      cmp("shortcut bwd", &dsc);
      fr(&sc); fr(&dsc);
    }
    if (i == 4) {
      pair pool = P(2, N, K, 1, 1, &r, 0), dpool = P(4, N, K, P_, P_, &r, 0), fw = P(2, 10, K, 1, 1, &r, 0.3f);
      pair fb = P(1, 10, 1, 1, 1, &r, 0.3f), lo = P(2, N, 10, 1, 1, &r, 0), dlo = P(2, N, 10, 1, 1, &r, 1);
      pair dfw = P(2, 10, K, 1, 1, &r, 0), dfb = P(1, 10, 1, 1, 1, &r, 0), dpl = P(2, N, K, 1, 1, &r, 0);
      dive_avgpool_forward(g_c, &pool.c, &bo.c);
      dive_avgpool_forward(g_v, &pool.v, &bo.v);
      cmp("avgpool fwd", &pool);
      dive_linear_forward(g_c, &lo.c, &pool.c, &fw.c, &fb.c);
      dive_linear_forward(g_v, &lo.v, &pool.v, &fw.v, &fb.v);
      cmp("linear fwd", &lo);
      dive_linear_backward(g_c, &dpl.c, &dfw.c, &dfb.c, &dlo.c, &pool.c, &fw.c);
      dive_linear_backward(g_v, &dpl.v, &dfw.v, &dfb.v, &dlo.v, &pool.v, &fw.v);
      cmp("linear bwd din", &dpl);
      cmp("linear bwd dw", &dfw);
      cmp("linear bwd db", &dfb);
      dive_avgpool_backward(g_c, &dpool.c, &dpl.c);
      dive_avgpool_backward(g_v, &dpool.v, &dpl.v);
      cmp("avgpool bwd", &dpool);
      fr(&pool); fr(&dpool); fr(&fw); fr(&fb); fr(&lo); fr(&dlo); fr(&dfw); fr(&dfb); fr(&dpl);
    }
    fr(&x); fr(&w); fr(&y); fr(&dy); fr(&dx); fr(&dw); fr(&g); fr(&b); fr(&rm); fr(&rv); fr(&mu); fr(&rs);
    fr(&bo); fr(&dbi); fr(&dg); fr(&db);
  }
  printf("%d op outputs above 1e-5\n", g_bad);
  return g_bad ? 1 : 0;
}

static dive_resnet *build(dive_backend be, int depth, int batch, int classes, dive_ctx **ctx) {
  dive_ctx_desc cd;
  dive_resnet_desc rd;
  dive_resnet *m = NULL;
  memset(&cd, 0, sizeof cd);
  cd.backend = be;
  if (dive_ctx_create(ctx, &cd)) { printf("ctx: %s\n", dive_last_error()); exit(1); }
  memset(&rd, 0, sizeof rd);
  rd.depth = depth; rd.num_classes = classes; rd.max_batch = batch; rd.seed = 5;
  if (dive_resnet_create(*ctx, &m, &rd)) { printf("model: %s\n", dive_ctx_error(*ctx)); exit(1); }
  return m;
}

int main(int argc, char **argv) {
  if (argc > 1 && !strcmp(argv[1], "ops")) return ops(argc > 2 ? atoi(argv[2]) : 8);
  {
  int depth = argc > 1 ? atoi(argv[1]) : 32, B = argc > 2 ? atoi(argv[2]) : 8, C = argc > 3 ? atoi(argv[3]) : 10;
  dive_ctx *cc, *vc;
  dive_resnet *cm = build(DIVE_BACKEND_CPU, depth, B, C, &cc), *vm = build(DIVE_BACKEND_VULKAN, depth, B, C, &vc);
  float *x = (float *)malloc(sizeof(float) * (size_t)B * 3 * 32 * 32), *a, *b;
  int32_t *y = (int32_t *)malloc(sizeof(int32_t) * (size_t)B);
  int i, bad = 0;
  int64_t n;
  dive_rng r;
  dive_loss_desc ld;
  dive_sgd_desc sd;
  float lc, lv;
  printf("cpu: %s\nvulkan: %s\nresnet-%d, batch %d, %d classes\n", dive_query_device_name(cc),
         dive_query_device_name(vc), depth, B, C);
  dive_rng_seed(&r, 1);
  for (i = 0; i < B * 3 * 32 * 32; i++) x[i] = dive_rng_normal(&r);
  for (i = 0; i < B; i++) y[i] = i % C;
  memset(&ld, 0, sizeof ld);
  memset(&sd, 0, sizeof sd); /* lr 0: the step leaves the weights as they are */
  if (dive_resnet_train_step(cm, NULL, x, y, B, &ld, &sd, &lc) || dive_resnet_train_step(vm, NULL, x, y, B, &ld, &sd, &lv)) {
    printf("step failed: %s / %s\n", dive_ctx_error(cc), dive_ctx_error(vc));
    return 1;
  }
  printf("%-40s relerr %.2e\n", "loss", fabs(lc - lv) / fabs(lc));
  n = dive_resnet_tensor(cm, DIVE_RESNET_PARAMS)->numel;
  a = (float *)malloc(sizeof(float) * (size_t)n);
  b = (float *)malloc(sizeof(float) * (size_t)n);
  {
    const dive_tensor *ol = dive_resnet_tensor(cm, DIVE_RESNET_LOGITS), *vl = dive_resnet_tensor(vm, DIVE_RESNET_LOGITS);
    dive_tensor_read(ol, a, ol->numel);
    dive_tensor_read(vl, b, vl->numel);
    printf("%-40s relerr %.2e\n", "logits", relerr(b, a, ol->numel));
  }
  for (i = 0; i < dive_resnet_num_state(cm); i++) {
    dive_param *p = dive_resnet_state(cm, i), *q = dive_resnet_state(vm, i);
    const dive_tensor *tc = p->kind == DIVE_PARAM_WEIGHT ? &p->grad : &p->value;
    const dive_tensor *tv = p->kind == DIVE_PARAM_WEIGHT ? &q->grad : &q->value;
    double e;
    if (p->kind == DIVE_PARAM_COUNTER) continue;
    dive_tensor_read(tc, a, tc->numel);
    dive_tensor_read(tv, b, tv->numel);
    e = relerr(b, a, tc->numel);
    bad += e > 1e-4;
    printf("%s%-40s relerr %.2e%s\n", p->kind == DIVE_PARAM_WEIGHT ? "grad " : "", p->name, e, e > 1e-4 ? "  <--" : "");
  }
  printf("%d tensors above 1e-4\n", bad);
  return bad ? 1 : 0;
  }
}
