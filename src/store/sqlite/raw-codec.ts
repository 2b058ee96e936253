/**
 * The stored form of a source record: gzip-compressed JSON.
 *
 * Writes compress on a worker thread. gzip is the costliest step of writing a new or
 * changed dataset (tens of microseconds per record, most of it zlib set-up), so a batch hands its
 * records to a second core and prepares everything else meanwhile. The worker is started on first
 * use, holds the process open only while it has work, and any failure of it falls back to
 * compressing on the calling thread.
 */
import { Worker } from 'node:worker_threads';
import { gunzipSync, gzipSync } from 'node:zlib';

/** gzip level 1: nearly the size of level 6 on records of a few kilobytes, at half the time. */
const GZIP = { level: 1 };

// Plain JavaScript evaluated in the worker, so it runs the same under tsx and compiled.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { gzipSync } = require('node:zlib');
parentPort.on('message', ({ id, texts }) => {
  const parts = texts.map((text) => gzipSync(text, ${JSON.stringify(GZIP)}));
  const all = Buffer.concat(parts);
  const buffer = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength);
  parentPort.postMessage({ id, buffer, lengths: parts.map((part) => part.length) }, [buffer]);
});`;

/** All compressed texts in one transferred buffer (no copy between threads), cut by `lengths`. */
interface Reply {
  id: number;
  buffer: ArrayBuffer;
  lengths: number[];
}

export function gzipText(text: string): Buffer {
  return gzipSync(text, GZIP);
}

export function decodeRaw(stored: Buffer | null | undefined): unknown {
  return stored ? (JSON.parse(gunzipSync(stored).toString('utf8')) as unknown) : undefined;
}

export class RawCompressor {
  #worker: Worker | undefined;
  #nextId = 0;
  readonly #pending = new Map<number, { resolve: (buffers: Buffer[]) => void; texts: string[] }>();

  /** The gzip of every text, in order. */
  compress(texts: string[]): Promise<Buffer[]> {
    if (texts.length === 0) return Promise.resolve([]);
    const worker = this.#start();
    if (!worker) return Promise.resolve(texts.map(gzipText));
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, { resolve, texts });
      worker.ref();
      worker.postMessage({ id, texts });
    });
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    this.#failPending();
    await worker?.terminate();
  }

  #start(): Worker | undefined {
    if (this.#worker) return this.#worker;
    try {
      const worker = new Worker(WORKER_SOURCE, { eval: true, execArgv: [] });
      worker.on('message', (reply: Reply) => this.#settle(reply));
      worker.on('error', () => this.#drop(worker));
      worker.on('exit', () => this.#drop(worker));
      worker.unref();
      this.#worker = worker;
      return worker;
    } catch {
      return undefined;
    }
  }

  #settle({ id, buffer, lengths }: Reply): void {
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    if (this.#pending.size === 0) this.#worker?.unref();
    let offset = 0;
    pending.resolve(
      lengths.map((length) => {
        offset += length;
        return Buffer.from(buffer, offset - length, length);
      }),
    );
  }

  /** The worker died: forget it (the next batch starts another) and finish its work here. */
  #drop(worker: Worker): void {
    if (this.#worker === worker) this.#worker = undefined;
    this.#failPending();
  }

  #failPending(): void {
    for (const { resolve, texts } of this.#pending.values()) resolve(texts.map(gzipText));
    this.#pending.clear();
  }
}
