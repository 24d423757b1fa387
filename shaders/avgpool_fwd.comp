// avgpool_fwd: global average pool, one invocation per (n,c) (mirrors
// dive__ref_avgpool_fwd): out[nc] = sum over HW of in[nc, :] / HW.
// in: binding 0 (N*C, HW)   out: binding 1 (N*C)
// grid: n = N*C invocations
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

layout(set = 0, binding = 0, std430) readonly buffer In { float v[]; } in_;
layout(set = 0, binding = 1, std430) writeonly buffer Out { float v[]; } out_;
layout(push_constant) uniform P { uint o_in, o_out, HW, n; } p;

void main() {
  uint nc = dive_gid();
  if (nc >= p.n) return;
  uint base = p.o_in + nc * p.HW;
  float s = 0.0;
  for (uint i = 0u; i < p.HW; i++) s += in_.v[base + i];
  out_.v[p.o_out + nc] = s / float(p.HW);
}
