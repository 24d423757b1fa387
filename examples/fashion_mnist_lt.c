/* fashion_mnist_lt: DiVE on Fashion-MNIST-LT (imbalance factor 100 by default: the first
   n_i = floor(6000 * (1/IF)^(i/9)) training images of class i in file order, 14,886
   images; the 10,000 balanced test images), ResNet-32 with a 1-channel stem (--arch picks
   another network, e.g. resnet18: conv1 (64,1,7,7) as torchvision's with one channel).
   Data: Debian's dataset-fashion-mnist (/usr/share/datasets/fashion-mnist) or --data DIR.
     make build/fashion_mnist_lt
     ./build/fashion_mnist_lt --pipeline --baseline --epochs 15     (CE, BSCE, DiVE table)
     ./build/fashion_mnist_lt --help
   (make links build/dive.o, the implementation compiled once; on its own:
     cc -O2 -fopenmp -DDIVE_IMPLEMENTATION -I. examples/fashion_mnist_lt.c -o prog -lm -ldl) */
#define _POSIX_C_SOURCE 200809L /* truncate (dive_cli.h) */
#include "../dive.h"
#include "dive_cli.h"

static int load(const cli_opts *o, dive_dataset *train, dive_dataset *test) {
  const char *dir = o->data ? o->data : "/usr/share/datasets/fashion-mnist";
  if (o->classes != 10) {
    fprintf(stderr, "error: --classes %d: Fashion-MNIST has 10 classes\n", o->classes);
    return 1;
  }
  if (dive_dataset_load_fashion_mnist(train, o->data, 1) || dive_dataset_load_fashion_mnist(test, o->data, 0)) {
    fprintf(stderr, "error: %s\nHINT: install Debian's dataset-fashion-mnist (make deps) or pass --data DIR "
                    "holding {train,t10k}-{images-idx3,labels-idx1}-ubyte[.gz] (looked in %s)\n",
            dive_last_error(), dir);
    return 1;
  }
  if (dive_dataset_longtail(train, o->imb, DIVE_LT_FIRST, 6000)) {
    fprintf(stderr, "error: --imb %g: %s\n", o->imb, dive_last_error());
    return 1;
  }
  return 0;
}

/* the dataset's class names (Zalando's Fashion-MNIST README; the files carry numbers only) */
static int names(const cli_opts *o, int classes, char **out) {
  static const char *n[10] = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                              "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"};
  int i;
  (void)o;
  if (classes != 10) return 0;
  for (i = 0; i < 10; i++) out[i] = strdup(n[i]);
  return 1;
}

int main(int argc, char **argv) {
  cli_dataset d;
  cli_dataset_init(&d, "fashion_mnist_lt", "DiVE on Fashion-MNIST-LT with a CIFAR ResNet (1-channel stem, 28x28 input)",
                   "out/fashion_mnist_lt");
  d.in_channels = 1;
  d.size = 28;
  d.mean[0] = 0.2860f;
  d.std[0] = 0.3530f;
  d.load = load;
  d.load_names = names;
  d.defaults.epochs = 60; /* the CIFAR recipe compressed to 60 epochs (docs/results.md, the accuracy protocol) */
  d.defaults.classes = 10;
  return cli_main(&d, argc, argv);
}
