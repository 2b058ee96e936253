/**
 * The one place that turns the typegoose classes into mongoose models, for an explicit connection.
 * Nothing is registered at import time, and typegoose's global model cache is bypassed
 * (`disableCaching`): each store, and each test database, gets its own models on its own connection.
 */
import { getModelForClass, type ReturnModelType } from '@typegoose/typegoose';
import type mongoose from 'mongoose';
import { DatasetDoc } from './dataset.js';
import { LinkCheckDoc } from './link-check.js';
import { PortalDoc } from './portal.js';
import { ReportSnapshotDoc } from './report-snapshot.js';
import { RunDoc } from './run.js';

export interface MongoModels {
  portals: ReturnModelType<typeof PortalDoc>;
  runs: ReturnModelType<typeof RunDoc>;
  datasets: ReturnModelType<typeof DatasetDoc>;
  reports: ReturnModelType<typeof ReportSnapshotDoc>;
  links: ReturnModelType<typeof LinkCheckDoc>;
}

export function buildModels(conn: mongoose.Connection): MongoModels {
  const build = <C extends new () => object>(cls: C) =>
    getModelForClass(cls, { existingConnection: conn, options: { disableCaching: true } });
  return {
    portals: build(PortalDoc),
    runs: build(RunDoc),
    datasets: build(DatasetDoc),
    reports: build(ReportSnapshotDoc),
    links: build(LinkCheckDoc),
  };
}

/** What init() does with every model. */
export interface CollectionSetup {
  createCollection(): Promise<unknown>;
  createIndexes(): Promise<unknown>;
}

/** Every model, for creating collections and indexes. */
export function allModels(models: MongoModels): CollectionSetup[] {
  return [models.portals, models.runs, models.datasets, models.reports, models.links];
}
