// @vitest-environment happy-dom
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MarkedText, splitMarks } from './marked-text.tsx';

describe('MarkedText', () => {
  it('shows the API’s matches as <mark> and everything else as plain text', () => {
    const { container } = render(
      <p>
        <MarkedText html="… the <mark>lighthouse</mark> keeper &amp; his <mark>light</mark> …" />
      </p>,
    );
    expect(container.textContent).toBe('… the lighthouse keeper & his light …');
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
      'lighthouse',
      'light',
    ]);
  });

  it('never turns escaped markup from a writer into elements', () => {
    const { container } = render(
      <p>
        <MarkedText html='&lt;img src=x onerror=alert(1)&gt; <mark>&lt;b&gt;bold&lt;/b&gt;</mark> "q" &#39;s&#39;' />
      </p>,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('mark')?.textContent).toBe('<b>bold</b>');
    expect(container.textContent).toBe('<img src=x onerror=alert(1)> <b>bold</b> "q" \'s\'');
  });

  it('splits text without marks into one plain piece', () => {
    expect(splitMarks('no match here')).toEqual([{ text: 'no match here', marked: false }]);
    expect(splitMarks('<mark>all</mark>')).toEqual([{ text: 'all', marked: true }]);
    expect(splitMarks('')).toEqual([]);
  });
});
