import { loadConfig } from './app-config';
import { ENV_FILE_VARIABLE } from './env-file';
import type { Env } from './env-parsers';

/**
 * The OBP props keys this server reads, each through its environment twin
 * (`OBP_` + the key upper-cased, dots as `_`: `max.bad.login.attempts` -> OBP_MAX_BAD_LOGIN_ATTEMPTS).
 * Every other OBP props key is ignored (and warned about when set as OBP_*). The remaining OBP_*
 * settings (obpOwnSettings) are this server's own. The README lists exactly these keys (a unit test checks it).
 */
export const OBP_PROPS_KEYS = [
  'hostname',
  'local_identity_provider',
  'portal_hostname',
  'connector',
  'hosted_by.organisation',
  'hosted_by.email',
  'hosted_by.phone',
  'organisation_website',
  'hosted_at.organisation',
  'hosted_at.organisation_website',
  'energy_source.organisation',
  'energy_source.organisation_website',
  'resource_docs_requires_role',
  'allow_customer_firehose',
  'allow_account_firehose',
  'allow_firehose_views',
  'allow_public_views',
  'allow_sandbox_data_import',
  'consumers_enabled_by_default',
  'require_scopes_for_all_roles',
  'require_scopes',
  'require_scopes_for_listed_roles',
  'allow_entitlements_or_scopes',
  'use_consumer_limits',
  'user_consumer_limit_anonymous_access',
  'rate_limiting.exclude_endpoints',
  'token_expiration_weeks',
  'max.bad.login.attempts',
  'super_admin_user_ids',
  'user_account_validated',
  'oauth2.jwk_set.url',
  'glossary_requires_role',
  'featured_api_collection_ids',
  'apiOptions.getBranchesIsPublic',
  'apiOptions.getAtmsIsPublic',
  'apiOptions.getProductsIsPublic',
] as const;

/** An OBP props key's environment twin. */
export function envTwin(propsKey: string): string {
  return `OBP_${propsKey.toUpperCase().replace(/\./g, '_')}`;
}

/** OBP_* settings that are no OBP props key (this server's own: secrets, caches, bootstrap, OIDC issuer/audience...). */
export function obpOwnSettings(): string[] {
  const twins = new Set<string>(OBP_PROPS_KEYS.map(envTwin));
  return configEnvNames().filter((name) => name.startsWith('OBP_') && !twins.has(name));
}

let cachedNames: readonly string[] | undefined;

/**
 * Every environment variable the configuration reads, found by running loadConfig on an empty
 * environment that records each name asked for (loadConfig reads every name on every path).
 * The list .env.example, the README and the unknown-setting warning are checked against.
 */
export function configEnvNames(): readonly string[] {
  if (!cachedNames) {
    const names = new Set<string>([ENV_FILE_VARIABLE]);
    const recorder = new Proxy<Env>(
      {},
      {
        get(_target, name) {
          if (typeof name === 'string') names.add(name);
          return undefined;
        },
      },
    );
    loadConfig(recorder);
    cachedNames = [...names].sort();
  }
  return cachedNames;
}

/** Variables the test harness sets for its own processes (e.g. OBP_TEST_EMBEDDED_DATABASE): not settings, not warned about. */
const TEST_HARNESS_PREFIX = 'OBP_TEST_';

/**
 * One warning per `OBP_*` variable the configuration does not read (a typo, or a props key this
 * server has no twin for), naming the closest setting it does read.
 */
export function unknownSettingWarnings(env: Env = process.env): string[] {
  const known = configEnvNames();
  return Object.keys(env)
    .filter((name) => name.startsWith('OBP_') && !name.startsWith(TEST_HARNESS_PREFIX) && !known.includes(name))
    .sort()
    .map((name) => {
      const suggestion = closestName(name, known);
      return `${name} is not a setting of this server and is ignored${suggestion ? ` (did you mean ${suggestion}?)` : ''}`;
    });
}

/**
 * The known name nearest to `name`, if reasonably near. Names compare word by word (words split at
 * `_`, the OBP_ prefix left out), a word matching a known word it abbreviates (DB for DATABASE), and
 * then letter by letter: OBP_DB_URL -> DATABASE_URL, OBP_HOST_NAME -> OBP_HOSTNAME.
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const words = wordsOf(name);
  const scores = known.map((candidate) => ({
    name: candidate,
    words: editDistance(words, wordsOf(candidate), abbreviates),
    letters: editDistance(bare(name), bare(candidate)),
  }));
  const byWords = [...scores].sort((a, b) => a.words - b.words || a.letters - b.letters)[0];
  // Half the words may differ (one of two, two of three); a single word must match.
  if (byWords && byWords.words <= (words.length >= 3 ? Math.ceil(words.length / 2) : Math.floor(words.length / 2))) return byWords.name;
  const byLetters = [...scores].sort((a, b) => a.letters - b.letters)[0];
  return byLetters && byLetters.letters <= Math.max(2, Math.ceil(bare(name).length / 3)) ? byLetters.name : undefined;
}

const bare = (name: string) => name.replace(/^OBP_/, '');
const wordsOf = (name: string) => bare(name).split('_').filter(Boolean);

/** `word` is `known` or an abbreviation of it: same first letter, its letters in order within `known`. */
function abbreviates(word: string, known: string): boolean {
  if (word === known) return true;
  if (word.length >= known.length || word[0] !== known[0]) return false;
  let at = 0;
  for (const letter of known) if (letter === word[at]) at++;
  return at === word.length;
}

/** Levenshtein distance over strings or word lists (insertions, deletions, substitutions cost 1). */
export function editDistance<T extends string | readonly string[]>(a: T, b: T, same: (x: string, y: string) => boolean = (x, y) => x === y): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (same(a[i - 1], b[j - 1]) ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
