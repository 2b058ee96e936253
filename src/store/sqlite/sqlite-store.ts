/**
 * The embedded default store: one SQLite file (WAL, FTS5), no server. Build it with
 * `openSqliteStore(path)` (`':memory:'` for a throwaway store), then `await store.init()`.
 */
import type {
  DatasetRepository,
  LinkRepository,
  PortalRepository,
  ReportRepository,
  RunRepository,
  SearchRepository,
  Store,
} from '../store.js';
import { attempt, Connection } from './connection.js';
import { SqliteDatasetRepository } from './dataset-repository.js';
import { SqliteLinkRepository } from './link-repository.js';
import { SqlitePortalRepository } from './portal-repository.js';
import { SqliteReportRepository } from './report-repository.js';
import { SqliteRunRepository } from './run-repository.js';
import { RawCompressor } from './raw-codec.js';
import { migrate } from './schema.js';
import { SqliteSearchRepository } from './search/repository.js';

export class SqliteStore implements Store {
  readonly description: string;
  readonly portals: PortalRepository;
  readonly runs: RunRepository;
  readonly datasets: DatasetRepository;
  readonly search: SearchRepository;
  readonly reports: ReportRepository;
  readonly links: LinkRepository;
  readonly #connection: Connection;
  readonly #compressor = new RawCompressor();

  /** Opens (creating the file and its parent directories when needed) without touching the schema. */
  constructor(path: string) {
    this.#connection = attempt(`open ${path}`, () => new Connection(path));
    this.description = `sqlite:${path}`;
    this.portals = new SqlitePortalRepository(this.#connection);
    this.runs = new SqliteRunRepository(this.#connection);
    this.datasets = new SqliteDatasetRepository(this.#connection, this.#compressor);
    this.search = new SqliteSearchRepository(this.#connection);
    this.reports = new SqliteReportRepository(this.#connection);
    this.links = new SqliteLinkRepository(this.#connection);
  }

  async init(): Promise<void> {
    migrate(this.#connection);
    // Query-planner statistics, refreshed when tables have grown (SQLite's advice for long-lived connections).
    this.#connection.db.pragma('optimize = 0x10002');
  }

  async close(): Promise<void> {
    await this.#compressor.close();
    if (this.#connection.db.open) this.#connection.db.pragma('optimize');
    this.#connection.close();
  }
}

export function openSqliteStore(path: string): SqliteStore {
  return new SqliteStore(path);
}
