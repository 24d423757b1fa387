/* test_dist: the MPI layer (DIVE_MPI) on N ranks: ranks and local ranks, in-place sums
   (also past one MPI count), broadcast, every rank agreeing on a failure of one, and the
   watchdog that ends a job whose peer hangs. Run by tests/test_mpi.sh (make test-mpi):
     mpirun -np 2 build/test_dist              the checks (rank 0 prints them)
     mpirun -np 2 build/test_dist hang         rank 1 never joins: rank 0 must abort the job */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <math.h>
#include "../../dive.h"

static int g_pass, g_fail, g_skip, g_rank;
static void check(int ok, const char *what, const char *detail) {
  int v[2];
  v[0] = ok ? 0 : 1;
  v[1] = g_rank;
  if (g_rank == 0) printf("%-60s %s  %s\n", what, ok ? "OK  " : "FAIL", detail ? detail : "");
  else if (!ok) printf("rank %d: FAIL %s %s\n", g_rank, what, detail ? detail : "");
  if (ok) g_pass++; else g_fail++;
  (void)v;
}

/* ---- the model driver on N ranks ---- */
enum { TB = 8, TSTEPS = 3, TC = 10, TH = 12 };

static dive_resnet *make_model(dive_ctx *ctx) {
  dive_resnet *m = NULL;
  dive_resnet_desc rd;
  memset(&rd, 0, sizeof rd);
  rd.depth = 8; rd.in_channels = 3; rd.num_classes = TC; rd.base_width = 4;
  rd.height = TH; rd.width = TH; rd.max_batch = TB; rd.seed = 5;
  if (dive_resnet_create(ctx, &m, &rd)) printf("rank %d: FAIL model: %s\n", g_rank, dive_ctx_error(ctx));
  return m;
}

/* global batch t: TB images (7 at the last step: unequal parts on 2 ranks) of noise with
   a class-dependent mean, so the loss falls; image i of step t is the same whatever rank */
static int global_batch(int t, float *x, int32_t *y) {
  const int B = t == TSTEPS - 1 ? TB - 1 : TB, P = 3 * TH * TH;
  int i, j;
  for (i = 0; i < B; i++) {
    dive_rng r;
    dive_rng_seed(&r, (uint64_t)(1000 * t + i + 1));
    y[i] = (int32_t)((t * TB + i * 3) % TC);
    for (j = 0; j < P; j++) x[(size_t)i * P + j] = dive_rng_normal(&r) + 0.3f * (float)y[i] * (float)((j % 7) - 3);
  }
  return B;
}

/* trains TSTEPS steps: with d, this rank's contiguous part [B r / N, B (r + 1) / N) of
   each global batch (as a sharded loader splits it), else the whole batch; loss of step 0 */
static float train(dive_resnet *m, dive_dist *d, int R, int N) {
  static float x[TB * 3 * TH * TH];
  int32_t y[TB];
  float l = 0, l0 = 0;
  int t;
  dive_loss_desc ld;
  dive_sgd_desc sd;
  memset(&ld, 0, sizeof ld);
  ld.kind = DIVE_LOSS_CE;
  memset(&sd, 0, sizeof sd);
  sd.lr = 0.1f; sd.momentum = 0.9f; sd.weight_decay = 5e-4f;
  for (t = 0; t < TSTEPS; t++) {
    int B = global_batch(t, x, y), lo = d ? B * R / N : 0, hi = d ? B * (R + 1) / N : B;
    if (dive_resnet_train_step(m, NULL, x + (size_t)lo * 3 * TH * TH, y + lo, hi - lo, &ld, &sd, &l))
      printf("rank %d: FAIL step %d: %s\n", g_rank, t, dive_last_error());
    if (t == 0) l0 = l;
  }
  return l0;
}

/* the largest difference between two models' weights and BN buffers, relative to the
   largest magnitude of each tensor (state_dict entries) */
static double model_diff(dive_resnet *a, dive_resnet *b) {
  double worst = 0;
  int i, n = dive_resnet_num_state(a);
  for (i = 0; i < n; i++) {
    dive_param *pa = dive_resnet_state(a, i), *pb = dive_resnet_state(b, i);
    float *va, *vb;
    double dmax = 0, amax = 1e-30;
    int64_t j, k;
    if (pa->kind == DIVE_PARAM_COUNTER) continue;
    k = pa->value.numel;
    va = (float *)malloc(sizeof(float) * (size_t)k);
    vb = (float *)malloc(sizeof(float) * (size_t)k);
    dive_tensor_read(&pa->value, va, k);
    dive_tensor_read(&pb->value, vb, k);
    for (j = 0; j < k; j++) {
      double e = fabs((double)va[j] - vb[j]);
      dmax = e > dmax ? e : dmax;
      amax = fabs(vb[j]) > amax ? fabs(vb[j]) : amax;
    }
    if (dmax / amax > worst) worst = dmax / amax;
    free(va);
    free(vb);
  }
  return worst;
}

/* bytes of the weights and the BN buffers that differ from rank 0's, over every rank */
static double bytes_unlike_rank0(dive_dist *d, dive_resnet *m) {
  const dive_tensor *p = dive_resnet_tensor(m, DIVE_RESNET_PARAMS), *b = dive_resnet_tensor(m, DIVE_RESNET_BUFFERS);
  int64_t np = p->numel, nb = b->numel, j;
  float *mine = (float *)malloc(sizeof(float) * (size_t)(np + nb)), *r0 = (float *)malloc(sizeof(float) * (size_t)(np + nb));
  double diff = 0;
  dive_tensor_read(p, mine, np);
  dive_tensor_read(b, mine + np, nb);
  memcpy(r0, mine, sizeof(float) * (size_t)(np + nb));
  dive_dist_bcast(d, r0, (int64_t)sizeof(float) * (np + nb), 0);
  for (j = 0; j < np + nb; j++) diff += memcmp(&mine[j], &r0[j], sizeof(float)) != 0;
  dive_dist_allreduce_f64(d, &diff, 1);
  free(mine);
  free(r0);
  return diff;
}

enum { MODEL_CHECKS = 6 };
static void test_model(dive_dist *d, dive_backend backend) {
  const int R = dive_dist_rank(d), N = dive_dist_size(d);
  dive_ctx *ctx = NULL;
  dive_ctx_desc cd;
  dive_resnet *ref, *per, *syn;
  dive_resnet_dist_desc dd;
  char buf[200];
  float lref, lsyn;
  double e_syn, e_per, nd;
  const char *bk = backend == DIVE_BACKEND_CPU ? "cpu" : "vulkan";
  char what[120];
  memset(&cd, 0, sizeof cd);
  cd.backend = backend;
  cd.threads = 1;
  {
    int ok = dive_ctx_create(&ctx, &cd) == DIVE_OK, all = ok;
    double v = ok ? 0 : 1;
    dive_dist_allreduce_f64(d, &v, 1);
    all = v == 0;
    if (!all) {
      if (backend == DIVE_BACKEND_CPU) { check(0, "ctx", dive_last_error()); return; }
      if (R == 0) printf("SKIP  %d checks on vulkan: no Vulkan device (%s)\n", MODEL_CHECKS, dive_last_error());
      g_skip += MODEL_CHECKS;
      if (ok) dive_ctx_destroy(ctx);
      return;
    }
  }
  ref = make_model(ctx); /* one process, the whole batch */
  per = make_model(ctx); /* N ranks, per-replica BN */
  syn = make_model(ctx); /* N ranks, sync-BN */
  if (!ref || !per || !syn) { check(0, "models", dive_ctx_error(ctx)); return; }
  memset(&dd, 0, sizeof dd);
  dd.bucket_mb = 0.01; /* several buckets even for this small model */
  dive_resnet_set_dist(per, d, &dd);
  dd.sync_bn = 1;
  dive_resnet_set_dist(syn, d, &dd);
  lref = train(ref, NULL, R, N);
  train(per, d, R, N);
  lsyn = train(syn, d, R, N);

  nd = bytes_unlike_rank0(d, per);
  snprintf(buf, sizeof buf, "%.0f values differ from rank 0's", nd);
  snprintf(what, sizeof what, "%s: per-replica BN: weights + BN buffers bitwise equal", bk);
  check(nd == 0 && dive_resnet_dist_check(per) == DIVE_OK, what, buf);
  nd = bytes_unlike_rank0(d, syn);
  snprintf(buf, sizeof buf, "%.0f values differ from rank 0's", nd);
  snprintf(what, sizeof what, "%s: sync-BN: weights + BN buffers bitwise equal", bk);
  check(nd == 0 && dive_resnet_dist_check(syn) == DIVE_OK, what, buf);

  e_syn = model_diff(syn, ref);
  e_per = model_diff(per, ref);
  snprintf(buf, sizeof buf, "max relative difference %.2e after %d steps (batches 8, 8, 7)", e_syn, TSTEPS);
  snprintf(what, sizeof what, "%s: sync-BN: N ranks x B/N = 1 process x B", bk);
  check(e_syn <= 1e-5, what, buf);
  snprintf(buf, sizeof buf, "max relative difference %.2e (must be > 1e-3)", e_per);
  snprintf(what, sizeof what, "%s: per-replica BN: differs from 1 process x B", bk);
  check(e_per > 1e-3, what, buf);
  snprintf(buf, sizeof buf, "%.7f vs %.7f", lsyn, lref);
  snprintf(what, sizeof what, "%s: sync-BN: the loss is the global batch's mean", bk);
  check(fabs(lsyn - lref) <= 1e-5 * fabs(lref), what, buf);
  {
    double secs;
    int64_t steps, early, nb = (dive_resnet_num_params(per) + 2620) / 2621; /* 0.01 MB buckets */
    dive_resnet_dist_stats(per, &secs, &steps, &early);
    snprintf(buf, sizeof buf, "%lld steps, %.4f s waited; %lld of %lld buckets started during backward",
             (long long)steps, secs, (long long)early, (long long)(nb * steps));
    /* the CPU starts every bucket but the stem's during backward; Vulkan after it */
    if (backend == DIVE_BACKEND_CPU ? !(early > 0 && early < nb * steps) : early != 0) steps = -1;
    if (backend == DIVE_BACKEND_VULKAN) { /* and the validation layer said nothing (when loaded) */
      int msgs = dive_query_validation_messages(ctx);
      snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "; %d validation messages", msgs);
      steps = msgs ? -1 : steps;
    }
    snprintf(what, sizeof what, "%s: allreduce stats: steps, buckets started %s%s", bk,
             backend == DIVE_BACKEND_CPU ? "during backward" : "after backward",
             backend == DIVE_BACKEND_VULKAN ? ", no validation message" : "");
    check(steps == TSTEPS, what, buf);
  }
  dive_resnet_destroy(ref);
  dive_resnet_destroy(per);
  dive_resnet_destroy(syn);
  dive_ctx_destroy(ctx);
}

/* a NaN pixel on rank 1 alone (the loss may stay finite: ReLU maps NaN to 0; the stem's
   weight gradient does not): every rank's step fails with DIVE_ERR_NONFINITE, none updates */
static void test_nonfinite(dive_dist *d) {
  const int R = dive_dist_rank(d), N = dive_dist_size(d);
  static float x[TB * 3 * TH * TH];
  int32_t y[TB];
  dive_ctx *ctx = NULL;
  dive_ctx_desc cd;
  dive_resnet *m;
  dive_loss_desc ld;
  dive_sgd_desc sd;
  float l;
  double v[1];
  int B, lo, hi;
  dive_status s;
  char buf[160];
  memset(&cd, 0, sizeof cd);
  cd.backend = DIVE_BACKEND_CPU;
  cd.threads = 1;
  if (dive_ctx_create(&ctx, &cd) || !(m = make_model(ctx))) { check(0, "nonfinite: model", dive_last_error()); return; }
  dive_resnet_set_dist(m, d, NULL);
  B = global_batch(0, x, y);
  lo = B * R / N;
  hi = B * (R + 1) / N;
  if (R == 1) x[(size_t)lo * 3 * TH * TH + 5] = 0.0f / 0.0f;
  memset(&ld, 0, sizeof ld);
  ld.kind = DIVE_LOSS_CE;
  memset(&sd, 0, sizeof sd);
  sd.lr = 0.1f;
  s = dive_resnet_train_step(m, NULL, x + (size_t)lo * 3 * TH * TH, y + lo, hi - lo, &ld, &sd, &l);
  v[0] = s == DIVE_ERR_NONFINITE;
  dive_dist_allreduce_f64(d, v, 1);
  snprintf(buf, sizeof buf, "%.0f of %d ranks failed; rank %d: %.60s", v[0], N, R, dive_ctx_error(ctx));
  check(v[0] == N, "a NaN on rank 1: every rank's step fails (non-finite)", buf);
  dive_resnet_destroy(m);
  dive_ctx_destroy(ctx);
}

/* the shards of the training loader as the examples make it (dive_cli.h's cli_loader):
   disjoint, covering the epoch, and each the contiguous part of the single loader's batch */
static void test_shards(dive_dist *d) {
  enum { NI = 45, B = 12, P = 36 };
  const int R = dive_dist_rank(d), N = dive_dist_size(d);
  dive_dataset ds;
  dive_loader *one = NULL, *part = NULL;
  dive_loader_desc ldd;
  static float x1[B * P], xs[B * P];
  int32_t y1[B], ys[B];
  double seen[NI], *sizes = (double *)calloc((size_t)N, sizeof(double));
  int i, ep, n1, ns, wrong = 0, twice = 0, missing = 0;
  int64_t b;
  char buf[200];
  dive_dataset_alloc(&ds, NI, 1, 6, 6, NI);
  for (i = 0; i < NI * P; i++) ds.images[i] = (uint8_t)(i * 7 + 3);
  for (i = 0; i < NI; i++) ds.labels[i] = i; /* the label names the image */
  dive_dataset_recount(&ds);
  memset(&ldd, 0, sizeof ldd);
  ldd.batch_size = B; ldd.shuffle = 1; ldd.augment = DIVE_AUG_CROP_FLIP; ldd.seed = 3 * 7919 + 17; ldd.threads = 1;
  if (dive_loader_create(&one, &ds, &ldd)) { check(0, "loader", dive_last_error()); return; }
  ldd.shards = N;
  ldd.shard = R;
  if (dive_loader_create(&part, &ds, &ldd)) { check(0, "sharded loader", dive_last_error()); return; }
  for (ep = 0; ep < 2; ep++) {
    memset(seen, 0, sizeof seen);
    dive_loader_reset(one, ep);
    dive_loader_reset(part, ep);
    for (b = 0; b < dive_loader_batches(one); b++) {
      int at = 0, k;
      dive_loader_next(one, x1, y1, &n1);
      dive_loader_next(part, xs, ys, &ns);
      for (k = 0; k < N; k++) sizes[k] = k == R ? ns : 0;
      dive_dist_allreduce_f64(d, sizes, N);
      for (k = 0; k < R; k++) at += (int)sizes[k];
      for (k = 0; k < ns; k++) {
        seen[ys[k]] += 1;
        wrong += at + k >= n1 || ys[k] != y1[at + k];
      }
      if (at + ns <= n1) wrong += memcmp(xs, x1 + (size_t)at * P, sizeof(float) * (size_t)ns * P) != 0;
    }
    dive_dist_allreduce_f64(d, seen, NI);
    for (i = 0; i < NI; i++) { twice += seen[i] > 1; missing += seen[i] < 1; }
  }
  { double v = wrong; dive_dist_allreduce_f64(d, &v, 1); wrong = (int)v; }
  snprintf(buf, sizeof buf, "%d images on two ranks, %d on none, %d not the single loader's", twice, missing, wrong);
  check(!twice && !missing && !wrong, "the ranks' shards of 2 epochs: disjoint, covering, contiguous parts", buf);
  dive_loader_destroy(one);
  dive_loader_destroy(part);
  dive_dataset_free(&ds);
  free(sizes);
}

int main(int argc, char **argv) {
  dive_dist *d = NULL;
  dive_dist_desc dd;
  char buf[200];
  int R, N, who, bad;
  memset(&dd, 0, sizeof dd);
  if (argc > 1 && !strcmp(argv[1], "hang")) dd.timeout_s = 3;
  if (dive_dist_create(&d, &dd)) { printf("FAIL dist: %s\n", dive_last_error()); return 1; }
  R = g_rank = dive_dist_rank(d);
  N = dive_dist_size(d);
  if (argc > 1 && !strcmp(argv[1], "hang")) { /* rank 1 sleeps through the barrier */
    if (R == 1) sleep(30);
    dive_dist_barrier(d);
    printf("rank %d: past the barrier (the watchdog did not fire)\n", R);
    dive_dist_destroy(d);
    return 0;
  }
  snprintf(buf, sizeof buf, "rank %d of %d, local %d of %d", R, N, dive_dist_local_rank(d), dive_dist_local_size(d));
  check(N >= 2 && R >= 0 && R < N && dive_dist_local_size(d) == N && dive_dist_local_rank(d) == R,
        "ranks (one machine: local ranks = ranks)", buf);
  {
    double v[3];
    v[0] = R + 1; v[1] = -0.5 * R; v[2] = 1e300 * 0.0 + R * R;
    dive_dist_allreduce_f64(d, v, 3);
    snprintf(buf, sizeof buf, "%g %g %g", v[0], v[1], v[2]);
    check(v[0] == N * (N + 1) / 2.0 && v[1] == -0.25 * N * (N - 1) && v[2] == (N - 1) * N * (2 * N - 1) / 6.0,
          "allreduce_f64: in-place sums", buf);
  }
  {
    int64_t n = 3 * 1000 * 1000 + 7, j;
    float *v = (float *)malloc((size_t)n * sizeof(float));
    for (j = 0; j < n; j++) v[j] = (float)((j % 5) * (R + 1));
    dive_dist_allreduce_f32(d, v, n);
    for (bad = 0, j = 0; j < n; j++) bad += v[j] != (float)((j % 5) * N * (N + 1) / 2);
    snprintf(buf, sizeof buf, "%lld floats, %d wrong", (long long)n, bad);
    check(bad == 0, "allreduce_f32 of a 3M-float arena", buf);
    free(v);
  }
  {
    char msg[32];
    snprintf(msg, sizeof msg, R == N - 1 ? "from the last rank" : "not yet");
    dive_dist_bcast(d, msg, sizeof msg, N - 1);
    check(!strcmp(msg, "from the last rank"), "bcast from the last rank", msg);
  }
  {
    dive_status s = dive_dist_agree(d, R == 1 ? DIVE_ERR_IO : DIVE_OK, &who);
    snprintf(buf, sizeof buf, "status %d, rank %d", (int)s, who);
    check(s == DIVE_ERR_IO && who == 1, "agree: every rank learns rank 1 failed", buf);
    s = dive_dist_agree(d, DIVE_OK, &who);
    check(s == DIVE_OK && who == -1, "agree: all well", NULL);
  }
  test_model(d, DIVE_BACKEND_CPU);
  test_model(d, DIVE_BACKEND_VULKAN);
  test_nonfinite(d);
  test_shards(d);
  /* every rank's verdict: rank 0 prints the total */
  {
    double v[3];
    v[0] = g_pass; v[1] = g_fail; v[2] = g_skip;
    dive_dist_allreduce_f64(d, v, 3);
    if (R == 0) printf("%d passed, %d failed, %d skipped\n", (int)v[0] / N, (int)(v[1] + 0.5), (int)v[2] / N);
    bad = v[1] > 0;
  }
  dive_dist_destroy(d);
  return bad;
}
