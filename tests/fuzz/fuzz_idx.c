/* fuzz_idx: dive_dataset_load_idx on an images file and a labels file, plain or gzip.
   Input: 2 bytes (little-endian) = length of the images file, then the images file, then
   the labels file (the rest). */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) {
  dive_dataset ds;
  size_t a;
  const char *ip, *lp;
  dive_status s;
  if (n < 2) return 0;
  a = (size_t)(d[0] | d[1] << 8);
  if (a > n - 2) a = n - 2;
  ip = fz_write(0, "images", d + 2, a);
  lp = fz_write(1, "labels", d + 2 + a, n - 2 - a);
  s = dive_dataset_load_idx(&ds, ip, lp, 0);
  fz_failed_with_message(s);
  if (s == DIVE_OK) {
    int64_t i, sum = 0;
    int c;
    for (i = 0; i < ds.n; i++) if (ds.labels[i] < 0 || ds.labels[i] >= ds.num_classes) abort();
    for (c = 0; c < ds.num_classes; c++) sum += ds.class_counts[c];
    if (sum != ds.n) abort();
  }
  dive_dataset_free(&ds);
  return 0;
}
