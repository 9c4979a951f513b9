#!/usr/bin/env node
// A stand-in identity provider for tests: npm's oidc-provider (a certified
// OpenID Provider) on 127.0.0.1 over HTTPS, with two issuers on one server:
//
//   https://127.0.0.1:PORT/idporten                 ID-porten-like (citizens)
//   https://127.0.0.1:PORT/entra/<tenant>/v2.0      Entra ID-like (employees)
//
// Usage:
//   node tests/idp/provider.mjs --state-dir DIR [--port 0]
//        [--redirect-uri URI]... [--post-logout-uri URI]... [--frontchannel-logout-uri URI]
//
// At start-up it makes a throwaway CA and a server certificate for
// 127.0.0.1/localhost (with the `openssl` command), the provider signing keys
// and the citizen client's key pair, listens, and then writes DIR/idp.json
// (atomically) with the issuers, the CA file, the client credentials and the
// test users. A launcher polls for that file.
//
// The relying party's URIs (the --*-uri flags apply to both clients) can be
// changed while it runs: write DIR/relying-party.json (atomically, temp file
// + rename), e.g.
//   {"stafett-citizen": {"redirect_uris": ["http://127.0.0.1:4711/login/idporten/callback"],
//                        "post_logout_redirect_uris": ["http://127.0.0.1:4711/"],
//                        "frontchannel_logout_uri": "http://127.0.0.1:4711/logout/idporten/frontchannel"},
//    "stafett-employee": {...}}
// It is read on every client lookup, so the next request sees it. A field
// missing there falls back to the command line.
//
// Logins need no password: the login page lists the fictional test users of
// tests/idp/test_users.mjs ("Logg inn" completes login and consent, granting
// everything asked for); `login_hint=<user key>` preselects one.
//
// It exits on SIGTERM/SIGINT, when its stdin (if a pipe) closes, and when its
// parent process goes away, so it never outlives the test that started it.
// Test use only: the keys, cookies and users are throwaway and fictional.

import { execFileSync } from 'node:child_process';
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { parseArgs } from 'node:util';

import Provider from 'oidc-provider';

import { CITIZENS, EMPLOYEES, EMPLOYEE_TENANT_ID } from './test_users.mjs';

const USAGE = `usage: node tests/idp/provider.mjs --state-dir DIR [--port 0]
       [--redirect-uri URI]... [--post-logout-uri URI]... [--frontchannel-logout-uri URI]`;

const CITIZEN_CLIENT_ID = 'stafett-citizen';
const EMPLOYEE_CLIENT_ID = 'stafett-employee';
const IDPORTEN_MOUNT = '/idporten';
const ENTRA_MOUNT = `/entra/${EMPLOYEE_TENANT_ID}/v2.0`;
// Fixed on purpose: these only sign the stand-in's own cookies.
const COOKIE_KEYS = ['stafett-test-idp-cookie-key-1-not-a-secret', 'stafett-test-idp-cookie-key-2-not-a-secret'];
const PLACEHOLDER_URI = 'https://relying-party-not-configured.invalid/';

function log(message) {
  process.stdout.write(`idp: ${message}\n`);
}
// Start-up steps with the time since start, so a slow start (seen once on a
// loaded CI machine) shows in the log which step took the time.
function step(message) {
  log(`+${Math.round(performance.now())} ms since the process started: ${message}`);
}

function fail(message) {
  process.stderr.write(`idp: error: ${message}\n${USAGE}\n`);
  process.exit(2);
}

// ---------------------------------------------------------------- arguments

let args;
try {
  ({ values: args } = parseArgs({
    options: {
      'state-dir': { type: 'string' },
      port: { type: 'string', default: '0' },
      'redirect-uri': { type: 'string', multiple: true, default: [] },
      'post-logout-uri': { type: 'string', multiple: true, default: [] },
      'frontchannel-logout-uri': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }));
} catch (err) {
  fail(err.message);
}
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (!args['state-dir']) fail('--state-dir is required');
const port = Number(args.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`bad --port '${args.port}'`);

const stateDir = path.resolve(args['state-dir']);
fs.mkdirSync(stateDir, { recursive: true });
const stateFile = (name) => path.join(stateDir, name);
const READY_FILE = stateFile('idp.json');
const RELYING_PARTY_FILE = stateFile('relying-party.json');
// A stale idp.json from an earlier run must never be taken for this one.
fs.rmSync(READY_FILE, { force: true });

function writeAtomically(file, text, mode = 0o644) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text, { mode });
  fs.renameSync(tmp, file);
}

// ---------------------------------------------------------------- keys and TLS

// Node can make keys but not X.509 certificates, so the CA and the server
// certificate come from the openssl command line tool (Debian's `openssl`).
function makeTlsCertificate() {
  const config = stateFile('openssl.cnf');
  fs.writeFileSync(config, [
    '[req]', 'distinguished_name = dn', 'prompt = no', '[dn]', 'CN = placeholder',
    '[ca_ext]', 'basicConstraints = critical,CA:TRUE', 'keyUsage = critical,keyCertSign,cRLSign',
    'subjectKeyIdentifier = hash',
    '[server_ext]', 'basicConstraints = critical,CA:FALSE', 'keyUsage = critical,digitalSignature',
    'extendedKeyUsage = serverAuth', 'subjectAltName = IP:127.0.0.1,DNS:localhost',
    'subjectKeyIdentifier = hash', 'authorityKeyIdentifier = keyid', '',
  ].join('\n'));
  const caKey = stateFile('ca-key.pem');
  const files = { ca: stateFile('ca.pem'), cert: stateFile('tls-cert.pem'), key: stateFile('tls-key.pem') };
  const common = ['-config', config, '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-noenc', '-days', '7'];
  const openssl = (opts) => {
    try {
      execFileSync('openssl', ['req', ...common, ...opts], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (err) {
      throw new Error(`openssl failed (${err.code ?? err.status}): ${err.stderr ?? ''} (is Debian's openssl package installed?)`);
    }
  };
  openssl(['-keyout', caKey, '-out', files.ca, '-subj', '/CN=Stafett test IdP CA (throwaway)', '-extensions', 'ca_ext']);
  openssl(['-keyout', files.key, '-out', files.cert, '-subj', '/CN=127.0.0.1', '-CA', files.ca, '-CAkey', caKey,
    '-extensions', 'server_ext']);
  // Nothing is signed with the CA again: its key goes.
  fs.rmSync(caKey);
  fs.rmSync(config);
  return files;
}

/** RFC 7638 thumbprint of an RSA public JWK. */
function thumbprint(jwk) {
  return createHash('sha256').update(JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n })).digest('base64url');
}

function rsaKeyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicJwk = publicKey.export({ format: 'jwk' });
  const kid = thumbprint(publicJwk);
  return {
    privateKey,
    kid,
    privateJwk: { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' },
    publicJwk: { ...publicJwk, kid, alg: 'RS256', use: 'sig' },
  };
}

step('modules loaded');
const tls = makeTlsCertificate();
step('TLS certificate made');
const citizenClientKey = rsaKeyPair();
step('client key pair made');
const citizenClientKeyFile = stateFile('citizen-client-key.pem');
writeAtomically(citizenClientKeyFile, citizenClientKey.privateKey.export({ format: 'pem', type: 'pkcs8' }), 0o600);
const employeeClientSecret = randomBytes(32).toString('base64url');

// ---------------------------------------------------------------- relying party

function readRelyingPartyFile() {
  try {
    return JSON.parse(fs.readFileSync(RELYING_PARTY_FILE, 'utf8'));
  } catch (err) {
    if (err.code !== 'ENOENT') log(`ignoring ${RELYING_PARTY_FILE}: ${err.message}`);
    return {};
  }
}

/** The relying party's URIs for one client: relying-party.json first, then the command line. */
function relyingParty(clientId) {
  const entry = readRelyingPartyFile()[clientId] ?? {};
  const redirectUris = entry.redirect_uris ?? args['redirect-uri'];
  const frontchannel = entry.frontchannel_logout_uri ?? args['frontchannel-logout-uri'];
  return {
    redirect_uris: redirectUris.length > 0 ? redirectUris : [PLACEHOLDER_URI],
    post_logout_redirect_uris: entry.post_logout_redirect_uris ?? args['post-logout-uri'],
    ...(frontchannel ? { frontchannel_logout_uri: frontchannel, frontchannel_logout_session_required: true } : {}),
  };
}

function citizenClient() {
  return {
    client_id: CITIZEN_CLIENT_ID,
    client_name: 'Stafett (test)',
    application_type: 'web',
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'private_key_jwt',
    token_endpoint_auth_signing_alg: 'RS256',
    jwks: { keys: [citizenClientKey.publicJwk] },
    id_token_signed_response_alg: 'RS256',
    require_auth_time: true,
    ...relyingParty(CITIZEN_CLIENT_ID),
  };
}

function employeeClient() {
  return {
    client_id: EMPLOYEE_CLIENT_ID,
    client_name: 'Stafett (test)',
    client_secret: employeeClientSecret,
    application_type: 'web',
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
    id_token_signed_response_alg: 'RS256',
    require_auth_time: true,
    ...relyingParty(EMPLOYEE_CLIENT_ID),
  };
}

// ---------------------------------------------------------------- storage

/**
 * In-memory storage for one provider (oidc-provider's adapter interface).
 * Clients are not stored: they are built on every lookup from the current
 * relying-party settings, so a changed relying-party.json applies at once.
 */
function adapterFactory(clients) {
  const store = new Map(); // key -> { payload, expiresAt }
  const grants = new Map(); // grantId -> Set of keys
  const now = () => Date.now();
  const live = (key) => {
    const entry = store.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== undefined && entry.expiresAt <= now()) {
      store.delete(key);
      return undefined;
    }
    return entry.payload;
  };
  return (model) => {
    const key = (id) => `${model}:${id}`;
    if (model === 'Client') {
      return {
        async find(id) {
          const make = clients[id];
          return make ? make() : undefined;
        },
        async upsert() { throw new Error('clients are fixed'); },
        async destroy() { throw new Error('clients are fixed'); },
      };
    }
    return {
      async upsert(id, payload, expiresIn) {
        store.set(key(id), { payload, expiresAt: typeof expiresIn === 'number' ? now() + expiresIn * 1000 : undefined });
        if (model === 'Session') store.set(`sessionUid:${payload.uid}`, { payload: id });
        if (payload.userCode) store.set(`userCode:${payload.userCode}`, { payload: id });
        if (payload.grantId) {
          if (!grants.has(payload.grantId)) grants.set(payload.grantId, new Set());
          grants.get(payload.grantId).add(key(id));
        }
      },
      async find(id) { return live(key(id)); },
      async findByUid(uid) {
        const id = live(`sessionUid:${uid}`);
        return id === undefined ? undefined : live(key(id));
      },
      async findByUserCode(userCode) {
        const id = live(`userCode:${userCode}`);
        return id === undefined ? undefined : live(key(id));
      },
      async consume(id) {
        const payload = live(key(id));
        if (payload) payload.consumed = Math.floor(now() / 1000);
      },
      async destroy(id) { store.delete(key(id)); },
      async revokeByGrantId(grantId) {
        for (const k of grants.get(grantId) ?? []) store.delete(k);
        grants.delete(grantId);
      },
    };
  };
}

// ---------------------------------------------------------------- pages

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const STYLE = 'body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:36rem;padding:0 1rem;line-height:1.5}'
  + 'fieldset{border:1px solid #555;padding:1rem}legend{font-weight:bold}'
  + '.user{margin:.5rem 0}.user small{display:block;margin-left:1.6rem;color:#333}'
  + 'button{font-size:1rem;padding:.5rem 1rem;margin:1rem .5rem 0 0}';

function page(title, body) {
  return `<!DOCTYPE html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

function loginPage(site, action, users, hint) {
  const radios = users.map((u) => {
    const id = `user-${u.key}`;
    const details = [u.key, u.acr, ...(u.amr ?? []), u.tid ? `tenant ${u.tid}` : null, u.note].filter(Boolean).join(' · ');
    return `<div class="user"><input type="radio" id="${id}" name="user" value="${escapeHtml(u.key)}" required`
      + `${u.key === hint ? ' checked' : ''} aria-describedby="${id}-details">`
      + ` <label for="${id}">${escapeHtml(u.label ?? u.name)}</label>`
      + `<small id="${id}-details">${escapeHtml(details)}</small></div>`;
  }).join('\n');
  return page(`Logg inn – ${site.title}`, `<h1>${escapeHtml(site.title)}</h1>
<p>Testinnlogging uten passord. Alle brukerne er oppdiktet.</p>
<form method="post" action="${escapeHtml(action)}">
<fieldset>
<legend>Velg testbruker</legend>
${radios}
</fieldset>
<button type="submit" name="action" value="login">Logg inn</button>
<button type="submit" name="action" value="abort" formnovalidate>Avbryt</button>
</form>`);
}

async function renderError(ctx, out) {
  ctx.type = 'html';
  ctx.body = page('Feil – testinnlogging', `<h1>Noe gikk galt</h1>
${Object.entries(out).map(([k, v]) => `<p><strong>${escapeHtml(k)}</strong>: ${escapeHtml(v)}</p>`).join('\n')}`);
}

// RP-initiated logout signs out of every client in the session without
// asking (as ID-porten does); the button is there for browsers without
// scripts.
async function logoutSource(ctx, form) {
  ctx.body = page('Logg ut – testinnlogging', `<h1>Logg ut</h1>
${form.replace('</form>', '<input type="hidden" name="logout" value="yes"><button type="submit">Logg ut</button></form>')}
<script>document.getElementById('op.logoutForm').submit();</script>`);
}

async function postLogoutSuccessSource(ctx) {
  ctx.body = page('Logget ut – testinnlogging', '<h1>Du er logget ut</h1>');
}

/**
 * oidc-provider has no front-channel logout (OpenID Connect Front-Channel
 * Logout 1.0) since v8, so it is done here: after a confirmed logout, instead
 * of redirecting at once, a page loads every client's frontchannel_logout_uri
 * with ?iss=...&sid=... in an iframe, then continues to where the provider
 * would have redirected.
 */
function frontchannelLogout(provider) {
  return async (ctx, next) => {
    await next();
    if (ctx.oidc?.route !== 'end_session_confirm' || ctx.status !== 303) return;
    const session = ctx.oidc.session;
    const frames = [];
    for (const clientId of Object.keys(session?.authorizations ?? {})) {
      const client = await provider.Client.find(clientId);
      if (!client?.frontchannel_logout_uri) continue;
      const url = new URL(client.frontchannel_logout_uri);
      if (client.frontchannel_logout_session_required) {
        url.searchParams.set('iss', provider.issuer);
        url.searchParams.set('sid', session.sidFor(clientId));
      }
      frames.push({ clientId, src: url.href });
    }
    if (frames.length === 0) return;
    const continueTo = ctx.response.get('Location');
    log(`front-channel logout: ${frames.map((f) => f.src).join(', ')}`);
    ctx.status = 200;
    ctx.remove('Location');
    ctx.type = 'html';
    ctx.body = page('Logger ut – testinnlogging', `<h1>Logger ut</h1>
<p><a id="continue" href="${escapeHtml(continueTo)}">Fortsett</a></p>
${frames.map((f) => `<iframe class="frontchannel-logout" title="Utlogging fra ${escapeHtml(f.clientId)}" src="${escapeHtml(f.src)}" style="width:1px;height:1px;border:0"></iframe>`).join('\n')}
<script>
(function () {
  var target = document.getElementById('continue').href, left = document.querySelectorAll('iframe').length, gone = false;
  function go() { if (!gone) { gone = true; location.replace(target); } }
  document.querySelectorAll('iframe').forEach(function (f) { f.addEventListener('load', function () { if (--left === 0) go(); }); });
  setTimeout(go, 3000);
})();
</script>`);
  };
}

// ---------------------------------------------------------------- providers

function accountsOf(users, claimsOf) {
  const bySub = new Map(users.map((u) => [u.sub, u]));
  return async (_ctx, sub) => {
    const user = bySub.get(sub);
    if (!user) return undefined;
    return { accountId: sub, claims: async () => ({ sub, ...claimsOf(user) }) };
  };
}

// Consent is given automatically: the grant covers whatever was asked for.
async function loadExistingGrant(ctx) {
  const { oidc } = ctx;
  const grantId = oidc.result?.consent?.grantId || oidc.session.grantIdFor(oidc.client.clientId);
  const grant = (grantId && await oidc.provider.Grant.find(grantId))
    || new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
  grant.addOIDCScope([...oidc.requestParamScopes].join(' '));
  grant.addOIDCClaims([...oidc.requestParamClaims]);
  for (const [indicator, resource] of Object.entries(oidc.resourceServers ?? {})) {
    grant.addResourceScope(indicator, resource.scope);
  }
  await grant.save();
  return grant;
}

function makeProvider({ issuer, mount, name, title, users, claims, scopes, clients, clientAuthMethods, acrValues, claimsOf }) {
  const signing = rsaKeyPair();
  const provider = new Provider(issuer, {
    adapter: adapterFactory(clients),
    clients: [],
    jwks: { keys: [signing.privateJwk] },
    cookies: {
      keys: COOKIE_KEYS,
      names: { session: `_${name}_session`, interaction: `_${name}_interaction`, resume: `_${name}_resume` },
    },
    claims: { acr: null, amr: null, sid: null, auth_time: null, iss: null, ...claims },
    scopes,
    acrValues,
    responseTypes: ['code'],
    pkce: { required: () => true },
    clientAuthMethods,
    // Claims of the granted scopes go into the id_token (as ID-porten and
    // Entra do), not only to userinfo.
    conformIdTokenClaims: false,
    extraClientMetadata: { properties: ['frontchannel_logout_uri', 'frontchannel_logout_session_required'] },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
      userinfo: { enabled: true },
    },
    interactions: { url: (_ctx, interaction) => `${mount}/interaction/${interaction.uid}` },
    findAccount: accountsOf(users, claimsOf),
    loadExistingGrant,
    renderError,
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
  });
  // `sid` in the id_token for front-channel logout: oidc-provider puts it
  // there only for back-channel clients, so it is widened to clients that
  // ask for front-channel logout with session (the provider's own Client).
  const includeSid = provider.Client.prototype.includeSid;
  provider.Client.prototype.includeSid = function includeSidForFrontchannel() {
    return includeSid.call(this) || this.frontchannel_logout_session_required === true;
  };
  provider.use(frontchannelLogout(provider));
  for (const event of ['authorization.error', 'grant.error', 'end_session.error', 'userinfo.error', 'server_error',
    'backchannel.error', 'discovery.error', 'jwks.error']) {
    provider.on(event, (_ctx, err) => log(`${name} ${event}: ${err?.error ?? err?.name ?? ''} ${err?.error_description ?? err?.message ?? ''}`));
  }
  return { provider, mount, name, title, users, callback: provider.callback(), signingKid: signing.kid };
}

// ---------------------------------------------------------------- interactions

async function readForm(req, limit = 16 * 1024) {
  let size = 0;
  const chunks = [];
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) throw new Error('form too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function sendHtml(res, status, html) {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(html);
}

async function interaction(site, req, res, uid) {
  const { provider } = site;
  let details;
  try {
    details = await provider.interactionDetails(req, res);
  } catch (err) {
    sendHtml(res, 400, page('Feil – testinnlogging', `<h1>Innloggingen er utløpt</h1><p>${escapeHtml(err.message)}</p>`));
    return;
  }
  if (details.uid !== uid) {
    sendHtml(res, 400, page('Feil – testinnlogging', '<h1>Feil innlogging</h1>'));
    return;
  }
  const { prompt, params } = details;

  if (prompt.name === 'consent') {
    // Only reached if loadExistingGrant did not cover the request.
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: params.client_id });
    if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
    if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(prompt.details.missingResourceScopes ?? {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    return;
  }

  if (req.method === 'GET') {
    sendHtml(res, 200, loginPage(site, `${site.mount}/interaction/${uid}`, site.users, params.login_hint));
    return;
  }
  if (req.method !== 'POST') {
    res.writeHead(405, { Allow: 'GET, POST' }).end();
    return;
  }
  const form = await readForm(req);
  if (form.get('action') === 'abort') {
    await provider.interactionFinished(req, res,
      { error: 'access_denied', error_description: 'End-User aborted interaction' }, { mergeWithLastSubmission: false });
    return;
  }
  const user = site.users.find((u) => u.key === form.get('user'));
  if (!user) {
    sendHtml(res, 400, loginPage(site, `${site.mount}/interaction/${uid}`, site.users, params.login_hint));
    return;
  }
  log(`${site.name}: ${user.key} logs in to ${params.client_id}`);
  await provider.interactionFinished(req, res, {
    login: { accountId: user.sub, acr: user.acr, amr: user.amr, remember: true },
  }, { mergeWithLastSubmission: false });
}

// ---------------------------------------------------------------- server

let sites = [];

async function handle(req, res) {
  const url = new URL(req.url, 'https://127.0.0.1');
  const site = sites.find((s) => url.pathname === s.mount || url.pathname.startsWith(`${s.mount}/`));
  if (!site) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
    return;
  }
  const rest = url.pathname.slice(site.mount.length);
  const match = /^\/interaction\/([A-Za-z0-9_-]+)$/.exec(rest);
  if (match) {
    await interaction(site, req, res, match[1]);
    return;
  }
  // Mounted like Express does it: the provider sees the path below its
  // mount point and finds the mount point in originalUrl.
  req.originalUrl = req.url;
  req.url = req.url.slice(site.mount.length) || '/';
  site.callback(req, res);
}

const server = https.createServer({ key: fs.readFileSync(tls.key), cert: fs.readFileSync(tls.cert) }, (req, res) => {
  const started = Date.now();
  res.on('finish', () => log(`${req.method} ${req.originalUrl ?? req.url} ${res.statusCode} ${Date.now() - started} ms`));
  handle(req, res).catch((err) => {
    log(`internal error: ${err.stack ?? err}`);
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
    res.end('internal error\n');
  });
});

let stopping = false;
function shutdown(why) {
  if (stopping) return;
  stopping = true;
  log(`stopping (${why})`);
  fs.rmSync(READY_FILE, { force: true });
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));

// Never outlive the parent: a launcher that holds our stdin pipe dies, or the
// parent process is gone (we were re-parented).
const stdinStat = fs.fstatSync(0, { throwIfNoEntry: false });
if (stdinStat && (stdinStat.isFIFO() || stdinStat.isSocket())) {
  process.stdin.on('end', () => shutdown('stdin closed'));
  process.stdin.on('error', () => shutdown('stdin error'));
  process.stdin.resume();
}
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid) shutdown(`parent ${parentPid} exited`);
}, 500).unref();

step('listening');
server.listen(port, '127.0.0.1', () => {
  step('socket bound');
  const { port: actualPort } = server.address();
  const origin = `https://127.0.0.1:${actualPort}`;
  const idporten = makeProvider({
    issuer: `${origin}${IDPORTEN_MOUNT}`,
    mount: IDPORTEN_MOUNT,
    name: 'idporten',
    title: 'ID-porten (testinnlogging)',
    users: CITIZENS,
    scopes: ['openid', 'profile'],
    // acr and amr ride on `openid`: oidc-provider would otherwise put acr in the
    // id_token only when acr_values was sent, and amr never.
    claims: { openid: ['sub', 'pid', 'locale', 'acr', 'amr'] },
    claimsOf: (u) => ({ pid: u.pid, locale: u.locale }),
    clients: { [CITIZEN_CLIENT_ID]: citizenClient },
    clientAuthMethods: ['private_key_jwt'],
    acrValues: ['idporten-loa-substantial', 'idporten-loa-high'],
  });
  const entra = makeProvider({
    issuer: `${origin}${ENTRA_MOUNT}`,
    mount: ENTRA_MOUNT,
    name: 'entra',
    title: 'Microsoft Entra ID (testinnlogging)',
    users: EMPLOYEES.map((u) => ({ ...u, label: u.tid === EMPLOYEE_TENANT_ID ? u.name : `${u.name} (annen tenant)` })),
    scopes: ['openid', 'profile', 'email'],
    claims: { openid: ['sub', 'tid', 'oid', 'amr'], profile: ['name', 'preferred_username'] },
    claimsOf: (u) => ({ tid: u.tid, oid: u.oid, name: u.name, preferred_username: u.preferred_username }),
    clients: { [EMPLOYEE_CLIENT_ID]: employeeClient },
    clientAuthMethods: ['client_secret_post'],
    acrValues: [],
  });
  sites = [idporten, entra];
  step('providers made');

  const ready = {
    issuer: idporten.provider.issuer,
    employee_issuer: entra.provider.issuer,
    ca_file: tls.ca,
    pid: process.pid,
    port: actualPort,
    citizen_client_id: CITIZEN_CLIENT_ID,
    citizen_client_auth_method: 'private_key_jwt',
    citizen_client_key_file: citizenClientKeyFile,
    citizen_client_key_id: citizenClientKey.kid,
    employee_client_id: EMPLOYEE_CLIENT_ID,
    employee_client_auth_method: 'client_secret_post',
    employee_client_secret: employeeClientSecret,
    employee_tenant_id: EMPLOYEE_TENANT_ID,
    relying_party_file: RELYING_PARTY_FILE,
    citizens: CITIZENS.map(({ key, name, demo, sub, pid, acr, amr, locale }) => ({ key, name, demo, sub, pid, acr, amr, locale })),
    employees: EMPLOYEES.map(({ key, name, demo, sub, tid, oid, preferred_username }) => ({ key, name, demo, sub, tid, oid, preferred_username })),
  };
  writeAtomically(READY_FILE, `${JSON.stringify(ready, null, 2)}\n`);
  log(`ready: ${ready.issuer} and ${ready.employee_issuer} (CA ${tls.ca})`);
});
server.on('error', (err) => {
  process.stderr.write(`idp: error: ${err.message}\n`);
  process.exit(1);
});
