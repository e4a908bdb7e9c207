/** Placeholder: replaced by the screen itself. */
export function AuthorPage() {
  return <p>Author is on its way.</p>;
}
