/** What a page shows until its community is ready: loading, not set up yet, join, or an error. */
import { Button, Link } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { CommunityView } from '../../api-client';
import { toApiError, useServices } from '../../app-services';
import { localHostQuery } from '../../host/local-host';
import { ErrorNotice, InfoNotice, Loading } from '../../ui/common';
import { contextWord } from './page-community';
import type { UsePageCommunity } from './usePageCommunity';

export function CommunityGate({
  page,
  children,
}: {
  page: UsePageCommunity;
  children: (view: CommunityView) => ReactNode;
}) {
  const { host, api } = useServices();
  const [joining, setJoining] = useState(false);
  const [joinError, setJoinError] = useState<string | undefined>(undefined);
  const { state } = page;

  if (state.status === 'loading') return <Loading label="Loading the community…" />;
  if (state.status === 'ready') return <>{children(state.view)}</>;
  if (state.status === 'none') {
    return (
      <InfoNotice title="No community here">
        Open Guildhall from a meeting, a channel or a chat, or pick one of your communities in the personal app.
      </InfoNotice>
    );
  }

  const problem = state.problem;
  switch (problem.kind) {
    case 'unbound': {
      const word = contextWord(problem.contextKind);
      const configHref =
        host.kind === 'local'
          ? `/tab/config?${localHostQuery({ ...host.context, frameContext: 'settings' })}`
          : undefined;
      return (
        <InfoNotice title={`This ${word} is not set up yet`}>
          A member configures the tab: open the tab's settings and pick the community this {word} belongs to.
          {configHref ? (
            <>
              {' '}
              <Link href={configHref}>Open the configuration page</Link>
            </>
          ) : null}
        </InfoNotice>
      );
    }
    case 'not-member': {
      const join = async () => {
        setJoining(true);
        setJoinError(undefined);
        try {
          await api.joinCommunity(problem.communityId);
          page.reload();
        } catch (e) {
          const err = toApiError(e);
          if (err.code === 'ALREADY_A_MEMBER') page.reload();
          else setJoinError(err.message);
        } finally {
          setJoining(false);
        }
      };
      return (
        <>
          <InfoNotice title="You are not a member of this community yet">
            Communities are open: join to see its members and take part.
          </InfoNotice>
          <div>
            <Button appearance="primary" onClick={join} disabled={joining} data-testid="join-community">
              {joining ? 'Joining…' : 'Join the community'}
            </Button>
          </div>
          {joinError ? <ErrorNotice title="Could not join" message={joinError} /> : null}
        </>
      );
    }
    case 'missing':
      return <ErrorNotice title="Community not found" message={problem.message} />;
    case 'error':
      return <ErrorNotice title="Could not load the community" message={problem.error.message} onRetry={page.reload} />;
  }
}
