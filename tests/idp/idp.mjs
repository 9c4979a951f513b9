// Starts the stand-in identity provider (tests/idp/provider.mjs) for a Node
// test, in the style of tests/browser/support/server.mjs: a child process
// logging to a file in its state dir, ready when it has written idp.json.
//
//   const idp = await startIdp({ stateDir, redirectUris: ['http://127.0.0.1:PORT/cb'] });
//   idp.config.issuer, idp.config.employee_issuer, idp.ca, ...   (idp.json)
//   await idp.setRelyingParty('stafett-citizen', { redirect_uris: [...] });
//   await idp.stop();
//
// The child's stdin is a pipe this process holds, so the provider exits when
// the test process dies, whatever the cause.

import { spawn } from 'node:child_process';
import { mkdir, open, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const PROVIDER = join(dirname(fileURLToPath(import.meta.url)), 'provider.mjs');
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 10_000;

const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

async function logTail(logPath, lines = 40) {
  try {
    return (await readFile(logPath, 'utf8')).split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * @param {{stateDir: string, redirectUris?: string[], postLogoutUris?: string[], frontchannelLogoutUri?: string}} options
 */
export async function startIdp({ stateDir, redirectUris = [], postLogoutUris = [], frontchannelLogoutUri }) {
  await mkdir(stateDir, { recursive: true });
  const logPath = join(stateDir, 'idp.log');
  const readyFile = join(stateDir, 'idp.json');
  const args = [PROVIDER, '--state-dir', stateDir, '--port', '0'];
  for (const uri of redirectUris) args.push('--redirect-uri', uri);
  for (const uri of postLogoutUris) args.push('--post-logout-uri', uri);
  if (frontchannelLogoutUri) args.push('--frontchannel-logout-uri', frontchannelLogoutUri);

  const log = await open(logPath, 'a');
  let child;
  try {
    child = spawn(process.execPath, args, { stdio: ['pipe', log.fd, log.fd] });
  } finally {
    await log.close();
  }
  running.add(child);
  let exitStatus = null;
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      exitStatus = { code, signal };
      resolve(exitStatus);
    });
  });
  const spawnError = new Promise((_, reject) => child.once('error', reject));
  spawnError.catch(() => {});

  const deadline = Date.now() + READY_TIMEOUT_MS;
  let config = null;
  while (config === null) {
    await Promise.race([delay(50), spawnError]);
    if (exitStatus) {
      throw new Error(`the stand-in IdP exited before it was ready (code ${exitStatus.code}, signal ${exitStatus.signal})\n`
        + (await logTail(logPath)));
    }
    try {
      const parsed = JSON.parse(await readFile(readyFile, 'utf8'));
      if (parsed.pid === child.pid) config = parsed;
    } catch (err) {
      if (err.code !== 'ENOENT') throw err;
    }
    if (config === null && Date.now() > deadline) {
      child.kill('SIGKILL');
      await exited;
      throw new Error(`the stand-in IdP did not write ${readyFile} within ${READY_TIMEOUT_MS} ms\n` + (await logTail(logPath)));
    }
  }
  const ca = await readFile(config.ca_file);
  const relyingParty = {};

  /** Changes a client's URIs (relying-party.json, applied on the provider's next request). */
  async function setRelyingParty(clientId, settings) {
    relyingParty[clientId] = settings;
    const tmp = `${config.relying_party_file}.tmp`;
    await writeFile(tmp, JSON.stringify(relyingParty));
    await rename(tmp, config.relying_party_file);
  }

  let stopping = null;
  function stop() {
    stopping ??= (async () => {
      if (!exitStatus) child.kill('SIGTERM');
      const timer = new AbortController();
      const status = await Promise.race([exited, delay(STOP_TIMEOUT_MS, null, { signal: timer.signal }).catch(() => null)]);
      timer.abort();
      if (status === null) {
        child.kill('SIGKILL');
        await exited;
        throw new Error(`the stand-in IdP did not stop within ${STOP_TIMEOUT_MS} ms of SIGTERM\n` + (await logTail(logPath)));
      }
      if (status.code !== 0) {
        throw new Error(`the stand-in IdP stopped with code ${status.code}, signal ${status.signal}\n` + (await logTail(logPath)));
      }
    })();
    return stopping;
  }

  return { config, ca, logPath, pid: child.pid, setRelyingParty, stop, logTail: () => logTail(logPath) };
}
