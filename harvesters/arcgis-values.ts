/**
 * ArcGIS Hub's quirks in its DCAT-US feed: licences written as HTML by the item's owner, and
 * dataset identifiers that are Hub or ArcGIS Online URLs whose form has changed over the years.
 */
import type { License } from '../src/dcat/types.js';
import { text } from './values.js';
import { dataJsonSourceId, datasetOf, declaredIdentifier } from './datajson-map.js';
import type { DataJsonRecord } from './datajson-types.js';
import { licenseOf } from './datajson-values.js';

const ITEM_ID = /^[0-9a-f]{32}$/i;
const LAYER = /^\d+$/;

/**
 * The ArcGIS item (and layer) a Hub identifier names: `…/datasets/<item>_<layer>` and
 * `…/home/item.html?id=<item>&sublayer=<layer>` both give `<item>_<layer>`, so a dataset keeps its
 * id when Hub changes how it writes identifiers. Undefined for a URL that names no item
 * (`…/datasets/<org>::<slug>`) and for anything that is not a URL.
 */
export function hubItemKey(identifier: string): string | undefined {
  if (!URL.canParse(identifier)) return undefined;
  const url = new URL(identifier);
  const id = url.searchParams.get('id');
  if (id && ITEM_ID.test(id)) {
    const layer = url.searchParams.get('sublayer') ?? url.searchParams.get('layer');
    return (layer && LAYER.test(layer) ? `${id}_${layer}` : id).toLowerCase();
  }
  const path = /\/datasets\/([0-9a-f]{32})(?:_(\d+))?\/?$/i.exec(url.pathname);
  return path ? (path[2] ? `${path[1]}_${path[2]}` : path[1]).toLowerCase() : undefined;
}

/** The item key of the dataset's identifier when it names one, else data.json's own id. */
export function hubSourceId(record: DataJsonRecord): string | undefined {
  const dataset = datasetOf(record);
  const declared = dataset ? declaredIdentifier(dataset) : undefined;
  return (declared && hubItemKey(declared)) ?? dataJsonSourceId(record);
}

/**
 * A Hub licence: a URL or a name as data.json's, or an HTML fragment, read as its text, the
 * first link it makes (the licence's URL) and that link's words (the licence's name).
 */
export function hubLicense(value: unknown): License | undefined {
  const declared = text(value);
  if (!declared || !/<[a-z/!]/i.test(declared)) return licenseOf(declared);
  const link = /<a\b[^>]*\bhref\s*=\s*["']?(https?:\/\/[^"'\s>]+)["']?[^>]*>([\s\S]*?)<\/a>/i.exec(declared);
  const words = plainText(declared);
  const url = link?.[1];
  return words || url ? { raw: words ?? url, url, title: link ? plainText(link[2]) : undefined } : undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The words of an HTML fragment: tags dropped, the common entities decoded, spaces collapsed. */
function plainText(html: string): string | undefined {
  const words = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith('#')) {
        const code = name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return ENTITIES[name.toLowerCase()] ?? entity;
    });
  return text(words.replace(/\s+/g, ' ').replace(/\s+([.,;:])/g, '$1'));
}
