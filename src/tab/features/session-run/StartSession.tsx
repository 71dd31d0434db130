/**
 * The facilitator starts a working session in this meeting: one of the community's upcoming
 * scheduled sessions, or "Schedule one now" (a deep dive in 2 minutes on the top of the backlog).
 */
import { Button, Field, Select } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { InfoNotice } from '../../ui/common';
import { SCHEDULE_NOW_LEAD_MINUTES, type StartOptions } from './session-controller';
import { sessionOptionLabel, type NameOf } from './session-view';
import { useRunStyles } from './styles';
import type { UseSessionActions } from './useSessionActions';

const NOW = '__now__';
const newRequestId = () => `now-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

export function StartSession({
  actions,
  me,
  nameOf,
  connected,
}: {
  actions: UseSessionActions;
  me: string;
  nameOf: NameOf;
  connected: boolean;
}) {
  const s = useRunStyles();
  const { controller } = actions;
  const [options, setOptions] = useState<StartOptions | undefined>(undefined);
  const [choice, setChoice] = useState<string>(NOW);
  const [attempt, setAttempt] = useState(0);
  // One request id per form: a retried "Schedule one now" after a lost answer schedules one session, not two.
  const [requestId] = useState(newRequestId);

  useEffect(() => {
    if (!controller || !connected) return;
    let live = true;
    void actions.run('Could not load the sessions', async (c) => {
      const o = await c.loadStartOptions();
      if (!live || !o.ok) return o;
      setOptions(o.value);
      setChoice(o.value.upcoming[0]?.id ?? NOW);
      return o;
    });
    return () => {
      live = false;
    };
  }, [controller, connected, attempt]);

  const busy = actions.busy !== undefined;
  const starting = actions.busy === 'Could not start the session';
  if (!options) {
    return (
      <div className={s.stack}>
        <span className={s.muted}>
          {actions.busy ? 'Loading the community’s sessions…' : 'The sessions could not be loaded.'}
        </span>
        {!actions.busy ? (
          <div>
            <Button onClick={() => setAttempt((a) => a + 1)} data-testid="run-reload-sessions">
              Load the sessions again
            </Button>
          </div>
        ) : null}
      </div>
    );
  }
  const now = choice === NOW;
  return (
    <div className={s.stack} data-testid="run-start-form">
      <Field label="Session to run">
        <Select value={choice} onChange={(_, d) => setChoice(d.value)} data-testid="run-session-select">
          {options.upcoming.map((x) => (
            <option key={x.id} value={x.id}>
              {sessionOptionLabel(x, options.topics)}
            </option>
          ))}
          <option value={NOW}>Schedule one now</option>
        </Select>
      </Field>
      {now ? (
        options.top ? (
          <p className={s.p} data-testid="run-now-topic">
            A deep dive starting in {SCHEDULE_NOW_LEAD_MINUTES} minutes on the top of the backlog:{' '}
            <span className={s.strong}>“{options.top.title}”</span>
            {options.top.ownerId ? `, opened by ${nameOf(options.top.ownerId)}` : ''}.
          </p>
        ) : (
          <InfoNotice intent="warning" title="No topic to dive into">
            The backlog has no prioritised topic. Prioritise one in the channel tab (or run Thirty Five) first.
          </InfoNotice>
        )
      ) : null}
      <div>
        <Button
          appearance="primary"
          disabled={busy || !connected || (now && !options.top)}
          onClick={() =>
            void actions.run('Could not start the session', (c) =>
              c.start(options, now ? { kind: 'now', requestId } : { kind: 'scheduled', sessionId: choice }, {
                me,
                nameOf,
              }),
            )
          }
          data-testid="run-start"
        >
          {starting ? 'Starting…' : now ? 'Schedule and start' : 'Start the session'}
        </Button>
      </div>
    </div>
  );
}
