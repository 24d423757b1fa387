// conv2d_bwd_x: din = the transposed convolution of dout (the din part of
// dive__ref_conv2d_bwd; din is overwritten), as an implicit GEMM per group and per phase.
// With stride st, the input pixels (h, x) with h % st = ph and x % st = pw form phase
// (ph, pw); only the taps r = r0 + rr*st (r0 = (ph + pad) % st) and s = s0 + ss*st reach
// them, and then oh = i + dh - rr, ow = j + dw - ss for h = ph + i*st, x = pw + j*st
// (dh = (ph + pad - r0) / st). So per phase the gather is dense, with no division tests:
//   C[m, col] = sum_kd A[m, kd] B[kd, col],  m = input channel c of the group (Cg rows),
//   col = (n, i, j) over the phase's pixels, kd = (k, rr, ss) over the group's Kg output
//   channels and the phase's taps;  A[c, kd] = w[k, c, r, s],  B[kd, col] = dout[n, k, oh, ow]
//   (0 outside P x Q). A phase that no tap reaches (1x1 kernel, stride 2) gets zeros.
// dout: binding 0 (N,K,P,Q)   w: 1 (K,Cg,R,S)   din: 2 (N,C,H,W)
// grid: (ceil(N*ceil(H/st)*ceil(W/st) / BN), ceil(Cg / BM), groups * st * st)
// With DIVE_BN_EPI (conv2d_bwd_x_bn: the conv's input is y = relu(BN(x) [+ res]), the BN's
// input x, its mean and rstd saved by the forward) the epilogue computes the gradient of y
// and the BN's backward sums: v = din [+ add] (flags bit 0: the gradient's other part, e.g.
// the residual branch's), masked by y > 0, is written to din, and each (input channel c,
// phase, column tile x) of the grid writes part[(c * nchunk + phase * ntiles + x) * 2 ..+2]
// = (sum v, sum v * (x - mean[c]) * rstd[c]) over its pixels, nchunk = st*st * ntiles (a
// work group of a phase with fewer pixels writes zeros): bn_merge mode 1 adds a channel's
// chunks in order, in place of bn_part mode 1.
// bindings then: dout 0, w 1, add 2, y 3, x 4, mean 5, rstd 6, din 7, part 8
// With DIVE_FOLD as well (conv2d_bwd_x_bn_fold: that BN's apply was folded into this conv's
// forward, y was never written) the mask is computed from x: y = dive_bn_relu(x, mean,
// gamma rstd, beta), bn_apply's bits; gamma takes y's binding 3 and beta is binding 9 (10
// bindings, 10 offsets).
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"
#include "mm.glsl"

layout(set = 0, binding = 0, std430) readonly buffer Dout { float v[]; } dout;
layout(set = 0, binding = 1, std430) readonly buffer Wt { float v[]; } w;
#ifdef DIVE_BN_EPI
layout(set = 0, binding = 2, std430) readonly buffer Add { float v[]; } add;
#ifdef DIVE_FOLD
layout(set = 0, binding = 3, std430) readonly buffer Gm { float v[]; } gamma;
#else
layout(set = 0, binding = 3, std430) readonly buffer Y { float v[]; } y;
#endif
layout(set = 0, binding = 4, std430) readonly buffer X { float v[]; } x;
layout(set = 0, binding = 5, std430) readonly buffer Mn { float v[]; } mean;
layout(set = 0, binding = 6, std430) readonly buffer Rs { float v[]; } rstd;
layout(set = 0, binding = 7, std430) writeonly buffer Din { float v[]; } din;
layout(set = 0, binding = 8, std430) writeonly buffer Part { float v[]; } part;
#ifdef DIVE_FOLD
layout(set = 0, binding = 9, std430) readonly buffer Bt { float v[]; } beta;
layout(push_constant) uniform P {
  uint o_dout, o_w, o_add, o_gamma, o_x, o_mean, o_rstd, o_din, o_part, o_beta;
#else
layout(push_constant) uniform P {
  uint o_dout, o_w, o_add, o_y, o_x, o_mean, o_rstd, o_din, o_part;
#endif
#else
layout(set = 0, binding = 2, std430) writeonly buffer Din { float v[]; } din;
layout(push_constant) uniform P {
  uint o_dout, o_w, o_din, o_unused;
#endif
  int N, C, H, W, K, R, S, P, Q, stride, pad, groups;
  uint flags, unused, klen, nsplit;
} p;

void main() {
  uint tid = gl_LocalInvocationID.x, st = uint(p.stride), nph = st * st;
  uint g = gl_WorkGroupID.z / nph, phase = gl_WorkGroupID.z % nph, ph = phase / st, pw = phase % st;
  uint Cg = uint(p.C / p.groups), Kg = uint(p.K / p.groups), RS = uint(p.R * p.S);
  uint r0 = (ph + uint(p.pad)) % st, s0 = (pw + uint(p.pad)) % st;
  uint Rp = uint(p.R) > r0 ? (uint(p.R) - r0 + st - 1u) / st : 0u;
  uint Sp = uint(p.S) > s0 ? (uint(p.S) - s0 + st - 1u) / st : 0u;
  int dh = int((ph + uint(p.pad) - r0) / st), dw = int((pw + uint(p.pad) - s0) / st);
  uint Hp = uint(p.H) > ph ? (uint(p.H) - ph + st - 1u) / st : 0u;
  uint Wp = uint(p.W) > pw ? (uint(p.W) - pw + st - 1u) / st : 0u;
  uint HWp = Hp * Wp, NCOL = uint(p.N) * HWp, TAPS = Rp * Sp, KD = Kg * TAPS;
  uint m0 = gl_WorkGroupID.y * BM, n0 = gl_WorkGroupID.x * BN;
  if (n0 >= NCOL) { // this phase has fewer pixels: the whole work group leaves
#ifdef DIVE_BN_EPI
    if (tid < BM && m0 + tid < Cg) { // (its partial sums are zero)
      uint at = p.o_part + 2u * ((g * Cg + m0 + tid) * nph * gl_NumWorkGroups.x + phase * gl_NumWorkGroups.x +
                                 gl_WorkGroupID.x);
      part.v[at] = 0.0;
      part.v[at + 1u] = 0.0;
    }
#endif
    return;
  }
  uint PQ = uint(p.P * p.Q);
  uint nn = tid % BN, col = n0 + nn, akk = tid % BK;
  bool colok = col < NCOL;
  uint img = colok ? col / HWp : 0u, ij = colok ? col % HWp : 0u;
  int i0 = int(ij / Wp) + dh, j0 = int(ij % Wp) + dw;
  uint dbase = p.o_dout + (img * uint(p.K) + g * Kg) * PQ;
  uint nt = (KD + BK - 1u) / BK;
  mm_zero();
  for (uint t = 0u; t <= nt; t++) {
    if (t > 0u) {
      for (uint it = 0u; it < LA; it++) {
        uint mm = tid / BK + it * (MM_WG / BK);
        if (mm < BM) As[akk * AS + mm] = MM_T(ra[it]);
      }
      for (uint it = 0u; it < LB; it++) {
        uint kk = tid / BN + it * (MM_WG / BN);
        if (kk < BK) Bs[kk * BSS + nn] = MM_T(rb[it]);
      }
      barrier();
    }
    if (t < nt) {
      uint k = t * BK + akk, wofs = 0u;
      if (k < KD) { // this invocation's kd: (output channel, tap) -> its weight offset
        uint ko = k / TAPS, tp = k - ko * TAPS, rr = tp / Sp, ss = tp - rr * Sp;
        wofs = p.o_w + (g * Kg + ko) * Cg * RS + (r0 + rr * st) * uint(p.S) + s0 + ss * st;
      }
      for (uint it = 0u; it < LA; it++) {
        uint mm = tid / BK + it * (MM_WG / BK);
        ra[it] = (mm < BM && m0 + mm < Cg && k < KD) ? w.v[wofs + (m0 + mm) * RS] : 0.0;
      }
      for (uint it = 0u; it < LB; it++) {
        uint kk = tid / BN + it * (MM_WG / BN), kd = t * BK + kk;
        float v = 0.0;
        if (colok && kk < BK && kd < KD) {
          uint ko = kd / TAPS, tp = kd - ko * TAPS, rr = tp / Sp;
          int oh = i0 - int(rr), ow = j0 - int(tp - rr * Sp);
          if (oh >= 0 && oh < p.P && ow >= 0 && ow < p.Q) v = dout.v[dbase + ko * PQ + uint(oh * p.Q + ow)];
        }
        rb[it] = v;
      }
    }
    if (t > 0u) {
      mm_step(tid);
      barrier();
    }
  }
#ifndef DIVE_BN_EPI
  for (uint i = 0u; i < TM; i++) {
    uint m = m0 + mm_row(tid, i);
    if (m >= Cg) continue;
    for (uint j = 0u; j < TN; j++) {
      uint c2 = n0 + mm_col(tid, j);
      if (c2 >= NCOL) continue;
      uint n = c2 / HWp, q = c2 - n * HWp, h = ph + (q / Wp) * st, xx = pw + (q % Wp) * st;
      din.v[p.o_din + ((n * uint(p.C) + g * Cg + m) * uint(p.H) + h) * uint(p.W) + xx] = acc[i][j];
    }
  }
#else
  float s2[TM];
  for (uint i = 0u; i < TM; i++) {
    uint m = m0 + mm_row(tid, i);
    float a = 0.0, b = 0.0;
    if (m < Cg) {
      float mu = mean.v[p.o_mean + g * Cg + m], rs = rstd.v[p.o_rstd + g * Cg + m];
#ifdef DIVE_FOLD
      float gr = gamma.v[p.o_gamma + g * Cg + m] * rs, be = beta.v[p.o_beta + g * Cg + m];
#endif
      for (uint j = 0u; j < TN; j++) {
        uint c2 = n0 + mm_col(tid, j);
        if (c2 >= NCOL) continue;
        uint n = c2 / HWp, q = c2 - n * HWp, h = ph + (q / Wp) * st, xx = pw + (q % Wp) * st;
        uint e = ((n * uint(p.C) + g * Cg + m) * uint(p.H) + h) * uint(p.W) + xx;
        float v = acc[i][j];
        if ((p.flags & 1u) != 0u) v += add.v[p.o_add + e];
#ifdef DIVE_FOLD
        float xe = x.v[p.o_x + e];
        if (!(dive_bn_relu(xe, mu, gr, be) > 0.0)) v = 0.0; // y > 0, y as bn_apply computes it
#else
        float xe = x.v[p.o_x + e];
        if (!(y.v[p.o_y + e] > 0.0)) v = 0.0;
#endif
        din.v[p.o_din + e] = v;
        a += v;
        b += v * ((xe - mu) * rs);
      }
    }
    red_v[i] = a;
    s2[i] = b;
  }
  float sum_r = mm_row_sums(tid);
  for (uint i = 0u; i < TM; i++) red_v[i] = s2[i];
  float sumx_r = mm_row_sums(tid);
  if (tid < BM && m0 + tid < Cg) {
    uint at = p.o_part + 2u * ((g * Cg + m0 + tid) * nph * gl_NumWorkGroups.x + phase * gl_NumWorkGroups.x +
                               gl_WorkGroupID.x);
    part.v[at] = sum_r;
    part.v[at + 1u] = sumx_r;
  }
#endif
}
