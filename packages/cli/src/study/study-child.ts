// A worker process of `paretokit study --workers N`: reads the study's configuration, then runs
// the cells the parent sends, one at a time, reporting progress and each finished record.

import { type ChildMessage, problemCache, runCell, type StudyCell } from './run-study.js';
import { loadStudyConfig } from './study-config.js';
import type { StudyQueue } from './study-queue.js';

const configPath = process.argv[2];
const queue = process.argv[3] === undefined ? undefined : (JSON.parse(process.argv[3]) as StudyQueue);
if (configPath === undefined || process.send === undefined) {
  process.stderr.write('study-child: run by `paretokit study --workers N` only\n');
  process.exit(2);
}
// The study process is gone (killed, or its test timed out): stop too, as soon as the run in
// progress lets the event loop turn (its finished evaluations are in its log). A message sent in
// the meantime fails with EPIPE: its callback takes the error (without one, Node raised it as an
// unhandled 'error' event and the worker died with a stack trace).
const send = (message: ChildMessage) => {
  if (!process.connected) return;
  process.send!(message, undefined, {}, (error) => {
    if (error !== null) process.exit(1);
  });
};
process.on('disconnect', () => process.exit(1));
const config = await loadStudyConfig(configPath);
const problemOf = problemCache(config);
process.on('message', (cell: StudyCell) => {
  let last = 0;
  runCell(config, problemOf, cell, {
    ...(queue === undefined ? {} : { queue }),
    onEvaluation: (done) => {
      // Progress at most every 5 evaluations keeps the channel quiet.
      if (done - last >= 5 || done === config.budget) {
        last = done;
        send({ type: 'progress', done });
      }
    },
  }).then(
    (record) => send({ type: 'done', record }),
    (error: unknown) => send({ type: 'error', message: (error as Error).message ?? String(error) }),
  );
});
