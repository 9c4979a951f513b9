// Tests of the stand-in identity provider itself (tests/idp/provider.mjs):
// discovery of both issuers, the authorization code flow with PKCE driven
// through the login form with plain HTTPS requests, the token endpoint with
// private_key_jwt and client_secret_post, id_token claims and signatures,
// re-authentication, RP-initiated and front-channel logout.
//
// Run: node --test tests/idp/provider.test.mjs   (ctest: idp.provider)

import assert from 'node:assert/strict';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, randomUUID, sign, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

import { startIdp } from './idp.mjs';
import { CITIZENS, DEMO_PEOPLE, EMPLOYEES, EMPLOYEE_TENANT_ID, OTHER_TENANT_ID, demoNationalId, isSyntheticNationalId } from './test_users.mjs';

const SOURCE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RP = 'http://127.0.0.1:9';
const CITIZEN_CALLBACK = `${RP}/login/idporten/callback`;
const EMPLOYEE_CALLBACK = `${RP}/login/entra/callback`;
const AFTER_LOGOUT = `${RP}/logged-out`;
const FRONTCHANNEL = `${RP}/logout/frontchannel`;

let idp;
let workDir;

/** A minimal HTTPS client trusting the IdP's CA, with a cookie jar. */
class Browser {
  cookies = new Map();

  request(url, { method = 'GET', form, headers = {} } = {}) {
    const target = new URL(url);
    const body = form ? new URLSearchParams(form).toString() : undefined;
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return new Promise((resolve, reject) => {
      const req = https.request(target, {
        method,
        ca: idp.ca,
        headers: {
          ...headers,
          ...(cookie ? { Cookie: cookie } : {}),
          ...(body ? { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) } : {}),
        },
      }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          for (const line of res.headers['set-cookie'] ?? []) {
            const [pair, ...attrs] = line.split(';');
            const eq = pair.indexOf('=');
            const name = pair.slice(0, eq).trim();
            const value = pair.slice(eq + 1).trim();
            const expired = attrs.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
            if (expired) this.cookies.delete(name);
            else this.cookies.set(name, value);
          }
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode, headers: res.headers, text, location: res.headers.location && new URL(res.headers.location, target).href });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  }
}

async function getJson(url) {
  const res = await new Browser().request(url);
  assert.equal(res.status, 200, `${url}: ${res.text}`);
  return JSON.parse(res.text);
}

const discovery = {};
async function discover(issuer) {
  discovery[issuer] ??= await getJson(`${issuer}/.well-known/openid-configuration`);
  return discovery[issuer];
}

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function formOf(html) {
  const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
  assert.ok(action, `no form in\n${html}`);
  const fields = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) fields[m[1]] = m[2];
  return { action: action.replaceAll('&amp;', '&'), fields };
}

/**
 * Starts an authorization request and, when the IdP shows its login page,
 * picks `user` and presses "Logg inn". Returns the redirect back to the
 * relying party, the PKCE verifier and the nonce.
 */
async function authorize(browser, { issuer, clientId, redirectUri, scope, user, extra = {}, expectLoginPage = true }) {
  const meta = await discover(issuer);
  const { verifier, challenge } = pkce();
  const state = randomUUID();
  const nonce = randomUUID();
  const url = new URL(meta.authorization_endpoint);
  for (const [k, v] of Object.entries({
    client_id: clientId, response_type: 'code', scope, redirect_uri: redirectUri, state, nonce,
    code_challenge: challenge, code_challenge_method: 'S256', ...extra,
  })) url.searchParams.set(k, v);

  let res = await browser.request(url.href);
  assert.equal(res.status, 303, res.text);
  let sawLoginPage = false;
  for (let hops = 0; !res.location.startsWith(redirectUri); ++hops) {
    assert.ok(hops < 10, 'too many redirects');
    const next = res.location;
    res = await browser.request(next);
    if (res.status === 200 && /\/interaction\//.test(next)) {
      sawLoginPage = true;
      assert.match(res.text, /<html lang="nb">/);
      assert.match(res.text, /<button type="submit" name="action" value="login">Logg inn<\/button>/);
      assert.match(res.text, new RegExp(`<input type="radio" id="user-${user}" name="user" value="${user}" required checked`),
        'login_hint preselects the user');
      const { action } = formOf(res.text);
      res = await browser.request(new URL(action, next).href, { method: 'POST', form: { user, action: 'login' } });
    }
    assert.equal(res.status, 303, `${res.status} at ${next}: ${res.text}`);
  }
  assert.equal(sawLoginPage, expectLoginPage, expectLoginPage ? 'expected the login page' : 'expected no login page');
  const back = new URL(res.location);
  assert.equal(back.searchParams.get('state'), state);
  assert.equal(back.searchParams.get('iss'), issuer, 'RFC 9207 iss in the authorization response');
  const code = back.searchParams.get('code');
  assert.ok(code, `no code in ${res.location}`);
  return { code, verifier, nonce };
}

function jwt(header, payload, key) {
  const data = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  return `${data}.${sign('sha256', Buffer.from(data), key).toString('base64url')}`;
}

function citizenAssertion(issuer) {
  const now = Math.floor(Date.now() / 1000);
  const key = createPrivateKey(readFileSync(idp.config.citizen_client_key_file));
  return jwt({ alg: 'RS256', typ: 'JWT', kid: idp.config.citizen_client_key_id },
    { iss: 'stafett-citizen', sub: 'stafett-citizen', aud: issuer, jti: randomUUID(), iat: now, exp: now + 60 }, key);
}

async function token(issuer, form) {
  const meta = await discover(issuer);
  const res = await new Browser().request(meta.token_endpoint, { method: 'POST', form });
  return { status: res.status, body: JSON.parse(res.text) };
}

function citizenToken(issuer, { code, verifier }, redirectUri = CITIZEN_CALLBACK) {
  return token(issuer, {
    grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier,
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: citizenAssertion(issuer),
  });
}

function employeeToken(issuer, { code, verifier }) {
  return token(issuer, {
    grant_type: 'authorization_code', code, redirect_uri: EMPLOYEE_CALLBACK, code_verifier: verifier,
    client_id: 'stafett-employee', client_secret: idp.config.employee_client_secret,
  });
}

/** Checks the id_token's RS256 signature against the issuer's JWKS; returns its claims. */
async function verifiedClaims(issuer, idToken) {
  const [h, p, s] = idToken.split('.');
  const header = JSON.parse(Buffer.from(h, 'base64url'));
  assert.equal(header.alg, 'RS256');
  const { keys } = await getJson((await discover(issuer)).jwks_uri);
  const jwk = keys.find((k) => k.kid === header.kid);
  assert.ok(jwk, `kid ${header.kid} not in the JWKS`);
  assert.ok(verify('sha256', Buffer.from(`${h}.${p}`), createPublicKey({ key: jwk, format: 'jwk' }), Buffer.from(s, 'base64url')),
    'id_token signature');
  return JSON.parse(Buffer.from(p, 'base64url'));
}

before(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'stafett-idp-test-'));
  idp = await startIdp({
    stateDir: workDir,
    redirectUris: [CITIZEN_CALLBACK, `${RP}/other-callback`],
    postLogoutUris: [AFTER_LOGOUT],
    frontchannelLogoutUri: FRONTCHANNEL,
  });
});

after(async () => {
  await idp?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('test users', () => {
  test('carry the national identity numbers the demo seed gives the same people', async () => {
    // kPeople of src/app/demo_seed.cc, in order: the seed is the position.
    const source = await readFile(join(SOURCE_DIR, 'src/app/demo_seed.cc'), 'utf8');
    const table = source.slice(source.indexOf('kPeople[] = {'), source.indexOf('};', source.indexOf('kPeople[] = {')));
    const seeded = [...table.matchAll(/\{"(\w+)", "[^"]+", "[^"]+", (\d+), (\d+), (\d+)\}/g)]
      .map(([, key, year, month, day]) => ({ key, year: Number(year), month: Number(month), day: Number(day) }));
    assert.deepEqual(seeded, DEMO_PEOPLE.map(({ key, year, month, day }) => ({ key, year, month, day })));
    assert.match(await readFile(join(SOURCE_DIR, 'src/app/demo_seed.h'), 'utf8'), /kDemoChildWithoutLog = "15881950062"/);
    assert.equal(demoNationalId('hanne'), '22838733305');
    assert.equal(demoNationalId('maria'), '25818001811');
    for (const user of CITIZENS) {
      assert.ok(isSyntheticNationalId(user.pid), `${user.key}: ${user.pid}`);
      if (user.demo) assert.equal(user.pid, demoNationalId(user.demo));
    }
    const demoNumbers = new Set(DEMO_PEOPLE.map((p) => demoNationalId(p.key)));
    assert.ok(!demoNumbers.has(CITIZENS.find((u) => u.key === 'vilde').pid), 'vilde is nobody in the demo');
  });

  test('are listed in idp.json', () => {
    assert.deepEqual(idp.config.citizens.map((u) => [u.key, u.pid, u.sub, u.acr]), CITIZENS.map((u) => [u.key, u.pid, u.sub, u.acr]));
    assert.deepEqual(idp.config.employees.map((u) => [u.key, u.tid, u.oid, u.sub]), EMPLOYEES.map((u) => [u.key, u.tid, u.oid, u.sub]));
  });
});

describe('discovery', () => {
  test('two issuers on one HTTPS loopback server, trusted through ca_file', async () => {
    const { config } = idp;
    assert.match(config.issuer, /^https:\/\/127\.0\.0\.1:\d+\/idporten$/);
    assert.equal(config.employee_issuer, `https://127.0.0.1:${config.port}/entra/${EMPLOYEE_TENANT_ID}/v2.0`);
    const citizen = await discover(config.issuer);
    assert.equal(citizen.issuer, config.issuer);
    assert.deepEqual(citizen.response_types_supported, ['code']);
    assert.deepEqual(citizen.code_challenge_methods_supported, ['S256']);
    assert.deepEqual(citizen.token_endpoint_auth_methods_supported, ['private_key_jwt']);
    assert.deepEqual(citizen.acr_values_supported, ['idporten-loa-substantial', 'idporten-loa-high']);
    assert.ok(citizen.end_session_endpoint.startsWith(`${config.issuer}/`));
    const employee = await discover(config.employee_issuer);
    assert.equal(employee.issuer, config.employee_issuer);
    assert.deepEqual(employee.token_endpoint_auth_methods_supported, ['client_secret_post']);
    assert.notEqual((await getJson(citizen.jwks_uri)).keys[0].kid, (await getJson(employee.jwks_uri)).keys[0].kid);
  });

  test('an untrusted client is refused the TLS handshake', async () => {
    await assert.rejects(new Promise((resolve, reject) => {
      https.get(`${idp.config.issuer}/.well-known/openid-configuration`, resolve).on('error', reject);
    }), /self-signed|unable to verify|certificate/);
  });
});

describe('citizen (ID-porten-like)', () => {
  const browser = new Browser();
  let first;

  test('authorization code + PKCE + private_key_jwt gives a signed id_token with pid, acr, sid', async () => {
    const { issuer } = idp.config;
    const grant = await authorize(browser, { issuer, clientId: 'stafett-citizen', redirectUri: CITIZEN_CALLBACK, scope: 'openid', user: 'hanne', extra: { login_hint: 'hanne' } });
    const res = await citizenToken(issuer, grant);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.token_type, 'Bearer');
    const claims = await verifiedClaims(issuer, res.body.id_token);
    const hanne = CITIZENS.find((u) => u.key === 'hanne');
    assert.equal(claims.iss, issuer);
    assert.equal(claims.aud, 'stafett-citizen');
    assert.equal(claims.nonce, grant.nonce);
    assert.equal(claims.sub, hanne.sub);
    assert.equal(claims.pid, '22838733305');
    assert.equal(claims.acr, 'idporten-loa-high');
    assert.deepEqual(claims.amr, ['BankID']);
    assert.equal(claims.locale, 'nb');
    assert.match(claims.sid, /^[\w-]{16,}$/);
    assert.equal(typeof claims.auth_time, 'number');
    assert.ok(claims.exp > claims.iat);
    first = { claims, idToken: res.body.id_token };
  });

  test('a code is refused with a wrong PKCE verifier, and cannot be used twice', async () => {
    const { issuer } = idp.config;
    // The session from the first test: no login page this time.
    const grant = await authorize(browser, { issuer, clientId: 'stafett-citizen', redirectUri: CITIZEN_CALLBACK, scope: 'openid', user: 'hanne', expectLoginPage: false });
    const wrong = await citizenToken(issuer, { ...grant, verifier: pkce().verifier });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.error, 'invalid_grant');
    // (oidc-provider does not burn a code on a failed attempt.)
    assert.equal((await citizenToken(issuer, grant)).status, 200);
    const again = await citizenToken(issuer, grant);
    assert.equal(again.status, 400, 'a code works once');
    assert.equal(again.body.error, 'invalid_grant');
  });

  test('without a code_challenge the request is refused', async () => {
    const url = new URL((await discover(idp.config.issuer)).authorization_endpoint);
    for (const [k, v] of Object.entries({ client_id: 'stafett-citizen', response_type: 'code', scope: 'openid', redirect_uri: CITIZEN_CALLBACK, state: 's' })) {
      url.searchParams.set(k, v);
    }
    const res = await browser.request(url.href);
    assert.equal(res.status, 303);
    assert.equal(new URL(res.location).searchParams.get('error'), 'invalid_request');
  });

  test('a client assertion signed with another key is refused', async () => {
    const { issuer } = idp.config;
    const grant = await authorize(browser, { issuer, clientId: 'stafett-citizen', redirectUri: CITIZEN_CALLBACK, scope: 'openid', user: 'hanne', expectLoginPage: false });
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const now = Math.floor(Date.now() / 1000);
    const forged = jwt({ alg: 'RS256', kid: idp.config.citizen_client_key_id },
      { iss: 'stafett-citizen', sub: 'stafett-citizen', aud: issuer, jti: randomUUID(), iat: now, exp: now + 60 }, privateKey);
    const res = await token(issuer, { grant_type: 'authorization_code', code: grant.code, redirect_uri: CITIZEN_CALLBACK, code_verifier: grant.verifier,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: forged });
    assert.equal(res.status, 401);
    assert.equal(res.body.error, 'invalid_client');
  });

  test('prompt=login forces a fresh login and a later auth_time', async () => {
    const { issuer } = idp.config;
    await delay(1100);
    const grant = await authorize(browser, { issuer, clientId: 'stafett-citizen', redirectUri: CITIZEN_CALLBACK, scope: 'openid', user: 'hanne', extra: { prompt: 'login', login_hint: 'hanne' } });
    const claims = await verifiedClaims(issuer, (await citizenToken(issuer, grant)).body.id_token);
    assert.ok(claims.auth_time > first.claims.auth_time, `${claims.auth_time} > ${first.claims.auth_time}`);
    assert.equal(claims.sid, first.claims.sid, 'same session');
  });

  test('max_age=0 forces a fresh login too', async () => {
    const { issuer } = idp.config;
    await authorize(browser, { issuer, clientId: 'stafett-citizen', redirectUri: CITIZEN_CALLBACK, scope: 'openid', user: 'hanne', extra: { max_age: '0', login_hint: 'hanne' } });
  });

  test('a user on the substantial level gets acr idporten-loa-substantial', async () => {
    const { issuer } = idp.config;
    const grant = await authorize(new Browser(), { issuer, clientId: 'stafett-citizen', redirectUri: CITIZEN_CALLBACK, scope: 'openid', user: 'thomas', extra: { login_hint: 'thomas', acr_values: 'idporten-loa-high' } });
    const claims = await verifiedClaims(issuer, (await citizenToken(issuer, grant)).body.id_token);
    assert.equal(claims.acr, 'idporten-loa-substantial');
    assert.equal(claims.pid, demoNationalId('thomas'));
  });

  test('redirect URIs can be changed while it runs (relying-party.json)', async () => {
    const { issuer } = idp.config;
    const moved = 'http://127.0.0.1:10/login/idporten/callback';
    await idp.setRelyingParty('stafett-citizen', { redirect_uris: [moved], post_logout_redirect_uris: [AFTER_LOGOUT], frontchannel_logout_uri: FRONTCHANNEL });
    const grant = await authorize(browser, { issuer, clientId: 'stafett-citizen', redirectUri: moved, scope: 'openid', user: 'hanne', expectLoginPage: false });
    assert.equal((await citizenToken(issuer, grant, moved)).status, 200);
    const url = new URL((await discover(issuer)).authorization_endpoint);
    url.search = new URLSearchParams({ client_id: 'stafett-citizen', response_type: 'code', scope: 'openid', redirect_uri: CITIZEN_CALLBACK, code_challenge: pkce().challenge, code_challenge_method: 'S256' });
    const old = await browser.request(url.href);
    assert.equal(old.status, 400, 'the old redirect URI is no longer registered');
    assert.match(old.text, /redirect_uri/);
  });

  test('RP-initiated logout with front-channel logout carrying iss and sid', async () => {
    const { issuer } = idp.config;
    const meta = await discover(issuer);
    const url = new URL(meta.end_session_endpoint);
    url.search = new URLSearchParams({ id_token_hint: first.idToken, post_logout_redirect_uri: AFTER_LOGOUT, state: 'bye' });
    const confirmPage = await browser.request(url.href);
    assert.equal(confirmPage.status, 200, confirmPage.text);
    const { action, fields } = formOf(confirmPage.text);
    assert.equal(fields.logout, 'yes', 'logs out of every client');
    const done = await browser.request(new URL(action, url).href, { method: 'POST', form: fields });
    assert.equal(done.status, 200, done.text);
    const frame = /<iframe class="frontchannel-logout"[^>]* src="([^"]+)"/.exec(done.text)?.[1];
    assert.ok(frame, done.text);
    const front = new URL(frame.replaceAll('&amp;', '&'));
    assert.equal(`${front.origin}${front.pathname}`, FRONTCHANNEL);
    assert.equal(front.searchParams.get('iss'), issuer);
    assert.equal(front.searchParams.get('sid'), first.claims.sid);
    assert.match(done.text, new RegExp(`<a id="continue" href="${AFTER_LOGOUT}\\?state=bye">`));
    // The session is gone: the next request needs a login again.
    await authorize(browser, { issuer, clientId: 'stafett-citizen', redirectUri: 'http://127.0.0.1:10/login/idporten/callback', scope: 'openid', user: 'maria', extra: { login_hint: 'maria' } });
  });
});

describe('employee (Entra-like)', () => {
  before(() => idp.setRelyingParty('stafett-employee', { redirect_uris: [EMPLOYEE_CALLBACK], post_logout_redirect_uris: [AFTER_LOGOUT] }));

  test('client_secret_post gives tid, oid, name and preferred_username, no acr', async () => {
    const issuer = idp.config.employee_issuer;
    const grant = await authorize(new Browser(), { issuer, clientId: 'stafett-employee', redirectUri: EMPLOYEE_CALLBACK, scope: 'openid profile', user: 'ingrid', extra: { login_hint: 'ingrid' } });
    const res = await employeeToken(issuer, grant);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const claims = await verifiedClaims(issuer, res.body.id_token);
    const ingrid = EMPLOYEES.find((u) => u.key === 'ingrid');
    assert.equal(claims.iss, issuer);
    assert.equal(claims.aud, 'stafett-employee');
    assert.equal(claims.nonce, grant.nonce);
    assert.equal(claims.sub, ingrid.sub);
    assert.equal(claims.tid, EMPLOYEE_TENANT_ID);
    assert.equal(claims.oid, ingrid.oid);
    assert.equal(claims.name, 'Ingrid Fjellstad');
    assert.equal(claims.preferred_username, 'ingrid.fjellstad@fjordvik.example');
    assert.equal(claims.acr, undefined);
    assert.deepEqual(claims.amr, ['pwd', 'mfa']);
    assert.equal(claims.pid, undefined);
    assert.match(claims.sid, /^[\w-]{16,}$/, 'front-channel logout (from the command line) applies to both clients');
  });

  test('the namesake in another tenant has another tid and oid but the same name and username', async () => {
    const issuer = idp.config.employee_issuer;
    const grant = await authorize(new Browser(), { issuer, clientId: 'stafett-employee', redirectUri: EMPLOYEE_CALLBACK, scope: 'openid profile', user: 'namesake', extra: { login_hint: 'namesake' } });
    const claims = await verifiedClaims(issuer, (await employeeToken(issuer, grant)).body.id_token);
    assert.equal(claims.tid, OTHER_TENANT_ID);
    assert.notEqual(claims.oid, EMPLOYEES.find((u) => u.key === 'ingrid').oid);
    assert.equal(claims.preferred_username, 'ingrid.fjellstad@fjordvik.example');
  });

  test('a wrong client secret and a wrong PKCE verifier are refused', async () => {
    const issuer = idp.config.employee_issuer;
    const browser = new Browser();
    const grant = await authorize(browser, { issuer, clientId: 'stafett-employee', redirectUri: EMPLOYEE_CALLBACK, scope: 'openid', user: 'sara', extra: { login_hint: 'sara' } });
    const badSecret = await token(issuer, { grant_type: 'authorization_code', code: grant.code, redirect_uri: EMPLOYEE_CALLBACK, code_verifier: grant.verifier,
      client_id: 'stafett-employee', client_secret: 'wrong' });
    assert.equal(badSecret.status, 401);
    const grant2 = await authorize(browser, { issuer, clientId: 'stafett-employee', redirectUri: EMPLOYEE_CALLBACK, scope: 'openid', user: 'sara', expectLoginPage: false });
    const badVerifier = await employeeToken(issuer, { ...grant2, verifier: pkce().verifier });
    assert.equal(badVerifier.status, 400);
    assert.equal(badVerifier.body.error, 'invalid_grant');
  });

  test('the two issuers keep separate sessions', async () => {
    // One browser, logged in at the employee issuer only: ID-porten still asks.
    const browser = new Browser();
    await authorize(browser, { issuer: idp.config.employee_issuer, clientId: 'stafett-employee', redirectUri: EMPLOYEE_CALLBACK, scope: 'openid', user: 'tone', extra: { login_hint: 'tone' } });
    await authorize(browser, { issuer: idp.config.issuer, clientId: 'stafett-citizen', redirectUri: 'http://127.0.0.1:10/login/idporten/callback', scope: 'openid', user: 'sofie', extra: { login_hint: 'sofie' } });
  });
});
