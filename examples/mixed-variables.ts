// Mixed variable types: real, integer, unordered choice and binary in one space, encoded as the
// numbers algorithms see and decoded back to typed values.
import { binary, choice, integer, latinHypercube, real, variableSpace } from '@paretokit/problem';

const space = variableSpace({
  intensity: real(0.01, 0.99),
  epochs: integer(1, 10),
  target: choice(['weights', 'biases', 'both']),
  quantize: binary(),
});

const X = latinHypercube(space, 6, { seed: 42 });
for (let i = 0; i < X.rows; i++) {
  const values = space.decodeRow(X, i);
  console.log(JSON.stringify(values), '->', Array.from(space.encode(values)).join(', '));
}
console.log('lower bounds', Array.from(space.lower), 'upper bounds', Array.from(space.upper));
