import { loadGlossary, parseGlossary } from './glossary-items';
import { renderInline, renderMarkdown } from './markdown';

describe('glossary markdown renderer', () => {
  it('renders paragraphs, headings, lists, code and inline marks', () => {
    const html = renderMarkdown(
      [
        'First **bold** and *soft* with `a <b>`.',
        'same paragraph',
        '',
        '### Steps',
        '',
        '- one',
        '  continued',
        '- two',
        '',
        '1. first',
        '2. second',
        '',
        '```',
        'DirectLogin: token=<T>',
        '```',
      ].join('\n'),
    );
    expect(html).toBe(
      [
        '<p>First <strong>bold</strong> and <em>soft</em> with <code>a &lt;b&gt;</code>.\nsame paragraph</p>',
        '<h3>Steps</h3>',
        '<ul><li>one\ncontinued</li><li>two</li></ul>',
        '<ol><li>first</li><li>second</li></ol>',
        '<pre><code>DirectLogin: token=&lt;T&gt;</code></pre>',
      ].join('\n'),
    );
  });

  it('links only to http(s), absolute paths and fragments', () => {
    expect(renderInline('[docs](https://example.com/a?b=1&c=2)')).toBe('<a href="https://example.com/a?b=1&amp;c=2">docs</a>');
    expect(renderInline('[view](#View)')).toBe('<a href="#View">view</a>');
    expect(renderInline('[root](/obp/v5.1.0/root)')).toBe('<a href="/obp/v5.1.0/root">root</a>');
    expect(renderInline('[x](javascript:alert(1))')).toBe('x)');
    expect(renderInline('[x](//evil.example)')).toBe('x');
    expect(renderInline('[x](data:text/html,hi)')).toBe('x');
  });

  it('escapes every HTML-significant character outside the supported marks', () => {
    const html = renderMarkdown('<script>alert("x")</script> & \'quoted\' <img src=x onerror=alert(1)>');
    expect(html).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39; &lt;img src=x onerror=alert(1)&gt;</p>');
    expect(renderInline('[<b>label</b>](#x)')).toBe('<a href="#x">&lt;b&gt;label&lt;/b&gt;</a>');
    expect(renderInline('[a](https://x.example/"onmouseover=alert(1))')).not.toContain('"onmouseover');
  });

  it('splits the glossary file into items by "## " headings outside code blocks, sorted by title', () => {
    const items = parseGlossary(['intro, not an item', '## b item', 'text', '```', '## not a heading', '```', '## A item', '*x*'].join('\n'));
    expect(items.map((item) => item.title)).toEqual(['A item', 'b item']);
    expect(items[1].markdown).toBe('text\n```\n## not a heading\n```');
    expect(items[0].html).toBe('<p><em>x</em></p>');
  });

  it('ships a glossary of at least 20 items, each with text and only the tags the renderer makes', () => {
    const items = loadGlossary();
    expect(items.length).toBeGreaterThanOrEqual(20);
    for (const item of items) {
      expect(item.markdown.length).toBeGreaterThan(50);
      const tags = [...item.html.matchAll(/<\/?([a-z0-9]+)/g)].map((match) => match[1]);
      expect(tags.filter((tag) => !['p', 'h3', 'ul', 'ol', 'li', 'pre', 'code', 'strong', 'em', 'a'].includes(tag))).toEqual([]);
    }
    const titles = items.map((item) => item.title);
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    for (const needed of [
      'Direct Login',
      'OAuth 1.0a',
      'OAuth2 and OpenID Connect',
      'Consumer',
      'Entitlement',
      'Role',
      'Scope',
      'Rate Limits',
      'Bank',
      'Account',
      'View',
      'Counterparty',
      'Transaction',
      'Customer',
      'KYC',
      'Meeting',
      'User Invitation',
      'API Collections',
      'Resource Docs',
      'Correlation-Id',
      'Error codes',
      'Lock status',
    ]) {
      expect(titles).toContain(needed);
    }
  });
});
