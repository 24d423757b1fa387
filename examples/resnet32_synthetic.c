/* resnet32_synthetic: train a ResNet-32 (or --arch NAME: any architecture of dive.h, e.g.
   resnet50) on generated 32x32 images for a few steps and print the loss falling and the
   speed. No data files needed.
     make build/resnet32_synthetic && ./build/resnet32_synthetic [--steps N] [--batch B] [--classes C]
                                                                 [--backend auto|cpu|vulkan] [--arch A]
   (make links build/dive.o, the implementation compiled once; on its own:
     cc -O2 -fopenmp -DDIVE_IMPLEMENTATION -I. examples/resnet32_synthetic.c -o prog -lm -ldl) */
#include <math.h>
#include "../dive.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(x) do { dive_status s_ = (x); if (s_) { \
  fprintf(stderr, "error: %s: %s\n", dive_status_str(s_), ctx ? dive_ctx_error(ctx) : dive_last_error()); \
  return 1; } } while (0)

static int CLASSES = 10;

/* class c: a horizontal stripe pattern of frequency c+1 in channel c % 3, plus noise */
static void make_batch(dive_rng *r, float *x, int32_t *y, int n) {
  int i, c, h, w;
  for (i = 0; i < n; i++) {
    int k = (int)(dive_rng_u32(r) % CLASSES);
    y[i] = k;
    for (c = 0; c < 3; c++)
      for (h = 0; h < 32; h++)
        for (w = 0; w < 32; w++) {
          float v = 0.3f * dive_rng_normal(r);
          if (c == k % 3) v += (float)sin(3.14159 * (k + 1) * h / 32.0);
          x[(((size_t)i * 3 + c) * 32 + h) * 32 + w] = v;
        }
  }
}

int main(int argc, char **argv) {
  dive_ctx *ctx = NULL;
  dive_ctx_desc cd;
  dive_resnet *net;
  dive_resnet_desc rd;
  dive_loss_desc ld;
  dive_sgd_desc sd;
  dive_rng rng;
  int steps = 10, batch = 128, i;
  const char *arch = "resnet32";
  float *x, loss;
  int32_t *y;
  double t0, total = 0;

  memset(&cd, 0, sizeof cd);
  for (i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--steps") && i + 1 < argc) steps = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--batch") && i + 1 < argc) batch = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--classes") && i + 1 < argc) CLASSES = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--arch") && i + 1 < argc) arch = argv[++i];
    else if (!strcmp(argv[i], "--backend") && i + 1 < argc) {
      const char *b = argv[++i];
      cd.backend = !strcmp(b, "cpu") ? DIVE_BACKEND_CPU : !strcmp(b, "vulkan") ? DIVE_BACKEND_VULKAN
                                                         : DIVE_BACKEND_AUTO;
      if (strcmp(b, "cpu") && strcmp(b, "vulkan") && strcmp(b, "auto")) {
        fprintf(stderr, "error: --backend %s: expected auto, cpu or vulkan\n", b);
        return 2;
      }
    } else {
      fprintf(stderr, "usage: %s [--steps N] [--batch B] [--classes C] [--backend auto|cpu|vulkan] [--arch A]\n"
                      "architectures:", argv[0]);
      for (i = 0; dive_resnet_arch_name(i); i++) fprintf(stderr, " %s", dive_resnet_arch_name(i));
      fprintf(stderr, "\n");
      return 2;
    }
  }
  if (steps < 1 || batch < 1 || batch > 4096 || CLASSES < 2 || CLASSES > 100000) {
    fprintf(stderr, "error: --steps must be >= 1, --batch in 1..4096, --classes in 2..100000\n");
    return 2;
  }
  CHECK(dive_ctx_create(&ctx, &cd));
  printf("backend: %s (%s)\n", dive_query_backend(ctx) == DIVE_BACKEND_VULKAN ? "vulkan" : "cpu",
         dive_query_device_name(ctx));
  memset(&rd, 0, sizeof rd);
  rd.arch = arch; rd.num_classes = CLASSES; rd.max_batch = batch; rd.seed = 1;
  rd.height = rd.width = 32;
  rd.verbose = 1;
  CHECK(dive_resnet_create(ctx, &net, &rd));
  x = (float *)malloc(sizeof(float) * (size_t)batch * 3 * 32 * 32);
  y = (int32_t *)malloc(sizeof(int32_t) * (size_t)batch);
  if (!x || !y) { fprintf(stderr, "error: out of memory\n"); return 1; }
  memset(&ld, 0, sizeof ld);
  ld.kind = DIVE_LOSS_CE;
  memset(&sd, 0, sizeof sd);
  sd.lr = 0.05f; sd.momentum = 0.9f; sd.weight_decay = 2e-4f;
  dive_rng_seed(&rng, 123);
  for (i = 0; i < steps; i++) {
    double dt;
    make_batch(&rng, x, y, batch);
    t0 = dive_time_sec();
    CHECK(dive_resnet_train_step(net, NULL, x, y, batch, &ld, &sd, &loss));
    dt = dive_time_sec() - t0;
    if (i > 0) total += dt; /* the first step warms caches and page tables */
    printf("step %d: loss %.4f (%.1f ms, %.0f img/s)\n", i, loss, 1e3 * dt, batch / dt);
  }
  if (steps > 1) printf("train img/s: %.1f (steps 1..%d, batch %d)\n", (steps - 1) * batch / total, steps - 1, batch);
  free(x);
  free(y);
  dive_resnet_destroy(net);
  dive_ctx_destroy(ctx);
  return 0;
}
