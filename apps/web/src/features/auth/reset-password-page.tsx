/** Placeholder: replaced by the screen itself. */
export function ResetPasswordPage() {
  return <p>ResetPassword is on its way.</p>;
}
