/* cifar_lt: DiVE on CIFAR-10-LT / CIFAR-100-LT (the LDAM-DRW / BBN subsets: numpy seed 0,
   per class shuffle, keep n_i = floor(n_max (1/IF)^(i/(C-1)))), ResNet-32, the BBN recipe
   (200 epochs, batch 128, lr 0.1, warm-up 5, x0.01 at 120 and 160, weight decay 2e-4);
   --arch picks another network (--help lists them).
   Data: the CIFAR binary version, extracted (cifar-10-batches-bin/ or cifar-100-binary/),
   passed with --data (the folder itself or the one that holds it).
     make build/cifar_lt
     ./build/cifar_lt --data ~/data --classes 100 --imb 100 --pipeline
   (make links build/dive.o, the implementation compiled once; on its own:
     cc -O2 -fopenmp -DDIVE_IMPLEMENTATION -I. examples/cifar_lt.c -o prog -lm -ldl) */
#define _POSIX_C_SOURCE 200809L /* truncate (dive_cli.h) */
#include "../dive.h"
#include "dive_cli.h"

static int load(const cli_opts *o, dive_dataset *train, dive_dataset *test) {
  if (o->classes != 10 && o->classes != 100) {
    fprintf(stderr, "error: --classes %d: expected 10 or 100\n", o->classes);
    return 1;
  }
  if (!o->data) {
    fprintf(stderr, "error: no --data\nHINT: download the CIFAR-%d binary version, extract it, and pass "
                    "--data DIR (DIR/%s or DIR itself)\n", o->classes,
            o->classes == 10 ? "cifar-10-batches-bin" : "cifar-100-binary");
    return 1;
  }
  if (dive_dataset_load_cifar(train, o->data, o->classes, 1) || dive_dataset_load_cifar(test, o->data, o->classes, 0)) {
    fprintf(stderr, "error: %s\nHINT: --data must hold the extracted CIFAR-%d binary version\n", dive_last_error(),
            o->classes);
    return 1;
  }
  if (dive_dataset_longtail(train, o->imb, DIVE_LT_NUMPY, 0)) {
    fprintf(stderr, "error: --imb %g: %s\n", o->imb, dive_last_error());
    return 1;
  }
  return 0;
}

/* the names the binary version ships: batches.meta.txt (CIFAR-10), fine_label_names.txt
   (CIFAR-100), in the extracted folder or in --data itself */
static int names(const cli_opts *o, int classes, char **out) {
  const char *file = classes == 10 ? "batches.meta.txt" : "fine_label_names.txt";
  const char *sub = classes == 10 ? "cifar-10-batches-bin" : "cifar-100-binary";
  char p[1200], line[256];
  FILE *f;
  int n = 0;
  if (!o->data) return 0;
  snprintf(p, sizeof p, "%s/%s/%s", o->data, sub, file);
  if (!(f = fopen(p, "r"))) {
    snprintf(p, sizeof p, "%s/%s", o->data, file);
    if (!(f = fopen(p, "r"))) return 0;
  }
  while (n < classes && fgets(line, sizeof line, f)) {
    size_t l = strlen(line);
    while (l && (line[l - 1] == '\n' || line[l - 1] == '\r' || line[l - 1] == ' ')) line[--l] = 0;
    if (l) out[n++] = strdup(line);
  }
  fclose(f);
  return n == classes;
}

int main(int argc, char **argv) {
  cli_dataset d;
  cli_dataset_init(&d, "cifar_lt", "DiVE on CIFAR-10-LT / CIFAR-100-LT with ResNet-32 (BBN recipe)", "out/cifar_lt");
  d.mean[0] = 0.4914f; d.mean[1] = 0.4822f; d.mean[2] = 0.4465f;
  d.std[0] = 0.2023f; d.std[1] = 0.1994f; d.std[2] = 0.2010f;
  d.load = load;
  d.load_names = names;
  d.defaults.classes = 100;
  return cli_main(&d, argc, argv);
}
