/* dive.h's implementation as C99 is build/dive.o (the Makefile compiles it with -fopenmp,
   -Werror in CI); this program links it and makes a ctx (the C++11 twin,
   test_compile_cpp.cpp, instantiates the implementation itself; tests/test_compile.sh tries
   the other compilers and options). */
#include "../dive.h"
#include <string.h>
#include <stdio.h>

int main(void) {
  dive_ctx *ctx = NULL;
  dive_ctx_desc d;
  memset(&d, 0, sizeof d);
  d.backend = DIVE_BACKEND_CPU;
  if (dive_ctx_create(&ctx, &d) != DIVE_OK) { printf("FAIL ctx: %s\n", dive_last_error()); return 1; }
  printf("compile_c: backend %s\n", dive_query_device_name(ctx));
  dive_ctx_destroy(ctx);
  printf("1 passed, 0 failed, 0 skipped\n");
  return 0;
}
