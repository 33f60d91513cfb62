import { Injectable } from '@nestjs/common';
import type { GlossaryItemJsonV300 } from './dto/glossary.json';
import { loadGlossary } from './glossary-items';

/** The glossary, read and rendered once at start-up (a missing or broken file stops the start). */
@Injectable()
export class GlossaryService {
  private readonly json: GlossaryItemJsonV300[] = loadGlossary().map(({ title, markdown, html }) => ({ title, description: { markdown, html } }));

  items(): GlossaryItemJsonV300[] {
    return this.json;
  }
}
