// bn_merge: one invocation per channel c combines the channel's chunks of bn_part in chunk
// order (chunk j holds min(L, M - j*L) elements, M = N*HW):
//   mode 0: statistics, Chan et al.'s pairwise update (n = na + nb, d = mean_b - mean_a,
//           mean += d nb / n, M2 += M2_b + d^2 na nb / n); var = M2 / M (biased);
//           mean, rstd = 1/sqrt(var + eps); running_mean (flags bit 0) and running_var
//           (bit 1, unbiased: var M/(M-1), as PyTorch) <- (1 - momentum) r + momentum x;
//   mode 1: backward sums: sums[c] = (sum dy, sum dy xhat); dgamma += (bit 2), dbeta += (bit 3);
//   mode 2: the bias gradient: db[c] += sum (db is binding 7);
//   mode 3: eval statistics, no chunks: mean = running_mean, rstd = 1/sqrt(running_var + eps);
//   modes 4 and 5: the first level of a two-level merge: one invocation per (channel c,
//           group g) of ng = ceil(nchunk / group) groups merges the chunks g*group ..
//           min((g+1)*group, nchunk) - 1 in order, mode 4 as mode 0 (to the group's mean, M2),
//           mode 5 as the sums, to sums[2 (c ng + g) ..+2]: the partials of chunks of
//           group*L elements for a second dispatch in mode 0, 1 or 2.
// part: binding 0   running_mean: 1   running_var: 2   mean: 3   rstd: 4   sums: 5 (2C)
// dgamma: 6   dbeta / db: 7; unused ones are absent.
// grid: C invocations (modes 4, 5: C * ng)
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

layout(set = 0, binding = 0, std430) readonly buffer Part { float v[]; } part;
layout(set = 0, binding = 1, std430) buffer Rm { float v[]; } rmean;
layout(set = 0, binding = 2, std430) buffer Rv { float v[]; } rvar;
layout(set = 0, binding = 3, std430) writeonly buffer Mn { float v[]; } mean;
layout(set = 0, binding = 4, std430) writeonly buffer Rs { float v[]; } rstd;
layout(set = 0, binding = 5, std430) writeonly buffer Sums { float v[]; } sums;
layout(set = 0, binding = 6, std430) buffer Dg { float v[]; } dgamma;
layout(set = 0, binding = 7, std430) buffer Db { float v[]; } dbeta;
layout(push_constant) uniform P {
  uint o_part, o_rmean, o_rvar, o_mean, o_rstd, o_sums, o_dgamma, o_dbeta;
  uint N, C, HW, mode, flags, L, nchunk, group;
  float momentum, eps;
} p;

void main() {
  uint M = p.N * p.HW;
  if (p.mode >= 4u) {
    uint ng = (p.nchunk + p.group - 1u) / p.group, id = dive_gid();
    if (id >= p.C * ng) return;
    uint ch = id / ng, j0 = (id - ch * ng) * p.group, j1 = min(j0 + p.group, p.nchunk);
    uint gbase = p.o_part + 2u * ch * p.nchunk;
    vec2 r = vec2(0.0);
    if (p.mode == 4u) {
      float na = 0.0; /* r = (mean, M2) of the chunks so far */
      for (uint j = j0; j < j1; j++) {
        float nb = float(min(p.L, M - j * p.L)), n = na + nb;
        float d = part.v[gbase + 2u * j] - r.x;
        r.x += d * (nb / n);
        r.y += part.v[gbase + 2u * j + 1u] + d * d * (na * nb / n);
        na = n;
      }
    } else {
      for (uint j = j0; j < j1; j++) r += vec2(part.v[gbase + 2u * j], part.v[gbase + 2u * j + 1u]);
    }
    sums.v[p.o_sums + 2u * id] = r.x;
    sums.v[p.o_sums + 2u * id + 1u] = r.y;
    return;
  }
  uint c = dive_gid();
  if (c >= p.C) return;
  uint base = p.o_part + 2u * c * p.nchunk;
  if (p.mode == 3u) {
    mean.v[p.o_mean + c] = rmean.v[p.o_rmean + c];
    rstd.v[p.o_rstd + c] = 1.0 / sqrt(rvar.v[p.o_rvar + c] + p.eps);
    return;
  }
  if (p.mode == 0u) {
    float na = 0.0, mu = 0.0, m2 = 0.0;
    for (uint j = 0u; j < p.nchunk; j++) {
      float nb = float(min(p.L, M - j * p.L)), n = na + nb;
      float d = part.v[base + 2u * j] - mu;
      mu += d * (nb / n);
      m2 += part.v[base + 2u * j + 1u] + d * d * (na * nb / n);
      na = n;
    }
    float var = m2 / float(M);
    mean.v[p.o_mean + c] = mu;
    rstd.v[p.o_rstd + c] = 1.0 / sqrt(var + p.eps);
    if ((p.flags & 1u) != 0u)
      rmean.v[p.o_rmean + c] = (1.0 - p.momentum) * rmean.v[p.o_rmean + c] + p.momentum * mu;
    if ((p.flags & 2u) != 0u)
      rvar.v[p.o_rvar + c] = (1.0 - p.momentum) * rvar.v[p.o_rvar + c] +
                             p.momentum * (var * (float(M) / float(M - 1u)));
    return;
  }
  vec2 s = vec2(0.0);
  for (uint j = 0u; j < p.nchunk; j++) s += vec2(part.v[base + 2u * j], part.v[base + 2u * j + 1u]);
  if (p.mode == 1u) {
    sums.v[p.o_sums + 2u * c] = s.x;
    sums.v[p.o_sums + 2u * c + 1u] = s.y;
    if ((p.flags & 4u) != 0u) dgamma.v[p.o_dgamma + c] += s.y;
    if ((p.flags & 8u) != 0u) dbeta.v[p.o_dbeta + c] += s.x;
  } else {
    dbeta.v[p.o_dbeta + c] += s.x;
  }
}
