/* make_seeds: writes small valid inputs for every fuzz target into DIR/<target>/ (the
   seed corpus; `make fuzz` runs it). Each seed is in the target's input format (see the
   comment at the top of each tests/fuzz/fuzz_*.c).
     cc -std=c99 -I. tests/fuzz/make_seeds.c -o build/make_seeds -lm && ./build/make_seeds DIR */
#define DIVE_IMPLEMENTATION
#define DIVE_NO_VULKAN
#include "../../dive.h"
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
#if defined(__has_include) && __has_include("stb_image_write.h")
#include "stb_image_write.h"
#else
#include <stb/stb_image_write.h>
#endif
#include <sys/stat.h>

static const char *g_dir;

static void put(const char *target, const char *name, const void *a, size_t na, const void *b, size_t nb) {
  char path[1024];
  FILE *f;
  snprintf(path, sizeof path, "%s/%s", g_dir, target);
  mkdir(path, 0755);
  snprintf(path, sizeof path, "%s/%s/%s", g_dir, target, name);
  f = fopen(path, "wb");
  if (!f || fwrite(a, 1, na, f) != na || (nb && fwrite(b, 1, nb, f) != nb) || fclose(f)) {
    perror(path);
    exit(1);
  }
}

/* gzip around stb_image_write's deflate; flags adds FEXTRA|FNAME|FCOMMENT|FHCRC fields */
static size_t gzip(unsigned char *out, const unsigned char *d, size_t n, int fields) {
  int zl = 0;
  unsigned char *z = stbi_zlib_compress((unsigned char *)d, (int)n, &zl, 8);
  size_t o = 0;
  uint32_t crc = dive__crc32(0, d, n);
  int i;
  out[o++] = 0x1f; out[o++] = 0x8b; out[o++] = 8; out[o++] = (unsigned char)(fields ? 4 | 8 | 16 | 2 : 0);
  memset(out + o, 0, 6); o += 6;
  if (fields) {
    out[o++] = 3; out[o++] = 0; out[o++] = 'a'; out[o++] = 'b'; out[o++] = 'c';
    memcpy(out + o, "name", 5); o += 5;
    memcpy(out + o, "note", 5); o += 5;
    { uint32_t h = dive__crc32(0, out, o); out[o++] = (unsigned char)h; out[o++] = (unsigned char)(h >> 8); }
  }
  memcpy(out + o, z + 2, (size_t)zl - 6); /* strip the zlib header and the adler32 */
  o += (size_t)zl - 6;
  for (i = 0; i < 4; i++) out[o++] = (unsigned char)(crc >> (8 * i));
  for (i = 0; i < 4; i++) out[o++] = (unsigned char)(n >> (8 * i));
  STBIW_FREE(z);
  return o;
}

/* the idx target's input: 2-byte images length, images file, labels file */
static void idx_seed(const char *name, const unsigned char *im, size_t ni, const unsigned char *lb, size_t nl) {
  unsigned char hdr[2];
  unsigned char *both = (unsigned char *)malloc(ni + nl);
  hdr[0] = (unsigned char)ni; hdr[1] = (unsigned char)(ni >> 8);
  memcpy(both, im, ni);
  memcpy(both + ni, lb, nl);
  put("idx", name, hdr, 2, both, ni + nl);
  free(both);
}

static unsigned char g_img[64 * 1024];
static size_t g_len;
static void collect(void *ctx, void *data, int size) {
  (void)ctx;
  if (g_len + (size_t)size <= sizeof g_img) { memcpy(g_img + g_len, data, (size_t)size); g_len += (size_t)size; }
}

int main(int argc, char **argv) {
  unsigned char im[16 + 3 * 16], lb[8 + 3], gi[512], gl[512], rec[2 * 3074], px[9 * 7 * 4];
  size_t ngi, ngl;
  int i, k;
  if (argc != 2) { fprintf(stderr, "usage: make_seeds DIR\n"); return 2; }
  g_dir = argv[1];
  mkdir(g_dir, 0755);

  /* IDX: 3 images of 4 x 4, labels 0 2 1 */
  memcpy(im, "\0\0\x08\x03\0\0\0\x03\0\0\0\x04\0\0\0\x04", 16);
  for (i = 0; i < 48; i++) im[16 + i] = (unsigned char)(i * 5);
  memcpy(lb, "\0\0\x08\x01\0\0\0\x03\0\x02\x01", 11);
  idx_seed("plain", im, sizeof im, lb, sizeof lb);
  ngi = gzip(gi, im, sizeof im, 0);
  ngl = gzip(gl, lb, sizeof lb, 1);
  idx_seed("gzip", gi, ngi, gl, ngl);
  idx_seed("gzip_images", gi, ngi, lb, sizeof lb);

  /* CIFAR: two records each */
  for (k = 0; k < 2; k++) {
    rec[k * 3073] = (unsigned char)(k * 7);
    for (i = 0; i < 3072; i++) rec[k * 3073 + 1 + i] = (unsigned char)(i + k);
  }
  put("cifar", "c10", "\0", 1, rec, 2 * 3073);
  for (k = 0; k < 2; k++) {
    rec[k * 3074] = (unsigned char)(k * 19); rec[k * 3074 + 1] = (unsigned char)(k * 99);
    for (i = 0; i < 3072; i++) rec[k * 3074 + 2 + i] = (unsigned char)(i * 3 + k);
  }
  put("cifar", "c100", "\1", 1, rec, 2 * 3074);

  /* lists */
  {
    static const char a[] = "n01/img_1.JPEG 0\nn01/img 2.JPEG 3\n\n  train/x.png\t1  \n";
    static const char b[] = "a.jpg 0\r\nb/c.png 12\r\n";
    put("list", "unix", a, sizeof a - 1, NULL, 0);
    put("list", "crlf", b, sizeof b - 1, NULL, 0);
  }

  /* images: PNG grey / RGB / RGBA, JPEG grey / RGB; each with both augment choices */
  for (i = 0; i < 9 * 7 * 4; i++) px[i] = (unsigned char)(i * 37 + (i >> 3));
  for (k = 0; k < 5; k++) {
    static const char *names[5] = {"png1", "png3", "png4", "jpg1", "jpg3"};
    static const int comp[5] = {1, 3, 4, 1, 3};
    char nm[32];
    int mode;
    g_len = 0;
    if (k < 3) stbi_write_png_to_func(collect, NULL, 9, 7, comp[k], px, 9 * comp[k]);
    else stbi_write_jpg_to_func(collect, NULL, 9, 7, comp[k], px, 80);
    for (mode = 0; mode < 2; mode++) {
      unsigned char m = (unsigned char)mode;
      snprintf(nm, sizeof nm, "%s_%d", names[k], mode);
      put("image", nm, &m, 1, g_img, g_len);
    }
  }

  /* safetensors: a model file and a training state of the fuzz target's ResNet-8 */
  {
    dive_ctx *ctx;
    dive_ctx_desc cd;
    dive_resnet_desc rd;
    dive_resnet *m;
    char p1[1024], p2[1024];
    memset(&cd, 0, sizeof cd);
    cd.backend = DIVE_BACKEND_CPU;
    memset(&rd, 0, sizeof rd);
    rd.depth = 8; rd.base_width = 4; rd.num_classes = 10; rd.in_channels = 1; rd.height = rd.width = 8;
    rd.max_batch = 2;
    snprintf(p1, sizeof p1, "%s/safetensors", g_dir);
    mkdir(p1, 0755);
    snprintf(p1, sizeof p1, "%s/safetensors/model", g_dir);
    snprintf(p2, sizeof p2, "%s/safetensors/state", g_dir);
    if (dive_ctx_create(&ctx, &cd) || dive_resnet_create(ctx, &m, &rd) || dive_resnet_save(m, p1) ||
        dive_resnet_save_state(m, p2, 3)) {
      fprintf(stderr, "make_seeds: %s\n", dive_last_error());
      return 1;
    }
    dive_resnet_destroy(m);
    dive_ctx_destroy(ctx);
  }
  return 0;
}
