/** Exit codes: 0 success, 1 a run failed, 2 bad usage or configuration. */
export const EXIT = { ok: 0, runFailed: 1, usage: 2 } as const;
