// Browser test for the privacy officer's view (personvernombud): Ingrid (an
// employee in Nora's log) opens the log, which the server records; Randi,
// Fjordvik's privacy officer, opens /personvern on a desktop, searches for
// the accesses to Nora's log by its number, narrows them to one person by
// name, downloads the selection as CSV (UTF-8 with a byte order mark, the
// same rows), meets a clear error for SQL typed into the person field, and
// does the same search on a phone without horizontal scrolling. Liv, the
// administrator, is refused. axe-core (WCAG 2.1 A/AA) on every page.
//
// Run from the repository root:  node --test tests/browser/privacy_officer.test.mjs
// Environment: as tests/browser/log_core.test.mjs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { checkA11y } from './support/server.mjs';
import { demoSuite } from './support/demo_suite.mjs';
import { withPage, navigate, last, h1Text, assertNoHorizontalScroll, assertFieldError, demoLogin } from './support/page.mjs';

const DESKTOP = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true };
const INGRID = 'Ingrid Fjellstad';
const SARA = 'Sara Holmvik';
const RANDI = 'Randi Vikås';
const LIV = 'Liv Aasmo';
const TITLE = 'Personvern: søk i tilgangsloggen';

const suite = demoSuite('privacy-officer');

async function search(page) {
  return navigate(page, () => page.getByRole('button', { name: 'Søk', exact: true }).click());
}

test('the privacy officer searches the accesses to a log, narrows them and downloads them',
  { timeout: 180_000 }, async () => {
    // Accesses to find: Ingrid and Sara open Nora's log.
    for (const name of [INGRID, SARA]) {
      await withPage(suite.browser, DESKTOP, async (page) => {
        await demoLogin(page, suite.server.url, name, 'Ansatte');
        const response = await page.goto(`${suite.server.url}/logger/1`);
        assert.equal(response.status(), 200);
      });
    }

    await withPage(suite.browser, DESKTOP, async (page) => {
      await demoLogin(page, suite.server.url, RANDI, 'Ansatte');
      let responses = await navigate(page, () => page.goto(`${suite.server.url}/personvern`));
      assert.equal(last(responses).status, 200);
      assert.equal(await h1Text(page), TITLE);
      assert.match(await page.locator('main').textContent(), /Fjordvik kommune/);
      assert.equal(await page.getByRole('link', { name: 'Gå til gjennomgang av nødtilgang' }).getAttribute('href'),
        '/personvern/gjennomgang');
      await checkA11y(page, 'privacy officer start page (desktop)');

      // Nora's log by its number.
      await page.getByLabel('Logg nr.').fill('1');
      responses = await search(page);
      assert.equal(last(responses).status, 200);
      assert.equal(new URL(page.url()).searchParams.get('log'), '1');
      const list = page.locator('.access-list');
      const names = (await list.locator('li .access-item__who strong').allTextContents()).map((n) => n.trim());
      assert.ok(names.includes(INGRID), `Ingrid is listed: ${names}`);
      assert.ok(names.includes(SARA), `Sara is listed: ${names}`);
      const ingrid = await list.locator('li', { hasText: INGRID }).first().textContent();
      assert.match(ingrid, /Nora Fjordstrand \(Logg nr\. 1\)/);
      assert.match(ingrid, /Bidragsyter, Fjordvik skole \(Skole\)/);
      assert.match(ingrid, /Vist: hele loggen/);
      assert.match(ingrid, /Deltaker med samtykke/);
      assert.match(ingrid, /\d\d\.\d\d\.\d{4} kl\. \d\d\.\d\d/, 'Oslo time');
      await checkA11y(page, 'privacy officer search by log (desktop)');
      await page.screenshot({ path: join(suite.output, 'privacy-officer-log-1280.png'), fullPage: true });

      // Only Ingrid, by (part of) her name.
      await page.getByLabel('Hvem har sett loggen').fill('ingrid');
      responses = await search(page);
      assert.equal(last(responses).status, 200);
      const only = (await list.locator('li .access-item__who strong').allTextContents()).map((n) => n.trim());
      assert.ok(only.length >= 1);
      for (const name of only) assert.equal(name, INGRID);
      assert.equal(await page.getByLabel('Hvem har sett loggen').inputValue(), 'ingrid', 'the filter is kept');
      await checkA11y(page, 'privacy officer search by person (desktop)');

      // The selection as a spreadsheet file.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Last ned som regneark (CSV)' }).click(),
      ]);
      assert.match(download.suggestedFilename(), /^oppslag-\d{4}-\d\d-\d\d\.csv$/);
      const bytes = await readFile(await download.path());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark for Excel');
      const rows = bytes.subarray(3).toString('utf8').split('\r\n').filter((line) => line !== '');
      assert.match(rows[0], /^"Løpenummer","Tidspunkt \(norsk tid\)","Person-ID","Navn"/);
      assert.equal(rows.length, 1 + only.length, 'the same accesses as the page');
      for (const row of rows.slice(1)) {
        assert.match(row, /"Ingrid Fjellstad","Bidragsyter","Fjordvik skole","Skole","Vist"/);
        assert.match(row, /"1","11","Nora Fjordstrand"/);
      }

      // SQL typed into the person field: a clear message, nothing else.
      await page.getByLabel('Hvem har sett loggen').fill("'; DROP TABLE access_record; --");
      responses = await search(page);
      assert.equal(last(responses).status, 422);
      const summary = page.locator('.ds-error-summary');
      assert.match(await summary.textContent(), /Skriv et navn \(bare bokstaver/);
      await assertFieldError(page.getByLabel('Hvem har sett loggen'),
        'Skriv et navn (bare bokstaver, mellomrom, bindestrek, apostrof og punktum) eller en person-ID (bare sifre).');
      assert.equal(await page.locator('.access-list').count(), 0, 'no list with an error');
      await checkA11y(page, 'privacy officer filter error (desktop)');

      // A log number of no log: the same clear kind of answer.
      await page.getByLabel('Hvem har sett loggen').fill('');
      await page.getByLabel('Logg nr.').fill('99999999999999999999');
      responses = await search(page);
      assert.equal(last(responses).status, 422);
      assert.match(await summary.textContent(), /Det finnes ingen stafettlogg med dette nummeret i din kommune\./);
    });

    // The same search on a phone.
    await withPage(suite.browser, PHONE, async (page) => {
      await demoLogin(page, suite.server.url, RANDI, 'Ansatte');
      await page.goto(`${suite.server.url}/personvern`);
      await page.getByLabel('Logg nr.').fill('1');
      await page.getByLabel('Hvem har sett loggen').fill('Sara');
      const responses = await search(page);
      assert.equal(last(responses).status, 200);
      const names = (await page.locator('.access-list li .access-item__who strong').allTextContents()).map((n) => n.trim());
      assert.ok(names.length >= 1);
      for (const name of names) assert.equal(name, SARA);
      await assertNoHorizontalScroll(page, 'privacy officer search 375x667');
      await checkA11y(page, 'privacy officer search (phone 375x667)');
      await page.screenshot({ path: join(suite.output, 'privacy-officer-375.png'), fullPage: true });
    });

    // The administrator is no privacy officer.
    await withPage(suite.browser, DESKTOP, async (page) => {
      await demoLogin(page, suite.server.url, LIV, 'Ansatte');
      const response = await page.goto(`${suite.server.url}/personvern`);
      assert.equal(response.status(), 403);
      assert.doesNotMatch(await page.locator('main').textContent(), /Fjordstrand/);
      await checkA11y(page, 'privacy officer page refused (desktop)');
    });
  });
