/**
 * Merging two topics that mean the same: pick the other topic and which one to keep. The other is
 * archived as merged into the kept one; its supporters (and its proposer) and sessions move over.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Radio,
  RadioGroup,
  Select,
  makeStyles,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Topic } from '../../../domain/backlog';
import { canMerge } from './backlog-manage';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: '12px' },
});

export function MergeDialog({
  topic,
  partners,
  busy,
  onCancel,
  onMerge,
}: {
  topic: Topic;
  partners: readonly Topic[];
  busy: boolean;
  onCancel(): void;
  onMerge(keepId: string, mergeId: string): void;
}) {
  const s = useStyles();
  const [otherId, setOtherId] = useState(partners[0]?.id ?? '');
  const other = partners.find((p) => p.id === otherId);
  const keepable = (k: Topic, m: Topic | undefined) => !!m && canMerge(k, m);
  const [keep, setKeep] = useState<'this' | 'other'>(() => (other && !canMerge(topic, other) ? 'other' : 'this'));
  const kept = keep === 'this' ? topic : other;
  const merged = keep === 'this' ? other : topic;
  const valid = !!kept && !!merged && canMerge(kept, merged);

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface aria-describedby="merge-explain">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (valid) onMerge(kept!.id, merged!.id);
          }}
        >
          <DialogBody>
            <DialogTitle>Merge “{topic.title}”</DialogTitle>
            <DialogContent className={s.content}>
              <Field label="With">
                <Select
                  value={otherId}
                  onChange={(_, d) => {
                    setOtherId(d.value);
                    const o = partners.find((p) => p.id === d.value);
                    if (o && !canMerge(topic, o)) setKeep('other');
                    else if (o && !canMerge(o, topic)) setKeep('this');
                  }}
                  data-testid="merge-with"
                >
                  {partners.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.rank !== null ? `#${p.rank} ` : ''}
                      {p.title} ({p.state})
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Keep">
                <RadioGroup value={keep} onChange={(_, d) => setKeep(d.value as 'this' | 'other')}>
                  <Radio
                    value="this"
                    label={`“${topic.title}”`}
                    disabled={!keepable(topic, other)}
                    data-testid="merge-keep-this"
                  />
                  <Radio
                    value="other"
                    label={other ? `“${other.title}”` : 'the other topic'}
                    disabled={!other || !keepable(other, topic)}
                    data-testid="merge-keep-other"
                  />
                </RadioGroup>
              </Field>
              <p id="merge-explain" style={{ margin: 0 }}>
                {valid
                  ? `“${merged!.title}” will be archived as merged into “${kept!.title}”; its supporters and sessions move over. You can restore it from the archived topics.`
                  : 'Pick a topic to merge with.'}
              </p>
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={busy || !valid} data-testid="merge-confirm">
                Merge
              </Button>
              <Button onClick={onCancel}>Cancel</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
