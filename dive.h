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

/* Flat NCHW index (a,b,c,d) of a tensor of dims (., B, C, D), in 64 bits. */
#define DIVE__IX4(a, b, c, d, B, C, D) \
  ((((int64_t)(a) * (B) + (b)) * (int64_t)(C) + (c)) * (int64_t)(D) + (d))

/* conv2d: in (N,C,H,W), w (K,C/groups,R,S), b (K) or NULL -> out (N,K,P,Q).
   Output channel k sees the input channels of its group k / (K/groups).
   backward: din (N,C,H,W) overwritten; dw (K,C/groups,R,S) and db (K) accumulated. */
static DIVE__UNUSED void dive__ref_conv2d_fwd(const dive__conv_p *p, float *out, const float *in,
                                 const float *w, const float *b) {
  int Cg = p->C / p->groups, Kg = p->K / p->groups;
  int n, k, oh, ow, c, r, s;
  for (n = 0; n < p->N; n++)
    for (k = 0; k < p->K; k++)
      for (oh = 0; oh < p->P; oh++)
        for (ow = 0; ow < p->Q; ow++) {
          double acc = b ? (double)b[k] : 0.0;
          for (c = 0; c < Cg; c++)
            for (r = 0; r < p->R; r++) {
              int h = oh * p->stride - p->pad + r;
              if (h < 0 || h >= p->H) continue;
              for (s = 0; s < p->S; s++) {
                int x = ow * p->stride - p->pad + s;
                if (x < 0 || x >= p->W) continue;
                acc += (double)in[DIVE__IX4(n, (k / Kg) * Cg + c, h, x, p->C, p->H, p->W)] *
                       w[DIVE__IX4(k, c, r, s, Cg, p->R, p->S)];
              }
            }
          out[DIVE__IX4(n, k, oh, ow, p->K, p->P, p->Q)] = (float)acc;
        }
}
static DIVE__UNUSED void dive__ref_conv2d_bwd(const dive__conv_p *p, float *din, float *dw, float *db,
                                 const float *dout, const float *in, const float *w) {
  int Cg = p->C / p->groups, Kg = p->K / p->groups;
  int n, k, c, h, x, r, s, oh, ow;
  if (din) /* gather: din[n,c,h,x] = sum over the outputs whose window covers (h,x) */
    for (n = 0; n < p->N; n++)
      for (c = 0; c < p->C; c++)
        for (h = 0; h < p->H; h++)
          for (x = 0; x < p->W; x++) {
            double acc = 0.0;
            int g = c / Cg;
            for (k = g * Kg; k < (g + 1) * Kg; k++)
              for (r = 0; r < p->R; r++) {
                int th = h + p->pad - r;
                if (th < 0 || th % p->stride) continue;
                oh = th / p->stride;
                if (oh >= p->P) continue;
                for (s = 0; s < p->S; s++) {
                  int tw = x + p->pad - s;
                  if (tw < 0 || tw % p->stride) continue;
                  ow = tw / p->stride;
                  if (ow >= p->Q) continue;
                  acc += (double)dout[DIVE__IX4(n, k, oh, ow, p->K, p->P, p->Q)] *
                         w[DIVE__IX4(k, c - g * Cg, r, s, Cg, p->R, p->S)];
                }
              }
            din[DIVE__IX4(n, c, h, x, p->C, p->H, p->W)] = (float)acc;
          }
  if (dw)
    for (k = 0; k < p->K; k++)
      for (c = 0; c < Cg; c++)
        for (r = 0; r < p->R; r++)
          for (s = 0; s < p->S; s++) {
            double acc = 0.0;
            for (n = 0; n < p->N; n++)
              for (oh = 0; oh < p->P; oh++) {
                h = oh * p->stride - p->pad + r;
                if (h < 0 || h >= p->H) continue;
                for (ow = 0; ow < p->Q; ow++) {
                  x = ow * p->stride - p->pad + s;
                  if (x < 0 || x >= p->W) continue;
                  acc += (double)dout[DIVE__IX4(n, k, oh, ow, p->K, p->P, p->Q)] *
                         in[DIVE__IX4(n, (k / Kg) * Cg + c, h, x, p->C, p->H, p->W)];
                }
              }
            dw[DIVE__IX4(k, c, r, s, Cg, p->R, p->S)] += (float)acc;
          }
  if (db)
    for (k = 0; k < p->K; k++) {
      double acc = 0.0;
      for (n = 0; n < p->N; n++)
        for (oh = 0; oh < p->P * p->Q; oh++) acc += dout[DIVE__IX4(n, k, 0, oh, p->K, 1, p->P * p->Q)];
      db[k] += (float)acc;
    }
}

/* batchnorm: in, out (N,C,HW); gamma, beta, mean, rstd, rmean, rvar (C). M = N*HW.
   training: mean = sum x / M, var = sum (x-mean)^2 / M (biased), rstd = 1/sqrt(var+eps);
   rmean/rvar (may be NULL) <- (1-momentum) r + momentum (mean, var*M/(M-1)) as PyTorch.
   eval: mean = rmean, rstd = 1/sqrt(rvar+eps). Both save mean and rstd.
   out = (x - mean) rstd gamma + beta.
   backward (training formula, xhat = (x-mean) rstd): dbeta += sum dout, dgamma += sum dout xhat,
   din = gamma rstd (dout - sum(dout)/M - xhat sum(dout xhat)/M) (overwritten). */
static DIVE__UNUSED void dive__ref_bn_fwd(const dive__bn_p *p, float *out, float *mean, float *rstd,
                             const float *in, const float *gamma, const float *beta, float *rmean,
                             float *rvar) {
  int64_t M = (int64_t)p->N * p->HW, i;
  int n, c;
  for (c = 0; c < p->C; c++) {
    double mu, var, rs;
    if (p->training) {
      double s = 0.0, ss = 0.0;
      for (n = 0; n < p->N; n++)
        for (i = 0; i < p->HW; i++) s += in[DIVE__IX4(n, c, 0, i, p->C, 1, p->HW)];
      mu = s / (double)M;
      for (n = 0; n < p->N; n++)
        for (i = 0; i < p->HW; i++) {
          double d = in[DIVE__IX4(n, c, 0, i, p->C, 1, p->HW)] - mu;
          ss += d * d;
        }
      var = ss / (double)M;
      if (rmean) rmean[c] = (float)((1.0 - p->momentum) * rmean[c] + p->momentum * mu);
      if (rvar)
        rvar[c] = (float)((1.0 - p->momentum) * rvar[c] +
                          p->momentum * var * (double)M / (double)(M - 1));
    } else {
      mu = rmean[c];
      var = rvar[c];
    }
    rs = 1.0 / sqrt(var + p->eps);
    mean[c] = (float)mu;
    rstd[c] = (float)rs;
    for (n = 0; n < p->N; n++)
      for (i = 0; i < p->HW; i++) {
        int64_t j = DIVE__IX4(n, c, 0, i, p->C, 1, p->HW);
        out[j] = (float)((in[j] - mu) * rs * gamma[c] + beta[c]);
      }
  }
}
static DIVE__UNUSED void dive__ref_bn_bwd(const dive__bn_p *p, float *din, float *dgamma, float *dbeta,
                             const float *dout, const float *in, const float *mean,
                             const float *rstd, const float *gamma) {
  int64_t M = (int64_t)p->N * p->HW, i;
  int n, c;
  for (c = 0; c < p->C; c++) {
    double sdy = 0.0, sdyx = 0.0;
    for (n = 0; n < p->N; n++)
      for (i = 0; i < p->HW; i++) {
        int64_t j = DIVE__IX4(n, c, 0, i, p->C, 1, p->HW);
        sdy += dout[j];
        sdyx += (double)dout[j] * ((in[j] - (double)mean[c]) * rstd[c]);
      }
    if (dbeta) dbeta[c] += (float)sdy;
    if (dgamma) dgamma[c] += (float)sdyx;
    if (din)
      for (n = 0; n < p->N; n++)
        for (i = 0; i < p->HW; i++) {
          int64_t j = DIVE__IX4(n, c, 0, i, p->C, 1, p->HW);
          double xhat = (in[j] - (double)mean[c]) * rstd[c];
          din[j] = (float)((double)gamma[c] * rstd[c] *
                           (dout[j] - sdy / (double)M - xhat * sdyx / (double)M));
        }
  }
}

/* relu: out = max(in, 0), n elements. backward: din = dout * (out > 0) (overwritten). */
static DIVE__UNUSED void dive__ref_relu_fwd(int64_t n, float *out, const float *in) {
  int64_t i;
  for (i = 0; i < n; i++) out[i] = in[i] > 0.0f ? in[i] : 0.0f;
}
static DIVE__UNUSED void dive__ref_relu_bwd(int64_t n, float *din, const float *dout, const float *out) {
  int64_t i;
  for (i = 0; i < n; i++) din[i] = out[i] > 0.0f ? dout[i] : 0.0f;
}

/* add: out = a + b, n elements. backward: da = dout, db = dout (overwritten; NULL skips). */
static DIVE__UNUSED void dive__ref_add_fwd(int64_t n, float *out, const float *a, const float *b) {
  int64_t i;
  for (i = 0; i < n; i++) out[i] = a[i] + b[i];
}
static DIVE__UNUSED void dive__ref_add_bwd(int64_t n, float *da, float *db, const float *dout) {
  int64_t i;
  for (i = 0; i < n; i++) {
    if (da) da[i] = dout[i];
    if (db) db[i] = dout[i];
  }
}

/* option-A shortcut: in (N,C,H,W) -> out (N,K,P,Q), K >= C, P = ceil(H/stride):
   out[n,k,p,q] = in[n, k - (K-C)/2, p stride, q stride] for copied channels, else 0.
   backward: din (N,C,H,W) overwritten (zero on the pixels that the stride skips). */
static DIVE__UNUSED void dive__ref_shortcut_fwd(const dive__sc_p *p, float *out, const float *in) {
  int n, k, oh, ow, lo = (p->K - p->C) / 2;
  for (n = 0; n < p->N; n++)
    for (k = 0; k < p->K; k++)
      for (oh = 0; oh < p->P; oh++)
        for (ow = 0; ow < p->Q; ow++) {
          int c = k - lo;
          out[DIVE__IX4(n, k, oh, ow, p->K, p->P, p->Q)] =
              c >= 0 && c < p->C
                  ? in[DIVE__IX4(n, c, oh * p->stride, ow * p->stride, p->C, p->H, p->W)]
                  : 0.0f;
        }
}
static DIVE__UNUSED void dive__ref_shortcut_bwd(const dive__sc_p *p, float *din, const float *dout) {
  int n, c, h, x, lo = (p->K - p->C) / 2;
  for (n = 0; n < p->N; n++)
    for (c = 0; c < p->C; c++)
      for (h = 0; h < p->H; h++)
        for (x = 0; x < p->W; x++)
          din[DIVE__IX4(n, c, h, x, p->C, p->H, p->W)] =
              h % p->stride == 0 && x % p->stride == 0
                  ? dout[DIVE__IX4(n, c + lo, h / p->stride, x / p->stride, p->K, p->P, p->Q)]
                  : 0.0f;
}

/* maxpool k x k: in (N,C,H,W) -> out, argmax (N,C,P,Q), P = (H + 2 pad - k)/stride + 1.
   Padding never wins (it is -inf); argmax = h*W + w of the first maximum in row-major
   window order. backward: din (N,C,H,W) overwritten, din[argmax] += dout. */
static DIVE__UNUSED void dive__ref_maxpool_fwd(const dive__pool_p *p, float *out, int32_t *argmax,
                                  const float *in) {
  int n, c, oh, ow, i, j;
  for (n = 0; n < p->N; n++)
    for (c = 0; c < p->C; c++)
      for (oh = 0; oh < p->P; oh++)
        for (ow = 0; ow < p->Q; ow++) {
          const float *src = in + DIVE__IX4(n, c, 0, 0, p->C, p->H, p->W);
          float best = -INFINITY;
          int32_t arg = -1;
          for (i = 0; i < p->k; i++)
            for (j = 0; j < p->k; j++) {
              int h = oh * p->stride - p->pad + i, x = ow * p->stride - p->pad + j;
              if (h < 0 || h >= p->H || x < 0 || x >= p->W) continue;
              if (arg < 0 || src[h * p->W + x] > best) {
                best = src[h * p->W + x];
                arg = h * p->W + x;
              }
            }
          out[DIVE__IX4(n, c, oh, ow, p->C, p->P, p->Q)] = best;
          argmax[DIVE__IX4(n, c, oh, ow, p->C, p->P, p->Q)] = arg;
        }
}
static DIVE__UNUSED void dive__ref_maxpool_bwd(const dive__pool_p *p, float *din, const float *dout,
                                  const int32_t *argmax) {
  int64_t plane, i, HW = (int64_t)p->H * p->W, PQ = (int64_t)p->P * p->Q;
  for (i = 0; i < (int64_t)p->N * p->C * HW; i++) din[i] = 0.0f;
  for (plane = 0; plane < (int64_t)p->N * p->C; plane++)
    for (i = 0; i < PQ; i++) din[plane * HW + argmax[plane * PQ + i]] += dout[plane * PQ + i];
}

/* global average pool: in (N,C,HW) -> out (N,C). backward: din = dout / HW (overwritten). */
static DIVE__UNUSED void dive__ref_avgpool_fwd(int N, int C, int HW, float *out, const float *in) {
  int64_t nc, i;
  for (nc = 0; nc < (int64_t)N * C; nc++) {
    double s = 0.0;
    for (i = 0; i < HW; i++) s += in[nc * HW + i];
    out[nc] = (float)(s / HW);
  }
}
static DIVE__UNUSED void dive__ref_avgpool_bwd(int N, int C, int HW, float *din, const float *dout) {
  int64_t nc, i;
  for (nc = 0; nc < (int64_t)N * C; nc++)
    for (i = 0; i < HW; i++) din[nc * HW + i] = (float)((double)dout[nc] / HW);
}

/* linear: in (N,K), w (M,K), b (M) or NULL -> out (N,M) = in w^T + b.
   backward: din (N,K) = dout w (overwritten); dw += dout^T in; db += column sums of dout. */
static DIVE__UNUSED void dive__ref_linear_fwd(const dive__lin_p *p, float *out, const float *in,
                                 const float *w, const float *b) {
  int n, m, k;
  for (n = 0; n < p->N; n++)
    for (m = 0; m < p->M; m++) {
      double acc = b ? (double)b[m] : 0.0;
      for (k = 0; k < p->K; k++) acc += (double)in[(int64_t)n * p->K + k] * w[(int64_t)m * p->K + k];
      out[(int64_t)n * p->M + m] = (float)acc;
    }
}
static DIVE__UNUSED void dive__ref_linear_bwd(const dive__lin_p *p, float *din, float *dw, float *db,
                                 const float *dout, const float *in, const float *w) {
  int n, m, k;
  if (din)
    for (n = 0; n < p->N; n++)
      for (k = 0; k < p->K; k++) {
        double acc = 0.0;
        for (m = 0; m < p->M; m++) acc += (double)dout[(int64_t)n * p->M + m] * w[(int64_t)m * p->K + k];
        din[(int64_t)n * p->K + k] = (float)acc;
      }
  if (dw)
    for (m = 0; m < p->M; m++)
      for (k = 0; k < p->K; k++) {
        double acc = 0.0;
        for (n = 0; n < p->N; n++) acc += (double)dout[(int64_t)n * p->M + m] * in[(int64_t)n * p->K + k];
        dw[(int64_t)m * p->K + k] += (float)acc;
      }
  if (db)
    for (m = 0; m < p->M; m++) {
      double acc = 0.0;
      for (n = 0; n < p->N; n++) acc += dout[(int64_t)n * p->M + m];
      db[m] += (float)acc;
    }
}

/* >>cpu-ref:loss (loss, sgd) */

/* ================================================================================ >>cpu */
/* OpenMP kernels: each parallel loop writes a disjoint output range. */

/* >>cpu:layers */

static int dive__nthreads(void) {
#if DIVE__OMP
  return omp_get_max_threads();
#else
  return 1;
#endif
}
/* Number of parts to split `work` independent items into: one per thread. Part t covers
   [work*t/parts, work*(t+1)/parts), a fixed split, so results depend only on the count. */
static int dive__parts(int64_t work) {
  int t = dive__nthreads();
  return (int)(work < t ? (work > 0 ? work : 1) : t);
}
#define DIVE__PART_LO(work, t, parts) ((int64_t)(work) * (t) / (parts))

/* Pairwise sum of (x[i] - mx) * (y[i] - my) (or of x[i] - mx when y is NULL) in float:
   error grows with log n instead of n. */
static float dive__pdot(const float *x, float mx, const float *y, float my, int64_t n) {
  float s = 0.0f;
  int64_t i;
  if (n > 64) {
    int64_t h = (n / 2 + 7) & ~(int64_t)7;
    return dive__pdot(x, mx, y, my, h) + dive__pdot(x + h, mx, y ? y + h : NULL, my, n - h);
  }
  if (y)
    for (i = 0; i < n; i++) s += (x[i] - mx) * (y[i] - my);
  else
    for (i = 0; i < n; i++) s += x[i] - mx;
  return s;
}
/* The same over `rows` rows of length n, `stride` apart, pairwise across the rows too. */
static float dive__pdot_rows(const float *x, float mx, const float *y, float my, int rows,
                             int64_t stride, int64_t n) {
  int h = rows / 2;
  if (rows == 1) return dive__pdot(x, mx, y, my, n);
  return dive__pdot_rows(x, mx, y, my, h, stride, n) +
         dive__pdot_rows(x + h * stride, mx, y ? y + h * stride : NULL, my, rows - h, stride, n);
}

/* --- sgemm: C (M,N) = [C +] op(A) (M,K) * op(B) (K,N), all row-major, serial.
   op(A)[i][p] = ta ? A[p*lda + i] : A[i*lda + p]; op(B)[p][j] = tb ? B[j*ldb + p] : B[p*ldb + j].
   Goto-style: blocks of op(B) (KC x NC) and op(A) (MC x KC) are packed into `ws` as
   NR-wide / MR-tall panels (zero-padded at the edges), then a MR x NR register tile is
   accumulated over KC. The tile loops have constant trip counts, so gcc -O2 vectorizes
   them (plain -O2, SSE2: 18-24 GFLOP/s per core here; 4x16 is also a fair tile for AVX2).
   Sums over K run in KC-blocked order. */
#define DIVE__MR 4
#define DIVE__NR 16
#define DIVE__MC 64
#define DIVE__KC 256
#define DIVE__NC 512

/* floats of workspace dive__sgemm needs for these sizes */
static int64_t dive__sgemm_ws(int M, int N, int K) {
  int64_t mc = DIVE__MIN(M + DIVE__MR - 1, DIVE__MC) / DIVE__MR * DIVE__MR;
  int64_t nc = DIVE__MIN(N + DIVE__NR - 1, DIVE__NC) / DIVE__NR * DIVE__NR;
  int64_t kc = DIVE__MIN(K, DIVE__KC);
  return (mc + nc) * kc;
}

static void dive__pack_a(int ta, const float *A, int64_t lda, int i0, int mc, int p0, int kc,
                         float *DIVE__RESTRICT pa) {
  int ir, i, p;
  for (ir = 0; ir < mc; ir += DIVE__MR)
    for (p = 0; p < kc; p++)
      for (i = 0; i < DIVE__MR; i++) {
        int64_t r = i0 + ir + i, q = p0 + p;
        *pa++ = ir + i < mc ? (ta ? A[q * lda + r] : A[r * lda + q]) : 0.0f;
      }
}

static void dive__pack_b(int tb, const float *B, int64_t ldb, int j0, int nc, int p0, int kc,
                         float *DIVE__RESTRICT pb) {
  int jr, j, p;
  for (jr = 0; jr < nc; jr += DIVE__NR) {
    int w = DIVE__MIN(DIVE__NR, nc - jr);
    for (p = 0; p < kc; p++, pb += DIVE__NR) {
      int64_t q = p0 + p, c = j0 + jr;
      if (tb)
        for (j = 0; j < w; j++) pb[j] = B[(c + j) * ldb + q];
      else
        for (j = 0; j < w; j++) pb[j] = B[q * ldb + c + j];
      for (j = w; j < DIVE__NR; j++) pb[j] = 0.0f;
    }
  }
}

/* C tile (mr x nr of MR x NR) [+]= packed A panel * packed B panel over kc */
static void dive__sgemm_tile(int kc, const float *DIVE__RESTRICT a, const float *DIVE__RESTRICT b,
                             float *DIVE__RESTRICT c, int64_t ldc, int mr, int nr, int accumulate) {
  float acc[DIVE__MR][DIVE__NR];
  int i, j, p;
  for (i = 0; i < DIVE__MR; i++)
    for (j = 0; j < DIVE__NR; j++) acc[i][j] = 0.0f;
  for (p = 0; p < kc; p++, a += DIVE__MR, b += DIVE__NR)
    for (i = 0; i < DIVE__MR; i++) {
      float ai = a[i];
      for (j = 0; j < DIVE__NR; j++) acc[i][j] += ai * b[j];
    }
  for (i = 0; i < mr; i++)
    if (accumulate)
      for (j = 0; j < nr; j++) c[i * ldc + j] += acc[i][j];
    else
      for (j = 0; j < nr; j++) c[i * ldc + j] = acc[i][j];
}

/* ws: dive__sgemm_ws(M, N, K) floats. accumulate = 0: C = AB; 1: C += AB. */
static void dive__sgemm(int ta, int tb, int M, int N, int K, const float *A, int64_t lda,
                        const float *B, int64_t ldb, int accumulate, float *C, int64_t ldc,
                        float *ws) {
  int64_t mcap = DIVE__MIN(M + DIVE__MR - 1, DIVE__MC) / DIVE__MR * DIVE__MR;
  float *pa = ws, *pb = ws + mcap * DIVE__MIN(K, DIVE__KC);
  int ic, jc, pc, ir, jr;
  if (K <= 0) {
    if (!accumulate)
      for (ic = 0; ic < M; ic++)
        for (jc = 0; jc < N; jc++) C[ic * ldc + jc] = 0.0f;
    return;
  }
  for (jc = 0; jc < N; jc += DIVE__NC) {
    int nc = DIVE__MIN(DIVE__NC, N - jc);
    for (pc = 0; pc < K; pc += DIVE__KC) {
      int kc = DIVE__MIN(DIVE__KC, K - pc);
      dive__pack_b(tb, B, ldb, jc, nc, pc, kc, pb);
      for (ic = 0; ic < M; ic += DIVE__MC) {
        int mc = DIVE__MIN(DIVE__MC, M - ic);
        dive__pack_a(ta, A, lda, ic, mc, pc, kc, pa);
        for (jr = 0; jr < nc; jr += DIVE__NR)
          for (ir = 0; ir < mc; ir += DIVE__MR)
            dive__sgemm_tile(kc, pa + (int64_t)ir * kc, pb + (int64_t)jr * kc,
                             C + (ic + ir) * ldc + jc + jr, ldc, DIVE__MIN(DIVE__MR, mc - ir),
                             DIVE__MIN(DIVE__NR, nc - jr), accumulate || pc > 0);
      }
    }
  }
}

/* ceil(a / b) for b > 0 and any sign of a */
static int dive__cdiv(int a, int b) { return a >= 0 ? (a + b - 1) / b : -((-a) / b); }

/* Output columns ow whose input column x = ow*stride - pad + s lies inside [0, W). */
static void dive__conv_cols(const dive__conv_p *p, int s, int *lo, int *hi) {
  *lo = DIVE__MIN(DIVE__MAX(0, dive__cdiv(p->pad - s, p->stride)), p->Q);
  *hi = DIVE__MAX(DIVE__MIN(p->Q, dive__cdiv(p->W + p->pad - s, p->stride)), *lo);
}

/* im2col of one image and group: img (Cg,H,W) -> col (Cg*R*S, P*Q), zero outside. */
static void dive__im2col(const dive__conv_p *p, int Cg, const float *DIVE__RESTRICT img,
                         float *DIVE__RESTRICT col) {
  int c, r, s, oh, ow, lo, hi;
  int64_t PQ = (int64_t)p->P * p->Q;
  for (c = 0; c < Cg; c++)
    for (r = 0; r < p->R; r++)
      for (s = 0; s < p->S; s++) {
        float *dst = col + ((int64_t)(c * p->R + r) * p->S + s) * PQ;
        int off = s - p->pad;
        dive__conv_cols(p, s, &lo, &hi);
        for (oh = 0; oh < p->P; oh++, dst += p->Q) {
          int h = oh * p->stride - p->pad + r;
          const float *row;
          if (h < 0 || h >= p->H) {
            memset(dst, 0, sizeof(float) * (size_t)p->Q);
            continue;
          }
          row = img + ((int64_t)c * p->H + h) * p->W;
          for (ow = 0; ow < lo; ow++) dst[ow] = 0.0f;
          if (p->stride == 1)
            memcpy(dst + lo, row + lo + off, sizeof(float) * (size_t)(hi - lo));
          else
            for (ow = lo; ow < hi; ow++) dst[ow] = row[ow * p->stride + off];
          for (ow = hi; ow < p->Q; ow++) dst[ow] = 0.0f;
        }
      }
}

/* col2im: img (Cg,H,W) = sum of the col (Cg*R*S, P*Q) entries that read each pixel. */
static void dive__col2im(const dive__conv_p *p, int Cg, const float *DIVE__RESTRICT col,
                         float *DIVE__RESTRICT img) {
  int c, r, s, oh, ow, lo, hi;
  int64_t PQ = (int64_t)p->P * p->Q;
  memset(img, 0, sizeof(float) * (size_t)((int64_t)Cg * p->H * p->W));
  for (c = 0; c < Cg; c++)
    for (r = 0; r < p->R; r++)
      for (s = 0; s < p->S; s++) {
        const float *src = col + ((int64_t)(c * p->R + r) * p->S + s) * PQ;
        int off = s - p->pad;
        dive__conv_cols(p, s, &lo, &hi);
        for (oh = 0; oh < p->P; oh++, src += p->Q) {
          int h = oh * p->stride - p->pad + r;
          float *row;
          if (h < 0 || h >= p->H) continue;
          row = img + ((int64_t)c * p->H + h) * p->W;
          for (ow = lo; ow < hi; ow++) row[ow * p->stride + off] += src[ow];
        }
      }
}

/* A 1x1, stride 1, unpadded conv reads the image itself as its column matrix. */
static int dive__conv_is_direct(const dive__conv_p *p) {
  return p->R == 1 && p->S == 1 && p->stride == 1 && p->pad == 0;
}

/* conv2d, OpenMP over images: per image and group, out_g (Kg, PQ) = w_g (Kg, CgRS) col.
   Falls back to the reference kernel when scratch memory cannot be had. */
static void dive__cpu_conv2d_fwd(const dive__conv_p *p, float *out, const float *in,
                                 const float *w, const float *b) {
  int Cg = p->C / p->groups, Kg = p->K / p->groups, CRS = Cg * p->R * p->S;
  int64_t HW = (int64_t)p->H * p->W, PQ = (int64_t)p->P * p->Q;
  int direct = dive__conv_is_direct(p), nt = dive__parts(p->N), t;
  int64_t wsn = dive__sgemm_ws(Kg, (int)PQ, CRS), per = wsn + (direct ? 0 : CRS * PQ);
  float *scratch = (float *)DIVE_MALLOC(sizeof(float) * (size_t)(per * nt));
  if (!scratch) {
    dive__ref_conv2d_fwd(p, out, in, w, b);
    return;
  }
  DIVE__OMP_FOR
  for (t = 0; t < nt; t++) {
    float *ws = scratch + per * t, *col = ws + wsn;
    int64_t n;
    int g, k;
    for (n = DIVE__PART_LO(p->N, t, nt); n < DIVE__PART_LO(p->N, t + 1, nt); n++)
      for (g = 0; g < p->groups; g++) {
        const float *img = in + (n * p->C + (int64_t)g * Cg) * HW;
        float *o = out + (n * p->K + (int64_t)g * Kg) * PQ;
        if (!direct) dive__im2col(p, Cg, img, col);
        dive__sgemm(0, 0, Kg, (int)PQ, CRS, w + (int64_t)g * Kg * CRS, CRS, direct ? img : col, PQ,
                    0, o, PQ, ws);
        if (b)
          for (k = 0; k < Kg; k++) {
            float bk = b[g * Kg + k];
            int64_t i;
            for (i = 0; i < PQ; i++) o[k * PQ + i] += bk;
          }
      }
  }
  DIVE_FREE(scratch);
}
/* backward, OpenMP over images. Per image and group:
   din: dcol (CgRS, PQ) = w_g^T dout_g, then col2im (each image is one part's own output);
   dw: part t accumulates its images' dout_g col^T into a private (K, CgRS) partial; the
   partials are then summed in part order, so dw is deterministic for a thread count.
   db: per channel pairwise sums, OpenMP over K. */
static void dive__cpu_conv2d_bwd(const dive__conv_p *p, float *din, float *dw, float *db,
                                 const float *dout, const float *in, const float *w) {
  int Cg = p->C / p->groups, Kg = p->K / p->groups, CRS = Cg * p->R * p->S;
  int64_t HW = (int64_t)p->H * p->W, PQ = (int64_t)p->P * p->Q, nw = (int64_t)p->K * CRS;
  int direct = dive__conv_is_direct(p), nt = dive__parts(p->N), t, k;
  int64_t wsn = DIVE__MAX(dive__sgemm_ws(Kg, CRS, (int)PQ), dive__sgemm_ws(CRS, (int)PQ, Kg));
  int64_t per = wsn + (direct ? 0 : CRS * PQ) + (dw ? nw : 0), i;
  float *scratch = (din || dw) ? (float *)DIVE_MALLOC(sizeof(float) * (size_t)(per * nt)) : NULL;
  if ((din || dw) && !scratch) {
    dive__ref_conv2d_bwd(p, din, dw, db, dout, in, w);
    return;
  }
  if (din || dw) {
    DIVE__OMP_FOR
    for (t = 0; t < nt; t++) {
      float *ws = scratch + per * t, *col = ws + wsn, *dwp = col + (direct ? 0 : CRS * PQ);
      int64_t n;
      int g;
      if (dw) memset(dwp, 0, sizeof(float) * (size_t)nw);
      for (n = DIVE__PART_LO(p->N, t, nt); n < DIVE__PART_LO(p->N, t + 1, nt); n++)
        for (g = 0; g < p->groups; g++) {
          const float *img = in + (n * p->C + (int64_t)g * Cg) * HW;
          const float *dy = dout + (n * p->K + (int64_t)g * Kg) * PQ;
          const float *wg = w + (int64_t)g * Kg * CRS;
          float *dimg = din ? din + (n * p->C + (int64_t)g * Cg) * HW : NULL;
          if (dw) {
            if (!direct) dive__im2col(p, Cg, img, col);
            dive__sgemm(0, 1, Kg, CRS, (int)PQ, dy, PQ, direct ? img : col, PQ, 1,
                        dwp + (int64_t)g * Kg * CRS, CRS, ws);
          }
          if (din) {
            dive__sgemm(1, 0, CRS, (int)PQ, Kg, wg, CRS, dy, PQ, 0, direct ? dimg : col, PQ, ws);
            if (!direct) dive__col2im(p, Cg, col, dimg);
          }
        }
    }
  }
  if (dw) {
    DIVE__OMP_FOR
    for (i = 0; i < nw; i++) {
      float s = 0.0f;
      int u;
      for (u = 0; u < nt; u++) s += scratch[per * u + per - nw + i]; /* fixed order */
      dw[i] += s;
    }
  }
  if (db) {
    DIVE__OMP_FOR
    for (k = 0; k < p->K; k++) db[k] += dive__pdot_rows(dout + k * PQ, 0.0f, NULL, 0.0f, p->N,
                                                        (int64_t)p->K * PQ, PQ);
  }
  DIVE_FREE(scratch);
}

/* batchnorm, OpenMP over channels; pairwise float sums (two-pass variance). */
static void dive__cpu_bn_fwd(const dive__bn_p *p, float *out, float *mean, float *rstd,
                             const float *in, const float *gamma, const float *beta, float *rmean,
                             float *rvar) {
  int64_t M = (int64_t)p->N * p->HW, CHW = (int64_t)p->C * p->HW;
  int c;
  DIVE__OMP_FOR
  for (c = 0; c < p->C; c++) {
    const float *x = in + (int64_t)c * p->HW;
    float *y = out + (int64_t)c * p->HW;
    float mu, var, rs, scale, shift;
    int64_t n, i;
    if (p->training) {
      mu = dive__pdot_rows(x, 0.0f, NULL, 0.0f, p->N, CHW, p->HW) / (float)M;
      var = dive__pdot_rows(x, mu, x, mu, p->N, CHW, p->HW) / (float)M;
      if (rmean) rmean[c] = (1.0f - p->momentum) * rmean[c] + p->momentum * mu;
      if (rvar)
        rvar[c] = (1.0f - p->momentum) * rvar[c] + p->momentum * var * ((float)M / (float)(M - 1));
    } else {
      mu = rmean[c];
      var = rvar[c];
    }
    rs = 1.0f / sqrtf(var + p->eps);
    mean[c] = mu;
    rstd[c] = rs;
    scale = rs * gamma[c];
    shift = beta[c] - mu * scale;
    for (n = 0; n < p->N; n++)
      for (i = 0; i < p->HW; i++) y[n * CHW + i] = x[n * CHW + i] * scale + shift;
  }
}
static void dive__cpu_bn_bwd(const dive__bn_p *p, float *din, float *dgamma, float *dbeta,
                             const float *dout, const float *in, const float *mean,
                             const float *rstd, const float *gamma) {
  int64_t M = (int64_t)p->N * p->HW, CHW = (int64_t)p->C * p->HW;
  int c;
  DIVE__OMP_FOR
  for (c = 0; c < p->C; c++) {
    const float *x = in + (int64_t)c * p->HW, *dy = dout + (int64_t)c * p->HW;
    float mu = mean[c], rs = rstd[c];
    float sdy = dive__pdot_rows(dy, 0.0f, NULL, 0.0f, p->N, CHW, p->HW);
    float sdyx = dive__pdot_rows(dy, 0.0f, x, mu, p->N, CHW, p->HW) * rs; /* sum dout xhat */
    int64_t n, i;
    if (dbeta) dbeta[c] += sdy;
    if (dgamma) dgamma[c] += sdyx;
    if (din) {
      float k = gamma[c] * rs, a = sdy / (float)M, b = sdyx / (float)M;
      float *dx = din + (int64_t)c * p->HW;
      for (n = 0; n < p->N; n++)
        for (i = 0; i < p->HW; i++) {
          int64_t j = n * CHW + i;
          dx[j] = k * (dy[j] - a - (x[j] - mu) * rs * b);
        }
    }
  }
}

static void dive__cpu_relu_fwd(int64_t n, float *out, const float *in) {
  int64_t i;
  DIVE__OMP_FOR
  for (i = 0; i < n; i++) out[i] = in[i] > 0.0f ? in[i] : 0.0f;
}
static void dive__cpu_relu_bwd(int64_t n, float *din, const float *dout, const float *out) {
  int64_t i;
  DIVE__OMP_FOR
  for (i = 0; i < n; i++) din[i] = out[i] > 0.0f ? dout[i] : 0.0f;
}

static void dive__cpu_add_fwd(int64_t n, float *out, const float *a, const float *b) {
  int64_t i;
  DIVE__OMP_FOR
  for (i = 0; i < n; i++) out[i] = a[i] + b[i];
}
static void dive__cpu_add_bwd(int64_t n, float *da, float *db, const float *dout) {
  int64_t i;
  if (da && da != dout) {
    DIVE__OMP_FOR
    for (i = 0; i < n; i++) da[i] = dout[i];
  }
  if (db && db != dout) {
    DIVE__OMP_FOR
    for (i = 0; i < n; i++) db[i] = dout[i];
  }
}

/* shortcut, OpenMP over output planes (fwd) / input planes (bwd) */
static void dive__cpu_shortcut_fwd(const dive__sc_p *p, float *out, const float *in) {
  int64_t nk, PQ = (int64_t)p->P * p->Q;
  int lo = (p->K - p->C) / 2;
  DIVE__OMP_FOR
  for (nk = 0; nk < (int64_t)p->N * p->K; nk++) {
    int64_t n = nk / p->K;
    int c = (int)(nk % p->K) - lo, oh, ow;
    float *o = out + nk * PQ;
    const float *src;
    if (c < 0 || c >= p->C) {
      memset(o, 0, sizeof(float) * (size_t)PQ);
      continue;
    }
    src = in + (n * p->C + c) * p->H * p->W;
    for (oh = 0; oh < p->P; oh++)
      for (ow = 0; ow < p->Q; ow++)
        o[oh * p->Q + ow] = src[(int64_t)oh * p->stride * p->W + ow * p->stride];
  }
}
static void dive__cpu_shortcut_bwd(const dive__sc_p *p, float *din, const float *dout) {
  int64_t nc, HW = (int64_t)p->H * p->W, PQ = (int64_t)p->P * p->Q;
  int lo = (p->K - p->C) / 2;
  DIVE__OMP_FOR
  for (nc = 0; nc < (int64_t)p->N * p->C; nc++) {
    int64_t n = nc / p->C;
    int c = (int)(nc % p->C), oh, ow;
    float *d = din + nc * HW;
    const float *src = dout + (n * p->K + c + lo) * PQ;
    if (p->stride != 1) memset(d, 0, sizeof(float) * (size_t)HW);
    for (oh = 0; oh < p->P; oh++)
      for (ow = 0; ow < p->Q; ow++)
        d[(int64_t)oh * p->stride * p->W + ow * p->stride] = src[oh * p->Q + ow];
  }
}

/* maxpool, OpenMP over planes (each plane's din is written by one thread only) */
static void dive__cpu_maxpool_fwd(const dive__pool_p *p, float *out, int32_t *argmax,
                                  const float *in) {
  int64_t nc, HW = (int64_t)p->H * p->W, PQ = (int64_t)p->P * p->Q;
  DIVE__OMP_FOR
  for (nc = 0; nc < (int64_t)p->N * p->C; nc++) {
    const float *src = in + nc * HW;
    int oh, ow, i, j;
    for (oh = 0; oh < p->P; oh++)
      for (ow = 0; ow < p->Q; ow++) {
        int h0 = oh * p->stride - p->pad, x0 = ow * p->stride - p->pad;
        int h1 = DIVE__MIN(h0 + p->k, p->H), x1 = DIVE__MIN(x0 + p->k, p->W);
        int32_t arg = -1;
        float best = 0.0f;
        for (i = DIVE__MAX(h0, 0); i < h1; i++)
          for (j = DIVE__MAX(x0, 0); j < x1; j++)
            if (arg < 0 || src[i * p->W + j] > best) {
              best = src[i * p->W + j];
              arg = i * p->W + j;
            }
        out[nc * PQ + oh * p->Q + ow] = best;
        argmax[nc * PQ + oh * p->Q + ow] = arg;
      }
  }
}
static void dive__cpu_maxpool_bwd(const dive__pool_p *p, float *din, const float *dout,
                                  const int32_t *argmax) {
  int64_t nc, HW = (int64_t)p->H * p->W, PQ = (int64_t)p->P * p->Q;
  DIVE__OMP_FOR
  for (nc = 0; nc < (int64_t)p->N * p->C; nc++) {
    int64_t i;
    memset(din + nc * HW, 0, sizeof(float) * (size_t)HW);
    for (i = 0; i < PQ; i++) din[nc * HW + argmax[nc * PQ + i]] += dout[nc * PQ + i];
  }
}

static void dive__cpu_avgpool_fwd(int N, int C, int HW, float *out, const float *in) {
  int64_t nc;
  DIVE__OMP_FOR
  for (nc = 0; nc < (int64_t)N * C; nc++) out[nc] = dive__pdot(in + nc * HW, 0.0f, NULL, 0.0f, HW) / (float)HW;
}
static void dive__cpu_avgpool_bwd(int N, int C, int HW, float *din, const float *dout) {
  int64_t nc, i;
  DIVE__OMP_FOR
  for (nc = 0; nc < (int64_t)N * C; nc++) {
    float v = dout[nc] / (float)HW;
    for (i = 0; i < HW; i++) din[nc * HW + i] = v;
  }
}

/* linear: the GEMMs split by output rows (out, din: batch rows; dw: rows of w), so every
   element is computed the same way whatever the thread count. db: OpenMP over M. */
static void dive__cpu_linear_fwd(const dive__lin_p *p, float *out, const float *in,
                                 const float *w, const float *b) {
  int nt = dive__parts(p->N), t;
  int64_t wsn = dive__sgemm_ws(p->N, p->M, p->K);
  float *scratch = (float *)DIVE_MALLOC(sizeof(float) * (size_t)(wsn * nt));
  if (!scratch) {
    dive__ref_linear_fwd(p, out, in, w, b);
    return;
  }
  DIVE__OMP_FOR
  for (t = 0; t < nt; t++) {
    int64_t n0 = DIVE__PART_LO(p->N, t, nt), n1 = DIVE__PART_LO(p->N, t + 1, nt), n;
    int m;
    dive__sgemm(0, 1, (int)(n1 - n0), p->M, p->K, in + n0 * p->K, p->K, w, p->K, 0,
                out + n0 * p->M, p->M, scratch + wsn * t);
    if (b)
      for (n = n0; n < n1; n++)
        for (m = 0; m < p->M; m++) out[n * p->M + m] += b[m];
  }
  DIVE_FREE(scratch);
}
static void dive__cpu_linear_bwd(const dive__lin_p *p, float *din, float *dw, float *db,
                                 const float *dout, const float *in, const float *w) {
  int nt = dive__parts(DIVE__MAX(p->N, p->M)), t, m;
  int64_t wsn = DIVE__MAX(dive__sgemm_ws(p->N, p->K, p->M), dive__sgemm_ws(p->M, p->K, p->N));
  float *scratch = (din || dw) ? (float *)DIVE_MALLOC(sizeof(float) * (size_t)(wsn * nt)) : NULL;
  if ((din || dw) && !scratch) {
    dive__ref_linear_bwd(p, din, dw, db, dout, in, w);
    return;
  }
  if (din || dw) {
    DIVE__OMP_FOR
    for (t = 0; t < nt; t++) {
      float *ws = scratch + wsn * t;
      int64_t n0 = DIVE__PART_LO(p->N, t, nt), n1 = DIVE__PART_LO(p->N, t + 1, nt);
      int64_t m0 = DIVE__PART_LO(p->M, t, nt), m1 = DIVE__PART_LO(p->M, t + 1, nt);
      if (din && n1 > n0)
        dive__sgemm(0, 0, (int)(n1 - n0), p->K, p->M, dout + n0 * p->M, p->M, w, p->K, 0,
                    din + n0 * p->K, p->K, ws);
      if (dw && m1 > m0)
        dive__sgemm(1, 0, (int)(m1 - m0), p->K, p->N, dout + m0, p->M, in, p->K, 1,
                    dw + m0 * p->K, p->K, ws);
    }
  }
  if (db) {
    DIVE__OMP_FOR
    for (m = 0; m < p->M; m++) db[m] += dive__pdot_rows(dout + m, 0.0f, NULL, 0.0f, p->N, p->M, 1);
  }
  DIVE_FREE(scratch);
}

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

/* --- argument checks shared by the ops: each records a clear message in the ctx --- */

static void dive__shape_str(char *buf, size_t size, int ndim, const int *shape) {
  int i, o = snprintf(buf, size, "(");
  for (i = 0; i < ndim && o > 0 && (size_t)o < size; i++)
    o += snprintf(buf + o, size - (size_t)o, i ? ",%d" : "%d", shape[i]);
  if (o > 0 && (size_t)o < size) snprintf(buf + o, size - (size_t)o, ")");
}

/* t present (unless optional), allocated on this ctx, of dtype dt */
static dive_status dive__chk_tensor(dive_ctx *ctx, const char *fn, const char *name,
                                    const dive_tensor *t, dive_dtype dt, int optional) {
  if (!t)
    return optional ? DIVE_OK : dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: %s is NULL", fn, name);
  if (t->ctx != ctx)
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: %s is %s", fn, name,
                          t->ctx ? "from another context" : "not allocated");
  if (t->dtype != dt)
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: %s has dtype %s, expected %s", fn, name,
                          t->dtype == DIVE_I32 ? "I32" : "F32", dt == DIVE_I32 ? "I32" : "F32");
  return DIVE_OK;
}

/* t (when not NULL) has exactly the shape (d0..d[ndim-1]) */
static dive_status dive__chk_dims(dive_ctx *ctx, const char *fn, const char *name,
                                  const dive_tensor *t, int ndim, int d0, int d1, int d2, int d3) {
  int want[4], i, ok;
  char got_s[64], want_s[64];
  want[0] = d0; want[1] = d1; want[2] = d2; want[3] = d3;
  if (!t) return DIVE_OK;
  ok = t->ndim == ndim;
  for (i = 0; ok && i < ndim; i++) ok = t->shape[i] == want[i];
  if (ok) return DIVE_OK;
  dive__shape_str(got_s, sizeof got_s, t->ndim, t->shape);
  dive__shape_str(want_s, sizeof want_s, ndim, want);
  return dive__ctx_fail(ctx, DIVE_ERR_SHAPE, "%s: %s has shape %s, expected %s", fn, name, got_s,
                        want_s);
}

/* b (when not NULL) has the same shape as a */
static dive_status dive__chk_same(dive_ctx *ctx, const char *fn, const char *name,
                                  const dive_tensor *b, const dive_tensor *a) {
  return dive__chk_dims(ctx, fn, name, b, a->ndim, a->shape[0], a->shape[1], a->shape[2],
                        a->shape[3]);
}

/* a and b (when both given) must not share memory; same_ok allows exact aliasing */
static dive_status dive__chk_alias(dive_ctx *ctx, const char *fn, const char *na,
                                   const dive_tensor *a, const char *nb, const dive_tensor *b,
                                   int same_ok) {
  int64_t a0, b0;
  if (!a || !b) return DIVE_OK;
  if (a->impl.host != b->impl.host || a->impl.dev != b->impl.dev) return DIVE_OK;
  a0 = a->impl.offset;
  b0 = b->impl.offset;
  if (a0 + a->numel <= b0 || b0 + b->numel <= a0) return DIVE_OK;
  if (same_ok && a0 == b0 && a->numel == b->numel) return DIVE_OK;
  return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: %s and %s overlap in memory", fn, na, nb);
}

/* ctx present and not failed: the start of every op */
#define DIVE__OP_BEGIN(ctx, fn)                                                  \
  do {                                                                           \
    if (!(ctx)) return dive__fail(DIVE_ERR_ARG, "%s: ctx is NULL", fn);         \
    if ((ctx)->status) return (ctx)->status;                                     \
  } while (0)

/* the backend switch's default arm */
static dive_status dive__bad_backend(dive_ctx *ctx, const char *fn) {
  return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: backend %d unknown", fn, (int)ctx->backend);
}

/* conv2d: checks in and w against stride/pad/groups and fills the kernel parameters */
static dive_status dive__conv_setup(dive_ctx *ctx, const char *fn, dive__conv_p *p,
                                    const dive_tensor *in, const dive_tensor *w, int stride,
                                    int pad, int groups) {
  dive_status s;
  if ((s = dive__chk_tensor(ctx, fn, "in", in, DIVE_F32, 0)) ||
      (s = dive__chk_tensor(ctx, fn, "w", w, DIVE_F32, 0)))
    return s;
  if (in->ndim != 4 || w->ndim != 4)
    return dive__ctx_fail(ctx, DIVE_ERR_SHAPE, "%s: in and w must be 4-d, got %d-d and %d-d", fn,
                          in->ndim, w->ndim);
  if (stride < 1 || stride > 65536)
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: stride %d outside 1..65536", fn, stride);
  if (pad < 0 || pad > 65536)
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: pad %d outside 0..65536", fn, pad);
  if (groups < 1)
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: groups %d < 1", fn, groups);
  memset(p, 0, sizeof *p);
  p->N = in->shape[0]; p->C = in->shape[1]; p->H = in->shape[2]; p->W = in->shape[3];
  p->K = w->shape[0]; p->R = w->shape[2]; p->S = w->shape[3];
  p->stride = stride; p->pad = pad; p->groups = groups;
  if (p->C % groups || p->K % groups)
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: groups=%d must divide in C=%d and w K=%d", fn,
                          groups, p->C, p->K);
  if ((int64_t)w->shape[1] * groups != p->C)
    return dive__ctx_fail(ctx, DIVE_ERR_SHAPE, "%s: in C=%d but w C=%d (x groups=%d is %lld)", fn,
                          p->C, w->shape[1], groups, (long long)w->shape[1] * groups);
  if (p->H + 2 * pad < p->R || p->W + 2 * pad < p->S)
    return dive__ctx_fail(ctx, DIVE_ERR_SHAPE, "%s: kernel %dx%d larger than the padded input %dx%d",
                          fn, p->R, p->S, p->H + 2 * pad, p->W + 2 * pad);
  p->P = (p->H + 2 * pad - p->R) / stride + 1;
  p->Q = (p->W + 2 * pad - p->S) / stride + 1;
  if ((int64_t)(p->C / groups) * p->R * p->S * p->P * p->Q > ((int64_t)1 << 31) - 1)
    return dive__ctx_fail(ctx, DIVE_ERR_SHAPE, "%s: one image's column matrix exceeds 2^31 elements",
                          fn);
  return DIVE_OK;
}

DIVE_API dive_status dive_conv2d_forward(dive_ctx *ctx, dive_tensor *out, const dive_tensor *in,
                                         const dive_tensor *w, const dive_tensor *b, int stride,
                                         int pad, int groups) {
  const char *fn = "dive_conv2d_forward";
  dive__conv_p p;
  dive_status s;
  DIVE__OP_BEGIN(ctx, fn);
  if ((s = dive__conv_setup(ctx, fn, &p, in, w, stride, pad, groups)) ||
      (s = dive__chk_tensor(ctx, fn, "out", out, DIVE_F32, 0)) ||
      (s = dive__chk_tensor(ctx, fn, "b", b, DIVE_F32, 1)) ||
      (s = dive__chk_dims(ctx, fn, "out", out, 4, p.N, p.K, p.P, p.Q)) ||
      (s = dive__chk_dims(ctx, fn, "b", b, 1, p.K, 0, 0, 0)) ||
      (s = dive__chk_alias(ctx, fn, "out", out, "in", in, 0)) ||
      (s = dive__chk_alias(ctx, fn, "out", out, "w", w, 0)) ||
      (s = dive__chk_alias(ctx, fn, "out", out, "b", b, 0)))
    return s;
  switch (ctx->backend) {
  case DIVE_BACKEND_CPU:
    dive__cpu_conv2d_fwd(&p, dive__f(out), dive__f(in), dive__f(w), dive__f(b));
    return DIVE_OK;
  case DIVE_BACKEND_VULKAN: return dive__vk_op_missing(ctx, "conv2d_forward");
  default: return dive__bad_backend(ctx, fn);
  }
}

DIVE_API dive_status dive_conv2d_backward(dive_ctx *ctx, dive_tensor *din, dive_tensor *dw,
                                          dive_tensor *db, const dive_tensor *dout,
                                          const dive_tensor *in, const dive_tensor *w, int stride,
                                          int pad, int groups) {
  const char *fn = "dive_conv2d_backward";
  dive__conv_p p;
  dive_status s;
  DIVE__OP_BEGIN(ctx, fn);
  if ((s = dive__conv_setup(ctx, fn, &p, in, w, stride, pad, groups)) ||
      (s = dive__chk_tensor(ctx, fn, "dout", dout, DIVE_F32, 0)) ||
      (s = dive__chk_tensor(ctx, fn, "din", din, DIVE_F32, 1)) ||
      (s = dive__chk_tensor(ctx, fn, "dw", dw, DIVE_F32, 1)) ||
      (s = dive__chk_tensor(ctx, fn, "db", db, DIVE_F32, 1)) ||
      (s = dive__chk_dims(ctx, fn, "dout", dout, 4, p.N, p.K, p.P, p.Q)) ||
      (s = dive__chk_same(ctx, fn, "din", din, in)) ||
      (s = dive__chk_same(ctx, fn, "dw", dw, w)) ||
      (s = dive__chk_dims(ctx, fn, "db", db, 1, p.K, 0, 0, 0)) ||
      (s = dive__chk_alias(ctx, fn, "din", din, "dout", dout, 0)) ||
      (s = dive__chk_alias(ctx, fn, "din", din, "in", in, 0)) ||
      (s = dive__chk_alias(ctx, fn, "din", din, "w", w, 0)) ||
      (s = dive__chk_alias(ctx, fn, "dw", dw, "dout", dout, 0)) ||
      (s = dive__chk_alias(ctx, fn, "dw", dw, "in", in, 0)) ||
      (s = dive__chk_alias(ctx, fn, "dw", dw, "w", w, 0)))
    return s;
  switch (ctx->backend) {
  case DIVE_BACKEND_CPU:
    dive__cpu_conv2d_bwd(&p, dive__f(din), dive__f(dw), dive__f(db), dive__f(dout), dive__f(in),
                         dive__f(w));
    return DIVE_OK;
  case DIVE_BACKEND_VULKAN: return dive__vk_op_missing(ctx, "conv2d_backward");
  default: return dive__bad_backend(ctx, fn);
  }
}

/* batchnorm: in is (N,C,H,W) or (N,C); fills the kernel parameters */
static dive_status dive__bn_setup(dive_ctx *ctx, const char *fn, dive__bn_p *p,
                                  const dive_tensor *in) {
  dive_status s;
  if ((s = dive__chk_tensor(ctx, fn, "in", in, DIVE_F32, 0))) return s;
  if (in->ndim != 2 && in->ndim != 4)
    return dive__ctx_fail(ctx, DIVE_ERR_SHAPE, "%s: in must be (N,C,H,W) or (N,C), got %d-d", fn,
                          in->ndim);
  memset(p, 0, sizeof *p);
  p->N = in->shape[0];
  p->C = in->shape[1];
  if ((int64_t)in->shape[2] * in->shape[3] > ((int64_t)1 << 31) - 1)
    return dive__ctx_fail(ctx, DIVE_ERR_SHAPE, "%s: H*W exceeds 2^31", fn);
  p->HW = in->shape[2] * in->shape[3]; /* unused dims are 1 */
  return DIVE_OK;
}

DIVE_API dive_status dive_batchnorm_forward(dive_ctx *ctx, dive_tensor *out, dive_tensor *mean,
                                            dive_tensor *rstd, const dive_tensor *in,
                                            const dive_tensor *gamma, const dive_tensor *beta,
                                            dive_tensor *running_mean, dive_tensor *running_var,
                                            int training, float momentum, float eps) {
  const char *fn = "dive_batchnorm_forward";
  dive__bn_p p;
  dive_status s;
  DIVE__OP_BEGIN(ctx, fn);
  if ((s = dive__bn_setup(ctx, fn, &p, in)) ||
      (s = dive__chk_tensor(ctx, fn, "out", out, DIVE_F32, 0)) ||
      (s = dive__chk_tensor(ctx, fn, "mean", mean, DIVE_F32, 0)) ||
      (s = dive__chk_tensor(ctx, fn, "rstd", rstd, DIVE_F32, 0)) ||
      (s = dive__chk_tensor(ctx, fn, "gamma", gamma, DIVE_F32, 0)) ||
      (s = dive__chk_tensor(ctx, fn, "beta", beta, DIVE_F32, 0)) ||
      (s = dive__chk_tensor(ctx, fn, "running_mean", running_mean, DIVE_F32, training)) ||
      (s = dive__chk_tensor(ctx, fn, "running_var", running_var, DIVE_F32, training)) ||
      (s = dive__chk_same(ctx, fn, "out", out, in)) ||
      (s = dive__chk_dims(ctx, fn, "mean", mean, 1, p.C, 0, 0, 0)) ||
      (s = dive__chk_dims(ctx, fn, "rstd", rstd, 1, p.C, 0, 0, 0)) ||
      (s = dive__chk_dims(ctx, fn, "gamma", gamma, 1, p.C, 0, 0, 0)) ||
      (s = dive__chk_dims(ctx, fn, "beta", beta, 1, p.C, 0, 0, 0)) ||
      (s = dive__chk_dims(ctx, fn, "running_mean", running_mean, 1, p.C, 0, 0, 0)) ||
      (s = dive__chk_dims(ctx, fn, "running_var", running_var, 1, p.C, 0, 0, 0)) ||
      (s = dive__chk_alias(ctx, fn, "out", out, "in", in, 0)) ||
      (s = dive__chk_alias(ctx, fn, "mean", mean, "rstd", rstd, 0)))
    return s;
  if (!(momentum >= 0.0f && momentum <= 1.0f))
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: momentum %g outside [0, 1]", fn, (double)momentum);
  if (!(eps > 0.0f && eps <= FLT_MAX))
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: eps %g must be positive and finite", fn,
                          (double)eps);
  if (training && (int64_t)p.N * p.HW < 2)
    return dive__ctx_fail(ctx, DIVE_ERR_SHAPE,
                          "%s: training needs more than one value per channel (N*H*W = 1)", fn);
  p.training = training ? 1 : 0;
  p.momentum = momentum;
  p.eps = eps;
  switch (ctx->backend) {
  case DIVE_BACKEND_CPU:
    dive__cpu_bn_fwd(&p, dive__f(out), dive__f(mean), dive__f(rstd), dive__f(in), dive__f(gamma),
                     dive__f(beta), dive__f(running_mean), dive__f(running_var));
    return DIVE_OK;
  case DIVE_BACKEND_VULKAN: return dive__vk_op_missing(ctx, "batchnorm_forward");
  default: return dive__bad_backend(ctx, fn);
  }
}

DIVE_API dive_status dive_batchnorm_backward(dive_ctx *ctx, dive_tensor *din, dive_tensor *dgamma,
                                             dive_tensor *dbeta, const dive_tensor *dout,
                                             const dive_tensor *in, const dive_tensor *mean,
                                             const dive_tensor *rstd, const dive_tensor *gamma) {
  const char *fn = "dive_batchnorm_backward";
  dive__bn_p p;
  dive_status s;
  DIVE__OP_BEGIN(ctx, fn);
  if ((s = dive__bn_setup(ctx, fn, &p, in)) ||
      (s = dive__chk_tensor(ctx, fn, "dout", dout, DIVE_F32, 0)) ||
      (s = dive__chk_tensor(ctx, fn, "mean", mean, DIVE_F32, 0)) ||
      (s = dive__chk_tensor(ctx, fn, "rstd", rstd, DIVE_F32, 0)) ||
      (s = dive__chk_tensor(ctx, fn, "gamma", gamma, DIVE_F32, 0)) ||
      (s = dive__chk_tensor(ctx, fn, "din", din, DIVE_F32, 1)) ||
      (s = dive__chk_tensor(ctx, fn, "dgamma", dgamma, DIVE_F32, 1)) ||
      (s = dive__chk_tensor(ctx, fn, "dbeta", dbeta, DIVE_F32, 1)) ||
      (s = dive__chk_same(ctx, fn, "dout", dout, in)) ||
      (s = dive__chk_same(ctx, fn, "din", din, in)) ||
      (s = dive__chk_dims(ctx, fn, "mean", mean, 1, p.C, 0, 0, 0)) ||
      (s = dive__chk_dims(ctx, fn, "rstd", rstd, 1, p.C, 0, 0, 0)) ||
      (s = dive__chk_dims(ctx, fn, "gamma", gamma, 1, p.C, 0, 0, 0)) ||
      (s = dive__chk_dims(ctx, fn, "dgamma", dgamma, 1, p.C, 0, 0, 0)) ||
      (s = dive__chk_dims(ctx, fn, "dbeta", dbeta, 1, p.C, 0, 0, 0)) ||
      (s = dive__chk_alias(ctx, fn, "din", din, "dout", dout, 0)) ||
      (s = dive__chk_alias(ctx, fn, "din", din, "in", in, 0)) ||
      (s = dive__chk_alias(ctx, fn, "dgamma", dgamma, "dbeta", dbeta, 0)))
    return s;
  switch (ctx->backend) {
  case DIVE_BACKEND_CPU:
    dive__cpu_bn_bwd(&p, dive__f(din), dive__f(dgamma), dive__f(dbeta), dive__f(dout), dive__f(in),
                     dive__f(mean), dive__f(rstd), dive__f(gamma));
    return DIVE_OK;
  case DIVE_BACKEND_VULKAN: return dive__vk_op_missing(ctx, "batchnorm_backward");
  default: return dive__bad_backend(ctx, fn);
  }
}

DIVE_API dive_status dive_relu_forward(dive_ctx *ctx, dive_tensor *out, const dive_tensor *in) {
  const char *fn = "dive_relu_forward";
  dive_status s;
  DIVE__OP_BEGIN(ctx, fn);
  if ((s = dive__chk_tensor(ctx, fn, "out", out, DIVE_F32, 0)) ||
      (s = dive__chk_tensor(ctx, fn, "in", in, DIVE_F32, 0)) ||
      (s = dive__chk_same(ctx, fn, "out", out, in)) ||
      (s = dive__chk_alias(ctx, fn, "out", out, "in", in, 1)))
    return s;
  switch (ctx->backend) {
  case DIVE_BACKEND_CPU: dive__cpu_relu_fwd(in->numel, dive__f(out), dive__f(in)); return DIVE_OK;
  case DIVE_BACKEND_VULKAN: return dive__vk_op_missing(ctx, "relu_forward");
  default: return dive__bad_backend(ctx, fn);
  }
}

DIVE_API dive_status dive_relu_backward(dive_ctx *ctx, dive_tensor *din, const dive_tensor *dout,
                                        const dive_tensor *out) {
  const char *fn = "dive_relu_backward";
  dive_status s;
  DIVE__OP_BEGIN(ctx, fn);
  if ((s = dive__chk_tensor(ctx, fn, "din", din, DIVE_F32, 0)) ||
      (s = dive__chk_tensor(ctx, fn, "dout", dout, DIVE_F32, 0)) ||
      (s = dive__chk_tensor(ctx, fn, "out", out, DIVE_F32, 0)) ||
      (s = dive__chk_same(ctx, fn, "dout", dout, out)) ||
      (s = dive__chk_same(ctx, fn, "din", din, out)) ||
      (s = dive__chk_alias(ctx, fn, "din", din, "dout", dout, 1)) ||
      (s = dive__chk_alias(ctx, fn, "din", din, "out", out, 1)))
    return s;
  switch (ctx->backend) {
  case DIVE_BACKEND_CPU:
    dive__cpu_relu_bwd(out->numel, dive__f(din), dive__f(dout), dive__f(out));
    return DIVE_OK;
  case DIVE_BACKEND_VULKAN: return dive__vk_op_missing(ctx, "relu_backward");
  default: return dive__bad_backend(ctx, fn);
  }
}

DIVE_API dive_status dive_add_forward(dive_ctx *ctx, dive_tensor *out, const dive_tensor *a,
                                      const dive_tensor *b) {
  const char *fn = "dive_add_forward";
  dive_status s;
  DIVE__OP_BEGIN(ctx, fn);
  if ((s = dive__chk_tensor(ctx, fn, "out", out, DIVE_F32, 0)) ||
      (s = dive__chk_tensor(ctx, fn, "a", a, DIVE_F32, 0)) ||
      (s = dive__chk_tensor(ctx, fn, "b", b, DIVE_F32, 0)) ||
      (s = dive__chk_same(ctx, fn, "b", b, a)) ||
      (s = dive__chk_same(ctx, fn, "out", out, a)) ||
      (s = dive__chk_alias(ctx, fn, "out", out, "a", a, 1)) ||
      (s = dive__chk_alias(ctx, fn, "out", out, "b", b, 1)))
    return s;
  switch (ctx->backend) {
  case DIVE_BACKEND_CPU:
    dive__cpu_add_fwd(a->numel, dive__f(out), dive__f(a), dive__f(b));
    return DIVE_OK;
  case DIVE_BACKEND_VULKAN: return dive__vk_op_missing(ctx, "add_forward");
  default: return dive__bad_backend(ctx, fn);
  }
}

DIVE_API dive_status dive_add_backward(dive_ctx *ctx, dive_tensor *da, dive_tensor *db,
                                       const dive_tensor *dout) {
  const char *fn = "dive_add_backward";
  dive_status s;
  DIVE__OP_BEGIN(ctx, fn);
  if ((s = dive__chk_tensor(ctx, fn, "dout", dout, DIVE_F32, 0)) ||
      (s = dive__chk_tensor(ctx, fn, "da", da, DIVE_F32, 1)) ||
      (s = dive__chk_tensor(ctx, fn, "db", db, DIVE_F32, 1)) ||
      (s = dive__chk_same(ctx, fn, "da", da, dout)) ||
      (s = dive__chk_same(ctx, fn, "db", db, dout)) ||
      (s = dive__chk_alias(ctx, fn, "da", da, "dout", dout, 1)) ||
      (s = dive__chk_alias(ctx, fn, "db", db, "dout", dout, 1)) ||
      (s = dive__chk_alias(ctx, fn, "da", da, "db", db, 0)))
    return s;
  switch (ctx->backend) {
  case DIVE_BACKEND_CPU:
    dive__cpu_add_bwd(dout->numel, dive__f(da), dive__f(db), dive__f(dout));
    return DIVE_OK;
  case DIVE_BACKEND_VULKAN: return dive__vk_op_missing(ctx, "add_backward");
  default: return dive__bad_backend(ctx, fn);
  }
}

/* shortcut: x (N,C,H,W) is the narrow side, y (N,K,P,Q) the wide one */
static dive_status dive__sc_setup(dive_ctx *ctx, const char *fn, dive__sc_p *p, const char *nx,
                                  const dive_tensor *x, const char *ny, const dive_tensor *y,
                                  int stride) {
  dive_status s;
  if ((s = dive__chk_tensor(ctx, fn, nx, x, DIVE_F32, 0)) ||
      (s = dive__chk_tensor(ctx, fn, ny, y, DIVE_F32, 0)) ||
      (s = dive__chk_alias(ctx, fn, nx, x, ny, y, 0)))
    return s;
  if (stride < 1 || stride > 65536)
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: stride %d outside 1..65536", fn, stride);
  if (x->ndim != 4)
    return dive__ctx_fail(ctx, DIVE_ERR_SHAPE, "%s: %s must be 4-d, got %d-d", fn, nx, x->ndim);
  memset(p, 0, sizeof *p);
  p->N = x->shape[0]; p->C = x->shape[1]; p->H = x->shape[2]; p->W = x->shape[3];
  p->K = y->shape[1];
  p->P = (p->H - 1) / stride + 1;
  p->Q = (p->W - 1) / stride + 1;
  p->stride = stride;
  if (y->ndim == 4 && p->K < p->C)
    return dive__ctx_fail(ctx, DIVE_ERR_SHAPE, "%s: %s has %d channels, fewer than %s's %d", fn, ny,
                          p->K, nx, p->C);
  return dive__chk_dims(ctx, fn, ny, y, 4, p->N, p->K, p->P, p->Q);
}

DIVE_API dive_status dive_shortcut_forward(dive_ctx *ctx, dive_tensor *out, const dive_tensor *in,
                                           int stride) {
  const char *fn = "dive_shortcut_forward";
  dive__sc_p p;
  dive_status s;
  DIVE__OP_BEGIN(ctx, fn);
  if ((s = dive__sc_setup(ctx, fn, &p, "in", in, "out", out, stride))) return s;
  switch (ctx->backend) {
  case DIVE_BACKEND_CPU: dive__cpu_shortcut_fwd(&p, dive__f(out), dive__f(in)); return DIVE_OK;
  case DIVE_BACKEND_VULKAN: return dive__vk_op_missing(ctx, "shortcut_forward");
  default: return dive__bad_backend(ctx, fn);
  }
}

DIVE_API dive_status dive_shortcut_backward(dive_ctx *ctx, dive_tensor *din,
                                            const dive_tensor *dout, int stride) {
  const char *fn = "dive_shortcut_backward";
  dive__sc_p p;
  dive_status s;
  DIVE__OP_BEGIN(ctx, fn);
  if ((s = dive__sc_setup(ctx, fn, &p, "din", din, "dout", dout, stride))) return s;
  switch (ctx->backend) {
  case DIVE_BACKEND_CPU: dive__cpu_shortcut_bwd(&p, dive__f(din), dive__f(dout)); return DIVE_OK;
  case DIVE_BACKEND_VULKAN: return dive__vk_op_missing(ctx, "shortcut_backward");
  default: return dive__bad_backend(ctx, fn);
  }
}

DIVE_API dive_status dive_maxpool_forward(dive_ctx *ctx, dive_tensor *out, dive_tensor *argmax,
                                          const dive_tensor *in, int k, int stride, int pad) {
  const char *fn = "dive_maxpool_forward";
  dive__pool_p p;
  dive_status s;
  DIVE__OP_BEGIN(ctx, fn);
  if ((s = dive__chk_tensor(ctx, fn, "in", in, DIVE_F32, 0)) ||
      (s = dive__chk_tensor(ctx, fn, "out", out, DIVE_F32, 0)) ||
      (s = dive__chk_tensor(ctx, fn, "argmax", argmax, DIVE_I32, 0)) ||
      (s = dive__chk_alias(ctx, fn, "out", out, "in", in, 0)) ||
      (s = dive__chk_alias(ctx, fn, "argmax", argmax, "in", in, 0)) ||
      (s = dive__chk_alias(ctx, fn, "argmax", argmax, "out", out, 0)))
    return s;
  if (in->ndim != 4)
    return dive__ctx_fail(ctx, DIVE_ERR_SHAPE, "%s: in must be 4-d, got %d-d", fn, in->ndim);
  if (k < 1 || k > 65536 || stride < 1 || stride > 65536)
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: k=%d and stride=%d must be in 1..65536", fn, k,
                          stride);
  if (pad < 0 || pad > k / 2)
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: pad %d outside 0..k/2 = %d", fn, pad, k / 2);
  memset(&p, 0, sizeof p);
  p.N = in->shape[0]; p.C = in->shape[1]; p.H = in->shape[2]; p.W = in->shape[3];
  p.k = k; p.stride = stride; p.pad = pad;
  if (p.H + 2 * pad < k || p.W + 2 * pad < k)
    return dive__ctx_fail(ctx, DIVE_ERR_SHAPE, "%s: window %d larger than the padded input %dx%d",
                          fn, k, p.H + 2 * pad, p.W + 2 * pad);
  p.P = (p.H + 2 * pad - k) / stride + 1;
  p.Q = (p.W + 2 * pad - k) / stride + 1;
  if ((s = dive__chk_dims(ctx, fn, "out", out, 4, p.N, p.C, p.P, p.Q)) ||
      (s = dive__chk_dims(ctx, fn, "argmax", argmax, 4, p.N, p.C, p.P, p.Q)))
    return s;
  switch (ctx->backend) {
  case DIVE_BACKEND_CPU:
    dive__cpu_maxpool_fwd(&p, dive__f(out), dive__i(argmax), dive__f(in));
    return DIVE_OK;
  case DIVE_BACKEND_VULKAN: return dive__vk_op_missing(ctx, "maxpool_forward");
  default: return dive__bad_backend(ctx, fn);
  }
}

DIVE_API dive_status dive_maxpool_backward(dive_ctx *ctx, dive_tensor *din, const dive_tensor *dout,
                                           const dive_tensor *argmax) {
  const char *fn = "dive_maxpool_backward";
  dive__pool_p p;
  dive_status s;
  DIVE__OP_BEGIN(ctx, fn);
  if ((s = dive__chk_tensor(ctx, fn, "din", din, DIVE_F32, 0)) ||
      (s = dive__chk_tensor(ctx, fn, "dout", dout, DIVE_F32, 0)) ||
      (s = dive__chk_tensor(ctx, fn, "argmax", argmax, DIVE_I32, 0)) ||
      (s = dive__chk_same(ctx, fn, "argmax", argmax, dout)) ||
      (s = dive__chk_alias(ctx, fn, "din", din, "dout", dout, 0)) ||
      (s = dive__chk_alias(ctx, fn, "din", din, "argmax", argmax, 0)))
    return s;
  if (din->ndim != 4 || dout->ndim != 4 || din->shape[0] != dout->shape[0] ||
      din->shape[1] != dout->shape[1])
    return dive__ctx_fail(ctx, DIVE_ERR_SHAPE,
                          "%s: din (N,C,H,W) and dout (N,C,P,Q) must be 4-d with equal N and C", fn);
  memset(&p, 0, sizeof p); /* backward needs only the sizes: argmax holds the positions */
  p.N = din->shape[0]; p.C = din->shape[1]; p.H = din->shape[2]; p.W = din->shape[3];
  p.P = dout->shape[2]; p.Q = dout->shape[3];
  switch (ctx->backend) {
  case DIVE_BACKEND_CPU: {
    const int32_t *am = dive__i(argmax);
    int64_t i, HW = (int64_t)p.H * p.W;
    for (i = 0; i < argmax->numel; i++) /* an index outside the plane would write out of bounds */
      if (am[i] < 0 || am[i] >= HW)
        return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: argmax[%lld] = %d outside 0..H*W-1 = %lld",
                              fn, (long long)i, (int)am[i], (long long)(HW - 1));
    dive__cpu_maxpool_bwd(&p, dive__f(din), dive__f(dout), am);
    return DIVE_OK;
  }
  case DIVE_BACKEND_VULKAN: return dive__vk_op_missing(ctx, "maxpool_backward");
  default: return dive__bad_backend(ctx, fn);
  }
}

/* avgpool: x (N,C,H,W), y (N,C) or (N,C,1,1) */
static dive_status dive__avg_setup(dive_ctx *ctx, const char *fn, int *HW, const char *nx,
                                   const dive_tensor *x, const char *ny, const dive_tensor *y) {
  dive_status s;
  if ((s = dive__chk_tensor(ctx, fn, nx, x, DIVE_F32, 0)) ||
      (s = dive__chk_tensor(ctx, fn, ny, y, DIVE_F32, 0)) ||
      (s = dive__chk_alias(ctx, fn, nx, x, ny, y, 0)))
    return s;
  if (x->ndim != 4)
    return dive__ctx_fail(ctx, DIVE_ERR_SHAPE, "%s: %s must be 4-d, got %d-d", fn, nx, x->ndim);
  if ((int64_t)x->shape[2] * x->shape[3] > ((int64_t)1 << 31) - 1)
    return dive__ctx_fail(ctx, DIVE_ERR_SHAPE, "%s: H*W exceeds 2^31", fn);
  *HW = x->shape[2] * x->shape[3];
  if (y->ndim == 4) return dive__chk_dims(ctx, fn, ny, y, 4, x->shape[0], x->shape[1], 1, 1);
  return dive__chk_dims(ctx, fn, ny, y, 2, x->shape[0], x->shape[1], 0, 0);
}

DIVE_API dive_status dive_avgpool_forward(dive_ctx *ctx, dive_tensor *out, const dive_tensor *in) {
  const char *fn = "dive_avgpool_forward";
  dive_status s;
  int HW;
  DIVE__OP_BEGIN(ctx, fn);
  if ((s = dive__avg_setup(ctx, fn, &HW, "in", in, "out", out))) return s;
  switch (ctx->backend) {
  case DIVE_BACKEND_CPU:
    dive__cpu_avgpool_fwd(in->shape[0], in->shape[1], HW, dive__f(out), dive__f(in));
    return DIVE_OK;
  case DIVE_BACKEND_VULKAN: return dive__vk_op_missing(ctx, "avgpool_forward");
  default: return dive__bad_backend(ctx, fn);
  }
}

DIVE_API dive_status dive_avgpool_backward(dive_ctx *ctx, dive_tensor *din,
                                           const dive_tensor *dout) {
  const char *fn = "dive_avgpool_backward";
  dive_status s;
  int HW;
  DIVE__OP_BEGIN(ctx, fn);
  if ((s = dive__avg_setup(ctx, fn, &HW, "din", din, "dout", dout))) return s;
  switch (ctx->backend) {
  case DIVE_BACKEND_CPU:
    dive__cpu_avgpool_bwd(din->shape[0], din->shape[1], HW, dive__f(din), dive__f(dout));
    return DIVE_OK;
  case DIVE_BACKEND_VULKAN: return dive__vk_op_missing(ctx, "avgpool_backward");
  default: return dive__bad_backend(ctx, fn);
  }
}

/* linear: in (N,K), w (M,K) */
static dive_status dive__lin_setup(dive_ctx *ctx, const char *fn, dive__lin_p *p,
                                   const dive_tensor *in, const dive_tensor *w) {
  dive_status s;
  if ((s = dive__chk_tensor(ctx, fn, "in", in, DIVE_F32, 0)) ||
      (s = dive__chk_tensor(ctx, fn, "w", w, DIVE_F32, 0)))
    return s;
  if (in->ndim != 2 || w->ndim != 2)
    return dive__ctx_fail(ctx, DIVE_ERR_SHAPE, "%s: in (N,K) and w (M,K) must be 2-d, got %d-d and %d-d",
                          fn, in->ndim, w->ndim);
  if (in->shape[1] != w->shape[1])
    return dive__ctx_fail(ctx, DIVE_ERR_SHAPE, "%s: in K=%d but w K=%d", fn, in->shape[1],
                          w->shape[1]);
  p->N = in->shape[0];
  p->K = in->shape[1];
  p->M = w->shape[0];
  return DIVE_OK;
}

DIVE_API dive_status dive_linear_forward(dive_ctx *ctx, dive_tensor *out, const dive_tensor *in,
                                         const dive_tensor *w, const dive_tensor *b) {
  const char *fn = "dive_linear_forward";
  dive__lin_p p;
  dive_status s;
  DIVE__OP_BEGIN(ctx, fn);
  if ((s = dive__lin_setup(ctx, fn, &p, in, w)) ||
      (s = dive__chk_tensor(ctx, fn, "out", out, DIVE_F32, 0)) ||
      (s = dive__chk_tensor(ctx, fn, "b", b, DIVE_F32, 1)) ||
      (s = dive__chk_dims(ctx, fn, "out", out, 2, p.N, p.M, 0, 0)) ||
      (s = dive__chk_dims(ctx, fn, "b", b, 1, p.M, 0, 0, 0)) ||
      (s = dive__chk_alias(ctx, fn, "out", out, "in", in, 0)) ||
      (s = dive__chk_alias(ctx, fn, "out", out, "w", w, 0)) ||
      (s = dive__chk_alias(ctx, fn, "out", out, "b", b, 0)))
    return s;
  switch (ctx->backend) {
  case DIVE_BACKEND_CPU:
    dive__cpu_linear_fwd(&p, dive__f(out), dive__f(in), dive__f(w), dive__f(b));
    return DIVE_OK;
  case DIVE_BACKEND_VULKAN: return dive__vk_op_missing(ctx, "linear_forward");
  default: return dive__bad_backend(ctx, fn);
  }
}

DIVE_API dive_status dive_linear_backward(dive_ctx *ctx, dive_tensor *din, dive_tensor *dw,
                                          dive_tensor *db, const dive_tensor *dout,
                                          const dive_tensor *in, const dive_tensor *w) {
  const char *fn = "dive_linear_backward";
  dive__lin_p p;
  dive_status s;
  DIVE__OP_BEGIN(ctx, fn);
  if ((s = dive__lin_setup(ctx, fn, &p, in, w)) ||
      (s = dive__chk_tensor(ctx, fn, "dout", dout, DIVE_F32, 0)) ||
      (s = dive__chk_tensor(ctx, fn, "din", din, DIVE_F32, 1)) ||
      (s = dive__chk_tensor(ctx, fn, "dw", dw, DIVE_F32, 1)) ||
      (s = dive__chk_tensor(ctx, fn, "db", db, DIVE_F32, 1)) ||
      (s = dive__chk_dims(ctx, fn, "dout", dout, 2, p.N, p.M, 0, 0)) ||
      (s = dive__chk_same(ctx, fn, "din", din, in)) ||
      (s = dive__chk_same(ctx, fn, "dw", dw, w)) ||
      (s = dive__chk_dims(ctx, fn, "db", db, 1, p.M, 0, 0, 0)) ||
      (s = dive__chk_alias(ctx, fn, "din", din, "dout", dout, 0)) ||
      (s = dive__chk_alias(ctx, fn, "din", din, "in", in, 0)) ||
      (s = dive__chk_alias(ctx, fn, "din", din, "w", w, 0)) ||
      (s = dive__chk_alias(ctx, fn, "dw", dw, "dout", dout, 0)) ||
      (s = dive__chk_alias(ctx, fn, "dw", dw, "in", in, 0)) ||
      (s = dive__chk_alias(ctx, fn, "dw", dw, "w", w, 0)))
    return s;
  switch (ctx->backend) {
  case DIVE_BACKEND_CPU:
    dive__cpu_linear_bwd(&p, dive__f(din), dive__f(dw), dive__f(db), dive__f(dout), dive__f(in),
                         dive__f(w));
    return DIVE_OK;
  case DIVE_BACKEND_VULKAN: return dive__vk_op_missing(ctx, "linear_backward");
  default: return dive__bad_backend(ctx, fn);
  }
}

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
