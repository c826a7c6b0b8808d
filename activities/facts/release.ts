// The release facts: which version is live now, and how the requested one differs from it.
import { semverBump, type ReleaseFact } from '../../rules/facts.js';
import { compareSemver, parseSemver } from '../../rules/semver.js';
import type { QueryOnlineVersionResp } from '../../tcmpp/types.js';

/**
 * The previous release is the most recently updated released version other than the requested one; when the
 * history has no usable times, the highest version. TCMPP returns the history newest first, but that is not
 * documented, so it is not relied on.
 */
export function releaseFacts(version: string, versionId: number | undefined, history: readonly QueryOnlineVersionResp[]): ReleaseFact {
  const others = history.filter((v) => v.MNPVersion && !(v.MNPVersion === version && (versionId === undefined || v.MNPVersionId === versionId)));
  const byTime = others.filter((v) => v.UpdateTime).sort((a, b) => String(b.UpdateTime).localeCompare(String(a.UpdateTime)));
  const bySemver = others
    .map((v) => ({ v, parsed: parseSemver(v.MNPVersion) }))
    .filter((x) => x.parsed !== null)
    .sort((a, b) => compareSemver(b.parsed!, a.parsed!));
  const previous = byTime[0]?.MNPVersion ?? bySemver[0]?.v.MNPVersion ?? others[0]?.MNPVersion ?? null;
  return {
    version,
    versionId: versionId ?? null,
    previousVersion: previous,
    firstRelease: others.length === 0,
    bump: semverBump(previous, version),
    prerelease: parseSemver(version)?.prerelease.length ? true : false,
    releasedVersionCount: others.length,
  };
}
