/* dive_cli.h - the command line shared by the example programs (public dive.h API only).

   Each example (fashion_mnist_lt.c, cifar_lt.c, imagenet_lt.c, inat2018.c) fills a
   cli_dataset with its defaults and a loader function, then calls cli_main(). This file
   holds what they share: flags, the training loop (schedule, progress, evaluation by
   Many/Medium/Few, train.csv, results.json, checkpoints every epoch, --resume), the VE
   analysis and the --pipeline (BSCE teacher -> VE analysis -> DiVE student, with a CE
   baseline on request) that ends with one results table. dive_modes.h adds the schedule
   flags, --seeds, and what a user does with a trained model (--eval, --predict,
   --eval-shift, --features); dive_report.h writes report.html.
   Include it after dive.h, in one file of the program. */
#ifndef DIVE_CLI_H
#define DIVE_CLI_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/stat.h>
#include <dirent.h>
#include <unistd.h>
#include <math.h>
#include "dive_report.h"

typedef struct cli_opts {
  const char *data, *method, *teacher, *out, *backend, *sched, *dump_indices, *train_list, *test_list, *root;
  int epochs, batch, threads, limit_train, limit_test, resume, pipeline, baseline, classes, depth, width;
  int no_bsce, mix_gt, size, skip_bad, quiet, analyze;
  double lr, imb, T, power, alpha, wd;
  unsigned long long seed;
  int T_set, power_set; /* given on the command line (the pipeline otherwise takes the analyzer's pick) */
  /* dive_modes.h: schedules, repeated runs, the modes on a trained model */
  int milestones[DIVE_MAX_MILESTONES]; /* 0-terminated; none = 60% / 80% of the epochs */
  int warmup;                          /* epochs; -1 = 5 * epochs / 200 (BBN), 0 = none */
  int seeds;                           /* runs, with seeds seed .. seed + seeds - 1 */
  int keep_power;                      /* --pipeline keeps `power` (the dataset's recipe) */
  double gamma;                        /* multistep factor; 0 = 0.01 */
  const char *eval, *predict, *model, *names, *features;
  char **shift;                        /* --eval-shift checkpoints */
  int nshift;
  const char *arch, *teacher_arch; /* --arch (NULL: the CIFAR ResNet of --depth), --teacher-arch (NULL: --arch) */
  int depth_set;
  int sync_bn; /* DIVE_MPI: --sync-bn */
} cli_opts;

/* What an example supplies: defaults and how to load its train / test sets. */
typedef struct cli_dataset {
  const char *name;       /* "fashion_mnist_lt" */
  const char *about;      /* one line for --help */
  int in_channels, size;  /* model input: channels and side */
  float mean[3], std[3];  /* per-channel, of x/255 */
  int list_images;        /* 1: image lists (ImageNet-LT, iNaturalist) */
  cli_opts defaults;      /* epochs, batch, lr, imb, depth, ... */
  /* load the (long-tailed) training set and the balanced test set; print HINT on error */
  int (*load)(const cli_opts *o, dive_dataset *train, dive_dataset *test);
  /* optional: the dataset's own class names into names[0..classes) (malloc'ed strings);
     returns 1 when it has them */
  int (*load_names)(const cli_opts *o, int classes, char **names);
} cli_dataset;

/* dive_modes.h, included further down */
static int cli_parse_more(const cli_dataset *d, int argc, char **argv, int *i, cli_opts *o);
static int cli_check_more(const cli_opts *o);
static void cli_usage_more(const cli_dataset *d, FILE *f);

#define CLI_CHECK(call, what)                                                               \
  do {                                                                                      \
    dive_status s_ = (call);                                                                \
    if (s_) {                                                                               \
      fprintf(stderr, "error: %s: %s: %s\n", what, dive_status_str(s_),                     \
              g_ctx && dive_ctx_status(g_ctx) ? dive_ctx_error(g_ctx) : dive_last_error()); \
      cli_last_good();                                                                      \
      return 1;                                                                             \
    }                                                                                       \
  } while (0)

static dive_ctx *g_ctx;
static char g_state[1100]; /* the training state of the run in progress, "" before one */

/* Data parallelism (built with DIVE_MPI, run under mpirun / srun; docs/distributed.md):
   one replica per rank, each on its shard of every batch; rank 0 alone writes files and
   prints (the others' stdout goes to /dev/null). A failure on any rank ends the whole job
   (the others may be waiting for it in a collective): cli_last_good aborts it. */
#ifdef DIVE_MPI
static dive_dist *g_dist;
#define CLI_RANK dive_dist_rank(g_dist)
#define CLI_NRANKS dive_dist_size(g_dist)
#else
#define CLI_RANK 0
#define CLI_NRANKS 1
#endif

/* after a failure: name the checkpoint a --resume would start from (a device lost or out
   of memory can strike in any call, not only in the training step) */
static void cli_last_good(void) {
  struct stat st;
  if (g_state[0] && stat(g_state, &st) == 0) fprintf(stderr, "the last good checkpoint is %s (use --resume)\n", g_state);
#ifdef DIVE_MPI
  if (CLI_NRANKS > 1) dive_dist_abort(g_dist, 1, "failed (the error above)");
#endif
}

/* every rank's status of a step that only some ranks did (rank 0's checkpoint): the
   worst, with the failed rank named on the others */
static dive_status cli_agree(dive_status s, const char *what) {
#ifdef DIVE_MPI
  int who = -1;
  dive_status a;
  if (!g_dist || CLI_NRANKS < 2) return s;
  a = dive_dist_agree(g_dist, s, &who);
  if (a && !s) fprintf(stderr, "error: %s failed on rank %d\n", what, who);
  return a;
#else
  (void)what;
  return s;
#endif
}

/* the evaluation counts of every rank's shard of the test set, summed (exact groups) */
static dive_status cli_eval_reduce(dive_eval *ev) {
#ifdef DIVE_MPI
  const int C = ev->num_classes;
  double *v;
  int j;
  dive_status s;
  if (!g_dist || CLI_NRANKS < 2) return DIVE_OK;
  if (!(v = (double *)malloc(sizeof(double) * (size_t)(2 * C + 3)))) return DIVE_ERR_OOM;
  for (j = 0; j < C; j++) { v[j] = (double)ev->seen[j]; v[C + j] = (double)ev->hit1[j]; }
  v[2 * C] = (double)ev->n; v[2 * C + 1] = (double)ev->top1_hits; v[2 * C + 2] = (double)ev->top5_hits;
  s = dive_dist_allreduce_f64(g_dist, v, 2 * C + 3);
  for (j = 0; j < C && !s; j++) { ev->seen[j] = (int64_t)v[j]; ev->hit1[j] = (int64_t)v[C + j]; }
  if (!s) { ev->n = (int64_t)v[2 * C]; ev->top1_hits = (int64_t)v[2 * C + 1]; ev->top5_hits = (int64_t)v[2 * C + 2]; }
  free(v);
  return s;
#else
  (void)ev;
  return DIVE_OK;
#endif
}

/* The defaults every example shares (the CIFAR recipe); each example then sets its own. */
static void cli_dataset_init(cli_dataset *d, const char *name, const char *about, const char *out) {
  memset(d, 0, sizeof *d);
  d->name = name;
  d->about = about;
  d->in_channels = 3;
  d->size = 32;
  d->defaults.method = "ce";
  d->defaults.out = out;
  d->defaults.backend = "auto";
  d->defaults.sched = "multistep";
  d->defaults.epochs = 200;
  d->defaults.batch = 128;
  d->defaults.lr = 0.1;
  d->defaults.wd = 2e-4;
  d->defaults.imb = 100;
  d->defaults.depth = 32;
  d->defaults.width = 0; /* the architecture's */
  d->defaults.alpha = 0.5;
  d->defaults.power = 0.5;
  d->defaults.warmup = -1;
  d->defaults.seeds = 1;
}

/* The ImageNet-scale recipe ImageNet-LT and iNaturalist share (the paper's Appendix B):
   224 px, ImageNet's mean and std, list files of images, cosine decayed once per epoch
   without warm-up, 90 epochs, weight decay 5e-4, the lists long-tailed already. */
static inline void cli_imagenet_recipe(cli_dataset *d) {
  d->size = 224;
  d->mean[0] = 0.485f; d->mean[1] = 0.456f; d->mean[2] = 0.406f;
  d->std[0] = 0.229f; d->std[1] = 0.224f; d->std[2] = 0.225f;
  d->list_images = 1;
  d->defaults.sched = "cosine";
  d->defaults.epochs = 90;
  d->defaults.wd = 5e-4;
  d->defaults.imb = 1;
  d->defaults.warmup = 0; /* none: "cosine decayed epoch by epoch" from the first */
}

/* ImageNet-LT / iNaturalist: the training and test lists in --data (or given alone). */
static inline int cli_load_lists(const cli_opts *o, const char *train_name, const char *test_name, dive_dataset *train,
                          dive_dataset *test) {
  char tr[1100], te[1100];
  const char *root = o->root ? o->root : o->data;
  if (!o->data && !(o->train_list && o->test_list && o->root)) {
    fprintf(stderr, "error: no --data\nHINT: pass --data DIR with DIR/%s, DIR/%s and the images under DIR "
                    "(or --train-list, --test-list and --root)\n", train_name, test_name);
    return 1;
  }
  snprintf(tr, sizeof tr, "%s/%s", o->data ? o->data : ".", train_name);
  snprintf(te, sizeof te, "%s/%s", o->data ? o->data : ".", test_name);
  if (dive_dataset_load_list(train, o->train_list ? o->train_list : tr, root, o->classes) ||
      dive_dataset_load_list(test, o->test_list ? o->test_list : te, root, o->classes)) {
    fprintf(stderr, "error: %s\nHINT: the list files are \"relative/path.jpg label\" per line\n", dive_last_error());
    return 1;
  }
  return 0;
}

/* ---------------------------------------------------------------- flags */
/* the architecture of the model (teacher 0) or of the teacher (1), for messages */
static const char *cli_arch_name(const cli_opts *o, int teacher) {
  static char buf[2][32];
  const char *a = teacher && o->teacher_arch ? o->teacher_arch : o->arch;
  if (a && *a) return a;
  snprintf(buf[teacher], sizeof buf[teacher], "resnet%d", o->depth);
  return buf[teacher];
}

/* The model desc the options ask for: --arch (or the CIFAR ResNet of --depth), --width,
   the dataset's channels, --size, --batch, --seed; the teacher's with --teacher-arch. */
static dive_resnet_desc cli_resnet_desc(const cli_dataset *d, const cli_opts *o, int classes, int teacher) {
  dive_resnet_desc rd;
  const char *a = teacher && o->teacher_arch ? o->teacher_arch : o->arch;
  memset(&rd, 0, sizeof rd);
  rd.arch = a;
  rd.depth = !a || !*a || o->depth_set ? o->depth : 0;
  rd.in_channels = d->in_channels;
  rd.num_classes = classes;
  rd.base_width = o->width;
  rd.height = rd.width = o->size;
  rd.max_batch = o->batch;
  rd.seed = o->seed;
  return rd;
}

static void cli_arch_list(FILE *f) {
  const char *nm;
  int i;
  fprintf(f, "\narchitectures (--arch, --teacher-arch; torchvision's names and checkpoints):\n ");
  for (i = 0; (nm = dive_resnet_arch_name(i)); i++) fprintf(f, " %s", nm);
  fprintf(f, "\n  (resnet8 ... resnet110: the CIFAR family, any 6n+2 depth as resnet<6n+2> or --depth)\n");
}

/* an architecture name dive.h knows: one of the list, or resnet<6n+2> */
static int cli_arch_ok(const char *flag, const char *a) {
  const char *nm;
  int i, n = 0;
  char end = 0;
  for (i = 0; (nm = dive_resnet_arch_name(i)); i++)
    if (!strcmp(a, nm)) return 1;
  if (sscanf(a, "resnet%d%c", &n, &end) == 1 && n >= 8 && (n - 2) % 6 == 0 && a[6] != '0') return 1;
  fprintf(stderr, "error: %s %s: unknown architecture\n", flag, a);
  cli_arch_list(stderr);
  return 0;
}

static void cli_usage(const cli_dataset *d, FILE *f) {
  const cli_opts *o = &d->defaults;
  fprintf(f, "%s - %s\n\nusage: %s [flags]\n\n", d->name, d->about, d->name);
  fprintf(f,
          "  --data DIR          dataset folder%s\n"
          "  --method M          ce | bsce | dive | kd (KD with CE: (1-alpha) CE + alpha T^2 KL) (default %s)\n"
          "  --pipeline          BSCE teacher, VE analysis, DiVE student; prints the results table\n"
          "  --baseline          with --pipeline: also train the CE baseline\n"
          "  --teacher CKPT      dive, kd: the teacher checkpoint (safetensors, PyTorch names)\n"
          "  --T T               dive, kd: temperature (default 3; --pipeline: the analyzer's pick)\n"
          "  --power P           dive, kd: teacher power normalization, 1 = off (default %g)\n"
          "  --alpha A           dive, kd: weight of the KD term, 0 = the first term alone (default 0.5)\n"
          "  --no-bsce           dive, kd: drop the first term: alpha T^2 KL (Eq. 15 without BSCE, Table 6)\n"
          "  --mix-gt            dive, kd: mix the groundtruth into the KD target (Eq. 6, Table 6)\n"
          "  --analyze CKPT      only run the VE analyzer on CKPT (writes ve.json, ve.svg)\n"
          "  --epochs N          (default %d)\n"
          "  --batch B           the global batch: under mpirun each of the N ranks takes B/N of it\n"
          "                      (B must be a multiple of N) (default %d)\n"
          "  --lr LR             base learning rate (default %g)\n"
          "  --wd WD             weight decay (default %g)\n"
          "  --sched S           multistep (BBN: warm-up, x0.01 at 60%% and 80%%) | cosine (decayed once per\n"
          "                      epoch, as the paper) | cosine-step (every step) | constant (default %s)\n"
          "  --imb IF            imbalance factor of the long-tailed training set (default %g)\n"
          "  --arch A            the network, one of the architectures below (default %s)\n"
          "  --teacher-arch A    dive: the teacher's network, for --teacher CKPT (a torchvision\n"
          "                      checkpoint too) and the --pipeline's BSCE teacher (default --arch)\n"
          "  --depth D           the CIFAR ResNet's depth 6n+2, without --arch (default %d)\n"
          "  --width W           channels of the first stage (default: the architecture's, 16 for\n"
          "                      the CIFAR family, 64 for the ImageNet family)\n"
          "  --seed S            initialization, shuffling and augmentation (default %llu)\n"
          "  --threads N         OpenMP threads and loader workers (default: all cores; under mpirun\n"
          "                      the cores / the ranks on the machine)\n"
          "  --backend B         auto | cpu | vulkan (default auto)\n"
          "  --out DIR           checkpoints, train.csv, results.json, ve.json/svg (default %s)\n"
          "  --resume            continue from the last complete epoch saved in --out\n"
          "  --limit-train N     use N training images (spread over the set) for quick runs\n"
          "  --limit-test N      use N test images\n"
          "  --dump-indices F    write the kept training indices (0-based, one per line) and exit\n"
          "  --classes N         number of classes, where the dataset has variants (default %d)\n",
          d->list_images ? " (list files and images; see --train-list, --test-list, --root)" : "",
          o->method, o->power, o->epochs, o->batch, o->lr, o->wd, o->sched, o->imb, cli_arch_name(o, 0), o->depth, o->seed, o->out,
          o->classes);
  if (d->list_images)
    fprintf(f,
            "  --train-list F      training list, \"path label\" per line (default in --data)\n"
            "  --test-list F       test list (default in --data)\n"
            "  --root DIR          folder the list paths are relative to (default --data)\n"
            "  --size S            input side after cropping (default %d)\n"
            "  --skip-bad          leave out images that fail to decode (counted)\n",
            d->size);
  cli_usage_more(d, f);
#ifdef DIVE_MPI
  fprintf(f, "  --sync-bn           BN statistics over every rank's images (default: per rank, as DDP)\n");
#endif
  fprintf(f, "  --quiet             no progress bar\n  --help\n");
  cli_arch_list(f);
}

static int cli_num(const char *flag, const char *v, double lo, double hi, double *out) {
  char *end;
  double x;
  errno = 0;
  x = strtod(v, &end);
  if (!*v || *end || errno || !(x >= lo && x <= hi)) {
    fprintf(stderr, "error: %s %s: expected a number in [%g, %g]\n", flag, v, lo, hi);
    return 0;
  }
  *out = x;
  return 1;
}

/* returns 0 to go on, 1 to exit with success (--help), 2 on a bad command line */
static int cli_parse(const cli_dataset *d, int argc, char **argv, cli_opts *o) {
  int i;
  *o = d->defaults;
  o->size = d->size;
  for (i = 1; i < argc; i++) {
    const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
    double x;
    int more = cli_parse_more(d, argc, argv, &i, o); /* dive_modes.h */
    if (more < 0) return 2;
    if (more) continue;
#define CLI_INT(name, field, lo, hi) \
  else if (!strcmp(a, name)) { if (!v) { fprintf(stderr, "error: %s needs a value\n", a); return 2; } \
    if (!cli_num(a, v, lo, hi, &x)) { return 2; } \
    if (x != (double)(long long)x) { fprintf(stderr, "error: %s %s: expected an integer\n", a, v); return 2; } \
    o->field = (int)x; i++; }
#define CLI_DBL(name, field, lo, hi) \
  else if (!strcmp(a, name)) { if (!v) { fprintf(stderr, "error: %s needs a value\n", a); return 2; } \
    if (!cli_num(a, v, lo, hi, &x)) { return 2; } \
    o->field = x; i++; }
    if (!strcmp(a, "--depth")) o->depth_set = 1;
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) { cli_usage(d, stdout); return 1; }
    else if (!strcmp(a, "--pipeline")) o->pipeline = 1;
    else if (!strcmp(a, "--baseline")) o->baseline = 1;
    else if (!strcmp(a, "--resume")) o->resume = 1;
    else if (!strcmp(a, "--no-bsce")) o->no_bsce = 1;
    else if (!strcmp(a, "--mix-gt")) o->mix_gt = 1;
    else if (!strcmp(a, "--quiet")) o->quiet = 1;
#ifdef DIVE_MPI
    else if (!strcmp(a, "--sync-bn")) o->sync_bn = 1;
#endif
    else if (!strcmp(a, "--skip-bad") && d->list_images) o->skip_bad = 1;
    else if (!strcmp(a, "--data") || !strcmp(a, "--method") || !strcmp(a, "--teacher") || !strcmp(a, "--out") ||
             !strcmp(a, "--backend") || !strcmp(a, "--sched") || !strcmp(a, "--dump-indices") ||
             !strcmp(a, "--analyze") || !strcmp(a, "--arch") || !strcmp(a, "--teacher-arch") ||
             (d->list_images && (!strcmp(a, "--train-list") ||
             !strcmp(a, "--test-list") || !strcmp(a, "--root")))) {
      if (!v) { fprintf(stderr, "error: %s needs a value\n", a); return 2; }
      i++;
      if (!strcmp(a, "--data")) o->data = v;
      else if (!strcmp(a, "--method")) o->method = v;
      else if (!strcmp(a, "--teacher")) o->teacher = v;
      else if (!strcmp(a, "--out")) o->out = v;
      else if (!strcmp(a, "--backend")) o->backend = v;
      else if (!strcmp(a, "--sched")) o->sched = v;
      else if (!strcmp(a, "--dump-indices")) o->dump_indices = v;
      else if (!strcmp(a, "--analyze")) { o->teacher = v; o->analyze = 1; }
      else if (!strcmp(a, "--arch") || !strcmp(a, "--teacher-arch")) {
        if (!cli_arch_ok(a, v)) return 2;
        if (!strcmp(a, "--arch")) o->arch = v; else o->teacher_arch = v;
      }
      else if (!strcmp(a, "--train-list")) o->train_list = v;
      else if (!strcmp(a, "--test-list")) o->test_list = v;
      else o->root = v;
    }
    CLI_INT("--epochs", epochs, 1, 100000)
    CLI_INT("--batch", batch, 1, 65536)
    CLI_INT("--threads", threads, 1, 1024)
    CLI_INT("--limit-train", limit_train, 1, 1e9)
    CLI_INT("--limit-test", limit_test, 1, 1e9)
    CLI_INT("--depth", depth, 8, 1202)
    CLI_INT("--width", width, 1, 1024)
    CLI_INT("--size", size, 8, 4096)
    CLI_INT("--classes", classes, 2, 100000)
    CLI_DBL("--lr", lr, 0, 100)
    CLI_DBL("--wd", wd, 0, 0.999)
    CLI_DBL("--imb", imb, 1, 1e6)
    CLI_DBL("--alpha", alpha, 0, 1)
    else if (!strcmp(a, "--T")) {
      if (!v || !cli_num(a, v, 0.01, 1000, &o->T)) { if (!v) fprintf(stderr, "error: --T needs a value\n"); return 2; }
      o->T_set = 1; i++;
    } else if (!strcmp(a, "--power")) {
      if (!v || !cli_num(a, v, 0.01, 100, &o->power)) { if (!v) fprintf(stderr, "error: --power needs a value\n"); return 2; }
      o->power_set = 1; i++;
    } else if (!strcmp(a, "--seed")) {
      if (!v || !cli_num(a, v, 0, 1.8e19, &x)) { if (!v) fprintf(stderr, "error: --seed needs a value\n"); return 2; }
      o->seed = (unsigned long long)x; i++;
    } else {
      fprintf(stderr, "error: unknown flag %s (see --help)\n", a);
      return 2;
    }
#undef CLI_INT
#undef CLI_DBL
  }
  if (strcmp(o->method, "ce") && strcmp(o->method, "bsce") && strcmp(o->method, "dive") && strcmp(o->method, "kd")) {
    fprintf(stderr, "error: --method %s: expected ce, bsce, dive or kd\n", o->method);
    return 2;
  }
  if (strcmp(o->backend, "auto") && strcmp(o->backend, "cpu") && strcmp(o->backend, "vulkan")) {
    fprintf(stderr, "error: --backend %s: expected auto, cpu or vulkan\n", o->backend);
    return 2;
  }
  if (strcmp(o->sched, "multistep") && strcmp(o->sched, "cosine") && strcmp(o->sched, "cosine-step") &&
      strcmp(o->sched, "constant")) {
    fprintf(stderr, "error: --sched %s: expected multistep, cosine, cosine-step or constant\n", o->sched);
    return 2;
  }
  if (!cli_check_more(o)) return 2;
  if (o->batch % CLI_NRANKS) {
    fprintf(stderr, "error: --batch %d: the global batch must be a multiple of the %d ranks\n", o->batch, CLI_NRANKS);
    return 2;
  }
  if (o->no_bsce && o->alpha == 0) {
    fprintf(stderr, "error: --no-bsce with --alpha 0 leaves no loss term: expected --alpha in (0, 1]\n");
    return 2;
  }
  if ((o->depth - 2) % 6) {
    fprintf(stderr, "error: --depth %d: expected 6n+2 (8, 14, 20, 32, 44, 56, 110)\n", o->depth);
    return 2;
  }
  if ((!strcmp(o->method, "dive") || !strcmp(o->method, "kd")) && !o->pipeline && !o->teacher && !o->dump_indices &&
      !o->eval && !o->predict && !o->nshift && !o->features) {
    fprintf(stderr, "error: --method %s needs --teacher CKPT (or use --pipeline)\n", o->method);
    return 2;
  }
  return 0;
}

/* ---------------------------------------------------------------- helpers */
static int cli_mkdir(const char *dir) {
  char p[1024];
  size_t i, n = strlen(dir);
  if (n >= sizeof p) return 0;
  memcpy(p, dir, n + 1);
  for (i = 1; i <= n; i++)
    if (p[i] == '/' || p[i] == 0) {
      char c = p[i];
      p[i] = 0;
      if (mkdir(p, 0755) != 0 && errno != EEXIST) {
        fprintf(stderr, "error: cannot create folder %s: %s\n", p, strerror(errno));
        return 0;
      }
      p[i] = c;
    }
  return 1;
}

static int cli_exists(const char *path) {
  struct stat st;
  return stat(path, &st) == 0;
}

/* Keep `limit` images spread evenly over the set (every class keeps its share). */
static int cli_limit(dive_dataset *ds, int limit) {
  int64_t *keep, i;
  dive_status s;
  if (limit <= 0 || limit >= ds->n) return 1;
  keep = (int64_t *)malloc(sizeof(int64_t) * (size_t)limit);
  if (!keep) return 0;
  for (i = 0; i < limit; i++) keep[i] = i * ds->n / limit;
  s = dive_dataset_subset(ds, keep, limit);
  free(keep);
  if (s) fprintf(stderr, "error: --limit: %s\n", dive_last_error());
  return s == DIVE_OK;
}

/* ---------------------------------------------------------------- one training run */
typedef struct cli_result {
  char method[64];
  dive_eval ev;
  double seconds;
  int epochs, done;
  int ncurve;                      /* epochs in train.csv: the training curves */
  double *curve_loss, *curve_top1;
  char source[1100];               /* --eval: the checkpoint */
} cli_result;

static void cli_result_free(cli_result *r) {
  dive_eval_free(&r->ev);
  free(r->curve_loss);
  free(r->curve_top1);
  r->curve_loss = r->curve_top1 = NULL;
  r->ncurve = 0;
}

/* the loss and test top-1 of every epoch from train.csv (resumed runs included) */
static void cli_read_curves(const char *csv, cli_result *r) {
  FILE *f = fopen(csv, "r");
  char line[4096];
  int cap = 0;
  if (!f) return;
  while (fgets(line, sizeof line, f)) {
    int ep;
    double loss, lr, top1;
    if (sscanf(line, "%d,%lf,%lf,%lf", &ep, &loss, &lr, &top1) != 4) continue; /* the header */
    if (r->ncurve == cap) {
      double *a, *b;
      cap = cap ? 2 * cap : 64;
      a = (double *)realloc(r->curve_loss, sizeof(double) * (size_t)cap);
      if (a) r->curve_loss = a;
      b = (double *)realloc(r->curve_top1, sizeof(double) * (size_t)cap);
      if (b) r->curve_top1 = b;
      if (!a || !b) break;
    }
    r->curve_loss[r->ncurve] = loss;
    r->curve_top1[r->ncurve] = top1;
    r->ncurve++;
  }
  fclose(f);
}

static const char *cli_backend_name(void) {
  return dive_query_backend(g_ctx) == DIVE_BACKEND_VULKAN ? "vulkan" : "cpu";
}

static dive_status cli_make_model(const cli_dataset *d, const cli_opts *o, int classes, dive_resnet **m) {
  dive_resnet_desc rd = cli_resnet_desc(d, o, classes, 0);
  return dive_resnet_create(g_ctx, m, &rd);
}

static dive_status cli_loader(const cli_dataset *d, const cli_opts *o, const dive_dataset *ds, int train,
                              dive_loader **ld) {
  dive_loader_desc ldd;
  int c;
  memset(&ldd, 0, sizeof ldd);
  ldd.batch_size = o->batch;
  ldd.shuffle = train == 1;
  /* train 0: the test set, 1: the training set, 2: the whole training set on every rank */
  if (train < 2 && CLI_NRANKS > 1) {
    int64_t last = ds->n % o->batch;
    ldd.shards = CLI_NRANKS;
    ldd.shard = CLI_RANK;
    /* training: a last partial batch with fewer images than ranks is left out (a rank
       without images could not take part in the step); any other is split as evenly as
       possible (parts differ by at most one image) */
    ldd.drop_last = train == 1 && last > 0 && last < CLI_NRANKS;
  }
  ldd.augment = train == 1 ? (d->list_images ? DIVE_AUG_RESIZED_CROP : DIVE_AUG_CROP_FLIP) : DIVE_AUG_NONE;
  for (c = 0; c < 3; c++) {
    ldd.mean[c] = d->mean[c];
    ldd.std[c] = d->std[c];
  }
  ldd.seed = o->seed * 7919 + 17;
  ldd.threads = o->threads;
  ldd.out_size = o->size;
  ldd.jitter = (train == 1 && d->list_images && !strcmp(d->name, "imagenet_lt")) ? 0.4f : 0.0f;
  ldd.skip_bad = o->skip_bad;
  return dive_loader_create(ld, ds, &ldd);
}

/* logits of a whole set, batch by batch, into the evaluation and/or the VE report */
static int cli_sweep(dive_resnet *m, dive_loader *ld, int classes, float *x, dive_eval *ev, dive_ve_report *ve) {
  float *logits = (float *)malloc(sizeof(float) * (size_t)dive_resnet_get_desc(m)->max_batch * (size_t)classes);
  int32_t *y = (int32_t *)malloc(sizeof(int32_t) * (size_t)dive_resnet_get_desc(m)->max_batch);
  int n;
  if (!logits || !y) { free(logits); free(y); fprintf(stderr, "error: out of memory\n"); return 1; }
  CLI_CHECK(dive_loader_reset(ld, 0), "loader");
  for (;;) {
    CLI_CHECK(dive_loader_next(ld, x, y, &n), "loading a batch");
    if (!n) break;
    CLI_CHECK(dive_resnet_predict(m, x, n, logits), "evaluating");
    if (ev) CLI_CHECK(dive_eval_add(ev, logits, y, n), "evaluation");
    if (ve) CLI_CHECK(dive_ve_add(ve, logits, n), "VE analysis");
  }
  free(logits);
  free(y);
  return 0;
}

static void cli_progress(const cli_opts *o, int epoch, int step, int64_t steps, double loss, double ips, double eta) {
  if (o->quiet) return;
  if (isatty(2)) {
    int k, w = 24, fill = (int)(w * (step + 1) / (steps ? steps : 1));
    fprintf(stderr, "\r  epoch %d/%d [", epoch + 1, o->epochs);
    for (k = 0; k < w; k++) fputc(k < fill ? '=' : ' ', stderr);
    fprintf(stderr, "] %d/%lld loss %.4f %.0f img/s ETA %d:%02d   ", step + 1, (long long)steps, loss, ips,
            (int)eta / 60, (int)eta % 60);
  }
}

static void cli_json_str(FILE *f, const char *k, const char *v, int last) {
  fprintf(f, "  \"%s\": \"%s\"%s\n", k, v, last ? "" : ",");
}

static int cli_write_results(const char *path, const cli_result *r) {
  FILE *f = fopen(path, "w");
  int j;
  if (!f) { fprintf(stderr, "error: cannot write %s: %s\n", path, strerror(errno)); return 0; }
  fprintf(f, "{\n");
  cli_json_str(f, "method", r->method, 0);
  fprintf(f, "  \"epochs\": %d,\n  \"top1\": %.4f,\n  \"top5\": %.4f,\n  \"many\": %.4f,\n  \"medium\": %.4f,\n"
             "  \"few\": %.4f,\n  \"groups\": \"%s\",\n  \"per_class\": [",
          r->epochs, r->ev.top1, r->ev.top5, r->ev.many, r->ev.medium, r->ev.few,
          r->ev.by_thirds ? "head/middle/tail thirds" : "many/medium/few");
  for (j = 0; j < r->ev.num_classes; j++) fprintf(f, "%s%.4f", j ? ", " : "", r->ev.per_class[j]);
  fprintf(f, "],\n");
  if (r->source[0]) cli_json_str(f, "checkpoint", r->source, 0);
  cli_json_str(f, "backend", cli_backend_name(), 0);
  fprintf(f, "  \"seconds\": %.2f\n}\n", r->seconds);
  return fclose(f) == 0;
}

/* Train one model with `method` into dir; resumes from dir/state.safetensors. */
static int cli_train(const cli_dataset *d, const cli_opts *o, const char *method, const char *dir,
                     const dive_dataset *train, const dive_dataset *test, dive_resnet *teacher, double T,
                     double power, cli_result *res) {
  dive_resnet *m = NULL;
  dive_loader *ld = NULL, *tl = NULL;
  dive_loss_desc loss;
  dive_sgd_desc sgd;
  dive_schedule_desc sch;
  char state[1100], model[1100], csv[1100], json[1100];
  int64_t start = 0, steps;
  int epoch, c, h, w, classes = train->num_classes;
  float *x;
  int32_t *y;
  FILE *fc;
  double t0 = dive_time_sec(), seen = 0;

  memset(res, 0, sizeof *res);
  snprintf(res->method, sizeof res->method, "%s", method);
  if (!cli_mkdir(dir)) return 1;
  snprintf(state, sizeof state, "%s/state.safetensors", dir);
  snprintf(g_state, sizeof g_state, "%s", state);
  snprintf(model, sizeof model, "%s/model.safetensors", dir);
  snprintf(csv, sizeof csv, "%s/train.csv", dir);
  snprintf(json, sizeof json, "%s/results.json", dir);
  CLI_CHECK(cli_make_model(d, o, classes, &m), "building the model");
#ifdef DIVE_MPI
  if (g_dist) {
    dive_resnet_dist_desc dd;
    memset(&dd, 0, sizeof dd);
    dd.sync_bn = o->sync_bn;
    CLI_CHECK(dive_resnet_set_dist(m, g_dist, &dd), "data parallelism");
  }
#endif
  memset(&loss, 0, sizeof loss);
  loss.kind = !strcmp(method, "ce") ? DIVE_LOSS_CE : !strcmp(method, "bsce") ? DIVE_LOSS_BSCE
            : !strcmp(method, "kd") ? DIVE_LOSS_KD_CE : DIVE_LOSS_DIVE;
  loss.class_counts = train->class_counts;
  loss.T = (float)T;
  loss.power = (float)power;
  loss.alpha = (float)o->alpha;
  loss.alpha_set = 1; /* --alpha 0 means 0: the first term alone (no teacher run) */
  loss.no_bsce = o->no_bsce;
  loss.mix_groundtruth = o->mix_gt;
  memset(&sgd, 0, sizeof sgd);
  sgd.momentum = 0.9f;
  sgd.weight_decay = (float)o->wd;
  memset(&sch, 0, sizeof sch);
  sch.kind = !strncmp(o->sched, "cosine", 6) ? DIVE_SCHED_COSINE
           : !strcmp(o->sched, "constant") ? DIVE_SCHED_CONSTANT : DIVE_SCHED_MULTISTEP;
  sch.per_step = !strcmp(o->sched, "cosine-step");
  sch.lr = (float)o->lr;
  sch.epochs = o->epochs;
  sch.warmup_epochs = o->warmup < 0 ? 0 : o->warmup == 0 ? -1 : o->warmup;
  memcpy(sch.milestones, o->milestones, sizeof sch.milestones);
  sch.gamma = (float)o->gamma;

  { /* a run killed inside a checkpoint write leaves FILE.tmpPID: the rename never came */
    DIR *dd = CLI_RANK == 0 ? opendir(dir) : NULL; /* rank 0 writes them */
    struct dirent *de;
    char p[1200];
    while (dd && (de = readdir(dd)))
      if ((!strncmp(de->d_name, "state.safetensors.tmp", 21) || !strncmp(de->d_name, "model.safetensors.tmp", 21))) {
        snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
        remove(p);
      }
    if (dd) closedir(dd);
  }
  if (o->resume && cli_exists(state)) {
    CLI_CHECK(dive_resnet_load_state(m, state, &start), "resuming");
    start++;
    printf("%s: resuming after epoch %lld from %s\n", method, (long long)start, state);
  }
#ifdef DIVE_MPI
  /* every rank made (or read) the same weights: the seed's initialization, or the one
     state file (on a file system every rank sees) */
  if (g_dist && dive_resnet_dist_check(m)) {
    fprintf(stderr, "error: %s: the ranks do not start from the same weights%s: %s\n", method,
            o->resume ? " (--resume: every rank reads OUT/state.safetensors: is --out on a shared file system?)" : "",
            dive_ctx_error(g_ctx));
    cli_last_good();
    return 1;
  }
#endif
  CLI_CHECK(cli_loader(d, o, train, 1, &ld), "training loader");
  CLI_CHECK(cli_loader(d, o, test, 0, &tl), "test loader");
  dive_loader_shape(ld, &c, &h, &w);
  x = (float *)malloc(sizeof(float) * (size_t)o->batch * (size_t)(c * h * w));
  y = (int32_t *)malloc(sizeof(int32_t) * (size_t)o->batch);
  if (!x || !y) { fprintf(stderr, "error: out of memory\n"); return 1; }
  steps = dive_loader_batches(ld);
  /* train.csv: keep the header and the epochs before `start`, drop anything later */
  {
    char line[4096];
    long keep = 0;
    int lines = 0;
    FILE *old = start && CLI_RANK == 0 ? fopen(csv, "r") : NULL;
    if (old) {
      while (lines <= start && fgets(line, sizeof line, old)) { keep = ftell(old); lines++; }
      fclose(old);
      if (truncate(csv, keep) != 0) keep = 0;
    }
    fc = CLI_RANK == 0 ? fopen(csv, start && keep ? "a" : "w") : NULL;
    if (CLI_RANK == 0 && !fc) { fprintf(stderr, "error: cannot write %s: %s\n", csv, strerror(errno)); cli_last_good(); return 1; }
    if (fc && !(start && keep)) fprintf(fc, "epoch,loss,lr,top1,many,medium,few,img_per_s\n");
    if (fc) fflush(fc);
  }
  for (epoch = (int)start; epoch < o->epochs; epoch++) {
    double sum = 0, te = dive_time_sec(), ips;
    int n, step = 0;
    int64_t imgs = 0, mine = 0;
    dive_eval ev;
    CLI_CHECK(dive_loader_reset(ld, epoch), "loader");
    for (;;) {
      dive_status s;
      int64_t done = 0;
      CLI_CHECK(dive_loader_next(ld, x, y, &n), "loading a batch");
      if (!n) break;
      sgd.lr = dive_schedule_lr(&sch, epoch + (double)step / (double)steps);
      /* no loss_out: on Vulkan the step is submitted and the call returns while it runs
         (its loss and any error come with a later call or dive_resnet_sync) */
      s = dive_resnet_train_step(m, teacher, x, y, n, &loss, &sgd, NULL);
      if (!s) s = dive_resnet_sync(m, 0, &sum, &done); /* the finished steps: never blocks */
      if (s) {
        fprintf(stderr, "%serror: %s: epoch %d, step %d: %s: %s\n", isatty(2) && !o->quiet ? "\n" : "", method,
                epoch + 1, step + 1, dive_status_str(s), dive_ctx_error(g_ctx));
        cli_last_good();
        return 1;
      }
      imgs += (int64_t)n * CLI_NRANKS; /* about the global count; exact at the end of the epoch */
      mine += n;
      step++;
      ips = (double)imgs / (dive_time_sec() - te);
      cli_progress(o, epoch, step - 1, steps, done ? sum / (double)done : 0.0, ips,
                   ((double)(o->epochs - epoch) * (double)steps - step) * (double)o->batch / (ips > 0 ? ips : 1));
    }
    { /* every step of the epoch finished: the mean of their losses */
      int64_t done = 0;
      dive_status s = dive_resnet_sync(m, 1, &sum, &done);
      if (s) {
        fprintf(stderr, "%serror: %s: epoch %d, its last steps: %s: %s\n", isatty(2) && !o->quiet ? "\n" : "", method,
                epoch + 1, dive_status_str(s), dive_ctx_error(g_ctx));
        cli_last_good();
        return 1;
      }
      step = (int)done;
    }
#ifdef DIVE_MPI
    if (g_dist && CLI_NRANKS > 1) { /* the images of every rank */
      double v = (double)mine;
      CLI_CHECK(dive_dist_allreduce_f64(g_dist, &v, 1), "counting the images");
      imgs = (int64_t)v;
    }
#endif
    (void)mine;
    ips = (double)imgs / (dive_time_sec() - te);
    seen += (double)imgs;
    { /* the CPU step checks its gradients; this catches the rest before anything is saved */
      const dive_tensor *pt = dive_resnet_tensor(m, DIVE_RESNET_PARAMS);
      float *wt = (float *)malloc(sizeof(float) * (size_t)pt->numel);
      int64_t j, bad = 0;
      if (!wt) { fprintf(stderr, "error: out of memory\n"); return 1; }
      CLI_CHECK(dive_tensor_read(pt, wt, pt->numel), "reading the weights");
      for (j = 0; j < pt->numel; j++) bad += !(wt[j] - wt[j] == 0);
      free(wt);
      if (bad) {
        fprintf(stderr, "error: %s: after epoch %d, %lld weights are NaN or infinite (lower --lr?)\n", method,
                epoch + 1, (long long)bad);
        cli_last_good();
        return 1;
      }
    }
    CLI_CHECK(dive_eval_begin(&ev, classes, train->class_counts), "evaluation");
    if (cli_sweep(m, tl, classes, x, &ev, NULL)) return 1;
    CLI_CHECK(cli_eval_reduce(&ev), "evaluation");
    CLI_CHECK(dive_eval_end(&ev), "evaluation");
    if (!o->quiet && isatty(2)) fprintf(stderr, "\r%100s\r", "");
    printf("%s epoch %d/%d: loss %.4f lr %.5f top-1 %.2f (%s %.2f / %.2f / %.2f) %.0f img/s\n", method, epoch + 1,
           o->epochs, sum / (step ? step : 1), sgd.lr, ev.top1, ev.by_thirds ? "head/mid/tail" : "many/med/few",
           ev.many, ev.medium, ev.few, ips);
    if (fc) {
      fprintf(fc, "%d,%.6f,%.6f,%.4f,%.4f,%.4f,%.4f,%.1f\n", epoch + 1, sum / (step ? step : 1), sgd.lr, ev.top1,
              ev.many, ev.medium, ev.few, ips);
      fflush(fc);
    }
#ifdef DIVE_MPI
    if (g_dist) CLI_CHECK(dive_resnet_dist_check(m), "the replicas after the epoch");
#endif
    CLI_CHECK(cli_agree(CLI_RANK == 0 ? dive_resnet_save_state(m, state, epoch) : DIVE_OK, "the checkpoint"),
              "checkpoint");
    if (epoch + 1 == o->epochs) res->ev = ev;
    else dive_eval_free(&ev);
  }
  if (fc) fclose(fc);
  if (start >= o->epochs) { /* everything was done before: evaluate the final state */
    CLI_CHECK(dive_eval_begin(&res->ev, classes, train->class_counts), "evaluation");
    if (cli_sweep(m, tl, classes, x, &res->ev, NULL)) return 1;
    CLI_CHECK(cli_eval_reduce(&res->ev), "evaluation");
    CLI_CHECK(dive_eval_end(&res->ev), "evaluation");
  }
  CLI_CHECK(cli_agree(CLI_RANK == 0 ? dive_resnet_save(m, model) : DIVE_OK, "saving the model"), "saving the model");
  res->seconds = dive_time_sec() - t0;
  res->epochs = o->epochs;
  res->done = 1;
  if (CLI_RANK == 0) cli_read_curves(csv, res);
  if (CLI_RANK == 0 && !cli_write_results(json, res)) { cli_last_good(); return 1; }
  printf("%s: top-1 %.2f, top-5 %.2f; model %s (%.0f s)\n", method, res->ev.top1, res->ev.top5, model, res->seconds);
  (void)seen;
  free(x);
  free(y);
  dive_loader_destroy(ld);
  dive_loader_destroy(tl);
  dive_resnet_destroy(m);
  return 0;
}

/* VE analysis of a teacher over the training set (no augmentation). */
static int cli_analyze(const cli_dataset *d, const cli_opts *o, dive_resnet *teacher, const dive_dataset *train,
                       const char *dir, dive_ve_report *ve) {
  dive_loader *ld;
  float *x;
  char p[1100];
  int c, h, w;
  CLI_CHECK(cli_loader(d, o, train, 2, &ld), "analysis loader"); /* every rank: the whole set */
  dive_loader_shape(ld, &c, &h, &w);
  x = (float *)malloc(sizeof(float) * (size_t)o->batch * (size_t)(c * h * w));
  if (!x) return 1;
  CLI_CHECK(dive_ve_begin(ve, train->num_classes, train->class_counts, 10), "VE analysis");
  if (cli_sweep(teacher, ld, train->num_classes, x, NULL, ve)) return 1;
  CLI_CHECK(dive_ve_end(ve), "VE analysis");
  if (!cli_mkdir(dir)) return 1;
  CLI_CHECK(dive_ve_write_table(ve, NULL), "VE table");
  snprintf(p, sizeof p, "%s/ve.json", dir);
  if (CLI_RANK == 0) CLI_CHECK(dive_ve_write_json(ve, p), "ve.json");
  snprintf(p, sizeof p, "%s/ve.svg", dir);
  if (CLI_RANK == 0) CLI_CHECK(dive_ve_write_svg(ve, p), "ve.svg");
  printf("VE analysis written to %s/ve.json and %s/ve.svg\n", dir, dir);
  free(x);
  dive_loader_destroy(ld);
  return 0;
}

static int cli_load_teacher(const cli_dataset *d, const cli_opts *o, const char *path, int classes, dive_resnet **t) {
  dive_resnet_desc rd = cli_resnet_desc(d, o, classes, 1);
  CLI_CHECK(dive_resnet_create(g_ctx, t, &rd), "building the teacher");
  CLI_CHECK(dive_resnet_load(*t, path), "loading the teacher");
  return 0;
}

#include "dive_modes.h" /* --eval, --predict, --eval-shift, --features, --seeds, report.html */

/* ---------------------------------------------------------------- one run or one pipeline */
/* The training run (--method) or the pipeline (--pipeline) of one seed, o->seed, into
   o->out: trains, prints the results table, writes results.json and report.html. The
   results land in res[0..*nres) (the caller frees them); *T and *p are the distillation
   settings used (0 when none). */
static int cli_run(const cli_dataset *d, const cli_opts *o, const dive_dataset *train, const dive_dataset *test,
                   cli_result *res, int *nres, double *T_used, double *p_used) {
  cli_summary sum[4];
  cli_settings st;
  char dir[1100], title[200], **names;
  int i, have_ve = 0, ok;
  *nres = 0;
  *T_used = *p_used = 0;
  if (!o->pipeline) {
    dive_resnet *t = NULL;
    const int kd = !strcmp(o->method, "dive") || !strcmp(o->method, "kd");
    if (kd && cli_load_teacher(d, o, o->teacher, train->num_classes, &t)) return 1;
    if (kd) { *T_used = o->T_set ? o->T : 3; *p_used = o->power; }
    if (cli_train(d, o, o->method, o->out, train, test, t, *T_used ? *T_used : 3, *p_used ? *p_used : 0.5, &res[0]))
      return 1;
    *nres = 1;
    dive_resnet_destroy(t);
  } else {
    dive_resnet *t = NULL;
    dive_ve_report ve;
    double T, p;
    if (o->baseline) {
      snprintf(dir, sizeof dir, "%s/ce", o->out);
      if (cli_train(d, o, "ce", dir, train, test, NULL, 0, 0, &res[(*nres)++])) return 1;
    }
    printf("== teacher: BSCE\n");
    snprintf(dir, sizeof dir, "%s/bsce", o->out);
    {
      cli_opts to = *o; /* the teacher is trained as --teacher-arch */
      to.arch = o->teacher_arch ? o->teacher_arch : o->arch;
      if (cli_train(d, &to, "bsce", dir, train, test, NULL, 0, 0, &res[(*nres)++])) return 1;
    }
    snprintf(dir, sizeof dir, "%s/bsce/model.safetensors", o->out);
    if (cli_load_teacher(d, o, dir, train->num_classes, &t)) return 1;
    printf("== VE analysis of the teacher\n");
    if (cli_analyze(d, o, t, train, o->out, &ve)) return 1;
    have_ve = 1;
    if (o->power_set || o->keep_power) {
      /* the power is fixed (--power, or the dataset's recipe): keep the analyzer's effective
         teacher temperature T/p, so the teacher's distribution is the one it picked */
      p = o->power;
      T = o->T_set ? o->T : ve.pick_flat ? ve.pick_T / (double)ve.pick_power * p : 3;
    } else {
      p = ve.pick_power;
      T = o->T_set ? o->T : ve.pick_T;
    }
    printf("== student: DiVE with T=%g, power=%g, alpha=%g%s%s\n", T, p, o->alpha,
           o->no_bsce ? ", no BSCE term" : "", o->mix_gt ? ", groundtruth mixed in" : "");
    snprintf(dir, sizeof dir, "%s/dive", o->out);
    if (cli_train(d, o, "dive", dir, train, test, t, T, p, &res[(*nres)++])) return 1;
    *T_used = T;
    *p_used = p;
    {
      FILE *f;
      snprintf(dir, sizeof dir, "%s/results.json", o->out);
      f = CLI_RANK == 0 ? fopen(dir, "w") : NULL;
      if (f) {
        fprintf(f, "{\n  \"dataset\": \"%s\",\n  \"T\": %g,\n  \"power\": %g,\n  \"seed\": %llu,\n  \"runs\": [\n",
                d->name, T, p, o->seed);
        for (i = 0; i < *nres; i++)
          fprintf(f, "    {\"method\": \"%s\", \"epochs\": %d, \"top1\": %.4f, \"top5\": %.4f, \"many\": %.4f, "
                     "\"medium\": %.4f, \"few\": %.4f, \"seconds\": %.1f}%s\n",
                  res[i].method, res[i].epochs, res[i].ev.top1, res[i].ev.top5, res[i].ev.many, res[i].ev.medium,
                  res[i].ev.few, res[i].seconds, i + 1 < *nres ? "," : "");
        fprintf(f, "  ],\n  \"backend\": \"%s\"\n}\n", cli_backend_name());
        fclose(f);
      }
    }
    dive_ve_free(&ve);
    dive_resnet_destroy(t);
  }
  for (i = 0; i < *nres; i++) cli_summarize(&res[i], 1, 1, &sum[i]);
  cli_table_summary(sum, *nres, res[0].ev.by_thirds, res[0].ev.num_classes);
  snprintf(title, sizeof title, "%s: %s, seed %llu", d->name, o->pipeline ? "the DiVE pipeline" : o->method, o->seed);
  cli_settings_fill(&st, d, o, train, test, o->pipeline ? (o->baseline ? "--pipeline --baseline" : "--pipeline")
                                                        : o->method, *T_used, *p_used);
  snprintf(dir, sizeof dir, "%s/ve.svg", o->out);
  names = cli_class_names(d, o, train->num_classes, &ok);
  if (ok) return 1;
  ok = CLI_RANK ? 1 : cli_report_write(o->out, title, sum, *nres, train->class_counts, train->num_classes, names,
                                         have_ve ? dir : NULL, &st, NULL, NULL);
  cli_free_names(names, train->num_classes);
  for (i = 0; i < *nres; i++) cli_summary_free(&sum[i]);
  return ok ? 0 : 1;
}

/* --seeds N: cli_run for seeds S .. S+N-1 (each into OUT/seed_K), then the mean +- std
   of every method and group in the table, OUT/results.json and OUT/report.html. One seed
   runs straight into OUT. */
static int cli_run_seeds(const cli_dataset *d, const cli_opts *o, const dive_dataset *train,
                         const dive_dataset *test) {
  const int N = o->seeds > 0 ? o->seeds : 1;
  cli_result *res = (cli_result *)calloc((size_t)N * 3, sizeof *res);
  double *T = (double *)calloc((size_t)N, sizeof(double)), *P = (double *)calloc((size_t)N, sizeof(double));
  cli_summary sum[3];
  cli_settings st;
  char (*dirs)[1100] = (char (*)[1100])calloc((size_t)N, 1100), path[1200], title[200], **names;
  int k, i, nres = 0, rc = 0;
  FILE *f;
  if (!res || !T || !P || !dirs) { fprintf(stderr, "error: out of memory\n"); return 1; }
  for (k = 0; k < N && !rc; k++) {
    cli_opts os = *o;
    int n = 0;
    os.seed = o->seed + (unsigned long long)k;
    if (N > 1) {
      snprintf(dirs[k], sizeof dirs[k], "%s/seed_%llu", o->out, os.seed);
      os.out = dirs[k];
      if (!cli_mkdir(os.out)) { rc = 1; break; }
      printf("== seed %llu (%d of %d) into %s\n", os.seed, k + 1, N, os.out);
    }
    rc = cli_run(d, &os, train, test, res + 3 * k, &n, &T[k], &P[k]);
    nres = n;
  }
  if (!rc && N > 1 && CLI_RANK == 0) {
    for (i = 0; i < nres; i++) cli_summarize(res + i, N, 3, &sum[i]);
    cli_table_summary(sum, nres, res[0].ev.by_thirds, res[0].ev.num_classes);
    snprintf(path, sizeof path, "%s/results.json", o->out);
    if (!(f = fopen(path, "w"))) {
      fprintf(stderr, "error: cannot write %s: %s\n", path, strerror(errno));
      rc = 1;
    } else {
      static const char *key[5] = {"top1", "top5", "many", "medium", "few"};
      int j, c;
      fprintf(f, "{\n  \"dataset\": \"%s\",\n  \"seeds\": [", d->name);
      for (k = 0; k < N; k++) fprintf(f, "%s%llu", k ? ", " : "", o->seed + (unsigned long long)k);
      fprintf(f, "],\n  \"std\": \"sample standard deviation (n - 1) over the seeds\",\n  \"groups\": \"%s\",\n  \"runs\": [\n",
              res[0].ev.by_thirds ? "head/middle/tail thirds" : "many/medium/few");
      for (i = 0; i < nres; i++) {
        fprintf(f, "    {\"method\": \"%s\", \"epochs\": %d", sum[i].method, res[i].epochs);
        for (j = 0; j < 5; j++) fprintf(f, ", \"%s\": %.4f, \"%s_std\": %.4f", key[j], sum[i].mean[j], key[j], sum[i].std[j]);
        fprintf(f, ",\n     \"per_seed\": [");
        for (k = 0; k < N; k++) {
          const dive_eval *ev = &res[3 * k + i].ev;
          fprintf(f, "%s{\"seed\": %llu, \"top1\": %.4f, \"top5\": %.4f, \"many\": %.4f, \"medium\": %.4f, \"few\": %.4f",
                  k ? ", " : "", o->seed + (unsigned long long)k, ev->top1, ev->top5, ev->many, ev->medium, ev->few);
          if (T[k] > 0 && (!strcmp(sum[i].method, "dive") || !strcmp(sum[i].method, "kd")))
            fprintf(f, ", \"T\": %g, \"power\": %g", T[k], P[k]);
          fprintf(f, "}");
        }
        fprintf(f, "],\n     \"per_class\": [");
        for (c = 0; c < res[0].ev.num_classes; c++) fprintf(f, "%s%.4f", c ? ", " : "", sum[i].per_class[c]);
        fprintf(f, "]}%s\n", i + 1 < nres ? "," : "");
      }
      fprintf(f, "  ],\n  \"backend\": \"%s\"\n}\n", cli_backend_name());
      if (fclose(f) != 0) rc = 1;
    }
    snprintf(title, sizeof title, "%s: %s, %d seeds", d->name, o->pipeline ? "the DiVE pipeline" : o->method, N);
    cli_settings_fill(&st, d, o, train, test, o->pipeline ? (o->baseline ? "--pipeline --baseline" : "--pipeline")
                                                          : o->method, T[0], P[0]);
    snprintf(path, sizeof path, "%s/ve.svg", dirs[0]);
    names = cli_class_names(d, o, train->num_classes, &k);
    if (!rc && !cli_report_write(o->out, title, sum, nres, train->class_counts, train->num_classes, names,
                                 o->pipeline ? path : NULL, &st, NULL, NULL))
      rc = 1;
    cli_free_names(names, train->num_classes);
    for (i = 0; i < nres; i++) cli_summary_free(&sum[i]);
  }
  for (k = 0; k < 3 * N; k++) cli_result_free(&res[k]);
  free(res); free(T); free(P); free(dirs);
  return rc;
}

static int cli_open_ctx(const cli_opts *o) {
  dive_ctx_desc cd;
  memset(&cd, 0, sizeof cd);
  cd.backend = !strcmp(o->backend, "cpu") ? DIVE_BACKEND_CPU : !strcmp(o->backend, "vulkan") ? DIVE_BACKEND_VULKAN
                                                                                          : DIVE_BACKEND_AUTO;
  cd.threads = o->threads;
#ifdef DIVE_MPI
  /* one GPU per rank of a machine: the node-local rank picks it (DIVE_VK_DEVICE overrides) */
  if (g_dist && dive_dist_local_size(g_dist) > 1 && cd.backend != DIVE_BACKEND_CPU && !getenv("DIVE_VK_DEVICE"))
    cd.vk_device = dive_dist_local_rank(g_dist) + 1;
#endif
  CLI_CHECK(dive_ctx_create(&g_ctx, &cd), "creating the context");
  return 0;
}

/* ---------------------------------------------------------------- main */
static int cli_main1(const cli_dataset *d, int argc, char **argv);
static int cli_main(const cli_dataset *d, int argc, char **argv) {
#ifdef DIVE_MPI
  int rc;
  if (dive_dist_create(&g_dist, NULL)) {
    fprintf(stderr, "error: MPI: %s\n", dive_last_error());
    return 1;
  }
  if (CLI_RANK && !freopen("/dev/null", "w", stdout)) fprintf(stderr, "warning: cannot silence rank %d\n", CLI_RANK);
  rc = cli_main1(d, argc, argv);
  if (rc && CLI_NRANKS > 1) dive_dist_abort(g_dist, rc, NULL); /* the others may be in a collective */
  dive_dist_destroy(g_dist);
  return rc;
#else
  return cli_main1(d, argc, argv);
#endif
}

static int cli_main1(const cli_dataset *d, int argc, char **argv) {
  cli_opts o;
  dive_dataset train, test;
  int rc = cli_parse(d, argc, argv, &o), i;
  if (rc) return rc == 1 ? 0 : 2;
  setvbuf(stdout, NULL, _IOLBF, 0); /* progress lines reach a log file as they happen */
#ifdef DIVE_MPI
  if (CLI_NRANKS > 1 && (o.predict || o.eval || o.nshift || o.features || o.analyze || o.dump_indices)) {
    fprintf(stderr, "error: %s runs in one process: start it without mpirun\n",
            o.predict ? "--predict" : o.eval ? "--eval" : o.nshift ? "--eval-shift" : o.features ? "--features"
            : o.analyze ? "--analyze" : "--dump-indices");
    return 2;
  }
  if (!o.threads && CLI_NRANKS > 1) { /* the machine's cores, shared by its ranks */
    long nc = sysconf(_SC_NPROCESSORS_ONLN);
    o.threads = (int)(nc / dive_dist_local_size(g_dist));
    if (o.threads < 1) o.threads = 1;
  }
#endif
  if (o.predict) { /* needs the model and the images, not the dataset */
    if (cli_open_ctx(&o) || !cli_mkdir(o.out)) return 1;
    printf("%s: backend %s (%s); predicting with %s\n", d->name, cli_backend_name(), dive_query_device_name(g_ctx),
           o.model);
    rc = cli_predict_mode(d, &o);
    dive_ctx_destroy(g_ctx);
    return rc;
  }
  memset(&train, 0, sizeof train);
  memset(&test, 0, sizeof test);
  if (d->load(&o, &train, &test)) return 1;
  if (o.dump_indices) {
    CLI_CHECK(dive_dataset_write_indices(&train, o.dump_indices), "--dump-indices");
    printf("wrote %lld indices to %s\n", (long long)train.n, o.dump_indices);
    return 0;
  }
  if (!cli_limit(&train, o.limit_train) || !cli_limit(&test, o.limit_test)) return 1;
  if (train.num_classes != test.num_classes) {
    fprintf(stderr, "error: the training set has %d classes but the test set %d\n", train.num_classes,
            test.num_classes);
    return 1;
  }
  for (i = 0; i < train.num_classes; i++)
    if (train.class_counts[i] < 1) {
      fprintf(stderr, "error: class %d has no training image (BSCE needs every class; lower --imb or "
                      "raise --limit-train)\n", i);
      return 1;
    }
  if (cli_open_ctx(&o)) return 1;
#ifdef DIVE_MPI
  if (CLI_NRANKS > 1) { /* one backend for every replica (their SGD steps must round alike) */
    double v[1];
    v[0] = dive_query_backend(g_ctx) == DIVE_BACKEND_VULKAN; /* summed: the ranks on Vulkan */
    if (dive_dist_allreduce_f64(g_dist, v, 1)) {
      fprintf(stderr, "error: MPI: %s\n", dive_last_error());
      return 1;
    }
    if (v[0] != 0 && v[0] != CLI_NRANKS) {
      fprintf(stderr, "error: %.0f of %d ranks got a Vulkan device, the others the CPU (rank %d: %s): fewer GPUs than "
              "ranks on a machine? (--backend vulkan makes that an error; DIVE_VK_DEVICE picks one)\n", v[0],
              CLI_NRANKS, CLI_RANK, cli_backend_name());
      return 1;
    }
  }
#endif
  printf("%s: backend %s (%s); train %lld images, test %lld, %d classes (largest %d, smallest %d); "
         "%s%s%s, %d epochs, batch %d, lr %g\n",
         d->name, cli_backend_name(), dive_query_device_name(g_ctx), (long long)train.n, (long long)test.n,
         train.num_classes, train.class_counts[0], train.class_counts[train.num_classes - 1], cli_arch_name(&o, 0),
         o.teacher_arch ? ", teacher " : "", o.teacher_arch ? o.teacher_arch : "",
         o.epochs, o.batch, o.lr);
  if (!cli_mkdir(o.out)) return 1;

  if (o.analyze) { /* --analyze CKPT */
    dive_resnet *t;
    dive_ve_report ve;
    if (cli_load_teacher(d, &o, o.teacher, train.num_classes, &t)) return 1;
    if (cli_analyze(d, &o, t, &train, o.out, &ve)) return 1;
    dive_ve_free(&ve);
    dive_resnet_destroy(t);
  } else if (o.eval) {
    rc = cli_eval_mode(d, &o, &train, &test);
  } else if (o.nshift) {
    rc = cli_shift_mode(d, &o, &train, &test);
  } else if (o.features) {
    rc = cli_features_mode(d, &o, &train, &test);
  } else {
    rc = cli_run_seeds(d, &o, &train, &test);
  }
  dive_dataset_free(&train);
  dive_dataset_free(&test);
  dive_ctx_destroy(g_ctx);
  return rc;
}
#endif
