const PREFIX = 'resolved: ';

const HOOKS = `export async function resolve(specifier, context, next) {
  if (!/^(\\.|\\/|node:|file:|data:)/.test(specifier)) process.stderr.write(${JSON.stringify(PREFIX)} + specifier + '\\n');
  return next(specifier, context);
}`;

/**
 * A value for `node --import` that registers a module hook writing every bare specifier the
 * process resolves (packages, not relative files or built-ins) to stderr, one line each, for
 * {@link resolvedPackages} to read back.
 *
 * @example
 * spawnSync(process.execPath, ['--import', RESOLVE_HOOK, 'main.js'], { encoding: 'utf8' })
 */
export const RESOLVE_HOOK = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOKS)}`)});`,
)}`;

/**
 * Splits the stderr of a process started with {@link RESOLVE_HOOK}: the bare specifiers it
 * resolved, in order (repeats kept), and the rest of its stderr. O(length).
 *
 * @example
 * resolvedPackages('resolved: zod\nwarning\n') // => { resolved: ['zod'], stderr: 'warning\n' }
 */
export function resolvedPackages(stderr: string): { resolved: string[]; stderr: string } {
  const lines = stderr.split('\n');
  return {
    resolved: lines.filter((l) => l.startsWith(PREFIX)).map((l) => l.slice(PREFIX.length)),
    stderr: lines.filter((l) => !l.startsWith(PREFIX)).join('\n'),
  };
}
