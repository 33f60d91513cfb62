import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { parseApiVersion, type ApiVersion } from './api-versions';

/**
 * The API version of the current request, from its /obp/vX.Y.Z/ prefix. For handlers whose
 * answer names the version (root); never for branching behaviour, which belongs in separate handlers.
 */
export const RequestedVersion = createParamDecorator((_: unknown, context: ExecutionContext): ApiVersion => {
  const url: string = context.switchToHttp().getRequest<{ url: string }>().url;
  const match = /^\/obp\/v(\d+\.\d+\.\d+)(?:[/?]|$)/.exec(url);
  const version = match ? parseApiVersion(match[1]) : undefined;
  if (!version) throw new Error(`RequestedVersion used outside a versioned route: ${url}`);
  return version;
});
