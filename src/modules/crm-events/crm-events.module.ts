import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CrmEventsController } from './crm-events.controller';
import { CrmEventEntity } from './entities/crm-event.entity';

@Module({ imports: [TypeOrmModule.forFeature([CrmEventEntity])], controllers: [CrmEventsController] })
export class CrmEventsModule {}
