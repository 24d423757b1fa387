/* dive.h - v0.2.0 - long-tailed image classification with DiVE (Distilling Virtual
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
     DIVE_VK_LINKED        impl        link -lvulkan instead of loading it at run time
     DIVE_VK_FAULTS        impl        tests only: env DIVE_VK_FAULT=oom:N|lost:N injects a device
                                       out-of-memory / device lost (docs/reliability.md)
     DIVE_NO_THREADS       impl        data loaders build batches on the calling thread
     DIVE_NO_STB_IMAGE     impl        no stb_image: .gz, JPEG and PNG report UNSUPPORTED
     DIVE_STB_IMAGE_EXTERN impl        stb_image's implementation is compiled elsewhere
     DIVE_MAX_IMAGE_PIXELS impl        JPEG/PNG images of more pixels are refused before they
                                       are decoded (default 1 << 26, 64 Mpixel)
     DIVE_MPI              everywhere  data parallelism with MPI (dive_dist_*; build with
                                       mpicc; docs/distributed.md)
     (stb_image.h is found with __has_include as "stb_image.h" or <stb/stb_image.h>; one
     included before dive.h is used as it is.)

   BACKENDS
     DIVE_BACKEND_CPU     OpenMP kernels (serial reference kernels back every op).
     DIVE_BACKEND_VULKAN  compute shaders through a run-time loaded Vulkan loader.
     DIVE_BACKEND_AUTO    (default) Vulkan when a GPU is present, else the CPU.
     Environment: DIVE_BACKEND=cpu|vulkan overrides the desc; DIVE_VK_DEVICE=i picks a device;
     DIVE_VK_VALIDATION=1 loads the Khronos validation layer and counts its messages;
     DIVE_VK_STAGING=1 forces staging copies even on unified memory; DIVE_VK_WG=n sets the
     workgroup size; DIVE_VK_SYNC=1 waits for the device after every op (debugging);
     DIVE_VK_PROFILE=1 times every dispatch and prints a per-kernel table (stderr) when the
     ctx is destroyed and one counter line per dive_ctx_sync; DIVE_VK_TILE=v, DIVE_VK_SPLIT=n
     and DIVE_VK_CHUNK=L force the convolutions' tile shape, split-K and the BN partial-sum
     chunks (tests); DIVE_CHECK=1 recomputes every Vulkan layer op on the CPU and fails on a
     mismatch. dive_resnet_train_step on Vulkan records the step once and replays it (two
     steps in flight; dive_resnet_sync); DIVE_VK_REPLAY=0 runs it op by op instead (as
     DIVE_CHECK and DIVE_VK_SYNC do), DIVE_VK_REPLAY=fresh records it afresh every step (tests).
     AUTO does not pick a CPU-type Vulkan device (lavapipe): the OpenMP backend is faster
     there. CPU kernels use AVX-512 or AVX2+FMA when the CPU has them (chosen at run time, no
     -march needed), NEON on aarch64; DIVE_CPU_ISA=avx512|avx2|neon|generic forces a narrower
     path. The larger stride-1 3x3 convs run as Winograd F(2x2, 3x3) (a measured rule);
     DIVE_CPU_WINOGRAD=0 turns it off, =1 uses it wherever it applies. In eval mode (predict,
     the DiVE teacher) each batch norm is folded into the conv before it, whose one pass then
     adds the bias, the shortcut and the ReLU; DIVE_CPU_FOLD=0 keeps the BN a pass of its own.

   ERRORS
     Every fallible function returns dive_status (DIVE_OK = 0, errors < 0). Failures inside a
     context are sticky: the first one is kept with its message (dive_ctx_error) and later
     calls on that ctx return it at once, so a loop may check dive_ctx_status() once a step.
     Failures before a ctx exists are described by dive_last_error().
     Non-finite values: dive_resnet_train_step checks the loss and every gradient before the
     update; a NaN or an infinity leaves the weights (and momentum) as they were and gives
     DIVE_ERR_NONFINITE, "step N: ..." (N counts the model's training steps from 1). When:
     on the CPU, and on Vulkan when the call passes loss_out, the call of that step returns
     it; on Vulkan without loss_out (the step is still running when the call returns) the
     next call returns it, or dive_resnet_sync, and the step submitted after the bad one
     skips its update on the device as well.
     After DIVE_ERR_DEVICE_LOST the ctx runs no device work again (clearing the error does not
     help): free its tensors, destroy it and resume from the last checkpoint.

   THREADING
     A ctx and everything made from it (tensors, models, evaluations, analyzer reports) is
     used by one thread at a time: calls on one ctx must not overlap (nothing inside locks).
     Different ctxs may be used from different threads at the same moment. Each ctx runs its
     CPU kernels on desc.threads OpenMP threads (0: OpenMP's default when the ctx is made);
     the library never changes the application's own OpenMP settings. A dive_loader builds
     batches on its own worker threads; call its functions from one thread at a time; several
     loaders may read one dataset at once (the dataset must not change while they run).
     dive_last_error() is per thread. Process-wide and safe from any thread: the choice of
     CPU kernels (made once, at first use), the Vulkan loader kept loaded for the process,
     and the validation-message count. `make test-tsan` checks the loaders and these promises
     under ThreadSanitizer (tests/test_threads.c).

   DATA PARALLELISM (DIVE_MPI; docs/distributed.md)
     One replica per MPI rank: dive_dist_create; a sharded dive_loader per rank
     (desc.shards = ranks, desc.shard = rank); dive_resnet_set_dist(m, dist, &desc) (sync_bn,
     bucket_mb); then dive_resnet_train_step on the rank's local batch reports the global
     mean loss, averages the gradients over the ranks (bucketed in-place allreduces between
     backward and SGD; on Vulkan through the host) and applies the same SGD step on every
     rank. A rank that fails where others may wait in a collective calls dive_dist_abort.

   QUICK START
     dive_ctx *ctx; dive_resnet *net;
     dive_ctx_desc cd; memset(&cd, 0, sizeof cd);                 // zero = defaults
     dive_ctx_create(&ctx, &cd);
     dive_resnet_desc rd; memset(&rd, 0, sizeof rd);
     rd.depth = 32; rd.in_channels = 3; rd.num_classes = 10;      // ResNet-32, CIFAR-10
     // or: rd.arch = "resnext50_32x4d"; rd.num_classes = 1000;   // torchvision's, 224x224
     dive_resnet_create(ctx, &net, &rd);
     dive_loss_desc ld; memset(&ld, 0, sizeof ld); ld.kind = DIVE_LOSS_CE;
     dive_sgd_desc sd; memset(&sd, 0, sizeof sd); sd.lr = 0.1f; sd.momentum = 0.9f;
     float loss;
     dive_resnet_train_step(net, NULL, x, y, batch, &ld, &sd, &loss);  // x: NCHW floats
     dive_resnet_save(net, "model.safetensors");                 // torchvision's names
     dive_resnet_destroy(net); dive_ctx_destroy(ctx);

   CONTENTS (search for the >>tag)
     >>api-config >>api-types >>api
     >>impl-config >>internal >>cpu-ref >>cpu >>vulkan >>dispatch
     >>loss >>optim >>resnet >>checkpoint >>data >>analyzer >>train >>dist >>spirv (generated)

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
#define DIVE_VERSION_MINOR 2
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
  X(ERR_UNSUPPORTED, -9, "unsupported")                        \
  X(ERR_DEVICE_LOST, -10, "device lost")

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
  int threads;          /* OpenMP threads of this ctx's CPU kernels; 0 = OpenMP's default */
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

/* Loss family (docs/method.md). B = batch, C = classes, s student logits, z teacher logits,
   t = softmax(z p / T) (power normalization folded into the temperature), KL = the batch
   mean of KL(t || softmax(s / T)). */
typedef enum dive_loss_kind {
  DIVE_LOSS_CE = 0,    /* mean -log softmax(s)_y */
  DIVE_LOSS_BSCE = 1,  /* CE on s + log n_j (balanced softmax) */
  DIVE_LOSS_KD = 2,    /* T^2 KL (the distillation term alone, weight 1) */
  DIVE_LOSS_DIVE = 3,  /* (1-alpha) BSCE + alpha T^2 KL (paper Eq. 15) */
  DIVE_LOSS_KD_CE = 4  /* (1-alpha) CE + alpha T^2 KL (Hinton's KD, the paper's Eq. 2) */
} dive_loss_kind;

typedef struct dive_loss_desc {
  dive_loss_kind kind;
  float alpha;         /* DIVE, KD_CE: weight of the KD term; 0 = default 0.5, unless alpha_set */
  int alpha_set;       /* 1: alpha is taken as given, 0 included (alpha 0 = the first term alone;
                          the teacher is then neither needed nor run) */
  float T;             /* temperature; 0 = default 3 */
  float power;         /* teacher power normalization p; 0 = default 0.5 (1 = off) */
  int no_bsce;         /* DIVE, KD_CE: drop the first term (BSCE / CE): alpha T^2 KL, the
                          paper's Eq. 15 without its first term (Table 6) */
  int mix_groundtruth; /* KL target q = (1-alpha) onehot + alpha t instead of t (Eq. 6, Table 6) */
  const int *class_counts; /* n_j per class: needed by BSCE and DIVE (model-level calls) */
} dive_loss_desc;

/* SGD with PyTorch's update rule. Fields are taken as given (0 = off), except lr. */
typedef struct dive_sgd_desc {
  float lr;
  float momentum;
  float weight_decay;
  int nesterov;
} dive_sgd_desc;

/* A ResNet, described by an architecture table (>>resnet): torchvision's ImageNet family
   ("resnet18", "resnet34", "resnet50", "resnet101", "resnet152", "resnext50_32x4d",
   "resnext101_32x8d", "resnext101_64x4d", "wide_resnet50_2", "wide_resnet101_2": 7x7/2
   stem + 3x3/2 max-pool, four stages of basic or bottleneck blocks with the stride on the
   3x3 conv, projection shortcuts, torchvision's init and state_dict names) or the CIFAR
   family of the long-tail literature ("resnet8", "resnet14", "resnet20", "resnet32",
   "resnet44", "resnet56", "resnet110", any 6n+2 by `depth`: 3x3 stem, three stages of basic
   blocks, option-A shortcuts). dive_resnet_arch_name(i) lists the names. */
typedef struct dive_resnet_desc {
  int depth;        /* CIFAR family (arch NULL or ""): 6n+2; 0 = 32 */
  int in_channels;  /* 0 = 3 */
  int num_classes;  /* 0 = 10 */
  int base_width;   /* channels of stage 1: 0 = 16 (CIFAR: stages w, 2w, 4w) or 64 (ImageNet
                       family: the planes of layer1; layers 2-4 take 2x, 4x, 8x) */
  int height, width;/* input size; 0 = 32 (CIFAR) or 224 (ImageNet family) */
  int max_batch;    /* largest batch a call may pass; 0 = 128 */
  uint64_t seed;    /* initialization seed */
  int verbose;      /* print one line per layer and the parameter count */
  const char *arch; /* NULL or "": the CIFAR ResNet of `depth`; else an architecture name */
  int groups;       /* bottleneck 3x3 conv groups; 0 = the arch's (32 for resnext50_32x4d) */
  int width_per_group; /* bottleneck width per group; 0 = the arch's (4 for resnext50_32x4d,
                          64 for resnet50, 128 for wide_resnet50_2): the 3x3 conv of a block
                          of `planes` has planes * width_per_group / 64 * groups channels */
  int zero_init_residual; /* 1: each block's last BN weight starts at 0 (torchvision's option) */
} dive_resnet_desc;

/* A named entry of a model's state (PyTorch state_dict naming and order). */
typedef enum dive_param_kind {
  DIVE_PARAM_WEIGHT = 0,  /* trained: value, grad and momentum are views */
  DIVE_PARAM_BUFFER = 1,  /* running_mean / running_var: value only */
  DIVE_PARAM_COUNTER = 2  /* num_batches_tracked: the int64 at `counter` */
} dive_param_kind;

typedef struct dive_param {
  char name[48];
  dive_param_kind kind;
  dive_tensor value;    /* view into the params arena (or the buffers arena) */
  dive_tensor grad;     /* view into grads (weights only) */
  dive_tensor momentum; /* view into the momentum arena (weights only) */
  int64_t *counter;     /* DIVE_PARAM_COUNTER only */
} dive_param;

/* The model (opaque): config, flat arenas (parameters, gradients, momentum, BN buffers,
   activations) and named views into them. What a user needs comes through functions:
   dive_resnet_get_desc, dive_resnet_num_state / _state / _find_state (the state_dict list),
   dive_resnet_num_params, dive_resnet_tensor. */
typedef struct dive_resnet dive_resnet;

/* Tensors of a model, for dive_resnet_tensor. The batch-major ones hold max_batch rows;
   after a forward pass of n images the first n are that batch's. */
typedef enum dive_resnet_part {
  DIVE_RESNET_PARAMS = 0,   /* every trained scalar, flat, in state_dict order */
  DIVE_RESNET_GRADS = 1,    /* their gradients (same layout) */
  DIVE_RESNET_MOMENTUM = 2, /* SGD momentum buffers (same layout) */
  DIVE_RESNET_BUFFERS = 3,  /* BN running means and variances, flat */
  DIVE_RESNET_INPUT = 4,    /* (max_batch, C, H, W) the last input */
  DIVE_RESNET_FEATURES = 5, /* (max_batch, F) the pooled features the linear layer reads */
  DIVE_RESNET_LOGITS = 6,   /* (max_batch, classes) */
  DIVE_RESNET_DLOGITS = 7   /* (max_batch, classes) d loss / d logits, read by backward */
} dive_resnet_part;

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
/* bytes of device memory the ctx holds (Vulkan: live VkDeviceMemory, tensors + staging);
   0 on the CPU backend */
DIVE_API int64_t dive_query_device_memory(const dive_ctx *ctx);
/* Vulkan validation-layer messages counted under DIVE_VK_VALIDATION=1: those of ctx, or of
   every ctx the process made (destroyed ones too) when ctx is NULL; 0 without Vulkan */
DIVE_API int dive_query_validation_messages(const dive_ctx *ctx);
/* Vulkan work of the ctx so far (all 0 on the CPU), for benchmarks: c[0] submits, c[1] host
   waits, c[2] dispatches, c[3] barriers, c[4] descriptor-set writes; a replayed training
   step adds its one submit and the dispatches and barriers it holds */
DIVE_API void dive_query_vk_counters(const dive_ctx *ctx, int64_t c[5]);
/* the CPU kernels' instruction set: "avx512", "avx2", "neon" or "generic" (DIVE_CPU_ISA
   narrows it) */
DIVE_API const char *dive_query_cpu_isa(void);

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

/* --- ResNet (torchvision's ImageNet family and the CIFAR family; see dive_resnet_desc) --- */
DIVE_API dive_status dive_resnet_create(dive_ctx *ctx, dive_resnet **out,
                                        const dive_resnet_desc *desc);
DIVE_API void dive_resnet_destroy(dive_resnet *m);
/* the i-th architecture name (0, 1, ...; NULL past the last): the ImageNet family, then the
   CIFAR family's usual depths */
DIVE_API const char *dive_resnet_arch_name(int i);
/* the desc the model was built from, with every default filled in and arch set to the
   canonical name ("resnet32" for the CIFAR ResNet of depth 32) */
DIVE_API const dive_resnet_desc *dive_resnet_get_desc(const dive_resnet *m);
DIVE_API int64_t dive_resnet_num_params(const dive_resnet *m); /* trainable scalars */
/* the state_dict entries (weights, BN buffers, num_batches_tracked) in PyTorch order; the
   views may be read and written (dive_tensor_read/write), not freed */
DIVE_API int dive_resnet_num_state(const dive_resnet *m);
DIVE_API dive_param *dive_resnet_state(dive_resnet *m, int i);            /* NULL outside */
DIVE_API dive_param *dive_resnet_find_state(dive_resnet *m, const char *name); /* NULL if none */
DIVE_API dive_tensor *dive_resnet_tensor(dive_resnet *m, dive_resnet_part part);
/* the input: x_host (n, C, H, W) floats, or NULL when the DIVE_RESNET_INPUT tensor holds it
   already. The logits land in DIVE_RESNET_LOGITS. */
DIVE_API dive_status dive_resnet_forward(dive_resnet *m, const float *x_host, int n, int training);
/* from DIVE_RESNET_DLOGITS; grads +=. Needs the last forward to be a training one. */
DIVE_API dive_status dive_resnet_backward(dive_resnet *m);
DIVE_API dive_status dive_resnet_zero_grad(dive_resnet *m);
DIVE_API dive_status dive_resnet_sgd_step(dive_resnet *m, const dive_sgd_desc *desc);
/* one full step: forward (training), loss (teacher forward in eval mode when the loss
   needs it), backward, SGD. x (n, C, H, W) floats, y (n) labels in [0, classes). */
DIVE_API dive_status dive_resnet_train_step(dive_resnet *m, dive_resnet *teacher, const float *x,
                                            const int32_t *y, int n, const dive_loss_desc *loss,
                                            const dive_sgd_desc *sgd, float *loss_out);
/* dive_resnet_train_step on Vulkan records the step once and replays it (docs/vulkan.md):
   with loss_out NULL the call returns once the step is submitted, after waiting for the
   previous step (two steps in flight: the host prepares the next batch while the device
   runs this one); with loss_out it waits for this step and returns its loss. On the CPU
   every call finishes its step. An error of a step (DIVE_ERR_NONFINITE: a NaN or infinite
   loss or gradient; the weights are left as they were before it) is returned by the call
   of that step on the CPU and on Vulkan with loss_out, else (Vulkan, loss_out NULL) by the
   next call or dive_resnet_sync, whose message names the step (1-based count of this
   model's steps); the step after it, already submitted, skips its update on the device
   too. dive_resnet_sync: wait = 1 waits for every step and returns the sum of the losses
   of the steps since the last dive_resnet_sync(m, 1, ...) and their number, then starts
   both at 0 (an epoch's mean loss: sum / steps); wait = 0 never blocks and counts the
   finished steps only, without restarting. Either pointer may be NULL. */
DIVE_API dive_status dive_resnet_sync(dive_resnet *m, int wait, double *loss_sum, int64_t *steps);
/* eval-mode logits for n images into logits_out (n, classes) */
DIVE_API dive_status dive_resnet_predict(dive_resnet *m, const float *x, int n, float *logits_out);
DIVE_API dive_status dive_resnet_save(dive_resnet *m, const char *path);
DIVE_API dive_status dive_resnet_load(dive_resnet *m, const char *path);

/* --- training helpers: schedules, evaluation by Many/Medium/Few, training state --- */
typedef enum dive_schedule_kind {
  DIVE_SCHED_MULTISTEP = 0, /* warm-up, then lr x gamma at each milestone (BBN: x0.01 at 60% and
                               again at 80% of the epochs) */
  DIVE_SCHED_COSINE = 1,    /* warm-up, then cosine decay to 0, once per epoch (or per step) */
  DIVE_SCHED_CONSTANT = 2   /* warm-up, then lr */
} dive_schedule_kind;

#define DIVE_MAX_MILESTONES 8
typedef struct dive_schedule_desc {
  dive_schedule_kind kind;
  float lr;            /* base learning rate */
  int epochs;          /* total epochs */
  int warmup_epochs;   /* 0 = 5 * epochs / 200 rounded, at least 1; -1 = no warm-up */
  float warmup_from;   /* the warm-up starts at lr * warmup_from; 0 = 1/3 */
  int milestones[DIVE_MAX_MILESTONES]; /* MULTISTEP: the epochs (0-based index of the first
                          epoch with the lower rate, as PyTorch's MultiStepLR) at which lr is
                          multiplied by gamma; the list ends at the first 0; all 0 = 60% and
                          80% of the epochs (120 and 160 of 200) */
  float gamma;         /* MULTISTEP factor; 0 = 0.01 */
  int per_step;        /* COSINE: 1 = decay every step (fractional epoch); 0 = once per epoch,
                          lr(e) = lr/2 (1 + cos(pi (e - warm-up) / (epochs - warm-up))), as
                          the paper's "cosine decayed epoch by epoch" */
} dive_schedule_desc;

/* lr at a fractional epoch (epoch + step / steps_per_epoch); the warm-up is linear per step */
DIVE_API float dive_schedule_lr(const dive_schedule_desc *d, double epoch);

/* Class groups from training counts: Many (> 100 images), Medium (20..100), Few (< 20).
   When one of them would be empty (10 classes, for example) the classes are split into
   head / middle / tail thirds by count instead, and 1 is returned (else 0). */
enum { DIVE_GROUP_MANY = 0, DIVE_GROUP_MEDIUM = 1, DIVE_GROUP_FEW = 2 };
DIVE_API int dive_class_groups(const int *counts, int num_classes, int *group);

/* Balanced-test-set evaluation, accumulated batch by batch (argmax of the logits, no prior). */
typedef struct dive_eval {
  int num_classes, by_thirds;
  int *group;              /* num_classes */
  int64_t n, *seen, *hit1; /* per class: test images, top-1 hits */
  int64_t top1_hits, top5_hits;
  double top1, top5;       /* percent, filled by dive_eval_end */
  double many, medium, few;/* mean per-class accuracy of each group, percent */
  double *per_class;       /* num_classes, percent */
} dive_eval;
DIVE_API dive_status dive_eval_begin(dive_eval *e, int num_classes, const int *train_counts);
DIVE_API dive_status dive_eval_add(dive_eval *e, const float *logits, const int32_t *labels, int n);
DIVE_API dive_status dive_eval_end(dive_eval *e);
DIVE_API void dive_eval_free(dive_eval *e);

/* Training state: the model plus momentum buffers and the epoch, atomically, in one
   safetensors file (a plain dive_resnet_load reads it too). */
DIVE_API dive_status dive_resnet_save_state(dive_resnet *m, const char *path, int64_t epoch);
DIVE_API dive_status dive_resnet_load_state(dive_resnet *m, const char *path, int64_t *epoch);

/* --- the virtual-example (VE) analyzer (docs/method.md, "The VE analyzer") ---
   v_j = sum over training images of t_j, t = softmax(z p / T), for T = 1..max_T and
   p = 1 and 0.5; group means (Many/Medium/Few or head/middle/tail thirds) for the VE
   counts and for the input counts n_j; and the rule of thumb: the smallest effective
   temperature T/p whose tail-group mean VE count is at least the head group's. */
typedef struct dive_ve_report {
  int num_classes, max_T, by_thirds;
  int *counts, *group;     /* num_classes */
  int64_t n;               /* images added */
  double *ve;              /* [2][max_T][num_classes]; index 0: p = 1, 1: p = 0.5 */
  double *group_ve;        /* [2][max_T][3] */
  double group_counts[3];  /* mean n_j per group */
  int group_size[3];
  int pick_T;              /* the rule's choice: train the student with T = pick_T, */
  float pick_power;        /*   power = pick_power */
  int pick_flat;           /* 0: no setting was flat; the paper's default T=3, p=0.5 was taken */
} dive_ve_report;
DIVE_API dive_status dive_ve_begin(dive_ve_report *r, int num_classes, const int *train_counts,
                                   int max_T /* 0 = 10 */);
DIVE_API dive_status dive_ve_add(dive_ve_report *r, const float *teacher_logits, int n);
DIVE_API dive_status dive_ve_end(dive_ve_report *r);
DIVE_API dive_status dive_ve_write_table(const dive_ve_report *r, const char *path /* NULL: stdout */);
DIVE_API dive_status dive_ve_write_json(const dive_ve_report *r, const char *path);
DIVE_API dive_status dive_ve_write_svg(const dive_ve_report *r, const char *path);
DIVE_API void dive_ve_free(dive_ve_report *r);

/* --- utils --- */
DIVE_API void dive_rng_seed(dive_rng *r, uint64_t seed);
DIVE_API uint32_t dive_rng_u32(dive_rng *r);
DIVE_API float dive_rng_uniform(dive_rng *r); /* [0, 1) */
DIVE_API float dive_rng_normal(dive_rng *r);  /* N(0, 1) */
DIVE_API double dive_time_sec(void);          /* monotonic clock */

/* --- data: datasets in host memory (uint8 pixels), long-tailed subsets, batch loaders.
       Loaders turn a dataset into float NCHW batches, (x/255 - mean[c]) / std[c], with
       augmentation and shuffling that depend only on (seed, epoch, position): the same seed
       gives the same batches whatever the number of worker threads. Errors go to
       dive_last_error() and name the file (and line or record). See docs/data.md. --- */

typedef struct dive_dataset {
  int64_t n;            /* images */
  int channels;         /* 1 (IDX), 3 (CIFAR, lists: decoded as RGB) */
  int height, width;    /* per-image size; 0 for lists (each image decoded at its own size) */
  int num_classes;
  uint8_t *images;      /* n * channels * height * width, CHW per image; NULL for lists */
  int32_t *labels;      /* n, in [0, num_classes) */
  int64_t *index;       /* n: 0-based position of each image in the original set */
  int *class_counts;    /* num_classes */
  char *root;           /* lists: directory the paths are relative to */
  char *paths;          /* lists: every relative path, NUL-terminated, back to back */
  int64_t *path_offset; /* lists: n offsets into paths */
} dive_dataset;

typedef enum dive_lt_mode {
  DIVE_LT_NUMPY = 0, /* numpy legacy np.random.seed(0) once, then for class i = 0..C-1:
                        shuffle its indices, keep the first n_i (LDAM-DRW / BBN CIFAR-LT) */
  DIVE_LT_FIRST = 1  /* keep the first n_i images of each class in file order */
} dive_lt_mode;

typedef enum dive_augment {
  DIVE_AUG_NONE = 0,        /* in-memory: normalize only; lists: resize the shorter side to
                               `resize`, center crop out_size x out_size (test transform) */
  DIVE_AUG_CROP_FLIP = 1,   /* in-memory: zero-pad `pad`, random crop back to H x W,
                               horizontal flip with p = 0.5 (CIFAR / Fashion-MNIST) */
  DIVE_AUG_RESIZED_CROP = 2 /* lists: random-resized crop to out_size (scale 0.08-1, ratio
                               3/4-4/3, torchvision), flip, color jitter when jitter > 0 */
} dive_augment;

typedef struct dive_loader_desc {
  int batch_size;       /* 0 = 128 */
  int shuffle;          /* 1: a fresh permutation every epoch (from seed and epoch) */
  dive_augment augment; /* 0 = DIVE_AUG_NONE */
  int drop_last;        /* 1: leave out the last partial batch */
  float mean[3];        /* per-channel mean of x/255; default 0 */
  float std[3];         /* per-channel std of x/255; 0 = 1 */
  uint64_t seed;        /* shuffling and augmentation */
  int threads;          /* worker threads; 0 = 4; -1 = none (batches built inside next) */
  int prefetch;         /* batches prepared ahead of the caller; 0 = 2 */
  int pad;              /* CROP_FLIP zero padding; 0 = 4, -1 = none (flip only) */
  int out_size;         /* lists: output side; 0 = 224 */
  int resize;           /* lists, AUG_NONE: shorter side before the crop; 0 = out_size*8/7 */
  float jitter;         /* RESIZED_CROP: brightness/contrast/saturation strength; 0 = off
                           (ImageNet-LT uses 0.4) */
  int skip_bad;         /* lists: leave out images that fail to load (dive_loader_skipped
                           counts them) instead of failing the batch */
  int shards, shard;    /* data parallelism: batch_size is the global batch, split into
                           `shards` parts (0 = 1); this loader yields part `shard`. See
                           dive_loader_create. */
} dive_loader_desc;

typedef struct dive_loader dive_loader; /* opaque: permutation, worker threads, ring of batches */

/* An empty in-memory dataset (zeroed pixels and labels, index = 0..n-1) to fill by hand;
   call dive_dataset_recount after writing the labels. */
DIVE_API dive_status dive_dataset_alloc(dive_dataset *ds, int64_t n, int channels, int height,
                                        int width, int num_classes);
/* IDX (MNIST format) image + label files, each plain or gzipped (.gz detected by its magic).
   num_classes 0 = largest label + 1. */
DIVE_API dive_status dive_dataset_load_idx(dive_dataset *ds, const char *images_path,
                                           const char *labels_path, int num_classes);
/* {train,t10k}-{images-idx3,labels-idx1}-ubyte[.gz] in dir (NULL = the Debian package's
   /usr/share/datasets/fashion-mnist). */
DIVE_API dive_status dive_dataset_load_fashion_mnist(dive_dataset *ds, const char *dir, int train);
/* CIFAR-10 (num_classes 10: data_batch_1..5.bin / test_batch.bin) or CIFAR-100 (100:
   train.bin / test.bin, fine labels) binary version; dir is the extracted folder
   (cifar-10-batches-bin, cifar-100-binary) or the folder that holds it. */
DIVE_API dive_status dive_dataset_load_cifar(dive_dataset *ds, const char *dir, int num_classes,
                                             int train);
/* A list file of "relative/path.jpg label" lines (ImageNet-LT, iNaturalist); images are read
   from root/path when batches are made. num_classes 0 = largest label + 1. */
DIVE_API dive_status dive_dataset_load_list(dive_dataset *ds, const char *list_file,
                                            const char *root, int num_classes);
/* Recompute class_counts from labels (checks every label is in range). */
DIVE_API dive_status dive_dataset_recount(dive_dataset *ds);
/* Keep n_i = floor(n_max (1/imb_factor)^(i/(C-1))) images of class i (in place; images end
   up grouped by class, in selection order; index keeps their original positions).
   n_max 0 = the largest class. */
DIVE_API dive_status dive_dataset_longtail(dive_dataset *ds, double imb_factor, dive_lt_mode mode,
                                           int n_max);
/* Keep the images at positions keep[0..n), in that order (for --limit-train and the like). */
DIVE_API dive_status dive_dataset_subset(dive_dataset *ds, const int64_t *keep, int64_t n);
/* ds->index, one 0-based position per line, in dataset order (--dump-indices). */
DIVE_API dive_status dive_dataset_write_indices(const dive_dataset *ds, const char *path);
DIVE_API void dive_dataset_free(dive_dataset *ds); /* zeroes *ds; NULL or zeroed: no-op */

/* Sharded loaders (shards > 1, one per replica): batch_size must be a multiple of shards.
   Batch k of shard r is the r-th of `shards` contiguous parts of global batch k, the batch a
   single loader with the same seed would give; the last, partial batch (no drop_last) is
   split as evenly as possible (parts differ by at most one image, a part may be empty, so
   loop over dive_loader_batches rather than stopping at n = 0). Augmentation is drawn per
   (seed, epoch, position in the epoch), so the images of a global batch and their
   augmentation do not depend on the number of shards. */
DIVE_API dive_status dive_loader_create(dive_loader **out, const dive_dataset *ds,
                                        const dive_loader_desc *desc);
/* the shape of one sample in a batch: (c, h, w) */
DIVE_API void dive_loader_shape(const dive_loader *ld, int *c, int *h, int *w);
DIVE_API int64_t dive_loader_batches(const dive_loader *ld); /* batches per epoch */
/* Next batch of the epoch: x (n, c, h, w) floats and y (n) labels, with room for batch_size
   samples. *n = 0 at the end of the epoch (then call dive_loader_reset). */
DIVE_API dive_status dive_loader_next(dive_loader *ld, float *x, int32_t *y, int *n);
DIVE_API dive_status dive_loader_reset(dive_loader *ld, int epoch); /* start epoch `epoch` */
DIVE_API int64_t dive_loader_skipped(const dive_loader *ld); /* images left out (skip_bad) */
DIVE_API void dive_loader_destroy(dive_loader *ld); /* stops and joins the workers */

#ifdef DIVE_MPI
/* --- data parallelism across processes with MPI (compile with DIVE_MPI and mpicc; the
       header without DIVE_MPI needs no MPI and has none of this). One replica per rank;
       docs/distributed.md has the recipe (sharded loaders, the training step, launch). --- */
typedef struct dive_dist dive_dist; /* opaque: the communicator, ranks, the watchdog */
typedef struct dive_dist_desc {
  const void *comm;  /* pointer to the MPI_Comm to use (duplicated); NULL = MPI_COMM_WORLD */
  double timeout_s;  /* a collective that gets no answer for this long aborts the whole job
                        with a message (a rank died or hangs); 0 = 600; the environment's
                        DIVE_DIST_TIMEOUT=s overrides it */
} dive_dist_desc;
/* Initializes MPI when the program has not (and finalizes it in destroy). */
DIVE_API dive_status dive_dist_create(dive_dist **out, const dive_dist_desc *desc);
DIVE_API void dive_dist_destroy(dive_dist *d);
DIVE_API int dive_dist_rank(const dive_dist *d);
DIVE_API int dive_dist_size(const dive_dist *d);
/* rank and size among the ranks of this machine (MPI_COMM_TYPE_SHARED): pick a GPU with it */
DIVE_API int dive_dist_local_rank(const dive_dist *d);
DIVE_API int dive_dist_local_size(const dive_dist *d);
/* in-place sums over every rank (evaluation counts, losses, BN sums) */
DIVE_API dive_status dive_dist_allreduce_f64(dive_dist *d, double *v, int64_t n);
DIVE_API dive_status dive_dist_allreduce_f32(dive_dist *d, float *v, int64_t n);
DIVE_API dive_status dive_dist_bcast(dive_dist *d, void *buf, int64_t bytes, int root);
DIVE_API dive_status dive_dist_barrier(dive_dist *d);
/* every rank's status in one: the worst (most negative) of them, so that all ranks take the
   same branch after a failure on one of them; *rank gets the lowest failed rank (or -1) */
DIVE_API dive_status dive_dist_agree(dive_dist *d, dive_status s, int *rank);
/* ends the whole job at once (MPI_Abort) with exit code `code`, after printing msg (may be
   NULL) to stderr with this rank's number: for a rank that fails where the others may be
   waiting in a collective */
DIVE_API void dive_dist_abort(dive_dist *d, int code, const char *msg);

/* A model trained by every rank: attach the dist before the first dive_resnet_train_step
   (d NULL detaches). Each rank passes its local batch (the global batch's part); the step
   then reports the global mean loss, averages the gradients over the ranks (each rank's
   weighted by its share of the global batch) with in-place allreduces over the gradient
   arena in buckets, and applies the same SGD step on every rank, so the replicas stay
   bitwise identical. On Vulkan the gradients go through the host (a sync in mid-step).
   BN: per-replica batch statistics by default, with rank 0's running statistics
   broadcast after each step (as DDP); sync_bn = 1 takes the batch statistics and their
   backward sums over every rank (N ranks x B/N then equal 1 process x B up to the order of
   summation; computed on the host: on Vulkan each BN's tensors make a round trip). */
typedef struct dive_resnet_dist_desc {
  int sync_bn;       /* 1: BN statistics over every rank's images */
  double bucket_mb;  /* gradient allreduce buckets, MB; 0 = 25 */
} dive_resnet_dist_desc;
DIVE_API dive_status dive_resnet_set_dist(dive_resnet *m, dive_dist *d, const dive_resnet_dist_desc *desc);
/* since the dist was attached: seconds the steps waited for the gradient allreduce after
   backward, steps, and buckets started during backward (the CPU overlaps them with the
   rest of backward; any pointer may be NULL) */
DIVE_API void dive_resnet_dist_stats(const dive_resnet *m, double *allreduce_s, int64_t *steps,
                                     int64_t *early_buckets);
/* DIVE_OK when every rank's weights, BN buffers and counters are bitwise the same (a
   checksum compared across the ranks; a collective: every rank calls it) */
DIVE_API dive_status dive_resnet_dist_check(dive_resnet *m);
#endif

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

/* pthreads: the data loaders' workers (DIVE_NO_THREADS builds batches on the calling
   thread) and the one-time choice of the CPU kernels */
#if !defined(_WIN32)
#include <pthread.h>
#define DIVE__PTHREADS 1
#else
#define DIVE__PTHREADS 0
#endif
#if !defined(DIVE_NO_THREADS) && DIVE__PTHREADS
#define DIVE__THREADS 1
#else
#define DIVE__THREADS 0
#endif

/* x86 SIMD kernels are compiled per function (target attributes) and chosen at run time */
#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
#define DIVE__X86 1
#include <immintrin.h>
#else
#define DIVE__X86 0
#endif
/* aarch64: NEON (Advanced SIMD) is part of the base architecture, so its kernels need no
   target attributes; they are still chosen at run time next to the portable ones */
#if (defined(__GNUC__) || defined(__clang__)) && defined(__aarch64__) && defined(__ARM_NEON)
#define DIVE__NEON 1
#include <arm_neon.h>
#else
#define DIVE__NEON 0
#endif

#if defined(_OPENMP) && !defined(DIVE_NO_OPENMP)
#include <omp.h>
#define DIVE__OMP 1
#define DIVE__PRAGMA(x) _Pragma(#x)
#define DIVE__OMP_FOR DIVE__PRAGMA(omp parallel for num_threads(dive__nthreads()) schedule(static))
#define DIVE__OMP_FOR2 DIVE__PRAGMA(omp parallel for collapse(2) num_threads(dive__nthreads()) schedule(static))
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

/* A scratch buffer that only grows: the CPU kernels' workspace (see dive__ws_get). */
typedef struct dive__ws { void *base; size_t size; } dive__ws;

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
  int check;            /* DIVE_CHECK=1: Vulkan ops are recomputed on the CPU and compared */
  dive__ws cpu_ws;      /* CPU kernels' scratch, reused across ops and steps */
};

static DIVE__TLS char dive__last_error[512];

/* The thread count of the ctx whose call runs on this thread: every entry point that may
   run CPU kernels calls dive__enter(ctx) first, and the kernels' parallel regions ask for
   that many threads. So each ctx keeps its desc.threads, two ctxs used from two threads do
   not disturb each other, and the application's own OpenMP settings are left alone. */
static DIVE__TLS int dive__cur_threads; /* 0: OpenMP's default */
static void dive__enter(const dive_ctx *ctx) { dive__cur_threads = ctx->threads; }

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

/* CRC-32 (IEEE 802.3, reflected 0xEDB88320), as gzip stores it; also the checkpoint
   checksum. The table is rebuilt per call (2 KB of work) so threads share no state. */
static DIVE__UNUSED uint32_t dive__crc32(uint32_t crc, const void *data, size_t n) {
  const unsigned char *p = (const unsigned char *)data;
  uint32_t t[256], i, k, c;
  size_t j;
  for (i = 0; i < 256; i++) {
    for (c = i, k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    t[i] = c;
  }
  crc = ~crc;
  for (j = 0; j < n; j++) crc = t[(crc ^ p[j]) & 0xFF] ^ (crc >> 8);
  return ~crc;
}

/* Kernel parameter blocks: shared by the ref, cpu and Vulkan kernels (the Vulkan push
   constant structs mirror these). */
typedef struct dive__conv_p { int N, C, H, W, K, R, S, P, Q, stride, pad, groups; } dive__conv_p;
typedef struct dive__bn_p { int N, C, HW, training; float momentum, eps; } dive__bn_p;
typedef struct dive__sc_p { int N, C, H, W, K, P, Q, stride; } dive__sc_p;
typedef struct dive__pool_p { int N, C, H, W, P, Q, k, stride, pad; } dive__pool_p;
typedef struct dive__lin_p { int N, K, M; } dive__lin_p; /* in (N,K), w (M,K), out (N,M) */
/* A loss desc resolved into its two terms (dive__loss_params): every backend computes
   wce * CE(s [+ log n], y) + wkd * T^2 KL(q || softmax(s / T)) per row. */
typedef struct dive__loss_p {
  int B, C, kind;
  int use_ce, prior; /* the hard-label term is on; on logits + log n (BSCE) */
  int use_kd, mix_gt;/* the KL term is on; its target q mixes in the onehot label */
  float wce, wkd;    /* the terms' weights */
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
/* loss: logits s (B,C), labels (B), teacher z (B,C) or NULL, log_prior (C) or NULL
   -> dlogits (B,C) (overwrite, may be NULL), per_example (B) (may be NULL); returns the
   batch mean. The desc is resolved into two weighted terms (dive__loss_params): with
   a = s + log n (prior) or a = s, sm = softmax(a), t = softmax(z p / T) (power
   normalization folded into the temperature), q = t or (1-alpha) onehot + alpha t,
   sT = softmax(s / T):
     row loss = wce (lse(a) - a_y) + wkd T^2 KL(q || sT)
     d / ds   = wce (sm - onehot) / B + wkd T (sT - q) / B
   CE: wce 1. BSCE: wce 1 with the prior. KD: wkd 1. KD_CE: wce 1-alpha, wkd alpha. DIVE:
   the same with the prior. no_bsce turns the first term off. 0 log 0 = 0 in KL. Plain
   double loops: this is the oracle the backends are tested against. */
static double dive__loss_row(const dive__loss_p *p, float *dl, const float *s, int y, const float *z,
                             const float *logp) {
  const int C = p->C;
  const double T = p->T, invB = 1.0 / p->B;
  double loss = 0, mx, sum, lse_a, mx_s, lse_s, mx_t, lse_t;
  int j;
  if (dl)
    for (j = 0; j < C; j++) dl[j] = 0;
  if (p->use_ce) { /* log-sum-exp of a = s (+ log prior) */
    mx = -DBL_MAX;
    for (j = 0; j < C; j++) mx = DIVE__MAX(mx, (double)s[j] + (p->prior ? logp[j] : 0.0));
    for (sum = 0, j = 0; j < C; j++) sum += exp((double)s[j] + (p->prior ? logp[j] : 0.0) - mx);
    lse_a = mx + log(sum);
    loss += p->wce * (lse_a - ((double)s[y] + (p->prior ? logp[y] : 0.0)));
    if (dl)
      for (j = 0; j < C; j++)
        dl[j] += (float)(p->wce * invB * (exp((double)s[j] + (p->prior ? logp[j] : 0.0) - lse_a) - (j == y)));
  }
  if (p->use_kd) {
    const double tz = p->power / T; /* teacher scale: softmax(z p / T) */
    double kl = 0;
    for (mx_s = -DBL_MAX, mx_t = -DBL_MAX, j = 0; j < C; j++) {
      mx_s = DIVE__MAX(mx_s, s[j] / T);
      mx_t = DIVE__MAX(mx_t, z[j] * tz);
    }
    for (lse_s = 0, lse_t = 0, j = 0; j < C; j++) {
      lse_s += exp(s[j] / T - mx_s);
      lse_t += exp(z[j] * tz - mx_t);
    }
    lse_s = mx_s + log(lse_s);
    lse_t = mx_t + log(lse_t);
    for (j = 0; j < C; j++) {
      double logt = z[j] * tz - lse_t, t = exp(logt), q = t, logq = logt;
      double logsT = s[j] / T - lse_s;
      if (p->mix_gt) {
        q = (1.0 - p->alpha) * (j == y) + p->alpha * t;
        logq = q > 0 ? log(q) : 0;
      }
      if (q > 0) kl += q * (logq - logsT);
      if (dl) dl[j] += (float)(p->wkd * T * invB * (exp(logsT) - q));
    }
    loss += p->wkd * T * T * kl;
  }
  return loss;
}

static DIVE__UNUSED double dive__ref_loss_fwd(const dive__loss_p *p, float *dlogits, float *per_example,
                                 const float *logits, const int32_t *labels, const float *teacher,
                                 const float *log_prior) {
  double total = 0;
  int b;
  for (b = 0; b < p->B; b++) {
    double l = dive__loss_row(p, dlogits ? dlogits + (size_t)b * p->C : NULL, logits + (size_t)b * p->C, labels[b],
                              teacher ? teacher + (size_t)b * p->C : NULL, log_prior);
    if (per_example) per_example[b] = (float)l;
    total += l;
  }
  return total / p->B;
}

/* sgd (PyTorch): d = g + wd p; m = momentum m + d; d = nesterov ? d + momentum m : m
   (d itself when momentum is 0); p -= lr d. Momentum buffers start at zero, which equals
   PyTorch's first-step copy because dampening is 0. */
static DIVE__UNUSED void dive__ref_sgd_step(const dive__sgd_p *p, float *param, float *mom, const float *grad) {
  int64_t i;
  for (i = 0; i < p->n; i++) {
    float d = grad[i] + p->wd * param[i];
    if (p->momentum != 0.0f) {
      mom[i] = p->momentum * mom[i] + d;
      d = p->nesterov ? d + p->momentum * mom[i] : mom[i];
    }
    param[i] -= p->lr * d;
  }
}

/* ================================================================================ >>cpu */
/* OpenMP kernels: each parallel loop writes a disjoint output range. */

/* >>cpu:layers */

/* Threads for the CPU kernels: those of the ctx whose call runs on this thread (see
   dive__enter). Read outside parallel regions only. */
static int dive__nthreads(void) {
#if DIVE__OMP
  return dive__cur_threads > 0 ? dive__cur_threads : omp_get_max_threads();
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

/* --- run-time ISA choice: AVX-512, AVX2+FMA, NEON (aarch64) or portable C.
   The x86 kernels are compiled with per-function target attributes, so the library builds
   without -march flags and picks the widest path the CPU (and OS) supports at run time.
   Each CPU family has its ladder of paths, narrowest first: x86 generic < avx2 < avx512,
   aarch64 generic < neon. DIVE_CPU_ISA=avx512|avx2|neon|generic forces a narrower path of
   the ladder (a name off it, or wider than the CPU, is ignored); tests run every path. */
enum { DIVE__ISA_GENERIC = 0, DIVE__ISA_AVX2 = 1, DIVE__ISA_AVX512 = 2, DIVE__ISA_NEON = 3 };
#if DIVE__X86
#define DIVE__AVX2 __attribute__((target("avx2,fma")))
#define DIVE__AVX512 __attribute__((target("avx512f")))
#endif
static int dive__isa_sel = -1; /* the path in use; chosen once (dive__isa) */
static int dive__wino_mode = -1; /* Winograd convs (dive__wino_pick): -1 rule, 0 never, 1 always */
/* The CPU's maker, read once with the ISA: tuning measured on one maker's cores is not
   assumed for another's (dive__wino_pick2) */
enum { DIVE__VENDOR_OTHER = 0, DIVE__VENDOR_INTEL = 1, DIVE__VENDOR_AMD = 2 };
static int dive__vendor_sel = DIVE__VENDOR_OTHER;

static int dive__isa_best(void) {
#if DIVE__X86
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f")) return DIVE__ISA_AVX512;
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return DIVE__ISA_AVX2;
#elif DIVE__NEON
  return DIVE__ISA_NEON;
#endif
  return DIVE__ISA_GENERIC;
}
static DIVE__UNUSED const char *dive__isa_name(int isa) {
  return isa == DIVE__ISA_AVX512 ? "avx512" : isa == DIVE__ISA_AVX2 ? "avx2"
         : isa == DIVE__ISA_NEON ? "neon" : "generic";
}
/* position of a path on this CPU family's ladder (0 = generic), -1 when it is not on it */
static int dive__isa_rank(int isa) {
#if DIVE__NEON
  return isa == DIVE__ISA_GENERIC ? 0 : isa == DIVE__ISA_NEON ? 1 : -1;
#else
  return isa == DIVE__ISA_NEON ? -1 : isa;
#endif
}
/* the path to use when `want` is asked for and `best` is what the CPU runs */
static int dive__isa_fit(int want, int best) {
  int r = dive__isa_rank(want);
  return r < 0 || r > dive__isa_rank(best) ? best : want;
}
/* The next narrower path of this CPU family's ladder, -1 after generic (tests walk it). */
static DIVE__UNUSED int dive__isa_narrower(int isa) {
  if (isa == DIVE__ISA_GENERIC) return -1;
#if DIVE__NEON
  return DIVE__ISA_GENERIC;
#else
  return isa - 1;
#endif
}
/* The best path the CPU runs, narrowed by DIVE_CPU_ISA=avx512|avx2|neon|generic. */
static void dive__isa_init(void) {
  const char *e = getenv("DIVE_CPU_ISA");
  int want = -1, best = dive__isa_best();
  if (e && !strcmp(e, "avx512")) want = DIVE__ISA_AVX512;
  else if (e && !strcmp(e, "avx2")) want = DIVE__ISA_AVX2;
  else if (e && !strcmp(e, "neon")) want = DIVE__ISA_NEON;
  else if (e && !strcmp(e, "generic")) want = DIVE__ISA_GENERIC;
  dive__isa_sel = want < 0 ? best : dive__isa_fit(want, best);
  e = getenv("DIVE_CPU_WINOGRAD");
  dive__wino_mode = e && !strcmp(e, "0") ? 0 : e && !strcmp(e, "1") ? 1 : -1;
#if DIVE__X86
  dive__vendor_sel = __builtin_cpu_is("intel") ? DIVE__VENDOR_INTEL : __builtin_cpu_is("amd") ? DIVE__VENDOR_AMD
                                                                                                : DIVE__VENDOR_OTHER;
#endif
}
static int dive__isa(void);
/* The CPU's maker (DIVE__VENDOR_*; OTHER off x86). */
static DIVE__UNUSED int dive__cpu_vendor(void) {
  dive__isa();
  return dive__vendor_sel;
}
/* The path in use, chosen exactly once per process (any thread may ask first). */
static int dive__isa(void) {
#if DIVE__PTHREADS
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, dive__isa_init);
#else
  if (dive__isa_sel < 0) dive__isa_init();
#endif
  return dive__isa_sel;
}
/* Tests only: force a path (one the CPU does not run gives the best one) while no other
   thread runs kernels; returns the path now in use. */
static DIVE__UNUSED int dive__isa_set(int isa) {
  int best = dive__isa_best();
  dive__isa();
  dive__isa_sel = isa < 0 ? best : dive__isa_fit(isa, best);
  return dive__isa_sel;
}

/* --- conv GEMM micro-kernels. Both read their "B" operand as rows b + off[p] (contiguous
   along j), so the same kernel multiplies an im2col matrix (off[p] = p * ld) or a zero-padded
   image read in place (off[p] = c*Hp*Wp + r*Wp + s, see dive__cgeo).

   NN: c (8 x nr, row stride ldc) [+]= sum_p a[8p + i] * b[off[p] + j], nr = 32 or 16.
       a is a packed panel (8 output channels interleaved per p); used by forward and by
       backward-data. 16 (or 8) vector accumulators, one broadcast per row.
   NT: c (4 x 6, row stride ldc) += sum over images g < ni and j < L (L % 16 == 0) of
       a[g*as + i*lda + j] * b[g*bs + off[q] + j]; the weight gradient (dout rows times
       input rows). Dot products along j, reduced across lanes once at the end. */
#define DIVE__NN_M 8
#define DIVE__NT_M 4
#define DIVE__NT_N 6
typedef void (*dive__nn_fn)(int kc, const float *a, const float *b, const int64_t *off, float *c,
                            int64_t ldc, int acc, int nr);
typedef void (*dive__nt_fn)(int64_t L, int ni, const float *a, int64_t lda, int64_t as,
                            const float *b, const int64_t *off, int64_t bs, float *c, int64_t ldc);
/* NN4 (4 rows x 64 columns of the 8-row panels' first 4 rows); NULL where the ISA has none */
typedef void (*dive__nn4_fn)(int kc, const float *a, const float *b, const int64_t *off, float *c,
                             int64_t ldc, int acc);

#if defined(__GNUC__) || defined(__clang__)
#define DIVE__INLINE static inline __attribute__((always_inline))
#else
#define DIVE__INLINE static
#endif

/* The portable kernels (any other CPU, or DIVE_CPU_ISA=generic). With gcc or clang they are
   written in 4-float vectors (vector extensions: SSE2 on baseline x86-64, NEON, VSX, RVV,
   LSX... whatever the target has), in register tiles sized for 16 vector registers; other
   compilers get the plain loops after #else. Loads and stores go through memcpy (unaligned,
   no aliasing questions), which compilers turn into single vector moves. */
#if defined(__GNUC__) || defined(__clang__)
#define DIVE__VEC 1
typedef float dive__v4 __attribute__((vector_size(16)));
DIVE__INLINE dive__v4 dive__v4_ld(const float *p) {
  dive__v4 v;
  memcpy(&v, p, sizeof v);
  return v;
}
DIVE__INLINE void dive__v4_st(float *p, dive__v4 v) { memcpy(p, &v, sizeof v); }
#else
#define DIVE__VEC 0
#endif

/* NN, portable: 4 x 8 sub-tiles (8 accumulators, 2 B loads and 4 splats per 8 multiply-adds);
   each output is summed over p in order, as in the plain loops. */
static void dive__nn_generic(int kc, const float *DIVE__RESTRICT a, const float *DIVE__RESTRICT b,
                             const int64_t *off, float *DIVE__RESTRICT c, int64_t ldc, int acc,
                             int nr) {
#if DIVE__VEC
  const dive__v4 z = {0.0f, 0.0f, 0.0f, 0.0f};
  int i0, j0, p;
  for (j0 = 0; j0 < nr; j0 += 8)
    for (i0 = 0; i0 < DIVE__NN_M; i0 += 4) {
      dive__v4 c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z, b0, b1;
      const float *ap = a + i0;
      for (p = 0; p < kc; p++, ap += DIVE__NN_M) {
        const float *bp = b + off[p] + j0;
        b0 = dive__v4_ld(bp);
        b1 = dive__v4_ld(bp + 4);
        c00 += ap[0] * b0; c01 += ap[0] * b1;
        c10 += ap[1] * b0; c11 += ap[1] * b1;
        c20 += ap[2] * b0; c21 += ap[2] * b1;
        c30 += ap[3] * b0; c31 += ap[3] * b1;
      }
#define DIVE__STV(i, r0, r1)                                                  \
  {                                                                           \
    float *cp = c + (i0 + i) * ldc + j0;                                      \
    if (acc) {                                                                \
      r0 += dive__v4_ld(cp);                                                  \
      r1 += dive__v4_ld(cp + 4);                                              \
    }                                                                         \
    dive__v4_st(cp, r0);                                                      \
    dive__v4_st(cp + 4, r1);                                                  \
  }
      DIVE__STV(0, c00, c01) DIVE__STV(1, c10, c11) DIVE__STV(2, c20, c21) DIVE__STV(3, c30, c31)
#undef DIVE__STV
    }
#else
  float t[DIVE__NN_M][32];
  int i, j, p;
  memset(t, 0, sizeof t);
  for (p = 0; p < kc; p++, a += DIVE__NN_M) {
    const float *bp = b + off[p];
    for (i = 0; i < DIVE__NN_M; i++) {
      float ai = a[i];
      if (nr == 32)
        for (j = 0; j < 32; j++) t[i][j] += ai * bp[j];
      else
        for (j = 0; j < 16; j++) t[i][j] += ai * bp[j];
    }
  }
  for (i = 0; i < DIVE__NN_M; i++)
    for (j = 0; j < nr; j++) c[i * ldc + j] = acc ? c[i * ldc + j] + t[i][j] : t[i][j];
#endif
}

/* NT, portable: 2 x 6 at a time (12 accumulators of 4 lanes, 2 + 6 loads per 12
   multiply-adds), each lane summing every fourth product; lanes added pairwise at the end. */
static void dive__nt_generic(int64_t L, int ni, const float *a, int64_t lda, int64_t as,
                             const float *b, const int64_t *off, int64_t bs, float *c, int64_t ldc) {
#if DIVE__VEC
  const dive__v4 z = {0.0f, 0.0f, 0.0f, 0.0f};
  int i0, g;
  int64_t j;
  for (i0 = 0; i0 < DIVE__NT_M; i0 += 2) {
    dive__v4 s00 = z, s01 = z, s02 = z, s03 = z, s04 = z, s05 = z;
    dive__v4 s10 = z, s11 = z, s12 = z, s13 = z, s14 = z, s15 = z, x0, x1, y;
    for (g = 0; g < ni; g++) {
      const float *a0 = a + g * as + i0 * lda, *a1 = a0 + lda, *bg = b + g * bs;
      const float *b0 = bg + off[0], *b1 = bg + off[1], *b2 = bg + off[2];
      const float *b3 = bg + off[3], *b4 = bg + off[4], *b5 = bg + off[5];
      for (j = 0; j < L; j += 4) {
        x0 = dive__v4_ld(a0 + j);
        x1 = dive__v4_ld(a1 + j);
#define DIVE__NTQ(q)                                                          \
  y = dive__v4_ld(b##q + j);                                                  \
  s0##q += x0 * y;                                                            \
  s1##q += x1 * y;
        DIVE__NTQ(0) DIVE__NTQ(1) DIVE__NTQ(2) DIVE__NTQ(3) DIVE__NTQ(4) DIVE__NTQ(5)
#undef DIVE__NTQ
      }
    }
#define DIVE__RDV(i, q) c[(i0 + i) * ldc + q] += (s##i##q[0] + s##i##q[2]) + (s##i##q[1] + s##i##q[3]);
    DIVE__RDV(0, 0) DIVE__RDV(0, 1) DIVE__RDV(0, 2) DIVE__RDV(0, 3) DIVE__RDV(0, 4) DIVE__RDV(0, 5)
    DIVE__RDV(1, 0) DIVE__RDV(1, 1) DIVE__RDV(1, 2) DIVE__RDV(1, 3) DIVE__RDV(1, 4) DIVE__RDV(1, 5)
#undef DIVE__RDV
  }
#else
  int i, q, g, l;
  int64_t j;
  for (i = 0; i < DIVE__NT_M; i++)
    for (q = 0; q < DIVE__NT_N; q++) {
      float s[16];
      for (l = 0; l < 16; l++) s[l] = 0.0f;
      for (g = 0; g < ni; g++) {
        const float *x = a + g * as + i * lda, *y = b + g * bs + off[q];
        for (j = 0; j < L; j += 16)
          for (l = 0; l < 16; l++) s[l] += x[j + l] * y[j + l];
      }
      for (l = 8; l >= 1; l /= 2) /* pairwise across the lanes */
        for (g = 0; g < l; g++) s[g] += s[g + l];
      c[i * ldc + q] += s[0];
    }
#endif
}

#if DIVE__X86
DIVE__AVX2 static void dive__nn_avx2(int kc, const float *a, const float *b, const int64_t *off,
                                     float *c, int64_t ldc, int acc, int nr) {
  int i0, j0, p;
  for (i0 = 0; i0 < DIVE__NN_M; i0 += 4) /* 8 x nr as 4 x 16 sub-tiles: 8 accumulators */
    for (j0 = 0; j0 < nr; j0 += 16) {
      __m256 c00 = _mm256_setzero_ps(), c01 = c00, c10 = c00, c11 = c00;
      __m256 c20 = c00, c21 = c00, c30 = c00, c31 = c00, b0, b1, x;
      const float *ap = a + i0;
      for (p = 0; p < kc; p++, ap += DIVE__NN_M) {
        const float *bp = b + off[p] + j0;
        b0 = _mm256_loadu_ps(bp);
        b1 = _mm256_loadu_ps(bp + 8);
        x = _mm256_broadcast_ss(ap);
        c00 = _mm256_fmadd_ps(x, b0, c00); c01 = _mm256_fmadd_ps(x, b1, c01);
        x = _mm256_broadcast_ss(ap + 1);
        c10 = _mm256_fmadd_ps(x, b0, c10); c11 = _mm256_fmadd_ps(x, b1, c11);
        x = _mm256_broadcast_ss(ap + 2);
        c20 = _mm256_fmadd_ps(x, b0, c20); c21 = _mm256_fmadd_ps(x, b1, c21);
        x = _mm256_broadcast_ss(ap + 3);
        c30 = _mm256_fmadd_ps(x, b0, c30); c31 = _mm256_fmadd_ps(x, b1, c31);
      }
#define DIVE__ST2(i, r0, r1)                                                  \
  {                                                                           \
    float *cp = c + (i0 + i) * ldc + j0;                                      \
    if (acc) {                                                                \
      r0 = _mm256_add_ps(r0, _mm256_loadu_ps(cp));                            \
      r1 = _mm256_add_ps(r1, _mm256_loadu_ps(cp + 8));                        \
    }                                                                         \
    _mm256_storeu_ps(cp, r0);                                                 \
    _mm256_storeu_ps(cp + 8, r1);                                             \
  }
      DIVE__ST2(0, c00, c01) DIVE__ST2(1, c10, c11) DIVE__ST2(2, c20, c21) DIVE__ST2(3, c30, c31)
#undef DIVE__ST2
    }
}

DIVE__AVX2 static float dive__hsum8(__m256 v) {
  __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  s = _mm_add_ps(s, _mm_movehl_ps(s, s));
  s = _mm_add_ss(s, _mm_movehdup_ps(s));
  return _mm_cvtss_f32(s);
}
DIVE__AVX2 static void dive__nt_avx2(int64_t L, int ni, const float *a, int64_t lda, int64_t as,
                                     const float *b, const int64_t *off, int64_t bs, float *c,
                                     int64_t ldc) {
  int i0, g;
  int64_t j;
  for (i0 = 0; i0 < DIVE__NT_M; i0 += 2) { /* 2 x 6 at a time: 12 accumulators */
    __m256 s00 = _mm256_setzero_ps(), s01 = s00, s02 = s00, s03 = s00, s04 = s00, s05 = s00;
    __m256 s10 = s00, s11 = s00, s12 = s00, s13 = s00, s14 = s00, s15 = s00, x0, x1, y;
    for (g = 0; g < ni; g++) {
      const float *a0 = a + g * as + i0 * lda, *a1 = a0 + lda, *bg = b + g * bs;
      const float *b0 = bg + off[0], *b1 = bg + off[1], *b2 = bg + off[2];
      const float *b3 = bg + off[3], *b4 = bg + off[4], *b5 = bg + off[5];
      for (j = 0; j < L; j += 8) {
        x0 = _mm256_loadu_ps(a0 + j);
        x1 = _mm256_loadu_ps(a1 + j);
#define DIVE__NTQ(q)                                                          \
  y = _mm256_loadu_ps(b##q + j);                                              \
  s0##q = _mm256_fmadd_ps(x0, y, s0##q);                                      \
  s1##q = _mm256_fmadd_ps(x1, y, s1##q);
        DIVE__NTQ(0) DIVE__NTQ(1) DIVE__NTQ(2) DIVE__NTQ(3) DIVE__NTQ(4) DIVE__NTQ(5)
#undef DIVE__NTQ
      }
    }
    c[i0 * ldc + 0] += dive__hsum8(s00); c[i0 * ldc + 1] += dive__hsum8(s01);
    c[i0 * ldc + 2] += dive__hsum8(s02); c[i0 * ldc + 3] += dive__hsum8(s03);
    c[i0 * ldc + 4] += dive__hsum8(s04); c[i0 * ldc + 5] += dive__hsum8(s05);
    c[(i0 + 1) * ldc + 0] += dive__hsum8(s10); c[(i0 + 1) * ldc + 1] += dive__hsum8(s11);
    c[(i0 + 1) * ldc + 2] += dive__hsum8(s12); c[(i0 + 1) * ldc + 3] += dive__hsum8(s13);
    c[(i0 + 1) * ldc + 4] += dive__hsum8(s14); c[(i0 + 1) * ldc + 5] += dive__hsum8(s15);
  }
}

DIVE__AVX512 static void dive__nn_avx512(int kc, const float *a, const float *b,
                                         const int64_t *off, float *c, int64_t ldc, int acc,
                                         int nr) {
  int p;
#define DIVE__ST(i, r, o)                                                     \
  {                                                                           \
    float *cp = c + (i) * ldc + (o);                                          \
    if (acc) r = _mm512_add_ps(r, _mm512_loadu_ps(cp));                       \
    _mm512_storeu_ps(cp, r);                                                  \
  }
  if (nr == 32) { /* 8 x 32: 16 accumulators, 2 loads + 8 broadcasts per 16 FMAs */
    __m512 c00 = _mm512_setzero_ps(), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
    __m512 c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00, c60 = c00;
    __m512 c61 = c00, c70 = c00, c71 = c00, b0, b1, x;
    for (p = 0; p < kc; p++, a += DIVE__NN_M) {
      const float *bp = b + off[p];
      b0 = _mm512_loadu_ps(bp);
      b1 = _mm512_loadu_ps(bp + 16);
#define DIVE__R2(i)                                                           \
  x = _mm512_set1_ps(a[i]);                                                   \
  c##i##0 = _mm512_fmadd_ps(x, b0, c##i##0);                                  \
  c##i##1 = _mm512_fmadd_ps(x, b1, c##i##1);
      DIVE__R2(0) DIVE__R2(1) DIVE__R2(2) DIVE__R2(3)
      DIVE__R2(4) DIVE__R2(5) DIVE__R2(6) DIVE__R2(7)
#undef DIVE__R2
    }
    DIVE__ST(0, c00, 0) DIVE__ST(0, c01, 16) DIVE__ST(1, c10, 0) DIVE__ST(1, c11, 16)
    DIVE__ST(2, c20, 0) DIVE__ST(2, c21, 16) DIVE__ST(3, c30, 0) DIVE__ST(3, c31, 16)
    DIVE__ST(4, c40, 0) DIVE__ST(4, c41, 16) DIVE__ST(5, c50, 0) DIVE__ST(5, c51, 16)
    DIVE__ST(6, c60, 0) DIVE__ST(6, c61, 16) DIVE__ST(7, c70, 0) DIVE__ST(7, c71, 16)
  } else { /* 8 x 16 tail panel */
    __m512 c0 = _mm512_setzero_ps(), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0;
    __m512 c7 = c0, b0;
    for (p = 0; p < kc; p++, a += DIVE__NN_M) {
      b0 = _mm512_loadu_ps(b + off[p]);
      c0 = _mm512_fmadd_ps(_mm512_set1_ps(a[0]), b0, c0);
      c1 = _mm512_fmadd_ps(_mm512_set1_ps(a[1]), b0, c1);
      c2 = _mm512_fmadd_ps(_mm512_set1_ps(a[2]), b0, c2);
      c3 = _mm512_fmadd_ps(_mm512_set1_ps(a[3]), b0, c3);
      c4 = _mm512_fmadd_ps(_mm512_set1_ps(a[4]), b0, c4);
      c5 = _mm512_fmadd_ps(_mm512_set1_ps(a[5]), b0, c5);
      c6 = _mm512_fmadd_ps(_mm512_set1_ps(a[6]), b0, c6);
      c7 = _mm512_fmadd_ps(_mm512_set1_ps(a[7]), b0, c7);
    }
    DIVE__ST(0, c0, 0) DIVE__ST(1, c1, 0) DIVE__ST(2, c2, 0) DIVE__ST(3, c3, 0)
    DIVE__ST(4, c4, 0) DIVE__ST(5, c5, 0) DIVE__ST(6, c6, 0) DIVE__ST(7, c7, 0)
  }
#undef DIVE__ST
}

/* NN4: c (4 x 64) [+]= the first 4 rows of the packed 8-row panel a times B: the grouped
   convs whose groups have 4 output channels (ResNeXt's first stage) would spend half of
   the 8-row tile on zero rows. 16 accumulators, 4 loads + 4 broadcasts per 16 FMAs. */
DIVE__AVX512 static void dive__nn4_avx512(int kc, const float *a, const float *b, const int64_t *off,
                                          float *c, int64_t ldc, int acc) {
  __m512 c00 = _mm512_setzero_ps(), c01 = c00, c02 = c00, c03 = c00, c10 = c00, c11 = c00, c12 = c00;
  __m512 c13 = c00, c20 = c00, c21 = c00, c22 = c00, c23 = c00, c30 = c00, c31 = c00, c32 = c00, c33 = c00;
  __m512 b0, b1, b2, b3, x;
  int p;
  for (p = 0; p < kc; p++, a += DIVE__NN_M) {
    const float *bp = b + off[p];
    b0 = _mm512_loadu_ps(bp);
    b1 = _mm512_loadu_ps(bp + 16);
    b2 = _mm512_loadu_ps(bp + 32);
    b3 = _mm512_loadu_ps(bp + 48);
#define DIVE__R4(i)                                                           \
  x = _mm512_set1_ps(a[i]);                                                   \
  c##i##0 = _mm512_fmadd_ps(x, b0, c##i##0);                                  \
  c##i##1 = _mm512_fmadd_ps(x, b1, c##i##1);                                  \
  c##i##2 = _mm512_fmadd_ps(x, b2, c##i##2);                                  \
  c##i##3 = _mm512_fmadd_ps(x, b3, c##i##3);
    DIVE__R4(0) DIVE__R4(1) DIVE__R4(2) DIVE__R4(3)
#undef DIVE__R4
  }
#define DIVE__ST4(i)                                                          \
  {                                                                           \
    float *cp = c + (i) * ldc;                                                \
    if (acc) {                                                                \
      c##i##0 = _mm512_add_ps(c##i##0, _mm512_loadu_ps(cp));                  \
      c##i##1 = _mm512_add_ps(c##i##1, _mm512_loadu_ps(cp + 16));             \
      c##i##2 = _mm512_add_ps(c##i##2, _mm512_loadu_ps(cp + 32));             \
      c##i##3 = _mm512_add_ps(c##i##3, _mm512_loadu_ps(cp + 48));             \
    }                                                                         \
    _mm512_storeu_ps(cp, c##i##0);                                            \
    _mm512_storeu_ps(cp + 16, c##i##1);                                       \
    _mm512_storeu_ps(cp + 32, c##i##2);                                       \
    _mm512_storeu_ps(cp + 48, c##i##3);                                       \
  }
  DIVE__ST4(0) DIVE__ST4(1) DIVE__ST4(2) DIVE__ST4(3)
#undef DIVE__ST4
}

/* Lane sums of 16 vectors at once, each folded in a fixed order (lanes 8 apart, then 4, 2,
   1: the additions of the one-vector reduction this replaced, so the same bits), 15 adds
   and 30 shuffles in all instead of 16 x 9 instructions (the 4x6 NT kernel spent a tenth
   of a call on them at 1024 columns). Lane 4m + u of the result is the sum of vector
   4u + m. */
/* (the masked forms with every lane set: in C++, gcc 12 flags the plain ones' undefined
   source operand with -Wuninitialized inside its own header) */
#define DIVE__SHF4(a, b, i) _mm512_mask_shuffle_f32x4(a, (__mmask16)0xFFFF, a, b, i)
#define DIVE__SHF(a, b, i) _mm512_mask_shuffle_ps(a, (__mmask16)0xFFFF, a, b, i)
#define DIVE__RH1(a, b) /* lanes i and i + 8: a's in lanes 0-7, b's in 8-15 */           \
  _mm512_add_ps(DIVE__SHF4(a, b, _MM_SHUFFLE(1, 0, 1, 0)), DIVE__SHF4(a, b, _MM_SHUFFLE(3, 2, 3, 2)))
#define DIVE__RH2(a, b) /* i and i + 4: four vectors' sums in the four 128-bit lanes */ \
  _mm512_add_ps(DIVE__SHF4(a, b, _MM_SHUFFLE(2, 0, 2, 0)), DIVE__SHF4(a, b, _MM_SHUFFLE(3, 1, 3, 1)))
#define DIVE__RH3(a, b) /* i and i + 2, within the 128-bit lanes */                      \
  _mm512_add_ps(DIVE__SHF(a, b, _MM_SHUFFLE(1, 0, 1, 0)), DIVE__SHF(a, b, _MM_SHUFFLE(3, 2, 3, 2)))
#define DIVE__RH4(a, b) /* i and i + 1 */                                                \
  _mm512_add_ps(DIVE__SHF(a, b, _MM_SHUFFLE(2, 0, 2, 0)), DIVE__SHF(a, b, _MM_SHUFFLE(3, 1, 3, 1)))
DIVE__AVX512 static inline __m512 dive__red16(__m512 v0, __m512 v1, __m512 v2, __m512 v3, __m512 v4, __m512 v5,
                                              __m512 v6, __m512 v7, __m512 v8, __m512 v9, __m512 v10, __m512 v11,
                                              __m512 v12, __m512 v13, __m512 v14, __m512 v15) {
  __m512 r0 = DIVE__RH1(v0, v1), r1 = DIVE__RH1(v2, v3), r2 = DIVE__RH1(v4, v5), r3 = DIVE__RH1(v6, v7);
  __m512 r4 = DIVE__RH1(v8, v9), r5 = DIVE__RH1(v10, v11), r6 = DIVE__RH1(v12, v13), r7 = DIVE__RH1(v14, v15);
  __m512 u0 = DIVE__RH2(r0, r1), u1 = DIVE__RH2(r2, r3), u2 = DIVE__RH2(r4, r5), u3 = DIVE__RH2(r6, r7);
  return DIVE__RH4(DIVE__RH3(u0, u1), DIVE__RH3(u2, u3));
}
/* the same for 8 vectors: lane 4m + u (u < 2) is the sum of vector 4u + m */
DIVE__AVX512 static inline __m512 dive__red8(__m512 v0, __m512 v1, __m512 v2, __m512 v3, __m512 v4, __m512 v5,
                                             __m512 v6, __m512 v7) {
  __m512 u0 = DIVE__RH2(DIVE__RH1(v0, v1), DIVE__RH1(v2, v3)), u1 = DIVE__RH2(DIVE__RH1(v4, v5), DIVE__RH1(v6, v7));
  return DIVE__RH4(DIVE__RH3(u0, u1), _mm512_setzero_ps());
}
DIVE__AVX512 static void dive__nt_avx512(int64_t L, int ni, const float *a, int64_t lda,
                                         int64_t as, const float *b, const int64_t *off,
                                         int64_t bs, float *c, int64_t ldc) {
  /* 4 x 6: 24 accumulators, 4 + 6 loads per 24 FMAs */
  __m512 s00 = _mm512_setzero_ps(), s01 = s00, s02 = s00, s03 = s00, s04 = s00, s05 = s00;
  __m512 s10 = s00, s11 = s00, s12 = s00, s13 = s00, s14 = s00, s15 = s00;
  __m512 s20 = s00, s21 = s00, s22 = s00, s23 = s00, s24 = s00, s25 = s00;
  __m512 s30 = s00, s31 = s00, s32 = s00, s33 = s00, s34 = s00, s35 = s00, x0, x1, x2, x3, y;
  int g;
  int64_t j;
  for (g = 0; g < ni; g++) {
    const float *a0 = a + g * as, *a1 = a0 + lda, *a2 = a1 + lda, *a3 = a2 + lda;
    const float *bg = b + g * bs, *b0 = bg + off[0], *b1 = bg + off[1], *b2 = bg + off[2];
    const float *b3 = bg + off[3], *b4 = bg + off[4], *b5 = bg + off[5];
    for (j = 0; j < L; j += 16) {
      x0 = _mm512_loadu_ps(a0 + j);
      x1 = _mm512_loadu_ps(a1 + j);
      x2 = _mm512_loadu_ps(a2 + j);
      x3 = _mm512_loadu_ps(a3 + j);
#define DIVE__NTQ(q)                                                          \
  y = _mm512_loadu_ps(b##q + j);                                              \
  s0##q = _mm512_fmadd_ps(x0, y, s0##q);                                      \
  s1##q = _mm512_fmadd_ps(x1, y, s1##q);                                      \
  s2##q = _mm512_fmadd_ps(x2, y, s2##q);                                      \
  s3##q = _mm512_fmadd_ps(x3, y, s3##q);
      DIVE__NTQ(0) DIVE__NTQ(1) DIVE__NTQ(2) DIVE__NTQ(3) DIVE__NTQ(4) DIVE__NTQ(5)
#undef DIVE__NTQ
    }
  }
  { /* the 24 lane sums at once (dive__red16 and dive__red8: sum e = 4u + m of a group of 16
       is in lane 4m + u), permuted into each row's 6 columns */
    const __m512i r0 = _mm512_set_epi32(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 1, 12, 8, 4, 0);
    const __m512i r1 = _mm512_set_epi32(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 14, 10, 6, 2, 13, 9);
    const __m512i r2 = _mm512_set_epi32(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 20, 16, 15, 11, 7, 3);
    const __m512i r3 = _mm512_set_epi32(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 29, 25, 21, 17, 28, 24);
    const __mmask16 m6 = 0x3F;
    __m512 z16 = dive__red16(s00, s01, s02, s03, s04, s05, s10, s11, s12, s13, s14, s15, s20, s21, s22, s23);
    __m512 z8 = dive__red8(s24, s25, s30, s31, s32, s33, s34, s35);
#define DIVE__RDV(i)                                                          \
  _mm512_mask_storeu_ps(c + i * ldc, m6,                                      \
                        _mm512_add_ps(_mm512_maskz_loadu_ps(m6, c + i * ldc),  \
                                      _mm512_permutex2var_ps(z16, r##i, z8)));
    DIVE__RDV(0) DIVE__RDV(1) DIVE__RDV(2) DIVE__RDV(3)
#undef DIVE__RDV
  }
}
#endif /* DIVE__X86 */

#if DIVE__NEON
/* NEON (aarch64, 32 registers of 4 floats). NN: 8 x 8 register tiles, the blocking of
   ruy's arm64 float kernel: 16 accumulators, per p two loads of the packed A column (8
   rows) and two of the B row, then 16 FMAs by element (fmla v.4s, v.4s, v.s[lane]), so no
   broadcasts. A 32 (16) column panel is 4 (2) such tiles, each over the whole kc. */
static void dive__nn_neon(int kc, const float *a, const float *b, const int64_t *off, float *c,
                          int64_t ldc, int acc, int nr) {
  int j0, p;
  for (j0 = 0; j0 < nr; j0 += 8) {
    float32x4_t c00 = vdupq_n_f32(0.0f), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
    float32x4_t c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00, c60 = c00;
    float32x4_t c61 = c00, c70 = c00, c71 = c00, a0, a1, b0, b1;
    const float *ap = a;
    for (p = 0; p < kc; p++, ap += DIVE__NN_M) {
      const float *bp = b + off[p] + j0;
      a0 = vld1q_f32(ap);
      a1 = vld1q_f32(ap + 4);
      b0 = vld1q_f32(bp);
      b1 = vld1q_f32(bp + 4);
#define DIVE__FL(i, v, l)                                                     \
  c##i##0 = vfmaq_laneq_f32(c##i##0, b0, v, l);                               \
  c##i##1 = vfmaq_laneq_f32(c##i##1, b1, v, l);
      DIVE__FL(0, a0, 0) DIVE__FL(1, a0, 1) DIVE__FL(2, a0, 2) DIVE__FL(3, a0, 3)
      DIVE__FL(4, a1, 0) DIVE__FL(5, a1, 1) DIVE__FL(6, a1, 2) DIVE__FL(7, a1, 3)
#undef DIVE__FL
    }
#define DIVE__STN(i)                                                          \
  {                                                                           \
    float *cp = c + (i) * ldc + j0;                                           \
    if (acc) {                                                                \
      c##i##0 = vaddq_f32(c##i##0, vld1q_f32(cp));                            \
      c##i##1 = vaddq_f32(c##i##1, vld1q_f32(cp + 4));                        \
    }                                                                         \
    vst1q_f32(cp, c##i##0);                                                   \
    vst1q_f32(cp + 4, c##i##1);                                               \
  }
    DIVE__STN(0) DIVE__STN(1) DIVE__STN(2) DIVE__STN(3)
    DIVE__STN(4) DIVE__STN(5) DIVE__STN(6) DIVE__STN(7)
#undef DIVE__STN
  }
}

/* NT: the 4 x 6 tile as 24 accumulators (4 + 6 loads per 24 FMAs, 29 registers), each
   lane summing every fourth product along j; lanes added at the end (faddp pairs). */
static void dive__nt_neon(int64_t L, int ni, const float *a, int64_t lda, int64_t as,
                          const float *b, const int64_t *off, int64_t bs, float *c, int64_t ldc) {
  float32x4_t s00 = vdupq_n_f32(0.0f), s01 = s00, s02 = s00, s03 = s00, s04 = s00, s05 = s00;
  float32x4_t s10 = s00, s11 = s00, s12 = s00, s13 = s00, s14 = s00, s15 = s00;
  float32x4_t s20 = s00, s21 = s00, s22 = s00, s23 = s00, s24 = s00, s25 = s00;
  float32x4_t s30 = s00, s31 = s00, s32 = s00, s33 = s00, s34 = s00, s35 = s00, x0, x1, x2, x3, y;
  int g;
  int64_t j;
  for (g = 0; g < ni; g++) {
    const float *a0 = a + g * as, *a1 = a0 + lda, *a2 = a1 + lda, *a3 = a2 + lda;
    const float *bg = b + g * bs, *b0 = bg + off[0], *b1 = bg + off[1], *b2 = bg + off[2];
    const float *b3 = bg + off[3], *b4 = bg + off[4], *b5 = bg + off[5];
    for (j = 0; j < L; j += 4) {
      x0 = vld1q_f32(a0 + j);
      x1 = vld1q_f32(a1 + j);
      x2 = vld1q_f32(a2 + j);
      x3 = vld1q_f32(a3 + j);
#define DIVE__NTQ(q)                                                          \
  y = vld1q_f32(b##q + j);                                                    \
  s0##q = vfmaq_f32(s0##q, x0, y);                                            \
  s1##q = vfmaq_f32(s1##q, x1, y);                                            \
  s2##q = vfmaq_f32(s2##q, x2, y);                                            \
  s3##q = vfmaq_f32(s3##q, x3, y);
      DIVE__NTQ(0) DIVE__NTQ(1) DIVE__NTQ(2) DIVE__NTQ(3) DIVE__NTQ(4) DIVE__NTQ(5)
#undef DIVE__NTQ
    }
  }
#define DIVE__RD(i)                                                           \
  c[i * ldc + 0] += vaddvq_f32(s##i##0);                                      \
  c[i * ldc + 1] += vaddvq_f32(s##i##1);                                      \
  c[i * ldc + 2] += vaddvq_f32(s##i##2);                                      \
  c[i * ldc + 3] += vaddvq_f32(s##i##3);                                      \
  c[i * ldc + 4] += vaddvq_f32(s##i##4);                                      \
  c[i * ldc + 5] += vaddvq_f32(s##i##5);
  DIVE__RD(0) DIVE__RD(1) DIVE__RD(2) DIVE__RD(3)
#undef DIVE__RD
}
#endif /* DIVE__NEON */

static dive__nn_fn dive__nn_kernel(void) {
#if DIVE__X86
  int isa = dive__isa();
  if (isa == DIVE__ISA_AVX512) return dive__nn_avx512;
  if (isa == DIVE__ISA_AVX2) return dive__nn_avx2;
#elif DIVE__NEON
  if (dive__isa() == DIVE__ISA_NEON) return dive__nn_neon;
#endif
  return dive__nn_generic;
}
static dive__nn4_fn dive__nn4_kernel(void) {
#if DIVE__X86
  if (dive__isa() == DIVE__ISA_AVX512) return dive__nn4_avx512;
#endif
  return NULL; /* the 8-row kernel does it with 4 zero rows */
}
static dive__nt_fn dive__nt_kernel(void) {
#if DIVE__X86
  int isa = dive__isa();
  if (isa == DIVE__ISA_AVX512) return dive__nt_avx512;
  if (isa == DIVE__ISA_AVX2) return dive__nt_avx2;
#elif DIVE__NEON
  if (dive__isa() == DIVE__ISA_NEON) return dive__nt_neon;
#endif
  return dive__nt_generic;
}

/* --- blocks of zeros and copies: for each of C channels, `top` zeros, the channel's hw
   values (x is (C, hw)), `bot` zeros, all contiguous in d. The shifted conv sources are made
   of these; at 8x8 images libc's memcpy/memset calls (64-256 bytes each) cost more than the
   copying, so the x86 paths do it inline. */
static void dive__zcz_generic(float *d, const float *x, int C, int64_t top, int64_t hw, int64_t bot) {
  int c;
  for (c = 0; c < C; c++, x += hw) {
    memset(d, 0, sizeof(float) * (size_t)top);
    memcpy(d + top, x, sizeof(float) * (size_t)hw);
    memset(d + top + hw, 0, sizeof(float) * (size_t)bot);
    d += top + hw + bot;
  }
}
#if DIVE__X86
DIVE__AVX512 static void dive__zcz_avx512(float *d, const float *x, int C, int64_t top, int64_t hw,
                                          int64_t bot) {
  const __m512 z = _mm512_setzero_ps();
  int c;
  for (c = 0; c < C; c++, x += hw) {
    int64_t i;
    for (i = 0; i + 16 <= top; i += 16) _mm512_storeu_ps(d + i, z);
    if (i < top) _mm512_mask_storeu_ps(d + i, (__mmask16)((1u << (top - i)) - 1), z);
    d += top;
    for (i = 0; i + 16 <= hw; i += 16) _mm512_storeu_ps(d + i, _mm512_loadu_ps(x + i));
    if (i < hw) {
      __mmask16 m = (__mmask16)((1u << (hw - i)) - 1);
      _mm512_mask_storeu_ps(d + i, m, _mm512_maskz_loadu_ps(m, x + i));
    }
    d += hw;
    for (i = 0; i + 16 <= bot; i += 16) _mm512_storeu_ps(d + i, z);
    if (i < bot) _mm512_mask_storeu_ps(d + i, (__mmask16)((1u << (bot - i)) - 1), z);
    d += bot;
  }
}
DIVE__AVX2 static void dive__zcz_avx2(float *d, const float *x, int C, int64_t top, int64_t hw, int64_t bot) {
  const __m256 z = _mm256_setzero_ps();
  int c;
  for (c = 0; c < C; c++, x += hw) {
    int64_t i;
    for (i = 0; i + 8 <= top; i += 8) _mm256_storeu_ps(d + i, z);
    for (; i < top; i++) d[i] = 0.0f;
    d += top;
    for (i = 0; i + 8 <= hw; i += 8) _mm256_storeu_ps(d + i, _mm256_loadu_ps(x + i));
    for (; i < hw; i++) d[i] = x[i];
    d += hw;
    for (i = 0; i + 8 <= bot; i += 8) _mm256_storeu_ps(d + i, z);
    for (; i < bot; i++) d[i] = 0.0f;
    d += bot;
  }
}
#endif
#if DIVE__NEON
static void dive__zcz_neon(float *d, const float *x, int C, int64_t top, int64_t hw, int64_t bot) {
  const float32x4_t z = vdupq_n_f32(0.0f);
  int c;
  for (c = 0; c < C; c++, x += hw) {
    int64_t i;
    for (i = 0; i + 4 <= top; i += 4) vst1q_f32(d + i, z);
    for (; i < top; i++) d[i] = 0.0f;
    d += top;
    for (i = 0; i + 8 <= hw; i += 8) {
      vst1q_f32(d + i, vld1q_f32(x + i));
      vst1q_f32(d + i + 4, vld1q_f32(x + i + 4));
    }
    for (; i < hw; i++) d[i] = x[i];
    d += hw;
    for (i = 0; i + 4 <= bot; i += 4) vst1q_f32(d + i, z);
    for (; i < bot; i++) d[i] = 0.0f;
    d += bot;
  }
}
#endif

/* --- one (c, r, s) plane of a stride-2 im2col / col2im: element (oh, i) of the plane is
   input pixel (2 oh + dr, 2 i + dc), zero (or skipped) outside the (H, W) image. Scalar
   gathers and scatters held the stride-2 convs of a CIFAR ResNet at a third of the others'
   speed; AVX-512 takes 16 outputs from two loads and a permute. */
static void dive__s2get_generic(float *d, const float *x, int dr, int dc, int P, int Q, int H, int W) {
  int oh, i;
  for (oh = 0; oh < P; oh++, d += Q) {
    int h = 2 * oh + dr;
    for (i = 0; i < Q; i++) {
      int w = 2 * i + dc;
      d[i] = h >= 0 && h < H && w >= 0 && w < W ? x[(int64_t)h * W + w] : 0.0f;
    }
  }
}
static void dive__s2add_generic(float *x, const float *d, int dr, int dc, int P, int Q, int H, int W) {
  int oh, i;
  for (oh = 0; oh < P; oh++, d += Q) {
    int h = 2 * oh + dr;
    for (i = 0; i < Q && h >= 0 && h < H; i++) {
      int w = 2 * i + dc;
      if (w >= 0 && w < W) x[(int64_t)h * W + w] += d[i];
    }
  }
}
#if DIVE__X86
/* lanes l of [c0, c0 + 16) with 0 <= c0 + l < W (masked loads and stores leave the others
   alone and do not fault on them) */
static __mmask16 dive__s2mask(int c0, int W) {
  int lo = c0 < 0 ? -c0 : 0, hi = W - c0 < 16 ? W - c0 : 16;
  if (hi <= lo) return 0;
  return (__mmask16)((((uint32_t)1 << hi) - 1) & ~(((uint32_t)1 << lo) - 1));
}
DIVE__AVX512 static void dive__s2get_avx512(float *d, const float *x, int dr, int dc, int P, int Q, int H,
                                            int W) {
  const __m512i even = _mm512_set_epi32(30, 28, 26, 24, 22, 20, 18, 16, 14, 12, 10, 8, 6, 4, 2, 0);
  int i, oh;
  for (i = 0; i < Q; i += 16) { /* a column block, then its rows: the masks are per block */
    int c = dc + 2 * i;
    __mmask16 m0 = dive__s2mask(c, W), m1 = dive__s2mask(c + 16, W);
    __mmask16 mq = dive__s2mask(i, Q); /* the plane's columns i.. */
    for (oh = 0; oh < P; oh++) {
      int h = 2 * oh + dr;
      __m512 v = _mm512_setzero_ps();
      if (h >= 0 && h < H) {
        const float *row = x + (int64_t)h * W + c;
        v = _mm512_permutex2var_ps(_mm512_maskz_loadu_ps(m0, row), even, _mm512_maskz_loadu_ps(m1, row + 16));
      }
      _mm512_mask_storeu_ps(d + (int64_t)oh * Q + i, mq, v);
    }
  }
}
DIVE__AVX512 static void dive__s2add_avx512(float *x, const float *d, int dr, int dc, int P, int Q, int H,
                                            int W) {
  const __m512i lo = _mm512_set_epi32(7, 7, 6, 6, 5, 5, 4, 4, 3, 3, 2, 2, 1, 1, 0, 0);
  const __m512i hi = _mm512_set_epi32(15, 15, 14, 14, 13, 13, 12, 12, 11, 11, 10, 10, 9, 9, 8, 8);
  const __mmask16 ev = 0x5555; /* d's values land on the even lanes; the odd ones add 0 */
  int i, oh;
  for (i = 0; i < Q; i += 16) {
    int c = dc + 2 * i;
    __mmask16 m0 = dive__s2mask(c, W), m1 = dive__s2mask(c + 16, W);
    __mmask16 mq = dive__s2mask(i, Q); /* the plane's columns i.. */
    for (oh = 0; oh < P; oh++) {
      int h = 2 * oh + dr;
      float *row = x + (int64_t)h * W + c;
      __m512 v;
      if (h < 0 || h >= H) continue;
      v = _mm512_maskz_loadu_ps(mq, d + (int64_t)oh * Q + i);
      _mm512_mask_storeu_ps(row, m0, _mm512_add_ps(_mm512_maskz_loadu_ps(m0, row), _mm512_maskz_permutexvar_ps(ev, lo, v)));
      _mm512_mask_storeu_ps(row + 16, m1,
                            _mm512_add_ps(_mm512_maskz_loadu_ps(m1, row + 16), _mm512_maskz_permutexvar_ps(ev, hi, v)));
    }
  }
}
#endif

#if DIVE__NEON
/* NEON: the even elements of 8 consecutive inputs are one de-interleaving load (ld2); the
   columns whose 8 inputs lie inside the row take it, the image's edges go one by one. */
static void dive__s2get_neon(float *d, const float *x, int dr, int dc, int P, int Q, int H, int W) {
  int oh, i;
  for (oh = 0; oh < P; oh++, d += Q) {
    int h = 2 * oh + dr;
    const float *row;
    if (h < 0 || h >= H) {
      for (i = 0; i < Q; i++) d[i] = 0.0f;
      continue;
    }
    row = x + (int64_t)h * W;
    for (i = 0; i < Q && 2 * i + dc < 0; i++) d[i] = 0.0f;
    for (; i + 4 <= Q && 2 * i + dc + 8 <= W; i += 4) vst1q_f32(d + i, vld2q_f32(row + 2 * i + dc).val[0]);
    for (; i < Q; i++) {
      int w = 2 * i + dc;
      d[i] = w >= 0 && w < W ? row[w] : 0.0f;
    }
  }
}
/* ... and the scatter: the even lanes take their addends, the odd ones are stored back as
   they were (one thread owns the plane) */
static void dive__s2add_neon(float *x, const float *d, int dr, int dc, int P, int Q, int H, int W) {
  int oh, i;
  for (oh = 0; oh < P; oh++, d += Q) {
    int h = 2 * oh + dr;
    float *row;
    if (h < 0 || h >= H) continue;
    row = x + (int64_t)h * W;
    for (i = 0; i < Q && 2 * i + dc < 0; i++) {}
    for (; i + 4 <= Q && 2 * i + dc + 8 <= W; i += 4) {
      float32x4x2_t v = vld2q_f32(row + 2 * i + dc);
      v.val[0] = vaddq_f32(v.val[0], vld1q_f32(d + i));
      vst2q_f32(row + 2 * i + dc, v);
    }
    for (; i < Q; i++) {
      int w = 2 * i + dc;
      if (w >= 0 && w < W) row[w] += d[i];
    }
  }
}
#endif

/* --- fused BN + ReLU for the model driver (CPU only; the public per-op functions stay as
   they are). They save whole passes over the activations, which at CIFAR sizes cost as
   much as the convs once those run near the FMA peak. Sums keep 16 independent lanes, so
   the compiler vectorizes them without reassociating (-ffast-math is never needed), and
   lanes, rows and halves are combined pairwise. The row loops are compiled once per ISA
   (the DIVE__ROWFNS wrappers below): with the baseline x86-64 target they run on 4-wide
   SSE and take twice as long as the same loops on AVX-512. Every ISA does the same
   lane-wise arithmetic. */
DIVE__INLINE float dive__lanes(float *s) {
  int l, g;
  for (l = 8; l >= 1; l /= 2)
    for (g = 0; g < l; g++) s[g] += s[g + l];
  return s[0];
}
/* sum of (x[i] - m)^q for q = 1, 2 over one row */
DIVE__INLINE float dive__row_moment(const float *DIVE__RESTRICT x, float m, int q, int64_t n) {
  float s[16];
  int64_t i = 0;
  int l;
  for (l = 0; l < 16; l++) s[l] = 0.0f;
  if (q == 1)
    for (; i + 16 <= n; i += 16)
      for (l = 0; l < 16; l++) s[l] += x[i + l] - m;
  else
    for (; i + 16 <= n; i += 16)
      for (l = 0; l < 16; l++) s[l] += (x[i + l] - m) * (x[i + l] - m);
  for (l = 0; i < n; i++, l++) s[l] += q == 1 ? x[i] - m : (x[i] - m) * (x[i] - m);
  return dive__lanes(s);
}
/* mean and M2 of one row: two passes, the second in cache */
DIVE__INLINE void dive__row_stats(const float *x, int64_t n, float *mean, float *m2) {
  *mean = dive__row_moment(x, 0.0f, 1, n) / (float)n;
  *m2 = dive__row_moment(x, *mean, 2, n);
}

/* y = [relu](x * scale + shift [+ r]) over one row, in blocks of 16 with a constant trip
   count (what gcc -O2's cheap vectorizer accepts) plus a scalar tail. */
DIVE__INLINE void dive__row_apply(float *DIVE__RESTRICT y, const float *DIVE__RESTRICT x,
                                  const float *DIVE__RESTRICT r, float scale, float shift, int relu,
                                  int64_t n) {
  int64_t i = 0;
  int l;
  if (r)
    for (; i + 16 <= n; i += 16)
      for (l = 0; l < 16; l++) {
        float v = x[i + l] * scale + shift + r[i + l];
        y[i + l] = relu && !(v > 0.0f) ? 0.0f : v;
      }
  else
    for (; i + 16 <= n; i += 16)
      for (l = 0; l < 16; l++) {
        float v = x[i + l] * scale + shift;
        y[i + l] = relu && !(v > 0.0f) ? 0.0f : v;
      }
  for (; i < n; i++) {
    float v = x[i] * scale + shift + (r ? r[i] : 0.0f);
    y[i] = relu && !(v > 0.0f) ? 0.0f : v;
  }
}

/* d = y > 0 ? d : 0 over one row, then the sums of d and d*(x - mu) (the row stays in
   cache): the ReLU backward in place and BN backward's two reductions */
DIVE__INLINE void dive__row_relu_sums(float *DIVE__RESTRICT d, const float *DIVE__RESTRICT y,
                                      const float *DIVE__RESTRICT xx, float mu, int64_t n, float *sg,
                                      float *sgx) {
  float s1[16], s2[16];
  int64_t i;
  int l;
  for (i = 0; i + 16 <= n; i += 16)
    for (l = 0; l < 16; l++) {
      float v = d[i + l]; /* loaded unconditionally, so the select vectorizes */
      d[i + l] = y[i + l] > 0.0f ? v : 0.0f;
    }
  for (; i < n; i++) d[i] = y[i] > 0.0f ? d[i] : 0.0f;
  for (l = 0; l < 16; l++) s1[l] = s2[l] = 0.0f;
  for (i = 0; i + 16 <= n; i += 16)
    for (l = 0; l < 16; l++) {
      s1[l] += d[i + l];
      s2[l] += d[i + l] * (xx[i + l] - mu);
    }
  for (l = 0; i < n; i++, l++) {
    s1[l] += d[i];
    s2[l] += d[i] * (xx[i] - mu);
  }
  *sg = dive__lanes(s1);
  *sgx = dive__lanes(s2);
}

/* dx = k * (g - a - (x - mu) * b) over one row */
DIVE__INLINE void dive__row_dx(float *DIVE__RESTRICT dx, const float *DIVE__RESTRICT g,
                               const float *DIVE__RESTRICT x, float k, float a, float mu, float b,
                               int64_t n) {
  int64_t i;
  int l;
  for (i = 0; i + 16 <= n; i += 16)
    for (l = 0; l < 16; l++) dx[i + l] = k * (g[i + l] - a - (x[i + l] - mu) * b);
  for (; i < n; i++) dx[i] = k * (g[i] - a - (x[i] - mu) * b);
}

/* d += a over one row */
DIVE__INLINE void dive__row_add(float *DIVE__RESTRICT d, const float *DIVE__RESTRICT a, int64_t n) {
  int64_t i;
  int l;
  for (i = 0; i + 16 <= n; i += 16)
    for (l = 0; l < 16; l++) d[i + l] += a[i + l];
  for (; i < n; i++) d[i] += a[i];
}

/* --- a 3x3 / stride 2 / pad 1 max-pool (the ImageNet stem's) of one plane. For output
   columns q0 <= q < q1 of one output row, input row h (of W columns): the max over columns
   2q-1 .. 2q+1 (padding never wins), merged into (m, arg): with first, m = that max and
   arg = h W + its column; else they change only where it is strictly greater. Rows merged
   top to bottom, columns left to right: the first maximum in row-major window order, as
   dive__ref_maxpool_fwd (NaNs included). It is memory-bound (an AVX-512 version with
   permuted loads was no faster), so every ISA shares the portable loop. */
static void dive__pool3s2_cols(float *m, int32_t *arg, const float *row, int h, int q0, int q1, int W, int first) {
  int q, j;
  for (q = q0; q < q1; q++) {
    int x0 = DIVE__MAX(2 * q - 1, 0), x1 = DIVE__MIN(2 * q + 2, W), bx = x0;
    float b = row[x0];
    for (j = x0 + 1; j < x1; j++)
      if (row[j] > b) { b = row[j]; bx = j; }
    if (first || b > m[q]) { m[q] = b; arg[q] = h * W + bx; }
  }
}
static void dive__pool3s2_generic(float *m, int32_t *arg, const float *plane, int H, int W, int P, int Q) {
  int oh, h;
  for (oh = 0; oh < P; oh++) {
    int h0 = DIVE__MAX(2 * oh - 1, 0), h1 = DIVE__MIN(2 * oh + 2, H);
    for (h = h0; h < h1; h++)
      dive__pool3s2_cols(m + (int64_t)oh * Q, arg + (int64_t)oh * Q, plane + (int64_t)h * W, h, 0, Q, W, h == h0);
  }
}

/* The row functions of one ISA; the inlined bodies take the wrapper's target. */
typedef struct dive__rowfns {
  void (*stats)(const float *x, int64_t n, float *mean, float *m2);
  void (*apply)(float *y, const float *x, const float *r, float scale, float shift, int relu, int64_t n);
  void (*relu_sums)(float *d, const float *y, const float *x, float mu, int64_t n, float *sg, float *sgx);
  void (*dx)(float *dx, const float *g, const float *x, float k, float a, float mu, float b, int64_t n);
  void (*add)(float *d, const float *a, int64_t n);
  /* the conv sources' zero/copy blocks, and the stride-2 im2col / col2im planes */
  void (*zcz)(float *d, const float *x, int C, int64_t top, int64_t hw, int64_t bot);
  void (*s2get)(float *d, const float *x, int dr, int dc, int P, int Q, int H, int W);
  void (*s2add)(float *x, const float *d, int dr, int dc, int P, int Q, int H, int W);
  /* a 3x3 / stride 2 / pad 1 max-pool of one plane (H, W) -> (P, Q), and its argmax */
  void (*pool3s2)(float *m, int32_t *arg, const float *plane, int H, int W, int P, int Q);
} dive__rowfns;
#define DIVE__ROWFNS(SFX, ATTR, ZCZ, S2)                                                               \
  ATTR static void dive__rs_##SFX(const float *x, int64_t n, float *mean, float *m2) {                 \
    dive__row_stats(x, n, mean, m2);                                                                   \
  }                                                                                                    \
  ATTR static void dive__ra_##SFX(float *y, const float *x, const float *r, float scale, float shift,  \
                                  int relu, int64_t n) {                                               \
    dive__row_apply(y, x, r, scale, shift, relu, n);                                                   \
  }                                                                                                    \
  ATTR static void dive__rr_##SFX(float *d, const float *y, const float *x, float mu, int64_t n,       \
                                  float *sg, float *sgx) {                                             \
    dive__row_relu_sums(d, y, x, mu, n, sg, sgx);                                                      \
  }                                                                                                    \
  ATTR static void dive__rd_##SFX(float *dx, const float *g, const float *x, float k, float a,         \
                                  float mu, float b, int64_t n) {                                      \
    dive__row_dx(dx, g, x, k, a, mu, b, n);                                                            \
  }                                                                                                    \
  ATTR static void dive__rp_##SFX(float *d, const float *a, int64_t n) { dive__row_add(d, a, n); }     \
  static const dive__rowfns dive__rowfns_##SFX = {dive__rs_##SFX, dive__ra_##SFX, dive__rr_##SFX,      \
                                                  dive__rd_##SFX, dive__rp_##SFX, dive__zcz_##ZCZ,     \
                                                  dive__s2get_##S2, dive__s2add_##S2, dive__pool3s2_generic};
DIVE__ROWFNS(generic, , generic, generic)
#if DIVE__X86
DIVE__ROWFNS(avx2, DIVE__AVX2, avx2, generic)
DIVE__ROWFNS(avx512, DIVE__AVX512, avx512, avx512)
#endif
#if DIVE__NEON /* the row bodies are the generic ones: NEON is aarch64's baseline */
DIVE__ROWFNS(neon, , neon, neon)
#endif
static const dive__rowfns *dive__rowfns_get(void) {
#if DIVE__X86
  int isa = dive__isa();
  if (isa == DIVE__ISA_AVX512) return &dive__rowfns_avx512;
  if (isa == DIVE__ISA_AVX2) return &dive__rowfns_avx2;
#elif DIVE__NEON
  if (dive__isa() == DIVE__ISA_NEON) return &dive__rowfns_neon;
#endif
  return &dive__rowfns_generic;
}

/* ceil(a / b) for b > 0 and any sign of a */
static int dive__cdiv(int a, int b) { return a >= 0 ? (a + b - 1) / b : -((-a) / b); }
static int64_t dive__rup(int64_t x, int64_t m) { return (x + m - 1) / m * m; }

/* Output columns ow whose input column x = ow*stride - pad + s lies inside [0, W). */
static void dive__conv_cols(const dive__conv_p *p, int s, int *lo, int *hi) {
  *lo = DIVE__MIN(DIVE__MAX(0, dive__cdiv(p->pad - s, p->stride)), p->Q);
  *hi = DIVE__MAX(DIVE__MIN(p->Q, dive__cdiv(p->W + p->pad - s, p->stride)), *lo);
}

/* im2col of one image and group: img (Cg,H,W) -> the first P*Q columns of col (Cg*R*S rows,
   ld apart), zero outside the image; the columns past P*Q are left alone (several images
   side by side: dive__fwdb_chunk) */
static void dive__im2col_pq(const dive__conv_p *p, int Cg, const float *DIVE__RESTRICT img,
                            float *DIVE__RESTRICT col, int64_t ld) {
  const dive__rowfns *f = dive__rowfns_get();
  int c, r, s, oh, ow, lo, hi;
  for (c = 0; c < Cg; c++)
    for (r = 0; r < p->R; r++)
      for (s = 0; s < p->S; s++) {
        float *dst = col + ((int64_t)(c * p->R + r) * p->S + s) * ld;
        int off = s - p->pad;
        if (p->stride == 2) {
          f->s2get(dst, img + (int64_t)c * p->H * p->W, r - p->pad, off, p->P, p->Q, p->H, p->W);
          continue;
        }
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
/* ... and zero in the columns past P*Q (ld >= P*Q) */
static void dive__im2col(const dive__conv_p *p, int Cg, const float *DIVE__RESTRICT img,
                         float *DIVE__RESTRICT col, int64_t ld) {
  int64_t PQ = (int64_t)p->P * p->Q, q;
  for (q = 0; q < (int64_t)Cg * p->R * p->S; q++) memset(col + q * ld + PQ, 0, sizeof(float) * (size_t)(ld - PQ));
  dive__im2col_pq(p, Cg, img, col, ld);
}

/* col2im: img (Cg,H,W) = sum of the col (Cg*R*S, ld) entries that read each pixel. */
static void dive__col2im(const dive__conv_p *p, int Cg, const float *DIVE__RESTRICT col,
                         int64_t ld, float *DIVE__RESTRICT img) {
  const dive__rowfns *f = dive__rowfns_get();
  int c, r, s, oh, ow, lo, hi;
  memset(img, 0, sizeof(float) * (size_t)((int64_t)Cg * p->H * p->W));
  for (c = 0; c < Cg; c++)
    for (r = 0; r < p->R; r++)
      for (s = 0; s < p->S; s++) {
        const float *src = col + ((int64_t)(c * p->R + r) * p->S + s) * ld;
        int off = s - p->pad;
        if (p->stride == 2) {
          f->s2add(img + (int64_t)c * p->H * p->W, src, r - p->pad, off, p->P, p->Q, p->H, p->W);
          continue;
        }
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

/* --- conv as GEMM. Per image and group, out (Kg, PQ) = w_g (Kg, CgRS) * B (CgRS, PQ),
   where row (c,r,s) of B is the input shifted by (r,s). Two ways to get B:
   - stride 1 ("flat"): a zero-padded copy of the image (Cg, Hp, Wp) is read in place. Row
     (c,r,s) is img_pad + c*Hp*Wp + r*Wp + s, and column j = oh*Wp + ow is output pixel
     (oh, ow); the columns ow >= Q of each row wrap into the next padded row, are computed
     and then dropped (6-25% extra FMAs on CIFAR shapes, but no 9x im2col copy).
   - stride 1 and Q == W ("same" padding, "shifted"): no wrapped columns at all. The image
     is copied once per kernel column s with only vertical pad rows (Hp, W), and in copy s
     the |s - pad| columns that a row's shifted read would wrap into are zeroed. Row
     (c,r,s) is copy s at c*Hp*W + r*W + s - pad; column j = oh*W + ow is pixel (oh, ow),
     so the GEMM writes the output tensor itself (when PQ % 16 == 0 and Kg % 8 == 0): no
     dropped FMAs, no compaction copy, and backward-weights reads dout in place.
   - any stride: an im2col matrix (CgRS, Ln).
   - 1x1, stride 1, no padding ("plain"): B is the image itself, read in place (row c at
     c*H*W); only its last H*W % 16 columns come from a small zero-padded copy.
   Either way the kernels see rows src + off[crs], L columns (Ln = L rounded up to 16), and
   a zero tail after the image so that the rounding and the wrap-around read zeros. */
enum { DIVE__COLS = 0, DIVE__FLAT = 1, DIVE__SHIFTED = 2, DIVE__PLAIN = 3 };
#define DIVE__SG 32 /* zero guard (floats) around each shifted copy */
typedef struct dive__cgeo {
  int flat, Cg, Kg, CRS, Hp, Wp;
  int64_t L, Ln; /* GEMM columns of one image; rounded up to 16 */
  int64_t img;   /* floats of the padded image / col matrix / shifted copies */
  int64_t src;   /* floats of one image's source: img + zero tail */
  int64_t rowl;  /* output row pitch inside the L columns (Wp or Q) */
  int64_t vs;    /* floats per shifted copy, guards included */
} dive__cgeo;

static void dive__cgeo_init(const dive__conv_p *p, dive__cgeo *g) {
  g->Cg = p->C / p->groups;
  g->Kg = p->K / p->groups;
  g->CRS = g->Cg * p->R * p->S;
  g->flat = p->stride != 1 ? DIVE__COLS
            : (p->R == 1 && p->S == 1 && p->pad == 0) ? DIVE__PLAIN
            : (p->Q == p->W && p->pad < p->W && p->pad <= DIVE__SG / 2) ? DIVE__SHIFTED : DIVE__FLAT;
  g->Hp = p->H + 2 * p->pad;
  g->Wp = g->flat == DIVE__SHIFTED ? p->W : p->W + 2 * p->pad;
  g->rowl = g->flat ? g->Wp : p->Q;
  g->L = (int64_t)p->P * g->rowl;
  g->Ln = dive__rup(g->L, 16);
  g->vs = (int64_t)g->Cg * g->Hp * g->Wp + 2 * DIVE__SG;
  g->img = g->flat == DIVE__SHIFTED ? p->S * g->vs
           : g->flat == DIVE__PLAIN ? (int64_t)g->Cg * DIVE__MAX(g->Hp * g->Wp, 16) /* a copy, or the tail's */
           : g->flat ? (int64_t)g->Cg * g->Hp * g->Wp : (int64_t)g->CRS * g->Ln;
  g->src = g->img + g->Ln + p->S + 32; /* the tail also serves as an all-zero row */
}
/* the GEMM can store into the output tensor: its columns are the output pixels */
static int dive__cgeo_direct(const dive__cgeo *g) {
  return g->flat != DIVE__FLAT && g->Ln == g->L && g->Kg % DIVE__NN_M == 0;
}

/* row offsets of B; the rows past CRS (up to a multiple of 8) point at the zero tail */
static void dive__cgeo_offsets(const dive__conv_p *p, const dive__cgeo *g, int64_t *off) {
  int c, r, s, q = 0;
  for (c = 0; c < g->Cg; c++)
    for (r = 0; r < p->R; r++)
      for (s = 0; s < p->S; s++, q++)
        off[q] = g->flat == DIVE__SHIFTED ? s * g->vs + DIVE__SG + (int64_t)c * g->Hp * g->Wp +
                                                (int64_t)r * g->Wp + s - p->pad
                 : g->flat ? (int64_t)c * g->Hp * g->Wp + (int64_t)r * g->Wp + s : q * g->Ln;
  for (; q < dive__rup(g->CRS, 8) + DIVE__NT_N; q++) off[q] = g->img;
}

/* B source of one image and group (Cg channels of img) into src (g->src floats) */
static void dive__conv_src(const dive__conv_p *p, const dive__cgeo *g, const float *img,
                           float *src) {
  if (g->flat == DIVE__SHIFTED) {
    int c, h, s, w;
    int64_t HW = (int64_t)p->H * p->W, pr = (int64_t)p->pad * p->W;
    const dive__rowfns *f = dive__rowfns_get();
    for (s = 0; s < p->S; s++) {
      float *v = src + s * g->vs;
      int z0 = s < p->pad ? p->W - (p->pad - s) : 0, z1 = s < p->pad ? p->W : s - p->pad;
      memset(v, 0, sizeof(float) * DIVE__SG);
      f->zcz(v + DIVE__SG, img, g->Cg, pr, HW, (int64_t)(g->Hp - p->H) * p->W - pr);
      /* the columns a shifted read wraps into: usually one per row, zeroed with strided
         stores (a loop over the band becomes a memset call per row) */
      for (c = 0; c < g->Cg && z1 > z0; c++)
        for (w = z0; w < z1; w++) {
          float *b = v + DIVE__SG + (int64_t)c * g->Hp * p->W + pr + w;
          for (h = 0; h < p->H; h++) b[(int64_t)h * p->W] = 0.0f;
        }
      memset(v + g->vs - DIVE__SG, 0, sizeof(float) * DIVE__SG);
    }
  } else if (g->flat) {
    int c, h;
    for (c = 0; c < g->Cg; c++)
      for (h = 0; h < g->Hp; h++) {
        float *d = src + ((int64_t)c * g->Hp + h) * g->Wp;
        int y = h - p->pad;
        if (y < 0 || y >= p->H) {
          memset(d, 0, sizeof(float) * (size_t)g->Wp);
          continue;
        }
        memset(d, 0, sizeof(float) * (size_t)p->pad);
        memcpy(d + p->pad, img + ((int64_t)c * p->H + y) * p->W, sizeof(float) * (size_t)p->W);
        memset(d + p->pad + p->W, 0, sizeof(float) * (size_t)p->pad);
      }
  } else {
    dive__im2col(p, g->Cg, img, src, g->Ln);
  }
  { /* the zero tail; the plain geometry's copy ends before img (an image of fewer than 16
       pixels is read as 16 columns) */
    int64_t z = g->flat == DIVE__PLAIN ? (int64_t)g->Cg * g->Hp * g->Wp : g->img;
    memset(src + z, 0, sizeof(float) * (size_t)(g->src - z));
  }
}

/* Pack rows m < M of a (M, kc) matrix, element (m, q) = a[m*rs + q*cs], into 8-row panels
   (q-major, 8 rows interleaved), zero rows past M. */
static void dive__pack_nn(float *DIVE__RESTRICT dst, int M, int kc, const float *a, int64_t rs,
                          int64_t cs) {
  int m0, i, q;
  for (m0 = 0; m0 < M; m0 += DIVE__NN_M)
    for (q = 0; q < kc; q++)
      for (i = 0; i < DIVE__NN_M; i++)
        *dst++ = m0 + i < M ? a[(int64_t)(m0 + i) * rs + (int64_t)q * cs] : 0.0f;
}

/* cbuf (rup(M,8), Ln) = packed a (M rows, kc) * B(src, off), panels of 32 (last 16) columns;
   with M <= 4, panels of 64 through the 4-row kernel where the ISA has one (the 4 rows past
   M are then not written) */
static void dive__nn_gemm(dive__nn_fn nn, int M, int kc, const float *apack, const float *src,
                          const int64_t *off, int64_t Ln, float *cbuf) {
  dive__nn4_fn nn4 = M <= 4 ? dive__nn4_kernel() : NULL;
  int64_t j0 = 0;
  int m0;
  for (; nn4 && j0 + 64 <= Ln; j0 += 64) nn4(kc, apack, src + j0, off, cbuf + j0, Ln, 0);
  for (; j0 < Ln; j0 += 32) {
    int nr = Ln - j0 >= 32 ? 32 : 16;
    for (m0 = 0; m0 < M; m0 += DIVE__NN_M)
      nn(kc, apack + (int64_t)m0 * kc, src + j0, off, cbuf + m0 * Ln + j0, Ln, 0, nr);
  }
}

/* out (Kg, P, Q) = the GEMM result cbuf (Kg, Ln) without its wrapped columns (+ bias) */
static void dive__conv_out(const dive__conv_p *p, const dive__cgeo *g, const float *cbuf,
                           const float *bias, float *out) {
  int k, oh, ow;
  if (dive__cgeo_direct(g)) { /* the GEMM wrote out itself */
    int64_t PQ = (int64_t)p->P * p->Q, i;
    for (k = 0; k < g->Kg && bias; k++)
      for (i = 0; i < PQ; i++) out[k * PQ + i] += bias[k];
    return;
  }
  for (k = 0; k < g->Kg; k++)
    for (oh = 0; oh < p->P; oh++) {
      const float *s = cbuf + k * g->Ln + oh * g->rowl;
      float *d = out + ((int64_t)k * p->P + oh) * p->Q, bk = bias ? bias[k] : 0.0f;
      if (bias)
        for (ow = 0; ow < p->Q; ow++) d[ow] = s[ow] + bk;
      else
        memcpy(d, s, sizeof(float) * (size_t)p->Q);
    }
}

/* One image and group of a forward conv from its B source: out (Kg, P, Q) = w * B (+ bias) */
static void dive__conv_gemm(dive__nn_fn nn, const dive__conv_p *p, const dive__cgeo *g,
                            const float *apack, const int64_t *off, const float *src,
                            const float *bias, float *out, float *cbuf) {
  dive__nn_gemm(nn, g->Kg, g->CRS, apack, src, off, g->Ln, dive__cgeo_direct(g) ? out : cbuf);
  dive__conv_out(p, g, cbuf, bias, out);
}
/* The plain geometry (1x1, stride 1, no padding): out (Kg, HW) = w (Kg, Cg) * img (Cg, HW),
   the image read in place (rows off[c] = c HW) and the output written in place; the last
   HW % 16 columns from a zero-padded copy in stage (rows off16[c] = 16 c), and the rows past
   the last multiple of 8 of Kg through cbuf. The same sums as any other geometry. */
static void dive__conv_plain(dive__nn_fn nn, const dive__conv_p *p, const dive__cgeo *g, const float *apack,
                             const int64_t *off, const int64_t *off16, const float *img, const float *bias,
                             float *out, float *stage, float *cbuf) {
  const int64_t HW = (int64_t)p->H * p->W, J = HW / 16 * 16;
  const int Kg = g->Kg, Cg = g->Cg, K8 = Kg / DIVE__NN_M * DIVE__NN_M;
  int64_t j0, j;
  int m0, i, c, nr;
  for (j0 = 0; j0 < J; j0 += nr) {
    nr = J - j0 >= 32 ? 32 : 16;
    for (m0 = 0; m0 < K8; m0 += DIVE__NN_M)
      nn(Cg, apack + (int64_t)m0 * Cg, img + j0, off, out + m0 * HW + j0, HW, 0, nr);
    if (K8 < Kg) {
      nn(Cg, apack + (int64_t)K8 * Cg, img + j0, off, cbuf, 32, 0, nr);
      for (i = 0; i < Kg - K8; i++) memcpy(out + (K8 + i) * HW + j0, cbuf + i * 32, sizeof(float) * (size_t)nr);
    }
  }
  if (J < HW) {
    int t = (int)(HW - J);
    for (c = 0; c < Cg; c++) {
      memcpy(stage + c * 16, img + c * HW + J, sizeof(float) * (size_t)t);
      memset(stage + c * 16 + t, 0, sizeof(float) * (size_t)(16 - t));
    }
    for (m0 = 0; m0 < Kg; m0 += DIVE__NN_M) {
      nn(Cg, apack + (int64_t)m0 * Cg, stage, off16, cbuf, 16, 0, 16);
      for (i = 0; i < DIVE__NN_M && m0 + i < Kg; i++)
        memcpy(out + (m0 + i) * HW + J, cbuf + i * 16, sizeof(float) * (size_t)t);
    }
  }
  for (m0 = 0; bias && m0 < Kg; m0++)
    for (j = 0; j < HW; j++) out[m0 * HW + j] += bias[m0];
}

/* ... and from the image: out (Kg, P, Q) = w * img (+ bias), the B source built in src
   (the plain geometry reads the image in place; off16: its tail's row offsets) */
static void dive__conv_fwd_img(dive__nn_fn nn, const dive__conv_p *p, const dive__cgeo *g,
                               const float *apack, const int64_t *off, const int64_t *off16, const float *img,
                               const float *bias, float *out, float *src, float *cbuf) {
  if (g->flat == DIVE__PLAIN) {
    dive__conv_plain(nn, p, g, apack, off, off16, img, bias, out, src, cbuf);
    return;
  }
  dive__conv_src(p, g, img, src);
  dive__conv_gemm(nn, p, g, apack, off, src, bias, out, cbuf);
}

/* floats of scratch for dive__conv_fwd_img: src, then cbuf */
static int64_t dive__conv_fwd_ws(const dive__cgeo *g) {
  return dive__rup(g->src, 16) + dive__rup(g->Kg, 8) * g->Ln;
}

/* Scratch floats come from one buffer, carved in 64-byte steps. */
static float *dive__take(float **cur, int64_t n) {
  float *p = *cur;
  *cur += dive__rup(n, 16);
  return p;
}
/* The buffer: ws (kept by the ctx across calls, so steady-state training allocates and
   page-faults nothing) grown to n floats, 64-byte aligned; NULL when out of memory. */
static float *dive__ws_get(dive__ws *ws, int64_t n) {
  size_t need = sizeof(float) * (size_t)n + 64;
  if (ws->size < need) {
    DIVE_FREE(ws->base);
    ws->base = DIVE_MALLOC(need);
    ws->size = ws->base ? need : 0;
    if (!ws->base) return NULL;
  }
  return (float *)(((uintptr_t)ws->base + 63) & ~(uintptr_t)63);
}

#if DIVE__OMP
#define DIVE__OMP_PARALLEL(n) DIVE__PRAGMA(omp parallel num_threads(n))
#define DIVE__OMP_BARRIER DIVE__PRAGMA(omp barrier)
#define DIVE__TID omp_get_thread_num()
#define DIVE__NTH omp_get_num_threads()
#else
#define DIVE__OMP_PARALLEL(n)
#define DIVE__OMP_BARRIER
#define DIVE__TID 0
#define DIVE__NTH 1
#endif

/* --- the forward conv's per-image epilogue for inference (dive__cpu_conv2d_fwd_epi): one
   output row, in cache, y = [relu](y + bias [+ r]): the bias of a conv with batch norm
   folded in (dive__bn_fold), the residual add and the ReLU of a basic block, in place. The
   same arithmetic as the ops one after another (x + bias, then + r, then the ReLU), so the
   same bits; compiled per ISA like the row functions. */
DIVE__INLINE void dive__row_bias_act(float *DIVE__RESTRICT y, const float *DIVE__RESTRICT r, float bias, int relu,
                                     int64_t n) {
  int64_t i = 0;
  int l;
  if (r)
    for (; i + 16 <= n; i += 16)
      for (l = 0; l < 16; l++) {
        float v = (y[i + l] + bias) + r[i + l];
        y[i + l] = relu && !(v > 0.0f) ? 0.0f : v;
      }
  else
    for (; i + 16 <= n; i += 16)
      for (l = 0; l < 16; l++) {
        float v = y[i + l] + bias;
        y[i + l] = relu && !(v > 0.0f) ? 0.0f : v;
      }
  for (; i < n; i++) {
    float v = r ? (y[i] + bias) + r[i] : y[i] + bias;
    y[i] = relu && !(v > 0.0f) ? 0.0f : v;
  }
}
typedef void (*dive__epi_fn)(float *y, const float *r, float bias, int relu, int64_t n);
#define DIVE__EPIFN(SFX, ATTR)                                                                    \
  ATTR static void dive__ep_##SFX(float *y, const float *r, float bias, int relu, int64_t n) {    \
    dive__row_bias_act(y, r, bias, relu, n);                                                      \
  }
DIVE__EPIFN(generic, )
#if DIVE__X86
DIVE__EPIFN(avx2, DIVE__AVX2)
DIVE__EPIFN(avx512, DIVE__AVX512)
#endif
static dive__epi_fn dive__epi_kernel(void) {
#if DIVE__X86
  int isa = dive__isa();
  if (isa == DIVE__ISA_AVX512) return dive__ep_avx512;
  if (isa == DIVE__ISA_AVX2) return dive__ep_avx2;
#endif
  return dive__ep_generic;
}
/* What the forward conv does to each image's output while it is in cache: the row
   statistics for the BN that follows (training), or the inference epilogue above. */
typedef struct dive__fwd_epi {
  float *rstats;    /* 2 N K floats: each output row's mean and M2, or NULL */
  const float *res; /* added to the output (its shape), or NULL */
  int relu;         /* then max(0, .) */
} dive__fwd_epi;
static int dive__fwd_epi_acts(const dive__fwd_epi *e) { return e && (e->res || e->relu); }
/* image n's output rows (n, k) for k in [0, K): the epilogue; bias: per output channel */
static void dive__fwd_epi_apply(const dive__rowfns *f, dive__epi_fn ep, const dive__fwd_epi *e, int64_t K,
                                int64_t PQ, float *out, const float *bias, int64_t n) {
  int64_t k;
  if (!e) return;
  for (k = n * K; k < (n + 1) * K; k++) {
    if (dive__fwd_epi_acts(e) || bias) ep(out + k * PQ, e->res ? e->res + k * PQ : NULL, bias ? bias[k % K] : 0.0f, e->relu, PQ);
    if (e->rstats) f->stats(out + k * PQ, PQ, e->rstats + 2 * k, e->rstats + 2 * k + 1);
  }
}

/* Batch norm folded into the conv before it, for inference: with scale = gamma / sqrt(var
   + eps) (computed as the BN kernels compute it) and shift = beta - mean * scale, conv(x,
   wf) + bf = bn(conv(x, w) + b) up to rounding. w, wf: (K, CRS); b may be NULL; wf may be w. */
static DIVE__UNUSED void dive__bn_fold(int K, int64_t CRS, const float *w, const float *b, const float *gamma,
                                       const float *beta, const float *mean, const float *var, float eps, float *wf,
                                       float *bf) {
  int k;
  int64_t i;
  for (k = 0; k < K; k++) {
    float rs = 1.0f / sqrtf(var[k] + eps), scale = rs * gamma[k], shift = beta[k] - mean[k] * scale;
    for (i = 0; i < CRS; i++) wf[(int64_t)k * CRS + i] = w[(int64_t)k * CRS + i] * scale;
    bf[k] = (b ? b[k] * scale : 0.0f) + shift;
  }
}

/* --- Winograd F(2x2, 3x3) for the stride-1, pad-1 3x3 convs (Lavin and Gray, 2016). Each
   output tile of 2x2 pixels is Y = A^T [U . V] A, with V = B^T d B from the 4x4 input tile
   d around it and U = G g G^T from the 3x3 kernel g; summed over the channels, the 16
   elementwise products become 16 GEMMs of (K, C) x (C, tiles): 16 multiplies per 4 outputs
   and channel pair instead of 36, the transforms only adds (and halves in G). Per image:
     1. per channel, the input tiles (tile (ty, tx) reads pixel (2ty - 1 + i, 2tx - 1 + j))
        as 8 stride-2 planes (the rows' s2get: odd and even input rows, per column j),
        then V(xi, c, t) = (B^T d B)(xi) across the tiles t (contiguous, vectorized);
     2. M(xi) = U(xi) V(xi) by the NN kernel (U packed in 8-row panels, V's rows read in
        place, columns = tiles rounded up to 16);
     3. the output: Y = A^T M A per tile, the 2x2 pixels interleaved back into rows (+ bias).
   Backward-data is the same forward conv of dout with the flipped kernel (C and K
   swapped). The rule for when it runs: dive__wino_pick. */
/* The transforms work on blocks of tiles: with gcc or clang a 16-float vector (one zmm, two
   ymm, four xmm or NEON registers, by the wrapper's target), else one float. */
#if DIVE__VEC
typedef float dive__wv __attribute__((vector_size(64)));
#define DIVE__WVN 16
#else
typedef float dive__wv;
#define DIVE__WVN 1
#endif
#define DIVE__WLD(v, p) memcpy(&(v), (p), sizeof(dive__wv))
#define DIVE__WST(p, v) memcpy((p), &(v), sizeof(dive__wv))
/* step 1b: V rows (16, vstride apart) from the input tiles: tile t's pixel (i, j) is element
   t + (i / 2) * tw of plane 2j + i % 2 (ps floats each, see dive__wino_img); n (a multiple of
   16) tiles. E = B^T D by columns, then V = E B by rows. */
DIVE__INLINE void dive__wino_in_body(float *DIVE__RESTRICT v, int64_t vstride, const float *DIVE__RESTRICT pl,
                                     int64_t ps, int64_t tw, int64_t n) {
  int64_t t;
  for (t = 0; t < n; t += DIVE__WVN) {
    dive__wv d0, d1, d2, d3, e00, e01, e02, e03, e10, e11, e12, e13, e20, e21, e22, e23, e30, e31, e32, e33, r;
#define DIVE__WE(j)                                                          \
  DIVE__WLD(d0, pl + (2 * j) * ps + t);                                      \
  DIVE__WLD(d1, pl + (2 * j + 1) * ps + t);                                  \
  DIVE__WLD(d2, pl + (2 * j) * ps + tw + t);                                 \
  DIVE__WLD(d3, pl + (2 * j + 1) * ps + tw + t);                             \
  e0##j = d0 - d2;                                                           \
  e1##j = d1 + d2;                                                           \
  e2##j = d2 - d1;                                                           \
  e3##j = d1 - d3;
    DIVE__WE(0) DIVE__WE(1) DIVE__WE(2) DIVE__WE(3)
#undef DIVE__WE
#define DIVE__WV(a)                                                          \
  r = e##a##0 - e##a##2;                                                     \
  DIVE__WST(v + (4 * a + 0) * vstride + t, r);                               \
  r = e##a##1 + e##a##2;                                                     \
  DIVE__WST(v + (4 * a + 1) * vstride + t, r);                               \
  r = e##a##2 - e##a##1;                                                     \
  DIVE__WST(v + (4 * a + 2) * vstride + t, r);                               \
  r = e##a##1 - e##a##3;                                                     \
  DIVE__WST(v + (4 * a + 3) * vstride + t, r);
    DIVE__WV(0) DIVE__WV(1) DIVE__WV(2) DIVE__WV(3)
#undef DIVE__WV
  }
}
/* step 3 for one output channel: m (16 rows, mstride apart, tiles along) -> out (H, W) +
   bias, through the four pixel planes y(a, b) in yb (4 rows of Tn) */
DIVE__INLINE void dive__wino_out_body(float *DIVE__RESTRICT out, int H, int W, const float *DIVE__RESTRICT m,
                                      int64_t mstride, int th, int tw, float bias, float *DIVE__RESTRICT yb) {
  int64_t Tn = dive__rup((int64_t)th * tw, 16), t;
  int l, ty, tx, a;
  for (t = 0; t < Tn; t += DIVE__WVN) {
    dive__wv q0, q1, q2, q3, f00, f01, f02, f03, f10, f11, f12, f13, r;
#define DIVE__WF(j) /* column j of F = A^T M */                              \
  DIVE__WLD(q0, m + (0 + j) * mstride + t);                                  \
  DIVE__WLD(q1, m + (4 + j) * mstride + t);                                  \
  DIVE__WLD(q2, m + (8 + j) * mstride + t);                                  \
  DIVE__WLD(q3, m + (12 + j) * mstride + t);                                 \
  f0##j = q0 + q1 + q2;                                                      \
  f1##j = q1 - q2 - q3;
    DIVE__WF(0) DIVE__WF(1) DIVE__WF(2) DIVE__WF(3)
#undef DIVE__WF
#define DIVE__WY(a) /* Y = F A */                                            \
  r = f##a##0 + f##a##1 + f##a##2 + bias;                                    \
  DIVE__WST(yb + (2 * a) * Tn + t, r);                                       \
  r = f##a##1 - f##a##2 - f##a##3 + bias;                                    \
  DIVE__WST(yb + (2 * a + 1) * Tn + t, r);
    DIVE__WY(0) DIVE__WY(1)
#undef DIVE__WY
  }
  for (ty = 0; ty < th; ty++) /* rows 2ty + a: y(a, 0) and y(a, 1) interleaved */
    for (a = 0; a < 2 && 2 * ty + a < H; a++) {
      const float *y0 = yb + (2 * a) * Tn + (int64_t)ty * tw, *y1 = y0 + Tn;
      float *row = out + (int64_t)(2 * ty + a) * W;
      tx = 0;
      if (W % 2 == 0)
        for (; tx + 16 <= tw; tx += 16)
          for (l = 0; l < 16; l++) {
            row[2 * (tx + l)] = y0[tx + l];
            row[2 * (tx + l) + 1] = y1[tx + l];
          }
      for (; tx < tw; tx++) {
        row[2 * tx] = y0[tx];
        if (2 * tx + 1 < W) row[2 * tx + 1] = y1[tx];
      }
    }
}
/* step 1a for one channel x (H, W): for each column j of the tiles, the input rows -1, 1,
   3.. (plane 2j) and 0, 2, 4.. (plane 2j + 1), th + 1 of each, tw apart: row r of plane
   2j + e holds pixels (2r - 1 + e, 2tx + j - 1), zero outside the image */
DIVE__INLINE void dive__wino_tiles_body(float *DIVE__RESTRICT pl, int64_t ps, const float *DIVE__RESTRICT x, int H,
                                        int W, int th, int tw) {
  int h, j, tx;
  for (h = -1; h <= 2 * th; h++) { /* rows -1 .. 2th: th + 1 odd, th + 1 even */
    int e = (h + 1) % 2, r = (h + 1) / 2;
    for (j = 0; j < 4; j++) {
      float *d = pl + (2 * j + e) * ps + (int64_t)r * tw;
      if (h >= H) {
        for (tx = 0; tx < tw; tx++) d[tx] = 0.0f;
        continue;
      }
      for (tx = 0; tx < tw; tx++) {
        int col = 2 * tx + j - 1;
        d[tx] = h >= 0 && col >= 0 && col < W ? x[(int64_t)h * W + col] : 0.0f;
      }
    }
  }
}
#if DIVE__X86
/* the same in blocks of 16 tiles: per input row and block two pairs of masked loads (the
   windows at columns 2tx - 1 and 2tx + 1), four permutes into the four columns j */
DIVE__AVX512 static void dive__wino_tiles_avx512(float *pl, int64_t ps, const float *x, int H, int W, int th, int tw) {
  const __m512i ev = _mm512_set_epi32(30, 28, 26, 24, 22, 20, 18, 16, 14, 12, 10, 8, 6, 4, 2, 0);
  const __m512i od = _mm512_set_epi32(31, 29, 27, 25, 23, 21, 19, 17, 15, 13, 11, 9, 7, 5, 3, 1);
  const __m512 z = _mm512_setzero_ps();
  int h, tx0;
  for (tx0 = 0; tx0 < tw; tx0 += 16) { /* a block of tiles, then the rows: masks per block */
    int c0 = 2 * tx0 - 1;
    __mmask16 mo = dive__s2mask(tx0, tw), m0 = dive__s2mask(c0, W), m1 = dive__s2mask(c0 + 16, W);
    __mmask16 m2 = dive__s2mask(c0 + 2, W), m3 = dive__s2mask(c0 + 18, W);
    for (h = -1; h <= 2 * th; h++) { /* rows -1 .. 2th: th + 1 odd, th + 1 even */
      float *d = pl + ((h + 1) % 2) * ps + (int64_t)((h + 1) / 2) * tw + tx0;
      __m512 a0 = z, a1 = z, b0 = z, b1 = z;
      if (h >= 0 && h < H) {
        const float *row = x + (int64_t)h * W + c0;
        a0 = _mm512_maskz_loadu_ps(m0, row);
        a1 = _mm512_maskz_loadu_ps(m1, row + 16);
        b0 = _mm512_maskz_loadu_ps(m2, row + 2);
        b1 = _mm512_maskz_loadu_ps(m3, row + 18);
      }
      _mm512_mask_storeu_ps(d, mo, _mm512_permutex2var_ps(a0, ev, a1));
      _mm512_mask_storeu_ps(d + 2 * ps, mo, _mm512_permutex2var_ps(a0, od, a1));
      _mm512_mask_storeu_ps(d + 4 * ps, mo, _mm512_permutex2var_ps(b0, ev, b1));
      _mm512_mask_storeu_ps(d + 6 * ps, mo, _mm512_permutex2var_ps(b0, od, b1));
    }
  }
}
#endif
typedef struct dive__winofns {
  void (*tiles)(float *pl, int64_t ps, const float *x, int H, int W, int th, int tw);
  void (*in)(float *v, int64_t vstride, const float *pl, int64_t ps, int64_t tw, int64_t n);
  void (*out)(float *out, int H, int W, const float *m, int64_t mstride, int th, int tw, float bias, float *yb);
} dive__winofns;
#define DIVE__WINOFNS(SFX, ATTR, TILES)                                                                 \
  ATTR static DIVE__UNUSED void dive__wt_##SFX(float *pl, int64_t ps, const float *x, int H, int W,    \
                                               int th, int tw) {                                        \
    dive__wino_tiles_body(pl, ps, x, H, W, th, tw);                                                     \
  }                                                                                                     \
  ATTR static void dive__wi_##SFX(float *v, int64_t vstride, const float *pl, int64_t ps, int64_t tw,  \
                                  int64_t n) {                                                          \
    dive__wino_in_body(v, vstride, pl, ps, tw, n);                                                      \
  }                                                                                                     \
  ATTR static void dive__wo_##SFX(float *out, int H, int W, const float *m, int64_t mstride, int th,   \
                                  int tw, float bias, float *yb) {                                      \
    dive__wino_out_body(out, H, W, m, mstride, th, tw, bias, yb);                                       \
  }                                                                                                     \
  static const dive__winofns dive__winofns_##SFX = {TILES, dive__wi_##SFX, dive__wo_##SFX};
DIVE__WINOFNS(generic, , dive__wt_generic)
#if DIVE__X86
DIVE__WINOFNS(avx2, DIVE__AVX2, dive__wt_avx2)
DIVE__WINOFNS(avx512, DIVE__AVX512, dive__wino_tiles_avx512)
#endif
static const dive__winofns *dive__winofns_get(void) {
#if DIVE__X86
  int isa = dive__isa();
  if (isa == DIVE__ISA_AVX512) return &dive__winofns_avx512;
  if (isa == DIVE__ISA_AVX2) return &dive__winofns_avx2;
#endif
  return &dive__winofns_generic; /* on aarch64 the generic bodies are NEON already */
}

/* Winograd geometry of one conv (stride 1, pad 1, 3x3, one group) */
typedef struct dive__wgeo {
  int th, tw, Kr;   /* tile rows and columns; K rounded up to 8 */
  int64_t T, Tn;    /* tiles; rounded up to 16 (the GEMM's columns) */
  int64_t ps;       /* floats per stride-2 input plane (th + 1 rows of tw, a zero tail) */
  int64_t per;      /* floats of scratch per part: 8 planes, V, M, the output planes */
} dive__wgeo;
static void dive__wgeo_init(const dive__conv_p *p, dive__wgeo *g) {
  g->th = (p->H + 1) / 2;
  g->tw = (p->W + 1) / 2;
  g->Kr = (int)dive__rup(p->K, DIVE__NN_M);
  g->T = (int64_t)g->th * g->tw;
  g->Tn = dive__rup(g->T, 16);
  g->ps = dive__rup((int64_t)(g->th + 1) * g->tw + g->Tn - g->T + g->tw, 16);
  g->per = 8 * g->ps + 16 * (int64_t)p->C * g->Tn + 16 * (int64_t)g->Kr * g->Tn + 4 * g->Tn;
}

/* -1: the measured rule, 0: never, 1: wherever it applies. Set with the ISA, once
   (dive__isa_init), from DIVE_CPU_WINOGRAD=0|1; tests set it directly. */
static int dive__wino_want(void) {
  dive__isa();
  return dive__wino_mode;
}
/* Winograd convs run by this thread ([0] forward, [1] backward-data calls): tests check that
   the path they mean to test ran */
static DIVE__TLS int dive__wino_calls[2];
/* Whether the conv p (a forward conv, or backward-data's as one: bwd = 1) runs as Winograd
   F(2x2, 3x3). The rule is measured per ISA path (bench/bench_wino.c, docs/perf-cpu.md):
   the 16 GEMMs run over C input channels, so few channels leave the micro-kernel short
   loops while the transforms cost per channel and pixel; backward-data gains less, since
   backward-weights then needs copies of its own. With ch = min(C, K) and big = 16x16
   pixels or more:
     avx512: forward ch >= 64, or >= 32 when big; backward-data ch >= 128, or >= 64 when big
     avx2:   forward ch >= 64; backward-data ch >= 128, or >= 64 when big
     generic (4-wide vectors, no FMA): both ch >= 16
   NEON is not measured (no ARM machine): it takes avx2's rule, the shapes where Winograd
   won on every path measured. The rule was measured on an Intel core; on AMD's the convs
   stay direct (their tuning, measured there) unless DIVE_CPU_WINOGRAD=1. */
static int dive__wino_pick2(const dive__conv_p *p, int bwd) {
  int want = dive__wino_want(), ch = DIVE__MIN(p->C, p->K), big = p->H * p->W >= 256, isa = dive__isa();
  if (p->stride != 1 || p->R != 3 || p->S != 3 || p->pad != 1 || p->groups != 1 || want == 0) return 0;
  if (want == 1) return 1;
  if (dive__cpu_vendor() == DIVE__VENDOR_AMD) return 0;
  if (isa == DIVE__ISA_AVX512) return bwd ? ch >= 128 || (ch >= 64 && big) : ch >= 64 || (ch >= 32 && big);
  if (isa == DIVE__ISA_GENERIC) return ch >= 16;
  return bwd ? ch >= 128 || (ch >= 64 && big) : ch >= 64; /* avx2, neon */
}
static int dive__wino_pick(const dive__conv_p *p) { return dive__wino_pick2(p, 0); }

/* U (16, Kr, C) packed per xi in 8-row panels (dive__pack_nn's layout, zero rows past K):
   U(xi)(k, c) = (G g G^T)(xi) of w's (k, c) kernel g (w is (K, C, 3, 3)); flip: the kernel
   of backward-data, g = w(c, k) rotated by 180 degrees (w is (C, K, 3, 3) then) */
static void dive__wino_pack_u(const dive__conv_p *p, const dive__wgeo *g, const float *w, int flip, float *up) {
  int64_t xs = (int64_t)g->Kr * p->C;
  int k, c, a, b;
  memset(up, 0, sizeof(float) * (size_t)(16 * xs));
  for (k = 0; k < p->K; k++)
    for (c = 0; c < p->C; c++) {
      const float *gp = flip ? w + ((int64_t)c * p->K + k) * 9 : w + ((int64_t)k * p->C + c) * 9;
      float gg[3][3], t[4][3];
      float *u = up + (int64_t)(k / DIVE__NN_M) * DIVE__NN_M * p->C + (int64_t)c * DIVE__NN_M + k % DIVE__NN_M;
      for (a = 0; a < 3; a++)
        for (b = 0; b < 3; b++) gg[a][b] = flip ? gp[(2 - a) * 3 + 2 - b] : gp[a * 3 + b];
      for (b = 0; b < 3; b++) { /* T = G g */
        t[0][b] = gg[0][b];
        t[1][b] = 0.5f * (gg[0][b] + gg[1][b] + gg[2][b]);
        t[2][b] = 0.5f * (gg[0][b] - gg[1][b] + gg[2][b]);
        t[3][b] = gg[2][b];
      }
      for (a = 0; a < 4; a++) { /* U = T G^T */
        u[(4 * a + 0) * xs] = t[a][0];
        u[(4 * a + 1) * xs] = 0.5f * (t[a][0] + t[a][1] + t[a][2]);
        u[(4 * a + 2) * xs] = 0.5f * (t[a][0] - t[a][1] + t[a][2]);
        u[(4 * a + 3) * xs] = t[a][2];
      }
    }
}

/* one image: out (K, H, W) = conv(img (C, H, W)) (+ bias), scratch sc (g->per floats) */
static void dive__wino_img(dive__nn_fn nn, const dive__winofns *wf, const dive__conv_p *p,
                           const dive__wgeo *g, const float *up, const int64_t *off, const float *img,
                           const float *bias, float *out, float *sc) {
  int64_t Tn = g->Tn, HW = (int64_t)p->H * p->W, vs = (int64_t)p->C * Tn, ms = (int64_t)g->Kr * Tn;
  float *pl = sc, *v = pl + 8 * g->ps, *m = v + 16 * vs, *yb = m + 16 * ms;
  int64_t rows = (int64_t)(g->th + 1) * g->tw;
  int c, k, j, xi;
  for (j = 0; j < 8; j++) /* the planes' tails, read by the last block of tiles */
    memset(pl + j * g->ps + rows, 0, sizeof(float) * (size_t)(g->ps - rows));
  for (c = 0; c < p->C; c++) {
    /* planes (i, j) and (i + 2, j) are one stride-2 plane of th + 1 rows, tw apart: for
       each column j the odd input rows -1, 1, 3.. (i = 0, 2) and the even ones (i = 1, 3) */
    wf->tiles(pl, g->ps, img + c * HW, p->H, p->W, g->th, g->tw);
    wf->in(v + c * Tn, vs, pl, g->ps, g->tw, Tn);
  }
  for (xi = 0; xi < 16; xi++)
    dive__nn_gemm(nn, p->K, p->C, up + (int64_t)xi * g->Kr * p->C, v + xi * vs, off, Tn, m + xi * ms);
  for (k = 0; k < p->K; k++)
    wf->out(out + k * HW, p->H, p->W, m + k * Tn, ms, g->th, g->tw, bias ? bias[k] : 0.0f, yb);
}

/* Winograd forward conv (see dive__wino_pick), one parallel region over images as the direct
   path; rstats as there. Returns 0 (nothing done) when the scratch cannot be had. */
static int dive__cpu_wino_fwd(dive__ws *ws, const dive__conv_p *p, float *out, const float *in, const float *w,
                              const float *b, const dive__fwd_epi *epi) {
  dive__wgeo g;
  dive__nn_fn nn = dive__nn_kernel();
  const dive__rowfns *f = dive__rowfns_get();
  const dive__winofns *wf = dive__winofns_get();
  dive__epi_fn ep = dive__epi_kernel();
  int nt = dive__parts(p->N), c;
  int64_t nu, HW = (int64_t)p->H * p->W;
  float *base, *cur, *up;
  int64_t *off;
  dive__wgeo_init(p, &g);
  nu = 16 * (int64_t)g.Kr * p->C;
  base = dive__ws_get(ws, dive__rup(nu, 16) + dive__rup(2 * (int64_t)p->C, 16) + dive__rup(g.per, 16) * nt);
  if (!base) return 0;
  cur = base;
  up = dive__take(&cur, nu);
  off = (int64_t *)(void *)dive__take(&cur, 2 * (int64_t)p->C);
  dive__wino_pack_u(p, &g, w, 0, up);
  dive__wino_calls[0]++;
  for (c = 0; c < p->C; c++) off[c] = (int64_t)c * g.Tn;
  DIVE__OMP_PARALLEL(nt)
  {
    int t;
    int64_t n;
    for (t = DIVE__TID; t < nt; t += DIVE__NTH)
      for (n = DIVE__PART_LO(p->N, t, nt); n < DIVE__PART_LO(p->N, t + 1, nt); n++) {
        dive__wino_img(nn, wf, p, &g, up, off, in + n * p->C * HW, b, out + n * p->K * HW,
                       cur + dive__rup(g.per, 16) * t);
        dive__fwd_epi_apply(f, ep, epi, p->K, HW, out, NULL, n); /* the bias is in already */
      }
  }
  return 1;
}

/* --- Small outputs, several images at once (the ImageNet family's last stage: 7x7 pixels,
   512-2048 channels). One image gives the GEMMs 49 columns (64 with the padding; Winograd:
   16 tiles) against 1-9 MB of weights, which then stream from memory again for every 32
   columns: the convs ran at 80-130 GFLOP/s, bound by that stream. Here a chunk of images
   sits side by side in the columns (image u at columns u PQ..), the GEMM is blocked so that
   a block of the weights stays in L2 across all of them, and the outputs are scattered back
   per image. Used for the forward conv and for backward-data (as a forward conv of dout, or
   the col matrix and col2im), picked by shape (dive__fwdb_pick). */
static int dive__fwdb_mode = -1; /* -1: the rule (dive__fwdb_pick), 0: never, 1: wherever it applies */
static DIVE__TLS int dive__fwdb_calls; /* chunks run this way by this thread (tests) */
#define DIVE__GB_KC 256 /* rows of B per block: a 32-column panel of them is 32 KB (L1) */
#define DIVE__GB_MC 512 /* rows of the weights per block: MC x KC is 512 KB (L2) */
#define DIVE__GB_COLS 512 /* GEMM columns per chunk, at most (Winograd: 256) */

/* Whether a conv whose GEMMs have `cols` columns per image (P Q, or Winograd's tiles) runs
   in chunks of images: groups 1, at least 128 channels in and out, at most 28x28 columns per
   image (measured: one thread, Intel, AVX-512, bench_zoo_layers: 1.3-1.7x forward at 7x7,
   1.05-1.15x for the 1x1 at 14x14 and 28x28, where a chunk is one image but the blocked GEMM
   still gains; ResNet-32's convs have at most 64 channels and keep their path) */
static int dive__fwdb_pick(const dive__conv_p *p, int64_t cols) {
  if (p->groups != 1 || dive__fwdb_mode == 0) return 0;
  if (dive__fwdb_mode == 1) return 1;
  return p->C >= 128 && p->K >= 128 && cols <= 784;
}
static int dive__fwdb_nb(int64_t cols, int64_t nmax, int wino) {
  return (int)DIVE__MAX(1, DIVE__MIN(nmax, (wino ? DIVE__GB_COLS / 2 : DIVE__GB_COLS) / cols));
}

/* cbuf (rup(M, 8) rows, ldc apart) = packed a (M rows, kc) * B (rows src + off[p], Ln columns,
   a multiple of 16): KC rows of
   B at a time, MC rows of a at a time. The sums over p are split at the KC blocks (the same
   for any thread count). */
static void dive__nn_gemm_blk(dive__nn_fn nn, int M, int kc, const float *apack, const float *src,
                              const int64_t *off, int64_t Ln, int64_t ldc, float *cbuf) {
  int p0, m0, i0, kb, m1;
  int64_t j0;
  for (p0 = 0; p0 < kc; p0 += DIVE__GB_KC) {
    kb = DIVE__MIN(DIVE__GB_KC, kc - p0);
    for (m0 = 0; m0 < M; m0 += DIVE__GB_MC) {
      m1 = DIVE__MIN(M, m0 + DIVE__GB_MC);
      for (j0 = 0; j0 < Ln; j0 += 32) {
        int nr = Ln - j0 >= 32 ? 32 : 16;
        for (i0 = m0; i0 < m1; i0 += DIVE__NN_M)
          nn(kb, apack + (int64_t)i0 * kc + (int64_t)p0 * DIVE__NN_M, src + j0, off + p0,
             cbuf + (int64_t)i0 * ldc + j0, ldc, p0 > 0, nr);
      }
    }
  }
}

/* floats of scratch for dive__gb_gemm's chunks of nb images (M rows of output) */
static int64_t dive__gb_ws(const dive__conv_p *p, int M, int nb) {
  int64_t Ln = dive__rup((int64_t)nb * p->P * p->Q, 16), CRS = (int64_t)p->C * p->R * p->S;
  return dive__rup(CRS * Ln, 16) + dive__rup(dive__rup(M, DIVE__NN_M) * Ln, 16) + 2 * CRS;
}
/* ni images x (the first; xs floats apart) of the conv p (groups 1): B = their im2col side by
   side, then *cb (rup(M, 8), *ln) = apack (M x CRS) B; returns cb's columns */
static float *dive__gb_gemm(dive__nn_fn nn, const dive__conv_p *p, int M, const float *apack, const float *x,
                            int64_t xs, int ni, float *sc, int64_t *ln) {
  int64_t PQ = (int64_t)p->P * p->Q, CRS = (int64_t)p->C * p->R * p->S, Ln = dive__rup(ni * PQ, 16), q;
  float *src = sc, *cbuf = sc + dive__rup(CRS * Ln, 16);
  int64_t *off = (int64_t *)(void *)(cbuf + dive__rup(dive__rup(M, DIVE__NN_M) * Ln, 16));
  int u;
  dive__fwdb_calls++;
  for (u = 0; u < ni; u++) dive__im2col_pq(p, p->C, x + u * xs, src + u * PQ, Ln);
  for (q = 0; q < CRS; q++) {
    memset(src + q * Ln + ni * PQ, 0, sizeof(float) * (size_t)(Ln - ni * PQ));
    off[q] = q * Ln;
  }
  dive__nn_gemm_blk(nn, M, (int)CRS, apack, src, off, Ln, Ln, cbuf);
  *ln = Ln;
  return cbuf;
}
/* out (ni images of (K, P, Q)) = the chunk's columns (+ bias) */
static void dive__gb_scatter(const dive__conv_p *p, const float *cbuf, int64_t Ln, int ni, const float *bias,
                             float *out) {
  int64_t PQ = (int64_t)p->P * p->Q, j;
  int u, k;
  for (u = 0; u < ni; u++)
    for (k = 0; k < p->K; k++) {
      const float *s = cbuf + k * Ln + u * PQ;
      float *d = out + ((int64_t)u * p->K + k) * PQ;
      if (bias)
        for (j = 0; j < PQ; j++) d[j] = s[j] + bias[k];
      else
        memcpy(d, s, sizeof(float) * (size_t)PQ);
    }
}

/* dive__wino_pack_u's U for the output channels [k0, k1) (k0 a multiple of 8): the same
   values, built per 8-row panel and channel in a small tile and stored 8 floats at a time
   (the strided stores of one float per (k, c, xi) cost as much as the GEMMs at 7x7), so
   that the parts can share the packing */
static void dive__winob_pack_u(const dive__conv_p *p, const dive__wgeo *g, const float *w, int flip, float *up,
                               int k0, int k1) {
  int64_t xs = (int64_t)g->Kr * p->C;
  int kp, c, i, a, b, x;
  for (kp = k0; kp < k1; kp += DIVE__NN_M)
    for (c = 0; c < p->C; c++) {
      float uu[16][DIVE__NN_M];
      for (i = 0; i < DIVE__NN_M; i++) {
        int k = kp + i;
        float gg[3][3], t[4][3];
        const float *gp;
        if (k >= p->K) {
          for (x = 0; x < 16; x++) uu[x][i] = 0.0f;
          continue;
        }
        gp = flip ? w + ((int64_t)c * p->K + k) * 9 : w + ((int64_t)k * p->C + c) * 9;
        for (a = 0; a < 3; a++)
          for (b = 0; b < 3; b++) gg[a][b] = flip ? gp[(2 - a) * 3 + 2 - b] : gp[a * 3 + b];
        for (b = 0; b < 3; b++) { /* T = G g */
          t[0][b] = gg[0][b];
          t[1][b] = 0.5f * (gg[0][b] + gg[1][b] + gg[2][b]);
          t[2][b] = 0.5f * (gg[0][b] - gg[1][b] + gg[2][b]);
          t[3][b] = gg[2][b];
        }
        for (a = 0; a < 4; a++) { /* U = T G^T */
          uu[4 * a + 0][i] = t[a][0];
          uu[4 * a + 1][i] = 0.5f * (t[a][0] + t[a][1] + t[a][2]);
          uu[4 * a + 2][i] = 0.5f * (t[a][0] - t[a][1] + t[a][2]);
          uu[4 * a + 3][i] = t[a][2];
        }
      }
      for (x = 0; x < 16; x++)
        memcpy(up + x * xs + (int64_t)kp * p->C + (int64_t)c * DIVE__NN_M, uu[x], sizeof uu[x]);
    }
}

/* Winograd for a chunk of ni images, image u's tiles at columns u T.. (7x7: 16 tiles, 14x14:
   49): g is the one-image geometry, gb the same with Tn = nb T columns rounded up to 16, and
   16 more (dive__winob_geo): the input transform writes, and the output transform reads, an
   image's tiles in blocks of 16, past its last tile; the next image's transform then
   overwrites what was written there, and what is read there is dropped. */
static void dive__winob_geo(const dive__wgeo *g, int nb, const dive__conv_p *p, dive__wgeo *gb) {
  *gb = *g;
  gb->Tn = dive__rup(nb * g->T, 16) + 16;
  gb->per = 8 * g->ps + 16 * (int64_t)p->C * gb->Tn + 16 * (int64_t)g->Kr * gb->Tn + 4 * g->Tn;
}
static void dive__winob_chunk(dive__nn_fn nn, const dive__winofns *wf, const dive__conv_p *p, const dive__wgeo *g,
                              const dive__wgeo *gb, const float *up, const int64_t *off, const float *img, int ni,
                              const float *bias, float *out, float *sc) {
  int64_t Tn = gb->Tn, T = g->T, HW = (int64_t)p->H * p->W, vs = (int64_t)p->C * Tn, ms = (int64_t)g->Kr * Tn;
  float *pl = sc, *v = pl + 8 * g->ps, *m = v + 16 * vs, *yb = m + 16 * ms;
  int64_t rows = (int64_t)(g->th + 1) * g->tw, n = dive__rup(ni * T, 16);
  int c, k, j, xi, u;
  dive__fwdb_calls++;
  for (j = 0; j < 8; j++) memset(pl + j * g->ps + rows, 0, sizeof(float) * (size_t)(g->ps - rows));
  for (u = 0; u < ni; u++)
    for (c = 0; c < p->C; c++) {
      wf->tiles(pl, g->ps, img + ((int64_t)u * p->C + c) * HW, p->H, p->W, g->th, g->tw);
      wf->in(v + c * Tn + u * T, vs, pl, g->ps, g->tw, T);
    }
  for (xi = 0; xi < 16 && n > ni * T; xi++) /* the GEMM's last columns: zeros */
    for (c = 0; c < p->C; c++) memset(v + xi * vs + c * Tn + ni * T, 0, sizeof(float) * (size_t)(n - ni * T));
  for (xi = 0; xi < 16; xi++)
    dive__nn_gemm_blk(nn, p->K, p->C, up + (int64_t)xi * g->Kr * p->C, v + xi * vs, off, n, Tn, m + xi * ms);
  for (u = 0; u < ni; u++)
    for (k = 0; k < p->K; k++)
      wf->out(out + ((int64_t)u * p->K + k) * HW, p->H, p->W, m + k * Tn + u * T, ms, g->th, g->tw,
              bias ? bias[k] : 0.0f, yb);
}

/* The forward conv in chunks of images (dive__fwdb_pick); as dive__cpu_conv2d_fwd_x. Returns 0
   (nothing done) when the conv is not for it or the scratch cannot be had. */
static int dive__cpu_conv_fwdb(dive__ws *ws, const dive__conv_p *p, float *out, const float *in, const float *w,
                               const float *b, const dive__fwd_epi *epi) {
  dive__nn_fn nn = dive__nn_kernel();
  const dive__rowfns *f = dive__rowfns_get();
  const dive__winofns *wf = dive__winofns_get();
  dive__epi_fn ep = dive__epi_kernel();
  dive__wgeo g, gb;
  int nt = dive__parts(p->N), wino = dive__wino_pick(p), nb, c;
  int64_t PQ = (int64_t)p->P * p->Q, HW = (int64_t)p->H * p->W, CRS = (int64_t)p->C * p->R * p->S, na, per;
  int64_t cols = PQ; /* the GEMMs' columns per image */
  const float *eb = dive__fwd_epi_acts(epi) ? b : NULL; /* the epilogue adds the bias then */
  float *base, *cur, *apack;
  int64_t *off;
  memset(&gb, 0, sizeof gb);
  dive__wgeo_init(p, &g);
  if (wino) cols = g.T;
  if (p->groups != 1 || !dive__fwdb_pick(p, cols)) return 0;
  nb = dive__fwdb_nb(cols, (p->N + nt - 1) / nt, wino);
  if (wino) dive__winob_geo(&g, nb, p, &gb);
  na = wino ? 16 * (int64_t)g.Kr * p->C : dive__rup(p->K, DIVE__NN_M) * CRS;
  per = dive__rup(wino ? gb.per : dive__gb_ws(p, p->K, nb), 16);
  base = dive__ws_get(ws, dive__rup(na, 16) + dive__rup(2 * (int64_t)p->C, 16) + per * nt);
  if (!base) return 0;
  cur = base;
  apack = dive__take(&cur, na);
  off = (int64_t *)(void *)dive__take(&cur, 2 * (int64_t)p->C);
  if (wino) dive__wino_calls[0]++;
  for (c = 0; wino && c < p->C; c++) off[c] = (int64_t)c * gb.Tn;
  if (eb) b = NULL;
  DIVE__OMP_PARALLEL(nt)
  {
    int t, ni, np = (int)dive__rup(p->K, DIVE__NN_M) / DIVE__NN_M; /* weight panels */
    int k0 = DIVE__NN_M * (np * DIVE__TID / DIVE__NTH), k1 = DIVE__NN_M * (np * (DIVE__TID + 1) / DIVE__NTH);
    int64_t n, n1, u, ln;
    /* the weights packed by all threads, each its panels */
    if (wino) dive__winob_pack_u(p, &g, w, 0, apack, k0, k1);
    else if (k1 > k0) dive__pack_nn(apack + (int64_t)k0 * CRS, DIVE__MIN(k1, p->K) - k0, (int)CRS, w + (int64_t)k0 * CRS, CRS, 1);
    DIVE__OMP_BARRIER
    for (t = DIVE__TID; t < nt; t += DIVE__NTH)
      for (n = DIVE__PART_LO(p->N, t, nt), n1 = DIVE__PART_LO(p->N, t + 1, nt); n < n1; n += ni) {
        float *sc = cur + per * t;
        ni = (int)DIVE__MIN(nb, n1 - n);
        if (wino) {
          dive__winob_chunk(nn, wf, p, &g, &gb, apack, off, in + n * p->C * HW, ni, b, out + n * p->K * PQ, sc);
        } else {
          const float *cb = dive__gb_gemm(nn, p, p->K, apack, in + n * p->C * HW, (int64_t)p->C * HW, ni, sc, &ln);
          dive__gb_scatter(p, cb, ln, ni, b, out + n * p->K * PQ);
        }
        for (u = n; u < n + ni; u++) dive__fwd_epi_apply(f, ep, epi, p->K, PQ, out, eb, u);
      }
  }
  return 1;
}

/* conv2d forward: one parallel region over images (fixed parts, each writes its own
   images). The packed weights are shared; every part has its own src and cbuf.
   dive__cpu_conv2d_fwd_ws's rstats (optional, 2 N K floats): the mean and M2 of each output
   row (n, k), taken while the image's output is still in cache, for the batch norm that
   follows (the model); dive__cpu_conv2d_fwd_epi: the inference epilogue. */
static void dive__cpu_conv2d_fwd_x(dive__ws *ws, const dive__conv_p *p, float *out, const float *in,
                                   const float *w, const float *b, const dive__fwd_epi *epi) {
  dive__cgeo g;
  dive__nn_fn nn = dive__nn_kernel();
  const dive__rowfns *f = dive__rowfns_get();
  dive__epi_fn ep = dive__epi_kernel();
  int nt = dive__parts(p->N), grp;
  int64_t per, na, noff, HW = (int64_t)p->H * p->W, PQ = (int64_t)p->P * p->Q;
  float *base, *cur, *apack;
  const float *eb = dive__fwd_epi_acts(epi) ? b : NULL; /* the epilogue adds the bias then */
  int64_t *off;
  if (dive__cpu_conv_fwdb(ws, p, out, in, w, b, epi)) return; /* small outputs, images in chunks */
  if (dive__wino_pick(p) && dive__cpu_wino_fwd(ws, p, out, in, w, b, epi)) return;
  if (eb) b = NULL;
  dive__cgeo_init(p, &g);
  na = dive__rup(g.Kg, 8) * g.CRS;
  noff = dive__rup(g.CRS, 8) + DIVE__NT_N;
  per = dive__conv_fwd_ws(&g);
  /* off: noff row offsets, then the plain geometry's tail rows (int64: 2 floats each) */
  base = dive__ws_get(ws, dive__rup(na * p->groups, 16) + dive__rup(4 * noff, 16) + per * nt);
  if (!base) {
    int64_t n;
    dive__ref_conv2d_fwd(p, out, in, w, b);
    for (n = 0; n < p->N; n++) dive__fwd_epi_apply(f, ep, epi, p->K, PQ, out, eb, n);
    return;
  }
  cur = base;
  apack = dive__take(&cur, na * p->groups);
  off = (int64_t *)(void *)dive__take(&cur, 4 * noff);
  for (grp = 0; grp < p->groups; grp++)
    dive__pack_nn(apack + na * grp, g.Kg, g.CRS, w + (int64_t)grp * g.Kg * g.CRS, g.CRS, 1);
  dive__cgeo_offsets(p, &g, off);
  for (grp = 0; grp < g.Cg && g.flat == DIVE__PLAIN; grp++) off[noff + grp] = 16 * (int64_t)grp;
  DIVE__OMP_PARALLEL(nt)
  {
    int t, gi;
    int64_t n;
    for (t = DIVE__TID; t < nt; t += DIVE__NTH) {
      float *src = cur + per * t, *cbuf = src + dive__rup(g.src, 16);
      for (n = DIVE__PART_LO(p->N, t, nt); n < DIVE__PART_LO(p->N, t + 1, nt); n++) {
        for (gi = 0; gi < p->groups; gi++)
          dive__conv_fwd_img(nn, p, &g, apack + na * gi, off, off + noff,
                             in + (n * p->C + (int64_t)gi * g.Cg) * HW, b ? b + gi * g.Kg : NULL,
                             out + (n * p->K + (int64_t)gi * g.Kg) * PQ, src, cbuf);
        dive__fwd_epi_apply(f, ep, epi, p->K, PQ, out, eb, n);
      }
    }
  }
}
static void dive__cpu_conv2d_fwd_ws(dive__ws *ws, const dive__conv_p *p, float *out,
                                    const float *in, const float *w, const float *b, float *rstats) {
  dive__fwd_epi e;
  e.rstats = rstats;
  e.res = NULL;
  e.relu = 0;
  dive__cpu_conv2d_fwd_x(ws, p, out, in, w, b, rstats ? &e : NULL);
}
/* Inference: out = [relu](conv(in, w) + b [+ res]) in one pass over each image's output
   while it is in cache (res: out's shape, or NULL). With dive__bn_fold's weights and bias,
   a basic block's conv + BN (+ shortcut) + ReLU in eval mode. */
static DIVE__UNUSED void dive__cpu_conv2d_fwd_epi(dive__ws *ws, const dive__conv_p *p, float *out, const float *in,
                                                  const float *w, const float *b, const float *res, int relu) {
  dive__fwd_epi e;
  e.rstats = NULL;
  e.res = res;
  e.relu = relu;
  dive__cpu_conv2d_fwd_x(ws, p, out, in, w, b, &e);
}
/* the same with a scratch buffer of its own (tests and benches call the kernels directly) */
static DIVE__UNUSED void dive__cpu_conv2d_fwd(const dive__conv_p *p, float *out, const float *in,
                                              const float *w, const float *b) {
  dive__ws ws = {NULL, 0};
  dive__cpu_conv2d_fwd_ws(&ws, p, out, in, w, b, NULL);
  DIVE_FREE(ws.base);
}

/* Backward data as a forward conv: for stride 1 and a square kernel with pad <= R-1,
   din = conv(dout, w flipped in r,s with C and K swapped, pad R-1-pad). */
static int dive__conv_bwd_as_fwd(const dive__conv_p *p, dive__conv_p *q) {
  if (p->stride != 1 || p->R != p->S || p->pad > p->R - 1) return 0;
  *q = *p;
  q->C = p->K; q->H = p->P; q->W = p->Q;
  q->K = p->C; q->P = p->H; q->Q = p->W;
  q->pad = p->R - 1 - p->pad;
  return 1;
}

/* What the model's backward does to each image's din right after backward-data wrote it
   (still in cache): din += add (the shortcut's gradient, when not NULL), then, when y is
   not NULL, the ReLU mask (y > 0) and the two batch-norm sums of each row, sum(g) and
   sum(g (x - mean)), into sums (2 N C), for the dive__cpu_relu_bn_bwd that follows. */
typedef struct dive__dgrad_epi {
  const float *add, *y, *x, *mean;
  float *sums;
} dive__dgrad_epi;
static void dive__dgrad_epi_apply(const dive__rowfns *f, const dive__dgrad_epi *e, const dive__conv_p *p,
                                  float *din, int64_t n, int c0, int c1) {
  int64_t HW = (int64_t)p->H * p->W, r;
  for (r = n * p->C + c0; r < n * p->C + c1; r++) {
    if (e->add) f->add(din + r * HW, e->add + r * HW, HW);
    if (e->y)
      f->relu_sums(din + r * HW, e->y + r * HW, e->x + r * HW, e->mean[r % p->C], HW, e->sums + 2 * r,
                   e->sums + 2 * r + 1);
  }
}

/* --- Backward-weights as NN GEMMs, for the ImageNet stages (groups 1, C % 16 == 0, see
   dive__dwnn_pick). The NT kernel takes dot products along each image's pixels: with the
   small images of the late stages (7x7: 49 pixels padded to 64) most of its work is lane
   sums, padded columns and copies. Here the pixels of several images are the GEMM's
   reduction instead, and the input channels its columns:
     dw(k, r, s, c) = sum over the chunk's pixels j = (u, oh, ow) of
                      dout(u, k, oh, ow) * xt(u, oh st + r, ow st + s, c),
   with dout packed in 8-row panels along the pixels (dive__pack_nn's layout) and xt the
   chunk's input transposed to (image, row, column, channel), zero-padded: row j of B is
   xt + off[j] + (r Wx + s) C, contiguous along c, so the NN micro-kernel runs as in the
   forward conv (8 x 32 tiles, no lane sums). A 1x1 conv's xt holds only the pixels it reads
   (stride 2: one in four). The partial is (k, (r, s, c)); the reduction reorders it. */
typedef struct dive__dwgeo {
  int sample;     /* a 1x1 without padding: xt holds only the pixels the conv reads */
  int Hx, Wx, st; /* xt's rows and columns per image, and its step per output pixel */
  int nb;         /* images per chunk */
  int64_t cp;     /* floats per pixel of xt: C and one cache line, so that the pixels of a
                     B tile (2 or 4 KB apart otherwise) do not all fall in the same L1 sets */
  int64_t xs;     /* floats of one image's xt: Hx Wx cp */
  int64_t Kr;     /* K rounded up to 8: dout's panel rows, the partial's rows */
  int64_t per;    /* scratch floats per part: xt, the dout panels, the pixels' offsets */
} dive__dwgeo;
static int dive__dwnn_mode = -1; /* -1: the rule (dive__dwnn_pick), 0: never, 1: wherever it applies */
static DIVE__TLS int dive__dwnn_calls; /* backward-weights run this way by this thread (tests) */
#define DIVE__DWNN_JB 512 /* pixels per GEMM call (the reduction's block) */

/* Whether p's backward-weights runs as NN GEMMs. The measured rule (one thread, Intel,
   AVX-512, bench_zoo_layers, backward-weights alone): 3x3 and larger kernels with 128 input
   channels or more (1.05-1.8x; 1.9x at 7x7), or 64 on images of 32x32 or more (1.2x); 1x1
   with 64 channels or more onto at most 14x14 pixels (1.0-1.9x; on more pixels the NT kernel
   reads both operands in place and is as fast or faster). ResNet-32's convs (3x3, <= 64
   channels on at most 8x8 pixels at 64) keep their path. */
static int dive__dwnn_pick(const dive__conv_p *p) {
  if (p->groups != 1 || p->C % 16 != 0 || dive__dwnn_mode == 0) return 0;
  if (dive__dwnn_mode == 1) return 1;
  if (p->R * p->S > 1) return p->C >= 128 || (p->C >= 64 && p->H * p->W >= 1024);
  return p->C >= 64 && p->P * p->Q <= 196;
}

static void dive__dwgeo_init(const dive__conv_p *p, int nmax, dive__dwgeo *q) {
  int64_t PQ = (int64_t)p->P * p->Q;
  int sample = q->sample = p->R == 1 && p->S == 1 && p->pad == 0;
  q->Hx = sample ? p->P : p->H + 2 * p->pad;
  q->Wx = sample ? p->Q : p->W + 2 * p->pad;
  q->st = sample ? 1 : p->stride;
  q->nb = (int)DIVE__MAX(1, DIVE__MIN(DIVE__MIN(16, 1024 / PQ), nmax));
  q->cp = p->C + 16;
  q->xs = (int64_t)q->Hx * q->Wx * q->cp;
  q->Kr = dive__rup(p->K, DIVE__NN_M);
  q->per = dive__rup(q->nb * q->xs, 16) + q->Kr * q->nb * PQ + 2 * q->nb * PQ;
}

/* One chunk of ni images (x: the first's input, dy: its dout): dwp (Kr, RS C) += its sums. */
static void dive__dwnn_chunk(dive__nn_fn nn, const dive__conv_p *p, const dive__dwgeo *q, const float *x,
                             const float *dy, int ni, float *sc, float *dwp) {
  const int64_t HW = (int64_t)p->H * p->W, PQ = (int64_t)p->P * p->Q, npix = ni * PQ, C = p->C, cp = q->cp;
  const int64_t pcol = (int64_t)p->R * p->S * C;
  const int sample = q->sample, ws = sample ? p->stride : 1;
  float *xt = sc, *dpk = sc + dive__rup(q->nb * q->xs, 16);
  int64_t *off = (int64_t *)(void *)(dpk + q->Kr * q->nb * PQ), j0, k0, c0;
  int u, c, h, w, r, s, i, l;
  dive__dwnn_calls++;
  for (u = 0; u < ni; u++) { /* xt: blocks of 16 channels x 16 pixels of a row through a small
                                 transposed copy (reads and writes along lines) */
    float *t = xt + u * q->xs;
    const float *xu = x + (int64_t)u * C * HW;
    int Hs = sample ? p->P : p->H, Ws = sample ? p->Q : p->W, w0, wn, pd = sample ? 0 : p->pad;
    float blk[16][17];
    if (p->pad) memset(t, 0, sizeof(float) * (size_t)q->xs);
    for (c = 0; c < C; c += 16)
      for (h = 0; h < Hs; h++) {
        const float *xr = xu + (int64_t)c * HW + (int64_t)(sample ? h * p->stride : h) * p->W;
        float *tr = t + ((int64_t)(h + pd) * q->Wx + pd) * cp + c;
        for (w0 = 0; w0 < Ws; w0 += 16) {
          wn = DIVE__MIN(16, Ws - w0);
          for (l = 0; l < 16; l++)
            for (w = 0; w < wn; w++) blk[w][l] = xr[(int64_t)l * HW + (int64_t)(w0 + w) * ws];
          for (w = 0; w < wn; w++)
            for (l = 0; l < 16; l++) tr[(int64_t)(w0 + w) * cp + l] = blk[w][l];
        }
      }
  }
  for (k0 = 0; k0 < q->Kr; k0 += DIVE__NN_M) /* dout's panels: a[8 j + i] = dout(u, k0 + i, pixel) */
    for (u = 0; u < ni; u++) {
      float *a = dpk + k0 * npix + u * PQ * DIVE__NN_M;
      const float *d = dy + ((int64_t)u * p->K + k0) * PQ;
      if (k0 + DIVE__NN_M <= p->K)
        for (j0 = 0; j0 < PQ; j0++, a += DIVE__NN_M)
          for (i = 0; i < DIVE__NN_M; i++) a[i] = d[i * PQ + j0];
      else
        for (j0 = 0; j0 < PQ; j0++, a += DIVE__NN_M)
          for (i = 0; i < DIVE__NN_M; i++) a[i] = k0 + i < p->K ? d[i * PQ + j0] : 0.0f;
    }
  for (u = 0; u < ni; u++)
    for (h = 0; h < p->P; h++)
      for (w = 0; w < p->Q; w++)
        off[(u * p->P + h) * p->Q + w] = u * q->xs + ((int64_t)h * q->st * q->Wx + (int64_t)w * q->st) * cp;
  for (j0 = 0; j0 < npix; j0 += DIVE__DWNN_JB) {
    int jn = (int)DIVE__MIN(DIVE__DWNN_JB, npix - j0);
    /* a block of dout panels (<= 256 KB) stays in cache while every B tile passes against it */
    int64_t kb = DIVE__MAX(DIVE__NN_M, 65536 / jn / DIVE__NN_M * DIVE__NN_M), kb0;
    for (kb0 = 0; kb0 < q->Kr; kb0 += kb)
      for (r = 0; r < p->R; r++)
        for (s = 0; s < p->S; s++) {
          const float *b = xt + ((int64_t)r * q->Wx + s) * cp;
          float *d = dwp + (int64_t)(r * p->S + s) * C;
          for (c0 = 0; c0 < C; c0 += 32) {
            int nr = C - c0 >= 32 ? 32 : 16;
            for (k0 = kb0; k0 < DIVE__MIN(kb0 + kb, q->Kr); k0 += DIVE__NN_M)
              nn(jn, dpk + k0 * npix + j0 * DIVE__NN_M, b + c0, off + j0, d + k0 * pcol + c0, pcol, 1, nr);
          }
        }
  }
}

/* conv2d backward, one parallel region over images (fixed parts):
   dw: part t accumulates its images' dout_g * B^T into a private (Kg, CgRS) partial per
       group (the NT kernel, several images at a time when an image is small); after a
       barrier the partials are summed in part order into dw, so dw is deterministic for a
       thread count. When backward-data convolves shifted copies of dout ("shared"), the
       same copies serve backward-weights, with the roles swapped:
         dw(k,c,r,s) = sum_(h,w) x(c,h,w) dout(k, h+pad-r, w+pad-s),
       the dot of x's row c (read in place) with row (k, R-1-r, S-1-s) of the copies, into a
       (Cg, KgRS) partial: the input is never copied in the backward pass.
   din: each image is one part's own output: a forward conv of dout with the flipped
       weights (stride 1), else w_g^T dout_g into a col matrix and col2im.
   db: per channel pairwise sums. */
static void dive__cpu_conv2d_bwd_ws(dive__ws *ws, const dive__conv_p *p, float *din, float *dw,
                                    float *db, const float *dout, const float *in,
                                    const float *w, const dive__dgrad_epi *epi) {
  dive__cgeo g, gq;
  dive__wgeo wq, wqb;
  dive__dwgeo dq;
  dive__conv_p q, q1;
  dive__nn_fn nn = dive__nn_kernel();
  dive__nt_fn nt_k = dive__nt_kernel();
  const dive__rowfns *f = dive__rowfns_get();
  const dive__winofns *wf = dive__winofns_get();
  int nt = dive__parts(p->N), asfwd = dive__conv_bwd_as_fwd(p, &q), grp, shared = 0, wino, nnw, dgb = 0, dgbp, nbd = 1;
  int64_t HW = (int64_t)p->H * p->W, PQ = (int64_t)p->P * p->Q;
  int64_t Kr4, CRSr, nb, na, noff, per_dw, per_din, per, part, prow, pcol;
  float *base, *cur, *apack = NULL, *parts;
  int64_t *off, *offq;
  memset(&dq, 0, sizeof dq); /* set where used; zero for the compilers' flow analysis */
  memset(&wqb, 0, sizeof wqb);
  memset(&q1, 0, sizeof q1);
  dive__cgeo_init(p, &g);
  if (asfwd) dive__cgeo_init(&q, &gq);
  /* backward-data as a Winograd conv: its packed U takes apack's place, its tile columns
     offq's; backward-weights then copies the input (no shared copies of dout) */
  wino = din && asfwd && dive__wino_pick2(&q, 1);
  if (wino) dive__wgeo_init(&q, &wq);
  Kr4 = dive__rup(g.Kg, DIVE__NT_M);
  CRSr = dive__rup(g.CRS, DIVE__NT_N);
  nb = DIVE__MAX(1, DIVE__MIN(8, 1024 / g.Ln)); /* images per NT call: >= ~1024 columns */
  nb = DIVE__MIN(nb, (p->N + nt - 1) / nt);
  /* shifted geometry for backward-data with HW % 16 == 0: backward-weights reads x's rows
     in place against backward-data's copies of dout (their columns are x's pixels), per
     chunk of nb images */
  shared = !wino && asfwd && din && dw && gq.flat == DIVE__SHIFTED && gq.Ln == gq.L && g.Cg % DIVE__NT_M == 0;
  /* or backward-weights as NN GEMMs over several images' pixels (dive__dwnn_chunk) */
  nnw = dw && !shared && dive__dwnn_pick(p);
  if (nnw) dive__dwgeo_init(p, (p->N + nt - 1) / nt, &dq);
  prow = shared ? dive__rup(g.Cg, DIVE__NT_M) : nnw ? dq.Kr : Kr4; /* partial per group: (prow, pcol) */
  pcol = shared ? dive__rup(gq.CRS, DIVE__NT_N) : nnw ? g.CRS : CRSr;
  part = (int64_t)p->groups * prow * pcol;
  per_dw = !dw ? 0 : nnw ? dq.per : shared ? nb * dive__rup(gq.src, 16) + dive__rup(g.Cg, 8) * gq.Ln
                            : nb * (dive__rup(g.src, 16) + Kr4 * g.Ln);
  na = asfwd ? dive__rup(g.Cg, 8) * g.Kg * p->R * p->S : dive__rup(g.CRS, 8) * g.Kg;
  if (wino) na = 16 * (int64_t)wq.Kr * q.C; /* U */
  per_din = !din ? 0 : wino ? wq.per : asfwd ? dive__conv_fwd_ws(&gq)
                             : dive__rup(g.Kg * g.Ln + g.Ln + 32, 16) + dive__rup(g.CRS, 8) * g.Ln;
  /* backward-data in chunks of images (dive__fwdb_pick): Winograd's tiles, the forward conv
     of dout, or the col matrix (of q1: dout's rows side by side) and col2im */
  if (din && !shared && p->groups == 1) {
    int64_t cols = wino ? wq.T : asfwd ? HW : PQ;
    dgb = dive__fwdb_pick(asfwd ? &q : p, cols);
    nbd = dive__fwdb_nb(cols, (p->N + nt - 1) / nt, wino);
  }
  if (dgb && wino) {
    dive__winob_geo(&wq, nbd, &q, &wqb);
    per_din = DIVE__MAX(per_din, wqb.per);
  } else if (dgb) {
    q1 = *p;
    q1.C = p->K; q1.H = p->P; q1.W = p->Q; q1.R = q1.S = 1; q1.stride = 1; q1.pad = 0;
    per_din = DIVE__MAX(per_din, asfwd ? dive__gb_ws(&q, p->C, nbd) : dive__gb_ws(&q1, (int)g.CRS, nbd));
  }
  /* the weights then packed by all threads, each its panels (not the flipped 3x3 ones) */
  dgbp = dgb && (wino || !asfwd || p->R * p->S == 1);
  per = DIVE__MAX(per_dw, per_din) + (dw ? dive__rup(part, 16) : 0);
  noff = dive__rup(DIVE__MAX(DIVE__MAX(g.CRS, g.Kg * p->R * p->S), p->K), 8) + DIVE__NT_N;
  base = (din || dw) ? dive__ws_get(ws, dive__rup(na * p->groups, 16) + 2 * dive__rup(4 * noff, 16) +
                                             per * nt) : NULL;
  if ((din || dw) && !base) {
    int64_t n;
    dive__ref_conv2d_bwd(p, din, dw, db, dout, in, w);
    for (n = 0; epi && din && n < p->N; n++) dive__dgrad_epi_apply(f, epi, p, din, n, 0, p->C);
    return;
  }
  cur = base;
  if (din) apack = dive__take(&cur, na * p->groups);
  if (dgbp) {
    if (wino) dive__wino_calls[1]++;
  } else if (wino) {
    dive__wino_pack_u(&q, &wq, w, 1, apack);
    dive__wino_calls[1]++;
  }
  else if (din) {
    for (grp = 0; grp < p->groups; grp++) {
      const float *wg = w + (int64_t)grp * g.Kg * g.CRS;
      float *ag = apack + na * grp;
      if (asfwd) { /* a'(c, (k,r,s)) = w(k, c, R-1-r, S-1-s): pack through the flip */
        int RS = p->R * p->S, c0, i, k, rs;
        for (c0 = 0; c0 < g.Cg; c0 += DIVE__NN_M)
          for (k = 0; k < g.Kg; k++)
            for (rs = 0; rs < RS; rs++)
              for (i = 0; i < DIVE__NN_M; i++)
                *ag++ = c0 + i < g.Cg ? wg[((int64_t)k * g.Cg + c0 + i) * RS + RS - 1 - rs] : 0.0f;
      } else { /* a(crs, k) = w(k, crs) */
        dive__pack_nn(ag, g.CRS, g.Kg, wg, 1, g.CRS);
      }
    }
  }
  off = (int64_t *)(void *)dive__take(&cur, 4 * noff); /* noff offsets + the plain tail's */
  offq = (int64_t *)(void *)dive__take(&cur, 4 * noff);
  if (dw && !shared) dive__cgeo_offsets(p, &g, off);
  if (dw && !shared && g.flat == DIVE__PLAIN && g.Ln == g.L) /* x read in place: the rows past */
    for (grp = g.CRS; grp < dive__rup(g.CRS, 8) + DIVE__NT_N; grp++) off[grp] = 0; /* CRS land in unused partials */
  if (din && asfwd && !wino) dive__cgeo_offsets(&q, &gq, offq);
  if (din && asfwd && !wino && gq.flat == DIVE__PLAIN) /* the tail's rows (q has Kg input channels) */
    for (grp = 0; grp < gq.Cg; grp++) offq[noff + grp] = 16 * (int64_t)grp;
  if (wino) { /* the rows of V: one per channel of dout */
    int k;
    for (k = 0; k < q.C; k++) offq[k] = (int64_t)k * (dgb ? wqb.Tn : wq.Tn);
  }
  if (din && !asfwd) { /* rows of the dout copy: k * Ln */
    int k;
    for (k = 0; k < g.Kg; k++) offq[k] = (int64_t)k * g.Ln;
  }
  parts = cur;
  DIVE__OMP_PARALLEL(nt)
  {
    int t, gi, k, oh, nc;
    int64_t n, i, n0, n1, ln;
    if (dgbp) {
      int M = wino || asfwd ? p->C : (int)g.CRS, np = (M + DIVE__NN_M - 1) / DIVE__NN_M; /* rows of the packing */
      int m0 = DIVE__NN_M * (np * DIVE__TID / DIVE__NTH), m1 = DIVE__NN_M * (np * (DIVE__TID + 1) / DIVE__NTH);
      if (wino) dive__winob_pack_u(&q, &wq, w, 1, apack, m0, m1);
      else if (DIVE__MIN(m1, M) > m0) /* a(m, k) = w(k, m): asfwd 1x1's flip, or the col path's transpose */
        dive__pack_nn(apack + (int64_t)m0 * p->K, DIVE__MIN(m1, M) - m0, p->K, w + m0, 1, g.CRS);
      DIVE__OMP_BARRIER
    }
    for (t = DIVE__TID; t < nt && (din || dw); t += DIVE__NTH) {
      float *mine = parts + per * t, *dwp = mine + DIVE__MAX(per_dw, per_din);
      n0 = DIVE__PART_LO(p->N, t, nt);
      n1 = DIVE__PART_LO(p->N, t + 1, nt);
      if (dw) memset(dwp, 0, sizeof(float) * (size_t)part);
      if (shared) { /* dout copies (dps, nb of them), then backward-weights, backward-data */
        int64_t sq = dive__rup(gq.src, 16), CHW = (int64_t)p->C * HW;
        float *dps = mine, *cbuf = dps + nb * sq;
        for (gi = 0; gi < p->groups; gi++)
          for (n = n0; n < n1; n += nb) {
            int ni = (int)DIVE__MIN(nb, n1 - n), u;
            const float *x0 = in + (n * p->C + (int64_t)gi * g.Cg) * HW;
            for (u = 0; u < ni; u++)
              dive__conv_src(&q, &gq, dout + ((n + u) * p->K + (int64_t)gi * g.Kg) * PQ, dps + u * sq);
            for (k = 0; k < g.Cg; k += DIVE__NT_M)
              for (i = 0; i < pcol; i += DIVE__NT_N)
                nt_k(HW, ni, x0 + k * HW, HW, CHW, dps, offq + i, sq, dwp + (gi * prow + k) * pcol + i, pcol);
            for (u = 0; u < ni; u++) {
              dive__conv_gemm(nn, &q, &gq, apack + na * gi, offq, dps + u * sq, NULL,
                              din + ((n + u) * p->C + (int64_t)gi * g.Cg) * HW, cbuf);
              if (epi) dive__dgrad_epi_apply(f, epi, p, din, n + u, gi * g.Cg, (gi + 1) * g.Cg);
            }
          }
      } else if (nnw) {
        for (n = n0; n < n1; n += dq.nb)
          dive__dwnn_chunk(nn, p, &dq, in + n * p->C * HW, dout + n * p->K * PQ, (int)DIVE__MIN(dq.nb, n1 - n), mine,
                           dwp);
      } else if (dw) {
        /* dout's rows are already the GEMM's columns (no wrapped columns, PQ % 16 == 0):
           read them in place; else copy them onto the columns, zeros elsewhere */
        int inplace = g.flat != DIVE__FLAT && g.Ln == g.L && g.Kg % DIVE__NT_M == 0;
        int64_t ss = dive__rup(g.src, 16), as = inplace ? (int64_t)p->K * PQ : Kr4 * g.Ln;
        int64_t lda = inplace ? PQ : g.Ln, k0;
        int kb = (int)DIVE__MAX(DIVE__NT_M, 131072 / (g.Ln * nb) / DIVE__NT_M * DIVE__NT_M);
        /* plain geometry, HW % 16 == 0: x's rows are the B rows, read in place too */
        int xin = g.flat == DIVE__PLAIN && g.Ln == g.L;
        float *srcs = mine, *dys = mine + nb * ss;
        for (gi = 0; gi < p->groups; gi++)
          for (n = n0; n < n1; n += nb) {
            int ni = (int)DIVE__MIN(nb, n1 - n), u;
            const float *dy0 = dout + (n * p->K + (int64_t)gi * g.Kg) * PQ, *a0 = inplace ? dy0 : dys;
            for (u = 0; u < ni; u++) { /* B sources, and dout laid out on the same columns */
              const float *dy = dy0 + (int64_t)u * p->K * PQ;
              float *a = dys + u * as;
              if (!xin) dive__conv_src(p, &g, in + ((n + u) * p->C + (int64_t)gi * g.Cg) * HW, srcs + u * ss);
              if (inplace) continue;
              memset(a, 0, sizeof(float) * (size_t)as);
              for (k = 0; k < g.Kg; k++)
                for (oh = 0; oh < p->P; oh++)
                  memcpy(a + k * g.Ln + oh * g.rowl, dy + ((int64_t)k * p->P + oh) * p->Q,
                         sizeof(float) * (size_t)p->Q);
            }
            /* a block of dout rows (<= 512 KB) stays in cache while every source tile (6
               rows, in L1) passes against it: each operand streams from memory once per
               block instead of once per tile of the other. Every tile is still one call
               per chunk, so the sums are those of any other order. */
            for (k0 = 0; k0 < Kr4; k0 += kb)
              for (i = 0; i < CRSr; i += DIVE__NT_N)
                for (k = k0; k < DIVE__MIN(k0 + kb, Kr4); k += DIVE__NT_M)
                  nt_k(g.Ln, ni, a0 + k * lda, lda, as, xin ? in + (n * p->C + (int64_t)gi * g.Cg) * HW : srcs,
                       off + i, xin ? (int64_t)p->C * HW : ss, dwp + (gi * Kr4 + k) * CRSr + i, CRSr);
          }
      }
      if (din && dgb)
        for (n = n0; n < n1; n += nc) {
          const float *dy = dout + n * p->K * PQ, *cb;
          float *dx = din + n * p->C * HW;
          int u;
          nc = (int)DIVE__MIN(nbd, n1 - n);
          if (wino) {
            dive__winob_chunk(nn, wf, &q, &wq, &wqb, apack, offq, dy, nc, NULL, dx, mine);
          } else if (asfwd) {
            cb = dive__gb_gemm(nn, &q, p->C, apack, dy, (int64_t)p->K * PQ, nc, mine, &ln);
            dive__gb_scatter(&q, cb, ln, nc, NULL, dx);
          } else {
            cb = dive__gb_gemm(nn, &q1, (int)g.CRS, apack, dy, (int64_t)p->K * PQ, nc, mine, &ln);
            for (u = 0; u < nc; u++) dive__col2im(p, p->C, cb + u * PQ, ln, dx + u * p->C * HW);
          }
          for (u = 0; u < nc && epi; u++) dive__dgrad_epi_apply(f, epi, p, din, n + u, 0, p->C);
        }
      else if (din && !shared)
        for (n = n0; n < n1; n++)
          for (gi = 0; gi < p->groups; gi++) {
            const float *dy = dout + (n * p->K + (int64_t)gi * g.Kg) * PQ;
            float *dx = din + (n * p->C + (int64_t)gi * g.Cg) * HW;
            if (wino) {
              dive__wino_img(nn, wf, &q, &wq, apack, offq, dy, NULL, dx, mine);
            } else if (asfwd) {
              float *src = mine, *cbuf = src + dive__rup(gq.src, 16);
              dive__conv_fwd_img(nn, &q, &gq, apack + na * gi, offq, offq + noff, dy, NULL, dx, src, cbuf);
            } else { /* col (CRS, Ln) = w_g^T dout_g, then col2im */
              float *src = mine, *cbuf = src + dive__rup(g.Kg * g.Ln + g.Ln + 32, 16);
              for (k = 0; k < g.Kg; k++) {
                memcpy(src + k * g.Ln, dy + k * PQ, sizeof(float) * (size_t)PQ);
                memset(src + k * g.Ln + PQ, 0, sizeof(float) * (size_t)(g.Ln - PQ));
              }
              memset(src + g.Kg * g.Ln, 0, sizeof(float) * (size_t)(g.Ln + 32));
              dive__nn_gemm(nn, g.CRS, g.Kg, apack + na * gi, src, offq, g.Ln, cbuf);
              dive__col2im(p, g.Cg, cbuf, g.Ln, dx);
            }
            if (epi) dive__dgrad_epi_apply(f, epi, p, din, n, gi * g.Cg, (gi + 1) * g.Cg);
          }
    }
    DIVE__OMP_BARRIER
    if (nnw) { /* the same from the (k, (r, s, c)) partials, whole rows per thread: 64 input
                  channels of one (r, s) at a time, summed as vectors (each weight in part
                  order, the same bits) */
      int64_t kk, RS = (int64_t)p->R * p->S, pofs = DIVE__MAX(per_dw, per_din), rs, ci, c, j;
      for (kk = p->K * DIVE__TID / DIVE__NTH; kk < p->K * (DIVE__TID + 1) / DIVE__NTH; kk++)
        for (rs = 0; rs < RS; rs++)
          for (ci = 0; ci < p->C; ci += 64) {
            const float *pr = parts + pofs + kk * pcol + rs * p->C + ci;
            float acc[64], *d = dw + kk * g.CRS + ci * RS + rs;
            int u, l, m = (int)DIVE__MIN(64, p->C - ci); /* a multiple of 16 */
            for (j = 0; j < m; j++) acc[j] = 0.0f;
            for (u = 0; u < nt; u++)
              for (j = 0; j < m; j += 16)
                for (l = 0; l < 16; l++) acc[j + l] += pr[per * u + j + l];
            for (c = 0; c < m; c++) d[c * RS] += acc[c];
          }
    } else if (dw) { /* dw += the parts' partials, in part order; disjoint ranges per thread */
      int64_t nw = (int64_t)p->K * g.CRS, lo = nw * DIVE__TID / DIVE__NTH;
      int64_t hi = nw * (DIVE__TID + 1) / DIVE__NTH, kk;
      int64_t RS = (int64_t)p->R * p->S, pofs = DIVE__MAX(per_dw, per_din);
      for (kk = lo / g.CRS; kk * g.CRS < hi; kk++) { /* by rows: no division per weight */
        int64_t gk = (kk / g.Kg) * prow, c0 = DIVE__MAX(lo - kk * g.CRS, 0), c1 = DIVE__MIN(hi - kk * g.CRS, g.CRS), c;
        /* shared: partial (c, (k, R-1-r, S-1-s)), else (k, (c, r, s)) */
        const float *pr = parts + pofs + (shared ? gk * pcol + (kk % g.Kg) * RS + RS - 1 : (gk + kk % g.Kg) * pcol);
        float *d = dw + kk * g.CRS;
        for (c = c0; c < c1; c++) {
          int64_t at = shared ? (c / RS) * pcol - c % RS : c;
          float sum = 0.0f;
          int u;
          for (u = 0; u < nt; u++) sum += pr[per * u + at];
          d[c] += sum;
        }
      }
    }
    if (db) {
      int lo = p->K * DIVE__TID / DIVE__NTH, hi = p->K * (DIVE__TID + 1) / DIVE__NTH;
      for (k = lo; k < hi; k++)
        db[k] += dive__pdot_rows(dout + k * PQ, 0.0f, NULL, 0.0f, p->N, (int64_t)p->K * PQ, PQ);
    }
  }
}
static DIVE__UNUSED void dive__cpu_conv2d_bwd(const dive__conv_p *p, float *din, float *dw,
                                              float *db, const float *dout, const float *in,
                                              const float *w) {
  dive__ws ws = {NULL, 0};
  dive__cpu_conv2d_bwd_ws(&ws, p, din, dw, db, dout, in, w, NULL);
  DIVE_FREE(ws.base);
}

/* --- fused BN + ReLU (the row functions are above, with the GEMM kernels). */
/* mean and M2 (sum of squared deviations) of rows [lo, hi) of one channel: each row's two
   passes run in cache, rows are merged pairwise with Chan et al.'s update. */
static void dive__bn_stats(const dive__rowfns *f, const float *x, int64_t stride, int64_t n, int lo,
                           int hi, const float *rs, int64_t rstride, float *mean, float *m2) {
  if (hi - lo == 1) {
    if (rs) { /* this row's stats, taken by the conv that wrote it */
      *mean = rs[lo * rstride];
      *m2 = rs[lo * rstride + 1];
    } else {
      f->stats(x + lo * stride, n, mean, m2);
    }
  } else {
    int mid = lo + (hi - lo) / 2;
    float ma, qa, mb, qb, na = (float)((int64_t)(mid - lo) * n), nb = (float)((int64_t)(hi - mid) * n);
    float d;
    dive__bn_stats(f, x, stride, n, lo, mid, rs, rstride, &ma, &qa);
    dive__bn_stats(f, x, stride, n, mid, hi, rs, rstride, &mb, &qb);
    d = mb - ma;
    *mean = ma + d * (nb / (na + nb));
    *m2 = qa + qb + d * d * (na * nb / (na + nb));
  }
}

/* out = [relu](bn(in) [+ res]), OpenMP over channels; saves mean/rstd as dive_batchnorm_forward
   does and updates the running statistics the same way. rstats: the rows' mean and M2 from
   dive__cpu_conv2d_fwd_ws (2 N C floats), or NULL to take them here. */
static void dive__cpu_bn_act_fwd(const dive__bn_p *p, float *out, float *mean, float *rstd,
                                 const float *in, const float *gamma, const float *beta,
                                 float *rmean, float *rvar, const float *res, int relu,
                                 const float *rstats) {
  int64_t M = (int64_t)p->N * p->HW, CHW = (int64_t)p->C * p->HW;
  const dive__rowfns *f = dive__rowfns_get();
  int c;
  DIVE__OMP_FOR
  for (c = 0; c < p->C; c++) {
    float mu, var, rs, scale, shift;
    int64_t n;
    if (p->training) {
      float m2;
      dive__bn_stats(f, in + (int64_t)c * p->HW, CHW, p->HW, 0, p->N, rstats ? rstats + 2 * c : NULL,
                     2 * (int64_t)p->C, &mu, &m2);
      var = m2 / (float)M;
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
    for (n = 0; n < p->N; n++) {
      const int64_t o = n * CHW + (int64_t)c * p->HW;
      f->apply(out + o, in + o, res ? res + o : NULL, scale, shift, relu, p->HW);
    }
  }
}

/* sums of g and g*(x - mu) over rows [lo, hi) of one channel, where g = y > 0 ? dy : 0 is
   written back into dy (the ReLU backward, in place) */
static void dive__relu_bn_sums(const dive__rowfns *f, float *dy, const float *y, const float *x,
                               float mu, int64_t stride, int64_t n, int lo, int hi, const float *rs,
                               int64_t rstride, float *sg, float *sgx) {
  if (hi - lo == 1) {
    if (rs) { /* masked and summed already, by the backward-data that wrote the row */
      *sg = rs[lo * rstride];
      *sgx = rs[lo * rstride + 1];
    } else {
      f->relu_sums(dy + lo * stride, y + lo * stride, x + lo * stride, mu, n, sg, sgx);
    }
  } else {
    int mid = lo + (hi - lo) / 2;
    float a1, a2, b1, b2;
    dive__relu_bn_sums(f, dy, y, x, mu, stride, n, lo, mid, rs, rstride, &a1, &a2);
    dive__relu_bn_sums(f, dy, y, x, mu, stride, n, mid, hi, rs, rstride, &b1, &b2);
    *sg = a1 + b1;
    *sgx = a2 + b2;
  }
}

/* ReLU backward (y: the ReLU's output) fused with BN backward, OpenMP over channels.
   dout is overwritten with the masked gradient (the caller's scratch; the shortcut needs
   it too); din, dgamma += and dbeta += as dive_batchnorm_backward. rsums: dout is masked
   already and these are its rows' two sums (dive__dgrad_epi), or NULL. */
static void dive__cpu_relu_bn_bwd(const dive__bn_p *p, float *din, float *dgamma, float *dbeta,
                                  float *dout, const float *y, const float *in, const float *mean,
                                  const float *rstd, const float *gamma, const float *rsums) {
  int64_t M = (int64_t)p->N * p->HW, CHW = (int64_t)p->C * p->HW;
  const dive__rowfns *f = dive__rowfns_get();
  int c;
  DIVE__OMP_FOR
  for (c = 0; c < p->C; c++) {
    int64_t o = (int64_t)c * p->HW, n;
    float mu = mean[c], rs = rstd[c], sdy, sdyx, k, a, b;
    dive__relu_bn_sums(f, dout + o, y + o, in + o, mu, CHW, p->HW, 0, p->N, rsums ? rsums + 2 * c : NULL,
                       2 * (int64_t)p->C, &sdy, &sdyx);
    sdyx *= rs; /* sum dout xhat */
    if (dbeta) dbeta[c] += sdy;
    if (dgamma) dgamma[c] += sdyx;
    k = gamma[c] * rs;
    a = sdy / (float)M;
    b = sdyx / (float)M * rs;
    for (n = 0; n < p->N; n++) f->dx(din + n * CHW + o, dout + n * CHW + o, in + n * CHW + o, k, a, mu, b, p->HW);
  }
}

/* batchnorm forward: the fused kernel without residual or ReLU. */
static void dive__cpu_bn_fwd(const dive__bn_p *p, float *out, float *mean, float *rstd,
                             const float *in, const float *gamma, const float *beta, float *rmean,
                             float *rvar) {
  dive__cpu_bn_act_fwd(p, out, mean, rstd, in, gamma, beta, rmean, rvar, NULL, 0, NULL);
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
  const dive__rowfns *f = dive__rowfns_get();
  DIVE__OMP_FOR
  for (nc = 0; nc < (int64_t)p->N * p->C; nc++) {
    const float *src = in + nc * HW;
    int oh, ow, i, j;
    if (p->k == 3 && p->stride == 2 && p->pad == 1) { /* the stem's: by rows, per ISA */
      f->pool3s2(out + nc * PQ, argmax + nc * PQ, src, p->H, p->W, p->P, p->Q);
      continue;
    }
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
/* The loss is O(B C): rows in parallel. Each row is its own code, not the reference's:
   float element math (expf, logf) with double sums, three passes over the row (maxima;
   sums of exponentials; everything else, recomputing the exponentials instead of keeping
   them), no scratch. The batch mean is summed afterwards in a fixed order, so it does not
   depend on the thread count. tests/test_loss.c holds this and the reference against
   PyTorch. */
static double dive__cpu_loss_row(const dive__loss_p *p, float *DIVE__RESTRICT dl, const float *DIVE__RESTRICT s,
                                 int y, const float *DIVE__RESTRICT z, const float *DIVE__RESTRICT logp) {
  const int C = p->C;
  const float invB = 1.0f / (float)p->B, T = p->T, invT = 1.0f / p->T, tz = p->power / p->T;
  const float gce = p->wce * invB, gkd = p->wkd * p->T * invB;
  const float mixa = p->alpha, log_mixa = p->mix_gt && p->alpha > 0 ? logf(p->alpha) : 0.0f;
  float mxa = -FLT_MAX, mxs = -FLT_MAX, mxt = -FLT_MAX, lsea = 0, lses = 0, lset = 0;
  double suma = 0, sums = 0, sumt = 0, ce = 0, kl = 0;
  int j;
  for (j = 0; j < C; j++) {
    if (p->use_ce) mxa = DIVE__MAX(mxa, p->prior ? s[j] + logp[j] : s[j]);
    if (p->use_kd) {
      mxs = DIVE__MAX(mxs, s[j] * invT);
      mxt = DIVE__MAX(mxt, z[j] * tz);
    }
  }
  for (j = 0; j < C; j++) {
    if (p->use_ce) suma += expf((p->prior ? s[j] + logp[j] : s[j]) - mxa);
    if (p->use_kd) {
      sums += expf(s[j] * invT - mxs);
      sumt += expf(z[j] * tz - mxt);
    }
  }
  if (p->use_ce) {
    lsea = (float)log(suma);
    ce = (double)(mxa - (p->prior ? s[y] + logp[y] : s[y])) + lsea; /* no cancellation of two large terms */
  }
  if (p->use_kd) {
    lses = (float)log(sums);
    lset = (float)log(sumt);
  }
  for (j = 0; j < C; j++) {
    float g = 0;
    if (p->use_ce) g = gce * (expf((p->prior ? s[j] + logp[j] : s[j]) - mxa - lsea) - (j == y ? 1.0f : 0.0f));
    if (p->use_kd) {
      const float logsT = s[j] * invT - mxs - lses, logt = z[j] * tz - mxt - lset;
      float q, logq;
      if (!p->mix_gt) {
        q = expf(logt);
        logq = logt;
      } else if (j == y) {
        q = (1.0f - mixa) + mixa * expf(logt);
        logq = q > 0 ? logf(q) : 0.0f;
      } else { /* q = alpha t: its log without the underflow of forming alpha t first */
        q = mixa * expf(logt);
        logq = log_mixa + logt;
      }
      if (q > 0) kl += (double)q * (double)(logq - logsT);
      g += gkd * (expf(logsT) - q);
    }
    if (dl) dl[j] = g;
  }
  return p->wce * ce + (double)p->wkd * T * T * kl;
}

/* per_ex holds B doubles of scratch */
static double dive__cpu_loss_fwd(const dive__loss_p *p, float *dlogits, float *per_example,
                                 const float *logits, const int32_t *labels, const float *teacher,
                                 const float *log_prior, double *per_ex) {
  double total = 0;
  int b;
  DIVE__OMP_FOR
  for (b = 0; b < p->B; b++)
    per_ex[b] = dive__cpu_loss_row(p, dlogits ? dlogits + (size_t)b * p->C : NULL, logits + (size_t)b * p->C,
                                   labels[b], teacher ? teacher + (size_t)b * p->C : NULL, log_prior);
  for (b = 0; b < p->B; b++) {
    if (per_example) per_example[b] = (float)per_ex[b];
    total += per_ex[b];
  }
  return total / p->B;
}

/* PyTorch's SGD in chunks of 4096 elements across threads, one straight loop per case
   (plain, momentum, Nesterov) that the compiler vectorizes. */
static void dive__cpu_sgd_step(const dive__sgd_p *p, float *DIVE__RESTRICT param,
                               float *DIVE__RESTRICT mom, const float *DIVE__RESTRICT grad) {
  const int64_t chunk = 4096, nchunk = (p->n + chunk - 1) / chunk;
  const float lr = p->lr, mu = p->momentum, wd = p->wd;
  int64_t c;
  DIVE__OMP_FOR
  for (c = 0; c < nchunk; c++) {
    const int64_t o = c * chunk, e = DIVE__MIN(o + chunk, p->n);
    int64_t i;
    if (!mom) {
      for (i = o; i < e; i++) param[i] -= lr * (grad[i] + wd * param[i]);
    } else if (!p->nesterov) {
      for (i = o; i < e; i++) {
        const float m = mu * mom[i] + (grad[i] + wd * param[i]);
        mom[i] = m;
        param[i] -= lr * m;
      }
    } else {
      for (i = o; i < e; i++) {
        const float d = grad[i] + wd * param[i], m = mu * mom[i] + d;
        mom[i] = m;
        param[i] -= lr * (d + mu * m);
      }
    }
  }
}

/* ============================================================================= >>vulkan */
#ifndef DIVE_NO_VULKAN

/* The Vulkan backend (docs/vulkan.md has the long form).
   - Loading: the volk pattern. VK_NO_PROTOTYPES; libvulkan is dlopen'ed at run time and one
     X-macro list of entry points fills a per-ctx table through vkGetInstanceProcAddr /
     vkGetDeviceProcAddr. DIVE_VK_LINKED links -lvulkan instead of dlopen.
   - Device: DIVE_VK_DEVICE=i / desc.vk_device, else discrete, integrated, then the first.
     In AUTO mode a CPU-type device (lavapipe) is refused, so the ctx falls back to the
     OpenMP backend; an explicit DIVE_BACKEND_VULKAN uses it.
   - Memory: one VkBuffer + VkDeviceMemory per tensor allocation (views share it). On UMA
     devices (integrated / CPU type with device-local host-visible coherent memory) tensors
     are persistently mapped and read/written with memcpy; otherwise they are device-local
     and go through one growable host-visible staging buffer (DIVE_VK_STAGING=1 forces this
     path, so it can be tested on lavapipe).
   - Recording: ops, zero fills and copies are recorded into one command buffer, submitted
     with a fence and waited for at dive_ctx_sync, tensor read/write and free. A barrier goes
     before a command only when it reads a range written, or writes a range read or written,
     since the last barrier (dive__vk_prepare; each shader's readonly qualifiers say what it
     may write), and before the first command of each command buffer.
   - Descriptors: a cache of sets keyed by pipeline + buffers + ranges, written once and
     reused across submissions; a destroyed buffer's sets are recycled (core Vulkan 1.0).
   - Capture and replay: an op sequence recorded once into one command buffer per slot,
     resubmitted with two in flight; per-replay uploads and scalars, a loss ring read late
     (dive__vk_capture_begin and the internal API after it).
   - Pipelines: created lazily per (shader, variant) and cached in the ctx. Work-group size
     of the plain kernels is specialization constant 0 (64; DIVE_VK_WG=n overrides, up to 4x
     that); the implicit-GEMM convolutions take a tile shape (constants 0..5) from a table
     sized to the device (dive__vk_tiles_init, dive__vk_pick_tile). Buffers are bound at an
     offset aligned down to minStorageBufferOffsetAlignment; the element remainder is passed
     as the first push constants (one uint per binding).
   - Profiler: DIVE_VK_PROFILE=1 (timestamps around each dispatch); dive__vk_counters_get.
   - Validation: DIVE_VK_VALIDATION=1 enables VK_LAYER_KHRONOS_validation (+ synchronization
     validation) and a debug-utils messenger that prints and counts warnings and errors.
   - Faults: VK_ERROR_OUT_OF_*_MEMORY -> DIVE_ERR_OOM; VK_ERROR_DEVICE_LOST ->
     DIVE_ERR_DEVICE_LOST and the ctx never submits or waits again (every later call fails
     at once; objects are still destroyed, as the spec allows after a loss). Test builds
     (DIVE_VK_FAULTS) inject both: see dive__vk_fault. */
#if !defined(DIVE_VK_LINKED) && !defined(VK_NO_PROTOTYPES)
#define VK_NO_PROTOTYPES
#endif
#include <vulkan/vulkan.h>
#if !defined(DIVE_VK_LINKED)
#if defined(_WIN32)
#include <windows.h>
#else
#include <dlfcn.h>
#endif
#endif

#define DIVE__STATIC_ASSERT(cond, name) typedef char dive__static_assert_##name[(cond) ? 1 : -1]

/* Entry points, by the object that loads them. */
#define DIVE__VK_LOADER_FNS(X)                                                              \
  X(vkCreateInstance) X(vkEnumerateInstanceLayerProperties)                                 \
  X(vkEnumerateInstanceExtensionProperties)
#define DIVE__VK_INSTANCE_FNS(X)                                                            \
  X(vkDestroyInstance) X(vkEnumeratePhysicalDevices) X(vkGetPhysicalDeviceProperties)       \
  X(vkGetPhysicalDeviceQueueFamilyProperties) X(vkGetPhysicalDeviceMemoryProperties)        \
  X(vkCreateDevice) X(vkGetDeviceProcAddr)
#define DIVE__VK_DEVICE_FNS(X)                                                              \
  X(vkDestroyDevice) X(vkGetDeviceQueue) X(vkDeviceWaitIdle) X(vkQueueSubmit)               \
  X(vkCreateBuffer) X(vkDestroyBuffer) X(vkGetBufferMemoryRequirements) X(vkAllocateMemory) \
  X(vkFreeMemory) X(vkBindBufferMemory) X(vkMapMemory) X(vkUnmapMemory)                     \
  X(vkCreateShaderModule) X(vkDestroyShaderModule) X(vkCreateDescriptorSetLayout)           \
  X(vkDestroyDescriptorSetLayout) X(vkCreatePipelineLayout) X(vkDestroyPipelineLayout)      \
  X(vkCreateComputePipelines) X(vkDestroyPipeline) X(vkCreateDescriptorPool)                \
  X(vkDestroyDescriptorPool) X(vkResetDescriptorPool) X(vkAllocateDescriptorSets)           \
  X(vkUpdateDescriptorSets) X(vkCreateCommandPool) X(vkDestroyCommandPool)                  \
  X(vkAllocateCommandBuffers) X(vkBeginCommandBuffer) X(vkEndCommandBuffer)                 \
  X(vkResetCommandBuffer) X(vkCmdBindPipeline) X(vkCmdBindDescriptorSets)                   \
  X(vkCmdPushConstants) X(vkCmdDispatch) X(vkCmdPipelineBarrier) X(vkCmdFillBuffer)         \
  X(vkCmdCopyBuffer) X(vkCreateFence) X(vkDestroyFence) X(vkWaitForFences) X(vkResetFences)    \
  X(vkGetFenceStatus) X(vkCreateQueryPool) X(vkDestroyQueryPool) X(vkCmdResetQueryPool)        \
  X(vkCmdWriteTimestamp) X(vkGetQueryPoolResults) X(vkFreeCommandBuffers)

typedef struct dive__vk_fns {
#define DIVE__X(f) PFN_##f f;
  DIVE__VK_LOADER_FNS(DIVE__X)
  DIVE__VK_INSTANCE_FNS(DIVE__X)
  DIVE__VK_DEVICE_FNS(DIVE__X)
#undef DIVE__X
  PFN_vkGetPhysicalDeviceProperties2 vkGetPhysicalDeviceProperties2;   /* Vulkan 1.1; optional */
  PFN_vkEnumerateDeviceExtensionProperties vkEnumerateDeviceExtensionProperties;
  PFN_vkCreateDebugUtilsMessengerEXT vkCreateDebugUtilsMessengerEXT;   /* validation only */
  PFN_vkDestroyDebugUtilsMessengerEXT vkDestroyDebugUtilsMessengerEXT;
} dive__vk_fns;

/* Shaders: the generated list becomes an enum here; the SPIR-V words themselves are the
   generated block at the end of the implementation (>>spirv), behind dive__vk_shader. */
// >>>dive-shader-list (generated by shaders/embed.py; do not edit)
#define DIVE__SHADER_LIST(X) \
  X(copy, 2, 0x02) \
  X(relu_fwd, 2, 0x02) \
  X(relu_bwd, 3, 0x04) \
  X(add_fwd, 3, 0x04) \
  X(conv2d_fwd, 4, 0x08) \
  X(conv2d_bwd_x, 3, 0x04) \
  X(conv2d_bwd_w, 4, 0x0c) \
  X(conv2d_bwd_w_reduce, 2, 0x02) \
  X(bn_part, 7, 0x60) \
  X(bn_merge, 8, 0xfe) \
  X(bn_apply, 7, 0x40) \
  X(bn_bwd_apply, 8, 0x80) \
  X(shortcut_fwd, 2, 0x02) \
  X(shortcut_bwd, 2, 0x02) \
  X(maxpool_fwd, 3, 0x06) \
  X(maxpool_bwd, 3, 0x04) \
  X(avgpool_fwd, 2, 0x02) \
  X(avgpool_bwd, 2, 0x02) \
  X(loss_fwd, 6, 0x30) \
  X(sgd_step, 5, 0x06) \
  X(loss_reduce, 3, 0x04) \
  X(nonfinite_scan, 3, 0x04) \
  /* end */
// <<<dive-shader-list
enum {
#define DIVE__X(stem, nbuf, wmask) DIVE__SH_##stem,
  DIVE__SHADER_LIST(DIVE__X)
#undef DIVE__X
  DIVE__SH_COUNT
};
typedef struct dive__vk_shader { const char *name; const uint32_t *words; size_t bytes; } dive__vk_shader;
static const dive__vk_shader *dive__vk_shader_get(int sh); /* defined after the SPIR-V block */
/* bindings per shader and which of them it may write (not `readonly` in its source) */
static const unsigned char dive__vk_shader_io[][2] = {
#define DIVE__X(stem, nbuf, wmask) {nbuf, wmask},
  DIVE__SHADER_LIST(DIVE__X)
#undef DIVE__X
};

#define DIVE__VK_MAX_BINDINGS 8
#define DIVE__VK_POOL_SETS 256           /* descriptor sets per pool */
#define DIVE__VK_STAGING_MAX (16u << 20) /* staging transfers go in chunks of this size */
#define DIVE__VK_NVAR 8                  /* pipeline variants per shader: 0 = plain, 1.. = tiles */
#define DIVE__VK_TRACK 48                /* ranges the hazard tracker holds before a barrier */
#define DIVE__VK_SLOTS 2                 /* replays in flight per capture */
#define DIVE__VK_NSCALARS 16             /* per-replay scalars (dive__vk_capture) */
#define DIVE__VK_RING 64                 /* entries of a capture's loss ring */

typedef struct dive__vk_buf {
  VkBuffer buf;
  VkDeviceMemory mem;
  VkDeviceSize size;
  VkDeviceSize mem_size; /* bytes of mem (the driver's requirement, >= size) */
  void *map; /* persistent mapping (UMA and staging), else NULL */
} dive__vk_buf;

/* A tile shape of the implicit-GEMM kernels (specialization constants 0..5): work group wg
   = (bm/tm) * (bn/tn) invocations computing a bm x bn block of the output, bk deep per
   shared-memory step, tm x tn outputs per invocation. */
typedef struct dive__vk_tile { uint32_t wg, bm, bn, bk, tm, tn; } dive__vk_tile;

typedef struct dive__vk_pipe {
  VkDescriptorSetLayout dsl;
  VkPipelineLayout layout;
  VkPipeline pipe;
  uint32_t pc_size;
  VkDescriptorSet *free_sets; /* sets of evicted cache entries, reused for this pipeline */
  int nfree, cap_free;
} dive__vk_pipe;

/* Descriptor-set cache entry: a set is written once for (pipeline, buffers, ranges) and
   reused by every later dispatch with the same bindings, across submissions, until one of
   its buffers is destroyed. */
typedef struct dive__vk_dkey {
  VkBuffer buf[DIVE__VK_MAX_BINDINGS];
  VkDeviceSize off[DIVE__VK_MAX_BINDINGS], range[DIVE__VK_MAX_BINDINGS];
  uint32_t pipe, nbuf;
} dive__vk_dkey;
typedef struct dive__vk_dent {
  dive__vk_dkey key;
  VkDescriptorSet set;
  int state; /* 0 empty, 1 live, 2 deleted */
} dive__vk_dent;

/* Hazard tracking: the byte ranges written and read since the last barrier. A command that
   reads a written range, or writes a read or written one, gets a barrier first; otherwise it
   runs unordered with its neighbours. `fresh`: a new command buffer, whose first command
   gets a barrier (ordering it after everything submitted before). */
typedef struct dive__vk_span { VkBuffer buf; VkDeviceSize lo, hi; } dive__vk_span;
typedef struct dive__vk_track {
  dive__vk_span w[DIVE__VK_TRACK], r[DIVE__VK_TRACK];
  int nw, nr, fresh;
} dive__vk_track;
typedef struct dive__vk_use { VkBuffer buf; VkDeviceSize lo, hi; int write; } dive__vk_use;

/* Counters (cumulative per ctx; tests and benchmarks take differences). A replay adds the
   dispatches and barriers it contains, its one submit and no descriptor writes. */
typedef struct dive__vk_counters {
  int64_t submits, waits, dispatches, barriers, desc_writes, desc_hits, fills, copies, replays;
  double device_ms; /* timestamped device time (DIVE_VK_PROFILE only) */
} dive__vk_counters;

/* Profiler (DIVE_VK_PROFILE=1): per kernel (pipeline) totals from timestamp queries */
typedef struct dive__vk_kstat { int64_t calls; double ns, flops, bytes; } dive__vk_kstat;
typedef struct dive__vk_qrec { int pipe; double flops, bytes; } dive__vk_qrec; /* per timed dispatch */
typedef struct dive__vk_qset { /* one command buffer's timestamps */
  VkQueryPool pool;
  uint32_t n, cap;    /* dispatches timed, capacity (queries = 2 per dispatch) */
  dive__vk_qrec *rec;
} dive__vk_qset;

/* A captured op sequence (see dive__vk_capture_begin): recorded once into one command
   buffer per slot, replayed with two slots in flight. */
typedef struct dive__vk_capture {
  struct dive__vk_capture *next; /* the ctx's list of live captures */
  VkCommandBuffer cmd[DIVE__VK_SLOTS];
  VkFence fence[DIVE__VK_SLOTS];
  int pending[DIVE__VK_SLOTS]; /* submitted, fence not yet waited for */
  int64_t step[DIVE__VK_SLOTS]; /* the step number each slot last carried */
  dive__vk_buf upload[DIVE__VK_SLOTS]; /* host-visible: scalars, then each upload tensor */
  dive__vk_qset q[DIVE__VK_SLOTS];
  dive__vk_track trk;
  int nup;
  dive_tensor up[8];          /* the tensors refreshed from the host per replay */
  size_t up_off[8];           /* their byte offsets in upload[] */
  dive__vk_buf scal_buf;      /* device copy of the scalars, read by the captured kernels */
  dive_tensor scalars;        /* ... as a tensor */
  dive__vk_buf ring_buf;      /* host-visible loss ring */
  dive_tensor ring;           /* ... as a tensor: DIVE__VK_RING entries of (loss, flags) */
  VkBuffer *bufs;             /* every buffer the recording uses (a freed one invalidates it) */
  int nbufs, cap_bufs;
  int64_t dispatches, barriers; /* per replay */
  /* the dependency depth of the recording: level(c) = 1 + the highest level of an earlier
     command whose writes c reads or overwrites, or whose reads c overwrites (the longest
     chain of hazards; barriers on hazards need at least that many) */
  dive__vk_use *hist;           /* every access recorded, with ... */
  int *hlevel;                  /* ... its command's level */
  int nhist, cap_hist, depth;
  int64_t next_step, done_step; /* replays submitted; all replays < done_step have completed */
  int cur;                      /* the slot handed out by dive__vk_capture_slot, or -1 */
  int recording, valid;
  char why[160];                /* why it became invalid */
} dive__vk_capture;

enum { DIVE__VK_SCR_CONV, DIVE__VK_SCR_STATS, DIVE__VK_SCR_SUMS, DIVE__VK_SCR_N }; /* scratch buffers */

struct dive__vk {
  void *lib; /* dlopen handle (NULL when linked) */
  PFN_vkGetInstanceProcAddr gipa;
  dive__vk_fns fn;
  VkInstance inst;
  VkDebugUtilsMessengerEXT messenger;
  int validation; /* the validation layer is enabled */
  int sync_each;  /* DIVE_VK_SYNC=1: submit and wait after every command (debugging) */
  int msg_errors, msg_warnings;
  VkPhysicalDevice phys;
  VkPhysicalDeviceProperties props;
  VkPhysicalDeviceMemoryProperties memprops;
  VkDevice dev;
  VkQueue queue;
  uint32_t qfam, ts_bits; /* queue family, its timestampValidBits */
  int uma;      /* tensors live in mapped device-local host-visible memory */
  uint32_t wg;  /* work-group size of the plain kernels (specialization constant 0) */
  uint32_t subgroup, cus, shared_max; /* subgroup size, compute units (estimated), shared bytes */
  dive__vk_tile tiles[DIVE__VK_NVAR - 1]; /* variant v >= 1 uses tiles[v - 1] */
  int ntiles;
  int force_tile;  /* DIVE_VK_TILE=v: every tiled GEMM uses variant v (tests), else 0 */
  int force_split; /* DIVE_VK_SPLIT=n: backward-weights in n splits over N*P*Q (tests), else 0 */
  int force_chunk; /* DIVE_VK_CHUNK=L: per-channel partial sums over chunks of L (tests), else 0 */
  VkCommandPool cpool;
  VkCommandBuffer cmd; /* eager recording */
  VkFence fence;
  int recording; /* cmd is begun and holds unsubmitted work */
  dive__vk_track trk;          /* eager recording's hazards */
  dive__vk_qset q;             /* eager recording's timestamps */
  dive__vk_capture *cap;       /* the capture being recorded (commands go there), or NULL */
  dive__vk_capture *caps;      /* live captures */
  VkDescriptorPool *dpools;
  int ndpools, cur_sets; /* pools, and sets taken from the last one */
  dive__vk_dent *dtab;   /* descriptor cache: open addressing, linear probing */
  uint32_t dcap, dlive, ddead;
  VkShaderModule mods[DIVE__SH_COUNT];
  dive__vk_pipe pipes[DIVE__SH_COUNT * DIVE__VK_NVAR]; /* index sh * DIVE__VK_NVAR + variant */
  dive__vk_buf staging;
  dive__vk_buf *scr[DIVE__VK_SCR_N]; /* internal scratch (split-K partials, BN partials) */
  dive__vk_buf **grave;  /* outgrown scratch buffers: recorded work may still use them */
  int ngrave;
  dive_tensor scratch; /* per-example losses when the caller passes none */
  int live_buffers; /* tensor allocations not yet freed */
  int64_t mem_bytes; /* live VkDeviceMemory, tensors + staging (dive_query_device_memory) */
  int lost;          /* VK_ERROR_DEVICE_LOST seen: nothing is submitted or waited for again */
  dive__vk_counters cnt;
  int profile;            /* DIVE_VK_PROFILE */
  dive__vk_kstat *kstat;  /* per pipeline */
  double next_flops;      /* the next dispatch's floating-point operations (profiler) */
  dive__vk_counters sync_mark; /* counters at the last dive_ctx_sync (profile lines) */
  double sync_wall;
#ifdef DIVE_VK_FAULTS
  char fault;                  /* 'o' (oom) or 'l' (lost) from DIVE_VK_FAULT, else 0 */
  long fault_at, fault_count;  /* the N of oom:N / lost:N, and the calls counted so far */
#endif
};

static int dive__vk_msg_total; /* validation messages over every ctx, destroyed ones too */

static const char *dive__vk_result_str(VkResult r) {
  switch (r) {
#define DIVE__R(x) case x: return #x;
    DIVE__R(VK_SUCCESS) DIVE__R(VK_NOT_READY) DIVE__R(VK_TIMEOUT) DIVE__R(VK_INCOMPLETE)
    DIVE__R(VK_ERROR_OUT_OF_HOST_MEMORY) DIVE__R(VK_ERROR_OUT_OF_DEVICE_MEMORY)
    DIVE__R(VK_ERROR_INITIALIZATION_FAILED) DIVE__R(VK_ERROR_DEVICE_LOST)
    DIVE__R(VK_ERROR_MEMORY_MAP_FAILED) DIVE__R(VK_ERROR_LAYER_NOT_PRESENT)
    DIVE__R(VK_ERROR_EXTENSION_NOT_PRESENT) DIVE__R(VK_ERROR_FEATURE_NOT_PRESENT)
    DIVE__R(VK_ERROR_INCOMPATIBLE_DRIVER) DIVE__R(VK_ERROR_TOO_MANY_OBJECTS)
    DIVE__R(VK_ERROR_FORMAT_NOT_SUPPORTED) DIVE__R(VK_ERROR_FRAGMENTED_POOL)
    DIVE__R(VK_ERROR_OUT_OF_POOL_MEMORY) DIVE__R(VK_ERROR_UNKNOWN)
#undef DIVE__R
  default: return "VkResult (unknown)";
  }
}

/* A failed Vulkan call -> sticky ctx error; out-of-memory results map to DIVE_ERR_OOM, a
   lost device to DIVE_ERR_DEVICE_LOST (and marks the device lost for good). */
static dive_status dive__vk_fail(dive_ctx *ctx, const char *call, VkResult r) {
  dive_status s = (r == VK_ERROR_OUT_OF_HOST_MEMORY || r == VK_ERROR_OUT_OF_DEVICE_MEMORY)
                      ? DIVE_ERR_OOM : DIVE_ERR_VULKAN;
  if (r == VK_ERROR_DEVICE_LOST) {
    ctx->vk->lost = 1;
    return dive__ctx_fail(ctx, DIVE_ERR_DEVICE_LOST, "%s: VK_ERROR_DEVICE_LOST: the Vulkan device was lost "
                          "(GPU reset, hang or driver failure); work since the last sync is gone and this "
                          "ctx can run nothing more", call);
  }
  return dive__ctx_fail(ctx, s, "%s: %s", call, dive__vk_result_str(r));
}

/* After a loss every device call fails at once, even when the caller cleared the error. */
static dive_status dive__vk_alive(dive_ctx *ctx) {
  if (!ctx->vk->lost) return DIVE_OK;
  return dive__ctx_fail(ctx, DIVE_ERR_DEVICE_LOST, "the Vulkan device was lost earlier; destroy this ctx");
}

#ifdef DIVE_VK_FAULTS
/* Fault injection (test builds only). DIVE_VK_FAULT=oom:N: the ctx's N-th vkAllocateMemory
   returns VK_ERROR_OUT_OF_DEVICE_MEMORY. lost:N: its N-th queue submit or fence wait (each
   flush makes one of each) and every later one return VK_ERROR_DEVICE_LOST. Read when the
   ctx is created; counted per ctx. */
static dive_status dive__vk_fault_init(dive_ctx *ctx, struct dive__vk *vk) {
  const char *e = getenv("DIVE_VK_FAULT");
  char *end;
  if (!e || !*e) return DIVE_OK;
  vk->fault = !strncmp(e, "oom:", 4) ? 'o' : !strncmp(e, "lost:", 5) ? 'l' : 0;
  vk->fault_at = vk->fault ? strtol(strchr(e, ':') + 1, &end, 10) : 0;
  if (!vk->fault || vk->fault_at < 1 || *end)
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "DIVE_VK_FAULT=%s: expected oom:N or lost:N, N >= 1", e);
  return DIVE_OK;
}
static int dive__vk_fault(struct dive__vk *vk, char kind) {
  if (vk->fault != kind) return 0;
  vk->fault_count++;
  return kind == 'o' ? vk->fault_count == vk->fault_at : vk->fault_count >= vk->fault_at;
}
#define DIVE__VK_FAULT(vk, kind) dive__vk_fault(vk, kind)
#else
#define DIVE__VK_FAULT(vk, kind) 0
#endif
#define DIVE__VK_CHECK(ctx, call)                                          \
  do {                                                                     \
    VkResult dive__r = (call);                                             \
    if (dive__r != VK_SUCCESS) return dive__vk_fail((ctx), #call, dive__r); \
  } while (0)

static VKAPI_ATTR VkBool32 VKAPI_CALL dive__vk_on_message(
    VkDebugUtilsMessageSeverityFlagBitsEXT sev, VkDebugUtilsMessageTypeFlagsEXT type,
    const VkDebugUtilsMessengerCallbackDataEXT *data, void *user) {
  struct dive__vk *vk = (struct dive__vk *)user;
  int err = (sev & VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT) != 0;
  (void)type;
  if (vk) { if (err) vk->msg_errors++; else vk->msg_warnings++; }
#if defined(__GNUC__) || defined(__clang__)
  __atomic_add_fetch(&dive__vk_msg_total, 1, __ATOMIC_RELAXED); /* any thread's ctx may report */
#else
  dive__vk_msg_total++;
#endif
  fprintf(stderr, "dive: vulkan validation %s: %s\n", err ? "error" : "warning",
          data && data->pMessage ? data->pMessage : "(no message)");
  return VK_FALSE;
}

/* Validation messages (warnings + errors) seen by ctx, or by the process when ctx is NULL
   or not on Vulkan. Tests fail on any. */
static DIVE__UNUSED int dive__vk_validation_errors(const dive_ctx *ctx) {
  if (ctx && ctx->vk) return ctx->vk->msg_errors + ctx->vk->msg_warnings;
#if defined(__GNUC__) || defined(__clang__)
  return __atomic_load_n(&dive__vk_msg_total, __ATOMIC_RELAXED);
#else
  return dive__vk_msg_total;
#endif
}
static DIVE__UNUSED int dive__vk_validation_active(const dive_ctx *ctx) {
  return ctx && ctx->vk && ctx->vk->validation && ctx->vk->messenger != VK_NULL_HANDLE;
}

static int dive__vk_env_flag(const char *name) {
  const char *v = getenv(name);
  return v && *v && strcmp(v, "0") != 0;
}

static int dive__vk_has_layer(struct dive__vk *vk, const char *name) {
  VkLayerProperties *l;
  uint32_t n = 0, i;
  int found = 0;
  if (vk->fn.vkEnumerateInstanceLayerProperties(&n, NULL) != VK_SUCCESS || !n) return 0;
  l = (VkLayerProperties *)dive__calloc(n * sizeof *l);
  if (!l) return 0;
  if (vk->fn.vkEnumerateInstanceLayerProperties(&n, l) == VK_SUCCESS)
    for (i = 0; i < n; i++) found |= !strcmp(l[i].layerName, name);
  DIVE_FREE(l);
  return found;
}

static int dive__vk_has_instance_ext(struct dive__vk *vk, const char *layer, const char *name) {
  VkExtensionProperties *e;
  uint32_t n = 0, i;
  int found = 0;
  if (vk->fn.vkEnumerateInstanceExtensionProperties(layer, &n, NULL) != VK_SUCCESS || !n) return 0;
  e = (VkExtensionProperties *)dive__calloc(n * sizeof *e);
  if (!e) return 0;
  if (vk->fn.vkEnumerateInstanceExtensionProperties(layer, &n, e) == VK_SUCCESS)
    for (i = 0; i < n; i++) found |= !strcmp(e[i].extensionName, name);
  DIVE_FREE(e);
  return found;
}

static int dive__vk_memtype(const struct dive__vk *vk, uint32_t bits, VkMemoryPropertyFlags want) {
  uint32_t i;
  for (i = 0; i < vk->memprops.memoryTypeCount; i++)
    if ((bits >> i & 1u) && (vk->memprops.memoryTypes[i].propertyFlags & want) == want) return (int)i;
  return -1;
}

static dive_status dive__vk_load(dive_ctx *ctx, struct dive__vk *vk) {
  PFN_vkGetInstanceProcAddr gipa;
#if defined(DIVE_VK_LINKED)
  gipa = vkGetInstanceProcAddr;
#elif defined(_WIN32)
  vk->lib = (void *)LoadLibraryA("vulkan-1.dll");
  if (!vk->lib) return dive__ctx_fail(ctx, DIVE_ERR_NO_DEVICE, "LoadLibrary(vulkan-1.dll) failed: no Vulkan loader");
  gipa = (PFN_vkGetInstanceProcAddr)GetProcAddress((HMODULE)vk->lib, "vkGetInstanceProcAddr");
#else
#if defined(__APPLE__)
  vk->lib = dlopen("libvulkan.1.dylib", RTLD_NOW | RTLD_LOCAL);
  if (!vk->lib) vk->lib = dlopen("libMoltenVK.dylib", RTLD_NOW | RTLD_LOCAL);
#else
  vk->lib = dlopen("libvulkan.so.1", RTLD_NOW | RTLD_LOCAL);
  if (!vk->lib) vk->lib = dlopen("libvulkan.so", RTLD_NOW | RTLD_LOCAL);
#endif
  if (!vk->lib) return dive__ctx_fail(ctx, DIVE_ERR_NO_DEVICE, "dlopen(libvulkan.so.1) failed: no Vulkan loader");
  gipa = (PFN_vkGetInstanceProcAddr)dlsym(vk->lib, "vkGetInstanceProcAddr");
#endif
  if (!gipa) return dive__ctx_fail(ctx, DIVE_ERR_NO_DEVICE, "vkGetInstanceProcAddr not found: not a Vulkan loader");
#define DIVE__X(f)                                                                        \
  if (!(vk->fn.f = (PFN_##f)gipa(NULL, #f)))                                              \
    return dive__ctx_fail(ctx, DIVE_ERR_NO_DEVICE, "Vulkan loader lacks %s", #f);
  DIVE__VK_LOADER_FNS(DIVE__X)
#undef DIVE__X
  vk->gipa = gipa;
  return DIVE_OK;
}

/* NVIDIA's driver (580.159 seen) takes static TLS each time the loader dlopens it, which
   happens at a process's first live instance, and does not give it back at dlclose, when
   the last instance is destroyed: after about 30 contexts made and destroyed in turn,
   vkCreateInstance fails with VK_ERROR_INCOMPATIBLE_DRIVER (VK_LOADER_DEBUG=error says
   "libnvidia-tls.so: cannot allocate memory in static TLS block"). A bare instance, made
   once at the first context and never destroyed, with a loader reference of its own, keeps
   the loader and its drivers loaded for the life of the process. */
static void dive__vk_anchor(struct dive__vk *vk) {
#if !defined(_WIN32) && !defined(__APPLE__)
  static int made;
  VkApplicationInfo app;
  VkInstanceCreateInfo ci;
  VkInstance inst;
#if defined(__GNUC__) || defined(__clang__)
  if (__atomic_exchange_n(&made, 1, __ATOMIC_ACQ_REL)) return;
#else
  if (made) return;
  made = 1;
#endif
#if !defined(DIVE_VK_LINKED)
  if (!dlopen("libvulkan.so.1", RTLD_NOW | RTLD_LOCAL) && !dlopen("libvulkan.so", RTLD_NOW | RTLD_LOCAL)) return;
#endif
  memset(&app, 0, sizeof app);
  app.sType = VK_STRUCTURE_TYPE_APPLICATION_INFO;
  app.apiVersion = VK_API_VERSION_1_1;
  memset(&ci, 0, sizeof ci);
  ci.sType = VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO;
  ci.pApplicationInfo = &app;
  if (vk->fn.vkCreateInstance(&ci, NULL, &inst) != VK_SUCCESS) return; /* no driver: the ctx will say so */
#else
  (void)vk;
#endif
}

static dive_status dive__vk_create_instance(dive_ctx *ctx, struct dive__vk *vk) {
  PFN_vkGetInstanceProcAddr gipa = vk->gipa;
  VkApplicationInfo app;
  VkInstanceCreateInfo ci;
  VkDebugUtilsMessengerCreateInfoEXT dbg;
  VkValidationFeaturesEXT vf;
  VkValidationFeatureEnableEXT sync_val = VK_VALIDATION_FEATURE_ENABLE_SYNCHRONIZATION_VALIDATION_EXT;
  const char *layers[1] = {"VK_LAYER_KHRONOS_validation"};
  const char *exts[2];
  uint32_t next = 0;
  VkResult r;
  memset(&app, 0, sizeof app);
  app.sType = VK_STRUCTURE_TYPE_APPLICATION_INFO;
  app.pApplicationName = "dive.h";
  app.pEngineName = "dive.h";
  app.apiVersion = VK_API_VERSION_1_1;
  memset(&ci, 0, sizeof ci);
  ci.sType = VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO;
  ci.pApplicationInfo = &app;
  memset(&dbg, 0, sizeof dbg);
  memset(&vf, 0, sizeof vf);
  if (dive__vk_env_flag("DIVE_VK_VALIDATION")) {
    if (!dive__vk_has_layer(vk, layers[0]) ||
        !dive__vk_has_instance_ext(vk, layers[0], VK_EXT_DEBUG_UTILS_EXTENSION_NAME)) {
      dive__log(ctx, DIVE_LOG_WARN, "DIVE_VK_VALIDATION=1 but %s (with debug utils) is not installed",
                layers[0]);
    } else {
      vk->validation = 1;
      ci.enabledLayerCount = 1;
      ci.ppEnabledLayerNames = layers;
      exts[next++] = VK_EXT_DEBUG_UTILS_EXTENSION_NAME;
      dbg.sType = VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT;
      dbg.messageSeverity = VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT |
                            VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
      dbg.messageType = VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT |
                        VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT |
                        VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT;
      dbg.pfnUserCallback = dive__vk_on_message;
      dbg.pUserData = vk;
      ci.pNext = &dbg; /* also reports during vkCreateInstance / vkDestroyInstance */
      if (dive__vk_has_instance_ext(vk, layers[0], VK_EXT_VALIDATION_FEATURES_EXTENSION_NAME)) {
        exts[next++] = VK_EXT_VALIDATION_FEATURES_EXTENSION_NAME;
        vf.sType = VK_STRUCTURE_TYPE_VALIDATION_FEATURES_EXT;
        vf.enabledValidationFeatureCount = 1;
        vf.pEnabledValidationFeatures = &sync_val;
        vf.pNext = &dbg;
        ci.pNext = &vf;
      }
      ci.enabledExtensionCount = next;
      ci.ppEnabledExtensionNames = exts;
    }
  }
  dive__vk_anchor(vk);
  r = vk->fn.vkCreateInstance(&ci, NULL, &vk->inst);
  if (r != VK_SUCCESS) {
    vk->inst = VK_NULL_HANDLE;
    return dive__ctx_fail(ctx, DIVE_ERR_NO_DEVICE, "vkCreateInstance: %s (no Vulkan driver?)",
                          dive__vk_result_str(r));
  }
#define DIVE__X(f)                                                                        \
  if (!(vk->fn.f = (PFN_##f)gipa(vk->inst, #f)))                                          \
    return dive__ctx_fail(ctx, DIVE_ERR_NO_DEVICE, "Vulkan instance lacks %s", #f);
  DIVE__VK_INSTANCE_FNS(DIVE__X)
#undef DIVE__X
  vk->fn.vkGetPhysicalDeviceProperties2 =
      (PFN_vkGetPhysicalDeviceProperties2)gipa(vk->inst, "vkGetPhysicalDeviceProperties2");
  vk->fn.vkEnumerateDeviceExtensionProperties =
      (PFN_vkEnumerateDeviceExtensionProperties)gipa(vk->inst, "vkEnumerateDeviceExtensionProperties");
  if (vk->validation) {
    vk->fn.vkCreateDebugUtilsMessengerEXT =
        (PFN_vkCreateDebugUtilsMessengerEXT)gipa(vk->inst, "vkCreateDebugUtilsMessengerEXT");
    vk->fn.vkDestroyDebugUtilsMessengerEXT =
        (PFN_vkDestroyDebugUtilsMessengerEXT)gipa(vk->inst, "vkDestroyDebugUtilsMessengerEXT");
    if (!vk->fn.vkCreateDebugUtilsMessengerEXT || !vk->fn.vkDestroyDebugUtilsMessengerEXT)
      return dive__ctx_fail(ctx, DIVE_ERR_VULKAN, "vkCreateDebugUtilsMessengerEXT not found");
    dbg.pNext = NULL;
    DIVE__VK_CHECK(ctx, vk->fn.vkCreateDebugUtilsMessengerEXT(vk->inst, &dbg, NULL, &vk->messenger));
  }
  return DIVE_OK;
}

static const char *dive__vk_type_str(VkPhysicalDeviceType t) {
  switch (t) {
  case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: return "discrete";
  case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: return "integrated";
  case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: return "virtual";
  case VK_PHYSICAL_DEVICE_TYPE_CPU: return "cpu";
  default: return "other";
  }
}

/* device_index >= 0: that device; -1: discrete, then integrated, then the first. */
static dive_status dive__vk_pick_device(dive_ctx *ctx, struct dive__vk *vk, int device_index) {
  VkPhysicalDevice devs[64];
  uint32_t n = 64, i, pick = 0;
  int rank, best = -1;
  VkResult r = vk->fn.vkEnumeratePhysicalDevices(vk->inst, &n, devs);
  if ((r != VK_SUCCESS && r != VK_INCOMPLETE) || n == 0)
    return dive__ctx_fail(ctx, DIVE_ERR_NO_DEVICE, "vkEnumeratePhysicalDevices: %s, %u devices",
                          dive__vk_result_str(r), n);
  if (device_index >= 0) {
    if ((uint32_t)device_index >= n)
      return dive__ctx_fail(ctx, DIVE_ERR_NO_DEVICE,
                            "Vulkan device %d requested (DIVE_VK_DEVICE / desc.vk_device) but only "
                            "%u device%s found (indices 0..%u)", device_index, n, n == 1 ? "" : "s", n - 1);
    pick = (uint32_t)device_index;
  } else {
    for (i = 0; i < n; i++) {
      VkPhysicalDeviceProperties p;
      vk->fn.vkGetPhysicalDeviceProperties(devs[i], &p);
      rank = p.deviceType == VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU ? 2
           : p.deviceType == VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU ? 1 : 0;
      if (rank > best) { best = rank; pick = i; }
    }
  }
  vk->phys = devs[pick];
  vk->fn.vkGetPhysicalDeviceProperties(vk->phys, &vk->props);
  vk->fn.vkGetPhysicalDeviceMemoryProperties(vk->phys, &vk->memprops);
  if (VK_API_VERSION_MAJOR(vk->props.apiVersion) == 1 && VK_API_VERSION_MINOR(vk->props.apiVersion) < 1)
    return dive__ctx_fail(ctx, DIVE_ERR_NO_DEVICE, "Vulkan device %u (%s) supports only Vulkan 1.0; 1.1 needed",
                          pick, vk->props.deviceName);
  return DIVE_OK;
}

static int dive__vk_has_device_ext(struct dive__vk *vk, const char *name) {
  VkExtensionProperties *e;
  uint32_t n = 0, i;
  int found = 0;
  if (!vk->fn.vkEnumerateDeviceExtensionProperties ||
      vk->fn.vkEnumerateDeviceExtensionProperties(vk->phys, NULL, &n, NULL) != VK_SUCCESS || !n)
    return 0;
  e = (VkExtensionProperties *)dive__calloc(n * sizeof *e);
  if (!e) return 0;
  if (vk->fn.vkEnumerateDeviceExtensionProperties(vk->phys, NULL, &n, e) == VK_SUCCESS)
    for (i = 0; i < n; i++) found |= !strcmp(e[i].extensionName, name);
  DIVE_FREE(e);
  return found;
}

/* The device's shape for the tiled kernels: subgroup size (core 1.1 properties), shared
   memory, and the number of compute units, which core Vulkan does not report: NVIDIA's
   VK_NV_shader_sm_builtins and AMD's VK_AMD_shader_core_properties do; otherwise an
   estimate by device type (a CPU-type device counts as one unit). Then the tile table: every
   shape that fits the device's limits; dive__vk_pick_tile chooses among them per GEMM. */
static void dive__vk_tiles_init(struct dive__vk *vk) {
  static const dive__vk_tile all[DIVE__VK_NVAR - 1] = {
      /* wg, bm, bn, bk, tm, tn */
      {256, 128, 128, 16, 8, 8}, /* large GEMMs (ResNet-50 widths) */
      {256, 64, 64, 16, 4, 4},   /* the default shape */
      {128, 64, 32, 16, 4, 4},   /* small grids with many output channels */
      {256, 32, 128, 16, 4, 4},  /* 32 output channels (ResNet-32 stage 2) */
      {256, 16, 256, 16, 4, 4},  /* 16 output channels (ResNet-32 stage 1) */
      {64, 16, 64, 16, 4, 4},    /* small grids with few channels; CPU-type devices */
      {128, 4, 128, 16, 4, 1}};  /* grouped convolutions with 4 channels per group */
  const VkPhysicalDeviceLimits *lim = &vk->props.limits;
  int i;
  vk->subgroup = 0;
  vk->cus = 0;
  if (vk->fn.vkGetPhysicalDeviceProperties2) {
    VkPhysicalDeviceProperties2 p2;
    VkPhysicalDeviceSubgroupProperties sg;
    VkPhysicalDeviceShaderSMBuiltinsPropertiesNV nv;
    VkPhysicalDeviceShaderCorePropertiesAMD amd;
    memset(&p2, 0, sizeof p2);
    memset(&sg, 0, sizeof sg);
    memset(&nv, 0, sizeof nv);
    memset(&amd, 0, sizeof amd);
    p2.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PROPERTIES_2;
    sg.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SUBGROUP_PROPERTIES;
    p2.pNext = &sg;
    if (dive__vk_has_device_ext(vk, VK_NV_SHADER_SM_BUILTINS_EXTENSION_NAME)) {
      nv.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SHADER_SM_BUILTINS_PROPERTIES_NV;
      nv.pNext = p2.pNext;
      p2.pNext = &nv;
    }
    if (dive__vk_has_device_ext(vk, VK_AMD_SHADER_CORE_PROPERTIES_EXTENSION_NAME)) {
      amd.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SHADER_CORE_PROPERTIES_AMD;
      amd.pNext = p2.pNext;
      p2.pNext = &amd;
    }
    vk->fn.vkGetPhysicalDeviceProperties2(vk->phys, &p2);
    vk->subgroup = sg.subgroupSize;
    if (nv.shaderSMCount) vk->cus = nv.shaderSMCount;
    else if (amd.computeUnitsPerShaderArray)
      vk->cus = amd.shaderEngineCount * amd.shaderArraysPerEngineCount * amd.computeUnitsPerShaderArray;
  }
  if (!vk->cus)
    vk->cus = vk->props.deviceType == VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU ? 64
            : vk->props.deviceType == VK_PHYSICAL_DEVICE_TYPE_CPU ? 1 : 16;
  vk->shared_max = lim->maxComputeSharedMemorySize;
  vk->ntiles = 0;
  for (i = 0; i < DIVE__VK_NVAR - 1; i++) {
    const dive__vk_tile *t = &all[i];
    uint32_t shared = 4u * t->bk * ((t->bm + 1) + (t->bn + 1));
    /* what shaders/mm.glsl and its loaders assume of a shape */
    DIVE_ASSERT(t->wg == (t->bm / t->tm) * (t->bn / t->tn) && t->wg % t->bk == 0 && t->wg % t->bn == 0);
    if (t->wg > lim->maxComputeWorkGroupInvocations || t->wg > lim->maxComputeWorkGroupSize[0] ||
        shared > vk->shared_max)
      continue;
    vk->tiles[vk->ntiles++] = *t;
  }
}

static dive_status dive__vk_create_device(dive_ctx *ctx, struct dive__vk *vk) {
  VkQueueFamilyProperties qf[32];
  uint32_t nq = 32, i;
  float prio = 1.0f;
  VkDeviceQueueCreateInfo qci;
  VkDeviceCreateInfo dci;
  VkCommandPoolCreateInfo pci;
  VkCommandBufferAllocateInfo cai;
  VkFenceCreateInfo fci;
  int found = 0;
  vk->fn.vkGetPhysicalDeviceQueueFamilyProperties(vk->phys, &nq, qf);
  for (i = 0; i < nq && !found; i++)
    if (qf[i].queueFlags & VK_QUEUE_COMPUTE_BIT) { vk->qfam = i; vk->ts_bits = qf[i].timestampValidBits; found = 1; }
  if (!found)
    return dive__ctx_fail(ctx, DIVE_ERR_NO_DEVICE, "%s: no compute queue", vk->props.deviceName);
  memset(&qci, 0, sizeof qci);
  qci.sType = VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO;
  qci.queueFamilyIndex = vk->qfam;
  qci.queueCount = 1;
  qci.pQueuePriorities = &prio;
  memset(&dci, 0, sizeof dci);
  dci.sType = VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO;
  dci.queueCreateInfoCount = 1;
  dci.pQueueCreateInfos = &qci;
  DIVE__VK_CHECK(ctx, vk->fn.vkCreateDevice(vk->phys, &dci, NULL, &vk->dev));
#define DIVE__X(f)                                                                        \
  if (!(vk->fn.f = (PFN_##f)vk->fn.vkGetDeviceProcAddr(vk->dev, #f)))                     \
    return dive__ctx_fail(ctx, DIVE_ERR_VULKAN, "Vulkan device lacks %s", #f);
  DIVE__VK_DEVICE_FNS(DIVE__X)
#undef DIVE__X
  vk->fn.vkGetDeviceQueue(vk->dev, vk->qfam, 0, &vk->queue);
  memset(&pci, 0, sizeof pci);
  pci.sType = VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO;
  pci.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
  pci.queueFamilyIndex = vk->qfam;
  DIVE__VK_CHECK(ctx, vk->fn.vkCreateCommandPool(vk->dev, &pci, NULL, &vk->cpool));
  memset(&cai, 0, sizeof cai);
  cai.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO;
  cai.commandPool = vk->cpool;
  cai.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
  cai.commandBufferCount = 1;
  DIVE__VK_CHECK(ctx, vk->fn.vkAllocateCommandBuffers(vk->dev, &cai, &vk->cmd));
  memset(&fci, 0, sizeof fci);
  fci.sType = VK_STRUCTURE_TYPE_FENCE_CREATE_INFO;
  DIVE__VK_CHECK(ctx, vk->fn.vkCreateFence(vk->dev, &fci, NULL, &vk->fence));
  return DIVE_OK;
}

static dive_status dive__vk_init(dive_ctx *ctx, int device_index) {
  /* dive_ctx_create stores the requested backend in ctx->backend before this call */
  int auto_mode = ctx->backend == DIVE_BACKEND_AUTO;
  struct dive__vk *vk;
  dive_status s;
  const char *env;
  uint32_t wg;
  vk = (struct dive__vk *)dive__calloc(sizeof *vk);
  if (!vk) return dive__ctx_fail(ctx, DIVE_ERR_OOM, "dive__vk_init: out of memory");
  ctx->vk = vk;
  if ((s = dive__vk_load(ctx, vk))) return s;
  if ((s = dive__vk_create_instance(ctx, vk))) return s;
  if ((s = dive__vk_pick_device(ctx, vk, device_index))) return s;
  if (auto_mode && vk->props.deviceType == VK_PHYSICAL_DEVICE_TYPE_CPU)
    return dive__ctx_fail(ctx, DIVE_ERR_NO_DEVICE,
                          "the only Vulkan device is a CPU (%s): the CPU backend is faster "
                          "(DIVE_BACKEND=vulkan forces it)", vk->props.deviceName);
  if ((s = dive__vk_create_device(ctx, vk))) return s;
  vk->uma = (vk->props.deviceType == VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU ||
             vk->props.deviceType == VK_PHYSICAL_DEVICE_TYPE_CPU) &&
            dive__vk_memtype(vk, ~0u, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT |
                                      VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT |
                                      VK_MEMORY_PROPERTY_HOST_COHERENT_BIT) >= 0 &&
            !dive__vk_env_flag("DIVE_VK_STAGING");
  /* 64 everywhere. On lavapipe larger groups make the reduction kernels' shared-memory
     trees slower (test_train ran 3x faster at 64). On an NVIDIA H200 the order of the sums
     at 128 and 256 put the early-layer gradients of the batch-8 ResNet-32 fixture 5e-3 from
     float64 (the network amplifies fp32 rounding; every op matched the CPU to 1e-6), at 64
     within 1e-4: see docs/vulkan.md. DIVE_VK_WG overrides. */
  wg = 64u;
  wg = DIVE__MIN(wg, vk->props.limits.maxComputeWorkGroupInvocations);
  wg = DIVE__MIN(wg, vk->props.limits.maxComputeWorkGroupSize[0]);
  env = getenv("DIVE_VK_WG");
  if (env && *env) {
    long v = strtol(env, NULL, 10);
    if (v < 1 || (uint32_t)v > wg * 4 || (uint32_t)v > vk->props.limits.maxComputeWorkGroupInvocations ||
        (uint32_t)v > vk->props.limits.maxComputeWorkGroupSize[0])
      return dive__ctx_fail(ctx, DIVE_ERR_ARG, "DIVE_VK_WG=%s: outside 1..device limit", env);
    wg = (uint32_t)v;
  }
  vk->wg = wg;
  vk->sync_each = dive__vk_env_flag("DIVE_VK_SYNC");
  dive__vk_tiles_init(vk);
  env = getenv("DIVE_VK_TILE");
  if (env && *env) {
    long v = strtol(env, NULL, 10);
    if (v < 1 || v > vk->ntiles)
      return dive__ctx_fail(ctx, DIVE_ERR_ARG, "DIVE_VK_TILE=%s: outside 1..%d (the tile shapes this device fits)",
                            env, vk->ntiles);
    vk->force_tile = (int)v;
  }
  env = getenv("DIVE_VK_SPLIT");
  vk->force_split = env && *env ? atoi(env) : 0;
  env = getenv("DIVE_VK_CHUNK");
  vk->force_chunk = env && *env ? atoi(env) : 0;
  if (vk->force_split < 0 || vk->force_chunk < 0)
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "DIVE_VK_SPLIT / DIVE_VK_CHUNK must be positive");
  vk->profile = dive__vk_env_flag("DIVE_VK_PROFILE");
  if (vk->profile && !vk->ts_bits) {
    dive__log(ctx, DIVE_LOG_WARN, "DIVE_VK_PROFILE=1: this queue has no timestamps; counters only");
  }
  if (vk->profile) {
    vk->kstat = (dive__vk_kstat *)dive__calloc(sizeof(dive__vk_kstat) * DIVE__SH_COUNT * DIVE__VK_NVAR);
    if (!vk->kstat) return dive__ctx_fail(ctx, DIVE_ERR_OOM, "DIVE_VK_PROFILE: out of memory");
  }
#ifdef DIVE_VK_FAULTS
  if ((s = dive__vk_fault_init(ctx, vk))) return s;
#endif
  snprintf(ctx->device_name, sizeof ctx->device_name, "%.200s (Vulkan %u.%u, %s%s)", vk->props.deviceName,
           VK_API_VERSION_MAJOR(vk->props.apiVersion), VK_API_VERSION_MINOR(vk->props.apiVersion),
           dive__vk_type_str(vk->props.deviceType), vk->validation ? ", validation" : "");
  dive__log(ctx, DIVE_LOG_INFO, "vulkan: %s, %s memory, work group %u, subgroup %u, %u compute units, "
            "%u KiB shared, %d tile shapes", ctx->device_name, vk->uma ? "mapped (UMA)" : "device-local + staging",
            vk->wg, vk->subgroup, vk->cus, vk->shared_max / 1024, vk->ntiles);
  return DIVE_OK;
}

static void dive__vk_buf_destroy(struct dive__vk *vk, dive__vk_buf *b) {
  if (b->map) vk->fn.vkUnmapMemory(vk->dev, b->mem);
  if (b->buf) vk->fn.vkDestroyBuffer(vk->dev, b->buf, NULL);
  if (b->mem) vk->fn.vkFreeMemory(vk->dev, b->mem, NULL);
  vk->mem_bytes -= (int64_t)b->mem_size;
  memset(b, 0, sizeof *b);
}

static void dive__vk_capture_destroy(dive_ctx *ctx, dive__vk_capture *cap);
static void dive__vk_profile_report(dive_ctx *ctx);

static void dive__vk_qset_destroy(struct dive__vk *vk, dive__vk_qset *q) {
  if (q->pool) vk->fn.vkDestroyQueryPool(vk->dev, q->pool, NULL);
  DIVE_FREE(q->rec);
  memset(q, 0, sizeof *q);
}

static void dive__vk_shutdown(dive_ctx *ctx) {
  struct dive__vk *vk = ctx ? ctx->vk : NULL;
  int i;
  if (!vk) return;
  if (vk->dev) {
    vk->cap = NULL;
    while (vk->caps) dive__vk_capture_destroy(ctx, vk->caps);
    dive_tensor_free(&vk->scratch);
    vk->fn.vkDeviceWaitIdle(vk->dev);
    if (vk->profile) dive__vk_profile_report(ctx);
    if (vk->live_buffers)
      dive__log(ctx, DIVE_LOG_WARN, "dive_ctx_destroy: %d Vulkan tensor allocation%s never freed",
                vk->live_buffers, vk->live_buffers == 1 ? "" : "s");
    for (i = 0; i < DIVE__SH_COUNT * DIVE__VK_NVAR; i++) {
      dive__vk_pipe *p = &vk->pipes[i];
      if (p->pipe) vk->fn.vkDestroyPipeline(vk->dev, p->pipe, NULL);
      if (p->layout) vk->fn.vkDestroyPipelineLayout(vk->dev, p->layout, NULL);
      if (p->dsl) vk->fn.vkDestroyDescriptorSetLayout(vk->dev, p->dsl, NULL);
      DIVE_FREE(p->free_sets);
    }
    for (i = 0; i < DIVE__SH_COUNT; i++)
      if (vk->mods[i]) vk->fn.vkDestroyShaderModule(vk->dev, vk->mods[i], NULL);
    for (i = 0; i < vk->ndpools; i++) vk->fn.vkDestroyDescriptorPool(vk->dev, vk->dpools[i], NULL);
    dive__vk_buf_destroy(vk, &vk->staging);
    for (i = 0; i < DIVE__VK_SCR_N; i++)
      if (vk->scr[i]) { dive__vk_buf_destroy(vk, vk->scr[i]); DIVE_FREE(vk->scr[i]); }
    for (i = 0; i < vk->ngrave; i++) { dive__vk_buf_destroy(vk, vk->grave[i]); DIVE_FREE(vk->grave[i]); }
    dive__vk_qset_destroy(vk, &vk->q);
    if (vk->fence) vk->fn.vkDestroyFence(vk->dev, vk->fence, NULL);
    if (vk->cpool) vk->fn.vkDestroyCommandPool(vk->dev, vk->cpool, NULL);
    vk->fn.vkDestroyDevice(vk->dev, NULL);
  }
  DIVE_FREE(vk->dpools);
  DIVE_FREE(vk->dtab);
  DIVE_FREE(vk->grave);
  DIVE_FREE(vk->kstat);
  if (vk->messenger) vk->fn.vkDestroyDebugUtilsMessengerEXT(vk->inst, vk->messenger, NULL);
  if (vk->inst) vk->fn.vkDestroyInstance(vk->inst, NULL);
#if !defined(DIVE_VK_LINKED)
#if defined(_WIN32)
  if (vk->lib) FreeLibrary((HMODULE)vk->lib);
#else
  if (vk->lib) dlclose(vk->lib);
#endif
#endif
  DIVE_FREE(vk);
  ctx->vk = NULL;
}

/* --- buffers --- */

/* host = 1: host-visible coherent memory, mapped (device-local too when available). */
static dive_status dive__vk_buf_create(dive_ctx *ctx, dive__vk_buf *b, VkDeviceSize size, int host) {
  struct dive__vk *vk = ctx->vk;
  VkBufferCreateInfo bci;
  VkMemoryRequirements req;
  VkMemoryAllocateInfo mai;
  VkMemoryPropertyFlags hv = VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
  VkResult r;
  int type;
  memset(b, 0, sizeof *b);
  memset(&bci, 0, sizeof bci);
  bci.sType = VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO;
  bci.size = size;
  bci.usage = VK_BUFFER_USAGE_STORAGE_BUFFER_BIT | VK_BUFFER_USAGE_TRANSFER_SRC_BIT |
              VK_BUFFER_USAGE_TRANSFER_DST_BIT;
  bci.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
  DIVE__VK_CHECK(ctx, vk->fn.vkCreateBuffer(vk->dev, &bci, NULL, &b->buf));
  vk->fn.vkGetBufferMemoryRequirements(vk->dev, b->buf, &req);
  if (host) {
    type = dive__vk_memtype(vk, req.memoryTypeBits, hv | VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
    if (type < 0) type = dive__vk_memtype(vk, req.memoryTypeBits, hv);
  } else {
    type = dive__vk_memtype(vk, req.memoryTypeBits, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
    if (type < 0) type = dive__vk_memtype(vk, req.memoryTypeBits, 0);
  }
  if (type < 0) {
    dive__vk_buf_destroy(vk, b);
    return dive__ctx_fail(ctx, DIVE_ERR_VULKAN, "no Vulkan memory type for a %s buffer",
                          host ? "host-visible" : "device");
  }
  memset(&mai, 0, sizeof mai);
  mai.sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO;
  mai.allocationSize = req.size;
  mai.memoryTypeIndex = (uint32_t)type;
  r = DIVE__VK_FAULT(vk, 'o') ? VK_ERROR_OUT_OF_DEVICE_MEMORY : vk->fn.vkAllocateMemory(vk->dev, &mai, NULL, &b->mem);
  if (r != VK_SUCCESS) {
    b->mem = VK_NULL_HANDLE;
    dive__vk_buf_destroy(vk, b);
    if (r == VK_ERROR_DEVICE_LOST) return dive__vk_fail(ctx, "vkAllocateMemory", r);
    return dive__ctx_fail(ctx, r == VK_ERROR_OUT_OF_DEVICE_MEMORY || r == VK_ERROR_OUT_OF_HOST_MEMORY
                                   ? DIVE_ERR_OOM : DIVE_ERR_VULKAN,
                          "vkAllocateMemory: %s (%.2f MiB for a %s buffer; the ctx holds %.2f MiB)",
                          dive__vk_result_str(r), (double)req.size / (1024.0 * 1024.0),
                          host ? "host-visible" : "device", (double)vk->mem_bytes / (1024.0 * 1024.0));
  }
  b->mem_size = req.size;
  vk->mem_bytes += (int64_t)req.size;
  r = vk->fn.vkBindBufferMemory(vk->dev, b->buf, b->mem, 0);
  if (r == VK_SUCCESS && host) r = vk->fn.vkMapMemory(vk->dev, b->mem, 0, VK_WHOLE_SIZE, 0, &b->map);
  if (r != VK_SUCCESS) {
    b->map = NULL;
    dive__vk_buf_destroy(vk, b);
    return dive__vk_fail(ctx, host ? "vkBindBufferMemory/vkMapMemory" : "vkBindBufferMemory", r);
  }
  b->size = size;
  return DIVE_OK;
}

/* --- recording: command targets, hazard tracking, timestamps ---

   Commands are recorded into the eager command buffer (vk->cmd, submitted at the next
   sync point), or, while a capture is being recorded, into each of the capture's slot
   command buffers at once (vk->cap). Every recording path (dispatch, fill, copy) goes
   through dive__vk_prepare with the byte ranges the command reads and writes; the tracker
   puts a barrier before it only when it reads what an earlier command wrote since the last
   barrier, or writes what an earlier one read or wrote. */

typedef struct dive__vk_cmds { VkCommandBuffer cb[DIVE__VK_SLOTS]; dive__vk_qset *q[DIVE__VK_SLOTS]; int n; } dive__vk_cmds;

static dive__vk_cmds dive__vk_targets(struct dive__vk *vk) {
  dive__vk_cmds c;
  int i;
  memset(&c, 0, sizeof c);
  if (vk->cap) {
    for (i = 0; i < DIVE__VK_SLOTS; i++) { c.cb[i] = vk->cap->cmd[i]; c.q[i] = &vk->cap->q[i]; }
    c.n = DIVE__VK_SLOTS;
  } else {
    c.cb[0] = vk->cmd;
    c.q[0] = &vk->q;
    c.n = 1;
  }
  return c;
}

static void dive__vk_barrier_cb(struct dive__vk *vk, VkCommandBuffer cb, VkPipelineStageFlags dst_stage,
                                VkAccessFlags dst_access) {
  VkMemoryBarrier mb;
  memset(&mb, 0, sizeof mb);
  mb.sType = VK_STRUCTURE_TYPE_MEMORY_BARRIER;
  mb.srcAccessMask = VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_TRANSFER_WRITE_BIT;
  mb.dstAccessMask = dst_access;
  vk->fn.vkCmdPipelineBarrier(cb, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT | VK_PIPELINE_STAGE_TRANSFER_BIT,
                              dst_stage, 0, 1, &mb, 0, NULL, 0, NULL);
}

/* Timestamps (DIVE_VK_PROFILE): a query pool per command buffer, reset at its start; two
   queries per timed dispatch (top of pipe before, bottom of pipe after). */
static dive_status dive__vk_qset_reset(dive_ctx *ctx, dive__vk_qset *q, VkCommandBuffer cb) {
  struct dive__vk *vk = ctx->vk;
  if (!vk->profile || !vk->ts_bits) return DIVE_OK;
  if (!q->pool) {
    VkQueryPoolCreateInfo qi;
    q->cap = 4096;
    q->rec = (dive__vk_qrec *)dive__calloc(sizeof(dive__vk_qrec) * q->cap);
    if (!q->rec) return dive__ctx_fail(ctx, DIVE_ERR_OOM, "DIVE_VK_PROFILE: out of memory");
    memset(&qi, 0, sizeof qi);
    qi.sType = VK_STRUCTURE_TYPE_QUERY_POOL_CREATE_INFO;
    qi.queryType = VK_QUERY_TYPE_TIMESTAMP;
    qi.queryCount = 2 * q->cap;
    DIVE__VK_CHECK(ctx, vk->fn.vkCreateQueryPool(vk->dev, &qi, NULL, &q->pool));
  }
  q->n = 0;
  vk->fn.vkCmdResetQueryPool(cb, q->pool, 0, 2 * q->cap);
  return DIVE_OK;
}

/* After the command buffer's fence: add its dispatches' times to the per-kernel totals. */
static void dive__vk_qset_collect(struct dive__vk *vk, dive__vk_qset *q) {
  uint64_t *ts;
  uint32_t i;
  uint64_t lo = UINT64_MAX, hi = 0, mask;
  if (!q->pool || !q->n) return;
  ts = (uint64_t *)DIVE_MALLOC(sizeof(uint64_t) * 2 * q->n);
  if (!ts) return;
  if (vk->fn.vkGetQueryPoolResults(vk->dev, q->pool, 0, 2 * q->n, sizeof(uint64_t) * 2 * q->n, ts,
                                   sizeof(uint64_t), VK_QUERY_RESULT_64_BIT | VK_QUERY_RESULT_WAIT_BIT) == VK_SUCCESS) {
    mask = vk->ts_bits >= 64 ? UINT64_MAX : ((uint64_t)1 << vk->ts_bits) - 1;
    for (i = 0; i < q->n; i++) {
      uint64_t a = ts[2 * i] & mask, b = ts[2 * i + 1] & mask;
      dive__vk_kstat *k = &vk->kstat[q->rec[i].pipe];
      double ns = (double)((b - a) & mask) * (double)vk->props.limits.timestampPeriod;
      k->calls++;
      k->ns += ns;
      k->flops += q->rec[i].flops;
      k->bytes += q->rec[i].bytes;
      if (a < lo) lo = a;
      if (b > hi) hi = b;
    }
    if (hi > lo) vk->cnt.device_ms += (double)(hi - lo) * (double)vk->props.limits.timestampPeriod * 1e-6;
  }
  DIVE_FREE(ts);
  q->n = 0;
}

static void dive__vk_ts(struct dive__vk *vk, const dive__vk_cmds *c, int end, int pipe, double flops, double bytes) {
  int i;
  if (!vk->profile || !vk->ts_bits) return;
  for (i = 0; i < c->n; i++) {
    dive__vk_qset *q = c->q[i];
    if (!q->pool || q->n >= q->cap) continue; /* past capacity: untimed */
    vk->fn.vkCmdWriteTimestamp(c->cb[i], end ? VK_PIPELINE_STAGE_BOTTOM_OF_PIPE_BIT : VK_PIPELINE_STAGE_TOP_OF_PIPE_BIT,
                               q->pool, 2 * q->n + (uint32_t)end);
    if (end) {
      q->rec[q->n].pipe = pipe;
      q->rec[q->n].flops = flops;
      q->rec[q->n].bytes = bytes;
      q->n++;
    }
  }
}

/* Open the eager command buffer if needed (not while a capture records). */
static dive_status dive__vk_begin(dive_ctx *ctx) {
  struct dive__vk *vk = ctx->vk;
  dive_status s;
  if ((s = dive__vk_alive(ctx))) return s;
  if (!vk->cap && !vk->recording) {
    VkCommandBufferBeginInfo bi;
    memset(&bi, 0, sizeof bi);
    bi.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO;
    bi.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    DIVE__VK_CHECK(ctx, vk->fn.vkBeginCommandBuffer(vk->cmd, &bi));
    vk->recording = 1;
    memset(&vk->trk, 0, sizeof vk->trk);
    vk->trk.fresh = 1;
    if ((s = dive__vk_qset_reset(ctx, &vk->q, vk->cmd))) return s;
  }
  return DIVE_OK;
}

static int dive__vk_overlap(const dive__vk_span *l, int n, const dive__vk_use *u) {
  int i;
  for (i = 0; i < n; i++)
    if (l[i].buf == u->buf && l[i].lo < u->hi && u->lo < l[i].hi) return 1;
  return 0;
}

/* add [lo, hi) of buf to a list, merging with an overlapping or adjacent range of it */
static void dive__vk_span_add(dive__vk_span *l, int *n, const dive__vk_use *u) {
  int i;
  for (i = 0; i < *n; i++)
    if (l[i].buf == u->buf && l[i].lo <= u->hi && u->lo <= l[i].hi) {
      l[i].lo = DIVE__MIN(l[i].lo, u->lo);
      l[i].hi = DIVE__MAX(l[i].hi, u->hi);
      return;
    }
  l[*n].buf = u->buf;
  l[*n].lo = u->lo;
  l[*n].hi = u->hi;
  (*n)++;
}

static dive_status dive__vk_capture_note(dive_ctx *ctx, dive__vk_capture *cap, VkBuffer b) {
  int i;
  for (i = 0; i < cap->nbufs; i++)
    if (cap->bufs[i] == b) return DIVE_OK;
  if (cap->nbufs == cap->cap_bufs) {
    int nc = cap->cap_bufs ? 2 * cap->cap_bufs : 64;
    VkBuffer *nb = (VkBuffer *)DIVE_REALLOC(cap->bufs, sizeof(VkBuffer) * (size_t)nc);
    if (!nb) return dive__ctx_fail(ctx, DIVE_ERR_OOM, "capture: out of memory");
    cap->bufs = nb;
    cap->cap_bufs = nc;
  }
  cap->bufs[cap->nbufs++] = b;
  return DIVE_OK;
}

/* the dependency level of a captured command making the accesses u[0..n) (cap->depth) */
static dive_status dive__vk_capture_level(dive_ctx *ctx, dive__vk_capture *cap, const dive__vk_use *u, int n) {
  int i, j, lv = 0;
  for (j = 0; j < cap->nhist; j++) {
    const dive__vk_use *h = &cap->hist[j];
    if (cap->hlevel[j] <= lv) continue;
    for (i = 0; i < n; i++)
      if (h->buf == u[i].buf && h->lo < u[i].hi && u[i].lo < h->hi && (h->write || u[i].write)) { lv = cap->hlevel[j]; break; }
  }
  lv++;
  if (cap->nhist + n > cap->cap_hist) {
    int nc = 2 * (cap->nhist + n) + 256;
    dive__vk_use *nh = (dive__vk_use *)DIVE_REALLOC(cap->hist, sizeof(dive__vk_use) * (size_t)nc);
    int *nl;
    if (nh) cap->hist = nh;
    nl = nh ? (int *)DIVE_REALLOC(cap->hlevel, sizeof(int) * (size_t)nc) : NULL;
    if (!nl) return dive__ctx_fail(ctx, DIVE_ERR_OOM, "capture: out of memory");
    cap->hlevel = nl;
    cap->cap_hist = nc;
  }
  for (i = 0; i < n; i++) {
    cap->hist[cap->nhist] = u[i];
    cap->hlevel[cap->nhist++] = lv;
  }
  if (lv > cap->depth) cap->depth = lv;
  return DIVE_OK;
}

/* Before recording a command that makes the accesses u[0..n): open the command buffer,
   place a barrier if a hazard needs one, and note the accesses. */
static dive_status dive__vk_prepare(dive_ctx *ctx, const dive__vk_use *u, int n) {
  struct dive__vk *vk = ctx->vk;
  dive__vk_track *tk;
  dive__vk_cmds c;
  dive_status s;
  int i, need, nw = 0;
  if ((s = dive__vk_begin(ctx))) return s;
  tk = vk->cap ? &vk->cap->trk : &vk->trk;
  need = tk->fresh;
  for (i = 0; i < n; i++) {
    nw += u[i].write;
    if (dive__vk_overlap(tk->w, tk->nw, &u[i]) || (u[i].write && dive__vk_overlap(tk->r, tk->nr, &u[i]))) need = 1;
  }
  if (tk->nw + nw > DIVE__VK_TRACK || tk->nr + (n - nw) > DIVE__VK_TRACK) need = 1; /* lists full */
  if (need) {
    c = dive__vk_targets(vk);
    for (i = 0; i < c.n; i++)
      dive__vk_barrier_cb(vk, c.cb[i], VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT | VK_PIPELINE_STAGE_TRANSFER_BIT,
                          VK_ACCESS_SHADER_READ_BIT | VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_TRANSFER_READ_BIT |
                              VK_ACCESS_TRANSFER_WRITE_BIT);
    if (vk->cap) vk->cap->barriers++;
    else vk->cnt.barriers++;
    tk->nw = tk->nr = tk->fresh = 0;
  }
  for (i = 0; i < n; i++) {
    if (u[i].write) dive__vk_span_add(tk->w, &tk->nw, &u[i]);
    else dive__vk_span_add(tk->r, &tk->nr, &u[i]);
    if (vk->cap && (s = dive__vk_capture_note(ctx, vk->cap, u[i].buf))) return s;
  }
  return vk->cap ? dive__vk_capture_level(ctx, vk->cap, u, n) : DIVE_OK;
}

/* the bytes a tensor (view) occupies in its buffer */
static dive__vk_use dive__vk_use_of(const dive_tensor *t, int write) {
  dive__vk_use u;
  u.buf = ((const dive__vk_buf *)t->impl.dev)->buf;
  u.lo = (VkDeviceSize)t->impl.offset * 4;
  u.hi = u.lo + (VkDeviceSize)t->numel * 4;
  u.write = write;
  return u;
}

/* Submit the eager work and wait for it (no-op when nothing is recorded). */
static dive_status dive__vk_submit_eager(dive_ctx *ctx) {
  struct dive__vk *vk = ctx->vk;
  VkSubmitInfo si;
  VkResult r;
  if (!vk->recording) return DIVE_OK;
  dive__vk_barrier_cb(vk, vk->cmd, VK_PIPELINE_STAGE_HOST_BIT, VK_ACCESS_HOST_READ_BIT); /* for mapped reads */
  vk->cnt.barriers++;
  vk->recording = 0;
  r = vk->fn.vkEndCommandBuffer(vk->cmd);
  if (r != VK_SUCCESS) return dive__vk_fail(ctx, "vkEndCommandBuffer", r);
  memset(&si, 0, sizeof si);
  si.sType = VK_STRUCTURE_TYPE_SUBMIT_INFO;
  si.commandBufferCount = 1;
  si.pCommandBuffers = &vk->cmd;
  r = DIVE__VK_FAULT(vk, 'l') ? VK_ERROR_DEVICE_LOST : vk->fn.vkQueueSubmit(vk->queue, 1, &si, vk->fence);
  if (r != VK_SUCCESS) return dive__vk_fail(ctx, "vkQueueSubmit", r);
  vk->cnt.submits++;
  /* A lost device ends this wait in finite time with VK_ERROR_DEVICE_LOST (the spec); the
     injected loss comes after the real wait, so no work stays pending on the device. */
  r = vk->fn.vkWaitForFences(vk->dev, 1, &vk->fence, VK_TRUE, UINT64_MAX);
  vk->cnt.waits++;
  if (r == VK_SUCCESS && DIVE__VK_FAULT(vk, 'l')) r = VK_ERROR_DEVICE_LOST;
  if (r != VK_SUCCESS) return dive__vk_fail(ctx, "vkWaitForFences", r);
  DIVE__VK_CHECK(ctx, vk->fn.vkResetFences(vk->dev, 1, &vk->fence));
  DIVE__VK_CHECK(ctx, vk->fn.vkResetCommandBuffer(vk->cmd, 0));
  dive__vk_qset_collect(vk, &vk->q);
  return DIVE_OK;
}

static dive_status dive__vk_slot_wait(dive_ctx *ctx, dive__vk_capture *cap, int slot);

/* Everything recorded and replayed so far is done: the host may read, write and free. */
static dive_status dive__vk_flush(dive_ctx *ctx) {
  struct dive__vk *vk = ctx->vk;
  dive__vk_capture *cap;
  dive_status s;
  int i;
  if (vk->lost) { /* the recording is dropped: destroying the command pool frees it */
    vk->recording = 0;
    return dive__vk_alive(ctx);
  }
  if (vk->cap)
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "a host read, write, free or sync while a capture is being "
                          "recorded (only ops may be recorded into a capture)");
  if ((s = dive__vk_submit_eager(ctx))) return s;
  for (cap = vk->caps; cap; cap = cap->next)
    for (i = 0; i < DIVE__VK_SLOTS; i++)
      if ((s = dive__vk_slot_wait(ctx, cap, i))) return s;
  return DIVE_OK;
}

static dive_status dive__vk_sync(dive_ctx *ctx);
static int64_t dive__vk_mem_bytes(const dive_ctx *ctx) { return ctx->vk ? ctx->vk->mem_bytes : 0; }

/* a destroyed buffer leaves the descriptor cache, and makes captures that use it invalid */
static void dive__vk_forget_buffer(struct dive__vk *vk, VkBuffer b);

static void dive__vk_buffer_free(dive_ctx *ctx, dive_tensor *t) {
  dive__vk_buf *b = (dive__vk_buf *)t->impl.dev;
  if (!ctx || !ctx->vk || !b) return;
  if (!ctx->vk->cap) dive__vk_flush(ctx); /* recorded or replayed work may still use the buffer */
  else ctx->vk->fn.vkDeviceWaitIdle(ctx->vk->dev);
  dive__vk_forget_buffer(ctx->vk, b->buf);
  dive__vk_buf_destroy(ctx->vk, b);
  DIVE_FREE(b);
  t->impl.dev = NULL;
  ctx->vk->live_buffers--;
}

static dive_status dive__vk_buffer_alloc(dive_ctx *ctx, dive_tensor *t, size_t bytes) {
  dive__vk_buf *b;
  dive_status s;
  if ((s = dive__vk_alive(ctx))) return s;
  if (ctx->vk->cap)
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "dive_tensor_alloc while a capture is being recorded");
  b = (dive__vk_buf *)dive__calloc(sizeof *b);
  if (!b) return dive__ctx_fail(ctx, DIVE_ERR_OOM, "dive_tensor_alloc: out of host memory");
  if ((s = dive__vk_buf_create(ctx, b, (VkDeviceSize)DIVE__MAX(bytes, 4), ctx->vk->uma))) {
    DIVE_FREE(b);
    return s;
  }
  t->impl.dev = b;
  ctx->vk->live_buffers++;
  /* new tensors read as zeros, as on the CPU backend (calloc) */
  if (b->map) {
    memset(b->map, 0, (size_t)b->size);
  } else {
    dive__vk_use u;
    u.buf = b->buf; u.lo = 0; u.hi = b->size; u.write = 1;
    if ((s = dive__vk_prepare(ctx, &u, 1))) return s;
    ctx->vk->fn.vkCmdFillBuffer(ctx->vk->cmd, b->buf, 0, VK_WHOLE_SIZE, 0);
    ctx->vk->cnt.fills++;
  }
  return DIVE_OK;
}

/* Make sure the staging buffer holds `bytes` (called with nothing recorded). */
static dive_status dive__vk_staging(dive_ctx *ctx, size_t bytes) {
  struct dive__vk *vk = ctx->vk;
  if (vk->staging.buf && vk->staging.size >= bytes) return DIVE_OK;
  dive__vk_forget_buffer(vk, vk->staging.buf);
  dive__vk_buf_destroy(vk, &vk->staging);
  return dive__vk_buf_create(ctx, &vk->staging, (VkDeviceSize)bytes, 1);
}

/* record a copy of n bytes (eager recording; the staging transfers) */
static dive_status dive__vk_copy(dive_ctx *ctx, VkBuffer src, VkDeviceSize so, VkBuffer dst, VkDeviceSize dso,
                                 VkDeviceSize n) {
  struct dive__vk *vk = ctx->vk;
  dive__vk_use u[2];
  VkBufferCopy c;
  dive_status s;
  u[0].buf = src; u[0].lo = so; u[0].hi = so + n; u[0].write = 0;
  u[1].buf = dst; u[1].lo = dso; u[1].hi = dso + n; u[1].write = 1;
  if ((s = dive__vk_prepare(ctx, u, 2))) return s;
  c.srcOffset = so;
  c.dstOffset = dso;
  c.size = n;
  vk->fn.vkCmdCopyBuffer(vk->cmd, src, dst, 1, &c);
  vk->cnt.copies++;
  return DIVE_OK;
}

/* Writes and reads wait for all recorded work first: they are the explicit sync points. */
static dive_status dive__vk_write(dive_ctx *ctx, const dive_tensor *t, const void *src, size_t bytes) {
  struct dive__vk *vk = ctx->vk;
  dive__vk_buf *b = (dive__vk_buf *)t->impl.dev;
  VkDeviceSize off = (VkDeviceSize)t->impl.offset * 4;
  size_t done, n;
  dive_status s;
  if ((s = dive__vk_flush(ctx))) return s;
  if (!bytes) return DIVE_OK;
  if (b->map) {
    memcpy((char *)b->map + off, src, bytes);
    return DIVE_OK;
  }
  if ((s = dive__vk_staging(ctx, DIVE__MIN(bytes, (size_t)DIVE__VK_STAGING_MAX)))) return s;
  for (done = 0; done < bytes; done += n) {
    n = DIVE__MIN(bytes - done, (size_t)DIVE__VK_STAGING_MAX);
    memcpy(vk->staging.map, (const char *)src + done, n);
    if ((s = dive__vk_copy(ctx, vk->staging.buf, 0, b->buf, off + done, n))) return s;
    if ((s = dive__vk_flush(ctx))) return s;
  }
  return DIVE_OK;
}

static dive_status dive__vk_read(dive_ctx *ctx, const dive_tensor *t, void *dst, size_t bytes) {
  struct dive__vk *vk = ctx->vk;
  dive__vk_buf *b = (dive__vk_buf *)t->impl.dev;
  VkDeviceSize off = (VkDeviceSize)t->impl.offset * 4;
  size_t done, n;
  dive_status s;
  if ((s = dive__vk_flush(ctx))) return s;
  if (!bytes) return DIVE_OK;
  if (b->map) {
    memcpy(dst, (const char *)b->map + off, bytes);
    return DIVE_OK;
  }
  if ((s = dive__vk_staging(ctx, DIVE__MIN(bytes, (size_t)DIVE__VK_STAGING_MAX)))) return s;
  for (done = 0; done < bytes; done += n) {
    n = DIVE__MIN(bytes - done, (size_t)DIVE__VK_STAGING_MAX);
    if ((s = dive__vk_copy(ctx, b->buf, off + done, vk->staging.buf, 0, n))) return s;
    if ((s = dive__vk_flush(ctx))) return s;
    memcpy((char *)dst + done, vk->staging.map, n);
  }
  return DIVE_OK;
}

/* zero a tensor's range (recorded; into a capture too) */
static dive_status dive__vk_fill_zero(dive_ctx *ctx, const dive_tensor *t) {
  struct dive__vk *vk = ctx->vk;
  dive__vk_buf *b = (dive__vk_buf *)t->impl.dev;
  dive__vk_use u;
  dive__vk_cmds c;
  dive_status s;
  int i;
  if (!t->numel) return DIVE_OK;
  u = dive__vk_use_of(t, 1);
  if ((s = dive__vk_prepare(ctx, &u, 1))) return s;
  c = dive__vk_targets(vk);
  for (i = 0; i < c.n; i++)
    vk->fn.vkCmdFillBuffer(c.cb[i], b->buf, (VkDeviceSize)t->impl.offset * 4, (VkDeviceSize)t->numel * 4, 0);
  if (!vk->cap) vk->cnt.fills++;
  return DIVE_OK;
}

/* --- internal scratch buffers ---
   Growable device buffers for intermediate results (split-K partial sums, BN partial
   statistics). They are not tensors the caller sees: no zero fill, not counted in
   live_buffers. An outgrown one may still be used by recorded (or captured) commands, so it
   is kept until the ctx is destroyed (growth is geometric: at most twice the peak size). */
static DIVE__UNUSED dive_status dive__vk_scratch(dive_ctx *ctx, int which, int64_t nfloat, dive_tensor *view) {
  struct dive__vk *vk = ctx->vk;
  dive__vk_buf *b = vk->scr[which];
  VkDeviceSize need = (VkDeviceSize)DIVE__MAX(nfloat, 1) * 4;
  dive_status s;
  if (need > vk->props.limits.maxStorageBufferRange)
    return dive__ctx_fail(ctx, DIVE_ERR_UNSUPPORTED, "internal scratch of %.1f MiB exceeds the device's "
                          "maxStorageBufferRange", (double)need / 1048576.0);
  if (!b || b->size < need) {
    VkDeviceSize size = b ? DIVE__MAX(need, 2 * b->size) : DIVE__MAX(need, (VkDeviceSize)65536);
    dive__vk_buf *nb = (dive__vk_buf *)dive__calloc(sizeof *nb);
    size = DIVE__MIN(size, (VkDeviceSize)vk->props.limits.maxStorageBufferRange);
    if (!nb) return dive__ctx_fail(ctx, DIVE_ERR_OOM, "scratch: out of host memory");
    if ((s = dive__vk_buf_create(ctx, nb, size, 0))) { DIVE_FREE(nb); return s; }
    if (b) {
      dive__vk_buf **g = (dive__vk_buf **)DIVE_REALLOC(vk->grave, sizeof(*g) * (size_t)(vk->ngrave + 1));
      if (!g) { dive__vk_buf_destroy(vk, nb); DIVE_FREE(nb); return dive__ctx_fail(ctx, DIVE_ERR_OOM, "scratch: out of host memory"); }
      vk->grave = g;
      vk->grave[vk->ngrave++] = b;
    }
    vk->scr[which] = b = nb;
  }
  memset(view, 0, sizeof *view);
  view->ctx = ctx;
  view->dtype = DIVE_F32;
  view->ndim = 1;
  view->shape[0] = (int)DIVE__MIN(nfloat, (int64_t)1 << 30);
  view->shape[1] = view->shape[2] = view->shape[3] = 1;
  view->numel = DIVE__MAX(nfloat, 1);
  view->impl.dev = b;
  return DIVE_OK;
}

/* a tensor view over an internal buffer (rings, scratch) */
static void dive__vk_buf_view(dive_ctx *ctx, dive__vk_buf *b, int64_t nfloat, dive_tensor *view) {
  memset(view, 0, sizeof *view);
  view->ctx = ctx;
  view->dtype = DIVE_F32;
  view->ndim = 1;
  view->shape[0] = (int)nfloat;
  view->shape[1] = view->shape[2] = view->shape[3] = 1;
  view->numel = nfloat;
  view->impl.dev = b;
}

/* --- pipelines: one shader module per shader, one pipeline per (shader, variant) ---
   Variant 0 is the plain kernel (specialization constant 0 = vk->wg); variant v >= 1 is
   the tile shape vk->tiles[v - 1] (constants 0..5 = wg, bm, bn, bk, tm, tn). */

static dive_status dive__vk_pipeline(dive_ctx *ctx, int sh, int var, uint32_t pc_size, dive__vk_pipe **out) {
  struct dive__vk *vk = ctx->vk;
  dive__vk_pipe *p = &vk->pipes[sh * DIVE__VK_NVAR + var];
  uint32_t nbuf = dive__vk_shader_io[sh][0];
  VkDescriptorSetLayoutBinding bind[DIVE__VK_MAX_BINDINGS];
  VkDescriptorSetLayoutCreateInfo dli;
  VkPushConstantRange pcr;
  VkPipelineLayoutCreateInfo pli;
  VkSpecializationMapEntry me[6];
  VkSpecializationInfo spec;
  VkComputePipelineCreateInfo cpi;
  uint32_t i, sv[6];
  *out = p;
  if (p->pipe) {
    DIVE_ASSERT(p->pc_size == pc_size);
    return DIVE_OK;
  }
  DIVE_ASSERT(nbuf <= DIVE__VK_MAX_BINDINGS && pc_size <= 128 && pc_size % 4 == 0);
  DIVE_ASSERT(var == 0 || var <= vk->ntiles);
  p->pc_size = pc_size;
  if (!vk->mods[sh]) {
    VkShaderModuleCreateInfo smi;
    memset(&smi, 0, sizeof smi);
    smi.sType = VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO;
    smi.codeSize = dive__vk_shader_get(sh)->bytes;
    smi.pCode = dive__vk_shader_get(sh)->words;
    DIVE__VK_CHECK(ctx, vk->fn.vkCreateShaderModule(vk->dev, &smi, NULL, &vk->mods[sh]));
  }
  memset(bind, 0, sizeof bind);
  for (i = 0; i < nbuf; i++) {
    bind[i].binding = i;
    bind[i].descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
    bind[i].descriptorCount = 1;
    bind[i].stageFlags = VK_SHADER_STAGE_COMPUTE_BIT;
  }
  memset(&dli, 0, sizeof dli);
  dli.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO;
  dli.bindingCount = nbuf;
  dli.pBindings = bind;
  DIVE__VK_CHECK(ctx, vk->fn.vkCreateDescriptorSetLayout(vk->dev, &dli, NULL, &p->dsl));
  pcr.stageFlags = VK_SHADER_STAGE_COMPUTE_BIT;
  pcr.offset = 0;
  pcr.size = pc_size;
  memset(&pli, 0, sizeof pli);
  pli.sType = VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO;
  pli.setLayoutCount = 1;
  pli.pSetLayouts = &p->dsl;
  pli.pushConstantRangeCount = 1;
  pli.pPushConstantRanges = &pcr;
  DIVE__VK_CHECK(ctx, vk->fn.vkCreatePipelineLayout(vk->dev, &pli, NULL, &p->layout));
  if (var == 0) {
    memset(sv, 0, sizeof sv);
    sv[0] = vk->wg;
  } else {
    const dive__vk_tile *t = &vk->tiles[var - 1];
    sv[0] = t->wg; sv[1] = t->bm; sv[2] = t->bn; sv[3] = t->bk; sv[4] = t->tm; sv[5] = t->tn;
  }
  for (i = 0; i < 6; i++) {
    me[i].constantID = i;
    me[i].offset = 4 * i;
    me[i].size = sizeof(uint32_t);
  }
  spec.mapEntryCount = var == 0 ? 1 : 6;
  spec.pMapEntries = me;
  spec.dataSize = sizeof sv;
  spec.pData = sv;
  memset(&cpi, 0, sizeof cpi);
  cpi.sType = VK_STRUCTURE_TYPE_COMPUTE_PIPELINE_CREATE_INFO;
  cpi.stage.sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO;
  cpi.stage.stage = VK_SHADER_STAGE_COMPUTE_BIT;
  cpi.stage.module = vk->mods[sh];
  cpi.stage.pName = "main";
  cpi.stage.pSpecializationInfo = &spec;
  cpi.layout = p->layout;
  DIVE__VK_CHECK(ctx, vk->fn.vkCreateComputePipelines(vk->dev, VK_NULL_HANDLE, 1, &cpi, NULL, &p->pipe));
  return DIVE_OK;
}

/* --- descriptor cache --- */

static uint32_t dive__vk_dhash(const dive__vk_dkey *k) {
  const unsigned char *b = (const unsigned char *)k;
  uint32_t h = 2166136261u;
  size_t i;
  for (i = 0; i < sizeof *k; i++) h = (h ^ b[i]) * 16777619u;
  return h;
}

static dive__vk_dent *dive__vk_dfind(struct dive__vk *vk, const dive__vk_dkey *k, int for_insert) {
  uint32_t i, mask = vk->dcap - 1;
  dive__vk_dent *tomb = NULL;
  for (i = dive__vk_dhash(k) & mask;; i = (i + 1) & mask) {
    dive__vk_dent *e = &vk->dtab[i];
    if (e->state == 0) return for_insert ? (tomb ? tomb : e) : NULL;
    if (e->state == 2) { if (!tomb) tomb = e; continue; }
    if (!memcmp(&e->key, k, sizeof *k)) return e;
  }
}

static dive_status dive__vk_dgrow(dive_ctx *ctx) {
  struct dive__vk *vk = ctx->vk;
  dive__vk_dent *old = vk->dtab;
  uint32_t oldcap = vk->dcap, i, nc = vk->dcap ? vk->dcap : 256;
  while (nc < 4 * (vk->dlive + 1)) nc *= 2;
  vk->dtab = (dive__vk_dent *)dive__calloc(sizeof(dive__vk_dent) * nc);
  if (!vk->dtab) { vk->dtab = old; return dive__ctx_fail(ctx, DIVE_ERR_OOM, "descriptor cache: out of memory"); }
  vk->dcap = nc;
  vk->ddead = 0;
  for (i = 0; i < oldcap; i++)
    if (old[i].state == 1) *dive__vk_dfind(vk, &old[i].key, 1) = old[i];
  DIVE_FREE(old);
  return DIVE_OK;
}

static dive_status dive__vk_new_set(dive_ctx *ctx, dive__vk_pipe *p, VkDescriptorSet *set) {
  struct dive__vk *vk = ctx->vk;
  VkDescriptorSetAllocateInfo ai;
  if (p->nfree) { *set = p->free_sets[--p->nfree]; return DIVE_OK; }
  if (!vk->ndpools || vk->cur_sets == DIVE__VK_POOL_SETS) { /* grow the chain by one pool */
    VkDescriptorPoolSize ps;
    VkDescriptorPoolCreateInfo pci;
    VkDescriptorPool *np = (VkDescriptorPool *)DIVE_REALLOC(vk->dpools, (size_t)(vk->ndpools + 1) * sizeof *np);
    if (!np) return dive__ctx_fail(ctx, DIVE_ERR_OOM, "descriptor pool list: out of memory");
    vk->dpools = np;
    ps.type = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
    ps.descriptorCount = DIVE__VK_POOL_SETS * DIVE__VK_MAX_BINDINGS;
    memset(&pci, 0, sizeof pci);
    pci.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO;
    pci.maxSets = DIVE__VK_POOL_SETS;
    pci.poolSizeCount = 1;
    pci.pPoolSizes = &ps;
    DIVE__VK_CHECK(ctx, vk->fn.vkCreateDescriptorPool(vk->dev, &pci, NULL, &vk->dpools[vk->ndpools]));
    vk->ndpools++;
    vk->cur_sets = 0;
  }
  memset(&ai, 0, sizeof ai);
  ai.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO;
  ai.descriptorPool = vk->dpools[vk->ndpools - 1];
  ai.descriptorSetCount = 1;
  ai.pSetLayouts = &p->dsl;
  DIVE__VK_CHECK(ctx, vk->fn.vkAllocateDescriptorSets(vk->dev, &ai, set));
  vk->cur_sets++;
  return DIVE_OK;
}

/* the set for these bindings: from the cache, or allocated, written once and cached */
static dive_status dive__vk_descriptors(dive_ctx *ctx, int pid, dive__vk_pipe *p, uint32_t nbuf,
                                        const VkDescriptorBufferInfo *bi, VkDescriptorSet *set) {
  struct dive__vk *vk = ctx->vk;
  VkWriteDescriptorSet wr[DIVE__VK_MAX_BINDINGS];
  dive__vk_dkey key;
  dive__vk_dent *e;
  dive_status s;
  uint32_t i;
  memset(&key, 0, sizeof key);
  key.pipe = (uint32_t)pid;
  key.nbuf = nbuf;
  for (i = 0; i < nbuf; i++) { key.buf[i] = bi[i].buffer; key.off[i] = bi[i].offset; key.range[i] = bi[i].range; }
  if (vk->dcap && (e = dive__vk_dfind(vk, &key, 0)) != NULL) {
    *set = e->set;
    vk->cnt.desc_hits++;
    return DIVE_OK;
  }
  if (2 * (vk->dlive + vk->ddead + 1) > vk->dcap && (s = dive__vk_dgrow(ctx))) return s;
  if ((s = dive__vk_new_set(ctx, p, set))) return s;
  for (i = 0; i < nbuf; i++) {
    memset(&wr[i], 0, sizeof wr[i]);
    wr[i].sType = VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET;
    wr[i].dstSet = *set;
    wr[i].dstBinding = i;
    wr[i].descriptorCount = 1;
    wr[i].descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
    wr[i].pBufferInfo = &bi[i];
  }
  vk->fn.vkUpdateDescriptorSets(vk->dev, nbuf, wr, 0, NULL);
  vk->cnt.desc_writes++;
  e = dive__vk_dfind(vk, &key, 1);
  if (e->state == 2) vk->ddead--;
  e->key = key;
  e->set = *set;
  e->state = 1;
  vk->dlive++;
  return DIVE_OK;
}

static void dive__vk_forget_buffer(struct dive__vk *vk, VkBuffer b) {
  dive__vk_capture *cap;
  uint32_t i, j;
  if (b == VK_NULL_HANDLE) return;
  for (i = 0; i < vk->dcap; i++) {
    dive__vk_dent *e = &vk->dtab[i];
    int hit = 0;
    if (e->state != 1) continue;
    for (j = 0; j < e->key.nbuf; j++) hit |= e->key.buf[j] == b;
    if (!hit) continue;
    {
      dive__vk_pipe *p = &vk->pipes[e->key.pipe];
      if (p->nfree == p->cap_free) { /* keep the set for reuse; on no memory it is just not reused */
        int nc = p->cap_free ? 2 * p->cap_free : 16;
        VkDescriptorSet *ns = (VkDescriptorSet *)DIVE_REALLOC(p->free_sets, sizeof(VkDescriptorSet) * (size_t)nc);
        if (ns) { p->free_sets = ns; p->cap_free = nc; }
      }
      if (p->nfree < p->cap_free) p->free_sets[p->nfree++] = e->set;
    }
    e->state = 2;
    vk->dlive--;
    vk->ddead++;
  }
  for (cap = vk->caps; cap; cap = cap->next) {
    int k;
    for (k = 0; k < cap->nbufs && cap->valid; k++)
      if (cap->bufs[k] == b) {
        cap->valid = 0;
        snprintf(cap->why, sizeof cap->why, "a buffer it uses was freed after it was recorded");
      }
  }
}

/* --- dispatch ---
   Record one dispatch of shader `sh` (variant `var`) over a (gx, gy, gz) grid of work
   groups. t[0..nbuf) are bound at bindings 0..nbuf-1 (inputs, then outputs); a NULL entry
   is an absent optional tensor: it is bound to another tensor of the call and the shader is
   told through its push constants not to touch it. Every call writes at least one tensor. pc points to the shader's
   push-constant struct: its first nbuf uint32 fields receive each tensor's element offset
   inside its bound range; the op fills in the rest. */
static dive_status dive__vk_dispatch(dive_ctx *ctx, int sh, int var, uint32_t nbuf, const dive_tensor *const *t,
                                     void *pc, uint32_t pc_size, uint32_t gx, uint32_t gy, uint32_t gz) {
  struct dive__vk *vk = ctx->vk;
  const VkPhysicalDeviceLimits *lim = &vk->props.limits;
  VkDescriptorBufferInfo bi[DIVE__VK_MAX_BINDINGS];
  dive__vk_use use[DIVE__VK_MAX_BINDINGS];
  VkDeviceSize align = DIVE__MAX(lim->minStorageBufferOffsetAlignment, (VkDeviceSize)4);
  const dive_tensor *any_w = NULL, *any_r = NULL;
  VkDescriptorSet set;
  dive__vk_pipe *p;
  dive__vk_cmds c;
  double bytes = 0, flops = vk->next_flops;
  uint32_t i, nuse = 0, wmask = dive__vk_shader_io[sh][1];
  int pid = sh * DIVE__VK_NVAR + var;
  dive_status s;
  vk->next_flops = 0;
  DIVE_ASSERT(nbuf == dive__vk_shader_io[sh][0]);
  if (!gx || !gy || !gz) return DIVE_OK;
  if (gx > lim->maxComputeWorkGroupCount[0] || gy > lim->maxComputeWorkGroupCount[1] ||
      gz > lim->maxComputeWorkGroupCount[2])
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: a grid of %u x %u x %u work groups exceeds the device's "
                          "limits", dive__vk_shader_get(sh)->name, gx, gy, gz);
  if ((s = dive__vk_pipeline(ctx, sh, var, pc_size, &p))) return s;
  /* An absent binding is bound to a present one of the same call that the tracker already
     covers: a writable one to an output (the validation layer counts every binding a
     shader can write as written), a read-only one to an input when there is one. */
  for (i = 0; i < nbuf; i++)
    if (t[i] && ((wmask >> i) & 1u) && !any_w) any_w = t[i];
    else if (t[i] && !((wmask >> i) & 1u) && !any_r) any_r = t[i];
  DIVE_ASSERT(any_w);
  if (!any_r) any_r = any_w;
  for (i = 0; i < nbuf; i++) {
    const dive_tensor *ti = t[i] ? t[i] : ((wmask >> i) & 1u) ? any_w : any_r;
    const dive__vk_buf *b = (const dive__vk_buf *)ti->impl.dev;
    VkDeviceSize off = (VkDeviceSize)ti->impl.offset * 4, base = off - off % align;
    uint32_t rem = (uint32_t)((off - base) / 4);
    DIVE_ASSERT(b && ti->ctx == ctx);
    bi[i].buffer = b->buf;
    bi[i].offset = base;
    bi[i].range = off - base + (VkDeviceSize)ti->numel * 4;
    if (bi[i].range > lim->maxStorageBufferRange)
      return dive__ctx_fail(ctx, DIVE_ERR_UNSUPPORTED, "%s: binding %u spans %.1f MiB > the device's "
                            "maxStorageBufferRange (%.1f MiB)", dive__vk_shader_get(sh)->name, i,
                            (double)bi[i].range / 1048576.0, (double)lim->maxStorageBufferRange / 1048576.0);
    memcpy((char *)pc + 4 * i, &rem, 4);
    if (t[i]) { /* the whole bound range: the validation layer's view of the access */
      use[nuse].buf = b->buf;
      use[nuse].lo = base;
      use[nuse].hi = base + bi[i].range;
      use[nuse++].write = (wmask >> i) & 1u;
      bytes += (double)t[i]->numel * 4;
    }
  }
  if ((s = dive__vk_descriptors(ctx, pid, p, nbuf, bi, &set))) return s;
  if ((s = dive__vk_prepare(ctx, use, (int)nuse))) return s;
  c = dive__vk_targets(vk);
  dive__vk_ts(vk, &c, 0, pid, 0, 0);
  for (i = 0; i < (uint32_t)c.n; i++) {
    vk->fn.vkCmdBindPipeline(c.cb[i], VK_PIPELINE_BIND_POINT_COMPUTE, p->pipe);
    vk->fn.vkCmdBindDescriptorSets(c.cb[i], VK_PIPELINE_BIND_POINT_COMPUTE, p->layout, 0, 1, &set, 0, NULL);
    vk->fn.vkCmdPushConstants(c.cb[i], p->layout, VK_SHADER_STAGE_COMPUTE_BIT, 0, pc_size, pc);
    vk->fn.vkCmdDispatch(c.cb[i], gx, gy, gz);
  }
  dive__vk_ts(vk, &c, 1, pid, flops, bytes);
  if (vk->cap) vk->cap->dispatches++;
  else vk->cnt.dispatches++;
  return vk->sync_each && !vk->cap ? dive__vk_flush(ctx) : DIVE_OK;
}

/* Record a dispatch of n invocations of a plain (variant 0) kernel: a 2-D grid of 1-D
   groups when more than maxComputeWorkGroupCount[0] groups are needed. */
static dive_status dive__vk_run(dive_ctx *ctx, int sh, uint32_t nbuf, const dive_tensor *const *t,
                                void *pc, uint32_t pc_size, int64_t n) {
  struct dive__vk *vk = ctx->vk;
  const VkPhysicalDeviceLimits *lim = &vk->props.limits;
  uint32_t gx, gy;
  uint64_t groups;
  if (n <= 0) return DIVE_OK;
  groups = ((uint64_t)n + vk->wg - 1) / vk->wg;
  gx = (uint32_t)DIVE__MIN(groups, (uint64_t)lim->maxComputeWorkGroupCount[0]);
  gy = (uint32_t)DIVE__MIN((groups + gx - 1) / gx, (uint64_t)UINT32_MAX);
  if ((uint64_t)n > UINT32_MAX - vk->wg || gy > lim->maxComputeWorkGroupCount[1])
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: %lld invocations exceed the dispatch limits",
                          dive__vk_shader_get(sh)->name, (long long)n);
  return dive__vk_dispatch(ctx, sh, 0, nbuf, t, pc, pc_size, gx, gy, 1);
}

/* --- capture and replay ---

   A sequence of ops recorded once into command buffers and resubmitted (docs/vulkan.md,
   "Capture and replay"). Internal API, for the model driver:

     dive__vk_capture_begin(ctx, &cap, nup, up)  flush the ctx; until _end, every op, fill
         and copy is recorded into the capture (one command buffer per slot, 2 slots) instead
         of running. up[0..nup) are tensors refreshed from the host at the start of each
         replay (a batch, its labels); so is cap->scalars (DIVE__VK_NSCALARS floats: [0] is
         the step number as uint32 bits, set by the replay; the caller owns [1..], e.g. the
         learning rate, read by dive__vk_sgd_step_dyn). cap->ring holds DIVE__VK_RING
         entries of (mean loss, flags) written by dive__vk_loss_reduce and
         dive__vk_nonfinite_scan at entry step % DIVE__VK_RING. Host reads, writes, frees,
         syncs and tensor allocations fail while a capture records.
     dive__vk_capture_end(ctx, cap)
     dive__vk_capture_slot(ctx, cap, &scalars, up_ptrs)  the next replay's host memory:
         waits for that slot's previous replay when it is still running (with two slots,
         the replay before the last); write the scalars and the upload data there.
     dive__vk_capture_replay(ctx, cap, &step)  submit it; no wait.
     dive__vk_capture_ring(ctx, cap, step, wait, &ready, &loss, &flags)  the ring entry of
         a replayed step once its replay has completed (wait = 0: never blocks).
     dive__vk_capture_free(ctx, cap)

   A replay writes no descriptors (sets were made at record time, in the ctx's cache), and
   its command buffer starts with a barrier, so it runs after everything submitted before
   it. Freeing a tensor the capture uses makes it invalid (replay then fails). */

static dive_status dive__vk_slot_wait(dive_ctx *ctx, dive__vk_capture *cap, int slot) {
  struct dive__vk *vk = ctx->vk;
  VkResult r;
  if (!cap->pending[slot]) return DIVE_OK;
  if (vk->lost) return dive__vk_alive(ctx);
  r = vk->fn.vkGetFenceStatus(vk->dev, cap->fence[slot]);
  if (r == VK_NOT_READY) {
    r = vk->fn.vkWaitForFences(vk->dev, 1, &cap->fence[slot], VK_TRUE, UINT64_MAX);
    vk->cnt.waits++;
  }
  if (r == VK_SUCCESS && DIVE__VK_FAULT(vk, 'l')) r = VK_ERROR_DEVICE_LOST;
  if (r != VK_SUCCESS) return dive__vk_fail(ctx, "vkWaitForFences (replay)", r);
  DIVE__VK_CHECK(ctx, vk->fn.vkResetFences(vk->dev, 1, &cap->fence[slot]));
  cap->pending[slot] = 0;
  if (cap->step[slot] + 1 > cap->done_step) cap->done_step = cap->step[slot] + 1;
  dive__vk_qset_collect(vk, &cap->q[slot]);
  return DIVE_OK;
}

static void dive__vk_capture_destroy(dive_ctx *ctx, dive__vk_capture *cap) {
  struct dive__vk *vk = ctx->vk;
  dive__vk_capture **pp;
  int i, pending = 0;
  for (i = 0; i < DIVE__VK_SLOTS; i++) pending |= cap->pending[i];
  if (pending) vk->fn.vkDeviceWaitIdle(vk->dev);
  if (vk->cap == cap) vk->cap = NULL;
  for (pp = &vk->caps; *pp; pp = &(*pp)->next)
    if (*pp == cap) { *pp = cap->next; break; }
  for (i = 0; i < DIVE__VK_SLOTS; i++) {
    if (cap->cmd[i]) vk->fn.vkFreeCommandBuffers(vk->dev, vk->cpool, 1, &cap->cmd[i]);
    if (cap->fence[i]) vk->fn.vkDestroyFence(vk->dev, cap->fence[i], NULL);
    dive__vk_buf_destroy(vk, &cap->upload[i]);
    dive__vk_qset_destroy(vk, &cap->q[i]);
  }
  dive__vk_forget_buffer(vk, cap->ring_buf.buf);
  dive__vk_buf_destroy(vk, &cap->ring_buf);
  DIVE_FREE(cap->bufs);
  DIVE_FREE(cap->hist);
  DIVE_FREE(cap->hlevel);
  dive__vk_forget_buffer(vk, cap->scal_buf.buf);
  dive__vk_buf_destroy(vk, &cap->scal_buf);
  DIVE_FREE(cap);
}

static DIVE__UNUSED void dive__vk_capture_free(dive_ctx *ctx, dive__vk_capture *cap) {
  if (!cap || !ctx || !ctx->vk) return;
  if (ctx->vk->cap == cap) { /* abandoned while recording */
    int i;
    for (i = 0; i < DIVE__VK_SLOTS; i++) ctx->vk->fn.vkEndCommandBuffer(cap->cmd[i]);
  }
  dive__vk_capture_destroy(ctx, cap);
}

static DIVE__UNUSED dive_status dive__vk_capture_begin(dive_ctx *ctx, dive__vk_capture **out, int nup,
                                                       dive_tensor *const *up) {
  struct dive__vk *vk = ctx->vk;
  dive__vk_capture *cap;
  VkCommandBufferAllocateInfo cai;
  VkCommandBufferBeginInfo bi;
  VkFenceCreateInfo fci;
  dive__vk_use u[9];
  size_t bytes = 4 * DIVE__VK_NSCALARS;
  dive_status s;
  VkResult r;
  int i, j;
  *out = NULL;
  if (vk->cap) return dive__ctx_fail(ctx, DIVE_ERR_ARG, "dive__vk_capture_begin: a capture is already being recorded");
  if (nup < 0 || nup > 8 || (nup && !up))
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "dive__vk_capture_begin: %d upload tensors (0..8)", nup);
  for (i = 0; i < nup; i++) {
    if (!up[i] || up[i]->ctx != ctx || !up[i]->impl.dev)
      return dive__ctx_fail(ctx, DIVE_ERR_ARG, "dive__vk_capture_begin: upload tensor %d is not a tensor of this ctx", i);
    bytes += (size_t)up[i]->numel * 4;
  }
  if ((s = dive__vk_flush(ctx))) return s;
  cap = (dive__vk_capture *)dive__calloc(sizeof *cap);
  if (!cap) return dive__ctx_fail(ctx, DIVE_ERR_OOM, "dive__vk_capture_begin: out of memory");
  cap->next = vk->caps;
  vk->caps = cap;
  cap->cur = -1;
  if ((s = dive__vk_buf_create(ctx, &cap->scal_buf, 4 * DIVE__VK_NSCALARS, vk->uma))) goto fail;
  dive__vk_buf_view(ctx, &cap->scal_buf, DIVE__VK_NSCALARS, &cap->scalars);
  if ((s = dive__vk_buf_create(ctx, &cap->ring_buf, 8 * DIVE__VK_RING, 1))) goto fail;
  memset(cap->ring_buf.map, 0, 8 * DIVE__VK_RING);
  dive__vk_buf_view(ctx, &cap->ring_buf, 2 * DIVE__VK_RING, &cap->ring);
  memset(&cai, 0, sizeof cai);
  cai.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO;
  cai.commandPool = vk->cpool;
  cai.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
  cai.commandBufferCount = DIVE__VK_SLOTS;
  memset(&fci, 0, sizeof fci);
  fci.sType = VK_STRUCTURE_TYPE_FENCE_CREATE_INFO;
  memset(&bi, 0, sizeof bi);
  bi.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO;
  r = vk->fn.vkAllocateCommandBuffers(vk->dev, &cai, cap->cmd);
  if (r != VK_SUCCESS) {
    memset(cap->cmd, 0, sizeof cap->cmd);
    s = dive__vk_fail(ctx, "vkAllocateCommandBuffers (capture)", r);
    goto fail;
  }
  for (i = 0; i < DIVE__VK_SLOTS; i++) {
    r = vk->fn.vkCreateFence(vk->dev, &fci, NULL, &cap->fence[i]);
    if (r != VK_SUCCESS) { cap->fence[i] = VK_NULL_HANDLE; s = dive__vk_fail(ctx, "vkCreateFence", r); goto fail; }
    if ((s = dive__vk_buf_create(ctx, &cap->upload[i], (VkDeviceSize)bytes, 1))) goto fail;
    memset(cap->upload[i].map, 0, bytes);
    r = vk->fn.vkBeginCommandBuffer(cap->cmd[i], &bi);
    if (r != VK_SUCCESS) { s = dive__vk_fail(ctx, "vkBeginCommandBuffer", r); goto fail; }
    if ((s = dive__vk_qset_reset(ctx, &cap->q[i], cap->cmd[i]))) goto fail;
  }
  cap->recording = 1;
  cap->trk.fresh = 1;
  cap->nup = nup;
  vk->cap = cap;
  /* the replay's first commands: this slot's scalars and uploads into their tensors */
  u[0] = dive__vk_use_of(&cap->scalars, 1);
  for (i = 0; i < nup; i++) u[1 + i] = dive__vk_use_of(up[i], 1);
  if ((s = dive__vk_prepare(ctx, u, 1 + nup))) goto fail;
  for (j = 0; j < DIVE__VK_SLOTS; j++) {
    VkBufferCopy c;
    size_t off = 4 * DIVE__VK_NSCALARS;
    c.srcOffset = 0;
    c.dstOffset = (VkDeviceSize)cap->scalars.impl.offset * 4;
    c.size = 4 * DIVE__VK_NSCALARS;
    vk->fn.vkCmdCopyBuffer(cap->cmd[j], cap->upload[j].buf, ((dive__vk_buf *)cap->scalars.impl.dev)->buf, 1, &c);
    for (i = 0; i < nup; i++) {
      cap->up[i] = *up[i];
      cap->up_off[i] = off;
      c.srcOffset = off;
      c.dstOffset = (VkDeviceSize)up[i]->impl.offset * 4;
      c.size = (VkDeviceSize)up[i]->numel * 4;
      vk->fn.vkCmdCopyBuffer(cap->cmd[j], cap->upload[j].buf, ((dive__vk_buf *)up[i]->impl.dev)->buf, 1, &c);
      off += (size_t)c.size;
    }
  }
  *out = cap;
  return DIVE_OK;
fail:
  vk->cap = NULL;
  for (i = 0; i < DIVE__VK_SLOTS; i++)
    if (cap->cmd[i] && cap->recording) vk->fn.vkEndCommandBuffer(cap->cmd[i]);
  dive__vk_capture_destroy(ctx, cap);
  return s;
}

static DIVE__UNUSED dive_status dive__vk_capture_end(dive_ctx *ctx, dive__vk_capture *cap) {
  struct dive__vk *vk = ctx->vk;
  dive_status s = DIVE_OK;
  int i;
  if (!cap || vk->cap != cap)
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "dive__vk_capture_end: that capture is not being recorded");
  vk->cap = NULL;
  cap->recording = 0;
  DIVE_FREE(cap->hist);
  DIVE_FREE(cap->hlevel);
  cap->hist = NULL;
  cap->hlevel = NULL;
  cap->nhist = cap->cap_hist = 0;
  for (i = 0; i < DIVE__VK_SLOTS; i++) {
    VkResult r;
    dive__vk_barrier_cb(vk, cap->cmd[i], VK_PIPELINE_STAGE_HOST_BIT, VK_ACCESS_HOST_READ_BIT); /* ring reads */
    r = vk->fn.vkEndCommandBuffer(cap->cmd[i]);
    if (r != VK_SUCCESS && !s) s = dive__vk_fail(ctx, "vkEndCommandBuffer (capture)", r);
  }
  cap->barriers++;
  if (s) return s;
  if (ctx->status) { /* an op failed while recording: the capture is incomplete */
    snprintf(cap->why, sizeof cap->why, "an op failed while it was recorded: %.100s", ctx->error);
    return ctx->status;
  }
  cap->valid = 1;
  return DIVE_OK;
}

static dive_status dive__vk_capture_ok(dive_ctx *ctx, dive__vk_capture *cap, const char *fn) {
  dive_status s;
  if ((s = dive__vk_alive(ctx))) return s;
  if (!cap) return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: capture is NULL", fn);
  if (cap->recording) return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: the capture is still being recorded", fn);
  if (!cap->valid) return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: the capture is invalid (%s)", fn,
                                         cap->why[0] ? cap->why : "never completed");
  return DIVE_OK;
}

static DIVE__UNUSED dive_status dive__vk_capture_slot(dive_ctx *ctx, dive__vk_capture *cap, float **scalars,
                                                      void **up) {
  dive_status s;
  int slot, i;
  if ((s = dive__vk_capture_ok(ctx, cap, "dive__vk_capture_slot"))) return s;
  slot = (int)(cap->next_step % DIVE__VK_SLOTS);
  if ((s = dive__vk_slot_wait(ctx, cap, slot))) return s;
  cap->cur = slot;
  if (scalars) *scalars = (float *)cap->upload[slot].map;
  for (i = 0; up && i < cap->nup; i++) up[i] = (char *)cap->upload[slot].map + cap->up_off[i];
  return DIVE_OK;
}

static DIVE__UNUSED dive_status dive__vk_capture_replay(dive_ctx *ctx, dive__vk_capture *cap, int64_t *step) {
  struct dive__vk *vk = ctx->vk;
  VkSubmitInfo si;
  VkResult r;
  dive_status s;
  uint32_t st;
  int slot;
  if ((s = dive__vk_capture_ok(ctx, cap, "dive__vk_capture_replay"))) return s;
  if (vk->cap) return dive__ctx_fail(ctx, DIVE_ERR_ARG, "dive__vk_capture_replay while a capture is being recorded");
  if ((s = dive__vk_submit_eager(ctx))) return s; /* work recorded before runs before */
  slot = (int)(cap->next_step % DIVE__VK_SLOTS);
  if (cap->cur != slot && (s = dive__vk_capture_slot(ctx, cap, NULL, NULL))) return s;
  st = (uint32_t)cap->next_step;
  memcpy(cap->upload[slot].map, &st, 4);
  memset(&si, 0, sizeof si);
  si.sType = VK_STRUCTURE_TYPE_SUBMIT_INFO;
  si.commandBufferCount = 1;
  si.pCommandBuffers = &cap->cmd[slot];
  r = DIVE__VK_FAULT(vk, 'l') ? VK_ERROR_DEVICE_LOST : vk->fn.vkQueueSubmit(vk->queue, 1, &si, cap->fence[slot]);
  if (r != VK_SUCCESS) return dive__vk_fail(ctx, "vkQueueSubmit (replay)", r);
  cap->pending[slot] = 1;
  cap->step[slot] = cap->next_step;
  cap->cur = -1;
  if (step) *step = cap->next_step;
  cap->next_step++;
  vk->cnt.submits++;
  vk->cnt.replays++;
  vk->cnt.dispatches += cap->dispatches;
  vk->cnt.barriers += cap->barriers;
  return DIVE_OK;
}

static DIVE__UNUSED dive_status dive__vk_capture_ring(dive_ctx *ctx, dive__vk_capture *cap, int64_t step, int wait,
                                                      int *ready, float *loss, uint32_t *flags) {
  struct dive__vk *vk = ctx->vk;
  dive_status s;
  const char *e;
  int i;
  *ready = 0;
  if ((s = dive__vk_alive(ctx))) return s;
  if (step < 0 || step >= cap->next_step || step + DIVE__VK_RING < cap->next_step)
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "dive__vk_capture_ring: step %lld is not in the ring (steps %lld..%lld)",
                          (long long)step, (long long)DIVE__MAX(0, cap->next_step - DIVE__VK_RING),
                          (long long)cap->next_step - 1);
  for (i = 0; i < DIVE__VK_SLOTS && step >= cap->done_step; i++) {
    if (!cap->pending[i] || cap->step[i] != step) continue;
    if (!wait && vk->fn.vkGetFenceStatus(vk->dev, cap->fence[i]) == VK_NOT_READY) return DIVE_OK;
    if ((s = dive__vk_slot_wait(ctx, cap, i))) return s;
  }
  if (step >= cap->done_step) return DIVE_OK;
  e = (const char *)cap->ring_buf.map + 8 * (size_t)(step % DIVE__VK_RING);
  memcpy(loss, e, 4);
  memcpy(flags, e + 4, 4);
  *ready = 1;
  return DIVE_OK;
}

/* For the model driver (which sees the capture as an opaque type): its scalars and ring
   tensors, whether it may still be replayed, the number of replays submitted, and whether
   this ctx may record one at all (not with DIVE_VK_SYNC=1, which waits after each command). */
static DIVE__UNUSED dive_tensor *dive__vk_capture_scalars(dive__vk_capture *cap) { return &cap->scalars; }
static DIVE__UNUSED dive_tensor *dive__vk_capture_ringt(dive__vk_capture *cap) { return &cap->ring; }
static DIVE__UNUSED int dive__vk_capture_valid(const dive__vk_capture *cap) { return cap->valid; }
static DIVE__UNUSED int64_t dive__vk_capture_steps(const dive__vk_capture *cap) { return cap->next_step; }
static DIVE__UNUSED int dive__vk_can_capture(const dive_ctx *ctx) { return ctx->vk && !ctx->vk->sync_each; }

/* --- counters and the profiler --- */

static DIVE__UNUSED dive__vk_counters dive__vk_counters_get(const dive_ctx *ctx) {
  dive__vk_counters c;
  memset(&c, 0, sizeof c);
  if (ctx && ctx->vk) c = ctx->vk->cnt;
  return c;
}

/* "vulkan per step" style line of counter differences b - a */
static DIVE__UNUSED void dive__vk_counters_line(char *buf, size_t size, const dive__vk_counters *a,
                                                const dive__vk_counters *b, double steps) {
  steps = steps > 0 ? steps : 1;
  snprintf(buf, size, "submits %.1f, host waits %.1f, dispatches %.1f, barriers %.1f, descriptor writes %.1f",
           (double)(b->submits - a->submits) / steps, (double)(b->waits - a->waits) / steps,
           (double)(b->dispatches - a->dispatches) / steps, (double)(b->barriers - a->barriers) / steps,
           (double)(b->desc_writes - a->desc_writes) / steps);
}

static void dive__vk_kernel_name(const struct dive__vk *vk, int pid, char *buf, size_t size) {
  int sh = pid / DIVE__VK_NVAR, var = pid % DIVE__VK_NVAR;
  if (var == 0) snprintf(buf, size, "%s", dive__vk_shader_get(sh)->name);
  else snprintf(buf, size, "%s[%ux%u/%ux%u]", dive__vk_shader_get(sh)->name, vk->tiles[var - 1].bm,
                vk->tiles[var - 1].bn, vk->tiles[var - 1].tm, vk->tiles[var - 1].tn);
}

/* DIVE_VK_PROFILE=1: the per-kernel table at ctx destruction (stderr) */
static void dive__vk_profile_report(dive_ctx *ctx) {
  struct dive__vk *vk = ctx->vk;
  int i, j, n = DIVE__SH_COUNT * DIVE__VK_NVAR, order[DIVE__SH_COUNT * DIVE__VK_NVAR], m = 0;
  double total = 0;
  char name[64];
  if (!vk->kstat || (!vk->cnt.dispatches && !vk->cnt.replays)) return;
  for (i = 0; i < n; i++)
    if (vk->kstat[i].calls) { order[m++] = i; total += vk->kstat[i].ns; }
  for (i = 1; i < m; i++) /* by time, largest first */
    for (j = i; j > 0 && vk->kstat[order[j]].ns > vk->kstat[order[j - 1]].ns; j--) {
      int t = order[j]; order[j] = order[j - 1]; order[j - 1] = t;
    }
  fprintf(stderr, "dive vulkan profile: %s; %.3f ms in %d kernels (timestamps around each dispatch; "
          "concurrent dispatches overlap)\n", ctx->device_name, total * 1e-6, m);
  fprintf(stderr, "  %-36s %8s %10s %9s %8s %8s %6s\n", "kernel", "calls", "total ms", "avg us", "GFLOP/s", "GB/s", "%");
  for (i = 0; i < m; i++) {
    const dive__vk_kstat *k = &vk->kstat[order[i]];
    dive__vk_kernel_name(vk, order[i], name, sizeof name);
    fprintf(stderr, "  %-36s %8lld %10.3f %9.2f %8.1f %8.1f %6.1f\n", name, (long long)k->calls, k->ns * 1e-6,
            k->ns * 1e-3 / (double)k->calls, k->ns > 0 ? k->flops / k->ns : 0.0, k->ns > 0 ? k->bytes / k->ns : 0.0,
            total > 0 ? 100.0 * k->ns / total : 0.0);
  }
  fprintf(stderr, "  totals: submits %lld, host waits %lld, dispatches %lld, barriers %lld, descriptor writes %lld "
          "(cache hits %lld), replays %lld, device %.3f ms\n", (long long)vk->cnt.submits, (long long)vk->cnt.waits,
          (long long)vk->cnt.dispatches, (long long)vk->cnt.barriers, (long long)vk->cnt.desc_writes,
          (long long)vk->cnt.desc_hits, (long long)vk->cnt.replays, vk->cnt.device_ms);
}

/* dive_ctx_sync: everything done; with DIVE_VK_PROFILE=1 one line per sync: what was
   recorded and waited for since the previous one, device time vs wall time */
static dive_status dive__vk_sync(dive_ctx *ctx) {
  struct dive__vk *vk = ctx->vk;
  dive_status s = dive__vk_flush(ctx);
  if (!s && vk->profile) {
    char line[256];
    double now = dive_time_sec();
    dive__vk_counters_line(line, sizeof line, &vk->sync_mark, &vk->cnt, 1);
    if (vk->sync_wall > 0)
      fprintf(stderr, "dive vulkan sync: %s, device %.3f ms, wall %.3f ms\n", line,
              vk->cnt.device_ms - vk->sync_mark.device_ms, (now - vk->sync_wall) * 1e3);
    vk->sync_mark = vk->cnt;
    vk->sync_wall = now;
  }
  return s;
}

/* --- op kernels: push-constant structs mirror the shaders' `P` blocks field for field --- */

typedef struct dive__pc_copy { uint32_t o_src, o_dst, n; } dive__pc_copy;
typedef struct dive__pc_relu_fwd { uint32_t o_in, o_out, n; } dive__pc_relu_fwd;
typedef struct dive__pc_relu_bwd { uint32_t o_dout, o_out, o_din, n; } dive__pc_relu_bwd;
typedef struct dive__pc_add_fwd { uint32_t o_a, o_b, o_out, n; } dive__pc_add_fwd;
DIVE__STATIC_ASSERT(sizeof(dive__pc_copy) == 12, pc_copy);
DIVE__STATIC_ASSERT(sizeof(dive__pc_relu_fwd) == 12, pc_relu_fwd);
DIVE__STATIC_ASSERT(sizeof(dive__pc_relu_bwd) == 16, pc_relu_bwd);
DIVE__STATIC_ASSERT(sizeof(dive__pc_add_fwd) == 16, pc_add_fwd);

/* The element-wise kernels take n first, like dive__ref_relu_* / dive__ref_add_*. */

/* dst = src, n elements */
static DIVE__UNUSED dive_status dive__vk_copy_t(dive_ctx *ctx, int64_t n, dive_tensor *dst,
                                                const dive_tensor *src) {
  dive__pc_copy pc;
  const dive_tensor *b[2];
  b[0] = src; b[1] = dst;
  pc.n = (uint32_t)n;
  return dive__vk_run(ctx, DIVE__SH_copy, 2, b, &pc, sizeof pc, n);
}

/* relu: out = max(in, 0); out may be in */
static DIVE__UNUSED dive_status dive__vk_relu_fwd(dive_ctx *ctx, int64_t n, dive_tensor *out,
                                                  const dive_tensor *in) {
  dive__pc_relu_fwd pc;
  const dive_tensor *b[2];
  b[0] = in; b[1] = out;
  pc.n = (uint32_t)n;
  return dive__vk_run(ctx, DIVE__SH_relu_fwd, 2, b, &pc, sizeof pc, n);
}
/* din = dout * (out > 0); din may be dout */
static DIVE__UNUSED dive_status dive__vk_relu_bwd(dive_ctx *ctx, int64_t n, dive_tensor *din,
                                                  const dive_tensor *dout, const dive_tensor *out) {
  dive__pc_relu_bwd pc;
  const dive_tensor *b[3];
  b[0] = dout; b[1] = out; b[2] = din;
  pc.n = (uint32_t)n;
  return dive__vk_run(ctx, DIVE__SH_relu_bwd, 3, b, &pc, sizeof pc, n);
}

/* add: out = a + b; out may alias a or b */
static DIVE__UNUSED dive_status dive__vk_add_fwd(dive_ctx *ctx, int64_t n, dive_tensor *out,
                                                 const dive_tensor *a, const dive_tensor *b) {
  dive__pc_add_fwd pc;
  const dive_tensor *t[3];
  t[0] = a; t[1] = b; t[2] = out;
  pc.n = (uint32_t)n;
  return dive__vk_run(ctx, DIVE__SH_add_fwd, 3, t, &pc, sizeof pc, n);
}
/* da = dout, db = dout (each may be NULL) */
static DIVE__UNUSED dive_status dive__vk_add_bwd(dive_ctx *ctx, int64_t n, dive_tensor *da,
                                                 dive_tensor *db, const dive_tensor *dout) {
  dive_status s = DIVE_OK;
  if (da && (s = dive__vk_copy_t(ctx, n, da, dout))) return s;
  if (db) s = dive__vk_copy_t(ctx, n, db, dout);
  return s;
}

/* Reduction kernels run one work group per output: n work groups of vk->wg invocations
   (2-D grid past 65535 groups, like dive__vk_run); the shader bounds-checks dive_group(). */
static dive_status dive__vk_run_groups(dive_ctx *ctx, int sh, uint32_t nbuf,
                                       const dive_tensor *const *t, void *pc, uint32_t pc_size,
                                       int64_t ngroups) {
  return dive__vk_run(ctx, sh, nbuf, t, pc, pc_size, ngroups * (int64_t)ctx->vk->wg);
}

/* --- tile choice ---
   Among the device's tile shapes, the one with the least estimated cost for an M x NCOL
   GEMM repeated nz times (groups, phases): padded work (tiles past the edges) times a
   penalty for small register blocks (more shared-memory reads per multiply-add) times a
   penalty when the grid has fewer work groups than twice the compute units. A heuristic
   fixed at design time (no GPU measured it); DIVE_VK_TILE=v forces shape v (tests). */
static int dive__vk_pick_tile(const struct dive__vk *vk, int64_t M, int64_t ncol, int64_t nz) {
  double best = 0, target = vk->cus > 1 ? 2.0 * vk->cus : 1.0;
  int v, pick = 0;
  if (vk->force_tile) return vk->force_tile;
  for (v = 1; v <= vk->ntiles; v++) {
    const dive__vk_tile *t = &vk->tiles[v - 1];
    int64_t tm = (M + t->bm - 1) / t->bm, tn = (ncol + t->bn - 1) / t->bn;
    double wgs = (double)tm * (double)tn * (double)nz;
    double waste = (double)(tm * t->bm) * (double)(tn * t->bn) / ((double)M * (double)ncol);
    double blk = t->tm * t->tn >= 64 ? 1.0 : t->tm * t->tn >= 16 ? 1.3 : 1.8;
    double occ = wgs >= target ? 1.0 : target / wgs;
    double score = waste * blk * occ;
    if (tn > (int64_t)vk->props.limits.maxComputeWorkGroupCount[0]) continue;
    if (!pick || score < best) { best = score; pick = v; }
  }
  return pick ? pick : 1;
}

/* Chunks for the per-channel partial sums (bn_part): one per channel on a CPU-type device;
   on a GPU enough for about 4 work groups per compute unit, each at least 4 work groups'
   worth of elements. DIVE_VK_CHUNK=L forces the chunk length (tests). */
static void dive__vk_chunks(const struct dive__vk *vk, int64_t C, int64_t M, uint32_t *L, uint32_t *nchunk) {
  int64_t l, want = vk->cus > 1 ? (4 * (int64_t)vk->cus + C - 1) / C : 1;
  if (vk->force_chunk) l = vk->force_chunk;
  else {
    l = DIVE__MAX((M + want - 1) / want, 4 * (int64_t)vk->wg);
    l = (l + vk->wg - 1) / vk->wg * vk->wg;
  }
  l = DIVE__MIN(l, DIVE__MAX(M, 1));
  *L = (uint32_t)l;
  *nchunk = (uint32_t)((M + l - 1) / l);
}

/* conv2d: one push-constant struct for the three implicit-GEMM kernels (conv2d_fwd,
   conv2d_bwd_x, conv2d_bwd_w); klen / nsplit: conv2d_bwd_w's split-K */
typedef struct dive__pc_conv2d {
  uint32_t o[4];
  int32_t N, C, H, W, K, R, S, P, Q, stride, pad, groups;
  uint32_t flags, unused, klen, nsplit;
} dive__pc_conv2d;
DIVE__STATIC_ASSERT(sizeof(dive__pc_conv2d) == 80, pc_conv2d);

static void dive__vk_conv_pc(dive__pc_conv2d *pc, const dive__conv_p *p) {
  memset(pc, 0, sizeof *pc);
  pc->N = p->N; pc->C = p->C; pc->H = p->H; pc->W = p->W; pc->K = p->K; pc->R = p->R;
  pc->S = p->S; pc->P = p->P; pc->Q = p->Q; pc->stride = p->stride; pc->pad = p->pad;
  pc->groups = p->groups;
  pc->nsplit = 1;
}

/* one tiled-GEMM dispatch: (ceil(ncol/BN), ceil(M/BM), nz) work groups of tile `var` */
static dive_status dive__vk_gemm(dive_ctx *ctx, int sh, int var, const dive_tensor *const *t, dive__pc_conv2d *pc,
                                 int64_t M, int64_t ncol, int64_t nz, double flops) {
  const dive__vk_tile *tl = &ctx->vk->tiles[var - 1];
  int64_t gx = (ncol + tl->bn - 1) / tl->bn, gy = (M + tl->bm - 1) / tl->bm;
  if (gx > (int64_t)UINT32_MAX || gy > (int64_t)UINT32_MAX || nz > (int64_t)UINT32_MAX)
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: GEMM too large for one dispatch", dive__vk_shader_get(sh)->name);
  ctx->vk->next_flops = flops;
  return dive__vk_dispatch(ctx, sh, var, dive__vk_shader_io[sh][0], t, pc, sizeof *pc, (uint32_t)gx, (uint32_t)gy,
                           (uint32_t)nz);
}

/* out = conv(in, w) + b; b may be NULL. Mirrors dive__ref_conv2d_fwd: per group, a GEMM
   of (Kg x Cg*R*S) weights by the (Cg*R*S x N*P*Q) input patches. */
static dive_status dive__vk_conv2d_fwd(dive_ctx *ctx, const dive__conv_p *p, dive_tensor *out,
                                       const dive_tensor *in, const dive_tensor *w,
                                       const dive_tensor *b) {
  dive__pc_conv2d pc;
  const dive_tensor *t[4];
  int64_t M = p->K / p->groups, ncol = (int64_t)p->N * p->P * p->Q, kd = (int64_t)(p->C / p->groups) * p->R * p->S;
  t[0] = in; t[1] = w; t[2] = b; t[3] = out;
  dive__vk_conv_pc(&pc, p);
  pc.flags = b != NULL;
  return dive__vk_gemm(ctx, DIVE__SH_conv2d_fwd, dive__vk_pick_tile(ctx->vk, M, ncol, p->groups), t, &pc, M, ncol,
                       p->groups, 2.0 * (double)p->K * (double)ncol * (double)kd);
}

/* Per-channel sum of a (N, C, HW) tensor added to acc (C): bn_part mode 2 + bn_merge mode
   2, fixed order (the conv and linear bias gradients). */
static dive_status dive__vk_chan_sum_acc(dive_ctx *ctx, int N, int C, int HW, dive_tensor *acc, const dive_tensor *x);

/* din (overwrite), dw += , db += ; each may be NULL. Mirrors dive__ref_conv2d_bwd. */
static dive_status dive__vk_conv2d_bwd(dive_ctx *ctx, const dive__conv_p *p, dive_tensor *din,
                                       dive_tensor *dw, dive_tensor *db, const dive_tensor *dout,
                                       const dive_tensor *in, const dive_tensor *w) {
  struct dive__vk *vk = ctx->vk;
  dive__pc_conv2d pc;
  const dive_tensor *t[4];
  dive_status s;
  int64_t Cg = p->C / p->groups, Kg = p->K / p->groups, kd = Cg * p->R * p->S;
  int64_t npq = (int64_t)p->N * p->P * p->Q, flops = 2 * (int64_t)p->K * npq * kd;
  dive__vk_conv_pc(&pc, p);
  if (din) { /* per group and phase: (Cg x Kg*taps) weights by (Kg*taps x phase pixels) */
    int64_t st = p->stride, ncol = (int64_t)p->N * ((p->H + st - 1) / st) * ((p->W + st - 1) / st);
    t[0] = dout; t[1] = w; t[2] = din; t[3] = NULL;
    if (p->groups * st * st > (int64_t)vk->props.limits.maxComputeWorkGroupCount[2])
      return dive__ctx_fail(ctx, DIVE_ERR_UNSUPPORTED, "dive_conv2d_backward: groups %d x stride^2 %lld exceeds "
                            "the device's grid limit", p->groups, (long long)(st * st));
    if ((s = dive__vk_gemm(ctx, DIVE__SH_conv2d_bwd_x, dive__vk_pick_tile(vk, Cg, ncol, p->groups * st * st), t,
                           &pc, Cg, ncol, p->groups * st * st, (double)flops)))
      return s;
  }
  if (dw) { /* per group: (Kg x N*P*Q) dout by (N*P*Q x Cg*R*S) patches, split over N*P*Q */
    int var = dive__vk_pick_tile(vk, Kg, kd, p->groups);
    const dive__vk_tile *tl = &vk->tiles[var - 1];
    int64_t base = ((Kg + tl->bm - 1) / tl->bm) * ((kd + tl->bn - 1) / tl->bn) * p->groups;
    int64_t target = vk->cus > 1 ? 4 * (int64_t)vk->cus : 1, want, klen, nsplit, nw = (int64_t)p->K * kd;
    dive_tensor part;
    want = vk->force_split ? vk->force_split : (target + base - 1) / base;
    want = DIVE__MIN(want, (int64_t)(16 << 20) / DIVE__MAX(nw, 1)); /* partials <= 64 MiB */
    klen = DIVE__MAX((npq + DIVE__MAX(want, 1) - 1) / DIVE__MAX(want, 1), (int64_t)tl->bk);
    if (!vk->force_split) klen = DIVE__MAX(klen, 16 * (int64_t)tl->bk); /* at least 16 steps per split */
    klen = (klen + tl->bk - 1) / tl->bk * tl->bk;
    nsplit = (npq + klen - 1) / klen;
    pc.klen = (uint32_t)klen;
    pc.nsplit = (uint32_t)nsplit;
    t[0] = dout; t[1] = in; t[2] = NULL; t[3] = NULL;
    if (nsplit == 1) {
      t[2] = dw;
    } else {
      if ((s = dive__vk_scratch(ctx, DIVE__VK_SCR_CONV, nsplit * nw, &part))) return s;
      t[3] = &part;
    }
    if ((s = dive__vk_gemm(ctx, DIVE__SH_conv2d_bwd_w, var, t, &pc, Kg, kd, p->groups * nsplit, (double)flops)))
      return s;
    if (nsplit > 1) {
      uint32_t rpc[4];
      const dive_tensor *rt[2];
      rt[0] = &part; rt[1] = dw;
      rpc[2] = (uint32_t)nw;
      rpc[3] = (uint32_t)nsplit;
      if ((s = dive__vk_run(ctx, DIVE__SH_conv2d_bwd_w_reduce, 2, rt, rpc, sizeof rpc, nw))) return s;
    }
  }
  if (db && (s = dive__vk_chan_sum_acc(ctx, p->N, p->K, p->P * p->Q, db, dout))) return s;
  return DIVE_OK;
}

/* linear = a 1x1 convolution on 1x1 images: in (N,K,1,1), w (M,K,1,1), out (N,M,1,1) */
static void dive__vk_lin_as_conv(dive__conv_p *c, const dive__lin_p *p) {
  memset(c, 0, sizeof *c);
  c->N = p->N; c->C = p->K; c->K = p->M;
  c->H = c->W = c->R = c->S = c->P = c->Q = c->stride = c->groups = 1;
}
static dive_status dive__vk_linear_fwd(dive_ctx *ctx, const dive__lin_p *p, dive_tensor *out,
                                       const dive_tensor *in, const dive_tensor *w,
                                       const dive_tensor *b) {
  dive__conv_p c;
  dive__vk_lin_as_conv(&c, p);
  return dive__vk_conv2d_fwd(ctx, &c, out, in, w, b);
}
static dive_status dive__vk_linear_bwd(dive_ctx *ctx, const dive__lin_p *p, dive_tensor *din,
                                       dive_tensor *dw, dive_tensor *db, const dive_tensor *dout,
                                       const dive_tensor *in, const dive_tensor *w) {
  dive__conv_p c;
  dive__vk_lin_as_conv(&c, p);
  return dive__vk_conv2d_bwd(ctx, &c, din, dw, db, dout, in, w);
}

/* --- batch norm ---
   Statistics in parallel: bn_part gives per-(channel, chunk) partial sums, bn_merge
   combines each channel's chunks in order (Chan's formula for mean and variance), bn_apply
   normalizes; the backward is bn_part (sums of dy, dy*xhat) + bn_merge + bn_bwd_apply. The
   public ops are these with no residual and no ReLU; the fused forms are internal helpers
   for the model driver:

     dive__vk_bn_act_fwd(ctx, p, out, mean, rstd, in, gamma, beta, rmean, rvar, res, relu)
         out = [relu](BN(in) [+ res]); out may be res. Training (p->training) computes and
         saves mean / rstd (and updates rmean / rvar when given); eval reads rmean / rvar.
     dive__vk_bn_act_bwd(ctx, p, din, dgamma, dbeta, dres, dout, y, in, mean, rstd, gamma)
         with dy = dout * (y > 0) when y (the ReLU's output) is given, else dout:
         dres = dy (when given: the gradient of a residual branch added before the ReLU),
         dgamma += sum dy xhat, dbeta += sum dy, din = the BN input gradient (overwritten);
         din, dgamma, dbeta, dres may each be NULL. */

typedef struct dive__pc_bn_part {
  uint32_t o[7];
  uint32_t N, C, HW, mode, flags, L, nchunk;
} dive__pc_bn_part;
typedef struct dive__pc_bn_merge {
  uint32_t o[8];
  uint32_t N, C, HW, mode, flags, L, nchunk;
  float momentum, eps;
} dive__pc_bn_merge;
typedef struct dive__pc_bn_apply { uint32_t o[7], n, C, HW, flags; } dive__pc_bn_apply;
typedef struct dive__pc_bn_bwd_apply { uint32_t o[8], n, C, HW, flags, M; } dive__pc_bn_bwd_apply;
DIVE__STATIC_ASSERT(sizeof(dive__pc_bn_part) == 56, pc_bn_part);
DIVE__STATIC_ASSERT(sizeof(dive__pc_bn_merge) == 68, pc_bn_merge);
DIVE__STATIC_ASSERT(sizeof(dive__pc_bn_apply) == 44, pc_bn_apply);
DIVE__STATIC_ASSERT(sizeof(dive__pc_bn_bwd_apply) == 52, pc_bn_bwd_apply);

/* bn_part (mode, flags) over chunks into the partials scratch; returns the chunking */
static dive_status dive__vk_bn_partials(dive_ctx *ctx, int N, int C, int HW, uint32_t mode, uint32_t flags,
                                        const dive_tensor *x, const dive_tensor *dout, const dive_tensor *y,
                                        const dive_tensor *mean, const dive_tensor *rstd, dive_tensor *dres,
                                        dive_tensor *part, dive__pc_bn_merge *mpc) {
  dive__pc_bn_part pc;
  const dive_tensor *t[7];
  dive_status s;
  memset(&pc, 0, sizeof pc);
  pc.N = (uint32_t)N; pc.C = (uint32_t)C; pc.HW = (uint32_t)HW; pc.mode = mode; pc.flags = flags;
  dive__vk_chunks(ctx->vk, C, (int64_t)N * HW, &pc.L, &pc.nchunk);
  if ((s = dive__vk_scratch(ctx, DIVE__VK_SCR_STATS, 2 * (int64_t)C * pc.nchunk, part))) return s;
  t[0] = x; t[1] = dout; t[2] = y; t[3] = mean; t[4] = rstd; t[5] = part; t[6] = dres;
  memset(mpc, 0, sizeof *mpc);
  mpc->N = pc.N; mpc->C = pc.C; mpc->HW = pc.HW; mpc->mode = mode; mpc->L = pc.L; mpc->nchunk = pc.nchunk;
  return dive__vk_run_groups(ctx, DIVE__SH_bn_part, 7, t, &pc, sizeof pc, (int64_t)C * pc.nchunk);
}

static dive_status dive__vk_chan_sum_acc(dive_ctx *ctx, int N, int C, int HW, dive_tensor *acc, const dive_tensor *x) {
  dive__pc_bn_merge mpc;
  dive_tensor part;
  const dive_tensor *t[8];
  dive_status s;
  if ((s = dive__vk_bn_partials(ctx, N, C, HW, 2, 0, NULL, x, NULL, NULL, NULL, NULL, &part, &mpc))) return s;
  memset(t, 0, sizeof t);
  t[0] = &part; t[7] = acc;
  return dive__vk_run(ctx, DIVE__SH_bn_merge, 8, t, &mpc, sizeof mpc, C);
}

static DIVE__UNUSED dive_status dive__vk_bn_act_fwd(dive_ctx *ctx, const dive__bn_p *p, dive_tensor *out,
                                                    dive_tensor *mean, dive_tensor *rstd, const dive_tensor *in,
                                                    const dive_tensor *gamma, const dive_tensor *beta,
                                                    dive_tensor *rmean, dive_tensor *rvar, const dive_tensor *res,
                                                    int relu) {
  dive__pc_bn_merge mpc;
  dive__pc_bn_apply apc;
  dive_tensor part;
  const dive_tensor *t[8];
  dive_status s;
  int64_t n = (int64_t)p->N * p->C * p->HW;
  memset(t, 0, sizeof t);
  if (p->training) {
    if ((s = dive__vk_bn_partials(ctx, p->N, p->C, p->HW, 0, 0, in, NULL, NULL, NULL, NULL, NULL, &part, &mpc)))
      return s;
    t[0] = &part;
    mpc.flags = (rmean ? 1u : 0u) | (rvar ? 2u : 0u);
  } else {
    memset(&mpc, 0, sizeof mpc);
    mpc.N = (uint32_t)p->N; mpc.C = (uint32_t)p->C; mpc.HW = (uint32_t)p->HW; mpc.mode = 3;
  }
  mpc.momentum = p->momentum;
  mpc.eps = p->eps;
  t[1] = rmean; t[2] = rvar; t[3] = mean; t[4] = rstd;
  if ((s = dive__vk_run(ctx, DIVE__SH_bn_merge, 8, t, &mpc, sizeof mpc, p->C))) return s;
  memset(&apc, 0, sizeof apc);
  apc.n = (uint32_t)n; apc.C = (uint32_t)p->C; apc.HW = (uint32_t)p->HW;
  apc.flags = (res ? 1u : 0u) | (relu ? 2u : 0u);
  t[0] = in; t[1] = mean; t[2] = rstd; t[3] = gamma; t[4] = beta; t[5] = res; t[6] = out;
  return dive__vk_run(ctx, DIVE__SH_bn_apply, 7, t, &apc, sizeof apc, n);
}

/* mirrors dive__ref_bn_fwd; rmean / rvar may be NULL in training (then not updated) */
static dive_status dive__vk_bn_fwd(dive_ctx *ctx, const dive__bn_p *p, dive_tensor *out,
                                   dive_tensor *mean, dive_tensor *rstd, const dive_tensor *in,
                                   const dive_tensor *gamma, const dive_tensor *beta,
                                   dive_tensor *rmean, dive_tensor *rvar) {
  return dive__vk_bn_act_fwd(ctx, p, out, mean, rstd, in, gamma, beta, rmean, rvar, NULL, 0);
}

static DIVE__UNUSED dive_status dive__vk_bn_act_bwd(dive_ctx *ctx, const dive__bn_p *p, dive_tensor *din,
                                                    dive_tensor *dgamma, dive_tensor *dbeta, dive_tensor *dres,
                                                    const dive_tensor *dout, const dive_tensor *y,
                                                    const dive_tensor *in, const dive_tensor *mean,
                                                    const dive_tensor *rstd, const dive_tensor *gamma) {
  dive__pc_bn_merge mpc;
  dive__pc_bn_bwd_apply bpc;
  dive_tensor part, sums;
  const dive_tensor *t[8];
  dive_status s;
  int64_t n = (int64_t)p->N * p->C * p->HW;
  if (!din && !dgamma && !dbeta && !dres) return DIVE_OK;
  if ((s = dive__vk_bn_partials(ctx, p->N, p->C, p->HW, 1, (y ? 1u : 0u) | (dres ? 2u : 0u), in, dout, y, mean,
                                rstd, dres, &part, &mpc)))
    return s;
  if (!din && !dgamma && !dbeta) return DIVE_OK;
  if ((s = dive__vk_scratch(ctx, DIVE__VK_SCR_SUMS, 2 * (int64_t)p->C, &sums))) return s;
  memset(t, 0, sizeof t);
  t[0] = &part; t[5] = &sums; t[6] = dgamma; t[7] = dbeta;
  mpc.flags = (dgamma ? 4u : 0u) | (dbeta ? 8u : 0u);
  if ((s = dive__vk_run(ctx, DIVE__SH_bn_merge, 8, t, &mpc, sizeof mpc, p->C))) return s;
  if (!din) return DIVE_OK;
  memset(&bpc, 0, sizeof bpc);
  bpc.n = (uint32_t)n; bpc.C = (uint32_t)p->C; bpc.HW = (uint32_t)p->HW; bpc.flags = y ? 1u : 0u;
  bpc.M = (uint32_t)((int64_t)p->N * p->HW);
  t[0] = dout; t[1] = y; t[2] = in; t[3] = mean; t[4] = rstd; t[5] = gamma; t[6] = &sums; t[7] = din;
  return dive__vk_run(ctx, DIVE__SH_bn_bwd_apply, 8, t, &bpc, sizeof bpc, n);
}

/* mirrors dive__ref_bn_bwd: din overwritten, dgamma / dbeta +=; each may be NULL */
static dive_status dive__vk_bn_bwd(dive_ctx *ctx, const dive__bn_p *p, dive_tensor *din,
                                   dive_tensor *dgamma, dive_tensor *dbeta, const dive_tensor *dout,
                                   const dive_tensor *in, const dive_tensor *mean,
                                   const dive_tensor *rstd, const dive_tensor *gamma) {
  return dive__vk_bn_act_bwd(ctx, p, din, dgamma, dbeta, NULL, dout, NULL, in, mean, rstd, gamma);
}

/* option-A shortcut: one struct for shortcut_fwd and shortcut_bwd */
typedef struct dive__pc_shortcut {
  uint32_t o[2];
  int32_t N, C, H, W, K, P, Q, stride;
  uint32_t n;
} dive__pc_shortcut;
DIVE__STATIC_ASSERT(sizeof(dive__pc_shortcut) == 44, pc_shortcut);

static dive_status dive__vk_shortcut(dive_ctx *ctx, int sh, const dive__sc_p *p, dive_tensor *dst,
                                     const dive_tensor *src, int64_t n) {
  dive__pc_shortcut pc;
  const dive_tensor *t[2];
  memset(&pc, 0, sizeof pc);
  pc.N = p->N; pc.C = p->C; pc.H = p->H; pc.W = p->W; pc.K = p->K; pc.P = p->P; pc.Q = p->Q;
  pc.stride = p->stride;
  pc.n = (uint32_t)n;
  t[0] = src; t[1] = dst;
  return dive__vk_run(ctx, sh, 2, t, &pc, sizeof pc, n);
}
/* mirrors dive__ref_shortcut_fwd: one invocation per output element */
static dive_status dive__vk_shortcut_fwd(dive_ctx *ctx, const dive__sc_p *p, dive_tensor *out,
                                         const dive_tensor *in) {
  return dive__vk_shortcut(ctx, DIVE__SH_shortcut_fwd, p, out, in, (int64_t)p->N * p->K * p->P * p->Q);
}
/* mirrors dive__ref_shortcut_bwd: one invocation per din element (overwritten) */
static dive_status dive__vk_shortcut_bwd(dive_ctx *ctx, const dive__sc_p *p, dive_tensor *din,
                                         const dive_tensor *dout) {
  return dive__vk_shortcut(ctx, DIVE__SH_shortcut_bwd, p, din, dout, (int64_t)p->N * p->C * p->H * p->W);
}

/* max pool: one struct for maxpool_fwd and maxpool_bwd */
typedef struct dive__pc_pool {
  uint32_t o[3];
  int32_t N, C, H, W, P, Q, k, stride, pad;
  uint32_t n;
} dive__pc_pool;
DIVE__STATIC_ASSERT(sizeof(dive__pc_pool) == 52, pc_pool);

static void dive__vk_pool_pc(dive__pc_pool *pc, const dive__pool_p *p) {
  memset(pc, 0, sizeof *pc);
  pc->N = p->N; pc->C = p->C; pc->H = p->H; pc->W = p->W; pc->P = p->P; pc->Q = p->Q;
  pc->k = p->k; pc->stride = p->stride; pc->pad = p->pad;
}
/* mirrors dive__ref_maxpool_fwd: one invocation per output element */
static dive_status dive__vk_maxpool_fwd(dive_ctx *ctx, const dive__pool_p *p, dive_tensor *out,
                                        dive_tensor *argmax, const dive_tensor *in) {
  dive__pc_pool pc;
  const dive_tensor *t[3];
  int64_t n = (int64_t)p->N * p->C * p->P * p->Q;
  t[0] = in; t[1] = out; t[2] = argmax;
  dive__vk_pool_pc(&pc, p);
  pc.n = (uint32_t)n;
  return dive__vk_run(ctx, DIVE__SH_maxpool_fwd, 3, t, &pc, sizeof pc, n);
}
/* mirrors dive__ref_maxpool_bwd: one invocation per (n,c) plane (overlapping windows may
   add into one input element; no float atomics), out-of-range argmax entries skipped */
static dive_status dive__vk_maxpool_bwd(dive_ctx *ctx, const dive__pool_p *p, dive_tensor *din,
                                        const dive_tensor *dout, const dive_tensor *argmax) {
  dive__pc_pool pc;
  const dive_tensor *t[3];
  int64_t n = (int64_t)p->N * p->C;
  t[0] = dout; t[1] = argmax; t[2] = din;
  dive__vk_pool_pc(&pc, p);
  pc.n = (uint32_t)n;
  return dive__vk_run(ctx, DIVE__SH_maxpool_bwd, 3, t, &pc, sizeof pc, n);
}

/* global average pool: one struct for avgpool_fwd and avgpool_bwd */
typedef struct dive__pc_avgpool { uint32_t o[2], HW, n; } dive__pc_avgpool;
DIVE__STATIC_ASSERT(sizeof(dive__pc_avgpool) == 16, pc_avgpool);

/* mirrors dive__ref_avgpool_fwd: one invocation per (n,c) */
static dive_status dive__vk_avgpool_fwd(dive_ctx *ctx, int N, int C, int HW, dive_tensor *out,
                                        const dive_tensor *in) {
  dive__pc_avgpool pc;
  const dive_tensor *t[2];
  int64_t n = (int64_t)N * C;
  t[0] = in; t[1] = out;
  memset(&pc, 0, sizeof pc);
  pc.HW = (uint32_t)HW;
  pc.n = (uint32_t)n;
  return dive__vk_run(ctx, DIVE__SH_avgpool_fwd, 2, t, &pc, sizeof pc, n);
}
/* mirrors dive__ref_avgpool_bwd: one invocation per din element (overwritten) */
static dive_status dive__vk_avgpool_bwd(dive_ctx *ctx, int N, int C, int HW, dive_tensor *din,
                                        const dive_tensor *dout) {
  dive__pc_avgpool pc;
  const dive_tensor *t[2];
  int64_t n = (int64_t)N * C * HW;
  t[0] = dout; t[1] = din;
  memset(&pc, 0, sizeof pc);
  pc.HW = (uint32_t)HW;
  pc.n = (uint32_t)n;
  return dive__vk_run(ctx, DIVE__SH_avgpool_bwd, 2, t, &pc, sizeof pc, n);
}

/* sgd: mirrors dive__ref_sgd_step(p, param, mom, grad); mom is NULL when momentum == 0 */
typedef struct dive__pc_sgd_step {
  uint32_t o_grad, o_param, o_mom, o_sc, o_ring, n;
  float lr, momentum, wd;
  uint32_t nesterov, flags, lr_slot, ring_len;
} dive__pc_sgd_step;
DIVE__STATIC_ASSERT(sizeof(dive__pc_sgd_step) == 52, pc_sgd_step);

/* Internal, for captured steps: the same SGD pass with lr = scalars[lr_slot] read on the
   device (so a replay can change it), and, when ring is given, skipped on the device when
   this step's ring entry has a non-finite flag (dive__vk_loss_reduce, _nonfinite_scan).
   scalars may be NULL (lr from p), ring may be NULL. */
static dive_status dive__vk_sgd_step_dyn(dive_ctx *ctx, const dive__sgd_p *p, dive_tensor *param, dive_tensor *mom,
                                         const dive_tensor *grad, const dive_tensor *scalars, int lr_slot,
                                         const dive_tensor *ring) {
  dive__pc_sgd_step pc;
  const dive_tensor *b[5];
  memset(&pc, 0, sizeof pc);
  b[0] = grad; b[1] = param; b[2] = mom; b[3] = scalars; b[4] = ring;
  pc.n = (uint32_t)p->n;
  pc.lr = p->lr;
  pc.momentum = mom ? p->momentum : 0.0f;
  pc.wd = p->wd;
  pc.nesterov = (uint32_t)(p->nesterov != 0);
  if (scalars && (lr_slot < 1 || lr_slot >= DIVE__MIN(scalars->numel, DIVE__VK_NSCALARS)))
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "dive__vk_sgd_step_dyn: lr slot %d outside 1..%d", lr_slot,
                          DIVE__VK_NSCALARS - 1);
  if (ring && !scalars) return dive__ctx_fail(ctx, DIVE_ERR_ARG, "dive__vk_sgd_step_dyn: a ring needs the scalars");
  pc.flags = (scalars ? 1u : 0u) | (ring ? 2u : 0u);
  pc.lr_slot = (uint32_t)lr_slot;
  pc.ring_len = ring ? (uint32_t)(ring->numel / 2) : 1u;
  return dive__vk_run(ctx, DIVE__SH_sgd_step, 5, b, &pc, sizeof pc, p->n);
}

static dive_status dive__vk_sgd_step(dive_ctx *ctx, const dive__sgd_p *p, dive_tensor *param,
                                     dive_tensor *mom, const dive_tensor *grad) {
  return dive__vk_sgd_step_dyn(ctx, p, param, mom, grad, NULL, 0, NULL);
}

/* Internal, for captured steps: the mean of pe[0..B) into ring entry scalars[0] % (ring
   entries) with flag 1 when it is not finite, and flag 4 when the previous entry has any
   flag (so a flagged step stops the SGD of the steps queued after it); one work group,
   fixed order. */
typedef struct dive__pc_loss_reduce { uint32_t o_pe, o_sc, o_ring, B, ring_len; } dive__pc_loss_reduce;
static DIVE__UNUSED dive_status dive__vk_loss_reduce(dive_ctx *ctx, const dive_tensor *pe, int B,
                                                     const dive_tensor *scalars, dive_tensor *ring) {
  dive__pc_loss_reduce pc;
  const dive_tensor *b[3];
  b[0] = pe; b[1] = scalars; b[2] = ring;
  memset(&pc, 0, sizeof pc);
  pc.B = (uint32_t)B;
  pc.ring_len = (uint32_t)(ring->numel / 2);
  if (B < 1 || B > pe->numel || pc.ring_len < 1)
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "dive__vk_loss_reduce: B %d outside 1..%lld or empty ring", B,
                          (long long)pe->numel);
  return dive__vk_run_groups(ctx, DIVE__SH_loss_reduce, 3, b, &pc, sizeof pc, 1);
}

/* Internal: flag 2 in this step's ring entry when x has a NaN or an infinity (the
   gradient arena, before dive__vk_sgd_step_dyn). */
typedef struct dive__pc_nonfinite_scan { uint32_t o_x, o_sc, o_ring, n, ring_len; } dive__pc_nonfinite_scan;
static DIVE__UNUSED dive_status dive__vk_nonfinite_scan(dive_ctx *ctx, const dive_tensor *x, const dive_tensor *scalars,
                                                        dive_tensor *ring) {
  dive__pc_nonfinite_scan pc;
  const dive_tensor *b[3];
  b[0] = x; b[1] = scalars; b[2] = ring;
  memset(&pc, 0, sizeof pc);
  pc.n = (uint32_t)x->numel;
  pc.ring_len = (uint32_t)(ring->numel / 2);
  return dive__vk_run(ctx, DIVE__SH_nonfinite_scan, 3, b, &pc, sizeof pc, x->numel);
}

/* loss: mirrors dive__ref_loss_fwd(p, dlogits, per_example, logits, labels, teacher,
   log_prior); teacher / log_prior are NULL when the loss does not use them. The mean needs
   the per-example losses on the host, so asking for mean_loss waits for the device (a
   scratch tensor stands in for per_example when that is NULL). A label outside [0, C) is
   found on the device (per_example = NaN, dlogits row = 0) and reported when mean_loss is
   read. */
typedef struct dive__pc_loss_fwd {
  uint32_t o_s, o_y, o_z, o_lp, o_dl, o_pe;
  uint32_t B, C, use_ce, prior, use_kd, mix_gt, has_dl;
  float wce, wkd, alpha, T, power;
} dive__pc_loss_fwd;
DIVE__STATIC_ASSERT(sizeof(dive__pc_loss_fwd) == 72, pc_loss_fwd);

static dive_status dive__vk_loss_fwd(dive_ctx *ctx, const dive__loss_p *p, dive_tensor *dlogits,
                                     dive_tensor *per_example, const dive_tensor *logits,
                                     const dive_tensor *labels, const dive_tensor *teacher,
                                     const dive_tensor *log_prior, float *mean_loss) {
  struct dive__vk *vk = ctx->vk;
  dive__pc_loss_fwd pc;
  const dive_tensor *b[6];
  dive_tensor pe;
  dive_status s;
  float *host;
  double total = 0;
  int i;
  if (per_example) {
    pe = *per_example;
  } else { /* scratch per-example buffer, grown on demand */
    if (vk->scratch.numel < p->B) {
      int n = p->B;
      dive_tensor_free(&vk->scratch);
      if ((s = dive_tensor_alloc(ctx, &vk->scratch, DIVE_F32, 1, &n))) return s;
    }
    if ((s = dive_tensor_view(&pe, &vk->scratch, 0, 1, &p->B))) return s;
  }
  b[0] = logits; b[1] = labels; b[2] = teacher; b[3] = log_prior; b[4] = dlogits; b[5] = &pe;
  pc.B = (uint32_t)p->B;
  pc.C = (uint32_t)p->C;
  pc.use_ce = (uint32_t)p->use_ce;
  pc.prior = (uint32_t)p->prior;
  pc.use_kd = (uint32_t)p->use_kd;
  pc.mix_gt = (uint32_t)p->mix_gt;
  pc.has_dl = dlogits != NULL;
  pc.wce = p->wce;
  pc.wkd = p->wkd;
  pc.alpha = p->alpha;
  pc.T = p->T;
  pc.power = p->power;
  if ((s = dive__vk_run(ctx, DIVE__SH_loss_fwd, 6, b, &pc, sizeof pc, p->B))) return s;
  if (!mean_loss) return DIVE_OK;
  host = (float *)DIVE_MALLOC(sizeof(float) * (size_t)p->B);
  if (!host) return dive__ctx_fail(ctx, DIVE_ERR_OOM, "dive_loss_forward: out of memory");
  if ((s = dive__vk_read(ctx, &pe, host, sizeof(float) * (size_t)p->B))) { DIVE_FREE(host); return s; }
  for (i = 0; i < p->B; i++) total += host[i]; /* labels were checked on the host: NaN is a NaN loss */
  DIVE_FREE(host);
  *mean_loss = (float)(total / p->B);
  return DIVE_OK;
}

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
static int64_t dive__vk_mem_bytes(const dive_ctx *ctx) { (void)ctx; return 0; }
static DIVE__UNUSED int dive__vk_validation_errors(const dive_ctx *ctx) { (void)ctx; return 0; }
static DIVE__UNUSED int dive__vk_validation_active(const dive_ctx *ctx) { (void)ctx; return 0; }
/* op kernels: unreachable (the backend is never VULKAN), but the dispatch must compile */
#define dive__vk_loss_fwd(ctx, ...) dive__vk_op_missing(ctx, "dive_loss_forward")
#define dive__vk_sgd_step(ctx, ...) dive__vk_op_missing(ctx, "dive_sgd_step")
#define dive__vk_relu_fwd(ctx, ...) dive__vk_op_missing(ctx, "dive_relu_forward")
#define dive__vk_relu_bwd(ctx, ...) dive__vk_op_missing(ctx, "dive_relu_backward")
#define dive__vk_add_fwd(ctx, ...) dive__vk_op_missing(ctx, "dive_add_forward")
#define dive__vk_add_bwd(ctx, ...) dive__vk_op_missing(ctx, "dive_add_backward")
#define dive__vk_conv2d_fwd(ctx, ...) dive__vk_op_missing(ctx, "dive_conv2d_forward")
#define dive__vk_conv2d_bwd(ctx, ...) dive__vk_op_missing(ctx, "dive_conv2d_backward")
#define dive__vk_bn_fwd(ctx, ...) dive__vk_op_missing(ctx, "dive_batchnorm_forward")
#define dive__vk_bn_bwd(ctx, ...) dive__vk_op_missing(ctx, "dive_batchnorm_backward")
#define dive__vk_shortcut_fwd(ctx, ...) dive__vk_op_missing(ctx, "dive_shortcut_forward")
#define dive__vk_shortcut_bwd(ctx, ...) dive__vk_op_missing(ctx, "dive_shortcut_backward")
#define dive__vk_maxpool_fwd(ctx, ...) dive__vk_op_missing(ctx, "dive_maxpool_forward")
#define dive__vk_maxpool_bwd(ctx, ...) dive__vk_op_missing(ctx, "dive_maxpool_backward")
#define dive__vk_avgpool_fwd(ctx, ...) dive__vk_op_missing(ctx, "dive_avgpool_forward")
#define dive__vk_avgpool_bwd(ctx, ...) dive__vk_op_missing(ctx, "dive_avgpool_backward")
#define dive__vk_linear_fwd(ctx, ...) dive__vk_op_missing(ctx, "dive_linear_forward")
#define dive__vk_linear_bwd(ctx, ...) dive__vk_op_missing(ctx, "dive_linear_backward")
/* the internal helpers of the model driver (see >>vulkan): the same names, so a driver can
   call them on the Vulkan backend without its own #ifdef */
typedef struct dive__vk_capture dive__vk_capture;
typedef struct dive__vk_counters {
  int64_t submits, waits, dispatches, barriers, desc_writes, desc_hits, fills, copies, replays;
  double device_ms;
} dive__vk_counters;
#define dive__vk_bn_act_fwd(ctx, ...) dive__vk_op_missing(ctx, "dive__vk_bn_act_fwd")
#define dive__vk_bn_act_bwd(ctx, ...) dive__vk_op_missing(ctx, "dive__vk_bn_act_bwd")
#define dive__vk_sgd_step_dyn(ctx, ...) dive__vk_op_missing(ctx, "dive__vk_sgd_step_dyn")
#define dive__vk_loss_reduce(ctx, ...) dive__vk_op_missing(ctx, "dive__vk_loss_reduce")
#define dive__vk_nonfinite_scan(ctx, ...) dive__vk_op_missing(ctx, "dive__vk_nonfinite_scan")
#define dive__vk_capture_begin(ctx, ...) dive__vk_op_missing(ctx, "dive__vk_capture_begin")
#define dive__vk_capture_end(ctx, ...) dive__vk_op_missing(ctx, "dive__vk_capture_end")
#define dive__vk_capture_slot(ctx, ...) dive__vk_op_missing(ctx, "dive__vk_capture_slot")
#define dive__vk_capture_replay(ctx, ...) dive__vk_op_missing(ctx, "dive__vk_capture_replay")
#define dive__vk_capture_ring(ctx, ...) dive__vk_op_missing(ctx, "dive__vk_capture_ring")
static DIVE__UNUSED void dive__vk_capture_free(dive_ctx *ctx, dive__vk_capture *cap) { (void)ctx; (void)cap; }
static DIVE__UNUSED dive_tensor *dive__vk_capture_scalars(dive__vk_capture *cap) { (void)cap; return NULL; }
static DIVE__UNUSED dive_tensor *dive__vk_capture_ringt(dive__vk_capture *cap) { (void)cap; return NULL; }
static DIVE__UNUSED int dive__vk_capture_valid(const dive__vk_capture *cap) { (void)cap; return 0; }
static DIVE__UNUSED int64_t dive__vk_capture_steps(const dive__vk_capture *cap) { (void)cap; return 0; }
static DIVE__UNUSED int dive__vk_can_capture(const dive_ctx *ctx) { (void)ctx; return 0; }
static DIVE__UNUSED dive__vk_counters dive__vk_counters_get(const dive_ctx *ctx) {
  dive__vk_counters c;
  (void)ctx;
  memset(&c, 0, sizeof c);
  return c;
}
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
  env = getenv("DIVE_CHECK");
  ctx->check = env && *env ? atoi(env) : 0;
  ctx->log_fn = d.log_fn;
  ctx->log_user = d.log_user;
#if DIVE__OMP
  ctx->threads = d.threads > 0 ? d.threads : omp_get_max_threads(); /* per ctx, see dive__enter */
#else
  ctx->threads = 1;
#endif
  if (d.backend != DIVE_BACKEND_CPU) {
    dive_status s;
    ctx->backend = d.backend; /* the requested mode: AUTO refuses CPU-type Vulkan devices */
    s = dive__vk_init(ctx, d.vk_device - 1);
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
  DIVE_FREE(ctx->cpu_ws.base);
  DIVE_FREE(ctx);
}

DIVE_API int64_t dive_query_device_memory(const dive_ctx *ctx) { return ctx ? dive__vk_mem_bytes(ctx) : 0; }
DIVE_API int dive_query_validation_messages(const dive_ctx *ctx) { return dive__vk_validation_errors(ctx); }
DIVE_API void dive_query_vk_counters(const dive_ctx *ctx, int64_t c[5]) {
  dive__vk_counters k = dive__vk_counters_get(ctx);
  c[0] = k.submits; c[1] = k.waits; c[2] = k.dispatches; c[3] = k.barriers; c[4] = k.desc_writes;
}
DIVE_API const char *dive_query_cpu_isa(void) { return dive__isa_name(dive__isa()); }

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

/* --- DIVE_CHECK=1: cross-check mode. Each Vulkan op is recomputed on the CPU from
   snapshots of its tensors taken just before it runs, and its outputs are compared: the
   first one off by a relative L2 error above 1e-4 fails the ctx with the op's name. Slow
   (every op waits for the device): a debugging aid for new devices and drivers.
   An op lists its tensors in the order of its CPU kernel's arguments, each with its role:
   ">din +dw dout in w" = din an output (the CPU starts from zeros), dw accumulated into
   (the CPU starts from the device's values), dout, in and w inputs. dive__ck_begin takes
   the snapshots, the op runs on the device, the CPU kernel runs on ck.h[0..] (same order),
   and dive__ck_end compares every output and accumulated tensor. --- */
static float *dive__chk_snap(const dive_tensor *t) {
  float *h;
  if (!t) return NULL;
  h = (float *)DIVE_MALLOC((size_t)t->numel * 4 + 4);
  if (h && dive_tensor_read(t, h, t->numel)) { DIVE_FREE(h); h = NULL; }
  return h;
}

static dive_status dive__chk_cmp(dive_ctx *ctx, const char *op, const char *what, const dive_tensor *t,
                                 const float *ref) {
  float *got;
  double num = 0, den = 0, e;
  int64_t i;
  if (!t || ctx->status) return ctx->status;
  if (!ref || !(got = dive__chk_snap(t))) return dive__ctx_fail(ctx, DIVE_ERR_OOM, "DIVE_CHECK %s: out of memory", op);
  for (i = 0; i < t->numel; i++) {
    double d = (double)got[i] - ref[i];
    num += d * d;
    den += (double)ref[i] * ref[i];
  }
  DIVE_FREE(got);
  e = sqrt(num) / (den > 0 ? sqrt(den) : 1.0);
  if (ctx->check > 1 && e > 1e-6) /* DIVE_CHECK=2: every difference worth a look */
    fprintf(stderr, "dive: DIVE_CHECK %s %s relative error %.3g (%lld elements)\n", op, what, e, (long long)t->numel);
  if (!(e <= 1e-4))
    return dive__ctx_fail(ctx, DIVE_ERR_VULKAN, "DIVE_CHECK: %s %s differs from the CPU: relative error %.3g "
                          "(%lld elements)", op, what, e, (long long)t->numel);
  return DIVE_OK;
}

typedef struct dive__ck {
  const char *op;
  int n, ok;            /* ok: every snapshot was taken */
  char name[8][16], role[8];
  const dive_tensor *t[8];
  float *h[8];          /* host copies in the listed order (NULL for a NULL tensor) */
} dive__ck;

static void dive__ck_begin(dive__ck *c, const char *op, const char *args, ...) {
  const char *a = args;
  va_list ap;
  memset(c, 0, sizeof *c);
  c->op = op;
  c->ok = 1;
  va_start(ap, args);
  while (*a && c->n < 8) {
    const dive_tensor *t = va_arg(ap, const dive_tensor *);
    char r = (*a == '>' || *a == '+') ? *a++ : 0;
    int k = 0;
    while (*a && *a != ' ') {
      if (k < 15) c->name[c->n][k++] = *a;
      a++;
    }
    while (*a == ' ') a++;
    c->role[c->n] = r;
    c->t[c->n] = t;
    if (t && !(c->h[c->n] = r == '>' ? (float *)dive__calloc((size_t)t->numel * 4) : dive__chk_snap(t))) c->ok = 0;
    c->n++;
  }
  va_end(ap);
}
/* s: the device op's status; returns the first failure */
static dive_status dive__ck_end(dive_ctx *ctx, dive__ck *c, dive_status s) {
  int i;
  if (!s && !c->ok) s = dive__ctx_fail(ctx, DIVE_ERR_OOM, "DIVE_CHECK %s: out of memory", c->op);
  for (i = 0; i < c->n && !s; i++)
    if (c->role[i] && c->t[i]) s = dive__chk_cmp(ctx, c->op, c->name[i], c->t[i], c->h[i]);
  for (i = 0; i < c->n; i++) DIVE_FREE(c->h[i]);
  return s;
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

/* t (when not NULL) has numel elements (any shape) */
static dive_status dive__chk_numel(dive_ctx *ctx, const char *fn, const char *name, const dive_tensor *t,
                                   int64_t numel) {
  if (!t || t->numel == numel) return DIVE_OK;
  return dive__ctx_fail(ctx, DIVE_ERR_SHAPE, "%s: %s has %lld elements, expected %lld", fn, name,
                        (long long)t->numel, (long long)numel);
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
    dive__enter(ctx);                                                            \
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
    dive__cpu_conv2d_fwd_ws(&ctx->cpu_ws, &p, dive__f(out), dive__f(in), dive__f(w), dive__f(b), NULL);
    return DIVE_OK;
  case DIVE_BACKEND_VULKAN: {
    dive__ck ck;
    if (!ctx->check) return dive__vk_conv2d_fwd(ctx, &p, out, in, w, b);
    dive__ck_begin(&ck, "conv2d_forward", ">out in w b", out, in, w, b);
    if (!(s = dive__vk_conv2d_fwd(ctx, &p, out, in, w, b)) && ck.ok) dive__cpu_conv2d_fwd(&p, ck.h[0], ck.h[1], ck.h[2], ck.h[3]);
    return dive__ck_end(ctx, &ck, s);
  }
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
    dive__cpu_conv2d_bwd_ws(&ctx->cpu_ws, &p, dive__f(din), dive__f(dw), dive__f(db), dive__f(dout),
                            dive__f(in), dive__f(w), NULL);
    return DIVE_OK;
  case DIVE_BACKEND_VULKAN: {
    dive__ck ck;
    if (!ctx->check) return dive__vk_conv2d_bwd(ctx, &p, din, dw, db, dout, in, w);
    dive__ck_begin(&ck, "conv2d_backward", ">din +dw +db dout in w", din, dw, db, dout, in, w);
    if (!(s = dive__vk_conv2d_bwd(ctx, &p, din, dw, db, dout, in, w)) && ck.ok) dive__cpu_conv2d_bwd(&p, ck.h[0], ck.h[1], ck.h[2], ck.h[3], ck.h[4], ck.h[5]);
    return dive__ck_end(ctx, &ck, s);
  }
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
  case DIVE_BACKEND_VULKAN: {
    dive__ck ck;
    if (!ctx->check) return dive__vk_bn_fwd(ctx, &p, out, mean, rstd, in, gamma, beta, running_mean, running_var);
    dive__ck_begin(&ck, "batchnorm_forward", ">out >mean >rstd in gamma beta +running_mean +running_var", out, mean, rstd, in, gamma, beta, running_mean, running_var);
    if (!(s = dive__vk_bn_fwd(ctx, &p, out, mean, rstd, in, gamma, beta, running_mean, running_var)) && ck.ok) dive__cpu_bn_fwd(&p, ck.h[0], ck.h[1], ck.h[2], ck.h[3], ck.h[4], ck.h[5], ck.h[6], ck.h[7]);
    return dive__ck_end(ctx, &ck, s);
  }
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
  case DIVE_BACKEND_VULKAN: {
    dive__ck ck;
    if (!ctx->check) return dive__vk_bn_bwd(ctx, &p, din, dgamma, dbeta, dout, in, mean, rstd, gamma);
    dive__ck_begin(&ck, "batchnorm_backward", ">din +dgamma +dbeta dout in mean rstd gamma", din, dgamma, dbeta, dout, in, mean, rstd, gamma);
    if (!(s = dive__vk_bn_bwd(ctx, &p, din, dgamma, dbeta, dout, in, mean, rstd, gamma)) && ck.ok) dive__cpu_bn_bwd(&p, ck.h[0], ck.h[1], ck.h[2], ck.h[3], ck.h[4], ck.h[5], ck.h[6], ck.h[7]);
    return dive__ck_end(ctx, &ck, s);
  }
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
  case DIVE_BACKEND_VULKAN: {
    dive__ck ck;
    if (!ctx->check) return dive__vk_relu_fwd(ctx, in->numel, out, in);
    dive__ck_begin(&ck, "relu_forward", ">out in", out, in);
    if (!(s = dive__vk_relu_fwd(ctx, in->numel, out, in)) && ck.ok) dive__cpu_relu_fwd(in->numel, ck.h[0], ck.h[1]);
    return dive__ck_end(ctx, &ck, s);
  }
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
  case DIVE_BACKEND_VULKAN: {
    dive__ck ck;
    if (!ctx->check) return dive__vk_relu_bwd(ctx, out->numel, din, dout, out);
    dive__ck_begin(&ck, "relu_backward", ">din dout out", din, dout, out);
    if (!(s = dive__vk_relu_bwd(ctx, out->numel, din, dout, out)) && ck.ok) dive__cpu_relu_bwd(out->numel, ck.h[0], ck.h[1], ck.h[2]);
    return dive__ck_end(ctx, &ck, s);
  }
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
  case DIVE_BACKEND_VULKAN: {
    dive__ck ck;
    if (!ctx->check) return dive__vk_add_fwd(ctx, a->numel, out, a, b);
    dive__ck_begin(&ck, "add_forward", ">out a b", out, a, b);
    if (!(s = dive__vk_add_fwd(ctx, a->numel, out, a, b)) && ck.ok) dive__cpu_add_fwd(a->numel, ck.h[0], ck.h[1], ck.h[2]);
    return dive__ck_end(ctx, &ck, s);
  }
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
  case DIVE_BACKEND_VULKAN: {
    dive__ck ck;
    if (!ctx->check) return dive__vk_add_bwd(ctx, dout->numel, da, db, dout);
    dive__ck_begin(&ck, "add_backward", ">da >db dout", da, db, dout);
    if (!(s = dive__vk_add_bwd(ctx, dout->numel, da, db, dout)) && ck.ok) dive__cpu_add_bwd(dout->numel, ck.h[0], ck.h[1], ck.h[2]);
    return dive__ck_end(ctx, &ck, s);
  }
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
  case DIVE_BACKEND_VULKAN: {
    dive__ck ck;
    if (!ctx->check) return dive__vk_shortcut_fwd(ctx, &p, out, in);
    dive__ck_begin(&ck, "shortcut_forward", ">out in", out, in);
    if (!(s = dive__vk_shortcut_fwd(ctx, &p, out, in)) && ck.ok) dive__cpu_shortcut_fwd(&p, ck.h[0], ck.h[1]);
    return dive__ck_end(ctx, &ck, s);
  }
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
  case DIVE_BACKEND_VULKAN: {
    dive__ck ck;
    if (!ctx->check) return dive__vk_shortcut_bwd(ctx, &p, din, dout);
    dive__ck_begin(&ck, "shortcut_backward", ">din dout", din, dout);
    if (!(s = dive__vk_shortcut_bwd(ctx, &p, din, dout)) && ck.ok) dive__cpu_shortcut_bwd(&p, ck.h[0], ck.h[1]);
    return dive__ck_end(ctx, &ck, s);
  }
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
  case DIVE_BACKEND_VULKAN: return dive__vk_maxpool_fwd(ctx, &p, out, argmax, in);
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
  case DIVE_BACKEND_VULKAN: return dive__vk_maxpool_bwd(ctx, &p, din, dout, argmax);
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
  case DIVE_BACKEND_VULKAN: {
    dive__ck ck;
    if (!ctx->check) return dive__vk_avgpool_fwd(ctx, in->shape[0], in->shape[1], HW, out, in);
    dive__ck_begin(&ck, "avgpool_forward", ">out in", out, in);
    if (!(s = dive__vk_avgpool_fwd(ctx, in->shape[0], in->shape[1], HW, out, in)) && ck.ok) dive__cpu_avgpool_fwd(in->shape[0], in->shape[1], HW, ck.h[0], ck.h[1]);
    return dive__ck_end(ctx, &ck, s);
  }
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
  case DIVE_BACKEND_VULKAN: {
    dive__ck ck;
    if (!ctx->check) return dive__vk_avgpool_bwd(ctx, din->shape[0], din->shape[1], HW, din, dout);
    dive__ck_begin(&ck, "avgpool_backward", ">din dout", din, dout);
    if (!(s = dive__vk_avgpool_bwd(ctx, din->shape[0], din->shape[1], HW, din, dout)) && ck.ok) dive__cpu_avgpool_bwd(din->shape[0], din->shape[1], HW, ck.h[0], ck.h[1]);
    return dive__ck_end(ctx, &ck, s);
  }
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
  case DIVE_BACKEND_VULKAN: {
    dive__ck ck;
    if (!ctx->check) return dive__vk_linear_fwd(ctx, &p, out, in, w, b);
    dive__ck_begin(&ck, "linear_forward", ">out in w b", out, in, w, b);
    if (!(s = dive__vk_linear_fwd(ctx, &p, out, in, w, b)) && ck.ok) dive__cpu_linear_fwd(&p, ck.h[0], ck.h[1], ck.h[2], ck.h[3]);
    return dive__ck_end(ctx, &ck, s);
  }
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
  case DIVE_BACKEND_VULKAN: {
    dive__ck ck;
    if (!ctx->check) return dive__vk_linear_bwd(ctx, &p, din, dw, db, dout, in, w);
    dive__ck_begin(&ck, "linear_backward", ">din +dw +db dout in w", din, dw, db, dout, in, w);
    if (!(s = dive__vk_linear_bwd(ctx, &p, din, dw, db, dout, in, w)) && ck.ok) dive__cpu_linear_bwd(&p, ck.h[0], ck.h[1], ck.h[2], ck.h[3], ck.h[4], ck.h[5]);
    return dive__ck_end(ctx, &ck, s);
  }
  default: return dive__bad_backend(ctx, fn);
  }
}

/* >>dispatch:fused (internal ops of the model driver: one call per conv + BN unit)
   The model's forward and backward are sequences of these three steps; like the public
   ops they validate what they are given and switch on the backend. CPU: fused kernels that
   save whole passes over the activations (the conv takes the BN's row statistics while
   each image is in cache; backward-data adds the shortcut's gradient, applies the next
   ReLU's mask and takes the next BN's row sums). Vulkan: the conv, then the fused BN
   helpers (dive__vk_bn_act_fwd / _bwd: the residual add and the ReLU inside the BN's apply
   pass, the ReLU mask inside its sums pass); under DIVE_CHECK the public ops in sequence,
   each checked against the CPU. */
#define DIVE__BN_MOMENTUM 0.1f
#define DIVE__BN_EPS 1e-5f

/* y = [relu](bn(c) [+ res]) with c = conv(x, w) (no bias), saved for the backward, and
   mean/rstd as dive_batchnorm_forward saves them (training: batch statistics and the
   running ones updated; eval: the running ones). rowstats: CPU scratch of 2 N K floats.
   x (N,C,H,W), w (K,C/groups,R,S); c, y, res (N,K,P,Q); BN tensors (K).
   fold: in eval mode on the CPU, host scratch of K (C/groups) R S + K floats, or NULL: the
   BN is folded into the conv's weights and bias (dive__bn_fold) and the conv writes y
   with the bias, residual and ReLU applied per image in cache (dive__cpu_conv2d_fwd_epi):
   one pass instead of three, no statistics; c is not written. */
static dive_status dive__conv_bn_forward(dive_ctx *ctx, dive_tensor *y, dive_tensor *c, dive_tensor *mean,
                                         dive_tensor *rstd, const dive_tensor *x, const dive_tensor *res,
                                         const dive_tensor *w, const dive_tensor *gamma, const dive_tensor *beta,
                                         dive_tensor *rmean, dive_tensor *rvar, int stride, int pad, int groups,
                                         int relu, int training, dive_tensor *rowstats, float *fold) {
  const char *fn = "dive_resnet_forward";
  dive__conv_p p;
  dive__bn_p b;
  dive_status s;
  DIVE__OP_BEGIN(ctx, fn);
  if ((s = dive__conv_setup(ctx, fn, &p, x, w, stride, pad, groups)) ||
      (s = dive__chk_dims(ctx, fn, "c", c, 4, p.N, p.K, p.P, p.Q)) || (s = dive__chk_same(ctx, fn, "y", y, c)) ||
      (s = dive__chk_same(ctx, fn, "res", res, c)) || (s = dive__chk_dims(ctx, fn, "gamma", gamma, 1, p.K, 0, 0, 0)))
    return s;
  if (training && (int64_t)p.N * p.P * p.Q < 2)
    return dive__ctx_fail(ctx, DIVE_ERR_SHAPE, "%s: batch norm in training needs more than one value per channel "
                          "(batch %d of %dx%d outputs)", fn, p.N, p.P, p.Q);
  b.N = p.N; b.C = p.K; b.HW = p.P * p.Q;
  b.training = training ? 1 : 0; b.momentum = DIVE__BN_MOMENTUM; b.eps = DIVE__BN_EPS;
  switch (ctx->backend) {
  case DIVE_BACKEND_CPU: {
    float *rs = training ? dive__f(rowstats) : NULL;
    if (!training && fold) {
      int64_t crs = (int64_t)(p.C / p.groups) * p.R * p.S, k;
      const float *rm = dive__f(rmean), *rv = dive__f(rvar);
      float *mu = dive__f(mean), *rsd = dive__f(rstd);
      dive__bn_fold(p.K, crs, dive__f(w), NULL, dive__f(gamma), dive__f(beta), rm, rv, b.eps, fold,
                    fold + p.K * crs);
      for (k = 0; k < p.K; k++) { /* what the eval-mode BN saves */
        mu[k] = rm[k];
        rsd[k] = 1.0f / sqrtf(rv[k] + b.eps);
      }
      dive__cpu_conv2d_fwd_epi(&ctx->cpu_ws, &p, dive__f(y), dive__f(x), fold, fold + p.K * crs,
                               res ? dive__f(res) : NULL, relu);
      return DIVE_OK;
    }
    dive__cpu_conv2d_fwd_ws(&ctx->cpu_ws, &p, dive__f(c), dive__f(x), dive__f(w), NULL, rs);
    dive__cpu_bn_act_fwd(&b, dive__f(y), dive__f(mean), dive__f(rstd), dive__f(c), dive__f(gamma), dive__f(beta),
                         dive__f(rmean), dive__f(rvar), res ? dive__f(res) : NULL, relu, rs);
    return DIVE_OK;
  }
  case DIVE_BACKEND_VULKAN:
    if (dive_conv2d_forward(ctx, c, x, w, NULL, stride, pad, groups)) return ctx->status;
    if (!ctx->check) /* the BN's apply pass adds the residual and applies the ReLU */
      return dive__vk_bn_act_fwd(ctx, &b, y, mean, rstd, c, gamma, beta, rmean, rvar, res, relu);
    /* DIVE_CHECK: the public ops, each checked against the CPU */
    dive_batchnorm_forward(ctx, y, mean, rstd, c, gamma, beta, rmean, rvar, training, DIVE__BN_MOMENTUM, DIVE__BN_EPS);
    if (res) dive_add_forward(ctx, y, y, res);
    if (relu) dive_relu_forward(ctx, y, y);
    return ctx->status;
  default: return dive__bad_backend(ctx, fn);
  }
}

/* The backward of the BN (+ ReLU) half: with relu, dy is masked in place by y > 0 (as
   dive_relu_backward(dy, dy, y) leaves it: the shortcut reads it too), then dc = BN
   backward (training formula) from c, mean, rstd; dgamma, dbeta +=. rsums: what
   dive__conv_backward_epi returned (dy masked already, these its rows' sums), or NULL. */
static dive_status dive__relu_bn_backward(dive_ctx *ctx, dive_tensor *dc, dive_tensor *dgamma, dive_tensor *dbeta,
                                          dive_tensor *dy, const dive_tensor *y, const dive_tensor *c,
                                          const dive_tensor *mean, const dive_tensor *rstd, const dive_tensor *gamma,
                                          int relu, const dive_tensor *rsums) {
  const char *fn = "dive_resnet_backward";
  dive__bn_p b;
  dive_status s;
  DIVE__OP_BEGIN(ctx, fn);
  if ((s = dive__bn_setup(ctx, fn, &b, c)) || (s = dive__chk_same(ctx, fn, "dy", dy, c)) ||
      (s = dive__chk_same(ctx, fn, "dc", dc, c)) || (s = dive__chk_same(ctx, fn, "y", relu ? y : NULL, c)) ||
      (s = dive__chk_dims(ctx, fn, "gamma", gamma, 1, b.C, 0, 0, 0)))
    return s;
  b.training = 1; b.momentum = DIVE__BN_MOMENTUM; b.eps = DIVE__BN_EPS;
  switch (ctx->backend) {
  case DIVE_BACKEND_CPU:
    if (relu)
      dive__cpu_relu_bn_bwd(&b, dive__f(dc), dive__f(dgamma), dive__f(dbeta), dive__f(dy), dive__f(y), dive__f(c),
                            dive__f(mean), dive__f(rstd), dive__f(gamma), rsums ? dive__f(rsums) : NULL);
    else
      dive__cpu_bn_bwd(&b, dive__f(dc), dive__f(dgamma), dive__f(dbeta), dive__f(dy), dive__f(c), dive__f(mean),
                       dive__f(rstd), dive__f(gamma));
    return DIVE_OK;
  case DIVE_BACKEND_VULKAN:
    if (!ctx->check) /* the ReLU mask inside the BN's sums pass, dy masked in place */
      return dive__vk_bn_act_bwd(ctx, &b, dc, dgamma, dbeta, relu ? dy : NULL, dy, relu ? y : NULL, c, mean, rstd,
                                 gamma);
    if (relu) dive_relu_backward(ctx, dy, dy, y); /* DIVE_CHECK: the public ops, each checked */
    return dive_batchnorm_backward(ctx, dc, dgamma, dbeta, dy, c, mean, rstd, gamma);
  default: return dive__bad_backend(ctx, fn);
  }
}

/* The conv half: dx = backward-data of dc (NULL: not needed) [+ add], dw +=. When x is
   the output of a BN + ReLU (ey: that output, ec: the BN's input, emean: its mean), the
   backend may also mask dx by ey > 0 and leave the row sums that BN's backward needs in
   rsums (2 N C floats); it returns rsums when it did, else NULL (then dx is unmasked and
   dive__relu_bn_backward masks it). */
static const dive_tensor *dive__conv_backward_epi(dive_ctx *ctx, dive_tensor *dx, dive_tensor *dw, const dive_tensor *dc,
                                                  const dive_tensor *x, const dive_tensor *w, int stride, int pad,
                                                  int groups, const dive_tensor *add, const dive_tensor *ey,
                                                  const dive_tensor *ec, const dive_tensor *emean, dive_tensor *rsums) {
  const char *fn = "dive_resnet_backward";
  dive__conv_p p;
  if (!ctx || ctx->status) return NULL;
  if (dive__conv_setup(ctx, fn, &p, x, w, stride, pad, groups) ||
      dive__chk_dims(ctx, fn, "dc", dc, 4, p.N, p.K, p.P, p.Q) || dive__chk_same(ctx, fn, "dx", dx, x) ||
      dive__chk_same(ctx, fn, "add", add, x) || dive__chk_same(ctx, fn, "ey", ey, x))
    return NULL;
  if (!dx) add = ey = NULL;
  switch (ctx->backend) {
  case DIVE_BACKEND_CPU: {
    dive__dgrad_epi e;
    e.add = add ? dive__f(add) : NULL;
    e.y = ey ? dive__f(ey) : NULL;
    e.x = ey ? dive__f(ec) : NULL;
    e.mean = ey ? dive__f(emean) : NULL;
    e.sums = ey ? dive__f(rsums) : NULL;
    dive__cpu_conv2d_bwd_ws(&ctx->cpu_ws, &p, dive__f(dx), dive__f(dw), NULL, dive__f(dc), dive__f(x), dive__f(w),
                            add || ey ? &e : NULL);
    return ey ? rsums : NULL;
  }
  case DIVE_BACKEND_VULKAN:
    dive_conv2d_backward(ctx, dx, dw, NULL, dc, x, w, stride, pad, groups);
    if (add) dive_add_forward(ctx, dx, dx, add);
    return NULL;
  default: dive__bad_backend(ctx, fn); return NULL;
  }
}

/* ================================================================================ >>loss */

/* Resolve the zero-means-default fields of a loss desc into the two weighted terms every
   kernel computes (dive__loss_p). The one place that says what each kind means. */
static dive_status dive__loss_params(dive_ctx *ctx, dive__loss_p *p, const dive_loss_desc *d, int B,
                                     int C) {
  int k;
  memset(p, 0, sizeof *p);
  if ((int)d->kind < DIVE_LOSS_CE || (int)d->kind > DIVE_LOSS_KD_CE)
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "loss: kind %d is not CE, BSCE, KD, DIVE or KD_CE", (int)d->kind);
  p->B = B;
  p->C = C;
  p->kind = k = (int)d->kind;
  p->alpha = d->alpha_set ? d->alpha : DIVE__DEF(d->alpha, 0.5f);
  p->T = DIVE__DEF(d->T, 3.0f);
  p->power = DIVE__DEF(d->power, 0.5f);
  if (!(p->alpha >= 0.0f && p->alpha <= 1.0f))
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "loss: alpha %g outside [0, 1]", (double)p->alpha);
  if (!(p->T > 0.0f && p->T <= 1000.0f))
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "loss: temperature T %g outside (0, 1000]", (double)p->T);
  if (!(p->power > 0.0f && p->power <= 100.0f))
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "loss: power %g outside (0, 100]", (double)p->power);
  if (k == DIVE_LOSS_CE || k == DIVE_LOSS_BSCE) {
    p->use_ce = 1;
    p->wce = 1.0f;
  } else if (k == DIVE_LOSS_KD) {
    p->use_kd = 1;
    p->wkd = 1.0f;
  } else { /* DIVE, KD_CE: (1 - alpha) first term + alpha T^2 KL; a weight of 0 drops its term */
    p->wce = d->no_bsce ? 0.0f : 1.0f - p->alpha;
    p->wkd = p->alpha;
    p->use_ce = p->wce > 0.0f;
    p->use_kd = p->wkd > 0.0f;
    if (!p->use_ce && !p->use_kd)
      return dive__ctx_fail(ctx, DIVE_ERR_ARG, "loss: no_bsce with alpha 0 leaves no term (the loss is 0)");
  }
  p->prior = p->use_ce && (k == DIVE_LOSS_BSCE || k == DIVE_LOSS_DIVE);
  p->mix_gt = p->use_kd && d->mix_groundtruth != 0;
  return DIVE_OK;
}

/* whether a loss needs the teacher logits / the log prior */
static int dive__loss_needs_teacher(const dive__loss_p *p) { return p->use_kd; }
static int dive__loss_needs_prior(const dive__loss_p *p) { return p->prior; }

/* labels_checked: the caller validated the labels on the host (the model's training
   step does), so the Vulkan path need not read them back. */
static dive_status dive__loss_forward(dive_ctx *ctx, dive_tensor *dlogits, dive_tensor *per_example,
                                      float *mean_loss, const dive_tensor *logits,
                                      const dive_tensor *labels, const dive_tensor *teacher,
                                      const dive_tensor *log_prior, const dive_loss_desc *desc,
                                      int labels_checked) {
  static const char *fn = "dive_loss_forward";
  dive__loss_p p;
  dive_status s;
  int B, C;
  DIVE__OP_BEGIN(ctx, fn);
  if (!desc) return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: desc is NULL", fn);
  if ((s = dive__chk_tensor(ctx, fn, "logits", logits, DIVE_F32, 0))) return s;
  B = logits->shape[0];
  C = (int)(logits->numel / B);
  if ((s = dive__loss_params(ctx, &p, desc, B, C))) return s;
  if ((s = dive__chk_tensor(ctx, fn, "labels", labels, DIVE_I32, 0)) ||
      (s = dive__chk_numel(ctx, fn, "labels", labels, B)))
    return s;
  if ((s = dive__chk_tensor(ctx, fn, "dlogits", dlogits, DIVE_F32, 1)) ||
      (s = dive__chk_numel(ctx, fn, "dlogits", dlogits, logits->numel)) ||
      (s = dive__chk_tensor(ctx, fn, "per_example", per_example, DIVE_F32, 1)) ||
      (s = dive__chk_numel(ctx, fn, "per_example", per_example, B)))
    return s;
  if (dive__loss_needs_teacher(&p)) {
    if (!teacher) return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: this loss needs teacher logits", fn);
    if ((s = dive__chk_tensor(ctx, fn, "teacher", teacher, DIVE_F32, 0)) ||
        (s = dive__chk_numel(ctx, fn, "teacher", teacher, logits->numel)))
      return s;
  }
  if (dive__loss_needs_prior(&p)) {
    if (!log_prior) return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: BSCE needs log_prior (log n_j)", fn);
    if ((s = dive__chk_tensor(ctx, fn, "log_prior", log_prior, DIVE_F32, 0)) ||
        (s = dive__chk_numel(ctx, fn, "log_prior", log_prior, C)))
      return s;
  }
  switch (ctx->backend) {
  case DIVE_BACKEND_CPU: {
    const int32_t *y = dive__i(labels);
    double *scratch, m;
    int b;
    for (b = 0; b < B; b++)
      if (y[b] < 0 || y[b] >= C)
        return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: label %d of example %d outside [0, %d)", fn,
                              (int)y[b], b, C);
    scratch = (double *)DIVE_MALLOC(sizeof(double) * (size_t)B);
    if (!scratch) return dive__ctx_fail(ctx, DIVE_ERR_OOM, "%s: out of memory", fn);
    m = dive__cpu_loss_fwd(&p, dive__f(dlogits), dive__f(per_example), dive__f(logits), y,
                           dive__loss_needs_teacher(&p) ? dive__f(teacher) : NULL,
                           dive__loss_needs_prior(&p) ? dive__f(log_prior) : NULL, scratch);
    DIVE_FREE(scratch);
    if (mean_loss) *mean_loss = (float)m;
    return DIVE_OK;
  }
  case DIVE_BACKEND_VULKAN:
    if (!labels_checked) { /* one small read: a bad label must not index out of range */
      int32_t *y = (int32_t *)DIVE_MALLOC(sizeof(int32_t) * (size_t)B);
      int b;
      if (!y) return dive__ctx_fail(ctx, DIVE_ERR_OOM, "%s: out of memory", fn);
      if ((s = dive_tensor_read(labels, y, B))) { DIVE_FREE(y); return s; }
      for (b = 0; b < B; b++)
        if (y[b] < 0 || y[b] >= C) {
          s = dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: label %d of example %d outside [0, %d)", fn, (int)y[b], b, C);
          DIVE_FREE(y);
          return s;
        }
      DIVE_FREE(y);
    }
    return dive__vk_loss_fwd(ctx, &p, dlogits, per_example, logits, labels,
                             dive__loss_needs_teacher(&p) ? teacher : NULL,
                             dive__loss_needs_prior(&p) ? log_prior : NULL, mean_loss);
  default: return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: unknown backend", fn);
  }
}

DIVE_API dive_status dive_loss_forward(dive_ctx *ctx, dive_tensor *dlogits, dive_tensor *per_example,
                                       float *mean_loss, const dive_tensor *logits,
                                       const dive_tensor *labels, const dive_tensor *teacher,
                                       const dive_tensor *log_prior, const dive_loss_desc *desc) {
  return dive__loss_forward(ctx, dlogits, per_example, mean_loss, logits, labels, teacher, log_prior, desc, 0);
}

/* =============================================================================== >>optim */

/* an SGD desc checked and resolved into the kernels' parameters for n elements */
static dive_status dive__sgd_params(dive_ctx *ctx, const char *fn, dive__sgd_p *p, const dive_sgd_desc *desc,
                                    int64_t n) {
  if (!(desc->lr >= 0.0f && desc->lr < 1e6f))
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: lr %g is not a finite value >= 0", fn, (double)desc->lr);
  if (!(desc->momentum >= 0.0f && desc->momentum < 1.0f))
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: momentum %g outside [0, 1)", fn, (double)desc->momentum);
  if (!(desc->weight_decay >= 0.0f && desc->weight_decay < 1.0f))
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: weight_decay %g outside [0, 1)", fn,
                          (double)desc->weight_decay);
  if (desc->nesterov && desc->momentum == 0.0f)
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: nesterov needs momentum > 0", fn);
  p->n = n;
  p->lr = desc->lr;
  p->momentum = desc->momentum;
  p->wd = desc->weight_decay;
  p->nesterov = desc->nesterov != 0;
  return DIVE_OK;
}

DIVE_API dive_status dive_sgd_step(dive_ctx *ctx, dive_tensor *param, const dive_tensor *grad,
                                   dive_tensor *momentum, const dive_sgd_desc *desc) {
  static const char *fn = "dive_sgd_step";
  dive__sgd_p p;
  dive_status s;
  DIVE__OP_BEGIN(ctx, fn);
  if (!desc) return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: desc is NULL", fn);
  if ((s = dive__chk_tensor(ctx, fn, "param", param, DIVE_F32, 0)) ||
      (s = dive__chk_tensor(ctx, fn, "grad", grad, DIVE_F32, 0)) ||
      (s = dive__chk_numel(ctx, fn, "grad", grad, param->numel)))
    return s;
  if ((s = dive__sgd_params(ctx, fn, &p, desc, param->numel))) return s;
  if (desc->momentum != 0.0f && ((s = dive__chk_tensor(ctx, fn, "momentum", momentum, DIVE_F32, 0)) ||
                                  (s = dive__chk_numel(ctx, fn, "momentum", momentum, param->numel))))
    return s;
  switch (ctx->backend) {
  case DIVE_BACKEND_CPU:
    dive__cpu_sgd_step(&p, dive__f(param), desc->momentum != 0.0f ? dive__f(momentum) : NULL,
                       dive__f(grad));
    return DIVE_OK;
  case DIVE_BACKEND_VULKAN:
    return dive__vk_sgd_step(ctx, &p, param, desc->momentum != 0.0f ? momentum : NULL, grad);
  default: return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: unknown backend", fn);
  }
}

/* ============================================================================== >>resnet */
/* A ResNet is a row of dive__rn_archs plus the desc's knobs: the stem (CIFAR: 3x3 conv;
   ImageNet: 7x7/2 conv + 3x3/2 max-pool, both followed by BN + ReLU), stages of basic
   blocks (3x3, 3x3) or bottleneck blocks (1x1, 3x3 with the stride and the groups, 1x1 to
   4x the planes: torchvision's "v1.5"), each block's shortcut (identity when the shape
   stays; else option A for the CIFAR family, a 1x1 conv with the stride + BN for the
   ImageNet family), global average pool and a linear layer. Every conv is followed by a
   BN, so the model is a list of conv + BN (+ ReLU) units (dive__rn_unit) grouped in
   blocks; the forward and backward drivers walk them through the fused steps of
   >>dispatch:fused, which dispatch per backend. */

enum { DIVE__STEM_CIFAR = 0, DIVE__STEM_IMAGENET = 1 };
enum { DIVE__BLK_BASIC = 0, DIVE__BLK_BOTTLENECK = 1 };
enum { DIVE__SC_IDENTITY = 0, DIVE__SC_OPTION_A = 1, DIVE__SC_PROJ = 2 };

typedef struct dive__rn_arch {
  const char *name;
  int depth, stem, block, nstages, layers[4], groups, width_per_group;
} dive__rn_arch;

/* torchvision's ImageNet family (torchvision/models/resnet.py) */
static const dive__rn_arch dive__rn_archs[] = {
  {"resnet18", 18, DIVE__STEM_IMAGENET, DIVE__BLK_BASIC, 4, {2, 2, 2, 2}, 1, 64},
  {"resnet34", 34, DIVE__STEM_IMAGENET, DIVE__BLK_BASIC, 4, {3, 4, 6, 3}, 1, 64},
  {"resnet50", 50, DIVE__STEM_IMAGENET, DIVE__BLK_BOTTLENECK, 4, {3, 4, 6, 3}, 1, 64},
  {"resnet101", 101, DIVE__STEM_IMAGENET, DIVE__BLK_BOTTLENECK, 4, {3, 4, 23, 3}, 1, 64},
  {"resnet152", 152, DIVE__STEM_IMAGENET, DIVE__BLK_BOTTLENECK, 4, {3, 8, 36, 3}, 1, 64},
  {"resnext50_32x4d", 50, DIVE__STEM_IMAGENET, DIVE__BLK_BOTTLENECK, 4, {3, 4, 6, 3}, 32, 4},
  {"resnext101_32x8d", 101, DIVE__STEM_IMAGENET, DIVE__BLK_BOTTLENECK, 4, {3, 4, 23, 3}, 32, 8},
  {"resnext101_64x4d", 101, DIVE__STEM_IMAGENET, DIVE__BLK_BOTTLENECK, 4, {3, 4, 23, 3}, 64, 4},
  {"wide_resnet50_2", 50, DIVE__STEM_IMAGENET, DIVE__BLK_BOTTLENECK, 4, {3, 4, 6, 3}, 1, 128},
  {"wide_resnet101_2", 101, DIVE__STEM_IMAGENET, DIVE__BLK_BOTTLENECK, 4, {3, 4, 23, 3}, 1, 128},
};
#define DIVE__NARCHS ((int)(sizeof dive__rn_archs / sizeof dive__rn_archs[0]))
/* the CIFAR family's usual depths, for the list of names (any 6n+2 is accepted) */
static const int dive__rn_cifar_depths[] = {8, 14, 20, 32, 44, 56, 110};

DIVE_API const char *dive_resnet_arch_name(int i) {
  static const char *cifar[] = {"resnet8", "resnet14", "resnet20", "resnet32", "resnet44", "resnet56", "resnet110"};
  if (i >= 0 && i < DIVE__NARCHS) return dive__rn_archs[i].name;
  i -= DIVE__NARCHS;
  return i >= 0 && i < (int)(sizeof dive__rn_cifar_depths / sizeof dive__rn_cifar_depths[0]) ? cifar[i] : NULL;
}

/* "resnet8, resnet14, ..." into buf */
static void dive__rn_arch_list(char *buf, size_t size) {
  size_t o = 0;
  int i;
  const char *nm;
  buf[0] = 0;
  for (i = 0; (nm = dive_resnet_arch_name(i)) && o + 1 < size; i++)
    o += (size_t)snprintf(buf + o, size - o, "%s%s", i ? ", " : "", nm);
}

/* One conv + BN (+ ReLU) of the model and what it saves for the backward. */
typedef struct dive__rn_unit {
  int in_c, out_c, k, stride, pad, groups, relu;
  int in_h, in_w, out_h, out_w;
  dive_tensor w, dw;                         /* (out_c, in_c / groups, k, k) */
  dive_tensor gamma, beta, dgamma, dbeta;    /* BN weight and bias (out_c) and their grads */
  dive_tensor rmean, rvar;                   /* BN running statistics */
  int64_t num_batches_tracked;
  dive_tensor c, y, mean, rstd;              /* conv output, unit output, batch statistics */
} dive__rn_unit;

typedef struct dive__rn_block {
  int nu;               /* 2 (basic) or 3 (bottleneck) units; the last adds the shortcut */
  int shortcut;         /* DIVE__SC_* */
  int stage, index;     /* layer<stage+1>.<index> */
  dive__rn_unit u[3];
  dive__rn_unit proj;   /* DIVE__SC_PROJ: downsample.0 (1x1 conv) + downsample.1 (BN); its
                           output lives in scratch (gbuf[0]) for the forward's add */
} dive__rn_block;

/* What a recorded training step depends on beyond the tensors it reads (the learning rate
   is a per-replay scalar, the batch goes through the upload slots): a different key is a
   new recording. */
typedef struct dive__rn_key {
  int n;                         /* batch */
  dive__loss_p lp;               /* the resolved loss */
  const dive_resnet *teacher;    /* NULL when the loss needs none */
  float momentum, wd;
  int nesterov;
} dive__rn_key;

struct dive_resnet {
  dive_resnet_desc desc;         /* resolved: defaults filled in, desc.arch = arch */
  char arch[32];
  dive__rn_arch a;               /* the table row with the desc's groups / width_per_group */
  dive_ctx *ctx;
  int nblocks;
  int64_t num_params;            /* trainable scalars */
  dive_tensor params, grads, momentum, buffers, acts; /* arenas (owners) */
  dive__rn_unit stem;            /* conv1 + bn1 + ReLU */
  dive_tensor pool_out, pool_arg;/* ImageNet stem: the max-pool's output and argmax (I32, owner) */
  dive__rn_block *blocks;
  dive_tensor fc_w, fc_b, fc_dw, fc_db; /* linear (classes, F), (classes) */
  dive_tensor input, pooled, logits, dlogits;
  dive_tensor labels, teacher_logits, log_prior, per_example; /* loss buffers */
  dive_tensor gbuf[4];           /* scratch gradient buffers for backward (and forward temps) */
  dive_tensor rowstats;          /* per-(image, channel) statistics the fused CPU steps pass on */
  dive_param *plist;             /* state_dict order */
  int nplist;
  int cur_batch;                 /* batch of the last forward */
  int cur_training;              /* the last forward's mode (backward needs a training one) */
  float *fold;                   /* CPU inference: BN folded into a conv's weights (host, grown) */
  int64_t nfold;
  int no_fold;                   /* DIVE_CPU_FOLD=0: eval-mode BN as a separate pass */
  /* data parallelism (>>dist, DIVE_MPI): the attached dive_dist (NULL: one process) */
  void *dist;
  int sync_bn, dist_total;       /* --sync-bn; the global batch of the step in progress */
  double dist_w, dist_bucket_mb; /* this rank's share n / dist_total; bucket size */
  double dist_secs[2];           /* seconds spent in the gradient allreduce; steps */
  float *grad_host;              /* Vulkan: a host copy of the gradients (the eager step's
                                    non-finite scan; the data-parallel sum) */
  int grad_host_fresh;           /* it holds the gradients the device has now (the sum) */
  void *dist_rq;                 /* the buckets' MPI requests */
  int64_t dist_nb, dist_next;    /* buckets; the next to start (nb-1 down to 0), -1: all */
  int dist_live;                 /* a train step is between its loss sync and grad sync */
  int64_t dist_early;            /* buckets started during backward */
  float *sbn_host[4];            /* host copies of the sync-BN tensors (Vulkan) */
  int64_t sbn_cap[4];
  /* training steps (dive_resnet_train_step, dive_resnet_sync) */
  int64_t steps;                 /* steps submitted (the CPU: taken) on this model */
  double loss_sum;               /* losses of the steps finished since the last dive_resnet_sync */
  int64_t loss_steps;            /* ... and their number */
  float *prior_host;             /* what log_prior holds (written only when it changes), or NULL */
  /* Vulkan: the recorded step (dive__rn_vk_step) */
  dive__vk_capture *cap;
  dive__rn_key key;              /* what it was recorded for */
  int replay;                    /* 1 replay, 0 eager (DIVE_CHECK), 2 record each step afresh
                                    (DIVE_VK_REPLAY=fresh: tests compare it with the replay) */
  int64_t cap_base;              /* steps before the capture's step 0 */
  int64_t cap_done;              /* the capture's steps whose loss and flags were read */
};

/* The model's storage is planned in two passes over one layout function: pass 0 only
   counts elements per arena, pass 1 carves named views out of the allocated arenas. */
typedef struct dive__plan {
  dive_resnet *m;
  int pass;
  int64_t n[4]; /* elements used in params, buffers, acts, and the plist count */
} dive__plan;

enum { DIVE__A_PARAMS = 0, DIVE__A_BUFFERS = 1, DIVE__A_ACTS = 2 };

/* Carve a view of `shape` from arena `a` (pass 1), or just count it (pass 0). */
static dive_status dive__carve(dive__plan *pl, int a, dive_tensor *v, int ndim, int s0, int s1, int s2,
                               int s3) {
  int shape[4];
  int64_t numel;
  dive_tensor *arena = a == DIVE__A_PARAMS ? &pl->m->params
                       : a == DIVE__A_BUFFERS ? &pl->m->buffers : &pl->m->acts;
  shape[0] = s0; shape[1] = s1; shape[2] = s2; shape[3] = s3;
  numel = dive__numel(ndim, shape);
  if (pl->pass == 1) {
    dive_status s = dive_tensor_view(v, arena, pl->n[a], ndim, shape);
    if (s) return s;
  }
  pl->n[a] += numel;
  return DIVE_OK;
}

/* Register a trained weight (value in params; the same offset in grads and momentum). */
static dive_status dive__carve_weight(dive__plan *pl, const char *name, dive_tensor *v, dive_tensor *g,
                                      int ndim, int s0, int s1, int s2, int s3) {
  int64_t off = pl->n[DIVE__A_PARAMS];
  dive_status s = dive__carve(pl, DIVE__A_PARAMS, v, ndim, s0, s1, s2, s3);
  if (s) return s;
  if (pl->pass == 1) {
    dive_resnet *m = pl->m;
    dive_param *e = &m->plist[pl->n[3]];
    int shape[4];
    shape[0] = s0; shape[1] = s1; shape[2] = s2; shape[3] = s3;
    snprintf(e->name, sizeof e->name, "%s", name);
    e->kind = DIVE_PARAM_WEIGHT;
    e->value = *v;
    if ((s = dive_tensor_view(g, &m->grads, off, ndim, shape))) return s;
    e->grad = *g;
    if ((s = dive_tensor_view(&e->momentum, &m->momentum, off, ndim, shape))) return s;
  }
  pl->n[3]++;
  return DIVE_OK;
}

/* A conv weight `conv` and the BN `bn` after it: names, shapes and state entries. */
static dive_status dive__carve_unit(dive__plan *pl, const char *conv, const char *bn, dive__rn_unit *u) {
  char name[48];
  dive_status s;
  snprintf(name, sizeof name, "%s.weight", conv);
  if ((s = dive__carve_weight(pl, name, &u->w, &u->dw, 4, u->out_c, u->in_c / u->groups, u->k, u->k))) return s;
  snprintf(name, sizeof name, "%s.weight", bn);
  if ((s = dive__carve_weight(pl, name, &u->gamma, &u->dgamma, 1, u->out_c, 1, 1, 1))) return s;
  snprintf(name, sizeof name, "%s.bias", bn);
  if ((s = dive__carve_weight(pl, name, &u->beta, &u->dbeta, 1, u->out_c, 1, 1, 1))) return s;
  if ((s = dive__carve(pl, DIVE__A_BUFFERS, &u->rmean, 1, u->out_c, 1, 1, 1))) return s;
  if ((s = dive__carve(pl, DIVE__A_BUFFERS, &u->rvar, 1, u->out_c, 1, 1, 1))) return s;
  if (pl->pass == 1) {
    dive_param *e = &pl->m->plist[pl->n[3]];
    snprintf(e->name, sizeof e->name, "%s.running_mean", bn);
    e->kind = DIVE_PARAM_BUFFER;
    e->value = u->rmean;
    e = &pl->m->plist[pl->n[3] + 1];
    snprintf(e->name, sizeof e->name, "%s.running_var", bn);
    e->kind = DIVE_PARAM_BUFFER;
    e->value = u->rvar;
    e = &pl->m->plist[pl->n[3] + 2];
    snprintf(e->name, sizeof e->name, "%s.num_batches_tracked", bn);
    e->kind = DIVE_PARAM_COUNTER;
    e->counter = &u->num_batches_tracked;
  }
  pl->n[3] += 3;
  return DIVE_OK;
}

/* A unit's geometry; returns 0 when the input is too small for the kernel. */
static int dive__rn_unit_init(dive__rn_unit *u, int in_c, int out_c, int k, int stride, int groups, int relu,
                              int in_h, int in_w) {
  u->in_c = in_c; u->out_c = out_c; u->k = k; u->stride = stride; u->pad = k / 2;
  u->groups = groups; u->relu = relu; u->in_h = in_h; u->in_w = in_w;
  if (in_h + 2 * u->pad < k || in_w + 2 * u->pad < k) return 0;
  u->out_h = (in_h + 2 * u->pad - k) / stride + 1;
  u->out_w = (in_w + 2 * u->pad - k) / stride + 1;
  return 1;
}

/* The geometry of every unit (no storage): the blocks' shapes from the arch row. */
static dive_status dive__rn_build(dive_resnet *m) {
  const dive_resnet_desc *d = &m->desc;
  const dive__rn_arch *a = &m->a;
  const int imagenet = a->stem == DIVE__STEM_IMAGENET, exp = a->block == DIVE__BLK_BOTTLENECK ? 4 : 1;
  int h = d->height, w = d->width, c, st, i, b = 0;
  if (!dive__rn_unit_init(&m->stem, d->in_channels, d->base_width, imagenet ? 7 : 3, imagenet ? 2 : 1, 1, 1, h, w))
    goto small;
  h = m->stem.out_h; w = m->stem.out_w;
  if (imagenet) { /* 3x3/2 max-pool, pad 1 */
    h = (h + 2 - 3) / 2 + 1;
    w = (w + 2 - 3) / 2 + 1;
  }
  c = d->base_width;
  for (st = 0; st < a->nstages; st++)
    for (i = 0; i < a->layers[st]; i++, b++) {
      dive__rn_block *bk = &m->blocks[b];
      int planes = d->base_width << st, stride = (i == 0 && st > 0) ? 2 : 1, out = planes * exp, ok = 1;
      bk->stage = st;
      bk->index = i;
      if (a->block == DIVE__BLK_BASIC) {
        bk->nu = 2;
        ok = ok && dive__rn_unit_init(&bk->u[0], c, planes, 3, stride, 1, 1, h, w);
        ok = ok && dive__rn_unit_init(&bk->u[1], planes, planes, 3, 1, 1, 1, bk->u[0].out_h, bk->u[0].out_w);
      } else { /* torchvision: width = int(planes * (width_per_group / 64.)) * groups */
        int wd = planes * a->width_per_group / 64 * a->groups;
        bk->nu = 3;
        ok = ok && dive__rn_unit_init(&bk->u[0], c, wd, 1, 1, 1, 1, h, w);
        ok = ok && dive__rn_unit_init(&bk->u[1], wd, wd, 3, stride, a->groups, 1, h, w);
        ok = ok && dive__rn_unit_init(&bk->u[2], wd, out, 1, 1, 1, 1, bk->u[1].out_h, bk->u[1].out_w);
      }
      if (!ok) goto small;
      bk->shortcut = (stride == 1 && c == out) ? DIVE__SC_IDENTITY : imagenet ? DIVE__SC_PROJ : DIVE__SC_OPTION_A;
      if (bk->shortcut == DIVE__SC_PROJ && !dive__rn_unit_init(&bk->proj, c, out, 1, stride, 1, 0, h, w)) goto small;
      h = bk->u[bk->nu - 1].out_h;
      w = bk->u[bk->nu - 1].out_w;
      c = out;
    }
  return DIVE_OK;
small:
  return dive__ctx_fail(m->ctx, DIVE_ERR_ARG, "dive_resnet_create: input %dx%d is too small for %s", d->height,
                        d->width, m->arch);
}

static void dive__rn_prefix(const dive__rn_block *bk, const char *what, char *buf) {
  snprintf(buf, 48, "layer%d.%d.%s", bk->stage + 1, bk->index, what);
}

/* The whole layout: the weights in PyTorch state_dict order (conv1, bn1, layer1.0...,
   linear / fc), then the activations. */
static dive_status dive__resnet_layout(dive__plan *pl) {
  dive_resnet *m = pl->m;
  const dive_resnet_desc *d = &m->desc;
  const int N = d->max_batch, imagenet = m->a.stem == DIVE__STEM_IMAGENET;
  int i, j, c, maxc;
  int64_t maxact;
  dive_status s;
  char cn[48], bn[48];
  if ((s = dive__carve_unit(pl, "conv1", "bn1", &m->stem))) return s;
  for (i = 0; i < m->nblocks; i++) {
    dive__rn_block *bk = &m->blocks[i];
    for (j = 0; j < bk->nu; j++) {
      char t[16];
      snprintf(t, sizeof t, "conv%d", j + 1);
      dive__rn_prefix(bk, t, cn);
      snprintf(t, sizeof t, "bn%d", j + 1);
      dive__rn_prefix(bk, t, bn);
      if ((s = dive__carve_unit(pl, cn, bn, &bk->u[j]))) return s;
    }
    if (bk->shortcut == DIVE__SC_PROJ) {
      dive__rn_prefix(bk, "downsample.0", cn);
      dive__rn_prefix(bk, "downsample.1", bn);
      if ((s = dive__carve_unit(pl, cn, bn, &bk->proj))) return s;
    }
  }
  c = m->nblocks ? m->blocks[m->nblocks - 1].u[m->blocks[m->nblocks - 1].nu - 1].out_c : m->stem.out_c;
  if ((s = dive__carve_weight(pl, imagenet ? "fc.weight" : "linear.weight", &m->fc_w, &m->fc_dw, 2, d->num_classes, c,
                              1, 1)))
    return s;
  if ((s = dive__carve_weight(pl, imagenet ? "fc.bias" : "linear.bias", &m->fc_b, &m->fc_db, 1, d->num_classes, 1, 1,
                              1)))
    return s;

  /* activations, at max_batch; maxact / maxc: the largest activation and channel count */
  if ((s = dive__carve(pl, DIVE__A_ACTS, &m->input, 4, N, d->in_channels, d->height, d->width))) return s;
  maxact = (int64_t)d->in_channels * d->height * d->width;
  maxc = 0;
  for (i = -1; i < m->nblocks; i++) {
    dive__rn_block *bk = i >= 0 ? &m->blocks[i] : NULL;
    int nu = bk ? bk->nu + (bk->shortcut == DIVE__SC_PROJ) : 1;
    for (j = 0; j < nu; j++) {
      dive__rn_unit *u = !bk ? &m->stem : j < bk->nu ? &bk->u[j] : &bk->proj;
      if ((s = dive__carve(pl, DIVE__A_ACTS, &u->c, 4, N, u->out_c, u->out_h, u->out_w))) return s;
      if (j < (bk ? bk->nu : 1) && (s = dive__carve(pl, DIVE__A_ACTS, &u->y, 4, N, u->out_c, u->out_h, u->out_w)))
        return s;
      if ((s = dive__carve(pl, DIVE__A_ACTS, &u->mean, 1, u->out_c, 1, 1, 1))) return s;
      if ((s = dive__carve(pl, DIVE__A_ACTS, &u->rstd, 1, u->out_c, 1, 1, 1))) return s;
      maxact = DIVE__MAX(maxact, (int64_t)u->in_c * u->in_h * u->in_w);
      maxact = DIVE__MAX(maxact, (int64_t)u->out_c * u->out_h * u->out_w);
      maxc = DIVE__MAX(maxc, DIVE__MAX(u->in_c, u->out_c));
    }
  }
  if (imagenet) {
    int ph = (m->stem.out_h - 1) / 2 + 1, pw = (m->stem.out_w - 1) / 2 + 1;
    if ((s = dive__carve(pl, DIVE__A_ACTS, &m->pool_out, 4, N, m->stem.out_c, ph, pw))) return s;
  }
  if ((s = dive__carve(pl, DIVE__A_ACTS, &m->pooled, 2, N, c, 1, 1))) return s;
  if ((s = dive__carve(pl, DIVE__A_ACTS, &m->logits, 2, N, d->num_classes, 1, 1))) return s;
  if ((s = dive__carve(pl, DIVE__A_ACTS, &m->dlogits, 2, N, d->num_classes, 1, 1))) return s;
  if ((s = dive__carve(pl, DIVE__A_ACTS, &m->per_example, 1, N, 1, 1, 1))) return s;
  if ((s = dive__carve(pl, DIVE__A_ACTS, &m->log_prior, 1, d->num_classes, 1, 1, 1))) return s;
  for (i = 0; i < 4; i++)
    if ((s = dive__carve(pl, DIVE__A_ACTS, &m->gbuf[i], 2, N, (int)maxact, 1, 1))) return s;
  if ((s = dive__carve(pl, DIVE__A_ACTS, &m->rowstats, 1, 2 * N * maxc, 1, 1, 1))) return s;
  return DIVE_OK;
}

/* CIFAR family (as the long-tail literature's code): Kaiming-normal (fan_in, gain sqrt 2)
   for conv and linear weights, linear bias U(-1/sqrt(fan_in), 1/sqrt(fan_in)).
   ImageNet family (torchvision): conv weights kaiming_normal_(mode="fan_out",
   nonlinearity="relu"), N(0, 2 / (K R S)); fc weight and bias as nn.Linear's default,
   U(-1/sqrt(fan_in), 1/sqrt(fan_in)). Both: BN weight 1 (0 for each block's last BN with
   zero_init_residual), bias 0, running stats 0 / 1. One rng stream in state_dict order. */
static dive_status dive__resnet_init(dive_resnet *m) {
  const int imagenet = m->a.stem == DIVE__STEM_IMAGENET;
  dive_rng rng;
  int i;
  dive_status s = DIVE_OK;
  dive_rng_seed(&rng, m->desc.seed);
  for (i = 0; i < m->nplist && !s; i++) {
    dive_param *e = &m->plist[i];
    size_t n = e->kind == DIVE_PARAM_COUNTER ? 0 : (size_t)e->value.numel;
    const char *suffix = strrchr(e->name, '.');
    int is_fc = e->kind == DIVE_PARAM_WEIGHT && (e->value.impl.offset == m->fc_w.impl.offset ||
                                                 e->value.impl.offset == m->fc_b.impl.offset);
    float *buf;
    size_t j;
    if (e->kind == DIVE_PARAM_COUNTER) {
      *e->counter = 0;
      continue;
    }
    buf = (float *)DIVE_MALLOC(n * sizeof(float));
    if (!buf) return dive__ctx_fail(m->ctx, DIVE_ERR_OOM, "dive_resnet_create: out of memory");
    if (e->value.ndim == 4 || (e->value.ndim == 2 && !imagenet)) { /* conv (K,C,R,S); CIFAR linear (M,K) */
      double rs = e->value.ndim == 4 ? (double)e->value.shape[2] * e->value.shape[3] : 1.0;
      double fan = imagenet ? (double)e->value.shape[0] * rs : (double)(e->value.numel / e->value.shape[0]);
      float sd = (float)sqrt(2.0 / fan);
      for (j = 0; j < n; j++) buf[j] = sd * dive_rng_normal(&rng);
    } else if (is_fc) { /* ImageNet fc weight and bias, CIFAR linear bias */
      float bound = 1.0f / sqrtf((float)m->fc_w.shape[1]);
      for (j = 0; j < n; j++) buf[j] = bound * (2.0f * dive_rng_uniform(&rng) - 1.0f);
    } else {
      float v = (!strcmp(suffix, ".weight") || !strcmp(suffix, ".running_var")) ? 1.0f : 0.0f;
      for (j = 0; j < n; j++) buf[j] = v;
    }
    s = dive_tensor_write(&e->value, buf, (int64_t)n);
    DIVE_FREE(buf);
  }
  for (i = 0; i < m->nblocks && !s && m->desc.zero_init_residual; i++)
    s = dive_tensor_zero(&m->blocks[i].u[m->blocks[i].nu - 1].gamma);
  if (!s) s = dive_tensor_zero(&m->momentum);
  if (!s) s = dive_tensor_zero(&m->grads);
  return s;
}

static void dive__rn_drop_capture(dive_resnet *m);

DIVE_API void dive_resnet_destroy(dive_resnet *m) {
  if (!m) return;
  dive__rn_drop_capture(m);
  DIVE_FREE(m->prior_host);
  dive_tensor_free(&m->params);
  dive_tensor_free(&m->grads);
  dive_tensor_free(&m->momentum);
  dive_tensor_free(&m->buffers);
  dive_tensor_free(&m->acts);
  dive_tensor_free(&m->pool_arg);
  dive_tensor_free(&m->labels);
  dive_tensor_free(&m->teacher_logits);
  DIVE_FREE(m->blocks);
  DIVE_FREE(m->plist);
  DIVE_FREE(m->fold);
  DIVE_FREE(m->grad_host);
  DIVE_FREE(m->dist_rq);
  DIVE_FREE(m->sbn_host[0]); DIVE_FREE(m->sbn_host[1]); DIVE_FREE(m->sbn_host[2]); DIVE_FREE(m->sbn_host[3]);
  DIVE_FREE(m);
}

/* desc -> m->desc, m->a, m->arch: the architecture row with the desc's knobs, checked */
static dive_status dive__rn_resolve(dive_resnet *m, const dive_resnet_desc *desc) {
  static const char *fn = "dive_resnet_create";
  dive_resnet_desc *d = &m->desc;
  const char *name = desc && desc->arch ? desc->arch : "";
  char list[512];
  int i, depth = 0;
  if (desc) *d = *desc;
  memset(&m->a, 0, sizeof m->a);
  for (i = 0; i < DIVE__NARCHS; i++)
    if (!strcmp(name, dive__rn_archs[i].name)) m->a = dive__rn_archs[i];
  if (!m->a.name) { /* the CIFAR family: "" (by depth) or "resnet<6n+2>" */
    char *end = NULL;
    long v = 0;
    if (name[0]) {
      v = strncmp(name, "resnet", 6) ? -1 : strtol(name + 6, &end, 10);
      if (v < 8 || v > 1202 || (v - 2) % 6 || *end || !(name[6] >= '1' && name[6] <= '9')) {
        dive__rn_arch_list(list, sizeof list);
        return dive__ctx_fail(m->ctx, DIVE_ERR_ARG, "%s: unknown architecture \"%s\" (known: %s; or resnet<6n+2> "
                              "for the CIFAR family)", fn, name, list);
      }
      if (d->depth && d->depth != v)
        return dive__ctx_fail(m->ctx, DIVE_ERR_ARG, "%s: arch %s but depth %d", fn, name, d->depth);
      depth = (int)v;
    } else {
      depth = DIVE__DEF(d->depth, 32);
      if (depth < 8 || (depth - 2) % 6 || depth > 1202)
        return dive__ctx_fail(m->ctx, DIVE_ERR_ARG, "%s: depth %d is not 6n+2 (8, 14, 20, 32, 44, 56, 110...)", fn,
                              depth);
    }
    m->a.name = "resnet";
    m->a.depth = depth;
    m->a.stem = DIVE__STEM_CIFAR;
    m->a.block = DIVE__BLK_BASIC;
    m->a.nstages = 3;
    m->a.layers[0] = m->a.layers[1] = m->a.layers[2] = (depth - 2) / 6;
    m->a.groups = 1;
    m->a.width_per_group = 64;
    snprintf(m->arch, sizeof m->arch, "resnet%d", depth);
  } else {
    if (d->depth && d->depth != m->a.depth)
      return dive__ctx_fail(m->ctx, DIVE_ERR_ARG, "%s: arch %s but depth %d", fn, name, d->depth);
    snprintf(m->arch, sizeof m->arch, "%s", m->a.name);
  }
  d->arch = m->arch;
  d->depth = m->a.depth;
  if (m->a.block == DIVE__BLK_BASIC) {
    if ((d->groups && d->groups != 1) || (d->width_per_group && d->width_per_group != 64))
      return dive__ctx_fail(m->ctx, DIVE_ERR_ARG, "%s: %s has basic blocks: groups %d and width_per_group %d must be "
                            "1 and 64 (or 0)", fn, m->arch, d->groups, d->width_per_group);
  } else {
    m->a.groups = DIVE__DEF(d->groups, m->a.groups);
    m->a.width_per_group = DIVE__DEF(d->width_per_group, m->a.width_per_group);
  }
  d->groups = m->a.groups;
  d->width_per_group = m->a.width_per_group;
  d->in_channels = DIVE__DEF(d->in_channels, 3);
  d->num_classes = DIVE__DEF(d->num_classes, 10);
  d->base_width = DIVE__DEF(d->base_width, m->a.stem == DIVE__STEM_IMAGENET ? 64 : 16);
  d->height = DIVE__DEF(d->height, m->a.stem == DIVE__STEM_IMAGENET ? 224 : 32);
  d->width = DIVE__DEF(d->width, m->a.stem == DIVE__STEM_IMAGENET ? 224 : 32);
  d->max_batch = DIVE__DEF(d->max_batch, 128);
  if (d->in_channels < 1 || d->in_channels > 64 || d->num_classes < 2 || d->num_classes > 100000 ||
      d->base_width < 1 || d->base_width > 1024)
    return dive__ctx_fail(m->ctx, DIVE_ERR_ARG, "%s: in_channels %d (1..64), num_classes %d (2..100000) or base_width "
                          "%d (1..1024) out of range", fn, d->in_channels, d->num_classes, d->base_width);
  if (m->a.groups < 1 || m->a.groups > 1024 || m->a.width_per_group < 1 || m->a.width_per_group > 4096)
    return dive__ctx_fail(m->ctx, DIVE_ERR_ARG, "%s: groups %d (1..1024) or width_per_group %d (1..4096) out of range",
                          fn, m->a.groups, m->a.width_per_group);
  if (m->a.block == DIVE__BLK_BOTTLENECK && d->base_width * m->a.width_per_group < 64)
    return dive__ctx_fail(m->ctx, DIVE_ERR_ARG, "%s: %s with base_width %d and width_per_group %d has no channels in "
                          "layer1's 3x3 conv (planes * width_per_group / 64 must be at least 1)", fn, m->arch,
                          d->base_width, m->a.width_per_group);
  if (d->height < 1 || d->width < 1 || d->height > 4096 || d->width > 4096 || d->max_batch < 1 ||
      d->max_batch > 65536)
    return dive__ctx_fail(m->ctx, DIVE_ERR_ARG, "%s: input %dx%d (1..4096) or max_batch %d (1..65536) out of range",
                          fn, d->height, d->width, d->max_batch);
  if ((int64_t)d->base_width << (m->a.nstages - 1) > 65536)
    return dive__ctx_fail(m->ctx, DIVE_ERR_ARG, "%s: base_width %d is too wide for %d stages", fn, d->base_width,
                          m->a.nstages);
  return DIVE_OK;
}

static const char *dive__rn_sc_name(int sc) {
  return sc == DIVE__SC_PROJ ? "projection" : sc == DIVE__SC_OPTION_A ? "option A" : "identity";
}

DIVE_API dive_status dive_resnet_create(dive_ctx *ctx, dive_resnet **out, const dive_resnet_desc *desc) {
  static const char *fn = "dive_resnet_create";
  dive_resnet *m;
  dive__plan pl;
  dive_status s;
  int64_t n;
  int shape[1], i;
  if (!ctx || !out) return dive__fail(DIVE_ERR_ARG, "%s: ctx or out is NULL", fn);
  *out = NULL;
  if (ctx->status) return ctx->status;
  m = (dive_resnet *)dive__calloc(sizeof *m);
  if (!m) return dive__ctx_fail(ctx, DIVE_ERR_OOM, "%s: out of memory", fn);
  m->ctx = ctx;
  { /* eval mode on the CPU: BN folded into the convs unless DIVE_CPU_FOLD=0; how the Vulkan
       backend runs dive_resnet_train_step (dive__rn_vk_step) */
    const char *e = getenv("DIVE_CPU_FOLD");
    m->no_fold = e && !strcmp(e, "0");
    e = getenv("DIVE_VK_REPLAY");
    m->replay = ctx->check || (e && !strcmp(e, "0")) ? 0 : e && !strcmp(e, "fresh") ? 2 : 1;
  }
  if ((s = dive__rn_resolve(m, desc))) { DIVE_FREE(m); return s; }
  for (i = 0; i < m->a.nstages; i++) m->nblocks += m->a.layers[i];
  m->blocks = (dive__rn_block *)dive__calloc(sizeof(dive__rn_block) * (size_t)m->nblocks);
  if (!m->blocks) { dive_resnet_destroy(m); return dive__ctx_fail(ctx, DIVE_ERR_OOM, "%s: out of memory", fn); }
  if ((s = dive__rn_build(m))) { dive_resnet_destroy(m); return s; }
  memset(&pl, 0, sizeof pl);
  pl.m = m;
  dive__resnet_layout(&pl); /* pass 0: sizes only */
  m->num_params = pl.n[DIVE__A_PARAMS];
  m->nplist = (int)pl.n[3];
  m->plist = (dive_param *)dive__calloc(sizeof(dive_param) * (size_t)m->nplist);
  if (!m->plist) { dive_resnet_destroy(m); return dive__ctx_fail(ctx, DIVE_ERR_OOM, "%s: out of memory", fn); }
  n = pl.n[DIVE__A_PARAMS];
  if (n > (1 << 30) || pl.n[DIVE__A_ACTS] > ((int64_t)1 << 34)) {
    dive_resnet_destroy(m);
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: model too large (%lld parameters, %lld activations)",
                          fn, (long long)n, (long long)pl.n[DIVE__A_ACTS]);
  }
  shape[0] = (int)n;
  if ((s = dive_tensor_alloc(ctx, &m->params, DIVE_F32, 1, shape)) ||
      (s = dive_tensor_alloc(ctx, &m->grads, DIVE_F32, 1, shape)) ||
      (s = dive_tensor_alloc(ctx, &m->momentum, DIVE_F32, 1, shape))) {
    dive_resnet_destroy(m);
    return s;
  }
  shape[0] = (int)pl.n[DIVE__A_BUFFERS];
  if ((s = dive_tensor_alloc(ctx, &m->buffers, DIVE_F32, 1, shape))) { dive_resnet_destroy(m); return s; }
  /* the activation arena may pass 2^30 elements: allocate it as 2-D */
  {
    int sh2[2];
    int64_t a = pl.n[DIVE__A_ACTS];
    sh2[1] = 1024;
    sh2[0] = (int)((a + 1023) / 1024);
    if ((s = dive_tensor_alloc(ctx, &m->acts, DIVE_F32, 2, sh2))) { dive_resnet_destroy(m); return s; }
  }
  shape[0] = m->desc.max_batch;
  if ((s = dive_tensor_alloc(ctx, &m->labels, DIVE_I32, 1, shape))) { dive_resnet_destroy(m); return s; }
  {
    int sh2[2];
    sh2[0] = m->desc.max_batch;
    sh2[1] = m->desc.num_classes;
    if ((s = dive_tensor_alloc(ctx, &m->teacher_logits, DIVE_F32, 2, sh2))) { dive_resnet_destroy(m); return s; }
  }
  memset(pl.n, 0, sizeof pl.n);
  pl.pass = 1;
  if ((s = dive__resnet_layout(&pl))) {
    dive_resnet_destroy(m);
    return s;
  }
  if (m->a.stem == DIVE__STEM_IMAGENET &&
      (s = dive_tensor_alloc(ctx, &m->pool_arg, DIVE_I32, 4, m->pool_out.shape))) {
    dive_resnet_destroy(m);
    return s;
  }
  if ((s = dive__resnet_init(m))) {
    dive_resnet_destroy(m);
    return s;
  }
  if (m->desc.verbose || ctx->verbose) {
    const dive_resnet_desc *d = &m->desc;
    fprintf(stderr, "%s: input %dx%dx%d, %d classes, %lld parameters (%.2f M), max batch %d\n", m->arch,
            d->in_channels, d->height, d->width, d->num_classes, (long long)m->num_params,
            (double)m->num_params / 1e6, d->max_batch);
    fprintf(stderr, "  conv1  %dx%d/%d %4d -> %4d  %3dx%-3d + bn + relu%s\n", m->stem.k, m->stem.k, m->stem.stride,
            d->in_channels, m->stem.out_c, m->stem.out_h, m->stem.out_w,
            m->a.stem == DIVE__STEM_IMAGENET ? " + maxpool 3x3/2" : "");
    for (i = 0; i < m->nblocks; i++) {
      dive__rn_block *bk = &m->blocks[i];
      dive__rn_unit *l = &bk->u[bk->nu - 1];
      fprintf(stderr, "  layer%d.%d  %s %4d -> %4d", bk->stage + 1, bk->index,
              bk->nu == 2 ? "basic" : "bottleneck", bk->u[0].in_c, l->out_c);
      if (bk->nu == 3) fprintf(stderr, " (width %d, groups %d)", bk->u[1].out_c, bk->u[1].groups);
      fprintf(stderr, "  stride %d  %3dx%-3d  shortcut %s\n", bk->u[bk->nu == 3 ? 1 : 0].stride, l->out_h, l->out_w,
              dive__rn_sc_name(bk->shortcut));
    }
    fprintf(stderr, "  avgpool -> %s %d -> %d\n", m->a.stem == DIVE__STEM_IMAGENET ? "fc" : "linear",
            m->fc_w.shape[1], d->num_classes);
  }
  *out = m;
  return DIVE_OK;
}

DIVE_API const dive_resnet_desc *dive_resnet_get_desc(const dive_resnet *m) { return m ? &m->desc : NULL; }
DIVE_API int64_t dive_resnet_num_params(const dive_resnet *m) { return m ? m->num_params : 0; }
DIVE_API int dive_resnet_num_state(const dive_resnet *m) { return m ? m->nplist : 0; }
DIVE_API dive_param *dive_resnet_state(dive_resnet *m, int i) {
  return m && i >= 0 && i < m->nplist ? &m->plist[i] : NULL;
}
DIVE_API dive_param *dive_resnet_find_state(dive_resnet *m, const char *name) {
  int i;
  for (i = 0; m && name && i < m->nplist; i++)
    if (!strcmp(m->plist[i].name, name)) return &m->plist[i];
  return NULL;
}
DIVE_API dive_tensor *dive_resnet_tensor(dive_resnet *m, dive_resnet_part part) {
  if (!m) return NULL;
  switch (part) {
  case DIVE_RESNET_PARAMS: return &m->params;
  case DIVE_RESNET_GRADS: return &m->grads;
  case DIVE_RESNET_MOMENTUM: return &m->momentum;
  case DIVE_RESNET_BUFFERS: return &m->buffers;
  case DIVE_RESNET_INPUT: return &m->input;
  case DIVE_RESNET_FEATURES: return &m->pooled;
  case DIVE_RESNET_LOGITS: return &m->logits;
  case DIVE_RESNET_DLOGITS: return &m->dlogits;
  default: return NULL;
  }
}

/* A view of the first n items of a batch-major tensor. */
static dive_tensor dive__batch(const dive_tensor *t, int n) {
  dive_tensor v = *t;
  v.numel = t->numel / t->shape[0] * n;
  v.shape[0] = n;
  v.impl.owner = 0;
  return v;
}

/* A batch-major view of a flat scratch buffer. */
static dive_tensor dive__shaped(const dive_tensor *buf, const dive_tensor *like, int n) {
  dive_tensor v = dive__batch(like, n);
  v.impl = buf->impl;
  v.impl.owner = 0;
  return v;
}

/* Data parallelism, defined in >>dist (without DIVE_MPI, or with no dist attached, they
   are never called): the global loss and the ranks' shares of the step; the gradients
   averaged over the ranks (between backward and SGD); BN with statistics over every rank. */
static dive_status dive__resnet_loss_sync(dive_resnet *m, float *loss, int n);
static dive_status dive__resnet_grad_sync(dive_resnet *m);
static void dive__resnet_grad_ready(dive_resnet *m, int64_t from);
static dive_status dive__rn_sbn_forward(dive_resnet *m, dive__rn_unit *u, dive_tensor *y, dive_tensor *c,
                                        const dive_tensor *x, const dive_tensor *res, int n);
static dive_status dive__rn_sbn_backward(dive_resnet *m, dive__rn_unit *u, dive_tensor *dc, dive_tensor *dy,
                                         const dive_tensor *y, const dive_tensor *c, int n);

/* One unit forward: y = [relu](bn(conv(x)) [+ res]), c saved (n images). */
static dive_status dive__rn_unit_fwd(dive_resnet *m, dive__rn_unit *u, dive_tensor *y, const dive_tensor *x,
                                     const dive_tensor *res, int n, int training) {
  dive_tensor c = dive__batch(&u->c, n);
  float *fold = NULL;
  if (training) u->num_batches_tracked++;
  if (training && m->sync_bn) return dive__rn_sbn_forward(m, u, y, &c, x, res, n);
  if (!training && !m->no_fold && m->ctx->backend == DIVE_BACKEND_CPU) { /* the folded weights' scratch */
    int64_t need = u->w.numel + u->w.shape[0];
    if (need > m->nfold) {
      float *f = (float *)DIVE_MALLOC(sizeof(float) * (size_t)need);
      if (!f) return dive__ctx_fail(m->ctx, DIVE_ERR_OOM, "dive_resnet_forward: out of memory (%lld floats for "
                                    "the folded batch norm)", (long long)need);
      DIVE_FREE(m->fold);
      m->fold = f;
      m->nfold = need;
    }
    fold = m->fold;
  }
  return dive__conv_bn_forward(m->ctx, y, &c, &u->mean, &u->rstd, x, res, &u->w, &u->gamma, &u->beta, &u->rmean,
                               &u->rvar, u->stride, u->pad, u->groups, u->relu, training, &m->rowstats, fold);
}

/* The output of the last unit of a block, or of the stem (before its max-pool) */
static dive__rn_unit *dive__rn_last(dive__rn_block *bk) { return &bk->u[bk->nu - 1]; }

DIVE_API dive_status dive_resnet_forward(dive_resnet *m, const float *x_host, int n, int training) {
  dive_ctx *ctx;
  dive_tensor x, y, t;
  dive_status s;
  int i, j;
  if (!m) return dive__fail(DIVE_ERR_ARG, "dive_resnet_forward: model is NULL");
  ctx = m->ctx;
  if (ctx->status) return ctx->status;
  dive__enter(ctx);
  if (n < 1 || n > m->desc.max_batch)
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "dive_resnet_forward: batch %d outside 1..%d (max_batch)", n,
                          m->desc.max_batch);
  m->cur_batch = n;
  m->cur_training = training != 0;
  x = dive__batch(&m->input, n);
  if (x_host && (s = dive_tensor_write(&x, x_host, x.numel))) return s;
  y = dive__batch(&m->stem.y, n);
  dive__rn_unit_fwd(m, &m->stem, &y, &x, NULL, n, training);
  x = y;
  if (m->a.stem == DIVE__STEM_IMAGENET) {
    dive_tensor arg = dive__batch(&m->pool_arg, n);
    x = dive__batch(&m->pool_out, n);
    dive_maxpool_forward(ctx, &x, &arg, &y, 3, 2, 1);
  }
  for (i = 0; i < m->nblocks; i++) {
    dive__rn_block *bk = &m->blocks[i];
    dive_tensor h = x, res;
    for (j = 0; j < bk->nu; j++) {
      const dive_tensor *r = NULL;
      y = dive__batch(&bk->u[j].y, n);
      if (j == bk->nu - 1) { /* the shortcut, added before the last ReLU */
        r = &res;
        if (bk->shortcut == DIVE__SC_IDENTITY) {
          res = x;
        } else if (bk->shortcut == DIVE__SC_OPTION_A) {
          res = dive__shaped(&m->gbuf[0], &y, n);
          dive_shortcut_forward(ctx, &res, &x, bk->u[0].stride);
        } else {
          res = dive__shaped(&m->gbuf[0], &y, n);
          dive__rn_unit_fwd(m, &bk->proj, &res, &x, NULL, n, training);
        }
      }
      dive__rn_unit_fwd(m, &bk->u[j], &y, &h, r, n, training);
      h = y;
    }
    x = h;
  }
  t = dive__batch(&m->pooled, n);
  dive_avgpool_forward(ctx, &t, &x);
  y = dive__batch(&m->logits, n);
  dive_linear_forward(ctx, &y, &t, &m->fc_w, &m->fc_b);
  return ctx->status;
}

/* The backward of one unit's conv: dx (NULL: not needed) = backward-data of dc [+ add];
   prev, when x is its output, lets the backend fuse prev's ReLU mask and BN row sums. */
static const dive_tensor *dive__rn_unit_bwd_conv(dive_resnet *m, dive__rn_unit *u, dive_tensor *dx, const dive_tensor *dc,
                                                 const dive_tensor *x, const dive_tensor *add, dive__rn_unit *prev,
                                                 int n) {
  dive_tensor ey, ec;
  if (prev) {
    ey = dive__batch(&prev->y, n);
    ec = dive__batch(&prev->c, n);
  }
  return dive__conv_backward_epi(m->ctx, dx, &u->dw, dc, x, &u->w, u->stride, u->pad, u->groups, add,
                                 prev ? &ey : NULL, prev ? &ec : NULL, prev ? &prev->mean : NULL, &m->rowstats);
}

/* The backward of one unit's BN (+ ReLU): dc from dy (masked in place); y is the unit's
   output (NULL without ReLU) */
static dive_status dive__rn_unit_bwd_bn(dive_resnet *m, dive__rn_unit *u, dive_tensor *dc, dive_tensor *dy,
                                        const dive_tensor *rs, int n) {
  dive_tensor y, c = dive__batch(&u->c, n);
  if (u->relu) y = dive__batch(&u->y, n);
  if (m->sync_bn) return dive__rn_sbn_backward(m, u, dc, dy, u->relu ? &y : NULL, &c, n);
  return dive__relu_bn_backward(m->ctx, dc, &u->dgamma, &u->dbeta, dy, u->relu ? &y : NULL, &c, &u->mean, &u->rstd,
                                &u->gamma, u->relu, rs);
}

DIVE_API dive_status dive_resnet_backward(dive_resnet *m) {
  dive_ctx *ctx;
  dive_tensor ga, gb, gc, gd, t;
  const dive_tensor *rs = NULL;
  int i, j, n, ia = 0, ic = 2;
  if (!m) return dive__fail(DIVE_ERR_ARG, "dive_resnet_backward: model is NULL");
  ctx = m->ctx;
  if (ctx->status) return ctx->status;
  dive__enter(ctx);
  n = m->cur_batch;
  if (n < 1) return dive__ctx_fail(ctx, DIVE_ERR_ARG, "dive_resnet_backward: no forward pass before it");
  if (!m->cur_training)
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "dive_resnet_backward: the last forward pass was in eval mode "
                          "(training 0); backward needs a training forward pass");
  /* linear and pool: dlogits -> gbuf[1] (n, F) -> gbuf[0] (n, F, h, w) */
  {
    dive_tensor dl = dive__batch(&m->dlogits, n), pooled = dive__batch(&m->pooled, n);
    const dive_tensor *last = m->nblocks ? &dive__rn_last(&m->blocks[m->nblocks - 1])->y : &m->stem.y;
    gb = dive__shaped(&m->gbuf[1], &pooled, n);
    dive_linear_backward(ctx, &gb, &m->fc_dw, &m->fc_db, &dl, &pooled, &m->fc_w);
    ga = dive__shaped(&m->gbuf[0], last, n);
    dive_avgpool_backward(ctx, &ga, &gb);
  }
  /* Per block: A = gbuf[ia] holds d out (masked in place by the last unit's ReLU, then
     read by the shortcut), B = gbuf[1] the BN gradients, C = gbuf[ic] the conv gradients
     and at the end d x, D = gbuf[3] the shortcut's d x; A and C swap after each block.
     rs: the row sums that came with d out (see dive__conv_backward_epi). */
  for (i = m->nblocks - 1; i >= 0; i--) {
    dive__rn_block *bk = &m->blocks[i];
    /* the unit whose ReLU output is the block's input (none after the max-pool) */
    dive__rn_unit *prev = i ? dive__rn_last(&m->blocks[i - 1]) : m->a.stem == DIVE__STEM_IMAGENET ? NULL : &m->stem;
    dive_tensor x = dive__batch(i ? &prev->y : m->a.stem == DIVE__STEM_IMAGENET ? &m->pool_out : &m->stem.y, n);
    dive_tensor *g = &ga;
    ga = dive__shaped(&m->gbuf[ia], &dive__rn_last(bk)->y, n);
    for (j = bk->nu - 1; j >= 0; j--) {
      dive__rn_unit *u = &bk->u[j];
      gb = dive__shaped(&m->gbuf[1], &u->c, n);
      dive__rn_unit_bwd_bn(m, u, &gb, g, rs, n);
      if (j > 0) { /* d of the previous unit's output, masked and summed for its BN */
        dive_tensor hx = dive__batch(&bk->u[j - 1].y, n);
        gc = dive__shaped(&m->gbuf[ic], &hx, n);
        rs = dive__rn_unit_bwd_conv(m, u, &gc, &gb, &hx, NULL, &bk->u[j - 1], n);
        g = &gc;
        continue;
      }
      gc = dive__shaped(&m->gbuf[ic], &x, n); /* d x */
      if (bk->shortcut == DIVE__SC_IDENTITY) { /* d x = conv1's backward-data + d out */
        rs = dive__rn_unit_bwd_conv(m, u, &gc, &gb, &x, &ga, prev, n);
      } else if (bk->shortcut == DIVE__SC_OPTION_A) {
        dive__rn_unit_bwd_conv(m, u, &gc, &gb, &x, NULL, NULL, n);
        gd = dive__shaped(&m->gbuf[3], &x, n);
        dive_shortcut_backward(ctx, &gd, &ga, u->stride);
        dive_add_forward(ctx, &gc, &gc, &gd);
        rs = NULL;
      } else { /* projection: its BN (no ReLU) and conv backward into D, then conv1's + D */
        dive__rn_unit *pu = &bk->proj;
        dive_tensor pc = dive__shaped(&m->gbuf[ic], &pu->c, n);
        dive__rn_unit_bwd_bn(m, pu, &pc, &ga, NULL, n);
        gd = dive__shaped(&m->gbuf[3], &x, n);
        dive__rn_unit_bwd_conv(m, pu, &gd, &pc, &x, NULL, NULL, n);
        rs = dive__rn_unit_bwd_conv(m, u, &gc, &gb, &x, &gd, prev, n);
      }
    }
    ia ^= ic; ic ^= ia; ia ^= ic; /* swap */
    if (m->dist) dive__resnet_grad_ready(m, bk->u[0].dw.impl.offset - m->grads.impl.offset); /* >>dist */
  }
  /* stem: d of its output (through the max-pool's backward for the ImageNet stem) */
  ga = dive__shaped(&m->gbuf[ia], m->a.stem == DIVE__STEM_IMAGENET ? &m->pool_out : &m->stem.y, n);
  if (m->a.stem == DIVE__STEM_IMAGENET) {
    dive_tensor arg = dive__batch(&m->pool_arg, n);
    gc = dive__shaped(&m->gbuf[ic], &m->stem.y, n);
    dive_maxpool_backward(ctx, &gc, &ga, &arg);
    ga = gc;
    rs = NULL;
  }
  gb = dive__shaped(&m->gbuf[1], &m->stem.c, n);
  dive__rn_unit_bwd_bn(m, &m->stem, &gb, &ga, rs, n);
  t = dive__batch(&m->input, n);
  dive__rn_unit_bwd_conv(m, &m->stem, NULL, &gb, &t, NULL, NULL, n);
  return ctx->status;
}

DIVE_API dive_status dive_resnet_zero_grad(dive_resnet *m) {
  if (!m) return dive__fail(DIVE_ERR_ARG, "dive_resnet_zero_grad: model is NULL");
  return dive_tensor_zero(&m->grads);
}

DIVE_API dive_status dive_resnet_sgd_step(dive_resnet *m, const dive_sgd_desc *desc) {
  if (!m) return dive__fail(DIVE_ERR_ARG, "dive_resnet_sgd_step: model is NULL");
  return dive_sgd_step(m->ctx, &m->params, &m->grads, &m->momentum, desc);
}

/* log n_j into m->log_prior; every class needs at least one training image. The tensor
   is written only when the counts change: a host write waits for the steps in flight. */
static dive_status dive__resnet_set_prior(dive_resnet *m, const int *counts) {
  const int C = m->desc.num_classes;
  float *lp;
  dive_status s;
  int j;
  if (!counts)
    return dive__ctx_fail(m->ctx, DIVE_ERR_ARG, "dive_resnet_train_step: BSCE needs loss->class_counts");
  lp = (float *)DIVE_MALLOC(sizeof(float) * (size_t)C);
  if (!lp) return dive__ctx_fail(m->ctx, DIVE_ERR_OOM, "dive_resnet_train_step: out of memory");
  for (j = 0; j < C; j++) {
    if (counts[j] < 1) {
      DIVE_FREE(lp);
      return dive__ctx_fail(m->ctx, DIVE_ERR_ARG,
                            "dive_resnet_train_step: class_counts[%d] = %d; BSCE needs every count >= 1",
                            j, counts[j]);
    }
    lp[j] = (float)log((double)counts[j]);
  }
  if (m->prior_host && !memcmp(m->prior_host, lp, sizeof(float) * (size_t)C)) {
    DIVE_FREE(lp);
    return DIVE_OK;
  }
  DIVE_FREE(m->prior_host);
  m->prior_host = NULL;
  s = dive_tensor_write(&m->log_prior, lp, C);
  if (s) DIVE_FREE(lp);
  else m->prior_host = lp;
  return s;
}

/* num_batches_tracked += d for every BN of the model (a replayed step runs no host code) */
static void dive__rn_count_batches(dive_resnet *m, int64_t d) {
  int i, j;
  m->stem.num_batches_tracked += d;
  for (i = 0; i < m->nblocks; i++) {
    for (j = 0; j < m->blocks[i].nu; j++) m->blocks[i].u[j].num_batches_tracked += d;
    if (m->blocks[i].shortcut == DIVE__SC_PROJ) m->blocks[i].proj.num_batches_tracked += d;
  }
}

/* The training step's error for a non-finite loss or gradient; step is 1-based (the
   step-th call of dive_resnet_train_step on this model). */
static dive_status dive__rn_nonfinite(dive_resnet *m, int64_t step, float loss, const char *what, const char *after) {
  return dive__ctx_fail(m->ctx, DIVE_ERR_NONFINITE, "dive_resnet_train_step: step %lld: %s (loss %g); the weights "
                        "were not updated%s", (long long)step, what, (double)loss, after);
}

/* --- the Vulkan training step: recorded once, replayed ---

   The first step for a key (dive__rn_key) records the whole step into a capture
   (dive__vk_capture_begin): the batch, its labels (and the teacher's copy of the batch)
   come from the capture's upload slots, the learning rate from its scalars; the loss mean
   and the non-finite flags go to its ring. Later steps write the batch into the next slot,
   set the learning rate and replay: the host waits for the previous step (and reads its
   ring entry) while the device runs this one, so two steps are in flight. The recording
   reads the model's tensors where they live, so weights, BN statistics and the log prior
   written between steps (a checkpoint, an evaluation in eval mode) are what the next
   replay uses; host writes wait for the replays in flight. A checkpoint load drops the
   recording anyway, and a freed tensor it used (a destroyed teacher, an outgrown scratch
   buffer) makes it invalid: the next step records again.

   The step is two segments: forward + loss + backward + the gradient scan, then SGD. A
   hook between them (e.g. an allreduce of the gradients on the host) needs either the eager
   path (m->replay = 0) or the two segments as two captures submitted in turn. */

/* Segment 1: zero the gradients, teacher forward (eval), forward, loss (its mean and flags
   into the ring), backward, the non-finite scan of the gradients (flag 2 into the ring). */
static dive_status dive__rn_record_fwd_bwd(dive_resnet *m, dive_resnet *teacher, int n, const dive_loss_desc *loss,
                                           dive__vk_capture *cap) {
  dive_ctx *ctx = m->ctx;
  dive_tensor lab = dive__batch(&m->labels, n), logits = dive__batch(&m->logits, n);
  dive_tensor dl = dive__batch(&m->dlogits, n), pe = dive__batch(&m->per_example, n), tl;
  dive_status s;
  (void)cap; /* (unused where Vulkan is compiled out) */
  /* the gradients are zeroed first: nothing before the backward touches them, so the fill
     joins the first commands instead of costing a barrier in front of the backward */
  if ((s = dive_resnet_zero_grad(m))) return s;
  if (teacher) {
    if ((s = dive_resnet_forward(teacher, NULL, n, 0))) return s;
    tl = dive__batch(&teacher->logits, n);
  }
  if ((s = dive_resnet_forward(m, NULL, n, 1))) return s;
  if ((s = dive__loss_forward(ctx, &dl, &pe, NULL, &logits, &lab, teacher ? &tl : NULL, &m->log_prior, loss, 1)) ||
      (s = dive__vk_loss_reduce(ctx, &pe, n, dive__vk_capture_scalars(cap), dive__vk_capture_ringt(cap))) ||
      (s = dive_resnet_backward(m)))
    return s;
  return dive__vk_nonfinite_scan(ctx, &m->grads, dive__vk_capture_scalars(cap), dive__vk_capture_ringt(cap));
}

/* Segment 2: SGD with the learning rate of scalars[1], skipped on the device when this
   step's ring entry has a flag. */
static dive_status dive__rn_record_sgd(dive_resnet *m, const dive__sgd_p *p, dive__vk_capture *cap) {
  (void)p; (void)cap;
  return dive__vk_sgd_step_dyn(m->ctx, p, &m->params, p->momentum != 0.0f ? &m->momentum : NULL, &m->grads,
                               dive__vk_capture_scalars(cap), 1, dive__vk_capture_ringt(cap));
}

/* Read the ring entries of the capture's steps up to `upto` (waiting for them), add their
   losses, and fail at the first flagged one. */
static dive_status dive__rn_account(dive_resnet *m, int64_t upto, float *last) {
  dive_status s;
  for (; m->cap_done <= upto; m->cap_done++) {
    int ready = 0;
    float l = 0;
    uint32_t fl = 0;
    if ((s = dive__vk_capture_ring(m->ctx, m->cap, m->cap_done, 1, &ready, &l, &fl))) return s;
    if (!ready) return dive__ctx_fail(m->ctx, DIVE_ERR_VULKAN, "dive_resnet_train_step: step %lld did not finish",
                                      (long long)(m->cap_base + m->cap_done + 1));
    if (fl) {
      int64_t step = m->cap_base + m->cap_done + 1;
      const char *after = dive__vk_capture_steps(m->cap) > m->cap_done + 1 ? ", nor by the next step, submitted before "
                          "this one was checked" : "";
      s = dive__rn_nonfinite(m, step, l, fl & 1 ? (l != l ? "the loss is NaN" : "the loss is infinite")
                                               : "a gradient is not finite", after);
      /* the steps after it were skipped on the device (flag 4 carries over): nothing to add,
         and the recording, whose ring now stops every later update, is dropped */
      dive__vk_capture_free(m->ctx, m->cap);
      m->cap = NULL;
      return s;
    }
    m->loss_sum += l;
    m->loss_steps++;
    if (last) *last = l;
  }
  return DIVE_OK;
}

/* Wait for the recorded step's replays, add their losses, and free it. */
static void dive__rn_drop_capture(dive_resnet *m) {
  if (m->cap && !m->ctx->status) dive__rn_account(m, dive__vk_capture_steps(m->cap) - 1, NULL);
  if (!m->cap) return;
  dive__vk_capture_free(m->ctx, m->cap);
  m->cap = NULL;
}

static dive_status dive__rn_record(dive_resnet *m, dive_resnet *teacher, int n, const dive_loss_desc *loss,
                                   const dive__sgd_p *sp, const dive__rn_key *key) {
  dive_ctx *ctx = m->ctx;
  dive_tensor x = dive__batch(&m->input, n), lab = dive__batch(&m->labels, n), tx;
  dive_tensor *up[3];
  dive_status s;
  int64_t counted = m->stem.num_batches_tracked;
  (void)up;
  up[0] = &x;
  up[1] = &lab;
  if (teacher) {
    tx = dive__batch(&teacher->input, n);
    up[2] = &tx;
  }
  if ((s = dive__vk_capture_begin(ctx, &m->cap, teacher ? 3 : 2, up))) return s;
  s = dive__rn_record_fwd_bwd(m, teacher, n, loss, m->cap);
  /* (the split point: a hook between backward and SGD goes here, see above) */
  if (!s) s = dive__rn_record_sgd(m, sp, m->cap);
  dive__rn_count_batches(m, counted - m->stem.num_batches_tracked); /* the recording's forward
                                                                      counted a batch that did not run */
  if (!s) s = dive__vk_capture_end(ctx, m->cap);
  if (s) {
    dive__vk_capture_free(ctx, m->cap);
    m->cap = NULL;
    return s;
  }
  m->key = *key;
  m->cap_base = m->steps;
  m->cap_done = 0;
  return DIVE_OK;
}

static dive_status dive__rn_vk_step(dive_resnet *m, dive_resnet *teacher, const float *x, const int32_t *y, int n,
                                    const dive__loss_p *lp, const dive_loss_desc *loss, const dive__sgd_p *sp,
                                    float *loss_out) {
  dive_ctx *ctx = m->ctx;
  dive__rn_key key;
  dive_status s;
  float *sc = NULL;
  void *up[3] = {NULL, NULL, NULL};
  int64_t step = 0;
  size_t xb = sizeof(float) * (size_t)(m->input.numel / m->input.shape[0]) * (size_t)n;
  memset(&key, 0, sizeof key);
  key.n = n;
  key.lp = *lp;
  key.teacher = teacher;
  key.momentum = sp->momentum;
  key.wd = sp->wd;
  key.nesterov = sp->nesterov;
  if (m->cap && (m->replay == 2 || !dive__vk_capture_valid(m->cap) || memcmp(&key, &m->key, sizeof key)))
    dive__rn_drop_capture(m);
  if (ctx->status) return ctx->status;
  if (!m->cap && (s = dive__rn_record(m, teacher, n, loss, sp, &key))) return s;
  if ((s = dive__vk_capture_slot(ctx, m->cap, &sc, up))) return s;
  memcpy(up[0], x, xb);
  memcpy(up[1], y, sizeof(int32_t) * (size_t)n);
  if (teacher) memcpy(up[2], x, xb);
  sc[1] = sp->lr;
  if ((s = dive__vk_capture_replay(ctx, m->cap, &step))) return s;
  m->steps++;
  dive__rn_count_batches(m, 1);
  /* loss_out: this step's loss (wait for it); else the previous step's ring entry, read
     while the device runs this one */
  return dive__rn_account(m, loss_out ? step : step - 1, loss_out);
}

/* the model's host copy of its gradients (Vulkan), allocated once; NULL (ctx failed) when
   out of memory */
static float *dive__rn_grad_host(dive_resnet *m) {
  if (!m->grad_host && !(m->grad_host = (float *)DIVE_MALLOC(sizeof(float) * (size_t)m->grads.numel)))
    dive__ctx_fail(m->ctx, DIVE_ERR_OOM, "dive_resnet_train_step: out of memory (%lld gradients on the host)",
                   (long long)m->grads.numel);
  return m->grad_host;
}

DIVE_API dive_status dive_resnet_train_step(dive_resnet *m, dive_resnet *teacher, const float *x,
                                            const int32_t *y, int n, const dive_loss_desc *loss,
                                            const dive_sgd_desc *sgd, float *loss_out) {
  static const char *fn = "dive_resnet_train_step";
  dive_ctx *ctx;
  dive__loss_p lp;
  dive__sgd_p sp;
  dive_tensor lab, logits, dl, pe, tl;
  dive_status s;
  float l = 0;
  const float *g;
  int64_t j, ng, bad = -1;
  int i;
  if (!m) return dive__fail(DIVE_ERR_ARG, "%s: model is NULL", fn);
  ctx = m->ctx;
  if (ctx->status) return ctx->status;
  if (!x || !y || !loss || !sgd) return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: x, y, loss or sgd is NULL", fn);
  if (n < 1 || n > m->desc.max_batch)
    return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: batch %d outside 1..%d (max_batch)", fn, n, m->desc.max_batch);
  for (i = 0; i < n; i++)
    if (y[i] < 0 || y[i] >= m->desc.num_classes)
      return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: label %d of example %d outside [0, %d)", fn, (int)y[i], i,
                            m->desc.num_classes);
  if ((s = dive__loss_params(ctx, &lp, loss, n, m->desc.num_classes))) return s;
  if ((s = dive__sgd_params(ctx, fn, &sp, sgd, m->params.numel))) return s;
  if (!dive__loss_needs_teacher(&lp)) {
    teacher = NULL;
  } else {
    if (!teacher) return dive__ctx_fail(ctx, DIVE_ERR_ARG, "%s: KD/DIVE loss needs a teacher model", fn);
    if (teacher->ctx != ctx || teacher->desc.num_classes != m->desc.num_classes ||
        teacher->desc.in_channels != m->desc.in_channels || teacher->desc.height != m->desc.height ||
        teacher->desc.width != m->desc.width || teacher->desc.max_batch < n)
      return dive__ctx_fail(ctx, DIVE_ERR_ARG,
                            "%s: teacher must share the ctx, classes, input shape, and take batch %d", fn, n);
  }
  if (dive__loss_needs_prior(&lp) && (s = dive__resnet_set_prior(m, loss->class_counts))) return s;
  /* (with a dive_dist attached the step is eager: the gradients are summed on the host
     between backward and SGD, and sync-BN reduces on the host inside forward and backward) */
  if (ctx->backend == DIVE_BACKEND_VULKAN && m->replay && !m->dist && dive__vk_can_capture(ctx))
    return dive__rn_vk_step(m, teacher, x, y, n, &lp, loss, &sp, loss_out);

  /* the eager step: every op in turn (the CPU; Vulkan with DIVE_CHECK, DIVE_VK_SYNC or
     DIVE_VK_REPLAY=0) */
  dive__rn_drop_capture(m);
  if (ctx->status) return ctx->status;
  lab = dive__batch(&m->labels, n);
  if ((s = dive_tensor_write(&lab, y, n))) return s;
  if (teacher) { /* the teacher sees the same (augmented) batch, in eval mode */
    if ((s = dive_resnet_forward(teacher, x, n, 0))) return s;
    tl = dive__batch(&teacher->logits, n);
  }
  if ((s = dive_resnet_forward(m, x, n, 1))) return s;
  logits = dive__batch(&m->logits, n);
  dl = dive__batch(&m->dlogits, n);
  pe = dive__batch(&m->per_example, n);
  if ((s = dive__loss_forward(ctx, &dl, &pe, &l, &logits, &lab, teacher ? &tl : NULL, &m->log_prior, loss, 1)))
    return s;
  if (m->dist && (s = dive__resnet_loss_sync(m, &l, n))) return s; /* the global mean */
  m->steps++;
  if (!(l == l && l < FLT_MAX && l > -FLT_MAX))
    return dive__rn_nonfinite(m, m->steps, l, l != l ? "the loss is NaN" : "the loss is infinite", "");
  if ((s = dive_resnet_zero_grad(m)) || (s = dive_resnet_backward(m))) return s;
  m->grad_host_fresh = 0;
  if (m->dist && (s = dive__resnet_grad_sync(m))) return s; /* averaged over the ranks */
  /* ReLU maps NaN to 0, so a NaN pixel or a diverging step can leave the loss finite while
     the gradients are not: check them before they reach the weights (on Vulkan the
     recorded step does this on the device) */
  ng = m->grads.numel;
  if (ctx->backend == DIVE_BACKEND_CPU) {
    g = dive__f(&m->grads);
  } else {
    float *gh = dive__rn_grad_host(m);
    if (!gh) return ctx->status;
    if (!m->grad_host_fresh && (s = dive_tensor_read(&m->grads, gh, ng))) return s;
    m->grad_host_fresh = 0;
    g = gh;
  }
  for (j = 0; j < ng && bad < 0; j++)
    if (!(g[j] - g[j] == 0.0f)) bad = j;
  if (bad >= 0) {
    const char *name = "?";
    char what[96];
    for (i = 0; i < m->nplist; i++)
      if (m->plist[i].kind == DIVE_PARAM_WEIGHT && bad >= m->plist[i].grad.impl.offset - m->grads.impl.offset &&
          bad < m->plist[i].grad.impl.offset - m->grads.impl.offset + m->plist[i].grad.numel)
        name = m->plist[i].name;
    snprintf(what, sizeof what, "the gradient of %s is not finite", name);
    return dive__rn_nonfinite(m, m->steps, l, what, "");
  }
  if ((s = dive_resnet_sgd_step(m, sgd))) return s;
  m->loss_sum += l;
  m->loss_steps++;
  if (loss_out) *loss_out = l;
  return DIVE_OK;
}

DIVE_API dive_status dive_resnet_sync(dive_resnet *m, int wait, double *loss_sum, int64_t *steps) {
  dive_status s = DIVE_OK;
  if (!m) return dive__fail(DIVE_ERR_ARG, "dive_resnet_sync: model is NULL");
  if (m->ctx->status) return m->ctx->status;
  if (m->cap) {
    if (wait) {
      s = dive__rn_account(m, dive__vk_capture_steps(m->cap) - 1, NULL);
    } else { /* the finished steps only: never blocks */
      int64_t k = m->cap_done;
      for (; k < dive__vk_capture_steps(m->cap); k++) {
        int ready = 0;
        float l = 0;
        uint32_t fl = 0;
        (void)l; (void)fl;
        if ((s = dive__vk_capture_ring(m->ctx, m->cap, k, 0, &ready, &l, &fl)) || !ready) break;
      }
      if (!s && k > m->cap_done) s = dive__rn_account(m, k - 1, NULL);
    }
  }
  if (wait && !s) s = dive_ctx_sync(m->ctx);
  if (loss_sum) *loss_sum = m->loss_sum;
  if (steps) *steps = m->loss_steps;
  if (wait) {
    m->loss_sum = 0;
    m->loss_steps = 0;
  }
  return s;
}

DIVE_API dive_status dive_resnet_predict(dive_resnet *m, const float *x, int n, float *logits_out) {
  dive_status s;
  dive_tensor lg;
  if (!m) return dive__fail(DIVE_ERR_ARG, "dive_resnet_predict: model is NULL");
  if (!x || !logits_out) return dive__ctx_fail(m->ctx, DIVE_ERR_ARG, "dive_resnet_predict: x or logits_out is NULL");
  if ((s = dive_resnet_forward(m, x, n, 0))) return s;
  lg = dive__batch(&m->logits, n);
  return dive_tensor_read(&lg, logits_out, lg.numel);
}

/* ========================================================================== >>checkpoint */
/* Checkpoints are safetensors files: an 8-byte little-endian header length, a JSON header
   {"__metadata__": {...}, "name": {"dtype": "F32", "shape": [..], "data_offsets": [b, e]}},
   then the raw little-endian tensor bytes. Names and shapes are those of the PyTorch
   CIFAR ResNet used by the long-tail literature, so load_state_dict takes our files and we
   take theirs. The metadata carries "dive.crc32", a CRC-32 of the data section, checked
   on load when present. Writes go to a temporary file that is fsync'ed and renamed. */

typedef struct dive__st_entry {
  char name[64];
  char dtype[8];   /* "F32", "I64", ... */
  int ndim;        /* 0 for a scalar */
  int64_t shape[4];
  uint64_t begin, end; /* byte offsets into the data section */
  const void *data;    /* writer: the bytes */
} dive__st_entry;

static int dive__st_dtype_size(const char *dt) {
  if (!strcmp(dt, "F32") || !strcmp(dt, "I32") || !strcmp(dt, "U32")) return 4;
  if (!strcmp(dt, "F64") || !strcmp(dt, "I64") || !strcmp(dt, "U64")) return 8;
  if (!strcmp(dt, "F16") || !strcmp(dt, "BF16") || !strcmp(dt, "I16")) return 2;
  if (!strcmp(dt, "U8") || !strcmp(dt, "I8") || !strcmp(dt, "BOOL")) return 1;
  return 0;
}

/* fsync the folder that holds `path`, so that a rename survives a power cut */
static void dive__fsync_dir(const char *path) {
#if !defined(_WIN32)
  char dir[1024];
  const char *slash = strrchr(path, '/');
  int fd;
  if (!slash) snprintf(dir, sizeof dir, ".");
  else snprintf(dir, sizeof dir, "%.*s", (int)(slash > path ? slash - path : 1), path);
  fd = open(dir, O_RDONLY);
  if (fd >= 0) { fsync(fd); close(fd); }
#else
  (void)path;
#endif
}

/* Write the entries (data offsets are assigned here) atomically to `path`. `meta` holds
   extra "key": "value" pairs for __metadata__ (JSON text without braces) or is NULL. */
static dive_status dive__st_write(const char *path, dive__st_entry *e, int n, const char *meta) {
  size_t cap = 256 + (size_t)n * 160 + (meta ? strlen(meta) : 0), len = 0;
  char *hdr = (char *)DIVE_MALLOC(cap), tmp[1100];
  uint64_t off = 0, hlen;
  unsigned char le[8];
  uint32_t crc = 0;
  FILE *f;
  int i, d, ok;
  if (!hdr) return dive__fail(DIVE_ERR_OOM, "%s: out of memory", path);
  if (strlen(path) > 1000) { DIVE_FREE(hdr); return dive__fail(DIVE_ERR_ARG, "checkpoint path too long"); }
  for (i = 0; i < n; i++) { /* the caller passes each tensor's byte size in `end` */
    uint64_t bytes = e[i].end;
    e[i].begin = off;
    e[i].end = off += bytes;
    crc = dive__crc32(crc, e[i].data, (size_t)bytes);
  }
  len += (size_t)snprintf(hdr + len, cap - len, "{\"__metadata__\":{\"format\":\"pt\",\"dive.crc32\":\"%08x\"%s%s}",
                          (unsigned)crc, meta ? "," : "", meta ? meta : "");
  for (i = 0; i < n; i++) {
    len += (size_t)snprintf(hdr + len, cap - len, ",\"%s\":{\"dtype\":\"%s\",\"shape\":[", e[i].name, e[i].dtype);
    for (d = 0; d < e[i].ndim; d++)
      len += (size_t)snprintf(hdr + len, cap - len, "%s%lld", d ? "," : "", (long long)e[i].shape[d]);
    len += (size_t)snprintf(hdr + len, cap - len, "],\"data_offsets\":[%llu,%llu]}",
                            (unsigned long long)e[i].begin, (unsigned long long)e[i].end);
  }
  len += (size_t)snprintf(hdr + len, cap - len, "}");
  while (len % 8) hdr[len++] = ' '; /* pad so the data section is 8-byte aligned */
  hlen = len;
  for (i = 0; i < 8; i++) le[i] = (unsigned char)(hlen >> (8 * i));
#if defined(_WIN32)
  snprintf(tmp, sizeof tmp, "%s.tmp", path);
#else
  snprintf(tmp, sizeof tmp, "%s.tmp%ld", path, (long)getpid());
#endif
  f = fopen(tmp, "wb");
  if (!f) {
    DIVE_FREE(hdr);
    return dive__fail(DIVE_ERR_IO, "%s: cannot create: %s", tmp, strerror(errno));
  }
  ok = fwrite(le, 1, 8, f) == 8 && fwrite(hdr, 1, len, f) == len;
  for (i = 0; ok && i < n; i++) {
    size_t b = (size_t)(e[i].end - e[i].begin);
    ok = fwrite(e[i].data, 1, b, f) == b;
  }
  ok = ok && fflush(f) == 0;
#if !defined(_WIN32)
  ok = ok && fsync(fileno(f)) == 0;
#endif
  if (fclose(f) != 0) ok = 0;
  DIVE_FREE(hdr);
  if (!ok) {
    int err = errno;
    remove(tmp);
    return dive__fail(DIVE_ERR_IO, "%s: write failed: %s", path, strerror(err));
  }
  if (rename(tmp, path) != 0) {
    int err = errno;
    remove(tmp);
    return dive__fail(DIVE_ERR_IO, "%s: rename from %s failed: %s", path, tmp, strerror(err));
  }
  dive__fsync_dir(path);
  return DIVE_OK;
}

/* --- a small JSON reader, enough for safetensors headers --- */
typedef struct dive__json { const char *p, *end; int depth; } dive__json;

static void dive__json_ws(dive__json *j) {
  while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r')) j->p++;
}
static int dive__json_eat(dive__json *j, char c) {
  dive__json_ws(j);
  if (j->p < j->end && *j->p == c) { j->p++; return 1; }
  return 0;
}
/* a string into out (truncated to cap-1; escapes kept verbatim except \" and \\) */
static int dive__json_str(dive__json *j, char *out, size_t cap) {
  size_t n = 0;
  if (!dive__json_eat(j, '"')) return 0;
  while (j->p < j->end && *j->p != '"') {
    char c = *j->p++;
    if (c == '\\') {
      if (j->p >= j->end) return 0;
      c = *j->p++;
    }
    if (out && n + 1 < cap) out[n++] = c;
  }
  if (out && cap) out[n] = 0;
  return j->p < j->end && *j->p++ == '"';
}
static int dive__json_int(dive__json *j, int64_t *v) {
  int64_t x = 0;
  int digits = 0;
  dive__json_ws(j);
  while (j->p < j->end && *j->p >= '0' && *j->p <= '9') {
    if (x > ((int64_t)1 << 55)) return 0; /* absurd size: refuse before it overflows */
    x = x * 10 + (*j->p++ - '0');
    digits++;
  }
  *v = x;
  return digits > 0;
}
static int dive__json_skip(dive__json *j) {
  dive__json_ws(j);
  if (j->p >= j->end || ++j->depth > 64) return 0;
  if (*j->p == '"') { j->depth--; return dive__json_str(j, NULL, 0); }
  if (*j->p == '{' || *j->p == '[') {
    char close = *j->p == '{' ? '}' : ']';
    j->p++;
    if (dive__json_eat(j, close)) { j->depth--; return 1; }
    do {
      if (close == '}' && (!dive__json_str(j, NULL, 0) || !dive__json_eat(j, ':'))) return 0;
      if (!dive__json_skip(j)) return 0;
    } while (dive__json_eat(j, ','));
    j->depth--;
    return dive__json_eat(j, close);
  }
  while (j->p < j->end && (strchr("-+.eE", *j->p) || (*j->p >= '0' && *j->p <= '9') ||
                           (*j->p >= 'a' && *j->p <= 'z')))
    j->p++;
  j->depth--;
  return 1;
}

typedef struct dive__st_file {
  unsigned char *buf; /* the whole file */
  size_t size;
  const unsigned char *data; /* data section */
  uint64_t data_size;
  dive__st_entry *e;
  int n;
  char crc[32]; /* "dive.crc32" metadata, or "" */
  char arch[32]; /* "dive.arch" metadata, or "" */
} dive__st_file;

static void dive__st_close(dive__st_file *f) {
  DIVE_FREE(f->buf);
  DIVE_FREE(f->e);
  memset(f, 0, sizeof *f);
}

/* Read and validate a safetensors file: every offset inside the file, sizes consistent
   with dtype and shape, the checksum when present. */
static dive_status dive__st_open(dive__st_file *f, const char *path) {
  FILE *fp;
  long sz;
  uint64_t hlen = 0;
  dive__json j;
  int i, cap = 0;
  memset(f, 0, sizeof *f);
  fp = fopen(path, "rb");
  if (!fp) return dive__fail(DIVE_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
  if (fseek(fp, 0, SEEK_END) != 0 || (sz = ftell(fp)) < 0 || fseek(fp, 0, SEEK_SET) != 0) {
    fclose(fp);
    return dive__fail(DIVE_ERR_IO, "%s: cannot seek", path);
  }
  if (sz < 10) {
    fclose(fp);
    return dive__fail(DIVE_ERR_FORMAT, "%s: %ld bytes is too short for a safetensors file", path, sz);
  }
  f->size = (size_t)sz;
  f->buf = (unsigned char *)DIVE_MALLOC(f->size);
  if (!f->buf) { fclose(fp); return dive__fail(DIVE_ERR_OOM, "%s: out of memory (%ld bytes)", path, sz); }
  if (fread(f->buf, 1, f->size, fp) != f->size) {
    fclose(fp);
    dive__st_close(f);
    return dive__fail(DIVE_ERR_IO, "%s: read failed", path);
  }
  fclose(fp);
  for (i = 0; i < 8; i++) hlen |= (uint64_t)f->buf[i] << (8 * i);
  if (hlen < 2 || hlen > f->size - 8 || hlen > (100u << 20)) {
    dive__st_close(f);
    return dive__fail(DIVE_ERR_FORMAT, "%s: header length %llu does not fit the %ld-byte file (not safetensors?)",
                      path, (unsigned long long)hlen, sz);
  }
  f->data = f->buf + 8 + hlen;
  f->data_size = f->size - 8 - hlen;
  j.p = (const char *)f->buf + 8;
  j.end = j.p + hlen;
  j.depth = 0;
  if (!dive__json_eat(&j, '{')) {
    dive__st_close(f);
    return dive__fail(DIVE_ERR_FORMAT, "%s: header is not a JSON object", path);
  }
  if (!dive__json_eat(&j, '}')) do {
    char key[64], field[32];
    dive__st_entry *e;
    if (!dive__json_str(&j, key, sizeof key) || !dive__json_eat(&j, ':')) goto bad;
    if (!strcmp(key, "__metadata__")) {
      if (!dive__json_eat(&j, '{')) goto bad;
      if (!dive__json_eat(&j, '}')) do {
        char mk[32], mv[32];
        if (!dive__json_str(&j, mk, sizeof mk) || !dive__json_eat(&j, ':') || !dive__json_str(&j, mv, sizeof mv))
          goto bad;
        if (!strcmp(mk, "dive.crc32")) snprintf(f->crc, sizeof f->crc, "%s", mv);
        if (!strcmp(mk, "dive.arch")) snprintf(f->arch, sizeof f->arch, "%s", mv);
      } while (dive__json_eat(&j, ','));
      else continue;
      if (!dive__json_eat(&j, '}')) goto bad;
      continue;
    }
    if (f->n == cap) {
      dive__st_entry *ne;
      cap = cap ? 2 * cap : 64;
      if (cap > 1000000) goto bad;
      ne = (dive__st_entry *)DIVE_REALLOC(f->e, sizeof(dive__st_entry) * (size_t)cap);
      if (!ne) { dive__st_close(f); return dive__fail(DIVE_ERR_OOM, "%s: out of memory", path); }
      f->e = ne;
    }
    e = &f->e[f->n++];
    memset(e, 0, sizeof *e);
    snprintf(e->name, sizeof e->name, "%s", key);
    e->ndim = -1;
    e->end = 0;
    e->begin = 1; /* marks "offsets not seen" until parsed */
    if (!dive__json_eat(&j, '{')) goto bad;
    do {
      if (!dive__json_str(&j, field, sizeof field) || !dive__json_eat(&j, ':')) goto bad;
      if (!strcmp(field, "dtype")) {
        if (!dive__json_str(&j, e->dtype, sizeof e->dtype)) goto bad;
      } else if (!strcmp(field, "shape")) {
        e->ndim = 0;
        if (!dive__json_eat(&j, '[')) goto bad;
        if (!dive__json_eat(&j, ']')) {
          do {
            int64_t v;
            if (e->ndim >= 4 || !dive__json_int(&j, &v)) goto bad;
            e->shape[e->ndim++] = v;
          } while (dive__json_eat(&j, ','));
          if (!dive__json_eat(&j, ']')) goto bad;
        }
      } else if (!strcmp(field, "data_offsets")) {
        int64_t b, en;
        if (!dive__json_eat(&j, '[') || !dive__json_int(&j, &b) || !dive__json_eat(&j, ',') ||
            !dive__json_int(&j, &en) || !dive__json_eat(&j, ']'))
          goto bad;
        e->begin = (uint64_t)b;
        e->end = (uint64_t)en;
      } else if (!dive__json_skip(&j)) {
        goto bad;
      }
    } while (dive__json_eat(&j, ','));
    if (!dive__json_eat(&j, '}')) goto bad;
    {
      int es = dive__st_dtype_size(e->dtype);
      uint64_t numel = 1;
      int d;
      dive_status bad_s = DIVE_OK;
      if (!es || e->ndim < 0 || e->begin > e->end)
        bad_s = dive__fail(DIVE_ERR_FORMAT, "%s: tensor \"%s\": missing or bad dtype/shape/data_offsets", path, key);
      for (d = 0; d < e->ndim; d++) numel *= (uint64_t)e->shape[d];
      if (!bad_s && e->end > f->data_size)
        bad_s = dive__fail(DIVE_ERR_FORMAT, "%s: tensor \"%s\" ends at byte %llu of a %llu-byte data section (truncated file?)",
                           path, key, (unsigned long long)e->end, (unsigned long long)f->data_size);
      if (!bad_s && numel * (uint64_t)es != e->end - e->begin)
        bad_s = dive__fail(DIVE_ERR_FORMAT, "%s: tensor \"%s\": %llu bytes for %llu elements of %s", path, key,
                           (unsigned long long)(e->end - e->begin), (unsigned long long)numel, e->dtype);
      if (bad_s) { /* e points into f: close only after the message is made */
        dive__st_close(f);
        return bad_s;
      }
    }
  } while (dive__json_eat(&j, ','));
  else goto done;
  if (!dive__json_eat(&j, '}')) goto bad;
done:
  if (f->crc[0]) {
    char got[16];
    snprintf(got, sizeof got, "%08x", (unsigned)dive__crc32(0, f->data, (size_t)f->data_size));
    if (strcmp(got, f->crc)) {
      dive_status s = dive__fail(DIVE_ERR_FORMAT, "%s: checksum mismatch (stored crc32 %s, data has %s): the file is corrupt",
                                 path, f->crc, got);
      dive__st_close(f);
      return s;
    }
  }
  return DIVE_OK;
bad:
  {
    long at = (long)(j.p - (const char *)f->buf);
    dive__st_close(f);
    return dive__fail(DIVE_ERR_FORMAT, "%s: malformed safetensors header near byte %ld", path, at);
  }
}

static const dive__st_entry *dive__st_find(const dive__st_file *f, const char *name) {
  int i;
  for (i = 0; i < f->n; i++) {
    const char *k = f->e[i].name;
    if (!strncmp(k, "module.", 7)) k += 7; /* DataParallel checkpoints */
    if (!strcmp(k, name)) return &f->e[i];
  }
  return NULL;
}

/* Gather a model's state into safetensors entries (host copies in *blob). */
static dive_status dive__resnet_entries(dive_resnet *m, dive__st_entry **out, void **blob) {
  size_t total = 0, off = 0;
  dive__st_entry *e;
  unsigned char *b;
  int i, d;
  dive_status s;
  for (i = 0; i < m->nplist; i++)
    total += m->plist[i].kind == DIVE_PARAM_COUNTER ? 8 : (size_t)m->plist[i].value.numel * 4;
  e = (dive__st_entry *)dive__calloc(sizeof *e * (size_t)m->nplist);
  b = (unsigned char *)DIVE_MALLOC(total);
  if (!e || !b) {
    DIVE_FREE(e); DIVE_FREE(b);
    return dive__ctx_fail(m->ctx, DIVE_ERR_OOM, "dive_resnet_save: out of memory");
  }
  for (i = 0; i < m->nplist; i++) {
    const dive_param *p = &m->plist[i];
    snprintf(e[i].name, sizeof e[i].name, "%s", p->name);
    e[i].data = b + off;
    if (p->kind == DIVE_PARAM_COUNTER) {
      int64_t v = *p->counter;
      for (d = 0; d < 8; d++) b[off + (size_t)d] = (unsigned char)((uint64_t)v >> (8 * d));
      snprintf(e[i].dtype, sizeof e[i].dtype, "I64");
      e[i].ndim = 0;
      e[i].end = 8;
    } else {
      if ((s = dive_tensor_read(&p->value, b + off, p->value.numel))) {
        DIVE_FREE(e); DIVE_FREE(b);
        return s;
      }
      snprintf(e[i].dtype, sizeof e[i].dtype, "F32");
      e[i].ndim = p->value.ndim;
      for (d = 0; d < p->value.ndim; d++) e[i].shape[d] = p->value.shape[d];
      e[i].end = (uint64_t)p->value.numel * 4;
    }
    off += (size_t)e[i].end;
  }
  *out = e;
  *blob = b;
  return DIVE_OK;
}

DIVE_API dive_status dive_resnet_save(dive_resnet *m, const char *path) {
  dive__st_entry *e = NULL;
  void *blob = NULL;
  dive_status s;
  char meta[160];
  if (!m || !path) return dive__fail(DIVE_ERR_ARG, "dive_resnet_save: model or path is NULL");
  if (m->ctx->status) return m->ctx->status;
  if ((s = dive__resnet_entries(m, &e, &blob))) return s;
  snprintf(meta, sizeof meta, "\"dive.arch\":\"%s\",\"dive.num_classes\":\"%d\",\"dive.in_channels\":\"%d\"",
           m->arch, m->desc.num_classes, m->desc.in_channels);
  s = dive__st_write(path, e, m->nplist, meta);
  DIVE_FREE(e);
  DIVE_FREE(blob);
  if (s) return dive__ctx_fail(m->ctx, s, "%s", dive__last_error);
  return DIVE_OK;
}

/* Keys a model file may hold beyond the model's own state (training state). */
static int dive__st_extra_ok(const char *name) { return !strncmp(name, "optim.", 6) || !strncmp(name, "train.", 6); }

/* The architecture a checkpoint holds, for error hints: its "dive.arch" metadata, else
   read off its keys and shapes (a file written from torchvision has no metadata): fc.* is
   the ImageNet family, linear.* the CIFAR one; the blocks per stage, bottleneck or basic,
   and the groups and width of layer1.0's 3x3 conv name the row. "" when unknown. */
static void dive__st_guess_arch(const dive__st_file *f, char *out, size_t size) {
  const dive__st_entry *c1 = dive__st_find(f, "conv1.weight"), *w2 = dive__st_find(f, "layer1.0.conv2.weight");
  int layers[4], st, k, i, bottleneck = dive__st_find(f, "layer1.0.conv3.weight") != NULL;
  char key[48];
  out[0] = 0;
  if (f->arch[0]) { snprintf(out, size, "%s", f->arch); return; }
  if (!c1 || !w2 || c1->ndim != 4 || w2->ndim != 4 || !w2->shape[1]) return;
  for (st = 0; st < 4; st++) {
    for (k = 0; k < 1000; k++) {
      snprintf(key, sizeof key, "layer%d.%d.conv1.weight", st + 1, k);
      if (!dive__st_find(f, key)) break;
    }
    layers[st] = k;
  }
  if (dive__st_find(f, "linear.weight")) {
    if (!bottleneck && layers[0] && layers[1] == layers[0] && layers[2] == layers[0] && !layers[3])
      snprintf(out, size, "resnet%d", 6 * layers[0] + 2);
    return;
  }
  if (!dive__st_find(f, "fc.weight")) return;
  for (i = 0; i < DIVE__NARCHS; i++) {
    const dive__rn_arch *a = &dive__rn_archs[i];
    int64_t g = w2->shape[0] / w2->shape[1], planes = c1->shape[0];
    if (a->block != (bottleneck ? DIVE__BLK_BOTTLENECK : DIVE__BLK_BASIC) || a->layers[0] != layers[0] ||
        a->layers[1] != layers[1] || a->layers[2] != layers[2] || a->layers[3] != layers[3])
      continue;
    if (bottleneck && (g != a->groups || w2->shape[0] != planes * a->width_per_group / 64 * a->groups)) continue;
    snprintf(out, size, "%s", a->name);
    return;
  }
  snprintf(out, size, "%s ResNet with layers [%d,%d,%d,%d], groups %lld", bottleneck ? "bottleneck" : "basic",
           layers[0], layers[1], layers[2], layers[3], (long long)(w2->shape[0] / w2->shape[1]));
}

/* ": a resnet50 checkpoint loaded as resnext50_32x4d?" and the like, for a file whose
   key `name` does not fit the model (e NULL: the key is missing) */
static void dive__st_hint(const dive_resnet *m, const dive__st_file *f, const char *name, const dive__st_entry *e,
                          const dive_param *p, char *out, size_t size) {
  char arch[96];
  const char *last = strrchr(name, '.');
  dive__st_guess_arch(f, arch, sizeof arch);
  out[0] = 0;
  if (arch[0] && strcmp(arch, m->arch)) {
    snprintf(out, size, ": a %s checkpoint loaded as %s?", arch, m->arch);
  } else if (e && p && p->kind != DIVE_PARAM_COUNTER && e->ndim >= 1 && p->value.ndim >= 1 &&
             (!strcmp(name, "fc.weight") || !strcmp(name, "fc.bias") || !strcmp(name, "linear.weight") ||
              !strcmp(name, "linear.bias")) && e->shape[0] != p->value.shape[0]) {
    snprintf(out, size, ": a checkpoint of %lld classes loaded into a model of %d?", (long long)e->shape[0],
             m->desc.num_classes);
  } else if (e && p && !strcmp(name, "conv1.weight") && e->ndim == 4 && e->shape[1] != m->desc.in_channels) {
    snprintf(out, size, ": a checkpoint for %lld input channels loaded into a model for %d?", (long long)e->shape[1],
             m->desc.in_channels);
  } else if (e && p && last && (!strcmp(last, ".weight") || !strcmp(last, ".bias") || !strcmp(last, ".running_mean") ||
                                !strcmp(last, ".running_var"))) {
    snprintf(out, size, ": a %s of another width (base_width %d, groups %d, width_per_group %d here)?", m->arch,
             m->desc.base_width, m->desc.groups, m->desc.width_per_group);
  }
}

static void dive__shape_str64(char *buf, size_t size, int ndim, const int64_t *shape) {
  int i, o = snprintf(buf, size, "(");
  for (i = 0; i < ndim && o > 0 && (size_t)o < size; i++)
    o += snprintf(buf + o, size - (size_t)o, i ? ",%lld" : "%lld", (long long)shape[i]);
  if (o > 0 && (size_t)o < size) snprintf(buf + o, size - (size_t)o, ")");
}

/* Load the model's state from a parsed file (the caller opens and closes it). */
static dive_status dive__resnet_load_parsed(dive_resnet *m, const dive__st_file *f, const char *path) {
  dive_status s = DIVE_OK;
  float *tmp = NULL;
  char hint[200];
  int i, d;
  /* check everything before changing anything, so a bad file leaves the model intact; the
     first key (in state_dict order) that does not fit is named */
  for (i = 0; i < m->nplist; i++) {
    const dive_param *p = &m->plist[i];
    const dive__st_entry *e = dive__st_find(f, p->name);
    int ok;
    if (!e) {
      dive__st_hint(m, f, p->name, NULL, p, hint, sizeof hint);
      return dive__ctx_fail(m->ctx, DIVE_ERR_FORMAT, "%s: missing tensor \"%s\"%s", path, p->name, hint);
    }
    if (p->kind == DIVE_PARAM_COUNTER) {
      ok = e->ndim == 0 && !strcmp(e->dtype, "I64");
    } else {
      ok = !strcmp(e->dtype, "F32") && e->ndim == p->value.ndim;
      for (d = 0; ok && d < e->ndim; d++) ok = e->shape[d] == p->value.shape[d];
    }
    if (!ok) {
      char want[64], got[64];
      const char *wdt = p->kind == DIVE_PARAM_COUNTER ? "I64" : "F32";
      int64_t ws[4];
      for (d = 0; d < 4; d++) ws[d] = p->kind == DIVE_PARAM_COUNTER ? 0 : p->value.shape[d];
      dive__shape_str64(want, sizeof want, p->kind == DIVE_PARAM_COUNTER ? 0 : p->value.ndim, ws);
      dive__shape_str64(got, sizeof got, e->ndim, e->shape);
      dive__st_hint(m, f, p->name, e, p, hint, sizeof hint);
      if (strcmp(e->dtype, wdt))
        return dive__ctx_fail(m->ctx, DIVE_ERR_SHAPE, "%s: %s: expected %s %s, file has %s %s%s", path, p->name, wdt,
                              want, e->dtype, got, hint);
      return dive__ctx_fail(m->ctx, DIVE_ERR_SHAPE, "%s: %s: expected %s, file has %s%s", path, p->name, want, got,
                            hint);
    }
  }
  for (i = 0; i < f->n; i++) {
    const char *k = f->e[i].name;
    int found = 0, j;
    if (!strncmp(k, "module.", 7)) k += 7;
    for (j = 0; j < m->nplist && !found; j++) found = !strcmp(k, m->plist[j].name);
    if (!found && !dive__st_extra_ok(k)) {
      dive__st_hint(m, f, k, &f->e[i], NULL, hint, sizeof hint);
      return dive__ctx_fail(m->ctx, DIVE_ERR_FORMAT, "%s: unexpected tensor \"%s\" (not part of %s)%s", path,
                            f->e[i].name, m->arch, hint);
    }
  }
  for (i = 0; i < m->nplist && !s; i++) {
    dive_param *p = &m->plist[i];
    const dive__st_entry *e = dive__st_find(f, p->name);
    const unsigned char *src = f->data + e->begin;
    if (p->kind == DIVE_PARAM_COUNTER) {
      uint64_t v = 0;
      for (d = 0; d < 8; d++) v |= (uint64_t)src[d] << (8 * d);
      *p->counter = (int64_t)v;
      continue;
    }
    /* the data section need not be 4-byte aligned in memory: copy through a buffer */
    tmp = (float *)DIVE_MALLOC((size_t)p->value.numel * 4);
    if (!tmp) { s = dive__ctx_fail(m->ctx, DIVE_ERR_OOM, "dive_resnet_load: out of memory"); break; }
    memcpy(tmp, src, (size_t)p->value.numel * 4);
    s = dive_tensor_write(&p->value, tmp, p->value.numel);
    DIVE_FREE(tmp);
  }
  return s;
}

DIVE_API dive_status dive_resnet_load(dive_resnet *m, const char *path) {
  dive__st_file f;
  dive_status s;
  if (!m || !path) return dive__fail(DIVE_ERR_ARG, "dive_resnet_load: model or path is NULL");
  if (m->ctx->status) return m->ctx->status;
  dive__rn_drop_capture(m); /* the steps in flight finish (and count) before the load */
  if (m->ctx->status) return m->ctx->status;
  if ((s = dive__st_open(&f, path))) return dive__ctx_fail(m->ctx, s, "%s", dive__last_error);
  s = dive__resnet_load_parsed(m, &f, path);
  dive__st_close(&f);
  return s;
}

/* ================================================================================ >>data */
/* Datasets, long-tailed subsets and batch loaders (docs/data.md).
   stb_image (JPEG, PNG and the zlib inflater used for .gz) is pulled in here:
     default               if stb_image.h is on the include path ("stb_image.h", or Debian's
                           <stb/stb_image.h>), dive.h compiles its implementation here (JPEG +
                           PNG + zlib only, no stdio; extern stbi_* symbols: STB_IMAGE_STATIC
                           is avoided because gcc then warns, past any pragma, about
                           declared-but-undefined static functions of stb_image 2.27);
     stb_image.h included  before dive.h in this file: dive.h uses that one as it is;
     DIVE_STB_IMAGE_EXTERN the program compiles stb_image's implementation elsewhere (define
                           it to avoid duplicate stbi_* symbols): only the declarations are
                           included;
     DIVE_NO_STB_IMAGE     (or no stb_image.h found) no stb_image: .gz files, JPEG and PNG
                           give DIVE_ERR_UNSUPPORTED; plain IDX and CIFAR still load.
   Worker threads are pthreads; DIVE_NO_THREADS (and _WIN32) builds batches on the calling
   thread instead. */
#if !defined(DIVE_NO_STB_IMAGE) && !defined(STBI_INCLUDE_STB_IMAGE_H)
#if defined(__has_include)
#if !__has_include("stb_image.h") && !__has_include(<stb/stb_image.h>)
#define DIVE_NO_STB_IMAGE
#endif
#endif
#endif
#if !defined(DIVE_NO_STB_IMAGE) && !defined(STBI_INCLUDE_STB_IMAGE_H)
#ifdef __cplusplus
} /* stb_image.h and system headers outside extern "C" */
#endif
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpragmas"
#pragma GCC diagnostic ignored "-Wunknown-warning-option"
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wcast-qual"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wunused-but-set-variable"
#pragma GCC diagnostic ignored "-Wdouble-promotion"
#pragma GCC diagnostic ignored "-Wold-style-cast"
#pragma GCC diagnostic ignored "-Wuseless-cast"
#pragma GCC diagnostic ignored "-Wzero-as-null-pointer-constant"
#endif
#ifndef DIVE_STB_IMAGE_EXTERN
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_JPEG
#define STBI_ONLY_PNG
#define STBI_NO_STDIO /* dive.h reads files itself, so errors name them the same way */
#define STBI_MALLOC(n) DIVE_MALLOC(n)
#define STBI_REALLOC(p, n) DIVE_REALLOC(p, n)
#define STBI_FREE(p) DIVE_FREE(p)
#endif
#if defined(__has_include)
#if __has_include("stb_image.h")
#include "stb_image.h"
#else
#include <stb/stb_image.h>
#endif
#else
#include "stb_image.h"
#endif
#if defined(__GNUC__) || defined(__clang__)
#pragma GCC diagnostic pop
#endif
#ifdef __cplusplus
extern "C" {
#endif
#endif /* stb_image */

/* --- files --- */

/* Read a whole file; `who` prefixes the message (the public function's name). */
static dive_status dive__read_file(const char *who, const char *path, uint8_t **data, size_t *len) {
  FILE *f;
  long sz;
  uint8_t *buf;
  *data = NULL;
  *len = 0;
  f = fopen(path, "rb");
  if (!f) return dive__fail(DIVE_ERR_IO, "%s: %s: cannot open (%s)", who, path, strerror(errno));
  if (fseek(f, 0, SEEK_END) != 0 || (sz = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
    fclose(f);
    return dive__fail(DIVE_ERR_IO, "%s: %s: cannot seek (not a regular file?)", who, path);
  }
  buf = (uint8_t *)DIVE_MALLOC((size_t)sz + 1);
  if (!buf) {
    fclose(f);
    return dive__fail(DIVE_ERR_OOM, "%s: %s: no memory for %ld bytes", who, path, sz);
  }
  if (sz > 0 && fread(buf, 1, (size_t)sz, f) != (size_t)sz) {
    DIVE_FREE(buf);
    fclose(f);
    return dive__fail(DIVE_ERR_IO, "%s: %s: read failed", who, path);
  }
  fclose(f);
  buf[sz] = 0; /* lets text parsers stop at a NUL */
  *data = buf;
  *len = (size_t)sz;
  return DIVE_OK;
}

static int dive__file_exists(const char *path) {
  FILE *f = fopen(path, "rb");
  if (f) fclose(f);
  return f != NULL;
}

static uint32_t dive__be32(const uint8_t *p) {
  return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}
static DIVE__UNUSED uint32_t dive__le32(const uint8_t *p) {
  return ((uint32_t)p[3] << 24) | ((uint32_t)p[2] << 16) | ((uint32_t)p[1] << 8) | p[0];
}

/* gzip (RFC 1952): one member; header fields and the CRC32/ISIZE trailer are checked here,
   the deflate stream is inflated by stb_image's zlib decoder. */
static dive_status dive__gunzip(const char *who, const char *path, const uint8_t *g, size_t len,
                                uint8_t **out, size_t *out_len) {
#ifdef DIVE_NO_STB_IMAGE
  (void)g; (void)len;
  *out = NULL;
  *out_len = 0;
  return dive__fail(DIVE_ERR_UNSUPPORTED,
                    "%s: %s: gzip needs stb_image (built with DIVE_NO_STB_IMAGE or without "
                    "stb_image.h); gunzip the file first", who, path);
#else
  size_t pos = 10, dlen;
  int flg, olen = 0;
  char *res;
  uint32_t crc;
  *out = NULL;
  *out_len = 0;
  if (len < 18) return dive__fail(DIVE_ERR_FORMAT, "%s: %s: truncated gzip file (%zu bytes)", who, path, len);
  if (g[0] != 0x1f || g[1] != 0x8b)
    return dive__fail(DIVE_ERR_FORMAT, "%s: %s: not gzip (magic %02x %02x, expected 1f 8b)", who, path, g[0], g[1]);
  if (g[2] != 8) return dive__fail(DIVE_ERR_FORMAT, "%s: %s: gzip method %d, expected 8 (deflate)", who, path, g[2]);
  flg = g[3];
  if (flg & 0xE0) return dive__fail(DIVE_ERR_FORMAT, "%s: %s: gzip reserved flag bits set (0x%02x)", who, path, flg);
  if (flg & 4) { /* FEXTRA */
    if (pos + 2 > len) goto truncated;
    pos += 2 + (size_t)(g[pos] | (g[pos + 1] << 8));
  }
  if (flg & 8) { /* FNAME */
    while (pos < len && g[pos]) pos++;
    pos++;
  }
  if (flg & 16) { /* FCOMMENT */
    while (pos < len && g[pos]) pos++;
    pos++;
  }
  if (flg & 2) { /* FHCRC: low 16 bits of the CRC32 of the header so far */
    if (pos + 2 > len) goto truncated;
    if ((dive__crc32(0, g, pos) & 0xFFFF) != (uint32_t)(g[pos] | (g[pos + 1] << 8)))
      return dive__fail(DIVE_ERR_FORMAT, "%s: %s: gzip header CRC mismatch", who, path);
    pos += 2;
  }
  if (pos + 8 > len) goto truncated;
  dlen = len - 8 - pos;
  if (dlen > 0x7FFFFFFF) return dive__fail(DIVE_ERR_UNSUPPORTED, "%s: %s: gzip member over 2 GiB", who, path);
  /* the 8 trailer bytes are passed too: deflate ends by itself, and stb_image 2.27 reports
     "bad huffman code" when fewer than 16 bits are left to peek at the end of its input */
  res = stbi_zlib_decode_noheader_malloc((const char *)g + pos, (int)(dlen + 8), &olen);
  if (!res)
    return dive__fail(DIVE_ERR_FORMAT, "%s: %s: corrupt or truncated deflate data (%s)", who, path,
                      stbi_failure_reason() ? stbi_failure_reason() : "?");
  crc = dive__crc32(0, (const uint8_t *)res, (size_t)olen);
  if (crc != dive__le32(g + len - 8)) {
    stbi_image_free(res);
    return dive__fail(DIVE_ERR_FORMAT, "%s: %s: gzip CRC32 mismatch (data %08x, trailer %08x): corrupt or truncated",
                      who, path, crc, dive__le32(g + len - 8));
  }
  if ((uint32_t)olen != dive__le32(g + len - 4)) {
    stbi_image_free(res);
    return dive__fail(DIVE_ERR_FORMAT, "%s: %s: gzip ISIZE %u but %d bytes inflated", who, path,
                      dive__le32(g + len - 4), olen);
  }
  /* hand back a DIVE_MALLOC buffer so callers free one way */
  *out = (uint8_t *)DIVE_MALLOC((size_t)olen + 1);
  if (!*out) {
    stbi_image_free(res);
    return dive__fail(DIVE_ERR_OOM, "%s: %s: no memory for %d bytes", who, path, olen);
  }
  memcpy(*out, res, (size_t)olen);
  (*out)[olen] = 0;
  stbi_image_free(res);
  *out_len = (size_t)olen;
  return DIVE_OK;
truncated:
  return dive__fail(DIVE_ERR_FORMAT, "%s: %s: truncated gzip header", who, path);
#endif
}

/* Read a file, inflating it when it starts with the gzip magic. */
static dive_status dive__read_maybe_gz(const char *who, const char *path, uint8_t **data, size_t *len) {
  uint8_t *raw, *inf = NULL;
  size_t n, m = 0;
  dive_status s = dive__read_file(who, path, &raw, &n);
  if (s) return s;
  if (n >= 2 && raw[0] == 0x1f && raw[1] == 0x8b) {
    s = dive__gunzip(who, path, raw, n, &inf, &m);
    DIVE_FREE(raw);
    if (s) return s;
    raw = inf;
    n = m;
  }
  *data = raw;
  *len = n;
  return DIVE_OK;
}

/* --- datasets --- */

DIVE_API void dive_dataset_free(dive_dataset *ds) {
  if (!ds) return;
  DIVE_FREE(ds->images);
  DIVE_FREE(ds->labels);
  DIVE_FREE(ds->index);
  DIVE_FREE(ds->class_counts);
  DIVE_FREE(ds->root);
  DIVE_FREE(ds->paths);
  DIVE_FREE(ds->path_offset);
  memset(ds, 0, sizeof *ds);
}

/* allocate labels, index (0..n-1), class counts and (when pixels > 0) images */
static dive_status dive__ds_init(const char *who, dive_dataset *ds, int64_t n, int c, int h, int w, int classes) {
  int64_t i, pix = (int64_t)c * h * w;
  memset(ds, 0, sizeof *ds);
  if (n < 0 || c < 0 || h < 0 || w < 0 || classes < 0 || classes > (1 << 24) || (pix && n > INT64_MAX / pix))
    return dive__fail(DIVE_ERR_ARG, "%s: bad size n=%lld c=%d h=%d w=%d classes=%d", who, (long long)n, c, h, w, classes);
  ds->n = n;
  ds->channels = c;
  ds->height = h;
  ds->width = w;
  ds->num_classes = classes;
  ds->labels = (int32_t *)dive__calloc((size_t)n * sizeof(int32_t));
  ds->index = (int64_t *)DIVE_MALLOC((size_t)(n ? n : 1) * sizeof(int64_t));
  ds->class_counts = (int *)dive__calloc((size_t)classes * sizeof(int));
  if (pix) ds->images = (uint8_t *)dive__calloc((size_t)(n * pix));
  if (!ds->labels || !ds->index || !ds->class_counts || (pix && !ds->images)) {
    dive_dataset_free(ds);
    return dive__fail(DIVE_ERR_OOM, "%s: no memory for %lld images", who, (long long)n);
  }
  for (i = 0; i < n; i++) ds->index[i] = i;
  return DIVE_OK;
}

DIVE_API dive_status dive_dataset_alloc(dive_dataset *ds, int64_t n, int channels, int height,
                                        int width, int num_classes) {
  if (!ds) return dive__fail(DIVE_ERR_ARG, "dive_dataset_alloc: ds is NULL");
  if (channels < 1 || height < 1 || width < 1 || num_classes < 1) {
    memset(ds, 0, sizeof *ds);
    return dive__fail(DIVE_ERR_ARG, "dive_dataset_alloc: channels %d, height %d, width %d, classes %d must be >= 1",
                      channels, height, width, num_classes);
  }
  return dive__ds_init("dive_dataset_alloc", ds, n, channels, height, width, num_classes);
}

DIVE_API dive_status dive_dataset_recount(dive_dataset *ds) {
  int64_t i;
  if (!ds || !ds->class_counts || (ds->n && !ds->labels))
    return dive__fail(DIVE_ERR_ARG, "dive_dataset_recount: empty dataset");
  memset(ds->class_counts, 0, (size_t)ds->num_classes * sizeof(int));
  for (i = 0; i < ds->n; i++) {
    if (ds->labels[i] < 0 || ds->labels[i] >= ds->num_classes)
      return dive__fail(DIVE_ERR_ARG, "dive_dataset_recount: label %d of image %lld outside [0, %d)",
                        (int)ds->labels[i], (long long)i, ds->num_classes);
    ds->class_counts[ds->labels[i]]++;
  }
  return DIVE_OK;
}

/* Parse an IDX file: magic 00 00 08 <ndim>, ndim big-endian u32 sizes, then u8 data.
   `want_ndim` is 3 (images) or 1 (labels). Sizes are checked against the file length
   before anything is allocated. */
static dive_status dive__idx_parse(const char *who, const char *path, const uint8_t *d, size_t len, int want_ndim,
                                   uint32_t *dims, const uint8_t **payload) {
  int k;
  uint64_t total = 1, have;
  if (len < 4 + 4 * (size_t)want_ndim)
    return dive__fail(DIVE_ERR_FORMAT, "%s: %s: truncated IDX header (%zu bytes)", who, path, len);
  if (d[0] != 0 || d[1] != 0 || d[2] != 0x08 || d[3] != want_ndim)
    return dive__fail(DIVE_ERR_FORMAT, "%s: %s: bad IDX magic %02x %02x %02x %02x, expected 00 00 08 %02x (%s)",
                      who, path, d[0], d[1], d[2], d[3], want_ndim, want_ndim == 3 ? "images" : "labels");
  for (k = 0; k < want_ndim; k++) {
    dims[k] = dive__be32(d + 4 + 4 * k);
    total *= dims[k]; /* at most 3 factors < 2^32 each: checked below before it can wrap */
    if (total > ((uint64_t)1 << 40))
      return dive__fail(DIVE_ERR_FORMAT, "%s: %s: IDX sizes absurd (dim %d = %u)", who, path, k, dims[k]);
  }
  have = (uint64_t)(len - 4 - 4 * (size_t)want_ndim);
  if (have < total)
    return dive__fail(DIVE_ERR_FORMAT, "%s: %s: truncated: header promises %llu bytes of data, file has %llu",
                      who, path, (unsigned long long)total, (unsigned long long)have);
  if (have > total)
    return dive__fail(DIVE_ERR_FORMAT, "%s: %s: %llu bytes after the %llu the header promises", who, path,
                      (unsigned long long)(have - total), (unsigned long long)total);
  if (want_ndim == 3 && (dims[1] == 0 || dims[2] == 0 || dims[1] > 65535 || dims[2] > 65535))
    return dive__fail(DIVE_ERR_FORMAT, "%s: %s: image size %u x %u", who, path, dims[1], dims[2]);
  *payload = d + 4 + 4 * want_ndim;
  return DIVE_OK;
}

DIVE_API dive_status dive_dataset_load_idx(dive_dataset *ds, const char *images_path,
                                           const char *labels_path, int num_classes) {
  static const char *who = "dive_dataset_load_idx";
  uint8_t *id = NULL, *ld = NULL;
  const uint8_t *ip, *lp;
  size_t ilen, llen;
  uint32_t idim[3], ldim[1];
  int64_t i;
  int maxl = -1;
  dive_status s;
  if (!ds || !images_path || !labels_path) return dive__fail(DIVE_ERR_ARG, "%s: NULL argument", who);
  memset(ds, 0, sizeof *ds);
  if (num_classes < 0 || num_classes > 256) return dive__fail(DIVE_ERR_ARG, "%s: num_classes %d", who, num_classes);
  if ((s = dive__read_maybe_gz(who, images_path, &id, &ilen))) goto done;
  if ((s = dive__idx_parse(who, images_path, id, ilen, 3, idim, &ip))) goto done;
  if ((s = dive__read_maybe_gz(who, labels_path, &ld, &llen))) goto done;
  if ((s = dive__idx_parse(who, labels_path, ld, llen, 1, ldim, &lp))) goto done;
  if (ldim[0] != idim[0]) {
    s = dive__fail(DIVE_ERR_FORMAT, "%s: %s has %u labels but %s has %u images", who, labels_path, ldim[0],
                   images_path, idim[0]);
    goto done;
  }
  for (i = 0; i < (int64_t)ldim[0]; i++) {
    if (num_classes && lp[i] >= num_classes) {
      s = dive__fail(DIVE_ERR_FORMAT, "%s: %s: label %d of item %lld outside [0, %d)", who, labels_path, lp[i],
                     (long long)i, num_classes);
      goto done;
    }
    if (lp[i] > maxl) maxl = lp[i];
  }
  if ((s = dive__ds_init(who, ds, idim[0], 1, (int)idim[1], (int)idim[2], num_classes ? num_classes : maxl + 1)))
    goto done;
  memcpy(ds->images, ip, (size_t)idim[0] * idim[1] * idim[2]);
  for (i = 0; i < ds->n; i++) ds->labels[i] = lp[i];
  s = dive_dataset_recount(ds);
done:
  DIVE_FREE(id);
  DIVE_FREE(ld);
  if (s) dive_dataset_free(ds);
  return s;
}

DIVE_API dive_status dive_dataset_load_fashion_mnist(dive_dataset *ds, const char *dir, int train) {
  char ip[1024], lp[1024];
  const char *pre = train ? "train" : "t10k";
  if (!ds) return dive__fail(DIVE_ERR_ARG, "dive_dataset_load_fashion_mnist: ds is NULL");
  memset(ds, 0, sizeof *ds);
  if (!dir) dir = "/usr/share/datasets/fashion-mnist";
  snprintf(ip, sizeof ip, "%s/%s-images-idx3-ubyte", dir, pre);
  snprintf(lp, sizeof lp, "%s/%s-labels-idx1-ubyte", dir, pre);
  if (!dive__file_exists(ip)) { /* plain files first, then the .gz ones */
    snprintf(ip, sizeof ip, "%s/%s-images-idx3-ubyte.gz", dir, pre);
    if (!dive__file_exists(ip))
      return dive__fail(DIVE_ERR_IO, "dive_dataset_load_fashion_mnist: %s/%s-images-idx3-ubyte[.gz] not found", dir, pre);
  }
  if (!dive__file_exists(lp)) snprintf(lp, sizeof lp, "%s/%s-labels-idx1-ubyte.gz", dir, pre);
  return dive_dataset_load_idx(ds, ip, lp, 10);
}

DIVE_API dive_status dive_dataset_load_cifar(dive_dataset *ds, const char *dir, int num_classes, int train) {
  static const char *who = "dive_dataset_load_cifar";
  static const char *c10_train[5] = {"data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
                                     "data_batch_4.bin", "data_batch_5.bin"};
  static const char *c10_test[1] = {"test_batch.bin"};
  static const char *c100_train[1] = {"train.bin"};
  static const char *c100_test[1] = {"test.bin"};
  const char **files;
  const char *sub;
  char base[1024], path[1100];
  uint8_t *d[5] = {NULL, NULL, NULL, NULL, NULL};
  size_t len[5];
  int nf, f, lab_off, rec;
  int64_t total = 0, i, at = 0;
  dive_status s = DIVE_OK;
  if (!ds || !dir) return dive__fail(DIVE_ERR_ARG, "%s: NULL argument", who);
  memset(ds, 0, sizeof *ds);
  if (num_classes == 10) {
    files = train ? c10_train : c10_test;
    nf = train ? 5 : 1;
    sub = "cifar-10-batches-bin";
    lab_off = 0; /* <label> <3072 pixels> */
    rec = 3073;
  } else if (num_classes == 100) {
    files = train ? c100_train : c100_test;
    nf = 1;
    sub = "cifar-100-binary";
    lab_off = 1; /* <coarse label> <fine label> <3072 pixels> */
    rec = 3074;
  } else {
    return dive__fail(DIVE_ERR_ARG, "%s: num_classes %d, expected 10 or 100", who, num_classes);
  }
  /* dir is the extracted folder itself, or the folder holding it */
  snprintf(path, sizeof path, "%s/%s/%s", dir, sub, files[0]);
  if (dive__file_exists(path)) snprintf(base, sizeof base, "%s/%s", dir, sub);
  else snprintf(base, sizeof base, "%s", dir);
  for (f = 0; f < nf; f++) {
    snprintf(path, sizeof path, "%s/%s", base, files[f]);
    if ((s = dive__read_file(who, path, &d[f], &len[f]))) goto done;
    if (len[f] == 0 || len[f] % (size_t)rec)
      { s = dive__fail(DIVE_ERR_FORMAT, "%s: %s: %zu bytes is not a whole number of %d-byte records (truncated?)",
                       who, path, len[f], rec); goto done; }
    for (i = 0; i < (int64_t)(len[f] / (size_t)rec); i++) {
      const uint8_t *r = d[f] + (size_t)i * (size_t)rec;
      if (r[lab_off] >= num_classes || (lab_off && r[0] >= 20)) {
        s = dive__fail(DIVE_ERR_FORMAT, "%s: %s: record %lld has label %d (coarse %d), expected < %d (coarse < 20)",
                       who, path, (long long)i, r[lab_off], lab_off ? r[0] : 0, num_classes);
        goto done;
      }
    }
    total += (int64_t)(len[f] / (size_t)rec);
  }
  if ((s = dive__ds_init(who, ds, total, 3, 32, 32, num_classes))) goto done;
  for (f = 0; f < nf; f++) /* the pixels are already CHW: R plane, G plane, B plane */
    for (i = 0; i < (int64_t)(len[f] / (size_t)rec); i++, at++) {
      const uint8_t *r = d[f] + (size_t)i * (size_t)rec;
      ds->labels[at] = r[lab_off];
      memcpy(ds->images + at * 3072, r + lab_off + 1, 3072);
    }
  s = dive_dataset_recount(ds);
done:
  for (f = 0; f < 5; f++) DIVE_FREE(d[f]);
  if (s) dive_dataset_free(ds);
  return s;
}

DIVE_API dive_status dive_dataset_load_list(dive_dataset *ds, const char *list_file, const char *root,
                                            int num_classes) {
  static const char *who = "dive_dataset_load_list";
  uint8_t *txt = NULL;
  size_t len, pool = 0, rl;
  int64_t lines = 0, n = 0, lineno = 0;
  char *p, *end;
  int maxl = -1, pass;
  dive_status s;
  if (!ds || !list_file) return dive__fail(DIVE_ERR_ARG, "%s: NULL argument", who);
  memset(ds, 0, sizeof *ds);
  if (num_classes < 0) return dive__fail(DIVE_ERR_ARG, "%s: num_classes %d", who, num_classes);
  if ((s = dive__read_file(who, list_file, &txt, &len))) return s;
  if (memchr(txt, 0, len)) {
    DIVE_FREE(txt);
    return dive__fail(DIVE_ERR_FORMAT, "%s: %s: NUL byte in a text list", who, list_file);
  }
  for (p = (char *)txt; *p; p++) lines += (*p == '\n');
  lines++;
  /* pass 0 validates and measures, pass 1 stores (paths back to back in one pool: 437k
     iNaturalist lines cost ~20 MB instead of 437k allocations) */
  for (pass = 0; pass < 2; pass++) {
    if (pass == 1) {
      if ((s = dive__ds_init(who, ds, n, 3, 0, 0, num_classes ? num_classes : maxl + 1))) goto fail;
      rl = strlen(root ? root : ".");
      ds->root = (char *)DIVE_MALLOC(rl + 1);
      ds->paths = (char *)DIVE_MALLOC(pool ? pool : 1);
      ds->path_offset = (int64_t *)DIVE_MALLOC((size_t)(n ? n : 1) * sizeof(int64_t));
      if (!ds->root || !ds->paths || !ds->path_offset) {
        s = dive__fail(DIVE_ERR_OOM, "%s: %s: no memory for %lld paths", who, list_file, (long long)n);
        goto fail;
      }
      memcpy(ds->root, root ? root : ".", rl + 1);
      pool = 0;
      n = 0;
    }
    lineno = 0;
    for (p = (char *)txt; *p; p = *end ? end + 1 : end) {
      char *a = p, *b, *lab;
      long v;
      char *ve;
      end = strchr(p, '\n');
      if (!end) end = p + strlen(p);
      lineno++;
      b = end; /* trim both ends (\r included) */
      while (a < b && (*a == ' ' || *a == '\t' || *a == '\r')) a++;
      while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\r')) b--;
      if (a == b) continue; /* blank line */
      lab = b; /* the label is the last field; the path is everything before it */
      while (lab > a && lab[-1] != ' ' && lab[-1] != '\t') lab--;
      if (pass == 0) {
        int ok = lab > a && *lab >= '0' && *lab <= '9';
        v = ok ? strtol(lab, &ve, 10) : -1;
        if (!ok || ve != b || v > 1000000000L) {
          s = dive__fail(DIVE_ERR_FORMAT, "%s: %s:%lld: expected 'relative/path label', got '%.*s'", who, list_file,
                         (long long)lineno, (int)DIVE__MIN(b - a, 80), a);
          goto fail;
        }
        if (num_classes && v >= num_classes) {
          s = dive__fail(DIVE_ERR_FORMAT, "%s: %s:%lld: label %ld outside [0, %d)", who, list_file,
                         (long long)lineno, v, num_classes);
          goto fail;
        }
        if (v > maxl) maxl = (int)v;
      }
      b = lab;
      while (b > a && (b[-1] == ' ' || b[-1] == '\t')) b--;
      if (pass == 1) {
        ds->labels[n] = (int32_t)strtol(lab, NULL, 10);
        ds->path_offset[n] = (int64_t)pool;
        memcpy(ds->paths + pool, a, (size_t)(b - a));
        ds->paths[pool + (size_t)(b - a)] = 0;
      }
      pool += (size_t)(b - a) + 1;
      n++;
    }
  }
  DIVE_FREE(txt);
  if (n == 0) {
    dive_dataset_free(ds);
    return dive__fail(DIVE_ERR_FORMAT, "%s: %s: no entries", who, list_file);
  }
  return dive_dataset_recount(ds);
fail:
  DIVE_FREE(txt);
  dive_dataset_free(ds);
  return s;
}

/* numpy's legacy RandomState: MT19937 seeded by init_genrand (what np.random.seed(int)
   does), and shuffle = Fisher-Yates from the end with random_interval(), which draws
   32-bit words masked to the smallest 2^k-1 >= max and rejects values above max. */
typedef struct dive__mt19937 { uint32_t key[624]; int pos; } dive__mt19937;

static void dive__mt_seed(dive__mt19937 *m, uint32_t seed) {
  int i;
  m->key[0] = seed;
  for (i = 1; i < 624; i++)
    m->key[i] = 1812433253u * (m->key[i - 1] ^ (m->key[i - 1] >> 30)) + (uint32_t)i;
  m->pos = 624;
}

static uint32_t dive__mt_next(dive__mt19937 *m) {
  uint32_t y;
  if (m->pos >= 624) {
    int i;
    for (i = 0; i < 624; i++) {
      y = (m->key[i] & 0x80000000u) | (m->key[(i + 1) % 624] & 0x7fffffffu);
      m->key[i] = m->key[(i + 397) % 624] ^ (y >> 1) ^ ((y & 1) ? 0x9908b0dfu : 0);
    }
    m->pos = 0;
  }
  y = m->key[m->pos++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680u;
  y ^= (y << 15) & 0xefc60000u;
  y ^= y >> 18;
  return y;
}

static uint32_t dive__mt_interval(dive__mt19937 *m, uint32_t max) {
  uint32_t mask = max, v;
  if (max == 0) return 0;
  mask |= mask >> 1; mask |= mask >> 2; mask |= mask >> 4; mask |= mask >> 8; mask |= mask >> 16;
  while ((v = dive__mt_next(m) & mask) > max) {}
  return v;
}

static void dive__np_shuffle(dive__mt19937 *m, int64_t *x, int64_t n) {
  int64_t i, j, t;
  for (i = n - 1; i >= 1; i--) {
    j = (int64_t)dive__mt_interval(m, (uint32_t)i);
    t = x[i]; x[i] = x[j]; x[j] = t;
  }
}

/* Keep the images at positions keep[0..n) of ds, in that order (a position may repeat). */
DIVE_API dive_status dive_dataset_subset(dive_dataset *ds, const int64_t *keep, int64_t n) {
  static const char *who = "dive_dataset_subset";
  const int64_t pix = ds ? (int64_t)ds->channels * ds->height * ds->width : 0;
  int64_t k, *tmp;
  if (!ds || !ds->labels || (n && !keep) || n < 0) return dive__fail(DIVE_ERR_ARG, "%s: empty dataset or NULL keep", who);
  for (k = 0; k < n; k++)
    if (keep[k] < 0 || keep[k] >= ds->n)
      return dive__fail(DIVE_ERR_ARG, "%s: position %lld outside [0, %lld)", who, (long long)keep[k], (long long)ds->n);
  tmp = (int64_t *)DIVE_MALLOC((size_t)(n ? n : 1) * sizeof(int64_t));
  if (!tmp) return dive__fail(DIVE_ERR_OOM, "%s: no memory", who);
  if (ds->images) {
    uint8_t *img = (uint8_t *)DIVE_MALLOC((size_t)(n * pix) + 1);
    if (!img) { DIVE_FREE(tmp); return dive__fail(DIVE_ERR_OOM, "%s: no memory", who); }
    for (k = 0; k < n; k++) memcpy(img + k * pix, ds->images + keep[k] * pix, (size_t)pix);
    DIVE_FREE(ds->images);
    ds->images = img;
  }
  /* n <= the old count unless positions repeat: grow the per-image arrays first */
  if (n > ds->n) {
    int32_t *l = (int32_t *)DIVE_REALLOC(ds->labels, (size_t)n * sizeof(int32_t));
    int64_t *ix = l ? (int64_t *)DIVE_REALLOC(ds->index, (size_t)n * sizeof(int64_t)) : NULL;
    int64_t *po = ix && ds->path_offset ? (int64_t *)DIVE_REALLOC(ds->path_offset, (size_t)n * sizeof(int64_t)) : NULL;
    if (l) ds->labels = l;
    if (ix) ds->index = ix;
    if (po) ds->path_offset = po;
    if (!l || !ix || (ds->path_offset && !po)) { DIVE_FREE(tmp); return dive__fail(DIVE_ERR_OOM, "%s: no memory", who); }
  }
  for (k = 0; k < n; k++) tmp[k] = ds->labels[keep[k]];
  for (k = 0; k < n; k++) ds->labels[k] = (int32_t)tmp[k];
  for (k = 0; k < n; k++) tmp[k] = ds->index[keep[k]];
  memcpy(ds->index, tmp, (size_t)n * sizeof(int64_t));
  if (ds->path_offset) { /* the path pool stays; only the offsets move */
    for (k = 0; k < n; k++) tmp[k] = ds->path_offset[keep[k]];
    memcpy(ds->path_offset, tmp, (size_t)n * sizeof(int64_t));
  }
  DIVE_FREE(tmp);
  ds->n = n;
  return dive_dataset_recount(ds);
}

DIVE_API dive_status dive_dataset_longtail(dive_dataset *ds, double imb_factor, dive_lt_mode mode, int n_max) {
  static const char *who = "dive_dataset_longtail";
  int C, i;
  int64_t *keep = NULL, *cls = NULL, nk = 0, k, j;
  int *target = NULL;
  dive__mt19937 *mt = NULL;
  dive_status s;
  if (!ds || !ds->labels) return dive__fail(DIVE_ERR_ARG, "%s: empty dataset", who);
  if (!(imb_factor >= 1.0) || (mode != DIVE_LT_NUMPY && mode != DIVE_LT_FIRST) || n_max < 0)
    return dive__fail(DIVE_ERR_ARG, "%s: imbalance factor %g (must be >= 1), mode %d, n_max %d", who, imb_factor,
                      (int)mode, n_max);
  if ((s = dive_dataset_recount(ds))) return s;
  C = ds->num_classes;
  if (!n_max)
    for (i = 0; i < C; i++) n_max = DIVE__MAX(n_max, ds->class_counts[i]);
  target = (int *)DIVE_MALLOC((size_t)C * sizeof(int));
  keep = (int64_t *)DIVE_MALLOC((size_t)(ds->n ? ds->n : 1) * sizeof(int64_t));
  cls = (int64_t *)DIVE_MALLOC((size_t)(ds->n ? ds->n : 1) * sizeof(int64_t));
  mt = (dive__mt19937 *)DIVE_MALLOC(sizeof *mt);
  if (!target || !keep || !cls || !mt) { s = dive__fail(DIVE_ERR_OOM, "%s: no memory", who); goto done; }
  for (i = 0; i < C; i++) {
    /* as LDAM-DRW's get_img_num_per_cls: int(n_max * (1/IF) ** (i / (C - 1.0))) */
    double v = C > 1 ? (double)n_max * pow(1.0 / imb_factor, (double)i / (C - 1.0)) : (double)n_max;
    target[i] = (int)floor(v);
    if (target[i] > ds->class_counts[i]) {
      s = dive__fail(DIVE_ERR_ARG, "%s: class %d has %d images, the subset needs %d (n_max %d, IF %g)", who, i,
                     ds->class_counts[i], target[i], n_max, imb_factor);
      goto done;
    }
  }
  dive__mt_seed(mt, 0); /* np.random.seed(0), once for all classes */
  for (i = 0; i < C; i++) {
    int64_t nc = 0;
    for (j = 0; j < ds->n; j++)
      if (ds->labels[j] == i) cls[nc++] = j; /* np.where(labels == i)[0] */
    if (mode == DIVE_LT_NUMPY) dive__np_shuffle(mt, cls, nc);
    for (k = 0; k < target[i]; k++) keep[nk++] = cls[k];
  }
  s = dive_dataset_subset(ds, keep, nk); /* gather in selection order */
done:
  DIVE_FREE(target);
  DIVE_FREE(keep);
  DIVE_FREE(cls);
  DIVE_FREE(mt);
  return s;
}

DIVE_API dive_status dive_dataset_write_indices(const dive_dataset *ds, const char *path) {
  FILE *f;
  int64_t i;
  int bad;
  if (!ds || !path || (ds->n && !ds->index)) return dive__fail(DIVE_ERR_ARG, "dive_dataset_write_indices: NULL argument");
  f = fopen(path, "w");
  if (!f) return dive__fail(DIVE_ERR_IO, "dive_dataset_write_indices: %s: cannot create (%s)", path, strerror(errno));
  for (i = 0; i < ds->n; i++) fprintf(f, "%lld\n", (long long)ds->index[i]);
  bad = ferror(f);
  bad |= fclose(f) != 0;
  if (bad) return dive__fail(DIVE_ERR_IO, "dive_dataset_write_indices: %s: write failed", path);
  return DIVE_OK;
}

/* --- augmentation: one sample at a time, from its own rng --- */

static uint32_t dive__rand_below(dive_rng *r, uint32_t n) { /* [0, n), multiply-shift */
  return (uint32_t)(((uint64_t)dive_rng_u32(r) * n) >> 32);
}

/* CIFAR / Fashion-MNIST: src (C,H,W) uint8 -> dst (C,H,W) float. A crop at (dx, dy) of the
   image zero-padded by `pad` on every side, dx, dy uniform in [0, 2 pad], then a flip with
   p = 0.5; lut[c*256 + v] holds the normalized value of pixel v in channel c. */
static void dive__aug_crop_flip(float *dst, const uint8_t *src, int C, int H, int W, int pad, int augment,
                                const float *lut, dive_rng *r) {
  int c, y, x, dx = pad, dy = pad, flip = 0;
  if (augment) {
    dx = (int)dive__rand_below(r, (uint32_t)(2 * pad + 1));
    dy = (int)dive__rand_below(r, (uint32_t)(2 * pad + 1));
    flip = (int)(dive_rng_u32(r) >> 31);
  }
  for (c = 0; c < C; c++)
    for (y = 0; y < H; y++) {
      int sy = y + dy - pad;
      for (x = 0; x < W; x++) {
        int sx = (flip ? W - 1 - x : x) + dx - pad; /* flip the crop, then read */
        uint8_t v = (sy >= 0 && sy < H && sx >= 0 && sx < W) ? src[((int64_t)c * H + sy) * W + sx] : 0;
        dst[((int64_t)c * H + y) * W + x] = lut[c * 256 + v];
      }
    }
}

/* Separable triangle-filter resampling (PIL's "bilinear", antialiased when shrinking) of the
   box (x0, y0, bw, bh) of an RGB HWC uint8 image to dst (3, oh, ow) floats in [0, 1]. */
typedef struct dive__taps { int *first, *count; float *w; int max; } dive__taps;

static DIVE__UNUSED int dive__taps_make(dive__taps *t, int out, double x0, double len, int in) {
  double scale = len / out, support = scale > 1.0 ? scale : 1.0;
  int o, k;
  t->max = (int)ceil(support) * 2 + 2;
  t->first = (int *)DIVE_MALLOC((size_t)out * sizeof(int));
  t->count = (int *)DIVE_MALLOC((size_t)out * sizeof(int));
  t->w = (float *)DIVE_MALLOC((size_t)out * (size_t)t->max * sizeof(float));
  if (!t->first || !t->count || !t->w) return 0;
  for (o = 0; o < out; o++) {
    double center = x0 + (o + 0.5) * scale, sum = 0;
    int lo = (int)floor(center - support + 0.5), hi = (int)floor(center + support + 0.5);
    if (lo < 0) lo = 0;
    if (hi > in) hi = in;
    if (hi - lo > t->max) hi = lo + t->max;
    if (hi <= lo) { lo = DIVE__MIN(DIVE__MAX((int)center, 0), in - 1); hi = lo + 1; }
    for (k = lo; k < hi; k++) {
      double wk = 1.0 - fabs((k + 0.5 - center) / support);
      t->w[o * t->max + (k - lo)] = (float)(wk > 0 ? wk : 0);
      sum += wk > 0 ? wk : 0;
    }
    for (k = lo; k < hi; k++) /* normalize; a window outside the image gets weight 1 */
      t->w[o * t->max + (k - lo)] = sum > 0 ? (float)(t->w[o * t->max + (k - lo)] / sum) : 1.0f / (float)(hi - lo);
    t->first[o] = lo;
    t->count[o] = hi - lo;
  }
  return 1;
}
static DIVE__UNUSED void dive__taps_free(dive__taps *t) {
  DIVE_FREE(t->first);
  DIVE_FREE(t->count);
  DIVE_FREE(t->w);
}

static DIVE__UNUSED int dive__resample(float *dst, int ow, int oh, const uint8_t *src, int W, int H, double x0, double y0,
                          double bw, double bh, int flip) {
  dive__taps tx, ty;
  float *tmp = NULL;
  int ok, ylo, yhi, y, x, o, k, c;
  memset(&tx, 0, sizeof tx);
  memset(&ty, 0, sizeof ty);
  ok = dive__taps_make(&tx, ow, x0, bw, W) && dive__taps_make(&ty, oh, y0, bh, H);
  if (ok) {
    ylo = ty.first[0];
    yhi = ty.first[oh - 1] + ty.count[oh - 1];
    tmp = (float *)DIVE_MALLOC((size_t)(yhi - ylo) * (size_t)ow * 3 * sizeof(float));
    ok = tmp != NULL;
  }
  if (ok) {
    for (y = ylo; y < yhi; y++) /* horizontal pass over the rows the box needs */
      for (o = 0; o < ow; o++) {
        float acc[3] = {0, 0, 0};
        const float *w = tx.w + o * tx.max;
        const uint8_t *s = src + ((int64_t)y * W + tx.first[o]) * 3;
        for (k = 0; k < tx.count[o]; k++)
          for (c = 0; c < 3; c++) acc[c] += w[k] * s[k * 3 + c];
        for (c = 0; c < 3; c++) tmp[((int64_t)(y - ylo) * ow + o) * 3 + c] = acc[c];
      }
    for (o = 0; o < oh; o++) /* vertical pass into CHW, flipping columns if asked */
      for (x = 0; x < ow; x++) {
        float acc[3] = {0, 0, 0};
        const float *w = ty.w + o * ty.max;
        for (k = 0; k < ty.count[o]; k++)
          for (c = 0; c < 3; c++) acc[c] += w[k] * tmp[((int64_t)(ty.first[o] + k - ylo) * ow + x) * 3 + c];
        for (c = 0; c < 3; c++)
          dst[((int64_t)c * oh + o) * ow + (flip ? ow - 1 - x : x)] = acc[c] * (1.0f / 255.0f);
      }
  }
  DIVE_FREE(tmp);
  dive__taps_free(&tx);
  dive__taps_free(&ty);
  return ok;
}

/* torchvision ColorJitter(b, c, s): factors uniform in [max(0, 1-j), 1+j], applied in a
   random order to img (3, n) in [0, 1]; blends clamp to [0, 1]. */
static DIVE__UNUSED void dive__jitter(float *img, int n, float j, dive_rng *r) {
  int order[3] = {0, 1, 2}, t, i, k, c;
  float f[3], lo = 1.0f - j > 0 ? 1.0f - j : 0.0f;
  for (k = 0; k < 3; k++) f[k] = lo + (1.0f + j - lo) * dive_rng_uniform(r);
  for (k = 2; k > 0; k--) { /* random order */
    i = (int)dive__rand_below(r, (uint32_t)(k + 1));
    t = order[k]; order[k] = order[i]; order[i] = t;
  }
  for (k = 0; k < 3; k++) {
    float fk = f[order[k]], mean = 0;
    if (order[k] == 1) { /* contrast: blend with the mean grey level */
      double s = 0;
      for (i = 0; i < n; i++) s += 0.299 * img[i] + 0.587 * img[n + i] + 0.114 * img[2 * n + i];
      mean = (float)(s / n);
    }
    for (i = 0; i < n; i++) {
      float g = 0.299f * img[i] + 0.587f * img[n + i] + 0.114f * img[2 * n + i];
      for (c = 0; c < 3; c++) {
        float v = img[c * n + i];
        v = order[k] == 0 ? fk * v : order[k] == 1 ? fk * v + (1 - fk) * mean : fk * v + (1 - fk) * g;
        img[c * n + i] = v < 0 ? 0 : v > 1 ? 1 : v;
      }
    }
  }
}

/* torchvision RandomResizedCrop.get_params: 10 tries at area in [0.08, 1] and
   log-uniform aspect in [3/4, 4/3], then the center crop fallback. */
#ifndef DIVE_MAX_IMAGE_PIXELS
#define DIVE_MAX_IMAGE_PIXELS (1 << 26) /* larger JPEG/PNG images are refused before decoding */
#endif

/* stb_image 2.27 (Debian 12's libstb) trusts a JPEG's Huffman tables: it writes past its
   size table when a DHT declares more than 256 codes, and a scan that selects a table no
   DHT defined decodes with uninitialized memory (out-of-bounds symbol ids; stb_image 2.28
   refuses the first). Walk the markers as stb_image does (segments by length, entropy data
   byte by byte, bytes past the end of the file read as 0) and refuse such files first. */
#define DIVE__AT(i) ((i) < n ? p[i] : 0)
static DIVE__UNUSED int dive__jpeg_dht_ok(const uint8_t *p, size_t n) {
  size_t i = 0;
  unsigned defined = 0; /* bit 4 * class + id: the DHT tables seen so far */
  int prog = 0;
  while (i < n && p[i] == 0xFF) i++; /* stb_image takes FF FF .. FF D8 as the start marker */
  if (i == 0 || i >= n || p[i] != 0xD8) return 1; /* not a JPEG */
  i++;
  while (i + 4 <= n) {
    size_t len, q;
    int m = p[i + 1];
    if (p[i] != 0xFF || m == 0xFF) { i++; continue; } /* entropy data, fill bytes */
    if (m == 0x00 || m == 0x01 || (m >= 0xD0 && m <= 0xD8)) { i += 2; continue; } /* no length */
    len = (size_t)p[i + 2] << 8 | p[i + 3];
    if (m == 0xC2) prog = 1;
    if (m == 0xC4) { /* as stb_image: tables while the length left is > 0, even past the segment */
      long left = (long)len - 2;
      for (q = i + 4; left > 0 && q < n;) {
        int k, codes = 0;
        for (k = 1; k <= 16; k++) codes += DIVE__AT(q + (size_t)k);
        if (codes > 256) return 0;
        if (p[q] >> 4 <= 1 && (p[q] & 15) <= 3) defined |= 1u << ((p[q] >> 4) * 4 + (p[q] & 15));
        q += 17 + (size_t)codes;
        left -= 17 + codes;
      }
      if (left != 0) return 1; /* stb_image stops at this segment */
    }
    if (m == 0xDA) { /* scan: every table it decodes with must be defined */
      int k, ns = DIVE__AT(i + 4), ss = DIVE__AT(i + 5 + 2 * (size_t)ns), ah = DIVE__AT(i + 7 + 2 * (size_t)ns) >> 4;
      for (k = 0; k < ns && k < 4; k++) {
        int sel = DIVE__AT(i + 6 + 2 * (size_t)k), td = sel >> 4, ta = sel & 15;
        if (td > 3 || ta > 3) return 1; /* stb_image refuses these */
        if ((!prog || (ss == 0 && ah == 0)) && !(defined & (1u << td))) return 0;
        if ((!prog || ss != 0) && !(defined & (1u << (4 + ta)))) return 0;
      }
    }
    i += 2 + len;
  }
  return 1;
}
#undef DIVE__AT

/* stb_image 2.27 grows its IDAT buffer to a chunk's declared length before reading it:
   a PNG claiming a 2 GB chunk in a 100-byte file allocates 2 GB. Every chunk must fit. */
static DIVE__UNUSED int dive__png_chunks_ok(const uint8_t *p, size_t n) {
  size_t i = 8;
  if (n < 8 || memcmp(p, "\x89PNG\r\n\x1a\n", 8)) return 1; /* not a PNG */
  while (i + 8 <= n) {
    uint64_t len = dive__be32(p + i);
    if (len + 12 > n - i) return 0;
    if (!memcmp(p + i + 4, "IEND", 4)) break;
    i += 12 + (size_t)len;
  }
  return 1;
}

static DIVE__UNUSED void dive__rrc_box(int W, int H, dive_rng *r, int *bx, int *by, int *bw, int *bh) {
  double area = (double)W * H, lr0 = log(3.0 / 4.0), lr1 = log(4.0 / 3.0), ratio = (double)W / H;
  int t, w, h;
  for (t = 0; t < 10; t++) {
    double ta = area * (0.08 + 0.92 * dive_rng_uniform(r));
    double ar = exp(lr0 + (lr1 - lr0) * dive_rng_uniform(r));
    w = (int)floor(sqrt(ta * ar) + 0.5);
    h = (int)floor(sqrt(ta / ar) + 0.5);
    if (w > 0 && h > 0 && w <= W && h <= H) {
      *by = (int)dive__rand_below(r, (uint32_t)(H - h + 1));
      *bx = (int)dive__rand_below(r, (uint32_t)(W - w + 1));
      *bw = w;
      *bh = h;
      return;
    }
  }
  if (ratio < 3.0 / 4.0) { w = W; h = (int)floor(w / (3.0 / 4.0) + 0.5); }
  else if (ratio > 4.0 / 3.0) { h = H; w = (int)floor(h * (4.0 / 3.0) + 0.5); }
  else { w = W; h = H; }
  if (h > H) h = H;
  if (w > W) w = W;
  *bx = (W - w) / 2;
  *by = (H - h) / 2;
  *bw = w;
  *bh = h;
}

/* --- loader --- */

struct dive_loader {
  const dive_dataset *ds;
  dive_loader_desc d;       /* defaults resolved */
  int is_list, oc, oh, ow;
  int64_t sample;           /* floats per sample */
  float lut[3 * 256];       /* in-memory path: normalized value of each byte per channel */
  int64_t *perm;            /* epoch order */
  int64_t epoch_n, nbatches; /* this shard's samples per epoch; batches (all shards alike) */
  int64_t bs, nfull, last;  /* this shard's batch capacity; full global batches, and the
                               size of the partial one after them */
  int epoch;
  int64_t skipped;
  /* ring of `prefetch` batch slots: batch b lives in slot b % prefetch */
  int nslots;
  float *sx;                /* nslots * batch * sample */
  int32_t *sy;              /* nslots * batch */
  uint8_t *sok;             /* nslots * batch: 1 = sample loaded */
  int *sdone;               /* samples finished per slot */
  dive_status *serr;        /* first failure per slot (by sample position) */
  int *serr_pos;
  char *serr_msg;           /* nslots * 512 */
  int64_t next_sample;      /* next sample position a worker takes */
  int64_t next_batch;       /* next batch the caller takes */
  int busy;                 /* samples being worked on */
  unsigned gen;             /* bumped by reset: stale work is dropped */
  int stop;
#if DIVE__THREADS
  pthread_mutex_t mu;
  pthread_cond_t work_cv, done_cv;
  pthread_t *th;
  int nth;
#endif
};

static int64_t dive__batch_count(const dive_loader *ld, int64_t b) {
  int64_t left = ld->epoch_n - b * ld->bs;
  return left < ld->bs ? left : ld->bs;
}
/* Position in the epoch (the shared order of every shard) of this shard's sample lp. */
static int64_t dive__loader_gpos(const dive_loader *ld, int64_t lp) {
  int64_t b = lp / ld->bs, at = lp % ld->bs, S = DIVE__MAX(ld->d.shards, 1);
  if (b < ld->nfull) return b * ld->d.batch_size + ld->d.shard * ld->bs + at;
  return ld->nfull * ld->d.batch_size + ld->last * ld->d.shard / S + at;
}

static void dive__loader_epoch(dive_loader *ld, int epoch) {
  int64_t i, j, t, n = ld->ds->n;
  dive_rng r;
  ld->epoch = epoch;
  for (i = 0; i < n; i++) ld->perm[i] = i;
  if (ld->d.shuffle) {
    dive_rng_seed(&r, ld->d.seed ^ (0x5348554646ull + ((uint64_t)(uint32_t)epoch << 40)));
    for (i = n - 1; i > 0; i--) {
      j = (int64_t)(((uint64_t)dive_rng_u32(&r) << 32 | dive_rng_u32(&r)) % (uint64_t)(i + 1));
      t = ld->perm[i]; ld->perm[i] = ld->perm[j]; ld->perm[j] = t;
    }
  }
  ld->next_sample = 0;
  ld->next_batch = 0;
  for (i = 0; i < ld->nslots; i++) {
    ld->sdone[i] = 0;
    ld->serr[i] = DIVE_OK;
  }
}

/* Load + augment sample `pos` of the epoch into its slot. Reads only shared immutable
   state (dataset, perm, desc), so workers run it without the lock. Returns the status and
   writes a message into msg on failure. */
static dive_status dive__loader_sample(dive_loader *ld, int64_t pos, char *msg, size_t msz) {
  const dive_dataset *ds = ld->ds;
  int64_t b = pos / ld->bs, at = pos % ld->bs, g = dive__loader_gpos(ld, pos);
  int slot = (int)(b % ld->nslots);
  int64_t idx = ld->perm[g];
  size_t si = (size_t)slot * (size_t)ld->bs + (size_t)at;
  float *dst = ld->sx + si * (size_t)ld->sample;
  dive_rng r;
  uint64_t key = ((uint64_t)(uint32_t)ld->epoch << 40) ^ (uint64_t)g;
  dive_rng_seed(&r, ld->d.seed ^ dive__splitmix64(&key)); /* per (seed, epoch, position) */
  ld->sy[si] = ds->labels[idx];
  ld->sok[si] = 0;
  if (!ld->is_list) {
    int64_t pix = (int64_t)ds->channels * ds->height * ds->width;
    dive__aug_crop_flip(dst, ds->images + idx * pix, ds->channels, ds->height, ds->width, ld->d.pad,
                        ld->d.augment == DIVE_AUG_CROP_FLIP, ld->lut, &r);
  } else {
#ifdef DIVE_NO_STB_IMAGE
    snprintf(msg, msz, "dive_loader_next: %s/%s: decoding JPEG/PNG needs stb_image (built without it)", ds->root,
             ds->paths + ds->path_offset[idx]);
    return DIVE_ERR_UNSUPPORTED;
#else
    char path[4096];
    uint8_t *file = NULL, *px;
    size_t flen;
    int w, h, comp, ok, i, c, n = ld->oh * ld->ow;
    dive_status s;
    snprintf(path, sizeof path, "%s/%s", ds->root, ds->paths + ds->path_offset[idx]);
    s = dive__read_file("dive_loader_next", path, &file, &flen);
    if (s) { /* the reason was formatted into this thread's dive_last_error */
      snprintf(msg, msz, "%s", dive__last_error);
      return s;
    }
    if (!dive__jpeg_dht_ok(file, flen)) {
      DIVE_FREE(file);
      snprintf(msg, msz, "dive_loader_next: %.300s: corrupt JPEG (bad or missing Huffman table)", path);
      return DIVE_ERR_FORMAT;
    }
    if (!dive__png_chunks_ok(file, flen)) {
      DIVE_FREE(file);
      snprintf(msg, msz, "dive_loader_next: %.300s: truncated PNG (a chunk runs past the end of the file)", path);
      return DIVE_ERR_FORMAT;
    }
    if (flen <= 0x7FFFFFFF && stbi_info_from_memory(file, (int)flen, &w, &h, &comp) &&
        (int64_t)w * h > (int64_t)(DIVE_MAX_IMAGE_PIXELS)) { /* a 700-byte JPEG may claim 18000 x 18000 */
      DIVE_FREE(file);
      snprintf(msg, msz, "dive_loader_next: %.300s: image %d x %d is over DIVE_MAX_IMAGE_PIXELS (%lld)", path, w, h,
               (long long)(DIVE_MAX_IMAGE_PIXELS));
      return DIVE_ERR_FORMAT;
    }
    px = flen > 0x7FFFFFFF ? NULL : stbi_load_from_memory(file, (int)flen, &w, &h, &comp, 3);
    DIVE_FREE(file);
    if (!px) {
      snprintf(msg, msz, "dive_loader_next: %.300s: cannot decode image (stb_image: %.60s)", path,
               stbi_failure_reason() ? stbi_failure_reason() : "?");
      return DIVE_ERR_FORMAT;
    }
    if (ld->d.augment == DIVE_AUG_RESIZED_CROP) {
      int bx, by, bw, bh, flip;
      dive__rrc_box(w, h, &r, &bx, &by, &bw, &bh);
      flip = (int)(dive_rng_u32(&r) >> 31);
      ok = dive__resample(dst, ld->ow, ld->oh, px, w, h, bx, by, bw, bh, flip);
      if (ok && ld->d.jitter > 0) dive__jitter(dst, n, ld->d.jitter, &r);
    } else { /* resize the shorter side to `resize` (torchvision: long = int(size*long/short)),
                then center crop; done as one resampling of the matching source box */
      int rw = w <= h ? ld->d.resize : (int)((double)ld->d.resize * w / h);
      int rh = w <= h ? (int)((double)ld->d.resize * h / w) : ld->d.resize;
      double sx = (double)w / rw, sy = (double)h / rh;
      int left = (int)floor((rw - ld->ow) / 2.0 + 0.5), top = (int)floor((rh - ld->oh) / 2.0 + 0.5);
      ok = dive__resample(dst, ld->ow, ld->oh, px, w, h, left * sx, top * sy, ld->ow * sx, ld->oh * sy, 0);
    }
    stbi_image_free(px);
    if (!ok) {
      snprintf(msg, msz, "dive_loader_next: %.300s: out of memory resampling a %dx%d image", path, w, h);
      return DIVE_ERR_OOM;
    }
    for (c = 0; c < 3; c++) {
      float m = ld->d.mean[c], inv = 1.0f / ld->d.std[c];
      for (i = 0; i < n; i++) dst[c * n + i] = (dst[c * n + i] - m) * inv;
    }
#endif
  }
  ld->sok[si] = 1;
  return DIVE_OK;
}

#if DIVE__THREADS
static void *dive__loader_worker(void *arg) {
  dive_loader *ld = (dive_loader *)arg;
  char msg[512];
  pthread_mutex_lock(&ld->mu);
  while (!ld->stop) {
    int64_t pos = ld->next_sample, b = pos / ld->bs;
    unsigned gen = ld->gen;
    int slot;
    dive_status s;
    /* work exists, and its slot has been handed back by the caller */
    if (pos >= ld->epoch_n || b >= ld->next_batch + ld->nslots) {
      pthread_cond_wait(&ld->work_cv, &ld->mu);
      continue;
    }
    ld->next_sample++;
    ld->busy++;
    pthread_mutex_unlock(&ld->mu);
    msg[0] = 0;
    s = dive__loader_sample(ld, pos, msg, sizeof msg);
    pthread_mutex_lock(&ld->mu);
    ld->busy--;
    slot = (int)(b % ld->nslots);
    if (gen == ld->gen) {
      /* keep the failure of the earliest sample, whatever order the threads finish in */
      if (s && (!ld->serr[slot] || pos % ld->bs < ld->serr_pos[slot])) {
        ld->serr[slot] = s;
        ld->serr_pos[slot] = (int)(pos % ld->bs);
        memcpy(ld->serr_msg + (size_t)slot * 512, msg, 512);
      }
      ld->sdone[slot]++;
    }
    pthread_cond_broadcast(&ld->done_cv);
  }
  pthread_mutex_unlock(&ld->mu);
  return NULL;
}
#endif

DIVE_API void dive_loader_destroy(dive_loader *ld) {
  if (!ld) return;
#if DIVE__THREADS
  if (ld->nth > 0) {
    int i;
    pthread_mutex_lock(&ld->mu);
    ld->stop = 1;
    pthread_cond_broadcast(&ld->work_cv);
    pthread_mutex_unlock(&ld->mu);
    for (i = 0; i < ld->nth; i++) pthread_join(ld->th[i], NULL);
  }
  if (ld->th) {
    pthread_mutex_destroy(&ld->mu);
    pthread_cond_destroy(&ld->work_cv);
    pthread_cond_destroy(&ld->done_cv);
  }
  DIVE_FREE(ld->th);
#endif
  DIVE_FREE(ld->perm);
  DIVE_FREE(ld->sx);
  DIVE_FREE(ld->sy);
  DIVE_FREE(ld->sok);
  DIVE_FREE(ld->sdone);
  DIVE_FREE(ld->serr);
  DIVE_FREE(ld->serr_pos);
  DIVE_FREE(ld->serr_msg);
  DIVE_FREE(ld);
}

DIVE_API dive_status dive_loader_create(dive_loader **out, const dive_dataset *ds, const dive_loader_desc *desc) {
  static const char *who = "dive_loader_create";
  dive_loader *ld;
  int c, v;
  size_t slots;
  if (!out) return dive__fail(DIVE_ERR_ARG, "%s: out is NULL", who);
  *out = NULL;
  if (!ds || ds->n <= 0 || !ds->labels) return dive__fail(DIVE_ERR_ARG, "%s: empty dataset", who);
  ld = (dive_loader *)dive__calloc(sizeof *ld);
  if (!ld) return dive__fail(DIVE_ERR_OOM, "%s: no memory", who);
  ld->ds = ds;
  if (desc) ld->d = *desc;
  ld->is_list = ds->images == NULL;
  if (ld->is_list && (!ds->paths || !ds->path_offset || !ds->root)) {
    dive_loader_destroy(ld);
    return dive__fail(DIVE_ERR_ARG, "%s: dataset has neither images nor paths", who);
  }
  ld->d.batch_size = DIVE__DEF(ld->d.batch_size, 128);
  ld->d.threads = DIVE__DEF(ld->d.threads, 4);
  ld->d.prefetch = DIVE__DEF(ld->d.prefetch, 2);
  ld->d.pad = ld->d.pad < 0 ? 0 : DIVE__DEF(ld->d.pad, 4);
  ld->d.out_size = DIVE__DEF(ld->d.out_size, 224);
  ld->d.resize = DIVE__DEF(ld->d.resize, ld->d.out_size * 8 / 7);
  for (c = 0; c < 3; c++) ld->d.std[c] = ld->d.std[c] != 0 ? ld->d.std[c] : 1.0f;
  if (ld->d.batch_size < 0 || ld->d.threads < -1 || ld->d.threads > 256 || ld->d.prefetch < 0 ||
      ld->d.prefetch > 64 || ld->d.out_size < 1 || ld->d.out_size > 4096 || ld->d.resize < ld->d.out_size ||
      ld->d.jitter < 0 || (!ld->is_list && ds->channels > 3) ||
      (ld->is_list ? ld->d.augment == DIVE_AUG_CROP_FLIP : ld->d.augment == DIVE_AUG_RESIZED_CROP) ||
      (unsigned)ld->d.augment > 2u || ld->d.shards < 0 || ld->d.shard < 0 ||
      ld->d.shard >= DIVE__MAX(ld->d.shards, 1) || ld->d.batch_size % DIVE__MAX(ld->d.shards, 1)) {
    dive__fail(DIVE_ERR_ARG,
               "%s: bad desc (batch %d, threads %d, prefetch %d, out_size %d, resize %d, jitter %g, "
               "augment %d for a%s dataset with %d channels, shard %d of %d: batch a multiple of shards)",
               who, ld->d.batch_size, ld->d.threads, ld->d.prefetch, ld->d.out_size, ld->d.resize,
               (double)ld->d.jitter, (int)ld->d.augment, ld->is_list ? " list" : "n in-memory", ds->channels,
               ld->d.shard, ld->d.shards);
    dive_loader_destroy(ld);
    return DIVE_ERR_ARG;
  }
  ld->oc = ld->is_list ? 3 : ds->channels;
  ld->oh = ld->is_list ? ld->d.out_size : ds->height;
  ld->ow = ld->is_list ? ld->d.out_size : ds->width;
  ld->sample = (int64_t)ld->oc * ld->oh * ld->ow;
  for (c = 0; c < ld->oc; c++) /* exactly (v / 255 - mean) / std, in float */
    for (v = 0; v < 256; v++) ld->lut[c * 256 + v] = ((float)v / 255.0f - ld->d.mean[c]) / ld->d.std[c];
  {
    int64_t S = DIVE__MAX(ld->d.shards, 1), r = ld->d.shard;
    ld->bs = ld->d.batch_size / S;
    ld->nfull = ds->n / ld->d.batch_size;
    ld->last = ld->d.drop_last ? 0 : ds->n - ld->nfull * ld->d.batch_size;
    ld->epoch_n = ld->nfull * ld->bs + ld->last * (r + 1) / S - ld->last * r / S;
    ld->nbatches = ld->nfull + (ld->last > 0);
  }
  ld->nslots = ld->d.threads < 0 || !DIVE__THREADS ? 1 : ld->d.prefetch;
  slots = (size_t)ld->nslots * (size_t)ld->bs;
  ld->perm = (int64_t *)DIVE_MALLOC((size_t)ds->n * sizeof(int64_t));
  ld->sx = (float *)DIVE_MALLOC(slots * (size_t)ld->sample * sizeof(float));
  ld->sy = (int32_t *)DIVE_MALLOC(slots * sizeof(int32_t));
  ld->sok = (uint8_t *)DIVE_MALLOC(slots);
  ld->sdone = (int *)dive__calloc((size_t)ld->nslots * sizeof(int));
  ld->serr = (dive_status *)dive__calloc((size_t)ld->nslots * sizeof(dive_status));
  ld->serr_pos = (int *)dive__calloc((size_t)ld->nslots * sizeof(int));
  ld->serr_msg = (char *)dive__calloc((size_t)ld->nslots * 512);
  if (!ld->perm || !ld->sx || !ld->sy || !ld->sok || !ld->sdone || !ld->serr || !ld->serr_pos || !ld->serr_msg) {
    dive__fail(DIVE_ERR_OOM, "%s: no memory for %d batches of %d x %lld floats", who, ld->nslots,
               ld->d.batch_size, (long long)ld->sample);
    dive_loader_destroy(ld);
    return DIVE_ERR_OOM;
  }
  dive__loader_epoch(ld, 0);
#if DIVE__THREADS
  if (ld->d.threads > 0) {
    int i;
    ld->th = (pthread_t *)DIVE_MALLOC((size_t)ld->d.threads * sizeof(pthread_t));
    if (!ld->th) {
      dive_loader_destroy(ld);
      return dive__fail(DIVE_ERR_OOM, "%s: no memory", who);
    }
    pthread_mutex_init(&ld->mu, NULL);
    pthread_cond_init(&ld->work_cv, NULL);
    pthread_cond_init(&ld->done_cv, NULL);
    for (i = 0; i < ld->d.threads; i++) {
      if (pthread_create(&ld->th[i], NULL, dive__loader_worker, ld) != 0) {
        dive_loader_destroy(ld);
        return dive__fail(DIVE_ERR_ARG, "%s: pthread_create failed for worker %d", who, i);
      }
      ld->nth++;
    }
  }
#endif
  *out = ld;
  return DIVE_OK;
}

DIVE_API void dive_loader_shape(const dive_loader *ld, int *c, int *h, int *w) {
  if (c) *c = ld ? ld->oc : 0;
  if (h) *h = ld ? ld->oh : 0;
  if (w) *w = ld ? ld->ow : 0;
}
DIVE_API int64_t dive_loader_batches(const dive_loader *ld) { return ld ? ld->nbatches : 0; }
DIVE_API int64_t dive_loader_skipped(const dive_loader *ld) { return ld ? ld->skipped : 0; }

DIVE_API dive_status dive_loader_next(dive_loader *ld, float *x, int32_t *y, int *n) {
  int64_t b, cnt, i, kept = 0;
  int slot;
  dive_status s;
  if (!ld || !x || !y || !n) return dive__fail(DIVE_ERR_ARG, "dive_loader_next: NULL argument");
  *n = 0;
#if DIVE__THREADS
  if (ld->nth) pthread_mutex_lock(&ld->mu);
#endif
  b = ld->next_batch;
  if (b >= ld->nbatches) {
#if DIVE__THREADS
    if (ld->nth) pthread_mutex_unlock(&ld->mu);
#endif
    return DIVE_OK;
  }
  cnt = dive__batch_count(ld, b);
  slot = (int)(b % ld->nslots);
#if DIVE__THREADS
  if (ld->nth) {
    while (ld->sdone[slot] < cnt) pthread_cond_wait(&ld->done_cv, &ld->mu);
    pthread_mutex_unlock(&ld->mu); /* no worker touches this slot until next_batch moves */
  } else
#endif
  { /* no workers: build the batch here */
    char msg[512];
    for (i = 0; i < cnt; i++) {
      msg[0] = 0;
      s = dive__loader_sample(ld, b * ld->bs + i, msg, sizeof msg);
      if (s && !ld->serr[slot]) {
        ld->serr[slot] = s;
        memcpy(ld->serr_msg + (size_t)slot * 512, msg, 512);
      }
    }
  }
  s = ld->serr[slot];
  if (s && !ld->d.skip_bad) {
    dive__fail(s, "%s", ld->serr_msg + (size_t)slot * 512);
  } else {
    size_t base = (size_t)slot * (size_t)ld->bs;
    s = DIVE_OK;
    for (i = 0; i < cnt; i++) { /* copy out, leaving failed samples out */
      if (!ld->sok[base + (size_t)i]) continue;
      memcpy(x + kept * ld->sample, ld->sx + (base + (size_t)i) * (size_t)ld->sample, (size_t)ld->sample * sizeof(float));
      y[kept++] = ld->sy[base + (size_t)i];
    }
    ld->skipped += cnt - kept;
    *n = (int)kept;
  }
#if DIVE__THREADS
  if (ld->nth) pthread_mutex_lock(&ld->mu);
#endif
  ld->sdone[slot] = 0; /* hand the slot back */
  ld->serr[slot] = DIVE_OK;
  ld->next_batch++;
#if DIVE__THREADS
  if (ld->nth) {
    pthread_cond_broadcast(&ld->work_cv);
    pthread_mutex_unlock(&ld->mu);
  }
#endif
  return s;
}

DIVE_API dive_status dive_loader_reset(dive_loader *ld, int epoch) {
  if (!ld) return dive__fail(DIVE_ERR_ARG, "dive_loader_reset: ld is NULL");
  if (epoch < 0) return dive__fail(DIVE_ERR_ARG, "dive_loader_reset: epoch %d", epoch);
#if DIVE__THREADS
  if (ld->nth) {
    pthread_mutex_lock(&ld->mu);
    ld->gen++;                  /* results of samples in flight are dropped */
    ld->next_sample = ld->epoch_n; /* and no new ones start */
    while (ld->busy > 0) pthread_cond_wait(&ld->done_cv, &ld->mu);
    dive__loader_epoch(ld, epoch);
    pthread_cond_broadcast(&ld->work_cv);
    pthread_mutex_unlock(&ld->mu);
    return DIVE_OK;
  }
#endif
  dive__loader_epoch(ld, epoch);
  return DIVE_OK;
}

/* ============================================================================ >>analyzer */

DIVE_API int dive_class_groups(const int *counts, int num_classes, int *group) {
  int j, k, size[3] = {0, 0, 0}, *order;
  for (j = 0; j < num_classes; j++) {
    group[j] = counts[j] > 100 ? DIVE_GROUP_MANY : counts[j] >= 20 ? DIVE_GROUP_MEDIUM : DIVE_GROUP_FEW;
    size[group[j]]++;
  }
  if (size[0] && size[1] && size[2]) return 0;
  /* thirds by count, largest first (ties: lower class index first) */
  order = (int *)DIVE_MALLOC(sizeof(int) * (size_t)num_classes);
  if (!order) return 0;
  for (j = 0; j < num_classes; j++) order[j] = j;
  for (j = 1; j < num_classes; j++) { /* insertion sort: stable */
    int v = order[j];
    for (k = j - 1; k >= 0 && counts[order[k]] < counts[v]; k--) order[k + 1] = order[k];
    order[k + 1] = v;
  }
  {
    int head = (num_classes + 1) / 3, tail = (num_classes + 1) / 3;
    for (j = 0; j < num_classes; j++)
      group[order[j]] = j < head ? DIVE_GROUP_MANY : j >= num_classes - tail ? DIVE_GROUP_FEW : DIVE_GROUP_MEDIUM;
  }
  DIVE_FREE(order);
  return 1;
}

DIVE_API void dive_ve_free(dive_ve_report *r) {
  if (!r) return;
  DIVE_FREE(r->counts);
  DIVE_FREE(r->group);
  DIVE_FREE(r->ve);
  DIVE_FREE(r->group_ve);
  memset(r, 0, sizeof *r);
}

DIVE_API dive_status dive_ve_begin(dive_ve_report *r, int num_classes, const int *train_counts, int max_T) {
  int j;
  if (!r || !train_counts) return dive__fail(DIVE_ERR_ARG, "dive_ve_begin: r or train_counts is NULL");
  memset(r, 0, sizeof *r);
  max_T = DIVE__DEF(max_T, 10);
  if (num_classes < 2 || num_classes > 1000000 || max_T < 1 || max_T > 100)
    return dive__fail(DIVE_ERR_ARG, "dive_ve_begin: num_classes %d (2..10^6) or max_T %d (1..100) out of range",
                      num_classes, max_T);
  r->num_classes = num_classes;
  r->max_T = max_T;
  r->counts = (int *)DIVE_MALLOC(sizeof(int) * (size_t)num_classes);
  r->group = (int *)DIVE_MALLOC(sizeof(int) * (size_t)num_classes);
  r->ve = (double *)dive__calloc(sizeof(double) * 2 * (size_t)max_T * (size_t)num_classes);
  r->group_ve = (double *)dive__calloc(sizeof(double) * 2 * (size_t)max_T * 3);
  if (!r->counts || !r->group || !r->ve || !r->group_ve) {
    dive_ve_free(r);
    return dive__fail(DIVE_ERR_OOM, "dive_ve_begin: out of memory");
  }
  for (j = 0; j < num_classes; j++) {
    if (train_counts[j] < 0) {
      dive_ve_free(r);
      return dive__fail(DIVE_ERR_ARG, "dive_ve_begin: train_counts[%d] = %d < 0", j, train_counts[j]);
    }
    r->counts[j] = train_counts[j];
  }
  r->by_thirds = dive_class_groups(r->counts, num_classes, r->group);
  return DIVE_OK;
}

/* Adds t = softmax(z p / T) of every row to the VE sums of each setting (in double). */
DIVE_API dive_status dive_ve_add(dive_ve_report *r, const float *z, int n) {
  const int C = r ? r->num_classes : 0;
  double *e;
  int i, pi, T, j;
  if (!r || !r->ve || (!z && n)) return dive__fail(DIVE_ERR_ARG, "dive_ve_add: report not begun or logits NULL");
  if (n < 0) return dive__fail(DIVE_ERR_ARG, "dive_ve_add: n = %d < 0", n);
  e = (double *)DIVE_MALLOC(sizeof(double) * (size_t)C);
  if (!e) return dive__fail(DIVE_ERR_OOM, "dive_ve_add: out of memory");
  for (i = 0; i < n; i++) {
    const float *row = z + (size_t)i * C;
    double mx = -DBL_MAX;
    for (j = 0; j < C; j++) {
      if (!(row[j] == row[j]) || row[j] > FLT_MAX || row[j] < -FLT_MAX) {
        DIVE_FREE(e);
        return dive__fail(DIVE_ERR_NONFINITE, "dive_ve_add: logit %d of row %d is not finite", j, i);
      }
      mx = DIVE__MAX(mx, row[j]);
    }
    for (pi = 0; pi < 2; pi++)
      for (T = 1; T <= r->max_T; T++) {
        double scale = (pi ? 0.5 : 1.0) / T, sum = 0, *v = r->ve + ((size_t)pi * r->max_T + (size_t)(T - 1)) * C;
        for (j = 0; j < C; j++) sum += (e[j] = exp((row[j] - mx) * scale));
        for (j = 0; j < C; j++) v[j] += e[j] / sum;
      }
  }
  r->n += n;
  DIVE_FREE(e);
  return DIVE_OK;
}

DIVE_API dive_status dive_ve_end(dive_ve_report *r) {
  const int C = r ? r->num_classes : 0;
  double best_ratio = -1, best_teff = DBL_MAX;
  int pi, T, j, g;
  if (!r || !r->ve) return dive__fail(DIVE_ERR_ARG, "dive_ve_end: report not begun");
  memset(r->group_counts, 0, sizeof r->group_counts);
  memset(r->group_size, 0, sizeof r->group_size);
  for (j = 0; j < C; j++) {
    r->group_counts[r->group[j]] += r->counts[j];
    r->group_size[r->group[j]]++;
  }
  for (g = 0; g < 3; g++)
    if (r->group_size[g]) r->group_counts[g] /= r->group_size[g];
  r->pick_T = 0;
  r->pick_flat = 0;
  for (pi = 0; pi < 2; pi++)
    for (T = 1; T <= r->max_T; T++) {
      const double *v = r->ve + ((size_t)pi * r->max_T + (size_t)(T - 1)) * C;
      double *gv = r->group_ve + ((size_t)pi * r->max_T + (size_t)(T - 1)) * 3;
      double teff = pi ? 2.0 * T : T, ratio;
      for (g = 0; g < 3; g++) gv[g] = 0;
      for (j = 0; j < C; j++) gv[r->group[j]] += v[j];
      for (g = 0; g < 3; g++)
        if (r->group_size[g]) gv[g] /= r->group_size[g];
      ratio = gv[0] > 0 ? gv[2] / gv[0] : 0;
      /* flat: the tail's mean VE count reaches the head's; prefer the smallest effective
         temperature, and at equal effective temperature the power-normalized setting,
         whose student temperature is half */
      if (ratio >= 1.0 && (teff < best_teff || (teff == best_teff && pi == 1))) {
        best_teff = teff;
        r->pick_T = T;
        r->pick_power = pi ? 0.5f : 1.0f;
        r->pick_flat = 1;
      }
      if (ratio > best_ratio) best_ratio = ratio;
    }
  /* No flat setting within T <= max_T (a weak teacher, or an imbalance so steep that
     only a near-uniform teacher would level it): the flattest setting would distill
     almost nothing, so fall back to the paper's default, T = 3 with p = 0.5. */
  if (!r->pick_flat) {
    r->pick_T = DIVE__MIN(3, r->max_T);
    r->pick_power = 0.5f;
  }
  (void)best_ratio;
  return DIVE_OK;
}

static FILE *dive__open_out(const char *path, const char *fn) {
  FILE *f = path ? fopen(path, "w") : stdout;
  if (!f) dive__fail(DIVE_ERR_IO, "%s: cannot create %s: %s", fn, path, strerror(errno));
  return f;
}
static dive_status dive__close_out(FILE *f, const char *path, const char *fn) {
  int bad = ferror(f);
  if (f != stdout) bad |= fclose(f) != 0;
  else fflush(f);
  return bad ? dive__fail(DIVE_ERR_IO, "%s: write to %s failed", fn, path ? path : "stdout") : DIVE_OK;
}

static const char *dive__group_name(int by_thirds, int g) {
  static const char *mmf[3] = {"Many", "Medium", "Few"}, *hmt[3] = {"Head", "Middle", "Tail"};
  return by_thirds ? hmt[g] : mmf[g];
}

DIVE_API dive_status dive_ve_write_table(const dive_ve_report *r, const char *path) {
  static const char *fn = "dive_ve_write_table";
  FILE *f;
  int pi, T, g;
  if (!r || !r->group_ve) return dive__fail(DIVE_ERR_ARG, "%s: no report", fn);
  if (!(f = dive__open_out(path, fn))) return DIVE_ERR_IO;
  fprintf(f, "virtual-example distribution: mean count per class in each group (%lld images, %d classes%s)\n",
          (long long)r->n, r->num_classes, r->by_thirds ? "; groups are head/middle/tail thirds by count" : "");
  fprintf(f, "  %-18s %10s %10s %10s %10s\n", "setting", dive__group_name(r->by_thirds, 0),
          dive__group_name(r->by_thirds, 1), dive__group_name(r->by_thirds, 2), "tail/head");
  fprintf(f, "  %-18s %10.1f %10.1f %10.1f %10.3f\n", "input n_j", r->group_counts[0], r->group_counts[1],
          r->group_counts[2], r->group_counts[0] > 0 ? r->group_counts[2] / r->group_counts[0] : 0.0);
  for (pi = 0; pi < 2; pi++)
    for (T = 1; T <= r->max_T; T++) {
      const double *gv = r->group_ve + ((size_t)pi * r->max_T + (size_t)(T - 1)) * 3;
      char name[32];
      snprintf(name, sizeof name, "T=%d p=%s%s", T, pi ? "0.5" : "1", pi ? "" : "  ");
      fprintf(f, "  %-18s", name);
      for (g = 0; g < 3; g++) fprintf(f, " %10.1f", gv[g]);
      fprintf(f, " %10.3f%s\n", gv[0] > 0 ? gv[2] / gv[0] : 0.0,
              (T == r->pick_T && (pi ? 0.5f : 1.0f) == r->pick_power) ? "  <- picked" : "");
    }
  fprintf(f, "rule of thumb: T=%d, power=%g (teacher effective T %g)%s\n", r->pick_T, (double)r->pick_power,
          r->pick_T / (double)r->pick_power,
          r->pick_flat ? "" : " - no setting was flat: the paper's default T=3, p=0.5");
  return dive__close_out(f, path, fn);
}

DIVE_API dive_status dive_ve_write_json(const dive_ve_report *r, const char *path) {
  static const char *fn = "dive_ve_write_json";
  FILE *f;
  int pi, T, j, g;
  if (!r || !r->group_ve) return dive__fail(DIVE_ERR_ARG, "%s: no report", fn);
  if (!(f = dive__open_out(path, fn))) return DIVE_ERR_IO;
  fprintf(f, "{\n  \"images\": %lld,\n  \"num_classes\": %d,\n  \"groups\": \"%s\",\n", (long long)r->n,
          r->num_classes, r->by_thirds ? "head/middle/tail thirds" : "many(>100)/medium(20-100)/few(<20)");
  fprintf(f, "  \"group_names\": [\"%s\", \"%s\", \"%s\"],\n", dive__group_name(r->by_thirds, 0),
          dive__group_name(r->by_thirds, 1), dive__group_name(r->by_thirds, 2));
  fprintf(f, "  \"class_group\": [");
  for (j = 0; j < r->num_classes; j++) fprintf(f, "%s%d", j ? ", " : "", r->group[j]);
  fprintf(f, "],\n  \"input_counts\": [");
  for (j = 0; j < r->num_classes; j++) fprintf(f, "%s%d", j ? ", " : "", r->counts[j]);
  fprintf(f, "],\n  \"input_group_means\": [%.4f, %.4f, %.4f],\n  \"settings\": [\n", r->group_counts[0],
          r->group_counts[1], r->group_counts[2]);
  for (pi = 0; pi < 2; pi++)
    for (T = 1; T <= r->max_T; T++) {
      const size_t row = (size_t)pi * r->max_T + (size_t)(T - 1);
      const double *v = r->ve + row * r->num_classes, *gv = r->group_ve + row * 3;
      fprintf(f, "    {\"T\": %d, \"power\": %s, \"group_means\": [", T, pi ? "0.5" : "1");
      for (g = 0; g < 3; g++) fprintf(f, "%s%.4f", g ? ", " : "", gv[g]);
      fprintf(f, "], \"ve\": [");
      for (j = 0; j < r->num_classes; j++) fprintf(f, "%s%.4f", j ? ", " : "", v[j]);
      fprintf(f, "]}%s\n", (pi == 1 && T == r->max_T) ? "" : ",");
    }
  fprintf(f, "  ],\n  \"pick\": {\"T\": %d, \"power\": %g, \"effective_T\": %g, \"flat\": %s}\n}\n", r->pick_T,
          (double)r->pick_power, r->pick_T / (double)r->pick_power, r->pick_flat ? "true" : "false");
  return dive__close_out(f, path, fn);
}

/* Bar chart of the group means, as the paper's Figures 1 and 5: one panel per power, a
   cluster of three bars (head, middle, tail) for the input counts and for each T. */
DIVE_API dive_status dive_ve_write_svg(const dive_ve_report *r, const char *path) {
  static const char *fn = "dive_ve_write_svg";
  static const char *color[3] = {"#4c72b0", "#dd8452", "#55a868"};
  const int nclu = r ? r->max_T + 1 : 0, pw = 60 + 46 * nclu, ph = 260, W = pw + 40, H = 2 * ph + 90;
  FILE *f;
  double vmax = 0;
  int pi, k, g;
  if (!r || !r->group_ve || !path) return dive__fail(DIVE_ERR_ARG, "%s: no report or path", fn);
  for (g = 0; g < 3; g++) vmax = DIVE__MAX(vmax, r->group_counts[g]);
  for (k = 0; k < 2 * r->max_T * 3; k++) vmax = DIVE__MAX(vmax, r->group_ve[k]);
  if (vmax <= 0) vmax = 1;
  if (!(f = dive__open_out(path, fn))) return DIVE_ERR_IO;
  fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">\n", W, H);
  fprintf(f, "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n");
  fprintf(f, "<text x=\"%d\" y=\"22\" font-size=\"15\" text-anchor=\"middle\">Virtual-example distribution: mean count per class "
             "(%d classes, %lld images)</text>\n", W / 2, r->num_classes, (long long)r->n);
  for (g = 0; g < 3; g++)
    fprintf(f, "<rect x=\"%d\" y=\"34\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"45\">%s</text>\n",
            W / 2 - 150 + 100 * g, color[g], W / 2 - 134 + 100 * g, dive__group_name(r->by_thirds, g));
  for (pi = 0; pi < 2; pi++) {
    const int top = 60 + pi * (ph + 15), base = top + ph - 40, h = ph - 70;
    fprintf(f, "<text x=\"%d\" y=\"%d\" font-size=\"13\">power %s%s</text>\n", 50, top + 14, pi ? "p = 0.5" : "p = 1",
            pi ? " (teacher effective temperature 2T)" : "");
    fprintf(f, "<text transform=\"translate(14,%d) rotate(-90)\" text-anchor=\"middle\" font-size=\"11\">mean count per class</text>\n",
            base - h / 2);
    fprintf(f, "<line x1=\"50\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n", base, pw, base);
    fprintf(f, "<line x1=\"50\" y1=\"%d\" x2=\"50\" y2=\"%d\" stroke=\"black\"/>\n", base, base - h);
    for (k = 0; k <= 4; k++) {
      double v = vmax * k / 4;
      int y = base - (int)(h * k / 4);
      fprintf(f, "<line x1=\"46\" y1=\"%d\" x2=\"50\" y2=\"%d\" stroke=\"black\"/><text x=\"43\" y=\"%d\" text-anchor=\"end\" font-size=\"10\">%.0f</text>\n",
              y, y, y + 3, v);
    }
    for (k = 0; k < nclu; k++) {
      const double *gv = k ? r->group_ve + ((size_t)pi * r->max_T + (size_t)(k - 1)) * 3 : r->group_counts;
      const int x0 = 58 + 46 * k;
      int picked = k && k == r->pick_T && (pi ? 0.5f : 1.0f) == r->pick_power;
      for (g = 0; g < 3; g++) {
        int bh = (int)(h * gv[g] / vmax + 0.5);
        fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"%d\" fill=\"%s\"><title>%s %s: %.1f</title></rect>\n",
                x0 + 13 * g, base - bh, bh, color[g], k ? "" : "input", dive__group_name(r->by_thirds, g), gv[g]);
      }
      if (k) fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\"%s>T=%d</text>\n", x0 + 19, base + 15,
                     picked ? " font-weight=\"bold\" fill=\"#c00\"" : "", k);
      else fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">input</text>\n", x0 + 19, base + 15);
      if (picked) fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#c00\">picked</text>\n", x0 + 19, base + 28);
    }
  }
  fprintf(f, "</svg>\n");
  return dive__close_out(f, path, fn);
}

/* =============================================================================== >>train */

DIVE_API float dive_schedule_lr(const dive_schedule_desc *d, double epoch) {
  const int E = d->epochs > 0 ? d->epochs : 1;
  const double from = DIVE__DEF(d->warmup_from, 1.0f / 3.0f), gamma = DIVE__DEF(d->gamma, 0.01f);
  int warm = d->warmup_epochs, k;
  double lr = d->lr;
  if (warm == 0) {
    warm = (int)(5.0 * E / 200.0 + 0.5);
    if (warm < 1) warm = 1;
  }
  if (warm > 0 && epoch < warm) return (float)(lr * (from + (1.0 - from) * epoch / warm));
  switch (d->kind) {
  case DIVE_SCHED_MULTISTEP:
    if (d->milestones[0] <= 0) { /* BBN: x0.01 at epoch 120 and again at 160 of 200 */
      if (epoch >= 0.6 * E) lr *= gamma;
      if (epoch >= 0.8 * E) lr *= gamma;
    } else {
      for (k = 0; k < DIVE_MAX_MILESTONES && d->milestones[k] > 0; k++)
        if (epoch >= d->milestones[k]) lr *= gamma;
    }
    return (float)lr;
  case DIVE_SCHED_COSINE: {
    const int w = warm > 0 ? warm : 0;
    const double e = d->per_step ? epoch : floor(epoch);
    double t = (e - w) / (double)DIVE__MAX(1, E - w);
    return (float)(0.5 * lr * (1.0 + cos(3.141592653589793 * DIVE__MIN(1.0, DIVE__MAX(0.0, t)))));
  }
  default: return (float)lr;
  }
}

DIVE_API void dive_eval_free(dive_eval *e) {
  if (!e) return;
  DIVE_FREE(e->group);
  DIVE_FREE(e->seen);
  DIVE_FREE(e->hit1);
  DIVE_FREE(e->per_class);
  memset(e, 0, sizeof *e);
}

DIVE_API dive_status dive_eval_begin(dive_eval *e, int num_classes, const int *train_counts) {
  if (!e || !train_counts) return dive__fail(DIVE_ERR_ARG, "dive_eval_begin: e or train_counts is NULL");
  memset(e, 0, sizeof *e);
  if (num_classes < 2 || num_classes > 1000000)
    return dive__fail(DIVE_ERR_ARG, "dive_eval_begin: num_classes %d outside 2..10^6", num_classes);
  e->num_classes = num_classes;
  e->group = (int *)DIVE_MALLOC(sizeof(int) * (size_t)num_classes);
  e->seen = (int64_t *)dive__calloc(sizeof(int64_t) * (size_t)num_classes);
  e->hit1 = (int64_t *)dive__calloc(sizeof(int64_t) * (size_t)num_classes);
  e->per_class = (double *)dive__calloc(sizeof(double) * (size_t)num_classes);
  if (!e->group || !e->seen || !e->hit1 || !e->per_class) {
    dive_eval_free(e);
    return dive__fail(DIVE_ERR_OOM, "dive_eval_begin: out of memory");
  }
  e->by_thirds = dive_class_groups(train_counts, num_classes, e->group);
  return DIVE_OK;
}

DIVE_API dive_status dive_eval_add(dive_eval *e, const float *logits, const int32_t *labels, int n) {
  const int C = e ? e->num_classes : 0;
  int i, j;
  if (!e || !e->seen || (n && (!logits || !labels)))
    return dive__fail(DIVE_ERR_ARG, "dive_eval_add: evaluation not begun or NULL logits/labels");
  for (i = 0; i < n; i++) {
    const float *row = logits + (size_t)i * C;
    const int y = labels[i];
    int best = 0, above = 0;
    if (y < 0 || y >= C) return dive__fail(DIVE_ERR_ARG, "dive_eval_add: label %d outside [0, %d)", y, C);
    for (j = 1; j < C; j++)
      if (row[j] > row[best]) best = j; /* first maximum, as torch.argmax */
    for (j = 0; j < C; j++) /* rank of the true class: how many logits beat it */
      above += row[j] > row[y] || (row[j] == row[y] && j < y);
    e->seen[y]++;
    e->n++;
    if (best == y) { e->hit1[y]++; e->top1_hits++; }
    if (above < 5) e->top5_hits++;
  }
  return DIVE_OK;
}

DIVE_API dive_status dive_eval_end(dive_eval *e) {
  double gsum[3] = {0, 0, 0};
  int gn[3] = {0, 0, 0}, j;
  if (!e || !e->seen) return dive__fail(DIVE_ERR_ARG, "dive_eval_end: evaluation not begun");
  e->top1 = e->n ? 100.0 * (double)e->top1_hits / (double)e->n : 0;
  e->top5 = e->n ? 100.0 * (double)e->top5_hits / (double)e->n : 0;
  for (j = 0; j < e->num_classes; j++) {
    e->per_class[j] = e->seen[j] ? 100.0 * (double)e->hit1[j] / (double)e->seen[j] : 0;
    if (e->seen[j]) { gsum[e->group[j]] += e->per_class[j]; gn[e->group[j]]++; }
  }
  e->many = gn[0] ? gsum[0] / gn[0] : 0;
  e->medium = gn[1] ? gsum[1] / gn[1] : 0;
  e->few = gn[2] ? gsum[2] / gn[2] : 0;
  return DIVE_OK;
}

DIVE_API dive_status dive_resnet_save_state(dive_resnet *m, const char *path, int64_t epoch) {
  dive__st_entry *e = NULL, *all;
  void *blob = NULL;
  float *mom;
  dive_status s;
  int i, nw = 0, k, d;
  char meta[200];
  unsigned char ep[8];
  if (!m || !path) return dive__fail(DIVE_ERR_ARG, "dive_resnet_save_state: model or path is NULL");
  if (m->ctx->status) return m->ctx->status;
  if ((s = dive__resnet_entries(m, &e, &blob))) return s;
  for (i = 0; i < m->nplist; i++) nw += m->plist[i].kind == DIVE_PARAM_WEIGHT;
  all = (dive__st_entry *)dive__calloc(sizeof *all * (size_t)(m->nplist + nw + 1));
  mom = (float *)DIVE_MALLOC((size_t)m->momentum.numel * 4);
  if (!all || !mom) {
    DIVE_FREE(e); DIVE_FREE(blob); DIVE_FREE(all); DIVE_FREE(mom);
    return dive__ctx_fail(m->ctx, DIVE_ERR_OOM, "dive_resnet_save_state: out of memory");
  }
  memcpy(all, e, sizeof *e * (size_t)m->nplist);
  if ((s = dive_tensor_read(&m->momentum, mom, m->momentum.numel))) goto done;
  for (k = m->nplist, i = 0; i < m->nplist; i++) {
    const dive_param *p = &m->plist[i];
    if (p->kind != DIVE_PARAM_WEIGHT) continue;
    snprintf(all[k].name, sizeof all[k].name, "optim.momentum.%s", p->name);
    snprintf(all[k].dtype, sizeof all[k].dtype, "F32");
    all[k].ndim = p->value.ndim;
    for (d = 0; d < p->value.ndim; d++) all[k].shape[d] = p->value.shape[d];
    all[k].data = mom + (p->momentum.impl.offset - m->momentum.impl.offset);
    all[k].end = (uint64_t)p->value.numel * 4;
    k++;
  }
  for (d = 0; d < 8; d++) ep[d] = (unsigned char)((uint64_t)epoch >> (8 * d));
  snprintf(all[k].name, sizeof all[k].name, "train.epoch");
  snprintf(all[k].dtype, sizeof all[k].dtype, "I64");
  all[k].data = ep;
  all[k].end = 8;
  snprintf(meta, sizeof meta, "\"dive.arch\":\"%s\",\"dive.num_classes\":\"%d\",\"dive.epoch\":\"%lld\"",
           m->arch, m->desc.num_classes, (long long)epoch);
  s = dive__st_write(path, all, k + 1, meta);
  if (s) s = dive__ctx_fail(m->ctx, s, "%s", dive__last_error);
done:
  DIVE_FREE(e); DIVE_FREE(blob); DIVE_FREE(all); DIVE_FREE(mom);
  return s;
}

DIVE_API dive_status dive_resnet_load_state(dive_resnet *m, const char *path, int64_t *epoch) {
  dive__st_file f;
  dive_status s;
  float *mom;
  int i, d;
  char name[80];
  const dive__st_entry *e;
  if (!m || !path || !epoch) return dive__fail(DIVE_ERR_ARG, "dive_resnet_load_state: NULL argument");
  if (m->ctx->status) return m->ctx->status;
  dive__rn_drop_capture(m); /* the steps in flight finish (and count) before the load */
  if (m->ctx->status) return m->ctx->status;
  if ((s = dive__st_open(&f, path))) return dive__ctx_fail(m->ctx, s, "%s", dive__last_error);
  /* the training entries first, so that a file without them changes nothing */
  e = dive__st_find(&f, "train.epoch");
  if (!e || strcmp(e->dtype, "I64") || e->ndim != 0) {
    dive__st_close(&f);
    return dive__ctx_fail(m->ctx, DIVE_ERR_FORMAT, "%s: no \"train.epoch\": a model file, not a training state", path);
  }
  for (i = 0; i < m->nplist; i++) {
    const dive_param *p = &m->plist[i];
    if (p->kind != DIVE_PARAM_WEIGHT) continue;
    snprintf(name, sizeof name, "optim.momentum.%s", p->name);
    e = dive__st_find(&f, name);
    if (!e || strcmp(e->dtype, "F32") || (int64_t)(e->end - e->begin) != p->value.numel * 4) {
      dive__st_close(&f);
      return dive__ctx_fail(m->ctx, DIVE_ERR_FORMAT, "%s: missing or mis-shaped \"%s\"", path, name);
    }
  }
  if ((s = dive__resnet_load_parsed(m, &f, path))) {
    dive__st_close(&f);
    return s;
  }
  mom = (float *)DIVE_MALLOC((size_t)m->momentum.numel * 4);
  if (!mom) { dive__st_close(&f); return dive__ctx_fail(m->ctx, DIVE_ERR_OOM, "dive_resnet_load_state: out of memory"); }
  for (i = 0; i < m->nplist; i++) {
    const dive_param *p = &m->plist[i];
    if (p->kind != DIVE_PARAM_WEIGHT) continue;
    snprintf(name, sizeof name, "optim.momentum.%s", p->name);
    e = dive__st_find(&f, name);
    memcpy(mom + (p->momentum.impl.offset - m->momentum.impl.offset), f.data + e->begin, (size_t)(e->end - e->begin));
  }
  e = dive__st_find(&f, "train.epoch");
  {
    uint64_t v = 0;
    for (d = 0; d < 8; d++) v |= (uint64_t)f.data[e->begin + (uint64_t)d] << (8 * d);
    *epoch = (int64_t)v;
  }
  dive__st_close(&f);
  s = dive_tensor_write(&m->momentum, mom, m->momentum.numel);
  DIVE_FREE(mom);
  return s;
}

/* ================================================================================ >>dist */
#ifdef DIVE_MPI
#ifdef __cplusplus
}
#endif
#ifndef OMPI_SKIP_MPICXX /* the C API is all dive.h uses: leave out MPI's C++ bindings */
#define OMPI_SKIP_MPICXX 1
#endif
#ifndef MPICH_SKIP_MPICXX
#define MPICH_SKIP_MPICXX 1
#endif
#include <mpi.h>
#ifdef __cplusplus
extern "C" {
#endif

struct dive_dist {
  MPI_Comm comm, local;
  int rank, size, local_rank, local_size, finalize;
  double timeout;
};

/* Waits for a non-blocking collective, up to the watchdog's timeout. A peer that died is
   normally reported by the launcher (mpirun / srun end the job and name the rank); this
   covers a peer that hangs, or a launcher that does not: the job is aborted with a message
   instead of waiting forever. */
static dive_status dive__dist_wait(dive_dist *d, MPI_Request *rq, const char *what) {
  double t0 = dive_time_sec(), pause = 1e-5;
  int done = 0;
  for (;;) {
    int e = MPI_Test(rq, &done, MPI_STATUS_IGNORE);
    if (e != MPI_SUCCESS) {
      char msg[MPI_MAX_ERROR_STRING];
      int len = 0;
      MPI_Error_string(e, msg, &len);
      return dive__fail(DIVE_ERR_IO, "dive_dist (rank %d): %s failed: %s", d->rank, what, msg);
    }
    if (done) return DIVE_OK;
    if (dive_time_sec() - t0 > d->timeout) {
      fprintf(stderr, "dive: rank %d: %s got no answer from the other ranks in %.0f s (a rank died or "
              "hangs); aborting the job\n", d->rank, what, d->timeout);
      fflush(stderr);
      MPI_Abort(d->comm, 3);
      return DIVE_ERR_IO;
    }
    {
#if !defined(_WIN32)
      struct timespec ts;
      ts.tv_sec = 0;
      ts.tv_nsec = (long)(pause * 1e9);
      nanosleep(&ts, NULL);
#endif
      pause = DIVE__MIN(pause * 2, 1e-3); /* short waits stay short; long ones poll at 1 kHz */
    }
  }
}

DIVE_API dive_status dive_dist_create(dive_dist **out, const dive_dist_desc *desc) {
  static const char *fn = "dive_dist_create";
  dive_dist *d;
  int inited = 0, prov;
  MPI_Comm base = MPI_COMM_WORLD;
  if (!out) return dive__fail(DIVE_ERR_ARG, "%s: out is NULL", fn);
  *out = NULL;
  if (desc && desc->timeout_s < 0) return dive__fail(DIVE_ERR_ARG, "%s: timeout_s %g < 0", fn, desc->timeout_s);
  d = (dive_dist *)dive__calloc(sizeof *d);
  if (!d) return dive__fail(DIVE_ERR_OOM, "%s: out of memory", fn);
  d->timeout = desc && desc->timeout_s > 0 ? desc->timeout_s : 600.0;
  {
    const char *e = getenv("DIVE_DIST_TIMEOUT"); /* seconds; overrides the desc */
    char *end = NULL;
    double v = e ? strtod(e, &end) : 0;
    if (e && (end == e || *end || !(v > 0))) {
      DIVE_FREE(d);
      return dive__fail(DIVE_ERR_ARG, "%s: DIVE_DIST_TIMEOUT=%s: expected a number of seconds > 0", fn, e);
    }
    if (e) d->timeout = v;
  }
  MPI_Initialized(&inited);
  if (!inited) {
    if (MPI_Init_thread(NULL, NULL, MPI_THREAD_FUNNELED, &prov) != MPI_SUCCESS) {
      DIVE_FREE(d);
      return dive__fail(DIVE_ERR_IO, "%s: MPI_Init_thread failed", fn);
    }
    d->finalize = 1;
  }
  if (desc && desc->comm) base = *(const MPI_Comm *)desc->comm;
  if (MPI_Comm_dup(base, &d->comm) != MPI_SUCCESS ||
      MPI_Comm_split_type(d->comm, MPI_COMM_TYPE_SHARED, 0, MPI_INFO_NULL, &d->local) != MPI_SUCCESS) {
    if (d->finalize) MPI_Finalize();
    DIVE_FREE(d);
    return dive__fail(DIVE_ERR_IO, "%s: cannot duplicate or split the communicator", fn);
  }
  MPI_Comm_set_errhandler(d->comm, MPI_ERRORS_RETURN); /* failures come back as a status */
  MPI_Comm_rank(d->comm, &d->rank);
  MPI_Comm_size(d->comm, &d->size);
  MPI_Comm_rank(d->local, &d->local_rank);
  MPI_Comm_size(d->local, &d->local_size);
  *out = d;
  return DIVE_OK;
}

DIVE_API void dive_dist_destroy(dive_dist *d) {
  if (!d) return;
  MPI_Comm_free(&d->local);
  MPI_Comm_free(&d->comm);
  if (d->finalize) MPI_Finalize();
  DIVE_FREE(d);
}

DIVE_API int dive_dist_rank(const dive_dist *d) { return d ? d->rank : 0; }
DIVE_API int dive_dist_size(const dive_dist *d) { return d ? d->size : 1; }
DIVE_API int dive_dist_local_rank(const dive_dist *d) { return d ? d->local_rank : 0; }
DIVE_API int dive_dist_local_size(const dive_dist *d) { return d ? d->local_size : 1; }

/* in-place sum in pieces of at most 2^30 elements (MPI counts are int) */
static dive_status dive__dist_sum(dive_dist *d, void *v, int64_t n, MPI_Datatype type, size_t esize,
                                  const char *what) {
  int64_t o = 0;
  while (o < n) {
    int c = (int)DIVE__MIN(n - o, (int64_t)1 << 30);
    MPI_Request rq;
    dive_status s;
    if (MPI_Iallreduce(MPI_IN_PLACE, (char *)v + (size_t)o * esize, c, type, MPI_SUM, d->comm, &rq) != MPI_SUCCESS)
      return dive__fail(DIVE_ERR_IO, "dive_dist (rank %d): %s: MPI_Iallreduce failed", d->rank, what);
    if ((s = dive__dist_wait(d, &rq, what))) return s;
    o += c;
  }
  return DIVE_OK;
}
DIVE_API dive_status dive_dist_allreduce_f64(dive_dist *d, double *v, int64_t n) {
  if (!d || (!v && n)) return dive__fail(DIVE_ERR_ARG, "dive_dist_allreduce_f64: d or v is NULL");
  return dive__dist_sum(d, v, n, MPI_DOUBLE, sizeof(double), "an allreduce");
}
DIVE_API dive_status dive_dist_allreduce_f32(dive_dist *d, float *v, int64_t n) {
  if (!d || (!v && n)) return dive__fail(DIVE_ERR_ARG, "dive_dist_allreduce_f32: d or v is NULL");
  return dive__dist_sum(d, v, n, MPI_FLOAT, sizeof(float), "an allreduce");
}

DIVE_API dive_status dive_dist_bcast(dive_dist *d, void *buf, int64_t bytes, int root) {
  MPI_Request rq;
  if (!d || (!buf && bytes) || bytes < 0 || bytes > 0x7FFFFFFF || root < 0 || root >= d->size)
    return dive__fail(DIVE_ERR_ARG, "dive_dist_bcast: bad argument (%lld bytes from root %d)", (long long)bytes, root);
  if (MPI_Ibcast(buf, (int)bytes, MPI_BYTE, root, d->comm, &rq) != MPI_SUCCESS)
    return dive__fail(DIVE_ERR_IO, "dive_dist (rank %d): MPI_Ibcast failed", d->rank);
  return dive__dist_wait(d, &rq, "a broadcast");
}

DIVE_API dive_status dive_dist_barrier(dive_dist *d) {
  MPI_Request rq;
  if (!d) return dive__fail(DIVE_ERR_ARG, "dive_dist_barrier: d is NULL");
  if (MPI_Ibarrier(d->comm, &rq) != MPI_SUCCESS)
    return dive__fail(DIVE_ERR_IO, "dive_dist (rank %d): MPI_Ibarrier failed", d->rank);
  return dive__dist_wait(d, &rq, "a barrier");
}

DIVE_API void dive_dist_abort(dive_dist *d, int code, const char *msg) {
  if (msg) fprintf(stderr, "dive: rank %d: %s; aborting the job\n", d ? d->rank : -1, msg);
  fflush(stderr);
  fflush(stdout);
  MPI_Abort(d ? d->comm : MPI_COMM_WORLD, code ? code : 1);
  exit(code ? code : 1); /* MPI_Abort does not return; in case it does */
}

DIVE_API dive_status dive_dist_agree(dive_dist *d, dive_status s, int *rank) {
  int v[2], r;
  MPI_Request rq;
  dive_status w;
  if (!d) return dive__fail(DIVE_ERR_ARG, "dive_dist_agree: d is NULL");
  v[0] = (int)s; /* the worst status: MPI_MIN of the negative codes */
  v[1] = s ? d->rank : d->size;
  if (MPI_Iallreduce(MPI_IN_PLACE, v, 2, MPI_INT, MPI_MIN, d->comm, &rq) != MPI_SUCCESS)
    return dive__fail(DIVE_ERR_IO, "dive_dist (rank %d): MPI_Iallreduce failed", d->rank);
  if ((w = dive__dist_wait(d, &rq, "a status exchange"))) return w;
  r = v[1] < d->size ? v[1] : -1;
  if (rank) *rank = r;
  return (dive_status)v[0];
}

/* --- the model driver across ranks (dive_resnet_set_dist) --- */
DIVE_API dive_status dive_resnet_set_dist(dive_resnet *m, dive_dist *d, const dive_resnet_dist_desc *desc) {
  static const char *fn = "dive_resnet_set_dist";
  if (!m) return dive__fail(DIVE_ERR_ARG, "%s: model is NULL", fn);
  if (m->ctx->status) return m->ctx->status;
  if (desc && !(desc->bucket_mb >= 0 && desc->bucket_mb <= 2048))
    return dive__ctx_fail(m->ctx, DIVE_ERR_ARG, "%s: bucket_mb %g outside 0..2048", fn, desc->bucket_mb);
  m->dist = d;
  m->sync_bn = d && desc && desc->sync_bn;
  m->dist_secs[0] = m->dist_secs[1] = 0;
  m->dist_early = 0;
  m->dist_bucket_mb = desc && desc->bucket_mb > 0 ? desc->bucket_mb : 25.0;
  return DIVE_OK;
}

DIVE_API void dive_resnet_dist_stats(const dive_resnet *m, double *allreduce_s, int64_t *steps,
                                     int64_t *early_buckets) {
  if (allreduce_s) *allreduce_s = m ? m->dist_secs[0] : 0;
  if (steps) *steps = m ? (int64_t)m->dist_secs[1] : 0;
  if (early_buckets) *early_buckets = m ? m->dist_early : 0;
}

/* a status from the dist layer (its message in dive_last_error) made sticky on the ctx */
static dive_status dive__rn_dist_fail(dive_resnet *m, dive_status s) {
  return m->ctx->status ? m->ctx->status : dive__ctx_fail(m->ctx, s, "%s", dive_last_error());
}

DIVE_API dive_status dive_resnet_dist_check(dive_resnet *m) {
  static const char *fn = "dive_resnet_dist_check";
  dive_dist *d;
  double v[4];
  float *h;
  int64_t np, nb;
  int i;
  dive_status s;
  if (!m || !m->dist) return dive__fail(DIVE_ERR_ARG, "%s: model is NULL or has no dist attached", fn);
  if (m->ctx->status) return m->ctx->status;
  d = (dive_dist *)m->dist;
  np = m->params.numel;
  nb = m->buffers.numel;
  h = (float *)DIVE_MALLOC(sizeof(float) * (size_t)(np + nb) + 1);
  if (!h) return dive__ctx_fail(m->ctx, DIVE_ERR_OOM, "%s: out of memory", fn);
  if ((s = dive_tensor_read(&m->params, h, np)) || (nb && (s = dive_tensor_read(&m->buffers, h + np, nb)))) {
    DIVE_FREE(h);
    return s;
  }
  v[0] = (double)dive__crc32(0, h, sizeof(float) * (size_t)(np + nb));
  for (i = 0; i < m->nplist; i++) /* the counters too */
    if (m->plist[i].kind == DIVE_PARAM_COUNTER) v[0] += (double)*m->plist[i].counter * 4294967296.0;
  DIVE_FREE(h);
  v[1] = -v[0]; /* the largest and the smallest checksum in one MAX reduction */
  {
    MPI_Request rq;
    if (MPI_Iallreduce(MPI_IN_PLACE, v, 2, MPI_DOUBLE, MPI_MAX, d->comm, &rq) != MPI_SUCCESS)
      return dive__ctx_fail(m->ctx, DIVE_ERR_IO, "%s (rank %d): MPI_Iallreduce failed", fn, d->rank);
    if ((s = dive__dist_wait(d, &rq, "the replica check"))) return dive__rn_dist_fail(m, s);
  }
  if (v[0] != -v[1])
    return dive__ctx_fail(m->ctx, DIVE_ERR_NONFINITE, "%s (rank %d): the replicas' weights differ across the ranks "
                          "(checksums %.0f .. %.0f): the MPI library's sums are not the same on every rank", fn,
                          d->rank, -v[1], v[0]);
  return DIVE_OK;
}

/* The global mean loss of the step and this rank's share n / (global batch); a NaN or an
   infinity on any rank makes the global loss non-finite on every rank. */
static dive_status dive__resnet_loss_sync(dive_resnet *m, float *loss, int n) {
  double v[2];
  dive_status s;
  v[0] = (double)*loss * n;
  v[1] = n;
  if ((s = dive_dist_allreduce_f64((dive_dist *)m->dist, v, 2))) return dive__rn_dist_fail(m, s);
  m->dist_total = (int)v[1];
  m->dist_w = (double)n / v[1];
  *loss = (float)(v[0] / v[1]);
  /* the buckets for this step's backward (dive__resnet_grad_ready) */
  {
    const int64_t bucket = DIVE__MAX((int64_t)(m->dist_bucket_mb * 262144.0), 1);
    const int64_t nb = (m->grads.numel + bucket - 1) / bucket;
    if (nb != m->dist_nb) {
      DIVE_FREE(m->dist_rq);
      m->dist_nb = 0;
      if (!(m->dist_rq = DIVE_MALLOC(sizeof(MPI_Request) * (size_t)nb)))
        return dive__ctx_fail(m->ctx, DIVE_ERR_OOM, "dive_resnet_train_step: out of memory");
      m->dist_nb = nb;
    }
    m->dist_next = nb - 1;
    m->dist_live = 1;
  }
  return DIVE_OK;
}

/* Start the allreduce of every bucket that lies wholly at or after element `from` of the
   gradient arena (backward has finished every layer there), from the end of the arena
   down; and give MPI a chance to progress the ones in flight. CPU only (the Vulkan
   gradients are summed on the host after backward); in a train step only. */
static void dive__resnet_grad_post(dive_resnet *m, float *g, int64_t from) {
  dive_dist *d = (dive_dist *)m->dist;
  MPI_Request *rq = (MPI_Request *)m->dist_rq;
  const float w = (float)m->dist_w;
  const int64_t n = m->grads.numel, bucket = DIVE__MAX((int64_t)(m->dist_bucket_mb * 262144.0), 1);
  int flag;
  if (!m->dist_live || !g || m->ctx->status) return;
  while (m->dist_next >= 0 && m->dist_next * bucket >= from) {
    const int64_t b = m->dist_next, lo = b * bucket, hi = DIVE__MIN(n, lo + bucket);
    int64_t j;
    if (w != 1.0f)
      for (j = lo; j < hi; j++) g[j] *= w;
    if (MPI_Iallreduce(MPI_IN_PLACE, g + lo, (int)(hi - lo), MPI_FLOAT, MPI_SUM, d->comm, &rq[b]) != MPI_SUCCESS) {
      /* the job cannot go on with some buckets in flight: end it */
      fprintf(stderr, "dive: rank %d: MPI_Iallreduce of the gradients failed; aborting the job\n", d->rank);
      fflush(stderr);
      MPI_Abort(d->comm, 3);
    }
    m->dist_next--;
  }
  if (m->dist_next < m->dist_nb - 1) /* progress (MPI may move data only inside its calls) */
    MPI_Testall((int)(m->dist_nb - 1 - m->dist_next), rq + m->dist_next + 1, &flag, MPI_STATUSES_IGNORE);
}
static void dive__resnet_grad_ready(dive_resnet *m, int64_t from) { dive__resnet_grad_post(m, dive__f(&m->grads), from); }

/* The gradients of the global mean loss: each rank's (of its local mean) weighted by its
   share n_r / N and summed over the ranks, in place over the flat arena, in buckets of
   dist_bucket_mb. On the CPU the buckets start during backward (dive__resnet_grad_ready
   after each block: the arena is in state_dict order, so once backward is past block i
   every bucket from block i's first weight to the fc layer at the end is final) and are
   all waited for here, in the order they started. Vulkan: after backward the arena is
   downloaded, summed on the host and uploaded (a host sync in the middle of the step). Without sync-BN the running statistics are rank 0's, broadcast
   after the sum (as DDP's broadcast_buffers), so every replica stays bitwise the same. */
static dive_status dive__resnet_grad_sync(dive_resnet *m) {
  dive_dist *d = (dive_dist *)m->dist;
  dive_ctx *ctx = m->ctx;
  const int64_t n = m->grads.numel;
  float *g = dive__f(&m->grads);
  double t0 = dive_time_sec();
  int64_t b;
  dive_status s = DIVE_OK;
  if (!m->dist_live) return dive__ctx_fail(ctx, DIVE_ERR_ARG, "dive_resnet_train_step: gradient sync without a loss sync");
  if (!g) { /* device memory: stage through the host */
    if (!(g = dive__rn_grad_host(m))) return ctx->status;
    if ((s = dive_tensor_read(&m->grads, g, n))) return s;
  }
  m->dist_early += m->dist_nb - 1 - m->dist_next;
  dive__resnet_grad_post(m, g, 0); /* every bucket backward has not started (on the CPU: the stem's) */
  m->dist_live = 0;
  for (b = m->dist_nb - 1; b >= 0 && !s; b--)
    s = dive__dist_wait(d, (MPI_Request *)m->dist_rq + b, "the gradient allreduce");
  if (s) return dive__rn_dist_fail(m, s);
  m->dist_secs[0] += dive_time_sec() - t0;
  m->dist_secs[1] += 1;
  if (!dive__f(&m->grads)) {
    if ((s = dive_tensor_write(&m->grads, g, n))) return s;
    m->grad_host_fresh = 1; /* the step's non-finite scan reads the sum from here */
  }
  if (!m->sync_bn && m->buffers.numel) {
    float *hb = dive__f(&m->buffers), *tmp = NULL;
    if (!hb) {
      if (!(tmp = (float *)DIVE_MALLOC(sizeof(float) * (size_t)m->buffers.numel)))
        return dive__ctx_fail(ctx, DIVE_ERR_OOM, "dive_resnet_train_step: out of memory");
      if ((s = dive_tensor_read(&m->buffers, tmp, m->buffers.numel))) { DIVE_FREE(tmp); return s; }
      hb = tmp;
    }
    s = dive_dist_bcast(d, hb, (int64_t)sizeof(float) * m->buffers.numel, 0);
    if (!s && tmp) s = dive_tensor_write(&m->buffers, tmp, m->buffers.numel);
    DIVE_FREE(tmp);
    if (s) return dive__rn_dist_fail(m, s);
  }
  return ctx->status;
}

/* A host pointer to t's data: the CPU's own memory, or (Vulkan) a copy in slot `slot`,
   read from the device when `read`; dive__sbn_put writes the copy back. */
static float *dive__sbn_get(dive_resnet *m, const dive_tensor *t, int slot, int read) {
  float *p = dive__f(t);
  if (p) return p;
  if (m->sbn_cap[slot] < t->numel) {
    float *q = (float *)DIVE_REALLOC(m->sbn_host[slot], sizeof(float) * (size_t)t->numel);
    if (!q) { dive__ctx_fail(m->ctx, DIVE_ERR_OOM, "dive_resnet: out of memory (sync-BN host copy)"); return NULL; }
    m->sbn_host[slot] = q;
    m->sbn_cap[slot] = t->numel;
  }
  if (read && dive_tensor_read(t, m->sbn_host[slot], t->numel)) return NULL;
  return m->sbn_host[slot];
}
static dive_status dive__sbn_put(dive_resnet *m, dive_tensor *t, const float *p) {
  return dive__f(t) ? m->ctx->status : dive_tensor_write(t, p, t->numel);
}

/* Sync-BN forward (training): c = conv(x); the batch sums of c (sum and sum of squares,
   in double) over every rank's images; then y = [relu](bn(c) [+ res]) with those
   statistics and the running ones updated, as the fused step does with one rank's. The
   sums are taken on the host: on Vulkan c (and res) are downloaded and y uploaded. */
static dive_status dive__rn_sbn_forward(dive_resnet *m, dive__rn_unit *u, dive_tensor *y, dive_tensor *c,
                                        const dive_tensor *x, const dive_tensor *res, int n) {
  dive_ctx *ctx = m->ctx;
  const int K = u->out_c;
  const int64_t HW = (int64_t)u->out_h * u->out_w, CHW = (int64_t)K * HW;
  const dive__rowfns *f = dive__rowfns_get();
  const float mom = DIVE__BN_MOMENTUM;
  float *hc, *hy, *hr = NULL, *sm;
  double *st;
  dive_status s;
  int k;
  if ((s = dive_conv2d_forward(ctx, c, x, &u->w, NULL, u->stride, u->pad, u->groups))) return s;
  if (!(hc = dive__sbn_get(m, c, 0, 1)) || !(hy = dive__sbn_get(m, y, 1, 0)) || (res && !(hr = dive__sbn_get(m, res, 2, 1))))
    return ctx->status;
  st = (double *)DIVE_MALLOC(sizeof(double) * (size_t)(2 * K + 1));
  sm = (float *)DIVE_MALLOC(sizeof(float) * (size_t)(6 * K));
  if (!st || !sm) { DIVE_FREE(st); DIVE_FREE(sm); return dive__ctx_fail(ctx, DIVE_ERR_OOM, "dive_resnet_forward: out of memory"); }
  DIVE__OMP_FOR
  for (k = 0; k < K; k++) {
    double s1 = 0, s2 = 0;
    int64_t i, b;
    for (b = 0; b < n; b++) {
      const float *p = hc + b * CHW + (int64_t)k * HW;
      for (i = 0; i < HW; i++) { s1 += p[i]; s2 += (double)p[i] * p[i]; }
    }
    st[k] = s1;
    st[K + k] = s2;
  }
  st[2 * K] = (double)n * (double)HW;
  s = dive_dist_allreduce_f64((dive_dist *)m->dist, st, 2 * K + 1);
  /* sm: gamma, beta, running mean, running var, mean, rstd */
  if (!s) s = dive_tensor_read(&u->gamma, sm, K);
  if (!s) s = dive_tensor_read(&u->beta, sm + K, K);
  if (!s) s = dive_tensor_read(&u->rmean, sm + 2 * K, K);
  if (!s) s = dive_tensor_read(&u->rvar, sm + 3 * K, K);
  if (!s) {
    const double M = st[2 * K];
    for (k = 0; k < K; k++) {
      double mu = st[k] / M, v = st[K + k] / M - mu * mu;
      float muf = (float)mu, var = (float)(v > 0 ? v : 0);
      sm[2 * K + k] = (1.0f - mom) * sm[2 * K + k] + mom * muf;
      sm[3 * K + k] = (1.0f - mom) * sm[3 * K + k] + mom * var * ((float)M / (float)(M - 1));
      sm[4 * K + k] = muf;
      sm[5 * K + k] = 1.0f / sqrtf(var + DIVE__BN_EPS);
    }
    DIVE__OMP_FOR
    for (k = 0; k < K; k++) {
      const float scale = sm[5 * K + k] * sm[k], shift = sm[K + k] - sm[4 * K + k] * scale;
      int64_t b;
      for (b = 0; b < n; b++) {
        const int64_t o = b * CHW + (int64_t)k * HW;
        f->apply(hy + o, hc + o, hr ? hr + o : NULL, scale, shift, u->relu, HW);
      }
    }
    if (!(s = dive_tensor_write(&u->rmean, sm + 2 * K, K)) && !(s = dive_tensor_write(&u->rvar, sm + 3 * K, K)) &&
        !(s = dive_tensor_write(&u->mean, sm + 4 * K, K)) && !(s = dive_tensor_write(&u->rstd, sm + 5 * K, K)))
      s = dive__sbn_put(m, y, hy);
  } else if (!ctx->status) {
    s = dive__rn_dist_fail(m, s);
  }
  DIVE_FREE(st);
  DIVE_FREE(sm);
  return s;
}

/* Sync-BN backward: dy masked by y > 0 (with ReLU; in place, the shortcut reads it), the
   sums of dy and dy * xhat over every rank, then dc from them. The rank's dy is the
   gradient of its own mean loss, n_r / N times that of the global one: its sums are
   weighted by that share before they are added and the result is taken back to this
   rank's scale, so unequal local batches are right. dgamma and dbeta get this rank's own
   sums (the gradient sync averages them, as for every weight). */
static dive_status dive__rn_sbn_backward(dive_resnet *m, dive__rn_unit *u, dive_tensor *dc, dive_tensor *dy,
                                         const dive_tensor *y, const dive_tensor *c, int n) {
  dive_ctx *ctx = m->ctx;
  const int K = u->out_c;
  const int64_t HW = (int64_t)u->out_h * u->out_w, CHW = (int64_t)K * HW;
  const dive__rowfns *f = dive__rowfns_get();
  const double w = m->dist_w, M = (double)m->dist_total * (double)HW;
  float *hdy, *hc, *hdc, *hy = NULL, *sm;
  double *st;
  dive_status s;
  int k;
  if (ctx->status) return ctx->status;
  if (!(hdy = dive__sbn_get(m, dy, 0, 1)) || !(hc = dive__sbn_get(m, c, 1, 1)) || !(hdc = dive__sbn_get(m, dc, 2, 0)) ||
      (y && !(hy = dive__sbn_get(m, y, 3, 1))))
    return ctx->status;
  st = (double *)DIVE_MALLOC(sizeof(double) * (size_t)(2 * K));
  sm = (float *)DIVE_MALLOC(sizeof(float) * (size_t)(5 * K));
  if (!st || !sm) { DIVE_FREE(st); DIVE_FREE(sm); return dive__ctx_fail(ctx, DIVE_ERR_OOM, "dive_resnet_backward: out of memory"); }
  /* sm: mean, rstd, gamma, dgamma, dbeta */
  s = dive_tensor_read(&u->mean, sm, K);
  if (!s) s = dive_tensor_read(&u->rstd, sm + K, K);
  if (!s) s = dive_tensor_read(&u->gamma, sm + 2 * K, K);
  if (!s) s = dive_tensor_read(&u->dgamma, sm + 3 * K, K);
  if (!s) s = dive_tensor_read(&u->dbeta, sm + 4 * K, K);
  if (s) { DIVE_FREE(st); DIVE_FREE(sm); return s; }
  DIVE__OMP_FOR
  for (k = 0; k < K; k++) {
    const float mu = sm[k];
    double s1 = 0, s2 = 0;
    int64_t i, b;
    for (b = 0; b < n; b++) {
      const int64_t o = b * CHW + (int64_t)k * HW;
      float *g = hdy + o;
      const float *xc = hc + o;
      if (hy)
        for (i = 0; i < HW; i++) g[i] = hy[o + i] > 0.0f ? g[i] : 0.0f;
      for (i = 0; i < HW; i++) { s1 += g[i]; s2 += (double)g[i] * (xc[i] - mu); }
    }
    s2 *= sm[K + k]; /* sum dy xhat */
    sm[4 * K + k] += (float)s1;
    sm[3 * K + k] += (float)s2;
    st[k] = s1 * w;
    st[K + k] = s2 * w;
  }
  s = dive_dist_allreduce_f64((dive_dist *)m->dist, st, 2 * K);
  if (s) {
    s = dive__rn_dist_fail(m, s);
  } else {
    DIVE__OMP_FOR
    for (k = 0; k < K; k++) {
      const float rs = sm[K + k], kk = sm[2 * K + k] * rs, a = (float)(st[k] / (w * M));
      const float bb = (float)(st[K + k] / (w * M)) * rs;
      int64_t b;
      for (b = 0; b < n; b++) {
        const int64_t o = b * CHW + (int64_t)k * HW;
        f->dx(hdc + o, hdy + o, hc + o, kk, a, sm[k], bb, HW);
      }
    }
    if (!(s = dive_tensor_write(&u->dgamma, sm + 3 * K, K)) && !(s = dive_tensor_write(&u->dbeta, sm + 4 * K, K)) &&
        !(s = dive__sbn_put(m, dc, hdc)) && y)
      s = dive__sbn_put(m, dy, hdy);
  }
  DIVE_FREE(st);
  DIVE_FREE(sm);
  return s;
}
#else
/* without DIVE_MPI no model has a dist attached: these are never called */
static dive_status dive__resnet_loss_sync(dive_resnet *m, float *loss, int n) {
  (void)loss; (void)n;
  return dive__ctx_fail(m->ctx, DIVE_ERR_UNSUPPORTED, "data parallelism needs DIVE_MPI");
}
static dive_status dive__resnet_grad_sync(dive_resnet *m) {
  return dive__ctx_fail(m->ctx, DIVE_ERR_UNSUPPORTED, "data parallelism needs DIVE_MPI");
}
static void dive__resnet_grad_ready(dive_resnet *m, int64_t from) { (void)m; (void)from; }
static dive_status dive__rn_sbn_forward(dive_resnet *m, dive__rn_unit *u, dive_tensor *y, dive_tensor *c,
                                        const dive_tensor *x, const dive_tensor *res, int n) {
  (void)u; (void)y; (void)c; (void)x; (void)res; (void)n;
  return dive__ctx_fail(m->ctx, DIVE_ERR_UNSUPPORTED, "sync-BN needs DIVE_MPI");
}
static dive_status dive__rn_sbn_backward(dive_resnet *m, dive__rn_unit *u, dive_tensor *dc, dive_tensor *dy,
                                         const dive_tensor *y, const dive_tensor *c, int n) {
  (void)u; (void)dc; (void)dy; (void)y; (void)c; (void)n;
  return dive__ctx_fail(m->ctx, DIVE_ERR_UNSUPPORTED, "sync-BN needs DIVE_MPI");
}
#endif /* DIVE_MPI */

/* ============================================================================== >>spirv */
/* Generated: every shader of shaders/ as SPIR-V words (shaders/embed.py), so that users
   need no shader compiler. Kept last so that the code above reads without it. */
#ifndef DIVE_NO_VULKAN
// >>>dive-spirv (generated by shaders/embed.py from shaders/*.comp; do not edit)
// glslang 12.0.0, sources sha256:7b855f15b0e10237, 22 shaders
static const uint32_t dive__spv_copy[] = { /* copy.comp, 393 words */
  0x07230203, 0x00010300, 0x0008000b, 0x00000060, 0x00000000, 0x00020011, 0x00000001, 0x0006000b,
  0x00000001, 0x4c534c47, 0x6474732e, 0x3035342e, 0x00000000, 0x0003000e, 0x00000000, 0x00000001,
  0x0008000f, 0x00000005, 0x00000004, 0x6e69616d, 0x00000000, 0x0000000c, 0x00000011, 0x0000001d,
  0x00060010, 0x00000004, 0x00000011, 0x00000100, 0x00000001, 0x00000001, 0x00040047, 0x0000000c,
  0x0000000b, 0x0000001a, 0x00040047, 0x00000011, 0x0000000b, 0x00000018, 0x00040047, 0x00000019,
  0x00000001, 0x00000000, 0x00040047, 0x0000001a, 0x0000000b, 0x00000019, 0x00040047, 0x0000001d,
  0x0000000b, 0x0000001b, 0x00050048, 0x00000027, 0x00000000, 0x00000023, 0x00000000, 0x00050048,
  0x00000027, 0x00000001, 0x00000023, 0x00000004, 0x00050048, 0x00000027, 0x00000002, 0x00000023,
  0x00000008, 0x00030047, 0x00000027, 0x00000002, 0x00040047, 0x00000035, 0x00000006, 0x00000004,
  0x00040048, 0x00000036, 0x00000000, 0x00000019, 0x00050048, 0x00000036, 0x00000000, 0x00000023,
  0x00000000, 0x00030047, 0x00000036, 0x00000002, 0x00040047, 0x00000038, 0x00000022, 0x00000000,
  0x00040047, 0x00000038, 0x00000021, 0x00000001, 0x00040047, 0x0000003f, 0x00000006, 0x00000004,
  0x00040048, 0x00000040, 0x00000000, 0x00000018, 0x00050048, 0x00000040, 0x00000000, 0x00000023,
  0x00000000, 0x00030047, 0x00000040, 0x00000002, 0x00040047, 0x00000042, 0x00000022, 0x00000000,
  0x00040047, 0x00000042, 0x00000021, 0x00000000, 0x00020013, 0x00000002, 0x00030021, 0x00000003,
  0x00000002, 0x00040015, 0x00000006, 0x00000020, 0x00000000, 0x00040017, 0x0000000a, 0x00000006,
  0x00000003, 0x00040020, 0x0000000b, 0x00000001, 0x0000000a, 0x0004003b, 0x0000000b, 0x0000000c,
  0x00000001, 0x0004002b, 0x00000006, 0x0000000d, 0x00000001, 0x00040020, 0x0000000e, 0x00000001,
  0x00000006, 0x0004003b, 0x0000000b, 0x00000011, 0x00000001, 0x0004002b, 0x00000006, 0x00000012,
  0x00000000, 0x00040032, 0x00000006, 0x00000019, 0x00000100, 0x00060033, 0x0000000a, 0x0000001a,
  0x00000019, 0x0000000d, 0x0000000d, 0x0004003b, 0x0000000b, 0x0000001d, 0x00000001, 0x0005001e,
  0x00000027, 0x00000006, 0x00000006, 0x00000006, 0x00040020, 0x00000028, 0x00000009, 0x00000027,
  0x0004003b, 0x00000028, 0x00000029, 0x00000009, 0x00040015, 0x0000002a, 0x00000020, 0x00000001,
  0x0004002b, 0x0000002a, 0x0000002b, 0x00000002, 0x00040020, 0x0000002c, 0x00000009, 0x00000006,
  0x00020014, 0x0000002f, 0x00030016, 0x00000034, 0x00000020, 0x0003001d, 0x00000035, 0x00000034,
  0x0003001e, 0x00000036, 0x00000035, 0x00040020, 0x00000037, 0x0000000c, 0x00000036, 0x0004003b,
  0x00000037, 0x00000038, 0x0000000c, 0x0004002b, 0x0000002a, 0x00000039, 0x00000000, 0x0004002b,
  0x0000002a, 0x0000003a, 0x00000001, 0x0003001d, 0x0000003f, 0x00000034, 0x0003001e, 0x00000040,
  0x0000003f, 0x00040020, 0x00000041, 0x0000000c, 0x00000040, 0x0004003b, 0x00000041, 0x00000042,
  0x0000000c, 0x00040020, 0x00000047, 0x0000000c, 0x00000034, 0x00050036, 0x00000002, 0x00000004,
  0x00000000, 0x00000003, 0x000200f8, 0x00000005, 0x000300f7, 0x0000004b, 0x00000000, 0x000300fb,
  0x00000012, 0x0000004c, 0x000200f8, 0x0000004c, 0x00050041, 0x0000000e, 0x00000053, 0x0000000c,
  0x0000000d, 0x0004003d, 0x00000006, 0x00000054, 0x00000053, 0x00050041, 0x0000000e, 0x00000055,
  0x00000011, 0x00000012, 0x0004003d, 0x00000006, 0x00000056, 0x00000055, 0x00050084, 0x00000006,
  0x00000057, 0x00000054, 0x00000056, 0x00050041, 0x0000000e, 0x00000058, 0x0000000c, 0x00000012,
  0x0004003d, 0x00000006, 0x00000059, 0x00000058, 0x00050080, 0x00000006, 0x0000005a, 0x00000057,
  0x00000059, 0x00050051, 0x00000006, 0x0000005b, 0x0000001a, 0x00000000, 0x00050084, 0x00000006,
  0x0000005c, 0x0000005a, 0x0000005b, 0x00050041, 0x0000000e, 0x0000005d, 0x0000001d, 0x00000012,
  0x0004003d, 0x00000006, 0x0000005e, 0x0000005d, 0x00050080, 0x00000006, 0x0000005f, 0x0000005c,
  0x0000005e, 0x00050041, 0x0000002c, 0x0000002d, 0x00000029, 0x0000002b, 0x0004003d, 0x00000006,
  0x0000002e, 0x0000002d, 0x000500ae, 0x0000002f, 0x00000030, 0x0000005f, 0x0000002e, 0x000300f7,
  0x00000032, 0x00000000, 0x000400fa, 0x00000030, 0x00000031, 0x00000032, 0x000200f8, 0x00000031,
  0x000200f9, 0x0000004b, 0x000200f8, 0x00000032, 0x00050041, 0x0000002c, 0x0000003b, 0x00000029,
  0x0000003a, 0x0004003d, 0x00000006, 0x0000003c, 0x0000003b, 0x00050080, 0x00000006, 0x0000003e,
  0x0000003c, 0x0000005f, 0x00050041, 0x0000002c, 0x00000043, 0x00000029, 0x00000039, 0x0004003d,
  0x00000006, 0x00000044, 0x00000043, 0x00050080, 0x00000006, 0x00000046, 0x00000044, 0x0000005f,
  0x00060041, 0x00000047, 0x00000048, 0x00000042, 0x00000039, 0x00000046, 0x0004003d, 0x00000034,
  0x00000049, 0x00000048, 0x00060041, 0x00000047, 0x0000004a, 0x00000038, 0x00000039, 0x0000003e,
  0x0003003e, 0x0000004a, 0x00000049, 0x000200f9, 0x0000004b, 0x000200f8, 0x0000004b, 0x000100fd,
  0x00010038,
};
static const uint32_t dive__spv_relu_fwd[] = { /* relu_fwd.comp, 404 words */
  0x07230203, 0x00010300, 0x0008000b, 0x00000062, 0x00000000, 0x00020011, 0x00000001, 0x0006000b,
  0x00000001, 0x4c534c47, 0x6474732e, 0x3035342e, 0x00000000, 0x0003000e, 0x00000000, 0x00000001,
  0x0008000f, 0x00000005, 0x00000004, 0x6e69616d, 0x00000000, 0x0000000c, 0x00000011, 0x0000001d,
  0x00060010, 0x00000004, 0x00000011, 0x00000100, 0x00000001, 0x00000001, 0x00040047, 0x0000000c,
  0x0000000b, 0x0000001a, 0x00040047, 0x00000011, 0x0000000b, 0x00000018, 0x00040047, 0x00000019,
  0x00000001, 0x00000000, 0x00040047, 0x0000001a, 0x0000000b, 0x00000019, 0x00040047, 0x0000001d,
  0x0000000b, 0x0000001b, 0x00050048, 0x00000027, 0x00000000, 0x00000023, 0x00000000, 0x00050048,
  0x00000027, 0x00000001, 0x00000023, 0x00000004, 0x00050048, 0x00000027, 0x00000002, 0x00000023,
  0x00000008, 0x00030047, 0x00000027, 0x00000002, 0x00040047, 0x00000035, 0x00000006, 0x00000004,
  0x00040048, 0x00000036, 0x00000000, 0x00000019, 0x00050048, 0x00000036, 0x00000000, 0x00000023,
  0x00000000, 0x00030047, 0x00000036, 0x00000002, 0x00040047, 0x00000038, 0x00000022, 0x00000000,
  0x00040047, 0x00000038, 0x00000021, 0x00000001, 0x00040047, 0x0000003f, 0x00000006, 0x00000004,
  0x00040048, 0x00000040, 0x00000000, 0x00000018, 0x00050048, 0x00000040, 0x00000000, 0x00000023,
  0x00000000, 0x00030047, 0x00000040, 0x00000002, 0x00040047, 0x00000042, 0x00000022, 0x00000000,
  0x00040047, 0x00000042, 0x00000021, 0x00000000, 0x00020013, 0x00000002, 0x00030021, 0x00000003,
  0x00000002, 0x00040015, 0x00000006, 0x00000020, 0x00000000, 0x00040017, 0x0000000a, 0x00000006,
  0x00000003, 0x00040020, 0x0000000b, 0x00000001, 0x0000000a, 0x0004003b, 0x0000000b, 0x0000000c,
  0x00000001, 0x0004002b, 0x00000006, 0x0000000d, 0x00000001, 0x00040020, 0x0000000e, 0x00000001,
  0x00000006, 0x0004003b, 0x0000000b, 0x00000011, 0x00000001, 0x0004002b, 0x00000006, 0x00000012,
  0x00000000, 0x00040032, 0x00000006, 0x00000019, 0x00000100, 0x00060033, 0x0000000a, 0x0000001a,
  0x00000019, 0x0000000d, 0x0000000d, 0x0004003b, 0x0000000b, 0x0000001d, 0x00000001, 0x0005001e,
  0x00000027, 0x00000006, 0x00000006, 0x00000006, 0x00040020, 0x00000028, 0x00000009, 0x00000027,
  0x0004003b, 0x00000028, 0x00000029, 0x00000009, 0x00040015, 0x0000002a, 0x00000020, 0x00000001,
  0x0004002b, 0x0000002a, 0x0000002b, 0x00000002, 0x00040020, 0x0000002c, 0x00000009, 0x00000006,
  0x00020014, 0x0000002f, 0x00030016, 0x00000034, 0x00000020, 0x0003001d, 0x00000035, 0x00000034,
  0x0003001e, 0x00000036, 0x00000035, 0x00040020, 0x00000037, 0x0000000c, 0x00000036, 0x0004003b,
  0x00000037, 0x00000038, 0x0000000c, 0x0004002b, 0x0000002a, 0x00000039, 0x00000000, 0x0004002b,
  0x0000002a, 0x0000003a, 0x00000001, 0x0003001d, 0x0000003f, 0x00000034, 0x0003001e, 0x00000040,
  0x0000003f, 0x00040020, 0x00000041, 0x0000000c, 0x00000040, 0x0004003b, 0x00000041, 0x00000042,
  0x0000000c, 0x00040020, 0x00000047, 0x0000000c, 0x00000034, 0x0004002b, 0x00000034, 0x0000004a,
  0x00000000, 0x00050036, 0x00000002, 0x00000004, 0x00000000, 0x00000003, 0x000200f8, 0x00000005,
  0x000300f7, 0x0000004d, 0x00000000, 0x000300fb, 0x00000012, 0x0000004e, 0x000200f8, 0x0000004e,
  0x00050041, 0x0000000e, 0x00000055, 0x0000000c, 0x0000000d, 0x0004003d, 0x00000006, 0x00000056,
  0x00000055, 0x00050041, 0x0000000e, 0x00000057, 0x00000011, 0x00000012, 0x0004003d, 0x00000006,
  0x00000058, 0x00000057, 0x00050084, 0x00000006, 0x00000059, 0x00000056, 0x00000058, 0x00050041,
  0x0000000e, 0x0000005a, 0x0000000c, 0x00000012, 0x0004003d, 0x00000006, 0x0000005b, 0x0000005a,
  0x00050080, 0x00000006, 0x0000005c, 0x00000059, 0x0000005b, 0x00050051, 0x00000006, 0x0000005d,
  0x0000001a, 0x00000000, 0x00050084, 0x00000006, 0x0000005e, 0x0000005c, 0x0000005d, 0x00050041,
  0x0000000e, 0x0000005f, 0x0000001d, 0x00000012, 0x0004003d, 0x00000006, 0x00000060, 0x0000005f,
  0x00050080, 0x00000006, 0x00000061, 0x0000005e, 0x00000060, 0x00050041, 0x0000002c, 0x0000002d,
  0x00000029, 0x0000002b, 0x0004003d, 0x00000006, 0x0000002e, 0x0000002d, 0x000500ae, 0x0000002f,
  0x00000030, 0x00000061, 0x0000002e, 0x000300f7, 0x00000032, 0x00000000, 0x000400fa, 0x00000030,
  0x00000031, 0x00000032, 0x000200f8, 0x00000031, 0x000200f9, 0x0000004d, 0x000200f8, 0x00000032,
  0x00050041, 0x0000002c, 0x0000003b, 0x00000029, 0x0000003a, 0x0004003d, 0x00000006, 0x0000003c,
  0x0000003b, 0x00050080, 0x00000006, 0x0000003e, 0x0000003c, 0x00000061, 0x00050041, 0x0000002c,
  0x00000043, 0x00000029, 0x00000039, 0x0004003d, 0x00000006, 0x00000044, 0x00000043, 0x00050080,
  0x00000006, 0x00000046, 0x00000044, 0x00000061, 0x00060041, 0x00000047, 0x00000048, 0x00000042,
  0x00000039, 0x00000046, 0x0004003d, 0x00000034, 0x00000049, 0x00000048, 0x0007000c, 0x00000034,
  0x0000004b, 0x00000001, 0x00000028, 0x00000049, 0x0000004a, 0x00060041, 0x00000047, 0x0000004c,
  0x00000038, 0x00000039, 0x0000003e, 0x0003003e, 0x0000004c, 0x0000004b, 0x000200f9, 0x0000004d,
  0x000200f8, 0x0000004d, 0x000100fd, 0x00010038,
};
static const uint32_t dive__spv_relu_bwd[] = { /* relu_bwd.comp, 498 words */
  0x07230203, 0x00010300, 0x0008000b, 0x00000074, 0x00000000, 0x00020011, 0x00000001, 0x0006000b,
  0x00000001, 0x4c534c47, 0x6474732e, 0x3035342e, 0x00000000, 0x0003000e, 0x00000000, 0x00000001,
  0x0008000f, 0x00000005, 0x00000004, 0x6e69616d, 0x00000000, 0x0000000c, 0x00000011, 0x0000001d,
  0x00060010, 0x00000004, 0x00000011, 0x00000100, 0x00000001, 0x00000001, 0x00040047, 0x0000000c,
  0x0000000b, 0x0000001a, 0x00040047, 0x00000011, 0x0000000b, 0x00000018, 0x00040047, 0x00000019,
  0x00000001, 0x00000000, 0x00040047, 0x0000001a, 0x0000000b, 0x00000019, 0x00040047, 0x0000001d,
  0x0000000b, 0x0000001b, 0x00050048, 0x00000027, 0x00000000, 0x00000023, 0x00000000, 0x00050048,
  0x00000027, 0x00000001, 0x00000023, 0x00000004, 0x00050048, 0x00000027, 0x00000002, 0x00000023,
  0x00000008, 0x00050048, 0x00000027, 0x00000003, 0x00000023, 0x0000000c, 0x00030047, 0x00000027,
  0x00000002, 0x00040047, 0x00000035, 0x00000006, 0x00000004, 0x00040048, 0x00000036, 0x00000000,
  0x00000019, 0x00050048, 0x00000036, 0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x00000036,
  0x00000002, 0x00040047, 0x00000038, 0x00000022, 0x00000000, 0x00040047, 0x00000038, 0x00000021,
  0x00000002, 0x00040047, 0x0000003f, 0x00000006, 0x00000004, 0x00040048, 0x00000040, 0x00000000,
  0x00000018, 0x00050048, 0x00000040, 0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x00000040,
  0x00000002, 0x00040047, 0x00000042, 0x00000022, 0x00000000, 0x00040047, 0x00000042, 0x00000021,
  0x00000001, 0x00040047, 0x00000051, 0x00000006, 0x00000004, 0x00040048, 0x00000052, 0x00000000,
  0x00000018, 0x00050048, 0x00000052, 0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x00000052,
  0x00000002, 0x00040047, 0x00000054, 0x00000022, 0x00000000, 0x00040047, 0x00000054, 0x00000021,
  0x00000000, 0x00020013, 0x00000002, 0x00030021, 0x00000003, 0x00000002, 0x00040015, 0x00000006,
  0x00000020, 0x00000000, 0x00040017, 0x0000000a, 0x00000006, 0x00000003, 0x00040020, 0x0000000b,
  0x00000001, 0x0000000a, 0x0004003b, 0x0000000b, 0x0000000c, 0x00000001, 0x0004002b, 0x00000006,
  0x0000000d, 0x00000001, 0x00040020, 0x0000000e, 0x00000001, 0x00000006, 0x0004003b, 0x0000000b,
  0x00000011, 0x00000001, 0x0004002b, 0x00000006, 0x00000012, 0x00000000, 0x00040032, 0x00000006,
  0x00000019, 0x00000100, 0x00060033, 0x0000000a, 0x0000001a, 0x00000019, 0x0000000d, 0x0000000d,
  0x0004003b, 0x0000000b, 0x0000001d, 0x00000001, 0x0006001e, 0x00000027, 0x00000006, 0x00000006,
  0x00000006, 0x00000006, 0x00040020, 0x00000028, 0x00000009, 0x00000027, 0x0004003b, 0x00000028,
  0x00000029, 0x00000009, 0x00040015, 0x0000002a, 0x00000020, 0x00000001, 0x0004002b, 0x0000002a,
  0x0000002b, 0x00000003, 0x00040020, 0x0000002c, 0x00000009, 0x00000006, 0x00020014, 0x0000002f,
  0x00030016, 0x00000034, 0x00000020, 0x0003001d, 0x00000035, 0x00000034, 0x0003001e, 0x00000036,
  0x00000035, 0x00040020, 0x00000037, 0x0000000c, 0x00000036, 0x0004003b, 0x00000037, 0x00000038,
  0x0000000c, 0x0004002b, 0x0000002a, 0x00000039, 0x00000000, 0x0004002b, 0x0000002a, 0x0000003a,
  0x00000002, 0x0003001d, 0x0000003f, 0x00000034, 0x0003001e, 0x00000040, 0x0000003f, 0x00040020,
  0x00000041, 0x0000000c, 0x00000040, 0x0004003b, 0x00000041, 0x00000042, 0x0000000c, 0x0004002b,
  0x0000002a, 0x00000043, 0x00000001, 0x00040020, 0x00000048, 0x0000000c, 0x00000034, 0x0004002b,
  0x00000034, 0x0000004b, 0x00000000, 0x0003001d, 0x00000051, 0x00000034, 0x0003001e, 0x00000052,
  0x00000051, 0x00040020, 0x00000053, 0x0000000c, 0x00000052, 0x0004003b, 0x00000053, 0x00000054,
  0x0000000c, 0x00050036, 0x00000002, 0x00000004, 0x00000000, 0x00000003, 0x000200f8, 0x00000005,
  0x000300f7, 0x0000005e, 0x00000000, 0x000300fb, 0x00000012, 0x0000005f, 0x000200f8, 0x0000005f,
  0x00050041, 0x0000000e, 0x00000066, 0x0000000c, 0x0000000d, 0x0004003d, 0x00000006, 0x00000067,
  0x00000066, 0x00050041, 0x0000000e, 0x00000068, 0x00000011, 0x00000012, 0x0004003d, 0x00000006,
  0x00000069, 0x00000068, 0x00050084, 0x00000006, 0x0000006a, 0x00000067, 0x00000069, 0x00050041,
  0x0000000e, 0x0000006b, 0x0000000c, 0x00000012, 0x0004003d, 0x00000006, 0x0000006c, 0x0000006b,
  0x00050080, 0x00000006, 0x0000006d, 0x0000006a, 0x0000006c, 0x00050051, 0x00000006, 0x0000006e,
  0x0000001a, 0x00000000, 0x00050084, 0x00000006, 0x0000006f, 0x0000006d, 0x0000006e, 0x00050041,
  0x0000000e, 0x00000070, 0x0000001d, 0x00000012, 0x0004003d, 0x00000006, 0x00000071, 0x00000070,
  0x00050080, 0x00000006, 0x00000072, 0x0000006f, 0x00000071, 0x00050041, 0x0000002c, 0x0000002d,
  0x00000029, 0x0000002b, 0x0004003d, 0x00000006, 0x0000002e, 0x0000002d, 0x000500ae, 0x0000002f,
  0x00000030, 0x00000072, 0x0000002e, 0x000300f7, 0x00000032, 0x00000000, 0x000400fa, 0x00000030,
  0x00000031, 0x00000032, 0x000200f8, 0x00000031, 0x000200f9, 0x0000005e, 0x000200f8, 0x00000032,
  0x00050041, 0x0000002c, 0x0000003b, 0x00000029, 0x0000003a, 0x0004003d, 0x00000006, 0x0000003c,
  0x0000003b, 0x00050080, 0x00000006, 0x0000003e, 0x0000003c, 0x00000072, 0x00050041, 0x0000002c,
  0x00000044, 0x00000029, 0x00000043, 0x0004003d, 0x00000006, 0x00000045, 0x00000044, 0x00050080,
  0x00000006, 0x00000047, 0x00000045, 0x00000072, 0x00060041, 0x00000048, 0x00000049, 0x00000042,
  0x00000039, 0x00000047, 0x0004003d, 0x00000034, 0x0000004a, 0x00000049, 0x000500ba, 0x0000002f,
  0x0000004c, 0x0000004a, 0x0000004b, 0x000300f7, 0x00000050, 0x00000000, 0x000400fa, 0x0000004c,
  0x0000004f, 0x0000005b, 0x000200f8, 0x0000004f, 0x00050041, 0x0000002c, 0x00000055, 0x00000029,
  0x00000039, 0x0004003d, 0x00000006, 0x00000056, 0x00000055, 0x00050080, 0x00000006, 0x00000058,
  0x00000056, 0x00000072, 0x00060041, 0x00000048, 0x00000059, 0x00000054, 0x00000039, 0x00000058,
  0x0004003d, 0x00000034, 0x0000005a, 0x00000059, 0x000200f9, 0x00000050, 0x000200f8, 0x0000005b,
  0x000200f9, 0x00000050, 0x000200f8, 0x00000050, 0x000700f5, 0x00000034, 0x00000073, 0x0000005a,
  0x0000004f, 0x0000004b, 0x0000005b, 0x00060041, 0x00000048, 0x0000005d, 0x00000038, 0x00000039,
  0x0000003e, 0x0003003e, 0x0000005d, 0x00000073, 0x000200f9, 0x0000005e, 0x000200f8, 0x0000005e,
  0x000100fd, 0x00010038,
};
static const uint32_t dive__spv_add_fwd[] = { /* add_fwd.comp, 470 words */
  0x07230203, 0x00010300, 0x0008000b, 0x0000006c, 0x00000000, 0x00020011, 0x00000001, 0x0006000b,
  0x00000001, 0x4c534c47, 0x6474732e, 0x3035342e, 0x00000000, 0x0003000e, 0x00000000, 0x00000001,
  0x0008000f, 0x00000005, 0x00000004, 0x6e69616d, 0x00000000, 0x0000000c, 0x00000011, 0x0000001d,
  0x00060010, 0x00000004, 0x00000011, 0x00000100, 0x00000001, 0x00000001, 0x00040047, 0x0000000c,
  0x0000000b, 0x0000001a, 0x00040047, 0x00000011, 0x0000000b, 0x00000018, 0x00040047, 0x00000019,
  0x00000001, 0x00000000, 0x00040047, 0x0000001a, 0x0000000b, 0x00000019, 0x00040047, 0x0000001d,
  0x0000000b, 0x0000001b, 0x00050048, 0x00000027, 0x00000000, 0x00000023, 0x00000000, 0x00050048,
  0x00000027, 0x00000001, 0x00000023, 0x00000004, 0x00050048, 0x00000027, 0x00000002, 0x00000023,
  0x00000008, 0x00050048, 0x00000027, 0x00000003, 0x00000023, 0x0000000c, 0x00030047, 0x00000027,
  0x00000002, 0x00040047, 0x00000035, 0x00000006, 0x00000004, 0x00040048, 0x00000036, 0x00000000,
  0x00000019, 0x00050048, 0x00000036, 0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x00000036,
  0x00000002, 0x00040047, 0x00000038, 0x00000022, 0x00000000, 0x00040047, 0x00000038, 0x00000021,
  0x00000002, 0x00040047, 0x0000003f, 0x00000006, 0x00000004, 0x00040048, 0x00000040, 0x00000000,
  0x00000018, 0x00050048, 0x00000040, 0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x00000040,
  0x00000002, 0x00040047, 0x00000042, 0x00000022, 0x00000000, 0x00040047, 0x00000042, 0x00000021,
  0x00000000, 0x00040047, 0x0000004a, 0x00000006, 0x00000004, 0x00040048, 0x0000004b, 0x00000000,
  0x00000018, 0x00050048, 0x0000004b, 0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x0000004b,
  0x00000002, 0x00040047, 0x0000004d, 0x00000022, 0x00000000, 0x00040047, 0x0000004d, 0x00000021,
  0x00000001, 0x00020013, 0x00000002, 0x00030021, 0x00000003, 0x00000002, 0x00040015, 0x00000006,
  0x00000020, 0x00000000, 0x00040017, 0x0000000a, 0x00000006, 0x00000003, 0x00040020, 0x0000000b,
  0x00000001, 0x0000000a, 0x0004003b, 0x0000000b, 0x0000000c, 0x00000001, 0x0004002b, 0x00000006,
  0x0000000d, 0x00000001, 0x00040020, 0x0000000e, 0x00000001, 0x00000006, 0x0004003b, 0x0000000b,
  0x00000011, 0x00000001, 0x0004002b, 0x00000006, 0x00000012, 0x00000000, 0x00040032, 0x00000006,
  0x00000019, 0x00000100, 0x00060033, 0x0000000a, 0x0000001a, 0x00000019, 0x0000000d, 0x0000000d,
  0x0004003b, 0x0000000b, 0x0000001d, 0x00000001, 0x0006001e, 0x00000027, 0x00000006, 0x00000006,
  0x00000006, 0x00000006, 0x00040020, 0x00000028, 0x00000009, 0x00000027, 0x0004003b, 0x00000028,
  0x00000029, 0x00000009, 0x00040015, 0x0000002a, 0x00000020, 0x00000001, 0x0004002b, 0x0000002a,
  0x0000002b, 0x00000003, 0x00040020, 0x0000002c, 0x00000009, 0x00000006, 0x00020014, 0x0000002f,
  0x00030016, 0x00000034, 0x00000020, 0x0003001d, 0x00000035, 0x00000034, 0x0003001e, 0x00000036,
  0x00000035, 0x00040020, 0x00000037, 0x0000000c, 0x00000036, 0x0004003b, 0x00000037, 0x00000038,
  0x0000000c, 0x0004002b, 0x0000002a, 0x00000039, 0x00000000, 0x0004002b, 0x0000002a, 0x0000003a,
  0x00000002, 0x0003001d, 0x0000003f, 0x00000034, 0x0003001e, 0x00000040, 0x0000003f, 0x00040020,
  0x00000041, 0x0000000c, 0x00000040, 0x0004003b, 0x00000041, 0x00000042, 0x0000000c, 0x00040020,
  0x00000047, 0x0000000c, 0x00000034, 0x0003001d, 0x0000004a, 0x00000034, 0x0003001e, 0x0000004b,
  0x0000004a, 0x00040020, 0x0000004c, 0x0000000c, 0x0000004b, 0x0004003b, 0x0000004c, 0x0000004d,
  0x0000000c, 0x0004002b, 0x0000002a, 0x0000004e, 0x00000001, 0x00050036, 0x00000002, 0x00000004,
  0x00000000, 0x00000003, 0x000200f8, 0x00000005, 0x000300f7, 0x00000057, 0x00000000, 0x000300fb,
  0x00000012, 0x00000058, 0x000200f8, 0x00000058, 0x00050041, 0x0000000e, 0x0000005f, 0x0000000c,
  0x0000000d, 0x0004003d, 0x00000006, 0x00000060, 0x0000005f, 0x00050041, 0x0000000e, 0x00000061,
  0x00000011, 0x00000012, 0x0004003d, 0x00000006, 0x00000062, 0x00000061, 0x00050084, 0x00000006,
  0x00000063, 0x00000060, 0x00000062, 0x00050041, 0x0000000e, 0x00000064, 0x0000000c, 0x00000012,
  0x0004003d, 0x00000006, 0x00000065, 0x00000064, 0x00050080, 0x00000006, 0x00000066, 0x00000063,
  0x00000065, 0x00050051, 0x00000006, 0x00000067, 0x0000001a, 0x00000000, 0x00050084, 0x00000006,
  0x00000068, 0x00000066, 0x00000067, 0x00050041, 0x0000000e, 0x00000069, 0x0000001d, 0x00000012,
  0x0004003d, 0x00000006, 0x0000006a, 0x00000069, 0x00050080, 0x00000006, 0x0000006b, 0x00000068,
  0x0000006a, 0x00050041, 0x0000002c, 0x0000002d, 0x00000029, 0x0000002b, 0x0004003d, 0x00000006,
  0x0000002e, 0x0000002d, 0x000500ae, 0x0000002f, 0x00000030, 0x0000006b, 0x0000002e, 0x000300f7,
  0x00000032, 0x00000000, 0x000400fa, 0x00000030, 0x00000031, 0x00000032, 0x000200f8, 0x00000031,
  0x000200f9, 0x00000057, 0x000200f8, 0x00000032, 0x00050041, 0x0000002c, 0x0000003b, 0x00000029,
  0x0000003a, 0x0004003d, 0x00000006, 0x0000003c, 0x0000003b, 0x00050080, 0x00000006, 0x0000003e,
  0x0000003c, 0x0000006b, 0x00050041, 0x0000002c, 0x00000043, 0x00000029, 0x00000039, 0x0004003d,
  0x00000006, 0x00000044, 0x00000043, 0x00050080, 0x00000006, 0x00000046, 0x00000044, 0x0000006b,
  0x00060041, 0x00000047, 0x00000048, 0x00000042, 0x00000039, 0x00000046, 0x0004003d, 0x00000034,
  0x00000049, 0x00000048, 0x00050041, 0x0000002c, 0x0000004f, 0x00000029, 0x0000004e, 0x0004003d,
  0x00000006, 0x00000050, 0x0000004f, 0x00050080, 0x00000006, 0x00000052, 0x00000050, 0x0000006b,
  0x00060041, 0x00000047, 0x00000053, 0x0000004d, 0x00000039, 0x00000052, 0x0004003d, 0x00000034,
  0x00000054, 0x00000053, 0x00050081, 0x00000034, 0x00000055, 0x00000049, 0x00000054, 0x00060041,
  0x00000047, 0x00000056, 0x00000038, 0x00000039, 0x0000003e, 0x0003003e, 0x00000056, 0x00000055,
  0x000200f9, 0x00000057, 0x000200f8, 0x00000057, 0x000100fd, 0x00010038,
};
static const uint32_t dive__spv_conv2d_fwd[] = { /* conv2d_fwd.comp, 2640 words */
  0x07230203, 0x00010300, 0x0008000b, 0x000003a4, 0x00000000, 0x00020011, 0x00000001, 0x0006000b,
  0x00000001, 0x4c534c47, 0x6474732e, 0x3035342e, 0x00000000, 0x0003000e, 0x00000000, 0x00000001,
  0x0007000f, 0x00000005, 0x00000004, 0x6e69616d, 0x00000000, 0x000000c5, 0x000000ca, 0x00060010,
  0x00000004, 0x00000011, 0x00000100, 0x00000001, 0x00000001, 0x00040047, 0x0000001f, 0x00000001,
  0x00000004, 0x00040047, 0x00000029, 0x00000001, 0x00000005, 0x00040047, 0x0000003d, 0x00000001,
  0x00000002, 0x00040047, 0x0000004b, 0x00000001, 0x00000003, 0x00040047, 0x00000059, 0x00000001,
  0x00000001, 0x00040047, 0x000000c5, 0x0000000b, 0x0000001b, 0x00040047, 0x000000ca, 0x0000000b,
  0x0000001a, 0x00050048, 0x000000cf, 0x00000000, 0x00000023, 0x00000000, 0x00050048, 0x000000cf,
  0x00000001, 0x00000023, 0x00000004, 0x00050048, 0x000000cf, 0x00000002, 0x00000023, 0x00000008,
  0x00050048, 0x000000cf, 0x00000003, 0x00000023, 0x0000000c, 0x00050048, 0x000000cf, 0x00000004,
  0x00000023, 0x00000010, 0x00050048, 0x000000cf, 0x00000005, 0x00000023, 0x00000014, 0x00050048,
  0x000000cf, 0x00000006, 0x00000023, 0x00000018, 0x00050048, 0x000000cf, 0x00000007, 0x00000023,
  0x0000001c, 0x00050048, 0x000000cf, 0x00000008, 0x00000023, 0x00000020, 0x00050048, 0x000000cf,
  0x00000009, 0x00000023, 0x00000024, 0x00050048, 0x000000cf, 0x0000000a, 0x00000023, 0x00000028,
  0x00050048, 0x000000cf, 0x0000000b, 0x00000023, 0x0000002c, 0x00050048, 0x000000cf, 0x0000000c,
  0x00000023, 0x00000030, 0x00050048, 0x000000cf, 0x0000000d, 0x00000023, 0x00000034, 0x00050048,
  0x000000cf, 0x0000000e, 0x00000023, 0x00000038, 0x00050048, 0x000000cf, 0x0000000f, 0x00000023,
  0x0000003c, 0x00050048, 0x000000cf, 0x00000010, 0x00000023, 0x00000040, 0x00050048, 0x000000cf,
  0x00000011, 0x00000023, 0x00000044, 0x00050048, 0x000000cf, 0x00000012, 0x00000023, 0x00000048,
  0x00050048, 0x000000cf, 0x00000013, 0x00000023, 0x0000004c, 0x00030047, 0x000000cf, 0x00000002,
  0x00040047, 0x000001f7, 0x00000006, 0x00000004, 0x00040048, 0x000001f8, 0x00000000, 0x00000018,
  0x00050048, 0x000001f8, 0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x000001f8, 0x00000002,
  0x00040047, 0x000001fa, 0x00000022, 0x00000000, 0x00040047, 0x000001fa, 0x00000021, 0x00000001,
  0x00040047, 0x0000025e, 0x00000006, 0x00000004, 0x00040048, 0x0000025f, 0x00000000, 0x00000018,
  0x00050048, 0x0000025f, 0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x0000025f, 0x00000002,
  0x00040047, 0x00000261, 0x00000022, 0x00000000, 0x00040047, 0x00000261, 0x00000021, 0x00000000,
  0x00040047, 0x0000029e, 0x00000006, 0x00000004, 0x00040048, 0x0000029f, 0x00000000, 0x00000018,
  0x00050048, 0x0000029f, 0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x0000029f, 0x00000002,
  0x00040047, 0x000002a1, 0x00000022, 0x00000000, 0x00040047, 0x000002a1, 0x00000021, 0x00000002,
  0x00040047, 0x000002c9, 0x00000006, 0x00000004, 0x00040048, 0x000002ca, 0x00000000, 0x00000019,
  0x00050048, 0x000002ca, 0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x000002ca, 0x00000002,
  0x00040047, 0x000002cc, 0x00000022, 0x00000000, 0x00040047, 0x000002cc, 0x00000021, 0x00000003,
  0x00040047, 0x000002ef, 0x00000001, 0x00000000, 0x00040047, 0x000002f0, 0x0000000b, 0x00000019,
  0x00020013, 0x00000002, 0x00030021, 0x00000003, 0x00000002, 0x00040015, 0x00000008, 0x00000020,
  0x00000000, 0x0004002b, 0x00000008, 0x00000018, 0x00000000, 0x00040032, 0x00000008, 0x0000001f,
  0x00000004, 0x00020014, 0x00000020, 0x00040032, 0x00000008, 0x00000029, 0x00000004, 0x00030016,
  0x0000002b, 0x00000020, 0x0004001c, 0x0000002c, 0x0000002b, 0x00000029, 0x0004001c, 0x0000002d,
  0x0000002c, 0x0000001f, 0x00040020, 0x0000002e, 0x00000006, 0x0000002d, 0x0004003b, 0x0000002e,
  0x0000002f, 0x00000006, 0x0004002b, 0x0000002b, 0x00000032, 0x00000000, 0x00040020, 0x00000033,
  0x00000006, 0x0000002b, 0x00040015, 0x00000036, 0x00000020, 0x00000001, 0x0004002b, 0x00000036,
  0x00000037, 0x00000001, 0x00040032, 0x00000008, 0x0000003d, 0x00000040, 0x00060034, 0x00000008,
  0x0000003e, 0x00000086, 0x0000003d, 0x00000029, 0x00060034, 0x00000008, 0x00000042, 0x00000086,
  0x0000003d, 0x00000029, 0x00040032, 0x00000008, 0x0000004b, 0x00000010, 0x0004001c, 0x00000055,
  0x0000002b, 0x0000001f, 0x00040020, 0x00000056, 0x00000007, 0x00000055, 0x00040032, 0x00000008,
  0x00000059, 0x00000040, 0x0004002b, 0x00000008, 0x0000005a, 0x00000001, 0x00060034, 0x00000008,
  0x0000005b, 0x00000080, 0x00000059, 0x0000005a, 0x00060034, 0x00000008, 0x0000005c, 0x00000084,
  0x0000004b, 0x0000005b, 0x0004001c, 0x0000005d, 0x0000002b, 0x0000005c, 0x00040020, 0x0000005e,
  0x00000004, 0x0000005d, 0x0004003b, 0x0000005e, 0x0000005f, 0x00000004, 0x00060034, 0x00000008,
  0x00000065, 0x00000086, 0x00000059, 0x0000001f, 0x00040020, 0x00000068, 0x00000004, 0x0000002b,
  0x00040020, 0x0000006b, 0x00000007, 0x0000002b, 0x00040020, 0x00000077, 0x00000007, 0x0000002c,
  0x00060034, 0x00000008, 0x0000007a, 0x00000080, 0x0000003d, 0x0000005a, 0x00060034, 0x00000008,
  0x0000007b, 0x00000084, 0x0000004b, 0x0000007a, 0x0004001c, 0x0000007c, 0x0000002b, 0x0000007b,
  0x00040020, 0x0000007d, 0x00000004, 0x0000007c, 0x0004003b, 0x0000007d, 0x0000007e, 0x00000004,
  0x00060034, 0x00000008, 0x00000084, 0x00000086, 0x0000003d, 0x00000029, 0x00060034, 0x00000008,
  0x000000b1, 0x00000086, 0x0000003d, 0x00000029, 0x00060034, 0x00000008, 0x000000b4, 0x00000086,
  0x00000059, 0x0000001f, 0x00060034, 0x00000008, 0x000000ba, 0x00000086, 0x0000003d, 0x00000029,
  0x00060034, 0x00000008, 0x000000bd, 0x00000086, 0x0000003d, 0x00000029, 0x00040017, 0x000000c3,
  0x00000008, 0x00000003, 0x00040020, 0x000000c4, 0x00000001, 0x000000c3, 0x0004003b, 0x000000c4,
  0x000000c5, 0x00000001, 0x00040020, 0x000000c6, 0x00000001, 0x00000008, 0x0004003b, 0x000000c4,
  0x000000ca, 0x00000001, 0x0004002b, 0x00000008, 0x000000cb, 0x00000002, 0x0016001e, 0x000000cf,
  0x00000008, 0x00000008, 0x00000008, 0x00000008, 0x00000036, 0x00000036, 0x00000036, 0x00000036,
  0x00000036, 0x00000036, 0x00000036, 0x00000036, 0x00000036, 0x00000036, 0x00000036, 0x00000036,
  0x00000008, 0x00000008, 0x00000008, 0x00000008, 0x00040020, 0x000000d0, 0x00000009, 0x000000cf,
  0x0004003b, 0x000000d0, 0x000000d1, 0x00000009, 0x0004002b, 0x00000036, 0x000000d2, 0x00000005,
  0x00040020, 0x000000d3, 0x00000009, 0x00000036, 0x0004002b, 0x00000036, 0x000000d6, 0x0000000f,
  0x0004002b, 0x00000036, 0x000000dc, 0x00000008, 0x0004002b, 0x00000036, 0x000000e4, 0x00000009,
  0x0004002b, 0x00000036, 0x000000e7, 0x0000000a, 0x0004002b, 0x00000036, 0x000000f1, 0x0000000b,
  0x0004002b, 0x00000036, 0x000000f4, 0x0000000c, 0x0004002b, 0x00000036, 0x000000fa, 0x00000004,
  0x0004002b, 0x00000036, 0x00000101, 0x00000006, 0x0004002b, 0x00000036, 0x00000104, 0x00000007,
  0x0004002b, 0x00000036, 0x0000013c, 0x0000000d, 0x0004002b, 0x00000036, 0x00000140, 0x0000000e,
  0x0004002b, 0x00000036, 0x00000152, 0x00000000, 0x00040020, 0x00000153, 0x00000009, 0x00000008,
  0x00060034, 0x00000008, 0x00000187, 0x00000084, 0x00000059, 0x0000004b, 0x00060034, 0x00000008,
  0x00000188, 0x00000086, 0x00000059, 0x0000001f, 0x00060034, 0x00000008, 0x00000189, 0x00000086,
  0x0000003d, 0x00000029, 0x00060034, 0x00000008, 0x0000018a, 0x00000084, 0x00000188, 0x00000189,
  0x00060034, 0x00000008, 0x0000018b, 0x00000080, 0x00000187, 0x0000018a, 0x00060034, 0x00000008,
  0x0000018c, 0x00000082, 0x0000018b, 0x0000005a, 0x00060034, 0x00000008, 0x0000018d, 0x00000086,
  0x0000018c, 0x0000018a, 0x00060034, 0x00000008, 0x00000193, 0x00000086, 0x0000018a, 0x0000004b,
  0x0004001c, 0x0000019e, 0x0000002b, 0x0000018d, 0x00040020, 0x0000019f, 0x00000006, 0x0000019e,
  0x0004003b, 0x0000019f, 0x000001a0, 0x00000006, 0x00060034, 0x00000008, 0x000001ae, 0x00000084,
  0x0000004b, 0x0000003d, 0x00060034, 0x00000008, 0x000001af, 0x00000080, 0x000001ae, 0x0000018a,
  0x00060034, 0x00000008, 0x000001b0, 0x00000082, 0x000001af, 0x0000005a, 0x00060034, 0x00000008,
  0x000001b1, 0x00000086, 0x000001b0, 0x0000018a, 0x00060034, 0x00000008, 0x000001b7, 0x00000086,
  0x0000018a, 0x0000003d, 0x0004001c, 0x000001c2, 0x0000002b, 0x000001b1, 0x00040020, 0x000001c3,
  0x00000006, 0x000001c2, 0x0004003b, 0x000001c3, 0x000001c4, 0x00000006, 0x0004002b, 0x00000008,
  0x000001cb, 0x00000108, 0x00060034, 0x00000008, 0x000001e2, 0x00000086, 0x0000018a, 0x0000004b,
  0x0003001d, 0x000001f7, 0x0000002b, 0x0003001e, 0x000001f8, 0x000001f7, 0x00040020, 0x000001f9,
  0x0000000c, 0x000001f8, 0x0004003b, 0x000001f9, 0x000001fa, 0x0000000c, 0x00040020, 0x00000202,
  0x0000000c, 0x0000002b, 0x00060034, 0x00000008, 0x00000216, 0x00000086, 0x0000018a, 0x0000003d,
  0x0003001d, 0x0000025e, 0x0000002b, 0x0003001e, 0x0000025f, 0x0000025e, 0x00040020, 0x00000260,
  0x0000000c, 0x0000025f, 0x0004003b, 0x00000260, 0x00000261, 0x0000000c, 0x0004002b, 0x00000036,
  0x00000296, 0x00000010, 0x0003001d, 0x0000029e, 0x0000002b, 0x0003001e, 0x0000029f, 0x0000029e,
  0x00040020, 0x000002a0, 0x0000000c, 0x0000029f, 0x0004003b, 0x000002a0, 0x000002a1, 0x0000000c,
  0x0004002b, 0x00000036, 0x000002a2, 0x00000002, 0x0003001d, 0x000002c9, 0x0000002b, 0x0003001e,
  0x000002ca, 0x000002c9, 0x00040020, 0x000002cb, 0x0000000c, 0x000002ca, 0x0004003b, 0x000002cb,
  0x000002cc, 0x0000000c, 0x0004002b, 0x00000036, 0x000002cd, 0x00000003, 0x00040032, 0x00000008,
  0x000002ef, 0x00000100, 0x00060033, 0x000000c3, 0x000002f0, 0x000002ef, 0x0000005a, 0x0000005a,
  0x00050036, 0x00000002, 0x00000004, 0x00000000, 0x00000003, 0x000200f8, 0x00000005, 0x0004003b,
  0x00000056, 0x0000030d, 0x00000007, 0x0004003b, 0x00000077, 0x0000030f, 0x00000007, 0x00050041,
  0x000000c6, 0x000000c7, 0x000000c5, 0x00000018, 0x0004003d, 0x00000008, 0x000000c8, 0x000000c7,
  0x00050041, 0x000000c6, 0x000000cc, 0x000000ca, 0x000000cb, 0x0004003d, 0x00000008, 0x000000cd,
  0x000000cc, 0x00050041, 0x000000d3, 0x000000d4, 0x000000d1, 0x000000d2, 0x0004003d, 0x00000036,
  0x000000d5, 0x000000d4, 0x00050041, 0x000000d3, 0x000000d7, 0x000000d1, 0x000000d6, 0x0004003d,
  0x00000036, 0x000000d8, 0x000000d7, 0x00050087, 0x00000036, 0x000000d9, 0x000000d5, 0x000000d8,
  0x0004007c, 0x00000008, 0x000000da, 0x000000d9, 0x00050041, 0x000000d3, 0x000000dd, 0x000000d1,
  0x000000dc, 0x0004003d, 0x00000036, 0x000000de, 0x000000dd, 0x00050087, 0x00000036, 0x000000e1,
  0x000000de, 0x000000d8, 0x0004007c, 0x00000008, 0x000000e2, 0x000000e1, 0x00050041, 0x000000d3,
  0x000000e5, 0x000000d1, 0x000000e4, 0x0004003d, 0x00000036, 0x000000e6, 0x000000e5, 0x00050041,
  0x000000d3, 0x000000e8, 0x000000d1, 0x000000e7, 0x0004003d, 0x00000036, 0x000000e9, 0x000000e8,
  0x00050084, 0x00000036, 0x000000ea, 0x000000e6, 0x000000e9, 0x0004007c, 0x00000008, 0x000000eb,
  0x000000ea, 0x00050084, 0x00000008, 0x000000ef, 0x000000da, 0x000000eb, 0x00050041, 0x000000d3,
  0x000000f2, 0x000000d1, 0x000000f1, 0x0004003d, 0x00000036, 0x000000f3, 0x000000f2, 0x00050041,
  0x000000d3, 0x000000f5, 0x000000d1, 0x000000f4, 0x0004003d, 0x00000036, 0x000000f6, 0x000000f5,
  0x00050084, 0x00000036, 0x000000f7, 0x000000f3, 0x000000f6, 0x0004007c, 0x00000008, 0x000000f8,
  0x000000f7, 0x00050041, 0x000000d3, 0x000000fb, 0x000000d1, 0x000000fa, 0x0004003d, 0x00000036,
  0x000000fc, 0x000000fb, 0x0004007c, 0x00000008, 0x000000fd, 0x000000fc, 0x00050084, 0x00000008,
  0x000000ff, 0x000000fd, 0x000000f8, 0x00050041, 0x000000d3, 0x00000102, 0x000000d1, 0x00000101,
  0x0004003d, 0x00000036, 0x00000103, 0x00000102, 0x00050041, 0x000000d3, 0x00000105, 0x000000d1,
  0x00000104, 0x0004003d, 0x00000036, 0x00000106, 0x00000105, 0x00050084, 0x00000036, 0x00000107,
  0x00000103, 0x00000106, 0x0004007c, 0x00000008, 0x00000108, 0x00000107, 0x00050041, 0x000000c6,
  0x0000010a, 0x000000ca, 0x0000005a, 0x0004003d, 0x00000008, 0x0000010b, 0x0000010a, 0x00050084,
  0x00000008, 0x0000010c, 0x0000010b, 0x00000059, 0x00050041, 0x000000c6, 0x0000010e, 0x000000ca,
  0x00000018, 0x0004003d, 0x00000008, 0x0000010f, 0x0000010e, 0x00050084, 0x00000008, 0x00000110,
  0x0000010f, 0x0000003d, 0x00050089, 0x00000008, 0x00000113, 0x000000c8, 0x0000003d, 0x00050080,
  0x00000008, 0x00000117, 0x00000110, 0x00000113, 0x00050089, 0x00000008, 0x0000011a, 0x000000c8,
  0x0000004b, 0x000500b0, 0x00000020, 0x0000011f, 0x00000117, 0x000000ff, 0x000300f7, 0x00000124,
  0x00000000, 0x000400fa, 0x0000011f, 0x00000123, 0x00000128, 0x000200f8, 0x00000123, 0x00050086,
  0x00000008, 0x00000127, 0x00000117, 0x000000f8, 0x000200f9, 0x00000124, 0x000200f8, 0x00000128,
  0x000200f9, 0x00000124, 0x000200f8, 0x00000124, 0x000700f5, 0x00000008, 0x00000376, 0x00000127,
  0x00000123, 0x00000018, 0x00000128, 0x000300f7, 0x0000012e, 0x00000000, 0x000400fa, 0x0000011f,
  0x0000012d, 0x00000132, 0x000200f8, 0x0000012d, 0x00050089, 0x00000008, 0x00000131, 0x00000117,
  0x000000f8, 0x000200f9, 0x0000012e, 0x000200f8, 0x00000132, 0x000200f9, 0x0000012e, 0x000200f8,
  0x0000012e, 0x000700f5, 0x00000008, 0x00000377, 0x00000131, 0x0000012d, 0x00000018, 0x00000132,
  0x0004007c, 0x00000008, 0x00000139, 0x000000f6, 0x00050086, 0x00000008, 0x0000013a, 0x00000377,
  0x00000139, 0x0004007c, 0x00000036, 0x0000013b, 0x0000013a, 0x00050041, 0x000000d3, 0x0000013d,
  0x000000d1, 0x0000013c, 0x0004003d, 0x00000036, 0x0000013e, 0x0000013d, 0x00050084, 0x00000036,
  0x0000013f, 0x0000013b, 0x0000013e, 0x00050041, 0x000000d3, 0x00000141, 0x000000d1, 0x00000140,
  0x0004003d, 0x00000036, 0x00000142, 0x00000141, 0x00050082, 0x00000036, 0x00000143, 0x0000013f,
  0x00000142, 0x00050089, 0x00000008, 0x00000149, 0x00000377, 0x00000139, 0x0004007c, 0x00000036,
  0x0000014a, 0x00000149, 0x00050084, 0x00000036, 0x0000014d, 0x0000014a, 0x0000013e, 0x00050082,
  0x00000036, 0x00000150, 0x0000014d, 0x00000142, 0x00050041, 0x00000153, 0x00000154, 0x000000d1,
  0x00000152, 0x0004003d, 0x00000008, 0x00000155, 0x00000154, 0x0004007c, 0x00000008, 0x00000159,
  0x000000d5, 0x00050084, 0x00000008, 0x0000015a, 0x00000376, 0x00000159, 0x00050084, 0x00000008,
  0x0000015d, 0x000000cd, 0x000000da, 0x00050080, 0x00000008, 0x0000015e, 0x0000015a, 0x0000015d,
  0x00050084, 0x00000008, 0x00000160, 0x0000015e, 0x00000108, 0x00050080, 0x00000008, 0x00000161,
  0x00000155, 0x00000160, 0x00050041, 0x00000153, 0x00000163, 0x000000d1, 0x00000037, 0x0004003d,
  0x00000008, 0x00000164, 0x00000163, 0x00050084, 0x00000008, 0x00000167, 0x000000cd, 0x000000e2,
  0x00050080, 0x00000008, 0x00000169, 0x00000167, 0x0000010c, 0x00050084, 0x00000008, 0x0000016b,
  0x00000169, 0x000000ef, 0x00050080, 0x00000008, 0x0000016c, 0x00000164, 0x0000016b, 0x00050080,
  0x00000008, 0x0000016f, 0x000000ef, 0x0000004b, 0x00050082, 0x00000008, 0x00000170, 0x0000016f,
  0x0000005a, 0x00050086, 0x00000008, 0x00000171, 0x00000170, 0x0000004b, 0x000200f9, 0x000002f4,
  0x000200f8, 0x000002f4, 0x000700f5, 0x00000008, 0x00000378, 0x00000018, 0x0000012e, 0x00000307,
  0x00000305, 0x000500b0, 0x00000020, 0x000002f7, 0x00000378, 0x0000001f, 0x000400f6, 0x00000308,
  0x00000305, 0x00000000, 0x000400fa, 0x000002f7, 0x000002f8, 0x00000308, 0x000200f8, 0x000002f8,
  0x000200f9, 0x000002f9, 0x000200f8, 0x000002f9, 0x000700f5, 0x00000008, 0x000003a3, 0x00000018,
  0x000002f8, 0x00000303, 0x000002fd, 0x000500b0, 0x00000020, 0x000002fc, 0x000003a3, 0x00000029,
  0x000400f6, 0x00000304, 0x000002fd, 0x00000000, 0x000400fa, 0x000002fc, 0x000002fd, 0x00000304,
  0x000200f8, 0x000002fd, 0x00060041, 0x00000033, 0x00000300, 0x0000002f, 0x00000378, 0x000003a3,
  0x0003003e, 0x00000300, 0x00000032, 0x00050080, 0x00000008, 0x00000303, 0x000003a3, 0x00000037,
  0x000200f9, 0x000002f9, 0x000200f8, 0x00000304, 0x000200f9, 0x00000305, 0x000200f8, 0x00000305,
  0x00050080, 0x00000008, 0x00000307, 0x00000378, 0x00000037, 0x000200f9, 0x000002f4, 0x000200f8,
  0x00000308, 0x000200f9, 0x00000174, 0x000200f8, 0x00000174, 0x000700f5, 0x00000008, 0x00000379,
  0x00000018, 0x00000308, 0x0000027e, 0x00000177, 0x000500b2, 0x00000020, 0x0000017b, 0x00000379,
  0x00000171, 0x000400f6, 0x00000176, 0x00000177, 0x00000000, 0x000400fa, 0x0000017b, 0x00000175,
  0x00000176, 0x000200f8, 0x00000175, 0x000500ac, 0x00000020, 0x0000017d, 0x00000379, 0x00000018,
  0x000300f7, 0x0000017f, 0x00000000, 0x000400fa, 0x0000017d, 0x0000017e, 0x0000017f, 0x000200f8,
  0x0000017e, 0x000200f9, 0x00000181, 0x000200f8, 0x00000181, 0x000700f5, 0x00000008, 0x00000381,
  0x00000018, 0x0000017e, 0x000001a6, 0x00000184, 0x000500b0, 0x00000020, 0x0000018e, 0x00000381,
  0x0000018d, 0x000400f6, 0x00000183, 0x00000184, 0x00000000, 0x000400fa, 0x0000018e, 0x00000182,
  0x00000183, 0x000200f8, 0x00000182, 0x00050086, 0x00000008, 0x00000191, 0x000000c8, 0x0000004b,
  0x00050084, 0x00000008, 0x00000194, 0x00000381, 0x00000193, 0x00050080, 0x00000008, 0x00000195,
  0x00000191, 0x00000194, 0x000500b0, 0x00000020, 0x00000197, 0x00000195, 0x00000059, 0x000300f7,
  0x00000199, 0x00000000, 0x000400fa, 0x00000197, 0x00000198, 0x00000199, 0x000200f8, 0x00000198,
  0x00050084, 0x00000008, 0x0000019b, 0x0000011a, 0x0000005b, 0x00050080, 0x00000008, 0x0000019d,
  0x0000019b, 0x00000195, 0x00050041, 0x00000033, 0x000001a2, 0x000001a0, 0x00000381, 0x0004003d,
  0x0000002b, 0x000001a3, 0x000001a2, 0x00050041, 0x00000068, 0x000001a4, 0x0000005f, 0x0000019d,
  0x0003003e, 0x000001a4, 0x000001a3, 0x000200f9, 0x00000199, 0x000200f8, 0x00000199, 0x000200f9,
  0x00000184, 0x000200f8, 0x00000184, 0x00050080, 0x00000008, 0x000001a6, 0x00000381, 0x00000037,
  0x000200f9, 0x00000181, 0x000200f8, 0x00000183, 0x000200f9, 0x000001a8, 0x000200f8, 0x000001a8,
  0x000700f5, 0x00000008, 0x00000382, 0x00000018, 0x00000183, 0x000001ca, 0x000001ab, 0x000500b0,
  0x00000020, 0x000001b2, 0x00000382, 0x000001b1, 0x000400f6, 0x000001aa, 0x000001ab, 0x00000000,
  0x000400fa, 0x000001b2, 0x000001a9, 0x000001aa, 0x000200f8, 0x000001a9, 0x00050086, 0x00000008,
  0x000001b5, 0x000000c8, 0x0000003d, 0x00050084, 0x00000008, 0x000001b8, 0x00000382, 0x000001b7,
  0x00050080, 0x00000008, 0x000001b9, 0x000001b5, 0x000001b8, 0x000500b0, 0x00000020, 0x000001bb,
  0x000001b9, 0x0000004b, 0x000300f7, 0x000001bd, 0x00000000, 0x000400fa, 0x000001bb, 0x000001bc,
  0x000001bd, 0x000200f8, 0x000001bc, 0x00050084, 0x00000008, 0x000001bf, 0x000001b9, 0x0000007a,
  0x00050080, 0x00000008, 0x000001c1, 0x000001bf, 0x00000113, 0x00050041, 0x00000033, 0x000001c6,
  0x000001c4, 0x00000382, 0x0004003d, 0x0000002b, 0x000001c7, 0x000001c6, 0x00050041, 0x00000068,
  0x000001c8, 0x0000007e, 0x000001c1, 0x0003003e, 0x000001c8, 0x000001c7, 0x000200f9, 0x000001bd,
  0x000200f8, 0x000001bd, 0x000200f9, 0x000001ab, 0x000200f8, 0x000001ab, 0x00050080, 0x00000008,
  0x000001ca, 0x00000382, 0x00000037, 0x000200f9, 0x000001a8, 0x000200f8, 0x000001aa, 0x000400e0,
  0x000000cb, 0x000000cb, 0x000001cb, 0x000200f9, 0x0000017f, 0x000200f8, 0x0000017f, 0x000500b0,
  0x00000020, 0x000001ce, 0x00000379, 0x00000171, 0x000300f7, 0x000001d0, 0x00000000, 0x000400fa,
  0x000001ce, 0x000001cf, 0x000001d0, 0x000200f8, 0x000001cf, 0x00050084, 0x00000008, 0x000001d3,
  0x00000379, 0x0000004b, 0x00050080, 0x00000008, 0x000001d5, 0x000001d3, 0x0000011a, 0x000200f9,
  0x000001d7, 0x000200f8, 0x000001d7, 0x000700f5, 0x00000008, 0x00000386, 0x00000018, 0x000001cf,
  0x00000209, 0x000001da, 0x000500b0, 0x00000020, 0x000001dd, 0x00000386, 0x0000018d, 0x000400f6,
  0x000001d9, 0x000001da, 0x00000000, 0x000400fa, 0x000001dd, 0x000001d8, 0x000001d9, 0x000200f8,
  0x000001d8, 0x00050086, 0x00000008, 0x000001e0, 0x000000c8, 0x0000004b, 0x00050084, 0x00000008,
  0x000001e3, 0x00000386, 0x000001e2, 0x00050080, 0x00000008, 0x000001e4, 0x000001e0, 0x000001e3,
  0x000500b0, 0x00000020, 0x000001e7, 0x000001e4, 0x00000059, 0x000300f7, 0x000001e9, 0x00000000,
  0x000400fa, 0x000001e7, 0x000001e8, 0x000001e9, 0x000200f8, 0x000001e8, 0x00050080, 0x00000008,
  0x000001ec, 0x0000010c, 0x000001e4, 0x000500b0, 0x00000020, 0x000001ee, 0x000001ec, 0x000000e2,
  0x000200f9, 0x000001e9, 0x000200f8, 0x000001e9, 0x000700f5, 0x00000020, 0x000001ef, 0x000001e7,
  0x000001d8, 0x000001ee, 0x000001e8, 0x000500b0, 0x00000020, 0x000001f2, 0x000001d5, 0x000000ef,
  0x000500a7, 0x00000020, 0x000001f3, 0x000001ef, 0x000001f2, 0x000300f7, 0x000001f6, 0x00000000,
  0x000400fa, 0x000001f3, 0x000001f5, 0x00000205, 0x000200f8, 0x000001f5, 0x00050084, 0x00000008,
  0x000001fe, 0x000001e4, 0x000000ef, 0x00050080, 0x00000008, 0x000001ff, 0x0000016c, 0x000001fe,
  0x00050080, 0x00000008, 0x00000201, 0x000001ff, 0x000001d5, 0x00060041, 0x00000202, 0x00000203,
  0x000001fa, 0x00000152, 0x00000201, 0x0004003d, 0x0000002b, 0x00000204, 0x00000203, 0x000200f9,
  0x000001f6, 0x000200f8, 0x00000205, 0x000200f9, 0x000001f6, 0x000200f8, 0x000001f6, 0x000700f5,
  0x0000002b, 0x0000039e, 0x00000204, 0x000001f5, 0x00000032, 0x00000205, 0x00050041, 0x00000033,
  0x00000207, 0x000001a0, 0x00000386, 0x0003003e, 0x00000207, 0x0000039e, 0x000200f9, 0x000001da,
  0x000200f8, 0x000001da, 0x00050080, 0x00000008, 0x00000209, 0x00000386, 0x00000037, 0x000200f9,
  0x000001d7, 0x000200f8, 0x000001d9, 0x000200f9, 0x0000020b, 0x000200f8, 0x0000020b, 0x000700f5,
  0x00000008, 0x00000387, 0x00000018, 0x000001d9, 0x00000275, 0x0000020e, 0x000500b0, 0x00000020,
  0x00000211, 0x00000387, 0x000001b1, 0x000400f6, 0x0000020d, 0x0000020e, 0x00000000, 0x000400fa,
  0x00000211, 0x0000020c, 0x0000020d, 0x000200f8, 0x0000020c, 0x00050086, 0x00000008, 0x00000214,
  0x000000c8, 0x0000003d, 0x00050084, 0x00000008, 0x00000217, 0x00000387, 0x00000216, 0x00050080,
  0x00000008, 0x00000218, 0x00000214, 0x00000217, 0x00050080, 0x00000008, 0x0000021d, 0x000001d3,
  0x00000218, 0x000500b0, 0x00000020, 0x00000221, 0x00000218, 0x0000004b, 0x000500a7, 0x00000020,
  0x00000222, 0x0000011f, 0x00000221, 0x000500b0, 0x00000020, 0x00000225, 0x0000021d, 0x000000ef,
  0x000500a7, 0x00000020, 0x00000226, 0x00000222, 0x00000225, 0x000300f7, 0x00000228, 0x00000000,
  0x000400fa, 0x00000226, 0x00000227, 0x00000228, 0x000200f8, 0x00000227, 0x00050086, 0x00000008,
  0x0000022c, 0x0000021d, 0x000000eb, 0x00050084, 0x00000008, 0x00000231, 0x0000022c, 0x000000eb,
  0x00050082, 0x00000008, 0x00000232, 0x0000021d, 0x00000231, 0x0004007c, 0x00000008, 0x00000237,
  0x000000e9, 0x00050086, 0x00000008, 0x00000238, 0x00000232, 0x00000237, 0x0004007c, 0x00000036,
  0x0000023c, 0x00000238, 0x00050080, 0x00000036, 0x0000023d, 0x00000143, 0x0000023c, 0x00050084,
  0x00000008, 0x00000245, 0x00000238, 0x00000237, 0x00050082, 0x00000008, 0x00000246, 0x00000232,
  0x00000245, 0x0004007c, 0x00000036, 0x00000247, 0x00000246, 0x00050080, 0x00000036, 0x00000248,
  0x00000150, 0x00000247, 0x000500af, 0x00000020, 0x0000024a, 0x0000023d, 0x00000152, 0x000300f7,
  0x0000024c, 0x00000000, 0x000400fa, 0x0000024a, 0x0000024b, 0x0000024c, 0x000200f8, 0x0000024b,
  0x000500b1, 0x00000020, 0x00000250, 0x0000023d, 0x00000103, 0x000200f9, 0x0000024c, 0x000200f8,
  0x0000024c, 0x000700f5, 0x00000020, 0x00000251, 0x0000024a, 0x00000227, 0x00000250, 0x0000024b,
  0x000500af, 0x00000020, 0x00000253, 0x00000248, 0x00000152, 0x000500a7, 0x00000020, 0x00000254,
  0x00000251, 0x00000253, 0x000300f7, 0x00000256, 0x00000000, 0x000400fa, 0x00000254, 0x00000255,
  0x00000256, 0x000200f8, 0x00000255, 0x000500b1, 0x00000020, 0x0000025a, 0x00000248, 0x00000106,
  0x000200f9, 0x00000256, 0x000200f8, 0x00000256, 0x000700f5, 0x00000020, 0x0000025b, 0x00000254,
  0x0000024c, 0x0000025a, 0x00000255, 0x000300f7, 0x0000025d, 0x00000000, 0x000400fa, 0x0000025b,
  0x0000025c, 0x0000025d, 0x000200f8, 0x0000025c, 0x00050084, 0x00000008, 0x00000265, 0x0000022c,
  0x00000108, 0x00050080, 0x00000008, 0x00000266, 0x00000161, 0x00000265, 0x00050084, 0x00000036,
  0x0000026a, 0x0000023d, 0x00000106, 0x00050080, 0x00000036, 0x0000026c, 0x0000026a, 0x00000248,
  0x0004007c, 0x00000008, 0x0000026d, 0x0000026c, 0x00050080, 0x00000008, 0x0000026e, 0x00000266,
  0x0000026d, 0x00060041, 0x00000202, 0x0000026f, 0x00000261, 0x00000152, 0x0000026e, 0x0004003d,
  0x0000002b, 0x00000270, 0x0000026f, 0x000200f9, 0x0000025d, 0x000200f8, 0x0000025d, 0x000700f5,
  0x0000002b, 0x0000039b, 0x00000032, 0x00000256, 0x00000270, 0x0000025c, 0x000200f9, 0x00000228,
  0x000200f8, 0x00000228, 0x000700f5, 0x0000002b, 0x0000039a, 0x00000032, 0x0000020c, 0x0000039b,
  0x0000025d, 0x00050041, 0x00000033, 0x00000273, 0x000001c4, 0x00000387, 0x0003003e, 0x00000273,
  0x0000039a, 0x000200f9, 0x0000020e, 0x000200f8, 0x0000020e, 0x00050080, 0x00000008, 0x00000275,
  0x00000387, 0x00000037, 0x000200f9, 0x0000020b, 0x000200f8, 0x0000020d, 0x000200f9, 0x000001d0,
  0x000200f8, 0x000001d0, 0x000300f7, 0x00000279, 0x00000000, 0x000400fa, 0x0000017d, 0x00000278,
  0x00000279, 0x000200f8, 0x00000278, 0x00050089, 0x00000008, 0x00000314, 0x000000c8, 0x0000003e,
  0x00050086, 0x00000008, 0x00000316, 0x000000c8, 0x00000042, 0x000200f9, 0x00000317, 0x000200f8,
  0x00000317, 0x000700f5, 0x00000008, 0x0000038b, 0x00000018, 0x00000278, 0x00000366, 0x00000364,
  0x000500b0, 0x00000020, 0x0000031a, 0x0000038b, 0x0000004b, 0x000400f6, 0x00000367, 0x00000364,
  0x00000000, 0x000400fa, 0x0000031a, 0x0000031b, 0x00000367, 0x000200f8, 0x0000031b, 0x000200f9,
  0x0000031c, 0x000200f8, 0x0000031c, 0x000700f5, 0x00000008, 0x0000038e, 0x00000018, 0x0000031b,
  0x0000032e, 0x00000320, 0x000500b0, 0x00000020, 0x0000031f, 0x0000038e, 0x0000001f, 0x000400f6,
  0x0000032f, 0x00000320, 0x00000000, 0x000400fa, 0x0000031f, 0x00000320, 0x0000032f, 0x000200f8,
  0x00000320, 0x00050084, 0x00000008, 0x00000323, 0x0000038b, 0x0000005b, 0x00050080, 0x00000008,
  0x00000325, 0x00000323, 0x00000316, 0x00050084, 0x00000008, 0x00000327, 0x0000038e, 0x00000065,
  0x00050080, 0x00000008, 0x00000328, 0x00000325, 0x00000327, 0x00050041, 0x00000068, 0x00000329,
  0x0000005f, 0x00000328, 0x0004003d, 0x0000002b, 0x0000032a, 0x00000329, 0x00050041, 0x0000006b,
  0x0000032b, 0x0000030d, 0x0000038e, 0x0003003e, 0x0000032b, 0x0000032a, 0x00050080, 0x00000008,
  0x0000032e, 0x0000038e, 0x00000037, 0x000200f9, 0x0000031c, 0x000200f8, 0x0000032f, 0x000200f9,
  0x00000330, 0x000200f8, 0x00000330, 0x000700f5, 0x00000008, 0x0000038f, 0x00000018, 0x0000032f,
  0x00000342, 0x00000334, 0x000500b0, 0x00000020, 0x00000333, 0x0000038f, 0x00000029, 0x000400f6,
  0x00000343, 0x00000334, 0x00000000, 0x000400fa, 0x00000333, 0x00000334, 0x00000343, 0x000200f8,
  0x00000334, 0x00050084, 0x00000008, 0x00000337, 0x0000038b, 0x0000007a, 0x00050080, 0x00000008,
  0x00000339, 0x00000337, 0x00000314, 0x00050084, 0x00000008, 0x0000033b, 0x0000038f, 0x00000084,
  0x00050080, 0x00000008, 0x0000033c, 0x00000339, 0x0000033b, 0x00050041, 0x00000068, 0x0000033d,
  0x0000007e, 0x0000033c, 0x0004003d, 0x0000002b, 0x0000033e, 0x0000033d, 0x00050041, 0x0000006b,
  0x0000033f, 0x0000030f, 0x0000038f, 0x0003003e, 0x0000033f, 0x0000033e, 0x00050080, 0x00000008,
  0x00000342, 0x0000038f, 0x00000037, 0x000200f9, 0x00000330, 0x000200f8, 0x00000343, 0x000200f9,
  0x00000344, 0x000200f8, 0x00000344, 0x000700f5, 0x00000008, 0x00000390, 0x00000018, 0x00000343,
  0x00000362, 0x00000360, 0x000500b0, 0x00000020, 0x00000347, 0x00000390, 0x0000001f, 0x000400f6,
  0x00000363, 0x00000360, 0x00000000, 0x000400fa, 0x00000347, 0x00000348, 0x00000363, 0x000200f8,
  0x00000348, 0x000200f9, 0x00000349, 0x000200f8, 0x00000349, 0x000700f5, 0x00000008, 0x00000394,
  0x00000018, 0x00000348, 0x0000035e, 0x0000034d, 0x000500b0, 0x00000020, 0x0000034c, 0x00000394,
  0x00000029, 0x000400f6, 0x0000035f, 0x0000034d, 0x00000000, 0x000400fa, 0x0000034c, 0x0000034d,
  0x0000035f, 0x000200f8, 0x0000034d, 0x00050041, 0x0000006b, 0x00000351, 0x0000030d, 0x00000390,
  0x0004003d, 0x0000002b, 0x00000352, 0x00000351, 0x00050041, 0x0000006b, 0x00000354, 0x0000030f,
  0x00000394, 0x0004003d, 0x0000002b, 0x00000355, 0x00000354, 0x00060041, 0x00000033, 0x00000358,
  0x0000002f, 0x00000390, 0x00000394, 0x0004003d, 0x0000002b, 0x00000359, 0x00000358, 0x0008000c,
  0x0000002b, 0x0000035a, 0x00000001, 0x00000032, 0x00000352, 0x00000355, 0x00000359, 0x0003003e,
  0x00000358, 0x0000035a, 0x00050080, 0x00000008, 0x0000035e, 0x00000394, 0x00000037, 0x000200f9,
  0x00000349, 0x000200f8, 0x0000035f, 0x000200f9, 0x00000360, 0x000200f8, 0x00000360, 0x00050080,
  0x00000008, 0x00000362, 0x00000390, 0x00000037, 0x000200f9, 0x00000344, 0x000200f8, 0x00000363,
  0x000200f9, 0x00000364, 0x000200f8, 0x00000364, 0x00050080, 0x00000008, 0x00000366, 0x0000038b,
  0x00000037, 0x000200f9, 0x00000317, 0x000200f8, 0x00000367, 0x000400e0, 0x000000cb, 0x000000cb,
  0x000001cb, 0x000200f9, 0x00000279, 0x000200f8, 0x00000279, 0x000200f9, 0x00000177, 0x000200f8,
  0x00000177, 0x00050080, 0x00000008, 0x0000027e, 0x00000379, 0x00000037, 0x000200f9, 0x00000174,
  0x000200f8, 0x00000176, 0x000200f9, 0x00000280, 0x000200f8, 0x00000280, 0x000700f5, 0x00000008,
  0x0000037a, 0x00000018, 0x00000176, 0x000002ee, 0x00000283, 0x000500b0, 0x00000020, 0x00000286,
  0x0000037a, 0x0000001f, 0x000400f6, 0x00000282, 0x00000283, 0x00000000, 0x000400fa, 0x00000286,
  0x00000281, 0x00000282, 0x000200f8, 0x00000281, 0x00050086, 0x00000008, 0x0000036b, 0x000000c8,
  0x000000b1, 0x00050084, 0x00000008, 0x0000036d, 0x0000037a, 0x000000b4, 0x00050080, 0x00000008,
  0x0000036e, 0x0000036b, 0x0000036d, 0x00050080, 0x00000008, 0x0000028e, 0x0000010c, 0x0000036e,
  0x000500ae, 0x00000020, 0x00000291, 0x0000028e, 0x000000e2, 0x000300f7, 0x00000293, 0x00000000,
  0x000400fa, 0x00000291, 0x00000292, 0x00000293, 0x000200f8, 0x00000292, 0x000200f9, 0x00000283,
  0x000200f8, 0x00000293, 0x00050041, 0x00000153, 0x00000297, 0x000000d1, 0x00000296, 0x0004003d,
  0x00000008, 0x00000298, 0x00000297, 0x000500c7, 0x00000008, 0x00000299, 0x00000298, 0x0000005a,
  0x000500ab, 0x00000020, 0x0000029a, 0x00000299, 0x00000018, 0x000300f7, 0x0000029d, 0x00000000,
  0x000400fa, 0x0000029a, 0x0000029c, 0x000002ad, 0x000200f8, 0x0000029c, 0x00050041, 0x00000153,
  0x000002a3, 0x000000d1, 0x000002a2, 0x0004003d, 0x00000008, 0x000002a4, 0x000002a3, 0x00050080,
  0x00000008, 0x000002a8, 0x000002a4, 0x00000167, 0x00050080, 0x00000008, 0x000002aa, 0x000002a8,
  0x0000028e, 0x00060041, 0x00000202, 0x000002ab, 0x000002a1, 0x00000152, 0x000002aa, 0x0004003d,
  0x0000002b, 0x000002ac, 0x000002ab, 0x000200f9, 0x0000029d, 0x000200f8, 0x000002ad, 0x000200f9,
  0x0000029d, 0x000200f8, 0x0000029d, 0x000700f5, 0x0000002b, 0x0000037b, 0x000002ac, 0x0000029c,
  0x00000032, 0x000002ad, 0x000200f9, 0x000002b0, 0x000200f8, 0x000002b0, 0x000700f5, 0x00000008,
  0x0000037c, 0x00000018, 0x0000029d, 0x000002ec, 0x000002b3, 0x000500b0, 0x00000020, 0x000002b6,
  0x0000037c, 0x00000029, 0x000400f6, 0x000002b2, 0x000002b3, 0x00000000, 0x000400fa, 0x000002b6,
  0x000002b1, 0x000002b2, 0x000200f8, 0x000002b1, 0x00050089, 0x00000008, 0x00000372, 0x000000c8,
  0x000000ba, 0x00050084, 0x00000008, 0x00000374, 0x0000037c, 0x000000bd, 0x00050080, 0x00000008,
  0x00000375, 0x00000372, 0x00000374, 0x00050080, 0x00000008, 0x000002be, 0x00000110, 0x00000375,
  0x000500ae, 0x00000020, 0x000002c1, 0x000002be, 0x000000ff, 0x000300f7, 0x000002c3, 0x00000000,
  0x000400fa, 0x000002c1, 0x000002c2, 0x000002c3, 0x000200f8, 0x000002c2, 0x000200f9, 0x000002b3,
  0x000200f8, 0x000002c3, 0x00050086, 0x00000008, 0x000002c8, 0x000002be, 0x000000f8, 0x00050041,
  0x00000153, 0x000002ce, 0x000000d1, 0x000002cd, 0x0004003d, 0x00000008, 0x000002cf, 0x000002ce,
  0x0004007c, 0x00000008, 0x000002d3, 0x000000de, 0x00050084, 0x00000008, 0x000002d4, 0x000002c8,
  0x000002d3, 0x00050080, 0x00000008, 0x000002d8, 0x000002d4, 0x00000167, 0x00050080, 0x00000008,
  0x000002da, 0x000002d8, 0x0000028e, 0x00050084, 0x00000008, 0x000002dc, 0x000002da, 0x000000f8,
  0x00050080, 0x00000008, 0x000002dd, 0x000002cf, 0x000002dc, 0x00050084, 0x00000008, 0x000002e1,
  0x000002c8, 0x000000f8, 0x00050082, 0x00000008, 0x000002e2, 0x000002be, 0x000002e1, 0x00050080,
  0x00000008, 0x000002e3, 0x000002dd, 0x000002e2, 0x00060041, 0x00000033, 0x000002e6, 0x0000002f,
  0x0000037a, 0x0000037c, 0x0004003d, 0x0000002b, 0x000002e7, 0x000002e6, 0x00050081, 0x0000002b,
  0x000002e9, 0x000002e7, 0x0000037b, 0x00060041, 0x00000202, 0x000002ea, 0x000002cc, 0x00000152,
  0x000002e3, 0x0003003e, 0x000002ea, 0x000002e9, 0x000200f9, 0x000002b3, 0x000200f8, 0x000002b3,
  0x00050080, 0x00000008, 0x000002ec, 0x0000037c, 0x00000037, 0x000200f9, 0x000002b0, 0x000200f8,
  0x000002b2, 0x000200f9, 0x00000283, 0x000200f8, 0x00000283, 0x00050080, 0x00000008, 0x000002ee,
  0x0000037a, 0x00000037, 0x000200f9, 0x00000280, 0x000200f8, 0x00000282, 0x000100fd, 0x00010038,
};
static const uint32_t dive__spv_conv2d_bwd_x[] = { /* conv2d_bwd_x.comp, 2953 words */
  0x07230203, 0x00010300, 0x0008000b, 0x00000460, 0x00000000, 0x00020011, 0x00000001, 0x0006000b,
  0x00000001, 0x4c534c47, 0x6474732e, 0x3035342e, 0x00000000, 0x0003000e, 0x00000000, 0x00000001,
  0x0007000f, 0x00000005, 0x00000004, 0x6e69616d, 0x00000000, 0x000000c5, 0x000000d7, 0x00060010,
  0x00000004, 0x00000011, 0x00000100, 0x00000001, 0x00000001, 0x00040047, 0x0000001f, 0x00000001,
  0x00000004, 0x00040047, 0x00000029, 0x00000001, 0x00000005, 0x00040047, 0x0000003d, 0x00000001,
  0x00000002, 0x00040047, 0x0000004b, 0x00000001, 0x00000003, 0x00040047, 0x00000059, 0x00000001,
  0x00000001, 0x00040047, 0x000000c5, 0x0000000b, 0x0000001b, 0x00050048, 0x000000ca, 0x00000000,
  0x00000023, 0x00000000, 0x00050048, 0x000000ca, 0x00000001, 0x00000023, 0x00000004, 0x00050048,
  0x000000ca, 0x00000002, 0x00000023, 0x00000008, 0x00050048, 0x000000ca, 0x00000003, 0x00000023,
  0x0000000c, 0x00050048, 0x000000ca, 0x00000004, 0x00000023, 0x00000010, 0x00050048, 0x000000ca,
  0x00000005, 0x00000023, 0x00000014, 0x00050048, 0x000000ca, 0x00000006, 0x00000023, 0x00000018,
  0x00050048, 0x000000ca, 0x00000007, 0x00000023, 0x0000001c, 0x00050048, 0x000000ca, 0x00000008,
  0x00000023, 0x00000020, 0x00050048, 0x000000ca, 0x00000009, 0x00000023, 0x00000024, 0x00050048,
  0x000000ca, 0x0000000a, 0x00000023, 0x00000028, 0x00050048, 0x000000ca, 0x0000000b, 0x00000023,
  0x0000002c, 0x00050048, 0x000000ca, 0x0000000c, 0x00000023, 0x00000030, 0x00050048, 0x000000ca,
  0x0000000d, 0x00000023, 0x00000034, 0x00050048, 0x000000ca, 0x0000000e, 0x00000023, 0x00000038,
  0x00050048, 0x000000ca, 0x0000000f, 0x00000023, 0x0000003c, 0x00050048, 0x000000ca, 0x00000010,
  0x00000023, 0x00000040, 0x00050048, 0x000000ca, 0x00000011, 0x00000023, 0x00000044, 0x00050048,
  0x000000ca, 0x00000012, 0x00000023, 0x00000048, 0x00050048, 0x000000ca, 0x00000013, 0x00000023,
  0x0000004c, 0x00030047, 0x000000ca, 0x00000002, 0x00040047, 0x000000d7, 0x0000000b, 0x0000001a,
  0x00040047, 0x000002ae, 0x00000006, 0x00000004, 0x00040048, 0x000002af, 0x00000000, 0x00000018,
  0x00050048, 0x000002af, 0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x000002af, 0x00000002,
  0x00040047, 0x000002b1, 0x00000022, 0x00000000, 0x00040047, 0x000002b1, 0x00000021, 0x00000001,
  0x00040047, 0x00000311, 0x00000006, 0x00000004, 0x00040048, 0x00000312, 0x00000000, 0x00000018,
  0x00050048, 0x00000312, 0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x00000312, 0x00000002,
  0x00040047, 0x00000314, 0x00000022, 0x00000000, 0x00040047, 0x00000314, 0x00000021, 0x00000000,
  0x00040047, 0x00000378, 0x00000006, 0x00000004, 0x00040048, 0x00000379, 0x00000000, 0x00000019,
  0x00050048, 0x00000379, 0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x00000379, 0x00000002,
  0x00040047, 0x0000037b, 0x00000022, 0x00000000, 0x00040047, 0x0000037b, 0x00000021, 0x00000002,
  0x00040047, 0x000003a0, 0x00000001, 0x00000000, 0x00040047, 0x000003a1, 0x0000000b, 0x00000019,
  0x00020013, 0x00000002, 0x00030021, 0x00000003, 0x00000002, 0x00040015, 0x00000008, 0x00000020,
  0x00000000, 0x0004002b, 0x00000008, 0x00000018, 0x00000000, 0x00040032, 0x00000008, 0x0000001f,
  0x00000004, 0x00020014, 0x00000020, 0x00040032, 0x00000008, 0x00000029, 0x00000004, 0x00030016,
  0x0000002b, 0x00000020, 0x0004001c, 0x0000002c, 0x0000002b, 0x00000029, 0x0004001c, 0x0000002d,
  0x0000002c, 0x0000001f, 0x00040020, 0x0000002e, 0x00000006, 0x0000002d, 0x0004003b, 0x0000002e,
  0x0000002f, 0x00000006, 0x0004002b, 0x0000002b, 0x00000032, 0x00000000, 0x00040020, 0x00000033,
  0x00000006, 0x0000002b, 0x00040015, 0x00000036, 0x00000020, 0x00000001, 0x0004002b, 0x00000036,
  0x00000037, 0x00000001, 0x00040032, 0x00000008, 0x0000003d, 0x00000040, 0x00060034, 0x00000008,
  0x0000003e, 0x00000086, 0x0000003d, 0x00000029, 0x00060034, 0x00000008, 0x00000042, 0x00000086,
  0x0000003d, 0x00000029, 0x00040032, 0x00000008, 0x0000004b, 0x00000010, 0x0004001c, 0x00000055,
  0x0000002b, 0x0000001f, 0x00040020, 0x00000056, 0x00000007, 0x00000055, 0x00040032, 0x00000008,
  0x00000059, 0x00000040, 0x0004002b, 0x00000008, 0x0000005a, 0x00000001, 0x00060034, 0x00000008,
  0x0000005b, 0x00000080, 0x00000059, 0x0000005a, 0x00060034, 0x00000008, 0x0000005c, 0x00000084,
  0x0000004b, 0x0000005b, 0x0004001c, 0x0000005d, 0x0000002b, 0x0000005c, 0x00040020, 0x0000005e,
  0x00000004, 0x0000005d, 0x0004003b, 0x0000005e, 0x0000005f, 0x00000004, 0x00060034, 0x00000008,
  0x00000065, 0x00000086, 0x00000059, 0x0000001f, 0x00040020, 0x00000068, 0x00000004, 0x0000002b,
  0x00040020, 0x0000006b, 0x00000007, 0x0000002b, 0x00040020, 0x00000077, 0x00000007, 0x0000002c,
  0x00060034, 0x00000008, 0x0000007a, 0x00000080, 0x0000003d, 0x0000005a, 0x00060034, 0x00000008,
  0x0000007b, 0x00000084, 0x0000004b, 0x0000007a, 0x0004001c, 0x0000007c, 0x0000002b, 0x0000007b,
  0x00040020, 0x0000007d, 0x00000004, 0x0000007c, 0x0004003b, 0x0000007d, 0x0000007e, 0x00000004,
  0x00060034, 0x00000008, 0x00000084, 0x00000086, 0x0000003d, 0x00000029, 0x00060034, 0x00000008,
  0x000000b1, 0x00000086, 0x0000003d, 0x00000029, 0x00060034, 0x00000008, 0x000000b4, 0x00000086,
  0x00000059, 0x0000001f, 0x00060034, 0x00000008, 0x000000ba, 0x00000086, 0x0000003d, 0x00000029,
  0x00060034, 0x00000008, 0x000000bd, 0x00000086, 0x0000003d, 0x00000029, 0x00040017, 0x000000c3,
  0x00000008, 0x00000003, 0x00040020, 0x000000c4, 0x00000001, 0x000000c3, 0x0004003b, 0x000000c4,
  0x000000c5, 0x00000001, 0x00040020, 0x000000c6, 0x00000001, 0x00000008, 0x0016001e, 0x000000ca,
  0x00000008, 0x00000008, 0x00000008, 0x00000008, 0x00000036, 0x00000036, 0x00000036, 0x00000036,
  0x00000036, 0x00000036, 0x00000036, 0x00000036, 0x00000036, 0x00000036, 0x00000036, 0x00000036,
  0x00000008, 0x00000008, 0x00000008, 0x00000008, 0x00040020, 0x000000cb, 0x00000009, 0x000000ca,
  0x0004003b, 0x000000cb, 0x000000cc, 0x00000009, 0x0004002b, 0x00000036, 0x000000cd, 0x0000000d,
  0x00040020, 0x000000ce, 0x00000009, 0x00000036, 0x0004003b, 0x000000c4, 0x000000d7, 0x00000001,
  0x0004002b, 0x00000008, 0x000000d8, 0x00000002, 0x0004002b, 0x00000036, 0x000000eb, 0x00000005,
  0x0004002b, 0x00000036, 0x000000ee, 0x0000000f, 0x0004002b, 0x00000036, 0x000000f4, 0x00000008,
  0x0004002b, 0x00000036, 0x000000fc, 0x00000009, 0x0004002b, 0x00000036, 0x000000ff, 0x0000000a,
  0x0004002b, 0x00000036, 0x00000106, 0x0000000e, 0x0004002b, 0x00000036, 0x00000157, 0x00000006,
  0x0004002b, 0x00000036, 0x0000016d, 0x00000007, 0x0004002b, 0x00000036, 0x00000187, 0x00000004,
  0x0004002b, 0x00000036, 0x000001a4, 0x0000000b, 0x0004002b, 0x00000036, 0x000001a7, 0x0000000c,
  0x0004002b, 0x00000036, 0x000001de, 0x00000000, 0x00040020, 0x000001df, 0x00000009, 0x00000008,
  0x00060034, 0x00000008, 0x00000208, 0x00000084, 0x00000059, 0x0000004b, 0x00060034, 0x00000008,
  0x00000209, 0x00000086, 0x00000059, 0x0000001f, 0x00060034, 0x00000008, 0x0000020a, 0x00000086,
  0x0000003d, 0x00000029, 0x00060034, 0x00000008, 0x0000020b, 0x00000084, 0x00000209, 0x0000020a,
  0x00060034, 0x00000008, 0x0000020c, 0x00000080, 0x00000208, 0x0000020b, 0x00060034, 0x00000008,
  0x0000020d, 0x00000082, 0x0000020c, 0x0000005a, 0x00060034, 0x00000008, 0x0000020e, 0x00000086,
  0x0000020d, 0x0000020b, 0x00060034, 0x00000008, 0x00000214, 0x00000086, 0x0000020b, 0x0000004b,
  0x0004001c, 0x0000021f, 0x0000002b, 0x0000020e, 0x00040020, 0x00000220, 0x00000006, 0x0000021f,
  0x0004003b, 0x00000220, 0x00000221, 0x00000006, 0x00060034, 0x00000008, 0x0000022f, 0x00000084,
  0x0000004b, 0x0000003d, 0x00060034, 0x00000008, 0x00000230, 0x00000080, 0x0000022f, 0x0000020b,
  0x00060034, 0x00000008, 0x00000231, 0x00000082, 0x00000230, 0x0000005a, 0x00060034, 0x00000008,
  0x00000232, 0x00000086, 0x00000231, 0x0000020b, 0x00060034, 0x00000008, 0x00000238, 0x00000086,
  0x0000020b, 0x0000003d, 0x0004001c, 0x00000243, 0x0000002b, 0x00000232, 0x00040020, 0x00000244,
  0x00000006, 0x00000243, 0x0004003b, 0x00000244, 0x00000245, 0x00000006, 0x0004002b, 0x00000008,
  0x0000024c, 0x00000108, 0x00060034, 0x00000008, 0x00000299, 0x00000086, 0x0000020b, 0x0000004b,
  0x0003001d, 0x000002ae, 0x0000002b, 0x0003001e, 0x000002af, 0x000002ae, 0x00040020, 0x000002b0,
  0x0000000c, 0x000002af, 0x0004003b, 0x000002b0, 0x000002b1, 0x0000000c, 0x00040020, 0x000002b9,
  0x0000000c, 0x0000002b, 0x00060034, 0x00000008, 0x000002cd, 0x00000086, 0x0000020b, 0x0000003d,
  0x0003001d, 0x00000311, 0x0000002b, 0x0003001e, 0x00000312, 0x00000311, 0x00040020, 0x00000313,
  0x0000000c, 0x00000312, 0x0004003b, 0x00000313, 0x00000314, 0x0000000c, 0x0003001d, 0x00000378,
  0x0000002b, 0x0003001e, 0x00000379, 0x00000378, 0x00040020, 0x0000037a, 0x0000000c, 0x00000379,
  0x0004003b, 0x0000037a, 0x0000037b, 0x0000000c, 0x0004002b, 0x00000036, 0x0000037c, 0x00000002,
  0x00040032, 0x00000008, 0x000003a0, 0x00000100, 0x00060033, 0x000000c3, 0x000003a1, 0x000003a0,
  0x0000005a, 0x0000005a, 0x00050036, 0x00000002, 0x00000004, 0x00000000, 0x00000003, 0x000200f8,
  0x00000005, 0x0004003b, 0x00000056, 0x000003c3, 0x00000007, 0x0004003b, 0x00000077, 0x000003c5,
  0x00000007, 0x000300f7, 0x000003a2, 0x00000000, 0x000300fb, 0x00000018, 0x000003a3, 0x000200f8,
  0x000003a3, 0x00050041, 0x000000c6, 0x000000c7, 0x000000c5, 0x00000018, 0x0004003d, 0x00000008,
  0x000000c8, 0x000000c7, 0x00050041, 0x000000ce, 0x000000cf, 0x000000cc, 0x000000cd, 0x0004003d,
  0x00000036, 0x000000d0, 0x000000cf, 0x0004007c, 0x00000008, 0x000000d1, 0x000000d0, 0x00050084,
  0x00000008, 0x000000d5, 0x000000d1, 0x000000d1, 0x00050041, 0x000000c6, 0x000000d9, 0x000000d7,
  0x000000d8, 0x0004003d, 0x00000008, 0x000000da, 0x000000d9, 0x00050086, 0x00000008, 0x000000dc,
  0x000000da, 0x000000d5, 0x00050089, 0x00000008, 0x000000e1, 0x000000da, 0x000000d5, 0x00050086,
  0x00000008, 0x000000e5, 0x000000e1, 0x000000d1, 0x00050089, 0x00000008, 0x000000e9, 0x000000e1,
  0x000000d1, 0x00050041, 0x000000ce, 0x000000ec, 0x000000cc, 0x000000eb, 0x0004003d, 0x00000036,
  0x000000ed, 0x000000ec, 0x00050041, 0x000000ce, 0x000000ef, 0x000000cc, 0x000000ee, 0x0004003d,
  0x00000036, 0x000000f0, 0x000000ef, 0x00050087, 0x00000036, 0x000000f1, 0x000000ed, 0x000000f0,
  0x0004007c, 0x00000008, 0x000000f2, 0x000000f1, 0x00050041, 0x000000ce, 0x000000f5, 0x000000cc,
  0x000000f4, 0x0004003d, 0x00000036, 0x000000f6, 0x000000f5, 0x00050087, 0x00000036, 0x000000f9,
  0x000000f6, 0x000000f0, 0x0004007c, 0x00000008, 0x000000fa, 0x000000f9, 0x00050041, 0x000000ce,
  0x000000fd, 0x000000cc, 0x000000fc, 0x0004003d, 0x00000036, 0x000000fe, 0x000000fd, 0x00050041,
  0x000000ce, 0x00000100, 0x000000cc, 0x000000ff, 0x0004003d, 0x00000036, 0x00000101, 0x00000100,
  0x00050084, 0x00000036, 0x00000102, 0x000000fe, 0x00000101, 0x0004007c, 0x00000008, 0x00000103,
  0x00000102, 0x00050041, 0x000000ce, 0x00000107, 0x000000cc, 0x00000106, 0x0004003d, 0x00000036,
  0x00000108, 0x00000107, 0x0004007c, 0x00000008, 0x00000109, 0x00000108, 0x00050080, 0x00000008,
  0x0000010a, 0x000000e5, 0x00000109, 0x00050089, 0x00000008, 0x0000010c, 0x0000010a, 0x000000d1,
  0x00050080, 0x00000008, 0x00000112, 0x000000e9, 0x00000109, 0x00050089, 0x00000008, 0x00000114,
  0x00000112, 0x000000d1, 0x0004007c, 0x00000008, 0x00000118, 0x000000fe, 0x000500ac, 0x00000020,
  0x0000011a, 0x00000118, 0x0000010c, 0x000300f7, 0x0000011d, 0x00000000, 0x000400fa, 0x0000011a,
  0x0000011c, 0x00000128, 0x000200f8, 0x0000011c, 0x00050082, 0x00000008, 0x00000122, 0x00000118,
  0x0000010c, 0x00050080, 0x00000008, 0x00000124, 0x00000122, 0x000000d1, 0x00050082, 0x00000008,
  0x00000125, 0x00000124, 0x0000005a, 0x00050086, 0x00000008, 0x00000127, 0x00000125, 0x000000d1,
  0x000200f9, 0x0000011d, 0x000200f8, 0x00000128, 0x000200f9, 0x0000011d, 0x000200f8, 0x0000011d,
  0x000700f5, 0x00000008, 0x0000042c, 0x00000127, 0x0000011c, 0x00000018, 0x00000128, 0x0004007c,
  0x00000008, 0x0000012d, 0x00000101, 0x000500ac, 0x00000020, 0x0000012f, 0x0000012d, 0x00000114,
  0x000300f7, 0x00000132, 0x00000000, 0x000400fa, 0x0000012f, 0x00000131, 0x0000013d, 0x000200f8,
  0x00000131, 0x00050082, 0x00000008, 0x00000137, 0x0000012d, 0x00000114, 0x00050080, 0x00000008,
  0x00000139, 0x00000137, 0x000000d1, 0x00050082, 0x00000008, 0x0000013a, 0x00000139, 0x0000005a,
  0x00050086, 0x00000008, 0x0000013c, 0x0000013a, 0x000000d1, 0x000200f9, 0x00000132, 0x000200f8,
  0x0000013d, 0x000200f9, 0x00000132, 0x000200f8, 0x00000132, 0x000700f5, 0x00000008, 0x0000042d,
  0x0000013c, 0x00000131, 0x00000018, 0x0000013d, 0x00050082, 0x00000008, 0x00000147, 0x0000010a,
  0x0000010c, 0x00050086, 0x00000008, 0x00000149, 0x00000147, 0x000000d1, 0x0004007c, 0x00000036,
  0x0000014a, 0x00000149, 0x00050082, 0x00000008, 0x00000152, 0x00000112, 0x00000114, 0x00050086,
  0x00000008, 0x00000154, 0x00000152, 0x000000d1, 0x0004007c, 0x00000036, 0x00000155, 0x00000154,
  0x00050041, 0x000000ce, 0x00000158, 0x000000cc, 0x00000157, 0x0004003d, 0x00000036, 0x00000159,
  0x00000158, 0x0004007c, 0x00000008, 0x0000015a, 0x00000159, 0x000500ac, 0x00000020, 0x0000015c,
  0x0000015a, 0x000000e5, 0x000300f7, 0x0000015f, 0x00000000, 0x000400fa, 0x0000015c, 0x0000015e,
  0x0000016a, 0x000200f8, 0x0000015e, 0x00050082, 0x00000008, 0x00000164, 0x0000015a, 0x000000e5,
  0x00050080, 0x00000008, 0x00000166, 0x00000164, 0x000000d1, 0x00050082, 0x00000008, 0x00000167,
  0x00000166, 0x0000005a, 0x00050086, 0x00000008, 0x00000169, 0x00000167, 0x000000d1, 0x000200f9,
  0x0000015f, 0x000200f8, 0x0000016a, 0x000200f9, 0x0000015f, 0x000200f8, 0x0000015f, 0x000700f5,
  0x00000008, 0x0000042e, 0x00000169, 0x0000015e, 0x00000018, 0x0000016a, 0x00050041, 0x000000ce,
  0x0000016e, 0x000000cc, 0x0000016d, 0x0004003d, 0x00000036, 0x0000016f, 0x0000016e, 0x0004007c,
  0x00000008, 0x00000170, 0x0000016f, 0x000500ac, 0x00000020, 0x00000172, 0x00000170, 0x000000e9,
  0x000300f7, 0x00000175, 0x00000000, 0x000400fa, 0x00000172, 0x00000174, 0x00000180, 0x000200f8,
  0x00000174, 0x00050082, 0x00000008, 0x0000017a, 0x00000170, 0x000000e9, 0x00050080, 0x00000008,
  0x0000017c, 0x0000017a, 0x000000d1, 0x00050082, 0x00000008, 0x0000017d, 0x0000017c, 0x0000005a,
  0x00050086, 0x00000008, 0x0000017f, 0x0000017d, 0x000000d1, 0x000200f9, 0x00000175, 0x000200f8,
  0x00000180, 0x000200f9, 0x00000175, 0x000200f8, 0x00000175, 0x000700f5, 0x00000008, 0x0000042f,
  0x0000017f, 0x00000174, 0x00000018, 0x00000180, 0x00050084, 0x00000008, 0x00000185, 0x0000042e,
  0x0000042f, 0x00050041, 0x000000ce, 0x00000188, 0x000000cc, 0x00000187, 0x0004003d, 0x00000036,
  0x00000189, 0x00000188, 0x0004007c, 0x00000008, 0x0000018a, 0x00000189, 0x00050084, 0x00000008,
  0x0000018c, 0x0000018a, 0x00000185, 0x00050084, 0x00000008, 0x00000190, 0x0000042c, 0x0000042d,
  0x00050084, 0x00000008, 0x00000194, 0x000000fa, 0x00000190, 0x00050041, 0x000000c6, 0x00000196,
  0x000000d7, 0x0000005a, 0x0004003d, 0x00000008, 0x00000197, 0x00000196, 0x00050084, 0x00000008,
  0x00000198, 0x00000197, 0x00000059, 0x00050041, 0x000000c6, 0x0000019a, 0x000000d7, 0x00000018,
  0x0004003d, 0x00000008, 0x0000019b, 0x0000019a, 0x00050084, 0x00000008, 0x0000019c, 0x0000019b,
  0x0000003d, 0x000500ae, 0x00000020, 0x0000019f, 0x0000019c, 0x0000018c, 0x000300f7, 0x000001a1,
  0x00000000, 0x000400fa, 0x0000019f, 0x000001a0, 0x000001a1, 0x000200f8, 0x000001a0, 0x000200f9,
  0x000003a2, 0x000200f8, 0x000001a1, 0x00050041, 0x000000ce, 0x000001a5, 0x000000cc, 0x000001a4,
  0x0004003d, 0x00000036, 0x000001a6, 0x000001a5, 0x00050041, 0x000000ce, 0x000001a8, 0x000000cc,
  0x000001a7, 0x0004003d, 0x00000036, 0x000001a9, 0x000001a8, 0x00050084, 0x00000036, 0x000001aa,
  0x000001a6, 0x000001a9, 0x0004007c, 0x00000008, 0x000001ab, 0x000001aa, 0x00050089, 0x00000008,
  0x000001ae, 0x000000c8, 0x0000003d, 0x00050080, 0x00000008, 0x000001b2, 0x0000019c, 0x000001ae,
  0x00050089, 0x00000008, 0x000001b5, 0x000000c8, 0x0000004b, 0x000500b0, 0x00000020, 0x000001ba,
  0x000001b2, 0x0000018c, 0x000300f7, 0x000001bf, 0x00000000, 0x000400fa, 0x000001ba, 0x000001be,
  0x000001c3, 0x000200f8, 0x000001be, 0x00050086, 0x00000008, 0x000001c2, 0x000001b2, 0x00000185,
  0x000200f9, 0x000001bf, 0x000200f8, 0x000001c3, 0x000200f9, 0x000001bf, 0x000200f8, 0x000001bf,
  0x000700f5, 0x00000008, 0x00000430, 0x000001c2, 0x000001be, 0x00000018, 0x000001c3, 0x000300f7,
  0x000001c9, 0x00000000, 0x000400fa, 0x000001ba, 0x000001c8, 0x000001cd, 0x000200f8, 0x000001c8,
  0x00050089, 0x00000008, 0x000001cc, 0x000001b2, 0x00000185, 0x000200f9, 0x000001c9, 0x000200f8,
  0x000001cd, 0x000200f9, 0x000001c9, 0x000200f8, 0x000001c9, 0x000700f5, 0x00000008, 0x00000431,
  0x000001cc, 0x000001c8, 0x00000018, 0x000001cd, 0x00050086, 0x00000008, 0x000001d2, 0x00000431,
  0x0000042f, 0x0004007c, 0x00000036, 0x000001d3, 0x000001d2, 0x00050080, 0x00000036, 0x000001d5,
  0x000001d3, 0x0000014a, 0x00050089, 0x00000008, 0x000001d9, 0x00000431, 0x0000042f, 0x0004007c,
  0x00000036, 0x000001da, 0x000001d9, 0x00050080, 0x00000036, 0x000001dc, 0x000001da, 0x00000155,
  0x00050041, 0x000001df, 0x000001e0, 0x000000cc, 0x000001de, 0x0004003d, 0x00000008, 0x000001e1,
  0x000001e0, 0x0004007c, 0x00000008, 0x000001e5, 0x000000f6, 0x00050084, 0x00000008, 0x000001e6,
  0x00000430, 0x000001e5, 0x00050084, 0x00000008, 0x000001e9, 0x000000dc, 0x000000fa, 0x00050080,
  0x00000008, 0x000001ea, 0x000001e6, 0x000001e9, 0x00050084, 0x00000008, 0x000001ec, 0x000001ea,
  0x000001ab, 0x00050080, 0x00000008, 0x000001ed, 0x000001e1, 0x000001ec, 0x00050080, 0x00000008,
  0x000001f0, 0x00000194, 0x0000004b, 0x00050082, 0x00000008, 0x000001f1, 0x000001f0, 0x0000005a,
  0x00050086, 0x00000008, 0x000001f2, 0x000001f1, 0x0000004b, 0x000200f9, 0x000003aa, 0x000200f8,
  0x000003aa, 0x000700f5, 0x00000008, 0x00000432, 0x00000018, 0x000001c9, 0x000003bd, 0x000003bb,
  0x000500b0, 0x00000020, 0x000003ad, 0x00000432, 0x0000001f, 0x000400f6, 0x000003be, 0x000003bb,
  0x00000000, 0x000400fa, 0x000003ad, 0x000003ae, 0x000003be, 0x000200f8, 0x000003ae, 0x000200f9,
  0x000003af, 0x000200f8, 0x000003af, 0x000700f5, 0x00000008, 0x0000045f, 0x00000018, 0x000003ae,
  0x000003b9, 0x000003b3, 0x000500b0, 0x00000020, 0x000003b2, 0x0000045f, 0x00000029, 0x000400f6,
  0x000003ba, 0x000003b3, 0x00000000, 0x000400fa, 0x000003b2, 0x000003b3, 0x000003ba, 0x000200f8,
  0x000003b3, 0x00060041, 0x00000033, 0x000003b6, 0x0000002f, 0x00000432, 0x0000045f, 0x0003003e,
  0x000003b6, 0x00000032, 0x00050080, 0x00000008, 0x000003b9, 0x0000045f, 0x00000037, 0x000200f9,
  0x000003af, 0x000200f8, 0x000003ba, 0x000200f9, 0x000003bb, 0x000200f8, 0x000003bb, 0x00050080,
  0x00000008, 0x000003bd, 0x00000432, 0x00000037, 0x000200f9, 0x000003aa, 0x000200f8, 0x000003be,
  0x000200f9, 0x000001f5, 0x000200f8, 0x000001f5, 0x000700f5, 0x00000008, 0x00000433, 0x00000018,
  0x000003be, 0x00000331, 0x000001f8, 0x000500b2, 0x00000020, 0x000001fc, 0x00000433, 0x000001f2,
  0x000400f6, 0x000001f7, 0x000001f8, 0x00000000, 0x000400fa, 0x000001fc, 0x000001f6, 0x000001f7,
  0x000200f8, 0x000001f6, 0x000500ac, 0x00000020, 0x000001fe, 0x00000433, 0x00000018, 0x000300f7,
  0x00000200, 0x00000000, 0x000400fa, 0x000001fe, 0x000001ff, 0x00000200, 0x000200f8, 0x000001ff,
  0x000200f9, 0x00000202, 0x000200f8, 0x00000202, 0x000700f5, 0x00000008, 0x00000439, 0x00000018,
  0x000001ff, 0x00000227, 0x00000205, 0x000500b0, 0x00000020, 0x0000020f, 0x00000439, 0x0000020e,
  0x000400f6, 0x00000204, 0x00000205, 0x00000000, 0x000400fa, 0x0000020f, 0x00000203, 0x00000204,
  0x000200f8, 0x00000203, 0x00050086, 0x00000008, 0x00000212, 0x000000c8, 0x0000004b, 0x00050084,
  0x00000008, 0x00000215, 0x00000439, 0x00000214, 0x00050080, 0x00000008, 0x00000216, 0x00000212,
  0x00000215, 0x000500b0, 0x00000020, 0x00000218, 0x00000216, 0x00000059, 0x000300f7, 0x0000021a,
  0x00000000, 0x000400fa, 0x00000218, 0x00000219, 0x0000021a, 0x000200f8, 0x00000219, 0x00050084,
  0x00000008, 0x0000021c, 0x000001b5, 0x0000005b, 0x00050080, 0x00000008, 0x0000021e, 0x0000021c,
  0x00000216, 0x00050041, 0x00000033, 0x00000223, 0x00000221, 0x00000439, 0x0004003d, 0x0000002b,
  0x00000224, 0x00000223, 0x00050041, 0x00000068, 0x00000225, 0x0000005f, 0x0000021e, 0x0003003e,
  0x00000225, 0x00000224, 0x000200f9, 0x0000021a, 0x000200f8, 0x0000021a, 0x000200f9, 0x00000205,
  0x000200f8, 0x00000205, 0x00050080, 0x00000008, 0x00000227, 0x00000439, 0x00000037, 0x000200f9,
  0x00000202, 0x000200f8, 0x00000204, 0x000200f9, 0x00000229, 0x000200f8, 0x00000229, 0x000700f5,
  0x00000008, 0x0000043a, 0x00000018, 0x00000204, 0x0000024b, 0x0000022c, 0x000500b0, 0x00000020,
  0x00000233, 0x0000043a, 0x00000232, 0x000400f6, 0x0000022b, 0x0000022c, 0x00000000, 0x000400fa,
  0x00000233, 0x0000022a, 0x0000022b, 0x000200f8, 0x0000022a, 0x00050086, 0x00000008, 0x00000236,
  0x000000c8, 0x0000003d, 0x00050084, 0x00000008, 0x00000239, 0x0000043a, 0x00000238, 0x00050080,
  0x00000008, 0x0000023a, 0x00000236, 0x00000239, 0x000500b0, 0x00000020, 0x0000023c, 0x0000023a,
  0x0000004b, 0x000300f7, 0x0000023e, 0x00000000, 0x000400fa, 0x0000023c, 0x0000023d, 0x0000023e,
  0x000200f8, 0x0000023d, 0x00050084, 0x00000008, 0x00000240, 0x0000023a, 0x0000007a, 0x00050080,
  0x00000008, 0x00000242, 0x00000240, 0x000001ae, 0x00050041, 0x00000033, 0x00000247, 0x00000245,
  0x0000043a, 0x0004003d, 0x0000002b, 0x00000248, 0x00000247, 0x00050041, 0x00000068, 0x00000249,
  0x0000007e, 0x00000242, 0x0003003e, 0x00000249, 0x00000248, 0x000200f9, 0x0000023e, 0x000200f8,
  0x0000023e, 0x000200f9, 0x0000022c, 0x000200f8, 0x0000022c, 0x00050080, 0x00000008, 0x0000024b,
  0x0000043a, 0x00000037, 0x000200f9, 0x00000229, 0x000200f8, 0x0000022b, 0x000400e0, 0x000000d8,
  0x000000d8, 0x0000024c, 0x000200f9, 0x00000200, 0x000200f8, 0x00000200, 0x000500b0, 0x00000020,
  0x0000024f, 0x00000433, 0x000001f2, 0x000300f7, 0x00000251, 0x00000000, 0x000400fa, 0x0000024f,
  0x00000250, 0x00000251, 0x000200f8, 0x00000250, 0x00050084, 0x00000008, 0x00000254, 0x00000433,
  0x0000004b, 0x00050080, 0x00000008, 0x00000256, 0x00000254, 0x000001b5, 0x000500b0, 0x00000020,
  0x0000025a, 0x00000256, 0x00000194, 0x000300f7, 0x0000025c, 0x00000000, 0x000400fa, 0x0000025a,
  0x0000025b, 0x0000025c, 0x000200f8, 0x0000025b, 0x00050086, 0x00000008, 0x00000260, 0x00000256,
  0x00000190, 0x00050084, 0x00000008, 0x00000265, 0x00000260, 0x00000190, 0x00050082, 0x00000008,
  0x00000266, 0x00000256, 0x00000265, 0x00050086, 0x00000008, 0x0000026a, 0x00000266, 0x0000042d,
  0x00050084, 0x00000008, 0x0000026f, 0x0000026a, 0x0000042d, 0x00050082, 0x00000008, 0x00000270,
  0x00000266, 0x0000026f, 0x00050041, 0x000001df, 0x00000271, 0x000000cc, 0x00000037, 0x0004003d,
  0x00000008, 0x00000272, 0x00000271, 0x00050080, 0x00000008, 0x00000277, 0x000001e9, 0x00000260,
  0x00050084, 0x00000008, 0x00000279, 0x00000277, 0x000000f2, 0x00050084, 0x00000008, 0x0000027b,
  0x00000279, 0x00000103, 0x00050080, 0x00000008, 0x0000027c, 0x00000272, 0x0000027b, 0x00050084,
  0x00000008, 0x00000280, 0x0000026a, 0x000000d1, 0x00050080, 0x00000008, 0x00000281, 0x0000010c,
  0x00000280, 0x00050084, 0x00000008, 0x00000285, 0x00000281, 0x0000012d, 0x00050080, 0x00000008,
  0x00000286, 0x0000027c, 0x00000285, 0x00050080, 0x00000008, 0x00000288, 0x00000286, 0x00000114,
  0x00050084, 0x00000008, 0x0000028b, 0x00000270, 0x000000d1, 0x00050080, 0x00000008, 0x0000028c,
  0x00000288, 0x0000028b, 0x000200f9, 0x0000025c, 0x000200f8, 0x0000025c, 0x000700f5, 0x00000008,
  0x00000459, 0x00000018, 0x00000250, 0x0000028c, 0x0000025b, 0x000200f9, 0x0000028e, 0x000200f8,
  0x0000028e, 0x000700f5, 0x00000008, 0x0000043e, 0x00000018, 0x0000025c, 0x000002c0, 0x00000291,
  0x000500b0, 0x00000020, 0x00000294, 0x0000043e, 0x0000020e, 0x000400f6, 0x00000290, 0x00000291,
  0x00000000, 0x000400fa, 0x00000294, 0x0000028f, 0x00000290, 0x000200f8, 0x0000028f, 0x00050086,
  0x00000008, 0x00000297, 0x000000c8, 0x0000004b, 0x00050084, 0x00000008, 0x0000029a, 0x0000043e,
  0x00000299, 0x00050080, 0x00000008, 0x0000029b, 0x00000297, 0x0000029a, 0x000500b0, 0x00000020,
  0x0000029e, 0x0000029b, 0x00000059, 0x000300f7, 0x000002a0, 0x00000000, 0x000400fa, 0x0000029e,
  0x0000029f, 0x000002a0, 0x000200f8, 0x0000029f, 0x00050080, 0x00000008, 0x000002a3, 0x00000198,
  0x0000029b, 0x000500b0, 0x00000020, 0x000002a5, 0x000002a3, 0x000000f2, 0x000200f9, 0x000002a0,
  0x000200f8, 0x000002a0, 0x000700f5, 0x00000020, 0x000002a6, 0x0000029e, 0x0000028f, 0x000002a5,
  0x0000029f, 0x000500a7, 0x00000020, 0x000002aa, 0x000002a6, 0x0000025a, 0x000300f7, 0x000002ad,
  0x00000000, 0x000400fa, 0x000002aa, 0x000002ac, 0x000002bc, 0x000200f8, 0x000002ac, 0x00050080,
  0x00000008, 0x000002b5, 0x00000198, 0x0000029b, 0x00050084, 0x00000008, 0x000002b7, 0x000002b5,
  0x00000103, 0x00050080, 0x00000008, 0x000002b8, 0x00000459, 0x000002b7, 0x00060041, 0x000002b9,
  0x000002ba, 0x000002b1, 0x000001de, 0x000002b8, 0x0004003d, 0x0000002b, 0x000002bb, 0x000002ba,
  0x000200f9, 0x000002ad, 0x000200f8, 0x000002bc, 0x000200f9, 0x000002ad, 0x000200f8, 0x000002ad,
  0x000700f5, 0x0000002b, 0x0000045a, 0x000002bb, 0x000002ac, 0x00000032, 0x000002bc, 0x00050041,
  0x00000033, 0x000002be, 0x00000221, 0x0000043e, 0x0003003e, 0x000002be, 0x0000045a, 0x000200f9,
  0x00000291, 0x000200f8, 0x00000291, 0x00050080, 0x00000008, 0x000002c0, 0x0000043e, 0x00000037,
  0x000200f9, 0x0000028e, 0x000200f8, 0x00000290, 0x000200f9, 0x000002c2, 0x000200f8, 0x000002c2,
  0x000700f5, 0x00000008, 0x0000043f, 0x00000018, 0x00000290, 0x00000328, 0x000002c5, 0x000500b0,
  0x00000020, 0x000002c8, 0x0000043f, 0x00000232, 0x000400f6, 0x000002c4, 0x000002c5, 0x00000000,
  0x000400fa, 0x000002c8, 0x000002c3, 0x000002c4, 0x000200f8, 0x000002c3, 0x00050086, 0x00000008,
  0x000002cb, 0x000000c8, 0x0000003d, 0x00050084, 0x00000008, 0x000002ce, 0x0000043f, 0x000002cd,
  0x00050080, 0x00000008, 0x000002cf, 0x000002cb, 0x000002ce, 0x00050080, 0x00000008, 0x000002d4,
  0x00000254, 0x000002cf, 0x000500b0, 0x00000020, 0x000002d8, 0x000002cf, 0x0000004b, 0x000500a7,
  0x00000020, 0x000002d9, 0x000001ba, 0x000002d8, 0x000500b0, 0x00000020, 0x000002dc, 0x000002d4,
  0x00000194, 0x000500a7, 0x00000020, 0x000002dd, 0x000002d9, 0x000002dc, 0x000300f7, 0x000002df,
  0x00000000, 0x000400fa, 0x000002dd, 0x000002de, 0x000002df, 0x000200f8, 0x000002de, 0x00050086,
  0x00000008, 0x000002e3, 0x000002d4, 0x00000190, 0x00050084, 0x00000008, 0x000002e8, 0x000002e3,
  0x00000190, 0x00050082, 0x00000008, 0x000002e9, 0x000002d4, 0x000002e8, 0x00050086, 0x00000008,
  0x000002ed, 0x000002e9, 0x0000042d, 0x0004007c, 0x00000036, 0x000002f1, 0x000002ed, 0x00050082,
  0x00000036, 0x000002f2, 0x000001d5, 0x000002f1, 0x00050084, 0x00000008, 0x000002f8, 0x000002ed,
  0x0000042d, 0x00050082, 0x00000008, 0x000002f9, 0x000002e9, 0x000002f8, 0x0004007c, 0x00000036,
  0x000002fa, 0x000002f9, 0x00050082, 0x00000036, 0x000002fb, 0x000001dc, 0x000002fa, 0x000500af,
  0x00000020, 0x000002fd, 0x000002f2, 0x000001de, 0x000300f7, 0x000002ff, 0x00000000, 0x000400fa,
  0x000002fd, 0x000002fe, 0x000002ff, 0x000200f8, 0x000002fe, 0x000500b1, 0x00000020, 0x00000303,
  0x000002f2, 0x000001a6, 0x000200f9, 0x000002ff, 0x000200f8, 0x000002ff, 0x000700f5, 0x00000020,
  0x00000304, 0x000002fd, 0x000002de, 0x00000303, 0x000002fe, 0x000500af, 0x00000020, 0x00000306,
  0x000002fb, 0x000001de, 0x000500a7, 0x00000020, 0x00000307, 0x00000304, 0x00000306, 0x000300f7,
  0x00000309, 0x00000000, 0x000400fa, 0x00000307, 0x00000308, 0x00000309, 0x000200f8, 0x00000308,
  0x000500b1, 0x00000020, 0x0000030d, 0x000002fb, 0x000001a9, 0x000200f9, 0x00000309, 0x000200f8,
  0x00000309, 0x000700f5, 0x00000020, 0x0000030e, 0x00000307, 0x000002ff, 0x0000030d, 0x00000308,
  0x000300f7, 0x00000310, 0x00000000, 0x000400fa, 0x0000030e, 0x0000030f, 0x00000310, 0x000200f8,
  0x0000030f, 0x00050084, 0x00000008, 0x00000318, 0x000002e3, 0x000001ab, 0x00050080, 0x00000008,
  0x00000319, 0x000001ed, 0x00000318, 0x00050084, 0x00000036, 0x0000031d, 0x000002f2, 0x000001a9,
  0x00050080, 0x00000036, 0x0000031f, 0x0000031d, 0x000002fb, 0x0004007c, 0x00000008, 0x00000320,
  0x0000031f, 0x00050080, 0x00000008, 0x00000321, 0x00000319, 0x00000320, 0x00060041, 0x000002b9,
  0x00000322, 0x00000314, 0x000001de, 0x00000321, 0x0004003d, 0x0000002b, 0x00000323, 0x00000322,
  0x000200f9, 0x00000310, 0x000200f8, 0x00000310, 0x000700f5, 0x0000002b, 0x00000454, 0x00000032,
  0x00000309, 0x00000323, 0x0000030f, 0x000200f9, 0x000002df, 0x000200f8, 0x000002df, 0x000700f5,
  0x0000002b, 0x00000453, 0x00000032, 0x000002c3, 0x00000454, 0x00000310, 0x00050041, 0x00000033,
  0x00000326, 0x00000245, 0x0000043f, 0x0003003e, 0x00000326, 0x00000453, 0x000200f9, 0x000002c5,
  0x000200f8, 0x000002c5, 0x00050080, 0x00000008, 0x00000328, 0x0000043f, 0x00000037, 0x000200f9,
  0x000002c2, 0x000200f8, 0x000002c4, 0x000200f9, 0x00000251, 0x000200f8, 0x00000251, 0x000300f7,
  0x0000032c, 0x00000000, 0x000400fa, 0x000001fe, 0x0000032b, 0x0000032c, 0x000200f8, 0x0000032b,
  0x00050089, 0x00000008, 0x000003ca, 0x000000c8, 0x0000003e, 0x00050086, 0x00000008, 0x000003cc,
  0x000000c8, 0x00000042, 0x000200f9, 0x000003cd, 0x000200f8, 0x000003cd, 0x000700f5, 0x00000008,
  0x00000444, 0x00000018, 0x0000032b, 0x0000041c, 0x0000041a, 0x000500b0, 0x00000020, 0x000003d0,
  0x00000444, 0x0000004b, 0x000400f6, 0x0000041d, 0x0000041a, 0x00000000, 0x000400fa, 0x000003d0,
  0x000003d1, 0x0000041d, 0x000200f8, 0x000003d1, 0x000200f9, 0x000003d2, 0x000200f8, 0x000003d2,
  0x000700f5, 0x00000008, 0x00000447, 0x00000018, 0x000003d1, 0x000003e4, 0x000003d6, 0x000500b0,
  0x00000020, 0x000003d5, 0x00000447, 0x0000001f, 0x000400f6, 0x000003e5, 0x000003d6, 0x00000000,
  0x000400fa, 0x000003d5, 0x000003d6, 0x000003e5, 0x000200f8, 0x000003d6, 0x00050084, 0x00000008,
  0x000003d9, 0x00000444, 0x0000005b, 0x00050080, 0x00000008, 0x000003db, 0x000003d9, 0x000003cc,
  0x00050084, 0x00000008, 0x000003dd, 0x00000447, 0x00000065, 0x00050080, 0x00000008, 0x000003de,
  0x000003db, 0x000003dd, 0x00050041, 0x00000068, 0x000003df, 0x0000005f, 0x000003de, 0x0004003d,
  0x0000002b, 0x000003e0, 0x000003df, 0x00050041, 0x0000006b, 0x000003e1, 0x000003c3, 0x00000447,
  0x0003003e, 0x000003e1, 0x000003e0, 0x00050080, 0x00000008, 0x000003e4, 0x00000447, 0x00000037,
  0x000200f9, 0x000003d2, 0x000200f8, 0x000003e5, 0x000200f9, 0x000003e6, 0x000200f8, 0x000003e6,
  0x000700f5, 0x00000008, 0x00000448, 0x00000018, 0x000003e5, 0x000003f8, 0x000003ea, 0x000500b0,
  0x00000020, 0x000003e9, 0x00000448, 0x00000029, 0x000400f6, 0x000003f9, 0x000003ea, 0x00000000,
  0x000400fa, 0x000003e9, 0x000003ea, 0x000003f9, 0x000200f8, 0x000003ea, 0x00050084, 0x00000008,
  0x000003ed, 0x00000444, 0x0000007a, 0x00050080, 0x00000008, 0x000003ef, 0x000003ed, 0x000003ca,
  0x00050084, 0x00000008, 0x000003f1, 0x00000448, 0x00000084, 0x00050080, 0x00000008, 0x000003f2,
  0x000003ef, 0x000003f1, 0x00050041, 0x00000068, 0x000003f3, 0x0000007e, 0x000003f2, 0x0004003d,
  0x0000002b, 0x000003f4, 0x000003f3, 0x00050041, 0x0000006b, 0x000003f5, 0x000003c5, 0x00000448,
  0x0003003e, 0x000003f5, 0x000003f4, 0x00050080, 0x00000008, 0x000003f8, 0x00000448, 0x00000037,
  0x000200f9, 0x000003e6, 0x000200f8, 0x000003f9, 0x000200f9, 0x000003fa, 0x000200f8, 0x000003fa,
  0x000700f5, 0x00000008, 0x00000449, 0x00000018, 0x000003f9, 0x00000418, 0x00000416, 0x000500b0,
  0x00000020, 0x000003fd, 0x00000449, 0x0000001f, 0x000400f6, 0x00000419, 0x00000416, 0x00000000,
  0x000400fa, 0x000003fd, 0x000003fe, 0x00000419, 0x000200f8, 0x000003fe, 0x000200f9, 0x000003ff,
  0x000200f8, 0x000003ff, 0x000700f5, 0x00000008, 0x0000044d, 0x00000018, 0x000003fe, 0x00000414,
  0x00000403, 0x000500b0, 0x00000020, 0x00000402, 0x0000044d, 0x00000029, 0x000400f6, 0x00000415,
  0x00000403, 0x00000000, 0x000400fa, 0x00000402, 0x00000403, 0x00000415, 0x000200f8, 0x00000403,
  0x00050041, 0x0000006b, 0x00000407, 0x000003c3, 0x00000449, 0x0004003d, 0x0000002b, 0x00000408,
  0x00000407, 0x00050041, 0x0000006b, 0x0000040a, 0x000003c5, 0x0000044d, 0x0004003d, 0x0000002b,
  0x0000040b, 0x0000040a, 0x00060041, 0x00000033, 0x0000040e, 0x0000002f, 0x00000449, 0x0000044d,
  0x0004003d, 0x0000002b, 0x0000040f, 0x0000040e, 0x0008000c, 0x0000002b, 0x00000410, 0x00000001,
  0x00000032, 0x00000408, 0x0000040b, 0x0000040f, 0x0003003e, 0x0000040e, 0x00000410, 0x00050080,
  0x00000008, 0x00000414, 0x0000044d, 0x00000037, 0x000200f9, 0x000003ff, 0x000200f8, 0x00000415,
  0x000200f9, 0x00000416, 0x000200f8, 0x00000416, 0x00050080, 0x00000008, 0x00000418, 0x00000449,
  0x00000037, 0x000200f9, 0x000003fa, 0x000200f8, 0x00000419, 0x000200f9, 0x0000041a, 0x000200f8,
  0x0000041a, 0x00050080, 0x00000008, 0x0000041c, 0x00000444, 0x00000037, 0x000200f9, 0x000003cd,
  0x000200f8, 0x0000041d, 0x000400e0, 0x000000d8, 0x000000d8, 0x0000024c, 0x000200f9, 0x0000032c,
  0x000200f8, 0x0000032c, 0x000200f9, 0x000001f8, 0x000200f8, 0x000001f8, 0x00050080, 0x00000008,
  0x00000331, 0x00000433, 0x00000037, 0x000200f9, 0x000001f5, 0x000200f8, 0x000001f7, 0x000200f9,
  0x00000333, 0x000200f8, 0x00000333, 0x000700f5, 0x00000008, 0x00000434, 0x00000018, 0x000001f7,
  0x0000039f, 0x00000336, 0x000500b0, 0x00000020, 0x00000339, 0x00000434, 0x0000001f, 0x000400f6,
  0x00000335, 0x00000336, 0x00000000, 0x000400fa, 0x00000339, 0x00000334, 0x00000335, 0x000200f8,
  0x00000334, 0x00050086, 0x00000008, 0x00000421, 0x000000c8, 0x000000b1, 0x00050084, 0x00000008,
  0x00000423, 0x00000434, 0x000000b4, 0x00050080, 0x00000008, 0x00000424, 0x00000421, 0x00000423,
  0x00050080, 0x00000008, 0x00000341, 0x00000198, 0x00000424, 0x000500ae, 0x00000020, 0x00000344,
  0x00000341, 0x000000f2, 0x000300f7, 0x00000346, 0x00000000, 0x000400fa, 0x00000344, 0x00000345,
  0x00000346, 0x000200f8, 0x00000345, 0x000200f9, 0x00000336, 0x000200f8, 0x00000346, 0x000200f9,
  0x00000349, 0x000200f8, 0x00000349, 0x000700f5, 0x00000008, 0x00000435, 0x00000018, 0x00000346,
  0x0000039d, 0x0000034c, 0x000500b0, 0x00000020, 0x0000034f, 0x00000435, 0x00000029, 0x000400f6,
  0x0000034b, 0x0000034c, 0x00000000, 0x000400fa, 0x0000034f, 0x0000034a, 0x0000034b, 0x000200f8,
  0x0000034a, 0x00050089, 0x00000008, 0x00000428, 0x000000c8, 0x000000ba, 0x00050084, 0x00000008,
  0x0000042a, 0x00000435, 0x000000bd, 0x00050080, 0x00000008, 0x0000042b, 0x00000428, 0x0000042a,
  0x00050080, 0x00000008, 0x00000357, 0x0000019c, 0x0000042b, 0x000500ae, 0x00000020, 0x0000035a,
  0x00000357, 0x0000018c, 0x000300f7, 0x0000035c, 0x00000000, 0x000400fa, 0x0000035a, 0x0000035b,
  0x0000035c, 0x000200f8, 0x0000035b, 0x000200f9, 0x0000034c, 0x000200f8, 0x0000035c, 0x00050086,
  0x00000008, 0x00000361, 0x00000357, 0x00000185, 0x00050084, 0x00000008, 0x00000366, 0x00000361,
  0x00000185, 0x00050082, 0x00000008, 0x00000367, 0x00000357, 0x00000366, 0x00050086, 0x00000008,
  0x0000036c, 0x00000367, 0x0000042f, 0x00050084, 0x00000008, 0x0000036e, 0x0000036c, 0x000000d1,
  0x00050080, 0x00000008, 0x0000036f, 0x000000e5, 0x0000036e, 0x00050089, 0x00000008, 0x00000374,
  0x00000367, 0x0000042f, 0x00050084, 0x00000008, 0x00000376, 0x00000374, 0x000000d1, 0x00050080,
  0x00000008, 0x00000377, 0x000000e9, 0x00000376, 0x00050041, 0x000001df, 0x0000037d, 0x000000cc,
  0x0000037c, 0x0004003d, 0x00000008, 0x0000037e, 0x0000037d, 0x0004007c, 0x00000008, 0x00000382,
  0x000000ed, 0x00050084, 0x00000008, 0x00000383, 0x00000361, 0x00000382, 0x00050084, 0x00000008,
  0x00000386, 0x000000dc, 0x000000f2, 0x00050080, 0x00000008, 0x00000387, 0x00000383, 0x00000386,
  0x00050080, 0x00000008, 0x00000389, 0x00000387, 0x00000341, 0x00050084, 0x00000008, 0x0000038d,
  0x00000389, 0x0000015a, 0x00050080, 0x00000008, 0x0000038f, 0x0000038d, 0x0000036f, 0x00050084,
  0x00000008, 0x00000393, 0x0000038f, 0x00000170, 0x00050080, 0x00000008, 0x00000394, 0x0000037e,
  0x00000393, 0x00050080, 0x00000008, 0x00000396, 0x00000394, 0x00000377, 0x00060041, 0x00000033,
  0x00000399, 0x0000002f, 0x00000434, 0x00000435, 0x0004003d, 0x0000002b, 0x0000039a, 0x00000399,
  0x00060041, 0x000002b9, 0x0000039b, 0x0000037b, 0x000001de, 0x00000396, 0x0003003e, 0x0000039b,
  0x0000039a, 0x000200f9, 0x0000034c, 0x000200f8, 0x0000034c, 0x00050080, 0x00000008, 0x0000039d,
  0x00000435, 0x00000037, 0x000200f9, 0x00000349, 0x000200f8, 0x0000034b, 0x000200f9, 0x00000336,
  0x000200f8, 0x00000336, 0x00050080, 0x00000008, 0x0000039f, 0x00000434, 0x00000037, 0x000200f9,
  0x00000333, 0x000200f8, 0x00000335, 0x000200f9, 0x000003a2, 0x000200f8, 0x000003a2, 0x000100fd,
  0x00010038,
};
static const uint32_t dive__spv_conv2d_bwd_w[] = { /* conv2d_bwd_w.comp, 2904 words */
  0x07230203, 0x00010300, 0x0008000b, 0x000003f7, 0x00000000, 0x00020011, 0x00000001, 0x0006000b,
  0x00000001, 0x4c534c47, 0x6474732e, 0x3035342e, 0x00000000, 0x0003000e, 0x00000000, 0x00000001,
  0x0007000f, 0x00000005, 0x00000004, 0x6e69616d, 0x00000000, 0x000000c5, 0x000000ca, 0x00060010,
  0x00000004, 0x00000011, 0x00000100, 0x00000001, 0x00000001, 0x00040047, 0x0000001f, 0x00000001,
  0x00000004, 0x00040047, 0x00000029, 0x00000001, 0x00000005, 0x00040047, 0x0000003d, 0x00000001,
  0x00000002, 0x00040047, 0x0000004b, 0x00000001, 0x00000003, 0x00040047, 0x00000059, 0x00000001,
  0x00000001, 0x00040047, 0x000000c5, 0x0000000b, 0x0000001b, 0x00040047, 0x000000ca, 0x0000000b,
  0x0000001a, 0x00050048, 0x000000ce, 0x00000000, 0x00000023, 0x00000000, 0x00050048, 0x000000ce,
  0x00000001, 0x00000023, 0x00000004, 0x00050048, 0x000000ce, 0x00000002, 0x00000023, 0x00000008,
  0x00050048, 0x000000ce, 0x00000003, 0x00000023, 0x0000000c, 0x00050048, 0x000000ce, 0x00000004,
  0x00000023, 0x00000010, 0x00050048, 0x000000ce, 0x00000005, 0x00000023, 0x00000014, 0x00050048,
  0x000000ce, 0x00000006, 0x00000023, 0x00000018, 0x00050048, 0x000000ce, 0x00000007, 0x00000023,
  0x0000001c, 0x00050048, 0x000000ce, 0x00000008, 0x00000023, 0x00000020, 0x00050048, 0x000000ce,
  0x00000009, 0x00000023, 0x00000024, 0x00050048, 0x000000ce, 0x0000000a, 0x00000023, 0x00000028,
  0x00050048, 0x000000ce, 0x0000000b, 0x00000023, 0x0000002c, 0x00050048, 0x000000ce, 0x0000000c,
  0x00000023, 0x00000030, 0x00050048, 0x000000ce, 0x0000000d, 0x00000023, 0x00000034, 0x00050048,
  0x000000ce, 0x0000000e, 0x00000023, 0x00000038, 0x00050048, 0x000000ce, 0x0000000f, 0x00000023,
  0x0000003c, 0x00050048, 0x000000ce, 0x00000010, 0x00000023, 0x00000040, 0x00050048, 0x000000ce,
  0x00000011, 0x00000023, 0x00000044, 0x00050048, 0x000000ce, 0x00000012, 0x00000023, 0x00000048,
  0x00050048, 0x000000ce, 0x00000013, 0x00000023, 0x0000004c, 0x00030047, 0x000000ce, 0x00000002,
  0x00040047, 0x0000026b, 0x00000006, 0x00000004, 0x00040048, 0x0000026c, 0x00000000, 0x00000018,
  0x00050048, 0x0000026c, 0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x0000026c, 0x00000002,
  0x00040047, 0x0000026e, 0x00000022, 0x00000000, 0x00040047, 0x0000026e, 0x00000021, 0x00000000,
  0x00040047, 0x000002b3, 0x00000006, 0x00000004, 0x00040048, 0x000002b4, 0x00000000, 0x00000018,
  0x00050048, 0x000002b4, 0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x000002b4, 0x00000002,
  0x00040047, 0x000002b6, 0x00000022, 0x00000000, 0x00040047, 0x000002b6, 0x00000021, 0x00000001,
  0x00040047, 0x00000315, 0x00000006, 0x00000004, 0x00050048, 0x00000316, 0x00000000, 0x00000023,
  0x00000000, 0x00030047, 0x00000316, 0x00000002, 0x00040047, 0x00000318, 0x00000022, 0x00000000,
  0x00040047, 0x00000318, 0x00000021, 0x00000002, 0x00040047, 0x00000327, 0x00000006, 0x00000004,
  0x00040048, 0x00000328, 0x00000000, 0x00000019, 0x00050048, 0x00000328, 0x00000000, 0x00000023,
  0x00000000, 0x00030047, 0x00000328, 0x00000002, 0x00040047, 0x0000032a, 0x00000022, 0x00000000,
  0x00040047, 0x0000032a, 0x00000021, 0x00000003, 0x00040047, 0x0000033d, 0x00000001, 0x00000000,
  0x00040047, 0x0000033e, 0x0000000b, 0x00000019, 0x00020013, 0x00000002, 0x00030021, 0x00000003,
  0x00000002, 0x00040015, 0x00000008, 0x00000020, 0x00000000, 0x00040020, 0x00000009, 0x00000007,
  0x00000008, 0x0004002b, 0x00000008, 0x00000018, 0x00000000, 0x00040032, 0x00000008, 0x0000001f,
  0x00000004, 0x00020014, 0x00000020, 0x00040032, 0x00000008, 0x00000029, 0x00000004, 0x00030016,
  0x0000002b, 0x00000020, 0x0004001c, 0x0000002c, 0x0000002b, 0x00000029, 0x0004001c, 0x0000002d,
  0x0000002c, 0x0000001f, 0x00040020, 0x0000002e, 0x00000006, 0x0000002d, 0x0004003b, 0x0000002e,
  0x0000002f, 0x00000006, 0x0004002b, 0x0000002b, 0x00000032, 0x00000000, 0x00040020, 0x00000033,
  0x00000006, 0x0000002b, 0x00040015, 0x00000036, 0x00000020, 0x00000001, 0x0004002b, 0x00000036,
  0x00000037, 0x00000001, 0x00040032, 0x00000008, 0x0000003d, 0x00000040, 0x00060034, 0x00000008,
  0x0000003e, 0x00000086, 0x0000003d, 0x00000029, 0x00060034, 0x00000008, 0x00000042, 0x00000086,
  0x0000003d, 0x00000029, 0x00040032, 0x00000008, 0x0000004b, 0x00000010, 0x0004001c, 0x00000055,
  0x0000002b, 0x0000001f, 0x00040020, 0x00000056, 0x00000007, 0x00000055, 0x00040032, 0x00000008,
  0x00000059, 0x00000040, 0x0004002b, 0x00000008, 0x0000005a, 0x00000001, 0x00060034, 0x00000008,
  0x0000005b, 0x00000080, 0x00000059, 0x0000005a, 0x00060034, 0x00000008, 0x0000005c, 0x00000084,
  0x0000004b, 0x0000005b, 0x0004001c, 0x0000005d, 0x0000002b, 0x0000005c, 0x00040020, 0x0000005e,
  0x00000004, 0x0000005d, 0x0004003b, 0x0000005e, 0x0000005f, 0x00000004, 0x00060034, 0x00000008,
  0x00000065, 0x00000086, 0x00000059, 0x0000001f, 0x00040020, 0x00000068, 0x00000004, 0x0000002b,
  0x00040020, 0x0000006b, 0x00000007, 0x0000002b, 0x00040020, 0x00000077, 0x00000007, 0x0000002c,
  0x00060034, 0x00000008, 0x0000007a, 0x00000080, 0x0000003d, 0x0000005a, 0x00060034, 0x00000008,
  0x0000007b, 0x00000084, 0x0000004b, 0x0000007a, 0x0004001c, 0x0000007c, 0x0000002b, 0x0000007b,
  0x00040020, 0x0000007d, 0x00000004, 0x0000007c, 0x0004003b, 0x0000007d, 0x0000007e, 0x00000004,
  0x00060034, 0x00000008, 0x00000084, 0x00000086, 0x0000003d, 0x00000029, 0x00060034, 0x00000008,
  0x000000b1, 0x00000086, 0x0000003d, 0x00000029, 0x00060034, 0x00000008, 0x000000b4, 0x00000086,
  0x00000059, 0x0000001f, 0x00060034, 0x00000008, 0x000000ba, 0x00000086, 0x0000003d, 0x00000029,
  0x00060034, 0x00000008, 0x000000bd, 0x00000086, 0x0000003d, 0x00000029, 0x00040017, 0x000000c3,
  0x00000008, 0x00000003, 0x00040020, 0x000000c4, 0x00000001, 0x000000c3, 0x0004003b, 0x000000c4,
  0x000000c5, 0x00000001, 0x00040020, 0x000000c6, 0x00000001, 0x00000008, 0x0004003b, 0x000000c4,
  0x000000ca, 0x00000001, 0x0004002b, 0x00000008, 0x000000cb, 0x00000002, 0x0016001e, 0x000000ce,
  0x00000008, 0x00000008, 0x00000008, 0x00000008, 0x00000036, 0x00000036, 0x00000036, 0x00000036,
  0x00000036, 0x00000036, 0x00000036, 0x00000036, 0x00000036, 0x00000036, 0x00000036, 0x00000036,
  0x00000008, 0x00000008, 0x00000008, 0x00000008, 0x00040020, 0x000000cf, 0x00000009, 0x000000ce,
  0x0004003b, 0x000000cf, 0x000000d0, 0x00000009, 0x0004002b, 0x00000036, 0x000000d1, 0x00000013,
  0x00040020, 0x000000d2, 0x00000009, 0x00000008, 0x0004002b, 0x00000036, 0x000000dd, 0x00000005,
  0x00040020, 0x000000de, 0x00000009, 0x00000036, 0x0004002b, 0x00000036, 0x000000e1, 0x0000000f,
  0x0004002b, 0x00000036, 0x000000e7, 0x00000008, 0x0004002b, 0x00000036, 0x000000ef, 0x00000009,
  0x0004002b, 0x00000036, 0x000000f2, 0x0000000a, 0x0004002b, 0x00000036, 0x000000fc, 0x0000000b,
  0x0004002b, 0x00000036, 0x000000ff, 0x0000000c, 0x0004002b, 0x00000036, 0x00000105, 0x00000004,
  0x0004002b, 0x00000036, 0x0000010c, 0x00000006, 0x0004002b, 0x00000036, 0x0000010f, 0x00000007,
  0x0004002b, 0x00000036, 0x0000011e, 0x00000012, 0x00060034, 0x00000008, 0x00000133, 0x00000084,
  0x0000004b, 0x0000003d, 0x00060034, 0x00000008, 0x00000134, 0x00000086, 0x00000059, 0x0000001f,
  0x00060034, 0x00000008, 0x00000135, 0x00000086, 0x0000003d, 0x00000029, 0x00060034, 0x00000008,
  0x00000136, 0x00000084, 0x00000134, 0x00000135, 0x00060034, 0x00000008, 0x00000137, 0x00000080,
  0x00000133, 0x00000136, 0x00060034, 0x00000008, 0x00000138, 0x00000082, 0x00000137, 0x0000005a,
  0x00060034, 0x00000008, 0x00000139, 0x00000086, 0x00000138, 0x00000136, 0x00060034, 0x00000008,
  0x0000013f, 0x00000086, 0x00000136, 0x0000004b, 0x0004001c, 0x00000146, 0x00000008, 0x00000139,
  0x00040020, 0x00000147, 0x00000007, 0x00000146, 0x0004002b, 0x00000008, 0x0000014a, 0xffffffff,
  0x0004001c, 0x0000014c, 0x00000036, 0x00000139, 0x00040020, 0x0000014d, 0x00000007, 0x0000014c,
  0x0004002b, 0x00000036, 0x00000150, 0x00000000, 0x00040020, 0x00000151, 0x00000007, 0x00000036,
  0x0004002b, 0x00000036, 0x0000017f, 0x00000010, 0x00060034, 0x00000008, 0x000001a9, 0x00000084,
  0x00000059, 0x0000004b, 0x00060034, 0x00000008, 0x000001aa, 0x00000080, 0x000001a9, 0x00000136,
  0x00060034, 0x00000008, 0x000001ab, 0x00000082, 0x000001aa, 0x0000005a, 0x00060034, 0x00000008,
  0x000001ac, 0x00000086, 0x000001ab, 0x00000136, 0x00060034, 0x00000008, 0x000001b2, 0x00000086,
  0x00000136, 0x0000004b, 0x0004001c, 0x000001bd, 0x0000002b, 0x000001ac, 0x00040020, 0x000001be,
  0x00000006, 0x000001bd, 0x0004003b, 0x000001be, 0x000001bf, 0x00000006, 0x00060034, 0x00000008,
  0x000001d2, 0x00000086, 0x00000136, 0x0000004b, 0x0004001c, 0x000001dd, 0x0000002b, 0x00000139,
  0x00040020, 0x000001de, 0x00000006, 0x000001dd, 0x0004003b, 0x000001de, 0x000001df, 0x00000006,
  0x0004002b, 0x00000008, 0x000001e6, 0x00000108, 0x0004002b, 0x00000036, 0x00000217, 0x0000000d,
  0x0004002b, 0x00000036, 0x0000021b, 0x0000000e, 0x00060034, 0x00000008, 0x00000258, 0x00000086,
  0x00000136, 0x0000004b, 0x0003001d, 0x0000026b, 0x0000002b, 0x0003001e, 0x0000026c, 0x0000026b,
  0x00040020, 0x0000026d, 0x0000000c, 0x0000026c, 0x0004003b, 0x0000026d, 0x0000026e, 0x0000000c,
  0x00040020, 0x00000274, 0x0000000c, 0x0000002b, 0x0004002b, 0x00000036, 0x00000294, 0x0000ffff,
  0x0003001d, 0x000002b3, 0x0000002b, 0x0003001e, 0x000002b4, 0x000002b3, 0x00040020, 0x000002b5,
  0x0000000c, 0x000002b4, 0x0004003b, 0x000002b5, 0x000002b6, 0x0000000c, 0x0003001d, 0x00000315,
  0x0000002b, 0x0003001e, 0x00000316, 0x00000315, 0x00040020, 0x00000317, 0x0000000c, 0x00000316,
  0x0004003b, 0x00000317, 0x00000318, 0x0000000c, 0x0004002b, 0x00000036, 0x00000319, 0x00000002,
  0x0003001d, 0x00000327, 0x0000002b, 0x0003001e, 0x00000328, 0x00000327, 0x00040020, 0x00000329,
  0x0000000c, 0x00000328, 0x0004003b, 0x00000329, 0x0000032a, 0x0000000c, 0x0004002b, 0x00000036,
  0x0000032b, 0x00000003, 0x00040032, 0x00000008, 0x0000033d, 0x00000100, 0x00060033, 0x000000c3,
  0x0000033e, 0x0000033d, 0x0000005a, 0x0000005a, 0x00050036, 0x00000002, 0x00000004, 0x00000000,
  0x00000003, 0x000200f8, 0x00000005, 0x0004003b, 0x00000056, 0x0000035b, 0x00000007, 0x0004003b,
  0x00000077, 0x0000035d, 0x00000007, 0x0004003b, 0x00000147, 0x00000148, 0x00000007, 0x0004003b,
  0x0000014d, 0x0000014e, 0x00000007, 0x00050041, 0x000000c6, 0x000000c7, 0x000000c5, 0x00000018,
  0x0004003d, 0x00000008, 0x000000c8, 0x000000c7, 0x00050041, 0x000000c6, 0x000000cc, 0x000000ca,
  0x000000cb, 0x0004003d, 0x00000008, 0x000000cd, 0x000000cc, 0x00050041, 0x000000d2, 0x000000d3,
  0x000000d0, 0x000000d1, 0x0004003d, 0x00000008, 0x000000d4, 0x000000d3, 0x00050086, 0x00000008,
  0x000000d5, 0x000000cd, 0x000000d4, 0x00050089, 0x00000008, 0x000000db, 0x000000cd, 0x000000d4,
  0x00050041, 0x000000de, 0x000000df, 0x000000d0, 0x000000dd, 0x0004003d, 0x00000036, 0x000000e0,
  0x000000df, 0x00050041, 0x000000de, 0x000000e2, 0x000000d0, 0x000000e1, 0x0004003d, 0x00000036,
  0x000000e3, 0x000000e2, 0x00050087, 0x00000036, 0x000000e4, 0x000000e0, 0x000000e3, 0x0004007c,
  0x00000008, 0x000000e5, 0x000000e4, 0x00050041, 0x000000de, 0x000000e8, 0x000000d0, 0x000000e7,
  0x0004003d, 0x00000036, 0x000000e9, 0x000000e8, 0x00050087, 0x00000036, 0x000000ec, 0x000000e9,
  0x000000e3, 0x0004007c, 0x00000008, 0x000000ed, 0x000000ec, 0x00050041, 0x000000de, 0x000000f0,
  0x000000d0, 0x000000ef, 0x0004003d, 0x00000036, 0x000000f1, 0x000000f0, 0x00050041, 0x000000de,
  0x000000f3, 0x000000d0, 0x000000f2, 0x0004003d, 0x00000036, 0x000000f4, 0x000000f3, 0x00050084,
  0x00000036, 0x000000f5, 0x000000f1, 0x000000f4, 0x0004007c, 0x00000008, 0x000000f6, 0x000000f5,
  0x00050084, 0x00000008, 0x000000fa, 0x000000e5, 0x000000f6, 0x00050041, 0x000000de, 0x000000fd,
  0x000000d0, 0x000000fc, 0x0004003d, 0x00000036, 0x000000fe, 0x000000fd, 0x00050041, 0x000000de,
  0x00000100, 0x000000d0, 0x000000ff, 0x0004003d, 0x00000036, 0x00000101, 0x00000100, 0x00050084,
  0x00000036, 0x00000102, 0x000000fe, 0x00000101, 0x0004007c, 0x00000008, 0x00000103, 0x00000102,
  0x00050041, 0x000000de, 0x00000106, 0x000000d0, 0x00000105, 0x0004003d, 0x00000036, 0x00000107,
  0x00000106, 0x0004007c, 0x00000008, 0x00000108, 0x00000107, 0x00050084, 0x00000008, 0x0000010a,
  0x00000108, 0x00000103, 0x00050041, 0x000000de, 0x0000010d, 0x000000d0, 0x0000010c, 0x0004003d,
  0x00000036, 0x0000010e, 0x0000010d, 0x00050041, 0x000000de, 0x00000110, 0x000000d0, 0x0000010f,
  0x0004003d, 0x00000036, 0x00000111, 0x00000110, 0x00050084, 0x00000036, 0x00000112, 0x0000010e,
  0x00000111, 0x0004007c, 0x00000008, 0x00000113, 0x00000112, 0x00050041, 0x000000c6, 0x00000115,
  0x000000ca, 0x0000005a, 0x0004003d, 0x00000008, 0x00000116, 0x00000115, 0x00050084, 0x00000008,
  0x00000117, 0x00000116, 0x00000059, 0x00050041, 0x000000c6, 0x00000119, 0x000000ca, 0x00000018,
  0x0004003d, 0x00000008, 0x0000011a, 0x00000119, 0x00050084, 0x00000008, 0x0000011b, 0x0000011a,
  0x0000003d, 0x00050041, 0x000000d2, 0x0000011f, 0x000000d0, 0x0000011e, 0x0004003d, 0x00000008,
  0x00000120, 0x0000011f, 0x00050084, 0x00000008, 0x00000121, 0x000000db, 0x00000120, 0x00050080,
  0x00000008, 0x00000126, 0x00000121, 0x00000120, 0x0007000c, 0x00000008, 0x00000128, 0x00000001,
  0x00000026, 0x00000126, 0x0000010a, 0x00050089, 0x00000008, 0x0000012b, 0x000000c8, 0x0000004b,
  0x000200f9, 0x0000012d, 0x000200f8, 0x0000012d, 0x000700f5, 0x00000008, 0x000003c4, 0x00000018,
  0x00000005, 0x00000184, 0x00000130, 0x000500b0, 0x00000020, 0x0000013a, 0x000003c4, 0x00000139,
  0x000400f6, 0x0000012f, 0x00000130, 0x00000000, 0x000400fa, 0x0000013a, 0x0000012e, 0x0000012f,
  0x000200f8, 0x0000012e, 0x00050086, 0x00000008, 0x0000013d, 0x000000c8, 0x0000004b, 0x00050084,
  0x00000008, 0x00000140, 0x000003c4, 0x0000013f, 0x00050080, 0x00000008, 0x00000141, 0x0000013d,
  0x00000140, 0x00050080, 0x00000008, 0x00000145, 0x0000011b, 0x00000141, 0x00050041, 0x00000009,
  0x0000014b, 0x00000148, 0x000003c4, 0x0003003e, 0x0000014b, 0x0000014a, 0x00050041, 0x00000151,
  0x00000152, 0x0000014e, 0x000003c4, 0x0003003e, 0x00000152, 0x00000150, 0x000500b0, 0x00000020,
  0x00000154, 0x00000141, 0x0000003d, 0x000500b0, 0x00000020, 0x00000157, 0x00000145, 0x000000fa,
  0x000500a7, 0x00000020, 0x00000158, 0x00000154, 0x00000157, 0x000300f7, 0x0000015a, 0x00000000,
  0x000400fa, 0x00000158, 0x00000159, 0x0000015a, 0x000200f8, 0x00000159, 0x00050086, 0x00000008,
  0x0000015e, 0x00000145, 0x000000f6, 0x00050084, 0x00000008, 0x00000163, 0x0000015e, 0x000000f6,
  0x00050082, 0x00000008, 0x00000164, 0x00000145, 0x00000163, 0x0004007c, 0x00000008, 0x00000169,
  0x000000f4, 0x00050086, 0x00000008, 0x0000016a, 0x00000164, 0x00000169, 0x00050084, 0x00000008,
  0x0000016e, 0x000000d5, 0x000000e5, 0x00050080, 0x00000008, 0x00000170, 0x0000016e, 0x0000015e,
  0x00050084, 0x00000008, 0x00000172, 0x00000170, 0x00000113, 0x0003003e, 0x0000014b, 0x00000172,
  0x0004007c, 0x00000036, 0x00000176, 0x0000016a, 0x00050084, 0x00000008, 0x0000017c, 0x0000016a,
  0x00000169, 0x00050082, 0x00000008, 0x0000017d, 0x00000164, 0x0000017c, 0x0004007c, 0x00000036,
  0x0000017e, 0x0000017d, 0x000500c4, 0x00000036, 0x00000180, 0x0000017e, 0x0000017f, 0x000500c5,
  0x00000036, 0x00000181, 0x00000176, 0x00000180, 0x0003003e, 0x00000152, 0x00000181, 0x000200f9,
  0x0000015a, 0x000200f8, 0x0000015a, 0x000200f9, 0x00000130, 0x000200f8, 0x00000130, 0x00050080,
  0x00000008, 0x00000184, 0x000003c4, 0x00000037, 0x000200f9, 0x0000012d, 0x000200f8, 0x0000012f,
  0x000500ac, 0x00000020, 0x00000188, 0x00000128, 0x00000121, 0x000300f7, 0x0000018b, 0x00000000,
  0x000400fa, 0x00000188, 0x0000018a, 0x00000192, 0x000200f8, 0x0000018a, 0x00050082, 0x00000008,
  0x0000018e, 0x00000128, 0x00000121, 0x00050080, 0x00000008, 0x0000018f, 0x0000018e, 0x0000004b,
  0x00050082, 0x00000008, 0x00000190, 0x0000018f, 0x0000005a, 0x00050086, 0x00000008, 0x00000191,
  0x00000190, 0x0000004b, 0x000200f9, 0x0000018b, 0x000200f8, 0x00000192, 0x000200f9, 0x0000018b,
  0x000200f8, 0x0000018b, 0x000700f5, 0x00000008, 0x000003c5, 0x00000191, 0x0000018a, 0x00000018,
  0x00000192, 0x000200f9, 0x00000342, 0x000200f8, 0x00000342, 0x000700f5, 0x00000008, 0x000003c6,
  0x00000018, 0x0000018b, 0x00000355, 0x00000353, 0x000500b0, 0x00000020, 0x00000345, 0x000003c6,
  0x0000001f, 0x000400f6, 0x00000356, 0x00000353, 0x00000000, 0x000400fa, 0x00000345, 0x00000346,
  0x00000356, 0x000200f8, 0x00000346, 0x000200f9, 0x00000347, 0x000200f8, 0x00000347, 0x000700f5,
  0x00000008, 0x000003f6, 0x00000018, 0x00000346, 0x00000351, 0x0000034b, 0x000500b0, 0x00000020,
  0x0000034a, 0x000003f6, 0x00000029, 0x000400f6, 0x00000352, 0x0000034b, 0x00000000, 0x000400fa,
  0x0000034a, 0x0000034b, 0x00000352, 0x000200f8, 0x0000034b, 0x00060041, 0x00000033, 0x0000034e,
  0x0000002f, 0x000003c6, 0x000003f6, 0x0003003e, 0x0000034e, 0x00000032, 0x00050080, 0x00000008,
  0x00000351, 0x000003f6, 0x00000037, 0x000200f9, 0x00000347, 0x000200f8, 0x00000352, 0x000200f9,
  0x00000353, 0x000200f8, 0x00000353, 0x00050080, 0x00000008, 0x00000355, 0x000003c6, 0x00000037,
  0x000200f9, 0x00000342, 0x000200f8, 0x00000356, 0x000200f9, 0x00000196, 0x000200f8, 0x00000196,
  0x000700f5, 0x00000008, 0x000003c7, 0x00000018, 0x00000356, 0x000002d3, 0x00000199, 0x000500b2,
  0x00000020, 0x0000019d, 0x000003c7, 0x000003c5, 0x000400f6, 0x00000198, 0x00000199, 0x00000000,
  0x000400fa, 0x0000019d, 0x00000197, 0x00000198, 0x000200f8, 0x00000197, 0x000500ac, 0x00000020,
  0x0000019f, 0x000003c7, 0x00000018, 0x000300f7, 0x000001a1, 0x00000000, 0x000400fa, 0x0000019f,
  0x000001a0, 0x000001a1, 0x000200f8, 0x000001a0, 0x000200f9, 0x000001a3, 0x000200f8, 0x000001a3,
  0x000700f5, 0x00000008, 0x000003ce, 0x00000018, 0x000001a0, 0x000001c5, 0x000001a6, 0x000500b0,
  0x00000020, 0x000001ad, 0x000003ce, 0x000001ac, 0x000400f6, 0x000001a5, 0x000001a6, 0x00000000,
  0x000400fa, 0x000001ad, 0x000001a4, 0x000001a5, 0x000200f8, 0x000001a4, 0x00050086, 0x00000008,
  0x000001b0, 0x000000c8, 0x0000004b, 0x00050084, 0x00000008, 0x000001b3, 0x000003ce, 0x000001b2,
  0x00050080, 0x00000008, 0x000001b4, 0x000001b0, 0x000001b3, 0x000500b0, 0x00000020, 0x000001b6,
  0x000001b4, 0x00000059, 0x000300f7, 0x000001b8, 0x00000000, 0x000400fa, 0x000001b6, 0x000001b7,
  0x000001b8, 0x000200f8, 0x000001b7, 0x00050084, 0x00000008, 0x000001ba, 0x0000012b, 0x0000005b,
  0x00050080, 0x00000008, 0x000001bc, 0x000001ba, 0x000001b4, 0x00050041, 0x00000033, 0x000001c1,
  0x000001bf, 0x000003ce, 0x0004003d, 0x0000002b, 0x000001c2, 0x000001c1, 0x00050041, 0x00000068,
  0x000001c3, 0x0000005f, 0x000001bc, 0x0003003e, 0x000001c3, 0x000001c2, 0x000200f9, 0x000001b8,
  0x000200f8, 0x000001b8, 0x000200f9, 0x000001a6, 0x000200f8, 0x000001a6, 0x00050080, 0x00000008,
  0x000001c5, 0x000003ce, 0x00000037, 0x000200f9, 0x000001a3, 0x000200f8, 0x000001a5, 0x000200f9,
  0x000001c7, 0x000200f8, 0x000001c7, 0x000700f5, 0x00000008, 0x000003cf, 0x00000018, 0x000001a5,
  0x000001e5, 0x000001ca, 0x000500b0, 0x00000020, 0x000001cd, 0x000003cf, 0x00000139, 0x000400f6,
  0x000001c9, 0x000001ca, 0x00000000, 0x000400fa, 0x000001cd, 0x000001c8, 0x000001c9, 0x000200f8,
  0x000001c8, 0x00050086, 0x00000008, 0x000001d0, 0x000000c8, 0x0000004b, 0x00050084, 0x00000008,
  0x000001d3, 0x000003cf, 0x000001d2, 0x00050080, 0x00000008, 0x000001d4, 0x000001d0, 0x000001d3,
  0x000500b0, 0x00000020, 0x000001d6, 0x000001d4, 0x0000003d, 0x000300f7, 0x000001d8, 0x00000000,
  0x000400fa, 0x000001d6, 0x000001d7, 0x000001d8, 0x000200f8, 0x000001d7, 0x00050084, 0x00000008,
  0x000001da, 0x0000012b, 0x0000007a, 0x00050080, 0x00000008, 0x000001dc, 0x000001da, 0x000001d4,
  0x00050041, 0x00000033, 0x000001e1, 0x000001df, 0x000003cf, 0x0004003d, 0x0000002b, 0x000001e2,
  0x000001e1, 0x00050041, 0x00000068, 0x000001e3, 0x0000007e, 0x000001dc, 0x0003003e, 0x000001e3,
  0x000001e2, 0x000200f9, 0x000001d8, 0x000200f8, 0x000001d8, 0x000200f9, 0x000001ca, 0x000200f8,
  0x000001ca, 0x00050080, 0x00000008, 0x000001e5, 0x000003cf, 0x00000037, 0x000200f9, 0x000001c7,
  0x000200f8, 0x000001c9, 0x000400e0, 0x000000cb, 0x000000cb, 0x000001e6, 0x000200f9, 0x000001a1,
  0x000200f8, 0x000001a1, 0x000500b0, 0x00000020, 0x000001e9, 0x000003c7, 0x000003c5, 0x000300f7,
  0x000001eb, 0x00000000, 0x000400fa, 0x000001e9, 0x000001ea, 0x000001eb, 0x000200f8, 0x000001ea,
  0x00050084, 0x00000008, 0x000001ef, 0x000003c7, 0x0000004b, 0x00050080, 0x00000008, 0x000001f0,
  0x00000121, 0x000001ef, 0x00050080, 0x00000008, 0x000001f2, 0x000001f0, 0x0000012b, 0x000500b0,
  0x00000020, 0x000001f7, 0x000001f2, 0x00000128, 0x000300f7, 0x000001fc, 0x00000000, 0x000400fa,
  0x000001f7, 0x000001fb, 0x00000200, 0x000200f8, 0x000001fb, 0x00050086, 0x00000008, 0x000001ff,
  0x000001f2, 0x00000103, 0x000200f9, 0x000001fc, 0x000200f8, 0x00000200, 0x000200f9, 0x000001fc,
  0x000200f8, 0x000001fc, 0x000700f5, 0x00000008, 0x000003d3, 0x000001ff, 0x000001fb, 0x00000018,
  0x00000200, 0x000300f7, 0x00000206, 0x00000000, 0x000400fa, 0x000001f7, 0x00000205, 0x0000020c,
  0x000200f8, 0x00000205, 0x00050084, 0x00000008, 0x0000020a, 0x000003d3, 0x00000103, 0x00050082,
  0x00000008, 0x0000020b, 0x000001f2, 0x0000020a, 0x000200f9, 0x00000206, 0x000200f8, 0x0000020c,
  0x000200f9, 0x00000206, 0x000200f8, 0x00000206, 0x000700f5, 0x00000008, 0x000003d4, 0x0000020b,
  0x00000205, 0x00000018, 0x0000020c, 0x0004007c, 0x00000008, 0x00000212, 0x00000101, 0x00050086,
  0x00000008, 0x00000213, 0x000003d4, 0x00000212, 0x0004007c, 0x00000036, 0x00000216, 0x00000213,
  0x00050041, 0x000000de, 0x00000218, 0x000000d0, 0x00000217, 0x0004003d, 0x00000036, 0x00000219,
  0x00000218, 0x00050084, 0x00000036, 0x0000021a, 0x00000216, 0x00000219, 0x00050041, 0x000000de,
  0x0000021c, 0x000000d0, 0x0000021b, 0x0004003d, 0x00000036, 0x0000021d, 0x0000021c, 0x00050082,
  0x00000036, 0x0000021e, 0x0000021a, 0x0000021d, 0x00050084, 0x00000008, 0x00000225, 0x00000213,
  0x00000212, 0x00050082, 0x00000008, 0x00000226, 0x000003d4, 0x00000225, 0x0004007c, 0x00000036,
  0x00000227, 0x00000226, 0x00050084, 0x00000036, 0x0000022a, 0x00000227, 0x00000219, 0x00050082,
  0x00000036, 0x0000022d, 0x0000022a, 0x0000021d, 0x00050041, 0x000000d2, 0x0000022f, 0x000000d0,
  0x00000150, 0x0004003d, 0x00000008, 0x00000230, 0x0000022f, 0x0004007c, 0x00000008, 0x00000234,
  0x000000e9, 0x00050084, 0x00000008, 0x00000235, 0x000003d3, 0x00000234, 0x00050084, 0x00000008,
  0x00000238, 0x000000d5, 0x000000ed, 0x00050080, 0x00000008, 0x00000239, 0x00000235, 0x00000238,
  0x00050080, 0x00000008, 0x0000023b, 0x00000239, 0x00000117, 0x00050084, 0x00000008, 0x0000023d,
  0x0000023b, 0x00000103, 0x00050080, 0x00000008, 0x0000023e, 0x00000230, 0x0000023d, 0x00050080,
  0x00000008, 0x00000240, 0x0000023e, 0x000003d4, 0x00050041, 0x000000d2, 0x00000242, 0x000000d0,
  0x00000037, 0x0004003d, 0x00000008, 0x00000243, 0x00000242, 0x0004007c, 0x00000008, 0x00000247,
  0x000000e0, 0x00050084, 0x00000008, 0x00000248, 0x000003d3, 0x00000247, 0x00050084, 0x00000008,
  0x0000024a, 0x00000248, 0x00000113, 0x00050080, 0x00000008, 0x0000024b, 0x00000243, 0x0000024a,
  0x000200f9, 0x0000024d, 0x000200f8, 0x0000024d, 0x000700f5, 0x00000008, 0x000003d5, 0x00000018,
  0x00000206, 0x0000027b, 0x00000250, 0x000500b0, 0x00000020, 0x00000253, 0x000003d5, 0x000001ac,
  0x000400f6, 0x0000024f, 0x00000250, 0x00000000, 0x000400fa, 0x00000253, 0x0000024e, 0x0000024f,
  0x000200f8, 0x0000024e, 0x00050086, 0x00000008, 0x00000256, 0x000000c8, 0x0000004b, 0x00050084,
  0x00000008, 0x00000259, 0x000003d5, 0x00000258, 0x00050080, 0x00000008, 0x0000025a, 0x00000256,
  0x00000259, 0x000500b0, 0x00000020, 0x0000025e, 0x0000025a, 0x00000059, 0x000500a7, 0x00000020,
  0x0000025f, 0x000001f7, 0x0000025e, 0x000300f7, 0x00000261, 0x00000000, 0x000400fa, 0x0000025f,
  0x00000260, 0x00000261, 0x000200f8, 0x00000260, 0x00050080, 0x00000008, 0x00000264, 0x00000117,
  0x0000025a, 0x000500b0, 0x00000020, 0x00000266, 0x00000264, 0x000000ed, 0x000200f9, 0x00000261,
  0x000200f8, 0x00000261, 0x000700f5, 0x00000020, 0x00000267, 0x0000025f, 0x0000024e, 0x00000266,
  0x00000260, 0x000300f7, 0x0000026a, 0x00000000, 0x000400fa, 0x00000267, 0x00000269, 0x00000277,
  0x000200f8, 0x00000269, 0x00050084, 0x00000008, 0x00000272, 0x0000025a, 0x00000103, 0x00050080,
  0x00000008, 0x00000273, 0x00000240, 0x00000272, 0x00060041, 0x00000274, 0x00000275, 0x0000026e,
  0x00000150, 0x00000273, 0x0004003d, 0x0000002b, 0x00000276, 0x00000275, 0x000200f9, 0x0000026a,
  0x000200f8, 0x00000277, 0x000200f9, 0x0000026a, 0x000200f8, 0x0000026a, 0x000700f5, 0x0000002b,
  0x000003f1, 0x00000276, 0x00000269, 0x00000032, 0x00000277, 0x00050041, 0x00000033, 0x00000279,
  0x000001bf, 0x000003d5, 0x0003003e, 0x00000279, 0x000003f1, 0x000200f9, 0x00000250, 0x000200f8,
  0x00000250, 0x00050080, 0x00000008, 0x0000027b, 0x000003d5, 0x00000037, 0x000200f9, 0x0000024d,
  0x000200f8, 0x0000024f, 0x000200f9, 0x0000027d, 0x000200f8, 0x0000027d, 0x000700f5, 0x00000008,
  0x000003d6, 0x00000018, 0x0000024f, 0x000002ca, 0x00000280, 0x000500b0, 0x00000020, 0x00000283,
  0x000003d6, 0x00000139, 0x000400f6, 0x0000027f, 0x00000280, 0x00000000, 0x000400fa, 0x00000283,
  0x0000027e, 0x0000027f, 0x000200f8, 0x0000027e, 0x000300f7, 0x00000287, 0x00000000, 0x000400fa,
  0x000001f7, 0x00000286, 0x00000287, 0x000200f8, 0x00000286, 0x00050041, 0x00000009, 0x00000289,
  0x00000148, 0x000003d6, 0x0004003d, 0x00000008, 0x0000028a, 0x00000289, 0x000500ab, 0x00000020,
  0x0000028b, 0x0000028a, 0x0000014a, 0x000200f9, 0x00000287, 0x000200f8, 0x00000287, 0x000700f5,
  0x00000020, 0x0000028c, 0x000001f7, 0x0000027e, 0x0000028b, 0x00000286, 0x000300f7, 0x0000028e,
  0x00000000, 0x000400fa, 0x0000028c, 0x0000028d, 0x0000028e, 0x000200f8, 0x0000028d, 0x00050041,
  0x00000151, 0x00000292, 0x0000014e, 0x000003d6, 0x0004003d, 0x00000036, 0x00000293, 0x00000292,
  0x000500c7, 0x00000036, 0x00000295, 0x00000293, 0x00000294, 0x00050080, 0x00000036, 0x00000296,
  0x0000021e, 0x00000295, 0x0004003d, 0x00000036, 0x0000029b, 0x00000292, 0x000500c3, 0x00000036,
  0x0000029c, 0x0000029b, 0x0000017f, 0x00050080, 0x00000036, 0x0000029d, 0x0000022d, 0x0000029c,
  0x000500af, 0x00000020, 0x0000029f, 0x00000296, 0x00000150, 0x000300f7, 0x000002a1, 0x00000000,
  0x000400fa, 0x0000029f, 0x000002a0, 0x000002a1, 0x000200f8, 0x000002a0, 0x000500b1, 0x00000020,
  0x000002a5, 0x00000296, 0x0000010e, 0x000200f9, 0x000002a1, 0x000200f8, 0x000002a1, 0x000700f5,
  0x00000020, 0x000002a6, 0x0000029f, 0x0000028d, 0x000002a5, 0x000002a0, 0x000500af, 0x00000020,
  0x000002a8, 0x0000029d, 0x00000150, 0x000500a7, 0x00000020, 0x000002a9, 0x000002a6, 0x000002a8,
  0x000300f7, 0x000002ab, 0x00000000, 0x000400fa, 0x000002a9, 0x000002aa, 0x000002ab, 0x000200f8,
  0x000002aa, 0x000500b1, 0x00000020, 0x000002af, 0x0000029d, 0x00000111, 0x000200f9, 0x000002ab,
  0x000200f8, 0x000002ab, 0x000700f5, 0x00000020, 0x000002b0, 0x000002a9, 0x000002a1, 0x000002af,
  0x000002aa, 0x000300f7, 0x000002b2, 0x00000000, 0x000400fa, 0x000002b0, 0x000002b1, 0x000002b2,
  0x000200f8, 0x000002b1, 0x00050041, 0x00000009, 0x000002b9, 0x00000148, 0x000003d6, 0x0004003d,
  0x00000008, 0x000002ba, 0x000002b9, 0x00050080, 0x00000008, 0x000002bb, 0x0000024b, 0x000002ba,
  0x00050084, 0x00000036, 0x000002bf, 0x00000296, 0x00000111, 0x00050080, 0x00000036, 0x000002c1,
  0x000002bf, 0x0000029d, 0x0004007c, 0x00000008, 0x000002c2, 0x000002c1, 0x00050080, 0x00000008,
  0x000002c3, 0x000002bb, 0x000002c2, 0x00060041, 0x00000274, 0x000002c4, 0x000002b6, 0x00000150,
  0x000002c3, 0x0004003d, 0x0000002b, 0x000002c5, 0x000002c4, 0x000200f9, 0x000002b2, 0x000200f8,
  0x000002b2, 0x000700f5, 0x0000002b, 0x000003ee, 0x00000032, 0x000002ab, 0x000002c5, 0x000002b1,
  0x000200f9, 0x0000028e, 0x000200f8, 0x0000028e, 0x000700f5, 0x0000002b, 0x000003ec, 0x00000032,
  0x00000287, 0x000003ee, 0x000002b2, 0x00050041, 0x00000033, 0x000002c8, 0x000001df, 0x000003d6,
  0x0003003e, 0x000002c8, 0x000003ec, 0x000200f9, 0x00000280, 0x000200f8, 0x00000280, 0x00050080,
  0x00000008, 0x000002ca, 0x000003d6, 0x00000037, 0x000200f9, 0x0000027d, 0x000200f8, 0x0000027f,
  0x000200f9, 0x000001eb, 0x000200f8, 0x000001eb, 0x000300f7, 0x000002ce, 0x00000000, 0x000400fa,
  0x0000019f, 0x000002cd, 0x000002ce, 0x000200f8, 0x000002cd, 0x00050089, 0x00000008, 0x00000362,
  0x000000c8, 0x0000003e, 0x00050086, 0x00000008, 0x00000364, 0x000000c8, 0x00000042, 0x000200f9,
  0x00000365, 0x000200f8, 0x00000365, 0x000700f5, 0x00000008, 0x000003dc, 0x00000018, 0x000002cd,
  0x000003b4, 0x000003b2, 0x000500b0, 0x00000020, 0x00000368, 0x000003dc, 0x0000004b, 0x000400f6,
  0x000003b5, 0x000003b2, 0x00000000, 0x000400fa, 0x00000368, 0x00000369, 0x000003b5, 0x000200f8,
  0x00000369, 0x000200f9, 0x0000036a, 0x000200f8, 0x0000036a, 0x000700f5, 0x00000008, 0x000003df,
  0x00000018, 0x00000369, 0x0000037c, 0x0000036e, 0x000500b0, 0x00000020, 0x0000036d, 0x000003df,
  0x0000001f, 0x000400f6, 0x0000037d, 0x0000036e, 0x00000000, 0x000400fa, 0x0000036d, 0x0000036e,
  0x0000037d, 0x000200f8, 0x0000036e, 0x00050084, 0x00000008, 0x00000371, 0x000003dc, 0x0000005b,
  0x00050080, 0x00000008, 0x00000373, 0x00000371, 0x00000364, 0x00050084, 0x00000008, 0x00000375,
  0x000003df, 0x00000065, 0x00050080, 0x00000008, 0x00000376, 0x00000373, 0x00000375, 0x00050041,
  0x00000068, 0x00000377, 0x0000005f, 0x00000376, 0x0004003d, 0x0000002b, 0x00000378, 0x00000377,
  0x00050041, 0x0000006b, 0x00000379, 0x0000035b, 0x000003df, 0x0003003e, 0x00000379, 0x00000378,
  0x00050080, 0x00000008, 0x0000037c, 0x000003df, 0x00000037, 0x000200f9, 0x0000036a, 0x000200f8,
  0x0000037d, 0x000200f9, 0x0000037e, 0x000200f8, 0x0000037e, 0x000700f5, 0x00000008, 0x000003e0,
  0x00000018, 0x0000037d, 0x00000390, 0x00000382, 0x000500b0, 0x00000020, 0x00000381, 0x000003e0,
  0x00000029, 0x000400f6, 0x00000391, 0x00000382, 0x00000000, 0x000400fa, 0x00000381, 0x00000382,
  0x00000391, 0x000200f8, 0x00000382, 0x00050084, 0x00000008, 0x00000385, 0x000003dc, 0x0000007a,
  0x00050080, 0x00000008, 0x00000387, 0x00000385, 0x00000362, 0x00050084, 0x00000008, 0x00000389,
  0x000003e0, 0x00000084, 0x00050080, 0x00000008, 0x0000038a, 0x00000387, 0x00000389, 0x00050041,
  0x00000068, 0x0000038b, 0x0000007e, 0x0000038a, 0x0004003d, 0x0000002b, 0x0000038c, 0x0000038b,
  0x00050041, 0x0000006b, 0x0000038d, 0x0000035d, 0x000003e0, 0x0003003e, 0x0000038d, 0x0000038c,
  0x00050080, 0x00000008, 0x00000390, 0x000003e0, 0x00000037, 0x000200f9, 0x0000037e, 0x000200f8,
  0x00000391, 0x000200f9, 0x00000392, 0x000200f8, 0x00000392, 0x000700f5, 0x00000008, 0x000003e1,
  0x00000018, 0x00000391, 0x000003b0, 0x000003ae, 0x000500b0, 0x00000020, 0x00000395, 0x000003e1,
  0x0000001f, 0x000400f6, 0x000003b1, 0x000003ae, 0x00000000, 0x000400fa, 0x00000395, 0x00000396,
  0x000003b1, 0x000200f8, 0x00000396, 0x000200f9, 0x00000397, 0x000200f8, 0x00000397, 0x000700f5,
  0x00000008, 0x000003e5, 0x00000018, 0x00000396, 0x000003ac, 0x0000039b, 0x000500b0, 0x00000020,
  0x0000039a, 0x000003e5, 0x00000029, 0x000400f6, 0x000003ad, 0x0000039b, 0x00000000, 0x000400fa,
  0x0000039a, 0x0000039b, 0x000003ad, 0x000200f8, 0x0000039b, 0x00050041, 0x0000006b, 0x0000039f,
  0x0000035b, 0x000003e1, 0x0004003d, 0x0000002b, 0x000003a0, 0x0000039f, 0x00050041, 0x0000006b,
  0x000003a2, 0x0000035d, 0x000003e5, 0x0004003d, 0x0000002b, 0x000003a3, 0x000003a2, 0x00060041,
  0x00000033, 0x000003a6, 0x0000002f, 0x000003e1, 0x000003e5, 0x0004003d, 0x0000002b, 0x000003a7,
  0x000003a6, 0x0008000c, 0x0000002b, 0x000003a8, 0x00000001, 0x00000032, 0x000003a0, 0x000003a3,
  0x000003a7, 0x0003003e, 0x000003a6, 0x000003a8, 0x00050080, 0x00000008, 0x000003ac, 0x000003e5,
  0x00000037, 0x000200f9, 0x00000397, 0x000200f8, 0x000003ad, 0x000200f9, 0x000003ae, 0x000200f8,
  0x000003ae, 0x00050080, 0x00000008, 0x000003b0, 0x000003e1, 0x00000037, 0x000200f9, 0x00000392,
  0x000200f8, 0x000003b1, 0x000200f9, 0x000003b2, 0x000200f8, 0x000003b2, 0x00050080, 0x00000008,
  0x000003b4, 0x000003dc, 0x00000037, 0x000200f9, 0x00000365, 0x000200f8, 0x000003b5, 0x000400e0,
  0x000000cb, 0x000000cb, 0x000001e6, 0x000200f9, 0x000002ce, 0x000200f8, 0x000002ce, 0x000200f9,
  0x00000199, 0x000200f8, 0x00000199, 0x00050080, 0x00000008, 0x000002d3, 0x000003c7, 0x00000037,
  0x000200f9, 0x00000196, 0x000200f8, 0x00000198, 0x0004007c, 0x00000008, 0x000002d7, 0x000000e9,
  0x00050084, 0x00000008, 0x000002d9, 0x000002d7, 0x000000fa, 0x000200f9, 0x000002db, 0x000200f8,
  0x000002db, 0x000700f5, 0x00000008, 0x000003c8, 0x00000018, 0x00000198, 0x0000033c, 0x000002de,
  0x000500b0, 0x00000020, 0x000002e1, 0x000003c8, 0x0000001f, 0x000400f6, 0x000002dd, 0x000002de,
  0x00000000, 0x000400fa, 0x000002e1, 0x000002dc, 0x000002dd, 0x000200f8, 0x000002dc, 0x00050086,
  0x00000008, 0x000003b9, 0x000000c8, 0x000000b1, 0x00050084, 0x00000008, 0x000003bb, 0x000003c8,
  0x000000b4, 0x00050080, 0x00000008, 0x000003bc, 0x000003b9, 0x000003bb, 0x00050080, 0x00000008,
  0x000002e9, 0x00000117, 0x000003bc, 0x000500ae, 0x00000020, 0x000002ec, 0x000002e9, 0x000000ed,
  0x000300f7, 0x000002ee, 0x00000000, 0x000400fa, 0x000002ec, 0x000002ed, 0x000002ee, 0x000200f8,
  0x000002ed, 0x000200f9, 0x000002de, 0x000200f8, 0x000002ee, 0x000200f9, 0x000002f1, 0x000200f8,
  0x000002f1, 0x000700f5, 0x00000008, 0x000003c9, 0x00000018, 0x000002ee, 0x0000033a, 0x000002f4,
  0x000500b0, 0x00000020, 0x000002f7, 0x000003c9, 0x00000029, 0x000400f6, 0x000002f3, 0x000002f4,
  0x00000000, 0x000400fa, 0x000002f7, 0x000002f2, 0x000002f3, 0x000200f8, 0x000002f2, 0x00050089,
  0x00000008, 0x000003c0, 0x000000c8, 0x000000ba, 0x00050084, 0x00000008, 0x000003c2, 0x000003c9,
  0x000000bd, 0x00050080, 0x00000008, 0x000003c3, 0x000003c0, 0x000003c2, 0x00050080, 0x00000008,
  0x000002ff, 0x0000011b, 0x000003c3, 0x000500ae, 0x00000020, 0x00000302, 0x000002ff, 0x000000fa,
  0x000300f7, 0x00000304, 0x00000000, 0x000400fa, 0x00000302, 0x00000303, 0x00000304, 0x000200f8,
  0x00000303, 0x000200f9, 0x000002f4, 0x000200f8, 0x00000304, 0x00050084, 0x00000008, 0x00000309,
  0x000000d5, 0x000000ed, 0x00050080, 0x00000008, 0x0000030b, 0x00000309, 0x000002e9, 0x00050084,
  0x00000008, 0x0000030d, 0x0000030b, 0x000000fa, 0x00050080, 0x00000008, 0x0000030f, 0x0000030d,
  0x000002ff, 0x000500aa, 0x00000020, 0x00000312, 0x000000d4, 0x0000005a, 0x000300f7, 0x00000314,
  0x00000000, 0x000400fa, 0x00000312, 0x00000313, 0x00000326, 0x000200f8, 0x00000313, 0x00050041,
  0x000000d2, 0x0000031a, 0x000000d0, 0x00000319, 0x0004003d, 0x00000008, 0x0000031b, 0x0000031a,
  0x00050080, 0x00000008, 0x0000031d, 0x0000031b, 0x0000030f, 0x00060041, 0x00000033, 0x00000320,
  0x0000002f, 0x000003c8, 0x000003c9, 0x0004003d, 0x0000002b, 0x00000321, 0x00000320, 0x00060041,
  0x00000274, 0x00000322, 0x00000318, 0x00000150, 0x0000031d, 0x0004003d, 0x0000002b, 0x00000323,
  0x00000322, 0x00050081, 0x0000002b, 0x00000324, 0x00000323, 0x00000321, 0x0003003e, 0x00000322,
  0x00000324, 0x000200f9, 0x00000314, 0x000200f8, 0x00000326, 0x00050041, 0x000000d2, 0x0000032c,
  0x000000d0, 0x0000032b, 0x0004003d, 0x00000008, 0x0000032d, 0x0000032c, 0x00050084, 0x00000008,
  0x00000330, 0x000000db, 0x000002d9, 0x00050080, 0x00000008, 0x00000331, 0x0000032d, 0x00000330,
  0x00050080, 0x00000008, 0x00000333, 0x00000331, 0x0000030f, 0x00060041, 0x00000033, 0x00000336,
  0x0000002f, 0x000003c8, 0x000003c9, 0x0004003d, 0x0000002b, 0x00000337, 0x00000336, 0x00060041,
  0x00000274, 0x00000338, 0x0000032a, 0x00000150, 0x00000333, 0x0003003e, 0x00000338, 0x00000337,
  0x000200f9, 0x00000314, 0x000200f8, 0x00000314, 0x000200f9, 0x000002f4, 0x000200f8, 0x000002f4,
  0x00050080, 0x00000008, 0x0000033a, 0x000003c9, 0x00000037, 0x000200f9, 0x000002f1, 0x000200f8,
  0x000002f3, 0x000200f9, 0x000002de, 0x000200f8, 0x000002de, 0x00050080, 0x00000008, 0x0000033c,
  0x000003c8, 0x00000037, 0x000200f9, 0x000002db, 0x000200f8, 0x000002dd, 0x000100fd, 0x00010038,
};
static const uint32_t dive__spv_conv2d_bwd_w_reduce[] = { /* conv2d_bwd_w_reduce.comp, 478 words */
  0x07230203, 0x00010300, 0x0008000b, 0x0000007d, 0x00000000, 0x00020011, 0x00000001, 0x0006000b,
  0x00000001, 0x4c534c47, 0x6474732e, 0x3035342e, 0x00000000, 0x0003000e, 0x00000000, 0x00000001,
  0x0008000f, 0x00000005, 0x00000004, 0x6e69616d, 0x00000000, 0x0000000c, 0x00000011, 0x0000001d,
  0x00060010, 0x00000004, 0x00000011, 0x00000100, 0x00000001, 0x00000001, 0x00040047, 0x0000000c,
  0x0000000b, 0x0000001a, 0x00040047, 0x00000011, 0x0000000b, 0x00000018, 0x00040047, 0x00000019,
  0x00000001, 0x00000000, 0x00040047, 0x0000001a, 0x0000000b, 0x00000019, 0x00040047, 0x0000001d,
  0x0000000b, 0x0000001b, 0x00050048, 0x00000027, 0x00000000, 0x00000023, 0x00000000, 0x00050048,
  0x00000027, 0x00000001, 0x00000023, 0x00000004, 0x00050048, 0x00000027, 0x00000002, 0x00000023,
  0x00000008, 0x00050048, 0x00000027, 0x00000003, 0x00000023, 0x0000000c, 0x00030047, 0x00000027,
  0x00000002, 0x00040047, 0x00000043, 0x00000006, 0x00000004, 0x00040048, 0x00000044, 0x00000000,
  0x00000018, 0x00050048, 0x00000044, 0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x00000044,
  0x00000002, 0x00040047, 0x00000046, 0x00000022, 0x00000000, 0x00040047, 0x00000046, 0x00000021,
  0x00000000, 0x00040047, 0x00000059, 0x00000006, 0x00000004, 0x00050048, 0x0000005a, 0x00000000,
  0x00000023, 0x00000000, 0x00030047, 0x0000005a, 0x00000002, 0x00040047, 0x0000005c, 0x00000022,
  0x00000000, 0x00040047, 0x0000005c, 0x00000021, 0x00000001, 0x00020013, 0x00000002, 0x00030021,
  0x00000003, 0x00000002, 0x00040015, 0x00000006, 0x00000020, 0x00000000, 0x00040017, 0x0000000a,
  0x00000006, 0x00000003, 0x00040020, 0x0000000b, 0x00000001, 0x0000000a, 0x0004003b, 0x0000000b,
  0x0000000c, 0x00000001, 0x0004002b, 0x00000006, 0x0000000d, 0x00000001, 0x00040020, 0x0000000e,
  0x00000001, 0x00000006, 0x0004003b, 0x0000000b, 0x00000011, 0x00000001, 0x0004002b, 0x00000006,
  0x00000012, 0x00000000, 0x00040032, 0x00000006, 0x00000019, 0x00000100, 0x00060033, 0x0000000a,
  0x0000001a, 0x00000019, 0x0000000d, 0x0000000d, 0x0004003b, 0x0000000b, 0x0000001d, 0x00000001,
  0x0006001e, 0x00000027, 0x00000006, 0x00000006, 0x00000006, 0x00000006, 0x00040020, 0x00000028,
  0x00000009, 0x00000027, 0x0004003b, 0x00000028, 0x00000029, 0x00000009, 0x00040015, 0x0000002a,
  0x00000020, 0x00000001, 0x0004002b, 0x0000002a, 0x0000002b, 0x00000002, 0x00040020, 0x0000002c,
  0x00000009, 0x00000006, 0x00020014, 0x0000002f, 0x00030016, 0x00000034, 0x00000020, 0x0004002b,
  0x00000034, 0x00000037, 0x00000000, 0x0004002b, 0x0000002a, 0x0000003f, 0x00000003, 0x0003001d,
  0x00000043, 0x00000034, 0x0003001e, 0x00000044, 0x00000043, 0x00040020, 0x00000045, 0x0000000c,
  0x00000044, 0x0004003b, 0x00000045, 0x00000046, 0x0000000c, 0x0004002b, 0x0000002a, 0x00000047,
  0x00000000, 0x00040020, 0x00000051, 0x0000000c, 0x00000034, 0x0004002b, 0x0000002a, 0x00000057,
  0x00000001, 0x0003001d, 0x00000059, 0x00000034, 0x0003001e, 0x0000005a, 0x00000059, 0x00040020,
  0x0000005b, 0x0000000c, 0x0000005a, 0x0004003b, 0x0000005b, 0x0000005c, 0x0000000c, 0x00050036,
  0x00000002, 0x00000004, 0x00000000, 0x00000003, 0x000200f8, 0x00000005, 0x000300f7, 0x00000066,
  0x00000000, 0x000300fb, 0x00000012, 0x00000067, 0x000200f8, 0x00000067, 0x00050041, 0x0000000e,
  0x0000006e, 0x0000000c, 0x0000000d, 0x0004003d, 0x00000006, 0x0000006f, 0x0000006e, 0x00050041,
  0x0000000e, 0x00000070, 0x00000011, 0x00000012, 0x0004003d, 0x00000006, 0x00000071, 0x00000070,
  0x00050084, 0x00000006, 0x00000072, 0x0000006f, 0x00000071, 0x00050041, 0x0000000e, 0x00000073,
  0x0000000c, 0x00000012, 0x0004003d, 0x00000006, 0x00000074, 0x00000073, 0x00050080, 0x00000006,
  0x00000075, 0x00000072, 0x00000074, 0x00050051, 0x00000006, 0x00000076, 0x0000001a, 0x00000000,
  0x00050084, 0x00000006, 0x00000077, 0x00000075, 0x00000076, 0x00050041, 0x0000000e, 0x00000078,
  0x0000001d, 0x00000012, 0x0004003d, 0x00000006, 0x00000079, 0x00000078, 0x00050080, 0x00000006,
  0x0000007a, 0x00000077, 0x00000079, 0x00050041, 0x0000002c, 0x0000002d, 0x00000029, 0x0000002b,
  0x0004003d, 0x00000006, 0x0000002e, 0x0000002d, 0x000500ae, 0x0000002f, 0x00000030, 0x0000007a,
  0x0000002e, 0x000300f7, 0x00000032, 0x00000000, 0x000400fa, 0x00000030, 0x00000031, 0x00000032,
  0x000200f8, 0x00000031, 0x000200f9, 0x00000066, 0x000200f8, 0x00000032, 0x000200f9, 0x00000039,
  0x000200f8, 0x00000039, 0x000700f5, 0x00000034, 0x0000007c, 0x00000037, 0x00000032, 0x00000055,
  0x0000003a, 0x000700f5, 0x00000006, 0x0000007b, 0x00000012, 0x00000032, 0x00000058, 0x0000003a,
  0x00050041, 0x0000002c, 0x00000040, 0x00000029, 0x0000003f, 0x0004003d, 0x00000006, 0x00000041,
  0x00000040, 0x000500b0, 0x0000002f, 0x00000042, 0x0000007b, 0x00000041, 0x000400f6, 0x0000003b,
  0x0000003a, 0x00000000, 0x000400fa, 0x00000042, 0x0000003a, 0x0000003b, 0x000200f8, 0x0000003a,
  0x00050041, 0x0000002c, 0x00000048, 0x00000029, 0x00000047, 0x0004003d, 0x00000006, 0x00000049,
  0x00000048, 0x00050084, 0x00000006, 0x0000004d, 0x0000007b, 0x0000002e, 0x00050080, 0x00000006,
  0x0000004e, 0x00000049, 0x0000004d, 0x00050080, 0x00000006, 0x00000050, 0x0000004e, 0x0000007a,
  0x00060041, 0x00000051, 0x00000052, 0x00000046, 0x00000047, 0x00000050, 0x0004003d, 0x00000034,
  0x00000053, 0x00000052, 0x00050081, 0x00000034, 0x00000055, 0x0000007c, 0x00000053, 0x00050080,
  0x00000006, 0x00000058, 0x0000007b, 0x00000057, 0x000200f9, 0x00000039, 0x000200f8, 0x0000003b,
  0x00050041, 0x0000002c, 0x0000005d, 0x00000029, 0x00000057, 0x0004003d, 0x00000006, 0x0000005e,
  0x0000005d, 0x00050080, 0x00000006, 0x00000060, 0x0000005e, 0x0000007a, 0x00060041, 0x00000051,
  0x00000062, 0x0000005c, 0x00000047, 0x00000060, 0x0004003d, 0x00000034, 0x00000063, 0x00000062,
  0x00050081, 0x00000034, 0x00000064, 0x00000063, 0x0000007c, 0x0003003e, 0x00000062, 0x00000064,
  0x000200f9, 0x00000066, 0x000200f8, 0x00000066, 0x000100fd, 0x00010038,
};
static const uint32_t dive__spv_bn_part[] = { /* bn_part.comp, 2377 words */
  0x07230203, 0x00010300, 0x0008000b, 0x00000352, 0x00000000, 0x00020011, 0x00000001, 0x0006000b,
  0x00000001, 0x4c534c47, 0x6474732e, 0x3035342e, 0x00000000, 0x0003000e, 0x00000000, 0x00000001,
  0x0008000f, 0x00000005, 0x00000004, 0x6e69616d, 0x00000000, 0x00000019, 0x0000001e, 0x00000029,
  0x00060010, 0x00000004, 0x00000011, 0x00000100, 0x00000001, 0x00000001, 0x00040047, 0x00000019,
  0x0000000b, 0x0000001a, 0x00040047, 0x0000001e, 0x0000000b, 0x00000018, 0x00040047, 0x00000029,
  0x0000000b, 0x0000001b, 0x00040047, 0x00000035, 0x00000001, 0x00000000, 0x00050048, 0x00000076,
  0x00000000, 0x00000023, 0x00000000, 0x00050048, 0x00000076, 0x00000001, 0x00000023, 0x00000004,
  0x00050048, 0x00000076, 0x00000002, 0x00000023, 0x00000008, 0x00050048, 0x00000076, 0x00000003,
  0x00000023, 0x0000000c, 0x00050048, 0x00000076, 0x00000004, 0x00000023, 0x00000010, 0x00050048,
  0x00000076, 0x00000005, 0x00000023, 0x00000014, 0x00050048, 0x00000076, 0x00000006, 0x00000023,
  0x00000018, 0x00050048, 0x00000076, 0x00000007, 0x00000023, 0x0000001c, 0x00050048, 0x00000076,
  0x00000008, 0x00000023, 0x00000020, 0x00050048, 0x00000076, 0x00000009, 0x00000023, 0x00000024,
  0x00050048, 0x00000076, 0x0000000a, 0x00000023, 0x00000028, 0x00050048, 0x00000076, 0x0000000b,
  0x00000023, 0x0000002c, 0x00050048, 0x00000076, 0x0000000c, 0x00000023, 0x00000030, 0x00050048,
  0x00000076, 0x0000000d, 0x00000023, 0x00000034, 0x00030047, 0x00000076, 0x00000002, 0x00040047,
  0x000000d3, 0x00000006, 0x00000004, 0x00040048, 0x000000d4, 0x00000000, 0x00000018, 0x00050048,
  0x000000d4, 0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x000000d4, 0x00000002, 0x00040047,
  0x000000d6, 0x00000022, 0x00000000, 0x00040047, 0x000000d6, 0x00000021, 0x00000000, 0x00040047,
  0x0000011e, 0x00000006, 0x00000004, 0x00040048, 0x0000011f, 0x00000000, 0x00000018, 0x00050048,
  0x0000011f, 0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x0000011f, 0x00000002, 0x00040047,
  0x00000121, 0x00000022, 0x00000000, 0x00040047, 0x00000121, 0x00000021, 0x00000003, 0x00040047,
  0x0000012a, 0x00000006, 0x00000004, 0x00040048, 0x0000012b, 0x00000000, 0x00000018, 0x00050048,
  0x0000012b, 0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x0000012b, 0x00000002, 0x00040047,
  0x0000012d, 0x00000022, 0x00000000, 0x00040047, 0x0000012d, 0x00000021, 0x00000004, 0x00040047,
  0x00000147, 0x00000006, 0x00000004, 0x00040048, 0x00000148, 0x00000000, 0x00000018, 0x00050048,
  0x00000148, 0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x00000148, 0x00000002, 0x00040047,
  0x0000014a, 0x00000022, 0x00000000, 0x00040047, 0x0000014a, 0x00000021, 0x00000001, 0x00040047,
  0x00000158, 0x00000006, 0x00000004, 0x00040048, 0x00000159, 0x00000000, 0x00000018, 0x00050048,
  0x00000159, 0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x00000159, 0x00000002, 0x00040047,
  0x0000015b, 0x00000022, 0x00000000, 0x00040047, 0x0000015b, 0x00000021, 0x00000002, 0x00040047,
  0x0000016e, 0x00000006, 0x00000004, 0x00040048, 0x0000016f, 0x00000000, 0x00000019, 0x00050048,
  0x0000016f, 0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x0000016f, 0x00000002, 0x00040047,
  0x00000171, 0x00000022, 0x00000000, 0x00040047, 0x00000171, 0x00000021, 0x00000006, 0x00040047,
  0x000001b1, 0x00000006, 0x00000004, 0x00040048, 0x000001b2, 0x00000000, 0x00000019, 0x00050048,
  0x000001b2, 0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x000001b2, 0x00000002, 0x00040047,
  0x000001b4, 0x00000022, 0x00000000, 0x00040047, 0x000001b4, 0x00000021, 0x00000005, 0x00040047,
  0x000001c7, 0x00000001, 0x00000000, 0x00040047, 0x000001c8, 0x0000000b, 0x00000019, 0x00020013,
  0x00000002, 0x00030021, 0x00000003, 0x00000002, 0x00040015, 0x00000006, 0x00000020, 0x00000000,
  0x00030016, 0x0000000a, 0x00000020, 0x00040017, 0x0000000b, 0x0000000a, 0x00000002, 0x00040017,
  0x00000017, 0x00000006, 0x00000003, 0x00040020, 0x00000018, 0x00000001, 0x00000017, 0x0004003b,
  0x00000018, 0x00000019, 0x00000001, 0x0004002b, 0x00000006, 0x0000001a, 0x00000001, 0x00040020,
  0x0000001b, 0x00000001, 0x00000006, 0x0004003b, 0x00000018, 0x0000001e, 0x00000001, 0x0004002b,
  0x00000006, 0x0000001f, 0x00000000, 0x0004003b, 0x00000018, 0x00000029, 0x00000001, 0x0004002b,
  0x00000006, 0x00000033, 0x00000002, 0x00040032, 0x00000006, 0x00000035, 0x00000100, 0x00020014,
  0x00000036, 0x0004001c, 0x0000003a, 0x0000000b, 0x00000035, 0x00040020, 0x0000003b, 0x00000004,
  0x0000003a, 0x0004003b, 0x0000003b, 0x0000003c, 0x00000004, 0x00040020, 0x0000003f, 0x00000004,
  0x0000000b, 0x0004002b, 0x00000006, 0x00000041, 0x00000108, 0x00040015, 0x0000006a, 0x00000020,
  0x00000001, 0x0004002b, 0x0000006a, 0x0000006b, 0x00000001, 0x0004002b, 0x0000006a, 0x0000006f,
  0x00000000, 0x0010001e, 0x00000076, 0x00000006, 0x00000006, 0x00000006, 0x00000006, 0x00000006,
  0x00000006, 0x00000006, 0x00000006, 0x00000006, 0x00000006, 0x00000006, 0x00000006, 0x00000006,
  0x00000006, 0x00040020, 0x00000077, 0x00000009, 0x00000076, 0x0004003b, 0x00000077, 0x00000078,
  0x00000009, 0x0004002b, 0x0000006a, 0x00000079, 0x00000009, 0x00040020, 0x0000007a, 0x00000009,
  0x00000006, 0x0004002b, 0x0000006a, 0x0000007e, 0x00000008, 0x0004002b, 0x0000006a, 0x00000093,
  0x0000000d, 0x0004002b, 0x0000006a, 0x000000a9, 0x00000007, 0x0004002b, 0x0000006a, 0x000000b1,
  0x0000000c, 0x0004002b, 0x0000000a, 0x000000bd, 0x00000000, 0x0005002c, 0x0000000b, 0x000000be,
  0x000000bd, 0x000000bd, 0x0004002b, 0x0000006a, 0x000000bf, 0x0000000a, 0x0003001d, 0x000000d3,
  0x0000000a, 0x0003001e, 0x000000d4, 0x000000d3, 0x00040020, 0x000000d5, 0x0000000c, 0x000000d4,
  0x0004003b, 0x000000d5, 0x000000d6, 0x0000000c, 0x00040020, 0x000000df, 0x0000000c, 0x0000000a,
  0x0003001d, 0x0000011e, 0x0000000a, 0x0003001e, 0x0000011f, 0x0000011e, 0x00040020, 0x00000120,
  0x0000000c, 0x0000011f, 0x0004003b, 0x00000120, 0x00000121, 0x0000000c, 0x0004002b, 0x0000006a,
  0x00000122, 0x00000003, 0x0003001d, 0x0000012a, 0x0000000a, 0x0003001e, 0x0000012b, 0x0000012a,
  0x00040020, 0x0000012c, 0x0000000c, 0x0000012b, 0x0004003b, 0x0000012c, 0x0000012d, 0x0000000c,
  0x0004002b, 0x0000006a, 0x0000012e, 0x00000004, 0x0003001d, 0x00000147, 0x0000000a, 0x0003001e,
  0x00000148, 0x00000147, 0x00040020, 0x00000149, 0x0000000c, 0x00000148, 0x0004003b, 0x00000149,
  0x0000014a, 0x0000000c, 0x0004002b, 0x0000006a, 0x00000151, 0x0000000b, 0x0003001d, 0x00000158,
  0x0000000a, 0x0003001e, 0x00000159, 0x00000158, 0x00040020, 0x0000015a, 0x0000000c, 0x00000159,
  0x0004003b, 0x0000015a, 0x0000015b, 0x0000000c, 0x0004002b, 0x0000006a, 0x0000015c, 0x00000002,
  0x0003001d, 0x0000016e, 0x0000000a, 0x0003001e, 0x0000016f, 0x0000016e, 0x00040020, 0x00000170,
  0x0000000c, 0x0000016f, 0x0004003b, 0x00000170, 0x00000171, 0x0000000c, 0x0004002b, 0x0000006a,
  0x00000172, 0x00000006, 0x0003001d, 0x000001b1, 0x0000000a, 0x0003001e, 0x000001b2, 0x000001b1,
  0x00040020, 0x000001b3, 0x0000000c, 0x000001b2, 0x0004003b, 0x000001b3, 0x000001b4, 0x0000000c,
  0x0004002b, 0x0000006a, 0x000001b5, 0x00000005, 0x00040032, 0x00000006, 0x000001c7, 0x00000100,
  0x00060033, 0x00000017, 0x000001c8, 0x000001c7, 0x0000001a, 0x0000001a, 0x00050036, 0x00000002,
  0x00000004, 0x00000000, 0x00000003, 0x000200f8, 0x00000005, 0x000300f7, 0x000001c9, 0x00000000,
  0x000300fb, 0x0000001f, 0x000001ca, 0x000200f8, 0x000001ca, 0x00050041, 0x0000001b, 0x000001d1,
  0x00000019, 0x0000001a, 0x0004003d, 0x00000006, 0x000001d2, 0x000001d1, 0x00050041, 0x0000001b,
  0x000001d3, 0x0000001e, 0x0000001f, 0x0004003d, 0x00000006, 0x000001d4, 0x000001d3, 0x00050084,
  0x00000006, 0x000001d5, 0x000001d2, 0x000001d4, 0x00050041, 0x0000001b, 0x000001d6, 0x00000019,
  0x0000001f, 0x0004003d, 0x00000006, 0x000001d7, 0x000001d6, 0x00050080, 0x00000006, 0x000001d8,
  0x000001d5, 0x000001d7, 0x00050041, 0x0000007a, 0x00000091, 0x00000078, 0x0000007e, 0x0004003d,
  0x00000006, 0x00000092, 0x00000091, 0x00050041, 0x0000007a, 0x00000094, 0x00000078, 0x00000093,
  0x0004003d, 0x00000006, 0x00000095, 0x00000094, 0x00050084, 0x00000006, 0x00000096, 0x00000092,
  0x00000095, 0x000500ae, 0x00000036, 0x00000097, 0x000001d8, 0x00000096, 0x000300f7, 0x00000099,
  0x00000000, 0x000400fa, 0x00000097, 0x00000098, 0x00000099, 0x000200f8, 0x00000098, 0x000200f9,
  0x000001c9, 0x000200f8, 0x00000099, 0x00050086, 0x00000006, 0x0000009f, 0x000001d8, 0x00000095,
  0x00050089, 0x00000006, 0x000000a4, 0x000001d8, 0x00000095, 0x00050041, 0x0000001b, 0x000000a6,
  0x00000029, 0x0000001f, 0x0004003d, 0x00000006, 0x000000a7, 0x000000a6, 0x00050041, 0x0000007a,
  0x000000aa, 0x00000078, 0x000000a9, 0x0004003d, 0x00000006, 0x000000ab, 0x000000aa, 0x00050041,
  0x0000007a, 0x000000ac, 0x00000078, 0x00000079, 0x0004003d, 0x00000006, 0x000000ad, 0x000000ac,
  0x00050084, 0x00000006, 0x000000ae, 0x000000ab, 0x000000ad, 0x00050041, 0x0000007a, 0x000000b2,
  0x00000078, 0x000000b1, 0x0004003d, 0x00000006, 0x000000b3, 0x000000b2, 0x00050084, 0x00000006,
  0x000000b4, 0x000000a4, 0x000000b3, 0x00050080, 0x00000006, 0x000000b9, 0x000000b4, 0x000000b3,
  0x0007000c, 0x00000006, 0x000000bb, 0x00000001, 0x00000026, 0x000000b9, 0x000000ae, 0x00050041,
  0x0000007a, 0x000000c0, 0x00000078, 0x000000bf, 0x0004003d, 0x00000006, 0x000000c1, 0x000000c0,
  0x000500aa, 0x00000036, 0x000000c2, 0x000000c1, 0x0000001f, 0x000300f7, 0x000000c4, 0x00000000,
  0x000400fa, 0x000000c2, 0x000000c3, 0x00000117, 0x000200f8, 0x000000c3, 0x00050080, 0x00000006,
  0x000000ca, 0x000000b4, 0x000000a7, 0x000200f9, 0x000000cb, 0x000200f8, 0x000000cb, 0x000700f5,
  0x0000000a, 0x00000344, 0x000000bd, 0x000000c3, 0x000000e3, 0x000000cc, 0x000700f5, 0x00000006,
  0x00000343, 0x000000ca, 0x000000c3, 0x000000e5, 0x000000cc, 0x000500b0, 0x00000036, 0x000000d2,
  0x00000343, 0x000000bb, 0x000400f6, 0x000000cd, 0x000000cc, 0x00000000, 0x000400fa, 0x000000d2,
  0x000000cc, 0x000000cd, 0x000200f8, 0x000000cc, 0x00050041, 0x0000007a, 0x000000d7, 0x00000078,
  0x0000006f, 0x0004003d, 0x00000006, 0x000000d8, 0x000000d7, 0x00050086, 0x00000006, 0x000001de,
  0x00000343, 0x000000ad, 0x00050084, 0x00000006, 0x000001e1, 0x000001de, 0x00000092, 0x00050080,
  0x00000006, 0x000001e3, 0x000001e1, 0x0000009f, 0x00050084, 0x00000006, 0x000001e6, 0x000001e3,
  0x000000ad, 0x00050089, 0x00000006, 0x000001ea, 0x00000343, 0x000000ad, 0x00050080, 0x00000006,
  0x000001eb, 0x000001e6, 0x000001ea, 0x00050080, 0x00000006, 0x000000de, 0x000000d8, 0x000001eb,
  0x00060041, 0x000000df, 0x000000e0, 0x000000d6, 0x0000006f, 0x000000de, 0x0004003d, 0x0000000a,
  0x000000e1, 0x000000e0, 0x00050081, 0x0000000a, 0x000000e3, 0x00000344, 0x000000e1, 0x00050080,
  0x00000006, 0x000000e5, 0x00000343, 0x00000035, 0x000200f9, 0x000000cb, 0x000200f8, 0x000000cd,
  0x00050050, 0x0000000b, 0x000000e8, 0x00000344, 0x000000bd, 0x000200f9, 0x000001f4, 0x000200f8,
  0x000001f4, 0x000700f5, 0x00000006, 0x00000345, 0x0000001a, 0x000000cd, 0x000001f7, 0x000001f9,
  0x00050084, 0x00000006, 0x000001f7, 0x00000345, 0x00000033, 0x000500b2, 0x00000036, 0x000001f8,
  0x000001f7, 0x00000035, 0x000400f6, 0x000001fd, 0x000001f9, 0x00000000, 0x000400fa, 0x000001f8,
  0x000001f9, 0x000001fd, 0x000200f8, 0x000001f9, 0x000200f9, 0x000001f4, 0x000200f8, 0x000001fd,
  0x00050041, 0x0000003f, 0x00000200, 0x0000003c, 0x000000a7, 0x0003003e, 0x00000200, 0x000000e8,
  0x000400e0, 0x00000033, 0x00000033, 0x00000041, 0x000500ae, 0x00000036, 0x00000203, 0x000000a7,
  0x00000345, 0x000300f7, 0x0000020f, 0x00000000, 0x000400fa, 0x00000203, 0x00000204, 0x0000020f,
  0x000200f8, 0x00000204, 0x00050082, 0x00000006, 0x00000207, 0x000000a7, 0x00000345, 0x0004003d,
  0x0000000b, 0x0000020a, 0x00000200, 0x00050041, 0x0000003f, 0x0000020b, 0x0000003c, 0x00000207,
  0x0004003d, 0x0000000b, 0x0000020c, 0x0000020b, 0x00050081, 0x0000000b, 0x0000020d, 0x0000020c,
  0x0000020a, 0x0003003e, 0x0000020b, 0x0000020d, 0x000200f9, 0x0000020f, 0x000200f8, 0x0000020f,
  0x000400e0, 0x00000033, 0x00000033, 0x00000041, 0x00050086, 0x00000006, 0x00000211, 0x00000345,
  0x00000033, 0x000200f9, 0x00000212, 0x000200f8, 0x00000212, 0x000700f5, 0x00000006, 0x00000347,
  0x00000211, 0x0000020f, 0x00000228, 0x00000226, 0x000500ac, 0x00000036, 0x00000215, 0x00000347,
  0x0000001f, 0x000400f6, 0x00000229, 0x00000226, 0x00000000, 0x000400fa, 0x00000215, 0x00000216,
  0x00000229, 0x000200f8, 0x00000216, 0x000500b0, 0x00000036, 0x00000219, 0x000000a7, 0x00000347,
  0x000300f7, 0x00000225, 0x00000000, 0x000400fa, 0x00000219, 0x0000021a, 0x00000225, 0x000200f8,
  0x0000021a, 0x00050080, 0x00000006, 0x0000021e, 0x000000a7, 0x00000347, 0x00050041, 0x0000003f,
  0x0000021f, 0x0000003c, 0x0000021e, 0x0004003d, 0x0000000b, 0x00000220, 0x0000021f, 0x0004003d,
  0x0000000b, 0x00000222, 0x00000200, 0x00050081, 0x0000000b, 0x00000223, 0x00000222, 0x00000220,
  0x0003003e, 0x00000200, 0x00000223, 0x000200f9, 0x00000225, 0x000200f8, 0x00000225, 0x000400e0,
  0x00000033, 0x00000033, 0x00000041, 0x000200f9, 0x00000226, 0x000200f8, 0x00000226, 0x000500c2,
  0x00000006, 0x00000228, 0x00000347, 0x0000006b, 0x000200f9, 0x00000212, 0x000200f8, 0x00000229,
  0x00050041, 0x0000003f, 0x0000022a, 0x0000003c, 0x0000006f, 0x0004003d, 0x0000000b, 0x0000022b,
  0x0000022a, 0x000400e0, 0x00000033, 0x00000033, 0x00000041, 0x00050051, 0x0000000a, 0x000000eb,
  0x0000022b, 0x00000000, 0x00050082, 0x00000006, 0x000000ee, 0x000000bb, 0x000000b4, 0x00040070,
  0x0000000a, 0x000000ef, 0x000000ee, 0x00050088, 0x0000000a, 0x000000f0, 0x000000eb, 0x000000ef,
  0x000200f9, 0x000000f4, 0x000200f8, 0x000000f4, 0x000700f5, 0x0000000a, 0x00000349, 0x000000bd,
  0x00000229, 0x0000010d, 0x000000f5, 0x000700f5, 0x00000006, 0x00000348, 0x000000ca, 0x00000229,
  0x0000010f, 0x000000f5, 0x000500b0, 0x00000036, 0x000000fb, 0x00000348, 0x000000bb, 0x000400f6,
  0x000000f6, 0x000000f5, 0x00000000, 0x000400fa, 0x000000fb, 0x000000f5, 0x000000f6, 0x000200f8,
  0x000000f5, 0x00050041, 0x0000007a, 0x000000fd, 0x00000078, 0x0000006f, 0x0004003d, 0x00000006,
  0x000000fe, 0x000000fd, 0x00050086, 0x00000006, 0x00000232, 0x00000348, 0x000000ad, 0x00050084,
  0x00000006, 0x00000235, 0x00000232, 0x00000092, 0x00050080, 0x00000006, 0x00000237, 0x00000235,
  0x0000009f, 0x00050084, 0x00000006, 0x0000023a, 0x00000237, 0x000000ad, 0x00050089, 0x00000006,
  0x0000023e, 0x00000348, 0x000000ad, 0x00050080, 0x00000006, 0x0000023f, 0x0000023a, 0x0000023e,
  0x00050080, 0x00000006, 0x00000104, 0x000000fe, 0x0000023f, 0x00060041, 0x000000df, 0x00000105,
  0x000000d6, 0x0000006f, 0x00000104, 0x0004003d, 0x0000000a, 0x00000106, 0x00000105, 0x00050083,
  0x0000000a, 0x00000108, 0x00000106, 0x000000f0, 0x0008000c, 0x0000000a, 0x0000010d, 0x00000001,
  0x00000032, 0x00000108, 0x00000108, 0x00000349, 0x00050080, 0x00000006, 0x0000010f, 0x00000348,
  0x00000035, 0x000200f9, 0x000000f4, 0x000200f8, 0x000000f6, 0x00050050, 0x0000000b, 0x00000112,
  0x00000349, 0x000000bd, 0x000200f9, 0x00000248, 0x000200f8, 0x00000248, 0x000700f5, 0x00000006,
  0x0000034a, 0x0000001a, 0x000000f6, 0x0000024b, 0x0000024d, 0x00050084, 0x00000006, 0x0000024b,
  0x0000034a, 0x00000033, 0x000500b2, 0x00000036, 0x0000024c, 0x0000024b, 0x00000035, 0x000400f6,
  0x00000251, 0x0000024d, 0x00000000, 0x000400fa, 0x0000024c, 0x0000024d, 0x00000251, 0x000200f8,
  0x0000024d, 0x000200f9, 0x00000248, 0x000200f8, 0x00000251, 0x0003003e, 0x00000200, 0x00000112,
  0x000400e0, 0x00000033, 0x00000033, 0x00000041, 0x000500ae, 0x00000036, 0x00000257, 0x000000a7,
  0x0000034a, 0x000300f7, 0x00000263, 0x00000000, 0x000400fa, 0x00000257, 0x00000258, 0x00000263,
  0x000200f8, 0x00000258, 0x00050082, 0x00000006, 0x0000025b, 0x000000a7, 0x0000034a, 0x0004003d,
  0x0000000b, 0x0000025e, 0x00000200, 0x00050041, 0x0000003f, 0x0000025f, 0x0000003c, 0x0000025b,
  0x0004003d, 0x0000000b, 0x00000260, 0x0000025f, 0x00050081, 0x0000000b, 0x00000261, 0x00000260,
  0x0000025e, 0x0003003e, 0x0000025f, 0x00000261, 0x000200f9, 0x00000263, 0x000200f8, 0x00000263,
  0x000400e0, 0x00000033, 0x00000033, 0x00000041, 0x00050086, 0x00000006, 0x00000265, 0x0000034a,
  0x00000033, 0x000200f9, 0x00000266, 0x000200f8, 0x00000266, 0x000700f5, 0x00000006, 0x0000034c,
  0x00000265, 0x00000263, 0x0000027c, 0x0000027a, 0x000500ac, 0x00000036, 0x00000269, 0x0000034c,
  0x0000001f, 0x000400f6, 0x0000027d, 0x0000027a, 0x00000000, 0x000400fa, 0x00000269, 0x0000026a,
  0x0000027d, 0x000200f8, 0x0000026a, 0x000500b0, 0x00000036, 0x0000026d, 0x000000a7, 0x0000034c,
  0x000300f7, 0x00000279, 0x00000000, 0x000400fa, 0x0000026d, 0x0000026e, 0x00000279, 0x000200f8,
  0x0000026e, 0x00050080, 0x00000006, 0x00000272, 0x000000a7, 0x0000034c, 0x00050041, 0x0000003f,
  0x00000273, 0x0000003c, 0x00000272, 0x0004003d, 0x0000000b, 0x00000274, 0x00000273, 0x0004003d,
  0x0000000b, 0x00000276, 0x00000200, 0x00050081, 0x0000000b, 0x00000277, 0x00000276, 0x00000274,
  0x0003003e, 0x00000200, 0x00000277, 0x000200f9, 0x00000279, 0x000200f8, 0x00000279, 0x000400e0,
  0x00000033, 0x00000033, 0x00000041, 0x000200f9, 0x0000027a, 0x000200f8, 0x0000027a, 0x000500c2,
  0x00000006, 0x0000027c, 0x0000034c, 0x0000006b, 0x000200f9, 0x00000266, 0x000200f8, 0x0000027d,
  0x0004003d, 0x0000000b, 0x0000027f, 0x0000022a, 0x000400e0, 0x00000033, 0x00000033, 0x00000041,
  0x00050051, 0x0000000a, 0x00000115, 0x0000027f, 0x00000000, 0x00050050, 0x0000000b, 0x00000116,
  0x000000f0, 0x00000115, 0x000200f9, 0x000000c4, 0x000200f8, 0x00000117, 0x000500aa, 0x00000036,
  0x0000011a, 0x000000c1, 0x0000001a, 0x000300f7, 0x0000011c, 0x00000000, 0x000400fa, 0x0000011a,
  0x0000011b, 0x0000018e, 0x000200f8, 0x0000011b, 0x00050041, 0x0000007a, 0x00000123, 0x00000078,
  0x00000122, 0x0004003d, 0x00000006, 0x00000124, 0x00000123, 0x00050080, 0x00000006, 0x00000126,
  0x00000124, 0x0000009f, 0x00060041, 0x000000df, 0x00000127, 0x00000121, 0x0000006f, 0x00000126,
  0x0004003d, 0x0000000a, 0x00000128, 0x00000127, 0x00050041, 0x0000007a, 0x0000012f, 0x00000078,
  0x0000012e, 0x0004003d, 0x00000006, 0x00000130, 0x0000012f, 0x00050080, 0x00000006, 0x00000132,
  0x00000130, 0x0000009f, 0x00060041, 0x000000df, 0x00000133, 0x0000012d, 0x0000006f, 0x00000132,
  0x0004003d, 0x0000000a, 0x00000134, 0x00000133, 0x00050080, 0x00000006, 0x00000137, 0x000000b4,
  0x000000a7, 0x000200f9, 0x00000138, 0x000200f8, 0x00000138, 0x000700f5, 0x0000000b, 0x00000335,
  0x000000be, 0x0000011b, 0x00000188, 0x0000013b, 0x000700f5, 0x00000006, 0x00000334, 0x00000137,
  0x0000011b, 0x0000018a, 0x0000013b, 0x000500b0, 0x00000036, 0x0000013f, 0x00000334, 0x000000bb,
  0x000400f6, 0x0000013a, 0x0000013b, 0x00000000, 0x000400fa, 0x0000013f, 0x00000139, 0x0000013a,
  0x000200f8, 0x00000139, 0x00050086, 0x00000006, 0x00000286, 0x00000334, 0x000000ad, 0x00050084,
  0x00000006, 0x00000289, 0x00000286, 0x00000092, 0x00050080, 0x00000006, 0x0000028b, 0x00000289,
  0x0000009f, 0x00050084, 0x00000006, 0x0000028e, 0x0000028b, 0x000000ad, 0x00050089, 0x00000006,
  0x00000292, 0x00000334, 0x000000ad, 0x00050080, 0x00000006, 0x00000293, 0x0000028e, 0x00000292,
  0x00050041, 0x0000007a, 0x0000014b, 0x00000078, 0x0000006b, 0x0004003d, 0x00000006, 0x0000014c,
  0x0000014b, 0x00050080, 0x00000006, 0x0000014e, 0x0000014c, 0x00000293, 0x00060041, 0x000000df,
  0x0000014f, 0x0000014a, 0x0000006f, 0x0000014e, 0x0004003d, 0x0000000a, 0x00000150, 0x0000014f,
  0x00050041, 0x0000007a, 0x00000152, 0x00000078, 0x00000151, 0x0004003d, 0x00000006, 0x00000153,
  0x00000152, 0x000500c7, 0x00000006, 0x00000154, 0x00000153, 0x0000001a, 0x000500ab, 0x00000036,
  0x00000155, 0x00000154, 0x0000001f, 0x000300f7, 0x00000157, 0x00000000, 0x000400fa, 0x00000155,
  0x00000156, 0x00000157, 0x000200f8, 0x00000156, 0x00050041, 0x0000007a, 0x0000015d, 0x00000078,
  0x0000015c, 0x0004003d, 0x00000006, 0x0000015e, 0x0000015d, 0x00050080, 0x00000006, 0x00000160,
  0x0000015e, 0x00000293, 0x00060041, 0x000000df, 0x00000161, 0x0000015b, 0x0000006f, 0x00000160,
  0x0004003d, 0x0000000a, 0x00000162, 0x00000161, 0x000500ba, 0x00000036, 0x00000163, 0x00000162,
  0x000000bd, 0x000400a8, 0x00000036, 0x00000164, 0x00000163, 0x000200f9, 0x00000157, 0x000200f8,
  0x00000157, 0x000700f5, 0x00000036, 0x00000165, 0x00000155, 0x00000139, 0x00000164, 0x00000156,
  0x000200f9, 0x00000167, 0x000200f8, 0x00000167, 0x000600a9, 0x0000000a, 0x00000351, 0x00000165,
  0x000000bd, 0x00000150, 0x000500c7, 0x00000006, 0x0000016a, 0x00000153, 0x00000033, 0x000500ab,
  0x00000036, 0x0000016b, 0x0000016a, 0x0000001f, 0x000300f7, 0x0000016d, 0x00000000, 0x000400fa,
  0x0000016b, 0x0000016c, 0x0000016d, 0x000200f8, 0x0000016c, 0x00050041, 0x0000007a, 0x00000173,
  0x00000078, 0x00000172, 0x0004003d, 0x00000006, 0x00000174, 0x00000173, 0x00050080, 0x00000006,
  0x00000176, 0x00000174, 0x00000293, 0x00060041, 0x000000df, 0x00000178, 0x00000171, 0x0000006f,
  0x00000176, 0x0003003e, 0x00000178, 0x00000351, 0x000200f9, 0x0000016d, 0x000200f8, 0x0000016d,
  0x00050041, 0x0000007a, 0x0000017b, 0x00000078, 0x0000006f, 0x0004003d, 0x00000006, 0x0000017c,
  0x0000017b, 0x00050080, 0x00000006, 0x0000017e, 0x0000017c, 0x00000293, 0x00060041, 0x000000df,
  0x0000017f, 0x000000d6, 0x0000006f, 0x0000017e, 0x0004003d, 0x0000000a, 0x00000180, 0x0000017f,
  0x00050083, 0x0000000a, 0x00000182, 0x00000180, 0x00000128, 0x00050085, 0x0000000a, 0x00000184,
  0x00000182, 0x00000134, 0x00050085, 0x0000000a, 0x00000185, 0x00000351, 0x00000184, 0x00050050,
  0x0000000b, 0x00000186, 0x00000351, 0x00000185, 0x00050081, 0x0000000b, 0x00000188, 0x00000335,
  0x00000186, 0x000200f9, 0x0000013b, 0x000200f8, 0x0000013b, 0x00050080, 0x00000006, 0x0000018a,
  0x00000334, 0x00000035, 0x000200f9, 0x00000138, 0x000200f8, 0x0000013a, 0x000200f9, 0x0000029c,
  0x000200f8, 0x0000029c, 0x000700f5, 0x00000006, 0x00000336, 0x0000001a, 0x0000013a, 0x0000029f,
  0x000002a1, 0x00050084, 0x00000006, 0x0000029f, 0x00000336, 0x00000033, 0x000500b2, 0x00000036,
  0x000002a0, 0x0000029f, 0x00000035, 0x000400f6, 0x000002a5, 0x000002a1, 0x00000000, 0x000400fa,
  0x000002a0, 0x000002a1, 0x000002a5, 0x000200f8, 0x000002a1, 0x000200f9, 0x0000029c, 0x000200f8,
  0x000002a5, 0x00050041, 0x0000003f, 0x000002a8, 0x0000003c, 0x000000a7, 0x0003003e, 0x000002a8,
  0x00000335, 0x000400e0, 0x00000033, 0x00000033, 0x00000041, 0x000500ae, 0x00000036, 0x000002ab,
  0x000000a7, 0x00000336, 0x000300f7, 0x000002b7, 0x00000000, 0x000400fa, 0x000002ab, 0x000002ac,
  0x000002b7, 0x000200f8, 0x000002ac, 0x00050082, 0x00000006, 0x000002af, 0x000000a7, 0x00000336,
  0x0004003d, 0x0000000b, 0x000002b2, 0x000002a8, 0x00050041, 0x0000003f, 0x000002b3, 0x0000003c,
  0x000002af, 0x0004003d, 0x0000000b, 0x000002b4, 0x000002b3, 0x00050081, 0x0000000b, 0x000002b5,
  0x000002b4, 0x000002b2, 0x0003003e, 0x000002b3, 0x000002b5, 0x000200f9, 0x000002b7, 0x000200f8,
  0x000002b7, 0x000400e0, 0x00000033, 0x00000033, 0x00000041, 0x00050086, 0x00000006, 0x000002b9,
  0x00000336, 0x00000033, 0x000200f9, 0x000002ba, 0x000200f8, 0x000002ba, 0x000700f5, 0x00000006,
  0x00000338, 0x000002b9, 0x000002b7, 0x000002d0, 0x000002ce, 0x000500ac, 0x00000036, 0x000002bd,
  0x00000338, 0x0000001f, 0x000400f6, 0x000002d1, 0x000002ce, 0x00000000, 0x000400fa, 0x000002bd,
  0x000002be, 0x000002d1, 0x000200f8, 0x000002be, 0x000500b0, 0x00000036, 0x000002c1, 0x000000a7,
  0x00000338, 0x000300f7, 0x000002cd, 0x00000000, 0x000400fa, 0x000002c1, 0x000002c2, 0x000002cd,
  0x000200f8, 0x000002c2, 0x00050080, 0x00000006, 0x000002c6, 0x000000a7, 0x00000338, 0x00050041,
  0x0000003f, 0x000002c7, 0x0000003c, 0x000002c6, 0x0004003d, 0x0000000b, 0x000002c8, 0x000002c7,
  0x0004003d, 0x0000000b, 0x000002ca, 0x000002a8, 0x00050081, 0x0000000b, 0x000002cb, 0x000002ca,
  0x000002c8, 0x0003003e, 0x000002a8, 0x000002cb, 0x000200f9, 0x000002cd, 0x000200f8, 0x000002cd,
  0x000400e0, 0x00000033, 0x00000033, 0x00000041, 0x000200f9, 0x000002ce, 0x000200f8, 0x000002ce,
  0x000500c2, 0x00000006, 0x000002d0, 0x00000338, 0x0000006b, 0x000200f9, 0x000002ba, 0x000200f8,
  0x000002d1, 0x00050041, 0x0000003f, 0x000002d2, 0x0000003c, 0x0000006f, 0x0004003d, 0x0000000b,
  0x000002d3, 0x000002d2, 0x000400e0, 0x00000033, 0x00000033, 0x00000041, 0x000200f9, 0x0000011c,
  0x000200f8, 0x0000018e, 0x00050080, 0x00000006, 0x00000191, 0x000000b4, 0x000000a7, 0x000200f9,
  0x00000192, 0x000200f8, 0x00000192, 0x000700f5, 0x0000000b, 0x0000032f, 0x000000be, 0x0000018e,
  0x0000032b, 0x00000193, 0x000700f5, 0x00000006, 0x0000032e, 0x00000191, 0x0000018e, 0x000001a9,
  0x00000193, 0x000500b0, 0x00000036, 0x00000199, 0x0000032e, 0x000000bb, 0x000400f6, 0x00000194,
  0x00000193, 0x00000000, 0x000400fa, 0x00000199, 0x00000193, 0x00000194, 0x000200f8, 0x00000193,
  0x00050041, 0x0000007a, 0x0000019a, 0x00000078, 0x0000006b, 0x0004003d, 0x00000006, 0x0000019b,
  0x0000019a, 0x00050086, 0x00000006, 0x000002da, 0x0000032e, 0x000000ad, 0x00050084, 0x00000006,
  0x000002dd, 0x000002da, 0x00000092, 0x00050080, 0x00000006, 0x000002df, 0x000002dd, 0x0000009f,
  0x00050084, 0x00000006, 0x000002e2, 0x000002df, 0x000000ad, 0x00050089, 0x00000006, 0x000002e6,
  0x0000032e, 0x000000ad, 0x00050080, 0x00000006, 0x000002e7, 0x000002e2, 0x000002e6, 0x00050080,
  0x00000006, 0x000001a1, 0x0000019b, 0x000002e7, 0x00060041, 0x000000df, 0x000001a2, 0x0000014a,
  0x0000006f, 0x000001a1, 0x0004003d, 0x0000000a, 0x000001a3, 0x000001a2, 0x00050051, 0x0000000a,
  0x000001a5, 0x0000032f, 0x00000000, 0x00050081, 0x0000000a, 0x000001a6, 0x000001a5, 0x000001a3,
  0x00060052, 0x0000000b, 0x0000032b, 0x000001a6, 0x0000032f, 0x00000000, 0x00050080, 0x00000006,
  0x000001a9, 0x0000032e, 0x00000035, 0x000200f9, 0x00000192, 0x000200f8, 0x00000194, 0x000200f9,
  0x000002f0, 0x000200f8, 0x000002f0, 0x000700f5, 0x00000006, 0x00000330, 0x0000001a, 0x00000194,
  0x000002f3, 0x000002f5, 0x00050084, 0x00000006, 0x000002f3, 0x00000330, 0x00000033, 0x000500b2,
  0x00000036, 0x000002f4, 0x000002f3, 0x00000035, 0x000400f6, 0x000002f9, 0x000002f5, 0x00000000,
  0x000400fa, 0x000002f4, 0x000002f5, 0x000002f9, 0x000200f8, 0x000002f5, 0x000200f9, 0x000002f0,
  0x000200f8, 0x000002f9, 0x00050041, 0x0000003f, 0x000002fc, 0x0000003c, 0x000000a7, 0x0003003e,
  0x000002fc, 0x0000032f, 0x000400e0, 0x00000033, 0x00000033, 0x00000041, 0x000500ae, 0x00000036,
  0x000002ff, 0x000000a7, 0x00000330, 0x000300f7, 0x0000030b, 0x00000000, 0x000400fa, 0x000002ff,
  0x00000300, 0x0000030b, 0x000200f8, 0x00000300, 0x00050082, 0x00000006, 0x00000303, 0x000000a7,
  0x00000330, 0x0004003d, 0x0000000b, 0x00000306, 0x000002fc, 0x00050041, 0x0000003f, 0x00000307,
  0x0000003c, 0x00000303, 0x0004003d, 0x0000000b, 0x00000308, 0x00000307, 0x00050081, 0x0000000b,
  0x00000309, 0x00000308, 0x00000306, 0x0003003e, 0x00000307, 0x00000309, 0x000200f9, 0x0000030b,
  0x000200f8, 0x0000030b, 0x000400e0, 0x00000033, 0x00000033, 0x00000041, 0x00050086, 0x00000006,
  0x0000030d, 0x00000330, 0x00000033, 0x000200f9, 0x0000030e, 0x000200f8, 0x0000030e, 0x000700f5,
  0x00000006, 0x00000332, 0x0000030d, 0x0000030b, 0x00000324, 0x00000322, 0x000500ac, 0x00000036,
  0x00000311, 0x00000332, 0x0000001f, 0x000400f6, 0x00000325, 0x00000322, 0x00000000, 0x000400fa,
  0x00000311, 0x00000312, 0x00000325, 0x000200f8, 0x00000312, 0x000500b0, 0x00000036, 0x00000315,
  0x000000a7, 0x00000332, 0x000300f7, 0x00000321, 0x00000000, 0x000400fa, 0x00000315, 0x00000316,
  0x00000321, 0x000200f8, 0x00000316, 0x00050080, 0x00000006, 0x0000031a, 0x000000a7, 0x00000332,
  0x00050041, 0x0000003f, 0x0000031b, 0x0000003c, 0x0000031a, 0x0004003d, 0x0000000b, 0x0000031c,
  0x0000031b, 0x0004003d, 0x0000000b, 0x0000031e, 0x000002fc, 0x00050081, 0x0000000b, 0x0000031f,
  0x0000031e, 0x0000031c, 0x0003003e, 0x000002fc, 0x0000031f, 0x000200f9, 0x00000321, 0x000200f8,
  0x00000321, 0x000400e0, 0x00000033, 0x00000033, 0x00000041, 0x000200f9, 0x00000322, 0x000200f8,
  0x00000322, 0x000500c2, 0x00000006, 0x00000324, 0x00000332, 0x0000006b, 0x000200f9, 0x0000030e,
  0x000200f8, 0x00000325, 0x00050041, 0x0000003f, 0x00000326, 0x0000003c, 0x0000006f, 0x0004003d,
  0x0000000b, 0x00000327, 0x00000326, 0x000400e0, 0x00000033, 0x00000033, 0x00000041, 0x000200f9,
  0x0000011c, 0x000200f8, 0x0000011c, 0x000700f5, 0x0000000b, 0x0000034e, 0x000002d3, 0x000002d1,
  0x00000327, 0x00000325, 0x000200f9, 0x000000c4, 0x000200f8, 0x000000c4, 0x000700f5, 0x0000000b,
  0x0000034d, 0x00000116, 0x0000027d, 0x0000034e, 0x0000011c, 0x000500aa, 0x00000036, 0x000001ae,
  0x000000a7, 0x0000001f, 0x000300f7, 0x000001b0, 0x00000000, 0x000400fa, 0x000001ae, 0x000001af,
  0x000001b0, 0x000200f8, 0x000001af, 0x00050041, 0x0000007a, 0x000001b6, 0x00000078, 0x000001b5,
  0x0004003d, 0x00000006, 0x000001b7, 0x000001b6, 0x00050084, 0x00000006, 0x000001b9, 0x00000033,
  0x000001d8, 0x00050080, 0x00000006, 0x000001ba, 0x000001b7, 0x000001b9, 0x00050051, 0x0000000a,
  0x000001bc, 0x0000034d, 0x00000000, 0x00060041, 0x000000df, 0x000001bd, 0x000001b4, 0x0000006f,
  0x000001ba, 0x0003003e, 0x000001bd, 0x000001bc, 0x00050080, 0x00000006, 0x000001c3, 0x000001ba,
  0x0000001a, 0x00050051, 0x0000000a, 0x000001c5, 0x0000034d, 0x00000001, 0x00060041, 0x000000df,
  0x000001c6, 0x000001b4, 0x0000006f, 0x000001c3, 0x0003003e, 0x000001c6, 0x000001c5, 0x000200f9,
  0x000001b0, 0x000200f8, 0x000001b0, 0x000200f9, 0x000001c9, 0x000200f8, 0x000001c9, 0x000100fd,
  0x00010038,
};
static const uint32_t dive__spv_bn_merge[] = { /* bn_merge.comp, 1701 words */
  0x07230203, 0x00010300, 0x0008000b, 0x000001b9, 0x00000000, 0x00020011, 0x00000001, 0x0006000b,
  0x00000001, 0x4c534c47, 0x6474732e, 0x3035342e, 0x00000000, 0x0003000e, 0x00000000, 0x00000001,
  0x0008000f, 0x00000005, 0x00000004, 0x6e69616d, 0x00000000, 0x0000000c, 0x00000011, 0x0000001d,
  0x00060010, 0x00000004, 0x00000011, 0x00000100, 0x00000001, 0x00000001, 0x00040047, 0x0000000c,
  0x0000000b, 0x0000001a, 0x00040047, 0x00000011, 0x0000000b, 0x00000018, 0x00040047, 0x00000019,
  0x00000001, 0x00000000, 0x00040047, 0x0000001a, 0x0000000b, 0x00000019, 0x00040047, 0x0000001d,
  0x0000000b, 0x0000001b, 0x00050048, 0x00000028, 0x00000000, 0x00000023, 0x00000000, 0x00050048,
  0x00000028, 0x00000001, 0x00000023, 0x00000004, 0x00050048, 0x00000028, 0x00000002, 0x00000023,
  0x00000008, 0x00050048, 0x00000028, 0x00000003, 0x00000023, 0x0000000c, 0x00050048, 0x00000028,
  0x00000004, 0x00000023, 0x00000010, 0x00050048, 0x00000028, 0x00000005, 0x00000023, 0x00000014,
  0x00050048, 0x00000028, 0x00000006, 0x00000023, 0x00000018, 0x00050048, 0x00000028, 0x00000007,
  0x00000023, 0x0000001c, 0x00050048, 0x00000028, 0x00000008, 0x00000023, 0x00000020, 0x00050048,
  0x00000028, 0x00000009, 0x00000023, 0x00000024, 0x00050048, 0x00000028, 0x0000000a, 0x00000023,
  0x00000028, 0x00050048, 0x00000028, 0x0000000b, 0x00000023, 0x0000002c, 0x00050048, 0x00000028,
  0x0000000c, 0x00000023, 0x00000030, 0x00050048, 0x00000028, 0x0000000d, 0x00000023, 0x00000034,
  0x00050048, 0x00000028, 0x0000000e, 0x00000023, 0x00000038, 0x00050048, 0x00000028, 0x0000000f,
  0x00000023, 0x0000003c, 0x00050048, 0x00000028, 0x00000010, 0x00000023, 0x00000040, 0x00030047,
  0x00000028, 0x00000002, 0x00040047, 0x00000050, 0x00000006, 0x00000004, 0x00040048, 0x00000051,
  0x00000000, 0x00000019, 0x00050048, 0x00000051, 0x00000000, 0x00000023, 0x00000000, 0x00030047,
  0x00000051, 0x00000002, 0x00040047, 0x00000053, 0x00000022, 0x00000000, 0x00040047, 0x00000053,
  0x00000021, 0x00000003, 0x00040047, 0x00000059, 0x00000006, 0x00000004, 0x00050048, 0x0000005a,
  0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x0000005a, 0x00000002, 0x00040047, 0x0000005c,
  0x00000022, 0x00000000, 0x00040047, 0x0000005c, 0x00000021, 0x00000001, 0x00040047, 0x00000066,
  0x00000006, 0x00000004, 0x00040048, 0x00000067, 0x00000000, 0x00000019, 0x00050048, 0x00000067,
  0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x00000067, 0x00000002, 0x00040047, 0x00000069,
  0x00000022, 0x00000000, 0x00040047, 0x00000069, 0x00000021, 0x00000004, 0x00040047, 0x00000070,
  0x00000006, 0x00000004, 0x00050048, 0x00000071, 0x00000000, 0x00000023, 0x00000000, 0x00030047,
  0x00000071, 0x00000002, 0x00040047, 0x00000073, 0x00000022, 0x00000000, 0x00040047, 0x00000073,
  0x00000021, 0x00000002, 0x00040047, 0x000000a9, 0x00000006, 0x00000004, 0x00040048, 0x000000aa,
  0x00000000, 0x00000018, 0x00050048, 0x000000aa, 0x00000000, 0x00000023, 0x00000000, 0x00030047,
  0x000000aa, 0x00000002, 0x00040047, 0x000000ac, 0x00000022, 0x00000000, 0x00040047, 0x000000ac,
  0x00000021, 0x00000000, 0x00040047, 0x0000014b, 0x00000006, 0x00000004, 0x00040048, 0x0000014c,
  0x00000000, 0x00000019, 0x00050048, 0x0000014c, 0x00000000, 0x00000023, 0x00000000, 0x00030047,
  0x0000014c, 0x00000002, 0x00040047, 0x0000014e, 0x00000022, 0x00000000, 0x00040047, 0x0000014e,
  0x00000021, 0x00000005, 0x00040047, 0x00000168, 0x00000006, 0x00000004, 0x00050048, 0x00000169,
  0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x00000169, 0x00000002, 0x00040047, 0x0000016b,
  0x00000022, 0x00000000, 0x00040047, 0x0000016b, 0x00000021, 0x00000006, 0x00040047, 0x0000017e,
  0x00000006, 0x00000004, 0x00050048, 0x0000017f, 0x00000000, 0x00000023, 0x00000000, 0x00030047,
  0x0000017f, 0x00000002, 0x00040047, 0x00000181, 0x00000022, 0x00000000, 0x00040047, 0x00000181,
  0x00000021, 0x00000007, 0x00020013, 0x00000002, 0x00030021, 0x00000003, 0x00000002, 0x00040015,
  0x00000006, 0x00000020, 0x00000000, 0x00040017, 0x0000000a, 0x00000006, 0x00000003, 0x00040020,
  0x0000000b, 0x00000001, 0x0000000a, 0x0004003b, 0x0000000b, 0x0000000c, 0x00000001, 0x0004002b,
  0x00000006, 0x0000000d, 0x00000001, 0x00040020, 0x0000000e, 0x00000001, 0x00000006, 0x0004003b,
  0x0000000b, 0x00000011, 0x00000001, 0x0004002b, 0x00000006, 0x00000012, 0x00000000, 0x00040032,
  0x00000006, 0x00000019, 0x00000100, 0x00060033, 0x0000000a, 0x0000001a, 0x00000019, 0x0000000d,
  0x0000000d, 0x0004003b, 0x0000000b, 0x0000001d, 0x00000001, 0x00030016, 0x00000027, 0x00000020,
  0x0013001e, 0x00000028, 0x00000006, 0x00000006, 0x00000006, 0x00000006, 0x00000006, 0x00000006,
  0x00000006, 0x00000006, 0x00000006, 0x00000006, 0x00000006, 0x00000006, 0x00000006, 0x00000006,
  0x00000006, 0x00000027, 0x00000027, 0x00040020, 0x00000029, 0x00000009, 0x00000028, 0x0004003b,
  0x00000029, 0x0000002a, 0x00000009, 0x00040015, 0x0000002b, 0x00000020, 0x00000001, 0x0004002b,
  0x0000002b, 0x0000002c, 0x00000009, 0x00040020, 0x0000002d, 0x00000009, 0x00000006, 0x00020014,
  0x00000030, 0x0004002b, 0x0000002b, 0x00000036, 0x00000008, 0x0004002b, 0x0000002b, 0x00000039,
  0x0000000a, 0x0004002b, 0x0000002b, 0x0000003e, 0x00000000, 0x0004002b, 0x00000006, 0x00000041,
  0x00000002, 0x0004002b, 0x0000002b, 0x00000044, 0x0000000e, 0x0004002b, 0x0000002b, 0x00000049,
  0x0000000b, 0x0004002b, 0x00000006, 0x0000004c, 0x00000003, 0x0003001d, 0x00000050, 0x00000027,
  0x0003001e, 0x00000051, 0x00000050, 0x00040020, 0x00000052, 0x0000000c, 0x00000051, 0x0004003b,
  0x00000052, 0x00000053, 0x0000000c, 0x0004002b, 0x0000002b, 0x00000054, 0x00000003, 0x0003001d,
  0x00000059, 0x00000027, 0x0003001e, 0x0000005a, 0x00000059, 0x00040020, 0x0000005b, 0x0000000c,
  0x0000005a, 0x0004003b, 0x0000005b, 0x0000005c, 0x0000000c, 0x0004002b, 0x0000002b, 0x0000005d,
  0x00000001, 0x00040020, 0x00000062, 0x0000000c, 0x00000027, 0x0003001d, 0x00000066, 0x00000027,
  0x0003001e, 0x00000067, 0x00000066, 0x00040020, 0x00000068, 0x0000000c, 0x00000067, 0x0004003b,
  0x00000068, 0x00000069, 0x0000000c, 0x0004002b, 0x0000002b, 0x0000006a, 0x00000004, 0x0004002b,
  0x00000027, 0x0000006f, 0x3f800000, 0x0003001d, 0x00000070, 0x00000027, 0x0003001e, 0x00000071,
  0x00000070, 0x00040020, 0x00000072, 0x0000000c, 0x00000071, 0x0004003b, 0x00000072, 0x00000073,
  0x0000000c, 0x0004002b, 0x0000002b, 0x00000074, 0x00000002, 0x0004002b, 0x0000002b, 0x0000007b,
  0x00000010, 0x00040020, 0x0000007c, 0x00000009, 0x00000027, 0x0004002b, 0x00000027, 0x0000008b,
  0x00000000, 0x0004002b, 0x0000002b, 0x00000099, 0x0000000d, 0x0003001d, 0x000000a9, 0x00000027,
  0x0003001e, 0x000000aa, 0x000000a9, 0x00040020, 0x000000ab, 0x0000000c, 0x000000aa, 0x0004003b,
  0x000000ab, 0x000000ac, 0x0000000c, 0x0004002b, 0x0000002b, 0x000000e8, 0x0000000c, 0x0004002b,
  0x0000002b, 0x000000f3, 0x0000000f, 0x00040017, 0x00000126, 0x00000027, 0x00000002, 0x0005002c,
  0x00000126, 0x00000129, 0x0000008b, 0x0000008b, 0x0003001d, 0x0000014b, 0x00000027, 0x0003001e,
  0x0000014c, 0x0000014b, 0x00040020, 0x0000014d, 0x0000000c, 0x0000014c, 0x0004003b, 0x0000014d,
  0x0000014e, 0x0000000c, 0x0004002b, 0x0000002b, 0x0000014f, 0x00000005, 0x0004002b, 0x00000006,
  0x00000163, 0x00000004, 0x0003001d, 0x00000168, 0x00000027, 0x0003001e, 0x00000169, 0x00000168,
  0x00040020, 0x0000016a, 0x0000000c, 0x00000169, 0x0004003b, 0x0000016a, 0x0000016b, 0x0000000c,
  0x0004002b, 0x0000002b, 0x0000016c, 0x00000006, 0x0004002b, 0x00000006, 0x00000179, 0x00000008,
  0x0003001d, 0x0000017e, 0x00000027, 0x0003001e, 0x0000017f, 0x0000017e, 0x00040020, 0x00000180,
  0x0000000c, 0x0000017f, 0x0004003b, 0x00000180, 0x00000181, 0x0000000c, 0x0004002b, 0x0000002b,
  0x00000182, 0x00000007, 0x00050036, 0x00000002, 0x00000004, 0x00000000, 0x00000003, 0x000200f8,
  0x00000005, 0x000300f7, 0x00000198, 0x00000000, 0x000300fb, 0x00000012, 0x00000199, 0x000200f8,
  0x00000199, 0x00050041, 0x0000000e, 0x000001a0, 0x0000000c, 0x0000000d, 0x0004003d, 0x00000006,
  0x000001a1, 0x000001a0, 0x00050041, 0x0000000e, 0x000001a2, 0x00000011, 0x00000012, 0x0004003d,
  0x00000006, 0x000001a3, 0x000001a2, 0x00050084, 0x00000006, 0x000001a4, 0x000001a1, 0x000001a3,
  0x00050041, 0x0000000e, 0x000001a5, 0x0000000c, 0x00000012, 0x0004003d, 0x00000006, 0x000001a6,
  0x000001a5, 0x00050080, 0x00000006, 0x000001a7, 0x000001a4, 0x000001a6, 0x00050051, 0x00000006,
  0x000001a8, 0x0000001a, 0x00000000, 0x00050084, 0x00000006, 0x000001a9, 0x000001a7, 0x000001a8,
  0x00050041, 0x0000000e, 0x000001aa, 0x0000001d, 0x00000012, 0x0004003d, 0x00000006, 0x000001ab,
  0x000001aa, 0x00050080, 0x00000006, 0x000001ac, 0x000001a9, 0x000001ab, 0x00050041, 0x0000002d,
  0x0000002e, 0x0000002a, 0x0000002c, 0x0004003d, 0x00000006, 0x0000002f, 0x0000002e, 0x000500ae,
  0x00000030, 0x00000031, 0x000001ac, 0x0000002f, 0x000300f7, 0x00000033, 0x00000000, 0x000400fa,
  0x00000031, 0x00000032, 0x00000033, 0x000200f8, 0x00000032, 0x000200f9, 0x00000198, 0x000200f8,
  0x00000033, 0x00050041, 0x0000002d, 0x00000037, 0x0000002a, 0x00000036, 0x0004003d, 0x00000006,
  0x00000038, 0x00000037, 0x00050041, 0x0000002d, 0x0000003a, 0x0000002a, 0x00000039, 0x0004003d,
  0x00000006, 0x0000003b, 0x0000003a, 0x00050084, 0x00000006, 0x0000003c, 0x00000038, 0x0000003b,
  0x00050041, 0x0000002d, 0x0000003f, 0x0000002a, 0x0000003e, 0x0004003d, 0x00000006, 0x00000040,
  0x0000003f, 0x00050084, 0x00000006, 0x00000043, 0x00000041, 0x000001ac, 0x00050041, 0x0000002d,
  0x00000045, 0x0000002a, 0x00000044, 0x0004003d, 0x00000006, 0x00000046, 0x00000045, 0x00050084,
  0x00000006, 0x00000047, 0x00000043, 0x00000046, 0x00050080, 0x00000006, 0x00000048, 0x00000040,
  0x00000047, 0x00050041, 0x0000002d, 0x0000004a, 0x0000002a, 0x00000049, 0x0004003d, 0x00000006,
  0x0000004b, 0x0000004a, 0x000500aa, 0x00000030, 0x0000004d, 0x0000004b, 0x0000004c, 0x000300f7,
  0x0000004f, 0x00000000, 0x000400fa, 0x0000004d, 0x0000004e, 0x0000004f, 0x000200f8, 0x0000004e,
  0x00050041, 0x0000002d, 0x00000055, 0x0000002a, 0x00000054, 0x0004003d, 0x00000006, 0x00000056,
  0x00000055, 0x00050080, 0x00000006, 0x00000058, 0x00000056, 0x000001ac, 0x00050041, 0x0000002d,
  0x0000005e, 0x0000002a, 0x0000005d, 0x0004003d, 0x00000006, 0x0000005f, 0x0000005e, 0x00050080,
  0x00000006, 0x00000061, 0x0000005f, 0x000001ac, 0x00060041, 0x00000062, 0x00000063, 0x0000005c,
  0x0000003e, 0x00000061, 0x0004003d, 0x00000027, 0x00000064, 0x00000063, 0x00060041, 0x00000062,
  0x00000065, 0x00000053, 0x0000003e, 0x00000058, 0x0003003e, 0x00000065, 0x00000064, 0x00050041,
  0x0000002d, 0x0000006b, 0x0000002a, 0x0000006a, 0x0004003d, 0x00000006, 0x0000006c, 0x0000006b,
  0x00050080, 0x00000006, 0x0000006e, 0x0000006c, 0x000001ac, 0x00050041, 0x0000002d, 0x00000075,
  0x0000002a, 0x00000074, 0x0004003d, 0x00000006, 0x00000076, 0x00000075, 0x00050080, 0x00000006,
  0x00000078, 0x00000076, 0x000001ac, 0x00060041, 0x00000062, 0x00000079, 0x00000073, 0x0000003e,
  0x00000078, 0x0004003d, 0x00000027, 0x0000007a, 0x00000079, 0x00050041, 0x0000007c, 0x0000007d,
  0x0000002a, 0x0000007b, 0x0004003d, 0x00000027, 0x0000007e, 0x0000007d, 0x00050081, 0x00000027,
  0x0000007f, 0x0000007a, 0x0000007e, 0x0006000c, 0x00000027, 0x00000080, 0x00000001, 0x0000001f,
  0x0000007f, 0x00050088, 0x00000027, 0x00000081, 0x0000006f, 0x00000080, 0x00060041, 0x00000062,
  0x00000082, 0x00000069, 0x0000003e, 0x0000006e, 0x0003003e, 0x00000082, 0x00000081, 0x000200f9,
  0x00000198, 0x000200f8, 0x0000004f, 0x000500aa, 0x00000030, 0x00000086, 0x0000004b, 0x00000012,
  0x000300f7, 0x00000088, 0x00000000, 0x000400fa, 0x00000086, 0x00000087, 0x00000088, 0x000200f8,
  0x00000087, 0x000200f9, 0x0000008f, 0x000200f8, 0x0000008f, 0x000700f5, 0x00000027, 0x000001b8,
  0x0000008b, 0x00000087, 0x000000a7, 0x00000090, 0x000700f5, 0x00000027, 0x000001b7, 0x0000008b,
  0x00000087, 0x000000bb, 0x00000090, 0x000700f5, 0x00000027, 0x000001b6, 0x0000008b, 0x00000087,
  0x000000ce, 0x00000090, 0x000700f5, 0x00000006, 0x000001b5, 0x00000012, 0x00000087, 0x000000d1,
  0x00000090, 0x000500b0, 0x00000030, 0x00000097, 0x000001b5, 0x00000046, 0x000400f6, 0x00000091,
  0x00000090, 0x00000000, 0x000400fa, 0x00000097, 0x00000090, 0x00000091, 0x000200f8, 0x00000090,
  0x00050041, 0x0000002d, 0x0000009a, 0x0000002a, 0x00000099, 0x0004003d, 0x00000006, 0x0000009b,
  0x0000009a, 0x00050084, 0x00000006, 0x000000a0, 0x000001b5, 0x0000009b, 0x00050082, 0x00000006,
  0x000000a1, 0x0000003c, 0x000000a0, 0x0007000c, 0x00000006, 0x000000a2, 0x00000001, 0x00000026,
  0x0000009b, 0x000000a1, 0x00040070, 0x00000027, 0x000000a3, 0x000000a2, 0x00050081, 0x00000027,
  0x000000a7, 0x000001b8, 0x000000a3, 0x00050084, 0x00000006, 0x000000af, 0x00000041, 0x000001b5,
  0x00050080, 0x00000006, 0x000000b0, 0x00000048, 0x000000af, 0x00060041, 0x00000062, 0x000000b1,
  0x000000ac, 0x0000003e, 0x000000b0, 0x0004003d, 0x00000027, 0x000000b2, 0x000000b1, 0x00050083,
  0x00000027, 0x000000b4, 0x000000b2, 0x000001b7, 0x00050088, 0x00000027, 0x000000b8, 0x000000a3,
  0x000000a7, 0x0008000c, 0x00000027, 0x000000bb, 0x00000001, 0x00000032, 0x000000b4, 0x000000b8,
  0x000001b7, 0x00050080, 0x00000006, 0x000000c0, 0x000000b0, 0x0000000d, 0x00060041, 0x00000062,
  0x000000c1, 0x000000ac, 0x0000003e, 0x000000c0, 0x0004003d, 0x00000027, 0x000000c2, 0x000000c1,
  0x00050085, 0x00000027, 0x000000c5, 0x000000b4, 0x000000b4, 0x00050085, 0x00000027, 0x000000c8,
  0x000001b8, 0x000000a3, 0x00050088, 0x00000027, 0x000000ca, 0x000000c8, 0x000000a7, 0x0008000c,
  0x00000027, 0x000000cc, 0x00000001, 0x00000032, 0x000000c5, 0x000000ca, 0x000000c2, 0x00050081,
  0x00000027, 0x000000ce, 0x000001b6, 0x000000cc, 0x00050080, 0x00000006, 0x000000d1, 0x000001b5,
  0x0000005d, 0x000200f9, 0x0000008f, 0x000200f8, 0x00000091, 0x00040070, 0x00000027, 0x000000d5,
  0x0000003c, 0x00050088, 0x00000027, 0x000000d6, 0x000001b6, 0x000000d5, 0x00050041, 0x0000002d,
  0x000000d7, 0x0000002a, 0x00000054, 0x0004003d, 0x00000006, 0x000000d8, 0x000000d7, 0x00050080,
  0x00000006, 0x000000da, 0x000000d8, 0x000001ac, 0x00060041, 0x00000062, 0x000000dc, 0x00000053,
  0x0000003e, 0x000000da, 0x0003003e, 0x000000dc, 0x000001b7, 0x00050041, 0x0000002d, 0x000000dd,
  0x0000002a, 0x0000006a, 0x0004003d, 0x00000006, 0x000000de, 0x000000dd, 0x00050080, 0x00000006,
  0x000000e0, 0x000000de, 0x000001ac, 0x00050041, 0x0000007c, 0x000000e2, 0x0000002a, 0x0000007b,
  0x0004003d, 0x00000027, 0x000000e3, 0x000000e2, 0x00050081, 0x00000027, 0x000000e4, 0x000000d6,
  0x000000e3, 0x0006000c, 0x00000027, 0x000000e5, 0x00000001, 0x0000001f, 0x000000e4, 0x00050088,
  0x00000027, 0x000000e6, 0x0000006f, 0x000000e5, 0x00060041, 0x00000062, 0x000000e7, 0x00000069,
  0x0000003e, 0x000000e0, 0x0003003e, 0x000000e7, 0x000000e6, 0x00050041, 0x0000002d, 0x000000e9,
  0x0000002a, 0x000000e8, 0x0004003d, 0x00000006, 0x000000ea, 0x000000e9, 0x000500c7, 0x00000006,
  0x000000eb, 0x000000ea, 0x0000000d, 0x000500ab, 0x00000030, 0x000000ec, 0x000000eb, 0x00000012,
  0x000300f7, 0x000000ee, 0x00000000, 0x000400fa, 0x000000ec, 0x000000ed, 0x000000ee, 0x000200f8,
  0x000000ed, 0x00050041, 0x0000002d, 0x000000ef, 0x0000002a, 0x0000005d, 0x0004003d, 0x00000006,
  0x000000f0, 0x000000ef, 0x00050080, 0x00000006, 0x000000f2, 0x000000f0, 0x000001ac, 0x00050041,
  0x0000007c, 0x000000f4, 0x0000002a, 0x000000f3, 0x0004003d, 0x00000027, 0x000000f5, 0x000000f4,
  0x00050083, 0x00000027, 0x000000f6, 0x0000006f, 0x000000f5, 0x00060041, 0x00000062, 0x000000fb,
  0x0000005c, 0x0000003e, 0x000000f2, 0x0004003d, 0x00000027, 0x000000fc, 0x000000fb, 0x00050085,
  0x00000027, 0x00000101, 0x000000f5, 0x000001b7, 0x0008000c, 0x00000027, 0x00000102, 0x00000001,
  0x00000032, 0x000000f6, 0x000000fc, 0x00000101, 0x0003003e, 0x000000fb, 0x00000102, 0x000200f9,
  0x000000ee, 0x000200f8, 0x000000ee, 0x000500c7, 0x00000006, 0x00000106, 0x000000ea, 0x00000041,
  0x000500ab, 0x00000030, 0x00000107, 0x00000106, 0x00000012, 0x000300f7, 0x00000109, 0x00000000,
  0x000400fa, 0x00000107, 0x00000108, 0x00000109, 0x000200f8, 0x00000108, 0x00050041, 0x0000002d,
  0x0000010a, 0x0000002a, 0x00000074, 0x0004003d, 0x00000006, 0x0000010b, 0x0000010a, 0x00050080,
  0x00000006, 0x0000010d, 0x0000010b, 0x000001ac, 0x00050041, 0x0000007c, 0x0000010e, 0x0000002a,
  0x000000f3, 0x0004003d, 0x00000027, 0x0000010f, 0x0000010e, 0x00050083, 0x00000027, 0x00000110,
  0x0000006f, 0x0000010f, 0x00060041, 0x00000062, 0x00000115, 0x00000073, 0x0000003e, 0x0000010d,
  0x0004003d, 0x00000027, 0x00000116, 0x00000115, 0x00050082, 0x00000006, 0x0000011e, 0x0000003c,
  0x0000000d, 0x00040070, 0x00000027, 0x0000011f, 0x0000011e, 0x00050088, 0x00000027, 0x00000120,
  0x000000d5, 0x0000011f, 0x00050085, 0x00000027, 0x00000121, 0x000000d6, 0x00000120, 0x00050085,
  0x00000027, 0x00000122, 0x0000010f, 0x00000121, 0x0008000c, 0x00000027, 0x00000123, 0x00000001,
  0x00000032, 0x00000110, 0x00000116, 0x00000122, 0x0003003e, 0x00000115, 0x00000123, 0x000200f9,
  0x00000109, 0x000200f8, 0x00000109, 0x000200f9, 0x00000198, 0x000200f8, 0x00000088, 0x000200f9,
  0x0000012b, 0x000200f8, 0x0000012b, 0x000700f5, 0x00000126, 0x000001b3, 0x00000129, 0x00000088,
  0x00000143, 0x0000012c, 0x000700f5, 0x00000006, 0x000001b2, 0x00000012, 0x00000088, 0x00000145,
  0x0000012c, 0x000500b0, 0x00000030, 0x00000133, 0x000001b2, 0x00000046, 0x000400f6, 0x0000012d,
  0x0000012c, 0x00000000, 0x000400fa, 0x00000133, 0x0000012c, 0x0000012d, 0x000200f8, 0x0000012c,
  0x00050084, 0x00000006, 0x00000136, 0x00000041, 0x000001b2, 0x00050080, 0x00000006, 0x00000137,
  0x00000048, 0x00000136, 0x00060041, 0x00000062, 0x00000138, 0x000000ac, 0x0000003e, 0x00000137,
  0x0004003d, 0x00000027, 0x00000139, 0x00000138, 0x00050080, 0x00000006, 0x0000013e, 0x00000137,
  0x0000000d, 0x00060041, 0x00000062, 0x0000013f, 0x000000ac, 0x0000003e, 0x0000013e, 0x0004003d,
  0x00000027, 0x00000140, 0x0000013f, 0x00050050, 0x00000126, 0x00000141, 0x00000139, 0x00000140,
  0x00050081, 0x00000126, 0x00000143, 0x000001b3, 0x00000141, 0x00050080, 0x00000006, 0x00000145,
  0x000001b2, 0x0000005d, 0x000200f9, 0x0000012b, 0x000200f8, 0x0000012d, 0x000500aa, 0x00000030,
  0x00000148, 0x0000004b, 0x0000000d, 0x000300f7, 0x0000014a, 0x00000000, 0x000400fa, 0x00000148,
  0x00000149, 0x0000018d, 0x000200f8, 0x00000149, 0x00050041, 0x0000002d, 0x00000150, 0x0000002a,
  0x0000014f, 0x0004003d, 0x00000006, 0x00000151, 0x00000150, 0x00050080, 0x00000006, 0x00000154,
  0x00000151, 0x00000043, 0x00050051, 0x00000027, 0x00000156, 0x000001b3, 0x00000000, 0x00060041,
  0x00000062, 0x00000157, 0x0000014e, 0x0000003e, 0x00000154, 0x0003003e, 0x00000157, 0x00000156,
  0x00050080, 0x00000006, 0x0000015d, 0x00000154, 0x0000000d, 0x00050051, 0x00000027, 0x0000015f,
  0x000001b3, 0x00000001, 0x00060041, 0x00000062, 0x00000160, 0x0000014e, 0x0000003e, 0x0000015d,
  0x0003003e, 0x00000160, 0x0000015f, 0x00050041, 0x0000002d, 0x00000161, 0x0000002a, 0x000000e8,
  0x0004003d, 0x00000006, 0x00000162, 0x00000161, 0x000500c7, 0x00000006, 0x00000164, 0x00000162,
  0x00000163, 0x000500ab, 0x00000030, 0x00000165, 0x00000164, 0x00000012, 0x000300f7, 0x00000167,
  0x00000000, 0x000400fa, 0x00000165, 0x00000166, 0x00000167, 0x000200f8, 0x00000166, 0x00050041,
  0x0000002d, 0x0000016d, 0x0000002a, 0x0000016c, 0x0004003d, 0x00000006, 0x0000016e, 0x0000016d,
  0x00050080, 0x00000006, 0x00000170, 0x0000016e, 0x000001ac, 0x00060041, 0x00000062, 0x00000173,
  0x0000016b, 0x0000003e, 0x00000170, 0x0004003d, 0x00000027, 0x00000174, 0x00000173, 0x00050081,
  0x00000027, 0x00000175, 0x00000174, 0x0000015f, 0x0003003e, 0x00000173, 0x00000175, 0x000200f9,
  0x00000167, 0x000200f8, 0x00000167, 0x000500c7, 0x00000006, 0x0000017a, 0x00000162, 0x00000179,
  0x000500ab, 0x00000030, 0x0000017b, 0x0000017a, 0x00000012, 0x000300f7, 0x0000017d, 0x00000000,
  0x000400fa, 0x0000017b, 0x0000017c, 0x0000017d, 0x000200f8, 0x0000017c, 0x00050041, 0x0000002d,
  0x00000183, 0x0000002a, 0x00000182, 0x0004003d, 0x00000006, 0x00000184, 0x00000183, 0x00050080,
  0x00000006, 0x00000186, 0x00000184, 0x000001ac, 0x00060041, 0x00000062, 0x00000189, 0x00000181,
  0x0000003e, 0x00000186, 0x0004003d, 0x00000027, 0x0000018a, 0x00000189, 0x00050081, 0x00000027,
  0x0000018b, 0x0000018a, 0x00000156, 0x0003003e, 0x00000189, 0x0000018b, 0x000200f9, 0x0000017d,
  0x000200f8, 0x0000017d, 0x000200f9, 0x0000014a, 0x000200f8, 0x0000018d, 0x00050041, 0x0000002d,
  0x0000018e, 0x0000002a, 0x00000182, 0x0004003d, 0x00000006, 0x0000018f, 0x0000018e, 0x00050080,
  0x00000006, 0x00000191, 0x0000018f, 0x000001ac, 0x00050051, 0x00000027, 0x00000193, 0x000001b3,
  0x00000000, 0x00060041, 0x00000062, 0x00000194, 0x00000181, 0x0000003e, 0x00000191, 0x0004003d,
  0x00000027, 0x00000195, 0x00000194, 0x00050081, 0x00000027, 0x00000196, 0x00000195, 0x00000193,
  0x0003003e, 0x00000194, 0x00000196, 0x000200f9, 0x0000014a, 0x000200f8, 0x0000014a, 0x000200f9,
  0x00000198, 0x000200f8, 0x00000198, 0x000100fd, 0x00010038,
};
static const uint32_t dive__spv_bn_apply[] = { /* bn_apply.comp, 922 words */
  0x07230203, 0x00010300, 0x0008000b, 0x000000c1, 0x00000000, 0x00020011, 0x00000001, 0x0006000b,
  0x00000001, 0x4c534c47, 0x6474732e, 0x3035342e, 0x00000000, 0x0003000e, 0x00000000, 0x00000001,
  0x0008000f, 0x00000005, 0x00000004, 0x6e69616d, 0x00000000, 0x0000000c, 0x00000011, 0x0000001d,
  0x00060010, 0x00000004, 0x00000011, 0x00000100, 0x00000001, 0x00000001, 0x00040047, 0x0000000c,
  0x0000000b, 0x0000001a, 0x00040047, 0x00000011, 0x0000000b, 0x00000018, 0x00040047, 0x00000019,
  0x00000001, 0x00000000, 0x00040047, 0x0000001a, 0x0000000b, 0x00000019, 0x00040047, 0x0000001d,
  0x0000000b, 0x0000001b, 0x00050048, 0x00000027, 0x00000000, 0x00000023, 0x00000000, 0x00050048,
  0x00000027, 0x00000001, 0x00000023, 0x00000004, 0x00050048, 0x00000027, 0x00000002, 0x00000023,
  0x00000008, 0x00050048, 0x00000027, 0x00000003, 0x00000023, 0x0000000c, 0x00050048, 0x00000027,
  0x00000004, 0x00000023, 0x00000010, 0x00050048, 0x00000027, 0x00000005, 0x00000023, 0x00000014,
  0x00050048, 0x00000027, 0x00000006, 0x00000023, 0x00000018, 0x00050048, 0x00000027, 0x00000007,
  0x00000023, 0x0000001c, 0x00050048, 0x00000027, 0x00000008, 0x00000023, 0x00000020, 0x00050048,
  0x00000027, 0x00000009, 0x00000023, 0x00000024, 0x00050048, 0x00000027, 0x0000000a, 0x00000023,
  0x00000028, 0x00030047, 0x00000027, 0x00000002, 0x00040047, 0x00000041, 0x00000006, 0x00000004,
  0x00040048, 0x00000042, 0x00000000, 0x00000018, 0x00050048, 0x00000042, 0x00000000, 0x00000023,
  0x00000000, 0x00030047, 0x00000042, 0x00000002, 0x00040047, 0x00000044, 0x00000022, 0x00000000,
  0x00040047, 0x00000044, 0x00000021, 0x00000003, 0x00040047, 0x0000004e, 0x00000006, 0x00000004,
  0x00040048, 0x0000004f, 0x00000000, 0x00000018, 0x00050048, 0x0000004f, 0x00000000, 0x00000023,
  0x00000000, 0x00030047, 0x0000004f, 0x00000002, 0x00040047, 0x00000051, 0x00000022, 0x00000000,
  0x00040047, 0x00000051, 0x00000021, 0x00000002, 0x00040047, 0x0000005b, 0x00000006, 0x00000004,
  0x00040048, 0x0000005c, 0x00000000, 0x00000018, 0x00050048, 0x0000005c, 0x00000000, 0x00000023,
  0x00000000, 0x00030047, 0x0000005c, 0x00000002, 0x00040047, 0x0000005e, 0x00000022, 0x00000000,
  0x00040047, 0x0000005e, 0x00000021, 0x00000000, 0x00040047, 0x00000065, 0x00000006, 0x00000004,
  0x00040048, 0x00000066, 0x00000000, 0x00000018, 0x00050048, 0x00000066, 0x00000000, 0x00000023,
  0x00000000, 0x00030047, 0x00000066, 0x00000002, 0x00040047, 0x00000068, 0x00000022, 0x00000000,
  0x00040047, 0x00000068, 0x00000021, 0x00000001, 0x00040047, 0x00000073, 0x00000006, 0x00000004,
  0x00040048, 0x00000074, 0x00000000, 0x00000018, 0x00050048, 0x00000074, 0x00000000, 0x00000023,
  0x00000000, 0x00030047, 0x00000074, 0x00000002, 0x00040047, 0x00000076, 0x00000022, 0x00000000,
  0x00040047, 0x00000076, 0x00000021, 0x00000004, 0x00040047, 0x00000086, 0x00000006, 0x00000004,
  0x00040048, 0x00000087, 0x00000000, 0x00000018, 0x00050048, 0x00000087, 0x00000000, 0x00000023,
  0x00000000, 0x00030047, 0x00000087, 0x00000002, 0x00040047, 0x00000089, 0x00000022, 0x00000000,
  0x00040047, 0x00000089, 0x00000021, 0x00000005, 0x00040047, 0x0000009f, 0x00000006, 0x00000004,
  0x00040048, 0x000000a0, 0x00000000, 0x00000019, 0x00050048, 0x000000a0, 0x00000000, 0x00000023,
  0x00000000, 0x00030047, 0x000000a0, 0x00000002, 0x00040047, 0x000000a2, 0x00000022, 0x00000000,
  0x00040047, 0x000000a2, 0x00000021, 0x00000006, 0x00020013, 0x00000002, 0x00030021, 0x00000003,
  0x00000002, 0x00040015, 0x00000006, 0x00000020, 0x00000000, 0x00040017, 0x0000000a, 0x00000006,
  0x00000003, 0x00040020, 0x0000000b, 0x00000001, 0x0000000a, 0x0004003b, 0x0000000b, 0x0000000c,
  0x00000001, 0x0004002b, 0x00000006, 0x0000000d, 0x00000001, 0x00040020, 0x0000000e, 0x00000001,
  0x00000006, 0x0004003b, 0x0000000b, 0x00000011, 0x00000001, 0x0004002b, 0x00000006, 0x00000012,
  0x00000000, 0x00040032, 0x00000006, 0x00000019, 0x00000100, 0x00060033, 0x0000000a, 0x0000001a,
  0x00000019, 0x0000000d, 0x0000000d, 0x0004003b, 0x0000000b, 0x0000001d, 0x00000001, 0x000d001e,
  0x00000027, 0x00000006, 0x00000006, 0x00000006, 0x00000006, 0x00000006, 0x00000006, 0x00000006,
  0x00000006, 0x00000006, 0x00000006, 0x00000006, 0x00040020, 0x00000028, 0x00000009, 0x00000027,
  0x0004003b, 0x00000028, 0x00000029, 0x00000009, 0x00040015, 0x0000002a, 0x00000020, 0x00000001,
  0x0004002b, 0x0000002a, 0x0000002b, 0x00000007, 0x00040020, 0x0000002c, 0x00000009, 0x00000006,
  0x00020014, 0x0000002f, 0x0004002b, 0x0000002a, 0x00000036, 0x00000009, 0x0004002b, 0x0000002a,
  0x0000003a, 0x00000008, 0x00030016, 0x0000003e, 0x00000020, 0x0003001d, 0x00000041, 0x0000003e,
  0x0003001e, 0x00000042, 0x00000041, 0x00040020, 0x00000043, 0x0000000c, 0x00000042, 0x0004003b,
  0x00000043, 0x00000044, 0x0000000c, 0x0004002b, 0x0000002a, 0x00000045, 0x00000000, 0x0004002b,
  0x0000002a, 0x00000046, 0x00000003, 0x00040020, 0x0000004b, 0x0000000c, 0x0000003e, 0x0003001d,
  0x0000004e, 0x0000003e, 0x0003001e, 0x0000004f, 0x0000004e, 0x00040020, 0x00000050, 0x0000000c,
  0x0000004f, 0x0004003b, 0x00000050, 0x00000051, 0x0000000c, 0x0004002b, 0x0000002a, 0x00000052,
  0x00000002, 0x0003001d, 0x0000005b, 0x0000003e, 0x0003001e, 0x0000005c, 0x0000005b, 0x00040020,
  0x0000005d, 0x0000000c, 0x0000005c, 0x0004003b, 0x0000005d, 0x0000005e, 0x0000000c, 0x0003001d,
  0x00000065, 0x0000003e, 0x0003001e, 0x00000066, 0x00000065, 0x00040020, 0x00000067, 0x0000000c,
  0x00000066, 0x0004003b, 0x00000067, 0x00000068, 0x0000000c, 0x0004002b, 0x0000002a, 0x00000069,
  0x00000001, 0x0003001d, 0x00000073, 0x0000003e, 0x0003001e, 0x00000074, 0x00000073, 0x00040020,
  0x00000075, 0x0000000c, 0x00000074, 0x0004003b, 0x00000075, 0x00000076, 0x0000000c, 0x0004002b,
  0x0000002a, 0x00000077, 0x00000004, 0x0004002b, 0x0000002a, 0x0000007f, 0x0000000a, 0x0003001d,
  0x00000086, 0x0000003e, 0x0003001e, 0x00000087, 0x00000086, 0x00040020, 0x00000088, 0x0000000c,
  0x00000087, 0x0004003b, 0x00000088, 0x00000089, 0x0000000c, 0x0004002b, 0x0000002a, 0x0000008a,
  0x00000005, 0x0004002b, 0x00000006, 0x00000095, 0x00000002, 0x0004002b, 0x0000003e, 0x0000009b,
  0x00000000, 0x0003001d, 0x0000009f, 0x0000003e, 0x0003001e, 0x000000a0, 0x0000009f, 0x00040020,
  0x000000a1, 0x0000000c, 0x000000a0, 0x0004003b, 0x000000a1, 0x000000a2, 0x0000000c, 0x0004002b,
  0x0000002a, 0x000000a3, 0x00000006, 0x00050036, 0x00000002, 0x00000004, 0x00000000, 0x00000003,
  0x000200f8, 0x00000005, 0x000300f7, 0x000000aa, 0x00000000, 0x000300fb, 0x00000012, 0x000000ab,
  0x000200f8, 0x000000ab, 0x00050041, 0x0000000e, 0x000000b2, 0x0000000c, 0x0000000d, 0x0004003d,
  0x00000006, 0x000000b3, 0x000000b2, 0x00050041, 0x0000000e, 0x000000b4, 0x00000011, 0x00000012,
  0x0004003d, 0x00000006, 0x000000b5, 0x000000b4, 0x00050084, 0x00000006, 0x000000b6, 0x000000b3,
  0x000000b5, 0x00050041, 0x0000000e, 0x000000b7, 0x0000000c, 0x00000012, 0x0004003d, 0x00000006,
  0x000000b8, 0x000000b7, 0x00050080, 0x00000006, 0x000000b9, 0x000000b6, 0x000000b8, 0x00050051,
  0x00000006, 0x000000ba, 0x0000001a, 0x00000000, 0x00050084, 0x00000006, 0x000000bb, 0x000000b9,
  0x000000ba, 0x00050041, 0x0000000e, 0x000000bc, 0x0000001d, 0x00000012, 0x0004003d, 0x00000006,
  0x000000bd, 0x000000bc, 0x00050080, 0x00000006, 0x000000be, 0x000000bb, 0x000000bd, 0x00050041,
  0x0000002c, 0x0000002d, 0x00000029, 0x0000002b, 0x0004003d, 0x00000006, 0x0000002e, 0x0000002d,
  0x000500ae, 0x0000002f, 0x00000030, 0x000000be, 0x0000002e, 0x000300f7, 0x00000032, 0x00000000,
  0x000400fa, 0x00000030, 0x00000031, 0x00000032, 0x000200f8, 0x00000031, 0x000200f9, 0x000000aa,
  0x000200f8, 0x00000032, 0x00050041, 0x0000002c, 0x00000037, 0x00000029, 0x00000036, 0x0004003d,
  0x00000006, 0x00000038, 0x00000037, 0x00050086, 0x00000006, 0x00000039, 0x000000be, 0x00000038,
  0x00050041, 0x0000002c, 0x0000003b, 0x00000029, 0x0000003a, 0x0004003d, 0x00000006, 0x0000003c,
  0x0000003b, 0x00050089, 0x00000006, 0x0000003d, 0x00000039, 0x0000003c, 0x00050041, 0x0000002c,
  0x00000047, 0x00000029, 0x00000046, 0x0004003d, 0x00000006, 0x00000048, 0x00000047, 0x00050080,
  0x00000006, 0x0000004a, 0x00000048, 0x0000003d, 0x00060041, 0x0000004b, 0x0000004c, 0x00000044,
  0x00000045, 0x0000004a, 0x0004003d, 0x0000003e, 0x0000004d, 0x0000004c, 0x00050041, 0x0000002c,
  0x00000053, 0x00000029, 0x00000052, 0x0004003d, 0x00000006, 0x00000054, 0x00000053, 0x00050080,
  0x00000006, 0x00000056, 0x00000054, 0x0000003d, 0x00060041, 0x0000004b, 0x00000057, 0x00000051,
  0x00000045, 0x00000056, 0x0004003d, 0x0000003e, 0x00000058, 0x00000057, 0x00050085, 0x0000003e,
  0x00000059, 0x0000004d, 0x00000058, 0x00050041, 0x0000002c, 0x0000005f, 0x00000029, 0x00000045,
  0x0004003d, 0x00000006, 0x00000060, 0x0000005f, 0x00050080, 0x00000006, 0x00000062, 0x00000060,
  0x000000be, 0x00060041, 0x0000004b, 0x00000063, 0x0000005e, 0x00000045, 0x00000062, 0x0004003d,
  0x0000003e, 0x00000064, 0x00000063, 0x00050041, 0x0000002c, 0x0000006a, 0x00000029, 0x00000069,
  0x0004003d, 0x00000006, 0x0000006b, 0x0000006a, 0x00050080, 0x00000006, 0x0000006d, 0x0000006b,
  0x0000003d, 0x00060041, 0x0000004b, 0x0000006e, 0x00000068, 0x00000045, 0x0000006d, 0x0004003d,
  0x0000003e, 0x0000006f, 0x0000006e, 0x00050083, 0x0000003e, 0x00000070, 0x00000064, 0x0000006f,
  0x00050041, 0x0000002c, 0x00000078, 0x00000029, 0x00000077, 0x0004003d, 0x00000006, 0x00000079,
  0x00000078, 0x00050080, 0x00000006, 0x0000007b, 0x00000079, 0x0000003d, 0x00060041, 0x0000004b,
  0x0000007c, 0x00000076, 0x00000045, 0x0000007b, 0x0004003d, 0x0000003e, 0x0000007d, 0x0000007c,
  0x0008000c, 0x0000003e, 0x0000007e, 0x00000001, 0x00000032, 0x00000070, 0x00000059, 0x0000007d,
  0x00050041, 0x0000002c, 0x00000080, 0x00000029, 0x0000007f, 0x0004003d, 0x00000006, 0x00000081,
  0x00000080, 0x000500c7, 0x00000006, 0x00000082, 0x00000081, 0x0000000d, 0x000500ab, 0x0000002f,
  0x00000083, 0x00000082, 0x00000012, 0x000300f7, 0x00000085, 0x00000000, 0x000400fa, 0x00000083,
  0x00000084, 0x00000085, 0x000200f8, 0x00000084, 0x00050041, 0x0000002c, 0x0000008b, 0x00000029,
  0x0000008a, 0x0004003d, 0x00000006, 0x0000008c, 0x0000008b, 0x00050080, 0x00000006, 0x0000008e,
  0x0000008c, 0x000000be, 0x00060041, 0x0000004b, 0x0000008f, 0x00000089, 0x00000045, 0x0000008e,
  0x0004003d, 0x0000003e, 0x00000090, 0x0000008f, 0x00050081, 0x0000003e, 0x00000092, 0x0000007e,
  0x00000090, 0x000200f9, 0x00000085, 0x000200f8, 0x00000085, 0x000700f5, 0x0000003e, 0x000000bf,
  0x0000007e, 0x00000032, 0x00000092, 0x00000084, 0x000500c7, 0x00000006, 0x00000096, 0x00000081,
  0x00000095, 0x000500ab, 0x0000002f, 0x00000097, 0x00000096, 0x00000012, 0x000300f7, 0x00000099,
  0x00000000, 0x000400fa, 0x00000097, 0x00000098, 0x00000099, 0x000200f8, 0x00000098, 0x000500ba,
  0x0000002f, 0x0000009c, 0x000000bf, 0x0000009b, 0x000600a9, 0x0000003e, 0x0000009e, 0x0000009c,
  0x000000bf, 0x0000009b, 0x000200f9, 0x00000099, 0x000200f8, 0x00000099, 0x000700f5, 0x0000003e,
  0x000000c0, 0x000000bf, 0x00000085, 0x0000009e, 0x00000098, 0x00050041, 0x0000002c, 0x000000a4,
  0x00000029, 0x000000a3, 0x0004003d, 0x00000006, 0x000000a5, 0x000000a4, 0x00050080, 0x00000006,
  0x000000a7, 0x000000a5, 0x000000be, 0x00060041, 0x0000004b, 0x000000a9, 0x000000a2, 0x00000045,
  0x000000a7, 0x0003003e, 0x000000a9, 0x000000c0, 0x000200f9, 0x000000aa, 0x000200f8, 0x000000aa,
  0x000100fd, 0x00010038,
};
static const uint32_t dive__spv_bn_bwd_apply[] = { /* bn_bwd_apply.comp, 1039 words */
  0x07230203, 0x00010300, 0x0008000b, 0x000000df, 0x00000000, 0x00020011, 0x00000001, 0x0006000b,
  0x00000001, 0x4c534c47, 0x6474732e, 0x3035342e, 0x00000000, 0x0003000e, 0x00000000, 0x00000001,
  0x0008000f, 0x00000005, 0x00000004, 0x6e69616d, 0x00000000, 0x0000000c, 0x00000011, 0x0000001d,
  0x00060010, 0x00000004, 0x00000011, 0x00000100, 0x00000001, 0x00000001, 0x00040047, 0x0000000c,
  0x0000000b, 0x0000001a, 0x00040047, 0x00000011, 0x0000000b, 0x00000018, 0x00040047, 0x00000019,
  0x00000001, 0x00000000, 0x00040047, 0x0000001a, 0x0000000b, 0x00000019, 0x00040047, 0x0000001d,
  0x0000000b, 0x0000001b, 0x00050048, 0x00000027, 0x00000000, 0x00000023, 0x00000000, 0x00050048,
  0x00000027, 0x00000001, 0x00000023, 0x00000004, 0x00050048, 0x00000027, 0x00000002, 0x00000023,
  0x00000008, 0x00050048, 0x00000027, 0x00000003, 0x00000023, 0x0000000c, 0x00050048, 0x00000027,
  0x00000004, 0x00000023, 0x00000010, 0x00050048, 0x00000027, 0x00000005, 0x00000023, 0x00000014,
  0x00050048, 0x00000027, 0x00000006, 0x00000023, 0x00000018, 0x00050048, 0x00000027, 0x00000007,
  0x00000023, 0x0000001c, 0x00050048, 0x00000027, 0x00000008, 0x00000023, 0x00000020, 0x00050048,
  0x00000027, 0x00000009, 0x00000023, 0x00000024, 0x00050048, 0x00000027, 0x0000000a, 0x00000023,
  0x00000028, 0x00050048, 0x00000027, 0x0000000b, 0x00000023, 0x0000002c, 0x00050048, 0x00000027,
  0x0000000c, 0x00000023, 0x00000030, 0x00030047, 0x00000027, 0x00000002, 0x00040047, 0x00000041,
  0x00000006, 0x00000004, 0x00040048, 0x00000042, 0x00000000, 0x00000018, 0x00050048, 0x00000042,
  0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x00000042, 0x00000002, 0x00040047, 0x00000044,
  0x00000022, 0x00000000, 0x00040047, 0x00000044, 0x00000021, 0x00000004, 0x00040047, 0x00000054,
  0x00000006, 0x00000004, 0x00040048, 0x00000055, 0x00000000, 0x00000018, 0x00050048, 0x00000055,
  0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x00000055, 0x00000002, 0x00040047, 0x00000057,
  0x00000022, 0x00000000, 0x00040047, 0x00000057, 0x00000021, 0x00000000, 0x00040047, 0x00000065,
  0x00000006, 0x00000004, 0x00040048, 0x00000066, 0x00000000, 0x00000018, 0x00050048, 0x00000066,
  0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x00000066, 0x00000002, 0x00040047, 0x00000068,
  0x00000022, 0x00000000, 0x00040047, 0x00000068, 0x00000021, 0x00000001, 0x00040047, 0x00000077,
  0x00000006, 0x00000004, 0x00040048, 0x00000078, 0x00000000, 0x00000018, 0x00050048, 0x00000078,
  0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x00000078, 0x00000002, 0x00040047, 0x0000007a,
  0x00000022, 0x00000000, 0x00040047, 0x0000007a, 0x00000021, 0x00000002, 0x00040047, 0x00000082,
  0x00000006, 0x00000004, 0x00040048, 0x00000083, 0x00000000, 0x00000018, 0x00050048, 0x00000083,
  0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x00000083, 0x00000002, 0x00040047, 0x00000085,
  0x00000022, 0x00000000, 0x00040047, 0x00000085, 0x00000021, 0x00000003, 0x00040047, 0x00000090,
  0x00000006, 0x00000004, 0x00040048, 0x00000091, 0x00000000, 0x00000019, 0x00050048, 0x00000091,
  0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x00000091, 0x00000002, 0x00040047, 0x00000093,
  0x00000022, 0x00000000, 0x00040047, 0x00000093, 0x00000021, 0x00000007, 0x00040047, 0x00000099,
  0x00000006, 0x00000004, 0x00040048, 0x0000009a, 0x00000000, 0x00000018, 0x00050048, 0x0000009a,
  0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x0000009a, 0x00000002, 0x00040047, 0x0000009c,
  0x00000022, 0x00000000, 0x00040047, 0x0000009c, 0x00000021, 0x00000005, 0x00040047, 0x000000a7,
  0x00000006, 0x00000004, 0x00040048, 0x000000a8, 0x00000000, 0x00000018, 0x00050048, 0x000000a8,
  0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x000000a8, 0x00000002, 0x00040047, 0x000000aa,
  0x00000022, 0x00000000, 0x00040047, 0x000000aa, 0x00000021, 0x00000006, 0x00020013, 0x00000002,
  0x00030021, 0x00000003, 0x00000002, 0x00040015, 0x00000006, 0x00000020, 0x00000000, 0x00040017,
  0x0000000a, 0x00000006, 0x00000003, 0x00040020, 0x0000000b, 0x00000001, 0x0000000a, 0x0004003b,
  0x0000000b, 0x0000000c, 0x00000001, 0x0004002b, 0x00000006, 0x0000000d, 0x00000001, 0x00040020,
  0x0000000e, 0x00000001, 0x00000006, 0x0004003b, 0x0000000b, 0x00000011, 0x00000001, 0x0004002b,
  0x00000006, 0x00000012, 0x00000000, 0x00040032, 0x00000006, 0x00000019, 0x00000100, 0x00060033,
  0x0000000a, 0x0000001a, 0x00000019, 0x0000000d, 0x0000000d, 0x0004003b, 0x0000000b, 0x0000001d,
  0x00000001, 0x000f001e, 0x00000027, 0x00000006, 0x00000006, 0x00000006, 0x00000006, 0x00000006,
  0x00000006, 0x00000006, 0x00000006, 0x00000006, 0x00000006, 0x00000006, 0x00000006, 0x00000006,
  0x00040020, 0x00000028, 0x00000009, 0x00000027, 0x0004003b, 0x00000028, 0x00000029, 0x00000009,
  0x00040015, 0x0000002a, 0x00000020, 0x00000001, 0x0004002b, 0x0000002a, 0x0000002b, 0x00000008,
  0x00040020, 0x0000002c, 0x00000009, 0x00000006, 0x00020014, 0x0000002f, 0x0004002b, 0x0000002a,
  0x00000036, 0x0000000a, 0x0004002b, 0x0000002a, 0x0000003a, 0x00000009, 0x00030016, 0x0000003e,
  0x00000020, 0x0003001d, 0x00000041, 0x0000003e, 0x0003001e, 0x00000042, 0x00000041, 0x00040020,
  0x00000043, 0x0000000c, 0x00000042, 0x0004003b, 0x00000043, 0x00000044, 0x0000000c, 0x0004002b,
  0x0000002a, 0x00000045, 0x00000000, 0x0004002b, 0x0000002a, 0x00000046, 0x00000004, 0x00040020,
  0x0000004b, 0x0000000c, 0x0000003e, 0x0004002b, 0x0000002a, 0x0000004f, 0x0000000c, 0x0003001d,
  0x00000054, 0x0000003e, 0x0003001e, 0x00000055, 0x00000054, 0x00040020, 0x00000056, 0x0000000c,
  0x00000055, 0x0004003b, 0x00000056, 0x00000057, 0x0000000c, 0x0004002b, 0x0000002a, 0x0000005e,
  0x0000000b, 0x0003001d, 0x00000065, 0x0000003e, 0x0003001e, 0x00000066, 0x00000065, 0x00040020,
  0x00000067, 0x0000000c, 0x00000066, 0x0004003b, 0x00000067, 0x00000068, 0x0000000c, 0x0004002b,
  0x0000002a, 0x00000069, 0x00000001, 0x0004002b, 0x0000003e, 0x00000070, 0x00000000, 0x0003001d,
  0x00000077, 0x0000003e, 0x0003001e, 0x00000078, 0x00000077, 0x00040020, 0x00000079, 0x0000000c,
  0x00000078, 0x0004003b, 0x00000079, 0x0000007a, 0x0000000c, 0x0004002b, 0x0000002a, 0x0000007b,
  0x00000002, 0x0003001d, 0x00000082, 0x0000003e, 0x0003001e, 0x00000083, 0x00000082, 0x00040020,
  0x00000084, 0x0000000c, 0x00000083, 0x0004003b, 0x00000084, 0x00000085, 0x0000000c, 0x0004002b,
  0x0000002a, 0x00000086, 0x00000003, 0x0003001d, 0x00000090, 0x0000003e, 0x0003001e, 0x00000091,
  0x00000090, 0x00040020, 0x00000092, 0x0000000c, 0x00000091, 0x0004003b, 0x00000092, 0x00000093,
  0x0000000c, 0x0004002b, 0x0000002a, 0x00000094, 0x00000007, 0x0003001d, 0x00000099, 0x0000003e,
  0x0003001e, 0x0000009a, 0x00000099, 0x00040020, 0x0000009b, 0x0000000c, 0x0000009a, 0x0004003b,
  0x0000009b, 0x0000009c, 0x0000000c, 0x0004002b, 0x0000002a, 0x0000009d, 0x00000005, 0x0003001d,
  0x000000a7, 0x0000003e, 0x0003001e, 0x000000a8, 0x000000a7, 0x00040020, 0x000000a9, 0x0000000c,
  0x000000a8, 0x0004003b, 0x000000a9, 0x000000aa, 0x0000000c, 0x0004002b, 0x0000002a, 0x000000ab,
  0x00000006, 0x0004002b, 0x00000006, 0x000000ae, 0x00000002, 0x00050036, 0x00000002, 0x00000004,
  0x00000000, 0x00000003, 0x000200f8, 0x00000005, 0x000300f7, 0x000000c6, 0x00000000, 0x000300fb,
  0x00000012, 0x000000c7, 0x000200f8, 0x000000c7, 0x00050041, 0x0000000e, 0x000000ce, 0x0000000c,
  0x0000000d, 0x0004003d, 0x00000006, 0x000000cf, 0x000000ce, 0x00050041, 0x0000000e, 0x000000d0,
  0x00000011, 0x00000012, 0x0004003d, 0x00000006, 0x000000d1, 0x000000d0, 0x00050084, 0x00000006,
  0x000000d2, 0x000000cf, 0x000000d1, 0x00050041, 0x0000000e, 0x000000d3, 0x0000000c, 0x00000012,
  0x0004003d, 0x00000006, 0x000000d4, 0x000000d3, 0x00050080, 0x00000006, 0x000000d5, 0x000000d2,
  0x000000d4, 0x00050051, 0x00000006, 0x000000d6, 0x0000001a, 0x00000000, 0x00050084, 0x00000006,
  0x000000d7, 0x000000d5, 0x000000d6, 0x00050041, 0x0000000e, 0x000000d8, 0x0000001d, 0x00000012,
  0x0004003d, 0x00000006, 0x000000d9, 0x000000d8, 0x00050080, 0x00000006, 0x000000da, 0x000000d7,
  0x000000d9, 0x00050041, 0x0000002c, 0x0000002d, 0x00000029, 0x0000002b, 0x0004003d, 0x00000006,
  0x0000002e, 0x0000002d, 0x000500ae, 0x0000002f, 0x00000030, 0x000000da, 0x0000002e, 0x000300f7,
  0x00000032, 0x00000000, 0x000400fa, 0x00000030, 0x00000031, 0x00000032, 0x000200f8, 0x00000031,
  0x000200f9, 0x000000c6, 0x000200f8, 0x00000032, 0x00050041, 0x0000002c, 0x00000037, 0x00000029,
  0x00000036, 0x0004003d, 0x00000006, 0x00000038, 0x00000037, 0x00050086, 0x00000006, 0x00000039,
  0x000000da, 0x00000038, 0x00050041, 0x0000002c, 0x0000003b, 0x00000029, 0x0000003a, 0x0004003d,
  0x00000006, 0x0000003c, 0x0000003b, 0x00050089, 0x00000006, 0x0000003d, 0x00000039, 0x0000003c,
  0x00050041, 0x0000002c, 0x00000047, 0x00000029, 0x00000046, 0x0004003d, 0x00000006, 0x00000048,
  0x00000047, 0x00050080, 0x00000006, 0x0000004a, 0x00000048, 0x0000003d, 0x00060041, 0x0000004b,
  0x0000004c, 0x00000044, 0x00000045, 0x0000004a, 0x0004003d, 0x0000003e, 0x0000004d, 0x0000004c,
  0x00050041, 0x0000002c, 0x00000050, 0x00000029, 0x0000004f, 0x0004003d, 0x00000006, 0x00000051,
  0x00000050, 0x00040070, 0x0000003e, 0x00000052, 0x00000051, 0x00050041, 0x0000002c, 0x00000058,
  0x00000029, 0x00000045, 0x0004003d, 0x00000006, 0x00000059, 0x00000058, 0x00050080, 0x00000006,
  0x0000005b, 0x00000059, 0x000000da, 0x00060041, 0x0000004b, 0x0000005c, 0x00000057, 0x00000045,
  0x0000005b, 0x0004003d, 0x0000003e, 0x0000005d, 0x0000005c, 0x00050041, 0x0000002c, 0x0000005f,
  0x00000029, 0x0000005e, 0x0004003d, 0x00000006, 0x00000060, 0x0000005f, 0x000500c7, 0x00000006,
  0x00000061, 0x00000060, 0x0000000d, 0x000500ab, 0x0000002f, 0x00000062, 0x00000061, 0x00000012,
  0x000300f7, 0x00000064, 0x00000000, 0x000400fa, 0x00000062, 0x00000063, 0x00000064, 0x000200f8,
  0x00000063, 0x00050041, 0x0000002c, 0x0000006a, 0x00000029, 0x00000069, 0x0004003d, 0x00000006,
  0x0000006b, 0x0000006a, 0x00050080, 0x00000006, 0x0000006d, 0x0000006b, 0x000000da, 0x00060041,
  0x0000004b, 0x0000006e, 0x00000068, 0x00000045, 0x0000006d, 0x0004003d, 0x0000003e, 0x0000006f,
  0x0000006e, 0x000500ba, 0x0000002f, 0x00000071, 0x0000006f, 0x00000070, 0x000400a8, 0x0000002f,
  0x00000072, 0x00000071, 0x000200f9, 0x00000064, 0x000200f8, 0x00000064, 0x000700f5, 0x0000002f,
  0x00000073, 0x00000062, 0x00000032, 0x00000072, 0x00000063, 0x000200f9, 0x00000075, 0x000200f8,
  0x00000075, 0x000600a9, 0x0000003e, 0x000000de, 0x00000073, 0x00000070, 0x0000005d, 0x00050041,
  0x0000002c, 0x0000007c, 0x00000029, 0x0000007b, 0x0004003d, 0x00000006, 0x0000007d, 0x0000007c,
  0x00050080, 0x00000006, 0x0000007f, 0x0000007d, 0x000000da, 0x00060041, 0x0000004b, 0x00000080,
  0x0000007a, 0x00000045, 0x0000007f, 0x0004003d, 0x0000003e, 0x00000081, 0x00000080, 0x00050041,
  0x0000002c, 0x00000087, 0x00000029, 0x00000086, 0x0004003d, 0x00000006, 0x00000088, 0x00000087,
  0x00050080, 0x00000006, 0x0000008a, 0x00000088, 0x0000003d, 0x00060041, 0x0000004b, 0x0000008b,
  0x00000085, 0x00000045, 0x0000008a, 0x0004003d, 0x0000003e, 0x0000008c, 0x0000008b, 0x00050083,
  0x0000003e, 0x0000008d, 0x00000081, 0x0000008c, 0x00050085, 0x0000003e, 0x0000008f, 0x0000008d,
  0x0000004d, 0x00050041, 0x0000002c, 0x00000095, 0x00000029, 0x00000094, 0x0004003d, 0x00000006,
  0x00000096, 0x00000095, 0x00050080, 0x00000006, 0x00000098, 0x00000096, 0x000000da, 0x00050041,
  0x0000002c, 0x0000009e, 0x00000029, 0x0000009d, 0x0004003d, 0x00000006, 0x0000009f, 0x0000009e,
  0x00050080, 0x00000006, 0x000000a1, 0x0000009f, 0x0000003d, 0x00060041, 0x0000004b, 0x000000a2,
  0x0000009c, 0x00000045, 0x000000a1, 0x0004003d, 0x0000003e, 0x000000a3, 0x000000a2, 0x00050085,
  0x0000003e, 0x000000a5, 0x000000a3, 0x0000004d, 0x00050041, 0x0000002c, 0x000000ac, 0x00000029,
  0x000000ab, 0x0004003d, 0x00000006, 0x000000ad, 0x000000ac, 0x00050084, 0x00000006, 0x000000b0,
  0x000000ae, 0x0000003d, 0x00050080, 0x00000006, 0x000000b1, 0x000000ad, 0x000000b0, 0x00060041,
  0x0000004b, 0x000000b2, 0x000000aa, 0x00000045, 0x000000b1, 0x0004003d, 0x0000003e, 0x000000b3,
  0x000000b2, 0x00050088, 0x0000003e, 0x000000b5, 0x000000b3, 0x00000052, 0x00050083, 0x0000003e,
  0x000000b6, 0x000000de, 0x000000b5, 0x00050080, 0x00000006, 0x000000bd, 0x000000b1, 0x0000000d,
  0x00060041, 0x0000004b, 0x000000be, 0x000000aa, 0x00000045, 0x000000bd, 0x0004003d, 0x0000003e,
  0x000000bf, 0x000000be, 0x00050088, 0x0000003e, 0x000000c1, 0x000000bf, 0x00000052, 0x0004007f,
  0x0000003e, 0x000000db, 0x0000008f, 0x0008000c, 0x0000003e, 0x000000c3, 0x00000001, 0x00000032,
  0x000000db, 0x000000c1, 0x000000b6, 0x00050085, 0x0000003e, 0x000000c4, 0x000000a5, 0x000000c3,
  0x00060041, 0x0000004b, 0x000000c5, 0x00000093, 0x00000045, 0x00000098, 0x0003003e, 0x000000c5,
  0x000000c4, 0x000200f9, 0x000000c6, 0x000200f8, 0x000000c6, 0x000100fd, 0x00010038,
};
static const uint32_t dive__spv_shortcut_fwd[] = { /* shortcut_fwd.comp, 699 words */
  0x07230203, 0x00010300, 0x0008000b, 0x000000bb, 0x00000000, 0x00020011, 0x00000001, 0x0006000b,
  0x00000001, 0x4c534c47, 0x6474732e, 0x3035342e, 0x00000000, 0x0003000e, 0x00000000, 0x00000001,
  0x0008000f, 0x00000005, 0x00000004, 0x6e69616d, 0x00000000, 0x0000000c, 0x00000011, 0x0000001d,
  0x00060010, 0x00000004, 0x00000011, 0x00000100, 0x00000001, 0x00000001, 0x00040047, 0x0000000c,
  0x0000000b, 0x0000001a, 0x00040047, 0x00000011, 0x0000000b, 0x00000018, 0x00040047, 0x00000019,
  0x00000001, 0x00000000, 0x00040047, 0x0000001a, 0x0000000b, 0x00000019, 0x00040047, 0x0000001d,
  0x0000000b, 0x0000001b, 0x00050048, 0x00000028, 0x00000000, 0x00000023, 0x00000000, 0x00050048,
  0x00000028, 0x00000001, 0x00000023, 0x00000004, 0x00050048, 0x00000028, 0x00000002, 0x00000023,
  0x00000008, 0x00050048, 0x00000028, 0x00000003, 0x00000023, 0x0000000c, 0x00050048, 0x00000028,
  0x00000004, 0x00000023, 0x00000010, 0x00050048, 0x00000028, 0x00000005, 0x00000023, 0x00000014,
  0x00050048, 0x00000028, 0x00000006, 0x00000023, 0x00000018, 0x00050048, 0x00000028, 0x00000007,
  0x00000023, 0x0000001c, 0x00050048, 0x00000028, 0x00000008, 0x00000023, 0x00000020, 0x00050048,
  0x00000028, 0x00000009, 0x00000023, 0x00000024, 0x00050048, 0x00000028, 0x0000000a, 0x00000023,
  0x00000028, 0x00030047, 0x00000028, 0x00000002, 0x00040047, 0x00000066, 0x00000006, 0x00000004,
  0x00040048, 0x00000067, 0x00000000, 0x00000019, 0x00050048, 0x00000067, 0x00000000, 0x00000023,
  0x00000000, 0x00030047, 0x00000067, 0x00000002, 0x00040047, 0x00000069, 0x00000022, 0x00000000,
  0x00040047, 0x00000069, 0x00000021, 0x00000001, 0x00040047, 0x0000007d, 0x00000006, 0x00000004,
  0x00040048, 0x0000007e, 0x00000000, 0x00000018, 0x00050048, 0x0000007e, 0x00000000, 0x00000023,
  0x00000000, 0x00030047, 0x0000007e, 0x00000002, 0x00040047, 0x00000080, 0x00000022, 0x00000000,
  0x00040047, 0x00000080, 0x00000021, 0x00000000, 0x00020013, 0x00000002, 0x00030021, 0x00000003,
  0x00000002, 0x00040015, 0x00000006, 0x00000020, 0x00000000, 0x00040017, 0x0000000a, 0x00000006,
  0x00000003, 0x00040020, 0x0000000b, 0x00000001, 0x0000000a, 0x0004003b, 0x0000000b, 0x0000000c,
  0x00000001, 0x0004002b, 0x00000006, 0x0000000d, 0x00000001, 0x00040020, 0x0000000e, 0x00000001,
  0x00000006, 0x0004003b, 0x0000000b, 0x00000011, 0x00000001, 0x0004002b, 0x00000006, 0x00000012,
  0x00000000, 0x00040032, 0x00000006, 0x00000019, 0x00000100, 0x00060033, 0x0000000a, 0x0000001a,
  0x00000019, 0x0000000d, 0x0000000d, 0x0004003b, 0x0000000b, 0x0000001d, 0x00000001, 0x00040015,
  0x00000027, 0x00000020, 0x00000001, 0x000d001e, 0x00000028, 0x00000006, 0x00000006, 0x00000027,
  0x00000027, 0x00000027, 0x00000027, 0x00000027, 0x00000027, 0x00000027, 0x00000027, 0x00000006,
  0x00040020, 0x00000029, 0x00000009, 0x00000028, 0x0004003b, 0x00000029, 0x0000002a, 0x00000009,
  0x0004002b, 0x00000027, 0x0000002b, 0x0000000a, 0x00040020, 0x0000002c, 0x00000009, 0x00000006,
  0x00020014, 0x0000002f, 0x0004002b, 0x00000027, 0x00000037, 0x00000008, 0x00040020, 0x00000038,
  0x00000009, 0x00000027, 0x0004002b, 0x00000027, 0x00000047, 0x00000007, 0x0004002b, 0x00000027,
  0x00000051, 0x00000006, 0x0004002b, 0x00000027, 0x0000005e, 0x00000003, 0x0004002b, 0x00000027,
  0x00000062, 0x00000002, 0x00030016, 0x00000065, 0x00000020, 0x0003001d, 0x00000066, 0x00000065,
  0x0003001e, 0x00000067, 0x00000066, 0x00040020, 0x00000068, 0x0000000c, 0x00000067, 0x0004003b,
  0x00000068, 0x00000069, 0x0000000c, 0x0004002b, 0x00000027, 0x0000006a, 0x00000000, 0x0004002b,
  0x00000027, 0x0000006b, 0x00000001, 0x0003001d, 0x0000007d, 0x00000065, 0x0003001e, 0x0000007e,
  0x0000007d, 0x00040020, 0x0000007f, 0x0000000c, 0x0000007e, 0x0004003b, 0x0000007f, 0x00000080,
  0x0000000c, 0x0004002b, 0x00000027, 0x00000089, 0x00000004, 0x0004002b, 0x00000027, 0x0000008e,
  0x00000009, 0x0004002b, 0x00000027, 0x00000093, 0x00000005, 0x00040020, 0x0000009e, 0x0000000c,
  0x00000065, 0x0004002b, 0x00000065, 0x000000a2, 0x00000000, 0x00050036, 0x00000002, 0x00000004,
  0x00000000, 0x00000003, 0x000200f8, 0x00000005, 0x000300f7, 0x000000a5, 0x00000000, 0x000300fb,
  0x00000012, 0x000000a6, 0x000200f8, 0x000000a6, 0x00050041, 0x0000000e, 0x000000ad, 0x0000000c,
  0x0000000d, 0x0004003d, 0x00000006, 0x000000ae, 0x000000ad, 0x00050041, 0x0000000e, 0x000000af,
  0x00000011, 0x00000012, 0x0004003d, 0x00000006, 0x000000b0, 0x000000af, 0x00050084, 0x00000006,
  0x000000b1, 0x000000ae, 0x000000b0, 0x00050041, 0x0000000e, 0x000000b2, 0x0000000c, 0x00000012,
  0x0004003d, 0x00000006, 0x000000b3, 0x000000b2, 0x00050080, 0x00000006, 0x000000b4, 0x000000b1,
  0x000000b3, 0x00050051, 0x00000006, 0x000000b5, 0x0000001a, 0x00000000, 0x00050084, 0x00000006,
  0x000000b6, 0x000000b4, 0x000000b5, 0x00050041, 0x0000000e, 0x000000b7, 0x0000001d, 0x00000012,
  0x0004003d, 0x00000006, 0x000000b8, 0x000000b7, 0x00050080, 0x00000006, 0x000000b9, 0x000000b6,
  0x000000b8, 0x00050041, 0x0000002c, 0x0000002d, 0x0000002a, 0x0000002b, 0x0004003d, 0x00000006,
  0x0000002e, 0x0000002d, 0x000500ae, 0x0000002f, 0x00000030, 0x000000b9, 0x0000002e, 0x000300f7,
  0x00000032, 0x00000000, 0x000400fa, 0x00000030, 0x00000031, 0x00000032, 0x000200f8, 0x00000031,
  0x000200f9, 0x000000a5, 0x000200f8, 0x00000032, 0x00050041, 0x00000038, 0x00000039, 0x0000002a,
  0x00000037, 0x0004003d, 0x00000027, 0x0000003a, 0x00000039, 0x0004007c, 0x00000006, 0x0000003b,
  0x0000003a, 0x00050089, 0x00000006, 0x0000003c, 0x000000b9, 0x0000003b, 0x0004007c, 0x00000027,
  0x0000003d, 0x0000003c, 0x00050086, 0x00000006, 0x00000043, 0x000000b9, 0x0000003b, 0x0004007c,
  0x00000027, 0x00000044, 0x00000043, 0x00050041, 0x00000038, 0x00000048, 0x0000002a, 0x00000047,
  0x0004003d, 0x00000027, 0x00000049, 0x00000048, 0x0005008b, 0x00000027, 0x0000004a, 0x00000044,
  0x00000049, 0x00050087, 0x00000027, 0x0000004e, 0x00000044, 0x00000049, 0x00050041, 0x00000038,
  0x00000052, 0x0000002a, 0x00000051, 0x0004003d, 0x00000027, 0x00000053, 0x00000052, 0x0005008b,
  0x00000027, 0x00000054, 0x0000004e, 0x00000053, 0x00050087, 0x00000027, 0x00000059, 0x0000004e,
  0x00000053, 0x00050041, 0x00000038, 0x0000005f, 0x0000002a, 0x0000005e, 0x0004003d, 0x00000027,
  0x00000060, 0x0000005f, 0x00050082, 0x00000027, 0x00000061, 0x00000053, 0x00000060, 0x00050087,
  0x00000027, 0x00000063, 0x00000061, 0x00000062, 0x00050082, 0x00000027, 0x00000064, 0x00000054,
  0x00000063, 0x00050041, 0x0000002c, 0x0000006c, 0x0000002a, 0x0000006b, 0x0004003d, 0x00000006,
  0x0000006d, 0x0000006c, 0x00050080, 0x00000006, 0x0000006f, 0x0000006d, 0x000000b9, 0x000500af,
  0x0000002f, 0x00000071, 0x00000064, 0x0000006a, 0x000300f7, 0x00000073, 0x00000000, 0x000400fa,
  0x00000071, 0x00000072, 0x00000073, 0x000200f8, 0x00000072, 0x000500b1, 0x0000002f, 0x00000077,
  0x00000064, 0x00000060, 0x000200f9, 0x00000073, 0x000200f8, 0x00000073, 0x000700f5, 0x0000002f,
  0x00000078, 0x00000071, 0x00000032, 0x00000077, 0x00000072, 0x000300f7, 0x0000007c, 0x00000000,
  0x000400fa, 0x00000078, 0x0000007b, 0x000000a1, 0x000200f8, 0x0000007b, 0x00050041, 0x0000002c,
  0x00000081, 0x0000002a, 0x0000006a, 0x0004003d, 0x00000006, 0x00000082, 0x00000081, 0x00050084,
  0x00000027, 0x00000086, 0x00000059, 0x00000060, 0x00050080, 0x00000027, 0x00000088, 0x00000086,
  0x00000064, 0x00050041, 0x00000038, 0x0000008a, 0x0000002a, 0x00000089, 0x0004003d, 0x00000027,
  0x0000008b, 0x0000008a, 0x00050084, 0x00000027, 0x0000008c, 0x00000088, 0x0000008b, 0x00050041,
  0x00000038, 0x0000008f, 0x0000002a, 0x0000008e, 0x0004003d, 0x00000027, 0x00000090, 0x0000008f,
  0x00050084, 0x00000027, 0x00000091, 0x0000004a, 0x00000090, 0x00050080, 0x00000027, 0x00000092,
  0x0000008c, 0x00000091, 0x00050041, 0x00000038, 0x00000094, 0x0000002a, 0x00000093, 0x0004003d,
  0x00000027, 0x00000095, 0x00000094, 0x00050084, 0x00000027, 0x00000096, 0x00000092, 0x00000095,
  0x00050084, 0x00000027, 0x0000009a, 0x0000003d, 0x00000090, 0x00050080, 0x00000027, 0x0000009b,
  0x00000096, 0x0000009a, 0x0004007c, 0x00000006, 0x0000009c, 0x0000009b, 0x00050080, 0x00000006,
  0x0000009d, 0x00000082, 0x0000009c, 0x00060041, 0x0000009e, 0x0000009f, 0x00000080, 0x0000006a,
  0x0000009d, 0x0004003d, 0x00000065, 0x000000a0, 0x0000009f, 0x000200f9, 0x0000007c, 0x000200f8,
  0x000000a1, 0x000200f9, 0x0000007c, 0x000200f8, 0x0000007c, 0x000700f5, 0x00000065, 0x000000ba,
  0x000000a0, 0x0000007b, 0x000000a2, 0x000000a1, 0x00060041, 0x0000009e, 0x000000a4, 0x00000069,
  0x0000006a, 0x0000006f, 0x0003003e, 0x000000a4, 0x000000ba, 0x000200f9, 0x000000a5, 0x000200f8,
  0x000000a5, 0x000100fd, 0x00010038,
};
static const uint32_t dive__spv_shortcut_bwd[] = { /* shortcut_bwd.comp, 709 words */
  0x07230203, 0x00010300, 0x0008000b, 0x000000bd, 0x00000000, 0x00020011, 0x00000001, 0x0006000b,
  0x00000001, 0x4c534c47, 0x6474732e, 0x3035342e, 0x00000000, 0x0003000e, 0x00000000, 0x00000001,
  0x0008000f, 0x00000005, 0x00000004, 0x6e69616d, 0x00000000, 0x0000000c, 0x00000011, 0x0000001d,
  0x00060010, 0x00000004, 0x00000011, 0x00000100, 0x00000001, 0x00000001, 0x00040047, 0x0000000c,
  0x0000000b, 0x0000001a, 0x00040047, 0x00000011, 0x0000000b, 0x00000018, 0x00040047, 0x00000019,
  0x00000001, 0x00000000, 0x00040047, 0x0000001a, 0x0000000b, 0x00000019, 0x00040047, 0x0000001d,
  0x0000000b, 0x0000001b, 0x00050048, 0x00000028, 0x00000000, 0x00000023, 0x00000000, 0x00050048,
  0x00000028, 0x00000001, 0x00000023, 0x00000004, 0x00050048, 0x00000028, 0x00000002, 0x00000023,
  0x00000008, 0x00050048, 0x00000028, 0x00000003, 0x00000023, 0x0000000c, 0x00050048, 0x00000028,
  0x00000004, 0x00000023, 0x00000010, 0x00050048, 0x00000028, 0x00000005, 0x00000023, 0x00000014,
  0x00050048, 0x00000028, 0x00000006, 0x00000023, 0x00000018, 0x00050048, 0x00000028, 0x00000007,
  0x00000023, 0x0000001c, 0x00050048, 0x00000028, 0x00000008, 0x00000023, 0x00000020, 0x00050048,
  0x00000028, 0x00000009, 0x00000023, 0x00000024, 0x00050048, 0x00000028, 0x0000000a, 0x00000023,
  0x00000028, 0x00030047, 0x00000028, 0x00000002, 0x00040047, 0x0000005b, 0x00000006, 0x00000004,
  0x00040048, 0x0000005c, 0x00000000, 0x00000019, 0x00050048, 0x0000005c, 0x00000000, 0x00000023,
  0x00000000, 0x00030047, 0x0000005c, 0x00000002, 0x00040047, 0x0000005e, 0x00000022, 0x00000000,
  0x00040047, 0x0000005e, 0x00000021, 0x00000001, 0x00040047, 0x00000077, 0x00000006, 0x00000004,
  0x00040048, 0x00000078, 0x00000000, 0x00000018, 0x00050048, 0x00000078, 0x00000000, 0x00000023,
  0x00000000, 0x00030047, 0x00000078, 0x00000002, 0x00040047, 0x0000007a, 0x00000022, 0x00000000,
  0x00040047, 0x0000007a, 0x00000021, 0x00000000, 0x00020013, 0x00000002, 0x00030021, 0x00000003,
  0x00000002, 0x00040015, 0x00000006, 0x00000020, 0x00000000, 0x00040017, 0x0000000a, 0x00000006,
  0x00000003, 0x00040020, 0x0000000b, 0x00000001, 0x0000000a, 0x0004003b, 0x0000000b, 0x0000000c,
  0x00000001, 0x0004002b, 0x00000006, 0x0000000d, 0x00000001, 0x00040020, 0x0000000e, 0x00000001,
  0x00000006, 0x0004003b, 0x0000000b, 0x00000011, 0x00000001, 0x0004002b, 0x00000006, 0x00000012,
  0x00000000, 0x00040032, 0x00000006, 0x00000019, 0x00000100, 0x00060033, 0x0000000a, 0x0000001a,
  0x00000019, 0x0000000d, 0x0000000d, 0x0004003b, 0x0000000b, 0x0000001d, 0x00000001, 0x00040015,
  0x00000027, 0x00000020, 0x00000001, 0x000d001e, 0x00000028, 0x00000006, 0x00000006, 0x00000027,
  0x00000027, 0x00000027, 0x00000027, 0x00000027, 0x00000027, 0x00000027, 0x00000027, 0x00000006,
  0x00040020, 0x00000029, 0x00000009, 0x00000028, 0x0004003b, 0x00000029, 0x0000002a, 0x00000009,
  0x0004002b, 0x00000027, 0x0000002b, 0x0000000a, 0x00040020, 0x0000002c, 0x00000009, 0x00000006,
  0x00020014, 0x0000002f, 0x0004002b, 0x00000027, 0x00000037, 0x00000005, 0x00040020, 0x00000038,
  0x00000009, 0x00000027, 0x0004002b, 0x00000027, 0x00000047, 0x00000004, 0x0004002b, 0x00000027,
  0x00000051, 0x00000003, 0x00030016, 0x0000005a, 0x00000020, 0x0003001d, 0x0000005b, 0x0000005a,
  0x0003001e, 0x0000005c, 0x0000005b, 0x00040020, 0x0000005d, 0x0000000c, 0x0000005c, 0x0004003b,
  0x0000005d, 0x0000005e, 0x0000000c, 0x0004002b, 0x00000027, 0x0000005f, 0x00000000, 0x0004002b,
  0x00000027, 0x00000060, 0x00000001, 0x0004002b, 0x00000027, 0x00000066, 0x00000009, 0x0003001d,
  0x00000077, 0x0000005a, 0x0003001e, 0x00000078, 0x00000077, 0x00040020, 0x00000079, 0x0000000c,
  0x00000078, 0x0004003b, 0x00000079, 0x0000007a, 0x0000000c, 0x0004002b, 0x00000027, 0x0000007e,
  0x00000006, 0x0004002b, 0x00000027, 0x00000089, 0x00000002, 0x0004002b, 0x00000027, 0x0000008c,
  0x00000007, 0x0004002b, 0x00000027, 0x00000095, 0x00000008, 0x00040020, 0x000000a0, 0x0000000c,
  0x0000005a, 0x0004002b, 0x0000005a, 0x000000a4, 0x00000000, 0x00050036, 0x00000002, 0x00000004,
  0x00000000, 0x00000003, 0x000200f8, 0x00000005, 0x000300f7, 0x000000a7, 0x00000000, 0x000300fb,
  0x00000012, 0x000000a8, 0x000200f8, 0x000000a8, 0x00050041, 0x0000000e, 0x000000af, 0x0000000c,
  0x0000000d, 0x0004003d, 0x00000006, 0x000000b0, 0x000000af, 0x00050041, 0x0000000e, 0x000000b1,
  0x00000011, 0x00000012, 0x0004003d, 0x00000006, 0x000000b2, 0x000000b1, 0x00050084, 0x00000006,
  0x000000b3, 0x000000b0, 0x000000b2, 0x00050041, 0x0000000e, 0x000000b4, 0x0000000c, 0x00000012,
  0x0004003d, 0x00000006, 0x000000b5, 0x000000b4, 0x00050080, 0x00000006, 0x000000b6, 0x000000b3,
  0x000000b5, 0x00050051, 0x00000006, 0x000000b7, 0x0000001a, 0x00000000, 0x00050084, 0x00000006,
  0x000000b8, 0x000000b6, 0x000000b7, 0x00050041, 0x0000000e, 0x000000b9, 0x0000001d, 0x00000012,
  0x0004003d, 0x00000006, 0x000000ba, 0x000000b9, 0x00050080, 0x00000006, 0x000000bb, 0x000000b8,
  0x000000ba, 0x00050041, 0x0000002c, 0x0000002d, 0x0000002a, 0x0000002b, 0x0004003d, 0x00000006,
  0x0000002e, 0x0000002d, 0x000500ae, 0x0000002f, 0x00000030, 0x000000bb, 0x0000002e, 0x000300f7,
  0x00000032, 0x00000000, 0x000400fa, 0x00000030, 0x00000031, 0x00000032, 0x000200f8, 0x00000031,
  0x000200f9, 0x000000a7, 0x000200f8, 0x00000032, 0x00050041, 0x00000038, 0x00000039, 0x0000002a,
  0x00000037, 0x0004003d, 0x00000027, 0x0000003a, 0x00000039, 0x0004007c, 0x00000006, 0x0000003b,
  0x0000003a, 0x00050089, 0x00000006, 0x0000003c, 0x000000bb, 0x0000003b, 0x0004007c, 0x00000027,
  0x0000003d, 0x0000003c, 0x00050086, 0x00000006, 0x00000043, 0x000000bb, 0x0000003b, 0x0004007c,
  0x00000027, 0x00000044, 0x00000043, 0x00050041, 0x00000038, 0x00000048, 0x0000002a, 0x00000047,
  0x0004003d, 0x00000027, 0x00000049, 0x00000048, 0x0005008b, 0x00000027, 0x0000004a, 0x00000044,
  0x00000049, 0x00050087, 0x00000027, 0x0000004e, 0x00000044, 0x00000049, 0x00050041, 0x00000038,
  0x00000052, 0x0000002a, 0x00000051, 0x0004003d, 0x00000027, 0x00000053, 0x00000052, 0x0005008b,
  0x00000027, 0x00000054, 0x0000004e, 0x00000053, 0x00050087, 0x00000027, 0x00000059, 0x0000004e,
  0x00000053, 0x00050041, 0x0000002c, 0x00000061, 0x0000002a, 0x00000060, 0x0004003d, 0x00000006,
  0x00000062, 0x00000061, 0x00050080, 0x00000006, 0x00000064, 0x00000062, 0x000000bb, 0x00050041,
  0x00000038, 0x00000067, 0x0000002a, 0x00000066, 0x0004003d, 0x00000027, 0x00000068, 0x00000067,
  0x0005008b, 0x00000027, 0x00000069, 0x0000004a, 0x00000068, 0x000500aa, 0x0000002f, 0x0000006a,
  0x00000069, 0x0000005f, 0x000300f7, 0x0000006c, 0x00000000, 0x000400fa, 0x0000006a, 0x0000006b,
  0x0000006c, 0x000200f8, 0x0000006b, 0x0005008b, 0x00000027, 0x00000070, 0x0000003d, 0x00000068,
  0x000500aa, 0x0000002f, 0x00000071, 0x00000070, 0x0000005f, 0x000200f9, 0x0000006c, 0x000200f8,
  0x0000006c, 0x000700f5, 0x0000002f, 0x00000072, 0x0000006a, 0x00000032, 0x00000071, 0x0000006b,
  0x000300f7, 0x00000076, 0x00000000, 0x000400fa, 0x00000072, 0x00000075, 0x000000a3, 0x000200f8,
  0x00000075, 0x00050041, 0x0000002c, 0x0000007b, 0x0000002a, 0x0000005f, 0x0004003d, 0x00000006,
  0x0000007c, 0x0000007b, 0x00050041, 0x00000038, 0x0000007f, 0x0000002a, 0x0000007e, 0x0004003d,
  0x00000027, 0x00000080, 0x0000007f, 0x00050084, 0x00000027, 0x00000081, 0x00000059, 0x00000080,
  0x00050080, 0x00000027, 0x00000083, 0x00000081, 0x00000054, 0x00050082, 0x00000027, 0x00000088,
  0x00000080, 0x00000053, 0x00050087, 0x00000027, 0x0000008a, 0x00000088, 0x00000089, 0x00050080,
  0x00000027, 0x0000008b, 0x00000083, 0x0000008a, 0x00050041, 0x00000038, 0x0000008d, 0x0000002a,
  0x0000008c, 0x0004003d, 0x00000027, 0x0000008e, 0x0000008d, 0x00050084, 0x00000027, 0x0000008f,
  0x0000008b, 0x0000008e, 0x00050087, 0x00000027, 0x00000093, 0x0000004a, 0x00000068, 0x00050080,
  0x00000027, 0x00000094, 0x0000008f, 0x00000093, 0x00050041, 0x00000038, 0x00000096, 0x0000002a,
  0x00000095, 0x0004003d, 0x00000027, 0x00000097, 0x00000096, 0x00050084, 0x00000027, 0x00000098,
  0x00000094, 0x00000097, 0x00050087, 0x00000027, 0x0000009c, 0x0000003d, 0x00000068, 0x00050080,
  0x00000027, 0x0000009d, 0x00000098, 0x0000009c, 0x0004007c, 0x00000006, 0x0000009e, 0x0000009d,
  0x00050080, 0x00000006, 0x0000009f, 0x0000007c, 0x0000009e, 0x00060041, 0x000000a0, 0x000000a1,
  0x0000007a, 0x0000005f, 0x0000009f, 0x0004003d, 0x0000005a, 0x000000a2, 0x000000a1, 0x000200f9,
  0x00000076, 0x000200f8, 0x000000a3, 0x000200f9, 0x00000076, 0x000200f8, 0x00000076, 0x000700f5,
  0x0000005a, 0x000000bc, 0x000000a2, 0x00000075, 0x000000a4, 0x000000a3, 0x00060041, 0x000000a0,
  0x000000a6, 0x0000005e, 0x0000005f, 0x00000064, 0x0003003e, 0x000000a6, 0x000000bc, 0x000200f9,
  0x000000a7, 0x000200f8, 0x000000a7, 0x000100fd, 0x00010038,
};
static const uint32_t dive__spv_maxpool_fwd[] = { /* maxpool_fwd.comp, 993 words */
  0x07230203, 0x00010300, 0x0008000b, 0x00000117, 0x00000000, 0x00020011, 0x00000001, 0x0006000b,
  0x00000001, 0x4c534c47, 0x6474732e, 0x3035342e, 0x00000000, 0x0003000e, 0x00000000, 0x00000001,
  0x0008000f, 0x00000005, 0x00000004, 0x6e69616d, 0x00000000, 0x0000000c, 0x00000011, 0x0000001d,
  0x00060010, 0x00000004, 0x00000011, 0x00000100, 0x00000001, 0x00000001, 0x00040047, 0x0000000c,
  0x0000000b, 0x0000001a, 0x00040047, 0x00000011, 0x0000000b, 0x00000018, 0x00040047, 0x00000019,
  0x00000001, 0x00000000, 0x00040047, 0x0000001a, 0x0000000b, 0x00000019, 0x00040047, 0x0000001d,
  0x0000000b, 0x0000001b, 0x00050048, 0x00000028, 0x00000000, 0x00000023, 0x00000000, 0x00050048,
  0x00000028, 0x00000001, 0x00000023, 0x00000004, 0x00050048, 0x00000028, 0x00000002, 0x00000023,
  0x00000008, 0x00050048, 0x00000028, 0x00000003, 0x00000023, 0x0000000c, 0x00050048, 0x00000028,
  0x00000004, 0x00000023, 0x00000010, 0x00050048, 0x00000028, 0x00000005, 0x00000023, 0x00000014,
  0x00050048, 0x00000028, 0x00000006, 0x00000023, 0x00000018, 0x00050048, 0x00000028, 0x00000007,
  0x00000023, 0x0000001c, 0x00050048, 0x00000028, 0x00000008, 0x00000023, 0x00000020, 0x00050048,
  0x00000028, 0x00000009, 0x00000023, 0x00000024, 0x00050048, 0x00000028, 0x0000000a, 0x00000023,
  0x00000028, 0x00050048, 0x00000028, 0x0000000b, 0x00000023, 0x0000002c, 0x00050048, 0x00000028,
  0x0000000c, 0x00000023, 0x00000030, 0x00030047, 0x00000028, 0x00000002, 0x00040047, 0x000000ad,
  0x00000006, 0x00000004, 0x00040048, 0x000000ae, 0x00000000, 0x00000018, 0x00050048, 0x000000ae,
  0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x000000ae, 0x00000002, 0x00040047, 0x000000b0,
  0x00000022, 0x00000000, 0x00040047, 0x000000b0, 0x00000021, 0x00000000, 0x00040047, 0x000000d1,
  0x00000006, 0x00000004, 0x00040048, 0x000000d2, 0x00000000, 0x00000019, 0x00050048, 0x000000d2,
  0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x000000d2, 0x00000002, 0x00040047, 0x000000d4,
  0x00000022, 0x00000000, 0x00040047, 0x000000d4, 0x00000021, 0x00000001, 0x00040047, 0x000000db,
  0x00000006, 0x00000004, 0x00040048, 0x000000dc, 0x00000000, 0x00000019, 0x00050048, 0x000000dc,
  0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x000000dc, 0x00000002, 0x00040047, 0x000000de,
  0x00000022, 0x00000000, 0x00040047, 0x000000de, 0x00000021, 0x00000002, 0x00020013, 0x00000002,
  0x00030021, 0x00000003, 0x00000002, 0x00040015, 0x00000006, 0x00000020, 0x00000000, 0x00040017,
  0x0000000a, 0x00000006, 0x00000003, 0x00040020, 0x0000000b, 0x00000001, 0x0000000a, 0x0004003b,
  0x0000000b, 0x0000000c, 0x00000001, 0x0004002b, 0x00000006, 0x0000000d, 0x00000001, 0x00040020,
  0x0000000e, 0x00000001, 0x00000006, 0x0004003b, 0x0000000b, 0x00000011, 0x00000001, 0x0004002b,
  0x00000006, 0x00000012, 0x00000000, 0x00040032, 0x00000006, 0x00000019, 0x00000100, 0x00060033,
  0x0000000a, 0x0000001a, 0x00000019, 0x0000000d, 0x0000000d, 0x0004003b, 0x0000000b, 0x0000001d,
  0x00000001, 0x00040015, 0x00000027, 0x00000020, 0x00000001, 0x000f001e, 0x00000028, 0x00000006,
  0x00000006, 0x00000006, 0x00000027, 0x00000027, 0x00000027, 0x00000027, 0x00000027, 0x00000027,
  0x00000027, 0x00000027, 0x00000027, 0x00000006, 0x00040020, 0x00000029, 0x00000009, 0x00000028,
  0x0004003b, 0x00000029, 0x0000002a, 0x00000009, 0x0004002b, 0x00000027, 0x0000002b, 0x0000000c,
  0x00040020, 0x0000002c, 0x00000009, 0x00000006, 0x00020014, 0x0000002f, 0x0004002b, 0x00000027,
  0x00000037, 0x00000008, 0x00040020, 0x00000038, 0x00000009, 0x00000027, 0x0004002b, 0x00000027,
  0x00000047, 0x00000007, 0x0004002b, 0x00000027, 0x00000051, 0x00000000, 0x0004002b, 0x00000027,
  0x00000055, 0x00000005, 0x0004002b, 0x00000027, 0x0000005a, 0x00000006, 0x00030016, 0x00000060,
  0x00000020, 0x0004002b, 0x00000027, 0x00000066, 0xffffffff, 0x0004002b, 0x00000027, 0x0000006e,
  0x00000009, 0x0004002b, 0x00000027, 0x00000074, 0x0000000a, 0x0004002b, 0x00000027, 0x00000078,
  0x0000000b, 0x0003001d, 0x000000ad, 0x00000060, 0x0003001e, 0x000000ae, 0x000000ad, 0x00040020,
  0x000000af, 0x0000000c, 0x000000ae, 0x0004003b, 0x000000af, 0x000000b0, 0x0000000c, 0x00040020,
  0x000000ba, 0x0000000c, 0x00000060, 0x0004002b, 0x00000027, 0x000000cd, 0x00000001, 0x0003001d,
  0x000000d1, 0x00000060, 0x0003001e, 0x000000d2, 0x000000d1, 0x00040020, 0x000000d3, 0x0000000c,
  0x000000d2, 0x0004003b, 0x000000d3, 0x000000d4, 0x0000000c, 0x0003001d, 0x000000db, 0x00000027,
  0x0003001e, 0x000000dc, 0x000000db, 0x00040020, 0x000000dd, 0x0000000c, 0x000000dc, 0x0004003b,
  0x000000dd, 0x000000de, 0x0000000c, 0x0004002b, 0x00000027, 0x000000df, 0x00000002, 0x00040020,
  0x000000e5, 0x0000000c, 0x00000027, 0x0004002b, 0x00000060, 0x000000fc, 0xff800000, 0x00050036,
  0x00000002, 0x00000004, 0x00000000, 0x00000003, 0x000200f8, 0x00000005, 0x000300f7, 0x000000e7,
  0x00000000, 0x000300fb, 0x00000012, 0x000000e8, 0x000200f8, 0x000000e8, 0x00050041, 0x0000000e,
  0x000000ef, 0x0000000c, 0x0000000d, 0x0004003d, 0x00000006, 0x000000f0, 0x000000ef, 0x00050041,
  0x0000000e, 0x000000f1, 0x00000011, 0x00000012, 0x0004003d, 0x00000006, 0x000000f2, 0x000000f1,
  0x00050084, 0x00000006, 0x000000f3, 0x000000f0, 0x000000f2, 0x00050041, 0x0000000e, 0x000000f4,
  0x0000000c, 0x00000012, 0x0004003d, 0x00000006, 0x000000f5, 0x000000f4, 0x00050080, 0x00000006,
  0x000000f6, 0x000000f3, 0x000000f5, 0x00050051, 0x00000006, 0x000000f7, 0x0000001a, 0x00000000,
  0x00050084, 0x00000006, 0x000000f8, 0x000000f6, 0x000000f7, 0x00050041, 0x0000000e, 0x000000f9,
  0x0000001d, 0x00000012, 0x0004003d, 0x00000006, 0x000000fa, 0x000000f9, 0x00050080, 0x00000006,
  0x000000fb, 0x000000f8, 0x000000fa, 0x00050041, 0x0000002c, 0x0000002d, 0x0000002a, 0x0000002b,
  0x0004003d, 0x00000006, 0x0000002e, 0x0000002d, 0x000500ae, 0x0000002f, 0x00000030, 0x000000fb,
  0x0000002e, 0x000300f7, 0x00000032, 0x00000000, 0x000400fa, 0x00000030, 0x00000031, 0x00000032,
  0x000200f8, 0x00000031, 0x000200f9, 0x000000e7, 0x000200f8, 0x00000032, 0x00050041, 0x00000038,
  0x00000039, 0x0000002a, 0x00000037, 0x0004003d, 0x00000027, 0x0000003a, 0x00000039, 0x0004007c,
  0x00000006, 0x0000003b, 0x0000003a, 0x00050089, 0x00000006, 0x0000003c, 0x000000fb, 0x0000003b,
  0x0004007c, 0x00000027, 0x0000003d, 0x0000003c, 0x00050086, 0x00000006, 0x00000043, 0x000000fb,
  0x0000003b, 0x0004007c, 0x00000027, 0x00000044, 0x00000043, 0x00050041, 0x00000038, 0x00000048,
  0x0000002a, 0x00000047, 0x0004003d, 0x00000027, 0x00000049, 0x00000048, 0x0005008b, 0x00000027,
  0x0000004a, 0x00000044, 0x00000049, 0x00050087, 0x00000027, 0x0000004f, 0x00000044, 0x00000049,
  0x00050041, 0x0000002c, 0x00000052, 0x0000002a, 0x00000051, 0x0004003d, 0x00000006, 0x00000053,
  0x00000052, 0x00050041, 0x00000038, 0x00000056, 0x0000002a, 0x00000055, 0x0004003d, 0x00000027,
  0x00000057, 0x00000056, 0x00050084, 0x00000027, 0x00000058, 0x0000004f, 0x00000057, 0x0004007c,
  0x00000006, 0x00000059, 0x00000058, 0x00050041, 0x00000038, 0x0000005b, 0x0000002a, 0x0000005a,
  0x0004003d, 0x00000027, 0x0000005c, 0x0000005b, 0x0004007c, 0x00000006, 0x0000005d, 0x0000005c,
  0x00050084, 0x00000006, 0x0000005e, 0x00000059, 0x0000005d, 0x00050080, 0x00000006, 0x0000005f,
  0x00000053, 0x0000005e, 0x000200f9, 0x00000068, 0x000200f8, 0x00000068, 0x000700f5, 0x00000027,
  0x000000ff, 0x00000066, 0x00000032, 0x00000111, 0x0000006b, 0x000700f5, 0x00000060, 0x000000fe,
  0x000000fc, 0x00000032, 0x00000110, 0x0000006b, 0x000700f5, 0x00000027, 0x000000fd, 0x00000051,
  0x00000032, 0x000000d0, 0x0000006b, 0x00050041, 0x00000038, 0x0000006f, 0x0000002a, 0x0000006e,
  0x0004003d, 0x00000027, 0x00000070, 0x0000006f, 0x000500b1, 0x0000002f, 0x00000071, 0x000000fd,
  0x00000070, 0x000400f6, 0x0000006a, 0x0000006b, 0x00000000, 0x000400fa, 0x00000071, 0x00000069,
  0x0000006a, 0x000200f8, 0x00000069, 0x00050041, 0x00000038, 0x00000075, 0x0000002a, 0x00000074,
  0x0004003d, 0x00000027, 0x00000076, 0x00000075, 0x00050084, 0x00000027, 0x00000077, 0x0000004a,
  0x00000076, 0x00050041, 0x00000038, 0x00000079, 0x0000002a, 0x00000078, 0x0004003d, 0x00000027,
  0x0000007a, 0x00000079, 0x00050082, 0x00000027, 0x0000007b, 0x00000077, 0x0000007a, 0x00050080,
  0x00000027, 0x0000007d, 0x0000007b, 0x000000fd, 0x000500b1, 0x0000002f, 0x0000007f, 0x0000007d,
  0x00000051, 0x000400a8, 0x0000002f, 0x00000080, 0x0000007f, 0x000300f7, 0x00000082, 0x00000000,
  0x000400fa, 0x00000080, 0x00000081, 0x00000082, 0x000200f8, 0x00000081, 0x000500af, 0x0000002f,
  0x00000086, 0x0000007d, 0x00000057, 0x000200f9, 0x00000082, 0x000200f8, 0x00000082, 0x000700f5,
  0x0000002f, 0x00000087, 0x0000007f, 0x00000069, 0x00000086, 0x00000081, 0x000300f7, 0x00000089,
  0x00000000, 0x000400fa, 0x00000087, 0x00000088, 0x00000089, 0x000200f8, 0x00000088, 0x000200f9,
  0x0000006b, 0x000200f8, 0x00000089, 0x000200f9, 0x0000008c, 0x000200f8, 0x0000008c, 0x000700f5,
  0x00000060, 0x00000105, 0x000000fe, 0x00000089, 0x00000114, 0x0000008f, 0x000700f5, 0x00000027,
  0x00000102, 0x000000ff, 0x00000089, 0x00000112, 0x0000008f, 0x000700f5, 0x00000027, 0x00000100,
  0x00000051, 0x00000089, 0x000000ce, 0x0000008f, 0x000500b1, 0x0000002f, 0x00000094, 0x00000100,
  0x00000070, 0x000400f6, 0x0000008e, 0x0000008f, 0x00000000, 0x000400fa, 0x00000094, 0x0000008d,
  0x0000008e, 0x000200f8, 0x0000008d, 0x00050084, 0x00000027, 0x00000099, 0x0000003d, 0x00000076,
  0x00050082, 0x00000027, 0x0000009c, 0x00000099, 0x0000007a, 0x00050080, 0x00000027, 0x0000009e,
  0x0000009c, 0x00000100, 0x000500b1, 0x0000002f, 0x000000a0, 0x0000009e, 0x00000051, 0x000400a8,
  0x0000002f, 0x000000a1, 0x000000a0, 0x000300f7, 0x000000a3, 0x00000000, 0x000400fa, 0x000000a1,
  0x000000a2, 0x000000a3, 0x000200f8, 0x000000a2, 0x000500af, 0x0000002f, 0x000000a7, 0x0000009e,
  0x0000005c, 0x000200f9, 0x000000a3, 0x000200f8, 0x000000a3, 0x000700f5, 0x0000002f, 0x000000a8,
  0x000000a0, 0x0000008d, 0x000000a7, 0x000000a2, 0x000300f7, 0x000000aa, 0x00000000, 0x000400fa,
  0x000000a8, 0x000000a9, 0x000000aa, 0x000200f8, 0x000000a9, 0x000200f9, 0x0000008f, 0x000200f8,
  0x000000aa, 0x00050084, 0x00000027, 0x000000b5, 0x0000007d, 0x0000005c, 0x00050080, 0x00000027,
  0x000000b7, 0x000000b5, 0x0000009e, 0x0004007c, 0x00000006, 0x000000b8, 0x000000b7, 0x00050080,
  0x00000006, 0x000000b9, 0x0000005f, 0x000000b8, 0x00060041, 0x000000ba, 0x000000bb, 0x000000b0,
  0x00000051, 0x000000b9, 0x0004003d, 0x00000060, 0x000000bc, 0x000000bb, 0x000500b1, 0x0000002f,
  0x000000be, 0x00000102, 0x00000051, 0x000500ba, 0x0000002f, 0x000000c1, 0x000000bc, 0x00000105,
  0x000500a6, 0x0000002f, 0x000000c2, 0x000000be, 0x000000c1, 0x000300f7, 0x000000c4, 0x00000000,
  0x000400fa, 0x000000c2, 0x000000c3, 0x000000c4, 0x000200f8, 0x000000c3, 0x000200f9, 0x000000c4,
  0x000200f8, 0x000000c4, 0x000700f5, 0x00000027, 0x00000113, 0x00000102, 0x000000aa, 0x000000b7,
  0x000000c3, 0x000600a9, 0x00000060, 0x00000116, 0x000000c2, 0x000000bc, 0x00000105, 0x000200f9,
  0x0000008f, 0x000200f8, 0x0000008f, 0x000700f5, 0x00000060, 0x00000114, 0x00000105, 0x000000a9,
  0x00000116, 0x000000c4, 0x000700f5, 0x00000027, 0x00000112, 0x00000102, 0x000000a9, 0x00000113,
  0x000000c4, 0x00050080, 0x00000027, 0x000000ce, 0x00000100, 0x000000cd, 0x000200f9, 0x0000008c,
  0x000200f8, 0x0000008e, 0x000200f9, 0x0000006b, 0x000200f8, 0x0000006b, 0x000700f5, 0x00000027,
  0x00000111, 0x000000ff, 0x00000088, 0x00000102, 0x0000008e, 0x000700f5, 0x00000060, 0x00000110,
  0x000000fe, 0x00000088, 0x00000105, 0x0000008e, 0x00050080, 0x00000027, 0x000000d0, 0x000000fd,
  0x000000cd, 0x000200f9, 0x00000068, 0x000200f8, 0x0000006a, 0x00050041, 0x0000002c, 0x000000d5,
  0x0000002a, 0x000000cd, 0x0004003d, 0x00000006, 0x000000d6, 0x000000d5, 0x00050080, 0x00000006,
  0x000000d8, 0x000000d6, 0x000000fb, 0x00060041, 0x000000ba, 0x000000da, 0x000000d4, 0x00000051,
  0x000000d8, 0x0003003e, 0x000000da, 0x000000fe, 0x00050041, 0x0000002c, 0x000000e0, 0x0000002a,
  0x000000df, 0x0004003d, 0x00000006, 0x000000e1, 0x000000e0, 0x00050080, 0x00000006, 0x000000e3,
  0x000000e1, 0x000000fb, 0x00060041, 0x000000e5, 0x000000e6, 0x000000de, 0x00000051, 0x000000e3,
  0x0003003e, 0x000000e6, 0x000000ff, 0x000200f9, 0x000000e7, 0x000200f8, 0x000000e7, 0x000100fd,
  0x00010038,
};
static const uint32_t dive__spv_maxpool_bwd[] = { /* maxpool_bwd.comp, 759 words */
  0x07230203, 0x00010300, 0x0008000b, 0x000000bb, 0x00000000, 0x00020011, 0x00000001, 0x0006000b,
  0x00000001, 0x4c534c47, 0x6474732e, 0x3035342e, 0x00000000, 0x0003000e, 0x00000000, 0x00000001,
  0x0008000f, 0x00000005, 0x00000004, 0x6e69616d, 0x00000000, 0x0000000c, 0x00000011, 0x0000001d,
  0x00060010, 0x00000004, 0x00000011, 0x00000100, 0x00000001, 0x00000001, 0x00040047, 0x0000000c,
  0x0000000b, 0x0000001a, 0x00040047, 0x00000011, 0x0000000b, 0x00000018, 0x00040047, 0x00000019,
  0x00000001, 0x00000000, 0x00040047, 0x0000001a, 0x0000000b, 0x00000019, 0x00040047, 0x0000001d,
  0x0000000b, 0x0000001b, 0x00050048, 0x00000028, 0x00000000, 0x00000023, 0x00000000, 0x00050048,
  0x00000028, 0x00000001, 0x00000023, 0x00000004, 0x00050048, 0x00000028, 0x00000002, 0x00000023,
  0x00000008, 0x00050048, 0x00000028, 0x00000003, 0x00000023, 0x0000000c, 0x00050048, 0x00000028,
  0x00000004, 0x00000023, 0x00000010, 0x00050048, 0x00000028, 0x00000005, 0x00000023, 0x00000014,
  0x00050048, 0x00000028, 0x00000006, 0x00000023, 0x00000018, 0x00050048, 0x00000028, 0x00000007,
  0x00000023, 0x0000001c, 0x00050048, 0x00000028, 0x00000008, 0x00000023, 0x00000020, 0x00050048,
  0x00000028, 0x00000009, 0x00000023, 0x00000024, 0x00050048, 0x00000028, 0x0000000a, 0x00000023,
  0x00000028, 0x00050048, 0x00000028, 0x0000000b, 0x00000023, 0x0000002c, 0x00050048, 0x00000028,
  0x0000000c, 0x00000023, 0x00000030, 0x00030047, 0x00000028, 0x00000002, 0x00040047, 0x0000005f,
  0x00000006, 0x00000004, 0x00050048, 0x00000060, 0x00000000, 0x00000023, 0x00000000, 0x00030047,
  0x00000060, 0x00000002, 0x00040047, 0x00000062, 0x00000022, 0x00000000, 0x00040047, 0x00000062,
  0x00000021, 0x00000002, 0x00040047, 0x00000077, 0x00000006, 0x00000004, 0x00040048, 0x00000078,
  0x00000000, 0x00000018, 0x00050048, 0x00000078, 0x00000000, 0x00000023, 0x00000000, 0x00030047,
  0x00000078, 0x00000002, 0x00040047, 0x0000007a, 0x00000022, 0x00000000, 0x00040047, 0x0000007a,
  0x00000021, 0x00000001, 0x00040047, 0x00000091, 0x00000006, 0x00000004, 0x00040048, 0x00000092,
  0x00000000, 0x00000018, 0x00050048, 0x00000092, 0x00000000, 0x00000023, 0x00000000, 0x00030047,
  0x00000092, 0x00000002, 0x00040047, 0x00000094, 0x00000022, 0x00000000, 0x00040047, 0x00000094,
  0x00000021, 0x00000000, 0x00020013, 0x00000002, 0x00030021, 0x00000003, 0x00000002, 0x00040015,
  0x00000006, 0x00000020, 0x00000000, 0x00040017, 0x0000000a, 0x00000006, 0x00000003, 0x00040020,
  0x0000000b, 0x00000001, 0x0000000a, 0x0004003b, 0x0000000b, 0x0000000c, 0x00000001, 0x0004002b,
  0x00000006, 0x0000000d, 0x00000001, 0x00040020, 0x0000000e, 0x00000001, 0x00000006, 0x0004003b,
  0x0000000b, 0x00000011, 0x00000001, 0x0004002b, 0x00000006, 0x00000012, 0x00000000, 0x00040032,
  0x00000006, 0x00000019, 0x00000100, 0x00060033, 0x0000000a, 0x0000001a, 0x00000019, 0x0000000d,
  0x0000000d, 0x0004003b, 0x0000000b, 0x0000001d, 0x00000001, 0x00040015, 0x00000027, 0x00000020,
  0x00000001, 0x000f001e, 0x00000028, 0x00000006, 0x00000006, 0x00000006, 0x00000027, 0x00000027,
  0x00000027, 0x00000027, 0x00000027, 0x00000027, 0x00000027, 0x00000027, 0x00000027, 0x00000006,
  0x00040020, 0x00000029, 0x00000009, 0x00000028, 0x0004003b, 0x00000029, 0x0000002a, 0x00000009,
  0x0004002b, 0x00000027, 0x0000002b, 0x0000000c, 0x00040020, 0x0000002c, 0x00000009, 0x00000006,
  0x00020014, 0x0000002f, 0x0004002b, 0x00000027, 0x00000036, 0x00000005, 0x00040020, 0x00000037,
  0x00000009, 0x00000027, 0x0004002b, 0x00000027, 0x0000003a, 0x00000006, 0x0004002b, 0x00000027,
  0x0000003f, 0x00000007, 0x0004002b, 0x00000027, 0x00000042, 0x00000008, 0x0004002b, 0x00000027,
  0x00000047, 0x00000002, 0x0004002b, 0x00000027, 0x00000055, 0x00000000, 0x00030016, 0x0000005e,
  0x00000020, 0x0003001d, 0x0000005f, 0x0000005e, 0x0003001e, 0x00000060, 0x0000005f, 0x00040020,
  0x00000061, 0x0000000c, 0x00000060, 0x0004003b, 0x00000061, 0x00000062, 0x0000000c, 0x0004002b,
  0x0000005e, 0x00000067, 0x00000000, 0x00040020, 0x00000068, 0x0000000c, 0x0000005e, 0x0004002b,
  0x00000027, 0x0000006b, 0x00000001, 0x0003001d, 0x00000077, 0x00000027, 0x0003001e, 0x00000078,
  0x00000077, 0x00040020, 0x00000079, 0x0000000c, 0x00000078, 0x0004003b, 0x00000079, 0x0000007a,
  0x0000000c, 0x00040020, 0x00000082, 0x0000000c, 0x00000027, 0x0003001d, 0x00000091, 0x0000005e,
  0x0003001e, 0x00000092, 0x00000091, 0x00040020, 0x00000093, 0x0000000c, 0x00000092, 0x0004003b,
  0x00000093, 0x00000094, 0x0000000c, 0x00050036, 0x00000002, 0x00000004, 0x00000000, 0x00000003,
  0x000200f8, 0x00000005, 0x000300f7, 0x000000a4, 0x00000000, 0x000300fb, 0x00000012, 0x000000a5,
  0x000200f8, 0x000000a5, 0x00050041, 0x0000000e, 0x000000ac, 0x0000000c, 0x0000000d, 0x0004003d,
  0x00000006, 0x000000ad, 0x000000ac, 0x00050041, 0x0000000e, 0x000000ae, 0x00000011, 0x00000012,
  0x0004003d, 0x00000006, 0x000000af, 0x000000ae, 0x00050084, 0x00000006, 0x000000b0, 0x000000ad,
  0x000000af, 0x00050041, 0x0000000e, 0x000000b1, 0x0000000c, 0x00000012, 0x0004003d, 0x00000006,
  0x000000b2, 0x000000b1, 0x00050080, 0x00000006, 0x000000b3, 0x000000b0, 0x000000b2, 0x00050051,
  0x00000006, 0x000000b4, 0x0000001a, 0x00000000, 0x00050084, 0x00000006, 0x000000b5, 0x000000b3,
  0x000000b4, 0x00050041, 0x0000000e, 0x000000b6, 0x0000001d, 0x00000012, 0x0004003d, 0x00000006,
  0x000000b7, 0x000000b6, 0x00050080, 0x00000006, 0x000000b8, 0x000000b5, 0x000000b7, 0x00050041,
  0x0000002c, 0x0000002d, 0x0000002a, 0x0000002b, 0x0004003d, 0x00000006, 0x0000002e, 0x0000002d,
  0x000500ae, 0x0000002f, 0x00000030, 0x000000b8, 0x0000002e, 0x000300f7, 0x00000032, 0x00000000,
  0x000400fa, 0x00000030, 0x00000031, 0x00000032, 0x000200f8, 0x00000031, 0x000200f9, 0x000000a4,
  0x000200f8, 0x00000032, 0x00050041, 0x00000037, 0x00000038, 0x0000002a, 0x00000036, 0x0004003d,
  0x00000027, 0x00000039, 0x00000038, 0x00050041, 0x00000037, 0x0000003b, 0x0000002a, 0x0000003a,
  0x0004003d, 0x00000027, 0x0000003c, 0x0000003b, 0x00050084, 0x00000027, 0x0000003d, 0x00000039,
  0x0000003c, 0x00050041, 0x00000037, 0x00000040, 0x0000002a, 0x0000003f, 0x0004003d, 0x00000027,
  0x00000041, 0x00000040, 0x00050041, 0x00000037, 0x00000043, 0x0000002a, 0x00000042, 0x0004003d,
  0x00000027, 0x00000044, 0x00000043, 0x00050084, 0x00000027, 0x00000045, 0x00000041, 0x00000044,
  0x00050041, 0x0000002c, 0x00000048, 0x0000002a, 0x00000047, 0x0004003d, 0x00000006, 0x00000049,
  0x00000048, 0x0004007c, 0x00000006, 0x0000004c, 0x0000003d, 0x00050084, 0x00000006, 0x0000004d,
  0x000000b8, 0x0000004c, 0x00050080, 0x00000006, 0x0000004e, 0x00000049, 0x0000004d, 0x0004007c,
  0x00000006, 0x00000052, 0x00000045, 0x00050084, 0x00000006, 0x00000053, 0x000000b8, 0x00000052,
  0x000200f9, 0x00000056, 0x000200f8, 0x00000056, 0x000700f5, 0x00000027, 0x000000b9, 0x00000055,
  0x00000032, 0x0000006c, 0x00000057, 0x000500b1, 0x0000002f, 0x0000005d, 0x000000b9, 0x0000003d,
  0x000400f6, 0x00000058, 0x00000057, 0x00000000, 0x000400fa, 0x0000005d, 0x00000057, 0x00000058,
  0x000200f8, 0x00000057, 0x0004007c, 0x00000006, 0x00000065, 0x000000b9, 0x00050080, 0x00000006,
  0x00000066, 0x0000004e, 0x00000065, 0x00060041, 0x00000068, 0x00000069, 0x00000062, 0x00000055,
  0x00000066, 0x0003003e, 0x00000069, 0x00000067, 0x00050080, 0x00000027, 0x0000006c, 0x000000b9,
  0x0000006b, 0x000200f9, 0x00000056, 0x000200f8, 0x00000058, 0x000200f9, 0x0000006e, 0x000200f8,
  0x0000006e, 0x000700f5, 0x00000027, 0x000000ba, 0x00000055, 0x00000058, 0x000000a3, 0x00000071,
  0x000500b1, 0x0000002f, 0x00000075, 0x000000ba, 0x00000045, 0x000400f6, 0x00000070, 0x00000071,
  0x00000000, 0x000400fa, 0x00000075, 0x0000006f, 0x00000070, 0x000200f8, 0x0000006f, 0x00050041,
  0x0000002c, 0x0000007b, 0x0000002a, 0x0000006b, 0x0004003d, 0x00000006, 0x0000007c, 0x0000007b,
  0x00050080, 0x00000006, 0x0000007e, 0x0000007c, 0x00000053, 0x0004007c, 0x00000006, 0x00000080,
  0x000000ba, 0x00050080, 0x00000006, 0x00000081, 0x0000007e, 0x00000080, 0x00060041, 0x00000082,
  0x00000083, 0x0000007a, 0x00000055, 0x00000081, 0x0004003d, 0x00000027, 0x00000084, 0x00000083,
  0x000500af, 0x0000002f, 0x00000086, 0x00000084, 0x00000055, 0x000500b1, 0x0000002f, 0x00000089,
  0x00000084, 0x0000003d, 0x000500a7, 0x0000002f, 0x0000008a, 0x00000086, 0x00000089, 0x000300f7,
  0x0000008c, 0x00000000, 0x000400fa, 0x0000008a, 0x0000008b, 0x0000008c, 0x000200f8, 0x0000008b,
  0x0004007c, 0x00000006, 0x0000008f, 0x00000084, 0x00050080, 0x00000006, 0x00000090, 0x0000004e,
  0x0000008f, 0x00050041, 0x0000002c, 0x00000095, 0x0000002a, 0x00000055, 0x0004003d, 0x00000006,
  0x00000096, 0x00000095, 0x00050080, 0x00000006, 0x00000098, 0x00000096, 0x00000053, 0x00050080,
  0x00000006, 0x0000009b, 0x00000098, 0x00000080, 0x00060041, 0x00000068, 0x0000009c, 0x00000094,
  0x00000055, 0x0000009b, 0x0004003d, 0x0000005e, 0x0000009d, 0x0000009c, 0x00060041, 0x00000068,
  0x0000009e, 0x00000062, 0x00000055, 0x00000090, 0x0004003d, 0x0000005e, 0x0000009f, 0x0000009e,
  0x00050081, 0x0000005e, 0x000000a0, 0x0000009f, 0x0000009d, 0x0003003e, 0x0000009e, 0x000000a0,
  0x000200f9, 0x0000008c, 0x000200f8, 0x0000008c, 0x000200f9, 0x00000071, 0x000200f8, 0x00000071,
  0x00050080, 0x00000027, 0x000000a3, 0x000000ba, 0x0000006b, 0x000200f9, 0x0000006e, 0x000200f8,
  0x00000070, 0x000200f9, 0x000000a4, 0x000200f8, 0x000000a4, 0x000100fd, 0x00010038,
};
static const uint32_t dive__spv_avgpool_fwd[] = { /* avgpool_fwd.comp, 482 words */
  0x07230203, 0x00010300, 0x0008000b, 0x00000080, 0x00000000, 0x00020011, 0x00000001, 0x0006000b,
  0x00000001, 0x4c534c47, 0x6474732e, 0x3035342e, 0x00000000, 0x0003000e, 0x00000000, 0x00000001,
  0x0008000f, 0x00000005, 0x00000004, 0x6e69616d, 0x00000000, 0x0000000c, 0x00000011, 0x0000001d,
  0x00060010, 0x00000004, 0x00000011, 0x00000100, 0x00000001, 0x00000001, 0x00040047, 0x0000000c,
  0x0000000b, 0x0000001a, 0x00040047, 0x00000011, 0x0000000b, 0x00000018, 0x00040047, 0x00000019,
  0x00000001, 0x00000000, 0x00040047, 0x0000001a, 0x0000000b, 0x00000019, 0x00040047, 0x0000001d,
  0x0000000b, 0x0000001b, 0x00050048, 0x00000027, 0x00000000, 0x00000023, 0x00000000, 0x00050048,
  0x00000027, 0x00000001, 0x00000023, 0x00000004, 0x00050048, 0x00000027, 0x00000002, 0x00000023,
  0x00000008, 0x00050048, 0x00000027, 0x00000003, 0x00000023, 0x0000000c, 0x00030047, 0x00000027,
  0x00000002, 0x00040047, 0x0000004c, 0x00000006, 0x00000004, 0x00040048, 0x0000004d, 0x00000000,
  0x00000018, 0x00050048, 0x0000004d, 0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x0000004d,
  0x00000002, 0x00040047, 0x0000004f, 0x00000022, 0x00000000, 0x00040047, 0x0000004f, 0x00000021,
  0x00000000, 0x00040047, 0x0000005b, 0x00000006, 0x00000004, 0x00040048, 0x0000005c, 0x00000000,
  0x00000019, 0x00050048, 0x0000005c, 0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x0000005c,
  0x00000002, 0x00040047, 0x0000005e, 0x00000022, 0x00000000, 0x00040047, 0x0000005e, 0x00000021,
  0x00000001, 0x00020013, 0x00000002, 0x00030021, 0x00000003, 0x00000002, 0x00040015, 0x00000006,
  0x00000020, 0x00000000, 0x00040017, 0x0000000a, 0x00000006, 0x00000003, 0x00040020, 0x0000000b,
  0x00000001, 0x0000000a, 0x0004003b, 0x0000000b, 0x0000000c, 0x00000001, 0x0004002b, 0x00000006,
  0x0000000d, 0x00000001, 0x00040020, 0x0000000e, 0x00000001, 0x00000006, 0x0004003b, 0x0000000b,
  0x00000011, 0x00000001, 0x0004002b, 0x00000006, 0x00000012, 0x00000000, 0x00040032, 0x00000006,
  0x00000019, 0x00000100, 0x00060033, 0x0000000a, 0x0000001a, 0x00000019, 0x0000000d, 0x0000000d,
  0x0004003b, 0x0000000b, 0x0000001d, 0x00000001, 0x0006001e, 0x00000027, 0x00000006, 0x00000006,
  0x00000006, 0x00000006, 0x00040020, 0x00000028, 0x00000009, 0x00000027, 0x0004003b, 0x00000028,
  0x00000029, 0x00000009, 0x00040015, 0x0000002a, 0x00000020, 0x00000001, 0x0004002b, 0x0000002a,
  0x0000002b, 0x00000003, 0x00040020, 0x0000002c, 0x00000009, 0x00000006, 0x00020014, 0x0000002f,
  0x0004002b, 0x0000002a, 0x00000035, 0x00000000, 0x0004002b, 0x0000002a, 0x00000039, 0x00000002,
  0x00030016, 0x0000003e, 0x00000020, 0x0004002b, 0x0000003e, 0x00000041, 0x00000000, 0x0003001d,
  0x0000004c, 0x0000003e, 0x0003001e, 0x0000004d, 0x0000004c, 0x00040020, 0x0000004e, 0x0000000c,
  0x0000004d, 0x0004003b, 0x0000004e, 0x0000004f, 0x0000000c, 0x00040020, 0x00000053, 0x0000000c,
  0x0000003e, 0x0004002b, 0x0000002a, 0x00000059, 0x00000001, 0x0003001d, 0x0000005b, 0x0000003e,
  0x0003001e, 0x0000005c, 0x0000005b, 0x00040020, 0x0000005d, 0x0000000c, 0x0000005c, 0x0004003b,
  0x0000005d, 0x0000005e, 0x0000000c, 0x00050036, 0x00000002, 0x00000004, 0x00000000, 0x00000003,
  0x000200f8, 0x00000005, 0x000300f7, 0x00000069, 0x00000000, 0x000300fb, 0x00000012, 0x0000006a,
  0x000200f8, 0x0000006a, 0x00050041, 0x0000000e, 0x00000071, 0x0000000c, 0x0000000d, 0x0004003d,
  0x00000006, 0x00000072, 0x00000071, 0x00050041, 0x0000000e, 0x00000073, 0x00000011, 0x00000012,
  0x0004003d, 0x00000006, 0x00000074, 0x00000073, 0x00050084, 0x00000006, 0x00000075, 0x00000072,
  0x00000074, 0x00050041, 0x0000000e, 0x00000076, 0x0000000c, 0x00000012, 0x0004003d, 0x00000006,
  0x00000077, 0x00000076, 0x00050080, 0x00000006, 0x00000078, 0x00000075, 0x00000077, 0x00050051,
  0x00000006, 0x00000079, 0x0000001a, 0x00000000, 0x00050084, 0x00000006, 0x0000007a, 0x00000078,
  0x00000079, 0x00050041, 0x0000000e, 0x0000007b, 0x0000001d, 0x00000012, 0x0004003d, 0x00000006,
  0x0000007c, 0x0000007b, 0x00050080, 0x00000006, 0x0000007d, 0x0000007a, 0x0000007c, 0x00050041,
  0x0000002c, 0x0000002d, 0x00000029, 0x0000002b, 0x0004003d, 0x00000006, 0x0000002e, 0x0000002d,
  0x000500ae, 0x0000002f, 0x00000030, 0x0000007d, 0x0000002e, 0x000300f7, 0x00000032, 0x00000000,
  0x000400fa, 0x00000030, 0x00000031, 0x00000032, 0x000200f8, 0x00000031, 0x000200f9, 0x00000069,
  0x000200f8, 0x00000032, 0x00050041, 0x0000002c, 0x00000036, 0x00000029, 0x00000035, 0x0004003d,
  0x00000006, 0x00000037, 0x00000036, 0x00050041, 0x0000002c, 0x0000003a, 0x00000029, 0x00000039,
  0x0004003d, 0x00000006, 0x0000003b, 0x0000003a, 0x00050084, 0x00000006, 0x0000003c, 0x0000007d,
  0x0000003b, 0x00050080, 0x00000006, 0x0000003d, 0x00000037, 0x0000003c, 0x000200f9, 0x00000043,
  0x000200f8, 0x00000043, 0x000700f5, 0x0000003e, 0x0000007f, 0x00000041, 0x00000032, 0x00000057,
  0x00000044, 0x000700f5, 0x00000006, 0x0000007e, 0x00000012, 0x00000032, 0x0000005a, 0x00000044,
  0x000500b0, 0x0000002f, 0x0000004b, 0x0000007e, 0x0000003b, 0x000400f6, 0x00000045, 0x00000044,
  0x00000000, 0x000400fa, 0x0000004b, 0x00000044, 0x00000045, 0x000200f8, 0x00000044, 0x00050080,
  0x00000006, 0x00000052, 0x0000003d, 0x0000007e, 0x00060041, 0x00000053, 0x00000054, 0x0000004f,
  0x00000035, 0x00000052, 0x0004003d, 0x0000003e, 0x00000055, 0x00000054, 0x00050081, 0x0000003e,
  0x00000057, 0x0000007f, 0x00000055, 0x00050080, 0x00000006, 0x0000005a, 0x0000007e, 0x00000059,
  0x000200f9, 0x00000043, 0x000200f8, 0x00000045, 0x00050041, 0x0000002c, 0x0000005f, 0x00000029,
  0x00000059, 0x0004003d, 0x00000006, 0x00000060, 0x0000005f, 0x00050080, 0x00000006, 0x00000062,
  0x00000060, 0x0000007d, 0x00040070, 0x0000003e, 0x00000066, 0x0000003b, 0x00050088, 0x0000003e,
  0x00000067, 0x0000007f, 0x00000066, 0x00060041, 0x00000053, 0x00000068, 0x0000005e, 0x00000035,
  0x00000062, 0x0003003e, 0x00000068, 0x00000067, 0x000200f9, 0x00000069, 0x000200f8, 0x00000069,
  0x000100fd, 0x00010038,
};
static const uint32_t dive__spv_avgpool_bwd[] = { /* avgpool_bwd.comp, 426 words */
  0x07230203, 0x00010300, 0x0008000b, 0x00000068, 0x00000000, 0x00020011, 0x00000001, 0x0006000b,
  0x00000001, 0x4c534c47, 0x6474732e, 0x3035342e, 0x00000000, 0x0003000e, 0x00000000, 0x00000001,
  0x0008000f, 0x00000005, 0x00000004, 0x6e69616d, 0x00000000, 0x0000000c, 0x00000011, 0x0000001d,
  0x00060010, 0x00000004, 0x00000011, 0x00000100, 0x00000001, 0x00000001, 0x00040047, 0x0000000c,
  0x0000000b, 0x0000001a, 0x00040047, 0x00000011, 0x0000000b, 0x00000018, 0x00040047, 0x00000019,
  0x00000001, 0x00000000, 0x00040047, 0x0000001a, 0x0000000b, 0x00000019, 0x00040047, 0x0000001d,
  0x0000000b, 0x0000001b, 0x00050048, 0x00000027, 0x00000000, 0x00000023, 0x00000000, 0x00050048,
  0x00000027, 0x00000001, 0x00000023, 0x00000004, 0x00050048, 0x00000027, 0x00000002, 0x00000023,
  0x00000008, 0x00050048, 0x00000027, 0x00000003, 0x00000023, 0x0000000c, 0x00030047, 0x00000027,
  0x00000002, 0x00040047, 0x00000035, 0x00000006, 0x00000004, 0x00040048, 0x00000036, 0x00000000,
  0x00000019, 0x00050048, 0x00000036, 0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x00000036,
  0x00000002, 0x00040047, 0x00000038, 0x00000022, 0x00000000, 0x00040047, 0x00000038, 0x00000021,
  0x00000001, 0x00040047, 0x0000003f, 0x00000006, 0x00000004, 0x00040048, 0x00000040, 0x00000000,
  0x00000018, 0x00050048, 0x00000040, 0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x00000040,
  0x00000002, 0x00040047, 0x00000042, 0x00000022, 0x00000000, 0x00040047, 0x00000042, 0x00000021,
  0x00000000, 0x00020013, 0x00000002, 0x00030021, 0x00000003, 0x00000002, 0x00040015, 0x00000006,
  0x00000020, 0x00000000, 0x00040017, 0x0000000a, 0x00000006, 0x00000003, 0x00040020, 0x0000000b,
  0x00000001, 0x0000000a, 0x0004003b, 0x0000000b, 0x0000000c, 0x00000001, 0x0004002b, 0x00000006,
  0x0000000d, 0x00000001, 0x00040020, 0x0000000e, 0x00000001, 0x00000006, 0x0004003b, 0x0000000b,
  0x00000011, 0x00000001, 0x0004002b, 0x00000006, 0x00000012, 0x00000000, 0x00040032, 0x00000006,
  0x00000019, 0x00000100, 0x00060033, 0x0000000a, 0x0000001a, 0x00000019, 0x0000000d, 0x0000000d,
  0x0004003b, 0x0000000b, 0x0000001d, 0x00000001, 0x0006001e, 0x00000027, 0x00000006, 0x00000006,
  0x00000006, 0x00000006, 0x00040020, 0x00000028, 0x00000009, 0x00000027, 0x0004003b, 0x00000028,
  0x00000029, 0x00000009, 0x00040015, 0x0000002a, 0x00000020, 0x00000001, 0x0004002b, 0x0000002a,
  0x0000002b, 0x00000003, 0x00040020, 0x0000002c, 0x00000009, 0x00000006, 0x00020014, 0x0000002f,
  0x00030016, 0x00000034, 0x00000020, 0x0003001d, 0x00000035, 0x00000034, 0x0003001e, 0x00000036,
  0x00000035, 0x00040020, 0x00000037, 0x0000000c, 0x00000036, 0x0004003b, 0x00000037, 0x00000038,
  0x0000000c, 0x0004002b, 0x0000002a, 0x00000039, 0x00000000, 0x0004002b, 0x0000002a, 0x0000003a,
  0x00000001, 0x0003001d, 0x0000003f, 0x00000034, 0x0003001e, 0x00000040, 0x0000003f, 0x00040020,
  0x00000041, 0x0000000c, 0x00000040, 0x0004003b, 0x00000041, 0x00000042, 0x0000000c, 0x0004002b,
  0x0000002a, 0x00000046, 0x00000002, 0x00040020, 0x0000004b, 0x0000000c, 0x00000034, 0x00050036,
  0x00000002, 0x00000004, 0x00000000, 0x00000003, 0x000200f8, 0x00000005, 0x000300f7, 0x00000053,
  0x00000000, 0x000300fb, 0x00000012, 0x00000054, 0x000200f8, 0x00000054, 0x00050041, 0x0000000e,
  0x0000005b, 0x0000000c, 0x0000000d, 0x0004003d, 0x00000006, 0x0000005c, 0x0000005b, 0x00050041,
  0x0000000e, 0x0000005d, 0x00000011, 0x00000012, 0x0004003d, 0x00000006, 0x0000005e, 0x0000005d,
  0x00050084, 0x00000006, 0x0000005f, 0x0000005c, 0x0000005e, 0x00050041, 0x0000000e, 0x00000060,
  0x0000000c, 0x00000012, 0x0004003d, 0x00000006, 0x00000061, 0x00000060, 0x00050080, 0x00000006,
  0x00000062, 0x0000005f, 0x00000061, 0x00050051, 0x00000006, 0x00000063, 0x0000001a, 0x00000000,
  0x00050084, 0x00000006, 0x00000064, 0x00000062, 0x00000063, 0x00050041, 0x0000000e, 0x00000065,
  0x0000001d, 0x00000012, 0x0004003d, 0x00000006, 0x00000066, 0x00000065, 0x00050080, 0x00000006,
  0x00000067, 0x00000064, 0x00000066, 0x00050041, 0x0000002c, 0x0000002d, 0x00000029, 0x0000002b,
  0x0004003d, 0x00000006, 0x0000002e, 0x0000002d, 0x000500ae, 0x0000002f, 0x00000030, 0x00000067,
  0x0000002e, 0x000300f7, 0x00000032, 0x00000000, 0x000400fa, 0x00000030, 0x00000031, 0x00000032,
  0x000200f8, 0x00000031, 0x000200f9, 0x00000053, 0x000200f8, 0x00000032, 0x00050041, 0x0000002c,
  0x0000003b, 0x00000029, 0x0000003a, 0x0004003d, 0x00000006, 0x0000003c, 0x0000003b, 0x00050080,
  0x00000006, 0x0000003e, 0x0000003c, 0x00000067, 0x00050041, 0x0000002c, 0x00000043, 0x00000029,
  0x00000039, 0x0004003d, 0x00000006, 0x00000044, 0x00000043, 0x00050041, 0x0000002c, 0x00000047,
  0x00000029, 0x00000046, 0x0004003d, 0x00000006, 0x00000048, 0x00000047, 0x00050086, 0x00000006,
  0x00000049, 0x00000067, 0x00000048, 0x00050080, 0x00000006, 0x0000004a, 0x00000044, 0x00000049,
  0x00060041, 0x0000004b, 0x0000004c, 0x00000042, 0x00000039, 0x0000004a, 0x0004003d, 0x00000034,
  0x0000004d, 0x0000004c, 0x00040070, 0x00000034, 0x00000050, 0x00000048, 0x00050088, 0x00000034,
  0x00000051, 0x0000004d, 0x00000050, 0x00060041, 0x0000004b, 0x00000052, 0x00000038, 0x00000039,
  0x0000003e, 0x0003003e, 0x00000052, 0x00000051, 0x000200f9, 0x00000053, 0x000200f8, 0x00000053,
  0x000100fd, 0x00010038,
};
static const uint32_t dive__spv_loss_fwd[] = { /* loss_fwd.comp, 2449 words */
  0x07230203, 0x00010300, 0x0008000b, 0x000002fd, 0x00000000, 0x00020011, 0x00000001, 0x0006000b,
  0x00000001, 0x4c534c47, 0x6474732e, 0x3035342e, 0x00000000, 0x0003000e, 0x00000000, 0x00000001,
  0x0008000f, 0x00000005, 0x00000004, 0x6e69616d, 0x00000000, 0x00000013, 0x00000018, 0x00000024,
  0x00060010, 0x00000004, 0x00000011, 0x00000100, 0x00000001, 0x00000001, 0x00040047, 0x00000013,
  0x0000000b, 0x0000001a, 0x00040047, 0x00000018, 0x0000000b, 0x00000018, 0x00040047, 0x00000020,
  0x00000001, 0x00000000, 0x00040047, 0x00000021, 0x0000000b, 0x00000019, 0x00040047, 0x00000024,
  0x0000000b, 0x0000001b, 0x00040047, 0x0000002a, 0x00000006, 0x00000004, 0x00040048, 0x0000002b,
  0x00000000, 0x00000018, 0x00050048, 0x0000002b, 0x00000000, 0x00000023, 0x00000000, 0x00030047,
  0x0000002b, 0x00000002, 0x00040047, 0x0000002d, 0x00000022, 0x00000000, 0x00040047, 0x0000002d,
  0x00000021, 0x00000000, 0x00050048, 0x00000030, 0x00000000, 0x00000023, 0x00000000, 0x00050048,
  0x00000030, 0x00000001, 0x00000023, 0x00000004, 0x00050048, 0x00000030, 0x00000002, 0x00000023,
  0x00000008, 0x00050048, 0x00000030, 0x00000003, 0x00000023, 0x0000000c, 0x00050048, 0x00000030,
  0x00000004, 0x00000023, 0x00000010, 0x00050048, 0x00000030, 0x00000005, 0x00000023, 0x00000014,
  0x00050048, 0x00000030, 0x00000006, 0x00000023, 0x00000018, 0x00050048, 0x00000030, 0x00000007,
  0x00000023, 0x0000001c, 0x00050048, 0x00000030, 0x00000008, 0x00000023, 0x00000020, 0x00050048,
  0x00000030, 0x00000009, 0x00000023, 0x00000024, 0x00050048, 0x00000030, 0x0000000a, 0x00000023,
  0x00000028, 0x00050048, 0x00000030, 0x0000000b, 0x00000023, 0x0000002c, 0x00050048, 0x00000030,
  0x0000000c, 0x00000023, 0x00000030, 0x00050048, 0x00000030, 0x0000000d, 0x00000023, 0x00000034,
  0x00050048, 0x00000030, 0x0000000e, 0x00000023, 0x00000038, 0x00050048, 0x00000030, 0x0000000f,
  0x00000023, 0x0000003c, 0x00050048, 0x00000030, 0x00000010, 0x00000023, 0x00000040, 0x00050048,
  0x00000030, 0x00000011, 0x00000023, 0x00000044, 0x00030047, 0x00000030, 0x00000002, 0x00040047,
  0x00000046, 0x00000006, 0x00000004, 0x00040048, 0x00000047, 0x00000000, 0x00000018, 0x00050048,
  0x00000047, 0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x00000047, 0x00000002, 0x00040047,
  0x00000049, 0x00000022, 0x00000000, 0x00040047, 0x00000049, 0x00000021, 0x00000003, 0x00040047,
  0x0000006b, 0x00000006, 0x00000004, 0x00040048, 0x0000006c, 0x00000000, 0x00000018, 0x00050048,
  0x0000006c, 0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x0000006c, 0x00000002, 0x00040047,
  0x0000006e, 0x00000022, 0x00000000, 0x00040047, 0x0000006e, 0x00000021, 0x00000001, 0x00040047,
  0x00000083, 0x00000006, 0x00000004, 0x00040048, 0x00000084, 0x00000000, 0x00000019, 0x00050048,
  0x00000084, 0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x00000084, 0x00000002, 0x00040047,
  0x00000086, 0x00000022, 0x00000000, 0x00040047, 0x00000086, 0x00000021, 0x00000005, 0x00040047,
  0x0000009e, 0x00000006, 0x00000004, 0x00050048, 0x0000009f, 0x00000000, 0x00000023, 0x00000000,
  0x00030047, 0x0000009f, 0x00000002, 0x00040047, 0x000000a1, 0x00000022, 0x00000000, 0x00040047,
  0x000000a1, 0x00000021, 0x00000004, 0x00040047, 0x0000015e, 0x00000006, 0x00000004, 0x00040048,
  0x0000015f, 0x00000000, 0x00000018, 0x00050048, 0x0000015f, 0x00000000, 0x00000023, 0x00000000,
  0x00030047, 0x0000015f, 0x00000002, 0x00040047, 0x00000161, 0x00000022, 0x00000000, 0x00040047,
  0x00000161, 0x00000021, 0x00000002, 0x00020013, 0x00000002, 0x00030021, 0x00000003, 0x00000002,
  0x00040015, 0x00000006, 0x00000020, 0x00000000, 0x00030016, 0x0000000b, 0x00000020, 0x00040017,
  0x00000011, 0x00000006, 0x00000003, 0x00040020, 0x00000012, 0x00000001, 0x00000011, 0x0004003b,
  0x00000012, 0x00000013, 0x00000001, 0x0004002b, 0x00000006, 0x00000014, 0x00000001, 0x00040020,
  0x00000015, 0x00000001, 0x00000006, 0x0004003b, 0x00000012, 0x00000018, 0x00000001, 0x0004002b,
  0x00000006, 0x00000019, 0x00000000, 0x00040032, 0x00000006, 0x00000020, 0x00000100, 0x00060033,
  0x00000011, 0x00000021, 0x00000020, 0x00000014, 0x00000014, 0x0004003b, 0x00000012, 0x00000024,
  0x00000001, 0x0003001d, 0x0000002a, 0x0000000b, 0x0003001e, 0x0000002b, 0x0000002a, 0x00040020,
  0x0000002c, 0x0000000c, 0x0000002b, 0x0004003b, 0x0000002c, 0x0000002d, 0x0000000c, 0x00040015,
  0x0000002e, 0x00000020, 0x00000001, 0x0004002b, 0x0000002e, 0x0000002f, 0x00000000, 0x0014001e,
  0x00000030, 0x00000006, 0x00000006, 0x00000006, 0x00000006, 0x00000006, 0x00000006, 0x00000006,
  0x00000006, 0x00000006, 0x00000006, 0x00000006, 0x00000006, 0x00000006, 0x0000000b, 0x0000000b,
  0x0000000b, 0x0000000b, 0x0000000b, 0x00040020, 0x00000031, 0x00000009, 0x00000030, 0x0004003b,
  0x00000031, 0x00000032, 0x00000009, 0x00040020, 0x00000033, 0x00000009, 0x00000006, 0x00040020,
  0x0000003a, 0x0000000c, 0x0000000b, 0x0004002b, 0x0000002e, 0x0000003d, 0x00000009, 0x00020014,
  0x00000040, 0x0003001d, 0x00000046, 0x0000000b, 0x0003001e, 0x00000047, 0x00000046, 0x00040020,
  0x00000048, 0x0000000c, 0x00000047, 0x0004003b, 0x00000048, 0x00000049, 0x0000000c, 0x0004002b,
  0x0000002e, 0x0000004a, 0x00000003, 0x0004002b, 0x0000000b, 0x00000052, 0x00000000, 0x0004002b,
  0x0000002e, 0x0000005a, 0x00000006, 0x0004002b, 0x0000002e, 0x00000062, 0x00000007, 0x0003001d,
  0x0000006b, 0x0000002e, 0x0003001e, 0x0000006c, 0x0000006b, 0x00040020, 0x0000006d, 0x0000000c,
  0x0000006c, 0x0004003b, 0x0000006d, 0x0000006e, 0x0000000c, 0x0004002b, 0x0000002e, 0x0000006f,
  0x00000001, 0x00040020, 0x00000074, 0x0000000c, 0x0000002e, 0x0003001d, 0x00000083, 0x0000000b,
  0x0003001e, 0x00000084, 0x00000083, 0x00040020, 0x00000085, 0x0000000c, 0x00000084, 0x0004003b,
  0x00000085, 0x00000086, 0x0000000c, 0x0004002b, 0x0000002e, 0x00000087, 0x00000005, 0x0004002b,
  0x0000002e, 0x0000008f, 0x0000000c, 0x0003001d, 0x0000009e, 0x0000000b, 0x0003001e, 0x0000009f,
  0x0000009e, 0x00040020, 0x000000a0, 0x0000000c, 0x0000009f, 0x0004003b, 0x000000a0, 0x000000a1,
  0x0000000c, 0x0004002b, 0x0000002e, 0x000000a2, 0x00000004, 0x0004002b, 0x0000000b, 0x000000b1,
  0x3f800000, 0x0004002b, 0x0000002e, 0x000000b7, 0x00000010, 0x00040020, 0x000000b8, 0x00000009,
  0x0000000b, 0x0004002b, 0x0000002e, 0x000000bc, 0x00000008, 0x0004002b, 0x0000000b, 0x000000c3,
  0xff7fffff, 0x0004002b, 0x0000002e, 0x000000f1, 0x0000000d, 0x0004002b, 0x0000002e, 0x0000012a,
  0x0000000a, 0x0004002b, 0x0000002e, 0x00000131, 0x00000011, 0x0004002b, 0x0000002e, 0x0000013c,
  0x0000000f, 0x0003001d, 0x0000015e, 0x0000000b, 0x0003001e, 0x0000015f, 0x0000015e, 0x00040020,
  0x00000160, 0x0000000c, 0x0000015f, 0x0004003b, 0x00000160, 0x00000161, 0x0000000c, 0x0004002b,
  0x0000002e, 0x00000162, 0x00000002, 0x0004002b, 0x0000002e, 0x000001c9, 0x0000000b, 0x0004002b,
  0x0000002e, 0x00000200, 0x0000000e, 0x0004002b, 0x0000000b, 0x000002b3, 0x7fc00000, 0x00050036,
  0x00000002, 0x00000004, 0x00000000, 0x00000003, 0x000200f8, 0x00000005, 0x000300f7, 0x00000238,
  0x00000000, 0x000300fb, 0x00000019, 0x00000239, 0x000200f8, 0x00000239, 0x00050041, 0x00000015,
  0x00000240, 0x00000013, 0x00000014, 0x0004003d, 0x00000006, 0x00000241, 0x00000240, 0x00050041,
  0x00000015, 0x00000242, 0x00000018, 0x00000019, 0x0004003d, 0x00000006, 0x00000243, 0x00000242,
  0x00050084, 0x00000006, 0x00000244, 0x00000241, 0x00000243, 0x00050041, 0x00000015, 0x00000245,
  0x00000013, 0x00000019, 0x0004003d, 0x00000006, 0x00000246, 0x00000245, 0x00050080, 0x00000006,
  0x00000247, 0x00000244, 0x00000246, 0x00050051, 0x00000006, 0x00000248, 0x00000021, 0x00000000,
  0x00050084, 0x00000006, 0x00000249, 0x00000247, 0x00000248, 0x00050041, 0x00000015, 0x0000024a,
  0x00000024, 0x00000019, 0x0004003d, 0x00000006, 0x0000024b, 0x0000024a, 0x00050080, 0x00000006,
  0x0000024c, 0x00000249, 0x0000024b, 0x00050041, 0x00000033, 0x0000005b, 0x00000032, 0x0000005a,
  0x0004003d, 0x00000006, 0x0000005c, 0x0000005b, 0x000500ae, 0x00000040, 0x0000005d, 0x0000024c,
  0x0000005c, 0x000300f7, 0x0000005f, 0x00000000, 0x000400fa, 0x0000005d, 0x0000005e, 0x0000005f,
  0x000200f8, 0x0000005e, 0x000200f9, 0x00000238, 0x000200f8, 0x0000005f, 0x00050041, 0x00000033,
  0x00000063, 0x00000032, 0x00000062, 0x0004003d, 0x00000006, 0x00000064, 0x00000063, 0x00050084,
  0x00000006, 0x00000068, 0x0000024c, 0x00000064, 0x00050041, 0x00000033, 0x00000070, 0x00000032,
  0x0000006f, 0x0004003d, 0x00000006, 0x00000071, 0x00000070, 0x00050080, 0x00000006, 0x00000073,
  0x00000071, 0x0000024c, 0x00060041, 0x00000074, 0x00000075, 0x0000006e, 0x0000002f, 0x00000073,
  0x0004003d, 0x0000002e, 0x00000076, 0x00000075, 0x000500b1, 0x00000040, 0x00000078, 0x00000076,
  0x0000002f, 0x000400a8, 0x00000040, 0x00000079, 0x00000078, 0x000300f7, 0x0000007b, 0x00000000,
  0x000400fa, 0x00000079, 0x0000007a, 0x0000007b, 0x000200f8, 0x0000007a, 0x0004007c, 0x00000006,
  0x0000007d, 0x00000076, 0x000500ae, 0x00000040, 0x0000007f, 0x0000007d, 0x00000064, 0x000200f9,
  0x0000007b, 0x000200f8, 0x0000007b, 0x000700f5, 0x00000040, 0x00000080, 0x00000078, 0x0000005f,
  0x0000007f, 0x0000007a, 0x000300f7, 0x00000082, 0x00000000, 0x000400fa, 0x00000080, 0x00000081,
  0x00000082, 0x000200f8, 0x00000081, 0x00050041, 0x00000033, 0x00000088, 0x00000032, 0x00000087,
  0x0004003d, 0x00000006, 0x00000089, 0x00000088, 0x00050080, 0x00000006, 0x0000008b, 0x00000089,
  0x0000024c, 0x00060041, 0x0000003a, 0x0000008e, 0x00000086, 0x0000002f, 0x0000008b, 0x0003003e,
  0x0000008e, 0x000002b3, 0x00050041, 0x00000033, 0x00000090, 0x00000032, 0x0000008f, 0x0004003d,
  0x00000006, 0x00000091, 0x00000090, 0x000500ab, 0x00000040, 0x00000092, 0x00000091, 0x00000019,
  0x000300f7, 0x00000094, 0x00000000, 0x000400fa, 0x00000092, 0x00000093, 0x00000094, 0x000200f8,
  0x00000093, 0x000200f9, 0x00000096, 0x000200f8, 0x00000096, 0x000700f5, 0x00000006, 0x000002f7,
  0x00000019, 0x00000093, 0x000000ab, 0x00000097, 0x000500b0, 0x00000040, 0x0000009d, 0x000002f7,
  0x00000064, 0x000400f6, 0x00000098, 0x00000097, 0x00000000, 0x000400fa, 0x0000009d, 0x00000097,
  0x00000098, 0x000200f8, 0x00000097, 0x00050041, 0x00000033, 0x000000a3, 0x00000032, 0x000000a2,
  0x0004003d, 0x00000006, 0x000000a4, 0x000000a3, 0x00050080, 0x00000006, 0x000000a6, 0x000000a4,
  0x00000068, 0x00050080, 0x00000006, 0x000000a8, 0x000000a6, 0x000002f7, 0x00060041, 0x0000003a,
  0x000000a9, 0x000000a1, 0x0000002f, 0x000000a8, 0x0003003e, 0x000000a9, 0x00000052, 0x00050080,
  0x00000006, 0x000000ab, 0x000002f7, 0x0000006f, 0x000200f9, 0x00000096, 0x000200f8, 0x00000098,
  0x000200f9, 0x00000094, 0x000200f8, 0x00000094, 0x000200f9, 0x00000238, 0x000200f8, 0x00000082,
  0x0004007c, 0x00000006, 0x000000af, 0x00000076, 0x00040070, 0x0000000b, 0x000000b4, 0x0000005c,
  0x00050088, 0x0000000b, 0x000000b5, 0x000000b1, 0x000000b4, 0x00050041, 0x000000b8, 0x000000b9,
  0x00000032, 0x000000b7, 0x0004003d, 0x0000000b, 0x000000ba, 0x000000b9, 0x00050041, 0x00000033,
  0x000000bd, 0x00000032, 0x000000bc, 0x0004003d, 0x00000006, 0x000000be, 0x000000bd, 0x000500ab,
  0x00000040, 0x000000bf, 0x000000be, 0x00000019, 0x000300f7, 0x000000c1, 0x00000000, 0x000400fa,
  0x000000bf, 0x000000c0, 0x000000c1, 0x000200f8, 0x000000c0, 0x000200f9, 0x000000c6, 0x000200f8,
  0x000000c6, 0x000700f5, 0x0000000b, 0x000002b7, 0x000000c3, 0x000000c0, 0x000000d4, 0x000000c9,
  0x000700f5, 0x00000006, 0x000002b4, 0x00000019, 0x000000c0, 0x000000d6, 0x000000c9, 0x000500b0,
  0x00000040, 0x000000cd, 0x000002b4, 0x00000064, 0x000400f6, 0x000000c8, 0x000000c9, 0x00000000,
  0x000400fa, 0x000000cd, 0x000000c7, 0x000000c8, 0x000200f8, 0x000000c7, 0x00050041, 0x00000033,
  0x00000250, 0x00000032, 0x0000002f, 0x0004003d, 0x00000006, 0x00000251, 0x00000250, 0x00050080,
  0x00000006, 0x00000253, 0x00000251, 0x00000068, 0x00050080, 0x00000006, 0x00000255, 0x00000253,
  0x000002b4, 0x00060041, 0x0000003a, 0x00000256, 0x0000002d, 0x0000002f, 0x00000255, 0x0004003d,
  0x0000000b, 0x00000257, 0x00000256, 0x00050041, 0x00000033, 0x00000258, 0x00000032, 0x0000003d,
  0x0004003d, 0x00000006, 0x00000259, 0x00000258, 0x000500ab, 0x00000040, 0x0000025a, 0x00000259,
  0x00000019, 0x000300f7, 0x00000263, 0x00000000, 0x000400fa, 0x0000025a, 0x0000025b, 0x00000262,
  0x000200f8, 0x0000025b, 0x00050041, 0x00000033, 0x0000025c, 0x00000032, 0x0000004a, 0x0004003d,
  0x00000006, 0x0000025d, 0x0000025c, 0x00050080, 0x00000006, 0x0000025f, 0x0000025d, 0x000002b4,
  0x00060041, 0x0000003a, 0x00000260, 0x00000049, 0x0000002f, 0x0000025f, 0x0004003d, 0x0000000b,
  0x00000261, 0x00000260, 0x000200f9, 0x00000263, 0x000200f8, 0x00000262, 0x000200f9, 0x00000263,
  0x000200f8, 0x00000263, 0x000700f5, 0x0000000b, 0x000002f5, 0x00000261, 0x0000025b, 0x00000052,
  0x00000262, 0x00050081, 0x0000000b, 0x00000265, 0x00000257, 0x000002f5, 0x0007000c, 0x0000000b,
  0x000000d4, 0x00000001, 0x00000028, 0x000002b7, 0x00000265, 0x000200f9, 0x000000c9, 0x000200f8,
  0x000000c9, 0x00050080, 0x00000006, 0x000000d6, 0x000002b4, 0x0000006f, 0x000200f9, 0x000000c6,
  0x000200f8, 0x000000c8, 0x000200f9, 0x000000d8, 0x000200f8, 0x000000d8, 0x000700f5, 0x0000000b,
  0x000002b8, 0x00000052, 0x000000c8, 0x000000e9, 0x000000db, 0x000700f5, 0x00000006, 0x000002b5,
  0x00000019, 0x000000c8, 0x000000eb, 0x000000db, 0x000500b0, 0x00000040, 0x000000df, 0x000002b5,
  0x00000064, 0x000400f6, 0x000000da, 0x000000db, 0x00000000, 0x000400fa, 0x000000df, 0x000000d9,
  0x000000da, 0x000200f8, 0x000000d9, 0x00050041, 0x00000033, 0x00000269, 0x00000032, 0x0000002f,
  0x0004003d, 0x00000006, 0x0000026a, 0x00000269, 0x00050080, 0x00000006, 0x0000026c, 0x0000026a,
  0x00000068, 0x00050080, 0x00000006, 0x0000026e, 0x0000026c, 0x000002b5, 0x00060041, 0x0000003a,
  0x0000026f, 0x0000002d, 0x0000002f, 0x0000026e, 0x0004003d, 0x0000000b, 0x00000270, 0x0000026f,
  0x00050041, 0x00000033, 0x00000271, 0x00000032, 0x0000003d, 0x0004003d, 0x00000006, 0x00000272,
  0x00000271, 0x000500ab, 0x00000040, 0x00000273, 0x00000272, 0x00000019, 0x000300f7, 0x0000027c,
  0x00000000, 0x000400fa, 0x00000273, 0x00000274, 0x0000027b, 0x000200f8, 0x00000274, 0x00050041,
  0x00000033, 0x00000275, 0x00000032, 0x0000004a, 0x0004003d, 0x00000006, 0x00000276, 0x00000275,
  0x00050080, 0x00000006, 0x00000278, 0x00000276, 0x000002b5, 0x00060041, 0x0000003a, 0x00000279,
  0x00000049, 0x0000002f, 0x00000278, 0x0004003d, 0x0000000b, 0x0000027a, 0x00000279, 0x000200f9,
  0x0000027c, 0x000200f8, 0x0000027b, 0x000200f9, 0x0000027c, 0x000200f8, 0x0000027c, 0x000700f5,
  0x0000000b, 0x000002f1, 0x0000027a, 0x00000274, 0x00000052, 0x0000027b, 0x00050081, 0x0000000b,
  0x0000027e, 0x00000270, 0x000002f1, 0x00050083, 0x0000000b, 0x000000e6, 0x0000027e, 0x000002b7,
  0x0006000c, 0x0000000b, 0x000000e7, 0x00000001, 0x0000001b, 0x000000e6, 0x00050081, 0x0000000b,
  0x000000e9, 0x000002b8, 0x000000e7, 0x000200f9, 0x000000db, 0x000200f8, 0x000000db, 0x00050080,
  0x00000006, 0x000000eb, 0x000002b5, 0x0000006f, 0x000200f9, 0x000000d8, 0x000200f8, 0x000000da,
  0x0006000c, 0x0000000b, 0x000000ef, 0x00000001, 0x0000001c, 0x000002b8, 0x00050081, 0x0000000b,
  0x000000f0, 0x000002b7, 0x000000ef, 0x00050041, 0x000000b8, 0x000000f2, 0x00000032, 0x000000f1,
  0x0004003d, 0x0000000b, 0x000000f3, 0x000000f2, 0x00050041, 0x00000033, 0x00000282, 0x00000032,
  0x0000002f, 0x0004003d, 0x00000006, 0x00000283, 0x00000282, 0x00050080, 0x00000006, 0x00000285,
  0x00000283, 0x00000068, 0x00050080, 0x00000006, 0x00000287, 0x00000285, 0x000000af, 0x00060041,
  0x0000003a, 0x00000288, 0x0000002d, 0x0000002f, 0x00000287, 0x0004003d, 0x0000000b, 0x00000289,
  0x00000288, 0x00050041, 0x00000033, 0x0000028a, 0x00000032, 0x0000003d, 0x0004003d, 0x00000006,
  0x0000028b, 0x0000028a, 0x000500ab, 0x00000040, 0x0000028c, 0x0000028b, 0x00000019, 0x000300f7,
  0x00000295, 0x00000000, 0x000400fa, 0x0000028c, 0x0000028d, 0x00000294, 0x000200f8, 0x0000028d,
  0x00050041, 0x00000033, 0x0000028e, 0x00000032, 0x0000004a, 0x0004003d, 0x00000006, 0x0000028f,
  0x0000028e, 0x00050080, 0x00000006, 0x00000291, 0x0000028f, 0x000000af, 0x00060041, 0x0000003a,
  0x00000292, 0x00000049, 0x0000002f, 0x00000291, 0x0004003d, 0x0000000b, 0x00000293, 0x00000292,
  0x000200f9, 0x00000295, 0x000200f8, 0x00000294, 0x000200f9, 0x00000295, 0x000200f8, 0x00000295,
  0x000700f5, 0x0000000b, 0x000002ba, 0x00000293, 0x0000028d, 0x00000052, 0x00000294, 0x00050081,
  0x0000000b, 0x00000297, 0x00000289, 0x000002ba, 0x00050083, 0x0000000b, 0x000000fa, 0x000002b7,
  0x00000297, 0x00050081, 0x0000000b, 0x000000fd, 0x000000fa, 0x000000ef, 0x0008000c, 0x0000000b,
  0x00000100, 0x00000001, 0x00000032, 0x000000f3, 0x000000fd, 0x00000052, 0x00050041, 0x00000033,
  0x00000101, 0x00000032, 0x0000008f, 0x0004003d, 0x00000006, 0x00000102, 0x00000101, 0x000500ab,
  0x00000040, 0x00000103, 0x00000102, 0x00000019, 0x000300f7, 0x00000105, 0x00000000, 0x000400fa,
  0x00000103, 0x00000104, 0x00000105, 0x000200f8, 0x00000104, 0x000200f9, 0x00000107, 0x000200f8,
  0x00000107, 0x000700f5, 0x00000006, 0x000002bf, 0x00000019, 0x00000104, 0x00000129, 0x0000010a,
  0x000500b0, 0x00000040, 0x0000010e, 0x000002bf, 0x00000064, 0x000400f6, 0x00000109, 0x0000010a,
  0x00000000, 0x000400fa, 0x0000010e, 0x00000108, 0x00000109, 0x000200f8, 0x00000108, 0x00050041,
  0x00000033, 0x0000010f, 0x00000032, 0x000000a2, 0x0004003d, 0x00000006, 0x00000110, 0x0000010f,
  0x00050080, 0x00000006, 0x00000112, 0x00000110, 0x00000068, 0x00050080, 0x00000006, 0x00000114,
  0x00000112, 0x000002bf, 0x00050085, 0x0000000b, 0x00000118, 0x000000f3, 0x000000b5, 0x00050080,
  0x00000006, 0x000002a0, 0x00000285, 0x000002bf, 0x00060041, 0x0000003a, 0x000002a1, 0x0000002d,
  0x0000002f, 0x000002a0, 0x0004003d, 0x0000000b, 0x000002a2, 0x000002a1, 0x000300f7, 0x000002ae,
  0x00000000, 0x000400fa, 0x0000028c, 0x000002a6, 0x000002ad, 0x000200f8, 0x000002a6, 0x00050041,
  0x00000033, 0x000002a7, 0x00000032, 0x0000004a, 0x0004003d, 0x00000006, 0x000002a8, 0x000002a7,
  0x00050080, 0x00000006, 0x000002aa, 0x000002a8, 0x000002bf, 0x00060041, 0x0000003a, 0x000002ab,
  0x00000049, 0x0000002f, 0x000002aa, 0x0004003d, 0x0000000b, 0x000002ac, 0x000002ab, 0x000200f9,
  0x000002ae, 0x000200f8, 0x000002ad, 0x000200f9, 0x000002ae, 0x000200f8, 0x000002ae, 0x000700f5,
  0x0000000b, 0x000002ef, 0x000002ac, 0x000002a6, 0x00000052, 0x000002ad, 0x00050081, 0x0000000b,
  0x000002b0, 0x000002a2, 0x000002ef, 0x00050083, 0x0000000b, 0x0000011f, 0x000002b0, 0x000000f0,
  0x0006000c, 0x0000000b, 0x00000120, 0x00000001, 0x0000001b, 0x0000011f, 0x000500aa, 0x00000040,
  0x00000123, 0x000002bf, 0x000000af, 0x000600a9, 0x0000000b, 0x00000124, 0x00000123, 0x000000b1,
  0x00000052, 0x00050083, 0x0000000b, 0x00000125, 0x00000120, 0x00000124, 0x00050085, 0x0000000b,
  0x00000126, 0x00000118, 0x00000125, 0x00060041, 0x0000003a, 0x00000127, 0x000000a1, 0x0000002f,
  0x00000114, 0x0003003e, 0x00000127, 0x00000126, 0x000200f9, 0x0000010a, 0x000200f8, 0x0000010a,
  0x00050080, 0x00000006, 0x00000129, 0x000002bf, 0x0000006f, 0x000200f9, 0x00000107, 0x000200f8,
  0x00000109, 0x000200f9, 0x00000105, 0x000200f8, 0x00000105, 0x000200f9, 0x000000c1, 0x000200f8,
  0x000000c1, 0x000700f5, 0x0000000b, 0x000002d8, 0x00000052, 0x00000082, 0x00000100, 0x00000105,
  0x00050041, 0x00000033, 0x0000012b, 0x00000032, 0x0000012a, 0x0004003d, 0x00000006, 0x0000012c,
  0x0000012b, 0x000500ab, 0x00000040, 0x0000012d, 0x0000012c, 0x00000019, 0x000300f7, 0x0000012f,
  0x00000000, 0x000400fa, 0x0000012d, 0x0000012e, 0x0000012f, 0x000200f8, 0x0000012e, 0x00050041,
  0x000000b8, 0x00000132, 0x00000032, 0x00000131, 0x0004003d, 0x0000000b, 0x00000133, 0x00000132,
  0x00050088, 0x0000000b, 0x00000135, 0x00000133, 0x000000ba, 0x00050041, 0x000000b8, 0x0000013d,
  0x00000032, 0x0000013c, 0x0004003d, 0x0000000b, 0x0000013e, 0x0000013d, 0x000500ba, 0x00000040,
  0x0000013f, 0x0000013e, 0x00000052, 0x000300f7, 0x00000142, 0x00000000, 0x000400fa, 0x0000013f,
  0x00000141, 0x00000146, 0x000200f8, 0x00000141, 0x0006000c, 0x0000000b, 0x00000145, 0x00000001,
  0x0000001c, 0x0000013e, 0x000200f9, 0x00000142, 0x000200f8, 0x00000146, 0x000200f9, 0x00000142,
  0x000200f8, 0x00000142, 0x000700f5, 0x0000000b, 0x000002c0, 0x00000145, 0x00000141, 0x00000052,
  0x00000146, 0x000200f9, 0x00000149, 0x000200f8, 0x00000149, 0x000700f5, 0x0000000b, 0x000002ca,
  0x000000c3, 0x00000142, 0x0000016d, 0x0000014a, 0x000700f5, 0x0000000b, 0x000002c4, 0x000000c3,
  0x00000142, 0x0000015c, 0x0000014a, 0x000700f5, 0x00000006, 0x000002c1, 0x00000019, 0x00000142,
  0x0000016f, 0x0000014a, 0x000500b0, 0x00000040, 0x00000150, 0x000002c1, 0x00000064, 0x000400f6,
  0x0000014b, 0x0000014a, 0x00000000, 0x000400fa, 0x00000150, 0x0000014a, 0x0000014b, 0x000200f8,
  0x0000014a, 0x00050041, 0x00000033, 0x00000152, 0x00000032, 0x0000002f, 0x0004003d, 0x00000006,
  0x00000153, 0x00000152, 0x00050080, 0x00000006, 0x00000155, 0x00000153, 0x00000068, 0x00050080,
  0x00000006, 0x00000157, 0x00000155, 0x000002c1, 0x00060041, 0x0000003a, 0x00000158, 0x0000002d,
  0x0000002f, 0x00000157, 0x0004003d, 0x0000000b, 0x00000159, 0x00000158, 0x00050088, 0x0000000b,
  0x0000015b, 0x00000159, 0x000000ba, 0x0007000c, 0x0000000b, 0x0000015c, 0x00000001, 0x00000028,
  0x000002c4, 0x0000015b, 0x00050041, 0x00000033, 0x00000163, 0x00000032, 0x00000162, 0x0004003d,
  0x00000006, 0x00000164, 0x00000163, 0x00050080, 0x00000006, 0x00000166, 0x00000164, 0x00000068,
  0x00050080, 0x00000006, 0x00000168, 0x00000166, 0x000002c1, 0x00060041, 0x0000003a, 0x00000169,
  0x00000161, 0x0000002f, 0x00000168, 0x0004003d, 0x0000000b, 0x0000016a, 0x00000169, 0x00050085,
  0x0000000b, 0x0000016c, 0x0000016a, 0x00000135, 0x0007000c, 0x0000000b, 0x0000016d, 0x00000001,
  0x00000028, 0x000002ca, 0x0000016c, 0x00050080, 0x00000006, 0x0000016f, 0x000002c1, 0x0000006f,
  0x000200f9, 0x00000149, 0x000200f8, 0x0000014b, 0x000200f9, 0x00000171, 0x000200f8, 0x00000171,
  0x000700f5, 0x0000000b, 0x000002cc, 0x00000052, 0x0000014b, 0x00000196, 0x00000172, 0x000700f5,
  0x0000000b, 0x000002c6, 0x00000052, 0x0000014b, 0x00000187, 0x00000172, 0x000700f5, 0x00000006,
  0x000002c2, 0x00000019, 0x0000014b, 0x00000198, 0x00000172, 0x000500b0, 0x00000040, 0x00000178,
  0x000002c2, 0x00000064, 0x000400f6, 0x00000173, 0x00000172, 0x00000000, 0x000400fa, 0x00000178,
  0x00000172, 0x00000173, 0x000200f8, 0x00000172, 0x00050041, 0x00000033, 0x00000179, 0x00000032,
  0x0000002f, 0x0004003d, 0x00000006, 0x0000017a, 0x00000179, 0x00050080, 0x00000006, 0x0000017c,
  0x0000017a, 0x00000068, 0x00050080, 0x00000006, 0x0000017e, 0x0000017c, 0x000002c2, 0x00060041,
  0x0000003a, 0x0000017f, 0x0000002d, 0x0000002f, 0x0000017e, 0x0004003d, 0x0000000b, 0x00000180,
  0x0000017f, 0x00050088, 0x0000000b, 0x00000182, 0x00000180, 0x000000ba, 0x00050083, 0x0000000b,
  0x00000184, 0x00000182, 0x000002c4, 0x0006000c, 0x0000000b, 0x00000185, 0x00000001, 0x0000001b,
  0x00000184, 0x00050081, 0x0000000b, 0x00000187, 0x000002c6, 0x00000185, 0x00050041, 0x00000033,
  0x00000188, 0x00000032, 0x00000162, 0x0004003d, 0x00000006, 0x00000189, 0x00000188, 0x00050080,
  0x00000006, 0x0000018b, 0x00000189, 0x00000068, 0x00050080, 0x00000006, 0x0000018d, 0x0000018b,
  0x000002c2, 0x00060041, 0x0000003a, 0x0000018e, 0x00000161, 0x0000002f, 0x0000018d, 0x0004003d,
  0x0000000b, 0x0000018f, 0x0000018e, 0x0004007f, 0x0000000b, 0x000002b2, 0x000002ca, 0x0008000c,
  0x0000000b, 0x00000193, 0x00000001, 0x00000032, 0x0000018f, 0x00000135, 0x000002b2, 0x0006000c,
  0x0000000b, 0x00000194, 0x00000001, 0x0000001b, 0x00000193, 0x00050081, 0x0000000b, 0x00000196,
  0x000002cc, 0x00000194, 0x00050080, 0x00000006, 0x00000198, 0x000002c2, 0x0000006f, 0x000200f9,
  0x00000171, 0x000200f8, 0x00000173, 0x0006000c, 0x0000000b, 0x0000019b, 0x00000001, 0x0000001c,
  0x000002c6, 0x00050081, 0x0000000b, 0x0000019c, 0x000002c4, 0x0000019b, 0x0006000c, 0x0000000b,
  0x0000019f, 0x00000001, 0x0000001c, 0x000002cc, 0x00050081, 0x0000000b, 0x000001a0, 0x000002ca,
  0x0000019f, 0x000200f9, 0x000001a2, 0x000200f8, 0x000001a2, 0x000700f5, 0x0000000b, 0x000002d0,
  0x00000052, 0x00000173, 0x000002fc, 0x000001a5, 0x000700f5, 0x00000006, 0x000002cf, 0x00000019,
  0x00000173, 0x00000227, 0x000001a5, 0x000500b0, 0x00000040, 0x000001a9, 0x000002cf, 0x00000064,
  0x000400f6, 0x000001a4, 0x000001a5, 0x00000000, 0x000400fa, 0x000001a9, 0x000001a3, 0x000001a4,
  0x000200f8, 0x000001a3, 0x00050041, 0x00000033, 0x000001ab, 0x00000032, 0x00000162, 0x0004003d,
  0x00000006, 0x000001ac, 0x000001ab, 0x00050080, 0x00000006, 0x000001ae, 0x000001ac, 0x00000068,
  0x00050080, 0x00000006, 0x000001b0, 0x000001ae, 0x000002cf, 0x00060041, 0x0000003a, 0x000001b1,
  0x00000161, 0x0000002f, 0x000001b0, 0x0004003d, 0x0000000b, 0x000001b2, 0x000001b1, 0x0004007f,
  0x0000000b, 0x000002b1, 0x000001a0, 0x0008000c, 0x0000000b, 0x000001b6, 0x00000001, 0x00000032,
  0x000001b2, 0x00000135, 0x000002b1, 0x0006000c, 0x0000000b, 0x000001b9, 0x00000001, 0x0000001b,
  0x000001b6, 0x00050041, 0x00000033, 0x000001bd, 0x00000032, 0x0000002f, 0x0004003d, 0x00000006,
  0x000001be, 0x000001bd, 0x00050080, 0x00000006, 0x000001c0, 0x000001be, 0x00000068, 0x00050080,
  0x00000006, 0x000001c2, 0x000001c0, 0x000002cf, 0x00060041, 0x0000003a, 0x000001c3, 0x0000002d,
  0x0000002f, 0x000001c2, 0x0004003d, 0x0000000b, 0x000001c4, 0x000001c3, 0x00050088, 0x0000000b,
  0x000001c6, 0x000001c4, 0x000000ba, 0x00050083, 0x0000000b, 0x000001c8, 0x000001c6, 0x0000019c,
  0x00050041, 0x00000033, 0x000001ca, 0x00000032, 0x000001c9, 0x0004003d, 0x00000006, 0x000001cb,
  0x000001ca, 0x000500ab, 0x00000040, 0x000001cc, 0x000001cb, 0x00000019, 0x000300f7, 0x000001ce,
  0x00000000, 0x000400fa, 0x000001cc, 0x000001cd, 0x000001ce, 0x000200f8, 0x000001cd, 0x000500aa,
  0x00000040, 0x000001d1, 0x000002cf, 0x000000af, 0x000300f7, 0x000001d3, 0x00000000, 0x000400fa,
  0x000001d1, 0x000001d2, 0x000001e6, 0x000200f8, 0x000001d2, 0x00050083, 0x0000000b, 0x000001d6,
  0x000000b1, 0x0000013e, 0x0008000c, 0x0000000b, 0x000001dc, 0x00000001, 0x00000032, 0x0000013e,
  0x000001b9, 0x000001d6, 0x000500ba, 0x00000040, 0x000001de, 0x000001dc, 0x00000052, 0x000300f7,
  0x000001e1, 0x00000000, 0x000400fa, 0x000001de, 0x000001e0, 0x000001e4, 0x000200f8, 0x000001e0,
  0x0006000c, 0x0000000b, 0x000001e3, 0x00000001, 0x0000001c, 0x000001dc, 0x000200f9, 0x000001e1,
  0x000200f8, 0x000001e4, 0x000200f9, 0x000001e1, 0x000200f8, 0x000001e1, 0x000700f5, 0x0000000b,
  0x000002de, 0x000001e3, 0x000001e0, 0x00000052, 0x000001e4, 0x000200f9, 0x000001d3, 0x000200f8,
  0x000001e6, 0x00050085, 0x0000000b, 0x000001eb, 0x0000013e, 0x000001b9, 0x00050081, 0x0000000b,
  0x000001ee, 0x000002c0, 0x000001b6, 0x000200f9, 0x000001d3, 0x000200f8, 0x000001d3, 0x000700f5,
  0x0000000b, 0x000002e3, 0x000002de, 0x000001e1, 0x000001ee, 0x000001e6, 0x000700f5, 0x0000000b,
  0x000002e0, 0x000001dc, 0x000001e1, 0x000001eb, 0x000001e6, 0x000200f9, 0x000001ce, 0x000200f8,
  0x000001ce, 0x000700f5, 0x0000000b, 0x000002e2, 0x000001b6, 0x000001a3, 0x000002e3, 0x000001d3,
  0x000700f5, 0x0000000b, 0x000002df, 0x000001b9, 0x000001a3, 0x000002e0, 0x000001d3, 0x000500ba,
  0x00000040, 0x000001f0, 0x000002df, 0x00000052, 0x000300f7, 0x000001f2, 0x00000000, 0x000400fa,
  0x000001f0, 0x000001f1, 0x000001f2, 0x000200f8, 0x000001f1, 0x00050083, 0x0000000b, 0x000001f6,
  0x000002e2, 0x000001c8, 0x0008000c, 0x0000000b, 0x000001f9, 0x00000001, 0x00000032, 0x000002df,
  0x000001f6, 0x000002d0, 0x000200f9, 0x000001f2, 0x000200f8, 0x000001f2, 0x000700f5, 0x0000000b,
  0x000002fc, 0x000002d0, 0x000001ce, 0x000001f9, 0x000001f1, 0x00050041, 0x00000033, 0x000001fa,
  0x00000032, 0x0000008f, 0x0004003d, 0x00000006, 0x000001fb, 0x000001fa, 0x000500ab, 0x00000040,
  0x000001fc, 0x000001fb, 0x00000019, 0x000300f7, 0x000001fe, 0x00000000, 0x000400fa, 0x000001fc,
  0x000001fd, 0x000001fe, 0x000200f8, 0x000001fd, 0x00050041, 0x000000b8, 0x00000201, 0x00000032,
  0x00000200, 0x0004003d, 0x0000000b, 0x00000202, 0x00000201, 0x00050085, 0x0000000b, 0x00000204,
  0x00000202, 0x000000ba, 0x00050085, 0x0000000b, 0x00000206, 0x00000204, 0x000000b5, 0x0006000c,
  0x0000000b, 0x00000208, 0x00000001, 0x0000001b, 0x000001c8, 0x00050083, 0x0000000b, 0x0000020a,
  0x00000208, 0x000002df, 0x00050085, 0x0000000b, 0x0000020b, 0x00000206, 0x0000020a, 0x00050041,
  0x00000033, 0x0000020c, 0x00000032, 0x000000a2, 0x0004003d, 0x00000006, 0x0000020d, 0x0000020c,
  0x00050080, 0x00000006, 0x0000020f, 0x0000020d, 0x00000068, 0x00050080, 0x00000006, 0x00000211,
  0x0000020f, 0x000002cf, 0x000300f7, 0x00000217, 0x00000000, 0x000400fa, 0x000000bf, 0x00000216,
  0x00000222, 0x000200f8, 0x00000216, 0x00060041, 0x0000003a, 0x0000021e, 0x000000a1, 0x0000002f,
  0x00000211, 0x0004003d, 0x0000000b, 0x0000021f, 0x0000021e, 0x0008000c, 0x0000000b, 0x00000221,
  0x00000001, 0x00000032, 0x00000206, 0x0000020a, 0x0000021f, 0x000200f9, 0x00000217, 0x000200f8,
  0x00000222, 0x000200f9, 0x00000217, 0x000200f8, 0x00000217, 0x000700f5, 0x0000000b, 0x000002ec,
  0x00000221, 0x00000216, 0x0000020b, 0x00000222, 0x00060041, 0x0000003a, 0x00000225, 0x000000a1,
  0x0000002f, 0x00000211, 0x0003003e, 0x00000225, 0x000002ec, 0x000200f9, 0x000001fe, 0x000200f8,
  0x000001fe, 0x000200f9, 0x000001a5, 0x000200f8, 0x000001a5, 0x00050080, 0x00000006, 0x00000227,
  0x000002cf, 0x0000006f, 0x000200f9, 0x000001a2, 0x000200f8, 0x000001a4, 0x00050041, 0x000000b8,
  0x00000228, 0x00000032, 0x00000200, 0x0004003d, 0x0000000b, 0x00000229, 0x00000228, 0x00050085,
  0x0000000b, 0x0000022b, 0x00000229, 0x000000ba, 0x00050085, 0x0000000b, 0x0000022d, 0x0000022b,
  0x000000ba, 0x0008000c, 0x0000000b, 0x00000231, 0x00000001, 0x00000032, 0x0000022d, 0x000002d0,
  0x000002d8, 0x000200f9, 0x0000012f, 0x000200f8, 0x0000012f, 0x000700f5, 0x0000000b, 0x000002db,
  0x000002d8, 0x000000c1, 0x00000231, 0x000001a4, 0x00050041, 0x00000033, 0x00000232, 0x00000032,
  0x00000087, 0x0004003d, 0x00000006, 0x00000233, 0x00000232, 0x00050080, 0x00000006, 0x00000235,
  0x00000233, 0x0000024c, 0x00060041, 0x0000003a, 0x00000237, 0x00000086, 0x0000002f, 0x00000235,
  0x0003003e, 0x00000237, 0x000002db, 0x000200f9, 0x00000238, 0x000200f8, 0x00000238, 0x000100fd,
  0x00010038,
};
static const uint32_t dive__spv_sgd_step[] = { /* sgd_step.comp, 984 words */
  0x07230203, 0x00010300, 0x0008000b, 0x000000e6, 0x00000000, 0x00020011, 0x00000001, 0x0006000b,
  0x00000001, 0x4c534c47, 0x6474732e, 0x3035342e, 0x00000000, 0x0003000e, 0x00000000, 0x00000001,
  0x0008000f, 0x00000005, 0x00000004, 0x6e69616d, 0x00000000, 0x0000000c, 0x00000011, 0x0000001d,
  0x00060010, 0x00000004, 0x00000011, 0x00000100, 0x00000001, 0x00000001, 0x00040047, 0x0000000c,
  0x0000000b, 0x0000001a, 0x00040047, 0x00000011, 0x0000000b, 0x00000018, 0x00040047, 0x00000019,
  0x00000001, 0x00000000, 0x00040047, 0x0000001a, 0x0000000b, 0x00000019, 0x00040047, 0x0000001d,
  0x0000000b, 0x0000001b, 0x00050048, 0x00000028, 0x00000000, 0x00000023, 0x00000000, 0x00050048,
  0x00000028, 0x00000001, 0x00000023, 0x00000004, 0x00050048, 0x00000028, 0x00000002, 0x00000023,
  0x00000008, 0x00050048, 0x00000028, 0x00000003, 0x00000023, 0x0000000c, 0x00050048, 0x00000028,
  0x00000004, 0x00000023, 0x00000010, 0x00050048, 0x00000028, 0x00000005, 0x00000023, 0x00000014,
  0x00050048, 0x00000028, 0x00000006, 0x00000023, 0x00000018, 0x00050048, 0x00000028, 0x00000007,
  0x00000023, 0x0000001c, 0x00050048, 0x00000028, 0x00000008, 0x00000023, 0x00000020, 0x00050048,
  0x00000028, 0x00000009, 0x00000023, 0x00000024, 0x00050048, 0x00000028, 0x0000000a, 0x00000023,
  0x00000028, 0x00050048, 0x00000028, 0x0000000b, 0x00000023, 0x0000002c, 0x00050048, 0x00000028,
  0x0000000c, 0x00000023, 0x00000030, 0x00030047, 0x00000028, 0x00000002, 0x00040047, 0x00000042,
  0x00000006, 0x00000004, 0x00040048, 0x00000043, 0x00000000, 0x00000018, 0x00050048, 0x00000043,
  0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x00000043, 0x00000002, 0x00040047, 0x00000045,
  0x00000022, 0x00000000, 0x00040047, 0x00000045, 0x00000021, 0x00000003, 0x00040047, 0x00000062,
  0x00000006, 0x00000004, 0x00040048, 0x00000063, 0x00000000, 0x00000018, 0x00050048, 0x00000063,
  0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x00000063, 0x00000002, 0x00040047, 0x00000065,
  0x00000022, 0x00000000, 0x00040047, 0x00000065, 0x00000021, 0x00000004, 0x00040047, 0x00000075,
  0x00000006, 0x00000004, 0x00050048, 0x00000076, 0x00000000, 0x00000023, 0x00000000, 0x00030047,
  0x00000076, 0x00000002, 0x00040047, 0x00000078, 0x00000022, 0x00000000, 0x00040047, 0x00000078,
  0x00000021, 0x00000001, 0x00040047, 0x00000081, 0x00000006, 0x00000004, 0x00040048, 0x00000082,
  0x00000000, 0x00000018, 0x00050048, 0x00000082, 0x00000000, 0x00000023, 0x00000000, 0x00030047,
  0x00000082, 0x00000002, 0x00040047, 0x00000084, 0x00000022, 0x00000000, 0x00040047, 0x00000084,
  0x00000021, 0x00000000, 0x00030047, 0x0000008f, 0x0000002a, 0x00030047, 0x00000090, 0x0000002a,
  0x00040047, 0x0000009b, 0x00000006, 0x00000004, 0x00050048, 0x0000009c, 0x00000000, 0x00000023,
  0x00000000, 0x00030047, 0x0000009c, 0x00000002, 0x00040047, 0x0000009e, 0x00000022, 0x00000000,
  0x00040047, 0x0000009e, 0x00000021, 0x00000002, 0x00030047, 0x000000a6, 0x0000002a, 0x00030047,
  0x000000a8, 0x0000002a, 0x00030047, 0x000000ba, 0x0000002a, 0x00030047, 0x000000bb, 0x0000002a,
  0x00030047, 0x000000c3, 0x0000002a, 0x00030047, 0x000000c4, 0x0000002a, 0x00020013, 0x00000002,
  0x00030021, 0x00000003, 0x00000002, 0x00040015, 0x00000006, 0x00000020, 0x00000000, 0x00040017,
  0x0000000a, 0x00000006, 0x00000003, 0x00040020, 0x0000000b, 0x00000001, 0x0000000a, 0x0004003b,
  0x0000000b, 0x0000000c, 0x00000001, 0x0004002b, 0x00000006, 0x0000000d, 0x00000001, 0x00040020,
  0x0000000e, 0x00000001, 0x00000006, 0x0004003b, 0x0000000b, 0x00000011, 0x00000001, 0x0004002b,
  0x00000006, 0x00000012, 0x00000000, 0x00040032, 0x00000006, 0x00000019, 0x00000100, 0x00060033,
  0x0000000a, 0x0000001a, 0x00000019, 0x0000000d, 0x0000000d, 0x0004003b, 0x0000000b, 0x0000001d,
  0x00000001, 0x00030016, 0x00000027, 0x00000020, 0x000f001e, 0x00000028, 0x00000006, 0x00000006,
  0x00000006, 0x00000006, 0x00000006, 0x00000006, 0x00000027, 0x00000027, 0x00000027, 0x00000006,
  0x00000006, 0x00000006, 0x00000006, 0x00040020, 0x00000029, 0x00000009, 0x00000028, 0x0004003b,
  0x00000029, 0x0000002a, 0x00000009, 0x00040015, 0x0000002b, 0x00000020, 0x00000001, 0x0004002b,
  0x0000002b, 0x0000002c, 0x00000005, 0x00040020, 0x0000002d, 0x00000009, 0x00000006, 0x00020014,
  0x00000030, 0x0004002b, 0x0000002b, 0x00000037, 0x00000006, 0x00040020, 0x00000038, 0x00000009,
  0x00000027, 0x0004002b, 0x0000002b, 0x0000003b, 0x0000000a, 0x0003001d, 0x00000042, 0x00000027,
  0x0003001e, 0x00000043, 0x00000042, 0x00040020, 0x00000044, 0x0000000c, 0x00000043, 0x0004003b,
  0x00000044, 0x00000045, 0x0000000c, 0x0004002b, 0x0000002b, 0x00000046, 0x00000000, 0x0004002b,
  0x0000002b, 0x00000047, 0x00000003, 0x0004002b, 0x0000002b, 0x0000004a, 0x0000000b, 0x00040020,
  0x0000004e, 0x0000000c, 0x00000027, 0x0004002b, 0x00000006, 0x00000053, 0x00000002, 0x0004002b,
  0x0000002b, 0x0000005e, 0x0000000c, 0x0003001d, 0x00000062, 0x00000006, 0x0003001e, 0x00000063,
  0x00000062, 0x00040020, 0x00000064, 0x0000000c, 0x00000063, 0x0004003b, 0x00000064, 0x00000065,
  0x0000000c, 0x0004002b, 0x0000002b, 0x00000066, 0x00000004, 0x00040020, 0x0000006d, 0x0000000c,
  0x00000006, 0x0003001d, 0x00000075, 0x00000027, 0x0003001e, 0x00000076, 0x00000075, 0x00040020,
  0x00000077, 0x0000000c, 0x00000076, 0x0004003b, 0x00000077, 0x00000078, 0x0000000c, 0x0004002b,
  0x0000002b, 0x00000079, 0x00000001, 0x0003001d, 0x00000081, 0x00000027, 0x0003001e, 0x00000082,
  0x00000081, 0x00040020, 0x00000083, 0x0000000c, 0x00000082, 0x0004003b, 0x00000083, 0x00000084,
  0x0000000c, 0x0004002b, 0x0000002b, 0x0000008b, 0x00000008, 0x0004002b, 0x0000002b, 0x00000091,
  0x00000007, 0x0004002b, 0x00000027, 0x00000094, 0x00000000, 0x0003001d, 0x0000009b, 0x00000027,
  0x0003001e, 0x0000009c, 0x0000009b, 0x00040020, 0x0000009d, 0x0000000c, 0x0000009c, 0x0004003b,
  0x0000009d, 0x0000009e, 0x0000000c, 0x0004002b, 0x0000002b, 0x0000009f, 0x00000002, 0x0004002b,
  0x0000002b, 0x000000af, 0x00000009, 0x00050036, 0x00000002, 0x00000004, 0x00000000, 0x00000003,
  0x000200f8, 0x00000005, 0x000300f7, 0x000000cb, 0x00000000, 0x000300fb, 0x00000012, 0x000000cc,
  0x000200f8, 0x000000cc, 0x00050041, 0x0000000e, 0x000000d3, 0x0000000c, 0x0000000d, 0x0004003d,
  0x00000006, 0x000000d4, 0x000000d3, 0x00050041, 0x0000000e, 0x000000d5, 0x00000011, 0x00000012,
  0x0004003d, 0x00000006, 0x000000d6, 0x000000d5, 0x00050084, 0x00000006, 0x000000d7, 0x000000d4,
  0x000000d6, 0x00050041, 0x0000000e, 0x000000d8, 0x0000000c, 0x00000012, 0x0004003d, 0x00000006,
  0x000000d9, 0x000000d8, 0x00050080, 0x00000006, 0x000000da, 0x000000d7, 0x000000d9, 0x00050051,
  0x00000006, 0x000000db, 0x0000001a, 0x00000000, 0x00050084, 0x00000006, 0x000000dc, 0x000000da,
  0x000000db, 0x00050041, 0x0000000e, 0x000000dd, 0x0000001d, 0x00000012, 0x0004003d, 0x00000006,
  0x000000de, 0x000000dd, 0x00050080, 0x00000006, 0x000000df, 0x000000dc, 0x000000de, 0x00050041,
  0x0000002d, 0x0000002e, 0x0000002a, 0x0000002c, 0x0004003d, 0x00000006, 0x0000002f, 0x0000002e,
  0x000500ae, 0x00000030, 0x00000031, 0x000000df, 0x0000002f, 0x000300f7, 0x00000033, 0x00000000,
  0x000400fa, 0x00000031, 0x00000032, 0x00000033, 0x000200f8, 0x00000032, 0x000200f9, 0x000000cb,
  0x000200f8, 0x00000033, 0x00050041, 0x00000038, 0x00000039, 0x0000002a, 0x00000037, 0x0004003d,
  0x00000027, 0x0000003a, 0x00000039, 0x00050041, 0x0000002d, 0x0000003c, 0x0000002a, 0x0000003b,
  0x0004003d, 0x00000006, 0x0000003d, 0x0000003c, 0x000500c7, 0x00000006, 0x0000003e, 0x0000003d,
  0x0000000d, 0x000500ab, 0x00000030, 0x0000003f, 0x0000003e, 0x00000012, 0x000300f7, 0x00000041,
  0x00000000, 0x000400fa, 0x0000003f, 0x00000040, 0x00000041, 0x000200f8, 0x00000040, 0x00050041,
  0x0000002d, 0x00000048, 0x0000002a, 0x00000047, 0x0004003d, 0x00000006, 0x00000049, 0x00000048,
  0x00050041, 0x0000002d, 0x0000004b, 0x0000002a, 0x0000004a, 0x0004003d, 0x00000006, 0x0000004c,
  0x0000004b, 0x00050080, 0x00000006, 0x0000004d, 0x00000049, 0x0000004c, 0x00060041, 0x0000004e,
  0x0000004f, 0x00000045, 0x00000046, 0x0000004d, 0x0004003d, 0x00000027, 0x00000050, 0x0000004f,
  0x000200f9, 0x00000041, 0x000200f8, 0x00000041, 0x000700f5, 0x00000027, 0x000000e3, 0x0000003a,
  0x00000033, 0x00000050, 0x00000040, 0x000500c7, 0x00000006, 0x00000054, 0x0000003d, 0x00000053,
  0x000500ab, 0x00000030, 0x00000055, 0x00000054, 0x00000012, 0x000300f7, 0x00000057, 0x00000000,
  0x000400fa, 0x00000055, 0x00000056, 0x00000057, 0x000200f8, 0x00000056, 0x00050041, 0x0000002d,
  0x00000059, 0x0000002a, 0x00000047, 0x0004003d, 0x00000006, 0x0000005a, 0x00000059, 0x00060041,
  0x0000004e, 0x0000005b, 0x00000045, 0x00000046, 0x0000005a, 0x0004003d, 0x00000027, 0x0000005c,
  0x0000005b, 0x0004007c, 0x00000006, 0x0000005d, 0x0000005c, 0x00050041, 0x0000002d, 0x0000005f,
  0x0000002a, 0x0000005e, 0x0004003d, 0x00000006, 0x00000060, 0x0000005f, 0x00050089, 0x00000006,
  0x00000061, 0x0000005d, 0x00000060, 0x00050041, 0x0000002d, 0x00000067, 0x0000002a, 0x00000066,
  0x0004003d, 0x00000006, 0x00000068, 0x00000067, 0x00050084, 0x00000006, 0x0000006a, 0x00000053,
  0x00000061, 0x00050080, 0x00000006, 0x0000006b, 0x00000068, 0x0000006a, 0x00050080, 0x00000006,
  0x0000006c, 0x0000006b, 0x0000000d, 0x00060041, 0x0000006d, 0x0000006e, 0x00000065, 0x00000046,
  0x0000006c, 0x0004003d, 0x00000006, 0x0000006f, 0x0000006e, 0x000500ab, 0x00000030, 0x00000070,
  0x0000006f, 0x00000012, 0x000300f7, 0x00000072, 0x00000000, 0x000400fa, 0x00000070, 0x00000071,
  0x00000072, 0x000200f8, 0x00000071, 0x000200f9, 0x000000cb, 0x000200f8, 0x00000072, 0x000200f9,
  0x00000057, 0x000200f8, 0x00000057, 0x00050041, 0x0000002d, 0x0000007a, 0x0000002a, 0x00000079,
  0x0004003d, 0x00000006, 0x0000007b, 0x0000007a, 0x00050080, 0x00000006, 0x0000007d, 0x0000007b,
  0x000000df, 0x00060041, 0x0000004e, 0x0000007e, 0x00000078, 0x00000046, 0x0000007d, 0x0004003d,
  0x00000027, 0x0000007f, 0x0000007e, 0x00050041, 0x0000002d, 0x00000085, 0x0000002a, 0x00000046,
  0x0004003d, 0x00000006, 0x00000086, 0x00000085, 0x00050080, 0x00000006, 0x00000088, 0x00000086,
  0x000000df, 0x00060041, 0x0000004e, 0x00000089, 0x00000084, 0x00000046, 0x00000088, 0x0004003d,
  0x00000027, 0x0000008a, 0x00000089, 0x00050041, 0x00000038, 0x0000008c, 0x0000002a, 0x0000008b,
  0x0004003d, 0x00000027, 0x0000008d, 0x0000008c, 0x00050085, 0x00000027, 0x0000008f, 0x0000008d,
  0x0000007f, 0x00050081, 0x00000027, 0x00000090, 0x0000008a, 0x0000008f, 0x00050041, 0x00000038,
  0x00000092, 0x0000002a, 0x00000091, 0x0004003d, 0x00000027, 0x00000093, 0x00000092, 0x000500b7,
  0x00000030, 0x00000095, 0x00000093, 0x00000094, 0x000300f7, 0x00000097, 0x00000000, 0x000400fa,
  0x00000095, 0x00000096, 0x00000097, 0x000200f8, 0x00000096, 0x00050041, 0x0000002d, 0x000000a0,
  0x0000002a, 0x0000009f, 0x0004003d, 0x00000006, 0x000000a1, 0x000000a0, 0x00050080, 0x00000006,
  0x000000a3, 0x000000a1, 0x000000df, 0x00060041, 0x0000004e, 0x000000a4, 0x0000009e, 0x00000046,
  0x000000a3, 0x0004003d, 0x00000027, 0x000000a5, 0x000000a4, 0x00050085, 0x00000027, 0x000000a6,
  0x00000093, 0x000000a5, 0x00050081, 0x00000027, 0x000000a8, 0x000000a6, 0x00000090, 0x0003003e,
  0x000000a4, 0x000000a8, 0x00050041, 0x0000002d, 0x000000b0, 0x0000002a, 0x000000af, 0x0004003d,
  0x00000006, 0x000000b1, 0x000000b0, 0x000500ab, 0x00000030, 0x000000b2, 0x000000b1, 0x00000012,
  0x000300f7, 0x000000b5, 0x00000000, 0x000400fa, 0x000000b2, 0x000000b4, 0x000000bc, 0x000200f8,
  0x000000b4, 0x00050085, 0x00000027, 0x000000ba, 0x00000093, 0x000000a8, 0x00050081, 0x00000027,
  0x000000bb, 0x00000090, 0x000000ba, 0x000200f9, 0x000000b5, 0x000200f8, 0x000000bc, 0x000200f9,
  0x000000b5, 0x000200f8, 0x000000b5, 0x000700f5, 0x00000027, 0x000000e0, 0x000000bb, 0x000000b4,
  0x000000a8, 0x000000bc, 0x000200f9, 0x00000097, 0x000200f8, 0x00000097, 0x000700f5, 0x00000027,
  0x000000e5, 0x00000090, 0x00000057, 0x000000e0, 0x000000b5, 0x00050085, 0x00000027, 0x000000c3,
  0x000000e3, 0x000000e5, 0x00050083, 0x00000027, 0x000000c4, 0x0000007f, 0x000000c3, 0x0003003e,
  0x0000007e, 0x000000c4, 0x000200f9, 0x000000cb, 0x000200f8, 0x000000cb, 0x000100fd, 0x00010038,
};
static const uint32_t dive__spv_loss_reduce[] = { /* loss_reduce.comp, 815 words */
  0x07230203, 0x00010300, 0x0008000b, 0x0000011a, 0x00000000, 0x00020011, 0x00000001, 0x0006000b,
  0x00000001, 0x4c534c47, 0x6474732e, 0x3035342e, 0x00000000, 0x0003000e, 0x00000000, 0x00000001,
  0x0006000f, 0x00000005, 0x00000004, 0x6e69616d, 0x00000000, 0x00000012, 0x00060010, 0x00000004,
  0x00000011, 0x00000100, 0x00000001, 0x00000001, 0x00040047, 0x00000012, 0x0000000b, 0x0000001b,
  0x00040047, 0x00000021, 0x00000001, 0x00000000, 0x00050048, 0x0000006f, 0x00000000, 0x00000023,
  0x00000000, 0x00050048, 0x0000006f, 0x00000001, 0x00000023, 0x00000004, 0x00050048, 0x0000006f,
  0x00000002, 0x00000023, 0x00000008, 0x00050048, 0x0000006f, 0x00000003, 0x00000023, 0x0000000c,
  0x00050048, 0x0000006f, 0x00000004, 0x00000023, 0x00000010, 0x00030047, 0x0000006f, 0x00000002,
  0x00040047, 0x00000077, 0x00000006, 0x00000004, 0x00040048, 0x00000078, 0x00000000, 0x00000018,
  0x00050048, 0x00000078, 0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x00000078, 0x00000002,
  0x00040047, 0x0000007a, 0x00000022, 0x00000000, 0x00040047, 0x0000007a, 0x00000021, 0x00000000,
  0x00040047, 0x00000095, 0x00000006, 0x00000004, 0x00040048, 0x00000096, 0x00000000, 0x00000018,
  0x00050048, 0x00000096, 0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x00000096, 0x00000002,
  0x00040047, 0x00000098, 0x00000022, 0x00000000, 0x00040047, 0x00000098, 0x00000021, 0x00000001,
  0x00040047, 0x000000a3, 0x00000006, 0x00000004, 0x00050048, 0x000000a4, 0x00000000, 0x00000023,
  0x00000000, 0x00030047, 0x000000a4, 0x00000002, 0x00040047, 0x000000a6, 0x00000022, 0x00000000,
  0x00040047, 0x000000a6, 0x00000021, 0x00000002, 0x00040047, 0x000000d2, 0x00000001, 0x00000000,
  0x00040047, 0x000000d3, 0x0000000b, 0x00000019, 0x00020013, 0x00000002, 0x00030021, 0x00000003,
  0x00000002, 0x00030016, 0x00000006, 0x00000020, 0x00040017, 0x00000007, 0x00000006, 0x00000002,
  0x00040015, 0x0000000d, 0x00000020, 0x00000000, 0x00040017, 0x00000010, 0x0000000d, 0x00000003,
  0x00040020, 0x00000011, 0x00000001, 0x00000010, 0x0004003b, 0x00000011, 0x00000012, 0x00000001,
  0x0004002b, 0x0000000d, 0x00000013, 0x00000000, 0x00040020, 0x00000014, 0x00000001, 0x0000000d,
  0x0004002b, 0x0000000d, 0x00000018, 0x00000001, 0x0004002b, 0x0000000d, 0x0000001f, 0x00000002,
  0x00040032, 0x0000000d, 0x00000021, 0x00000100, 0x00020014, 0x00000022, 0x0004001c, 0x00000026,
  0x00000007, 0x00000021, 0x00040020, 0x00000027, 0x00000004, 0x00000026, 0x0004003b, 0x00000027,
  0x00000028, 0x00000004, 0x00040020, 0x0000002b, 0x00000004, 0x00000007, 0x0004002b, 0x0000000d,
  0x0000002d, 0x00000108, 0x00040015, 0x00000056, 0x00000020, 0x00000001, 0x0004002b, 0x00000056,
  0x00000057, 0x00000001, 0x0004002b, 0x00000056, 0x0000005b, 0x00000000, 0x0004002b, 0x00000006,
  0x00000066, 0x00000000, 0x0007001e, 0x0000006f, 0x0000000d, 0x0000000d, 0x0000000d, 0x0000000d,
  0x0000000d, 0x00040020, 0x00000070, 0x00000009, 0x0000006f, 0x0004003b, 0x00000070, 0x00000071,
  0x00000009, 0x0004002b, 0x00000056, 0x00000072, 0x00000003, 0x00040020, 0x00000073, 0x00000009,
  0x0000000d, 0x0003001d, 0x00000077, 0x00000006, 0x0003001e, 0x00000078, 0x00000077, 0x00040020,
  0x00000079, 0x0000000c, 0x00000078, 0x0004003b, 0x00000079, 0x0000007a, 0x0000000c, 0x00040020,
  0x0000007f, 0x0000000c, 0x00000006, 0x0003001d, 0x00000095, 0x00000006, 0x0003001e, 0x00000096,
  0x00000095, 0x00040020, 0x00000097, 0x0000000c, 0x00000096, 0x0004003b, 0x00000097, 0x00000098,
  0x0000000c, 0x0004002b, 0x00000056, 0x0000009e, 0x00000004, 0x0003001d, 0x000000a3, 0x0000000d,
  0x0003001e, 0x000000a4, 0x000000a3, 0x00040020, 0x000000a5, 0x0000000c, 0x000000a4, 0x0004003b,
  0x000000a5, 0x000000a6, 0x0000000c, 0x0004002b, 0x00000056, 0x000000a7, 0x00000002, 0x00040020,
  0x000000b5, 0x0000000c, 0x0000000d, 0x0004002b, 0x0000000d, 0x000000c8, 0x7f800000, 0x0004002b,
  0x0000000d, 0x000000ce, 0x00000004, 0x00040032, 0x0000000d, 0x000000d2, 0x00000100, 0x00060033,
  0x00000010, 0x000000d3, 0x000000d2, 0x00000018, 0x00000018, 0x00050036, 0x00000002, 0x00000004,
  0x00000000, 0x00000003, 0x000200f8, 0x00000005, 0x00050041, 0x00000014, 0x00000062, 0x00000012,
  0x00000013, 0x0004003d, 0x0000000d, 0x00000063, 0x00000062, 0x000200f9, 0x00000069, 0x000200f8,
  0x00000069, 0x000700f5, 0x00000006, 0x00000116, 0x00000066, 0x00000005, 0x00000083, 0x0000006a,
  0x000700f5, 0x0000000d, 0x00000115, 0x00000063, 0x00000005, 0x00000085, 0x0000006a, 0x00050041,
  0x00000073, 0x00000074, 0x00000071, 0x00000072, 0x0004003d, 0x0000000d, 0x00000075, 0x00000074,
  0x000500b0, 0x00000022, 0x00000076, 0x00000115, 0x00000075, 0x000400f6, 0x0000006b, 0x0000006a,
  0x00000000, 0x000400fa, 0x00000076, 0x0000006a, 0x0000006b, 0x000200f8, 0x0000006a, 0x00050041,
  0x00000073, 0x0000007b, 0x00000071, 0x0000005b, 0x0004003d, 0x0000000d, 0x0000007c, 0x0000007b,
  0x00050080, 0x0000000d, 0x0000007e, 0x0000007c, 0x00000115, 0x00060041, 0x0000007f, 0x00000080,
  0x0000007a, 0x0000005b, 0x0000007e, 0x0004003d, 0x00000006, 0x00000081, 0x00000080, 0x00050081,
  0x00000006, 0x00000083, 0x00000116, 0x00000081, 0x00050080, 0x0000000d, 0x00000085, 0x00000115,
  0x00000021, 0x000200f9, 0x00000069, 0x000200f8, 0x0000006b, 0x00050050, 0x00000007, 0x00000088,
  0x00000116, 0x00000066, 0x000200f9, 0x000000dc, 0x000200f8, 0x000000dc, 0x000700f5, 0x0000000d,
  0x00000117, 0x00000018, 0x0000006b, 0x000000df, 0x000000e1, 0x00050084, 0x0000000d, 0x000000df,
  0x00000117, 0x0000001f, 0x000500b2, 0x00000022, 0x000000e0, 0x000000df, 0x00000021, 0x000400f6,
  0x000000e5, 0x000000e1, 0x00000000, 0x000400fa, 0x000000e0, 0x000000e1, 0x000000e5, 0x000200f8,
  0x000000e1, 0x000200f9, 0x000000dc, 0x000200f8, 0x000000e5, 0x00050041, 0x0000002b, 0x000000e8,
  0x00000028, 0x00000063, 0x0003003e, 0x000000e8, 0x00000088, 0x000400e0, 0x0000001f, 0x0000001f,
  0x0000002d, 0x000500ae, 0x00000022, 0x000000eb, 0x00000063, 0x00000117, 0x000300f7, 0x000000f7,
  0x00000000, 0x000400fa, 0x000000eb, 0x000000ec, 0x000000f7, 0x000200f8, 0x000000ec, 0x00050082,
  0x0000000d, 0x000000ef, 0x00000063, 0x00000117, 0x0004003d, 0x00000007, 0x000000f2, 0x000000e8,
  0x00050041, 0x0000002b, 0x000000f3, 0x00000028, 0x000000ef, 0x0004003d, 0x00000007, 0x000000f4,
  0x000000f3, 0x00050081, 0x00000007, 0x000000f5, 0x000000f4, 0x000000f2, 0x0003003e, 0x000000f3,
  0x000000f5, 0x000200f9, 0x000000f7, 0x000200f8, 0x000000f7, 0x000400e0, 0x0000001f, 0x0000001f,
  0x0000002d, 0x00050086, 0x0000000d, 0x000000f9, 0x00000117, 0x0000001f, 0x000200f9, 0x000000fa,
  0x000200f8, 0x000000fa, 0x000700f5, 0x0000000d, 0x00000119, 0x000000f9, 0x000000f7, 0x00000110,
  0x0000010e, 0x000500ac, 0x00000022, 0x000000fd, 0x00000119, 0x00000013, 0x000400f6, 0x00000111,
  0x0000010e, 0x00000000, 0x000400fa, 0x000000fd, 0x000000fe, 0x00000111, 0x000200f8, 0x000000fe,
  0x000500b0, 0x00000022, 0x00000101, 0x00000063, 0x00000119, 0x000300f7, 0x0000010d, 0x00000000,
  0x000400fa, 0x00000101, 0x00000102, 0x0000010d, 0x000200f8, 0x00000102, 0x00050080, 0x0000000d,
  0x00000106, 0x00000063, 0x00000119, 0x00050041, 0x0000002b, 0x00000107, 0x00000028, 0x00000106,
  0x0004003d, 0x00000007, 0x00000108, 0x00000107, 0x0004003d, 0x00000007, 0x0000010a, 0x000000e8,
  0x00050081, 0x00000007, 0x0000010b, 0x0000010a, 0x00000108, 0x0003003e, 0x000000e8, 0x0000010b,
  0x000200f9, 0x0000010d, 0x000200f8, 0x0000010d, 0x000400e0, 0x0000001f, 0x0000001f, 0x0000002d,
  0x000200f9, 0x0000010e, 0x000200f8, 0x0000010e, 0x000500c2, 0x0000000d, 0x00000110, 0x00000119,
  0x00000057, 0x000200f9, 0x000000fa, 0x000200f8, 0x00000111, 0x00050041, 0x0000002b, 0x00000112,
  0x00000028, 0x0000005b, 0x0004003d, 0x00000007, 0x00000113, 0x00000112, 0x000400e0, 0x0000001f,
  0x0000001f, 0x0000002d, 0x00050051, 0x00000006, 0x0000008b, 0x00000113, 0x00000000, 0x00040070,
  0x00000006, 0x0000008e, 0x00000075, 0x00050088, 0x00000006, 0x0000008f, 0x0000008b, 0x0000008e,
  0x000500aa, 0x00000022, 0x00000091, 0x00000063, 0x00000013, 0x000300f7, 0x00000093, 0x00000000,
  0x000400fa, 0x00000091, 0x00000092, 0x00000093, 0x000200f8, 0x00000092, 0x00050041, 0x00000073,
  0x00000099, 0x00000071, 0x00000057, 0x0004003d, 0x0000000d, 0x0000009a, 0x00000099, 0x00060041,
  0x0000007f, 0x0000009b, 0x00000098, 0x0000005b, 0x0000009a, 0x0004003d, 0x00000006, 0x0000009c,
  0x0000009b, 0x0004007c, 0x0000000d, 0x0000009d, 0x0000009c, 0x00050041, 0x00000073, 0x0000009f,
  0x00000071, 0x0000009e, 0x0004003d, 0x0000000d, 0x000000a0, 0x0000009f, 0x00050089, 0x0000000d,
  0x000000a1, 0x0000009d, 0x000000a0, 0x00050041, 0x00000073, 0x000000a8, 0x00000071, 0x000000a7,
  0x0004003d, 0x0000000d, 0x000000a9, 0x000000a8, 0x00050080, 0x0000000d, 0x000000ad, 0x000000a1,
  0x000000a0, 0x00050082, 0x0000000d, 0x000000ae, 0x000000ad, 0x00000018, 0x00050089, 0x0000000d,
  0x000000b1, 0x000000ae, 0x000000a0, 0x00050084, 0x0000000d, 0x000000b2, 0x0000001f, 0x000000b1,
  0x00050080, 0x0000000d, 0x000000b3, 0x000000a9, 0x000000b2, 0x00050080, 0x0000000d, 0x000000b4,
  0x000000b3, 0x00000018, 0x00060041, 0x000000b5, 0x000000b6, 0x000000a6, 0x0000005b, 0x000000b4,
  0x0004003d, 0x0000000d, 0x000000b7, 0x000000b6, 0x00050084, 0x0000000d, 0x000000bb, 0x0000001f,
  0x000000a1, 0x00050080, 0x0000000d, 0x000000bc, 0x000000a9, 0x000000bb, 0x0004007c, 0x0000000d,
  0x000000be, 0x0000008f, 0x00060041, 0x000000b5, 0x000000bf, 0x000000a6, 0x0000005b, 0x000000bc,
  0x0003003e, 0x000000bf, 0x000000be, 0x00050080, 0x0000000d, 0x000000c5, 0x000000bc, 0x00000018,
  0x000500c7, 0x0000000d, 0x000000c9, 0x000000be, 0x000000c8, 0x000500aa, 0x00000022, 0x000000ca,
  0x000000c9, 0x000000c8, 0x000600a9, 0x0000000d, 0x000000cb, 0x000000ca, 0x00000018, 0x00000013,
  0x000500ab, 0x00000022, 0x000000cd, 0x000000b7, 0x00000013, 0x000600a9, 0x0000000d, 0x000000cf,
  0x000000cd, 0x000000ce, 0x00000013, 0x000500c5, 0x0000000d, 0x000000d0, 0x000000cb, 0x000000cf,
  0x00060041, 0x000000b5, 0x000000d1, 0x000000a6, 0x0000005b, 0x000000c5, 0x0003003e, 0x000000d1,
  0x000000d0, 0x000200f9, 0x00000093, 0x000200f8, 0x00000093, 0x000100fd, 0x00010038,
};
static const uint32_t dive__spv_nonfinite_scan[] = { /* nonfinite_scan.comp, 537 words */
  0x07230203, 0x00010300, 0x0008000b, 0x0000007a, 0x00000000, 0x00020011, 0x00000001, 0x0006000b,
  0x00000001, 0x4c534c47, 0x6474732e, 0x3035342e, 0x00000000, 0x0003000e, 0x00000000, 0x00000001,
  0x0008000f, 0x00000005, 0x00000004, 0x6e69616d, 0x00000000, 0x0000000c, 0x00000011, 0x0000001d,
  0x00060010, 0x00000004, 0x00000011, 0x00000100, 0x00000001, 0x00000001, 0x00040047, 0x0000000c,
  0x0000000b, 0x0000001a, 0x00040047, 0x00000011, 0x0000000b, 0x00000018, 0x00040047, 0x00000019,
  0x00000001, 0x00000000, 0x00040047, 0x0000001a, 0x0000000b, 0x00000019, 0x00040047, 0x0000001d,
  0x0000000b, 0x0000001b, 0x00050048, 0x00000027, 0x00000000, 0x00000023, 0x00000000, 0x00050048,
  0x00000027, 0x00000001, 0x00000023, 0x00000004, 0x00050048, 0x00000027, 0x00000002, 0x00000023,
  0x00000008, 0x00050048, 0x00000027, 0x00000003, 0x00000023, 0x0000000c, 0x00050048, 0x00000027,
  0x00000004, 0x00000023, 0x00000010, 0x00030047, 0x00000027, 0x00000002, 0x00040047, 0x00000035,
  0x00000006, 0x00000004, 0x00040048, 0x00000036, 0x00000000, 0x00000018, 0x00050048, 0x00000036,
  0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x00000036, 0x00000002, 0x00040047, 0x00000038,
  0x00000022, 0x00000000, 0x00040047, 0x00000038, 0x00000021, 0x00000000, 0x00040047, 0x00000048,
  0x00000006, 0x00000004, 0x00040048, 0x00000049, 0x00000000, 0x00000018, 0x00050048, 0x00000049,
  0x00000000, 0x00000023, 0x00000000, 0x00030047, 0x00000049, 0x00000002, 0x00040047, 0x0000004b,
  0x00000022, 0x00000000, 0x00040047, 0x0000004b, 0x00000021, 0x00000001, 0x00040047, 0x00000056,
  0x00000006, 0x00000004, 0x00050048, 0x00000057, 0x00000000, 0x00000023, 0x00000000, 0x00030047,
  0x00000057, 0x00000002, 0x00040047, 0x00000059, 0x00000022, 0x00000000, 0x00040047, 0x00000059,
  0x00000021, 0x00000002, 0x00020013, 0x00000002, 0x00030021, 0x00000003, 0x00000002, 0x00040015,
  0x00000006, 0x00000020, 0x00000000, 0x00040017, 0x0000000a, 0x00000006, 0x00000003, 0x00040020,
  0x0000000b, 0x00000001, 0x0000000a, 0x0004003b, 0x0000000b, 0x0000000c, 0x00000001, 0x0004002b,
  0x00000006, 0x0000000d, 0x00000001, 0x00040020, 0x0000000e, 0x00000001, 0x00000006, 0x0004003b,
  0x0000000b, 0x00000011, 0x00000001, 0x0004002b, 0x00000006, 0x00000012, 0x00000000, 0x00040032,
  0x00000006, 0x00000019, 0x00000100, 0x00060033, 0x0000000a, 0x0000001a, 0x00000019, 0x0000000d,
  0x0000000d, 0x0004003b, 0x0000000b, 0x0000001d, 0x00000001, 0x0007001e, 0x00000027, 0x00000006,
  0x00000006, 0x00000006, 0x00000006, 0x00000006, 0x00040020, 0x00000028, 0x00000009, 0x00000027,
  0x0004003b, 0x00000028, 0x00000029, 0x00000009, 0x00040015, 0x0000002a, 0x00000020, 0x00000001,
  0x0004002b, 0x0000002a, 0x0000002b, 0x00000003, 0x00040020, 0x0000002c, 0x00000009, 0x00000006,
  0x00020014, 0x0000002f, 0x00030016, 0x00000034, 0x00000020, 0x0003001d, 0x00000035, 0x00000034,
  0x0003001e, 0x00000036, 0x00000035, 0x00040020, 0x00000037, 0x0000000c, 0x00000036, 0x0004003b,
  0x00000037, 0x00000038, 0x0000000c, 0x0004002b, 0x0000002a, 0x00000039, 0x00000000, 0x00040020,
  0x0000003e, 0x0000000c, 0x00000034, 0x0004002b, 0x00000006, 0x00000042, 0x7f800000, 0x0003001d,
  0x00000048, 0x00000034, 0x0003001e, 0x00000049, 0x00000048, 0x00040020, 0x0000004a, 0x0000000c,
  0x00000049, 0x0004003b, 0x0000004a, 0x0000004b, 0x0000000c, 0x0004002b, 0x0000002a, 0x0000004c,
  0x00000001, 0x0004002b, 0x0000002a, 0x00000052, 0x00000004, 0x0003001d, 0x00000056, 0x00000006,
  0x0003001e, 0x00000057, 0x00000056, 0x00040020, 0x00000058, 0x0000000c, 0x00000057, 0x0004003b,
  0x00000058, 0x00000059, 0x0000000c, 0x0004002b, 0x0000002a, 0x0000005a, 0x00000002, 0x0004002b,
  0x00000006, 0x0000005d, 0x00000002, 0x00040020, 0x00000062, 0x0000000c, 0x00000006, 0x00050036,
  0x00000002, 0x00000004, 0x00000000, 0x00000003, 0x000200f8, 0x00000005, 0x000300f7, 0x00000065,
  0x00000000, 0x000300fb, 0x00000012, 0x00000066, 0x000200f8, 0x00000066, 0x00050041, 0x0000000e,
  0x0000006d, 0x0000000c, 0x0000000d, 0x0004003d, 0x00000006, 0x0000006e, 0x0000006d, 0x00050041,
  0x0000000e, 0x0000006f, 0x00000011, 0x00000012, 0x0004003d, 0x00000006, 0x00000070, 0x0000006f,
  0x00050084, 0x00000006, 0x00000071, 0x0000006e, 0x00000070, 0x00050041, 0x0000000e, 0x00000072,
  0x0000000c, 0x00000012, 0x0004003d, 0x00000006, 0x00000073, 0x00000072, 0x00050080, 0x00000006,
  0x00000074, 0x00000071, 0x00000073, 0x00050051, 0x00000006, 0x00000075, 0x0000001a, 0x00000000,
  0x00050084, 0x00000006, 0x00000076, 0x00000074, 0x00000075, 0x00050041, 0x0000000e, 0x00000077,
  0x0000001d, 0x00000012, 0x0004003d, 0x00000006, 0x00000078, 0x00000077, 0x00050080, 0x00000006,
  0x00000079, 0x00000076, 0x00000078, 0x00050041, 0x0000002c, 0x0000002d, 0x00000029, 0x0000002b,
  0x0004003d, 0x00000006, 0x0000002e, 0x0000002d, 0x000500ae, 0x0000002f, 0x00000030, 0x00000079,
  0x0000002e, 0x000300f7, 0x00000032, 0x00000000, 0x000400fa, 0x00000030, 0x00000031, 0x00000032,
  0x000200f8, 0x00000031, 0x000200f9, 0x00000065, 0x000200f8, 0x00000032, 0x00050041, 0x0000002c,
  0x0000003a, 0x00000029, 0x00000039, 0x0004003d, 0x00000006, 0x0000003b, 0x0000003a, 0x00050080,
  0x00000006, 0x0000003d, 0x0000003b, 0x00000079, 0x00060041, 0x0000003e, 0x0000003f, 0x00000038,
  0x00000039, 0x0000003d, 0x0004003d, 0x00000034, 0x00000040, 0x0000003f, 0x0004007c, 0x00000006,
  0x00000041, 0x00000040, 0x000500c7, 0x00000006, 0x00000043, 0x00000041, 0x00000042, 0x000500aa,
  0x0000002f, 0x00000044, 0x00000043, 0x00000042, 0x000300f7, 0x00000046, 0x00000000, 0x000400fa,
  0x00000044, 0x00000045, 0x00000046, 0x000200f8, 0x00000045, 0x00050041, 0x0000002c, 0x0000004d,
  0x00000029, 0x0000004c, 0x0004003d, 0x00000006, 0x0000004e, 0x0000004d, 0x00060041, 0x0000003e,
  0x0000004f, 0x0000004b, 0x00000039, 0x0000004e, 0x0004003d, 0x00000034, 0x00000050, 0x0000004f,
  0x0004007c, 0x00000006, 0x00000051, 0x00000050, 0x00050041, 0x0000002c, 0x00000053, 0x00000029,
  0x00000052, 0x0004003d, 0x00000006, 0x00000054, 0x00000053, 0x00050089, 0x00000006, 0x00000055,
  0x00000051, 0x00000054, 0x00050041, 0x0000002c, 0x0000005b, 0x00000029, 0x0000005a, 0x0004003d,
  0x00000006, 0x0000005c, 0x0000005b, 0x00050084, 0x00000006, 0x0000005f, 0x0000005d, 0x00000055,
  0x00050080, 0x00000006, 0x00000060, 0x0000005c, 0x0000005f, 0x00050080, 0x00000006, 0x00000061,
  0x00000060, 0x0000000d, 0x00060041, 0x00000062, 0x00000063, 0x00000059, 0x00000039, 0x00000061,
  0x000700f1, 0x00000006, 0x00000064, 0x00000063, 0x0000000d, 0x00000012, 0x0000005d, 0x000200f9,
  0x00000046, 0x000200f8, 0x00000046, 0x000200f9, 0x00000065, 0x000200f8, 0x00000065, 0x000100fd,
  0x00010038,
};
// <<<dive-spirv
static const dive__vk_shader dive__vk_shaders[] = {
#define DIVE__X(stem, nbuf, wmask) {#stem, dive__spv_##stem, sizeof dive__spv_##stem},
  DIVE__SHADER_LIST(DIVE__X)
#undef DIVE__X
};
static const dive__vk_shader *dive__vk_shader_get(int sh) { return &dive__vk_shaders[sh]; }
#endif

#ifdef __cplusplus
}
#endif
#endif /* DIVE_IMPLEMENTATION */

/*
REVISION HISTORY
  0.1.0  first release: CPU backend (OpenMP; AVX-512 / AVX2 kernels chosen at run time) and
         Vulkan backend (every op as a compute shader, SPIR-V embedded), CIFAR ResNets,
         CE / BSCE / KD / DiVE losses, SGD, the virtual-example analyzer, evaluation by
         Many / Medium / Few, safetensors checkpoints that PyTorch loads, data loaders (IDX,
         CIFAR binary, image lists via stb_image), exact resume of training
  0.2.0  torchvision's ResNet / ResNeXt family (resnet18-152, resnext50_32x4d,
         resnext101_32x8d, wide_resnet50/101_2), checkpoints torchvision loads; data
         parallelism with MPI (DIVE_MPI: dive_dist_*, dive_resnet_set_dist, sync-BN);
         the Vulkan training step recorded once and replayed, tiled implicit-GEMM
         convolutions, the non-finite check on every backend, dive_resnet_sync; CPU
         kernels for aarch64 (NEON) and a vectorized portable path, Winograd F(2x2, 3x3),
         batch norm folded into the convs in eval mode; the paper's KD / no-BSCE / alpha 0
         losses and schedules; DIVE_CHECK as one mechanism; per-ctx threads

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
