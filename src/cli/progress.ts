/**
 * A progress bar on stderr for batches, drawn only when stderr is a terminal (never in pipes, logs
 * or tests). Output written meanwhile goes through `print`, which clears the bar first and redraws
 * it after, so lines never mix with the bar.
 */
import { displayWidth, truncate } from './format-width.js';

export interface Progress {
  /** Shows `done` of the total finished, and the item being worked on. */
  update(done: number, current: string): void;
  /** Writes to `out` with the bar out of the way. */
  print(out: NodeJS.WritableStream, text: string): void;
  /** Removes the bar. */
  end(): void;
}

const noProgress: Progress = {
  update: () => {},
  print: (out, text) => void out.write(text),
  end: () => {},
};

export function createProgress(stderr: NodeJS.WriteStream, total: number): Progress {
  if (total < 2 || !stderr.isTTY) return noProgress;
  const columns = Math.max(40, stderr.columns || 80);
  let line = '';
  const clear = () => {
    if (line) stderr.write('\r\u001b[K');
  };
  const draw = () => {
    if (line) stderr.write(line);
  };
  return {
    update(done, current) {
      const barWidth = 24;
      const filled = Math.round((done / total) * barWidth);
      const head = `[${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}] ${done}/${total} `;
      clear();
      line = head + truncate(current, columns - displayWidth(head) - 1);
      draw();
    },
    print(out, text) {
      clear();
      out.write(text);
      draw();
    },
    end() {
      clear();
      line = '';
    },
  };
}
