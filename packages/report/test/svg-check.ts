// A tiny XML well-formedness check (balanced, properly nested tags, quoted attributes, known
// entities) and helpers that count the items of a named Vega mark in an SVG string.

const tagPattern = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/y;

/** Throws with a location if `xml` is not well-formed; returns the number of elements. */
export function checkWellFormed(xml: string): number {
  const stack: string[] = [];
  let elements = 0;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    const badEntity = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(text);
    if (badEntity) throw new Error(`unescaped & at ${i + badEntity.index}`);
    if (text.includes('>')) throw new Error(`stray > at ${i + text.indexOf('>')}`);
    if (lt < 0) break;
    tagPattern.lastIndex = lt;
    const m = tagPattern.exec(xml);
    if (!m) throw new Error(`malformed tag at ${lt}: ${xml.slice(lt, lt + 60)}`);
    const [, closing, name, , selfClosing] = m;
    if (closing) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> at ${lt} closes <${open}>`);
    } else {
      elements++;
      if (!selfClosing) stack.push(name!);
    }
    i = lt + m[0].length;
  }
  if (stack.length > 0) throw new Error(`unclosed <${stack.join('>, <')}>`);
  return elements;
}

/**
 * The number of items (direct child elements) of every Vega mark group whose class list has
 * `name` (e.g. `points_marks`), summed over all such groups.
 */
export function markItems(svg: string, name: string): number {
  let count = 0;
  const groups = new RegExp(`<g class="mark-[\\w-]+ role-mark ${name}"[^>]*>`, 'g');
  for (const g of svg.matchAll(groups)) {
    if (g[0].endsWith('/>')) continue; // an empty mark is a self-closed group
    let depth = 0;
    const tags = /<(\/?)([A-Za-z][\w:.-]*)[^>]*?(\/?)>/g;
    tags.lastIndex = g.index + g[0].length;
    for (let m = tags.exec(svg); m !== null; m = tags.exec(svg)) {
      if (m[1]) {
        if (depth === 0) break;
        depth--;
      } else {
        if (depth === 0) count++;
        if (!m[3]) depth++;
      }
    }
  }
  return count;
}
