// bn_bwd_apply: din = gamma rstd (dy - sum(dy)/M - xhat sum(dy xhat)/M) (the BN backward's
// input gradient, training formula; din overwritten), xhat = (x - mean) rstd, dy = dout
// times (y > 0) when flags bit 0 (the ReLU after the BN), sums from bn_merge mode 1.
// din may be dout.
// dout: binding 0   y: 1 (absent without bit 0)   x: 2   mean: 3 (C)   rstd: 4 (C)
// gamma: 5 (C)   sums: 6 (2C)   din: 7   (the big ones (N,C,HW))
// grid: n = N*C*HW invocations
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

layout(set = 0, binding = 0, std430) readonly buffer Dout { float v[]; } dout;
layout(set = 0, binding = 1, std430) readonly buffer Y { float v[]; } y;
layout(set = 0, binding = 2, std430) readonly buffer X { float v[]; } x;
layout(set = 0, binding = 3, std430) readonly buffer Mn { float v[]; } mean;
layout(set = 0, binding = 4, std430) readonly buffer Rs { float v[]; } rstd;
layout(set = 0, binding = 5, std430) readonly buffer Gm { float v[]; } gamma;
layout(set = 0, binding = 6, std430) readonly buffer Sums { float v[]; } sums;
layout(set = 0, binding = 7, std430) writeonly buffer Din { float v[]; } din;
layout(push_constant) uniform P {
  uint o_dout, o_y, o_x, o_mean, o_rstd, o_gamma, o_sums, o_din;
  uint n, C, HW, flags, M;
} p;

void main() {
  uint i = dive_gid();
  if (i >= p.n) return;
  uint c = (i / p.HW) % p.C;
  float rs = rstd.v[p.o_rstd + c], m = float(p.M);
  float dy = dout.v[p.o_dout + i];
  if ((p.flags & 1u) != 0u && !(y.v[p.o_y + i] > 0.0)) dy = 0.0;
  float xh = (x.v[p.o_x + i] - mean.v[p.o_mean + c]) * rs;
  din.v[p.o_din + i] = gamma.v[p.o_gamma + c] * rs *
                       (dy - sums.v[p.o_sums + 2u * c] / m - xh * (sums.v[p.o_sums + 2u * c + 1u] / m));
}
