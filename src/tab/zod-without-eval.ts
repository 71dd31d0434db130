/**
 * Imported FIRST by main.tsx. zod v4 compiles object parsers with `new Function` when it may, and
 * probes for that with `Function('')` when an object schema is built. The tab runs under a CSP
 * without 'unsafe-eval' (src/server/http/security-headers.ts): the probe is refused and reported as
 * a violation. jitless skips the probe; parsing stays correct (a little slower; the tab parses little).
 */
import { z } from 'zod/v4';

z.config({ jitless: true });
