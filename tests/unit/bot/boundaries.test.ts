import { botAuthSettings } from '../../../src/bot/auth-config';
import { parseCardExecute, parseCardSubmit } from '../../../src/bot/card-actions';
import { checkInboundActivity } from '../../../src/bot/inbound';

describe('parseCardSubmit', () => {
  test('accepts a command button, ignoring extra fields Teams may add', () => {
    expect(parseCardSubmit({ action: 'command', command: 'top', extra: 1 })).toEqual({
      ok: true,
      value: { action: 'command', command: 'top' },
    });
  });

  test.each([
    [{ action: 'command', command: 'nuke' }, /command must be one of help, propose/],
    [{ action: 'command' }, /command must be one of/],
    [{ action: 'dance' }, /action I do not know/],
    [{}, /action I do not know/],
    ['text', /no usable data/],
    [[1, 2], /no usable data/],
    [null, /no usable data/],
  ])('%j fails with VALIDATION_FAILED and a readable message', (value, message) => {
    const r = parseCardSubmit(value);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION_FAILED');
      expect(r.error.message).toMatch(message);
    }
  });
});

describe('parseCardExecute', () => {
  test.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])(
    'the verb %s is an unknown action (no lookup on the prototype), never a throw',
    (verb) => {
      const r = parseCardExecute({
        action: { type: 'Action.Execute', verb, data: { communityId: 'c', sessionId: 's' } },
      });
      expect(r).toEqual({
        ok: false,
        error: { code: 'VALIDATION_FAILED', message: 'the card asked for an action I do not know' },
      });
    },
  );
});

describe('checkInboundActivity', () => {
  const good = {
    type: 'message',
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    conversation: { id: 'a:1', conversationType: 'personal' },
    from: { id: '29:1' },
    recipient: { id: '28:bot' },
    channelData: { tenant: { id: 't' } },
  };

  test('accepts a Teams activity', () => {
    expect(checkInboundActivity(good)).toBeUndefined();
    expect(checkInboundActivity({ ...good, text: 'hi', unknownField: true })).toBeUndefined();
  });

  test.each([
    ['undefined', undefined, /must be a Bot Framework activity/],
    ['an array', [], /must be a Bot Framework activity/],
    ['no type', { ...good, type: undefined }, /type/],
    ['no conversation', { ...good, conversation: undefined }, /conversation is required/],
    ['an empty conversation id', { ...good, conversation: { id: '' } }, /conversation.id is required/],
    ['no sender', { ...good, from: undefined }, /from is required/],
    ['no recipient', { ...good, recipient: {} }, /recipient.id/],
    ['a javascript: serviceUrl', { ...good, serviceUrl: 'javascript:alert(1)' }, /serviceUrl must be an http\(s\) URL/],
    ['a numeric text', { ...good, text: 42 }, /text must be text/],
  ])('rejects %s', (_what, body, message) => {
    expect(checkInboundActivity(body)).toMatch(message);
  });
});

describe('botAuthSettings', () => {
  test('no bot id: authentication disabled (local only)', () => {
    expect(botAuthSettings({})).toEqual({});
    expect(botAuthSettings({ botId: '  ' })).toEqual({});
  });

  test('id + password + tenant: single tenant; id + password: multi tenant; id + tenant: managed identity', () => {
    expect(botAuthSettings({ botId: 'id', botPassword: 'pw', botTenantId: 't' })).toEqual({
      MicrosoftAppId: 'id',
      MicrosoftAppPassword: 'pw',
      MicrosoftAppTenantId: 't',
      MicrosoftAppType: 'SingleTenant',
    });
    expect(botAuthSettings({ botId: 'id', botPassword: 'pw' })).toEqual({
      MicrosoftAppId: 'id',
      MicrosoftAppPassword: 'pw',
      MicrosoftAppType: 'MultiTenant',
    });
    expect(botAuthSettings({ botId: 'id', botTenantId: 't' })).toEqual({
      MicrosoftAppId: 'id',
      MicrosoftAppTenantId: 't',
      MicrosoftAppType: 'UserAssignedMSI',
    });
  });

  test('incomplete credentials are refused with a clear message', () => {
    expect(() => botAuthSettings({ botId: 'id' })).toThrow(/needs either a bot password or a tenant id/);
    expect(() => botAuthSettings({ botPassword: 'pw' })).toThrow(/without a bot id/);
  });
});
