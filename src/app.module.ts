import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EndpointModule } from './common/endpoint/endpoint.module';
import { MetricsModule } from './common/metrics/metrics';
import { MailModule } from './common/mail/mailer';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { buildDataSourceOptions } from './database/data-source-options';
import { ApiInfoModule } from './modules/api-info/api-info.module';
import { AuthModule } from './modules/auth/auth.module';
import { UsersModule } from './modules/users/users.module';
import { ConsumersModule } from './modules/consumers/consumers.module';
import { EntitlementsModule } from './modules/entitlements/entitlements.module';
import { BanksModule } from './modules/banks/banks.module';
import { BankLocationsModule } from './modules/bank-locations/bank-locations.module';
import { BootstrapModule } from './modules/bootstrap/bootstrap.module';
import { CustomersModule } from './modules/customers/customers.module';
import { CustomerAttributesModule } from './modules/customer-attributes/customer-attributes.module';
import { CustomerAddressesModule } from './modules/customer-addresses/customer-addresses.module';
import { UserCustomerLinksModule } from './modules/user-customer-links/user-customer-links.module';
import { CustomerMessagesModule } from './modules/customer-messages/customer-messages.module';
import { CrmEventsModule } from './modules/crm-events/crm-events.module';
import { CreditLimitRequestsModule } from './modules/credit-limit-requests/credit-limit-requests.module';
import { HealthModule } from './modules/health/health.module';
import { IdentityProviderModule } from './modules/identity-provider/identity-provider.module';
import { KycModule } from './modules/kyc/kyc.module';
import { MeetingsModule } from './modules/meetings/meetings.module';
import { UserInvitationsModule } from './modules/user-invitations/user-invitations.module';
import { ViewsModule } from './modules/views/views.module';
import { AccountsModule } from './modules/accounts/accounts.module';
import { TransactionsModule } from './modules/transactions/transactions.module';
import { CounterpartiesModule } from './modules/counterparties/counterparties.module';
import { SandboxModule } from './modules/sandbox/sandbox.module';
import { TransactionMetadataModule } from './modules/transaction-metadata/transaction-metadata.module';
import { CounterpartyMetadataModule } from './modules/counterparty-metadata/counterparty-metadata.module';
import { GlossaryModule } from './modules/glossary/glossary.module';
import { ApiCollectionsModule } from './modules/api-collections/api-collections.module';
import { OAuth1Module } from './modules/oauth1/oauth1.module';

export interface AppModuleOptions {
  config: AppConfig;
  /** The database to use (DATABASE_URL or the embedded PGlite's loopback URL). */
  databaseUrl: string;
  migrationsRun: boolean;
  /** Test-only additions (e.g. a controller that throws on purpose). */
  extraImports?: ModuleMetadata['imports'];
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    const { config } = options;
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot(buildDataSourceOptions(options.databaseUrl, config.database.poolSize, options.migrationsRun)),
        IdentityProviderModule,
        MetricsModule,
        MailModule,
        EndpointModule,
        AuthModule.forRoot(config),
        OAuth1Module,
        HealthModule,
        ApiInfoModule,
        UsersModule,
        ConsumersModule,
        EntitlementsModule,
        BanksModule,
        BankLocationsModule,
        BootstrapModule,
        CustomersModule,
        CustomerAttributesModule,
        CustomerAddressesModule,
        UserCustomerLinksModule,
        CustomerMessagesModule,
        CrmEventsModule,
        CreditLimitRequestsModule,
        KycModule,
        MeetingsModule,
        ViewsModule,
        AccountsModule,
        TransactionsModule,
        CounterpartiesModule,
        SandboxModule,
        TransactionMetadataModule,
        CounterpartyMetadataModule,
        UserInvitationsModule,
        GlossaryModule,
        ApiCollectionsModule,
        ...(options.extraImports ?? []),
      ],
    };
  }
}
