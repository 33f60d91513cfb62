import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountAccessEntity } from './entities/account-access.entity';
import { CustomViewEntity } from './entities/custom-view.entity';
import { ViewsService } from './views.service';

@Module({
  imports: [TypeOrmModule.forFeature([CustomViewEntity, AccountAccessEntity])],
  providers: [ViewsService],
  exports: [ViewsService],
})
export class ViewsModule {}
