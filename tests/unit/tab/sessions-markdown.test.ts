import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { paragraphsOf, type Annotation } from '../../../src/domain/outcomes';
import NotesMarkdown from '../../../src/tab/features/sessions/NotesMarkdown';
import { parseNotes, placeAnnotations, safeHref } from '../../../src/tab/features/sessions/markdown-blocks';

/** The notes as the session page renders them: paragraph by paragraph, through react-markdown. */
const html = (markdown: string) =>
  parseNotes(markdown)
    .map((p) => renderToStaticMarkup(createElement(NotesMarkdown, { markdown: p.source })))
    .join('')
    .replace(/\n/g, '');

describe('the notes reader (react-markdown)', () => {
  it('reads headings, bullet and numbered lists, quotes, paragraphs and code blocks', () => {
    expect(html('We tried silent writing.\n- one\n- two\n\n1. first\n2. second\n\n> quoted')).toBe(
      '<p>We tried silent writing.</p><ul><li>one</li><li>two</li></ul>' +
        '<ol><li>first</li><li>second</li></ol><blockquote><p>quoted</p></blockquote>',
    );
    expect(html('```js\nconst a = "<b>";\n```')).toBe(
      '<pre><code class="language-js">const a = &quot;&lt;b&gt;&quot;;</code></pre>',
    );
  });

  it('reads bold, italic, code and safe links inline; snake_case stays text', () => {
    expect(html('a **b** *c* `d` [e](https://x.test/p) my_var_name')).toBe(
      '<p>a <strong>b</strong> <em>c</em> <code>d</code> ' +
        '<a href="https://x.test/p" target="_blank" rel="noopener noreferrer">e</a> my_var_name</p>',
    );
  });

  it('numbers paragraphs exactly as the server does, so annotations land beside the right one', () => {
    const md = '# Notes\n\nFirst idea.\n\n\n- a\n- b\n\n  \n\nLast one.';
    expect(parseNotes(md).map((p) => p.source)).toEqual(paragraphsOf(md));
    expect(parseNotes(md).map((p) => p.index)).toEqual([0, 1, 2, 3]);
  });

  it("renders notes headings right below the Notes section's h2 (h3–h6, never skipping a level)", () => {
    expect(html('# One\n\n## Two\n\n#### Four')).toBe('<h3>One</h3><h4>Two</h4><h6>Four</h6>');
  });
});

describe('escaping: notes never become HTML', () => {
  it('shows tags, scripts and event handlers as text', () => {
    const out = html(
      '# <img src=x onerror=alert(1)>\n\n<script>alert("x")</script> and more\n\n**<b>bold</b>**\n\n' +
        '- <iframe src="https://evil.test"></iframe>\n\n<div onclick="alert(1)">\nblock\n</div>',
    );
    expect(out).not.toMatch(/<(img|script|iframe|b|div)[\s>]/);
    expect(out).not.toMatch(/<[^>]*\son\w+=/); // no element carries an event handler
    expect(out).toContain('<h3>&lt;img src=x onerror=alert(1)&gt;</h3>');
    expect(out).toContain('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; and more</p>');
    expect(out).toContain('<strong>&lt;b&gt;bold&lt;/b&gt;</strong>');
    expect(out).toContain('<li>&lt;iframe src=&quot;https://evil.test&quot;&gt;&lt;/iframe&gt;</li>');
    expect(out).toContain('&lt;div onclick=&quot;alert(1)&quot;&gt;');
  });

  it('links only http(s) and mailto, opening safely; javascript:, data: and relative targets stay text', () => {
    const out = html(
      '[ok](https://example.test/a?b=1&c=2) [bad](javascript:alert(1)) [data](data:text/html,hi) ' +
        '[mail](mailto:a@b.test) [rel](/api/communities) <javascript:alert(2)>',
    );
    expect(out).toContain(
      '<a href="https://example.test/a?b=1&amp;c=2" target="_blank" rel="noopener noreferrer">ok</a>',
    );
    expect(out).toContain('<a href="mailto:a@b.test" target="_blank" rel="noopener noreferrer">mail</a>');
    expect(out.match(/<a /g)).toHaveLength(2);
    expect(out).not.toMatch(/href="(javascript|data|\/)/);
    expect(out).toContain(' bad data ');
    expect(safeHref(' JavaScript:alert(1)')).toBe('');
    expect(safeHref('HTTPS://x.test')).toBe('HTTPS://x.test');
  });

  it('shows an image as its alt text and loads nothing', () => {
    const out = html('![a tracking pixel](https://evil.test/p.png) and ![x](javascript:alert(1))');
    expect(out).toBe('<p>a tracking pixel and x</p>');
  });
});

describe('annotations beside their paragraph', () => {
  const a = (id: string, anchor: Annotation['anchor'], createdAt = '2026-01-01T00:00:00Z'): Annotation => ({
    id,
    communityId: 'c',
    sessionId: 's',
    anchor,
    text: id,
    authorId: 'coach',
    createdAt,
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
