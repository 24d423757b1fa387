/* test_dist: the MPI layer (DIVE_MPI) on N ranks: ranks and local ranks, in-place sums
   (also past one MPI count), broadcast, every rank agreeing on a failure of one, and the
   watchdog that ends a job whose peer hangs. Run by tests/test_mpi.sh (make test-mpi):
     mpirun -np 2 build/test_dist              the checks (rank 0 prints them)
     mpirun -np 2 build/test_dist hang         rank 1 never joins: rank 0 must abort the job */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../../dive.h"

static int g_pass, g_fail, g_rank;
static void check(int ok, const char *what, const char *detail) {
  int v[2];
  v[0] = ok ? 0 : 1;
  v[1] = g_rank;
  if (g_rank == 0) printf("%-60s %s  %s\n", what, ok ? "OK  " : "FAIL", detail ? detail : "");
  else if (!ok) printf("rank %d: FAIL %s %s\n", g_rank, what, detail ? detail : "");
  if (ok) g_pass++; else g_fail++;
  (void)v;
}

int main(int argc, char **argv) {
  dive_dist *d = NULL;
  dive_dist_desc dd;
  char buf[200];
  int R, N, who, bad;
  memset(&dd, 0, sizeof dd);
  if (argc > 1 && !strcmp(argv[1], "hang")) dd.timeout_s = 3;
  if (dive_dist_create(&d, &dd)) { printf("FAIL dist: %s\n", dive_last_error()); return 1; }
  R = g_rank = dive_dist_rank(d);
  N = dive_dist_size(d);
  if (argc > 1 && !strcmp(argv[1], "hang")) { /* rank 1 sleeps through the barrier */
    if (R == 1) sleep(30);
    dive_dist_barrier(d);
    printf("rank %d: past the barrier (the watchdog did not fire)\n", R);
    dive_dist_destroy(d);
    return 0;
  }
  snprintf(buf, sizeof buf, "rank %d of %d, local %d of %d", R, N, dive_dist_local_rank(d), dive_dist_local_size(d));
  check(N >= 2 && R >= 0 && R < N && dive_dist_local_size(d) == N && dive_dist_local_rank(d) == R,
        "ranks (one machine: local ranks = ranks)", buf);
  {
    double v[3];
    v[0] = R + 1; v[1] = -0.5 * R; v[2] = 1e300 * 0.0 + R * R;
    dive_dist_allreduce_f64(d, v, 3);
    snprintf(buf, sizeof buf, "%g %g %g", v[0], v[1], v[2]);
    check(v[0] == N * (N + 1) / 2.0 && v[1] == -0.25 * N * (N - 1) && v[2] == (N - 1) * N * (2 * N - 1) / 6.0,
          "allreduce_f64: in-place sums", buf);
  }
  {
    int64_t n = 3 * 1000 * 1000 + 7, j;
    float *v = (float *)malloc((size_t)n * sizeof(float));
    for (j = 0; j < n; j++) v[j] = (float)((j % 5) * (R + 1));
    dive_dist_allreduce_f32(d, v, n);
    for (bad = 0, j = 0; j < n; j++) bad += v[j] != (float)((j % 5) * N * (N + 1) / 2);
    snprintf(buf, sizeof buf, "%lld floats, %d wrong", (long long)n, bad);
    check(bad == 0, "allreduce_f32 of a 3M-float arena", buf);
    free(v);
  }
  {
    char msg[32];
    snprintf(msg, sizeof msg, R == N - 1 ? "from the last rank" : "not yet");
    dive_dist_bcast(d, msg, sizeof msg, N - 1);
    check(!strcmp(msg, "from the last rank"), "bcast from the last rank", msg);
  }
  {
    dive_status s = dive_dist_agree(d, R == 1 ? DIVE_ERR_IO : DIVE_OK, &who);
    snprintf(buf, sizeof buf, "status %d, rank %d", (int)s, who);
    check(s == DIVE_ERR_IO && who == 1, "agree: every rank learns rank 1 failed", buf);
    s = dive_dist_agree(d, DIVE_OK, &who);
    check(s == DIVE_OK && who == -1, "agree: all well", NULL);
  }
  /* every rank's verdict: rank 0 prints the total */
  {
    double v[2];
    v[0] = g_pass; v[1] = g_fail;
    dive_dist_allreduce_f64(d, v, 2);
    if (R == 0) printf("%d passed, %d failed, 0 skipped\n", (int)v[0] / N, (int)(v[1] + 0.5));
    bad = v[1] > 0;
  }
  dive_dist_destroy(d);
  return bad;
}
