import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FixtureError, loadFixtures } from './fixtures.js';

const semver = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

describe('the default fixture', () => {
  const fixtures = loadFixtures();
  const main = fixtures.Platforms.find((p) => p.PlatformId === 'T04257DS9431720WTAG')!;

  it("holds the API page's example approval", () => {
    expect(main.Approvals.find((a) => a.ApprovalNo === 'aud4u4c07kp6rxiobb')).toMatchObject({ ApplicationId: 'app-cc6g35711m', ApprovalStatus: 1 });
  });

  it('holds a realistic mix for policy authors', () => {
    const processing = main.Approvals.filter((a) => a.ApprovalStatus === 1);
    expect(processing.length).toBeGreaterThanOrEqual(12);
    expect(main.Approvals.filter((a) => a.ApprovalStatus !== 1).map((a) => a.ApprovalStatus).sort()).toEqual(expect.arrayContaining([2, 3, 4]));
    for (const a of main.Approvals) expect(a.MNPVersion, a.ApprovalNo).toMatch(semver);
    const mnps = new Map(main.MiniPrograms.map((m) => [m.MNPId, m]));
    expect(main.MiniPrograms.some((m) => m.Status === 2)).toBe(true); // a removed mini program
    expect(processing.some((a) => mnps.get(a.MNPId)!.ReleasedVersions.length === 0)).toBe(true); // a first release
    expect(main.MiniPrograms.filter((m) => m.ReleasedVersions.length >= 3).length).toBeGreaterThanOrEqual(3);
    expect(main.SensitiveAPIApprovals.filter((s) => s.ApprovalStatus === 1).length).toBeGreaterThanOrEqual(2);
    const expired = fixtures.Platforms.filter((p) => new Date(p.PlanExpireTime) < new Date());
    expect(expired).toHaveLength(1);
    expect(expired[0]!.Approvals.length).toBeGreaterThan(0);
  });
});

describe('loadFixtures', () => {
  const minimal = () => ({
    Platforms: [{
      PlatformId: 'P1', PlatformName: 'One', PlanExpireTime: '2030-01-01T00:00:00Z',
      Teams: [{ TeamId: 't1', TeamName: 'Team' }],
      Applications: [{ ApplicationId: 'a1', ApplicationName: 'App' }],
      MiniPrograms: [{ MNPId: 'm1', MNPName: 'Mini', CreateTime: 1, TeamId: 't1', ApplicationIds: ['a1'] }],
      Approvals: [{ ApprovalNo: 'aud1', ApplicationId: 'a1', MNPId: 'm1', MNPVersion: '1.0.0', MNPVersionId: 1, ApplyUser: 'u', ApplyTime: '2026-01-01 00:00:00' }],
    }],
  });

  it('accepts a minimal fixture and fills in defaults', () => {
    const f = loadFixtures(minimal());
    expect(f.Platforms[0]!.Approvals[0]!.ApprovalStatus).toBe(1);
    expect(f.Platforms[0]!.MiniPrograms[0]!.ReleasedVersions).toEqual([]);
  });

  it('names the path of a bad reference or a bad value', () => {
    const bad = minimal();
    bad.Platforms[0]!.Approvals[0]!.MNPId = 'm404';
    bad.Platforms[0]!.Approvals[0]!.ApplyTime = 'yesterday';
    const err = (() => { try { loadFixtures(bad); } catch (e) { return e as FixtureError; } })()!;
    expect(err).toBeInstanceOf(FixtureError);
    expect(err.problems.join('\n')).toMatch(/Platforms\.0\.Approvals\.0\.ApplyTime: must be "YYYY-MM-DD HH:mm:ss"/);
    const ref = minimal();
    ref.Platforms[0]!.Approvals[0]!.MNPId = 'm404';
    expect(() => loadFixtures(ref)).toThrow(/Platforms\.0\.Approvals\.0\.MNPId: no mini program m404/);
  });

  it('says which file cannot be read or parsed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fixtures-'));
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ not json');
    expect(() => loadFixtures(file)).toThrow(new RegExp(`${file}[\\s\\S]*not JSON`));
    expect(() => loadFixtures(join(dir, 'missing.json'))).toThrow(/missing\.json[\s\S]*cannot read the file/);
  });
});
