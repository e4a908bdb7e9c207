import { getSchema, type Extensions } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import StarterKit from '@tiptap/starter-kit';

/** Name of the Y.XmlFragment holding a page's body (Tiptap Collaboration's default field). */
export const PAGE_FRAGMENT = 'default';

/**
 * The Tiptap extensions of a page: the web editor and the server use this one list, so a
 * document written in the browser is read back on the server with the same schema.
 * Undo/redo is left to the Collaboration extension (it must not be doubled by StarterKit's).
 */
export function createPageExtensions(): Extensions {
  return [
    StarterKit.configure({
      undoRedo: false,
      link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] },
    }),
    Image.configure({ inline: false, allowBase64: false }),
  ];
}

/** The ProseMirror schema of a page, built from createPageExtensions(). */
export const pageSchema = getSchema(createPageExtensions());
