// conv2d_bwd_w: dw += sum over (n, oh, ow) of dout[n,k,oh,ow] * in[n, c0+c, h, x], one
// work group per weight element (k,c,r,s): its invocations stride over the N*P*Q terms
// and a shared-memory tree sums them (mirrors the dw part of dive__ref_conv2d_bwd).
// dout: binding 0 (N,K,P,Q)   in: binding 1 (N,C,H,W)   dw: binding 2 (K,Cg,R,S), +=
// grid: n = K*Cg*R*S work groups (dive__vk_run_groups)
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"
#include "reduce.glsl"

layout(set = 0, binding = 0, std430) readonly buffer Dout { float v[]; } dout;
layout(set = 0, binding = 1, std430) readonly buffer In { float v[]; } in_;
layout(set = 0, binding = 2, std430) buffer Dw { float v[]; } dw;
layout(push_constant) uniform P {
  uint o_dout, o_in, o_dw, o_unused;
  int N, C, H, W, K, R, S, P, Q, stride, pad, groups;
  uint flags, n;
} p;

void main() {
  uint e = dive_group();
  if (e >= p.n) return; // the whole work group leaves together
  int s = int(e % uint(p.S)), t = int(e / uint(p.S));
  int r = t % p.R; t /= p.R;
  int Cg = p.C / p.groups, Kg = p.K / p.groups;
  int c = t % Cg, k = t / Cg, ci = (k / Kg) * Cg + c;
  uint PQ = uint(p.P * p.Q), M = uint(p.N) * PQ;
  float acc = 0.0;
  for (uint j = gl_LocalInvocationID.x; j < M; j += DIVE_WG) {
    int n = int(j / PQ), q = int(j % PQ), oh = q / p.Q, ow = q % p.Q;
    int h = oh * p.stride - p.pad + r, x = ow * p.stride - p.pad + s;
    if (h < 0 || h >= p.H || x < 0 || x >= p.W) continue;
    acc += dout.v[p.o_dout + uint((n * p.K + k)) * PQ + uint(q)] *
           in_.v[p.o_in + uint(((n * p.C + ci) * p.H + h) * p.W + x)];
  }
  float sum = dive_wg_sum(vec2(acc, 0.0)).x;
  if (gl_LocalInvocationID.x == 0u) dw.v[p.o_dw + e] += sum;
}
