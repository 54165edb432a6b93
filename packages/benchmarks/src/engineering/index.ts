// The classic small constrained engineering and test problems of pymoo (`get_problem(name)`).
export { bnh } from './bnh.js';
export { osy } from './osy.js';
export { srn } from './srn.js';
export { tnk } from './tnk.js';
export { truss2d } from './truss2d.js';
export { weldedBeam } from './welded-beam.js';
