/* test_loss: the loss family and SGD against PyTorch, and the backends against each other.
   1. The fixture tests/ref/loss_ref.safetensors (tests/ref/gen_loss_ref.py: PyTorch's own
      functions in float64) holds every loss the API exposes - CE, BSCE, KD, KD_CE and DiVE
      at several alpha, T and p, no_bsce, mix_groundtruth, alpha 0 - with per-example losses,
      the mean and d loss / d logits. The serial reference (dive__ref_loss_fwd) and the
      public op on every backend are each checked against it.
   2. Random cases: the reference's gradient against central finite differences, then every
      backend against the reference (dlogits, per_example and the mean).
   3. SGD (momentum, Nesterov, weight decay) on every backend, and the reference step,
      against torch.optim.SGD over three steps (from the same fixture).
   4. Bad arguments are a status with a message.
   5. The CPU's SGD on every ISA path bit for bit against the reference step, and the
      training step's non-finite gradient scan.
     make build/test_loss && ./build/test_loss [-b ref|cpu|vulkan] */
#define DIVE_IMPLEMENTATION
#include "../dive.h"
#define TEST_UTIL_COUNTS_ONLY
#include "test_util.h"

/* ---------------------------------------------------------------- helpers */
static const char *g_only;

static void report(int ok, const char *name, const char *backend, double nmse, double maxd) {
  printf("%-58s %-6s %s  nmse=%.1e maxdiff=%.1e\n", name, backend, ok ? "OK  " : "FAIL", nmse, maxd);
  if (ok) g_pass++; else g_fail++;
}

static double nmse(const float *a, const float *b, int64_t n, double *maxd) {
  double num = 0, den = 0;
  int64_t i;
  *maxd = 0;
  for (i = 0; i < n; i++) {
    double d = (double)a[i] - b[i];
    if (a[i] != a[i]) { *maxd = 1e30; return 1e30; }
    num += d * d;
    den += (double)b[i] * b[i];
    if (fabs(d) > *maxd) *maxd = fabs(d);
  }
  return den > 0 ? num / den : num;
}

/* largest |a - b| / max(1, |b|): per-example losses, each on its own */
static double max_relerr(const float *a, const float *b, int64_t n) {
  double m = 0;
  int64_t i;
  for (i = 0; i < n; i++) {
    double e = fabs((double)a[i] - b[i]) / fmax(1.0, fabs((double)b[i]));
    if (!(e == e)) return 1e30;
    m = fmax(m, e);
  }
  return m;
}

static dive_ctx *open_ctx(dive_backend b) {
  dive_ctx *ctx = NULL;
  dive_ctx_desc d;
  memset(&d, 0, sizeof d);
  d.backend = b;
  if (!expect_backend(dive_ctx_create(&ctx, &d), &ctx, b, backend_name(b), 0)) return NULL;
  return ctx;
}

static const char *kind_name(int k) {
  static const char *n[] = {"ce", "bsce", "kd", "dive", "kd_ce"};
  return k >= 0 && k <= 4 ? n[k] : "?";
}

/* One loss through the public op on backend `bi` (0 cpu, 1 vulkan): dlogits, per_example
   and the mean into dl, pe, *mean. 1 = ran, 0 = no such backend (SKIP), -1 = error. */
static int run_public(int bi, const dive_loss_desc *ld, int B, int C, const float *s, const int32_t *y,
                      const float *z, const float *lp, float *dl, float *pe, float *mean) {
  dive_ctx *ctx = open_ctx(bi ? DIVE_BACKEND_VULKAN : DIVE_BACKEND_CPU);
  dive_tensor ts, tz, ty, tl, td, tp;
  int sh[2], ok;
  if (!ctx) return 0;
  sh[0] = B; sh[1] = C;
  dive_tensor_alloc(ctx, &ts, DIVE_F32, 2, sh);
  dive_tensor_alloc(ctx, &tz, DIVE_F32, 2, sh);
  dive_tensor_alloc(ctx, &td, DIVE_F32, 2, sh);
  dive_tensor_alloc(ctx, &ty, DIVE_I32, 1, sh);
  dive_tensor_alloc(ctx, &tp, DIVE_F32, 1, sh);
  dive_tensor_alloc(ctx, &tl, DIVE_F32, 1, &sh[1]);
  dive_tensor_write(&ts, s, (int64_t)B * C);
  dive_tensor_write(&tz, z, (int64_t)B * C);
  dive_tensor_write(&ty, y, B);
  dive_tensor_write(&tl, lp, C);
  ok = !dive_loss_forward(ctx, &td, &tp, mean, &ts, &ty, &tz, &tl, ld) && !dive_tensor_read(&td, dl, (int64_t)B * C) &&
       !dive_tensor_read(&tp, pe, B);
  if (!ok) printf("  %s\n", dive_ctx_error(ctx));
  dive_tensor_free(&ts); dive_tensor_free(&tz); dive_tensor_free(&td); dive_tensor_free(&ty);
  dive_tensor_free(&tp); dive_tensor_free(&tl);
  dive_ctx_destroy(ctx);
  return ok ? 1 : -1;
}

/* ---------------------------------------------------------------- 1. against PyTorch */
static dive__st_file g_fx;

/* a fixture tensor (its data section need not be aligned: copied out), NULL when absent */
static void *fx_copy(const char *name, int64_t *numel) {
  const dive__st_entry *e = dive__st_find(&g_fx, name);
  void *p;
  if (!e) { printf("FAIL  fixture lacks %s\n", name); g_fail++; return NULL; }
  p = malloc((size_t)(e->end - e->begin) + 4);
  memcpy(p, g_fx.data + e->begin, (size_t)(e->end - e->begin));
  if (numel) *numel = (int64_t)(e->end - e->begin) / 4;
  return p;
}
static int fx_int(const char *name) {
  int32_t *v = (int32_t *)fx_copy(name, NULL), r = v ? v[0] : 0;
  free(v);
  return r;
}

/* the losses the fixture must cover (checked once over all its cases) */
enum { COV_CE, COV_BSCE, COV_KD, COV_KDCE, COV_DIVE, COV_ALPHA, COV_T2, COV_T5, COV_P1, COV_P05, COV_NOBSCE_DIVE,
       COV_NOBSCE_KDCE, COV_MIX, COV_ALPHA0, COV_N };

static void check_fixture_losses(void) {
  static const char *cov_name[COV_N] = {"CE", "BSCE", "KD", "KD_CE", "DIVE", "DIVE alpha != 0.5", "T 2", "T 5",
                                        "p 1", "p 0.5", "DIVE no_bsce", "KD_CE no_bsce", "mix_groundtruth",
                                        "alpha 0 (alpha_set)"};
  int cov[COV_N] = {0}, n = fx_int("num_cases"), i, k;
  for (i = 0; i < n; i++) {
    char nm[64], name[160];
    float *prm, *s, *z, *lp, *want_pe, *want_dl, *want_mean, *dl, *pe, mean;
    int32_t *y;
    int64_t ns = 0, nb = 0, B, C;
    int kind, si, bi;
    dive_loss_desc ld;
    dive__loss_p p;
    snprintf(nm, sizeof nm, "case.%d.params", i);
    if (!(prm = (float *)fx_copy(nm, NULL))) continue;
    kind = (int)prm[0];
    si = (int)prm[7];
    memset(&ld, 0, sizeof ld);
    ld.kind = (dive_loss_kind)kind;
    ld.alpha = prm[1];
    ld.alpha_set = (int)prm[2];
    ld.T = prm[3];
    ld.power = prm[4];
    ld.no_bsce = (int)prm[5];
    ld.mix_groundtruth = (int)prm[6];
    snprintf(nm, sizeof nm, "set%d.logits", si); s = (float *)fx_copy(nm, &ns);
    snprintf(nm, sizeof nm, "set%d.teacher", si); z = (float *)fx_copy(nm, NULL);
    snprintf(nm, sizeof nm, "set%d.labels", si); y = (int32_t *)fx_copy(nm, &nb);
    snprintf(nm, sizeof nm, "set%d.log_prior", si); lp = (float *)fx_copy(nm, NULL);
    snprintf(nm, sizeof nm, "case.%d.per_example", i); want_pe = (float *)fx_copy(nm, NULL);
    snprintf(nm, sizeof nm, "case.%d.dlogits", i); want_dl = (float *)fx_copy(nm, NULL);
    snprintf(nm, sizeof nm, "case.%d.loss", i); want_mean = (float *)fx_copy(nm, NULL);
    if (!s || !z || !y || !lp || !want_pe || !want_dl || !want_mean || !nb) continue;
    B = nb;
    C = ns / nb;
    snprintf(name, sizeof name, "torch %s B=%d,C=%d,a=%g%s,T=%g,p=%g%s%s", kind_name(kind), (int)B, (int)C,
             (double)ld.alpha, ld.alpha_set ? "!" : "", (double)ld.T, (double)ld.power, ld.no_bsce ? ",nobsce" : "",
             ld.mix_groundtruth ? ",mix" : "");
    cov[COV_CE] |= kind == DIVE_LOSS_CE;
    cov[COV_BSCE] |= kind == DIVE_LOSS_BSCE;
    cov[COV_KD] |= kind == DIVE_LOSS_KD;
    cov[COV_KDCE] |= kind == DIVE_LOSS_KD_CE;
    cov[COV_DIVE] |= kind == DIVE_LOSS_DIVE;
    cov[COV_ALPHA] |= kind == DIVE_LOSS_DIVE && ld.alpha_set && ld.alpha > 0 && ld.alpha != 0.5f;
    cov[COV_T2] |= ld.T == 2;
    cov[COV_T5] |= ld.T == 5;
    cov[COV_P1] |= kind >= DIVE_LOSS_KD && ld.power == 1;
    cov[COV_P05] |= kind >= DIVE_LOSS_KD && ld.power == 0.5f;
    cov[COV_NOBSCE_DIVE] |= kind == DIVE_LOSS_DIVE && ld.no_bsce;
    cov[COV_NOBSCE_KDCE] |= kind == DIVE_LOSS_KD_CE && ld.no_bsce;
    cov[COV_MIX] |= ld.mix_groundtruth;
    cov[COV_ALPHA0] |= ld.alpha_set && ld.alpha == 0;
    dl = (float *)malloc(sizeof(float) * (size_t)(B * C));
    pe = (float *)malloc(sizeof(float) * (size_t)B);
    for (bi = -1; bi < 2; bi++) { /* -1: the serial reference itself */
      const char *bn = bi < 0 ? "ref" : bi ? "vulkan" : "cpu";
      double e_dl, maxd, e_pe, e_mean;
      int r;
      if (g_only && strcmp(g_only, bn)) continue;
      if (bi < 0) {
        r = dive__loss_params(NULL, &p, &ld, (int)B, (int)C) ? -1 : 1;
        if (r > 0) mean = (float)dive__ref_loss_fwd(&p, dl, pe, s, y, z, lp);
      } else {
        r = run_public(bi, &ld, (int)B, (int)C, s, y, z, lp, dl, pe, &mean);
      }
      if (r == 0) { printf("%-58s %-6s SKIP (%s)\n", name, bn, dive_last_error()); g_skip++; continue; }
      if (r < 0) { report(0, name, bn, 0, 0); continue; }
      e_dl = nmse(dl, want_dl, B * C, &maxd);
      e_pe = max_relerr(pe, want_pe, B);
      e_mean = max_relerr(&mean, want_mean, 1);
      /* fp32 results against the float64 answer: dlogits to NMSE 1e-10, each example's
         loss and the mean to 1e-5 relative */
      printf("%-58s %-6s %s  nmse=%.1e per_example=%.1e mean=%.1e\n", name, bn,
             e_dl < 1e-10 && e_pe < 1e-5 && e_mean < 1e-5 ? "OK  " : "FAIL", e_dl, e_pe, e_mean);
      if (e_dl < 1e-10 && e_pe < 1e-5 && e_mean < 1e-5) g_pass++; else g_fail++;
    }
    free(prm); free(s); free(z); free(y); free(lp); free(want_pe); free(want_dl); free(want_mean); free(dl); free(pe);
  }
  for (k = 0; k < COV_N; k++) {
    if (cov[k]) continue;
    printf("FAIL  the fixture has no case with %s\n", cov_name[k]);
    g_fail++;
  }
  if (n < 20) { printf("FAIL  the fixture has %d loss cases, expected at least 20\n", n); g_fail++; }
}

/* ---------------------------------------------------------------- 2. random cases */
typedef struct { int B, C; dive_loss_kind kind; int no_bsce, mix; float alpha; int alpha_set; float T, p, scale; } loss_case;
static const loss_case cases[] = {
  {1, 1, DIVE_LOSS_CE, 0, 0, 0, 0, 0, 0, 3},       {3, 2, DIVE_LOSS_CE, 0, 0, 0, 0, 0, 0, 3},
  {7, 10, DIVE_LOSS_CE, 0, 0, 0, 0, 0, 0, 3},      {7, 10, DIVE_LOSS_BSCE, 0, 0, 0, 0, 0, 0, 3},
  {33, 100, DIVE_LOSS_BSCE, 0, 0, 0, 0, 0, 0, 5},  {5, 7, DIVE_LOSS_KD, 0, 0, 0, 0, 1, 1, 3},
  {5, 7, DIVE_LOSS_KD, 0, 0, 0, 0, 4, 0.5f, 3},    {7, 10, DIVE_LOSS_DIVE, 0, 0, 0, 0, 0, 0, 3},
  {7, 10, DIVE_LOSS_DIVE, 0, 0, 0.3f, 0, 2, 1, 3}, {7, 10, DIVE_LOSS_DIVE, 1, 0, 0, 0, 0, 0, 3},
  {7, 10, DIVE_LOSS_DIVE, 0, 1, 0, 0, 0, 0, 3},    {7, 10, DIVE_LOSS_DIVE, 1, 1, 0.8f, 0, 6, 1, 3},
  {33, 33, DIVE_LOSS_DIVE, 0, 0, 0, 0, 10, 0.5f, 8}, {4, 10, DIVE_LOSS_DIVE, 0, 0, 0, 0, 0, 0, 400},
  {4, 1000, DIVE_LOSS_DIVE, 0, 1, 0, 0, 0, 0, 3},  {7, 10, DIVE_LOSS_DIVE, 0, 0, 0, 1, 0, 0, 3},
  {7, 10, DIVE_LOSS_KD_CE, 0, 0, 0, 0, 0, 0, 3},   {9, 17, DIVE_LOSS_KD_CE, 0, 1, 0.6f, 0, 2, 1, 5},
  {7, 10, DIVE_LOSS_KD_CE, 1, 0, 0.4f, 0, 5, 0.5f, 3}, {7, 10, DIVE_LOSS_KD_CE, 0, 0, 0, 1, 0, 0, 3},
};

static void case_name(const loss_case *c, char *buf, size_t n) {
  snprintf(buf, n, "loss %s B=%d,C=%d%s%s,a=%g%s,T=%g,p=%g,x%g", kind_name(c->kind), c->B, c->C,
           c->no_bsce ? ",nobsce" : "", c->mix ? ",mix" : "", c->alpha, c->alpha_set ? "!" : "", c->T, c->p, c->scale);
}

static void run_case(const loss_case *c) {
  const int B = c->B, C = c->C, n = B * C;
  float *s = (float *)malloc(sizeof(float) * n), *z = (float *)malloc(sizeof(float) * n);
  float *lp = (float *)malloc(sizeof(float) * C), *dref = (float *)malloc(sizeof(float) * n);
  float *dgot = (float *)malloc(sizeof(float) * n), *pe = (float *)malloc(sizeof(float) * B);
  float *peref = (float *)malloc(sizeof(float) * B);
  int32_t *y = (int32_t *)malloc(sizeof(int32_t) * B);
  dive_loss_desc ld;
  dive__loss_p p;
  dive_rng r;
  double lref, maxd, err, fd_err = 0;
  char name[160];
  int i, bi;
  dive_rng_seed(&r, (uint64_t)(B * 1000 + C));
  for (i = 0; i < n; i++) { s[i] = c->scale * (2 * dive_rng_uniform(&r) - 1); z[i] = 3 * (2 * dive_rng_uniform(&r) - 1); }
  for (i = 0; i < C; i++) lp[i] = (float)log(1.0 + (double)(dive_rng_u32(&r) % 5000));
  for (i = 0; i < B; i++) y[i] = (int32_t)(dive_rng_u32(&r) % (uint32_t)C);
  memset(&ld, 0, sizeof ld);
  ld.kind = c->kind; ld.no_bsce = c->no_bsce; ld.mix_groundtruth = c->mix;
  ld.alpha = c->alpha; ld.alpha_set = c->alpha_set; ld.T = c->T; ld.power = c->p;
  case_name(c, name, sizeof name);
  if (dive__loss_params(NULL, &p, &ld, B, C)) { report(0, name, "ref", 0, 0); return; }
  lref = dive__ref_loss_fwd(&p, dref, peref, s, y, z, lp);

  /* finite differences of the reference at up to 12 coordinates */
  if (!g_only || !strcmp(g_only, "ref")) {
    for (i = 0; i < 12 && i < n; i++) {
      int k = (int)(dive_rng_u32(&r) % (uint32_t)n);
      float save = s[k], h = 1e-2f * (1.0f + fabsf(save) * 1e-2f);
      double lo, hi, fd;
      s[k] = save + h; hi = dive__ref_loss_fwd(&p, NULL, NULL, s, y, z, lp);
      s[k] = save - h; lo = dive__ref_loss_fwd(&p, NULL, NULL, s, y, z, lp);
      s[k] = save;
      fd = (hi - lo) / ((double)(save + h) - (double)(save - h));
      fd_err = fmax(fd_err, fabs(fd - dref[k]) / fmax(1e-3, fabs(dref[k])));
    }
    printf("%-58s %-6s %s  fd relerr=%.1e loss=%.5g\n", name, "grad", fd_err < 2e-3 && lref == lref ? "OK  " : "FAIL",
           fd_err, lref);
    if (fd_err < 2e-3 && lref == lref && lref < 1e30) g_pass++; else g_fail++;
  }
  for (bi = 0; bi < 2; bi++) {
    const char *bn = bi ? "vulkan" : "cpu";
    float got = 0;
    int rr;
    double e_pe;
    if (g_only && strcmp(g_only, bn)) continue;
    rr = run_public(bi, &ld, B, C, s, y, z, lp, dgot, pe, &got);
    if (rr == 0) {
      printf("%-58s %-6s SKIP (%s)\n", name, bn, dive_last_error());
      g_skip++;
      continue;
    }
    if (rr < 0) { report(0, name, bn, 0, 0); continue; }
    err = nmse(dgot, dref, n, &maxd);
    e_pe = max_relerr(pe, peref, B);
    report(err < 1e-10 && e_pe < 1e-5 && fabs(got - lref) <= 1e-5 * fmax(1, fabs(lref)), name, bn, err, maxd);
  }
  free(s); free(z); free(lp); free(dref); free(dgot); free(pe); free(peref); free(y);
}

/* power normalization is the same as scaling the teacher logits: check the identity
   t^p / sum t^p == softmax(z p / T) through the KD gradient at s = 0, T = 1 */
static void check_power_identity(void) {
  const int C = 6;
  float s[6] = {0}, z[6] = {1.5f, -0.5f, 3, 0.25f, -2, 0.75f}, d[6];
  int32_t y[1] = {0};
  dive_loss_desc ld;
  dive__loss_p p;
  double t[6], sum = 0, maxd = 0;
  int j;
  memset(&ld, 0, sizeof ld);
  ld.kind = DIVE_LOSS_KD; ld.T = 1; ld.power = 0.5f;
  if (dive__loss_params(NULL, &p, &ld, 1, C)) { report(0, "power normalization", "ref", 0, 0); return; }
  dive__ref_loss_fwd(&p, d, NULL, s, y, z, NULL);
  for (j = 0; j < C; j++) sum += (t[j] = pow(exp(z[j]) , 0.5));
  /* at T=1, s=0: d_j = softmax(0)_j - t_j = 1/C - t_j */
  for (j = 0; j < C; j++) maxd = fmax(maxd, fabs((1.0 / C - t[j] / sum) - d[j]));
  report(maxd < 1e-6, "power normalization == softmax(z p / T)", "ref", 0, maxd);
}

/* ---------------------------------------------------------------- 3. SGD against torch.optim.SGD */
static void check_sgd(void) {
  int64_t n = 0;
  float *p0 = (float *)fx_copy("sgd.param0", &n), *g = (float *)fx_copy("sgd.grads", NULL);
  int nc = fx_int("num_sgd"), ci, bi, step;
  if (!p0 || !g || !nc) { free(p0); free(g); return; }
  for (ci = 0; ci < nc; ci++) {
    char nm[64], name[160];
    float *cfg, *want_p, *want_m, *got_p = (float *)malloc(sizeof(float) * (size_t)n);
    float *got_m = (float *)malloc(sizeof(float) * (size_t)n);
    dive_sgd_desc d;
    snprintf(nm, sizeof nm, "sgd.%d.config", ci); cfg = (float *)fx_copy(nm, NULL);
    snprintf(nm, sizeof nm, "sgd.%d.param", ci); want_p = (float *)fx_copy(nm, NULL);
    snprintf(nm, sizeof nm, "sgd.%d.momentum", ci); want_m = (float *)fx_copy(nm, NULL);
    if (!cfg || !want_p || !want_m) continue;
    memset(&d, 0, sizeof d);
    d.lr = cfg[0]; d.momentum = cfg[1]; d.weight_decay = cfg[2]; d.nesterov = (int)cfg[3];
    snprintf(name, sizeof name, "torch sgd n=%d lr=%g momentum=%g wd=%g nesterov=%d, 3 steps", (int)n, (double)d.lr,
             (double)d.momentum, (double)d.weight_decay, d.nesterov);
    for (bi = -1; bi < 2; bi++) {
      const char *bn = bi < 0 ? "ref" : bi ? "vulkan" : "cpu";
      double e_p, e_m, maxd, maxm;
      int ok = 1;
      if (g_only && strcmp(g_only, bn)) continue;
      if (bi < 0) { /* the reference step itself */
        dive__sgd_p q;
        q.n = n; q.lr = d.lr; q.momentum = d.momentum; q.wd = d.weight_decay; q.nesterov = d.nesterov;
        memcpy(got_p, p0, sizeof(float) * (size_t)n);
        memset(got_m, 0, sizeof(float) * (size_t)n);
        for (step = 0; step < 3; step++) dive__ref_sgd_step(&q, got_p, d.momentum != 0 ? got_m : NULL, g + step * n);
      } else {
        dive_ctx *ctx = open_ctx(bi ? DIVE_BACKEND_VULKAN : DIVE_BACKEND_CPU);
        dive_tensor tp, tg, tm;
        int sh[1];
        if (!ctx) { printf("%-58s %-6s SKIP (%s)\n", name, bn, dive_last_error()); g_skip++; continue; }
        sh[0] = (int)n;
        dive_tensor_alloc(ctx, &tp, DIVE_F32, 1, sh);
        dive_tensor_alloc(ctx, &tg, DIVE_F32, 1, sh);
        dive_tensor_alloc(ctx, &tm, DIVE_F32, 1, sh);
        dive_tensor_write(&tp, p0, n);
        dive_tensor_zero(&tm);
        for (step = 0; step < 3; step++) {
          dive_tensor_write(&tg, g + step * n, n);
          dive_sgd_step(ctx, &tp, &tg, &tm, &d);
        }
        dive_tensor_read(&tp, got_p, n);
        dive_tensor_read(&tm, got_m, n);
        ok = ctx->status == DIVE_OK;
        if (!ok) printf("  %s\n", dive_ctx_error(ctx));
        dive_tensor_free(&tp); dive_tensor_free(&tg); dive_tensor_free(&tm);
        dive_ctx_destroy(ctx);
      }
      e_p = nmse(got_p, want_p, n, &maxd);
      e_m = nmse(got_m, want_m, n, &maxm);
      ok = ok && e_p < 1e-12 && (d.momentum == 0 || e_m < 1e-12);
      printf("%-58s %-6s %s  nmse=%.1e momentum nmse=%.1e\n", name, bn, ok ? "OK  " : "FAIL", e_p,
             d.momentum == 0 ? 0.0 : e_m);
      if (ok) g_pass++; else g_fail++;
    }
    free(cfg); free(want_p); free(want_m); free(got_p); free(got_m);
  }
  free(p0); free(g);
}

/* The CPU's SGD (vectorized per ISA, in chunks across threads) against the reference step,
   bit for bit (the same expressions in the same order), on every ISA path this CPU has and
   on 1 and 2 threads; and the training step's scan for the first non-finite gradient
   (blocks of 1024 searched only when their lane sums are not 0, chunks across threads) on
   NaNs and infinities at block, chunk and tail edges. Sizes not multiples of 16 or of a chunk. */
static void check_sgd_paths(void) {
  const int64_t n = 3 * 65536 + 1024 * 5 + 37;
  const int64_t at[] = {0, 15, 16, 1023, 1024, 4095, 65535, 65536, 65536 + 17, 3 * 65536, n - 37, n - 1};
  const float bad[3] = {NAN, INFINITY, -INFINITY};
  float *p0 = (float *)malloc(sizeof(float) * (size_t)n), *g = (float *)malloc(sizeof(float) * (size_t)n);
  float *m0 = (float *)malloc(sizeof(float) * (size_t)n), *rp = (float *)malloc(sizeof(float) * (size_t)n);
  float *rm = (float *)malloc(sizeof(float) * (size_t)n), *cp = (float *)malloc(sizeof(float) * (size_t)n);
  float *cm = (float *)malloc(sizeof(float) * (size_t)n);
  int best = dive__isa(), isa, th, cfg;
  int64_t i;
  dive_rng st;
  dive_rng_seed(&st, 12345);
  for (i = 0; i < n; i++) {
    p0[i] = (float)dive_rng_normal(&st);
    g[i] = (float)dive_rng_normal(&st) * 0.1f;
    m0[i] = (float)dive_rng_normal(&st) * 0.5f;
  }
  for (isa = best; isa >= 0; isa = dive__isa_narrower(isa)) {
    dive__isa_set(isa);
    for (th = 1; th <= 2; th++) {
      char name[160];
      int ok = 1;
      size_t k, b;
      dive__cur_threads = th;
      for (cfg = 0; cfg < 3; cfg++) {
        dive__sgd_p q;
        q.n = n; q.lr = 0.05f; q.momentum = cfg ? 0.9f : 0.0f; q.wd = 1e-4f; q.nesterov = cfg == 2;
        memcpy(rp, p0, sizeof(float) * (size_t)n); memcpy(cp, p0, sizeof(float) * (size_t)n);
        memcpy(rm, m0, sizeof(float) * (size_t)n); memcpy(cm, m0, sizeof(float) * (size_t)n);
        dive__ref_sgd_step(&q, rp, cfg ? rm : NULL, g);
        dive__cpu_sgd_step(&q, cp, cfg ? cm : NULL, g);
        ok = ok && !memcmp(rp, cp, sizeof(float) * (size_t)n) && !memcmp(rm, cm, sizeof(float) * (size_t)n);
      }
      snprintf(name, sizeof name, "cpu sgd (plain, momentum, nesterov) == ref bitwise, %d thr", th);
      report(ok, name, dive__isa_name(isa), 0, 0);
      ok = dive__cpu_first_nonfinite(g, n) == -1;
      for (k = 0; k < sizeof at / sizeof at[0]; k++)
        for (b = 0; b < 3; b++) {
          float keep = g[at[k]];
          g[at[k]] = bad[b];
          ok = ok && dive__cpu_first_nonfinite(g, n) == at[k];
          if (k + 1 < sizeof at / sizeof at[0]) { /* a later one too: the first is reported */
            float keep2 = g[at[k + 1]];
            g[at[k + 1]] = bad[(b + 1) % 3];
            ok = ok && dive__cpu_first_nonfinite(g, n) == at[k];
            g[at[k + 1]] = keep2;
          }
          g[at[k]] = keep;
        }
      snprintf(name, sizeof name, "cpu first non-finite gradient (NaN, +-inf at edges), %d thr", th);
      report(ok, name, dive__isa_name(isa), 0, 0);
    }
  }
  dive__isa_set(best);
  dive__cur_threads = 0;
  free(p0); free(g); free(m0); free(rp); free(rm); free(cp); free(cm);
}

/* ---------------------------------------------------------------- 4. bad arguments */
static void check_bad_args(void) {
  dive_ctx *ctx = open_ctx(DIVE_BACKEND_CPU);
  dive_tensor s, y, d, z;
  dive_loss_desc ld;
  dive_sgd_desc sd;
  int sh[2] = {2, 3}, ok;
  int32_t lab[2] = {0, 3};
  float v[6] = {0}, m;
  if (!ctx) { printf("SKIP  bad arguments: no cpu ctx\n"); g_skip++; return; }
  dive_tensor_alloc(ctx, &s, DIVE_F32, 2, sh);
  dive_tensor_alloc(ctx, &z, DIVE_F32, 2, sh);
  dive_tensor_alloc(ctx, &d, DIVE_F32, 1, sh);
  dive_tensor_alloc(ctx, &y, DIVE_I32, 1, sh);
  dive_tensor_write(&s, v, 6);
  dive_tensor_write(&y, lab, 2);
  memset(&ld, 0, sizeof ld);
  ok = dive_loss_forward(ctx, NULL, NULL, NULL, &s, &y, NULL, NULL, &ld) == DIVE_ERR_ARG &&
       strstr(dive_ctx_error(ctx), "label 3 of example 1 outside [0, 3)");
  report(ok, "bad: label out of range", dive_ctx_error(ctx), 0, 0);
  dive_ctx_clear_error(ctx);
  lab[1] = 1;
  dive_tensor_write(&y, lab, 2);
  ld.kind = DIVE_LOSS_DIVE;
  ok = dive_loss_forward(ctx, NULL, NULL, NULL, &s, &y, NULL, NULL, &ld) == DIVE_ERR_ARG &&
       strstr(dive_ctx_error(ctx), "teacher");
  report(ok, "bad: DIVE without teacher", dive_ctx_error(ctx), 0, 0);
  dive_ctx_clear_error(ctx);
  ld.kind = DIVE_LOSS_KD_CE;
  ok = dive_loss_forward(ctx, NULL, NULL, NULL, &s, &y, NULL, NULL, &ld) == DIVE_ERR_ARG &&
       strstr(dive_ctx_error(ctx), "teacher");
  report(ok, "bad: KD_CE without teacher", dive_ctx_error(ctx), 0, 0);
  dive_ctx_clear_error(ctx);
  /* alpha 0 is the first term alone: no teacher needed (CE: no prior either) */
  ld.alpha_set = 1;
  m = -1;
  ok = dive_loss_forward(ctx, NULL, NULL, &m, &s, &y, NULL, NULL, &ld) == DIVE_OK && fabsf(m - logf(3.0f)) < 1e-6f;
  report(ok, "KD_CE alpha 0 (alpha_set) is CE: no teacher needed", dive_ctx_error(ctx), 0, m);
  dive_ctx_clear_error(ctx);
  ld.no_bsce = 1;
  ok = dive_loss_forward(ctx, NULL, NULL, NULL, &s, &y, &z, NULL, &ld) == DIVE_ERR_ARG &&
       strstr(dive_ctx_error(ctx), "no_bsce with alpha 0");
  report(ok, "bad: no_bsce with alpha 0 (no term left)", dive_ctx_error(ctx), 0, 0);
  dive_ctx_clear_error(ctx);
  ld.no_bsce = 0;
  ld.alpha_set = 0;
  ld.kind = (dive_loss_kind)5;
  ok = dive_loss_forward(ctx, NULL, NULL, NULL, &s, &y, &z, NULL, &ld) == DIVE_ERR_ARG &&
       strstr(dive_ctx_error(ctx), "kind 5");
  report(ok, "bad: loss kind 5", dive_ctx_error(ctx), 0, 0);
  dive_ctx_clear_error(ctx);
  ld.kind = DIVE_LOSS_DIVE;
  ld.alpha = 1.5f;
  ok = dive_loss_forward(ctx, NULL, NULL, NULL, &s, &y, &z, NULL, &ld) == DIVE_ERR_ARG &&
       strstr(dive_ctx_error(ctx), "alpha 1.5");
  report(ok, "bad: alpha 1.5", dive_ctx_error(ctx), 0, 0);
  dive_ctx_clear_error(ctx);
  ld.alpha = 0;
  ld.kind = DIVE_LOSS_CE;
  ok = dive_loss_forward(ctx, &d, NULL, NULL, &s, &y, NULL, NULL, &ld) == DIVE_ERR_SHAPE &&
       strstr(dive_ctx_error(ctx), "dlogits has 2 elements, expected 6");
  report(ok, "bad: dlogits shape", dive_ctx_error(ctx), 0, 0);
  ok = dive_loss_forward(ctx, NULL, NULL, NULL, &s, &y, NULL, NULL, &ld) == DIVE_ERR_SHAPE;
  report(ok, "sticky error: later calls return it", dive_ctx_error(ctx), 0, 0);
  dive_ctx_clear_error(ctx);
  memset(&sd, 0, sizeof sd);
  sd.lr = 0.1f; sd.momentum = 1.5f;
  ok = dive_sgd_step(ctx, &s, &z, &z, &sd) == DIVE_ERR_ARG && strstr(dive_ctx_error(ctx), "momentum 1.5");
  report(ok, "bad: sgd momentum 1.5", dive_ctx_error(ctx), 0, 0);
  dive_ctx_clear_error(ctx);
  dive_tensor_free(&s); dive_tensor_free(&z); dive_tensor_free(&d); dive_tensor_free(&y);
  dive_ctx_destroy(ctx);
}

/* ---------------------------------------------------------------- main */
int main(int argc, char **argv) {
  const char *fixture = "tests/ref/loss_ref.safetensors";
  size_t i;
  if (argc == 3 && !strcmp(argv[1], "-b")) g_only = argv[2];
  if (dive__st_open(&g_fx, fixture)) {
    printf("FAIL  cannot read the fixture %s (run from the repository root): %s\n", fixture, dive_last_error());
    g_fail++;
  } else {
    check_fixture_losses();
    check_sgd();
    dive__st_close(&g_fx);
  }
  for (i = 0; i < sizeof cases / sizeof cases[0]; i++) run_case(&cases[i]);
  if (!g_only || !strcmp(g_only, "ref")) check_power_identity();
  if (!g_only || !strcmp(g_only, "cpu")) check_bad_args();
  if (!g_only || !strcmp(g_only, "cpu")) check_sgd_paths();
  if (g_skip && getenv("DIVE_REQUIRE_VULKAN") && atoi(getenv("DIVE_REQUIRE_VULKAN"))) {
    printf("DIVE_REQUIRE_VULKAN=1: %d skipped cases count as failures\n", g_skip);
    g_fail += g_skip;
  }
  if (dive__vk_validation_errors(NULL)) { /* DIVE_VK_VALIDATION=1: any message fails */
    printf("FAIL: %d Vulkan validation messages\n", dive__vk_validation_errors(NULL));
    g_fail++;
  }
  printf("%d passed, %d failed, %d skipped\n", g_pass, g_fail, g_skip);
  return g_fail ? 1 : 0;
}
