/** Link checks, one row per URL, replaced by the latest check. */
import type { LinkCheck } from '../../links/types.js';
import type { LinkRepository } from '../store.js';
import type { Connection } from './connection.js';

export class SqliteLinkRepository implements LinkRepository {
  constructor(private readonly connection: Connection) {}

  async get(urls: readonly string[]): Promise<Map<string, LinkCheck>> {
    const select = this.connection.sql('SELECT link_check FROM links WHERE url = ?').pluck();
    const found = new Map<string, LinkCheck>();
    for (const url of new Set(urls)) {
      const text = select.get(url) as string | undefined;
      if (text !== undefined) found.set(url, JSON.parse(text) as LinkCheck);
    }
    return found;
  }

  async put(checks: readonly LinkCheck[]): Promise<void> {
    const upsert = this.connection.sql(
      'INSERT INTO links (url, link_check) VALUES (?, ?) ON CONFLICT (url) DO UPDATE SET link_check = excluded.link_check',
    );
    this.connection.transaction(() => {
      for (const check of checks) upsert.run(check.url, JSON.stringify(check));
    });
  }
}
