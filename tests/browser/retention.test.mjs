// Browser test for retention (issue 6): Liv, Fjordvik's administrator, on
// her phone sets how long closed logs and their accesses are kept: a value
// out of range gives a clear message beside the field, a good one is saved
// and shown; empty keeps everything. axe-core (WCAG 2.1 A/AA) on each page.
//
// Run from the repository root:  node --test tests/browser/retention.test.mjs
// Environment: as tests/browser/log_core.test.mjs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { checkA11y } from './support/server.mjs';
import { demoSuite } from './support/demo_suite.mjs';
import {
  withPage, navigate, last, h1Text, assertNoHorizontalScroll, assertFieldError, demoLogin,
} from './support/page.mjs';

const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true };
const LIV = 'Liv Aasmo';
const LOGS = 'Slett avsluttede logger etter (dager)';
const READS = 'Slett oppslag i avsluttede logger etter (dager)';

const suite = demoSuite('retention');

test('the administrator sets how long closed logs are kept', { timeout: 120_000 }, async () => {
  await withPage(suite.browser, PHONE, async (page) => {
    await demoLogin(page, suite.server.url, LIV, 'Ansatte');
    let responses = await navigate(page, () => page.goto(`${suite.server.url}/admin/innstillinger`));
    assert.equal(last(responses).status, 200);
    assert.equal(await h1Text(page), 'Kommunens innstillinger for samtykke');
    assert.equal(await page.getByLabel(LOGS).inputValue(), '', 'nothing is removed until decided');
    await assertNoHorizontalScroll(page, 'settings with retention (phone)');
    await checkA11y(page, 'settings with retention (phone)');

    await page.getByLabel(LOGS).fill('7');
    const save = page.getByRole('button', { name: 'Lagre oppbevaring' });
    responses = await navigate(page, () => save.click());
    assert.equal(last(responses).status, 422);
    await assertFieldError(page.getByLabel(LOGS), 'Skriv et helt antall dager fra 30 til 36500, eller la feltet stå tomt.');
    assert.equal(await page.getByLabel(LOGS).inputValue(), '7', 'what she typed stays');
    await checkA11y(page, 'retention with an error (phone)');

    await page.getByLabel(LOGS).fill('3650');
    await page.getByLabel(READS).fill('730');
    responses = await navigate(page, () => page.getByRole('button', { name: 'Lagre oppbevaring' }).click());
    assert.equal(last(responses).status, 200);
    assert.match(await page.getByRole('status').first().textContent(), /lagret/i);
    assert.equal(await page.getByLabel(LOGS).inputValue(), '3650');
    assert.equal(await page.getByLabel(READS).inputValue(), '730');
    await checkA11y(page, 'retention saved (phone)');
    await page.screenshot({ path: join(suite.output, 'retention-375.png'), fullPage: true });
  });
});
