// bn_bwd: batch norm backward (training formula), one work group per channel (mirrors
// dive__ref_bn_bwd). xhat = (x - mean) rstd; one pass sums dout and dout*xhat together
// (a vec2 shared-memory tree), then
//   dbeta += sum dout, dgamma += sum dout xhat,
//   din = gamma rstd (dout - sum(dout)/M - xhat sum(dout xhat)/M)   (overwritten).
// dout: binding 0 (N,C,HW)  in: 1 (N,C,HW)  mean: 2 (C)  rstd: 3 (C)  gamma: 4 (C)
// din: 5 (N,C,HW)  dgamma: 6 (C, +=)  dbeta: 7 (C, +=); absent ones are bound to another
// tensor of the call and not touched (flags bit 0 din, bit 1 dgamma, bit 2 dbeta).
// grid: n = C work groups (dive__vk_run_groups), M = N*HW elements per channel
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"
#include "reduce.glsl"

layout(set = 0, binding = 0, std430) readonly buffer Dout { float v[]; } dout;
layout(set = 0, binding = 1, std430) readonly buffer In { float v[]; } x;
layout(set = 0, binding = 2, std430) readonly buffer Mn { float v[]; } mean;
layout(set = 0, binding = 3, std430) readonly buffer Rs { float v[]; } rstd;
layout(set = 0, binding = 4, std430) readonly buffer Gm { float v[]; } gamma;
layout(set = 0, binding = 5, std430) writeonly buffer Din { float v[]; } din;
layout(set = 0, binding = 6, std430) buffer Dg { float v[]; } dgamma;
layout(set = 0, binding = 7, std430) buffer Db { float v[]; } dbeta;
layout(push_constant) uniform P {
  uint o_dout, o_in, o_mean, o_rstd, o_gamma, o_din, o_dgamma, o_dbeta;
  uint N, C, HW, training, flags, unused;
  float momentum, eps;
} p;

uint at(uint c, uint j) { return (j / p.HW * p.C + c) * p.HW + j % p.HW; } // j < N*HW

void main() {
  uint c = dive_group();
  if (c >= p.C) return; // the whole work group leaves together
  uint t = gl_LocalInvocationID.x, M = p.N * p.HW, j;
  float mu = mean.v[p.o_mean + c], rs = rstd.v[p.o_rstd + c];
  vec2 s = vec2(0.0);
  for (j = t; j < M; j += DIVE_WG) {
    uint e = at(c, j);
    float dy = dout.v[p.o_dout + e];
    s += vec2(dy, dy * ((x.v[p.o_in + e] - mu) * rs));
  }
  s = dive_wg_sum(s);
  if (t == 0u) {
    if ((p.flags & 4u) != 0u) dbeta.v[p.o_dbeta + c] += s.x;
    if ((p.flags & 2u) != 0u) dgamma.v[p.o_dgamma + c] += s.y;
  }
  if ((p.flags & 1u) == 0u) return;
  float g = gamma.v[p.o_gamma + c] * rs, a = s.x / float(M), bb = s.y / float(M);
  for (j = t; j < M; j += DIVE_WG) {
    uint e = at(c, j);
    float xh = (x.v[p.o_in + e] - mu) * rs;
    din.v[p.o_din + e] = g * (dout.v[p.o_dout + e] - a - xh * bb);
  }
}
