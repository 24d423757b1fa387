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
/* ds->index, one 0-based position per line, in dataset order (--dump-indices). */
DIVE_API dive_status dive_dataset_write_indices(const dive_dataset *ds, const char *path);
DIVE_API void dive_dataset_free(dive_dataset *ds); /* zeroes *ds; NULL or zeroed: no-op */

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

#if !defined(DIVE_NO_THREADS) && !defined(_WIN32)
#define DIVE__THREADS 1
#ifdef __cplusplus
}
#endif
#include <pthread.h>
#ifdef __cplusplus
extern "C" {
#endif
#else
#define DIVE__THREADS 0
#endif

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

/* CRC-32 (IEEE 802.3, reflected 0xEDB88320), as gzip stores it. The table is rebuilt per
   call (2 KB of work): no shared state between loader threads. */
static DIVE__UNUSED uint32_t dive__crc32(uint32_t crc, const uint8_t *p, size_t n) {
  uint32_t t[256];
  uint32_t i, k, c;
  size_t j;
  for (i = 0; i < 256; i++) {
    c = i;
    for (k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    t[i] = c;
  }
  crc = ~crc;
  for (j = 0; j < n; j++) crc = t[(crc ^ p[j]) & 0xFF] ^ (crc >> 8);
  return ~crc;
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

DIVE_API dive_status dive_dataset_longtail(dive_dataset *ds, double imb_factor, dive_lt_mode mode, int n_max) {
  static const char *who = "dive_dataset_longtail";
  int C, i;
  int64_t *keep = NULL, *cls = NULL, nk = 0, k, j, pix;
  int *target = NULL;
  dive__mt19937 *mt = NULL;
  uint8_t *img = NULL;
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
  /* gather in selection order */
  pix = (int64_t)ds->channels * ds->height * ds->width;
  if (ds->images) {
    img = (uint8_t *)DIVE_MALLOC((size_t)(nk * pix) + 1);
    if (!img) { s = dive__fail(DIVE_ERR_OOM, "%s: no memory", who); goto done; }
    for (k = 0; k < nk; k++) memcpy(img + k * pix, ds->images + keep[k] * pix, (size_t)pix);
    DIVE_FREE(ds->images);
    ds->images = img;
  }
  for (k = 0; k < nk; k++) cls[k] = ds->labels[keep[k]]; /* cls reused as scratch */
  for (k = 0; k < nk; k++) ds->labels[k] = (int32_t)cls[k];
  for (k = 0; k < nk; k++) cls[k] = ds->index[keep[k]];
  memcpy(ds->index, cls, (size_t)nk * sizeof(int64_t));
  if (ds->path_offset) {
    for (k = 0; k < nk; k++) cls[k] = ds->path_offset[keep[k]];
    memcpy(ds->path_offset, cls, (size_t)nk * sizeof(int64_t));
  }
  ds->n = nk;
  s = dive_dataset_recount(ds);
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
  int64_t epoch_n, nbatches;
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
  int64_t left = ld->epoch_n - b * ld->d.batch_size;
  return left < ld->d.batch_size ? left : ld->d.batch_size;
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
  int64_t b = pos / ld->d.batch_size, at = pos % ld->d.batch_size;
  int slot = (int)(b % ld->nslots);
  int64_t idx = ld->perm[pos];
  size_t si = (size_t)slot * (size_t)ld->d.batch_size + (size_t)at;
  float *dst = ld->sx + si * (size_t)ld->sample;
  dive_rng r;
  uint64_t key = ((uint64_t)(uint32_t)ld->epoch << 40) ^ (uint64_t)pos;
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
    int64_t pos = ld->next_sample, b = pos / ld->d.batch_size;
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
      if (s && (!ld->serr[slot] || pos % ld->d.batch_size < ld->serr_pos[slot])) {
        ld->serr[slot] = s;
        ld->serr_pos[slot] = (int)(pos % ld->d.batch_size);
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
      (unsigned)ld->d.augment > 2u) {
    dive__fail(DIVE_ERR_ARG,
               "%s: bad desc (batch %d, threads %d, prefetch %d, out_size %d, resize %d, jitter %g, "
               "augment %d for a%s dataset with %d channels)",
               who, ld->d.batch_size, ld->d.threads, ld->d.prefetch, ld->d.out_size, ld->d.resize,
               (double)ld->d.jitter, (int)ld->d.augment, ld->is_list ? " list" : "n in-memory", ds->channels);
    dive_loader_destroy(ld);
    return DIVE_ERR_ARG;
  }
  ld->oc = ld->is_list ? 3 : ds->channels;
  ld->oh = ld->is_list ? ld->d.out_size : ds->height;
  ld->ow = ld->is_list ? ld->d.out_size : ds->width;
  ld->sample = (int64_t)ld->oc * ld->oh * ld->ow;
  for (c = 0; c < ld->oc; c++) /* exactly (v / 255 - mean) / std, in float */
    for (v = 0; v < 256; v++) ld->lut[c * 256 + v] = ((float)v / 255.0f - ld->d.mean[c]) / ld->d.std[c];
  ld->epoch_n = ld->d.drop_last ? ds->n / ld->d.batch_size * ld->d.batch_size : ds->n;
  ld->nbatches = (ld->epoch_n + ld->d.batch_size - 1) / ld->d.batch_size;
  ld->nslots = ld->d.threads < 0 || !DIVE__THREADS ? 1 : ld->d.prefetch;
  slots = (size_t)ld->nslots * (size_t)ld->d.batch_size;
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
      s = dive__loader_sample(ld, b * ld->d.batch_size + i, msg, sizeof msg);
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
    size_t base = (size_t)slot * (size_t)ld->d.batch_size;
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
