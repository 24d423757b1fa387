// conv2d_bwd_w_reduce: dw[e] += sum over sp = 0..nsplit-1 of part[sp * n + e], in split
// order (the split-K partial sums of conv2d_bwd_w, added in a fixed order: the result is the
// same from run to run).
// part: binding 0 (nsplit * n)   dw: 1 (n, +=)
// grid: n invocations
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

layout(set = 0, binding = 0, std430) readonly buffer Part { float v[]; } part;
layout(set = 0, binding = 1, std430) buffer Dw { float v[]; } dw;
layout(push_constant) uniform P { uint o_part, o_dw, n, nsplit; } p;

void main() {
  uint e = dive_gid();
  if (e >= p.n) return;
  float s = 0.0;
  for (uint sp = 0u; sp < p.nsplit; sp++) s += part.v[p.o_part + sp * p.n + e];
  dw.v[p.o_dw + e] += s;
}
