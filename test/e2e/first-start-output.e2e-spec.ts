import { ensureBuilt } from '../support/server-process';
import { startFirstTime } from '../support/first-start';

/**
 * What a person sees on the first start of the built server on a new embedded database: a line
 * before the database initialises, no route-mapping lines at info, and the credentials banner as
 * the very last thing, in JSON mode (stdout not a terminal: a file, Docker, systemd) and in the
 * readable mode (LOG_FORMAT=pretty, what a terminal gets).
 */
const BANNER_START = 'First start on an empty database: created an administrator and an API consumer.';

/**
 * The output before the banner, the banner (its last line is the login curl), and the start-up
 * lines after it: request log lines (the test's own /health calls) are not start-up output.
 */
function splitAtBanner(stdout: string): { before: string; banner: string; after: string[] } {
  const start = stdout.indexOf(`\n${BANNER_START}`);
  expect(start).toBeGreaterThanOrEqual(0);
  const lastLine = stdout.indexOf('\n  curl -X POST ', start);
  expect(lastLine).toBeGreaterThan(start);
  const end = stdout.indexOf('\n', lastLine + 1) + 1;
  const after = stdout
    .slice(end)
    .split('\n')
    .filter((line) => line !== '' && !/"req":\{|^\S+ INFO +GET \/health /.test(line));
  return { before: stdout.slice(0, start), banner: stdout.slice(start, end), after };
}

/** The output once anything still to come after the banner has had time to arrive. */
async function settledOutput(format: 'json' | 'pretty'): Promise<{ stdout: string; initialisedAtAnnouncement: boolean | undefined }> {
  const server = await startFirstTime(format);
  try {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    return { stdout: server.stdout(), initialisedAtAnnouncement: server.initialisedAtAnnouncement() };
  } finally {
    await server.stop();
  }
}

describe('First start output of the built server on a new embedded database', () => {
  beforeAll(() => ensureBuilt(), 300_000);

  it('JSON mode: the "Preparing" line comes first, before the database exists; no route mapping at info; the banner is last', async () => {
    const { stdout, initialisedAtAnnouncement } = await settledOutput('json');
    const { before, banner, after } = splitAtBanner(stdout);
    const lines = before
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { level: number; msg: string; context?: string });

    expect(lines[0].msg).toMatch(/^Preparing the embedded database in .*pglite, first start takes ~30 s/);
    expect(initialisedAtAnnouncement).toBe(false);
    expect(
      lines.filter((line) => line.level <= 30 && /Mapped \{|RoutesResolver|RouterExplorer|InstanceLoader/.test(`${line.msg} ${line.context ?? ''}`)),
    ).toEqual([]);
    // The [Main] lines (listening, docs, embedded database) come before the banner, not after it.
    expect(lines.map((line) => line.msg)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^OBP API listening on /),
        expect.stringMatching(/^API docs: /),
        expect.stringMatching(/^Embedded database \(PGlite\) in /),
      ]),
    );
    expect(banner).toMatch(/ {2}username: +admin\n {2}password: +\S+\n {2}consumer key: +\S+\n/);
    expect(after).toEqual([]);
  }, 180_000);

  it('readable mode (LOG_FORMAT=pretty, what a terminal gets): the same order, the banner last', async () => {
    const { stdout, initialisedAtAnnouncement } = await settledOutput('pretty');
    const { before, after } = splitAtBanner(stdout);
    const lines = before.split('\n').filter(Boolean);
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO +Preparing the embedded database in /);
    expect(initialisedAtAnnouncement).toBe(false);
    expect(lines.some((line) => /Mapped \{|RoutesResolver|RouterExplorer|InstanceLoader/.test(line))).toBe(false);
    expect(lines.some((line) => line.includes('OBP API listening on '))).toBe(true);
    expect(after).toEqual([]);
  }, 180_000);
});
