import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { ImageForm } from './image-form.tsx';

interface ToolbarState {
  bold: boolean;
  italic: boolean;
  h1: boolean;
  h2: boolean;
  bulletList: boolean;
  orderedList: boolean;
  blockquote: boolean;
  link: boolean;
  linkHref: string;
  canUndo: boolean;
  canRedo: boolean;
}

function ToggleButton({
  label,
  shortcut,
  pressed,
  onClick,
  children,
}: {
  label: string;
  shortcut?: string;
  pressed: boolean;
  onClick: () => void;
  children: string;
}) {
  return (
    <button
      type="button"
      className="toolbar-button"
      aria-pressed={pressed}
      aria-label={label}
      aria-keyshortcuts={shortcut}
      title={shortcut ? `${label} (${shortcut.replace('Control', 'Ctrl')})` : label}
      // Keep the editor's selection: a click on the toolbar must not blur the text.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

type OpenForm = 'link' | 'image' | null;

/**
 * Formatting buttons (pressed state for what applies at the cursor), link and image forms;
 * `workId` is where uploaded images are stored.
 */
export function EditorToolbar({ editor, workId }: { editor: Editor; workId: number }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }): ToolbarState => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      h1: e.isActive('heading', { level: 1 }),
      h2: e.isActive('heading', { level: 2 }),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
      link: e.isActive('link'),
      linkHref: (e.getAttributes('link').href as string | undefined) ?? '',
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const [open, setOpen] = useState<OpenForm>(null);
  const chain = () => editor.chain().focus();

  // Ctrl/⌘+K in the text opens the link form, as in most editors.
  useEffect(() => {
    const text = editor.view.dom;
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen('link');
      }
    };
    text.addEventListener('keydown', onKeyDown);
    return () => text.removeEventListener('keydown', onKeyDown);
  }, [editor]);

  return (
    <div className="editor-toolbar-wrap">
      <div className="editor-toolbar" role="toolbar" aria-label="Formatting">
        <ToggleButton
          label="Bold"
          shortcut="Control+B"
          pressed={state.bold}
          onClick={() => chain().toggleBold().run()}
        >
          B
        </ToggleButton>
        <ToggleButton
          label="Italic"
          shortcut="Control+I"
          pressed={state.italic}
          onClick={() => chain().toggleItalic().run()}
        >
          I
        </ToggleButton>
        <ToggleButton
          label="Heading 1"
          shortcut="Control+Alt+1"
          pressed={state.h1}
          onClick={() => chain().toggleHeading({ level: 1 }).run()}
        >
          H1
        </ToggleButton>
        <ToggleButton
          label="Heading 2"
          shortcut="Control+Alt+2"
          pressed={state.h2}
          onClick={() => chain().toggleHeading({ level: 2 }).run()}
        >
          H2
        </ToggleButton>
        <ToggleButton
          label="Bulleted list"
          shortcut="Control+Shift+8"
          pressed={state.bulletList}
          onClick={() => chain().toggleBulletList().run()}
        >
          • List
        </ToggleButton>
        <ToggleButton
          label="Numbered list"
          shortcut="Control+Shift+7"
          pressed={state.orderedList}
          onClick={() => chain().toggleOrderedList().run()}
        >
          1. List
        </ToggleButton>
        <ToggleButton
          label="Quote"
          shortcut="Control+Shift+B"
          pressed={state.blockquote}
          onClick={() => chain().toggleBlockquote().run()}
        >
          “ Quote
        </ToggleButton>
        <ToggleButton
          label="Link"
          shortcut="Control+K"
          pressed={state.link || open === 'link'}
          onClick={() => setOpen(open === 'link' ? null : 'link')}
        >
          Link
        </ToggleButton>
        <ToggleButton
          label="Image"
          pressed={open === 'image'}
          onClick={() => setOpen(open === 'image' ? null : 'image')}
        >
          Image
        </ToggleButton>
        <button
          type="button"
          className="toolbar-button"
          aria-keyshortcuts="Control+Z"
          title="Undo (Ctrl+Z)"
          disabled={!state.canUndo}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => chain().undo().run()}
        >
          Undo
        </button>
        <button
          type="button"
          className="toolbar-button"
          aria-keyshortcuts="Control+Shift+Z"
          title="Redo (Ctrl+Shift+Z)"
          disabled={!state.canRedo}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => chain().redo().run()}
        >
          Redo
        </button>
      </div>
      {open === 'link' ? (
        <LinkForm
          initial={state.linkHref}
          hasLink={state.link}
          onApply={(href) => {
            if (href) chain().extendMarkRange('link').setLink({ href }).run();
            else chain().extendMarkRange('link').unsetLink().run();
            setOpen(null);
          }}
          onCancel={() => {
            setOpen(null);
            editor.commands.focus();
          }}
        />
      ) : null}
      {open === 'image' ? (
        <ImageForm
          workId={workId}
          onInsert={(src, alt) => {
            chain().setImage({ src, alt }).run();
            setOpen(null);
          }}
          onCancel={() => {
            setOpen(null);
            editor.commands.focus();
          }}
        />
      ) : null}
    </div>
  );
}

const SAFE_URL = /^(https?:\/\/|mailto:)/i;

function LinkForm({
  initial,
  hasLink,
  onApply,
  onCancel,
}: {
  initial: string;
  hasLink: boolean;
  onApply: (href: string) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [href, setHref] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = href.trim();
    if (value && !SAFE_URL.test(value)) {
      setError('Use an address starting with https://, http:// or mailto:');
      return;
    }
    onApply(value);
  };
  return (
    <form className="toolbar-form" onSubmit={submit} aria-label="Link" noValidate>
      <label htmlFor={`${id}-href`}>Link address</label>
      <input
        id={`${id}-href`}
        type="url"
        value={href}
        placeholder="https://"
        autoFocus
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => setHref(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel();
        }}
      />
      <button type="submit">
        {href.trim() ? 'Apply link' : hasLink ? 'Remove link' : 'Apply link'}
      </button>
      <button type="button" className="secondary" onClick={onCancel}>
        Cancel
      </button>
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
