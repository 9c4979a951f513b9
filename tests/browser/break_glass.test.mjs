// Browser test for break-glass (nødtilgang, issue 6): Mette, a child welfare
// adviser designated for it, is refused Sofie's log and offered break-glass,
// finds it by Sofie's number from her list of logs (a wrong number first);
// she sends the form empty and meets clear errors, then gives a reason and
// an explanation and reads the log under a banner. Sofie's mother, on her
// phone, sees who opened the log, when and why, above her access list.
// Randi, the privacy officer, finds the access waiting from her list of
// logs, must comment when she finds it unjustified, and records the outcome;
// the mother then sees it. axe-core (WCAG 2.1 A/AA) on every page.
//
// Run from the repository root:  node --test tests/browser/break_glass.test.mjs
// Environment: as tests/browser/log_core.test.mjs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { checkA11y } from './support/server.mjs';
import { demoSuite } from './support/demo_suite.mjs';
import {
  withPage, navigate, last, h1Text, assertNoHorizontalScroll, assertFieldError, demoLogin,
} from './support/page.mjs';

const DESKTOP = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true };
const METTE = 'Mette Krogvik';
const MARIA = 'Maria Lyngmo';
const RANDI = 'Randi Vikås';
const WHY = 'Barnevernvakten fikk en akutt melding om Sofie i kveld.';
// Sofie's synthetic demo number (src/app/demo_seed.cc).
const SOFIES_NUMBER = '03831259298';

const suite = demoSuite('break-glass');

test('a designated employee opens a log with break-glass; the family sees it; the privacy officer reviews it',
  { timeout: 180_000 }, async () => {
    await withPage(suite.browser, DESKTOP, async (page) => {
      await demoLogin(page, suite.server.url, METTE, 'Ansatte');
      const refused = await page.goto(`${suite.server.url}/logger/3`);
      assert.equal(refused.status(), 403);
      assert.equal(await h1Text(page), 'Du har ikke tilgang til denne loggen');
      assert.doesNotMatch(await page.locator('main').textContent(), /Sofie/, 'nothing of the child yet');
      assert.equal(await page.getByRole('link', { name: 'Be om nødtilgang til loggen' }).getAttribute('href'),
        '/logger/3/nodtilgang', 'the refusal offers her break-glass');
      await checkA11y(page, 'break-glass offer (desktop)');

      // She finds the log by Sofie's number, from her list of logs.
      await page.goto(`${suite.server.url}/logger`);
      let responses = await navigate(page, () => page.getByRole('link', { name: 'Nødtilgang: finn en logg' }).click());
      assert.equal(await h1Text(page), 'Finn en logg for nødtilgang');
      await checkA11y(page, 'break-glass search (desktop)');
      await page.getByLabel('Barnets fødselsnummer (11 siffer)').fill('03831259299');
      responses = await navigate(page, () => page.getByRole('button', { name: 'Finn logger' }).click());
      assert.equal(last(responses).status, 400);
      await assertFieldError(page.getByLabel('Barnets fødselsnummer (11 siffer)'), 'Skriv et gyldig fødselsnummer med 11 siffer.');
      await page.getByLabel('Barnets fødselsnummer (11 siffer)').fill(SOFIES_NUMBER);
      responses = await navigate(page, () => page.getByRole('button', { name: 'Finn logger' }).click());
      assert.equal(last(responses).status, 200);
      await checkA11y(page, 'break-glass search result (desktop)');
      responses = await navigate(page, () => page.getByRole('link', { name: 'Nødtilgang til logg nr. 3' }).click());
      assert.equal(last(responses).status, 200);
      assert.equal(await h1Text(page), 'Nødtilgang til logg nr. 3');
      assert.match(await page.locator('main').textContent(), /Tilgangen varer i 120 minutter/);
      await checkA11y(page, 'break-glass form (desktop)');

      // Sent empty: errors, and the log stays closed.
      const submit = page.getByRole('button', { name: 'Åpne loggen med nødtilgang' });
      responses = await navigate(page, () => submit.click());
      assert.equal(last(responses).status, 400);
      assert.match(await page.locator('.ds-error-summary').textContent(), /Velg en grunn\./);
      await assertFieldError(page.getByLabel('Begrunnelse', { exact: true }), 'Skriv en begrunnelse på minst 10 tegn.');
      await checkA11y(page, 'break-glass form with errors (desktop)');

      await page.getByRole('radio', { name: 'Opplysningsplikt til barnevernet' }).check();
      await page.getByLabel('Begrunnelse', { exact: true }).fill(WHY);
      responses = await navigate(page, () => submit.click());
      assert.equal(last(responses).status, 200);
      assert.equal(new URL(page.url()).pathname, '/logger/3');
      assert.equal(await h1Text(page), 'Sofie Lyngmo');
      const banner = page.locator('#break-glass-banner');
      assert.match(await banner.textContent(), /Du leser denne loggen med nødtilgang/);
      assert.match(await banner.textContent(), /Opplysningsplikt til barnevernet/);
      await checkA11y(page, 'log read with break-glass (desktop)');
      await page.screenshot({ path: join(suite.output, 'break-glass-log-1280.png'), fullPage: true });
    });

    await withPage(suite.browser, PHONE, async (page) => {
      await demoLogin(page, suite.server.url, MARIA, 'Foreldre og barn');
      const response = await page.goto(`${suite.server.url}/logger/3/innsyn`);
      assert.equal(response.status(), 200);
      const section = page.getByRole('region', { name: 'Nødtilgang er brukt' });
      const text = await section.textContent();
      assert.match(text, /Mette Krogvik, Fjordvik barneverntjeneste|Mette Krogvik/);
      assert.ok(text.includes(WHY), 'her explanation, in her words');
      assert.match(text, /Personvernombudet har ikke gått gjennom nødtilgangen ennå\./);
      await assertNoHorizontalScroll(page, 'family access page with break-glass (phone)');
      await checkA11y(page, 'family access page with break-glass (phone)');
      await page.screenshot({ path: join(suite.output, 'break-glass-family-375.png'), fullPage: true });
    });

    await withPage(suite.browser, PHONE, async (page) => {
      await demoLogin(page, suite.server.url, RANDI, 'Ansatte');
      const privacy = page.getByRole('region', { name: 'Personvern' });
      assert.match(await privacy.textContent(), /Venter: 1/);
      await checkA11y(page, 'privacy officer list of logs (phone)');
      let responses = await navigate(page, () => privacy.getByRole('link', { name: 'Gjennomgang av nødtilgang' }).click());
      assert.equal(last(responses).status, 200);
      assert.equal(await h1Text(page), 'Gjennomgang av nødtilgang');
      const item = page.locator('.access-item', { hasText: METTE });
      assert.ok((await item.textContent()).includes(WHY));
      await assertNoHorizontalScroll(page, 'break-glass review queue (phone)');
      await checkA11y(page, 'break-glass review queue (phone)');

      await item.getByRole('radio', { name: 'Ikke begrunnet' }).check();
      responses = await navigate(page, () => item.getByRole('button', { name: 'Lagre vurderingen' }).click());
      assert.equal(last(responses).status, 400);
      assert.match(await page.locator('.ds-error-summary').textContent(),
        /Skriv en kommentar når nødtilgangen ikke var begrunnet\./);
      await checkA11y(page, 'break-glass review with an error (phone)');

      const again = page.locator('.access-item', { hasText: METTE });
      await again.getByRole('radio', { name: 'Begrunnet', exact: true }).check();
      await again.getByLabel(/Kommentar/).fill('Meldingen kom fra politiet. I orden.');
      responses = await navigate(page, () => again.getByRole('button', { name: 'Lagre vurderingen' }).click());
      assert.equal(last(responses).status, 200);
      assert.match(await page.locator('main').textContent(), /Vurderingen er lagret\./);
      assert.match(await page.locator('main').textContent(), /Venter på gjennomgang \(0\)/);
      await checkA11y(page, 'break-glass review saved (phone)');
    });

    await withPage(suite.browser, PHONE, async (page) => {
      await demoLogin(page, suite.server.url, MARIA, 'Foreldre og barn');
      await page.goto(`${suite.server.url}/logger/3/innsyn`);
      assert.match(await page.getByRole('region', { name: 'Nødtilgang er brukt' }).textContent(),
        /Personvernombudet har vurdert at nødtilgangen var begrunnet\./);
    });
  });
