import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './app-config';
import { loadEnvFile } from './env-file';
import { closestName, configEnvNames, envTwin, OBP_PROPS_KEYS, obpOwnSettings, unknownSettingWarnings } from './settings';

const ROOT = join(__dirname, '..', '..');

describe('settings: .env.example, README and the names the configuration reads', () => {
  it('finds the settings by running the configuration (every path reads every name)', () => {
    const names = configEnvNames();
    expect(names).toEqual(
      expect.arrayContaining([
        'PORT',
        'DATABASE_URL',
        'LOG_FORMAT',
        'ENV_FILE',
        'OBP_OAUTH2_ISSUER',
        'OBP_OAUTH2_AUDIENCE',
        'OBP_RATE_LIMITING_EXCLUDE_ENDPOINTS',
      ]),
    );
    expect(names.length).toBeGreaterThan(50);
  });

  it('.env.example documents every setting the configuration reads, and nothing else', () => {
    const documented = [...readFileSync(join(ROOT, '.env.example'), 'utf8').matchAll(/^#? ?([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]);
    expect([...new Set(documented)].sort()).toEqual([...configEnvNames()]);
  });

  it('every OBP props key listed as having a twin is read through it', () => {
    for (const key of OBP_PROPS_KEYS) expect(configEnvNames()).toContain(envTwin(key));
    expect(envTwin('max.bad.login.attempts')).toBe('OBP_MAX_BAD_LOGIN_ATTEMPTS');
  });

  it("the README's configuration section lists exactly the OBP props with twins and this server's own OBP_ settings", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const between = (marker: string) => {
      const match = new RegExp(`<!-- ${marker} -->([\\s\\S]*?)<!-- /${marker} -->`).exec(readme);
      if (!match) throw new Error(`README has no <!-- ${marker} --> block`);
      return [...match[1].matchAll(/`([^`]+)`/g)].map((code) => code[1]).sort();
    };
    expect(between('obp-props-twins')).toEqual([...OBP_PROPS_KEYS].sort());
    expect(between('obp-own-settings')).toEqual(obpOwnSettings());
  });
});

describe('unknown OBP_* variables', () => {
  it('are warned about, naming the closest setting', () => {
    expect(unknownSettingWarnings({ OBP_DB_URL: 'postgres://x', OBP_HOSTNAME: 'http://h', PATH: '/bin', OBP_TEST_EMBEDDED_DATABASE: 'true' })).toEqual([
      'OBP_DB_URL is not a setting of this server and is ignored (did you mean DATABASE_URL?)',
    ]);
    const known = configEnvNames();
    expect(closestName('OBP_HOST_NAME', known)).toBe('OBP_HOSTNAME');
    expect(closestName('OBP_JWT_SECRETT', known)).toBe('OBP_JWT_SECRET');
    expect(closestName('OBP_LOGLEVEL', known)).toBe('LOG_LEVEL');
    expect(closestName('OBP_USE_LIMITS', known)).toBe('OBP_USE_CONSUMER_LIMITS');
    expect(closestName('OBP_WEBUI_HEADER_LOGO', known)).toBeUndefined();
    expect(unknownSettingWarnings({ OBP_WEBUI_HEADER_LOGO: 'x' })).toEqual(['OBP_WEBUI_HEADER_LOGO is not a setting of this server and is ignored']);
  });
});

describe('loadEnvFile', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'obp-env-'));
    writeFileSync(join(dir, 'settings.env'), '# comment\nPORT="9090"\nLOG_LEVEL=debug # trailing comment\nHOST=0.0.0.0\n');
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads the file; variables already set win', () => {
    const env: Record<string, string | undefined> = { ENV_FILE: join(dir, 'settings.env'), HOST: '127.0.0.1' };
    expect(loadEnvFile(env)).toBe(join(dir, 'settings.env'));
    expect(env).toMatchObject({ PORT: '9090', LOG_LEVEL: 'debug', HOST: '127.0.0.1' });
  });

  it('loads .env from the working directory; nothing with ENV_FILE empty or without a .env; refuses a named file that is missing', () => {
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      const none: Record<string, string | undefined> = {};
      expect(loadEnvFile(none)).toBeUndefined(); // no .env here
      writeFileSync(join(dir, '.env'), 'PORT=7070\n');
      const loaded: Record<string, string | undefined> = {};
      expect(loadEnvFile(loaded)).toBe(join(dir, '.env'));
      expect(loaded.PORT).toBe('7070');
      const off: Record<string, string | undefined> = { ENV_FILE: '' };
      expect(loadEnvFile(off)).toBeUndefined();
      expect(off.PORT).toBeUndefined();
    } finally {
      process.chdir(cwd);
    }
    expect(() => loadEnvFile({ ENV_FILE: join(dir, 'missing.env') })).toThrow(ConfigError);
  });
});
