import { ApiProperty } from '@nestjs/swagger';

/** GlossaryDescriptionJsonV300: the same text as Markdown and as HTML rendered from it. */
export class GlossaryDescriptionJsonV300 {
  @ApiProperty({ example: 'Every response carries a `Correlation-Id` header.' }) markdown: string;
  @ApiProperty({ example: '<p>Every response carries a <code>Correlation-Id</code> header.</p>' }) html: string;
}

export class GlossaryItemJsonV300 {
  @ApiProperty({ example: 'Correlation-Id' }) title: string;
  @ApiProperty({ type: GlossaryDescriptionJsonV300 }) description: GlossaryDescriptionJsonV300;
}

export class GlossaryItemsJsonV300 {
  @ApiProperty({ type: [GlossaryItemJsonV300] }) glossary_items: GlossaryItemJsonV300[];
}
