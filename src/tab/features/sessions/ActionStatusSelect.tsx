/**
 * An action's status (open / doing / done) as a select that saves on change, with the etag the
 * action was read with. The owner and the session's facilitators may change it; others read it.
 */
import { Badge, Select } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { ACTION_STATUSES, type ActionItem, type ActionStatus } from '../../../domain/outcomes';
import { toApiError, useServices } from '../../app-services';
import { ACTION_STATUS_LABELS } from './session-view';
import { useSessionStyles } from './styles';

export type StatusResult =
  | { readonly kind: 'changed'; readonly action: ActionItem; readonly etag: string; readonly message: string }
  | { readonly kind: 'stale' | 'error'; readonly message: string };

export function ActionStatusSelect({
  communityId,
  action,
  canChange,
  onResult,
}: {
  communityId: string;
  action: ActionItem & { readonly etag: string };
  canChange: boolean;
  onResult: (r: StatusResult) => void;
}) {
  const { api } = useServices();
  const s = useSessionStyles();
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<ActionStatus>(action.status);
  const label = `Status of "${action.text}"`;
  // A reload brings the action's current status (and etag).
  useEffect(() => setShown(action.status), [action.status, action.etag]);

  if (!canChange) {
    return (
      <Badge
        appearance={action.status === 'done' ? 'filled' : 'tint'}
        aria-label={`${label}: ${ACTION_STATUS_LABELS[action.status]}`}
        data-testid="action-status-text"
      >
        {ACTION_STATUS_LABELS[action.status]}
      </Badge>
    );
  }

  const change = async (status: ActionStatus) => {
    if (status === action.status) return;
    setShown(status);
    setBusy(true);
    try {
      const updated = await api.actions.setStatus(communityId, action.id, { etag: action.etag, status });
      onResult({
        kind: 'changed',
        action: updated.action,
        etag: updated.etag,
        message: `"${updated.action.text}" is now ${ACTION_STATUS_LABELS[updated.action.status].toLowerCase()}.`,
      });
    } catch (e) {
      const err = toApiError(e);
      setShown(action.status);
      if (err.code === 'CONFLICT') {
        onResult({
          kind: 'stale',
          message: `Someone changed "${action.text}" meanwhile, so your change was not saved. The actions are reloaded: check the status and change it again if needed.`,
        });
      } else onResult({ kind: 'error', message: err.message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Select
      className={s.statusSelect}
      size="small"
      value={shown}
      disabled={busy}
      aria-label={label}
      data-testid="action-status"
      data-action-id={action.id}
      onChange={(_, d) => void change(d.value as ActionStatus)}
    >
      {ACTION_STATUSES.map((st) => (
        <option key={st} value={st}>
          {ACTION_STATUS_LABELS[st]}
        </option>
      ))}
    </Select>
  );
}
