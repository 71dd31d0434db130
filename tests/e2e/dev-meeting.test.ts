/**
 * The local meeting at /dev in real headless Chromium, on the real local stack: three participants'
 * side panels, the stage and the channel tab, live through Fluid, in light and dark.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
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

describeE2E('the local meeting at /dev', () => {
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

  async function openDev(theme: string, participants = 3): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1200 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${stack.url}/dev?participants=${participants}&theme=${theme}`);
    await page.getByTestId('dev-page').waitFor();
    await page
      .locator('iframe')
      .nth(participants + 1)
      .waitFor({ timeout: 20000 });
    await waitUntil(
      () =>
        framesOf(page, 'sidePanel').length === participants &&
        framesOf(page, 'meetingStage').length === 1 &&
        framesOf(page, 'content').length === 1,
      'every side panel, the stage and the channel tab frame',
    );
    expect(errors).toEqual([]);
    return page;
  }

  it("shows every participant's side panel, the stage and the channel tab, live on one community", async () => {
    const page = await openDev('default');
    const panels = framesOf(page, 'sidePanel');
    const [stage] = framesOf(page, 'meetingStage');
    const [channel] = framesOf(page, 'content');
    expect(stage).toBeDefined();
    expect(channel).toBeDefined();

    for (const [i, panel] of panels.entries()) {
      await panel.getByTestId('side-panel').waitFor();
      await panel.locator('[data-testid="live-status"][data-status="connected"]').waitFor({ timeout: 30000 });
      const input = panel.getByTestId('check-in-input');
      await input.fill(`Participant ${i + 1} is ready to work`);
      await input.press('Enter');
      await panel
        .getByTestId('my-check-in')
        .getByText(`Participant ${i + 1} is ready to work`)
        .waitFor();
    }
    // Every check-in reaches the shared stage and every other panel through Fluid.
    const wall = stage!.getByTestId('check-in-wall');
    await stage!.getByTestId('check-in-item').nth(2).waitFor({ timeout: 20000 });
    expect(await stage!.getByTestId('check-in-item').count()).toBe(3);
    for (let i = 1; i <= 3; i++) await wall.getByText(`Participant ${i} is ready to work`).waitFor();
    await panels[2]!.getByText('Participant 1 is ready to work').waitFor({ timeout: 20000 });

    await channel!.getByTestId('channel-tab').waitFor();
    await channel!.getByText('Scrum Master CoP (demo)').first().waitFor({ timeout: 20000 });
    await channel!.getByText('Alex Morgan').first().waitFor();
    await expectNoAxeViolationsAtDev(page, '/dev after everyone checked in (light)');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dev-light.png'), fullPage: true });
    await page.close();
  });

  it('follows the dark theme', async () => {
    const page = await openDev('dark');
    const [panel] = framesOf(page, 'sidePanel');
    await panel!.getByTestId('side-panel').waitFor();
    const luminance = await panel!.evaluate(() => {
      const rgb = getComputedStyle(document.body).backgroundColor.match(/\d+/g)!.map(Number);
      return (0.2126 * rgb[0]! + 0.7152 * rgb[1]! + 0.0722 * rgb[2]!) / 255;
    });
    expect(luminance).toBeLessThan(0.3);
    await framesOf(page, 'meetingStage')[0]!.getByTestId('stage').waitFor();
    await framesOf(page, 'content')[0]!.getByText('Scrum Master CoP (demo)').first().waitFor({ timeout: 20000 });
    for (const p of framesOf(page, 'sidePanel')) await p.getByText('(you)').first().waitFor({ timeout: 30000 });
    await expectNoAxeViolationsAtDev(page, '/dev (dark)');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dev-dark.png'), fullPage: true });
    await page.close();
  });

  const localUrl = (frame: string, theme: string, extra = '') =>
    `${stack.url}/tab/?host=local&frame=${frame}&tenant=local-tenant&user=dev-user-2&name=Bea%20Okafor&meeting=local-meeting&channel=local-channel&theme=${theme}${extra}`;

  for (const theme of ['default', 'dark', 'contrast']) {
    it(`fits the side panel into 320 px (${theme})`, async () => {
      const page = await browser.newPage({ viewport: { width: 320, height: 720 } });
      await page.goto(localUrl('sidePanel', theme));
      await page.locator('[data-testid="live-status"][data-status="connected"]').waitFor({ timeout: 30000 });
      await page.getByText('Bea Okafor (you)').waitFor();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page, `the side panel at 320 px (${theme})`);
      await page.screenshot({ path: path.join(SCREENSHOTS, `side-panel-${theme}.png`) });
      await page.close();
    });

    it(`renders the stage and the channel tab (${theme})`, async () => {
      const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
      await page.goto(localUrl('meetingStage', theme));
      await page.getByTestId('stage').waitFor();
      await page.locator('[data-testid="live-status"][data-status="connected"]').waitFor({ timeout: 30000 });
      await page.getByRole('heading', { name: 'Check-in wall' }).waitFor();
      await expectNoAxeViolations(page, `the stage (${theme})`);
      await page.screenshot({ path: path.join(SCREENSHOTS, `stage-${theme}.png`) });
      await page.goto(localUrl('content', theme));
      await page.getByTestId('channel-tab').waitFor();
      await page.getByText('Scrum Master CoP (demo)').first().waitFor({ timeout: 20000 });
      await expectNoAxeViolations(page, `the channel tab (${theme})`);
      await page.screenshot({ path: path.join(SCREENSHOTS, `channel-tab-${theme}.png`), fullPage: true });
      await page.close();
    });
  }

  it('binds a new meeting to a community created on the configuration page, and its side panel follows', async () => {
    const who = 'tenant=local-tenant&user=dev-user-1&name=Alex%20Morgan&meeting=e2e-meeting-2&theme=default';
    const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
    await page.goto(`${stack.url}/tab/config?host=local&frame=settings&${who}`);
    await page.getByTestId('config-page').waitFor();
    await page.getByTestId('config-new').waitFor({ timeout: 20000 });
    await page.getByLabel('Create a new community').check();
    await page.getByTestId('config-name').fill('Product Owners CoP');
    await page.getByLabel('Learning community').check();
    await expectNoAxeViolations(page, 'the configuration page, creating a community');
    await page.getByTestId('config-save').click();
    await page.getByText('now belongs to Product Owners CoP').waitFor({ timeout: 20000 });
    await expectNoAxeViolations(page, 'the configuration page, saved');

    await page.goto(`${stack.url}/tab/?host=local&frame=sidePanel&${who}`);
    await page.getByRole('heading', { name: 'Product Owners CoP' }).waitFor({ timeout: 20000 });
    await page.locator('[data-testid="live-status"][data-status="connected"]').waitFor({ timeout: 30000 });
    await page.close();
  });

  it('lets members propose topics in the channel tab, and points a near-duplicate to a +1', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(localUrl('content', 'default'));
    const backlog = page.getByTestId('backlog');
    await backlog.waitFor({ timeout: 20000 });
    // A paste far past the limit is kept and the field says so; proposing it sends nothing.
    await page.getByTestId('propose-input').fill('y'.repeat(5000));
    expect((await page.getByTestId('propose-input').inputValue()).length).toBe(5000);
    await page.getByText('That is 5,000 characters; the limit is 120. Shorten it by 4,880 to add it.').waitFor();
    await page.getByTestId('propose-submit').click();
    expect(await backlog.getByTestId('backlog-item').count()).toBe(0);
    await page.getByTestId('propose-input').fill('How do we run remote retros?');
    await page.getByTestId('propose-submit').click();
    await backlog.getByTestId('backlog-item').filter({ hasText: 'How do we run remote retros?' }).waitFor();

    const alex = `${stack.url}/tab/?host=local&frame=content&tenant=local-tenant&user=dev-user-1&name=Alex%20Morgan&channel=local-channel&theme=default`;
    await page.goto(alex);
    await page.getByTestId('propose-input').fill('Running remote retros');
    await page.getByTestId('propose-submit').click();
    await page.getByTestId('similar-topic').waitFor();
    await expectNoAxeViolations(page, 'the channel tab with a near-duplicate proposal');
    await page.getByRole('button', { name: '+1 it instead' }).click();
    await page.getByTestId('supporters').filter({ hasText: '1 supporter' }).waitFor();
    await expectNoAxeViolations(page, 'the channel tab backlog with a proposed topic');
    expect(await page.getByTestId('backlog-item').count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'channel-tab-backlog.png'), fullPage: true });
    await page.close();
  });

  it('renders the configuration page, in every theme without accessibility violations', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 700 } });
    for (const theme of ['default', 'dark', 'contrast']) {
      await page.goto(
        `${stack.url}/tab/config?host=local&frame=settings&tenant=local-tenant&user=dev-user-1&name=Alex%20Morgan&meeting=local-meeting&theme=${theme}`,
      );
      await page.getByTestId('config-page').waitFor();
      await page.getByText('Scrum Master CoP (demo)').first().waitFor({ timeout: 20000 });
      await expectNoAxeViolations(page, `the configuration page (${theme})`);
      if (theme === 'default') await page.screenshot({ path: path.join(SCREENSHOTS, 'config-default.png') });
    }
    await page.close();
  });
});
