/**
 * A one-line entry (a group note, a takeaway): a counter, Enter submits, the rules' message under the field.
 * A paste past the limit is kept and the field says by how much it is over (never cut silently).
 */
import { Button, Field, Input } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { checkRunText } from '../../../domain/session-run';
import { LengthCounter, overLimitMessage } from '../../ui/common';
import { useRunStyles } from './styles';

export interface LineFormProps {
  readonly label: string;
  readonly what: string;
  readonly max: number;
  readonly submitLabel: string;
  readonly placeholder?: string;
  readonly disabled?: boolean;
  readonly testId: string;
  /** Resolves to whether it was taken (the text is then cleared). */
  onSubmit(text: string): Promise<boolean> | boolean;
}

export function LineForm({ label, what, max, submitLabel, placeholder, disabled, testId, onSubmit }: LineFormProps) {
  const s = useRunStyles();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const message = error ?? overLimitMessage(text.length, max);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkRunText(text, max, what);
    if (!checked.ok) {
      setError(checked.error.message);
      return;
    }
    if (await onSubmit(checked.value)) {
      setText('');
      setError(undefined);
    }
  };
  return (
    <form className={s.stack} onSubmit={(e) => void submit(e)} aria-label={label}>
      <Field
        label={label}
        validationMessage={message}
        validationState={message ? 'error' : 'none'}
        hint={<LengthCounter length={text.length} max={max} testId={`${testId}-counter`} />}
      >
        {(fieldProps) => (
          <div className={s.rowCenter}>
            <Input
              {...fieldProps}
              className={s.input}
              value={text}
              placeholder={placeholder}
              autoComplete="off"
              onChange={(_, d) => {
                setText(d.value.replace(/[\r\n]+/g, ' '));
                if (error) setError(undefined);
              }}
              data-testid={`${testId}-input`}
            />
            <Button type="submit" appearance="primary" disabled={disabled} data-testid={`${testId}-submit`}>
              {submitLabel}
            </Button>
          </div>
        )}
      </Field>
    </form>
  );
}
