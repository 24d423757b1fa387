// reduce.glsl - work-group sum for the reduction kernels (one work group per output).
// Included after common.glsl. dive_wg_sum must be reached by every invocation of the work
// group (uniform control flow: it contains barriers). It sums a vec2, so a kernel can
// reduce two quantities at once (BN backward: sum dy and sum dy*xhat). Any work-group
// size works (DIVE_VK_WG may pick one that is not a power of two): the invocations at
// or above the largest power of two fold into the lower half first.
// Built with -DDIVE_SUBGROUP (the *_sg variants; the C side takes them only where the
// device has subgroup arithmetic in compute shaders and the work group is a whole number
// of subgroups): each subgroup adds its values with subgroupAdd, one invocation of each
// stores the subgroup's sum in shared memory, and every invocation adds those sums in
// subgroup order: 2 barriers instead of the tree's 3 + log2(WG), whatever the subgroup size
// (8 to 64). The order inside subgroupAdd is the driver's, fixed per device and pipeline.

layout(constant_id = 0) const uint DIVE_WG = 256; // the same specialization constant as
                                                 // local_size_x_id = 0
shared vec2 dive_red[DIVE_WG];

#ifdef DIVE_SUBGROUP
vec2 dive_wg_sum(vec2 v) {
  vec2 s = subgroupAdd(v);
  if (subgroupElect()) dive_red[gl_SubgroupID] = s;
  barrier();
  vec2 r = dive_red[0];
  for (uint i = 1u; i < gl_NumSubgroups; i++) r += dive_red[i];
  barrier(); // dive_red may be reused by the next call
  return r;
}
#else
vec2 dive_wg_sum(vec2 v) {
  uint t = gl_LocalInvocationID.x, p2 = 1u;
  while (p2 * 2u <= DIVE_WG) p2 *= 2u;
  dive_red[t] = v;
  barrier();
  if (t >= p2) dive_red[t - p2] += dive_red[t]; // t - p2 < DIVE_WG - p2 <= p2: disjoint
  barrier();
  for (uint s = p2 / 2u; s > 0u; s >>= 1) {
    if (t < s) dive_red[t] += dive_red[t + s];
    barrier();
  }
  vec2 r = dive_red[0];
  barrier(); // dive_red may be reused by the next call
  return r;
}
#endif
