import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EntitlementEntity } from '../entitlements/entities/entitlement.entity';
import { UserEntity } from './entities/user.entity';
import { UserInvitationsModule } from '../user-invitations/user-invitations.module';
import { UserLookupController } from './user-lookup.controller';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';
import { EmailValidationController, EmailValidationPageController } from './email-validation.controller';
import { EmailValidationService } from './email-validation.service';
import { EmailValidationTokenEntity } from './entities/email-validation-token.entity';

@Module({
  imports: [UserInvitationsModule, TypeOrmModule.forFeature([UserEntity, EntitlementEntity, EmailValidationTokenEntity])],
  controllers: [UsersController, UserLookupController, EmailValidationController, EmailValidationPageController],
  providers: [UsersService, EmailValidationService],
  exports: [UsersService],
})
export class UsersModule {}
