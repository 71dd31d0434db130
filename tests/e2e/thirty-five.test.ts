/**
 * A whole game of Thirty Five at /dev in real headless Chromium on the real local stack: five
 * participants write a card in their side panels, the facilitator (Alex Morgan) deals, five rounds
 * are opened, split by every pair and closed, the game is finished, a duplicate merged, the result
 * committed; the stage shows the ranked list and the channel tab the prioritised backlog.
 */
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import {
  expectNoAxeViolations,
  expectNoAxeViolationsAtDev,
  framesOf,
  launchChromium,
  requireBuiltTab,
  SCREENSHOTS,
  skipE2E,
  waitUntil,
} from '../fixtures/browser';
import { startLocalStack, type LocalStack } from '../fixtures/local-stack';

const describeE2E = skipE2E ? describe.skip : describe;
const PARTICIPANTS = 5;
const ROUNDS = 5;

const TOPICS = [
  ['Remote retrospectives that people enjoy', 'Formats and tools that keep a distributed team engaged'],
  ['Coaching product owners on refinement', ''],
  ['Metrics that do not turn into targets', 'Flow metrics, and how to keep them honest'],
  ['Handling a team that skips the daily', ''],
  ['Scaling with several teams on one product', 'Nexus, LeSS, or just a shared review?'],
];

/** A split option in the pair's card order (the same for both partners), and sending it. */
const pickSplit = async (panel: Frame, first: number) => {
  await panel.locator(`[data-testid="t5-split"] input[value="${first}-${7 - first}"]`).check();
  await panel.getByTestId('t5-split-submit').click();
};

describeE2E('Thirty Five at /dev', () => {
  let stack: LocalStack;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: Browser;

  beforeAll(async () => {
    requireBuiltTab();
    chromium = await launchChromium();
    browser = chromium.browser;
    stack = await startLocalStack();
  });
  afterAll(async () => {
    await chromium?.close();
    await stack?.stop();
  });

  const userOf = (f: Frame) => new URL(f.url()).searchParams.get('user') ?? '';

  type Who = { user: string; name: string };
  const BEA: Who = { user: 'dev-user-2', name: 'Bea Okafor' };
  const whoOf = (f: Frame): Who => {
    const q = new URL(f.url()).searchParams;
    return { user: q.get('user') ?? '', name: q.get('name') ?? '' };
  };
  const localUrl = (frame: string, theme: string, who: Who = BEA) =>
    `${stack.url}/tab/?host=local&frame=${frame}&tenant=local-tenant&user=${encodeURIComponent(who.user)}&name=${encodeURIComponent(who.name)}&meeting=local-meeting&channel=local-channel&theme=${theme}`;

  /** A page of its own (e.g. the 320 px side panel), for a full-page screenshot. */
  async function shoot(
    frame: string,
    theme: string,
    viewport: { width: number; height: number },
    file: string,
    ready: (p: Page) => Promise<void>,
    who: Who = BEA,
  ) {
    const p = await browser.newPage({ viewport });
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(localUrl(frame, theme, who));
    await p.locator('[data-testid="live-status"][data-status="connected"]').waitFor({ timeout: 30000 });
    await ready(p);
    if (frame === 'sidePanel') {
      const overflow = await p.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    }
    // The light theme is checked where the test works (the /dev frames); these add dark and high contrast.
    if (theme !== 'default') await expectNoAxeViolations(p, `${file} (${frame}, ${theme})`);
    await p.screenshot({ path: path.join(SCREENSHOTS, file), fullPage: true });
    expect(errors).toEqual([]);
    await p.close();
  }

  it('plays a whole game: cards, deal, five rounds, finish, merge, commit; stage and backlog follow', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1200 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${stack.url}/dev?participants=${PARTICIPANTS}&theme=default`);
    await page.getByTestId('dev-page').waitFor();
    await waitUntil(
      () =>
        framesOf(page, 'sidePanel').length === PARTICIPANTS &&
        framesOf(page, 'meetingStage').length === 1 &&
        framesOf(page, 'content').length === 1,
      'every side panel, the stage and the channel tab frame',
    );
    const panels = framesOf(page, 'sidePanel');
    const [stage] = framesOf(page, 'meetingStage');
    const [channel] = framesOf(page, 'content');
    const alex = panels.find((f) => userOf(f) === 'dev-user-1')!;
    expect(alex).toBeDefined();
    // Seven live clients in one browser on a loaded 2-core machine can take a while to connect.
    for (const p of panels)
      await p.locator('[data-testid="live-status"][data-status="connected"]').waitFor({ timeout: 90000 });
    await stage!.locator('[data-testid="live-status"][data-status="connected"]').waitFor({ timeout: 90000 });

    // No game yet: everyone reads what Thirty Five is; only the facilitator can start it.
    for (const p of panels) await p.getByTestId('t5-explain').waitFor();
    await expectNoAxeViolationsAtDev(page, 'Thirty Five: no game yet');
    expect(
      await panels
        .find((f) => f !== alex)!
        .getByTestId('t5-start')
        .count(),
    ).toBe(0);
    await alex.getByTestId('t5-start').click();

    // Every participant writes a card; the stage counts them without showing any text.
    for (const [i, p] of panels.entries()) {
      const [title, description] = TOPICS[i]!;
      await p.getByTestId('t5-card-title').waitFor({ timeout: 20000 });
      await p.getByTestId('t5-card-title').fill(title!);
      await p.getByText(`${title!.length} / 80`).first().waitFor();
      if (i === 0) await expectNoAxeViolationsAtDev(page, 'Thirty Five: writing a card');
      if (description) await p.getByTestId('t5-card-description').fill(description);
      await p.getByTestId('t5-card-save').click();
      await p.getByTestId('t5-my-card-title').filter({ hasText: title! }).waitFor();
    }
    await shoot(
      'sidePanel',
      'default',
      { width: 320, height: 900 },
      'thirty-five-side-panel-writing-default.png',
      async (p) => {
        await p.getByTestId('t5-my-card').waitFor({ timeout: 20000 });
      },
    );
    await stage!
      .getByTestId('stage-t5-cards-written')
      .filter({ hasText: `${PARTICIPANTS} cards written` })
      .waitFor({ timeout: 20000 });
    const stageText = await stage!.locator('body').innerText();
    for (const [t] of TOPICS) expect(stageText).not.toContain(t!);

    await alex
      .getByTestId('t5-deal')
      .filter({ hasText: `Deal ${PARTICIPANTS} cards` })
      .waitFor({ timeout: 20000 });
    await alex.getByTestId('t5-deal').click();
    for (const p of panels)
      await p
        .getByTestId('t5-waiting')
        .filter({ hasText: `Round 1 of ${ROUNDS} — waiting for the facilitator` })
        .waitFor({ timeout: 20000 });
    await expectNoAxeViolationsAtDev(page, 'Thirty Five: dealt, waiting for round 1');

    for (let round = 0; round < ROUNDS; round++) {
      if (round === 0) await alex.getByTestId('t5-timer').selectOption('5');
      await alex.getByTestId('t5-open-round').click();
      await stage!
        .getByTestId('stage-t5-round')
        .filter({ hasText: `Round ${round + 1} of ${ROUNDS}` })
        .waitFor({ timeout: 20000 });

      // Each panel shows a seat (a pair) or a bye; with five people, two pairs and one bye.
      const seats: { panel: Frame; pair: number; me: number }[] = [];
      let byes = 0;
      for (const p of panels) {
        await p.locator('[data-testid="t5-seat"], [data-testid="t5-bye"]').first().waitFor({ timeout: 20000 });
        const seat = p.getByTestId('t5-seat');
        if ((await seat.count()) === 0) {
          byes += 1;
          await p.getByText('You sit this round out, holding').waitFor();
          continue;
        }
        seats.push({
          panel: p,
          pair: Number(await seat.getAttribute('data-pair')),
          me: Number(await seat.getAttribute('data-me')),
        });
      }
      expect(byes).toBe(1);
      expect(seats).toHaveLength(4);

      // Both holders of a pair pick the same split, each from their own perspective: k points for
      // the pair's first card. In round 2, one pair first disagrees and then settles it.
      if (round === 0) {
        // The stage at the start of a round: who is still to score, the timer.
        await stage!
          .getByTestId('stage-t5-to-score')
          .filter({ hasText: 'Still to score:' })
          .waitFor({ timeout: 20000 });
        await expectNoAxeViolationsAtDev(page, 'Thirty Five: round 1 open');
        for (const theme of ['default', 'dark']) {
          await shoot(
            'meetingStage',
            theme,
            { width: 1600, height: 900 },
            `thirty-five-stage-round-${theme}.png`,
            async (p) => {
              await p
                .getByTestId('stage-t5-to-score')
                .filter({ hasText: 'Still to score:' })
                .waitFor({ timeout: 20000 });
            },
          );
        }
      }
      const kOf = (pair: number) => (round * 3 + pair * 2 + 1) % 8;
      for (const s of seats) {
        const k = kOf(s.pair);
        const disagree = round === 1 && s.pair === 0 && s.me === 1;
        await pickSplit(s.panel, disagree ? (k + 1) % 8 : k);
      }
      if (round === 0) {
        await stage!
          .getByTestId('stage-t5-agreed')
          .filter({ hasText: '2 of 2 pairs agreed' })
          .waitFor({ timeout: 20000 });
        await stage!
          .getByTestId('stage-t5-timer')
          .filter({ hasText: /^0[45]:\d\d$/ })
          .waitFor();
        // Screenshots in a round: a participant's side panel at 320 px and the stage, light and dark.
        for (const theme of ['default', 'dark', 'contrast']) {
          // A seated participant who is not the facilitator, after their pair agreed.
          const seated = seats.find((x) => x.panel !== alex)!;
          await shoot(
            'sidePanel',
            theme,
            { width: 320, height: 900 },
            `thirty-five-side-panel-round-${theme}.png`,
            async (p) => {
              await p.getByTestId('t5-seat').waitFor({ timeout: 20000 });
            },
            whoOf(seated.panel),
          );
        }
      }
      if (round === 1) {
        const odd = seats.find((s) => s.pair === 0 && s.me === 1)!;
        await odd.panel
          .getByTestId('t5-pair-status')
          .filter({ hasText: 'talk it over and pick the same' })
          .waitFor({ timeout: 20000 });
        await alex.getByTestId('t5-progress').filter({ hasText: '1 of 2 pairs agreed' }).waitFor({ timeout: 20000 });
        await alex.getByTestId('t5-open-pair').first().waitFor();
        await stage!.getByTestId('stage-t5-agreed').filter({ hasText: '1 of 2 pairs agreed' }).waitFor();
        await expectNoAxeViolationsAtDev(page, 'Thirty Five: round 2 with a mismatch');
        await shoot(
          'sidePanel',
          'default',
          { width: 320, height: 900 },
          'thirty-five-side-panel-facilitator-default.png',
          async (p) => {
            await p.getByTestId('t5-open-pair').waitFor({ timeout: 20000 });
          },
          { user: 'dev-user-1', name: 'Alex Morgan' },
        );
        await pickSplit(odd.panel, kOf(0));
      }
      for (const s of seats)
        await s.panel.locator('[data-testid="t5-pair-status"][data-status="agreed"]').waitFor({ timeout: 20000 });
      await alex.getByTestId('t5-progress').filter({ hasText: '2 of 2 pairs agreed' }).waitFor({ timeout: 20000 });
      await alex.getByTestId('t5-close-round').click();
      if (round < ROUNDS - 1) {
        for (const p of panels)
          await p
            .getByTestId('t5-waiting')
            .filter({ hasText: `Round ${round + 2} of ${ROUNDS} — waiting for the facilitator` })
            .waitFor({ timeout: 20000 });
      }
    }

    await alex.getByTestId('t5-finish').click();
    for (const p of panels) await p.getByTestId('t5-ranked').waitFor({ timeout: 20000 });
    expect(await alex.getByTestId('t5-ranked-item').count()).toBe(PARTICIPANTS);
    await expectNoAxeViolationsAtDev(page, 'Thirty Five: finished, ranked');

    // Merge the last card into the first one (and undo once, to see it come back).
    const titles = await alex.getByTestId('t5-ranked-title').allInnerTexts();
    const pick = async (testId: string, title: string) => {
      const value = await alex
        .getByTestId(testId)
        .locator('option', { hasText: title.slice(0, 30) })
        .first()
        .getAttribute('value');
      await alex.getByTestId(testId).selectOption(value!);
    };
    await pick('t5-merge-from', titles[PARTICIPANTS - 1]!);
    await pick('t5-merge-into', titles[0]!);
    await alex.getByTestId('t5-merge').click();
    await alex.getByTestId('t5-merged').waitFor();
    await expectNoAxeViolations(alex, 'Thirty Five: the facilitator panel with a merge');
    await alex.getByTestId('t5-unmerge').click();
    await waitUntil(async () => (await alex.getByTestId('t5-merged').count()) === 0, 'the merge to be undone');
    await pick('t5-merge-from', titles[PARTICIPANTS - 1]!);
    await pick('t5-merge-into', titles[0]!);
    await alex.getByTestId('t5-merge').click();
    await waitUntil(
      async () => (await alex.getByTestId('t5-ranked-item').count()) === PARTICIPANTS - 1,
      'the merged list',
    );

    await alex.getByTestId('t5-commit').click();
    await alex
      .getByTestId('t5-committed')
      .filter({ hasText: `In the backlog: ${PARTICIPANTS - 1} topics` })
      .waitFor({ timeout: 20000 });

    // The stage: the ranked list with scores out of 35, the merged card beneath, the retrospective.
    const ranked = stage!.getByTestId('stage-t5-ranked');
    await ranked.waitFor({ timeout: 20000 });
    expect(await stage!.getByTestId('stage-t5-ranked-item').count()).toBe(PARTICIPANTS - 1);
    const scores = await stage!.getByTestId('stage-t5-ranked-score').allInnerTexts();
    expect(scores[0]).toMatch(/^\d+\.\d (\/ 35|· 2 cards together)$/);
    for (const s of scores.filter((x) => !x.includes('together'))) expect(s).toMatch(/^\d+\.\d \/ 35$/);
    expect(scores.filter((x) => x.includes('· 2 cards together'))).toHaveLength(1);
    await ranked
      .getByText(titles[PARTICIPANTS - 1]!)
      .first()
      .waitFor();
    await ranked
      .getByText(/rests on 4 of 5 rounds/)
      .first()
      .waitFor();
    await stage!
      .getByTestId('stage-t5-retro')
      .filter({ hasText: 'How did this go? What would make the next game better?' })
      .waitFor();
    await stage!
      .getByTestId('stage-t5')
      .filter({ hasText: `In the backlog: ${PARTICIPANTS - 1} topics` })
      .waitFor();
    for (const theme of ['default', 'dark', 'contrast']) {
      await shoot(
        'meetingStage',
        theme,
        { width: 1600, height: 1000 },
        `thirty-five-stage-result-${theme}.png`,
        async (p) => {
          await p.getByTestId('stage-t5-retro').waitFor({ timeout: 20000 });
        },
      );
    }
    await shoot(
      'sidePanel',
      'default',
      { width: 320, height: 900 },
      'thirty-five-side-panel-result-default.png',
      async (p) => {
        await p.getByTestId('t5-committed').waitFor({ timeout: 20000 });
      },
    );

    // The channel tab (opened before the game, never reloaded) follows the commit by itself: the
    // topics are prioritised, in rank order, each with its score.
    const items = channel!.locator('[data-testid="backlog-item"][data-state="prioritised"]');
    await waitUntil(
      async () => (await items.count()) === PARTICIPANTS - 1,
      'the prioritised topics in the channel tab',
    );
    const ranks = (await channel!.getByTestId('backlog-rank').allInnerTexts()).map((r) => Number(r.replace('#', '')));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(ranks[0]).toBe(1);
    const backlogScores = await channel!.getByTestId('backlog-score').allInnerTexts();
    for (const s of backlogScores) expect(s).toMatch(/^\d+\.\d (\/ 35|· 2 cards together), \d+ rounds?$/);
    expect(backlogScores.filter((s) => s.includes('· 2 cards together'))).toHaveLength(1);
    await items.first().getByText(titles[0]!).waitFor();
    await expectNoAxeViolationsAtDev(page, 'Thirty Five: committed, the backlog in the channel tab');

    await page.screenshot({ path: path.join(SCREENSHOTS, 'thirty-five-dev-light.png'), fullPage: true });
    const cp = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await cp.goto(localUrl('content', 'default', { user: 'dev-user-1', name: 'Alex Morgan' }));
    await cp.locator('[data-testid="backlog-item"][data-state="prioritised"]').first().waitFor({ timeout: 20000 });
    await cp.screenshot({ path: path.join(SCREENSHOTS, 'thirty-five-channel-backlog.png'), fullPage: true });
    await cp.close();
    expect(errors).toEqual([]);
    await page.close();
  }, 420_000); // a whole game with five people, every split through the server, a dozen screenshots and an accessibility check at each state

  it('keyboard: arrows move without choosing, Enter sends; focus stays when the partner picks; closing a round that loses votes asks first; both read the same split', async () => {
    // Each person in a page of their own, as on their own computers: one partner's clicks never move the other's focus.
    expect((await fetch(`${stack.url}/api/dev/setup?participants=2`)).ok).toBe(true); // as /dev does
    const errors: string[] = [];
    const open = async (frame: string, who: Who) => {
      const p = await browser.newPage({ viewport: { width: 320, height: 1000 } });
      p.on('pageerror', (e) => errors.push(e.message));
      await p.goto(localUrl(frame, 'default', who));
      await p.locator('[data-testid="live-status"][data-status="connected"]').waitFor({ timeout: 30000 });
      return p;
    };
    const ALEX: Who = { user: 'dev-user-1', name: 'Alex Morgan' };
    const [alexPage, beaPage, stagePage] = [
      await open('sidePanel', ALEX),
      await open('sidePanel', BEA),
      await open('meetingStage', ALEX),
    ];
    const [alex, bea, stage] = [alexPage.mainFrame(), beaPage.mainFrame(), stagePage.mainFrame()];
    const page = alexPage;
    // A new game in this meeting (after the whole game above, "Start another game").
    await alex
      .locator('[data-testid="t5-start"], [data-testid="t5-start-another"]')
      .first()
      .waitFor({ timeout: 20000 });
    if (await alex.getByTestId('t5-rounds').count()) await alex.getByTestId('t5-rounds').selectOption('2');
    await alex.locator('[data-testid="t5-start"], [data-testid="t5-start-another"]').first().click();
    for (const [i, p] of [alex, bea].entries()) {
      await p.getByTestId('t5-card-title').waitFor({ timeout: 20000 });
      await p.getByTestId('t5-card-title').fill(`Keyboard topic ${i + 1}`);
      await p.getByTestId('t5-card-save').click();
      await p.getByTestId('t5-my-card').waitFor({ timeout: 20000 });
    }
    await alex.getByTestId('t5-deal').filter({ hasText: 'Deal 2 cards' }).waitFor({ timeout: 20000 });
    await alex.getByTestId('t5-deal').click();
    await alex.getByTestId('t5-open-round').click();
    for (const p of [alex, bea]) await p.getByTestId('t5-seat').waitFor({ timeout: 20000 });

    // Both partners read the same options, in the same order: the same option means the same split.
    const optionsOf = (p: Frame) => p.locator('[data-testid="t5-split"] label').allInnerTexts();
    expect(await optionsOf(alex)).toEqual(await optionsOf(bea));
    expect((await optionsOf(alex))[2]).toMatch(/^‘Keyboard topic \d’ 5 – 2 ‘Keyboard topic \d’$/);

    // Arrow keys move the selection only: nothing is sent until Enter.
    await alex.locator('[data-testid="t5-split"] input').first().focus();
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await alex.getByTestId('t5-pair-status').filter({ hasText: 'Not sent yet' }).waitFor();
    await new Promise((r) => setTimeout(r, 500));
    expect(await bea.getByTestId('t5-pair-status').innerText()).toMatch(/Talk it over with Alex/);
    expect(await stage.getByTestId('stage-t5-agreed').innerText()).toMatch(/0 of 1 pair agreed/);
    await page.keyboard.press('Enter');
    await bea.getByTestId('t5-pair-status').filter({ hasText: 'Alex has chosen' }).waitFor({ timeout: 20000 });
    const alexPicked = await alex.locator('[data-testid="t5-split"] input:checked').getAttribute('value');
    expect(alexPicked).toBe('4-3');

    // Bea picks the same split while Alex's focus is on it: the pair agrees, and Alex's focus stays where it was.
    await alex.locator('[data-testid="t5-split"] input:checked').focus();
    const focusedBefore = await alex.evaluate(
      () => (document.activeElement as HTMLInputElement | null)?.value ?? document.activeElement?.tagName,
    );
    await pickSplit(bea, 4);
    await alex.locator('[data-testid="t5-pair-status"][data-status="agreed"]').waitFor({ timeout: 20000 });
    const focusedAfter = await alex.evaluate(() => ({
      value: (document.activeElement as HTMLInputElement | null)?.value,
      tag: document.activeElement?.tagName,
    }));
    expect(focusedAfter).toEqual({ value: focusedBefore, tag: 'INPUT' });
    // Shift+Tab then stays in my seat's controls; it does not reach "Close round".
    await page.keyboard.press('Shift+Tab');
    expect(await alex.evaluate(() => document.activeElement?.getAttribute('data-testid'))).not.toBe('t5-close-round');
    // Bea changes her mind: the pair no longer agrees.
    await pickSplit(bea, 6);
    await alex
      .getByTestId('t5-pair-status')
      .filter({ hasText: 'talk it over and pick the same' })
      .waitFor({ timeout: 20000 });

    // Closing the round with the pair not agreed asks first; "Keep scoring" keeps it open.
    await alex.getByTestId('t5-progress').filter({ hasText: '0 of 1 pair agreed' }).waitFor();
    await alex.getByTestId('t5-close-round').focus();
    await page.keyboard.press('Space');
    await alex.getByTestId('t5-confirm').waitFor();
    expect(await alex.getByTestId('t5-confirm').innerText()).toMatch(/0 of 1 pair agreed/);
    await alex.getByTestId('t5-confirm-no').click();
    await waitUntil(async () => (await alex.getByTestId('t5-confirm').count()) === 0, 'the dialog to close');
    expect(await alex.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('t5-close-round');
    expect(await stage.getByTestId('stage-t5-round').innerText()).toMatch(/Round 1 of \d/);
    await alex.getByTestId('t5-seat').waitFor(); // still scoring
    await alex.getByTestId('t5-close-round').click();
    await alex.getByTestId('t5-confirm-yes').click();
    await alex.locator('[data-testid="t5-open-round"], [data-testid="t5-finish"]').first().waitFor({ timeout: 20000 });
    // Focus did not drop to the page when the round's controls went away: it is on the facilitator heading.
    expect(await alex.evaluate(() => document.activeElement?.textContent)).toBe('Facilitator');
    expect(errors).toEqual([]);
    for (const p of [alexPage, beaPage, stagePage]) await p.close();
  }, 120_000);
});
