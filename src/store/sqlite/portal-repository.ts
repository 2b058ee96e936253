/** Portals: one row each, replaced whole on upsert. */
import type { PortalRecord, PortalRepository } from '../store.js';
import type { Connection } from './connection.js';

export class SqlitePortalRepository implements PortalRepository {
  constructor(private readonly connection: Connection) {}

  async upsert(portal: PortalRecord): Promise<void> {
    this.connection
      .sql(
        `INSERT INTO portals (id, name, country, level, platform, url) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, country = excluded.country,
           level = excluded.level, platform = excluded.platform, url = excluded.url`,
      )
      .run(portal.id, portal.name, portal.country, portal.level, portal.platform, portal.url);
  }

  async get(id: string): Promise<PortalRecord | undefined> {
    const row = this.connection.sql('SELECT id, name, country, level, platform, url FROM portals WHERE id = ?').get(id);
    return row === undefined ? undefined : { ...(row as PortalRecord) };
  }

  async list(): Promise<PortalRecord[]> {
    const rows = this.connection.sql('SELECT id, name, country, level, platform, url FROM portals ORDER BY id').all();
    return rows.map((row) => ({ ...(row as PortalRecord) }));
  }
}
