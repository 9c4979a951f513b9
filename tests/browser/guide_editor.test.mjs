// Browser tests for the BTI coordinator's guide editor (issue 7, item 4):
// Bjørn, Fjordvik's BTI coordinator, opens the editor, changes the step
// "Drøft saken anonymt" and the tool "Tegn og signaler" with hostile Markdown
// (script, javascript: link, event handlers, inline style, raw HTML) mixed
// with valid Markdown, previews the draft (banner, new title, the hostile
// text shown as the literal text it is: no dialog, no script, no handler,
// no style, no javascript: link), publishes it with a summary, reads the
// history and the diff of version 1, and an anonymous visitor then sees the
// new text on the public step and tool pages. Bad input (an empty summary,
// an empty title, a form with an unknown field type) is a clear error beside
// the field, with what was typed kept. Lauvåsen's coordinator and an
// ordinary teacher get 403 on Fjordvik's editor. At 375 px the editor and a
// step form fit without horizontal scrolling. axe-core (WCAG 2.1 A/AA) on
// every page.
//
// Todo subtests state what the pages should do but do not yet: a refused
// link leaving a stray ")", untouched textareas listed as changed in the
// diff (CRLF), the empty title's input not marked invalid, the message in a
// bilingual fieldset shown grey, and the error summary naming the internal
// document path instead of the field.
//
// The tests build on each other (one server: version 1 from the first is
// read by the later ones) and run in order.
//
// Run from the repository root:  node --test tests/browser/guide_editor.test.mjs
// Environment: as tests/browser/log_core.test.mjs.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { checkA11y } from './support/server.mjs';
import { demoSuite } from './support/demo_suite.mjs';
import {
  withPage, navigate, last, h1Text, assertNoHorizontalScroll, assertFieldError, demoLogin, describedBy,
  assertErrorSummary,
} from './support/page.mjs';

const DESKTOP = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true };
const TIMEOUT = { timeout: 180_000 };

// Demo data (src/app/demo_seed.cc): synthetic people only.
const BJORN = 'Bjørn Lindvik'; // BTI coordinator, Fjordvik kommune (9901)
const GRY = 'Gry Solbakken'; // BTI coordinator, Lauvåsen kommune (9902)
const INGRID = 'Ingrid Fjellstad'; // Kontaktlærer, Fjordvik skole
const EMPLOYEES = 'Ansatte';

// Texts from web/i18n/nb.json ("editor", "guide", "error") and web/guide/default.json.
const EDITOR_TITLE = 'Rediger handlingsveilederen';
const STEPS_HEADING = 'Nivåer og trinn';
const TOOLS_HEADING = 'Verktøy';
const PUBLISH_HEADING = 'Publiser';
const SUMMARY_LABEL = 'Hva er endret?';
const PUBLISH = 'Publiser ny versjon';
const SAVE = 'Lagre i utkastet';
const EDIT = 'Rediger';
const PREVIEW = 'Forhåndsvis';
const PREVIEW_BANNER = 'Forhåndsvisning av utkastet. Dette er ikke publisert.';
const HISTORY = 'Historikk';
const ERROR_SUMMARY = 'Noe må rettes før du kan gå videre:';
const SUMMARY_REQUIRED = 'Skriv kort hva som er endret.';
const UNKNOWN_FIELD_TYPE = 'Ukjent felttype';
const FORBIDDEN = 'Du har ikke tilgang';
const FIELD = {
  title: 'Tittel',
  whatToDo: 'Dette gjør du',
  body: 'Veiledning',
  form: 'Skjemaets felt (JSON)',
};
const BOKMAL = 'Bokmål';
const LEVELS = [
  'Nivå 0: Undring og bekymring',
  'Nivå 1: Innsats i egen tjeneste',
  'Nivå 2: Samarbeid mellom to tjenester',
  'Nivå 3: Sammensatt samarbeid',
];

const STEP_KEY = 'n0-drofte';
const OLD_STEP_TITLE = 'Drøft saken anonymt';
const NEW_STEP_TITLE = 'Drøft saken uten navn med en du stoler på';
const TOOL_KEY = 'tegn-og-signaler';
const TOOL_TITLE = 'Tegn og signaler';
const SCALE_KEY = 'bekymringsskala';
const SCALE_TITLE = 'Bekymringsskala';
const CHANGE_SUMMARY = 'Ny tekst om anonym drøfting';

const SCRIPT_TEXT = "<script>alert('xss')</script>";
const IMG_TEXT = '<img src=x onerror=alert(2)>';
const RAW_HTML_TEXT = '<p style="color:red" onclick="alert(3)">rå html</p>';
const HOSTILE = [
  SCRIPT_TEXT,
  '[klikk her](javascript:alert(1))',
  IMG_TEXT,
  RAW_HTML_TEXT,
  'Les mer hos **Bufdir**: [Bufdir](https://bufdir.no).',
  '- Første punkt i lista\n- Andre punkt med **uthevet** tekst',
].join('\n\n');

const suite = demoSuite('guide-editor');

const editorUrl = (kommune = '9901') => `${suite.server.url}/kommune/${kommune}/rediger`;

function shot(page, name) {
  return page.screenshot({ path: join(suite.output, `guide-editor-${name}.png`), fullPage: true });
}

async function check(page, label, { phone = false } = {}) {
  if (phone) await assertNoHorizontalScroll(page, label);
  await checkA11y(page, label);
}

/** A bilingual field's bokmål input: the fieldset (legend) → "Bokmål". */
const bokmal = (page, legend) => page.getByRole('group', { name: legend, exact: true }).getByLabel(BOKMAL, { exact: true });

/**
 * The page shows hostile Markdown only as text: nothing ran (withPage fails
 * on any dialog), no script in main, no handler or style attribute and no
 * image in the guide text, no javascript: link anywhere.
 */
async function assertNoMarkupFromMarkdown(page, label) {
  assert.equal(await page.locator('main script').count(), 0, `${label}: no <script> in main`);
  assert.equal(await page.locator('.guide-text [onerror], .guide-text [onclick], .guide-text [style]').count(), 0,
    `${label}: no handler or style attribute in the guide text`);
  assert.equal(await page.locator('.guide-text img, .guide-text script, .guide-text iframe').count(), 0,
    `${label}: no image, script or frame in the guide text`);
  assert.equal(await page.locator('a[href^="javascript:" i]').count(), 0, `${label}: no javascript: link`);
  assert.equal(await page.locator('[onerror], [onclick]').count(), 0, `${label}: no event handler attribute on the page`);
  const flagged = await page.evaluate(() => window.__xssRan === true);
  assert.equal(flagged, false, `${label}: nothing ran`);
}

/** The hostile text is visible as the literal text it is, and the valid Markdown became markup. */
async function assertHostileShownAsText(page, label, { link = true } = {}) {
  const text = page.locator('.guide-text');
  for (const literal of [SCRIPT_TEXT, IMG_TEXT, RAW_HTML_TEXT]) {
    assert.ok(await text.getByText(literal, { exact: true }).first().isVisible(), `${label}: "${literal}" shown as text`);
  }
  assert.ok(await text.getByText('klikk her').first().isVisible(), `${label}: the words of the refused link stay`);
  assert.equal(await text.getByRole('link', { name: 'klikk her' }).count(), 0, `${label}: the javascript: link is no link`);
  if (link) {
    const bufdir = text.getByRole('link', { name: 'Bufdir', exact: true });
    assert.equal(await bufdir.count(), 1, `${label}: the safe link is a link`);
    assert.equal(await bufdir.getAttribute('href'), 'https://bufdir.no', `${label}: the safe link's href`);
  }
  const items = await text.locator('ul > li').allTextContents();
  assert.ok(items.map((s) => s.trim()).includes('Første punkt i lista'), `${label}: the list renders as <ul><li>: ${JSON.stringify(items)}`);
  assert.ok(await text.locator('ul > li strong', { hasText: 'uthevet' }).count() >= 1, `${label}: **uthevet** is <strong>`);
  assert.ok(await text.locator('p strong', { hasText: 'Bufdir' }).count() >= 1, `${label}: **Bufdir** is <strong>`);
}

/** Installs a flag an injected script or handler would have to set through alert(): alert() itself sets it. */
async function trapAlerts(context) {
  await context.addInitScript(() => {
    window.__xssRan = false;
    const original = window.alert;
    window.alert = (...args) => { window.__xssRan = true; return original.apply(window, args); };
  });
}

test('the coordinator edits a step and a tool, previews, publishes and the public sees it', TIMEOUT, async (t) => {
  await withPage(suite.browser, DESKTOP, async (page, context) => {
    await trapAlerts(context);
    await demoLogin(page, suite.server.url, BJORN, EMPLOYEES);

    // The editor: levels and steps with "Rediger", tools, the publish form.
    let responses = await navigate(page, () => page.goto(editorUrl()));
    assert.equal(last(responses).status, 200);
    assert.equal(await h1Text(page), EDITOR_TITLE);
    const steps = page.getByRole('region', { name: STEPS_HEADING, exact: true });
    for (const level of LEVELS) {
      assert.ok(await steps.getByRole('heading', { name: level, exact: true }).isVisible(), `level "${level}" shown`);
    }
    assert.ok(await steps.getByRole('link', { name: `${EDIT} ${OLD_STEP_TITLE}`, exact: true }).isVisible(),
      'the step has a "Rediger" link');
    assert.ok(await steps.getByRole('link', { name: `${PREVIEW} ${OLD_STEP_TITLE}`, exact: true }).isVisible(),
      'the step has a "Forhåndsvis" link');
    assert.ok(await steps.getByRole('link', { name: EDIT }).count() >= 19, 'every step has a "Rediger" link');
    const tools = page.getByRole('region', { name: TOOLS_HEADING, exact: true });
    assert.ok(await tools.getByRole('link', { name: `${EDIT} ${TOOL_TITLE}`, exact: true }).isVisible(), 'tools listed');
    assert.ok(await tools.getByRole('link', { name: `${EDIT} ${SCALE_TITLE}`, exact: true }).isVisible(), 'tools listed');
    const publish = page.getByRole('region', { name: PUBLISH_HEADING, exact: true });
    assert.ok(await publish.getByLabel(SUMMARY_LABEL, { exact: true }).isVisible(), 'the publish form has a summary');
    assert.ok(await publish.getByRole('button', { name: PUBLISH, exact: true }).isVisible(), 'the publish button');
    await check(page, 'guide editor (desktop)');
    await shot(page, 'editor-1280');

    // The step "Drøft saken anonymt": a new title and hostile Markdown.
    responses = await navigate(page, () => steps.getByRole('link', { name: `${EDIT} ${OLD_STEP_TITLE}`, exact: true }).click());
    assert.equal(last(responses).status, 200);
    assert.equal(new URL(page.url()).pathname, `/kommune/9901/rediger/trinn/${STEP_KEY}`);
    assert.equal(await h1Text(page), `Rediger trinn: ${OLD_STEP_TITLE}`);
    assert.equal(await bokmal(page, FIELD.title).inputValue(), OLD_STEP_TITLE);
    await check(page, 'step form (desktop)');
    await bokmal(page, FIELD.title).fill(NEW_STEP_TITLE);
    await bokmal(page, FIELD.whatToDo).fill(HOSTILE);
    responses = await navigate(page, () => page.getByRole('button', { name: SAVE, exact: true }).click());
    assert.equal(responses[0].status, 303, 'saved: redirected');
    assert.equal(last(responses).status, 200);
    assert.equal(new URL(page.url()).pathname, '/kommune/9901/rediger', 'back on the editor');
    assert.equal(await h1Text(page), EDITOR_TITLE);
    assert.match(await page.getByRole('status').filter({ hasText: 'Endret' }).first().textContent(), new RegExp(`Endret .*\\(${BJORN}\\)`),
      'the editor says the draft was changed, and by whom');
    assert.ok(await steps.getByRole('link', { name: `${EDIT} ${NEW_STEP_TITLE}`, exact: true }).isVisible(),
      'the list shows the new title');

    // The tool "Tegn og signaler": the same hostile Markdown in its body.
    responses = await navigate(page, () => tools.getByRole('link', { name: `${EDIT} ${TOOL_TITLE}`, exact: true }).click());
    assert.equal(last(responses).status, 200);
    assert.equal(await h1Text(page), `Rediger verktøy: ${TOOL_TITLE}`);
    await check(page, 'tool form (desktop)');
    await bokmal(page, FIELD.body).fill(HOSTILE);
    responses = await navigate(page, () => page.getByRole('button', { name: SAVE, exact: true }).click());
    assert.equal(responses[0].status, 303, 'tool saved: redirected');
    assert.equal(new URL(page.url()).pathname, '/kommune/9901/rediger');

    // The editor's own form shows the hostile text as text in the textarea.
    responses = await navigate(page, () => page.goto(`${editorUrl()}/trinn/${STEP_KEY}`));
    assert.equal(last(responses).status, 200);
    assert.equal(await bokmal(page, FIELD.whatToDo).inputValue(), HOSTILE, 'the stored text is what was typed');
    assert.equal(await page.locator('main script').count(), 0, 'no script on the step form');

    // Preview: banner, the new title, hostile text as text.
    responses = await navigate(page, () => page.goto(editorUrl()));
    responses = await navigate(page, () => steps.getByRole('link', { name: `${PREVIEW} ${NEW_STEP_TITLE}`, exact: true }).click());
    assert.equal(last(responses).status, 200);
    assert.equal(new URL(page.url()).pathname, `/kommune/9901/rediger/forhandsvis/${STEP_KEY}`);
    const banner = page.locator('.guide-preview');
    assert.ok(await banner.isVisible(), 'the preview banner is shown');
    assert.match((await banner.textContent()).trim(), new RegExp(`^${PREVIEW_BANNER}`));
    assert.equal(await h1Text(page), NEW_STEP_TITLE);
    await assertHostileShownAsText(page, 'preview');
    await assertNoMarkupFromMarkdown(page, 'preview');
    await check(page, 'step preview (desktop)');
    await shot(page, 'preview-1280');
    await t.test('a refused link leaves its words, without a stray ")"', async () => {
      const paragraphs = (await page.locator('.guide-text p').allTextContents()).map((s) => s.trim());
      const refused = paragraphs.filter((p) => p.startsWith('klikk her'));
      assert.deepEqual(refused, ['klikk her'], `the refused link's paragraph: ${JSON.stringify(refused)}`);
    });

    // The draft is not public yet.
    await withPage(suite.browser, DESKTOP, async (anon) => {
      const r = await anon.goto(`${suite.server.url}/kommune/9901/veileder/trinn/${STEP_KEY}`);
      assert.equal(r.status(), 200);
      assert.equal(await h1Text(anon), OLD_STEP_TITLE, 'the public sees the published text until publishing');
    });

    // Publish → the history lists version 1.
    responses = await navigate(page, () => page.goto(editorUrl()));
    await page.getByLabel(SUMMARY_LABEL, { exact: true }).fill(CHANGE_SUMMARY);
    responses = await navigate(page, () => page.getByRole('button', { name: PUBLISH, exact: true }).click());
    assert.equal(responses[0].status, 303, 'published: redirected');
    assert.equal(last(responses).status, 200);
    assert.equal(new URL(page.url()).pathname, '/kommune/9901/historikk');
    assert.equal(await h1Text(page), HISTORY);
    const version1 = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Versjon 1', exact: true }) });
    assert.equal(await version1.count(), 1, 'version 1 is listed');
    const entry = (await version1.textContent()).replace(/\s+/g, ' ');
    assert.ok(entry.includes(BJORN), `published by Bjørn: ${entry}`);
    assert.ok(entry.includes(CHANGE_SUMMARY), `with the summary: ${entry}`);
    await check(page, 'history (desktop)');
    await shot(page, 'history-1280');

    // Version 1's diff shows the changed title.
    responses = await navigate(page, () => version1.getByRole('link', { name: 'Versjon 1', exact: true }).click());
    assert.equal(last(responses).status, 200);
    assert.equal(new URL(page.url()).pathname, '/kommune/9901/historikk/1');
    assert.equal(await h1Text(page), 'Versjon 1');
    assert.ok(await page.getByText(CHANGE_SUMMARY, { exact: true }).isVisible(), 'the summary is shown');
    const titleChange = page.locator('.editor-change').filter({ has: page.locator('code', { hasText: `${STEP_KEY} · title.nb` }) });
    assert.equal(await titleChange.count(), 1, 'the title change is listed');
    assert.deepEqual((await titleChange.locator('ins').allTextContents()).map((s) => s.trim()), [`+ ${NEW_STEP_TITLE}`],
      'the new title is an added line');
    assert.deepEqual((await titleChange.locator('del').allTextContents()).map((s) => s.trim()), [`− ${OLD_STEP_TITLE}`],
      'the old title is a removed line');
    assert.ok(await page.locator('.editor-diff ins', { hasText: SCRIPT_TEXT }).count() >= 1,
      'the diff shows the hostile text as text');
    assert.equal(await page.locator('main script, main img, main [onerror], main [onclick]').count(), 0,
      'no markup from the text in the diff');
    await check(page, 'version 1 (desktop)');
    await shot(page, 'version-1-1280');
    await t.test('only the fields that were edited are listed as changed, without carriage returns', async () => {
      const where = (await page.locator('.editor-change code').allTextContents()).map((s) => s.trim()).sort();
      assert.deepEqual(where, [
        `steps.${STEP_KEY} · title.nb`,
        `steps.${STEP_KEY} · what_to_do.nb`,
        `tools.${TOOL_KEY} · body.nb`,
      ].sort(), `changes listed: ${JSON.stringify(where)}`);
      const withCr = await page.locator('.editor-diff').evaluateAll((diffs) => diffs.filter((d) => d.textContent.includes('\r')).length);
      assert.equal(withCr, 0, 'no diff line carries a carriage return');
    });
  });

  // An anonymous visitor sees the published text on the public pages.
  await withPage(suite.browser, DESKTOP, async (page, context) => {
    await trapAlerts(context);
    let responses = await navigate(page, () => page.goto(`${suite.server.url}/kommune/9901/veileder/trinn/${STEP_KEY}`));
    assert.equal(last(responses).status, 200);
    assert.equal(await h1Text(page), NEW_STEP_TITLE);
    assert.equal(await page.locator('.guide-preview').count(), 0, 'no preview banner on the public page');
    await assertHostileShownAsText(page, 'public step');
    await assertNoMarkupFromMarkdown(page, 'public step');
    await check(page, 'public step (desktop)');
    await shot(page, 'public-step-1280');

    responses = await navigate(page, () => page.goto(`${suite.server.url}/kommune/9901/veileder/verktoy/${TOOL_KEY}`));
    assert.equal(last(responses).status, 200);
    assert.equal(await h1Text(page), TOOL_TITLE);
    await assertHostileShownAsText(page, 'public tool');
    await assertNoMarkupFromMarkdown(page, 'public tool');
    await check(page, 'public tool (desktop)');
    await shot(page, 'public-tool-1280');
  });
});

test('bad input is a clear error beside the field, and what was typed is kept', TIMEOUT, async (t) => {
  await withPage(suite.browser, DESKTOP, async (page) => {
    await demoLogin(page, suite.server.url, BJORN, EMPLOYEES);

    // Publishing without a summary.
    let responses = await navigate(page, () => page.goto(editorUrl()));
    assert.equal(last(responses).status, 200);
    await page.getByLabel(SUMMARY_LABEL, { exact: true }).fill('');
    responses = await navigate(page, () => page.getByRole('button', { name: PUBLISH, exact: true }).click());
    assert.equal(last(responses).status, 422);
    assert.equal(new URL(page.url()).pathname, '/kommune/9901/rediger/publiser');
    assert.equal(await h1Text(page), EDITOR_TITLE);
    await assertFieldError(page.getByLabel(SUMMARY_LABEL, { exact: true }), SUMMARY_REQUIRED);
    await assertErrorSummary(page, ERROR_SUMMARY);
    await check(page, 'publish without a summary (desktop)');
    await shot(page, 'publish-empty-summary-1280');

    // A step with an empty bokmål title.
    responses = await navigate(page, () => page.goto(`${editorUrl()}/trinn/n1-samtykke`));
    assert.equal(last(responses).status, 200);
    const oldTitle = await bokmal(page, FIELD.title).inputValue();
    const whatToDo = 'Be foreldrene om samtykke. Dette er tekst som skal bli stående.';
    await bokmal(page, FIELD.title).fill('');
    await bokmal(page, FIELD.whatToDo).fill(whatToDo);
    responses = await navigate(page, () => page.getByRole('button', { name: SAVE, exact: true }).click());
    assert.equal(last(responses).status, 422);
    const lines = await assertErrorSummary(page, ERROR_SUMMARY);
    assert.ok(lines.length >= 1, `the summary names the problem: ${JSON.stringify(lines)}`);
    assert.ok(await page.locator('.ds-error-summary a[href="#field-title"]').count() >= 1,
      `the summary points at the title: ${JSON.stringify(lines)}`);
    const titleGroup = page.getByRole('group', { name: FIELD.title, exact: true });
    const titleMessages = await describedBy(titleGroup);
    assert.equal(titleMessages.length, 1, `the title's fieldset is described by its message: ${JSON.stringify(titleMessages)}`);
    assert.ok(await titleGroup.locator('.ds-validation-message').isVisible(), 'the message is shown in the title fieldset');
    assert.equal(await bokmal(page, FIELD.title).inputValue(), '', 'the empty title stays empty');
    assert.equal(await bokmal(page, FIELD.whatToDo).inputValue(), whatToDo, 'what was typed is kept');
    await check(page, 'step with an empty title (desktop)');
    await shot(page, 'step-empty-title-1280');
    await t.test('the empty bokmål title input itself is marked invalid', async () => {
      assert.equal(await bokmal(page, FIELD.title).getAttribute('aria-invalid'), 'true', 'aria-invalid on the input');
    });
    await t.test('the title fieldset\'s message has the danger colour of a validation message', async () => {
      const colors = await page.evaluate(() => {
        const probe = document.createElement('p');
        probe.className = 'ds-validation-message';
        probe.dataset.color = 'danger';
        probe.textContent = 'probe';
        document.querySelector('main').append(probe);
        const expected = getComputedStyle(probe).color;
        probe.remove();
        return { actual: getComputedStyle(document.getElementById('title-error')).color, expected };
      });
      assert.equal(colors.actual, colors.expected, 'the message beside the title is danger-coloured');
    });
    await t.test('the error summary names the field as the form does, not the document path', async () => {
      assert.ok(lines.every((l) => !/\blevels\.\d/.test(l)), `no internal path: ${JSON.stringify(lines)}`);
      assert.ok(lines.some((l) => l.includes(FIELD.title)), `names "${FIELD.title}": ${JSON.stringify(lines)}`);
    });
    // Nothing was stored.
    responses = await navigate(page, () => page.goto(`${editorUrl()}/trinn/n1-samtykke`));
    assert.equal(await bokmal(page, FIELD.title).inputValue(), oldTitle, 'the stored title is unchanged');

    // The worry scale's form definition with an unknown field type.
    responses = await navigate(page, () => page.goto(`${editorUrl()}/verktoy/${SCALE_KEY}`));
    assert.equal(last(responses).status, 200);
    assert.equal(await h1Text(page), `Rediger verktøy: ${SCALE_TITLE}`);
    const formJson = page.getByLabel(FIELD.form, { exact: true });
    const original = await formJson.inputValue();
    assert.ok(original.includes('"type": "scale"'), 'the form definition is shown as readable JSON');
    const broken = original.replace('"type": "scale"', '"type": "file_upload"');
    await formJson.fill(broken);
    responses = await navigate(page, () => page.getByRole('button', { name: SAVE, exact: true }).click());
    assert.equal(last(responses).status, 422);
    const toolLines = await assertErrorSummary(page, ERROR_SUMMARY);
    assert.ok(toolLines.some((l) => l.includes(UNKNOWN_FIELD_TYPE)), `the summary says why: ${JSON.stringify(toolLines)}`);
    const field = page.getByLabel(FIELD.form, { exact: true });
    assert.equal(await field.getAttribute('aria-invalid'), 'true', 'the form JSON is marked invalid');
    const described = await describedBy(field);
    assert.ok(described.some((d) => d.includes(UNKNOWN_FIELD_TYPE)), `beside the form JSON: ${JSON.stringify(described)}`);
    assert.ok(await page.locator('#field-form').getByText(UNKNOWN_FIELD_TYPE).isVisible(), 'the message is shown by the field');
    assert.equal(await field.inputValue(), broken, 'what was typed is kept');
    await check(page, 'tool with an unknown field type (desktop)');
    await shot(page, 'tool-unknown-field-type-1280');
  });
});

test('only the municipality\'s own coordinator may edit its guide', TIMEOUT, async () => {
  await withPage(suite.browser, DESKTOP, async (page) => {
    await demoLogin(page, suite.server.url, GRY, EMPLOYEES);
    let responses = await navigate(page, () => page.goto(editorUrl('9901')));
    assert.equal(last(responses).status, 403, 'Lauvåsen\'s coordinator: not Fjordvik\'s editor');
    assert.equal(await h1Text(page), FORBIDDEN);
    assert.equal(await page.getByRole('button', { name: PUBLISH }).count(), 0, 'no editor on the 403 page');
    await check(page, '403 for another municipality\'s coordinator (desktop)');
    await shot(page, 'gry-403-1280');
    responses = await navigate(page, () => page.goto(editorUrl('9902')));
    assert.equal(last(responses).status, 200, 'her own municipality\'s editor');
    assert.equal(await h1Text(page), EDITOR_TITLE);
    assert.ok((await page.locator('p.lead').textContent()).includes('Lauvåsen'), 'Lauvåsen\'s guide');
  });
  await withPage(suite.browser, DESKTOP, async (page) => {
    await demoLogin(page, suite.server.url, INGRID, EMPLOYEES);
    const responses = await navigate(page, () => page.goto(editorUrl('9901')));
    assert.equal(last(responses).status, 403, 'an ordinary teacher');
    assert.equal(await h1Text(page), FORBIDDEN);
    await check(page, '403 for a teacher (desktop)');
  });
});

test('the editor fits a phone', TIMEOUT, async () => {
  await withPage(suite.browser, PHONE, async (page) => {
    await demoLogin(page, suite.server.url, BJORN, EMPLOYEES);
    let responses = await navigate(page, () => page.goto(editorUrl()));
    assert.equal(last(responses).status, 200);
    assert.equal(await h1Text(page), EDITOR_TITLE);
    await check(page, 'guide editor (phone)', { phone: true });
    await shot(page, 'editor-375');

    responses = await navigate(page, () => page.getByRole('link', { name: `${EDIT} ${NEW_STEP_TITLE}`, exact: true }).click());
    assert.equal(last(responses).status, 200);
    assert.equal(await h1Text(page), `Rediger trinn: ${NEW_STEP_TITLE}`);
    await check(page, 'step form (phone)', { phone: true });
    await shot(page, 'step-375');

    responses = await navigate(page, () => page.goto(`${editorUrl()}/verktoy/${SCALE_KEY}`));
    assert.equal(last(responses).status, 200);
    await check(page, 'tool form with form JSON (phone)', { phone: true });
    await shot(page, 'tool-375');
  });
});

test('the coordinator adds a step and edits the guide\'s own texts and contacts', TIMEOUT, async () => {
  await withPage(suite.browser, DESKTOP, async (page) => {
    await demoLogin(page, suite.server.url, BJORN, EMPLOYEES);
    let responses = await navigate(page, () => page.goto(editorUrl()));
    assert.equal(last(responses).status, 200);
    // A new step at level 2: its own form, then listed in the editor.
    responses = await navigate(page, () => page.getByRole('link', { name: /^Nytt trinn \(Nivå 2/ }).click());
    assert.equal(last(responses).status, 200);
    assert.equal(await h1Text(page), 'Rediger trinn: Nytt trinn');
    await check(page, 'new step (desktop)');
    await bokmal(page, 'Tittel').fill('Møte med PPT');
    await page.getByRole('group', { name: 'Tittel', exact: true }).getByLabel('Nynorsk', { exact: true }).fill('Møte med PPT');
    await bokmal(page, 'Dette gjør du').fill('- Avtal tid med PPT\n- Ta med samtykket');
    await page.getByRole('group', { name: 'Dette gjør du', exact: true }).getByLabel('Nynorsk', { exact: true })
      .fill('- Avtal tid med PPT');
    responses = await navigate(page, () => page.getByRole('button', { name: 'Lagre i utkastet', exact: true }).click());
    assert.equal(last(responses).status, 200);
    assert.equal(new URL(page.url()).pathname, '/kommune/9901/rediger');
    assert.ok(await page.getByRole('status').filter({ hasText: 'Lagret i utkastet.' }).isVisible());
    assert.ok(await page.getByRole('link', { name: 'Rediger Møte med PPT', exact: true }).isVisible(), 'the new step is listed');

    // The guide's own texts and the citizen page's contacts; a bad phone number is refused beside nothing lost.
    responses = await navigate(page, () => page.getByRole('link', { name: 'Rediger tekstene for hele veilederen' }).click());
    assert.equal(last(responses).status, 200);
    await check(page, 'guide texts (desktop)');
    const phone = page.getByRole('group', { name: 'Kontakt 1', exact: true }).getByLabel('Telefon', { exact: true });
    const original = await phone.inputValue();
    await phone.fill('ring oss');
    responses = await navigate(page, () => page.getByRole('button', { name: 'Lagre i utkastet', exact: true }).click());
    assert.equal(last(responses).status, 422);
    assert.equal(await phone.inputValue(), 'ring oss', 'what was typed stays');
    await check(page, 'guide texts with an error (desktop)');
    await phone.fill(original);
    responses = await navigate(page, () => page.getByRole('button', { name: 'Lagre i utkastet', exact: true }).click());
    assert.equal(last(responses).status, 200);
    assert.equal(new URL(page.url()).pathname, '/kommune/9901/rediger');
    await shot(page, 'texts-saved-1280');
  });
});
