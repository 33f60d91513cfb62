/** Headers on every response. No CSP: Swagger UI needs its inline scripts. */
export const RESPONSE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  // As OBP: credentials travel in headers, never cookies, so any origin may call.
  'Access-Control-Allow-Origin': '*',
};
