// conv2d_bwd_w: dw += sum over (n, oh, ow) of dout[n,k,oh,ow] * in[n, g*Cg+c, h, x] (the dw
// part of dive__ref_conv2d_bwd) as a GEMM per group over the N*P*Q products:
//   C[m, col] = sum_j A[m, j] B[j, col],  m = output channel k of the group (Kg rows),
//   col = (c, r, s) (Cg*R*S columns), j = (n, oh, ow);  A[k, j] = dout[n, k, oh, ow],
//   B[j, (c,r,s)] = in[n, c, oh*stride - pad + r, ow*stride - pad + s] (0 in the padding).
// Split-K: z = g * nsplit + sp; split sp sums j in [sp*klen, (sp+1)*klen) (klen a multiple
// of BK). With one split the block is added to dw; otherwise it is stored as a partial
// (part[sp][k][c,r,s]) and conv2d_bwd_w_reduce adds the splits to dw in split order, so
// the result does not depend on scheduling (no float atomics).
// dout: binding 0 (N,K,P,Q)   in: 1 (N,C,H,W)   dw: 2 (K,Cg,R,S), += (nsplit == 1 only)
// part: 3 (nsplit * K*Cg*R*S; nsplit > 1 only)
// grid: (ceil(Cg*R*S / BN), ceil(Kg / BM), groups * nsplit)
// With DIVE_FOLD (conv2d_bwd_w_fold: the training BN's apply of the unit before folded into
// this conv) in is that unit's BN input c and each B element is gathered as y = dive_bn_relu
// of it with that BN's mean 4, rstd 5, gamma 6, beta 7 (8 bindings; the push constants then
// have 9 offsets, as conv2d_fwd_bn's), exactly as bn_apply would have written y.
// Loads: both tiles are contiguous along j (invocations take consecutive j, and decode it
// once per step); each invocation's B columns (c, r, s) are decoded once at the start.
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"
#include "mm.glsl"

layout(set = 0, binding = 0, std430) readonly buffer Dout { float v[]; } dout;
layout(set = 0, binding = 1, std430) readonly buffer In { float v[]; } in_;
layout(set = 0, binding = 2, std430) buffer Dw { float v[]; } dw;
layout(set = 0, binding = 3, std430) writeonly buffer Part { float v[]; } part;
#ifdef DIVE_FOLD
layout(set = 0, binding = 4, std430) readonly buffer FMn { float v[]; } fmean;
layout(set = 0, binding = 5, std430) readonly buffer FRs { float v[]; } frstd;
layout(set = 0, binding = 6, std430) readonly buffer FGm { float v[]; } fgamma;
layout(set = 0, binding = 7, std430) readonly buffer FBt { float v[]; } fbeta;
layout(push_constant) uniform P {
  uint o_dout, o_in, o_dw, o_part, o_fmean, o_frstd, o_fgamma, o_fbeta, o_unused8;
#else
layout(push_constant) uniform P {
  uint o_dout, o_in, o_dw, o_part;
#endif
  int N, C, H, W, K, R, S, P, Q, stride, pad, groups;
  uint flags, unused, klen, nsplit;
} p;

void main() {
  uint tid = gl_LocalInvocationID.x, g = gl_WorkGroupID.z / p.nsplit, sp = gl_WorkGroupID.z % p.nsplit;
  uint Cg = uint(p.C / p.groups), Kg = uint(p.K / p.groups), RS = uint(p.R * p.S);
  uint KD = Cg * RS, PQ = uint(p.P * p.Q), NPQ = uint(p.N) * PQ, HW = uint(p.H * p.W);
  uint m0 = gl_WorkGroupID.y * BM, n0 = gl_WorkGroupID.x * BN;
  uint j0 = sp * p.klen, j1 = min(j0 + p.klen, NPQ);
  uint akk = tid % BK;
  // B columns of this invocation: (c, r, s) -> channel offset and packed (r, s)
  uint cofs[LB];
  int rpk[LB];
#ifdef DIVE_FOLD
  float fmu[LB], fgr[LB], fbe[LB]; // the B columns' channels' BN (the fold's y = relu(BN(in)))
#endif
  for (uint it = 0u; it < LB; it++) {
    uint nn = tid / BK + it * (MM_WG / BK), cc = n0 + nn;
    cofs[it] = 0xffffffffu;
    rpk[it] = 0;
#ifdef DIVE_FOLD
    fmu[it] = 0.0; fgr[it] = 0.0; fbe[it] = 0.0;
#endif
    if (nn < BN && cc < KD) {
      uint c = cc / RS, rs = cc - c * RS, r = rs / uint(p.S);
      cofs[it] = (g * Cg + c) * HW;
      rpk[it] = int(r) | (int(rs - r * uint(p.S)) << 16);
#ifdef DIVE_FOLD
      uint ch = g * Cg + c;
      fmu[it] = fmean.v[p.o_fmean + ch];
      fgr[it] = fgamma.v[p.o_fgamma + ch] * frstd.v[p.o_frstd + ch];
      fbe[it] = fbeta.v[p.o_fbeta + ch];
#endif
    }
  }
  uint nt = j1 > j0 ? (j1 - j0 + BK - 1u) / BK : 0u;
  mm_zero();
  for (uint t = 0u; t <= nt; t++) {
    if (t > 0u) {
      for (uint it = 0u; it < LA; it++) {
        uint mm = tid / BK + it * (MM_WG / BK);
        if (mm < BM) As[akk * AS + mm] = MM_T(ra[it]);
      }
      for (uint it = 0u; it < LB; it++) {
        uint nn = tid / BK + it * (MM_WG / BK);
        if (nn < BN) Bs[akk * BSS + nn] = MM_T(rb[it]);
      }
      barrier();
    }
    if (t < nt) {
      uint j = j0 + t * BK + akk;
      bool jok = j < j1;
      uint img = jok ? j / PQ : 0u, pq = jok ? j - img * PQ : 0u, oh = pq / uint(p.Q);
      int h0 = int(oh) * p.stride - p.pad, x0 = int(pq - oh * uint(p.Q)) * p.stride - p.pad;
      uint abase = p.o_dout + (img * uint(p.K) + g * Kg + m0) * PQ + pq;
      uint ibase = p.o_in + img * uint(p.C) * HW;
      for (uint it = 0u; it < LA; it++) {
        uint mm = tid / BK + it * (MM_WG / BK);
        ra[it] = (jok && mm < BM && m0 + mm < Kg) ? dout.v[abase + mm * PQ] : 0.0;
      }
      for (uint it = 0u; it < LB; it++) {
        float v = 0.0;
        if (jok && cofs[it] != 0xffffffffu) {
          int h = h0 + (rpk[it] & 0xffff), x = x0 + (rpk[it] >> 16);
#ifdef DIVE_FOLD
          if (h >= 0 && h < p.H && x >= 0 && x < p.W)
            v = dive_bn_relu(in_.v[ibase + cofs[it] + uint(h * p.W + x)], fmu[it], fgr[it], fbe[it]);
#else
          if (h >= 0 && h < p.H && x >= 0 && x < p.W) v = in_.v[ibase + cofs[it] + uint(h * p.W + x)];
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
  uint nw = uint(p.K) * KD;
  for (uint i = 0u; i < TM; i++) {
    uint m = m0 + mm_row(tid, i);
    if (m >= Kg) continue;
    for (uint j = 0u; j < TN; j++) {
      uint cc = n0 + mm_col(tid, j);
      if (cc >= KD) continue;
      uint e = (g * Kg + m) * KD + cc;
      if (p.nsplit == 1u) dw.v[p.o_dw + e] += acc[i][j];
      else part.v[p.o_part + sp * nw + e] = acc[i][j];
    }
  }
}
