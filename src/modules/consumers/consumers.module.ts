import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserEntity } from '../users/entities/user.entity';
import { CallLimitsController } from './call-limits.controller';
import { CallLimitsService } from './call-limits.service';
import { ConsumersController } from './consumers.controller';
import { ConsumersService } from './consumers.service';
import { DynamicRegistrationController } from './dynamic-registration.controller';
import { DynamicRegistrationService } from './dynamic-registration.service';
import { ConsumerEntity } from './entities/consumer.entity';
import { ScopeEntity } from './entities/scope.entity';
import { ScopesController } from './scopes.controller';
import { ScopesService } from './scopes.service';

/** Consumers (applications), their scopes and call limits. Enforcement lives in the rate-limits module. */
@Module({
  imports: [TypeOrmModule.forFeature([ConsumerEntity, ScopeEntity, UserEntity])],
  controllers: [ConsumersController, ScopesController, CallLimitsController, DynamicRegistrationController],
  providers: [ConsumersService, ScopesService, CallLimitsService, DynamicRegistrationService],
  exports: [ConsumersService],
})
export class ConsumersModule {}
