/**
 * The parts of a DCAT-US 1.1 `data.json` catalog that the shared mapping reads (for the datajson and
 * arcgis harvesters, Socrata's fallback and DKAN 2), including Argentina's national profile (Andino:
 * `superTheme`, `themeTaxonomy`, `publisher.mbox`, distribution `issued`/`modified`/`byteSize`).
 * Values are typed as `unknown` where publishers disagree on the shape (a string where a list
 * belongs, a number as text, an HTML licence); the mapping reads every value defensively.
 */

/** An `org:Organization`; `subOrganizationOf` nests the parent organization. */
export interface DataJsonOrganization {
  name?: unknown;
  /** Argentina's profile: the publisher's e-mail. */
  mbox?: unknown;
  '@id'?: unknown;
  subOrganizationOf?: unknown;
  [key: string]: unknown;
}

/** A `vcard:Contact`; `hasEmail` is a `mailto:` URI in DCAT-US and often a bare address elsewhere. */
export interface DataJsonContact {
  fn?: unknown;
  hasEmail?: unknown;
  [key: string]: unknown;
}

export interface DataJsonDistribution {
  identifier?: unknown;
  title?: unknown;
  description?: unknown;
  downloadURL?: unknown;
  accessURL?: unknown;
  mediaType?: unknown;
  format?: unknown;
  /** Bytes: a number or a numeric string (Argentina). */
  byteSize?: unknown;
  license?: unknown;
  rights?: unknown;
  issued?: unknown;
  modified?: unknown;
  [key: string]: unknown;
}

export interface DataJsonDataset {
  '@type'?: unknown;
  '@id'?: unknown;
  identifier?: unknown;
  title?: unknown;
  description?: unknown;
  keyword?: unknown;
  /** Labels (DCAT-US) or ids of the catalog's `themeTaxonomy` (Argentina). */
  theme?: unknown;
  /** Argentina: EU data-theme codes (`ECON`, `econ`). */
  superTheme?: unknown;
  publisher?: unknown;
  contactPoint?: unknown;
  issued?: unknown;
  modified?: unknown;
  /** ISO 8601 repeating duration (`R/P1Y`) or a word (`irregular`, `EVENTUAL`). */
  accrualPeriodicity?: unknown;
  /** A place name, a URI, a `W,S,E,N` box, a list of four numbers or GeoJSON. */
  spatial?: unknown;
  /** `start/end` (`2015-01-01/2015-12-31`) or `start/duration`. */
  temporal?: unknown;
  /** A list or a bare string: `spa`, `SPA`, `es`, `en-US`. */
  language?: unknown;
  /** A URL or a name/id; ArcGIS Hub sends HTML. */
  license?: unknown;
  /** `public`, `restricted public`, `non-public`. */
  accessLevel?: unknown;
  landingPage?: unknown;
  conformsTo?: unknown;
  distribution?: unknown;
  [key: string]: unknown;
}

/** The catalog document (some servers send the bare list of datasets instead). */
export interface DataJsonCatalog {
  dataset?: unknown;
  /** Argentina: `[{id, label, description}]`; datasets name these themes by `id`. */
  themeTaxonomy?: unknown;
  [key: string]: unknown;
}

/**
 * One source record as the harvester yields and stores it: the dataset exactly as the catalog
 * lists it, plus the catalog-level context its mapping needs, so that a stored record can be
 * mapped again (`cosecha rescore`) without the rest of the catalog.
 */
export interface DataJsonRecord {
  /** One entry of the catalog's `dataset` list, as served. */
  dataset: unknown;
  /** Labels of the `themeTaxonomy` entries the dataset names, by theme id (Argentina's profile). */
  themeLabels?: Record<string, string>;
}
