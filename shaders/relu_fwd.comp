// relu_fwd: out[i] = max(in[i], 0)
// in:  binding 0, n floats      out: binding 1, n floats (may be the same buffer as in)
// grid: one invocation per element, n total
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

layout(set = 0, binding = 0, std430) readonly buffer In { float x[]; } in_;
layout(set = 0, binding = 1, std430) writeonly buffer Out { float y[]; } out_;
layout(push_constant) uniform P { uint o_in, o_out, n; } p;

void main() {
  uint i = dive_gid();
  if (i >= p.n) return;
  out_.y[p.o_out + i] = max(in_.x[p.o_in + i], 0.0);
}
