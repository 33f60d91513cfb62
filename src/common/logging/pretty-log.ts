import type { DestinationStream } from 'pino';

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const COLOURS: Record<number, string> = { 10: '\x1b[90m', 20: '\x1b[36m', 30: '\x1b[32m', 40: '\x1b[33m', 50: '\x1b[31m', 60: '\x1b[35m' };
const RESET = '\x1b[0m';

interface Entry {
  level?: number;
  time?: number;
  msg?: string;
  context?: string;
  err?: { stack?: string; message?: string };
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  correlationId?: string;
  [field: string]: unknown;
}

/**
 * pino writes JSON lines; on a terminal this destination turns each into one readable line
 * (`12:00:01.234 INFO  [Main] message key=value`), request lines into `GET /path 200 3 ms`, and an
 * error's stack onto the following lines. Not a dependency: pino-pretty would be one.
 */
export function prettyDestination(out: { write(text: string): unknown } = process.stdout, colour = true): DestinationStream {
  return { write: (line: string) => void out.write(formatLogLine(line, colour)) };
}

export function formatLogLine(line: string, colour = false): string {
  let entry: Entry;
  try {
    entry = JSON.parse(line) as Entry;
  } catch {
    return line;
  }
  const { level = 30, time, msg, context, err, req, res, responseTime, correlationId, pid: _pid, hostname: _hostname, ...rest } = entry;
  const label = (LEVELS[level] ?? String(level)).padEnd(5);
  const parts = [new Date(time ?? Date.now()).toISOString().slice(11, 23), colour ? `${COLOURS[level] ?? ''}${label}${RESET}` : label];
  if (context) parts.push(`[${context}]`);
  if (req && res) parts.push(`${req.method} ${req.url} ${res.statusCode} ${responseTime ?? '?'} ms`, correlationId ? `(${correlationId})` : '');
  else if (msg !== undefined) parts.push(msg);
  for (const [key, value] of Object.entries(rest)) parts.push(`${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  let text = parts.filter(Boolean).join(' ');
  if (err) text += `\n${err.stack ?? err.message ?? JSON.stringify(err)}`;
  return `${text}\n`;
}
