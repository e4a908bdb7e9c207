/** Placeholder: replaced by the screen itself. */
export function SignInPage() {
  return <p>SignIn is on its way.</p>;
}
