import { pino } from 'pino';
import { loadConfig } from '../../config/app-config';
import { createLogger } from './logging';
import { NestPinoLogger } from './nest-logger';
import { formatLogLine, prettyDestination } from './pretty-log';

describe('readable log lines (LOG_FORMAT=pretty, the default on a terminal)', () => {
  const time = Date.UTC(2026, 0, 2, 3, 4, 5, 678);

  it('turns a JSON line into one readable line, fields as key=value and an error stack below', () => {
    expect(formatLogLine(JSON.stringify({ level: 30, time, pid: 1, hostname: 'h', context: 'Main', msg: 'listening', port: 8080 }))).toBe(
      '03:04:05.678 INFO  [Main] listening port=8080\n',
    );
    const error = formatLogLine(JSON.stringify({ level: 50, time, msg: 'boom', err: { message: 'bad', stack: 'Error: bad\n    at x' } }));
    expect(error).toBe('03:04:05.678 ERROR boom\nError: bad\n    at x\n');
    expect(formatLogLine('not json\n')).toBe('not json\n');
  });

  it('writes a request as method, path, status and time, without headers', () => {
    const line = {
      level: 30,
      time,
      msg: 'request completed',
      correlationId: 'c-1',
      responseTime: 3,
      req: { method: 'GET', url: '/obp/v5.1.0/root', headers: { a: 1 } },
      res: { statusCode: 200, headers: {} },
    };
    expect(formatLogLine(JSON.stringify(line))).toBe('03:04:05.678 INFO  GET /obp/v5.1.0/root 200 3 ms (c-1)\n');
  });

  it('redacts before formatting, and colours only when asked', () => {
    const out: string[] = [];
    const logger = pino({ redact: ['password'] }, prettyDestination({ write: (text) => out.push(text) }, false));
    logger.info({ password: 'secret' }, 'hello');
    expect(out.join('')).toMatch(/INFO {2}hello password=\[Redacted\]\n$/);
    expect(out.join('')).not.toContain('\x1b[');
  });

  it("shows Nest's module and route mapping lines at debug level only", () => {
    const lines: string[] = [];
    const destination = { write: (text: string) => void lines.push(text) };
    const at = (level: string) => new NestPinoLogger(createLogger(loadConfig({ LOG_LEVEL: level }), destination));
    at('info').log('Mapped {/obp/v5.1.0/root, GET} (version: 5.1.0) route', 'RouterExplorer');
    at('info').log('AppModule dependencies initialized', 'InstanceLoader');
    at('info').log('Nest application successfully started', 'NestApplication');
    expect(lines.map((line) => (JSON.parse(line) as { context: string }).context)).toEqual(['NestApplication']);
    lines.length = 0;
    at('debug').log('Mapped {/obp/v5.1.0/root, GET} (version: 5.1.0) route', 'RouterExplorer');
    expect(JSON.parse(lines[0])).toMatchObject({ level: 20, context: 'RouterExplorer' });
  });
});
