import type { HocuspocusProvider } from '@hocuspocus/provider';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { useEffect } from 'react';
import { createEditorExtensions, type CaretUser } from './editor-extensions.ts';
import { EditorToolbar } from './editor-toolbar.tsx';
import { setSentimentMeta } from './sentiment-extension.ts';
import type { ScoredSentence } from './sentiment-ranges.ts';

/**
 * The page's text, bound to the provider's Y.Doc: edits go to everyone in the page, others'
 * carets show with their names. Read-only (no toolbar, not editable) unless `editable`.
 */
export function CollabEditor({
  workId,
  provider,
  user,
  editable,
  sentences,
}: {
  /** The page's work: uploaded images are stored with it. */
  workId: number;
  provider: HocuspocusProvider;
  user: CaretUser;
  editable: boolean;
  /** Sentences to mark, or null for no marks. */
  sentences: ScoredSentence[] | null;
}) {
  const editor = useEditor(
    {
      extensions: createEditorExtensions(provider, user),
      editable,
      editorProps: {
        attributes: {
          class: 'editor-text',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': 'Page text',
          ...(editable ? {} : { 'aria-readonly': 'true' }),
        },
      },
    },
    [provider],
  );

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    if (editor.isEditable !== editable) editor.setEditable(editable);
    editor.view.dom.setAttribute('aria-readonly', editable ? 'false' : 'true');
  }, [editor, editable]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(setSentimentMeta(editor.state.tr, sentences));
  }, [editor, sentences]);

  if (!editor) return null;
  return (
    <div className="editor-frame">
      {editable ? <EditorToolbar editor={editor} workId={workId} /> : null}
      <EditorContent editor={editor} className="editor-content" />
    </div>
  );
}

export type { Editor };
