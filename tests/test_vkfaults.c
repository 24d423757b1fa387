/* test_vkfaults: device faults on the Vulkan backend, injected with DIVE_VK_FAULTS (lavapipe
   cannot run out of device memory or lose its device; docs/reliability.md):
     1. device out of memory: DIVE_VK_FAULT=oom:k fails the k-th vkAllocateMemory of a
        workload (ctx, ResNet-8, two train steps, save_state, predict), for every k, with
        tensors mapped and with DIVE_VK_STAGING=1: each run ends with DIVE_ERR_OOM and a
        message naming vkAllocateMemory, no crash, no tensor buffer or host block left
     2. device lost: DIVE_VK_FAULT=lost:k makes the k-th queue submit / fence wait and all
        later ones fail, for every k of a short training run that saves a training state
        every other step: DIVE_ERR_DEVICE_LOST with the call's name; later calls (also after
        dive_ctx_clear_error) fail at once; a save after the loss leaves the last good
        checkpoint byte-identical, with no temp file; everything is freed; the checkpoint
        loads in a new ctx
     3. DIVE_VK_FP16=1 on a device without shaderFloat16 (DIVE_VK_FAULT_NOFP16=1 hides the
        feature): DIVE_ERR_UNSUPPORTED naming the switch and the feature
     4. a device with 9 storage buffers per stage (DIVE_VK_FAULT_BUFS9=1): the BN apply is
        not folded into the next conv (DIVE_VK_FOLD needs 10), the epilogues stay on, and a
        ResNet-8 training step records no *_fold GEMM (and some without the fault)
     5. a device without subgroup arithmetic (DIVE_VK_FAULT_NOSUBGROUP=1 hides it): the
        work-group reductions keep their shared-memory trees, a ResNet-8 step records no
        *_sg variant and runs (and some *_sg without the fault where the device has it)
   Any validation-layer message fails the run. No Vulkan device (or DIVE_BACKEND=cpu): its
   VKF_CHECKS checks are counted as skipped (failed when DIVE_REQUIRE_VULKAN=1).
     make build/test_vkfaults && . tests/vk_env.sh && DIVE_VK_VALIDATION=1 ./build/test_vkfaults */
#define _DEFAULT_SOURCE /* mkdtemp, setenv */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <unistd.h>

#include "test_alloc.h"
#define DIVE_VK_FAULTS
#define DIVE_IMPLEMENTATION
#include "../dive.h"
#include "test_util.h"

/* the checks of a run: counted as skipped when there is no device; a run that makes
   another number fails, so update it with the checks */
#define VKF_CHECKS 11

#ifndef DIVE_NO_VULKAN
/* A ResNet-8 training step (eager) on a ctx made with the test fault `fault` set (NULL:
   none): the ctx's fold, epilogue and subgroup switches into sw[0..3), the *_fold GEMMs and
   *_sg reductions it recorded into n[0..2) (-1 when it did not run) */
static void resnet8_step(const dive_ctx_desc *cd, const char *fault, int *sw, int64_t *n) {
  dive_ctx *ctx = NULL;
  dive_resnet *m = NULL;
  dive_resnet_desc rd;
  dive_sgd_desc sd;
  dive_loss_desc ld;
  float x[2 * 3 * 16 * 16];
  int32_t y[2] = {0, 1};
  int i;
  sw[0] = sw[1] = sw[2] = -1;
  n[0] = n[1] = -1;
  if (fault) setenv(fault, "1", 1);
  setenv("DIVE_VK_REPLAY", "0", 1);
  if (dive_ctx_create(&ctx, cd) == DIVE_OK) {
    memset(&rd, 0, sizeof rd);
    rd.depth = 8; rd.num_classes = 2; rd.base_width = 4; rd.height = rd.width = 16; rd.max_batch = 2;
    memset(&sd, 0, sizeof sd);
    sd.lr = 0.01f;
    memset(&ld, 0, sizeof ld);
    for (i = 0; i < 2 * 3 * 16 * 16; i++) x[i] = (float)(i % 7) - 3.0f;
    sw[0] = ctx->vk->fold;
    sw[1] = ctx->vk->fuse;
    sw[2] = ctx->vk->sg;
    if (!dive_resnet_create(ctx, &m, &rd) && !dive_resnet_train_step(m, NULL, x, y, 2, &ld, &sd, NULL) &&
        !dive_resnet_sync(m, 1, NULL, NULL)) {
      n[0] = ctx->vk->folds;
      n[1] = ctx->vk->sg_runs;
    }
    dive_resnet_destroy(m);
    dive_ctx_destroy(ctx);
  }
  unsetenv("DIVE_VK_REPLAY");
  if (fault) unsetenv(fault);
}

/* 4 checks: a ResNet-8 step without a fault, with DIVE_VK_FAULT_BUFS9 (the fold's switch
   off, the epilogues on, no *_fold GEMM) and with DIVE_VK_FAULT_NOSUBGROUP (the device's
   subgroup arithmetic hidden: the reductions' shared-memory trees, no *_sg dispatch, the
   step still runs) */
static void fallbacks(const dive_ctx_desc *cd) {
  int on[3], bufs9[3], nosg[3];
  int64_t n[2], n9[2], n0[2];
  char msg[160];
  resnet8_step(cd, NULL, on, n);
  resnet8_step(cd, "DIVE_VK_FAULT_BUFS9", bufs9, n9);
  resnet8_step(cd, "DIVE_VK_FAULT_NOSUBGROUP", nosg, n0);
  snprintf(msg, sizeof msg, "fold %d, epilogues %d; with the fault: %d, %d", on[0], on[1], bufs9[0], bufs9[1]);
  check(on[0] == 1 && on[1] == 1 && bufs9[0] == 0 && bufs9[1] == 1, "9 storage buffers per stage: no fold, epilogues on",
        msg);
  snprintf(msg, sizeof msg, "*_fold GEMMs %lld; with the fault: %lld", (long long)n[0], (long long)n9[0]);
  check(n[0] > 0 && n9[0] == 0, "9 storage buffers per stage: the ResNet-8 step folds nothing", msg);
  snprintf(msg, sizeof msg, "subgroup reductions %d, *_sg %lld; with the fault: %d, %lld", on[2], (long long)n[1],
           nosg[2], (long long)n0[1]);
  check(nosg[2] == 0 && n0[1] == 0 && n0[0] >= 0, "no subgroup arithmetic: the trees, the step runs", msg);
  check(on[2] == 0 || n[1] > 0, "subgroup arithmetic: the step's reductions as *_sg", msg);
}
#endif

#ifdef DIVE_NO_VULKAN
int main(void) {
  skip_part("test_vkfaults", VKF_CHECKS, 1, "built with DIVE_NO_VULKAN");
  return summary();
}
#else


static dive_status ctx_and_model(dive_ctx **ctx, dive_resnet **m) {
  dive_ctx_desc cd;
  dive_resnet_desc rd;
  dive_status s;
  memset(&cd, 0, sizeof cd);
  cd.backend = DIVE_BACKEND_VULKAN;
  *m = NULL;
  if ((s = dive_ctx_create(ctx, &cd))) { *ctx = NULL; return s; }
  memset(&rd, 0, sizeof rd);
  rd.depth = 8; rd.base_width = 4; rd.num_classes = 3; rd.in_channels = 1; rd.height = rd.width = 8;
  rd.max_batch = 4; rd.seed = 1;
  return dive_resnet_create(*ctx, m, &rd);
}

static float g_x[4 * 64];
static int32_t g_y[4] = {0, 1, 2, 0};
static int g_counts[3] = {2, 1, 1};
static dive_status step(dive_resnet *m) {
  dive_loss_desc loss;
  dive_sgd_desc sgd;
  float l;
  memset(&loss, 0, sizeof loss);
  loss.kind = DIVE_LOSS_BSCE;
  loss.class_counts = g_counts;
  memset(&sgd, 0, sizeof sgd);
  sgd.lr = 0.1f; sgd.momentum = 0.9f;
  return dive_resnet_train_step(m, NULL, g_x, g_y, 4, &loss, &sgd, &l);
}

/* what a ctx holds once every tensor is freed: the loss's per-example scratch, if made */
static int leftover_buffers(dive_ctx *ctx) {
  return ctx->vk->live_buffers - (ctx->vk->scratch.impl.dev ? 1 : 0);
}

/* 1. the k-th device allocation fails */
static dive_status oom_run(char *msg, size_t msg_size, int *left) {
  dive_ctx *ctx = NULL;
  dive_resnet *m = NULL;
  float logits[4 * 3];
  char ck[256];
  dive_status s;
  path(ck, "oom.safetensors");
  *left = 0;
  if ((s = ctx_and_model(&ctx, &m)) || (s = step(m)) || (s = step(m)) || (s = dive_resnet_save_state(m, ck, 1)) ||
      (s = dive_resnet_predict(m, g_x, 4, logits))) {}
  snprintf(msg, msg_size, "%s", ctx && dive_ctx_status(ctx) ? dive_ctx_error(ctx) : dive_last_error());
  dive_resnet_destroy(m);
  if (ctx) *left = leftover_buffers(ctx);
  dive_ctx_destroy(ctx);
  return s;
}

static void test_oom(const char *mode) {
  long k, errors = 0, wrong = 0, nomsg = 0, leaks = 0, bufs = 0;
  char msg[512], env[32], what[80], detail[300], first[512] = "";
  dive_status s = DIVE_OK;
  int left;
  for (k = 1; k < 1000; k++) {
    snprintf(env, sizeof env, "oom:%ld", k);
    setenv("DIVE_VK_FAULT", env, 1);
    g_live = 0;
    s = oom_run(msg, sizeof msg, &left);
    if (s == DIVE_OK) break; /* k is past the workload's last allocation */
    errors++;
    if (!first[0]) snprintf(first, sizeof first, "%s", msg);
    if (s != DIVE_ERR_OOM) { if (!wrong++) printf("  oom:%ld: %s: %s\n", k, dive_status_str(s), msg); }
    if (!strstr(msg, "vkAllocateMemory") || !strstr(msg, "VK_ERROR_OUT_OF_DEVICE_MEMORY")) {
      if (!nomsg++) printf("  oom:%ld: message: %s\n", k, msg);
    }
    if (g_live) { if (!leaks++) printf("  oom:%ld: %ld host blocks leaked\n", k, g_live); }
    if (left) { if (!bufs++) printf("  oom:%ld: %d tensor buffers left at ctx destroy\n", k, left); }
  }
  unsetenv("DIVE_VK_FAULT");
  snprintf(what, sizeof what, "oom [%s]: fail device allocation k, for every k", mode);
  snprintf(detail, sizeof detail, "%ld runs: %ld DIVE_ERR_OOM, %ld other, %ld bad message, %ld leaking, "
           "%ld buffers left; then a clean run (%s)", errors + 1, errors - wrong, wrong, nomsg, leaks, bufs,
           dive_status_str(s));
  check(s == DIVE_OK && errors >= 5 && !wrong && !nomsg && !leaks && !bufs, what, detail);
  printf("  e.g. %s\n", first);
}

/* 2. the device is lost at the k-th submit / wait of a short training run; `seed` is the
   last good checkpoint before the run (epoch 0) */
static dive_status lost_run(const unsigned char *seed, long seed_n, char *detail, size_t dsize, int *bad) {
  dive_ctx *ctx = NULL, *c2 = NULL;
  dive_resnet *m = NULL, *m2 = NULL;
  unsigned char *last = NULL;
  long last_n = seed_n;
  int64_t last_epoch = 0, ep = -1, i;
  char ck[256], msg[512];
  float *w = NULL;
  double t0;
  dive_status s, s1, s2, s3, s4;
  int left = 0, live;
  path(ck, "lost.safetensors");
  spit(ck, seed, seed_n);
  last = (unsigned char *)malloc((size_t)seed_n);
  memcpy(last, seed, (size_t)seed_n);
  *bad = 0;
  detail[0] = 0;
  g_live = 0;
  s = ctx_and_model(&ctx, &m);
  for (i = 0; !s && i < 4; i++) {
    if ((s = step(m))) break;
    if (i % 2 == 1) { /* a checkpoint every other step, as a training loop would */
      if ((s = dive_resnet_save_state(m, ck, i))) break;
      free(last);
      last = slurp(ck, &last_n);
      last_epoch = i;
    }
  }
  if (!s && ctx) s = dive_ctx_sync(ctx);
  if (s == DIVE_OK) { /* k is past the run's last submit */
    dive_resnet_destroy(m);
    dive_ctx_destroy(ctx);
    free(last);
    return s;
  }
  snprintf(msg, sizeof msg, "%s", ctx ? dive_ctx_error(ctx) : dive_last_error());
  if (s != DIVE_ERR_DEVICE_LOST || !strstr(msg, "VK_ERROR_DEVICE_LOST") ||
      !(strstr(msg, "vkQueueSubmit") || strstr(msg, "vkWaitForFences"))) {
    snprintf(detail, dsize, "%s: %s", dive_status_str(s), msg);
    *bad = 1;
  }
  if (ctx && m) {
    /* later calls fail at once, also after the error is cleared */
    w = (float *)malloc(sizeof(float) * (size_t)m->params.numel);
    t0 = dive_time_sec();
    s1 = step(m);
    s2 = dive_resnet_save_state(m, ck, 99);
    dive_ctx_clear_error(ctx);
    s3 = dive_ctx_sync(ctx);
    dive_ctx_clear_error(ctx);
    s4 = dive_tensor_read(&m->params, w, m->params.numel);
    dive_ctx_clear_error(ctx);
    if (step(m) != DIVE_ERR_DEVICE_LOST) s4 = DIVE_OK;
    dive_ctx_clear_error(ctx);
    if (dive_resnet_save_state(m, ck, 98) != DIVE_ERR_DEVICE_LOST) s4 = DIVE_OK;
    if (!*bad && (s1 != DIVE_ERR_DEVICE_LOST || s2 != DIVE_ERR_DEVICE_LOST || s3 != DIVE_ERR_DEVICE_LOST ||
                  s4 != DIVE_ERR_DEVICE_LOST || dive_time_sec() - t0 > 2.0)) {
      snprintf(detail, dsize, "after the loss: step %s, save %s, sync %s, read %s, %.2f s", dive_status_str(s1),
               dive_status_str(s2), dive_status_str(s3), dive_status_str(s4), dive_time_sec() - t0);
      *bad = 2;
    }
    free(w);
  }
  if (!*bad && !file_is(ck, last, last_n)) { snprintf(detail, dsize, "the last checkpoint changed"); *bad = 3; }
  if (!*bad && temp_files()) { snprintf(detail, dsize, "a temp file was left"); *bad = 4; }
  dive_resnet_destroy(m);
  if (ctx) left = leftover_buffers(ctx);
  dive_ctx_destroy(ctx);
  live = (int)g_live;
  if (!*bad && (left || live)) { snprintf(detail, dsize, "%d tensor buffers, %d host blocks left", left, live); *bad = 5; }
  /* the last good checkpoint loads in a new ctx */
  unsetenv("DIVE_VK_FAULT");
  if (!*bad && (ctx_and_model(&c2, &m2) || dive_resnet_load_state(m2, ck, &ep) || ep != last_epoch)) {
    snprintf(detail, dsize, "the last checkpoint does not load: %s (epoch %lld, want %lld)",
             c2 ? dive_ctx_error(c2) : dive_last_error(), (long long)ep, (long long)last_epoch);
    *bad = 6;
  }
  dive_resnet_destroy(m2);
  dive_ctx_destroy(c2);
  free(last);
  if (!*bad) snprintf(detail, dsize, "%s", msg);
  return s;
}

/* every `stride`-th k (odd, so that submits and waits both get hit) */
static void test_lost(const char *mode, long stride) {
  dive_ctx *ctx;
  dive_resnet *m;
  unsigned char *seed;
  long k, n = 0, errors = 0, bad_runs = 0;
  char ck[256], env[32], what[80], detail[600], first[600] = "", last_msg[600] = "";
  dive_status s = DIVE_OK;
  int bad;
  path(ck, "seed.safetensors");
  if (ctx_and_model(&ctx, &m) || dive_resnet_save_state(m, ck, 0)) {
    check(0, "lost: setup", dive_last_error());
    return;
  }
  dive_resnet_destroy(m);
  dive_ctx_destroy(ctx);
  seed = slurp(ck, &n);
  for (k = 1; k < 5000; k += stride) {
    snprintf(env, sizeof env, "lost:%ld", k);
    setenv("DIVE_VK_FAULT", env, 1);
    s = lost_run(seed, n, detail, sizeof detail, &bad);
    if (s == DIVE_OK) break;
    errors++;
    if (bad && !bad_runs++) printf("  lost:%ld: %s\n", k, detail);
    if (!bad && !first[0]) snprintf(first, sizeof first, "%s", detail);
    if (!bad) snprintf(last_msg, sizeof last_msg, "%s", detail);
  }
  unsetenv("DIVE_VK_FAULT");
  free(seed);
  snprintf(what, sizeof what, "lost [%s]: device lost at submit/wait k = 1, %ld, ...", mode, 1 + stride);
  snprintf(detail, sizeof detail, "%ld runs: %ld lost and handled, %ld mishandled; then a clean run (%s)",
           errors + 1, errors - bad_runs, bad_runs, dive_status_str(s));
  check(s == DIVE_OK && errors >= 10 && !bad_runs, what, detail);
  printf("  first: %s\n  last:  %s\n", first, last_msg);
}

int main(void) {
  dive_ctx *ctx = NULL;
  dive_ctx_desc cd;
  int i;
  char cmd[128];
  double t0 = dive_time_sec();
  unsetenv("DIVE_VK_FAULT");
  memset(&cd, 0, sizeof cd);
  cd.backend = DIVE_BACKEND_VULKAN;
  if (!expect_backend(dive_ctx_create(&ctx, &cd), &ctx, DIVE_BACKEND_VULKAN, "test_vkfaults", VKF_CHECKS))
    return summary();
  printf("device: %s\n", dive_query_device_name(ctx));
  dive_ctx_destroy(ctx);
  for (i = 0; i < 4 * 64; i++) g_x[i] = (float)((i * 37) % 64) / 64.0f;
  snprintf(g_dir, sizeof g_dir, "%s/dive_vkfaults.XXXXXX", access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
  if (!mkdtemp(g_dir)) { perror("mkdtemp"); return 1; }
  /* a bad DIVE_VK_FAULT is refused, not ignored (a typo would make the test vacuous) */
  setenv("DIVE_VK_FAULT", "oops:3", 1);
  check(dive_ctx_create(&ctx, &cd) == DIVE_ERR_ARG && strstr(dive_last_error(), "DIVE_VK_FAULT"),
        "DIVE_VK_FAULT=oops:3 is refused", dive_last_error());
  unsetenv("DIVE_VK_FAULT");
  /* the opt-in fp16 mode on a device without shaderFloat16 (DIVE_VK_FAULT_NOFP16 hides it):
     refused with an error that names the switch and the feature, no ctx */
  setenv("DIVE_VK_FP16", "1", 1);
  setenv("DIVE_VK_FAULT_NOFP16", "1", 1);
  ctx = NULL;
  check(dive_ctx_create(&ctx, &cd) == DIVE_ERR_UNSUPPORTED && !ctx && strstr(dive_last_error(), "DIVE_VK_FP16=1") &&
            strstr(dive_last_error(), "shaderFloat16"), "DIVE_VK_FP16=1 without shaderFloat16 is refused", dive_last_error());
  unsetenv("DIVE_VK_FAULT_NOFP16");
  unsetenv("DIVE_VK_FP16");
  fallbacks(&cd);
  test_oom("mapped");
  test_lost("mapped", 1);
  setenv("DIVE_VK_STAGING", "1", 1);
  test_oom("staging");
  test_lost("staging", 11); /* each staged copy is a submit: ~280 points, 1 in 11 tried */
  unsetenv("DIVE_VK_STAGING");
  snprintf(cmd, sizeof cmd, "rm -rf %s", g_dir);
  if (system(cmd)) {}
  printf("validation messages: %d\n", dive__vk_validation_errors(NULL));
  check(dive__vk_validation_errors(NULL) == 0, "no validation messages (process)", NULL);
  part_ran("test_vkfaults", g_pass + g_fail, VKF_CHECKS);
  printf("(%.1f s)\n", dive_time_sec() - t0);
  return summary();
}
#endif /* DIVE_NO_VULKAN */
