// loss_reduce: the mean of the per-example losses into the ring entry of this step, for
// the host to read late (a captured step): one work group sums pe[0..B) with a
// shared-memory tree (fixed order), then ring[2e] = mean (float bits), ring[2e + 1] = 1
// when the mean is not finite, else 0 (e = scalars[0] % ring_len, scalars[0] = step), OR 4
// when the previous entry has an error flag (1, 2 or 4; not 8, loss scaling's overflow,
// which skips only its own step): a step that follows a flagged one is flagged too,
// so its SGD is skipped on the device as well (the host learns of the first flagged step
// only after the next one has been submitted). Later kernels of the step may OR more
// flags in (nonfinite_scan).
// pe: binding 0 (B)   scalars: 1   ring: 2 (2 * ring_len words)
// grid: one work group
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"
#include "reduce.glsl"

layout(set = 0, binding = 0, std430) readonly buffer Pe { float v[]; } pe;
layout(set = 0, binding = 1, std430) readonly buffer Sc { float v[]; } sc;
layout(set = 0, binding = 2, std430) buffer Ring { uint v[]; } ring;
layout(push_constant) uniform P { uint o_pe, o_sc, o_ring, B, ring_len; } p;

void main() {
  uint t = gl_LocalInvocationID.x;
  float s = 0.0;
  for (uint i = t; i < p.B; i += DIVE_WG) s += pe.v[p.o_pe + i];
  float mean = dive_wg_sum(vec2(s, 0.0)).x / float(p.B);
  if (t == 0u) {
    uint e = floatBitsToUint(sc.v[p.o_sc]) % p.ring_len;
    uint prev = ring.v[p.o_ring + 2u * ((e + p.ring_len - 1u) % p.ring_len) + 1u];
    ring.v[p.o_ring + 2u * e] = floatBitsToUint(mean);
    ring.v[p.o_ring + 2u * e + 1u] = ((floatBitsToUint(mean) & 0x7f800000u) == 0x7f800000u ? 1u : 0u) |
                                     ((prev & 7u) != 0u ? 4u : 0u);
  }
}
