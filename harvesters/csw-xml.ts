/**
 * Reading CSW and ISO 19139 XML whatever prefixes a server binds: `gmd:title`, `title` under a
 * default namespace and `iso:title` all parse to `title` (fast-xml-parser's `removeNSPrefix`).
 * Every element parses to a list, so a path reads the same whether a server repeats an element
 * or not. Attributes keep their local name after `@` (`@codeListValue`, `@href`); text sits in `#text`.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** One parsed element: attributes (`@name`), its text (`#text`), and child elements by local name. */
export interface XmlNode {
  [name: string]: XmlNode[] | string | undefined;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  parseTagValue: false,
  parseAttributeValue: false,
  alwaysCreateTextNode: true,
  // Abstracts written in HTML editors carry `&nbsp;`, `&aacute;`…
  htmlEntities: true,
});

/** The document, or the reason it is not well-formed XML. */
export function parseXml(text: string): { doc: XmlNode } | { error: string } {
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { error: `${valid.err.msg} (line ${valid.err.line})` };
  try {
    return { doc: parser.parse(text) as XmlNode };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The child elements named `name`; `*` names every child element (`identificationInfo/*`). */
export function kids(node: XmlNode | undefined, name: string): XmlNode[] {
  if (name === '*') return node ? childElements(node).flatMap(([, children]) => children) : [];
  const value = node?.[name];
  return Array.isArray(value) ? value.filter(isNode) : [];
}

/** Where a path starts: one element, several, or none. */
export type From = XmlNode | XmlNode[] | undefined;

/** Every element reached by following `names` from `from`, one level each. */
export function path(from: From, ...names: string[]): XmlNode[] {
  let nodes = Array.isArray(from) ? from : from ? [from] : [];
  for (const name of names) nodes = nodes.flatMap((n) => kids(n, name));
  return nodes;
}

/** Child elements by name, in document order within a name (attributes and text left out). */
export function childElements(node: XmlNode): [string, XmlNode[]][] {
  return Object.entries(node)
    .filter(([key]) => !key.startsWith('@') && key !== '#text')
    .map(([key, value]): [string, XmlNode[]] => [key, Array.isArray(value) ? value.filter(isNode) : []]);
}

/** A trimmed, non-empty attribute value. */
export function attr(node: XmlNode | undefined, name: string): string | undefined {
  return clean(node?.[`@${name}`]);
}

/**
 * The first text found depth-first: a property's value whatever its type (`gco:CharacterString`,
 * `gmx:Anchor`, `gco:Date`, `gmd:URL`, `gco:Decimal`…). Undefined for a nil property.
 */
export function textOf(node: XmlNode | undefined, depth = 0): string | undefined {
  if (!node || depth > 6) return undefined;
  const own = clean(node['#text']);
  if (own !== undefined) return own;
  for (const [, children] of childElements(node)) {
    for (const child of children) {
      const found = textOf(child, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** The text at the end of a path (the first one found). */
export function textAt(from: From, ...names: string[]): string | undefined {
  for (const found of path(from, ...names)) {
    const value = textOf(found);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Every distinct text at the end of a path. */
export function textsAt(from: From, ...names: string[]): string[] {
  const values = path(from, ...names).map((found) => textOf(found));
  return [...new Set(values.filter((value): value is string => value !== undefined))];
}

/**
 * A code list value: `<gmd:dateType><gmd:CI_DateTypeCode codeListValue="revision">revisión</…>`
 * gives `revision`. Servers that leave the attribute empty put the code in the text.
 */
export function codeOf(property: XmlNode | undefined): string | undefined {
  if (!property) return undefined;
  for (const [, children] of childElements(property)) {
    for (const child of children) {
      const code = attr(child, 'codeListValue') ?? textOf(child);
      if (code !== undefined) return code;
    }
  }
  return textOf(property);
}

/** The `xlink:href` of a property's `gmx:Anchor`, if it has one. */
export function anchorHref(property: XmlNode | undefined): string | undefined {
  return attr(kids(property, 'Anchor')[0], 'href');
}

function clean(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
