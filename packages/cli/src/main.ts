#!/usr/bin/env node
import { ParetokitError } from '@paretokit/problem';
import { createProgram } from './program.js';

try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  // Errors of ParetoKit carry a readable message; anything else is a bug worth a stack trace.
  process.stderr.write(
    `paretokit: ${ParetokitError.isInstance(error) ? error.message : ((error as Error).stack ?? String(error))}\n`,
  );
  process.exitCode = 1;
}
