/**
 * The API's one text schema and its request-id schema: control characters and lone surrogates are
 * refused with a message naming the field and the character; request ids stay in a safe alphabet.
 */
import { ProposeTopicRequest, RequestIdSchema, textSchema } from '../../../src/api/schemas';
import { AddTakeawayRequest, SaveNotesRequest, ScheduleSessionRequest } from '../../../src/api/session-schemas';
import { GameCardSchema } from '../../../src/api/thirty-five-schemas';

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => i.message);

describe('textSchema', () => {
  const title = textSchema('title', 80);
  const description = textSchema('description', 500, { lines: 'multi', required: false });

  it('takes ordinary text, accents, emoji and other scripts, trimmed', () => {
    expect(title.parse('  Café ☕ 🙂 日本語 — “quotes”  ')).toBe('Café ☕ 🙂 日本語 — “quotes”');
  });

  it('refuses C0 and C1 control characters and DEL in one-line text, naming the character', () => {
    for (const [c, code] of [
      ['\u0000', 'U+0000'],
      ['\u0007', 'U+0007'],
      ['\u001b', 'U+001B'],
      ['\u007f', 'U+007F'],
      ['\u0085', 'U+0085'],
      ['\u009b', 'U+009B'],
      ['\t', 'U+0009'],
      ['\n', 'U+000A'],
    ] as const) {
      expect(messages(title.safeParse(`a${c}b`))).toEqual([
        `title must not contain control characters (it is one line: no tab or line break) (found ${code})`,
      ]);
    }
  });

  it('keeps tab and newline in multi-line text, turns CRLF and CR into LF, and refuses other controls', () => {
    expect(description.parse('one\r\ntwo\rthree\n\tfour')).toBe('one\ntwo\nthree\n\tfour');
    expect(messages(description.safeParse('bell\u0007'))).toEqual([
      'description must not contain control characters (found U+0007)',
    ]);
    expect(messages(description.safeParse('esc \u001b[31m red'))).toEqual([
      'description must not contain control characters (found U+001B)',
    ]);
  });

  it('refuses lone surrogates but keeps proper pairs', () => {
    expect(title.parse('\ud83d\ude42')).toBe('🙂');
    for (const bad of ['a\ud83db', 'a\ude42b', '\ud83d', 'x\ude42\ud83d']) {
      expect(messages(title.safeParse(bad))).toContain('title must not contain a lone surrogate (broken UTF-16)');
    }
  });

  it('is the schema of the API text fields', () => {
    expect(ProposeTopicRequest.safeParse({ title: 'ok\u0000' }).success).toBe(false);
    expect(ProposeTopicRequest.safeParse({ title: 'ok', description: 'line\nline' }).success).toBe(true);
    expect(ProposeTopicRequest.safeParse({ title: 'ok', description: '\ud800' }).success).toBe(false);
    expect(AddTakeawayRequest.safeParse({ topicId: null, text: 'x\u009b' }).success).toBe(false);
    expect(SaveNotesRequest.safeParse({ markdown: '# Notes\n\n- a\n' }).data?.markdown).toBe('# Notes\n\n- a\n');
    expect(SaveNotesRequest.safeParse({ markdown: 'a\u0008' }).success).toBe(false);
    expect(GameCardSchema.safeParse({ id: 'c', authorId: 'u', title: 'a\u001bb', description: '' }).success).toBe(
      false,
    );
    const session = { details: { type: 'book-club', bookTitle: 'B\u0000' }, startsAt: '2026-12-03T15:00:00Z' };
    expect(ScheduleSessionRequest.safeParse(session).success).toBe(false);
  });
});

describe('RequestIdSchema', () => {
  it('takes the ids clients make (uuids, close-<session>, Teams activity ids)', () => {
    for (const id of ['3f2c1a9e-8f7b-4c1d-9a6e-2b1c0d9e8f7a', 'close-s-abc_123', '1:1a2b3c', 'f.abc']) {
      expect(RequestIdSchema.parse(id)).toBe(id);
    }
  });
  it('refuses /, .., and anything outside its alphabet', () => {
    expect(messages(RequestIdSchema.safeParse('a/b'))[0]).toMatch(/may only contain letters, digits and \. _ : -/);
    expect(messages(RequestIdSchema.safeParse('a..b'))).toEqual(['requestId must not contain ..']);
    for (const bad of [
      '..',
      '../x',
      '.hidden',
      'a b',
      'a\\b',
      'a?b',
      'a#b',
      'a%2Fb',
      'é',
      'a\u0000',
      '',
      'x'.repeat(65),
    ]) {
      expect(RequestIdSchema.safeParse(bad).success).toBe(false);
    }
  });
});
