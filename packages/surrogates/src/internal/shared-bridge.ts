import { type SurrogateBridge, surrogateBridge } from '../surrogate-bridge.js';

const shared = new Map<string, SurrogateBridge>();

/**
 * The process-wide bridge of a Python interpreter, for regressors given no `bridge` of their own:
 * one process, started on first use; it never keeps Node alive while idle and ends with Node.
 */
export function sharedBridge(python: string): SurrogateBridge {
  let bridge = shared.get(python);
  if (bridge === undefined) {
    bridge = surrogateBridge({ python });
    shared.set(python, bridge);
  }
  return bridge;
}
