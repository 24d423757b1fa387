// sgd_step: PyTorch SGD, one invocation per parameter element (mirrors dive__ref_sgd_step)
//   d = g + wd p; if momentum != 0: m = momentum m + d, d = nesterov ? d + momentum m : m
//   p -= lr d
// With scalars (flags bit 0), lr = scalars[lr_slot] instead of the push constant: the
// per-replay learning rate of a captured step. With a ring (bit 1), the step is skipped
// when the ring entry of this step (scalars[0] = step) has non-finite flags: a NaN loss or
// gradient found earlier in the same step leaves the weights as they were.
// grad: binding 0 (n floats, in)   param: 1 (in/out)   mom: 2 (in/out; absent when
// momentum == 0)   scalars: 3   ring: 4 (2 words per entry: loss, flags)
// grid: n invocations
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

layout(set = 0, binding = 0, std430) readonly buffer G { float v[]; } grad;
layout(set = 0, binding = 1, std430) buffer Prm { float v[]; } param;
layout(set = 0, binding = 2, std430) buffer Mom { float v[]; } mom;
layout(set = 0, binding = 3, std430) readonly buffer Sc { float v[]; } sc;
layout(set = 0, binding = 4, std430) readonly buffer Ring { uint v[]; } ring;
layout(push_constant) uniform P {
  uint o_grad, o_param, o_mom, o_sc, o_ring, n;
  float lr, momentum, wd;
  uint nesterov, flags, lr_slot, ring_len;
} p;

void main() {
  uint i = dive_gid();
  if (i >= p.n) return;
  float lr = p.lr;
  if ((p.flags & 1u) != 0u) lr = sc.v[p.o_sc + p.lr_slot];
  if ((p.flags & 2u) != 0u) {
    uint e = floatBitsToUint(sc.v[p.o_sc]) % p.ring_len;
    if (ring.v[p.o_ring + 2u * e + 1u] != 0u) return;
  }
  float w = param.v[p.o_param + i];
  precise float d = grad.v[p.o_grad + i] + p.wd * w;
  if (p.momentum != 0.0) {
    precise float m = p.momentum * mom.v[p.o_mom + i] + d;
    mom.v[p.o_mom + i] = m;
    d = p.nesterov != 0u ? d + p.momentum * m : m;
  }
  precise float upd = w - lr * d;
  param.v[p.o_param + i] = upd;
}
