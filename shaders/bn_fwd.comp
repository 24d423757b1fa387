// bn_fwd: batch norm forward, one work group per channel (mirrors dive__ref_bn_fwd).
// training: mean = sum x / M and var = sum (x - mean)^2 / M (biased, two passes over the
//   channel, each summed by a shared-memory tree); running_mean (flags bit 0) and
//   running_var (bit 1) <- (1 - momentum) r + momentum (mean, var M / (M - 1)) (unbiased,
//   as PyTorch);
// eval: mean = running_mean, var = running_var.
// Both save mean and rstd = 1 / sqrt(var + eps); out = (x - mean) rstd gamma + beta.
// in: binding 0 (N,C,HW)  gamma: 1 (C)  beta: 2 (C)  out: 3 (N,C,HW)  mean: 4 (C)
// rstd: 5 (C)  running_mean: 6 (C, in/out)  running_var: 7 (C, in/out); an absent one
// (training only) is bound to mean and never touched.
// grid: n = C work groups (dive__vk_run_groups), M = N*HW elements per channel
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"
#include "reduce.glsl"

layout(set = 0, binding = 0, std430) readonly buffer In { float v[]; } x;
layout(set = 0, binding = 1, std430) readonly buffer Gm { float v[]; } gamma;
layout(set = 0, binding = 2, std430) readonly buffer Bt { float v[]; } beta;
layout(set = 0, binding = 3, std430) writeonly buffer Out { float v[]; } y;
layout(set = 0, binding = 4, std430) writeonly buffer Mn { float v[]; } mean;
layout(set = 0, binding = 5, std430) writeonly buffer Rs { float v[]; } rstd;
layout(set = 0, binding = 6, std430) buffer Rm { float v[]; } rmean;
layout(set = 0, binding = 7, std430) buffer Rv { float v[]; } rvar;
layout(push_constant) uniform P {
  uint o_in, o_gamma, o_beta, o_out, o_mean, o_rstd, o_rmean, o_rvar;
  uint N, C, HW, training, flags, unused;
  float momentum, eps;
} p;

uint at(uint c, uint j) { return (j / p.HW * p.C + c) * p.HW + j % p.HW; } // j < N*HW

void main() {
  uint c = dive_group();
  if (c >= p.C) return; // the whole work group leaves together
  uint t = gl_LocalInvocationID.x, M = p.N * p.HW, j;
  float mu, var;
  if (p.training != 0u) { // uniform branch: barriers inside are fine
    float s = 0.0;
    for (j = t; j < M; j += DIVE_WG) s += x.v[p.o_in + at(c, j)];
    mu = dive_wg_sum(vec2(s, 0.0)).x / float(M);
    s = 0.0;
    for (j = t; j < M; j += DIVE_WG) {
      float d = x.v[p.o_in + at(c, j)] - mu;
      s += d * d;
    }
    var = dive_wg_sum(vec2(s, 0.0)).x / float(M);
    if (t == 0u && (p.flags & 1u) != 0u)
      rmean.v[p.o_rmean + c] = (1.0 - p.momentum) * rmean.v[p.o_rmean + c] + p.momentum * mu;
    if (t == 0u && (p.flags & 2u) != 0u)
      rvar.v[p.o_rvar + c] = (1.0 - p.momentum) * rvar.v[p.o_rvar + c] +
                             p.momentum * (var * (float(M) / float(M - 1u)));
  } else {
    mu = rmean.v[p.o_rmean + c];
    var = rvar.v[p.o_rvar + c];
  }
  float rs = 1.0 / sqrt(var + p.eps);
  if (t == 0u) {
    mean.v[p.o_mean + c] = mu;
    rstd.v[p.o_rstd + c] = rs;
  }
  float g = gamma.v[p.o_gamma + c] * rs, b = beta.v[p.o_beta + c];
  for (j = t; j < M; j += DIVE_WG) {
    uint e = at(c, j);
    y.v[p.o_out + e] = (x.v[p.o_in + e] - mu) * g + b;
  }
}
