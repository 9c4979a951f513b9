// Browser tests for the core stafettlogg flow with the demo login: an
// employee opens a log with a paper consent (with a validation round trip),
// the guardian sees and withdraws her consent, the log closes and the
// employee loses access. Also: hidden participants stay hidden from plain
// contributors, and the national-id field is safe against script injection.
//
// The tests in this file build on each other (one server, one log) and run
// in order.
//
// Run from the repository root:  node --test tests/browser/log_core.test.mjs
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
import {
  withPage as withFreshPage, navigate, last, h1Text, assertFieldError, assertNoHorizontalScroll,
} from './support/page.mjs';

const BIN = process.env.STAFETT_BIN || '/work/main/build/stafett';
const WEB_ROOT = process.env.STAFETT_WEB_ROOT || '/work/main/web';
const OUTPUT = resolve(process.env.STAFETT_TEST_OUTPUT || './test-output');

const TEST_TIMEOUT = { timeout: 30_000 };

const DESKTOP = { viewport: { width: 1280, height: 800 } };
const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true };

// Demo data (src/app/demo_seed.cc): synthetic numbers only.
const IBEN_NATIONAL_ID = '15881950062';
const INGRID = 'Ingrid Fjellstad';
const KRISTIN = 'Kristin Nesvold';
const IBEN = 'Iben Nesvold';
const NORA = 'Nora Fjordstrand';
const NORA_LOG = '/logger/1';

let server;
let browser;
let workDir;
/** Path of the log created in the first flow test, e.g. "/logger/4". */
let ibenLogPath = null;
/** The "Samtykket gjelder til og med" date entered there (YYYY-MM-DD). */
let ibenValidUntil = null;

before(async () => {
  await mkdir(OUTPUT, { recursive: true });
  workDir = await mkdtemp(join(tmpdir(), 'stafett-log-core-'));
  server = await startServer({ bin: BIN, webRoot: WEB_ROOT, workDir, extraArgs: ['--demo'] });
  browser = await launchBrowser();
}, { timeout: 30_000 });

after(async () => {
  await browser?.close();
  try {
    await server?.stop();
  } finally {
    if (workDir) {
      await copyFile(join(workDir, 'server.log'), join(OUTPUT, 'log-core-server.log')).catch(() => {});
      await rm(workDir, { recursive: true, force: true });
    }
  }
});

/** A fresh page in its own browser context (own cookies); see support/page.mjs. */
const withPage = (contextOptions, fn) => withFreshPage(browser, contextOptions, fn, { failOnDialog: false });

async function screenshot(page, name) {
  await page.screenshot({ path: join(OUTPUT, name), fullPage: true });
}

/** Logs in through the demo login page as the persona with that name. */
async function demoLogin(page, name, group) {
  const response = await page.goto(`${server.url}/logg-inn`);
  assert.equal(response.status(), 200, '/logg-inn status');
  const section = page.getByRole('region', { name: group, exact: true });
  const button = section.getByRole('button', { name, exact: true });
  const responses = await navigate(page, () => button.click());
  assert.equal(responses[0].method, 'POST');
  assert.equal(responses[0].url.pathname, '/demo/logg-inn');
  assert.equal(last(responses).status, 200, `login lands on a page: ${JSON.stringify(responses)}`);
  assert.equal(new URL(page.url()).pathname, '/logger', 'login lands on /logger');
  assert.equal(await h1Text(page), 'Mine stafettlogger');
  assert.match(await page.getByRole('banner').textContent(), new RegExp(`Logget inn som ${name}`));
}

const loginEmployee = (page, name) => demoLogin(page, name, 'Ansatte');
const loginCitizen = (page, name) => demoLogin(page, name, 'Foreldre og barn');

async function logout(page) {
  const button = page.getByRole('banner').getByRole('button', { name: 'Logg ut', exact: true });
  await navigate(page, () => button.click());
  assert.equal(await page.getByRole('banner').getByRole('button', { name: 'Logg ut' }).count(), 0,
    'no logout button after logging out');
  assert.ok(await page.getByRole('banner').getByRole('link', { name: 'Logg inn', exact: true }).isVisible(),
    'login link shown after logging out');
}

/** The <dd> next to the <dt> with exactly this text in the log's fact list. */
function fact(page, term) {
  return page.locator('dl.facts > div')
    .filter({ has: page.locator('dt').getByText(term, { exact: true }) })
    .locator('dd');
}

/** Local date n days from today as YYYY-MM-DD (for <input type=date>). */
function isoDateInDays(n) {
  const d = new Date();
  d.setDate(d.getDate() + n);
  const pad = (x) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The log list items (cards) on /logger whose heading names the child. */
function logCards(page, childName) {
  return page.getByRole('main').getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: childName, exact: true }) });
}

test('employee opens a log with a paper consent (with a validation round trip)', TEST_TIMEOUT, async () => {
  await withPage(DESKTOP, async (page) => {
    await loginEmployee(page, INGRID);
    const main = page.getByRole('main');
    assert.equal(await logCards(page, NORA).count(), 1, 'Ingrid sees Nora\'s log');
    assert.equal(await logCards(page, IBEN).count(), 0, 'no log for Iben yet');

    // Step 1: find the child.
    const newLink = main.getByRole('link', { name: 'Ny stafettlogg', exact: true });
    await navigate(page, () => newLink.click());
    assert.equal(new URL(page.url()).pathname, '/logger/ny');
    assert.equal(await h1Text(page), 'Ny stafettlogg');

    const nationalId = page.getByLabel('Barnets fødselsnummer (11 siffer)', { exact: true });
    const unit = page.getByLabel('Enheten som skal være stafettholder', { exact: true });
    assert.ok(await nationalId.isVisible());
    await nationalId.fill(IBEN_NATIONAL_ID);
    await unit.selectOption({ label: 'Fjordvik skole' });
    assert.equal(await unit.locator('option:checked').textContent(), 'Fjordvik skole');
    await checkA11y(page, 'new log, step 1');
    await screenshot(page, 'log-core-new-step1.png');

    const step2 = await navigate(page, () => main.getByRole('button', { name: 'Finn barnet', exact: true }).click());
    assert.equal(last(step2).status, 200, `step 2 status: ${JSON.stringify(step2)}`);
    assert.ok(!page.url().includes(IBEN_NATIONAL_ID), 'the national id never appears in the address');
    assert.ok(await main.getByText(`Stafettlogg for ${IBEN}`).isVisible(), 'step 2 names the child');
    assert.ok(await main.getByText(`${IBEN} (7 år)`).isVisible(), 'step 2 shows the child\'s age');

    // Step 2: the consent.
    const levelGroup = main.getByRole('group', { name: 'Nivå i handlingsveilederen', exact: true });
    const level1 = levelGroup.getByRole('radio', { name: /^Nivå 1: / });
    assert.ok(await level1.isChecked(), 'level 1 is the default');
    const methodGroup = main.getByRole('group', { name: 'Hvordan gis samtykket?', exact: true });
    const paper = methodGroup.getByRole('radio', { name: /^På papir: / });
    assert.ok(await paper.isChecked(), 'paper is the default method');
    await level1.check();
    await paper.check();

    const signedBy = main.getByRole('group', { name: 'Hvem har skrevet under?', exact: true });
    await signedBy.getByRole('checkbox', { name: KRISTIN, exact: true }).check();

    const scope = main.getByRole('group', { name: 'Hvem kan få opplysninger?', exact: true });
    const schoolScope = scope.getByRole('checkbox', { name: 'Fjordvik skole', exact: true });
    await schoolScope.setChecked(false);

    const categories = main.getByRole('group', { name: 'Hvilke opplysninger kan deles?', exact: true });
    // "Grunnopplysninger" should be ticked from the start; that is checked
    // on its own in the next test. check() leaves a ticked box alone.
    await categories.getByRole('checkbox', { name: 'Grunnopplysninger', exact: true }).check();
    await categories.getByRole('checkbox', { name: 'Mål og tiltak', exact: true }).check();

    const validUntil = isoDateInDays(182);
    ibenValidUntil = validUntil;
    await page.getByLabel('Samtykket gjelder til og med', { exact: true }).fill(validUntil);

    // Submit without any unit in the consent: 422 with an error summary.
    const createButton = () => main.getByRole('button', { name: 'Opprett stafettloggen', exact: true });
    const invalid = await navigate(page, () => createButton().click());
    assert.equal(invalid.length, 1, `no redirect on a validation error: ${JSON.stringify(invalid)}`);
    assert.equal(invalid[0].method, 'POST');
    assert.equal(invalid[0].status, 422);

    const summary = main.getByRole('alert');
    assert.equal(await summary.count(), 1, 'one error summary');
    assert.match(await summary.textContent(), /Noe må rettes/);
    const summaryLink = summary.getByRole('link', { name: 'Velg minst én enhet eller tjeneste.', exact: true });
    assert.equal(await summaryLink.getAttribute('href'), '#field-scope');

    const scopeAgain = main.getByRole('group', { name: 'Hvem kan få opplysninger?', exact: true });
    const scopeError = scopeAgain.getByText('Velg minst én enhet eller tjeneste.', { exact: true });
    assert.ok(await scopeError.isVisible(), 'the message is shown in the scope fieldset');
    const errorId = await scopeError.getAttribute('id');
    assert.ok(errorId, 'the message has an id');
    assert.equal(await scopeAgain.getAttribute('aria-describedby'), errorId, 'the fieldset refers to its message');

    // The other choices survive the round trip.
    assert.ok(await main.getByText(`Stafettlogg for ${IBEN}`).isVisible(), 'still the form for Iben');
    assert.ok(await main.getByRole('group', { name: 'Hvem har skrevet under?' })
      .getByRole('checkbox', { name: KRISTIN, exact: true }).isChecked(), 'guardian still ticked');
    assert.ok(await main.getByRole('group', { name: 'Hvilke opplysninger kan deles?' })
      .getByRole('checkbox', { name: 'Mål og tiltak', exact: true }).isChecked(), 'category still ticked');
    assert.equal(await page.getByLabel('Samtykket gjelder til og med', { exact: true }).inputValue(), validUntil,
      'date kept');

    await checkA11y(page, 'new log, step 2 with errors');
    await screenshot(page, 'log-core-new-step2-errors.png');

    // Nothing was created.
    const listing = await page.request.get(`${server.url}/logger`);
    assert.equal(listing.status(), 200);
    assert.ok(!(await listing.text()).includes(IBEN), '/logger does not list Iben after the failed submit');

    // Fix and submit.
    await scopeAgain.getByRole('checkbox', { name: 'Fjordvik skole', exact: true }).check();
    const created = await navigate(page, () => createButton().click());
    assert.equal(created[0].method, 'POST');
    assert.ok(created[0].status >= 300 && created[0].status < 400,
      `POST-redirect-GET after creating: ${JSON.stringify(created)}`);
    assert.equal(last(created).status, 200);
    const path = new URL(page.url()).pathname;
    assert.match(path, /^\/logger\/\d+$/, 'redirected to the new log');
    ibenLogPath = path;

    assert.equal(await h1Text(page), IBEN);
    assert.equal((await fact(page, 'Nivå').textContent()).trim(), '1');
    assert.equal((await fact(page, 'Status').textContent()).trim(), 'Åpen');
    assert.match((await fact(page, 'Stafettholder').textContent()).trim(), /^Ingrid Fjellstad, Fjordvik skole$/);
    assert.equal(await main.getByText(/^Det finnes ikke noe gyldig samtykke/).count(), 0, 'no missing-consent warning');

    const consents = main.getByRole('region', { name: 'Samtykker', exact: true });
    const consent = consents.getByRole('listitem').filter({ hasText: KRISTIN });
    assert.equal(await consent.count(), 1, 'Kristin\'s consent is recorded');
    assert.match(await consent.textContent(), /Gjelder/);
    assert.match(await consent.textContent(), /Fjordvik skole/);
    assert.match(await consent.textContent(), /Mål og tiltak/);
    // The employee recorded the paper consent; only the guardian may withdraw it.
    assert.equal(await consent.getByRole('button', { name: 'Trekk tilbake samtykket' }).count(), 0);

    await checkA11y(page, 'new log page (employee)');
    await screenshot(page, 'log-core-log-created.png');

    // /logger lists it once.
    await navigate(page, () => page.getByRole('banner').getByRole('link', { name: 'Mine stafettlogger' }).click());
    assert.equal(await logCards(page, IBEN).count(), 1, '/logger lists Iben\'s log once');
  });
});

test('new log step 2: "Grunnopplysninger" is ticked from the start', TEST_TIMEOUT, async () => {
  await withPage(DESKTOP, async (page) => {
    await loginEmployee(page, INGRID);
    await page.goto(`${server.url}/logger/ny`);
    await page.getByLabel('Barnets fødselsnummer (11 siffer)', { exact: true }).fill(IBEN_NATIONAL_ID);
    await page.getByLabel('Enheten som skal være stafettholder', { exact: true })
      .selectOption({ label: 'Fjordvik skole' });
    const main = page.getByRole('main');
    const step2 = await navigate(page, () => main.getByRole('button', { name: 'Finn barnet', exact: true }).click());
    assert.equal(last(step2).status, 200);
    assert.ok(await main.getByText(`Stafettlogg for ${IBEN}`).isVisible(), 'step 2 for Iben');
    const categories = main.getByRole('group', { name: 'Hvilke opplysninger kan deles?', exact: true });
    const ticked = [];
    for (const box of await categories.getByRole('checkbox').all()) {
      if (await box.isChecked()) ticked.push(await box.evaluate((el) => el.labels[0].textContent.trim()));
    }
    assert.deepEqual(ticked, ['Grunnopplysninger'], 'exactly "Grunnopplysninger" is ticked on a fresh step 2');
  });
});

test('log page shows the consent\'s last valid day as entered ("til og med")', TEST_TIMEOUT, async () => {
  assert.ok(ibenLogPath && ibenValidUntil, 'the first test created the log');
  const [y, m, d] = ibenValidUntil.split('-');
  const shown = `${d}.${m}.${y}`;
  await withPage(DESKTOP, async (page) => {
    await loginEmployee(page, INGRID);
    const response = await page.goto(`${server.url}${ibenLogPath}`);
    assert.equal(response.status(), 200);
    const consent = page.getByRole('main').getByRole('region', { name: 'Samtykker', exact: true })
      .getByRole('listitem').filter({ hasText: KRISTIN });
    const text = (await consent.textContent()).replace(/\s+/g, ' ');
    assert.match(text, /Gjelder til \d\d\.\d\d\.\d{4}/, 'the end date is shown');
    assert.ok(text.includes(`Gjelder til ${shown}`),
      `entered "til og med ${ibenValidUntil}", so the page must say "Gjelder til ${shown}": ${text}`);
  });
});

/** Kristin on Iben's log: her consent is in force and can be withdrawn. */
async function assertGuardianSeesConsent(page, label) {
  await loginCitizen(page, KRISTIN);
  const card = logCards(page, IBEN);
  assert.equal(await card.count(), 1, 'Kristin sees Iben\'s log on /logger');
  const link = card.getByRole('link', { name: IBEN, exact: true });
  const opened = await navigate(page, () => link.click());
  assert.equal(last(opened).status, 200);
  assert.equal(new URL(page.url()).pathname, ibenLogPath);
  assert.equal(await h1Text(page), IBEN);

  const consents = page.getByRole('main').getByRole('region', { name: 'Samtykker', exact: true });
  const consent = consents.getByRole('listitem').filter({ hasText: KRISTIN });
  assert.equal(await consent.count(), 1, 'her consent is listed');
  const head = consent.getByRole('paragraph').first();
  assert.match((await head.textContent()).trim(), /^Kristin Nesvold \(forelder\) · Gjelder$/);
  assert.ok(await consent.getByRole('button', { name: 'Trekk tilbake samtykket', exact: true }).isVisible(),
    'withdraw button');

  await checkA11y(page, `log page as guardian (${label})`);
  return consent;
}

test('guardian sees her consent (desktop and phone)', TEST_TIMEOUT, async () => {
  assert.ok(ibenLogPath, 'the previous test created the log');
  await withPage(DESKTOP, async (page) => {
    await loginEmployee(page, INGRID);
    await logout(page);
    await assertGuardianSeesConsent(page, 'desktop');
    await screenshot(page, 'log-core-guardian-desktop.png');
  });
  await withPage(PHONE, async (page) => {
    await assertGuardianSeesConsent(page, 'phone 375x667');
    await assertNoHorizontalScroll(page, 'guardian log page 375x667');
    await screenshot(page, 'log-core-guardian-375.png');
  });
});

test('guardian withdraws the consent: log closes, employee loses access', TEST_TIMEOUT, async () => {
  assert.ok(ibenLogPath, 'the first test created the log');
  await withPage(DESKTOP, async (page) => {
    const consent = await assertGuardianSeesConsent(page, 'before withdrawal');
    const withdrawn = await navigate(page,
      () => consent.getByRole('button', { name: 'Trekk tilbake samtykket', exact: true }).click());
    assert.equal(withdrawn[0].method, 'POST');
    assert.ok(withdrawn[0].status >= 300 && withdrawn[0].status < 400,
      `POST-redirect-GET after withdrawing: ${JSON.stringify(withdrawn)}`);
    assert.equal(last(withdrawn).status, 200);
    assert.equal(new URL(page.url()).pathname, ibenLogPath, 'back on the log page');

    const main = page.getByRole('main');
    const after = main.getByRole('region', { name: 'Samtykker', exact: true })
      .getByRole('listitem').filter({ hasText: KRISTIN });
    assert.equal(await after.count(), 1);
    assert.match((await after.getByRole('paragraph').first().textContent()).trim(),
      /^Kristin Nesvold \(forelder\) · Trukket tilbake$/);
    assert.equal(await after.getByRole('button', { name: 'Trekk tilbake samtykket' }).count(), 0,
      'no withdraw button on a withdrawn consent');
    assert.equal((await fact(page, 'Status').textContent()).trim(), 'Avsluttet', 'the log is closed');
    assert.ok(await main.getByText(/^Det finnes ikke noe gyldig samtykke/).isVisible(), 'missing-consent warning');

    await checkA11y(page, 'log page after withdrawal (guardian)');
    await screenshot(page, 'log-core-withdrawn.png');

    // Ingrid, the holder, no longer has access.
    await logout(page);
    await loginEmployee(page, INGRID);
    assert.equal(await logCards(page, IBEN).count(), 0, '/logger no longer lists Iben for Ingrid');
    assert.equal(await logCards(page, NORA).count(), 1, 'Nora\'s log is still there');

    const denied = await page.goto(`${server.url}${ibenLogPath}`);
    assert.equal(denied.status(), 403);
    assert.equal(await h1Text(page), 'Du har ikke tilgang');
    assert.match(await page.title(), /^Du har ikke tilgang – Stafett$/);
    assert.ok(!(await page.content()).includes(IBEN), 'the 403 page does not reveal the child');
    await checkA11y(page, '403 page');
    await screenshot(page, 'log-core-403.png');
  });
});

test('participants: guardian sees them all, a contributor never sees hidden child welfare', TEST_TIMEOUT, async () => {
  await withPage(DESKTOP, async (page) => {
    await loginCitizen(page, 'Hanne Fjordstrand');
    const opened = await page.goto(`${server.url}${NORA_LOG}`);
    assert.equal(opened.status(), 200);
    assert.equal(await h1Text(page), NORA);
    const participants = page.getByRole('main').getByRole('region', { name: 'Hvem er med', exact: true });
    const items = participants.getByRole('listitem');
    for (const name of ['Ingrid Fjellstad', 'Sara Holmvik', 'Hanne Fjordstrand', 'Erik Fjordstrand', NORA,
      'Mette Krogvik']) {
      assert.equal(await items.filter({ hasText: name }).count(), 1, `guardian sees participant ${name}`);
    }
    assert.equal(await page.getByRole('main').getByText(/^Det finnes ikke noe gyldig samtykke/).count(), 0);
    await checkA11y(page, 'Nora\'s log as guardian');
    await screenshot(page, 'log-core-participants-guardian.png');
  });

  await withPage(DESKTOP, async (page) => {
    await loginEmployee(page, 'Sara Holmvik');
    const card = logCards(page, NORA);
    assert.equal(await card.count(), 1);
    await navigate(page, () => card.getByRole('link', { name: NORA, exact: true }).click());
    assert.equal(new URL(page.url()).pathname, NORA_LOG);
    assert.equal(await h1Text(page), NORA);
    const participants = page.getByRole('main').getByRole('region', { name: 'Hvem er med', exact: true });
    assert.equal(await participants.getByRole('listitem').filter({ hasText: 'Sara Holmvik' }).count(), 1,
      'Sara sees herself');
    // Nowhere in the document: not in text, attributes or hidden markup.
    assert.ok(!(await page.content()).includes('Krogvik'), 'the hidden participant is not in the page');
    assert.ok(!(await page.content()).includes('Skjult for andre deltakere'), 'no "hidden" tag at all');
    await checkA11y(page, 'Nora\'s log as contributor');
    await screenshot(page, 'log-core-participants-contributor.png');
  });
});

test('national id field: script payload is rejected and never runs (CSP, escaping)', TEST_TIMEOUT, async () => {
  await withPage(DESKTOP, async (page, context) => {
    await context.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
      }, true);
    });
    const dialogs = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      await dialog.dismiss();
    });

    await loginEmployee(page, INGRID);
    const payload = '<script>alert(1)</script>';
    const main = page.getByRole('main');
    const field = () => page.getByLabel('Barnets fødselsnummer (11 siffer)', { exact: true });
    const submit = () => main.getByRole('button', { name: 'Finn barnet', exact: true });

    // 1. As a user would type it (the field's maxlength cuts it short).
    const first = await page.goto(`${server.url}/logger/ny`);
    assert.match(first.headers()['content-security-policy'] ?? '', /script-src 'self'/);
    await field().fill(payload);
    let responses = await navigate(page, () => submit().click());
    assert.equal(last(responses).status, 422);
    await assertFieldError(field(), 'Skriv et gyldig fødselsnummer (11 siffer).');

    // 2. The whole payload, past the client-side maxlength (as a crafted request would be).
    await field().evaluate((el, value) => { el.removeAttribute('maxlength'); el.value = value; }, payload);
    responses = await navigate(page, () => submit().click());
    assert.equal(last(responses).status, 422);
    await assertFieldError(field(), 'Skriv et gyldig fødselsnummer (11 siffer).');
    assert.match(await main.getByRole('alert').textContent(), /Noe må rettes/, 'error summary');
    const html = await page.content();
    assert.ok(!html.includes(payload), 'the payload is not echoed unescaped');
    assert.equal(await page.locator('script').count(), 0, 'no script element in the page');

    await checkA11y(page, 'new log, step 1 with errors');
    await screenshot(page, 'log-core-xss.png');
    assert.deepEqual(dialogs, [], 'no dialog opened');
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violations');
  });
});
