import { describe, expect, it } from 'vitest';
import { frontCsv } from './write-front-csv.js';

describe('frontCsv', () => {
  it('quotes fields with CR, LF, quotes and commas (RFC 4180)', () => {
    const csv = frontCsv(
      {
        method: 'nsga2-20x5',
        seed: 3,
        front: [
          {
            x: [0.5],
            settings: { label: 'a,b "quoted"\r\nnext\rline\nend', note: 'cr\ronly', on: true },
            objectives: [0.25, 1e-7],
            constraints: [],
          },
        ],
      },
      ['f1', 'f2'],
    );
    expect(csv).toBe(
      'method,seed,label,note,on,f1,f2\n' +
        'nsga2-20x5,3,"a,b ""quoted""\r\nnext\rline\nend","cr\ronly",true,0.25,1e-7',
    );
  });

  it('writes the header alone for an empty front', () => {
    expect(frontCsv({ method: 'random', seed: 1, front: [] })).toBe('method,seed');
  });
});
