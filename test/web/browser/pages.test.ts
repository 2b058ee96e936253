/**
 * Every kind of page in a real browser (Debian's Chromium), over the demo's portals: reachable
 * from the home page by links, loading with no console error and no failed request, with no
 * serious or critical axe-core violation, no sideways scroll at 375 px, and a screenshot of each
 * main page at 1280 px for the README (docs/screenshots/).
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Demo } from '../../../src/cli/demo.js';
import { LOCALE, PAGE_KINDS, axeViolations, describeViolations, launchChromium, startDemoSite, walkLinks, watchProblems, type PageKind } from './harness.js';

const SCREENSHOTS = 'docs/screenshots';
const WIDE = { width: 1280, height: 900 };
const NARROW = { width: 375, height: 800 };
/** An address no page answers: the Spanish 404 page. */
const MISSING = '/no-existe-esta-pagina';

describe('web pages in Chromium', function () {
  this.timeout(60_000);
  let demo: Demo;
  let browser: Browser;
  /** CSP enforced, as a visitor's browser: what the page itself loads and logs. */
  let strict: BrowserContext;
  /** CSP bypassed, only so that axe-core can be injected. */
  let audit: BrowserContext;
  let reached: Map<PageKind, string[]>;
  const url = (path: string) => demo.service.url + path;

  before(async function () {
    this.timeout(180_000);
    browser = await launchChromium();
    demo = await startDemoSite();
    strict = await browser.newContext({ locale: LOCALE, viewport: WIDE });
    audit = await browser.newContext({ locale: LOCALE, viewport: WIDE, bypassCSP: true });
    reached = await walkLinks(demo.service.url);
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
  });

  /** A new page of `context` at `viewport` showing the kind's nearest address, which must answer 200. */
  const open = async (context: BrowserContext, kind: PageKind, viewport = WIDE): Promise<Page> => {
    const address = addressOf(kind);
    const page = await context.newPage();
    await page.setViewportSize(viewport);
    const res = await page.goto(url(address));
    if (res?.status() !== 200) {
      await page.close();
      assert.fail(`${address} answers ${res?.status()}, not 200.`);
    }
    return page;
  };

  /** The nearest address of the kind reached by links from `/`; fails naming the kind otherwise. */
  const addressOf = (kind: PageKind): string => {
    const found = reached.get(kind)?.[0];
    assert.ok(found, `No link leads from / to a ${kind} page within 3 clicks (reached: ${[...reached.keys()].join(', ')}).`);
    return found;
  };

  it('every kind of page is reachable from the home page by links, within 3 clicks', () => {
    const missing = PAGE_KINDS.filter((kind) => !reached.get(kind)?.length);
    assert.deepEqual(missing, [], `Pages not reached from /: ${missing.join(', ')}. Reached: ${JSON.stringify(Object.fromEntries(reached))}`);
  });

  for (const kind of PAGE_KINDS) {
    describe(`the ${kind} page`, () => {
      it('loads with no console error, no failed request and no asset answering 400 or more', async () => {
        const page = await strict.newPage();
        const problems = watchProblems(page);
        const res = await page.goto(url(addressOf(kind)));
        assert.equal(res?.status(), 200, `${addressOf(kind)} answers ${res?.status()}, not 200.`);
        await page.waitForLoadState('networkidle');
        await page.close();
        assert.deepEqual(problems, [], `${addressOf(kind)}:\n${problems.join('\n')}`);
      });

      it('has no serious or critical axe-core violation', async () => {
        const page = await open(audit, kind);
        const violations = await axeViolations(page);
        await page.close();
        const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        assert.deepEqual(grave.map((v) => v.id), [], `${addressOf(kind)}:\n${describeViolations(grave)}`);
      });

      it('does not scroll sideways at 375 px wide', async () => {
        const page = await open(strict, kind, NARROW);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        const wide = width > NARROW.width ? await widestElements(page) : [];
        await page.close();
        assert.ok(width <= NARROW.width, `${addressOf(kind)} is ${width} px wide at 375 px; wider than the screen: ${wide.join(', ')}`);
      });

      it(`is shown in docs/screenshots/${kind}.png at 1280 px wide`, async () => {
        const page = await open(strict, kind);
        await page.screenshot({ path: `${SCREENSHOTS}/${kind}.png` });
        await page.close();
      });
    });
  }

  it('the checks themselves fail on a page that breaks them (a missing asset, an inline style, an image without text, a wide box)', async () => {
    const page = await strict.newPage();
    const problems = watchProblems(page);
    await page.goto(url('/'));
    await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<img src="/static/no-existe.png" alt=""><div style="color: red">x</div>'));
    await page.waitForLoadState('networkidle');
    await page.close();
    assert.ok(problems.some((p) => p.startsWith('404 for') && p.includes('/static/no-existe.png')), problems.join('\n'));
    assert.ok(problems.some((p) => /console error: .*inline style/i.test(p)), `the CSP refusal is seen: ${problems.join('\n')}`);

    const audited = await audit.newPage();
    await audited.setViewportSize(NARROW);
    await audited.goto(url('/'));
    await audited.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<img src="/static/icon.svg"><svg width="900" height="10"></svg>'));
    const ids = (await axeViolations(audited)).filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    const width = await audited.evaluate(() => document.documentElement.scrollWidth);
    await audited.close();
    assert.ok(ids.includes('image-alt'), `axe-core sees the image without text: ${ids.join(', ')}`);
    assert.ok(width > NARROW.width, `the wide box is seen: ${width} px`);
  });

  describe('the page of an unknown address', () => {
    it('answers 404 with the Spanish page in the layout, and loads nothing else that fails', async () => {
      const page = await strict.newPage();
      const problems = watchProblems(page, { documentStatus: 404 });
      const res = await page.goto(url(MISSING));
      await page.waitForLoadState('networkidle');
      assert.equal(res?.status(), 404);
      assert.equal(await page.getAttribute('html', 'lang'), 'es');
      assert.match(await page.locator('main').innerText(), /No encontramos esta página/);
      await page.close();
      assert.deepEqual(problems, [], problems.join('\n'));
    });

    it('has no serious or critical axe-core violation and does not scroll sideways at 375 px', async () => {
      const page = await audit.newPage();
      await page.goto(url(MISSING));
      const grave = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
      await page.setViewportSize(NARROW);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      await page.close();
      assert.deepEqual(grave.map((v) => v.id), [], describeViolations(grave));
      assert.ok(width <= NARROW.width, `${width} px wide at 375 px`);
    });
  });
});

/**
 * The elements sticking out past the right edge of the screen, as short selectors with the path to
 * them: the innermost ones, leaving out what a scrolling or clipping box (a .table-scroll) holds.
 */
function widestElements(page: Page): Promise<string[]> {
  // A string, not a function: tsx would wrap the inner functions in a helper the page lacks.
  return page.evaluate(`(() => {
    const limit = document.documentElement.clientWidth;
    const sticksOut = (el) => el.getBoundingClientRect().right > limit + 1;
    const clipped = (el) => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        if (getComputedStyle(up).overflowX !== 'visible') return true;
      }
      return false;
    };
    const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
    const path = (el) => {
      const names = [];
      for (let at = el; at && at !== document.body; at = at.parentElement) names.unshift(name(at));
      return names.join(' > ');
    };
    return Array.from(document.body.querySelectorAll('*'))
      .filter((el) => sticksOut(el) && !clipped(el) && !Array.from(el.children).some((c) => sticksOut(c) && !clipped(c)))
      .slice(0, 5)
      .map((el) => path(el) + ' (' + Math.round(el.getBoundingClientRect().right) + ' px)');
  })()`);
}
