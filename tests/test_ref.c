/* test_ref: ResNet-32, the losses and one SGD step against PyTorch.
   The fixture tests/ref/resnet32_ref.safetensors is written by tests/ref/gen_ref.py
   (PyTorch, float64, run by hand); the model's weights come from a hash both sides
   compute. Every tensor must match to a relative L2 error below 1e-4 on every backend.
     make build/test_ref && ./build/test_ref            (from the repository root)  */
#define DIVE_IMPLEMENTATION
#include "../dive.h"

/* ---------------------------------------------------------------- helpers */
static int g_pass, g_fail;
static const char *g_backend = "cpu";

static void check(int ok, const char *what, double err) {
  printf("%-44s %-6s %s  relerr=%.2e\n", what, g_backend, ok ? "OK  " : "FAIL", err);
  if (ok) g_pass++; else g_fail++;
}

/* relative L2 error of a against the reference b */
static double relerr(const float *a, const float *b, int64_t n) {
  double num = 0, den = 0;
  int64_t i;
  for (i = 0; i < n; i++) {
    double d = (double)a[i] - (double)b[i];
    if (a[i] != a[i]) return 1e30; /* NaN */
    num += d * d;
    den += (double)b[i] * b[i];
  }
  return sqrt(num) / (den > 0 ? sqrt(den) : 1.0);
}

/* the same hash as gen_ref.py: u in [-1, 1) */
static double hash_uniform(int t, uint32_t i) {
  uint32_t h = i * 0x9E3779B1u + (uint32_t)(t + 1) * 0x85EBCA77u;
  h ^= h >> 16;
  h *= 0x7FEB352Du;
  h ^= h >> 15;
  h *= 0x846CA68Bu;
  h ^= h >> 16;
  return (double)h / 4294967296.0 * 2.0 - 1.0;
}

static int ends_with(const char *s, const char *suf) {
  size_t a = strlen(s), b = strlen(suf);
  return a >= b && !strcmp(s + a - b, suf);
}

static void set_hash_weights(dive_resnet *m) {
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
    dive_tensor_write(&p->value, v, n);
    free(v);
    t++;
  }
}

/* a fixture tensor as floats (or ints), NULL when absent */
static const void *fx(const dive__st_file *f, const char *name, int64_t *numel) {
  const dive__st_entry *e = dive__st_find(f, name);
  if (!e) { printf("fixture lacks %s\n", name); g_fail++; return NULL; }
  if (numel) *numel = (int64_t)(e->end - e->begin) / 4;
  return f->data + e->begin;
}

/* compare a device tensor with a fixture tensor */
static void cmp(const dive__st_file *f, const char *name, const dive_tensor *t, double tol) {
  int64_t n = 0;
  const float *ref = (const float *)fx(f, name, &n);
  float *got;
  char what[96];
  if (!ref) return;
  got = (float *)malloc((size_t)t->numel * 4);
  snprintf(what, sizeof what, "%s", name);
  if (n != t->numel || dive_tensor_read(t, got, t->numel)) check(0, what, 1e30);
  else check(relerr(got, ref, n) < tol, what, relerr(got, ref, n));
  free(got);
}

/* ---------------------------------------------------------------- the test */
static void run(dive_backend backend, const dive__st_file *f) {
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
  const float *x = (const float *)fx(f, "x", NULL), *z = (const float *)fx(f, "teacher", NULL);
  const int32_t *y = (const int32_t *)fx(f, "labels", NULL), *counts = (const int32_t *)fx(f, "counts", NULL);
  float logp[10], loss, xs[8 * 3 * 32 * 32], zs[80];
  int32_t ys[8];
  int i, shape[2];
  char what[96];
  dive_sgd_desc sd;

  memset(&cd, 0, sizeof cd);
  cd.backend = backend;
  if (dive_ctx_create(&ctx, &cd)) {
    printf("SKIP %s: %s\n", backend == DIVE_BACKEND_VULKAN ? "vulkan" : "cpu", dive_last_error());
    if (getenv("DIVE_REQUIRE_VULKAN") && atoi(getenv("DIVE_REQUIRE_VULKAN"))) g_fail++;
    return;
  }
  g_backend = backend == DIVE_BACKEND_VULKAN ? "vulkan" : "cpu";
  if (!x || !z || !y || !counts) return;
  memcpy(xs, x, sizeof xs); /* the fixture's data section need not be aligned */
  memcpy(zs, z, sizeof zs);
  memcpy(ys, y, sizeof ys);
  for (i = 0; i < C; i++) {
    int32_t c;
    memcpy(&c, (const char *)counts + 4 * i, 4);
    logp[i] = (float)log((double)c);
  }
  memset(&rd, 0, sizeof rd);
  rd.depth = 32; rd.num_classes = C; rd.max_batch = B;
  if (dive_resnet_create(ctx, &m, &rd)) { printf("FAIL create: %s\n", dive_ctx_error(ctx)); g_fail++; return; }
  check(m->num_params == 464154, "resnet32 parameter count 464154", (double)m->num_params);
  set_hash_weights(m);

  /* forward in training mode */
  if (dive_resnet_forward(m, xs, B, 1)) printf("forward: %s\n", dive_ctx_error(ctx));
  lg = m->logits;
  cmp(f, "logits", &lg, 1e-4);

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
      check(relerr(got, &r, 1) < 1e-4, what, relerr(got, &r, 1));
    }
    snprintf(what, sizeof what, "dlogits.%s", L[i].name);
    cmp(f, what, &dl, 1e-4);
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
    if (p->kind == DIVE_PARAM_WEIGHT) cmp(f, what, &p->grad, 1e-4);
    else if (p->kind == DIVE_PARAM_BUFFER) cmp(f, what, &p->value, 1e-4);
    else check(*p->counter == 1, p->name, (double)*p->counter);
  }

  /* one SGD step, then the eval-mode logits */
  memset(&sd, 0, sizeof sd);
  sd.lr = 0.1f; sd.momentum = 0.9f; sd.weight_decay = 5e-4f;
  dive_resnet_sgd_step(m, &sd);
  for (i = 0; i < m->nplist; i++) {
    snprintf(what, sizeof what, "step.%s", m->plist[i].name);
    if (dive__st_find(f, what)) cmp(f, what, &m->plist[i].value, 1e-4);
  }
  {
    float out[80];
    dive_tensor t;
    if (dive_resnet_predict(m, xs, B, out)) printf("predict: %s\n", dive_ctx_error(ctx));
    t = m->logits; /* predict left them there */
    cmp(f, "logits_eval_after_step", &t, 1e-4);
  }
  /* the one-call training step: from the same start, its CE loss is PyTorch's */
  set_hash_weights(m);
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
      check(fabs(loss - r) / r < 1e-4, "train_step CE loss == loss.ce", fabs(loss - r) / r);
    }
  }
  dive_tensor_free(&lab); dive_tensor_free(&teach); dive_tensor_free(&dl); dive_tensor_free(&pe);
  dive_tensor_free(&prior);
  dive_resnet_destroy(m);
  dive_ctx_destroy(ctx);
}

int main(void) {
  dive__st_file f;
  const char *path = "tests/ref/resnet32_ref.safetensors";
  if (dive__st_open(&f, path)) {
    printf("FAIL cannot read fixture: %s (run from the repository root)\n", dive_last_error());
    return 1;
  }
  run(DIVE_BACKEND_CPU, &f);
  run(DIVE_BACKEND_VULKAN, &f);
  dive__st_close(&f);
  if (dive__vk_validation_errors(NULL)) { /* DIVE_VK_VALIDATION=1: any message fails */
    printf("FAIL: %d Vulkan validation messages\n", dive__vk_validation_errors(NULL));
    g_fail++;
  }
  printf("%d passed, %d failed\n", g_pass, g_fail);
  return g_fail ? 1 : 0;
}
