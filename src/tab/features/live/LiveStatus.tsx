/** The live connection's state, announced politely to screen readers, with what is happening and what to do. */
import {
  Badge,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
} from '@fluentui/react-components';
import { RECONNECTING_HINT } from './connect-live';
import type { LiveStatus as Status, UseLiveMeeting } from './useLiveMeeting';

const LABEL: Record<Status, string> = {
  idle: 'Not live',
  connecting: 'Connecting…',
  replacing: 'Moving to a fresh live meeting…',
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

/**
 * Everything the page should say about the live connection besides the badge: a failure that needs
 * the person (with Reconnect), the "moved to a fresh connection" notice, and while not connected, a
 * hint on what is happening.
 */
export function LiveError({ live }: { live: UseLiveMeeting }) {
  return (
    <>
      <LiveFailure live={live} />
      <LiveMovedNotice live={live} />
      <LiveHint live={live} />
    </>
  );
}

function LiveHint({ live }: { live: UseLiveMeeting }) {
  if (live.status === 'connected' || live.status === 'error' || live.status === 'idle') return null;
  const hint = live.hint ?? (live.status === 'reconnecting' ? RECONNECTING_HINT : undefined);
  if (!hint) return null;
  return (
    <Text as="p" size={200} role="status" aria-live="polite" data-testid="live-hint" style={{ margin: 0 }}>
      {hint}
    </Text>
  );
}

function LiveMovedNotice({ live }: { live: UseLiveMeeting }) {
  if (!live.notice) return null;
  return (
    <MessageBar intent="info" layout="multiline" data-testid="live-moved">
      <MessageBarBody>{live.notice}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={live.dismissNotice}>
          Got it
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

function LiveFailure({ live }: { live: UseLiveMeeting }) {
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
