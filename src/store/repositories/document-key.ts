/**
 * Teams ids (conversation, activity) inside a document id. Cosmos DB refuses `/`, `\`, `?` and `#`
 * in ids; those (and `%`, so the encoding is reversible) are percent-encoded. Everything else is
 * kept as is, so a stored id stays readable: `activity:19:abc@thread.tacv2:1700000000000`.
 */
export const keyPart = (raw: string): string =>
  raw.replace(/[%/\\?#]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
