// copy: dst[i] = src[i] - a plain element copy (add_bwd: da = db = dout; also the
// building block for gradient pass-through)
// src: binding 0, dst: binding 1; n floats each
// grid: one invocation per element, n total
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

layout(set = 0, binding = 0, std430) readonly buffer Src { float v[]; } src;
layout(set = 0, binding = 1, std430) writeonly buffer Dst { float v[]; } dst;
layout(push_constant) uniform P { uint o_src, o_dst, n; } p;

void main() {
  uint i = dive_gid();
  if (i >= p.n) return;
  dst.v[p.o_dst + i] = src.v[p.o_src + i];
}
