/**
 * The meeting schema on an independent tree view (no service), and its evolution rules: the shipped
 * schema snapshots in ./schema-snapshots must stay viewable, and a "next version" that adds an
 * optional field must work both ways (old app on a new document, new app on an old document).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { TreeViewConfiguration } from 'fluid-framework';
import {
  checkCompatibility,
  exportCompatibilitySchemaSnapshot,
  importCompatibilitySchemaSnapshot,
  independentView,
} from 'fluid-framework/alpha';
import { SchemaFactoryBeta } from 'fluid-framework/beta';
import {
  CheckIns,
  initialMeeting,
  meetingTreeConfig,
  SessionRun,
  ThirtyFiveGame,
} from '../../../src/live/meeting-schema';

const snapshotsDir = path.join(__dirname, 'schema-snapshots');
const snapshotFiles = readdirSync(snapshotsDir)
  .filter((f) => /^meeting-v\d+\.json$/.test(f))
  .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));

describe('meeting schema', () => {
  it('initialises a fresh meeting in the lobby with no check-ins', () => {
    const view = independentView(meetingTreeConfig);
    expect(view.compatibility.canInitialize).toBe(true);
    view.initialize(initialMeeting());
    expect(view.compatibility.canView).toBe(true);
    expect(view.root.phase).toBe('lobby');
    expect(view.root.checkIns.size).toBe(0);
    expect(view.root.checkIns).toBeInstanceOf(CheckIns);
    view.dispose();
  });

  it('matches the newest shipped schema snapshot (add meeting-vN+1.json when the schema changes)', () => {
    expect(snapshotFiles.length).toBeGreaterThan(0);
    const newest = JSON.parse(readFileSync(path.join(snapshotsDir, snapshotFiles.at(-1)!), 'utf8'));
    // On a deliberate change: check the compatibility tests below, then save the export as the next file.
    expect(exportCompatibilitySchemaSnapshot(meetingTreeConfig)).toEqual(newest);
  });

  it.each(snapshotFiles)('can open (or upgrade once) a document made with %s', (file) => {
    const old = importCompatibilitySchemaSnapshot(JSON.parse(readFileSync(path.join(snapshotsDir, file), 'utf8')));
    const status = checkCompatibility(old, meetingTreeConfig);
    expect(status.canView || status.canUpgrade).toBe(true);
  });

  describe('growing it with an optional field (a stand-in for the next issue)', () => {
    // The current schema (its own classes) plus one optional field of a new type.
    const sf = new SchemaFactoryBeta('guildhall.meeting');
    const growable = { allowUnknownOptionalFields: true } as const;
    class LeanCoffee extends sf.object('LeanCoffeeNext', { topic: sf.string }, growable) {}
    class MeetingNext extends sf.object(
      'Meeting',
      {
        phase: sf.string,
        checkIns: CheckIns,
        thirtyFive: sf.optional(ThirtyFiveGame),
        sessionRun: sf.optional(SessionRun),
        leanCoffee: sf.optional(LeanCoffee),
      },
      growable,
    ) {}
    const nextConfig = new TreeViewConfiguration({ schema: MeetingNext });

    it('the next app upgrades a document made by this one (once), and can then view it', () => {
      const status = checkCompatibility(meetingTreeConfig, nextConfig);
      expect(status).toMatchObject({ canView: false, canUpgrade: true });
    });

    it('this app can still view a document the next app has upgraded', () => {
      const status = checkCompatibility(nextConfig, meetingTreeConfig);
      expect(status.canView).toBe(true);
    });
  });

  it('a required new field would break old documents (the rule the comment in meeting-schema.ts states)', () => {
    const sf = new SchemaFactoryBeta('guildhall.meeting');
    class CheckInX extends sf.object('CheckIn', { displayName: sf.string, text: sf.string, at: sf.string }) {}
    class CheckInsX extends sf.map('CheckIns', CheckInX) {}
    class MeetingX extends sf.object('Meeting', { phase: sf.string, checkIns: CheckInsX, round: sf.number }) {}
    const status = checkCompatibility(meetingTreeConfig, new TreeViewConfiguration({ schema: MeetingX }));
    expect(status.canView || status.canUpgrade).toBe(false);
  });
});
