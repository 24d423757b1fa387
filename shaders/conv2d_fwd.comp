// conv2d_fwd: out = conv(in, w) + b as an implicit GEMM per group g (mirrors
// dive__ref_conv2d_fwd): C[m, col] = sum_kd A[m, kd] B[kd, col] with
//   m   = output channel of the group (Kg = K/groups rows),
//   col = (n, oh, ow) (N*P*Q columns),
//   kd  = (c, r, s) over the group's Cg = C/groups input channels and the kernel,
//   A = w viewed as (K, Cg*R*S), B = the input patches (im2col, never materialized: loaded
//   straight from `in` with zeros for the padding).
// in: binding 0 (N,C,H,W)   w: 1 (K,Cg,R,S)   b: 2 (K; absent when flags bit 0 is clear)
// out: 3 (N,K,P,Q)
// grid: (ceil(N*P*Q / BN), ceil(Kg / BM), groups) work groups of (BM/TM)*(BN/TN)
// With DIVE_BN_EPI (conv2d_fwd_bn: a training-mode BN follows) the epilogue also writes the
// BN statistics of each (output channel k, column tile x) of the grid to part (binding 4):
// part[(k * ntiles + x) * 2 ..+2] = (mean, M2 = sum (v - mean)^2) over the tile's
// min(BN, N*P*Q - x*BN) outputs v of channel k, two passes over the values in registers (no
// E[v^2] - E[v]^2). That is bn_part mode 0's layout with chunks of L = BN (a tile's columns
// are a range of the channel's N*P*Q values in bn_part's order), so bn_merge mode 0 merges
// the tiles of a channel in order (Chan's formula) and the statistics pass is not needed.
// With DIVE_ACT_EPI (conv2d_fwd_act: an eval-mode BN follows) the epilogue writes, instead
// of c, y = [relu]((c - rmean[k]) rstd gamma[k] + beta[k] [+ res]) with rstd = 1/sqrt(rvar[k]
// + eps): bn_merge mode 3 and bn_apply's arithmetic in the same order, on the value in
// registers (c is never written). Bindings then: in 0, w 1, rmean 2, y 3, rvar 4, gamma 5,
// beta 6, res 7 (flags bit 1; bit 2: the ReLU); eps is the float bits of p.unused. y must
// not be in's buffer (other work groups still read in); it may be res.
// With DIVE_FOLD as well (conv2d_fwd_bn_fold: the training BN's apply of the unit before,
// folded into this conv) the input at binding 0 is that unit's BN input c, and each B element
// is gathered as y = relu((c - mean[ch]) gamma[ch] rstd[ch] + beta[ch]) (dive_bn_relu, in
// bn_apply's order, `precise`: the bits bn_apply would have written; the padding stays 0, as
// in y) from that BN's mean 5, rstd 6, gamma 7, beta 8 (9 bindings, the 9 offsets of
// conv2d_fwd_bn's push constants).
// Loads: A rows are contiguous along kd (invocations take consecutive kd); B along the
// output columns (each invocation keeps one column, so its n, oh, ow are computed once).
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"
#include "mm.glsl"

layout(set = 0, binding = 0, std430) readonly buffer In { float v[]; } in_;
layout(set = 0, binding = 1, std430) readonly buffer Wt { float v[]; } w;
layout(set = 0, binding = 2, std430) readonly buffer Bs_ { float v[]; } b;
layout(set = 0, binding = 3, std430) writeonly buffer Out { float v[]; } out_;
#ifdef DIVE_BN_EPI
layout(set = 0, binding = 4, std430) writeonly buffer Part { float v[]; } part;
#ifdef DIVE_FOLD
layout(set = 0, binding = 5, std430) readonly buffer FMn { float v[]; } fmean;
layout(set = 0, binding = 6, std430) readonly buffer FRs { float v[]; } frstd;
layout(set = 0, binding = 7, std430) readonly buffer FGm { float v[]; } fgamma;
layout(set = 0, binding = 8, std430) readonly buffer FBt { float v[]; } fbeta;
layout(push_constant) uniform P {
  uint o_in, o_w, o_b, o_out, o_part, o_fmean, o_frstd, o_fgamma, o_fbeta;
#else
layout(push_constant) uniform P {
  uint o_in, o_w, o_b, o_out, o_part, o_unused5, o_unused6, o_unused7, o_unused8;
#endif
#else
#ifdef DIVE_ACT_EPI
layout(set = 0, binding = 4, std430) readonly buffer Rv { float v[]; } rvar;
layout(set = 0, binding = 5, std430) readonly buffer Gm { float v[]; } gamma;
layout(set = 0, binding = 6, std430) readonly buffer Bt { float v[]; } beta;
layout(set = 0, binding = 7, std430) readonly buffer Res { float v[]; } res;
layout(push_constant) uniform P {
  uint o_in, o_w, o_b, o_out, o_rvar, o_gamma, o_beta, o_res, o_unused8;
#else
layout(push_constant) uniform P {
  uint o_in, o_w, o_b, o_out;
#endif
#endif
  int N, C, H, W, K, R, S, P, Q, stride, pad, groups;
  uint flags, unused, klen, nsplit;
} p;

void main() {
  uint tid = gl_LocalInvocationID.x, g = gl_WorkGroupID.z;
  uint Cg = uint(p.C / p.groups), Kg = uint(p.K / p.groups), RS = uint(p.R * p.S);
  uint KD = Cg * RS, PQ = uint(p.P * p.Q), NCOL = uint(p.N) * PQ, HW = uint(p.H * p.W);
  uint m0 = gl_WorkGroupID.y * BM, n0 = gl_WorkGroupID.x * BN;
  // this invocation's B column and A column (kd within the tile)
  uint nn = tid % BN, col = n0 + nn, akk = tid % BK;
  bool colok = col < NCOL;
  uint img = colok ? col / PQ : 0u, pq = colok ? col % PQ : 0u;
  int h0 = int(pq / uint(p.Q)) * p.stride - p.pad, x0 = int(pq % uint(p.Q)) * p.stride - p.pad;
  uint ibase = p.o_in + (img * uint(p.C) + g * Cg) * HW;
  uint wbase = p.o_w + (g * Kg + m0) * KD;
  uint nt = (KD + BK - 1u) / BK;
  mm_zero();
  for (uint t = 0u; t <= nt; t++) {
    if (t > 0u) { // registers -> shared, then one step on them
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
    if (t < nt) { // global -> registers for step t (in flight during the step below)
      uint k = t * BK + akk;
      for (uint it = 0u; it < LA; it++) {
        uint mm = tid / BK + it * (MM_WG / BK);
        ra[it] = (mm < BM && m0 + mm < Kg && k < KD) ? w.v[wbase + mm * KD + k] : 0.0;
      }
      for (uint it = 0u; it < LB; it++) {
        uint kk = tid / BN + it * (MM_WG / BN), kd = t * BK + kk;
        float v = 0.0;
        if (colok && kk < BK && kd < KD) {
          uint c = kd / RS, rs = kd - c * RS, r = rs / uint(p.S);
          int h = h0 + int(r), x = x0 + int(rs - r * uint(p.S));
#ifdef DIVE_FOLD
          if (h >= 0 && h < p.H && x >= 0 && x < p.W) { // y = relu(BN(c)) of the channel, as bn_apply
            uint ch = g * Cg + c;
            v = dive_bn_relu(in_.v[ibase + c * HW + uint(h * p.W + x)], fmean.v[p.o_fmean + ch],
                             fgamma.v[p.o_fgamma + ch] * frstd.v[p.o_frstd + ch], fbeta.v[p.o_fbeta + ch]);
          }
#else
          if (h >= 0 && h < p.H && x >= 0 && x < p.W) v = in_.v[ibase + c * HW + uint(h * p.W + x)];
#endif
        }
        rb[it] = v;
      }
    }
    if (t > 0u) {
      mm_step(tid);
      barrier();
    }
  }
#ifdef DIVE_ACT_EPI
  float eps = uintBitsToFloat(p.unused);
  for (uint i = 0u; i < TM; i++) {
    uint m = m0 + mm_row(tid, i), k = g * Kg + m;
    if (m >= Kg) continue;
    float rs = 1.0 / sqrt(rvar.v[p.o_rvar + k] + eps), mu = b.v[p.o_b + k];
    float ga = gamma.v[p.o_gamma + k] * rs, be = beta.v[p.o_beta + k];
    for (uint j = 0u; j < TN; j++) {
      uint c2 = n0 + mm_col(tid, j);
      if (c2 >= NCOL) continue;
      uint n = c2 / PQ, e = (n * uint(p.K) + k) * PQ + (c2 - n * PQ);
      float v = (acc[i][j] - mu) * ga + be;
      if ((p.flags & 2u) != 0u) v += res.v[p.o_res + e];
      if ((p.flags & 4u) != 0u) v = v > 0.0 ? v : 0.0; // as dive__ref_relu_fwd (NaN -> 0)
      out_.v[p.o_out + e] = v;
    }
  }
#else
  for (uint i = 0u; i < TM; i++) {
    uint m = m0 + mm_row(tid, i);
    if (m >= Kg) continue;
    float bias = (p.flags & 1u) != 0u ? b.v[p.o_b + g * Kg + m] : 0.0;
    for (uint j = 0u; j < TN; j++) {
      uint c2 = n0 + mm_col(tid, j);
      acc[i][j] += bias;
      if (c2 >= NCOL) continue;
      uint n = c2 / PQ;
      out_.v[p.o_out + (n * uint(p.K) + g * Kg + m) * PQ + (c2 - n * PQ)] = acc[i][j];
    }
  }
#endif
#ifdef DIVE_BN_EPI
  // the tile's statistics per row: its mean, then the squared deviations from it
  uint cnt = min(BN, NCOL - n0);
  for (uint i = 0u; i < TM; i++) {
    float s = 0.0;
    for (uint j = 0u; j < TN; j++)
      if (n0 + mm_col(tid, j) < NCOL) s += acc[i][j];
    red_v[i] = s;
  }
  float mean_r = mm_row_sums(tid) / float(cnt);
  for (uint i = 0u; i < TM; i++) {
    float mu = mm_row_sum(mm_row(tid, i)) / float(cnt), s = 0.0;
    for (uint j = 0u; j < TN; j++)
      if (n0 + mm_col(tid, j) < NCOL) {
        float d = acc[i][j] - mu;
        s += d * d;
      }
    red_v[i] = s;
  }
  float m2_r = mm_row_sums(tid);
  if (tid < BM && m0 + tid < Kg) {
    uint at = p.o_part + 2u * ((g * Kg + m0 + tid) * gl_NumWorkGroups.x + gl_WorkGroupID.x);
    part.v[at] = mean_r;
    part.v[at + 1u] = m2_r;
  }
#endif
}
