/**
 * L2-regularised logistic regression fitted by Newton's method (IRLS), in plain float64.
 *
 * Used twice: the fusion layer (model logit + 33 heuristic features, a few thousand rows) and
 * Platt scaling (one feature). Newton converges in ~10 exact steps at this size, needs no learning
 * rate and is deterministic, which a retried training run needs.
 */

export interface LogisticModel {
  coef: number[];
  intercept: number;
}

export interface LogisticOptions {
  /** L2 penalty on coefficients (not the intercept), in units of summed log-loss. */
  l2: number;
  maxIter?: number;
  /** Per-row weights (default 1). */
  weights?: readonly number[];
}

const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export function logisticLinear(m: LogisticModel, x: ArrayLike<number>): number {
  let z = m.intercept;
  for (let j = 0; j < m.coef.length; j++) z += m.coef[j]! * x[j]!;
  return z;
}

/** Solves A x = b for symmetric positive-definite A (Cholesky); A is k×k row-major. */
function solveSpd(a: Float64Array, b: Float64Array, k: number): Float64Array {
  const l = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * k + j]!;
      for (let p = 0; p < j; p++) s -= l[i * k + p]! * l[j * k + p]!;
      l[i * k + j] = i === j ? Math.sqrt(Math.max(s, 1e-12)) : s / l[j * k + j]!;
    }
  }
  const y = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s = b[i]!;
    for (let p = 0; p < i; p++) s -= l[i * k + p]! * y[p]!;
    y[i] = s / l[i * k + i]!;
  }
  const x = new Float64Array(k);
  for (let i = k - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let p = i + 1; p < k; p++) s -= l[p * k + i]! * x[p]!;
    x[i] = s / l[i * k + i]!;
  }
  return x;
}

/** Fits P(y=1|x) = sigmoid(intercept + coef·x). */
export function fitLogistic(xs: readonly ArrayLike<number>[], ys: readonly number[], opts: LogisticOptions): LogisticModel {
  const n = xs.length;
  const d = n > 0 ? xs[0]!.length : 0;
  const k = d + 1; // index d is the intercept
  const w = new Float64Array(k);
  const maxIter = opts.maxIter ?? 50;
  for (let iter = 0; iter < maxIter; iter++) {
    const grad = new Float64Array(k);
    const hess = new Float64Array(k * k);
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      let z = w[d]!;
      for (let j = 0; j < d; j++) z += w[j]! * x[j]!;
      const p = sigmoid(z);
      const rw = opts.weights?.[i] ?? 1;
      const g = rw * (p - ys[i]!);
      const h = rw * Math.max(p * (1 - p), 1e-10);
      for (let a = 0; a < k; a++) {
        const xa = a === d ? 1 : x[a]!;
        grad[a]! += g * xa;
        for (let b = 0; b <= a; b++) hess[a * k + b]! += h * xa * (b === d ? 1 : x[b]!);
      }
    }
    for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) hess[b * k + a] = hess[a * k + b]!;
    for (let j = 0; j < d; j++) {
      grad[j]! += opts.l2 * w[j]!;
      hess[j * k + j]! += opts.l2;
    }
    hess[d * k + d]! += 1e-9;
    const step = solveSpd(hess, grad, k);
    let change = 0;
    for (let a = 0; a < k; a++) {
      w[a]! -= step[a]!;
      change = Math.max(change, Math.abs(step[a]!));
    }
    if (change < 1e-9) break;
  }
  return { coef: Array.from(w.subarray(0, d)), intercept: w[d]! };
}
