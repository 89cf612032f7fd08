import type { TopK } from "./heap";
import { instantiateKernels, simdModule, type SimdKernels } from "./simd";

/**
 * Column-major (dimension-major) vector storage for one namespace of the embedded index, and the
 * scoring loops over it.
 *
 * Slot i's value for dimension j is at `cols[j * cap + i]`: each dimension is one contiguous run
 * of `cap` float32s. A query adds `q_j · column j` into per-slot accumulators for its non-zero
 * dimensions only, BLOCK slots at a time so the accumulators fit in L1 cache: a sparse query
 * (the offline embedder's: 30–60 non-zero of 512) reads only its columns, a dense one streams
 * every column once. Products and sums are float64, as in a row-by-row dot product.
 *
 * Small stores live in a plain Float32Array and are scored by scalar JavaScript. From
 * SIMD_MIN_CAPACITY slots on (when WebAssembly SIMD is available and not disabled) the columns
 * live in a WebAssembly.Memory, after BLOCK float64 accumulators at byte 0, and are scored by
 * the kernels in simd.ts (about 3× faster in `benchEmbedded()`). If that memory cannot grow (4 GiB limit), the store
 * falls back to a Float32Array.
 */

/** Slots scored per pass; 2048 float64 accumulators = 16 KiB. Multiple of 4. */
export const BLOCK = 2048;
const ACC_BYTES = BLOCK * 8;
const PAGE_BYTES = 65_536;
const MIN_CAPACITY = 16;
/** Below this many slots the scalar loop is fast enough and a plain array is cheaper to keep. */
export const SIMD_MIN_CAPACITY = 1024;

const roundUp4 = (n: number) => Math.ceil(n / 4) * 4;

export class ColumnStore {
  /** Slots allocated (a multiple of 4, so SIMD loads never cross into the next column). */
  cap = 0;
  /** `cols[j * cap + i]` = dimension j of slot i. */
  cols = new Float32Array(0);
  private memory: WebAssembly.Memory | null = null;
  private kernels: SimdKernels | null = null;
  /** Block accumulators; a view of bytes [0, ACC_BYTES) of `memory` while SIMD is in use. */
  private acc = new Float64Array(BLOCK);

  constructor(
    readonly dim: number,
    private readonly simd: boolean,
  ) {}

  /** Whether queries run the WebAssembly SIMD kernels (diagnostics and tests). */
  get usesSimd(): boolean {
    return this.kernels !== null;
  }

  /** Bytes allocated for vectors (and, with SIMD, the accumulators). */
  get allocatedBytes(): number {
    return this.memory ? this.memory.buffer.byteLength : this.cols.byteLength;
  }

  /**
   * Makes room for at least `n` slots, keeping the first `count`. Grows to max(n, 2 × capacity),
   * so appending one record at a time is amortised O(dim).
   */
  reserve(n: number, count: number): void {
    if (n <= this.cap) return;
    const cap = roundUp4(Math.max(n, 2 * this.cap, MIN_CAPACITY));
    const kernelModule = this.simd && cap >= SIMD_MIN_CAPACITY ? simdModule() : null;
    if (kernelModule && this.memory && this.growMemory(cap, count)) return;

    let memory: WebAssembly.Memory | null = null;
    if (kernelModule) {
      try {
        memory = new WebAssembly.Memory({ initial: Math.ceil((ACC_BYTES + this.dim * cap * 4) / PAGE_BYTES) });
      } catch {
        memory = null; // over the 4 GiB limit or out of address space: stay scalar
      }
    }
    const cols = memory ? new Float32Array(memory.buffer, ACC_BYTES, this.dim * cap) : new Float32Array(this.dim * cap);
    for (let j = 0; j < this.dim; j++) cols.set(this.cols.subarray(j * this.cap, j * this.cap + count), j * cap);
    const hadMemory = this.memory !== null;
    this.cols = cols;
    this.cap = cap;
    this.memory = memory;
    if (kernelModule && memory) {
      this.kernels = instantiateKernels(kernelModule, memory);
      this.acc = new Float64Array(memory.buffer, 0, BLOCK);
    } else {
      this.kernels = null;
      if (hadMemory) this.acc = new Float64Array(BLOCK);
    }
  }

  /** Grows the WebAssembly memory in place and spreads the columns out; false if it cannot grow. */
  private growMemory(cap: number, count: number): boolean {
    const memory = this.memory as WebAssembly.Memory;
    const needed = ACC_BYTES + this.dim * cap * 4;
    const have = memory.buffer.byteLength;
    try {
      if (needed > have) memory.grow(Math.ceil((needed - have) / PAGE_BYTES));
    } catch {
      return false;
    }
    const cols = new Float32Array(memory.buffer, ACC_BYTES, this.dim * cap);
    // Highest column first: its new place starts at or after its old one and after every lower
    // column's old place, so nothing is overwritten before it has moved.
    for (let j = this.dim - 1; j > 0; j--) cols.copyWithin(j * cap, j * this.cap, j * this.cap + count);
    this.cols = cols;
    this.cap = cap;
    this.acc = new Float64Array(memory.buffer, 0, BLOCK);
    return true;
  }

  /** Stores `values[j] / div * mul` as slot `slot` (the caller has reserved it). */
  write(slot: number, values: readonly number[], div: number, mul: number): void {
    const { cols, cap, dim } = this;
    for (let j = 0; j < dim; j++) cols[j * cap + slot] = ((values[j] as number) / div) * mul;
  }

  /** Copies slot `from` over slot `to`. */
  move(from: number, to: number): void {
    const { cols, cap, dim } = this;
    for (let j = 0; j < dim; j++) cols[j * cap + to] = cols[j * cap + from] as number;
  }

  /** Slot `slot` as a plain array (tests). */
  read(slot: number): number[] {
    return Array.from({ length: this.dim }, (_, j) => this.cols[j * this.cap + slot] as number);
  }

  /**
   * Scores of slots [base, base + len) against the query — `q[k]` is its value in dimension
   * `dims[k]`, k < m — as accumulators acc[0 .. len). The array is reused by the next call.
   */
  scoreBlock(base: number, len: number, dims: Int32Array, q: Float64Array, m: number): Float64Array {
    const acc = this.acc;
    const len4 = roundUp4(len);
    acc.fill(0, 0, len4);
    const kernels = this.kernels;
    if (kernels) {
      const cap = this.cap;
      const at = (k: number) => ACC_BYTES + ((dims[k] as number) * cap + base) * 4;
      const end = len4 * 8;
      let k = 0;
      for (; k + 4 <= m; k += 4) {
        kernels.axpy4(0, end, at(k), at(k + 1), at(k + 2), at(k + 3), q[k]!, q[k + 1]!, q[k + 2]!, q[k + 3]!);
      }
      if (m - k === 3) kernels.axpy3(0, end, at(k), at(k + 1), at(k + 2), q[k]!, q[k + 1]!, q[k + 2]!);
      else if (m - k === 2) kernels.axpy2(0, end, at(k), at(k + 1), q[k]!, q[k + 1]!);
      else if (m - k === 1) kernels.axpy1(0, end, at(k), q[k]!);
    } else {
      scalarBlock(this.cols, this.cap, base, len, dims, q, m, acc);
    }
    return acc;
  }

  /** Scores of the given slots into `out[0 .. slots.length)`, one slot at a time. */
  scoreSlots(slots: Int32Array, dims: Int32Array, q: Float64Array, m: number, out: Float64Array): void {
    const { cols, cap } = this;
    for (let p = 0; p < slots.length; p++) {
      const slot = slots[p]!;
      let score = 0;
      for (let k = 0; k < m; k++) score += q[k]! * cols[dims[k]! * cap + slot]!;
      out[p] = score;
    }
  }
}

/** Scalar version of the SIMD kernels: eight, then four, then single columns per pass. */
function scalarBlock(
  cols: Float32Array,
  cap: number,
  base: number,
  len: number,
  dims: Int32Array,
  q: Float64Array,
  m: number,
  acc: Float64Array,
): void {
  let k = 0;
  for (; k + 8 <= m; k += 8) {
    const o0 = dims[k]! * cap + base;
    const o1 = dims[k + 1]! * cap + base;
    const o2 = dims[k + 2]! * cap + base;
    const o3 = dims[k + 3]! * cap + base;
    const o4 = dims[k + 4]! * cap + base;
    const o5 = dims[k + 5]! * cap + base;
    const o6 = dims[k + 6]! * cap + base;
    const o7 = dims[k + 7]! * cap + base;
    const q0 = q[k]!;
    const q1 = q[k + 1]!;
    const q2 = q[k + 2]!;
    const q3 = q[k + 3]!;
    const q4 = q[k + 4]!;
    const q5 = q[k + 5]!;
    const q6 = q[k + 6]!;
    const q7 = q[k + 7]!;
    for (let i = 0; i < len; i++) {
      acc[i] =
        acc[i]! +
        q0 * cols[o0 + i]! +
        q1 * cols[o1 + i]! +
        q2 * cols[o2 + i]! +
        q3 * cols[o3 + i]! +
        q4 * cols[o4 + i]! +
        q5 * cols[o5 + i]! +
        q6 * cols[o6 + i]! +
        q7 * cols[o7 + i]!;
    }
  }
  for (; k + 4 <= m; k += 4) {
    const o0 = dims[k]! * cap + base;
    const o1 = dims[k + 1]! * cap + base;
    const o2 = dims[k + 2]! * cap + base;
    const o3 = dims[k + 3]! * cap + base;
    const q0 = q[k]!;
    const q1 = q[k + 1]!;
    const q2 = q[k + 2]!;
    const q3 = q[k + 3]!;
    for (let i = 0; i < len; i++) {
      acc[i] = acc[i]! + q0 * cols[o0 + i]! + q1 * cols[o1 + i]! + q2 * cols[o2 + i]! + q3 * cols[o3 + i]!;
    }
  }
  for (; k < m; k++) {
    const o0 = dims[k]! * cap + base;
    const q0 = q[k]!;
    for (let i = 0; i < len; i++) acc[i] = acc[i]! + q0 * cols[o0 + i]!;
  }
}

/**
 * A filter matching at most 1 in GATHER_RATIO slots scores just those slots, one by one: each
 * (slot, dimension) is then a cache miss, ~20× the cost of streaming it in a block, so gathering
 * pays only for very selective filters.
 */
export const GATHER_RATIO = 32;

/**
 * Feeds the scores of the first `count` slots — or only the `matched` ones (ascending) — into
 * `top`. Blocks without a matched slot are skipped; very selective filters gather slot by slot.
 */
export function scanTopK(
  store: ColumnStore,
  count: number,
  dims: Int32Array,
  q: Float64Array,
  m: number,
  top: TopK,
  matched?: Int32Array,
): void {
  if (matched !== undefined && matched.length * GATHER_RATIO <= count) {
    const scores = new Float64Array(matched.length);
    store.scoreSlots(matched, dims, q, m, scores);
    let threshold = top.threshold;
    for (let p = 0; p < matched.length; p++) {
      const score = scores[p]!;
      if (score > threshold) {
        top.push(matched[p]!, score);
        threshold = top.threshold;
      }
    }
    return;
  }
  let p = 0;
  for (let base = 0; base < count; base += BLOCK) {
    const len = Math.min(BLOCK, count - base);
    let threshold = top.threshold;
    if (matched === undefined) {
      const acc = store.scoreBlock(base, len, dims, q, m);
      for (let i = 0; i < len; i++) {
        const score = acc[i]!;
        if (score > threshold) {
          top.push(base + i, score);
          threshold = top.threshold;
        }
      }
      continue;
    }
    const stop = base + len;
    if (p >= matched.length) break;
    if (matched[p]! >= stop) continue;
    const acc = store.scoreBlock(base, len, dims, q, m);
    for (; p < matched.length && matched[p]! < stop; p++) {
      const slot = matched[p]!;
      const score = acc[slot - base]!;
      if (score > threshold) {
        top.push(slot, score);
        threshold = top.threshold;
      }
    }
  }
}
