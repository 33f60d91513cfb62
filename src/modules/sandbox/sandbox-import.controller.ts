import { Controller } from '@nestjs/common';
import { anyRole } from '../../common/auth/access';
import { ObpEndpoint } from '../../common/endpoint/obp-endpoint.decorator';
import { since } from '../../common/versioning/api-versions';
import { SANDBOX_IMPORT_SUCCESS } from './dto/sandbox-import.json';
import { SandboxDataImportJson } from './dto/sandbox-import-body.json';
import { parseSandboxImport } from './sandbox-import.parser';
import { SandboxImportService } from './sandbox-import.service';
import { SuccessMessageJSON } from '../transaction-metadata/dto/transaction-metadata.json';
import { ValidBody } from '../../common/http/valid-body';

/** POST /sandbox/data-import (OBP v2.1.0 onwards). */
@Controller()
export class SandboxImportController {
  constructor(private readonly imports: SandboxImportService) {}

  @ObpEndpoint({
    operationId: 'OBPv2.1.0-sandboxDataImport',
    verb: 'POST',
    path: '/sandbox/data-import',
    versions: since('2.1.0'),
    access: anyRole('CanCreateSandbox'),
    featureGate: { flag: 'allowSandboxDataImport', error: 'DataImportDisabled' },
    summary: 'Create sandbox',
    description:
      'Imports banks, users, accounts (with their views, account access and holders), transactions, branches, ATMs, products and CRM events in one ' +
      'database transaction: all or nothing. Needs OBP_ALLOW_SANDBOX_DATA_IMPORT=true and the system role CanCreateSandbox. Checks: ' +
      'login, the instance switch (OBP-00002), the role (OBP-20006), the body shape (OBP-10001), then every import rule; a refused import answers 400 ' +
      "OBP-30094 (OBP-30207 for weak passwords) naming the offending items, and saves nothing. Dates use yyyy-MM-dd'T'HH:mm:ss.SSS'Z' (milliseconds " +
      'required); IBANs must be unique per bank.',
    tags: ['Sandbox'],
    errors: ['UserNotLoggedIn', 'InvalidJsonFormat', 'DataImportDisabled', 'UserHasMissingRoles', 'SandboxDataImportRefused', 'InvalidStrongPasswordFormat'],
    successStatus: 201,
    requestBody: SandboxDataImportJson,
    responseBody: SuccessMessageJSON,
  })
  async sandboxDataImport(@ValidBody() body: unknown): Promise<typeof SANDBOX_IMPORT_SUCCESS> {
    await this.imports.importData(parseSandboxImport(body));
    return SANDBOX_IMPORT_SUCCESS;
  }
}
