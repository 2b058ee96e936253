/**
 * The DCAT record Cosecha stores for every harvested dataset.
 *
 * Property names follow DCAT / DCAT-AP 3 in camelCase so that the JSON-LD export is a mapping.
 * Wherever a value is normalized against a vocabulary, the source value is kept beside it
 * (`raw`) so a report can say "declared 'Anual', read as ANNUAL".
 */

/** A value read against a vocabulary: `code` is set only when the raw value was recognized. */
export interface Coded {
  /** The vocabulary code (EU file type, EU frequency, IANA media type, EU access right…). */
  code?: string;
  /** The value exactly as the source declared it. */
  raw?: string;
}

/** A date as declared, and its ISO 8601 reading when it could be parsed. */
export interface DateValue {
  /** ISO 8601 (`2024-03-01` or `2024-03-01T10:00:00.000Z`); absent when the raw value did not parse. */
  value?: string;
  /** The value exactly as the source declared it. */
  raw?: string;
}

/** A publisher or another agent (foaf:Agent). */
export interface Agent {
  name?: string;
  /** The source's own id for the agent (a CKAN organization name, say). */
  id?: string;
  uri?: string;
  email?: string;
}

/** A vcard:Kind contact point. */
export interface ContactPoint {
  name?: string;
  email?: string;
  url?: string;
}

/** A theme: an EU data-theme code when one applies, and the source's own label. */
export interface Theme {
  /** EU data theme (AGRI, ECON, EDUC, ENER, ENVI, GOVE, HEAL, INTR, JUST, REGI, SOCI, TECH, TRAN). */
  code?: string;
  label: string;
}

export interface Temporal {
  start?: DateValue;
  end?: DateValue;
  raw?: string;
}

export interface Spatial {
  label?: string;
  uri?: string;
  /** West, south, east, north in WGS84 degrees. */
  bbox?: [number, number, number, number];
}

/** A licence as declared, with its canonical reading. */
export interface License {
  /** Canonical id (SPDX where one exists: `CC-BY-4.0`, `ODbL-1.0`, …); absent when not recognized. */
  id?: string;
  /** True when the canonical licence conforms to the Open Definition. */
  open?: boolean;
  /** Declared id, name or text. */
  raw?: string;
  /** Declared URL. */
  url?: string;
  /** Declared human-readable title. */
  title?: string;
}

export interface Checksum {
  algorithm?: string;
  value: string;
}

export interface Distribution {
  /** Stable within the dataset: the source's resource id, else the URL. */
  id: string;
  title?: string;
  description?: string;
  accessURL?: string;
  downloadURL?: string;
  /** EU file-type code (CSV, XLSX, PDF, …) and the declared format. */
  format?: Coded;
  /** IANA media type (code) and the declared one. */
  mediaType?: Coded;
  byteSize?: number;
  license?: License;
  rights?: string;
  issued?: DateValue;
  modified?: DateValue;
  checksum?: Checksum;
}

export interface Provenance {
  harvestedAt: string;
  runId: string;
  /** The URL the record was read from (API call or document). */
  sourceUrl: string;
  /** The source's own modification time of the metadata record (CKAN `metadata_modified`). */
  sourceModified?: string;
  /** Content hash of the normalized record without provenance: change detection. */
  hash: string;
}

export interface Dataset {
  /** `<portalId>:<sourceId>`, stable across runs. */
  id: string;
  portalId: string;
  sourceId: string;
  identifier?: string;
  title: string;
  description?: string;
  keywords: string[];
  themes: Theme[];
  publisher?: Agent;
  contactPoint?: ContactPoint;
  issued?: DateValue;
  modified?: DateValue;
  /** EU frequency code (ANNUAL, MONTHLY, IRREG, UNKNOWN, …) and the declared label. */
  accrualPeriodicity?: Coded;
  temporal?: Temporal;
  spatial?: Spatial;
  /** EU language codes (SPA, ENG, QUE, …). */
  language: string[];
  license?: License;
  /** EU access right (PUBLIC, RESTRICTED, NON_PUBLIC) and the declared value. */
  accessRights?: Coded;
  landingPage?: string;
  conformsTo: string[];
  version?: string;
  distributions: Distribution[];
  /** Identifiers of the source records this one was harvested from (CKAN harvest extras). */
  source?: { harvestSourceUrl?: string; harvestObjectId?: string };
  provenance: Provenance;
}

/**
 * What a harvester's pure mapping returns: the record as the source states it, before
 * normalization fills codes, identity, hash and provenance.
 */
export type DatasetDraft = Omit<Dataset, 'id' | 'portalId' | 'provenance'> & {
  /** When the source says when the metadata record itself last changed. */
  sourceModified?: string;
};

export type Level = 'national' | 'subnational' | 'municipal';
/** The levels, national first: the order reports and pages list them in. */
export const LEVELS: readonly Level[] = ['national', 'subnational', 'municipal'];
