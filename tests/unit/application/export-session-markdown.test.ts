/**
 * The Markdown export is written by mdast-util-to-markdown: people's text is escaped (a title that
 * looks like a link or HTML reads as those characters), notes stay Markdown but raw HTML in them is
 * shown as text and `javascript:` links go nowhere.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { escapeMarkdown } from '../../../src/application/markdown-text';
import { sessionMarkdown, type SessionExportInput } from '../../../src/application/use-cases/export-session-markdown';
import type { Session } from '../../../src/domain/session';

const session: Session = {
  id: 's1',
  communityId: 'c',
  tenantId: 't',
  details: { type: 'deep-dive' },
  startsAt: '2026-12-03T15:00:00.000Z',
  durationMinutes: 60,
  topicIds: ['t1'],
  facilitatorId: 'ana',
  meetingLink: null,
  purpose: 'Make retros lively',
  agenda: [],
  state: 'held',
  attendees: ['ana', 'ben', 'cy'],
  closed: null,
  createdBy: 'ana',
  createdAt: '',
};
const base: SessionExportInput = {
  session,
  topicTitles: { t1: 'Remote retros' },
  names: { ana: 'Ana', ben: 'Ben' },
  notes: { communityId: 'c', sessionId: 's1', markdown: 'We tried silent writing.', updatedBy: 'ana', updatedAt: '' },
  annotations: [
    {
      id: 'a1',
      communityId: 'c',
      sessionId: 's1',
      anchor: { paragraph: 0 },
      text: 'Try 1-2-4-all',
      authorId: 'cy',
      createdAt: '',
    },
  ],
  takeaways: [
    {
      id: 'k1',
      communityId: 'c',
      sessionId: 's1',
      topicId: 't1',
      text: 'Silence first',
      authorId: 'ben',
      createdAt: '',
    },
  ],
  actions: [
    {
      id: 'x1',
      communityId: 'c',
      sessionId: 's1',
      takeawayId: 'k1',
      text: 'Try it in sprint 12',
      ownerId: 'ben',
      dueDate: '2026-12-17',
      status: 'open',
      createdBy: 'ana',
      createdAt: '',
      updatedAt: '',
    },
    {
      id: 'x2',
      communityId: 'c',
      sessionId: 's1',
      takeawayId: 'k1',
      text: 'Share the board',
      ownerId: 'ana',
      dueDate: '2026-12-10',
      status: 'done',
      createdBy: 'ana',
      createdAt: '',
      updatedAt: '',
    },
  ],
};

/** Every link and raw-HTML node a Markdown renderer would make of the document. */
function linksAndHtml(md: string): string[] {
  const found: string[] = [];
  const walk = (n: any) => {
    if (n.type === 'link' || n.type === 'image' || n.type === 'definition') found.push(`${n.type} ${n.url}`);
    if (n.type === 'html') found.push(`html ${n.value}`);
    (n.children ?? []).forEach(walk);
  };
  walk(fromMarkdown(md));
  return found;
}

describe('the session export', () => {
  it('has notes, annotations, takeaways, actions and the attendance count', () => {
    const md = sessionMarkdown(base);
    expect(md).toContain(
      '# Deep dive — 2026-12-03\n\nMake retros lively\n\nFacilitator: Ana · Attendance: 3\n\nTopics: Remote retros\n',
    );
    expect(md).toContain('## Notes\n\nWe tried silent writing.\n');
    expect(md).toContain('- On paragraph 1 (cy): Try 1-2-4-all');
    expect(md).toContain('- Silence first — Ben (Remote retros)');
    expect(md).toContain(
      '- [ ] Try it in sprint 12 — Ben, due 2026-12-17 (open)\n- [x] Share the board — Ana, due 2026-12-10 (done)',
    );
    expect(sessionMarkdown({ ...base, notes: undefined, annotations: [], takeaways: [], actions: [] })).toContain(
      '## Notes\n\n_No notes._\n\n## Takeaways\n\n_None._\n\n## Actions\n\n_None._\n',
    );
  });

  it('an id named like an Object.prototype property reads as the id, never as a function', () => {
    const md = sessionMarkdown({
      ...base,
      session: { ...session, facilitatorId: 'constructor', topicIds: ['toString'] },
      annotations: [{ ...base.annotations[0]!, authorId: '__proto__' }],
    });
    expect(md).toContain('Facilitator: constructor · Attendance: 3');
    expect(md).toContain('Topics: toString');
    expect(md).toContain('- On paragraph 1 (\\_\\_proto\\_\\_): Try 1-2-4-all');
    expect(md).not.toMatch(/native code|function/);
  });

  it('writes what people typed as text: no link, HTML, heading or list is made of it', () => {
    const md = sessionMarkdown({
      ...base,
      session: { ...session, purpose: '<script>alert(1)</script>\n# Not a heading' },
      topicTitles: { t1: '[click](https://evil.example/login)' },
      takeaways: [{ ...base.takeaways[0]!, text: '<img src=x onerror=alert(1)> and ![x](https://evil.example/p.png)' }],
      actions: [{ ...base.actions[0]!, text: '[Reset your password](https://evil.example)' }],
      annotations: [{ ...base.annotations[0]!, text: '1. not a list <b>bold</b>' }],
      names: { ana: '*Ana*', ben: '[Ben](https://evil.example)' },
    });
    expect(linksAndHtml(md)).toEqual([]);
    expect(md).toContain('\\<script>alert(1)\\</script>\n\\# Not a heading');
    expect(md).toContain('Topics: \\[click]\\(https://evil.example/login)');
    expect(md).not.toMatch(/^#+ Not a heading/m);
  });

  it('writes a section per breakout group with its question, members and signed notes, escaped', () => {
    const breakouts = [
      {
        index: 0,
        question: 'What slows [us](https://evil.example) down?',
        members: ['ana', 'ben'],
        notes: [{ id: 'n1', authorId: 'ben', authorName: 'Ben', text: '<b>Handoffs</b>\nbetween teams', at: '' }],
      },
      { index: 1, question: '', members: ['cy'], notes: [] },
    ];
    const md = sessionMarkdown({ ...base, session: { ...session, breakouts } });
    expect(md).toContain('## Breakout groups\n\n### Group 1: What slows \\[us]\\(https://evil.example) down?\n');
    expect(md).toContain('Members: Ana, Ben\n\n- \\<b>Handoffs\\</b> between teams — Ben\n');
    expect(md).toContain('### Group 2\n\nMembers: cy\n\n_No notes._\n');
    expect(linksAndHtml(md)).toEqual([]);
    expect(sessionMarkdown(base)).not.toContain('Breakout groups');
  });

  it('keeps the notes as Markdown but shows their raw HTML as text and drops javascript: links', () => {
    const notes =
      '# Retro\n\n<iframe src="https://evil.example"></iframe>\n\n- **bold** point with <b>tags</b>\n- [the board](https://miro.example/b)\n\n[bad](javascript:alert(1))\n\n```\n<kept in code>\n```';
    const md = sessionMarkdown({ ...base, notes: { ...base.notes!, markdown: notes } });
    expect(linksAndHtml(md)).toEqual(['link https://miro.example/b', 'link ']);
    expect(md).toContain(
      '# Retro\n\n\\<iframe src="https://evil.example">\\</iframe>\n\n- **bold** point with \\<b>tags\\</b>',
    );
    expect(md).toContain('```\n<kept in code>\n```');
  });
});

describe('escapeMarkdown', () => {
  it('turns text into Markdown that reads as that text', () => {
    expect(escapeMarkdown('[click](https://evil)')).toBe('\\[click]\\(https://evil)');
    expect(escapeMarkdown('<script>x</script>')).toBe('\\<script>x\\</script>');
    expect(escapeMarkdown('# big')).toBe('\\# big');
    expect(escapeMarkdown('*shout* _it_')).toBe('\\*shout\\* \\_it\\_');
    expect(escapeMarkdown('Café — “retros” 1-2-4-all (open)')).toBe('Café — “retros” 1-2-4-all (open)');
    for (const s of [
      '[a](https://b)',
      '![a](https://b)',
      '<a href="https://b">x</a>',
      '<https://b>',
      '[a]: https://b',
    ]) {
      expect(linksAndHtml(escapeMarkdown(s))).toEqual([]);
    }
  });
});
