/**
 * A refused OAuth 1.0a request, with OBP's status and text. The handshake endpoints answer it as a
 * plain form-encoded body (as OBP); signed API calls answer it as an OBP JSON error.
 */
export class OAuth1Failure extends Error {
  constructor(
    readonly status: 400 | 401,
    message: string,
  ) {
    super(message);
  }
}
