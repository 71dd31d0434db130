/** The side panel's one-line check-in: 140 characters at most, a live counter, Enter submits. */
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { CheckIn, LiveMeeting } from '../../../live/live-meeting';
import { CHECK_IN_MAX, checkInCounter, validateCheckIn } from './check-in';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: '8px', minWidth: 0 },
  row: { display: 'flex', gap: '8px', alignItems: 'flex-start', minWidth: 0 },
  input: { flexGrow: 1, minWidth: 0 },
  counter: { fontVariantNumeric: 'tabular-nums' },
  over: { color: tokens.colorPaletteRedForeground1 },
  mine: {
    margin: 0,
    padding: '8px',
    borderRadius: tokens.borderRadiusMedium,
    background: tokens.colorNeutralBackground3,
    overflowWrap: 'anywhere',
  },
});

export function CheckInForm({
  meeting,
  canWrite,
  mine,
  label,
}: {
  meeting: LiveMeeting | undefined;
  canWrite: boolean;
  mine: CheckIn | undefined;
  label?: string;
}) {
  const s = useStyles();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const counter = checkInCounter(text);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = validateCheckIn(text);
    if (!v.ok) {
      setError(v.message);
      return;
    }
    if (!meeting || !canWrite) {
      setError('Not connected to the live meeting yet; try again in a moment.');
      return;
    }
    const written = meeting.checkIn(v.text);
    if (!written.ok) {
      setError(written.error.message);
      return;
    }
    setText('');
    setError(undefined);
  };

  return (
    <form className={s.form} onSubmit={submit} aria-label="Check in">
      {mine ? (
        <div>
          <div>Your check-in:</div>
          <p className={s.mine} data-testid="my-check-in">
            {mine.text}
          </p>
        </div>
      ) : null}
      <Field
        label={mine ? 'Change your check-in' : (label ?? 'How are you arriving today?')}
        validationMessage={error}
        validationState={error ? 'error' : 'none'}
        hint={<span className={counter.over ? `${s.counter} ${s.over}` : s.counter}>{counter.label}</span>}
      >
        {(fieldProps) => (
          <div className={s.row}>
            <Input
              {...fieldProps}
              className={s.input}
              value={text}
              maxLength={CHECK_IN_MAX}
              placeholder="Say it in one line"
              onChange={(_, d) => {
                setText(d.value.replace(/[\r\n]+/g, ' '));
                if (error) setError(undefined);
              }}
              data-testid="check-in-input"
              autoComplete="off"
            />
            <Button type="submit" appearance="primary" disabled={!canWrite} data-testid="check-in-submit">
              {mine ? 'Update' : 'Check in'}
            </Button>
          </div>
        )}
      </Field>
    </form>
  );
}
