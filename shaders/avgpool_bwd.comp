// avgpool_bwd: din[nc, i] = dout[nc] / HW (overwritten), one invocation per din element
// (mirrors dive__ref_avgpool_bwd).
// dout: binding 0 (N*C)   din: binding 1 (N*C, HW)
// grid: n = N*C*HW invocations
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

layout(set = 0, binding = 0, std430) readonly buffer Dout { float v[]; } dout;
layout(set = 0, binding = 1, std430) writeonly buffer Din { float v[]; } din;
layout(push_constant) uniform P { uint o_dout, o_din, HW, n; } p;

void main() {
  uint i = dive_gid();
  if (i >= p.n) return;
  din.v[p.o_din + i] = dout.v[p.o_dout + i / p.HW] / float(p.HW);
}
