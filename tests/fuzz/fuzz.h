/* fuzz.h: shared by the libFuzzer targets tests/fuzz/fuzz_*.c (docs/reliability.md).
   The readers take file paths, so each input is written to a file in a private temporary
   folder and the public loader is called on it. Built by `make fuzz`:
     clang -g -O1 -fsanitize=fuzzer,address,undefined -DDIVE_NO_VULKAN -I. tests/fuzz/fuzz_idx.c */
#define _GNU_SOURCE
#define DIVE_IMPLEMENTATION
#include "../../dive.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char fz_dir[64];

static void fz_cleanup(void) { char cmd[128]; snprintf(cmd, sizeof cmd, "rm -rf %s", fz_dir); if (system(cmd)) {} }

/* the private folder, made once per process */
static const char *fz_folder(void) {
  if (!fz_dir[0]) {
    /* tmpfs when there is one: rewriting a file on ext4 (auto_da_alloc) costs ~2 ms */
    snprintf(fz_dir, sizeof fz_dir, "%s/dive_fuzz.XXXXXX", access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
    if (!mkdtemp(fz_dir)) { perror("mkdtemp"); abort(); }
    atexit(fz_cleanup);
  }
  return fz_dir;
}

/* write n bytes to <folder>/<name>; returns the path (static storage, one per slot) */
static const char *fz_write(int slot, const char *name, const uint8_t *d, size_t n) {
  static char path[4][256];
  FILE *f;
  snprintf(path[slot], sizeof path[slot], "%s/%s", fz_folder(), name);
  f = fopen(path[slot], "wb");
  if (!f || (n && fwrite(d, 1, n, f) != n) || fclose(f)) { perror(path[slot]); abort(); }
  return path[slot];
}

/* a reader either succeeds or says why: a failure with an empty message is a bug */
static void fz_failed_with_message(dive_status s) {
  if (s != DIVE_OK && !dive_last_error()[0]) { fprintf(stderr, "status %d without a message\n", (int)s); abort(); }
}
