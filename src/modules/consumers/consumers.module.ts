import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConsumersService } from './consumers.service';
import { ConsumerEntity } from './entities/consumer.entity';

@Module({
  imports: [TypeOrmModule.forFeature([ConsumerEntity])],
  providers: [ConsumersService],
  exports: [ConsumersService],
})
export class ConsumersModule {}
