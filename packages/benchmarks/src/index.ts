export type { BenchmarkProblem, KnownFrontProblem } from './benchmark-problem.js';
export type { C1Dtlz3Options, C2Dtlz2Options } from './cdtlz.js';
export { c1dtlz1, c1dtlz3, c2dtlz2, c3dtlz1, c3dtlz4 } from './cdtlz.js';
export type { Ctp1Options, CtpOptions } from './ctp.js';
export { ctp1, ctp2, ctp3, ctp4, ctp5, ctp6, ctp7, ctp8 } from './ctp.js';
export type { DascmopOptions } from './dascmop.js';
export {
  dascmop1,
  dascmop2,
  dascmop3,
  dascmop4,
  dascmop5,
  dascmop6,
  dascmop7,
  dascmop8,
  dascmop9,
} from './dascmop.js';
export type { DtlzOptions } from './dtlz.js';
export { dtlz1, dtlz2, dtlz3, dtlz4, dtlz5, dtlz6, dtlz7 } from './dtlz.js';
export { bnh, osy, srn, tnk, truss2d, weldedBeam } from './engineering/index.js';
export type { MwOptions, MwScalableOptions } from './mw.js';
export { mw1, mw2, mw3, mw4, mw5, mw6, mw7, mw8, mw9, mw10, mw11, mw12, mw13, mw14 } from './mw.js';
export type { ZdtOptions } from './zdt.js';
export { zdt1, zdt2, zdt3, zdt4, zdt6 } from './zdt.js';
