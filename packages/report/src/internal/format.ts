/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A number for a table cell: integers as they are, others to 4 significant digits. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? 'n/a' : value > 0 ? '∞' : '−∞';
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const abs = Math.abs(value);
  const text =
    abs >= 1e6 || abs < 1e-3 ? value.toExponential(3) : abs >= 1000 ? value.toFixed(1) : value.toPrecision(4);
  return stripZeros(text);
}

/** A p-value: 3 significant digits, scientific notation below 1e-4. */
export function formatPValue(p: number): string {
  if (!Number.isFinite(p)) return 'n/a';
  if (p === 0) return '0';
  return stripZeros(p < 1e-4 ? p.toExponential(2) : p.toPrecision(3));
}

function stripZeros(text: string): string {
  const [mantissa, exponent] = text.split('e');
  const trimmed = mantissa!.includes('.') ? mantissa!.replace(/\.?0+$/, '') : mantissa!;
  return exponent === undefined ? trimmed : `${trimmed}e${exponent}`;
}

/** A setting or metric value for a table cell. */
export function formatValue(value: string | number | boolean | undefined): string {
  if (value === undefined) return '–';
  return typeof value === 'number' ? formatNumber(value) : String(value);
}
