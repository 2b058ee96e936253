/**
 * The demo's store: one SQLite file at a named path (`data/demo.db` by default, beside the
 * default store `data/cosecha.db`), kept after the demo stops so that `cosecha report` and
 * `cosecha search` read what its pages showed. Every demo starts it afresh; it replaces a file
 * there only when that file is an earlier demo's, never a store that holds other portals.
 */
import { existsSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { ConfigError } from '../errors.js';

export const DEMO_STORE_PATH = 'data/demo.db';

/** The file and the two SQLite keeps beside it in WAL mode. */
function filesOf(path: string): string[] {
  return [path, `${path}-wal`, `${path}-shm`];
}

/**
 * Removes an earlier demo's store at `path`, so the demo starts from a clean one. A file that is
 * not a Cosecha store, or one holding a portal that is not among `demoPortalIds`, is left alone:
 * a ConfigError says so and how to choose another path.
 */
export function clearDemoStore(path: string, demoPortalIds: readonly string[]): void {
  if (!existsSync(path)) return removeDemoStore(path);
  const others = foreignPortals(path, new Set(demoPortalIds));
  if (others !== undefined && others.length === 0) return removeDemoStore(path);
  const what = others === undefined ? 'no es una tienda de Cosecha / is not a Cosecha store' : `guarda otros portales / holds other portals (${others.slice(0, 3).join(', ')})`;
  throw new ConfigError(`${path} ${what}: la demostración solo reemplaza su propia tienda / the demo replaces only its own store; choose another file with --db.`);
}

/** Removes the demo's store at `path`, with its WAL files. */
export function removeDemoStore(path: string): void {
  for (const file of filesOf(path)) rmSync(file, { force: true });
}

/** The portals of the store at `path` that are not the demo's; undefined when it is not a Cosecha store. */
function foreignPortals(path: string, demo: ReadonlySet<string>): string[] | undefined {
  let db: Database.Database | undefined;
  try {
    // Read-only: a file that turns out to be someone else's is not changed by looking.
    db = new Database(path, { readonly: true, fileMustExist: true });
    const ids = db.prepare('SELECT id FROM portals').pluck().all() as string[];
    return ids.filter((id) => !demo.has(id));
  } catch {
    return undefined;
  } finally {
    db?.close();
  }
}
