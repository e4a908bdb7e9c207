/** Placeholder: replaced by the screen itself. */
export function ReaderPage() {
  return <p>Reader is on its way.</p>;
}
