/** Placeholder: replaced by the screen itself. */
export function SettingsPage() {
  return <p>Settings is on its way.</p>;
}
