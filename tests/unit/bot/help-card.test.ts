import type * as AdaptiveCards from 'adaptivecards';
import { CardSubmit } from '../../../src/bot/card-actions';
import { ADAPTIVE_CARD_SCHEMA, buildHelpCard, type AdaptiveCard } from '../../../src/bot/cards/help-card';
import { COMMANDS } from '../../../src/bot/commands';

// The package's ESM build (extensionless imports) does not load under jest's CommonJS runtime
// without a transform; its UMD bundle does, and has the same API.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC: typeof AdaptiveCards = require('adaptivecards/dist/adaptivecards.js');

/** Every string a person can read on the card (TextBlock texts, action titles). */
function visibleText(card: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.type === 'TextBlock' && typeof n.text === 'string') out.push(n.text);
      if (typeof n.type === 'string' && n.type.startsWith('Action.') && typeof n.title === 'string') out.push(n.title);
      Object.entries(n).forEach(([k, v]) => k !== 'data' && walk(v));
    }
  };
  walk(card);
  return out;
}

/** Problems the Adaptive Cards SDK finds when it parses the card (unknown types, bad enum values). */
function sdkProblems(card: AdaptiveCard): string[] {
  const parsed = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext();
  parsed.parse(card, ctx);
  const events = Array.from({ length: ctx.eventCount }, (_, i) => ctx.getEventAt(i).message);
  return [...events, ...parsed.validateProperties().validationEvents.map((e) => e.message)];
}

describe('buildHelpCard', () => {
  const card = buildHelpCard();
  const welcome = buildHelpCard({ welcome: true });

  test('is an Adaptive Card 1.5 with the schema', () => {
    for (const c of [card, welcome]) {
      expect(c.type).toBe('AdaptiveCard');
      expect(c.version).toBe('1.5');
      expect(c.$schema).toBe(ADAPTIVE_CARD_SCHEMA);
      expect(c.$schema).toBe('http://adaptivecards.io/schemas/adaptive-card.json');
      expect(Array.isArray(c.body)).toBe(true);
      expect(c.body.length).toBeGreaterThan(0);
    }
  });

  test('lists every command the product offers, with how to type it', () => {
    const text = visibleText(card).join('\n');
    expect(text).toContain('propose: how do we run remote retros?');
    for (const word of ['backlog', 'next', 'rsvp', 'attendance']) expect(text.toLowerCase()).toContain(word);
    expect(text).toMatch(/RSVP/);
    expect(text).toMatch(/champions/);
    for (const c of COMMANDS.filter((x) => x.id !== 'help')) {
      expect(text).toContain(c.usage);
      expect(text).toContain(c.description);
    }
    expect(text).toMatch(/help/);
  });

  test('the welcome variant differs: it opens with a welcome line, and lists the same commands', () => {
    expect(welcome).not.toEqual(card);
    const w = visibleText(welcome);
    expect(w[0]).toBe('Welcome to Guildhall!');
    expect(visibleText(card).join('\n')).not.toMatch(/welcome/i);
    for (const c of COMMANDS.filter((x) => x.id !== 'help')) expect(w.join('\n')).toContain(c.usage);
    expect(buildHelpCard({ welcome: false })).toEqual(card);
  });

  test('uses the app name when given, Guildhall otherwise', () => {
    expect(visibleText(buildHelpCard({ welcome: true, appName: 'Scrum Guild' }))[0]).toBe('Welcome to Scrum Guild!');
    expect(visibleText(buildHelpCard({ appName: 'Scrum Guild' }))[0]).toMatch(/^Scrum Guild/);
    expect(visibleText(buildHelpCard({ appName: '   ' }))[0]).toMatch(/^Guildhall/);
  });

  test('is deterministic and JSON-serialisable without loss', () => {
    expect(buildHelpCard()).toEqual(buildHelpCard());
    expect(buildHelpCard({ welcome: true })).toEqual(buildHelpCard({ welcome: true }));
    for (const c of [card, welcome]) {
      const json = JSON.stringify(c);
      expect(JSON.parse(json)).toEqual(c);
    }
  });

  test('its buttons send data that the card-submit schema accepts', () => {
    const actions = card.actions ?? [];
    expect(actions.length).toBeGreaterThan(0);
    for (const a of actions) {
      expect(a.type).toBe('Action.Submit');
      expect(CardSubmit.safeParse(a.data).success).toBe(true);
    }
  });

  test('the Adaptive Cards SDK parses it without a warning', () => {
    expect(sdkProblems(card)).toEqual([]);
    expect(sdkProblems(welcome)).toEqual([]);
  });

  test('the SDK check does catch a broken card (so the test above means something)', () => {
    const broken = { ...card, body: [{ type: 'TextBlok', text: 'x' }] } as AdaptiveCard;
    expect(sdkProblems(broken).join('\n')).toMatch(/Unknown element type "TextBlok"/);
  });
});
