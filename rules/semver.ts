// Version comparison for mini program releases. TCMPP versions are free text typed by developers, so the parser is
// lenient where it is safe ("v1.2", "1.2" mean 1.2.0) and refuses what it cannot order ("2024-build-7").
// Precedence follows semver 2.0.0: build metadata is ignored, a prerelease sorts before its release.
export interface Semver {
  major: number;
  minor: number;
  patch: number;
  prerelease: (string | number)[];
}

export type SemverBump = 'major' | 'minor' | 'patch' | 'prerelease' | 'same' | 'downgrade' | 'unknown';
export const semverBumps: readonly SemverBump[] = ['major', 'minor', 'patch', 'prerelease', 'same', 'downgrade', 'unknown'];

const versionPattern = /^[vV]?(\d{1,9})(?:\.(\d{1,9}))?(?:\.(\d{1,9}))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/** The version, or null when it is not a version this module can order. */
export function parseSemver(text: unknown): Semver | null {
  if (typeof text !== 'string' || text.length > 128) return null;
  const m = versionPattern.exec(text.trim());
  if (!m) return null;
  const prerelease = m[4] ? m[4].split('.').map((id) => (/^\d+$/.test(id) ? Number(id) : id)) : [];
  return { major: Number(m[1]), minor: Number(m[2] ?? 0), patch: Number(m[3] ?? 0), prerelease };
}

/** Negative when a < b, zero when equal in precedence, positive when a > b. */
export function compareSemver(a: Semver, b: Semver): number {
  for (const key of ['major', 'minor', 'patch'] as const) {
    if (a[key] !== b[key]) return a[key] - b[key];
  }
  if (a.prerelease.length === 0 || b.prerelease.length === 0) {
    return (a.prerelease.length === 0 ? 1 : 0) - (b.prerelease.length === 0 ? 1 : 0);
  }
  const n = Math.max(a.prerelease.length, b.prerelease.length);
  for (let i = 0; i < n; i++) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * How `next` moves from `previous`: the highest part of major.minor.patch that grew; `prerelease` when only the
 * prerelease tag changed (1.3.0-rc.1 to 1.3.0); `same`; `downgrade` when next sorts lower; `unknown` on a first
 * release (previous null) or when either is not an orderable version.
 */
export function semverBump(previous: string | null | undefined, next: string): SemverBump {
  const a = previous == null ? null : parseSemver(previous);
  const b = parseSemver(next);
  if (!a || !b) return 'unknown';
  const order = compareSemver(b, a);
  if (order === 0) return 'same';
  if (order < 0) return 'downgrade';
  if (b.major !== a.major) return 'major';
  if (b.minor !== a.minor) return 'minor';
  if (b.patch !== a.patch) return 'patch';
  return 'prerelease';
}
