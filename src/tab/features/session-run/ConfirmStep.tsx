/**
 * A step that loses something unless people agree (closing voting, or the session, while people
 * have not voted) asks first, in a modal Fluent Dialog: it takes the focus, Escape or "Go back"
 * cancels and returns the focus to the button, the confirm button says what happens. When nothing
 * is lost (`ask` undefined) the step runs at once.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  type ButtonProps,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { ConfirmQuestion } from './session-view';

export function ConfirmStep({
  ask,
  onConfirm,
  children,
  testId,
  ...button
}: {
  ask: ConfirmQuestion | undefined;
  onConfirm(): void;
  children: ReactNode;
  testId: string;
} & Pick<ButtonProps, 'appearance' | 'disabled'>) {
  const [open, setOpen] = useState(false);
  if (!ask) {
    return (
      <Button {...button} onClick={onConfirm} data-testid={testId}>
        {children}
      </Button>
    );
  }
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)} modalType="alert">
      <DialogTrigger disableButtonEnhancement>
        <Button {...button} data-testid={testId}>
          {children}
        </Button>
      </DialogTrigger>
      <DialogSurface aria-describedby={`${testId}-confirm-message`} data-testid={`${testId}-confirm`}>
        <DialogBody>
          <DialogTitle>{ask.title}</DialogTitle>
          <DialogContent id={`${testId}-confirm-message`}>{ask.message}</DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary" data-testid={`${testId}-confirm-cancel`}>
                Go back
              </Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              onClick={() => {
                setOpen(false);
                onConfirm();
              }}
              data-testid={`${testId}-confirm-ok`}
            >
              {ask.confirm}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
