// nonfinite_scan: flags bit 1 of this step's ring entry (e = scalars[0] % ring_len) when
// any of x[0..n) is NaN or infinite (an integer atomic OR: the result does not depend on
// the order). Run over the gradient arena before the SGD step, which then skips.
// x: binding 0 (n)   scalars: 1   ring: 2 (2 * ring_len words, entry e's flags OR= 2)
// grid: n invocations
// Built with -DDIVE_UNSCALE (grad_unscale, loss scaling): x is read and written, x /= S
// in place first (S = ls[0], a power of two: x times the exact 2^-k built from S's
// exponent, so the quotient is exact), and a non-finite element ORs flag 8 (an overflow
// of the scaled gradients: the step is skipped and S halves, no error) while S > 1, flag
// 2 (a non-finite gradient, the error) at S = 1. ls: binding 3.
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"

#ifdef DIVE_UNSCALE
layout(set = 0, binding = 0, std430) buffer X { float v[]; } x;
#else
layout(set = 0, binding = 0, std430) readonly buffer X { float v[]; } x;
#endif
layout(set = 0, binding = 1, std430) readonly buffer Sc { float v[]; } sc;
layout(set = 0, binding = 2, std430) buffer Ring { uint v[]; } ring;
#ifdef DIVE_UNSCALE
layout(set = 0, binding = 3, std430) readonly buffer LS { float v[]; } ls;
layout(push_constant) uniform P { uint o_x, o_sc, o_ring, o_ls, n, ring_len; } p;
#else
layout(push_constant) uniform P { uint o_x, o_sc, o_ring, n, ring_len; } p;
#endif

void main() {
  uint i = dive_gid();
  if (i >= p.n) return;
  float g = x.v[p.o_x + i];
  uint flag = 2u;
#ifdef DIVE_UNSCALE
  float S = ls.v[p.o_ls];
  // 1/S for S = 2^(E - 127): the biased exponent 254 - E (S <= 2^126: a normal number)
  float inv = uintBitsToFloat((254u - ((floatBitsToUint(S) >> 23) & 0xffu)) << 23);
  precise float u = g * inv;
  g = u;
  x.v[p.o_x + i] = g;
  if (S > 1.0) flag = 8u;
#endif
  if ((floatBitsToUint(g) & 0x7f800000u) == 0x7f800000u) {
    uint e = floatBitsToUint(sc.v[p.o_sc]) % p.ring_len;
    atomicOr(ring.v[p.o_ring + 2u * e + 1u], flag);
  }
}
