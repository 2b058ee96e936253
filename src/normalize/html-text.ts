/**
 * HTML in descriptions (CKAN and DKAN rich-text editors, ArcGIS Hub) turned into plain text:
 * paragraphs and line breaks survive as newlines, entities are decoded, scripts and styles are
 * dropped. Text that shows no sign of markup never reaches the parser.
 */
import * as cheerio from 'cheerio';

/** A tag, or an entity (`&oacute;`, `&#243;`, `&#xF3;`): the only signs that parsing is needed. */
const MARKUP = /<\/?[a-z][a-z0-9-]*[\s>/]|<!--|&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;

/** Elements that end a paragraph (blank line) or a line. */
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table', 'blockquote', 'pre', 'section', 'article', 'header', 'footer', 'dl']);
const LINE = new Set(['br', 'li', 'tr', 'div', 'dt', 'dd', 'hr', 'address', 'figcaption']);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'iframe', 'object']);

/** The parts of a parsed node this walk reads (a structural view of domhandler's nodes). */
interface HtmlNode {
  type: string;
  data?: string;
  name?: string;
  children?: HtmlNode[];
}

export function looksLikeHtml(text: string): boolean {
  return MARKUP.test(text);
}

/**
 * Collects text and the breaks between blocks. A break is held until text follows, and the
 * stronger of two adjacent breaks wins, so `</li><li>` gives one newline and `</p><p>` one
 * blank line however the tags nest.
 */
class TextSink {
  private readonly parts: string[] = [];
  private pending: 0 | 1 | 2 = 0;

  text(s: string): void {
    if (s === '') return;
    // Whitespace between blocks is source formatting, not content.
    if (this.pending > 0 && s.trim() === '') return;
    if (this.pending > 0 && this.parts.length > 0) this.parts.push(this.pending === 2 ? '\n\n' : '\n');
    this.pending = 0;
    this.parts.push(s);
  }

  lineBreak(level: 1 | 2): void {
    if (level > this.pending) this.pending = level;
  }

  toString(): string {
    return this.parts.join('');
  }
}

function walk(nodes: readonly HtmlNode[], sink: TextSink): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      sink.text(node.data ?? '');
    } else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
      const name = node.name ?? '';
      if (SKIP.has(name)) continue;
      const level = PARAGRAPH.has(name) ? 2 : LINE.has(name) ? 1 : 0;
      if (level) sink.lineBreak(level);
      if (name === 'li') sink.text('- ');
      walk(node.children ?? [], sink);
      if (level) sink.lineBreak(level);
      // Table cells on one row stay apart.
      if (name === 'td' || name === 'th') sink.text(' ');
    } else if (node.type === 'cdata') {
      walk(node.children ?? [], sink);
    }
  }
}

/** Plain text of an HTML fragment; newlines mark paragraphs and line breaks (not yet tidied). */
export function htmlToText(html: string): string {
  // htmlparser2 (HTML mode) rather than parse5: several times faster, and a description needs
  // no spec-exact tree, only its text and block boundaries.
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } }, false);
  const sink = new TextSink();
  walk($.root().contents().toArray(), sink);
  return sink.toString();
}
