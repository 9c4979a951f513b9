// Page helpers shared by the browser tests: a fresh page per test with error
// checks, navigation that waits for the new document, and common assertions.
import assert from 'node:assert/strict';

export const DEFAULT_TIMEOUT_MS = 5_000;

/**
 * Runs fn with a fresh page in its own browser context (own cookies), closed
 * afterwards. Uncaught page errors and console errors fail the test, except
 * Chromium's own "Failed to load resource" note for a document the test
 * deliberately loaded with an error status (422 form, 403 page). A dialog
 * (alert, confirm, …) fails the test unless failOnDialog is false.
 */
export async function withPage(browser, contextOptions, fn, { failOnDialog = true } = {}) {
  const context = await browser.newContext({ locale: 'nb-NO', ...contextOptions });
  context.setDefaultTimeout(DEFAULT_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(DEFAULT_TIMEOUT_MS);
  try {
    const page = await context.newPage();
    const pageErrors = [];
    const consoleErrors = [];
    const dialogs = [];
    const documentStatuses = new Set();
    page.on('pageerror', (err) => pageErrors.push(`page error: ${err}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push({ text: msg.text(), url: msg.location()?.url ?? '' });
    });
    page.on('dialog', async (dialog) => {
      if (failOnDialog) dialogs.push(`dialog ${dialog.type()}: ${dialog.message()}`);
      await dialog.dismiss().catch(() => {});
    });
    page.on('response', (response) => {
      if (response.request().isNavigationRequest() && response.frame() === page.mainFrame()) {
        documentStatuses.add(`${response.status()} ${response.url()}`);
      }
    });
    const result = await fn(page, context);
    const unexpected = consoleErrors
      .filter(({ text, url }) => {
        const m = /^Failed to load resource: the server responded with a status of (\d+) /.exec(text);
        return !(m && documentStatuses.has(`${m[1]} ${url}`));
      })
      .map(({ text, url }) => `console error: ${text} (${url})`);
    assert.deepEqual([...pageErrors, ...unexpected, ...dialogs], [],
      failOnDialog ? 'no page or console errors, no dialogs' : 'no page or console errors');
    return result;
  } finally {
    await context.close();
  }
}

/**
 * Runs action (a click that submits a form or follows a link) and waits for
 * the resulting document to load. Returns every main-frame navigation
 * response in order (redirects included); the last one is the page shown.
 */
export async function navigate(page, action) {
  const responses = [];
  const onResponse = (response) => {
    if (response.request().isNavigationRequest() && response.frame() === page.mainFrame()) {
      responses.push({ url: new URL(response.url()), status: response.status(), method: response.request().method() });
    }
  };
  page.on('response', onResponse);
  try {
    await Promise.all([page.waitForEvent('load'), action()]);
  } finally {
    page.off('response', onResponse);
  }
  assert.ok(responses.length > 0, 'a navigation happened');
  return responses;
}

export async function h1Text(page) {
  const h1 = page.getByRole('heading', { level: 1 });
  await h1.waitFor();
  return (await h1.textContent()).trim();
}

/**
 * The field is marked invalid and its accessible description (the elements
 * its aria-describedby points at) includes the visible message.
 */
export async function assertFieldError(field, message) {
  assert.equal(await field.getAttribute('aria-invalid'), 'true', 'aria-invalid');
  const described = await describedBy(field);
  assert.ok(described.includes(message), `described by "${message}": ${JSON.stringify(described)}`);
}

/** The visible texts an element's aria-describedby points at, in order. */
export function describedBy(element) {
  return element.evaluate((el) => (el.getAttribute('aria-describedby') ?? '')
    .split(/\s+/).filter(Boolean)
    .map((id) => document.getElementById(id))
    .filter((ref) => ref && ref.checkVisibility())
    .map((ref) => ref.textContent.trim()));
}

export async function assertNoHorizontalScroll(page, label) {
  const size = await page.evaluate(() => ({
    innerWidth: window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    bodyScrollWidth: document.body.scrollWidth,
  }));
  assert.ok(size.scrollWidth <= size.innerWidth,
    `${label}: no horizontal scrolling: scrollWidth ${size.scrollWidth} > innerWidth ${size.innerWidth}`);
  assert.ok(size.bodyScrollWidth <= size.innerWidth,
    `${label}: body fits: scrollWidth ${size.bodyScrollWidth} > innerWidth ${size.innerWidth}`);
}

/** The last response of a navigate() result: the page shown. */
export const last = (responses) => responses[responses.length - 1];

/**
 * Logs in demo persona `name` from the group `group` ('Ansatte' or the
 * families' group) on the login page of `serverUrl`, and checks that the
 * login lands on the list of logs.
 */
export async function demoLogin(page, serverUrl, name, group) {
  const response = await page.goto(`${serverUrl}/logg-inn`);
  assert.equal(response.status(), 200, '/logg-inn status');
  const section = page.getByRole('region', { name: group, exact: true });
  await navigate(page, () => section.getByRole('button', { name, exact: true }).click());
  assert.equal(new URL(page.url()).pathname, '/logger');
}

/**
 * The error summary is shown (heading `heading`), and every link in it points
 * at an element on the page; returns its lines.
 */
export async function assertErrorSummary(page, heading) {
  const summary = page.locator('.ds-error-summary');
  await summary.waitFor();
  assert.equal(await summary.getAttribute('role'), 'alert');
  assert.equal((await summary.getByRole('heading').textContent()).trim(), heading);
  const hrefs = await summary.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.length > 0, 'the summary lists the problems');
  for (const href of hrefs) {
    assert.match(href, /^#./, `in-page link: ${href}`);
    assert.equal(await page.locator(href).count(), 1, `the summary's link ${href} has a target`);
  }
  return (await summary.getByRole('listitem').allTextContents()).map((s) => s.trim());
}

/** Today's date in Oslo (the server's calendar) plus n days, as YYYY-MM-DD. */
export function osloDateInDays(n) {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit',
  }).format(new Date());
  const [y, m, d] = today.split('-').map(Number);
  const shifted = new Date(Date.UTC(y, m - 1, d + n));
  const pad = (x) => String(x).padStart(2, '0');
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`;
}

/** A <dl class="service-facts"> (the samhandlingsmodell's pages) as term → text. */
export function facts(scope) {
  return scope.locator('dl.service-facts').first().evaluate((dl) => {
    const out = {};
    for (const dt of dl.querySelectorAll('dt')) {
      const dd = dt.nextElementSibling;
      if (dd && dd.tagName === 'DD') out[dt.textContent.trim()] = dd.textContent.trim().replace(/\s+/g, ' ');
    }
    return out;
  });
}

/** Each of `names` found as a whole word in the page's HTML, with where. */
export async function personalNamesOn(page, names) {
  const html = await page.content();
  const where = new URL(page.url());
  return names.filter((name) => new RegExp(`(?<![\\p{L}\\p{N}])${name}(?![\\p{L}\\p{N}])`, 'u').test(html))
    .map((name) => `${where.pathname}${where.search}: ${name}`);
}

/** Nobody is logged in on this page. */
export async function assertNotLoggedIn(page) {
  assert.equal(await page.getByRole('button', { name: 'Logg ut' }).count(), 0, 'no "Logg ut": nobody is logged in');
}
