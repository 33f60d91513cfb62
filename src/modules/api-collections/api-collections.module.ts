import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiCollectionOperationIds } from '../../common/endpoint/api-collection-operation-ids';
import { EndpointModule } from '../../common/endpoint/endpoint.module';
import { UsersModule } from '../users/users.module';
import { ApiCollectionEndpointsController } from './api-collection-endpoints.controller';
import { ApiCollectionsController } from './api-collections.controller';
import { ApiCollectionsRepository } from './api-collections.repository';
import { ApiCollectionsService } from './api-collections.service';
import { ApiCollectionEndpointEntity } from './entities/api-collection-endpoint.entity';
import { ApiCollectionEntity } from './entities/api-collection.entity';

@Module({
  imports: [EndpointModule, UsersModule, TypeOrmModule.forFeature([ApiCollectionEntity, ApiCollectionEndpointEntity])],
  controllers: [ApiCollectionsController, ApiCollectionEndpointsController],
  providers: [ApiCollectionsRepository, ApiCollectionsService, { provide: ApiCollectionOperationIds, useExisting: ApiCollectionsService }],
})
export class ApiCollectionsModule {}
