/* test_vulkan.c - the Vulkan backend: plumbing, memory, recording, and every op vs the
   serial reference kernels.
     make test-vulkan      (lavapipe, validation on; see tests/vk_env.sh)
     cc -std=c99 -O2 -Wall -Wextra -I.. test_vulkan.c -o test_vulkan -lm -ldl && ./test_vulkan
   Sections: helpers, checks (one function per topic), main. Every check runs twice: with
   tensors in mapped memory (UMA path) and with DIVE_VK_STAGING=1 (device-local + staging).
   No Vulkan device: prints SKIP and exits 0, or exits 1 when DIVE_REQUIRE_VULKAN=1.
   Any validation-layer warning or error fails the run. Last line: "N passed, N failed". */
#define DIVE_IMPLEMENTATION
#include "../dive.h"
#include <stdio.h>

#ifdef DIVE_NO_VULKAN
int main(void) {
  const char *req = getenv("DIVE_REQUIRE_VULKAN");
  int require = req && !strcmp(req, "1");
  printf("SKIP: built with DIVE_NO_VULKAN\n0 passed, %d failed\n", require);
  return require;
}
#else
/* ================================================================= helpers */
static int g_pass, g_fail;
static const char *g_mode = "";

#define CHECK(cond, ...)                                                   \
  do {                                                                     \
    if (!(cond)) {                                                         \
      printf("  FAIL %s:%d [%s] ", __FILE__, __LINE__, g_mode);            \
      printf(__VA_ARGS__);                                                 \
      printf("\n");                                                        \
      return 1;                                                            \
    }                                                                      \
  } while (0)
#define CHECK_OK(ctx, expr)                                                          \
  do {                                                                               \
    dive_status s_ = (expr);                                                         \
    CHECK(s_ == DIVE_OK, "%s -> %s (%s)", #expr, dive_status_str(s_),                \
          (ctx) ? dive_ctx_error(ctx) : dive_last_error());                          \
  } while (0)

static void report(const char *name, int failed) {
  printf("%-44s %-8s %s\n", name, g_mode, failed ? "FAIL" : "OK");
  if (failed) g_fail++;
  else g_pass++;
}

static void fill(dive_rng *r, float *x, int64_t n) {
  int64_t i;
  for (i = 0; i < n; i++) x[i] = 2.0f * dive_rng_uniform(r) - 1.0f;
}

/* normalized mean squared error of y against the reference x */
static double nmse(const float *ref, const float *y, int64_t n) {
  double num = 0, den = 0;
  int64_t i;
  for (i = 0; i < n; i++) {
    double d = (double)ref[i] - (double)y[i];
    num += d * d;
    den += (double)ref[i] * (double)ref[i];
  }
  return den > 0 ? num / den : num;
}
static double maxdiff(const float *a, const float *b, int64_t n) {
  double m = 0;
  int64_t i;
  for (i = 0; i < n; i++) m = fmax(m, fabs((double)a[i] - (double)b[i]));
  return m;
}

static void set_env(const char *name, const char *value) {
  if (value) setenv(name, value, 1);
  else unsetenv(name);
}

/* a ctx on the Vulkan backend whatever the caller's environment says */
static dive_status vk_ctx(dive_ctx **ctx) {
  dive_ctx_desc d;
  memset(&d, 0, sizeof d);
  d.backend = DIVE_BACKEND_VULKAN;
  return dive_ctx_create(ctx, &d);
}

static float *fbuf(int64_t n) { return (float *)calloc((size_t)(n ? n : 1), sizeof(float)); }

/* ================================================================= checks */

/* backend choice: forced Vulkan, AUTO, DIVE_BACKEND=cpu, DIVE_VK_DEVICE */
static int check_backend(void) {
  dive_ctx *ctx = NULL, *c2 = NULL;
  dive_ctx_desc d;
  int cpu_type;
  CHECK_OK(NULL, vk_ctx(&ctx));
  CHECK(dive_query_backend(ctx) == DIVE_BACKEND_VULKAN, "forced Vulkan: backend %d", (int)dive_query_backend(ctx));
  CHECK(strstr(dive_query_device_name(ctx), "Vulkan") != NULL, "device name '%s'", dive_query_device_name(ctx));
  cpu_type = ctx->vk->props.deviceType == VK_PHYSICAL_DEVICE_TYPE_CPU;
  printf("  device: %s%s\n", dive_query_device_name(ctx), cpu_type ? " (CPU type)" : "");
  if (getenv("DIVE_VK_VALIDATION") && !strcmp(getenv("DIVE_VK_VALIDATION"), "1"))
    CHECK(dive__vk_validation_active(ctx), "DIVE_VK_VALIDATION=1 but the validation layer is not active");
  dive_ctx_destroy(ctx);
  ctx = NULL;

  /* AUTO: a CPU-type Vulkan device (lavapipe) loses to the OpenMP backend */
  set_env("DIVE_BACKEND", NULL);
  memset(&d, 0, sizeof d);
  CHECK_OK(NULL, dive_ctx_create(&ctx, &d));
  if (cpu_type)
    CHECK(dive_query_backend(ctx) == DIVE_BACKEND_CPU, "AUTO with only a CPU-type device picked %s",
          dive_query_device_name(ctx));
  else
    CHECK(dive_query_backend(ctx) == DIVE_BACKEND_VULKAN, "AUTO with a GPU picked %s", dive_query_device_name(ctx));
  CHECK(dive_ctx_status(ctx) == DIVE_OK, "AUTO left a sticky error: %s", dive_ctx_error(ctx));
  dive_ctx_destroy(ctx);
  ctx = NULL;

  /* DIVE_BACKEND=cpu overrides desc.backend = VULKAN */
  set_env("DIVE_BACKEND", "cpu");
  d.backend = DIVE_BACKEND_VULKAN;
  CHECK_OK(NULL, dive_ctx_create(&ctx, &d));
  CHECK(dive_query_backend(ctx) == DIVE_BACKEND_CPU, "DIVE_BACKEND=cpu gave backend %d", (int)dive_query_backend(ctx));
  dive_ctx_destroy(ctx);
  ctx = NULL;
  set_env("DIVE_BACKEND", NULL);

  /* DIVE_VK_DEVICE: index 0 works, an absent index is a clear error */
  set_env("DIVE_VK_DEVICE", "0");
  CHECK_OK(NULL, vk_ctx(&ctx));
  dive_ctx_destroy(ctx);
  ctx = NULL;
  set_env("DIVE_VK_DEVICE", "63");
  {
    dive_status s = vk_ctx(&c2);
    CHECK(s == DIVE_ERR_NO_DEVICE && c2 == NULL, "DIVE_VK_DEVICE=63 gave %s", dive_status_str(s));
    CHECK(strstr(dive_last_error(), "device 63") != NULL, "unclear error: '%s'", dive_last_error());
    printf("  DIVE_VK_DEVICE=63 -> %s\n", dive_last_error());
  }
  set_env("DIVE_VK_DEVICE", NULL);
  /* ... and the same index through the desc (N = device N-1) */
  memset(&d, 0, sizeof d);
  d.backend = DIVE_BACKEND_VULKAN;
  d.vk_device = 64;
  CHECK(dive_ctx_create(&c2, &d) == DIVE_ERR_NO_DEVICE && c2 == NULL, "desc.vk_device = 64 accepted");
  return 0;
}

/* write/read round trips, views at unaligned element offsets, partial counts */
static int check_roundtrip(dive_ctx *ctx) {
  static const int sizes[] = {1, 7, 33, 1000, 70001};
  dive_rng r;
  unsigned k;
  dive_rng_seed(&r, 1);
  for (k = 0; k < sizeof sizes / sizeof *sizes; k++) {
    int n = sizes[k];
    dive_tensor t;
    float *x = fbuf(n), *y = fbuf(n);
    fill(&r, x, n);
    CHECK_OK(ctx, dive_tensor_alloc(ctx, &t, DIVE_F32, 1, &n));
    CHECK_OK(ctx, dive_tensor_write(&t, x, n));
    CHECK_OK(ctx, dive_tensor_read(&t, y, n));
    CHECK(memcmp(x, y, (size_t)n * 4) == 0, "round trip n=%d differs", n);
    if (n >= 33) { /* views at offsets 1, 3 and 17 elements: not 16-byte aligned */
      static const int offs[] = {1, 3, 17};
      unsigned j;
      for (j = 0; j < 3; j++) {
        dive_tensor v;
        int vn = n - offs[j] - 5, i;
        float *z = fbuf(vn);
        fill(&r, z, vn);
        CHECK_OK(ctx, dive_tensor_view(&v, &t, offs[j], 1, &vn));
        CHECK_OK(ctx, dive_tensor_write(&v, z, vn));
        memcpy(x + offs[j], z, (size_t)vn * 4);
        CHECK_OK(ctx, dive_tensor_read(&t, y, n));
        CHECK(memcmp(x, y, (size_t)n * 4) == 0, "view write at %d (n=%d) changed the wrong range", offs[j], n);
        CHECK_OK(ctx, dive_tensor_read(&v, z, vn));
        for (i = 0; i < vn; i++) CHECK(z[i] == x[offs[j] + i], "view read at %d: [%d]", offs[j], i);
        /* partial read: only `count` elements are written to dst */
        z[2] = 12345.0f;
        CHECK_OK(ctx, dive_tensor_read(&v, z, 2));
        CHECK(z[2] == 12345.0f && z[1] == x[offs[j] + 1], "partial read wrote past count");
        free(z);
      }
    }
    dive_tensor_free(&t);
    free(x);
    free(y);
  }
  return 0;
}

/* zero fill of a view, ordered with dispatches recorded around it */
static int check_zero(dive_ctx *ctx) {
  int n = 1031, vn = 500, off = 5, i;
  dive_tensor t, v, y;
  dive_rng r;
  float *x = fbuf(n), *z = fbuf(n);
  dive_rng_seed(&r, 2);
  fill(&r, x, n);
  CHECK_OK(ctx, dive_tensor_alloc(ctx, &t, DIVE_F32, 1, &n));
  CHECK_OK(ctx, dive_tensor_alloc(ctx, &y, DIVE_F32, 1, &n));
  CHECK_OK(ctx, dive_tensor_write(&t, x, n));
  CHECK_OK(ctx, dive_tensor_view(&v, &t, off, 1, &vn));
  CHECK_OK(ctx, dive_tensor_zero(&v));
  CHECK_OK(ctx, dive_tensor_read(&t, z, n));
  for (i = 0; i < n; i++)
    CHECK(z[i] == (i >= off && i < off + vn ? 0.0f : x[i]), "zero of view [%d,%d): element %d = %g",
          off, off + vn, i, z[i]);
  /* fill -> dispatch -> fill -> dispatch, one submit: each must see the one before */
  CHECK_OK(ctx, dive_tensor_write(&t, x, n));
  CHECK_OK(ctx, dive__vk_add_fwd(ctx, n, &y, &t, &t));  /* y = 2x */
  CHECK_OK(ctx, dive_tensor_zero(&t));               /* t = 0 (after the read above) */
  CHECK_OK(ctx, dive__vk_add_fwd(ctx, n, &y, &y, &t));  /* y = 2x + 0 */
  CHECK_OK(ctx, dive_tensor_zero(&v));
  CHECK_OK(ctx, dive_ctx_sync(ctx));
  CHECK_OK(ctx, dive_tensor_read(&y, z, n));
  for (i = 0; i < n; i++) CHECK(z[i] == 2.0f * x[i], "fill/dispatch ordering: y[%d] = %g, want %g", i, z[i], 2.0f * x[i]);
  CHECK_OK(ctx, dive_tensor_read(&t, z, n));
  for (i = 0; i < n; i++) CHECK(z[i] == 0.0f, "t[%d] = %g after zero", i, z[i]);
  dive_tensor_free(&y);
  dive_tensor_free(&t);
  free(x);
  free(z);
  return 0;
}

/* 400 dependent ops recorded, one submit at sync (descriptor pools chain past 128 sets);
   a host write between records waits for the recorded work that reads the old data */
static int check_recording(dive_ctx *ctx) {
  int n = 777, i, k, steps = 400;
  dive_tensor a, b;
  dive_rng r;
  float *x = fbuf(n), *h = fbuf(n), *y = fbuf(n), *old = fbuf(n);
  int64_t submits0;
  dive_rng_seed(&r, 3);
  fill(&r, x, n);
  for (i = 0; i < n; i++) x[i] *= 1e-3f;
  CHECK_OK(ctx, dive_tensor_alloc(ctx, &a, DIVE_F32, 1, &n));
  CHECK_OK(ctx, dive_tensor_alloc(ctx, &b, DIVE_F32, 1, &n));
  CHECK_OK(ctx, dive_tensor_write(&a, x, n));
  CHECK_OK(ctx, dive_tensor_write(&b, x, n));
  memcpy(h, x, (size_t)n * 4);
  submits0 = ctx->vk->submits;
  for (k = 0; k < steps; k++) { /* b = relu(b + a), alternating with an in-place relu */
    CHECK_OK(ctx, dive__vk_add_fwd(ctx, n, &b, &b, &a));
    if (k % 2) CHECK_OK(ctx, dive__vk_relu_fwd(ctx, n, &b, &b));
    for (i = 0; i < n; i++) {
      h[i] = h[i] + x[i];
      if (k % 2) h[i] = h[i] > 0 ? h[i] : 0;
    }
  }
  CHECK(ctx->vk->submits == submits0, "ops submitted before sync (%lld submits)",
        (long long)(ctx->vk->submits - submits0));
  CHECK_OK(ctx, dive_ctx_sync(ctx));
  CHECK(ctx->vk->submits == submits0 + 1, "%lld submits for one sync", (long long)(ctx->vk->submits - submits0));
  CHECK(ctx->vk->ndpools >= 2, "expected the descriptor pool chain to grow (%d pools)", ctx->vk->ndpools);
  CHECK_OK(ctx, dive_tensor_read(&b, y, n));
  CHECK(maxdiff(h, y, n) == 0.0, "400-op chain: maxdiff %g", maxdiff(h, y, n));
  /* record b = a + a, then overwrite a on the host before syncing: b sees the old a */
  CHECK_OK(ctx, dive__vk_add_fwd(ctx, n, &b, &a, &a));
  for (i = 0; i < n; i++) old[i] = -x[i];
  CHECK_OK(ctx, dive_tensor_write(&a, old, n));
  CHECK_OK(ctx, dive_tensor_read(&b, y, n));
  for (i = 0; i < n; i++) CHECK(y[i] == 2.0f * x[i], "write reordered before recorded work at %d", i);
  dive_tensor_free(&a);
  dive_tensor_free(&b);
  free(x); free(h); free(y); free(old);
  return 0;
}

/* --- ops vs the reference --- */
/* local oracles until dive__ref_relu_* / dive__ref_add_* land on main (then use those) */
static void ref_relu_fwd(float *out, const float *in, int64_t n) {
  int64_t i;
  for (i = 0; i < n; i++) out[i] = in[i] > 0 ? in[i] : 0;
}
static void ref_relu_bwd(float *din, const float *dout, const float *out, int64_t n) {
  int64_t i;
  for (i = 0; i < n; i++) din[i] = out[i] > 0 ? dout[i] : 0;
}

/* tensors placed at an odd element offset inside a bigger buffer, to exercise binding */
typedef struct { dive_tensor owner, v; } vt;
static dive_status vt_new(dive_ctx *ctx, vt *t, int n, int off, const float *init) {
  int m = n + off + 3;
  dive_status s;
  if ((s = dive_tensor_alloc(ctx, &t->owner, DIVE_F32, 1, &m))) return s;
  if ((s = dive_tensor_view(&t->v, &t->owner, off, 1, &n))) return s;
  return init ? dive_tensor_write(&t->v, init, n) : DIVE_OK;
}

static int check_eltwise(dive_ctx *ctx) {
  static const int sizes[] = {1, 7, 33, 1000, 4097};
  unsigned k;
  dive_rng r;
  dive_rng_seed(&r, 4);
  for (k = 0; k < sizeof sizes / sizeof *sizes; k++) {
    int n = sizes[k], off = (int)k * 3 + 1;
    float *a = fbuf(n), *b = fbuf(n), *want = fbuf(n), *got = fbuf(n);
    int64_t i;
    vt A, B, O, D;
    fill(&r, a, n);
    fill(&r, b, n);
    CHECK_OK(ctx, vt_new(ctx, &A, n, off, a));
    CHECK_OK(ctx, vt_new(ctx, &B, n, off + 1, b));
    CHECK_OK(ctx, vt_new(ctx, &O, n, off + 2, NULL));
    CHECK_OK(ctx, vt_new(ctx, &D, n, 0, NULL));
    /* relu forward */
    CHECK_OK(ctx, dive__vk_relu_fwd(ctx, n, &O.v, &A.v));
    CHECK_OK(ctx, dive_tensor_read(&O.v, got, n));
    ref_relu_fwd(want, a, n);
    CHECK(nmse(want, got, n) == 0.0, "relu_fwd n=%d nmse %g", n, nmse(want, got, n));
    /* relu backward (dout = b, out = relu(a)); then in place (din = dout) */
    CHECK_OK(ctx, dive__vk_relu_bwd(ctx, n, &D.v, &B.v, &O.v));
    CHECK_OK(ctx, dive_tensor_read(&D.v, got, n));
    ref_relu_bwd(want, b, a, n); /* out > 0 <=> a > 0 */
    CHECK(nmse(want, got, n) == 0.0, "relu_bwd n=%d nmse %g", n, nmse(want, got, n));
    CHECK_OK(ctx, dive__vk_relu_bwd(ctx, n, &B.v, &B.v, &O.v));
    CHECK_OK(ctx, dive_tensor_read(&B.v, got, n));
    CHECK(nmse(want, got, n) == 0.0, "relu_bwd in place n=%d", n);
    CHECK_OK(ctx, dive_tensor_write(&B.v, b, n));
    /* add forward, then aliased out = a */
    CHECK_OK(ctx, dive__vk_add_fwd(ctx, n, &O.v, &A.v, &B.v));
    CHECK_OK(ctx, dive_tensor_read(&O.v, got, n));
    for (i = 0; i < n; i++) want[i] = a[i] + b[i];
    CHECK(nmse(want, got, n) == 0.0, "add_fwd n=%d nmse %g", n, nmse(want, got, n));
    CHECK_OK(ctx, dive__vk_add_fwd(ctx, n, &A.v, &A.v, &B.v));
    CHECK_OK(ctx, dive_tensor_read(&A.v, got, n));
    CHECK(nmse(want, got, n) == 0.0, "add_fwd aliased n=%d", n);
    /* add backward: da = db = dout (overwrite), NULL skips one */
    CHECK_OK(ctx, dive__vk_add_bwd(ctx, n, &O.v, &D.v, &B.v));
    CHECK_OK(ctx, dive_tensor_read(&O.v, got, n));
    CHECK(memcmp(got, b, (size_t)n * 4) == 0, "add_bwd da n=%d", n);
    CHECK_OK(ctx, dive_tensor_read(&D.v, got, n));
    CHECK(memcmp(got, b, (size_t)n * 4) == 0, "add_bwd db n=%d", n);
    CHECK_OK(ctx, dive__vk_add_bwd(ctx, n, NULL, &D.v, &A.v));
    CHECK_OK(ctx, dive_tensor_read(&D.v, got, n));
    CHECK(nmse(want, got, n) == 0.0, "add_bwd da=NULL n=%d", n);
    /* the owner's elements outside the views are untouched (still zero) */
    {
      float *all = fbuf(O.owner.numel);
      CHECK_OK(ctx, dive_tensor_read(&O.owner, all, O.owner.numel));
      for (i = 0; i < O.owner.numel; i++)
        if (i < off + 2 || i >= off + 2 + n) CHECK(all[i] == 0.0f, "op wrote outside its view at %lld", (long long)i);
      free(all);
    }
    dive_tensor_free(&A.owner); dive_tensor_free(&B.owner);
    dive_tensor_free(&O.owner); dive_tensor_free(&D.owner);
    free(a); free(b); free(want); free(got);
  }
  return 0;
}

/* loss: every kind (and the Table-6 variants) vs dive__ref_loss_fwd, through the public
   dive_loss_forward; an out-of-range label is reported when the mean is read */
static int check_loss(dive_ctx *ctx) {
  static const struct { int B, C; } shapes[] = {{1, 2}, {7, 10}, {33, 13}, {64, 100}};
  static const struct { dive_loss_kind kind; int no_bsce, mix; float alpha, T, power; } kinds[] = {
      {DIVE_LOSS_CE, 0, 0, 0, 0, 0},     {DIVE_LOSS_BSCE, 0, 0, 0, 0, 0},
      {DIVE_LOSS_KD, 0, 0, 0, 2.0f, 1.0f}, {DIVE_LOSS_DIVE, 0, 0, 0.3f, 3.0f, 0.5f},
      {DIVE_LOSS_DIVE, 1, 0, 0, 0, 0},   {DIVE_LOSS_DIVE, 0, 1, 0.7f, 1.5f, 0.8f}};
  unsigned si, ki;
  dive_rng r;
  dive_rng_seed(&r, 6);
  for (si = 0; si < sizeof shapes / sizeof *shapes; si++) {
    int B = shapes[si].B, C = shapes[si].C, n = B * C, i, sh[2];
    float *s = fbuf(n), *z = fbuf(n), *lp = fbuf(C), *dl = fbuf(n), *pe = fbuf(B);
    float *want_dl = fbuf(n), *want_pe = fbuf(B), mean = 0;
    int32_t *y = (int32_t *)calloc((size_t)B, 4);
    vt S, Z, LP, DL, PE;
    dive_tensor Y;
    fill(&r, s, n);
    fill(&r, z, n);
    for (i = 0; i < n; i++) { s[i] *= 4.0f; z[i] *= 4.0f; }
    for (i = 0; i < C; i++) lp[i] = logf((float)(1 + (i * 37) % 50)); /* log n_j, long-tailed */
    for (i = 0; i < B; i++) y[i] = (int32_t)(dive_rng_u32(&r) % (uint32_t)C);
    CHECK_OK(ctx, vt_new(ctx, &S, n, 1, s));
    CHECK_OK(ctx, vt_new(ctx, &Z, n, 2, z));
    CHECK_OK(ctx, vt_new(ctx, &LP, C, 3, lp));
    CHECK_OK(ctx, vt_new(ctx, &DL, n, 5, NULL));
    CHECK_OK(ctx, vt_new(ctx, &PE, B, 7, NULL));
    sh[0] = B; sh[1] = C;
    S.v.ndim = 2; S.v.shape[0] = B; S.v.shape[1] = C; /* logits (B,C) */
    CHECK_OK(ctx, dive_tensor_alloc(ctx, &Y, DIVE_I32, 1, &B));
    CHECK_OK(ctx, dive_tensor_write(&Y, y, B));
    for (ki = 0; ki < sizeof kinds / sizeof *kinds; ki++) {
      dive_loss_desc d;
      dive__loss_p p;
      double want_mean, e_dl, e_pe;
      memset(&d, 0, sizeof d);
      d.kind = kinds[ki].kind;
      d.no_bsce = kinds[ki].no_bsce;
      d.mix_groundtruth = kinds[ki].mix;
      d.alpha = kinds[ki].alpha;
      d.T = kinds[ki].T;
      d.power = kinds[ki].power;
      CHECK_OK(ctx, dive__loss_params(ctx, &p, &d, B, C));
      want_mean = dive__ref_loss_fwd(&p, want_dl, want_pe, s, y, z, lp);
      CHECK_OK(ctx, dive_loss_forward(ctx, &DL.v, &PE.v, &mean, &S.v, &Y, &Z.v, &LP.v, &d));
      CHECK_OK(ctx, dive_tensor_read(&DL.v, dl, n));
      CHECK_OK(ctx, dive_tensor_read(&PE.v, pe, B));
      e_dl = nmse(want_dl, dl, n);
      e_pe = nmse(want_pe, pe, B);
      /* fp32 on the device vs double in the reference: NMSE 1e-7 (ggml's default) */
      CHECK(e_dl < 1e-7 && e_pe < 1e-7 && fabs(mean - want_mean) <= 1e-4 * fabs(want_mean) + 1e-6,
            "loss kind %d no_bsce %d mix %d B=%d C=%d: nmse dlogits %.2e per_example %.2e, mean %.7g vs %.7g",
            (int)d.kind, d.no_bsce, d.mix_groundtruth, B, C, e_dl, e_pe, (double)mean, want_mean);
      /* mean only: no dlogits, no per_example (scratch inside) */
      mean = 0;
      CHECK_OK(ctx, dive_loss_forward(ctx, NULL, NULL, &mean, &S.v, &Y, &Z.v, &LP.v, &d));
      CHECK(fabs(mean - want_mean) <= 1e-4 * fabs(want_mean) + 1e-6, "mean-only loss %.7g vs %.7g",
            (double)mean, want_mean);
    }
    (void)sh;
    if (si == 1) { /* a bad label: clear error, sticky until cleared */
      dive_loss_desc d;
      int32_t bad = C;
      memset(&d, 0, sizeof d);
      CHECK_OK(ctx, dive_tensor_write(&Y, &bad, 1)); /* label of example 0 = C */
      CHECK(dive_loss_forward(ctx, &DL.v, NULL, &mean, &S.v, &Y, NULL, NULL, &d) == DIVE_ERR_ARG,
            "label %d = C accepted", bad);
      CHECK(strstr(dive_ctx_error(ctx), "label") != NULL, "error: %s", dive_ctx_error(ctx));
      dive_ctx_clear_error(ctx);
    }
    dive_tensor_free(&Y);
    dive_tensor_free(&S.owner); dive_tensor_free(&Z.owner); dive_tensor_free(&LP.owner);
    dive_tensor_free(&DL.owner); dive_tensor_free(&PE.owner);
    free(s); free(z); free(lp); free(dl); free(pe); free(want_dl); free(want_pe); free(y);
  }
  return 0;
}

/* sgd: plain, momentum, nesterov, weight decay; 3 steps vs dive__ref_sgd_step */
static int check_sgd(dive_ctx *ctx) {
  static const int sizes[] = {1, 1000, 4097};
  static const float cfg[][4] = {{0.1f, 0, 0, 0}, {0.05f, 0.9f, 0, 0}, {0.1f, 0.9f, 5e-4f, 1}, {0.2f, 0, 1e-2f, 0}};
  unsigned k, c;
  dive_rng r;
  dive_rng_seed(&r, 7);
  for (k = 0; k < sizeof sizes / sizeof *sizes; k++) {
    int n = sizes[k], step;
    for (c = 0; c < sizeof cfg / sizeof *cfg; c++) {
      float *w = fbuf(n), *g = fbuf(n), *m = fbuf(n), *got = fbuf(n);
      dive_sgd_desc d;
      dive__sgd_p p;
      vt W, G, M;
      fill(&r, w, n);
      CHECK_OK(ctx, vt_new(ctx, &W, n, 1, w));
      CHECK_OK(ctx, vt_new(ctx, &G, n, 2, NULL));
      CHECK_OK(ctx, vt_new(ctx, &M, n, 3, NULL));
      memset(&d, 0, sizeof d);
      d.lr = cfg[c][0]; d.momentum = cfg[c][1]; d.weight_decay = cfg[c][2]; d.nesterov = (int)cfg[c][3];
      p.n = n; p.lr = d.lr; p.momentum = d.momentum; p.wd = d.weight_decay; p.nesterov = d.nesterov;
      for (step = 0; step < 3; step++) {
        fill(&r, g, n);
        CHECK_OK(ctx, dive_tensor_write(&G.v, g, n));
        dive__ref_sgd_step(&p, w, m, g);
        CHECK_OK(ctx, dive_sgd_step(ctx, &W.v, &G.v, &M.v, &d));
      }
      CHECK_OK(ctx, dive_tensor_read(&W.v, got, n));
      CHECK(nmse(w, got, n) < 1e-12, "sgd n=%d cfg %u: param nmse %.2e", n, c, nmse(w, got, n));
      CHECK_OK(ctx, dive_tensor_read(&M.v, got, n));
      CHECK(nmse(m, got, n) < 1e-12, "sgd n=%d cfg %u: momentum nmse %.2e", n, c, nmse(m, got, n));
      dive_tensor_free(&W.owner); dive_tensor_free(&G.owner); dive_tensor_free(&M.owner);
      free(w); free(g); free(m); free(got);
    }
  }
  return 0;
}

/* more than 65535 work groups: a 2-D grid (work-group size forced to 1) */
static int check_big_grid(void) {
  dive_ctx *ctx = NULL;
  int n = 70001, i;
  dive_tensor t, o;
  dive_rng r;
  float *x = fbuf(n), *y = fbuf(n);
  set_env("DIVE_VK_WG", "1");
  CHECK_OK(NULL, vk_ctx(&ctx));
  set_env("DIVE_VK_WG", NULL);
  CHECK(ctx->vk->wg == 1, "DIVE_VK_WG=1 ignored (wg %u)", ctx->vk->wg);
  dive_rng_seed(&r, 5);
  fill(&r, x, n);
  CHECK_OK(ctx, dive_tensor_alloc(ctx, &t, DIVE_F32, 1, &n));
  CHECK_OK(ctx, dive_tensor_alloc(ctx, &o, DIVE_F32, 1, &n));
  CHECK_OK(ctx, dive_tensor_write(&t, x, n));
  CHECK_OK(ctx, dive__vk_relu_fwd(ctx, n, &o, &t));
  CHECK_OK(ctx, dive_tensor_read(&o, y, n));
  for (i = 0; i < n; i++) CHECK(y[i] == (x[i] > 0 ? x[i] : 0), "2-D grid: element %d wrong", i);
  dive_tensor_free(&t);
  dive_tensor_free(&o);
  CHECK(ctx->vk->live_buffers == 0, "buffers leaked");
  dive_ctx_destroy(ctx);
  free(x);
  free(y);
  return 0;
}

/* ================================================================= main */
static void run_mode(const char *mode, int staging) {
  dive_ctx *ctx = NULL;
  g_mode = mode;
  set_env("DIVE_VK_STAGING", staging ? "1" : NULL);
  if (vk_ctx(&ctx) != DIVE_OK) {
    printf("ctx (%s): %s\n", mode, dive_last_error());
    report("ctx", 1);
    return;
  }
  set_env("DIVE_VK_STAGING", NULL);
  if ((ctx->vk->uma != 0) == (staging != 0)) {
    /* lavapipe is UMA, so "mapped" and "staging" differ; a discrete GPU is never UMA */
    printf("  note: %s mode runs with uma=%d on this device\n", mode, ctx->vk->uma);
  }
  report("tensor write/read + views", check_roundtrip(ctx));
  report("zero fill + ordering", check_zero(ctx));
  report("400 ops recorded, one submit", check_recording(ctx));
  report("relu/add fwd+bwd vs reference", check_eltwise(ctx));
  report("loss (6 kinds x 4 shapes) vs dive__ref", check_loss(ctx));
  report("sgd (4 configs x 3 sizes) vs dive__ref", check_sgd(ctx));
  /* every tensor freed (the loss's scratch per-example buffer belongs to the ctx) */
  report("no leaked buffers", ctx->vk->live_buffers != (ctx->vk->scratch.impl.dev ? 1 : 0));
  report("no validation messages (ctx)", dive__vk_validation_errors(ctx) != 0);
  dive_ctx_destroy(ctx);
}

int main(void) {
  dive_ctx *ctx = NULL;
  const char *req = getenv("DIVE_REQUIRE_VULKAN");
  const char *be = getenv("DIVE_BACKEND");
  int require = req && !strcmp(req, "1");
  if (be && !strcmp(be, "cpu")) {
    printf("SKIP: DIVE_BACKEND=cpu\n0 passed, %d failed\n", require);
    return require;
  }
  if (vk_ctx(&ctx) != DIVE_OK) {
    printf("SKIP: no Vulkan device (%s)\n0 passed, %d failed\n", dive_last_error(), require);
    return require;
  }
  dive_ctx_destroy(ctx);
  g_mode = "-";
  report("backend choice (forced, AUTO, env)", check_backend());
  run_mode("mapped", 0);
  run_mode("staging", 1);
  g_mode = "-";
  report("more than 65535 work groups", check_big_grid());
  /* counted over every ctx, including messages at device/instance destruction */
  printf("validation messages: %d\n", dive__vk_validation_errors(NULL));
  report("no validation messages (process)", dive__vk_validation_errors(NULL) != 0);
  printf("%d passed, %d failed\n", g_pass, g_fail);
  return g_fail ? 1 : 0;
}
#endif /* DIVE_NO_VULKAN */
