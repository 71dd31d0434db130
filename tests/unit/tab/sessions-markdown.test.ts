import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { paragraphsOf, type Annotation } from '../../../src/domain/outcomes';
import { MarkdownBlocks } from '../../../src/tab/features/sessions/MarkdownBlocks';
import { parseBlocks, parseInline, parseNotes, placeAnnotations } from '../../../src/tab/features/sessions/markdown-blocks';

const html = (markdown: string) => parseNotes(markdown).map((p) => renderToStaticMarkup(createElement(MarkdownBlocks, { blocks: p.blocks }))).join('');

describe('the notes block reader', () => {
  it('reads headings, bullet and numbered lists, quotes and paragraphs', () => {
    expect(parseBlocks('# Notes\nWe tried silent writing.\n- one\n- two\n1. first\n2) second\n> quoted')).toEqual([
      { kind: 'heading', level: 1, inline: [{ kind: 'text', text: 'Notes' }] },
      { kind: 'paragraph', inline: [{ kind: 'text', text: 'We tried silent writing.' }] },
      { kind: 'list', ordered: false, items: [[{ kind: 'text', text: 'one' }], [{ kind: 'text', text: 'two' }]] },
      { kind: 'list', ordered: true, items: [[{ kind: 'text', text: 'first' }], [{ kind: 'text', text: 'second' }]] },
      { kind: 'quote', inline: [{ kind: 'text', text: 'quoted' }] },
    ]);
  });

  it('reads bold, italic, code and safe links inline; snake_case stays text', () => {
    expect(parseInline('a **b** *c* `d` [e](https://x.test/p) my_var_name')).toEqual([
      { kind: 'text', text: 'a ' },
      { kind: 'strong', text: 'b' },
      { kind: 'text', text: ' ' },
      { kind: 'em', text: 'c' },
      { kind: 'text', text: ' ' },
      { kind: 'code', text: 'd' },
      { kind: 'text', text: ' ' },
      { kind: 'link', text: 'e', href: 'https://x.test/p' },
      { kind: 'text', text: ' my_var_name' },
    ]);
  });

  it('numbers paragraphs exactly as the server does, so annotations land beside the right one', () => {
    const md = '# Notes\n\nFirst idea.\n\n\n- a\n- b\n\n  \n\nLast one.';
    expect(parseNotes(md).map((p) => p.source)).toEqual(paragraphsOf(md));
    expect(parseNotes(md).map((p) => p.index)).toEqual([0, 1, 2, 3]);
  });

  it('keeps a fenced code block as text', () => {
    expect(parseBlocks('```js\nconst a = "<b>";\n```')).toEqual([{ kind: 'code', text: 'const a = "<b>";' }]);
  });
});

describe('escaping: notes never become HTML', () => {
  it('shows tags, scripts and event handlers as text', () => {
    const out = html('# <img src=x onerror=alert(1)>\n\n<script>alert("x")</script> and **<b>bold</b>**\n\n- <iframe src="https://evil.test"></iframe>');
    expect(out).not.toMatch(/<(img|script|iframe|b)[\s>]/);
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(out).toContain('<strong>&lt;b&gt;bold&lt;/b&gt;</strong>');
    expect(out).toContain('<li>&lt;iframe src=&quot;https://evil.test&quot;&gt;&lt;/iframe&gt;</li>');
  });

  it('links only http(s) and mailto; javascript: and data: stay visible text', () => {
    const out = html('[ok](https://example.test/a?b=1&c=2) [bad](javascript:alert(1)) [data](data:text/html,hi) [mail](mailto:a@b.test)');
    expect(out).toContain('<a href="https://example.test/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">ok</a>');
    expect(out).toContain('<a href="mailto:a@b.test"');
    expect(out).not.toMatch(/href="(javascript|data):/);
    expect(out).toContain('[bad](javascript:alert(1)');
    expect(out).toContain('[data](data:text/html,hi)');
  });

  it('renders notes headings right below the Notes section heading (h3–h6)', () => {
    expect(html('# One\n\n## Two\n\n### Three\n\n#### Four')).toBe('<h3>One</h3><h4>Two</h4><h5>Three</h5><h6>Four</h6>');
  });
});

describe('annotations beside their paragraph', () => {
  const a = (id: string, anchor: Annotation['anchor'], createdAt = '2026-01-01T00:00:00Z'): Annotation => ({
    id, communityId: 'c', sessionId: 's', anchor, text: id, authorId: 'coach', createdAt,
  });
  it('places by paragraph index or by the first paragraph holding the quote; the rest are unplaced', () => {
    const notes = parseNotes('# Notes\n\nWe tried silent writing first.\n\nThen dot voting.');
    const { byParagraph, unplaced } = placeAnnotations(notes, [
      a('p1', { paragraph: 1 }, '2026-01-02T00:00:00Z'),
      a('q', { quote: 'silent writing' }, '2026-01-01T00:00:00Z'),
      a('gone', { paragraph: 7 }),
      a('changed', { quote: 'no longer there' }),
    ]);
    expect(byParagraph.get(1)!.map((x) => x.id)).toEqual(['q', 'p1']);
    expect(byParagraph.has(0)).toBe(false);
    expect(unplaced.map((x) => x.id).sort()).toEqual(['changed', 'gone']);
  });
});
