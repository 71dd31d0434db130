/** The community's fields (create and edit), with inline validation from the API's own schema. */
import { Field, Input, Radio, RadioGroup, Select, Textarea, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import { PURPOSES, type Purpose } from '../../../domain/community';
import {
  COMMUNITY_LIMITS,
  PURPOSE_LABELS,
  cadenceLabel,
  initialFormState,
  validateCommunityForm,
  visibleErrors,
  type CommunityField,
  type CommunityFormValues,
  type FieldErrors,
} from './community-form';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: '12px', minWidth: 0 },
});

export function useCommunityForm(initial: CommunityFormValues) {
  const [state, setState] = useState(() => initialFormState(initial));
  return {
    state,
    setState,
    errors: visibleErrors(state),
    validation: validateCommunityForm(state.values),
    change: (field: CommunityField, value: string) =>
      setState((s) => {
        const serverErrors = { ...s.serverErrors };
        delete serverErrors[field];
        return { ...s, values: { ...s.values, [field]: value }, serverErrors };
      }),
    touch: (field: CommunityField) => setState((s) => ({ ...s, touched: { ...s.touched, [field]: true } })),
    submitAttempted: () => setState((s) => ({ ...s, submitted: true })),
    setServerErrors: (serverErrors: FieldErrors) => setState((s) => ({ ...s, serverErrors })),
    reset: (values: CommunityFormValues) => setState(initialFormState(values)),
  };
}

export type CommunityFormApi = ReturnType<typeof useCommunityForm>;

export function CommunityFields({
  form,
  disabled,
  idPrefix,
}: {
  form: CommunityFormApi;
  disabled?: boolean;
  idPrefix: string;
}) {
  const s = useStyles();
  const { values } = form.state;
  const errors = form.errors;
  const state = (f: CommunityField) => (errors[f] ? 'error' : 'none') as 'error' | 'none';
  return (
    <div className={s.fields}>
      <Field
        label="Name"
        required
        validationMessage={errors.name}
        validationState={state('name')}
        hint={`${values.name.length} / ${COMMUNITY_LIMITS.name}`}
      >
        <Input
          value={values.name}
          disabled={disabled}
          onChange={(_, d) => form.change('name', d.value)}
          onBlur={() => form.touch('name')}
          data-testid={`${idPrefix}-name`}
          autoComplete="off"
        />
      </Field>
      <Field label="Purpose" required validationMessage={errors.purpose} validationState={state('purpose')}>
        <RadioGroup
          value={values.purpose}
          disabled={disabled}
          onChange={(_, d) => form.change('purpose', d.value as Purpose)}
          data-testid={`${idPrefix}-purpose`}
        >
          {PURPOSES.map((p) => (
            <Radio key={p} value={p} label={PURPOSE_LABELS[p]} />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label="Cadence"
        required
        validationMessage={errors.cadencePerMonth}
        validationState={state('cadencePerMonth')}
        hint="Every two weeks is ideal."
      >
        <Select
          value={values.cadencePerMonth}
          disabled={disabled}
          onChange={(_, d) => form.change('cadencePerMonth', d.value)}
          onBlur={() => form.touch('cadencePerMonth')}
          data-testid={`${idPrefix}-cadence`}
        >
          {[1, 2, 3, 4].map((n) => (
            <option key={n} value={String(n)}>
              {cadenceLabel(n)}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Description"
        validationMessage={errors.description}
        validationState={state('description')}
        hint={`${values.description.length} / ${COMMUNITY_LIMITS.description}`}
      >
        <Textarea
          value={values.description}
          disabled={disabled}
          resize="vertical"
          onChange={(_, d) => form.change('description', d.value)}
          onBlur={() => form.touch('description')}
          data-testid={`${idPrefix}-description`}
        />
      </Field>
    </div>
  );
}
