/** Field names cannot be bound as parameters, so both drivers accept only plain identifiers. */
const FIELD = /^[A-Za-z][A-Za-z0-9]*$/;

export function assertField(name: string): string {
  if (!FIELD.test(name)) throw new Error(`Refused query on field '${name}': only plain field names are allowed.`);
  return name;
}
