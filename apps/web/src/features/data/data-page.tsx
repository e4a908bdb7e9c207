/** Placeholder: replaced by the screen itself. */
export function DataPage() {
  return <p>Data is on its way.</p>;
}
