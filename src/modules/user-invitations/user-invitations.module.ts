import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserInvitationEntity } from './entities/user-invitation.entity';
import { UserInvitationsController } from './user-invitations.controller';
import { UserInvitationsService } from './user-invitations.service';

/** Has no dependency on UsersModule: UsersModule imports this one to redeem invitations at sign-up. */
@Module({
  imports: [TypeOrmModule.forFeature([UserInvitationEntity])],
  controllers: [UserInvitationsController],
  providers: [UserInvitationsService],
  exports: [UserInvitationsService],
})
export class UserInvitationsModule {}
