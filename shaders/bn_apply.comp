// bn_apply: y = (x - mean[c]) rstd[c] gamma[c] + beta[c], then + res (flags bit 0: a
// residual branch), then max(., 0) (bit 1: a ReLU): the BN forward's normalization with
// the add and the ReLU that follow it in a ResNet block, one pass. y may be res.
// x: binding 0 (N,C,HW)   mean: 1 (C)   rstd: 2 (C)   gamma: 3 (C)   beta: 4 (C)
// res: 5 (N,C,HW; absent without bit 0)   y: 6 (N,C,HW)
// grid: n = N*C*HW invocations
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

layout(set = 0, binding = 0, std430) readonly buffer X { float v[]; } x;
layout(set = 0, binding = 1, std430) readonly buffer Mn { float v[]; } mean;
layout(set = 0, binding = 2, std430) readonly buffer Rs { float v[]; } rstd;
layout(set = 0, binding = 3, std430) readonly buffer Gm { float v[]; } gamma;
layout(set = 0, binding = 4, std430) readonly buffer Bt { float v[]; } beta;
layout(set = 0, binding = 5, std430) readonly buffer Res { float v[]; } res;
layout(set = 0, binding = 6, std430) writeonly buffer Y { float v[]; } y;
layout(push_constant) uniform P {
  uint o_x, o_mean, o_rstd, o_gamma, o_beta, o_res, o_y;
  uint n, C, HW, flags;
} p;

void main() {
  uint i = dive_gid();
  if (i >= p.n) return;
  uint c = (i / p.HW) % p.C;
  // precise: never contracted into an FMA, as dive_bn_relu (common.glsl) computes it where a
  // conv gathers y from x (the *_fold variants): the same bits on both sides
  precise float g = gamma.v[p.o_gamma + c] * rstd.v[p.o_rstd + c];
  precise float v = (x.v[p.o_x + i] - mean.v[p.o_mean + c]) * g + beta.v[p.o_beta + c];
  if ((p.flags & 1u) != 0u) v += res.v[p.o_res + i];
  if ((p.flags & 2u) != 0u) v = v > 0.0 ? v : 0.0; // as dive__ref_relu_fwd (NaN -> 0)
  y.v[p.o_y + i] = v;
}
