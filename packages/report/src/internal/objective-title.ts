import type { ReportObjective } from '../report-input.js';

/** Axis or column title of an objective: its name and sense, e.g. `"accuracy (max)"`. */
export function objectiveTitle(objective: ReportObjective): string {
  return `${objective.name} (${objective.sense})`;
}
