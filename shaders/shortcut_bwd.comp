// shortcut_bwd: din of the option-A shortcut, one invocation per input element (mirrors
// dive__ref_shortcut_bwd): din[n,c,h,x] = dout[n, c + (K-C)/2, h/stride, x/stride] on the
// strided pixels, 0 on the ones the stride skips (overwritten).
// dout: binding 0 (N,K,P,Q)   din: binding 1 (N,C,H,W)
// grid: n = N*C*H*W invocations
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

layout(set = 0, binding = 0, std430) readonly buffer Dout { float v[]; } dout;
layout(set = 0, binding = 1, std430) writeonly buffer Din { float v[]; } din;
layout(push_constant) uniform P {
  uint o_dout, o_din;
  int N, C, H, W, K, P, Q, stride;
  uint n;
} p;

void main() {
  uint i = dive_gid();
  if (i >= p.n) return;
  int x = int(i % uint(p.W)), t = int(i / uint(p.W));
  int h = t % p.H; t /= p.H;
  int c = t % p.C, n = t / p.C;
  din.v[p.o_din + i] = h % p.stride == 0 && x % p.stride == 0
      ? dout.v[p.o_dout + uint(((n * p.K + c + (p.K - p.C) / 2) * p.P + h / p.stride) * p.Q +
                               x / p.stride)]
      : 0.0;
}
