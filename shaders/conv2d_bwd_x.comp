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
#version 450
#extension GL_GOOGLE_include_directive : require
#include "common.glsl"
#include "mm.glsl"

layout(set = 0, binding = 0, std430) readonly buffer Dout { float v[]; } dout;
layout(set = 0, binding = 1, std430) readonly buffer Wt { float v[]; } w;
layout(set = 0, binding = 2, std430) writeonly buffer Din { float v[]; } din;
layout(push_constant) uniform P {
  uint o_dout, o_w, o_din, o_unused;
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
  if (n0 >= NCOL) return; // this phase has fewer pixels: the whole work group leaves
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
        if (mm < BM) As[akk * AS + mm] = ra[it];
      }
      for (uint it = 0u; it < LB; it++) {
        uint kk = tid / BN + it * (MM_WG / BN);
        if (kk < BK) Bs[kk * BSS + nn] = rb[it];
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
  for (uint i = 0u; i < TM; i++) {
    uint m = m0 + mm_row(tid, i);
    if (m >= Cg) continue;
    for (uint j = 0u; j < TN; j++) {
      uint c2 = n0 + mm_col(tid, j);
      if (c2 >= NCOL) continue;
      uint n = c2 / HWp, q = c2 - n * HWp, h = ph + (q / Wp) * st, x = pw + (q % Wp) * st;
      din.v[p.o_din + ((n * uint(p.C) + g * Cg + m) * uint(p.H) + h) * uint(p.W) + x] = acc[i][j];
    }
  }
}
