/** Placeholder: replaced by the screen itself. */
export function SearchPage() {
  return <p>Search is on its way.</p>;
}
