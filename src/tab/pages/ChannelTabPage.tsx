/**
 * The channel (content) tab: the community's overview and members. What the record shows (backlog,
 * sessions, actions) follows other people's changes by polling the community's change version. Members join and leave;
 * facilitators and champions change roles; facilitators edit the details (with the etag, so a
 * concurrent edit is reported and reloaded, never overwritten).
 */
import {
  Badge,
  Button,
  Checkbox,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { CommunityView } from '../api-client';
import { toApiError, useAsync, useServices } from '../app-services';
import { BacklogSection } from '../features/backlog/BacklogSection';
import { useBacklog } from '../features/backlog/useBacklog';
import { SchedulingSections } from '../features/scheduling/SchedulingSections';
import { CommunityGate } from '../features/community/CommunityGate';
import { CommunityChangesProvider } from '../features/community/useCommunityChanges';
import { CommunityFields, useCommunityForm } from '../features/community/CommunityForm';
import {
  PURPOSE_LABELS,
  cadenceLabel,
  changedFields,
  formFromCommunity,
  issuesToFieldErrors,
} from '../features/community/community-form';
import { toggleRole } from '../features/community/roles';
import { usePageCommunity, type UsePageCommunity } from '../features/community/usePageCommunity';
import { ChannelSessionSections } from '../features/sessions/ChannelSessionSections';
import { SessionPage } from '../features/sessions/SessionPage';
import { useSessionRoute } from '../features/sessions/useSessionRoute';
import { canManageRoles, hasRole, ROLES, type Membership, type Role } from '../../domain/community';
import { ErrorNotice, InfoNotice, Page, Section, useSectionStyles } from '../ui/common';

const EDITABLE_ROLES = ROLES.filter((r) => r !== 'member');

const useStyles = makeStyles({
  columns: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(240px, 1fr)',
    gap: '12px',
    alignItems: 'start',
    '@media (max-width: 720px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  stack: { display: 'flex', flexDirection: 'column', gap: '12px', minWidth: 0 },
  dl: { margin: 0, display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', gap: '4px 16px' },
  dt: { color: tokens.colorNeutralForeground3 },
  dd: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
  tableWrap: { overflowX: 'auto' },
  roles: { display: 'flex', gap: '4px', flexWrap: 'wrap' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '4px' },
});

export function ChannelTabPage() {
  const { host } = useServices();
  const page = usePageCommunity();
  const s = useStyles();
  const view = page.state.status === 'ready' ? page.state.view : undefined;
  const route = useSessionRoute();
  return (
    <Page
      label="Guildhall community"
      testId="channel-tab"
      title={view?.community.name ?? 'Guildhall'}
      subtitle={
        view
          ? `${PURPOSE_LABELS[view.community.purpose]} · ${cadenceLabel(view.community.cadencePerMonth)}`
          : 'Community of Practice'
      }
      host={host}
      wide
    >
      {route.sessionId ? (
        <CommunityGate page={page}>
          {(v) => (
            <CommunityChangesProvider communityId={v.community.id}>
              <SessionPage view={v} sessionId={route.sessionId!} onBack={route.back} />
            </CommunityChangesProvider>
          )}
        </CommunityGate>
      ) : (
        <div className={s.columns}>
          <div className={s.stack}>
            <CommunityGate page={page}>
              {(v) => (
                <CommunityChangesProvider communityId={v.community.id}>
                  <CommunityBody view={v} page={page} onOpenSession={route.open} />
                </CommunityChangesProvider>
              )}
            </CommunityGate>
          </div>
          <OtherCommunities currentId={view?.community.id} onSwitch={page.switchTo} />
        </div>
      )}
    </Page>
  );
}

function CommunityBody({
  view,
  page,
  onOpenSession,
}: {
  view: CommunityView;
  page: UsePageCommunity;
  onOpenSession: (sessionId: string) => void;
}) {
  const backlog = useBacklog(view.community.id);
  return (
    <>
      <Overview view={view} page={page} />
      <ChannelSessionSections view={view} onOpen={onOpenSession} />
      <BacklogSection view={view} backlog={backlog} />
      <SchedulingSections view={view} backlog={backlog} />
      <Members view={view} page={page} />
    </>
  );
}

function Overview({ view, page }: { view: CommunityView; page: UsePageCommunity }) {
  const { api } = useServices();
  const s = useStyles();
  const sec = useSectionStyles();
  const { community, me } = view;
  const canEdit = hasRole(me, 'facilitator');
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'error' | 'conflict' | 'saved'; message: string } | undefined>(
    undefined,
  );
  const form = useCommunityForm(formFromCommunity(community));

  // A reload after a conflict brings new details: start the form from them.
  useEffect(() => {
    if (!editing) form.reset(formFromCommunity(community));
  }, [community, editing]);

  const save = async () => {
    form.submitAttempted();
    if (!form.validation.ok) return;
    const changes = changedFields(community, form.validation.value);
    if (Object.keys(changes).length === 0) {
      setEditing(false);
      return;
    }
    setBusy(true);
    setNotice(undefined);
    try {
      const updated = await api.updateCommunity(community.id, { ...changes, etag: view.etag });
      page.setView({ ...view, community: updated.community, etag: updated.etag });
      setEditing(false);
      setNotice({ kind: 'saved', message: 'Saved.' });
    } catch (e) {
      const err = toApiError(e);
      if (err.code === 'CONFLICT') {
        setEditing(false);
        setNotice({
          kind: 'conflict',
          message: 'Someone else changed this — reloaded. Check the details and edit again if needed.',
        });
        page.reload();
      } else {
        if (err.issues.length) form.setServerErrors(issuesToFieldErrors(err.issues));
        setNotice({ kind: 'error', message: err.message });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="About this community" id="overview-heading" testId="community-overview">
      {notice?.kind === 'conflict' ? (
        <InfoNotice intent="warning" title="Changed meanwhile">
          {notice.message}
        </InfoNotice>
      ) : notice?.kind === 'saved' ? (
        <span role="status">{notice.message}</span>
      ) : null}
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          aria-label="Edit the community's details"
        >
          <CommunityFields form={form} disabled={busy} idPrefix="edit" />
          {notice?.kind === 'error' ? <ErrorNotice title="Could not save" message={notice.message} /> : null}
          <div className={s.actions} style={{ marginTop: 12 }}>
            <Button type="submit" appearance="primary" disabled={busy} data-testid="edit-save">
              {busy ? 'Saving…' : 'Save details'}
            </Button>
            <Button
              type="button"
              disabled={busy}
              onClick={() => {
                setEditing(false);
                setNotice(undefined);
              }}
            >
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <>
          <dl className={s.dl}>
            <dt className={s.dt}>Name</dt>
            <dd className={s.dd} data-testid="community-name">
              {community.name}
            </dd>
            <dt className={s.dt}>Purpose</dt>
            <dd className={s.dd}>{PURPOSE_LABELS[community.purpose]}</dd>
            <dt className={s.dt}>Cadence</dt>
            <dd className={s.dd} data-testid="community-cadence">
              {cadenceLabel(community.cadencePerMonth)}
            </dd>
            <dt className={s.dt}>Description</dt>
            <dd className={s.dd}>{community.description || <span className={sec.muted}>No description yet.</span>}</dd>
          </dl>
          {canEdit ? (
            <div className={s.actions}>
              <Button
                onClick={() => {
                  form.reset(formFromCommunity(community));
                  setNotice(undefined);
                  setEditing(true);
                }}
                data-testid="edit-details"
              >
                Edit details
              </Button>
            </div>
          ) : null}
        </>
      )}
    </Section>
  );
}

function Members({ view, page }: { view: CommunityView; page: UsePageCommunity }) {
  const { api } = useServices();
  const s = useStyles();
  const sec = useSectionStyles();
  const manage = canManageRoles(view.me);
  const [pending, setPending] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [leaving, setLeaving] = useState(false);

  const change = async (m: Membership, role: Role, on: boolean) => {
    const key = `${m.userId}/${role}`;
    setPending(key);
    setError(undefined);
    try {
      const updated = await api.setMemberRoles(view.community.id, m.userId, toggleRole(m.roles, role, on));
      const members = view.members.map((x) => (x.userId === updated.userId ? updated : x));
      page.setView({ ...view, members, me: updated.userId === view.me.userId ? updated : view.me });
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setPending(undefined);
    }
  };

  const leave = async () => {
    setLeaving(true);
    setError(undefined);
    try {
      await api.leaveCommunity(view.community.id);
      page.reload();
    } catch (e) {
      setError(toApiError(e).message);
      setLeaving(false);
    }
  };

  return (
    <Section title={`Members (${view.members.length})`} id="members-heading" testId="members">
      <div className={s.actions}>
        <span>
          You are{' '}
          {view.me.roles.length > 1
            ? `a ${view.me.roles.filter((r) => r !== 'member').join(', ')} and member`
            : 'a member'}
          .
        </span>
        <Button onClick={leave} disabled={leaving} data-testid="leave-community">
          {leaving ? 'Leaving…' : 'Leave the community'}
        </Button>
      </div>
      {error ? <ErrorNotice title="That did not work" message={error} /> : null}
      <div className={s.tableWrap}>
        <Table aria-labelledby="members-heading" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Name</TableHeaderCell>
              {manage ? (
                EDITABLE_ROLES.map((r) => (
                  <TableHeaderCell key={r} style={{ width: 110 }}>
                    {r[0]!.toUpperCase() + r.slice(1)}
                  </TableHeaderCell>
                ))
              ) : (
                <TableHeaderCell>Roles</TableHeaderCell>
              )}
            </TableRow>
          </TableHeader>
          <TableBody>
            {view.members.map((m) => (
              <TableRow key={m.userId} data-testid="member-row">
                <TableCell>
                  {m.displayName}
                  {m.userId === view.me.userId ? ' (you)' : ''}
                  {m.product ? <span className={sec.muted}> · {m.product}</span> : null}
                </TableCell>
                {manage ? (
                  EDITABLE_ROLES.map((r) => (
                    <TableCell key={r}>
                      <Checkbox
                        checked={m.roles.includes(r)}
                        disabled={pending !== undefined}
                        onChange={(_, d) => void change(m, r, d.checked === true)}
                        aria-label={`${r} — ${m.displayName}`}
                        data-testid={`role-${r}-${m.userId}`}
                      />
                    </TableCell>
                  ))
                ) : (
                  <TableCell>
                    <span className={s.roles}>
                      {m.roles.map((r) => (
                        <Badge key={r} appearance={r === 'member' ? 'outline' : 'tint'} shape="rounded">
                          {r}
                        </Badge>
                      ))}
                    </span>
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </Section>
  );
}

function OtherCommunities({ currentId, onSwitch }: { currentId: string | undefined; onSwitch: (id: string) => void }) {
  const { api } = useServices();
  const s = useStyles();
  const sec = useSectionStyles();
  const mine = useAsync(() => api.listMyCommunities(), `mine:${currentId ?? ''}`);
  const others = mine.status === 'ready' ? mine.data.filter((m) => m.community.id !== currentId) : [];
  return (
    <Section title="My other communities" id="other-communities-heading" testId="other-communities">
      {mine.status === 'loading' ? (
        <span className={sec.muted}>Loading…</span>
      ) : mine.status === 'error' ? (
        <ErrorNotice title="Could not load your communities" message={mine.error.message} onRetry={mine.reload} />
      ) : others.length === 0 ? (
        <span className={sec.muted}>None yet.</span>
      ) : (
        <ul className={s.list}>
          {others.map((m) => (
            <li key={m.community.id}>
              <Button
                appearance="subtle"
                onClick={() => onSwitch(m.community.id)}
                aria-label={`Show ${m.community.name}`}
              >
                {m.community.name}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
