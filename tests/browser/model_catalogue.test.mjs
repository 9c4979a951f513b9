// Browser tests for the samhandlingsmodell's catalogues (issue 8): Bjørn,
// Fjordvik's BTI coordinator, adds the unit "Familiesenteret i Fjordvik" to
// the service catalogue (first with a wrong phone number and nonsense opening
// hours: the messages beside the fields and in the error summary, what was
// typed kept; then saved: the entry shows the phone as a tel: link in its
// canonical form, the opening hours and the Markdown as markup; the history
// lists it). He adds the measure "Foreldregruppe i Familiesenteret" to the
// measures catalogue (first without a provider: the message beside the
// providers), provided by the new unit. An anonymous citizen goes from
// "Bekymret for et barn?" to the catalogue, filters by the child's age and
// need, and finds the new unit and its phone number; the municipality's
// internal entry is not listed for her, and no public page holds the demo
// families' names. Ingrid, the stafettholder of Nora's log, picks the measure
// from the catalogue into the log; the measure's public page still says
// "færre enn 3" open logs. Lauvåsen's coordinator and a teacher get 403 on
// Fjordvik's editor forms, while the teacher, who works for Fjordvik, sees the
// internal entry. axe-core (WCAG 2.1 A/AA) on every page, the public pages at
// 1280 and 375 px without horizontal scrolling.
//
// An age the filter cannot use (30, "fire") is kept in the field and
// explained beside it, never dropped without a word.
//
// The tests build on each other (one server: the unit from the first is the
// provider of the measure in the second, which the fourth picks) and run in
// order.
//
// Run from the repository root:  node --test tests/browser/model_catalogue.test.mjs
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
const TIMEOUT = { timeout: 180_000 };

// Demo data (src/app/demo_seed.cc): synthetic people only.
const BJORN = 'Bjørn Lindvik'; // BTI coordinator, Fjordvik kommune (9901)
const GRY = 'Gry Solbakken'; // BTI coordinator, Lauvåsen kommune (9902)
const INGRID = 'Ingrid Fjellstad'; // Kontaktlærer, Fjordvik skole; holder of Nora's log
const EMPLOYEES = 'Ansatte';
const FJORDVIK = 'Fjordvik kommune';
const NORA = 'Nora Fjordstrand';
const NORA_LOG = '/logger/1';
const INTERNAL_UNIT = 'Oppvekstkontoret i Fjordvik'; // its catalogue entry is not public
const SCHOOL = 'Fjordvik skole'; // ages 6-16, no "family" need
const HEALTH_STATION = 'Fjordvik helsestasjon og skolehelsetjeneste'; // ages 0-20, "family"

// The demo's families and staff whose names must never be on a public page.
const PERSONAL_NAMES = ['Nora', 'Fjordstrand', 'Hanne', 'Sofie', 'Lyngmo', 'Leo', 'Bakkeli', 'Ingrid'];

// Texts from web/i18n/nb.json ("model", "citizen", "measure", "content", "service_type").
const SERVICES_TITLE = 'Tjenester for barn, unge og familier';
const MEASURES_TITLE = 'Tiltak for barn, unge og familier';
const HISTORY_TITLE = 'Historikk for samhandlingsmodellen';
const ADD_SERVICE = 'Legg til en tjeneste';
const ADD_MEASURE = 'Legg til et tiltak';
const SAVE = 'Lagre';
const SAVED = 'Endringen er lagret.';
const SHOW_SERVICES = 'Vis tjenester';
const FOUND = 'tjenester funnet';
const NOT_PUBLIC = 'ikke offentlig';
const INTERNAL_NOTE = 'Du ser også tjenester og opplysninger som ikke er offentlige, fordi du jobber for kommunen.';
const FEWER_THAN_THREE = 'færre enn 3';
const ERROR_SUMMARY = 'Noe må rettes før du kan gå videre:';
const FORBIDDEN = 'Du har ikke tilgang';
const CITIZEN_TITLE = 'Bekymret for et barn?';
const CITIZEN_SERVICES = 'Finn en tjeneste som kan hjelpe';
const FIND_SERVICES = 'Finn tjenester';
const FAMILY_NEED = 'Familie og foreldrerolle';
const LEVEL = {
  0: 'Nivå 0: undring og bekymring',
  1: 'Nivå 1: tiltak i egen tjeneste',
  2: 'Nivå 2: samarbeid med andre tjenester',
};
const SERVICE_LABEL = {
  name: 'Navn på enheten',
  type: 'Type tjeneste',
  description: 'Beskrivelse for innbyggerne',
  ageFrom: 'Fra (år)',
  ageTo: 'Til (år)',
  needs: 'Hva hjelper tjenesten med?',
  levels: 'Nivåer i BTI-modellen',
  phone: 'Telefon',
  openingHours: 'Åpningstider',
  address: 'Adresse',
  public: 'Vis tjenesten for alle på kommunens offentlige sider',
  summary: 'Hva endret du, og hvorfor? (valgfritt, vises i historikken)',
};
const FILTER_LABEL = { age: 'Barnets alder', need: 'Hva gjelder det?', level: 'Nivå', words: 'Søk etter ord' };
const MEASURE_LABEL = {
  name: 'Navn på tiltaket',
  description: 'Beskrivelse',
  targetGroup: 'Målgruppe',
  ageFrom: 'Fra (år)',
  ageTo: 'Til (år)',
  levelFrom: 'Fra nivå',
  levelTo: 'Til nivå',
  providers: 'Tilbys av',
  howToRequest: 'Slik ber du om tiltaket',
  evidence: 'Kunnskapsgrunnlag',
  evidenceUrl: 'Lenke til kunnskapsgrunnlaget (https)',
  public: 'Vis tiltaket for alle på kommunens offentlige sider',
};
const PHONE_ERROR = 'Skriv et norsk telefonnummer med 8 siffer, for eksempel 22 33 44 55.';
const HOURS_ERROR = 'Skriv åpningstidene som for eksempel «man–fre 08.00–15.30, lør 10–14».';
const NO_PROVIDER = 'Velg minst én enhet som tilbyr tiltaket.';
const HEALTH_STATION_TYPE = 'Helsestasjon og skolehelsetjeneste'; // service_type.health_station

// The unit and the measure this file adds.
const UNIT = 'Familiesenteret i Fjordvik';
const UNIT_DESCRIPTION = 'Familiesenteret gir råd og støtte til **foreldre** med barn fra 0 til 12 år.\n\n'
  + '- Foreldreveiledning\n- Samtaler med familieterapeut';
const UNIT_ADDRESS = 'Havnegata 7, Fjordvik';
const BAD_PHONE = '22-33-44-55';
const BAD_HOURS = 'hele tiden';
const TYPED_PHONE = '+47 22003001';
const CANONICAL_PHONE = '22 00 30 01';
const TEL_HREF = 'tel:+4722003001';
const TYPED_HOURS = 'man-fre 08.00-15.30, lør 10-14';
const SHOWN_HOURS = 'man–fre 08.00–15.30, lør 10.00–14.00';
const UNIT_SUMMARY = 'Nytt familiesenter åpnet';

const MEASURE = 'Foreldregruppe i Familiesenteret';
const MEASURE_DESCRIPTION = 'Seks samlinger for foreldre om samspill, grenser og hverdagen med små barn.';
const MEASURE_TARGET = 'Foreldre med barn i barnehagealder';
const MEASURE_EVIDENCE = 'Bygger på erfaringer fra foreldreveiledning i helsestasjonen.';
const MEASURE_EVIDENCE_URL = 'https://www.bufdir.no/foreldreveiledning';
const MEASURE_REQUEST = 'Ring Familiesenteret eller spør helsesykepleier.';

const suite = demoSuite('model-catalogue');

// State passed from one test to the next (they run in order).
const state = { unitPath: null, measurePath: null, unitSaved: false, measureSaved: false, picked: false };

const url = (path) => `${suite.server.url}${path}`;
const servicesPath = '/kommune/9901/tjenester';
const measuresPath = '/kommune/9901/tiltak';
const historyPath = '/kommune/9901/samhandling/historikk';

function shot(page, name) {
  return page.screenshot({ path: join(suite.output, `model-catalogue-${name}.png`), fullPage: true });
}

async function check(page, label, { phone = false } = {}) {
  if (phone) await assertNoHorizontalScroll(page, label);
  await checkA11y(page, label);
}

/** Selects the option of a <select> whose text contains `part` (exactly one must). */
async function selectOptionContaining(select, part) {
  const labels = (await select.locator('option').allTextContents()).map((l) => l.trim());
  const matching = labels.filter((l) => l.includes(part));
  assert.equal(matching.length, 1, `exactly one option contains "${part}": ${JSON.stringify(labels)}`);
  await select.selectOption({ label: matching[0] });
  return matching[0];
}

/** The service cards' names (the links in the catalogue's list). */
function listedServices(page) {
  return page.locator('main ul.service-list > li h2 a').evaluateAll((links) => links.map((a) => a.textContent.trim()));
}

test('1. a coordinator adds a unit to the service catalogue', TIMEOUT, async (t) => {
  await withPage(suite.browser, DESKTOP, async (page) => {
    await demoLogin(page, suite.server.url, BJORN, EMPLOYEES);

    // The catalogue, as its editor sees it: the internal entry, "Legg til en tjeneste", the history.
    let responses = await navigate(page, () => page.goto(url(servicesPath)));
    assert.equal(last(responses).status, 200);
    assert.equal(await h1Text(page), `${SERVICES_TITLE} ${FJORDVIK}`);
    assert.ok((await listedServices(page)).includes(INTERNAL_UNIT), 'the editor sees the internal entry');
    assert.ok(await page.getByRole('link', { name: HISTORY_TITLE, exact: true }).isVisible(), 'a link to the history');
    await check(page, 'service catalogue, coordinator (desktop)');

    responses = await navigate(page, () => page.getByRole('link', { name: ADD_SERVICE, exact: true }).click());
    assert.equal(last(responses).status, 200);
    assert.equal(new URL(page.url()).pathname, `${servicesPath}/ny`);
    assert.equal(await h1Text(page), ADD_SERVICE);
    await check(page, 'new service form (desktop)');

    const main = page.getByRole('main');
    const needs = main.getByRole('group', { name: SERVICE_LABEL.needs, exact: true });
    const levels = main.getByRole('group', { name: SERVICE_LABEL.levels, exact: true });
    const fill = async (phone, hours) => {
      await main.getByLabel(SERVICE_LABEL.name, { exact: true }).fill(UNIT);
      await main.getByLabel(SERVICE_LABEL.type, { exact: true }).selectOption({ label: HEALTH_STATION_TYPE });
      await main.getByLabel(SERVICE_LABEL.description, { exact: true }).fill(UNIT_DESCRIPTION);
      await main.getByLabel(SERVICE_LABEL.ageFrom, { exact: true }).fill('0');
      await main.getByLabel(SERVICE_LABEL.ageTo, { exact: true }).fill('12');
      await needs.getByRole('checkbox', { name: FAMILY_NEED, exact: true }).check();
      await levels.getByRole('checkbox', { name: LEVEL[1], exact: true }).check();
      await levels.getByRole('checkbox', { name: LEVEL[2], exact: true }).check();
      await main.getByLabel(SERVICE_LABEL.phone, { exact: true }).fill(phone);
      await main.getByLabel(SERVICE_LABEL.openingHours, { exact: true }).fill(hours);
      await main.getByLabel(SERVICE_LABEL.address, { exact: true }).fill(UNIT_ADDRESS);
      await main.getByRole('checkbox', { name: SERVICE_LABEL.public, exact: true }).check();
      await main.getByLabel(SERVICE_LABEL.summary, { exact: true }).fill(UNIT_SUMMARY);
    };

    // A wrong phone number and nonsense opening hours: refused, beside the fields and in the summary.
    await fill(BAD_PHONE, BAD_HOURS);
    responses = await navigate(page, () => main.getByRole('button', { name: SAVE, exact: true }).click());
    assert.equal(responses[0].method, 'POST');
    assert.equal(last(responses).status, 422, 'refused with 422');
    assert.equal(new URL(page.url()).pathname, `${servicesPath}/ny`);
    assert.equal(await h1Text(page), ADD_SERVICE);
    const lines = await assertErrorSummary(page, ERROR_SUMMARY);
    assert.ok(lines.includes(PHONE_ERROR), `the summary names the phone: ${JSON.stringify(lines)}`);
    assert.ok(lines.includes(HOURS_ERROR), `the summary names the opening hours: ${JSON.stringify(lines)}`);
    assert.equal(lines.length, 2, `only those two problems: ${JSON.stringify(lines)}`);
    assert.equal(await page.locator('.ds-error-summary a[href="#field-phone"]').count(), 1, 'the summary links the phone');
    assert.equal(await page.locator('.ds-error-summary a[href="#field-opening_hours"]').count(), 1,
      'the summary links the opening hours');
    const phone = main.getByLabel(SERVICE_LABEL.phone, { exact: true });
    const hours = main.getByLabel(SERVICE_LABEL.openingHours, { exact: true });
    await assertFieldError(phone, PHONE_ERROR);
    await assertFieldError(hours, HOURS_ERROR);
    assert.ok(await page.locator('#field-phone').getByText(PHONE_ERROR, { exact: true }).isVisible(), 'shown by the phone');
    assert.ok(await page.locator('#field-opening_hours').getByText(HOURS_ERROR, { exact: true }).isVisible(),
      'shown by the opening hours');
    // Everything typed is kept.
    assert.equal(await phone.inputValue(), BAD_PHONE);
    assert.equal(await hours.inputValue(), BAD_HOURS);
    assert.equal(await main.getByLabel(SERVICE_LABEL.name, { exact: true }).inputValue(), UNIT);
    assert.equal(await main.getByLabel(SERVICE_LABEL.description, { exact: true }).inputValue(), UNIT_DESCRIPTION);
    assert.equal(await main.getByLabel(SERVICE_LABEL.ageTo, { exact: true }).inputValue(), '12');
    assert.equal(await main.getByLabel(SERVICE_LABEL.address, { exact: true }).inputValue(), UNIT_ADDRESS);
    assert.equal(await main.getByLabel(SERVICE_LABEL.summary, { exact: true }).inputValue(), UNIT_SUMMARY);
    assert.equal((await main.getByLabel(SERVICE_LABEL.type, { exact: true }).locator('option:checked').textContent()).trim(),
      HEALTH_STATION_TYPE, 'the type stays chosen');
    assert.ok(await needs.getByRole('checkbox', { name: FAMILY_NEED, exact: true }).isChecked(), 'the need stays ticked');
    assert.ok(await levels.getByRole('checkbox', { name: LEVEL[1], exact: true }).isChecked(), 'level 1 stays ticked');
    assert.ok(await levels.getByRole('checkbox', { name: LEVEL[2], exact: true }).isChecked(), 'level 2 stays ticked');
    assert.equal(await levels.getByRole('checkbox', { name: LEVEL[0], exact: true }).isChecked(), false);
    assert.ok(await main.getByRole('checkbox', { name: SERVICE_LABEL.public, exact: true }).isChecked(),
      'public stays ticked');
    assert.equal(await main.getByLabel(SERVICE_LABEL.name, { exact: true }).getAttribute('aria-invalid'), null,
      'a good field is not marked invalid');
    await check(page, 'new service form with errors (desktop)');
    await shot(page, 'service-errors-1280');

    // Nothing was stored.
    await withPage(suite.browser, DESKTOP, async (anon) => {
      await anon.goto(url(servicesPath));
      assert.equal((await listedServices(anon)).includes(UNIT), false, 'the refused unit is not in the catalogue');
    });

    // Corrected and saved: the entry page.
    await phone.fill(TYPED_PHONE);
    await hours.fill(TYPED_HOURS);
    responses = await navigate(page, () => main.getByRole('button', { name: SAVE, exact: true }).click());
    assert.equal(responses[0].method, 'POST');
    assert.equal(responses[0].status, 303, `saved: redirected: ${JSON.stringify(responses)}`);
    assert.equal(last(responses).status, 200);
    const entryUrl = new URL(page.url());
    assert.match(entryUrl.pathname, /^\/kommune\/9901\/tjenester\/\d+$/, `the entry page: ${entryUrl}`);
    state.unitPath = entryUrl.pathname;
    assert.equal(await h1Text(page), UNIT);
    state.unitSaved = true;
    assert.equal((await page.getByRole('status').filter({ hasText: SAVED }).textContent()).trim(), SAVED);
    const meta = (await page.locator('main p.guide-meta').first().textContent()).trim();
    assert.equal(meta, HEALTH_STATION_TYPE, `the type, public (no "${NOT_PUBLIC}"): ${meta}`);
    const strong = page.locator('.service-description strong');
    assert.deepEqual((await strong.allTextContents()).map((s) => s.trim()), ['foreldre'], '**foreldre** is <strong>');
    assert.deepEqual((await page.locator('.service-description ul > li').allTextContents()).map((s) => s.trim()),
      ['Foreldreveiledning', 'Samtaler med familieterapeut'], 'the list is a list');
    assert.equal(await page.locator('.service-description').getByText('**').count(), 0, 'no Markdown asterisks left');
    const telLink = page.locator('main dl.service-facts a[href^="tel:"]');
    assert.equal(await telLink.count(), 1, 'one phone link');
    assert.equal(await telLink.getAttribute('href'), TEL_HREF, 'the tel: link dials the number');
    assert.equal((await telLink.textContent()).trim(), CANONICAL_PHONE, 'the number in its canonical form');
    const shown = await facts(page.locator('main'));
    assert.equal(shown[SERVICE_LABEL.phone], CANONICAL_PHONE);
    assert.equal(shown[SERVICE_LABEL.openingHours], SHOWN_HOURS, `the opening hours: ${JSON.stringify(shown)}`);
    assert.equal(shown[SERVICE_LABEL.address], UNIT_ADDRESS);
    assert.equal(shown['For barn og unge'], '0–12 år');
    assert.equal(shown.Henvisning, 'Du kan ta kontakt selv.');
    const helpsWith = page.locator('main h2:text-is("Hjelper med") + ul > li');
    assert.deepEqual((await helpsWith.allTextContents()).map((s) => s.trim()), [FAMILY_NEED], 'helps with: the need');
    assert.match(await page.locator('main').textContent(), new RegExp(`${LEVEL[1]}, ${LEVEL[2]}`), 'the levels');
    await check(page, 'new service entry (desktop)');
    await shot(page, 'service-entry-1280');

    // The edit form shows the canonical values, the type kept.
    responses = await navigate(page, () => page.getByRole('link', { name: 'Rediger tjenesten', exact: true }).click());
    assert.equal(last(responses).status, 200);
    assert.equal(new URL(page.url()).pathname, `${state.unitPath}/rediger`);
    assert.equal(await main.getByLabel(SERVICE_LABEL.phone, { exact: true }).inputValue(), CANONICAL_PHONE);
    assert.equal(await main.getByLabel(SERVICE_LABEL.openingHours, { exact: true }).inputValue(), SHOWN_HOURS);
    await check(page, 'edit service form (desktop)');

    // The catalogue lists it; the history has its first version, by Bjørn, with the summary.
    responses = await navigate(page, () => page.goto(url(servicesPath)));
    assert.ok((await listedServices(page)).includes(UNIT), 'the catalogue lists the new unit');
    responses = await navigate(page, () => page.getByRole('link', { name: HISTORY_TITLE, exact: true }).click());
    assert.equal(last(responses).status, 200);
    assert.equal(new URL(page.url()).pathname, historyPath);
    assert.equal(await h1Text(page), `${HISTORY_TITLE} ${FJORDVIK}`);
    const change = page.locator('li.model-change').filter({
      has: page.getByRole('link', { name: `Tjeneste: ${UNIT}, versjon 1`, exact: true }),
    });
    assert.equal(await change.count(), 1, 'the history lists the new entry');
    const changeText = (await change.textContent()).replace(/\s+/g, ' ');
    assert.ok(changeText.includes(BJORN), `saved by Bjørn: ${changeText}`);
    assert.ok(changeText.includes(UNIT_SUMMARY), `with the summary: ${changeText}`);
    await check(page, 'model history (desktop)');
    await shot(page, 'history-1280');

    responses = await navigate(page, () => change.getByRole('link').click());
    assert.equal(last(responses).status, 200);
    assert.equal(await h1Text(page), `Tjeneste: ${UNIT}, versjon 1`);
    assert.ok(await page.getByText('Første versjon.', { exact: false }).isVisible(), 'the first version');
    await check(page, 'model history, one version (desktop)');
  });
});

test('2. a coordinator adds a measure provided by the new unit', TIMEOUT, async () => {
  assert.ok(state.unitSaved, 'test 1 added the unit');
  await withPage(suite.browser, DESKTOP, async (page) => {
    await demoLogin(page, suite.server.url, BJORN, EMPLOYEES);
    let responses = await navigate(page, () => page.goto(url(measuresPath)));
    assert.equal(last(responses).status, 200);
    assert.equal(await h1Text(page), `${MEASURES_TITLE} ${FJORDVIK}`);
    await check(page, 'measures catalogue, coordinator (desktop)');

    responses = await navigate(page, () => page.getByRole('link', { name: ADD_MEASURE, exact: true }).click());
    assert.equal(last(responses).status, 200);
    assert.equal(new URL(page.url()).pathname, `${measuresPath}/ny`);
    assert.equal(await h1Text(page), ADD_MEASURE);
    const main = page.getByRole('main');
    const providers = main.getByRole('group', { name: MEASURE_LABEL.providers, exact: true });
    const offered = (await providers.getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => b.closest('label').textContent.trim())));
    assert.ok(offered.includes(UNIT), `the new unit is offered as a provider: ${JSON.stringify(offered)}`);
    assert.ok(offered.includes('PPT Fjordregionen'), 'a shared unit serving Fjordvik is offered');
    assert.equal(offered.includes('Lauvåsen skule'), false, 'another municipality\'s own unit is not');
    await check(page, 'new measure form (desktop)');

    await main.getByLabel(MEASURE_LABEL.name, { exact: true }).fill(MEASURE);
    await main.getByLabel(MEASURE_LABEL.description, { exact: true }).fill(MEASURE_DESCRIPTION);
    await main.getByLabel(MEASURE_LABEL.targetGroup, { exact: true }).fill(MEASURE_TARGET);
    await main.getByLabel(MEASURE_LABEL.ageFrom, { exact: true }).fill('0');
    await main.getByLabel(MEASURE_LABEL.ageTo, { exact: true }).fill('6');
    await main.getByLabel(MEASURE_LABEL.levelFrom, { exact: true }).selectOption({ label: LEVEL[1] });
    await main.getByLabel(MEASURE_LABEL.levelTo, { exact: true }).selectOption({ label: LEVEL[2] });
    await main.getByLabel(MEASURE_LABEL.howToRequest, { exact: true }).fill(MEASURE_REQUEST);
    await main.getByLabel(MEASURE_LABEL.evidence, { exact: true }).fill(MEASURE_EVIDENCE);
    await main.getByLabel(MEASURE_LABEL.evidenceUrl, { exact: true }).fill(MEASURE_EVIDENCE_URL);
    await main.getByRole('checkbox', { name: MEASURE_LABEL.public, exact: true }).check();

    // No provider ticked: refused, the message beside the providers.
    responses = await navigate(page, () => main.getByRole('button', { name: SAVE, exact: true }).click());
    assert.equal(last(responses).status, 422, 'no provider: 422');
    assert.equal(new URL(page.url()).pathname, `${measuresPath}/ny`);
    const lines = await assertErrorSummary(page, ERROR_SUMMARY);
    assert.deepEqual(lines, [NO_PROVIDER], 'the summary names the providers only');
    assert.equal(await page.locator('.ds-error-summary a[href="#field-providers"]').count(), 1,
      'the summary links the providers');
    assert.deepEqual(await describedBy(providers), [NO_PROVIDER], 'the providers fieldset is described by the message');
    assert.ok(await providers.getByText(NO_PROVIDER, { exact: true }).isVisible(), 'shown in the providers fieldset');
    assert.equal(await main.getByLabel(MEASURE_LABEL.name, { exact: true }).inputValue(), MEASURE, 'what was typed is kept');
    assert.equal(await main.getByLabel(MEASURE_LABEL.evidenceUrl, { exact: true }).inputValue(), MEASURE_EVIDENCE_URL);
    assert.equal((await main.getByLabel(MEASURE_LABEL.levelTo, { exact: true }).locator('option:checked').textContent()).trim(),
      LEVEL[2], 'the level stays chosen');
    assert.ok(await main.getByRole('checkbox', { name: MEASURE_LABEL.public, exact: true }).isChecked());
    await check(page, 'new measure form with an error (desktop)');
    await shot(page, 'measure-error-1280');

    // The new unit as the provider: saved.
    await providers.getByRole('checkbox', { name: UNIT, exact: true }).check();
    responses = await navigate(page, () => main.getByRole('button', { name: SAVE, exact: true }).click());
    assert.equal(responses[0].status, 303, `saved: redirected: ${JSON.stringify(responses)}`);
    assert.equal(last(responses).status, 200);
    const measureUrl = new URL(page.url());
    assert.match(measureUrl.pathname, /^\/kommune\/9901\/tiltak\/\d+$/);
    state.measurePath = measureUrl.pathname;
    assert.equal(await h1Text(page), MEASURE);
    state.measureSaved = true;
    assert.equal((await page.getByRole('status').filter({ hasText: SAVED }).textContent()).trim(), SAVED);
    const shown = await facts(page.locator('main'));
    assert.equal(shown[MEASURE_LABEL.providers], UNIT, `the provider: ${JSON.stringify(shown)}`);
    assert.equal(shown['Brukes i åpne stafettlogger'], FEWER_THAN_THREE, 'no open log uses it: "færre enn 3"');
    assert.equal(shown[MEASURE_LABEL.targetGroup], MEASURE_TARGET);
    assert.equal(shown['For barn og unge'], '0–6 år');
    const evidence = page.getByRole('link', { name: 'Les mer', exact: true });
    assert.equal(await evidence.getAttribute('href'), MEASURE_EVIDENCE_URL, 'the evidence link');
    assert.ok(await page.getByText(MEASURE_EVIDENCE).isVisible(), 'the evidence text');
    assert.match((await page.locator('main p.guide-meta').first().textContent()).trim(), new RegExp(`^${LEVEL[1]} – ${LEVEL[2]}$`));
    await check(page, 'new measure page (desktop)');
    await shot(page, 'measure-1280');

    // The list has it with the suppressed count; the history lists it.
    responses = await navigate(page, () => page.getByRole('link', { name: 'Alle tiltak', exact: true }).first().click());
    assert.equal(new URL(page.url()).pathname, measuresPath);
    const card = page.locator('main ul.service-list > li').filter({ has: page.getByRole('link', { name: MEASURE, exact: true }) });
    assert.equal(await card.count(), 1, 'the list has the measure');
    assert.match((await card.textContent()).replace(/\s+/g, ' '), new RegExp(`Brukes i åpne stafettlogger: ${FEWER_THAN_THREE}`));
    responses = await navigate(page, () => page.goto(url(historyPath)));
    assert.equal(await page.getByRole('link', { name: `Tiltak: ${MEASURE}, versjon 1`, exact: true }).count(), 1,
      'the history lists the measure');
  });
});

test('3. a citizen finds the new unit from "Bekymret for et barn?"', TIMEOUT, async (t) => {
  assert.ok(state.unitSaved, 'test 1 added the unit');
  const leaks = [];
  await withPage(suite.browser, DESKTOP, async (page) => {
    let responses = await navigate(page, () => page.goto(url('/bekymret')));
    assert.equal(last(responses).status, 200);
    assert.equal(await h1Text(page), CITIZEN_TITLE);
    leaks.push(...await personalNamesOn(page, PERSONAL_NAMES));
    responses = await navigate(page, () => page.getByRole('link', { name: FJORDVIK, exact: true }).click());
    assert.equal(last(responses).status, 200);
    assert.equal(new URL(page.url()).pathname, '/kommune/9901/bekymret');
    assert.equal(await h1Text(page), CITIZEN_TITLE);
    await assertNotLoggedIn(page);
    leaks.push(...await personalNamesOn(page, PERSONAL_NAMES));
    const services = page.getByRole('region', { name: CITIZEN_SERVICES, exact: true });
    assert.ok(await services.isVisible(), 'the section "Finn en tjeneste som kan hjelpe"');
    responses = await navigate(page, () => services.getByRole('link', { name: FIND_SERVICES, exact: true }).click());
    assert.equal(last(responses).status, 200);
    assert.equal(new URL(page.url()).pathname, servicesPath);
    assert.equal(await h1Text(page), `${SERVICES_TITLE} ${FJORDVIK}`);
    await assertNotLoggedIn(page);
    leaks.push(...await personalNamesOn(page, PERSONAL_NAMES));

    // Everything public; the internal entry and the editor's links are not there.
    const all = await listedServices(page);
    assert.ok(all.includes(UNIT), `the new unit is public: ${JSON.stringify(all)}`);
    assert.ok(all.includes(SCHOOL) && all.includes(HEALTH_STATION), `the public entries: ${JSON.stringify(all)}`);
    assert.equal(all.includes(INTERNAL_UNIT), false, `the internal entry is not listed: ${JSON.stringify(all)}`);
    assert.equal(await page.getByText(INTERNAL_UNIT).count(), 0, 'the internal unit is nowhere on the page');
    assert.equal(await page.getByText(NOT_PUBLIC).count(), 0, 'nothing marked "ikke offentlig"');
    assert.equal(await page.getByText(INTERNAL_NOTE).count(), 0, 'no note for employees');
    assert.equal(await page.getByRole('link', { name: ADD_SERVICE }).count(), 0, 'no "Legg til en tjeneste"');
    assert.equal(await page.getByRole('link', { name: HISTORY_TITLE }).count(), 0, 'no link to the history');
    assert.equal((await page.getByRole('status').textContent()).trim(), `${all.length} ${FOUND}`);

    // The child is 4, and it is about the family.
    const filter = page.getByRole('search');
    await filter.getByLabel(FILTER_LABEL.age, { exact: true }).fill('4');
    await filter.getByLabel(FILTER_LABEL.need, { exact: true }).selectOption({ label: FAMILY_NEED });
    responses = await navigate(page, () => filter.getByRole('button', { name: SHOW_SERVICES, exact: true }).click());
    assert.equal(last(responses).status, 200);
    const query = new URL(page.url()).searchParams;
    assert.equal(query.get('alder'), '4');
    assert.equal(query.get('behov'), 'family');
    const found = await listedServices(page);
    assert.ok(found.includes(UNIT), `the new unit is found: ${JSON.stringify(found)}`);
    assert.ok(found.includes(HEALTH_STATION), `the health station too: ${JSON.stringify(found)}`);
    assert.equal(found.includes(SCHOOL), false, `the school is not (ages 6-16, not family): ${JSON.stringify(found)}`);
    assert.equal(found.includes(INTERNAL_UNIT), false, 'the internal entry is not found either');
    assert.equal((await page.getByRole('status').textContent()).trim(), `${found.length} ${FOUND}`);
    assert.equal(await filter.getByLabel(FILTER_LABEL.age, { exact: true }).inputValue(), '4', 'the age stays');
    assert.equal((await filter.getByLabel(FILTER_LABEL.need, { exact: true }).locator('option:checked').textContent()).trim(),
      FAMILY_NEED, 'the need stays chosen');
    // The card shows how to get in touch.
    const card = page.locator('main ul.service-list > li').filter({ has: page.getByRole('link', { name: UNIT, exact: true }) });
    assert.equal(await card.locator(`a[href="${TEL_HREF}"]`).count(), 1, 'the phone link on the card');
    leaks.push(...await personalNamesOn(page, PERSONAL_NAMES));
    await shot(page, 'citizen-filtered-1280');

    // A filter nothing matches says so.
    await filter.getByLabel(FILTER_LABEL.words, { exact: true }).fill('sirkusskole');
    responses = await navigate(page, () => filter.getByRole('button', { name: SHOW_SERVICES, exact: true }).click());
    assert.equal(await listedServices(page).then((l) => l.length), 0);
    assert.equal((await page.getByRole('status').textContent()).trim(), `0 ${FOUND}`);
    assert.ok(await page.getByText('Ingen tjenester passer. Prøv å fjerne noe av det du har valgt.').isVisible());
    await page.goBack({ waitUntil: 'load' });

    // The entry page: the phone link.
    responses = await navigate(page, () => page.getByRole('link', { name: UNIT, exact: true }).click());
    assert.equal(last(responses).status, 200);
    assert.equal(new URL(page.url()).pathname, state.unitPath);
    assert.equal(await h1Text(page), UNIT);
    const tel = page.locator('main a[href^="tel:"]');
    assert.equal(await tel.count(), 1);
    assert.equal(await tel.getAttribute('href'), TEL_HREF);
    assert.equal((await tel.textContent()).trim(), CANONICAL_PHONE);
    assert.equal(await page.getByRole('link', { name: 'Rediger tjenesten' }).count(), 0, 'no edit link for the public');
    leaks.push(...await personalNamesOn(page, PERSONAL_NAMES));

    // The measures catalogue and the new measure are public too.
    responses = await navigate(page, () => page.goto(url(measuresPath)));
    assert.equal(last(responses).status, 200);
    assert.equal(await page.getByRole('link', { name: ADD_MEASURE }).count(), 0, 'no "Legg til et tiltak"');
    leaks.push(...await personalNamesOn(page, PERSONAL_NAMES));
    if (state.measurePath) {
      responses = await navigate(page, () => page.getByRole('link', { name: MEASURE, exact: true }).click());
      assert.equal(last(responses).status, 200);
      assert.equal(new URL(page.url()).pathname, state.measurePath);
      leaks.push(...await personalNamesOn(page, PERSONAL_NAMES));
    }

    // An age the filter cannot use: the citizen should see what she typed and why it was not used.
    responses = await navigate(page, () => page.goto(url(servicesPath)));
    await t.test('an age the filter cannot use is kept in the field and explained, not dropped without a word', async () => {
      const search = page.getByRole('search');
      await search.getByLabel(FILTER_LABEL.age, { exact: true }).fill('30');
      const r = await navigate(page, () => search.getByRole('button', { name: SHOW_SERVICES, exact: true }).click());
      assert.equal(new URL(page.url()).searchParams.get('alder'), '30');
      assert.ok([200, 422].includes(last(r).status), `answered: ${last(r).status}`);
      const age = page.getByRole('search').getByLabel(FILTER_LABEL.age, { exact: true });
      assert.equal(await age.inputValue(), '30', 'what was typed is kept');
      assert.equal(await age.getAttribute('aria-invalid'), 'true', 'the age is marked invalid');
      assert.ok((await describedBy(age)).length > 0, 'and described by a message');
    });
  });
  assert.deepEqual(leaks, [], 'no personal data on the public pages');
});

test('4. the stafettholder picks the measure from the catalogue into a log', TIMEOUT, async () => {
  assert.ok(state.measureSaved, 'test 2 added the measure');
  await withPage(suite.browser, DESKTOP, async (page) => {
    await demoLogin(page, suite.server.url, INGRID, EMPLOYEES);
    let responses = await navigate(page, () => page.goto(url(NORA_LOG)));
    assert.equal(last(responses).status, 200);
    assert.equal(await h1Text(page), NORA);
    const goals = page.getByRole('main').getByRole('region', { name: 'Mål og tiltak', exact: true });
    responses = await navigate(page, () => goals.getByRole('link', { name: 'Legg til tiltak', exact: true }).click());
    assert.equal(last(responses).status, 200);
    assert.equal(new URL(page.url()).pathname, `${NORA_LOG}/tiltak/ny`);
    assert.equal(await h1Text(page), 'Nytt tiltak');

    // The picker offers the municipality's catalogue, the new measure with its provider.
    const main = page.getByRole('main');
    const picker = main.getByLabel('Velg fra kommunens tiltaksoversikt', { exact: true });
    const option = await selectOptionContaining(picker, MEASURE);
    assert.equal(option, `${MEASURE} (${UNIT})`, 'the option names the provider');
    const catalogueId = state.measurePath.split('/').pop();
    responses = await navigate(page, () => main.getByRole('button', { name: 'Bruk dette tiltaket', exact: true }).click());
    assert.equal(last(responses).status, 200);
    assert.equal(last(responses).method, 'GET');
    assert.equal(new URL(page.url()).searchParams.get('katalog'), catalogueId, 'picked with ?katalog={id}');
    assert.equal(await main.getByLabel('Tiltak', { exact: true }).inputValue(), MEASURE, 'the title is the measure\'s name');
    assert.equal(await main.getByLabel('Beskrivelse (valgfritt)', { exact: true }).inputValue(), MEASURE_DESCRIPTION,
      'the description is the measure\'s');
    assert.ok(await main.getByText(`Fra tiltaksoversikten: ${MEASURE}`, { exact: true }).isVisible(),
      'the form says where it comes from');
    assert.equal((await picker.locator('option:checked').textContent()).trim(), option, 'the picker shows the choice');
    await check(page, 'log measure form with a catalogue measure (desktop)');
    await shot(page, 'log-measure-form-1280');

    await selectOptionContaining(main.getByLabel('Hvem er ansvarlig?', { exact: true }), INGRID);
    await main.getByLabel('Enheten som gir tiltaket', { exact: true }).selectOption({ index: 0 });
    await page.fill('#field-start_date', osloDateInDays(0));
    await page.fill('#field-evaluation_date', osloDateInDays(30));
    await page.locator('#field-evaluation_date').evaluate((el) => el.blur());
    responses = await navigate(page, () => main.getByRole('button', { name: 'Legg til tiltak', exact: true }).click());
    assert.equal(responses[0].method, 'POST');
    assert.ok(responses[0].status >= 300 && responses[0].status < 400, `POST-redirect-GET: ${JSON.stringify(responses)}`);
    assert.equal(last(responses).status, 200);
    assert.equal(new URL(page.url()).pathname, NORA_LOG);
    const item = page.getByRole('main').getByRole('region', { name: 'Mål og tiltak', exact: true }).locator('li.measure')
      .filter({ has: page.locator('strong').getByText(MEASURE, { exact: true }) });
    assert.equal(await item.count(), 1, 'the log lists the measure');
    assert.ok(await item.getByText(`Fra tiltaksoversikten: ${MEASURE}`, { exact: true }).isVisible(),
      'the log says it comes from the catalogue');
    assert.ok((await item.textContent()).includes(MEASURE_DESCRIPTION), 'with the catalogue\'s description');
    await check(page, 'log with a catalogue measure (desktop)');
    await shot(page, 'log-with-measure-1280');
    state.picked = true;
  });

  // One open log uses it: still "færre enn 3" for everyone, in the list and on its page.
  await withPage(suite.browser, DESKTOP, async (page) => {
    let responses = await navigate(page, () => page.goto(url(state.measurePath)));
    assert.equal(last(responses).status, 200);
    assert.equal((await facts(page.locator('main')))['Brukes i åpne stafettlogger'], FEWER_THAN_THREE,
      'one log is a small count');
    responses = await navigate(page, () => page.goto(url(measuresPath)));
    const card = page.locator('main ul.service-list > li').filter({ has: page.getByRole('link', { name: MEASURE, exact: true }) });
    assert.match((await card.textContent()).replace(/\s+/g, ' '), new RegExp(`Brukes i åpne stafettlogger: ${FEWER_THAN_THREE}`));
    assert.equal(await page.locator('main').getByText(/Brukes i åpne stafettlogger: [12]$/).count(), 0,
      'no count of 1 or 2 anywhere');
    assert.deepEqual(await personalNamesOn(page, PERSONAL_NAMES), [], 'no personal data on the measures catalogue');
  });
});

test('5. only Fjordvik\'s coordinator edits; Fjordvik\'s employees see the internal entry', TIMEOUT, async () => {
  let internalHref = null;
  await withPage(suite.browser, DESKTOP, async (page) => {
    await demoLogin(page, suite.server.url, GRY, EMPLOYEES);
    for (const path of [`${servicesPath}/ny`, `${measuresPath}/ny`]) {
      const responses = await navigate(page, () => page.goto(url(path)));
      assert.equal(last(responses).status, 403, `Lauvåsen's coordinator on ${path}`);
      assert.equal(await h1Text(page), FORBIDDEN);
      assert.equal(await page.getByRole('button', { name: SAVE, exact: true }).count(), 0, 'no form on the 403 page');
    }
    await check(page, '403 for another municipality\'s coordinator (desktop)');
    if (state.unitPath) {
      const responses = await navigate(page, () => page.goto(url(`${state.unitPath}/rediger`)));
      assert.equal(last(responses).status, 403, 'nor the edit form of Fjordvik\'s unit');
    }
    // She does not work for Fjordvik: its catalogue is the public one to her.
    let responses = await navigate(page, () => page.goto(url(servicesPath)));
    assert.equal(last(responses).status, 200);
    assert.equal((await listedServices(page)).includes(INTERNAL_UNIT), false, 'no internal entry for Lauvåsen\'s coordinator');
    assert.equal(await page.getByRole('link', { name: ADD_SERVICE }).count(), 0, 'no "Legg til en tjeneste"');
    // Her own municipality's form is open to her.
    responses = await navigate(page, () => page.goto(url('/kommune/9902/tjenester/ny')));
    assert.equal(last(responses).status, 200, 'Lauvåsen\'s own form');
    assert.equal(await h1Text(page), ADD_SERVICE);
  });

  await withPage(suite.browser, DESKTOP, async (page) => {
    await demoLogin(page, suite.server.url, INGRID, EMPLOYEES);
    let responses = await navigate(page, () => page.goto(url(`${servicesPath}/ny`)));
    assert.equal(last(responses).status, 403, 'a teacher may not add units');
    assert.equal(await h1Text(page), FORBIDDEN);
    await check(page, '403 for a teacher (desktop)');
    responses = await navigate(page, () => page.goto(url(`${measuresPath}/ny`)));
    assert.equal(last(responses).status, 403, 'nor measures');
    responses = await navigate(page, () => page.goto(url(historyPath)));
    assert.equal(last(responses).status, 403, 'nor read the editors\' history');

    // But she works for Fjordvik: the internal entry is listed for her, marked as such.
    responses = await navigate(page, () => page.goto(url(servicesPath)));
    assert.equal(last(responses).status, 200);
    const all = await listedServices(page);
    assert.ok(all.includes(INTERNAL_UNIT), `the teacher sees the internal entry: ${JSON.stringify(all)}`);
    assert.ok(all.includes(UNIT), 'and the public ones');
    assert.ok(await page.getByText(INTERNAL_NOTE, { exact: true }).isVisible(), 'the note for employees');
    const card = page.locator('main ul.service-list > li').filter({ has: page.getByRole('link', { name: INTERNAL_UNIT, exact: true }) });
    assert.match(await card.locator('p.guide-meta').textContent(), new RegExp(NOT_PUBLIC), 'marked "ikke offentlig"');
    assert.equal(await page.getByRole('link', { name: ADD_SERVICE }).count(), 0, 'no "Legg til en tjeneste" for her');
    internalHref = await card.getByRole('link', { name: INTERNAL_UNIT, exact: true }).getAttribute('href');
    responses = await navigate(page, () => page.goto(url(internalHref)));
    assert.equal(last(responses).status, 200, 'she opens the internal entry');
    assert.equal(await h1Text(page), INTERNAL_UNIT);
    assert.equal(await page.getByRole('link', { name: 'Rediger tjenesten' }).count(), 0, 'without an edit link');
    await check(page, 'internal entry for an employee (desktop)');
  });

  await withPage(suite.browser, DESKTOP, async (page) => {
    const responses = await navigate(page, () => page.goto(url(internalHref)));
    assert.equal(last(responses).status, 404, 'the public gets 404 on the internal entry');
    for (const path of [`${servicesPath}/ny`, `${measuresPath}/ny`, historyPath]) {
      const login = await navigate(page, () => page.goto(url(path)));
      assert.equal(last(login).url.pathname, '/logg-inn', `the public is asked to log in for ${path}`);
    }
    const list = await navigate(page, () => page.goto(url(servicesPath)));
    assert.equal(last(list).status, 200);
    assert.equal((await listedServices(page)).includes(INTERNAL_UNIT), false, 'and does not see it listed');
  });
});

test('6. the public pages pass axe-core and fit a phone; the editor\'s pages pass axe-core', TIMEOUT, async () => {
  assert.ok(state.unitPath && state.measurePath, 'tests 1 and 2 added the unit and the measure');
  const publicPages = [
    ['service catalogue', servicesPath],
    ['service catalogue, filtered', `${servicesPath}?alder=4&behov=family&niva=&sok=`],
    ['service catalogue, filtered by level and words', `${servicesPath}?alder=&behov=&niva=2&sok=foreldre`],
    ['service entry', state.unitPath],
    ['measures catalogue', measuresPath],
    ['measure page', state.measurePath],
    ['citizen page', '/kommune/9901/bekymret'],
  ];
  for (const [size, options] of [['1280', DESKTOP], ['375', PHONE]]) {
    await withPage(suite.browser, options, async (page) => {
      for (const [label, path] of publicPages) {
        const responses = await navigate(page, () => page.goto(url(path)));
        assert.equal(last(responses).status, 200, `${label}: 200`);
        await check(page, `${label} (${size})`, { phone: size === '375' });
        assert.deepEqual(await personalNamesOn(page, PERSONAL_NAMES), [], `${label}: no personal data`);
        await shot(page, `${label.replace(/[^a-z]+/g, '-')}-${size}`);
      }
    });
  }

  // The editor's pages, on a phone too.
  await withPage(suite.browser, PHONE, async (page) => {
    await demoLogin(page, suite.server.url, BJORN, EMPLOYEES);
    for (const [label, path] of [
      ['new service form', `${servicesPath}/ny`],
      ['edit service form', `${state.unitPath}/rediger`],
      ['new measure form', `${measuresPath}/ny`],
      ['edit measure form', `${state.measurePath}/rediger`],
      ['model history', historyPath],
    ]) {
      const responses = await navigate(page, () => page.goto(url(path)));
      assert.equal(last(responses).status, 200, `${label}: 200`);
      await check(page, `${label} (375)`, { phone: true });
    }
    // The service form with errors, on a phone.
    await navigate(page, () => page.goto(url(`${servicesPath}/ny`)));
    const main = page.getByRole('main');
    await main.getByLabel(SERVICE_LABEL.name, { exact: true }).fill('Testenhet');
    await main.getByLabel(SERVICE_LABEL.phone, { exact: true }).fill(BAD_PHONE);
    await main.getByLabel(SERVICE_LABEL.openingHours, { exact: true }).fill(BAD_HOURS);
    const responses = await navigate(page, () => main.getByRole('button', { name: SAVE, exact: true }).click());
    assert.equal(last(responses).status, 422);
    await assertFieldError(main.getByLabel(SERVICE_LABEL.phone, { exact: true }), PHONE_ERROR);
    await check(page, 'new service form with errors (375)', { phone: true });
    await shot(page, 'service-errors-375');
  });
});
