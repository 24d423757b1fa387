/* fuzz_safetensors: dive_resnet_load and dive_resnet_load_state (safetensors header JSON,
   offsets, shapes, checksum) into a ResNet-8 of width 4 with 10 classes, 1 x 8 x 8 input
   (the configuration tests/fuzz/make_seeds.c saves). Input: the file. */
#include "fuzz.h"

static dive_ctx *g_ctx;
static dive_resnet *g_m;

int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) {
  const char *p;
  int64_t epoch = -1;
  dive_status s;
  if (!g_ctx) {
    dive_ctx_desc cd;
    dive_resnet_desc rd;
    memset(&cd, 0, sizeof cd);
    cd.backend = DIVE_BACKEND_CPU;
    cd.threads = 1;
    memset(&rd, 0, sizeof rd);
    rd.depth = 8; rd.base_width = 4; rd.num_classes = 10; rd.in_channels = 1; rd.height = rd.width = 8;
    rd.max_batch = 2;
    if (dive_ctx_create(&g_ctx, &cd) || dive_resnet_create(g_ctx, &g_m, &rd)) abort();
  }
  p = fz_write(0, "ck.safetensors", d, n);
  s = dive_resnet_load(g_m, p);
  if (s && !dive_ctx_error(g_ctx)[0]) abort();
  dive_ctx_clear_error(g_ctx);
  s = dive_resnet_load_state(g_m, p, &epoch);
  if (s && !dive_ctx_error(g_ctx)[0]) abort();
  dive_ctx_clear_error(g_ctx);
  return 0;
}
