/**
 * Checks an Adaptive Card the way a Teams client will read it, against the version we target (1.5):
 * - the Adaptive Cards SDK (`adaptivecards`, the renderer's own parser) parses it for 1.5 and reports
 *   unknown element types and bad enum values (`weight: 'Heavy'`), and its property validation;
 * - what the SDK does not report: a property it does not know is silently dropped, so the card is
 *   serialised back and every property we wrote must still be there (a typo like `wieght` fails);
 * - only element and action types that exist in 1.5 (the SDK would also accept newer ones).
 * No JSON schema file for Adaptive Cards is bundled in node_modules; the SDK is the reference.
 */
import type * as AdaptiveCards from 'adaptivecards';

// The package's ESM build does not load under jest's CommonJS runtime; its UMD bundle has the same API.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC: typeof AdaptiveCards = require('adaptivecards/dist/adaptivecards.js');

export const TARGET_VERSION = '1.5';

const TYPES_IN_1_5 = new Set([
  'AdaptiveCard',
  'TextBlock',
  'Image',
  'Media',
  'RichTextBlock',
  'TextRun',
  'Container',
  'ColumnSet',
  'Column',
  'FactSet',
  'ImageSet',
  'ActionSet',
  'Table',
  'TableRow',
  'TableCell',
  'Input.Text',
  'Input.Number',
  'Input.Date',
  'Input.Time',
  'Input.Toggle',
  'Input.ChoiceSet',
  'Action.OpenUrl',
  'Action.Submit',
  'Action.ShowCard',
  'Action.ToggleVisibility',
  'Action.Execute',
]);

/** Keys whose values are free-form payloads or SDK-normalised, not card properties. */
const FREE_FORM = new Set(['data', '$schema']);

function missingAfterRoundTrip(input: unknown, output: unknown, path: string, out: string[]): void {
  if (Array.isArray(input)) {
    if (!Array.isArray(output)) {
      out.push(`${path}: dropped by the SDK`);
      return;
    }
    input.forEach((v, i) => missingAfterRoundTrip(v, output[i], `${path}[${i}]`, out));
    return;
  }
  if (input && typeof input === 'object') {
    if (!output || typeof output !== 'object') {
      out.push(`${path}: dropped by the SDK`);
      return;
    }
    for (const [k, v] of Object.entries(input)) {
      if (FREE_FORM.has(k)) continue;
      const o = (output as Record<string, unknown>)[k];
      if (o === undefined) out.push(`${path}.${k}: not a ${TARGET_VERSION} property the SDK knows (dropped)`);
      else missingAfterRoundTrip(v, o, `${path}.${k}`, out);
    }
  }
}

function typesIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => typesIn(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string') out.push(o.type);
    for (const [k, v] of Object.entries(o)) if (k !== 'data') typesIn(v, out);
  }
  return out;
}

/** Every problem found; [] for a valid 1.5 card. */
export function adaptiveCardProblems(card: unknown): string[] {
  const problems: string[] = [];
  const c = card as Record<string, unknown>;
  if (c?.type !== 'AdaptiveCard') problems.push('type must be AdaptiveCard');
  if (c?.version !== TARGET_VERSION) problems.push(`version must be ${TARGET_VERSION}, got ${String(c?.version)}`);
  for (const t of typesIn(card))
    if (!TYPES_IN_1_5.has(t)) problems.push(`"${t}" is not an Adaptive Card ${TARGET_VERSION} element or action`);
  const parsed = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, ctx);
  for (let i = 0; i < ctx.eventCount; i++) problems.push(ctx.getEventAt(i).message);
  for (const e of parsed.validateProperties().validationEvents) problems.push(e.message);
  const back = parsed.toJSON(new AC.SerializationContext(AC.Versions.v1_5));
  missingAfterRoundTrip(card, back, 'card', problems);
  return problems;
}
