/**
 * Managing the backlog and scheduling the next session in the channel tab, in real headless
 * Chromium on the real local stack. Topics are seeded through the API with dev identities; the
 * facilitator (Alex Morgan) works in the channel tab of /dev: re-orders from the keyboard, edits a
 * topic while someone else edits it through the API (the conflict is shown, nothing is lost), merges,
 * archives, then schedules an external-speaker session and edits its agenda. What the page shows is
 * checked against what the API stored.
 */
import path from 'node:path';
import type { Browser, Frame, Locator, Page } from 'playwright-core';
import { encodeDevIdentity } from '../../src/api/dev-identity';
import type { Topic } from '../../src/domain/backlog';
import type { Session } from '../../src/domain/session';
import {
  expectNoAxeViolations,
  framesOf,
  launchChromium,
  requireBuiltTab,
  SCREENSHOTS,
  skipE2E,
  waitUntil,
} from '../fixtures/browser';
import { startLocalStack, type LocalStack } from '../fixtures/local-stack';

const describeE2E = skipE2E ? describe.skip : describe;
const C = 'demo-cop';
const TENANT = 'local-tenant';
const ALEX = { userId: 'dev-user-1', displayName: 'Alex Morgan' };
const BEA = { userId: 'dev-user-2', displayName: 'Bea Okafor' };
const CHEN = { userId: 'dev-user-3', displayName: 'Chen Wei' };
type Who = typeof ALEX;

describeE2E('backlog management and scheduling in the channel tab', () => {
  let stack: LocalStack;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: Browser;
  const ids: Record<string, string> = {};

  async function call<T>(who: Who, method: string, p: string, body?: unknown): Promise<T> {
    const res = await fetch(`${stack.url}/api${p}`, {
      method,
      headers: {
        authorization: encodeDevIdentity({ tenantId: TENANT, ...who }),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
  const topics = async () => (await call<{ topics: Topic[] }>(ALEX, 'GET', `/communities/${C}/topics`)).topics;
  const storedOrder = async () =>
    (await topics())
      .filter((t) => t.state === 'prioritised')
      .sort((a, b) => a.rank! - b.rank!)
      .map((t) => t.title);

  beforeAll(async () => {
    requireBuiltTab();
    chromium = await launchChromium();
    browser = chromium.browser;
    stack = await startLocalStack();
    const setup = await fetch(`${stack.url}/api/dev/setup?participants=3`);
    expect(setup.ok).toBe(true);

    const propose = async (who: Who, key: string, title: string, description = '', force = false) => {
      const { topic } = await call<{ topic: Topic }>(who, 'POST', `/communities/${C}/topics`, {
        title,
        description,
        ...(force ? { force } : {}),
      });
      ids[key] = topic.id;
    };
    await propose(
      BEA,
      'retros',
      'Remote retrospectives people enjoy',
      'Formats and tools that keep a distributed team engaged',
    );
    await propose(CHEN, 'refinement', 'Coaching product owners on refinement');
    await propose(BEA, 'metrics', 'Flow metrics that stay honest', 'Cycle time and throughput');
    await propose(CHEN, 'onboarding', 'Onboarding new Scrum Masters');
    await propose(BEA, 'hybrid', 'Working agreements for hybrid teams');
    await propose(CHEN, 'daily', 'Handling a team that skips the daily');
    await propose(BEA, 'daily2', 'When the team skips the Daily Scrum', '', true);
    // The facilitator prioritises four of them (position 1 = top).
    for (const [i, key] of ['retros', 'refinement', 'metrics', 'onboarding'].entries()) {
      await call(ALEX, 'PUT', `/communities/${C}/topics/${ids[key]}/position`, { position: i + 1 });
    }
    // Bea, then Chen volunteer to facilitate.
    await call(BEA, 'POST', `/communities/${C}/rotation`, { kind: 'join' });
    await call(CHEN, 'POST', `/communities/${C}/rotation`, { kind: 'join' });
  });
  afterAll(async () => {
    await chromium?.close();
    await stack?.stop();
  });

  /** The channel tab inside /dev, as Alex (the facilitator). */
  async function openChannelAtDev(): Promise<{ page: Page; tab: Frame; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1100 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${stack.url}/dev?participants=3&theme=default`);
    await page.getByTestId('dev-page').waitFor();
    await waitUntil(async () => framesOf(page, 'content').length === 1, 'the channel tab frame');
    const tab = framesOf(page, 'content')[0]!;
    await tab.getByTestId('backlog').waitFor({ timeout: 30000 });
    await tab.getByTestId('backlog-prioritised').waitFor({ timeout: 30000 });
    return { page, tab, errors };
  }

  const prioritisedTitles = (tab: Frame | Page) =>
    tab.locator('[data-testid="backlog-prioritised"] [data-testid="backlog-title"]').allInnerTexts();
  const row = (tab: Frame | Page, title: string): Locator =>
    tab
      .locator('[data-testid="backlog-item"]')
      .filter({ has: tab.getByTestId('backlog-title').getByText(title, { exact: true }) });

  async function expectShownOrder(tab: Frame, expected: string[]) {
    await waitUntil(
      async () => JSON.stringify(await prioritisedTitles(tab)) === JSON.stringify(expected),
      `the order ${expected.join(' / ')} (shown: ${(await prioritisedTitles(tab)).join(' / ')})`,
    );
    expect(await storedOrder()).toEqual(expected);
  }

  async function shoot(
    file: string,
    theme: 'default' | 'dark' | 'contrast',
    width: number,
    section: string,
    who: Who = ALEX,
    prepare?: (p: Page) => Promise<void>,
  ) {
    const p = await browser.newPage({ viewport: { width, height: 900 } });
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(
      `${stack.url}/tab/?host=local&frame=content&tenant=${TENANT}&user=${who.userId}&name=${encodeURIComponent(who.displayName)}&channel=local-channel&theme=${theme}`,
    );
    await p.getByTestId(section).waitFor({ timeout: 30000 });
    await p.getByTestId('backlog-prioritised').waitFor({ timeout: 30000 });
    await prepare?.(p);
    const overflow = await p.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    // The light theme is checked where the test works (the /dev frames); these add dark and high contrast.
    if (theme !== 'default') await expectNoAxeViolations(p, `${file} (the channel tab, ${theme}, ${width} px)`);
    await p.getByTestId(section).screenshot({ path: path.join(SCREENSHOTS, file) });
    expect(errors).toEqual([]);
    await p.close();
  }

  it('re-orders from the keyboard, edits through a concurrent edit, merges and archives; the page shows what the API stored', async () => {
    const { page, tab, errors } = await openChannelAtDev();
    await expectShownOrder(tab, [
      'Remote retrospectives people enjoy',
      'Coaching product owners on refinement',
      'Flow metrics that stay honest',
      'Onboarding new Scrum Masters',
    ]);
    await expectNoAxeViolations(tab, 'the backlog, as the facilitator');

    // Keyboard: focus "Move down" on the top topic and press Enter, twice (the focus stays on it).
    const down = row(tab, 'Remote retrospectives people enjoy').getByTestId('move-down');
    await down.focus();
    await page.keyboard.press('Enter');
    await expectShownOrder(tab, [
      'Coaching product owners on refinement',
      'Remote retrospectives people enjoy',
      'Flow metrics that stay honest',
      'Onboarding new Scrum Masters',
    ]);
    await waitUntil(
      async () =>
        (await tab.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')) ===
        'Move down “Remote retrospectives people enjoy”',
      'the focus back on Move down',
    );
    await page.keyboard.press('Enter');
    await expectShownOrder(tab, [
      'Coaching product owners on refinement',
      'Flow metrics that stay honest',
      'Remote retrospectives people enjoy',
      'Onboarding new Scrum Masters',
    ]);
    await tab
      .getByTestId('backlog-announce')
      .getByText('“Remote retrospectives people enjoy” is now at position 3 of 4.')
      .waitFor();

    // A proposed topic moved in at a typed position (Enter in the position field).
    const hybridPos = row(tab, 'Working agreements for hybrid teams').getByTestId('move-position');
    await hybridPos.fill('1');
    await hybridPos.press('Enter');
    await expectShownOrder(tab, [
      'Working agreements for hybrid teams',
      'Coaching product owners on refinement',
      'Flow metrics that stay honest',
      'Remote retrospectives people enjoy',
      'Onboarding new Scrum Masters',
    ]);
    // A position out of range is refused in the page, and nothing moves.
    const onbPos = row(tab, 'Onboarding new Scrum Masters').getByTestId('move-position');
    await onbPos.fill('9');
    await onbPos.press('Enter');
    await row(tab, 'Onboarding new Scrum Masters').getByText('The position must be from 1 to 5.').waitFor();
    await expectNoAxeViolations(tab, 'the backlog with a refused position');

    // Edit a topic; meanwhile someone else edits the same topic through the API.
    await row(tab, 'Flow metrics that stay honest').getByTestId('edit-topic').click();
    const editor = tab.getByTestId('topic-editor');
    await editor.getByTestId('edit-topic-title').fill('Flow metrics that stay honest and useful');
    await editor
      .getByTestId('edit-topic-description')
      .fill('Cycle time, throughput, and how not to turn them into targets');
    const before = await call<{ topic: Topic; etag: string }>(ALEX, 'GET', `/communities/${C}/topics/${ids.metrics}`);
    await call(ALEX, 'PATCH', `/communities/${C}/topics/${ids.metrics}`, {
      etag: before.etag,
      description: 'Changed in another window: add WIP limits',
    });
    await editor.getByTestId('edit-topic-save').click();
    const conflict = tab.getByTestId('edit-conflict');
    await conflict.waitFor();
    await conflict.getByText('Changed in another window: add WIP limits').waitFor();
    await expectNoAxeViolations(tab, 'the backlog with an edit conflict');
    // Nothing was saved over theirs, and the draft is still in the fields.
    expect(
      (await call<{ topic: Topic }>(ALEX, 'GET', `/communities/${C}/topics/${ids.metrics}`)).topic.description,
    ).toBe('Changed in another window: add WIP limits');
    expect(await editor.getByTestId('edit-topic-title').inputValue()).toBe('Flow metrics that stay honest and useful');
    expect(await editor.getByTestId('edit-topic-description').inputValue()).toBe(
      'Cycle time, throughput, and how not to turn them into targets',
    );
    await shoot('backlog-conflict-light.png', 'default', 1280, 'backlog', ALEX, async (p) => {
      // The same conflict, reproduced on a page of its own for the screenshot.
      await p
        .locator('[data-testid="backlog-item"]')
        .filter({ hasText: 'Onboarding new Scrum Masters' })
        .getByTestId('edit-topic')
        .click();
      await p.getByTestId('edit-topic-title').fill('Onboarding new Scrum Masters into the community');
      const b = await call<{ topic: Topic; etag: string }>(ALEX, 'GET', `/communities/${C}/topics/${ids.onboarding}`);
      await call(ALEX, 'PATCH', `/communities/${C}/topics/${ids.onboarding}`, {
        etag: b.etag,
        title: 'Onboarding new Scrum Masters (buddy system)',
      });
      await p.getByTestId('edit-topic-save').click();
      await p.getByTestId('edit-conflict').waitFor();
    });
    await editor.getByRole('button', { name: 'Save my version' }).click();
    await editor.waitFor({ state: 'detached' });
    const saved = (await call<{ topic: Topic }>(ALEX, 'GET', `/communities/${C}/topics/${ids.metrics}`)).topic;
    expect(saved.title).toBe('Flow metrics that stay honest and useful');
    expect(saved.description).toBe('Cycle time, throughput, and how not to turn them into targets');
    await row(tab, 'Flow metrics that stay honest and useful')
      .getByText('Cycle time, throughput, and how not to turn them into targets')
      .waitFor();

    // Merge the two "skipped daily" topics, keeping the first one.
    await row(tab, 'Handling a team that skips the daily').getByTestId('topic-more').click();
    await tab.getByTestId('merge-topic').click();
    await tab.getByTestId('merge-with').selectOption(ids.daily2!);
    await tab.getByTestId('merge-keep-this').check();
    await expectNoAxeViolations(tab, 'the backlog merging two topics');
    await tab.getByTestId('merge-confirm').click();
    await waitUntil(
      async () =>
        (await tab.locator('[data-testid="backlog-proposed"] [data-testid="backlog-title"]').allInnerTexts()).join(
          '|',
        ) === 'Handling a team that skips the daily',
      'the merged topic to leave the proposed list',
    );
    const merged = (await topics()).find((t) => t.id === ids.daily2)!;
    expect(merged.state).toBe('archived');
    expect(merged.mergedInto).toBe(ids.daily);
    expect((await topics()).find((t) => t.id === ids.daily)!.supporters).toContain(BEA.userId);

    // Archive one from the prioritised list; the ranks close up.
    await row(tab, 'Onboarding new Scrum Masters (buddy system)').getByTestId('topic-more').click();
    await tab.getByTestId('archive-topic').click();
    await expectShownOrder(tab, [
      'Working agreements for hybrid teams',
      'Coaching product owners on refinement',
      'Flow metrics that stay honest and useful',
      'Remote retrospectives people enjoy',
    ]);
    // Archived topics are collapsed; opened, they say which one was merged where.
    expect(await tab.getByTestId('backlog-archived').count()).toBe(0);
    await tab.getByTestId('backlog-archived-toggle').click();
    const archived = tab.getByTestId('archived-item');
    await archived.nth(1).waitFor();
    expect(await archived.count()).toBe(2);
    await tab.getByTestId('backlog-archived').getByText('merged into “Handling a team that skips the daily”').waitFor();
    await expectNoAxeViolations(tab, 'the backlog with the archived topics open');
    expect(
      await tab.locator('[data-testid="backlog-prioritised"] [data-testid="backlog-rank"]').allInnerTexts(),
    ).toEqual(['#1', '#2', '#3', '#4']);
    expect(errors).toEqual([]);
    await page.close();

    await shoot('backlog-light.png', 'default', 1280, 'backlog');
    await shoot('backlog-dark.png', 'dark', 1280, 'backlog');
    await shoot('backlog-600-light.png', 'default', 600, 'backlog');
    await shoot('backlog-contrast.png', 'contrast', 1280, 'backlog');
    await shoot('backlog-member-dark.png', 'dark', 600, 'backlog', CHEN);
  }, 300_000); // many steps, five pages of their own, an accessibility check at each state

  it('schedules an external-speaker session from the plan, lists it with its agenda, and edits the agenda through a conflict', async () => {
    const { page, tab, errors } = await openChannelAtDev();
    const schedule = tab.getByTestId('schedule');
    await schedule.getByTestId('schedule-form').waitFor({ timeout: 20000 });
    await schedule.getByTestId('next-up').getByText('Bea Okafor').waitFor();
    const plan = (
      await call<{ plan: { dates: string[]; facilitatorId: string } }>(ALEX, 'GET', `/communities/${C}/session-plan`)
    ).plan;
    expect(plan.facilitatorId).toBe(BEA.userId);
    // Defaults: the next facilitator, the top prioritised topic, a date.
    expect(await schedule.getByTestId('schedule-facilitator').inputValue()).toBe(BEA.userId);
    expect(await schedule.getByTestId('schedule-starts-at').inputValue()).not.toBe('');
    const top = (await topics()).find((t) => t.state === 'prioritised' && t.rank === 1)!;
    await waitUntil(
      async () =>
        await schedule
          .getByTestId('schedule-topic')
          .and(tab.getByLabel(`#1 ${top.title}`))
          .isChecked(),
      'the top topic ticked',
    );

    await schedule.getByTestId('schedule-type').selectOption('external-speaker');
    await schedule.getByTestId('schedule-speakerName').waitFor();
    // Submitting without the speaker's fields names them.
    await schedule.getByTestId('schedule-submit').click();
    await schedule.getByText('Fill in the speaker.').waitFor();
    await expectNoAxeViolations(tab, 'scheduling, the speaker missing');
    await schedule.getByTestId('schedule-speakerName').fill('Ada Lovelace');
    await schedule.getByTestId('schedule-organisation').fill('Analytical Engines Ltd');
    await schedule
      .getByTestId('schedule-purpose')
      .fill('Hear how another organisation scaled its Scrum Master community.');
    await schedule.getByTestId('schedule-link').fill('https://teams.microsoft.com/l/meetup-join/demo');
    // A longer talk: the total goes over the duration, then the duration is raised.
    const talk = schedule
      .getByTestId('agenda-item')
      .filter({ has: tab.locator('input[value="Talk"]') })
      .getByTestId('agenda-minutes');
    await talk.fill('35');
    await schedule.getByTestId('schedule-agenda-total').getByText('70 of 60 minutes: 10 over').waitFor();
    await expectNoAxeViolations(tab, 'scheduling, the agenda over time');
    await schedule.getByTestId('schedule-duration').fill('75');
    await schedule.getByTestId('schedule-agenda-total').getByText('70 of 75 minutes planned, 5 to spare').waitFor();
    await schedule.getByTestId('schedule-submit').dblclick();
    await schedule.getByText('Scheduled', { exact: true }).waitFor({ timeout: 20000 });

    // Once, with what the form said.
    const sessions = (await call<{ sessions: Session[] }>(ALEX, 'GET', `/communities/${C}/sessions`)).sessions;
    expect(sessions).toHaveLength(1);
    const s = sessions[0]!;
    expect(s.details).toEqual({
      type: 'external-speaker',
      speakerName: 'Ada Lovelace',
      organisation: 'Analytical Engines Ltd',
    });
    expect(s.facilitatorId).toBe(BEA.userId);
    expect(s.topicIds).toEqual([top.id]);
    expect(s.durationMinutes).toBe(75);
    expect(s.meetingLink).toBe('https://teams.microsoft.com/l/meetup-join/demo');
    expect(s.agenda.find((i) => i.title === 'Talk')!.minutes).toBe(35);
    expect(new Date(s.startsAt).getTime()).toBeGreaterThan(Date.now());

    // Listed with its agenda; the topic left the prioritised list; Chen is next up now.
    const card = tab.getByTestId('upcoming-session');
    await card.waitFor();
    await card.getByTestId('session-details').getByText('Ada Lovelace (Analytical Engines Ltd)').waitFor();
    expect(await card.getByTestId('session-agenda').locator('li').allInnerTexts()).toEqual(
      s.agenda.map((i) => `${i.title}\n${i.minutes} min`),
    );
    await card.getByTestId('session-topics').getByText(top.title).waitFor();
    await waitUntil(
      async () => !(await prioritisedTitles(tab)).includes(top.title),
      'the scheduled topic to leave the prioritised list',
    );
    await tab.getByTestId('backlog-scheduled').getByText(top.title).waitFor();
    await schedule.getByTestId('next-up').getByText('Chen Wei').waitFor();
    await expectNoAxeViolations(tab, 'scheduled, the upcoming session listed');

    // Edit the agenda while someone else edits it through the API.
    await card.getByTestId('agenda-edit').click();
    const form = card.getByTestId('agenda-form');
    await form.waitFor();
    await form.getByTestId('agenda-minutes').nth(2).fill('20');
    const current = await call<{ session: Session; etag: string }>(ALEX, 'GET', `/communities/${C}/sessions/${s.id}`);
    const theirs = current.session.agenda.map((i) => (i.title === 'Check-in' ? { ...i, minutes: 10 } : i));
    await call(ALEX, 'PUT', `/communities/${C}/sessions/${s.id}/agenda`, { etag: current.etag, agenda: theirs });
    await form.getByTestId('agenda-save').click();
    await form.getByTestId('agenda-conflict').waitFor();
    await expectNoAxeViolations(tab, 'the agenda with an edit conflict');
    expect(
      (await call<{ session: Session }>(ALEX, 'GET', `/communities/${C}/sessions/${s.id}`)).session.agenda,
    ).toEqual(theirs);
    expect(await form.getByTestId('agenda-minutes').nth(2).inputValue()).toBe('20');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'schedule-dev-conflict.png') });
    await form.getByRole('button', { name: 'Save my version' }).click();
    await form.waitFor({ state: 'detached' });
    const after = (await call<{ session: Session }>(ALEX, 'GET', `/communities/${C}/sessions/${s.id}`)).session;
    expect(after.agenda[2]!.minutes).toBe(20);
    expect(after.agenda[0]!.minutes).toBe(5);
    expect(await card.getByTestId('session-agenda').locator('li').allInnerTexts()).toEqual(
      after.agenda.map((i) => `${i.title}\n${i.minutes} min`),
    );
    expect(errors).toEqual([]);
    await page.close();

    for (const theme of ['default', 'dark'] as const) {
      const name = theme === 'default' ? 'light' : 'dark';
      await shoot(`schedule-${name}.png`, theme, 1280, 'schedule', ALEX, async (p) => {
        await p.getByTestId('schedule-type').selectOption('book-club');
        await p.getByTestId('schedule-bookTitle').waitFor();
      });
      await shoot(`schedule-upcoming-${name}.png`, theme, 1280, 'session-agendas');
    }
    await shoot('schedule-600-light.png', 'default', 600, 'schedule');
    await shoot('schedule-contrast.png', 'contrast', 1280, 'schedule');
    await shoot('schedule-member-light.png', 'default', 600, 'schedule', CHEN);
  }, 300_000); // as above
});
