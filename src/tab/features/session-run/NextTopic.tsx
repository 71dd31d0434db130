/**
 * After the close: "Who volunteers to own the next topic?" with the top of the prioritised backlog
 * and, in the side panel, a Volunteer button (the stage only shows the question).
 */
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Topic } from '../../../domain/backlog';
import { ErrorNotice } from '../../ui/common';
import type { SessionController } from './session-controller';
import type { NameOf } from './session-view';
import { useRunStyles } from './styles';
import { errorMessage } from './useSessionActions';

const useBig = makeStyles({
  question: { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600 },
  title: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
  },
  caption: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
});

export const NEXT_TOPIC_QUESTION = 'Who volunteers to own the next topic?';

/** The top prioritised topic, read once per `key` (and every `refreshMs` when given: the stage sees a volunteer without a click). */
export function useNextTopic(
  controller: SessionController | undefined,
  key: string,
  refreshMs?: number,
): { topic: Topic | null | undefined; error: string | undefined; reload(): void; set(t: Topic): void } {
  const [topic, setTopic] = useState<Topic | null | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!refreshMs) return;
    const id = setInterval(() => setAttempt((a) => a + 1), refreshMs);
    return () => clearInterval(id);
  }, [refreshMs]);
  useEffect(() => {
    if (!controller) return;
    let live = true;
    controller.nextTopic().then(
      (t) => {
        if (!live) return;
        if (t.ok) {
          setTopic(t.value ?? null);
          setError(undefined);
        } else setError(t.error.message);
      },
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [controller, key, attempt]);
  return { topic, error, reload: () => setAttempt((a) => a + 1), set: setTopic };
}

export function NextTopic({
  controller,
  me,
  nameOf,
  sessionId,
  canVolunteer,
  big,
}: {
  controller: SessionController | undefined;
  me: string;
  nameOf: NameOf;
  sessionId: string;
  canVolunteer: boolean;
  big?: boolean;
}) {
  const s = useRunStyles();
  const b = useBig();
  // Both re-read the top of the backlog now and then: the stage shows a volunteer, and the side panel
  // does not keep offering a Volunteer button someone else already took (ADR 0022).
  const next = useNextTopic(controller, sessionId, canVolunteer ? 5_000 : 15_000);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const volunteer = async (t: Topic) => {
    if (!controller) return;
    setBusy(true);
    setError(undefined);
    try {
      const taken = await controller.volunteer(t.id);
      if (taken.ok) next.set(taken.value);
      else {
        setError(taken.error.message);
        next.reload();
      }
    } catch (e) {
      setError(errorMessage(e));
      next.reload();
    } finally {
      setBusy(false);
    }
  };
  const t = next.topic;
  return (
    <div className={s.stack} data-testid="run-next-topic">
      <span className={mergeClasses(s.strong, big && b.question)}>{NEXT_TOPIC_QUESTION}</span>
      {next.error ? (
        <ErrorNotice title="Could not read the backlog" message={next.error} onRetry={next.reload} />
      ) : null}
      {t === undefined && !next.error ? <span className={s.muted}>Reading the backlog…</span> : null}
      {t === null ? (
        <span className={s.muted}>
          The backlog has no prioritised topic left: propose one in chat or in the channel tab.
        </span>
      ) : null}
      {t ? (
        <div className={s.card}>
          <span className={mergeClasses(s.text, big && b.title)} data-testid="run-next-topic-title">
            {t.title}
          </span>
          {t.ownerId ? (
            <span className={mergeClasses(s.caption, big && b.caption)} data-testid="run-next-topic-owner">
              {t.ownerId === me ? 'You own it — thank you!' : `Owned by ${nameOf(t.ownerId)}`}
            </span>
          ) : canVolunteer ? (
            <div>
              <Button
                appearance="primary"
                disabled={busy}
                onClick={() => void volunteer(t)}
                aria-label={`Volunteer to own “${t.title}”`}
                data-testid="run-volunteer"
              >
                {busy ? 'Volunteering…' : 'Volunteer'}
              </Button>
            </div>
          ) : (
            <span className={mergeClasses(s.caption, big && b.caption)}>Nobody yet. Volunteer in your side panel.</span>
          )}
        </div>
      ) : null}
      {error ? <ErrorNotice title="Could not volunteer" message={error} /> : null}
    </div>
  );
}
