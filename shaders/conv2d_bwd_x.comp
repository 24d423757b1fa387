// conv2d_bwd_x: din = the transposed direct convolution, one invocation per input
// element, gathering over the outputs whose window covers it (mirrors the din part of
// dive__ref_conv2d_bwd; din is overwritten).
// dout: binding 0 (N,K,P,Q)   w: binding 1 (K,Cg,R,S)   din: binding 2 (N,C,H,W)
// grid: n = N*C*H*W invocations, flat index = din index
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

layout(set = 0, binding = 0, std430) readonly buffer Dout { float v[]; } dout;
layout(set = 0, binding = 1, std430) readonly buffer Wt { float v[]; } w;
layout(set = 0, binding = 2, std430) writeonly buffer Din { float v[]; } din;
layout(push_constant) uniform P {
  uint o_dout, o_w, o_din, o_unused;
  int N, C, H, W, K, R, S, P, Q, stride, pad, groups;
  uint flags, n;
} p;

void main() {
  uint i = dive_gid();
  if (i >= p.n) return;
  int x = int(i % uint(p.W)), t = int(i / uint(p.W));
  int h = t % p.H; t /= p.H;
  int c = t % p.C, n = t / p.C;
  int Cg = p.C / p.groups, Kg = p.K / p.groups, g = c / Cg, cc = c - g * Cg;
  float acc = 0.0;
  for (int r = 0; r < p.R; r++) {
    int th = h + p.pad - r;
    if (th < 0 || th % p.stride != 0) continue;
    int oh = th / p.stride;
    if (oh >= p.P) continue;
    for (int s = 0; s < p.S; s++) {
      int tw = x + p.pad - s;
      if (tw < 0 || tw % p.stride != 0) continue;
      int ow = tw / p.stride;
      if (ow >= p.Q) continue;
      for (int k = g * Kg; k < (g + 1) * Kg; k++)
        acc += dout.v[p.o_dout + uint(((n * p.K + k) * p.P + oh) * p.Q + ow)] *
               w.v[p.o_w + uint(((k * Cg + cc) * p.R + r) * p.S + s)];
    }
  }
  din.v[p.o_din + i] = acc;
}
