import type { ErrorLog } from './error-log';
import type { FuzzResponse, RawRequest } from './http';

/** Text that only a leak can put in a body: stack frames and SQL/driver errors. */
export const LEAK_MARKERS = [
  '    at ',
  '.ts:',
  '.js:',
  'node_modules',
  'SELECT ',
  'INSERT INTO',
  'UPDATE "',
  'DELETE FROM',
  'syntax error',
  'relation "',
  'violates',
  'QueryFailedError',
  'TypeError',
  'RangeError',
  'ReferenceError',
  'Maximum call stack',
  'invalid byte sequence',
  'unsupported Unicode escape',
];

// Five digits; OBP's own BranchNotFoundByBranchId is the one six-digit code (OBP-300010), kept for the wire contract.
const OBP_MESSAGE = /^OBP-(\d{5}|300010): /;

function requestText(request: RawRequest): string {
  let url = request.url;
  try {
    url += decodeURIComponent(request.url);
  } catch {
    // Bad escapes stay as sent.
  }
  const payload = request.payload === undefined ? '' : Buffer.isBuffer(request.payload) ? request.payload.toString('utf8') : request.payload;
  return url + JSON.stringify(request.headers) + payload;
}

/**
 * What is wrong with a response to a fuzzed request: a 5xx, a missing Correlation-Id, an error
 * that is not an OBP body (numeric code equal to the status, "OBP-nnnnn: " message), a success
 * that is not JSON, or internals in the body. Markers the request itself contained are not
 * counted: the server may echo input.
 */
export function problemsOf(request: RawRequest, response: FuzzResponse): string[] {
  const problems: string[] = [];
  if (response.status >= 500) problems.push(`status ${response.status}`);
  const correlationId = response.headers['correlation-id'];
  if (typeof correlationId !== 'string' || correlationId.length === 0) problems.push('no Correlation-Id header');

  let body: unknown;
  if (response.body.length > 0) {
    try {
      body = JSON.parse(response.body);
    } catch {
      problems.push('body is not JSON');
    }
  } else if (response.status >= 400) {
    // Successes may be empty (204s, and OBP's 200 with "" on some deletes); errors never.
    problems.push('empty body');
  }
  if (response.status >= 400) {
    const error = body as { code?: unknown; message?: unknown } | undefined;
    if (typeof error?.code !== 'number' || error.code !== response.status) problems.push(`code is not the status (${String(error?.code)})`);
    if (typeof error?.message !== 'string' || !OBP_MESSAGE.test(error.message)) problems.push('message is not an OBP message');
    if (body !== undefined && typeof body === 'object' && body !== null && Object.keys(body).some((key) => key !== 'code' && key !== 'message')) {
      problems.push(`extra fields in the error body: ${Object.keys(body).join(',')}`);
    }
  }
  const found = LEAK_MARKERS.filter((marker) => response.body.includes(marker));
  if (found.length > 0) {
    const sent = requestText(request);
    for (const marker of found) if (!sent.includes(marker)) problems.push(`body contains "${marker.trim()}"`);
  }
  return problems;
}

export function describeResponse(response: FuzzResponse, errorLog?: ErrorLog): string {
  const body = response.body.length > 600 ? `${response.body.slice(0, 600)}...(${response.body.length} chars)` : response.body;
  const logged = errorLog?.of(response.headers['correlation-id']);
  return `${response.status} correlation-id=${String(response.headers['correlation-id'])} ${body}${logged ? `\n  server log: ${logged}` : ''}`;
}
