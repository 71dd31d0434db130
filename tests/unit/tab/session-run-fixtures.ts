/** Small working sessions for the tab's unit tests. */
import type { Topic } from '../../../src/domain/backlog';
import type { Session } from '../../../src/domain/session';
import type { LiveTakeaway, SessionRunState } from '../../../src/domain/session-run';

export const NAMES: Record<string, string> = {
  u1: 'Alex Morgan',
  u2: 'Bea Okafor',
  u3: 'Chen Wei',
  u4: 'Dara Nolan',
  u5: 'Eli Haddad',
};
export const nameOf = (id: string) => NAMES[id] ?? 'someone';

export function run(over: Partial<SessionRunState> = {}): SessionRunState {
  return {
    sessionId: 's1',
    phase: 'check-in',
    phaseStartedAt: '2026-03-02T10:00:00.000Z',
    phaseEndsAt: '2026-03-02T10:05:00.000Z',
    iceBreakerId: 'ib-01',
    topicTitle: 'Remote retrospectives',
    ownerName: 'Bea Okafor',
    breakoutEndsAt: undefined,
    groups: [],
    groupNotes: [],
    takeaways: [],
    voted: [],
    feedbackClosed: false,
    closed: undefined,
    ...over,
  };
}

export const takeaway = (
  id: string,
  text: string,
  authorId: string,
  over: Partial<LiveTakeaway> = {},
): LiveTakeaway => ({
  id,
  text,
  authorId,
  authorName: nameOf(authorId),
  at: `2026-03-02T10:3${id.slice(-1)}:00.000Z`,
  mergedInto: undefined,
  action: undefined,
  ...over,
});

export function session(over: Partial<Session> = {}): Session {
  return {
    id: 's1',
    communityId: 'c1',
    tenantId: 't1',
    details: { type: 'deep-dive' },
    startsAt: '2026-03-02T10:00:00.000Z',
    durationMinutes: 60,
    topicIds: ['t1'],
    facilitatorId: 'u1',
    meetingLink: null,
    purpose: '',
    agenda: [{ title: 'Check-in', minutes: 5 }],
    state: 'scheduled',
    attendees: [],
    closed: null,
    createdBy: 'u1',
    createdAt: '2026-03-01T10:00:00.000Z',
    ...over,
  };
}

export function topic(id: string, title: string, over: Partial<Topic> = {}): Topic {
  return {
    id,
    communityId: 'c1',
    tenantId: 't1',
    title,
    description: '',
    state: 'prioritised',
    rank: 1,
    score: null,
    ownerId: null,
    proposedBy: 'u2',
    proposedAt: '2026-02-01T10:00:00.000Z',
    supporters: [],
    sessionIds: [],
    ...over,
  };
}
