import { cleanMessageText, commandInfo, COMMAND_IDS, COMMANDS, parseCommand } from '../../../src/bot/commands';

describe('cleanMessageText', () => {
  test.each([
    [undefined, ''],
    ['', ''],
    ['  help  ', 'help'],
    ['<at>Guildhall</at> hi', 'hi'],
    ['<AT>Guildhall</AT>&nbsp;hi', 'hi'],
    ['<at>Guildhall</at> <at>Other Bot</at>  backlog\n', 'backlog'],
    ['propose: pair with <at>Bob</at>', 'propose: pair with <at>Bob</at>'],
    ['next\u00a0session', 'next session'],
  ])('%j → %j', (raw, clean) => {
    expect(cleanMessageText(raw)).toBe(clean);
  });
});

describe('parseCommand', () => {
  test.each([
    'help',
    'HELP',
    '/help',
    'Help!',
    'hi',
    'Hi',
    'hello',
    'HELLO',
    'hello?',
    'hey',
    '?',
    '<at>Guildhall</at> hi',
    'hi there',
  ])('%j shows help', (text) => {
    expect(parseCommand(text)).toEqual({ kind: 'help' });
  });

  test('propose keeps its argument, with or without a colon', () => {
    expect(parseCommand('propose: how do we run remote retros?')).toEqual({
      kind: 'command',
      id: 'propose',
      argument: 'how do we run remote retros?',
    });
    expect(parseCommand('Propose   Pairing on impediments')).toEqual({
      kind: 'command',
      id: 'propose',
      argument: 'Pairing on impediments',
    });
    expect(parseCommand('/propose:')).toEqual({ kind: 'command', id: 'propose', argument: '' });
  });

  test.each([
    ['backlog', 'backlog'],
    ['/Backlog', 'backlog'],
    ['top', 'top'],
    ['next', 'top'],
    ['Top!', 'top'],
    ['volunteer to facilitate', 'volunteer'],
    ['RSVP', 'rsvp'],
    ['attendance', 'attendance'],
  ] as const)('%j → %s', (text, id) => {
    expect(parseCommand(text)).toMatchObject({ kind: 'command', id });
  });

  test.each(['', '   ', 'helpful', 'proposed', 'what is this?', 'say hi', '<at>Guildhall</at>'])(
    '%j is not understood',
    (text) => {
      expect(parseCommand(text).kind).toBe('unknown');
    },
  );
});

describe('the command catalogue', () => {
  test('has one entry per command id, and only the not-yet-built command says what is coming', () => {
    expect(COMMANDS.map((c) => c.id).sort()).toEqual([...COMMAND_IDS].sort());
    for (const id of COMMAND_IDS) expect(commandInfo(id).id).toBe(id);
    expect(COMMANDS.filter((c) => c.comingSoon).map((c) => c.id)).toEqual(['volunteer']);
  });

  test('every command usage parses back to its own command', () => {
    for (const c of COMMANDS) {
      const parsed = parseCommand(c.usage);
      if (c.id === 'help') expect(parsed).toEqual({ kind: 'help' });
      else expect(parsed).toMatchObject({ kind: 'command', id: c.id });
    }
  });
});
