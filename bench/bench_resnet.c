/* bench_resnet.c - ResNet training and inference speed of dive.h (default: ResNet-32,
   CIFAR, 10 classes, on the CPU), with peak RSS. The PyTorch side is
   bench/pytorch_resnet32.py (CPU) or bench/gpu_torch.py (CUDA); bench/cpu.sh and
   bench/gpu_run.sh run both and print the comparison.
     make build/bench_resnet && OMP_NUM_THREADS=2 ./build/bench_resnet [--batch 128] [--steps 10]
         [--backend cpu|vulkan] [--arch NAME] [--size S] [--classes C] [--share MFLOP]
   Prints one line:  dive train_img_s X infer_img_s Y peak_rss_mb Z threads T isa I
                     cpu_train_img_s X' cpu_infer_img_s Y' [train_share F peak_gflops P]
   (medians over the timed steps, after 2 warm-up steps; random data, SGD with momentum),
   and on Vulkan a second line, the counters per training step over the timed steps:
     vulkan per step: submits S, host waits W, dispatches D, barriers B, descriptor writes U
   The training steps pass no loss_out (on Vulkan two steps are in flight); each timed step
   is the time between two returns, and the last one is followed by dive_resnet_sync.
   The cpu_ figures divide by the process's CPU time instead of the wall clock: on one
   thread they leave out the time other programs held the core (a shared machine), so they
   compare two builds measured minutes apart; with more threads OpenMP's spinning counts
   too, and they mean little.
   --share MFLOP (the CPU backend, x86): after every timed training step, outside its time,
   the register-loop FMA peak (bu_fma_rate: the step's threads, 3 runs of 3M trips, about
   50 ms, by CPU time); train_share is the median over the steps of MFLOP an image x the
   step's img per CPU-second / the peak measured right after it (a core's, as both count
   every thread's CPU time), peak_gflops the median peak. A host whose clock moves by 20 %
   within minutes then moves the step and its peak together (bench/cpu.sh passes 413,
   ResNet-32's training work an image). */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include "../dive.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
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
  int batch = 128, steps = 10, size = 0, classes = 10, i, wide = 0;
  double mflop = 0, *sh = NULL, *pk = NULL;
  const char *arch = NULL;
  float *x, *logits;
  int32_t *y;
  double *tt, *ti, *ct, *ci;
  int64_t c0[5], c1[5];
  size_t npix;
  memset(&cd, 0, sizeof cd);
  cd.backend = DIVE_BACKEND_CPU;
  for (i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--batch") && i + 1 < argc) batch = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--steps") && i + 1 < argc) steps = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--share") && i + 1 < argc) mflop = atof(argv[++i]);
    else if (!strcmp(argv[i], "--arch") && i + 1 < argc) arch = argv[++i];
    else if (!strcmp(argv[i], "--size") && i + 1 < argc) size = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--classes") && i + 1 < argc) classes = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--backend") && i + 1 < argc && (!strcmp(argv[i + 1], "cpu") || !strcmp(argv[i + 1], "vulkan")))
      cd.backend = !strcmp(argv[++i], "vulkan") ? DIVE_BACKEND_VULKAN : DIVE_BACKEND_CPU;
    else {
      fprintf(stderr, "usage: %s [--batch B] [--steps N] [--backend cpu|vulkan] [--arch NAME] [--size S] "
              "[--classes C] [--share MFLOP]\n", argv[0]);
      return 2;
    }
  }
  if (batch < 1 || steps < 1 || classes < 2 || size < 0 || mflop < 0) {
    fprintf(stderr, "error: bad --batch/--steps/--classes/--size/--share\n");
    return 2;
  }
  CHECK(dive_ctx_create(&ctx, &cd));
  if (mflop > 0) {
    wide = cd.backend == DIVE_BACKEND_CPU ? bu_fma_wide(dive_query_cpu_isa()) : 0;
    if (!wide) fprintf(stderr, "bench_resnet: --share needs the CPU backend on an AVX2 or AVX-512 CPU; no share printed\n");
    sh = (double *)malloc(sizeof(double) * (size_t)steps);
    pk = (double *)malloc(sizeof(double) * (size_t)steps);
  }
  memset(&rd, 0, sizeof rd);
  rd.depth = arch ? 0 : 32; rd.in_channels = 3; rd.num_classes = classes; rd.max_batch = batch; rd.seed = 1;
  rd.arch = arch; rd.height = rd.width = size;
  CHECK(dive_resnet_create(ctx, &net, &rd));
  rd = *dive_resnet_get_desc(net);
  npix = (size_t)rd.in_channels * (size_t)rd.height * (size_t)rd.width;
  memset(&ld, 0, sizeof ld);
  ld.kind = DIVE_LOSS_CE;
  memset(&sd, 0, sizeof sd);
  sd.lr = 0.05f; sd.momentum = 0.9f; sd.weight_decay = 5e-4f;
  x = (float *)malloc(sizeof(float) * (size_t)batch * npix);
  logits = (float *)malloc(sizeof(float) * (size_t)batch * (size_t)classes);
  y = (int32_t *)malloc(sizeof(int32_t) * (size_t)batch);
  tt = (double *)malloc(sizeof(double) * (size_t)steps);
  ti = (double *)malloc(sizeof(double) * (size_t)steps);
  ct = (double *)malloc(sizeof(double) * (size_t)steps);
  ci = (double *)malloc(sizeof(double) * (size_t)steps);
  dive_rng_seed(&rng, 7);
  for (i = 0; i < (int)((size_t)batch * npix); i++) x[i] = dive_rng_normal(&rng);
  for (i = 0; i < batch; i++) y[i] = (int32_t)(dive_rng_u32(&rng) % (uint32_t)classes);
  for (i = -2; i < steps; i++) {
    double t = dive_time_sec(), c = cpu_sec();
    if (i == 0) dive_query_vk_counters(ctx, c0);
    CHECK(dive_resnet_train_step(net, NULL, x, y, batch, &ld, &sd, NULL));
    if (i == steps - 1) { /* the steps in flight finish inside the last timed step */
      dive_query_vk_counters(ctx, c1);
      CHECK(dive_resnet_sync(net, 1, NULL, NULL));
    }
    if (i >= 0) tt[i] = dive_time_sec() - t;
    if (i >= 0) ct[i] = cpu_sec() - c;
    if (i >= 0 && wide) { /* the peak in the same seconds, outside the step's time */
      pk[i] = bu_fma_rate(cpu_sec, 3000000, 3, wide, dive_query_threads(ctx));
      sh[i] = batch / ct[i] * mflop * 1e-3 / pk[i];
    }
  }
  for (i = -2; i < steps; i++) {
    double t = dive_time_sec(), c = cpu_sec();
    CHECK(dive_resnet_predict(net, x, batch, logits));
    if (i >= 0) ti[i] = dive_time_sec() - t;
    if (i >= 0) ci[i] = cpu_sec() - c;
  }
  qsort(tt, (size_t)steps, sizeof *tt, cmp_d);
  qsort(ti, (size_t)steps, sizeof *ti, cmp_d);
  qsort(ct, (size_t)steps, sizeof *ct, cmp_d);
  qsort(ci, (size_t)steps, sizeof *ci, cmp_d);
  getrusage(RUSAGE_SELF, &ru);
  printf("dive train_img_s %.1f infer_img_s %.1f peak_rss_mb %.1f threads %d isa %s cpu_train_img_s %.1f "
         "cpu_infer_img_s %.1f",
         batch / tt[steps / 2], batch / ti[steps / 2], ru.ru_maxrss / 1024.0,
         dive_query_threads(ctx), dive_query_cpu_isa(), batch / ct[steps / 2], batch / ci[steps / 2]);
  if (wide) {
    qsort(sh, (size_t)steps, sizeof *sh, cmp_d);
    qsort(pk, (size_t)steps, sizeof *pk, cmp_d);
    printf(" train_share %.3f peak_gflops %.1f", sh[steps / 2], pk[steps / 2]);
  }
  printf("\n");
  if (dive_query_backend(ctx) == DIVE_BACKEND_VULKAN)
    printf("vulkan per step: submits %.1f, host waits %.1f, dispatches %.1f, barriers %.1f, descriptor writes %.1f "
           "(%s, %s %dx%d batch %d, %d steps after 2 warm-up)\n", (double)(c1[0] - c0[0]) / steps,
           (double)(c1[1] - c0[1]) / steps, (double)(c1[2] - c0[2]) / steps, (double)(c1[3] - c0[3]) / steps,
           (double)(c1[4] - c0[4]) / steps, dive_query_device_name(ctx), rd.arch, rd.height, rd.width, batch, steps);
  free(x); free(logits); free(y); free(tt); free(ti); free(ct); free(ci); free(sh); free(pk);
  dive_resnet_destroy(net);
  dive_ctx_destroy(ctx);
  return 0;
}
