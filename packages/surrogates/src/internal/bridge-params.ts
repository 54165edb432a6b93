import { InvalidArgumentError } from '@paretokit/problem';
import { checkNumber } from './check-data.js';

const SAFE = /^[A-Za-z0-9_.:+-]+$/;

/**
 * Merges typed options (undefined ones dropped) with raw `params` into `key=value` strings,
 * rejecting text that could change the meaning of a config line or argument.
 */
export function bridgeParams(
  factory: string,
  typed: Readonly<Record<string, string | number | boolean | undefined>>,
  raw: Readonly<Record<string, string | number | boolean>> = {},
): Map<string, string> {
  const out = new Map<string, string>();
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
    out.set(key, text);
  }
  return out;
}

/** Checks the common bridge options; returns the timeout. */
export function checkBridgeOptions(
  factory: string,
  options: { readonly timeoutMs?: number; readonly signal?: AbortSignal },
): number | undefined {
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
