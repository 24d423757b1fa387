// common.glsl - shared by every dive.h compute shader (included, never compiled alone).
//
// Conventions (docs/vulkan.md):
//  - storage buffers live in set 0, bindings in the C call's order: inputs, then outputs;
//  - the push-constant block starts with one uint per binding: the element offset of the
//    tensor inside its bound range (the C side binds each buffer at an offset aligned
//    down to minStorageBufferOffsetAlignment and passes the remainder here);
//  - the work-group size is specialization constant 0 (the C side picks it per device);
//  - grids wider than 65535 groups are dispatched as 2-D: dive_gid() flattens them.

#ifdef DIVE_SUBGROUP // the *_sg reductions (reduce.glsl): core in Vulkan 1.1, used where the device has them
#extension GL_KHR_shader_subgroup_basic : require
#extension GL_KHR_shader_subgroup_arithmetic : require
#endif

layout(local_size_x = 256) in;           // default; the C side specializes it
layout(local_size_x_id = 0) in;

// flat invocation index over a (gx, gy) grid of 1-D work groups
uint dive_gid() {
  return (gl_WorkGroupID.y * gl_NumWorkGroups.x + gl_WorkGroupID.x) * gl_WorkGroupSize.x +
         gl_LocalInvocationID.x;
}

// flat work-group index over the same (gx, gy) grid: kernels that give one work group per
// output (reductions) are launched with dive__vk_run_groups and bounds-check this instead
uint dive_group() { return gl_WorkGroupID.y * gl_NumWorkGroups.x + gl_WorkGroupID.x; }

// relu((x - mean) gr + beta), gr = gamma * rstd: bn_apply's arithmetic without a residual,
// in its order of operations and never contracted into an FMA (`precise`, as bn_apply's),
// so that a conv that gathers its input through it (the *_fold variants: the training BN's
// apply folded into the next conv) sees y bit for bit as bn_apply writes it.
float dive_bn_relu(float x, float mean, float gr, float beta) {
  precise float v = (x - mean) * gr + beta;
  return v > 0.0 ? v : 0.0; // as dive__ref_relu_fwd (NaN -> 0)
}
