/* bench_dist: data-parallel training steps on N ranks (DIVE_MPI): global images/s, the
   time per step and the part of it spent in the gradient allreduce. Synthetic images; the
   global batch is split over the ranks as the examples split it. Run by bench/dist.sh:
     mpirun -np N build/bench_dist [--arch A] [--size S] [--batch B] [--steps K] [--sync-bn]
   Prints one line (rank 0):
     ranks N threads T arch A ... train_img_s X step_ms Y allreduce_ms Z alone_ms W
   (allreduce_ms: waited after backward, mean over the ranks, a slower one's lag included;
   alone_ms: the same sum after a barrier) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../../dive.h"

int main(int argc, char **argv) {
  const char *arch = "resnet32";
  int size = 0, batch = 128, steps = 10, warm = 3, sync = 0, i, R, N, nloc, t;
  dive_dist *d;
  dive_ctx *ctx;
  dive_ctx_desc cd;
  dive_resnet *m;
  dive_resnet_desc rd;
  dive_resnet_dist_desc dd;
  dive_loss_desc ld;
  dive_sgd_desc sd;
  float *x, l;
  int32_t *y;
  double t0, t1, a0, a1;
  int64_t n0;
  for (i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--arch") && i + 1 < argc) arch = argv[++i];
    else if (!strcmp(argv[i], "--size") && i + 1 < argc) size = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--batch") && i + 1 < argc) batch = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--steps") && i + 1 < argc) steps = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--sync-bn")) sync = 1;
    else { fprintf(stderr, "bench_dist: unknown flag %s\n", argv[i]); return 2; }
  }
  if (dive_dist_create(&d, NULL)) { fprintf(stderr, "bench_dist: %s\n", dive_last_error()); return 1; }
  R = dive_dist_rank(d);
  N = dive_dist_size(d);
  if (batch % N) { fprintf(stderr, "bench_dist: --batch %d is not a multiple of %d ranks\n", batch, N); return 2; }
  nloc = batch / N;
  memset(&cd, 0, sizeof cd);
  cd.backend = DIVE_BACKEND_CPU; /* OMP_NUM_THREADS threads */
  if (dive_ctx_create(&ctx, &cd)) { fprintf(stderr, "bench_dist: %s\n", dive_last_error()); return 1; }
  memset(&rd, 0, sizeof rd);
  rd.arch = arch;
  rd.num_classes = 10;
  rd.max_batch = nloc;
  if (size) rd.height = rd.width = size;
  if (dive_resnet_create(ctx, &m, &rd)) { fprintf(stderr, "bench_dist: %s\n", dive_ctx_error(ctx)); return 1; }
  memset(&dd, 0, sizeof dd);
  dd.sync_bn = sync;
  dive_resnet_set_dist(m, d, &dd);
  {
    const dive_resnet_desc *g = dive_resnet_get_desc(m);
    size_t px = (size_t)nloc * 3 * (size_t)g->height * (size_t)g->width;
    dive_rng r;
    x = (float *)malloc(sizeof(float) * px);
    y = (int32_t *)malloc(sizeof(int32_t) * (size_t)nloc);
    if (!x || !y) return 1;
    dive_rng_seed(&r, (uint64_t)R + 1);
    for (i = 0; i < (int)px; i++) x[i] = dive_rng_normal(&r);
    for (i = 0; i < nloc; i++) y[i] = (R * nloc + i) % 10;
    size = g->height;
  }
  memset(&ld, 0, sizeof ld);
  ld.kind = DIVE_LOSS_CE;
  memset(&sd, 0, sizeof sd);
  sd.lr = 0.01f; sd.momentum = 0.9f;
  for (t = 0; t < warm; t++)
    if (dive_resnet_train_step(m, NULL, x, y, nloc, &ld, &sd, &l)) { fprintf(stderr, "%s\n", dive_ctx_error(ctx)); return 1; }
  dive_dist_barrier(d);
  dive_resnet_dist_stats(m, &a0, &n0, NULL);
  t0 = dive_time_sec();
  for (t = 0; t < steps; t++)
    if (dive_resnet_train_step(m, NULL, x, y, nloc, &ld, &sd, &l)) { fprintf(stderr, "%s\n", dive_ctx_error(ctx)); return 1; }
  dive_dist_barrier(d);
  t1 = dive_time_sec();
  dive_resnet_dist_stats(m, &a1, &n0, NULL);
  {
    double v[1];
    v[0] = a1 - a0; /* the mean over the ranks (it includes waiting for a slower rank) */
    /* the same sum alone, after a barrier: the communication without the wait for a
       slower rank (in-place allreduce of a gradient-sized arena) */
    int64_t np = dive_resnet_num_params(m);
    float *g = (float *)calloc((size_t)np, sizeof(float));
    double ta = 0;
    for (t = 0; t < 5 && g; t++) {
      double s0;
      dive_dist_barrier(d);
      s0 = dive_time_sec();
      dive_dist_allreduce_f32(d, g, np);
      ta += dive_time_sec() - s0;
    }
    free(g);
    dive_dist_allreduce_f64(d, v, 1);
    if (R == 0)
      printf("ranks %d threads %d arch %s size %d batch %d params %lld sync_bn %d train_img_s %.1f step_ms %.2f "
             "allreduce_ms %.2f alone_ms %.2f\n", N, dive_query_threads(ctx), dive_resnet_get_desc(m)->arch, size,
             batch, (long long)np, sync, batch * steps / (t1 - t0), 1e3 * (t1 - t0) / steps, 1e3 * v[0] / N / steps,
             1e3 * ta / 5);
  }
  free(x);
  free(y);
  dive_resnet_destroy(m);
  dive_ctx_destroy(ctx);
  dive_dist_destroy(d);
  return 0;
}
