/**
 * Where and when, from ISO 19139 `EX_Extent`: geographic bounding boxes (one box over all of
 * them), the extent's description or geographic identifier as the place name, and the temporal
 * extent (a GML `TimePeriod` or `TimeInstant`); the coordinate reference systems; and the ISO
 * topic categories as themes.
 */
import type { Spatial, Temporal, Theme } from '../src/dcat/types.js';
import { anchorHref, codeOf, kids, path, textAt, textOf, type XmlNode } from './csw-xml.js';

/**
 * ISO 19115 `MD_TopicCategoryCode` → EU data theme, only where one clearly fits. Left without a
 * theme: elevation, geoscientificInformation, imageryBaseMapsEarthCover, intelligenceMilitary,
 * location and utilitiesCommunication (they straddle several themes or none).
 */
const TOPIC_THEMES: Readonly<Record<string, string>> = {
  farming: 'AGRI',
  biota: 'ENVI',
  boundaries: 'REGI',
  climatologyMeteorologyAtmosphere: 'ENVI',
  economy: 'ECON',
  environment: 'ENVI',
  health: 'HEAL',
  inlandWaters: 'ENVI',
  oceans: 'ENVI',
  planningCadastre: 'REGI',
  society: 'SOCI',
  structure: 'REGI',
  transportation: 'TRAN',
};

/** Topic categories as themes: the EU code where one fits, the ISO code as the label. */
export function topicThemes(identification: XmlNode): Theme[] {
  const topics = [...new Set(kids(identification, 'topicCategory').map(codeOf))];
  return topics.filter((t): t is string => t !== undefined).map((label) => (Object.hasOwn(TOPIC_THEMES, label) ? { code: TOPIC_THEMES[label], label } : { label }));
}

export function spatialOf(extents: XmlNode[]): Spatial | undefined {
  const boxes = path(extents, 'geographicElement', 'EX_GeographicBoundingBox').map(boxOf).filter((b) => b !== undefined);
  const bbox: Spatial['bbox'] = boxes.length
    ? [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))]
    : undefined;
  const label = textAt(extents, 'description') ?? textAt(extents, 'geographicElement', 'EX_GeographicDescription', 'geographicIdentifier', '*', 'code');
  return bbox || label ? { label, bbox } : undefined;
}

/** West, south, east, north; undefined when a side is missing or not a number in degrees. */
function boxOf(box: XmlNode): [number, number, number, number] | undefined {
  const sides = ['westBoundLongitude', 'southBoundLatitude', 'eastBoundLongitude', 'northBoundLatitude'].map((side) => degrees(textAt(box, side)));
  if (!sides.every((v): v is number => v !== undefined)) return undefined;
  const [w, s, e, n] = sides;
  const valid = Math.abs(w) <= 180 && Math.abs(e) <= 180 && Math.abs(s) <= 90 && Math.abs(n) <= 90 && s <= n;
  return valid ? [w, s, e, n] : undefined;
}

/** `-79.5`, and the decimal comma some editors write (`-79,5`). */
function degrees(value: string | undefined): number | undefined {
  if (value === undefined || !/^[+-]?\d+([.,]\d+)?$/.test(value)) return undefined;
  return Number(value.replace(',', '.'));
}

export function temporalOf(extents: XmlNode[]): Temporal | undefined {
  const periods = path(extents, 'temporalElement', '*', 'extent');
  const period = path(periods, 'TimePeriod')[0];
  const start = textOf(kids(period, 'beginPosition')[0]) ?? textAt(period, 'begin', 'TimeInstant', 'timePosition');
  const end = textOf(kids(period, 'endPosition')[0]) ?? textAt(period, 'end', 'TimeInstant', 'timePosition');
  const instant = textAt(periods, 'TimeInstant', 'timePosition');
  const from = start ?? instant;
  const to = end ?? instant;
  if (!from && !to) return undefined;
  return { start: from ? { raw: from } : undefined, end: to ? { raw: to } : undefined };
}

/** Coordinate reference systems as URIs (GeoDCAT-AP's `dct:conformsTo`): `EPSG:4326` → the OGC EPSG URI. */
export function referenceSystems(md: XmlNode): string[] {
  const identifiers = path(md, 'referenceSystemInfo', 'MD_ReferenceSystem', 'referenceSystemIdentifier', 'RS_Identifier');
  const uris = identifiers.map((id) => {
    const code = anchorHref(kids(id, 'code')[0]) ?? textAt(id, 'code');
    if (!code) return undefined;
    if (/^https?:\/\//i.test(code)) return code;
    const epsg = /^(?:urn:ogc:def:crs:)?EPSG:(?:[\d.]*:)?(\d+)$/i.exec(code) ?? (/epsg/i.test(textAt(id, 'codeSpace') ?? '') ? /^(\d+)$/.exec(code) : null);
    return epsg ? `http://www.opengis.net/def/crs/EPSG/0/${epsg[1]}` : undefined;
  });
  return [...new Set(uris.filter((uri): uri is string => uri !== undefined))];
}
