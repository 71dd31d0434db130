/**
 * The channel tab as the place someone who missed a session reads what happened, in real headless
 * Chromium on the real local stack. The data is prepared through the API with dev identities (a
 * topic, a deep dive scheduled and closed with takeaways and an action, its notes, an upcoming
 * session); then the tab is driven as the coach (Bea), the action's owner (Chen) and the facilitator
 * (Alex), at 1280 px and 600 px, light and dark.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { encodeDevIdentity } from '../../src/api/dev-identity';
import { expectNoAxeViolations, launchChromium, requireBuiltTab, SCREENSHOTS, skipE2E } from '../fixtures/browser';
import { startLocalStack, type LocalStack } from '../fixtures/local-stack';

const describeE2E = skipE2E ? describe.skip : describe;

const TENANT = 'local-tenant';
const C = 'demo-cop';
const ALEX = { user: 'dev-user-1', name: 'Alex Morgan' }; // facilitator and champion
const BEA = { user: 'dev-user-2', name: 'Bea Okafor' }; // coach
const CHEN = { user: 'dev-user-3', name: 'Chen Wei' }; // member, owns the topic and the action
const DARA = { user: 'dev-user-4', name: 'Dara Nolan' };
type Who = typeof ALEX;

const TAKEAWAY = 'Start every retro with two minutes of silent writing';
const ACTION = 'Try silent writing in the next three retros';
const NOTES = [
  '# Remote retros',
  'We tried silent writing first; it gave the quiet people room to speak.',
  '- Dot voting after the writing\n- Timebox the discussion to 10 minutes',
  '<script>window.__pwned = 1</script> stays text, as does <b>this</b>.',
].join('\n\n');

const DAY = 86_400_000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

describeE2E('the channel tab: sessions for the people who missed them', () => {
  let stack: LocalStack;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: Browser;
  let sessionId = '';
  let upcomingId = '';
  let topicId = '';

  async function call(who: Who, method: string, p: string, body?: unknown): Promise<{ status: number; body: any }> {
    const res = await fetch(`${stack.url}${p}`, {
      method,
      headers: {
        authorization: encodeDevIdentity({ tenantId: TENANT, userId: who.user, displayName: who.name }),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }
  async function ok(who: Who, method: string, p: string, body?: unknown): Promise<any> {
    const r = await call(who, method, p, body);
    if (r.status >= 300) throw new Error(`${method} ${p} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  beforeAll(async () => {
    requireBuiltTab();
    chromium = await launchChromium();
    browser = chromium.browser;
    stack = await startLocalStack();

    const setup = await fetch(`${stack.url}/api/dev/setup?participants=4`);
    expect(setup.status).toBe(200);
    const base = `/api/communities/${C}`;
    topicId = (await ok(CHEN, 'POST', `${base}/topics`, { title: 'Remote retros people enjoy', force: true })).topic.id;
    await ok(ALEX, 'PUT', `${base}/topics/${topicId}/position`, { position: 1 });
    await ok(CHEN, 'PUT', `${base}/topics/${topicId}/owner`);
    const scheduled = await ok(ALEX, 'POST', `${base}/sessions`, {
      details: { type: 'deep-dive' },
      startsAt: new Date(Date.now() + 2 * 60_000).toISOString(),
      topicIds: [topicId],
      facilitatorId: ALEX.user,
      purpose: 'Make our retrospectives something people look forward to.',
    });
    sessionId = scheduled.session.id;
    await ok(ALEX, 'POST', `${base}/sessions/${sessionId}/close`, {
      requestId: 'e2e-close-1',
      attendees: [ALEX.user, BEA.user, CHEN.user, DARA.user],
      takeaways: [
        {
          topicId,
          text: TAKEAWAY,
          authorId: CHEN.user,
          action: { text: ACTION, ownerId: CHEN.user, dueDate: isoDate(new Date(Date.now() + 14 * DAY)) },
        },
        { topicId, text: 'Rotate who facilitates the retro', authorId: DARA.user },
      ],
      feedback: [
        { userId: ALEX.user, score: 4 },
        { userId: BEA.user, score: 5 },
        { userId: DARA.user, score: 4 },
      ],
    });
    await ok(ALEX, 'PUT', `${base}/sessions/${sessionId}/notes`, { markdown: NOTES });
    upcomingId = (
      await ok(ALEX, 'POST', `${base}/sessions`, {
        details: { type: 'book-club', bookTitle: 'Team Topologies' },
        startsAt: new Date(Date.now() + 7 * DAY).toISOString(),
      })
    ).session.id;
  });
  afterAll(async () => {
    await chromium?.close();
    await stack?.stop();
  });

  const tabUrl = (who: Who, theme = 'default') =>
    `${stack.url}/tab/?host=local&frame=content&tenant=${TENANT}&user=${who.user}&name=${encodeURIComponent(who.name)}&channel=local-channel&theme=${theme}`;

  async function open(who: Who, width: number, theme = 'default'): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(tabUrl(who, theme));
    await page.getByTestId('sessions').waitFor({ timeout: 20000 });
    await page.getByTestId('session-row').first().waitFor({ timeout: 20000 });
    return { page, errors };
  }

  const noOverflow = async (page: Page) =>
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
    ).toBeLessThanOrEqual(0);

  it('lists the held session (with its topic, facilitator and takeaways) below the upcoming one; filters and search find it', async () => {
    const { page, errors } = await open(BEA, 1280);
    const past = page.getByTestId('past-sessions');
    const row = past.locator(`[data-session-id="${sessionId}"]`);
    await row.waitFor();
    await expect(row.innerText()).resolves.toMatch(/Deep dive/);
    await row.getByText('Remote retros people enjoy').waitFor();
    await row.getByText('Facilitated by Alex Morgan').waitFor();
    await row.getByTestId('takeaway-count').filter({ hasText: '2 takeaways' }).waitFor();
    const upcoming = page.getByTestId('upcoming-sessions');
    await upcoming.locator(`[data-session-id="${upcomingId}"]`).getByText('Book club: Team Topologies').waitFor();
    // Upcoming comes first on the page.
    const order = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="upcoming-sessions"], [data-testid="past-sessions"]')].map((e) =>
        e.getAttribute('data-testid'),
      ),
    );
    expect(order).toEqual(['upcoming-sessions', 'past-sessions']);
    await expectNoAxeViolations(page, 'the channel tab with past and upcoming sessions');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'channel-sessions-list-light.png'), fullPage: true });

    // Filters go to the server's list query.
    await page.getByTestId('filters-toggle').click();
    await page.getByTestId('filter-type').selectOption('book-club');
    await page.getByText('Past sessions (0), filtered').waitFor();
    await page.getByTestId('filter-summary').filter({ hasText: 'Showing: Book club' }).waitFor();
    await expectNoAxeViolations(page, 'the channel tab with filters');
    await upcoming.locator(`[data-session-id="${upcomingId}"]`).waitFor();
    await page.getByTestId('filter-type').selectOption('');
    await page.getByTestId('filter-owner').selectOption(CHEN.user);
    await page.getByText('Past sessions (1), filtered').waitFor();
    // The book club's facilitator is Alex (no rotation yet) and it has no topic: it is not Chen's.
    await expect(page.getByTestId('upcoming-sessions').count()).resolves.toBe(0);
    await page.getByTestId('filter-clear').click();
    await page.getByText('Past sessions (1)', { exact: true }).waitFor();

    // Search across takeaways and notes.
    await page.getByTestId('search-input').fill('silent writing');
    await page.getByTestId('search-submit').click();
    await page.getByTestId('search-summary').filter({ hasText: 'results for “silent writing”' }).waitFor();
    const takeawayHit = page.locator('[data-testid="search-hit"][data-kind="takeaway"]');
    await takeawayHit.getByText(TAKEAWAY).waitFor();
    expect(await page.locator('[data-testid="search-hit"][data-kind="notes"]').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'the channel tab with search results');
    await takeawayHit.getByTestId('search-hit-link').click();
    await page.getByTestId('session-page').waitFor();
    expect(await page.getByTestId('session-page').getAttribute('data-session-id')).toBe(sessionId);
    // Back (the button) returns to the community, the search still there, the focus on the link used.
    await page.getByTestId('session-back').click();
    await page.getByTestId('search-results').waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'search-hit-link');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the session page: notes as text blocks, takeaways, the action, attendance, feedback; the coach annotates a paragraph', async () => {
    const { page, errors } = await open(BEA, 1280);
    // Keyboard: focus the session's link and press Enter.
    await page.locator(`[data-session-link="${sessionId}"]`).first().focus();
    await page.keyboard.press('Enter');
    const sp = page.getByTestId('session-page');
    await sp.waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'session-page-heading');

    const notes = sp.getByTestId('notes-body');
    await notes.locator('h3', { hasText: 'Remote retros' }).waitFor();
    await notes.getByText('We tried silent writing first; it gave the quiet people room to speak.').waitFor();
    await notes.locator('li', { hasText: 'Timebox the discussion to 10 minutes' }).waitFor();
    await notes.getByText('<script>window.__pwned = 1</script> stays text, as does <b>this</b>.').waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await notes.locator('script, b').count()).toBe(0);

    await sp
      .getByTestId('session-takeaway')
      .filter({ hasText: TAKEAWAY })
      .getByText('Chen Wei · Remote retros people enjoy · became an action')
      .waitFor();
    const action = sp.getByTestId('session-action').filter({ hasText: ACTION });
    await action.getByText(/Chen Wei · due \d{4}-\d{2}-\d{2}/).waitFor();
    // Bea neither owns it nor facilitates: she reads the status.
    await action.getByTestId('action-status-text').filter({ hasText: 'Open' }).waitFor();
    await sp.getByTestId('attendance-count').filter({ hasText: '4 people took part' }).waitFor();
    for (const n of [ALEX, BEA, CHEN, DARA]) await sp.getByTestId('attendance-names').getByText(n.name).waitFor();
    await sp.getByTestId('feedback-summary').filter({ hasText: '4.3 out of 5, from 3 votes.' }).waitFor();

    // The coach annotates paragraph 2; it shows beside that paragraph.
    await sp.getByRole('button', { name: 'Annotate paragraph 2' }).click();
    await sp.getByTestId('annotate-text').fill('Try 1-2-4-all next time: it scales the silent start.');
    await sp.getByTestId('annotate-save').click();
    const p2 = sp.locator('[data-testid="notes-paragraph"][data-paragraph="1"]');
    await p2.getByTestId('annotation').filter({ hasText: 'Try 1-2-4-all next time' }).waitFor();
    await p2
      .getByTestId('annotation')
      .getByText(/Coach Bea Okafor/)
      .waitFor();
    // Beside, not below, at 1280 px.
    const [textBox, noteBox] = await Promise.all([
      p2.locator('p').first().boundingBox(),
      p2.getByTestId('annotation').boundingBox(),
    ]);
    expect(noteBox!.x).toBeGreaterThan(textBox!.x + textBox!.width - 1);
    expect(await sp.getByTestId('session-publish').count()).toBe(0);
    expect(await sp.getByTestId('notes-edit').count()).toBe(0);
    await expectNoAxeViolations(page, 'a session page, annotated (light)');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'channel-session-light.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("lets the action's owner change its status in the open actions at 600 px; it sticks after a reload", async () => {
    const { page, errors } = await open(CHEN, 600);
    const openActions = page.getByTestId('open-actions');
    const group = openActions.locator(`[data-testid="action-group"][data-owner="${CHEN.user}"]`);
    await group.getByText('Chen Wei (you) · 1 action').waitFor({ timeout: 20000 });
    const select = group.getByRole('combobox', { name: `Status of "${ACTION}"` });
    await select.selectOption('doing');
    await openActions.getByTestId('action-status-saved').filter({ hasText: 'is now doing' }).waitFor();
    await expectNoAxeViolations(page, 'the open actions at 600 px, a status saved');
    await noOverflow(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'channel-sessions-list-600.png'), fullPage: true });
    await openActions.screenshot({ path: path.join(SCREENSHOTS, 'channel-open-actions-600.png') });

    await page.reload();
    await page
      .getByTestId('open-actions')
      .getByRole('combobox', { name: `Status of "${ACTION}"` })
      .waitFor({ timeout: 20000 });
    await page.waitForFunction(
      (name) => (document.querySelector(`select[aria-label='${name}']`) as HTMLSelectElement | null)?.value === 'doing',
      `Status of "${ACTION}"`,
    );
    const outcomes = await ok(CHEN, 'GET', `/api/communities/${C}/sessions/${sessionId}/outcomes`);
    expect(outcomes.actions[0].status).toBe('doing');

    // The session page at 600 px: annotations go below their paragraph, nothing overflows.
    await page.locator(`[data-session-link="${sessionId}"]`).first().click();
    await page.getByTestId('session-page').getByTestId('notes-body').waitFor();
    await noOverflow(page);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'channel-session-600.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('renders the session page in the high-contrast theme', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${tabUrl(CHEN, 'contrast')}#session=${encodeURIComponent(sessionId)}`);
    await page.getByTestId('session-page').getByTestId('notes-body').waitFor({ timeout: 20000 });
    await page.getByTestId('feedback-summary').waitFor();
    await expectNoAxeViolations(page, 'a session page (high contrast)');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'channel-session-contrast.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a stale status change clearly and reloads', async () => {
    const { page, errors } = await open(CHEN, 1280);
    const select = page.getByTestId('open-actions').getByRole('combobox', { name: `Status of "${ACTION}"` });
    await select.waitFor({ timeout: 20000 });
    // The tab follows changes by polling (ADR 0022); hold the poll so the change below stays unseen, as
    // it would be for a change made in the seconds between two polls.
    await page.route('**/changes', (r) => r.abort());
    // Someone else (the facilitator) changes it meanwhile, through the API.
    const fresh = (await ok(ALEX, 'GET', `/api/communities/${C}/sessions/${sessionId}/outcomes`)).actions[0];
    await ok(ALEX, 'PATCH', `/api/communities/${C}/actions/${fresh.id}`, { etag: fresh.etag, status: 'open' });
    await select.selectOption('done');
    await page.getByText(/Someone changed .* meanwhile, so your change was not saved/).waitFor();
    await expectNoAxeViolations(page, 'the open actions with a stale status change');
    await page.waitForFunction(
      (name) => (document.querySelector(`select[aria-label='${name}']`) as HTMLSelectElement | null)?.value === 'open',
      `Status of "${ACTION}"`,
    );
    expect((await ok(CHEN, 'GET', `/api/communities/${C}/sessions/${sessionId}/outcomes`)).actions[0].status).toBe(
      'open',
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets the facilitator edit the notes (keeping the draft when someone else saved meanwhile), export Markdown and try to publish (dark)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // A link straight to the session's page.
    await page.goto(`${tabUrl(ALEX, 'dark')}#session=${encodeURIComponent(sessionId)}`);
    const sp = page.getByTestId('session-page');
    await sp.getByTestId('notes-body').waitFor({ timeout: 20000 });
    await sp.getByTestId('annotation').filter({ hasText: 'Try 1-2-4-all' }).waitFor();
    const luminance = await page.evaluate(() => {
      const rgb = getComputedStyle(document.documentElement).backgroundColor.match(/\d+/g)!.map(Number);
      return (0.2126 * rgb[0]! + 0.7152 * rgb[1]! + 0.0722 * rgb[2]!) / 255;
    });
    expect(luminance).toBeLessThan(0.3);
    await expectNoAxeViolations(page, 'a session page as the facilitator (dark)');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'channel-session-dark.png'), fullPage: true });

    // Export downloads the session as Markdown with its takeaway.
    const [download] = await Promise.all([page.waitForEvent('download'), sp.getByTestId('session-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^guildhall-\d{4}-\d{2}-\d{2}-deep-dive\.md$/);
    const md = readFileSync((await download.path())!, 'utf8');
    expect(md).toContain(`- ${TAKEAWAY} — Chen Wei (Remote retros people enjoy)`);
    expect(md).toContain('Attendance: 4');
    await sp.getByText(/^Downloaded guildhall-/).waitFor();

    // Edit the notes; meanwhile someone else saves; the draft is kept and their text shown.
    await sp.getByTestId('notes-edit').click();
    const draft = `${NOTES}\n\nAdded by Alex: next time, 1-2-4-all.`;
    await sp.getByTestId('notes-textarea').fill(draft);
    const current = await ok(ALEX, 'GET', `/api/communities/${C}/sessions/${sessionId}/outcomes`);
    await ok(ALEX, 'PUT', `/api/communities/${C}/sessions/${sessionId}/notes`, {
      markdown: `${NOTES}\n\nA late remark from another tab.`,
      etag: current.notesEtag,
    });
    await sp.getByTestId('notes-save').click();
    await sp.getByText('Someone else saved meanwhile').waitFor();
    await sp.getByTestId('notes-theirs').filter({ hasText: 'A late remark from another tab.' }).waitFor();
    await expectNoAxeViolations(page, 'the notes editor with a conflict (dark)');
    expect(await sp.getByTestId('notes-textarea').inputValue()).toBe(draft);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'channel-notes-conflict-dark.png'), fullPage: true });
    // Re-apply: keep their remark and add mine, then save.
    await sp
      .getByTestId('notes-textarea')
      .fill(`${NOTES}\n\nA late remark from another tab.\n\nAdded by Alex: next time, 1-2-4-all.`);
    await sp.getByTestId('notes-save').click();
    await sp.getByTestId('notes-saved').filter({ hasText: 'Notes saved.' }).waitFor();
    await sp.getByTestId('notes-body').getByText('Added by Alex: next time, 1-2-4-all.').waitFor();
    await sp.getByTestId('notes-body').getByText('A late remark from another tab.').waitFor();
    const saved = await ok(ALEX, 'GET', `/api/communities/${C}/sessions/${sessionId}/outcomes`);
    expect(saved.notes.markdown).toContain('A late remark from another tab.');
    expect(saved.notes.markdown).toContain('Added by Alex');

    // Publish: kept and marked published; the demo channel has no bot installed, so no card, and it says so.
    await sp.getByTestId('session-publish').click();
    const notice = sp.getByTestId('session-notice');
    await notice.getByText('Published, but not posted to the channel').waitFor();
    await notice.getByText(/bot is not installed/).waitFor();
    await expectNoAxeViolations(page, 'a session page, published (dark)');
    const published = await ok(ALEX, 'GET', `/api/communities/${C}/sessions/${sessionId}`);
    expect(published.session.published).toMatchObject({ by: 'dev-user-1', posted: false });
    expect(await page.getByTestId('session-page').count()).toBe(1); // still on the page, nothing crashed
    // Opened from a link: the back button leaves the session page and drops the hash.
    await sp.getByTestId('session-back').click();
    await page.getByTestId('sessions').waitFor();
    expect(new URL(page.url()).hash).toBe('');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'channel-sessions-list-dark.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
