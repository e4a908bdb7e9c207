import { Extension, getTextSerializersFromSchema } from '@tiptap/core';
import type { Node as ProseMirrorNode, Schema } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Mapping, StepMap } from '@tiptap/pm/transform';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import {
  indexPlainText,
  sentimentRanges,
  type ScoredSentence,
  type SentimentRange,
} from './sentiment-ranges.ts';

export const sentimentPluginKey = new PluginKey<DecorationSet>('pluma-sentiment');

/** Sets the sentences to mark (a fresh result), or null to clear the marks. */
export function setSentimentMeta(tr: Transaction, sentences: ScoredSentence[] | null): Transaction {
  return tr.setMeta(sentimentPluginKey, { sentences });
}

function leafTextOf(schema: Schema) {
  const serializers = getTextSerializersFromSchema(schema);
  return (leaf: ProseMirrorNode) => {
    const serialize = serializers[leaf.type.name];
    return serialize
      ? serialize({ node: leaf, pos: 0, parent: leaf, index: 0, range: { from: 0, to: 0 } })
      : '';
  };
}

function describe(range: SentimentRange): string {
  const score = range.score > 0 ? `+${range.score}` : String(range.score);
  return `${range.label === 'positive' ? 'Positive' : 'Negative'} sentence (score ${score})`;
}

function decorate(doc: ProseMirrorNode, sentences: ScoredSentence[]): DecorationSet {
  const index = indexPlainText(doc, leafTextOf(doc.type.schema));
  const decorations = sentimentRanges(index, sentences).map((range) =>
    Decoration.inline(range.from, range.to, {
      class: `sentiment-${range.label}`,
      title: describe(range),
      'data-sentiment': range.label,
    }),
  );
  return DecorationSet.create(doc, decorations);
}

/**
 * Maps marks through a change that replaced the whole document (how the Yjs binding applies a
 * collaborator's edit): only what differs between the two documents moves, so sentences others
 * did not touch keep their marks.
 */
function mapThroughDiff(set: DecorationSet, oldDoc: ProseMirrorNode, newDoc: ProseMirrorNode) {
  const start = oldDoc.content.findDiffStart(newDoc.content);
  if (start === null) return set.map(new Mapping(), newDoc);
  const end = oldDoc.content.findDiffEnd(newDoc.content);
  if (!end) return DecorationSet.empty;
  let { a: endA, b: endB } = end;
  const overlap = start - Math.min(endA, endB);
  if (overlap > 0) {
    endA += overlap;
    endB += overlap;
  }
  return set.map(new Mapping([new StepMap([start, endA - start, endB - start])]), newDoc);
}

function applyTransaction(
  tr: Transaction,
  set: DecorationSet,
  oldState: EditorState,
  newState: EditorState,
): DecorationSet {
  const meta = tr.getMeta(sentimentPluginKey) as { sentences: ScoredSentence[] | null } | undefined;
  if (meta) return meta.sentences ? decorate(newState.doc, meta.sentences) : DecorationSet.empty;
  if (!tr.docChanged || set === DecorationSet.empty) return set;
  const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  if (sync?.isChangeOrigin) return mapThroughDiff(set, oldState.doc, newState.doc);
  return set.map(tr.mapping, tr.doc);
}

/**
 * Marks sentences positive or negative inline (classes `sentiment-positive` and
 * `sentiment-negative`, with a title saying which). Marks follow the text while people type and
 * are replaced whole by each new result.
 */
export const SentimentExtension = Extension.create({
  name: 'plumaSentiment',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: sentimentPluginKey,
        state: {
          init: () => DecorationSet.empty,
          apply: applyTransaction,
        },
        props: {
          decorations: (state) => sentimentPluginKey.getState(state),
        },
      }),
    ];
  },
});
