/** Placeholder: replaced by the screen itself. */
export function ForgotPasswordPage() {
  return <p>ForgotPassword is on its way.</p>;
}
