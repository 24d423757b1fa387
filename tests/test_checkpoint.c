/* test_checkpoint: safetensors save/load round trip, PyTorch naming, atomic writes, and
   a clear error (never a crash, never a half-changed model) for every kind of bad file.
     make build/test_checkpoint && ./build/test_checkpoint
   With DIVE_TORCH_EXPORT=DIR it also writes DIR/model.safetensors and DIR/io.safetensors
   (an input batch and our eval logits) for tests/ref/check_torch_load.py. */
#define DIVE_IMPLEMENTATION
#include "../dive.h"
#include "test_util.h"



static dive_resnet *make(dive_ctx *ctx, int depth, int classes, uint64_t seed) {
  dive_resnet_desc rd;
  dive_resnet *m = NULL;
  memset(&rd, 0, sizeof rd);
  rd.depth = depth; rd.num_classes = classes; rd.max_batch = 4; rd.seed = seed;
  if (dive_resnet_create(ctx, &m, &rd)) printf("create: %s\n", dive_ctx_error(ctx));
  return m;
}

/* loading `path` into m must fail with `want`, mention `needle`, and leave m unchanged */
static void expect_bad(dive_ctx *ctx, dive_resnet *m, const float *x, const float *ref, const char *path,
                       dive_status want, const char *needle, const char *what) {
  float out[40];
  dive_status s = dive_resnet_load(m, path);
  char detail[600];
  int ok = s == want && strstr(dive_ctx_error(ctx), needle) != NULL;
  snprintf(detail, sizeof detail, "[%s] %s", dive_status_str(s), dive_ctx_error(ctx));
  dive_ctx_clear_error(ctx);
  if (ok) {
    dive_resnet_predict(m, x, 4, out);
    ok = !memcmp(out, ref, sizeof out);
    if (!ok) snprintf(detail, sizeof detail, "model changed by a failed load");
  }
  check(ok, what, detail);
}

int main(void) {
  dive_ctx *ctx;
  dive_ctx_desc cd;
  dive_resnet *a, *b, *c;
  float x[4 * 3 * 32 * 32], la[40], lb[40];
  char dir[] = "/tmp/dive_ckptXXXXXX", path[256], bad[256];
  unsigned char *buf;
  long n;
  int i;
  dive_rng r;
  const char *exp = getenv("DIVE_TORCH_EXPORT");

  memset(&cd, 0, sizeof cd);
  cd.backend = DIVE_BACKEND_CPU;
  if (dive_ctx_create(&ctx, &cd)) { printf("ctx: %s\n", dive_last_error()); return 1; }
  if (!mkdtemp(dir)) { printf("mkdtemp failed\n"); return 1; }
  snprintf(path, sizeof path, "%s/m.safetensors", dir);
  dive_rng_seed(&r, 3);
  for (i = 0; i < 4 * 3 * 32 * 32; i++) x[i] = dive_rng_normal(&r);

  a = make(ctx, 32, 10, 1);
  b = make(ctx, 32, 10, 2);
  if (!a || !b) return 1;
  {
    dive_loss_desc ld;
    dive_sgd_desc sd;
    int32_t y[4] = {1, 2, 3, 4};
    float loss;
    memset(&ld, 0, sizeof ld);
    memset(&sd, 0, sizeof sd);
    sd.lr = 0.1f;
    dive_resnet_train_step(a, NULL, x, y, 4, &ld, &sd, &loss); /* non-trivial running stats */
  }
  dive_resnet_predict(a, x, 4, la);
  dive_resnet_predict(b, x, 4, lb);
  check(memcmp(la, lb, sizeof la) != 0, "two seeds give different models", NULL);
  check(dive_resnet_save(a, path) == DIVE_OK, "save", dive_ctx_error(ctx));
  check(dive_resnet_load(b, path) == DIVE_OK, "load", dive_ctx_error(ctx));
  dive_resnet_predict(b, x, 4, lb);
  check(!memcmp(la, lb, sizeof la), "loaded model predicts bit-identically", NULL);
  check(*dive_resnet_find_state(b, "bn1.num_batches_tracked")->counter == 1, "num_batches_tracked survives", NULL);
  {
    dive__st_file f;
    const dive__st_entry *e;
    int ok = dive__st_open(&f, path) == DIVE_OK;
    ok = ok && f.n == a->nplist && !strcmp(f.e[0].name, "conv1.weight") &&
         !strcmp(f.e[f.n - 1].name, "linear.bias");
    e = ok ? dive__st_find(&f, "layer3.4.bn2.running_var") : NULL;
    ok = ok && e && e->ndim == 1 && e->shape[0] == 64 && !strcmp(e->dtype, "F32");
    e = ok ? dive__st_find(&f, "layer2.0.conv1.weight") : NULL;
    ok = ok && e && e->ndim == 4 && e->shape[0] == 32 && e->shape[1] == 16 && e->shape[2] == 3;
    e = ok ? dive__st_find(&f, "bn1.num_batches_tracked") : NULL;
    ok = ok && e && e->ndim == 0 && !strcmp(e->dtype, "I64");
    check(ok, "PyTorch names, shapes and dtypes", NULL);
    if (ok) dive__st_close(&f);
  }
  {
    char cmd[400];
    snprintf(cmd, sizeof cmd, "ls %s | grep -c tmp", dir);
    FILE *p = popen(cmd, "r");
    int cnt = -1;
    if (p) { if (fscanf(p, "%d", &cnt) != 1) cnt = -1; pclose(p); }
    check(cnt == 0, "no temporary file left behind", NULL);
  }

  /* bad files */
  buf = slurp(path, &n);
  if (!buf) return 1;
  snprintf(bad, sizeof bad, "%s/bad.safetensors", dir);
  spit(bad, buf, n / 2);
  expect_bad(ctx, b, x, la, bad, DIVE_ERR_FORMAT, "bad.safetensors", "truncated file");
  spit(bad, buf, 5);
  expect_bad(ctx, b, x, la, bad, DIVE_ERR_FORMAT, "too short", "5-byte file");
  buf[n - 100] ^= 0x10;
  spit(bad, buf, n);
  expect_bad(ctx, b, x, la, bad, DIVE_ERR_FORMAT, "checksum mismatch", "one flipped bit in the data");
  buf[n - 100] ^= 0x10;
  buf[7] = 0x7f;
  spit(bad, buf, n);
  expect_bad(ctx, b, x, la, bad, DIVE_ERR_FORMAT, "header length", "absurd header length");
  buf[7] = 0;
  buf[8] = '[';
  spit(bad, buf, n);
  expect_bad(ctx, b, x, la, bad, DIVE_ERR_FORMAT, "JSON object", "header not an object");
  buf[8] = '{';
  {
    char *h = (char *)buf + 8, *q = strstr(h, "\"shape\":[16,3,3,3]");
    if (q) { q[9] = '9'; spit(bad, buf, n); q[9] = '1'; }
    expect_bad(ctx, b, x, la, bad, DIVE_ERR_FORMAT, "bytes for", "shape disagrees with byte size");
  }
  expect_bad(ctx, b, x, la, "/nonexistent/m.safetensors", DIVE_ERR_IO, "/nonexistent/m.safetensors",
             "missing file");
  c = make(ctx, 32, 100, 1); /* 100 classes: linear.weight has another shape */
  {
    float lc[400];
    dive_resnet_predict(c, x, 4, lc);
    dive_status s = dive_resnet_load(c, path);
    check(s == DIVE_ERR_SHAPE && strstr(dive_ctx_error(ctx), "linear.weight") &&
          strstr(dive_ctx_error(ctx), "file has (10,64)"), "wrong class count names the tensor", dive_ctx_error(ctx));
    dive_ctx_clear_error(ctx);
  }
  dive_resnet_destroy(c);
  c = make(ctx, 20, 10, 1); /* resnet-20 file has no layer1.3; loading it into 32 fails */
  {
    char p20[300];
    snprintf(p20, sizeof p20, "%s/r20.safetensors", dir);
    dive_resnet_save(c, p20);
    expect_bad(ctx, b, x, la, p20, DIVE_ERR_FORMAT, "missing tensor \"layer1.3.conv1.weight\"", "missing tensor");
    check(dive_resnet_load(c, path) == DIVE_ERR_FORMAT && strstr(dive_ctx_error(ctx), "unexpected tensor"),
          "extra tensors are refused", dive_ctx_error(ctx));
    dive_ctx_clear_error(ctx);
  }
  dive_resnet_destroy(c);
  {
    char p2[300];
    snprintf(p2, sizeof p2, "%s/no/such/dir/m.safetensors", dir);
    check(dive_resnet_save(a, p2) == DIVE_ERR_IO && strstr(dive_ctx_error(ctx), "no/such/dir"),
          "save into a missing folder: a clear error", dive_ctx_error(ctx));
    dive_ctx_clear_error(ctx);
  }
  free(buf);

  if (exp) { /* for tests/ref/check_torch_load.py */
    dive__st_entry e[2];
    char p[600];
    memset(e, 0, sizeof e);
    snprintf(p, sizeof p, "%s/model.safetensors", exp);
    dive_resnet_save(a, p);
    snprintf(e[0].name, sizeof e[0].name, "x");
    snprintf(e[0].dtype, sizeof e[0].dtype, "F32");
    e[0].ndim = 4; e[0].shape[0] = 4; e[0].shape[1] = 3; e[0].shape[2] = 32; e[0].shape[3] = 32;
    e[0].data = x; e[0].end = sizeof x;
    snprintf(e[1].name, sizeof e[1].name, "logits");
    snprintf(e[1].dtype, sizeof e[1].dtype, "F32");
    e[1].ndim = 2; e[1].shape[0] = 4; e[1].shape[1] = 10;
    e[1].data = la; e[1].end = sizeof la;
    snprintf(p, sizeof p, "%s/io.safetensors", exp);
    dive__st_write(p, e, 2, NULL);
    printf("exported to %s\n", exp);
  }
  dive_resnet_destroy(a);
  dive_resnet_destroy(b);
  dive_ctx_destroy(ctx);
  {
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd)) printf("could not remove %s\n", dir);
  }
  return summary();
}
