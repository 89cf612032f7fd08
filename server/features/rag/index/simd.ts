/**
 * The embedded index's WebAssembly SIMD scoring kernel, assembled here from named opcodes (no
 * build step, no binary blob). One function per group size G = 1..4, in WAT:
 *
 *   (func $axpyG (param $acc i32) (param $end i32) (param $p0 i32) ... (param $q0 f64) ...
 *     ;; v_k = f64x2.splat(q_k)
 *     (block (br_if 0 (i32.ge_u $acc $end))
 *       (loop
 *         lo = v128.load $acc          ;; acc[i], acc[i+1]     (f64)
 *         hi = v128.load offset=16 $acc ;; acc[i+2], acc[i+3]
 *         ;; for each k: x = v128.load $p_k (4 × f32)
 *         ;;   lo += f64x2.promote_low_f32x4(x) * v_k
 *         ;;   hi += f64x2.promote_low_f32x4(i8x16.shuffle(x, x, high half)) * v_k
 *         ;;   p_k += 16
 *         store lo, hi; $acc += 32
 *         (br_if 0 (i32.lt_u $acc $end)))))
 *
 * i.e. `acc[i] += q_0·col_0[i] + … + q_{G-1}·col_{G-1}[i]` for four slots per iteration, with the
 * stored float32 values widened to float64 and every product and sum in float64 — the same
 * arithmetic as the scalar fallback, so results do not depend on which one ran.
 */

const I32 = 0x7f;
const F64 = 0x7c;
const V128 = 0x7b;

/** Unsigned LEB128. */
function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 (small constants only). */
function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const name = (s: string) => [...uleb(s.length), ...new TextEncoder().encode(s)];
const vector = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];

const op = {
  localGet: (i: number) => [0x20, ...uleb(i)],
  localSet: (i: number) => [0x21, ...uleb(i)],
  localTee: (i: number) => [0x22, ...uleb(i)],
  i32Const: (v: number) => [0x41, ...sleb(v)],
  i32Add: [0x6a],
  i32LtU: [0x49],
  i32GeU: [0x4f],
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  brIf: (depth: number) => [0x0d, ...uleb(depth)],
  end: [0x0b],
  /** SIMD instructions: prefix 0xfd, LEB128 opcode, immediates. */
  simd: (code: number, ...immediates: number[]) => [0xfd, ...uleb(code), ...immediates],
};
/** memarg: alignment 2^4 = 16 bytes (a hint), byte offset. */
const v128Load = (offset = 0) => op.simd(0x00, 4, ...uleb(offset));
const v128Store = (offset = 0) => op.simd(0x0b, 4, ...uleb(offset));
const f64x2Splat = op.simd(0x14);
const f64x2Add = op.simd(0xf0);
const f64x2Mul = op.simd(0xf2);
const f64x2PromoteLowF32x4 = op.simd(0x5f);
/** Moves lanes 2 and 3 of an f32x4 into lanes 0 and 1. */
const highHalf = op.simd(0x0d, 8, 9, 10, 11, 12, 13, 14, 15, 8, 9, 10, 11, 12, 13, 14, 15);

interface Func {
  params: number[];
  locals: [count: number, type: number][];
  body: number[];
}

function axpy(group: number): Func {
  const ACC = 0;
  const END = 1;
  const P = (k: number) => 2 + k;
  const Q = (k: number) => 2 + group + k;
  const V = (k: number) => 2 + 2 * group + k;
  const X = 2 + 3 * group;
  const LO = X + 1;
  const HI = X + 2;
  const body: number[] = [];
  for (let k = 0; k < group; k++) body.push(...op.localGet(Q(k)), ...f64x2Splat, ...op.localSet(V(k)));
  body.push(...op.block, ...op.localGet(ACC), ...op.localGet(END), ...op.i32GeU, ...op.brIf(0), ...op.loop);
  body.push(...op.localGet(ACC), ...v128Load(0), ...op.localSet(LO));
  body.push(...op.localGet(ACC), ...v128Load(16), ...op.localSet(HI));
  for (let k = 0; k < group; k++) {
    body.push(...op.localGet(P(k)), ...v128Load(), ...op.localTee(X));
    body.push(...f64x2PromoteLowF32x4, ...op.localGet(V(k)), ...f64x2Mul, ...op.localGet(LO), ...f64x2Add);
    body.push(...op.localSet(LO));
    body.push(...op.localGet(X), ...op.localGet(X), ...highHalf, ...f64x2PromoteLowF32x4);
    body.push(...op.localGet(V(k)), ...f64x2Mul, ...op.localGet(HI), ...f64x2Add, ...op.localSet(HI));
    body.push(...op.localGet(P(k)), ...op.i32Const(16), ...op.i32Add, ...op.localSet(P(k)));
  }
  body.push(...op.localGet(ACC), ...op.localGet(LO), ...v128Store(0));
  body.push(...op.localGet(ACC), ...op.localGet(HI), ...v128Store(16));
  body.push(...op.localGet(ACC), ...op.i32Const(32), ...op.i32Add, ...op.localTee(ACC));
  body.push(...op.localGet(END), ...op.i32LtU, ...op.brIf(0), ...op.end, ...op.end, ...op.end);
  return {
    params: [I32, I32, ...Array<number>(group).fill(I32), ...Array<number>(group).fill(F64)],
    locals: [[group + 3, V128]],
    body,
  };
}

/** The module: imports its memory as `env.memory`, exports `axpy1` … `axpy4`. */
function assemble(): Uint8Array<ArrayBuffer> {
  const funcs = [1, 2, 3, 4].map(axpy);
  const types = funcs.map((f) => [0x60, ...vector(f.params.map((p) => [p])), 0]);
  const code = funcs.map((f) => {
    const body = [...vector(f.locals.map(([count, type]) => [...uleb(count), type])), ...f.body];
    return [...uleb(body.length), ...body];
  });
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vector(types)),
    // import "env" "memory": memory with limits { min: 0 }
    ...section(2, vector([[...name("env"), ...name("memory"), 0x02, 0x00, 0x00]])),
    ...section(3, vector(funcs.map((_, i) => uleb(i)))),
    ...section(7, vector(funcs.map((_, i) => [...name(`axpy${i + 1}`), 0x00, ...uleb(i)]))),
    ...section(10, vector(code)),
  ]);
}

/**
 * `axpyG(acc, end, p_0 … p_{G-1}, q_0 … q_{G-1})`: for every 4-slot step from byte offset `acc`
 * (float64 accumulators) up to `end`, adds Σ q_k·f32[p_k]; each `p_k` is the byte offset of the
 * first float32 of column k's block and advances 16 bytes per step. Offsets should be 16-byte aligned.
 */
export interface SimdKernels {
  axpy1(acc: number, end: number, p0: number, q0: number): void;
  axpy2(acc: number, end: number, p0: number, p1: number, q0: number, q1: number): void;
  axpy3(acc: number, end: number, p0: number, p1: number, p2: number, q0: number, q1: number, q2: number): void;
  axpy4(
    acc: number,
    end: number,
    p0: number,
    p1: number,
    p2: number,
    p3: number,
    q0: number,
    q1: number,
    q2: number,
    q3: number,
  ): void;
}

let compiled: WebAssembly.Module | null | undefined;

/** The compiled module, or null where WebAssembly SIMD is unavailable (the index then runs scalar). */
export function simdModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(assemble());
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** Kernels bound to one memory. */
export function instantiateKernels(module: WebAssembly.Module, memory: WebAssembly.Memory): SimdKernels {
  return new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as SimdKernels;
}
