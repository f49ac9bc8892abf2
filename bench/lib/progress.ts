// A progress bar on stderr, so stdout keeps only the results table. Redrawn at most every 200 ms:
// drawing on every row would cost more than writing the row.

export interface Progress {
  tick(n?: number): void;
  done(): void;
}

export function progressBar(label: string, total: number): Progress {
  const started = Date.now();
  const tty = process.stderr.isTTY === true;
  let count = 0;
  let lastDraw = 0;
  let lastPercent = -1;
  const draw = (final: boolean) => {
    const share = total > 0 ? Math.min(1, count / total) : 1;
    const percent = Math.floor(share * 100);
    const elapsed = (Date.now() - started) / 1000;
    const eta = share > 0 ? elapsed / share - elapsed : 0;
    const width = 30;
    const bar = "#".repeat(Math.round(share * width)).padEnd(width, ".");
    const line = `${label} [${bar}] ${String(percent).padStart(3)}% ${count.toLocaleString("en-CA")}/${total.toLocaleString("en-CA")} ${elapsed.toFixed(0)}s${final ? "" : ` eta ${eta.toFixed(0)}s`}`;
    if (tty) process.stderr.write(`\r${line}\x1b[K${final ? "\n" : ""}`);
    // Not a terminal (a CI log): one line per 10 %, not a carriage-return soup.
    else if (final || percent >= lastPercent + 10) {
      process.stderr.write(`${line}\n`);
      lastPercent = percent;
    }
  };
  return {
    tick(n = 1) {
      count += n;
      const now = Date.now();
      if (now - lastDraw >= 200) {
        lastDraw = now;
        draw(false);
      }
    },
    done() {
      count = total;
      draw(true);
    },
  };
}
