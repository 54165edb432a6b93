import type { NodeProto } from '../onnx-types.js';

/** Ops whose output is not data but its shape: the data path stops there. */
const SHAPE_OPS = new Set(['Shape', 'Size']);

const nameOf = (node: NodeProto, index: number) => node.name || `${node.op_type}#${index}`;

/**
 * One line per node on the data path (fed, through anything but Shape / Size, by the graph's data
 * input) that the int8 rewrite leaves float: an op it has no rule for (its inputs are dequantized
 * and its output stays float, so it cuts the integer chain there), and each layer whose weight stays
 * float with the reason (`floatLayers`); not the nodes in `quiet` (left so on purpose). Graph order.
 * O(nodes + edges).
 */
export function floatNodeWarnings(
  nodes: readonly NodeProto[],
  dataInputs: readonly string[],
  supported: ReadonlySet<string>,
  floatLayers: ReadonlyMap<NodeProto, string>,
  quiet: ReadonlySet<NodeProto> = new Set(),
): string[] {
  const data = new Set(dataInputs);
  const warnings: string[] = [];
  nodes.forEach((node, index) => {
    const op = node.op_type ?? '';
    if (!(node.input ?? []).some((i) => data.has(i)) || SHAPE_OPS.has(op)) return;
    for (const o of node.output ?? []) data.add(o);
    const why = floatLayers.get(node);
    const domain = node.domain ?? '';
    if (quiet.has(node)) return;
    if (why !== undefined) {
      warnings.push(`${op} "${nameOf(node, index)}": weight left float (${why})`);
    } else if (!supported.has(op) || (domain !== '' && domain !== 'ai.onnx')) {
      const what = domain === '' ? op : `${domain}.${op}`;
      warnings.push(
        `${what} "${nameOf(node, index)}": left float (the int8 rewrite has no rule for ${what})`,
      );
    }
  });
  return warnings;
}
