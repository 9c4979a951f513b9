// Browser tests for the samhandlingsmodell's three levels, its cooperation
// arenas (samhandlingsarenaer) and its plans and routines (issue 8):
//
// 1. An anonymous visitor goes from the start page to Fjordvik's overview of
//    the model (Kommunenivå, Tjenestenivå, Individnivå) with links to the
//    plan, the public arena, the services, the measures, the guide and
//    "Bekymret for et barn?"; the internal "BTI-team Fjordvik" is not shown.
//    The arena and the plan pages show their content; no public page holds
//    the demo families' names.
// 2. Bjørn, Fjordvik's BTI coordinator, defines a new arena: first without a
//    fixed participant (the message beside "Faste deltakere" and in the error
//    summary, what was typed kept), then with two; the arena page shows them.
// 3. Ingrid, a teacher at Fjordvik skole (a fixed member of "Ressursteam
//    Fjordvik skole"), schedules a meeting and brings an anonymous case: with
//    a (synthetic) national identity number in the text it is refused beside
//    the field, the text kept; without it the case is listed by its age band.
//    She brings a case from Nora's log, records a decision that goes into the
//    log as a meeting (found on /logger/1), and writes the minutes.
// 4. Ole (kindergarten, not a member) gets 403 on the meeting; Lauvåsen's
//    coordinator gets 403 on Fjordvik's new-arena form; the anonymous visitor
//    is sent to the login page.
// 5. Bjørn sees the plans not reviewed for 12 months (the public does not);
//    he adds a plan: refused with HTML in the Markdown (no script runs), then
//    with a review date in the future, then saved; the history lists it.
//
// axe-core (WCAG 2.1 A/AA) on every page; the public pages and the meeting
// page at 1280 and 375 px, without horizontal scrolling at 375 px.
//
// The tests build on each other (one server: the meeting of the third is
// the one the fourth is refused) and run in order.
//
// An empty decision is explained beside the case's decision field, with the
// error summary's link pointing at it.
//
// Run from the repository root:  node --test tests/browser/model_arenas.test.mjs
// Environment: as tests/browser/log_core.test.mjs (STAFETT_BIN, STAFETT_WEB_ROOT,
// STAFETT_TEST_OUTPUT, STAFETT_CHROMIUM).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { checkA11y } from './support/server.mjs';
import { demoSuite } from './support/demo_suite.mjs';
import {
  withPage, navigate, last, h1Text, assertNoHorizontalScroll, assertFieldError, demoLogin, describedBy,
  assertErrorSummary, osloDateInDays, facts, personalNamesOn, assertNotLoggedIn,
} from './support/page.mjs';

const DESKTOP = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true };
const TIMEOUT = { timeout: 240_000 };

// Demo data (src/app/demo_seed.cc): synthetic people only.
const BJORN = 'Bjørn Lindvik'; // BTI coordinator, Fjordvik kommune (9901)
const GRY = 'Gry Solbakken'; // BTI coordinator, Lauvåsen kommune (9902)
const INGRID = 'Ingrid Fjellstad'; // Kontaktlærer, Fjordvik skole; holder of Nora's log
const OLE = 'Ole Brattli'; // Pedagogisk leder, Solsikken barnehage: not in the resource team
const EMPLOYEES = 'Ansatte';
const FJORDVIK = 'Fjordvik kommune';
const NORA_LOG = '/logger/1';
const RESOURCE_TEAM = 'Ressursteam Fjordvik skole'; // public arena
const BTI_TEAM = 'BTI-team Fjordvik'; // internal arena
const PLAN = 'Plan for forebyggende arbeid for barn og unge 2025–2028'; // municipality level, public
const ROUTINE = 'Overgangsrutine barnehage–skole'; // service level, public, reviewed 430 days ago
const SCHOOL = 'Fjordvik skole';
const HEALTH_STATION = 'Fjordvik helsestasjon og skolehelsetjeneste';
const KINDERGARTEN = 'Solsikken barnehage';
const PPT = 'PPT Fjordregionen';
const CHILD_WELFARE = 'Barneverntjenesten i Fjordregionen';

// The demo's families and staff whose names must never be on a public page.
const PERSONAL_NAMES = ['Nora', 'Fjordstrand', 'Hanne', 'Sofie', 'Lyngmo', 'Leo', 'Bakkeli', 'Ingrid'];

// Texts from web/i18n/nb.json ("start", "overview", "arena", "plan", "model", "form", "error").
const MUNICIPALITIES_HEADING = 'Kommuner som bruker Stafett her';
const OVERVIEW_TITLE = 'Samhandlingsmodellen';
const LEVELS = ['Kommunenivå', 'Tjenestenivå', 'Individnivå'];
const ARENAS_TITLE = 'Samhandlingsarenaer';
const PLANS_TITLE = 'Planer og rutiner';
const HISTORY_TITLE = 'Historikk for samhandlingsmodellen';
const ADD_ARENA = 'Legg til en samhandlingsarena';
const ADD_PLAN = 'Legg til en plan eller rutine';
const SAVE = 'Lagre';
const SAVED = 'Endringen er lagret.';
const ERROR_SUMMARY = 'Noe må rettes før du kan gå videre:';
const FORBIDDEN = 'Du har ikke tilgang';
const ARENA_LABEL = {
  name: 'Navn',
  purpose: 'Formål',
  frequency: 'Hvor ofte arenaen møtes',
  fixed: 'Faste deltakere',
  onDemand: 'Kalles inn ved behov',
  public: 'Vis arenaen for alle på kommunens offentlige sider',
  summary: 'Hva endret du, og hvorfor? (valgfritt, vises i historikken)',
};
const ARENA_FACT = {
  levels: 'Nivåer',
  frequency: 'Hvor ofte arenaen møtes',
  fixed: 'Faste deltakere',
  onDemand: 'Kalles inn ved behov',
  children: 'Deltar barnet?',
  parents: 'Deltar foreldrene?',
  modes: 'Slik kan saker meldes inn',
  cases: 'Saker siste 12 måneder',
};
const MODE_ANONYMOUS = 'Anonymt, uten navn (drøfting)';
const MODE_LOG = 'Fra en stafettlogg, med samtykke';
const NO_PARTICIPANTS = 'Velg minst én fast deltaker. En samhandlingsarena uten deltakere kan ikke lagres.';
const MEETINGS = 'Møter';
const NO_MEETINGS = 'Ingen møter er satt opp ennå.';
const SCHEDULE = 'Sett opp et møte';
const SCHEDULE_BUTTON = 'Sett opp møtet';
const STARTS_AT = 'Dato og klokkeslett';
const PLACE = 'Sted';
const AGENDA = 'Saker på møtet';
const NO_CASES = 'Ingen saker ennå.';
const BRING = 'Meld inn en sak';
const BRING_BUTTON = 'Meld inn saken';
const CASE_KIND = 'Hva slags sak?';
const AGE_BAND = 'Alder (anonyme saker)';
const LOG_FIELD = 'Nummeret på stafettloggen (saker fra en logg)';
const DESCRIPTION = 'Hva gjelder saken?';
const DESCRIPTION_HELP = 'Ikke skriv navn eller fødselsnummer i en anonym sak.';
const NATIONAL_ID_ERROR = 'Teksten ser ut til å inneholde et fødselsnummer. Fjern det: en sak skal ikke kunne knyttes til et barn her.';
const ANONYMOUS_CASE = 'Anonym sak (6-9 år)';
const LOG_CASE = 'Sak fra stafettlogg';
const DECISION = 'Vedtak';
const INTO_LOG = 'Før vedtaket inn i stafettloggen som et møte';
const DECIDE = 'Lagre vedtaket';
const DECIDED = 'Vedtaket er lagret.';
const REQUIRED = 'Fyll ut feltet.';
const IN_LOG = 'ført inn i stafettloggen';
const MINUTES = 'Referat';
const MINUTES_FIELD = 'Referat fra møtet';
const SAVE_MINUTES = 'Lagre referatet';
const DUE_HEADING = 'Ikke gjennomgått på 12 måneder';
const PLAN_LABEL = {
  title: 'Tittel',
  level: 'Nivå',
  kind: 'Type',
  owner: 'Eier (hvem svarer for den)',
  reviewedOn: 'Sist gjennomgått',
  body: 'Innhold',
  public: 'Vis for alle på kommunens offentlige sider',
  summary: 'Hva endret du, og hvorfor? (valgfritt, vises i historikken)',
};
const HTML_ERROR = 'HTML er ikke tillatt her, heller ikke <script>. Bruk enkel formatering som **fet** og lister med «- ».';
const FUTURE_ERROR = 'Datoen for siste gjennomgang kan ikke være fram i tid.';

// What this file adds.
const NEW_ARENA = 'Overgangsteam barnehage og skole';
const NEW_ARENA_PURPOSE = 'Barnehagen og skolen planlegger **overgangen** for barn som trenger ekstra støtte.';
const NEW_ARENA_FREQUENCY = 'To ganger i året';
const MEETING_PLACE = 'Møterom 2, Fjordvik skole';
const ANONYMOUS_TEXT = 'Gutt i 3. klasse som ofte er alene i friminuttene og har mye fravær.';
const LOG_CASE_TEXT = 'Oppfølging etter samtale med foreldrene om trivsel på skolen.';
const DECISION_TEXT = 'Helsesykepleier inviterer foreldrene til samtale innen to uker.';
const MINUTES_TEXT = '**Til stede:** kontaktlærer, helsesykepleier.\n\n- Én anonym sak drøftet\n- Én sak fra stafettlogg';
const NEW_PLAN = 'Samarbeidsavtale om tidlig innsats i barnehagen';
const NEW_PLAN_OWNER = 'Styrer, Solsikken barnehage';
const SCRIPT = '<script>alert(1)</script>';
const NEW_PLAN_BODY = '### Avtalen\n\n- Barnehagen melder bekymring til helsestasjonen.\n- **Begge** møtes hvert halvår.';
const NEW_PLAN_SUMMARY = 'Ny samarbeidsavtale';

const suite = demoSuite('model-arenas');

// State passed from one test to the next (they run in order).
const state = { resourceTeamPath: null, meetingPath: null, planPath: null, publicPages: [] };

const url = (path) => `${suite.server.url}${path}`;
const overviewPath = '/kommune/9901/samhandling';
const arenasPath = '/kommune/9901/arenaer';
const plansPath = '/kommune/9901/planer';
const historyPath = '/kommune/9901/samhandling/historikk';

function shot(page, name) {
  return page.screenshot({ path: join(suite.output, `model-arenas-${name}.png`), fullPage: true });
}

async function check(page, label, { phone = false } = {}) {
  if (phone) await assertNoHorizontalScroll(page, label);
  await checkA11y(page, label);
}

/**
 * A synthetic national identity number (month + 80, as the test registry's),
 * checksum-valid: the algorithm of make_synthetic_national_id in
 * src/domain/national_id.cc. Never a real person's number.
 */
function syntheticNationalId({ year, month, day }, seed) {
  const checkDigit = (digits, weights) => {
    let sum = 0;
    for (let i = 0; i < weights.length; i += 1) sum += Number(digits[i]) * weights[i];
    const k = 11 - (sum % 11);
    if (k === 11) return 0;
    if (k === 10) return null;
    return k;
  };
  const pad = (x, n) => String(x).padStart(n, '0');
  const first = year >= 2000 ? 500 : 0;
  for (let i = 0; i < 500; i += 1) {
    const individual = first + ((seed + i) % 500);
    let n = `${pad(day % 100, 2)}${pad((month + 80) % 100, 2)}${pad(year % 100, 2)}${pad(individual % 1000, 3)}`;
    const k1 = checkDigit(n, [3, 7, 6, 1, 8, 9, 4, 5, 2]);
    if (k1 === null) continue;
    n += String(k1);
    const k2 = checkDigit(n, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
    if (k2 === null) continue;
    return n + String(k2);
  }
  throw new Error('no synthetic number for this date');
}

/** The link texts in a list (the overview's levels, the arenas list). */
function linkTexts(scope) {
  return scope.getByRole('link').evaluateAll((links) => links.map((a) => a.textContent.trim().replace(/\s+/g, ' ')));
}

/** The agenda's cases on a meeting page. */
const cases = (page) => page.getByRole('region', { name: AGENDA, exact: true }).locator('li.model-change');

test('1. the public overview leads to the plan and the public arena, without personal data', TIMEOUT, async () => {
  const leaks = [];
  await withPage(suite.browser, DESKTOP, async (page) => {
    let responses = await navigate(page, () => page.goto(url('/')));
    assert.equal(last(responses).status, 200);
    await assertNotLoggedIn(page);
    const municipalities = page.getByRole('region', { name: MUNICIPALITIES_HEADING, exact: true });
    responses = await navigate(page, () => municipalities.getByRole('link', { name: FJORDVIK, exact: true }).click());
    assert.equal(last(responses).status, 200);
    assert.equal(new URL(page.url()).pathname, overviewPath, 'the municipality links to its overview');
    assert.equal(await h1Text(page), `${OVERVIEW_TITLE} ${FJORDVIK}`);
    await assertNotLoggedIn(page);
    leaks.push(...await personalNamesOn(page, PERSONAL_NAMES));

    // The three levels, in order, each with its links.
    const main = page.getByRole('main');
    const headings = (await main.getByRole('heading', { level: 2 }).allTextContents()).map((s) => s.trim());
    assert.deepEqual(headings, LEVELS, 'the three levels, in order');
    const level = (name) => main.locator('li.model-level').filter({ has: page.getByRole('heading', { name, exact: true }) });
    const municipal = await linkTexts(level(LEVELS[0]));
    assert.ok(municipal.includes(PLAN), `the municipality level links the plan: ${JSON.stringify(municipal)}`);
    assert.ok(municipal.includes('Alle planer og rutiner'), 'and all plans');
    const service = await linkTexts(level(LEVELS[1]));
    assert.ok(service.some((l) => /^Tjenester \(\d+\)$/.test(l)), `the service level links the services: ${JSON.stringify(service)}`);
    assert.ok(service.includes(RESOURCE_TEAM), `the public arena: ${JSON.stringify(service)}`);
    assert.ok(service.includes('Alle samhandlingsarenaer'), 'all arenas');
    assert.ok(service.includes(ROUTINE), `the routine between services: ${JSON.stringify(service)}`);
    assert.equal(service.includes(BTI_TEAM), false, 'the internal arena is not linked');
    const individual = await linkTexts(level(LEVELS[2]));
    assert.ok(individual.includes('Handlingsveilederen'), `the guide: ${JSON.stringify(individual)}`);
    assert.ok(individual.some((l) => /^Tiltak \(\d+\)$/.test(l)), `the measures: ${JSON.stringify(individual)}`);
    assert.ok(individual.includes('Bekymret for et barn?'), 'the citizen page');
    assert.equal(await page.getByText(BTI_TEAM).count(), 0, 'the internal arena is nowhere on the page');
    assert.equal(await page.getByRole('link', { name: HISTORY_TITLE }).count(), 0, 'no history for the public');
    const hrefs = Object.fromEntries(await main.getByRole('link').evaluateAll(
      (links) => links.map((a) => [a.textContent.trim().replace(/\s+/g, ' '), a.getAttribute('href')])));
    assert.equal(hrefs['Handlingsveilederen'], '/kommune/9901/veileder');
    assert.equal(hrefs['Bekymret for et barn?'], '/kommune/9901/bekymret');
    assert.equal(hrefs['Alle samhandlingsarenaer'], arenasPath);
    assert.equal(hrefs['Alle planer og rutiner'], plansPath);
    await shot(page, 'overview-1280');

    // The public arena.
    responses = await navigate(page, () => level(LEVELS[1]).getByRole('link', { name: RESOURCE_TEAM, exact: true }).click());
    assert.equal(last(responses).status, 200);
    state.resourceTeamPath = new URL(page.url()).pathname;
    assert.match(state.resourceTeamPath, /^\/kommune\/9901\/arenaer\/\d+$/);
    assert.equal(await h1Text(page), RESOURCE_TEAM);
    assert.ok(await page.locator('.service-description').getByText('Lærere drøfter elever', { exact: false }).isVisible(),
      'the purpose is shown');
    const shown = await facts(page.locator('main'));
    const units = (fact) => (shown[fact] ?? '').split(', ').sort();
    assert.deepEqual(units(ARENA_FACT.fixed), [SCHOOL, HEALTH_STATION].sort(), `the fixed members: ${JSON.stringify(shown)}`);
    assert.deepEqual(units(ARENA_FACT.onDemand), [PPT, CHILD_WELFARE].sort(), 'called in when needed');
    assert.equal(shown[ARENA_FACT.modes], `${MODE_ANONYMOUS}; ${MODE_LOG}`, 'anonymous cases and cases from a log');
    assert.equal(shown[ARENA_FACT.frequency], 'Annenhver tirsdag');
    assert.equal(shown[ARENA_FACT.children], 'Nei');
    assert.equal(shown[ARENA_FACT.parents], 'Når det er aktuelt');
    assert.ok(await page.getByText('Meld saken til rektor senest fredagen før møtet.').isVisible(), 'how to bring a case');
    assert.equal(await page.getByRole('heading', { name: MEETINGS, exact: true }).count(), 0, 'no meetings for the public');
    assert.equal(await page.getByRole('button', { name: SCHEDULE_BUTTON }).count(), 0, 'no form for the public');
    assert.equal(await page.getByRole('link', { name: 'Rediger arenaen' }).count(), 0, 'no edit link');
    leaks.push(...await personalNamesOn(page, PERSONAL_NAMES));
    await shot(page, 'arena-1280');

    // The arenas list: the public arena, not the internal one.
    responses = await navigate(page, () => page.getByRole('link', { name: 'Alle samhandlingsarenaer', exact: true }).click());
    assert.equal(last(responses).status, 200);
    assert.equal(new URL(page.url()).pathname, arenasPath);
    assert.equal(await h1Text(page), `${ARENAS_TITLE} ${FJORDVIK}`);
    const listed = await linkTexts(page.locator('main ul.service-list'));
    assert.deepEqual(listed, [RESOURCE_TEAM], 'only the public arena is listed');
    assert.equal(await page.getByText(BTI_TEAM).count(), 0, 'the internal arena is nowhere on the list');
    assert.equal(await page.getByRole('link', { name: ADD_ARENA }).count(), 0, 'no "Legg til" for the public');
    leaks.push(...await personalNamesOn(page, PERSONAL_NAMES));

    // The plan, from the overview.
    responses = await navigate(page, () => page.goto(url(overviewPath)));
    responses = await navigate(page, () => level(LEVELS[0]).getByRole('link', { name: PLAN, exact: true }).click());
    assert.equal(last(responses).status, 200);
    const planPath = new URL(page.url()).pathname;
    assert.match(planPath, /^\/kommune\/9901\/planer\/\d+$/);
    assert.equal(await h1Text(page), PLAN);
    assert.equal((await page.locator('main p.guide-meta').first().textContent()).trim(), 'Kommunenivå · Plan');
    const planFacts = await facts(page.locator('main'));
    assert.equal(planFacts['Eier (hvem svarer for den)'], 'Kommunalsjef for oppvekst', JSON.stringify(planFacts));
    const body = page.locator('.service-description');
    assert.deepEqual((await body.getByRole('heading', { level: 3 }).allTextContents()).map((s) => s.trim()),
      ['Mål', 'Slik arbeider vi'], 'the Markdown headings are headings');
    assert.ok((await body.locator('ul > li').allTextContents()).map((s) => s.trim()).includes('Alle barn skal ha en trygg voksen.'),
      'the list is a list');
    assert.equal(await page.getByRole('link', { name: 'Rediger', exact: true }).count(), 0, 'no edit link');
    leaks.push(...await personalNamesOn(page, PERSONAL_NAMES));

    // The plans list.
    responses = await navigate(page, () => page.getByRole('link', { name: 'Alle planer og rutiner', exact: true }).click());
    assert.equal(new URL(page.url()).pathname, plansPath);
    assert.equal(await h1Text(page), `${PLANS_TITLE} ${FJORDVIK}`);
    assert.ok(await page.getByRole('link', { name: PLAN, exact: true }).isVisible());
    assert.ok(await page.getByRole('link', { name: ROUTINE, exact: true }).isVisible());
    leaks.push(...await personalNamesOn(page, PERSONAL_NAMES));

    state.publicPages = [
      ['overview', overviewPath],
      ['arenas list', arenasPath],
      ['arena page', state.resourceTeamPath],
      ['plans list', plansPath],
      ['plan page', planPath],
    ];
  });
  assert.deepEqual(leaks, [], 'no personal data on the public pages');

  // axe-core on every public page, at 1280 and at 375 px (and no horizontal scrolling there).
  for (const [size, options] of [['1280', DESKTOP], ['375', PHONE]]) {
    await withPage(suite.browser, options, async (page) => {
      for (const [label, path] of state.publicPages) {
        const responses = await navigate(page, () => page.goto(url(path)));
        assert.equal(last(responses).status, 200, `${label}: 200`);
        await check(page, `${label} (${size})`, { phone: size === '375' });
        assert.deepEqual(await personalNamesOn(page, PERSONAL_NAMES), [], `${label}: no personal data`);
        if (size === '375') await shot(page, `${label.replace(/[^a-z]+/g, '-')}-375`);
      }
    });
  }
});

test('2. a coordinator defines an arena with its fixed participants', TIMEOUT, async () => {
  await withPage(suite.browser, DESKTOP, async (page) => {
    await demoLogin(page, suite.server.url, BJORN, EMPLOYEES);
    let responses = await navigate(page, () => page.goto(url(arenasPath)));
    assert.equal(last(responses).status, 200);
    const listed = await linkTexts(page.locator('main ul.service-list'));
    assert.ok(listed.includes(BTI_TEAM), `the coordinator sees the internal arena: ${JSON.stringify(listed)}`);
    const btiCard = page.locator('main ul.service-list > li').filter({ has: page.getByRole('link', { name: BTI_TEAM, exact: true }) });
    assert.match(await btiCard.locator('p.guide-meta').textContent(), /ikke offentlig/, 'marked "ikke offentlig"');

    responses = await navigate(page, () => page.getByRole('link', { name: ADD_ARENA, exact: true }).click());
    assert.equal(last(responses).status, 200);
    assert.equal(new URL(page.url()).pathname, `${arenasPath}/ny`);
    assert.equal(await h1Text(page), ADD_ARENA);
    await check(page, 'new arena form (desktop)');

    const main = page.getByRole('main');
    const fixed = main.getByRole('group', { name: ARENA_LABEL.fixed, exact: true });
    const onDemand = main.getByRole('group', { name: ARENA_LABEL.onDemand, exact: true });
    const offered = await fixed.getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => b.closest('label').textContent.trim()));
    assert.ok(offered.includes(KINDERGARTEN) && offered.includes(SCHOOL), `the units are offered: ${JSON.stringify(offered)}`);
    assert.equal(offered.includes('Lauvåsen skule'), false, 'not another municipality\'s own unit');

    await main.getByLabel(ARENA_LABEL.name, { exact: true }).fill(NEW_ARENA);
    await main.getByLabel(ARENA_LABEL.purpose, { exact: true }).fill(NEW_ARENA_PURPOSE);
    await main.getByLabel(ARENA_LABEL.frequency, { exact: true }).fill(NEW_ARENA_FREQUENCY);
    await onDemand.getByRole('checkbox', { name: PPT, exact: true }).check();
    await main.getByRole('checkbox', { name: ARENA_LABEL.public, exact: true }).check();

    // No fixed participant: refused, beside the fieldset and in the summary.
    responses = await navigate(page, () => main.getByRole('button', { name: SAVE, exact: true }).click());
    assert.equal(responses[0].method, 'POST');
    assert.equal(last(responses).status, 422, 'no fixed participant: 422');
    assert.equal(new URL(page.url()).pathname, `${arenasPath}/ny`);
    assert.equal(await h1Text(page), ADD_ARENA);
    const lines = await assertErrorSummary(page, ERROR_SUMMARY);
    assert.deepEqual(lines, [NO_PARTICIPANTS], 'the summary names the fixed participants only');
    assert.equal(await page.locator('.ds-error-summary a[href="#field-fixed_units"]').count(), 1,
      'the summary links the fixed participants');
    assert.deepEqual(await describedBy(fixed), [NO_PARTICIPANTS], 'the fieldset is described by the message');
    assert.ok(await fixed.getByText(NO_PARTICIPANTS, { exact: true }).isVisible(), 'shown in the fieldset');
    assert.equal(await main.getByLabel(ARENA_LABEL.name, { exact: true }).inputValue(), NEW_ARENA, 'the name is kept');
    assert.equal(await main.getByLabel(ARENA_LABEL.purpose, { exact: true }).inputValue(), NEW_ARENA_PURPOSE, 'the purpose is kept');
    assert.equal(await main.getByLabel(ARENA_LABEL.frequency, { exact: true }).inputValue(), NEW_ARENA_FREQUENCY);
    assert.ok(await onDemand.getByRole('checkbox', { name: PPT, exact: true }).isChecked(), 'the on-demand unit stays ticked');
    assert.ok(await main.getByRole('checkbox', { name: ARENA_LABEL.public, exact: true }).isChecked(), '"public" stays ticked');
    await check(page, 'new arena form with an error (desktop)');
    await shot(page, 'arena-form-error-1280');

    // Two fixed participants: saved.
    await fixed.getByRole('checkbox', { name: KINDERGARTEN, exact: true }).check();
    await fixed.getByRole('checkbox', { name: SCHOOL, exact: true }).check();
    responses = await navigate(page, () => main.getByRole('button', { name: SAVE, exact: true }).click());
    assert.equal(responses[0].status, 303, `saved: redirected: ${JSON.stringify(responses)}`);
    assert.equal(last(responses).status, 200);
    const arenaPath = new URL(page.url()).pathname;
    assert.match(arenaPath, /^\/kommune\/9901\/arenaer\/\d+$/);
    assert.equal(await h1Text(page), NEW_ARENA);
    assert.equal((await page.getByRole('status').filter({ hasText: SAVED }).textContent()).trim(), SAVED);
    const shown = await facts(page.locator('main'));
    const fixedShown = shown[ARENA_FACT.fixed].split(', ').sort();
    assert.deepEqual(fixedShown, [SCHOOL, KINDERGARTEN].sort(), `the fixed participants: ${JSON.stringify(shown)}`);
    assert.equal(shown[ARENA_FACT.onDemand], PPT, 'called in when needed');
    assert.equal(shown[ARENA_FACT.frequency], NEW_ARENA_FREQUENCY);
    assert.equal(shown[ARENA_FACT.levels], 'Nivå 1: tiltak i egen tjeneste – Nivå 2: samarbeid med andre tjenester');
    assert.equal(shown[ARENA_FACT.modes], `${MODE_ANONYMOUS}; ${MODE_LOG}`);
    assert.deepEqual((await page.locator('.service-description strong').allTextContents()).map((s) => s.trim()),
      ['overgangen'], 'the purpose\'s Markdown is markup');
    // The coordinator is a member of his municipality's arenas.
    const meetings = page.getByRole('region', { name: MEETINGS, exact: true });
    assert.ok(await meetings.getByText(NO_MEETINGS, { exact: true }).isVisible(), 'no meetings yet');
    await check(page, 'new arena page (desktop)');
    await shot(page, 'new-arena-1280');

    // The list and the history have it.
    responses = await navigate(page, () => page.goto(url(arenasPath)));
    assert.ok((await linkTexts(page.locator('main ul.service-list'))).includes(NEW_ARENA), 'listed');
    responses = await navigate(page, () => page.goto(url(historyPath)));
    assert.equal(await page.getByRole('link', { name: `Samhandlingsarena: ${NEW_ARENA}, versjon 1`, exact: true }).count(), 1,
      'the history lists the new arena');
  });
});

test('3. a member holds a meeting: an anonymous case, a case from a log, a decision into the log, minutes', TIMEOUT, async (t) => {
  assert.ok(state.resourceTeamPath, 'test 1 found the resource team');
  const nationalId = syntheticNationalId({ year: 2017, month: 3, day: 14 }, 7);
  assert.match(nationalId, /^\d{4}17\d{5}$/, `a synthetic number: ${nationalId}`);
  assert.ok(Number(nationalId.slice(2, 4)) > 80, 'month + 80: a synthetic number, never a real one');
  const withNumber = `${ANONYMOUS_TEXT} Fødselsnummer ${nationalId}.`;

  await withPage(suite.browser, DESKTOP, async (page) => {
    await demoLogin(page, suite.server.url, INGRID, EMPLOYEES);
    let responses = await navigate(page, () => page.goto(url(arenasPath)));
    responses = await navigate(page, () => page.getByRole('link', { name: RESOURCE_TEAM, exact: true }).click());
    assert.equal(last(responses).status, 200);
    assert.equal(new URL(page.url()).pathname, state.resourceTeamPath);
    assert.equal(await h1Text(page), RESOURCE_TEAM);

    // The member's part: the meetings and "Sett opp et møte".
    const meetings = page.getByRole('region', { name: MEETINGS, exact: true });
    assert.ok(await meetings.isVisible(), 'the member sees "Møter"');
    assert.ok(await meetings.getByRole('heading', { name: SCHEDULE, exact: true }).isVisible());
    const schedule = meetings.getByRole('form', { name: SCHEDULE, exact: true });
    const day = osloDateInDays(14);
    await schedule.getByLabel(STARTS_AT, { exact: true }).fill(`${day}T14:30`);
    await schedule.getByLabel(PLACE, { exact: true }).fill(MEETING_PLACE);
    await check(page, 'arena page for a member (desktop)');
    responses = await navigate(page, () => schedule.getByRole('button', { name: SCHEDULE_BUTTON, exact: true }).click());
    assert.equal(responses[0].method, 'POST');
    assert.equal(responses[0].status, 303, `scheduled: redirected: ${JSON.stringify(responses)}`);
    assert.equal(last(responses).status, 200);
    state.meetingPath = new URL(page.url()).pathname;
    assert.match(state.meetingPath, new RegExp(`^${state.resourceTeamPath}/moter/\\d+$`), `the meeting page: ${page.url()}`);
    const [y, m, d] = day.split('-');
    assert.equal(await h1Text(page), `Møte ${d}.${m}.${y} kl. 14.30`);
    assert.equal((await page.locator('main p.guide-meta').first().textContent()).trim(), `${RESOURCE_TEAM} · ${MEETING_PLACE}`);
    assert.ok(await page.getByRole('region', { name: AGENDA, exact: true }).getByText(NO_CASES, { exact: true }).isVisible());

    // An anonymous case with a national identity number in the text: refused.
    const bring = page.getByRole('form', { name: BRING, exact: true });
    const kind = bring.getByRole('group', { name: CASE_KIND, exact: true });
    assert.ok(await kind.getByRole('radio', { name: MODE_ANONYMOUS, exact: true }).isChecked(), 'anonymous is the default');
    await bring.getByLabel(AGE_BAND, { exact: true }).selectOption({ label: '6-9 år' });
    await bring.getByLabel(DESCRIPTION, { exact: true }).fill(withNumber);
    responses = await navigate(page, () => bring.getByRole('button', { name: BRING_BUTTON, exact: true }).click());
    assert.equal(responses[0].method, 'POST');
    assert.equal(last(responses).status, 422, 'a national identity number: 422');
    const lines = await assertErrorSummary(page, ERROR_SUMMARY);
    assert.deepEqual(lines, [NATIONAL_ID_ERROR], 'the summary names the description');
    assert.equal(await page.locator('.ds-error-summary a[href="#field-description"]').count(), 1);
    const description = page.getByRole('form', { name: BRING, exact: true }).getByLabel(DESCRIPTION, { exact: true });
    await assertFieldError(description, NATIONAL_ID_ERROR);
    assert.deepEqual(await describedBy(description), [DESCRIPTION_HELP, NATIONAL_ID_ERROR], 'the help and the message');
    assert.ok(await page.locator('#field-description').getByText(NATIONAL_ID_ERROR, { exact: true }).isVisible(),
      'shown beside the field');
    assert.equal(await description.inputValue(), withNumber, 'the text is kept, for her to remove the number');
    assert.equal((await page.getByRole('form', { name: BRING, exact: true }).getByLabel(AGE_BAND, { exact: true })
      .locator('option:checked').textContent()).trim(), '6-9 år', 'the age band stays chosen');
    assert.ok(await page.getByRole('region', { name: AGENDA, exact: true }).getByText(NO_CASES, { exact: true }).isVisible(),
      'nothing was stored');
    assert.equal((await page.getByRole('region', { name: AGENDA, exact: true }).textContent()).includes(nationalId), false,
      'the number is only in the textarea, never on the agenda');
    await check(page, 'meeting page with an error (desktop)');
    await shot(page, 'meeting-error-1280');

    // Without the number: listed as "Anonym sak (6-9 år)".
    await description.fill(ANONYMOUS_TEXT);
    responses = await navigate(page, () => page.getByRole('form', { name: BRING, exact: true })
      .getByRole('button', { name: BRING_BUTTON, exact: true }).click());
    assert.equal(responses[0].status, 303, `brought: redirected: ${JSON.stringify(responses)}`);
    assert.equal(last(responses).status, 200);
    assert.equal(new URL(page.url()).pathname, state.meetingPath);
    assert.equal(await cases(page).count(), 1, 'one case on the agenda');
    const anonymous = cases(page).first();
    assert.equal((await anonymous.locator('strong').first().textContent()).trim(), ANONYMOUS_CASE);
    assert.equal((await anonymous.locator('.case-text').textContent()).trim(), ANONYMOUS_TEXT);
    assert.equal((await anonymous.locator('p.guide-meta').textContent()).trim(), `Meldt inn av ${INGRID}`);
    assert.equal(await anonymous.getByRole('checkbox', { name: INTO_LOG }).count(), 0, 'an anonymous case cannot go into a log');
    assert.equal(await page.getByRole('form', { name: BRING, exact: true }).getByLabel(DESCRIPTION, { exact: true }).inputValue(), '',
      'the form is empty again');

    // An empty decision: should be explained beside that case's decision field.
    await t.test('an empty decision is explained beside the case\'s decision field, and the summary links it', async () => {
      const r = await navigate(page, () => cases(page).first().getByRole('button', { name: DECIDE, exact: true }).click());
      assert.equal(last(r).status, 422, 'an empty decision: 422');
      const summary = await assertErrorSummary(page, ERROR_SUMMARY);
      assert.deepEqual(summary, [REQUIRED], 'the summary names the decision');
      const field = cases(page).first().getByLabel(DECISION, { exact: true });
      await assertFieldError(field, REQUIRED);
    });
    responses = await navigate(page, () => page.goto(url(state.meetingPath)));
    assert.equal(await cases(page).count(), 1, 'still one case, undecided');

    // A case from Nora's log.
    let form = page.getByRole('form', { name: BRING, exact: true });
    await form.getByRole('group', { name: CASE_KIND, exact: true }).getByRole('radio', { name: MODE_LOG, exact: true }).check();
    await form.getByLabel(LOG_FIELD, { exact: true }).fill('1');
    await form.getByLabel(DESCRIPTION, { exact: true }).fill(LOG_CASE_TEXT);
    responses = await navigate(page, () => form.getByRole('button', { name: BRING_BUTTON, exact: true }).click());
    assert.equal(responses[0].status, 303, `brought: redirected: ${JSON.stringify(responses)}`);
    assert.equal(await cases(page).count(), 2, 'two cases on the agenda');
    const fromLog = cases(page).filter({ hasText: LOG_CASE_TEXT });
    assert.equal(await fromLog.count(), 1);
    assert.match((await fromLog.locator('strong').first().textContent()).replace(/\s+/g, ' ').trim(), new RegExp(`^${LOG_CASE}`));
    const logLink = fromLog.getByRole('link', { name: 'logg nr. 1', exact: true });
    assert.equal(await logLink.getAttribute('href'), NORA_LOG, 'a link to the log');

    // The decision, into the log as a meeting.
    await fromLog.getByLabel(DECISION, { exact: true }).fill(DECISION_TEXT);
    const intoLog = fromLog.getByRole('checkbox', { name: INTO_LOG, exact: true });
    assert.ok(await intoLog.isChecked(), '"Før vedtaket inn i stafettloggen" is ticked by default');
    responses = await navigate(page, () => fromLog.getByRole('button', { name: DECIDE, exact: true }).click());
    assert.equal(responses[0].method, 'POST');
    assert.equal(last(responses).status, 200, `decided: ${JSON.stringify(responses)}`);
    assert.equal(await page.locator('.ds-error-summary').count(), 0, 'no errors');
    assert.equal((await page.getByRole('status').filter({ hasText: DECIDED }).textContent()).trim(), DECIDED);
    const decided = cases(page).filter({ hasText: LOG_CASE_TEXT });
    const decisionLine = (await decided.locator('p', { hasText: `${DECISION}:` }).textContent()).replace(/\s+/g, ' ').trim();
    assert.equal(decisionLine, `${DECISION}: ${DECISION_TEXT} (${IN_LOG})`, 'the decision, "ført inn i stafettloggen"');
    assert.equal(await decided.getByRole('button', { name: DECIDE }).count(), 0, 'no second decision');

    // The minutes.
    const minutes = page.getByRole('region', { name: MINUTES, exact: true });
    await minutes.getByLabel(MINUTES_FIELD, { exact: true }).fill(MINUTES_TEXT);
    responses = await navigate(page, () => minutes.getByRole('button', { name: SAVE_MINUTES, exact: true }).click());
    assert.equal(responses[0].method, 'POST');
    assert.equal(last(responses).status, 200);
    assert.equal((await page.getByRole('status').filter({ hasText: SAVED }).textContent()).trim(), SAVED);
    const shownMinutes = page.getByRole('region', { name: MINUTES, exact: true }).locator('.service-description');
    assert.deepEqual((await shownMinutes.locator('strong').allTextContents()).map((s) => s.trim()), ['Til stede:']);
    assert.deepEqual((await shownMinutes.locator('ul > li').allTextContents()).map((s) => s.trim()),
      ['Én anonym sak drøftet', 'Én sak fra stafettlogg'], 'the minutes as markup');
    assert.match((await page.getByRole('region', { name: MINUTES, exact: true }).locator('p.guide-meta').textContent()).trim(),
      new RegExp(`, ${INGRID}$`), 'who wrote the minutes');

    // The meeting page, reloaded by GET, passes axe-core at 1280 and 375 px.
    responses = await navigate(page, () => page.goto(url(state.meetingPath)));
    assert.equal(last(responses).status, 200);
    assert.equal(await cases(page).count(), 2);
    await check(page, 'meeting page (desktop)');
    await shot(page, 'meeting-1280');

    // The decision is in Nora's log, as a meeting.
    responses = await navigate(page, () => page.goto(url(NORA_LOG)));
    assert.equal(last(responses).status, 200);
    const logMeetings = page.getByRole('main').getByRole('region', { name: 'Møter', exact: true });
    const meeting = logMeetings.locator('li.meeting').filter({ hasText: DECISION_TEXT });
    assert.equal(await meeting.count(), 1, 'the log has a meeting with the decision');
    const decisions = (await meeting.locator('ul.ds-list > li').allTextContents()).map((s) => s.replace(/\s+/g, ' ').trim());
    assert.ok(decisions.some((s) => s.startsWith(DECISION_TEXT)), `the decision: ${JSON.stringify(decisions)}`);
    assert.ok((await meeting.textContent()).includes(RESOURCE_TEAM), 'the meeting\'s place is the arena');
    await shot(page, 'log-with-arena-decision-1280');
  });

  await withPage(suite.browser, PHONE, async (page) => {
    await demoLogin(page, suite.server.url, INGRID, EMPLOYEES);
    const responses = await navigate(page, () => page.goto(url(state.meetingPath)));
    assert.equal(last(responses).status, 200);
    await check(page, 'meeting page (375)', { phone: true });
    await shot(page, 'meeting-375');
  });
});

test('4. only the arena\'s members hold its meetings; only the municipality\'s coordinator defines arenas', TIMEOUT, async () => {
  assert.ok(state.meetingPath, 'test 3 scheduled a meeting');
  await withPage(suite.browser, DESKTOP, async (page) => {
    await demoLogin(page, suite.server.url, OLE, EMPLOYEES);
    let responses = await navigate(page, () => page.goto(url(state.meetingPath)));
    assert.equal(last(responses).status, 403, 'a kindergarten teacher is not in the school\'s resource team');
    assert.equal(await h1Text(page), FORBIDDEN);
    assert.equal(await page.getByText(ANONYMOUS_TEXT).count(), 0, 'no case on the 403 page');
    await check(page, '403 on the meeting for a non-member (desktop)');
    // The arena's public description, without its meetings.
    responses = await navigate(page, () => page.goto(url(state.resourceTeamPath)));
    assert.equal(last(responses).status, 200);
    assert.equal(await page.getByRole('region', { name: MEETINGS, exact: true }).count(), 0, 'no meetings for a non-member');
  });

  await withPage(suite.browser, DESKTOP, async (page) => {
    await demoLogin(page, suite.server.url, GRY, EMPLOYEES);
    const responses = await navigate(page, () => page.goto(url(`${arenasPath}/ny`)));
    assert.equal(last(responses).status, 403, 'Lauvåsen\'s coordinator on Fjordvik\'s form');
    assert.equal(await h1Text(page), FORBIDDEN);
    assert.equal(await page.getByRole('button', { name: SAVE, exact: true }).count(), 0, 'no form on the 403 page');
    await check(page, '403 on the arena form for another municipality\'s coordinator (desktop)');
  });

  await withPage(suite.browser, DESKTOP, async (page) => {
    const responses = await navigate(page, () => page.goto(url(state.meetingPath)));
    assert.equal(last(responses).url.pathname, '/logg-inn', 'the public is asked to log in');
    assert.equal(await page.getByText(ANONYMOUS_TEXT).count(), 0, 'and sees no case');
  });
});

test('5. plans: due for review for the editor; a new plan refused with HTML and a future date, then saved', TIMEOUT, async () => {
  await withPage(suite.browser, DESKTOP, async (anon) => {
    const responses = await navigate(anon, () => anon.goto(url(plansPath)));
    assert.equal(last(responses).status, 200);
    assert.equal(await anon.getByRole('region', { name: DUE_HEADING }).count(), 0, 'no "Ikke gjennomgått" box for the public');
    assert.equal(await anon.getByText(DUE_HEADING).count(), 0);
    assert.equal(await anon.getByRole('link', { name: ADD_PLAN }).count(), 0, 'no "Legg til" for the public');
  });

  await withPage(suite.browser, DESKTOP, async (page) => {
    await demoLogin(page, suite.server.url, BJORN, EMPLOYEES);
    let responses = await navigate(page, () => page.goto(url(plansPath)));
    assert.equal(last(responses).status, 200);
    const due = page.getByRole('region', { name: DUE_HEADING, exact: true });
    assert.ok(await due.isVisible(), 'the editor sees "Ikke gjennomgått på 12 måneder"');
    assert.deepEqual(await linkTexts(due), [ROUTINE], 'it lists the routine reviewed 430 days ago, not the plan');
    await check(page, 'plans list, coordinator (desktop)');

    responses = await navigate(page, () => page.getByRole('link', { name: ADD_PLAN, exact: true }).click());
    assert.equal(last(responses).status, 200);
    assert.equal(new URL(page.url()).pathname, `${plansPath}/ny`);
    assert.equal(await h1Text(page), ADD_PLAN);
    const main = page.getByRole('main');
    assert.equal(await main.getByLabel(PLAN_LABEL.reviewedOn, { exact: true }).inputValue(), osloDateInDays(0),
      'the review date starts as today');
    await check(page, 'new plan form (desktop)');

    const hostileBody = `${NEW_PLAN_BODY}\n\n${SCRIPT}`;
    await main.getByLabel(PLAN_LABEL.title, { exact: true }).fill(NEW_PLAN);
    await main.getByLabel(PLAN_LABEL.level, { exact: true }).selectOption({ label: 'Tjenestenivå' });
    await main.getByLabel(PLAN_LABEL.kind, { exact: true }).selectOption({ label: 'Samarbeidsavtale' });
    await main.getByLabel(PLAN_LABEL.owner, { exact: true }).fill(NEW_PLAN_OWNER);
    await main.getByLabel(PLAN_LABEL.body, { exact: true }).fill(hostileBody);
    await main.getByRole('checkbox', { name: PLAN_LABEL.public, exact: true }).check();
    await main.getByLabel(PLAN_LABEL.summary, { exact: true }).fill(NEW_PLAN_SUMMARY);

    // HTML in the Markdown: refused beside the body (and no dialog: withPage fails on one).
    responses = await navigate(page, () => main.getByRole('button', { name: SAVE, exact: true }).click());
    assert.equal(responses[0].method, 'POST');
    assert.equal(last(responses).status, 422, 'HTML: 422');
    let lines = await assertErrorSummary(page, ERROR_SUMMARY);
    assert.deepEqual(lines, [HTML_ERROR], 'the summary names the body only');
    assert.equal(await page.locator('.ds-error-summary a[href="#field-body"]').count(), 1);
    const body = main.getByLabel(PLAN_LABEL.body, { exact: true });
    await assertFieldError(body, HTML_ERROR);
    assert.ok(await page.locator('#field-body').getByText(HTML_ERROR, { exact: true }).isVisible(), 'shown beside the body');
    assert.equal(await body.inputValue(), hostileBody, 'the body is kept as typed');
    assert.equal(await main.getByLabel(PLAN_LABEL.title, { exact: true }).inputValue(), NEW_PLAN, 'the title is kept');
    assert.equal((await main.getByLabel(PLAN_LABEL.kind, { exact: true }).locator('option:checked').textContent()).trim(),
      'Samarbeidsavtale', 'the type stays chosen');
    assert.equal(await page.locator('main script').count(), 0, 'no script in main');
    await check(page, 'new plan form with an HTML error (desktop)');
    await shot(page, 'plan-form-html-1280');

    // A review date in the future: refused beside the date.
    await body.fill(NEW_PLAN_BODY);
    const reviewed = main.getByLabel(PLAN_LABEL.reviewedOn, { exact: true });
    await reviewed.fill(osloDateInDays(10));
    responses = await navigate(page, () => main.getByRole('button', { name: SAVE, exact: true }).click());
    assert.equal(last(responses).status, 422, 'a future date: 422');
    lines = await assertErrorSummary(page, ERROR_SUMMARY);
    assert.deepEqual(lines, [FUTURE_ERROR], 'the summary names the date only');
    assert.ok(FUTURE_ERROR.includes('kan ikke være fram i tid'));
    await assertFieldError(reviewed, FUTURE_ERROR);
    assert.equal(await reviewed.inputValue(), osloDateInDays(10), 'the date is kept');
    assert.equal(await body.getAttribute('aria-invalid'), null, 'the body is fine now');
    await check(page, 'new plan form with a date error (desktop)');

    // A good date: saved.
    const reviewedOn = osloDateInDays(-3);
    await reviewed.fill(reviewedOn);
    responses = await navigate(page, () => main.getByRole('button', { name: SAVE, exact: true }).click());
    assert.equal(responses[0].status, 303, `saved: redirected: ${JSON.stringify(responses)}`);
    assert.equal(last(responses).status, 200);
    state.planPath = new URL(page.url()).pathname;
    assert.match(state.planPath, /^\/kommune\/9901\/planer\/\d+$/);
    assert.equal(await h1Text(page), NEW_PLAN);
    assert.equal((await page.getByRole('status').filter({ hasText: SAVED }).textContent()).trim(), SAVED);
    assert.equal((await page.locator('main p.guide-meta').first().textContent()).trim(), 'Tjenestenivå · Samarbeidsavtale');
    const shown = await facts(page.locator('main'));
    assert.equal(shown[PLAN_LABEL.owner], NEW_PLAN_OWNER);
    const [y, m, d] = reviewedOn.split('-');
    assert.equal(shown['sist gjennomgått'], `${d}.${m}.${y}`, `the review date: ${JSON.stringify(shown)}`);
    const text = page.locator('.service-description');
    assert.equal((await text.getByRole('heading', { level: 3 }).textContent()).trim(), 'Avtalen');
    assert.deepEqual((await text.locator('ul > li').allTextContents()).map((s) => s.trim()),
      ['Barnehagen melder bekymring til helsestasjonen.', 'Begge møtes hvert halvår.']);
    await check(page, 'new plan page (desktop)');
    await shot(page, 'new-plan-1280');

    // Listed on the service level, not due; the history lists it.
    responses = await navigate(page, () => page.goto(url(plansPath)));
    const serviceLevel = page.getByRole('region', { name: 'Tjenestenivå', exact: true });
    assert.ok((await linkTexts(serviceLevel)).includes(NEW_PLAN), 'listed on the service level');
    assert.deepEqual(await linkTexts(page.getByRole('region', { name: DUE_HEADING, exact: true })), [ROUTINE], 'not due');
    responses = await navigate(page, () => page.getByRole('link', { name: HISTORY_TITLE, exact: true }).click());
    assert.equal(last(responses).status, 200);
    assert.equal(new URL(page.url()).pathname, historyPath);
    const change = page.locator('li.model-change').filter({
      has: page.getByRole('link', { name: `Plan eller rutine: ${NEW_PLAN}, versjon 1`, exact: true }),
    });
    assert.equal(await change.count(), 1, 'the history lists the new plan');
    const changeText = (await change.textContent()).replace(/\s+/g, ' ');
    assert.ok(changeText.includes(BJORN), `saved by Bjørn: ${changeText}`);
    assert.ok(changeText.includes(NEW_PLAN_SUMMARY), `with the summary: ${changeText}`);
    await check(page, 'model history (desktop)');
  });

  // The new public plan on a phone, for the public.
  await withPage(suite.browser, PHONE, async (page) => {
    const responses = await navigate(page, () => page.goto(url(state.planPath)));
    assert.equal(last(responses).status, 200);
    assert.equal(await h1Text(page), NEW_PLAN);
    await check(page, 'new plan page, public (375)', { phone: true });
    assert.deepEqual(await personalNamesOn(page, PERSONAL_NAMES), [], 'no personal data');
  });
});
