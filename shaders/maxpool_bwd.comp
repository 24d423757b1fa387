// maxpool_bwd: din = 0, then din[argmax] += dout, one invocation per (n,c) plane walking
// its outputs in order (mirrors dive__ref_maxpool_bwd, the same sums in the same order).
// Overlapping windows may send several outputs to one input and no float atomics are
// used, so one invocation owns a plane; backward gets no window size, so an input
// element cannot gather its outputs. An argmax outside 0..H*W-1 is skipped (the CPU
// backend reports it; the device cannot).
// dout: binding 0 (N,C,P,Q)   argmax: binding 1 (N,C,P,Q) int   din: binding 2 (N,C,H,W)
// grid: n = N*C invocations
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

layout(set = 0, binding = 0, std430) readonly buffer Dout { float v[]; } dout;
layout(set = 0, binding = 1, std430) readonly buffer Arg { int v[]; } arg;
layout(set = 0, binding = 2, std430) buffer Din { float v[]; } din;
layout(push_constant) uniform P {
  uint o_dout, o_arg, o_din;
  int N, C, H, W, P, Q, k, stride, pad;
  uint n;
} p;

void main() {
  uint plane = dive_gid();
  if (plane >= p.n) return;
  int HW = p.H * p.W, PQ = p.P * p.Q;
  uint ib = p.o_din + plane * uint(HW), ob = plane * uint(PQ);
  for (int i = 0; i < HW; i++) din.v[ib + uint(i)] = 0.0;
  for (int i = 0; i < PQ; i++) {
    int a = arg.v[p.o_arg + ob + uint(i)];
    if (a >= 0 && a < HW) din.v[ib + uint(a)] += dout.v[p.o_dout + ob + uint(i)];
  }
}
