/** Portals: one document each, replaced whole on upsert. */
import type { PortalRecord, PortalRepository } from '../store.js';
import { attempt } from './codec.js';
import type { MongoModels } from './models/build-models.js';

interface PortalLean {
  _id: string;
  name: string;
  country: string;
  level: PortalRecord['level'];
  platform: string;
  url: string;
}

export class MongoPortalRepository implements PortalRepository {
  constructor(private readonly models: MongoModels) {}

  async upsert(portal: PortalRecord): Promise<void> {
    const { id, name, country, level, platform, url } = portal;
    await attempt(`save portal ${id}`, () =>
      this.models.portals.replaceOne({ _id: id }, { _id: id, name, country, level, platform, url }, { upsert: true }).exec(),
    );
  }

  async get(id: string): Promise<PortalRecord | undefined> {
    const doc = await attempt(`read portal ${id}`, () => this.models.portals.findById(id).lean<PortalLean>().exec());
    return doc ? toPortal(doc) : undefined;
  }

  async list(): Promise<PortalRecord[]> {
    const docs = await attempt('list portals', () => this.models.portals.find().sort({ _id: 1 }).lean<PortalLean[]>().exec());
    return docs.map(toPortal);
  }
}

function toPortal(doc: PortalLean): PortalRecord {
  return { id: doc._id, name: doc.name, country: doc.country, level: doc.level, platform: doc.platform, url: doc.url };
}
