/**
 * The bot in the Microsoft 365 Agents Playground (offline, its web UI on loopback) against the real
 * server, driven in headless Debian Chromium: the playground's test user (a member of a community
 * created through the API for them) proposes a topic in personal chat, proposes a near-duplicate,
 * sees the similar-topic card and presses its "+1" button; the backlog holds one topic with their +1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { encodeDevIdentity } from '../../src/api/dev-identity';
import { launchChromium, SCREENSHOTS, skipE2E } from '../fixtures/browser';
import { freePort, startLocalStack, type LocalStack } from '../fixtures/local-stack';

const describeE2E = skipE2E ? describe.skip : describe;
// The playground's default signed-in user and tenant (its built-in configuration).
const PLAYGROUND_TENANT = '00000000-0000-0000-0000-0000000000001';
const PLAYGROUND_USER = '00000000-0000-0000-0000-0000000000020';
const CLI = path.resolve(__dirname, '..', '..', 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');

describeE2E('the bot in the Agents Playground', () => {
  let stack: LocalStack;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let browser: Browser;
  let playground: ChildProcess;
  let playgroundUrl: string;
  let cwd: string;
  let communityId: string;

  const asPlaygroundUser = async (p: string, body?: unknown) => {
    const res = await fetch(stack.url + p, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: encodeDevIdentity({
          tenantId: PLAYGROUND_TENANT,
          userId: PLAYGROUND_USER,
          displayName: 'Alex Wilber',
        }),
        'content-type': 'application/json',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: await res.json() };
  };

  beforeAll(async () => {
    stack = await startLocalStack();
    const created = await asPlaygroundUser('/api/communities', {
      name: 'Playground CoP',
      purpose: 'working-group',
      cadencePerMonth: 2,
    });
    expect(created.status).toBe(201);
    communityId = created.body.community.id;
    const port = await freePort();
    cwd = mkdtempSync(path.join(tmpdir(), 'guildhall-playground-'));
    playground = spawn(
      process.execPath,
      [CLI, '-e', `${stack.url}/api/messages`, '-c', 'msteams', '--dt', '-p', String(port)],
      { cwd, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the playground did not start within 30 s')), 30000);
      playground.stdout!.on('data', (d: Buffer) => {
        if (/Listening on/.test(d.toString())) {
          clearTimeout(timer);
          resolve();
        }
      });
      playground.once('exit', (code) => reject(new Error(`the playground exited with ${code}`)));
    });
    playgroundUrl = `http://127.0.0.1:${port}/`;
    chromium = await launchChromium();
    browser = chromium.browser;
  });
  afterAll(async () => {
    await chromium?.close();
    playground?.kill();
    await stack?.stop();
    if (cwd) rmSync(cwd, { recursive: true, force: true });
  });

  const messageBox = (page: Page) => page.locator('textarea, [contenteditable=true]').first();

  async function send(page: Page, text: string): Promise<void> {
    const box = messageBox(page);
    await box.click();
    await box.fill(text);
    await page.keyboard.press('Enter');
  }

  it("proposes a topic, is pointed to the similar one and +1s it with the card's button", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(playgroundUrl);
    await messageBox(page).waitFor({ timeout: 30000 });

    await send(page, 'propose: How do we run remote retros people enjoy?');
    await page
      .getByRole('paragraph')
      .filter({
        hasText: 'Added to Playground CoP\'s backlog as proposed: "How do we run remote retros people enjoy?".',
      })
      .waitFor({ timeout: 20000 });

    await send(page, 'propose: remote retros people enjoy');
    const plusOne = page.getByRole('button', { name: '+1 the existing topic' });
    await plusOne.waitFor({ timeout: 20000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'bot-playground-similar.png') });
    await plusOne.click();
    await page
      .getByRole('paragraph')
      .filter({ hasText: /Your \+1 is on "How do we run remote retros people enjoy\?"/ })
      .waitFor({ timeout: 20000 });

    const backlog = await asPlaygroundUser(`/api/communities/${communityId}/topics`);
    expect(backlog.body.topics).toHaveLength(1);
    expect(backlog.body.topics[0]).toMatchObject({
      title: 'How do we run remote retros people enjoy?',
      supporters: [PLAYGROUND_USER],
    });
    await page.close();
  });
});
