/* test_faults: what happens when things go wrong (docs/reliability.md).
     1. out of memory: the k-th DIVE_MALLOC/REALLOC fails, for every k of a small workload
        (ctx, model, dataset, loader, train step, save, save_state, load, load_state):
        every run ends with an error status and a message, no crash, nothing left
        allocated (counted here; LeakSanitizer too under `make test-asan`), no temp file
     2. full disk: a save over RLIMIT_FSIZE (SIGXFSZ ignored) returns DIVE_ERR_IO and the
        previous checkpoint is still there, loadable and unchanged
     3. corrupt checkpoints: every byte of the header and the first, middle and last byte
        of every tensor, flipped one at a time: the load fails or loads exactly the saved
        state (a flip that changes what is loaded is never accepted)
     4. a NaN input: reported (the step checks its gradients), the weights stay finite,
        and the last checkpoint stays unchanged and loads
     make build/test_faults && ./build/test_faults */
#define _DEFAULT_SOURCE /* mkdtemp */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <signal.h>
#include <dirent.h>
#include <unistd.h>

#include "test_alloc.h"
#define DIVE_IMPLEMENTATION
#include "../dive.h"
#include "test_util.h"




static dive_status ctx_and_model(dive_ctx **ctx, dive_resnet **m, uint64_t seed) {
  dive_ctx_desc cd;
  dive_resnet_desc rd;
  dive_status s;
  memset(&cd, 0, sizeof cd);
  cd.backend = DIVE_BACKEND_CPU;
  cd.threads = 1;
  *m = NULL;
  if ((s = dive_ctx_create(ctx, &cd))) return s;
  memset(&rd, 0, sizeof rd);
  rd.depth = 8; rd.base_width = 4; rd.num_classes = 3; rd.in_channels = 1; rd.height = rd.width = 8;
  rd.max_batch = 4; rd.seed = seed;
  return dive_resnet_create(*ctx, m, &rd);
}

/* ctx, model, dataset, loader, one train step, save, save_state, load, load_state */
static dive_status workload(void) {
  dive_ctx *ctx = NULL;
  dive_resnet *m = NULL;
  dive_dataset ds;
  dive_loader *ld = NULL;
  dive_loader_desc ldd;
  dive_loss_desc loss;
  dive_sgd_desc sgd;
  float x[4 * 64], l;
  int32_t y[4];
  int n, i;
  int64_t epoch;
  char p1[256], p2[256];
  dive_status s;
  memset(&ds, 0, sizeof ds);
  path(p1, "m.safetensors");
  path(p2, "s.safetensors");
  if ((s = ctx_and_model(&ctx, &m, 1))) goto done;
  if ((s = dive_dataset_alloc(&ds, 8, 1, 8, 8, 3))) goto done;
  for (i = 0; i < 8; i++) ds.labels[i] = i % 3;
  for (i = 0; i < 8 * 64; i++) ds.images[i] = (uint8_t)(i * 7);
  if ((s = dive_dataset_recount(&ds))) goto done;
  memset(&ldd, 0, sizeof ldd);
  ldd.batch_size = 4; ldd.threads = -1; ldd.augment = DIVE_AUG_CROP_FLIP; ldd.shuffle = 1;
  if ((s = dive_loader_create(&ld, &ds, &ldd))) goto done;
  if ((s = dive_loader_next(ld, x, y, &n))) goto done;
  memset(&loss, 0, sizeof loss);
  loss.kind = DIVE_LOSS_BSCE;
  loss.class_counts = ds.class_counts;
  memset(&sgd, 0, sizeof sgd);
  sgd.lr = 0.1f; sgd.momentum = 0.9f;
  if ((s = dive_resnet_train_step(m, NULL, x, y, n, &loss, &sgd, &l))) goto done;
  if ((s = dive_resnet_save(m, p1))) goto done;
  if ((s = dive_resnet_save_state(m, p2, 7))) goto done;
  if ((s = dive_resnet_load(m, p1))) goto done;
  if ((s = dive_resnet_load_state(m, p2, &epoch))) goto done;
  if (epoch != 7) s = DIVE_ERR_FORMAT;
done:
  if (s && !dive_last_error()[0] && !(ctx && dive_ctx_error(ctx)[0])) s = (dive_status)-999; /* no message */
  dive_loader_destroy(ld);
  dive_dataset_free(&ds);
  dive_resnet_destroy(m);
  if (ctx) dive_ctx_destroy(ctx);
  return s;
}

static void test_oom(void) {
  long total, k, bad_ok = 0, bad_msg = 0, leaks = 0, temps = 0;
  char detail[200];
  dive_status s;
  g_allocs = 0; g_fail_at = 0; g_live = 0;
  s = workload();
  total = g_allocs;
  snprintf(detail, sizeof detail, "%ld allocations, %ld live after (%s)", total, g_live, dive_status_str(s));
  check(s == DIVE_OK && g_live == 0, "oom: the workload runs with no failure", detail);
  for (k = 1; k <= total; k++) {
    g_allocs = 0; g_fail_at = k; g_live = 0;
    dive__last_error[0] = 0;
    s = workload();
    if (s == DIVE_OK) bad_ok++; /* allowed: the CPU conv kernels fall back to the reference kernel */
    if ((int)s == -999) { if (!bad_msg) printf("  allocation %ld: error without a message\n", k); bad_msg++; }
    if (g_live) { if (!leaks) printf("  allocation %ld failed: %ld blocks leaked\n", k, g_live); leaks++; }
    if (temp_files()) { temps++; }
  }
  g_fail_at = 0;
  snprintf(detail, sizeof detail, "%ld runs: %ld errors, %ld ok (scratch fallback), %ld without message, %ld leaking, "
           "%ld temp files", total, total - bad_ok, bad_ok, bad_msg, leaks, temps);
  check(total - bad_ok > total / 2 && !bad_msg && !leaks && !temps, "oom: fail allocation k, for every k", detail);
}

static int same_file(const char *a, const char *b) {
  long na = 0, nb = 0;
  unsigned char *x = slurp(a, &na), *y = slurp(b, &nb);
  int same = x && y && na == nb && !memcmp(x, y, (size_t)na);
  free(x); free(y);
  return same;
}

static void test_full_disk(void) {
  dive_ctx *ctx;
  dive_resnet *m;
  struct rlimit old, lim;
  char good[256], copy[256], detail[700];
  dive_status s;
  long n;
  path(good, "good.safetensors");
  path(copy, "copy.safetensors");
  if (ctx_and_model(&ctx, &m, 1)) { check(0, "full disk: setup", dive_last_error()); return; }
  dive_resnet_save(m, good);
  dive_resnet_save(m, copy);
  free(slurp(good, &n));
  dive_resnet_destroy(m);
  dive_ctx_destroy(ctx);
  ctx_and_model(&ctx, &m, 2); /* different weights: the save below would change the file */
  getrlimit(RLIMIT_FSIZE, &old);
  lim = old;
  lim.rlim_cur = (rlim_t)(n / 2);
  signal(SIGXFSZ, SIG_IGN);
  setrlimit(RLIMIT_FSIZE, &lim); /* writes past n/2 bytes fail with EFBIG, as on a full disk */
  s = dive_resnet_save(m, good);
  snprintf(detail, sizeof detail, "[%s] %s", dive_status_str(s), dive_ctx_error(ctx));
  check(s == DIVE_ERR_IO, "full disk: save returns DIVE_ERR_IO", detail);
  dive_ctx_clear_error(ctx);
  s = dive_resnet_save_state(m, good, 3);
  check(s == DIVE_ERR_IO, "full disk: save_state returns DIVE_ERR_IO", dive_ctx_error(ctx));
  dive_ctx_clear_error(ctx);
  setrlimit(RLIMIT_FSIZE, &old);
  signal(SIGXFSZ, SIG_DFL);
  check(same_file(good, copy), "full disk: the previous checkpoint is unchanged", NULL);
  check(dive_resnet_load(m, good) == DIVE_OK, "full disk: ... and loads", dive_ctx_error(ctx));
  check(temp_files() == 0, "full disk: no temp file left", NULL);
  dive_resnet_destroy(m);
  dive_ctx_destroy(ctx);
}

/* flip byte i of `orig` into `bad`; load; either an error or exactly the saved state */
static int flip_one(dive_ctx *ctx, dive_resnet *m, const unsigned char *orig, long n, long i, const char *bad,
                    const char *resave, const char *ref, int *accepted) {
  unsigned char *b = (unsigned char *)malloc((size_t)n);
  int64_t ep;
  dive_status s;
  int ok = 1;
  memcpy(b, orig, (size_t)n);
  b[i] ^= 0x20; /* a bit that turns letters to other letters and digits to other chars */
  spit(bad, b, n);
  free(b);
  s = dive_resnet_load_state(m, bad, &ep);
  if (s == DIVE_OK) {
    ++*accepted;
    ok = ep == 5 && dive_resnet_save_state(m, resave, ep) == DIVE_OK && same_file(resave, ref);
    if (!ok) printf("  byte %ld flipped: accepted and loaded a different state\n", i);
  } else if (!dive_ctx_error(ctx)[0]) {
    ok = 0;
  }
  dive_ctx_clear_error(ctx);
  return ok;
}

static void test_flips(void) {
  dive_ctx *ctx, *ctx2;
  dive_resnet *m, *m2;
  char ref[256], bad[256], resave[256], detail[200];
  unsigned char *orig;
  long n, i, hlen, wrong = 0, tried = 0;
  int accepted = 0, t;
  dive__st_file f;
  path(ref, "ref.safetensors");
  path(bad, "bad.safetensors");
  path(resave, "resave.safetensors");
  ctx_and_model(&ctx, &m, 1);
  ctx_and_model(&ctx2, &m2, 9);
  dive_resnet_save_state(m, ref, 5);
  orig = slurp(ref, &n);
  hlen = 8 + (long)(orig[0] | orig[1] << 8 | orig[2] << 16);
  for (i = 0; i < hlen; i++, tried++) wrong += !flip_one(ctx2, m2, orig, n, i, bad, resave, ref, &accepted);
  snprintf(detail, sizeof detail, "%ld bytes, %d accepted (same state), %ld wrong", hlen, accepted, wrong);
  check(wrong == 0, "flips: every header byte", detail);
  wrong = 0;
  if (dive__st_open(&f, ref) == DIVE_OK) {
    for (t = 0; t < f.n; t++) {
      long at[3], k;
      at[0] = hlen + (long)f.e[t].begin;
      at[2] = hlen + (long)f.e[t].end - 1;
      at[1] = (at[0] + at[2]) / 2;
      for (k = 0; k < 3; k++, tried++) {
        int before = accepted;
        wrong += !flip_one(ctx2, m2, orig, n, at[k], bad, resave, ref, &accepted);
        wrong += accepted != before; /* the checksum must catch every data byte */
      }
    }
    snprintf(detail, sizeof detail, "%d tensors x 3 bytes, %ld accepted or wrong", f.n, wrong);
    check(f.n > 40 && wrong == 0, "flips: first, middle, last byte of every tensor", detail);
    dive__st_close(&f);
  }
  free(orig);
  dive_resnet_destroy(m); dive_resnet_destroy(m2);
  dive_ctx_destroy(ctx); dive_ctx_destroy(ctx2);
}

static void test_nonfinite(void) {
  dive_ctx *ctx;
  dive_resnet *m;
  dive_loss_desc loss;
  dive_sgd_desc sgd;
  float x[4 * 64], l;
  int32_t y[4] = {0, 1, 2, 0};
  int counts[3] = {2, 1, 1}, i;
  char good[256], copy[256];
  int64_t ep;
  dive_status s;
  path(good, "nf.safetensors");
  path(copy, "nf_copy.safetensors");
  ctx_and_model(&ctx, &m, 1);
  dive_resnet_save_state(m, good, 0);
  dive_resnet_save_state(m, copy, 0);
  for (i = 0; i < 4 * 64; i++) x[i] = (float)i / 256;
  x[17] = NAN;
  memset(&loss, 0, sizeof loss);
  loss.kind = DIVE_LOSS_BSCE;
  loss.class_counts = counts;
  memset(&sgd, 0, sizeof sgd);
  sgd.lr = 0.1f;
  s = dive_resnet_train_step(m, NULL, x, y, 4, &loss, &sgd, &l);
  {
    /* ReLU maps NaN to 0, so the loss can stay finite: the training step checks the
       gradients on the CPU and must refuse the step, leaving the weights finite */
    float *w = (float *)malloc(sizeof(float) * (size_t)m->params.numel);
    int64_t j, bad = 0;
    char msg[512];
    snprintf(msg, sizeof msg, "%s", dive_ctx_error(ctx));
    dive_ctx_clear_error(ctx); /* the error is sticky: clear it to read the weights back */
    if (dive_tensor_read(&m->params, w, m->params.numel)) bad = -1;
    for (j = 0; bad >= 0 && j < m->params.numel; j++) bad += !(w[j] - w[j] == 0);
    free(w);
    check(s == DIVE_ERR_NONFINITE && bad == 0 && strstr(msg, "not finite"),
          "non-finite: a NaN input is reported, the weights stay finite", msg);
  }
  dive_ctx_clear_error(ctx);
  check(same_file(good, copy), "non-finite: the last checkpoint is unchanged", NULL);
  check(dive_resnet_load_state(m, good, &ep) == DIVE_OK && ep == 0, "non-finite: ... and loads", dive_ctx_error(ctx));
  dive_resnet_destroy(m);
  dive_ctx_destroy(ctx);
}

int main(void) {
  char cmd[128];
  /* tmpfs when there is one: every save fsyncs, slow on some disks */
  snprintf(g_dir, sizeof g_dir, "%s/dive_faults.XXXXXX", access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
  if (!mkdtemp(g_dir)) { perror("mkdtemp"); return 1; }
  test_oom();
  test_full_disk();
  test_flips();
  test_nonfinite();
  snprintf(cmd, sizeof cmd, "rm -rf %s", g_dir);
  if (system(cmd)) {}
  return summary();
}
