/** Placeholder: replaced by the screen itself. */
export function VerifyPage() {
  return <p>Verify is on its way.</p>;
}
