import { DimensionMismatchError } from '@paretokit/problem';

/** Quality of a classifier on one split. */
export interface ClassificationMetrics {
  /** Fraction of correct predictions. */
  readonly accuracy: number;
  /** Mean over classes of F1 = 2 TP / (2 TP + FP + FN); a class never seen nor predicted scores 0. */
  readonly macroF1: number;
  /** Mean recall over the classes present in the labels. */
  readonly balancedAccuracy: number;
  /**
   * One-vs-rest ROC AUC from probabilities (the scores as they are when every row already is a
   * distribution, as a Softmax output; else their softmax), averaged over classes with both
   * positives and negatives.
   */
  readonly auc: number;
  /** `confusion[true][predicted]` counts. */
  readonly confusion: number[][];
  /** Predicted class of each example (argmax of the scores; first on ties). */
  readonly predictions: Int32Array;
}

/** ROC AUC of scores for a positive set, by the rank-sum (Mann-Whitney) formula with ties averaged. O(n log n). */
function rocAuc(scores: Float64Array, positive: Uint8Array): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]!] === scores[order[i]!]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (positive[order[k]!]) {
        rankSum += rank;
        positives++;
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * True when every row of scores is a probability distribution (non-negative, summing to 1 within
 * float32 rounding): the output of a Softmax, which must not go through a second one. O(n·k).
 */
function areProbabilities(scores: Float32Array | Float64Array, n: number, classes: number): boolean {
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let k = i * classes; k < (i + 1) * classes; k++) {
      if (!(scores[k]! >= 0)) return false;
      sum += scores[k]!;
    }
    if (Math.abs(sum - 1) > 1e-4) return false;
  }
  return n > 0;
}

/**
 * Accuracy, macro F1, balanced accuracy, one-vs-rest AUC and the confusion matrix from labels and
 * per-class scores (logits, or probabilities such as a Softmax output: used as they are for AUC;
 * row-major `count x classes`). O(n·k + k·n log n).
 *
 * @example
 * const m = classificationMetrics(Int32Array.from([0, 1, 1, 2]), Float32Array.from([5, 1, 0, 0, 2, 1, 3, 1, 0, 0, 0, 4]), 3);
 * [m.accuracy, m.balancedAccuracy, m.confusion] // => [0.75, 5 / 6, [[1, 0, 0], [1, 1, 0], [0, 0, 1]]]
 */
export function classificationMetrics(
  labels: Int32Array,
  scores: Float32Array | Float64Array,
  classes: number,
): ClassificationMetrics {
  const n = labels.length;
  if (scores.length !== n * classes) {
    throw new DimensionMismatchError({
      what: 'classificationMetrics: scores',
      expected: n * classes,
      actual: scores.length,
      unit: 'values (one per example and class)',
    });
  }
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  const predictions = new Int32Array(n);
  const probabilities = new Float64Array(n * classes);
  const given = areProbabilities(scores, n, classes);
  let correct = 0;
  for (let i = 0; i < n; i++) {
    const o = i * classes;
    let best = 0;
    let max = scores[o]!;
    for (let k = 1; k < classes; k++) {
      if (scores[o + k]! > max) {
        max = scores[o + k]!;
        best = k;
      }
    }
    if (given) {
      for (let k = 0; k < classes; k++) probabilities[o + k] = scores[o + k]!;
    } else {
      // Softmax for AUC; subtracting the max keeps exp() finite.
      let sum = 0;
      for (let k = 0; k < classes; k++) sum += probabilities[o + k] = Math.exp(scores[o + k]! - max);
      for (let k = 0; k < classes; k++) probabilities[o + k]! /= sum;
    }
    predictions[i] = best;
    confusion[labels[i]!]![best]!++;
    if (best === labels[i]) correct++;
  }
  let f1 = 0;
  let recall = 0;
  let present = 0;
  let auc = 0;
  let aucClasses = 0;
  const column = new Float64Array(n);
  const positive = new Uint8Array(n);
  for (let k = 0; k < classes; k++) {
    const tp = confusion[k]![k]!;
    let support = 0;
    let predicted = 0;
    for (let j = 0; j < classes; j++) {
      support += confusion[k]![j]!;
      predicted += confusion[j]![k]!;
    }
    const denominator = support + predicted;
    f1 += denominator === 0 ? 0 : (2 * tp) / denominator;
    if (support > 0) {
      recall += tp / support;
      present++;
    }
    if (support > 0 && support < n) {
      for (let i = 0; i < n; i++) {
        column[i] = probabilities[i * classes + k]!;
        positive[i] = labels[i] === k ? 1 : 0;
      }
      auc += rocAuc(column, positive);
      aucClasses++;
    }
  }
  return {
    accuracy: n === 0 ? 0 : correct / n,
    macroF1: f1 / classes,
    balancedAccuracy: present === 0 ? 0 : recall / present,
    auc: aucClasses === 0 ? Number.NaN : auc / aucClasses,
    confusion,
    predictions,
  };
}
