/**
 * A facilitator step that loses votes (closing a round or a pair whose partners have not agreed)
 * asks first, in a Fluent Dialog: the step runs only on an explicit "yes". Escape or "Keep scoring"
 * cancels, and the dialog gives focus back to the button that opened it.
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
} from '@fluentui/react-components';
import { cloneElement, useId, useState, type ReactElement } from 'react';

export function ConfirmStep({
  when,
  title,
  message,
  confirmLabel,
  onConfirm,
  children,
}: {
  /** Ask only when this holds; otherwise the trigger runs the step at once. */
  when: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm(): void;
  /** The button that starts the step (its onClick is set here). */
  children: ReactElement<{ onClick?: () => void }>;
}) {
  const [open, setOpen] = useState(false);
  const messageId = useId();
  if (!when) return cloneElement(children, { onClick: onConfirm });
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)} modalType="alert">
      <DialogTrigger disableButtonEnhancement>{children}</DialogTrigger>
      <DialogSurface aria-describedby={messageId} data-testid="t5-confirm">
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent id={messageId}>{message}</DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              data-testid="t5-confirm-yes"
              onClick={() => {
                setOpen(false);
                onConfirm();
              }}
            >
              {confirmLabel}
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button data-testid="t5-confirm-no">Keep scoring</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
