import { AUTHENTICATED } from '../../common/auth/access';
import { ObpEndpoint, type HttpVerb, type ObpEndpointOptions } from '../../common/endpoint/obp-endpoint.decorator';
import type { ObpErrorName } from '../../common/errors/error-catalogue';
import { since } from '../../common/versioning/api-versions';

export interface ViewMetadataEndpointOptions {
  operation: string;
  verb: HttpVerb;
  path: string;
  summary: string;
  description: string;
  tag: string;
  /** The errors of the checks every endpoint of the family makes. */
  checks: ObpErrorName[];
  extra?: Partial<ObpEndpointOptions>;
}

/**
 * A v1.2.1 metadata endpoint (counterparty or transaction): served on every version, login always
 * required (even on public views), bodies on POST/PUT, 204 on DELETE.
 */
export function ViewMetadataEndpoint(options: ViewMetadataEndpointOptions): MethodDecorator {
  const withBody = options.verb === 'POST' || options.verb === 'PUT';
  return ObpEndpoint({
    operationId: `OBPv1.2.1-${options.operation}`,
    verb: options.verb,
    path: options.path,
    versions: since('1.2.1'),
    access: AUTHENTICATED,
    summary: options.summary,
    description: options.description,
    tags: [options.tag],
    errors: [...options.checks, ...(withBody ? (['InvalidJsonFormat'] as ObpErrorName[]) : [])],
    ...(options.verb === 'DELETE' ? { successStatus: 204 } : {}),
    ...options.extra,
  });
}
