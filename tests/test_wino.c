/* test_wino: the CPU's Winograd F(2x2, 3x3) and F(4x4, 3x3) convs at model level (F(4x4):
   everywhere in the forward, then in backward-data only, dive__wino4_mode 1), and
   backward-weights as Winograd F(3x3, 2x2) (dive__wgw_mode 1, after the direct forward and
   with direct backward-data: every weight gradient against the direct run's). ResNet-32
   (CIFAR, batch 8) runs from the same weights and data with direct convs only and with
   Winograd, which must agree with the direct run to a relative error below 1e-4 (the tolerance test_ref
   holds the model to against PyTorch); the Winograd runs must have used Winograd. Each
   variant, with Winograd wherever it applies and with the measured rule (what training
   runs): the forward (training-mode and eval-mode logits), then backward-data alone after
   the same, direct forward (every weight gradient). Gradients are compared after the same
   forward only: a forward that rounds differently moves pre-ReLU values that lie within a
   rounding of zero to the other side, and each such flip changes a gradient by a whole
   term (with these random weights some values lie within 1e-6 of zero, where the forward's
   rounding is 6e-6: which side a float32 path lands on is chance; test_ref's fixture
   chooses its batch norms' biases to avoid that, tests/ref/gen_ref.py). So the
   losses of three SGD steps only have to agree to 1e-2: the runs part there (about 1e-3
   with Winograd everywhere), and a wrong backward-data would not stay that close. The
   batch norms' gamma and beta are drawn at random (1 + 0.2u, 0.2u), as in
   test_ref's fixture: at their initial 1 and 0 every ReLU's threshold sits at its channel's
   batch mean, right among the values. (tests/test_wino.sh also runs test_ref with Winograd
   in every 3x3 conv: the model against PyTorch.) Last, inference with the batch norms
   folded into the convs against the unfolded eval mode (check_fold), and training with BN
   backward's dx computed inside the conv backward's copies against it as a pass of its own
   (DIVE_CPU_FUSE_DX=0's path), and the option-A shortcut's gradient added in the backward-data
   epilogue against its passes (DIVE_CPU_FUSE_SC=0's path): the same bits (check_fuse_dx).
     make build/test_wino && ./build/test_wino            (from the repository root) */
#define DIVE_IMPLEMENTATION
#include "../dive.h"
#include "ref_util.h"

static int g_pass, g_fail;
static void check(int ok, const char *what, double v) {
  printf("%-62s %s  %.2e\n", what, ok ? "OK  " : "FAIL", v);
  if (ok) g_pass++; else g_fail++;
}
enum { B = 8, STEPS = 3 };
typedef struct run {
  float logits[B * 10], eval0[B * 10], loss[STEPS];
  float *grads; /* all weight gradients, in plist order */
  int64_t n;
  int calls[2], calls4[2]; /* Winograd calls; of them F(4x4) */
  int wgw;                 /* backward-weights run as Winograd (dive__wgw_calls) */
} run;

static void grads(dive_resnet *m, float *dst) {
  int i;
  for (i = 0; i < m->nplist; i++) {
    dive_param *p = &m->plist[i];
    if (p->kind != DIVE_PARAM_WEIGHT) continue;
    dive_tensor_read(&p->grad, dst, p->value.numel);
    dst += p->value.numel;
  }
}

/* fmode: Winograd mode of the forward passes, bmode: of the backward pass; the steps run
   with the one that is not 0 */
static int g_wino4 = 0; /* dive__wino4_mode of the runs: 1 F(4x4) wherever Winograd runs */
static int g_wgw = 0;   /* dive__wgw_mode of the runs: 1 backward-weights as Winograd wherever it applies */
static int do_run(dive_ctx *ctx, int fmode, int bmode, const float *x, const int32_t *y, run *r) {
  dive_resnet_desc rd;
  dive_resnet *m;
  dive_loss_desc ld;
  dive_sgd_desc sd;
  dive_tensor lab;
  int i, shape = B, c0 = dive__wino_calls[0], c1 = dive__wino_calls[1];
  int d0 = dive__wino4_calls[0], d1 = dive__wino4_calls[1], e0 = dive__wgw_calls;
  dive__isa();
  dive__wino4_mode = g_wino4;
  dive__wgw_mode = g_wgw;
  memset(&rd, 0, sizeof rd);
  rd.depth = 32; rd.num_classes = 10; rd.max_batch = B; rd.seed = 5;
  if (dive_resnet_create(ctx, &m, &rd)) return 0;
  {
    dive_rng pr;
    dive_rng_seed(&pr, 3);
    for (i = 0; i < m->nplist; i++) {
      dive_param *p = &m->plist[i];
      float v[64];
      int64_t j;
      if (p->kind != DIVE_PARAM_WEIGHT || p->value.ndim != 1 || !strstr(p->name, "bn")) continue;
      for (j = 0; j < p->value.numel; j++)
        v[j] = strstr(p->name, "weight") ? 1.0f + 0.2f * (2.0f * dive_rng_uniform(&pr) - 1.0f)
                                         : 0.2f * (2.0f * dive_rng_uniform(&pr) - 1.0f);
      dive_tensor_write(&p->value, v, p->value.numel);
    }
  }
  for (r->n = 0, i = 0; i < m->nplist; i++)
    if (m->plist[i].kind == DIVE_PARAM_WEIGHT) r->n += m->plist[i].value.numel;
  r->grads = (float *)malloc(sizeof(float) * (size_t)r->n);
  memset(&ld, 0, sizeof ld);
  ld.kind = DIVE_LOSS_CE;
  memset(&sd, 0, sizeof sd);
  sd.lr = 0.1f; sd.momentum = 0.9f; sd.weight_decay = 5e-4f;
  dive_tensor_alloc(ctx, &lab, DIVE_I32, 1, &shape);
  dive_tensor_write(&lab, y, B);
  /* forward in training mode, CE loss, backward: logits and gradients */
  dive__wino_mode = fmode;
  dive_resnet_forward(m, x, B, 1);
  dive_tensor_read(&m->logits, r->logits, B * 10);
  dive_loss_forward(ctx, &m->dlogits, NULL, NULL, &m->logits, &lab, NULL, NULL, &ld);
  dive_resnet_zero_grad(m);
  dive__wino_mode = bmode;
  dive_resnet_backward(m);
  grads(m, r->grads);
  /* eval-mode logits, then three training steps */
  dive__wino_mode = fmode;
  dive_resnet_predict(m, x, B, r->eval0);
  dive__wino_mode = fmode ? fmode : bmode;
  for (i = 0; i < STEPS; i++) dive_resnet_train_step(m, NULL, x, y, B, &ld, &sd, &r->loss[i]);
  r->calls[0] = dive__wino_calls[0] - c0;
  r->calls[1] = dive__wino_calls[1] - c1;
  r->calls4[0] = dive__wino4_calls[0] - d0;
  r->calls4[1] = dive__wino4_calls[1] - d1;
  r->wgw = dive__wgw_calls - e0;
  dive__wino4_mode = -1;
  dive__wgw_mode = -1;
  dive_tensor_free(&lab);
  dive_resnet_destroy(m);
  dive__wino_mode = -1;
  return dive_ctx_status(ctx) == DIVE_OK;
}

static void compare(const char *name, const run *a, const run *d, int with_grads, int steps) {
  char what[96];
  double e, worst = 0;
  int i;
  e = relerr(a->logits, d->logits, B * 10);
  snprintf(what, sizeof what, "%s vs direct: training-mode logits", name);
  check(e < 1e-4, what, e);
  e = relerr(a->eval0, d->eval0, B * 10);
  snprintf(what, sizeof what, "%s vs direct: eval-mode logits", name);
  check(e < 1e-4, what, e);
  if (with_grads) {
    e = relerr(a->grads, d->grads, d->n);
    snprintf(what, sizeof what, "%s vs direct: all weight gradients", name);
    check(e < 1e-4, what, e);
  }
  if (!steps) return;
  for (i = 0; i < STEPS; i++) {
    double q = fabs((double)a->loss[i] - d->loss[i]) / fabs((double)d->loss[i]);
    worst = q > worst ? q : worst;
  }
  snprintf(what, sizeof what, "%s vs direct: losses of %d SGD steps (%.6f ...)", name, STEPS, a->loss[STEPS - 1]);
  check(worst < 1e-2, what, worst);
}

/* Inference with batch norm folded into the convs (the CPU's eval mode: one pass per conv
   with bias, residual and ReLU, no statistics) against eval mode with the BN as its own
   pass (DIVE_CPU_FOLD=0's path), from random running statistics, for a CIFAR ResNet and
   the ImageNet family's stems, bottlenecks, projections and groups; then backward after an
   eval-mode forward must be refused (the folded pass leaves no conv outputs behind). */
static void check_fold(dive_ctx *ctx, const char *arch, int width, int size) {
  dive_resnet_desc rd;
  dive_resnet *m;
  dive_rng pr;
  float *x, folded[4 * 10], plain[4 * 10];
  char what[96];
  int i, n = 4;
  int64_t j;
  memset(&rd, 0, sizeof rd);
  rd.arch = arch; rd.base_width = width; rd.height = rd.width = size; rd.max_batch = n; rd.seed = 5;
  if (dive_resnet_create(ctx, &m, &rd)) { printf("FAIL %s: %s\n", arch, dive_ctx_error(ctx)); g_fail++; return; }
  dive_rng_seed(&pr, 23);
  for (i = 0; i < m->nplist; i++) { /* BN buffers and affine parameters away from 0 / 1 */
    dive_param *p = &m->plist[i];
    float *v;
    if (p->kind == DIVE_PARAM_COUNTER) continue;
    v = (float *)malloc(sizeof(float) * (size_t)p->value.numel);
    dive_tensor_read(&p->value, v, p->value.numel);
    for (j = 0; j < p->value.numel; j++)
      if (strstr(p->name, "running_var")) v[j] = 0.5f + dive_rng_uniform(&pr);
      else if (strstr(p->name, "running_mean")) v[j] = 0.2f * dive_rng_normal(&pr);
      else if (p->value.ndim == 1 && !strstr(p->name, "fc.")) v[j] += 0.2f * dive_rng_normal(&pr);
    dive_tensor_write(&p->value, v, p->value.numel);
    free(v);
  }
  x = (float *)malloc(sizeof(float) * (size_t)(n * 3 * size * size));
  for (j = 0; j < (int64_t)n * 3 * size * size; j++) x[j] = dive_rng_normal(&pr);
  m->no_fold = 1;
  dive_resnet_predict(m, x, n, plain);
  m->no_fold = 0;
  dive_resnet_predict(m, x, n, folded);
  snprintf(what, sizeof what, "%s: eval logits, BN folded vs its own pass", arch);
  check(dive_ctx_status(ctx) == DIVE_OK && m->fold != NULL && relerr(folded, plain, n * 10) < 1e-5, what,
        relerr(folded, plain, n * 10));
  snprintf(what, sizeof what, "%s: backward after an eval forward is refused", arch);
  check(dive_resnet_backward(m) == DIVE_ERR_ARG && strstr(dive_ctx_error(ctx), "eval mode") != NULL, what, 0.0);
  dive_ctx_clear_error(ctx);
  dive_resnet_destroy(m);
  free(x);
}

/* BN backward's dx inside the next conv backward's copies of it (the CPU's training step)
   against the dx as a pass (DIVE_CPU_FUSE_DX=0): a training step each from the same
   weights, then one forward and backward; every loss and gradient bit for bit the same, the
   fused run must have fused and the other not: CIFAR ResNet-32 and the ImageNet family's
   bottlenecks, projections and groups, on the best ISA path (test_ops checks the dx rows
   of every path). mode 1: instead, the 3x3 convs of 32-column images without shifted copies
   (dive__s1_pick, AVX-512) against the copies (DIVE_CPU_S1=0), both with the dx fused;
   mode 2: the option-A shortcut's add in the backward-data epilogue against its passes. */
static void check_fuse_dx(dive_ctx *ctx, const char *arch, int width, int size, int isa, int wmode, int mode) {
  dive_resnet_desc rd;
  dive_loss_desc ld;
  dive_sgd_desc sd;
  dive_rng pr;
  float *x, loss[2][2], *gr[2] = {NULL, NULL};
  int32_t y[2];
  char what[128];
  int i, v, calls[2], n = 2, ok = 1, best = dive__isa();
  int64_t j, ng = 0;
  dive__isa_set(isa);
  dive__wino_mode = wmode;
  dive__wgw_mode = 0; /* (backward-weights as Winograd reads dout itself: nothing to fuse) */
  x = (float *)malloc(sizeof(float) * (size_t)(n * 3 * size * size));
  memset(&ld, 0, sizeof ld);
  ld.kind = DIVE_LOSS_CE;
  memset(&sd, 0, sizeof sd);
  sd.lr = 0.1f; sd.momentum = 0.9f; sd.weight_decay = 5e-4f;
  for (v = 0; v < 2; v++) { /* v = 0: the dx as a pass, 1: fused (s1: without copies 0, 1) */
    dive_resnet *m;
    int s1 = mode == 1, sc = mode == 2;
    int c0 = s1 ? dive__s1_calls : sc ? dive__sc_fused_calls : dive__dx_fused_calls;
    memset(&rd, 0, sizeof rd);
    rd.arch = arch; rd.base_width = width; rd.height = rd.width = size; rd.max_batch = n; rd.seed = 5;
    if (dive_resnet_create(ctx, &m, &rd)) { printf("FAIL %s: %s\n", arch, dive_ctx_error(ctx)); g_fail++; break; }
    if (sc) m->no_fuse_sc = !v;
    else m->no_fuse_dx = !v && !s1;
    dive__s1_mode = s1 ? v : -1;
    dive_rng_seed(&pr, 29);
    for (j = 0; j < (int64_t)n * 3 * size * size; j++) x[j] = dive_rng_normal(&pr);
    for (i = 0; i < n; i++) y[i] = (int32_t)(dive_rng_u32(&pr) % 10);
    for (i = 0; i < m->nplist; i++) { /* BN affine parameters off 1 / 0 (see the top) */
      dive_param *p = &m->plist[i];
      float pv[2048];
      if (p->kind != DIVE_PARAM_WEIGHT || p->value.ndim != 1 || !strstr(p->name, "bn") || p->value.numel > 2048) continue;
      for (j = 0; j < p->value.numel; j++)
        pv[j] = strstr(p->name, "weight") ? 1.0f + 0.2f * (2.0f * dive_rng_uniform(&pr) - 1.0f)
                                          : 0.2f * (2.0f * dive_rng_uniform(&pr) - 1.0f);
      dive_tensor_write(&p->value, pv, p->value.numel);
    }
    dive_resnet_train_step(m, NULL, x, y, n, &ld, &sd, &loss[v][0]);
    dive_resnet_forward(m, x, n, 1);
    {
      dive_tensor lab;
      int shape = n;
      dive_tensor_alloc(ctx, &lab, DIVE_I32, 1, &shape);
      dive_tensor_write(&lab, y, n);
      dive_loss_forward(ctx, &m->dlogits, NULL, NULL, &m->logits, &lab, NULL, NULL, &ld);
      dive_tensor_free(&lab);
    }
    dive_tensor_read(&m->logits, &loss[v][1], 1); /* and the first logit */
    dive_resnet_zero_grad(m);
    dive_resnet_backward(m);
    for (ng = 0, i = 0; i < m->nplist; i++)
      if (m->plist[i].kind == DIVE_PARAM_WEIGHT) ng += m->plist[i].value.numel;
    gr[v] = (float *)malloc(sizeof(float) * (size_t)ng);
    grads(m, gr[v]);
    calls[v] = (s1 ? dive__s1_calls : sc ? dive__sc_fused_calls : dive__dx_fused_calls) - c0;
    ok = ok && dive_ctx_status(ctx) == DIVE_OK;
    dive_resnet_destroy(m);
  }
  dive__isa_set(best);
  dive__wino_mode = -1;
  dive__wgw_mode = -1;
  dive__s1_mode = -1;
  ok = ok && gr[0] && gr[1] && calls[0] == 0 && (calls[1] > 0 || (mode == 1 && isa != DIVE__ISA_AVX512)) &&
       !memcmp(loss[0], loss[1], sizeof loss[0]) && !memcmp(gr[0], gr[1], sizeof(float) * (size_t)ng);
  snprintf(what, sizeof what, "%s %s%s: %s (%d calls)", arch, dive__isa_name(isa), wmode == 0 ? " direct" : "",
           mode == 1   ? "3x3 convs without copies vs with"
           : mode == 2 ? "shortcut A's add in the epilogue vs passes"
                       : "BN dx in the conv copies vs a pass",
           calls[1]);
  check(ok, what, gr[0] && gr[1] ? relerr(gr[1], gr[0], ng) : 1.0);
  free(gr[0]);
  free(gr[1]);
  free(x);
}

int main(void) {
  /* direct; Winograd everywhere in the forward, then in backward-data only (the same,
     direct forward); the rule in the forward, then in backward-data only; F(4x4, 3x3)
     everywhere in the forward, then in backward-data only */
  enum { NR = 8 };
  static const int fm[NR] = {0, 1, 0, -1, 0, 1, 0, 0}, bm[NR] = {0, 0, 1, 0, -1, 0, 1, 0};
  static const int w4[NR] = {0, 0, 0, -1, -1, 1, 1, 0}, wg[NR] = {0, 0, 0, -1, -1, 0, 0, 1};
  static const char *names[NR] = {"direct", "Winograd forward", "Winograd backward-data", "rule forward",
                                  "rule backward-data", "Winograd F(4x4) forward", "Winograd F(4x4) backward-data",
                                  "Winograd backward-weights"};
  dive_ctx_desc cd;
  dive_ctx *ctx;
  dive_rng rng;
  float *x = (float *)malloc(sizeof(float) * B * 3 * 32 * 32);
  int32_t y[B];
  run r[NR];
  int i, k;
  char what[96];
  memset(&cd, 0, sizeof cd);
  cd.backend = DIVE_BACKEND_CPU;
  if (dive_ctx_create(&ctx, &cd)) { printf("FAIL ctx: %s\n0 passed, 1 failed, 0 skipped\n", dive_last_error()); return 1; }
  dive_rng_seed(&rng, 11);
  for (i = 0; i < B * 3 * 32 * 32; i++) x[i] = dive_rng_normal(&rng);
  for (i = 0; i < B; i++) y[i] = (int32_t)(dive_rng_u32(&rng) % 10);
  printf("cpu kernels %s, %d threads\n", dive__isa_name(dive__isa()), dive_query_threads(ctx));
  for (k = 0; k < NR; k++) {
    g_wino4 = w4[k];
    g_wgw = wg[k];
    if (!do_run(ctx, fm[k], bm[k], x, y, &r[k])) {
      printf("FAIL run %s: %s\n0 passed, 1 failed, 0 skipped\n", names[k], dive_ctx_error(ctx));
      return 1;
    }
  }
  g_wino4 = 0;
  g_wgw = 0;
  for (k = 0; k < NR; k++) { /* the rule's runs use Winograd where it picks it: calls >= 0 */
    int ok = k == 0   ? r[k].calls[0] == 0 && r[k].calls[1] == 0 && r[k].wgw == 0
             : k == 7 ? r[k].calls[0] == 0 && r[k].calls[1] == 0 && r[k].wgw > 0
             : k == 1 ? r[k].calls[0] > 0 && r[k].calls4[0] == 0
             : k == 2 ? r[k].calls[1] > 0 && r[k].calls4[1] == 0
             : k == 5 ? r[k].calls[0] > 0 && r[k].calls4[0] == r[k].calls[0]
             : k == 6 ? r[k].calls[1] > 0 && r[k].calls4[1] == r[k].calls[1]
                      : 1;
    snprintf(what, sizeof what, "%s: Winograd calls (%d, %d; F(4x4) %d, %d; dw %d)", names[k], r[k].calls[0],
             r[k].calls[1], r[k].calls4[0], r[k].calls4[1], r[k].wgw);
    check(ok, what, 0.0);
  }
  compare(names[1], &r[1], &r[0], 0, 1);
  compare(names[2], &r[2], &r[0], 1, 1);
  compare(names[3], &r[3], &r[0], 0, 1);
  compare(names[4], &r[4], &r[0], 1, 1);
  compare(names[5], &r[5], &r[0], 0, 1);
  compare(names[6], &r[6], &r[0], 1, 1);
  compare(names[7], &r[7], &r[0], 1, 1);
  check_fold(ctx, "resnet32", 0, 32);
  check_fold(ctx, "resnet18", 16, 32);
  check_fold(ctx, "resnet50", 16, 32);
  check_fold(ctx, "resnext50_32x4d", 32, 32);
  check_fuse_dx(ctx, "resnet32", 0, 32, dive__isa(), -1, 0);
  check_fuse_dx(ctx, "resnet50", 8, 32, dive__isa(), -1, 0);
  check_fuse_dx(ctx, "resnext50_32x4d", 32, 32, dive__isa(), -1, 0);
  check_fuse_dx(ctx, "resnet32", 0, 32, dive__isa(), -1, 1);
  check_fuse_dx(ctx, "resnet32", 0, 32, dive__isa(), -1, 2);
  check_fuse_dx(ctx, "resnet8", 0, 14, DIVE__ISA_GENERIC, -1, 2); /* odd planes: 14 -> 7 -> 4 */
  for (k = 0; k < NR; k++) free(r[k].grads);
  free(x);
  dive_ctx_destroy(ctx);
  printf("%d passed, %d failed, 0 skipped\n", g_pass, g_fail);
  return g_fail ? 1 : 0;
}
