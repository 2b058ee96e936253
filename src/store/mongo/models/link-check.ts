/** The latest check of one URL. */
import { modelOptions, prop, Severity } from '@typegoose/typegoose';
import mongoose from 'mongoose';

@modelOptions({
  schemaOptions: { collection: 'link_checks', versionKey: false, minimize: false },
  options: { allowMixed: Severity.ALLOW },
})
export class LinkCheckDoc {
  /** The URL checked. */
  @prop({ type: String, required: true })
  public _id!: string;

  /** The LinkCheck, as JSON. */
  @prop({ type: mongoose.Schema.Types.Mixed, required: true })
  public check!: unknown;
}
