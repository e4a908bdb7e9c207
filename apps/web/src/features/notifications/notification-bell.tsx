/** Placeholder: replaced by the screen itself. */
export function NotificationBell() {
  return <p>NotificationBell is on its way.</p>;
}
