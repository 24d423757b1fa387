// bn_merge: combines each channel c's chunks of bn_part (or of a conv epilogue's column
// tiles) in a fixed order (chunk j holds min(L, M - j*L) elements, M = N*HW):
//   mode 0: statistics, Chan et al.'s pairwise update of two disjoint parts a and b
//           (n = na + nb, d = mean_b - mean_a, mean += d nb / n, M2 += M2_b + d^2 na nb / n);
//           var = M2 / M (biased); mean, rstd = 1/sqrt(var + eps); running_mean (flags
//           bit 0) and running_var (bit 1, unbiased: var M/(M-1), as PyTorch) <-
//           (1 - momentum) r + momentum x;
//   mode 1: backward sums: sums[c] = (sum dy, sum dy xhat); dgamma += (bit 2), dbeta += (bit 3);
//   mode 2: the bias gradient: db[c] += sum (db is binding 7);
//   mode 3: eval statistics, no chunks: mean = running_mean, rstd = 1/sqrt(running_var + eps)
//           (one invocation per channel only).
// Built three times (shaders/embed.py):
//   bn_merge: one invocation per channel loops over the chunks j = 0, 1, ... in order;
//   bn_merge_wg (-DDIVE_MERGE_WG): one work group per channel (many chunks, few channels):
//           invocation t merges the chunks t, t + WG, t + 2 WG, ... in that order, then the
//           work group combines its invocations' parts in shared memory in a fixed tree
//           (the same fold and halving as dive_wg_sum), invocation 0 writes. Fixed order
//           both ways: the same bits from run to run (not the same bits as each other);
//   bn_merge_wg_sg (-DDIVE_MERGE_WG -DDIVE_SUBGROUP): bn_merge_wg with subgroup sums
//           (reduce.glsl) and the work group's merge from two of them (wg_chan below);
//   bn_merge_eval (-DDIVE_MERGE_EVAL): mode 3 alone, the running statistics declared
//           readonly, so the recorder tracks them as read: an eval conv reading them after
//           it runs beside it without a barrier (an eval unit is one dependency level).
// part: binding 0   running_mean: 1   running_var: 2   mean: 3   rstd: 4   sums: 5 (2C)
// dgamma: 6   dbeta / db: 7; unused ones are absent.
// grid: C invocations (bn_merge) or C work groups (bn_merge_wg, dive__vk_run_groups)
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

layout(set = 0, binding = 0, std430) readonly buffer Part { float v[]; } part;
#ifdef DIVE_MERGE_EVAL
layout(set = 0, binding = 1, std430) readonly buffer Rm { float v[]; } rmean;
layout(set = 0, binding = 2, std430) readonly buffer Rv { float v[]; } rvar;
#else
layout(set = 0, binding = 1, std430) buffer Rm { float v[]; } rmean;
layout(set = 0, binding = 2, std430) buffer Rv { float v[]; } rvar;
#endif
layout(set = 0, binding = 3, std430) writeonly buffer Mn { float v[]; } mean;
layout(set = 0, binding = 4, std430) writeonly buffer Rs { float v[]; } rstd;
layout(set = 0, binding = 5, std430) writeonly buffer Sums { float v[]; } sums;
layout(set = 0, binding = 6, std430) buffer Dg { float v[]; } dgamma;
layout(set = 0, binding = 7, std430) buffer Db { float v[]; } dbeta;
layout(push_constant) uniform P {
  uint o_part, o_rmean, o_rvar, o_mean, o_rstd, o_sums, o_dgamma, o_dbeta;
  uint N, C, HW, mode, flags, L, nchunk, unused;
  float momentum, eps;
} p;

// Chan's update: part a (na values, r = (mean, M2)) absorbs the disjoint part b. An empty
// a takes b exactly (d nb / n = d, na nb / n = 0); an empty b leaves a as it is.
void chan(inout float na, inout vec2 a, float nb, vec2 b) {
  if (nb == 0.0) return;
  float n = na + nb, d = b.x - a.x;
  a.x += d * (nb / n);
  a.y += b.y + d * d * (na * nb / n);
  na = n;
}

#ifdef DIVE_MERGE_WG
#include "reduce.glsl"
#ifdef DIVE_SUBGROUP
// bn_merge_wg_sg: the same merge from two work-group sums (dive_wg_sum's subgroup form):
// the count and the sum n mean give the channel's mean mu, then M2 = sum (M2_t + n_t
// (mean_t - mu)^2), the parts' deviations taken from the final mean (no cancellation).
// An empty part (n = 0, r = 0) adds nothing. Reached by every invocation (barriers).
void wg_chan(inout float n, inout vec2 r) {
  vec2 a = dive_wg_sum(vec2(n, n * r.x));
  float mu = a.y / a.x, d = r.x - mu; // a.x = the channel's M >= 2
  r = vec2(mu, dive_wg_sum(vec2(r.y + n * d * d, 0.0)).x);
  n = a.x;
}
#else
shared float dive_cnt[DIVE_WG];

// the work group's Chan merge of every invocation's (n, r), in dive_wg_sum's tree order:
// the invocations at or above the largest power of two p2 fold into t - p2 first, then
// t absorbs t + s for s = p2/2, p2/4, ..., 1. Reached by every invocation (barriers).
void wg_chan(inout float n, inout vec2 r) {
  uint t = gl_LocalInvocationID.x, p2 = 1u;
  while (p2 * 2u <= DIVE_WG) p2 *= 2u;
  dive_red[t] = r;
  dive_cnt[t] = n;
  barrier();
  if (t >= p2) {
    float na = dive_cnt[t - p2];
    vec2 a = dive_red[t - p2];
    chan(na, a, dive_cnt[t], dive_red[t]);
    dive_red[t - p2] = a;
    dive_cnt[t - p2] = na;
  }
  barrier();
  for (uint s = p2 / 2u; s > 0u; s >>= 1) {
    if (t < s) {
      float na = dive_cnt[t];
      vec2 a = dive_red[t];
      chan(na, a, dive_cnt[t + s], dive_red[t + s]);
      dive_red[t] = a;
      dive_cnt[t] = na;
    }
    barrier();
  }
  r = dive_red[0];
  n = dive_cnt[0];
}
#endif
#endif

#ifdef DIVE_MERGE_EVAL
void main() {
  uint c = dive_gid();
  if (c >= p.C) return;
  mean.v[p.o_mean + c] = rmean.v[p.o_rmean + c];
  rstd.v[p.o_rstd + c] = 1.0 / sqrt(rvar.v[p.o_rvar + c] + p.eps);
}
#else
void main() {
  uint M = p.N * p.HW;
#ifdef DIVE_MERGE_WG
  uint c = dive_group(), j0 = gl_LocalInvocationID.x, js = DIVE_WG;
  if (c >= p.C) return; // the whole work group leaves together
#else
  uint c = dive_gid(), j0 = 0u, js = 1u;
  if (c >= p.C) return;
#endif
  uint base = p.o_part + 2u * c * p.nchunk;
  if (p.mode == 0u) {
    float na = 0.0;
    vec2 r = vec2(0.0); // (mean, M2) of the chunks so far
    for (uint j = j0; j < p.nchunk; j += js)
      chan(na, r, float(min(p.L, M - j * p.L)), vec2(part.v[base + 2u * j], part.v[base + 2u * j + 1u]));
#ifdef DIVE_MERGE_WG
    wg_chan(na, r);
    if (gl_LocalInvocationID.x != 0u) return;
#endif
    float var = r.y / float(M);
    mean.v[p.o_mean + c] = r.x;
    rstd.v[p.o_rstd + c] = 1.0 / sqrt(var + p.eps);
    if ((p.flags & 1u) != 0u)
      rmean.v[p.o_rmean + c] = (1.0 - p.momentum) * rmean.v[p.o_rmean + c] + p.momentum * r.x;
    if ((p.flags & 2u) != 0u)
      rvar.v[p.o_rvar + c] = (1.0 - p.momentum) * rvar.v[p.o_rvar + c] +
                             p.momentum * (var * (float(M) / float(M - 1u)));
    return;
  }
  vec2 s = vec2(0.0);
  for (uint j = j0; j < p.nchunk; j += js) s += vec2(part.v[base + 2u * j], part.v[base + 2u * j + 1u]);
#ifdef DIVE_MERGE_WG
  s = dive_wg_sum(s);
  if (gl_LocalInvocationID.x != 0u) return;
#endif
  if (p.mode == 1u) {
    sums.v[p.o_sums + 2u * c] = s.x;
    sums.v[p.o_sums + 2u * c + 1u] = s.y;
    if ((p.flags & 4u) != 0u) dgamma.v[p.o_dgamma + c] += s.y;
    if ((p.flags & 8u) != 0u) dbeta.v[p.o_dbeta + c] += s.x;
  } else {
    dbeta.v[p.o_dbeta + c] += s.x;
  }
}
#endif
