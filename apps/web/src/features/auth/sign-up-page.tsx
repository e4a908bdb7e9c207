/** Placeholder: replaced by the screen itself. */
export function SignUpPage() {
  return <p>SignUp is on its way.</p>;
}
