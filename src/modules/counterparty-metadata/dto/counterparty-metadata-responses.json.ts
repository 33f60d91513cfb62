import { ApiProperty } from '@nestjs/swagger';

// Response shapes (documentation and schema only: the mappers write the bodies). Names follow OBP's JSON classes.

export class AliasResponseJSON {
  @ApiProperty({ type: String, nullable: true, example: null }) alias: string | null;
}
