/** The agenda's items with editable timeboxes, and their total against the session's duration. */
import { Button, Input, makeStyles, tokens } from '@fluentui/react-components';
import { SESSION_LIMITS } from '../../../domain/session';
import { agendaStatus, type AgendaDraftItem } from './schedule-form';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '4px' },
  item: { display: 'grid', gridTemplateColumns: '1.8em minmax(0, 1fr) 6.5em auto', gap: '6px', alignItems: 'center' },
  num: { color: tokens.colorNeutralForeground3, fontVariantNumeric: 'tabular-nums', textAlign: 'right' },
  minutes: { display: 'flex', alignItems: 'center', gap: '4px' },
  footer: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap', justifyContent: 'space-between' },
  ok: { color: tokens.colorNeutralForeground2 },
  over: { color: tokens.colorStatusDangerForeground1, fontWeight: tokens.fontWeightSemibold },
});

export function AgendaEditor({
  agenda,
  durationText,
  onChange,
  disabled,
  idPrefix,
}: {
  agenda: readonly AgendaDraftItem[];
  durationText: string;
  onChange(agenda: AgendaDraftItem[]): void;
  disabled?: boolean;
  idPrefix: string;
}) {
  const s = useStyles();
  const status = agendaStatus(agenda, durationText);
  const set = (i: number, patch: Partial<AgendaDraftItem>) =>
    onChange(agenda.map((x, j) => (j === i ? { ...x, ...patch } : x)));
  return (
    <div role="group" aria-labelledby={`${idPrefix}-agenda-label`} data-testid={`${idPrefix}-agenda`}>
      <ol className={s.list}>
        {agenda.map((item, i) => (
          <li key={i} className={s.item} data-testid="agenda-item">
            <span className={s.num} aria-hidden>
              {i + 1}.
            </span>
            <Input
              size="small"
              value={item.title}
              maxLength={SESSION_LIMITS.agendaItemTitle}
              disabled={disabled}
              aria-label={`Agenda item ${i + 1}, title`}
              onChange={(_, d) => set(i, { title: d.value })}
              data-testid="agenda-title"
            />
            <span className={s.minutes}>
              <Input
                size="small"
                type="number"
                min={1}
                max={SESSION_LIMITS.agendaItemMinutes}
                value={item.minutes}
                disabled={disabled}
                aria-label={`Agenda item ${i + 1}, ${item.title || 'untitled'}: minutes`}
                onChange={(_, d) => set(i, { minutes: d.value })}
                style={{ width: '4.5em', minWidth: 0 }}
                data-testid="agenda-minutes"
              />
              <span aria-hidden>min</span>
            </span>
            <Button
              size="small"
              appearance="subtle"
              disabled={disabled || agenda.length <= 1}
              aria-label={`Remove agenda item ${i + 1}, ${item.title || 'untitled'}`}
              onClick={() => onChange(agenda.filter((_, j) => j !== i))}
            >
              Remove
            </Button>
          </li>
        ))}
      </ol>
      <div className={s.footer}>
        <Button
          size="small"
          disabled={disabled || agenda.length >= SESSION_LIMITS.agendaItems}
          onClick={() => onChange([...agenda, { title: '', minutes: '5' }])}
        >
          Add agenda item
        </Button>
        <span
          className={status.fits ? s.ok : s.over}
          aria-live="polite"
          data-testid={`${idPrefix}-agenda-total`}
          data-fits={status.fits}
        >
          {status.label}
        </span>
      </div>
    </div>
  );
}
