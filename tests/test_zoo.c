/* test_zoo: the ImageNet-family ResNets (torchvision's architectures) against torchvision.
   The fixture tests/ref/zoo_ref.safetensors is written by tests/ref/gen_zoo.py with
   torchvision's own model classes in float64; the weights, the input and the teacher
   logits come from a hash both sides compute. Checked on every backend, to a relative L2
   error below 1e-5 per tensor: training-mode logits, the loss family, every parameter
   gradient of the DiVE loss, the BN running statistics, the parameters after one SGD step
   and the eval-mode logits after it (reduced widths r18 / r50 / x50), and the logits of
   the full-width resnet50 and resnext50_32x4d (with the last layers' gradients on the
   CPU; the early ones are ill-conditioned at full width, see gen_zoo.py). Then:
   checkpoint names and shapes against torchvision's state_dict (tests/ref/zoo_keys.txt),
   save/load, the errors for a checkpoint of another architecture, a checkpoint of the
   previous release, the desc's errors, and a few training steps of every architecture on
   every backend (the CPU and Vulkan losses must agree).
     make build/test_zoo && ./build/test_zoo          (from the repository root)
   Filters: -m r50 (one fixture model), -b cpu|vulkan, -q (skip the full-width models). */
#define DIVE_IMPLEMENTATION
#include "../dive.h"
#include "ref_util.h"

/* ---------------------------------------------------------------- helpers */
static int g_pass, g_fail, g_skip;
static const char *g_backend = "cpu";

static void check(int ok, const char *what, const char *fmt, ...) DIVE__PRINTF(3, 4);
static void check(int ok, const char *what, const char *fmt, ...) {
  char buf[600] = "";
  va_list ap;
  if (fmt) {
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
  }
  printf("%-46s %-6s %s  %s\n", what, g_backend, ok ? "OK  " : "FAIL", buf);
  if (ok) g_pass++; else g_fail++;
}

#define PROJ_T 200000
#define NPROJ 32
#define TOL 1e-5

/* as gen_zoo.py's set_weights: each block's last BN weight scaled by 0.1 */
static void set_hash_weights(dive_resnet *m) {
  const char *last = dive_resnet_find_state(m, "layer1.0.bn3.weight") ? ".bn3.weight" : ".bn2.weight";
  int i, t = 0;
  for (i = 0; i < dive_resnet_num_state(m); i++) {
    dive_param *p = dive_resnet_state(m, i);
    int64_t j, n = p->value.numel;
    float *v;
    if (p->kind != DIVE_PARAM_WEIGHT) continue;
    v = (float *)malloc((size_t)n * 4);
    for (j = 0; j < n; j++) {
      double u = hash_uniform(t, (uint32_t)j);
      if (p->value.ndim >= 2) v[j] = (float)(u * sqrt(3.0) * sqrt(2.0 / (double)(n / p->value.shape[0])));
      else if (!strcmp(p->name, "fc.bias")) v[j] = (float)(0.1 * u);
      else if (ends_with(p->name, ".weight")) v[j] = (float)((ends_with(p->name, last) ? 0.1 : 1.0) * (1.0 + 0.2 * u));
      else v[j] = (float)(0.2 * u);
    }
    dive_tensor_write(&p->value, v, n);
    free(v);
    t++;
  }
}

/* a fixture tensor (copied: the data section need not be aligned), NULL when absent */
static float *fx(const dive__st_file *f, const char *name, int64_t *numel) {
  const dive__st_entry *e = dive__st_find(f, name);
  float *v;
  if (!e) { printf("fixture lacks %s (run tests/ref/gen_zoo.py)\n", name); g_fail++; return NULL; }
  v = (float *)malloc((size_t)(e->end - e->begin) + 4);
  memcpy(v, f->data + e->begin, (size_t)(e->end - e->begin));
  if (numel) *numel = (int64_t)(e->end - e->begin) / 4;
  return v;
}

/* compare a device tensor (its first n elements) with a fixture tensor */
static void cmp(const dive__st_file *f, const char *name, const dive_tensor *t, int64_t n) {
  int64_t nr = 0;
  float *ref = fx(f, name, &nr), *got;
  double e;
  if (!ref) return;
  got = (float *)malloc((size_t)n * 4);
  if (nr != n || dive_tensor_read(t, got, n)) {
    check(0, name, "size %lld, fixture %lld", (long long)n, (long long)nr);
  } else {
    e = relerr(got, ref, n);
    check(e < TOL, name, "relerr=%.2e", e);
  }
  free(got);
  free(ref);
}

/* A list of tensors packed as gen_zoo.py packs them: each in full (<= NPROJ elements) or
   as NPROJ hash projections. Compared record by record: the worst relative error is
   reported, every record above TOL is listed. */
typedef struct packed { int n; const dive_tensor *t[1024]; const char *name[1024]; } packed;

static void packed_add(packed *pk, const dive_tensor *t, const char *name) {
  if (pk->n < 1024) { pk->t[pk->n] = t; pk->name[pk->n] = name; pk->n++; }
}

static void cmp_packed(const dive__st_file *f, const char *key, const packed *pk) {
  int64_t nr = 0, at = 0;
  float *ref = fx(f, key, &nr);
  double worst = 0;
  int i, bad = 0, wi = 0;
  if (!ref) return;
  for (i = 0; i < pk->n; i++) {
    int64_t n = pk->t[i]->numel, k, j, len = n <= NPROJ ? n : NPROJ;
    float *h = (float *)malloc((size_t)n * 4), rec[NPROJ];
    double e;
    dive_tensor_read(pk->t[i], h, n);
    if (n <= NPROJ) {
      memcpy(rec, h, (size_t)n * 4);
    } else {
      for (k = 0; k < NPROJ; k++) {
        double s = 0;
        for (j = 0; j < n; j++) s += (double)h[j] * hash_uniform(PROJ_T + (int)k, (uint32_t)j);
        rec[k] = (float)s;
      }
    }
    free(h);
    if (at + len > nr) { bad = -1; break; }
    e = relerr(rec, ref + at, len);
    at += len;
    if (e > worst) { worst = e; wi = i; }
    if (e > TOL) {
      if (bad < 400) printf("    %s: %s relerr %.2e\n", key, pk->name[i], e);
      bad++;
    }
  }
  free(ref);
  if (bad < 0 || at != nr) {
    check(0, key, "layout differs from the fixture (%lld of %lld values)", (long long)at, (long long)nr);
    return;
  }
  check(!bad, key, "%d tensors, worst %s relerr=%.2e", pk->n, pk->n ? pk->name[wi] : "-", worst);
}

static dive_ctx *make_ctx(dive_backend backend) {
  dive_ctx_desc cd;
  dive_ctx *ctx = NULL;
  memset(&cd, 0, sizeof cd);
  cd.backend = backend;
  if (dive_ctx_create(&ctx, &cd)) {
    printf("SKIP %s: %s\n", backend == DIVE_BACKEND_VULKAN ? "vulkan" : "cpu", dive_last_error());
    if (getenv("DIVE_REQUIRE_VULKAN") && atoi(getenv("DIVE_REQUIRE_VULKAN"))) g_fail++;
    else g_skip++;
    return NULL;
  }
  g_backend = backend == DIVE_BACKEND_VULKAN ? "vulkan" : "cpu";
  return ctx;
}

/* ---------------------------------------------------------------- the fixture */
typedef struct zoo_model { const char *prefix, *arch; int base, groups, wpg, full; } zoo_model;
static const zoo_model g_models[] = {
  {"r18", "resnet18", 8, 0, 0, 0},
  {"r50", "resnet50", 8, 0, 0, 0},
  {"x50", "resnext50_32x4d", 8, 4, 32, 0},
  {"R50", "resnet50", 0, 0, 0, 1},
  {"X50", "resnext50_32x4d", 0, 0, 0, 1},
};
#define B 4 /* the full-width models: the first 2 */
#define C 10
#define S 64

static void run_model(dive_ctx *ctx, const dive__st_file *f, const zoo_model *zm, int backward) {
  static const struct { const char *name; dive_loss_kind kind; int no_bsce, mix; } L[] = {
    {"ce", DIVE_LOSS_CE, 0, 0},           {"bsce", DIVE_LOSS_BSCE, 0, 0},      {"kd", DIVE_LOSS_KD, 0, 0},
    /* the fixture's *_nobsce entries are T^2 KL with weight 1 (gen_zoo.py), i.e. the KD kind;
       DiVE's no_bsce is alpha T^2 KL (Eq. 15 without its first term) */
    {"dive", DIVE_LOSS_DIVE, 0, 0},       {"dive_nobsce", DIVE_LOSS_KD, 0, 0}, {"dive_mix", DIVE_LOSS_DIVE, 0, 1},
    {"dive_mix_nobsce", DIVE_LOSS_KD, 0, 1},
  };
  static float x[B * 3 * S * S];
  const int nb = zm->full ? 2 : B;
  float z[B * C], logp[C], loss, out[B * C];
  int32_t *y = (int32_t *)fx(f, "labels", NULL), *counts = (int32_t *)fx(f, "counts", NULL);
  int32_t *xseed;
  dive_resnet_desc rd;
  dive_resnet *m;
  dive_tensor lab, teach, prior, dl, pe, lg;
  char key[96];
  int i, shape[2];
  double t0 = dive_time_sec();
  packed pk;
  snprintf(key, sizeof key, "%s.xseed", zm->prefix);
  xseed = (int32_t *)fx(f, key, NULL);
  if (!y || !counts || !xseed) return;
  for (i = 0; i < B * 3 * S * S; i++) x[i] = (float)hash_uniform(xseed[0], (uint32_t)i);
  free(xseed);
  for (i = 0; i < B * C; i++) z[i] = (float)(3.0 * hash_uniform(998, (uint32_t)i));
  for (i = 0; i < C; i++) logp[i] = (float)log((double)counts[i]);
  memset(&rd, 0, sizeof rd);
  rd.arch = zm->arch; rd.base_width = zm->base; rd.groups = zm->groups; rd.width_per_group = zm->wpg;
  rd.num_classes = C; rd.height = rd.width = S; rd.max_batch = nb;
  if (dive_resnet_create(ctx, &m, &rd)) {
    check(0, zm->prefix, "create: %s", dive_ctx_error(ctx));
    free(y); free(counts);
    return;
  }
  set_hash_weights(m);
  shape[0] = nb; shape[1] = C;
  dive_tensor_alloc(ctx, &lab, DIVE_I32, 1, shape);
  dive_tensor_alloc(ctx, &teach, DIVE_F32, 2, shape);
  dive_tensor_alloc(ctx, &dl, DIVE_F32, 2, shape);
  dive_tensor_alloc(ctx, &pe, DIVE_F32, 1, shape);
  dive_tensor_alloc(ctx, &prior, DIVE_F32, 1, &shape[1]);
  dive_tensor_write(&lab, y, nb);
  dive_tensor_write(&teach, z, nb * C);
  dive_tensor_write(&prior, logp, C);

  if (dive_resnet_forward(m, x, nb, 1)) printf("forward: %s\n", dive_ctx_error(ctx));
  lg = *dive_resnet_tensor(m, DIVE_RESNET_LOGITS);
  snprintf(key, sizeof key, "%s.logits", zm->prefix);
  cmp(f, key, &lg, nb * C);
  if (!zm->full) { /* the loss family on these logits */
    for (i = 0; i < (int)(sizeof L / sizeof L[0]); i++) {
      dive_loss_desc ld;
      float *ref;
      memset(&ld, 0, sizeof ld);
      ld.kind = L[i].kind; ld.no_bsce = L[i].no_bsce; ld.mix_groundtruth = L[i].mix;
      if (dive_loss_forward(ctx, &dl, &pe, &loss, &lg, &lab, &teach, &prior, &ld))
        printf("loss %s: %s\n", L[i].name, dive_ctx_error(ctx));
      snprintf(key, sizeof key, "%s.loss.%s", zm->prefix, L[i].name);
      if ((ref = fx(f, key, NULL))) {
        double e = fabs(loss - ref[0]) / fabs(ref[0]);
        check(e < TOL, key, "relerr=%.2e", e);
        free(ref);
      }
      snprintf(key, sizeof key, "%s.dlogits.%s", zm->prefix, L[i].name);
      cmp(f, key, &dl, nb * C);
    }
  }
  if (backward) { /* the DiVE loss's gradient into every parameter */
    dive_loss_desc ld;
    memset(&ld, 0, sizeof ld);
    ld.kind = DIVE_LOSS_DIVE;
    dive_loss_forward(ctx, dive_resnet_tensor(m, DIVE_RESNET_DLOGITS), NULL, NULL, &lg, &lab, &teach, &prior, &ld);
    dive_resnet_zero_grad(m);
    if (dive_resnet_backward(m)) printf("backward: %s\n", dive_ctx_error(ctx));
    pk.n = 0;
    for (i = 0; i < dive_resnet_num_state(m); i++) {
      dive_param *p = dive_resnet_state(m, i);
      if (p->kind == DIVE_PARAM_WEIGHT &&
          (!zm->full || !strcmp(p->name, "layer4.0.downsample.0.weight") ||
           !strcmp(p->name, "layer4.2.conv3.weight") || !strcmp(p->name, "fc.weight") || !strcmp(p->name, "fc.bias")))
        packed_add(&pk, &p->grad, p->name);
    }
    snprintf(key, sizeof key, "%s.grad", zm->prefix);
    cmp_packed(f, key, &pk);
  }
  if (zm->full) {
    if (dive_resnet_predict(m, x, nb, out)) printf("predict: %s\n", dive_ctx_error(ctx));
    snprintf(key, sizeof key, "%s.logits_eval", zm->prefix);
    cmp(f, key, &lg, nb * C);
  } else {
    dive_sgd_desc sd;
    int counters_ok = 1;
    pk.n = 0;
    for (i = 0; i < dive_resnet_num_state(m); i++) {
      dive_param *p = dive_resnet_state(m, i);
      if (p->kind == DIVE_PARAM_BUFFER) packed_add(&pk, &p->value, p->name);
      if (p->kind == DIVE_PARAM_COUNTER) counters_ok &= *p->counter == 1;
    }
    snprintf(key, sizeof key, "%s.state", zm->prefix);
    cmp_packed(f, key, &pk);
    snprintf(key, sizeof key, "%s.num_batches_tracked", zm->prefix);
    check(counters_ok, key, "every BN counted one batch");
    memset(&sd, 0, sizeof sd);
    sd.lr = 0.1f; sd.momentum = 0.9f; sd.weight_decay = 5e-4f;
    if (backward) {
      dive_resnet_sgd_step(m, &sd);
      pk.n = 0;
      for (i = 0; i < dive_resnet_num_state(m); i++) {
        dive_param *p = dive_resnet_state(m, i);
        if (p->kind == DIVE_PARAM_WEIGHT) packed_add(&pk, &p->value, p->name);
      }
      snprintf(key, sizeof key, "%s.step", zm->prefix);
      cmp_packed(f, key, &pk);
      if (dive_resnet_predict(m, x, nb, out)) printf("predict: %s\n", dive_ctx_error(ctx));
      snprintf(key, sizeof key, "%s.logits_eval_after_step", zm->prefix);
      cmp(f, key, &lg, nb * C);
    }
  }
  printf("    (%s %s: %.1f s)\n", zm->prefix, g_backend, dive_time_sec() - t0);
  dive_tensor_free(&lab); dive_tensor_free(&teach); dive_tensor_free(&dl); dive_tensor_free(&pe);
  dive_tensor_free(&prior);
  dive_resnet_destroy(m);
  free(y);
  free(counts);
}

/* ---------------------------------------------------------------- checkpoints */
static dive_resnet *make(dive_ctx *ctx, const char *arch, int base, int groups, int wpg, int cin, int classes,
                         int hw, uint64_t seed) {
  dive_resnet_desc rd;
  dive_resnet *m = NULL;
  memset(&rd, 0, sizeof rd);
  rd.arch = arch; rd.base_width = base; rd.groups = groups; rd.width_per_group = wpg; rd.in_channels = cin;
  rd.num_classes = classes; rd.height = rd.width = hw; rd.max_batch = 2; rd.seed = seed;
  if (dive_resnet_create(ctx, &m, &rd)) {
    printf("create %s: %s\n", arch, dive_ctx_error(ctx));
    dive_ctx_clear_error(ctx);
  }
  return m;
}

/* dive.h's state list (name, dtype, shape, order) is torchvision's state_dict */
static void check_keys(dive_ctx *ctx) {
  static const char *archs[] = {"resnet18", "resnet50", "resnext50_32x4d"};
  FILE *fk = fopen("tests/ref/zoo_keys.txt", "r");
  int a;
  if (!fk) { check(0, "tests/ref/zoo_keys.txt", "cannot open (run from the repository root)"); return; }
  for (a = 0; a < 3; a++) {
    dive_resnet *m = make(ctx, archs[a], 0, 0, 0, 3, 10, 16, 1);
    char line[256], arch[64], name[96], dt[8], shp[64], what[96], bad[400] = "";
    int i = 0, n = 0;
    if (!m) { check(0, archs[a], "create failed"); continue; }
    rewind(fk);
    while (fgets(line, sizeof line, fk)) {
      dive_param *p;
      char mine[64];
      int d, o = 0;
      if (line[0] == '#' || sscanf(line, "%63s %95s %7s %63s", arch, name, dt, shp) != 4 || strcmp(arch, archs[a]))
        continue;
      n++;
      p = dive_resnet_state(m, i++);
      mine[0] = 0;
      if (p && p->kind != DIVE_PARAM_COUNTER)
        for (d = 0; d < p->value.ndim; d++) o += snprintf(mine + o, sizeof mine - (size_t)o, d ? ",%d" : "%d", p->value.shape[d]);
      if (p && p->kind == DIVE_PARAM_COUNTER) snprintf(mine, sizeof mine, "-");
      if (!bad[0] && (!p || strcmp(p->name, name) || strcmp(mine, shp) ||
                      strcmp(dt, p->kind == DIVE_PARAM_COUNTER ? "I64" : "F32")))
        snprintf(bad, sizeof bad, "entry %d: torchvision %s %s (%s), dive.h %s (%s)", i - 1, name, dt, shp,
                 p ? p->name : "none", mine);
    }
    if (!bad[0] && i != dive_resnet_num_state(m)) snprintf(bad, sizeof bad, "%d entries, torchvision %d", dive_resnet_num_state(m), i);
    snprintf(what, sizeof what, "%s state_dict == torchvision's", archs[a]);
    check(!bad[0] && n > 100, what, "%s", bad[0] ? bad : "names, dtypes, shapes, order");
    dive_resnet_destroy(m);
  }
  fclose(fk);
}

/* loading `path` into m fails with `want` and an error holding every needle */
static void expect_load_error(dive_ctx *ctx, dive_resnet *m, const char *path, dive_status want, const char *what,
                              const char *n1, const char *n2, const char *n3) {
  dive_status s = dive_resnet_load(m, path);
  const char *e = dive_ctx_error(ctx);
  int ok = s == want && (!n1 || strstr(e, n1)) && (!n2 || strstr(e, n2)) && (!n3 || strstr(e, n3));
  check(ok, what, "%s", e);
  dive_ctx_clear_error(ctx);
}

/* the file at src again, without its metadata (as torchvision's files come) */
static void strip_meta(const char *src, const char *dst) {
  dive__st_file f;
  int i;
  if (dive__st_open(&f, src)) return;
  for (i = 0; i < f.n; i++) {
    f.e[i].data = f.data + f.e[i].begin;
    f.e[i].end -= f.e[i].begin;
  }
  dive__st_write(dst, f.e, f.n, NULL);
  dive__st_close(&f);
}

static void check_checkpoints(dive_ctx *ctx) {
  char dir[] = "/tmp/dive_zooXXXXXX", p50[300], px[300], p50n[300], pxn[300], pc[300];
  float x[2 * 3 * 32 * 32], la[20], lb[20];
  dive_resnet *a, *b, *r50, *c1;
  int i;
  if (!mkdtemp(dir)) { check(0, "mkdtemp", NULL); return; }
  snprintf(px, sizeof px, "%s/x50.safetensors", dir);
  snprintf(p50, sizeof p50, "%s/r50.safetensors", dir);
  snprintf(pxn, sizeof pxn, "%s/x50_nometa.safetensors", dir);
  snprintf(p50n, sizeof p50n, "%s/r50_nometa.safetensors", dir);
  snprintf(pc, sizeof pc, "%s/c1.safetensors", dir);
  for (i = 0; i < 2 * 3 * 32 * 32; i++) x[i] = (float)hash_uniform(5, (uint32_t)i);

  /* round trip of a resnext after a training step (non-trivial running statistics) */
  a = make(ctx, "resnext50_32x4d", 16, 0, 0, 3, 10, 32, 1);
  b = make(ctx, "resnext50_32x4d", 16, 0, 0, 3, 10, 32, 2);
  r50 = make(ctx, "resnet50", 16, 0, 0, 3, 10, 32, 3);
  if (!a || !b || !r50) return;
  {
    dive_loss_desc ld;
    dive_sgd_desc sd;
    int32_t y[2] = {1, 2};
    float loss;
    memset(&ld, 0, sizeof ld);
    memset(&sd, 0, sizeof sd);
    sd.lr = 0.1f;
    dive_resnet_train_step(a, NULL, x, y, 2, &ld, &sd, &loss);
  }
  dive_resnet_predict(a, x, 2, la);
  dive_resnet_predict(b, x, 2, lb);
  check(memcmp(la, lb, sizeof la) != 0, "two seeds give two resnexts", NULL);
  check(dive_resnet_save(a, px) == DIVE_OK && dive_resnet_load(b, px) == DIVE_OK, "resnext50_32x4d save, load",
        "%s", dive_ctx_error(ctx));
  dive_resnet_predict(b, x, 2, lb);
  check(!memcmp(la, lb, sizeof la), "loaded resnext predicts bit-identically", NULL);
  check(*dive_resnet_find_state(b, "layer1.0.downsample.1.num_batches_tracked")->counter == 1,
        "downsample.1.num_batches_tracked survives", NULL);
  {
    dive__st_file f;
    const dive__st_entry *e;
    int ok = dive__st_open(&f, px) == DIVE_OK;
    ok = ok && !strcmp(f.e[0].name, "conv1.weight") && !strcmp(f.e[f.n - 1].name, "fc.bias");
    e = ok ? dive__st_find(&f, "layer1.0.conv2.weight") : NULL; /* 32 groups of 1 at base 16 */
    ok = ok && e && e->ndim == 4 && e->shape[0] == 32 && e->shape[1] == 1 && e->shape[2] == 3;
    e = ok ? dive__st_find(&f, "layer2.0.downsample.0.weight") : NULL;
    ok = ok && e && e->ndim == 4 && e->shape[0] == 128 && e->shape[1] == 64 && e->shape[2] == 1;
    e = ok ? dive__st_find(&f, "layer2.0.downsample.1.num_batches_tracked") : NULL;
    ok = ok && e && e->ndim == 0 && !strcmp(e->dtype, "I64");
    check(ok, "saved file: torchvision names, shapes, dtypes", NULL);
    if (f.buf) dive__st_close(&f);
  }
  /* another architecture's file: the first key that differs, both shapes, and a hint */
  dive_resnet_save(r50, p50);
  expect_load_error(ctx, b, p50, DIVE_ERR_SHAPE, "resnet50 file into resnext50_32x4d", "layer1.0.conv1.weight: expected (32,16,1,1), file has (16,16,1,1)",
                    "a resnet50 checkpoint loaded as resnext50_32x4d?", NULL);
  strip_meta(p50, p50n); /* no metadata: the architecture is read off the keys */
  expect_load_error(ctx, b, p50n, DIVE_ERR_SHAPE, "... without metadata (torchvision's)", "layer1.0.conv1.weight",
                    "a resnet50 checkpoint loaded as resnext50_32x4d?", NULL);
  strip_meta(px, pxn);
  expect_load_error(ctx, r50, pxn, DIVE_ERR_SHAPE, "resnext file without metadata into resnet50",
                    "layer1.0.conv1.weight: expected (16,16,1,1), file has (32,16,1,1)",
                    "a resnext50_32x4d checkpoint loaded as resnet50?", NULL);
  check(dive_resnet_load(a, pxn) == DIVE_OK, "a file without metadata loads", "%s", dive_ctx_error(ctx));
  dive_ctx_clear_error(ctx);
  dive_resnet_destroy(b);
  b = make(ctx, "resnet18", 16, 0, 0, 3, 10, 32, 2);
  if (b) expect_load_error(ctx, b, p50, DIVE_ERR_SHAPE, "resnet50 file into resnet18", "a resnet50 checkpoint loaded as resnet18?",
                           "layer1.0.conv1.weight: expected (16,16,3,3), file has (16,16,1,1)", NULL);
  dive_resnet_destroy(b);
  b = make(ctx, "resnet50", 16, 0, 0, 3, 7, 32, 2);
  if (b) expect_load_error(ctx, b, p50, DIVE_ERR_SHAPE, "10-class file into a 7-class model", "fc.weight: expected (7,512), file has (10,512)",
                           "a checkpoint of 10 classes loaded into a model of 7?", NULL);
  dive_resnet_destroy(b);
  c1 = make(ctx, "resnet50", 16, 0, 0, 1, 10, 32, 2); /* Fashion-MNIST: conv1 (16,1,7,7) */
  if (c1) {
    expect_load_error(ctx, c1, p50, DIVE_ERR_SHAPE, "3-channel file into a 1-channel model", "conv1.weight: expected (16,1,7,7), file has (16,3,7,7)",
                      "for 3 input channels", NULL);
    check(dive_resnet_save(c1, pc) == DIVE_OK && dive_resnet_load(c1, pc) == DIVE_OK, "1-channel resnet50 round trip", NULL);
  }
  dive_resnet_destroy(c1);
  b = make(ctx, "resnet50", 8, 0, 0, 3, 10, 32, 2);
  if (b) expect_load_error(ctx, b, p50, DIVE_ERR_SHAPE, "wider file into a narrower resnet50", "conv1.weight: expected (8,3,7,7), file has (16,3,7,7)",
                           "another width", NULL);
  dive_resnet_destroy(b);

  /* a checkpoint written by dive.h 0.1.0 (tests/ref/old_resnet8.safetensors) still loads
     and predicts what that version predicted */
  b = make(ctx, "", 0, 0, 0, 1, 5, 12, 9);
  if (b) {
    dive_resnet_desc rd = *dive_resnet_get_desc(b);
    dive__st_file f;
    float xo[4 * 144], lo[20];
    dive_resnet_destroy(b);
    rd.depth = 8; rd.base_width = 4; rd.arch = NULL; rd.max_batch = 4;
    b = NULL;
    dive_resnet_create(ctx, &b, &rd);
    for (i = 0; i < 4 * 144; i++) xo[i] = (float)hash_uniform(7, (uint32_t)i);
    if (b && dive_resnet_load(b, "tests/ref/old_resnet8.safetensors") == DIVE_OK &&
        dive__st_open(&f, "tests/ref/old_resnet8_logits.safetensors") == DIVE_OK) {
      float ref[20];
      memcpy(ref, f.data + dive__st_find(&f, "train.logits_eval")->begin, sizeof ref);
      dive_resnet_predict(b, xo, 4, lo);
      check(relerr(lo, ref, 20) < TOL, "0.1.0 checkpoint loads, same predictions", "relerr=%.2e", relerr(lo, ref, 20));
      dive__st_close(&f);
    } else {
      check(0, "0.1.0 checkpoint loads, same predictions", "%s", dive_ctx_error(ctx));
    }
    dive_resnet_destroy(b);
  }
  dive_resnet_destroy(a);
  dive_resnet_destroy(r50);
  {
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd)) printf("could not remove %s\n", dir);
  }
}

/* ---------------------------------------------------------------- the desc */
static void check_desc(dive_ctx *ctx) {
  dive_resnet_desc rd;
  dive_resnet *m = NULL;
  dive_status s;
  float x[3], lg[10];
  memset(&rd, 0, sizeof rd);
  rd.arch = "resnet51";
  s = dive_resnet_create(ctx, &m, &rd);
  check(s == DIVE_ERR_ARG && strstr(dive_ctx_error(ctx), "resnet51") && strstr(dive_ctx_error(ctx), "resnext50_32x4d") &&
        strstr(dive_ctx_error(ctx), "resnet110"), "unknown arch: an error listing the names", "%s", dive_ctx_error(ctx));
  dive_ctx_clear_error(ctx);
  rd.arch = "resnet18"; rd.groups = 32;
  s = dive_resnet_create(ctx, &m, &rd);
  check(s == DIVE_ERR_ARG && strstr(dive_ctx_error(ctx), "basic blocks"), "groups on basic blocks: refused", "%s", dive_ctx_error(ctx));
  dive_ctx_clear_error(ctx);
  rd.arch = "resnext50_32x4d"; rd.groups = 0; rd.base_width = 8; /* 8 * 4 / 64 = 0 channels per group */
  s = dive_resnet_create(ctx, &m, &rd);
  check(s == DIVE_ERR_ARG && strstr(dive_ctx_error(ctx), "no channels"), "too narrow a resnext: refused", "%s", dive_ctx_error(ctx));
  dive_ctx_clear_error(ctx);
  rd.arch = "resnet50"; rd.base_width = 4; rd.depth = 32;
  s = dive_resnet_create(ctx, &m, &rd);
  check(s == DIVE_ERR_ARG && strstr(dive_ctx_error(ctx), "depth 32"), "arch and depth that disagree: refused", "%s", dive_ctx_error(ctx));
  dive_ctx_clear_error(ctx);
  rd.depth = 0; rd.height = -3;
  s = dive_resnet_create(ctx, &m, &rd);
  check(s == DIVE_ERR_ARG && strstr(dive_ctx_error(ctx), "input"), "negative input size: refused", "%s", dive_ctx_error(ctx));
  dive_ctx_clear_error(ctx);
  /* the smallest input: 1x1 goes through every layer (all convs are padded) */
  rd.height = rd.width = 1; rd.max_batch = 1; rd.num_classes = 10;
  s = dive_resnet_create(ctx, &m, &rd);
  x[0] = 1;
  check(!s && dive_resnet_predict(m, x, 1, lg) == DIVE_OK && lg[0] == lg[0], "resnet50 takes a 1x1 input (eval)", "%s",
        dive_ctx_error(ctx));
  if (!s) {
    s = dive_resnet_forward(m, x, 1, 1);
    check(s == DIVE_ERR_SHAPE && strstr(dive_ctx_error(ctx), "more than one value"),
          "training on one 1x1 image: a clear error", "%s", dive_ctx_error(ctx));
    dive_ctx_clear_error(ctx);
    dive_resnet_destroy(m);
  }
  memset(&rd, 0, sizeof rd);
  rd.arch = "resnet20";
  s = dive_resnet_create(ctx, &m, &rd);
  check(!s && !strcmp(dive_resnet_get_desc(m)->arch, "resnet20") && dive_resnet_get_desc(m)->depth == 20 &&
        dive_resnet_get_desc(m)->base_width == 16 && dive_resnet_get_desc(m)->height == 32 &&
        dive_resnet_find_state(m, "linear.weight") != NULL, "resnet20 by name: the CIFAR family, its names", NULL);
  if (!s) dive_resnet_destroy(m);
  rd.arch = "wide_resnet50_2"; rd.base_width = 4; rd.height = rd.width = 16;
  s = dive_resnet_create(ctx, &m, &rd);
  check(!s && dive_resnet_find_state(m, "layer1.0.conv2.weight")->value.shape[0] == 8 &&
        dive_resnet_get_desc(m)->width_per_group == 128, "wide_resnet50_2: 2x the bottleneck width", NULL);
  if (!s) dive_resnet_destroy(m);
  rd.arch = "resnet50"; rd.zero_init_residual = 1;
  s = dive_resnet_create(ctx, &m, &rd);
  if (!s) {
    float g[32], g1[32];
    dive_tensor_read(&dive_resnet_find_state(m, "layer1.0.bn3.weight")->value, g, 16);
    dive_tensor_read(&dive_resnet_find_state(m, "layer1.0.bn2.weight")->value, g1, 4);
    check(g[0] == 0 && g[15] == 0 && g1[0] == 1, "zero_init_residual: each block's last BN weight 0", NULL);
    dive_resnet_destroy(m);
  } else {
    check(0, "zero_init_residual: each block's last BN weight 0", "%s", dive_ctx_error(ctx));
  }
  /* torchvision's init: conv N(0, 2/fan_out), fc U(+-1/sqrt(fan_in)) */
  rd.zero_init_residual = 0; rd.base_width = 64; rd.num_classes = 1000; rd.height = rd.width = 8; rd.max_batch = 1;
  s = dive_resnet_create(ctx, &m, &rd);
  if (!s) {
    /* (1024, 256, 1, 1): fan_out 1024, fan_in 256 */
    const dive_param *w = dive_resnet_find_state(m, "layer3.0.conv3.weight"), *fc = dive_resnet_find_state(m, "fc.weight");
    float *h = (float *)malloc(sizeof(float) * (size_t)DIVE__MAX(fc->value.numel, w->value.numel));
    double ss = 0, mx = 0, want = 2.0 / 1024;
    int64_t j;
    dive_tensor_read(&w->value, h, w->value.numel);
    for (j = 0; j < w->value.numel; j++) ss += (double)h[j] * h[j];
    ss /= (double)w->value.numel;
    dive_tensor_read(&fc->value, h, fc->value.numel);
    for (j = 0; j < fc->value.numel; j++) mx = DIVE__MAX(mx, fabs(h[j]));
    check(fabs(ss / want - 1) < 0.02 && mx < 1 / sqrt(2048.0) && mx > 0.99 / sqrt(2048.0),
          "torchvision's init (conv fan_out, fc uniform)", "conv var %.3g (want %.3g), fc max %.4g", ss, want, mx);
    free(h);
    dive_resnet_destroy(m);
  }
}

/* ---------------------------------------------------------------- every architecture trains */
/* Four SGD steps on one batch of 4 images of 32x32 (layer3 sees 2x2; CIFAR family: 16x16)
   for each architecture at base width 4, zero_init_residual, on the CPU and on Vulkan: the
   loss falls, and the two backends' losses agree step by step. The ResNeXt rows run with
   1/8 of their groups and 4x their width per group (resnext50_32x4d: 4 groups, 16; their
   layout and grouped 3x3 convs at a width that
   lavapipe trains in seconds; their 32 and 64 groups need base 16, 16x the weights; the
   fixture's full-width resnext50_32x4d covers the real group shapes). */
#define TA_N 4
#define TA_S 32
static void train_archs(int backends) {
  const char *nm;
  int a;
  for (a = 0; (nm = dive_resnet_arch_name(a)); a++) {
    float loss[2][4];
    int be, ok[2] = {0, 0}, ran[2] = {0, 0};
    double t[2] = {0, 0};
    for (be = 0; be < 2; be++) {
      dive_ctx *ctx;
      dive_resnet *m;
      dive_resnet_desc rd;
      dive_loss_desc ld;
      dive_sgd_desc sd;
      static float x[TA_N * 3 * TA_S * TA_S];
      int32_t y[TA_N] = {0, 2, 1, 2};
      int i, s;
      if (!(backends & (1 << be))) continue;
      if (!(ctx = make_ctx(be ? DIVE_BACKEND_VULKAN : DIVE_BACKEND_CPU))) continue; /* SKIP counted */
      ran[be] = 1;
      t[be] = dive_time_sec();
      memset(&rd, 0, sizeof rd);
      rd.arch = nm; rd.num_classes = 3; rd.max_batch = TA_N; rd.seed = 4; rd.zero_init_residual = 1;
      rd.height = rd.width = TA_S;
      rd.base_width = 4;
      if (!dive_resnet_create(ctx, &m, &rd)) {
        if (!dive_resnet_find_state(m, "fc.weight")) rd.height = rd.width = TA_S / 2; /* CIFAR */
        dive_resnet_destroy(m);
      } else { /* resnext<d>_<g>x<w>d: no channel per group at base 4; g/8 groups, 4w */
        int d = 0, g = 32, w = 4;
        dive_ctx_clear_error(ctx);
        if (sscanf(nm, "resnext%d_%dx%dd", &d, &g, &w) != 3) printf("%s: not a resnext name\n", nm);
        rd.groups = g / 8;
        rd.width_per_group = 4 * w;
      }
      for (i = 0; i < TA_N * 3 * TA_S * TA_S; i++) x[i] = (float)hash_uniform(3, (uint32_t)i);
      memset(&ld, 0, sizeof ld);
      memset(&sd, 0, sizeof sd);
      sd.lr = 0.01f;
      if (dive_resnet_create(ctx, &m, &rd)) {
        printf("%s: %s\n", nm, dive_ctx_error(ctx));
      } else {
        for (s = 0; s < 4; s++)
          if (dive_resnet_train_step(m, NULL, x, y, TA_N, &ld, &sd, &loss[be][s])) break;
        ok[be] = s == 4;
        if (!ok[be]) printf("%s %s: %s\n", nm, g_backend, dive_ctx_error(ctx));
        dive_resnet_destroy(m);
      }
      t[be] = dive_time_sec() - t[be];
      dive_ctx_destroy(ctx);
    }
    {
      char what[96];
      g_backend = ran[0] && ran[1] ? "both" : ran[1] ? "vulkan" : "cpu";
      snprintf(what, sizeof what, "%s trains", nm);
      if (ran[0]) {
        int falls = ok[0] && loss[0][3] < loss[0][0];
        if (!ran[1]) {
          check(falls, what, "loss %.4f -> %.4f (%.1f s)", ok[0] ? loss[0][0] : 0, ok[0] ? loss[0][3] : 0, t[0]);
        } else {
          double e = 0;
          int s;
          for (s = 0; ok[0] && ok[1] && s < 4; s++) e = DIVE__MAX(e, fabs(loss[1][s] - loss[0][s]) / fabs(loss[0][s]));
          check(falls && ok[1] && e < 1e-4, what, "loss %.4f -> %.4f, vulkan off by %.1e (cpu %.1f s, vulkan %.1f s)",
                ok[0] ? loss[0][0] : 0, ok[0] ? loss[0][3] : 0, e, t[0], t[1]);
        }
      } else if (ran[1]) {
        check(ok[1] && loss[1][3] < loss[1][0], what, "loss %.4f -> %.4f (%.1f s)", ok[1] ? loss[1][0] : 0,
              ok[1] ? loss[1][3] : 0, t[1]);
      }
    }
  }
}

/* ---------------------------------------------------------------- main */
int main(int argc, char **argv) {
  dive__st_file f;
  const char *only = NULL, *path = "tests/ref/zoo_ref.safetensors";
  int i, backends = 3, quick = 0, be;
  for (i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-m") && i + 1 < argc) only = argv[++i];
    else if (!strcmp(argv[i], "-b") && i + 1 < argc) { i++; backends = !strcmp(argv[i], "cpu") ? 1 : 2; }
    else if (!strcmp(argv[i], "-q")) quick = 1;
    else { printf("usage: %s [-m r18|r50|x50|R50|X50] [-b cpu|vulkan] [-q]\n", argv[0]); return 2; }
  }
  if (dive__st_open(&f, path)) {
    printf("FAIL cannot read fixture: %s (run from the repository root)\n", dive_last_error());
    return 1;
  }
  for (be = 0; be < 2; be++) {
    dive_ctx *ctx;
    if (!(backends & (1 << be))) continue;
    if (!(ctx = make_ctx(be ? DIVE_BACKEND_VULKAN : DIVE_BACKEND_CPU))) continue;
    for (i = 0; i < (int)(sizeof g_models / sizeof g_models[0]); i++) {
      const zoo_model *zm = &g_models[i];
      if ((only && strcmp(only, zm->prefix)) || (quick && zm->full)) continue;
      /* lavapipe runs the full-width models forward only (the gradients: on the CPU) */
      run_model(ctx, &f, zm, !zm->full || !be);
    }
    if (!only && !be) {
      check_keys(ctx);
      check_checkpoints(ctx);
      check_desc(ctx);
    }
    dive_ctx_destroy(ctx);
  }
  dive__st_close(&f);
  if (!only) train_archs(backends);
  if (dive__vk_validation_errors(NULL)) { /* DIVE_VK_VALIDATION=1: any message fails */
    printf("FAIL: %d Vulkan validation messages\n", dive__vk_validation_errors(NULL));
    g_fail++;
  }
  printf("%d passed, %d failed, %d skipped\n", g_pass, g_fail, g_skip);
  return g_fail ? 1 : 0;
}
