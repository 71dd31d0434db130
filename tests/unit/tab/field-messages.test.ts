/** What a field says under it: a text past its limit (never cut silently) and an action refused by its fields. */
import { actionFieldProblem } from '../../../src/tab/features/session-run/TakeawayBoard';
import { overLimitMessage } from '../../../src/tab/ui/common';

describe('a text past its limit', () => {
  it('says nothing up to the limit, and by how much it is over past it', () => {
    expect(overLimitMessage(0, 500)).toBeUndefined();
    expect(overLimitMessage(500, 500)).toBeUndefined();
    expect(overLimitMessage(501, 500)).toBe('That is 501 characters; the limit is 500. Shorten it by 1 to add it.');
    expect(overLimitMessage(5000, 120)).toBe(
      'That is 5,000 characters; the limit is 120. Shorten it by 4,880 to add it.',
    );
  });
});

describe("an action's fields", () => {
  const now = new Date('2026-06-10T12:00:00Z');
  it('names the field at fault: the owner first, then the due date', () => {
    expect(actionFieldProblem('', '', now)).toEqual({ field: 'owner', message: 'Choose who owns the action.' });
    expect(actionFieldProblem('bea', '', now)).toEqual({ field: 'due', message: 'Pick a due date.' });
    expect(actionFieldProblem('bea', '2020-01-01', now)).toEqual({
      field: 'due',
      message: 'The due date is in the past.',
    });
    expect(actionFieldProblem('bea', '2026-06-10', now)).toBeUndefined();
  });
});
