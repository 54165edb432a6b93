import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from './errors/invalid-argument-error.js';
import { ParetokitError } from './errors/paretokit-error.js';
import { variableSpace } from './variable-space.js';
import { binary, choice, integer, real } from './variables.js';

describe('variables and variable spaces', () => {
  const space = variableSpace({
    rate: real(0, 1),
    layers: integer(1, 6),
    target: choice(['weights', 'biases', 'both']),
    quantize: binary(),
  });

  it('knows names, bounds and which columns are discrete', () => {
    expect(space.names).toEqual(['rate', 'layers', 'target', 'quantize']);
    expect(Array.from(space.lower)).toEqual([0, 1, 0, 0]);
    expect(Array.from(space.upper)).toEqual([1, 6, 2, 1]);
    expect(Array.from(space.discrete)).toEqual([0, 1, 1, 1]);
  });

  it('decodes rows to typed values and encodes them back', () => {
    const values = space.decode([0.25, 3, 2, 1]);
    expect(values).toEqual({ rate: 0.25, layers: 3, target: 'both', quantize: true });
    // Typed: these assignments compile only if decode keeps the types.
    const target: 'weights' | 'biases' | 'both' = values.target;
    const quantize: boolean = values.quantize;
    expect([target, quantize]).toEqual(['both', true]);
    expect(Array.from(space.encode(values))).toEqual([0.25, 3, 2, 1]);
  });

  it('round-trips any valid row', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 1 }),
        (a, b, c, d) => {
          const row = [a, b, c, d];
          expect(space.checkValue(0, a)).toBeUndefined();
          expect(Array.from(space.encode(space.decode(row)))).toEqual(row);
        },
      ),
    );
  });

  it('explains invalid values', () => {
    expect(space.checkValue(0, 1.5)).toBe('value 1.5 of rate is outside [0, 1]');
    expect(space.checkValue(1, 2.5)).toBe('value 2.5 of integer variable layers is not an integer');
    expect(space.checkValue(2, Number.NaN)).toBe('value of target is NaN');
    expect(() => space.encode({ rate: 0.5, layers: 2, target: 'all', quantize: true } as never)).toThrow(
      'value of target: expected one of "weights", "biases", "both", got "all".',
    );
    expect(() => space.encode({ rate: 2, layers: 2, target: 'both', quantize: true })).toThrow(
      InvalidArgumentError,
    );
    expect(() => space.encode({ extra: 1 } as never)).toThrow('expected only the variables');
  });

  it('names positional variables x1, x2, ... and rejects duplicates', () => {
    expect(variableSpace([real(0, 1), binary()]).names).toEqual(['x1', 'x2']);
    expect(variableSpace([real(0, 1, { name: 'a' }), binary()]).names).toEqual(['a', 'x2']);
    expect(() => variableSpace([real(0, 1, { name: 'a' }), binary({ name: 'a' })])).toThrow(
      'The name "a" is used twice.',
    );
    expect(() => variableSpace([])).toThrow(InvalidArgumentError);
    expect(() => variableSpace([{ kind: 'complex' } as never])).toThrow(InvalidArgumentError);
  });

  it('validates the factories', () => {
    expect(() => real(1, 0)).toThrow(
      'real(lower, upper): upper: expected a number greater than lower = 1, got 0.',
    );
    expect(() => real(0, Number.POSITIVE_INFINITY)).toThrow(InvalidArgumentError);
    expect(() => integer(0, 2.5)).toThrow(InvalidArgumentError);
    expect(() => integer(3, 3)).toThrow(InvalidArgumentError);
    expect(() => choice(['a'])).toThrow(InvalidArgumentError);
    expect(() => choice(['a', 'a'])).toThrow('Each category must appear once.');
    expect(() => binary({ name: '' })).toThrow(InvalidArgumentError);
    try {
      real(Number.NaN, 1);
    } catch (error) {
      expect(ParetokitError.isInstance(error)).toBe(true);
      expect((error as Error).name).toBe('InvalidArgumentError');
    }
  });
});
