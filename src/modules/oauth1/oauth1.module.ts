import { Global, Module } from '@nestjs/common';
import { CsrfGuardian } from './csrf';
import { OAuth1Controller } from './oauth1.controller';
import { OAuth1HandshakeService } from './oauth1-handshake.service';
import { OAuth1Repository } from './oauth1.repository';
import { OAuth1Verifier } from './oauth1-verifier.service';
import { SecretBox } from './secret-box.service';

/**
 * OAuth 1.0a provider: the handshake at /oauth/*, the login page, and the verifier the access
 * guard uses for signed API calls. Global so consumers can seal their secrets with SecretBox.
 */
@Global()
@Module({
  controllers: [OAuth1Controller],
  providers: [SecretBox, OAuth1Repository, OAuth1Verifier, OAuth1HandshakeService, CsrfGuardian],
  exports: [SecretBox, OAuth1Verifier],
})
export class OAuth1Module {}
