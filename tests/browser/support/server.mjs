// Shared helpers for Stafett's browser tests: start a throw-away server on a
// fresh database, launch the system Chromium through playwright-core, and run
// axe-core against a page.
//
// The database is SQLite unless STAFETT_BROWSER_BACKEND=postgres, in which
// case a new database is created on the server STAFETT_TEST_PG_URL names
// (scripts/with-postgres.sh starts one and sets it), so the same browser
// tests run on both backends.
//
// Nothing here downloads a browser: launchBrowser() always uses an installed
// Chromium (Debian's /usr/bin/chromium unless STAFETT_CHROMIUM says otherwise).

import { spawn, execFile } from 'node:child_process';
import { mkdir, open, readFile, appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';

import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

const execFileAsync = promisify(execFile);

const PORT_FILE_TIMEOUT_MS = 15_000;
const PORT_FILE_POLL_MS = 50;
const STOP_TIMEOUT_MS = 10_000;

/** The WCAG levels Stafett promises (universell utforming: WCAG 2.1 AA). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Servers still running when the test process exits (for example after an
// uncaught exception) are killed so they never outlive the test run.
const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

async function logTail(logPath, lines = 40) {
  try {
    const text = await readFile(logPath, 'utf8');
    return text.split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

const PSQL = '/usr/lib/postgresql/15/bin/psql';

/** A new, empty database for one server: SQLite in workDir, or PostgreSQL. */
async function freshDatabaseUrl(workDir) {
  if (process.env.STAFETT_BROWSER_BACKEND !== 'postgres') return `sqlite:${join(workDir, 'db.sqlite')}`;
  const admin = process.env.STAFETT_TEST_PG_URL;
  if (!admin) throw new Error('STAFETT_BROWSER_BACKEND=postgres needs STAFETT_TEST_PG_URL (run under scripts/with-postgres.sh)');
  const name = `browser_${process.pid}_${Date.now()}`;
  await execFileAsync(PSQL, [admin, '-v', 'ON_ERROR_STOP=1', '-q', '-c', `CREATE DATABASE ${name}`], { timeout: 30_000 });
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Seeds a fresh demo database in workDir and starts `stafett serve` on a free
 * port. Resolves once the server has written its port file.
 *
 * `listen` fixes the port when the server must know its URL before it starts
 * (the redirect URIs registered at the stand-in identity provider).
 *
 * @param {{bin: string, webRoot: string, workDir: string, extraArgs?: string[], listen?: string}} options
 * @returns {Promise<{url: string, port: number, logPath: string, databaseUrl: string, stop: () => Promise<void>}>}
 */
export async function startServer({ bin, webRoot, workDir, extraArgs = [], listen = '127.0.0.1:0' }) {
  await mkdir(workDir, { recursive: true });
  const databaseUrl = await freshDatabaseUrl(workDir);
  const portFile = join(workDir, 'port');
  const keyFile = join(workDir, 'stafett.key');
  const logPath = join(workDir, 'server.log');

  try {
    const seeded = await execFileAsync(bin, ['seed-demo', '--database-url', databaseUrl, '--key-file', keyFile], {
      timeout: PORT_FILE_TIMEOUT_MS,
    });
    await appendFile(logPath, `# seed-demo\n${seeded.stdout}${seeded.stderr}# serve\n`);
  } catch (err) {
    throw new Error(
      `stafett seed-demo failed (${err.code ?? err.signal ?? err.message})\n${err.stdout ?? ''}${err.stderr ?? ''}`,
      { cause: err },
    );
  }

  // Both stdout ("Stafett is running at …") and stderr (the log) go to the
  // log file; the child gets its own copy of the descriptor.
  const log = await open(logPath, 'a');
  let child;
  try {
    child = spawn(
      bin,
      [
        'serve',
        '--database-url', databaseUrl,
        '--web-root', webRoot,
        '--listen', listen,
        '--port-file', portFile,
        '--key-file', keyFile,
        ...extraArgs,
      ],
      { stdio: ['ignore', log.fd, log.fd] },
    );
  } finally {
    await log.close();
  }
  running.add(child);

  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });
  let exitStatus = null;
  exited.then((status) => { exitStatus = status; });
  const spawnError = new Promise((_, reject) => child.once('error', reject));
  spawnError.catch(() => {});

  // Poll for the port file (the server writes it atomically via rename).
  const deadline = Date.now() + PORT_FILE_TIMEOUT_MS;
  let port = null;
  while (port === null) {
    await Promise.race([delay(PORT_FILE_POLL_MS), spawnError]);
    if (exitStatus) {
      throw new Error(
        `stafett serve exited before it was ready (code ${exitStatus.code}, signal ${exitStatus.signal})\n` +
          (await logTail(logPath)),
      );
    }
    try {
      const text = (await readFile(portFile, 'utf8')).trim();
      if (/^\d+$/.test(text) && Number(text) > 0) port = Number(text);
    } catch (err) {
      if (err.code !== 'ENOENT') throw err;
    }
    if (port === null && Date.now() > deadline) {
      child.kill('SIGKILL');
      await exited;
      throw new Error(
        `stafett serve did not write ${portFile} within ${PORT_FILE_TIMEOUT_MS} ms\n` + (await logTail(logPath)),
      );
    }
  }

  let stopping = null;
  async function stop() {
    stopping ??= (async () => {
      if (!exitStatus) child.kill('SIGTERM');
      // The timer is cancelled once the server has exited, so it cannot keep
      // the test process alive.
      const timer = new AbortController();
      const status = await Promise.race([
        exited,
        delay(STOP_TIMEOUT_MS, null, { signal: timer.signal }).catch(() => null),
      ]);
      timer.abort();
      if (status === null) {
        child.kill('SIGKILL');
        await exited;
        throw new Error(
          `stafett serve did not stop within ${STOP_TIMEOUT_MS} ms of SIGTERM\n` + (await logTail(logPath)),
        );
      }
      if (status.code !== 0) {
        throw new Error(
          `stafett serve stopped with code ${status.code}, signal ${status.signal} (expected exit code 0)\n` +
            (await logTail(logPath)),
        );
      }
    })();
    return stopping;
  }

  return { url: `http://127.0.0.1:${port}`, port, logPath, databaseUrl, stop };
}

/** Chromium flags: headless, no sandbox (root in a container), and no calls home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

/** Launches the installed Chromium (never a downloaded one). */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.STAFETT_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => {
          const target = n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' | ');
          // "Fix any of the following:\n  reason\n  reason" -> one line per "Fix …" block.
          const summary = (n.failureSummary ?? '')
            .split(/\n(?=Fix )/)
            .map((block) => {
              const [head, ...reasons] = block.split('\n').map((l) => l.trim()).filter(Boolean);
              return head ? `\n      ${head} ${reasons.join('; ')}` : '';
            })
            .join('');
          return `    - ${target}${summary}`;
        })
        .join('\n');
      return `  * ${v.id} [${v.impact ?? 'unknown impact'}] ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page and throws a
 * readable error listing every violation. Returns the full axe results.
 */
export async function checkA11y(page, label) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  if (results.violations.length > 0) {
    throw new Error(
      `axe found ${results.violations.length} accessibility violation(s) on ${label} (${page.url()}):\n` +
        formatViolations(results.violations),
    );
  }
  return results;
}
