/* bench_zoo.c - ImageNet-family ResNet training and inference speed of dive.h on the CPU,
   with peak RSS. The PyTorch side is bench/pytorch_zoo.py (torchvision's own models);
   bench/zoo.sh runs both on the same cores and prints the comparison (make bench-zoo).
     make build/bench_zoo && OMP_NUM_THREADS=2 ./build/bench_zoo --arch resnet50 [--batch 16]
                                                                 [--size 224] [--steps 5]
   Prints one line:  dive ARCH train_img_s X infer_img_s Y peak_rss_mb Z threads T isa I
                     train_img_cpus X2 infer_img_cpus Y2
   (medians over the timed steps after 1 warm-up step; random data, 1000 classes, CE loss,
   SGD with momentum 0.9 and weight decay 1e-4, as torchvision's reference recipe). The
   *_cpus figures count images per second of the process's CPU time: on one thread, and on a
   machine shared with other work, they change far less than the wall-clock ones. */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include "../dive.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include "bench_util.h"

int main(int argc, char **argv) {
  dive_ctx *ctx = NULL;
  dive_ctx_desc cd;
  dive_resnet *net;
  dive_resnet_desc rd;
  dive_loss_desc ld;
  dive_sgd_desc sd;
  dive_rng rng;
  struct rusage ru;
  const char *arch = "resnet50";
  int batch = 16, size = 224, steps = 5, classes = 1000, i, infer_only = 0;
  int64_t n;
  float *x, *logits, loss;
  int32_t *y;
  double *tt, *ti, *ct, *ci;
  for (i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--arch") && i + 1 < argc) arch = argv[++i];
    else if (!strcmp(argv[i], "--batch") && i + 1 < argc) batch = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--size") && i + 1 < argc) size = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--steps") && i + 1 < argc) steps = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--infer-only")) infer_only = 1;
    else {
      fprintf(stderr, "usage: %s [--arch A] [--batch B] [--size S] [--steps N] [--infer-only]\n", argv[0]);
      return 2;
    }
  }
  if (batch < 1 || size < 1 || steps < 1) { fprintf(stderr, "error: --batch, --size, --steps must be >= 1\n"); return 2; }
  memset(&cd, 0, sizeof cd);
  cd.backend = DIVE_BACKEND_CPU;
  CHECK(dive_ctx_create(&ctx, &cd));
  memset(&rd, 0, sizeof rd);
  rd.arch = arch; rd.num_classes = classes; rd.height = rd.width = size; rd.max_batch = batch; rd.seed = 1;
  CHECK(dive_resnet_create(ctx, &net, &rd));
  memset(&ld, 0, sizeof ld);
  ld.kind = DIVE_LOSS_CE;
  memset(&sd, 0, sizeof sd);
  sd.lr = 0.01f; sd.momentum = 0.9f; sd.weight_decay = 1e-4f;
  n = (int64_t)batch * 3 * size * size;
  x = (float *)malloc(sizeof(float) * (size_t)n);
  logits = (float *)malloc(sizeof(float) * (size_t)batch * classes);
  y = (int32_t *)malloc(sizeof(int32_t) * (size_t)batch);
  tt = (double *)malloc(sizeof(double) * (size_t)steps);
  ti = (double *)malloc(sizeof(double) * (size_t)steps);
  ct = (double *)malloc(sizeof(double) * (size_t)steps);
  ci = (double *)malloc(sizeof(double) * (size_t)steps);
  if (!x || !logits || !y || !tt || !ti || !ct || !ci) { fprintf(stderr, "error: out of memory\n"); return 1; }
  dive_rng_seed(&rng, 7);
  for (i = 0; i < n; i++) x[i] = dive_rng_normal(&rng);
  for (i = 0; i < batch; i++) y[i] = (int32_t)(dive_rng_u32(&rng) % (uint32_t)classes);
  for (i = -1; i < steps && !infer_only; i++) {
    double t = dive_time_sec(), c = cpu_sec();
    CHECK(dive_resnet_train_step(net, NULL, x, y, batch, &ld, &sd, &loss));
    if (i >= 0) { tt[i] = dive_time_sec() - t; ct[i] = cpu_sec() - c; }
  }
  for (i = -1; i < steps; i++) {
    double t = dive_time_sec(), c = cpu_sec();
    CHECK(dive_resnet_predict(net, x, batch, logits));
    if (i >= 0) { ti[i] = dive_time_sec() - t; ci[i] = cpu_sec() - c; }
  }
  qsort(tt, (size_t)steps, sizeof *tt, cmp_d);
  qsort(ti, (size_t)steps, sizeof *ti, cmp_d);
  qsort(ct, (size_t)steps, sizeof *ct, cmp_d);
  qsort(ci, (size_t)steps, sizeof *ci, cmp_d);
  getrusage(RUSAGE_SELF, &ru);
  printf("dive %s train_img_s %.2f infer_img_s %.2f peak_rss_mb %.1f threads %d isa %s train_img_cpus %.2f "
         "infer_img_cpus %.2f\n", arch, infer_only ? 0.0 : batch / tt[steps / 2], batch / ti[steps / 2],
         ru.ru_maxrss / 1024.0, dive_query_threads(ctx), dive_query_cpu_isa(), infer_only ? 0.0 : batch / ct[steps / 2],
         batch / ci[steps / 2]);
  free(x); free(logits); free(y); free(tt); free(ti); free(ct); free(ci);
  dive_resnet_destroy(net);
  dive_ctx_destroy(ctx);
  return 0;
}
