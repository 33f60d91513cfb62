import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MetricsModule } from '../../common/metrics/metrics';
import { RateLimitEntity } from '../consumers/entities/rate-limit.entity';
import { RateLimitsService } from './rate-limits.service';

/** Call-limit enforcement, used by the global access guard (no dependency on the consumers feature). */
@Module({
  imports: [MetricsModule, TypeOrmModule.forFeature([RateLimitEntity])],
  providers: [RateLimitsService],
  exports: [RateLimitsService],
})
export class RateLimitsModule {}
