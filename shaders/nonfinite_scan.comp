// nonfinite_scan: flags bit 1 of this step's ring entry (e = scalars[0] % ring_len) when
// any of x[0..n) is NaN or infinite (an integer atomic OR: the result does not depend on
// the order). Run over the gradient arena before the SGD step, which then skips.
// x: binding 0 (n)   scalars: 1   ring: 2 (2 * ring_len words, entry e's flags OR= 2)
// grid: n invocations
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

layout(set = 0, binding = 0, std430) readonly buffer X { float v[]; } x;
layout(set = 0, binding = 1, std430) readonly buffer Sc { float v[]; } sc;
layout(set = 0, binding = 2, std430) buffer Ring { uint v[]; } ring;
layout(push_constant) uniform P { uint o_x, o_sc, o_ring, n, ring_len; } p;

void main() {
  uint i = dive_gid();
  if (i >= p.n) return;
  if ((floatBitsToUint(x.v[p.o_x + i]) & 0x7f800000u) == 0x7f800000u) {
    uint e = floatBitsToUint(sc.v[p.o_sc]) % p.ring_len;
    atomicOr(ring.v[p.o_ring + 2u * e + 1u], 2u);
  }
}
