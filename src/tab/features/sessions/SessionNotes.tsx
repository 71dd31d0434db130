/**
 * A session's notes: rendered as text blocks with the coaches' annotations beside the paragraph they
 * point to; a coach adds one to a paragraph; the facilitator edits the Markdown and saves it with the
 * etag it read. When someone else saved meanwhile, their text is shown and the draft is kept.
 */
import { Button, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { OUTCOME_LIMITS, type Annotation, type SessionNotes as Notes } from '../../../domain/outcomes';
import type { SessionOutcomesView } from '../../api-client';
import { toApiError, useServices } from '../../app-services';
import { ErrorNotice, InfoNotice, Section, useSectionStyles } from '../../ui/common';
import { MarkdownBlocks } from './MarkdownBlocks';
import { parseNotes, placeAnnotations, type NotesParagraph } from './markdown-blocks';
import { nameOf, sessionWhen } from './session-view';

const useStyles = makeStyles({
  paragraphs: { display: 'flex', flexDirection: 'column', gap: '4px' },
  paragraph: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1.7fr) minmax(14rem, 1fr)',
    gap: '8px 20px',
    padding: '4px 0',
    '@media (max-width: 720px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  text: { minWidth: 0, overflowWrap: 'anywhere', lineHeight: tokens.lineHeightBase400 },
  side: { display: 'flex', flexDirection: 'column', gap: '6px', alignItems: 'flex-start', minWidth: 0 },
  annotation: {
    boxSizing: 'border-box',
    width: '100%',
    margin: 0,
    padding: '6px 10px',
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    background: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: 'anywhere',
    whiteSpace: 'pre-wrap',
  },
  who: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  h: {
    margin: '6px 0 2px',
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
  },
  p: { margin: '2px 0', whiteSpace: 'pre-line' },
  ul: { margin: '2px 0', paddingInlineStart: '1.4em' },
  quote: {
    margin: '2px 0',
    paddingInlineStart: '10px',
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
    whiteSpace: 'pre-line',
  },
  code: {
    margin: '2px 0',
    padding: '8px',
    background: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    overflowX: 'auto',
    fontFamily: tokens.fontFamilyMonospace,
  },
  theirs: {
    margin: 0,
    padding: '8px',
    maxHeight: '16rem',
    overflow: 'auto',
    background: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
  editor: { display: 'flex', flexDirection: 'column', gap: '8px' },
  textarea: { minHeight: '16rem', fontFamily: tokens.fontFamilyMonospace },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
});

export function SessionNotes({
  communityId,
  sessionId,
  outcomes,
  names,
  canEdit,
  isCoach,
  onChanged,
}: {
  communityId: string;
  sessionId: string;
  outcomes: SessionOutcomesView;
  names: Readonly<Record<string, string>>;
  canEdit: boolean;
  isCoach: boolean;
  /** Reload the outcomes (after a save, an annotation or a conflict). */
  onChanged: () => void;
}) {
  const sec = useSectionStyles();
  const s = useStyles();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | undefined>();
  const notes = outcomes.notes;
  const paragraphs = parseNotes(notes?.markdown ?? '');
  const { byParagraph, unplaced } = placeAnnotations(paragraphs, outcomes.annotations);

  return (
    <Section title="Notes" id="session-notes-heading" testId="session-notes">
      {saved && !editing ? (
        <span role="status" data-testid="notes-saved">
          {saved}
        </span>
      ) : null}
      {editing ? (
        <NotesEditor
          communityId={communityId}
          sessionId={sessionId}
          notes={notes}
          etag={outcomes.notesEtag}
          names={names}
          onDone={(message) => {
            setEditing(false);
            setSaved(message);
            onChanged();
          }}
          onConflict={onChanged}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          {notes ? (
            <span className={sec.muted}>
              Last saved by {nameOf(names, notes.updatedBy)}, {sessionWhen(notes.updatedAt)}.
              {isCoach ? ' Add an annotation beside any paragraph.' : ''}
            </span>
          ) : null}
          {paragraphs.length === 0 ? (
            <span className={sec.muted} data-testid="notes-empty">
              No notes yet.{canEdit ? ' Write them below: they are kept for everyone who missed the session.' : ''}
            </span>
          ) : (
            <div className={s.paragraphs} data-testid="notes-body">
              {paragraphs.map((p) => (
                <NotesRow
                  key={p.index}
                  paragraph={p}
                  annotations={byParagraph.get(p.index) ?? []}
                  names={names}
                  isCoach={isCoach}
                  communityId={communityId}
                  sessionId={sessionId}
                  onAnnotated={onChanged}
                />
              ))}
            </div>
          )}
          {unplaced.length ? (
            <div className={s.side} data-testid="unplaced-annotations">
              <span className={sec.muted}>Annotations on text that has changed since:</span>
              {unplaced.map((a) => (
                <AnnotationNote key={a.id} a={a} names={names} />
              ))}
            </div>
          ) : null}
          {canEdit ? (
            <div className={s.actions}>
              <Button
                onClick={() => {
                  setSaved(undefined);
                  setEditing(true);
                }}
                data-testid="notes-edit"
              >
                {notes ? 'Edit notes' : 'Write notes'}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </Section>
  );
}

function AnnotationNote({ a, names }: { a: Annotation; names: Readonly<Record<string, string>> }) {
  const s = useStyles();
  return (
    <figure className={s.annotation} data-testid="annotation">
      <figcaption className={s.who}>
        Coach {nameOf(names, a.authorId)} · {sessionWhen(a.createdAt)}
        {'quote' in a.anchor ? ` · on “${a.anchor.quote}”` : ''}
      </figcaption>
      {a.text}
    </figure>
  );
}

function NotesRow({
  paragraph,
  annotations,
  names,
  isCoach,
  communityId,
  sessionId,
  onAnnotated,
}: {
  paragraph: NotesParagraph;
  annotations: readonly Annotation[];
  names: Readonly<Record<string, string>>;
  isCoach: boolean;
  communityId: string;
  sessionId: string;
  onAnnotated: () => void;
}) {
  const { api } = useServices();
  const s = useStyles();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const n = paragraph.index + 1;

  const save = async () => {
    const trimmed = text.trim();
    if (!trimmed) return setError('Write the annotation first.');
    setBusy(true);
    setError(undefined);
    try {
      await api.sessions.annotate(communityId, sessionId, { anchor: { paragraph: paragraph.index }, text: trimmed });
      setText('');
      setOpen(false);
      onAnnotated();
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={s.paragraph} data-testid="notes-paragraph" data-paragraph={paragraph.index}>
      <div className={s.text}>
        <MarkdownBlocks
          markdown={paragraph.source}
          classes={{ heading: s.h, paragraph: s.p, list: s.ul, quote: s.quote, code: s.code }}
        />
      </div>
      {annotations.length || isCoach ? (
        <aside className={s.side} aria-label={`Annotations on paragraph ${n}`}>
          {annotations.map((a) => (
            <AnnotationNote key={a.id} a={a} names={names} />
          ))}
          {isCoach && !open ? (
            <Button
              size="small"
              appearance="subtle"
              onClick={() => setOpen(true)}
              aria-label={`Annotate paragraph ${n}`}
              data-testid="annotate-open"
            >
              Annotate
            </Button>
          ) : null}
          {isCoach && open ? (
            <form
              className={s.editor}
              style={{ width: '100%' }}
              onSubmit={(e) => {
                e.preventDefault();
                void save();
              }}
              aria-label={`Annotation on paragraph ${n}`}
            >
              <Field
                label={`Your annotation on paragraph ${n}`}
                validationMessage={error}
                hint={`${text.trim().length} / ${OUTCOME_LIMITS.annotation}`}
              >
                <Textarea
                  value={text}
                  maxLength={OUTCOME_LIMITS.annotation}
                  onChange={(_, d) => setText(d.value)}
                  disabled={busy}
                  autoFocus
                  onKeyDown={(e) => {
                    if (e.key === 'Escape') setOpen(false);
                  }}
                  data-testid="annotate-text"
                />
              </Field>
              <div className={s.actions}>
                <Button type="submit" size="small" appearance="primary" disabled={busy} data-testid="annotate-save">
                  {busy ? 'Adding…' : 'Add annotation'}
                </Button>
                <Button size="small" disabled={busy} onClick={() => setOpen(false)}>
                  Cancel
                </Button>
              </div>
            </form>
          ) : null}
        </aside>
      ) : null}
    </div>
  );
}

function NotesEditor({
  communityId,
  sessionId,
  notes,
  etag: readEtag,
  names,
  onDone,
  onConflict,
  onCancel,
}: {
  communityId: string;
  sessionId: string;
  notes: Notes | null;
  etag: string | null;
  names: Readonly<Record<string, string>>;
  onDone: (message: string) => void;
  onConflict: () => void;
  onCancel: () => void;
}) {
  const { api } = useServices();
  const s = useStyles();
  const [draft, setDraft] = useState(notes?.markdown ?? '');
  const [etag, setEtag] = useState<string | null>(readEtag);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [theirs, setTheirs] = useState<Notes | null | undefined>(undefined);

  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.sessions.saveNotes(communityId, sessionId, { markdown: draft, ...(etag ? { etag } : {}) });
      onDone('Notes saved.');
    } catch (e) {
      const err = toApiError(e);
      if (err.code === 'CONFLICT') {
        try {
          const fresh = await api.sessions.outcomes(communityId, sessionId);
          setTheirs(fresh.notes);
          setEtag(fresh.notesEtag);
          onConflict();
        } catch (e2) {
          setError(`Someone else saved meanwhile, and their version could not be read: ${toApiError(e2).message}`);
        }
      } else setError(err.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className={s.editor}
      aria-label="Edit the notes"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {theirs !== undefined ? (
        <InfoNotice intent="warning" title="Someone else saved meanwhile">
          {theirs ? `${nameOf(names, theirs.updatedBy)} saved these notes at ${sessionWhen(theirs.updatedAt)}. ` : ''}
          Your draft is still in the editor below. Re-apply your changes to their text (or keep yours), then save:
          saving now replaces their version.
        </InfoNotice>
      ) : null}
      {theirs !== undefined ? (
        <Field label="Their version, as saved">
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (axe: scrollable-region-focusable) */}
          <pre className={s.theirs} tabIndex={0} data-testid="notes-theirs">
            {theirs?.markdown || '(empty)'}
          </pre>
        </Field>
      ) : null}
      <Field
        label={theirs !== undefined ? 'Your draft, in Markdown' : 'Notes in Markdown'}
        hint={`# heading, - list item, a blank line between paragraphs · ${draft.length} / ${OUTCOME_LIMITS.notes}`}
        validationMessage={
          draft.length > OUTCOME_LIMITS.notes ? `At most ${OUTCOME_LIMITS.notes} characters.` : undefined
        }
      >
        <Textarea
          className={s.textarea}
          textarea={{ className: s.textarea }}
          value={draft}
          onChange={(_, d) => setDraft(d.value)}
          disabled={busy}
          resize="vertical"
          data-testid="notes-textarea"
        />
      </Field>
      {error ? <ErrorNotice title="Could not save the notes" message={error} /> : null}
      <div className={s.actions}>
        <Button
          type="submit"
          appearance="primary"
          disabled={busy || draft.length > OUTCOME_LIMITS.notes}
          data-testid="notes-save"
        >
          {busy ? 'Saving…' : theirs !== undefined ? 'Save my version' : 'Save notes'}
        </Button>
        {theirs !== undefined ? (
          <Button disabled={busy} onClick={() => setDraft(theirs?.markdown ?? '')} data-testid="notes-take-theirs">
            Replace my draft with their version
          </Button>
        ) : null}
        <Button disabled={busy} onClick={onCancel} data-testid="notes-cancel">
          Cancel
        </Button>
      </div>
    </form>
  );
}
