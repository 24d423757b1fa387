/* test_alloc.h: dive.h's allocator, counted (include before dive.h). Allocation number
   g_fail_at (1-based; 0 = never) fails; g_live counts the blocks not yet freed. Used by
   test_faults (host out of memory) and test_vkfaults (nothing left after a device fault). */
#include <stdlib.h>

static long g_allocs, g_fail_at, g_live;
static void *t_malloc(size_t n) {
  void *p;
  if (++g_allocs == g_fail_at) return NULL;
  p = malloc(n ? n : 1);
  if (p) g_live++;
  return p;
}
static void *t_realloc(void *q, size_t n) {
  void *p;
  if (++g_allocs == g_fail_at) return NULL;
  p = realloc(q, n ? n : 1);
  if (p && !q) g_live++;
  return p;
}
static void t_free(void *p) {
  if (p) g_live--;
  free(p);
}
#define DIVE_MALLOC(n) t_malloc(n)
#define DIVE_REALLOC(p, n) t_realloc(p, n)
#define DIVE_FREE(p) t_free(p)
