// The distribution indices of SBX and polynomial mutation are usually integers (15, 20, 30), and
// Math.pow costs several times a multiplication, so the operators raise to eta + 1 by squaring
// and take (eta + 1)-th roots by square roots when they can (same values to a few ulps).

/** x ** n, by squaring when n is a small non-negative integer. */
export function power(x: number, n: number): number {
  if (n >= 0 && n <= 1024 && (n | 0) === n) {
    let r = 1;
    let b = x;
    for (let e = n; e > 0; e >>= 1) {
      if (e & 1) r *= b;
      b *= b;
    }
    return r;
  }
  return x ** n;
}

/** y ** (1 / n) for y >= 0, by repeated square roots when n is a power of two. */
export function root(y: number, n: number): number {
  if (n === 16) return Math.sqrt(Math.sqrt(Math.sqrt(Math.sqrt(y))));
  if (n === 2) return Math.sqrt(y);
  if (n === 32) return Math.sqrt(Math.sqrt(Math.sqrt(Math.sqrt(Math.sqrt(y)))));
  if (n === 1) return y;
  return y === 0 ? 0 : Math.exp(Math.log(y) / n);
}
