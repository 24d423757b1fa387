/* cross_check: the same ResNet on the CPU and on Vulkan, from the same weights and batch:
   logits, loss, every parameter gradient and the BN running statistics, compared by
   relative L2 error. A debugging aid for a new device (no PyTorch needed).
     make build/cross_check && ./build/cross_check [depth] [batch] [classes] */
#define DIVE_IMPLEMENTATION
#include "../dive.h"

static double relerr(const float *a, const float *b, int64_t n) {
  double num = 0, den = 0;
  int64_t i;
  for (i = 0; i < n; i++) {
    double d = (double)a[i] - b[i];
    if (a[i] != a[i]) return 1e30;
    num += d * d;
    den += (double)b[i] * b[i];
  }
  return sqrt(num) / (den > 0 ? sqrt(den) : 1);
}

static dive_resnet *build(dive_backend be, int depth, int batch, int classes, dive_ctx **ctx) {
  dive_ctx_desc cd;
  dive_resnet_desc rd;
  dive_resnet *m = NULL;
  memset(&cd, 0, sizeof cd);
  cd.backend = be;
  if (dive_ctx_create(ctx, &cd)) { printf("ctx: %s\n", dive_last_error()); exit(1); }
  memset(&rd, 0, sizeof rd);
  rd.depth = depth; rd.num_classes = classes; rd.max_batch = batch; rd.seed = 5;
  if (dive_resnet_create(*ctx, &m, &rd)) { printf("model: %s\n", dive_ctx_error(*ctx)); exit(1); }
  return m;
}

int main(int argc, char **argv) {
  int depth = argc > 1 ? atoi(argv[1]) : 32, B = argc > 2 ? atoi(argv[2]) : 8, C = argc > 3 ? atoi(argv[3]) : 10;
  dive_ctx *cc, *vc;
  dive_resnet *cm = build(DIVE_BACKEND_CPU, depth, B, C, &cc), *vm = build(DIVE_BACKEND_VULKAN, depth, B, C, &vc);
  float *x = (float *)malloc(sizeof(float) * (size_t)B * 3 * 32 * 32), *a, *b;
  int32_t *y = (int32_t *)malloc(sizeof(int32_t) * (size_t)B);
  int i, bad = 0;
  int64_t n;
  dive_rng r;
  dive_loss_desc ld;
  dive_sgd_desc sd;
  float lc, lv;
  printf("cpu: %s\nvulkan: %s\nresnet-%d, batch %d, %d classes\n", dive_query_device_name(cc),
         dive_query_device_name(vc), depth, B, C);
  dive_rng_seed(&r, 1);
  for (i = 0; i < B * 3 * 32 * 32; i++) x[i] = dive_rng_normal(&r);
  for (i = 0; i < B; i++) y[i] = i % C;
  memset(&ld, 0, sizeof ld);
  memset(&sd, 0, sizeof sd); /* lr 0: the step leaves the weights as they are */
  if (dive_resnet_train_step(cm, NULL, x, y, B, &ld, &sd, &lc) || dive_resnet_train_step(vm, NULL, x, y, B, &ld, &sd, &lv)) {
    printf("step failed: %s / %s\n", dive_ctx_error(cc), dive_ctx_error(vc));
    return 1;
  }
  printf("%-40s relerr %.2e\n", "loss", fabs(lc - lv) / fabs(lc));
  n = cm->params.numel;
  a = (float *)malloc(sizeof(float) * (size_t)(n + cm->acts.numel));
  b = (float *)malloc(sizeof(float) * (size_t)(n + cm->acts.numel));
  dive_tensor_read(&cm->logits, a, cm->logits.numel);
  dive_tensor_read(&vm->logits, b, vm->logits.numel);
  printf("%-40s relerr %.2e\n", "logits", relerr(b, a, cm->logits.numel));
  for (i = 0; i < cm->nplist; i++) {
    dive_param *p = &cm->plist[i], *q = &vm->plist[i];
    const dive_tensor *tc = p->kind == DIVE_PARAM_WEIGHT ? &p->grad : &p->value;
    const dive_tensor *tv = p->kind == DIVE_PARAM_WEIGHT ? &q->grad : &q->value;
    double e;
    if (p->kind == DIVE_PARAM_COUNTER) continue;
    dive_tensor_read(tc, a, tc->numel);
    dive_tensor_read(tv, b, tv->numel);
    e = relerr(b, a, tc->numel);
    bad += e > 1e-4;
    printf("%s%-40s relerr %.2e%s\n", p->kind == DIVE_PARAM_WEIGHT ? "grad " : "", p->name, e, e > 1e-4 ? "  <--" : "");
  }
  printf("%d tensors above 1e-4\n", bad);
  return bad ? 1 : 0;
}
