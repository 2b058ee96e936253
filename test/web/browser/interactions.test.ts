/**
 * What a visitor does in a real browser (Debian's Chromium), over the demo's portals: types a
 * query, clicks a facet and removes it, pages through the results, changes their order, and
 * switches the language to English and back.
 */
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Demo } from '../../../src/cli/demo.js';
import { LOCALE, launchChromium, startDemoSite, watchProblems } from './harness.js';

const QUERY = 'educacion';
/** Results on one page of /buscar (src/web/pages/search/params.ts). */
const PAGE_SIZE = 20;

describe('web pages in Chromium: search, filters, paging, order and language', function () {
  this.timeout(60_000);
  let demo: Demo;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  const url = (path: string) => demo.service.url + path;

  before(async function () {
    this.timeout(180_000);
    browser = await launchChromium();
    demo = await startDemoSite();
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
  });
  // A fresh context each time: no language cookie left over from the test before.
  beforeEach(async () => {
    context = await browser.newContext({ locale: LOCALE, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    problems = watchProblems(page);
  });
  afterEach(() => context.close());

  /** A test that also fails when a page on the way logged an error or failed to load something. */
  const step = (title: string, run: () => Promise<void>) =>
    it(title, async () => {
      await run();
      assert.deepEqual(problems, [], problems.join('\n'));
    });

  /** Goes to `path`, which must answer 200. */
  const visit = async (path: string) => {
    const res = await page.goto(url(path));
    assert.equal(res?.status(), 200, `${path} answers ${res?.status()}, not 200.`);
  };

  step('typing a query in the home page search box and submitting it shows fewer results than all', async () => {
    await visit('/buscar');
    const all = await shownTotal(page);
    await visit('/');
    await page.getByRole('searchbox').fill(QUERY);
    await Promise.all([page.waitForURL(/\/buscar\?q=educacion/), page.getByRole('searchbox').press('Enter')]);
    const found = await shownTotal(page);
    assert.ok(found > 0 && found < all, `"${QUERY}" shows ${found} of ${all} datasets`);
  });

  step('typing a query in the search page box narrows the results, and the count shown changes', async () => {
    await visit('/buscar');
    const all = await shownTotal(page);
    const before = await resultIds(page);
    const box = page.getByRole('searchbox', { name: 'Buscar conjuntos de datos' });
    await box.fill(QUERY);
    await Promise.all([page.waitForURL(/q=educacion/), page.getByRole('button', { name: 'Buscar', exact: true }).click()]);
    const found = await shownTotal(page);
    assert.ok(found > 0 && found < all, `"${QUERY}" shows ${found} of ${all} datasets`);
    assert.notDeepEqual(await resultIds(page), before);
    assert.equal(await box.inputValue(), QUERY, 'the box keeps the query');
  });

  step('clicking a facet narrows the results and shows a removable filter; removing it restores them', async () => {
    await visit('/buscar');
    const all = await shownTotal(page);
    const facet = await narrowingFacet(page, all);
    await Promise.all([page.waitForURL((u) => u.search.length > 1), page.locator(`a[href="${facet.href}"]`).first().click()]);
    assert.equal(await shownTotal(page), facet.count, `the facet ${facet.label} says ${facet.count}`);
    const remove = page.getByRole('link', { name: /^Quitar filtro/ });
    assert.ok((await remove.count()) >= 1, 'the active filter is shown as a link that removes it');
    assert.match(await remove.first().innerText(), new RegExp(escapeRegExp(facet.label)));
    await Promise.all([page.waitForURL((u) => u.pathname === '/buscar' && u.search === ''), remove.first().click()]);
    assert.equal(await shownTotal(page), all);
    assert.equal(await page.getByRole('link', { name: /^Quitar filtro/ }).count(), 0);
  });

  step('the next and previous links page through the results', async () => {
    await visit('/buscar');
    const all = await shownTotal(page);
    assert.ok(all > PAGE_SIZE, `the demo has more than one page of datasets (${all})`);
    const first = await resultIds(page);
    assert.equal(first.length, PAGE_SIZE);
    const pages = page.getByRole('navigation', { name: 'Páginas de resultados' });
    await Promise.all([page.waitForURL(/page=2/), pages.getByRole('link', { name: /Siguiente/ }).click()]);
    assert.match(await pages.innerText(), new RegExp(`Página 2 de ${Math.ceil(all / PAGE_SIZE)}`));
    const second = await resultIds(page);
    assert.ok(second.length > 0);
    assert.deepEqual(second.filter((id) => first.includes(id)), [], 'page 2 shows other datasets than page 1');
    await Promise.all([page.waitForURL((u) => !u.search.includes('page=')), pages.getByRole('link', { name: /Anterior/ }).click()]);
    assert.deepEqual(await resultIds(page), first);
  });

  step('changing the sort changes the order of the results, and the choice stays selected', async () => {
    await visit(`/buscar?q=${QUERY}`);
    const relevance = await resultIds(page);
    const sort = page.getByLabel('Ordenar por');
    // enhance.js sends the form on change; without JavaScript the button does.
    await Promise.all([page.waitForURL(/sort=score/), sort.selectOption('score')]);
    const byScore = await resultIds(page);
    assert.notDeepEqual(byScore, relevance, 'sorting by score changes the order');
    const scores = await page.locator('main li.result').evaluateAll((items) => items.map((li) => Number(/(\d+) de 500/.exec(li.textContent ?? '')?.[1])));
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a), `scores in order: ${scores.join(', ')}`);
    assert.equal(await page.getByLabel('Ordenar por').inputValue(), 'score');
    await Promise.all([page.waitForURL(/sort=modified/), page.getByLabel('Ordenar por').selectOption('modified')]);
    assert.notDeepEqual(await resultIds(page), byScore, 'sorting by last modified changes the order again');
  });

  step('the language switch turns the page to English, the next pages stay English, and it turns back', async () => {
    await visit(`/buscar?q=${QUERY}`);
    assert.equal(await page.getAttribute('html', 'lang'), 'es');
    await Promise.all([page.waitForURL(/lang=en/), page.locator('header a[hreflang="en"]').click()]);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal(await page.locator('h1').innerText(), 'Search datasets');
    assert.match(await page.locator('main').innerText(), /\d+ datasets/);
    assert.equal(await page.getByRole('searchbox').inputValue(), QUERY, 'the switch keeps the query');
    await Promise.all([page.waitForURL((u) => u.pathname === '/portales'), page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Portals' }).click()]);
    assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the choice is remembered on the next page');
    await Promise.all([page.waitForURL(/lang=es/), page.locator('header a[hreflang="es"]').click()]);
    assert.equal(await page.getAttribute('html', 'lang'), 'es');
    assert.match(await page.getByRole('navigation', { name: 'Navegación principal' }).innerText(), /Buscar datos/);
  });
});

/** The number of datasets the results heading says: "123 conjuntos de datos", "Un conjunto de datos". */
async function shownTotal(page: Page): Promise<number> {
  const text = await page.locator('main').innerText();
  if (/Un conjunto de datos/.test(text)) return 1;
  const found = /(\d[\d.\s\u00a0\u202f]*) conjuntos de datos/.exec(text);
  assert.ok(found, `no "N conjuntos de datos" on ${page.url()}`);
  return Number(found[1].replace(/\D/g, ''));
}

/** The datasets listed, in order, by the address of their page. */
function resultIds(page: Page): Promise<string[]> {
  return page.locator('main h3 a[href^="/conjuntos/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

/** The first facet link of the "Filtrar los resultados" panel that keeps some results but not all. */
async function narrowingFacet(page: Page, total: number): Promise<{ href: string; label: string; count: number }> {
  const panel = page.getByRole('complementary', { name: 'Filtrar los resultados' });
  const facets = await panel.locator('li').evaluateAll((items) =>
    items.map((li) => ({ href: li.querySelector('a')?.getAttribute('href') ?? '', label: li.querySelector('a')?.textContent?.trim() ?? '', count: Number((li.querySelector('.count')?.textContent ?? '').replace(/\D/g, '')) })),
  );
  const facet = facets.find((f) => f.href && f.count > 0 && f.count < total);
  assert.ok(facet, `a facet value narrows the ${total} results: ${JSON.stringify(facets.slice(0, 5))}`);
  return facet;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
