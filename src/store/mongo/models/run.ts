/** A harvest run. The running run of a portal doubles as the portal's lease (see the index). */
import { index, modelOptions, prop, Severity } from '@typegoose/typegoose';
import mongoose from 'mongoose';

/**
 * At most one `running` run per portal, enforced by the server: two processes that try to start a
 * run of the same portal at once both insert, and the unique partial index lets exactly one insert
 * through (the other gets a duplicate-key error, read as LeaseHeldError). No read-then-write race.
 */
@index({ portalId: 1 }, { unique: true, partialFilterExpression: { status: 'running' }, name: 'one_running_run_per_portal' })
@index({ portalId: 1, startedAt: -1, seq: -1 })
@index({ startedAt: -1, seq: -1 })
@index({ status: 1, leaseUntil: 1 })
@modelOptions({
  schemaOptions: { collection: 'runs', versionKey: false, minimize: false },
  options: { allowMixed: Severity.ALLOW },
})
export class RunDoc {
  /** The run id (a UUID). */
  @prop({ type: String, required: true })
  public _id!: string;

  /**
   * Insertion order, the tie-break between runs started in the same millisecond: an ObjectId made
   * by the inserting process, whose counter only grows.
   */
  @prop({ type: mongoose.Types.ObjectId, required: true })
  public seq!: mongoose.Types.ObjectId;

  @prop({ type: String, required: true })
  public portalId!: string;

  @prop({ type: String, required: true })
  public mode!: string;

  @prop({ type: String, required: true })
  public status!: string;

  @prop({ type: String, required: true })
  public owner!: string;

  @prop({ type: Date, required: true })
  public startedAt!: Date;

  @prop({ type: Date })
  public finishedAt?: Date;

  @prop({ type: Date, required: true })
  public leaseUntil!: Date;

  /** RunCounts, as a plain object. */
  @prop({ type: mongoose.Schema.Types.Mixed, required: true })
  public counts!: unknown;

  /** RecordFailure[], as plain objects. */
  @prop({ type: mongoose.Schema.Types.Mixed, required: true })
  public failures!: unknown;

  /** RunNote[], as plain objects (absent on runs stored before notes existed). */
  @prop({ type: mongoose.Schema.Types.Mixed })
  public notes?: unknown;

  /** How many records the portal said the listing holds. */
  @prop({ type: Number })
  public declared?: number;

  /** Run['error'], as a plain object. */
  @prop({ type: mongoose.Schema.Types.Mixed })
  public error?: unknown;
}
