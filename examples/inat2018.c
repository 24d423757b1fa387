/* inat2018: DiVE on iNaturalist 2018 from its list files (iNaturalist18_train.txt, iNaturalist18_val.txt: one
   "relative/path.jpg label" per line) and the image folder they are relative to.
   The paper's backbone: torchvision's ResNet-50 at 224 (--arch, --size for smaller runs).
   Training images: random-resized crop to --size + flip; test: shorter side to 8/7 of --size
   (256), center crop (224). Recipe defaults (the paper's Appendix B): cosine decayed once per
   epoch without warm-up, batch 256, lr 0.1, weight decay 5e-4, 90 epochs; DiVE with power
   normalization (p = 0.5).
     make build/inat2018
     ./build/inat2018 --data DIR --pipeline        (DIR holds the lists and the images)
   (make links build/dive.o, the implementation compiled once; on its own:
     cc -O2 -fopenmp -DDIVE_IMPLEMENTATION -I. examples/inat2018.c -o prog -lm -ldl) */
#define _POSIX_C_SOURCE 200809L /* truncate (dive_cli.h) */
#include "../dive.h"
#include "dive_cli.h"

static int load(const cli_opts *o, dive_dataset *train, dive_dataset *test) {
  return cli_load_lists(o, "iNaturalist18_train.txt", "iNaturalist18_val.txt", train, test);
}

int main(int argc, char **argv) {
  cli_dataset d;
  cli_dataset_init(&d, "inat2018", "DiVE on iNaturalist 2018 (list files + images), ResNet-50 at 224", "out/inat2018");
  cli_imagenet_recipe(&d);
  d.defaults.arch = "resnet50";
  d.load = load;
  d.defaults.batch = 256;
  d.defaults.lr = 0.1;
  d.defaults.classes = 8142;
  return cli_main(&d, argc, argv);
}
