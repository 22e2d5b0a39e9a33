// A one-line progress indicator on stderr for long runs on a terminal: "\r[12/340] path",
// cleared when the run ends so it never mixes with the report.

/** Runs with more files than this show progress (on a terminal). */
export const PROGRESS_MIN_FILES = 20;

export class Progress {
  private shown = false;

  constructor(
    private readonly write: (s: string) => void,
    private readonly total: number,
    private readonly enabled: boolean,
    private readonly columns = 80,
  ) {}

  static for(write: (s: string) => void, total: number, isTTY: boolean, columns?: number): Progress {
    return new Progress(write, total, isTTY && total > PROGRESS_MIN_FILES, columns);
  }

  tick(done: number, file: string): void {
    if (!this.enabled) return;
    let line = `[${done}/${this.total}] ${file}`;
    const max = Math.max(20, this.columns - 1);
    if (line.length > max) line = `${line.slice(0, 10)}…${line.slice(line.length - (max - 11))}`;
    this.write(`\r\u001b[K${line}`);
    this.shown = true;
  }

  done(): void {
    if (this.shown) this.write('\r\u001b[K');
    this.shown = false;
  }
}
