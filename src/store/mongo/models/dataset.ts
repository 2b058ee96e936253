/**
 * One harvested dataset: the DCAT record and its quality as plain JSON, the compressed source
 * record, and what search filters, counts, matches and orders by (facet values, score, title,
 * folded words), computed once at write time.
 */
import { index, modelOptions, prop, Severity } from '@typegoose/typegoose';
import mongoose from 'mongoose';

/** Facet values of a dataset, as search filters and counts them. */
@modelOptions({ schemaOptions: { _id: false, versionKey: false } })
export class DatasetFacets {
  @prop({ type: String, required: true })
  public portal!: string;

  @prop({ type: String, required: true })
  public country!: string;

  @prop({ type: String, required: true })
  public level!: string;

  @prop({ type: String })
  public publisher?: string;

  @prop({ type: () => [String], default: undefined })
  public theme?: string[];

  @prop({ type: () => [String], default: undefined })
  public format?: string[];

  @prop({ type: String })
  public license?: string;

  @prop({ type: String, required: true })
  public rating!: string;
}

/**
 * Folded words (lower case, no diacritics: search-text.ts) of the fields full-text search covers.
 * `all` is what a query must match; the per-field lists weigh a match (title above keywords above
 * publisher above description), as the SQLite adapter's bm25 weights do.
 */
@modelOptions({ schemaOptions: { _id: false, versionKey: false } })
export class DatasetWords {
  /** Title, description, keywords and publisher, distinct. */
  @prop({ type: () => [String], default: undefined })
  public all?: string[];

  @prop({ type: () => [String], default: undefined })
  public title?: string[];

  @prop({ type: () => [String], default: undefined })
  public keywords?: string[];

  @prop({ type: () => [String], default: undefined })
  public publisher?: string[];
}

@index({ portalId: 1, state: 1, _id: 1 })
@index({ portalId: 1, _id: 1 })
@index({ state: 1, _id: 1 })
@index({ cluster: 1 }, { sparse: true })
@index({ portalId: 1, sourceHash: 1 }, { sparse: true })
/** Facet filters narrow the main search aggregation's first $match (search-pipeline.ts). */
@index({ 'facets.country': 1, state: 1 })
@index({ 'facets.level': 1, state: 1 })
@index({ 'facets.publisher': 1, state: 1 })
@index({ 'facets.theme': 1, state: 1 })
@index({ 'facets.format': 1, state: 1 })
@index({ 'facets.license': 1, state: 1 })
@index({ 'facets.rating': 1, state: 1 })
/** Whole words match by equality, the last (prefix) word by an anchored regex: both are index ranges. */
@index({ 'words.all': 1 })
@modelOptions({
  schemaOptions: { collection: 'datasets', versionKey: false, minimize: false },
  options: { allowMixed: Severity.ALLOW },
})
export class DatasetDoc {
  /** The dataset id, `<portalId>:<sourceId>`. */
  @prop({ type: String, required: true })
  public _id!: string;

  @prop({ type: String, required: true })
  public portalId!: string;

  /** `active` or `withdrawn`. */
  @prop({ type: String, required: true })
  public state!: string;

  /** `dataset.provenance.hash`, for change detection without reading the record. */
  @prop({ type: String, required: true })
  public hash!: string;

  /** harvest/source-hash.ts: the source record's hash, to know it unchanged before mapping it. */
  @prop({ type: String })
  public sourceHash?: string;

  @prop({ type: String, required: true })
  public firstSeen!: string;

  @prop({ type: String, required: true })
  public lastSeen!: string;

  @prop({ type: String, required: true })
  public lastSeenRunId!: string;

  @prop({ type: String })
  public withdrawnAt?: string;

  /** The DCAT record (Dataset), as JSON. */
  @prop({ type: mongoose.Schema.Types.Mixed, required: true })
  public dataset!: unknown;

  /** Its Quality, as JSON. */
  @prop({ type: mongoose.Schema.Types.Mixed, required: true })
  public quality!: unknown;

  /** The source record, JSON then gzip; absent when the harvester gave none. */
  @prop({ type: Buffer })
  public raw?: Buffer;

  @prop({ type: () => DatasetFacets, required: true })
  public facets!: DatasetFacets;

  /** The dataset title, for ordering. */
  @prop({ type: String, required: true })
  public title!: string;

  /** `quality.total`, for ordering. */
  @prop({ type: Number, required: true })
  public score!: number;

  /** `quality.mqa`, for the summary. */
  @prop({ type: Number, required: true })
  public mqa!: number;

  @prop({ type: () => DatasetWords, required: true })
  public words!: DatasetWords;

  /** The record's cluster keys (store/cluster-keys.ts), written with the record. */
  @prop({ type: () => [String], default: undefined })
  public clusterKeys?: string[];

  /** The version of the key rules `clusterKeys` follows (CLUSTER_KEYS_VERSION); recluster recomputes older ones. */
  @prop({ type: Number })
  public clusterKeysVersion?: number;

  /** A harvested copy (isHarvestedCopy): its cluster is shown as its origin. */
  @prop({ type: Boolean })
  public copy?: boolean;

  /** When other portals list the same dataset: the id of the cluster's first-stored member (recluster). */
  @prop({ type: String })
  public cluster?: string;
}
