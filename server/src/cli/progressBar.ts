/**
 * A one-line progress bar for long CLI jobs on a terminal; plain periodic lines otherwise, so
 * logs and CI output stay readable.
 */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const interactive = stream.isTTY === true;
  let lastPlain = 0;
  return {
    update(done: number, total: number, detail = ''): void {
      const ratio = total === 0 ? 1 : Math.min(1, done / total);
      if (interactive) {
        const width = 30;
        const filled = Math.round(ratio * width);
        stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${detail}`.padEnd(100));
      } else if (Date.now() - lastPlain > 2000 || done === total) {
        lastPlain = Date.now();
        stream.write(`${label}: ${done}/${total} ${detail}\n`);
      }
    },
    finish(message: string): void {
      stream.write(`${interactive ? '\r' : ''}${label}: ${message}`.padEnd(interactive ? 100 : 0) + '\n');
    },
  };
}
