// Browser tests for the real login (OpenID Connect) against the stand-in
// ID-porten and Entra ID (tests/idp/): a guardian logs in with ID-porten and
// reaches her child's log; an employee logs in with Entra ID and reaches
// hers; logout ends our session first, goes through the provider's logout
// and back, and the old cookie is useless afterwards. axe on our pages.
//
// Run from the repository root:  node --test tests/browser/login_oidc.test.mjs
// Environment: as log_core.test.mjs (STAFETT_BIN, STAFETT_WEB_ROOT,
// STAFETT_TEST_OUTPUT, STAFETT_CHROMIUM).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { startServer, launchBrowser, checkA11y } from './support/server.mjs';
import { startIdp } from '../idp/idp.mjs';

const execFileAsync = promisify(execFile);

const BIN = process.env.STAFETT_BIN || '/work/main/build/stafett';
const WEB_ROOT = process.env.STAFETT_WEB_ROOT || '/work/main/web';
const OUTPUT = resolve(process.env.STAFETT_TEST_OUTPUT || './test-output');
const TEST_TIMEOUT = { timeout: 60_000 };

let idp;
let server;
let browser;
let workDir;
let base;

function freePort() {
  return new Promise((resolvePort, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolvePort(port));
    });
  });
}

before(async () => {
  await mkdir(OUTPUT, { recursive: true });
  workDir = await mkdtemp(join(tmpdir(), 'stafett-login-oidc-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  idp = await startIdp({
    stateDir: join(workDir, 'idp'),
    redirectUris: [`${base}/innlogging/tilbake`],
    postLogoutUris: [`${base}/`],
    frontchannelLogoutUri: `${base}/innlogging/frontkanal`,
  });
  const c = idp.config;
  const secretFile = join(workDir, 'employee-secret');
  await writeFile(secretFile, `${c.employee_client_secret}\n`, { mode: 0o600 });
  const configFile = join(workDir, 'stafett.conf');
  await writeFile(configFile, [
    `public_base_url = ${base}`,
    `oidc_ca_file = ${c.ca_file}`,
    `citizen_issuer = ${c.issuer}`,
    `citizen_client_id = ${c.citizen_client_id}`,
    `citizen_client_key_file = ${c.citizen_client_key_file}`,
    `citizen_client_key_id = ${c.citizen_client_key_id}`,
    `employee_issuer = ${c.employee_issuer}`,
    `employee_client_id = ${c.employee_client_id}`,
    `employee_client_secret_file = ${secretFile}`,
    `employee_allowed_tenants = ${c.employee_tenant_id}`,
    '',
  ].join('\n'));
  server = await startServer({
    bin: BIN, webRoot: WEB_ROOT, workDir: join(workDir, 'server'), listen: `127.0.0.1:${port}`,
    extraArgs: ['--config', configFile],
  });
  // The register knows Ingrid by this run's Entra issuer (it has the IdP's port in it).
  const ingrid = c.employees.find((e) => e.key === 'ingrid');
  const sql = `INSERT INTO employee_identity (issuer, subject, person_id, created_at_ms)
    SELECT '${c.employee_issuer}', '${ingrid.tid}:${ingrid.oid}', id, 0 FROM person WHERE given_name = 'Ingrid';`;
  if (server.databaseUrl.startsWith('sqlite:')) {
    await execFileAsync('sqlite3', [server.databaseUrl.slice('sqlite:'.length), sql]);
  } else {
    await execFileAsync('/usr/lib/postgresql/15/bin/psql', [server.databaseUrl, '-v', 'ON_ERROR_STOP=1', '-q', '-c', sql]);
  }
  browser = await launchBrowser();
}, { timeout: 60_000 });

after(async () => {
  await browser?.close();
  await server?.stop();
  await idp?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function withContext(fn) {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'nb-NO' });
  try {
    return await fn(context, await context.newPage());
  } finally {
    await context.close();
  }
}

/** From our login page through the provider's login form, back to us. */
async function logIn(page, buttonName, userId) {
  await page.goto(`${base}/logg-inn`);
  await page.getByRole('link', { name: buttonName }).click();
  await page.locator(`#user-${userId}`).check();
  await page.getByRole('button', { name: 'Logg inn' }).click();
  await page.waitForURL((url) => url.href.startsWith(base));
}

test('the login page offers ID-porten and employee login, and passes axe', TEST_TIMEOUT, async () => {
  await withContext(async (context, page) => {
    await page.goto(`${base}/logg-inn`);
    await assert.doesNotReject(page.getByRole('link', { name: 'Logg inn med ID-porten' }).waitFor());
    await assert.doesNotReject(page.getByRole('link', { name: 'Logg inn som ansatt' }).waitFor());
    await checkA11y(page, 'login page');
  });
});

test('a guardian logs in with ID-porten and reaches her child\'s log', TEST_TIMEOUT, async () => {
  await withContext(async (context, page) => {
    await logIn(page, 'Logg inn med ID-porten', 'hanne');
    assert.equal(new URL(page.url()).pathname, '/logger');
    await page.getByRole('link', { name: /Nora Fjordstrand/ }).first().waitFor();
    await checkA11y(page, 'guardian\'s logs after login');
    const cookies = await context.cookies(base);
    assert.ok(cookies.some((c) => c.name === '__Host-stafett_session' && c.httpOnly && c.secure));
    assert.ok(!cookies.some((c) => c.name === '__Host-stafett_prelogin'), 'pre-login cookie cleared');
    await page.screenshot({ path: join(OUTPUT, 'login-oidc-guardian.png'), fullPage: true });
  });
});

test('an employee logs in with Entra ID and reaches her logs', TEST_TIMEOUT, async () => {
  await withContext(async (context, page) => {
    await logIn(page, 'Logg inn som ansatt', 'ingrid');
    assert.equal(new URL(page.url()).pathname, '/logger');
    await page.getByRole('link', { name: /Nora Fjordstrand/ }).first().waitFor();
    await checkA11y(page, 'employee\'s logs after login');
  });
});

test('a citizen unknown to the register sees a page with nothing to show', TEST_TIMEOUT, async () => {
  await withContext(async (context, page) => {
    await logIn(page, 'Logg inn med ID-porten', 'vilde');
    assert.match(await page.locator('h1').innerText(), /Ingenting å vise/);
    await checkA11y(page, 'nothing to show');
  });
});

test('logout ends our session, logs out at the provider, and the old cookie is useless', TEST_TIMEOUT, async () => {
  await withContext(async (context, page) => {
    await logIn(page, 'Logg inn med ID-porten', 'hanne');
    const old = (await context.cookies(base)).find((c) => c.name === '__Host-stafett_session');
    assert.ok(old);
    await page.getByRole('button', { name: 'Logg ut' }).click();
    // The provider's logout page submits itself, runs the front-channel
    // iframes and returns to our start page.
    try {
      await page.waitForURL((url) => url.href.startsWith(`${base}/`) && !url.pathname.startsWith('/logger'), { timeout: 20_000 });
    } catch (err) {
      throw new Error(`stuck at ${page.url()}:\n${(await page.content()).slice(0, 3000)}`, { cause: err });
    }
    await withContext(async (other, otherPage) => {
      await other.addCookies([{ ...old }]);
      await otherPage.goto(`${base}/logger`);
      assert.equal(new URL(otherPage.url()).pathname, '/logg-inn', 'the old session cookie is useless');
    });
  });
});
