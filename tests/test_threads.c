/* test_threads: what the manual's THREADING section promises. Each ctx keeps its own
   desc.threads and leaves the application's OpenMP setting alone; two ctxs trained at the
   same time from two threads give bit for bit what each gives alone; the CPU kernel choice
   is the same from every thread; dive_last_error is per thread. `make test-tsan` runs this
   under ThreadSanitizer (with test_data's loaders).
     make build/test_threads && ./build/test_threads */
#include <stdio.h>
#include <string.h>
#include <pthread.h>
#ifdef _OPENMP
#include <omp.h>
#endif
#include "../dive.h"

static int g_pass, g_fail;
static void check(int ok, const char *what, const char *detail) {
  printf("%-62s %s  %s\n", what, ok ? "OK  " : "FAIL", detail ? detail : "");
  if (ok) g_pass++; else g_fail++;
}

#define NIMG 16
#define HW 8
typedef struct job {
  int threads, steps;
  float params[8192];
  int64_t n;
  dive_status s;
  char err[256];
} job;

/* a ResNet-8 (width 4) trained `steps` steps on a fixed batch, on its own CPU ctx */
static void *train(void *arg) {
  job *j = (job *)arg;
  static const int counts[4] = {4, 4, 4, 4};
  float x[NIMG * 3 * HW * HW];
  int32_t y[NIMG];
  dive_ctx_desc cd;
  dive_ctx *ctx = NULL;
  dive_resnet_desc rd;
  dive_resnet *m = NULL;
  dive_loss_desc ld;
  dive_sgd_desc sd;
  dive_rng r;
  int i;
  dive_rng_seed(&r, 3);
  for (i = 0; i < NIMG * 3 * HW * HW; i++) x[i] = dive_rng_normal(&r);
  for (i = 0; i < NIMG; i++) y[i] = i % 4;
  memset(&cd, 0, sizeof cd);
  cd.backend = DIVE_BACKEND_CPU;
  cd.threads = j->threads;
  memset(&rd, 0, sizeof rd);
  rd.depth = 8; rd.base_width = 4; rd.num_classes = 4; rd.height = rd.width = HW; rd.max_batch = NIMG; rd.seed = 5;
  memset(&ld, 0, sizeof ld);
  ld.kind = DIVE_LOSS_BSCE; ld.class_counts = counts;
  memset(&sd, 0, sizeof sd);
  sd.lr = 0.1f; sd.momentum = 0.9f; sd.weight_decay = 5e-4f;
  j->s = dive_ctx_create(&ctx, &cd);
  if (!j->s) j->s = dive_resnet_create(ctx, &m, &rd);
  for (i = 0; i < j->steps && !j->s; i++) j->s = dive_resnet_train_step(m, NULL, x, y, NIMG, &ld, &sd, NULL);
  if (!j->s) {
    dive_tensor *params = dive_resnet_tensor(m, DIVE_RESNET_PARAMS);
    j->n = params->numel;
    if (j->n > 8192) j->s = DIVE_ERR_ARG;
    else j->s = dive_tensor_read(params, j->params, j->n);
  }
  snprintf(j->err, sizeof j->err, "%s", j->s ? dive_last_error() : "");
  dive_resnet_destroy(m);
  dive_ctx_destroy(ctx);
  return NULL;
}

typedef struct isa_job { const char *isa; char err[64]; } isa_job;
static void *ask(void *arg) {
  isa_job *a = (isa_job *)arg;
  dive_ctx *ctx = NULL;
  dive_ctx_desc cd;
  a->isa = dive_query_cpu_isa();
  memset(&cd, 0, sizeof cd);
  cd.backend = (dive_backend)7; /* an error of this thread only */
  dive_ctx_create(&ctx, &cd);
  snprintf(a->err, sizeof a->err, "%s", dive_last_error());
  return NULL;
}

int main(void) {
  dive_ctx_desc cd;
  dive_ctx *a = NULL, *b = NULL;
  job alone[2], both[2];
  pthread_t th[4];
  isa_job q[4];
  char buf[160];
  int i, before = 1;
#ifdef _OPENMP
  before = omp_get_max_threads();
#endif
  /* first, before anything else has asked: the kernel choice is made while 4 threads ask */
  for (i = 0; i < 4; i++) pthread_create(&th[i], NULL, ask, &q[i]);
  for (i = 0; i < 4; i++) pthread_join(th[i], NULL);
  for (i = 1; i < 4 && q[i].isa == q[0].isa && !strcmp(q[i].err, q[0].err); i++) {}
  snprintf(buf, sizeof buf, "%s; \"%.40s\"", q[0].isa, q[0].err);
  check(i == 4 && strstr(q[0].err, "backend 7") != NULL, "4 threads at once: one CPU kernel choice, own errors", buf);
  snprintf(buf, sizeof buf, "\"%s\"", dive_last_error());
  check(strstr(dive_last_error(), "backend 7") == NULL, "other threads' errors do not reach this thread's", buf);

  memset(&cd, 0, sizeof cd);
  cd.backend = DIVE_BACKEND_CPU;
  cd.threads = 1;
  dive_ctx_create(&a, &cd);
  cd.threads = 3;
  dive_ctx_create(&b, &cd);
#ifdef _OPENMP
  snprintf(buf, sizeof buf, "ctx threads %d and %d, application's OpenMP %d -> %d", a ? dive_query_threads(a) : -1,
           b ? dive_query_threads(b) : -1, before, omp_get_max_threads());
  check(a && b && dive_query_threads(a) == 1 && dive_query_threads(b) == 3 && omp_get_max_threads() == before,
        "desc.threads is per ctx, the application's OpenMP untouched", buf);
#else
  snprintf(buf, sizeof buf, "built without OpenMP: %d and %d", a ? dive_query_threads(a) : -1, b ? dive_query_threads(b) : -1);
  check(a && b && dive_query_threads(a) == 1 && dive_query_threads(b) == 1, "without OpenMP every ctx has 1 thread", buf);
  (void)before;
#endif
  dive_ctx_destroy(a);
  dive_ctx_destroy(b);

  /* alone, one after the other; then both at once from two threads */
  for (i = 0; i < 2; i++) {
    memset(&alone[i], 0, sizeof alone[i]);
    alone[i].threads = i + 1;
    alone[i].steps = 4;
    both[i] = alone[i];
    train(&alone[i]);
  }
  for (i = 0; i < 2; i++) pthread_create(&th[i], NULL, train, &both[i]);
  for (i = 0; i < 2; i++) pthread_join(th[i], NULL);
  for (i = 0; i < 2; i++) {
    int same = !alone[i].s && !both[i].s && alone[i].n == both[i].n && alone[i].n > 0 &&
               !memcmp(alone[i].params, both[i].params, sizeof(float) * (size_t)alone[i].n);
    snprintf(buf, sizeof buf, "%lld parameters%s%s", (long long)alone[i].n, alone[i].err, both[i].err);
    check(same, i ? "ctx of 2 threads beside another: bit-identical to alone" : "ctx of 1 thread beside another: bit-identical to alone", buf);
  }

  printf("%d passed, %d failed, 0 skipped\n", g_pass, g_fail);
  return g_fail != 0;
}
