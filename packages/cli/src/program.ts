import { Command, InvalidArgumentError as CommanderArgumentError, Option } from 'commander';
import { formatSample, runSample } from './commands/sample.js';
import { problemRegistry } from './problem-registry.js';

function count(what: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < min) {
      throw new CommanderArgumentError(
        `${what}: expected an integer >= ${min}, got ${JSON.stringify(value)}.`,
      );
    }
    return n;
  };
}

/**
 * The `paretokit` command-line program (commander). `write` receives what it prints.
 *
 * @example
 * await createProgram().parseAsync(['node', 'paretokit', 'sample', '--problem', 'zdt1']);
 */
export function createProgram(
  write: (text: string) => void = (t) => process.stdout.write(`${t}\n`),
): Command {
  const program = new Command('paretokit')
    .description('Multi-objective optimization from the terminal.')
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
    .option('-n, --n <count>', 'number of sample points', count('--n', 1), 100)
    .option('-s, --seed <seed>', 'random seed', count('--seed', 0), 1)
    .option('--n-var <count>', 'number of variables (problem default when omitted)', count('--n-var', 1))
    .option('--n-obj <count>', 'number of objectives for DTLZ-type problems', count('--n-obj', 2))
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
  return program;
}
