import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { compressCommand, SURROGATE_NAMES } from './commands/compress.js';
import { downloadDataset, listDatasets, packDataset, sizeOption } from './commands/datasets.js';
import { inspectCommand } from './commands/inspect.js';
import { reportCommand } from './commands/report.js';
import { runCommand } from './commands/run.js';
import { formatSample, runSample } from './commands/sample.js';
import { studyCommand } from './commands/study.js';
import { workerCommand } from './commands/worker.js';
import { addHelpExamples } from './help-examples.js';
import { integerOption } from './integer-option.js';
import { numbersOption } from './numbers-option.js';
import { compressionPresetsIfInstalled } from './optional-packages.js';
import { problemRegistry } from './problem-registry.js';
import { STUDY_METHODS, type StudyMethod } from './study/study-config.js';

/**
 * The `paretokit` command-line program (commander). `write` receives what it prints; progress of
 * `run`, `study` and `compress` goes to `progressStream` (a bar when it is a terminal).
 *
 * @example
 * const lines = [];
 * await createProgram((line) => lines.push(line)).parseAsync(['node', 'paretokit', 'sample', '--problem', 'zdt1']);
 * lines[0].startsWith('zdt1: 30 variables') // => true
 */
export function createProgram(
  write: (text: string) => void = (t) => process.stdout.write(`${t}\n`),
  progressStream: NodeJS.WriteStream = process.stderr,
): Command {
  const program = new Command('paretokit')
    .description('Multi-objective optimization from the terminal.')
    .version(cliVersion(), '-V, --version', 'print the version of paretokit')
    .showHelpAfterError();
  program
    .command('sample')
    .description(
      'Evaluate a Latin-hypercube sample of a benchmark problem and print its non-dominated points.',
    )
    .addOption(
      new Option('-p, --problem <name>', 'benchmark problem')
        .choices(Object.keys(problemRegistry))
        .default('zdt1'),
    )
    .option('-n, --n <count>', 'number of sample points', integerOption('--n', 1), 100)
    .option('-s, --seed <seed>', 'random seed', integerOption('--seed', 0), 1)
    .option(
      '--n-var <count>',
      'number of variables (problem default when omitted)',
      integerOption('--n-var', 1),
    )
    .option('--n-obj <count>', 'number of objectives for DTLZ-type problems', integerOption('--n-obj', 2))
    .option('--json', 'print JSON instead of a table')
    .action(
      async (opts: {
        problem: string;
        n: number;
        seed: number;
        nVar?: number;
        nObj?: number;
        json?: boolean;
      }) => {
        const options = {
          problem: opts.problem,
          n: opts.n,
          seed: opts.seed,
          ...(opts.nVar === undefined ? {} : { nVar: opts.nVar }),
          ...(opts.nObj === undefined ? {} : { nObj: opts.nObj }),
        };
        const result = await runSample(options);
        write(
          opts.json
            ? JSON.stringify(
                {
                  problem: result.problem.name,
                  evaluated: result.evaluated,
                  feasible: result.feasible,
                  front: result.front,
                },
                null,
                2,
              )
            : formatSample(result, options),
        );
      },
    );
  program
    .command('study')
    .description(
      'Run a study (problems x methods x seeds, resumable) and write summary.json and report.html; without a file, the embedded default: compress the small RetinaMNIST CNN shipped in assets/retinamnist.',
    )
    .argument('[study.json]', 'study configuration (JSON)')
    .option('-o, --out <folder>', "output folder (default: the configuration's)")
    .option(
      '-w, --workers <count>',
      'runs at once, each in its own process',
      integerOption('--workers', 1),
      1,
    )
    .option(
      '--redis <url>',
      'send the real evaluations to queue workers on this Redis server (paretokit worker)',
    )
    .option('--queue <prefix>', "prefix of the queue names (default: the study's name)")
    .option('--no-progress', 'no progress (default: a bar on a terminal, else a line per 10 % or per minute)')
    .action(
      async (
        file: string | undefined,
        opts: { out?: string; workers: number; redis?: string; queue?: string; progress: boolean },
      ) => {
        await studyCommand({
          progress: opts.progress,
          progressStream,
          ...(file === undefined ? {} : { config: file }),
          ...(opts.out === undefined ? {} : { out: opts.out }),
          ...(opts.redis === undefined ? {} : { redis: opts.redis }),
          ...(opts.queue === undefined ? {} : { queue: opts.queue }),
          workers: opts.workers,
          write,
        });
      },
    );
  program
    .command('compress')
    .description(
      'One surrogate-assisted compression run (SAMO + C-TAEA) of an ONNX model on a MedMNIST .npz.',
    )
    .requiredOption('-m, --model <file.onnx>', 'the trained ONNX model (its JSON sidecar beside it, if any)')
    .requiredOption(
      '-d, --data <file.npz|folder>',
      'a MedMNIST-layout .npz, or an image folder root/{train,val,test}/<class>/*.png|*.jpg (val drawn from train when missing)',
    )
    .option('--sidecar <file.json>', 'the model sidecar (default: the model path with .json, when it exists)')
    .option('--preprocess <steps>', PREPROCESS_HELP)
    .option('-b, --budget <count>', 'real evaluations in total', integerOption('--budget', 2), 100)
    .option('-i, --initial <count>', 'initial Latin-hypercube design', integerOption('--initial', 1), 50)
    .option('--infills <count>', 'real evaluations per iteration', integerOption('--infills', 1), 2)
    .option('-s, --seed <seed>', 'random seed', integerOption('--seed', 0), 1)
    .option('-o, --out <folder>', 'output folder', 'runs/compress')
    .addOption(
      new Option('--select-on <split>', 'split the objectives are measured on')
        .choices(['validation', 'test'])
        .default('validation'),
    )
    .option('--threads <count>', 'onnxruntime threads per evaluation', integerOption('--threads', 1), 1)
    .addOption(
      new Option(
        '--pruning <kind>',
        "study: the study's 7 variables (unstructured pruning, f1); structured: channels cut per stage, measured latency",
      )
        .choices(['study', 'structured'])
        .default('study'),
    )
    .option(
      '--generations <count>',
      'C-TAEA generations on the surrogate problem',
      integerOption('--generations', 1),
    )
    .option(
      '--surrogates <names>',
      `comma-separated surrogate pool (${SURROGATE_NAMES.join(',')})`,
      (v: string) => v.split(',').map((s) => s.trim()),
    )
    .option('--no-progress', 'no progress (default: a bar on a terminal, else a line per 10 % or per minute)')
    .action(
      async (opts: {
        model: string;
        data: string;
        sidecar?: string;
        preprocess?: string;
        budget: number;
        initial: number;
        infills: number;
        seed: number;
        out: string;
        selectOn: 'validation' | 'test';
        threads: number;
        pruning: 'study' | 'structured';
        generations?: number;
        surrogates?: string[];
        progress: boolean;
      }) => {
        await compressCommand({
          ...opts,
          progressStream,
          write,
        });
      },
    );
  program
    .command('inspect')
    .description(
      'Read an ONNX image classifier: input, layout, output, classes, opset, ops, prunable layers, FLOPs, and the sidecar it implies.',
    )
    .requiredOption('-m, --model <file.onnx>', 'the ONNX model')
    .option('--preprocess <steps>', PREPROCESS_HELP)
    .option(
      '--write [file.json]',
      'save the inferred sidecar (default: beside the model); needs --preprocess',
    )
    .action(async (opts: { model: string; preprocess?: string; write?: boolean | string }) => {
      await inspectCommand({ ...opts, print: write });
    });
  program
    .command('run')
    .description('Run one method on a benchmark problem with a budget of real evaluations (resumable).')
    .addOption(
      new Option('-p, --problem <name>', 'benchmark problem')
        .choices(Object.keys(problemRegistry))
        .makeOptionMandatory(),
    )
    .addOption(new Option('-a, --algorithm <method>', 'method').choices(STUDY_METHODS).default('samo-ctaea'))
    .option('-b, --budget <count>', 'real evaluations', integerOption('--budget', 2), 100)
    .option('-s, --seed <seed>', 'random seed', integerOption('--seed', 0), 1)
    .option(
      '--n-var <count>',
      'number of variables (problem default when omitted)',
      integerOption('--n-var', 1),
    )
    .option('--n-obj <count>', 'number of objectives for DTLZ-type problems', integerOption('--n-obj', 2))
    .option(
      '--difficulty <row>',
      "DAS-CMOP's difficulty, 1-16 (pymoo's table)",
      integerOption('--difficulty', 1),
    )
    .option(
      '--ideal <values>',
      'ideal point for the hypervolume of a problem without a known front (comma-separated)',
      numbersOption('--ideal'),
    )
    .option('--nadir <values>', '... and its nadir point, one value per objective', numbersOption('--nadir'))
    .option('-o, --out <folder>', 'output folder (default: runs/<problem>-<algorithm>-seed<seed>)')
    .option('--no-progress', 'no progress (default: a bar on a terminal, else a line per 10 % or per minute)')
    .action(
      async (opts: {
        problem: string;
        algorithm: StudyMethod;
        budget: number;
        seed: number;
        nVar?: number;
        nObj?: number;
        difficulty?: number;
        ideal?: number[];
        nadir?: number[];
        out?: string;
        progress: boolean;
      }) => {
        await runCommand({
          progress: opts.progress,
          progressStream,
          problem: opts.problem,
          method: opts.algorithm,
          budget: opts.budget,
          seed: opts.seed,
          ...(opts.nVar === undefined ? {} : { nVar: opts.nVar }),
          ...(opts.nObj === undefined ? {} : { nObj: opts.nObj }),
          ...(opts.difficulty === undefined ? {} : { difficulty: opts.difficulty }),
          ...(opts.ideal === undefined && opts.nadir === undefined
            ? {}
            : { normalization: { ideal: opts.ideal ?? [], nadir: opts.nadir ?? [] } }),
          out: opts.out ?? `runs/${opts.problem}-${opts.algorithm}-seed${opts.seed}`,
          write,
        });
      },
    );
  const datasets = program
    .command('datasets')
    .description('MedMNIST files: list them, download one; pack a folder of images into one.');
  datasets
    .command('list')
    .description('The official MedMNIST 28x28 files this tool can download.')
    .action(() => write(listDatasets()));
  datasets
    .command('download')
    .description('Download an official MedMNIST 28x28 .npz and check its MD5.')
    .argument('<name>', 'e.g. retinamnist, dermamnist, bloodmnist')
    .option('--dir <folder>', 'where to put it', 'data')
    .option('--mirror <url>', 'base URL of a mirror holding <name>.npz')
    .option('--force', 'download again even when the file is there')
    .action(async (name: string, opts: { dir: string; mirror?: string; force?: boolean }) => {
      write(`downloaded: ${await downloadDataset(name, opts)}`);
    });
  datasets
    .command('pack')
    .description(
      'Pack an image folder (<folder>/{train,val,test}/<class>/*.png|jpg, val optional) into a MedMNIST-layout .npz with its class names.',
    )
    .argument('<folder>', 'the image folder')
    .requiredOption('--out <file.npz>', 'the .npz to write')
    .requiredOption('--size <N|HxW>', "resize every image to N x N or H x W (the model's input)", sizeOption)
    .addOption(new Option('--channels <n>', '1 (grey) or 3 (RGB)').choices(['1', '3']).default('3'))
    .option(
      '--seed <seed>',
      'seed of the val split drawn from train without val/',
      integerOption('--seed', 0),
      0,
    )
    .option('--val-fraction <f>', 'share of each class drawn for val without val/', Number, 0.1)
    .option('--skip-unreadable', 'skip (and list) unreadable images instead of stopping')
    .option('--force', 'replace the .npz if it exists')
    .action(
      async (
        folder: string,
        opts: {
          out: string;
          size: { height: number; width: number };
          channels: string;
          seed: number;
          valFraction: number;
          skipUnreadable?: boolean;
          force?: boolean;
        },
      ) => {
        const lines = await packDataset(folder, {
          out: opts.out,
          ...opts.size,
          channels: opts.channels === '1' ? 1 : 3,
          seed: opts.seed,
          valFraction: opts.valFraction,
          skipUnreadable: opts.skipUnreadable === true,
          force: opts.force === true,
        });
        write(lines.join('\n'));
      },
    );
  program
    .command('report')
    .description("Render a study's report.html again from its folder's study.json and summary.json.")
    .argument('<folder>', "the study's output folder")
    .action(async (folder: string) => write(`report: ${await reportCommand(folder)}`));
  program.addCommand(workerCommand());
  return addHelpExamples(program);
}

const PREPROCESS_HELP = `how pixels 0..255 become model input when no sidecar says it: steps such as "x/255, then (x-0.5)/0.5", or a preset (${presetList()})`;

/** The preset names for the help, or where they come from when @paretokit/compression is not installed. */
function presetList(): string {
  const presets = compressionPresetsIfInstalled()?.PREPROCESS_PRESETS;
  return presets === undefined
    ? 'the presets come with @paretokit/compression'
    : Object.keys(presets).join(', ');
}

/** The version in this package's package.json. */
function cliVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
