/* fuzz_image: a JPEG or PNG decoded through the list loader (stb_image, then the
   resampler, crop and jitter). Input: 1 byte (bit 0: RandomResizedCrop + jitter instead of
   resize + center crop), then the image file. */
#include "fuzz.h"

static dive_dataset g_ds;

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) {
  dive_loader *ld = NULL;
  dive_loader_desc ldd;
  float x[3 * 16 * 16];
  int32_t y;
  int got = -1;
  dive_status s;
  if (n < 1) return 0;
  if (!g_ds.n) {
    static const char list[] = "img 0\n";
    const char *lp = fz_write(1, "list.txt", (const uint8_t *)list, sizeof list - 1);
    if (dive_dataset_load_list(&g_ds, lp, fz_folder(), 1)) { fprintf(stderr, "%s\n", dive_last_error()); abort(); }
  }
  fz_write(0, "img", d + 1, n - 1);
  memset(&ldd, 0, sizeof ldd);
  ldd.batch_size = 1;
  ldd.threads = -1;
  ldd.out_size = 16;
  ldd.augment = (d[0] & 1) ? DIVE_AUG_RESIZED_CROP : DIVE_AUG_NONE;
  ldd.jitter = (d[0] & 1) ? 0.4f : 0;
  if (dive_loader_create(&ld, &g_ds, &ldd)) { fprintf(stderr, "%s\n", dive_last_error()); abort(); }
  s = dive_loader_next(ld, x, &y, &got);
  fz_failed_with_message(s);
  if (s == DIVE_OK) {
    int i;
    if (got != 1 || y != 0) abort();
    for (i = 0; i < 3 * 16 * 16; i++) if (!(x[i] == x[i])) abort(); /* no NaN from a decoded image */
  }
  dive_loader_destroy(ld);
  return 0;
}
