/* dive.h - v0.1.0 - long-tailed image classification with DiVE (Distilling Virtual
   Examples, ICCV 2021) in one C header: CPU (OpenMP) and Vulkan compute - MIT license

   USAGE
     In exactly one .c or .cpp file, before the include:
         #define DIVE_IMPLEMENTATION
         #include "dive.h"
     Every other file includes "dive.h" alone. Build with a C99 or C++11 compiler:
         cc -std=c99 -O2 my.c -o my -lm -fopenmp -ldl
     (-fopenmp is optional: without it everything runs on one thread; -ldl is only needed
     when the Vulkan backend is compiled in, which is the default.)

   CONFIG (set before including; "impl" = only where DIVE_IMPLEMENTATION is defined)
     DIVE_STATIC           everywhere  all API functions become static
     DIVE_NO_VULKAN        impl        no Vulkan code at all (CPU only; needs libc + libm)
     DIVE_NO_OPENMP        impl        ignore OpenMP even when compiled with -fopenmp
     DIVE_ASSERT(x)        impl        assertion for programmer errors (default assert())
     DIVE_MALLOC(n), DIVE_REALLOC(p,n), DIVE_FREE(p)
                           impl        allocator; define all three or none

   BACKENDS
     DIVE_BACKEND_CPU     OpenMP kernels (serial reference kernels back every op).
     DIVE_BACKEND_VULKAN  compute shaders through a run-time loaded Vulkan loader.
     DIVE_BACKEND_AUTO    (default) Vulkan when a GPU is present, else the CPU.
     Environment: DIVE_BACKEND=cpu|vulkan overrides the desc; DIVE_VK_DEVICE=i picks a device.

   ERRORS
     Every fallible function returns dive_status (DIVE_OK = 0, errors < 0). Failures inside a
     context are sticky: the first one is kept with its message (dive_ctx_error) and later
     calls on that ctx return it at once, so a loop may check dive_ctx_status() once a step.
     Failures before a ctx exists are described by dive_last_error().

   QUICK START
     dive_ctx *ctx; dive_resnet *net;
     dive_ctx_desc cd; memset(&cd, 0, sizeof cd);                 // zero = defaults
     dive_ctx_create(&ctx, &cd);
     dive_resnet_desc rd; memset(&rd, 0, sizeof rd);
     rd.depth = 32; rd.in_channels = 3; rd.num_classes = 10;      // ResNet-32, CIFAR-10
     dive_resnet_create(ctx, &net, &rd);
     dive_loss_desc ld; memset(&ld, 0, sizeof ld); ld.kind = DIVE_LOSS_CE;
     dive_sgd_desc sd; memset(&sd, 0, sizeof sd); sd.lr = 0.1f; sd.momentum = 0.9f;
     float loss;
     dive_resnet_train_step(net, NULL, x, y, batch, &ld, &sd, &loss);  // x: NCHW floats
     dive_resnet_save(net, "model.safetensors");
     dive_resnet_destroy(net); dive_ctx_destroy(ctx);

   CONTENTS (search for the >>tag)
     >>api-config >>api-types >>api
     >>impl-config >>internal >>cpu-ref >>cpu >>spirv >>vulkan >>dispatch
     >>loss >>optim >>resnet >>checkpoint >>data >>analyzer >>train

   LICENSE: MIT, see the end of this file.
*/
#if defined(DIVE_IMPLEMENTATION) && !defined(_POSIX_C_SOURCE) && !defined(_WIN32)
#define _POSIX_C_SOURCE 200809L /* clock_gettime, fsync, fdopen: before any system header */
#endif
#ifndef DIVE_H_INCLUDED
#define DIVE_H_INCLUDED

/* ======================================================================== >>api-config */
#include <stddef.h>
#include <stdint.h>

#define DIVE_VERSION_MAJOR 0
#define DIVE_VERSION_MINOR 1
#define DIVE_VERSION_PATCH 0

#ifndef DIVE_API
#ifdef DIVE_STATIC
#define DIVE_API static
#else
#define DIVE_API extern
#endif
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ========================================================================= >>api-types */

/* Status codes: one list, expanded into the enum and into dive_status_str(). */
#define DIVE__STATUS_LIST(X)                                   \
  X(OK, 0, "ok")                                               \
  X(ERR_ARG, -1, "invalid argument")                           \
  X(ERR_SHAPE, -2, "shape mismatch")                           \
  X(ERR_OOM, -3, "out of memory")                              \
  X(ERR_IO, -4, "i/o error")                                   \
  X(ERR_FORMAT, -5, "bad file format")                         \
  X(ERR_NO_DEVICE, -6, "no device")                            \
  X(ERR_VULKAN, -7, "vulkan call failed")                      \
  X(ERR_NONFINITE, -8, "non-finite value")                     \
  X(ERR_UNSUPPORTED, -9, "unsupported")

typedef enum dive_status {
#define DIVE__X(name, val, str) DIVE_##name = val,
  DIVE__STATUS_LIST(DIVE__X)
#undef DIVE__X
  DIVE__STATUS_END = -100
} dive_status;

typedef enum dive_backend {
  DIVE_BACKEND_AUTO = 0,
  DIVE_BACKEND_CPU = 1,
  DIVE_BACKEND_VULKAN = 2
} dive_backend;

typedef enum dive_dtype { DIVE_F32 = 0, DIVE_I32 = 1 } dive_dtype;

typedef enum dive_log_level { DIVE_LOG_ERROR = 0, DIVE_LOG_WARN = 1, DIVE_LOG_INFO = 2 } dive_log_level;

typedef struct dive_ctx dive_ctx; /* opaque: backend state, pipeline cache, sticky error */

typedef struct dive_ctx_desc {
  dive_backend backend; /* AUTO (default), CPU or VULKAN; env DIVE_BACKEND overrides */
  int vk_device;        /* 0 = auto (discrete, then integrated, then first); N = device N-1 */
  int threads;          /* OpenMP threads; 0 = leave OpenMP's default */
  int verbose;          /* 1: info messages and per-layer summaries on stderr */
  void (*log_fn)(int level, const char *msg, void *user); /* NULL: stderr when verbose */
  void *log_user;
} dive_ctx_desc;

/* An fp32 (or int32) tensor of up to 4 dimensions, NCHW, contiguous. Transparent and
   read-only by convention: data moves only through dive_tensor_write/read. A view shares
   its parent's storage and must not outlive it. */
typedef struct dive_tensor {
  dive_dtype dtype;
  int ndim;
  int shape[4];
  int64_t numel;
  dive_ctx *ctx;
  struct {            /* private */
    void *host;       /* CPU backend: base of the host allocation */
    void *dev;        /* Vulkan backend: the device buffer */
    int64_t offset;   /* element offset into host/dev */
    int owner;        /* 1 when this tensor frees the storage */
  } impl;
} dive_tensor;

/* Deterministic random numbers (xoshiro128+-style, seeded by splitmix64). */
typedef struct dive_rng { uint64_t s[2]; } dive_rng;

/* Loss family (METHOD.md §2). B = batch, C = classes. */
typedef enum dive_loss_kind {
  DIVE_LOSS_CE = 0,   /* mean -log softmax(s)_y */
  DIVE_LOSS_BSCE = 1, /* CE on s + log n_j (balanced softmax) */
  DIVE_LOSS_KD = 2,   /* T^2 KL(t || softmax(s/T)), t = softmax(z p / T) (teacher z) */
  DIVE_LOSS_DIVE = 3  /* (1-alpha) BSCE + alpha T^2 KL(t || softmax(s/T)) */
} dive_loss_kind;

typedef struct dive_loss_desc {
  dive_loss_kind kind;
  float alpha;         /* DIVE weight of the KD term; 0 = default 0.5 */
  float T;             /* temperature; 0 = default 3 */
  float power;         /* teacher power normalization p; 0 = default 0.5 (1 = off) */
  int no_bsce;         /* DIVE: drop the BSCE term (pure KD / DLDL form, Table 6) */
  int mix_groundtruth; /* DIVE: KL target = (1-alpha) onehot + alpha t (Eq. 6, Table 6) */
  const int *class_counts; /* n_j per class: needed by BSCE and DIVE (model-level calls) */
} dive_loss_desc;

/* SGD with PyTorch's update rule. Fields are taken as given (0 = off), except lr. */
typedef struct dive_sgd_desc {
  float lr;
  float momentum;
  float weight_decay;
  int nesterov;
} dive_sgd_desc;

/* CIFAR-style ResNet of depth 6n+2 (ResNet-32: n = 5), option-A shortcuts. */
typedef struct dive_resnet_desc {
  int depth;        /* 0 = 32 */
  int in_channels;  /* 0 = 3 */
  int num_classes;  /* 0 = 10 */
  int base_width;   /* channels of stage 1; 0 = 16 (stages: w, 2w, 4w) */
  int height, width;/* input size; 0 = 32 */
  int max_batch;    /* largest batch a call may pass; 0 = 128 */
  uint64_t seed;    /* Kaiming-normal init seed */
  int verbose;      /* print one line per layer and the parameter count */
} dive_resnet_desc;

/* A named parameter or buffer of a model (PyTorch state_dict naming). */
typedef struct dive_param {
  char name[48];
  dive_tensor value;    /* view into the params arena (or the buffers arena) */
  dive_tensor grad;     /* view into grads (numel 0 for buffers) */
  dive_tensor momentum; /* view into the momentum arena (numel 0 for buffers) */
  int is_buffer;        /* running_mean / running_var: not trained */
} dive_param;

typedef struct dive_bn_layer {
  dive_tensor gamma, beta, running_mean, running_var; /* views */
  dive_tensor dgamma, dbeta;
  int64_t num_batches_tracked;
  int channels;
} dive_bn_layer;

typedef struct dive_conv_layer {
  dive_tensor w, dw; /* (K, C/groups, R, S) */
  int in_c, out_c, ksize, stride, pad;
} dive_conv_layer;

typedef struct dive_basic_block {
  dive_conv_layer conv1, conv2;
  dive_bn_layer bn1, bn2;
  int in_c, out_c, stride, in_hw, out_hw;
  /* saved activations (views into acts, full max_batch size) */
  dive_tensor c1, r1, c2, out, mean1, rstd1, mean2, rstd2;
} dive_basic_block;

/* The model: config, flat arenas and named views into them (llm.c manner). */
typedef struct dive_resnet {
  dive_resnet_desc desc;
  dive_ctx *ctx;
  int nblocks;                   /* 3 * n */
  int64_t num_params;            /* trainable scalars */
  dive_tensor params, grads, momentum, buffers, acts; /* arenas (owners) */
  dive_conv_layer conv1;
  dive_bn_layer bn1;
  dive_basic_block *blocks;
  dive_tensor fc_w, fc_b, fc_dw, fc_db; /* linear (classes, C), (classes) */
  dive_tensor input, stem_c, stem_out, stem_mean, stem_rstd, pooled, logits, dlogits;
  dive_tensor labels, teacher_logits, log_prior, per_example; /* loss buffers */
  dive_tensor gbuf[4];           /* scratch gradient buffers for backward */
  dive_param *plist;             /* state_dict order */
  int nplist;
  int cur_batch;                 /* batch of the last forward */
} dive_resnet;

/* ============================================================================== >>api */

/* --- context and backends --- */
DIVE_API const char *dive_status_str(dive_status s);
DIVE_API const char *dive_last_error(void); /* thread-local; failures without a ctx */
DIVE_API dive_status dive_ctx_create(dive_ctx **out, const dive_ctx_desc *desc);
DIVE_API void dive_ctx_destroy(dive_ctx *ctx);
DIVE_API dive_status dive_ctx_status(const dive_ctx *ctx);
DIVE_API const char *dive_ctx_error(const dive_ctx *ctx);
DIVE_API void dive_ctx_clear_error(dive_ctx *ctx);
DIVE_API dive_status dive_ctx_sync(dive_ctx *ctx); /* wait for all recorded device work */
DIVE_API dive_backend dive_query_backend(const dive_ctx *ctx);
DIVE_API const char *dive_query_device_name(const dive_ctx *ctx);
DIVE_API int dive_query_threads(const dive_ctx *ctx);

/* --- tensors --- */
DIVE_API dive_status dive_tensor_alloc(dive_ctx *ctx, dive_tensor *t, dive_dtype dtype, int ndim,
                                       const int *shape);
DIVE_API void dive_tensor_free(dive_tensor *t); /* no-op on views and zeroed tensors */
/* view of `numel(shape)` elements starting at element `offset` of parent */
DIVE_API dive_status dive_tensor_view(dive_tensor *view, const dive_tensor *parent, int64_t offset,
                                      int ndim, const int *shape);
DIVE_API dive_status dive_tensor_write(dive_tensor *t, const void *src, int64_t count);
DIVE_API dive_status dive_tensor_read(const dive_tensor *t, void *dst, int64_t count);
DIVE_API dive_status dive_tensor_zero(dive_tensor *t);

/* --- ops: forward/backward pairs. Backward writes din (overwrite) and accumulates into
       dweight/dbias (+=). Any gradient pointer may be NULL when not needed. --- */

/* conv2d: in (N,C,H,W), w (K,C/groups,R,S), b (K) or NULL -> out (N,K,P,Q),
   P = (H + 2 pad - R) / stride + 1, Q likewise. */
DIVE_API dive_status dive_conv2d_forward(dive_ctx *ctx, dive_tensor *out, const dive_tensor *in,
                                         const dive_tensor *w, const dive_tensor *b, int stride,
                                         int pad, int groups);
DIVE_API dive_status dive_conv2d_backward(dive_ctx *ctx, dive_tensor *din, dive_tensor *dw,
                                          dive_tensor *db, const dive_tensor *dout,
                                          const dive_tensor *in, const dive_tensor *w, int stride,
                                          int pad, int groups);

/* batch norm over (N,H,W) per channel: in (N,C,H,W) or (N,C); gamma, beta, running (C).
   training: batch statistics, saves mean and rstd = 1/sqrt(var+eps) (biased var), updates
   running_mean/var with momentum (unbiased var, as PyTorch). eval: running statistics
   (mean/rstd still saved). Backward is the training-mode gradient. */
DIVE_API dive_status dive_batchnorm_forward(dive_ctx *ctx, dive_tensor *out, dive_tensor *mean,
                                            dive_tensor *rstd, const dive_tensor *in,
                                            const dive_tensor *gamma, const dive_tensor *beta,
                                            dive_tensor *running_mean, dive_tensor *running_var,
                                            int training, float momentum, float eps);
DIVE_API dive_status dive_batchnorm_backward(dive_ctx *ctx, dive_tensor *din, dive_tensor *dgamma,
                                             dive_tensor *dbeta, const dive_tensor *dout,
                                             const dive_tensor *in, const dive_tensor *mean,
                                             const dive_tensor *rstd, const dive_tensor *gamma);

/* relu: out = max(in, 0) (out may be in). backward uses the output: din = dout * (out > 0);
   din may be dout. */
DIVE_API dive_status dive_relu_forward(dive_ctx *ctx, dive_tensor *out, const dive_tensor *in);
DIVE_API dive_status dive_relu_backward(dive_ctx *ctx, dive_tensor *din, const dive_tensor *dout,
                                        const dive_tensor *out);

/* add: out = a + b (same shapes; out may alias a or b). backward: da = db = dout. */
DIVE_API dive_status dive_add_forward(dive_ctx *ctx, dive_tensor *out, const dive_tensor *a,
                                      const dive_tensor *b);
DIVE_API dive_status dive_add_backward(dive_ctx *ctx, dive_tensor *da, dive_tensor *db,
                                       const dive_tensor *dout);

/* option-A shortcut: in (N,C,H,W) -> out (N,K,P,Q), K >= C, P = ceil(H/stride):
   out[n,k,p,q] = in[n,k-(K-C)/2,p*stride,q*stride] inside the copied channels, 0 outside. */
DIVE_API dive_status dive_shortcut_forward(dive_ctx *ctx, dive_tensor *out, const dive_tensor *in,
                                           int stride);
DIVE_API dive_status dive_shortcut_backward(dive_ctx *ctx, dive_tensor *din,
                                            const dive_tensor *dout, int stride);

/* max pool k x k, stride, zero... (padding is -inf): in (N,C,H,W) -> out (N,C,P,Q);
   argmax (I32, same shape as out) holds the flat h*W+w index of the max (first on ties). */
DIVE_API dive_status dive_maxpool_forward(dive_ctx *ctx, dive_tensor *out, dive_tensor *argmax,
                                          const dive_tensor *in, int k, int stride, int pad);
DIVE_API dive_status dive_maxpool_backward(dive_ctx *ctx, dive_tensor *din, const dive_tensor *dout,
                                           const dive_tensor *argmax);

/* global average pool: in (N,C,H,W) -> out (N,C) (or (N,C,1,1)). */
DIVE_API dive_status dive_avgpool_forward(dive_ctx *ctx, dive_tensor *out, const dive_tensor *in);
DIVE_API dive_status dive_avgpool_backward(dive_ctx *ctx, dive_tensor *din,
                                           const dive_tensor *dout);

/* linear: in (N,K), w (M,K), b (M) or NULL -> out (N,M) = in w^T + b. */
DIVE_API dive_status dive_linear_forward(dive_ctx *ctx, dive_tensor *out, const dive_tensor *in,
                                         const dive_tensor *w, const dive_tensor *b);
DIVE_API dive_status dive_linear_backward(dive_ctx *ctx, dive_tensor *din, dive_tensor *dw,
                                          dive_tensor *db, const dive_tensor *dout,
                                          const dive_tensor *in, const dive_tensor *w);

/* --- losses: fused forward + d(loss)/d(logits) ---
   logits (B,C) student; labels I32 (B); teacher (B,C) raw teacher logits (KD, DIVE);
   log_prior (C) = log n_j (BSCE, DIVE). Writes dlogits (B,C) (overwrite), per_example (B)
   and *mean_loss (host; reading it waits for the device) - each may be NULL. */
DIVE_API dive_status dive_loss_forward(dive_ctx *ctx, dive_tensor *dlogits, dive_tensor *per_example,
                                       float *mean_loss, const dive_tensor *logits,
                                       const dive_tensor *labels, const dive_tensor *teacher,
                                       const dive_tensor *log_prior, const dive_loss_desc *desc);

/* --- optimizer: param -= lr * update, PyTorch SGD (momentum buffer starts at zero) --- */
DIVE_API dive_status dive_sgd_step(dive_ctx *ctx, dive_tensor *param, const dive_tensor *grad,
                                   dive_tensor *momentum, const dive_sgd_desc *desc);

/* --- ResNet (CIFAR family) --- */
DIVE_API dive_status dive_resnet_create(dive_ctx *ctx, dive_resnet **out,
                                        const dive_resnet_desc *desc);
DIVE_API void dive_resnet_destroy(dive_resnet *m);
/* x: model->input filled for `n` images (or NULL to use x_host). Logits land in m->logits. */
DIVE_API dive_status dive_resnet_forward(dive_resnet *m, const float *x_host, int n, int training);
DIVE_API dive_status dive_resnet_backward(dive_resnet *m); /* from m->dlogits; grads += */
DIVE_API dive_status dive_resnet_zero_grad(dive_resnet *m);
DIVE_API dive_status dive_resnet_sgd_step(dive_resnet *m, const dive_sgd_desc *desc);
/* one full step: forward (training), loss (teacher forward in eval mode when the loss
   needs it), backward, SGD. x (n, C, H, W) floats, y (n) labels in [0, classes). */
DIVE_API dive_status dive_resnet_train_step(dive_resnet *m, dive_resnet *teacher, const float *x,
                                            const int32_t *y, int n, const dive_loss_desc *loss,
                                            const dive_sgd_desc *sgd, float *loss_out);
/* eval-mode logits for n images into logits_out (n, classes) */
DIVE_API dive_status dive_resnet_predict(dive_resnet *m, const float *x, int n, float *logits_out);
DIVE_API dive_status dive_resnet_save(dive_resnet *m, const char *path);
DIVE_API dive_status dive_resnet_load(dive_resnet *m, const char *path);

/* --- utils --- */
DIVE_API void dive_rng_seed(dive_rng *r, uint64_t seed);
DIVE_API uint32_t dive_rng_u32(dive_rng *r);
DIVE_API float dive_rng_uniform(dive_rng *r); /* [0, 1) */
DIVE_API float dive_rng_normal(dive_rng *r);  /* N(0, 1) */
DIVE_API double dive_time_sec(void);          /* monotonic clock */

/* >>api-data (declarations of the data section go here) */

#ifdef __cplusplus
}
#endif
#endif /* DIVE_H_INCLUDED */

/* ######################################################################################## */
#if defined(DIVE_IMPLEMENTATION) && !defined(DIVE_IMPLEMENTATION_INCLUDED)
#define DIVE_IMPLEMENTATION_INCLUDED

/* ======================================================================= >>impl-config */
#if defined(DIVE_MALLOC) && defined(DIVE_FREE) && defined(DIVE_REALLOC)
#elif !defined(DIVE_MALLOC) && !defined(DIVE_FREE) && !defined(DIVE_REALLOC)
#include <stdlib.h>
#define DIVE_MALLOC(n) malloc(n)
#define DIVE_REALLOC(p, n) realloc(p, n)
#define DIVE_FREE(p) free(p)
#else
#error "dive.h: define all of DIVE_MALLOC, DIVE_REALLOC and DIVE_FREE, or none"
#endif
#ifndef DIVE_ASSERT
#include <assert.h>
#define DIVE_ASSERT(x) assert(x)
#endif

#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <stdarg.h>
#include <math.h>
#include <float.h>
#include <time.h>
#include <errno.h>
#if defined(_WIN32)
#include <io.h>
#else
#include <unistd.h>
#include <fcntl.h>
#include <sys/stat.h>
#endif

#if defined(_OPENMP) && !defined(DIVE_NO_OPENMP)
#include <omp.h>
#define DIVE__OMP 1
#define DIVE__PRAGMA(x) _Pragma(#x)
#define DIVE__OMP_FOR DIVE__PRAGMA(omp parallel for schedule(static))
#define DIVE__OMP_FOR2 DIVE__PRAGMA(omp parallel for collapse(2) schedule(static))
#else
#define DIVE__OMP 0
#define DIVE__OMP_FOR
#define DIVE__OMP_FOR2
#endif

#if defined(__cplusplus) || !defined(__STDC_VERSION__) || __STDC_VERSION__ < 199901L
#define DIVE__RESTRICT __restrict
#else
#define DIVE__RESTRICT restrict
#endif

#if defined(__cplusplus)
#define DIVE__TLS thread_local
#elif defined(_MSC_VER)
#define DIVE__TLS __declspec(thread)
#else
#define DIVE__TLS __thread
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ========================================================================== >>internal */

#if defined(__GNUC__) || defined(__clang__)
#define DIVE__UNUSED __attribute__((unused))
#else
#define DIVE__UNUSED
#endif
#define DIVE__DEF(v, d) ((v) ? (v) : (d))
#define DIVE__MIN(a, b) ((a) < (b) ? (a) : (b))
#define DIVE__MAX(a, b) ((a) > (b) ? (a) : (b))

struct dive__vk; /* Vulkan state, defined in >>vulkan */

struct dive_ctx {
  dive_backend backend;
  int threads;
  int verbose;
  void (*log_fn)(int level, const char *msg, void *user);
  void *log_user;
  dive_status status;   /* sticky: first failure */
  char error[512];
  char device_name[256];
  struct dive__vk *vk;  /* NULL on the CPU backend */
};

static DIVE__TLS char dive__last_error[512];

DIVE_API const char *dive_status_str(dive_status s) {
  switch (s) {
#define DIVE__X(name, val, str) case DIVE_##name: return str;
    DIVE__STATUS_LIST(DIVE__X)
#undef DIVE__X
  default: return "unknown status";
  }
}

DIVE_API const char *dive_last_error(void) { return dive__last_error; }

#if defined(__GNUC__) || defined(__clang__)
#define DIVE__PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define DIVE__PRINTF(a, b)
#endif

/* Record a failure without a ctx (thread-local) and return it. */
static dive_status dive__fail(dive_status s, const char *fmt, ...) DIVE__PRINTF(2, 3);
static dive_status dive__fail(dive_status s, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(dive__last_error, sizeof dive__last_error, fmt, ap);
  va_end(ap);
  return s;
}

static void dive__log(dive_ctx *ctx, int level, const char *fmt, ...) DIVE__PRINTF(3, 4);
static void dive__log(dive_ctx *ctx, int level, const char *fmt, ...) {
  char buf[1024];
  va_list ap;
  if (!ctx || (!ctx->log_fn && !ctx->verbose && level != DIVE_LOG_WARN)) return;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (ctx->log_fn) ctx->log_fn(level, buf, ctx->log_user);
  else fprintf(stderr, "dive: %s\n", buf);
}

/* Record a failure in the ctx (first one wins) and return the sticky status. */
static dive_status dive__ctx_fail(dive_ctx *ctx, dive_status s, const char *fmt, ...) DIVE__PRINTF(3, 4);
static dive_status dive__ctx_fail(dive_ctx *ctx, dive_status s, const char *fmt, ...) {
  va_list ap;
  if (!ctx) {
    va_start(ap, fmt);
    vsnprintf(dive__last_error, sizeof dive__last_error, fmt, ap);
    va_end(ap);
    return s;
  }
  if (ctx->status != DIVE_OK) return ctx->status;
  ctx->status = s;
  va_start(ap, fmt);
  vsnprintf(ctx->error, sizeof ctx->error, fmt, ap);
  va_end(ap);
  memcpy(dive__last_error, ctx->error, sizeof ctx->error);
  dive__log(ctx, DIVE_LOG_ERROR, "%s", ctx->error);
  return s;
}

DIVE_API dive_status dive_ctx_status(const dive_ctx *ctx) { return ctx ? ctx->status : DIVE_ERR_ARG; }
DIVE_API const char *dive_ctx_error(const dive_ctx *ctx) { return ctx ? ctx->error : "no context"; }
DIVE_API void dive_ctx_clear_error(dive_ctx *ctx) {
  if (!ctx) return;
  ctx->status = DIVE_OK;
  ctx->error[0] = 0;
}
DIVE_API dive_backend dive_query_backend(const dive_ctx *ctx) { return ctx->backend; }
DIVE_API const char *dive_query_device_name(const dive_ctx *ctx) { return ctx->device_name; }
DIVE_API int dive_query_threads(const dive_ctx *ctx) { return ctx->threads; }

static void *dive__calloc(size_t n) {
  void *p = DIVE_MALLOC(n ? n : 1);
  if (p) memset(p, 0, n ? n : 1);
  return p;
}

/* --- rng: splitmix64 seeding, xorshift128+ stream --- */
static uint64_t dive__splitmix64(uint64_t *x) {
  uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}
DIVE_API void dive_rng_seed(dive_rng *r, uint64_t seed) {
  uint64_t x = seed;
  r->s[0] = dive__splitmix64(&x);
  r->s[1] = dive__splitmix64(&x);
  if (!r->s[0] && !r->s[1]) r->s[1] = 1;
}
static uint64_t dive__rng_u64(dive_rng *r) {
  uint64_t s1 = r->s[0];
  const uint64_t s0 = r->s[1];
  const uint64_t res = s0 + s1;
  r->s[0] = s0;
  s1 ^= s1 << 23;
  r->s[1] = s1 ^ s0 ^ (s1 >> 18) ^ (s0 >> 5);
  return res;
}
DIVE_API uint32_t dive_rng_u32(dive_rng *r) { return (uint32_t)(dive__rng_u64(r) >> 32); }
DIVE_API float dive_rng_uniform(dive_rng *r) { return (float)(dive_rng_u32(r) >> 8) * (1.0f / 16777216.0f); }
DIVE_API float dive_rng_normal(dive_rng *r) {
  /* Box-Muller on doubles; u1 in (0,1] so log() is finite */
  double u1 = ((double)(dive__rng_u64(r) >> 11) + 1.0) * (1.0 / 9007199254740992.0);
  double u2 = (double)(dive__rng_u64(r) >> 11) * (1.0 / 9007199254740992.0);
  return (float)(sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2));
}

DIVE_API double dive_time_sec(void) {
#if !defined(CLOCK_MONOTONIC) /* no POSIX clocks (a system header came first): coarse */
  return (double)clock() / CLOCKS_PER_SEC;
#else
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
#endif
}

/* Kernel parameter blocks: shared by the ref, cpu and Vulkan kernels (the Vulkan push
   constant structs mirror these). */
typedef struct dive__conv_p { int N, C, H, W, K, R, S, P, Q, stride, pad, groups; } dive__conv_p;
typedef struct dive__bn_p { int N, C, HW, training; float momentum, eps; } dive__bn_p;
typedef struct dive__sc_p { int N, C, H, W, K, P, Q, stride; } dive__sc_p;
typedef struct dive__pool_p { int N, C, H, W, P, Q, k, stride, pad; } dive__pool_p;
typedef struct dive__lin_p { int N, K, M; } dive__lin_p; /* in (N,K), w (M,K), out (N,M) */
typedef struct dive__loss_p {
  int B, C, kind, no_bsce, mix_gt;
  float alpha, T, power;
} dive__loss_p;
typedef struct dive__sgd_p { int64_t n; float lr, momentum, wd; int nesterov; } dive__sgd_p;

/* Backend hooks for tensor storage (Vulkan versions live in >>vulkan). */
static dive_status dive__vk_init(dive_ctx *ctx, int device_index);
static void dive__vk_shutdown(dive_ctx *ctx);
static dive_status dive__vk_buffer_alloc(dive_ctx *ctx, dive_tensor *t, size_t bytes);
static void dive__vk_buffer_free(dive_ctx *ctx, dive_tensor *t);
static dive_status dive__vk_write(dive_ctx *ctx, const dive_tensor *t, const void *src, size_t bytes);
static dive_status dive__vk_read(dive_ctx *ctx, const dive_tensor *t, void *dst, size_t bytes);
static dive_status dive__vk_fill_zero(dive_ctx *ctx, const dive_tensor *t);
static dive_status dive__vk_sync(dive_ctx *ctx);

/* An op without a Vulkan kernel yet: a clear status, never a silent CPU detour. */
static DIVE__UNUSED dive_status dive__vk_op_missing(dive_ctx *ctx, const char *op) {
  return dive__ctx_fail(ctx, DIVE_ERR_UNSUPPORTED, "%s: no Vulkan kernel for this op", op);
}

/* ============================================================================ >>cpu-ref */
/* Serial reference kernels: plain loops, double accumulators. The oracle for every test. */

/* >>cpu-ref:layers (conv2d, batchnorm, relu, add, shortcut, maxpool, avgpool, linear) */

/* >>cpu-ref:loss (loss, sgd) */

/* ================================================================================ >>cpu */
/* OpenMP kernels: each parallel loop writes a disjoint output range. */

/* >>cpu:layers */

/* >>cpu:loss */

/* ============================================================================== >>spirv */
#ifndef DIVE_NO_VULKAN
// >>>dive-spirv (generated by shaders/embed.py from shaders/*.comp; do not edit)
// <<<dive-spirv
#endif

/* ============================================================================= >>vulkan */
#ifndef DIVE_NO_VULKAN

/* (the Vulkan backend goes here) */
static dive_status dive__vk_init(dive_ctx *ctx, int device_index) {
  (void)device_index;
  return dive__ctx_fail(ctx, DIVE_ERR_NO_DEVICE, "vulkan backend not built yet");
}
static void dive__vk_shutdown(dive_ctx *ctx) { (void)ctx; }
static dive_status dive__vk_buffer_alloc(dive_ctx *ctx, dive_tensor *t, size_t bytes) {
  (void)t; (void)bytes;
  return dive__ctx_fail(ctx, DIVE_ERR_NO_DEVICE, "vulkan backend not built yet");
}
static void dive__vk_buffer_free(dive_ctx *ctx, dive_tensor *t) { (void)ctx; (void)t; }
static dive_status dive__vk_write(dive_ctx *ctx, const dive_tensor *t, const void *src, size_t bytes) {
  (void)t; (void)src; (void)bytes;
  return dive__ctx_fail(ctx, DIVE_ERR_NO_DEVICE, "vulkan backend not built yet");
}
static dive_status dive__vk_read(dive_ctx *ctx, const dive_tensor *t, void *dst, size_t bytes) {
  (void)t; (void)dst; (void)bytes;
  return dive__ctx_fail(ctx, DIVE_ERR_NO_DEVICE, "vulkan backend not built yet");
}
static dive_status dive__vk_fill_zero(dive_ctx *ctx, const dive_tensor *t) {
  (void)t;
  return dive__ctx_fail(ctx, DIVE_ERR_NO_DEVICE, "vulkan backend not built yet");
}
static dive_status dive__vk_sync(dive_ctx *ctx) { (void)ctx; return DIVE_OK; }

#else /* DIVE_NO_VULKAN: the hooks report that the backend was compiled out */
static dive_status dive__vk_init(dive_ctx *ctx, int device_index) {
  (void)device_index;
  return dive__ctx_fail(ctx, DIVE_ERR_NO_DEVICE, "dive.h was built with DIVE_NO_VULKAN");
}
static void dive__vk_shutdown(dive_ctx *ctx) { (void)ctx; }
static dive_status dive__vk_buffer_alloc(dive_ctx *ctx, dive_tensor *t, size_t bytes) {
  (void)t; (void)bytes;
  return dive__ctx_fail(ctx, DIVE_ERR_NO_DEVICE, "dive.h was built with DIVE_NO_VULKAN");
}
static void dive__vk_buffer_free(dive_ctx *ctx, dive_tensor *t) { (void)ctx; (void)t; }
static dive_status dive__vk_write(dive_ctx *ctx, const dive_tensor *t, const void *src, size_t bytes) {
  (void)t; (void)src; (void)bytes;
  return dive__ctx_fail(ctx, DIVE_ERR_NO_DEVICE, "dive.h was built with DIVE_NO_VULKAN");
}
static dive_status dive__vk_read(dive_ctx *ctx, const dive_tensor *t, void *dst, size_t bytes) {
  (void)t; (void)dst; (void)bytes;
  return dive__ctx_fail(ctx, DIVE_ERR_NO_DEVICE, "dive.h was built with DIVE_NO_VULKAN");
}
static dive_status dive__vk_fill_zero(dive_ctx *ctx, const dive_tensor *t) {
  (void)t;
  return dive__ctx_fail(ctx, DIVE_ERR_NO_DEVICE, "dive.h was built with DIVE_NO_VULKAN");
}
static dive_status dive__vk_sync(dive_ctx *ctx) { (void)ctx; return DIVE_OK; }
#endif

/* =========================================================================== >>dispatch */

DIVE_API dive_status dive_ctx_create(dive_ctx **out, const dive_ctx_desc *desc) {
  dive_ctx_desc d;
  dive_ctx *ctx;
  const char *env;
  if (!out) return dive__fail(DIVE_ERR_ARG, "dive_ctx_create: out is NULL");
  *out = NULL;
  memset(&d, 0, sizeof d);
  if (desc) d = *desc;
  env = getenv("DIVE_BACKEND");
  if (env && *env) {
    if (!strcmp(env, "cpu")) d.backend = DIVE_BACKEND_CPU;
    else if (!strcmp(env, "vulkan")) d.backend = DIVE_BACKEND_VULKAN;
    else if (!strcmp(env, "auto")) d.backend = DIVE_BACKEND_AUTO;
    else return dive__fail(DIVE_ERR_ARG, "DIVE_BACKEND=%s: expected cpu, vulkan or auto", env);
  }
  env = getenv("DIVE_VK_DEVICE");
  if (env && *env) {
    char *end;
    long v = strtol(env, &end, 10);
    if (*end || v < 0 || v > 64)
      return dive__fail(DIVE_ERR_ARG, "DIVE_VK_DEVICE=%s: expected a device index 0..64", env);
    d.vk_device = (int)v + 1;
  }
  if (d.backend != DIVE_BACKEND_AUTO && d.backend != DIVE_BACKEND_CPU &&
      d.backend != DIVE_BACKEND_VULKAN)
    return dive__fail(DIVE_ERR_ARG, "dive_ctx_create: backend %d is not AUTO, CPU or VULKAN",
                      (int)d.backend);
  if (d.threads < 0) return dive__fail(DIVE_ERR_ARG, "dive_ctx_create: threads %d < 0", d.threads);
  ctx = (dive_ctx *)dive__calloc(sizeof *ctx);
  if (!ctx) return dive__fail(DIVE_ERR_OOM, "dive_ctx_create: out of memory");
  ctx->verbose = d.verbose;
  ctx->log_fn = d.log_fn;
  ctx->log_user = d.log_user;
#if DIVE__OMP
  if (d.threads > 0) omp_set_num_threads(d.threads);
  ctx->threads = omp_get_max_threads();
#else
  ctx->threads = 1;
#endif
  if (d.backend != DIVE_BACKEND_CPU) {
    dive_status s = dive__vk_init(ctx, d.vk_device - 1);
    if (s == DIVE_OK) {
      ctx->backend = DIVE_BACKEND_VULKAN;
    } else if (d.backend == DIVE_BACKEND_VULKAN) {
      dive__fail(s, "%s", ctx->error);
      dive__vk_shutdown(ctx);
      DIVE_FREE(ctx);
      return s;
    } else {
      dive__log(ctx, DIVE_LOG_INFO, "no usable Vulkan device (%s); using the CPU", ctx->error);
      dive__vk_shutdown(ctx);
      dive_ctx_clear_error(ctx);
    }
  }
  if (ctx->backend != DIVE_BACKEND_VULKAN) {
    ctx->backend = DIVE_BACKEND_CPU;
    snprintf(ctx->device_name, sizeof ctx->device_name, "CPU (%d thread%s)", ctx->threads,
             ctx->threads == 1 ? "" : "s");
  }
  *out = ctx;
  return DIVE_OK;
}

DIVE_API void dive_ctx_destroy(dive_ctx *ctx) {
  if (!ctx) return;
  dive__vk_shutdown(ctx);
  DIVE_FREE(ctx);
}

DIVE_API dive_status dive_ctx_sync(dive_ctx *ctx) {
  if (!ctx) return dive__fail(DIVE_ERR_ARG, "dive_ctx_sync: ctx is NULL");
  if (ctx->status) return ctx->status;
  return ctx->backend == DIVE_BACKEND_VULKAN ? dive__vk_sync(ctx) : DIVE_OK;
}

/* --- tensors --- */
static int64_t dive__numel(int ndim, const int *shape) {
  int64_t n = 1;
  int i;
  for (i = 0; i < ndim; i++) n *= shape[i];
  return n;
}

/* host pointers of a CPU tensor (NULL on other backends) */
static DIVE__UNUSED float *dive__f(const dive_tensor *t) {
  return t && t->impl.host ? (float *)t->impl.host + t->impl.offset : NULL;
}
static DIVE__UNUSED int32_t *dive__i(const dive_tensor *t) {
  return t && t->impl.host ? (int32_t *)t->impl.host + t->impl.offset : NULL;
}

static dive_status dive__check_shape(dive_ctx *ctx, const char *fn, int ndim, const int *shape) {
  int i;
  if (ndim < 1 || ndim > 4)
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: ndim %d outside 1..4", fn, ndim);
  if (!shape) return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: shape is NULL", fn);
  for (i = 0; i < ndim; i++)
    if (shape[i] < 1 || shape[i] > (1 << 30))
      return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: shape[%d] = %d outside 1..2^30", fn, i, shape[i]);
  if (dive__numel(ndim, shape) > ((int64_t)1 << 40))
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: more than 2^40 elements", fn);
  return DIVE_OK;
}

DIVE_API dive_status dive_tensor_alloc(dive_ctx *ctx, dive_tensor *t, dive_dtype dtype, int ndim,
                                       const int *shape) {
  dive_status s;
  size_t bytes;
  int i;
  if (!ctx || !t) return dive__fail(DIVE_ERR_ARG, "dive_tensor_alloc: ctx or t is NULL");
  if (ctx->status) return ctx->status;
  memset(t, 0, sizeof *t);
  if ((s = dive__check_shape(ctx, "dive_tensor_alloc", ndim, shape))) return s;
  if (dtype != DIVE_F32 && dtype != DIVE_I32)
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "dive_tensor_alloc: dtype %d unknown", (int)dtype);
  t->dtype = dtype;
  t->ndim = ndim;
  for (i = 0; i < 4; i++) t->shape[i] = i < ndim ? shape[i] : 1;
  t->numel = dive__numel(ndim, shape);
  t->ctx = ctx;
  bytes = (size_t)t->numel * 4;
  if (ctx->backend == DIVE_BACKEND_VULKAN) {
    if ((s = dive__vk_buffer_alloc(ctx, t, bytes))) return s;
  } else {
    t->impl.host = dive__calloc(bytes);
    if (!t->impl.host)
      return dive__ctx_fail(ctx, DIVE_ERR_OOM, "dive_tensor_alloc: out of host memory (%zu bytes)", bytes);
  }
  t->impl.owner = 1;
  return DIVE_OK;
}

DIVE_API void dive_tensor_free(dive_tensor *t) {
  if (!t || !t->impl.owner) return;
  if (t->impl.dev) dive__vk_buffer_free(t->ctx, t);
  DIVE_FREE(t->impl.host);
  memset(t, 0, sizeof *t);
}

DIVE_API dive_status dive_tensor_view(dive_tensor *view, const dive_tensor *parent, int64_t offset,
                                      int ndim, const int *shape) {
  dive_status s;
  int64_t n;
  int i;
  if (!view || !parent || !parent->ctx)
    return dive__fail(DIVE_ERR_ARG, "dive_tensor_view: view or parent is NULL/unallocated");
  if ((s = dive__check_shape(parent->ctx, "dive_tensor_view", ndim, shape))) return s;
  n = dive__numel(ndim, shape);
  if (offset < 0 || offset + n > parent->numel)
    return dive__ctx_fail(parent->ctx, DIVE_ERR_SHAPE,
                          "dive_tensor_view: [%lld, %lld) outside parent of %lld elements",
                          (long long)offset, (long long)(offset + n), (long long)parent->numel);
  *view = *parent;
  view->impl.owner = 0;
  view->impl.offset = parent->impl.offset + offset;
  view->ndim = ndim;
  for (i = 0; i < 4; i++) view->shape[i] = i < ndim ? shape[i] : 1;
  view->numel = n;
  return DIVE_OK;
}

DIVE_API dive_status dive_tensor_write(dive_tensor *t, const void *src, int64_t count) {
  if (!t || !t->ctx || !src) return dive__fail(DIVE_ERR_ARG, "dive_tensor_write: NULL argument");
  if (t->ctx->status) return t->ctx->status;
  if (count < 0 || count > t->numel)
    return dive__ctx_fail(t->ctx, DIVE_ERR_ARG, "dive_tensor_write: count %lld outside 0..%lld",
                          (long long)count, (long long)t->numel);
  if (t->ctx->backend == DIVE_BACKEND_VULKAN) return dive__vk_write(t->ctx, t, src, (size_t)count * 4);
  memcpy(dive__f(t), src, (size_t)count * 4);
  return DIVE_OK;
}

DIVE_API dive_status dive_tensor_read(const dive_tensor *t, void *dst, int64_t count) {
  if (!t || !t->ctx || !dst) return dive__fail(DIVE_ERR_ARG, "dive_tensor_read: NULL argument");
  if (t->ctx->status) return t->ctx->status;
  if (count < 0 || count > t->numel)
    return dive__ctx_fail(t->ctx, DIVE_ERR_ARG, "dive_tensor_read: count %lld outside 0..%lld",
                          (long long)count, (long long)t->numel);
  if (t->ctx->backend == DIVE_BACKEND_VULKAN) return dive__vk_read(t->ctx, t, dst, (size_t)count * 4);
  memcpy(dst, dive__f(t), (size_t)count * 4);
  return DIVE_OK;
}

DIVE_API dive_status dive_tensor_zero(dive_tensor *t) {
  if (!t || !t->ctx) return dive__fail(DIVE_ERR_ARG, "dive_tensor_zero: NULL argument");
  if (t->ctx->status) return t->ctx->status;
  if (t->ctx->backend == DIVE_BACKEND_VULKAN) return dive__vk_fill_zero(t->ctx, t);
  memset(dive__f(t), 0, (size_t)t->numel * 4);
  return DIVE_OK;
}

/* >>dispatch:ops (public op functions: validate, then switch on the backend) */

/* ================================================================================ >>loss */

/* =============================================================================== >>optim */

/* ============================================================================== >>resnet */

/* ========================================================================== >>checkpoint */

/* ================================================================================ >>data */

/* ============================================================================ >>analyzer */

/* =============================================================================== >>train */

#ifdef __cplusplus
}
#endif
#endif /* DIVE_IMPLEMENTATION */

/*
REVISION HISTORY
  0.1.0  first release: CPU (OpenMP) backend, ResNet (CIFAR), CE/BSCE/KD/DiVE losses, SGD,
         safetensors checkpoints

------------------------------------------------------------------------------
MIT License

Copyright (c) 2026 the dive.h authors

Permission is hereby granted, free of charge, to any person obtaining a copy of this
software and associated documentation files (the "Software"), to deal in the Software
without restriction, including without limitation the rights to use, copy, modify, merge,
publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons
to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED,
INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR
PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE
FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
DEALINGS IN THE SOFTWARE.
*/
