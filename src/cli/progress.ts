/** A one-line progress bar for a terminal; silent when the stream is not a TTY. */
export class ProgressBar {
  readonly #out: NodeJS.WriteStream;
  readonly #enabled: boolean;
  #lastDraw = 0;
  #drawn = false;

  constructor(out: NodeJS.WriteStream) {
    this.#out = out;
    this.#enabled = out.isTTY;
  }

  update(received: number, total: number): void {
    if (!this.#enabled) return;
    const now = Date.now();
    // Redraw at most every 50 ms, and always for the last update.
    if (received < total && now - this.#lastDraw < 50) return;
    this.#lastDraw = now;
    const width = 30;
    const ratio = total > 0 ? Math.min(1, received / total) : 0;
    const filled = Math.round(ratio * width);
    const mib = (n: number): string => (n / 1048576).toFixed(1);
    this.#out.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}% ${mib(received)}/${mib(total)} MiB`);
    this.#drawn = true;
  }

  done(): void {
    if (this.#drawn) this.#out.write('\n');
    this.#drawn = false;
  }
}
