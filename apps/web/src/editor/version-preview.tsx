import type { JSONContent } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';

/** An old version's content, read-only, in the page's own schema. */
export function VersionPreview({ content, label }: { content: JSONContent; label: string }) {
  const editor = useEditor(
    {
      editable: false,
      content,
      extensions: [
        StarterKit.configure({ undoRedo: false, link: { openOnClick: false } }),
        Image.configure({ inline: false, allowBase64: false }),
      ],
      editorProps: {
        attributes: { class: 'editor-text version-text', 'aria-label': label, role: 'document' },
      },
    },
    [content],
  );
  return <EditorContent editor={editor} />;
}
