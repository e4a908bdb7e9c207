import type { HocuspocusProvider } from '@hocuspocus/provider';
import type { Extensions } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import Image from '@tiptap/extension-image';
import StarterKit from '@tiptap/starter-kit';
import { SentimentExtension } from './sentiment-extension.ts';

/** Who I am to the others in the page (the awareness `user` field). */
export interface CaretUser {
  id: number;
  name: string;
  color: string;
}

/** Another person's caret: a coloured bar with their name, which screen readers also get. */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const name = typeof user.name === 'string' ? user.name : 'Someone';
  const color = typeof user.color === 'string' ? user.color : '#4a4640';
  const caret = document.createElement('span');
  caret.className = 'collab-caret';
  caret.style.borderColor = color;
  caret.setAttribute('aria-label', `${name}’s cursor`);
  const label = document.createElement('span');
  label.className = 'collab-caret-label';
  label.style.backgroundColor = color;
  label.textContent = name;
  caret.append(label);
  return caret;
}

function renderSelection(user: Record<string, unknown>) {
  const color = typeof user.color === 'string' ? user.color : '#4a4640';
  return {
    nodeName: 'span',
    class: 'collab-selection',
    // 33 = 20 % alpha: the selected text stays readable under the tint.
    style: `background-color: ${color}33`,
    'data-user': typeof user.name === 'string' ? user.name : '',
  };
}

/**
 * The editor's extensions. The page schema must stay the one of packages/text
 * (createPageExtensions: StarterKit without undo/redo, links, block images), which the server
 * uses to read pages back; collaboration, carets and sentiment marks add no nodes or marks.
 */
export function createEditorExtensions(provider: HocuspocusProvider, user: CaretUser): Extensions {
  return [
    StarterKit.configure({
      undoRedo: false,
      link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] },
    }),
    Image.configure({ inline: false, allowBase64: false }),
    Collaboration.configure({ document: provider.document }),
    CollaborationCaret.configure({
      provider,
      user,
      render: renderCaret,
      selectionRender: renderSelection,
    }),
    SentimentExtension,
  ];
}
