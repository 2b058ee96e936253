/**
 * What the browser tests share: Debian's Chromium driven by playwright-core, the demo's portals
 * harvested into a fresh store and served, the walk over the site's links, and what a page must
 * not do while it loads (console errors, failed requests, assets answering ≥ 400).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as cheerio from 'cheerio';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startDemo, type Demo } from '../../../src/cli/demo.js';
import { loadConfig } from '../../../src/config.js';

export const CHROMIUM = '/usr/bin/chromium';
/** The flags issue 10 names; playwright adds its own pipe and profile flags. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** The demo's pages are Spanish first: a browser that asks for Spanish, as the region's do. */
export const LOCALE = 'es-EC';

/**
 * Debian's Chromium, each launch with a fresh temporary profile (playwright's `launch` makes one
 * and removes it on close). A machine without it fails here, by name: CI installs it.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The browser tests need Debian's Chromium at ${CHROMIUM}, which is missing: install it with "apt-get install chromium" (as .ci/run does).`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
}

/** The demo's fake portals harvested into a fresh temporary store, served on 127.0.0.1, port 0. */
export async function startDemoSite(): Promise<Demo> {
  const base = loadConfig({ portalsPath: 'config/portals.yaml', env: {}, defaults: { logLevel: 'silent' } });
  return startDemo(base, { port: 0, log: () => {} });
}

/** axe-core's browser bundle, injected into pages of a context that bypasses the page's CSP. */
export const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export type PageKind = 'home' | 'search' | 'dataset' | 'scoreboard' | 'portal' | 'institution' | 'comparison' | 'methodology';
export const PAGE_KINDS: readonly PageKind[] = ['home', 'search', 'dataset', 'scoreboard', 'portal', 'institution', 'comparison', 'methodology'];

/** The kind of page an address of the site shows; undefined for assets, the API, downloads and the language switch. */
export function pageKind(url: URL): PageKind | undefined {
  const { pathname: path, searchParams: query } = url;
  if (query.has('format') || query.has('lang')) return undefined;
  if (path === '/') return 'home';
  if (path === '/buscar') return 'search';
  if (/^\/conjuntos\/[^/]+$/.test(path)) return 'dataset';
  if (path === '/portales') return 'scoreboard';
  if (/^\/portales\/[^/]+$/.test(path)) return 'portal';
  if (/^\/instituciones\/[^/]+\/[^/]+$/.test(path)) return 'institution';
  if (path === '/comparar') return 'comparison';
  if (path === '/metodologia') return 'methodology';
  return undefined;
}

/**
 * Follows the links of the same origin from `/`, breadth first, up to `depth` clicks away, and
 * gives the addresses reached of each kind, nearest first. At most `perKind` addresses of a kind
 * are opened, so that thousands of dataset and filter links do not make a crawl of the demo.
 */
export async function walkLinks(base: string, depth = 3, perKind = 3): Promise<Map<PageKind, string[]>> {
  const origin = new URL(base).origin;
  const reached = new Map<PageKind, string[]>([[ 'home', ['/'] ]]);
  const seen = new Set(['/']);
  let frontier = ['/'];
  for (let level = 1; level <= depth && frontier.length > 0; level++) {
    const next: string[] = [];
    for (const path of frontier) {
      const res = await fetch(origin + path);
      if (!res.ok || !(res.headers.get('content-type') ?? '').includes('text/html')) continue;
      const $ = cheerio.load(await res.text());
      for (const a of $('a[href]').toArray()) {
        const url = new URL($(a).attr('href')!, origin + path);
        const kind = pageKind(url);
        const address = url.pathname + url.search;
        if (url.origin !== origin || !kind || seen.has(address)) continue;
        seen.add(address);
        const ofKind = reached.get(kind) ?? [];
        if (ofKind.length >= perKind) continue;
        reached.set(kind, [...ofKind, address]);
        next.push(address);
      }
    }
    frontier = next;
  }
  return reached;
}

/** What went wrong while a page loaded: console errors, uncaught exceptions, failed requests, answers ≥ 400. */
export function watchProblems(page: Page, options: { documentStatus?: number } = {}): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    // The 404 page's own document answers 404 on purpose; Chromium says so in the console.
    if (m.type() === 'error' && !(options.documentStatus && m.text().includes(`status of ${options.documentStatus}`))) problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught exception: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    const isDocument = r.request().isNavigationRequest() && r.request().frame() === page.mainFrame();
    if (r.status() >= 400 && !(isDocument && r.status() === options.documentStatus)) problems.push(`${r.status()} for ${r.url()}`);
  });
  return problems;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core's violations on the loaded page (the page must be in a context with `bypassCSP`). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')),
  })))`);
}

/** One line per violation: its id, impact, help text and the elements it names. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.targets.slice(0, 8).join('\n    ')}`).join('\n');
}
