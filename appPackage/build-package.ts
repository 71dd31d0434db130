/**
 * Builds the Teams app package: renders appPackage/manifest.json from env/.env.<env> (+ process.env),
 * validates it OFFLINE against the official Teams manifest JSON schema bundled in
 * @microsoft/app-manifest, checks the icons, and writes appPackage/build/appPackage.<env>.zip.
 *   npx tsx appPackage/build-package.ts [--env local|dev] [--out <dir>]
 */
import { AppManifestUtils } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeRgba, pngSize } from './png';

const HERE = __dirname;
const ROOT = path.resolve(HERE, '..');

/** The schema version the template targets (manifestVersion). */
export function schemaFor(manifestVersion: string): object {
  const file = require.resolve(
    `@microsoft/app-manifest/build/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.schema.json`,
    { paths: [ROOT] },
  );
  return JSON.parse(readFileSync(file, 'utf8')) as object;
}

export function readEnvFile(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(file)) throw new Error(`No env file ${path.relative(ROOT, file)}.`);
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (m && !line.trimStart().startsWith('#')) out[m[1]!] = m[2]!;
  }
  return out;
}

/** Variables that may be empty (the production app has no name suffix). */
const MAY_BE_EMPTY = new Set(['APP_NAME_SUFFIX']);

/** Substitutes every ${{VAR}}; a missing (or empty) one is an error naming all of them. */
export function renderManifest(template: string, vars: Readonly<Record<string, string | undefined>>): object {
  const missing = new Set<string>();
  const rendered = template.replace(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g, (_, name: string) => {
    const v = vars[name];
    if (v === undefined || (v === '' && !MAY_BE_EMPTY.has(name))) {
      missing.add(name);
      return '';
    }
    return JSON.stringify(v).slice(1, -1);
  });
  if (missing.size) throw new Error(`Missing values for: ${[...missing].sort().join(', ')}`);
  return JSON.parse(rendered) as object;
}

/** Schema problems of a rendered manifest (empty when valid). */
export async function validateManifest(manifest: object): Promise<string[]> {
  const version = (manifest as { manifestVersion?: unknown }).manifestVersion;
  if (typeof version !== 'string') return ['manifestVersion is missing'];
  const problems: string[] = [];
  const declared = (manifest as { $schema?: unknown }).$schema;
  if (typeof declared === 'string' && !declared.includes(`/v${version}/`)) {
    problems.push(`$schema (${declared}) does not match manifestVersion ${version}`);
  }
  let schema: object;
  try {
    schema = schemaFor(version);
  } catch {
    return [...problems, `manifestVersion ${version} has no schema bundled in @microsoft/app-manifest`];
  }
  // The schema is passed in, so nothing is fetched: validation works offline.
  return [...problems, ...(await AppManifestUtils.validateAgainstSchema(manifest as never, schema as never))];
}

export function checkIcons(dir: string): string[] {
  const problems: string[] = [];
  const color = readFileSync(path.join(dir, 'color.png'));
  const outline = readFileSync(path.join(dir, 'outline.png'));
  const c = pngSize(color);
  const o = pngSize(outline);
  if (c.width !== 192 || c.height !== 192) problems.push(`color.png must be 192×192 (is ${c.width}×${c.height})`);
  if (o.width !== 32 || o.height !== 32) problems.push(`outline.png must be 32×32 (is ${o.width}×${o.height})`);
  const off = decodeRgba(outline).filter(([r, g, b, a]) => a !== 0 && !(r === 255 && g === 255 && b === 255));
  if (off.length) problems.push(`outline.png must be white on transparent (${off.length} other pixels)`);
  return problems;
}

export async function buildPackage(opts: {
  env: string;
  outDir?: string;
  overrides?: Record<string, string | undefined>;
}): Promise<string> {
  const vars = { ...readEnvFile(path.join(ROOT, 'env', `.env.${opts.env}`)), ...(opts.overrides ?? {}) };
  let manifest: object;
  try {
    manifest = renderManifest(readFileSync(path.join(HERE, 'manifest.json'), 'utf8'), vars);
  } catch (e) {
    throw new Error(`${(e as Error).message} (set them in env/.env.${opts.env} or the environment)`);
  }
  const problems = [...(await validateManifest(manifest)), ...checkIcons(HERE)];
  if (problems.length)
    throw new Error(`The Teams app package is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(manifest, null, 2));
  zip.file('color.png', readFileSync(path.join(HERE, 'color.png')));
  zip.file('outline.png', readFileSync(path.join(HERE, 'outline.png')));
  const outDir = opts.outDir ?? path.join(HERE, 'build');
  mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, `appPackage.${opts.env}.zip`);
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return out;
}

if (require.main === module) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const env = arg('--env') ?? 'local';
  const outDir = arg('--out');
  const overrides = Object.fromEntries(Object.entries(process.env).filter(([k]) => /^[A-Z0-9_]+$/.test(k)));
  buildPackage({ env, ...(outDir ? { outDir } : {}), overrides: pick(overrides) }).then(
    (out) => console.log(`Valid Teams app package: ${path.relative(process.cwd(), out)}`),
    (e: Error) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}

/** Only the manifest's own variables may be overridden from the environment. */
function pick(env: Record<string, string | undefined>): Record<string, string | undefined> {
  const names = new Set(
    [...readFileSync(path.join(HERE, 'manifest.json'), 'utf8').matchAll(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g)].map(
      (m) => m[1]!,
    ),
  );
  return Object.fromEntries(Object.entries(env).filter(([k]) => names.has(k)));
}
