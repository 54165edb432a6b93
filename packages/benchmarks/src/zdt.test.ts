import { InvalidArgumentError } from '@paretokit/problem';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateRows, frontResidual } from '../test/support.js';
import { zdt1, zdt2, zdt3, zdt4, zdt6 } from './zdt.js';

const zeros = (n: number) => new Array<number>(n).fill(0);
const ones = (n: number) => new Array<number>(n).fill(1);
const F = (p: ReturnType<typeof zdt1>, x: number[]) => evaluateRows(p, [x]).F[0]!;

describe('ZDT by hand', () => {
  it('ZDT1: x = 0 gives (0, 1), x1 = 1 with the rest 0 gives (1, 0), x = 1 gives (1, 10 - √10)', () => {
    expect(F(zdt1(), zeros(30))).toEqual([0, 1]);
    expect(F(zdt1(), [1, ...zeros(29)])).toEqual([1, 0]);
    const [f1, f2] = F(zdt1(), ones(30));
    expect(f1).toBe(1);
    expect(f2).toBeCloseTo(10 - Math.sqrt(10), 14);
  });

  it('ZDT2: x = 1 gives (1, 9.9); x1 = 0.5 with the rest 0 gives (0.5, 0.75)', () => {
    expect(F(zdt2(), ones(30))[1]).toBeCloseTo(9.9, 14);
    expect(F(zdt2(), [0.5, ...zeros(29)])).toEqual([0.5, 0.75]);
  });

  it('ZDT3: x1 = 0.5 with the rest 0 gives 1 - √0.5 - 0.5 sin(5π)', () => {
    expect(F(zdt3(), [0.5, ...zeros(29)])[1]).toBeCloseTo(1 - Math.SQRT1_2, 14);
  });

  it('ZDT4: g = 1 at x2..xn = 0, and x2..x10 live in [-5, 5]', () => {
    expect(F(zdt4(), zeros(10))).toEqual([0, 1]);
    expect(F(zdt4(), [0.25, ...zeros(9)])).toEqual([0.25, 0.5]);
    const p = zdt4();
    expect(p.variables.map((v) => (v.kind === 'real' ? [v.lower, v.upper] : []))).toEqual([
      [0, 1],
      ...new Array(9).fill([-5, 5]),
    ]);
    // One 1 elsewhere: g = 1 + 1 - 10 cos(4π) + 10 = 2.
    expect(F(p, [0, 1, ...zeros(8)])).toEqual([0, 2]);
  });

  it('ZDT6: x = 0 gives (1, 0); the smallest f1 is at tan(6π x1) = 9π', () => {
    expect(F(zdt6(), zeros(10))).toEqual([1, 0]);
    const x1 = Math.atan(9 * Math.PI) / (6 * Math.PI);
    const f1 = F(zdt6(), [x1, ...zeros(9)])[0]!;
    expect(f1).toBeCloseTo(0.2807753188153698, 15);
    for (const dx of [-1e-4, 1e-4]) expect(F(zdt6(), [x1 + dx, ...zeros(9)])[0]!).toBeGreaterThan(f1);
    expect(zdt6().idealPoint).toEqual([f1, 0]);
    expect(zdt6().nadirPoint).toEqual([1, 1 - f1 * f1]);
  });
});

describe('ZDT properties', () => {
  const all = { zdt1, zdt2, zdt3, zdt4, zdt6 };
  const position = (name: string) =>
    name === 'zdt6'
      ? fc.double({ min: 0, max: Math.atan(9 * Math.PI) / (6 * Math.PI), noNaN: true })
      : fc.double({ min: 0, max: 1, noNaN: true });

  it.each(Object.keys(all))('%s: Pareto-optimal x (x2..xn = 0) lands on the closed form', (name) => {
    const p = all[name as keyof typeof all]();
    const n = p.variables.length;
    fc.assert(
      fc.property(position(name), (x1) => {
        const f = F(p, [x1, ...zeros(n - 1)]);
        expect(Math.abs(frontResidual(name, f))).toBeLessThan(1e-12);
      }),
    );
  });

  it.each(Object.keys(all))('%s: no x reaches below the front curve', (name) => {
    const p = all[name as keyof typeof all]({ nVar: 6 });
    const bounds = p.variables.map((v) => (v.kind === 'real' ? [v.lower, v.upper] : [0, 0]));
    fc.assert(
      fc.property(
        fc.tuple(...bounds.map(([lo, hi]) => fc.double({ min: lo!, max: hi!, noNaN: true }))),
        (x) => {
          expect(frontResidual(name, F(p, x))).toBeGreaterThanOrEqual(-1e-12);
        },
      ),
    );
  });
});

describe('ZDT options', () => {
  it('default to 30 variables for ZDT1-3 and 10 for ZDT4 and ZDT6, two objectives, no constraints', () => {
    expect([zdt1, zdt2, zdt3, zdt4, zdt6].map((f) => f().variables.length)).toEqual([30, 30, 30, 10, 10]);
    const p = zdt1({ nVar: 2 });
    expect(p.name).toBe('zdt1');
    expect(p.objectives).toEqual([
      { name: 'f1', sense: 'min' },
      { name: 'f2', sense: 'min' },
    ]);
    expect(p.constraints).toEqual([]);
    expect(p.evaluate({ rows: 1, cols: 2, data: Float64Array.of(0, 0) }, { seed: 0 }).G).toBeUndefined();
  });

  it('reject bad nVar and unknown keys with expected vs actual', () => {
    expect(() => zdt1({ nVar: 1 })).toThrow(InvalidArgumentError);
    expect(() => zdt1({ nVar: 1 })).toThrow('zdt1: nVar: expected an integer >= 2, got 1.');
    expect(() => zdt3({ nVar: 2.5 })).toThrow('zdt3: nVar: expected an integer >= 2, got 2.5.');
    expect(() => zdt6({ nVar: Number.NaN })).toThrow('got NaN');
    expect(() => zdt4(null as never)).toThrow('zdt4(options): expected an object');
    expect(() => zdt2({ nObj: 3 } as never)).toThrow(
      'zdt2(options): expected only the keys nVar, got "nObj". ZDT problems have two objectives; dtlz1 ... dtlz7 take nObj.',
    );
  });
});
