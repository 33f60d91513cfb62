import { ApiProperty } from '@nestjs/swagger';
import { CommentJson, ImageJson } from '../../transactions/dto/transactions-responses.json';
import { LocationJSON } from './transaction-metadata.json';

// Response shapes (documentation and schema only: the mappers write the bodies). Names follow OBP's JSON classes.

export class TransactionNarrativeResponseJSON {
  @ApiProperty({ type: String, nullable: true, example: 'narative' }) narrative: string | null;
}

export class TransactionCommentsJSON {
  @ApiProperty({ type: () => [CommentJson] }) comments: CommentJson[];
}

export class TransactionTagsJSON {
  @ApiProperty({ type: () => [CommentJson] }) tags: CommentJson[];
}

export class TransactionImagesJSON {
  @ApiProperty({ type: () => [ImageJson] }) images: ImageJson[];
}

export class TransactionWhereJSON {
  @ApiProperty({ type: () => LocationJSON, nullable: true }) where: LocationJSON | null;
}
