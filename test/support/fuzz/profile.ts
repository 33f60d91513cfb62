import { createHash, randomInt } from 'node:crypto';

/**
 * How big a run is. CI: a fixed seed (deterministic), a few hundred requests per handler.
 * Nightly (FUZZ_PROFILE=nightly, `npm run fuzz`): a random seed, printed for replay, and
 * several times the requests. FUZZ_SEED replays a run; FUZZ_ONLY (a substring or /regex/ of
 * "operationId VERB /path") narrows it to some handlers; FUZZ_RUNS overrides the per-handler count,
 * FUZZ_CONCURRENCY the requests in flight; FUZZ_DEBUG=1 adds the slowest handlers and requests to the summary.
 */
export interface FuzzProfile {
  name: 'ci' | 'nightly';
  seed: number;
  /** Generated requests per handler in the main run (spread over its versions and aliases). */
  runsPerHandler: number;
  /** Requests in flight at once in the main run. */
  concurrency: number;
  /** Requests per write handler in the sequential data-unchanged run. */
  refusalRunsPerHandler: number;
  /** Raw (unparseable) HTTP requests over a real socket. */
  rawRuns: number;
  only: ((key: string) => boolean) | undefined;
}

const CI_SEED = 20261203;

export function fuzzProfile(env: NodeJS.ProcessEnv = process.env): FuzzProfile {
  const nightly = env.FUZZ_PROFILE === 'nightly';
  const seed = env.FUZZ_SEED !== undefined ? Number(env.FUZZ_SEED) : nightly ? randomInt(0, 2 ** 31 - 1) : CI_SEED;
  if (!Number.isSafeInteger(seed)) throw new Error(`FUZZ_SEED must be an integer, got ${env.FUZZ_SEED}`);
  const runs = env.FUZZ_RUNS !== undefined ? Number(env.FUZZ_RUNS) : undefined;
  if (runs !== undefined && !(Number.isSafeInteger(runs) && runs > 0)) throw new Error(`FUZZ_RUNS must be a positive integer, got ${env.FUZZ_RUNS}`);
  const only = env.FUZZ_ONLY;
  return {
    name: nightly ? 'nightly' : 'ci',
    seed,
    runsPerHandler: runs ?? (nightly ? 500 : 200),
    concurrency: env.FUZZ_CONCURRENCY !== undefined ? Number(env.FUZZ_CONCURRENCY) : 16,
    refusalRunsPerHandler: nightly ? 30 : 8,
    rawRuns: nightly ? 1_000 : 200,
    only:
      only === undefined ? undefined : only.startsWith('/') ? (key) => new RegExp(only.slice(1, only.lastIndexOf('/'))).test(key) : (key) => key.includes(only),
  };
}

/** A handler's own seed: stable whatever other handlers are selected, so FUZZ_ONLY replays it. */
export function seedFor(profileSeed: number, key: string): number {
  return createHash('sha256').update(`${profileSeed} ${key}`).digest().readInt32BE(0);
}
