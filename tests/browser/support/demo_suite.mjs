// The setup most browser tests share: one `stafett serve --demo` on a fresh
// database (SQLite, or PostgreSQL with STAFETT_BROWSER_BACKEND=postgres) in a
// temporary folder, and one Chromium, for the whole file; both stopped and
// the folder removed afterwards. Call at the top level of a test file:
//
//   const suite = demoSuite('break-glass');
//   test('...', async () => { await withPage(suite.browser, ...); suite.server.url ... });
//
// Environment: STAFETT_BIN, STAFETT_WEB_ROOT, STAFETT_TEST_OUTPUT (screenshots).
import { before, after } from 'node:test';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { startServer, launchBrowser } from './server.mjs';

export function demoSuite(name) {
  const suite = {
    server: null,
    browser: null,
    output: resolve(process.env.STAFETT_TEST_OUTPUT || './test-output'),
  };
  let workDir;
  before(async () => {
    await mkdir(suite.output, { recursive: true });
    workDir = await mkdtemp(join(tmpdir(), `stafett-${name}-`));
    suite.server = await startServer({
      bin: process.env.STAFETT_BIN || '/work/main/build/stafett',
      webRoot: process.env.STAFETT_WEB_ROOT || '/work/main/web',
      workDir,
      extraArgs: ['--demo'],
    });
    suite.browser = await launchBrowser();
  }, { timeout: 30_000 });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });
  return suite;
}
