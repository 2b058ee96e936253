/** The one SQLite connection a store holds, its pragmas and its prepared-statement cache. */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { isCosechaError, messageOf, StoreError } from '../../errors.js';

export type Statement = Database.Statement<unknown[], unknown>;

/** Statements whose SQL is built per query (search) are cached too; past this many the cache restarts. */
const MAX_CACHED_STATEMENTS = 500;

export class Connection {
  readonly db: Database.Database;
  readonly #statements = new Map<string, Statement>();

  constructor(readonly path: string) {
    if (!isMemoryPath(path)) mkdirSync(dirname(resolve(path)), { recursive: true });
    this.db = new Database(path);
    // 16 KiB pages hold a record's few kilobytes of JSON inline rather than on overflow pages (new files only).
    this.db.pragma('page_size = 16384');
    this.db.pragma('journal_mode = WAL');
    // NORMAL is durable across process crashes in WAL mode; only an OS crash can lose the last commits.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('cache_size = -65536');
    this.db.pragma('temp_store = MEMORY');
  }

  /** A prepared statement, compiled once per connection (prepared lazily so the schema may come later). */
  sql(text: string): Statement {
    let statement = this.#statements.get(text);
    if (!statement) {
      if (this.#statements.size >= MAX_CACHED_STATEMENTS) this.#statements.clear();
      statement = this.db.prepare<unknown[], unknown>(text);
      this.#statements.set(text, statement);
    }
    return statement;
  }

  /** Runs `fn` in one transaction (BEGIN IMMEDIATE when asked: takes the write lock up front). */
  transaction<T>(fn: () => T, mode: 'deferred' | 'immediate' = 'deferred'): T {
    const tx = this.db.transaction(fn);
    return mode === 'immediate' ? tx.immediate() : tx();
  }

  close(): void {
    this.#statements.clear();
    if (this.db.open) this.db.close();
  }
}

export function isMemoryPath(path: string): boolean {
  return path === ':memory:' || path === '';
}

/** Runs `fn`; a failure that is not already a Cosecha error becomes a StoreError that says what was being done. */
export function attempt<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (isCosechaError(e)) throw e;
    throw new StoreError(`SQLite store: could not ${what}: ${messageOf(e)}`, { cause: e });
  }
}

/** `attempt` for work that awaits. */
export async function attemptAsync<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isCosechaError(e)) throw e;
    throw new StoreError(`SQLite store: could not ${what}: ${messageOf(e)}`, { cause: e });
  }
}

/** JSON text of a column that may be NULL. */
export function parseJson<T>(text: string | null | undefined): T | undefined {
  return text == null ? undefined : (JSON.parse(text) as T);
}
