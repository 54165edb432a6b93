import { InvalidArgumentError as CommanderArgumentError } from 'commander';

/**
 * A commander parser of a comma-separated list of finite numbers, with an error that names the
 * flag (usage errors, exit code 1 as commander's own).
 *
 * @example
 * numbersOption('--ideal')('-274, 4') // => [-274, 4]
 */
export function numbersOption(what: string): (value: string) => number[] {
  return (value) => {
    const numbers = value.split(',').map((part) => Number(part.trim()));
    if (value.trim() === '' || numbers.some((n) => !Number.isFinite(n))) {
      throw new CommanderArgumentError(
        `${what}: expected comma-separated numbers, one per objective, got ${JSON.stringify(value)}.`,
      );
    }
    return numbers;
  };
}
