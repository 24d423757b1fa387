/* test_train: a small ResNet learns a synthetic 4-class problem on every backend, the
   loss falls by a set factor, training is bit-identical for the same seed, and the CPU
   and Vulkan losses agree step by step. Without a Vulkan device (or with DIVE_BACKEND set
   to the other backend) that backend's checks are counted as skipped.
     make build/test_train && ./build/test_train */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../dive.h"
#define TEST_UTIL_COUNTS_ONLY
#include "test_util.h"

#define NCLS 4
#define NIMG 64
#define HW 16
#define BATCH 16
#define STEPS 40

static void check(int ok, const char *fmt, double v) {
  printf("%-52s %s  (%g)\n", fmt, ok ? "OK  " : "FAIL", v);
  if (ok) g_pass++; else g_fail++;
}

/* class c: a bright 4x4 patch in quadrant c on a noisy background */
static void make_data(float *x, int32_t *y) {
  dive_rng r;
  int i, h, w;
  dive_rng_seed(&r, 7);
  for (i = 0; i < NIMG; i++) {
    int c = i % NCLS, oy = (c / 2) * 8 + 2, ox = (c % 2) * 8 + 2;
    y[i] = c;
    for (h = 0; h < HW; h++)
      for (w = 0; w < HW; w++) {
        float v = 0.5f * dive_rng_normal(&r);
        if (h >= oy && h < oy + 4 && w >= ox && w < ox + 4) v += 2.0f;
        x[(size_t)i * HW * HW + h * HW + w] = v;
      }
  }
}

/* train STEPS steps; the losses go to loss[], the final parameters to params. -1: the
   backend is not here (its `nchecks` checks are counted as skipped) */
static int train(dive_backend backend, int nchecks, float *loss, float **params, int64_t *np) {
  static float x[NIMG * HW * HW];
  static int32_t y[NIMG];
  dive_ctx_desc cd;
  dive_ctx *ctx;
  dive_resnet_desc rd;
  dive_resnet *m;
  dive_loss_desc ld;
  dive_sgd_desc sd;
  int counts[NCLS] = {16, 16, 16, 16}, s;
  *params = NULL;
  *np = 0;
  make_data(x, y);
  memset(&cd, 0, sizeof cd);
  cd.backend = backend;
  if (!expect_backend(dive_ctx_create(&ctx, &cd), &ctx, backend, backend_name(backend), nchecks)) return -1;
  memset(&rd, 0, sizeof rd);
  rd.depth = 8; rd.in_channels = 1; rd.num_classes = NCLS; rd.base_width = 8;
  rd.height = rd.width = HW; rd.max_batch = BATCH; rd.seed = 42;
  if (dive_resnet_create(ctx, &m, &rd)) { printf("create: %s\n", dive_ctx_error(ctx)); dive_ctx_destroy(ctx); return -2; }
  memset(&ld, 0, sizeof ld);
  ld.kind = DIVE_LOSS_BSCE;
  ld.class_counts = counts;
  memset(&sd, 0, sizeof sd);
  sd.lr = 0.05f; sd.momentum = 0.9f; sd.weight_decay = 5e-4f;
  for (s = 0; s < STEPS; s++) {
    int b = (s * BATCH) % NIMG;
    if (dive_resnet_train_step(m, NULL, x + (size_t)b * HW * HW, y + b, BATCH, &ld, &sd, &loss[s])) {
      printf("step %d: %s\n", s, dive_ctx_error(ctx));
      break;
    }
  }
  *np = dive_resnet_tensor(m, DIVE_RESNET_PARAMS)->numel;
  *params = (float *)malloc((size_t)*np * 4);
  dive_tensor_read(dive_resnet_tensor(m, DIVE_RESNET_PARAMS), *params, *np);
  dive_resnet_destroy(m);
  dive_ctx_destroy(ctx);
  return s == STEPS ? 0 : -3;
}

int main(void) {
  float l1[STEPS], l2[STEPS], lv[STEPS], *p1 = NULL, *p2 = NULL, *pv = NULL;
  int64_t n1, n2, nv;
  double first, last, maxd = 0;
  int s, rc, cpu;

  rc = train(DIVE_BACKEND_CPU, 3, l1, &p1, &n1);
  cpu = rc != -1;
  if (cpu) {
    check(rc == 0, "cpu: 40 steps ran", rc);
    first = (l1[0] + l1[1] + l1[2]) / 3;
    last = (l1[STEPS - 1] + l1[STEPS - 2] + l1[STEPS - 3]) / 3;
    printf("cpu loss: first %.4f, last %.4f\n", first, last);
    check(last < 0.25 * first, "cpu: loss falls by 4x or more", last / first);
    rc = train(DIVE_BACKEND_CPU, 1, l2, &p2, &n2);
    check(rc == 0 && n1 == n2 && !memcmp(p1, p2, (size_t)n1 * 4) && !memcmp(l1, l2, sizeof l1),
          "cpu: same seed gives bit-identical weights", 0);
  }

  rc = train(DIVE_BACKEND_VULKAN, 2, lv, &pv, &nv);
  if (rc != -1) {
    check(rc == 0, "vulkan: 40 steps ran", rc);
    for (s = 0; s < STEPS; s++) maxd = fmax(maxd, fabs(lv[s] - l1[s]) / fmax(1.0, fabs(l1[s])));
    if (cpu) check(maxd < 2e-3, "vulkan: loss within 2e-3 (relative) of cpu each step", maxd);
    else skip_part("vulkan vs cpu losses", 1, 0, "the cpu part did not run");
    free(pv);
  }
  free(p1);
  free(p2);
  if (dive_query_validation_messages(NULL)) { /* DIVE_VK_VALIDATION=1: any message fails */
    printf("FAIL: %d Vulkan validation messages\n", dive_query_validation_messages(NULL));
    g_fail++;
  }
  return summary();
}
