/**
 * The community's backlog in the channel tab: what people proposed (in chat or here), their +1s,
 * and a one-line form to propose a topic. A similar topic is pointed out instead of duplicated.
 */
import { Badge, Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { TOPIC_LIMITS, type Topic } from '../../../domain/backlog';
import type { CommunityView } from '../../api-client';
import { isApiError } from '../../api-client';
import { toApiError, useAsync, useServices } from '../../app-services';
import { ErrorNotice, Section, useSectionStyles } from '../../ui/common';
import { orderBacklog, rankLabel, topicScoreLabel } from './backlog-view';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '6px' },
  item: { display: 'flex', alignItems: 'center', gap: '8px', flexWrap: 'wrap', padding: '6px 0', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  title: { flexGrow: 1, minWidth: '12rem' },
  rank: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums', color: tokens.colorNeutralForeground3, minWidth: '2.5em' },
  form: { display: 'flex', gap: '8px', alignItems: 'flex-end', flexWrap: 'wrap', marginTop: '12px' },
  similar: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap', marginTop: '8px' },
});

export function BacklogSection({ view }: { view: CommunityView }) {
  const { api } = useServices();
  const s = useStyles();
  const sec = useSectionStyles();
  const communityId = view.community.id;
  const topics = useAsync(() => api.listTopics(communityId), `topics:${communityId}`);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [similar, setSimilar] = useState<{ id: string; title: string } | undefined>();
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      topics.reload();
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const propose = async (force: boolean) => {
    const trimmed = title.trim();
    if (!trimmed) return setError('Write a topic first.');
    setBusy(true);
    setError(undefined);
    try {
      await api.proposeTopic(communityId, { title: trimmed, ...(force ? { force: true } : {}) });
      setTitle('');
      setSimilar(undefined);
      topics.reload();
    } catch (e) {
      if (isApiError(e, 'SIMILAR_TOPIC_EXISTS') && e.subject) setSimilar(e.subject);
      else setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void propose(false);
  };

  const list: readonly Topic[] = topics.status === 'ready' ? orderBacklog(topics.data.filter((t) => t.state !== 'archived')) : [];
  return (
    <Section title={`Backlog (${list.length})`} id="backlog-heading" testId="backlog">
      {topics.status === 'loading' ? (
        <span className={sec.muted}>Loading…</span>
      ) : topics.status === 'error' ? (
        <ErrorNotice title="Could not load the backlog" message={topics.error.message} onRetry={topics.reload} />
      ) : list.length === 0 ? (
        <span className={sec.muted}>Nothing proposed yet. Propose the first topic below, or in chat: "propose: …".</span>
      ) : (
        <ol className={s.list} aria-labelledby="backlog-heading">
          {list.map((t) => {
            const mine = t.supporters.includes(view.me.userId) || t.proposedBy === view.me.userId;
            return (
              <li key={t.id} className={s.item} data-testid="backlog-item" data-state={t.state} data-rank={t.rank ?? undefined}>
                {t.rank !== null ? (
                  <span className={s.rank} data-testid="backlog-rank" aria-label={`Rank ${t.rank}`}>
                    {rankLabel(t.rank)}
                  </span>
                ) : null}
                <span className={s.title}>{t.title}</span>
                <Badge appearance="tint">{t.state}</Badge>
                {t.score ? (
                  <Badge appearance="outline" data-testid="backlog-score" title="Thirty Five score, out of 35, and the rounds it rests on">
                    {topicScoreLabel(t.score)}
                  </Badge>
                ) : null}
                <span className={sec.muted} data-testid="supporters">{t.supporters.length ? `${t.supporters.length} ${t.supporters.length === 1 ? 'supporter' : 'supporters'}` : ''}</span>
                <Button size="small" disabled={busy || mine} aria-label={`+1 ${t.title}`} onClick={() => void run(() => api.supportTopic(communityId, t.id))}>
                  +1
                </Button>
              </li>
            );
          })}
        </ol>
      )}
      <form className={s.form} onSubmit={onSubmit} aria-label="Propose a topic">
        <Field label="Propose a topic" hint={`${title.trim().length} / ${TOPIC_LIMITS.title}`} validationMessage={error}>
          <Input value={title} maxLength={TOPIC_LIMITS.title} onChange={(_, d) => { setTitle(d.value); setSimilar(undefined); }} disabled={busy} data-testid="propose-input" />
        </Field>
        <Button type="submit" appearance="primary" disabled={busy} data-testid="propose-submit">
          Propose
        </Button>
        <Button appearance="subtle" onClick={topics.reload} disabled={topics.status === 'loading'} data-testid="backlog-refresh" aria-label="Refresh the backlog">
          Refresh
        </Button>
      </form>
      {similar ? (
        <div className={s.similar} role="status" data-testid="similar-topic">
          <span>A similar topic is already in the backlog: “{similar.title}”.</span>
          <Button size="small" onClick={() => void run(async () => { await api.supportTopic(communityId, similar.id); setSimilar(undefined); setTitle(''); })}>
            +1 it instead
          </Button>
          <Button size="small" appearance="subtle" onClick={() => void propose(true)}>
            Propose mine anyway
          </Button>
        </div>
      ) : null}
    </Section>
  );
}
