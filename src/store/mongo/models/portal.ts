/** A portal as the store knows it: one document per portal id. */
import { modelOptions, prop } from '@typegoose/typegoose';

@modelOptions({ schemaOptions: { collection: 'portals', versionKey: false } })
export class PortalDoc {
  /** The portal id. */
  @prop({ type: String, required: true })
  public _id!: string;

  @prop({ type: String, required: true })
  public name!: string;

  @prop({ type: String, required: true })
  public country!: string;

  @prop({ type: String, required: true })
  public level!: string;

  @prop({ type: String, required: true })
  public platform!: string;

  @prop({ type: String, required: true })
  public url!: string;
}
