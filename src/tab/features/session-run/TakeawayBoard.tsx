/**
 * Share-out and takeaways in the side panel: everyone adds takeaways and sees the wall live; the
 * facilitator curates each one: edit its text, merge it into another, turn it into an action with
 * an owner and a due date (not in the past). Merges can be undone.
 */
import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { Membership } from '../../../domain/community';
import { checkDueDate } from '../../../domain/outcomes';
import { RUN_LIMITS, type SessionRunState } from '../../../domain/session-run';
import { LineForm } from './LineForm';
import { takeawaysLabel, todayUtc, wallItems, type NameOf, type WallItem } from './session-view';
import { useRunStyles } from './styles';
import type { UseSessionActions } from './useSessionActions';

const short = (t: string, n = 40) => (t.length > n ? `${t.slice(0, n - 1)}…` : t);

export type ActionFieldProblem = { field: 'owner' | 'due'; message: string };

/** What is wrong with an action's fields, told by the field (a narrow panel scrolls: a message at the top is off-screen). */
export function actionFieldProblem(ownerId: string, dueDate: string, now: Date): ActionFieldProblem | undefined {
  if (!ownerId) return { field: 'owner', message: 'Choose who owns the action.' };
  const due = checkDueDate(dueDate, now);
  if (due.ok) return undefined;
  const noDate = due.error.message === 'dueDate must be a date like 2026-12-31.';
  return { field: 'due', message: noDate ? 'Pick a due date.' : due.error.message };
}

export function TakeawayBoard({
  run,
  facilitator,
  members,
  nameOf,
  actions,
  canWrite,
}: {
  run: SessionRunState;
  facilitator: boolean;
  members: readonly Membership[];
  nameOf: NameOf;
  actions: UseSessionActions;
  canWrite: boolean;
}) {
  const s = useRunStyles();
  const items = wallItems(run, nameOf);
  return (
    <div className={s.stack}>
      <LineForm
        label="Add a takeaway"
        what="takeaway"
        max={RUN_LIMITS.takeaway}
        submitLabel="Add"
        placeholder="What will you take back to your team?"
        disabled={!canWrite || actions.busy !== undefined}
        testId="run-takeaway"
        onSubmit={(text) => actions.run('Could not add the takeaway', (c) => c.addTakeaway(text))}
      />
      <h3 className={s.h3} id="run-wall-heading">
        Takeaway wall · {takeawaysLabel(items.length)}
      </h3>
      {items.length === 0 ? <span className={s.muted}>None yet. Add the first one.</span> : null}
      <ul className={s.list} aria-labelledby="run-wall-heading" data-testid="run-wall">
        {items.map((t) => (
          <TakeawayItem
            key={t.id}
            item={t}
            others={items.filter((x) => x.id !== t.id)}
            facilitator={facilitator}
            members={members}
            actions={actions}
          />
        ))}
      </ul>
    </div>
  );
}

type Editing = 'none' | 'text' | 'merge' | 'action';

function TakeawayItem({
  item,
  others,
  facilitator,
  members,
  actions,
}: {
  item: WallItem;
  others: readonly WallItem[];
  facilitator: boolean;
  members: readonly Membership[];
  actions: UseSessionActions;
}) {
  const s = useRunStyles();
  const [editing, setEditing] = useState<Editing>('none');
  const [text, setText] = useState(item.text);
  const [into, setInto] = useState('');
  const [owner, setOwner] = useState(item.action?.ownerId ?? '');
  const [due, setDue] = useState(item.action?.dueDate ?? '');
  const [fieldError, setFieldError] = useState<ActionFieldProblem | undefined>(undefined);
  const fieldMessage = (field: ActionFieldProblem['field']) =>
    fieldError?.field === field ? fieldError.message : undefined;
  const ownerRef = useRef<HTMLSelectElement>(null);
  const dueRef = useRef<HTMLInputElement>(null);
  const saveAction = () => {
    const problem = actionFieldProblem(owner, due, new Date());
    setFieldError(problem);
    if (problem) return (problem.field === 'owner' ? ownerRef : dueRef).current?.focus();
    void actions
      .run('Could not set the action', (c) => c.setAction(item.id, { ownerId: owner, dueDate: due }))
      .then(done);
  };
  const busy = actions.busy !== undefined;
  const today = todayUtc(new Date());
  const open = (e: Editing) => {
    setEditing(editing === e ? 'none' : e);
    setText(item.text);
    setInto(others[0]?.id ?? '');
    setOwner(item.action?.ownerId ?? '');
    setDue(item.action?.dueDate ?? '');
    setFieldError(undefined);
  };
  const done = (ok: boolean) => ok && setEditing('none');
  // A takeaway others were merged into cannot itself be merged away (merge into it instead).
  const mergeable = item.merged.length === 0 && others.length > 0;

  return (
    <li className={s.card} data-testid="run-wall-item" data-id={item.id}>
      <span className={s.text} data-testid="run-wall-text">
        {item.text}
      </span>
      <span className={s.caption}>{item.authorName}</span>
      {item.merged.map((m) => (
        <div key={m.id} className={s.rowCenter}>
          <p className={`${s.merged} ${s.grow}`} data-testid="run-wall-merged">
            Also: {m.text} <span className={s.caption}>({m.authorName})</span>
          </p>
          {facilitator ? (
            <Button
              size="small"
              appearance="subtle"
              disabled={busy}
              onClick={() => void actions.run('Could not undo the merge', (c) => c.mergeTakeaway(m.id, undefined))}
              aria-label={`Undo merge of “${short(m.text)}”`}
            >
              Undo merge
            </Button>
          ) : null}
        </div>
      ))}
      {item.action ? (
        <span className={s.action} data-testid="run-wall-action">
          {item.action.label}
        </span>
      ) : null}
      {facilitator ? (
        <div className={s.rowCenter} role="group" aria-label={`Curate “${short(item.text)}”`}>
          <Button
            size="small"
            onClick={() => open('text')}
            aria-expanded={editing === 'text'}
            disabled={busy}
            data-testid="run-edit"
          >
            Edit
          </Button>
          {mergeable ? (
            <Button
              size="small"
              onClick={() => open('merge')}
              aria-expanded={editing === 'merge'}
              disabled={busy}
              data-testid="run-merge"
            >
              Merge
            </Button>
          ) : null}
          <Button
            size="small"
            onClick={() => open('action')}
            aria-expanded={editing === 'action'}
            disabled={busy}
            data-testid="run-action"
          >
            {item.action ? 'Action…' : 'Make action'}
          </Button>
        </div>
      ) : null}
      {editing === 'text' ? (
        <form
          className={s.stack}
          onSubmit={(e) => {
            e.preventDefault();
            void actions.run('Could not edit the takeaway', (c) => c.editTakeaway(item.id, text)).then(done);
          }}
        >
          <Field label="Takeaway text">
            <Input
              value={text}
              maxLength={RUN_LIMITS.takeaway}
              onChange={(_, d) => setText(d.value)}
              data-testid="run-edit-input"
            />
          </Field>
          <div className={s.rowCenter}>
            <Button type="submit" appearance="primary" size="small" disabled={busy} data-testid="run-edit-save">
              Save
            </Button>
            <Button size="small" onClick={() => setEditing('none')}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
      {editing === 'merge' ? (
        <div className={s.stack}>
          <Field label="Merge into">
            <Select value={into} onChange={(_, d) => setInto(d.value)} data-testid="run-merge-into">
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  {short(o.text, 60)}
                </option>
              ))}
            </Select>
          </Field>
          <div className={s.rowCenter}>
            <Button
              appearance="primary"
              size="small"
              disabled={busy || !into}
              onClick={() =>
                void actions.run('Could not merge the takeaway', (c) => c.mergeTakeaway(item.id, into)).then(done)
              }
              data-testid="run-merge-save"
            >
              Merge
            </Button>
            <Button size="small" onClick={() => setEditing('none')}>
              Cancel
            </Button>
          </div>
        </div>
      ) : null}
      {editing === 'action' ? (
        <div className={s.stack}>
          <Field
            label="Owner"
            validationMessage={fieldMessage('owner')}
            validationState={fieldMessage('owner') ? 'error' : 'none'}
          >
            <Select
              ref={ownerRef}
              value={owner}
              onChange={(_, d) => {
                setOwner(d.value);
                setFieldError(undefined);
              }}
              data-testid="run-action-owner"
            >
              <option value="">Choose someone…</option>
              {[...members]
                .sort((a, b) => a.displayName.localeCompare(b.displayName))
                .map((m) => (
                  <option key={m.userId} value={m.userId}>
                    {m.displayName}
                  </option>
                ))}
            </Select>
          </Field>
          <Field
            label="Due date"
            hint="Today or later"
            validationMessage={fieldMessage('due')}
            validationState={fieldMessage('due') ? 'error' : 'none'}
          >
            <Input
              ref={dueRef}
              type="date"
              value={due}
              min={today}
              onChange={(_, d) => {
                setDue(d.value);
                setFieldError(undefined);
              }}
              data-testid="run-action-due"
            />
          </Field>
          <div className={s.rowCenter}>
            <Button
              appearance="primary"
              size="small"
              disabled={busy}
              onClick={saveAction}
              data-testid="run-action-save"
            >
              Save action
            </Button>
            {item.action ? (
              <Button
                size="small"
                disabled={busy}
                onClick={() =>
                  void actions.run('Could not remove the action', (c) => c.setAction(item.id, undefined)).then(done)
                }
                data-testid="run-action-remove"
              >
                Remove action
              </Button>
            ) : null}
            <Button size="small" onClick={() => setEditing('none')}>
              Cancel
            </Button>
          </div>
        </div>
      ) : null}
    </li>
  );
}
