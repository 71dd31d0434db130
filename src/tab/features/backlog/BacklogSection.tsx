/**
 * The community's backlog in the channel tab. Everyone reads it, proposes topics, gives a +1 and
 * volunteers to own a topic; facilitators and champions also re-order it (buttons and a position,
 * so it works from the keyboard), edit topics (with the etag: a concurrent edit is shown, never
 * overwritten), merge, archive and restore. Prioritised topics first, by rank; then scheduled and
 * proposed ones; discussed and archived ones collapsed.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Field,
  Input,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Link,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { managesBacklog, TOPIC_LIMITS, type Topic } from '../../../domain/backlog';
import type { CommunityView } from '../../api-client';
import { isApiError } from '../../api-client';
import { toApiError, useServices } from '../../app-services';
import { ErrorNotice, LengthCounter, Section, overLimitMessage, useSectionStyles } from '../../ui/common';
import {
  canArchive,
  canEditTopic,
  canMove,
  groupBacklog,
  maxPosition,
  mergePartners,
  movedMessage,
  ownerControls,
  parsePosition,
  stepPosition,
} from './backlog-manage';
import { rankLabel, topicScoreLabel } from './backlog-view';
import { MergeDialog } from './MergeDialog';
import { TopicEditor } from './TopicEditor';
import type { BacklogStore } from './useBacklog';

export const useBacklogStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '8px', minWidth: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
    padding: '8px 0',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: 'flex', alignItems: 'flex-start', gap: '8px', minWidth: 0 },
  rank: {
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: 'tabular-nums',
    color: tokens.colorNeutralForeground2,
    minWidth: '2.5em',
    paddingTop: '1px',
  },
  body: { display: 'flex', flexDirection: 'column', gap: '2px', flexGrow: 1, minWidth: 0 },
  title: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  description: {
    color: tokens.colorNeutralForeground2,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    fontSize: tokens.fontSizeBase200,
  },
  meta: {
    display: 'flex',
    gap: '6px',
    alignItems: 'center',
    flexWrap: 'wrap',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
  },
  actions: { display: 'flex', gap: '6px', alignItems: 'center', flexWrap: 'wrap', paddingLeft: 'calc(2.5em + 8px)' },
  group: { display: 'flex', gap: '4px', alignItems: 'center', flexWrap: 'wrap' },
  position: { width: '4.5em' },
  inlineLink: { fontSize: 'inherit', lineHeight: 'inherit' },
  posLabel: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, marginLeft: '4px' },
  subhead: {
    margin: '8px 0 0',
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  form: { display: 'flex', gap: '8px', alignItems: 'flex-end', flexWrap: 'wrap', marginTop: '12px' },
  grow: { flexGrow: 1, minWidth: '12rem' },
  similar: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap', marginTop: '8px' },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

type Focus = { readonly topicId: string; readonly control: 'up' | 'down' | 'position' | 'row' };

export function BacklogSection({ view, backlog }: { view: CommunityView; backlog: BacklogStore }) {
  const { api } = useServices();
  const s = useBacklogStyles();
  const sec = useSectionStyles();
  const communityId = view.community.id;
  const me = view.me.userId;
  const manages = managesBacklog(view.me);
  const names = new Map(view.members.map((m) => [m.userId, m.displayName]));
  const nameOf = (id: string) => names.get(id) ?? 'a former member';

  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [announce, setAnnounce] = useState('');
  const [editing, setEditing] = useState<string | undefined>();
  const [merging, setMerging] = useState<Topic | undefined>();
  const rootRef = useRef<HTMLDivElement>(null);
  const focusNext = useRef<Focus | undefined>(undefined);

  const groups = groupBacklog(backlog.topics);
  const open = backlog.topics.filter((t) => t.state !== 'archived');
  const count = groups.prioritised.length;

  // Keyboard users keep their place: after a move the focus goes back to the moved topic's control.
  useEffect(() => {
    const f = focusNext.current;
    if (!f || !rootRef.current) return;
    const row = rootRef.current.querySelector<HTMLElement>(`[data-topic-id="${CSS.escape(f.topicId)}"]`);
    if (!row) return;
    const pick = (c: string) =>
      row.querySelector<HTMLElement>(`[data-focus="${c}"]:not([aria-disabled="true"]):not([disabled])`);
    const target =
      (f.control === 'row' ? null : pick(f.control)) ??
      pick(f.control === 'down' ? 'up' : 'down') ??
      pick('position') ??
      row;
    target.focus();
    focusNext.current = undefined;
  }, [backlog.topics]);

  const run = async (
    action: () => Promise<readonly Topic[] | Topic>,
    after?: { focus?: Focus; say?: (changed: readonly Topic[]) => string },
  ) => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await action();
      const changed = Array.isArray(r) ? (r as readonly Topic[]) : [r as Topic];
      focusNext.current = after?.focus;
      if (after?.say) setAnnounce(after.say(changed));
      backlog.apply(changed);
    } catch (e) {
      setError(toApiError(e).message);
      backlog.reload();
    } finally {
      setBusy(false);
    }
  };

  const move = (t: Topic, position: number, control: Focus['control']) =>
    run(() => api.backlog.move(communityId, t.id, position), {
      focus: { topicId: t.id, control },
      say: () => movedMessage(t.title, position, t.state === 'prioritised' ? count : count + 1),
    });

  const rowProps = { view, manages, me, nameOf, busy, run, move, count, onEdit: setEditing, onMerge: setMerging, open };

  const renderRow = (t: Topic, position?: number) =>
    editing === t.id ? (
      <li key={t.id} className={s.item} data-testid="backlog-item" data-state={t.state} data-topic-id={t.id}>
        <TopicEditor
          communityId={communityId}
          topic={t}
          onDone={(saved) => {
            setEditing(undefined);
            focusNext.current = { topicId: t.id, control: 'row' };
            if (saved) {
              setAnnounce(`Saved “${saved.title}”.`);
              backlog.apply([saved]);
            } else backlog.reload();
          }}
          onReloaded={(latest) => backlog.apply([latest])}
        />
      </li>
    ) : (
      <TopicRow key={t.id} topic={t} position={position} {...rowProps} />
    );

  return (
    <Section title={`Backlog (${open.length})`} id="backlog-heading" testId="backlog">
      <div ref={rootRef} className={s.stack}>
        <div className={s.visuallyHidden} role="status" aria-live="polite" data-testid="backlog-announce">
          {announce}
        </div>
        {backlog.status === 'loading' ? (
          <span className={sec.muted}>Loading…</span>
        ) : backlog.status === 'error' ? (
          <ErrorNotice
            title="Could not load the backlog"
            message={backlog.error?.message ?? ''}
            onRetry={backlog.reload}
          />
        ) : open.length === 0 && groups.archived.length === 0 ? (
          <span className={sec.muted}>
            Nothing proposed yet. Propose the first topic below, or in chat: "propose: …".
          </span>
        ) : (
          <>
            {error ? <ErrorNotice title="That did not work" message={error} /> : null}
            <h3 className={s.subhead} id="backlog-prioritised-heading">
              Prioritised ({count})
            </h3>
            {count === 0 ? (
              <span className={sec.muted}>
                Nothing prioritised yet.{' '}
                {manages
                  ? 'Prioritise a proposed topic below, or play Thirty Five in a meeting.'
                  : 'A facilitator prioritises the proposed topics.'}
              </span>
            ) : (
              <ol className={s.list} aria-labelledby="backlog-prioritised-heading" data-testid="backlog-prioritised">
                {groups.prioritised.map((t, i) => renderRow(t, i + 1))}
              </ol>
            )}
            {groups.scheduled.length ? (
              <>
                <h3 className={s.subhead} id="backlog-scheduled-heading">
                  Scheduled ({groups.scheduled.length})
                </h3>
                <ul className={s.list} aria-labelledby="backlog-scheduled-heading" data-testid="backlog-scheduled">
                  {groups.scheduled.map((t) => renderRow(t))}
                </ul>
              </>
            ) : null}
            <h3 className={s.subhead} id="backlog-proposed-heading">
              Proposed ({groups.proposed.length})
            </h3>
            {groups.proposed.length === 0 ? (
              <span className={sec.muted}>No proposed topics waiting.</span>
            ) : (
              <ul className={s.list} aria-labelledby="backlog-proposed-heading" data-testid="backlog-proposed">
                {groups.proposed.map((t) => renderRow(t))}
              </ul>
            )}
            {groups.discussed.length || groups.archived.length ? (
              <Accordion collapsible multiple>
                {groups.discussed.length ? (
                  <AccordionItem value="discussed">
                    <AccordionHeader size="small">Discussed ({groups.discussed.length})</AccordionHeader>
                    <AccordionPanel>
                      <ul className={s.list} data-testid="backlog-discussed" aria-label="Discussed topics">
                        {groups.discussed.map((t) => renderRow(t))}
                      </ul>
                    </AccordionPanel>
                  </AccordionItem>
                ) : null}
                {groups.archived.length ? (
                  <AccordionItem value="archived">
                    <AccordionHeader size="small" data-testid="backlog-archived-toggle">
                      Archived ({groups.archived.length})
                    </AccordionHeader>
                    <AccordionPanel>
                      <ul className={s.list} data-testid="backlog-archived" aria-label="Archived topics">
                        {groups.archived.map((t) => (
                          <ArchivedRow
                            key={t.id}
                            topic={t}
                            topics={backlog.topics}
                            manages={manages}
                            busy={busy}
                            onRestore={() =>
                              void run(() => api.backlog.restore(communityId, t.id), {
                                focus: { topicId: t.id, control: 'row' },
                                say: () => `Restored “${t.title}” to the proposed topics.`,
                              })
                            }
                          />
                        ))}
                      </ul>
                    </AccordionPanel>
                  </AccordionItem>
                ) : null}
              </Accordion>
            ) : null}
          </>
        )}
        <ProposeForm communityId={communityId} backlog={backlog} />
      </div>
      {merging ? (
        <MergeDialog
          topic={merging}
          partners={mergePartners(backlog.topics, merging)}
          busy={busy}
          onCancel={() => setMerging(undefined)}
          onMerge={(keepId, mergeId) => {
            const kept = backlog.topics.find((t) => t.id === keepId);
            const gone = backlog.topics.find((t) => t.id === mergeId);
            setMerging(undefined);
            void run(() => api.backlog.merge(communityId, { keepId, mergeId }), {
              focus: { topicId: keepId, control: 'row' },
              say: () => `Merged “${gone?.title ?? ''}” into “${kept?.title ?? ''}”.`,
            });
          }}
        />
      ) : null}
    </Section>
  );
}

interface RowProps {
  readonly topic: Topic;
  /** Its place in the prioritised list (1 = top), for prioritised topics. */
  readonly position?: number | undefined;
  readonly view: CommunityView;
  readonly manages: boolean;
  readonly me: string;
  readonly nameOf: (id: string) => string;
  readonly busy: boolean;
  readonly count: number;
  readonly open: readonly Topic[];
  run(
    action: () => Promise<readonly Topic[] | Topic>,
    after?: { focus?: Focus; say?: (changed: readonly Topic[]) => string },
  ): Promise<void>;
  move(t: Topic, position: number, control: Focus['control']): Promise<void>;
  onEdit(topicId: string): void;
  onMerge(topic: Topic): void;
}

function TopicRow({
  topic: t,
  position,
  view,
  manages,
  me,
  nameOf,
  busy,
  count,
  open,
  run,
  move,
  onEdit,
  onMerge,
}: RowProps) {
  const { api } = useServices();
  const s = useBacklogStyles();
  const communityId = view.community.id;
  const [target, setTarget] = useState('');
  const [targetError, setTargetError] = useState<string | undefined>();
  const owner = ownerControls(t, me, manages, nameOf);
  const supported = t.supporters.includes(me) || t.proposedBy === me;
  const max = maxPosition(t, count);
  const up = position !== undefined ? stepPosition(position, 'up', count) : undefined;
  const down = position !== undefined ? stepPosition(position, 'down', count) : undefined;
  const partners = manages ? mergePartners(open, t) : [];

  const moveTo = (e?: FormEvent) => {
    e?.preventDefault();
    const parsed = parsePosition(target, max);
    if (!parsed.ok) return setTargetError(parsed.message);
    setTargetError(undefined);
    setTarget('');
    void move(t, parsed.position, 'position');
  };

  return (
    <li
      className={s.item}
      data-testid="backlog-item"
      data-state={t.state}
      data-rank={t.rank ?? undefined}
      data-topic-id={t.id}
      tabIndex={-1}
    >
      <div className={s.head}>
        {t.rank !== null ? <span className={s.visuallyHidden}>{`Rank ${t.rank}`}</span> : null}
        <span className={s.rank} data-testid={t.rank !== null ? 'backlog-rank' : undefined} aria-hidden="true">
          {rankLabel(t.rank) ?? ''}
        </span>
        <div className={s.body}>
          <span className={s.title} data-testid="backlog-title">
            {t.title}
          </span>
          {t.description ? (
            <span className={s.description} data-testid="backlog-description">
              {t.description}
            </span>
          ) : null}
          <span className={s.meta}>
            {t.score ? (
              <Badge
                appearance="outline"
                data-testid="backlog-score"
                title="Thirty Five score, out of 35, and the rounds it rests on"
              >
                {topicScoreLabel(t.score)}
              </Badge>
            ) : null}
            <span data-testid="backlog-owner">{owner.label}</span>
            {owner.canVolunteer ? (
              <Link
                as="button"
                className={s.inlineLink}
                disabled={busy}
                aria-label={`Volunteer to own “${t.title}”`}
                onClick={() =>
                  void run(() => api.backlog.volunteerOwner(communityId, t.id), {
                    focus: { topicId: t.id, control: 'row' },
                    say: () => `You own “${t.title}” now.`,
                  })
                }
                data-testid="volunteer-owner"
              >
                Volunteer to own
              </Link>
            ) : null}
            {owner.canClear ? (
              <Link
                as="button"
                className={s.inlineLink}
                disabled={busy}
                aria-label={`Clear the owner of “${t.title}”`}
                onClick={() =>
                  void run(() => api.backlog.clearOwner(communityId, t.id), {
                    focus: { topicId: t.id, control: 'row' },
                    say: () => `“${t.title}” has no owner now.`,
                  })
                }
                data-testid="clear-owner"
              >
                Clear
              </Link>
            ) : null}
            <span aria-hidden>·</span>
            <span data-testid="supporters">
              {t.supporters.length
                ? `${t.supporters.length} ${t.supporters.length === 1 ? 'supporter' : 'supporters'}`
                : 'no supporters yet'}
            </span>
            <Button
              size="small"
              appearance="subtle"
              disabled={busy || supported}
              title={supported ? 'You proposed or supported it' : undefined}
              aria-label={`+1 ${t.title}`}
              onClick={() => void run(() => api.supportTopic(communityId, t.id))}
            >
              +1
            </Button>
          </span>
        </div>
      </div>
      {manages || canEditTopic(t, me, manages) ? (
        <div className={s.actions}>
          {manages && canMove(t) ? (
            <span className={s.group} role="group" aria-label={`Order of “${t.title}”`}>
              {t.state === 'prioritised' ? (
                <>
                  <Button
                    size="small"
                    data-focus="up"
                    disabledFocusable={busy || up === undefined}
                    aria-label={`Move up “${t.title}”`}
                    onClick={() => up !== undefined && void move(t, up, 'up')}
                    data-testid="move-up"
                  >
                    Move up
                  </Button>
                  <Button
                    size="small"
                    data-focus="down"
                    disabledFocusable={busy || down === undefined}
                    aria-label={`Move down “${t.title}”`}
                    onClick={() => down !== undefined && void move(t, down, 'down')}
                    data-testid="move-down"
                  >
                    Move down
                  </Button>
                </>
              ) : (
                <Button
                  size="small"
                  data-focus="up"
                  disabled={busy}
                  aria-label={`Prioritise “${t.title}” (to position ${count + 1})`}
                  onClick={() => void move(t, count + 1, 'row')}
                  data-testid="prioritise"
                >
                  Prioritise
                </Button>
              )}
              <form className={s.group} onSubmit={moveTo} aria-label={`Move “${t.title}” to a position`}>
                <label className={s.posLabel} htmlFor={`pos-${t.id}`}>
                  Position
                </label>
                <Field validationMessage={targetError} validationState={targetError ? 'error' : 'none'} size="small">
                  <Input
                    size="small"
                    className={s.position}
                    inputMode="numeric"
                    value={target}
                    placeholder={`1–${max}`}
                    id={`pos-${t.id}`}
                    aria-label={`Position for “${t.title}”, 1 to ${max}`}
                    data-focus="position"
                    data-testid="move-position"
                    disabled={busy}
                    onChange={(_, d) => {
                      setTarget(d.value);
                      setTargetError(undefined);
                    }}
                  />
                </Field>
                <Button
                  size="small"
                  type="submit"
                  disabled={busy}
                  aria-label={`Move “${t.title}” to that position`}
                  data-testid="move-to"
                >
                  Move
                </Button>
              </form>
            </span>
          ) : null}
          {canEditTopic(t, me, manages) || (manages && (canArchive(t) || partners.length)) ? (
            <span className={s.group}>
              {canEditTopic(t, me, manages) ? (
                <Button
                  size="small"
                  disabled={busy}
                  aria-label={`Edit “${t.title}”`}
                  onClick={() => onEdit(t.id)}
                  data-testid="edit-topic"
                >
                  Edit
                </Button>
              ) : null}
              {manages ? (
                <Menu>
                  <MenuTrigger disableButtonEnhancement>
                    <Button
                      size="small"
                      appearance="subtle"
                      disabled={busy}
                      aria-label={`More actions for “${t.title}”`}
                      data-testid="topic-more"
                    >
                      More…
                    </Button>
                  </MenuTrigger>
                  <MenuPopover>
                    <MenuList>
                      <MenuItem disabled={partners.length === 0} onClick={() => onMerge(t)} data-testid="merge-topic">
                        Merge with another topic…
                      </MenuItem>
                      <MenuItem
                        disabled={!canArchive(t)}
                        onClick={() =>
                          void run(() => api.backlog.archive(communityId, t.id), {
                            say: () => `Archived “${t.title}”.`,
                          })
                        }
                        data-testid="archive-topic"
                      >
                        Archive
                      </MenuItem>
                    </MenuList>
                  </MenuPopover>
                </Menu>
              ) : null}
            </span>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

function ArchivedRow({
  topic: t,
  topics,
  manages,
  busy,
  onRestore,
}: {
  topic: Topic;
  topics: readonly Topic[];
  manages: boolean;
  busy: boolean;
  onRestore(): void;
}) {
  const s = useBacklogStyles();
  const into = t.mergedInto ? topics.find((o) => o.id === t.mergedInto) : undefined;
  return (
    <li
      className={s.item}
      data-testid="archived-item"
      data-topic-id={t.id}
      data-merged-into={t.mergedInto ?? undefined}
      tabIndex={-1}
    >
      <div className={s.head}>
        <span className={s.rank} />
        <div className={s.body}>
          <span className={s.title}>{t.title}</span>
          <span className={s.meta}>
            {t.mergedInto ? (
              <Badge appearance="outline">merged into “{into?.title ?? 'another topic'}”</Badge>
            ) : (
              <Badge appearance="outline">archived</Badge>
            )}
          </span>
        </div>
        {manages ? (
          <Button
            size="small"
            disabled={busy}
            onClick={onRestore}
            aria-label={`Restore “${t.title}”`}
            data-testid="restore-topic"
          >
            Restore
          </Button>
        ) : null}
      </div>
    </li>
  );
}

function ProposeForm({ communityId, backlog }: { communityId: string; backlog: BacklogStore }) {
  const { api } = useServices();
  const s = useBacklogStyles();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [similar, setSimilar] = useState<{ id: string; title: string } | undefined>();
  const [busy, setBusy] = useState(false);

  const propose = async (force: boolean) => {
    const trimmed = title.trim();
    if (!trimmed) return setError('Write a topic first.');
    if (overLimitMessage(trimmed.length, TOPIC_LIMITS.title)) return;
    setBusy(true);
    setError(undefined);
    try {
      const topic = await api.proposeTopic(communityId, { title: trimmed, ...(force ? { force: true } : {}) });
      setTitle('');
      setSimilar(undefined);
      backlog.apply([topic]);
    } catch (e) {
      if (isApiError(e, 'SIMILAR_TOPIC_EXISTS') && e.subject) setSimilar(e.subject);
      else setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const plusOne = async (id: string) => {
    setBusy(true);
    setError(undefined);
    try {
      backlog.apply([await api.supportTopic(communityId, id)]);
      setSimilar(undefined);
      setTitle('');
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <form
        className={s.form}
        onSubmit={(e) => {
          e.preventDefault();
          void propose(false);
        }}
        aria-label="Propose a topic"
      >
        <Field
          className={s.grow}
          label="Propose a topic"
          hint={<LengthCounter length={title.trim().length} max={TOPIC_LIMITS.title} testId="propose-counter" />}
          validationMessage={error ?? overLimitMessage(title.trim().length, TOPIC_LIMITS.title)}
          validationState={error || overLimitMessage(title.trim().length, TOPIC_LIMITS.title) ? 'error' : 'none'}
        >
          <Input
            value={title}
            onChange={(_, d) => {
              setTitle(d.value);
              setSimilar(undefined);
            }}
            disabled={busy}
            data-testid="propose-input"
          />
        </Field>
        <Button type="submit" appearance="primary" disabled={busy} data-testid="propose-submit">
          Propose
        </Button>
        <Button
          appearance="subtle"
          onClick={backlog.reload}
          disabled={backlog.status === 'loading'}
          data-testid="backlog-refresh"
          aria-label="Refresh the backlog"
        >
          Refresh
        </Button>
      </form>
      {similar ? (
        <div className={s.similar} role="status" data-testid="similar-topic">
          <span>A similar topic is already in the backlog: “{similar.title}”.</span>
          <Button size="small" onClick={() => void plusOne(similar.id)}>
            +1 it instead
          </Button>
          <Button size="small" appearance="subtle" onClick={() => void propose(true)}>
            Propose mine anyway
          </Button>
        </div>
      ) : null}
    </>
  );
}
