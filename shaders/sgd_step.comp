// sgd_step: PyTorch SGD, one invocation per parameter element (mirrors dive__ref_sgd_step)
//   d = g + wd p; if momentum != 0: m = momentum m + d, d = nesterov ? d + momentum m : m
//   p -= lr d
// grad: binding 0 (n floats, in)   param: binding 1 (in/out)   mom: binding 2 (in/out;
// bound to param and never touched when momentum == 0)
// grid: n invocations
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

layout(set = 0, binding = 0, std430) readonly buffer G { float v[]; } grad;
layout(set = 0, binding = 1, std430) buffer Prm { float v[]; } param;
layout(set = 0, binding = 2, std430) buffer Mom { float v[]; } mom;
layout(push_constant) uniform P {
  uint o_grad, o_param, o_mom, n;
  float lr, momentum, wd;
  uint nesterov;
} p;

void main() {
  uint i = dive_gid();
  if (i >= p.n) return;
  float w = param.v[p.o_param + i];
  precise float d = grad.v[p.o_grad + i] + p.wd * w;
  if (p.momentum != 0.0) {
    precise float m = p.momentum * mom.v[p.o_mom + i] + d;
    mom.v[p.o_mom + i] = m;
    d = p.nesterov != 0u ? d + p.momentum * m : m;
  }
  precise float upd = w - p.lr * d;
  param.v[p.o_param + i] = upd;
}
