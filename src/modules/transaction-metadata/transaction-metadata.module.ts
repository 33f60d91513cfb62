import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { TransactionEntity } from '../transactions/entities/transaction.entity';
import { TransactionCommentEntity } from './entities/transaction-comment.entity';
import { TransactionImageEntity } from './entities/transaction-image.entity';
import { TransactionNarrativeEntity } from './entities/transaction-narrative.entity';
import { TransactionTagEntity } from './entities/transaction-tag.entity';
import { TransactionWhereTagEntity } from './entities/transaction-where-tag.entity';
import { TransactionMetadataController } from './transaction-metadata.controller';
import { TransactionMetadataService } from './transaction-metadata.service';

@Module({
  imports: [
    AccountsModule,
    TypeOrmModule.forFeature([
      TransactionEntity,
      TransactionNarrativeEntity,
      TransactionCommentEntity,
      TransactionTagEntity,
      TransactionImageEntity,
      TransactionWhereTagEntity,
    ]),
  ],
  controllers: [TransactionMetadataController],
  providers: [TransactionMetadataService],
  exports: [TransactionMetadataService],
})
export class TransactionMetadataModule {}
