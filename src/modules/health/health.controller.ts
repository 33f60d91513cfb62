import { NonObpRoute } from '../../common/auth/non-obp-route.decorator';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';

/**
 * Liveness and readiness, outside the /obp prefix. /health is readiness (checks the database and
 * answers 503 when it is unreachable); /health/live only says the process answers.
 */
@NonObpRoute()
@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Get()
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const database = await this.databaseStatus();
    if (database !== 'up') reply.status(503);
    return { status: database === 'up' ? 'ok' : 'error', checks: { database } };
  }

  private async databaseStatus(): Promise<'up' | 'down'> {
    try {
      await this.dataSource.query('SELECT 1');
      return 'up';
    } catch {
      return 'down';
    }
  }
}
