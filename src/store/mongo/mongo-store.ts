/**
 * The MongoDB store, for deployments that outgrow one machine: several API and worker processes
 * share one database (a plain mongod, a replica set or a sharded cluster). Build it with
 * `await openMongoStore('mongodb://host:27017/cosecha')`, then `await store.init()` to create the
 * collections and indexes (idempotent, safe when several processes start at once).
 */
import mongoose from 'mongoose';
import { messageOf, StoreError } from '../../errors.js';
import type { Store } from '../store.js';
import { attempt } from './codec.js';
import { MongoDatasetRepository } from './dataset-repository.js';
import { MongoLinkRepository } from './link-repository.js';
import { allModels, buildModels, type MongoModels } from './models/build-models.js';
import { MongoPortalRepository } from './portal-repository.js';
import { MongoReportRepository } from './report-repository.js';
import { MongoRunRepository } from './run-repository.js';
import { MongoSearchRepository } from './search-repository.js';

export interface MongoStoreOptions {
  /** Database to use instead of the one the URI names (tests use a fresh one each). Default: the URI's, else `cosecha`. */
  dbName?: string;
  /** How long to wait for a server before giving up. Default 10 000 ms. */
  serverSelectionTimeoutMS?: number;
}

const DEFAULT_DB = 'cosecha';
const DEFAULT_SERVER_SELECTION_TIMEOUT_MS = 10_000;

export class MongoStore implements Store {
  readonly description: string;
  readonly portals: MongoPortalRepository;
  readonly runs: MongoRunRepository;
  readonly datasets: MongoDatasetRepository;
  readonly search: MongoSearchRepository;
  readonly reports: MongoReportRepository;
  readonly links: MongoLinkRepository;
  readonly #connection: mongoose.Connection;
  readonly #models: MongoModels;

  /** Takes an open connection; use openMongoStore() to make one. */
  constructor(connection: mongoose.Connection, description: string) {
    this.#connection = connection;
    this.#models = buildModels(connection);
    this.description = description;
    this.portals = new MongoPortalRepository(this.#models);
    this.runs = new MongoRunRepository(this.#models);
    this.datasets = new MongoDatasetRepository(this.#models);
    this.search = new MongoSearchRepository(this.#models);
    this.reports = new MongoReportRepository(this.#models);
    this.links = new MongoLinkRepository(this.#models);
  }

  /** Creates the collections and the indexes the models declare; existing ones are left as they are. */
  async init(): Promise<void> {
    await attempt(`create the collections and indexes of ${this.description}`, async () => {
      for (const model of allModels(this.#models)) {
        await model.createCollection();
        await model.createIndexes();
      }
    });
  }

  async close(): Promise<void> {
    await this.#connection.close();
  }
}

/** Connects to MongoDB; fails with a StoreError that names the server (never its credentials). */
export async function openMongoStore(uri: string, options: MongoStoreOptions = {}): Promise<MongoStore> {
  const { hosts, database } = parseUri(uri);
  const dbName = options.dbName ?? database ?? DEFAULT_DB;
  const description = `mongodb://${hosts}/${dbName}`;
  const connection = mongoose.createConnection(uri, {
    dbName,
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? DEFAULT_SERVER_SELECTION_TIMEOUT_MS,
    // Collections and indexes are made by init(), never as a side effect of building a model.
    autoIndex: false,
    autoCreate: false,
    ignoreUndefined: true,
  });
  try {
    await connection.asPromise();
  } catch (e) {
    await connection.close().catch(() => undefined);
    throw new StoreError(`MongoDB store: could not connect to ${description}: ${messageOf(e)}`, { cause: e, code: 'store_unreachable' });
  }
  return new MongoStore(connection, description);
}

/** The hosts and database of a MongoDB URI, leaving out user, password and options (which may hold secrets). */
function parseUri(uri: string): { hosts: string; database?: string } {
  const match = /^mongodb(?:\+srv)?:\/\/(?:[^@/]*@)?([^/?]*)(?:\/([^?]*))?/.exec(uri);
  if (!match) throw new StoreError(`The MongoDB URI '${uri.replace(/\/\/[^@/]*@/, '//')}' is not a mongodb:// URL.`, { code: 'bad_store_url' });
  const database = match[2] ? decodeURIComponent(match[2]) : undefined;
  return { hosts: match[1], database: database || undefined };
}
