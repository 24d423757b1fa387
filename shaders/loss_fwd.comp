// loss_fwd: fused CE / BSCE / KD / DiVE loss and d(loss)/d(logits), one invocation per
// example row (mirrors dive__loss_row; fp32 with max-subtracted exponentials).
// logits: binding 0 (B*C)  labels: binding 1 (B ints)  teacher: binding 2 (B*C)
// log_prior: binding 3 (C)  dlogits: binding 4 (B*C, written when has_dl)
// per_example: binding 5 (B; NaN marks a label outside [0, C))
// Absent optional tensors are bound to logits and not read (the flags say which are real).
// grid: B invocations
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

layout(set = 0, binding = 0, std430) readonly buffer S { float v[]; } s;
layout(set = 0, binding = 1, std430) readonly buffer Y { int v[]; } labels;
layout(set = 0, binding = 2, std430) readonly buffer Z { float v[]; } z;
layout(set = 0, binding = 3, std430) readonly buffer LP { float v[]; } logp;
layout(set = 0, binding = 4, std430) buffer DL { float v[]; } dl;
layout(set = 0, binding = 5, std430) writeonly buffer PE { float v[]; } per_ex;
layout(push_constant) uniform P {
  uint o_s, o_y, o_z, o_lp, o_dl, o_pe;
  uint B, C, kind, no_bsce, mix_gt, has_dl;
  float alpha, T, power;
} p;

const uint CE = 0u, BSCE = 1u, KD = 2u, DIVE = 3u; // dive_loss_kind

void main() {
  uint b = dive_gid();
  if (b >= p.B) return;
  uint C = p.C, row = b * C;
  int yi = labels.v[p.o_y + b];
  if (yi < 0 || uint(yi) >= C) {
    per_ex.v[p.o_pe + b] = uintBitsToFloat(0x7fc00000u); // NaN: the host reports the label
    if (p.has_dl != 0u) for (uint j = 0u; j < C; j++) dl.v[p.o_dl + row + j] = 0.0;
    return;
  }
  uint y = uint(yi);
  bool use_ce = p.kind != KD && !(p.kind == DIVE && p.no_bsce != 0u);
  bool use_kd = p.kind == KD || p.kind == DIVE;
  bool prior = p.kind == BSCE || p.kind == DIVE;
  float wce = p.kind == DIVE && use_kd && use_ce ? 1.0 - p.alpha : 1.0;
  float wkd = p.kind == DIVE && use_ce ? p.alpha : 1.0;
  float invB = 1.0 / float(p.B), T = p.T;
  float loss = 0.0;
  if (use_ce) { // log-sum-exp of a = s (+ log prior)
    float mx = -3.402823466e38, sum = 0.0;
    for (uint j = 0u; j < C; j++)
      mx = max(mx, s.v[p.o_s + row + j] + (prior ? logp.v[p.o_lp + j] : 0.0));
    for (uint j = 0u; j < C; j++)
      sum += exp(s.v[p.o_s + row + j] + (prior ? logp.v[p.o_lp + j] : 0.0) - mx);
    float lse = mx + log(sum);
    // (mx - a_y) + log(sum): no cancellation between two large numbers
    loss += wce * ((mx - (s.v[p.o_s + row + y] + (prior ? logp.v[p.o_lp + y] : 0.0))) + log(sum));
    if (p.has_dl != 0u)
      for (uint j = 0u; j < C; j++) {
        float a = s.v[p.o_s + row + j] + (prior ? logp.v[p.o_lp + j] : 0.0);
        dl.v[p.o_dl + row + j] = wce * invB * (exp(a - lse) - (j == y ? 1.0 : 0.0));
      }
  }
  if (use_kd) {
    float tz = p.power / T; // teacher scale: softmax(z p / T)
    float mx_s = -3.402823466e38, mx_t = -3.402823466e38, ls = 0.0, lt = 0.0, kl = 0.0;
    for (uint j = 0u; j < C; j++) {
      mx_s = max(mx_s, s.v[p.o_s + row + j] / T);
      mx_t = max(mx_t, z.v[p.o_z + row + j] * tz);
    }
    for (uint j = 0u; j < C; j++) {
      ls += exp(s.v[p.o_s + row + j] / T - mx_s);
      lt += exp(z.v[p.o_z + row + j] * tz - mx_t);
    }
    ls = mx_s + log(ls);
    lt = mx_t + log(lt);
    for (uint j = 0u; j < C; j++) {
      float logt = z.v[p.o_z + row + j] * tz - lt, q = exp(logt), logq = logt;
      float logsT = s.v[p.o_s + row + j] / T - ls;
      if (p.mix_gt != 0u) {
        q = (1.0 - p.alpha) * (j == y ? 1.0 : 0.0) + p.alpha * exp(logt);
        logq = q > 0.0 ? log(q) : 0.0;
      }
      if (q > 0.0) kl += q * (logq - logsT);
      if (p.has_dl != 0u) {
        float g = wkd * T * invB * (exp(logsT) - q);
        dl.v[p.o_dl + row + j] = use_ce ? dl.v[p.o_dl + row + j] + g : g;
      }
    }
    loss += wkd * T * T * kl;
  }
  per_ex.v[p.o_pe + b] = loss;
}
