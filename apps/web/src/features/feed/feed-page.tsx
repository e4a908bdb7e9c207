/** Placeholder: replaced by the screen itself. */
export function FeedPage() {
  return <p>Feed is on its way.</p>;
}
