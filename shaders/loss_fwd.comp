// loss_fwd: the fused loss family and d(loss)/d(logits), one invocation per example row
// (the terms of dive__loss_p, resolved from the desc on the host by dive__loss_params):
//   row loss = wce (lse(a) - a_y) + wkd T^2 KL(q || softmax(s / T)), a = s [+ log n]
//   d / ds   = wce (softmax(a) - onehot) / B + wkd T (softmax(s / T) - q) / B
// with t = softmax(z p / T) and q = t or (1 - alpha) onehot + alpha t (mix_gt).
// fp32 with max-subtracted exponentials.
// logits: binding 0 (B*C)  labels: binding 1 (B ints)  teacher: binding 2 (B*C)
// log_prior: binding 3 (C)  dlogits: binding 4 (B*C, written when has_dl)
// per_example: binding 5 (B; NaN marks a label outside [0, C))
// loss scale: binding 6 (scaled: dlogits *= ls[0], a power of two, so exactly; the loss
// itself is not scaled; dive__vk_loss_fwd, docs/vulkan.md "Loss scaling")
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
layout(set = 0, binding = 6, std430) readonly buffer LS { float v[]; } ls;
layout(push_constant) uniform P {
  uint o_s, o_y, o_z, o_lp, o_dl, o_pe, o_ls;
  uint B, C, use_ce, prior, use_kd, mix_gt, has_dl, scaled;
  float wce, wkd, alpha, T, power;
} p;

float a_of(uint row, uint j) { // the hard-label term's logit: s (+ log n)
  return s.v[p.o_s + row + j] + (p.prior != 0u ? logp.v[p.o_lp + j] : 0.0);
}

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
  float invB = 1.0 / float(p.B), T = p.T;
  float loss = 0.0;
  if (p.use_ce != 0u) { // log-sum-exp of a
    float mx = -3.402823466e38, sum = 0.0;
    for (uint j = 0u; j < C; j++) mx = max(mx, a_of(row, j));
    for (uint j = 0u; j < C; j++) sum += exp(a_of(row, j) - mx);
    float lse = mx + log(sum);
    // (mx - a_y) + log(sum): no cancellation between two large numbers
    loss += p.wce * ((mx - a_of(row, y)) + log(sum));
    if (p.has_dl != 0u)
      for (uint j = 0u; j < C; j++)
        dl.v[p.o_dl + row + j] = p.wce * invB * (exp(a_of(row, j) - lse) - (j == y ? 1.0 : 0.0));
  }
  if (p.use_kd != 0u) {
    float tz = p.power / T; // teacher scale: softmax(z p / T)
    float mx_s = -3.402823466e38, mx_t = -3.402823466e38, ls = 0.0, lt = 0.0, kl = 0.0;
    float log_alpha = p.alpha > 0.0 ? log(p.alpha) : 0.0;
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
        if (j == y) {
          q = (1.0 - p.alpha) + p.alpha * exp(logt);
          logq = q > 0.0 ? log(q) : 0.0;
        } else { // q = alpha t: its log without forming a tiny product first
          q = p.alpha * exp(logt);
          logq = log_alpha + logt;
        }
      }
      if (q > 0.0) kl += q * (logq - logsT);
      if (p.has_dl != 0u) {
        float g = p.wkd * T * invB * (exp(logsT) - q);
        dl.v[p.o_dl + row + j] = p.use_ce != 0u ? dl.v[p.o_dl + row + j] + g : g;
      }
    }
    loss += p.wkd * T * T * kl;
  }
  if (p.scaled != 0u && p.has_dl != 0u) { // after the terms: the same bits times S
    float S = ls.v[p.o_ls];
    for (uint j = 0u; j < C; j++) dl.v[p.o_dl + row + j] *= S;
  }
  per_ex.v[p.o_pe + b] = loss;
}
