import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EntitlementEntity } from '../entitlements/entities/entitlement.entity';
import { UserEntity } from './entities/user.entity';
import { UserInvitationsModule } from '../user-invitations/user-invitations.module';
import { UserLookupController } from './user-lookup.controller';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [UserInvitationsModule, TypeOrmModule.forFeature([UserEntity, EntitlementEntity])],
  controllers: [UsersController, UserLookupController],
  providers: [UsersService],
  exports: [UsersService],
})
export class UsersModule {}
