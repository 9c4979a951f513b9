// Browser test for the public handlingsveileder and "Bekymret for et barn?"
// (no login): a neighbour on her phone goes from the start page to Fjordvik's
// page for citizens and finds 112, 116 111 and the municipality's contacts as
// phone links (also in nynorsk); an employee opens the guide, sees the four
// levels, reaches a step in one click, opens a tool from the step, searches,
// and chooses the school's variant of the guide. axe-core (WCAG 2.1 A/AA) on
// every page, at 1280 and 375 px. A canary checks that no page holds any of
// the demo's personal data, and a hostile search query is shown as text and
// never runs.
//
// Run from the repository root:  node --test tests/browser/guide_public.test.mjs
// Environment: as tests/browser/log_core.test.mjs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { checkA11y } from './support/server.mjs';
import { demoSuite } from './support/demo_suite.mjs';
import { withPage, navigate, last, h1Text, assertNoHorizontalScroll } from './support/page.mjs';

const DESKTOP = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true };

const FJORDVIK = 'Fjordvik kommune';
const GUIDE_TITLE = 'Handlingsveileder for bedre tverrfaglig innsats';
const FIRST_STEP = 'Observer og undre deg';
const FIRST_TOOL = 'Undringsnotat';
const SCHOOL_STEP = 'Når eleven ikke har det trygt og godt på skolen';
const SEARCH_LABEL = 'Søk i veilederen';
const VARIANTS_NAV = 'Vis veilederen for:';

// Every name and national identity number of the demo's families and staff
// that could leak onto a public page.
const PERSONAL_DATA = [
  'Fjordstrand', 'Bakkeli', 'Lyngmo', 'Nesvold', 'Fjellstad', 'Nora', 'Sofie', '03831259298', '15881950062',
];
const HOSTILE_QUERY = '<script>alert(1)</script><img src=x onerror=alert(2)>';

const suite = demoSuite('guide-public');

async function assertNotLoggedIn(page) {
  assert.equal(await page.getByRole('button', { name: 'Logg ut' }).count(), 0, 'no "Logg ut": nobody is logged in');
  assert.equal(await page.getByRole('link', { name: 'Logg inn', exact: true }).count(), 1, 'the login link is offered');
}

/** 112, 116 111 and at least one of the municipality's contacts, all as phone links. */
async function assertCitizenNumbers(page, contactsHeading) {
  const urgent = page.locator('main');
  assert.equal(await urgent.locator('a[href="tel:112"]').count(), 1, 'tel:112');
  assert.equal(await urgent.locator('a[href="tel:116111"]').count(), 1, 'tel:116111');
  assert.match(await urgent.locator('a[href="tel:112"]').textContent(), /112/);
  assert.match(await urgent.locator('a[href="tel:116111"]').textContent(), /116 111/);
  const contacts = page.getByRole('region', { name: contactsHeading });
  const phones = contacts.locator('a[href^="tel:"]');
  assert.ok(await phones.count() >= 1, 'at least one contact with a phone link');
  for (const href of await phones.evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
    assert.match(href, /^tel:\+?\d+$/, `a dialable number: ${href}`);
  }
}

test('a neighbour on her phone finds whom to call in Fjordvik, in bokmål and nynorsk', { timeout: 120_000 }, async () => {
  await withPage(suite.browser, PHONE, async (page) => {
    let responses = await navigate(page, () => page.goto(`${suite.server.url}/`));
    assert.equal(last(responses).status, 200);
    responses = await navigate(page,
      () => page.getByRole('link', { name: 'Hva gjør jeg, og hvem kontakter jeg?' }).click());
    assert.equal(last(responses).status, 200);
    assert.equal(last(responses).url.pathname, '/bekymret');
    assert.equal(await h1Text(page), 'Bekymret for et barn?');
    await assertNoHorizontalScroll(page, 'choose municipality, citizen (phone)');
    await checkA11y(page, 'choose municipality, citizen (phone)');

    responses = await navigate(page, () => page.getByRole('link', { name: FJORDVIK, exact: true }).click());
    assert.equal(last(responses).status, 200);
    assert.equal(last(responses).url.pathname, '/kommune/9901/bekymret');
    assert.equal(await h1Text(page), 'Bekymret for et barn?');
    await assertCitizenNumbers(page, `Hvem du kan kontakte i ${FJORDVIK}`);
    await assertNotLoggedIn(page);
    await assertNoHorizontalScroll(page, 'citizen page (phone)');
    await checkA11y(page, 'citizen page (phone)');
    await page.screenshot({ path: join(suite.output, 'guide-citizen-375.png'), fullPage: true });
  });

  await withPage(suite.browser, { ...PHONE, locale: 'nn-NO' }, async (page) => {
    const responses = await navigate(page, () => page.goto(`${suite.server.url}/kommune/9901/bekymret`));
    assert.equal(last(responses).status, 200);
    assert.equal(await page.locator('html').getAttribute('lang'), 'nn');
    assert.equal(await h1Text(page), 'Uroa for eit barn?');
    await assertCitizenNumbers(page, `Kven du kan kontakte i ${FJORDVIK}`);
    await assertNotLoggedIn(page);
    await assertNoHorizontalScroll(page, 'citizen page, nynorsk (phone)');
    await checkA11y(page, 'citizen page, nynorsk (phone)');
    await page.screenshot({ path: join(suite.output, 'guide-citizen-nn-375.png'), fullPage: true });
  });
});

/**
 * The employee's way through the guide; `phone` adds the horizontal-scroll
 * check. Returns nothing; screenshots are named after `size`.
 */
async function employeeJourney(page, size, phone) {
  const check = async (label) => {
    if (phone) await assertNoHorizontalScroll(page, `${label} (${size})`);
    await checkA11y(page, `${label} (${size})`);
  };
  const shot = (name) => page.screenshot({ path: join(suite.output, `guide-${name}-${size}.png`), fullPage: true });

  let responses = await navigate(page, () => page.goto(`${suite.server.url}/veileder`));
  assert.equal(last(responses).status, 200);
  assert.equal(await h1Text(page), 'Handlingsveilederen');
  responses = await navigate(page, () => page.getByRole('link', { name: FJORDVIK, exact: true }).click());
  assert.equal(last(responses).status, 200);
  assert.equal(last(responses).url.pathname, '/kommune/9901/veileder');
  assert.equal(await h1Text(page), GUIDE_TITLE);
  await assertNotLoggedIn(page);

  // Four levels, 0 to 3, in order, each with its steps.
  const levelNames = (await page.getByRole('heading', { level: 2 }).allTextContents())
    .map((t) => t.trim()).filter((t) => /^Nivå \d/.test(t));
  assert.equal(levelNames.length, 4, `four levels: ${JSON.stringify(levelNames)}`);
  levelNames.forEach((name, i) => assert.ok(name.startsWith(`Nivå ${i}:`), `level ${i}: ${name}`));
  for (let i = 0; i < 4; i++) {
    const steps = page.getByRole('region', { name: new RegExp(`^Nivå ${i}:`) }).getByRole('listitem');
    assert.ok(await steps.count() >= 1, `level ${i} has steps`);
  }
  await page.getByRole('search').getByLabel(SEARCH_LABEL).waitFor();
  const variants = page.getByRole('navigation', { name: VARIANTS_NAV });
  for (const name of ['Barnehage', 'Skole', 'Helsestasjon og skolehelsetjeneste', 'Nav']) {
    assert.equal(await variants.getByRole('link', { name, exact: true }).count(), 1, `variant link ${name}`);
  }
  await check('guide overview');
  await shot('overview');

  // One click from the overview to a step, whose tools are beside it.
  const level0 = page.getByRole('region', { name: /^Nivå 0:/ });
  responses = await navigate(page, () => level0.getByRole('link', { name: FIRST_STEP, exact: true }).click());
  assert.equal(last(responses).status, 200);
  assert.equal(last(responses).url.pathname, '/kommune/9901/veileder/trinn/n0-observer');
  assert.equal(await h1Text(page), FIRST_STEP);
  for (const section of ['Dette gjør du', 'Hvem har ansvaret', 'Tenk på']) {
    await page.getByRole('heading', { level: 2, name: section, exact: true }).waitFor();
  }
  const tools = page.getByRole('complementary', { name: 'Verktøy for dette trinnet' });
  const toolNames = (await tools.getByRole('link').allTextContents()).map((t) => t.trim());
  assert.deepEqual(toolNames, ['Undringsnotat', 'Observasjonsskjema', 'Tegn og signaler']);
  const pager = page.getByRole('navigation', { name: 'Forrige og neste trinn' });
  assert.equal(await pager.locator('a[rel="next"]').count(), 1, 'a next step');
  assert.equal(await pager.locator('a[rel="prev"]').count(), 0, 'the first step has no previous');
  const allLevels = page.locator('details.guide-all-levels');
  assert.equal((await allLevels.locator('summary').textContent()).trim(), 'Alle nivåer og trinn');
  await check('guide step');
  await shot('step');
  await allLevels.locator('summary').click();
  assert.equal(await allLevels.getByRole('heading', { level: 2, name: /^Nivå \d:/ }).count(), 4, 'all levels, opened');
  assert.equal((await allLevels.locator('a[aria-current="page"]').textContent()).trim(), FIRST_STEP,
    'the step shown is marked');
  await check('guide step, all levels open');

  responses = await navigate(page, () => tools.getByRole('link', { name: FIRST_TOOL, exact: true }).click());
  assert.equal(last(responses).status, 200);
  assert.equal(last(responses).url.pathname, '/kommune/9901/veileder/verktoy/undringsnotat');
  assert.equal(await h1Text(page), FIRST_TOOL);
  await page.getByRole('heading', { level: 2, name: 'Dette fyller du ut' }).waitFor();
  assert.match(await page.locator('main').textContent(), /Ansatte fyller ut skjemaet digitalt etter innlogging/);
  assert.equal(await page.locator('main input:not([type="search"]), main textarea, main select').count(), 0,
    'a description of the form, not a form to fill in');
  await check('guide tool (form)');
  await shot('tool');

  responses = await navigate(page, () => page.goto(`${suite.server.url}/kommune/9901/veileder/verktoy/tegn-og-signaler`));
  assert.equal(last(responses).status, 200);
  assert.equal(await h1Text(page), 'Tegn og signaler');
  await check('guide tool (page)');

  // The search box on every guide page.
  await page.getByRole('search').getByLabel(SEARCH_LABEL).fill('samtykke');
  responses = await navigate(page, () => page.getByRole('search').getByRole('button', { name: 'Søk', exact: true }).click());
  assert.equal(last(responses).status, 200);
  assert.equal(last(responses).url.pathname, '/kommune/9901/veileder/sok');
  assert.equal(last(responses).url.searchParams.get('q'), 'samtykke');
  assert.equal(await h1Text(page), 'Søk i veilederen');
  const status = (await page.getByRole('status').textContent()).trim();
  const hits = Number(/^(\d+) treff på «samtykke»$/.exec(status)?.[1]);
  assert.ok(hits > 0, `hits: ${status}`);
  const hitLinks = page.locator('main ul.guide-hits > li > a');
  assert.equal(await hitLinks.count(), hits, 'one link per hit');
  assert.ok((await hitLinks.allTextContents()).some((t) => t.trim() === 'Samtykke til stafettlogg'), 'the consent tool');
  assert.equal(await page.getByRole('search').getByLabel(SEARCH_LABEL).inputValue(), 'samtykke', 'the query stays');
  await check('guide search');
  await shot('search');

  // Variants: the school's guide has a step only for schools.
  responses = await navigate(page, () => page.goto(`${suite.server.url}/kommune/9901/veileder`));
  responses = await navigate(page, () => page.getByRole('navigation', { name: VARIANTS_NAV })
    .getByRole('link', { name: 'Skole', exact: true }).click());
  assert.equal(last(responses).status, 200);
  assert.equal(last(responses).url.searchParams.get('tjeneste'), 'skole');
  assert.equal(await page.getByRole('navigation', { name: VARIANTS_NAV }).locator('[aria-current="true"]').textContent(),
    'Skole');
  assert.equal(await page.getByRole('region', { name: /^Nivå 0:/ })
    .getByRole('link', { name: SCHOOL_STEP, exact: true }).count(), 1, 'the school step in level 0');
  await check('guide overview, school');

  responses = await navigate(page, () => page.getByRole('navigation', { name: VARIANTS_NAV })
    .getByRole('link', { name: 'Helsestasjon og skolehelsetjeneste', exact: true }).click());
  assert.equal(last(responses).status, 200);
  assert.equal(last(responses).url.searchParams.get('tjeneste'), 'helsestasjon');
  const level0Health = page.getByRole('region', { name: /^Nivå 0:/ });
  assert.ok(await level0Health.getByRole('link').count() >= 1, 'level 0 still has steps');
  assert.equal(await level0Health.getByRole('link', { name: SCHOOL_STEP, exact: true }).count(), 0,
    'no school step for the health station');
  assert.equal(await page.getByText(SCHOOL_STEP).count(), 0, 'the school step is nowhere on the page');
}

test('an employee opens the guide, a step, a tool, searches and chooses the school variant', { timeout: 120_000 }, async () => {
  await withPage(suite.browser, DESKTOP, (page) => employeeJourney(page, '1280', false));
  await withPage(suite.browser, PHONE, (page) => employeeJourney(page, '375', true));
});

test('no public guide page holds any of the demo families\' personal data', { timeout: 120_000 }, async () => {
  const fixed = [
    '/',
    '/veileder',
    '/bekymret',
    '/kommune/9901/bekymret',
    '/kommune/9901/veileder',
    '/kommune/9901/veileder?tjeneste=skole',
    '/kommune/9901/veileder?tjeneste=helsestasjon',
    '/kommune/9901/veileder/trinn/n0-observer',
    '/kommune/9901/veileder/verktoy/undringsnotat',
    '/kommune/9901/veileder/verktoy/tegn-og-signaler',
    '/kommune/9901/veileder/verktoy/bekymringsmelding',
    '/kommune/9901/veileder/sok?q=samtykke',
    '/kommune/9902/veileder',
    '/kommune/9902/bekymret',
  ];
  const leaks = [];
  const canary = async (page, path) => {
    const response = await page.goto(`${suite.server.url}${path}`);
    assert.equal(response.status(), 200, path);
    const html = await page.content();
    for (const word of PERSONAL_DATA) {
      if (html.includes(word)) leaks.push(`${page.url()}: ${word}`);
    }
  };
  for (const locale of ['nb-NO', 'nn-NO']) {
    await withPage(suite.browser, { ...DESKTOP, locale }, async (page) => {
      for (const path of fixed) await canary(page, path);
      // And every step and tool the overview links to.
      await page.goto(`${suite.server.url}/kommune/9901/veileder`);
      const linked = await page.locator('main a[href*="/veileder/trinn/"], main a[href*="/veileder/verktoy/"]')
        .evaluateAll((links) => [...new Set(links.map((a) => new URL(a.href).pathname))]);
      assert.ok(linked.length >= 15, `the overview links the steps: ${linked.length}`);
      for (const path of linked) await canary(page, path);
    });
  }
  assert.deepEqual(leaks, [], 'no personal data on public pages');
});

test('a hostile search query is shown as text and never runs', { timeout: 120_000 }, async () => {
  const dialogs = [];
  await withPage(suite.browser, DESKTOP, async (page) => {
    page.on('dialog', (dialog) => dialogs.push(`${dialog.type()}: ${dialog.message()}`));
    const query = new URLSearchParams({ q: HOSTILE_QUERY }).toString();
    let responses = await navigate(page, () => page.goto(`${suite.server.url}/kommune/9901/veileder/sok?${query}`));
    assert.equal(last(responses).status, 200);
    const status = await page.getByRole('status').textContent();
    assert.ok(status.includes('<script>'), `the query as text: ${status}`);
    assert.ok(status.includes(HOSTILE_QUERY), `the whole query as text: ${status}`);
    assert.equal(await page.getByRole('search').getByLabel(SEARCH_LABEL).inputValue(), HOSTILE_QUERY);
    assert.equal(await page.locator('img[src="x"]').count(), 0, 'no injected image');
    assert.equal(await page.locator('main script').count(), 0, 'no injected script');

    // The same typed into the search box.
    await page.getByRole('search').getByLabel(SEARCH_LABEL).fill(HOSTILE_QUERY);
    responses = await navigate(page, () => page.getByRole('search').getByRole('button', { name: 'Søk', exact: true }).click());
    assert.equal(last(responses).status, 200);
    assert.equal(last(responses).url.searchParams.get('q'), HOSTILE_QUERY);
    assert.ok((await page.getByRole('status').textContent()).includes(HOSTILE_QUERY));
    assert.equal(await page.locator('img[src="x"]').count(), 0, 'no injected image');
    // Give a late onerror handler a moment to fire, if it could.
    await page.waitForTimeout(300);
    await checkA11y(page, 'search with a hostile query');
  });
  assert.deepEqual(dialogs, [], 'no dialog ever opened');
});
