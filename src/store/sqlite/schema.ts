/**
 * The SQLite schema as an ordered list of migrations. `PRAGMA user_version` records how many have
 * been applied, so a file written by an older Cosecha is brought up to date on open. Never edit a
 * released migration: append a new one.
 */
import { StoreError } from '../../errors.js';
import { attempt, type Connection } from './connection.js';
import { V6_SEARCH_CHANGES } from './search/changes-sql.js';

export interface Migration {
  /** 1, 2, 3…: the user_version the file has once this migration is applied. */
  version: number;
  description: string;
  sql: string;
}

const V1_TABLES = `
CREATE TABLE portals (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  country TEXT NOT NULL,
  level TEXT NOT NULL,
  platform TEXT NOT NULL,
  url TEXT NOT NULL
) STRICT;

-- seq: insertion order, the tie-break between runs started in the same millisecond.
CREATE TABLE runs (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  portal_id TEXT NOT NULL,
  mode TEXT NOT NULL,
  status TEXT NOT NULL,
  owner TEXT NOT NULL,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  lease_until TEXT NOT NULL,
  counts TEXT NOT NULL,
  failures TEXT NOT NULL,
  error TEXT
) STRICT;
CREATE INDEX runs_by_portal ON runs (portal_id, started_at);
CREATE INDEX runs_by_status ON runs (status, lease_until);

-- One narrow row per dataset: the facet columns (indexed with state, so a facet count over the
-- active datasets is an index-only scan) and the bookkeeping. The documents live in their own
-- tables below, so scans, joins and facet counts here never page in kilobytes of JSON.
CREATE TABLE datasets (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  portal_id TEXT NOT NULL,
  country TEXT NOT NULL,
  level TEXT NOT NULL,
  state TEXT NOT NULL,
  title TEXT NOT NULL,
  publisher TEXT,
  license TEXT,
  rating TEXT NOT NULL,
  score REAL NOT NULL,
  mqa REAL NOT NULL,
  modified TEXT,
  hash TEXT NOT NULL,
  first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL,
  last_seen_run_id TEXT NOT NULL,
  withdrawn_at TEXT
) STRICT;
CREATE INDEX datasets_by_portal ON datasets (portal_id, state, id);
CREATE INDEX datasets_by_country ON datasets (country, state);
CREATE INDEX datasets_by_level ON datasets (level, state);
CREATE INDEX datasets_by_publisher ON datasets (publisher, state);
CREATE INDEX datasets_by_license ON datasets (license, state);
CREATE INDEX datasets_by_rating ON datasets (rating, state);
CREATE INDEX datasets_by_mqa ON datasets (mqa);
CREATE INDEX datasets_by_modified ON datasets (modified);
CREATE INDEX datasets_by_score ON datasets (state, score DESC, title);

-- The DCAT record (JSON), rewritten only when its hash changes.
CREATE TABLE dataset_records (
  dataset_pk INTEGER PRIMARY KEY REFERENCES datasets (pk) ON DELETE CASCADE,
  record TEXT NOT NULL
) STRICT;

-- The quality (JSON), rewritten by every run and every rescore.
CREATE TABLE dataset_quality (
  dataset_pk INTEGER PRIMARY KEY REFERENCES datasets (pk) ON DELETE CASCADE,
  quality TEXT NOT NULL
) STRICT;

-- Multi-valued facets: one row per distinct value of a dataset.
CREATE TABLE dataset_themes (
  dataset_pk INTEGER NOT NULL REFERENCES datasets (pk) ON DELETE CASCADE,
  value TEXT NOT NULL,
  PRIMARY KEY (dataset_pk, value)
) STRICT, WITHOUT ROWID;
CREATE INDEX dataset_themes_by_value ON dataset_themes (value);
CREATE TABLE dataset_formats (
  dataset_pk INTEGER NOT NULL REFERENCES datasets (pk) ON DELETE CASCADE,
  value TEXT NOT NULL,
  PRIMARY KEY (dataset_pk, value)
) STRICT, WITHOUT ROWID;
CREATE INDEX dataset_formats_by_value ON dataset_formats (value);

-- The source record, gzip-compressed JSON, read only by getRaw.
CREATE TABLE dataset_raw (
  dataset_pk INTEGER PRIMARY KEY REFERENCES datasets (pk) ON DELETE CASCADE,
  raw BLOB
) STRICT;

-- Contentless FTS5 with contentless_delete: the text already lives in the dataset JSON, so an
-- external-content table would need the same text copied into columns (or a view) and the old
-- values supplied on every delete. Here a row is deleted or replaced by rowid (= datasets.pk);
-- bm25 ranking works without stored content; snippets are not needed.
CREATE VIRTUAL TABLE datasets_fts USING fts5 (
  title, description, keywords, publisher,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- created_ms: createdAt as epoch milliseconds, so order and "since" do not depend on how the ISO text was written.
CREATE TABLE reports (
  seq INTEGER PRIMARY KEY,
  scope_kind TEXT NOT NULL,
  scope_id TEXT NOT NULL,
  run_id TEXT,
  created_at TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  report TEXT NOT NULL
) STRICT;
CREATE INDEX reports_by_scope ON reports (scope_kind, scope_id, created_ms);

CREATE TABLE links (
  url TEXT PRIMARY KEY,
  link_check TEXT NOT NULL
) STRICT;
`;

/**
 * Faster writes and facet counts, measured at 100k datasets: record and source record in one
 * table (they change together); facet indexes lead with state, so a count over the active
 * datasets is an ordered scan of one index; side tables hold active datasets only.
 */
const V2_DOCUMENTS_AND_FACET_INDEXES = `
CREATE TABLE dataset_documents (
  dataset_pk INTEGER PRIMARY KEY REFERENCES datasets (pk) ON DELETE CASCADE,
  record TEXT NOT NULL,
  raw BLOB
) STRICT;
INSERT INTO dataset_documents (dataset_pk, record, raw)
  SELECT r.dataset_pk, r.record, w.raw FROM dataset_records r LEFT JOIN dataset_raw w ON w.dataset_pk = r.dataset_pk;
DROP TABLE dataset_records;
DROP TABLE dataset_raw;

DROP INDEX datasets_by_country;
DROP INDEX datasets_by_level;
DROP INDEX datasets_by_publisher;
DROP INDEX datasets_by_license;
DROP INDEX datasets_by_rating;
DROP INDEX datasets_by_mqa;
DROP INDEX datasets_by_modified;
CREATE INDEX datasets_by_country ON datasets (state, country);
CREATE INDEX datasets_by_level ON datasets (state, level);
CREATE INDEX datasets_by_publisher ON datasets (state, publisher);
CREATE INDEX datasets_by_license ON datasets (state, license);
CREATE INDEX datasets_by_rating ON datasets (state, rating);
CREATE INDEX datasets_by_mqa ON datasets (state, mqa);
CREATE INDEX datasets_by_modified ON datasets (state, modified);

DELETE FROM dataset_themes WHERE dataset_pk IN (SELECT pk FROM datasets WHERE state = 'withdrawn');
DELETE FROM dataset_formats WHERE dataset_pk IN (SELECT pk FROM datasets WHERE state = 'withdrawn');
`;

/**
 * Datasets that several portals list (store/cluster-keys.ts): each record's keys, and its cluster
 * (the pk of the cluster's first-stored member; NULL for a dataset no other portal lists).
 * `keyed` is the version of the key rules a record's keys follow (0: none yet); recluster
 * recomputes the keys of records below the current CLUSTER_KEYS_VERSION.
 */
const V3_CLUSTERS = `
ALTER TABLE datasets ADD COLUMN cluster INTEGER;
ALTER TABLE datasets ADD COLUMN keyed INTEGER NOT NULL DEFAULT 0;
CREATE INDEX datasets_by_cluster ON datasets (cluster) WHERE cluster IS NOT NULL;
CREATE TABLE dataset_keys (
  dataset_pk INTEGER NOT NULL REFERENCES datasets (pk) ON DELETE CASCADE,
  key TEXT NOT NULL,
  PRIMARY KEY (dataset_pk, key)
) STRICT, WITHOUT ROWID;
`;

/** Harvested copies (store/cluster-keys.ts, isHarvestedCopy): a cluster shows its origin before them. */
const V4_COPIES = `
ALTER TABLE datasets ADD COLUMN copy INTEGER NOT NULL DEFAULT 0;
`;

/**
 * A run's notes (why a complete full run withdrew nothing: store.ts, RunNote) and the count its
 * portal declared; each dataset's source hash: the hash of the source record as the harvester read
 * it, with the version of the mapping that read it, so that an unchanged record can be recognized
 * before it is mapped again.
 */
const V5_RUN_NOTES_AND_SOURCE_HASHES = `
ALTER TABLE runs ADD COLUMN notes TEXT NOT NULL DEFAULT '[]';
ALTER TABLE runs ADD COLUMN declared INTEGER;
ALTER TABLE datasets ADD COLUMN source_hash TEXT;
CREATE INDEX datasets_by_source_hash ON datasets (portal_id, source_hash) WHERE source_hash IS NOT NULL;
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, description: 'portals, runs, datasets with facets and full text, reports, links', sql: V1_TABLES },
  { version: 2, description: 'dataset documents in one table, facet indexes led by state', sql: V2_DOCUMENTS_AND_FACET_INDEXES },
  { version: 3, description: 'cluster keys and clusters of datasets several portals list', sql: V3_CLUSTERS },
  { version: 4, description: 'harvested copies, shown after their origin', sql: V4_COPIES },
  { version: 5, description: 'run notes and source hashes', sql: V5_RUN_NOTES_AND_SOURCE_HASHES },
  { version: 6, description: 'the change log of the search index; pages ordered by one index', sql: V6_SEARCH_CHANGES },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/**
 * Applies the migrations the file lacks, each in its own write transaction with its version bump.
 * The version is read inside the transaction, so two processes opening one file never apply a
 * migration twice.
 */
export function migrate(connection: Connection, migrations: readonly Migration[] = MIGRATIONS): void {
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const current = schemaVersion(connection);
  if (current > latest) {
    throw new StoreError(
      `SQLite store ${connection.path} has schema version ${current}, newer than this Cosecha knows (${latest}); upgrade Cosecha.`,
      { code: 'store_schema_newer' },
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    attempt(`apply migration ${migration.version} (${migration.description})`, () =>
      connection.transaction(() => {
        if (schemaVersion(connection) >= migration.version) return;
        connection.db.exec(migration.sql);
        connection.db.pragma(`user_version = ${migration.version}`);
      }, 'immediate'),
    );
  }
}

export function schemaVersion(connection: Connection): number {
  return connection.db.pragma('user_version', { simple: true }) as number;
}
