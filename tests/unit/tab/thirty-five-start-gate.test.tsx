/**
 * "Resume" is known before any "Start" is offered: after a reload (or while a lost live meeting is
 * being replaced) the facilitator's Thirty Five section shows a loading state, never "Start Thirty
 * Five", until the live meeting is open and the record's latest game has been read. Rendered to static
 * markup (effects do not run, so this is the first paint the facilitator sees).
 */
import { renderToStaticMarkup } from 'react-dom/server';
import type { MeetingSnapshot } from '../../../src/live/live-meeting';
import type { ApiClient, CommunityView } from '../../../src/tab/api-client';
import { ServicesProvider, type Services } from '../../../src/tab/app-services';
import type { UseLiveMeeting } from '../../../src/tab/features/live/useLiveMeeting';
import { ThirtyFivePanel } from '../../../src/tab/features/thirty-five/ThirtyFivePanel';

const snapshot: MeetingSnapshot = {
  connected: true,
  checkIns: [],
  present: [],
  thirtyFive: undefined,
  sessionRun: undefined,
};
const services = {
  host: {} as Services['host'],
  api: { thirtyFive: { latest: () => new Promise(() => undefined) } } as unknown as ApiClient,
  me: () => new Promise(() => undefined),
} as Services;
const view = (roles: string[]) =>
  ({
    community: { id: 'c1', name: 'CoP' },
    etag: 'e',
    me: { userId: 'u1', displayName: 'Alex Morgan', roles },
    members: [],
  }) as unknown as CommunityView;
const live = (status: UseLiveMeeting['status'], open: boolean): UseLiveMeeting => ({
  status,
  snapshot: open ? snapshot : { ...snapshot, connected: false },
  meeting: open
    ? ({ containerId: 'k1', thirtyFive: {}, getSnapshot: () => snapshot, subscribe: () => () => undefined } as never)
    : undefined,
  error: undefined,
  hint: undefined,
  notice: undefined,
  dismissNotice: () => undefined,
  retry: () => undefined,
});
const render = (l: UseLiveMeeting, roles = ['facilitator', 'member']) =>
  renderToStaticMarkup(
    <ServicesProvider services={services}>
      <ThirtyFivePanel view={view(roles)} live={l} meetingId="m1" />
    </ServicesProvider>,
  );

describe('the facilitator is never offered Start before Resume is known', () => {
  it('while the live meeting is connecting (after a reload): a loading state, no Start', () => {
    const html = render(live('connecting', false));
    expect(html).not.toContain('data-testid="t5-start"');
    expect(html).toContain('Loading the game');
  });

  it('while it moves to a fresh container: a loading state, no Start', () => {
    const html = render(live('replacing', false));
    expect(html).not.toContain('data-testid="t5-start"');
  });

  it("once connected but before the record's latest game was read: still no Start", () => {
    const html = render(live('connected', true));
    expect(html).not.toContain('data-testid="t5-start"');
    expect(html).toContain('Checking for an interrupted game');
  });

  it('a participant (not a facilitator) is simply told the facilitator starts the game', () => {
    const html = render(live('connected', true), ['member']);
    expect(html).toContain('The facilitator starts the game.');
    expect(html).not.toContain('data-testid="t5-start"');
  });
});
