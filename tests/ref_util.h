/* ref_util.h: what the tests that compare a model with a reference share (test_ref,
   test_zoo, test_wino, zoo_tv). Include after dive.h.
   - relerr: the relative L2 error of a against the reference b (a NaN in a fails it);
   - hash_uniform: the hash tests/ref/gen_ref.py and gen_zoo.py draw weights and inputs
     from, so both sides compute them instead of shipping them: u in [-1, 1) for tensor t,
     element i;
   - ends_with: state_dict names by their suffix. */
#include <math.h>
#include <string.h>
#if defined(__GNUC__) || defined(__clang__)
#define RU_UNUSED __attribute__((unused))
#else
#define RU_UNUSED
#endif

static RU_UNUSED double relerr(const float *a, const float *b, int64_t n) {
  double num = 0, den = 0;
  int64_t i;
  for (i = 0; i < n; i++) {
    double d = (double)a[i] - (double)b[i];
    if (a[i] != a[i]) return 1e30; /* NaN */
    num += d * d;
    den += (double)b[i] * b[i];
  }
  return sqrt(num) / (den > 0 ? sqrt(den) : 1.0);
}

static RU_UNUSED double hash_uniform(int t, uint32_t i) {
  uint32_t h = i * 0x9E3779B1u + (uint32_t)(t + 1) * 0x85EBCA77u;
  h ^= h >> 16;
  h *= 0x7FEB352Du;
  h ^= h >> 15;
  h *= 0x846CA68Bu;
  h ^= h >> 16;
  return (double)h / 4294967296.0 * 2.0 - 1.0;
}

static RU_UNUSED int ends_with(const char *s, const char *suf) {
  size_t a = strlen(s), b = strlen(suf);
  return a >= b && !strcmp(s + a - b, suf);
}
