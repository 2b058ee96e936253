/**
 * Compresses source records on a worker thread. gzip is the costliest step of writing a new or
 * changed dataset (tens of microseconds per record, most of it zlib set-up), so a batch hands its
 * records to a second core and prepares everything else meanwhile. The worker is started on first
 * use, holds the process open only while it has work, and any failure of it falls back to
 * compressing on the calling thread.
 */
import { Worker } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';

/** gzip level 1: nearly the size of level 6 on records of a few kilobytes, at half the time. */
const GZIP = { level: 1 };

// Plain JavaScript evaluated in the worker, so it runs the same under tsx and compiled.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { gzipSync } = require('node:zlib');
parentPort.on('message', ({ id, texts }) => {
  parentPort.postMessage({ id, buffers: texts.map((text) => gzipSync(text, ${JSON.stringify(GZIP)})) });
});`;

interface Reply {
  id: number;
  buffers: Uint8Array[];
}

export function gzipText(text: string): Buffer {
  return gzipSync(text, GZIP);
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

  #settle({ id, buffers }: Reply): void {
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    if (this.#pending.size === 0) this.#worker?.unref();
    pending.resolve(buffers.map((b) => Buffer.from(b.buffer, b.byteOffset, b.byteLength)));
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
