/**
 * The parts of an OpenDataSoft Explore API v2.1 catalog dataset (`/catalog/datasets` results and
 * `/catalog/exports/json` items) that the OpenDataSoft harvester reads. The shapes describe what
 * ODS normally sends; the mapping still reads every value defensively, because metadata templates
 * are edited by hand per domain: nulls, a string where a list belongs, numbers as strings.
 */

/** A file published beside the data (`attachments`) or a ready-made export (`alternative_exports`). */
export interface OdsFile {
  id?: string;
  title?: string | null;
  mimetype?: string | null;
  /** Often the internal `odsfile://name.ext`, which no client can fetch. */
  url?: string | null;
  href?: string | null;
  [key: string]: unknown;
}

/** One column of the dataset's records. */
export interface OdsField {
  name?: string;
  label?: string | null;
  /** `text`, `int`, `double`, `date`, `datetime`, `geo_point_2d`, `geo_shape`, `file`… */
  type?: string;
  [key: string]: unknown;
}

/** The `default` metadata template, present on every domain. */
export interface OdsDefaultMetas {
  title?: string | null;
  /** HTML written in the portal's rich-text editor. */
  description?: string | null;
  theme?: string[] | string | null;
  keyword?: string[] | string | null;
  license?: string | null;
  license_url?: string | null;
  language?: string | null;
  publisher?: string | null;
  references?: string | null;
  /** Declared modification date (set by hand or updated on data changes). */
  modified?: string | null;
  data_processed?: string | null;
  metadata_processed?: string | null;
  territory?: string[] | string | null;
  geographic_reference?: string[] | string | null;
  records_count?: number | null;
  federated?: boolean | null;
  source_domain_address?: string | null;
  source_dataset?: string | null;
  [key: string]: unknown;
}

/** The `dcat` template (and `dcat_ap`, whose keys vary by domain: read as the same kind of map). */
export interface OdsDcatMetas {
  accrualperiodicity?: string | null;
  spatial?: string | null;
  temporal?: string | null;
  creator?: string | null;
  contact_email?: string | null;
  contact_name?: string | null;
  issued?: string | null;
  created?: string | null;
  granularity?: string | null;
  [key: string]: unknown;
}

export interface OdsDataset {
  dataset_id?: string;
  dataset_uid?: string;
  /** `domain` (public on the portal) or `restricted`. */
  visibility?: string;
  has_records?: boolean;
  /** `analyze`, `geo`, `timeserie`, `calendar`, `image`, `custom_view`… */
  features?: string[];
  fields?: OdsField[];
  attachments?: OdsFile[];
  alternative_exports?: OdsFile[];
  metas?: { default?: OdsDefaultMetas; dcat?: OdsDcatMetas; dcat_ap?: OdsDcatMetas; [template: string]: unknown };
  [key: string]: unknown;
}

/** A `/catalog/datasets` page. */
export interface OdsCatalogPage {
  total_count?: number;
  results: unknown[];
  [key: string]: unknown;
}

/** ODS's error body (`400`, `404`, ODSQL errors): `{error_code, message}`. */
export interface OdsErrorBody {
  error_code?: string;
  message?: string;
  [key: string]: unknown;
}
