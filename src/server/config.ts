/**
 * Server configuration, parsed once at start-up from the environment (env files hold no secrets).
 * A missing or bad value stops start-up with ONE message that lists every problem.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod/v4';

const port = (name: string, dflt: number) =>
  z.coerce
    .number({ error: `${name} must be a port number` })
    .int({ error: `${name} must be a whole number` })
    .min(0, { error: `${name} must be 0–65535` })
    .max(65535, { error: `${name} must be 0–65535` })
    .default(dflt);
const count = (name: string, dflt: number, min: number) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .int({ error: `${name} must be a whole number` })
    .min(min, { error: `${name} must be ${min} or more` })
    .default(dflt);
const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

/**
 * DEVELOPMENT ONLY: with AUTH_MODE=dev and no ICS_LINK_SECRET, the calendar links are signed with a
 * random secret made once per install and kept in this file under DATA_DIR (gitignored), so links
 * survive restarts and no two installs share a published constant. ICS_LINK_SECRET is required otherwise.
 */
export const DEV_ICS_SECRET_FILE = 'ics-link-secret';

/** Reads the install's dev calendar-link secret, creating it (random, 0600) on first use. */
export function devIcsLinkSecret(dataDir: string): string {
  const file = path.join(dataDir, DEV_ICS_SECRET_FILE);
  const read = () => readFileSync(file, 'utf8').trim();
  try {
    return read();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    // Another process made it first: use theirs.
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  return read();
}

/** Where dev identities may listen: this machine only. */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;

/** Development-only Fluid key: the local service does not check signatures. Never used in azure mode. */
export const LOCAL_FLUID_KEY = 'local-dev-key-not-a-secret';

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  AUTH_MODE: z.enum(['dev', 'sso'], { error: 'AUTH_MODE must be dev or sso' }).default('sso'),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: port('PORT', 3978),
  PUBLIC_URL: optionalText.pipe(z.url({ error: 'PUBLIC_URL must be a URL' }).optional()),
  TAB_DIST: z.string().trim().min(1).default('dist/tab'),
  STORE_KIND: z.enum(['embedded', 'cosmos'], { error: 'STORE_KIND must be embedded or cosmos' }).default('embedded'),
  DATA_DIR: z.string().trim().min(1).default('.data'),
  COSMOS_ENDPOINT: optionalText.pipe(z.url({ error: 'COSMOS_ENDPOINT must be a URL' }).optional()),
  COSMOS_KEY: optionalText,
  COSMOS_DATABASE: z.string().trim().min(1).default('guildhall'),
  FLUID_MODE: z.enum(['local', 'azure'], { error: 'FLUID_MODE must be local or azure' }).default('local'),
  FLUID_ENDPOINT: z.url({ error: 'FLUID_ENDPOINT must be a URL' }).default('http://127.0.0.1:7070'),
  FLUID_TENANT_ID: optionalText,
  FLUID_TENANT_KEY: optionalText,
  BOT_ID: optionalText,
  BOT_PASSWORD: optionalText,
  BOT_TENANT_ID: optionalText,
  AAD_APP_CLIENT_ID: optionalText,
  AAD_APP_TENANT_ID: optionalText,
  TAB_DOMAIN: optionalText,
  ICS_LINK_SECRET: optionalText.pipe(
    z.string().min(32, { error: 'ICS_LINK_SECRET must be at least 32 characters' }).optional(),
  ),
  RATE_LIMIT_WINDOW_SECONDS: count('RATE_LIMIT_WINDOW_SECONDS', 60, 1),
  RATE_LIMIT_PER_IP: count('RATE_LIMIT_PER_IP', 3000, 1),
  RATE_LIMIT_PER_USER: count('RATE_LIMIT_PER_USER', 600, 1),
  TRUST_PROXY: count('TRUST_PROXY', 0, 0),
  REMINDER_INTERVAL_SECONDS: z.coerce
    .number({ error: 'REMINDER_INTERVAL_SECONDS must be a number of seconds' })
    .int({ error: 'REMINDER_INTERVAL_SECONDS must be a whole number' })
    .min(0, { error: 'REMINDER_INTERVAL_SECONDS must be 0 (off) or more' })
    .default(60),
});

/**
 * Rules across settings. Run on the raw values, beside the per-field schema, so that one bad field
 * does not hide the others: start-up reports every problem at once.
 */
function crossFieldProblems(raw: Readonly<Record<string, string | undefined>>): string[] {
  const v = (k: string) => {
    const s = raw[k]?.trim();
    return s ? s : undefined;
  };
  const problems: string[] = [];
  const need = (missing: boolean, name: string, why: string) => {
    if (missing) problems.push(`${name}: ${why}`);
  };
  const authMode = v('AUTH_MODE') ?? 'sso';
  if (authMode === 'dev') {
    const refuse = (when: boolean, why: string) =>
      need(when, 'AUTH_MODE', `dev identities are refused ${why}; use AUTH_MODE=sso`);
    refuse(v('NODE_ENV') === 'production', 'when NODE_ENV=production');
    const host = v('HOST') ?? '127.0.0.1';
    refuse(!LOOPBACK.test(host), `when the server listens beyond this machine (HOST=${host}; use 127.0.0.1)`);
    refuse(v('STORE_KIND') === 'cosmos', 'with STORE_KIND=cosmos (a real Cosmos DB record)');
    refuse(v('FLUID_MODE') === 'azure', 'with FLUID_MODE=azure (a real Azure Fluid Relay)');
  } else if (authMode === 'sso') {
    need(
      !v('AAD_APP_CLIENT_ID'),
      'AAD_APP_CLIENT_ID',
      'required with AUTH_MODE=sso (the Entra app that Teams SSO tokens are issued for)',
    );
    need(
      !v('TAB_DOMAIN'),
      'TAB_DOMAIN',
      'required with AUTH_MODE=sso (the domain in the Application ID URI api://<domain>/<client id>)',
    );
    need(
      !v('BOT_ID'),
      'BOT_ID',
      'required with AUTH_MODE=sso: the bot endpoint must authenticate Bot Framework requests',
    );
    need(!v('BOT_PASSWORD'), 'BOT_PASSWORD', 'required with AUTH_MODE=sso');
    need(
      !v('ICS_LINK_SECRET'),
      'ICS_LINK_SECRET',
      'required with AUTH_MODE=sso: it signs the calendar links of invitation cards (32+ characters, from Key Vault)',
    );
  }
  if (v('STORE_KIND') === 'cosmos') need(!v('COSMOS_ENDPOINT'), 'COSMOS_ENDPOINT', 'required with STORE_KIND=cosmos');
  if (v('FLUID_MODE') === 'azure') {
    need(!v('FLUID_TENANT_ID'), 'FLUID_TENANT_ID', 'required with FLUID_MODE=azure (the Azure Fluid Relay tenant id)');
    need(
      !v('FLUID_TENANT_KEY'),
      'FLUID_TENANT_KEY',
      'required with FLUID_MODE=azure (from Key Vault, never committed)',
    );
  }
  return problems;
}

export interface ServerConfig {
  readonly env: 'development' | 'production' | 'test';
  readonly authMode: 'dev' | 'sso';
  readonly host: string;
  readonly port: number;
  readonly publicUrl: string;
  readonly tabDist: string;
  readonly store:
    | { readonly kind: 'embedded'; readonly path: string }
    | { readonly kind: 'cosmos'; readonly endpoint: string; readonly key?: string; readonly database: string };
  readonly fluid: {
    readonly mode: 'local' | 'azure';
    readonly endpoint: string;
    readonly tenantId: string;
    readonly tenantKey: string;
  };
  readonly bot: { readonly id?: string; readonly password?: string; readonly tenantId?: string };
  readonly sso?: { readonly clientId: string; readonly tabDomain: string; readonly tenantId?: string };
  /** Signs the calendar links of invitation cards (HMAC-SHA256; docs/adr/0014-signed-calendar-links.md). */
  readonly icsLinkSecret: string;
  /** How often the server looks for due reminders; 0 = never (tests call sendDueReminders themselves). */
  readonly reminders: { readonly intervalMs: number };
  /** Requests per window: per client IP before authentication, per identity after it. */
  readonly rateLimit: { readonly windowMs: number; readonly perIp: number; readonly perUser: number };
  /** Proxy hops in front of the server whose X-Forwarded-For is believed (0: none; 1 behind Azure's front end). */
  readonly trustProxy: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Guildhall cannot start; fix the configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parse the environment once. Throws ConfigError listing every problem. In dev mode without
 * ICS_LINK_SECRET, `devSecret` gives the install's own secret (by default kept under DATA_DIR).
 */
export function parseConfig(
  source: Readonly<Record<string, string | undefined>>,
  devSecret: (dataDir: string) => string = devIcsLinkSecret,
): ServerConfig {
  const parsed = EnvSchema.safeParse(source);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`)),
    ...crossFieldProblems(source),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    authMode: e.AUTH_MODE,
    host: e.HOST,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`,
    tabDist: e.TAB_DIST,
    store:
      e.STORE_KIND === 'cosmos'
        ? {
            kind: 'cosmos',
            endpoint: e.COSMOS_ENDPOINT!,
            ...(e.COSMOS_KEY ? { key: e.COSMOS_KEY } : {}),
            database: e.COSMOS_DATABASE,
          }
        : { kind: 'embedded', path: `${e.DATA_DIR.replace(/\/$/, '')}/guildhall.sqlite` },
    fluid: {
      mode: e.FLUID_MODE,
      endpoint: e.FLUID_ENDPOINT,
      tenantId: e.FLUID_TENANT_ID ?? 'local',
      tenantKey: e.FLUID_TENANT_KEY ?? LOCAL_FLUID_KEY,
    },
    bot: {
      ...(e.BOT_ID ? { id: e.BOT_ID } : {}),
      ...(e.BOT_PASSWORD ? { password: e.BOT_PASSWORD } : {}),
      ...(e.BOT_TENANT_ID ? { tenantId: e.BOT_TENANT_ID } : {}),
    },
    icsLinkSecret: e.ICS_LINK_SECRET ?? devSecret(e.DATA_DIR),
    reminders: { intervalMs: e.REMINDER_INTERVAL_SECONDS * 1000 },
    rateLimit: {
      windowMs: e.RATE_LIMIT_WINDOW_SECONDS * 1000,
      perIp: e.RATE_LIMIT_PER_IP,
      perUser: e.RATE_LIMIT_PER_USER,
    },
    trustProxy: e.TRUST_PROXY,
    ...(e.AUTH_MODE === 'sso'
      ? {
          sso: {
            clientId: e.AAD_APP_CLIENT_ID!,
            tabDomain: e.TAB_DOMAIN!,
            ...(e.AAD_APP_TENANT_ID ? { tenantId: e.AAD_APP_TENANT_ID } : {}),
          },
        }
      : {}),
  };
}
