// conv2d_fwd: direct convolution, one invocation per output element (mirrors
// dive__ref_conv2d_fwd). Output channel k sees the Cg = C/groups input channels of its
// group k / (K/groups).
// in: binding 0 (N,C,H,W)   w: binding 1 (K,Cg,R,S)   b: binding 2 (K; bound to w and
// not read when has_b == 0)   out: binding 3 (N,K,P,Q)
// grid: n = N*K*P*Q invocations, flat index = output index (consecutive invocations
// walk q, so input reads are coalesced and the weight reads uniform across a subgroup)
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

layout(set = 0, binding = 0, std430) readonly buffer In { float v[]; } in_;
layout(set = 0, binding = 1, std430) readonly buffer Wt { float v[]; } w;
layout(set = 0, binding = 2, std430) readonly buffer Bs { float v[]; } b;
layout(set = 0, binding = 3, std430) writeonly buffer Out { float v[]; } out_;
layout(push_constant) uniform P {
  uint o_in, o_w, o_b, o_out;
  int N, C, H, W, K, R, S, P, Q, stride, pad, groups;
  uint has_b, n;
} p;

void main() {
  uint i = dive_gid();
  if (i >= p.n) return;
  int ow = int(i % uint(p.Q)), t = int(i / uint(p.Q));
  int oh = t % p.P; t /= p.P;
  int k = t % p.K, n = t / p.K;
  int Cg = p.C / p.groups, Kg = p.K / p.groups, c0 = (k / Kg) * Cg;
  int h0 = oh * p.stride - p.pad, x0 = ow * p.stride - p.pad;
  float acc = p.has_b != 0u ? b.v[p.o_b + uint(k)] : 0.0;
  for (int c = 0; c < Cg; c++) {
    uint ibase = p.o_in + uint((n * p.C + c0 + c) * p.H) * uint(p.W);
    uint wbase = p.o_w + uint((k * Cg + c) * p.R) * uint(p.S);
    for (int r = 0; r < p.R; r++) {
      int h = h0 + r;
      if (h < 0 || h >= p.H) continue;
      for (int s = 0; s < p.S; s++) {
        int x = x0 + s;
        if (x < 0 || x >= p.W) continue;
        acc += in_.v[ibase + uint(h * p.W + x)] * w.v[wbase + uint(r * p.S + s)];
      }
    }
  }
  out_.v[p.o_out + i] = acc;
}
