// conv2d_bwd_b: db[k] += sum over (n, q) of dout[n,k,q], one work group per k with a
// shared-memory tree (the db part of dive__ref_conv2d_bwd; also linear's db, P = Q = 1).
// dout: binding 0 (N,K,P*Q)   db: binding 1 (K), +=
// grid: n = K work groups (dive__vk_run_groups)
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"
#include "reduce.glsl"

layout(set = 0, binding = 0, std430) readonly buffer Dout { float v[]; } dout;
layout(set = 0, binding = 1, std430) buffer Db { float v[]; } db;
layout(push_constant) uniform P {
  uint o_dout, o_db, o_unused0, o_unused1;
  int N, C, H, W, K, R, S, P, Q, stride, pad, groups;
  uint flags, n;
} p;

void main() {
  uint k = dive_group();
  if (k >= p.n) return;
  uint PQ = uint(p.P * p.Q), M = uint(p.N) * PQ;
  float acc = 0.0;
  for (uint j = gl_LocalInvocationID.x; j < M; j += DIVE_WG)
    acc += dout.v[p.o_dout + (uint(j / PQ) * uint(p.K) + k) * PQ + j % PQ];
  float sum = dive_wg_sum(vec2(acc, 0.0)).x;
  if (gl_LocalInvocationID.x == 0u) db.v[p.o_db + k] += sum;
}
