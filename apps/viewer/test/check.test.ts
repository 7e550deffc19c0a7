/**
 * The overview's "Check a figure" box, in Chromium on the site built from the real dataset: the
 * issue's sentence agrees with Europol's 6,558, a figure the ledger contradicts, the claims shown are
 * those `@encrochat-ledger/check` gives for the same text, keyboard alone, axe clean at desktop and
 * phone width, the checker loaded only when the box is used, and typed markup shown as text.
 */
import * as dataset from '@encrochat-ledger/dataset';
import { checkText } from '@encrochat-ledger/check';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  browserSession,
  DESKTOP,
  expectCleanPage,
  openDetails,
  sites,
  visit,
  WIDTHS,
  type Viewport,
  type Watched,
} from './support.js';

const session = browserSession(sites.default);

const EUROPE = 'Police across Europe made more than 6,500 arrests';
const UK = 'More than 10,000 arrests were made in the UK.';
const EUROPOL = 'europol-2023-06-27-dismantling-encrochat-6500-arrests/world-arrests';
const TELEGRAPH = 'telegraph-2023-10-09-drug-kingpins-among-1200/uk-arrests';

/** Types the text into the box with the keyboard, then Tab to the button and Enter. */
async function checkByKeyboard(page: Page, text: string): Promise<void> {
  await page.locator('#check-text').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('check-button');
  await page.keyboard.press('Enter');
}

/** The answer shown for the first figure, and the claims listed, as the page shows them. */
async function shown(page: Page) {
  await page.locator('[data-check-answer]').first().waitFor();
  const figure = page.locator('[data-check-figure="1"]');
  const claims = (verdict: string) =>
    figure
      .locator(`li[data-check-verdict="${verdict}"]`)
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-check-claim')!));
  return {
    answer: await figure.getAttribute('data-check-answer'),
    heading: await figure.locator('h3').textContent(),
    verdict: await figure.locator('.check-verdict').textContent(),
    understood: await figure.locator('.check-understood li').allTextContents(),
    agrees: await claims('agrees'),
    contradicts: await claims('contradicts'),
    status: await page.locator('#check-status').textContent(),
  };
}

/** What the library answers for the same text on the dataset package. */
const expected = (text: string) => {
  const f = checkText(text, dataset).figures[0]!;
  return {
    answer: f.answer,
    agrees: f.agrees.map((c) => c.claim_id),
    contradicts: f.contradicts.map((c) => c.claim_id),
  };
};

async function openOverview(viewport: Viewport = DESKTOP): Promise<Watched> {
  const w = await session.open(viewport);
  await visit(w, session.url, '#/');
  return w;
}

describe('Check a figure, on the overview', () => {
  it('has a labelled box; the checker is loaded only when it is used', async () => {
    const w = await openOverview();
    const box = w.page.getByRole('region', { name: 'Check a figure' });
    await expect.poll(() => box.getByRole('heading', { name: 'Check a figure' }).count()).toBe(1);
    expect(await box.getByRole('textbox', { name: /Paste a sentence/ }).count()).toBe(1);
    expect(await box.getByRole('button', { name: 'Check' }).count()).toBe(1);
    expect(w.requests.filter((r) => /check-answer/.test(r))).toEqual([]);
    await checkByKeyboard(w.page, EUROPE);
    await w.page.locator('[data-check-answer]').first().waitFor();
    expect(w.requests.filter((r) => /assets\/check-answer-[\w-]+\.js$/.test(r))).toHaveLength(1);
    await w.context.close();
  });

  it(`"${EUROPE}": agrees, with Europol's 6,558 first, and says what it understood`, async () => {
    const w = await openOverview();
    await checkByKeyboard(w.page, EUROPE);
    const s = await shown(w.page);
    expect(s.answer).toBe('agrees');
    expect(s.heading).toBe('“more than 6,500 arrests”');
    expect(s.verdict).toMatch(
      /^Agrees with the figure to quote first: 6,558 for World, 27 June 2023/,
    );
    expect(s.understood).toEqual(
      expect.arrayContaining([
        "'6,500' read as more than 6,500 ('more than')",
        "'arrests' → arrests (arrests)",
        "place 'Europe' → Europe (europe)",
      ]),
    );
    expect(s.status).toBe('1 figure checked: 1 agrees.');
    expect(s.agrees[0]).toBe(EUROPOL);
    expect({ answer: s.answer, agrees: s.agrees, contradicts: s.contradicts }).toEqual(
      expected(EUROPE),
    );
    // Each claim with its figure, date, source and quote, and a link to its page.
    const europol = w.page.locator(`li[data-check-claim="${EUROPOL}"]`);
    expect(await europol.locator('.check-claim-head').textContent()).toMatch(
      /^6,558 · World · 27 June 2023 · .+figure to quote first$/,
    );
    expect(await europol.locator('blockquote').textContent()).toBe(
      '“6 558 suspects arrested, amongst whom 197 High Value Targets”',
    );
    expect(await w.page.locator('.check-unused').textContent()).toBe('Not used: ‘Police’.');
    await europol.locator('a.check-figure').click();
    await w.page.waitForFunction(
      (id) => location.hash === `#/claim/${encodeURIComponent(id)}`,
      EUROPOL,
    );
    await w.context.close();
  });

  it(`"${UK}": contradicts, with the UK's 3,100 first (Ctrl+Enter checks)`, async () => {
    const w = await openOverview();
    await w.page.locator('#check-text').fill(UK);
    await w.page.locator('#check-text').press('Control+Enter');
    const s = await shown(w.page);
    expect(s.answer).toBe('contradicts');
    expect(s.verdict).toMatch(/^Contradicts the figure to quote first: 3,100 for United Kingdom/);
    expect(s.contradicts[0]).toBe(TELEGRAPH);
    expect({ answer: s.answer, agrees: s.agrees, contradicts: s.contradicts }).toEqual(
      expected(UK),
    );
    await w.context.close();
  });

  it('says what it did not understand, and when there is no figure', async () => {
    const w = await openOverview();
    await checkByKeyboard(w.page, 'Police made 746 arrests');
    const s = await shown(w.page);
    expect(s.answer).toBe('not-understood');
    expect(await w.page.locator('.check-not-understood li').allTextContents()).toEqual([
      expect.stringContaining('no place is named'),
    ]);
    expect(
      await w.page
        .locator('.check-elsewhere a', { hasText: 'United Kingdom' })
        .getAttribute('href'),
    ).toBe('#/claims?metric=arrests&place=united-kingdom');
    await checkByKeyboard(w.page, 'The operation was a success.');
    await expect
      .poll(() => w.page.locator('#check-status').textContent())
      .toBe('No figure in the text: no number was found to check.');
    expect(await w.page.locator('[data-check-answer]').count()).toBe(0);
    await checkByKeyboard(w.page, '   ');
    await expect
      .poll(() => w.page.locator('#check-status').textContent())
      .toBe('Type or paste a sentence with a figure first.');
    await w.context.close();
  });

  it('shows typed markup as text: nothing runs, no element is made from it', async () => {
    const w = await openOverview();
    const hostile =
      '<img src=x onerror="window.__pwned=1"> 746 arrests in the UK <script>window.__pwned=2</script> "><svg onload=alert(1)>';
    await w.page.locator('#check-text').fill(hostile);
    await w.page.locator('#check-button').click();
    await w.page.locator('[data-check-answer]').first().waitFor();
    const dom = await w.page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
      made: document.querySelectorAll('#check-answer img, #check-answer script, #check-answer svg')
        .length,
      handlers: [...document.querySelectorAll('#check-answer *')].flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name),
      ),
      text: document.getElementById('check-answer')!.textContent,
    }));
    expect(dom).toMatchObject({ pwned: null, made: 0, handlers: [] });
    expect(dom.text).toContain('‘onerror’');
    expect(w.dialogs).toEqual([]);
    await w.context.close();
  });

  for (const [label, viewport] of WIDTHS)
    it(`is axe clean and fits the screen with an answer shown, at ${label} width`, async () => {
      const w = await openOverview(viewport);
      await checkByKeyboard(
        w.page,
        `${EUROPE}. ${UK} Police in the UK seized £54m in cash and two tonnes of drugs.`,
      );
      await w.page.locator('[data-check-figure="4"]').waitFor();
      await w.page.locator('#check-answer').scrollIntoViewIfNeeded();
      await expectCleanPage(w, `check-${label}`, (page) =>
        openDetails(page, '#check-answer details'),
      );
    });
});
