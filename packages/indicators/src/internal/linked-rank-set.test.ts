import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LinkedRankSet } from './linked-rank-set.js';

describe('LinkedRankSet', () => {
  it('keeps its members in rank order through insertions and deletions, like a sorted array', () => {
    const op = fc.record({ insert: fc.boolean(), r: fc.integer({ min: 0, max: 99 }) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const set = new LinkedRankSet(100);
        const model: number[] = [];
        for (const { insert, r } of ops) {
          const at = model.indexOf(r);
          if (insert && at < 0) {
            set.insertAfter(set.below(r), r);
            model.push(r);
            model.sort((a, b) => a - b);
          } else if (!insert && at >= 0) {
            set.delete(r);
            model.splice(at, 1);
          }
          const walked: number[] = [];
          for (let s = set.after(-1); s >= 0; s = set.next(s)) walked.push(s);
          expect(walked).toEqual(model);
          for (let i = 0; i < model.length; i++) expect(set.prev(model[i]!)).toBe(i > 0 ? model[i - 1] : -1);
          const below = model.filter((m) => m < r);
          expect(set.below(r)).toBe(below.length > 0 ? below[below.length - 1] : -1);
        }
      }),
    );
  });
});
