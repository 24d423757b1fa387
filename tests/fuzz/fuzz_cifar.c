/* fuzz_cifar: dive_dataset_load_cifar on one batch file. Input: 1 byte (bit 0: CIFAR-100
   instead of CIFAR-10), then the test batch (test_batch.bin or test.bin). */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) {
  dive_dataset ds;
  int c100;
  dive_status s;
  if (n < 1) return 0;
  c100 = d[0] & 1;
  fz_write(0, c100 ? "test.bin" : "test_batch.bin", d + 1, n - 1);
  s = dive_dataset_load_cifar(&ds, fz_folder(), c100 ? 100 : 10, 0);
  fz_failed_with_message(s);
  if (s == DIVE_OK && (ds.n < 1 || ds.channels != 3 || ds.height != 32 || ds.width != 32)) abort();
  dive_dataset_free(&ds);
  return 0;
}
