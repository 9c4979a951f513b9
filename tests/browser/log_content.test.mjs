// Browser tests for a log's content ("Mål og tiltak") with the demo login:
// the holder adds a goal and a measure (with a validation round trip),
// evaluates the measure, corrects it; the guardian sees goals and measures
// but cannot change them (on a phone); a goal text with markup is shown as
// text and never runs.
//
// The tests in this file build on each other's data (one server, Nora's log
// /logger/1) and run in order:
//   1. goal + measure (overdue)  ->  2. evaluation (no longer overdue)
//   ->  3. correction ("Rettet")  ->  4. guardian's read-only view  ->  5. XSS
//   ->  6. guardian adds a lysglimt, filters the timeline, prints the log
//   ->  7. meeting with minutes; decisions become a task and a measure
//   ->  8. guardian corrects her own lysglimt on the phone; the holder sees
//          "Rettet" and the earlier text, and cannot correct it herself
//   ->  9. holder picks a measure from the municipality's catalogue
//
// Run from the repository root:  node --test tests/browser/log_content.test.mjs
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

// Demo data (src/app/demo_seed.cc).
const INGRID = 'Ingrid Fjellstad';
const HANNE = 'Hanne Fjordstrand';
const NORA = 'Nora Fjordstrand';
const NORA_LOG = '/logger/1';
const HEALTH_UNIT = 'Fjordvik helsestasjon og skolehelsetjeneste';

const GOAL = 'Nora trives på skolen';
const MEASURE = 'Samtale med helsesykepleier';
const MEASURE_CORRECTED = 'Samtale med helsesykepleier hver uke';
const OBSERVED = 'Nora sier at samtalene hjelper, og hun er mer på skolen.';
const XSS_GOAL = '<img src=x onerror=alert(1)><script>alert(2)</script>';

const REQUIRED = 'Dette feltet må fylles ut.';
const EVALUATION_BEFORE_START = 'Evalueringen kan ikke være før startdatoen.';
const ERROR_SUMMARY = 'Noe må rettes før du kan gå videre:';

// State passed from one test to the next (they run in order).
/** The measure's id, set by test 1. */
let measureId = null;
/** Whether each step succeeded, so later tests fail with a clear reason. */
const done = { measure: false, evaluated: false, corrected: false };

let server;
let browser;
let workDir;

before(async () => {
  await mkdir(OUTPUT, { recursive: true });
  workDir = await mkdtemp(join(tmpdir(), 'stafett-log-content-'));
  server = await startServer({ bin: BIN, webRoot: WEB_ROOT, workDir, extraArgs: ['--demo'] });
  browser = await launchBrowser();
}, { timeout: 30_000 });

after(async () => {
  await browser?.close();
  try {
    await server?.stop();
  } finally {
    if (workDir) {
      await copyFile(join(workDir, 'server.log'), join(OUTPUT, 'log-content-server.log')).catch(() => {});
      await rm(workDir, { recursive: true, force: true });
    }
  }
});

/** A fresh page in its own browser context (own cookies); see support/page.mjs. */
const withPage = (contextOptions, fn) => withFreshPage(browser, contextOptions, fn);

async function screenshot(page, name) {
  await page.screenshot({ path: join(OUTPUT, name), fullPage: true });
}

/** A form POST answered with a redirect that lands on the log page's "Mål og tiltak" section. */
function assertBackOnGoals(responses, what) {
  assert.equal(responses[0].method, 'POST', `${what}: a POST`);
  assert.ok(responses[0].status >= 300 && responses[0].status < 400,
    `${what}: POST-redirect-GET: ${JSON.stringify(responses)}`);
  assert.equal(last(responses).status, 200, `${what}: lands on a page: ${JSON.stringify(responses)}`);
}

async function assertOnLogGoals(page) {
  const url = new URL(page.url());
  assert.equal(url.pathname, NORA_LOG, 'back on the log page');
  assert.equal(url.hash, '#goals', 'at the "Mål og tiltak" section');
  assert.equal(await h1Text(page), NORA);
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
  assert.match(await page.getByRole('banner').textContent(), new RegExp(`Logget inn som ${name}`));
}

const loginEmployee = (page, name) => demoLogin(page, name, 'Ansatte');
const loginCitizen = (page, name) => demoLogin(page, name, 'Foreldre og barn');

/** Opens Nora's log directly and checks it loaded. */
async function openNoraLog(page) {
  const response = await page.goto(`${server.url}${NORA_LOG}`);
  assert.equal(response.status(), 200, `${NORA_LOG} status`);
  assert.equal(await h1Text(page), NORA);
}

/** The "Mål og tiltak" section of the log page. */
const goalsSection = (page) => page.getByRole('main').getByRole('region', { name: 'Mål og tiltak', exact: true });

/** The goal card (list item) whose heading is "Mål: <text>". */
function goalItem(page, text) {
  return goalsSection(page).locator('li.goal')
    .filter({ has: page.getByRole('heading', { name: `Mål: ${text}` }) });
}

/** The measure list item whose title (the <strong>) is exactly `title`. */
function measureItem(page, title) {
  return goalsSection(page).locator('li.measure')
    .filter({ has: page.locator('strong').getByText(title, { exact: true }) });
}

/** The overdue warning in the goals section. */
const overdueBanner = (page) => goalsSection(page).getByText(/^Tiltak som har passert evalueringsdatoen:/);

/**
 * Today's date in Oslo (the server's calendar) plus n days, as YYYY-MM-DD
 * (for <input type=date>) and as dd.mm.yyyy (as the pages show it).
 */
function osloDateInDays(n) {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit',
  }).format(new Date());
  const [y, m, d] = today.split('-').map(Number);
  const shifted = new Date(Date.UTC(y, m - 1, d + n));
  const pad = (x) => String(x).padStart(2, '0');
  const yy = shifted.getUTCFullYear();
  const mm = pad(shifted.getUTCMonth() + 1);
  const dd = pad(shifted.getUTCDate());
  return { iso: `${yy}-${mm}-${dd}`, shown: `${dd}.${mm}.${yy}` };
}

/** Selects the option of a <select> whose text contains `part` (exactly one must). */
async function selectOptionContaining(select, part) {
  const labels = await select.locator('option').allTextContents();
  const matching = labels.map((l) => l.trim()).filter((l) => l.includes(part));
  assert.equal(matching.length, 1, `exactly one option contains "${part}": ${JSON.stringify(labels)}`);
  await select.selectOption({ label: matching[0] });
  assert.equal((await select.locator('option:checked').textContent()).trim(), matching[0]);
  return matching[0];
}

/** Adds a goal through the "Nytt mål" form on the log page (already open). */
async function addGoal(page, text) {
  const section = goalsSection(page);
  await section.getByLabel('Nytt mål', { exact: true }).fill(text);
  const responses = await navigate(page,
    () => section.getByRole('button', { name: 'Legg til mål', exact: true }).click());
  assertBackOnGoals(responses, 'adding a goal');
  await assertOnLogGoals(page);
}

test('1. holder adds a goal and an overdue measure (with a validation round trip)', TEST_TIMEOUT, async () => {
  await withPage(DESKTOP, async (page) => {
    await loginEmployee(page, INGRID);
    await openNoraLog(page);
    const section = goalsSection(page);
    assert.ok(await section.isVisible(), '"Mål og tiltak" section');
    assert.equal(await section.getAttribute('id'), 'goals');
    assert.equal(await overdueBanner(page).count(), 0, 'no overdue warning before any measure');

    // The goal.
    await addGoal(page, GOAL);
    const goal = goalItem(page, GOAL);
    assert.equal(await goal.count(), 1, `the goal "${GOAL}" is shown once`);
    assert.ok(await goal.getByRole('heading', { name: `Mål: ${GOAL}`, exact: true }).isVisible());

    // The measure form.
    const opened = await navigate(page,
      () => goalsSection(page).getByRole('link', { name: 'Legg til tiltak', exact: true }).click());
    assert.equal(last(opened).status, 200);
    assert.equal(new URL(page.url()).pathname, `${NORA_LOG}/tiltak/ny`);
    assert.equal(await h1Text(page), 'Nytt tiltak');
    const main = page.getByRole('main');
    const title = () => main.getByLabel('Tiltak', { exact: true });
    const start = () => main.getByLabel('Startdato', { exact: true });
    const evaluation = () => main.getByLabel('Evalueres senest', { exact: true });
    const goals = () => main.getByRole('group', { name: 'Hvilke mål skal tiltaket hjelpe med?', exact: true });
    const responsible = () => main.getByLabel('Hvem er ansvarlig?', { exact: true });
    const unit = () => main.getByLabel('Enheten som gir tiltaket', { exact: true });
    const submit = () => main.getByRole('button', { name: 'Legg til tiltak', exact: true });
    for (const [label, field] of [['Tiltak', title()], ['Beskrivelse (valgfritt)',
      main.getByLabel('Beskrivelse (valgfritt)', { exact: true })], ['Hvem er ansvarlig?', responsible()],
    ['Enheten som gir tiltaket', unit()], ['Startdato', start()], ['Evalueres senest', evaluation()],
    ['Status', main.getByLabel('Status', { exact: true })],
    ['Begrunnelse for status (må fylles ut ved avbrutt)',
      main.getByLabel('Begrunnelse for status (må fylles ut ved avbrutt)', { exact: true })]]) {
      assert.equal(await field.count(), 1, `one field labelled "${label}"`);
    }
    assert.equal(await goals().getByRole('checkbox', { name: GOAL, exact: true }).count(), 1,
      'the new goal can be ticked');

    // Round trip: no title, and the evaluation before the start.
    const tenDaysAgo = osloDateInDays(-10);
    const elevenDaysAgo = osloDateInDays(-11);
    const yesterday = osloDateInDays(-1);
    await title().fill('');
    await page.fill('#field-start_date', tenDaysAgo.iso);
    await page.fill('#field-evaluation_date', elevenDaysAgo.iso);
    const rejected = await navigate(page, () => submit().click());
    assert.equal(rejected[0].method, 'POST');
    assert.equal(last(rejected).status, 422, `invalid measure is answered with 422: ${JSON.stringify(rejected)}`);
    assert.equal(await h1Text(page), 'Nytt tiltak');

    const summary = main.getByRole('alert');
    assert.equal(await summary.count(), 1, 'one error summary');
    assert.ok((await summary.textContent()).includes(ERROR_SUMMARY), 'the summary says what it is');
    const summaryLinks = summary.getByRole('link');
    assert.equal(await summaryLinks.filter({ hasText: REQUIRED }).getAttribute('href'), '#field-title');
    assert.equal(await summaryLinks.filter({ hasText: EVALUATION_BEFORE_START }).getAttribute('href'),
      '#field-evaluation_date');
    await assertFieldError(title(), REQUIRED);
    await assertFieldError(evaluation(), EVALUATION_BEFORE_START);

    // The dates survive the round trip.
    assert.equal(await start().inputValue(), tenDaysAgo.iso, 'start date kept');
    assert.equal(await evaluation().inputValue(), elevenDaysAgo.iso, 'evaluation date kept');

    await checkA11y(page, 'new measure with errors');
    await screenshot(page, 'log-content-measure-errors.png');

    // Nothing was created.
    const log = await page.request.get(`${server.url}${NORA_LOG}`);
    assert.equal(log.status(), 200);
    assert.doesNotMatch(await log.text(), /\/tiltak\/\d+\/evaluering/, 'no measure on the log page yet');

    // Fix and submit.
    await title().fill(MEASURE);
    await goals().getByRole('checkbox', { name: GOAL, exact: true }).check();
    const responsibleName = await selectOptionContaining(responsible(), 'Sara');
    assert.match(responsibleName, /^Sara Holmvik/);
    await unit().selectOption({ label: HEALTH_UNIT });
    await page.fill('#field-start_date', tenDaysAgo.iso);
    await page.fill('#field-evaluation_date', yesterday.iso);
    const created = await navigate(page, () => submit().click());
    assertBackOnGoals(created, 'adding a measure');
    await assertOnLogGoals(page);

    // The measure, under its goal.
    const measure = goalItem(page, GOAL).locator('li.measure')
      .filter({ has: page.locator('strong').getByText(MEASURE, { exact: true }) });
    assert.equal(await measure.count(), 1, 'the measure is listed under its goal');
    const text = (await measure.textContent()).replace(/\s+/g, ' ');
    assert.ok(text.includes(`Ansvarlig: Sara Holmvik, ${HEALTH_UNIT} · Planlagt`),
      `responsible, unit and status: ${text}`);
    assert.ok(text.includes(`Neste evaluering ${yesterday.shown}`), `next evaluation yesterday: ${text}`);
    const overdueTag = measure.getByText('Evaluering forfalt', { exact: true });
    assert.ok(await overdueTag.isVisible(), 'overdue tag');
    assert.equal(await overdueTag.getAttribute('data-color'), 'danger', 'the overdue tag is red');
    assert.ok(await overdueBanner(page).isVisible(), 'overdue warning');
    assert.equal((await overdueBanner(page).textContent()).replace(/\s+/g, ' ').trim(),
      'Tiltak som har passert evalueringsdatoen: 1');

    const evaluate = measure.getByRole('link', { name: /^Evaluer\b/ });
    const href = await evaluate.getAttribute('href');
    const m = new RegExp(`^${NORA_LOG}/tiltak/(\\d+)/evaluering$`).exec(href ?? '');
    assert.ok(m, `"Evaluer" links to the evaluation form: ${href}`);
    measureId = Number(m[1]);
    assert.equal(await measure.getByRole('link', { name: /^Rett tiltaket\b/ }).getAttribute('href'),
      `${NORA_LOG}/tiltak/${measureId}/rett`);

    await checkA11y(page, 'log page with an overdue measure (holder)');
    await screenshot(page, 'log-content-measure-overdue.png');
    done.measure = true;
  });
});

test('2. holder evaluates the measure: no longer overdue, evaluation listed', TEST_TIMEOUT, async () => {
  assert.ok(done.measure, 'test 1 created the measure');
  const today = osloDateInDays(0);
  const inThirtyDays = osloDateInDays(30);
  await withPage(DESKTOP, async (page) => {
    await loginEmployee(page, INGRID);
    await openNoraLog(page);
    const measure = measureItem(page, MEASURE);
    assert.equal(await measure.count(), 1);
    const opened = await navigate(page, () => measure.getByRole('link', { name: /^Evaluer\b/ }).click());
    assert.equal(last(opened).status, 200);
    assert.equal(new URL(page.url()).pathname, `${NORA_LOG}/tiltak/${measureId}/evaluering`);
    assert.equal(await h1Text(page), 'Evaluer tiltaket');

    const main = page.getByRole('main');
    const date = main.getByLabel('Dato', { exact: true });
    assert.equal(await date.inputValue(), today.iso, 'the date defaults to today');
    await page.fill('#field-date', today.iso);
    await main.getByLabel('Hva har dere sett?', { exact: true }).fill(OBSERVED);
    for (const choice of ['Fortsett tiltaket', 'Endre tiltaket', 'Avslutt tiltaket']) {
      assert.equal(await main.getByRole('radio', { name: choice, exact: true }).count(), 1, `radio "${choice}"`);
    }
    await main.getByRole('radio', { name: 'Fortsett tiltaket', exact: true }).check();
    assert.equal(await main.getByLabel('Neste evaluering (ikke nødvendig ved avslutning)', { exact: true }).count(), 1);
    await page.fill('#field-next_evaluation_date', inThirtyDays.iso);
    await checkA11y(page, 'evaluation form');

    const saved = await navigate(page,
      () => main.getByRole('button', { name: 'Lagre evalueringen', exact: true }).click());
    assertBackOnGoals(saved, 'saving the evaluation');
    await assertOnLogGoals(page);

    const after = measureItem(page, MEASURE);
    assert.equal(await after.count(), 1);
    assert.equal(await after.getByText('Evaluering forfalt', { exact: true }).count(), 0, 'no overdue tag');
    assert.equal(await overdueBanner(page).count(), 0, 'no overdue warning');
    const text = (await after.textContent()).replace(/\s+/g, ' ');
    assert.ok(text.includes(`Neste evaluering ${inThirtyDays.shown}`), `next evaluation in 30 days: ${text}`);

    const evaluations = after.locator('details').filter({
      has: page.locator('summary').getByText('Evalueringer', { exact: true }),
    });
    assert.equal(await evaluations.count(), 1, '"Evalueringer" details');
    await evaluations.locator('summary').click();
    const item = evaluations.getByRole('listitem').filter({ hasText: OBSERVED });
    assert.ok(await item.isVisible(), 'the evaluation is listed');
    const itemText = (await item.textContent()).replace(/\s+/g, ' ');
    assert.ok(itemText.includes(today.shown), `evaluation dated today: ${itemText}`);
    assert.ok(itemText.includes('Fortsett tiltaket'), `evaluation outcome: ${itemText}`);
    assert.ok(itemText.includes(INGRID), `evaluation author: ${itemText}`);

    await checkA11y(page, 'log page after the evaluation');
    await screenshot(page, 'log-content-evaluated.png');
    done.evaluated = true;
  });
});

test('3. holder corrects the measure: "Rettet" and the earlier version', TEST_TIMEOUT, async () => {
  assert.ok(done.evaluated, 'test 2 evaluated the measure');
  await withPage(DESKTOP, async (page) => {
    await loginEmployee(page, INGRID);
    await openNoraLog(page);
    const measure = measureItem(page, MEASURE);
    const opened = await navigate(page, () => measure.getByRole('link', { name: /^Rett tiltaket\b/ }).click());
    assert.equal(last(opened).status, 200);
    assert.equal(new URL(page.url()).pathname, `${NORA_LOG}/tiltak/${measureId}/rett`);
    assert.equal(await h1Text(page), 'Rett tiltaket');

    const main = page.getByRole('main');
    const title = main.getByLabel('Tiltak', { exact: true });
    assert.equal(await title.inputValue(), MEASURE, 'the form starts from the current title');
    assert.ok(await main.getByRole('group', { name: 'Hvilke mål skal tiltaket hjelpe med?', exact: true })
      .getByRole('checkbox', { name: GOAL, exact: true }).isChecked(), 'the goal is still ticked');
    assert.match((await main.getByLabel('Hvem er ansvarlig?', { exact: true })
      .locator('option:checked').textContent()).trim(), /^Sara Holmvik/);
    assert.equal((await main.getByLabel('Enheten som gir tiltaket', { exact: true })
      .locator('option:checked').textContent()).trim(), HEALTH_UNIT);
    await title.fill(MEASURE_CORRECTED);
    await main.getByLabel('Hvorfor rettes det?', { exact: true }).fill('Hyppigere');
    await checkA11y(page, 'measure correction form');

    const saved = await navigate(page,
      () => main.getByRole('button', { name: 'Lagre rettingen', exact: true }).click());
    assertBackOnGoals(saved, 'saving the correction');
    await assertOnLogGoals(page);

    assert.equal(await measureItem(page, MEASURE).count(), 0, 'the old title is no longer the measure\'s title');
    const corrected = goalItem(page, GOAL).locator('li.measure')
      .filter({ has: page.locator('strong').getByText(MEASURE_CORRECTED, { exact: true }) });
    assert.equal(await corrected.count(), 1, 'the corrected measure, still under its goal');
    assert.ok(await corrected.getByText('Rettet', { exact: true }).isVisible(), '"Rettet" tag');
    assert.equal(await corrected.getByText('Evaluering forfalt', { exact: true }).count(), 0, 'still not overdue');

    const history = corrected.locator('details').filter({
      has: page.locator('summary').getByText('Tidligere versjoner', { exact: true }),
    });
    assert.equal(await history.count(), 1, '"Tidligere versjoner" details');
    await history.locator('summary').click();
    const versions = history.getByRole('listitem');
    assert.equal(await versions.count(), 1, 'one earlier version');
    assert.ok(await versions.first().isVisible(), 'the earlier version is shown once the details are open');
    const versionText = (await versions.first().textContent()).replace(/\s+/g, ' ');
    assert.ok(versionText.includes(`${INGRID}: ${MEASURE} `) && !versionText.includes(MEASURE_CORRECTED),
      `the earlier version has the old title: ${versionText}`);
    assert.ok(versionText.includes('Hyppigere'), `the reason is shown: ${versionText}`);

    // The evaluation is kept.
    const evaluations = corrected.locator('details').filter({
      has: page.locator('summary').getByText('Evalueringer', { exact: true }),
    });
    assert.equal(await evaluations.count(), 1, 'the evaluation survives the correction');

    await checkA11y(page, 'log page after the correction');
    await screenshot(page, 'log-content-corrected.png');
    done.corrected = true;
  });
});

test('4. guardian on a phone sees goals and measures, but cannot change them', TEST_TIMEOUT, async () => {
  assert.ok(done.corrected, 'test 3 corrected the measure');
  await withPage(PHONE, async (page) => {
    await loginCitizen(page, HANNE);
    await openNoraLog(page);
    const section = goalsSection(page);
    assert.ok(await section.isVisible(), '"Mål og tiltak" section');
    assert.ok(await goalItem(page, GOAL).getByRole('heading', { name: `Mål: ${GOAL}`, exact: true }).isVisible(),
      'the goal is shown');
    const measure = measureItem(page, MEASURE_CORRECTED);
    assert.equal(await measure.count(), 1, 'the measure is shown');
    assert.ok(await measure.isVisible());

    assert.equal(await section.getByRole('button', { name: 'Legg til mål' }).count(), 0, 'no "Legg til mål"');
    assert.equal(await section.getByLabel('Nytt mål').count(), 0, 'no "Nytt mål" field');
    assert.equal(await section.getByRole('link', { name: 'Legg til tiltak' }).count(), 0, 'no "Legg til tiltak"');
    assert.equal(await section.getByRole('link', { name: /^Evaluer\b/ }).count(), 0, 'no "Evaluer" link');
    assert.equal(await section.getByRole('link', { name: /^Rett tiltaket\b/ }).count(), 0, 'no "Rett tiltaket"');
    assert.equal(await section.getByText('Rett målet').count(), 0, 'no "Rett målet"');
    assert.equal(await section.locator('form').count(), 0, 'no forms in "Mål og tiltak"');

    await assertNoHorizontalScroll(page, 'guardian log page 375x667');
    await checkA11y(page, 'log page as guardian (phone 375x667)');
    await screenshot(page, 'log-content-guardian-375.png');

    // Nor can she open the forms directly.
    for (const path of [`${NORA_LOG}/tiltak/ny`, `${NORA_LOG}/tiltak/${measureId}/evaluering`,
      `${NORA_LOG}/tiltak/${measureId}/rett`]) {
      const response = await page.goto(`${server.url}${path}`);
      assert.equal(response.status(), 403, `guardian GET ${path}`);
      assert.equal(await page.getByRole('main').locator('form[method="post"]').count(), 0, `no form on ${path}`);
    }
  });
});

test('5. a goal with markup is shown as text and never runs (escaping, CSP)', TEST_TIMEOUT, async () => {
  await withPage(DESKTOP, async (page, context) => {
    await context.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
      }, true);
    });
    await loginEmployee(page, INGRID);
    await openNoraLog(page);
    await addGoal(page, XSS_GOAL);

    const goal = goalItem(page, XSS_GOAL);
    assert.equal(await goal.count(), 1, 'the goal is listed once');
    const heading = goal.getByRole('heading', { name: `Mål: ${XSS_GOAL}`, exact: true });
    assert.ok(await heading.isVisible(), 'the markup is visible literally');
    assert.equal((await heading.textContent()).trim(), `Mål: ${XSS_GOAL}`);
    assert.equal(await page.locator('main img, main script').count(), 0, 'no img or script element created');
    assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script in the page');
    const html = await page.content();
    assert.ok(!html.includes(XSS_GOAL), 'the payload is not in the page unescaped');
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violations (log page)');

    // Also as a checkbox label on the measure form.
    const form = await page.goto(`${server.url}${NORA_LOG}/tiltak/ny`);
    assert.equal(form.status(), 200);
    const box = page.getByRole('main').getByRole('group', { name: 'Hvilke mål skal tiltaket hjelpe med?' })
      .getByRole('checkbox', { name: XSS_GOAL, exact: true });
    assert.equal(await box.count(), 1, 'the goal is a checkbox labelled with the literal text');
    assert.equal(await page.locator('main img, main script').count(), 0, 'no img or script element on the form');
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violations (measure form)');
    await screenshot(page, 'log-content-xss.png');
  });
});

const LYSGLIMT = 'Nora leste en hel bok for lillebror i kveld';

test('6. guardian on a phone adds a lysglimt, filters the timeline to it and prints the log', TEST_TIMEOUT, async () => {
  await withPage(PHONE, async (page) => {
    await loginCitizen(page, HANNE);
    await openNoraLog(page);
    const highlights = page.getByRole('main').getByRole('region', { name: 'Lysglimt', exact: true });
    await highlights.getByLabel('Noe positivt som har skjedd').fill(LYSGLIMT);
    const posted = await navigate(page, () => highlights.getByRole('button', { name: 'Legg til lysglimt' }).click());
    assert.equal(posted[0].method, 'POST');
    assert.equal(last(posted).status, 200, `lands on the log: ${JSON.stringify(posted)}`);
    assert.ok(await highlights.getByText(LYSGLIMT, { exact: true }).isVisible(), 'her lysglimt is on the log page');

    // The timeline, narrowed to lysglimt: hers is there, the goal is not.
    const timeline = page.getByRole('main').getByRole('region', { name: 'Tidslinje', exact: true });
    await timeline.getByLabel('Vis', { exact: true }).selectOption({ label: 'Lysglimt' });
    const filtered = await navigate(page, () => timeline.getByRole('button', { name: 'Vis utvalg' }).click());
    assert.equal(last(filtered).status, 200);
    assert.equal(new URL(page.url()).searchParams.get('vis'), 'highlight');
    const lines = page.getByRole('main').getByRole('region', { name: 'Tidslinje', exact: true }).getByRole('listitem');
    assert.ok(await lines.filter({ hasText: LYSGLIMT }).count() >= 1, 'her lysglimt is in the filtered timeline');
    assert.equal(await lines.filter({ hasText: GOAL }).count(), 0, 'goals are filtered out');
    assert.equal(await lines.filter({ hasNotText: 'Lysglimt' }).count(), 0, 'every line is a lysglimt');
    await assertNoHorizontalScroll(page, 'filtered timeline 375x667');
    await checkA11y(page, 'log page with filtered timeline (phone 375x667)');

    // The printable version: stamped with who printed it, no forms on paper.
    const printed = await navigate(page, () => page.getByRole('link', { name: 'Utskriftsvennlig versjon' }).click());
    assert.equal(last(printed).status, 200);
    assert.equal(new URL(page.url()).pathname, `${NORA_LOG}/utskrift`);
    assert.match(await page.getByRole('main').textContent(), new RegExp(`Skrevet ut .* av ${HANNE}`));
    assert.ok(await page.getByRole('main').getByText(LYSGLIMT).isVisible());
    await assertNoHorizontalScroll(page, 'printable log 375x667');
    await checkA11y(page, 'printable log (phone 375x667)');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('button', { name: 'Logg ut' }).isVisible(), false, 'no buttons on paper');
    await screenshot(page, 'log-print-guardian-375.png');
  });
});

test('7. holder holds a meeting: minutes, one decision becomes a task and one a measure', TEST_TIMEOUT, async () => {
  const PLACE = 'Møterom 2, Fjordvik skole';
  const TASK_DECISION = 'Sara ringer mor før jul';
  const MEASURE_DECISION = 'Felles foreldremøte i januar';
  await withPage(DESKTOP, async (page) => {
    await loginEmployee(page, INGRID);
    await openNoraLog(page);
    const meetings = () => page.getByRole('main').getByRole('region', { name: 'Møter', exact: true });
    await meetings().getByText('Nytt møte', { exact: true }).click();
    await page.fill('#meeting-starts', `${osloDateInDays(10).iso}T14:00`);
    await meetings().getByLabel('Sted', { exact: true }).fill(PLACE);
    await meetings().getByRole('group', { name: 'Hvem inviteres?' }).getByRole('checkbox', { name: new RegExp(`^${HANNE}`) }).check();
    await meetings().getByLabel('Saker (én per linje)').fill('Hvordan går det?\nNeste steg');
    const added = await navigate(page, () => meetings().getByRole('button', { name: 'Legg til møte' }).click());
    assert.equal(last(added).status, 200, `meeting added: ${JSON.stringify(added)}`);
    const meeting = meetings().getByRole('listitem').filter({ hasText: PLACE }).first();
    assert.ok(await meeting.isVisible(), 'the meeting is listed');

    await meeting.getByText('Skriv referat', { exact: true }).click();
    await meeting.getByLabel('Referat', { exact: true }).fill('Nora har det bedre. Vi avtalte to ting.');
    await meeting.getByLabel('Vedtak og avtaler (én per linje)').fill(`${TASK_DECISION}\n${MEASURE_DECISION}`);
    const minuted = await navigate(page, () => meeting.getByRole('button', { name: 'Lagre referatet' }).click());
    assert.equal(last(minuted).status, 200);

    // Decision 1 -> a task for Sara, in one step.
    const decision = meetings().getByRole('listitem').filter({ hasText: TASK_DECISION }).last();
    await selectOptionContaining(decision.getByLabel('Hvem skal gjøre den?'), 'Sara');
    await decision.getByLabel('Frist').fill(osloDateInDays(14).iso);
    await decision.getByLabel('Frist').evaluate((el) => el.blur());
    // sr-only text is positioned, so the accessible name may have a space before the colon.
    const btn = decision.getByRole('button', { name: new RegExp(`^Lag oppgave av dette\\s*: ${TASK_DECISION}$`) });
    const tasked = await navigate(page, () => btn.click());
    assert.equal(last(tasked).status, 200);
    assert.ok(await meetings().getByText(/Oppgave laget: Sara ringer mor før jul/).isVisible(), 'the decision shows its task');

    // Decision 2 -> a measure: the form starts with the decision's text.
    const toMeasure = await navigate(page, () => meetings()
      .getByRole('link', { name: new RegExp(`^Lag tiltak av vedtaket\\s*: ${MEASURE_DECISION}$`) }).click());
    assert.equal(last(toMeasure).status, 200);
    const main = page.getByRole('main');
    assert.equal(await main.getByLabel('Tiltak', { exact: true }).inputValue(), MEASURE_DECISION);
    await selectOptionContaining(main.getByLabel('Hvem er ansvarlig?', { exact: true }), 'Ingrid');
    await main.getByLabel('Enheten som gir tiltaket', { exact: true }).selectOption({ index: 0 });
    await page.fill('#field-start_date', osloDateInDays(0).iso);
    await page.fill('#field-evaluation_date', osloDateInDays(60).iso);
    await checkA11y(page, 'measure form made from a decision');
    const made = await navigate(page, () => main.getByRole('button', { name: 'Legg til tiltak', exact: true }).click());
    assertBackOnGoals(made, 'measure from a decision');
    assert.ok(await meetings().getByText(`Tiltak laget av vedtak i møtet: ${MEASURE_DECISION}`).isVisible());
    await checkA11y(page, 'log page with a meeting, minutes, a task and a measure from decisions');
    await screenshot(page, 'log-meeting-decisions.png');
  });

  // The task reaches Sara's "Mine oppgaver".
  await withPage(PHONE, async (page) => {
    await loginEmployee(page, 'Sara Holmvik');
    const response = await page.goto(`${server.url}/oppgaver`);
    assert.equal(response.status(), 200);
    assert.ok(await page.getByRole('main').getByText(TASK_DECISION).first().isVisible(), 'Sara sees her task');
    await assertNoHorizontalScroll(page, 'my tasks 375x667');
    await checkA11y(page, 'my tasks (phone 375x667)');
  });
});

test('8. guardian corrects her own lysglimt on a phone; the holder sees the correction but cannot make one', TEST_TIMEOUT, async () => {
  const CORRECTED = 'Nora leste en hel bok for lillebror og lillesøster i kveld';
  await withPage(PHONE, async (page) => {
    await loginCitizen(page, HANNE);
    await openNoraLog(page);
    const highlights = () => page.getByRole('main').getByRole('region', { name: 'Lysglimt', exact: true });
    const mine = highlights().getByRole('listitem').filter({ hasText: LYSGLIMT }).first();
    const opened = await navigate(page, () => mine.getByRole('link', { name: /^Rett/ }).click());
    assert.equal(last(opened).status, 200);
    assert.equal(await h1Text(page), 'Rett lysglimtet');
    const main = page.getByRole('main');
    assert.equal(await main.getByLabel('Noe positivt som har skjedd').inputValue(), LYSGLIMT, 'starts with her text');
    await assertNoHorizontalScroll(page, 'correction form 375x667');
    await checkA11y(page, 'correction form (phone 375x667)');

    // Without a reason: the message sits next to the field, nothing is saved.
    await main.getByLabel('Noe positivt som har skjedd').fill(CORRECTED);
    await main.getByLabel('Hvorfor rettes det?').fill('');
    const refused = await navigate(page, () => main.getByRole('button', { name: 'Lagre rettingen' }).click());
    assert.equal(last(refused).status, 422);
    await assertFieldError(main.getByLabel('Hvorfor rettes det?'), 'Skriv hvorfor det rettes (høyst 2000 tegn).');
    await checkA11y(page, 'correction form with an error (phone 375x667)');

    await main.getByLabel('Hvorfor rettes det?').fill('Glemte lillesøster');
    const saved = await navigate(page, () => main.getByRole('button', { name: 'Lagre rettingen' }).click());
    assert.equal(last(saved).status, 200, `back on the log: ${JSON.stringify(saved)}`);
    assert.equal(new URL(page.url()).pathname, NORA_LOG);
    const corrected = highlights().getByRole('listitem').filter({ hasText: CORRECTED }).first();
    assert.ok(await corrected.getByText('Rettet', { exact: true }).isVisible(), 'marked as corrected');
    await corrected.getByText('Tidligere versjoner').click();
    assert.ok(await corrected.getByText(LYSGLIMT, { exact: false }).first().isVisible(), 'the earlier text is one tap away');
    await assertNoHorizontalScroll(page, 'log page after a correction 375x667');
    await checkA11y(page, 'log page with a corrected lysglimt (phone 375x667)');
    await screenshot(page, 'log-lysglimt-corrected-375.png');
  });

  await withPage(DESKTOP, async (page) => {
    await loginEmployee(page, INGRID);
    await openNoraLog(page);
    const item = page.getByRole('main').getByRole('region', { name: 'Lysglimt', exact: true })
      .getByRole('listitem').filter({ hasText: CORRECTED }).first();
    assert.ok(await item.getByText('Rettet', { exact: true }).isVisible(), 'the holder sees that it was corrected');
    assert.equal(await item.getByRole('link', { name: /^Rett/ }).count(), 0, "no way to rewrite a parent's words");
  });
});

test('9. holder picks a measure from the municipality\'s catalogue', TEST_TIMEOUT, async () => {
  const PICKED = 'Leksehjelp med ekstra oppfølging';
  await withPage(DESKTOP, async (page) => {
    await loginEmployee(page, INGRID);
    const opened = await page.goto(`${server.url}${NORA_LOG}/tiltak/ny`);
    assert.equal(opened.status(), 200);
    const main = page.getByRole('main');
    await selectOptionContaining(main.getByLabel('Velg fra kommunens tiltaksoversikt'), PICKED);
    const picked = await navigate(page, () => main.getByRole('button', { name: 'Bruk dette tiltaket' }).click());
    assert.equal(last(picked).status, 200);
    assert.equal(await main.getByLabel('Tiltak', { exact: true }).inputValue(), PICKED, 'the form starts with its name');
    assert.ok(await main.getByText(`Fra tiltaksoversikten: ${PICKED}`).isVisible());
    await checkA11y(page, 'measure form with a catalogue measure');
    await selectOptionContaining(main.getByLabel('Hvem er ansvarlig?', { exact: true }), 'Ingrid');
    await main.getByLabel('Enheten som gir tiltaket', { exact: true }).selectOption({ index: 0 });
    await page.fill('#field-start_date', osloDateInDays(0).iso);
    await page.fill('#field-evaluation_date', osloDateInDays(30).iso);
    await page.locator('#field-evaluation_date').evaluate((el) => el.blur());
    const saved = await navigate(page, () => main.getByRole('button', { name: 'Legg til tiltak', exact: true }).click());
    assertBackOnGoals(saved, 'measure from the catalogue');
    assert.ok(await measureItem(page, PICKED).getByText(`Fra tiltaksoversikten: ${PICKED}`).isVisible(),
      'the measure names the catalogue it came from');
    await screenshot(page, 'log-measure-from-catalogue.png');
  });
});
