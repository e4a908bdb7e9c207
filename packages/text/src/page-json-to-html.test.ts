import { describe, expect, it } from 'vitest';
import { pageJSONToHTML } from './html.ts';

describe('pageJSONToHTML', () => {
  it('renders headings, marks, links, lists and images as HTML', () => {
    const html = pageJSONToHTML({
      type: 'doc',
      content: [
        {
          type: 'heading',
          attrs: { level: 2 },
          content: [{ type: 'text', text: 'Ñandú & <owls>' }],
        },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
            { type: 'hardBreak' },
            {
              type: 'text',
              text: 'link',
              marks: [{ type: 'link', attrs: { href: 'https://example.com/a' } }],
            },
          ],
        },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }],
            },
          ],
        },
        { type: 'image', attrs: { src: 'https://cdn.example.com/owl.png', alt: 'an owl' } },
      ],
    });
    expect(html).toBe(
      '<h2>Ñandú &amp; &lt;owls&gt;</h2>' +
        '<p><strong>bold</strong><br /><a href="https://example.com/a" rel="noopener noreferrer nofollow" target="_blank">link</a></p>' +
        '<ul><li><p>one</p></li></ul>' +
        '<img alt="an owl" src="https://cdn.example.com/owl.png" />',
    );
  });

  it('drops script URLs smuggled into attributes', () => {
    const html = pageJSONToHTML({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: 'click',
              marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
            },
          ],
        },
        { type: 'image', attrs: { src: 'javascript:alert(2)', alt: '" onerror="alert(3)' } },
      ],
    });
    expect(html).not.toContain('javascript:');
    expect(html).not.toMatch(/\sonerror="/);
    expect(html).toContain('click');
  });
});
