// The CLI in-process for the end-to-end tests (run-cli.ts): a worker thread that loads the built
// bundle (dist/bundle/cli.cjs) once and runs `main(argv, terminal)` for each request, with the
// request's arguments, environment, folder and standard input, and its standard output and error
// captured. The test thread waits for the answer synchronously (Atomics.wait), so runCli stays a
// plain function. One bundle load per worker instead of one process per command.
import { createRequire } from 'node:module';
import { Readable, Writable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const { main } = require(workerData.bundle);
const signal = new Int32Array(workerData.signal);

const collector = (chunks) =>
  new Writable({
    write(chunk, encoding, done) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, encoding) : Buffer.from(chunk));
      done();
    },
  });

parentPort.on('message', async ({ id, args, cwd, env, input, port }) => {
  const out = [];
  const err = [];
  const terminal = {
    stdout: collector(out),
    stderr: collector(err),
    stdin: Readable.from(input === undefined ? [] : [Buffer.from(input)]),
    env,
    cwd,
  };
  let code;
  try {
    code = await main(args, terminal);
  } catch (error) {
    code = 70;
    err.push(Buffer.from(`run-cli worker: ${error?.stack ?? error}\n`));
  }
  port.postMessage({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
  port.close();
  // The number of the request answered (run-cli.ts waits for its own).
  Atomics.store(signal, 0, id);
  Atomics.notify(signal, 0);
});
