/** The live connection's state, announced politely to screen readers. */
import { Badge, Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { LiveStatus as Status, UseLiveMeeting } from './useLiveMeeting';

const LABEL: Record<Status, string> = {
  idle: 'Not live',
  connecting: 'Connecting…',
  replacing: 'Starting a fresh live meeting…',
  connected: 'Live',
  reconnecting: 'Reconnecting…',
  error: 'Offline',
};

export function LiveStatusBadge({ status }: { status: Status }) {
  const color = status === 'connected' ? 'success' : status === 'error' ? 'danger' : 'informative';
  return (
    <span role="status" aria-live="polite" data-testid="live-status" data-status={status}>
      <Badge appearance={status === 'connected' ? 'filled' : 'tint'} color={color} shape="rounded">
        {LABEL[status]}
      </Badge>
    </span>
  );
}

export function LiveError({ live }: { live: UseLiveMeeting }) {
  if (live.status !== 'error' || !live.error) return null;
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>The live meeting is not available</MessageBarTitle>
        {live.error.message}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={live.retry}>
          Reconnect
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
