/** Placeholder: replaced by the screen itself. */
export function MentorshipPage() {
  return <p>Mentorship is on its way.</p>;
}
