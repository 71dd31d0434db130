/**
 * Invitation, reminder and attendance cards. Pure builders: data in, Adaptive Card 1.5 JSON out.
 * RSVP buttons are Universal Actions (Action.Execute, answered in the invoke's HTTP response), and
 * the card carries a `refresh` so that each listed person's client asks for their own view (their
 * answer) when the card is shown. Dates use the Adaptive Card DATE/TIME functions, so every reader
 * sees their own time zone.
 */
import type { Attendance } from '../../application/use-cases/get-attendance';
import type { InvitationView, ReminderView } from '../../application/ports';
import {
  RSVP_ANSWER_LABELS,
  RSVP_REASON_LABELS,
  RSVP_REASONS,
  sessionTitle,
  sessionTypeFields,
  type Rsvp,
  type SessionAttendance,
} from '../../domain/attendance';
import type { NudgeSubmit, RsvpExecuteData, RsvpViewData } from '../card-actions';
import { cardText } from './card-text';
import { ADAPTIVE_CARD_SCHEMA, ADAPTIVE_CARD_VERSION, type AdaptiveCard, type AdaptiveCardElement } from './help-card';

export const RSVP_VERB = 'rsvp';
export const RSVP_VIEW_VERB = 'rsvp-view';

const text = (value: string, extra: Record<string, unknown> = {}): AdaptiveCardElement => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...extra,
});

/** RFC 3339 without milliseconds, as the DATE/TIME functions want it. */
const rfc3339 = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
export const whenText = (iso: string, durationMinutes?: number): string => {
  const t = rfc3339(iso);
  return `{{DATE(${t}, LONG)}}, {{TIME(${t})}}${durationMinutes ? ` (${durationMinutes} min)` : ''}`;
};

function checkHttps(url: string, what: string): string {
  if (!/^https?:\/\/[^\s]+$/i.test(url)) throw new Error(`BUG: the ${what} link must be an http(s) URL, got '${url}'`);
  return url;
}

export interface InvitationCardInput {
  readonly view: InvitationView;
  /** The signed "Add to calendar" link. */
  readonly calendarUrl: string;
  /**
   * Whose answer this card shows: a person's (their view), or undefined for the shared card in a
   * channel (everyone sees it before their refresh).
   */
  readonly viewer?: { readonly answer: Rsvp | null };
  /** Teams ids (MRIs) whose clients refresh to their own view; at most 60. */
  readonly refreshUserIds?: readonly string[];
  /** A reminder or nudge instead of the first invitation. */
  readonly reason?: ReminderView['kind'];
}

/** " (reason: their words)" after a "no"; the words are the person's, shown literally. */
function reasonOf(answer: Pick<Rsvp, 'reason' | 'text'>): string {
  const words = answer.text ? cardText(answer.text) : '';
  if (answer.reason) return ` (${RSVP_REASON_LABELS[answer.reason]}${words ? `: ${words}` : ''})`;
  return words ? ` (${words})` : '';
}

function answerLine(answer: Rsvp | null): AdaptiveCardElement {
  if (!answer) return text('You have not answered yet.', { weight: 'Bolder', color: 'Attention', spacing: 'Medium' });
  const why = reasonOf(answer);
  return text(`Your answer: ${RSVP_ANSWER_LABELS[answer.answer]}${why}`, {
    weight: 'Bolder',
    color: answer.answer === 'no' ? 'Default' : 'Good',
    spacing: 'Medium',
  });
}

function heading(title: string, reason: InvitationCardInput['reason']): string {
  switch (reason) {
    case 'day-before':
      return `Tomorrow: ${title}`;
    case 'soon':
      return `Starting in 30 minutes: ${title}`;
    case 'nudge':
      return `Will you join? ${title}`;
    default:
      return `You're invited: ${title}`;
  }
}

/** The invitation (or a reminder of it), with RSVP buttons yes / maybe / no (with a reason). */
export function buildInvitationCard(input: InvitationCardInput): AdaptiveCard {
  const { session } = input.view;
  const title = cardText(sessionTitle(session, input.view.topicTitles));
  const ids = { communityId: session.communityId, sessionId: session.id };
  const execute = (label: string, data: RsvpExecuteData, extra: Record<string, unknown> = {}) => ({
    type: 'Action.Execute',
    title: label,
    verb: RSVP_VERB,
    data,
    ...extra,
  });
  const facts = [
    ...sessionTypeFields(session).map((f) => ({ title: f.label, value: cardText(f.value) })),
    ...(input.view.facilitatorName ? [{ title: 'Facilitator', value: cardText(input.view.facilitatorName) }] : []),
    ...(input.view.topicTitles.length
      ? [
          {
            title: input.view.topicTitles.length > 1 ? 'Topics' : 'Topic',
            value: input.view.topicTitles.map(cardText).join(' · '),
          },
        ]
      : []),
  ];
  const refreshIds = [...new Set(input.refreshUserIds ?? [])].slice(0, 60);
  const refreshData: RsvpViewData = ids;
  const reasonNote =
    input.reason === 'nudge'
      ? [
          text(`${cardText(input.view.communityName)} would like to know whether you can come. It takes one click.`, {
            spacing: 'Small',
          }),
        ]
      : [];
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    ...(refreshIds.length
      ? {
          refresh: {
            action: { type: 'Action.Execute', title: 'Show my answer', verb: RSVP_VIEW_VERB, data: refreshData },
            userIds: refreshIds,
          },
        }
      : {}),
    body: [
      text(heading(title, input.reason), { size: 'Medium', weight: 'Bolder', style: 'heading' }),
      text(cardText(input.view.communityName), { isSubtle: true, spacing: 'None' }),
      ...reasonNote,
      text(whenText(session.startsAt, session.durationMinutes), { weight: 'Bolder', spacing: 'Medium' }),
      ...(session.purpose ? [text(cardText(session.purpose))] : []),
      ...(facts.length ? [{ type: 'FactSet', facts }] : []),
      text('Agenda', { weight: 'Bolder', spacing: 'Medium' }),
      {
        type: 'FactSet',
        spacing: 'Small',
        facts: session.agenda.map((i) => ({ title: `${i.minutes} min`, value: cardText(i.title) })),
      },
      ...(input.viewer
        ? [answerLine(input.viewer.answer)]
        : [text('Answer below: only you see your answer on this card.', { isSubtle: true, spacing: 'Medium' })]),
    ],
    actions: [
      execute('Yes, I will come', { ...ids, answer: 'yes' }, { style: 'positive' }),
      execute('Maybe', { ...ids, answer: 'maybe' }),
      {
        type: 'Action.ShowCard',
        title: 'No, I cannot',
        card: {
          type: 'AdaptiveCard',
          body: [
            {
              type: 'Input.ChoiceSet',
              id: 'reason',
              label: 'What keeps you? (optional)',
              style: 'expanded',
              choices: RSVP_REASONS.map((r) => ({ title: RSVP_REASON_LABELS[r], value: r })),
            },
            {
              type: 'Input.Text',
              id: 'reasonText',
              label: 'Anything the champion should know? (optional)',
              isMultiline: true,
              maxLength: 300,
            },
          ],
          actions: [execute('Send my answer', { ...ids, answer: 'no' })],
        },
      },
      { type: 'Action.OpenUrl', title: 'Add to calendar', url: checkHttps(input.calendarUrl, 'calendar') },
      ...(session.meetingLink
        ? [{ type: 'Action.OpenUrl', title: 'Join the meeting', url: checkHttps(session.meetingLink, 'meeting') }]
        : []),
    ],
  };
  return card;
}

// The champion's view

const names = (people: readonly { displayName: string }[]) => people.map((p) => cardText(p.displayName)).join(', ');

const bar = (n: number, of: number, width = 10) => {
  const full = of > 0 ? Math.round((n / of) * width) : 0;
  return '█'.repeat(full) + '░'.repeat(width - full);
};

function sessionBlock(a: SessionAttendance, withNudge: boolean, communityId: string): AdaptiveCardElement {
  const c = a.counts;
  const group = (label: string, people: string, color?: string) =>
    text(`**${label}:** ${people || '–'}`, { spacing: 'Small', ...(color ? { color } : {}) });
  const nudge: NudgeSubmit = { action: 'nudge', communityId, sessionId: a.sessionId };
  return {
    type: 'Container',
    separator: true,
    spacing: 'Medium',
    items: [
      text(cardText(a.title), { weight: 'Bolder' }),
      text(whenText(a.startsAt), { isSubtle: true, spacing: 'None' }),
      text(`${c.answered} of ${c.members} answered: ${c.yes} yes, ${c.maybe} maybe, ${c.no} no`, { spacing: 'Small' }),
      group('Yes', names(a.yes), 'Good'),
      group('Maybe', names(a.maybe)),
      group('No', a.no.map((p) => `${cardText(p.displayName)}${reasonOf(p)}`).join(', ')),
      group('Not answered', names(a.notAnswered), a.notAnswered.length ? 'Attention' : undefined),
      ...(withNudge && a.notAnswered.length
        ? [
            {
              type: 'ActionSet',
              actions: [
                {
                  type: 'Action.Submit',
                  title: `Nudge the ${a.notAnswered.length} who have not answered`,
                  data: nudge,
                },
              ],
            },
          ]
        : []),
    ],
  };
}

/** "attendance": the next session in full, the last few, and the trend (answered / yes per session). */
export function buildAttendanceCard(a: Attendance): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    body: [
      text(`${cardText(a.communityName)}: attendance`, { size: 'Medium', weight: 'Bolder', style: 'heading' }),
      ...(a.next
        ? [text('Next session', { weight: 'Bolder', spacing: 'Medium' }), sessionBlock(a.next, true, a.communityId)]
        : [text('No session is scheduled yet.', { spacing: 'Medium' })]),
      ...(a.recent.length
        ? [
            text('Before that', { weight: 'Bolder', spacing: 'Large' }),
            ...a.recent.map((s) => sessionBlock(s, false, a.communityId)),
          ]
        : []),
      ...(a.trend.length
        ? [
            text('Trend: answered and yes per session', { weight: 'Bolder', spacing: 'Large' }),
            ...a.trend.map((p) =>
              text(
                `{{DATE(${rfc3339(p.startsAt)}, SHORT)}}  ${bar(p.answered, p.members)} ${p.answered}/${p.members} answered, ${p.yes} yes`,
                { fontType: 'Monospace', spacing: 'None' },
              ),
            ),
          ]
        : []),
    ],
  };
}
