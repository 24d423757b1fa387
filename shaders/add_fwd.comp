// add_fwd: out[i] = a[i] + b[i]
// a: binding 0, b: binding 1, out: binding 2 (may alias a or b); n floats each
// grid: one invocation per element, n total
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

layout(set = 0, binding = 0, std430) readonly buffer A { float v[]; } a;
layout(set = 0, binding = 1, std430) readonly buffer B { float v[]; } b;
layout(set = 0, binding = 2, std430) writeonly buffer Out { float v[]; } out_;
layout(push_constant) uniform P { uint o_a, o_b, o_out, n; } p;

void main() {
  uint i = dive_gid();
  if (i >= p.n) return;
  out_.v[p.o_out + i] = a.v[p.o_a + i] + b.v[p.o_b + i];
}
