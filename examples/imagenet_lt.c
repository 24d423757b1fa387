/* imagenet_lt: DiVE on ImageNet-LT from its list files (ImageNet_LT_train.txt, ImageNet_LT_test.txt: one
   "relative/path.jpg label" per line) and the image folder they are relative to.
   Training images: random-resized crop + flip + color jitter 0.4; test: resize + center crop.
   The paper's backbone (ResNeXt-50 32x4d) is not in dive.h yet: this program trains the CIFAR
   ResNet family (--depth, --width) at --size, which exercises the whole data path and the
   method at a smaller scale. Recipe defaults: cosine schedule, batch 512, lr 0.2, weight decay
   5e-4, 90 epochs.
     make build/imagenet_lt
     ./build/imagenet_lt --data DIR --pipeline        (DIR holds the lists and the images) */
#define DIVE_IMPLEMENTATION
#include "../dive.h"
#include "dive_cli.h"

static int load(const cli_opts *o, dive_dataset *train, dive_dataset *test) {
  char tr[1100], te[1100];
  const char *root = o->root ? o->root : o->data;
  if (!o->data && !(o->train_list && o->test_list && o->root)) {
    fprintf(stderr, "error: no --data\nHINT: pass --data DIR with DIR/ImageNet_LT_train.txt, DIR/ImageNet_LT_test.txt and the images "
                    "under DIR (or --train-list, --test-list and --root)\n");
    return 1;
  }
  snprintf(tr, sizeof tr, "%s/ImageNet_LT_train.txt", o->data ? o->data : ".");
  snprintf(te, sizeof te, "%s/ImageNet_LT_test.txt", o->data ? o->data : ".");
  if (dive_dataset_load_list(train, o->train_list ? o->train_list : tr, root, o->classes) ||
      dive_dataset_load_list(test, o->test_list ? o->test_list : te, root, o->classes)) {
    fprintf(stderr, "error: %s\nHINT: the list files are \"relative/path.jpg label\" per line\n", dive_last_error());
    return 1;
  }
  return 0;
}

int main(int argc, char **argv) {
  cli_dataset d;
  memset(&d, 0, sizeof d);
  d.name = "imagenet_lt";
  d.about = "DiVE on ImageNet-LT (list files + images), CIFAR-ResNet backbone at --size";
  d.in_channels = 3;
  d.size = 112;
  d.mean[0] = 0.485f; d.mean[1] = 0.456f; d.mean[2] = 0.406f;
  d.std[0] = 0.229f; d.std[1] = 0.224f; d.std[2] = 0.225f;
  d.list_images = 1;
  d.load = load;
  d.defaults.method = "ce";
  d.defaults.out = "out/imagenet_lt";
  d.defaults.backend = "auto";
  d.defaults.sched = "cosine";
  d.defaults.epochs = 90;
  d.defaults.batch = 512;
  d.defaults.lr = 0.2;
  d.defaults.wd = 5e-4;
  d.defaults.imb = 1; /* the lists are long-tailed already */
  d.defaults.depth = 32;
  d.defaults.width = 16;
  d.defaults.classes = 1000;
  d.defaults.alpha = 0.5;
  return cli_main(&d, argc, argv);
}
