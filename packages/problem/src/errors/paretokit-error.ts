const marker = Symbol.for('paretokit.error');

/**
 * Base class of every error ParetoKit throws on purpose.
 *
 * Carries a stable `name` and a global-symbol brand so that {@link ParetokitError.isInstance}
 * recognises errors from another copy of the package (duplicate installs break `instanceof`).
 *
 * @example
 * ParetokitError.isInstance(new InvalidArgumentError({ argument: 'n', expected: 'a number', actual: 'x' })) // => true
 */
export class ParetokitError extends Error {
  readonly [marker] = true;

  constructor(name: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = name;
  }

  /** True for any ParetoKit error, whichever copy of the package created it. */
  static isInstance(error: unknown): error is ParetokitError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[marker] === true;
  }
}

/**
 * A short, readable rendering of a value a user passed, for "expected ..., got ..." messages.
 *
 * @example
 * describeValue([1, 2, 3]) // => 'an array of length 3'
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  if (typeof (value as { then?: unknown }).then === 'function') return 'a Promise';
  return `an object with keys {${Object.keys(value as object)
    .slice(0, 6)
    .join(', ')}}`;
}
