import { Controller, Inject } from '@nestjs/common';
import { anyRole, PUBLIC } from '../../common/auth/access';
import type { AuthContext } from '../../common/auth/auth-context';
import { OptionalAuth } from '../../common/auth/current-auth.decorator';
import { assertRoles } from '../../common/auth/role-check';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { ObpException } from '../../common/errors/obp.exception';
import { since } from '../../common/versioning/api-versions';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { GlossaryItemsJsonV300 } from './dto/glossary.json';
import { GlossaryService } from './glossary.service';

const READ_GLOSSARY = anyRole('CanReadGlossary');

@Controller()
export class GlossaryController {
  constructor(
    private readonly glossary: GlossaryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @ObpEndpoint({
    operationId: 'OBPv3.0.0-getApiGlossary',
    verb: 'GET',
    path: '/api/glossary',
    versions: since('3.0.0'),
    // Public unless OBP_GLOSSARY_REQUIRES_ROLE=true; then the handler asks for a login and CanReadGlossary, as OBP does.
    access: PUBLIC,
    summary: 'Get Glossary of the API',
    description:
      'The concepts this API uses (logins, roles, banks, accounts, views, customers ...), sorted by title, each described in Markdown and in HTML ' +
      'rendered from it. No login needed, unless the server runs with OBP_GLOSSARY_REQUIRES_ROLE=true: then the caller needs the system role CanReadGlossary.',
    tags: ['Documentation'],
    errors: ['UserNotLoggedIn', 'UserHasMissingRoles', 'UnknownError'],
    responseBody: GlossaryItemsJsonV300,
  })
  getApiGlossary(@OptionalAuth() auth: AuthContext | undefined): GlossaryItemsJsonV300 {
    if (this.config.glossaryRequiresRole) {
      if (!auth) throw ObpException.of('UserNotLoggedIn');
      assertRoles(auth, READ_GLOSSARY, undefined, this.config.scopes);
    }
    return { glossary_items: this.glossary.items() };
  }
}
