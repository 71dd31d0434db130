import type { RootContent } from 'mdast';
import type { Principal } from '../../domain/identity';
import type { ActionItem, Annotation, SessionNotes, Takeaway } from '../../domain/outcomes';
import { ownValue } from '../../domain/own-key';
import { ok, type Result } from '../../domain/result';
import { SESSION_TYPE_LABELS, type Session } from '../../domain/session';
import { breakoutName } from '../../domain/session-run';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';
import { findSession } from '../facilitation';
import { emphasis, heading, item, list, paragraph, text, toMarkdownDocument, userMarkdown } from '../markdown-text';

/** What the export is made of (read once by the use case; the builders below are pure). */
export interface SessionExportInput {
  readonly session: Session;
  readonly topicTitles: Readonly<Record<string, string>>;
  readonly notes: SessionNotes | undefined;
  readonly annotations: readonly Annotation[];
  readonly takeaways: readonly Takeaway[];
  readonly actions: readonly ActionItem[];
  readonly names: Readonly<Record<string, string>>;
}

/**
 * A session as Markdown (notes, annotations, takeaways, actions, attendance count, breakout groups), to publish to the
 * channel or read later. Round trips: 2 reads (access) + 1 read (session) + 1 read (notes) + 4 queries.
 */
export async function exportSessionMarkdown(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; sessionId: string },
): Promise<Result<string>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const found = await findSession(deps, input.communityId, input.sessionId);
  if (!found.ok) return found;
  const { communityId, sessionId } = input;
  const [notes, annotations, takeaways, actions, topics, members] = await Promise.all([
    deps.store.notes.get(communityId, sessionId),
    deps.store.annotations.listBySession(communityId, sessionId),
    deps.store.takeaways.listBySession(communityId, sessionId),
    deps.store.actions.listBySession(communityId, sessionId),
    deps.store.topics.listByCommunity(communityId),
    deps.store.memberships.listByCommunity(communityId),
  ]);
  const names = Object.fromEntries(members.map((m) => [m.value.userId, m.value.displayName]));
  return ok(
    sessionMarkdown({
      session: found.value.value,
      topicTitles: Object.fromEntries(topics.map((t) => [t.value.id, t.value.title])),
      notes: notes?.value,
      annotations,
      takeaways,
      actions,
      names,
    }),
  );
}

/**
 * The document, one section per function. Everything people typed goes in as mdast `text` nodes, so
 * the serializer escapes it (a title `[click](https://evil)` or `<script>` reads as those characters);
 * only the notes are Markdown by intent, read by `userMarkdown` (raw HTML shown as text).
 */
export function sessionMarkdown(input: SessionExportInput): string {
  const sections: ((input: SessionExportInput) => RootContent[])[] = [
    headerSection,
    notesSection,
    annotationsSection,
    takeawaysSection,
    actionsSection,
    breakoutsSection,
  ];
  return toMarkdownDocument({ type: 'root', children: sections.flatMap((section) => section(input)) });
}

const nameOf = (input: SessionExportInput, id: string) => ownValue(input.names, id) ?? id;
const topicTitle = (input: SessionExportInput, id: string) => ownValue(input.topicTitles, id) ?? id;

function headerSection(input: SessionExportInput): RootContent[] {
  const s = input.session;
  return [
    heading(1, `${SESSION_TYPE_LABELS[s.details.type]} — ${s.startsAt.slice(0, 10)}`),
    ...(s.purpose ? [paragraph(text(s.purpose))] : []),
    paragraph(text(`Facilitator: ${nameOf(input, s.facilitatorId)} · Attendance: ${s.attendees.length}`)),
    ...(s.topicIds.length
      ? [paragraph(text(`Topics: ${s.topicIds.map((id) => topicTitle(input, id)).join('; ')}`))]
      : []),
  ];
}

function notesSection(input: SessionExportInput): RootContent[] {
  const notes = input.notes?.markdown.trim();
  return [heading(2, 'Notes'), ...(notes ? userMarkdown(notes) : [paragraph(emphasis('No notes.'))])];
}

function annotationsSection(input: SessionExportInput): RootContent[] {
  if (!input.annotations.length) return [];
  return [
    heading(2, 'Coach annotations'),
    list(
      input.annotations.map((a) => {
        const where = 'paragraph' in a.anchor ? `paragraph ${a.anchor.paragraph + 1}` : `“${a.anchor.quote}”`;
        return item([text(`On ${where} (${nameOf(input, a.authorId)}): ${a.text}`)]);
      }),
    ),
  ];
}

function takeawaysSection(input: SessionExportInput): RootContent[] {
  if (!input.takeaways.length) return [heading(2, 'Takeaways'), paragraph(emphasis('None.'))];
  return [
    heading(2, 'Takeaways'),
    list(
      input.takeaways.map((t) => {
        const topic = t.topicId ? ` (${topicTitle(input, t.topicId)})` : '';
        return item([text(`${t.text} — ${nameOf(input, t.authorId)}${topic}`)]);
      }),
    ),
  ];
}

function actionsSection(input: SessionExportInput): RootContent[] {
  if (!input.actions.length) return [heading(2, 'Actions'), paragraph(emphasis('None.'))];
  return [
    heading(2, 'Actions'),
    list(
      input.actions.map((a) =>
        item([text(`${a.text} — ${nameOf(input, a.ownerId)}, due ${a.dueDate} (${a.status})`)], a.status === 'done'),
      ),
    ),
  ];
}

/** The breakout groups kept at the close: each group's question, who was in it, its notes with their authors. */
function breakoutsSection(input: SessionExportInput): RootContent[] {
  const breakouts = input.session.breakouts ?? [];
  if (!breakouts.length) return [];
  const oneLine = (t: string) => t.replace(/\s+/g, ' ').trim();
  return [
    heading(2, 'Breakout groups'),
    ...breakouts.flatMap((b): RootContent[] => [
      heading(3, `${breakoutName(b.index)}${b.question ? `: ${oneLine(b.question)}` : ''}`),
      ...(b.members.length ? [paragraph(text(`Members: ${b.members.map((id) => nameOf(input, id)).join(', ')}`))] : []),
      b.notes.length
        ? list(
            b.notes.map((n) =>
              item([text(`${oneLine(n.text)} — ${ownValue(input.names, n.authorId) ?? n.authorName}`)]),
            ),
          )
        : paragraph(emphasis('No notes.')),
    ]),
  ];
}
