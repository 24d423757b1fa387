/* zoo_tv: the dive.h half of tests/test_torchvision.sh (tests/ref/tv_roundtrip.py is the
   torchvision half; the same cases, "arch classes in_channels").
     zoo_tv export DIR   full-width models after one training step, saved as
                         DIR/dive_<case>.safetensors, with an input batch and their eval
                         logits in DIR/dive_<case>_io.safetensors
     zoo_tv check DIR    load DIR/tv_<case>.safetensors (written from torchvision) and
                         compare the eval logits with torchvision's
   Prints one "OK ..." or "FAIL ..." line per case; exits 1 on any failure. */
#define DIVE_IMPLEMENTATION
#include "../dive.h"
#include "ref_util.h"

static const struct { const char *arch; int classes, cin; } CASES[] = {
  {"resnext50_32x4d", 10, 3}, {"resnet50", 7, 1}, {"resnet18", 5, 1},
};
#define TOL 1e-5

static dive_resnet *make(dive_ctx *ctx, int c, uint64_t seed) {
  dive_resnet_desc rd;
  dive_resnet *m = NULL;
  memset(&rd, 0, sizeof rd);
  rd.arch = CASES[c].arch; rd.num_classes = CASES[c].classes; rd.in_channels = CASES[c].cin;
  rd.height = rd.width = 64; rd.max_batch = 2; rd.seed = seed;
  if (dive_resnet_create(ctx, &m, &rd)) printf("FAIL  %s: %s\n", CASES[c].arch, dive_ctx_error(ctx));
  return m;
}

int main(int argc, char **argv) {
  dive_ctx *ctx;
  dive_ctx_desc cd;
  int c, bad = 0, exp;
  char name[128], p[1200];
  if (argc != 3 || (strcmp(argv[1], "export") && strcmp(argv[1], "check"))) {
    fprintf(stderr, "usage: %s export|check DIR\n", argv[0]);
    return 2;
  }
  exp = !strcmp(argv[1], "export");
  memset(&cd, 0, sizeof cd);
  cd.backend = DIVE_BACKEND_CPU;
  if (dive_ctx_create(&ctx, &cd)) { printf("FAIL  ctx: %s\n", dive_last_error()); return 1; }
  for (c = 0; c < (int)(sizeof CASES / sizeof CASES[0]); c++) {
    dive_resnet *m = make(ctx, c, 11 + (uint64_t)c);
    int n = 2 * CASES[c].cin * 64 * 64, k = 2 * CASES[c].classes, i;
    float *x = (float *)malloc(sizeof(float) * (size_t)n), lg[40];
    dive_rng r;
    if (!m) { bad++; continue; }
    snprintf(name, sizeof name, "%s_%dc_%dch", CASES[c].arch, CASES[c].classes, CASES[c].cin);
    if (exp) {
      dive_loss_desc ld;
      dive_sgd_desc sd;
      dive__st_entry e[2];
      int32_t y[2] = {0, 1};
      float loss;
      dive_rng_seed(&r, 100 + (uint64_t)c);
      for (i = 0; i < n; i++) x[i] = dive_rng_normal(&r);
      memset(&ld, 0, sizeof ld);
      memset(&sd, 0, sizeof sd);
      sd.lr = 0.05f; sd.momentum = 0.9f;
      /* one step: weights off their init, running statistics and num_batches_tracked set */
      if (dive_resnet_train_step(m, NULL, x, y, 2, &ld, &sd, &loss) || dive_resnet_predict(m, x, 2, lg)) {
        printf("FAIL  dive.h %s: %s\n", name, dive_ctx_error(ctx));
        bad++;
      } else {
        snprintf(p, sizeof p, "%s/dive_%s.safetensors", argv[2], name);
        bad += dive_resnet_save(m, p) != DIVE_OK;
        memset(e, 0, sizeof e);
        snprintf(e[0].name, sizeof e[0].name, "x");
        snprintf(e[0].dtype, sizeof e[0].dtype, "F32");
        e[0].ndim = 4; e[0].shape[0] = 2; e[0].shape[1] = CASES[c].cin; e[0].shape[2] = e[0].shape[3] = 64;
        e[0].data = x; e[0].end = sizeof(float) * (uint64_t)n;
        snprintf(e[1].name, sizeof e[1].name, "logits");
        snprintf(e[1].dtype, sizeof e[1].dtype, "F32");
        e[1].ndim = 2; e[1].shape[0] = 2; e[1].shape[1] = CASES[c].classes;
        e[1].data = lg; e[1].end = sizeof(float) * (uint64_t)k;
        snprintf(p, sizeof p, "%s/dive_%s_io.safetensors", argv[2], name);
        bad += dive__st_write(p, e, 2, NULL) != DIVE_OK;
        printf("OK    dive.h %s saved\n", name);
      }
    } else {
      dive__st_file f;
      snprintf(p, sizeof p, "%s/tv_%s.safetensors", argv[2], name);
      if (dive_resnet_load(m, p)) {
        printf("FAIL  dive.h loads torchvision's %s: %s\n", name, dive_ctx_error(ctx));
        dive_ctx_clear_error(ctx);
        bad++;
      } else {
        snprintf(p, sizeof p, "%s/tv_%s_io.safetensors", argv[2], name);
        if (dive__st_open(&f, p)) {
          printf("FAIL  %s\n", dive_last_error());
          bad++;
        } else {
          const dive__st_entry *ex = dive__st_find(&f, "x"), *el = dive__st_find(&f, "logits");
          float ref[40];
          double e;
          memcpy(x, f.data + ex->begin, sizeof(float) * (size_t)n);
          memcpy(ref, f.data + el->begin, sizeof(float) * (size_t)k);
          dive__st_close(&f);
          dive_resnet_predict(m, x, 2, lg);
          e = relerr(lg, ref, k);
          printf("%s  dive.h loads torchvision's %s (num_batches_tracked %lld), eval logits relerr %.2e\n",
                 e < TOL ? "OK  " : "FAIL", name, (long long)*dive_resnet_find_state(m, "bn1.num_batches_tracked")->counter, e);
          bad += e >= TOL;
        }
      }
    }
    free(x);
    dive_resnet_destroy(m);
  }
  dive_ctx_destroy(ctx);
  return bad ? 1 : 0;
}
