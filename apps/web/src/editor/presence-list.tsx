import type { Participant } from './use-collab-provider.ts';

/** Who is in the page now, each with the colour of their caret; "you" first. */
export function PresenceList({ participants }: { participants: Participant[] }) {
  return (
    <section className="presence" aria-labelledby="presence-title">
      <h2 id="presence-title" className="visually-hidden">
        Here now
      </h2>
      <ul className="presence-list" aria-label="People in this page">
        {participants.map((person) => (
          <li key={person.clientId} className="presence-person">
            <span
              className="presence-swatch"
              style={{ backgroundColor: person.color }}
              aria-hidden="true"
            />
            {person.name}
            {person.self ? <span className="presence-you"> (you)</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
