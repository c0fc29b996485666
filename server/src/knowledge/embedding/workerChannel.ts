/**
 * Starts an embedding worker module off the main thread, as a worker thread or a child process,
 * and hides the difference behind one small channel.
 *
 * Why two kinds: a worker thread is cheap and fine for pure JavaScript/WebAssembly models
 * (USE-lite). A native addon that is not context-aware (onnxruntime-node 1.14, under
 * transformers.js) loads in one thread per process only — a second worker thread after a crash or
 * a close() fails with "Module did not self-register" — and a native crash in a thread takes the
 * whole server down; a child process can be restarted and dies alone.
 *
 * The server runs its TypeScript through tsx. Node 20 ignores `--import` in a worker thread's
 * execArgv, so a thread on a `.ts` module starts from a tiny bootstrap that registers tsx's loader
 * and then imports the module; a child process is a whole Node process and takes `--import` as usual.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EmbedRequest } from './workerProtocol.js';

export type Isolation = 'thread' | 'process';

export interface WorkerChannelEvents {
  onMessage(message: unknown): void;
  /** Called once, however the worker ended (crash, exit, terminate()). */
  onExit(reason: string): void;
}

export interface WorkerChannel {
  send(request: EmbedRequest): void;
  /** While busy the worker holds the server process open; an idle one must not keep it from exiting. */
  setBusy(busy: boolean): void;
  /** Ends the worker; resolves once it is gone. */
  terminate(): Promise<void>;
}

const needsTsx = (moduleUrl: URL): boolean => /\.[cm]?ts$/.test(moduleUrl.pathname);

/** Starts `moduleUrl` with `init` (workerData for a thread, argv[2] as JSON for a process). */
export function spawnWorkerChannel(moduleUrl: URL, init: unknown, isolation: Isolation, events: WorkerChannelEvents): WorkerChannel {
  return isolation === 'thread' ? spawnThread(moduleUrl, init, events) : spawnProcess(moduleUrl, init, events);
}

function spawnThread(moduleUrl: URL, init: unknown, events: WorkerChannelEvents): WorkerChannel {
  let worker: Worker;
  if (needsTsx(moduleUrl)) {
    // Resolved here, beside the server's own dependencies: the bootstrap is evaluated with no
    // useful location of its own to resolve a bare specifier from.
    const tsxApi = import.meta.resolve('tsx/esm/api');
    const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(moduleUrl.href)}); });`;
    worker = new Worker(bootstrap, { eval: true, workerData: init });
  } else {
    worker = new Worker(moduleUrl, { workerData: init });
  }
  worker.unref();
  let lastError: string | undefined;
  worker.on('message', (message: unknown) => events.onMessage(message));
  worker.on('error', (error: Error) => {
    lastError = error.message;
  });
  worker.on('messageerror', (error: Error) => {
    lastError = `sent a message that could not be read (${error.message})`;
    void worker.terminate();
  });
  worker.on('exit', (code: number) => events.onExit(lastError === undefined ? `exited with code ${code}` : `crashed: ${lastError}`));
  return {
    send: (request) => worker.postMessage(request),
    setBusy: (busy) => (busy ? worker.ref() : worker.unref()),
    terminate: async () => {
      await worker.terminate();
    },
  };
}

function spawnProcess(moduleUrl: URL, init: unknown, events: WorkerChannelEvents): WorkerChannel {
  const execArgv = needsTsx(moduleUrl) ? ['--import', import.meta.resolve('tsx')] : [];
  // 'advanced' serialization carries the Float32Array replies as typed arrays, not JSON.
  const child = fork(fileURLToPath(moduleUrl), [JSON.stringify(init ?? null)], {
    execArgv,
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let exited = false;
  let lastError: string | undefined;
  const exitedPromise = new Promise<void>((resolve) => {
    const finish = (reason: string): void => {
      if (exited) return;
      exited = true;
      resolve();
      events.onExit(reason);
    };
    child.on('exit', (code, signal) =>
      finish(lastError ?? (signal === null ? `exited with code ${code ?? 'unknown'}` : `was killed by ${signal}`)),
    );
    child.on('error', (error) => {
      lastError = `failed: ${error.message}`;
      // A process that never started emits no 'exit'.
      if (child.pid === undefined) finish(lastError);
    });
  });
  child.on('message', (message: unknown) => events.onMessage(message));
  const setBusy = (busy: boolean): void => {
    if (busy) {
      child.ref();
      child.channel?.ref();
    } else {
      child.unref();
      child.channel?.unref();
    }
  };
  setBusy(false);
  return {
    send: (request) => {
      child.send(request, (error) => {
        if (error !== null && !exited) {
          lastError = `could not be reached (${error.message})`;
          child.kill('SIGKILL');
        }
      });
    },
    setBusy,
    terminate: async () => {
      if (!exited) child.kill('SIGKILL');
      await exitedPromise;
    },
  };
}
