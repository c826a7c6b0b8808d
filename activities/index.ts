// Every side effect of release-gate lives in an activity. createActivities takes its dependencies as small
// interfaces, so the worker passes real clients and tests pass real local servers.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- grows as activities are added
export interface ActivityDeps {}

export function createActivities(_deps: ActivityDeps) {
  return {};
}

export type Activities = ReturnType<typeof createActivities>;
