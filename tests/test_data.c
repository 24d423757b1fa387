/* tests/test_data.c - the data section of dive.h: loaders, long-tailed subsets, augmentation.
   Build and run from the repository root (the numpy fixture is read from tests/ref/):
     cc -std=c99 -O2 -Wall -Wextra -I. tests/test_data.c -o build/test_data -lm -lpthread
     ./build/test_data
   Fixtures are written into a fresh temp dir (IDX plain and gzipped, CIFAR bins, an image
   tree written with stb_image_write), plus corrupted copies of each. The real
   Fashion-MNIST files are checked when the Debian package is installed. The CIFAR-LT
   selection is compared with numpy's (tests/ref/lt_indices.bin, gen_lt_indices.py).
   A part that cannot run here (no Fashion-MNIST package, no stb_image_write.h) counts its
   checks as skipped. Ends with "N passed, N failed, N skipped"; the exit code is the verdict. */
#define DIVE_IMPLEMENTATION
#include "../dive.h"
#include <stdio.h>
#include <sys/stat.h>

#if defined(__has_include)
#if __has_include("stb_image_write.h")
#define TD_WRITE_H "stb_image_write.h"
#elif __has_include(<stb/stb_image_write.h>)
#define TD_WRITE_H <stb/stb_image_write.h>
#endif
#endif
#if defined(TD_WRITE_H) && !defined(DIVE_NO_STB_IMAGE)
#define STB_IMAGE_WRITE_IMPLEMENTATION
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#endif
#include TD_WRITE_H
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif
#define TD_IMAGES 1
#else
#define TD_IMAGES 0
#endif

/* ================================================================== helpers */
#define TEST_UTIL_COUNTS_ONLY
#include "test_util.h"
/* the checks of the parts that may not run here (skip counts; a full run verifies them) */
#define FMNIST_CHECKS 10
#define IMAGE_LIST_CHECKS 20
static char g_dir[256];

#define CHECK(cond, ...) check_((cond) != 0, __FILE__, __LINE__, __VA_ARGS__)
static void check_(int ok, const char *file, int line, const char *fmt, ...) {
  va_list ap;
  if (ok) { g_pass++; return; }
  g_fail++;
  printf("FAIL %s:%d: ", file, line);
  va_start(ap, fmt);
  vprintf(fmt, ap);
  va_end(ap);
  printf("\n");
}

/* a failure with the expected status whose message names `what` (a file, usually) */
#define EXPECT_FAIL(call, want, what, what2)                                                         \
  do {                                                                                             \
    dive_status s_ = (call);                                                                       \
    CHECK(s_ == (want) && strstr(dive_last_error(), (what)) && strstr(dive_last_error(), (what2)), \
          "%s -> %s (want %s), msg '%s' should name '%s' and '%s'", #call, dive_status_str(s_),    \
          dive_status_str(want), dive_last_error(), (what), (what2));                              \
  } while (0)

static const char *tpath(const char *name) { /* path inside the temp dir (rotating buffers) */
  static char buf[8][512];
  static int k;
  k = (k + 1) % 8;
  snprintf(buf[k], sizeof buf[k], "%s/%s", g_dir, name);
  return buf[k];
}

static void write_file(const char *path, const void *data, size_t n) {
  FILE *f = fopen(path, "wb");
  if (!f || fwrite(data, 1, n, f) != n) { printf("cannot write %s\n", path); exit(2); }
  fclose(f);
}

static void be32(uint8_t *p, uint32_t v) { p[0] = (uint8_t)(v >> 24); p[1] = (uint8_t)(v >> 16); p[2] = (uint8_t)(v >> 8); p[3] = (uint8_t)v; }
static void le32(uint8_t *p, uint32_t v) { p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24); }

/* bitwise CRC-32, independent of the library's table version */
static uint32_t crc_bitwise(const uint8_t *p, size_t n) {
  uint32_t c = 0xFFFFFFFFu;
  size_t i;
  int k;
  for (i = 0; i < n; i++) {
    c ^= p[i];
    for (k = 0; k < 8; k++) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1)));
  }
  return ~c;
}

/* gzip with stored (uncompressed) deflate blocks; flags: 2 FHCRC, 4 FEXTRA, 8 FNAME, 16 FCOMMENT */
static uint8_t *gzip_stored(const uint8_t *d, size_t n, int flags, size_t *out_n) {
  uint8_t *g = (uint8_t *)malloc(n + n / 65535 * 5 + 128), *p;
  size_t at = 0;
  uint32_t hc;
  p = g;
  p[0] = 0x1f; p[1] = 0x8b; p[2] = 8; p[3] = (uint8_t)flags; le32(p + 4, 0); p[8] = 0; p[9] = 3;
  p += 10;
  if (flags & 4) { p[0] = 4; p[1] = 0; memcpy(p + 2, "ab\0\1", 4); p += 6; }
  if (flags & 8) { memcpy(p, "name.idx", 9); p += 9; }
  if (flags & 16) { memcpy(p, "a comment", 10); p += 10; }
  if (flags & 2) { hc = crc_bitwise(g, (size_t)(p - g)); p[0] = (uint8_t)hc; p[1] = (uint8_t)(hc >> 8); p += 2; }
  do { /* blocks of at most 65535 bytes: BFINAL bit, BTYPE 00, LEN, NLEN */
    size_t len = n - at > 65535 ? 65535 : n - at;
    p[0] = at + len == n ? 1 : 0;
    p[1] = (uint8_t)len; p[2] = (uint8_t)(len >> 8);
    p[3] = (uint8_t)~len; p[4] = (uint8_t)(~len >> 8);
    memcpy(p + 5, d + at, len);
    p += 5 + len;
    at += len;
  } while (at < n);
  le32(p, crc_bitwise(d, n));
  le32(p + 4, (uint32_t)n);
  p += 8;
  *out_n = (size_t)(p - g);
  return g;
}

/* IDX images (n, h, w) with pixel(i, y, x) = (i*31 + y*7 + x*3) % 256, labels i % 10 */
static uint8_t idx_px(int i, int y, int x) { return (uint8_t)((i * 31 + y * 7 + x * 3) % 256); }
static uint8_t *make_idx_images(int n, int h, int w, size_t *len) {
  uint8_t *b = (uint8_t *)malloc(16 + (size_t)n * h * w);
  int i, y, x;
  b[0] = 0; b[1] = 0; b[2] = 8; b[3] = 3;
  be32(b + 4, (uint32_t)n); be32(b + 8, (uint32_t)h); be32(b + 12, (uint32_t)w);
  for (i = 0; i < n; i++)
    for (y = 0; y < h; y++)
      for (x = 0; x < w; x++) b[16 + ((size_t)i * h + y) * w + x] = idx_px(i, y, x);
  *len = 16 + (size_t)n * h * w;
  return b;
}
static uint8_t *make_idx_labels(int n, size_t *len) {
  uint8_t *b = (uint8_t *)malloc(8 + (size_t)n);
  int i;
  b[0] = 0; b[1] = 0; b[2] = 8; b[3] = 1;
  be32(b + 4, (uint32_t)n);
  for (i = 0; i < n; i++) b[8 + i] = (uint8_t)(i % 10);
  *len = 8 + (size_t)n;
  return b;
}

static int check_idx_ds(const dive_dataset *ds, int n, int h, int w) {
  int i, y, x, bad = 0;
  if (ds->n != n || ds->height != h || ds->width != w || ds->channels != 1 || ds->num_classes != 10) return 0;
  for (i = 0; i < n; i++) {
    bad += ds->labels[i] != i % 10 || ds->index[i] != i;
    for (y = 0; y < h; y++)
      for (x = 0; x < w; x++) bad += ds->images[((size_t)i * h + y) * w + x] != idx_px(i, y, x);
  }
  for (i = 0; i < 10; i++) bad += ds->class_counts[i] != n / 10 + (i < n % 10);
  return bad == 0;
}

/* ================================================================== cases */

static void test_internals(void) {
  dive__mt19937 mt;
  int64_t a[10];
  static const int64_t np_shuffle_seed0[10] = {2, 8, 4, 9, 1, 6, 7, 3, 0, 5}; /* numpy 1.24 */
  int i, same = 1;
  CHECK(dive__crc32(0, (const uint8_t *)"123456789", 9) == 0xCBF43926u, "crc32 check value");
  dive__mt_seed(&mt, 0);
  CHECK(mt.key[1] == 1 && mt.key[2] == 1812433255u, "np.random.seed(0) state words");
  CHECK(dive__mt_next(&mt) == 2357136044u, "first MT19937 output for seed 0");
  dive__mt_seed(&mt, 0);
  for (i = 0; i < 10; i++) a[i] = i;
  dive__np_shuffle(&mt, a, 10);
  for (i = 0; i < 10; i++) same &= a[i] == np_shuffle_seed0[i];
  CHECK(same, "RandomState(0).shuffle(arange(10)) = [2 8 4 9 1 6 7 3 0 5]");
}

static void test_idx(void) {
  size_t il, ll, gl, gl2;
  uint8_t *img = make_idx_images(70000 / 49 + 3, 7, 7, &il); /* > 65535 bytes: two stored blocks */
  uint8_t *lab = make_idx_labels(70000 / 49 + 3, &ll), *g, *bad;
  int n = 70000 / 49 + 3, flags[3] = {0, 8, 2 | 4 | 8 | 16}, k;
  dive_dataset ds;
  write_file(tpath("img.idx"), img, il);
  write_file(tpath("lab.idx"), lab, ll);
  CHECK(dive_dataset_load_idx(&ds, tpath("img.idx"), tpath("lab.idx"), 0) == DIVE_OK, "idx: %s", dive_last_error());
  CHECK(check_idx_ds(&ds, n, 7, 7), "idx: content");
  dive_dataset_free(&ds);
  CHECK(ds.images == NULL && ds.n == 0, "dataset_free zeroes");
  dive_dataset_free(&ds); /* twice: no-op */
#ifdef DIVE_NO_STB_IMAGE
  g = gzip_stored(img, il, 0, &gl);
  write_file(tpath("img.idx.gz"), g, gl);
  free(g);
  EXPECT_FAIL(dive_dataset_load_idx(&ds, tpath("img.idx.gz"), tpath("lab.idx"), 0), DIVE_ERR_UNSUPPORTED, "img.idx.gz", "stb_image");
  (void)gl2; (void)flags; (void)k;
#else
  for (k = 0; k < 3; k++) {
    g = gzip_stored(img, il, flags[k], &gl);
    write_file(tpath("img.idx.gz"), g, gl);
    free(g);
    g = gzip_stored(lab, ll, flags[k], &gl2);
    write_file(tpath("lab.gz"), g, gl2);
    CHECK(dive_dataset_load_idx(&ds, tpath("img.idx.gz"), tpath("lab.gz"), 10) == DIVE_OK, "gz flags %d: %s", flags[k],
          dive_last_error());
    CHECK(check_idx_ds(&ds, n, 7, 7), "gz flags %d: content", flags[k]);
    dive_dataset_free(&ds);
    free(g);
  }
  /* python's gzip (real deflate, FNAME) */
  CHECK(dive_dataset_load_idx(&ds, "tests/ref/tiny-images-idx3-ubyte.gz", "tests/ref/tiny-labels-idx1-ubyte.gz", 10) ==
            DIVE_OK, "python gzip: %s", dive_last_error());
  CHECK(check_idx_ds(&ds, 12, 28, 28), "python gzip: content");
  dive_dataset_free(&ds);
#endif

  /* --- corrupted copies --- */
  EXPECT_FAIL(dive_dataset_load_idx(&ds, tpath("nope.idx"), tpath("lab.idx"), 0), DIVE_ERR_IO, "nope.idx", "cannot open");
  bad = (uint8_t *)malloc(il);
  memcpy(bad, img, il);
  bad[3] = 2; /* 2-D, not images */
  write_file(tpath("badmagic.idx"), bad, il);
  EXPECT_FAIL(dive_dataset_load_idx(&ds, tpath("badmagic.idx"), tpath("lab.idx"), 0), DIVE_ERR_FORMAT, "badmagic.idx", "magic");
  write_file(tpath("trunc.idx"), img, il - 1);
  EXPECT_FAIL(dive_dataset_load_idx(&ds, tpath("trunc.idx"), tpath("lab.idx"), 0), DIVE_ERR_FORMAT, "trunc.idx", "truncated");
  memcpy(bad, img, 1024);
  be32(bad + 4, 0x80000000u); be32(bad + 8, 28); be32(bad + 12, 28); /* 2^31 images in 1 KB */
  write_file(tpath("huge.idx"), bad, 1024);
  EXPECT_FAIL(dive_dataset_load_idx(&ds, tpath("huge.idx"), tpath("lab.idx"), 0), DIVE_ERR_FORMAT, "huge.idx", "");
  be32(bad + 4, 0xFFFFFFFFu); be32(bad + 8, 0xFFFFFFFFu); be32(bad + 12, 0xFFFFFFFFu); /* would wrap 64 bits */
  write_file(tpath("wrap.idx"), bad, 1024);
  EXPECT_FAIL(dive_dataset_load_idx(&ds, tpath("wrap.idx"), tpath("lab.idx"), 0), DIVE_ERR_FORMAT, "wrap.idx", "absurd");
  memcpy(bad, lab, ll);
  bad[8 + 5] = 12; /* label 12 with 10 classes */
  write_file(tpath("badlab.idx"), bad, ll);
  EXPECT_FAIL(dive_dataset_load_idx(&ds, tpath("img.idx"), tpath("badlab.idx"), 10), DIVE_ERR_FORMAT, "badlab.idx", "label 12");
  be32(bad + 4, (uint32_t)n - 1);
  write_file(tpath("fewlab.idx"), bad, ll - 1);
  EXPECT_FAIL(dive_dataset_load_idx(&ds, tpath("img.idx"), tpath("fewlab.idx"), 0), DIVE_ERR_FORMAT, "fewlab.idx", "labels");
#ifndef DIVE_NO_STB_IMAGE /* gzip corruptions */
  g = gzip_stored(img, il, 2 | 8, &gl);
  g[gl - 8] ^= 1; /* CRC32 */
  write_file(tpath("crc.gz"), g, gl);
  EXPECT_FAIL(dive_dataset_load_idx(&ds, tpath("crc.gz"), tpath("lab.idx"), 0), DIVE_ERR_FORMAT, "crc.gz", "CRC32");
  g[gl - 8] ^= 1;
  g[gl - 4] ^= 1; /* ISIZE */
  write_file(tpath("isize.gz"), g, gl);
  EXPECT_FAIL(dive_dataset_load_idx(&ds, tpath("isize.gz"), tpath("lab.idx"), 0), DIVE_ERR_FORMAT, "isize.gz", "ISIZE");
  g[gl - 4] ^= 1;
  g[12] ^= 1; /* inside FNAME: the header CRC no longer matches */
  write_file(tpath("hcrc.gz"), g, gl);
  EXPECT_FAIL(dive_dataset_load_idx(&ds, tpath("hcrc.gz"), tpath("lab.idx"), 0), DIVE_ERR_FORMAT, "hcrc.gz", "header CRC");
  g[12] ^= 1;
  write_file(tpath("trunc.gz"), g, gl / 2);
  EXPECT_FAIL(dive_dataset_load_idx(&ds, tpath("trunc.gz"), tpath("lab.idx"), 0), DIVE_ERR_FORMAT, "trunc.gz", "");
  g[2] = 7; /* method */
  write_file(tpath("method.gz"), g, gl);
  EXPECT_FAIL(dive_dataset_load_idx(&ds, tpath("method.gz"), tpath("lab.idx"), 0), DIVE_ERR_FORMAT, "method.gz", "method 7");
  g[2] = 8;
  g[10 + 9 + 2] |= 6; /* first block header: BTYPE 11 (reserved) */
  write_file(tpath("btype.gz"), g, gl);
  EXPECT_FAIL(dive_dataset_load_idx(&ds, tpath("btype.gz"), tpath("lab.idx"), 0), DIVE_ERR_FORMAT, "btype.gz", "deflate");
  free(g);
#endif
  CHECK(ds.n == 0 && ds.images == NULL, "failed load leaves an empty dataset");
  free(bad);
  free(img);
  free(lab);
}

/* CIFAR record pixel for image i, channel c, position p */
static uint8_t cifar_px(int i, int c, int p) { return (uint8_t)(i * 13 + c * 101 + p * 7); }
static void write_cifar(const char *path, int first, int count, int fine, int bad_at, int trunc) {
  int rec = fine ? 3074 : 3073, i, c, p;
  uint8_t *b = (uint8_t *)malloc((size_t)rec * count);
  for (i = 0; i < count; i++) {
    uint8_t *r = b + (size_t)i * rec;
    int id = first + i;
    if (fine) { r[0] = (uint8_t)(id % 20); r[1] = (uint8_t)(id * 7 % 100); }
    else r[0] = (uint8_t)(id % 10);
    if (id == bad_at) r[fine] = fine ? 100 : 10;
    for (c = 0; c < 3; c++)
      for (p = 0; p < 1024; p++) r[fine + 1 + c * 1024 + p] = cifar_px(id, c, p);
  }
  write_file(path, b, (size_t)rec * count - (size_t)trunc);
  free(b);
}

static void test_cifar(void) {
  dive_dataset ds;
  char name[64];
  int b, i, bad, try_dir;
  mkdir(tpath("c10"), 0700);
  mkdir(tpath("c10/cifar-10-batches-bin"), 0700);
  for (b = 0; b < 5; b++) {
    snprintf(name, sizeof name, "c10/cifar-10-batches-bin/data_batch_%d.bin", b + 1);
    write_cifar(tpath(name), b * 3, 3, 0, -1, 0);
  }
  write_cifar(tpath("c10/cifar-10-batches-bin/test_batch.bin"), 100, 2, 0, -1, 0);
  for (try_dir = 0; try_dir < 2; try_dir++) { /* the parent folder, then the extracted one */
    CHECK(dive_dataset_load_cifar(&ds, try_dir ? tpath("c10/cifar-10-batches-bin") : tpath("c10"), 10, 1) == DIVE_OK,
          "cifar10: %s", dive_last_error());
    bad = ds.n != 15 || ds.channels != 3 || ds.height != 32 || ds.width != 32;
    for (i = 0; i < ds.n && !bad; i++) {
      bad += ds.labels[i] != i % 10;
      bad += ds.images[i * 3072] != cifar_px(i, 0, 0) || ds.images[i * 3072 + 1024 + 5] != cifar_px(i, 1, 5) ||
             ds.images[i * 3072 + 2048 + 1023] != cifar_px(i, 2, 1023); /* R, G, B planes */
    }
    CHECK(!bad, "cifar10 train content (dir %d)", try_dir);
    dive_dataset_free(&ds);
  }
  CHECK(dive_dataset_load_cifar(&ds, tpath("c10"), 10, 0) == DIVE_OK && ds.n == 2 && ds.labels[1] == 101 % 10 &&
            ds.images[3072 + 2048] == cifar_px(101, 2, 0), "cifar10 test batch");
  dive_dataset_free(&ds);
  mkdir(tpath("c100"), 0700);
  write_cifar(tpath("c100/train.bin"), 0, 4, 1, -1, 0);
  CHECK(dive_dataset_load_cifar(&ds, tpath("c100"), 100, 1) == DIVE_OK && ds.n == 4 && ds.labels[3] == 21 &&
            ds.num_classes == 100 && ds.images[3 * 3072 + 1024] == cifar_px(3, 1, 0), "cifar100 fine labels: %s",
        dive_last_error());
  dive_dataset_free(&ds);
  /* corrupted */
  write_cifar(tpath("c100/test.bin"), 0, 4, 1, -1, 5);
  EXPECT_FAIL(dive_dataset_load_cifar(&ds, tpath("c100"), 100, 0), DIVE_ERR_FORMAT, "c100/test.bin", "3074-byte records");
  write_cifar(tpath("c100/test.bin"), 0, 4, 1, 2, 0);
  EXPECT_FAIL(dive_dataset_load_cifar(&ds, tpath("c100"), 100, 0), DIVE_ERR_FORMAT, "c100/test.bin", "record 2");
  write_cifar(tpath("c10/cifar-10-batches-bin/data_batch_4.bin"), 9, 3, 0, 10, 0);
  EXPECT_FAIL(dive_dataset_load_cifar(&ds, tpath("c10"), 10, 1), DIVE_ERR_FORMAT, "data_batch_4.bin", "record 1");
  remove(tpath("c10/cifar-10-batches-bin/data_batch_4.bin"));
  EXPECT_FAIL(dive_dataset_load_cifar(&ds, tpath("c10"), 10, 1), DIVE_ERR_IO, "data_batch_4.bin", "cannot open");
  EXPECT_FAIL(dive_dataset_load_cifar(&ds, tpath("c10"), 20, 1), DIVE_ERR_ARG, "num_classes 20", "");
}

/* 0 when the files are not installed */
static int test_fashion_mnist(void) {
  static const int first_train[10] = {9, 0, 0, 3, 0, 2, 7, 2, 5, 5}, first_test[10] = {9, 2, 1, 1, 6, 1, 4, 6, 5, 7};
  static const int lt_counts[10] = {6000, 3596, 2156, 1292, 774, 464, 278, 166, 100, 60};
  const char *dir = "/usr/share/datasets/fashion-mnist";
  dive_dataset ds, te;
  int i, ok = 1, c;
  int32_t *orig;
  int64_t k, at;
  double t0;
  char p[512];
  snprintf(p, sizeof p, "%s/train-images-idx3-ubyte.gz", dir);
  if (!dive__file_exists(p)) return 0;
#ifdef DIVE_NO_STB_IMAGE
  EXPECT_FAIL(dive_dataset_load_fashion_mnist(&ds, dir, 1), DIVE_ERR_UNSUPPORTED, "train-images-idx3-ubyte.gz", "stb_image");
  skip_part("fashion-mnist", FMNIST_CHECKS - 1, 0, "built with DIVE_NO_STB_IMAGE: no gzip reader");
  return 1;
#endif
  t0 = dive_time_sec();
  CHECK(dive_dataset_load_fashion_mnist(&ds, NULL, 1) == DIVE_OK, "fmnist train: %s", dive_last_error());
  CHECK(dive_dataset_load_fashion_mnist(&te, dir, 0) == DIVE_OK, "fmnist test: %s", dive_last_error());
  if (ds.n != 60000 || te.n != 10000) {
    CHECK(0, "fmnist sizes %lld, %lld", (long long)ds.n, (long long)te.n);
    dive_dataset_free(&ds);
    dive_dataset_free(&te);
    return 1;
  }
  printf("fashion-mnist: loaded 60000 + 10000 from .gz in %.2f s\n", dive_time_sec() - t0);
  CHECK(ds.n == 60000 && te.n == 10000 && ds.height == 28 && ds.width == 28 && ds.channels == 1, "fmnist sizes");
  for (i = 0; i < 10; i++) ok &= ds.labels[i] == first_train[i] && te.labels[i] == first_test[i];
  CHECK(ok, "fmnist first labels");
  for (i = 0, k = 0; i < 784; i++) k += ds.images[i];
  CHECK(k == 76247, "fmnist first image pixel sum %lld (python: 76247)", (long long)k);
  for (i = 0; i < 10; i++) ok &= ds.class_counts[i] == 6000 && te.class_counts[i] == 1000;
  CHECK(ok, "fmnist balanced class counts");
  orig = (int32_t *)malloc(60000 * sizeof(int32_t));
  memcpy(orig, ds.labels, 60000 * sizeof(int32_t));
  CHECK(dive_dataset_longtail(&ds, 100, DIVE_LT_FIRST, 6000) == DIVE_OK, "fmnist LT: %s", dive_last_error());
  CHECK(ds.n == 14886, "fmnist-LT has %lld images, want 14886", (long long)ds.n);
  for (i = 0; i < 10; i++) ok &= ds.class_counts[i] == lt_counts[i];
  CHECK(ok, "fmnist-LT per-class counts 6000..60");
  /* the first n_i of each class in file order, computed here from the original labels */
  for (c = 0, at = 0; c < 10 && ok; c++) {
    int taken = 0;
    for (k = 0; k < 60000 && taken < lt_counts[c]; k++)
      if (orig[k] == c) { ok &= ds.index[at] == k && ds.labels[at] == c; at++; taken++; }
  }
  CHECK(ok, "fmnist-LT keeps the first n_i of each class");
  free(orig);
  dive_dataset_free(&ds);
  dive_dataset_free(&te);
  return 1;
}

static uint32_t rd32(const uint8_t *p) { return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24; }

static void test_longtail_numpy(void) {
  uint8_t *fx;
  size_t len, off = 12;
  int set, i;
  if (dive__read_file("test", "tests/ref/lt_indices.bin", &fx, &len) != DIVE_OK) {
    CHECK(0, "cannot read tests/ref/lt_indices.bin (run from the repository root): %s", dive_last_error());
    return;
  }
  CHECK(len > 12 && !memcmp(fx, "DIVELT01", 8) && rd32(fx + 8) == 2, "fixture header");
  for (set = 0; set < 2 && off + 16 <= len; set++) {
    uint32_t C = rd32(fx + off), n = rd32(fx + off + 4), kept = rd32(fx + off + 8), imb = rd32(fx + off + 12);
    const uint8_t *lab = fx + off + 16, *idx = lab + n;
    dive_dataset ds;
    int same = 1, firsts = 0;
    FILE *f;
    long long v;
    off += 16 + n + 2 * (size_t)kept;
    if (off > len) break;
    dive_dataset_alloc(&ds, n, 1, 1, 1, (int)C);
    for (i = 0; i < (int)n; i++) {
      ds.labels[i] = lab[i];
      ds.images[i] = (uint8_t)(i * 7);
    }
    CHECK(dive_dataset_longtail(&ds, imb, DIVE_LT_NUMPY, 0) == DIVE_OK, "LT numpy: %s", dive_last_error());
    CHECK(ds.n == (C == 10 ? 12406 : 10847) && ds.n == kept, "CIFAR-%u-LT IF %u: %lld images (numpy %u)", C, imb,
          (long long)ds.n, kept);
    for (i = 0; i < (int)kept && i < ds.n; i++) {
      int64_t want = idx[2 * i] | idx[2 * i + 1] << 8;
      if (ds.index[i] != want && firsts++ < 3) printf("  kept[%d] = %lld, numpy %lld\n", i, (long long)ds.index[i], (long long)want);
      same &= ds.index[i] == want && ds.labels[i] == lab[want] && ds.images[i] == (uint8_t)(want * 7);
    }
    CHECK(same, "CIFAR-%u-LT kept indices identical to numpy's (and labels/pixels follow)", C);
    /* --dump-indices */
    CHECK(dive_dataset_write_indices(&ds, tpath("idx.txt")) == DIVE_OK, "write_indices");
    f = fopen(tpath("idx.txt"), "r");
    for (i = 0; f && fscanf(f, "%lld", &v) == 1; i++) same &= i < ds.n && v == ds.index[i];
    if (f) fclose(f);
    CHECK(same && i == ds.n, "write_indices round trip (%d lines)", i);
    /* a second LT pass composes: index still refers to the original positions */
    CHECK(dive_dataset_longtail(&ds, 1, DIVE_LT_FIRST, C == 10 ? 50 : 5) == DIVE_OK && ds.n == 500 &&
              ds.index[0] == (idx[0] | idx[1] << 8), "LT of LT keeps original positions");
    dive_dataset_free(&ds);
  }
  CHECK(set == 2 && off == len, "fixture fully read");
  free(fx);
  {
    dive_dataset ds;
    dive_dataset_alloc(&ds, 30, 1, 1, 1, 3);
    for (i = 0; i < 30; i++) ds.labels[i] = i % 3;
    EXPECT_FAIL(dive_dataset_longtail(&ds, 0.5, DIVE_LT_NUMPY, 0), DIVE_ERR_ARG, "imbalance factor 0.5", "");
    EXPECT_FAIL(dive_dataset_longtail(&ds, 10, DIVE_LT_NUMPY, 11), DIVE_ERR_ARG, "class 0 has 10 images", "needs 11");
    ds.labels[4] = 3;
    EXPECT_FAIL(dive_dataset_longtail(&ds, 10, DIVE_LT_NUMPY, 0), DIVE_ERR_ARG, "label 3 of image 4", "");
    dive_dataset_free(&ds);
  }
  EXPECT_FAIL(dive_dataset_write_indices(NULL, "x"), DIVE_ERR_ARG, "write_indices", "");
}

/* --- augmentation of in-memory images --- */

/* index of the (dx, dy, flip) that reproduces `out` (C,H,W pixel values) from src, -1 if none */
static int find_crop(const float *out, const uint8_t *src, int C, int H, int W, int pad, const float *mean, const float *std) {
  int dx, dy, fl, c, y, x, found = -1;
  for (dy = 0; dy <= 2 * pad; dy++)
    for (dx = 0; dx <= 2 * pad; dx++)
      for (fl = 0; fl < 2; fl++) {
        int ok = 1;
        for (c = 0; c < C && ok; c++)
          for (y = 0; y < H && ok; y++)
            for (x = 0; x < W && ok; x++) {
              int sy = y + dy - pad, sx = (fl ? W - 1 - x : x) + dx - pad;
              int v = sy >= 0 && sy < H && sx >= 0 && sx < W ? src[(c * H + sy) * W + sx] : 0;
              ok = out[(c * H + y) * W + x] == ((float)v / 255.0f - mean[c]) / std[c];
            }
        if (ok) found = (dy * (2 * pad + 1) + dx) * 2 + fl;
      }
  return found;
}

static void run_epochs(dive_loader *ld, int epochs, float *x, int32_t *y, float *all, int32_t *ally, int64_t cap, int64_t *count) {
  int e, n;
  int64_t sample, at = 0;
  int c, h, w;
  dive_loader_shape(ld, &c, &h, &w);
  sample = (int64_t)c * h * w;
  for (e = 0; e < epochs; e++) {
    dive_loader_reset(ld, e);
    while (dive_loader_next(ld, x, y, &n) == DIVE_OK && n > 0) {
      if (at + n <= cap) {
        memcpy(all + at * sample, x, (size_t)(n * sample) * sizeof(float));
        memcpy(ally + at, y, (size_t)n * sizeof(int32_t));
      }
      at += n;
    }
  }
  *count = at;
}

static void test_augment(void) {
  enum { N = 40, C = 3, H = 6, W = 5, B = 16 };
  dive_dataset ds;
  dive_loader *ld;
  dive_loader_desc d;
  float *x = (float *)malloc(sizeof(float) * B * C * H * W), *ref = NULL, *got;
  int32_t y[B], *refy = NULL, *goty;
  int i, n, seen[81 * 2], nseen = 0, bad = 0, thr[4] = {-1, 1, 2, 5}, t, perm_ok;
  int64_t cnt, cnt0 = 0, cap = 3 * N;
  memset(seen, 0, sizeof seen);
  dive_dataset_alloc(&ds, N, C, H, W, N);
  for (i = 0; i < N * C * H * W; i++) ds.images[i] = (uint8_t)(1 + (i % (C * H * W)) * 2); /* distinct, non-zero */
  for (i = 0; i < N; i++) ds.labels[i] = i;
  dive_dataset_recount(&ds);
  memset(&d, 0, sizeof d);
  d.batch_size = B;
  d.mean[0] = 0.5f; d.mean[1] = 0.4f; d.mean[2] = 0.3f;
  d.std[0] = 0.25f; d.std[1] = 0.2f; d.std[2] = 0.1f;
  /* test-time: exact normalization, file order, last batch partial */
  CHECK(dive_loader_create(&ld, &ds, &d) == DIVE_OK, "loader: %s", dive_last_error());
  CHECK(dive_loader_batches(ld) == 3, "3 batches of 16 for 40 images");
  for (t = 0; dive_loader_next(ld, x, y, &n) == DIVE_OK && n > 0; t++) {
    CHECK(n == (t < 2 ? B : N - 2 * B), "batch %d size %d", t, n);
    for (i = 0; i < n * C * H * W; i++) {
      int c = i / (H * W) % C;
      bad += x[i] != ((float)ds.images[(int64_t)(t * B) * C * H * W + i] / 255.0f - d.mean[c]) / d.std[c];
    }
    for (i = 0; i < n; i++) bad += y[i] != t * B + i;
  }
  CHECK(t == 3 && bad == 0, "test batches: exact (v/255 - mean)/std, labels in order (%d bad)", bad);
  dive_loader_next(ld, x, y, &n);
  CHECK(n == 0, "past the end: n = 0");
  dive_loader_destroy(ld);
  /* training: crops within range, flips that really flip, every offset reached */
  d.augment = DIVE_AUG_CROP_FLIP;
  d.shuffle = 1;
  d.seed = 7;
  d.drop_last = 1;
  CHECK(dive_loader_create(&ld, &ds, &d) == DIVE_OK && dive_loader_batches(ld) == 2, "train loader, drop_last");
  for (t = 0; t < 40; t++) { /* 1280 samples: for a random seed P(a choice unseen) ~ 0.06; seed 7 sees all */
    dive_loader_reset(ld, t);
    perm_ok = 1;
    while (dive_loader_next(ld, x, y, &n) == DIVE_OK && n > 0) {
      CHECK(n == B, "drop_last: full batches only");
      for (i = 0; i < n; i++) {
        int k = find_crop(x + i * C * H * W, ds.images + y[i] * C * H * W, C, H, W, 4, d.mean, d.std);
        bad += k < 0;
        if (k >= 0 && !seen[k]++) nseen++;
      }
    }
    (void)perm_ok;
  }
  CHECK(bad == 0, "every augmented sample is a pad-4 crop (+flip) of its source (%d not)", bad);
  CHECK(nseen == 162, "crop offsets and flips cover the 9x9x2 choices (%d of 162)", nseen);
  dive_loader_destroy(ld);
  /* determinism across worker counts (and no workers), two epochs; shuffling permutes */
  ref = (float *)malloc(sizeof(float) * (size_t)cap * C * H * W);
  got = (float *)malloc(sizeof(float) * (size_t)cap * C * H * W);
  refy = (int32_t *)malloc(sizeof(int32_t) * (size_t)cap);
  goty = (int32_t *)malloc(sizeof(int32_t) * (size_t)cap);
  d.drop_last = 0;
  for (t = 0; t < 4; t++) {
    d.threads = thr[t];
    d.prefetch = t + 1;
    CHECK(dive_loader_create(&ld, &ds, &d) == DIVE_OK, "loader threads %d", thr[t]);
    run_epochs(ld, 2, x, y, t ? got : ref, t ? goty : refy, cap, &cnt);
    dive_loader_destroy(ld);
    if (!t) cnt0 = cnt;
    else
      CHECK(cnt == cnt0 && !memcmp(ref, got, sizeof(float) * (size_t)cnt * C * H * W) &&
                !memcmp(refy, goty, sizeof(int32_t) * (size_t)cnt), "threads %d, prefetch %d: same batches as no workers", thr[t], t + 1);
  }
  {
    int hit[N], e, okp = cnt0 == 2 * N, moved = 0;
    for (e = 0; e < 2; e++) {
      memset(hit, 0, sizeof hit);
      for (i = 0; i < N; i++) hit[refy[e * N + i]]++;
      for (i = 0; i < N; i++) okp &= hit[i] == 1;
      for (i = 0; i < N; i++) moved += refy[e * N + i] != i;
    }
    CHECK(okp && moved > N, "each epoch is a permutation, not the identity");
    CHECK(memcmp(refy, refy + N, sizeof(int32_t) * N) != 0, "epochs 0 and 1 are shuffled differently");
  }
  d.seed = 8;
  d.threads = 2;
  dive_loader_create(&ld, &ds, &d);
  run_epochs(ld, 2, x, y, got, goty, cap, &cnt);
  dive_loader_destroy(ld);
  CHECK(memcmp(ref, got, sizeof(float) * (size_t)cnt * C * H * W) != 0 && memcmp(refy, goty, sizeof(int32_t) * N) != 0,
        "a different seed gives different batches");
  /* reset in the middle of an epoch, with workers running ahead */
  d.seed = 7;
  dive_loader_create(&ld, &ds, &d);
  dive_loader_next(ld, x, y, &n);
  dive_loader_reset(ld, 0);
  dive_loader_next(ld, x, y, &n);
  CHECK(n == B && !memcmp(x, ref, sizeof(float) * B * C * H * W), "reset mid-epoch restarts the same epoch");
  dive_loader_destroy(ld);
  dive_loader_destroy(NULL);
  d.augment = DIVE_AUG_RESIZED_CROP;
  EXPECT_FAIL(dive_loader_create(&ld, &ds, &d), DIVE_ERR_ARG, "augment 2", "in-memory");
  free(x); free(ref); free(got); free(refy); free(goty);
  dive_dataset_free(&ds);
}

#if TD_IMAGES
static void write_png(const char *name, int w, int h, void (*fill)(uint8_t *, int, int, int, int)) {
  uint8_t *p = (uint8_t *)malloc((size_t)w * h * 3);
  int x, yy;
  for (yy = 0; yy < h; yy++)
    for (x = 0; x < w; x++) fill(p + ((size_t)yy * w + x) * 3, x, yy, w, h);
  if (strstr(name, ".jpg")) stbi_write_jpg(tpath(name), w, h, 3, p, 95);
  else stbi_write_png(tpath(name), w, h, 3, p, w * 3);
  free(p);
}
static void fill_const(uint8_t *p, int x, int y, int w, int h) { (void)x; (void)y; (void)w; (void)h; p[0] = 200; p[1] = 100; p[2] = 50; }
static void fill_ramp(uint8_t *p, int x, int y, int w, int h) { (void)y; (void)w; (void)h; p[0] = p[1] = p[2] = (uint8_t)(4 * x); }
static void fill_halves(uint8_t *p, int x, int y, int w, int h) { (void)y; (void)h; p[0] = p[1] = p[2] = x < w / 2 ? 0 : 255; }

static void test_image_list(void) {
  dive_dataset ds;
  dive_loader *ld;
  dive_loader_desc d;
  FILE *f;
  float *x = (float *)malloc(sizeof(float) * 8 * 3 * 32 * 32), *a, *b;
  int32_t y[8];
  int n, i, bad = 0, t, flipped = 0, thr[3] = {-1, 1, 3};
  mkdir(tpath("imgs"), 0700);
  mkdir(tpath("imgs/sub dir"), 0700);
  write_png("imgs/const.png", 40, 30, fill_const);
  write_png("imgs/sub dir/ramp.png", 64, 32, fill_ramp);  /* 64 wide, 32 high */
  write_png("imgs/ramp2.png", 64, 64, fill_ramp);
  write_png("imgs/halves.jpg", 48, 48, fill_halves);
  write_png("imgs/const.jpg", 33, 57, fill_const);
  f = fopen(tpath("list.txt"), "w");
  fprintf(f, "const.png 0\r\n\n  sub dir/ramp.png   1\nramp2.png 2\nhalves.jpg 3\nconst.jpg 4\n");
  fclose(f);
  CHECK(dive_dataset_load_list(&ds, tpath("list.txt"), tpath("imgs"), 0) == DIVE_OK, "list: %s", dive_last_error());
  CHECK(ds.n == 5 && ds.num_classes == 5 && ds.images == NULL && ds.labels[1] == 1 &&
            !strcmp(ds.paths + ds.path_offset[1], "sub dir/ramp.png") && !strcmp(ds.paths + ds.path_offset[4], "const.jpg"),
        "list parsed (paths with spaces, CRLF, blank lines)");
  /* test transform: resize shorter side to 32 (resize), center crop 32 */
  memset(&d, 0, sizeof d);
  d.batch_size = 5;
  d.out_size = 32;
  d.resize = 32;
  d.threads = 2;
  CHECK(dive_loader_create(&ld, &ds, &d) == DIVE_OK, "list loader: %s", dive_last_error());
  CHECK(dive_loader_next(ld, x, y, &n) == DIVE_OK && n == 5, "list batch: %s", dive_last_error());
  for (i = 0; i < 32 * 32; i++) /* constant PNG: every pixel exact up to float rounding */
    bad += fabsf(x[i] - 200 / 255.0f) > 1e-5f || fabsf(x[1024 + i] - 100 / 255.0f) > 1e-5f || fabsf(x[2048 + i] - 50 / 255.0f) > 1e-5f;
  CHECK(bad == 0, "constant image stays constant through the resampler");
  for (i = 0; i < 32 * 32; i++) /* 64x32 ramp, scale 1: the center crop starts at column 16 */
    bad += fabsf(x[3 * 1024 + i] - 4.0f * (i % 32 + 16) / 255.0f) > 1e-6f;
  CHECK(bad == 0, "resize 256/center crop 224 geometry: crop of a 64x32 ramp starts at column 16");
  for (i = 0; i < 32 * 32; i++) { /* 64x64 ramp shrunk 2x: triangle filter keeps the ramp */
    int xx = i % 32;
    if (xx > 0 && xx < 31) bad += fabsf(x[2 * 3 * 1024 + i] - (8.0f * xx + 2.0f) / 255.0f) > 1e-5f;
  }
  CHECK(bad == 0, "2x downscale of a ramp is the ramp at pixel centers");
  CHECK(x[3 * 3 * 1024 + 16 * 32 + 2] < 0.05f && x[3 * 3 * 1024 + 16 * 32 + 29] > 0.95f, "jpeg halves: dark left, bright right");
  for (i = 0; i < 3 * 1024; i++) bad += fabsf(x[4 * 3 * 1024 + i] - x[i]) > 4 / 255.0f; /* jpeg of the constant color */
  CHECK(bad == 0, "constant JPEG decodes within 4/255");
  dive_loader_destroy(ld);
  /* training transform: determinism across threads, flips happen, values stay in [0, 1] */
  d.augment = DIVE_AUG_RESIZED_CROP;
  d.jitter = 0.4f;
  d.shuffle = 1;
  d.seed = 3;
  d.batch_size = 5;
  a = (float *)malloc(sizeof(float) * 5 * 3 * 1024 * 4);
  b = (float *)malloc(sizeof(float) * 5 * 3 * 1024 * 4);
  for (t = 0; t < 3; t++) {
    float *dst = t ? b : a;
    int e;
    d.threads = thr[t];
    dive_loader_create(&ld, &ds, &d);
    for (e = 0; e < 4; e++) {
      dive_loader_reset(ld, e);
      dive_loader_next(ld, dst + e * 5 * 3 * 1024, y, &n);
      for (i = 0; i < 5 && !t; i++)
        if (y[i] == 3) { /* the halves image: a flipped crop is bright on the left */
          float *im = dst + (e * 5 + i) * 3 * 1024;
          flipped += im[16 * 32 + 1] > im[16 * 32 + 30];
        }
    }
    dive_loader_destroy(ld);
    if (t) CHECK(!memcmp(a, b, sizeof(float) * 5 * 3 * 1024 * 4), "resized-crop batches identical with threads %d", thr[t]);
  }
  for (i = 0; i < 5 * 3 * 1024 * 4; i++) bad += !(a[i] >= 0.0f && a[i] <= 1.0f);
  CHECK(bad == 0 && flipped > 0 && flipped < 4, "jittered values in [0,1]; flips in %d of 4 epochs", flipped);
  free(a);
  free(b);
  dive_dataset_free(&ds);
  /* bad images: an error naming the file, or skipped and counted */
  write_file(tpath("imgs/broken.jpg"), "\xff\xd8\xff\xe0garbage", 12);
  f = fopen(tpath("list2.txt"), "w");
  fprintf(f, "const.png 0\nbroken.jpg 1\nmissing.png 1\nramp2.png 0\n");
  fclose(f);
  dive_dataset_load_list(&ds, tpath("list2.txt"), tpath("imgs"), 2);
  memset(&d, 0, sizeof d);
  d.batch_size = 4;
  d.out_size = 16;
  dive_loader_create(&ld, &ds, &d);
  EXPECT_FAIL(dive_loader_next(ld, x, y, &n), DIVE_ERR_FORMAT, "imgs/broken.jpg", "cannot decode");
  dive_loader_destroy(ld);
  d.skip_bad = 1;
  d.threads = 3;
  dive_loader_create(&ld, &ds, &d);
  CHECK(dive_loader_next(ld, x, y, &n) == DIVE_OK && n == 2 && y[0] == 0 && y[1] == 0 && dive_loader_skipped(ld) == 2,
        "skip_bad: 2 of 4 kept, 2 skipped (%lld)", (long long)dive_loader_skipped(ld));
  dive_loader_destroy(ld);
  dive_dataset_free(&ds);
  f = fopen(tpath("list3.txt"), "w");
  fprintf(f, "missing.png 0\n");
  fclose(f);
  dive_dataset_load_list(&ds, tpath("list3.txt"), tpath("imgs"), 0);
  d.skip_bad = 0;
  dive_loader_create(&ld, &ds, &d);
  EXPECT_FAIL(dive_loader_next(ld, x, y, &n), DIVE_ERR_IO, "imgs/missing.png", "cannot open");
  dive_loader_destroy(ld);
  d.augment = DIVE_AUG_CROP_FLIP;
  EXPECT_FAIL(dive_loader_create(&ld, &ds, &d), DIVE_ERR_ARG, "augment 1", "list");
  dive_dataset_free(&ds);
  /* malformed lists */
  f = fopen(tpath("bad1.txt"), "w");
  fprintf(f, "a.png 0\nb.png\nc.png 1\n");
  fclose(f);
  EXPECT_FAIL(dive_dataset_load_list(&ds, tpath("bad1.txt"), tpath("imgs"), 0), DIVE_ERR_FORMAT, "bad1.txt:2", "b.png");
  f = fopen(tpath("bad2.txt"), "w");
  fprintf(f, "a.png 0\nb.png x1\n");
  fclose(f);
  EXPECT_FAIL(dive_dataset_load_list(&ds, tpath("bad2.txt"), tpath("imgs"), 0), DIVE_ERR_FORMAT, "bad2.txt:2", "expected");
  f = fopen(tpath("bad3.txt"), "w");
  fprintf(f, "a.png 0\n\nb.png 7\n");
  fclose(f);
  EXPECT_FAIL(dive_dataset_load_list(&ds, tpath("bad3.txt"), tpath("imgs"), 5), DIVE_ERR_FORMAT, "bad3.txt:3", "label 7");
  EXPECT_FAIL(dive_dataset_load_list(&ds, tpath("nolist.txt"), tpath("imgs"), 5), DIVE_ERR_IO, "nolist.txt", "cannot open");
  free(x);
}
#endif

/* ================================================================== main */
/* Sharded loaders (data parallelism): for 2 and 3 shards, with and without drop_last,
   shuffled and augmented, shard r's batch k is exactly the r-th part of the single
   loader's batch k (pixels and labels), the parts differ by at most one image, every shard
   has the same number of batches, and over an epoch the shards are disjoint and cover it. */
static void test_shards(void) {
  enum { N = 45, C = 1, H = 6, W = 6, B = 12, S = 3 };
  dive_dataset ds;
  dive_loader *one, *part[S];
  dive_loader_desc d;
  static float x1[B * C * H * W], xs[B * C * H * W];
  int32_t y1[B], ys[B];
  int i, k, n1, ns, drop, nsh, bad, covered, thr;
  int64_t b;
  dive_dataset_alloc(&ds, N, C, H, W, N);
  for (i = 0; i < N * C * H * W; i++) ds.images[i] = (uint8_t)(i * 7 + 3);
  for (i = 0; i < N; i++) ds.labels[i] = i; /* the label names the image */
  dive_dataset_recount(&ds);
  for (nsh = 2; nsh <= S; nsh++)
    for (drop = 0; drop < 2; drop++) {
      int seen[N];
      memset(seen, 0, sizeof seen);
      memset(&d, 0, sizeof d);
      d.batch_size = B; d.shuffle = 1; d.augment = DIVE_AUG_CROP_FLIP; d.pad = 2; d.seed = 11; d.drop_last = drop;
      d.threads = 2;
      bad = dive_loader_create(&one, &ds, &d) != DIVE_OK;
      d.shards = nsh;
      for (k = 0; k < nsh; k++) {
        d.shard = k;
        d.threads = k == 1 ? -1 : 3; /* worker counts differ: results must not */
        bad += dive_loader_create(&part[k], &ds, &d) != DIVE_OK;
      }
      CHECK(!bad, "%d shards (drop_last %d): loaders made: %s", nsh, drop, dive_last_error());
      if (bad) continue;
      thr = 1;
      for (k = 0; k < nsh; k++) thr &= dive_loader_batches(part[k]) == dive_loader_batches(one);
      CHECK(thr, "%d shards: every shard has the single loader's %lld batches", nsh, (long long)dive_loader_batches(one));
      for (i = 0; i < 2; i++) { /* two epochs: epoch 1 reshuffles */
        dive_loader_reset(one, i);
        for (k = 0; k < nsh; k++) dive_loader_reset(part[k], i);
        for (b = 0; b < dive_loader_batches(one); b++) {
          int at = 0, lo = B, hi = 0, j;
          dive_loader_next(one, x1, y1, &n1);
          for (k = 0; k < nsh; k++) {
            dive_loader_next(part[k], xs, ys, &ns);
            lo = ns < lo ? ns : lo;
            hi = ns > hi ? ns : hi;
            bad += at + ns > n1 || memcmp(xs, x1 + (size_t)at * C * H * W, sizeof(float) * (size_t)ns * C * H * W) ||
                   memcmp(ys, y1 + at, sizeof(int32_t) * (size_t)ns);
            if (i == 0)
              for (j = 0; j < ns; j++) seen[ys[j]]++;
            at += ns;
          }
          bad += at != n1 || hi - lo > 1; /* the parts make up the batch, as evenly as possible */
        }
      }
      {
        int total = 0, twice = 0;
        for (i = 0; i < N; i++) { total += seen[i] > 0; twice += seen[i] > 1; }
        covered = twice == 0 && total == (drop ? N / B * B : N);
        CHECK(covered, "%d shards (drop_last %d): an epoch's shards are disjoint and cover it (%d images, %d twice)",
              nsh, drop, total, twice);
      }
      CHECK(bad == 0, "%d shards (drop_last %d): shard r's batch k = part r of the single loader's batch k", nsh, drop);
      dive_loader_destroy(one);
      for (k = 0; k < nsh; k++) dive_loader_destroy(part[k]);
    }
  memset(&d, 0, sizeof d);
  d.batch_size = 10; d.shards = 3;
  EXPECT_FAIL(dive_loader_create(&one, &ds, &d), DIVE_ERR_ARG, "batch 10", "a multiple of shards");
  d.batch_size = 12; d.shard = 3;
  EXPECT_FAIL(dive_loader_create(&one, &ds, &d), DIVE_ERR_ARG, "shard 3 of 3", "shard 3 of 3");
  dive_dataset_free(&ds);
}

int main(void) {
  double t0 = dive_time_sec();
  int n, f0, s0;
  snprintf(g_dir, sizeof g_dir, "/tmp/dive_test_data_XXXXXX");
  if (!mkdtemp(g_dir)) { printf("mkdtemp failed\n"); return 2; }
  test_internals();
  test_idx();
  test_cifar();
  test_longtail_numpy();
  test_augment();
  test_shards();
  /* a part whose checks all passed must have made the number its skip count says */
  n = g_pass + g_fail;
  f0 = g_fail;
#if TD_IMAGES
  test_image_list();
  if (g_fail == f0) part_ran("image lists", g_pass + g_fail - n, IMAGE_LIST_CHECKS);
#else
  skip_part("image lists", IMAGE_LIST_CHECKS, 0, "no stb_image_write.h, or built with DIVE_NO_STB_IMAGE");
#endif
  n = g_pass + g_fail;
  f0 = g_fail;
  s0 = g_skip;
  if (!test_fashion_mnist())
    skip_part("fashion-mnist", FMNIST_CHECKS, 0, "/usr/share/datasets/fashion-mnist not installed (dataset-fashion-mnist)");
  else if (g_fail == f0) part_ran("fashion-mnist", g_pass + g_fail - n + g_skip - s0, FMNIST_CHECKS);
  {
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", g_dir);
    if (system(cmd) != 0) printf("could not remove %s\n", g_dir);
  }
  printf("test_data: %.2f s\n", dive_time_sec() - t0);
  return summary();
}
