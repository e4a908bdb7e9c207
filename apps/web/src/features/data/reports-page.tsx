/** Placeholder: replaced by the screen itself. */
export function ReportsPage() {
  return <p>Reports is on its way.</p>;
}
