import type { Command } from 'commander';

/**
 * One example per command of `paretokit`, by its path, shown at the end of its `--help`.
 */
export const HELP_EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  paretokit: ['paretokit study', 'paretokit run --problem c2dtlz2 --algorithm nsga2-20x5 --seed 1'],
  sample: ['paretokit sample --problem dtlz2 --n-obj 3 --n 200 --seed 3'],
  study: [
    'paretokit study                                  # the embedded default',
    'paretokit study studies/benchmarks.json --workers 2',
  ],
  compress: [
    'paretokit compress --model m.onnx --data retinamnist.npz --budget 100 --seed 1 --out runs/one',
    'paretokit compress --model keras.onnx --preprocess imagenet --data images/ --budget 40',
  ],
  inspect: [
    'paretokit inspect --model m.onnx',
    'paretokit inspect --model m.onnx --preprocess imagenet --write',
  ],
  run: ['paretokit run --problem mw3 --algorithm ctaea-20x5 --budget 100 --seed 1'],
  datasets: [
    'paretokit datasets list',
    'paretokit datasets download retinamnist --dir data',
    'paretokit datasets pack images/ --out images.npz --size 28',
  ],
  'datasets list': ['paretokit datasets list'],
  'datasets download': ['paretokit datasets download retinamnist --dir data'],
  'datasets pack': [
    'paretokit datasets pack images/ --out images.npz --size 28',
    'paretokit datasets pack scans/ --out scans.npz --size 64 --channels 1 --seed 1 --skip-unreadable',
  ],
  report: ['paretokit report runs/default-study'],
  worker: [
    'paretokit worker --redis redis://localhost:6379 --queue q --problem ./problems.js#make --options \'{"n":3}\'',
  ],
};

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c !== null; c = c.parent) names.unshift(c.name());
  return names.length > 1 ? names.slice(1).join(' ') : names[0]!;
}

/** Adds its {@link HELP_EXAMPLES} entry after the help of `program` and of every subcommand. O(commands). */
export function addHelpExamples(program: Command): Command {
  const visit = (command: Command) => {
    const examples = HELP_EXAMPLES[commandPath(command)];
    if (examples !== undefined) {
      command.addHelpText(
        'after',
        `\nExample${examples.length > 1 ? 's' : ''}:\n${examples.map((e) => `  $ ${e}`).join('\n')}`,
      );
    }
    for (const sub of command.commands) visit(sub);
  };
  visit(program);
  return program;
}
