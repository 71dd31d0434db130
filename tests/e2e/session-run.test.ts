/**
 * A whole working session at /dev in real headless Chromium on the real local stack: the
 * facilitator (Alex Morgan) schedules a deep dive now and starts it, everyone checks in, the deep
 * dive opens, two breakout groups are formed and each person writes a note, everyone adds a
 * takeaway (one merged, one turned into an action), everyone votes, the session is closed; then the
 * record holds the takeaways and the action, search finds them, and someone volunteers for the next topic.
 *
 * Four participants, not three: the breakout rules need two people per group (2 groups need at
 * least 4 people; the refusal for 3 is unit tested in session-run-view.test.ts).
 */
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { encodeDevIdentity } from '../../src/api/dev-identity';
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
const PARTICIPANTS = 4;
const COMMUNITY = 'demo-cop';

type Who = { user: string; name: string };
const PEOPLE: Who[] = [
  { user: 'dev-user-1', name: 'Alex Morgan' },
  { user: 'dev-user-2', name: 'Bea Okafor' },
  { user: 'dev-user-3', name: 'Chen Wei' },
  { user: 'dev-user-4', name: 'Dara Nolan' },
];
const [ALEX, BEA, CHEN] = PEOPLE as [Who, Who, Who, Who];

const TOPIC = 'Remote retrospectives that people enjoy';
const NEXT_TOPIC = 'Metrics that do not turn into targets';
const TAKEAWAYS: Record<string, string> = {
  'dev-user-1': 'Timebox every retrospective to 45 minutes',
  'dev-user-2': 'Keep retrospectives short and focused',
  'dev-user-3': 'Invite the product owner to one retro a month',
  'dev-user-4': 'Rotate who facilitates the retro',
};
const SCORES: Record<string, number> = { 'dev-user-1': 5, 'dev-user-2': 4, 'dev-user-3': 4, 'dev-user-4': 3 };

describeE2E('a working session at /dev', () => {
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

  /** The JSON API as one of the dev identities. */
  async function api<T>(who: Who, method: string, url: string, body?: unknown): Promise<{ status: number; json: T }> {
    const res = await fetch(`${stack.url}${url}`, {
      method,
      headers: {
        accept: 'application/json',
        authorization: encodeDevIdentity({ tenantId: 'local-tenant', userId: who.user, displayName: who.name }),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, json: (await res.json()) as T };
  }

  const userOf = (f: Frame) => new URL(f.url()).searchParams.get('user') ?? '';
  const localUrl = (frame: string, theme: string, who: Who) =>
    `${stack.url}/tab/?host=local&frame=${frame}&tenant=local-tenant&user=${encodeURIComponent(who.user)}&name=${encodeURIComponent(who.name)}&meeting=local-meeting&channel=local-channel&theme=${theme}`;

  /** A page of its own (the 320 px side panel or a big stage), for a full-page screenshot. */
  async function shoot(frame: string, theme: string, file: string, ready: (p: Page) => Promise<void>, who: Who = ALEX) {
    const viewport = frame === 'sidePanel' ? { width: 320, height: 900 } : { width: 1600, height: 1000 };
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
  /**
   * In a 640 px side panel scrolled down to a takeaway's action form, a refused action says why next
   * to the field at fault, inside the viewport (not in a notice at the top of the panel).
   */
  async function expectActionErrorsByTheirFields(takeaway: string) {
    const p = await browser.newPage({ viewport: { width: 640, height: 600 } });
    await p.goto(localUrl('sidePanel', 'default', ALEX));
    await p.locator('[data-testid="live-status"][data-status="connected"]').waitFor({ timeout: 30000 });
    const item = p.getByTestId('run-wall-item').filter({ hasText: takeaway });
    await item.getByTestId('run-action').click();
    const inViewportBelow = async (message: string, field: string) => {
      const shown = item.getByText(message);
      await shown.waitFor({ timeout: 20000 });
      const [m, f] = await Promise.all([shown.boundingBox(), item.getByTestId(field).boundingBox()]);
      const height = p.viewportSize()!.height;
      expect(m!.y).toBeGreaterThanOrEqual(0);
      expect(m!.y + m!.height).toBeLessThanOrEqual(height);
      // Right under its field.
      expect(m!.y).toBeGreaterThanOrEqual(f!.y + f!.height - 1);
      expect(m!.y - (f!.y + f!.height)).toBeLessThan(40);
    };
    await item.getByTestId('run-action-save').click();
    await inViewportBelow('Choose who owns the action.', 'run-action-owner');
    await item.getByTestId('run-action-owner').selectOption({ label: BEA.name });
    await item.getByTestId('run-action-due').fill('2020-01-01');
    await item.getByTestId('run-action-save').click();
    await inViewportBelow('The due date is in the past.', 'run-action-due');
    await expectNoAxeViolations(p, 'an action refused by its fields at 640 px');
    await p.close();
  }

  const stageShots = async (phase: string, ready: (p: Page) => Promise<void>) => {
    for (const theme of ['default', 'dark'])
      await shoot('meetingStage', theme, `session-stage-${phase}-${theme}.png`, ready);
  };

  it('runs a deep dive from check-in to close; the record keeps the curated takeaways and search finds them', async () => {
    // The backlog: two prioritised topics, the first one owned by Bea (she opens the deep dive).
    const setup = await fetch(`${stack.url}/api/dev/setup?participants=${PARTICIPANTS}`);
    expect(setup.status).toBe(200);
    const topicIds: string[] = [];
    for (const title of [TOPIC, NEXT_TOPIC]) {
      const made = await api<{ topic: { id: string } }>(ALEX, 'POST', `/api/communities/${COMMUNITY}/topics`, {
        title,
      });
      expect(made.status).toBe(201);
      topicIds.push(made.json.topic.id);
    }
    for (const [i, id] of topicIds.entries())
      expect(
        (await api(ALEX, 'PUT', `/api/communities/${COMMUNITY}/topics/${id}/position`, { position: i + 1 })).status,
      ).toBe(200);
    expect((await api(BEA, 'PUT', `/api/communities/${COMMUNITY}/topics/${topicIds[0]}/owner`, {})).status).toBe(200);

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
    const alex = panels.find((f) => userOf(f) === ALEX.user)!;
    const panelOf = (who: Who) => panels.find((f) => userOf(f) === who.user)!;
    for (const p of panels)
      await p.locator('[data-testid="live-status"][data-status="connected"]').waitFor({ timeout: 30000 });
    await stage!.locator('[data-testid="live-status"][data-status="connected"]').waitFor({ timeout: 30000 });

    // Only the facilitator is offered the start; with nothing scheduled, "Schedule one now" on the top topic.
    await alex.getByTestId('run-start-form').waitFor({ timeout: 20000 });
    await expectNoAxeViolationsAtDev(page, 'session: before the start');
    expect(await panelOf(BEA).getByTestId('run-start').count()).toBe(0);
    await alex
      .getByTestId('run-now-topic')
      .filter({
        hasText: `A deep dive starting in 2 minutes on the top of the backlog: “${TOPIC}”, opened by Bea Okafor.`,
      })
      .waitFor();
    await alex.getByTestId('run-start').click();

    // Check-in: every panel and the stage show the same prompt; the stage's header has the phase and its timer.
    await stage!.getByTestId('stage-run-prompt').waitFor({ timeout: 20000 });
    const prompt = await stage!.getByTestId('stage-run-prompt').innerText();
    expect(prompt.length).toBeGreaterThan(10);
    await stage!.getByTestId('stage-phase').filter({ hasText: 'Check-in' }).waitFor();
    await stage!
      .getByTestId('stage-run-timer')
      .filter({ hasText: /^0[45]:\d\d$/ })
      .waitFor();
    for (const p of panels) {
      await p.getByTestId('run-prompt').filter({ hasText: prompt }).waitFor({ timeout: 20000 });
      const who = PEOPLE.find((x) => x.user === userOf(p))!;
      await p.getByTestId('check-in-input').fill(`${who.name.split(' ')[0]}: a sprint review that ran itself`);
      await p.getByTestId('check-in-input').press('Enter');
      await p.getByTestId('my-check-in').waitFor();
    }
    await waitUntil(
      async () => (await stage!.getByTestId('check-in-item').count()) === PARTICIPANTS,
      'every check-in on the stage',
    );
    await expectNoAxeViolationsAtDev(page, 'session: check-in');
    await stageShots('check-in', async (p) => {
      await p.getByTestId('stage-run-prompt').waitFor({ timeout: 20000 });
      await p
        .getByTestId('check-in-item')
        .nth(PARTICIPANTS - 1)
        .waitFor({ timeout: 20000 });
    });

    // Deep dive: the topic and its owner on the stage; everyone's panel says who opens it.
    await alex.getByTestId('run-next').filter({ hasText: 'Start the deep dive' }).click();
    await stage!.getByTestId('stage-run-topic').filter({ hasText: TOPIC }).waitFor({ timeout: 20000 });
    await stage!.getByTestId('stage-run-owner').filter({ hasText: 'Opened by Bea Okafor' }).waitFor();
    await stage!.getByTestId('stage-phase').filter({ hasText: 'Deep dive' }).waitFor();
    await stage!
      .getByTestId('stage-run-timer')
      .filter({ hasText: /^1[45]:\d\d$/ })
      .waitFor();
    expect(await stage!.getByTestId('check-in-wall').count()).toBe(0);
    for (const p of panels)
      await p
        .getByTestId('run-deep-dive')
        .filter({ hasText: 'Bea Okafor opens the topic.' })
        .waitFor({ timeout: 20000 });
    await expectNoAxeViolationsAtDev(page, 'session: deep dive');
    await stageShots('deep-dive', async (p) => {
      await p.getByTestId('stage-run-owner').waitFor({ timeout: 20000 });
    });
    // The facilitator's panel with a preview (local to that panel: nobody else sees it).
    await shoot('sidePanel', 'default', 'session-side-panel-facilitator-groups-default.png', async (p) => {
      await p.getByTestId('run-question-0').fill('What makes a remote retro worth attending?');
      await p.getByTestId('run-preview-groups').click();
      await p.getByTestId('run-preview-group').nth(1).waitFor({ timeout: 20000 });
    });

    // Two groups at random with a question each; the preview lets the facilitator move someone.
    expect(await panelOf(BEA).getByTestId('run-breakout-planner').count()).toBe(0);
    await alex.getByTestId('run-group-count').selectOption('2');
    await alex.getByTestId('run-question-0').fill('What makes a remote retro worth attending?');
    await alex.getByTestId('run-question-1').fill('Which retro format should we drop?');
    await alex.getByTestId('run-preview-groups').click();
    const previewGroups = alex.getByTestId('run-preview-group');
    await waitUntil(async () => (await previewGroups.count()) === 2, 'two groups in the preview');
    const sizes = async () =>
      Promise.all([0, 1].map(async (i) => previewGroups.nth(i).getByTestId('run-preview-member').count()));
    expect(await sizes()).toEqual([2, 2]);
    const mover = previewGroups.nth(0).getByTestId('run-preview-member').first();
    const moverId = (await mover.getAttribute('data-user'))!;
    await mover.getByTestId('run-preview-move').selectOption('1');
    await waitUntil(async () => (await sizes()).join() === '1,3', 'the moved person in group 2');
    await expectNoAxeViolations(alex, 'session: the facilitator planning breakouts');
    await previewGroups.nth(1).locator(`[data-user="${moverId}"]`).getByTestId('run-preview-move').selectOption('0');
    await waitUntil(async () => (await sizes()).join() === '2,2', 'the person back in group 1');
    await alex.getByTestId('run-breakout-minutes').selectOption('10');
    await alex.getByTestId('run-start-breakouts').click();

    // Breakouts: everyone sees their group, its question and the countdown, and writes a note.
    await stage!.getByTestId('stage-phase').filter({ hasText: 'Breakouts' }).waitFor({ timeout: 20000 });
    await stage!
      .getByTestId('stage-run-timer')
      .filter({ hasText: /^(10:00|09:\d\d)$/ })
      .waitFor();
    const groupOfUser: Record<string, number> = {};
    for (const p of panels) {
      const mine = p.getByTestId('run-my-group');
      await mine.waitFor({ timeout: 20000 });
      const g = Number(await mine.getAttribute('data-group'));
      groupOfUser[userOf(p)] = g;
      await p
        .getByTestId('run-my-group-question')
        .filter({ hasText: g === 0 ? 'worth attending' : 'should we drop' })
        .waitFor();
      await p.getByTestId('run-timer').filter({ hasText: /left$/ }).waitFor();
      await p.getByTestId('run-note-input').fill(`Note from ${PEOPLE.find((x) => x.user === userOf(p))!.name}`);
      await p.getByTestId('run-note-submit').click();
    }
    expect(Object.values(groupOfUser).sort()).toEqual([0, 0, 1, 1]);
    // A group's notes reach its members live, and only them.
    for (const p of panels) {
      const mates = PEOPLE.filter((x) => groupOfUser[x.user] === groupOfUser[userOf(p)]);
      await waitUntil(
        async () => (await p.getByTestId('run-note').count()) === mates.length,
        'the group notes in every panel',
      );
      for (const m of mates) await p.getByTestId('run-notes').getByText(`Note from ${m.name}`).waitFor();
    }
    const stageGroups = stage!.getByTestId('stage-run-group');
    await waitUntil(
      async () => (await stage!.getByTestId('stage-run-note').count()) === PARTICIPANTS,
      'every note on the stage',
    );
    for (const g of [0, 1]) {
      await stageGroups.nth(g).getByTestId('stage-run-group-notes-count').filter({ hasText: '2 notes' }).waitFor();
      for (const who of PEOPLE.filter((x) => groupOfUser[x.user] === g))
        await stageGroups.nth(g).getByTestId('stage-run-group-members').filter({ hasText: who.name }).waitFor();
    }
    await expectNoAxeViolationsAtDev(page, 'session: breakouts with notes');
    await stageShots('breakouts', async (p) => {
      await p
        .getByTestId('stage-run-note')
        .nth(PARTICIPANTS - 1)
        .waitFor({ timeout: 20000 });
    });
    for (const theme of ['default', 'dark']) {
      await shoot(
        'sidePanel',
        theme,
        `session-side-panel-breakouts-${theme}.png`,
        async (p) => {
          await p.getByTestId('run-note').nth(1).waitFor({ timeout: 20000 });
        },
        BEA,
      );
    }
    // The facilitator can still move people during the breakouts.
    const chenFrom = groupOfUser[CHEN.user]!;
    await alex
      .getByTestId('run-groups')
      .locator(`[data-user="${CHEN.user}"]`)
      .getByTestId('run-groups-move')
      .selectOption(String(1 - chenFrom));
    await panelOf(CHEN)
      .locator(`[data-testid="run-my-group"][data-group="${1 - chenFrom}"]`)
      .waitFor({ timeout: 20000 });

    // Share-out: everyone adds a takeaway; the stage's wall shows them live.
    await alex.getByTestId('run-next').filter({ hasText: 'End breakouts: share-out' }).click();
    // A paste far past the limit is kept and the field says by how much it is over; nothing is added.
    await alex.getByTestId('run-takeaway-input').waitFor({ timeout: 20000 });
    await alex.getByTestId('run-takeaway-input').fill('x'.repeat(5000));
    expect((await alex.getByTestId('run-takeaway-input').inputValue()).length).toBe(5000);
    await alex.getByText('That is 5,000 characters; the limit is 500. Shorten it by 4,500 to add it.').waitFor();
    await alex.getByTestId('run-takeaway-counter').filter({ hasText: '5000 / 500' }).waitFor();
    await alex.getByTestId('run-takeaway-submit').click();
    expect(await stage!.getByTestId('stage-run-takeaway').count()).toBe(0);
    for (const p of panels) {
      await p.getByTestId('run-takeaway-input').waitFor({ timeout: 20000 });
      await p.getByTestId('run-takeaway-input').fill(TAKEAWAYS[userOf(p)]!);
      await p.getByTestId('run-takeaway-submit').click();
    }
    await waitUntil(
      async () => (await stage!.getByTestId('stage-run-takeaway').count()) === PARTICIPANTS,
      'every takeaway on the stage',
    );
    expect(await panelOf(BEA).getByTestId('run-edit').count()).toBe(0);
    await expectNoAxeViolationsAtDev(page, 'session: share-out with takeaways');

    // The facilitator curates: Bea's merged into Alex's, Chen's becomes an action for Bea, Dara's reworded.
    const item = (text: string) => alex.getByTestId('run-wall-item').filter({ hasText: text });
    await item(TAKEAWAYS['dev-user-2']!).getByTestId('run-merge').click();
    await item(TAKEAWAYS['dev-user-2']!)
      .getByTestId('run-merge-into')
      .selectOption({ label: TAKEAWAYS['dev-user-1']! });
    await item(TAKEAWAYS['dev-user-2']!).getByTestId('run-merge-save').click();
    await item(TAKEAWAYS['dev-user-1']!)
      .getByTestId('run-wall-merged')
      .filter({ hasText: TAKEAWAYS['dev-user-2']! })
      .waitFor({ timeout: 20000 });
    const due = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const chens = item(TAKEAWAYS['dev-user-3']!);
    await chens.getByTestId('run-action').click();
    // A date in the past is refused with the rule's message, and nothing is set.
    await chens.getByTestId('run-action-owner').selectOption({ label: BEA.name });
    await chens.getByTestId('run-action-due').fill('2020-01-01');
    await chens.getByTestId('run-action-save').click();
    await alex.getByText('The due date is in the past.').waitFor();
    await expectNoAxeViolations(alex, 'session: an action refused for its due date');
    await chens.getByTestId('run-action-due').fill(due);
    await chens.getByTestId('run-action-save').click();
    await chens
      .getByTestId('run-wall-action')
      .filter({ hasText: `Action · Bea Okafor · due ${due}` })
      .waitFor({ timeout: 20000 });
    const reworded = 'Rotate who facilitates the retrospective every sprint';
    await item(TAKEAWAYS['dev-user-4']!).getByTestId('run-edit').click();
    await alex.getByTestId('run-edit-input').fill(reworded);
    await alex.getByTestId('run-edit-save').click();
    await stage!.getByTestId('stage-run-wall').getByText(reworded).waitFor({ timeout: 20000 });
    await waitUntil(
      async () => (await stage!.getByTestId('stage-run-takeaway').count()) === PARTICIPANTS - 1,
      'the merged takeaway inside its target on the stage',
    );
    await stage!.getByTestId('stage-run-wall').getByText(`Also: ${TAKEAWAYS['dev-user-2']}`).waitFor();
    await stage!
      .getByTestId('stage-run-action')
      .filter({ hasText: `Bea Okafor · due ${due}` })
      .waitFor();
    await stageShots('share-out', async (p) => {
      await p.getByTestId('stage-run-action').waitFor({ timeout: 20000 });
    });
    await shoot('sidePanel', 'default', 'session-side-panel-facilitator-takeaways-default.png', async (p) => {
      await p.getByTestId('run-wall-item').filter({ hasText: reworded }).getByTestId('run-action').click();
      await p.getByTestId('run-action-due').waitFor({ timeout: 20000 });
    });
    await expectActionErrorsByTheirFields(reworded);

    // Feedback: 1–5 in each panel, anonymous; the stage counts votes and shows the histogram once all voted.
    await alex.getByTestId('run-next').filter({ hasText: 'Move on to feedback' }).click();
    await stage!
      .getByTestId('stage-run-voted')
      .filter({ hasText: `0 of ${PARTICIPANTS} voted` })
      .waitFor({ timeout: 20000 });
    // The record takes votes from 30 minutes before the scheduled start, so a session scheduled "now" can vote at once.
    const [first, ...rest] = panels;
    await first!.getByRole('button', { name: `${SCORES[userOf(first!)]} out of 5`, exact: false }).click();
    await first!.getByTestId('run-voted').waitFor({ timeout: 20000 });
    await stage!
      .getByTestId('stage-run-voted')
      .filter({ hasText: `1 of ${PARTICIPANTS} voted` })
      .waitFor({ timeout: 20000 });
    expect(await stage!.getByTestId('stage-run-histogram').count()).toBe(0);
    await expectNoAxeViolationsAtDev(page, 'session: feedback, one vote in');
    // Closing voting while people have not voted asks first, with the keyboard alone: Escape keeps voting open.
    await alex.getByTestId('run-close-voting').focus();
    await page.keyboard.press('Enter');
    const ask = alex.getByTestId('run-close-voting-confirm');
    await ask.filter({ hasText: `${PARTICIPANTS - 1} people here have not voted yet` }).waitFor({ timeout: 20000 });
    await waitUntil(
      async () => await alex.evaluate(() => document.activeElement?.closest('[role="alertdialog"]') !== null),
      'the focus in the dialog',
    );
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached', timeout: 20000 });
    await waitUntil(
      async () =>
        (await alex.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === 'run-close-voting',
      'the focus back on the button',
    );
    await stage!
      .getByTestId('stage-run-voted')
      .filter({ hasText: `1 of ${PARTICIPANTS} voted` })
      .waitFor({ timeout: 20000 });
    expect(await stage!.getByTestId('stage-run-histogram').count()).toBe(0);
    for (const p of rest) {
      await p.getByTestId(`run-vote-${SCORES[userOf(p)]}`).click();
      await p.getByTestId('run-voted').waitFor({ timeout: 20000 });
    }
    await stage!
      .getByTestId('stage-run-voted')
      .filter({ hasText: `${PARTICIPANTS} of ${PARTICIPANTS} voted` })
      .waitFor({ timeout: 20000 });
    await stage!.getByTestId('stage-run-histogram').waitFor({ timeout: 20000 });
    expect(
      await stage!
        .getByTestId('stage-run-bar')
        .evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('data-count')))),
    ).toEqual([0, 0, 1, 2, 1]);
    await stage!
      .getByTestId('stage-run-feedback-summary')
      .filter({ hasText: 'Average 4.0 out of 5 from 4 votes' })
      .waitFor();
    await expectNoAxeViolationsAtDev(page, 'session: feedback, all voted');
    await stageShots('feedback', async (p) => {
      await p.getByTestId('stage-run-histogram').waitFor({ timeout: 20000 });
    });

    // Close: one call to the record, then the run is closed for everyone, with the next topic to own.
    await alex.getByTestId('run-close').click();
    for (const p of panels)
      await p
        .getByTestId('run-closed')
        .filter({ hasText: '3 takeaways and 1 action are in the record' })
        .waitFor({ timeout: 20000 });
    await stage!.getByTestId('stage-run-closed').waitFor({ timeout: 20000 });
    await stage!.getByTestId('stage-phase').filter({ hasText: 'Closed' }).waitFor();
    await stage!.getByTestId('run-next-topic-title').filter({ hasText: NEXT_TOPIC }).waitFor({ timeout: 20000 });
    await panelOf(CHEN).getByTestId('run-next-topic-title').filter({ hasText: NEXT_TOPIC }).waitFor({ timeout: 20000 });
    await expectNoAxeViolationsAtDev(page, 'session: closed, the next topic to own');
    // Bea's panel offers the button too; the channel tab (opened before the session) lists the topic without an owner.
    await panelOf(BEA).getByTestId('run-volunteer').waitFor({ timeout: 20000 });
    const nextInChannel = channel!.getByTestId('backlog-item').filter({ hasText: NEXT_TOPIC });
    await nextInChannel.getByTestId('backlog-owner').filter({ hasText: 'No owner yet' }).waitFor({ timeout: 20000 });
    await panelOf(CHEN)
      .getByRole('button', { name: `Volunteer to own “${NEXT_TOPIC}”` })
      .click();
    await panelOf(CHEN)
      .getByTestId('run-next-topic-owner')
      .filter({ hasText: 'You own it — thank you!' })
      .waitFor({ timeout: 20000 });
    // Without a click or a reload, Bea's stale Volunteer button gives way to who owns it, and the channel tab follows.
    await panelOf(BEA)
      .getByTestId('run-next-topic-owner')
      .filter({ hasText: 'Owned by Chen Wei' })
      .waitFor({ timeout: 20000 });
    expect(await panelOf(BEA).getByTestId('run-volunteer').count()).toBe(0);
    await nextInChannel.getByTestId('backlog-owner').filter({ hasText: 'Owner: Chen Wei' }).waitFor({ timeout: 20000 });
    await expectNoAxeViolationsAtDev(page, 'session: closed, someone volunteered');
    await stageShots('closed', async (p) => {
      await p.getByTestId('run-next-topic-owner').filter({ hasText: 'Owned by Chen Wei' }).waitFor({ timeout: 20000 });
    });

    // The record: the session is held with everyone as attendee, the takeaways as curated, the action for Bea.
    const sessions = await api<{ sessions: { id: string; state: string; attendees: string[]; topicIds: string[] }[] }>(
      BEA,
      'GET',
      `/api/communities/${COMMUNITY}/sessions`,
    );
    const held = sessions.json.sessions.find((s) => s.topicIds.includes(topicIds[0]!))!;
    expect(held.state).toBe('held');
    expect([...held.attendees].sort()).toEqual(PEOPLE.map((p) => p.user));
    const outcomes = await api<{
      takeaways: { text: string; authorId: string; topicId: string | null }[];
      actions: { ownerId: string; dueDate: string; text: string }[];
      feedback: { votes: number; average: number };
    }>(BEA, 'GET', `/api/communities/${COMMUNITY}/sessions/${held.id}/outcomes`);
    expect(outcomes.json.takeaways.map((t) => [t.text, t.authorId, t.topicId]).sort()).toEqual(
      [
        [`${TAKEAWAYS['dev-user-1']} (also: ${TAKEAWAYS['dev-user-2']})`, 'dev-user-1', topicIds[0]],
        [TAKEAWAYS['dev-user-3'], 'dev-user-3', topicIds[0]],
        [reworded, 'dev-user-4', topicIds[0]],
      ].sort(),
    );
    expect(outcomes.json.actions).toEqual([
      expect.objectContaining({ ownerId: BEA.user, dueDate: due, text: TAKEAWAYS['dev-user-3'] }),
    ]);
    expect(outcomes.json.feedback).toMatchObject({ votes: 4, average: 4 });
    // A retried close (same request id) is answered with the same outcome and writes nothing twice.
    const retried = await api<{ takeaways: unknown[]; actions: unknown[] }>(
      ALEX,
      'POST',
      `/api/communities/${COMMUNITY}/sessions/${held.id}/close`,
      {
        requestId: `close-${held.id}`,
        attendees: [],
        takeaways: [],
        feedback: [],
      },
    );
    expect(retried.status).toBe(200);
    expect(retried.json.takeaways).toHaveLength(3);
    expect(retried.json.actions).toHaveLength(1);

    // What the channel tab searches: the API finds the takeaways, the merged one inside its target.
    const search = async (q: string) =>
      (
        await api<{ hits: { kind: string; sessionId: string; excerpt: string }[] }>(
          BEA,
          'GET',
          `/api/communities/${COMMUNITY}/search?q=${encodeURIComponent(q)}`,
        )
      ).json.hits;
    expect((await search('short and focused')).map((h) => [h.kind, h.sessionId])).toEqual([['takeaway', held.id]]);
    expect((await search('product owner'))[0]?.excerpt).toContain('Invite the product owner');
    expect(await search('every sprint')).toHaveLength(1);
    // The breakout groups' notes are kept with the session: its page in the channel tab shows them, signed.
    const sessionPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const channelErrors: string[] = [];
    sessionPage.on('pageerror', (e) => channelErrors.push(e.message));
    await sessionPage.goto(`${localUrl('content', 'default', BEA)}#session=${encodeURIComponent(held.id)}`);
    const breakouts = sessionPage.getByTestId('session-page').getByTestId('session-breakouts');
    await breakouts.waitFor({ timeout: 20000 });
    expect(await breakouts.getByTestId('session-breakout').count()).toBe(2);
    for (const who of PEOPLE) {
      await breakouts
        .getByTestId('session-breakout-note')
        .filter({ hasText: `Note from ${who.name}` })
        .filter({ hasText: `— ${who.name}` })
        .waitFor();
    }
    await breakouts.getByTestId('session-breakout').filter({ hasText: 'worth attending' }).waitFor();
    expect((await search('Note from Dara')).map((h) => [h.kind, h.sessionId])).toEqual([['group-note', held.id]]);
    await sessionPage.screenshot({ path: path.join(SCREENSHOTS, 'session-page-breakouts.png'), fullPage: true });
    expect(channelErrors).toEqual([]);
    await sessionPage.close();

    await page.screenshot({ path: path.join(SCREENSHOTS, 'session-dev-closed.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 540_000); // four people, a wait for the session's start, sixteen screenshots, a check at each state
});
