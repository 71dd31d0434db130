/**
 * The breakout groups a close keeps on the session record (group, question, members, signed notes),
 * and how the channel tab's export and search read them. Pure.
 */
import type { SessionBreakout } from '../session';
import type { SavedRunState } from './saved-run';

/** "Group 1" for index 0. */
export const breakoutName = (index: number): string => `Group ${index + 1}`;

/** The groups of a run with their notes, for the session record (groups without notes or people are left out). */
export function breakoutsOf(run: Pick<SavedRunState, 'groups' | 'groupNotes'>): SessionBreakout[] {
  const indexes = [...new Set([...run.groups.map((g) => g.index), ...run.groupNotes.map((n) => n.group)])].sort(
    (a, b) => a - b,
  );
  return indexes
    .map((index) => {
      const g = run.groups.find((x) => x.index === index);
      const notes = run.groupNotes
        .filter((n) => n.group === index)
        .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1))
        .map((n) => ({ id: n.id, authorId: n.userId, authorName: n.displayName, text: n.text, at: n.at }));
      return { index, question: g?.question ?? '', members: [...(g?.members ?? [])], notes };
    })
    .filter((b) => b.members.length > 0 || b.notes.length > 0);
}

/** The close's breakouts with the record's: a note the record kept and the close lacks is added to its group. */
export function mergeBreakouts(sent: readonly SessionBreakout[], saved: readonly SessionBreakout[]): SessionBreakout[] {
  const out = new Map(sent.map((b) => [b.index, { ...b, notes: [...b.notes] }]));
  const sentIds = new Set(sent.flatMap((b) => b.notes.map((n) => n.id)));
  for (const b of saved) {
    const missing = b.notes.filter((n) => !sentIds.has(n.id));
    const target = out.get(b.index);
    if (!target) {
      if (missing.length || b.members.length) out.set(b.index, { ...b, notes: missing });
      continue;
    }
    target.notes.push(...missing);
    target.notes.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : x.id < y.id ? -1 : 1));
  }
  return [...out.values()].sort((a, b) => a.index - b.index);
}

/** Group notes of held sessions whose text contains `query` (case-insensitive), as search hits. */
export function searchGroupNotes(
  query: string,
  sessions: readonly { readonly id: string; readonly breakouts?: readonly SessionBreakout[] | undefined }[],
): { kind: 'group-note'; sessionId: string; id: string; excerpt: string }[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const hits: { kind: 'group-note'; sessionId: string; id: string; excerpt: string }[] = [];
  for (const s of sessions) {
    for (const b of s.breakouts ?? []) {
      for (const n of b.notes) {
        const i = n.text.toLowerCase().indexOf(q);
        if (i < 0) continue;
        const start = Math.max(0, i - 60);
        const end = i + q.length + 60;
        const excerpt = (start > 0 ? '…' : '') + n.text.slice(start, end).trim() + (end < n.text.length ? '…' : '');
        hits.push({ kind: 'group-note', sessionId: s.id, id: n.id, excerpt: `${breakoutName(b.index)}: ${excerpt}` });
      }
    }
  }
  return hits;
}
