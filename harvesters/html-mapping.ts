/**
 * The HTML harvester's pure mapping: a JSON-LD Dataset or a page block → a DCAT draft, values
 * as declared (normalization reads dates, formats, licences and languages). A page that could
 * not be read is a RecordError naming the page.
 */
import { RecordError } from '../src/errors.js';
import type { DatasetDraft, Distribution } from '../src/dcat/types.js';
import { prop } from './html-jsonld.js';
import type { BlockRecord, FileLink, HtmlRecord, JsonLdRecord } from './html-records.js';
import { agent, contactOf, dateValue, distribution, keywords, license, list, spatial, str, texts, urlOf } from './html-schema.js';
import { isObject, queryFileExtension } from './html-values.js';

export function toDcat(raw: HtmlRecord): DatasetDraft {
  if (!isObject(raw) || typeof raw.pageUrl !== 'string') throw new RecordError('bad_record', 'The HTML record has no page address.');
  if (raw.kind === 'failure') throw new RecordError(raw.code, raw.message, raw.sourceId);
  if (typeof raw.sourceId !== 'string') throw new RecordError('bad_record', `The HTML record of ${raw.pageUrl} has no source id.`);
  switch (raw.kind) {
    case 'jsonld':
      if (!isObject(raw.node)) throw new RecordError('bad_record', `The JSON-LD record of ${raw.pageUrl} has no node.`, raw.sourceId);
      return jsonLdDraft(raw);
    case 'block':
      return blockDraft(raw);
    default:
      throw new RecordError('bad_record', `The HTML record of ${(raw as HtmlRecord).pageUrl} is of an unknown kind.`, (raw as HtmlRecord).sourceId);
  }
}

function jsonLdDraft(raw: JsonLdRecord): DatasetDraft {
  const p = (name: string) => prop(raw.node, name);
  const base = raw.pageUrl;
  const title = str(p('name'));
  if (!title) throw new RecordError('missing_title', `The Dataset ${raw.sourceId} on ${raw.pageUrl} has no name.`, raw.sourceId);
  const publisher = p('publisher') ?? p('creator');
  const declared = list(p('distribution')).filter(isObject).map((node, i) => distribution(node, i, base));
  const identifier = list(p('identifier'))[0];
  return {
    sourceId: raw.sourceId,
    identifier: (isObject(identifier) ? str(prop(identifier, 'value')) : str(identifier)) ?? raw.sourceId,
    title,
    description: str(p('description')),
    keywords: keywords(p('keywords')),
    themes: texts(p('about')).map((label) => ({ label })),
    publisher: agent(publisher, base),
    contactPoint: contactOf(publisher, base),
    issued: dateValue(p('datePublished') ?? p('dateCreated')),
    modified: dateValue(p('dateModified')),
    temporal: str(p('temporalCoverage')) ? { raw: str(p('temporalCoverage')) } : undefined,
    spatial: spatial(p('spatialCoverage'), base),
    language: texts(p('inLanguage'), (node) => str(prop(node, 'alternateName')) ?? str(prop(node, 'name'))),
    license: license(p('license'), base),
    accessRights: str(p('conditionsOfAccess')) ? { raw: str(p('conditionsOfAccess')) } : undefined,
    landingPage: urlOf(p('url'), base) ?? raw.pageUrl,
    conformsTo: [],
    version: str(p('version')),
    distributions: declared.length ? declared : (raw.pageFiles ?? []).map(fileDistribution),
    sourceModified: isoTime(raw.lastmod),
  };
}

function blockDraft(raw: BlockRecord): DatasetDraft {
  if (!raw.title) throw new RecordError('missing_title', `The dataset ${raw.sourceId} on ${raw.pageUrl} has no title.`, raw.sourceId);
  return {
    sourceId: raw.sourceId,
    identifier: raw.sourceId,
    title: raw.title,
    description: raw.description,
    keywords: [],
    themes: [],
    publisher: raw.siteName ? { name: raw.siteName } : undefined,
    modified: raw.modified ? { raw: raw.modified } : undefined,
    language: [],
    landingPage: raw.pageUrl,
    conformsTo: [],
    distributions: (Array.isArray(raw.files) ? raw.files : []).filter(isObject).map(fileDistribution),
    sourceModified: isoTime(raw.lastmod),
  };
}

/** A file link is both where the file is and the file itself; a file named in the query gives its format. */
function fileDistribution(link: FileLink): Distribution {
  const shown = URL.canParse(link.url) ? queryFileExtension(link.url) : undefined;
  return { id: link.url, title: link.title, accessURL: link.url, downloadURL: link.url, format: shown ? { raw: shown } : undefined };
}

/** The sitemap's `<lastmod>` in ISO 8601, when it reads as a date. */
function isoTime(value: string | undefined): string | undefined {
  const time = value ? Date.parse(value) : NaN;
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
