/* bench/bench_loader.c - images/s through dive_loader: the in-memory CIFAR / Fashion-MNIST
   path (pad-4 crop + flip + normalize) and the image-list path (JPEG decode + random-resized
   crop 224 + flip + color jitter, and the resize 256 / center crop 224 test transform).
   Build and run from the repository root:
     cc -std=c99 -O2 -Wall -Wextra -I. bench/bench_loader.c -o build/bench_loader -lm -lpthread
     ./build/bench_loader [n_jpegs]
   The JPEGs (500x375, quality 90, like a typical ImageNet photo) are written with
   stb_image_write into a temp dir first. Each row times whole epochs after one warm-up
   batch; threads -1 = batches built on the calling thread. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#include "../dive.h"
#include <stdio.h>
#include <sys/stat.h>
#define STB_IMAGE_WRITE_IMPLEMENTATION
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#endif
#if defined(__has_include) && __has_include("stb_image_write.h")
#include "stb_image_write.h"
#else
#include <stb/stb_image_write.h>
#endif
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

static void row(const char *name, const dive_dataset *ds, dive_loader_desc d, int epochs) {
  dive_loader *ld;
  float *x;
  int32_t *y;
  int c, h, w, n, e;
  int64_t imgs = 0, batches = 0;
  double t0, dt;
  if (dive_loader_create(&ld, ds, &d) != DIVE_OK) {
    printf("%-28s loader_create failed: %s\n", name, dive_last_error());
    return;
  }
  dive_loader_shape(ld, &c, &h, &w);
  x = (float *)malloc(sizeof(float) * (size_t)d.batch_size * c * h * w);
  y = (int32_t *)malloc(sizeof(int32_t) * (size_t)d.batch_size);
  dive_loader_next(ld, x, y, &n); /* warm-up: threads started, caches touched */
  t0 = dive_time_sec();
  for (e = 0; e < epochs; e++) {
    dive_loader_reset(ld, e + 1);
    while (dive_loader_next(ld, x, y, &n) == DIVE_OK && n > 0) { imgs += n; batches++; }
  }
  dt = dive_time_sec() - t0;
  printf("%-30s %3dx%3dx%-3d %7d %10.0f %10.2f\n", name, c, h, w, d.threads, (double)imgs / dt,
         1e3 * dt / (double)batches);
  free(x);
  free(y);
  dive_loader_destroy(ld);
}

int main(int argc, char **argv) {
  static const int thr[4] = {-1, 1, 2, 4};
  int njpg = argc > 1 ? atoi(argv[1]) : 96, i, t, k;
  char dir[64] = "/tmp/dive_bench_loader_XXXXXX", path[256], cmd[128];
  dive_dataset cifar, fm, list;
  dive_loader_desc d;
  dive_rng r;
  uint8_t *px;
  FILE *f;
  if (!mkdtemp(dir)) return 1;
  dive_rng_seed(&r, 1);
  /* in-memory sets: random pixels (the work does not depend on the values) */
  dive_dataset_alloc(&cifar, 50000, 3, 32, 32, 10);
  dive_dataset_alloc(&fm, 60000, 1, 28, 28, 10);
  for (i = 0; i < 50000 * 3072; i++) cifar.images[i] = (uint8_t)dive_rng_u32(&r);
  for (i = 0; i < 60000 * 784; i++) fm.images[i] = (uint8_t)dive_rng_u32(&r);
  for (i = 0; i < 50000; i++) cifar.labels[i] = i % 10;
  for (i = 0; i < 60000; i++) fm.labels[i] = i % 10;
  dive_dataset_recount(&cifar);
  dive_dataset_recount(&fm);
  /* JPEG tree: smooth color fields plus noise, so they compress like photos */
  px = (uint8_t *)malloc(500 * 375 * 3);
  snprintf(path, sizeof path, "%s/list.txt", dir);
  f = fopen(path, "w");
  for (k = 0; k < njpg; k++) {
    int xx, yy;
    for (yy = 0; yy < 375; yy++)
      for (xx = 0; xx < 500; xx++) {
        uint32_t nz = dive_rng_u32(&r);
        px[(yy * 500 + xx) * 3 + 0] = (uint8_t)((xx * (k + 1)) / 4 + (nz & 15));
        px[(yy * 500 + xx) * 3 + 1] = (uint8_t)(yy / 2 + ((nz >> 4) & 15));
        px[(yy * 500 + xx) * 3 + 2] = (uint8_t)((xx + yy + 40 * k) / 5 + ((nz >> 8) & 15));
      }
    snprintf(path, sizeof path, "%s/img%03d.jpg", dir, k);
    stbi_write_jpg(path, 500, 375, 3, px, 90);
    fprintf(f, "img%03d.jpg %d\n", k, k % 10);
  }
  fclose(f);
  free(px);
  snprintf(path, sizeof path, "%s/list.txt", dir);
  if (dive_dataset_load_list(&list, path, dir, 10) != DIVE_OK) {
    printf("list: %s\n", dive_last_error());
    return 1;
  }
  printf("dive.h loader bench: %d JPEGs 500x375 q90; pthread workers (no OpenMP in the loader)\n", njpg);
  printf("%-30s %-11s %7s %10s %10s\n", "path", "sample", "threads", "images/s", "ms/batch");
  for (t = 0; t < 4; t++) {
    memset(&d, 0, sizeof d);
    d.batch_size = 128;
    d.shuffle = 1;
    d.augment = DIVE_AUG_CROP_FLIP;
    d.threads = thr[t];
    d.mean[0] = 0.4914f; d.mean[1] = 0.4822f; d.mean[2] = 0.4465f;
    d.std[0] = 0.2470f; d.std[1] = 0.2435f; d.std[2] = 0.2616f;
    row("cifar crop+flip+norm b128", &cifar, d, 1);
  }
  for (t = 0; t < 4; t++) {
    memset(&d, 0, sizeof d);
    d.batch_size = 128;
    d.shuffle = 1;
    d.augment = DIVE_AUG_CROP_FLIP;
    d.threads = thr[t];
    d.mean[0] = 0.2860f; d.std[0] = 0.3530f;
    row("fmnist crop+flip+norm b128", &fm, d, 1);
  }
  for (t = 0; t < 4; t++) {
    memset(&d, 0, sizeof d);
    d.batch_size = 32;
    d.shuffle = 1;
    d.augment = DIVE_AUG_RESIZED_CROP;
    d.jitter = 0.4f;
    d.threads = thr[t];
    d.prefetch = 4;
    d.mean[0] = 0.485f; d.mean[1] = 0.456f; d.mean[2] = 0.406f;
    d.std[0] = 0.229f; d.std[1] = 0.224f; d.std[2] = 0.225f;
    row("jpeg rrc224+flip+jitter b32", &list, d, 1);
  }
  for (t = 0; t < 4; t++) {
    memset(&d, 0, sizeof d);
    d.batch_size = 32;
    d.threads = thr[t];
    d.prefetch = 4;
    row("jpeg resize256+center224 b32", &list, d, 1);
  }
  dive_dataset_free(&cifar);
  dive_dataset_free(&fm);
  dive_dataset_free(&list);
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  return system(cmd) != 0;
}
