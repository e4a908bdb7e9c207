/** Placeholder: replaced by the screen itself. */
export function ExplorePage() {
  return <p>Explore is on its way.</p>;
}
