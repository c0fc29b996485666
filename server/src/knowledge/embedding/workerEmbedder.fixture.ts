/**
 * Test fixture for workerEmbedder.test.ts: a model-free worker whose texts steer it, so the host's
 * crash, timeout and failure handling can be checked quickly in both a thread and a process.
 * A text `t<n>` embeds as [n + 1, 1, 0] ([n + 1, 1, 0, 0] after `widen`); `whoami` embeds the
 * worker's identity; `count` embeds the number of texts in its batch; `exit`, `hang`, `fail` and `widen` do what they say.
 */
import { threadId } from 'node:worker_threads';
import { serveEmbeddings, WorkerFailure } from './workerRuntime.js';

let dimensions = 3;

serveEmbeddings(async () => async (texts) => {
  if (texts.includes('exit')) process.exit(3);
  if (texts.includes('hang')) await new Promise(() => undefined);
  if (texts.includes('fail')) throw new WorkerFailure('MODEL_NOT_FOUND', 'the fixture has no model');
  if (texts.includes('widen')) dimensions = 4;
  const data = new Float32Array(texts.length * dimensions);
  texts.forEach((text, i) => {
    // The identity must survive a Float32 (exact only below 2^24): pid * 1000 did not once pids grew large.
    const n =
      text === 'count'
        ? texts.length
        : text === 'whoami'
          ? (process.pid % 4096) * 4096 + (threadId % 4096)
          : /^t\d+$/.test(text)
            ? Number(text.slice(1))
            : 0;
    data[i * dimensions] = n + 1;
    data[i * dimensions + 1] = 1;
  });
  return { dimensions, data };
});
