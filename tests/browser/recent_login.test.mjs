// Browser test for acts that need a recent login: an employee whose login is
// older than recent_login_minutes (1 minute here) asks for the whole log in
// print, is asked to confirm who she is, confirms, and lands on the print
// view. With the demo login the confirmation is a button; with ID-porten it
// is a new login at the provider (tests/integration/http_oidc_login_test.cc).
//
// Run from the repository root:  node --test tests/browser/recent_login.test.mjs
// Environment: as tests/browser/log_core.test.mjs.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { startServer, launchBrowser, checkA11y } from './support/server.mjs';
import { withPage, navigate, last, h1Text, assertNoHorizontalScroll } from './support/page.mjs';

const BIN = process.env.STAFETT_BIN || '/work/main/build/stafett';
const WEB_ROOT = process.env.STAFETT_WEB_ROOT || '/work/main/web';
const OUTPUT = resolve(process.env.STAFETT_TEST_OUTPUT || './test-output');

const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true };
const INGRID = 'Ingrid Fjellstad';

let server;
let browser;
let workDir;

before(async () => {
  await mkdir(OUTPUT, { recursive: true });
  workDir = await mkdtemp(join(tmpdir(), 'stafett-recent-login-'));
  const config = join(workDir, 'stafett.conf');
  await writeFile(config, 'recent_login_minutes = 1\n');
  server = await startServer({ bin: BIN, webRoot: WEB_ROOT, workDir, extraArgs: ['--demo', '--config', config] });
  browser = await launchBrowser();
}, { timeout: 30_000 });

after(async () => {
  await browser?.close();
  await server?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

test('an old login is confirmed again before the whole log is printed', { timeout: 120_000 }, async () => {
  await withPage(browser, PHONE, async (page) => {
    await page.goto(`${server.url}/logg-inn`);
    const employees = page.getByRole('region', { name: 'Ansatte', exact: true });
    await navigate(page, () => employees.getByRole('button', { name: INGRID, exact: true }).click());
    assert.equal(new URL(page.url()).pathname, '/logger');

    // Right after login, printing needs nothing more.
    await page.goto(`${server.url}/logger/1`);
    let responses = await navigate(page, () => page.getByRole('link', { name: 'Utskriftsvennlig versjon' }).click());
    assert.equal(new URL(page.url()).pathname, '/logger/1/utskrift');
    assert.equal(last(responses).status, 200);

    // A minute and a bit later, it does.
    await sleep(62_000);
    await page.goto(`${server.url}/logger/1`);
    responses = await navigate(page, () => page.getByRole('link', { name: 'Utskriftsvennlig versjon' }).click());
    assert.equal(new URL(page.url()).pathname, '/logg-inn/fornye');
    assert.equal(await h1Text(page), 'Bekreft at det er deg');
    await assertNoHorizontalScroll(page, 'renew page on a phone');
    await checkA11y(page, 'renew page');
    await page.screenshot({ path: join(OUTPUT, 'recent-login-renew.png'), fullPage: true });

    responses = await navigate(page, () => page.getByRole('button', { name: new RegExp(`Bekreft, jeg er ${INGRID}`) }).click());
    assert.equal(responses[0].method, 'POST');
    assert.equal(new URL(page.url()).pathname, '/logger/1/utskrift', 'back to what she asked for');
    assert.equal(last(responses).status, 200);
    assert.match(await page.locator('body').textContent(), /Nora/);
  });
});
