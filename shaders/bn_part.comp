// bn_part: per-channel partial sums over chunks of a (N, C, HW) tensor, one work group per
// (channel c, chunk j): the chunk is elements t in [j*L, min((j+1)*L, M)) of the channel's
// M = N*HW (t = n*HW + hw). Written to part[(c*nchunk + j)*2 ..+2]; bn_merge combines the
// chunks of a channel in chunk order, so the result does not depend on scheduling.
//   mode 0 (BN statistics of x): (mean of the chunk, M2 = sum (x - chunk mean)^2), two
//          passes over the chunk;
//   mode 1 (BN backward sums): (sum dy, sum dy * xhat), xhat = (x - mean) rstd, dy = dout,
//          times (y > 0) when flags bit 0 (the ReLU after the BN: y is its output); flags
//          bit 1 also writes that dy to dres (the gradient for a residual branch);
//   mode 2 (a plain sum of dout: the conv/linear bias gradient): (sum dout, 0).
// x: binding 0   dout: 1   y: 2   mean: 3 (C)   rstd: 4 (C)   part: 5   dres: 6;
// the bindings a mode does not use are absent (bound to another tensor, never read).
// grid: C * nchunk work groups (dive__vk_run_groups)
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"
#include "reduce.glsl"

layout(set = 0, binding = 0, std430) readonly buffer X { float v[]; } x;
layout(set = 0, binding = 1, std430) readonly buffer Dout { float v[]; } dout;
layout(set = 0, binding = 2, std430) readonly buffer Y { float v[]; } y;
layout(set = 0, binding = 3, std430) readonly buffer Mn { float v[]; } mean;
layout(set = 0, binding = 4, std430) readonly buffer Rs { float v[]; } rstd;
layout(set = 0, binding = 5, std430) writeonly buffer Part { float v[]; } part;
layout(set = 0, binding = 6, std430) writeonly buffer Dres { float v[]; } dres;
layout(push_constant) uniform P {
  uint o_x, o_dout, o_y, o_mean, o_rstd, o_part, o_dres;
  uint N, C, HW, mode, flags, L, nchunk;
} p;

uint at(uint c, uint t) { return (t / p.HW * p.C + c) * p.HW + t % p.HW; }

void main() {
  uint grp = dive_group();
  if (grp >= p.C * p.nchunk) return; // the whole work group leaves together
  uint c = grp / p.nchunk, j = grp % p.nchunk, tid = gl_LocalInvocationID.x;
  uint M = p.N * p.HW, t0 = j * p.L, t1 = min(t0 + p.L, M), t;
  vec2 s = vec2(0.0);
  if (p.mode == 0u) {
    float a = 0.0;
    for (t = t0 + tid; t < t1; t += DIVE_WG) a += x.v[p.o_x + at(c, t)];
    float mu = dive_wg_sum(vec2(a, 0.0)).x / float(t1 - t0);
    a = 0.0;
    for (t = t0 + tid; t < t1; t += DIVE_WG) {
      float d = x.v[p.o_x + at(c, t)] - mu;
      a += d * d;
    }
    s = vec2(mu, dive_wg_sum(vec2(a, 0.0)).x);
  } else if (p.mode == 1u) {
    float mu = mean.v[p.o_mean + c], rs = rstd.v[p.o_rstd + c];
    for (t = t0 + tid; t < t1; t += DIVE_WG) {
      uint e = at(c, t);
      float dy = dout.v[p.o_dout + e];
      if ((p.flags & 1u) != 0u && !(y.v[p.o_y + e] > 0.0)) dy = 0.0;
      if ((p.flags & 2u) != 0u) dres.v[p.o_dres + e] = dy;
      s += vec2(dy, dy * ((x.v[p.o_x + e] - mu) * rs));
    }
    s = dive_wg_sum(s);
  } else {
    for (t = t0 + tid; t < t1; t += DIVE_WG) s.x += dout.v[p.o_dout + at(c, t)];
    s = dive_wg_sum(s);
  }
  if (tid == 0u) {
    part.v[p.o_part + 2u * grp] = s.x;
    part.v[p.o_part + 2u * grp + 1u] = s.y;
  }
}
