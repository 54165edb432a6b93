#!/usr/bin/env node
import { ParetokitError } from '@paretokit/problem';
import { type Command, CommanderError } from 'commander';
import { createProgram } from './program.js';

/** Commander throws instead of exiting, here and in every subcommand. */
function throwOnExit(command: Command): Command {
  command.exitOverride();
  for (const sub of command.commands) throwOnExit(sub);
  return command;
}

try {
  await throwOnExit(createProgram()).parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has printed the message and the usage; --help and --version end with 0, a usage error with 2.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    // Errors of ParetoKit carry a readable message; anything else is a bug worth a stack trace.
    process.stderr.write(
      `paretokit: ${ParetokitError.isInstance(error) ? error.message : ((error as Error).stack ?? String(error))}\n`,
    );
    process.exitCode = 1;
  }
}
