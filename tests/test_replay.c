/* test_replay.c - the Vulkan training step recorded once and replayed (dive_resnet_train_step,
   dive_resnet_sync; docs/vulkan.md "The recorded training step"), on lavapipe:
   - replayed steps are bit-identical to the same steps each recorded afresh
     (DIVE_VK_REPLAY=fresh) and to the eager step (DIVE_VK_REPLAY=0): parameters, momentum,
     BN statistics and num_batches_tracked, through a sequence that changes the batch size,
     runs an evaluation (eval-mode BN) between steps, saves a training state and loads it
     back after two more steps, and with a DiVE teacher; and within 2e-3 of the CPU;
   - the losses: dive_resnet_sync's sum and count over the steps equal the sum of the
     losses each step returns with loss_out (and the CPU's);
   - a NaN pixel at step 4: the weights stay those after step 3 (the SGD skipped on the
     device, and the step after it too), and DIVE_ERR_NONFINITE names step 4: returned by
     step 4 itself with loss_out, by step 5 without (two steps in flight), at once on the CPU;
   - the counters of a steady-state ResNet-32 step, and of a DiVE step with a ResNet-32
     teacher (its eval forward interleaved with the student's): host waits <= 1, descriptor
     writes 0, barriers no more than the step's dependency depth (+1, the barrier to the
     host); the DiVE steps replayed == recorded afresh each step, bit for bit;
   - the opt-in fp16 mode (DIVE_VK_FP16=1): a few ResNet-32 steps' losses and weights close
     to fp32's;
   - loss scaling (DIVE_VK_LOSS_SCALE): in fp32 a power-of-two scale leaves the sequence's
     weights bit-identical to the unscaled run's, replay == eager == recorded afresh, the
     scale grows on schedule and a training state keeps it; in fp16 an overflowing scale
     skips exactly its step (weights unchanged), halves, and training goes on; a loss whose
     gradients underflow fp16 gets them close to fp32's with scaling (and not without).
   No Vulkan device: the Vulkan checks are counted as skipped. Validation messages fail. */
#define DIVE_IMPLEMENTATION
#include "../dive.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#define TEST_UTIL_COUNTS_ONLY
#include "test_util.h"

#define NCLS 4
#define HW 12
#define B 8

static void check(int ok, const char *what, double v) {
  printf("%-64s %s  (%g)\n", what, ok ? "OK  " : "FAIL", v);
  if (ok) g_pass++; else g_fail++;
}

/* deterministic batch k: images (n, 1, HW, HW) and labels */
static void batch(int k, int n, float *x, int32_t *y) {
  dive_rng r;
  int i, j;
  dive_rng_seed(&r, 1000 + (uint64_t)k);
  for (i = 0; i < n; i++) {
    y[i] = (int32_t)((i + k) % NCLS);
    for (j = 0; j < HW * HW; j++) x[i * HW * HW + j] = 0.5f * dive_rng_normal(&r) + (j % NCLS == y[i] ? 1.0f : 0.0f);
  }
}

typedef struct run {
  float *params, *mom, *bufs;
  int64_t np, nb, nbt; /* nbt: sum of every num_batches_tracked */
  double loss_sum;     /* from dive_resnet_sync */
  int64_t loss_steps;
  double ret_sum;      /* the sum of the losses returned with loss_out */
  int64_t peek;        /* dive_resnet_sync(m, 0, ...)'s count after step 5 */
  float ls[3];         /* loss scaling at the end: scale, good steps, skipped steps (0: off) */
  int ok;
} run;

static void run_free(run *r) { free(r->params); free(r->mom); free(r->bufs); memset(r, 0, sizeof *r); }

static dive_ctx *make_ctx(dive_backend be, const char *where, int n) {
  dive_ctx_desc cd;
  dive_ctx *ctx = NULL;
  memset(&cd, 0, sizeof cd);
  cd.backend = be;
  if (!expect_backend(dive_ctx_create(&ctx, &cd), &ctx, be, where, n)) return NULL;
  return ctx;
}

static dive_resnet *make_model(dive_ctx *ctx, uint64_t seed) {
  dive_resnet_desc rd;
  dive_resnet *m = NULL;
  memset(&rd, 0, sizeof rd);
  rd.depth = 8; rd.in_channels = 1; rd.num_classes = NCLS; rd.base_width = 4;
  rd.height = rd.width = HW; rd.max_batch = B; rd.seed = seed;
  if (dive_resnet_create(ctx, &m, &rd)) printf("create: %s\n", dive_ctx_error(ctx));
  return m;
}

static void snapshot(dive_resnet *m, run *r) {
  int i;
  const dive_tensor *p = dive_resnet_tensor(m, DIVE_RESNET_PARAMS), *b = dive_resnet_tensor(m, DIVE_RESNET_BUFFERS);
  r->np = p->numel;
  r->nb = b->numel;
  r->params = (float *)malloc(4 * (size_t)r->np);
  r->mom = (float *)malloc(4 * (size_t)r->np);
  r->bufs = (float *)malloc(4 * (size_t)r->nb);
  r->ok &= !dive_tensor_read(p, r->params, r->np) &&
           !dive_tensor_read(dive_resnet_tensor(m, DIVE_RESNET_MOMENTUM), r->mom, r->np) &&
           !dive_tensor_read(b, r->bufs, r->nb);
  r->nbt = 0;
  for (i = 0; i < dive_resnet_num_state(m); i++)
    if (dive_resnet_state(m, i)->kind == DIVE_PARAM_COUNTER) r->nbt += *dive_resnet_state(m, i)->counter;
}

/* The sequence: 3 steps; an evaluation (eval-mode forward of 5 images); a step of 5
   images; 2 steps; the training state saved; 2 steps; the state loaded; 2 steps. With
   `dive_loss` a DiVE loss against a teacher (another seed's model). want_loss: pass
   loss_out (each step waits for its loss) on even steps, NULL on odd ones. */
static void sequence(dive_backend be, const char *replay, int dive_loss, run *r) {
  static const int sizes[] = {B, B, B, 5, B, B, B, B, B, B};
  dive_ctx *ctx;
  dive_resnet *m, *t = NULL;
  dive_loss_desc ld;
  dive_sgd_desc sd;
  float x[B * HW * HW], lg[B * NCLS];
  int32_t y[B];
  int counts[NCLS] = {20, 10, 5, 2}, k;
  int64_t ep;
  char path[256];
  memset(r, 0, sizeof *r);
  r->ok = 1;
  if (replay) setenv("DIVE_VK_REPLAY", replay, 1);
  else unsetenv("DIVE_VK_REPLAY");
  ctx = make_ctx(be, "sequence", 0);
  if (!ctx) { r->ok = -1; return; }
  m = make_model(ctx, 42);
  if (dive_loss) t = make_model(ctx, 7);
  memset(&ld, 0, sizeof ld);
  ld.kind = dive_loss ? DIVE_LOSS_DIVE : DIVE_LOSS_BSCE;
  ld.class_counts = counts;
  memset(&sd, 0, sizeof sd);
  sd.lr = 0.05f; sd.momentum = 0.9f; sd.weight_decay = 5e-4f;
  snprintf(path, sizeof path, "%s/dive_test_replay_%d.safetensors", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp",
           (int)getpid()); /* not build/: the sanitizer builds run from build-asan/ */
  for (k = 0; k < 10 && m && r->ok; k++) {
    float l = 0;
    batch(k, sizes[k], x, y);
    sd.lr = 0.05f * (1.0f + 0.1f * (float)k); /* the learning rate changes every step */
    if (dive_resnet_train_step(m, t, x, y, sizes[k], &ld, &sd, k % 2 ? NULL : &l)) {
      printf("step %d: %s\n", k + 1, dive_ctx_error(ctx));
      r->ok = 0;
    }
    if (!(k % 2)) r->ret_sum += l;
    if (k == 2) { /* an evaluation between steps: BN in eval mode */
      batch(99, 5, x, y);
      r->ok &= !dive_resnet_predict(m, x, 5, lg);
    }
    if (k == 4) r->ok &= !dive_resnet_sync(m, 0, NULL, &r->peek); /* never blocks, no restart */
    if (k == 5) r->ok &= !dive_resnet_save_state(m, path, 3);
    if (k == 7) r->ok &= !dive_resnet_load_state(m, path, &ep) && ep == 3;
  }
  /* the loss sums: the steps 8 and 9 undone by the load still count (they ran) */
  if (m) r->ok &= !dive_resnet_sync(m, 1, &r->loss_sum, &r->loss_steps);
  if (m && r->ok) snapshot(m, r);
  if (m && r->ok) dive__rn_loss_scale(m, r->ls);
  if (!r->ok) printf("sequence (%s, %s): %s\n", backend_name(be), replay ? replay : "default", dive_ctx_error(ctx));
  unlink(path);
  dive_resnet_destroy(t);
  dive_resnet_destroy(m);
  dive_ctx_destroy(ctx);
}

static double maxrel(const float *a, const float *b, int64_t n) {
  double d = 0;
  int64_t i;
  for (i = 0; i < n; i++) d = fmax(d, fabs((double)a[i] - b[i]) / fmax(1e-2, fabs((double)b[i])));
  return d;
}

static int same(const run *a, const run *b) {
  return a->np == b->np && a->nb == b->nb && !memcmp(a->params, b->params, 4 * (size_t)a->np) &&
         !memcmp(a->mom, b->mom, 4 * (size_t)a->np) && !memcmp(a->bufs, b->bufs, 4 * (size_t)a->nb) && a->nbt == b->nbt;
}

/* replay vs fresh recordings vs eager vs the CPU; 7 checks per loss */
static void check_sequences(int dive_loss, const run *cpu) {
  run rp, fr, eg;
  char what[96];
  const char *nm = dive_loss ? "DiVE + teacher" : "BSCE";
  sequence(DIVE_BACKEND_VULKAN, NULL, dive_loss, &rp);
  if (rp.ok < 0) { skip_part(nm, 7, 1, "no Vulkan device"); return; }
  sequence(DIVE_BACKEND_VULKAN, "fresh", dive_loss, &fr);
  sequence(DIVE_BACKEND_VULKAN, "0", dive_loss, &eg);
  snprintf(what, sizeof what, "%s: the 10-step sequence ran (replay, fresh, eager)", nm);
  check(rp.ok == 1 && fr.ok == 1 && eg.ok == 1, what, 0);
  if (rp.ok == 1 && fr.ok == 1 && eg.ok == 1) {
    snprintf(what, sizeof what, "%s: replay == recorded afresh each step (bitwise)", nm);
    check(same(&rp, &fr), what, maxrel(rp.params, fr.params, rp.np));
    snprintf(what, sizeof what, "%s: replay == eager (bitwise)", nm);
    check(same(&rp, &eg), what, maxrel(rp.params, eg.params, rp.np));
    snprintf(what, sizeof what, "%s: sync: 10 steps, loss sum replay == fresh", nm);
    check(rp.loss_steps == 10 && fabs(rp.loss_sum - fr.loss_sum) == 0 && rp.ret_sum > 0 && rp.ret_sum < rp.loss_sum,
          what, rp.loss_sum);
    snprintf(what, sizeof what, "%s: sync without waiting after step 5 counts steps 3..5", nm);
    check(rp.peek >= 3 && rp.peek <= 5 && fr.peek >= 3 && fr.peek <= 5 && eg.peek == 5, what, (double)rp.peek);
    if (cpu->ok == -1) {
      skip_part("vulkan vs cpu", 2, 0, "the cpu part did not run");
    } else {
      snprintf(what, sizeof what, "%s: vulkan vs cpu: weights within 2e-3", nm);
      check(cpu->ok == 1 && rp.np == cpu->np && maxrel(rp.params, cpu->params, rp.np) < 2e-3 && rp.nbt == cpu->nbt, what,
            cpu->ok == 1 ? maxrel(rp.params, cpu->params, rp.np) : -1);
      snprintf(what, sizeof what, "%s: vulkan vs cpu: epoch loss sum within 1e-4", nm);
      check(cpu->ok == 1 && cpu->loss_steps == 10 && fabs(rp.loss_sum - cpu->loss_sum) < 1e-4 * fabs(cpu->loss_sum) &&
            fabs(rp.ret_sum - cpu->ret_sum) < 1e-4 * fabs(cpu->ret_sum), what, rp.loss_sum - cpu->loss_sum);
    }
  }
  run_free(&rp); run_free(&fr); run_free(&eg);
}

/* NaN at step 4 (a NaN pixel): 4 checks per (backend, loss_out) */
static void check_nonfinite(dive_backend be, int with_loss) {
  dive_ctx *ctx;
  dive_resnet *m, *ref;
  dive_loss_desc ld;
  dive_sgd_desc sd;
  float x[B * HW * HW], l, *p3, *pw, *m3, *mw;
  int32_t y[B];
  int k, at = -1;
  dive_status st = DIVE_OK;
  int64_t np;
  char what[128], want[32];
  const char *bn = backend_name(be);
  unsetenv("DIVE_VK_REPLAY");
  if (!(ctx = make_ctx(be, "non-finite", 4))) return;
  m = make_model(ctx, 42);
  ref = make_model(ctx, 42);
  memset(&ld, 0, sizeof ld);
  ld.kind = DIVE_LOSS_CE;
  memset(&sd, 0, sizeof sd);
  sd.lr = 0.05f; sd.momentum = 0.9f;
  for (k = 0; k < 6 && !st; k++) {
    batch(k, B, x, y);
    if (k == 3) x[5 * HW * HW + 17] = NAN;
    st = dive_resnet_train_step(m, NULL, x, y, B, &ld, &sd, with_loss ? &l : NULL);
    if (st) at = k + 1;
  }
  if (!st) st = dive_resnet_sync(m, 1, NULL, NULL), at = st ? 7 : -1;
  snprintf(want, sizeof want, "step 4:");
  snprintf(what, sizeof what, "%s%s: NaN at step 4: DIVE_ERR_NONFINITE naming step 4", bn, with_loss ? " loss_out" : "");
  check(st == DIVE_ERR_NONFINITE && strstr(dive_ctx_error(ctx), want) != NULL, what, at);
  printf("  (%s)\n", dive_ctx_error(ctx));
  snprintf(what, sizeof what, "%s%s: ... returned by step %d", bn, with_loss ? " loss_out" : "",
           be == DIVE_BACKEND_VULKAN && !with_loss ? 5 : 4);
  check(at == (be == DIVE_BACKEND_VULKAN && !with_loss ? 5 : 4), what, at);
  dive_ctx_clear_error(ctx);
  for (k = 0; k < 3; k++) { /* the reference: the three good steps alone */
    batch(k, B, x, y);
    dive_resnet_train_step(ref, NULL, x, y, B, &ld, &sd, &l);
  }
  np = dive_resnet_num_params(m);
  p3 = (float *)malloc(4 * (size_t)np); pw = (float *)malloc(4 * (size_t)np);
  m3 = (float *)malloc(4 * (size_t)np); mw = (float *)malloc(4 * (size_t)np);
  dive_tensor_read(dive_resnet_tensor(ref, DIVE_RESNET_PARAMS), p3, np);
  dive_tensor_read(dive_resnet_tensor(m, DIVE_RESNET_PARAMS), pw, np);
  dive_tensor_read(dive_resnet_tensor(ref, DIVE_RESNET_MOMENTUM), m3, np);
  dive_tensor_read(dive_resnet_tensor(m, DIVE_RESNET_MOMENTUM), mw, np);
  snprintf(what, sizeof what, "%s%s: weights and momentum == after step 3 (bitwise)", bn, with_loss ? " loss_out" : "");
  check(!dive_ctx_status(ctx) && !memcmp(p3, pw, 4 * (size_t)np) && !memcmp(m3, mw, 4 * (size_t)np), what,
        maxrel(pw, p3, np));
  /* after the error (cleared), training goes on: the next step updates the weights */
  batch(7, B, x, y);
  st = dive_resnet_train_step(m, NULL, x, y, B, &ld, &sd, NULL);
  if (!st) st = dive_resnet_sync(m, 1, NULL, NULL);
  dive_tensor_read(dive_resnet_tensor(m, DIVE_RESNET_PARAMS), pw, np);
  snprintf(what, sizeof what, "%s%s: after clearing the error the next step trains", bn, with_loss ? " loss_out" : "");
  check(!st && memcmp(p3, pw, 4 * (size_t)np) != 0, what, st);
  free(p3); free(pw); free(m3); free(mw);
  dive_resnet_destroy(m);
  dive_resnet_destroy(ref);
  dive_ctx_destroy(ctx);
}

/* Steady-state ResNet-32 steps (batch 2): WARM + STEPS steps, the counters of the last
   STEPS taken into c (per step, as doubles) and the dependency depth of the recording;
   with a teacher (another ResNet-32), the DiVE loss. The parameters, momentum and BN
   buffers after the steps go to r (when given). 0 when a step failed, -1 when there is no
   Vulkan device (its nskip checks counted as skipped). */
enum { WARM = 2, STEPS = 3 };
/* The end of a run of WARM + STEPS steps: the counters since c0 per step into c, the
   recording's depth, the weights into r (when given and the steps went well); ok or 0. */
static int steps_end(dive_ctx *ctx, dive_resnet *m, const int64_t *c0, double *c, int64_t *depth, run *r, int ok) {
  int64_t c1[5];
  int i;
  dive_query_vk_counters(ctx, c1);
  ok = ok && !dive_resnet_sync(m, 1, NULL, NULL);
  for (i = 0; i < 5; i++) c[i] = (double)(c1[i] - c0[i]) / STEPS;
  *depth = m && m->cap ? m->cap->depth : -1;
  if (ok && r) {
    memset(r, 0, sizeof *r);
    r->ok = 1;
    snapshot(m, r);
    ok = r->ok;
  }
  return ok;
}

static int counter_steps(int teacher, const char *replay, double *c, int64_t *depth, run *r, int nskip) {
  dive_ctx *ctx;
  dive_resnet *m, *t = NULL;
  dive_resnet_desc rd;
  dive_loss_desc ld;
  dive_sgd_desc sd;
  float *x;
  int32_t y[2] = {1, 7};
  int counts[10] = {50, 40, 30, 20, 15, 10, 8, 6, 4, 2};
  int k, i, ok = 1;
  int64_t c0[5] = {0, 0, 0, 0, 0};
  if (replay) setenv("DIVE_VK_REPLAY", replay, 1);
  else unsetenv("DIVE_VK_REPLAY");
  if (!(ctx = make_ctx(DIVE_BACKEND_VULKAN, "counters", nskip))) return -1;
  memset(&rd, 0, sizeof rd);
  rd.depth = 32; rd.num_classes = 10; rd.max_batch = 2; rd.seed = 3;
  if (dive_resnet_create(ctx, &m, &rd)) { dive_ctx_destroy(ctx); return 0; }
  rd.seed = 5;
  if (teacher && dive_resnet_create(ctx, &t, &rd)) { dive_resnet_destroy(m); dive_ctx_destroy(ctx); return 0; }
  memset(&ld, 0, sizeof ld);
  if (teacher) { ld.kind = DIVE_LOSS_DIVE; ld.class_counts = counts; }
  memset(&sd, 0, sizeof sd);
  sd.lr = 0.01f; sd.momentum = 0.9f;
  x = (float *)malloc(sizeof(float) * 2 * 3 * 32 * 32);
  for (i = 0; i < 2 * 3 * 32 * 32; i++) x[i] = (float)((i * 37) % 101) / 101.0f - 0.5f;
  for (k = 0; k < WARM + STEPS; k++) {
    if (k == WARM) dive_query_vk_counters(ctx, c0);
    sd.lr = 0.01f * (float)(k + 1); /* a per-replay scalar */
    if (dive_resnet_train_step(m, t, x, y, 2, &ld, &sd, NULL)) { ok = 0; break; }
  }
  ok = steps_end(ctx, m, c0, c, depth, r, ok);
  free(x);
  dive_resnet_destroy(t);
  dive_resnet_destroy(m);
  dive_ctx_destroy(ctx);
  unsetenv("DIVE_VK_REPLAY");
  return ok;
}

/* the counters of steady-state ResNet-32 steps (batch 2), CE (4 checks) and DiVE with a
   ResNet-32 teacher (5 checks: the replayed steps also == the steps recorded afresh) */
static void check_counters(int teacher) {
  double c[5], cf[5];
  int64_t depth, df;
  int ok;
  run rp, fr;
  char what[96];
  const char *nm = teacher ? "DiVE step" : "step";
  memset(&rp, 0, sizeof rp);
  memset(&fr, 0, sizeof fr);
  ok = counter_steps(teacher, NULL, c, &depth, teacher ? &rp : NULL, teacher ? 5 : 4);
  if (ok < 0) return;
  snprintf(what, sizeof what, "counters: ResNet-32 %ss replayed", nm);
  check(ok && depth > 0, what, (double)depth);
  if (ok && depth > 0) {
    printf("  ResNet-32 %s (batch 2, steady state): submits %.1f, host waits %.1f, dispatches %.1f, barriers %.1f, "
           "descriptor writes %.1f; dependency depth %lld\n", nm, c[0], c[1], c[2], c[3], c[4], (long long)depth);
    snprintf(what, sizeof what, "counters: %s: host waits per step <= 1", nm);
    check(c[1] <= 1, what, c[1]);
    snprintf(what, sizeof what, "counters: %s: descriptor writes per replayed step 0", nm);
    check(c[4] == 0, what, c[4]);
    snprintf(what, sizeof what, "counters: %s: barriers <= dependency depth + 1 (host)", nm);
    check(c[3] <= (double)depth + 1 && c[3] == floor(c[3]), what, c[3]);
  } else {
    check(0, "counters: no capture", 0); check(0, "counters: no capture", 0); check(0, "counters: no capture", 0);
  }
  if (teacher) {
    ok = ok && counter_steps(teacher, "fresh", cf, &df, &fr, 1) == 1;
    snprintf(what, sizeof what, "counters: %s: replay == recorded afresh each step (bitwise)", nm);
    check(ok && same(&rp, &fr), what, ok ? maxrel(rp.params, fr.params, rp.np) : -1);
  }
  run_free(&rp);
  run_free(&fr);
}

/* The opt-in reduced-precision mode (DIVE_VK_FP16=1: the conv GEMMs' tiles in fp16, fp32
   sums, fp32 weights and SGD) against fp32: ResNet-32 (batch 4, CE, learning rate 0.02), NSTEP recorded and
   replayed steps from the same weights, each step's loss (loss_out); 0 when it failed. */
enum { NSTEP = 4 };
static int fp16_losses(int fp16, float *loss, run *r) {
  dive_ctx *ctx;
  dive_resnet *m;
  dive_resnet_desc rd;
  dive_loss_desc ld;
  dive_sgd_desc sd;
  float *x;
  int32_t y[4] = {1, 7, 3, 0};
  int k, i, ok = 1;
  unsetenv("DIVE_VK_REPLAY");
  if (fp16) {
    dive_ctx_desc cd;
    dive_status st;
    memset(&cd, 0, sizeof cd);
    cd.backend = DIVE_BACKEND_VULKAN;
    setenv("DIVE_VK_FP16", "1", 1);
    st = dive_ctx_create(&ctx, &cd);
    unsetenv("DIVE_VK_FP16");
    if (st == DIVE_ERR_UNSUPPORTED) { /* a device without shaderFloat16: refused */
      skip_part("fp16 mode", 3, 0, dive_last_error());
      return -2;
    }
    if (st) return 0;
  } else if (!(ctx = make_ctx(DIVE_BACKEND_VULKAN, "fp16", 3))) {
    return -1;
  }
  if (ctx->vk->fp16 != fp16) ok = 0;
  memset(&rd, 0, sizeof rd);
  rd.depth = 32; rd.num_classes = 10; rd.max_batch = 4; rd.seed = 3;
  if (dive_resnet_create(ctx, &m, &rd)) { dive_ctx_destroy(ctx); return 0; }
  memset(&ld, 0, sizeof ld);
  memset(&sd, 0, sizeof sd);
  sd.lr = 0.02f; sd.momentum = 0.9f;
  x = (float *)malloc(sizeof(float) * 4 * 3 * 32 * 32);
  for (i = 0; i < 4 * 3 * 32 * 32; i++) x[i] = (float)((i * 37) % 101) / 101.0f - 0.5f;
  for (k = 0; k < NSTEP && ok; k++) /* the same batch every step: the loss falls */
    if (dive_resnet_train_step(m, NULL, x, y, 4, &ld, &sd, &loss[k])) ok = 0;
  if (ok) {
    float v[3];
    memset(r, 0, sizeof *r);
    r->ok = 1;
    snapshot(m, r);
    ok = r->ok && (!fp16 || ctx->vk->gemms_h > 0);
    if (dive__rn_loss_scale(m, v))
      printf("  fp16 loss scale after %d steps: %g (%g good steps, %g skipped)\n", NSTEP, (double)v[0], (double)v[1],
             (double)v[2]);
  }
  free(x);
  dive_resnet_destroy(m);
  dive_ctx_destroy(ctx);
  return ok;
}

/* 3 checks: the fp16 steps ran (their GEMMs the fp16 ones); step 1's loss (the forward
   from the same weights) within 1e-3 of fp32's and not equal; every step's loss within 0.1
   times the first loss of fp32's, and both falling 4x (one batch, memorized). Not tighter: the backward of this network amplifies rounding
   (fp32's too, docs/vulkan.md), so the fp16 gradients of the early layers differ from
   fp32's by about 1e-1 relative and the trajectories drift apart (the per-kernel errors are
   checked tightly in test_vulkan's fp16 mode). */
static void check_fp16(void) {
  float l32[NSTEP], l16[NSTEP];
  double dl = 0, dw;
  run a, b;
  int ok, k;
  memset(&a, 0, sizeof a);
  memset(&b, 0, sizeof b);
  ok = fp16_losses(0, l32, &a);
  if (ok < 0) return;
  if (ok == 1 && (ok = fp16_losses(1, l16, &b)) == -2) { run_free(&a); return; }
  ok = ok == 1;
  check(ok, "fp16: ResNet-32 steps ran, with the fp16 GEMMs", 0);
  if (ok) {
    for (k = 0; k < NSTEP; k++) {
      printf("  step %d loss: fp32 %.6f fp16 %.6f\n", k + 1, (double)l32[k], (double)l16[k]);
      dl = fmax(dl, fabs((double)l16[k] - l32[k]) / fabs((double)l32[0]));
    }
    dw = fabs((double)l16[0] - l32[0]) / fabs((double)l32[0]);
    printf("  weights after %d steps: max relative difference %.3g (floor 1e-2)\n", NSTEP, maxrel(b.params, a.params, a.np));
    check(dw < 1e-3 && dw > 0, "fp16: step 1 (the forward from the same weights): loss within 1e-3", dw);
    check(dl < 0.1 && l16[NSTEP - 1] < 0.25f * l16[0] && l32[NSTEP - 1] < 0.25f * l32[0],
          "fp16: losses within 0.1 x the first of fp32's, both fall 4x", dl);
  } else {
    check(0, "fp16: no losses", 0);
    check(0, "fp16: no weights", 0);
  }
  run_free(&a);
  run_free(&b);
}

/* Loss scaling in fp32 (5 checks): the BSCE sequence with DIVE_VK_LOSS_SCALE=2^12 doubling
   every 3 good steps. Scaling by a power of two is exact, so the weights, momentum and BN
   statistics must be the unscaled replay's bit for bit (the unscale off by a factor
   1.0001 fails it), in the replayed, eager and freshly recorded steps alike. The scale:
   2^13 after step 3, 2^14 after step 6 (saved in the training state), 2 good steps more,
   the state loaded (2^14, 0 good steps), 2 more: 2^14 with 2 good steps; without the
   resume keeping it, 2^15 with 1. */
static void check_loss_scale_fp32(void) {
  run un, rp, eg, fr;
  int ok;
  sequence(DIVE_BACKEND_VULKAN, NULL, 0, &un);
  if (un.ok < 0) { skip_part("loss scale fp32", 5, 1, "no Vulkan device"); return; }
  setenv("DIVE_VK_LOSS_SCALE", "4096", 1);
  setenv("DIVE_VK_LOSS_SCALE_GROWTH", "3", 1);
  sequence(DIVE_BACKEND_VULKAN, NULL, 0, &rp);
  sequence(DIVE_BACKEND_VULKAN, "0", 0, &eg);
  sequence(DIVE_BACKEND_VULKAN, "fresh", 0, &fr);
  unsetenv("DIVE_VK_LOSS_SCALE");
  unsetenv("DIVE_VK_LOSS_SCALE_GROWTH");
  unsetenv("DIVE_VK_REPLAY");
  ok = un.ok == 1 && rp.ok == 1 && eg.ok == 1 && fr.ok == 1;
  check(ok && un.ls[0] == 0 && rp.ls[0] > 0, "loss scale 2^12 (fp32): the sequences ran, scaled (replay, eager, fresh)",
        rp.ls[0]);
  if (ok) {
    printf("  scale at the end: replay %g (%g good, %g skipped), eager %g (%g), fresh %g (%g)\n", (double)rp.ls[0],
           (double)rp.ls[1], (double)rp.ls[2], (double)eg.ls[0], (double)eg.ls[1], (double)fr.ls[0], (double)fr.ls[1]);
    check(same(&rp, &un), "loss scale 2^12 (fp32): weights == the unscaled run's (bitwise)", maxrel(rp.params, un.params, un.np));
    check(same(&rp, &eg) && same(&rp, &fr), "loss scale 2^12 (fp32): replay == eager == fresh (bitwise)",
          maxrel(rp.params, eg.params, rp.np));
    check(rp.loss_sum == un.loss_sum && fr.loss_sum == un.loss_sum && rp.ret_sum == un.ret_sum,
          "loss scale 2^12 (fp32): the losses are the unscaled run's", rp.loss_sum - un.loss_sum);
    check(rp.ls[0] == 16384 && rp.ls[1] == 2 && rp.ls[2] == 0 && !memcmp(rp.ls, eg.ls, sizeof rp.ls) &&
          !memcmp(rp.ls, fr.ls, sizeof rp.ls), "loss scale: 2^14, 2 good steps at the end (grown; kept by the state)",
          (double)rp.ls[0]);
  } else {
    check(0, "loss scale fp32: no run", 0); check(0, "loss scale fp32: no run", 0);
    check(0, "loss scale fp32: no run", 0); check(0, "loss scale fp32: no run", 0);
  }
  run_free(&un); run_free(&rp); run_free(&eg); run_free(&fr);
}

/* a ctx on Vulkan with DIVE_VK_FP16=fp16 and DIVE_VK_LOSS_SCALE=scale (NULL: the default);
   NULL when there is none (-1 in *why: no device, -2: no shaderFloat16) */
static dive_ctx *ls_ctx(int fp16, const char *scale, int *why) {
  dive_ctx_desc cd;
  dive_ctx *ctx = NULL;
  dive_status st;
  memset(&cd, 0, sizeof cd);
  cd.backend = DIVE_BACKEND_VULKAN;
  setenv("DIVE_VK_FP16", fp16 ? "1" : "0", 1);
  if (scale) setenv("DIVE_VK_LOSS_SCALE", scale, 1);
  st = dive_ctx_create(&ctx, &cd);
  unsetenv("DIVE_VK_FP16");
  unsetenv("DIVE_VK_LOSS_SCALE");
  *why = st == DIVE_ERR_UNSUPPORTED ? -2 : -1;
  if (st || ctx->backend != DIVE_BACKEND_VULKAN) { dive_ctx_destroy(ctx); return NULL; }
  return ctx;
}

/* fp16 with a scale of 2^20, which overflows fp16 (a logit gradient near 0.1 times 2^20
   is above 65504): CE steps on one batch, replayed (replay = NULL) or eager ("0"). Each
   skipped step must leave the weights and momentum as they were, halve the scale and
   count one skip; then training goes on. Returns the number of steps until the first
   update (0 on failure), the weights after NSK steps into r. */
enum { NSK = 8 };
static int overflow_steps(const char *replay, run *r, int *skips_ok, float *ls_end) {
  dive_ctx *ctx;
  dive_resnet *m;
  dive_loss_desc ld;
  dive_sgd_desc sd;
  float x[B * HW * HW], l, v[3], *p0, *p1;
  int32_t y[B];
  int k, first = 0, why;
  int64_t np;
  if (replay) setenv("DIVE_VK_REPLAY", replay, 1);
  else unsetenv("DIVE_VK_REPLAY");
  ctx = ls_ctx(1, "1048576", &why);
  unsetenv("DIVE_VK_REPLAY");
  if (!ctx) return why;
  m = make_model(ctx, 42);
  np = dive_resnet_num_params(m);
  p0 = (float *)malloc(8 * (size_t)np);
  p1 = (float *)malloc(8 * (size_t)np);
  memset(&ld, 0, sizeof ld);
  ld.kind = DIVE_LOSS_CE;
  memset(&sd, 0, sizeof sd);
  sd.lr = 0.05f; sd.momentum = 0.9f;
  *skips_ok = 1;
  batch(0, B, x, y);
  for (k = 0; k < NSK; k++) {
    float before = 0;
    dive_tensor_read(dive_resnet_tensor(m, DIVE_RESNET_PARAMS), p0, np);
    dive_tensor_read(dive_resnet_tensor(m, DIVE_RESNET_MOMENTUM), p0 + np, np);
    dive__rn_loss_scale(m, v);
    before = v[0];
    if (dive_resnet_train_step(m, NULL, x, y, B, &ld, &sd, &l)) {
      printf("overflow step %d: %s\n", k + 1, dive_ctx_error(ctx));
      *skips_ok = 0;
      break;
    }
    dive__rn_loss_scale(m, v);
    dive_tensor_read(dive_resnet_tensor(m, DIVE_RESNET_PARAMS), p1, np);
    dive_tensor_read(dive_resnet_tensor(m, DIVE_RESNET_MOMENTUM), p1 + np, np);
    if (!first) {
      int unchanged = !memcmp(p0, p1, 8 * (size_t)np);
      printf("  step %d: scale %g -> %g, skipped %g, loss %.5f, weights %s\n", k + 1, (double)before, (double)v[0],
             (double)v[2], (double)l, unchanged ? "unchanged" : "updated");
      if (unchanged) *skips_ok &= v[0] == before / 2 && v[2] == (float)(k + 1) && l == l;
      else first = k + 1, *skips_ok &= v[0] == before && v[2] == (float)k;
    }
  }
  *ls_end = v[0];
  memset(r, 0, sizeof *r);
  r->ok = 1;
  snapshot(m, r);
  free(p0); free(p1);
  dive_resnet_destroy(m);
  dive_ctx_destroy(ctx);
  return first;
}

/* 1 check: a scale that is not a power of two (or 2^127) and a negative growth are refused */
static void check_loss_scale_args(void) {
  dive_ctx *ctx;
  int why, ok;
  if (!(ctx = ls_ctx(0, "0", &why))) { skip_part("loss scale arguments", 1, 1, "no Vulkan device"); return; }
  dive_ctx_destroy(ctx);
  ok = !ls_ctx(0, "3", &why) && strstr(dive_last_error(), "power of two") != NULL;
  ok = ok && !ls_ctx(0, "1.7014118346046923e38", &why); /* 2^127: its inverse is not a normal float */
  setenv("DIVE_VK_LOSS_SCALE_GROWTH", "-1", 1);
  ok = ok && !ls_ctx(0, "1024", &why);
  unsetenv("DIVE_VK_LOSS_SCALE_GROWTH");
  check(ok, "loss scale: DIVE_VK_LOSS_SCALE=3, =2^127, GROWTH=-1 refused", 0);
}

/* 3 checks */
static void check_loss_scale_overflow(void) {
  run rp, eg;
  int fr, fe, okr = 0, oke = 0;
  float sr = 0, se = 0;
  memset(&rp, 0, sizeof rp);
  memset(&eg, 0, sizeof eg);
  fr = overflow_steps(NULL, &rp, &okr, &sr);
  if (fr == -1) { skip_part("loss scale overflow", 3, 1, "no Vulkan device"); return; }
  if (fr == -2) { skip_part("loss scale overflow", 3, 0, "no shaderFloat16"); return; }
  fe = overflow_steps("0", &eg, &oke, &se);
  check(fr > 1 && fr < NSK && okr, "loss scale 2^20 (fp16): overflowing steps skipped (weights kept), scale halved", fr);
  check(fe == fr && oke && se == sr, "loss scale 2^20 (fp16): the eager step skips the same steps", fe);
  check(rp.ok == 1 && eg.ok == 1 && same(&rp, &eg), "loss scale (fp16): replay == eager after the steps (bitwise)",
        rp.ok == 1 && eg.ok == 1 ? maxrel(rp.params, eg.params, rp.np) : -1);
  run_free(&rp); run_free(&eg);
}

/* One DiVE step whose loss is 2^-20 T^2 KL (alpha 2^-20, no first term): logit gradients
   near 1e-8, under fp16's smallest subnormal (6e-8). The gradient arena after the step
   into g (unscaled); 0 on failure. */
static int tiny_grads(int fp16, const char *scale, float *g, int64_t *n) {
  dive_ctx *ctx;
  dive_resnet *m, *t;
  dive_loss_desc ld;
  dive_sgd_desc sd;
  float x[B * HW * HW], l;
  int32_t y[B];
  int counts[NCLS] = {20, 10, 5, 2}, why, ok;
  unsetenv("DIVE_VK_REPLAY");
  if (!(ctx = ls_ctx(fp16, scale, &why))) return why;
  m = make_model(ctx, 42);
  t = make_model(ctx, 7);
  memset(&ld, 0, sizeof ld);
  ld.kind = DIVE_LOSS_DIVE;
  ld.alpha = 1.0f / 1048576.0f;
  ld.alpha_set = 1;
  ld.no_bsce = 1;
  ld.class_counts = counts;
  memset(&sd, 0, sizeof sd);
  sd.lr = 0.05f;
  batch(3, B, x, y);
  ok = m && t && !dive_resnet_train_step(m, t, x, y, B, &ld, &sd, &l);
  *n = dive_resnet_num_params(m);
  ok = ok && !dive_tensor_read(dive_resnet_tensor(m, DIVE_RESNET_GRADS), g, *n);
  if (!ok) printf("tiny gradients: %s\n", dive_ctx_error(ctx));
  dive_resnet_destroy(t);
  dive_resnet_destroy(m);
  dive_ctx_destroy(ctx);
  return ok;
}

static double rel_l2(const float *a, const float *b, int64_t n) {
  double d = 0, r = 0;
  int64_t i;
  for (i = 0; i < n; i++) { d += ((double)a[i] - b[i]) * ((double)a[i] - b[i]); r += (double)b[i] * b[i]; }
  return r > 0 ? sqrt(d / r) : 1;
}

/* 2 checks: the gradients of fp16 with the default scale (2^15) against fp32's, and of
   fp16 without scaling */
static void check_loss_scale_underflow(void) {
  float g32[20000], g16[20000], g16s[20000];
  int64_t n = 0;
  int a, b, c;
  double e_un, e_s;
  a = tiny_grads(0, "0", g32, &n);
  if (a == -1) { skip_part("loss scale underflow", 2, 1, "no Vulkan device"); return; }
  if (n > 20000) { check(0, "loss scale underflow: model too large for the test", (double)n); return; }
  b = tiny_grads(1, "0", g16, &n);
  if (b == -2) { skip_part("loss scale underflow", 2, 0, "no shaderFloat16"); return; }
  c = tiny_grads(1, NULL, g16s, &n);
  e_un = rel_l2(g16, g32, n);
  e_s = rel_l2(g16s, g32, n);
  printf("  gradients of a 2^-20 loss against fp32's (relative L2): fp16 unscaled %.3g, fp16 scaled 2^15 %.3g\n", e_un,
         e_s);
  check(a == 1 && b == 1 && c == 1 && e_un > 0.5, "loss scale (fp16): a 2^-20 loss's gradients underflow unscaled", e_un);
  check(a == 1 && b == 1 && c == 1 && e_s < 2e-2, "loss scale (fp16): ... and are within 2e-2 of fp32's scaled", e_s);
}

/* A teacher longer than the student: a ResNet-8 student (11 forward ops) with a ResNet-20
   teacher (23 ops), DiVE, at 12x12, batch 4 (the test's 4 classes); WARM + STEPS steps,
   the counters of the last STEPS per step, the capture's dependency depth, the weights
   after the steps into r. replay: DIVE_VK_REPLAY; pair0: DIVE_VK_PAIR=0; fold: DIVE_VK_FOLD. */
static int long_teacher_steps(const char *replay, int pair0, int fold, double *c, int64_t *depth, run *r) {
  dive_ctx *ctx;
  dive_resnet *m = NULL, *t = NULL;
  dive_resnet_desc rd;
  dive_loss_desc ld;
  dive_sgd_desc sd;
  float x[4 * HW * HW];
  int32_t y[4];
  int counts[NCLS] = {20, 10, 5, 2}, k, ok = 1;
  int64_t c0[5] = {0, 0, 0, 0, 0};
  if (replay) setenv("DIVE_VK_REPLAY", replay, 1);
  else unsetenv("DIVE_VK_REPLAY");
  if (pair0) setenv("DIVE_VK_PAIR", "0", 1);
  setenv("DIVE_VK_FOLD", fold ? "1" : "0", 1);
  ctx = make_ctx(DIVE_BACKEND_VULKAN, "long teacher", 0);
  unsetenv("DIVE_VK_FOLD");
  if (!ctx) { unsetenv("DIVE_VK_REPLAY"); unsetenv("DIVE_VK_PAIR"); return -1; }
  memset(&rd, 0, sizeof rd);
  rd.depth = 8; rd.in_channels = 1; rd.num_classes = NCLS; rd.base_width = 4;
  rd.height = rd.width = HW; rd.max_batch = 4; rd.seed = 42;
  if (dive_resnet_create(ctx, &m, &rd)) ok = 0;
  rd.depth = 20; rd.seed = 7;
  if (ok && dive_resnet_create(ctx, &t, &rd)) ok = 0;
  unsetenv("DIVE_VK_REPLAY");
  unsetenv("DIVE_VK_PAIR");
  memset(&ld, 0, sizeof ld);
  ld.kind = DIVE_LOSS_DIVE;
  ld.class_counts = counts;
  memset(&sd, 0, sizeof sd);
  sd.lr = 0.05f; sd.momentum = 0.9f;
  for (k = 0; k < WARM + STEPS && ok; k++) {
    if (k == WARM) dive_query_vk_counters(ctx, c0);
    batch(k, 4, x, y);
    if (dive_resnet_train_step(m, t, x, y, 4, &ld, &sd, NULL)) ok = 0;
  }
  if (!(ok = steps_end(ctx, m, c0, c, depth, r, ok))) printf("long teacher: %s\n", dive_ctx_error(ctx));
  dive_resnet_destroy(t);
  dive_resnet_destroy(m);
  dive_ctx_destroy(ctx);
  return ok;
}

/* 5 checks: the ResNet-8 / ResNet-20 DiVE step's barriers (replayed) against its
   dependency depth, and its weights after the steps == the eager step's and == with the
   teacher's forward recorded first (DIVE_VK_PAIR=0), bit for bit, with DIVE_VK_FOLD=0 (the
   rule's measure); and the folded step, whose student forward has 3 levels fewer than the
   teacher's 23 ops: fewer barriers than DIVE_VK_FOLD=0's, the same weights, and barriers
   <= its depth + 1 (51 for 49 while the hook placed one teacher op per level boundary,
   the shortcut ops too) */
static void check_long_teacher(void) {
  double c[5], ce[5], cs[5], cf[5];
  int64_t depth, de, ds, df;
  run rp, eg, se, fo;
  int a, b, d, f;
  memset(&rp, 0, sizeof rp); memset(&eg, 0, sizeof eg); memset(&se, 0, sizeof se); memset(&fo, 0, sizeof fo);
  a = long_teacher_steps(NULL, 0, 0, c, &depth, &rp);
  if (a < 0) { skip_part("long teacher", 5, 1, "no Vulkan device"); return; }
  b = long_teacher_steps("0", 0, 0, ce, &de, &eg);
  d = long_teacher_steps(NULL, 1, 0, cs, &ds, &se);
  f = long_teacher_steps(NULL, 0, 1, cf, &df, &fo);
  if (a == 1 && d == 1)
    printf("  ResNet-8 student, ResNet-20 teacher (12x12, batch 4, steady state): dispatches %.1f, barriers %.1f; "
           "dependency depth %lld (DIVE_VK_PAIR=0: barriers %.1f, depth %lld; folded: dispatches %.1f, barriers %.1f, "
           "depth %lld)\n", c[2], c[3], (long long)depth, cs[3], (long long)ds, cf[2], cf[3], (long long)df);
  check(a == 1 && depth > 0 && c[3] <= (double)depth + 1, "long teacher: barriers <= dependency depth + 1 (host)", c[3]);
  check(a == 1 && b == 1 && same(&rp, &eg), "long teacher: replay == eager (bitwise)",
        a == 1 && b == 1 ? maxrel(rp.params, eg.params, rp.np) : -1);
  check(a == 1 && d == 1 && same(&rp, &se), "long teacher: replay == teacher forward first (DIVE_VK_PAIR=0, bitwise)",
        a == 1 && d == 1 ? maxrel(rp.params, se.params, rp.np) : -1);
  check(a == 1 && f == 1 && cf[3] < c[3] && same(&rp, &fo),
        "long teacher: folded: fewer barriers, the same weights (bitwise)", f == 1 ? cf[3] : -1);
  check(f == 1 && df > 0 && cf[3] <= (double)df + 1, "long teacher: folded: barriers <= dependency depth + 1",
        f == 1 ? cf[3] : -1);
  run_free(&rp); run_free(&eg); run_free(&se); run_free(&fo);
}

/* The training BN's apply folded into the next conv (DIVE_VK_FOLD, docs/vulkan.md "The
   training BN's apply folded into its next conv"): WARM + STEPS steps of model `which`
   (0: ResNet-32 at batch 2, 32x32; 1: resnet50 of base width 8 at 64x64, batch 2; 2:
   resnext50_32x4d of base width 8 with 4 groups of 8 channels, 64x64, batch 2; 10 classes),
   with DIVE_VK_FOLD=fold and DIVE_VK_REPLAY=replay; the counters per step into c, the
   *_fold GEMMs the first step recorded into *folds, the units whose apply can fold into *nfold, the
   recording's depth, the weights into r. -1 without a device, 0 when a step failed. */
static const char *const fold_names[3] = {"ResNet-32", "ResNet-50 64x64", "ResNeXt-50 64x64"};
/* the folded step's dispatches and barriers on lavapipe, then DIVE_VK_FOLD=0's (the bound
   ranges, aligned to the device's minStorageBufferOffsetAlignment, set the count
   elsewhere): every foldable unit a dispatch and a level fewer than DIVE_VK_FOLD=0's (the
   projections' statistics in SCR_STATS2, their applies after the block's last conv) */
static const double fold_counts[3][4] = {{217, 181, 232, 196}, {358, 288, 390, 320}, {358, 288, 390, 320}};
static int g_cpu_device; /* the last fold_steps ran on a CPU-type device (lavapipe) */
static int g_sg;         /* ... with the reductions' subgroup form (vk->sg) */
static int64_t g_sg_runs; /* ... whose first step recorded that many *_sg dispatches */
static int g_fold_one;    /* fold_steps runs one step only (its counters then mean nothing) */
static int64_t g_mem, g_fold_y; /* ... its device memory after dive_resnet_create, and the
                                   elements of the y of every block's units but its last */
static int fold_steps(int which, int fold, const char *replay, double *c, double *folds, int *nfold, int64_t *depth,
                      run *r) {
  dive_ctx *ctx;
  dive_resnet *m;
  dive_resnet_desc rd;
  dive_loss_desc ld;
  dive_sgd_desc sd;
  float *x;
  int32_t y[2] = {1, 7};
  int k, i, ok = 1, hw = which ? 64 : 32;
  int64_t c0[5] = {0, 0, 0, 0, 0}, f0 = -1;
  if (replay) setenv("DIVE_VK_REPLAY", replay, 1);
  else unsetenv("DIVE_VK_REPLAY");
  setenv("DIVE_VK_FOLD", fold ? "1" : "0", 1);
  ctx = make_ctx(DIVE_BACKEND_VULKAN, "fold", 0);
  unsetenv("DIVE_VK_REPLAY");
  unsetenv("DIVE_VK_FOLD");
  if (!ctx) return -1;
  g_cpu_device = ctx->vk->props.deviceType == VK_PHYSICAL_DEVICE_TYPE_CPU;
  g_sg = ctx->vk->sg;
  memset(&rd, 0, sizeof rd);
  rd.depth = 32; rd.num_classes = 10; rd.max_batch = 2; rd.seed = 3;
  if (which) {
    rd.arch = which == 1 ? "resnet50" : "resnext50_32x4d";
    rd.depth = 0;
    rd.base_width = 8; rd.height = rd.width = 64;
    if (which == 2) { rd.groups = 4; rd.width_per_group = 16; }
  }
  if (dive_resnet_create(ctx, &m, &rd)) {
    printf("fold: %s\n", dive_ctx_error(ctx));
    dive_ctx_destroy(ctx);
    return 0;
  }
  *nfold = 0;
  g_fold_y = 0;
  for (i = 0; i < m->nblocks; i++) {
    int j;
    *nfold += m->blocks[i].nu - 1;
    for (j = 0; j < m->blocks[i].nu - 1; j++) g_fold_y += m->blocks[i].u[j].y.numel;
  }
  g_mem = dive_query_device_memory(ctx);
  memset(&ld, 0, sizeof ld);
  memset(&sd, 0, sizeof sd);
  sd.lr = 0.01f; sd.momentum = 0.9f; sd.weight_decay = 5e-4f;
  x = (float *)malloc(sizeof(float) * 2 * 3 * (size_t)hw * hw);
  for (i = 0; i < 2 * 3 * hw * hw; i++) x[i] = (float)((i * 37) % 101) / 101.0f - 0.5f;
  for (k = 0; k < (g_fold_one ? 1 : WARM + STEPS) && ok; k++) {
    if (k == WARM) dive_query_vk_counters(ctx, c0);
    sd.lr = 0.01f * (float)(k + 1);
    if (dive_resnet_train_step(m, NULL, x, y, 2, &ld, &sd, NULL)) ok = 0;
    if (k == 0) { /* recorded by the first step */
      f0 = ctx->vk->folds;
      g_sg_runs = ctx->vk->sg_runs;
    }
  }
  if (!(ok = steps_end(ctx, m, c0, c, depth, r, ok))) printf("fold: %s\n", dive_ctx_error(ctx));
  *folds = (double)f0;
  free(x);
  dive_resnet_destroy(m);
  dive_ctx_destroy(ctx);
  return ok;
}

/* 9 checks per model: folded replay == DIVE_VK_FOLD=0 == eager folded == recorded afresh
   (bitwise); the fold's dispatches exactly one fewer per foldable unit than DIVE_VK_FOLD=0's
   and three *_fold GEMMs per such unit (a driver that stops folding fails both); fewer
   barriers, no more than the depth + 1, folded and with DIVE_VK_FOLD=0 (a projection's
   apply recorded after the block's last conv: dive__rn_late); on lavapipe the exact counts
   (fold_counts), else barriers == that bound; the folded units' y not allocated (device memory at least their
   bytes fewer than DIVE_VK_FOLD=0's). Also 1 check: DIVE_VK_FOLD=2 is an error. */
static void check_fold(int which) {
  double c[5], c0[5], ce[5], cf[5], fo, fo0, foe, fof;
  int64_t d, d0, de, df, mem, mem0, ybytes;
  int nf, nf0, nfe, nff, a, b, e, f;
  run rp, r0, eg, fr;
  char what[112];
  const char *nm = fold_names[which];
  memset(&rp, 0, sizeof rp); memset(&r0, 0, sizeof r0); memset(&eg, 0, sizeof eg); memset(&fr, 0, sizeof fr);
  a = fold_steps(which, 1, NULL, c, &fo, &nf, &d, &rp);
  if (a < 0) { skip_part("fold", 9, 1, "no Vulkan device"); return; }
  mem = g_mem;
  ybytes = 4 * g_fold_y;
  b = fold_steps(which, 0, NULL, c0, &fo0, &nf0, &d0, &r0);
  mem0 = g_mem;
  e = fold_steps(which, 1, "0", ce, &foe, &nfe, &de, &eg);
  f = fold_steps(which, 1, "fresh", cf, &fof, &nff, &df, &fr);
  if (a == 1 && b == 1)
    printf("  %s step (batch 2, steady state): folded %d units: dispatches %.1f, barriers %.1f, depth %lld "
           "(*_fold GEMMs %.1f); DIVE_VK_FOLD=0: dispatches %.1f, barriers %.1f, depth %lld\n", nm, nf, c[2], c[3],
           (long long)d, fo, c0[2], c0[3], (long long)d0);
  snprintf(what, sizeof what, "fold: %s: folded == DIVE_VK_FOLD=0 (bitwise)", nm);
  check(a == 1 && b == 1 && same(&rp, &r0), what, a == 1 && b == 1 ? maxrel(rp.params, r0.params, rp.np) : -1);
  snprintf(what, sizeof what, "fold: %s: replay == eager (bitwise)", nm);
  check(a == 1 && e == 1 && same(&rp, &eg), what, a == 1 && e == 1 ? maxrel(rp.params, eg.params, rp.np) : -1);
  snprintf(what, sizeof what, "fold: %s: replay == recorded afresh (bitwise)", nm);
  check(a == 1 && f == 1 && same(&rp, &fr), what, a == 1 && f == 1 ? maxrel(rp.params, fr.params, rp.np) : -1);
  snprintf(what, sizeof what, "fold: %s: dispatches = DIVE_VK_FOLD=0's - %d", nm, a == 1 ? nf : -1);
  check(a == 1 && b == 1 && nf > 0 && c[2] == c0[2] - nf, what, c[2]);
  snprintf(what, sizeof what, "fold: %s: 3 *_fold GEMMs per folded unit, none with 0", nm);
  check(a == 1 && b == 1 && fo == 3.0 * nf && fo0 == 0, what, fo);
  snprintf(what, sizeof what, "fold: %s: fewer barriers, <= dependency depth + 1 (and DIVE_VK_FOLD=0's)", nm);
  check(a == 1 && b == 1 && c[3] < c0[3] && c[3] <= (double)d + 1 && c0[3] <= (double)d0 + 1, what,
        a == 1 && b == 1 ? c[3] - (double)d : -1);
  if (g_cpu_device) {
    snprintf(what, sizeof what, "fold: %s: %.0f / %.0f dispatches / barriers per step, %.0f / %.0f unfolded (lavapipe)",
             nm, fold_counts[which][0], fold_counts[which][1], fold_counts[which][2], fold_counts[which][3]);
    check(a == 1 && b == 1 && c[2] == fold_counts[which][0] && c[3] == fold_counts[which][1] &&
          c0[2] == fold_counts[which][2] && c0[3] == fold_counts[which][3], what, c[3]);
  } else {
    snprintf(what, sizeof what, "fold: %s: barriers == dependency depth + 1 (and DIVE_VK_FOLD=0's)", nm);
    check(a == 1 && b == 1 && c[3] == (double)d + 1 && c0[3] == (double)d0 + 1, what, c[3]);
  }
  printf("  %s: device memory after create %.2f MB folded, %.2f MB with DIVE_VK_FOLD=0 (the folded units' y %.2f MB)\n",
         nm, mem / 1e6, mem0 / 1e6, ybytes / 1e6);
  snprintf(what, sizeof what, "fold: %s: the folded units' y not allocated", nm);
  check(a == 1 && b == 1 && ybytes > 0 && mem0 - mem >= ybytes, what, (double)(mem0 - mem));
  snprintf(what, sizeof what, "fold: %s: host waits <= 1, descriptor writes 0", nm);
  check(a == 1 && c[1] <= 1 && c[4] == 0, what, c[1]);
  run_free(&rp); run_free(&r0); run_free(&eg); run_free(&fr);
}

/* 4 checks: the work-group reductions' subgroup form (DIVE_VK_SUBGROUP) in ResNet-32's
   recorded step (fold_steps), on (the default) and 0: the *_sg variants recorded where the
   device runs them, none with 0 (the same dispatches and barriers); with 0 the replay ==
   the eager step (bitwise; with it on check_fold's rows show that); the weights after one
   step within 1e-4 of each other (the sums associated differently; max rel printed, and
   after the 5 steps, where batch 2's BN amplifies any last-bit difference: DIVE_VK_MERGE=1,
   another fixed order of the trees, moves them as far). */
static void check_subgroup(void) {
  double c[5], c0[5], ce[5], fo;
  int64_t d, sr, sr0;
  int nf, a, b, e, a1, b1, sg;
  double rel1;
  run on, off, offe, on1, off1;
  memset(&on, 0, sizeof on); memset(&off, 0, sizeof off); memset(&offe, 0, sizeof offe);
  memset(&on1, 0, sizeof on1); memset(&off1, 0, sizeof off1);
  a = fold_steps(0, 1, NULL, c, &fo, &nf, &d, &on);
  if (a < 0) { skip_part("subgroup", 4, 1, "no Vulkan device"); return; }
  sg = g_sg;
  sr = g_sg_runs;
  g_fold_one = 1;
  a1 = fold_steps(0, 1, NULL, ce, &fo, &nf, &d, &on1);
  setenv("DIVE_VK_SUBGROUP", "0", 1);
  b1 = fold_steps(0, 1, NULL, ce, &fo, &nf, &d, &off1);
  g_fold_one = 0;
  b = fold_steps(0, 1, NULL, c0, &fo, &nf, &d, &off);
  sr0 = g_sg_runs;
  e = fold_steps(0, 1, "0", ce, &fo, &nf, &d, &offe);
  unsetenv("DIVE_VK_SUBGROUP");
  rel1 = a1 == 1 && b1 == 1 ? maxrel(on1.params, off1.params, on1.np) : -1.0;
  printf("  ResNet-32 step: %s, %lld *_sg dispatches recorded; DIVE_VK_SUBGROUP=0: %lld; weights max rel %.1e after "
         "one step, %.1e after %d\n", sg ? "subgroup reductions" : "no subgroup arithmetic here", (long long)sr,
         (long long)sr0, rel1,
         a == 1 && b == 1 ? maxrel(on.params, off.params, on.np) : -1.0, WARM + STEPS);
  check(a == 1 && (sg ? sr > 0 : sr == 0), "subgroup: the step's reductions as *_sg where supported", (double)sr);
  check(b == 1 && sr0 == 0 && c0[2] == c[2] && c0[3] == c[3], "subgroup=0: no *_sg, the same dispatches, barriers",
        (double)sr0);
  check(b == 1 && e == 1 && same(&off, &offe), "subgroup=0: replay == eager (bitwise)",
        b == 1 && e == 1 ? maxrel(off.params, offe.params, off.np) : -1);
  check(a1 == 1 && b1 == 1 && rel1 < 1e-4, "subgroup vs tree: weights after one step within 1e-4", rel1);
  run_free(&on); run_free(&off); run_free(&offe); run_free(&on1); run_free(&off1);
}

static void check_fold_arg(void) {
  dive_ctx_desc cd;
  dive_ctx *ctx = NULL;
  dive_status st;
  if (!(ctx = make_ctx(DIVE_BACKEND_VULKAN, "fold arg", 1))) return; /* no device: skipped */
  dive_ctx_destroy(ctx);
  ctx = NULL;
  memset(&cd, 0, sizeof cd);
  cd.backend = DIVE_BACKEND_VULKAN;
  setenv("DIVE_VK_FOLD", "2", 1);
  st = dive_ctx_create(&ctx, &cd);
  unsetenv("DIVE_VK_FOLD");
  check(st == DIVE_ERR_ARG && strstr(dive_last_error(), "DIVE_VK_FOLD=2"), "fold: DIVE_VK_FOLD=2 is DIVE_ERR_ARG", st);
  dive_ctx_destroy(ctx);
}

int main(void) {
  run cpu_b, cpu_d;
  sequence(DIVE_BACKEND_CPU, NULL, 0, &cpu_b);
  sequence(DIVE_BACKEND_CPU, NULL, 1, &cpu_d);
  if (cpu_b.ok == -1 || cpu_d.ok == -1) {
    skip_part("cpu sequences", 2, 0, "no cpu ctx");
  } else {
    check(cpu_b.ok == 1 && cpu_d.ok == 1, "cpu: the sequences ran", 0);
    check(cpu_b.loss_steps == 10 && cpu_d.loss_steps == 10 && cpu_b.peek == 5, "cpu: sync counts every step", 0);
  }
  check_sequences(0, &cpu_b);
  check_sequences(1, &cpu_d);
  check_nonfinite(DIVE_BACKEND_CPU, 0);
  check_nonfinite(DIVE_BACKEND_VULKAN, 0);
  check_nonfinite(DIVE_BACKEND_VULKAN, 1);
  check_counters(0);
  check_counters(1);
  check_fp16();
  check_loss_scale_fp32();
  check_loss_scale_args();
  check_loss_scale_overflow();
  check_loss_scale_underflow();
  check_long_teacher();
  check_fold(0);
  check_fold(1);
  check_fold(2);
  check_fold_arg();
  check_subgroup();
  run_free(&cpu_b);
  run_free(&cpu_d);
  if (dive_query_validation_messages(NULL)) {
    printf("FAIL: %d Vulkan validation messages\n", dive_query_validation_messages(NULL));
    g_fail++;
  }
  return summary();
}
