import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// The scripts of the live report: the browser builds of Vega and vega-embed (which bundles
// vega-tooltip), read from node_modules once and inlined, so the page fetches nothing. Specs are
// compiled to Vega in Node, so the page needs no Vega-Lite compiler.

interface Library {
  readonly name: string;
  /** The package's entry point, resolved from here; its browser build sits beside it. */
  readonly entry: string;
  readonly file: string;
}

const libraries: readonly Library[] = [
  { name: 'vega', entry: 'vega', file: 'vega.min.js' },
  { name: 'vega-embed', entry: 'vega-embed', file: 'vega-embed.min.js' },
];

let cached: string | undefined;

/** `<script>` elements holding Vega and vega-embed, each headed by its name, version and license. */
export function libraryScripts(): string {
  if (cached !== undefined) return cached;
  const require = createRequire(import.meta.url);
  cached = libraries
    .map(({ name, entry, file }) => {
      // Both packages export their entry only, so their build directory is found through it.
      const build = dirname(require.resolve(entry));
      const pkg = JSON.parse(readFileSync(join(build, '..', 'package.json'), 'utf8')) as {
        version: string;
        license: string;
      };
      const code = readFileSync(join(build, file), 'utf8')
        .replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n')
        .replace(/<\/(script)/gi, '<\\/$1');
      return `<script>/*! ${name} ${pkg.version} (${pkg.license}), inlined by @paretokit/report */\n${code.trimEnd()}\n</script>`;
    })
    .join('\n');
  return cached;
}

/**
 * The page's own script, run once the libraries are loaded: every `figure.plot` holding a Vega
 * spec (`<script type="application/json" class="vega-spec">`) gets a live SVG view in place of its
 * static SVG (kept when embedding fails), with vega-tooltip tooltips. In a figure marked
 * `data-pick`, the view's click selection named `pick` on a point's `id` highlights the solutions-table row of the section whose `data-point` is
 * that id and says so in the figure's status line.
 */
export const bootScript = `<script>
(() => {
  for (const figure of document.querySelectorAll('figure.plot')) {
    const source = figure.querySelector('script.vega-spec');
    if (!source) continue;
    const chart = figure.querySelector('.chart');
    const status = figure.querySelector('.pick-status');
    const section = figure.closest('section');
    const live = document.createElement('div');
    vegaEmbed(live, JSON.parse(source.textContent), {
      mode: 'vega', renderer: 'svg', actions: false, logLevel: vega.Error, tooltip: { theme: 'light' },
    }).then(({ view }) => {
      chart.replaceChildren(live);
      figure.dataset.live = 'true';
      if (!figure.hasAttribute('data-pick')) return;
      view.addSignalListener('pick', (_, value) => {
        const id = value && value.id ? String(value.id[0]) : '';
        let found = null;
        for (const row of section.querySelectorAll('tr[data-point]')) {
          const on = row.dataset.point === id;
          row.classList.toggle('picked', on);
          if (on) found = row;
        }
        if (status) status.textContent = id === '' ? ''
          : found ? 'Its row in the non-dominated solutions is highlighted.'
          : 'This point is not among the non-dominated solutions listed below.';
      });
    }).catch((error) => console.error('live view failed; the static plot stays', error));
  }
})();
</script>`;
