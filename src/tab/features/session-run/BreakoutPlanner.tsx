/**
 * The facilitator forms the breakout groups during the deep dive: 2–4 groups, at random or by
 * product, a question per group, a preview where anyone can be moved to another group, then
 * "Start breakouts" with 10–15 minutes. During the breakouts the same moves stay available.
 */
import { Button, Field, Input, Radio, RadioGroup, Select } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import {
  BREAKOUT_LIMITS,
  RUN_LIMITS,
  type GroupingMode,
  type LiveBreakoutGroup,
  type SessionRunState,
} from '../../../domain/session-run';
import type { Membership } from '../../../domain/community';
import { ErrorNotice } from '../../ui/common';
import {
  BREAKOUT_MINUTE_CHOICES,
  breakoutPeople,
  byProductHint,
  groupName,
  movePreview,
  previewGroups,
  withQuestions,
  type NameOf,
} from './session-view';
import { useRunStyles } from './styles';
import type { UseSessionActions } from './useSessionActions';

const COUNTS = Array.from(
  { length: BREAKOUT_LIMITS.maxGroups - BREAKOUT_LIMITS.minGroups + 1 },
  (_, i) => BREAKOUT_LIMITS.minGroups + i,
);

export function BreakoutPlanner({
  run,
  present,
  members,
  nameOf,
  actions,
}: {
  run: SessionRunState;
  present: readonly { id: string }[];
  members: readonly Membership[];
  nameOf: NameOf;
  actions: UseSessionActions;
}) {
  const s = useRunStyles();
  const [count, setCount] = useState(2);
  const [mode, setMode] = useState<GroupingMode>('random');
  const [questions, setQuestions] = useState<string[]>(['', '', '', '']);
  const [shuffle, setShuffle] = useState(0);
  const [preview, setPreview] = useState<LiveBreakoutGroup[] | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [minutes, setMinutes] = useState(15);
  const people = useMemo(() => breakoutPeople(present, members), [present, members]);
  const hint = mode === 'by-product' ? byProductHint(people) : undefined;
  const busy = actions.busy !== undefined;

  const form = (nextShuffle: number) => {
    const formed = previewGroups({ people, count, mode, seed: `${run.sessionId}:${nextShuffle}`, questions });
    setShuffle(nextShuffle);
    if (!formed.ok) {
      setPreview(undefined);
      setProblem(formed.error.message);
      return;
    }
    setProblem(undefined);
    setPreview(formed.value);
  };
  const move = (userId: string, to: number) => {
    if (!preview) return;
    const moved = movePreview(preview, userId, to);
    if (moved.ok) setPreview(moved.value);
    else setProblem(moved.error.message);
  };
  const notPlaced = preview ? people.filter((p) => !preview.some((g) => g.members.includes(p.userId))) : [];

  return (
    <div className={s.facilitator} role="group" aria-label="Breakout groups" data-testid="run-breakout-planner">
      <h3 className={s.h3}>Breakout groups</h3>
      <div className={s.row}>
        <Field label="Groups">
          <Select
            value={String(count)}
            onChange={(_, d) => {
              setCount(Number(d.value));
              setPreview(undefined);
            }}
            data-testid="run-group-count"
          >
            {COUNTS.map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Formed">
          <RadioGroup
            layout="horizontal"
            value={mode}
            onChange={(_, d) => {
              setMode(d.value as GroupingMode);
              setPreview(undefined);
            }}
            data-testid="run-group-mode"
          >
            <Radio value="random" label="At random" />
            <Radio value="by-product" label="By product" />
          </RadioGroup>
        </Field>
      </div>
      {hint ? <span className={s.muted}>{hint}</span> : null}
      {Array.from({ length: count }, (_, i) => (
        <Field key={i} label={`Question for ${groupName(i).toLowerCase()}`}>
          <Input
            value={questions[i] ?? ''}
            maxLength={RUN_LIMITS.question}
            onChange={(_, d) => setQuestions((q) => q.map((x, j) => (j === i ? d.value : x)))}
            placeholder="What should this group work on?"
            data-testid={`run-question-${i}`}
          />
        </Field>
      ))}
      <div className={s.rowCenter}>
        <Button onClick={() => form(shuffle)} disabled={busy} data-testid="run-preview-groups">
          {preview ? 'Form again' : 'Preview groups'}
        </Button>
        {preview ? (
          <Button
            appearance="subtle"
            onClick={() => form(shuffle + 1)}
            disabled={busy}
            data-testid="run-shuffle-groups"
          >
            Shuffle
          </Button>
        ) : null}
      </div>
      {problem ? <ErrorNotice title="Could not form the groups" message={problem} /> : null}
      {preview ? (
        <>
          <GroupMoves
            groups={withQuestions(preview, questions)}
            nameOf={nameOf}
            onMove={move}
            disabled={busy}
            testId="run-preview"
          />
          {notPlaced.length ? (
            <span className={s.muted}>
              Joined since the preview: {notPlaced.map((p) => nameOf(p.userId)).join(', ')}. Form again to place them.
            </span>
          ) : null}
          <div className={s.row}>
            <Field label="Breakout minutes">
              <Select
                value={String(minutes)}
                onChange={(_, d) => setMinutes(Number(d.value))}
                data-testid="run-breakout-minutes"
              >
                {BREAKOUT_MINUTE_CHOICES.map((m) => (
                  <option key={m} value={String(m)}>
                    {m} minutes
                  </option>
                ))}
              </Select>
            </Field>
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() =>
                void actions.run('Could not start the breakouts', (c) =>
                  c.startBreakouts(run, withQuestions(preview, questions), minutes),
                )
              }
              data-testid="run-start-breakouts"
            >
              Start breakouts
            </Button>
          </div>
        </>
      ) : null}
    </div>
  );
}

/** Every group with its people, each with a "move to group" select. */
export function GroupMoves({
  groups,
  nameOf,
  onMove,
  disabled,
  testId,
}: {
  groups: readonly LiveBreakoutGroup[];
  nameOf: NameOf;
  onMove: (userId: string, to: number) => void;
  disabled?: boolean;
  testId: string;
}) {
  const s = useRunStyles();
  return (
    <ul className={s.list} aria-label="Groups" data-testid={testId}>
      {groups.map((g) => (
        <li key={g.index} className={s.card} data-testid={`${testId}-group`} data-group={g.index}>
          <span className={s.strong}>
            {groupName(g.index)} · {g.members.length} {g.members.length === 1 ? 'person' : 'people'}
          </span>
          {g.question ? <span className={s.caption}>{g.question}</span> : null}
          {g.members.length === 0 ? <span className={s.muted}>Nobody yet.</span> : null}
          <ul className={s.list}>
            {g.members.map((id) => (
              <li key={id} className={s.personRow} data-testid={`${testId}-member`} data-user={id}>
                <span className={s.text}>{nameOf(id)}</span>
                <Select
                  size="small"
                  aria-label={`Move ${nameOf(id)} to group`}
                  value={String(g.index)}
                  disabled={disabled}
                  onChange={(_, d) => onMove(id, Number(d.value))}
                  data-testid={`${testId}-move`}
                >
                  {groups.map((x) => (
                    <option key={x.index} value={String(x.index)}>
                      {groupName(x.index)}
                    </option>
                  ))}
                </Select>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
