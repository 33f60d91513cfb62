import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { LocalIdentityProvider, resolveLocalIdentityProvider } from './local-identity-provider';

/**
 * The local identity provider, resolved once the database is open (and migrated) and before any
 * service that signs users up or logs them in is created: an async factory provider.
 */
@Global()
@Module({
  providers: [
    {
      provide: LocalIdentityProvider,
      useFactory: (dataSource: DataSource, config: AppConfig) => resolveLocalIdentityProvider(dataSource, config),
      inject: [DataSource, APP_CONFIG],
    },
  ],
  exports: [LocalIdentityProvider],
})
export class IdentityProviderModule {}
