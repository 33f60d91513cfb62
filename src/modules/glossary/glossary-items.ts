import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMarkdown } from './markdown';

export interface GlossaryItem {
  title: string;
  markdown: string;
  html: string;
}

/** The glossary's text, kept in one Markdown file beside this one (copied into dist by nest-cli.json's assets). */
export const GLOSSARY_FILE = join(__dirname, 'glossary.md');

/**
 * Splits the glossary file into items: each "## " heading outside a code block starts one (its
 * title), running to the next. Text before the first heading is the file's own introduction.
 * Items are sorted by title in plain code-unit order, as OBP sorts its glossary.
 */
export function parseGlossary(source: string): GlossaryItem[] {
  const items: { title: string; lines: string[] }[] = [];
  let inCode = false;
  for (const line of source.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.startsWith('```')) inCode = !inCode;
    if (!inCode && line.startsWith('## ')) items.push({ title: line.slice(3).trim(), lines: [] });
    else items[items.length - 1]?.lines.push(line);
  }
  return items
    .map(({ title, lines }) => {
      const markdown = lines.join('\n').trim();
      return { title, markdown, html: renderMarkdown(markdown) };
    })
    .sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
}

export function loadGlossary(file = GLOSSARY_FILE): GlossaryItem[] {
  return parseGlossary(readFileSync(file, 'utf8'));
}
