/**
 * The Content-Security-Policy lets the tab run and nothing else: in real headless Chromium the /dev
 * meeting (side panels live on the Fluid local service over its own port, the stage, the channel
 * tab) and the configuration page render with no CSP violation in any frame, and an inline script
 * injected into the page is refused.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { framesOf, launchChromium, requireBuiltTab, skipE2E, waitUntil } from '../fixtures/browser';
import { startLocalStack, type LocalStack } from '../fixtures/local-stack';

const describeE2E = skipE2E ? describe.skip : describe;

/** Runs in every frame before the page's own scripts: reports each violation to the console. */
const REPORT_VIOLATIONS = () => {
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error(
      `CSP-VIOLATION ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} in ${location.pathname}`,
    );
  });
};

describeE2E('the Content-Security-Policy in Chromium', () => {
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

  async function open(): Promise<{ context: BrowserContext; page: Page; violations: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    await context.addInitScript(REPORT_VIOLATIONS);
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      const text = m.text();
      if (text.includes('CSP-VIOLATION') || text.includes('Content Security Policy')) violations.push(text);
    });
    page.on('pageerror', (e) => violations.push(`page error: ${e.message}`));
    return { context, page, violations };
  }

  it('renders the /dev meeting live on Fluid with no violation in any frame', async () => {
    const { context, page, violations } = await open();
    const res = await page.goto(`${stack.url}/dev?participants=2`);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByTestId('dev-page').waitFor();
    await waitUntil(
      () =>
        framesOf(page, 'sidePanel').length === 2 &&
        framesOf(page, 'meetingStage').length === 1 &&
        framesOf(page, 'content').length === 1,
      'both side panels, the stage and the channel tab',
    );
    for (const panel of framesOf(page, 'sidePanel')) {
      await panel.locator('[data-testid="live-status"][data-status="connected"]').waitFor({ timeout: 30000 });
    }
    const [stage] = framesOf(page, 'meetingStage');
    await stage!.getByTestId('stage').waitFor();
    await stage!.locator('[data-testid="live-status"][data-status="connected"]').waitFor({ timeout: 30000 });
    const [channel] = framesOf(page, 'content');
    await channel!.getByTestId('channel-tab').waitFor();
    await channel!.getByText('Scrum Master CoP (demo)').first().waitFor({ timeout: 20000 });
    // Fluent's run-time styles applied (an unstyled page would mean style-src refused them).
    const styled = await stage!.evaluate(() => document.querySelectorAll('style[data-make-styles-bucket]').length);
    expect(styled).toBeGreaterThan(0);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('renders the configuration page with no violation, and refuses an injected inline script', async () => {
    const { context, page, violations } = await open();
    const who = 'tenant=local-tenant&user=dev-user-1&name=Alex%20Morgan&meeting=csp-meeting&theme=default';
    await page.goto(`${stack.url}/tab/config?host=local&frame=settings&${who}`);
    await page.getByTestId('config-page').waitFor();
    await page.getByTestId('config-new').waitFor({ timeout: 20000 });
    expect(violations).toEqual([]);
    const ran = await page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.appendChild(s);
      await new Promise((r) => setTimeout(r, 100));
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await waitUntil(
      () => violations.some((v) => v.includes('CSP-VIOLATION script-src-elem')),
      'the refused inline script',
    );
    await context.close();
  });
});
