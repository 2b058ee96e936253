/** One report snapshot: a report as it stood after a run. The history of a scope is its snapshots. */
import { index, modelOptions, prop, Severity } from '@typegoose/typegoose';
import mongoose from 'mongoose';

/** `_id` is an ObjectId: it breaks ties between snapshots of the same millisecond, in insert order. */
@index({ scopeKind: 1, scopeId: 1, at: -1, _id: -1 })
@modelOptions({
  schemaOptions: { collection: 'reports', versionKey: false, minimize: false },
  options: { allowMixed: Severity.ALLOW },
})
export class ReportSnapshotDoc {
  @prop({ type: String, required: true })
  public scopeKind!: string;

  @prop({ type: String, required: true })
  public scopeId!: string;

  @prop({ type: String })
  public runId?: string;

  /** `createdAt` exactly as saved. */
  @prop({ type: String, required: true })
  public createdAt!: string;

  /** `createdAt` as a date, for ordering and `since`. */
  @prop({ type: Date, required: true })
  public at!: Date;

  /** The report, as JSON. */
  @prop({ type: mongoose.Schema.Types.Mixed })
  public report?: unknown;
}
