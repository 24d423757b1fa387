/* fma_peak.c - the FMA peak of this CPU's cores: a register-only loop of FMAs in the widest
   vectors dive.h's kernels use here (AVX-512, else AVX2 + FMA), per thread, by the process's
   CPU time (on a shared machine that leaves out the time other programs held the core).
   bench/cpu.sh runs it around dive.h's ResNet-32 runs to print the share of the peak that
   training reaches. Prints one line:
     fma_peak_gflops X threads T isa I       (X is 0 where neither ISA is available)
     OMP_NUM_THREADS=1 ./build/fma_peak */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#define DIVE_IMPLEMENTATION
#include "../dive.h"
#include "bench_util.h"

int main(void) {
  double peak = fma_peak(cpu_sec); /* per thread: the CPU time counts every thread's */
  printf("fma_peak_gflops %.1f threads %d isa %s\n", peak, dive__nthreads(), dive__isa_name(dive__isa()));
  return 0;
}
