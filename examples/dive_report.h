/* dive_report.h - report.html for the example programs: one self-contained page (inline
   SVG, inline CSS, no script, nothing fetched) that a person opens in a browser.

   It shows the results table (mean ± std when there are several seeds), the training
   curves (loss and test top-1 per epoch, every method), the per-class test accuracy with
   the classes ordered from head to tail (most training images first), every method
   overlaid and the Many / Medium / Few bands marked, the VE plot of the analyzer (ve.svg,
   inlined) and the settings of the run. Included by dive_cli.h; plain C99 and stdio. */
#ifndef DIVE_REPORT_H
#define DIVE_REPORT_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <math.h>
#include <unistd.h>

/* one method: its table row, curves and per-class accuracy */
typedef struct cli_report_run {
  const char *method;
  int nseeds;
  double mean[5], std[5];    /* top-1, top-5, Many, Medium, Few (percent); std: over seeds */
  const double *per_class;   /* num_classes, percent (mean over seeds) */
  int nepochs;               /* 0: no curves (an evaluated checkpoint) */
  const double *loss, *top1; /* per epoch (mean over seeds) */
} cli_report_run;

typedef struct cli_report {
  const char *title;
  int num_classes, by_thirds;
  const int *train_counts, *group; /* num_classes: training images, DIVE_GROUP_* of each class */
  const char *const *names;        /* class names or NULL */
  const cli_report_run *runs;
  int nruns;
  const char *ve_svg;              /* path of ve.svg to inline, or NULL */
  const char *const *settings;     /* key, value, key, value, ... */
  int nsettings;                   /* pairs */
  const char *extra_title, *extra_html; /* one more section (already HTML), or NULL */
} cli_report;

static const char *const cli_rep_color[8] = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e",
                                             "#9467bd", "#8c564b", "#e377c2", "#17becf"};

static void cli_rep_esc(FILE *f, const char *s) {
  for (; s && *s; s++) {
    if (*s == '<') fputs("&lt;", f);
    else if (*s == '>') fputs("&gt;", f);
    else if (*s == '&') fputs("&amp;", f);
    else if (*s == '"') fputs("&quot;", f);
    else fputc(*s, f);
  }
}

/* a "nice" upper bound for an axis: 1, 2 or 5 times a power of ten at or above v */
static double cli_rep_nice(double v) {
  double p;
  if (!(v > 0)) return 1;
  p = pow(10, floor(log10(v)));
  if (v <= p) return p;
  if (v <= 2 * p) return 2 * p;
  if (v <= 5 * p) return 5 * p;
  return 10 * p;
}

static void cli_rep_legend(FILE *f, const cli_report *r, int x, int y) {
  int i;
  for (i = 0; i < r->nruns; i++) {
    fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"4\" fill=\"%s\"/>", x + 110 * i, y - 4,
            cli_rep_color[i % 8]);
    fprintf(f, "<text x=\"%d\" y=\"%d\">", x + 110 * i + 18, y);
    cli_rep_esc(f, r->runs[i].method);
    fprintf(f, "</text>\n");
  }
}

/* one line chart of a per-epoch series (which = 0: loss, 1: test top-1) for every run */
static void cli_rep_curve(FILE *f, const cli_report *r, int which, const char *id, const char *ylabel) {
  const int W = 460, H = 300, L = 56, R = 14, T = 34, B = 44, pw = W - L - R, ph = H - T - B;
  double ymax = 0;
  int i, e, E = 1, k;
  for (i = 0; i < r->nruns; i++) {
    const double *v = which ? r->runs[i].top1 : r->runs[i].loss;
    if (r->runs[i].nepochs > E) E = r->runs[i].nepochs;
    for (e = 0; e < r->runs[i].nepochs; e++)
      if (v[e] == v[e] && v[e] > ymax) ymax = v[e];
  }
  ymax = which ? 100 : cli_rep_nice(ymax);
  fprintf(f, "<svg id=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
             "font-family=\"sans-serif\" font-size=\"11\">\n", id, W, H);
  fprintf(f, "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n");
  cli_rep_legend(f, r, L, 16);
  for (k = 0; k <= 4; k++) { /* y grid */
    int y = T + ph - ph * k / 4;
    fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>", L, y, L + pw, y);
    fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%g</text>\n", L - 4, y + 4, ymax * k / 4);
  }
  for (k = 0; k <= 4 && E > 1; k++) { /* x ticks */
    int ep = 1 + (E - 1) * k / 4, x = L + (int)((double)pw * (ep - 1) / (E - 1));
    fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d</text>\n", x, T + ph + 16, ep);
  }
  fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"black\"/>\n", L, T, pw, ph);
  fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">epoch</text>\n", L + pw / 2, H - 8);
  fprintf(f, "<text transform=\"translate(14,%d) rotate(-90)\" text-anchor=\"middle\">%s</text>\n", T + ph / 2, ylabel);
  for (i = 0; i < r->nruns; i++) {
    const double *v = which ? r->runs[i].top1 : r->runs[i].loss;
    const int n = r->runs[i].nepochs;
    if (!n) continue;
    fprintf(f, "<polyline class=\"series\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"",
            cli_rep_color[i % 8]);
    for (e = 0; e < n; e++) {
      double yy = v[e] == v[e] ? v[e] : 0;
      fprintf(f, "%.1f,%.1f ", L + (E > 1 ? (double)pw * e / (E - 1) : pw / 2.0),
              T + ph - ph * (yy > ymax ? 1.0 : yy / ymax));
    }
    fprintf(f, "\"/>\n");
    for (e = 0; e < n && n <= 60; e++)
      fprintf(f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"><title>%s epoch %d: %.4g</title></circle>\n",
              L + (E > 1 ? (double)pw * e / (E - 1) : pw / 2.0),
              T + ph - ph * (v[e] == v[e] && v[e] < ymax ? v[e] / ymax : v[e] == v[e] ? 1.0 : 0.0),
              cli_rep_color[i % 8], r->runs[i].method, e + 1, v[e]);
  }
  fprintf(f, "</svg>\n");
}

/* per-class accuracy, classes from head to tail, group bands behind the lines */
static void cli_rep_per_class(FILE *f, const cli_report *r) {
  static const char *band[3] = {"#eef3fb", "#fdf3e7", "#eef8ee"};
  const char *gname[3];
  const int C = r->num_classes, W = 940, H = 340, L = 56, R = 14, T = 52, B = 48, pw = W - L - R, ph = H - T - B;
  int *order = (int *)malloc(sizeof(int) * (size_t)(C > 0 ? C : 1)), i, j, k, start;
  if (!order) return;
  gname[0] = r->by_thirds ? "Head" : "Many";
  gname[1] = r->by_thirds ? "Middle" : "Medium";
  gname[2] = r->by_thirds ? "Tail" : "Few";
  for (i = 0; i < C; i++) order[i] = i;
  for (i = 1; i < C; i++) { /* stable insertion sort: most training images first */
    int v = order[i];
    for (j = i - 1; j >= 0 && r->train_counts[order[j]] < r->train_counts[v]; j--) order[j + 1] = order[j];
    order[j + 1] = v;
  }
#define CLI_REP_X(rank) (L + (C > 1 ? (double)pw * (rank) / (C - 1) : pw / 2.0))
  fprintf(f, "<svg id=\"per-class\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
             "font-family=\"sans-serif\" font-size=\"11\">\n", W, H);
  fprintf(f, "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n");
  cli_rep_legend(f, r, L, 16);
  for (start = 0; start < C; start = i) { /* one band per run of classes of the same group */
    double x0, x1;
    int g = r->group[order[start]];
    for (i = start; i < C && r->group[order[i]] == g; i++) {}
    x0 = start ? (CLI_REP_X(start - 1) + CLI_REP_X(start)) / 2 : L;
    x1 = i < C ? (CLI_REP_X(i - 1) + CLI_REP_X(i)) / 2 : L + pw;
    fprintf(f, "<rect class=\"band\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>", x0, T, x1 - x0,
            ph, band[g % 3]);
    fprintf(f, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\">%s (%d)</text>\n", (x0 + x1) / 2,
            T - 6, gname[g % 3], i - start);
  }
  for (k = 0; k <= 4; k++) {
    int y = T + ph - ph * k / 4;
    fprintf(f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ccc\"/>", L, y, L + pw, y);
    fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%d</text>\n", L - 4, y + 4, 25 * k);
  }
  fprintf(f, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"black\"/>\n", L, T, pw, ph);
  fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">classes from head to tail (training images: %d ... %d)</text>\n",
          L + pw / 2, H - 10, C ? r->train_counts[order[0]] : 0, C ? r->train_counts[order[C - 1]] : 0);
  fprintf(f, "<text transform=\"translate(14,%d) rotate(-90)\" text-anchor=\"middle\">test accuracy %%</text>\n",
          T + ph / 2);
  for (k = 0; k < r->nruns; k++) {
    const double *pc = r->runs[k].per_class;
    if (!pc) continue;
    fprintf(f, "<polyline class=\"series\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"",
            cli_rep_color[k % 8]);
    for (i = 0; i < C; i++) fprintf(f, "%.1f,%.1f ", CLI_REP_X(i), T + ph - ph * pc[order[i]] / 100.0);
    fprintf(f, "\"/>\n");
    for (i = 0; i < C && C <= 200; i++) {
      fprintf(f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"><title>", CLI_REP_X(i),
              T + ph - ph * pc[order[i]] / 100.0, cli_rep_color[k % 8]);
      cli_rep_esc(f, r->runs[k].method);
      fprintf(f, ", class %d", order[i]);
      if (r->names && r->names[order[i]]) { fputs(" (", f); cli_rep_esc(f, r->names[order[i]]); fputs(")", f); }
      fprintf(f, ", %d training images: %.2f %%</title></circle>\n", r->train_counts[order[i]], pc[order[i]]);
    }
  }
#undef CLI_REP_X
  fprintf(f, "</svg>\n");
  free(order);
}

/* The page, written to path.tmpPID and renamed over path: a reader never sees half of it. */
static int cli_write_report(const char *path, const cli_report *r) {
  static const char *col[5] = {"top-1", "top-5", NULL, NULL, NULL};
  char tmp[1300];
  FILE *f;
  int i, k, curves = 0, ok;
  snprintf(tmp, sizeof tmp, "%.1200s.tmp%ld", path, (long)getpid());
  if (!(f = fopen(tmp, "w"))) {
    fprintf(stderr, "error: cannot write %s: %s\n", tmp, strerror(errno));
    return 0;
  }
  col[2] = r->by_thirds ? "Head" : "Many";
  col[3] = r->by_thirds ? "Middle" : "Medium";
  col[4] = r->by_thirds ? "Tail" : "Few";
  for (i = 0; i < r->nruns; i++) curves |= r->runs[i].nepochs > 0;
  fprintf(f, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
  cli_rep_esc(f, r->title);
  fprintf(f, "</title>\n<style>\nbody{font-family:sans-serif;margin:24px;color:#222;max-width:1000px}\n"
             "table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #bbb;padding:4px 10px;text-align:right}\n"
             "th{background:#f0f0f0}td:first-child,th:first-child{text-align:left}\n"
             "h2{margin-top:28px;border-bottom:1px solid #ccc}svg{margin:4px 8px 4px 0}.note{color:#666;font-size:90%%}\n"
             "</style>\n</head>\n<body>\n<h1>");
  cli_rep_esc(f, r->title);
  fprintf(f, "</h1>\n<h2>Results</h2>\n<table id=\"results\">\n<tr><th>method</th>");
  for (k = 0; k < 5; k++) fprintf(f, "<th>%s</th>", col[k]);
  fprintf(f, "</tr>\n");
  for (i = 0; i < r->nruns; i++) {
    fprintf(f, "<tr class=\"run\"><td>");
    cli_rep_esc(f, r->runs[i].method);
    fprintf(f, "</td>");
    for (k = 0; k < 5; k++) {
      if (r->runs[i].nseeds > 1) fprintf(f, "<td>%.2f &plusmn; %.2f</td>", r->runs[i].mean[k], r->runs[i].std[k]);
      else fprintf(f, "<td>%.2f</td>", r->runs[i].mean[k]);
    }
    fprintf(f, "</tr>\n");
  }
  fprintf(f, "</table>\n<p class=\"note\">Balanced test set, percent. %s are the mean per-class accuracies of the "
             "classes with %s.%s</p>\n", r->by_thirds ? "Head / Middle / Tail" : "Many / Medium / Few",
          r->by_thirds ? "the most / middle / fewest training images (thirds of the classes; a count group would be empty)"
                       : "more than 100 / 20 to 100 / fewer than 20 training images",
          r->nruns && r->runs[0].nseeds > 1 ? " Mean &plusmn; standard deviation (n - 1) over the seeds." : "");
  if (curves) {
    fprintf(f, "<h2>Training curves</h2>\n");
    cli_rep_curve(f, r, 0, "curve-loss", "training loss");
    cli_rep_curve(f, r, 1, "curve-top1", "test top-1 %");
  }
  fprintf(f, "<h2>Per-class accuracy</h2>\n");
  cli_rep_per_class(f, r);
  if (r->ve_svg) {
    FILE *v = fopen(r->ve_svg, "r");
    char buf[4096];
    size_t n;
    if (v) {
      fprintf(f, "<h2>Virtual-example distribution</h2>\n<div id=\"ve\">\n");
      while ((n = fread(buf, 1, sizeof buf, v)) > 0) fwrite(buf, 1, n, f);
      fclose(v);
      fprintf(f, "</div>\n");
    }
  }
  if (r->extra_html) {
    fprintf(f, "<h2>");
    cli_rep_esc(f, r->extra_title);
    fprintf(f, "</h2>\n%s\n", r->extra_html);
  }
  fprintf(f, "<h2>Settings</h2>\n<table id=\"settings\">\n");
  for (i = 0; i < r->nsettings; i++) {
    fprintf(f, "<tr><td>");
    cli_rep_esc(f, r->settings[2 * i]);
    fprintf(f, "</td><td style=\"text-align:left\">");
    cli_rep_esc(f, r->settings[2 * i + 1]);
    fprintf(f, "</td></tr>\n");
  }
  fprintf(f, "</table>\n</body>\n</html>\n");
  ok = !ferror(f);
  ok &= fclose(f) == 0;
  if (!ok || rename(tmp, path) != 0) {
    fprintf(stderr, "error: cannot write %s: %s\n", path, strerror(errno));
    remove(tmp);
    return 0;
  }
  return 1;
}
#endif
