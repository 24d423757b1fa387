// maxpool_fwd: k x k max pool, one invocation per output element (mirrors
// dive__ref_maxpool_fwd). Padding never wins; argmax = h*W + x of the first maximum in
// row-major window order (a later equal value does not replace it).
// in: binding 0 (N,C,H,W)   out: binding 1 (N,C,P,Q)   argmax: binding 2 (N,C,P,Q) int
// grid: n = N*C*P*Q invocations
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

layout(set = 0, binding = 0, std430) readonly buffer In { float v[]; } in_;
layout(set = 0, binding = 1, std430) writeonly buffer Out { float v[]; } out_;
layout(set = 0, binding = 2, std430) writeonly buffer Arg { int v[]; } arg;
layout(push_constant) uniform P {
  uint o_in, o_out, o_arg;
  int N, C, H, W, P, Q, k, stride, pad;
  uint n;
} p;

void main() {
  uint i = dive_gid();
  if (i >= p.n) return;
  int ow = int(i % uint(p.Q)), t = int(i / uint(p.Q));
  int oh = t % p.P, plane = t / p.P;
  uint base = p.o_in + uint(plane * p.H) * uint(p.W);
  float best = uintBitsToFloat(0xff800000u); // -inf
  int am = -1;
  for (int a = 0; a < p.k; a++) {
    int h = oh * p.stride - p.pad + a;
    if (h < 0 || h >= p.H) continue;
    for (int b = 0; b < p.k; b++) {
      int x = ow * p.stride - p.pad + b;
      if (x < 0 || x >= p.W) continue;
      float v = in_.v[base + uint(h * p.W + x)];
      if (am < 0 || v > best) {
        best = v;
        am = h * p.W + x;
      }
    }
  }
  out_.v[p.o_out + i] = best;
  arg.v[p.o_arg + i] = am;
}
