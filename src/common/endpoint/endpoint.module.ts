import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { EndpointRegistry } from './endpoint-registry';
import { ResourceDocsController } from './resource-docs.controller';

@Module({
  imports: [DiscoveryModule],
  controllers: [ResourceDocsController],
  providers: [EndpointRegistry],
  exports: [EndpointRegistry],
})
export class EndpointModule {}
