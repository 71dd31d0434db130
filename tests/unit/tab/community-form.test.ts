import {
  EMPTY_COMMUNITY_FORM,
  cadenceLabel,
  changedFields,
  initialFormState,
  issuesToFieldErrors,
  validateCommunityForm,
  visibleErrors,
} from '../../../src/tab/features/community/community-form';
import { communitySourceOf, problemOf } from '../../../src/tab/features/community/page-community';
import { toggleRole } from '../../../src/tab/features/community/roles';
import { ApiError } from '../../../src/tab/api-client';
import type { Community } from '../../../src/domain/community';

describe('community form', () => {
  it('accepts valid values and drops an empty description', () => {
    const r = validateCommunityForm({
      name: '  SM CoP ',
      purpose: 'working-group',
      cadencePerMonth: '2',
      description: '  ',
    });
    expect(r).toEqual({ ok: true, value: { name: 'SM CoP', purpose: 'working-group', cadencePerMonth: 2 } });
  });

  it('mirrors the API limits field by field', () => {
    const r = validateCommunityForm({
      name: 'x'.repeat(81),
      purpose: 'working-group',
      cadencePerMonth: '5',
      description: 'd'.repeat(1001),
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.name).toBe('name must be at most 80 characters');
    expect(r.errors.cadencePerMonth).toMatch(/1, 2, 3 or 4/);
    expect(r.errors.description).toMatch(/at most 1000/);
    expect(validateCommunityForm(EMPTY_COMMUNITY_FORM)).toMatchObject({
      ok: false,
      errors: { name: 'name is required' },
    });
  });

  it('shows inline errors only for touched fields until a submit, server issues always', () => {
    const fresh = initialFormState(EMPTY_COMMUNITY_FORM);
    expect(visibleErrors(fresh)).toEqual({});
    expect(visibleErrors({ ...fresh, touched: { name: true } })).toEqual({ name: 'name is required' });
    expect(visibleErrors({ ...fresh, submitted: true }).name).toBe('name is required');
    const server = {
      ...fresh,
      values: { ...fresh.values, name: 'ok' },
      serverErrors: issuesToFieldErrors([
        { path: 'name', message: 'taken' },
        { path: '(body)', message: 'bad' },
      ]),
    };
    expect(visibleErrors(server)).toEqual({ name: 'taken', form: 'bad' });
  });

  it('sends only changed fields on edit', () => {
    const before: Community = {
      id: 'c',
      tenantId: 't',
      name: 'A',
      purpose: 'learning-community',
      description: 'd',
      cadencePerMonth: 2,
      createdBy: 'u',
      createdAt: 'now',
    };
    expect(
      changedFields(before, { name: 'A', purpose: 'learning-community', cadencePerMonth: 2, description: 'd' }),
    ).toEqual({});
    expect(changedFields(before, { name: 'B', purpose: 'working-group', cadencePerMonth: 4 })).toEqual({
      name: 'B',
      purpose: 'working-group',
      cadencePerMonth: 4,
      description: '',
    });
  });

  it('labels cadence', () => {
    expect(cadenceLabel(1)).toBe('1 session a month');
    expect(cadenceLabel(2)).toBe('2 sessions a month');
  });
});

describe('roles', () => {
  it('toggles a role and always keeps member, in canonical order', () => {
    expect(toggleRole(['member'], 'coach', true)).toEqual(['member', 'coach']);
    expect(toggleRole(['member', 'facilitator', 'coach'], 'facilitator', false)).toEqual(['member', 'coach']);
    expect(toggleRole(['member', 'coach'], 'champion', true)).toEqual(['member', 'champion', 'coach']);
    expect(toggleRole(['member'], 'member', false)).toEqual(['member']);
  });
});

describe('the community of a page', () => {
  it('prefers the URL, then meeting, channel, chat', () => {
    expect(communitySourceOf({ communityId: 'c', meetingId: 'm' })).toEqual({ kind: 'community', communityId: 'c' });
    expect(communitySourceOf({ meetingId: 'm', channelId: 'x' })).toEqual({
      kind: 'context',
      contextId: 'm',
      contextKind: 'meeting',
    });
    expect(communitySourceOf({ chatId: 'x' })).toEqual({ kind: 'context', contextId: 'x', contextKind: 'chat' });
    expect(communitySourceOf({})).toEqual({ kind: 'none' });
  });

  it('maps lookup failures to what the page shows', () => {
    const meeting = communitySourceOf({ meetingId: 'm' });
    expect(problemOf(new ApiError('NOT_FOUND', 'x', 404), 'context', meeting)).toEqual({
      kind: 'unbound',
      contextKind: 'meeting',
    });
    expect(problemOf(new ApiError('NOT_A_MEMBER', 'x', 403), 'community', meeting, 'c1')).toEqual({
      kind: 'not-member',
      communityId: 'c1',
    });
    expect(problemOf(new ApiError('COMMUNITY_NOT_FOUND', 'gone', 404), 'community', meeting, 'c1')).toEqual({
      kind: 'missing',
      message: 'gone',
    });
    expect(problemOf(new ApiError('NETWORK', 'down', 0), 'community', meeting, 'c1').kind).toBe('error');
  });
});
