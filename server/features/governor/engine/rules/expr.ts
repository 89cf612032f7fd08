/**
 * A small, safe evaluator for the arithmetic subset of Tengo that Vale `metric` formulas use:
 * numbers, variables, `+ - * / %`, parentheses, comparisons, `&& || !`, `? :`, and `math.*`
 * functions. Integer/integer division truncates like Tengo. Nothing is `eval`ed.
 */

export class ExprError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ExprError";
  }
}

type Val = { n: number; int: boolean } | boolean;

type Ast =
  | { k: "num"; v: number; int: boolean }
  | { k: "var"; name: string }
  | { k: "call"; fn: string; args: Ast[] }
  | { k: "un"; op: string; a: Ast }
  | { k: "bin"; op: string; a: Ast; b: Ast }
  | { k: "cond"; c: Ast; a: Ast; b: Ast };

const MATH: Record<string, (...xs: number[]) => number> = {
  sqrt: Math.sqrt,
  cbrt: Math.cbrt,
  pow: Math.pow,
  abs: Math.abs,
  ceil: Math.ceil,
  floor: Math.floor,
  round: Math.round,
  trunc: Math.trunc,
  log: Math.log,
  log10: Math.log10,
  log2: Math.log2,
  log1p: Math.log1p,
  exp: Math.exp,
  min: Math.min,
  max: Math.max,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
};
const MATH_CONST: Record<string, number> = {
  pi: Math.PI,
  e: Math.E,
  sqrt2: Math.SQRT2,
  ln2: Math.LN2,
  ln10: Math.LN10,
};

const TOKEN =
  /\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)|([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)|(>=|<=|==|!=|&&|\|\||[-+*/%()<>!?:,]))/y;

function tokenize(src: string): string[] {
  const out: string[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (!m) throw new ExprError(`unexpected character '${src.slice(pos).trim()[0]}' in '${src}'`);
    out.push(m[1] ?? m[2] ?? m[3]!);
    pos = TOKEN.lastIndex;
  }
  return out;
}

const BINARY: Record<string, number> = {
  "||": 1,
  "&&": 2,
  "==": 3,
  "!=": 3,
  "<": 4,
  "<=": 4,
  ">": 4,
  ">=": 4,
  "+": 5,
  "-": 5,
  "*": 6,
  "/": 6,
  "%": 6,
};

class ExprParser {
  private i = 0;
  constructor(private readonly toks: string[]) {}

  parse(): Ast {
    if (this.toks.length === 0) throw new ExprError("empty expression");
    const e = this.ternary();
    if (this.i < this.toks.length) throw new ExprError(`unexpected '${this.toks[this.i]}'`);
    return e;
  }

  private peek(): string | undefined {
    return this.toks[this.i];
  }

  private ternary(): Ast {
    const c = this.binary(1);
    if (this.peek() === "?") {
      this.i++;
      const a = this.ternary();
      if (this.toks[this.i++] !== ":") throw new ExprError("expected ':' in conditional expression");
      const b = this.ternary();
      return { k: "cond", c, a, b };
    }
    return c;
  }

  private binary(minPrec: number): Ast {
    let left = this.unary();
    for (;;) {
      const op = this.peek();
      const prec = op === undefined ? undefined : BINARY[op];
      if (prec === undefined || prec < minPrec) return left;
      this.i++;
      const right = this.binary(prec + 1);
      left = { k: "bin", op: op!, a: left, b: right };
    }
  }

  private unary(): Ast {
    const t = this.peek();
    if (t === "-" || t === "+" || t === "!") {
      this.i++;
      return { k: "un", op: t, a: this.unary() };
    }
    return this.primary();
  }

  private primary(): Ast {
    const t = this.toks[this.i++];
    if (t === undefined) throw new ExprError("unexpected end of expression");
    if (t === "(") {
      const e = this.ternary();
      if (this.toks[this.i++] !== ")") throw new ExprError("missing ')'");
      return e;
    }
    if (/^[\d.]/.test(t)) return { k: "num", v: Number(t), int: /^\d+$/.test(t) };
    if (/^[A-Za-z_]/.test(t)) {
      if (this.peek() === "(") {
        this.i++;
        const args: Ast[] = [];
        if (this.peek() !== ")") {
          for (;;) {
            args.push(this.ternary());
            if (this.peek() === ",") {
              this.i++;
              continue;
            }
            break;
          }
        }
        if (this.toks[this.i++] !== ")") throw new ExprError(`missing ')' after arguments of ${t}`);
        if (!t.startsWith("math.") || !MATH[t.slice(5)]) throw new ExprError(`unknown function '${t}'`);
        return { k: "call", fn: t.slice(5), args };
      }
      return { k: "var", name: t };
    }
    throw new ExprError(`unexpected '${t}'`);
  }
}

export function parseExpr(src: string): Ast {
  return new ExprParser(tokenize(src)).parse();
}

/** Variable names an expression refers to (excluding `math.*` constants). */
export function exprVariables(ast: Ast, out = new Set<string>()): Set<string> {
  switch (ast.k) {
    case "var":
      if (!ast.name.startsWith("math.")) out.add(ast.name);
      break;
    case "call":
      ast.args.forEach((a) => exprVariables(a, out));
      break;
    case "un":
      exprVariables(ast.a, out);
      break;
    case "bin":
      exprVariables(ast.a, out);
      exprVariables(ast.b, out);
      break;
    case "cond":
      exprVariables(ast.c, out);
      exprVariables(ast.a, out);
      exprVariables(ast.b, out);
      break;
    case "num":
      break;
  }
  return out;
}

function num(v: Val): { n: number; int: boolean } {
  if (typeof v === "boolean") throw new ExprError("expected a number, got a boolean");
  return v;
}

function truthy(v: Val): boolean {
  if (typeof v === "boolean") return v;
  return v.n !== 0;
}

export function evalExpr(ast: Ast, vars: Record<string, number>): number | boolean {
  const r = evalNode(ast, vars);
  return typeof r === "boolean" ? r : r.n;
}

function evalNode(ast: Ast, vars: Record<string, number>): Val {
  switch (ast.k) {
    case "num":
      return { n: ast.v, int: ast.int };
    case "var": {
      if (ast.name.startsWith("math.")) {
        const c = MATH_CONST[ast.name.slice(5)];
        if (c === undefined) throw new ExprError(`unknown constant '${ast.name}'`);
        return { n: c, int: false };
      }
      const v = vars[ast.name];
      if (v === undefined) throw new ExprError(`unresolved reference '${ast.name}'`);
      return { n: v, int: false };
    }
    case "call":
      return { n: MATH[ast.fn]!(...ast.args.map((a) => num(evalNode(a, vars)).n)), int: false };
    case "un": {
      const a = evalNode(ast.a, vars);
      if (ast.op === "!") return !truthy(a);
      const x = num(a);
      return { n: ast.op === "-" ? -x.n : x.n, int: x.int };
    }
    case "cond":
      return truthy(evalNode(ast.c, vars)) ? evalNode(ast.a, vars) : evalNode(ast.b, vars);
    case "bin": {
      if (ast.op === "&&") return truthy(evalNode(ast.a, vars)) && truthy(evalNode(ast.b, vars));
      if (ast.op === "||") return truthy(evalNode(ast.a, vars)) || truthy(evalNode(ast.b, vars));
      const a = num(evalNode(ast.a, vars));
      const b = num(evalNode(ast.b, vars));
      const int = a.int && b.int;
      switch (ast.op) {
        case "+":
          return { n: a.n + b.n, int };
        case "-":
          return { n: a.n - b.n, int };
        case "*":
          return { n: a.n * b.n, int };
        case "/":
          if (int) {
            if (b.n === 0) throw new ExprError("division by zero");
            return { n: Math.trunc(a.n / b.n), int };
          }
          return { n: a.n / b.n, int };
        case "%":
          if (int && b.n === 0) throw new ExprError("division by zero");
          return { n: a.n % b.n, int };
        case "<":
          return a.n < b.n;
        case "<=":
          return a.n <= b.n;
        case ">":
          return a.n > b.n;
        case ">=":
          return a.n >= b.n;
        case "==":
          return a.n === b.n;
        case "!=":
          return a.n !== b.n;
      }
      throw new ExprError(`unknown operator '${ast.op}'`);
    }
  }
}

export type { Ast as ExprAst };
