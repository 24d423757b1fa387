/* test_analyzer: class groups, the evaluation (top-1/top-5, Many/Medium/Few), the VE
   analyzer and its rule of thumb, the lr schedules, and the training-state file.
     make build/test_analyzer && ./build/test_analyzer */
#define _POSIX_C_SOURCE 200809L /* mkstemp, close */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../dive.h"

static int g_pass, g_fail;
static void check(int ok, const char *what, double v) {
  printf("%-60s %s  (%g)\n", what, ok ? "OK  " : "FAIL", v);
  if (ok) g_pass++; else g_fail++;
}
static int near(double a, double b, double tol) { return fabs(a - b) <= tol * (1 + fabs(b)); }

static void test_groups(void) {
  int c1[7] = {500, 120, 100, 50, 20, 19, 5}, g[10], r, i, ok;
  int c2[10] = {6000, 3597, 2156, 1292, 774, 464, 278, 166, 100, 60};
  r = dive_class_groups(c1, 7, g);
  ok = !r && g[0] == 0 && g[1] == 0 && g[2] == 1 && g[3] == 1 && g[4] == 1 && g[5] == 2 && g[6] == 2;
  check(ok, "groups: >100 Many, 20..100 Medium, <20 Few", r);
  r = dive_class_groups(c2, 10, g);
  for (ok = r == 1, i = 0; i < 10; i++) ok = ok && g[i] == (i < 3 ? 0 : i < 7 ? 1 : 2);
  check(ok, "groups: no Few class -> thirds 3/4/3 by count", r);
}

static void test_eval(void) {
  /* 4 classes; logits rows with the true class at a chosen rank */
  float lg[6][4] = {{5, 1, 0, 0}, {0, 5, 1, 0}, {5, 1, 0, 0}, {0, 0, 5, 1}, {0, 0, 1, 5}, {1, 1, 1, 1}};
  int32_t y[6] = {0, 1, 1, 2, 2, 3};
  int counts[4] = {200, 50, 30, 10};
  dive_eval e;
  dive_eval_begin(&e, 4, counts);
  dive_eval_add(&e, &lg[0][0], y, 6);
  dive_eval_end(&e);
  /* hits: row0 yes, row1 yes, row2 no (argmax 0), row3 yes, row4 no, row5: ties -> argmax 0, not 3 */
  check(near(e.top1, 100.0 * 3 / 6, 1e-12), "eval: top-1 = 3/6", e.top1);
  check(near(e.per_class[1], 50, 1e-12) && near(e.per_class[2], 50, 1e-12) && e.per_class[3] == 0,
        "eval: per-class accuracy", e.per_class[1]);
  check(near(e.top5, 100, 1e-12), "eval: top-5 of 4 classes is 100", e.top5);
  check(!e.by_thirds && near(e.many, 100, 1e-12) && near(e.medium, 50, 1e-12) && e.few == 0,
        "eval: Many 100, Medium (50+50)/2, Few 0", e.few);
  dive_eval_free(&e);
  check(dive_eval_begin(&e, 1, counts) == DIVE_ERR_ARG, "eval: 1 class refused", 0);
}

/* independent brute force of the VE sums, group means and the rule */
static void test_ve(void) {
  enum { C = 3, N = 60 };
  int counts[C] = {1000, 100, 10}, i, j, T, pi, ok = 1;
  float z[N][C];
  dive_ve_report r;
  dive_rng rng;
  double v[2][10][C], g[2][10][3], best = 1e9;
  int pick_T = 0;
  float pick_p = 0;
  dive_rng_seed(&rng, 11);
  for (i = 0; i < N; i++) { /* 40 head, 15 middle, 5 tail images; the teacher leans to the tail */
    int own = i < 40 ? 0 : i < 55 ? 1 : 2;
    for (j = 0; j < C; j++) z[i][j] = (float)(dive_rng_uniform(&rng) + (j == own ? 4.0 : 0.0) + (j == 2 ? 2.5 : 0.0));
  }
  memset(v, 0, sizeof v);
  for (pi = 0; pi < 2; pi++)
    for (T = 1; T <= 10; T++)
      for (i = 0; i < N; i++) {
        double e[C], s = 0, sc = (pi ? 0.5 : 1.0) / T;
        for (j = 0; j < C; j++) s += (e[j] = exp(z[i][j] * sc));
        for (j = 0; j < C; j++) v[pi][T - 1][j] += e[j] / s;
      }
  for (pi = 0; pi < 2; pi++)
    for (T = 1; T <= 10; T++) {
      for (j = 0; j < C; j++) g[pi][T - 1][j] = v[pi][T - 1][j]; /* one class per group */
      if (g[pi][T - 1][2] >= g[pi][T - 1][0] && (T / (pi ? 0.5 : 1.0) < best || (T / (pi ? 0.5 : 1.0) == best && pi))) {
        best = T / (pi ? 0.5 : 1.0);
        pick_T = T;
        pick_p = pi ? 0.5f : 1.0f;
      }
    }
  dive_ve_begin(&r, C, counts, 10);
  dive_ve_add(&r, &z[0][0], 25); /* in two parts */
  dive_ve_add(&r, &z[25][0], N - 25);
  dive_ve_end(&r);
  for (pi = 0; pi < 2; pi++)
    for (T = 1; T <= 10; T++) {
      double mass = 0;
      for (j = 0; j < C; j++) {
        ok = ok && near(r.ve[(pi * 10 + T - 1) * C + j], v[pi][T - 1][j], 1e-9);
        ok = ok && near(r.group_ve[(pi * 10 + T - 1) * 3 + j], g[pi][T - 1][j], 1e-9);
        mass += r.ve[(pi * 10 + T - 1) * C + j];
      }
      ok = ok && near(mass, N, 1e-9); /* every image gives one unit of mass */
    }
  check(ok, "VE sums and group means match a brute force; mass = N", 0);
  check(pick_T > 1 && r.pick_flat && r.pick_T == pick_T && r.pick_power == pick_p,
        "rule of thumb: smallest flat effective T (p=0.5 on ties)", r.pick_T);
  printf("  picked T=%d power=%g flat=%d (brute force: T=%d p=%g)\n", r.pick_T, (double)r.pick_power, r.pick_flat, pick_T,
         (double)pick_p);
  check(near(r.group_counts[0], 1000, 0) && near(r.group_counts[2], 10, 0), "VE: input group means", 0);
  {
    float bad[C] = {0, NAN, 0};
    check(dive_ve_add(&r, bad, 1) == DIVE_ERR_NONFINITE, "VE: a NaN logit is refused", 0);
  }
  dive_ve_free(&r);
  {
    /* a teacher that is already flat: T=1 p=1 is flat; the pick is T=1, p=1 */
    float zz[2][2] = {{0, 0}, {0, 0}};
    int cc[2] = {500, 5};
    dive_ve_begin(&r, 2, cc, 0);
    dive_ve_add(&r, &zz[0][0], 2);
    dive_ve_end(&r);
    check(r.pick_flat && r.pick_T == 1 && r.pick_power == 1.0f && r.max_T == 10, "rule: uniform teacher -> T=1, p=1", r.pick_T);
    dive_ve_free(&r);
  }
  {
    /* a teacher that always prefers the head: never flat; the paper's default is taken */
    float zz[3][2] = {{3, 0}, {2, 0}, {1, 0.5f}};
    int cc[2] = {500, 5};
    dive_ve_begin(&r, 2, cc, 0);
    dive_ve_add(&r, &zz[0][0], 3);
    dive_ve_end(&r);
    check(!r.pick_flat && r.pick_T == 3 && r.pick_power == 0.5f, "rule: never flat -> the default (T=3, p=0.5)", r.pick_T);
    dive_ve_free(&r);
  }
}

static void test_schedule(void) {
  dive_schedule_desc d;
  memset(&d, 0, sizeof d);
  d.kind = DIVE_SCHED_MULTISTEP;
  d.lr = 0.1f;
  d.epochs = 200;
  check(near(dive_schedule_lr(&d, 0), 0.1 / 3, 1e-6), "multistep: warm-up starts at lr/3", dive_schedule_lr(&d, 0));
  check(near(dive_schedule_lr(&d, 2.5), 0.1 * (1.0 / 3 + 2.0 / 3 * 0.5), 1e-6), "multistep: linear warm-up", 0);
  check(near(dive_schedule_lr(&d, 5), 0.1, 1e-6) && near(dive_schedule_lr(&d, 119.99), 0.1, 1e-6), "multistep: lr until 120", 0);
  check(near(dive_schedule_lr(&d, 120), 1e-3, 1e-6) && near(dive_schedule_lr(&d, 160), 1e-5, 1e-6),
        "multistep: x0.01 at 120 and again at 160", dive_schedule_lr(&d, 160));
  d.epochs = 15;
  check(near(dive_schedule_lr(&d, 1), 0.1, 1e-6) && near(dive_schedule_lr(&d, 9), 1e-3, 1e-6) &&
        near(dive_schedule_lr(&d, 12), 1e-5, 1e-6), "multistep at 15 epochs: 1 warm-up, decays at 9 and 12", 0);
  d.kind = DIVE_SCHED_COSINE;
  d.epochs = 90;
  d.warmup_epochs = -1;
  check(near(dive_schedule_lr(&d, 0), 0.1, 1e-6) && near(dive_schedule_lr(&d, 45), 0.05, 1e-6) &&
        dive_schedule_lr(&d, 90) < 1e-9, "cosine: lr, lr/2 halfway, 0 at the end", 0);
  /* per epoch (the paper): constant inside an epoch; per step: between the epochs' values */
  check(dive_schedule_lr(&d, 45.7) == dive_schedule_lr(&d, 45) && dive_schedule_lr(&d, 89.9) > 1e-5,
        "cosine per epoch: constant within an epoch, lr(89) > 0", dive_schedule_lr(&d, 89.9));
  check(near(dive_schedule_lr(&d, 89), 0.05 * (1 + cos(3.141592653589793 * 89 / 90)), 1e-9),
        "cosine per epoch: lr(e) = lr/2 (1 + cos(pi e / E)), as PyTorch's CosineAnnealingLR", dive_schedule_lr(&d, 89));
  d.per_step = 1;
  check(dive_schedule_lr(&d, 45.5) < dive_schedule_lr(&d, 45) && dive_schedule_lr(&d, 45.5) > dive_schedule_lr(&d, 46) &&
        near(dive_schedule_lr(&d, 45.5), 0.05 * (1 + cos(3.141592653589793 * 45.5 / 90)), 1e-8),
        "cosine per step: decays inside the epoch", dive_schedule_lr(&d, 45.5));
  d.per_step = 0;
  d.warmup_epochs = 5;
  check(near(dive_schedule_lr(&d, 4.5), 0.1 * (1.0 / 3 + 2.0 / 3 * 0.9), 1e-7) && near(dive_schedule_lr(&d, 5), 0.1, 1e-7) &&
        near(dive_schedule_lr(&d, 47.5), 0.05 * (1 + cos(3.141592653589793 * 42 / 85)), 1e-8),
        "cosine after a 5-epoch warm-up: from epoch 5 over 85 epochs", dive_schedule_lr(&d, 47.5));
  /* multistep with given milestones and gamma */
  d.kind = DIVE_SCHED_MULTISTEP;
  d.epochs = 100;
  d.warmup_epochs = -1;
  d.milestones[0] = 30; d.milestones[1] = 60; d.milestones[2] = 90;
  d.gamma = 0.1f;
  check(near(dive_schedule_lr(&d, 29.99), 0.1, 1e-7) && near(dive_schedule_lr(&d, 30), 0.01, 1e-7) &&
        near(dive_schedule_lr(&d, 60), 1e-3, 1e-8) && near(dive_schedule_lr(&d, 95), 1e-4, 1e-9),
        "multistep: milestones 30,60,90 with gamma 0.1", dive_schedule_lr(&d, 95));
  d.warmup_epochs = 3;
  check(near(dive_schedule_lr(&d, 0), 0.1 / 3, 1e-7) && near(dive_schedule_lr(&d, 3), 0.1, 1e-7),
        "multistep: --warmup 3", dive_schedule_lr(&d, 0));
}

static void test_state(void) {
  dive_ctx *ctx;
  dive_ctx_desc cd;
  dive_resnet *a, *b;
  dive_resnet_desc rd;
  dive_loss_desc ld;
  dive_sgd_desc sd;
  float x[2 * 16 * 16], ma[100000], mb[100000], la, lb;
  int32_t y[2] = {0, 1};
  int64_t ep = -1;
  int i;
  char path[] = "/tmp/dive_stateXXXXXX";
  int fd = mkstemp(path);
  if (fd >= 0) close(fd);
  memset(&cd, 0, sizeof cd);
  cd.backend = DIVE_BACKEND_CPU;
  dive_ctx_create(&ctx, &cd);
  memset(&rd, 0, sizeof rd);
  rd.depth = 8; rd.in_channels = 1; rd.num_classes = 2; rd.base_width = 4; rd.height = rd.width = 16; rd.max_batch = 2;
  dive_resnet_create(ctx, &a, &rd);
  rd.seed = 9;
  dive_resnet_create(ctx, &b, &rd);
  for (i = 0; i < 2 * 16 * 16; i++) x[i] = (float)sin(i);
  memset(&ld, 0, sizeof ld);
  memset(&sd, 0, sizeof sd);
  sd.lr = 0.1f; sd.momentum = 0.9f;
  dive_resnet_train_step(a, NULL, x, y, 2, &ld, &sd, &la);
  check(dive_resnet_save_state(a, path, 7) == DIVE_OK, "state: save", 0);
  check(dive_resnet_load_state(b, path, &ep) == DIVE_OK && ep == 7, "state: load, epoch 7", (double)ep);
  {
    const dive_tensor *am = dive_resnet_tensor(a, DIVE_RESNET_MOMENTUM), *bm = dive_resnet_tensor(b, DIVE_RESNET_MOMENTUM);
    dive_tensor_read(am, ma, am->numel);
    dive_tensor_read(bm, mb, bm->numel);
    check(am->numel < 100000 && !memcmp(ma, mb, (size_t)am->numel * 4), "state: momentum restored", 0);
  }
  dive_resnet_train_step(a, NULL, x, y, 2, &ld, &sd, &la);
  dive_resnet_train_step(b, NULL, x, y, 2, &ld, &sd, &lb);
  check(la == lb, "state: next steps agree bit for bit", la - lb);
  dive_resnet_save(a, path);
  check(dive_resnet_load_state(b, path, &ep) == DIVE_ERR_FORMAT && strstr(dive_ctx_error(ctx), "train.epoch"),
        "state: a plain model file is not a training state", 0);
  dive_ctx_clear_error(ctx);
  remove(path);
  dive_resnet_destroy(a);
  dive_resnet_destroy(b);
  dive_ctx_destroy(ctx);
}

int main(void) {
  test_groups();
  test_eval();
  test_ve();
  test_schedule();
  test_state();
  printf("%d passed, %d failed, 0 skipped\n", g_pass, g_fail);
  return g_fail ? 1 : 0;
}
