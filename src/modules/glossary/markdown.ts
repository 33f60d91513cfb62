/**
 * A small Markdown-to-HTML renderer for the subset the glossary uses: paragraphs, "### " headings,
 * "- " and "1. " lists (indented lines continue an item), fenced code blocks, `code`, **bold**,
 * *italic* and [text](url) links to http(s), "/" or "#" targets. Everything else is text: every
 * character that means something in HTML is escaped, so the output is safe for innerHTML (API
 * Explorer II shows it with v-html).
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

/** Link targets that cannot run script or leave the web: http(s) URLs, absolute paths, fragments. */
function safeHref(url: string): string | undefined {
  return /^(https?:\/\/|\/(?!\/)|#)/i.test(url) && !/[\s<>"'`\\]/.test(url) ? url : undefined;
}

/** Bold and italic on text that is already escaped (escaping leaves "*" alone). */
function emphasis(escaped: string): string {
  return escaped.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>').replace(/\*([^*\s][^*]*)\*/g, '<em>$1</em>');
}

const LINK = /\[([^\]]+)\]\(([^)\s]+)\)/g;

function linksAndEmphasis(text: string): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    html += emphasis(escapeHtml(text.slice(last, match.index)));
    const href = safeHref(match[2]);
    const label = emphasis(escapeHtml(match[1]));
    html += href === undefined ? label : `<a href="${escapeHtml(href)}">${label}</a>`;
    last = match.index + match[0].length;
  }
  return html + emphasis(escapeHtml(text.slice(last)));
}

export function renderInline(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((part) => (part.length > 2 && part.startsWith('`') && part.endsWith('`') ? `<code>${escapeHtml(part.slice(1, -1))}</code>` : linksAndEmphasis(part)))
    .join('');
}

type Block = { kind: 'p' | 'h3'; text: string } | { kind: 'ul' | 'ol'; items: string[] } | { kind: 'code'; text: string };

const BULLET = /^- (.*)$/;
const NUMBERED = /^\d+\. (.*)$/;

function blocksOf(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  let list: { kind: 'ul' | 'ol'; items: string[] } | undefined;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'p', text: paragraph.join('\n') });
    if (list) blocks.push(list);
    paragraph = [];
    list = undefined;
  };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (line.startsWith('```')) {
      flush();
      const code: string[] = [];
      for (index++; index < lines.length && !lines[index].startsWith('```'); index++) code.push(lines[index]);
      blocks.push({ kind: 'code', text: code.join('\n') });
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (line.startsWith('### ')) {
      flush();
      blocks.push({ kind: 'h3', text: line.slice(4).trim() });
      continue;
    }
    const item = BULLET.exec(line) ?? NUMBERED.exec(line);
    if (item) {
      const kind = BULLET.test(line) ? 'ul' : 'ol';
      if (paragraph.length > 0 || (list && list.kind !== kind)) flush();
      list ??= { kind, items: [] };
      list.items.push(item[1].trim());
      continue;
    }
    if (list && /^\s+\S/.test(line)) {
      list.items[list.items.length - 1] += `\n${line.trim()}`;
      continue;
    }
    if (list) flush();
    paragraph.push(line.trim());
  }
  flush();
  return blocks;
}

export function renderMarkdown(markdown: string): string {
  return blocksOf(markdown)
    .map((block) => {
      switch (block.kind) {
        case 'p':
          return `<p>${renderInline(block.text)}</p>`;
        case 'h3':
          return `<h3>${renderInline(block.text)}</h3>`;
        case 'code':
          return `<pre><code>${escapeHtml(block.text)}</code></pre>`;
        case 'ul':
        case 'ol':
          return `<${block.kind}>${block.items.map((item) => `<li>${renderInline(item)}</li>`).join('')}</${block.kind}>`;
      }
    })
    .join('\n');
}
