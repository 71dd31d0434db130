/** The Teams app package: rendered from env, validated offline against the official schema. */
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildPackage, checkIcons, renderManifest, validateManifest } from '../../appPackage/build-package';
import { crc32, decodeRgba, pngSize } from '../../appPackage/png';

const dir = path.resolve(__dirname, '../../appPackage');
const template = readFileSync(path.join(dir, 'manifest.json'), 'utf8');
const vars = {
  TEAMS_APP_ID: '00000000-0000-4000-8000-000000000001',
  BOT_ID: '00000000-0000-4000-8000-000000000002',
  AAD_APP_CLIENT_ID: '00000000-0000-4000-8000-000000000003',
  TAB_DOMAIN: 'guildhall.example.com',
  TAB_ENDPOINT: 'https://guildhall.example.com',
  APP_NAME_SUFFIX: '',
};

describe('Teams app package', () => {
  it('builds a valid local package with the manifest and both icons at the root', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'guildhall-pkg-'));
    try {
      const zipPath = await buildPackage({ env: 'local', outDir: out });
      const zip = await JSZip.loadAsync(readFileSync(zipPath));
      expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
      const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
      expect(manifest.configurableTabs[0].context).toEqual(
        expect.arrayContaining(['meetingSidePanel', 'meetingStage', 'channelTab']),
      );
      expect(manifest.webApplicationInfo.resource).toBe('api://localhost:3978/00000000-0000-4000-8000-000000000003');
      expect(manifest.authorization.permissions.resourceSpecific.map((p: { name: string }) => p.name)).toContain(
        'MeetingStage.Write.Chat',
      );
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('accepts the rendered production manifest', async () => {
    expect(await validateManifest(renderManifest(template, vars))).toEqual([]);
  });

  it('reports schema violations (an unknown tab context, a bot id that is not a GUID)', async () => {
    const broken = renderManifest(template, { ...vars, BOT_ID: 'not-a-guid' }) as Record<string, any>;
    broken.configurableTabs[0].context.push('meetingLobby');
    const problems = await validateManifest(broken);
    expect(problems.join('\n')).toMatch(/configurableTabs\/0\/context/);
    expect(problems.join('\n')).toMatch(/bots\/0\/botId/);
  });

  it('reports a bot without an id and a manifest whose $schema disagrees with its version', async () => {
    const broken = renderManifest(template, vars) as Record<string, any>;
    delete broken.bots[0].botId;
    broken.$schema = 'https://developer.microsoft.com/json-schemas/teams/v1.19/MicrosoftTeams.schema.json';
    const problems = (await validateManifest(broken)).join('\n');
    expect(problems).toMatch(/bots\/0.*botId/);
    expect(problems).toMatch(/does not match manifestVersion 1\.22/);
  });

  it('names every missing variable', () => {
    expect(() => renderManifest(template, { ...vars, BOT_ID: undefined, TAB_DOMAIN: '' })).toThrow(
      'Missing values for: BOT_ID, TAB_DOMAIN',
    );
  });

  it('refuses to build a package when an environment value is missing, naming it', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'guildhall-pkg-'));
    try {
      await expect(buildPackage({ env: 'local', outDir: out, overrides: { AAD_APP_CLIENT_ID: '' } })).rejects.toThrow(
        'Missing values for: AAD_APP_CLIENT_ID',
      );
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('asks for the RSC permissions the stage and meeting events need, with their types', () => {
    const rsc = (renderManifest(template, vars) as any).authorization.permissions.resourceSpecific as {
      name: string;
      type: string;
    }[];
    expect(Object.fromEntries(rsc.map((p) => [p.name, p.type]))).toEqual({
      'MeetingStage.Write.Chat': 'Delegated',
      'ChannelMeetingStage.Write.Group': 'Delegated',
      'OnlineMeeting.ReadBasic.Chat': 'Application',
      'OnlineMeetingParticipant.Read.Chat': 'Application',
      'ChannelMeeting.ReadBasic.Group': 'Application',
    });
  });

  it('ships a 192 px colour icon and a 32 px white-on-transparent outline', () => {
    expect(pngSize(readFileSync(path.join(dir, 'color.png')))).toEqual({ width: 192, height: 192 });
    const outline = readFileSync(path.join(dir, 'outline.png'));
    expect(pngSize(outline)).toEqual({ width: 32, height: 32 });
    const pixels = decodeRgba(outline);
    expect(pixels.some(([, , , a]) => a === 255)).toBe(true);
    expect(pixels.some(([, , , a]) => a === 0)).toBe(true);
    expect(pixels.every(([r, g, b, a]) => a === 0 || (r === 255 && g === 255 && b === 255 && a === 255))).toBe(true);
    expect(checkIcons(dir)).toEqual([]);
  });

  it('writes PNG chunks with correct CRC-32s (hand-written, checked against the standard value)', () => {
    expect(crc32(Buffer.from('IEND'))).toBe(0xae426082);
    const png = readFileSync(path.join(dir, 'color.png'));
    for (let o = 8; o < png.length; ) {
      const len = png.readUInt32BE(o);
      expect(png.readUInt32BE(o + 8 + len)).toBe(crc32(png.subarray(o + 4, o + 8 + len)));
      o += 12 + len;
    }
  });
});
