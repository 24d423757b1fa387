// shortcut_fwd: option-A shortcut, one invocation per output element (mirrors
// dive__ref_shortcut_fwd): out[n,k,p,q] = in[n, k - (K-C)/2, p stride, q stride] for the
// copied channels, 0 for the (K-C) zero-padded ones.
// in: binding 0 (N,C,H,W)   out: binding 1 (N,K,P,Q), P = ceil(H/stride)
// grid: n = N*K*P*Q invocations
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

layout(set = 0, binding = 0, std430) readonly buffer In { float v[]; } in_;
layout(set = 0, binding = 1, std430) writeonly buffer Out { float v[]; } out_;
layout(push_constant) uniform P {
  uint o_in, o_out;
  int N, C, H, W, K, P, Q, stride;
  uint n;
} p;

void main() {
  uint i = dive_gid();
  if (i >= p.n) return;
  int ow = int(i % uint(p.Q)), t = int(i / uint(p.Q));
  int oh = t % p.P; t /= p.P;
  int k = t % p.K, n = t / p.K, c = k - (p.K - p.C) / 2;
  out_.v[p.o_out + i] = c >= 0 && c < p.C
      ? in_.v[p.o_in + uint(((n * p.C + c) * p.H + oh * p.stride) * p.W + ow * p.stride)]
      : 0.0;
}
