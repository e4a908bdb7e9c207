/** Placeholder: replaced by the screen itself. */
export function NotificationsPage() {
  return <p>Notifications is on its way.</p>;
}
