/**
 * The tab's configuration page: bind this meeting, channel or chat to one of my communities, or
 * to a new one. In Teams the host's Save button saves; on the local host the page has its own.
 */
import { Button, Field, Link, Radio, RadioGroup, makeStyles } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { isApiError, type MyCommunity } from '../api-client';
import { toApiError, useAsync, useServices } from '../app-services';
import { CommunityFields, useCommunityForm } from '../features/community/CommunityForm';
import { EMPTY_COMMUNITY_FORM, cadenceLabel, issuesToFieldErrors } from '../features/community/community-form';
import { contextWord } from '../features/community/page-community';
import { localHostQuery } from '../host/local-host';
import { contextOf, type TabConfig } from '../host/tab-host';
import { tabConfigFor } from '../tab-config';
import { ErrorNotice, InfoNotice, Loading, Page, Section } from '../ui/common';

export const NEW_COMMUNITY = '__new__';

const useStyles = makeStyles({ actions: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' } });

export function ConfigPage() {
  const { host, api } = useServices();
  const s = useStyles();
  const target = contextOf(host.context);
  const data = useAsync(async () => {
    const [mine, binding] = await Promise.all([
      api.listMyCommunities(),
      target
        ? api.getContext(target.id).catch((e: unknown) => {
            if (isApiError(e, 'NOT_FOUND')) return undefined;
            throw e;
          })
        : Promise.resolve(undefined),
    ]);
    return { mine, binding };
  }, target?.id ?? 'none');

  const [choice, setChoice] = useState<string | undefined>(undefined);
  const form = useCommunityForm(EMPTY_COMMUNITY_FORM);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<{ communityId: string; name: string } | undefined>(undefined);
  const [saveError, setSaveError] = useState<string | undefined>(undefined);

  // Default choice: the current binding, else my first community, else a new one.
  useEffect(() => {
    if (data.status !== 'ready' || choice !== undefined) return;
    const { mine, binding } = data.data;
    const bound = binding && mine.some((m) => m.community.id === binding.communityId) ? binding.communityId : undefined;
    setChoice(bound ?? mine[0]?.community.id ?? NEW_COMMUNITY);
  }, [data, choice]);

  const isNew = choice === NEW_COMMUNITY;
  const valid = !!target && choice !== undefined && (!isNew || form.validation.ok);
  useEffect(() => host.config.setValid(valid && !saving), [host, valid, saving]);

  const save = async (): Promise<TabConfig> => {
    if (!target) throw new Error('Open the configuration from a meeting, a channel or a chat.');
    if (!choice) throw new Error('Pick a community first.');
    setSaving(true);
    setSaveError(undefined);
    setSaved(undefined);
    try {
      let communityId = choice;
      let name =
        data.status === 'ready'
          ? (data.data.mine.find((m) => m.community.id === choice)?.community.name ?? choice)
          : choice;
      if (isNew) {
        form.submitAttempted();
        if (!form.validation.ok) throw new Error('Fix the highlighted fields first.');
        try {
          const created = await api.createCommunity(form.validation.value);
          communityId = created.id;
          name = created.name;
        } catch (e) {
          const err = toApiError(e);
          if (err.issues.length) form.setServerErrors(issuesToFieldErrors(err.issues));
          throw err;
        }
        // The new community is mine now: show it in the list and select it.
        setChoice(communityId);
        form.reset(EMPTY_COMMUNITY_FORM);
        data.reload();
      }
      await api.bindContext(target.id, { kind: target.kind, communityId });
      setSaved({ communityId, name });
      return tabConfigFor(window.location.origin, communityId);
    } catch (e) {
      setSaveError(e instanceof Error ? e.message : String(e));
      throw e;
    } finally {
      setSaving(false);
    }
  };

  // Teams calls the latest handler when its Save button is pressed.
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => host.config.onSave(() => saveRef.current()), [host]);

  const where = target ? `this ${contextWord(target.kind)}` : 'this place';
  return (
    <Page
      label="Configure Guildhall"
      testId="config-page"
      title="Set up Guildhall"
      subtitle={`Pick the community for ${where}.`}
      host={host}
      wide
    >
      {!target ? (
        <InfoNotice title="Nothing to configure here">
          Add Guildhall to a meeting, a channel or a chat to configure it.
        </InfoNotice>
      ) : data.status === 'loading' ? (
        <Loading label="Loading your communities…" />
      ) : data.status === 'error' ? (
        <ErrorNotice title="Could not load your communities" message={data.error.message} onRetry={data.reload} />
      ) : (
        <>
          {data.data.binding ? (
            <InfoNotice title="Already set up">
              {where[0]!.toUpperCase() + where.slice(1)} is bound to{' '}
              {data.data.mine.find((m) => m.community.id === data.data.binding!.communityId)?.community.name ??
                data.data.binding.communityId}
              . Saving replaces it.
            </InfoNotice>
          ) : null}
          <Section title="Community" id="config-community-heading">
            <Field label="Your communities">
              <RadioGroup value={choice ?? ''} onChange={(_, d) => setChoice(d.value)} data-testid="config-choice">
                {data.data.mine.map((m: MyCommunity) => (
                  <Radio
                    key={m.community.id}
                    value={m.community.id}
                    label={`${m.community.name} (${cadenceLabel(m.community.cadencePerMonth)})`}
                  />
                ))}
                <Radio value={NEW_COMMUNITY} label="Create a new community" data-testid="config-new" />
              </RadioGroup>
            </Field>
          </Section>
          {isNew ? (
            <Section title="New community" id="config-new-heading">
              <CommunityFields form={form} disabled={saving} idPrefix="config" />
            </Section>
          ) : null}
          {host.kind === 'local' ? (
            <div className={s.actions}>
              <Button
                appearance="primary"
                disabled={!valid || saving}
                onClick={() => void save().catch(() => undefined)}
                data-testid="config-save"
              >
                {saving ? 'Saving…' : 'Save'}
              </Button>
              {saved ? (
                <span role="status">
                  Saved: {where} now belongs to {saved.name}.{' '}
                  <Link
                    href={`/tab/content?${localHostQuery({ ...host.context, frameContext: 'content', communityId: saved.communityId })}`}
                  >
                    Open the tab
                  </Link>
                </span>
              ) : null}
            </div>
          ) : saved ? (
            <InfoNotice intent="success" title="Saved">
              {where[0]!.toUpperCase() + where.slice(1)} now belongs to {saved.name}.
            </InfoNotice>
          ) : null}
          {saveError ? <ErrorNotice title="Could not save" message={saveError} /> : null}
        </>
      )}
    </Page>
  );
}
