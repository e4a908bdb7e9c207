/** Placeholder: replaced by the screen itself. */
export function MyWorksPage() {
  return <p>MyWorks is on its way.</p>;
}
