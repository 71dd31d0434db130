/**
 * The check-in / ice-breaker prompts of a working session, and how a community moves through them:
 * a seeded order per community, one step further each session, so the same prompt never comes twice
 * in a row and every prompt comes once before any comes again.
 */
import { SeededRandom } from '../thirty-five/random';

export interface IceBreaker {
  readonly id: string;
  readonly text: string;
}

const TEXTS = [
  'The funniest thing that happened to you this sprint',
  'One word for how your team feels today',
  'A retro format you would never run again, and why',
  'The best question a developer asked you recently',
  'Something your team stopped doing, and nobody missed it',
  'A meeting you cancelled that made everyone happier',
  'The last time your team surprised you',
  'Your favourite sticky-note colour and what it says about you',
  'A small experiment your team is running right now',
  'The impediment that disappeared on its own',
  'One thing you learned from a Product Owner this month',
  'The best excuse you heard for not updating the board',
  'A tool you would take to a desert island sprint',
  'What your team celebrates, and how',
  'The stand-up that went wildly off track',
  'A book, talk or podcast that changed how you coach',
  'Your team in one emoji',
  'The most useful thing you said "no" to lately',
  'A moment this sprint when you just listened',
  'The working agreement your team actually keeps',
  'If your sprint were a film, what would its title be?',
  'A question you wish someone asked you as a Scrum Master',
  'The smallest change that made the biggest difference',
  'Something you want to try at the next retrospective',
  'The strangest place you have facilitated a meeting',
  'What you would tell yourself on your first day as a Scrum Master',
  'A metric you stopped tracking, and what happened',
  'The last time a team member coached you',
  'Your go-to energiser when a meeting goes flat',
  'One thing that gives you energy at work this week',
  'A dependency on another team that went surprisingly well',
  'The sprint goal you are proudest of',
] as const;

export const ICE_BREAKERS: readonly IceBreaker[] = TEXTS.map((text, i) => ({
  id: `ib-${String(i + 1).padStart(2, '0')}`,
  text,
}));

/** A community's own order of the prompts (the same every time for that community). */
export function iceBreakerOrder(communityId: string): IceBreaker[] {
  return new SeededRandom(`ice-breakers:${communityId}`).shuffle([...ICE_BREAKERS]);
}

/**
 * The prompt for a community's next session: the one after the last prompt it used in its own order
 * (the first one when it has used none, or the last one is unknown).
 */
export function nextIceBreaker(communityId: string, lastUsedId: string | null): IceBreaker {
  const order = iceBreakerOrder(communityId);
  const last = lastUsedId === null ? -1 : order.findIndex((p) => p.id === lastUsedId);
  return order[(last + 1) % order.length] as IceBreaker;
}

/**
 * The prompt of a community's session number `held` (0 for its first): one step along its own order
 * per session, so consecutive sessions never share a prompt and all 32 come before any repeats.
 */
export function iceBreakerForSession(communityId: string, held: number): IceBreaker {
  const order = iceBreakerOrder(communityId);
  const i = ((Math.floor(held) % order.length) + order.length) % order.length;
  return order[i] as IceBreaker;
}

export const findIceBreaker = (id: string): IceBreaker | undefined => ICE_BREAKERS.find((p) => p.id === id);
