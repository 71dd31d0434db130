/**
 * Editing a topic in place. It reads the topic first (for the etag); when someone else saved in
 * between, the API answers CONFLICT: the editor reloads their version, shows it beside the user's
 * draft (which stays in the fields) and lets the user save theirs over it on purpose, or take theirs.
 */
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { TOPIC_LIMITS, type Topic } from '../../../domain/backlog';
import { toApiError, useServices } from '../../app-services';
import { ErrorNotice } from '../../ui/common';
import { checkDraft, conflictOf, draftOf, editRequest, type TopicDraft } from './backlog-manage';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: '8px', minWidth: 0 },
  heading: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
  theirs: {
    margin: '4px 0 0',
    padding: '6px 8px',
    borderLeft: `3px solid ${tokens.colorStatusWarningBorderActive}`,
    background: tokens.colorNeutralBackground3,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  dl: { margin: 0, display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', gap: '2px 12px' },
  dt: { fontWeight: tokens.fontWeightSemibold },
  dd: { margin: 0 },
});

interface Loaded {
  readonly etag: string;
  /** The version the etag belongs to: what the request is computed against. */
  readonly base: TopicDraft;
}

export function TopicEditor({
  communityId,
  topic,
  onDone,
  onReloaded,
}: {
  communityId: string;
  topic: Topic;
  /** The saved topic, or undefined when cancelled. */
  onDone(saved: Topic | undefined): void;
  /** The other person's version after a conflict, for the list. */
  onReloaded(latest: Topic): void;
}) {
  const { api } = useServices();
  const s = useStyles();
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const [draft, setDraft] = useState<TopicDraft>(draftOf(topic));
  const [conflict, setConflict] = useState<
    { theirs: TopicDraft; changed: readonly ('title' | 'description')[] } | undefined
  >();
  const [errors, setErrors] = useState<{ title?: string; description?: string }>({});
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const titleId = `edit-title-${topic.id}`;

  useEffect(() => {
    let live = true;
    api.backlog.get(communityId, topic.id).then(
      (r) => {
        if (!live) return;
        setLoaded({ etag: r.etag, base: draftOf(r.topic) });
        setDraft(draftOf(r.topic));
        // The focus goes to the title once it is editable.
        setTimeout(() => document.getElementById(titleId)?.focus(), 0);
      },
      (e: unknown) => live && setError(toApiError(e).message),
    );
    return () => {
      live = false;
    };
  }, [communityId, topic.id]);

  const save = async () => {
    if (!loaded) return;
    const checked = checkDraft(draft);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    const req = editRequest(loaded.etag, loaded.base, draft);
    if (!req) return onDone(undefined);
    setBusy(true);
    setError(undefined);
    try {
      const r = await api.backlog.edit(communityId, topic.id, req);
      onDone(r.topic);
    } catch (e) {
      const err = toApiError(e);
      if (err.code === 'CONFLICT') {
        try {
          const latest = await api.backlog.get(communityId, topic.id);
          const theirs = draftOf(latest.topic);
          const c = conflictOf(loaded.base, theirs, draft);
          setLoaded({ etag: latest.etag, base: theirs });
          setConflict({ theirs, changed: c.changed });
          onReloaded(latest.topic);
        } catch (e2) {
          setError(toApiError(e2).message);
        }
      } else {
        const fieldErrors: { title?: string; description?: string } = {};
        for (const i of err.issues)
          if (i.path === 'title' || i.path === 'description') fieldErrors[i.path] ??= i.message;
        setErrors(fieldErrors);
        setError(err.message);
      }
    } finally {
      setBusy(false);
    }
  };

  if (!loaded) {
    return error ? (
      <ErrorNotice
        title="Could not open the topic"
        message={error}
        onRetry={() => onDone(undefined)}
        retryLabel="Close"
      />
    ) : (
      <Spinner size="tiny" label="Loading the latest version…" />
    );
  }

  return (
    <form
      className={s.form}
      aria-label={`Edit “${topic.title}”`}
      data-testid="topic-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !busy) onDone(undefined);
      }}
    >
      <span className={s.heading} id={`${titleId}-heading`}>
        Editing {topic.rank !== null ? `#${topic.rank} ` : ''}“{topic.title}”
      </span>
      {conflict ? (
        <MessageBar intent="warning" layout="multiline" role="alert" data-testid="edit-conflict">
          <MessageBarBody>
            <MessageBarTitle>Someone else changed this topic while you were editing</MessageBarTitle>
            Nothing was saved. Their version is below; your draft is still in the fields. Save again to replace their
            version with yours, or take theirs.
            <div className={s.theirs} data-testid="edit-conflict-theirs">
              <dl className={s.dl}>
                <dt className={s.dt}>Title{conflict.changed.includes('title') ? ' (changed)' : ''}</dt>
                <dd className={s.dd}>{conflict.theirs.title}</dd>
                <dt className={s.dt}>Description{conflict.changed.includes('description') ? ' (changed)' : ''}</dt>
                <dd className={s.dd}>{conflict.theirs.description || '—'}</dd>
              </dl>
            </div>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Field
        label="Title"
        required
        validationMessage={errors.title}
        validationState={errors.title ? 'error' : 'none'}
        hint={`${draft.title.trim().length} / ${TOPIC_LIMITS.title}`}
      >
        <Input
          id={titleId}
          value={draft.title}
          maxLength={TOPIC_LIMITS.title}
          disabled={busy}
          onChange={(_, d) => setDraft((x) => ({ ...x, title: d.value }))}
          data-testid="edit-topic-title"
        />
      </Field>
      <Field
        label="Description"
        validationMessage={errors.description}
        validationState={errors.description ? 'error' : 'none'}
        hint={`${draft.description.trim().length} / ${TOPIC_LIMITS.description}`}
      >
        <Textarea
          value={draft.description}
          maxLength={TOPIC_LIMITS.description}
          rows={3}
          resize="vertical"
          disabled={busy}
          onChange={(_, d) => setDraft((x) => ({ ...x, description: d.value }))}
          data-testid="edit-topic-description"
        />
      </Field>
      {error && !conflict ? <ErrorNotice title="Could not save" message={error} /> : null}
      <div className={s.row}>
        <Button type="submit" appearance="primary" disabled={busy} data-testid="edit-topic-save">
          {busy ? 'Saving…' : conflict ? 'Save my version' : 'Save'}
        </Button>
        {conflict ? (
          <Button
            disabled={busy}
            onClick={() => {
              setDraft(conflict.theirs);
              setConflict(undefined);
            }}
            data-testid="edit-topic-theirs"
          >
            Take their version
          </Button>
        ) : null}
        <Button appearance="subtle" disabled={busy} onClick={() => onDone(undefined)} data-testid="edit-topic-cancel">
          Cancel
        </Button>
      </div>
    </form>
  );
}
