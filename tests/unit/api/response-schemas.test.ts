/**
 * The response schemas describe what the use cases return. The `mirrors` lines are compile-time
 * proofs (a drift fails `npm run typecheck` here); the tests show what the tab's check accepts.
 */
import { mirrors } from '../../../src/api/contract-kit';
import {
  AttendanceSchema,
  CommunityViewSchema,
  InvitationOutcomeSchema,
  MyCommunitySchema,
  PublishResultSchema,
  SessionOutcomeSchema,
  SessionOutcomesViewSchema,
  SessionPlanSchema,
  TopicSchema,
} from '../../../src/api/response-schemas';
import type { Attendance } from '../../../src/application/use-cases/get-attendance';
import type { CommunityView } from '../../../src/application/use-cases/get-community';
import type { SessionOutcomesView } from '../../../src/application/use-cases/get-session-outcomes';
import type { SessionOutcome } from '../../../src/application/use-cases/close-session';
import type { InvitationOutcome } from '../../../src/application/use-cases/invite-to-session';
import type { MyCommunity } from '../../../src/application/use-cases/list-my-communities';
import type { SessionPlan } from '../../../src/application/use-cases/plan-next-session';
import type { PublishResult } from '../../../src/application/use-cases/publish-session';
import type { Topic } from '../../../src/domain/backlog';

// The use cases' own result types and the contract's schemas: the same shapes, both ways.
mirrors<MyCommunity>()(MyCommunitySchema);
mirrors<CommunityView>()(CommunityViewSchema);
mirrors<SessionOutcomesView>()(SessionOutcomesViewSchema);
mirrors<SessionOutcome>()(SessionOutcomeSchema);
mirrors<SessionPlan>()(SessionPlanSchema);
mirrors<Attendance>()(AttendanceSchema);
mirrors<PublishResult>()(PublishResultSchema);
mirrors<InvitationOutcome>()(InvitationOutcomeSchema.options[0]);

const topic: Topic = {
  id: 't1',
  communityId: 'c1',
  tenantId: 'tn',
  title: 'Remote retros',
  description: '',
  state: 'prioritised',
  rank: 1,
  score: { normalized: 30, roundsScored: 5 },
  ownerId: null,
  proposedBy: 'u1',
  proposedAt: '2026-12-01T10:00:00.000Z',
  supporters: [],
  sessionIds: [],
};

describe('response schemas', () => {
  it('accept a record as the server sends it and drop keys they do not know', () => {
    expect(TopicSchema.parse(topic)).toEqual(topic);
    expect(TopicSchema.parse({ ...topic, mergedInto: null, later: 'a new field' })).toEqual({
      ...topic,
      mergedInto: null,
    });
  });
  it('refuse a wrong shape, naming the field', () => {
    const wrong = TopicSchema.safeParse({ ...topic, rank: '1', state: 'someday' });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['rank', 'state']);
    expect(TopicSchema.safeParse({ ...topic, supporters: undefined }).success).toBe(false);
  });
});
