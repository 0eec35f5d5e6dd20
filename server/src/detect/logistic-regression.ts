// L2-regularised logistic regression fitted by Newton's method (iteratively reweighted least
// squares). Small and exact for the few dozen features account risk uses: each iteration costs
// O(n·d²) for n rows and d features, and converges in about ten iterations.
// The intercept is not penalised. Inputs are validated at the door.

export interface LogisticModel {
  /** One weight per feature, then the intercept last. */
  weights: number[];
}

export interface FitOptions {
  /** L2 penalty on the feature weights (default 1). */
  l2?: number;
  maxIterations?: number;
  /** Per-row weights (default 1 each). */
  rowWeights?: ArrayLike<number>;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Solves A·x = b for a symmetric positive definite A (d×d, row-major) by Cholesky. */
function solveSpd(a: Float64Array, b: Float64Array, d: number): Float64Array {
  const l = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * d + j]!;
      for (let k = 0; k < j; k++) s -= l[i * d + k]! * l[j * d + k]!;
      if (i === j) l[i * d + i] = Math.sqrt(Math.max(s, 1e-12));
      else l[i * d + j] = s / l[j * d + j]!;
    }
  }
  const y = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * d + k]! * y[k]!;
    y[i] = s / l[i * d + i]!;
  }
  const x = new Float64Array(d);
  for (let i = d - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < d; k++) s -= l[k * d + i]! * x[k]!;
    x[i] = s / l[i * d + i]!;
  }
  return x;
}

export function fitLogistic(
  rows: ArrayLike<number>[],
  labels: ArrayLike<number>,
  opts: FitOptions = {},
): LogisticModel {
  const n = rows.length;
  if (n === 0) throw new Error('fitLogistic: no rows');
  if (labels.length !== n) throw new Error(`fitLogistic: ${n} rows but ${labels.length} labels`);
  const d = rows[0]!.length;
  for (const r of rows)
    if (r.length !== d) throw new Error(`fitLogistic: rows of different lengths (${d} and ${r.length})`);
  const l2 = opts.l2 ?? 1;
  const D = d + 1;
  const w = new Float64Array(D);
  const x = new Float64Array(D);
  for (let iter = 0; iter < (opts.maxIterations ?? 30); iter++) {
    const grad = new Float64Array(D);
    const hess = new Float64Array(D * D);
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      let z = w[d]!;
      for (let k = 0; k < d; k++) {
        x[k] = r[k]!;
        z += w[k]! * x[k]!;
      }
      x[d] = 1;
      const p = sigmoid(z);
      const rw = opts.rowWeights ? opts.rowWeights[i]! : 1;
      const e = (p - labels[i]!) * rw;
      const h = Math.max(p * (1 - p), 1e-9) * rw;
      for (let a = 0; a < D; a++) {
        grad[a]! += e * x[a]!;
        const hx = h * x[a]!;
        for (let b = 0; b <= a; b++) hess[a * D + b]! += hx * x[b]!;
      }
    }
    for (let a = 0; a < D; a++) for (let b = 0; b < a; b++) hess[b * D + a] = hess[a * D + b]!;
    for (let k = 0; k < d; k++) {
      grad[k]! += l2 * w[k]!;
      hess[k * D + k]! += l2;
    }
    hess[d * D + d]! += 1e-6;
    const step = solveSpd(hess, grad, D);
    let size = 0;
    for (let k = 0; k < D; k++) {
      w[k]! -= step[k]!;
      size = Math.max(size, Math.abs(step[k]!));
    }
    if (size < 1e-7) break;
  }
  return { weights: [...w] };
}

/** The model's linear score (log-odds) for one row. */
export function logOdds(model: LogisticModel, row: ArrayLike<number>): number {
  const d = model.weights.length - 1;
  let z = model.weights[d]!;
  for (let k = 0; k < d; k++) z += model.weights[k]! * row[k]!;
  return z;
}

export function predictProbability(model: LogisticModel, row: ArrayLike<number>): number {
  return sigmoid(logOdds(model, row));
}

export { sigmoid };
