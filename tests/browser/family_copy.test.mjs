// Browser test for the family's copy of their data (GDPR art. 15, issue 6):
// Ingrid corrects a goal in Nora's log; Hanne, Nora's mother, on her phone
// follows "Last ned en kopi av opplysningene" from the log, reads every
// version of the goal and why it was corrected, sees her own copy as the
// newest access, and downloads the same as JSON. Ingrid (an employee, the
// holder) is refused. axe-core (WCAG 2.1 A/AA) on the copy.
//
// Run from the repository root:  node --test tests/browser/family_copy.test.mjs
// Environment: as tests/browser/log_core.test.mjs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { checkA11y } from './support/server.mjs';
import { demoSuite } from './support/demo_suite.mjs';
import { withPage, navigate, last, h1Text, assertNoHorizontalScroll, demoLogin } from './support/page.mjs';

const DESKTOP = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true };
const INGRID = 'Ingrid Fjellstad';
const HANNE = 'Hanne Fjordstrand';
const FIRST = 'Nora leser ti minutter hver dag';
const SECOND = 'Nora leser et kvarter hver dag';

const suite = demoSuite('family-copy');

test('a parent downloads a copy of everything about her child, with every version', { timeout: 120_000 }, async () => {
  await withPage(suite.browser, DESKTOP, async (page) => {
    await demoLogin(page, suite.server.url, INGRID, 'Ansatte');
    const csrf = await page.evaluate(async () => (await (await fetch('/api/v1/session')).json()).csrf_token);
    const headers = { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf };
    const goal = await page.request.post(`${suite.server.url}/api/v1/logs/1/goals`, { headers, data: { text: FIRST } });
    assert.equal(goal.status(), 201);
    const { id } = await goal.json();
    const corrected = await page.request.post(`${suite.server.url}/api/v1/logs/1/entries/${id}/corrections`,
      { headers, data: { version: 1, reason: 'Mer lesetid', text: SECOND } });
    assert.equal(corrected.status(), 200);
    const refused = await page.goto(`${suite.server.url}/logger/1/kopi`);
    assert.equal(refused.status(), 403, 'not for employees, not even the holder');
  });

  await withPage(suite.browser, PHONE, async (page) => {
    await demoLogin(page, suite.server.url, HANNE, 'Foreldre og barn');
    await page.goto(`${suite.server.url}/logger/1`);
    const responses = await navigate(page,
      () => page.getByRole('link', { name: 'Last ned en kopi av opplysningene' }).click());
    assert.equal(last(responses).status, 200);
    assert.equal(await h1Text(page), 'Kopi av opplysningene: Nora Fjordstrand');
    const main = await page.locator('main').textContent();
    assert.ok(main.includes(FIRST), 'the first version');
    assert.ok(main.includes(SECOND), 'the current version');
    assert.match(main, /Rettet fordi: Mer lesetid/);
    assert.match(main, new RegExp(`${HANNE} \\(Forelder\\) · Eksportert`), 'her own copy is in the accesses');
    await assertNoHorizontalScroll(page, 'family copy (phone)');
    await checkA11y(page, 'family copy (phone)');
    await page.screenshot({ path: join(suite.output, 'family-copy-375.png'), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Last ned det samme som fil (JSON)' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'stafettlogg-1.json');
    const copy = JSON.parse(await readFile(await download.path(), 'utf8'));
    const goal = copy.entries.find((e) => e.kind === 'goal' && e.versions.some((v) => v.content.text === SECOND));
    assert.ok(goal, 'the goal is in the file');
    assert.deepEqual(goal.versions.map((v) => v.content.text), [FIRST, SECOND]);
  });
});
