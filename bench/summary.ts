// Figures, lines and sections of the peer suite, and their markdown form.

/** Median, min and max of the repetitions of one measured quantity. */
export interface Figure {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** Number of repetitions. */
  readonly n: number;
  readonly samples: readonly number[];
}

/** One comparison: ParetoKit's figure, the peer's figure from the same run, their ratio. */
export interface Line {
  readonly name: string;
  /** What is measured, with its unit, e.g. "wall ms", "MAPE", "hypervolume". */
  readonly metric: string;
  readonly paretokit: Figure;
  readonly peer?: { readonly name: string; readonly figure: Figure };
  /** Whether a lower or a higher value is better (decides the ratio's direction). */
  readonly better: 'lower' | 'higher';
  /**
   * ParetoKit's advantage: peer / ParetoKit when lower is better (time, error), ParetoKit / peer
   * when higher is better; above 1: ParetoKit is faster or better. Of the medians.
   */
  readonly ratio?: number;
  readonly note?: string;
  /** Significant digits of the figures (default 3). */
  readonly digits?: number;
  /** The same line's ratio in the run this section last came from (see {@link Section.beforeFrom}). */
  readonly before?: number;
}

export interface Section {
  readonly id: string;
  readonly title: string;
  /** Markdown shown before the table. */
  readonly about: string;
  readonly lines: Line[];
  /** Markdown shown after the table. */
  readonly after?: string;
  /** Versions of the peers and runtimes the section used. */
  readonly versions: Record<string, string>;
  readonly settings: Record<string, unknown>;
  readonly loadBefore: number;
  readonly loadAfter: number;
  readonly seconds: number;
  readonly error?: string;
  /** Set on a section kept from an earlier run by `--only`: that run's date, commit and command. */
  readonly from?: { readonly date: string; readonly commit: string; readonly command: string };
  /** The earlier run whose ratios are the lines' `before`: its date and commit. */
  readonly beforeFrom?: { readonly date: string; readonly commit: string };
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}

export function figure(samples: readonly number[], scale = 1): Figure {
  if (samples.length === 0) throw new Error('figure: no samples');
  const scaled = samples.map((v) => v * scale);
  return {
    median: median(scaled),
    min: Math.min(...scaled),
    max: Math.max(...scaled),
    n: scaled.length,
    samples: scaled,
  };
}

/** A line; the ratio follows from `better` (see {@link Line.ratio}). */
export function line(
  name: string,
  metric: string,
  paretokit: Figure,
  peer: { name: string; figure: Figure } | undefined,
  options: { better?: 'lower' | 'higher'; note?: string; digits?: number } = {},
): Line {
  const better = options.better ?? 'lower';
  const ratio =
    peer === undefined
      ? undefined
      : better === 'lower'
        ? peer.figure.median / paretokit.median
        : paretokit.median / peer.figure.median;
  return {
    name,
    metric,
    paretokit,
    ...(peer === undefined ? {} : { peer }),
    better,
    ...(ratio === undefined || !Number.isFinite(ratio) ? {} : { ratio }),
    ...(options.note === undefined ? {} : { note: options.note }),
    ...(options.digits === undefined ? {} : { digits: options.digits }),
  };
}

/** A number with `digits` significant digits, without exponent for ordinary magnitudes. */
export function num(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 10 ** digits) return Math.round(x).toLocaleString('en-US');
  if (a < 1e-4) return x.toExponential(digits - 1);
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(a)));
  return x.toFixed(decimals);
}

export function ratioText(r: number | undefined): string {
  if (r === undefined) return '-';
  return `${r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2)}x`;
}

export function figureText(f: Figure, digits = 3): string {
  if (f.n === 1) return `${num(f.median, digits)} (n = 1)`;
  return `${num(f.median, digits)} (${num(f.min, digits)}-${num(f.max, digits)})`;
}

/**
 * The lines of a section rerun, each with its ratio in the earlier run of the same section (matched
 * by name, metric and peer) as `before`. O(lines).
 */
export function withBefore(lines: readonly Line[], earlier: readonly Line[]): Line[] {
  const key = (l: Line) => `${l.name}\u0000${l.metric}\u0000${l.peer?.name ?? ''}`;
  const old = new Map(earlier.map((l) => [key(l), l.ratio]));
  return lines.map((l) => {
    const before = old.get(key(l));
    return before === undefined ? l : { ...l, before };
  });
}

/** The markdown table of a section's lines; a "before" column when any line has one. */
export function table(lines: readonly Line[]): string {
  const withBeforeColumn = lines.some((l) => l.before !== undefined);
  const rows = lines.map((l) => {
    const d = l.digits ?? 3;
    const n = l.peer === undefined ? `${l.paretokit.n}` : `${l.paretokit.n} / ${l.peer.figure.n}`;
    const before = withBeforeColumn ? ` ${ratioText(l.before)} |` : '';
    return `| ${l.name} | ${l.metric} | ${figureText(l.paretokit, d)} | ${l.peer?.name ?? '-'} | ${l.peer === undefined ? '-' : figureText(l.peer.figure, d)} | **${ratioText(l.ratio)}** |${before} ${n} | ${l.note ?? ''} |`;
  });
  return [
    `| line | metric | ParetoKit median (min-max) | peer | peer median (min-max) | ratio |${withBeforeColumn ? ' before |' : ''} n | notes |`,
    `|---|---|---:|---|---:|---:|${withBeforeColumn ? '---:|' : ''}---:|---|`,
    ...rows,
  ].join('\n');
}
