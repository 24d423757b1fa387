/* fuzz_list: dive_dataset_load_list on a list file ("relative/path label" per line). */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) {
  dive_dataset ds;
  dive_status s;
  const char *p = fz_write(0, "list.txt", d, n);
  s = dive_dataset_load_list(&ds, p, "root", 0);
  fz_failed_with_message(s);
  if (s == DIVE_OK) {
    int64_t i;
    for (i = 0; i < ds.n; i++) /* every stored path is a terminated string inside the pool */
      if (ds.labels[i] < 0 || ds.labels[i] >= ds.num_classes || strlen(ds.paths + ds.path_offset[i]) > n) abort();
  }
  dive_dataset_free(&ds);
  return 0;
}
