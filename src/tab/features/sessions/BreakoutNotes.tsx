/**
 * The breakout groups of a held session, as the close kept them: each group's question, who was in
 * it and the notes its people wrote (signed, as they were in the meeting). Read-only.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { breakoutName } from '../../../domain/session-run';
import { ownValue } from '../../../domain/own-key';
import type { SessionBreakout } from '../../../domain/session';
import { Section, useSectionStyles } from '../../ui/common';
import { nameOf } from './session-view';
import { useSessionStyles } from './styles';

const useStyles = makeStyles({
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
    padding: '6px 0',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  h3: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  note: { padding: '2px 0', overflowWrap: 'anywhere' },
});

export function BreakoutNotes({
  breakouts,
  names,
}: {
  breakouts: readonly SessionBreakout[] | undefined;
  names: Readonly<Record<string, string>>;
}) {
  const s = useStyles();
  const ss = useSessionStyles();
  const sec = useSectionStyles();
  if (!breakouts?.length) return null;
  const noteCount = breakouts.reduce((n, b) => n + b.notes.length, 0);
  return (
    <Section
      title={`Breakout groups (${breakouts.length}) · ${noteCount} ${noteCount === 1 ? 'note' : 'notes'}`}
      id="session-breakouts-heading"
      testId="session-breakouts"
    >
      {breakouts.map((b) => (
        <div key={b.index} className={s.group} data-testid="session-breakout" data-group={b.index}>
          <h3 className={s.h3} id={`session-breakout-${b.index}`}>
            {breakoutName(b.index)}
            {b.question ? `: ${b.question}` : ''}
          </h3>
          {b.members.length ? (
            <span className={ss.sub}>{b.members.map((id) => nameOf(names, id)).join(', ')}</span>
          ) : null}
          {b.notes.length === 0 ? (
            <span className={sec.muted}>No notes.</span>
          ) : (
            <ul className={ss.list} aria-labelledby={`session-breakout-${b.index}`}>
              {b.notes.map((n) => (
                <li key={n.id} className={s.note} data-testid="session-breakout-note">
                  <span>{n.text}</span>{' '}
                  <span className={ss.sub}>
                    — {ownValue(names, n.authorId) ?? (n.authorName || nameOf(names, n.authorId))}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </Section>
  );
}
