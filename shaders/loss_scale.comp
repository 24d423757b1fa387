// loss_scale: the dynamic loss scale's update at the end of a step (loss scaling,
// docs/vulkan.md), one invocation; run beside the SGD pass (both only read the ring).
//   ls[0] = S (a power of two), ls[1] = good steps since S last changed, ls[2] = steps
//   skipped for an overflow (all floats; counts exact up to 2^24)
// This step's ring entry (e = scalars[0] % ring_len): flag 8 alone (the scaled gradients
// overflowed, grad_unscale; the SGD pass skipped the step): S = max(S / 2, 1), good = 0,
// skipped += 1. No flag: good += 1, and at `growth` good steps (0: never) S = min(2 S,
// max_scale), good = 0. Other flags (an error the host reports): S unchanged.
// scalars: binding 0   ring: 1 (2 * ring_len words)   ls: 2 (3 floats, in/out)
// grid: 1 invocation
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

layout(set = 0, binding = 0, std430) readonly buffer Sc { float v[]; } sc;
layout(set = 0, binding = 1, std430) readonly buffer Ring { uint v[]; } ring;
layout(set = 0, binding = 2, std430) buffer LS { float v[]; } ls;
layout(push_constant) uniform P { uint o_sc, o_ring, o_ls, ring_len, growth; float max_scale; } p;

void main() {
  if (dive_gid() != 0u) return;
  uint e = floatBitsToUint(sc.v[p.o_sc]) % p.ring_len;
  uint f = ring.v[p.o_ring + 2u * e + 1u];
  float S = ls.v[p.o_ls], good = ls.v[p.o_ls + 1u];
  if (f == 8u) {
    S = max(S * 0.5, 1.0);
    good = 0.0;
    ls.v[p.o_ls + 2u] = ls.v[p.o_ls + 2u] + 1.0;
  } else if (f == 0u) {
    good += 1.0;
    if (p.growth != 0u && good >= float(p.growth)) {
      S = min(S * 2.0, p.max_scale);
      good = 0.0;
    }
  }
  ls.v[p.o_ls] = S;
  ls.v[p.o_ls + 1u] = good;
}
