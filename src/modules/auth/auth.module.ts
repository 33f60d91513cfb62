import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../../config/app-config';
import { BankLookupModule } from '../banks/bank-lookup.module';
import { RateLimitsModule } from '../rate-limits/rate-limits.module';
import { AccessGuard } from './access.guard';
import { AuthContextService } from './auth-context.service';
import { AccountLockRepository } from '../login-security/account-lock.repository';
import { AccountLockService } from '../login-security/account-lock.service';
import { LockStatusController } from '../login-security/lock-status.controller';
import { LoginThrottleService } from '../login-security/login-throttle.service';
import { DirectLoginController } from './direct-login.controller';
import { DirectLoginService } from './direct-login.service';
import { DirectLoginTokenVerifier } from './directlogin-token-verifier';
import { ServerSecretEntity } from './entities/server-secret.entity';
import { OidcUserService } from './oidc-user.service';
import { OidcJwtStrategy } from './strategies/oidc-jwt.strategy';
import { TokenService } from './token.service';

/** Authentication (DirectLogin tokens, optional OIDC bearer), login security (lockout, throttling, lock endpoints) and the global access guard. */
@Module({})
export class AuthModule {
  static forRoot(config: AppConfig): DynamicModule {
    const oidc: Provider[] = config.auth.oauth2 ? [OidcJwtStrategy, OidcUserService] : [];
    return {
      module: AuthModule,
      global: true,
      imports: [PassportModule, BankLookupModule, RateLimitsModule, TypeOrmModule.forFeature([ServerSecretEntity])],
      controllers: [DirectLoginController, LockStatusController],
      providers: [
        TokenService,
        AuthContextService,
        DirectLoginService,
        DirectLoginTokenVerifier,
        LoginThrottleService,
        AccountLockRepository,
        AccountLockService,
        ...oidc,
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [TokenService, AuthContextService, DirectLoginService, LoginThrottleService, AccountLockService, BankLookupModule, RateLimitsModule],
    };
  }
}
