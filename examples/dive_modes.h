/* dive_modes.h - what the example programs do besides training one model (public dive.h
   API only). Included by dive_cli.h after its helpers:
     schedule flags    --milestones, --gamma, --warmup (and --sched cosine-step)
     --eval CKPT       the table, results.json and report.html of a checkpoint
     --predict P       predictions.csv (top-5 classes with probabilities) for image files
     --eval-shift C..  the paper's Appendix C: shifted test label distributions, with and
                       without post-compensation, as Table 8 (shift.csv, shift.md)
     --features CKPT   pooled features and labels of the test set (features.safetensors;
                       examples/tsne.py draws the paper's Fig. 8 from it)
     --seeds N         the run or pipeline N times, mean ± std per method and group
     report.html       written by every run, pipeline and evaluation (dive_report.h) */
#ifndef DIVE_MODES_H
#define DIVE_MODES_H
#include <ctype.h>
#include <stdarg.h>

/* ---------------------------------------------------------------- flags */
static int cli_is_file(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}
static int cli_is_dir(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* "E1,E2,...": strictly ascending positive integers, at most `max` */
static int cli_parse_milestones(const char *v, int *out, int max) {
  const char *p = v;
  int n = 0;
  memset(out, 0, sizeof(int) * (size_t)max);
  while (*p) {
    char *end;
    long e;
    errno = 0;
    e = strtol(p, &end, 10);
    if (end == p || errno || e < 1 || e > 1000000 || (*end && *end != ',') || n == max || (n && e <= out[n - 1]))
      return 0;
    out[n++] = (int)e;
    p = *end ? end + 1 : end;
    if (*end && !*p) return 0; /* a trailing comma */
  }
  return n > 0;
}

/* the checkpoint in "[LABEL=]PATH" (the whole argument when it names a file) */
static const char *cli_ckpt_path(const char *arg) {
  const char *eq = strchr(arg, '=');
  return cli_is_file(arg) || !eq ? arg : eq + 1;
}

/* Flags of this file. Returns 1 when argv[*i] was one (and consumed its values), 0 when it
   is not, -1 on a bad value (the message names the flag and what was expected). */
static int cli_parse_more(const cli_dataset *d, int argc, char **argv, int *i, cli_opts *o) {
  const char *a = argv[*i], *v = *i + 1 < argc ? argv[*i + 1] : NULL;
  double x;
  (void)d;
  if (strcmp(a, "--milestones") && strcmp(a, "--gamma") && strcmp(a, "--warmup") && strcmp(a, "--seeds") &&
      strcmp(a, "--eval") && strcmp(a, "--predict") && strcmp(a, "--model") && strcmp(a, "--names") &&
      strcmp(a, "--features") && strcmp(a, "--eval-shift"))
    return 0;
  if (!v || (!strncmp(v, "--", 2) && strcmp(a, "--eval-shift"))) {
    fprintf(stderr, "error: %s needs a value\n", a);
    return -1;
  }
  if (!strcmp(a, "--eval-shift")) { /* CKPT... up to the next flag */
    int k = *i + 1;
    while (k < argc && strncmp(argv[k], "--", 2)) {
      if (!cli_is_file(cli_ckpt_path(argv[k]))) {
        fprintf(stderr, "error: --eval-shift %s: no such file (expected checkpoints, each [LABEL=]PATH)\n", argv[k]);
        return -1;
      }
      k++;
    }
    if (k == *i + 1) {
      fprintf(stderr, "error: --eval-shift needs at least one checkpoint ([LABEL=]PATH ...)\n");
      return -1;
    }
    o->shift = argv + *i + 1;
    o->nshift = k - *i - 1;
    *i = k - 1;
    return 1;
  }
  ++*i;
  if (!strcmp(a, "--milestones")) {
    if (!cli_parse_milestones(v, o->milestones, DIVE_MAX_MILESTONES)) {
      fprintf(stderr, "error: --milestones %s: expected up to %d ascending epochs E1,E2,... (integers >= 1)\n", v,
              DIVE_MAX_MILESTONES);
      return -1;
    }
  } else if (!strcmp(a, "--gamma")) {
    char *end;
    errno = 0;
    x = strtod(v, &end);
    if (!*v || *end || errno || !(x > 0 && x <= 1)) {
      fprintf(stderr, "error: --gamma %s: expected a number in (0, 1]\n", v);
      return -1;
    }
    o->gamma = x;
  } else if (!strcmp(a, "--warmup") || !strcmp(a, "--seeds")) {
    const int seeds = !strcmp(a, "--seeds");
    if (!cli_num(a, v, seeds ? 1 : 0, seeds ? 100 : 100000, &x)) return -1;
    if (x != (double)(long long)x) {
      fprintf(stderr, "error: %s %s: expected an integer\n", a, v);
      return -1;
    }
    if (seeds) o->seeds = (int)x;
    else o->warmup = (int)x;
  } else if (!strcmp(a, "--predict")) {
    if (!cli_is_file(v) && !cli_is_dir(v)) {
      fprintf(stderr, "error: --predict %s: no such file or folder (expected a folder of images or a list file)\n", v);
      return -1;
    }
    o->predict = v;
  } else { /* --eval, --model, --names, --features: a file */
    if (!cli_is_file(v)) {
      fprintf(stderr, "error: %s %s: no such file (expected %s)\n", a, v,
              strcmp(a, "--names") ? "a checkpoint, model.safetensors or state.safetensors" : "class names, one per line");
      return -1;
    }
    if (!strcmp(a, "--eval")) o->eval = v;
    else if (!strcmp(a, "--model")) o->model = v;
    else if (!strcmp(a, "--names")) o->names = v;
    else o->features = v;
  }
  return 1;
}

/* after all flags: the combinations */
static int cli_check_more(const cli_opts *o) {
  int k, modes = !!o->eval + !!o->predict + !!o->nshift + !!o->features + !!o->analyze;
  for (k = 0; k < DIVE_MAX_MILESTONES && o->milestones[k]; k++)
    if (o->milestones[k] >= o->epochs) {
      fprintf(stderr, "error: --milestones: epoch %d is not before the end (--epochs %d): expected epochs in 1..%d\n",
              o->milestones[k], o->epochs, o->epochs - 1);
      return 0;
    }
  if ((o->milestones[0] || o->gamma) && strcmp(o->sched, "multistep")) {
    fprintf(stderr, "error: %s: applies to --sched multistep (this run uses --sched %s)\n",
            o->milestones[0] ? "--milestones" : "--gamma", o->sched);
    return 0;
  }
  if (o->warmup >= o->epochs) {
    fprintf(stderr, "error: --warmup %d: expected fewer warm-up epochs than --epochs %d\n", o->warmup, o->epochs);
    return 0;
  }
  if (modes > 1) {
    fprintf(stderr, "error: --eval, --predict, --eval-shift, --features and --analyze: expected one at a time\n");
    return 0;
  }
  if (modes && (o->pipeline || o->seeds > 1)) {
    fprintf(stderr, "error: %s: evaluates a trained model, expected without --pipeline and --seeds\n",
            o->eval ? "--eval" : o->predict ? "--predict" : o->nshift ? "--eval-shift" : o->features ? "--features"
                                                                                              : "--analyze");
    return 0;
  }
  if (o->predict && !o->model) {
    fprintf(stderr, "error: --predict %s: expected --model CKPT, the checkpoint to predict with\n", o->predict);
    return 0;
  }
  if (o->model && !o->predict) {
    fprintf(stderr, "error: --model %s: goes with --predict DIR|LIST\n", o->model);
    return 0;
  }
  return 1;
}

static void cli_usage_more(const cli_dataset *d, FILE *f) {
  const cli_opts *o = &d->defaults;
  fprintf(f,
          "  --milestones E1,..  multistep: epochs at which the lr is multiplied by --gamma\n"
          "                      (default 60%% and 80%% of --epochs: 120,160 of 200)\n"
          "  --gamma G           multistep factor (default 0.01)\n"
          "  --warmup E          epochs of linear warm-up from lr/3, 0 = none (default %s)\n"
          "  --seeds N           run N times (seeds S, S+1, ...; each in OUT/seed_S) and report\n"
          "                      mean +- std per method and group (default 1)\n"
          "  --eval CKPT         evaluate a checkpoint: table, results.json, report.html in --out\n"
          "  --predict DIR|LIST  predictions.csv in --out for the images under DIR (recursive) or\n"
          "                      listed in LIST (one path per line); needs --model. Exit status 3\n"
          "                      when some images could not be read (each is named, the rest kept)\n"
          "  --model CKPT        the checkpoint --predict uses\n"
          "  --names FILE        class names, one per line (default: the dataset's own where it\n"
          "                      ships them, else the class number)\n"
          "  --eval-shift C...   shifted test label distributions (paper App. C): Forward 50..2,\n"
          "                      Uniform, Backward 2..50, with and without post-compensation, for\n"
          "                      each checkpoint ([LABEL=]PATH): shift.csv, shift.md (Table 8)\n"
          "  --features CKPT     pooled features and labels of the test set: features.safetensors\n"
          "                      (python3 examples/tsne.py draws Fig. 8 from it)\n",
          o->warmup < 0 ? "5 * epochs / 200" : o->warmup == 0 ? "none" : "given");
}

/* ---------------------------------------------------------------- class names */
static void cli_free_names(char **names, int n) {
  int i;
  if (!names) return;
  for (i = 0; i < n; i++) free(names[i]);
  free(names);
}

/* one name per line (blank lines at the end ignored): exactly `classes` of them */
static char **cli_read_names_file(const char *path, int classes) {
  FILE *f = fopen(path, "r");
  char line[1024], **names;
  int n = 0, blank = 0;
  if (!f) {
    fprintf(stderr, "error: --names %s: %s\n", path, strerror(errno));
    return NULL;
  }
  names = (char **)calloc((size_t)classes, sizeof *names);
  while (names && fgets(line, sizeof line, f)) {
    size_t l = strlen(line);
    while (l && (line[l - 1] == '\n' || line[l - 1] == '\r')) line[--l] = 0;
    if (!l) { blank++; continue; }
    if (blank || n == classes) { n = classes + 1; break; }
    names[n++] = strdup(line);
  }
  fclose(f);
  if (!names || n != classes) {
    if (names) fprintf(stderr, "error: --names %s: expected %d class names, one per line (%s)\n", path, classes,
                       n > classes ? "more lines, or a blank line between names" : "fewer lines");
    cli_free_names(names, classes);
    return NULL;
  }
  return names;
}

/* --names, else the dataset's own (d->load_names), else NULL; *bad = 1 when --names failed */
static char **cli_class_names(const cli_dataset *d, const cli_opts *o, int classes, int *bad) {
  char **names;
  *bad = 0;
  if (o->names) {
    names = cli_read_names_file(o->names, classes);
    *bad = !names;
    return names;
  }
  if (!d->load_names) return NULL;
  names = (char **)calloc((size_t)classes, sizeof *names);
  if (names && !d->load_names(o, classes, names)) {
    cli_free_names(names, classes);
    names = NULL;
  }
  return names;
}

/* ---------------------------------------------------------------- sweeps and labels */
static dive_status cli_load_model(const cli_dataset *d, const cli_opts *o, const char *path, int classes,
                                  dive_resnet **m) {
  dive_status s = cli_make_model(d, o, classes, m);
  return s ? s : dive_resnet_load(*m, path);
}

/* A whole set, in order: logits (n, classes) and labels, and (feats != NULL) the pooled
   features (n, D). Arrays sized for the set; *count = images seen. */
static int cli_sweep_all(dive_resnet *m, dive_loader *ld, int classes, float *x, float *logits, int32_t *labels,
                         float *feats, int64_t cap, int64_t *count) {
  int n;
  *count = 0;
  CLI_CHECK(dive_loader_reset(ld, 0), "loader");
  for (;;) {
    CLI_CHECK(dive_loader_next(ld, x, labels + *count, &n), "loading a batch");
    if (!n) break;
    if (*count + n > cap) { fprintf(stderr, "error: the loader gave more images than the set holds\n"); return 1; }
    CLI_CHECK(dive_resnet_predict(m, x, n, logits + *count * classes), "evaluating");
    if (feats) { /* the global-average-pooled features the linear layer saw */
      const dive_tensor *pooled = dive_resnet_tensor(m, DIVE_RESNET_FEATURES);
      const int D = pooled->shape[1];
      CLI_CHECK(dive_tensor_read(pooled, feats + *count * D, (int64_t)n * D), "reading the features");
    }
    *count += n;
  }
  return 0;
}

/* A checkpoint's row label: LABEL= when given, else the "method" in the results.json beside
   it, else its folder's name (for model/state.safetensors) or its file name. */
static void cli_ckpt_label(const char *arg, char *label, size_t n, char *method, size_t mn) {
  const char *path = cli_ckpt_path(arg), *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
  char json[1200], buf[4096];
  FILE *f;
  method[0] = 0;
  snprintf(json, sizeof json, "%.*sresults.json", (int)(base - path), path);
  if ((f = fopen(json, "r"))) { /* the one-run results.json: "method": "NAME" */
    size_t k = fread(buf, 1, sizeof buf - 1, f);
    char *p;
    buf[k] = 0;
    fclose(f);
    if ((p = strstr(buf, "\"method\": \""))) {
      char *e = strchr(p + 11, '"');
      if (e) snprintf(method, mn, "%.*s", (int)(e - p - 11), p + 11);
    }
  }
  if (path != arg) snprintf(label, n, "%.*s", (int)(path - arg - 1), arg);
  else if (method[0]) snprintf(label, n, "%s", method);
  else if ((!strcmp(base, "model.safetensors") || !strcmp(base, "state.safetensors")) && slash && slash > path) {
    const char *p = slash - 1;
    while (p > path && p[-1] != '/') p--;
    snprintf(label, n, "%.*s", (int)(slash - p), p);
  } else {
    const char *dot = strrchr(base, '.');
    snprintf(label, n, "%.*s", (int)(dot ? dot - base : (long)strlen(base)), base);
  }
  if (!method[0]) snprintf(method, mn, "%s", label);
}

/* ---------------------------------------------------------------- summaries over seeds */
typedef struct cli_summary {
  char method[64];
  int nseeds, nepochs;
  double mean[5], std[5]; /* top-1, top-5, Many, Medium, Few */
  double *per_class, *loss, *top1;
  double seconds;
} cli_summary;

static void cli_summary_free(cli_summary *s) {
  free(s->per_class);
  free(s->loss);
  free(s->top1);
  memset(s, 0, sizeof *s);
}

/* r[k * stride] for k < n: the same method under n seeds. std is the sample standard
   deviation (n - 1), 0 for one seed. Curves: the mean over the seeds that have the epoch. */
static int cli_summarize(const cli_result *r, int n, int stride, cli_summary *s) {
  const int C = r[0].ev.num_classes;
  int k, j, e;
  memset(s, 0, sizeof *s);
  snprintf(s->method, sizeof s->method, "%s", r[0].method);
  s->nseeds = n;
  for (k = 0; k < n; k++) if (r[k * stride].ncurve > s->nepochs) s->nepochs = r[k * stride].ncurve;
  s->per_class = (double *)calloc((size_t)C, sizeof(double));
  s->loss = (double *)calloc((size_t)(s->nepochs + 1), sizeof(double));
  s->top1 = (double *)calloc((size_t)(s->nepochs + 1), sizeof(double));
  if (!s->per_class || !s->loss || !s->top1) return 0;
  for (j = 0; j < 5; j++) {
    double m = 0, v = 0;
    for (k = 0; k < n; k++) {
      const dive_eval *ev = &r[k * stride].ev;
      double x = j == 0 ? ev->top1 : j == 1 ? ev->top5 : j == 2 ? ev->many : j == 3 ? ev->medium : ev->few;
      m += x / n;
    }
    for (k = 0; k < n; k++) {
      const dive_eval *ev = &r[k * stride].ev;
      double x = j == 0 ? ev->top1 : j == 1 ? ev->top5 : j == 2 ? ev->many : j == 3 ? ev->medium : ev->few;
      v += (x - m) * (x - m);
    }
    s->mean[j] = m;
    s->std[j] = n > 1 ? sqrt(v / (n - 1)) : 0;
  }
  for (k = 0; k < n; k++) {
    for (j = 0; j < C; j++) s->per_class[j] += r[k * stride].ev.per_class[j] / n;
    s->seconds += r[k * stride].seconds;
  }
  for (e = 0; e < s->nepochs; e++) {
    int have = 0;
    for (k = 0; k < n; k++)
      if (e < r[k * stride].ncurve) {
        s->loss[e] += r[k * stride].curve_loss[e];
        s->top1[e] += r[k * stride].curve_top1[e];
        have++;
      }
    if (have) { s->loss[e] /= have; s->top1[e] /= have; }
  }
  return 1;
}

static void cli_table_summary(const cli_summary *s, int n, int by_thirds, int num_classes) {
  int i, j;
  if (s[0].nseeds <= 1) {
    printf("\n%-8s %7s %7s %7s %7s %7s\n", "method", "top-1", "top-5", by_thirds ? "Head" : "Many",
           by_thirds ? "Middle" : "Medium", by_thirds ? "Tail" : "Few");
    for (i = 0; i < n; i++)
      printf("%-8s %7.2f %7.2f %7.2f %7.2f %7.2f\n", s[i].method, s[i].mean[0], s[i].mean[1], s[i].mean[2],
             s[i].mean[3], s[i].mean[4]);
  } else {
    printf("\n%-8s %13s %13s %13s %13s %13s   (mean +- std over %d seeds)\n", "method", "top-1", "top-5",
           by_thirds ? "Head" : "Many", by_thirds ? "Middle" : "Medium", by_thirds ? "Tail" : "Few", s[0].nseeds);
    for (i = 0; i < n; i++) {
      printf("%-8s", s[i].method);
      for (j = 0; j < 5; j++) printf(" %6.2f+-%5.2f", s[i].mean[j], s[i].std[j]);
      printf("\n");
    }
  }
  if (by_thirds) printf("(%d classes: groups are head / middle / tail thirds of the classes by count)\n", num_classes);
}

/* ---------------------------------------------------------------- report.html */
typedef struct cli_settings {
  char buf[4096];
  const char *kv[64];
  int n;
  size_t used;
} cli_settings;

static void cli_set(cli_settings *st, const char *key, const char *fmt, ...) {
  va_list ap;
  char *p = st->buf + st->used;
  int w;
  if (st->n >= 32 || st->used >= sizeof st->buf - 1) return;
  va_start(ap, fmt);
  w = vsnprintf(p, sizeof st->buf - st->used, fmt, ap);
  va_end(ap);
  if (w < 0) return;
  st->used += ((size_t)w < sizeof st->buf - st->used - 1 ? (size_t)w : sizeof st->buf - st->used - 1) + 1;
  st->kv[2 * st->n] = key;
  st->kv[2 * st->n + 1] = p;
  st->n++;
}

static void cli_settings_fill(cli_settings *st, const cli_dataset *d, const cli_opts *o, const dive_dataset *train,
                              const dive_dataset *test, const char *what, double T, double p) {
  char ms[128] = "";
  int k;
  memset(st, 0, sizeof *st);
  for (k = 0; k < DIVE_MAX_MILESTONES && o->milestones[k]; k++)
    snprintf(ms + strlen(ms), sizeof ms - strlen(ms), "%s%d", k ? "," : "", o->milestones[k]);
  cli_set(st, "program", "%s (dive.h %d.%d.%d)", d->name, DIVE_VERSION_MAJOR, DIVE_VERSION_MINOR, DIVE_VERSION_PATCH);
  cli_set(st, "run", "%s", what);
  cli_set(st, "backend", "%s (%s)", cli_backend_name(), dive_query_device_name(g_ctx));
  if (train) cli_set(st, "training set", "%lld images, %d classes (largest %d, smallest %d), imbalance factor %g",
                     (long long)train->n, train->num_classes, train->class_counts[0],
                     train->class_counts[train->num_classes - 1], o->imb);
  if (test) cli_set(st, "test set", "%lld images", (long long)test->n);
  cli_set(st, "model", "resnet-%d, width %d, input %d x %d", o->depth, o->width, o->size, o->size);
  cli_set(st, "epochs, batch", "%d, %d", o->epochs, o->batch);
  cli_set(st, "optimizer", "SGD momentum 0.9, lr %g, weight decay %g", o->lr, o->wd);
  cli_set(st, "schedule", "%s%s%s, gamma %g, warm-up %s", o->sched, ms[0] ? ", milestones " : "", ms,
          o->gamma ? o->gamma : 0.01,
          o->warmup < 0 ? "5 * epochs / 200" : o->warmup == 0 ? "none" : "given");
  if (o->warmup > 0) cli_set(st, "warm-up epochs", "%d", o->warmup);
  if (T > 0) cli_set(st, "distillation", "T %g, power %g, alpha %g%s%s", T, p, o->alpha,
                     o->no_bsce ? ", no BSCE term" : "", o->mix_gt ? ", groundtruth mixed in" : "");
  cli_set(st, "seed", o->seeds > 1 ? "%llu .. %llu (%d seeds)" : "%llu", o->seed, o->seed + (unsigned long long)o->seeds - 1,
          o->seeds);
  cli_set(st, "output", "%s", o->out);
}

static int cli_report_write(const char *dir, const char *title, const cli_summary *s, int n, const int *train_counts,
                            int num_classes, char **names, const char *ve_svg, const cli_settings *st,
                            const char *extra_title, const char *extra_html) {
  cli_report_run runs[16];
  cli_report rep;
  int *group = (int *)malloc(sizeof(int) * (size_t)num_classes), i, ok;
  char path[1200];
  if (!group) return 0;
  memset(&rep, 0, sizeof rep);
  rep.title = title;
  rep.num_classes = num_classes;
  rep.by_thirds = dive_class_groups(train_counts, num_classes, group);
  rep.train_counts = train_counts;
  rep.group = group;
  rep.names = (const char *const *)names;
  for (i = 0; i < n && i < 16; i++) {
    runs[i].method = s[i].method;
    runs[i].nseeds = s[i].nseeds;
    memcpy(runs[i].mean, s[i].mean, sizeof runs[i].mean);
    memcpy(runs[i].std, s[i].std, sizeof runs[i].std);
    runs[i].per_class = s[i].per_class;
    runs[i].nepochs = s[i].nepochs;
    runs[i].loss = s[i].loss;
    runs[i].top1 = s[i].top1;
  }
  rep.runs = runs;
  rep.nruns = i;
  rep.ve_svg = ve_svg && cli_exists(ve_svg) ? ve_svg : NULL;
  rep.settings = st->kv;
  rep.nsettings = st->n;
  rep.extra_title = extra_title;
  rep.extra_html = extra_html;
  snprintf(path, sizeof path, "%s/report.html", dir);
  ok = cli_write_report(path, &rep);
  if (ok) printf("report: %s\n", path);
  free(group);
  return ok;
}

/* ---------------------------------------------------------------- --eval CKPT */
static int cli_eval_mode(const cli_dataset *d, const cli_opts *o, const dive_dataset *train,
                         const dive_dataset *test) {
  dive_resnet *m;
  dive_loader *tl;
  cli_result res;
  cli_summary sum;
  cli_settings st;
  char label[64], method[64], json[1200], **names;
  const int C = train->num_classes;
  float *x, *logits;
  int32_t *y;
  int64_t got;
  int c, h, w, bad;
  double t0 = dive_time_sec();
  names = cli_class_names(d, o, C, &bad);
  if (bad) return 1;
  memset(&res, 0, sizeof res);
  cli_ckpt_label(o->eval, label, sizeof label, method, sizeof method);
  snprintf(res.method, sizeof res.method, "%s", label);
  snprintf(res.source, sizeof res.source, "%s", o->eval);
  CLI_CHECK(cli_load_model(d, o, o->eval, C, &m), "loading the checkpoint (--arch, --depth and --width must match it)");
  CLI_CHECK(cli_loader(d, o, test, 0, &tl), "test loader");
  dive_loader_shape(tl, &c, &h, &w);
  x = (float *)malloc(sizeof(float) * (size_t)o->batch * (size_t)(c * h * w));
  logits = (float *)malloc(sizeof(float) * (size_t)test->n * (size_t)C);
  y = (int32_t *)malloc(sizeof(int32_t) * (size_t)test->n + 4);
  if (!x || !logits || !y) { fprintf(stderr, "error: out of memory\n"); return 1; }
  if (cli_sweep_all(m, tl, C, x, logits, y, NULL, test->n, &got)) return 1;
  CLI_CHECK(dive_eval_begin(&res.ev, C, train->class_counts), "evaluation");
  CLI_CHECK(dive_eval_add(&res.ev, logits, y, (int)got), "evaluation");
  CLI_CHECK(dive_eval_end(&res.ev), "evaluation");
  res.seconds = dive_time_sec() - t0;
  snprintf(json, sizeof json, "%s/results.json", o->out);
  if (!cli_write_results(json, &res)) return 1;
  printf("%s: %lld test images, top-1 %.2f, top-5 %.2f; %s\n", o->eval, (long long)got, res.ev.top1, res.ev.top5, json);
  cli_summarize(&res, 1, 1, &sum);
  cli_table_summary(&sum, 1, res.ev.by_thirds, C);
  cli_settings_fill(&st, d, o, train, test, "--eval (no training)", 0, 0);
  cli_set(&st, "checkpoint", "%s", o->eval);
  if (!cli_report_write(o->out, "evaluation of a checkpoint", &sum, 1, train->class_counts, C, names, NULL, &st, NULL,
                        NULL))
    return 1;
  cli_summary_free(&sum);
  dive_eval_free(&res.ev);
  cli_free_names(names, C);
  free(x); free(logits); free(y);
  dive_loader_destroy(tl);
  dive_resnet_destroy(m);
  return 0;
}

/* ---------------------------------------------------------------- --predict DIR|LIST */
typedef struct cli_paths { char **p; int n, cap; } cli_paths;

static int cli_paths_add(cli_paths *ps, const char *p) {
  if (ps->n == ps->cap) {
    int cap = ps->cap ? 2 * ps->cap : 256;
    char **q = (char **)realloc(ps->p, sizeof(char *) * (size_t)cap);
    if (!q) return 0;
    ps->p = q;
    ps->cap = cap;
  }
  return (ps->p[ps->n++] = strdup(p)) != NULL;
}
static void cli_paths_free(cli_paths *ps) {
  int i;
  for (i = 0; i < ps->n; i++) free(ps->p[i]);
  free(ps->p);
  memset(ps, 0, sizeof *ps);
}
static int cli_cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* the file types stb_image decodes */
static int cli_image_ext(const char *name) {
  static const char *ext[] = {"jpg", "jpeg", "png", "bmp", "gif", "tga", "psd", "hdr", "pic", "pnm", "ppm", "pgm"};
  const char *dot = strrchr(name, '.');
  char e[8];
  size_t i;
  if (!dot || strlen(dot + 1) >= sizeof e) return 0;
  for (i = 0; dot[1 + i]; i++) e[i] = (char)tolower((unsigned char)dot[1 + i]);
  e[i] = 0;
  for (i = 0; i < sizeof ext / sizeof *ext; i++)
    if (!strcmp(e, ext[i])) return 1;
  return 0;
}

/* image files under dir, recursively (hidden entries skipped); *other counts the rest */
static int cli_walk(const char *dir, cli_paths *ps, int *other, int depth) {
  DIR *dd = opendir(dir);
  struct dirent *de;
  char p[4096];
  if (!dd) { fprintf(stderr, "error: --predict: cannot read folder %s: %s\n", dir, strerror(errno)); return 0; }
  while ((de = readdir(dd))) {
    if (de->d_name[0] == '.') continue;
    snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
    if (cli_is_dir(p)) {
      if (depth < 32 && !cli_walk(p, ps, other, depth + 1)) { closedir(dd); return 0; }
    } else if (cli_image_ext(de->d_name)) {
      if (!cli_paths_add(ps, p)) { closedir(dd); return 0; }
    } else {
      ++*other;
    }
  }
  closedir(dd);
  return 1;
}

/* a list file: one image path per line, optionally followed by an integer label (the
   datasets' own lists); blank lines and lines starting with # are skipped; relative paths
   are taken relative to --root when given, else to the current folder */
static int cli_read_list(const char *list, const char *root, cli_paths *ps) {
  FILE *f = fopen(list, "r");
  char line[4096], p[4200];
  if (!f) { fprintf(stderr, "error: --predict %s: %s\n", list, strerror(errno)); return 0; }
  while (fgets(line, sizeof line, f)) {
    char *a = line, *b = line + strlen(line), *lab;
    while (a < b && isspace((unsigned char)*a)) a++;
    while (b > a && isspace((unsigned char)b[-1])) b--;
    *b = 0;
    if (a == b || *a == '#') continue;
    lab = b;
    while (lab > a && !isspace((unsigned char)lab[-1])) lab--;
    if (lab > a) { /* a last field of digits alone is a label */
      char *q = lab;
      while (*q >= '0' && *q <= '9') q++;
      if (!*q) {
        b = lab;
        while (b > a && isspace((unsigned char)b[-1])) b--;
        *b = 0;
      }
    }
    if (root && *a != '/') snprintf(p, sizeof p, "%s/%s", root, a);
    else snprintf(p, sizeof p, "%s", a);
    if (!cli_paths_add(ps, p)) { fclose(f); return 0; }
  }
  fclose(f);
  return 1;
}

static void cli_csv_field(FILE *f, const char *s) {
  if (strpbrk(s, ",\"\n\r")) {
    fputc('"', f);
    for (; *s; s++) {
      if (*s == '"') fputc('"', f);
      fputc(*s, f);
    }
    fputc('"', f);
  } else {
    fputs(s, f);
  }
}

/* Returns 0 when every image was predicted, 3 when some could not be read (each named on
   stderr, the others all in predictions.csv), 1 on any other failure. */
static int cli_predict_mode(const cli_dataset *d, const cli_opts *o) {
  const int C = o->classes, K = o->classes < 5 ? o->classes : 5;
  cli_paths ps;
  dive_dataset ds;
  dive_loader_desc ldd;
  dive_loader *ld = NULL;
  dive_resnet *m;
  char tmpl[] = "/tmp/dive_predict.XXXXXX", cwd[2048], out[1200], tmp[1300], **names;
  int other = 0, i, k, fd, failed = 0, bad, j, c, h, w, nb = 0, *idx;
  int64_t sample;
  float *x, *logits, *one;
  FILE *f, *csv;
  if (C < 2) { fprintf(stderr, "error: --predict: --classes %d: expected the model's number of classes\n", C); return 1; }
  memset(&ps, 0, sizeof ps);
  if (cli_is_dir(o->predict)) {
    if (!cli_walk(o->predict, &ps, &other, 0)) return 1;
    qsort(ps.p, (size_t)ps.n, sizeof(char *), cli_cmp_str);
  } else if (!cli_read_list(o->predict, o->root, &ps)) {
    return 1;
  }
  if (!ps.n) {
    fprintf(stderr, "error: --predict %s: no image files (%s)\n", o->predict,
            cli_is_dir(o->predict) ? "looked for .jpg .jpeg .png .bmp .gif .tga .ppm .pgm ... recursively"
                                   : "the list is empty");
    return 1;
  }
  names = cli_class_names(d, o, C, &bad);
  if (bad) return 1;
  /* through a list dataset: absolute paths, so the list's root is "" */
  if (!getcwd(cwd, sizeof cwd)) snprintf(cwd, sizeof cwd, ".");
  fd = mkstemp(tmpl);
  if (fd < 0 || !(f = fdopen(fd, "w"))) { fprintf(stderr, "error: cannot create a temporary file in /tmp\n"); return 1; }
  for (i = 0; i < ps.n; i++) {
    if (ps.p[i][0] == '/') fprintf(f, "%s 0\n", ps.p[i] + 1);
    else fprintf(f, "%s/%s 0\n", cwd[0] == '/' ? cwd + 1 : cwd, ps.p[i]);
  }
  fclose(f);
  i = dive_dataset_load_list(&ds, tmpl, "", C);
  remove(tmpl);
  if (i) { fprintf(stderr, "error: --predict: %s\n", dive_last_error()); return 1; }
  memset(&ldd, 0, sizeof ldd);
  ldd.batch_size = 1; /* one image per call: a failure names exactly that image */
  ldd.threads = o->threads;
  ldd.prefetch = 16;
  ldd.out_size = o->size;
  ldd.resize = d->list_images ? 0 : o->size; /* small in-memory sets: no crop, the whole image */
  for (c = 0; c < 3; c++) {
    ldd.mean[c] = d->in_channels == 1 ? 0.0f : d->mean[c];
    ldd.std[c] = d->in_channels == 1 ? 1.0f : d->std[c];
  }
  CLI_CHECK(dive_loader_create(&ld, &ds, &ldd), "image loader");
  CLI_CHECK(cli_load_model(d, o, o->model, C, &m), "loading --model (--depth and --width must match it)");
  dive_loader_shape(ld, &c, &h, &w);
  sample = (int64_t)c * h * w;
  x = (float *)malloc(sizeof(float) * (size_t)o->batch * (size_t)sample);
  one = (float *)malloc(sizeof(float) * (size_t)sample);
  logits = (float *)malloc(sizeof(float) * (size_t)o->batch * (size_t)C);
  idx = (int *)malloc(sizeof(int) * (size_t)o->batch);
  if (!x || !one || !logits || !idx) { fprintf(stderr, "error: out of memory\n"); return 1; }
  snprintf(out, sizeof out, "%s/predictions.csv", o->out);
  snprintf(tmp, sizeof tmp, "%s.tmp%ld", out, (long)getpid());
  if (!(csv = fopen(tmp, "w"))) { fprintf(stderr, "error: cannot write %s: %s\n", tmp, strerror(errno)); return 1; }
  fprintf(csv, "path");
  for (k = 1; k <= K; k++) fprintf(csv, ",class_%d,name_%d,prob_%d", k, k, k);
  fprintf(csv, "\n");
  for (i = 0; i <= ps.n; i++) {
    if (i < ps.n) { /* decode image i into the batch, or name it and go on */
      int32_t lab;
      int got = 0;
      dive_status s = dive_loader_next(ld, one, &lab, &got);
      if (s || got != 1) {
        fprintf(stderr, "error: %s: %s (skipped)\n", ps.p[i], s ? dive_last_error() : "not loaded");
        failed++;
        continue;
      }
      if (d->in_channels == 1) { /* RGB to gray (ITU-R 601 luma), then the dataset's normalization */
        const int64_t n = (int64_t)h * w;
        int64_t q;
        for (q = 0; q < n; q++)
          x[nb * n + q] = ((0.299f * one[q] + 0.587f * one[n + q] + 0.114f * one[2 * n + q]) - d->mean[0]) / d->std[0];
      } else {
        memcpy(x + nb * sample, one, sizeof(float) * (size_t)sample);
      }
      idx[nb++] = i;
      if (nb < o->batch) continue;
    }
    if (!nb) continue;
    CLI_CHECK(dive_resnet_predict(m, x, nb, logits), "predicting");
    for (j = 0; j < nb; j++) { /* softmax, then the K most probable classes */
      float *row = logits + (size_t)j * C, mx = row[0];
      double sum = 0;
      int top[5], t;
      for (k = 1; k < C; k++) mx = row[k] > mx ? row[k] : mx;
      for (k = 0; k < C; k++) sum += exp((double)row[k] - mx);
      for (t = 0; t < K; t++) {
        int best = -1;
        for (k = 0; k < C; k++) {
          int used = 0, u;
          for (u = 0; u < t; u++) used |= top[u] == k;
          if (!used && (best < 0 || row[k] > row[best])) best = k;
        }
        top[t] = best;
      }
      cli_csv_field(csv, ps.p[idx[j]]);
      for (t = 0; t < K; t++) {
        char num[16];
        snprintf(num, sizeof num, "%d", top[t]);
        fprintf(csv, ",%d,", top[t]);
        cli_csv_field(csv, names ? names[top[t]] : num);
        fprintf(csv, ",%.6f", exp((double)row[top[t]] - mx) / sum);
      }
      fprintf(csv, "\n");
    }
    nb = 0;
  }
  if (ferror(csv) | (fclose(csv) != 0) || rename(tmp, out) != 0) {
    fprintf(stderr, "error: cannot write %s: %s\n", out, strerror(errno));
    remove(tmp);
    return 1;
  }
  printf("%s: %d of %d images predicted%s", out, ps.n - failed, ps.n,
         other ? "" : "\n");
  if (other) printf(" (%d other file%s without an image extension left out)\n", other, other > 1 ? "s" : "");
  if (failed) fprintf(stderr, "error: %d of %d images could not be read (named above); the others are in %s\n", failed,
                      ps.n, out);
  free(x); free(one); free(logits); free(idx);
  dive_resnet_destroy(m);
  dive_loader_destroy(ld);
  dive_dataset_free(&ds);
  cli_free_names(names, C);
  cli_paths_free(&ps);
  return failed ? 3 : 0;
}

/* ---------------------------------------------------------------- --eval-shift CKPT... */
/* Appendix C after Hong et al. (CVPR 2021): test sets whose class sizes follow the
   training order (Forward) or its reverse (Backward) with imbalance factors 50..2, and
   Uniform; see docs/method.md for the exact protocol. */
static const int cli_shift_if[11] = {50, 25, 10, 5, 2, 1, 2, 5, 10, 25, 50};
static const char *cli_shift_col(int k) {
  static const char *n[11] = {"Forward 50", "Forward 25", "Forward 10", "Forward 5", "Forward 2", "Uniform",
                              "Backward 2", "Backward 5", "Backward 10", "Backward 25", "Backward 50"};
  return n[k];
}

static int cli_shift_mode(const cli_dataset *d, const cli_opts *o, const dive_dataset *train,
                          const dive_dataset *test) {
  const int C = train->num_classes, nm = o->nshift;
  const int64_t N = test->n;
  int *order, *rank, *start, *cnt, *m, M = -1, i, j, k, c, h, w, mi;
  int64_t *pos, t, got, ntrain = 0;
  double (*acc)[2][11] = (double (*)[2][11])calloc((size_t)nm, sizeof *acc);
  cli_result *res = (cli_result *)calloc((size_t)nm, sizeof *res);
  cli_summary *sum = (cli_summary *)calloc((size_t)nm, sizeof *sum);
  float *x, *logits;
  int32_t *y;
  char (*label)[64] = (char (*)[64])calloc((size_t)nm, 64), method[64], path[1200], *html;
  int *is_ce = (int *)calloc((size_t)nm, sizeof(int));
  dive_loader *tl;
  dive_rng r;
  FILE *f;
  cli_settings st;
  size_t hl;
  order = (int *)malloc(sizeof(int) * (size_t)C);
  rank = (int *)malloc(sizeof(int) * (size_t)C);
  start = (int *)calloc((size_t)C + 1, sizeof(int));
  cnt = (int *)calloc((size_t)C, sizeof(int));
  m = (int *)malloc(sizeof(int) * (size_t)C * 11);
  pos = (int64_t *)malloc(sizeof(int64_t) * (size_t)(N ? N : 1));
  logits = (float *)malloc(sizeof(float) * (size_t)N * (size_t)C);
  y = (int32_t *)malloc(sizeof(int32_t) * (size_t)N + 4);
  if (!acc || !res || !sum || !label || !is_ce || !order || !rank || !start || !cnt || !m || !pos || !logits || !y) {
    fprintf(stderr, "error: out of memory\n");
    return 1;
  }
  /* the training order of the classes: most images first (ties: lower class first) */
  for (j = 0; j < C; j++) order[j] = j;
  for (j = 1; j < C; j++) {
    int v = order[j];
    for (k = j - 1; k >= 0 && train->class_counts[order[k]] < train->class_counts[v]; k--) order[k + 1] = order[k];
    order[k + 1] = v;
  }
  for (j = 0; j < C; j++) rank[order[j]] = j;
  for (j = 0; j < C; j++) ntrain += train->class_counts[j];
  /* each class's test images in test-set order, then shuffled once with a fixed seed */
  for (t = 0; t < N; t++) cnt[test->labels[t]]++;
  for (j = 0; j < C; j++) start[j + 1] = start[j] + cnt[j];
  for (j = 0; j < C; j++) cnt[j] = 0;
  for (t = 0; t < N; t++) pos[start[test->labels[t]] + cnt[test->labels[t]]++] = t;
  dive_rng_seed(&r, 2021);
  for (j = 0; j < C; j++) {
    for (i = cnt[j] - 1; i > 0; i--) {
      int q = (int)(dive_rng_u32(&r) % (uint32_t)(i + 1));
      int64_t tmp = pos[start[j] + i];
      pos[start[j] + i] = pos[start[j] + q];
      pos[start[j] + q] = tmp;
    }
    if (M < 0 || cnt[j] < M) M = cnt[j];
  }
  /* m_j per distribution: M (1/IF)^(r/(C-1)) for rank r (Forward) or C-1-r (Backward) */
  printf("shifted test label distributions: %d classes, at most %d test images per class\n", C, M);
  for (k = 0; k < 11; k++) {
    int64_t total = 0;
    for (j = 0; j < C; j++) {
      double e = C > 1 ? (double)(k < 5 ? rank[j] : C - 1 - rank[j]) / (C - 1) : 0;
      m[k * C + j] = k == 5 ? M : (int)floor(M * pow(1.0 / cli_shift_if[k], e) + 1e-9);
      total += m[k * C + j];
    }
    printf("  %-12s %lld images\n", cli_shift_col(k), (long long)total);
  }
  CLI_CHECK(cli_loader(d, o, test, 0, &tl), "test loader");
  dive_loader_shape(tl, &c, &h, &w);
  x = (float *)malloc(sizeof(float) * (size_t)o->batch * (size_t)(c * h * w));
  if (!x) { fprintf(stderr, "error: out of memory\n"); return 1; }
  for (mi = 0; mi < nm; mi++) {
    dive_resnet *net;
    const char *ck = cli_ckpt_path(o->shift[mi]);
    cli_ckpt_label(o->shift[mi], label[mi], 64, method, sizeof method);
    /* a plain-CE model's logits carry the training prior: PC also takes it out */
    is_ce[mi] = !strcmp(method, "ce") || !strcmp(method, "kd");
    CLI_CHECK(cli_load_model(d, o, ck, C, &net), "loading a checkpoint (--depth and --width must match it)");
    if (cli_sweep_all(net, tl, C, x, logits, y, NULL, N, &got)) return 1;
    dive_resnet_destroy(net);
    if (got != N) { fprintf(stderr, "error: %s: %lld of %lld test images evaluated\n", ck, (long long)got, (long long)N); return 1; }
    snprintf(res[mi].method, sizeof res[mi].method, "%s", label[mi]);
    CLI_CHECK(dive_eval_begin(&res[mi].ev, C, train->class_counts), "evaluation");
    CLI_CHECK(dive_eval_add(&res[mi].ev, logits, y, (int)N), "evaluation");
    CLI_CHECK(dive_eval_end(&res[mi].ev), "evaluation");
    for (k = 0; k < 11; k++) {
      const int *mk = m + k * C;
      int64_t total = 0, hit[2] = {0, 0};
      for (j = 0; j < C; j++) total += mk[j];
      for (j = 0; j < C; j++) {
        int q;
        for (q = 0; q < mk[j]; q++) {
          const float *row = logits + (size_t)pos[start[j] + q] * C;
          int pc, best[2] = {-1, -1};
          double bv[2] = {0, 0};
          for (i = 0; i < C; i++) {
            /* PC: + log p_test(i) (classes absent from the test set cannot be predicted),
               and for a plain-CE model - log p_train(i) */
            double v0 = row[i], v1;
            if (best[0] < 0 || v0 > bv[0]) { best[0] = i; bv[0] = v0; }
            if (!mk[i]) continue;
            v1 = v0 + log((double)mk[i] / (double)total);
            if (is_ce[mi]) v1 -= log((double)train->class_counts[i] / (double)ntrain);
            if (best[1] < 0 || v1 > bv[1]) { best[1] = i; bv[1] = v1; }
          }
          for (pc = 0; pc < 2; pc++) hit[pc] += best[pc] == j;
        }
      }
      for (i = 0; i < 2; i++) acc[mi][i][k] = total ? 100.0 * (double)hit[i] / (double)total : 0;
    }
  }
  /* shift.csv, shift.md (the paper's Table 8: methods, then the same with PC), stdout */
  snprintf(path, sizeof path, "%s/shift.csv", o->out);
  if (!(f = fopen(path, "w"))) { fprintf(stderr, "error: cannot write %s: %s\n", path, strerror(errno)); return 1; }
  fprintf(f, "method");
  for (k = 0; k < 11; k++) fprintf(f, ",%s", cli_shift_col(k));
  fprintf(f, "\n");
  for (i = 0; i < 2; i++)
    for (mi = 0; mi < nm; mi++) {
      fprintf(f, "%s", i ? "PC " : "");
      cli_csv_field(f, label[mi]);
      for (k = 0; k < 11; k++) fprintf(f, ",%.2f", acc[mi][i][k]);
      fprintf(f, "\n");
    }
  if (fclose(f) != 0) { fprintf(stderr, "error: cannot write %s\n", path); return 1; }
  hl = (size_t)(nm * 2 + 4) * 256 + 4096;
  html = (char *)malloc(hl);
  if (!html) return 1;
  snprintf(path, sizeof path, "%s/shift.md", o->out);
  if (!(f = fopen(path, "w"))) { fprintf(stderr, "error: cannot write %s: %s\n", path, strerror(errno)); return 1; }
  for (c = 0; c < 2; c++) { /* the file, then the same table on stdout */
    FILE *g = c ? stdout : f;
    if (c) fprintf(g, "\n");
    fprintf(g, "| Dataset | Forward | | | | | Uniform | Backward | | | | |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    fprintf(g, "| Imbalance factor |");
    for (k = 0; k < 11; k++) fprintf(g, " %d |", cli_shift_if[k]);
    fprintf(g, "\n");
    for (i = 0; i < 2; i++)
      for (mi = 0; mi < nm; mi++) {
        fprintf(g, "| %s%s |", i ? "PC " : "", label[mi]);
        for (k = 0; k < 11; k++) fprintf(g, " %.2f |", acc[mi][i][k]);
        fprintf(g, "\n");
      }
  }
  fclose(f);
  printf("(top-1 %%; PC: post-compensation with the test label distribution)\nwritten: %s/shift.csv, %s/shift.md\n",
         o->out, o->out);
  { /* the same table in report.html */
    size_t u = 0;
    u += (size_t)snprintf(html + u, hl - u, "<table id=\"shift\">\n<tr><th>Dataset</th><th colspan=\"5\">Forward</th>"
                                            "<th>Uniform</th><th colspan=\"5\">Backward</th></tr>\n<tr><th>Imbalance factor</th>");
    for (k = 0; k < 11; k++) u += (size_t)snprintf(html + u, hl - u, "<th>%d</th>", cli_shift_if[k]);
    u += (size_t)snprintf(html + u, hl - u, "</tr>\n");
    for (i = 0; i < 2; i++)
      for (mi = 0; mi < nm; mi++) {
        u += (size_t)snprintf(html + u, hl - u, "<tr><td>%s%.60s</td>", i ? "PC " : "", label[mi]);
        for (k = 0; k < 11; k++) u += (size_t)snprintf(html + u, hl - u, "<td>%.2f</td>", acc[mi][i][k]);
        u += (size_t)snprintf(html + u, hl - u, "</tr>\n");
      }
    snprintf(html + u, hl - u, "</table>\n<p class=\"note\">Top-1 %% on test subsets whose class sizes follow the "
                               "training order (Forward) or its reverse (Backward); PC adds log p_test(y) to the "
                               "logits (and subtracts log p_train(y) for a plain-CE model).</p>");
  }
  for (mi = 0; mi < nm; mi++) cli_summarize(&res[mi], 1, 1, &sum[mi]);
  cli_settings_fill(&st, d, o, train, test, "--eval-shift (no training)", 0, 0);
  if (!cli_report_write(o->out, "shifted test label distributions", sum, nm, train->class_counts, C, NULL, NULL, &st,
                        "Shifted test label distributions (Appendix C, Table 8)", html))
    return 1;
  for (mi = 0; mi < nm; mi++) { cli_summary_free(&sum[mi]); dive_eval_free(&res[mi].ev); }
  free(html); free(acc); free(res); free(sum); free(label); free(is_ce); free(order); free(rank); free(start);
  free(cnt); free(m); free(pos); free(logits); free(y); free(x);
  dive_loader_destroy(tl);
  return 0;
}

/* ---------------------------------------------------------------- --features CKPT */
/* A safetensors file written atomically: entries of F32 / I32 data, metadata strings. */
static int cli_write_st(const char *path, int n, const char *const *name, const char *const *dtype,
                        const int64_t (*shape)[2], const int *ndim, const void *const *data, const char *meta_json) {
  char tmp[1300], *hdr;
  size_t hcap = 4096 + strlen(meta_json), hl = 0;
  uint64_t off = 0, len;
  unsigned char le[8];
  FILE *f;
  int i, k, ok;
  if (!(hdr = (char *)malloc(hcap))) return 0;
  hl += (size_t)snprintf(hdr + hl, hcap - hl, "{\"__metadata__\":%s", meta_json);
  for (i = 0; i < n; i++) {
    uint64_t bytes = 4;
    for (k = 0; k < ndim[i]; k++) bytes *= (uint64_t)shape[i][k];
    hl += (size_t)snprintf(hdr + hl, hcap - hl, ",\"%s\":{\"dtype\":\"%s\",\"shape\":[", name[i], dtype[i]);
    for (k = 0; k < ndim[i]; k++) hl += (size_t)snprintf(hdr + hl, hcap - hl, "%s%lld", k ? "," : "", (long long)shape[i][k]);
    hl += (size_t)snprintf(hdr + hl, hcap - hl, "],\"data_offsets\":[%llu,%llu]}", (unsigned long long)off,
                           (unsigned long long)(off + bytes));
    off += bytes;
  }
  hl += (size_t)snprintf(hdr + hl, hcap - hl, "}");
  while (hl % 8) hdr[hl++] = ' ';
  len = hl;
  for (k = 0; k < 8; k++) le[k] = (unsigned char)(len >> (8 * k));
  snprintf(tmp, sizeof tmp, "%s.tmp%ld", path, (long)getpid());
  if (!(f = fopen(tmp, "wb"))) { free(hdr); fprintf(stderr, "error: cannot write %s: %s\n", tmp, strerror(errno)); return 0; }
  ok = fwrite(le, 1, 8, f) == 8 && fwrite(hdr, 1, hl, f) == hl;
  for (i = 0; i < n && ok; i++) {
    size_t bytes = 4;
    for (k = 0; k < ndim[i]; k++) bytes *= (size_t)shape[i][k];
    ok = fwrite(data[i], 1, bytes, f) == bytes;
  }
  ok &= fclose(f) == 0;
  free(hdr);
  if (!ok || rename(tmp, path) != 0) {
    fprintf(stderr, "error: cannot write %s: %s\n", path, strerror(errno));
    remove(tmp);
    return 0;
  }
  return 1;
}

static void cli_json_escape(char *out, size_t n, const char *s) {
  size_t u = 0;
  for (; *s && u + 8 < n; s++) {
    if (*s == '"' || *s == '\\') { out[u++] = '\\'; out[u++] = *s; }
    else if ((unsigned char)*s < 0x20) u += (size_t)snprintf(out + u, n - u, "\\u%04x", *s);
    else out[u++] = *s;
  }
  out[u] = 0;
}

static int cli_features_mode(const cli_dataset *d, const cli_opts *o, const dive_dataset *train,
                             const dive_dataset *test) {
  const int C = train->num_classes;
  dive_resnet *m;
  dive_loader *tl;
  float *x, *logits, *feats;
  int32_t *y;
  int64_t got, shape[3][2];
  int c, h, w, D, bad, i, ndim[3] = {2, 1, 1};
  char path[1200], label[64], method[64], *meta, **names;
  const char *nm[3] = {"features", "labels", "train_counts"}, *dt[3] = {"F32", "I32", "I32"};
  const void *data[3];
  size_t ml, u = 0;
  names = cli_class_names(d, o, C, &bad);
  if (bad) return 1;
  CLI_CHECK(cli_load_model(d, o, o->features, C, &m), "loading the checkpoint (--arch, --depth and --width must match it)");
  CLI_CHECK(cli_loader(d, o, test, 0, &tl), "test loader");
  dive_loader_shape(tl, &c, &h, &w);
  D = dive_resnet_tensor(m, DIVE_RESNET_FEATURES)->shape[1];
  x = (float *)malloc(sizeof(float) * (size_t)o->batch * (size_t)(c * h * w));
  logits = (float *)malloc(sizeof(float) * (size_t)test->n * (size_t)C);
  feats = (float *)malloc(sizeof(float) * (size_t)test->n * (size_t)D);
  y = (int32_t *)malloc(sizeof(int32_t) * (size_t)test->n + 4);
  ml = 1024 + (size_t)C * 160;
  meta = (char *)malloc(ml);
  if (!x || !logits || !feats || !y || !meta) { fprintf(stderr, "error: out of memory\n"); return 1; }
  if (cli_sweep_all(m, tl, C, x, logits, y, feats, test->n, &got)) return 1;
  cli_ckpt_label(o->features, label, sizeof label, method, sizeof method);
  /* metadata: strings only (safetensors); class_names is a JSON list inside a string */
  u += (size_t)snprintf(meta + u, ml - u, "{\"generator\":\"%s --features\",\"checkpoint_label\":\"%s\",\"class_names\":\"[",
                        d->name, label);
  for (i = 0; i < C && names; i++) {
    char e[160], e2[330];
    cli_json_escape(e, sizeof e, names[i]);
    snprintf(e2, sizeof e2, "\"%s\"", e);
    cli_json_escape(e, sizeof e, e2);
    u += (size_t)snprintf(meta + u, ml - u, "%s%s", i ? "," : "", e);
  }
  snprintf(meta + u, ml - u, "]\"}");
  shape[0][0] = got; shape[0][1] = D;
  shape[1][0] = got;
  shape[2][0] = C;
  data[0] = feats; data[1] = y; data[2] = train->class_counts;
  snprintf(path, sizeof path, "%s/features.safetensors", o->out);
  if (!cli_write_st(path, 3, nm, dt, (const int64_t (*)[2])shape, ndim, data, meta)) return 1;
  printf("%s: features (%lld, %d), labels (%lld), train_counts (%d) of %s\n", path, (long long)got, D, (long long)got, C,
         o->features);
  free(x); free(logits); free(feats); free(y); free(meta);
  cli_free_names(names, C);
  dive_loader_destroy(tl);
  dive_resnet_destroy(m);
  return 0;
}
#endif
