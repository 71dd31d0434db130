/**
 * cardText: what a person wrote shows literally in a card. Checked against a real CommonMark parser
 * (mdast-util-from-markdown, the parser under react-markdown; Adaptive Card Markdown is a subset of
 * CommonMark): the escaped text parses to plain text only — no link, emphasis, list, heading, quote,
 * code or HTML — and reads exactly as typed. The parser is ESM-only, so it runs in a child Node process.
 * The builders' use of it is in cards.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { cardText } from '../../../src/bot/cards/card-text';

const SAMPLES = [
  '[Click here to verify your account](https://phish.example/login)',
  '![tracker](https://evil.example/pixel.png)',
  '<https://phish.example>',
  '<b>bold</b> <img src=x onerror=alert(1)>',
  '**urgent** _now_ ~~old~~ `code`',
  '# Heading',
  '> quoted',
  '- a list item',
  '+ another',
  '* a star item',
  '1. numbered',
  '12) numbered too',
  'Title\n===',
  'Title\n---',
  'line one\n- item on line two\n  3. indented number',
  'a \\ backslash and \\[ an escaped bracket',
  'AT&amp;T &copy; and &#x41;',
  'C++ and C# (not a heading), 2-3 people, 3.5 points, wow!',
  '{{DATE(2026-12-03T15:00:00Z, SHORT)}}',
  '[ref]: https://phish.example',
  'How do we run remote retros?',
];

interface Parsed {
  readonly types: string[];
  readonly text: string;
}

/** Parses each Markdown text with CommonMark; returns the node types found and the plain text it shows. */
function parse(texts: readonly string[]): Parsed[] {
  const script = `
    import { fromMarkdown } from 'mdast-util-from-markdown';
    const texts = JSON.parse(process.argv[1]);
    const out = texts.map((t) => {
      const types = new Set();
      let text = '';
      const walk = (n, depth) => {
        types.add(n.type);
        if (n.type === 'text') text += n.value;
        if (n.type === 'paragraph' && text) text += '\\n';
        (n.children ?? []).forEach((c) => walk(c, depth + 1));
      };
      walk(fromMarkdown(t), 0);
      return { types: [...types], text };
    });
    process.stdout.write(JSON.stringify(out));
  `;
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(texts)], {
    cwd: process.cwd(),
    encoding: 'utf8',
  });
  return JSON.parse(stdout) as Parsed[];
}

describe('cardText', () => {
  const escaped = SAMPLES.map(cardText);
  const parsed = parse(escaped);

  test.each(SAMPLES.map((s, i) => [s, i] as const))('%j parses to plain text only, reading as typed', (sample, i) => {
    const { types, text } = parsed[i]!;
    expect(types.filter((t) => !['root', 'paragraph', 'text'].includes(t))).toEqual([]);
    // (CommonMark drops the indentation of a paragraph's continuation lines; that is layout, not content.)
    expect(text.replace(/\n$/, '')).toBe(sample.replace(/\n[ \t]+/g, '\n'));
  });

  test('without it, the same samples would render links, emphasis, lists and headings (the parser sees them)', () => {
    const raw = parse(SAMPLES).flatMap((p) => p.types);
    for (const t of [
      'link',
      'image',
      'strong',
      'emphasis',
      'inlineCode',
      'heading',
      'blockquote',
      'list',
      'definition',
      'html',
    ])
      expect(raw).toContain(t);
  });

  test('leaves ordinary text as it is and breaks the DATE function', () => {
    expect(cardText('How do we run remote retros?')).toBe('How do we run remote retros?');
    expect(cardText('Scrum Masters North')).toBe('Scrum Masters North');
    expect(cardText('[x](https://phish.example)')).toBe('\\[x\\](https://phish.example)');
    expect(cardText('{{DATE(2026-12-03T15:00:00Z, SHORT)}}')).not.toContain('{{');
  });
});
