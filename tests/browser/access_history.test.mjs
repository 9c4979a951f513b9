// Browser test for "Hvem har sett loggen?" and "Mine oppslag": Ingrid (an
// employee in Nora's log) opens the log, which the server records in the
// access chain; Hanne, Nora's mother, on a phone, follows "Hvem har sett
// loggen?" from the log page, finds Ingrid's access, filters by person and by
// a period without accesses, and sees no horizontal scrolling; Ingrid finds
// her own access under "Mine oppslag". axe-core (WCAG 2.1 A/AA) on every page.
//
// Run from the repository root:  node --test tests/browser/access_history.test.mjs
// Environment: as tests/browser/log_core.test.mjs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { checkA11y } from './support/server.mjs';
import { demoSuite } from './support/demo_suite.mjs';
import { withPage, navigate, last, h1Text, assertNoHorizontalScroll, demoLogin } from './support/page.mjs';

const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true };
const INGRID = 'Ingrid Fjellstad';
const HANNE = 'Hanne Fjordstrand';

const suite = demoSuite('access-history');

/** The Oslo calendar date of now, as YYYY-MM-DD. */
function osloToday() {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
}

test('the guardian sees who has seen the log, filters it, on a phone', { timeout: 120_000 }, async () => {
  // An access to record: Ingrid opens Nora's log.
  await withPage(suite.browser, PHONE, async (page) => {
    await demoLogin(page, suite.server.url, INGRID, 'Ansatte');
    const response = await page.goto(`${suite.server.url}/logger/1`);
    assert.equal(response.status(), 200);
    assert.equal(await page.getByRole('link', { name: 'Hvem har sett loggen?' }).count(), 0,
      'employees have no such page, not even the holder');
  });

  await withPage(suite.browser, PHONE, async (page) => {
    await demoLogin(page, suite.server.url, HANNE, 'Foreldre og barn');
    await page.goto(`${suite.server.url}/logger/1`);
    let responses = await navigate(page, () => page.getByRole('link', { name: 'Hvem har sett loggen?' }).click());
    assert.equal(last(responses).status, 200);
    assert.equal(new URL(page.url()).pathname, '/logger/1/innsyn');
    assert.equal(await h1Text(page), 'Hvem har sett loggen?');

    const list = page.locator('.access-list');
    const ingrid = list.locator('li', { hasText: INGRID });
    assert.ok(await ingrid.count() >= 1, 'Ingrid\'s access is listed');
    const item = await ingrid.first().textContent();
    assert.match(item, /Bidragsyter, Fjordvik skole/);
    assert.match(item, /Vist: hele loggen/);
    assert.match(item, /Deltaker med samtykke/);
    assert.match(item, /\d\d\.\d\d\.\d{4} kl\. \d\d\.\d\d/, 'Oslo time');
    await assertNoHorizontalScroll(page, 'who has seen the log 375x667');
    await checkA11y(page, 'who has seen the log (phone 375x667)');
    await page.screenshot({ path: join(suite.output, 'access-history-guardian-375.png'), fullPage: true });

    // Only Ingrid: her own reads of the log (by her own right) drop out.
    await page.getByLabel('Person').selectOption({ label: INGRID });
    responses = await navigate(page, () => page.getByRole('button', { name: 'Vis utvalg' }).click());
    assert.equal(last(responses).status, 200);
    assert.equal(new URL(page.url()).searchParams.get('person'), '1');
    const names = await list.locator('li strong').allTextContents();
    assert.ok(names.length >= 1);
    for (const name of names) assert.equal(name.trim(), INGRID);
    await assertNoHorizontalScroll(page, 'filtered by person 375x667');
    await checkA11y(page, 'who has seen the log, filtered by person (phone 375x667)');

    // A period long ago: nobody.
    await page.getByLabel('Person').selectOption({ label: 'Alle' });
    await page.getByLabel('Fra og med dato').fill('2020-01-01');
    await page.getByLabel('Til og med dato').fill('2020-01-31');
    await navigate(page, () => page.getByRole('button', { name: 'Vis utvalg' }).click());
    assert.match(await page.locator('main').textContent(), /Ingen oppslag i dette utvalget\./);

    // A period that ends before it starts: the error next to the field.
    await page.getByLabel('Fra og med dato').fill(osloToday());
    await page.getByLabel('Til og med dato').fill('2020-01-31');
    responses = await navigate(page, () => page.getByRole('button', { name: 'Vis utvalg' }).click());
    assert.equal(last(responses).status, 422);
    assert.match(await page.locator('.ds-error-summary').textContent(), /Til-datoen kan ikke være før fra-datoen\./);
    assert.equal(await page.getByLabel('Til og med dato').getAttribute('aria-invalid'), 'true');
    await assertNoHorizontalScroll(page, 'filter error 375x667');
    await checkA11y(page, 'who has seen the log, filter error (phone 375x667)');
  });

  // Ingrid finds her own access under "Mine oppslag", from the menu.
  await withPage(suite.browser, PHONE, async (page) => {
    await demoLogin(page, suite.server.url, INGRID, 'Ansatte');
    const responses = await navigate(page, () => page.getByRole('banner').getByRole('link', { name: 'Mine oppslag' }).click());
    assert.equal(last(responses).status, 200);
    assert.equal(await h1Text(page), 'Mine oppslag');
    const first = page.locator('.access-list li').first();
    assert.match(await first.textContent(), /Nora \(Logg nr\. 1\)/);
    await assertNoHorizontalScroll(page, 'my accesses 375x667');
    await checkA11y(page, 'my accesses (phone 375x667)');
    await page.screenshot({ path: join(suite.output, 'access-history-mine-375.png'), fullPage: true });
  });
});
