/** Progress on stderr while it is a terminal (cli-progress); nothing at all when it is not. */
import { SingleBar, Presets } from 'cli-progress';

export interface Progress<A extends unknown[]> {
  update(...args: A): void;
  stop(): void;
}

/** A bar of `done` of `total`, drawn from the first report on (never an empty bar at 0/0). */
export function progressBar(format: string): Progress<[done: number, total: number]> {
  let bar: SingleBar | undefined;
  return {
    update(done, total) {
      if (!process.stderr.isTTY) return;
      if (!bar) {
        bar = new SingleBar({ format, stream: process.stderr }, Presets.shades_classic);
        bar.start(total, done);
      } else {
        bar.setTotal(total);
        bar.update(done);
      }
    },
    stop: () => bar?.stop(),
  };
}

/**
 * One line of the datasets each running harvest has seen so far (a count: a portal's total is
 * often unknown until its last page). `print` writes a line of output above it.
 */
export class SeenCounter {
  private readonly seen = new Map<string, number>();
  private readonly bar = process.stderr.isTTY ? new SingleBar({ format: '{portals}', stream: process.stderr, clearOnComplete: true }) : undefined;
  private drawn = false;

  update(portalId: string, seen: number): void {
    this.seen.set(portalId, seen);
    this.draw();
  }

  /** Ends a portal's count and prints `line` (its summary) on stdout. */
  finish(portalId: string, line: string): void {
    this.seen.delete(portalId);
    this.print(line);
  }

  print(line: string): void {
    this.stop();
    console.log(line);
    this.draw();
  }

  stop(): void {
    if (this.drawn) this.bar?.stop();
    this.drawn = false;
  }

  private draw(): void {
    if (!this.bar || this.seen.size === 0) return;
    const portals = `${[...this.seen].map(([id, n]) => `${id}: ${n}`).join(' · ')} conjuntos vistos / datasets seen`;
    if (this.drawn) this.bar.update(0, { portals });
    else this.bar.start(0, 0, { portals });
    this.drawn = true;
  }
}
