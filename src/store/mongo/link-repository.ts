/** Link checks, one document per URL, replaced by the latest check. */
import type { LinkCheck } from '../../links/types.js';
import type { LinkRepository } from '../store.js';
import { attempt, plain } from './codec.js';
import type { MongoModels } from './models/build-models.js';

interface LinkLean {
  _id: string;
  check: LinkCheck;
}

export class MongoLinkRepository implements LinkRepository {
  constructor(private readonly models: MongoModels) {}

  async get(urls: readonly string[]): Promise<Map<string, LinkCheck>> {
    const found = new Map<string, LinkCheck>();
    if (urls.length === 0) return found;
    const docs = await attempt('read link checks', () =>
      this.models.links.find({ _id: { $in: [...new Set(urls)] } }).lean<LinkLean[]>().exec(),
    );
    for (const doc of docs) found.set(doc._id, doc.check);
    return found;
  }

  async put(checks: readonly LinkCheck[]): Promise<void> {
    if (checks.length === 0) return;
    const ops = checks.map((check) => ({
      replaceOne: { filter: { _id: check.url }, replacement: { _id: check.url, check: plain(check) }, upsert: true },
    }));
    // mongoose validates a bulk replacement as a whole document, so it carries its _id. Ordered:
    // when one batch names a URL twice, the later check wins, as in a loop of upserts.
    await attempt('save link checks', () => this.models.links.bulkWrite(ops, { ordered: true }));
  }
}
