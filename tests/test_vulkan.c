/* test_vulkan.c - the Vulkan backend: plumbing, memory, recording, and every op vs the
   serial reference kernels.
     make test-vulkan      (lavapipe, validation on; see tests/vk_env.sh)
     cc -std=c99 -O2 -Wall -Wextra -I.. test_vulkan.c -o test_vulkan -lm -ldl && ./test_vulkan
   Sections: helpers, checks (one function per topic), main. Every check runs twice: with
   tensors in mapped memory (UMA path) and with DIVE_VK_STAGING=1 (device-local + staging).
   No Vulkan device (or DIVE_BACKEND=cpu): its VK_CHECKS checks are counted as skipped
   (failed when DIVE_REQUIRE_VULKAN=1). Any validation-layer warning or error fails the run.
   Last line: "N passed, N failed, N skipped". */
#define DIVE_IMPLEMENTATION
#include "../dive.h"
#include <stdio.h>
#define TEST_UTIL_COUNTS_ONLY
#include "test_util.h"

/* the checks (report() lines) of a run: counted as skipped when there is no device; a
   run that makes another number fails, so update it with the checks */
#define VK_CHECKS 211

#ifdef DIVE_NO_VULKAN
int main(void) {
  skip_part("test_vulkan", VK_CHECKS, 1, "built with DIVE_NO_VULKAN");
  return summary();
}
#else
/* ================================================================= helpers */
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
  int64_t submits0, dw0, dh0, b0;
  dive_rng_seed(&r, 3);
  fill(&r, x, n);
  for (i = 0; i < n; i++) x[i] *= 1e-3f;
  CHECK_OK(ctx, dive_tensor_alloc(ctx, &a, DIVE_F32, 1, &n));
  CHECK_OK(ctx, dive_tensor_alloc(ctx, &b, DIVE_F32, 1, &n));
  CHECK_OK(ctx, dive_tensor_write(&a, x, n));
  CHECK_OK(ctx, dive_tensor_write(&b, x, n));
  memcpy(h, x, (size_t)n * 4);
  submits0 = ctx->vk->cnt.submits;
  dw0 = ctx->vk->cnt.desc_writes;
  dh0 = ctx->vk->cnt.desc_hits;
  b0 = ctx->vk->cnt.barriers;
  for (k = 0; k < steps; k++) { /* b = relu(b + a), alternating with an in-place relu */
    CHECK_OK(ctx, dive__vk_add_fwd(ctx, n, &b, &b, &a));
    if (k % 2) CHECK_OK(ctx, dive__vk_relu_fwd(ctx, n, &b, &b));
    for (i = 0; i < n; i++) {
      h[i] = h[i] + x[i];
      if (k % 2) h[i] = h[i] > 0 ? h[i] : 0;
    }
  }
  CHECK(ctx->vk->cnt.submits == submits0, "ops submitted before sync (%lld submits)",
        (long long)(ctx->vk->cnt.submits - submits0));
  CHECK_OK(ctx, dive_ctx_sync(ctx));
  CHECK(ctx->vk->cnt.submits == submits0 + 1, "%lld submits for one sync", (long long)(ctx->vk->cnt.submits - submits0));
  /* two distinct binding sets (add b,b,a and relu b,b): written once each, then cached */
  CHECK(ctx->vk->cnt.desc_writes - dw0 <= 2 && ctx->vk->cnt.desc_hits - dh0 >= 598,
        "descriptor cache: %lld writes, %lld hits for 600 dispatches", (long long)(ctx->vk->cnt.desc_writes - dw0),
        (long long)(ctx->vk->cnt.desc_hits - dh0));
  /* every op reads what the one before wrote: one barrier each, plus the submission's first
     and last (to the host) */
  CHECK(ctx->vk->cnt.barriers - b0 == 600 + 1, "%lld barriers for a chain of 600 dependent dispatches",
        (long long)(ctx->vk->cnt.barriers - b0));
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

/* hazard tracking: a barrier only before a command that reads what an earlier one wrote
   (RAW), writes what an earlier one read (WAR) or wrote (WAW) since the last barrier;
   disjoint views of one buffer are independent. Descriptor sets of a freed buffer leave the
   cache and are reused. */
static int check_tracking(dive_ctx *ctx) {
  int n = 1000, big = 3000, i, v1n = 1000, v3n = 10;
  dive_tensor a, b, c, d, e, f, g, v1, v2, v3, f10;
  float *xa = fbuf(n), *xb = fbuf(n), *y = fbuf(big);
  dive_rng r;
  int64_t b0, w0, nfree0;
  dive__vk_pipe *pr;
  dive_rng_seed(&r, 31);
  fill(&r, xa, n);
  fill(&r, xb, n);
  CHECK_OK(ctx, dive_tensor_alloc(ctx, &a, DIVE_F32, 1, &n));
  CHECK_OK(ctx, dive_tensor_alloc(ctx, &b, DIVE_F32, 1, &n));
  CHECK_OK(ctx, dive_tensor_alloc(ctx, &c, DIVE_F32, 1, &n));
  CHECK_OK(ctx, dive_tensor_alloc(ctx, &d, DIVE_F32, 1, &n));
  CHECK_OK(ctx, dive_tensor_alloc(ctx, &e, DIVE_F32, 1, &n));
  CHECK_OK(ctx, dive_tensor_alloc(ctx, &f, DIVE_F32, 1, &n));
  CHECK_OK(ctx, dive_tensor_alloc(ctx, &g, DIVE_F32, 1, &big));
  CHECK_OK(ctx, dive_tensor_view(&v1, &g, 0, 1, &v1n));
  CHECK_OK(ctx, dive_tensor_view(&v2, &g, 1000, 1, &v1n));
  CHECK_OK(ctx, dive_tensor_view(&v3, &g, 995, 1, &v3n)); /* overlaps v1 and v2 */
  CHECK_OK(ctx, dive_tensor_view(&f10, &f, 0, 1, &v3n));
  CHECK_OK(ctx, dive_tensor_write(&a, xa, n));
  CHECK_OK(ctx, dive_tensor_write(&b, xb, n));
  CHECK_OK(ctx, dive_ctx_sync(ctx));
  b0 = ctx->vk->cnt.barriers;
  CHECK_OK(ctx, dive_relu_forward(ctx, &c, &a));    /* first command: 1 */
  CHECK_OK(ctx, dive_relu_forward(ctx, &d, &b));    /* independent */
  CHECK(ctx->vk->cnt.barriers - b0 == 1, "independent dispatches: %lld barriers", (long long)(ctx->vk->cnt.barriers - b0));
  CHECK_OK(ctx, dive_relu_forward(ctx, &a, &b));    /* writes a, read above: WAR, 2 */
  CHECK(ctx->vk->cnt.barriers - b0 == 2, "write after read: %lld barriers", (long long)(ctx->vk->cnt.barriers - b0));
  CHECK_OK(ctx, dive_relu_forward(ctx, &e, &b));    /* b only read so far: none */
  CHECK(ctx->vk->cnt.barriers - b0 == 2, "read after read: %lld barriers", (long long)(ctx->vk->cnt.barriers - b0));
  CHECK_OK(ctx, dive_relu_forward(ctx, &e, &a));    /* RAW on a, WAW on e: 3 */
  CHECK(ctx->vk->cnt.barriers - b0 == 3, "read/write after write: %lld barriers", (long long)(ctx->vk->cnt.barriers - b0));
  CHECK_OK(ctx, dive_add_forward(ctx, &f, &c, &d)); /* c, d were written before that barrier */
  CHECK_OK(ctx, dive_relu_forward(ctx, &v1, &c));   /* disjoint views: none */
  CHECK_OK(ctx, dive_relu_forward(ctx, &v2, &d));
  CHECK(ctx->vk->cnt.barriers - b0 == 3, "disjoint views: %lld barriers", (long long)(ctx->vk->cnt.barriers - b0));
  CHECK_OK(ctx, dive_relu_forward(ctx, &v3, &f10)); /* overlaps both: 4 */
  CHECK(ctx->vk->cnt.barriers - b0 == 4, "overlapping view: %lld barriers", (long long)(ctx->vk->cnt.barriers - b0));
  CHECK_OK(ctx, dive_tensor_read(&g, y, big));
  for (i = 0; i < big; i++) {
    float ra = xa[i % n] > 0 ? xa[i % n] : 0, rb = xb[i % n] > 0 ? xb[i % n] : 0, want;
    if (i >= 995 && i < 1005) {
      float fv = (xa[i - 995] > 0 ? xa[i - 995] : 0) + (xb[i - 995] > 0 ? xb[i - 995] : 0);
      want = fv > 0 ? fv : 0;
    }
    else if (i < 1000) want = ra;
    else if (i < 2000) want = rb;
    else want = 0;
    CHECK(y[i] == want, "views: element %d = %g, want %g", i, y[i], want);
  }
  CHECK_OK(ctx, dive_tensor_read(&e, y, n));
  for (i = 0; i < n; i++) CHECK(y[i] == (xb[i] > 0 ? xb[i] : 0), "e[%d] = %g", i, y[i]);
  /* the same dispatch again hits the cache; after c is freed its sets go to the free list */
  w0 = ctx->vk->cnt.desc_writes;
  CHECK_OK(ctx, dive_relu_forward(ctx, &c, &a));
  CHECK(ctx->vk->cnt.desc_writes == w0, "a repeated dispatch wrote descriptors");
  pr = &ctx->vk->pipes[DIVE__SH_relu_fwd * DIVE__VK_NVAR];
  nfree0 = pr->nfree;
  dive_tensor_free(&c);
  CHECK(pr->nfree >= nfree0 + 2, "freeing a bound tensor returned %lld sets", (long long)(pr->nfree - nfree0));
  CHECK_OK(ctx, dive_tensor_alloc(ctx, &c, DIVE_F32, 1, &n));
  CHECK_OK(ctx, dive_relu_forward(ctx, &c, &b));
  CHECK(ctx->vk->cnt.desc_writes == w0 + 1 && pr->nfree == nfree0 + 1, "new buffer: %lld writes, %lld free sets",
        (long long)(ctx->vk->cnt.desc_writes - w0), (long long)pr->nfree);
  CHECK_OK(ctx, dive_tensor_read(&c, y, n));
  for (i = 0; i < n; i++) CHECK(y[i] == (xb[i] > 0 ? xb[i] : 0), "reused set: c[%d] = %g", i, y[i]);
  dive_tensor_free(&a); dive_tensor_free(&b); dive_tensor_free(&c); dive_tensor_free(&d);
  dive_tensor_free(&e); dive_tensor_free(&f); dive_tensor_free(&g);
  free(xa); free(xb); free(y);
  return 0;
}

/* --- layer ops vs dive__ref_* through the public API ---
   Every tensor is a view at an odd element offset inside a larger zeroed buffer; after
   the ops, the buffer around each view must still be zero. Outputs are prefilled with
   garbage (they must be overwritten), weight gradients with values they must accumulate
   onto. A second backward with some gradients NULL accumulates again into the others and
   leaves the NULL ones' tensors alone. */

/* a (ndim, shape) tensor at element offset off of an owner with 3 guard elements after */
typedef struct { dive_tensor owner, v; int off; } vt;
static dive_status vt_shape(dive_ctx *ctx, vt *t, int ndim, const int *shape, int off,
                            const float *init) {
  int64_t n = 1;
  int i, m;
  dive_status s;
  for (i = 0; i < ndim; i++) n *= shape[i];
  m = (int)n + off + 3;
  t->off = off;
  if ((s = dive_tensor_alloc(ctx, &t->owner, DIVE_F32, 1, &m))) return s;
  if ((s = dive_tensor_view(&t->v, &t->owner, off, ndim, shape))) return s;
  return init ? dive_tensor_write(&t->v, init, n) : DIVE_OK;
}
static dive_status vt_new(dive_ctx *ctx, vt *t, int n, int off, const float *init) {
  return vt_shape(ctx, t, 1, &n, off, init);
}
static dive_status vt_4(dive_ctx *ctx, vt *t, int a, int b, int c, int d, int off, const float *init) {
  int sh[4];
  sh[0] = a; sh[1] = b; sh[2] = c; sh[3] = d;
  return vt_shape(ctx, t, 4, sh, off, init);
}
/* 1 when the owner is zero outside the view (then frees it), 0 otherwise */
static int vt_done(vt *t) {
  int64_t i, n = t->owner.numel;
  float *all = fbuf(n);
  int ok = dive_tensor_read(&t->owner, all, n) == DIVE_OK;
  for (i = 0; ok && i < n; i++)
    if (i < t->off || i >= t->off + t->v.numel) ok = all[i] == 0.0f;
  free(all);
  dive_tensor_free(&t->owner);
  return ok;
}
/* read the view and compare with the reference: NMSE below tol (0: bit-exact; in the fp16
   mode every tolerance that is not 0 is FP16_TOL) */
static double g_worst;     /* worst NMSE seen by the current check, for the report line */
static double g_worst_rel; /* ... and worst max |got - want| / max |want| */
static int g_fp16;         /* the mode runs with DIVE_VK_FP16=1 */
static int g_fp16_skipped; /* its checks, skipped on a device without shaderFloat16 */
#define FP16_TOL 2e-6      /* fp16 operands (2^-11 relative rounding each), fp32 sums: 2e-7 seen */
static int vt_cmp(vt *t, const float *want, double tol, const char *what) {
  int64_t n = t->v.numel, i;
  float *got = fbuf(n);
  double e, mx = 0;
  int ok = dive_tensor_read(&t->v, got, n) == DIVE_OK;
  if (g_fp16 && tol > 0) tol = FP16_TOL;
  e = ok ? nmse(want, got, n) : 1.0;
  for (i = 0; i < n; i++) mx = fmax(mx, fabs((double)want[i]));
  if (ok && mx > 0 && maxdiff(want, got, n) / mx > g_worst_rel) g_worst_rel = maxdiff(want, got, n) / mx;
  if (tol == 0.0) ok = ok && memcmp(want, got, (size_t)n * 4) == 0;
  else ok = ok && e <= tol;
  if (e > g_worst) g_worst = e;
  if (!ok) printf("  %s: nmse %.3e maxdiff %.3e (tol %.0e)\n", what, e, maxdiff(want, got, n), tol);
  free(got);
  return ok;
}
static float *frand(dive_rng *r, int64_t n, float lo, float hi) {
  float *x = fbuf(n);
  int64_t i;
  for (i = 0; i < n; i++) x[i] = lo + (hi - lo) * dive_rng_uniform(r);
  return x;
}

#define TOL 1e-9 /* fp32 on the device vs double sums in the reference */

/* conv2d: stride 1/2/3, pad 0/1/2, groups 1/2/depthwise, kernels 1/3/5 and 1x3, bias
   on/off; fwd, bwd (din overwrite, dw/db +=), then bwd with din, db NULL */
static int check_conv(dive_ctx *ctx) {
  static const int cs[][11] = { /* N C H W K R S stride pad groups bias */
      {1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0},  {2, 3, 7, 7, 4, 3, 3, 1, 1, 1, 1},
      {3, 4, 7, 5, 6, 3, 3, 2, 1, 2, 1},  {2, 4, 6, 6, 4, 3, 3, 1, 1, 4, 0},
      {1, 3, 9, 8, 5, 5, 5, 2, 2, 1, 1},  {2, 6, 5, 5, 3, 1, 1, 1, 0, 1, 1},
      {1, 2, 33, 3, 3, 1, 3, 1, 0, 1, 1}, {2, 2, 4, 4, 3, 3, 3, 3, 2, 1, 0},
      {7, 8, 3, 3, 16, 3, 3, 1, 1, 2, 1},
      {1, 3, 23, 23, 8, 7, 7, 2, 3, 1, 1},     /* the 7x7/2 stem */
      {1, 64, 6, 5, 64, 3, 3, 1, 1, 16, 0},    /* ResNeXt: 4 channels per group */
      {1, 64, 5, 5, 64, 3, 3, 2, 1, 32, 1},    /* ... 2 per group, strided */
      {2, 16, 8, 8, 32, 3, 3, 2, 1, 1, 0},     /* CIFAR stage change */
      {2, 16, 9, 9, 16, 3, 3, 1, 1, 1, 1},     /* CIFAR 3x3, odd size */
      {2, 33, 5, 7, 70, 1, 1, 2, 0, 1, 1},     /* 1x1 stride 2 (a phase no tap reaches) */
      {1, 3, 11, 13, 130, 3, 3, 1, 1, 1, 0},   /* more than one 128-row tile */
      {1, 5, 4, 4, 3, 3, 3, 5, 2, 1, 1}};      /* stride above the kernel size */
  unsigned ci;
  dive_rng r;
  dive_rng_seed(&r, 11);
  for (ci = 0; ci < sizeof cs / sizeof *cs; ci++) {
    const int *c = cs[ci];
    dive__conv_p p;
    int Cg, bias = c[10], ok = 1;
    int64_t nin, nw, nout;
    float *x, *w, *b, *dy, *dx, *dw, *db, *y;
    vt X, Wt, B, Y, DY, DX, DW, DB;
    memset(&p, 0, sizeof p);
    p.N = c[0]; p.C = c[1]; p.H = c[2]; p.W = c[3]; p.K = c[4]; p.R = c[5]; p.S = c[6];
    p.stride = c[7]; p.pad = c[8]; p.groups = c[9];
    p.P = (p.H + 2 * p.pad - p.R) / p.stride + 1;
    p.Q = (p.W + 2 * p.pad - p.S) / p.stride + 1;
    Cg = p.C / p.groups;
    nin = (int64_t)p.N * p.C * p.H * p.W; nw = (int64_t)p.K * Cg * p.R * p.S;
    nout = (int64_t)p.N * p.K * p.P * p.Q;
    x = frand(&r, nin, -1, 1); w = frand(&r, nw, -1, 1); b = frand(&r, p.K, -1, 1);
    dy = frand(&r, nout, -1, 1); dw = frand(&r, nw, 0, 1); db = frand(&r, p.K, 0, 1);
    dx = frand(&r, nin, 770, 780); y = frand(&r, nout, 550, 560);
    CHECK_OK(ctx, vt_4(ctx, &X, p.N, p.C, p.H, p.W, 1, x));
    CHECK_OK(ctx, vt_4(ctx, &Wt, p.K, Cg, p.R, p.S, 3, w));
    CHECK_OK(ctx, vt_new(ctx, &B, p.K, 5, b));
    CHECK_OK(ctx, vt_4(ctx, &Y, p.N, p.K, p.P, p.Q, 2, y));
    CHECK_OK(ctx, vt_4(ctx, &DY, p.N, p.K, p.P, p.Q, 7, dy));
    CHECK_OK(ctx, vt_4(ctx, &DX, p.N, p.C, p.H, p.W, 6, dx));
    CHECK_OK(ctx, vt_4(ctx, &DW, p.K, Cg, p.R, p.S, 9, dw));
    CHECK_OK(ctx, vt_new(ctx, &DB, p.K, 4, db));
    CHECK_OK(ctx, dive_conv2d_forward(ctx, &Y.v, &X.v, &Wt.v, bias ? &B.v : NULL, p.stride, p.pad, p.groups));
    dive__ref_conv2d_fwd(&p, y, x, w, bias ? b : NULL);
    ok &= vt_cmp(&Y, y, TOL, "conv2d fwd out");
    CHECK_OK(ctx, dive_conv2d_backward(ctx, &DX.v, &DW.v, &DB.v, &DY.v, &X.v, &Wt.v, p.stride, p.pad, p.groups));
    dive__ref_conv2d_bwd(&p, dx, dw, db, dy, x, w);
    ok &= vt_cmp(&DX, dx, TOL, "conv2d bwd din");
    ok &= vt_cmp(&DW, dw, TOL, "conv2d bwd dw (+=)");
    ok &= vt_cmp(&DB, db, TOL, "conv2d bwd db (+=)");
    /* dw only: accumulates a second time; din and db stay as they were */
    CHECK_OK(ctx, dive_conv2d_backward(ctx, NULL, &DW.v, NULL, &DY.v, &X.v, &Wt.v, p.stride, p.pad, p.groups));
    dive__ref_conv2d_bwd(&p, NULL, dw, NULL, dy, x, w);
    ok &= vt_cmp(&DW, dw, TOL, "conv2d bwd dw twice");
    ok &= vt_cmp(&DX, dx, TOL, "conv2d bwd din untouched (NULL)");
    ok &= vt_cmp(&DB, db, TOL, "conv2d bwd db untouched (NULL)");
    ok &= vt_done(&X) & vt_done(&Wt) & vt_done(&B) & vt_done(&Y) & vt_done(&DY) & vt_done(&DX) &
          vt_done(&DW) & vt_done(&DB);
    free(x); free(w); free(b); free(dy); free(dx); free(dw); free(db); free(y);
    CHECK(ok, "conv2d N=%d C=%d H=%d W=%d K=%d R=%d S=%d stride=%d pad=%d groups=%d bias=%d",
          c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10]);
  }
  return 0;
}

/* batchnorm: 4-d and 2-d inputs, training with and without running stats, eval;
   bwd (din overwrite, dgamma/dbeta +=), then bwd with din NULL and with both sums NULL */
static int check_bn(dive_ctx *ctx) {
  static const int cs[][5] = { /* N C H W training(2 = without running stats) */
      {2, 3, 5, 7, 1}, {1, 1, 1, 2, 1}, {8, 5, 0, 0, 1}, {3, 4, 33, 1, 0},
      {4, 7, 3, 3, 2}, {33, 2, 1, 1, 1}, {2, 3, 17, 19, 1}};
  unsigned ci;
  dive_rng r;
  dive_rng_seed(&r, 12);
  for (ci = 0; ci < sizeof cs / sizeof *cs; ci++) {
    const int *c = cs[ci];
    dive__bn_p p;
    int sh[4], nd = c[2] ? 4 : 2, ok = 1, run = c[4] != 2;
    int64_t n;
    float *x, *g, *be, *y, *mu, *rs, *rm, *rv, *dy, *dx, *dg, *db;
    vt X, G, BE, Y, MU, RS, RM, RV, DY, DX, DG, DB;
    memset(&p, 0, sizeof p);
    p.N = c[0]; p.C = c[1]; p.HW = c[2] ? c[2] * c[3] : 1;
    p.training = c[4] != 0; p.momentum = 0.1f; p.eps = 1e-5f;
    sh[0] = c[0]; sh[1] = c[1]; sh[2] = c[2]; sh[3] = c[3];
    n = (int64_t)p.N * p.C * p.HW;
    x = frand(&r, n, -1, 3); g = frand(&r, p.C, 0.5f, 1.5f); be = frand(&r, p.C, -1, 1);
    rm = frand(&r, p.C, -0.5f, 0.5f); rv = frand(&r, p.C, 0.5f, 2); dy = frand(&r, n, -1, 1);
    dg = frand(&r, p.C, 0, 1); db = frand(&r, p.C, 0, 1);
    y = frand(&r, n, 550, 560); dx = frand(&r, n, 770, 780);
    mu = frand(&r, p.C, 550, 560); rs = frand(&r, p.C, 550, 560);
    CHECK_OK(ctx, vt_shape(ctx, &X, nd, sh, 1, x));
    CHECK_OK(ctx, vt_new(ctx, &G, p.C, 2, g));
    CHECK_OK(ctx, vt_new(ctx, &BE, p.C, 3, be));
    CHECK_OK(ctx, vt_shape(ctx, &Y, nd, sh, 5, y));
    CHECK_OK(ctx, vt_new(ctx, &MU, p.C, 7, mu));
    CHECK_OK(ctx, vt_new(ctx, &RS, p.C, 9, rs));
    CHECK_OK(ctx, vt_new(ctx, &RM, p.C, 11, rm));
    CHECK_OK(ctx, vt_new(ctx, &RV, p.C, 13, rv));
    CHECK_OK(ctx, vt_shape(ctx, &DY, nd, sh, 15, dy));
    CHECK_OK(ctx, vt_shape(ctx, &DX, nd, sh, 17, dx));
    CHECK_OK(ctx, vt_new(ctx, &DG, p.C, 19, dg));
    CHECK_OK(ctx, vt_new(ctx, &DB, p.C, 21, db));
    CHECK_OK(ctx, dive_batchnorm_forward(ctx, &Y.v, &MU.v, &RS.v, &X.v, &G.v, &BE.v, run ? &RM.v : NULL,
                                         run ? &RV.v : NULL, p.training, p.momentum, p.eps));
    dive__ref_bn_fwd(&p, y, mu, rs, x, g, be, run ? rm : NULL, run ? rv : NULL);
    ok &= vt_cmp(&Y, y, TOL, "bn fwd out");
    ok &= vt_cmp(&MU, mu, TOL, "bn fwd mean");
    ok &= vt_cmp(&RS, rs, TOL, "bn fwd rstd");
    ok &= vt_cmp(&RM, rm, TOL, "bn fwd running_mean");
    ok &= vt_cmp(&RV, rv, TOL, "bn fwd running_var");
    CHECK_OK(ctx, dive_batchnorm_backward(ctx, &DX.v, &DG.v, &DB.v, &DY.v, &X.v, &MU.v, &RS.v, &G.v));
    dive__ref_bn_bwd(&p, dx, dg, db, dy, x, mu, rs, g);
    /* din = gamma rstd (dout - mean(dout) - xhat mean(dout xhat)) cancels: with M = 2 it is
       zero up to rounding, so its NMSE gets the looser ggml default */
    ok &= vt_cmp(&DX, dx, 1e-7, "bn bwd din");
    ok &= vt_cmp(&DG, dg, TOL, "bn bwd dgamma (+=)");
    ok &= vt_cmp(&DB, db, TOL, "bn bwd dbeta (+=)");
    CHECK_OK(ctx, dive_batchnorm_backward(ctx, NULL, &DG.v, &DB.v, &DY.v, &X.v, &MU.v, &RS.v, &G.v));
    dive__ref_bn_bwd(&p, NULL, dg, db, dy, x, mu, rs, g);
    ok &= vt_cmp(&DG, dg, TOL, "bn bwd dgamma twice");
    ok &= vt_cmp(&DB, db, TOL, "bn bwd dbeta twice");
    CHECK_OK(ctx, dive_tensor_write(&DX.v, y, n)); /* din must be overwritten again */
    CHECK_OK(ctx, dive_batchnorm_backward(ctx, &DX.v, NULL, NULL, &DY.v, &X.v, &MU.v, &RS.v, &G.v));
    ok &= vt_cmp(&DX, dx, 1e-7, "bn bwd din only");
    ok &= vt_cmp(&DG, dg, TOL, "bn bwd dgamma untouched (NULL)");
    ok &= vt_done(&X) & vt_done(&G) & vt_done(&BE) & vt_done(&Y) & vt_done(&MU) & vt_done(&RS) &
          vt_done(&RM) & vt_done(&RV) & vt_done(&DY) & vt_done(&DX) & vt_done(&DG) & vt_done(&DB);
    free(x); free(g); free(be); free(y); free(mu); free(rs); free(rm); free(rv);
    free(dy); free(dx); free(dg); free(db);
    CHECK(ok, "batchnorm N=%d C=%d H=%d W=%d training=%d", c[0], c[1], c[2], c[3], c[4]);
  }
  return 0;
}

/* linear (a 1x1 conv on the device): fwd with/without bias, bwd with all and some NULL */
static int check_linear(dive_ctx *ctx) {
  static const int cs[][4] = {{1, 1, 1, 0}, {7, 33, 10, 1}, {33, 65, 17, 1}, {3, 7, 1, 0}};
  unsigned ci;
  dive_rng r;
  dive_rng_seed(&r, 13);
  for (ci = 0; ci < sizeof cs / sizeof *cs; ci++) {
    dive__lin_p p;
    int ok = 1, bias = cs[ci][3], sx[2], sw[2], sy[2];
    float *x, *w, *b, *y, *dy, *dx, *dw, *db;
    vt X, Wt, B, Y, DY, DX, DW, DB;
    p.N = cs[ci][0]; p.K = cs[ci][1]; p.M = cs[ci][2];
    sx[0] = p.N; sx[1] = p.K; sw[0] = p.M; sw[1] = p.K; sy[0] = p.N; sy[1] = p.M;
    x = frand(&r, p.N * p.K, -1, 1); w = frand(&r, p.M * p.K, -1, 1); b = frand(&r, p.M, -1, 1);
    dy = frand(&r, p.N * p.M, -1, 1); dw = frand(&r, p.M * p.K, 0, 1); db = frand(&r, p.M, 0, 1);
    y = frand(&r, p.N * p.M, 550, 560); dx = frand(&r, p.N * p.K, 770, 780);
    CHECK_OK(ctx, vt_shape(ctx, &X, 2, sx, 1, x));
    CHECK_OK(ctx, vt_shape(ctx, &Wt, 2, sw, 2, w));
    CHECK_OK(ctx, vt_new(ctx, &B, p.M, 3, b));
    CHECK_OK(ctx, vt_shape(ctx, &Y, 2, sy, 4, y));
    CHECK_OK(ctx, vt_shape(ctx, &DY, 2, sy, 5, dy));
    CHECK_OK(ctx, vt_shape(ctx, &DX, 2, sx, 6, dx));
    CHECK_OK(ctx, vt_shape(ctx, &DW, 2, sw, 7, dw));
    CHECK_OK(ctx, vt_new(ctx, &DB, p.M, 8, db));
    CHECK_OK(ctx, dive_linear_forward(ctx, &Y.v, &X.v, &Wt.v, bias ? &B.v : NULL));
    dive__ref_linear_fwd(&p, y, x, w, bias ? b : NULL);
    ok &= vt_cmp(&Y, y, TOL, "linear fwd");
    CHECK_OK(ctx, dive_linear_backward(ctx, &DX.v, &DW.v, &DB.v, &DY.v, &X.v, &Wt.v));
    dive__ref_linear_bwd(&p, dx, dw, db, dy, x, w);
    ok &= vt_cmp(&DX, dx, TOL, "linear bwd din");
    ok &= vt_cmp(&DW, dw, TOL, "linear bwd dw (+=)");
    ok &= vt_cmp(&DB, db, TOL, "linear bwd db (+=)");
    CHECK_OK(ctx, dive_linear_backward(ctx, NULL, NULL, &DB.v, &DY.v, &X.v, &Wt.v));
    dive__ref_linear_bwd(&p, NULL, NULL, db, dy, x, w);
    ok &= vt_cmp(&DB, db, TOL, "linear bwd db twice");
    ok &= vt_cmp(&DW, dw, TOL, "linear bwd dw untouched (NULL)");
    ok &= vt_done(&X) & vt_done(&Wt) & vt_done(&B) & vt_done(&Y) & vt_done(&DY) & vt_done(&DX) &
          vt_done(&DW) & vt_done(&DB);
    free(x); free(w); free(b); free(y); free(dy); free(dx); free(dw); free(db);
    CHECK(ok, "linear N=%d K=%d M=%d bias=%d", p.N, p.K, p.M, bias);
  }
  return 0;
}

/* option-A shortcut, max pool (ties: first max wins; overlapping windows add up) and
   global average pool; fwd and bwd */
static int check_pool_shortcut(dive_ctx *ctx) {
  static const int sc[][6] = {{2, 3, 8, 8, 6, 2}, {2, 3, 7, 7, 7, 2}, {2, 4, 5, 5, 4, 1}, {1, 2, 9, 9, 4, 3}, {1, 1, 1, 1, 1, 1}};
  static const int mp[][7] = {{1, 1, 1, 1, 1, 1, 0}, {2, 3, 7, 7, 3, 2, 1}, {1, 2, 8, 8, 2, 2, 0},
                              {2, 2, 5, 9, 3, 1, 1}, {1, 3, 33, 7, 5, 2, 2}};
  static const int av[][5] = {{2, 3, 7, 7, 0}, {1, 1, 1, 1, 1}, {2, 5, 33, 3, 0}, {3, 7, 4, 4, 1}};
  unsigned ci;
  dive_rng r;
  dive_rng_seed(&r, 14);
  for (ci = 0; ci < sizeof sc / sizeof *sc; ci++) {
    const int *c = sc[ci];
    dive__sc_p p;
    int ok = 1;
    int64_t nin, nout;
    float *x, *y, *dy, *dx;
    vt X, Y, DY, DX;
    memset(&p, 0, sizeof p);
    p.N = c[0]; p.C = c[1]; p.H = c[2]; p.W = c[3]; p.K = c[4]; p.stride = c[5];
    p.P = (p.H - 1) / p.stride + 1; p.Q = (p.W - 1) / p.stride + 1;
    nin = (int64_t)p.N * p.C * p.H * p.W; nout = (int64_t)p.N * p.K * p.P * p.Q;
    x = frand(&r, nin, -1, 1); dy = frand(&r, nout, -1, 1);
    y = frand(&r, nout, 550, 560); dx = frand(&r, nin, 770, 780);
    CHECK_OK(ctx, vt_4(ctx, &X, p.N, p.C, p.H, p.W, 1, x));
    CHECK_OK(ctx, vt_4(ctx, &Y, p.N, p.K, p.P, p.Q, 2, y));
    CHECK_OK(ctx, vt_4(ctx, &DY, p.N, p.K, p.P, p.Q, 3, dy));
    CHECK_OK(ctx, vt_4(ctx, &DX, p.N, p.C, p.H, p.W, 4, dx));
    CHECK_OK(ctx, dive_shortcut_forward(ctx, &Y.v, &X.v, p.stride));
    CHECK_OK(ctx, dive_shortcut_backward(ctx, &DX.v, &DY.v, p.stride));
    dive__ref_shortcut_fwd(&p, y, x);
    dive__ref_shortcut_bwd(&p, dx, dy);
    ok &= vt_cmp(&Y, y, 0, "shortcut fwd") & vt_cmp(&DX, dx, 0, "shortcut bwd");
    ok &= vt_done(&X) & vt_done(&Y) & vt_done(&DY) & vt_done(&DX);
    free(x); free(y); free(dy); free(dx);
    CHECK(ok, "shortcut N=%d C=%d H=%d W=%d K=%d stride=%d", c[0], c[1], c[2], c[3], c[4], c[5]);
  }
  for (ci = 0; ci < sizeof mp / sizeof *mp; ci++) {
    const int *c = mp[ci];
    dive__pool_p p;
    int ok = 1, sh[4];
    int64_t nin, nout, i;
    float *x, *y, *dy, *dx;
    int32_t *am, *got;
    vt X, Y, DY, DX;
    dive_tensor AM;
    memset(&p, 0, sizeof p);
    p.N = c[0]; p.C = c[1]; p.H = c[2]; p.W = c[3]; p.k = c[4]; p.stride = c[5]; p.pad = c[6];
    p.P = (p.H + 2 * p.pad - p.k) / p.stride + 1; p.Q = (p.W + 2 * p.pad - p.k) / p.stride + 1;
    nin = (int64_t)p.N * p.C * p.H * p.W; nout = (int64_t)p.N * p.C * p.P * p.Q;
    x = frand(&r, nin, -3, 3);
    for (i = 0; i < nin; i++) x[i] = (float)(int)x[i]; /* few distinct values: many ties */
    dy = frand(&r, nout, -1, 1); y = frand(&r, nout, 550, 560); dx = frand(&r, nin, 770, 780);
    am = (int32_t *)calloc((size_t)nout, 4); got = (int32_t *)calloc((size_t)nout, 4);
    CHECK_OK(ctx, vt_4(ctx, &X, p.N, p.C, p.H, p.W, 1, x));
    CHECK_OK(ctx, vt_4(ctx, &Y, p.N, p.C, p.P, p.Q, 2, y));
    CHECK_OK(ctx, vt_4(ctx, &DY, p.N, p.C, p.P, p.Q, 3, dy));
    CHECK_OK(ctx, vt_4(ctx, &DX, p.N, p.C, p.H, p.W, 4, dx));
    sh[0] = p.N; sh[1] = p.C; sh[2] = p.P; sh[3] = p.Q;
    CHECK_OK(ctx, dive_tensor_alloc(ctx, &AM, DIVE_I32, 4, sh));
    CHECK_OK(ctx, dive_maxpool_forward(ctx, &Y.v, &AM, &X.v, p.k, p.stride, p.pad));
    CHECK_OK(ctx, dive_maxpool_backward(ctx, &DX.v, &DY.v, &AM));
    dive__ref_maxpool_fwd(&p, y, am, x);
    dive__ref_maxpool_bwd(&p, dx, dy, am);
    CHECK_OK(ctx, dive_tensor_read(&AM, got, nout));
    for (i = 0; i < nout; i++)
      if (got[i] != am[i]) { printf("  maxpool argmax[%lld] = %d, want %d\n", (long long)i, got[i], am[i]); ok = 0; break; }
    ok &= vt_cmp(&Y, y, 0, "maxpool fwd") & vt_cmp(&DX, dx, 0, "maxpool bwd (same sums, same order)");
    ok &= vt_done(&X) & vt_done(&Y) & vt_done(&DY) & vt_done(&DX);
    dive_tensor_free(&AM);
    free(x); free(y); free(dy); free(dx); free(am); free(got);
    CHECK(ok, "maxpool N=%d C=%d H=%d W=%d k=%d stride=%d pad=%d", c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
  }
  for (ci = 0; ci < sizeof av / sizeof *av; ci++) {
    const int *c = av[ci];
    int ok = 1, N = c[0], C = c[1], HW = c[2] * c[3], so[4];
    float *x = frand(&r, (int64_t)N * C * HW, -1, 1), *dy = frand(&r, N * C, -1, 1);
    float *y = frand(&r, N * C, 550, 560), *dx = frand(&r, (int64_t)N * C * HW, 770, 780);
    vt X, Y, DY, DX;
    so[0] = N; so[1] = C; so[2] = so[3] = 1; /* c[4]: (N,C,1,1), else (N,C) */
    CHECK_OK(ctx, vt_4(ctx, &X, N, C, c[2], c[3], 1, x));
    CHECK_OK(ctx, vt_shape(ctx, &Y, c[4] ? 4 : 2, so, 2, y));
    CHECK_OK(ctx, vt_shape(ctx, &DY, c[4] ? 4 : 2, so, 3, dy));
    CHECK_OK(ctx, vt_4(ctx, &DX, N, C, c[2], c[3], 4, dx));
    CHECK_OK(ctx, dive_avgpool_forward(ctx, &Y.v, &X.v));
    CHECK_OK(ctx, dive_avgpool_backward(ctx, &DX.v, &DY.v));
    dive__ref_avgpool_fwd(N, C, HW, y, x);
    dive__ref_avgpool_bwd(N, C, HW, dx, dy);
    ok &= vt_cmp(&Y, y, TOL, "avgpool fwd") & vt_cmp(&DX, dx, TOL, "avgpool bwd");
    ok &= vt_done(&X) & vt_done(&Y) & vt_done(&DY) & vt_done(&DX);
    free(x); free(y); free(dy); free(dx);
    CHECK(ok, "avgpool N=%d C=%d H=%d W=%d", c[0], c[1], c[2], c[3]);
  }
  return 0;
}

/* --- element-wise ops through the public API vs dive__ref_relu_* / dive__ref_add_*,
   in place and aliased as the API allows --- */
static int check_eltwise(dive_ctx *ctx) {
  static const int sizes[] = {1, 7, 33, 1000, 4097};
  unsigned k;
  dive_rng r;
  dive_rng_seed(&r, 4);
  for (k = 0; k < sizeof sizes / sizeof *sizes; k++) {
    int n = sizes[k], off = (int)k * 3 + 1, ok = 1;
    float *a = fbuf(n), *b = fbuf(n), *ra = fbuf(n), *want = fbuf(n), *sum = fbuf(n);
    vt A, B, O, D;
    fill(&r, a, n);
    fill(&r, b, n);
    CHECK_OK(ctx, vt_new(ctx, &A, n, off, a));
    CHECK_OK(ctx, vt_new(ctx, &B, n, off + 1, b));
    CHECK_OK(ctx, vt_new(ctx, &O, n, off + 2, NULL));
    CHECK_OK(ctx, vt_new(ctx, &D, n, 0, NULL));
    /* relu forward, then in place (out = in) */
    dive__ref_relu_fwd(n, ra, a);
    CHECK_OK(ctx, dive_relu_forward(ctx, &O.v, &A.v));
    ok &= vt_cmp(&O, ra, 0, "relu fwd");
    CHECK_OK(ctx, dive_tensor_write(&D.v, a, n));
    CHECK_OK(ctx, dive_relu_forward(ctx, &D.v, &D.v));
    ok &= vt_cmp(&D, ra, 0, "relu fwd in place");
    /* relu backward (dout = b, out = relu(a)), then in place (din = dout) */
    dive__ref_relu_bwd(n, want, b, ra);
    CHECK_OK(ctx, dive_relu_backward(ctx, &D.v, &B.v, &O.v));
    ok &= vt_cmp(&D, want, 0, "relu bwd");
    CHECK_OK(ctx, dive_relu_backward(ctx, &B.v, &B.v, &O.v));
    ok &= vt_cmp(&B, want, 0, "relu bwd in place");
    CHECK_OK(ctx, dive_tensor_write(&B.v, b, n));
    /* add forward, then aliased out = a */
    dive__ref_add_fwd(n, sum, a, b);
    CHECK_OK(ctx, dive_add_forward(ctx, &O.v, &A.v, &B.v));
    ok &= vt_cmp(&O, sum, 0, "add fwd");
    CHECK_OK(ctx, dive_add_forward(ctx, &A.v, &A.v, &B.v));
    ok &= vt_cmp(&A, sum, 0, "add fwd out = a");
    /* add backward: da = db = dout (overwrite); NULL skips one */
    CHECK_OK(ctx, dive_add_backward(ctx, &O.v, &D.v, &B.v));
    ok &= vt_cmp(&O, b, 0, "add bwd da") & vt_cmp(&D, b, 0, "add bwd db");
    CHECK_OK(ctx, dive_add_backward(ctx, NULL, &D.v, &A.v));
    ok &= vt_cmp(&D, sum, 0, "add bwd da = NULL") & vt_cmp(&O, b, 0, "add bwd NULL da untouched");
    ok &= vt_done(&A) & vt_done(&B) & vt_done(&O) & vt_done(&D);
    free(a); free(b); free(ra); free(want); free(sum);
    CHECK(ok, "relu/add n=%d", n);
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

/* more than 65535 work groups: a 2-D grid (work-group size forced to 1), for an
   element-wise kernel (dive__vk_run) and a reduction (dive__vk_run_groups: the bias
   gradient of a conv with 70001 output channels, bn_part with 70001 work groups of one
   invocation, each summing 3 terms) */
static int check_big_grid(void) {
  dive_ctx *ctx = NULL;
  int n = 70001, i;
  dive__conv_p p;
  dive_tensor t, o;
  dive_rng r;
  float *x = fbuf(n), *y = fbuf(n), *w, *dy, *db;
  vt X, Wt, DY, DB;
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
  memset(&p, 0, sizeof p);
  p.N = 3; p.C = 1; p.H = p.W = 1; p.K = n; p.R = p.S = 1; p.P = p.Q = 1;
  p.stride = 1; p.pad = 0; p.groups = 1;
  w = frand(&r, n, -1, 1); db = frand(&r, n, 0, 1); dy = frand(&r, 3 * (int64_t)n, -1, 1);
  CHECK_OK(ctx, vt_4(ctx, &X, 3, 1, 1, 1, 1, x));
  CHECK_OK(ctx, vt_4(ctx, &Wt, n, 1, 1, 1, 2, w));
  CHECK_OK(ctx, vt_4(ctx, &DY, 3, n, 1, 1, 3, dy));
  CHECK_OK(ctx, vt_new(ctx, &DB, n, 4, db));
  CHECK_OK(ctx, dive_conv2d_backward(ctx, NULL, NULL, &DB.v, &DY.v, &X.v, &Wt.v, 1, 0, 1));
  dive__ref_conv2d_bwd(&p, NULL, NULL, db, dy, x, w);
  CHECK(vt_cmp(&DB, db, TOL, "conv db, 70001 work groups"), "2-D grid of work groups: conv db wrong");
  CHECK(vt_done(&X) & vt_done(&Wt) & vt_done(&DY) & vt_done(&DB), "wrote outside a view");
  CHECK(ctx->vk->live_buffers == 0, "buffers leaked");
  dive_ctx_destroy(ctx);
  free(x); free(y); free(w); free(db); free(dy);
  return 0;
}

/* contexts made and destroyed one after another, each running an op: NVIDIA's driver
   (580) ran out of static TLS after 29 of them when every last instance unloaded it */
static int check_many_ctx(void) {
  int i, n = 1000, sh[1];
  float x[1000], y[1000];
  sh[0] = n;
  for (i = 0; i < n; i++) x[i] = (float)(i % 7) - 3.0f;
  for (i = 0; i < 64; i++) {
    dive_ctx *ctx = NULL;
    dive_tensor t, o;
    int j;
    CHECK(vk_ctx(&ctx) == DIVE_OK, "ctx %d of 64: %s", i + 1, dive_last_error());
    CHECK_OK(ctx, dive_tensor_alloc(ctx, &t, DIVE_F32, 1, sh));
    CHECK_OK(ctx, dive_tensor_alloc(ctx, &o, DIVE_F32, 1, sh));
    CHECK_OK(ctx, dive_tensor_write(&t, x, n));
    CHECK_OK(ctx, dive_relu_forward(ctx, &o, &t));
    CHECK_OK(ctx, dive_tensor_read(&o, y, n));
    for (j = 0; j < n; j++) CHECK(y[j] == (x[j] > 0 ? x[j] : 0), "ctx %d: relu element %d wrong", i + 1, j);
    dive_tensor_free(&t);
    dive_tensor_free(&o);
    dive_ctx_destroy(ctx);
  }
  return 0;
}

/* the internal fused BN helpers for the model driver vs the reference composition:
   dive__vk_bn_act_fwd: out = relu(bn(x) + res) (and without res, without relu; out = res);
   dive__vk_bn_act_bwd: with the ReLU mask of y and dres = masked dout */
static int check_bn_fused(dive_ctx *ctx) {
  static const int cs[][5] = {{2, 3, 5, 7, 3}, {4, 16, 8, 8, 1}, {3, 5, 1, 1, 2}, {2, 4, 9, 11, 0}};
  unsigned ci;
  dive_rng r;
  dive_rng_seed(&r, 13);
  for (ci = 0; ci < sizeof cs / sizeof *cs; ci++) {
    const int *c = cs[ci];
    int res = c[4] & 1, relu = (c[4] >> 1) & 1, ok = 1;
    dive__bn_p p;
    int64_t n, i;
    float *x, *g, *be, *rs_, *y, *mu, *rsd, *dy, *dx, *dg, *db, *dres, *t1, *dmask;
    vt X, G, BE, RES, Y, MU, RS, DY, DX, DG, DB, DR;
    memset(&p, 0, sizeof p);
    p.N = c[0]; p.C = c[1]; p.HW = c[2] * c[3]; p.training = 1; p.momentum = 0.1f; p.eps = 1e-5f;
    n = (int64_t)p.N * p.C * p.HW;
    x = frand(&r, n, -1, 3); g = frand(&r, p.C, 0.5f, 1.5f); be = frand(&r, p.C, -1, 1);
    rs_ = frand(&r, n, -1, 1); dy = frand(&r, n, -1, 1);
    dg = frand(&r, p.C, 0, 1); db = frand(&r, p.C, 0, 1);
    y = fbuf(n); mu = fbuf(p.C); rsd = fbuf(p.C); dx = fbuf(n); dres = fbuf(n); t1 = fbuf(n); dmask = fbuf(n);
    CHECK_OK(ctx, vt_4(ctx, &X, p.N, p.C, c[2], c[3], 1, x));
    CHECK_OK(ctx, vt_new(ctx, &G, p.C, 2, g));
    CHECK_OK(ctx, vt_new(ctx, &BE, p.C, 3, be));
    CHECK_OK(ctx, vt_4(ctx, &RES, p.N, p.C, c[2], c[3], 4, rs_));
    CHECK_OK(ctx, vt_4(ctx, &Y, p.N, p.C, c[2], c[3], 5, NULL));
    CHECK_OK(ctx, vt_new(ctx, &MU, p.C, 6, NULL));
    CHECK_OK(ctx, vt_new(ctx, &RS, p.C, 7, NULL));
    CHECK_OK(ctx, vt_4(ctx, &DY, p.N, p.C, c[2], c[3], 8, dy));
    CHECK_OK(ctx, vt_4(ctx, &DX, p.N, p.C, c[2], c[3], 9, NULL));
    CHECK_OK(ctx, vt_new(ctx, &DG, p.C, 10, dg));
    CHECK_OK(ctx, vt_new(ctx, &DB, p.C, 11, db));
    CHECK_OK(ctx, vt_4(ctx, &DR, p.N, p.C, c[2], c[3], 12, NULL));
    /* reference: t1 = bn(x); y = relu(t1 + res) */
    dive__ref_bn_fwd(&p, t1, mu, rsd, x, g, be, NULL, NULL);
    for (i = 0; i < n; i++) {
      float v = t1[i] + (res ? rs_[i] : 0.0f);
      y[i] = relu ? (v > 0 ? v : 0) : v;
    }
    /* out = res (in place onto the residual) when there is one */
    CHECK_OK(ctx, dive__vk_bn_act_fwd(ctx, &p, res ? &RES.v : &Y.v, &MU.v, &RS.v, &X.v, &G.v, &BE.v, NULL, NULL,
                                      res ? &RES.v : NULL, relu));
    ok &= vt_cmp(res ? &RES : &Y, y, TOL, "bn_act_fwd out");
    ok &= vt_cmp(&MU, mu, TOL, "bn_act_fwd mean") & vt_cmp(&RS, rsd, TOL, "bn_act_fwd rstd");
    if (res) CHECK_OK(ctx, dive_tensor_write(&Y.v, y, n)); /* the mask source below */
    else CHECK_OK(ctx, dive_tensor_write(&RES.v, rs_, n));
    /* reference backward: dmask = relu_bwd(dy, y); dx = bn_bwd(dmask) */
    for (i = 0; i < n; i++) dmask[i] = relu ? (y[i] > 0 ? dy[i] : 0) : dy[i];
    dive__ref_bn_bwd(&p, dx, dg, db, dmask, x, mu, rsd, g);
    /* with a residual and a ReLU the masked gradient replaces dout in place (dres = dout), as
       the model's shortcut reads it */
    CHECK_OK(ctx, dive__vk_bn_act_bwd(ctx, &p, &DX.v, &DG.v, &DB.v, res && relu ? &DY.v : &DR.v, &DY.v,
                                      relu ? &Y.v : NULL, &X.v, &MU.v, &RS.v, &G.v));
    ok &= vt_cmp(&DX, dx, 1e-7, "bn_act_bwd din");
    ok &= vt_cmp(&DG, dg, TOL, "bn_act_bwd dgamma (+=)") & vt_cmp(&DB, db, TOL, "bn_act_bwd dbeta (+=)");
    if (res && relu) {
      ok &= vt_cmp(&DY, dmask, 0, "bn_act_bwd dres = dout (masked in place)");
      CHECK_OK(ctx, dive_tensor_write(&DR.v, dmask, n));
    }
    ok &= vt_cmp(&DR, dmask, 0, "bn_act_bwd dres (masked dout)");
    ok &= vt_done(&X) & vt_done(&G) & vt_done(&BE) & vt_done(&RES) & vt_done(&Y) & vt_done(&MU) & vt_done(&RS) &
          vt_done(&DY) & vt_done(&DX) & vt_done(&DG) & vt_done(&DB) & vt_done(&DR);
    free(x); free(g); free(be); free(rs_); free(y); free(mu); free(rsd); free(dy); free(dx); free(dg); free(db);
    free(dres); free(t1); free(dmask);
    CHECK(ok, "bn_act N=%d C=%d H=%d W=%d res=%d relu=%d", c[0], c[1], c[2], c[3], res, relu);
  }
  return 0;
}

/* The model driver's conv + BN units with the convs' fused BN epilogues, vs the reference
   composition. A unit P (its BN input ec, statistics emean / erstd, output ey = relu(bn(ec)))
   feeds the conv under test (x = ey):
     forward, dive__conv_bn_forward: c = conv(x, w), y = [relu](bn(c) [+ res]) in training
       (the statistics from conv2d_fwd_bn's epilogue: every (channel, column tile) partial
       must be there and be right; running statistics updated);
     backward, dive__conv_backward_epi with P's tensors: dx = (backward-data of dc [+ add])
       masked by ey > 0 (conv2d_bwd_x_bn), dw +=, and the partial sums that
       dive__relu_bn_backward then turns into P's dec, dgamma +=, dbeta += (bn_merge mode 1,
       no bn_part pass).
   Shapes: a single partial tile, several column tiles per channel, rows past a 128-row tile,
   odd sizes, stride 2 with phases of fewer pixels (whole work groups with nothing to do),
   1x1 stride 2 (phases no tap reaches), ResNeXt's 4 channels per group (plain and
   strided), the 7x7/2 stem, 1x1 with many column tiles, and in the DIVE_VK_MERGE=1 modes
   only (flag 16) a 1x1 with 96 tiles of 128 columns, more than a work group of
   bn_merge_wg. Run in every tile-shape and split
   mode. The fused path must be the one taken (3 dispatches forward, the sums returned)
   unless DIVE_VK_FUSE=0 or DIVE_CHECK; a second run gives the same bits.
   The epilogues' code and their tile edges change only with the tile shape: the default
   mode and the DIVE_VK_TILE modes run every shape; the modes that change the memory path,
   the work-group size of the other kernels, split-K, the chunking or the fusion itself
   (g_conv_bn_few) run the shapes marked 8 in the flags: several column tiles with residual,
   ReLU and add; more channels than a work group of 100 (bn_merge / bn_apply in two groups);
   stride 2 in groups; 1x1 stride 2; one run each (the bit-identical second run is the
   default and tile modes', where the epilogues' work-group reductions are). */
static int g_conv_bn_few;
static int64_t g_merges_wg; /* bn_merge_wg dispatches of the modes run with DIVE_VK_MERGE=1 */
/* fold = 0: the units as above. fold = 1: the same shapes with the conv's input folded
   (DIVE_VK_FOLD): x = relu(BN(ec)) is gathered from ec and the BN's mean, rstd, gamma and
   beta by conv2d_fwd_bn_fold, conv2d_bwd_w_fold and conv2d_bwd_x_bn_fold (the _h twins in
   the fp16 mode), the tensor x itself holding garbage, against the same reference (the
   host's relu(BN(ec)), then the plain conv); the unit's own y not written (NULL) where it
   has no residual: 2 dispatches forward, y left alone; 3 *_fold GEMMs per unit. Where the
   device does not fold (DIVE_VK_FUSE=0, DIVE_CHECK) a folded call must be DIVE_ERR_ARG. */
static int check_conv_bn_fused_f(dive_ctx *ctx, int fold) {
  static const int cs[][11] = { /* N C H W K R S stride pad groups flags (1 res, 2 relu, 4 add, 8 few,
                                   16 only with DIVE_VK_MERGE=1) */
      {1, 3, 3, 3, 5, 3, 3, 1, 1, 1, 2},     {2, 16, 9, 9, 16, 3, 3, 1, 1, 1, 15},
      {1, 3, 11, 13, 130, 3, 3, 1, 1, 1, 14}, {3, 4, 7, 5, 6, 3, 3, 2, 1, 2, 11},
      {5, 8, 15, 15, 8, 3, 3, 2, 1, 1, 6},   {2, 33, 5, 7, 70, 1, 1, 2, 0, 1, 13},
      {1, 64, 6, 5, 64, 3, 3, 1, 1, 16, 2},   {1, 64, 7, 7, 64, 3, 3, 2, 1, 16, 7},
      {1, 3, 23, 23, 8, 7, 7, 2, 3, 1, 2},   {4, 8, 16, 16, 8, 1, 1, 1, 0, 1, 4},
      {3, 4, 64, 64, 4, 1, 1, 1, 0, 1, 30}}; /* 12,288 columns: 96 tiles of 128 and more */
  int fused = ctx->vk->fuse && !ctx->check;
  unsigned ci;
  dive_rng r;
  if (fold && (!dive__vk_folds(ctx) || ctx->check)) {
    dive_tensor t;
    int sh[4] = {1, 1, 2, 2};
    dive__fold fi;
    dive_status st;
    CHECK_OK(ctx, dive_tensor_alloc(ctx, &t, DIVE_F32, 4, sh));
    fi.c = fi.mean = fi.rstd = fi.gamma = fi.beta = &t;
    st = dive__conv_bn_forward_f(ctx, &t, &t, &t, &t, &t, NULL, &t, &t, &t, &t, &t, 1, 0, 1, 1, 1, NULL, NULL, &fi);
    dive_ctx_clear_error(ctx);
    dive_tensor_free(&t);
    CHECK(st == DIVE_ERR_ARG, "folded unit where the device does not fold: %s, not DIVE_ERR_ARG", dive_status_str(st));
    return 0;
  }
  dive_rng_seed(&r, 17);
  for (ci = 0; ci < sizeof cs / sizeof *cs; ci++) {
    const int *c = cs[ci];
    int res = c[10] & 1, relu = (c[10] >> 1) & 1, add = (c[10] >> 2) & 1, ok = 1, Cg, run, noy = fold && !res;
    dive__conv_p p;
    dive__bn_p bp, be;
    int64_t nin, nw, nout, i, d0;
    float *ec, *ge, *bee, *emu, *ers, *ey, *t0, *w, *g, *bb, *rm, *rv, *rsd_, *cc, *y, *mu, *rsd, *dc, *adds, *dx,
        *dw, *dec, *dge, *dbe, *garb, *keep[5] = {NULL, NULL, NULL, NULL, NULL};
    vt EC, GE, EMU, ERS, EY, Wt, G, BB, RM, RV, RES, C, Y, MU, RS, DC, ADD, DX, DW, DEC, DGE, DBE, BE;
    const dive_tensor *sums;
    dive__fold fi;
    if ((g_conv_bn_few && !(c[10] & 8)) || ((c[10] & 16) && ctx->vk->force_merge != 1)) continue;
    memset(&p, 0, sizeof p);
    p.N = c[0]; p.C = c[1]; p.H = c[2]; p.W = c[3]; p.K = c[4]; p.R = c[5]; p.S = c[6];
    p.stride = c[7]; p.pad = c[8]; p.groups = c[9];
    p.P = (p.H + 2 * p.pad - p.R) / p.stride + 1;
    p.Q = (p.W + 2 * p.pad - p.S) / p.stride + 1;
    Cg = p.C / p.groups;
    nin = (int64_t)p.N * p.C * p.H * p.W; nw = (int64_t)p.K * Cg * p.R * p.S;
    nout = (int64_t)p.N * p.K * p.P * p.Q;
    be.N = p.N; be.C = p.C; be.HW = p.H * p.W; be.training = 1; be.momentum = 0.1f; be.eps = 1e-5f;
    bp.N = p.N; bp.C = p.K; bp.HW = p.P * p.Q; bp.training = 1; bp.momentum = 0.1f; bp.eps = 1e-5f;
    /* the unit before: ey = relu(bn(ec)), the conv's input */
    ec = frand(&r, nin, -1, 3); ge = frand(&r, p.C, 0.5f, 1.5f); bee = frand(&r, p.C, -0.5f, 0.5f);
    emu = fbuf(p.C); ers = fbuf(p.C); ey = fbuf(nin); t0 = fbuf(nin);
    dive__ref_bn_fwd(&be, t0, emu, ers, ec, ge, bee, NULL, NULL);
    for (i = 0; i < nin; i++) ey[i] = t0[i] > 0 ? t0[i] : 0;
    w = frand(&r, nw, -1, 1); g = frand(&r, p.K, 0.5f, 1.5f); bb = frand(&r, p.K, -1, 1);
    rm = frand(&r, p.K, -1, 1); rv = frand(&r, p.K, 0.5f, 2); rsd_ = frand(&r, nout, -1, 1);
    dc = frand(&r, nout, -1, 1); adds = frand(&r, nin, -1, 1); dw = frand(&r, nw, 0, 1);
    dge = frand(&r, p.C, 0, 1); dbe = frand(&r, p.C, 0, 1);
    cc = fbuf(nout); y = fbuf(nout); mu = fbuf(p.K); rsd = fbuf(p.K); dx = fbuf(nin); dec = fbuf(nin);
    garb = frand(&r, nin > nout ? nin : nout, 550, 560); /* what the outputs must overwrite */
    CHECK_OK(ctx, vt_4(ctx, &EC, p.N, p.C, p.H, p.W, 1, ec));
    CHECK_OK(ctx, vt_new(ctx, &GE, p.C, 2, ge));
    CHECK_OK(ctx, vt_new(ctx, &EMU, p.C, 3, emu));
    CHECK_OK(ctx, vt_new(ctx, &ERS, p.C, 4, ers));
    CHECK_OK(ctx, vt_4(ctx, &EY, p.N, p.C, p.H, p.W, 5, fold ? garb : ey)); /* folded: never read */
    CHECK_OK(ctx, vt_4(ctx, &Wt, p.K, Cg, p.R, p.S, 6, w));
    CHECK_OK(ctx, vt_new(ctx, &G, p.K, 7, g));
    CHECK_OK(ctx, vt_new(ctx, &BB, p.K, 8, bb));
    CHECK_OK(ctx, vt_new(ctx, &RM, p.K, 9, rm));
    CHECK_OK(ctx, vt_new(ctx, &RV, p.K, 10, rv));
    CHECK_OK(ctx, vt_4(ctx, &RES, p.N, p.K, p.P, p.Q, 11, rsd_));
    CHECK_OK(ctx, vt_4(ctx, &C, p.N, p.K, p.P, p.Q, 12, garb));
    CHECK_OK(ctx, vt_4(ctx, &Y, p.N, p.K, p.P, p.Q, 13, garb));
    CHECK_OK(ctx, vt_new(ctx, &MU, p.K, 14, NULL));
    CHECK_OK(ctx, vt_new(ctx, &RS, p.K, 15, NULL));
    CHECK_OK(ctx, vt_4(ctx, &DC, p.N, p.K, p.P, p.Q, 16, dc));
    CHECK_OK(ctx, vt_4(ctx, &ADD, p.N, p.C, p.H, p.W, 17, adds));
    CHECK_OK(ctx, vt_4(ctx, &DX, p.N, p.C, p.H, p.W, 18, garb));
    CHECK_OK(ctx, vt_4(ctx, &DW, p.K, Cg, p.R, p.S, 19, dw));
    CHECK_OK(ctx, vt_4(ctx, &DEC, p.N, p.C, p.H, p.W, 20, garb));
    CHECK_OK(ctx, vt_new(ctx, &DGE, p.C, 21, dge));
    CHECK_OK(ctx, vt_new(ctx, &DBE, p.C, 22, dbe));
    CHECK_OK(ctx, vt_new(ctx, &BE, p.C, 23, bee));
    fi.c = &EC.v; fi.mean = &EMU.v; fi.rstd = &ERS.v; fi.gamma = &GE.v; fi.beta = &BE.v;
    /* reference forward */
    dive__ref_conv2d_fwd(&p, cc, ey, w, NULL);
    dive__ref_bn_fwd(&bp, y, mu, rsd, cc, g, bb, rm, rv);
    for (i = 0; i < nout; i++) {
      float v = y[i] + (res ? rsd_[i] : 0.0f);
      y[i] = relu ? (v > 0 ? v : 0) : v;
    }
    /* reference backward: dx = mask(din + add), then the BN of the unit before */
    dive__ref_conv2d_bwd(&p, dx, dw, NULL, dc, ey, w);
    for (i = 0; i < nin; i++) dx[i] = ey[i] > 0 ? dx[i] + (add ? adds[i] : 0.0f) : 0.0f;
    dive__ref_bn_bwd(&be, dec, dge, dbe, dx, ec, emu, ers, ge);
    for (run = 0; run < 2; run++) {
      dive__vk_counters k0 = dive__vk_counters_get(ctx), k1;
      int64_t f0 = ctx->vk->folds;
      CHECK_OK(ctx, dive__conv_bn_forward_f(ctx, noy ? NULL : &Y.v, &C.v, &MU.v, &RS.v, &EY.v, res ? &RES.v : NULL,
                                            &Wt.v, &G.v, &BB.v, &RM.v, &RV.v, p.stride, p.pad, p.groups, relu, 1, NULL,
                                            NULL, fold ? &fi : NULL));
      k1 = dive__vk_counters_get(ctx);
      d0 = k1.dispatches - k0.dispatches;
      if (fused && d0 != 3 - noy) {
        printf("  forward: %lld dispatches, not %d (fused)\n", (long long)d0, 3 - noy);
        ok = 0;
      }
      sums = dive__conv_backward_sc(ctx, &DX.v, &DW.v, &DC.v, &EY.v, &Wt.v, p.stride, p.pad, p.groups,
                                    add ? &ADD.v : NULL, &EY.v, &EC.v, &EMU.v, &ERS.v, NULL, NULL, NULL, NULL, NULL, 0,
                                    fold ? &fi : NULL);
      if (fold && ctx->vk->folds - f0 != 3) {
        printf("  %lld *_fold GEMMs, not 3\n", (long long)(ctx->vk->folds - f0));
        ok = 0;
      }
      CHECK(ctx->status == DIVE_OK, "conv_backward_epi: %s", dive_ctx_error(ctx));
      if ((sums != NULL) != fused) { printf("  backward: sums %s\n", sums ? "returned" : "not returned"); ok = 0; }
      /* unfused (sums NULL): dx + add unmasked, masked in place by the BN backward below */
      CHECK_OK(ctx, dive__relu_bn_backward(ctx, &DEC.v, &DGE.v, &DBE.v, &DX.v, &EY.v, &EC.v, &EMU.v, &ERS.v, &GE.v,
                                           1, sums, NULL));
      if (run == 0) {
        ok &= vt_cmp(&C, cc, TOL, "conv_bn fwd c") & vt_cmp(&Y, noy ? garb : y, noy ? 0 : TOL, "conv_bn fwd y");
        ok &= vt_cmp(&MU, mu, TOL, "conv_bn fwd mean") & vt_cmp(&RS, rsd, TOL, "conv_bn fwd rstd");
        ok &= vt_cmp(&RM, rm, TOL, "conv_bn fwd running mean") & vt_cmp(&RV, rv, TOL, "conv_bn fwd running var");
        ok &= vt_cmp(&DX, dx, TOL, "bwd_epi dx (masked, + add)") & vt_cmp(&DW, dw, TOL, "bwd_epi dw (+=)");
        ok &= vt_cmp(&DEC, dec, 1e-7, "bn bwd from the epilogue's sums: din");
        ok &= vt_cmp(&DGE, dge, TOL, "... dgamma (+=)") & vt_cmp(&DBE, dbe, TOL, "... dbeta (+=)");
        if (g_conv_bn_few) break;
        keep[0] = fbuf(nout); keep[1] = fbuf(p.K); keep[2] = fbuf(p.K); keep[3] = fbuf(nin); keep[4] = fbuf(nin);
        CHECK_OK(ctx, dive_tensor_read(&Y.v, keep[0], nout));
        CHECK_OK(ctx, dive_tensor_read(&MU.v, keep[1], p.K));
        CHECK_OK(ctx, dive_tensor_read(&RS.v, keep[2], p.K));
        CHECK_OK(ctx, dive_tensor_read(&DX.v, keep[3], nin));
        CHECK_OK(ctx, dive_tensor_read(&DEC.v, keep[4], nin));
      } else { /* the same bits again (the overwritten outputs) */
        ok &= vt_cmp(&Y, keep[0], 0, "run 2: y") & vt_cmp(&MU, keep[1], 0, "run 2: mean");
        ok &= vt_cmp(&RS, keep[2], 0, "run 2: rstd") & vt_cmp(&DX, keep[3], 0, "run 2: dx");
        ok &= vt_cmp(&DEC, keep[4], 0, "run 2: dec");
        for (i = 0; i < 5; i++) free(keep[i]);
      }
    }
    if (!fold) { /* eval (training 0): y = [relu](BN(c) with the running statistics [+ res]) written by
         the conv's epilogue (conv2d_fwd_act: 2 dispatches with bn_merge mode 3), against the
         reference conv + eval BN from the device's running statistics; c is not needed */
      float *ye = fbuf(nout), *mue = fbuf(p.K), *rse = fbuf(p.K), *rmd = fbuf(p.K), *rvd = fbuf(p.K);
      dive__vk_counters k0, k1;
      dive__bn_p bq = bp;
      CHECK_OK(ctx, dive_tensor_read(&RM.v, rmd, p.K));
      CHECK_OK(ctx, dive_tensor_read(&RV.v, rvd, p.K));
      CHECK_OK(ctx, dive_tensor_write(&Y.v, garb, nout));
      CHECK_OK(ctx, dive_tensor_write(&MU.v, garb, p.K));
      CHECK_OK(ctx, dive_tensor_write(&RS.v, garb, p.K));
      k0 = dive__vk_counters_get(ctx);
      CHECK_OK(ctx, dive__conv_bn_forward(ctx, &Y.v, &C.v, &MU.v, &RS.v, &EY.v, res ? &RES.v : NULL, &Wt.v, &G.v,
                                          &BB.v, &RM.v, &RV.v, p.stride, p.pad, p.groups, relu, 0, NULL, NULL));
      k1 = dive__vk_counters_get(ctx);
      if (fused && k1.dispatches - k0.dispatches != 2) {
        printf("  eval forward: %lld dispatches, not 2 (fused)\n", (long long)(k1.dispatches - k0.dispatches));
        ok = 0;
      }
      bq.training = 0;
      dive__ref_bn_fwd(&bq, ye, mue, rse, cc, g, bb, rmd, rvd);
      for (i = 0; i < nout; i++) {
        float v = ye[i] + (res ? rsd_[i] : 0.0f);
        ye[i] = relu ? (v > 0 ? v : 0) : v;
      }
      ok &= vt_cmp(&Y, ye, TOL, "eval y") & vt_cmp(&MU, mue, TOL, "eval mean") & vt_cmp(&RS, rse, TOL, "eval rstd");
      ok &= vt_cmp(&RM, rmd, 0, "eval: running mean unchanged") & vt_cmp(&RV, rvd, 0, "eval: running var unchanged");
      free(ye); free(mue); free(rse); free(rmd); free(rvd);
    }
    ok &= vt_done(&EC) & vt_done(&GE) & vt_done(&EMU) & vt_done(&ERS) & vt_done(&EY) & vt_done(&Wt) & vt_done(&G) &
          vt_done(&BB) & vt_done(&RM) & vt_done(&RV) & vt_done(&RES) & vt_done(&C) & vt_done(&Y) & vt_done(&MU) &
          vt_done(&RS) & vt_done(&DC) & vt_done(&ADD) & vt_done(&DX) & vt_done(&DW) & vt_done(&DEC) &
          vt_done(&DGE) & vt_done(&DBE) & vt_done(&BE);
    free(ec); free(ge); free(bee); free(emu); free(ers); free(ey); free(t0); free(w); free(g); free(bb); free(rm);
    free(rv); free(rsd_); free(cc); free(y); free(mu); free(rsd); free(dc); free(adds); free(dx); free(dw);
    free(dec); free(dge); free(dbe); free(garb);
    CHECK(ok, "conv_bn fused%s N=%d C=%d H=%d W=%d K=%d R=%d S=%d stride=%d pad=%d groups=%d res=%d relu=%d add=%d",
          fold ? " folded" : "", c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], res, relu, add);
  }
  return 0;
}
static int check_conv_bn_fused(dive_ctx *ctx) { return check_conv_bn_fused_f(ctx, 0); }
static int check_conv_bn_fold(dive_ctx *ctx) { return check_conv_bn_fused_f(ctx, 1); }

/* the captured step's device-side pieces vs the host: SGD with lr from the scalars (the push
   constant's lr must be ignored) and skipped on a flagged ring entry; the loss mean and its
   flag; the non-finite scan */
static int check_step_kernels(dive_ctx *ctx) {
  int n = 1000, i, ns = DIVE__VK_NSCALARS, nr = 2 * DIVE__VK_RING, B = 37;
  float *w = fbuf(n), *g = fbuf(n), *m = fbuf(n), *got = fbuf(n), sc[DIVE__VK_NSCALARS], ring[2 * DIVE__VK_RING];
  dive_tensor W, G, M, S, R, PE;
  dive__sgd_p p;
  dive_rng r;
  double want = 0;
  uint32_t st = 70, fl; /* step 70: ring entry 70 % 64 = 6 */
  dive_rng_seed(&r, 21);
  fill(&r, w, n);
  fill(&r, g, n);
  CHECK_OK(ctx, dive_tensor_alloc(ctx, &W, DIVE_F32, 1, &n));
  CHECK_OK(ctx, dive_tensor_alloc(ctx, &G, DIVE_F32, 1, &n));
  CHECK_OK(ctx, dive_tensor_alloc(ctx, &M, DIVE_F32, 1, &n));
  CHECK_OK(ctx, dive_tensor_alloc(ctx, &S, DIVE_F32, 1, &ns));
  CHECK_OK(ctx, dive_tensor_alloc(ctx, &R, DIVE_F32, 1, &nr));
  CHECK_OK(ctx, dive_tensor_alloc(ctx, &PE, DIVE_F32, 1, &B));
  CHECK_OK(ctx, dive_tensor_write(&W, w, n));
  CHECK_OK(ctx, dive_tensor_write(&G, g, n));
  memset(sc, 0, sizeof sc);
  memcpy(&sc[0], &st, 4);
  sc[3] = 0.03f;
  CHECK_OK(ctx, dive_tensor_write(&S, sc, ns));
  memset(&p, 0, sizeof p);
  p.n = n; p.lr = 999.0f; p.momentum = 0.9f; p.wd = 1e-3f;
  CHECK_OK(ctx, dive__vk_sgd_step_dyn(ctx, &p, &W, &M, &G, &S, 3, &R));
  p.lr = 0.03f;
  dive__ref_sgd_step(&p, w, m, g);
  CHECK_OK(ctx, dive_tensor_read(&W, got, n));
  CHECK(nmse(w, got, n) < 1e-12, "sgd with lr from the scalars: nmse %.2e", nmse(w, got, n));
  /* the loss mean into ring entry 6; then a non-finite gradient flags it, and SGD skips */
  for (i = 0; i < B; i++) { got[i] = (float)(i % 5) - 1.5f; want += got[i]; }
  CHECK_OK(ctx, dive_tensor_write(&PE, got, B));
  CHECK_OK(ctx, dive__vk_loss_reduce(ctx, &PE, B, &S, &R));
  CHECK_OK(ctx, dive__vk_nonfinite_scan(ctx, &G, &S, &R));
  CHECK_OK(ctx, dive_tensor_read(&R, ring, nr));
  memcpy(&fl, &ring[13], 4);
  CHECK(fabs(ring[12] - want / B) < 1e-6 && fl == 0, "ring entry 6: %g (want %g), flags %u", (double)ring[12],
        want / B, fl);
  g[417] = INFINITY;
  CHECK_OK(ctx, dive_tensor_write(&G, g, n));
  CHECK_OK(ctx, dive__vk_nonfinite_scan(ctx, &G, &S, &R));
  CHECK_OK(ctx, dive__vk_sgd_step_dyn(ctx, &p, &W, &M, &G, &S, 3, &R));
  CHECK_OK(ctx, dive_tensor_read(&R, ring, nr));
  memcpy(&fl, &ring[13], 4);
  CHECK(fl == 2, "a non-finite gradient: flags %u, want 2", fl);
  CHECK_OK(ctx, dive_tensor_read(&W, got, n));
  CHECK(nmse(w, got, n) < 1e-12, "SGD ran on a flagged step (nmse %g, w[0] %g got %g)", nmse(w, got, n), (double)w[0], (double)got[0]);
  got[3] = NAN;
  CHECK_OK(ctx, dive_tensor_write(&PE, got, B));
  CHECK_OK(ctx, dive__vk_loss_reduce(ctx, &PE, B, &S, &R));
  CHECK_OK(ctx, dive_tensor_read(&R, ring, nr));
  memcpy(&fl, &ring[13], 4);
  CHECK(fl == 1 && ring[12] != ring[12], "a NaN loss: flags %u, mean %g", fl, (double)ring[12]);
  dive_tensor_free(&W); dive_tensor_free(&G); dive_tensor_free(&M); dive_tensor_free(&S); dive_tensor_free(&R);
  dive_tensor_free(&PE);
  free(w); free(g); free(m); free(got);
  return 0;
}

/* --- capture and replay ---
   A small training step through public and internal ops: conv -> BN+ReLU (fused) -> conv
   -> avgpool -> CE loss -> the mean into a loss ring -> backward (conv, BN+ReLU mask, conv)
   -> non-finite scan of the gradients -> SGD over the parameter arena with the learning
   rate read on the device. Run eagerly (recorded afresh each step, its own scalars and
   ring tensors written by the host) and as a capture replayed with the same inputs:
   parameters, momentum and every ring entry must be bit-identical, and the replays write
   no descriptors and wait at most once per step. */
typedef struct {
  dive_tensor x, y, arena, grads, mom, act, scal, ring;
  dive_tensor w1, g1, b1, w2, dw1, dg1, db1, dw2;
  dive_tensor c1, mean, rstd, a1, c2, logits, dl, pe, dlog4, d2, dc1;
  int N, C, H, K, cls;
} cstep;

static dive_tensor cview(dive_tensor *arena, int64_t *off, int ndim, int a, int b, int c, int d) {
  dive_tensor v;
  int sh[4];
  int64_t n;
  sh[0] = a; sh[1] = b; sh[2] = c; sh[3] = d;
  n = (int64_t)a * (ndim > 1 ? b : 1) * (ndim > 2 ? c : 1) * (ndim > 3 ? d : 1);
  dive_tensor_view(&v, arena, *off, ndim, sh);
  *off += n;
  return v;
}

static dive_status cstep_init(dive_ctx *ctx, cstep *m, dive_rng *r) {
  int64_t po = 0, ao = 0, np, na, i;
  int n;
  float *h;
  dive_status s;
  memset(m, 0, sizeof m[0]);
  m->N = 4; m->C = 3; m->H = 6; m->K = 8; m->cls = 5;
  np = (int64_t)m->K * m->C * 9 + 2 * m->K + (int64_t)m->cls * m->K * 9;
  na = 8 * (int64_t)m->N * m->K * m->H * m->H + 64;
  n = (int)np;
  if ((s = dive_tensor_alloc(ctx, &m->arena, DIVE_F32, 1, &n)) || (s = dive_tensor_alloc(ctx, &m->grads, DIVE_F32, 1, &n)) ||
      (s = dive_tensor_alloc(ctx, &m->mom, DIVE_F32, 1, &n)))
    return s;
  n = (int)na;
  if ((s = dive_tensor_alloc(ctx, &m->act, DIVE_F32, 1, &n))) return s;
  {
    int xs[4], ys = m->N, ns = DIVE__VK_NSCALARS, rs = 2 * DIVE__VK_RING;
    xs[0] = m->N; xs[1] = m->C; xs[2] = m->H; xs[3] = m->H;
    if ((s = dive_tensor_alloc(ctx, &m->x, DIVE_F32, 4, xs)) || (s = dive_tensor_alloc(ctx, &m->y, DIVE_I32, 1, &ys)) ||
        (s = dive_tensor_alloc(ctx, &m->scal, DIVE_F32, 1, &ns)) || (s = dive_tensor_alloc(ctx, &m->ring, DIVE_F32, 1, &rs)))
      return s;
  }
  m->w1 = cview(&m->arena, &po, 4, m->K, m->C, 3, 3);
  m->g1 = cview(&m->arena, &po, 1, m->K, 1, 1, 1);
  m->b1 = cview(&m->arena, &po, 1, m->K, 1, 1, 1);
  m->w2 = cview(&m->arena, &po, 4, m->cls, m->K, 3, 3);
  po = 0;
  m->dw1 = cview(&m->grads, &po, 4, m->K, m->C, 3, 3);
  m->dg1 = cview(&m->grads, &po, 1, m->K, 1, 1, 1);
  m->db1 = cview(&m->grads, &po, 1, m->K, 1, 1, 1);
  m->dw2 = cview(&m->grads, &po, 4, m->cls, m->K, 3, 3);
  m->c1 = cview(&m->act, &ao, 4, m->N, m->K, m->H, m->H);
  m->mean = cview(&m->act, &ao, 1, m->K, 1, 1, 1);
  m->rstd = cview(&m->act, &ao, 1, m->K, 1, 1, 1);
  m->a1 = cview(&m->act, &ao, 4, m->N, m->K, m->H, m->H);
  m->c2 = cview(&m->act, &ao, 4, m->N, m->cls, m->H, m->H);
  m->logits = cview(&m->act, &ao, 2, m->N, m->cls, 1, 1);
  m->dl = cview(&m->act, &ao, 2, m->N, m->cls, 1, 1);
  m->pe = cview(&m->act, &ao, 1, m->N, 1, 1, 1);
  m->d2 = cview(&m->act, &ao, 4, m->N, m->cls, m->H, m->H);
  m->dc1 = cview(&m->act, &ao, 4, m->N, m->K, m->H, m->H);
  m->dlog4 = m->dl;
  h = fbuf(np);
  for (i = 0; i < np; i++) h[i] = 0.4f * (2.0f * dive_rng_uniform(r) - 1.0f);
  for (i = 0; i < m->K; i++) h[m->K * m->C * 9 + i] = 1.0f; /* gamma */
  s = dive_tensor_write(&m->arena, h, np);
  free(h);
  return s;
}

static void cstep_free(cstep *m) {
  dive_tensor_free(&m->x); dive_tensor_free(&m->y); dive_tensor_free(&m->arena); dive_tensor_free(&m->grads);
  dive_tensor_free(&m->mom); dive_tensor_free(&m->act); dive_tensor_free(&m->scal); dive_tensor_free(&m->ring);
}

/* the step's ops (recorded eagerly or into a capture); scalars / ring: whose */
static dive_status cstep_ops(dive_ctx *ctx, cstep *m, const dive_tensor *scal, dive_tensor *ring) {
  dive__bn_p bp;
  dive__sgd_p sp;
  dive_loss_desc ld;
  dive_tensor lg4;
  dive_status s;
  int sh4[4];
  memset(&bp, 0, sizeof bp);
  bp.N = m->N; bp.C = m->K; bp.HW = m->H * m->H; bp.training = 1; bp.momentum = 0.1f; bp.eps = 1e-5f;
  memset(&sp, 0, sizeof sp);
  sp.n = m->arena.numel; sp.lr = 123.0f; /* must be overridden by the scalar */ sp.momentum = 0.9f; sp.wd = 5e-4f;
  memset(&ld, 0, sizeof ld);
  ld.kind = DIVE_LOSS_CE;
  sh4[0] = m->N; sh4[1] = m->cls; sh4[2] = 1; sh4[3] = 1;
  lg4 = m->logits;
  lg4.ndim = 4; lg4.shape[0] = m->N; lg4.shape[1] = m->cls; lg4.shape[2] = lg4.shape[3] = 1;
  (void)sh4;
  if ((s = dive_tensor_zero(&m->grads)) ||
      (s = dive_conv2d_forward(ctx, &m->c1, &m->x, &m->w1, NULL, 1, 1, 1)) ||
      (s = dive__vk_bn_act_fwd(ctx, &bp, &m->a1, &m->mean, &m->rstd, &m->c1, &m->g1, &m->b1, NULL, NULL, NULL, 1)) ||
      (s = dive_conv2d_forward(ctx, &m->c2, &m->a1, &m->w2, NULL, 1, 1, 1)) ||
      (s = dive_avgpool_forward(ctx, &lg4, &m->c2)) ||
      (s = dive__loss_forward(ctx, &m->dl, &m->pe, NULL, &m->logits, &m->y, NULL, NULL, &ld, 1, NULL)) ||
      (s = dive__vk_loss_reduce(ctx, &m->pe, m->N, scal, ring)))
    return s;
  {
    dive_tensor dl4 = m->dl;
    dl4.ndim = 4; dl4.shape[0] = m->N; dl4.shape[1] = m->cls; dl4.shape[2] = dl4.shape[3] = 1;
    if ((s = dive_avgpool_backward(ctx, &m->d2, &dl4)) ||
        (s = dive_conv2d_backward(ctx, &m->dc1, &m->dw2, NULL, &m->d2, &m->a1, &m->w2, 1, 1, 1)) ||
        (s = dive__vk_bn_act_bwd(ctx, &bp, &m->c1, &m->dg1, &m->db1, NULL, &m->dc1, &m->a1, &m->c1, &m->mean,
                                 &m->rstd, &m->g1)) ||
        (s = dive_conv2d_backward(ctx, NULL, &m->dw1, NULL, &m->c1, &m->x, &m->w1, 1, 1, 1)) ||
        (s = dive__vk_nonfinite_scan(ctx, &m->grads, scal, ring)) ||
        (s = dive__vk_sgd_step_dyn(ctx, &sp, &m->arena, &m->mom, &m->grads, scal, 1, ring)))
      return s;
  }
  return DIVE_OK;
}

static void cstep_batch(int k, const cstep *m, float *x, int32_t *y, float *lr) {
  dive_rng r;
  int64_t i, n = (int64_t)m->N * m->C * m->H * m->H;
  dive_rng_seed(&r, 100 + (uint64_t)k);
  for (i = 0; i < n; i++) x[i] = 2.0f * dive_rng_uniform(&r) - 1.0f;
  if (k == 5) x[7] = NAN; /* a NaN pixel: the loss or a gradient turns non-finite, SGD skips */
  for (i = 0; i < m->N; i++) y[i] = (int32_t)((k * 7 + i * 3) % m->cls);
  *lr = 0.05f / (float)(1 + k);
}

static int check_capture(dive_ctx *ctx) {
  enum { STEPS = 9 };
  cstep e, c;
  dive_rng r;
  dive__vk_capture *cap = NULL;
  dive_tensor *up[2];
  float *x, lr, *pe_, *pc_, ring_e[2 * DIVE__VK_RING];
  int32_t y[4];
  int64_t np, k, step, w0, d0, s0, wt0;
  dive__vk_counters c0, c1;
  np = 0;
  dive_rng_seed(&r, 77);
  CHECK_OK(ctx, cstep_init(ctx, &e, &r));
  dive_rng_seed(&r, 77);
  CHECK_OK(ctx, cstep_init(ctx, &c, &r));
  np = e.arena.numel;
  x = fbuf((int64_t)e.N * e.C * e.H * e.H);
  /* eager: the host writes the batch and the scalars, the ops are recorded afresh */
  for (k = 0; k < STEPS; k++) {
    float sc[DIVE__VK_NSCALARS];
    uint32_t st = (uint32_t)k;
    memset(sc, 0, sizeof sc);
    cstep_batch((int)k, &e, x, y, &lr);
    memcpy(&sc[0], &st, 4);
    sc[1] = lr;
    CHECK_OK(ctx, dive_tensor_write(&e.x, x, e.x.numel));
    CHECK_OK(ctx, dive_tensor_write(&e.y, y, e.N));
    CHECK_OK(ctx, dive_tensor_write(&e.scal, sc, DIVE__VK_NSCALARS));
    CHECK_OK(ctx, cstep_ops(ctx, &e, &e.scal, &e.ring));
    CHECK_OK(ctx, dive_ctx_sync(ctx));
  }
  CHECK_OK(ctx, dive_tensor_read(&e.ring, ring_e, 2 * DIVE__VK_RING));
  /* captured once, replayed: the batch through the upload slots, lr through the scalars */
  up[0] = &c.x;
  up[1] = &c.y;
  CHECK_OK(ctx, dive__vk_capture_begin(ctx, &cap, 2, up));
  CHECK_OK(ctx, cstep_ops(ctx, &c, &cap->scalars, &cap->ring));
  CHECK_OK(ctx, dive__vk_capture_end(ctx, cap));
  CHECK(cap->dispatches > 10 && cap->barriers > 0, "captured %lld dispatches, %lld barriers", (long long)cap->dispatches,
        (long long)cap->barriers);
  c0 = dive__vk_counters_get(ctx);
  w0 = c0.desc_writes; d0 = c0.dispatches; s0 = c0.submits; wt0 = c0.waits;
  for (k = 0; k < STEPS; k++) {
    float *sc;
    void *ptr[2];
    int ready = 0;
    float loss;
    uint32_t flags;
    CHECK_OK(ctx, dive__vk_capture_slot(ctx, cap, &sc, ptr));
    cstep_batch((int)k, &c, x, y, &lr);
    sc[1] = lr;
    memcpy(ptr[0], x, sizeof(float) * (size_t)c.x.numel);
    memcpy(ptr[1], y, sizeof(int32_t) * (size_t)c.N);
    CHECK_OK(ctx, dive__vk_capture_replay(ctx, cap, &step));
    CHECK(step == k, "replay %lld got step %lld", (long long)k, (long long)step);
    if (k > 0) { /* the previous step's loss, read late: waits for nothing new */
      CHECK_OK(ctx, dive__vk_capture_ring(ctx, cap, k - 1, 1, &ready, &loss, &flags));
      CHECK(ready && !memcmp(&loss, &ring_e[2 * (k - 1)], 4) && !memcmp(&flags, &ring_e[2 * (k - 1) + 1], 4),
            "ring entry %lld: ready %d loss %g flags %u, eager %g", (long long)(k - 1), ready, (double)loss, flags,
            (double)ring_e[2 * (k - 1)]);
    }
  }
  c1 = dive__vk_counters_get(ctx);
  CHECK(c1.desc_writes == w0, "replays wrote %lld descriptor sets", (long long)(c1.desc_writes - w0));
  CHECK(c1.submits - s0 == STEPS && c1.replays - c0.replays == STEPS, "%lld submits for %d replays",
        (long long)(c1.submits - s0), STEPS);
  CHECK(c1.dispatches - d0 == STEPS * cap->dispatches, "dispatch count per replay");
  CHECK(c1.waits - wt0 <= STEPS, "%lld host waits in %d replays", (long long)(c1.waits - wt0), STEPS);
  printf("  capture: %lld dispatches, %lld barriers per replay; %d replays: %lld submits, %lld host waits, "
         "%lld descriptor writes\n", (long long)cap->dispatches, (long long)cap->barriers, STEPS,
         (long long)(c1.submits - s0), (long long)(c1.waits - wt0), (long long)(c1.desc_writes - w0));
  /* flags: step 5 had a NaN pixel (its SGD skipped), the others none */
  {
    uint32_t f4, f5;
    memcpy(&f4, &ring_e[2 * 4 + 1], 4);
    memcpy(&f5, &ring_e[2 * 5 + 1], 4);
    CHECK(f4 == 0 && f5 != 0, "non-finite flags of steps 4, 5: %08x %08x", f4, f5);
  }
  pe_ = fbuf(np);
  pc_ = fbuf(np);
  CHECK_OK(ctx, dive_tensor_read(&e.arena, pe_, np));
  CHECK_OK(ctx, dive_tensor_read(&c.arena, pc_, np));
  CHECK(!memcmp(pe_, pc_, (size_t)np * 4), "replayed parameters differ from the eager ones");
  CHECK_OK(ctx, dive_tensor_read(&e.mom, pe_, np));
  CHECK_OK(ctx, dive_tensor_read(&c.mom, pc_, np));
  CHECK(!memcmp(pe_, pc_, (size_t)np * 4), "replayed momentum differs from the eager one");
  {
    int i, any = 0;
    for (i = 0; i < np; i++) any |= pc_[i] != 0.0f && pc_[i] == pc_[i];
    CHECK(any, "momentum all zero: the SGD never ran");
  }
  {
    int ready = 0;
    float loss;
    uint32_t flags;
    CHECK_OK(ctx, dive__vk_capture_ring(ctx, cap, STEPS - 1, 1, &ready, &loss, &flags));
    CHECK(ready && !memcmp(&loss, &ring_e[2 * (STEPS - 1)], 4), "last ring entry: ready %d", ready);
  }
  /* a host read while recording fails; freeing a tensor the capture uses invalidates it */
  {
    dive__vk_capture *c2 = NULL;
    float tmp;
    CHECK_OK(ctx, dive__vk_capture_begin(ctx, &c2, 0, NULL));
    CHECK(dive_tensor_read(&c.pe, &tmp, 1) == DIVE_ERR_ARG && strstr(dive_ctx_error(ctx), "capture"),
          "a read while capturing: %s", dive_ctx_error(ctx));
    dive_ctx_clear_error(ctx);
    dive__vk_capture_free(ctx, c2);
  }
  cstep_free(&c);
  CHECK(dive__vk_capture_replay(ctx, cap, &step) == DIVE_ERR_ARG && strstr(dive_ctx_error(ctx), "invalid"),
        "replay after a free: %s", dive_ctx_error(ctx));
  dive_ctx_clear_error(ctx);
  dive__vk_capture_free(ctx, cap);
  cstep_free(&e);
  free(x); free(pe_); free(pc_);
  return 0;
}

/* the same conv backward (split-K) and BN forward/backward twice: bit-identical results */
static int check_repeat(dive_ctx *ctx) {
  dive__conv_p p;
  dive__bn_p bp;
  dive_rng r;
  int k, nin, nw, nout, C = 16;
  float *x, *w, *dy, *got[2][6];
  vt X, Wt, DY, DW, DB, DX, Y, MU, RS, G, BE, DG, DBE, BX, BD;
  memset(&p, 0, sizeof p);
  p.N = 3; p.C = 8; p.H = 13; p.W = 11; p.K = C; p.R = p.S = 3; p.stride = 1; p.pad = 1; p.groups = 1;
  p.P = 13; p.Q = 11;
  nin = p.N * p.C * p.H * p.W; nw = p.K * p.C * 9; nout = p.N * p.K * p.P * p.Q;
  memset(&bp, 0, sizeof bp);
  bp.N = p.N; bp.C = C; bp.HW = p.P * p.Q; bp.training = 1; bp.momentum = 0.1f; bp.eps = 1e-5f;
  dive_rng_seed(&r, 41);
  x = frand(&r, nin, -1, 1); w = frand(&r, nw, -1, 1); dy = frand(&r, nout, -1, 1);
  CHECK_OK(ctx, vt_4(ctx, &X, p.N, p.C, p.H, p.W, 1, x));
  CHECK_OK(ctx, vt_4(ctx, &Wt, p.K, p.C, 3, 3, 2, w));
  CHECK_OK(ctx, vt_4(ctx, &DY, p.N, p.K, p.P, p.Q, 3, dy));
  CHECK_OK(ctx, vt_4(ctx, &BX, p.N, p.K, p.P, p.Q, 3, dy));
  for (k = 0; k < 2; k++) {
    int i;
    CHECK_OK(ctx, vt_4(ctx, &DW, p.K, p.C, 3, 3, 4, NULL));
    CHECK_OK(ctx, vt_new(ctx, &DB, p.K, 5, NULL));
    CHECK_OK(ctx, vt_4(ctx, &DX, p.N, p.C, p.H, p.W, 1, NULL));
    CHECK_OK(ctx, vt_4(ctx, &Y, p.N, p.K, p.P, p.Q, 1, NULL));
    CHECK_OK(ctx, vt_new(ctx, &MU, C, 1, NULL)); CHECK_OK(ctx, vt_new(ctx, &RS, C, 2, NULL));
    CHECK_OK(ctx, vt_new(ctx, &G, C, 3, w)); CHECK_OK(ctx, vt_new(ctx, &BE, C, 4, x));
    CHECK_OK(ctx, vt_new(ctx, &DG, C, 5, NULL)); CHECK_OK(ctx, vt_new(ctx, &DBE, C, 6, NULL));
    CHECK_OK(ctx, dive_conv2d_backward(ctx, &DX.v, &DW.v, &DB.v, &DY.v, &X.v, &Wt.v, 1, 1, 1));
    CHECK_OK(ctx, dive_batchnorm_forward(ctx, &Y.v, &MU.v, &RS.v, &BX.v, &G.v, &BE.v, NULL, NULL, 1, 0.1f, 1e-5f));
    CHECK_OK(ctx, vt_4(ctx, &BD, p.N, p.K, p.P, p.Q, 2, NULL));
    CHECK_OK(ctx, dive_batchnorm_backward(ctx, &BD.v, &DG.v, &DBE.v, &DY.v, &BX.v, &MU.v, &RS.v, &G.v));
    got[k][0] = fbuf(nw); got[k][1] = fbuf(p.K); got[k][2] = fbuf(nout); got[k][3] = fbuf(C); got[k][4] = fbuf(nin);
    got[k][5] = fbuf(nout);
    CHECK_OK(ctx, dive_tensor_read(&BD.v, got[k][5], nout));
    dive_tensor_free(&BD.owner);
    CHECK_OK(ctx, dive_tensor_read(&DW.v, got[k][0], nw));
    CHECK_OK(ctx, dive_tensor_read(&DB.v, got[k][1], p.K));
    CHECK_OK(ctx, dive_tensor_read(&Y.v, got[k][2], nout));
    CHECK_OK(ctx, dive_tensor_read(&DG.v, got[k][3], C));
    CHECK_OK(ctx, dive_tensor_read(&DX.v, got[k][4], nin));
    dive_tensor_free(&DW.owner); dive_tensor_free(&DB.owner); dive_tensor_free(&DX.owner); dive_tensor_free(&Y.owner);
    dive_tensor_free(&MU.owner); dive_tensor_free(&RS.owner); dive_tensor_free(&G.owner); dive_tensor_free(&BE.owner);
    dive_tensor_free(&DG.owner); dive_tensor_free(&DBE.owner);
    (void)i;
  }
  CHECK(!memcmp(got[0][0], got[1][0], (size_t)nw * 4), "conv dw differs between two runs");
  CHECK(!memcmp(got[0][1], got[1][1], (size_t)p.K * 4), "conv db differs between two runs");
  CHECK(!memcmp(got[0][2], got[1][2], (size_t)nout * 4), "bn out differs between two runs");
  CHECK(!memcmp(got[0][3], got[1][3], (size_t)C * 4), "bn dgamma differs between two runs");
  CHECK(!memcmp(got[0][4], got[1][4], (size_t)nin * 4), "conv din differs between two runs");
  CHECK(!memcmp(got[0][5], got[1][5], (size_t)nout * 4), "bn din differs between two runs");
  for (k = 0; k < 2; k++) { int j; for (j = 0; j < 6; j++) free(got[k][j]); }
  dive_tensor_free(&X.owner); dive_tensor_free(&Wt.owner); dive_tensor_free(&DY.owner); dive_tensor_free(&BX.owner);
  free(x); free(w); free(dy);
  return 0;
}

static void run_mode_env(const char *mode, int staging, const char *wg, const char *env, const char *value);

/* ================================================================= main */
/* DIVE_CHECK's cross-check catches a device result that differs from the CPU's: an op
   whose output is overwritten with garbage between the device run and the comparison
   (standing in for a wrong kernel) fails the ctx with the op's name and the tensor's */
static int check_crosscheck_catches(void) {
  dive_ctx *ctx = NULL;
  dive_tensor in, out;
  dive__ck ck;
  float x[64], junk[64];
  int shape[1] = {64}, i, bad = 0;
  dive_status s;
  if (vk_ctx(&ctx)) return 1;
  for (i = 0; i < 64; i++) { x[i] = (float)(i % 7) - 3.0f; junk[i] = 0.5f; }
  if (dive_tensor_alloc(ctx, &in, DIVE_F32, 1, shape) || dive_tensor_alloc(ctx, &out, DIVE_F32, 1, shape) ||
      dive_tensor_write(&in, x, 64)) { dive_ctx_destroy(ctx); return 1; }
  /* the honest run passes */
  dive__ck_begin(&ck, "relu_forward", ">out in", &out, &in);
  s = dive__vk_relu_fwd(ctx, 64, &out, &in);
  if (!s && ck.ok) dive__cpu_relu_fwd(64, ck.h[0], ck.h[1]);
  bad |= dive__ck_end(ctx, &ck, s) != DIVE_OK;
  /* a wrong result is caught */
  dive__ck_begin(&ck, "relu_forward", ">out in", &out, &in);
  s = dive__vk_relu_fwd(ctx, 64, &out, &in);
  if (!s) s = dive_tensor_write(&out, junk, 64);
  if (!s && ck.ok) dive__cpu_relu_fwd(64, ck.h[0], ck.h[1]);
  s = dive__ck_end(ctx, &ck, s);
  if (s != DIVE_ERR_VULKAN || !strstr(dive_ctx_error(ctx), "relu_forward out differs from the CPU")) {
    printf("  cross-check of a wrong result: status %d, \"%s\"\n", (int)s, dive_ctx_error(ctx));
    bad = 1;
  }
  dive_tensor_free(&in);
  dive_tensor_free(&out);
  dive_ctx_destroy(ctx);
  return bad;
}

/* The reductions' path of a mode's ctx (DIVE_VK_SUBGROUP, off = 1 when the mode sets it to
   0): the *_sg variants where the device has basic and arithmetic subgroup operations in
   compute shaders and the work group is a whole number of subgroups, and then some were
   dispatched; else none. 1 on failure. */
static int check_sg_path(dive_ctx *ctx, int off, const char **what) {
  const struct dive__vk *vk = ctx->vk;
  uint32_t need = VK_SUBGROUP_FEATURE_BASIC_BIT | VK_SUBGROUP_FEATURE_ARITHMETIC_BIT;
  int can = !off && (vk->sg_ops & need) == need && (vk->sg_stages & VK_SHADER_STAGE_COMPUTE_BIT) && vk->subgroup &&
            vk->wg % vk->subgroup == 0;
  *what = can ? "reductions: the *_sg variants dispatched" : "reductions: no *_sg variant dispatched";
  return vk->sg != can || (can ? vk->sg_runs == 0 : vk->sg_runs != 0);
}
static void report_sg_path(dive_ctx *ctx, int off) {
  const char *what;
  int failed = check_sg_path(ctx, off, &what);
  report(what, failed);
}

/* BN forward and backward (training, 3 x 5 x 31 x 29: 2,697 values per channel, one chunk
   on a CPU-type device) on ctx: y, mean, rstd, din, dgamma, dbeta into out (BN_SG_OUT). */
#define BN_SG_N (3 * 5 * 31 * 29)
#define BN_SG_OUT (2 * BN_SG_N + 4 * 5)
static int bn_sg_outputs(dive_ctx *ctx, float *out) {
  int sh[4] = {3, 5, 31, 29}, c = 5, i;
  dive_tensor t[9]; /* x, dy, gamma, beta, y, mean, rstd, din, dgamma and dbeta in one */
  float *x = fbuf(BN_SG_N), *dy = fbuf(BN_SG_N), g[5], be[5], zero[10] = {0};
  int sh2[1] = {10}, ok;
  dive_rng r;
  dive_rng_seed(&r, 29);
  fill(&r, x, BN_SG_N);
  fill(&r, dy, BN_SG_N);
  for (i = 0; i < BN_SG_N; i++) x[i] = 3.0f * x[i] + 1.5f; /* an offset the statistics must see */
  for (i = 0; i < 5; i++) { g[i] = 1.0f + 0.1f * (float)i; be[i] = 0.2f * (float)i - 0.3f; }
  memset(t, 0, sizeof t);
  ok = !dive_tensor_alloc(ctx, &t[0], DIVE_F32, 4, sh) && !dive_tensor_alloc(ctx, &t[1], DIVE_F32, 4, sh) &&
       !dive_tensor_alloc(ctx, &t[2], DIVE_F32, 1, &c) && !dive_tensor_alloc(ctx, &t[3], DIVE_F32, 1, &c) &&
       !dive_tensor_alloc(ctx, &t[4], DIVE_F32, 4, sh) && !dive_tensor_alloc(ctx, &t[5], DIVE_F32, 1, &c) &&
       !dive_tensor_alloc(ctx, &t[6], DIVE_F32, 1, &c) && !dive_tensor_alloc(ctx, &t[7], DIVE_F32, 4, sh) &&
       !dive_tensor_alloc(ctx, &t[8], DIVE_F32, 1, sh2) && !dive_tensor_write(&t[0], x, BN_SG_N) &&
       !dive_tensor_write(&t[1], dy, BN_SG_N) && !dive_tensor_write(&t[2], g, 5) && !dive_tensor_write(&t[3], be, 5) &&
       !dive_tensor_write(&t[8], zero, 10);
  if (ok) {
    dive_tensor dg, db;
    int five = 5;
    ok = !dive_tensor_view(&dg, &t[8], 0, 1, &five) && !dive_tensor_view(&db, &t[8], 5, 1, &five) &&
         !dive_batchnorm_forward(ctx, &t[4], &t[5], &t[6], &t[0], &t[2], &t[3], NULL, NULL, 1, 0.1f, 1e-5f) &&
         !dive_batchnorm_backward(ctx, &t[7], &dg, &db, &t[1], &t[0], &t[5], &t[6], &t[2]) &&
         !dive_tensor_read(&t[4], out, BN_SG_N) && !dive_tensor_read(&t[5], out + BN_SG_N, 5) &&
         !dive_tensor_read(&t[6], out + BN_SG_N + 5, 5) && !dive_tensor_read(&t[7], out + BN_SG_N + 10, BN_SG_N) &&
         !dive_tensor_read(&t[8], out + 2 * BN_SG_N + 10, 10);
  }
  for (i = 0; i < 9; i++) dive_tensor_free(&t[i]);
  free(x);
  free(dy);
  return ok;
}

/* The subgroup reductions against the shared-memory tree on this device: the same BN
   forward and backward with DIVE_VK_SUBGROUP=1 and =0; each output's max |sg - tree| over
   its max |tree| printed, below 1e-5 (the last bits may differ: the sums are associated
   differently). 1 on failure. */
static int check_sg_vs_tree(void) {
  static const char *const nm[6] = {"y", "mean", "rstd", "din", "dgamma", "dbeta"};
  static const int64_t at[7] = {0, BN_SG_N, BN_SG_N + 5, BN_SG_N + 10, 2 * BN_SG_N + 10, 2 * BN_SG_N + 15,
                                2 * BN_SG_N + 20};
  float *a = fbuf(BN_SG_OUT), *b = fbuf(BN_SG_OUT);
  dive_ctx *ctx = NULL;
  int k, ok, sg = 0;
  int64_t same = 0, i;
  double worst = 0;
  ok = vk_ctx(&ctx) == DIVE_OK && (sg = ctx->vk->sg, bn_sg_outputs(ctx, a));
  dive_ctx_destroy(ctx);
  ctx = NULL;
  set_env("DIVE_VK_SUBGROUP", "0");
  ok = ok && vk_ctx(&ctx) == DIVE_OK && !ctx->vk->sg && bn_sg_outputs(ctx, b);
  set_env("DIVE_VK_SUBGROUP", NULL);
  dive_ctx_destroy(ctx);
  printf("  subgroup (%s) vs tree, BN 3x5x31x29:", sg ? "on" : "not supported here: both trees");
  for (k = 0; ok && k < 6; k++) {
    double mx = 0, d = maxdiff(b + at[k], a + at[k], at[k + 1] - at[k]), rel;
    for (i = at[k]; i < at[k + 1]; i++) mx = fmax(mx, fabs((double)b[i]));
    rel = mx > 0 ? d / mx : d;
    printf(" %s %.1e", nm[k], rel);
    worst = fmax(worst, rel);
  }
  for (i = 0; ok && i < BN_SG_OUT; i++) same += a[i] == b[i];
  printf(" (max |sg - tree| / max |tree|); %lld of %d values the same bits\n", (long long)same, BN_SG_OUT);
  free(a);
  free(b);
  return !ok || worst > 1e-5;
}

static double g_fp16_conv_nmse; /* the fp16 mode's worst conv NMSE (its rounding must show) */
#define FOLD_ROW (!dive__vk_folds(ctx) || ctx->check ? "conv + BN units folded: refused where the device does not fold" \
                  : g_conv_bn_few ? "conv + BN units, input folded (4-5 shapes)" : "conv + BN units, input folded (10 shapes)")
static void report_op(const char *name, int failed) {
  char buf[128];
  if (g_fp16) snprintf(buf, sizeof buf, "%s (nmse %.0e, max rel %.0e)", name, g_worst, g_worst_rel);
  else snprintf(buf, sizeof buf, "%s (nmse %.0e)", name, g_worst);
  if (g_fp16 && !strncmp(name, "conv2d", 6)) g_fp16_conv_nmse = g_worst;
  report(buf, failed);
  g_worst = g_worst_rel = 0;
}

/* the checks on one ctx; wg = NULL keeps the default work-group size (all checks), else
   DIVE_VK_WG = wg (the op checks only) */
static void run_mode(const char *mode, int staging, const char *wg) { run_mode_env(mode, staging, wg, NULL, NULL); }

/* with env = value set while the ctx is made: only the op checks that use it */
static void run_mode_env(const char *mode, int staging, const char *wg, const char *env, const char *value) {
  dive_ctx *ctx = NULL;
  g_mode = mode;
  set_env("DIVE_VK_STAGING", staging ? "1" : NULL);
  set_env("DIVE_VK_WG", wg);
  if (env) set_env(env, value);
  if (vk_ctx(&ctx) != DIVE_OK) {
    printf("ctx (%s): %s\n", mode, dive_last_error());
    report("ctx", 1);
    if (env) set_env(env, NULL);
    return;
  }
  set_env("DIVE_VK_STAGING", NULL);
  set_env("DIVE_VK_WG", NULL);
  if (env) {
    set_env(env, NULL);
    if (!strcmp(env, "DIVE_CHECK") && !ctx->check) report("DIVE_CHECK=1 took effect", 1);
  }
  g_conv_bn_few = !(!staging && !wg && (!env || !strcmp(env, "DIVE_VK_TILE")));
  if (env && strcmp(env, "DIVE_CHECK")) {
    g_worst = 0;
    report_op("conv2d fwd+bwd (17 shapes)", check_conv(ctx));
    report_op(g_conv_bn_few ? "conv + BN units, fused epilogues (4-5 shapes)" : "conv + BN units, fused epilogues (10 shapes)",
            check_conv_bn_fused(ctx));
    report_op(FOLD_ROW, check_conv_bn_fold(ctx));
    report_op("linear fwd+bwd (4 shapes)", check_linear(ctx));
    if (strcmp(env, "DIVE_VK_TILE")) {
      report_op("batchnorm fwd+bwd (7 shapes)", check_bn(ctx));
      report_op("fused BN+add+ReLU fwd, masked bwd (4 shapes)", check_bn_fused(ctx));
      report("bit-identical from run to run", check_repeat(ctx));
    }
    if (!strcmp(env, "DIVE_VK_SUBGROUP")) { /* the shared-memory trees of the loss reductions too */
      report("loss (6 kinds x 4 shapes) vs dive__ref", check_loss(ctx));
      report("sgd lr from scalars, loss ring, non-finite skip", check_step_kernels(ctx));
    }
    report_sg_path(ctx, !strcmp(env, "DIVE_VK_SUBGROUP"));
    report("no validation messages (ctx)", dive__vk_validation_errors(ctx) != 0);
    g_merges_wg += ctx->vk->merges_wg;
    if (g_fp16) {
      report("fp16: the *_h GEMMs were dispatched", !ctx->vk->fp16 || ctx->vk->gemms_h == 0);
      /* fp32 sums of fp32 operands land near 1e-14 here: fp16 operands must show */
      report("fp16: its rounding shows (conv nmse > 1e-11)", !(g_fp16_conv_nmse > 1e-11));
    }
    dive_ctx_destroy(ctx);
    return;
  }
  if (!wg && (ctx->vk->uma != 0) == (staging != 0)) {
    /* lavapipe is UMA, so "mapped" and "staging" differ; a discrete GPU is never UMA */
    printf("  note: %s mode runs with uma=%d on this device\n", mode, ctx->vk->uma);
  }
  if (!wg && !env) {
    report("tensor write/read + views", check_roundtrip(ctx));
    report("zero fill + ordering", check_zero(ctx));
    report("400 ops recorded, one submit", check_recording(ctx));
    report("barriers only on hazards; descriptor cache", check_tracking(ctx));
    report("capture + replay bit-identical to eager", check_capture(ctx));
  }
  g_worst = 0;
  report_op("relu/add fwd+bwd vs dive__ref", check_eltwise(ctx));
  report_op("conv2d fwd+bwd (17 shapes)", check_conv(ctx));
  report_op("batchnorm fwd+bwd (7 shapes)", check_bn(ctx));
  report_op("fused BN+add+ReLU fwd, masked bwd (4 shapes)", check_bn_fused(ctx));
  report_op(g_conv_bn_few ? "conv + BN units, fused epilogues (4-5 shapes)" : "conv + BN units, fused epilogues (10 shapes)",
            check_conv_bn_fused(ctx));
  report_op(FOLD_ROW, check_conv_bn_fold(ctx));
  report_op("linear fwd+bwd (4 shapes)", check_linear(ctx));
  report_op("shortcut/maxpool/avgpool fwd+bwd", check_pool_shortcut(ctx));
  if (!wg && !env) {
    report("loss (6 kinds x 4 shapes) vs dive__ref", check_loss(ctx));
    report("sgd (4 configs x 3 sizes) vs dive__ref", check_sgd(ctx));
    report("sgd lr from scalars, loss ring, non-finite skip", check_step_kernels(ctx));
  }
  report_sg_path(ctx, 0);
  /* every tensor freed (the loss's scratch per-example buffer belongs to the ctx) */
  report("no leaked buffers", ctx->vk->live_buffers != (ctx->vk->scratch.impl.dev ? 1 : 0));
  report("no validation messages (ctx)", dive__vk_validation_errors(ctx) != 0);
  dive_ctx_destroy(ctx);
}

int main(void) {
  dive_ctx *ctx = NULL;
  if (!expect_backend(vk_ctx(&ctx), &ctx, DIVE_BACKEND_VULKAN, "test_vulkan", VK_CHECKS)) return summary();
  dive_ctx_destroy(ctx);
  g_mode = "-";
  report("backend choice (forced, AUTO, env)", check_backend());
  run_mode("mapped", 0, NULL);
  run_mode("staging", 1, NULL);
  /* work groups of 256 (the GPU default; a CPU-type device defaults to 64), of 100 (not
     a power of two: the reduction tree folds the top 36 first) and of 1 (no tree) */
  run_mode("wg=256", 0, "256");
  run_mode("wg=100", 0, "100");
  run_mode("wg=1", 0, "1");
  { /* every tile shape of the implicit-GEMM kernels; split-K and BN chunking forced */
    int v, nt;
    char name[32], val[16];
    nt = vk_ctx(&ctx) == DIVE_OK ? ctx->vk->ntiles : 0;
    dive_ctx_destroy(ctx);
    for (v = 1; v <= nt; v++) {
      snprintf(name, sizeof name, "tile=%d", v);
      snprintf(val, sizeof val, "%d", v);
      run_mode_env(name, 0, NULL, "DIVE_VK_TILE", val);
    }
    snprintf(val, sizeof val, "%d", nt + 1);
    set_env("DIVE_VK_TILE", val);
    ctx = NULL;
    g_mode = "-";
    report("DIVE_VK_TILE outside the table: error", vk_ctx(&ctx) != DIVE_ERR_ARG || !strstr(dive_last_error(), "DIVE_VK_TILE"));
    set_env("DIVE_VK_TILE", NULL);
    run_mode_env("split=3", 0, NULL, "DIVE_VK_SPLIT", "3");
    run_mode_env("split=7", 1, NULL, "DIVE_VK_SPLIT", "7");
    run_mode_env("chunk=37", 0, NULL, "DIVE_VK_CHUNK", "37");
    /* bn_merge_wg (one work group per channel) for every merge of 2+ chunks: over bn_part's
       chunks of 5 (130 for the 17x19 BN, two or three per invocation) and the fused
       epilogues' column tiles (96 for the 64x64 unit); at a work group of 100 the tree's
       fold merges invocations 64..99 into 0..35 first */
    set_env("DIVE_VK_MERGE", "1");
    g_merges_wg = 0;
    run_mode_env("merge=1", 0, NULL, "DIVE_VK_CHUNK", "5");
    run_mode_env("merge=1 wg=100", 0, "100", "DIVE_VK_CHUNK", "5");
    set_env("DIVE_VK_MERGE", NULL);
    report("merge=1: bn_merge_wg was dispatched", g_merges_wg == 0);
    set_env("DIVE_VK_MERGE", "2");
    ctx = NULL;
    g_mode = "-";
    report("DIVE_VK_MERGE=2: error", vk_ctx(&ctx) != DIVE_ERR_ARG || !strstr(dive_last_error(), "DIVE_VK_MERGE"));
    set_env("DIVE_VK_MERGE", NULL);
    /* the work-group reductions' shared-memory trees where the subgroup form is the default
       (at a work group of 64: the tree's 6 levels); then the two against each other */
    run_mode_env("subgroup=0", 0, NULL, "DIVE_VK_SUBGROUP", "0");
    g_mode = "-";
    report("subgroup vs tree: BN within 1e-5", check_sg_vs_tree());
    set_env("DIVE_VK_SUBGROUP", "2");
    ctx = NULL;
    report("DIVE_VK_SUBGROUP=2: error", vk_ctx(&ctx) != DIVE_ERR_ARG || !strstr(dive_last_error(), "DIVE_VK_SUBGROUP"));
    set_env("DIVE_VK_SUBGROUP", NULL);
    /* the unfused passes the driver falls back to (a device with fewer storage buffers) */
    run_mode_env("fuse=0", 0, NULL, "DIVE_VK_FUSE", "0");
    /* the opt-in reduced-precision mode: the conv GEMMs' shared tiles in fp16, fp32 sums;
       every op within FP16_TOL of the reference (worst NMSE and max relative error printed) */
    set_env("DIVE_VK_FP16", "1");
    ctx = NULL;
    if (vk_ctx(&ctx) == DIVE_ERR_UNSUPPORTED) { /* a device without shaderFloat16: refused */
      g_mode = "-";
      skip_part("fp16 mode", 11, 0, dive_last_error());
      g_fp16_skipped = 11;
    } else {
      dive_ctx_destroy(ctx);
      g_fp16 = 1;
      run_mode_env("fp16", 0, NULL, "DIVE_VK_FP16", "1");
      g_fp16 = 0;
    }
    set_env("DIVE_VK_FP16", NULL);
    set_env("DIVE_VK_FP16", "2");
    ctx = NULL;
    g_mode = "-";
    report("DIVE_VK_FP16=2: error", vk_ctx(&ctx) != DIVE_ERR_ARG || !strstr(dive_last_error(), "DIVE_VK_FP16"));
    set_env("DIVE_VK_FP16", NULL);
  }
  /* DIVE_CHECK=1: every op also recomputed on the CPU and compared, inside the op */
  run_mode_env("check", 0, NULL, "DIVE_CHECK", "1");
  g_mode = "-";
  report("DIVE_CHECK catches a wrong device result", check_crosscheck_catches());
  report("more than 65535 work groups", check_big_grid());
  report("64 contexts made and destroyed in turn", check_many_ctx());
  /* counted over every ctx, including messages at device/instance destruction */
  printf("validation messages: %d\n", dive__vk_validation_errors(NULL));
  report("no validation messages (process)", dive__vk_validation_errors(NULL) != 0);
  part_ran("test_vulkan", g_pass + g_fail + g_fp16_skipped, VK_CHECKS);
  return summary();
}
#endif /* DIVE_NO_VULKAN */
