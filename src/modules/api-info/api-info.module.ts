import { Module } from '@nestjs/common';
import { ApiDocumentationController } from './api-documentation.controller';
import { ApiInfoController } from './api-info.controller';
import { ApiInfoService } from './api-info.service';

@Module({ controllers: [ApiInfoController, ApiDocumentationController], providers: [ApiInfoService] })
export class ApiInfoModule {}
