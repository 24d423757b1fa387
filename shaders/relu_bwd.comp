// relu_bwd: din[i] = out[i] > 0 ? dout[i] : 0   (uses the forward output)
// dout: binding 0, n floats   out: binding 1, n floats   din: binding 2, n floats (may be dout)
// grid: one invocation per element, n total
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

layout(set = 0, binding = 0, std430) readonly buffer Dout { float v[]; } dout;
layout(set = 0, binding = 1, std430) readonly buffer Out { float v[]; } out_;
layout(set = 0, binding = 2, std430) writeonly buffer Din { float v[]; } din;
layout(push_constant) uniform P { uint o_dout, o_out, o_din, n; } p;

void main() {
  uint i = dive_gid();
  if (i >= p.n) return;
  din.v[p.o_din + i] = out_.v[p.o_out + i] > 0.0 ? dout.v[p.o_dout + i] : 0.0;
}
