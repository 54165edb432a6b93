import type { MixedEncoder } from './mixed-encoder.js';
import type { Regressor } from './regressor.js';

/**
 * A regressor that encodes its inputs with `encoder` before handing them to `inner`. O(1).
 *
 * @example
 * const encoder = mixedEncoder([choice(['a', 'b'])]);
 * const model = encodedRegressor(encoder, knnRegressor({ k: 1 }));
 * model.fit(toMatrix([[0], [1]]), Float64Array.of(3, 4));
 * model.predict(toMatrix([[1]])) // => Float64Array [4]
 */
export function encodedRegressor(encoder: MixedEncoder, inner: Regressor): Regressor {
  return {
    fit: (X, y) => inner.fit(encoder.encode(X), y),
    predict: (X) => inner.predict(encoder.encode(X)),
    ...(inner.minTrainingRows === undefined ? {} : { minTrainingRows: inner.minTrainingRows }),
  };
}
