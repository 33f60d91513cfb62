import { Module } from '@nestjs/common';
import { ConsumersModule } from '../consumers/consumers.module';
import { EntitlementsModule } from '../entitlements/entitlements.module';
import { UsersModule } from '../users/users.module';
import { BootstrapService } from './bootstrap.service';

@Module({
  imports: [UsersModule, ConsumersModule, EntitlementsModule],
  providers: [BootstrapService],
  exports: [BootstrapService],
})
export class BootstrapModule {}
