/** The personal app: my communities, create one, join one by its id. */
import { Button, Field, Input, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { toApiError, useAsync, useServices } from '../app-services';
import { CommunityFields, useCommunityForm } from '../features/community/CommunityForm';
import {
  EMPTY_COMMUNITY_FORM,
  PURPOSE_LABELS,
  cadenceLabel,
  issuesToFieldErrors,
} from '../features/community/community-form';
import { localHostQuery } from '../host/local-host';
import type { TabHost } from '../host/tab-host';
import { ErrorNotice, InfoNotice, Loading, Page, Section, useSectionStyles } from '../ui/common';

const useStyles = makeStyles({
  columns: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    gap: '12px',
    alignItems: 'start',
    '@media (max-width: 720px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  stack: { display: 'flex', flexDirection: 'column', gap: '12px', minWidth: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '8px' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    paddingBottom: '8px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: 'flex', gap: '8px', alignItems: 'flex-end', flexWrap: 'wrap' },
  grow: { flexGrow: 1, minWidth: '160px' },
});

/** Where the content tab of a community is, keeping the local identity on the local host. */
export function communityHref(host: TabHost, communityId: string): string {
  if (host.kind === 'local')
    return `/tab/content?${localHostQuery({ ...host.context, frameContext: 'content', communityId })}`;
  return `/tab/content?community=${encodeURIComponent(communityId)}`;
}

export function PersonalPage() {
  const { host, api } = useServices();
  const s = useStyles();
  const sec = useSectionStyles();
  const mine = useAsync(() => api.listMyCommunities(), 'mine');
  const form = useCommunityForm(EMPTY_COMMUNITY_FORM);
  const [creating, setCreating] = useState(false);
  const [createResult, setCreateResult] = useState<{ ok: boolean; message: string } | undefined>(undefined);
  const [joinId, setJoinId] = useState('');
  const [joining, setJoining] = useState(false);
  const [joinResult, setJoinResult] = useState<{ ok: boolean; message: string } | undefined>(undefined);

  const create = async () => {
    form.submitAttempted();
    if (!form.validation.ok) return;
    setCreating(true);
    setCreateResult(undefined);
    try {
      const c = await api.createCommunity(form.validation.value);
      form.reset(EMPTY_COMMUNITY_FORM);
      setCreateResult({ ok: true, message: `Created ${c.name}. You are its facilitator and champion.` });
      mine.reload();
    } catch (e) {
      const err = toApiError(e);
      if (err.issues.length) form.setServerErrors(issuesToFieldErrors(err.issues));
      setCreateResult({ ok: false, message: err.message });
    } finally {
      setCreating(false);
    }
  };

  const join = async () => {
    const id = joinId.trim();
    if (!id) {
      setJoinResult({ ok: false, message: 'Enter the community id (ask a member for it).' });
      return;
    }
    setJoining(true);
    setJoinResult(undefined);
    try {
      await api.joinCommunity(id);
      setJoinId('');
      setJoinResult({ ok: true, message: 'Joined.' });
      mine.reload();
    } catch (e) {
      setJoinResult({ ok: false, message: toApiError(e).message });
    } finally {
      setJoining(false);
    }
  };

  return (
    <Page
      label="Guildhall: my communities"
      testId="personal-page"
      title="My communities"
      subtitle={host.context.userName}
      host={host}
      wide
    >
      <div className={s.columns}>
        <Section title="Communities I belong to" id="mine-heading" testId="my-communities">
          {mine.status === 'loading' ? (
            <Loading label="Loading your communities…" />
          ) : mine.status === 'error' ? (
            <ErrorNotice title="Could not load your communities" message={mine.error.message} onRetry={mine.reload} />
          ) : mine.data.length === 0 ? (
            <span className={sec.muted}>None yet: create one, or join one by its id.</span>
          ) : (
            <ul className={s.list}>
              {mine.data.map((m) => (
                <li key={m.community.id} className={s.item}>
                  <Link href={communityHref(host, m.community.id)}>{m.community.name}</Link>
                  <span className={sec.muted}>
                    {PURPOSE_LABELS[m.community.purpose]} · {cadenceLabel(m.community.cadencePerMonth)} ·{' '}
                    {m.roles.join(', ')} · id <code>{m.community.id}</code>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <div className={s.stack}>
          <Section title="Join a community" id="join-heading">
            <form
              className={s.row}
              onSubmit={(e) => {
                e.preventDefault();
                void join();
              }}
            >
              <Field label="Community id" className={s.grow}>
                <Input
                  value={joinId}
                  onChange={(_, d) => setJoinId(d.value)}
                  data-testid="join-id"
                  autoComplete="off"
                />
              </Field>
              <Button type="submit" disabled={joining} data-testid="join-submit">
                {joining ? 'Joining…' : 'Join'}
              </Button>
            </form>
            {joinResult ? (
              joinResult.ok ? (
                <InfoNotice intent="success">{joinResult.message}</InfoNotice>
              ) : (
                <ErrorNotice title="Could not join" message={joinResult.message} />
              )
            ) : null}
          </Section>
          <Section title="Create a community" id="create-heading">
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void create();
              }}
              aria-labelledby="create-heading"
            >
              <CommunityFields form={form} disabled={creating} idPrefix="create" />
              <div style={{ marginTop: 12 }}>
                <Button type="submit" appearance="primary" disabled={creating} data-testid="create-submit">
                  {creating ? 'Creating…' : 'Create'}
                </Button>
              </div>
            </form>
            {createResult ? (
              createResult.ok ? (
                <InfoNotice intent="success">{createResult.message}</InfoNotice>
              ) : (
                <ErrorNotice title="Could not create the community" message={createResult.message} />
              )
            ) : null}
          </Section>
        </div>
      </div>
    </Page>
  );
}
