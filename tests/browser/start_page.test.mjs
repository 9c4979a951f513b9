// Browser tests for the start page and the 404 page: language switching,
// small screens, axe-core (WCAG 2.1 AA), console/CSP cleanliness.
//
// Run from the repository root:  node --test tests/browser/
// Environment:
//   STAFETT_BIN          server binary      (default /work/main/build/stafett)
//   STAFETT_WEB_ROOT     templates/static   (default /work/main/web)
//   STAFETT_TEST_OUTPUT  screenshots + log  (default ./test-output)
//   STAFETT_CHROMIUM     Chromium binary    (default /usr/bin/chromium)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, copyFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { startServer, launchBrowser, checkA11y } from './support/server.mjs';

const BIN = process.env.STAFETT_BIN || '/work/main/build/stafett';
const WEB_ROOT = process.env.STAFETT_WEB_ROOT || '/work/main/web';
const OUTPUT = resolve(process.env.STAFETT_TEST_OUTPUT || './test-output');

const DEFAULT_TIMEOUT_MS = 5_000;
const TEST_TIMEOUT = { timeout: 20_000 };

const H1 = {
  nb: 'Stafett – samarbeid rundt barn og unge',
  nn: 'Stafett – samarbeid rundt born og unge',
  en: /^Stafett – working together/,
};
const LANGUAGE_NAV = { nb: 'Velg språk', nn: 'Vel språk', en: 'Choose language' };
const LANGUAGE_NAME = { nb: 'Bokmål', nn: 'Nynorsk', en: 'English' };

let server;
let browser;
let workDir;

before(async () => {
  await mkdir(OUTPUT, { recursive: true });
  workDir = await mkdtemp(join(tmpdir(), 'stafett-browser-'));
  server = await startServer({ bin: BIN, webRoot: WEB_ROOT, workDir });
  browser = await launchBrowser();
}, { timeout: 30_000 });

after(async () => {
  await browser?.close();
  try {
    await server?.stop();
  } finally {
    if (workDir) {
      // Keep the server log next to the screenshots for CI artifacts.
      await copyFile(join(workDir, 'server.log'), join(OUTPUT, 'server.log')).catch(() => {});
      await rm(workDir, { recursive: true, force: true });
    }
  }
});

/** Runs fn with a fresh page in its own browser context, closed afterwards. */
async function withPage(contextOptions, fn) {
  // The server negotiates the language from Accept-Language when no choice
  // has been made; a Norwegian browser must get bokmål.
  const context = await browser.newContext({ locale: 'nb-NO', ...contextOptions });
  context.setDefaultTimeout(DEFAULT_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(DEFAULT_TIMEOUT_MS);
  try {
    const page = await context.newPage();
    return await fn(page, context);
  } finally {
    await context.close();
  }
}

const DESKTOP = { viewport: { width: 1280, height: 800 } };

async function screenshot(page, name) {
  await page.screenshot({ path: join(OUTPUT, name), fullPage: true });
}

async function assertLanguage(page, lang) {
  assert.equal(await page.locator('html').getAttribute('lang'), lang, 'html[lang]');
  const h1 = page.getByRole('heading', { level: 1 });
  await h1.waitFor();
  const text = (await h1.textContent()).trim();
  if (H1[lang] instanceof RegExp) assert.match(text, H1[lang]);
  else assert.equal(text, H1[lang]);

  // The current language is plain text marked aria-current; the others are links.
  const nav = page.getByRole('navigation', { name: LANGUAGE_NAV[lang], exact: true });
  const current = nav.locator('[aria-current="true"]');
  assert.equal(await current.count(), 1, 'exactly one current language');
  assert.equal((await current.textContent()).trim(), LANGUAGE_NAME[lang]);
  assert.equal(await current.getAttribute('lang'), lang);
  assert.equal(await nav.getByRole('link', { name: LANGUAGE_NAME[lang], exact: true }).count(), 0);
  for (const [code, name] of Object.entries(LANGUAGE_NAME)) {
    if (code === lang) continue;
    const link = nav.getByRole('link', { name, exact: true });
    assert.equal(await link.getAttribute('lang'), code, `${name} link has lang=${code}`);
  }
}

/** Clicks a language link and waits for the redirected start page to load. */
async function switchLanguage(page, lang) {
  const navigations = [];
  const onResponse = (response) => {
    if (response.request().isNavigationRequest() && response.frame() === page.mainFrame()) {
      navigations.push({ url: new URL(response.url()), status: response.status() });
    }
  };
  page.on('response', onResponse);
  try {
    const link = page.getByRole('link', { name: LANGUAGE_NAME[lang], exact: true });
    await Promise.all([page.waitForEvent('load'), link.click()]);
  } finally {
    page.off('response', onResponse);
  }

  assert.equal(new URL(page.url()).pathname, '/', 'back at the start page');
  assert.equal(navigations.length, 2, `language link redirects once: ${JSON.stringify(navigations)}`);
  assert.equal(navigations[0].url.pathname, `/sprak/${lang}`);
  assert.ok(navigations[0].status >= 300 && navigations[0].status < 400, `redirect status, got ${navigations[0].status}`);
  assert.equal(navigations[1].url.pathname, '/');
  assert.equal(navigations[1].status, 200);
}

test('desktop start page in bokmål: content, styles, skip link, axe', TEST_TIMEOUT, async () => {
  await withPage(DESKTOP, async (page) => {
    const response = await page.goto(`${server.url}/`);
    assert.equal(response.status(), 200);
    await assertLanguage(page, 'nb');

    const municipalities = page.getByRole('region', { name: 'Kommuner som bruker Stafett her' });
    assert.ok(await municipalities.getByText('Fjordvik kommune', { exact: true }).isVisible(),
      'demo municipality is listed');

    // All three stylesheets are applied: app.css sets the font stack, the
    // theme defines the colour tokens, designsystemet hides the skip link.
    const styles = await page.evaluate(() => ({
      fontFamily: getComputedStyle(document.body).fontFamily,
      neutralBackground: getComputedStyle(document.documentElement)
        .getPropertyValue('--ds-color-neutral-background-default').trim(),
    }));
    assert.match(styles.fontFamily, /^Inter\b/, 'app.css font stack on body');
    assert.notEqual(styles.neutralBackground, '', 'theme colour tokens defined');

    const skipLink = page.locator('a.ds-skip-link');
    const hidden = await skipLink.boundingBox();
    assert.ok(hidden && hidden.width <= 1 && hidden.height <= 1,
      `skip link visually hidden before focus: ${JSON.stringify(hidden)}`);

    await page.keyboard.press('Tab');
    assert.ok(await skipLink.evaluate((el) => el === document.activeElement), 'first Tab focuses the skip link');
    const shown = await skipLink.boundingBox();
    assert.ok(shown && shown.width > 40 && shown.height > 20,
      `skip link visible when focused: ${JSON.stringify(shown)}`);
    assert.equal(await skipLink.evaluate((el) => getComputedStyle(el).clip), 'auto');
    assert.equal((await skipLink.textContent()).trim(), 'Gå til hovedinnholdet');

    await checkA11y(page, 'start page (nb, 1280x800, skip link focused)');
    await screenshot(page, 'start-page-nb-desktop.png');

    // Activating the skip link moves focus to <main>.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');
    assert.equal(new URL(page.url()).hash, '#main');

    await checkA11y(page, 'start page (nb, 1280x800)');
  });
});

test('language switch: nynorsk and English via the language menu', TEST_TIMEOUT, async () => {
  await withPage(DESKTOP, async (page) => {
    await page.goto(`${server.url}/`);
    await assertLanguage(page, 'nb');

    await switchLanguage(page, 'nn');
    await assertLanguage(page, 'nn');
    await checkA11y(page, 'start page (nn, 1280x800)');
    await screenshot(page, 'start-page-nn-desktop.png');

    // The choice is remembered (cookie), not just a one-off rendering.
    await page.reload();
    await assertLanguage(page, 'nn');

    await switchLanguage(page, 'en');
    await assertLanguage(page, 'en');
    await checkA11y(page, 'start page (en, 1280x800)');
    await screenshot(page, 'start-page-en-desktop.png');

    await switchLanguage(page, 'nb');
    await assertLanguage(page, 'nb');
  });
});

for (const viewport of [{ width: 320, height: 640 }, { width: 375, height: 667 }]) {
  test(`phone ${viewport.width}x${viewport.height}: no horizontal scrolling, axe`, TEST_TIMEOUT, async () => {
    await withPage({ viewport }, async (page) => {
      await page.goto(`${server.url}/`);
      await assertLanguage(page, 'nb');

      const size = await page.evaluate(() => ({
        innerWidth: window.innerWidth,
        scrollWidth: document.documentElement.scrollWidth,
        bodyScrollWidth: document.body.scrollWidth,
      }));
      assert.equal(size.innerWidth, viewport.width);
      assert.ok(size.scrollWidth <= size.innerWidth,
        `no horizontal scrolling: scrollWidth ${size.scrollWidth} > innerWidth ${size.innerWidth}`);
      assert.ok(size.bodyScrollWidth <= size.innerWidth,
        `body fits: scrollWidth ${size.bodyScrollWidth} > innerWidth ${size.innerWidth}`);

      await checkA11y(page, `start page (nb, ${viewport.width}x${viewport.height})`);
      await screenshot(page, `start-page-nb-${viewport.width}.png`);
    });
  });
}

test('404 page: status, friendly heading, link home, axe', TEST_TIMEOUT, async () => {
  await withPage(DESKTOP, async (page) => {
    const response = await page.goto(`${server.url}/finnes-ikke`);
    assert.equal(response.status(), 404);
    assert.equal(await page.locator('html').getAttribute('lang'), 'nb');

    const heading = page.getByRole('heading', { level: 1, name: 'Fant ikke siden', exact: true });
    assert.ok(await heading.isVisible(), '404 heading visible');
    assert.match(await page.title(), /^Fant ikke siden – Stafett$/);

    const home = page.getByRole('main').getByRole('link', { name: 'Gå til forsiden', exact: true });
    assert.ok(await home.isVisible(), 'link back to the front page');
    assert.equal(await home.getAttribute('href'), '/');

    await checkA11y(page, '404 page (nb, 1280x800)');
    await screenshot(page, 'not-found-nb-desktop.png');

    await Promise.all([page.waitForEvent('load'), home.click()]);
    assert.equal(new URL(page.url()).pathname, '/');
    await assertLanguage(page, 'nb');
  });
});

test('start page: no console errors, no CSP violations, stylesheets load', TEST_TIMEOUT, async (t) => {
  await withPage(DESKTOP, async (page, context) => {
    // Recorded from before the first byte of any document.
    await context.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} ` +
          `at ${e.sourceFile}:${e.lineNumber}`);
      }, true);
    });

    const consoleErrors = [];
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const where = msg.location()?.url ?? '';
      consoleErrors.push(`${msg.text()} (${where})`);
    });
    const pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    const stylesheetResponses = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'stylesheet') {
        stylesheetResponses.push({ url: response.url(), status: response.status() });
      }
    });
    const failedRequests = [];
    page.on('requestfailed', (request) => failedRequests.push(`${request.url()}: ${request.failure()?.errorText}`));

    const response = await page.goto(`${server.url}/`);
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self'/);
    // Let late requests (icons, fonts) and their console messages arrive.
    await page.waitForLoadState('networkidle');

    const linked = await page.$$eval('link[rel="stylesheet"]', (links) => links.map((l) => l.href));
    assert.equal(linked.length, 3, 'designsystemet, theme and app stylesheets');
    const sheets = await page.evaluate(() =>
      [...document.styleSheets].map((s) => ({ href: s.href, rules: s.cssRules.length })));
    for (const href of linked) {
      const got = stylesheetResponses.filter((r) => r.url === href);
      assert.equal(got.length, 1, `one response for ${href}: ${JSON.stringify(stylesheetResponses)}`);
      assert.equal(got[0].status, 200, `${href} status`);
      const sheet = sheets.find((s) => s.href === href);
      assert.ok(sheet && sheet.rules > 0, `${href} parsed with CSS rules`);
    }
    assert.deepEqual(stylesheetResponses.filter((r) => r.status !== 200), []);

    const cspViolations = await page.evaluate(() => window.__cspViolations);
    assert.deepEqual(cspViolations, [], 'CSP violations');
    assert.deepEqual(pageErrors, [], 'uncaught page errors');
    assert.deepEqual(consoleErrors, [], 'console errors');
    assert.deepEqual(failedRequests, [], 'failed requests');
  });
});
