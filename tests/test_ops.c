/* test_ops.c - every layer op against its serial reference kernel, on every backend.
   From the repo root:  make build/test_ops && ./build/test_ops [-o op] [-b cpu|vulkan]
   (or: cc -std=c99 -O2 -I.. test_ops.c -lm -fopenmp -ldl && ./test_ops -b vulkan)

   Three sections:
   - helpers: a case's buffers are "slots" (named, shaped, with a role: input, state, output
     gradient, output, input gradient, accumulated gradient); filling, compare(), printing.
   - ops and cases: per op, a slot layout, a runner for the ref/cpu kernels and one for the
     public API; then the case table. Adding an op = a layout + two runners + rows.
   - main: per case, the ref forward+backward is the oracle. Lines:
       grad    central finite differences of loss = sum(out * dout) on the ref forward,
               against the ref backward (checks the formulas, overwrite and accumulate)
       cpu     cpu kernels at 1 and N threads (N threads twice: bit-identical), and the
               public op on a CPU ctx, all against the oracle by compare()'s rule
               (max error relative to each output's magnitude, 1e-5)
       vulkan  the public op on a Vulkan ctx
     A backend's part that does not run here (no Vulkan device, -b, DIVE_BACKEND set to
     the other backend) counts its rows as skipped; a Vulkan one as failed when
     DIVE_REQUIRE_VULKAN=1.
     then "known" rows (hand-computed values pinning the contract's semantics, which a
     mistake shared by ref and cpu would pass) and bad-argument rows (a wrong call returns its
     status and message, the status is sticky, dive_ctx_clear_error clears it).
     Filters: -o <op|known|badarg>, -b cpu|vulkan (env DIVE_BACKEND acts as -b).
     The exit code is the verdict. */
#define DIVE_IMPLEMENTATION
#include "../dive.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#define TEST_UTIL_COUNTS_ONLY
#include "test_util.h"

/* ==================================================================== helpers */

enum { IN, STATE, DOUT, OUT, GIN, GACC }; /* slot roles */
#define MAXS 12
#define PREFILL_OUT 555.0f  /* outputs must be written everywhere */
#define PREFILL_GIN 777.0f  /* input gradients must be overwritten */
#define PREFILL_GACC 0.5f   /* weight gradients must be accumulated onto this */

typedef struct slot {
  const char *name;
  int role, ndim, shape[4], isint;
  int64_t n;       /* elements; 0 = absent (the op gets NULL) */
  int grad;        /* IN: its gradient slot, or -1 */
  int proj;        /* OUT: the DOUT slot that weighs it in the finite-difference loss, or -1 */
  float lo, hi;    /* fill range of IN / STATE / DOUT */
  int distinct;    /* IN: 1 = distinct values on a shuffled grid, so no ties or kinks lie
                      within the finite-difference step (relu, maxpool); -1 = values from
                      {-1, 0, 1}, full of ties */
} slot;

typedef struct tcase {
  const char *op;
  int N, C, H, W;    /* input (N,C,H,W); bn: H = 0 means a 2-d (N,C) input */
  int K, k, s, p, g; /* out channels/features, kernel, stride, pad, groups;
                        avgpool: K = 1 gives a (N,C,1,1) output */
  int bias;          /* conv, linear: with bias; bn: training mode */
  int grad;          /* finite-difference check of the ref backward */
  double tol;        /* tolerance of compare(); 0 = 1e-5 */
  const char *nulls; /* names of gradient slots passed as NULL, e.g. "din" */
  int kw;            /* conv kernel width when not square (0 = k) */
  int ties;          /* inputs from {-1, 0, 1}: many ties (maxpool's first-max rule) */
} tcase;

static int g_cpu_rows, g_vk_rows; /* rows printed by each backend's part */
static const char *g_cpu_label = "cpu"; /* "cpu-avx2" etc. while a narrower ISA is forced */
static int g_no_grad;                   /* set for those reruns: grad checks only the ref */

static void def(slot *s, const char *name, int role, int ndim, int d0, int d1, int d2, int d3) {
  int i;
  memset(s, 0, sizeof *s);
  s->name = name;
  s->role = role;
  s->ndim = ndim;
  s->shape[0] = d0; s->shape[1] = d1; s->shape[2] = d2; s->shape[3] = d3;
  s->n = 1;
  for (i = 0; i < ndim; i++) s->n *= s->shape[i] > 0 ? s->shape[i] : 0;
  for (i = ndim; i < 4; i++) s->shape[i] = 1;
  s->grad = s->proj = -1;
  s->lo = -1.0f;
  s->hi = 1.0f;
}

static void fill(dive_rng *r, const slot *s, float *x) {
  int64_t i;
  if (s->distinct < 0) {
    for (i = 0; i < s->n; i++) x[i] = (float)((int)(dive_rng_u32(r) % 3u) - 1);
    return;
  }
  if (s->distinct) { /* grid lo + (j + 0.75) * step, shuffled; never exactly 0 */
    double step = (s->hi - s->lo) / (double)s->n;
    for (i = 0; i < s->n; i++) x[i] = (float)(s->lo + ((double)i + 0.75) * step);
    for (i = s->n - 1; i > 0; i--) {
      int64_t j = (int64_t)(dive_rng_u32(r) % (uint32_t)(i + 1));
      float t = x[i]; x[i] = x[j]; x[j] = t;
    }
    return;
  }
  for (i = 0; i < s->n; i++) x[i] = s->lo + (s->hi - s->lo) * dive_rng_uniform(r);
}

/* the buffers of one run: inputs from init, outputs and gradients prefilled */
static void load(const slot *s, int ns, float **init, float **x) {
  int j;
  int64_t i;
  for (j = 0; j < ns; j++) {
    if (!s[j].n) continue;
    switch (s[j].role) {
    case IN: case STATE: case DOUT: memcpy(x[j], init[j], sizeof(float) * (size_t)s[j].n); break;
    case OUT:
      for (i = 0; i < s[j].n; i++)
        if (s[j].isint) ((int32_t *)x[j])[i] = -7;
        else x[j][i] = PREFILL_OUT;
      break;
    case GIN: for (i = 0; i < s[j].n; i++) x[j][i] = PREFILL_GIN; break;
    default: for (i = 0; i < s[j].n; i++) x[j][i] = PREFILL_GACC; break;
    }
  }
}

/* Compare every result slot of x against the oracle o. The rule, per float slot:
     max |x - o|  <=  tol * max(scale, FLOOR * case scale)
   where scale is the slot's max |o|, the case scale the largest max |o| over all the
   case's float result slots, and tol 1e-5 unless the case says otherwise. The error is
   relative to the slot's own magnitude, so an output of zeros (or of any constant)
   misses by about the whole scale and fails; no absolute threshold lets a small output
   through. The floor (1e-3 of the case scale) is for a slot far below the case's
   magnitude that comes out of a cancellation, and so is only as precise as the terms
   that cancelled: bn's din at N*H*W = 2 is 5e-6 of the case scale, from 1 - xhat^2 with
   xhat^2 = 1 - 1e-5 (that case holds tol 1e-4; its din is off by 2e-5 of the floor, an
   output of zeros by 5e-3). Every other case's worst slot is within 1e-6 of its own
   scale. Int slots (argmax) must match exactly. Outputs and gradients are prefilled
   (PREFILL_*), so an element left unwritten fails too. *rel gets the worst
   max |x - o| / max(scale, floor), *maxd the worst max |x - o|. */
#define FLOOR 1e-3
static int compare(const slot *s, int ns, float **o, float **x, double tol, double *rel,
                   double *maxd, char *why, size_t whylen) {
  int j, ok = 1;
  int64_t i;
  double cscale = 0.0;
  for (j = 0; j < ns; j++)
    if (s[j].n && !s[j].isint && s[j].role != IN && s[j].role != DOUT)
      for (i = 0; i < s[j].n; i++) cscale = fmax(cscale, fabs(o[j][i]));
  for (j = 0; j < ns; j++) {
    double md = 0.0, scale = 0.0, e;
    int zeros = 1;
    if (!s[j].n || s[j].role == IN || s[j].role == DOUT) continue;
    for (i = 0; i < s[j].n; i++) {
      double a = s[j].isint ? ((int32_t *)o[j])[i] : o[j][i];
      double b = s[j].isint ? ((int32_t *)x[j])[i] : x[j][i];
      double d = fabs(a - b);
      if (!(d <= md)) md = d; /* NaN sticks */
      scale = fmax(scale, fabs(a));
      zeros &= b == 0.0;
    }
    e = md / fmax(scale, fmax(FLOOR * cscale, 1e-30));
    if (!(e <= *rel)) *rel = e;
    if (!(md <= *maxd)) *maxd = md;
    if (!(s[j].isint ? md == 0.0 : e <= tol)) {
      if (ok) snprintf(why, whylen, "%s: maxrel=%.2e maxdiff=%.2e scale=%.2e%s", s[j].name, e, md, scale,
                       zeros ? " (all zeros)" : "");
      ok = 0;
    }
  }
  return ok;
}

static int same_bits(const slot *s, int ns, float **a, float **b) {
  int j;
  for (j = 0; j < ns; j++)
    if (s[j].n && s[j].role >= OUT && memcmp(a[j], b[j], sizeof(float) * (size_t)s[j].n)) return 0;
  return 1;
}

static void describe(const tcase *c, const char *fields, char *buf, size_t len) {
  size_t o = 0;
  const char *f;
  buf[0] = 0;
  for (f = fields; *f && o < len; f++) {
    int v = 0;
    const char *name = "";
    switch (*f) {
    case 'N': v = c->N; name = "N"; break;
    case 'C': v = c->C; name = "C"; break;
    case 'H': v = c->H; name = "H"; break;
    case 'W': v = c->W; name = "W"; break;
    case 'K': v = c->K; name = "K"; break;
    case 'k': v = c->k; name = "k"; break;
    case 's': v = c->s; name = "s"; break;
    case 'p': v = c->p; name = "p"; break;
    case 'g': v = c->g; name = "g"; break;
    case 'b': v = c->bias; name = "bias"; break;
    case 't': v = c->bias; name = "train"; break;
    case 'M': v = c->K; name = "M"; break;
    }
    o += (size_t)snprintf(buf + o, len - o, "%s%s=%d", o ? "," : "", name, v);
  }
  if (c->kw && o < len) o += (size_t)snprintf(buf + o, len - o, ",kw=%d", c->kw);
  if (c->nulls && o < len) o += (size_t)snprintf(buf + o, len - o, ",null=%s", c->nulls);
  if (c->ties && o < len) snprintf(buf + o, len - o, ",ties");
}

static void report(const char *op, const char *desc, const char *backend, int ok, const char *fmt,
                   ...) DIVE__PRINTF(5, 6);
static void report(const char *op, const char *desc, const char *backend, int ok, const char *fmt,
                   ...) {
  va_list ap;
  printf("%-9s %-44s %-7s %s  ", op, desc, backend, ok ? "OK  " : "FAIL");
  va_start(ap, fmt);
  vprintf(fmt, ap);
  va_end(ap);
  printf("\n");
  if (ok) g_pass++;
  else g_fail++;
  if (!strcmp(backend, "vulkan")) g_vk_rows++;
  else if (strcmp(backend, "none")) g_cpu_rows++;
}

/* ============================================================ ops and cases */

typedef struct opdef {
  const char *name;
  const char *fields; /* the case fields the op's lines print */
  int (*layout)(const tcase *c, slot *s);
  void (*kern)(int cpu, const tcase *c, float **x, int fwd_only); /* cpu=0: ref kernels */
  dive_status (*pub)(dive_ctx *ctx, const tcase *c, dive_tensor **t);
} opdef;

/* --- conv2d --- */
static dive__conv_p conv_p(const tcase *c) {
  dive__conv_p p;
  p.N = c->N; p.C = c->C; p.H = c->H; p.W = c->W; p.K = c->K;
  p.R = c->k; p.S = c->kw ? c->kw : c->k;
  p.stride = c->s; p.pad = c->p; p.groups = c->g;
  p.P = (p.H + 2 * p.pad - p.R) / p.stride + 1;
  p.Q = (p.W + 2 * p.pad - p.S) / p.stride + 1;
  return p;
}
static int conv_layout(const tcase *c, slot *s) {
  dive__conv_p p = conv_p(c);
  def(&s[0], "in", IN, 4, p.N, p.C, p.H, p.W); s[0].grad = 5;
  def(&s[1], "w", IN, 4, p.K, p.C / p.groups, p.R, p.S); s[1].grad = 6;
  def(&s[2], "b", IN, 1, c->bias ? p.K : 0, 0, 0, 0); s[2].grad = 7;
  def(&s[3], "out", OUT, 4, p.N, p.K, p.P, p.Q); s[3].proj = 4;
  def(&s[4], "dout", DOUT, 4, p.N, p.K, p.P, p.Q);
  def(&s[5], "din", GIN, 4, p.N, p.C, p.H, p.W);
  def(&s[6], "dw", GACC, 4, p.K, p.C / p.groups, p.R, p.S);
  def(&s[7], "db", GACC, 1, c->bias ? p.K : 0, 0, 0, 0);
  return 8;
}
static void conv_kern(int cpu, const tcase *c, float **x, int fwd_only) {
  dive__conv_p p = conv_p(c);
  (cpu ? dive__cpu_conv2d_fwd : dive__ref_conv2d_fwd)(&p, x[3], x[0], x[1], x[2]);
  if (!fwd_only) (cpu ? dive__cpu_conv2d_bwd : dive__ref_conv2d_bwd)(&p, x[5], x[6], x[7], x[4], x[0], x[1]);
}
static dive_status conv_pub(dive_ctx *ctx, const tcase *c, dive_tensor **t) {
  dive_status s = dive_conv2d_forward(ctx, t[3], t[0], t[1], t[2], c->s, c->p, c->g);
  return s ? s : dive_conv2d_backward(ctx, t[5], t[6], t[7], t[4], t[0], t[1], c->s, c->p, c->g);
}

/* --- batchnorm (momentum 0.1, eps 1e-5) --- */
static dive__bn_p bn_p(const tcase *c) {
  dive__bn_p p;
  p.N = c->N; p.C = c->C; p.HW = c->H ? c->H * c->W : 1;
  p.training = c->bias; p.momentum = 0.1f; p.eps = 1e-5f;
  return p;
}
static int bn_layout(const tcase *c, slot *s) {
  int nd = c->H ? 4 : 2;
  def(&s[0], "in", IN, nd, c->N, c->C, c->H, c->W); s[0].grad = 9;
  def(&s[1], "gamma", IN, 1, c->C, 0, 0, 0); s[1].grad = 10;
  def(&s[2], "beta", IN, 1, c->C, 0, 0, 0); s[2].grad = 11;
  def(&s[3], "running_mean", STATE, 1, c->C, 0, 0, 0);
  def(&s[4], "running_var", STATE, 1, c->C, 0, 0, 0); s[4].lo = 0.5f; s[4].hi = 1.5f;
  def(&s[5], "out", OUT, nd, c->N, c->C, c->H, c->W); s[5].proj = 8;
  def(&s[6], "mean", OUT, 1, c->C, 0, 0, 0);
  def(&s[7], "rstd", OUT, 1, c->C, 0, 0, 0);
  def(&s[8], "dout", DOUT, nd, c->N, c->C, c->H, c->W);
  def(&s[9], "din", GIN, nd, c->N, c->C, c->H, c->W);
  def(&s[10], "dgamma", GACC, 1, c->C, 0, 0, 0);
  def(&s[11], "dbeta", GACC, 1, c->C, 0, 0, 0);
  return 12;
}
static void bn_kern(int cpu, const tcase *c, float **x, int fwd_only) {
  dive__bn_p p = bn_p(c);
  (cpu ? dive__cpu_bn_fwd : dive__ref_bn_fwd)(&p, x[5], x[6], x[7], x[0], x[1], x[2], x[3], x[4]);
  if (!fwd_only)
    (cpu ? dive__cpu_bn_bwd : dive__ref_bn_bwd)(&p, x[9], x[10], x[11], x[8], x[0], x[6], x[7], x[1]);
}
static dive_status bn_pub(dive_ctx *ctx, const tcase *c, dive_tensor **t) {
  dive_status s = dive_batchnorm_forward(ctx, t[5], t[6], t[7], t[0], t[1], t[2], t[3], t[4],
                                         c->bias, 0.1f, 1e-5f);
  return s ? s : dive_batchnorm_backward(ctx, t[9], t[10], t[11], t[8], t[0], t[6], t[7], t[1]);
}

/* --- relu --- */
static int relu_layout(const tcase *c, slot *s) {
  def(&s[0], "in", IN, 4, c->N, c->C, c->H, c->W); s[0].grad = 3; s[0].distinct = 1;
  def(&s[1], "out", OUT, 4, c->N, c->C, c->H, c->W); s[1].proj = 2;
  def(&s[2], "dout", DOUT, 4, c->N, c->C, c->H, c->W);
  def(&s[3], "din", GIN, 4, c->N, c->C, c->H, c->W);
  return 4;
}
static void relu_kern(int cpu, const tcase *c, float **x, int fwd_only) {
  int64_t n = (int64_t)c->N * c->C * c->H * c->W;
  (cpu ? dive__cpu_relu_fwd : dive__ref_relu_fwd)(n, x[1], x[0]);
  if (!fwd_only) (cpu ? dive__cpu_relu_bwd : dive__ref_relu_bwd)(n, x[3], x[2], x[1]);
}
static dive_status relu_pub(dive_ctx *ctx, const tcase *c, dive_tensor **t) {
  dive_status s = dive_relu_forward(ctx, t[1], t[0]);
  (void)c;
  return s ? s : dive_relu_backward(ctx, t[3], t[2], t[1]);
}

/* --- add --- */
static int add_layout(const tcase *c, slot *s) {
  def(&s[0], "a", IN, 4, c->N, c->C, c->H, c->W); s[0].grad = 4;
  def(&s[1], "b", IN, 4, c->N, c->C, c->H, c->W); s[1].grad = 5;
  def(&s[2], "out", OUT, 4, c->N, c->C, c->H, c->W); s[2].proj = 3;
  def(&s[3], "dout", DOUT, 4, c->N, c->C, c->H, c->W);
  def(&s[4], "da", GIN, 4, c->N, c->C, c->H, c->W);
  def(&s[5], "db", GIN, 4, c->N, c->C, c->H, c->W);
  return 6;
}
static void add_kern(int cpu, const tcase *c, float **x, int fwd_only) {
  int64_t n = (int64_t)c->N * c->C * c->H * c->W;
  (cpu ? dive__cpu_add_fwd : dive__ref_add_fwd)(n, x[2], x[0], x[1]);
  if (!fwd_only) (cpu ? dive__cpu_add_bwd : dive__ref_add_bwd)(n, x[4], x[5], x[3]);
}
static dive_status add_pub(dive_ctx *ctx, const tcase *c, dive_tensor **t) {
  dive_status s = dive_add_forward(ctx, t[2], t[0], t[1]);
  (void)c;
  return s ? s : dive_add_backward(ctx, t[4], t[5], t[3]);
}

/* --- option-A shortcut --- */
static dive__sc_p sc_p(const tcase *c) {
  dive__sc_p p;
  p.N = c->N; p.C = c->C; p.H = c->H; p.W = c->W; p.K = c->K; p.stride = c->s;
  p.P = (c->H - 1) / c->s + 1;
  p.Q = (c->W - 1) / c->s + 1;
  return p;
}
static int sc_layout(const tcase *c, slot *s) {
  dive__sc_p p = sc_p(c);
  def(&s[0], "in", IN, 4, p.N, p.C, p.H, p.W); s[0].grad = 3;
  def(&s[1], "out", OUT, 4, p.N, p.K, p.P, p.Q); s[1].proj = 2;
  def(&s[2], "dout", DOUT, 4, p.N, p.K, p.P, p.Q);
  def(&s[3], "din", GIN, 4, p.N, p.C, p.H, p.W);
  return 4;
}
static void sc_kern(int cpu, const tcase *c, float **x, int fwd_only) {
  dive__sc_p p = sc_p(c);
  (cpu ? dive__cpu_shortcut_fwd : dive__ref_shortcut_fwd)(&p, x[1], x[0]);
  if (!fwd_only) (cpu ? dive__cpu_shortcut_bwd : dive__ref_shortcut_bwd)(&p, x[3], x[2]);
}
static dive_status sc_pub(dive_ctx *ctx, const tcase *c, dive_tensor **t) {
  dive_status s = dive_shortcut_forward(ctx, t[1], t[0], c->s);
  return s ? s : dive_shortcut_backward(ctx, t[3], t[2], c->s);
}

/* --- maxpool --- */
static dive__pool_p mp_p(const tcase *c) {
  dive__pool_p p;
  p.N = c->N; p.C = c->C; p.H = c->H; p.W = c->W; p.k = c->k; p.stride = c->s; p.pad = c->p;
  p.P = (c->H + 2 * c->p - c->k) / c->s + 1;
  p.Q = (c->W + 2 * c->p - c->k) / c->s + 1;
  return p;
}
static int mp_layout(const tcase *c, slot *s) {
  dive__pool_p p = mp_p(c);
  def(&s[0], "in", IN, 4, p.N, p.C, p.H, p.W); s[0].grad = 4; s[0].distinct = c->ties ? -1 : 1;
  def(&s[1], "out", OUT, 4, p.N, p.C, p.P, p.Q); s[1].proj = 3;
  def(&s[2], "argmax", OUT, 4, p.N, p.C, p.P, p.Q); s[2].isint = 1;
  def(&s[3], "dout", DOUT, 4, p.N, p.C, p.P, p.Q);
  def(&s[4], "din", GIN, 4, p.N, p.C, p.H, p.W);
  return 5;
}
static void mp_kern(int cpu, const tcase *c, float **x, int fwd_only) {
  dive__pool_p p = mp_p(c);
  (cpu ? dive__cpu_maxpool_fwd : dive__ref_maxpool_fwd)(&p, x[1], (int32_t *)x[2], x[0]);
  if (!fwd_only)
    (cpu ? dive__cpu_maxpool_bwd : dive__ref_maxpool_bwd)(&p, x[4], x[3], (const int32_t *)x[2]);
}
static dive_status mp_pub(dive_ctx *ctx, const tcase *c, dive_tensor **t) {
  dive_status s = dive_maxpool_forward(ctx, t[1], t[2], t[0], c->k, c->s, c->p);
  return s ? s : dive_maxpool_backward(ctx, t[4], t[3], t[2]);
}

/* --- global average pool --- */
static int avg_layout(const tcase *c, slot *s) {
  int nd = c->K == 1 ? 4 : 2;
  def(&s[0], "in", IN, 4, c->N, c->C, c->H, c->W); s[0].grad = 3;
  def(&s[1], "out", OUT, nd, c->N, c->C, 1, 1); s[1].proj = 2;
  def(&s[2], "dout", DOUT, nd, c->N, c->C, 1, 1);
  def(&s[3], "din", GIN, 4, c->N, c->C, c->H, c->W);
  return 4;
}
static void avg_kern(int cpu, const tcase *c, float **x, int fwd_only) {
  (cpu ? dive__cpu_avgpool_fwd : dive__ref_avgpool_fwd)(c->N, c->C, c->H * c->W, x[1], x[0]);
  if (!fwd_only) (cpu ? dive__cpu_avgpool_bwd : dive__ref_avgpool_bwd)(c->N, c->C, c->H * c->W, x[3], x[2]);
}
static dive_status avg_pub(dive_ctx *ctx, const tcase *c, dive_tensor **t) {
  dive_status s = dive_avgpool_forward(ctx, t[1], t[0]);
  (void)c;
  return s ? s : dive_avgpool_backward(ctx, t[3], t[2]);
}

/* --- linear: in (N,C), w (K,C) --- */
static int lin_layout(const tcase *c, slot *s) {
  def(&s[0], "in", IN, 2, c->N, c->C, 0, 0); s[0].grad = 5;
  def(&s[1], "w", IN, 2, c->K, c->C, 0, 0); s[1].grad = 6;
  def(&s[2], "b", IN, 1, c->bias ? c->K : 0, 0, 0, 0); s[2].grad = 7;
  def(&s[3], "out", OUT, 2, c->N, c->K, 0, 0); s[3].proj = 4;
  def(&s[4], "dout", DOUT, 2, c->N, c->K, 0, 0);
  def(&s[5], "din", GIN, 2, c->N, c->C, 0, 0);
  def(&s[6], "dw", GACC, 2, c->K, c->C, 0, 0);
  def(&s[7], "db", GACC, 1, c->bias ? c->K : 0, 0, 0, 0);
  return 8;
}
static void lin_kern(int cpu, const tcase *c, float **x, int fwd_only) {
  dive__lin_p p;
  p.N = c->N; p.K = c->C; p.M = c->K;
  (cpu ? dive__cpu_linear_fwd : dive__ref_linear_fwd)(&p, x[3], x[0], x[1], x[2]);
  if (!fwd_only) (cpu ? dive__cpu_linear_bwd : dive__ref_linear_bwd)(&p, x[5], x[6], x[7], x[4], x[0], x[1]);
}
static dive_status lin_pub(dive_ctx *ctx, const tcase *c, dive_tensor **t) {
  dive_status s = dive_linear_forward(ctx, t[3], t[0], t[1], t[2]);
  (void)c;
  return s ? s : dive_linear_backward(ctx, t[5], t[6], t[7], t[4], t[0], t[1]);
}

static const opdef ops[] = {
  {"conv2d", "NCHWKkspgb", conv_layout, conv_kern, conv_pub},
  {"batchnorm", "NCHWt", bn_layout, bn_kern, bn_pub},
  {"relu", "NCHW", relu_layout, relu_kern, relu_pub},
  {"add", "NCHW", add_layout, add_kern, add_pub},
  {"shortcut", "NCHWKs", sc_layout, sc_kern, sc_pub},
  {"maxpool", "NCHWksp", mp_layout, mp_kern, mp_pub},
  {"avgpool", "NCHWK", avg_layout, avg_kern, avg_pub},
  {"linear", "NCMb", lin_layout, lin_kern, lin_pub},
};

/* op, N, C, H, W, K, k, s, p, g, bias|train, grad, tol, nulls, kw, ties */
static const tcase cases[] = {
  {"conv2d", 2, 3, 7, 7, 4, 3, 2, 1, 1, 1, 1, 0, NULL, 0, 0},
  {"conv2d", 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 0, NULL, 0, 0},
  {"conv2d", 1, 1, 1, 1, 1, 3, 1, 1, 1, 1, 1, 0, NULL, 0, 0},
  {"conv2d", 2, 4, 5, 6, 6, 3, 1, 1, 2, 1, 1, 0, NULL, 0, 0},
  {"conv2d", 2, 4, 6, 5, 4, 3, 1, 1, 4, 0, 1, 0, NULL, 0, 0},  /* depthwise */
  {"conv2d", 1, 8, 9, 9, 8, 3, 2, 1, 4, 1, 1, 0, NULL, 0, 0},
  {"conv2d", 2, 3, 8, 8, 5, 5, 1, 2, 1, 1, 1, 0, NULL, 0, 0},
  {"conv2d", 1, 2, 11, 9, 3, 7, 2, 3, 1, 1, 1, 0, NULL, 0, 0},
  {"conv2d", 2, 6, 7, 7, 4, 1, 1, 0, 1, 1, 1, 0, NULL, 0, 0},  /* 1x1: no im2col */
  {"conv2d", 2, 6, 7, 7, 4, 1, 2, 0, 2, 0, 1, 0, NULL, 0, 0},
  {"conv2d", 2, 3, 3, 7, 4, 3, 1, 0, 1, 1, 1, 0, NULL, 0, 0},
  {"conv2d", 2, 2, 4, 4, 3, 3, 3, 2, 1, 1, 1, 0, NULL, 0, 0},
  {"conv2d", 1, 3, 6, 8, 2, 1, 1, 0, 1, 1, 1, 0, NULL, 3, 0},  /* 1x3 kernel */
  {"conv2d", 2, 3, 7, 7, 4, 3, 1, 1, 1, 1, 1, 0, "din", 0, 0},
  {"conv2d", 2, 3, 7, 7, 4, 3, 1, 1, 1, 1, 1, 0, "dw db", 0, 0},
  {"conv2d", 1, 3, 33, 33, 4, 3, 1, 1, 1, 1, 1, 0, NULL, 0, 0},
  {"conv2d", 4, 16, 16, 16, 16, 3, 1, 1, 1, 0, 1, 0, NULL, 0, 0},
  {"conv2d", 3, 16, 16, 16, 32, 3, 2, 1, 1, 0, 1, 0, NULL, 0, 0},
  {"conv2d", 2, 32, 8, 8, 64, 3, 2, 1, 1, 0, 0, 0, NULL, 0, 0},
  {"conv2d", 1, 40, 20, 27, 66, 3, 1, 1, 1, 1, 1, 0, NULL, 0, 0}, /* crosses the GEMM blocks */
  /* Winograd F(4x4): H, W, C and K off its 4x4 tiles and the 8-row panels; 7x7 images of 4
     tiles in chunks (128 channels and more) */
  {"conv2d", 3, 13, 9, 13, 11, 3, 1, 1, 1, 1, 0, 0, NULL, 0, 0},
  {"conv2d", 5, 128, 7, 7, 136, 3, 1, 1, 1, 0, 0, 0, NULL, 0, 0},
  /* Winograd backward-weights: odd H and W (tiles past the image), C and K off the NT
     kernel's 4 x 6 tiles, one image and three, dw alone */
  {"conv2d", 1, 5, 11, 9, 7, 3, 1, 1, 1, 1, 0, 0, NULL, 0, 0},
  {"conv2d", 3, 9, 5, 15, 3, 3, 1, 1, 1, 0, 0, 0, "din", 0, 0},
  {"conv2d", 3, 2, 3, 1, 17, 3, 1, 1, 1, 0, 0, 0, NULL, 0, 0},
  {"conv2d", 1, 300, 24, 24, 70, 1, 1, 0, 1, 0, 0, 0, NULL, 0, 0},
  /* 1x1 as a plain GEMM on the image in place: H*W % 16 tails, K % 8 rows, H*W < 16,
     x read in place by the weight gradient (H*W % 16 == 0), groups */
  {"conv2d", 2, 32, 14, 14, 24, 1, 1, 0, 1, 1, 1, 0, NULL, 0, 0},
  {"conv2d", 3, 16, 16, 16, 8, 1, 1, 0, 1, 0, 1, 0, NULL, 0, 0},
  {"conv2d", 2, 8, 3, 5, 16, 1, 1, 0, 1, 1, 1, 0, NULL, 0, 0},
  {"conv2d", 2, 64, 8, 8, 40, 1, 1, 0, 4, 0, 1, 0, NULL, 0, 0},
  {"conv2d", 2, 24, 7, 7, 64, 1, 1, 0, 1, 0, 1, 0, "din", 0, 0},
  /* ... 8 x 48 panels: 48 + 32 columns, 136 channels (two blocks of B rows), K % 8 rows */
  {"conv2d", 2, 136, 8, 10, 12, 1, 1, 0, 1, 1, 0, 0, NULL, 0, 0},
  /* grouped 3x3 with 4 output channels per group (ResNeXt's first stage): the 4-row kernel */
  {"conv2d", 2, 16, 12, 12, 16, 3, 1, 1, 4, 1, 1, 0, NULL, 0, 0},
  {"conv2d", 2, 32, 16, 16, 32, 3, 2, 1, 8, 0, 1, 0, NULL, 0, 0},
  {"conv2d", 1, 12, 10, 10, 12, 3, 1, 1, 3, 0, 1, 0, NULL, 0, 0},
  /* backward-weights in blocks of dout rows: a 64x64 output splits 40 channels in two */
  {"conv2d", 1, 3, 128, 128, 40, 3, 2, 1, 1, 0, 0, 0, NULL, 0, 0},
  /* strided, in chunks of images: the im2col a block of channels at a time (28 + 28 + 5
     channels of 3x3, 10 + 10 + 3 of 5x5), odd sizes, a zero column tail, K not a multiple of 8 */
  {"conv2d", 3, 61, 15, 13, 20, 3, 2, 1, 1, 1, 0, 0, NULL, 0, 0},
  {"conv2d", 2, 23, 11, 14, 9, 5, 2, 2, 1, 0, 0, 0, NULL, 0, 0},
  {"batchnorm", 2, 3, 5, 7, 0, 0, 0, 0, 0, 1, 1, 0, NULL, 0, 0},
  {"batchnorm", 4, 16, 8, 8, 0, 0, 0, 0, 0, 1, 1, 0, NULL, 0, 0},
  {"batchnorm", 1, 1, 1, 2, 0, 0, 0, 0, 0, 1, 1, 1e-4, NULL, 0, 0}, /* din: compare()'s floor */
  {"batchnorm", 8, 5, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, NULL, 0, 0},  /* (N,C) */
  {"batchnorm", 3, 4, 1, 1, 0, 0, 0, 0, 0, 1, 1, 0, NULL, 0, 0},
  {"batchnorm", 2, 3, 5, 7, 0, 0, 0, 0, 0, 0, 0, 0, NULL, 0, 0},  /* eval */
  {"batchnorm", 4, 16, 33, 1, 0, 0, 0, 0, 0, 1, 1, 0, NULL, 0, 0},
  {"batchnorm", 2, 3, 5, 7, 0, 0, 0, 0, 0, 1, 1, 0, "din", 0, 0},
  {"batchnorm", 2, 3, 5, 7, 0, 0, 0, 0, 0, 1, 1, 0, "dgamma dbeta", 0, 0},
  {"relu", 2, 3, 7, 7, 0, 0, 0, 0, 0, 0, 1, 0, NULL, 0, 0},
  {"relu", 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 0, NULL, 0, 0},
  {"relu", 3, 5, 33, 1, 0, 0, 0, 0, 0, 0, 1, 0, NULL, 0, 0},
  {"add", 2, 3, 7, 7, 0, 0, 0, 0, 0, 0, 1, 0, NULL, 0, 0},
  {"add", 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 0, NULL, 0, 0},
  {"add", 3, 5, 33, 1, 0, 0, 0, 0, 0, 0, 1, 0, "db", 0, 0},
  {"shortcut", 2, 3, 8, 8, 6, 0, 2, 0, 0, 0, 1, 0, NULL, 0, 0},
  {"shortcut", 2, 3, 7, 7, 7, 0, 2, 0, 0, 0, 1, 0, NULL, 0, 0},
  {"shortcut", 2, 4, 5, 5, 4, 0, 1, 0, 0, 0, 1, 0, NULL, 0, 0},  /* identity */
  {"shortcut", 1, 2, 9, 9, 4, 0, 3, 0, 0, 0, 1, 0, NULL, 0, 0},
  {"shortcut", 4, 16, 32, 32, 32, 0, 2, 0, 0, 0, 1, 0, NULL, 0, 0},
  {"maxpool", 2, 3, 7, 7, 0, 3, 2, 1, 0, 0, 1, 0, NULL, 0, 0},
  {"maxpool", 1, 2, 8, 8, 0, 2, 2, 0, 0, 0, 1, 0, NULL, 0, 0},
  {"maxpool", 2, 2, 5, 9, 0, 3, 1, 1, 0, 0, 1, 0, NULL, 0, 0},
  {"maxpool", 1, 1, 1, 1, 0, 1, 1, 0, 0, 0, 1, 0, NULL, 0, 0},
  {"maxpool", 2, 3, 33, 33, 0, 3, 2, 1, 0, 0, 1, 0, NULL, 0, 0},
  {"maxpool", 2, 3, 9, 9, 0, 3, 2, 1, 0, 0, 0, 0, NULL, 0, 1}, /* ties: no grad check */
  {"maxpool", 2, 3, 40, 37, 0, 3, 2, 1, 0, 0, 1, 0, NULL, 0, 0},  /* 3x3/2 (stem): vector rows */
  {"maxpool", 1, 2, 70, 70, 0, 3, 2, 1, 0, 0, 0, 0, NULL, 0, 1},  /* ... with ties */
  {"maxpool", 1, 2, 36, 68, 0, 3, 2, 1, 0, 0, 1, 0, NULL, 0, 0},
  {"avgpool", 2, 3, 7, 7, 0, 0, 0, 0, 0, 0, 1, 0, NULL, 0, 0},
  {"avgpool", 4, 16, 8, 8, 1, 0, 0, 0, 0, 0, 1, 0, NULL, 0, 0},  /* (N,C,1,1) out */
  {"avgpool", 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1, 0, NULL, 0, 0},
  {"avgpool", 2, 5, 33, 3, 0, 0, 0, 0, 0, 0, 1, 0, NULL, 0, 0},
  {"linear", 2, 3, 0, 0, 4, 0, 0, 0, 0, 1, 1, 0, NULL, 0, 0},
  {"linear", 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, NULL, 0, 0},
  {"linear", 7, 64, 0, 0, 10, 0, 0, 0, 0, 1, 1, 0, NULL, 0, 0},
  {"linear", 128, 64, 0, 0, 10, 0, 0, 0, 0, 1, 1, 0, NULL, 0, 0},
  {"linear", 33, 300, 0, 0, 70, 0, 0, 0, 0, 0, 1, 0, NULL, 0, 0}, /* crosses the GEMM blocks */
  {"linear", 5, 7, 0, 0, 3, 0, 0, 0, 0, 1, 1, 0, "din", 0, 0},
  /* the ResNet-32 (CIFAR) shapes at batch 2: stem, the three stages, both downsamples */
  {"conv2d", 2, 3, 32, 32, 16, 3, 1, 1, 1, 0, 0, 0, NULL, 0, 0},
  {"conv2d", 2, 16, 32, 32, 16, 3, 1, 1, 1, 0, 0, 0, NULL, 0, 0},
  {"conv2d", 2, 16, 32, 32, 32, 3, 2, 1, 1, 0, 0, 0, NULL, 0, 0},
  {"conv2d", 2, 32, 16, 16, 32, 3, 1, 1, 1, 0, 0, 0, NULL, 0, 0},
  {"conv2d", 2, 32, 16, 16, 64, 3, 2, 1, 1, 0, 0, 0, NULL, 0, 0},
  {"conv2d", 2, 64, 8, 8, 64, 3, 1, 1, 1, 0, 0, 0, NULL, 0, 0},
  {"batchnorm", 2, 16, 32, 32, 0, 0, 0, 0, 0, 1, 0, 0, NULL, 0, 0},
  /* "same" padding, PQ % 16 == 0, Kg % 8 == 0: the GEMM writes the output tensor itself */
  {"conv2d", 2, 8, 8, 8, 16, 3, 1, 1, 1, 1, 1, 0, NULL, 0, 0},
  {"conv2d", 2, 8, 4, 8, 16, 3, 1, 1, 2, 1, 1, 0, NULL, 0, 0},
  {"conv2d", 1, 4, 8, 8, 8, 5, 1, 2, 1, 1, 1, 0, NULL, 0, 0},
  {"conv2d", 3, 8, 4, 4, 8, 3, 1, 1, 1, 0, 1, 0, "din", 0, 0},
  /* ImageNet-style shapes (the Vulkan implicit GEMMs' tiles, stride phases, groups) */
  {"conv2d", 2, 3, 29, 29, 16, 7, 2, 3, 1, 0, 0, 0, NULL, 0, 0},  /* the 7x7/2 stem */
  {"conv2d", 2, 128, 7, 7, 128, 3, 1, 1, 32, 0, 0, 0, NULL, 0, 0}, /* ResNeXt 32x4d */
  {"conv2d", 2, 128, 8, 8, 128, 3, 2, 1, 32, 0, 0, 0, NULL, 0, 0}, /* ... strided */
  {"conv2d", 2, 64, 9, 9, 130, 1, 2, 0, 1, 1, 0, 0, NULL, 0, 0},   /* 1x1/2 downsample */
  {"conv2d", 2, 72, 7, 7, 40, 1, 1, 0, 1, 0, 0, 0, NULL, 0, 0},    /* 1x1 reduce */
  /* shapes of backward-weights as NN GEMMs (dive__dwnn_chunk): the late stages' 3x3 (odd
     sizes, K % 8 != 0), 1x1 with more pixels than a GEMM block, strided 1x1 with a 16-wide
     column tail, 5 images on 2 parts (chunks of unequal size) */
  {"conv2d", 2, 128, 7, 7, 24, 3, 1, 1, 1, 0, 0, 0, NULL, 0, 0},
  {"conv2d", 3, 128, 9, 9, 36, 3, 2, 1, 1, 1, 0, 0, NULL, 0, 0},
  {"conv2d", 2, 64, 24, 24, 32, 1, 1, 0, 1, 0, 0, 0, NULL, 0, 0},
  {"conv2d", 4, 64, 24, 24, 16, 1, 1, 0, 1, 0, 0, 0, "din", 0, 0}, /* 2 chunks a part on 2 threads */
  {"conv2d", 2, 144, 14, 14, 20, 1, 2, 0, 1, 0, 0, 0, NULL, 0, 0},
  {"conv2d", 5, 128, 7, 7, 64, 1, 1, 0, 1, 0, 0, 0, "din", 0, 0},
  /* 1x1 with 128+ channels in and out onto more than 14x14 pixels (by the rule since the
     28x28 / 56x56 stages moved there): 289 pixels an image, K % 8 != 0 */
  {"conv2d", 2, 128, 17, 17, 132, 1, 1, 0, 1, 0, 0, 0, NULL, 0, 0},
  /* the chunks' blocked GEMM with the weights' rows outer (dive__gbmo_rows): 266 rows (two
     row blocks, the last one short, K % 8 != 0) over 136 deep (two K blocks); backward-data
     136 rows over 266 */
  {"conv2d", 1, 136, 6, 6, 266, 1, 1, 0, 1, 1, 0, 0, NULL, 0, 0},
  /* shapes of the forward and backward-data in chunks of images (dive__fwdb_pick): Winograd
     at 7x7 (16 tiles an image) and 5x5, 1x1 onto 7x7 (K % 8 != 0, a 16-column tail), strided 1x1
     onto 7x7 (im2col and col2im) */
  {"conv2d", 3, 128, 7, 7, 128, 3, 1, 1, 1, 1, 0, 0, NULL, 0, 0},
  {"conv2d", 3, 128, 5, 5, 128, 3, 1, 1, 1, 0, 0, 0, NULL, 0, 0}, /* 9 tiles an image */
  {"conv2d", 3, 144, 7, 7, 132, 1, 1, 0, 1, 1, 0, 0, NULL, 0, 0},
  {"conv2d", 3, 128, 13, 13, 128, 1, 2, 0, 1, 0, 0, 0, NULL, 0, 0},
  /* the strided convs' col matrix in blocks of 24 channels (dive__gb_col2im): 52 channels
     make blocks of 24, 24, 4 (a last block of 36 rows, not a multiple of 8), 136 channels of
     dout cross the GEMM's 128-row K block by 8; a 5x5/2 makes blocks of 8 channels */
  {"conv2d", 2, 52, 9, 10, 136, 3, 2, 1, 1, 0, 0, 0, NULL, 0, 0},
  {"conv2d", 2, 19, 9, 9, 20, 5, 2, 2, 1, 0, 0, 0, "dw db", 0, 0},
  /* shapes of the col matrix in blocks of output rows (dive__colblk_rows, forced with small
     blocks): a 7x7/2 stem onto 15x16 (a shorter last block), a 3x3/3 (the im2col's generic
     stride), a 3x3/2 whose 28 columns a row make 16-column blocks of 4 rows */
  {"conv2d", 2, 3, 30, 32, 16, 7, 2, 3, 1, 1, 0, 0, "din", 0, 0},
  {"conv2d", 2, 4, 48, 48, 8, 3, 3, 1, 1, 0, 0, 0, NULL, 0, 0},
  {"conv2d", 3, 5, 56, 56, 24, 3, 2, 1, 1, 1, 0, 0, NULL, 0, 0},
  /* the blocked GEMM's 8 x 48 tile: 130 channels cross its 128-row K block by 2, 8x10 = 80
     columns are one 48-column panel and a 32 tail, 20 output rows one 8-row tail (last, so
     that the rows above keep their seeds) */
  {"conv2d", 1, 130, 8, 10, 20, 1, 1, 0, 1, 1, 1, 0, NULL, 0, 0},
  /* the 1x1 chunks' row blocks scattered as each is done (dive__gbsc_mode): 529 rows (blocks
     of 256, 256, 17: a last one not a multiple of 8) over 131 deep (two K blocks), with the
     bias; 3 images of 7x7 = 147 columns (three 48-column panels and a 16 tail); backward-data
     131 rows over 529 (one short block, with the copies whole) */
  {"conv2d", 3, 131, 7, 7, 529, 1, 1, 0, 1, 1, 0, 0, NULL, 0, 0},
  /* the 1x1/2 col2im with streaming stores (dive__s2put_nt_avx512): 67x65 planes (4355
     floats: tiles of 62 and 5 rows, each plane 3 floats further off the 64-byte boundary,
     odd output rows and columns) (last, so that the rows above keep their seeds) */
  {"conv2d", 2, 6, 67, 65, 12, 1, 2, 0, 1, 1, 0, 0, NULL, 0, 0},
};

/* finite-difference loss: sum over projected outputs of out * dout, ref forward */
static double fd_loss(const opdef *op, const tcase *c, const slot *s, int ns, float **x) {
  double L = 0.0;
  int j;
  int64_t i;
  op->kern(0, c, x, 1);
  for (j = 0; j < ns; j++)
    if (s[j].role == OUT && s[j].proj >= 0 && s[j].n)
      for (i = 0; i < s[j].n; i++) L += (double)x[j][i] * x[s[j].proj][i];
  return L;
}

/* d loss / d input by central differences at (up to) 40 coordinates per input, against
   the ref backward in `o` (minus the gradient prefill). Worst error relative to the
   largest analytic gradient of the same input. */
static int grad_check(const opdef *op, const tcase *c, const slot *s, int ns, float **init,
                      float **o, float **x, double *worst, int *coords) {
  dive_rng r;
  int j, ok = 1;
  dive_rng_seed(&r, 99);
  load(s, ns, init, x);
  for (j = 0; j < ns; j++) {
    const slot *g;
    double scale = 0.0, maxerr = 0.0, eps, pre;
    int64_t i, m, cnt;
    if (s[j].role != IN || !s[j].n || s[j].grad < 0 || !s[s[j].grad].n) continue;
    g = &s[s[j].grad];
    pre = g->role == GACC ? PREFILL_GACC : 0.0;
    eps = s[j].distinct ? 0.2 * (s[j].hi - s[j].lo) / (double)s[j].n : 1e-2;
    for (i = 0; i < g->n; i++) scale = fmax(scale, fabs(o[s[j].grad][i] - pre));
    cnt = s[j].n <= 40 ? s[j].n : 40;
    for (m = 0; m < cnt; m++) {
      /* all coordinates when few; else the two ends and random ones */
      int64_t k = s[j].n <= 40 ? m : m == 0 ? 0 : m == 1 ? s[j].n - 1
                                   : (int64_t)(dive_rng_u32(&r) % (uint32_t)s[j].n);
      float x0 = x[j][k], xp, xm;
      double Lp, Lm, fd, an;
      x[j][k] = (float)(x0 + eps); xp = x[j][k];
      Lp = fd_loss(op, c, s, ns, x);
      x[j][k] = (float)(x0 - eps); xm = x[j][k];
      Lm = fd_loss(op, c, s, ns, x);
      x[j][k] = x0;
      fd = (Lp - Lm) / ((double)xp - (double)xm); /* the step actually taken in float */
      an = o[s[j].grad][k] - pre;
      maxerr = fmax(maxerr, fabs(fd - an));
      (*coords)++;
    }
    maxerr /= scale > 1e-3 ? scale : 1e-3;
    if (!(maxerr <= *worst)) *worst = maxerr;
    if (!(maxerr <= 2e-3)) ok = 0;
  }
  return ok;
}

/* the public op on ctx: upload every slot (prefills included), run, read everything back */
static dive_status run_pub(dive_ctx *ctx, const opdef *op, const tcase *c, const slot *s, int ns,
                           float **x) {
  dive_tensor tt[MAXS], *t[MAXS];
  dive_status st = DIVE_OK;
  int j;
  memset(tt, 0, sizeof tt);
  for (j = 0; j < ns; j++) {
    t[j] = NULL;
    if (!s[j].n || st) continue;
    st = dive_tensor_alloc(ctx, &tt[j], s[j].isint ? DIVE_I32 : DIVE_F32, s[j].ndim, s[j].shape);
    if (!st) st = dive_tensor_write(&tt[j], x[j], s[j].n);
    t[j] = &tt[j];
  }
  if (!st) st = op->pub(ctx, c, t);
  for (j = 0; j < ns && !st; j++)
    if (t[j]) st = dive_tensor_read(t[j], x[j], s[j].n);
  for (j = 0; j < ns; j++) dive_tensor_free(&tt[j]);
  return st;
}

static int has_word(const char *list, const char *w) {
  size_t n = strlen(w);
  const char *p = list;
  while (p && (p = strstr(p, w)) != NULL) {
    if ((p == list || p[-1] == ' ') && (p[n] == 0 || p[n] == ' ')) return 1;
    p += n;
  }
  return 0;
}

static void set_threads(int n) {
#if DIVE__OMP
  omp_set_num_threads(n);
#else
  (void)n;
#endif
}

static void run_case(const tcase *c, int do_cpu, dive_ctx *cpu_ctx, dive_ctx *vk_ctx) {
  const opdef *op = NULL;
  slot s[MAXS];
  float *init[MAXS], *o[MAXS], *x[MAXS], *y[MAXS];
  char desc[160], why[600] = "";
  double tol = c->tol > 0 ? c->tol : 1e-5;
  dive_rng r;
  int ns, j, ok, nmax = 1;
  size_t k;
  for (k = 0; k < sizeof ops / sizeof ops[0]; k++)
    if (!strcmp(ops[k].name, c->op)) op = &ops[k];
  if (!op) { printf("unknown op %s\n", c->op); g_fail++; return; }
  ns = op->layout(c, s);
  for (j = 0; j < ns; j++) if (c->nulls && has_word(c->nulls, s[j].name)) s[j].n = 0;
  describe(c, op->fields, desc, sizeof desc);
  dive_rng_seed(&r, 1234 + (uint64_t)(c - cases));
  for (j = 0; j < ns; j++) {
    size_t b = sizeof(float) * (size_t)s[j].n; /* absent slots stay NULL for the kernels */
    init[j] = o[j] = x[j] = y[j] = NULL;
    if (!b) continue;
    init[j] = (float *)malloc(b); o[j] = (float *)malloc(b);
    x[j] = (float *)malloc(b); y[j] = (float *)malloc(b);
    if (s[j].role == IN || s[j].role == STATE || s[j].role == DOUT) fill(&r, &s[j], init[j]);
  }
  load(s, ns, init, o); /* the oracle */
  op->kern(0, c, o, 0);

  if (do_cpu) {
    double rel = 0.0, maxd = 0.0;
    if (c->grad && !g_no_grad) {
      double worst = 0.0;
      int coords = 0;
      ok = grad_check(op, c, s, ns, init, o, x, &worst, &coords);
      report(c->op, desc, "grad", ok, "maxrel=%.1e (%d coords)", worst, coords);
    }
#if DIVE__OMP
    nmax = omp_get_max_threads();
#endif
    ok = 1;
    set_threads(1);
    load(s, ns, init, x); op->kern(1, c, x, 0);
    ok = compare(s, ns, o, x, tol, &rel, &maxd, why, sizeof why);
    if (ok) {
      set_threads(nmax < 3 ? 3 : nmax); /* uneven splits too */
      load(s, ns, init, x); op->kern(1, c, x, 0);
      load(s, ns, init, y); op->kern(1, c, y, 0);
      set_threads(nmax);
      ok = compare(s, ns, o, x, tol, &rel, &maxd, why, sizeof why);
      if (ok && !same_bits(s, ns, x, y)) {
        ok = 0;
        snprintf(why, sizeof why, "two runs at %d threads differ", nmax < 3 ? 3 : nmax);
      }
    }
    if (ok && cpu_ctx) {
      dive_status st;
      load(s, ns, init, x);
      st = run_pub(cpu_ctx, op, c, s, ns, x);
      if (st) {
        ok = 0;
        snprintf(why, sizeof why, "status %d: %s", (int)st, dive_ctx_error(cpu_ctx));
        dive_ctx_clear_error(cpu_ctx);
      } else {
        ok = compare(s, ns, o, x, tol, &rel, &maxd, why, sizeof why);
      }
    }
    report(c->op, desc, g_cpu_label, ok, "maxrel=%.1e maxdiff=%.1e%s%s", rel, maxd, ok ? "" : "  ", why);
  }
  if (vk_ctx) {
    double rel = 0.0, maxd = 0.0;
    dive_status st;
    load(s, ns, init, x);
    st = run_pub(vk_ctx, op, c, s, ns, x);
    if (st) {
      report(c->op, desc, "vulkan", 0, "status %d: %s", (int)st, dive_ctx_error(vk_ctx));
    } else {
      ok = compare(s, ns, o, x, tol, &rel, &maxd, why, sizeof why);
      report(c->op, desc, "vulkan", ok, "maxrel=%.1e maxdiff=%.1e%s%s", rel, maxd, ok ? "" : "  ", why);
    }
    dive_ctx_clear_error(vk_ctx);
  }
  for (j = 0; j < ns; j++) { free(init[j]); free(o[j]); free(x[j]); free(y[j]); }
}

/* --- bad arguments: each row is one wrong call; it must return `want` with a message
   naming the function, stay sticky, and clear. --- */
typedef struct badcase { const char *what; dive_status want; int cpu_only; } badcase;
static const badcase bads[] = {
  {"conv2d in C=3, w C=4", DIVE_ERR_SHAPE, 0},
  {"conv2d out (2,4,5,5), expected P=Q=4", DIVE_ERR_SHAPE, 0},
  {"conv2d groups=2 with C=3", DIVE_ERR_ARG, 0},
  {"conv2d stride 0", DIVE_ERR_ARG, 0},
  {"conv2d in NULL", DIVE_ERR_ARG, 0},
  {"conv2d w from another ctx", DIVE_ERR_ARG, 0},
  {"conv2d w dtype I32", DIVE_ERR_ARG, 0},
  {"conv2d out aliases in", DIVE_ERR_ARG, 0},
  {"conv2d_backward db (5), expected (4)", DIVE_ERR_SHAPE, 0},
  {"batchnorm gamma (4), expected (3)", DIVE_ERR_SHAPE, 0},
  {"batchnorm training with N*H*W=1", DIVE_ERR_SHAPE, 0},
  {"batchnorm eval, running_var NULL", DIVE_ERR_ARG, 0},
  {"linear in K=5, w K=6", DIVE_ERR_SHAPE, 0},
  {"add a (2,3), b (3,2)", DIVE_ERR_SHAPE, 0},
  {"shortcut out K=2 < in C=3", DIVE_ERR_SHAPE, 0},
  {"maxpool pad 2 > k/2", DIVE_ERR_ARG, 0},
  {"maxpool_backward argmax out of range", DIVE_ERR_ARG, 1},
  {"avgpool out (2,4), expected (2,3)", DIVE_ERR_SHAPE, 0},
};

static dive_tensor T(dive_ctx *ctx, dive_dtype dt, int ndim, int d0, int d1, int d2, int d3) {
  dive_tensor t;
  int shape[4];
  shape[0] = d0; shape[1] = d1; shape[2] = d2; shape[3] = d3;
  if (dive_tensor_alloc(ctx, &t, dt, ndim, shape)) { printf("alloc failed: %s\n", dive_ctx_error(ctx)); exit(1); }
  return t;
}

static dive_status bad_call(int row, dive_ctx *ctx, dive_ctx *other) {
  dive_tensor a = T(ctx, DIVE_F32, 4, 2, 3, 6, 6), w = T(ctx, DIVE_F32, 4, 4, 3, 3, 3);
  dive_tensor out = T(ctx, DIVE_F32, 4, 2, 4, 4, 4), v3 = T(ctx, DIVE_F32, 1, 3, 0, 0, 0);
  dive_tensor x, y, z;
  dive_status s = DIVE_OK;
  int32_t bad[8] = {0, 1, 2, 99, 0, 0, 0, 0};
  memset(&x, 0, sizeof x); y = x; z = x;
  switch (row) {
  case 0: x = T(ctx, DIVE_F32, 4, 4, 4, 3, 3); s = dive_conv2d_forward(ctx, &out, &a, &x, NULL, 1, 0, 1); break;
  case 1: x = T(ctx, DIVE_F32, 4, 2, 4, 5, 5); s = dive_conv2d_forward(ctx, &x, &a, &w, NULL, 1, 0, 1); break;
  case 2: s = dive_conv2d_forward(ctx, &out, &a, &w, NULL, 1, 0, 2); break;
  case 3: s = dive_conv2d_forward(ctx, &out, &a, &w, NULL, 0, 0, 1); break;
  case 4: s = dive_conv2d_forward(ctx, &out, NULL, &w, NULL, 1, 0, 1); break;
  case 5: x = T(other, DIVE_F32, 4, 4, 3, 3, 3); s = dive_conv2d_forward(ctx, &out, &a, &x, NULL, 1, 0, 1); break;
  case 6: x = T(ctx, DIVE_I32, 4, 4, 3, 3, 3); s = dive_conv2d_forward(ctx, &out, &a, &x, NULL, 1, 0, 1); break;
  case 7: x = T(ctx, DIVE_F32, 4, 3, 3, 1, 1); s = dive_conv2d_forward(ctx, &a, &a, &x, NULL, 1, 0, 1); break;
  case 8: x = T(ctx, DIVE_F32, 1, 5, 0, 0, 0);
    s = dive_conv2d_backward(ctx, NULL, NULL, &x, &out, &a, &w, 1, 0, 1); break;
  case 9: x = T(ctx, DIVE_F32, 1, 4, 0, 0, 0); y = T(ctx, DIVE_F32, 4, 2, 3, 6, 6);
    z = T(ctx, DIVE_F32, 1, 3, 0, 0, 0);
    s = dive_batchnorm_forward(ctx, &y, &v3, &z, &a, &x, &v3, NULL, NULL, 1, 0.1f, 1e-5f); break;
  case 10: x = T(ctx, DIVE_F32, 4, 1, 3, 1, 1); y = T(ctx, DIVE_F32, 4, 1, 3, 1, 1);
    z = T(ctx, DIVE_F32, 1, 3, 0, 0, 0);
    s = dive_batchnorm_forward(ctx, &y, &z, &v3, &x, &v3, &v3, NULL, NULL, 1, 0.1f, 1e-5f); break;
  case 11: y = T(ctx, DIVE_F32, 4, 2, 3, 6, 6); z = T(ctx, DIVE_F32, 1, 3, 0, 0, 0);
    x = T(ctx, DIVE_F32, 1, 3, 0, 0, 0);
    s = dive_batchnorm_forward(ctx, &y, &z, &x, &a, &v3, &v3, &v3, NULL, 0, 0.1f, 1e-5f); break;
  case 12: x = T(ctx, DIVE_F32, 2, 2, 5, 0, 0); y = T(ctx, DIVE_F32, 2, 4, 6, 0, 0);
    z = T(ctx, DIVE_F32, 2, 2, 4, 0, 0); s = dive_linear_forward(ctx, &z, &x, &y, NULL); break;
  case 13: x = T(ctx, DIVE_F32, 2, 2, 3, 0, 0); y = T(ctx, DIVE_F32, 2, 3, 2, 0, 0);
    z = T(ctx, DIVE_F32, 2, 2, 3, 0, 0); s = dive_add_forward(ctx, &z, &x, &y); break;
  case 14: x = T(ctx, DIVE_F32, 4, 2, 2, 3, 3); s = dive_shortcut_forward(ctx, &x, &a, 2); break;
  case 15: x = T(ctx, DIVE_F32, 4, 2, 3, 5, 5); y = T(ctx, DIVE_I32, 4, 2, 3, 5, 5);
    s = dive_maxpool_forward(ctx, &x, &y, &a, 3, 1, 2); break;
  case 16: x = T(ctx, DIVE_F32, 4, 1, 1, 2, 2); y = T(ctx, DIVE_I32, 4, 1, 1, 2, 2);
    z = T(ctx, DIVE_F32, 4, 1, 1, 4, 4);
    dive_tensor_write(&y, bad, 4);
    s = dive_maxpool_backward(ctx, &z, &x, &y); break;
  case 17: x = T(ctx, DIVE_F32, 2, 2, 4, 0, 0); s = dive_avgpool_forward(ctx, &x, &a); break;
  }
  dive_tensor_free(&a); dive_tensor_free(&w); dive_tensor_free(&out); dive_tensor_free(&v3);
  dive_tensor_free(&x); dive_tensor_free(&y); dive_tensor_free(&z);
  return s;
}

/* one bad row on one ctx: the status, its message, stickiness, and clearing */
static void run_bad(int row, dive_ctx *ctx, dive_ctx *other, const char *backend) {
  dive_tensor a, b;
  float in[6] = {1, -2, 3, -4, 5, -6}, mark[6] = {42, 42, 42, 42, 42, 42}, got[6];
  char msg[600];
  dive_status s, s2, s3;
  int ok;
  dive_ctx_clear_error(ctx);
  a = T(ctx, DIVE_F32, 2, 2, 3, 0, 0);
  b = T(ctx, DIVE_F32, 2, 2, 3, 0, 0);
  dive_tensor_write(&a, in, 6);
  dive_tensor_write(&b, mark, 6);
  s = bad_call(row, ctx, other);
  snprintf(msg, sizeof msg, "%s", dive_ctx_error(ctx));
  ok = s == bads[row].want && dive_ctx_status(ctx) == s && strstr(msg, "dive_") == msg;
  s2 = dive_relu_forward(ctx, &b, &a); /* sticky: a valid op is a no-op with the same status */
  dive_ctx_clear_error(ctx);
  dive_tensor_read(&b, got, 6);
  ok = ok && s2 == s && got[0] == 42.0f;
  s3 = dive_relu_forward(ctx, &b, &a); /* cleared: it runs */
  dive_tensor_read(&b, got, 6);
  ok = ok && s3 == DIVE_OK && got[0] == 1.0f && got[1] == 0.0f;
  dive_tensor_free(&a);
  dive_tensor_free(&b);
  report("badarg", bads[row].what, backend, ok, "(%s: %s)", dive_status_str(s), msg);
}

/* --- known values: hand-computed results of the public ops. The ref-vs-cpu comparison
   cannot see a mistake both share (a flipped kernel, the shortcut's channel offset, a biased
   running var), so each semantic point of the contract is pinned here. --- */
static dive_tensor TV(dive_ctx *ctx, dive_dtype dt, int ndim, int d0, int d1, int d2, int d3,
                      const float *v) {
  dive_tensor t = T(ctx, dt, ndim, d0, d1, d2, d3);
  if (v) dive_tensor_write(&t, v, t.numel);
  return t;
}
static int expect(const dive_tensor *t, const float *want, double tol, char *why, size_t len) {
  float got[16];
  int64_t i;
  dive_tensor_read(t, got, t->numel);
  for (i = 0; i < t->numel; i++) {
    double g = t->dtype == DIVE_I32 ? (double)((int32_t *)got)[i] : got[i];
    if (!(fabs(g - want[i]) <= tol)) {
      snprintf(why, len, "element %lld: got %.7g, want %.7g", (long long)i, g, (double)want[i]);
      return 0;
    }
  }
  return 1;
}

static const char *knowns[] = {
  "conv2d is a correlation (w not flipped), bias",
  "conv2d groups: out k reads group k/(K/g)",
  "conv2d stride 2 pad 1",
  "batchnorm training: biased var, unbiased running var",
  "batchnorm eval: running statistics",
  "shortcut: channels centred, even pixels",
  "maxpool: first max on ties; padding is -inf",
  "avgpool and linear (out = in w^T + b)",
  "relu and add in place (out = in)",
};

static int known_run(int row, dive_ctx *ctx, char *why, size_t len) {
  static const float i9[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9}, w4[4] = {1, 10, 100, 1000};
  dive_tensor t[8];
  int ok = 0, j, n = 0;
  dive_status s = DIVE_OK;
  float r1 = (float)(1.0 / sqrt(1.0 + 1e-5)), r3 = (float)(1.0 / sqrt(3.0 + 1e-5));
  memset(t, 0, sizeof t);
  switch (row) {
  case 0: {
    float b = 0.5f, want[4] = {5421.5f, 6532.5f, 8754.5f, 9865.5f};
    t[n++] = TV(ctx, DIVE_F32, 4, 1, 1, 3, 3, i9); t[n++] = TV(ctx, DIVE_F32, 4, 1, 1, 2, 2, w4);
    t[n++] = TV(ctx, DIVE_F32, 1, 1, 0, 0, 0, &b); t[n++] = T(ctx, DIVE_F32, 4, 1, 1, 2, 2);
    s = dive_conv2d_forward(ctx, &t[3], &t[0], &t[1], &t[2], 1, 0, 1);
    ok = !s && expect(&t[3], want, 0, why, len);
    break;
  }
  case 1: {
    float in[2] = {1, 2}, w[2] = {3, 5}, want[2] = {3, 10};
    t[n++] = TV(ctx, DIVE_F32, 4, 1, 2, 1, 1, in); t[n++] = TV(ctx, DIVE_F32, 4, 2, 1, 1, 1, w);
    t[n++] = T(ctx, DIVE_F32, 4, 1, 2, 1, 1);
    s = dive_conv2d_forward(ctx, &t[2], &t[0], &t[1], NULL, 1, 0, 2);
    ok = !s && expect(&t[2], want, 0, why, len);
    break;
  }
  case 2: { /* 3x3 input, 2x2 kernel, pad 1, stride 2: windows at (-1,-1), (-1,1), (1,-1), (1,1) */
    float want[4] = {1000 * 1, 100 * 2 + 1000 * 3, 10 * 4 + 1000 * 7, 1 * 5 + 10 * 6 + 100 * 8 + 1000 * 9};
    t[n++] = TV(ctx, DIVE_F32, 4, 1, 1, 3, 3, i9); t[n++] = TV(ctx, DIVE_F32, 4, 1, 1, 2, 2, w4);
    t[n++] = T(ctx, DIVE_F32, 4, 1, 1, 2, 2);
    s = dive_conv2d_forward(ctx, &t[2], &t[0], &t[1], NULL, 2, 1, 1);
    ok = !s && expect(&t[2], want, 0, why, len);
    break;
  }
  case 3: { /* x = [1,3]: mean 2, var 1 (biased), 2 (unbiased); momentum 0.1 */
    float in[2] = {1, 3}, g = 2, b = 0.5f, rm = 0, rv = 1;
    float want[2] = {0.5f - 2 * r1, 0.5f + 2 * r1}, wm = 2, wr = r1, wrm = 0.2f, wrv = 1.1f;
    t[n++] = TV(ctx, DIVE_F32, 4, 1, 1, 1, 2, in); t[n++] = TV(ctx, DIVE_F32, 1, 1, 0, 0, 0, &g);
    t[n++] = TV(ctx, DIVE_F32, 1, 1, 0, 0, 0, &b); t[n++] = TV(ctx, DIVE_F32, 1, 1, 0, 0, 0, &rm);
    t[n++] = TV(ctx, DIVE_F32, 1, 1, 0, 0, 0, &rv); t[n++] = T(ctx, DIVE_F32, 4, 1, 1, 1, 2);
    t[n++] = T(ctx, DIVE_F32, 1, 1, 0, 0, 0); t[n++] = T(ctx, DIVE_F32, 1, 1, 0, 0, 0);
    s = dive_batchnorm_forward(ctx, &t[5], &t[6], &t[7], &t[0], &t[1], &t[2], &t[3], &t[4], 1, 0.1f, 1e-5f);
    ok = !s && expect(&t[5], want, 1e-6, why, len) && expect(&t[6], &wm, 1e-6, why, len) &&
         expect(&t[7], &wr, 1e-6, why, len) && expect(&t[3], &wrm, 1e-6, why, len) &&
         expect(&t[4], &wrv, 1e-6, why, len);
    break;
  }
  case 4: {
    float in[2] = {1, 3}, g = 2, b = 0.5f, rm = 1, rv = 3, want[2] = {0.5f, 0.5f + 4 * r3};
    t[n++] = TV(ctx, DIVE_F32, 2, 2, 1, 0, 0, in); t[n++] = TV(ctx, DIVE_F32, 1, 1, 0, 0, 0, &g);
    t[n++] = TV(ctx, DIVE_F32, 1, 1, 0, 0, 0, &b); t[n++] = TV(ctx, DIVE_F32, 1, 1, 0, 0, 0, &rm);
    t[n++] = TV(ctx, DIVE_F32, 1, 1, 0, 0, 0, &rv); t[n++] = T(ctx, DIVE_F32, 2, 2, 1, 0, 0);
    t[n++] = T(ctx, DIVE_F32, 1, 1, 0, 0, 0); t[n++] = T(ctx, DIVE_F32, 1, 1, 0, 0, 0);
    s = dive_batchnorm_forward(ctx, &t[5], &t[6], &t[7], &t[0], &t[1], &t[2], &t[3], &t[4], 0, 0.1f, 1e-5f);
    ok = !s && expect(&t[5], want, 1e-6, why, len) && expect(&t[3], &rm, 0, why, len) &&
         expect(&t[4], &rv, 0, why, len);
    break;
  }
  case 5: { /* in (1,2,3,3) -> (1,4,2,2): channels 1, 2 hold in's 0, 1 at pixels (0|2, 0|2) */
    float in[18], want[16] = {0, 0, 0, 0, 1, 3, 7, 9, 10, 12, 16, 18, 0, 0, 0, 0};
    for (j = 0; j < 18; j++) in[j] = (float)(j + 1);
    t[n++] = TV(ctx, DIVE_F32, 4, 1, 2, 3, 3, in); t[n++] = T(ctx, DIVE_F32, 4, 1, 4, 2, 2);
    s = dive_shortcut_forward(ctx, &t[1], &t[0], 2);
    ok = !s && expect(&t[1], want, 0, why, len);
    break;
  }
  case 6: { /* ties -> first index; all-negative input with pad: the max is not a 0 pad */
    float tie[4] = {7, 7, 7, 7}, neg[4] = {-5, -1, -3, -2}, w1 = 7, a1 = 0, w2 = -1, a2 = 1;
    t[n++] = TV(ctx, DIVE_F32, 4, 1, 1, 2, 2, tie); t[n++] = T(ctx, DIVE_F32, 4, 1, 1, 1, 1);
    t[n++] = T(ctx, DIVE_I32, 4, 1, 1, 1, 1); t[n++] = TV(ctx, DIVE_F32, 4, 1, 1, 2, 2, neg);
    s = dive_maxpool_forward(ctx, &t[1], &t[2], &t[0], 2, 2, 0);
    ok = !s && expect(&t[1], &w1, 0, why, len) && expect(&t[2], &a1, 0, why, len);
    if (ok) {
      s = dive_maxpool_forward(ctx, &t[1], &t[2], &t[3], 3, 2, 1);
      ok = !s && expect(&t[1], &w2, 0, why, len) && expect(&t[2], &a2, 0, why, len);
    }
    break;
  }
  case 7: {
    float in[4] = {1, 2, 3, 6}, avg = 3, x[2] = {1, 2}, w[6] = {1, 0, 0, 1, 1, 1}, b[3] = {0, 0, 10};
    float want[3] = {1, 2, 13};
    t[n++] = TV(ctx, DIVE_F32, 4, 1, 1, 2, 2, in); t[n++] = T(ctx, DIVE_F32, 2, 1, 1, 0, 0);
    t[n++] = TV(ctx, DIVE_F32, 2, 1, 2, 0, 0, x); t[n++] = TV(ctx, DIVE_F32, 2, 3, 2, 0, 0, w);
    t[n++] = TV(ctx, DIVE_F32, 1, 3, 0, 0, 0, b); t[n++] = T(ctx, DIVE_F32, 2, 1, 3, 0, 0);
    s = dive_avgpool_forward(ctx, &t[1], &t[0]);
    ok = !s && expect(&t[1], &avg, 0, why, len);
    if (ok) {
      s = dive_linear_forward(ctx, &t[5], &t[2], &t[3], &t[4]);
      ok = !s && expect(&t[5], want, 0, why, len);
    }
    break;
  }
  case 8: {
    float a[4] = {1, -2, 3, -4}, b[4] = {10, 20, 30, 40}, w1[4] = {1, 0, 3, 0}, w2[4] = {11, 20, 33, 40};
    t[n++] = TV(ctx, DIVE_F32, 1, 4, 0, 0, 0, a); t[n++] = TV(ctx, DIVE_F32, 1, 4, 0, 0, 0, b);
    s = dive_relu_forward(ctx, &t[0], &t[0]);
    ok = !s && expect(&t[0], w1, 0, why, len);
    if (ok) {
      s = dive_add_forward(ctx, &t[0], &t[0], &t[1]);
      ok = !s && expect(&t[0], w2, 0, why, len);
    }
    break;
  }
  }
  if (s) snprintf(why, len, "status %d: %s", (int)s, dive_ctx_error(ctx));
  for (j = 0; j < n; j++) dive_tensor_free(&t[j]);
  dive_ctx_clear_error(ctx);
  return ok;
}

static void run_known(int row, dive_ctx *ctx, const char *backend) {
  char why[600] = "";
  int ok = known_run(row, ctx, why, sizeof why);
  report("known", knowns[row], backend, ok, "%s", why);
}

/* ====================================================================== main */

/* ============================================================ fused BN + ReLU (CPU) */
/* The model driver's fused kernels on every ISA path this CPU has, against the serial
   reference composed op by op: out = relu(bn(x) + res), then the ReLU-masked BN backward
   (dout masked in place). Row lengths with and without a tail past the 16-lane blocks. */
static double max_rel(const float *a, const float *b, int64_t n) {
  double m = 0, s = 1e-6;
  int64_t i;
  for (i = 0; i < n; i++) s = fabs(b[i]) > s ? fabs(b[i]) : s;
  for (i = 0; i < n; i++) m = fabs((double)a[i] - b[i]) / s > m ? fabs((double)a[i] - b[i]) / s : m;
  return m;
}
static const int fused_shapes[][3] = {{3, 5, 49}, {4, 16, 64}, {2, 3, 1029}, {1, 2, 16}, {2, 2, 3136}, {3, 1, 257}};
static void run_fused(void) {
  int best = dive__isa(), isa;
  size_t k;
  dive_rng r;
  dive_rng_seed(&r, 7);
  for (isa = best; isa >= 0; isa = dive__isa_narrower(isa)) {
    dive__isa_set(isa);
    for (k = 0; k < sizeof fused_shapes / sizeof fused_shapes[0]; k++) {
      dive__bn_p p;
      int64_t n = (int64_t)fused_shapes[k][0] * fused_shapes[k][1] * fused_shapes[k][2], i;
      int C = fused_shapes[k][1], c;
      float *buf = (float *)calloc((size_t)(9 * n + 12 * C), sizeof(float));
      float *x = buf, *res = x + n, *y = res + n, *yr = y + n, *dy = yr + n, *g = dy + n, *dx = g + n;
      float *dxr = dx + n, *dym = dxr + n, *pc = dym + n;
      float *gam = pc, *bet = pc + C, *rm = pc + 2 * C, *rv = pc + 3 * C, *rmr = pc + 4 * C, *rvr = pc + 5 * C;
      float *mu = pc + 6 * C, *rs = pc + 7 * C, *mur = pc + 8 * C, *rsr = pc + 9 * C, *dg = pc + 10 * C;
      float *db = pc + 11 * C, dgr[64], dbr[64];
      double e1, e2, e3, e4;
      char desc[64];
      p.N = fused_shapes[k][0]; p.C = C; p.HW = fused_shapes[k][2]; p.training = 1; p.momentum = 0.1f; p.eps = 1e-5f;
      for (i = 0; i < n; i++) {
        x[i] = 2.0f * dive_rng_uniform(&r) - 0.7f;
        res[i] = dive_rng_uniform(&r) - 0.5f;
        dy[i] = dive_rng_normal(&r);
      }
      for (c = 0; c < C; c++) {
        gam[c] = 0.5f + dive_rng_uniform(&r);
        bet[c] = dive_rng_uniform(&r) - 0.5f;
        rm[c] = rmr[c] = 0.1f;
        rv[c] = rvr[c] = 0.9f;
        dgr[c] = dbr[c] = 0.0f;
      }
      dive__cpu_bn_act_fwd(&p, y, mu, rs, x, gam, bet, rm, rv, res, 1, NULL);
      dive__ref_bn_fwd(&p, yr, mur, rsr, x, gam, bet, rmr, rvr);
      for (i = 0; i < n; i++) yr[i] = yr[i] + res[i] > 0.0f ? yr[i] + res[i] : 0.0f;
      e1 = max_rel(y, yr, n);
      e2 = DIVE__MAX(max_rel(mu, mur, C), DIVE__MAX(max_rel(rs, rsr, C), max_rel(rv, rvr, C)));
      memcpy(dym, dy, sizeof(float) * (size_t)n);
      dive__cpu_relu_bn_bwd(&p, dx, dg, db, dym, y, x, mu, rs, gam, NULL, NULL);
      for (i = 0; i < n; i++) g[i] = yr[i] > 0.0f ? dy[i] : 0.0f;
      dive__ref_bn_bwd(&p, dxr, dgr, dbr, g, x, mur, rsr, gam);
      e3 = DIVE__MAX(max_rel(dx, dxr, n), max_rel(dym, g, n));
      e4 = DIVE__MAX(max_rel(dg, dgr, C), max_rel(db, dbr, C));
      snprintf(desc, sizeof desc, "N=%d C=%d HW=%d", p.N, C, p.HW);
      report("bn_relu", desc, dive__isa_name(isa), e1 < 1e-5 && e2 < 1e-5 && e3 < 1e-4 && e4 < 1e-4,
             "fwd %.1e stats %.1e bwd %.1e dgamma/dbeta %.1e", e1, e2, e3, e4);
      { /* the BN backward without a ReLU (the projection shortcuts' and the public op's:
           this ISA's row sums and dx rows) against the reference, dy unmasked */
        for (c = 0; c < C; c++) dg[c] = db[c] = dgr[c] = dbr[c] = 0.0f;
        dive__cpu_bn_bwd(&p, dx, dg, db, dy, x, mu, rs, gam);
        dive__ref_bn_bwd(&p, dxr, dgr, dbr, dy, x, mu, rs, gam);
        e3 = max_rel(dx, dxr, n);
        e4 = DIVE__MAX(max_rel(dg, dgr, C), max_rel(db, dbr, C));
        report("bn_relu", desc, dive__isa_name(isa), e3 < 1e-4 && e4 < 1e-4, "bn bwd without relu %.1e dgamma/dbeta %.1e",
               e3, e4);
      }
      { /* with the rows' statistics handed in (as the model's conv does): the same bits */
        float *rst = (float *)malloc(sizeof(float) * 2 * (size_t)(p.N * C)), *y2 = dxr;
        const dive__rowfns *f = dive__rowfns_get();
        int same;
        for (i = 0; i < (int64_t)p.N * C; i++) f->stats(x + i * p.HW, p.HW, rst + 2 * i, rst + 2 * i + 1);
        for (c = 0; c < C; c++) rm[c] = rmr[c];
        dive__cpu_bn_act_fwd(&p, y2, mur, rsr, x, gam, bet, rmr, rvr, res, 1, rst);
        dive__cpu_bn_act_fwd(&p, y, mu, rs, x, gam, bet, rm, rv, res, 1, NULL);
        same = !memcmp(y, y2, sizeof(float) * (size_t)n) && !memcmp(mu, mur, sizeof(float) * (size_t)C) &&
               !memcmp(rs, rsr, sizeof(float) * (size_t)C);
        report("bn_relu", desc, dive__isa_name(isa), same, "row statistics handed in: %s",
               same ? "identical" : "differ");
        /* backward with the rows masked and summed beforehand (as the model's
           backward-data epilogue does): the same bits */
        memcpy(dym, dy, sizeof(float) * (size_t)n);
        dive__cpu_relu_bn_bwd(&p, dx, dg, db, dym, y, x, mu, rs, gam, NULL, NULL);
        memcpy(g, dy, sizeof(float) * (size_t)n);
        for (i = 0; i < (int64_t)p.N * C; i++)
          f->relu_sums(g + i * p.HW, y + i * p.HW, x + i * p.HW, mu[i % C], p.HW, rst + 2 * i, rst + 2 * i + 1);
        dive__cpu_relu_bn_bwd(&p, y2, dgr, dbr, g, y, x, mu, rs, gam, rst, NULL);
        same = !memcmp(dx, y2, sizeof(float) * (size_t)n) && !memcmp(dym, g, sizeof(float) * (size_t)n);
        report("bn_relu", desc, dive__isa_name(isa), same, "row sums handed in: %s", same ? "identical" : "differ");
        free(rst);
      }
      { /* the AVX-512 rows with streaming stores (dive__ntst_mode 3, the default) against
           the plain ones (0): the same bits, with and without the residual and the ReLU */
        float *y2 = dxr;
        int same = 1, mode = dive__ntst_mode, m, v;
        for (v = 0; v < 3; v++) {
          for (m = 0; m < 2; m++) {
            float *yo = m ? y2 : y;
            dive__ntst_mode = m ? 3 : 0;
            for (c = 0; c < C; c++) rm[c] = 0.1f, rv[c] = 0.9f;
            dive__cpu_bn_act_fwd(&p, yo, mu, rs, x, gam, bet, rm, rv, v == 1 ? NULL : res, v < 2, NULL);
          }
          same = same && !memcmp(y, y2, sizeof(float) * (size_t)n);
        }
        for (m = 0; m < 2; m++) {
          dive__ntst_mode = m ? 3 : 0;
          memcpy(dym, dy, sizeof(float) * (size_t)n);
          dive__cpu_relu_bn_bwd(&p, m ? y2 : dx, dg, db, dym, y, x, mu, rs, gam, NULL, NULL);
        }
        same = same && !memcmp(dx, y2, sizeof(float) * (size_t)n);
        dive__ntst_mode = mode;
        report("bn_relu", desc, dive__isa_name(isa), same, "streaming stores on / off: %s",
               same ? "identical" : "differ");
      }
      free(buf);
    }
  }
  dive__isa_set(best);
  { /* the conv's row statistics (rstats) are those of the rows it wrote */
    static const int cs[][4] = {{3, 8, 8, 16}, {2, 4, 7, 6}}; /* N, C, H=W, K: direct and not */
    for (k = 0; k < 2; k++) {
      dive__conv_p p;
      const dive__rowfns *f = dive__rowfns_get();
      int64_t ni = (int64_t)cs[k][0] * cs[k][1] * cs[k][2] * cs[k][2], no = (int64_t)cs[k][0] * cs[k][3] * cs[k][2] * cs[k][2], i;
      int64_t nw = (int64_t)cs[k][3] * cs[k][1] * 9, rows = (int64_t)cs[k][0] * cs[k][3];
      float *in = (float *)malloc(sizeof(float) * (size_t)(ni + no + nw + 4 * rows)), *out = in + ni, *w = out + no;
      float *rst = w + nw, *want = rst + 2 * rows, m2;
      int bad = 0;
      char desc[64];
      p.N = cs[k][0]; p.C = cs[k][1]; p.H = p.W = p.P = p.Q = cs[k][2]; p.K = cs[k][3];
      p.R = p.S = 3; p.stride = 1; p.pad = 1; p.groups = 1;
      for (i = 0; i < ni; i++) in[i] = dive_rng_normal(&r);
      for (i = 0; i < nw; i++) w[i] = 0.2f * dive_rng_normal(&r);
      {
        dive__ws ws = {NULL, 0};
        dive__cpu_conv2d_fwd_ws(&ws, &p, out, in, w, NULL, rst);
        DIVE_FREE(ws.base);
      }
      for (i = 0; i < rows; i++) {
        f->stats(out + i * p.P * p.Q, (int64_t)p.P * p.Q, want + 2 * i, &m2);
        want[2 * i + 1] = m2;
        bad += memcmp(rst + 2 * i, want + 2 * i, 2 * sizeof(float)) != 0;
      }
      snprintf(desc, sizeof desc, "conv N=%d C=%d H=W=%d K=%d row stats", p.N, p.C, p.H, p.K);
      report("bn_relu", desc, "cpu", !bad, "%d of %lld rows differ", bad, (long long)rows);
      { /* backward-data's epilogue (din += add, ReLU mask, row sums) equals the separate passes */
        int64_t nin = ni, j;
        float *buf = (float *)malloc(sizeof(float) * (size_t)(6 * nin + nw + 4 * p.N * p.C + 2 * p.C));
        float *d1 = buf, *d2 = d1 + nin, *add = d2 + nin, *yv = add + nin, *xv = yv + nin, *dw = xv + nin;
        float *s1 = dw + nw, *s2 = s1 + 2 * p.N * p.C, *mean = s2 + 2 * p.N * p.C;
        dive__dgrad_epi e;
        dive__ws ws = {NULL, 0};
        for (j = 0; j < nin; j++) {
          add[j] = dive_rng_normal(&r);
          yv[j] = dive_rng_uniform(&r) - 0.3f;
          xv[j] = dive_rng_normal(&r);
        }
        for (j = 0; j < p.C; j++) mean[j] = 0.1f * (float)j;
        e.add = add; e.y = yv; e.x = xv; e.mean = mean; e.sums = s1;
        e.dxg = e.dxx = e.dxc = NULL;
        e.sc = NULL;
        dive__cpu_conv2d_bwd_ws(&ws, &p, d1, dw, NULL, out, in, w, &e);
        dive__cpu_conv2d_bwd_ws(&ws, &p, d2, dw, NULL, out, in, w, NULL);
        DIVE_FREE(ws.base);
        for (j = 0; j < (int64_t)p.N * p.C; j++) {
          int64_t HW = (int64_t)p.H * p.W, q;
          for (q = 0; q < HW; q++) d2[j * HW + q] += add[j * HW + q];
          f->relu_sums(d2 + j * HW, yv + j * HW, xv + j * HW, mean[j % p.C], HW, s2 + 2 * j, s2 + 2 * j + 1);
        }
        bad = memcmp(d1, d2, sizeof(float) * (size_t)nin) || memcmp(s1, s2, sizeof(float) * 2 * (size_t)(p.N * p.C));
        snprintf(desc, sizeof desc, "conv N=%d C=%d H=W=%d K=%d dgrad epilogue", p.N, p.C, p.H, p.K);
        report("bn_relu", desc, "cpu", !bad, "%s", bad ? "differs from the separate passes" : "identical");
        free(buf);
      }
      free(in);
    }
  }
}

/* conv backward with BN backward's dx as its prologue (dive__dgrad_epi's dxg: the model's
   fused backward): dout is computed from (g, x, coefficients) inside backward-data's copies
   where the conv makes them (dive__bwd_shared), else by a pass into dout first. Against the
   dx pass (the row function) followed by the plain conv backward: din, dw, the epilogue's
   sums, bit for bit, on every ISA path; shapes with and without the copies, grouped. */
static const int dxf_shapes[][6] = { /* N, C, H=W, K, stride, groups */
    {3, 8, 8, 16, 1, 1}, {2, 16, 16, 16, 1, 1}, {2, 8, 8, 8, 1, 2}, {2, 4, 7, 6, 1, 1}, {2, 8, 8, 16, 2, 1}};
static void run_dx_fused(void) {
  int best = dive__isa(), isa;
  size_t k;
  dive_rng r;
  dive_rng_seed(&r, 19);
  for (isa = best; isa >= 0; isa = dive__isa_narrower(isa)) {
    dive__isa_set(isa);
    for (k = 0; k < sizeof dxf_shapes / sizeof dxf_shapes[0]; k++) {
      dive__conv_p p;
      const dive__rowfns *f = dive__rowfns_get();
      dive__dgrad_epi e, e2;
      dive__ws ws = {NULL, 0};
      int64_t ni, no, nw, i;
      float *buf, *in, *w, *g, *xb, *cf, *dc, *dcr, *d1, *d2, *dw1, *dw2, *yv, *xv, *mean, *s1, *s2;
      int shared, calls, same;
      char desc[96];
      p.N = dxf_shapes[k][0]; p.C = dxf_shapes[k][1]; p.H = p.W = dxf_shapes[k][2]; p.K = dxf_shapes[k][3];
      p.R = p.S = 3; p.stride = dxf_shapes[k][4]; p.pad = 1; p.groups = dxf_shapes[k][5];
      p.P = p.Q = (p.H + 2 - 3) / p.stride + 1;
      ni = (int64_t)p.N * p.C * p.H * p.W; no = (int64_t)p.N * p.K * p.P * p.Q;
      nw = (int64_t)p.K * (p.C / p.groups) * 9;
      buf = (float *)malloc(sizeof(float) * (size_t)(7 * ni + 4 * no + 2 * nw + 4 * p.K + p.C + 4 * (int64_t)p.N * p.C));
      in = buf; w = in + ni; g = w + nw; xb = g + no; dc = xb + no; dcr = dc + no; cf = dcr + no;
      d1 = cf + 4 * p.K; d2 = d1 + ni; dw1 = d2 + ni; dw2 = dw1 + nw; yv = dw2 + nw; xv = yv + ni; mean = xv + ni;
      s1 = mean + p.C; s2 = s1 + 2 * (int64_t)p.N * p.C;
      for (i = 0; i < ni; i++) {
        in[i] = dive_rng_normal(&r);
        yv[i] = dive_rng_uniform(&r) - 0.3f;
        xv[i] = dive_rng_normal(&r);
      }
      for (i = 0; i < nw; i++) w[i] = 0.2f * dive_rng_normal(&r);
      for (i = 0; i < no; i++) {
        g[i] = dive_rng_normal(&r);
        xb[i] = dive_rng_normal(&r);
        dc[i] = 1e30f; /* not read where the copies take the dx */
      }
      for (i = 0; i < p.K; i++) {
        cf[4 * i] = 0.5f + dive_rng_uniform(&r);
        cf[4 * i + 1] = 0.1f * dive_rng_normal(&r);
        cf[4 * i + 2] = 0.1f * dive_rng_normal(&r);
        cf[4 * i + 3] = 0.3f * dive_rng_normal(&r);
      }
      for (i = 0; i < p.C; i++) mean[i] = 0.05f * (float)i;
      memset(dw1, 0, sizeof(float) * (size_t)nw);
      memset(dw2, 0, sizeof(float) * (size_t)nw);
      e.add = NULL; e.y = yv; e.x = xv; e.mean = mean; e.sums = s1;
      e.dxg = g; e.dxx = xb; e.dxc = cf;
      e.sc = NULL;
      e2 = e;
      e2.sums = s2; e2.dxg = e2.dxx = e2.dxc = NULL;
      shared = dive__bwd_shared(&p);
      calls = dive__dx_fused_calls;
      dive__cpu_conv2d_bwd_ws(&ws, &p, d1, dw1, NULL, dc, in, w, &e);
      calls = dive__dx_fused_calls - calls;
      {
        int64_t HW = (int64_t)p.P * p.Q; /* the reference's dout: the dx row by row */
        for (i = 0; i < (int64_t)p.N * p.K; i++) {
          const float *c4 = cf + 4 * (i % p.K);
          f->dx(dcr + i * HW, g + i * HW, xb + i * HW, c4[0], c4[1], c4[2], c4[3], HW);
        }
      }
      dive__cpu_conv2d_bwd_ws(&ws, &p, d2, dw2, NULL, dcr, in, w, &e2);
      DIVE_FREE(ws.base);
      same = !memcmp(d1, d2, sizeof(float) * (size_t)ni) && !memcmp(dw1, dw2, sizeof(float) * (size_t)nw) &&
             !memcmp(s1, s2, sizeof(float) * 2 * (size_t)(p.N * p.C)) && calls == shared &&
             (shared || !memcmp(dc, dcr, sizeof(float) * (size_t)no));
      snprintf(desc, sizeof desc, "conv N=%d C=%d H=W=%d K=%d s%d g%d dx prologue (%s)", p.N, p.C, p.H, p.K, p.stride,
               p.groups, shared ? "in the copies" : "a pass");
      report("bn_relu", desc, dive__isa_name(isa), same, "%s",
             same ? "identical to the dx pass + conv backward" : "differs from the dx pass + conv backward");
      free(buf);
    }
  }
  dive__isa_set(best);
}

/* ============================================================ 3x3/2 max-pool rows (CPU) */
/* The plane function of every ISA path (AVX-512: 16 columns a step, the last block masked)
   bit for bit (values and argmax), widths on both sides of each 16-column block edge:
   against dive__ref_maxpool_fwd on planes with infinities and ties, and against the portable
   loop on planes with NaNs too (rows merged top to bottom: a NaN behind a smaller first
   value of its row does not reach the row's maximum, where the reference's one window
   order would have let a later value past it; the paths agree with each other). */
static const int pool_widths[] = {1, 2, 7, 33, 34, 35, 36, 66, 67, 112, 113};
static void run_pool_rows(void) {
  int best = dive__isa(), isa, nan;
  size_t k;
  dive_rng r;
  for (isa = best; isa >= 0; isa = dive__isa_narrower(isa))
    for (nan = 0; nan < 2; nan++) {
      int ok = 1;
      dive_rng_seed(&r, 11);
      for (k = 0; k < sizeof pool_widths / sizeof pool_widths[0]; k++) {
        dive__pool_p p;
        int64_t n, no, i;
        float *x, *m, *mr;
        int32_t *a, *ar;
        p.N = 1; p.C = 1; p.W = pool_widths[k]; p.H = p.W < 9 ? p.W + 2 : 9;
        p.k = 3; p.stride = 2; p.pad = 1; p.P = (p.H + 1) / 2; p.Q = (p.W + 1) / 2;
        n = (int64_t)p.H * p.W; no = (int64_t)p.P * p.Q;
        x = (float *)malloc(sizeof(float) * (size_t)n); m = (float *)malloc(sizeof(float) * (size_t)(2 * no));
        a = (int32_t *)malloc(sizeof(int32_t) * (size_t)(2 * no)); mr = m + no; ar = a + no;
        for (i = 0; i < n; i++) {
          float u = dive_rng_uniform(&r);
          x[i] = u < 0.05f ? (nan ? NAN : 5.0f) : u < 0.08f ? INFINITY : u < 0.11f ? -INFINITY
                                                                        : (float)(int)(4 * dive_rng_uniform(&r)) - 2;
        }
        dive__isa_set(isa);
        dive__rowfns_get()->pool3s2(m, a, x, p.H, p.W, p.P, p.Q);
        if (nan) {
          dive__isa_set(DIVE__ISA_GENERIC);
          dive__rowfns_get()->pool3s2(mr, ar, x, p.H, p.W, p.P, p.Q);
        } else {
          dive__ref_maxpool_fwd(&p, mr, ar, x);
        }
        ok = ok && !memcmp(m, mr, sizeof(float) * (size_t)no) && !memcmp(a, ar, sizeof(int32_t) * (size_t)no);
        free(x); free(m); free(a);
      }
      report("maxpool", nan ? "3x3/2 plane rows, NaN/inf/ties == portable bitwise"
                            : "3x3/2 plane rows, inf/ties, W 1..113 == ref bitwise",
             dive__isa_name(isa), ok, "%s", ok ? "identical" : "differ");
    }
  dive__isa_set(best);
}

/* the rows a backend's part prints, for its skip count: one per case (the cpu part also a
   grad row where the case has one, the conv and max-pool rows again on each narrower ISA, the
   Winograd reruns, the 8 x 48 tile's reruns on AVX-512, the fused and the inference-epilogue
   rows), the known rows and the bad-argument rows */
/* the conv rows whose backward-weights can run as NN GEMMs (dive__dwnn_pick: also C % 16 ==
   0), whose forward and backward-data can run in chunks of images (dive__fwdb_pick); picked:
   only those the rules pick (the ImageNet shapes) */
/* is c a 1x1/2 conv without padding, groups 1 (the col2im by rows, dive__col2im_1x1s2)? */
static int s2_1x1_row(const tcase *c) {
  return !strcmp(c->op, "conv2d") && c->g == 1 && c->k == 1 && c->s == 2 && !c->p;
}

static int dwnn_row(const tcase *c, int picked) {
  dive__conv_p p;
  int dm = dive__dwnn_mode, fm = dive__fwdb_mode, pick;
  if (strcmp(c->op, "conv2d") || c->g != 1) return 0;
  if (!picked) return 1;
  p = conv_p(c);
  dive__dwnn_mode = dive__fwdb_mode = -1; /* the rules */
  pick = dive__dwnn_pick(&p) || dive__fwdb_pick(&p, (int64_t)p.P * p.Q);
  dive__dwnn_mode = dm;
  dive__fwdb_mode = fm;
  return pick;
}

/* the rows dwnn_row(c, picked) takes, on the CPU, labelled label (a forced path's rerun) */
static void run_dwnn_rows(const char *label, int picked, dive_ctx *cpu_ctx) {
  size_t k;
  g_cpu_label = label;
  for (k = 0; k < sizeof cases / sizeof cases[0]; k++)
    if (dwnn_row(&cases[k], picked)) run_case(&cases[k], 1, cpu_ctx, NULL);
}

/* Random operands of the conv p (in, w scaled by 0.2, bias b, dout, drawn from r in that
   order) and the serial reference's forward ro and backward rdi / rdw of them: the start of
   the forced-path rows below (run_gd, run_s1). */
static void conv_operands(const dive__conv_p *p, dive_rng *r, float *in, float *w, float *b, float *dout, float *ro,
                          float *rdi, float *rdw) {
  int64_t ni = (int64_t)p->N * p->C * p->H * p->W, no = (int64_t)p->N * p->K * p->P * p->Q;
  int64_t nw = (int64_t)p->K * (p->C / p->groups) * p->R * p->S, i;
  for (i = 0; i < ni; i++) in[i] = dive_rng_normal(r);
  for (i = 0; i < nw; i++) w[i] = 0.2f * dive_rng_normal(r);
  for (i = 0; i < p->K; i++) b[i] = dive_rng_normal(r);
  for (i = 0; i < no; i++) dout[i] = dive_rng_normal(r);
  dive__ref_conv2d_fwd(p, ro, in, w, b);
  dive__ref_conv2d_bwd(p, rdi, rdw, NULL, dout, in, w);
}
/* The grouped convs' own paths (groups > 1: ResNeXt's 3x3 convs with 4, 8, 16, 32 channels
   per group, stride 1 and 2): forward (with a bias), backward-data and backward-weights,
   alone and together (backward-data then shares its copies of dout with backward-weights
   where dive__bwd_shared holds), with the paths forced on, against the serial reference;
   and bit for bit against the same call with them forced off (the same products summed in
   the same order; not stride 2's backward-data, summed per parity of din's pixels, nor the
   NN backward-weights of 16 or 32 channels a group), on the best ISA (they are AVX-512
   only; elsewhere the rows check the general path). Sizes around the kernels' tiles: 16, 32, 64 columns, odd and non-square. */
static const int gd_shapes[][6] = { /* N, C, H, W, stride, channels per group */
    {2, 128, 8, 8, 1, 4},  {1, 128, 7, 9, 1, 4},  {2, 256, 5, 11, 1, 8}, {1, 256, 4, 4, 1, 8},
    {2, 512, 7, 7, 1, 16}, {1, 512, 6, 6, 1, 16}, {2, 1024, 3, 5, 1, 32}, {1, 128, 12, 12, 1, 4},
    {2, 128, 9, 9, 2, 4},  {1, 256, 8, 7, 2, 8},  {2, 512, 6, 6, 2, 16}, {1, 1024, 5, 5, 2, 32}};
#define GD_ROWS ((int)(sizeof gd_shapes / sizeof gd_shapes[0]) + 1)
static void run_gd(void) {
  int gm = dive__gd_mode, c0 = dive__gd_calls;
  size_t k;
  dive_rng r;
  dive_rng_seed(&r, 23);
  for (k = 0; k < sizeof gd_shapes / sizeof gd_shapes[0]; k++) {
    dive__conv_p p;
    dive__ws ws = {NULL, 0};
    int64_t ni, no, nw;
    float *buf, *in, *w, *b, *dout, *o[2], *di[2], *dw[2], *di1[2], *dw1[2], *ro, *rdi, *rdw;
    double e = 0;
    int m, same = 1, gdw;
    char desc[96];
    p.N = gd_shapes[k][0]; p.C = p.K = gd_shapes[k][1]; p.H = gd_shapes[k][2]; p.W = gd_shapes[k][3];
    p.R = p.S = 3; p.stride = gd_shapes[k][4]; p.pad = 1; p.groups = p.C / gd_shapes[k][5];
    p.P = (p.H - 1) / p.stride + 1; p.Q = (p.W - 1) / p.stride + 1;
    ni = (int64_t)p.N * p.C * p.H * p.W; no = (int64_t)p.N * p.K * p.P * p.Q;
    nw = (int64_t)p.K * (p.C / p.groups) * 9;
    buf = (float *)calloc((size_t)(7 * ni + 4 * no + 7 * nw + p.K), sizeof(float));
    in = buf; w = in + ni; b = w + nw; dout = b + p.K; ro = dout + no; rdi = ro + no; rdw = rdi + ni;
    o[0] = rdw + nw; o[1] = o[0] + no; di[0] = o[1] + no; di[1] = di[0] + ni; dw[0] = di[1] + ni;
    dw[1] = dw[0] + nw; di1[0] = dw[1] + nw; di1[1] = di1[0] + ni; dw1[0] = di1[1] + ni; dw1[1] = dw1[0] + nw;
    conv_operands(&p, &r, in, w, b, dout, ro, rdi, rdw);
    for (m = 1; m >= 0; m--) { /* forced on (checked against the reference), then off */
      dive__gd_mode = m;
      dive__cpu_conv2d_fwd_ws(&ws, &p, o[m], in, w, b, NULL);
      dive__cpu_conv2d_bwd_ws(&ws, &p, di[m], dw[m], NULL, dout, in, w, NULL); /* together */
      dive__cpu_conv2d_bwd_ws(&ws, &p, di1[m], NULL, NULL, dout, in, w, NULL); /* alone */
      dive__cpu_conv2d_bwd_ws(&ws, &p, NULL, dw1[m], NULL, dout, in, w, NULL);
    }
    dive__gd_mode = gm;
    DIVE_FREE(ws.base);
    e = DIVE__MAX(DIVE__MAX(max_rel(o[1], ro, no), max_rel(di[1], rdi, ni)), max_rel(dw[1], rdw, nw));
    e = DIVE__MAX(e, DIVE__MAX(max_rel(di1[1], rdi, ni), max_rel(dw1[1], rdw, nw)));
    /* (stride 2's backward-data sums per parity of din's pixels, backward-weights as NN
       GEMMs per group along the pixels: other orders) */
    dive__gd_mode = 1;
    gdw = dive__gdw_pick(&p);
    dive__gd_mode = gm;
    same = !memcmp(o[0], o[1], sizeof(float) * (size_t)no) &&
           (gdw || (!memcmp(dw[0], dw[1], sizeof(float) * (size_t)nw) &&
                    !memcmp(dw1[0], dw1[1], sizeof(float) * (size_t)nw))) &&
           (p.stride == 2 || (!memcmp(di[0], di[1], sizeof(float) * (size_t)ni) &&
                              !memcmp(di1[0], di1[1], sizeof(float) * (size_t)ni)));
    snprintf(desc, sizeof desc, "grouped conv N=%d C=K=%d %dx%d s%d g%d (%d a group)", p.N, p.C, p.H, p.W, p.stride,
             p.groups, p.C / p.groups);
    report("gconv", desc, dive__isa_name(dive__isa()), e <= 1e-5 && same,
           "max err %.1e of the reference's max, %s the path off where the order is the same", e,
           same ? "identical to" : "DIFFERS from");
    free(buf);
  }
  report("gconv", "direct grouped convs ran (AVX-512)", dive__isa_name(dive__isa()),
         dive__isa() != DIVE__ISA_AVX512 || dive__gd_calls > c0, "%d calls", dive__gd_calls - c0);
}
/* The stride-1 3x3 convs of 16 or 32 columns without shifted copies (dive__s1_pick, the
   kernel dive__s1_avx512: column shifts in registers, rows outside the image masked off),
   forced on, against the serial reference and bit for bit against the same call with it
   forced off (the GEMM over the copies: the same products in the same order): the forward,
   and the backward (din and dw at once: where C % 8 == 0 and W == 32, backward-data and
   dive__nt_s1_avx512 over one copy of dout). Sizes around the tiles: one to 32 rows, odd
   channel counts, 16-column tail panels (W 16, odd H), 8-row panels of output channels, a
   backward-weights tile past K 9 rows (K = 5). The 32-column images twice: with the
   kernel dive__s1u_avx512 (shifts by unaligned loads, the rows outside the image skipped;
   the default) and with dive__s1_avx512 (dive__s1k_mode 0), one image row (H 1) among
   them. On the other ISA paths the rows check the general path. */
static const int s1_shapes[][5] = { /* N, C, K, H, W */
    {2, 16, 16, 32, 32}, {1, 3, 8, 5, 32}, {2, 5, 24, 7, 16}, {1, 16, 8, 1, 16},
    {1, 7, 16, 2, 32},   {2, 32, 16, 16, 16}, {1, 1, 8, 3, 16}, {2, 8, 5, 4, 32}, {1, 24, 16, 3, 32},
    {1, 4, 8, 1, 32}};
#define S1_NSH ((int)(sizeof s1_shapes / sizeof s1_shapes[0]))
#define S1_ROWS (2 * S1_NSH + 1)
static void run_s1(void) {
  int sm = dive__s1_mode, skm = dive__s1k_mode, c0 = dive__s1_calls;
  int kk;
  dive_rng r;
  dive_rng_seed(&r, 29);
  for (kk = 0; kk < 2 * S1_NSH; kk++) {
    int k = kk % S1_NSH, kern = kk < S1_NSH; /* dive__s1k_mode: the first round 1, then 0 */
    dive__conv_p p;
    dive__ws ws = {NULL, 0};
    int64_t ni, no, nw;
    float *buf, *in, *w, *b, *dout, *o[2], *di[2], *dw[2], *ro, *rdi, *rdw;
    double e;
    int m, same;
    char desc[96];
    memset(&p, 0, sizeof p);
    p.N = s1_shapes[k][0]; p.C = s1_shapes[k][1]; p.K = s1_shapes[k][2]; p.H = p.P = s1_shapes[k][3];
    p.W = p.Q = s1_shapes[k][4]; p.R = p.S = 3; p.stride = 1; p.pad = 1; p.groups = 1;
    ni = (int64_t)p.N * p.C * p.H * p.W; no = (int64_t)p.N * p.K * p.P * p.Q; nw = (int64_t)p.K * p.C * 9;
    buf = (float *)calloc((size_t)(4 * ni + 4 * no + 4 * nw + p.K), sizeof(float));
    in = buf; w = in + ni; b = w + nw; dout = b + p.K; ro = dout + no; o[0] = ro + no; o[1] = o[0] + no;
    rdi = o[1] + no; di[0] = rdi + ni; di[1] = di[0] + ni; rdw = di[1] + ni; dw[0] = rdw + nw; dw[1] = dw[0] + nw;
    conv_operands(&p, &r, in, w, b, dout, ro, rdi, rdw);
    dive__s1k_mode = kern;
    for (m = 1; m >= 0; m--) { /* forced on (checked against the reference), then off */
      dive__s1_mode = m;
      dive__cpu_conv2d_fwd_ws(&ws, &p, o[m], in, w, b, NULL);
      /* both at once: backward-data's copy of dout shared with backward-weights (W 32) */
      dive__cpu_conv2d_bwd_ws(&ws, &p, di[m], dw[m], NULL, dout, in, w, NULL);
    }
    dive__s1_mode = sm;
    dive__s1k_mode = skm;
    DIVE_FREE(ws.base);
    e = DIVE__MAX(DIVE__MAX(max_rel(o[1], ro, no), max_rel(di[1], rdi, ni)), max_rel(dw[1], rdw, nw));
    same = !memcmp(o[0], o[1], sizeof(float) * (size_t)no) && !memcmp(di[0], di[1], sizeof(float) * (size_t)ni) &&
           !memcmp(dw[0], dw[1], sizeof(float) * (size_t)nw);
    snprintf(desc, sizeof desc, "conv without copies N=%d C=%d K=%d %dx%d%s", p.N, p.C, p.K, p.H, p.W,
             p.W == 32 ? (kern ? " (s1u kernel)" : " (s1 kernel)") : kern ? "" : " (again)");
    report("s1conv", desc, dive__isa_name(dive__isa()), e <= 1e-5 && same,
           "max err %.1e of the reference's max, %s the path off", e, same ? "identical to" : "DIFFERS from");
    free(buf);
  }
  report("s1conv", "convs without copies ran (AVX-512)", dive__isa_name(dive__isa()),
         dive__isa() != DIVE__ISA_AVX512 || dive__s1_calls > c0, "%d calls", dive__s1_calls - c0);
}
/* The strided convs' weights packed a block of channels at a time just before the GEMM
   (dive__gbw_gemm, the forward; dive__gb_col2im with w, backward-data), forced on in the
   convs in chunks of images, against the serial reference and bit for bit against the same
   call with the weights packed whole first (the same panels, kernel calls and sums), on
   every ISA path (dive__pack_nn's transposes on AVX-512, its loop elsewhere). Sizes: one
   and several channel blocks (14 channels a block with the 8 x 48 tile, 28 without; 24
   for backward-data), output channels not a multiple of 8, 5x5 kernels, odd planes. */
static const int gbw_shapes[][6] = { /* N, C, H=W, K, kernel, stride */
    {2, 20, 9, 24, 3, 2}, {3, 40, 8, 13, 3, 2}, {1, 64, 14, 40, 3, 2}, {2, 30, 11, 17, 3, 2},
    {2, 12, 10, 16, 5, 2}, {1, 9, 7, 8, 5, 1}};
#define GBW_NSH ((int)(sizeof gbw_shapes / sizeof gbw_shapes[0]))
static const int gbw_wk[][4] = { /* C, K, flip, m */
    {7, 13, 0, 2}, {7, 13, 1, 2}, {16, 8, 0, 2}, {33, 20, 1, 2}, {64, 64, 0, 2}, {75, 40, 1, 2}, {9, 16, 0, 4},
    {7, 13, 1, 4}, {33, 20, 1, 4}, {75, 40, 0, 4}};
#define GBW_NWK ((int)(sizeof gbw_wk / sizeof gbw_wk[0]))
static void run_gbw(void) {
  int gm = dive__gbw_mode, gdm = dive__gbwd_mode, fm = dive__fwdb_mode, best = dive__isa(), isa;
  int c0 = dive__gbw_calls, d0 = dive__gbwd_calls, k;
  dive_rng r;
  dive_rng_seed(&r, 31);
  for (isa = best; isa >= 0; isa = dive__isa_narrower(isa))
    for (k = 0; k < GBW_NSH; k++) {
      dive__conv_p p;
      dive__ws ws = {NULL, 0};
      int64_t ni, no, nw;
      float *buf, *in, *w, *b, *dout, *o[2], *di[2], *ro, *rdi, *rdw;
      double e;
      int m, same;
      char desc[96];
      dive__isa_set(isa);
      memset(&p, 0, sizeof p);
      p.N = gbw_shapes[k][0]; p.C = gbw_shapes[k][1]; p.H = p.W = gbw_shapes[k][2]; p.K = gbw_shapes[k][3];
      p.R = p.S = gbw_shapes[k][4]; p.stride = gbw_shapes[k][5]; p.pad = p.R / 2; p.groups = 1;
      p.P = p.Q = (p.H + 2 * p.pad - p.R) / p.stride + 1;
      ni = (int64_t)p.N * p.C * p.H * p.W; no = (int64_t)p.N * p.K * p.P * p.Q; nw = (int64_t)p.K * p.C * p.R * p.S;
      buf = (float *)calloc((size_t)(4 * ni + 4 * no + 2 * nw + p.K), sizeof(float));
      in = buf; w = in + ni; b = w + nw; dout = b + p.K; ro = dout + no; o[0] = ro + no; o[1] = o[0] + no;
      rdi = o[1] + no; di[0] = rdi + ni; di[1] = di[0] + ni; rdw = di[1] + ni;
      conv_operands(&p, &r, in, w, b, dout, ro, rdi, rdw);
      dive__fwdb_mode = 1;
      for (m = 1; m >= 0; m--) { /* forced on (checked against the reference), then off */
        dive__gbw_mode = dive__gbwd_mode = m;
        dive__cpu_conv2d_fwd_ws(&ws, &p, o[m], in, w, b, NULL);
        dive__cpu_conv2d_bwd_ws(&ws, &p, di[m], NULL, NULL, dout, in, w, NULL);
      }
      dive__gbw_mode = gm;
      dive__gbwd_mode = gdm;
      dive__fwdb_mode = fm;
      DIVE_FREE(ws.base);
      e = DIVE__MAX(max_rel(o[1], ro, no), max_rel(di[1], rdi, ni));
      same = !memcmp(o[0], o[1], sizeof(float) * (size_t)no) && !memcmp(di[0], di[1], sizeof(float) * (size_t)ni);
      snprintf(desc, sizeof desc, "weights packed per block N=%d C=%d %dx%d K=%d %dx%d/%d", p.N, p.C, p.H, p.W, p.K,
               p.R, p.S, p.stride);
      report("gbwconv", desc, dive__isa_name(isa), e <= 1e-5 && same,
             "max err %.1e of the reference's max, %s the whole packing", e, same ? "identical to" : "DIFFERS from");
      free(buf);
    }
  dive__isa_set(best);
  report("gbwconv", "weights packed per block ran (forward, backward-data)", dive__isa_name(best),
         dive__gbw_calls > c0 && dive__gbwd_calls > d0, "%d, %d chunks", dive__gbw_calls - c0,
         dive__gbwd_calls - d0);
  /* Winograd's U (dive__wino_pack_u) in blocks of 2 and 32 channels (dive__wpk2_mode for
     F(2x2), dive__wpk4_mode for F(4x4)) bit for bit against one channel a store (its
     transform checked by the Winograd conv rows): channel counts not a multiple of the block
     (a short last block), K not a multiple of 8, forward and flipped (the prefetch ahead
     past the last channel), F(2x2) and F(4x4) */
  c0 = dive__wpk2_calls;
  d0 = dive__wpk4_calls;
  for (k = 0; k < GBW_NWK; k++) {
    dive__conv_p p;
    dive__wgeo g;
    int64_t nw, nu, i;
    float *w, *u[3];
    static const int wmodes[3] = {0, 2, DIVE__WPK_MAX};
    int m, same, flip = gbw_wk[k][2], wm = dive__wpk2_mode, wm4 = dive__wpk4_mode, w4 = dive__wino4_mode;
    char desc[96];
    memset(&p, 0, sizeof p);
    p.N = 1; p.C = gbw_wk[k][0]; p.K = gbw_wk[k][1]; p.H = p.W = p.P = p.Q = 7; p.R = p.S = 3; p.stride = 1; p.pad = 1;
    p.groups = 1;
    dive__wino4_mode = gbw_wk[k][3] == 4;
    dive__wgeo_init(&p, &g, flip);
    nw = (int64_t)p.C * p.K * 9; nu = (int64_t)g.nx * g.Kr * p.C;
    w = (float *)malloc(sizeof(float) * (size_t)(nw + 3 * nu));
    u[0] = w + nw; u[1] = u[0] + nu; u[2] = u[1] + nu;
    for (i = 0; i < nw; i++) w[i] = dive_rng_normal(&r);
    for (m = 0; m < 3; m++) {
      memset(u[m], 0x7f, sizeof(float) * (size_t)nu); /* (anything not written differs) */
      dive__wpk2_mode = dive__wpk4_mode = wmodes[m];
      dive__wino_pack_u(&p, &g, w, flip, u[m], 0, g.Kr);
    }
    dive__wpk2_mode = wm;
    dive__wpk4_mode = wm4;
    dive__wino4_mode = w4;
    same = !memcmp(u[0], u[1], sizeof(float) * (size_t)nu) && !memcmp(u[0], u[2], sizeof(float) * (size_t)nu);
    snprintf(desc, sizeof desc, "Winograd U in channel blocks C=%d K=%d F(%dx%d)%s", p.C, p.K, g.m, g.m,
             flip ? " flipped" : "");
    report("gbwconv", desc, "cpu", same, "%s one channel a store", same ? "identical to" : "DIFFERS from");
    free(w);
  }
  report("gbwconv", "Winograd U in channel blocks ran", "cpu", dive__wpk2_calls > c0, "%d blocks",
         dive__wpk2_calls - c0);
  report("gbwconv", "Winograd F(4x4) U in channel blocks ran", "cpu", dive__wpk4_calls > d0, "%d blocks",
         dive__wpk4_calls - d0);
}
/* Winograd F(2x2)'s output transform in registers (dive__wo16_avx512, dive__wof_mode) for
   images whose rows hold 8 or 4 tiles (W 16 or 8, H 2 th with th tw a multiple of 16):
   Winograd forced on (F(2x2) only), the forward (with a bias) and the backward (din + dw;
   backward-data runs the same transform on the flipped conv) against the serial reference
   and bit for bit against the same calls with the path off. Odd channel counts, one and
   three images (8x8 images run two to a GEMM), non-square images that take it (16 x 8,
   8 x 16 pixels), and shapes beside it that must not (4 x 8: 8 tiles; 6 x 16: 24 tiles;
   7 x 7, 15 x 15: odd sizes), so the count of the calls that took it is checked per row.
   The same rows check the input planes of 16-column images made two rows a store
   (dive__wof_mode bit 1; every W 16 row takes it, odd H and one row among them). */
static const int wof_shapes[][6] = { /* N, C, K, H, W, takes the path */
    {2, 16, 16, 16, 16, 1}, {3, 5, 7, 8, 8, 1}, {1, 8, 3, 8, 16, 1}, {1, 3, 9, 16, 8, 1},
    {1, 32, 16, 8, 8, 1},   {1, 4, 5, 4, 8, 0}, {2, 6, 3, 6, 16, 0}, {1, 5, 6, 7, 7, 0}, {1, 3, 4, 15, 15, 0},
    {1, 3, 5, 9, 16, 0},    {1, 2, 3, 1, 16, 0}};
#define WOF_NSH ((int)(sizeof wof_shapes / sizeof wof_shapes[0]))
#define WOF_ROWS (WOF_NSH + 1)
/* one row of the F(2x2) path checks (the wof and wif rows): the conv of shape sh (N, C, K,
   H, W) with Winograd forced on (F(2x2) only), the forward (with a bias) and the backward
   (din + dw) with *mode = on, checked against the serial reference, then with *mode = 0,
   bit for bit against the first; cnt[0..1] (NULL: none) counted over the first. Returns the
   max error of the reference's max, *same and the counts in took[0..1]. */
static double wino_path_row(const int *sh, dive_rng *r, int *mode, int on, const int *cnt[2], int took[2],
                            int *same) {
  int wm = dive__wino_mode, w4 = dive__wino4_mode, fm = *mode, c0[2], m, i;
  dive__conv_p p;
  dive__ws ws = {NULL, 0};
  int64_t ni, no, nw;
  float *buf, *in, *w, *b, *dout, *o[2], *di[2], *dw[2], *ro, *rdi, *rdw;
  double e;
  memset(&p, 0, sizeof p);
  p.N = sh[0]; p.C = sh[1]; p.K = sh[2]; p.H = p.P = sh[3]; p.W = p.Q = sh[4];
  p.R = p.S = 3; p.stride = 1; p.pad = 1; p.groups = 1;
  ni = (int64_t)p.N * p.C * p.H * p.W; no = (int64_t)p.N * p.K * p.P * p.Q; nw = (int64_t)p.K * p.C * 9;
  buf = (float *)calloc((size_t)(4 * ni + 4 * no + 4 * nw + p.K), sizeof(float));
  in = buf; w = in + ni; b = w + nw; dout = b + p.K; ro = dout + no; o[0] = ro + no; o[1] = o[0] + no;
  rdi = o[1] + no; di[0] = rdi + ni; di[1] = di[0] + ni; rdw = di[1] + ni; dw[0] = rdw + nw; dw[1] = dw[0] + nw;
  conv_operands(&p, r, in, w, b, dout, ro, rdi, rdw);
  for (i = 0; i < 2; i++) c0[i] = cnt[i] ? *cnt[i] : 0, took[i] = 0;
  dive__wino_mode = 1;
  dive__wino4_mode = 0;
  for (m = 1; m >= 0; m--) { /* forced on (checked against the reference), then off */
    *mode = m ? on : 0;
    dive__cpu_conv2d_fwd_ws(&ws, &p, o[m], in, w, b, NULL);
    dive__cpu_conv2d_bwd_ws(&ws, &p, di[m], dw[m], NULL, dout, in, w, NULL);
    if (m == 1)
      for (i = 0; i < 2; i++) took[i] = cnt[i] ? *cnt[i] - c0[i] : 0;
  }
  dive__wino_mode = wm;
  dive__wino4_mode = w4;
  *mode = fm;
  DIVE_FREE(ws.base);
  e = DIVE__MAX(DIVE__MAX(max_rel(o[1], ro, no), max_rel(di[1], rdi, ni)), max_rel(dw[1], rdw, nw));
  *same = !memcmp(o[0], o[1], sizeof(float) * (size_t)no) && !memcmp(di[0], di[1], sizeof(float) * (size_t)ni) &&
          !memcmp(dw[0], dw[1], sizeof(float) * (size_t)nw);
  free(buf);
  return e;
}
static void run_wof(void) {
  int c0 = dive__wof_calls, w0 = dive__wino_calls[0], t0 = dive__wtf_calls, k, fm = dive__wif_mode;
  const int *cnt[2] = {&dive__wof_calls, &dive__wtf_calls};
  dive_rng r;
  dive_rng_seed(&r, 31);
  dive__wif_mode &= 1; /* the 16x16 planes here, not their one pass (the wif rows) */
  for (k = 0; k < WOF_NSH; k++) {
    int took[2], same;
    double e = wino_path_row(wof_shapes[k], &r, &dive__wof_mode, 3, cnt, took, &same);
    char desc[96];
    /* with more than one thread the calls land on the workers too: then only "none" is exact */
    snprintf(desc, sizeof desc, "Winograd output in registers N=%d C=%d K=%d %dx%d (%s)", wof_shapes[k][0],
             wof_shapes[k][1], wof_shapes[k][2], wof_shapes[k][3], wof_shapes[k][4],
             wof_shapes[k][5] ? "takes it" : "not for it");
    report("wofconv", desc, dive__isa_name(dive__isa()),
           e <= 1e-5 && same &&
               (dive__isa() != DIVE__ISA_AVX512 ||
                ((wof_shapes[k][5] ? took[0] > 0 || dive__nthreads() > 1 : took[0] == 0) &&
                 (wof_shapes[k][4] == 16 ? took[1] > 0 || dive__nthreads() > 1 : took[1] == 0))),
           "max err %.1e of the reference's max, %s the path off, %d transforms took it, %d planes", e,
           same ? "identical to" : "DIFFERS from", took[0], took[1]);
  }
  dive__wif_mode = fm;
  report("wofconv", "Winograd output in registers ran (AVX-512)", dive__isa_name(dive__isa()),
         dive__isa() != DIVE__ISA_AVX512 || (dive__wof_calls > c0 && dive__wtf_calls > t0 && dive__wino_calls[0] > w0),
         "%d transforms, %d planes", dive__wof_calls - c0, dive__wtf_calls - t0);
}
/* F(2x2)'s input side at 8x8 and 16x16 images in one pass (dive__wif8_avx512,
   dive__wif16_avx512, dive__wif_mode): Winograd forced on, the forward (with a bias) and the
   backward (din + dw) against the serial reference and bit for bit against the same calls
   with the path off; odd channel counts, one, two and three images (two 8x8 ones to a GEMM,
   an odd one alone), and shapes beside it that must not take it (8 x 16, 16 x 8, 7 x 7,
   9 x 9, 8 x 4, 15 x 15, 17 x 17, 16 x 32), so the count of channels that took it is
   checked per row. */
static const int wif_shapes[][6] = { /* N, C, K, H, W, takes the path */
    {1, 3, 5, 8, 8, 1}, {2, 7, 9, 8, 8, 1}, {3, 17, 6, 8, 8, 1}, {2, 64, 64, 8, 8, 1}, {1, 5, 3, 8, 16, 0},
    {1, 4, 7, 16, 8, 0}, {2, 5, 6, 7, 7, 0}, {1, 3, 4, 9, 9, 0}, {1, 6, 5, 8, 4, 0},
    {1, 3, 5, 16, 16, 1}, {3, 7, 9, 16, 16, 1}, {2, 33, 32, 16, 16, 1}, {1, 5, 3, 15, 15, 0},
    {1, 3, 4, 17, 17, 0}, {1, 3, 5, 16, 32, 0}};
#define WIF_NSH ((int)(sizeof wif_shapes / sizeof wif_shapes[0]))
#define WIF_ROWS (WIF_NSH + 1)
static void run_wif(void) {
  int c0 = dive__wif_calls, k;
  const int *cnt[2] = {&dive__wif_calls, NULL};
  dive_rng r;
  dive_rng_seed(&r, 37);
  for (k = 0; k < WIF_NSH; k++) {
    int took[2], same;
    double e = wino_path_row(wif_shapes[k], &r, &dive__wif_mode, 3, cnt, took, &same);
    char desc[96];
    /* with more than one thread the calls land on the workers too: then only "none" is exact */
    snprintf(desc, sizeof desc, "Winograd input in one pass N=%d C=%d K=%d %dx%d (%s)", wif_shapes[k][0],
             wif_shapes[k][1], wif_shapes[k][2], wif_shapes[k][3], wif_shapes[k][4],
             wif_shapes[k][5] ? "takes it" : "not for it");
    report("wofconv", desc, dive__isa_name(dive__isa()),
           e <= 1e-5 && same &&
               (dive__isa() != DIVE__ISA_AVX512 || (wif_shapes[k][5] ? took[0] > 0 || dive__nthreads() > 1 : took[0] == 0)),
           "max err %.1e of the reference's max, %s the path off, %d channels took it", e,
           same ? "identical to" : "DIFFERS from", took[0]);
  }
  report("wofconv", "Winograd input in one pass ran (AVX-512)", dive__isa_name(dive__isa()),
         dive__isa() != DIVE__ISA_AVX512 || dive__wif_calls > c0, "%d channels", dive__wif_calls - c0);
}
/* the conv rows whose col matrix can be built in blocks of output rows (dive__colblk_rows,
   forced) */
static int colblk_row(const tcase *c) {
  dive__conv_p p;
  dive__cgeo g;
  int cm = dive__colblk_mode, rb;
  if (strcmp(c->op, "conv2d")) return 0;
  p = conv_p(c);
  dive__cgeo_init(&p, &g);
  dive__colblk_mode = 1;
  rb = dive__colblk_rows(&p, &g);
  dive__colblk_mode = cm;
  return rb > 0;
}

/* the 1x1 stride-1 conv rows (the plain geometry, dive__conv_plain; its backward-data too) */
static int plain_row(const tcase *c) {
  return !strcmp(c->op, "conv2d") && c->k == 1 && c->s == 1 && c->p == 0 && (c->kw == 0 || c->kw == 1);
}

static int part_checks(int cpu, const char *only_op) {
  int n = 0, narrower = 0, nconv = 0, ndwnn = 0, ndwnn_n = 0, ncb = 0, npl = 0, ns2 = 0, isa;
  size_t k;
  for (isa = dive__isa_narrower(dive__isa()); isa >= 0; isa = dive__isa_narrower(isa)) narrower++;
  for (k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    nconv += !strcmp(cases[k].op, "conv2d");
    ndwnn += dwnn_row(&cases[k], 0);
    ndwnn_n += dwnn_row(&cases[k], 1);
    ncb += colblk_row(&cases[k]);
    npl += plain_row(&cases[k]);
    ns2 += s2_1x1_row(&cases[k]);
    if (!only_op || !strcmp(only_op, cases[k].op))
      n += 1 + (cpu && cases[k].grad) +
           (cpu && (!strcmp(cases[k].op, "conv2d") || !strcmp(cases[k].op, "maxpool")) ? narrower : 0);
  }
  if (cpu && (!only_op || !strcmp(only_op, "conv2d"))) n += 2 * (narrower + 1) * (nconv + 1) + nconv; /* F(4x4), F(2x2), direct */
  if (cpu && (!only_op || !strcmp(only_op, "conv2d"))) n += (narrower + 2) * (nconv + 1); /* Winograd dw */
  if (cpu && (!only_op || !strcmp(only_op, "conv2d"))) /* + the channel-blocked im2col and col2im reports */
    n += (narrower + 1) * (ndwnn_n + 2) + ndwnn + 6 + ndwnn_n + 1 + 1; /* + parity planes, s2put; + the plain xt rows; + the 1x1 rule */
  if (cpu && (!only_op || !strcmp(only_op, "conv2d"))) n += ncb + 1 + 2 * (npl + 1) + npl + 1;
  if (cpu && dive__isa() == DIVE__ISA_AVX512 && (!only_op || !strcmp(only_op, "conv2d"))) n += ndwnn + 1 + 3 * npl + 2;
  if (cpu && dive__isa() == DIVE__ISA_AVX512 && (!only_op || !strcmp(only_op, "conv2d"))) n += 2; /* the strided
                                                       chunks' 8 x 48 tile and the weights' transposes reports */
  if (cpu && dive__isa() == DIVE__ISA_AVX512 && (!only_op || !strcmp(only_op, "conv2d")))
    n += 2 + ndwnn_n + 1 + 1 + ndwnn_n + 1; /* the NN backward-weights' transposes and 8 x 48 reports; its old
                                               way's rows and report; the dout panels by blocks report, the
                                               rows again with them whole and their report */
  if (cpu && dive__isa() == DIVE__ISA_AVX512 && (!only_op || !strcmp(only_op, "conv2d")))
    n += 1 + ndwnn + 1 + 1 + ndwnn + 1; /* the 1x1 copies in blocks report; the rows again with them whole,
                                           their report, the row blocks scattered as done report; the rows
                                           again with the whole cbuf scattered, their report */
  if (cpu && dive__isa() == DIVE__ISA_AVX512 && (!only_op || !strcmp(only_op, "conv2d")))
    n += 2 * (ns2 + 1); /* the 1x1/2 rows with and without streaming stores, a report each */
  if (cpu && (!only_op || !strcmp(only_op, "conv_epi"))) n += (narrower + 1) * 8 * (2 * 4 + 1);
  if (cpu && (!only_op || !strcmp(only_op, "bn_relu")))
    n += (narrower + 1) * (int)(sizeof fused_shapes / sizeof fused_shapes[0]) * 5 + 2 * 2 +
         (narrower + 1) * (int)(sizeof dxf_shapes / sizeof dxf_shapes[0]);
  if (cpu && (!only_op || !strcmp(only_op, "gconv"))) n += GD_ROWS;
  if (cpu && (!only_op || !strcmp(only_op, "s1conv"))) n += S1_ROWS;
  if (cpu && (!only_op || !strcmp(only_op, "gbwconv"))) n += (narrower + 1) * GBW_NSH + 3 + GBW_NWK;
  if (cpu && (!only_op || !strcmp(only_op, "wofconv"))) n += WOF_ROWS + WIF_ROWS;
  if (cpu && (!only_op || !strcmp(only_op, "maxpool"))) n += 2 * (narrower + 1);
  if (!only_op || !strcmp(only_op, "known")) n += (int)(sizeof knowns / sizeof knowns[0]);
  if (!only_op || !strcmp(only_op, "badarg"))
    for (k = 0; k < sizeof bads / sizeof bads[0]; k++) n += cpu || !bads[k].cpu_only;
  return n;
}

/* ============================================================ inference conv epilogue */
/* dive__cpu_conv2d_fwd_epi (out = [relu](conv + b [+ res]) per image in cache) against the
   serial reference composed op by op, and bit for bit against the CPU's own ops one after
   another, direct and Winograd; then dive__bn_fold: conv with the folded weights and bias
   against the reference conv followed by eval-mode batch norm. */
static void run_conv_epi(void) {
  const char *isa = dive__isa_name(dive__isa());
  char label[32];
  static const int cs[][8] = { /* N, C, H=W, K, k, stride, pad, groups */
    {2, 8, 8, 16, 3, 1, 1, 1}, {2, 32, 16, 32, 3, 1, 1, 1}, {3, 5, 7, 6, 3, 1, 1, 1},
    {2, 16, 16, 32, 3, 2, 1, 1}, {2, 6, 7, 4, 1, 1, 0, 2}, {1, 64, 8, 64, 3, 1, 1, 1},
    {3, 128, 7, 128, 1, 1, 0, 1}, {3, 128, 7, 128, 3, 1, 1, 1}}; /* the last two: images in chunks */
  dive_rng r;
  size_t k;
  int mode, v;
  dive_rng_seed(&r, 17);
  for (k = 0; k < sizeof cs / sizeof cs[0]; k++)
    for (mode = 0; mode <= 1; mode++) {
      dive__conv_p p;
      int64_t ni, no, nw, i;
      float *in, *w, *b, *res, *got, *want, *seq;
      char desc[96];
      p.N = cs[k][0]; p.C = cs[k][1]; p.H = p.W = cs[k][2]; p.K = cs[k][3]; p.R = p.S = cs[k][4];
      p.stride = cs[k][5]; p.pad = cs[k][6]; p.groups = cs[k][7];
      p.P = p.Q = (p.H + 2 * p.pad - p.R) / p.stride + 1;
      ni = (int64_t)p.N * p.C * p.H * p.W; no = (int64_t)p.N * p.K * p.P * p.Q;
      nw = (int64_t)p.K * (p.C / p.groups) * p.R * p.S;
      in = (float *)malloc(sizeof(float) * (size_t)(ni + nw + p.K + 4 * no));
      w = in + ni; b = w + nw; res = b + p.K; got = res + no; want = got + no; seq = want + no;
      for (i = 0; i < ni; i++) in[i] = dive_rng_normal(&r);
      for (i = 0; i < nw; i++) w[i] = 0.3f * dive_rng_normal(&r);
      for (i = 0; i < p.K; i++) b[i] = 0.5f * dive_rng_normal(&r);
      for (i = 0; i < no; i++) res[i] = dive_rng_normal(&r);
      dive__isa();
      dive__wino_mode = mode;
      for (v = 0; v < 4; v++) { /* (res, relu): none, relu, res, both */
        const float *rp = v & 2 ? res : NULL;
        int relu = v & 1, c0 = dive__wino_calls[0], same, applies;
        double e = 0, num = 0, den = 0;
        dive__ws ws = {NULL, 0};
        dive__ref_conv2d_fwd(&p, want, in, w, b);
        for (i = 0; i < no; i++) {
          float t = rp ? want[i] + rp[i] : want[i];
          want[i] = relu && !(t > 0.0f) ? 0.0f : t;
        }
        dive__cpu_conv2d_fwd_epi(&ws, &p, got, in, w, b, rp, relu);
        applies = dive__wino_calls[0] > c0;
        dive__cpu_conv2d_fwd_ws(&ws, &p, seq, in, w, b, NULL);
        if (rp) dive__cpu_add_fwd(no, seq, seq, rp);
        if (relu) dive__cpu_relu_fwd(no, seq, seq);
        DIVE_FREE(ws.base);
        for (i = 0; i < no; i++) {
          num += ((double)got[i] - want[i]) * ((double)got[i] - want[i]);
          den += (double)want[i] * want[i];
        }
        e = num / (den > 0 ? den : 1);
        same = !memcmp(got, seq, sizeof(float) * (size_t)no);
        snprintf(desc, sizeof desc, "N=%d C=%d H=W=%d K=%d k=%d s=%d g=%d%s%s", p.N, p.C, p.H, p.K, p.R, p.stride,
                 p.groups, rp ? " +res" : "", relu ? " relu" : "");
        snprintf(label, sizeof label, "%s-%s", isa, mode ? (applies ? "wino" : "wino-na") : "direct");
        report("conv_epi", desc, label, e < 1e-7 && same,
               "nmse=%.1e, %s", e, same ? "same bits as conv, add, relu" : "differs from conv, add, relu");
      }
      if (mode == 0) { /* batch norm folded in: conv(x, wf) + bf against bn_eval(conv(x, w)) */
        dive__bn_p bp;
        float *g = (float *)malloc(sizeof(float) * (size_t)(4 * p.K + nw + p.K)), *be = g + p.K, *mu = be + p.K;
        float *var = mu + p.K, *wf = var + p.K, *bf = wf + nw, *m1 = (float *)malloc(sizeof(float) * 2 * (size_t)p.K);
        double num = 0, den = 0;
        for (i = 0; i < p.K; i++) {
          g[i] = 1.0f + 0.2f * dive_rng_normal(&r); be[i] = 0.2f * dive_rng_normal(&r);
          mu[i] = 0.3f * dive_rng_normal(&r); var[i] = 0.5f + dive_rng_uniform(&r);
        }
        bp.N = p.N; bp.C = p.K; bp.HW = p.P * p.Q; bp.training = 0; bp.momentum = 0.1f; bp.eps = 1e-5f;
        dive__ref_conv2d_fwd(&p, seq, in, w, b);
        dive__ref_bn_fwd(&bp, want, m1, m1 + p.K, seq, g, be, mu, var);
        dive__bn_fold(p.K, nw / p.K, w, b, g, be, mu, var, 1e-5f, wf, bf);
        dive__cpu_conv2d_fwd(&p, got, in, wf, bf);
        for (i = 0; i < no; i++) {
          num += ((double)got[i] - want[i]) * ((double)got[i] - want[i]);
          den += (double)want[i] * want[i];
        }
        snprintf(desc, sizeof desc, "N=%d C=%d H=W=%d K=%d k=%d s=%d g=%d bn folded", p.N, p.C, p.H, p.K, p.R,
                 p.stride, p.groups);
        report("conv_epi", desc, isa, num / den < 1e-7, "nmse=%.1e against conv then eval-mode bn", num / den);
        free(g); free(m1);
      }
      dive__wino_mode = -1;
      free(in);
    }
}

int main(int argc, char **argv) {
  const char *only_op = NULL, *only_be = getenv("DIVE_BACKEND");
  int i, do_cpu, do_vk;
  dive_ctx *cpu_ctx = NULL, *vk_ctx = NULL, *other = NULL;
  dive_ctx_desc d;
  double t0 = dive_time_sec();
  size_t k;
  for (i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-o") && i + 1 < argc) only_op = argv[++i];
    else if (!strcmp(argv[i], "-b") && i + 1 < argc) only_be = argv[++i];
    else { printf("usage: %s [-o op] [-b cpu|vulkan]\n", argv[0]); return 2; }
  }
  if (only_be && (!*only_be || !strcmp(only_be, "auto"))) only_be = NULL;
  do_cpu = !only_be || !strcmp(only_be, "cpu");
  do_vk = !only_be || !strcmp(only_be, "vulkan");
  /* a part that does not run here counts its rows as skipped (a Vulkan one as failed
     under DIVE_REQUIRE_VULKAN=1) */
  memset(&d, 0, sizeof d);
  d.backend = DIVE_BACKEND_CPU;
  if (!do_cpu) skip_part("cpu part", part_checks(1, only_op), 0, "-b vulkan (or DIVE_BACKEND=vulkan)");
  else if (!expect_backend(dive_ctx_create(&cpu_ctx, &d), &cpu_ctx, DIVE_BACKEND_CPU, "cpu part", part_checks(1, only_op)))
    do_cpu = 0;
  dive_ctx_create(&other, &d);
  d.backend = DIVE_BACKEND_VULKAN;
  if (!do_vk) skip_part("vulkan part", part_checks(0, only_op), 1, "-b cpu (or DIVE_BACKEND=cpu)");
  else if (expect_backend(dive_ctx_create(&vk_ctx, &d), &vk_ctx, DIVE_BACKEND_VULKAN, "vulkan part", part_checks(0, only_op)))
    printf("vulkan device: %s\n", dive_query_device_name(vk_ctx));
  if (cpu_ctx) printf("cpu: %s, kernels %s\n", dive_query_device_name(cpu_ctx), dive__isa_name(dive__isa()));

  for (k = 0; k < sizeof cases / sizeof cases[0]; k++)
    if (!only_op || !strcmp(only_op, cases[k].op))
      run_case(&cases[k], do_cpu, cpu_ctx, vk_ctx);

  /* The conv and max-pool kernels have AVX-512, AVX2+FMA, NEON and portable C paths chosen at run
     time: run their rows again on every narrower path this CPU has (DIVE_CPU_ISA sets the
     first). */
  if (do_cpu && (!only_op || !strcmp(only_op, "conv2d") || !strcmp(only_op, "maxpool"))) {
    int best = dive__isa(), isa;
    for (isa = dive__isa_narrower(best); isa >= 0; isa = dive__isa_narrower(isa)) {
      static char label[32];
      dive__isa_set(isa);
      snprintf(label, sizeof label, "cpu-%s", dive__isa_name(isa));
      g_cpu_label = label;
      g_no_grad = 1;
      for (k = 0; k < sizeof cases / sizeof cases[0]; k++)
        if ((!only_op || !strcmp(only_op, cases[k].op)) && (!strcmp(cases[k].op, "conv2d") || !strcmp(cases[k].op, "maxpool")))
          run_case(&cases[k], 1, cpu_ctx, NULL);
    }
    dive__isa_set(best);
    g_cpu_label = "cpu";
    g_no_grad = 0;
  }
  /* Winograd F(2x2, 3x3) and F(4x4, 3x3) for the stride-1 3x3 convs: the rules pick them
     for some shapes only, so the conv rows run again with each everywhere it applies, on
     every ISA path, and once with Winograd nowhere (mode 2: F(4x4), 1: F(2x2), 0: direct) */
  if (do_cpu && (!only_op || !strcmp(only_op, "conv2d"))) {
    int best = dive__isa(), isa, f0 = dive__wino_calls[0], b0 = dive__wino_calls[1], mode;
    int f4 = dive__wino4_calls[0], b4 = dive__wino4_calls[1];
    for (mode = 2; mode >= 0; mode--)
      for (isa = best; isa >= 0; isa = mode ? dive__isa_narrower(isa) : -1) {
        static char label[32];
        dive__isa_set(isa);
        dive__wino_mode = mode > 0;
        dive__wino4_mode = mode == 2;
        snprintf(label, sizeof label, "%s-%s", isa == best ? "cpu" : dive__isa_name(isa),
                 mode == 2 ? "wino4" : mode ? "wino" : "direct");
        g_cpu_label = label;
        g_no_grad = 1;
        for (k = 0; k < sizeof cases / sizeof cases[0]; k++)
          if (!strcmp(cases[k].op, "conv2d")) run_case(&cases[k], 1, cpu_ctx, NULL);
        if (mode) {
          int nf = dive__wino_calls[0] - f0, nb = dive__wino_calls[1] - b0;
          int nf4 = dive__wino4_calls[0] - f4, nb4 = dive__wino4_calls[1] - b4;
          report("conv2d", mode == 2 ? "Winograd F(4x4) ran (forward and backward-data)"
                                     : "Winograd F(2x2) ran (forward and backward-data)", label,
                 nf > 0 && nb > 0 && (mode == 2 ? nf4 == nf && nb4 == nb : nf4 == 0 && nb4 == 0),
                 "%d forward, %d backward-data calls, %d, %d of them F(4x4)", nf, nb, nf4, nb4);
          f0 = dive__wino_calls[0];
          b0 = dive__wino_calls[1];
          f4 = dive__wino4_calls[0];
          b4 = dive__wino4_calls[1];
        }
      }
    dive__isa_set(best);
    dive__wino_mode = -1;
    dive__wino4_mode = -1;
    g_cpu_label = "cpu";
    g_no_grad = 0;
  }

  /* Backward-weights as Winograd F(3x3, 2x2) (dive__wgw_pick): the rule picks it for some
     shapes only, so the conv rows run again with it wherever it applies, on every ISA path
     with backward-data by its rule, then with backward-data as Winograd too (on the best
     path); each pass must have taken it */
  if (do_cpu && (!only_op || !strcmp(only_op, "conv2d"))) {
    int best = dive__isa(), isa, c0 = dive__wgw_calls, wino;
    for (wino = 0; wino < 2; wino++)
      for (isa = best; isa >= 0; isa = wino ? -1 : dive__isa_narrower(isa)) {
        static char label[32];
        dive__isa_set(isa);
        dive__wgw_mode = 1;
        dive__wino_mode = wino ? 1 : -1;
        snprintf(label, sizeof label, "%s-wgw%s", isa == best ? "cpu" : dive__isa_name(isa), wino ? "-wino" : "");
        g_cpu_label = label;
        g_no_grad = 1;
        for (k = 0; k < sizeof cases / sizeof cases[0]; k++)
          if (!strcmp(cases[k].op, "conv2d")) run_case(&cases[k], 1, cpu_ctx, NULL);
        report("conv2d", "Winograd backward-weights ran", label, dive__wgw_calls > c0, "%d calls",
               dive__wgw_calls - c0);
        c0 = dive__wgw_calls;
      }
    dive__isa_set(best);
    dive__wgw_mode = -1;
    dive__wino_mode = -1;
    g_cpu_label = "cpu";
    g_no_grad = 0;
  }

  /* Backward-weights as NN GEMMs and the forward / backward-data in chunks of images: the
     rules pick them for the ImageNet stages' shapes only, so the conv rows where they can
     apply (groups 1) run again with both; the rows the rules pick run with both on the
     narrower ISA paths (the kernels' accumulating calls) and once with neither */
  if (do_cpu && (!only_op || !strcmp(only_op, "conv2d"))) {
    int best = dive__isa(), isa, c0 = dive__dwnn_calls, f0 = dive__fwdb_calls, k0 = dive__gbk_calls, mode;
    int b0 = dive__gbc_calls, q0 = dive__dwpar_calls, s0 = dive__s2put_calls, e0 = dive__gb48_calls;
    int a0 = dive__pknn_calls, r0 = dive__dwtr_calls, w0 = dive__dw48_calls, p0 = dive__dwpb_calls;
    for (mode = 1; mode >= 0; mode--)
      for (isa = best; isa >= 0; isa = mode ? dive__isa_narrower(isa) : -1) {
        static char label[32];
        dive__isa_set(isa);
        dive__dwnn_mode = dive__fwdb_mode = mode;
        dive__dwpb_mode = 1; /* (its rule: 2 MB of dout panels; none here) */
        snprintf(label, sizeof label, "%s-%s", isa == best ? "cpu" : dive__isa_name(isa), mode ? "dwnn" : "dwnt");
        g_cpu_label = label;
        g_no_grad = 1;
        for (k = 0; k < sizeof cases / sizeof cases[0]; k++)
          if (dwnn_row(&cases[k], isa != best || !mode)) run_case(&cases[k], 1, cpu_ctx, NULL);
        report("conv2d", mode ? "NN backward-weights ran" : "NN backward-weights off", label,
               mode ? dive__dwnn_calls > c0 : dive__dwnn_calls == c0, "%d chunks", dive__dwnn_calls - c0);
        report("conv2d", mode ? "images in chunks ran" : "images in chunks off", label,
               mode ? dive__fwdb_calls > f0 : dive__fwdb_calls == f0, "%d chunks", dive__fwdb_calls - f0);
        if (mode && isa == best) {
          report("conv2d", "im2col in blocks of channels ran", label, dive__gbk_calls > k0, "%d chunks",
                 dive__gbk_calls - k0);
          report("conv2d", "col2im in blocks of channels ran", label, dive__gbc_calls > b0, "%d chunks",
                 dive__gbc_calls - b0);
          report("conv2d", "backward-weights' parity planes ran", label, dive__dwpar_calls > q0, "%d chunks",
                 dive__dwpar_calls - q0);
          report("conv2d", "1x1/2 col2im by rows (s2put) ran", label, dive__s2put_calls > s0, "%d images",
                 dive__s2put_calls - s0);
          if (isa == DIVE__ISA_AVX512) {
            report("conv2d", "strided chunks' 8 x 48 tile ran", label, dive__gb48_calls > e0, "%d chunks",
                   dive__gb48_calls - e0);
            report("conv2d", "weights packed by transposes ran", label, dive__pknn_calls > a0, "%d panels",
                   dive__pknn_calls - a0);
            report("conv2d", "NN backward-weights' copies by transposes ran", label, dive__dwtr_calls > r0,
                   "%d panels and rows", dive__dwtr_calls - r0);
            report("conv2d", "NN backward-weights' 8 x 48 tile ran", label, dive__dw48_calls > w0, "%d chunks",
                   dive__dw48_calls - w0);
            report("conv2d", "NN backward-weights' dout panels by blocks ran", label, dive__dwpb_calls > p0,
                   "%d chunks", dive__dwpb_calls - p0);
          }
        }
        e0 = dive__gb48_calls;
        a0 = dive__pknn_calls;
        r0 = dive__dwtr_calls;
        w0 = dive__dw48_calls;
        p0 = dive__dwpb_calls;
        q0 = dive__dwpar_calls;
        s0 = dive__s2put_calls;
        k0 = dive__gbk_calls;
        b0 = dive__gbc_calls;
        c0 = dive__dwnn_calls;
        f0 = dive__fwdb_calls;
      }
    dive__isa_set(best);
    dive__dwnn_mode = dive__fwdb_mode = dive__dwpb_mode = -1;
    g_cpu_label = "cpu";
    g_no_grad = 0;
  }
  /* The rule for the ResNet-50 1x1 convs at 28x28 and 56x56 (8 images): NN with 128 channels
     or more in and out, the NT kernel with 64 output or input channels */
  if (do_cpu && (!only_op || !strcmp(only_op, "conv2d"))) {
    static const int sh[6][5] = {{128, 28, 512, 1, 1}, {512, 28, 128, 1, 1}, {256, 56, 512, 2, 1},
                                 {256, 56, 128, 1, 1}, {256, 56, 64, 1, 0},  {64, 56, 256, 1, 0}};
    int bad = -1, si;
    for (si = 0; si < 6; si++) {
      dive__conv_p q;
      memset(&q, 0, sizeof q);
      q.N = 8;
      q.C = sh[si][0];
      q.H = q.W = sh[si][1];
      q.K = sh[si][2];
      q.R = q.S = 1;
      q.stride = sh[si][3];
      q.P = q.Q = (q.H - 1) / q.stride + 1;
      q.groups = 1;
      if (dive__dwnn_pick(&q) != sh[si][4] && bad < 0) bad = si;
    }
    report("conv2d", "NN backward-weights rule, 1x1 at 28x28 / 56x56", "cpu", bad < 0, "first shape not as measured: %d (0: none)",
           bad + 1);
  }

  /* NN backward-weights with its transposed input unblocked and without parity planes (the
     layout before dive__dwcb_mode and dive__dwpar_mode, kept for A/B runs): the rows the
     rules pick */
  if (do_cpu && (!only_op || !strcmp(only_op, "conv2d"))) {
    int c0 = dive__dwnn_calls, q0 = dive__dwpar_calls;
    dive__dwnn_mode = 1;
    dive__dwcb_mode = dive__dwpar_mode = 0;
    g_no_grad = 1;
    run_dwnn_rows("cpu-dwxt", 1, cpu_ctx);
    report("conv2d", "NN backward-weights, plain xt ran", "cpu-dwxt", dive__dwnn_calls > c0 && dive__dwpar_calls == q0,
           "%d chunks", dive__dwnn_calls - c0);
    dive__dwnn_mode = -1;
    dive__dwcb_mode = dive__dwpar_mode = 1;
    g_cpu_label = "cpu";
    g_no_grad = 0;
  }

  /* NN backward-weights with dout's panels all packed before the GEMMs (the way before
     dive__dwpb_mode): the rows the rules pick */
  if (do_cpu && dive__isa() == DIVE__ISA_AVX512 && (!only_op || !strcmp(only_op, "conv2d"))) {
    int c0 = dive__dwnn_calls, p0 = dive__dwpb_calls;
    dive__dwnn_mode = 1;
    dive__dwpb_mode = 0;
    g_no_grad = 1;
    run_dwnn_rows("cpu-dwpk", 1, cpu_ctx);
    report("conv2d", "NN backward-weights, dout panels whole ran", "cpu-dwpk",
           dive__dwnn_calls > c0 && dive__dwpb_calls == p0, "%d chunks", dive__dwnn_calls - c0);
    dive__dwnn_mode = dive__dwpb_mode = -1;
    g_cpu_label = "cpu";
    g_no_grad = 0;
  }

  /* NN backward-weights with its copies by the scalar loops and the 8 x 32 tile (the way before
     dive__dwtr_mode and dive__dw48_mode, kept for A/B runs): the rows the rules pick */
  if (do_cpu && dive__isa() == DIVE__ISA_AVX512 && (!only_op || !strcmp(only_op, "conv2d"))) {
    int c0 = dive__dwnn_calls, r0 = dive__dwtr_calls, w0 = dive__dw48_calls;
    dive__dwnn_mode = 1;
    dive__dwtr_mode = dive__dw48_mode = 0;
    g_no_grad = 1;
    run_dwnn_rows("cpu-dw32", 1, cpu_ctx);
    report("conv2d", "NN backward-weights, scalar copies and 8 x 32 tile ran", "cpu-dw32",
           dive__dwnn_calls > c0 && dive__dwtr_calls == r0 && dive__dw48_calls == w0, "%d chunks",
           dive__dwnn_calls - c0);
    dive__dwnn_mode = -1;
    dive__dwtr_mode = 3;
    dive__dw48_mode = 1;
    g_cpu_label = "cpu";
    g_no_grad = 0;
  }

  /* The blocked GEMM's 8 x 48 tile (AVX-512): the conv rows the chunks of images can serve run
     with the chunks forced on and the tile on; the rows above then ran it off on the narrower
     paths only */
  if (do_cpu && dive__isa() == DIVE__ISA_AVX512 && (!only_op || !strcmp(only_op, "conv2d"))) {
    int c0 = dive__nn48_calls, b0 = dive__gbk1_calls, s0;
    dive__fwdb_mode = 1;
    dive__nn48_mode = 1;
    g_no_grad = 1;
    run_dwnn_rows("cpu-nn48", 0, cpu_ctx);
    report("conv2d", "8 x 48 tile ran", "cpu-nn48", dive__nn48_calls > c0, "%d calls", dive__nn48_calls - c0);
    report("conv2d", "1x1 copies in blocks of channels ran", "cpu-nn48", dive__gbk1_calls > b0, "%d chunks",
           dive__gbk1_calls - b0);
    /* ... and with the 1x1 convs' copies whole (the way before dive__gbk1_mode) */
    b0 = dive__gbk1_calls;
    s0 = dive__gbsc_calls;
    dive__gbk1_mode = 0;
    run_dwnn_rows("cpu-nn48w", 0, cpu_ctx);
    report("conv2d", "1x1 copies whole ran", "cpu-nn48w", dive__gbk1_calls == b0, "%d chunks in blocks",
           dive__gbk1_calls - b0);
    report("conv2d", "1x1 row blocks scattered as done ran", "cpu-nn48w", dive__gbsc_calls > s0, "%d chunks",
           dive__gbsc_calls - s0);
    /* ... and with the whole cbuf scattered after the GEMM (the way before dive__gbsc_mode) */
    s0 = dive__gbsc_calls;
    dive__gbsc_mode = 0;
    run_dwnn_rows("cpu-nn48s", 0, cpu_ctx);
    report("conv2d", "1x1 cbuf scattered whole ran", "cpu-nn48s", dive__gbsc_calls == s0, "%d chunks by blocks",
           dive__gbsc_calls - s0);
    dive__gbsc_mode = 1;
    dive__gbk1_mode = -1;
    dive__fwdb_mode = dive__nn48_mode = -1;
    g_cpu_label = "cpu";
    g_no_grad = 0;
  }

  /* The 1x1/2 convs' col2im with streaming stores (AVX-512, planes of DIVE__S2NT_MIN floats
     or more): the strided 1x1 rows in chunks of images, with them (the default) and with
     plain stores */
  if (do_cpu && dive__isa() == DIVE__ISA_AVX512 && (!only_op || !strcmp(only_op, "conv2d"))) {
    int mode;
    dive__fwdb_mode = 1;
    g_no_grad = 1;
    for (mode = 1; mode >= 0; mode--) {
      int s0 = dive__s2nt_calls;
      dive__s2nt_mode = mode;
      g_cpu_label = mode ? "cpu-s2nt" : "cpu-s2nt0";
      for (k = 0; k < sizeof cases / sizeof cases[0]; k++)
        if (s2_1x1_row(&cases[k])) run_case(&cases[k], 1, cpu_ctx, NULL);
      report("conv2d", mode ? "1x1/2 col2im, streaming stores ran" : "1x1/2 col2im, plain stores ran", g_cpu_label,
             mode ? dive__s2nt_calls > s0 : dive__s2nt_calls == s0, "%d images", dive__s2nt_calls - s0);
    }
    dive__s2nt_mode = 1;
    dive__fwdb_mode = -1;
    g_cpu_label = "cpu";
    g_no_grad = 0;
  }

  /* The col matrix in blocks of output rows: the rule picks it for the 7x7/2 stem at 224
     only, so the conv rows where it can apply run again with it forced, in blocks of ~5000
     floats (several blocks an image, a shorter last one) */
  if (do_cpu && (!only_op || !strcmp(only_op, "conv2d"))) {
    int c0 = dive__colblk_calls;
    int64_t cf = dive__colblk_floats;
    dive__colblk_mode = 1;
    dive__colblk_floats = 5000;
    g_cpu_label = "cpu-colblk";
    g_no_grad = 1;
    for (k = 0; k < sizeof cases / sizeof cases[0]; k++)
      if (colblk_row(&cases[k])) run_case(&cases[k], 1, cpu_ctx, NULL);
    report("conv2d", "col matrix in blocks ran", "cpu-colblk", dive__colblk_calls > c0, "%d images",
           dive__colblk_calls - c0);
    dive__colblk_mode = -1;
    dive__colblk_floats = cf;
    g_cpu_label = "cpu";
    g_no_grad = 0;
  }

  /* The plain geometry's two orders of kernel calls (dive__plain_cols: the rule takes rows
     outer for images of <= 1 MB): the 1x1 rows again with columns outer, and with rows outer
     in blocks of 32-64 columns (several blocks an image) */
  if (do_cpu && (!only_op || !strcmp(only_op, "conv2d"))) {
    int64_t bf = dive__plain_blkf;
    int mode;
    for (mode = 0; mode <= 1; mode++) {
      int c0 = dive__plain_rows_calls;
      dive__plain_mode = mode;
      dive__plain_blkf = mode ? 2048 : bf;
      g_cpu_label = mode ? "cpu-rows" : "cpu-cols";
      g_no_grad = 1;
      for (k = 0; k < sizeof cases / sizeof cases[0]; k++)
        if (plain_row(&cases[k])) run_case(&cases[k], 1, cpu_ctx, NULL);
      report("conv2d", mode ? "1x1 rows outer ran" : "1x1 rows outer off", g_cpu_label,
             mode ? dive__plain_rows_calls > c0 : dive__plain_rows_calls == c0, "%d images", dive__plain_rows_calls - c0);
    }
    dive__plain_mode = -1;
    dive__plain_blkf = bf;
    g_cpu_label = "cpu";
    g_no_grad = 0;
  }

  /* The plain geometry's 8 x 48 tile (AVX-512): the 1x1 rows with columns outer, where the
     rule packs each 48-column panel of B (the test images are small: by default they run rows
     outer, B in place), then with B read in place, columns outer and rows outer in blocks of
     96 columns */
  if (do_cpu && dive__isa() == DIVE__ISA_AVX512 && (!only_op || !strcmp(only_op, "conv2d"))) {
    int64_t bf = dive__plain_blkf;
    int mode, c0 = dive__plain48_calls, k0 = dive__plain_pk_calls;
    g_no_grad = 1;
    dive__plain_mode = 0; /* columns outer: the rule packs the panels there */
    g_cpu_label = "cpu-pack48";
    for (k = 0; k < sizeof cases / sizeof cases[0]; k++)
      if (plain_row(&cases[k])) run_case(&cases[k], 1, cpu_ctx, NULL);
    report("conv2d", "1x1 48-column panels packed", "cpu-pack48", dive__plain_pk_calls > k0, "%d images",
           dive__plain_pk_calls - k0);
    dive__plain48_mode = 1;
    for (mode = 0; mode <= 1; mode++) {
      dive__plain_mode = mode;
      dive__plain_blkf = mode ? 96 * 16 : bf;
      g_cpu_label = mode ? "cpu-rows48" : "cpu-cols48";
      for (k = 0; k < sizeof cases / sizeof cases[0]; k++)
        if (plain_row(&cases[k])) run_case(&cases[k], 1, cpu_ctx, NULL);
    }
    report("conv2d", "1x1 8 x 48 tile in place ran", "cpu-48", dive__plain48_calls > c0, "%d panels",
           dive__plain48_calls - c0);
    dive__plain48_mode = dive__plain_mode = -1;
    dive__plain_blkf = bf;
    g_cpu_label = "cpu";
    g_no_grad = 0;
  }

  /* The 1x1 weight gradient in blocks of pixels (dive__ntlb_mode: x and dout read in place,
     one image a call): the 1x1 rows in blocks of 96 pixels (several an image, a shorter last) */
  if (do_cpu && (!only_op || !strcmp(only_op, "conv2d"))) {
    int c0 = dive__ntlb_calls;
    int64_t lc = dive__ntlb_cols;
    dive__ntlb_cols = 96;
    g_cpu_label = "cpu-ntlb";
    g_no_grad = 1;
    for (k = 0; k < sizeof cases / sizeof cases[0]; k++)
      if (plain_row(&cases[k])) run_case(&cases[k], 1, cpu_ctx, NULL);
    report("conv2d", "1x1 dw in pixel blocks ran", "cpu-ntlb", dive__ntlb_calls > c0, "%d blocks",
           dive__ntlb_calls - c0);
    dive__ntlb_cols = lc;
    g_cpu_label = "cpu";
    g_no_grad = 0;
  }

  if (do_cpu && (!only_op || !strcmp(only_op, "maxpool"))) run_pool_rows();
  if (do_cpu && (!only_op || !strcmp(only_op, "bn_relu"))) {
    run_fused();
    run_dx_fused();
  }
  if (do_cpu && (!only_op || !strcmp(only_op, "gconv"))) run_gd();
  if (do_cpu && (!only_op || !strcmp(only_op, "s1conv"))) run_s1();
  if (do_cpu && (!only_op || !strcmp(only_op, "gbwconv"))) run_gbw();
  if (do_cpu && (!only_op || !strcmp(only_op, "wofconv"))) {
    run_wof();
    run_wif();
  }
  if (do_cpu && (!only_op || !strcmp(only_op, "conv_epi"))) {
    int best = dive__isa(), isa;
    for (isa = best; isa >= 0; isa = dive__isa_narrower(isa)) {
      dive__isa_set(isa);
      run_conv_epi();
    }
    dive__isa_set(best);
  }

  if (!only_op || !strcmp(only_op, "known"))
    for (k = 0; k < sizeof knowns / sizeof knowns[0]; k++) {
      if (do_cpu) run_known((int)k, cpu_ctx, "cpu");
      if (vk_ctx) run_known((int)k, vk_ctx, "vulkan");
    }
  if (!only_op || !strcmp(only_op, "badarg"))
    for (k = 0; k < sizeof bads / sizeof bads[0]; k++) {
      if (do_cpu) run_bad((int)k, cpu_ctx, other, "cpu");
      if (vk_ctx && !bads[k].cpu_only) run_bad((int)k, vk_ctx, other, "vulkan");
    }
  if (!only_op) { /* a NULL ctx has no ctx to hold the message */
    dive_status s = dive_relu_forward(NULL, NULL, NULL);
    int ok = s == DIVE_ERR_ARG && strstr(dive_last_error(), "dive_relu_forward") != NULL;
    report("badarg", "relu ctx NULL", "none", ok, "(%s: %s)", dive_status_str(s), dive_last_error());
  }

  if (do_cpu) part_ran("cpu part", g_cpu_rows, part_checks(1, only_op));
  if (vk_ctx) part_ran("vulkan part", g_vk_rows, part_checks(0, only_op));
  dive_ctx_destroy(vk_ctx);
  dive_ctx_destroy(other);
  dive_ctx_destroy(cpu_ctx);
  printf("(%.1f s)\n", dive_time_sec() - t0);
  if (dive__vk_validation_errors(NULL)) { /* DIVE_VK_VALIDATION=1: any message fails */
    printf("FAIL: %d Vulkan validation messages\n", dive__vk_validation_errors(NULL));
    g_fail++;
  }
  return summary();
}
