/**
 * The dependency rules (.dependency-cruiser.cjs) are allow-lists: fed a throw-away tree of files,
 * dependency-cruiser refuses a tab file that imports a use case or fluid-framework, teams-js outside
 * the tab's host, a store importing the bot, and a file in an unknown room; it accepts what is allowed.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const repo = path.resolve(__dirname, '../..');
const files: Record<string, string> = {
  'src/domain/topic.ts': 'export const title = (t: string) => t.trim();\n',
  'src/application/use-cases/propose.ts':
    "import { title } from '../../domain/topic';\nexport const propose = (t: string) => title(t);\n",
  'src/live/room.ts': "import { SharedTree } from 'fluid-framework';\nexport const tree = SharedTree;\n",
  'src/api/shapes.ts': "import { z } from 'zod/v4';\nexport const Shape = z.object({ t: z.string() });\n",
  'src/tab/fine.tsx':
    "import { useState } from 'react';\nimport { title } from '../domain/topic';\nimport { tree } from '../live/room';\nimport { Shape } from '../api/shapes';\nexport const all = [useState, title, tree, Shape];\n",
  'src/tab/host/teams.ts': "import { app } from '@microsoft/teams-js';\nexport const host = app;\n",
  'src/tab/sneaky.test.ts':
    "import { propose } from '../application/use-cases/propose';\nimport { SharedTree } from 'fluid-framework';\nexport const x = [propose, SharedTree];\n",
  'src/tab/pages/not-host.ts':
    "import { app } from '@microsoft/teams-js';\nimport { readFileSync } from 'node:fs';\nexport const y = [app, readFileSync];\n",
  'src/bot/cards.ts': 'export const card = 1;\n',
  'src/store/repo.ts': "import { card } from '../bot/cards';\nexport const z = card;\n",
  'src/shared/helpers.ts': "import { title } from '../domain/topic';\nexport const w = title;\n",
};

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string };
}

async function cruise(): Promise<Violation[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'guildhall-deps-'));
  try {
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    const tsconfig = {
      compilerOptions: { module: 'preserve', moduleResolution: 'bundler', jsx: 'react-jsx', strict: true },
      include: ['src'],
    };
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    const bin = path.join(repo, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
    const args = [bin, 'src', '--config', path.join(repo, '.dependency-cruiser.cjs'), '--output-type', 'json'];
    const run = await promisify(execFile)(process.execPath, args, { cwd: dir, maxBuffer: 64 * 1024 * 1024 }).catch(
      (e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }),
    );
    return (JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary.violations;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('dependency rules', () => {
  let violations: Violation[];
  beforeAll(async () => {
    violations = await cruise();
  }, 120_000);
  const of = (from: string) =>
    violations
      .filter((v) => v.from === from)
      .map((v) => `${v.rule.name}: ${v.to.replace(/^.*node_modules\//, '')}`)
      .sort();

  it('refuse a tab file (a test file too) that imports a use case or fluid-framework', () => {
    expect(of('src/tab/sneaky.test.ts')).toEqual([
      expect.stringMatching(/^fluid-only-in-live: fluid-framework\//),
      expect.stringMatching(/^tab-packages-allow-list: fluid-framework\//),
      'tab-room: src/application/use-cases/propose.ts',
    ]);
  });

  it('refuse teams-js outside the tab host, and node builtins in the browser', () => {
    expect(of('src/tab/pages/not-host.ts')).toEqual([
      'tab-packages-allow-list: fs',
      expect.stringMatching(/^teams-js-only-in-tab-host: @microsoft\/teams-js\//),
    ]);
  });

  it('refuse an adapter importing another adapter, and a file in a room nobody declared', () => {
    expect(of('src/store/repo.ts')).toEqual(['store-room: src/bot/cards.ts']);
    expect(of('src/shared/helpers.ts')).toEqual(['src-has-known-rooms: src/domain/topic.ts']);
  });

  it('accept what each room is allowed', () => {
    for (const ok of [
      'src/tab/fine.tsx',
      'src/tab/host/teams.ts',
      'src/live/room.ts',
      'src/api/shapes.ts',
      'src/application/use-cases/propose.ts',
    ]) {
      expect({ file: ok, violations: of(ok) }).toEqual({ file: ok, violations: [] });
    }
  });
});
