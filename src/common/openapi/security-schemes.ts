import type { DocumentBuilder } from '@nestjs/swagger';

type SecuritySchemeObject = Parameters<DocumentBuilder['addSecurity']>[1];

/**
 * How a client proves who it is, as the OpenAPI document tells people (Swagger UI's Authorize
 * dialog shows these descriptions). The names are the keys operations' `security` refers to.
 */
export const SECURITY_SCHEMES: Record<'DirectLogin' | 'Bearer' | 'OAuth', SecuritySchemeObject> = {
  DirectLogin: {
    type: 'apiKey',
    in: 'header',
    name: 'DirectLogin',
    description:
      'OBP DirectLogin. First get a token: `POST /my/logins/direct` with the header ' +
      '`DirectLogin: username="<username>", password="<password>", consumer_key="<consumer key>"` answers `{"token": "..."}` ' +
      '(the consumer key is printed by the server on its first start, or created with `POST /obp/v5.1.0/management/consumers`). ' +
      'Then paste here the whole value `token="<token>"` (the quotes are optional; `token=<token>` works too), ' +
      'which is sent as the header `DirectLogin: token="<token>"` on every request.',
  },
  Bearer: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'OAuth2 / OpenID Connect: paste an access token (a JWT) issued by the identity provider this server trusts ' +
      '(its keys come from OBP_OAUTH2_JWK_SET_URL); it is sent as `Authorization: Bearer <token>`. ' +
      'A DirectLogin token is accepted the same way. Paste the token alone, without "Bearer".',
  },
  OAuth: {
    type: 'apiKey',
    in: 'header',
    name: 'Authorization',
    description:
      'OAuth 1.0a: each request carries its own signed header ' +
      '`Authorization: OAuth oauth_consumer_key="...", oauth_token="...", oauth_signature_method="HMAC-SHA1", ' +
      'oauth_timestamp="...", oauth_nonce="...", oauth_version="1.0", oauth_signature="..."`, computed by an OAuth 1.0a client ' +
      'library from the consumer key and secret and the access token and secret. The signature covers the method, URL, ' +
      'timestamp and nonce, so a header cannot be reused: Swagger UI cannot sign requests, use DirectLogin or a bearer token here.',
  },
};

/** What an endpoint that needs a login accepts: any one of the schemes. */
export const TOKEN_SECURITY: Record<string, string[]>[] = Object.keys(SECURITY_SCHEMES).map((name) => ({ [name]: [] }));
