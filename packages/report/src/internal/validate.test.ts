import { describe, expect, it } from 'vitest';
import { studyFixture } from '../../test/study-fixture.js';
import { DimensionMismatchError } from '../errors/dimension-mismatch-error.js';
import { InvalidArgumentError } from '../errors/invalid-argument-error.js';
import type { ReportSection, StudyReportInput } from '../report-input.js';
import { checkConfusionMatrix, checkStudyReportInput } from './validate.js';

const input = studyFixture();
const section = input.sections[0]!;
const withSection = (patch: Record<string, unknown>): StudyReportInput => ({
  ...input,
  sections: [{ ...section, ...patch } as ReportSection],
});

function thrown(run: () => void): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('checkStudyReportInput', () => {
  it('accepts the fixture', () => {
    expect(() => checkStudyReportInput(input)).not.toThrow();
  });

  it('names the field path with labels, expected and actual', () => {
    const runs = [{ ...section.runs[0]!, front: [{ objectives: [0.1, 0.2], settings: { pruning: null } }] }];
    const error = thrown(() => checkStudyReportInput(withSection({ runs })));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.message).toBe(
      'sections[0] ("RetinaMNIST").runs[0] ("surrogate C-TAEA", seed 1).front[0].settings.pruning: expected a string, a finite number or a boolean, got null.',
    );
    expect((error as InvalidArgumentError).argument).toBe(
      'sections[0] ("RetinaMNIST").runs[0] ("surrogate C-TAEA", seed 1).front[0].settings.pruning',
    );
    expect((error as InvalidArgumentError).actual).toBeNull();
  });

  it('rejects a wrong type at the top level and a missing field', () => {
    expect(() => checkStudyReportInput(null)).toThrow('input');
    expect(() => checkStudyReportInput({ ...input, title: 3 })).toThrow('title: expected a string, got 3.');
    expect(() => checkStudyReportInput(withSection({ name: undefined }))).toThrow(
      'sections[0].name: expected a string, got undefined.',
    );
    expect(() => checkStudyReportInput({ ...input, sections: [] })).toThrow(
      'sections: expected at least one section, got an array of length 0. Give one section per dataset or problem.',
    );
  });

  it('rejects objectives, latency and statistics with the hint or dimension', () => {
    expect(() => checkStudyReportInput(withSection({ objectives: [{ name: 'a', sense: 'up' }] }))).toThrow(
      'sections[0] ("RetinaMNIST").objectives[0].sense: expected "min" or "max", got "up".',
    );
    expect(() =>
      checkStudyReportInput(withSection({ latency: [{ label: 'int8', nonZeroRate: 40, seconds: 1 }] })),
    ).toThrow(
      'sections[0] ("RetinaMNIST").latency[0] ("int8").nonZeroRate: expected a fraction from 0 to 1, got 40. Give the share of non-zero weights, not a percentage.',
    );
    const statistics = {
      ...section.statistics!,
      dunn: { ...section.statistics!.dunn, meanRanks: undefined },
    };
    const error = thrown(() => checkStudyReportInput(withSection({ statistics })));
    expect(error).toBeInstanceOf(DimensionMismatchError);
    expect(error.message).toBe(
      'sections[0] ("RetinaMNIST").statistics.dunn.meanRanks: expected 3 mean ranks (one per entry of methods), got 0.',
    );
  });
});

describe('checkConfusionMatrix', () => {
  it('names a repeated label', () => {
    expect(() => checkConfusionMatrix({ title: 'm', labels: ['a', 'b', 'a'], counts: [] }, '')).toThrow(
      '"m".labels[2]: expected a label not used before, got "a".',
    );
  });
});
