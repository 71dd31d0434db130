/**
 * Text a person wrote (a topic title, a description, a reason, a name, a session title), made safe
 * for an Adaptive Card TextBlock or FactSet and for a bot message: Teams renders a Markdown subset
 * there (emphasis, links, lists, headings), so `[Click here](https://phish.example)` would show as a
 * link. Every sign that would start Markdown is escaped with a backslash, so the text shows literally;
 * signs that mean nothing on their own (`(`, `!`, a `-` inside a line) are left as typed. Pure.
 *
 * Everywhere: `\` `` ` `` `*` `_` `~` `[` `]` (links, images, emphasis, code), `<` (autolinks, HTML),
 * `&` (entities), and `{{` (the card's DATE/TIME functions). At the start of a line, where they would
 * make a heading, a quote or a list: `#`, `>`, `-`, `+`, `=`, and a number followed by `.` or `)`.
 * (Adaptive Cards have no code blocks, so indentation is left alone.)
 */
const INLINE = /[\\`*_~[\]<&]/g;
const LINE_START = /^([ \t]*)([#>+=-]|\d+(?=[.)]))/gm;

export function cardText(text: string): string {
  return text
    .replace(INLINE, (c) => `\\${c}`)
    .replace(/\{\{/g, '{\\{')
    .replace(LINE_START, (_m, space: string, sign: string) =>
      /^\d/.test(sign) ? `${space}${sign}\\` : `${space}\\${sign}`,
    );
}
