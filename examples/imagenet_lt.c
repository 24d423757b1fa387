/* imagenet_lt: DiVE on ImageNet-LT from its list files (ImageNet_LT_train.txt, ImageNet_LT_test.txt: one
   "relative/path.jpg label" per line) and the image folder they are relative to.
   The paper's backbone: torchvision's ResNeXt-50 (32x4d) at 224 (--arch, --size for smaller
   runs; --arch resnet18 --width 16 --size 64 is a quick one). Training images: random-resized
   crop to --size + flip + color jitter 0.4; test: shorter side to 8/7 of --size (256), center
   crop (224). Recipe defaults (the paper's Appendix B, after Kang et al.): cosine decayed once
   per epoch without warm-up, batch 512, lr 0.2, weight decay 5e-4, 90 epochs, and no power
   normalization in DiVE (power 1; --pipeline keeps it and takes the analyzer's effective
   temperature as T). A torchvision checkpoint (safetensors of its state_dict) serves as a
   teacher: --method dive --teacher tv.safetensors --teacher-arch resnext50_32x4d.
     make build/imagenet_lt
     ./build/imagenet_lt --data DIR --pipeline        (DIR holds the lists and the images)
   (make links build/dive.o, the implementation compiled once; on its own:
     cc -O2 -fopenmp -DDIVE_IMPLEMENTATION -I. examples/imagenet_lt.c -o prog -lm -ldl) */
#define _POSIX_C_SOURCE 200809L /* truncate (dive_cli.h) */
#include "../dive.h"
#include "dive_cli.h"

static int load(const cli_opts *o, dive_dataset *train, dive_dataset *test) {
  return cli_load_lists(o, "ImageNet_LT_train.txt", "ImageNet_LT_test.txt", train, test);
}

int main(int argc, char **argv) {
  cli_dataset d;
  cli_dataset_init(&d, "imagenet_lt", "DiVE on ImageNet-LT (list files + images), ResNeXt-50 32x4d at 224", "out/imagenet_lt");
  cli_imagenet_recipe(&d);
  d.defaults.arch = "resnext50_32x4d";
  d.load = load;
  d.defaults.batch = 512;
  d.defaults.lr = 0.2;
  d.defaults.classes = 1000;
  d.defaults.power = 1;      /* "power normalization is not chosen in DiVE" */
  d.defaults.keep_power = 1;
  return cli_main(&d, argc, argv);
}
