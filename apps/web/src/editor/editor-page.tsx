/** Placeholder: replaced by the screen itself. */
export function EditorPage() {
  return <p>Editor is on its way.</p>;
}
