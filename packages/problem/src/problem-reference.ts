/** A value that survives `JSON.stringify` unchanged. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/**
 * Where a problem comes from, so that another thread, process or machine can rebuild it (functions
 * cannot be sent there): a module, one of its exports (a `Problem`, or a function of `options`
 * returning one, possibly async) and the options.
 */
export interface ProblemReference {
  /** A file path (`./problems.js`, resolved against the current directory), a `file:` URL or a package name. */
  readonly module: string;
  /** The export to read (default `"default"`). */
  readonly export?: string;
  /** Passed to the export when it is a function. */
  readonly options?: JsonValue;
}
