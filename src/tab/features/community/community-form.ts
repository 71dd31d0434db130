/**
 * The community form's values and validation. It validates with the API's own schema, so the
 * inline messages match what the server would answer; the server's `issues` map back to fields.
 */
import { CreateCommunityRequest } from '../../../api/schemas';
import { LIMITS, type Community, type Purpose } from '../../../domain/community';

export interface CommunityFormValues {
  readonly name: string;
  readonly purpose: Purpose;
  /** '1'–'4' as the select gives it. */
  readonly cadencePerMonth: string;
  readonly description: string;
}

export type CommunityField = keyof CommunityFormValues;
export type FieldErrors = Partial<Record<CommunityField | 'form', string>>;

export const EMPTY_COMMUNITY_FORM: CommunityFormValues = {
  name: '',
  purpose: 'learning-community',
  cadencePerMonth: '2',
  description: '',
};

export const COMMUNITY_LIMITS = { name: LIMITS.communityName, description: LIMITS.communityDescription };

export const PURPOSE_LABELS: Record<Purpose, string> = {
  'learning-community': 'Learning community',
  'working-group': 'Working group (goals and actions)',
};

export const formFromCommunity = (c: Community): CommunityFormValues => ({
  name: c.name,
  purpose: c.purpose,
  cadencePerMonth: String(c.cadencePerMonth),
  description: c.description,
});

const FIELDS: readonly CommunityField[] = ['name', 'purpose', 'cadencePerMonth', 'description'];

/** Maps `{ path, message }` issues (from zod or from the API) to one message per field. */
export function issuesToFieldErrors(issues: readonly { path: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = FIELDS.find((f) => issue.path === f || issue.path.startsWith(`${f}.`));
    const key = field ?? 'form';
    if (!errors[key]) errors[key] = issue.message;
  }
  return errors;
}

export type CommunityFormResult =
  | { readonly ok: true; readonly value: CreateCommunityRequest }
  | { readonly ok: false; readonly errors: FieldErrors };

export function validateCommunityForm(values: CommunityFormValues): CommunityFormResult {
  const description = values.description.trim();
  const candidate = {
    name: values.name,
    purpose: values.purpose,
    cadencePerMonth: Number(values.cadencePerMonth),
    ...(description ? { description } : {}),
  };
  const parsed = CreateCommunityRequest.safeParse(candidate);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: issuesToFieldErrors(
      parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    ),
  };
}

/** The fields that changed, for a PATCH (the etag is added by the caller). */
export function changedFields(before: Community, after: CreateCommunityRequest): Partial<CreateCommunityRequest> {
  const out: { -readonly [K in keyof CreateCommunityRequest]?: CreateCommunityRequest[K] } = {};
  if (after.name !== before.name) out.name = after.name;
  if (after.purpose !== before.purpose) out.purpose = after.purpose;
  if (after.cadencePerMonth !== before.cadencePerMonth) out.cadencePerMonth = after.cadencePerMonth;
  if ((after.description ?? '') !== before.description) out.description = after.description ?? '';
  return out;
}

export interface CommunityFormState {
  readonly values: CommunityFormValues;
  readonly touched: Partial<Record<CommunityField, boolean>>;
  readonly submitted: boolean;
  /** From the API's `issues` after a refused save. */
  readonly serverErrors: FieldErrors;
}

export const initialFormState = (values: CommunityFormValues): CommunityFormState => ({
  values,
  touched: {},
  submitted: false,
  serverErrors: {},
});

/** Errors to show now: server ones first, then inline ones for touched fields (all of them after a submit). */
export function visibleErrors(state: CommunityFormState): FieldErrors {
  const v = validateCommunityForm(state.values);
  const inline: FieldErrors = v.ok ? {} : v.errors;
  const out: FieldErrors = {};
  for (const f of ['name', 'purpose', 'cadencePerMonth', 'description'] as const) {
    const msg = state.serverErrors[f] ?? (state.touched[f] || state.submitted ? inline[f] : undefined);
    if (msg) out[f] = msg;
  }
  if (state.serverErrors.form) out.form = state.serverErrors.form;
  return out;
}

export const cadenceLabel = (n: number): string => `${n} session${n === 1 ? '' : 's'} a month`;
