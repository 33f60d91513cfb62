import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { OpenApiDocument } from '../openapi/openapi-document';
import { EndpointRegistry } from './endpoint-registry';
import { ResourceDocsController } from './resource-docs.controller';

@Module({
  imports: [DiscoveryModule],
  controllers: [ResourceDocsController],
  providers: [EndpointRegistry, OpenApiDocument],
  exports: [EndpointRegistry, OpenApiDocument],
})
export class EndpointModule {}
