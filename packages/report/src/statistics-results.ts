// The report only reads these fields of @paretokit/stats' results. Declaring them structurally keeps
// the report usable with any object of that shape (and with older or newer stats versions).

/** The fields of a Friedman test result that the report shows (structurally `@paretokit/stats`'). */
export interface FriedmanResultLike {
  readonly statistic: number;
  readonly pValue: number;
  /** One mean rank per treatment (method), in the column order of the ranked table. */
  readonly meanRanks: ArrayLike<number>;
  readonly blocks: number;
  readonly treatments: number;
  readonly imanDavenport?: {
    readonly statistic: number;
    readonly pValue: number;
    readonly df1: number;
    readonly df2: number;
  };
}

/** One pair of a Dunn post-hoc test; `i` and `j` index the methods. */
export interface DunnPairLike {
  readonly i: number;
  readonly j: number;
  readonly z: number;
  readonly pValue: number;
  readonly adjustedPValue: number;
  readonly significant: boolean;
}

/** The fields of a Dunn post-hoc result that the report shows (structurally `@paretokit/stats`'). */
export interface DunnResultLike {
  readonly meanRanks: ArrayLike<number>;
  readonly pairs: readonly DunnPairLike[];
  /** The p-value adjustment, shown verbatim (`"holm"`, `"bonferroni"`). */
  readonly adjust: string;
  readonly alpha: number;
}
