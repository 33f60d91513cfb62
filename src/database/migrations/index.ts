// Every migration, in order. Listed explicitly (not globbed) so the same list works from
// TypeScript sources (CLI, Jest globalSetup) and compiled dist/. After `npm run migration:generate`
// add the new class here.
import { InitialPlatform1763820000000 } from './1763820000000-initial-platform';
import { IdentityAndAccess1795365763059 } from './1795365763059-IdentityAndAccess';

export const ALL_MIGRATIONS: Function[] = [InitialPlatform1763820000000, IdentityAndAccess1795365763059];
