// mm.glsl - the shared-memory tiled GEMM core of the implicit-GEMM convolutions
// (conv2d_fwd, conv2d_bwd_x, conv2d_bwd_w). Included after common.glsl.
//
// A work group computes a BM x BN block of C = A B (A: M x KD, B: KD x NCOL; the including
// shader says what A, B and C are in terms of the convolution's tensors). It walks KD in
// steps of BK: each invocation loads LA elements of A's and LB of B's next BM x BK and
// BK x BN tiles from global memory into registers (ra, rb) while the current tiles, in
// shared memory, feed the multiply-adds; then the registers go to shared memory. Each
// invocation keeps a TM x TN block of C in registers: rows ty + i*(BM/TM), columns
// tx + j*(BN/TN), so a subgroup's shared reads of B are consecutive words and its reads of A
// a few broadcast words, and the stores of C are coalesced along the columns.
//
// The tile shape is specialization constants 1..5 (the C side picks it per GEMM from a
// table sized to the device: dive__vk_pick_tile); the work-group size (constant 0) is
// (BM/TM) * (BN/TN). The C side only uses shapes where BK and BN divide the work-group size.
// Shared rows are padded by one word so the column-wise stores of a tile do not all hit
// one bank.
//
// DIVE_F16 (the opt-in reduced-precision mode, DIVE_VK_FP16=1; the *_h variants): the
// shared tiles hold float16_t (the loaded operands rounded to fp16 as they are stored:
// MM_T), the multiply-adds and the accumulators stay fp32, and the fused epilogues' row sums
// get an fp32 array of their own (Rd) instead of reusing the tiles. Needs shaderFloat16.

layout(constant_id = 1) const uint BM = 64;
layout(constant_id = 2) const uint BN = 64;
layout(constant_id = 3) const uint BK = 16;
layout(constant_id = 4) const uint TM = 4;
layout(constant_id = 5) const uint TN = 4;

const uint MM_WG = (BM / TM) * (BN / TN);
const uint AS = BM + 1u;                       // shared row strides (padded)
const uint BSS = BN + 1u;
const uint LA = (BM * BK + MM_WG - 1u) / MM_WG; // A elements per invocation per step
const uint LB = (BK * BN + MM_WG - 1u) / MM_WG; // B elements per invocation per step

#ifdef DIVE_F16
#extension GL_EXT_shader_explicit_arithmetic_types_float16 : require
#define MM_T(x) float16_t(x)
shared float16_t As[BK * AS];  // As[k * AS + m]
shared float16_t Bs[BK * BSS]; // Bs[k * BSS + n]
#else
#define MM_T(x) (x)
shared float As[BK * AS];  // As[k * AS + m]
shared float Bs[BK * BSS]; // Bs[k * BSS + n]
#endif

float acc[TM][TN];
float ra[LA];
float rb[LB];

void mm_zero() {
  for (uint i = 0u; i < TM; i++)
    for (uint j = 0u; j < TN; j++) acc[i][j] = 0.0;
}

// one BK-deep step from the tiles in shared memory
void mm_step(uint tid) {
  uint tx = tid % (BN / TN), ty = tid / (BN / TN);
  for (uint k = 0u; k < BK; k++) {
    float a[TM], b[TN];
    for (uint i = 0u; i < TM; i++) a[i] = float(As[k * AS + ty + i * (BM / TM)]);
    for (uint j = 0u; j < TN; j++) b[j] = float(Bs[k * BSS + tx + j * (BN / TN)]);
    for (uint i = 0u; i < TM; i++)
      for (uint j = 0u; j < TN; j++) acc[i][j] = fma(a[i], b[j], acc[i][j]);
  }
}

// the row / column of acc[i][j] inside the block
uint mm_row(uint tid, uint i) { return tid / (BN / TN) + i * (BM / TM); }
uint mm_col(uint tid, uint j) { return tid % (BN / TN) + j * (BN / TN); }

#ifdef DIVE_BN_EPI
// Per-row sums of the block for the fused BN epilogues (conv2d_fwd's statistics,
// conv2d_bwd_x's backward sums). Each invocation puts in red_v[i] its partial over its TN
// columns of row mm_row(tid, i); mm_row_sums then leaves, for invocation tid < BM, the sum
// of row tid over the BN/TN invocations of the row, added in tx order (a fixed order: the
// same bits every run). It reuses the tiles' shared memory (call it after the last mm_step
// and its barrier): the (row, tx) values go to As when they fit there, else to Bs, the row
// sums to the other array (every shape of the C side's table fits; it asserts so). Every
// invocation must call it (it has barriers); a result is valid until the next call's
// second barrier, so read it before calling again.
const uint TX = BN / TN;
float red_v[TM];
#ifdef DIVE_F16
shared float Rd[BM * TX + BM]; // the (row, tx) values, then the row sums

float mm_row_sums(uint tid) {
  uint tx = tid % TX;
  for (uint i = 0u; i < TM; i++) Rd[mm_row(tid, i) * TX + tx] = red_v[i];
  barrier();
  if (tid < BM) {
    float s = 0.0;
    for (uint u = 0u; u < TX; u++) s += Rd[tid * TX + u];
    Rd[BM * TX + tid] = s;
  }
  barrier();
  return tid < BM ? Rd[BM * TX + tid] : 0.0;
}
float mm_row_sum(uint r) { return Rd[BM * TX + r]; }
#else
const bool RED_A = BM * TX <= BK * AS;

float mm_row_sums(uint tid) {
  uint tx = tid % TX;
  for (uint i = 0u; i < TM; i++) {
    uint k = mm_row(tid, i) * TX + tx;
    if (RED_A) As[k] = red_v[i]; else Bs[k] = red_v[i];
  }
  barrier();
  if (tid < BM) {
    float s = 0.0;
    for (uint u = 0u; u < TX; u++) s += RED_A ? As[tid * TX + u] : Bs[tid * TX + u];
    if (RED_A) Bs[tid] = s; else As[tid] = s;
  }
  barrier();
  return tid < BM ? (RED_A ? Bs[tid] : As[tid]) : 0.0;
}
// row r's sum from the last mm_row_sums (any invocation)
float mm_row_sum(uint r) { return RED_A ? Bs[r] : As[r]; }
#endif
#endif
