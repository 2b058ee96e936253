/**
 * The parts of a Socrata Discovery API (`/api/catalog/v1`) reply and of a Socrata `/data.json`
 * (DCAT-US 1.1) that the Socrata harvester reads. Everything else is kept as `unknown`; the mapping
 * reads every value defensively, because portals send nulls and the occasional wrong type.
 */
import type { DataJsonDataset } from './datajson-types.js';

/** A Socrata user account (`owner`, `creator`). */
export interface SocrataUser {
  id?: string;
  user_type?: string;
  display_name?: string;
  [key: string]: unknown;
}

/** `resource`: the asset itself. Times are ISO 8601 in UTC (`2024-01-18T16:10:19.000Z`). */
export interface SocrataResource {
  /** The four-by-four id (`gt2j-8ykr`). */
  id?: string;
  name?: string | null;
  description?: string | null;
  /** The producing institution, as the publisher typed it. */
  attribution?: string | null;
  attribution_link?: string | null;
  contact_email?: string | null;
  /** `dataset` for tabular assets (`only=datasets`). */
  type?: string;
  /** The latest of the data and the metadata changes. */
  updatedAt?: string | null;
  createdAt?: string | null;
  publication_date?: string | null;
  metadata_updated_at?: string | null;
  data_updated_at?: string | null;
  /** `tabular`, `blobby` (a file), `href` (a link to elsewhere), `geo`… */
  lens_view_type?: string | null;
  [key: string]: unknown;
}

/** One custom metadata field: `Información-de-Datos_Frecuencia-de-Actualización` → `Anual`. */
export interface SocrataDomainField {
  key?: string;
  value?: unknown;
}

export interface SocrataClassification {
  /** Socrata-wide categories (usually empty on Latin American portals). */
  categories?: string[];
  tags?: string[];
  /** The portal's own category. */
  domain_category?: string | null;
  domain_tags?: string[];
  /** The portal's custom fields, `<fieldset>_<field>` with dashes for spaces. */
  domain_metadata?: SocrataDomainField[];
  [key: string]: unknown;
}

/** One result of the Discovery API. */
export interface SocrataRecord {
  resource?: SocrataResource;
  classification?: SocrataClassification;
  /** `domain` is the portal the asset belongs to: another one for a federated copy. */
  metadata?: { domain?: string; license?: string | null; [key: string]: unknown };
  /** `https://<domain>/d/<id>`. */
  permalink?: string;
  /** `https://<domain>/<Category>/<Name>/<id>`: the dataset's page. */
  link?: string;
  owner?: SocrataUser;
  creator?: SocrataUser;
  [key: string]: unknown;
}

/** The Discovery API reply. */
export interface DiscoveryReply {
  results?: unknown;
  /** How many assets match the query (all pages, federated copies included). */
  resultSetSize?: unknown;
  [key: string]: unknown;
}

/** A DCAT-US 1.1 dataset of `/data.json`, read when the Discovery API is not available: data.json's own type. */
export type { DataJsonDataset } from './datajson-types.js';

/** What the Socrata harvester yields: Discovery records, or data.json datasets in the fallback. */
export type SocrataRaw = SocrataRecord | DataJsonDataset;
