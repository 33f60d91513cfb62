import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/app-config';
import { versionStatus, type ApiVersion } from '../../common/versioning/api-versions';
import type { ApiInfoJson, ApiInfoJson400, ApiInfoJsonV510 } from './api-info.dto';
import { LocalIdentityProvider } from '../identity-provider/local-identity-provider';

/** Builds OBP's API info ("root") in the three shapes OBP has used. */
@Injectable()
export class ApiInfoService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly localProvider: LocalIdentityProvider,
  ) {}

  v121(version: ApiVersion): ApiInfoJson {
    const info = this.config.apiInfo;
    return {
      version: `v${version}`,
      version_status: versionStatus(version),
      git_commit: info.gitCommit,
      connector: info.connector,
      hosted_by: this.hostedBy(),
    };
  }

  v400(version: ApiVersion): ApiInfoJson400 {
    const { hosted_by, ...head } = this.v121(version);
    return { ...head, ...this.hostIdentity(), hosted_by, ...this.hosting() };
  }

  v510(version: ApiVersion): ApiInfoJsonV510 {
    const { hosted_by, ...head } = this.v121(version);
    const { hostname, local_identity_provider } = this.hostIdentity();
    const stage = this.config.apiInfo.stage;
    return { ...head, hostname, ...(stage ? { stage } : {}), local_identity_provider, hosted_by, ...this.hosting() };
  }

  private hostedBy() {
    const { organisation, email, phone, organisationWebsite } = this.config.apiInfo.hostedBy;
    return { organisation, email, phone, organisation_website: organisationWebsite };
  }

  private hostIdentity() {
    return { hostname: this.config.apiInfo.hostname, local_identity_provider: this.localProvider.value };
  }

  private hosting() {
    const { hostedAt, energySource } = this.config.apiInfo;
    return {
      hosted_at: { organisation: hostedAt.organisation, organisation_website: hostedAt.organisationWebsite },
      energy_source: { organisation: energySource.organisation, organisation_website: energySource.organisationWebsite },
      resource_docs_requires_role: this.config.resourceDocsRequiresRole,
    };
  }
}
