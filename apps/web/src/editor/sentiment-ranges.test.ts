import { getSchema, getTextSerializersFromSchema } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import StarterKit from '@tiptap/starter-kit';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import { SentimentExtension, sentimentPluginKey, setSentimentMeta } from './sentiment-extension.ts';
import { indexPlainText, sentimentRanges, type ScoredSentence } from './sentiment-ranges.ts';

const schema = getSchema([StarterKit.configure({ undoRedo: false }), Image]);
const serializers = getTextSerializersFromSchema(schema);
const leafText = (leaf: ProseMirrorNode) =>
  serializers[leaf.type.name]?.({
    node: leaf,
    pos: 0,
    parent: leaf,
    index: 0,
    range: { from: 0, to: 0 },
  }) ?? '';

const paragraph = (...content: object[]) => ({ type: 'paragraph', content });
const words = (text: string) => ({ type: 'text', text });

const doc = schema.nodeFromJSON({
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [words('A title')] },
    paragraph(),
    paragraph(words('I love it. '), words('It is awful.')),
    { type: 'image', attrs: { src: 'https://example.com/a.png' } },
    paragraph(words('Line one'), { type: 'hardBreak' }, words('line two.')),
  ],
});

/** A sentence as the worker would score it in `plain`. */
function scored(plain: string, text: string, label: ScoredSentence['label']): ScoredSentence {
  const start = plain.indexOf(text);
  return { text, start, end: start + text.length, score: label === 'negative' ? -3 : 3, label };
}

const textOf = (node: ProseMirrorNode, from: number, to: number) =>
  node.textBetween(from, to, undefined, leafText);

describe('plain text index', () => {
  it('builds the text the worker scores: non-blank blocks, a blank line between, hard breaks as newlines', () => {
    const index = indexPlainText(doc, leafText);
    expect(index.text).toBe('A title\n\nI love it. It is awful.\n\nLine one\nline two.');
  });

  it('maps positive and negative sentences to the document positions of their words', () => {
    const index = indexPlainText(doc, leafText);
    const ranges = sentimentRanges(index, [
      scored(index.text, 'A title', 'neutral'),
      scored(index.text, 'I love it.', 'positive'),
      scored(index.text, 'It is awful.', 'negative'),
      scored(index.text, 'Line one\nline two.', 'positive'),
    ]);
    expect(ranges.map((range) => [range.label, textOf(doc, range.from, range.to)])).toEqual([
      ['positive', 'I love it.'],
      ['negative', 'It is awful.'],
      ['positive', 'Line one\nline two.'],
    ]);
  });

  it('finds a sentence that moved since it was scored, and skips one that is gone', () => {
    const index = indexPlainText(doc, leafText);
    const ranges = sentimentRanges(index, [
      { text: 'It is awful.', start: 0, end: 12, score: -3, label: 'negative' },
      { text: 'Not in the page.', start: 5, end: 21, score: -2, label: 'negative' },
    ]);
    expect(ranges.map((range) => textOf(doc, range.from, range.to))).toEqual(['It is awful.']);
  });
});

describe('sentiment marks', () => {
  const marked = (state: EditorState) =>
    sentimentPluginKey
      .getState(state)!
      .find()
      .map((decoration) => textOf(state.doc, decoration.from, decoration.to));

  function withMarks() {
    const plugins = SentimentExtension.config.addProseMirrorPlugins!.call({} as never);
    let state = EditorState.create({ doc, plugins });
    const plain = indexPlainText(doc, leafText).text;
    state = state.apply(
      setSentimentMeta(state.tr, [
        scored(plain, 'I love it.', 'positive'),
        scored(plain, 'It is awful.', 'negative'),
      ]),
    );
    return state;
  }

  it('stay on their words when someone types before them', () => {
    let state = withMarks();
    expect(marked(state)).toEqual(['I love it.', 'It is awful.']);
    state = state.apply(state.tr.insertText('Well. ', 1));
    expect(marked(state)).toEqual(['I love it.', 'It is awful.']);
  });

  it('stay on their words when a collaborator’s edit replaces the whole document (the Yjs binding)', () => {
    let state = withMarks();
    const edited = schema.nodeFromJSON({
      ...doc.toJSON(),
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [words('A longer title')] },
        ...(doc.toJSON().content as object[]).slice(1),
      ],
    });
    const tr = state.tr
      .replace(0, state.doc.content.size, edited.slice(0))
      .setMeta(ySyncPluginKey, { isChangeOrigin: true });
    state = state.apply(tr);
    expect(marked(state)).toEqual(['I love it.', 'It is awful.']);
  });

  it('are cleared when sentiment is switched off', () => {
    let state = withMarks();
    state = state.apply(setSentimentMeta(state.tr, null));
    expect(marked(state)).toEqual([]);
  });
});
