import { InvalidArgumentError } from '@paretokit/problem';
import type { BridgeOptions } from '../bridge-regressor.js';
import type { SurrogateBridge } from '../surrogate-bridge.js';
import { checkNumber } from './check-data.js';

const SAFE = /^[A-Za-z0-9_.:+-]+$/;
const NUMERIC = /^-?\d+(\.\d+)?(e-?\d+)?$/;

/**
 * Merges typed options (undefined ones dropped) with raw `params` into text values, rejecting
 * keys and values outside a safe alphabet.
 */
export function bridgeParams(
  factory: string,
  typed: Readonly<Record<string, string | number | boolean | undefined>>,
  raw: Readonly<Record<string, string | number | boolean>> = {},
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of [...Object.entries(typed), ...Object.entries(raw)]) {
    if (value === undefined) continue;
    const text = String(value);
    if (!SAFE.test(key) || !SAFE.test(text)) {
      throw new InvalidArgumentError({
        argument: `${factory}: params.${key}`,
        expected: 'a key and value made of letters, digits and _ . : + -',
        actual: value,
      });
    }
    // Numbers go to the library as numbers, everything else as the text given.
    out[key] = NUMERIC.test(text) ? Number(text) : text;
  }
  return out;
}

/** Checks the common bridge options; returns the timeout. */
export function checkBridgeOptions(factory: string, options: BridgeOptions): number | undefined {
  const bridge = options.bridge as Partial<SurrogateBridge> | undefined;
  if (bridge !== undefined && (typeof bridge?.train !== 'function' || typeof bridge.predict !== 'function')) {
    throw new InvalidArgumentError({
      argument: `${factory}: bridge`,
      expected: 'a SurrogateBridge (from surrogateBridge())',
      actual: bridge,
    });
  }
  if (options.python !== undefined && (typeof options.python !== 'string' || options.python === '')) {
    throw new InvalidArgumentError({
      argument: `${factory}: python`,
      expected: 'a program name or path',
      actual: options.python,
    });
  }
  if (options.timeoutMs !== undefined)
    checkNumber(options.timeoutMs, `${factory}: timeoutMs`, 0, 2 ** 31 - 1, true);
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    throw new InvalidArgumentError({
      argument: `${factory}: signal`,
      expected: 'an AbortSignal',
      actual: options.signal,
    });
  }
  return options.timeoutMs;
}
