/**
 * The form that schedules the next session (facilitators and champions). It opens on the plan: a
 * deep dive on the first date the cadence suggests, the top prioritised topic, the next facilitator
 * in the rotation and the type's agenda. One request id per attempt, so a double click or a retry
 * schedules one session. The API's field errors show beside their fields.
 */
import {
  Button,
  Checkbox,
  Field,
  Input,
  Select,
  Textarea,
  ToggleButton,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { Topic } from '../../../domain/backlog';
import {
  SESSION_LIMITS,
  SESSION_TYPES,
  SESSION_TYPE_LABELS,
  type Session,
  type SessionType,
} from '../../../domain/session';
import type { CommunityView, SessionPlan } from '../../api-client';
import { toApiError, useServices } from '../../app-services';
import { ErrorNotice, InfoNotice, useSectionStyles } from '../../ui/common';
import { groupBacklog } from '../backlog/backlog-manage';
import { AgendaEditor } from './AgendaEditor';
import {
  DETAIL_FIELDS,
  initialScheduleForm,
  issuesToScheduleErrors,
  localInputFromIso,
  newRequestId,
  toScheduleRequest,
  whenLabel,
  withType,
  type ScheduleErrors,
  type ScheduleField,
  type ScheduleFormValues,
} from './schedule-form';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: '12px', minWidth: 0 },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
    gap: '12px',
    alignItems: 'start',
  },
  suggestions: { display: 'flex', gap: '6px', flexWrap: 'wrap', alignItems: 'center' },
  topics: { display: 'flex', flexDirection: 'column', gap: '0', maxHeight: '16rem', overflowY: 'auto' },
  actions: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

type Touched = { date?: boolean; topics?: boolean; facilitator?: boolean };

export function ScheduleForm({
  view,
  plan,
  topics,
  onScheduled,
}: {
  view: CommunityView;
  plan: SessionPlan;
  topics: readonly Topic[];
  onScheduled(session: Session): void;
}) {
  const { api } = useServices();
  const s = useStyles();
  const sec = useSectionStyles();
  const me = view.me.userId;
  const prioritised = groupBacklog(topics).prioritised;
  const [values, setValues] = useState<ScheduleFormValues>(() => initialScheduleForm(plan, prioritised, me));
  const [touched, setTouched] = useState<Touched>({});
  const [errors, setErrors] = useState<ScheduleErrors>({});
  const [busy, setBusy] = useState(false);
  const [scheduled, setScheduled] = useState<Session | undefined>();
  const requestId = useRef(newRequestId());
  const inFlight = useRef(false);

  // Until the user picks otherwise, the defaults follow the plan and the backlog as they change.
  const topId = prioritised[0]?.id;
  const firstDate = plan.dates[0];
  useEffect(() => {
    if (!touched.topics) setValues((v) => ({ ...v, topicIds: topId ? [topId] : [] }));
  }, [topId]);
  useEffect(() => {
    if (!touched.facilitator) setValues((v) => ({ ...v, facilitatorId: plan.facilitatorId ?? me }));
  }, [plan.facilitatorId]);
  useEffect(() => {
    if (!touched.date && firstDate) setValues((v) => ({ ...v, startsAtLocal: localInputFromIso(firstDate) }));
  }, [firstDate]);

  const set = (patch: Partial<ScheduleFormValues>, clear: ScheduleField[] = []) => {
    setValues((v) => ({ ...v, ...patch }));
    if (clear.length)
      setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !clear.includes(k as ScheduleField))));
  };
  const err = (f: ScheduleField) => ({
    validationMessage: errors[f],
    validationState: errors[f] ? ('error' as const) : ('none' as const),
  });

  const submit = async () => {
    if (inFlight.current) return;
    setScheduled(undefined);
    const req = toScheduleRequest(values, requestId.current, new Date());
    if (!req.ok) {
      setErrors(req.errors);
      return;
    }
    inFlight.current = true;
    setBusy(true);
    setErrors({});
    try {
      const r = await api.sessions.schedule(view.community.id, req.value);
      setScheduled(r.session);
      requestId.current = newRequestId();
      setTouched({});
      setValues(
        initialScheduleForm(
          plan,
          prioritised.filter((t) => !r.session.topicIds.includes(t.id)),
          me,
        ),
      );
      onScheduled(r.session);
    } catch (e) {
      const apiErr = toApiError(e);
      setErrors({ ...issuesToScheduleErrors(apiErr.issues), form: apiErr.message });
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  const names = new Map(view.members.map((m) => [m.userId, m.displayName]));
  const selected = new Set(values.topicIds);
  const needsTopic = values.type === 'deep-dive';

  return (
    <form
      className={s.form}
      aria-labelledby="schedule-form-heading"
      data-testid="schedule-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id="schedule-form-heading" className={sec.h2} style={{ fontSize: tokens.fontSizeBase300 }}>
        Schedule the next session
      </h3>
      {scheduled ? (
        <InfoNotice intent="success" title="Scheduled">
          {SESSION_TYPE_LABELS[scheduled.details.type]} on {whenLabel(scheduled.startsAt)} — its agenda is listed under
          Agendas of the coming sessions.
        </InfoNotice>
      ) : null}
      <div className={s.grid}>
        <Field label="Session type" required {...err('type')}>
          <Select
            value={values.type}
            disabled={busy}
            onChange={(_, d) => {
              setValues((v) => withType(v, d.value as SessionType));
              setErrors({});
            }}
            data-testid="schedule-type"
          >
            {SESSION_TYPES.map((t) => (
              <option key={t} value={t}>
                {SESSION_TYPE_LABELS[t]}
              </option>
            ))}
          </Select>
        </Field>
        {DETAIL_FIELDS[values.type].map((f) => (
          <Field key={f.key} label={f.label} required {...err(f.key)}>
            <Input
              value={values.details[f.key] ?? ''}
              maxLength={SESSION_LIMITS.name}
              disabled={busy}
              onChange={(_, d) => set({ details: { ...values.details, [f.key]: d.value } }, [f.key])}
              data-testid={`schedule-${f.key}`}
            />
          </Field>
        ))}
        <Field label="Date and time" required {...err('startsAt')}>
          <Input
            type="datetime-local"
            value={values.startsAtLocal}
            disabled={busy}
            onChange={(_, d) => {
              setTouched((t) => ({ ...t, date: true }));
              set({ startsAtLocal: d.value }, ['startsAt']);
            }}
            data-testid="schedule-starts-at"
          />
        </Field>
        <Field label="Duration (minutes)" required {...err('durationMinutes')}>
          <Input
            type="number"
            min={SESSION_LIMITS.minDuration}
            max={SESSION_LIMITS.maxDuration}
            step={5}
            value={values.durationMinutes}
            disabled={busy}
            onChange={(_, d) => set({ durationMinutes: d.value, durationTouched: true }, ['durationMinutes', 'agenda'])}
            data-testid="schedule-duration"
          />
        </Field>
        <Field
          label="Facilitator"
          {...err('facilitatorId')}
          hint={
            plan.facilitatorId && values.facilitatorId === plan.facilitatorId ? 'Next up in the rotation' : undefined
          }
        >
          <Select
            value={values.facilitatorId}
            disabled={busy}
            onChange={(_, d) => {
              setTouched((t) => ({ ...t, facilitator: true }));
              set({ facilitatorId: d.value }, ['facilitatorId']);
            }}
            data-testid="schedule-facilitator"
          >
            {view.members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.displayName}
                {m.userId === plan.facilitatorId ? ' (next up)' : ''}
                {m.userId === me ? ' (you)' : ''}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          label="Meeting link"
          {...err('meetingLink')}
          hint={errors.meetingLink ? undefined : 'The Teams meeting, https://…'}
        >
          <Input
            type="url"
            inputMode="url"
            value={values.meetingLink}
            maxLength={SESSION_LIMITS.meetingLink}
            placeholder="https://teams.microsoft.com/l/meetup-join/…"
            disabled={busy}
            onChange={(_, d) => set({ meetingLink: d.value }, ['meetingLink'])}
            data-testid="schedule-link"
          />
        </Field>
      </div>
      {plan.dates.length ? (
        <div className={s.suggestions} role="group" aria-label="Dates suggested from the community's cadence">
          <span className={s.hint}>Suggested from the cadence:</span>
          {plan.dates.map((d) => {
            const local = localInputFromIso(d);
            return (
              <ToggleButton
                key={d}
                size="small"
                checked={values.startsAtLocal === local}
                appearance={values.startsAtLocal === local ? 'primary' : 'secondary'}
                disabled={busy}
                onClick={() => {
                  setTouched((t) => ({ ...t, date: true }));
                  set({ startsAtLocal: local }, ['startsAt']);
                }}
                data-testid="schedule-suggested-date"
              >
                {whenLabel(new Date(isoOrNow(local)).toISOString())}
              </ToggleButton>
            );
          })}
        </div>
      ) : null}
      <Field
        label={`Topics from the prioritised backlog${needsTopic ? ' (at least one for a deep dive)' : ''}`}
        {...err('topicIds')}
        hint={`Up to ${SESSION_LIMITS.topics}. Scheduled topics leave the prioritised list.`}
      >
        {prioritised.length === 0 ? (
          <span className={s.hint}>
            Nothing is prioritised yet. Prioritise a topic in the backlog first
            {needsTopic ? ', or pick another session type' : ''}.
          </span>
        ) : (
          <div className={s.topics} role="group" aria-label="Topics for the session" data-testid="schedule-topics">
            {prioritised.map((t) => (
              <Checkbox
                key={t.id}
                checked={selected.has(t.id)}
                disabled={busy || (!selected.has(t.id) && selected.size >= SESSION_LIMITS.topics)}
                label={`#${t.rank} ${t.title}${t.ownerId ? ` — owner: ${names.get(t.ownerId) ?? 'a former member'}` : ''}`}
                onChange={(_, d) => {
                  setTouched((x) => ({ ...x, topics: true }));
                  set(
                    { topicIds: d.checked ? [...values.topicIds, t.id] : values.topicIds.filter((id) => id !== t.id) },
                    ['topicIds'],
                  );
                }}
                data-testid="schedule-topic"
              />
            ))}
          </div>
        )}
      </Field>
      <Field
        label="Purpose"
        {...err('purpose')}
        hint={`What the community should get out of it. ${values.purpose.trim().length} / ${SESSION_LIMITS.purpose}`}
      >
        <Textarea
          value={values.purpose}
          rows={2}
          resize="vertical"
          maxLength={SESSION_LIMITS.purpose}
          disabled={busy}
          onChange={(_, d) => set({ purpose: d.value }, ['purpose'])}
          data-testid="schedule-purpose"
        />
      </Field>
      <Field
        label={`Agenda (from the ${SESSION_TYPE_LABELS[values.type]} template; change the timeboxes as you need)`}
        {...err('agenda')}
      >
        <AgendaEditor
          idPrefix="schedule"
          agenda={values.agenda}
          durationText={values.durationMinutes}
          disabled={busy}
          onChange={(agenda) => set({ agenda }, ['agenda'])}
        />
      </Field>
      {errors.form ? <ErrorNotice title="The session was not scheduled" message={errors.form} /> : null}
      {Object.keys(errors).some((k) => k !== 'form') && !errors.form ? (
        <ErrorNotice title="Check the form" message="Some fields need attention; see the messages beside them." />
      ) : null}
      <div className={s.actions}>
        <Button type="submit" appearance="primary" disabled={busy} data-testid="schedule-submit">
          {busy ? 'Scheduling…' : 'Schedule the session'}
        </Button>
      </div>
    </form>
  );
}

const isoOrNow = (local: string) => (Number.isNaN(new Date(local).getTime()) ? Date.now() : new Date(local).getTime());
