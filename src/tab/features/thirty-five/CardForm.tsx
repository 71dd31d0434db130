/**
 * My one topic card: a title (80 characters, counted as I type) and an optional description (280).
 * Saved by the server first (it keeps the author; the meeting shows the card under an opaque id),
 * then in the live meeting; it can be changed until it is dealt.
 */
import { Button, Field, Input, Textarea, mergeClasses, tokens, makeStyles } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { type AnonymousCard, CARD_LIMITS, checkCardText } from '../../../domain/thirty-five';
import type { ClientResult } from '../../../live/client-result';
import { ErrorNotice } from '../../ui/common';
import { CardBox } from './CardBox';
import { useGameStyles } from './styles';

const useStyles = makeStyles({ over: { color: tokens.colorPaletteRedForeground1 } });

export function CardForm({
  write,
  onSaved,
  canWrite,
  mine,
  intro,
}: {
  /** Writes my card (server first), or undefined while not connected. */
  write: ((text: { title: string; description: string }) => Promise<ClientResult<AnonymousCard>>) | undefined;
  onSaved: (card: AnonymousCard) => void;
  canWrite: boolean;
  mine: AnonymousCard | undefined;
  intro?: string;
}) {
  const s = useGameStyles();
  const c = useStyles();
  const [title, setTitle] = useState(mine?.title ?? '');
  const [description, setDescription] = useState(mine?.description ?? '');
  const [error, setError] = useState<{ field: 'title' | 'description' | 'form'; message: string } | undefined>(
    undefined,
  );
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkCardText(title, description);
    if (!checked.ok) {
      const field = checked.error.issues?.[0]?.path === 'description' ? 'description' : 'title';
      setError({ field, message: checked.error.message });
      return;
    }
    if (!write || !canWrite) {
      setError({ field: 'form', message: 'Not connected to the live meeting yet; try again in a moment.' });
      return;
    }
    setSaving(true);
    const card = await write({ title: checked.value.title, description: checked.value.description }).finally(() =>
      setSaving(false),
    );
    if (!card.ok) {
      setError({ field: 'form', message: card.error.message });
      return;
    }
    setTitle(card.value.title);
    setDescription(card.value.description);
    setError(undefined);
    setSaved(true);
    onSaved(card.value);
  };

  const titleLen = title.replace(/\s+/g, ' ').trim().length;
  const descLen = description.trim().length;
  const counter = (n: number, max: number) => (
    <span className={mergeClasses(s.counter, n > max && c.over)}>{`${n} / ${max}`}</span>
  );

  return (
    <form className={s.stack} onSubmit={(e) => void submit(e)} aria-label="Your topic card" data-testid="t5-card-form">
      {intro ? <p className={s.p}>{intro}</p> : null}
      {mine ? (
        <>
          <CardBox caption="Your card (saved)" card={mine} testId="t5-my-card" />
          <span className={s.muted} data-testid="t5-can-change">
            {saved ? 'Saved. ' : ''}You can still change it until the cards are dealt.
          </span>
        </>
      ) : null}
      <Field
        label={mine ? 'Change your topic' : 'Your topic (one line)'}
        hint={counter(titleLen, CARD_LIMITS.title)}
        validationMessage={error?.field === 'title' ? error.message : undefined}
        validationState={error?.field === 'title' ? 'error' : 'none'}
      >
        <Input
          value={title}
          maxLength={CARD_LIMITS.title + 20}
          placeholder="What should we work on?"
          onChange={(_, d) => {
            setTitle(d.value.replace(/[\r\n]+/g, ' '));
            setSaved(false);
            if (error) setError(undefined);
          }}
          autoComplete="off"
          data-testid="t5-card-title"
        />
      </Field>
      <Field
        label="Description (optional)"
        hint={counter(descLen, CARD_LIMITS.description)}
        validationMessage={error?.field === 'description' ? error.message : undefined}
        validationState={error?.field === 'description' ? 'error' : 'none'}
      >
        <Textarea
          value={description}
          resize="vertical"
          rows={3}
          maxLength={CARD_LIMITS.description + 40}
          placeholder="Why it matters, in a sentence or two"
          onChange={(_, d) => {
            setDescription(d.value);
            setSaved(false);
            if (error) setError(undefined);
          }}
          data-testid="t5-card-description"
        />
      </Field>
      {error?.field === 'form' ? <ErrorNotice title="Could not save your card" message={error.message} /> : null}
      <div>
        <Button type="submit" appearance="primary" disabled={!canWrite || saving} data-testid="t5-card-save">
          Save my card
        </Button>
      </div>
    </form>
  );
}
