import type { StudyStatistics } from '../report-input.js';
import { escapeHtml, formatNumber, formatPValue } from './format.js';

/**
 * The Friedman summary (statistic, p, Iman-Davenport when present), the mean ranks and the Dunn
 * pairs table with the significant pairs highlighted. `blocks` names what a block is.
 */
export function statisticsHtml(statistics: StudyStatistics, blocks: string): string {
  const { friedman, dunn, methods } = statistics;
  const name = (k: number) => escapeHtml(methods[k] ?? `#${k}`);
  const verdict = (p: number) =>
    Number.isFinite(p)
      ? p < dunn.alpha
        ? ` (&lt; α = ${formatNumber(dunn.alpha)})`
        : ` (≥ α = ${formatNumber(dunn.alpha)})`
      : '';
  const id = friedman.imanDavenport;
  const lines = [
    `<p class="stat-line"><strong>Friedman test</strong> over ${formatNumber(friedman.blocks)} blocks (${escapeHtml(blocks)}) and ${formatNumber(friedman.treatments)} methods: χ²<sub>F</sub> = ${formatNumber(friedman.statistic)}, p = ${formatPValue(friedman.pValue)}${verdict(friedman.pValue)}.</p>`,
  ];
  if (id !== undefined) {
    lines.push(
      `<p class="stat-line"><strong>Iman–Davenport</strong>: F(${formatNumber(id.df1)}, ${formatNumber(id.df2)}) = ${formatNumber(id.statistic)}, p = ${formatPValue(id.pValue)}${verdict(id.pValue)}.</p>`,
    );
  }
  // Dunn ranks all observations together, so its mean ranks differ from Friedman's within-block
  // ranks unless the caller passed the same ones; the second column only appears when they differ.
  const both = methods.some((_, k) => friedman.meanRanks[k] !== dunn.meanRanks[k]);
  const ranks = methods
    .map(
      (_, k) =>
        `<tr><td>${name(k)}</td><td class="num">${formatNumber(friedman.meanRanks[k]!)}</td>${both ? `<td class="num">${formatNumber(dunn.meanRanks[k]!)}</td>` : ''}</tr>`,
    )
    .join('');
  lines.push('<div class="row">');
  lines.push(
    `<table class="ranks"><caption>Mean ranks</caption><thead><tr><th>method</th><th class="num">${both ? 'Friedman' : 'mean rank'}</th>${both ? '<th class="num">Dunn</th>' : ''}</tr></thead><tbody>${ranks}</tbody></table>`,
  );
  const pairs = dunn.pairs
    .map((pair) => {
      const cls = pair.significant ? ' class="significant"' : '';
      return `<tr${cls}><td>${name(pair.i)} vs ${name(pair.j)}</td><td class="num">${Number.isFinite(pair.z) ? pair.z.toFixed(2) : 'n/a'}</td><td class="num">${formatPValue(pair.pValue)}</td><td class="num">${formatPValue(pair.adjustedPValue)}</td><td class="verdict">${pair.significant ? 'yes' : 'no'}</td></tr>`;
    })
    .join('');
  lines.push(
    `<table class="dunn"><caption>Dunn post-hoc test, ${dunn.adjust === 'none' ? 'no p-value adjustment' : `${escapeHtml(dunn.adjust)} adjustment`}, α = ${formatNumber(dunn.alpha)}; significant pairs highlighted</caption><thead><tr><th>pair</th><th class="num">z</th><th class="num">p</th><th class="num">adjusted p</th><th>significant</th></tr></thead><tbody>${pairs || '<tr><td colspan="5" class="muted">no pairs</td></tr>'}</tbody></table>`,
  );
  lines.push('</div>');
  return lines.join('\n');
}
