/** The check-in line's rules, shared by the form's counter and its submit. Pure. */
export const CHECK_IN_MAX = 140;

export type CheckInValidation =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly message: string };

/** One line (line breaks and runs of spaces become one space), 1–140 characters after trimming. */
export function normaliseCheckIn(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim();
}

export function validateCheckIn(raw: string): CheckInValidation {
  const text = normaliseCheckIn(raw);
  if (!text) return { ok: false, message: 'Write a few words first.' };
  if (text.length > CHECK_IN_MAX) {
    return { ok: false, message: `Keep it to ${CHECK_IN_MAX} characters (${text.length - CHECK_IN_MAX} too many).` };
  }
  return { ok: true, text };
}

/** "12 / 140" plus whether the counter should warn. */
export function checkInCounter(raw: string): {
  readonly label: string;
  readonly remaining: number;
  readonly over: boolean;
} {
  const used = raw.length;
  return { label: `${used} / ${CHECK_IN_MAX}`, remaining: CHECK_IN_MAX - used, over: used > CHECK_IN_MAX };
}
