/* ckpt_check: exits 0 when every file given is a complete, valid safetensors checkpoint
   (header, offsets, sizes and the dive.crc32 checksum, as dive_resnet_load checks them);
   prints the reason and exits 1 otherwise. Used by tests/test_reliability.sh after each kill.
     make build/ckpt_check && ./build/ckpt_check out/NAME.safetensors ... */
#define DIVE_IMPLEMENTATION
#define DIVE_NO_VULKAN
#include "../dive.h"

int main(int argc, char **argv) {
  int i, bad = 0;
  for (i = 1; i < argc; i++) {
    dive__st_file f;
    if (dive__st_open(&f, argv[i]) != DIVE_OK) {
      printf("BAD %s\n", dive_last_error());
      bad = 1;
      continue;
    }
    if (!f.crc[0]) { printf("BAD %s: no dive.crc32\n", argv[i]); bad = 1; }
    dive__st_close(&f);
  }
  return bad;
}
