/**
 * A session as an iCalendar file (RFC 5545), pure: one VCALENDAR with one VEVENT. Lines end in
 * CRLF and are folded at 75 octets (UTF-8, never inside a character); TEXT values are escaped
 * (backslash, semicolon, comma, newline); times are UTC ("…Z").
 */

export interface CalendarEvent {
  /** Globally unique and stable for the session, so a second import updates the same event. */
  readonly uid: string;
  readonly start: Date;
  readonly end: Date;
  /** When the file was made (DTSTAMP). */
  readonly stamp: Date;
  readonly summary: string;
  readonly description: string;
  /** An absolute URI (the meeting link); not escaped, only folded. */
  readonly url?: string;
  readonly location?: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** 2026-12-03T15:00:00.000Z → 20261203T150000Z */
export function icsUtc(d: Date): string {
  if (Number.isNaN(d.getTime())) throw new Error('BUG: not a date');
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** TEXT escaping (RFC 5545 3.3.11): \ ; , and line breaks. */
export function escapeIcsText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();
const octets = (s: string) => encoder.encode(s).length;

/**
 * Folds one content line (RFC 5545 3.1): at most 75 octets per physical line, continuation lines
 * start with one space (which counts towards their 75). Splits between characters, never inside one.
 */
export function foldIcsLine(line: string): string {
  if (octets(line) <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const n = octets(ch);
    if (size + n > limit) {
      parts.push(current);
      current = ' ';
      size = 1;
      limit = 75;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n');
}

/** The whole file, CRLF line endings, ending with a CRLF. */
export function buildIcs(event: CalendarEvent, prodId = '-//Guildhall//Community of Practice sessions//EN'): string {
  if (event.end.getTime() <= event.start.getTime()) throw new Error('BUG: a calendar event must end after it starts');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${prodId}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${icsUtc(event.stamp)}`,
    `DTSTART:${icsUtc(event.start)}`,
    `DTEND:${icsUtc(event.end)}`,
    `SUMMARY:${escapeIcsText(event.summary)}`,
    `DESCRIPTION:${escapeIcsText(event.description)}`,
    ...(event.location ? [`LOCATION:${escapeIcsText(event.location)}`] : []),
    ...(event.url ? [`URL:${event.url}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
}
