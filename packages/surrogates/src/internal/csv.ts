import type { Matrix } from '@paretokit/problem';

/**
 * How XGBoost's CSV reader (dmlc-core `ParseFloat<float>`) reads a plain decimal `int.frac`:
 * the integer digits accumulate in float32, then float32(frac digits / 10^k) is added in float32.
 */
function dmlcFloat(intPart: number, fracDigits: number, k: number): number {
  return Math.fround(intPart + Math.fround(fracDigits / 10 ** k));
}

/**
 * Decimal text that XGBoost's CSV reader turns into exactly float32(v): that reader is not
 * correctly rounded, so the shortest round-trip text is not enough. Searches the fraction digits
 * (1 to 15 of them) for a value that reads back exactly; integers up to 2^24 are written as is.
 */
export function float32Text(v: number): string {
  const f = Math.fround(v);
  const a = Math.abs(f);
  const sign = f < 0 ? '-' : '';
  const int = Math.trunc(a);
  if (int === a && a <= 16777216) return `${sign}${a}`;
  if (a < 16777216) {
    const frac = a - int;
    for (let k = 1; k <= 15; k++) {
      const scaled = Math.round(frac * 10 ** k);
      for (const digits of [scaled, scaled - 1, scaled + 1]) {
        if (digits < 0 || digits >= 10 ** k) continue;
        if (dmlcFloat(int, digits, k) === a) return `${sign}${int}.${String(digits).padStart(k, '0')}`;
      }
    }
  }
  return String(f); // beyond float32 integers: XGBoost may read it one unit in the last place off
}

/**
 * CSV text with the label (or 0 when `y` is undefined) in column 0, then the columns of X.
 * `format` writes one number. O(rows·cols).
 */
export function csvText(X: Matrix, y: Float64Array | undefined, format: (v: number) => string): string {
  const lines: string[] = new Array(X.rows);
  const row: string[] = new Array(X.cols + 1);
  for (let i = 0; i < X.rows; i++) {
    row[0] = y === undefined ? '0' : format(y[i]!);
    for (let j = 0; j < X.cols; j++) row[j + 1] = format(X.data[i * X.cols + j]!);
    lines[i] = row.join(',');
  }
  return `${lines.join('\n')}\n`;
}

/** Reads one number per line. O(size). */
export function parseLines(text: string): Float64Array {
  const lines = text.trim().split('\n');
  return Float64Array.from(lines, Number);
}
