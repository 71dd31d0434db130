/**
 * Cards the bot posts into a meeting's chat when the meeting starts and ends, and the session
 * notes card. Pure builders: data in, Adaptive Card 1.5 JSON out.
 */
import { cardText } from './card-text';
import { ADAPTIVE_CARD_SCHEMA, ADAPTIVE_CARD_VERSION, DEFAULT_APP_NAME, type AdaptiveCard } from './help-card';

const text = (value: string, extra: Record<string, unknown> = {}) => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...extra,
});

export interface MeetingCardInput {
  /** The meeting's title as Teams reports it (`value.Title`), if any. */
  readonly meetingTitle?: string;
  /** The community the meeting is bound to, when it is. */
  readonly communityName?: string;
  readonly appName?: string;
}

/** At meeting start: where each person's controls are (the side panel) and what to do first. */
export function buildMeetingStartCard(input: MeetingCardInput = {}): AdaptiveCard {
  const appName = input.appName?.trim() || DEFAULT_APP_NAME;
  const title = input.meetingTitle?.trim();
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    body: [
      text(title ? `${cardText(title)} has started` : 'The session has started', {
        size: 'Medium',
        weight: 'Bolder',
        style: 'heading',
      }),
      ...(input.communityName
        ? [text(`${cardText(input.communityName)} is meeting now.`, { isSubtle: true, spacing: 'None' })]
        : []),
      text(
        `Open ${appName} in the meeting's side panel: select the ${appName} icon in the bar at the top of the meeting window (or Apps, then ${appName}).`,
      ),
      text(
        'Your own controls are there: check in, write your topic card, vote and add takeaways. The facilitator shares the stage for the group view.',
        { isSubtle: true },
      ),
    ],
  };
}

export interface SessionNotesInput extends Omit<MeetingCardInput, 'appName'> {
  /** The published notes. Until they are published the card says they will follow. */
  readonly notesUrl?: string;
}

/**
 * At meeting end (no link yet): the notes will follow. Once the facilitator publishes them, the
 * same card with the link. Throws on a link that is not http(s): that is a bug, not user input.
 */
export function buildSessionNotesCard(input: SessionNotesInput = {}): AdaptiveCard {
  const title = input.meetingTitle?.trim();
  const where = input.communityName ? `${cardText(input.communityName)}'s channel` : "the community's channel";
  if (input.notesUrl !== undefined && !/^https?:\/\/[^\s]+$/i.test(input.notesUrl)) {
    throw new Error(`BUG: the notes link must be an http(s) URL, got '${input.notesUrl}'`);
  }
  const published = input.notesUrl !== undefined;
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    body: [
      text(
        published
          ? `Notes: ${title ? cardText(title) : 'the session'}`
          : `${title ? cardText(title) : 'The session'} has ended`,
        { size: 'Medium', weight: 'Bolder', style: 'heading' },
      ),
      published
        ? text(
            'The notes and takeaways are published. Missed the session? Start here, and add a comment if you have an example to share.',
          )
        : text(
            `Thanks for taking part. The facilitator's notes and the takeaways will follow in ${where}, so that people who missed the session can read them.`,
          ),
    ],
    ...(published ? { actions: [{ type: 'Action.OpenUrl', title: 'Read the notes', url: input.notesUrl }] } : {}),
  };
}
