/**
 * Managing the backlog in the channel tab, pure: the groups it is shown in, where a topic goes when
 * it is moved, what an edit sends (and what a conflict keeps). What may be edited, merged, archived,
 * moved or owned is the domain's rule (src/domain/backlog.ts), the one the server's use cases apply:
 * asked here, the page offers only what the server would accept.
 */
import {
  changeTopicOwner,
  checkArchivable,
  checkCanEdit,
  checkMergeable,
  checkMovable,
  TOPIC_LIMITS,
  type Topic,
  type TopicActor,
} from '../../../domain/backlog';

export interface BacklogGroups {
  /** By rank: position 1 first. */
  readonly prioritised: readonly Topic[];
  readonly scheduled: readonly Topic[];
  /** Oldest first. */
  readonly proposed: readonly Topic[];
  readonly discussed: readonly Topic[];
  readonly archived: readonly Topic[];
}

const byProposed = (a: Topic, b: Topic) => a.proposedAt.localeCompare(b.proposedAt) || a.id.localeCompare(b.id);

export function groupBacklog(topics: readonly Topic[]): BacklogGroups {
  const of = (state: Topic['state']) => topics.filter((t) => t.state === state);
  return {
    prioritised: of('prioritised').sort(
      (a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || byProposed(a, b),
    ),
    scheduled: of('scheduled'),
    proposed: of('proposed').sort(byProposed),
    discussed: of('discussed'),
    archived: of('archived'),
  };
}

/** The topics with the changed ones (as the API returned them) put in place of the old. */
export function withChanged(topics: readonly Topic[], changed: readonly Topic[]): Topic[] {
  const next = new Map(changed.map((t) => [t.id, t]));
  const known = new Set(topics.map((t) => t.id));
  return [...topics.map((t) => next.get(t.id) ?? t), ...changed.filter((t) => !known.has(t.id))];
}

/**
 * The position (1 = top) a "Move up" / "Move down" sends for a topic at `position` among `count`
 * prioritised topics; undefined when it is already at that end.
 */
export function stepPosition(position: number, direction: 'up' | 'down', count: number): number | undefined {
  const next = direction === 'up' ? position - 1 : position + 1;
  return next < 1 || next > count ? undefined : next;
}

/**
 * The most a "move to position" may say: the prioritised count for a prioritised topic, one more
 * for a topic that comes in from the proposed ones (it may go to the bottom).
 */
export const maxPosition = (topic: Topic, prioritisedCount: number): number =>
  topic.state === 'prioritised' ? prioritisedCount : prioritisedCount + 1;

export type ParsedPosition =
  | { readonly ok: true; readonly position: number }
  | { readonly ok: false; readonly message: string };

/** What the user typed into "Move to position", checked against 1..max. */
export function parsePosition(text: string, max: number): ParsedPosition {
  const t = text.trim();
  if (!t) return { ok: false, message: `Type a position from 1 to ${max}.` };
  if (!/^\d+$/.test(t)) return { ok: false, message: `A position is a whole number from 1 to ${max}.` };
  const n = Number(t);
  if (n < 1 || n > max) return { ok: false, message: `The position must be from 1 to ${max}.` };
  return { ok: true, position: n };
}

/** What a screen reader hears after a move. */
export function movedMessage(title: string, position: number, count: number): string {
  return `“${title}” is now at position ${position} of ${count}.`;
}

// Editing

export interface TopicDraft {
  readonly title: string;
  readonly description: string;
}

export const draftOf = (t: Pick<Topic, 'title' | 'description'>): TopicDraft => ({
  title: t.title,
  description: t.description,
});

export type DraftCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly errors: { title?: string; description?: string } };

export function checkDraft(d: TopicDraft): DraftCheck {
  const errors: { title?: string; description?: string } = {};
  const title = d.title.replace(/\s+/g, ' ').trim();
  if (!title) errors.title = 'A topic needs a title.';
  else if (title.length > TOPIC_LIMITS.title) errors.title = `At most ${TOPIC_LIMITS.title} characters.`;
  if (d.description.trim().length > TOPIC_LIMITS.description)
    errors.description = `At most ${TOPIC_LIMITS.description} characters.`;
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true };
}

/**
 * The PATCH for a draft, against the version the etag belongs to (`base`): only the fields that
 * differ from it. Undefined when nothing differs.
 */
export function editRequest(
  etag: string,
  base: TopicDraft,
  draft: TopicDraft,
): { etag: string; title?: string; description?: string } | undefined {
  const title = draft.title.replace(/\s+/g, ' ').trim();
  const description = draft.description.trim();
  const out: { etag: string; title?: string; description?: string } = { etag };
  if (title !== base.title) out.title = title;
  if (description !== base.description.trim()) out.description = description;
  return out.title === undefined && out.description === undefined ? undefined : out;
}

/**
 * After a CONFLICT: what the other person changed compared to the version the user started from,
 * and whether the user's draft differs from their version at all.
 */
export function conflictOf(
  started: TopicDraft,
  theirs: TopicDraft,
  mine: TopicDraft,
): { readonly changed: readonly ('title' | 'description')[]; readonly sameAsMine: boolean } {
  const changed: ('title' | 'description')[] = [];
  if (started.title !== theirs.title) changed.push('title');
  if (started.description !== theirs.description) changed.push('description');
  return { changed, sameAsMine: editRequest('x', theirs, mine) === undefined };
}

// Permissions: the domain's rules, asked with the signed-in person as the actor

const actor = (me: string, manages: boolean): TopicActor => ({ userId: me, managesBacklog: manages });

/** Facilitators and champions edit any open topic; the proposer edits their own while it is proposed. */
export const canEditTopic = (t: Topic, me: string, manages: boolean): boolean => checkCanEdit(t, actor(me, manages)).ok;

/** Only proposed, prioritised or discussed topics can be archived (a scheduled one belongs to a session). */
export const canArchive = (t: Topic): boolean => checkArchivable(t).ok;

/** Moving is for prioritised topics, and for proposed (or discussed) ones coming (back) into the prioritised list. */
export const canMove = (t: Topic): boolean => checkMovable(t).ok;

/** Merging `mergeId` into `keep`: the kept one must be open, the merged one archivable. */
export const canMerge = (keep: Topic, merge: Topic): boolean => checkMergeable(keep, merge).ok;

/** The topics `t` can be merged with (either way round), in backlog order. */
export function mergePartners(topics: readonly Topic[], t: Topic): Topic[] {
  const g = groupBacklog(topics);
  return [...g.prioritised, ...g.scheduled, ...g.proposed, ...g.discussed].filter(
    (o) => o.id !== t.id && (canMerge(t, o) || canMerge(o, t)),
  );
}

export interface OwnerControls {
  /** "Owner: Bea Okafor", "Owner: you", or "No owner yet". */
  readonly label: string;
  readonly canVolunteer: boolean;
  readonly canClear: boolean;
}

export function ownerControls(
  t: Topic,
  me: string,
  manages: boolean,
  nameOf: (userId: string) => string,
): OwnerControls {
  const changes = (action: 'volunteer' | 'clear') => {
    const r = changeTopicOwner(t, actor(me, manages), action);
    return r.ok && r.value !== 'unchanged';
  };
  if (t.ownerId === null) return { label: 'No owner yet', canVolunteer: changes('volunteer'), canClear: false };
  return {
    label: `Owner: ${t.ownerId === me ? 'you' : nameOf(t.ownerId)}`,
    canVolunteer: false,
    canClear: changes('clear'),
  };
}
