/* test_ref: ResNet-32, the losses and one SGD step against PyTorch.
   The fixture tests/ref/resnet32_ref.safetensors is written by tests/ref/gen_ref.py
   (PyTorch, float64, run by hand); the model's weights, the input batch and the teacher
   logits come from a hash both sides compute, but for the batch norms' biases, which
   gen_ref.py chooses so that every ReLU input of the batch keeps at least 5e-4 of its
   layer's RMS from zero (so no float32 path, Winograd F(4x4) included, lands on the other
   side of a ReLU from PyTorch) and stores as init.*. Every tensor must match to a relative L2
   error below 1e-5 on the CPU and on a CPU-type Vulkan device (lavapipe), where the
   worst rows (gradients in layer3) reach about 3e-6 (3.7e-6 on lavapipe; 8.8e-6 with
   Winograd F(4x4) in every 3x3 conv, tests/test_wino.sh) and everything but gradients
   1e-6 or less; on a GPU below 1e-4 (its sums run in other orders; not measured against
   1e-5). The big gradients and parameters are stored reduced (some output channels in
   full, plus every channel's sum and every position's sum; gen_ref.py says why that
   covers every element). Each backend runs the same checks; one that is not here counts
   them as skipped.
     make build/test_ref && ./build/test_ref            (from the repository root)  */
#define DIVE_IMPLEMENTATION
#include "../dive.h"
#include "ref_util.h"
#define TEST_UTIL_COUNTS_ONLY
#include "test_util.h"

/* ---------------------------------------------------------------- helpers */
static const char *g_backend = "cpu";
static double g_tol = 1e-5; /* relative L2 error */

static void check(int ok, const char *what, double err) {
  printf("%-44s %-6s %s  relerr=%.2e\n", what, g_backend, ok ? "OK  " : "FAIL", err);
  if (ok) g_pass++; else g_fail++;
}

/* a fixture tensor as floats (or ints), NULL when absent */
static const void *fx(const dive__st_file *f, const char *name, int64_t *numel) {
  const dive__st_entry *e = dive__st_find(f, name);
  if (!e) { printf("fixture lacks %s\n", name); g_fail++; return NULL; }
  if (numel) *numel = (int64_t)(e->end - e->begin) / 4;
  return f->data + e->begin;
}

/* the weights of gen_ref.py: a hash draw, but the batch norms' biases (chosen there so that
   no ReLU input of the batch lies within a rounding of zero) from the fixture's init.* */
static void set_hash_weights(dive_resnet *m, const dive__st_file *f) {
  int i, t = 0;
  for (i = 0; i < m->nplist; i++) {
    dive_param *p = &m->plist[i];
    int64_t j, n = p->value.numel;
    float *v;
    if (p->kind != DIVE_PARAM_WEIGHT) continue;
    v = (float *)malloc((size_t)n * 4);
    for (j = 0; j < n; j++) {
      double u = hash_uniform(t, (uint32_t)j);
      if (p->value.ndim >= 2) v[j] = (float)(u * sqrt(3.0) * sqrt(2.0 / (double)(n / p->value.shape[0])));
      else if (ends_with(p->name, "bn1.weight") || ends_with(p->name, "bn2.weight")) v[j] = (float)(1.0 + 0.2 * u);
      else if (!strcmp(p->name, "linear.bias")) v[j] = (float)(0.1 * u);
      else v[j] = (float)(0.2 * u);
    }
    if (strstr(p->name, "bn") && ends_with(p->name, ".bias")) {
      char key[112];
      int64_t k = 0;
      const void *b;
      snprintf(key, sizeof key, "init.%s", p->name);
      b = fx(f, key, &k);
      if (b && k == n) memcpy(v, b, (size_t)n * 4); /* the data section need not be aligned */
      else if (b) { printf("fixture's %s has %d values, not %d\n", key, (int)k, (int)n); g_fail++; }
    }
    dive_tensor_write(&p->value, v, n);
    free(v);
    t++;
  }
}

/* compare a device tensor with the fixture's tensor `name`: in full, or where the fixture
   holds it reduced (name.rows lists the output channels stored; gen_ref.py, `reduced`)
   those channels, the sum over each output channel (name.rowsum) and the sum over the
   output channels at each other position (name.colsum); the worst of the three counts */
static void cmp(const dive__st_file *f, const char *name, const dive_tensor *t) {
  int64_t n = 0, nrows = 0, K = t->ndim ? t->shape[0] : 1, len = t->numel / (K ? K : 1), i, j;
  const float *ref = (const float *)fx(f, name, &n), *rs, *cs;
  const int32_t *rows;
  float *got, *a;
  double err;
  char key[112], what[112];
  if (!ref) return;
  got = (float *)malloc((size_t)t->numel * 4);
  a = (float *)malloc((size_t)t->numel * 4);
  snprintf(key, sizeof key, "%s.rows", name);
  if (dive_tensor_read(t, got, t->numel)) {
    check(0, name, 1e30);
  } else if (!dive__st_find(f, key)) {
    err = n == t->numel ? relerr(got, ref, n) : 1e30;
    check(err < g_tol, name, err);
  } else {
    rows = (const int32_t *)fx(f, key, &nrows);
    snprintf(key, sizeof key, "%s.rowsum", name);
    rs = (const float *)fx(f, key, NULL);
    snprintf(key, sizeof key, "%s.colsum", name);
    cs = (const float *)fx(f, key, NULL);
    err = n == nrows * len && rows && rs && cs ? 0 : 1e30;
    for (i = 0; i < nrows && err == 0; i++) {
      int32_t k;
      memcpy(&k, rows + i, 4);
      if (k < 0 || k >= K) err = 1e30;
      else memcpy(a + i * len, got + k * len, (size_t)len * 4);
    }
    if (err == 0) err = relerr(a, ref, n);
    if (err < 1e30) {
      for (i = 0; i < K; i++) {
        double s = 0;
        for (j = 0; j < len; j++) s += got[i * len + j];
        a[i] = (float)s;
      }
      err = fmax(err, relerr(a, rs, K));
      for (j = 0; j < len; j++) {
        double s = 0;
        for (i = 0; i < K; i++) s += got[i * len + j];
        a[j] = (float)s;
      }
      err = fmax(err, relerr(a, cs, len));
    }
    snprintf(what, sizeof what, "%s (%d of %d, sums)", name, (int)nrows, (int)K);
    check(err < g_tol, what, err);
  }
  free(got);
  free(a);
}

/* ---------------------------------------------------------------- the test */
/* every check on one backend; 0 when the backend is not here */
static int run(dive_backend backend, const dive__st_file *f) {
  static const struct { const char *name; dive_loss_kind kind; int no_bsce, mix; float T, p; } L[] = {
    {"ce", DIVE_LOSS_CE, 0, 0, 0, 0},           {"bsce", DIVE_LOSS_BSCE, 0, 0, 0, 0},
    {"kd", DIVE_LOSS_KD, 0, 0, 0, 0},           {"dive", DIVE_LOSS_DIVE, 0, 0, 0, 0},
    /* the fixture's *_nobsce entries are T^2 KL with weight 1, which is the KD kind (no_bsce
       weights it by alpha, as Eq. 15 does: tests/ref/loss_ref.safetensors checks that) */
    {"dive_nobsce", DIVE_LOSS_KD, 0, 0, 0, 0}, {"dive_mix", DIVE_LOSS_DIVE, 0, 1, 0, 0},
    {"dive_mix_nobsce", DIVE_LOSS_KD, 0, 1, 0, 0}, {"kd_T1_p1", DIVE_LOSS_KD, 0, 0, 1, 1},
  };
  dive_ctx_desc cd;
  dive_ctx *ctx;
  dive_resnet_desc rd;
  dive_resnet *m;
  dive_tensor lab, teach, prior, dl, lg, pe;
  const int B = 8, C = 10;
  const int32_t *y = (const int32_t *)fx(f, "labels", NULL), *counts = (const int32_t *)fx(f, "counts", NULL);
  float logp[10], loss, xs[8 * 3 * 32 * 32], zs[80];
  int32_t ys[8];
  int i, shape[2];
  char what[96];
  dive_sgd_desc sd;
  int w0 = dive__wino_calls[0], w1 = dive__wino_calls[1], q0 = dive__wino4_calls[0], q1 = dive__wino4_calls[1];
  int g0 = dive__wgw_calls;

  memset(&cd, 0, sizeof cd);
  cd.backend = backend;
  g_backend = backend_name(backend);
  if (!expect_backend(dive_ctx_create(&ctx, &cd), &ctx, backend, g_backend, 0)) return 0;
  g_tol = 1e-5;
#ifndef DIVE_NO_VULKAN
  if (backend == DIVE_BACKEND_VULKAN && ctx->vk->props.deviceType != VK_PHYSICAL_DEVICE_TYPE_CPU) g_tol = 1e-4;
#endif
  printf("%s: %s, tolerance %.0e\n", g_backend, dive_query_device_name(ctx), g_tol);
  if (!y || !counts) return 1;
  /* the input batch and the teacher logits: hash tensors 999 and 998 (gen_ref.py) */
  for (i = 0; i < 8 * 3 * 32 * 32; i++) xs[i] = (float)hash_uniform(999, (uint32_t)i);
  for (i = 0; i < 80; i++) zs[i] = (float)(3.0 * hash_uniform(998, (uint32_t)i));
  memcpy(ys, y, sizeof ys); /* the fixture's data section need not be aligned */
  for (i = 0; i < C; i++) {
    int32_t c;
    memcpy(&c, (const char *)counts + 4 * i, 4);
    logp[i] = (float)log((double)c);
  }
  memset(&rd, 0, sizeof rd);
  rd.depth = 32; rd.num_classes = C; rd.max_batch = B;
  if (dive_resnet_create(ctx, &m, &rd)) { printf("FAIL create: %s\n", dive_ctx_error(ctx)); g_fail++; return 1; }
  check(m->num_params == 464154, "resnet32 parameter count 464154", (double)m->num_params);
  set_hash_weights(m, f);

  /* forward in training mode */
  if (dive_resnet_forward(m, xs, B, 1)) printf("forward: %s\n", dive_ctx_error(ctx));
  lg = m->logits;
  cmp(f, "logits", &lg);

  /* every loss variant: value and d loss / d logits */
  shape[0] = B; shape[1] = C;
  dive_tensor_alloc(ctx, &lab, DIVE_I32, 1, shape);
  dive_tensor_alloc(ctx, &teach, DIVE_F32, 2, shape);
  dive_tensor_alloc(ctx, &dl, DIVE_F32, 2, shape);
  dive_tensor_alloc(ctx, &pe, DIVE_F32, 1, shape);
  dive_tensor_alloc(ctx, &prior, DIVE_F32, 1, &shape[1]);
  dive_tensor_write(&lab, ys, B);
  dive_tensor_write(&teach, zs, B * C);
  dive_tensor_write(&prior, logp, C);
  for (i = 0; i < (int)(sizeof L / sizeof L[0]); i++) {
    dive_loss_desc ld;
    const float *ref;
    float got[1];
    memset(&ld, 0, sizeof ld);
    ld.kind = L[i].kind; ld.no_bsce = L[i].no_bsce; ld.mix_groundtruth = L[i].mix;
    ld.T = L[i].T; ld.power = L[i].p;
    if (dive_loss_forward(ctx, &dl, &pe, &loss, &lg, &lab, &teach, &prior, &ld))
      printf("loss %s: %s\n", L[i].name, dive_ctx_error(ctx));
    snprintf(what, sizeof what, "loss.%s", L[i].name);
    ref = (const float *)fx(f, what, NULL);
    if (ref) {
      float r;
      memcpy(&r, ref, 4);
      got[0] = loss;
      check(relerr(got, &r, 1) < g_tol, what, relerr(got, &r, 1));
    }
    snprintf(what, sizeof what, "dlogits.%s", L[i].name);
    cmp(f, what, &dl);
  }

  /* backward of the DiVE loss into every parameter gradient */
  {
    dive_loss_desc ld;
    memset(&ld, 0, sizeof ld);
    ld.kind = DIVE_LOSS_DIVE;
    dive_loss_forward(ctx, &m->dlogits, NULL, NULL, &lg, &lab, &teach, &prior, &ld);
  }
  dive_resnet_zero_grad(m);
  if (dive_resnet_backward(m)) printf("backward: %s\n", dive_ctx_error(ctx));
  for (i = 0; i < m->nplist; i++) {
    dive_param *p = &m->plist[i];
    snprintf(what, sizeof what, p->kind == DIVE_PARAM_WEIGHT ? "grad.%s" : "state.%s", p->name);
    if (p->kind == DIVE_PARAM_WEIGHT) cmp(f, what, &p->grad);
    else if (p->kind == DIVE_PARAM_BUFFER) cmp(f, what, &p->value);
    else check(*p->counter == 1, p->name, (double)*p->counter);
  }

  /* one SGD step, then the eval-mode logits */
  memset(&sd, 0, sizeof sd);
  sd.lr = 0.1f; sd.momentum = 0.9f; sd.weight_decay = 5e-4f;
  dive_resnet_sgd_step(m, &sd);
  for (i = 0; i < m->nplist; i++) {
    snprintf(what, sizeof what, "step.%s", m->plist[i].name);
    if (dive__st_find(f, what)) cmp(f, what, &m->plist[i].value);
  }
  {
    float out[80];
    dive_tensor t;
    if (dive_resnet_predict(m, xs, B, out)) printf("predict: %s\n", dive_ctx_error(ctx));
    t = m->logits; /* predict left them there */
    cmp(f, "logits_eval_after_step", &t);
  }
  /* the one-call training step: from the same start, its CE loss is PyTorch's */
  set_hash_weights(m, f);
  dive_tensor_zero(&m->momentum);
  for (i = 0; i < m->nplist; i++) { /* running stats back to 0 / 1 */
    dive_param *p = &m->plist[i];
    if (p->kind == DIVE_PARAM_BUFFER) {
      float v[64];
      int k;
      for (k = 0; k < 64; k++) v[k] = ends_with(p->name, "running_var") ? 1.0f : 0.0f;
      dive_tensor_write(&p->value, v, p->value.numel);
    }
  }
  {
    dive_loss_desc ld;
    float r;
    const float *ref = (const float *)fx(f, "loss.ce", NULL);
    memset(&ld, 0, sizeof ld);
    ld.kind = DIVE_LOSS_CE;
    if (dive_resnet_train_step(m, NULL, xs, ys, B, &ld, &sd, &loss)) printf("train_step: %s\n", dive_ctx_error(ctx));
    if (ref) {
      memcpy(&r, ref, 4);
      check(fabs(loss - r) / r < g_tol, "train_step CE loss == loss.ce", fabs(loss - r) / r);
    }
  }
  dive_tensor_free(&lab); dive_tensor_free(&teach); dive_tensor_free(&dl); dive_tensor_free(&pe);
  dive_tensor_free(&prior);
  /* the CPU's Winograd convs of this run, for tests/test_wino.sh and tests/arm.sh to check
     that the path they ask for ran (counted on the calling thread, where convs dispatch) */
  if (backend == DIVE_BACKEND_CPU)
    printf("cpu Winograd convs: forward %d (F(4x4) %d), backward-data %d (F(4x4) %d)\n",
           dive__wino_calls[0] - w0, dive__wino4_calls[0] - q0, dive__wino_calls[1] - w1, dive__wino4_calls[1] - q1);
  if (backend == DIVE_BACKEND_CPU) printf("cpu Winograd backward-weights: %d\n", dive__wgw_calls - g0);
  dive_resnet_destroy(m);
  dive_ctx_destroy(ctx);
  return 1;
}

int main(int argc, char **argv) {
  dive__st_file f;
  int ran[2], n, per = 0, cpu_only = argc == 3 && !strcmp(argv[1], "-b") && !strcmp(argv[2], "cpu");
  const char *path = "tests/ref/resnet32_ref.safetensors";
  if (argc > 1 && !cpu_only) {
    printf("usage: %s [-b cpu]   (-b cpu: the CPU half alone; the Vulkan half is not run or counted)\n", argv[0]);
    return 2;
  }
  if (dive__st_open(&f, path)) {
    printf("FAIL cannot read fixture: %s (run from the repository root)\n", dive_last_error());
    return 1;
  }
  /* both backends run the same checks: one that is not here counts the other's */
  n = g_pass + g_fail;
  ran[0] = run(DIVE_BACKEND_CPU, &f);
  per = g_pass + g_fail - n;
  n = g_pass + g_fail;
  ran[1] = cpu_only ? 1 : run(DIVE_BACKEND_VULKAN, &f);
  if (ran[1] && !cpu_only) per = g_pass + g_fail - n;
  if (!ran[0]) skip_part("cpu", per, 0, "the cpu backend is not here (above)");
  if (!ran[1]) skip_part("vulkan", per, 1, "no Vulkan backend here (above)");
  dive__st_close(&f);
  if (dive__vk_validation_errors(NULL)) { /* DIVE_VK_VALIDATION=1: any message fails */
    printf("FAIL: %d Vulkan validation messages\n", dive__vk_validation_errors(NULL));
    g_fail++;
  }
  return summary();
}
