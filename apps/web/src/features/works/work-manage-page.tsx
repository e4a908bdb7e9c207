/** Placeholder: replaced by the screen itself. */
export function WorkManagePage() {
  return <p>WorkManage is on its way.</p>;
}
