import { computeSaveState, type SaveInputs } from './save-state.ts';

/** The save state line, announced politely when it changes. */
export function SaveStatus({ inputs }: { inputs: SaveInputs }) {
  const state = computeSaveState(inputs);
  return (
    <p className={`save-status save-${state.kind}`} role="status" aria-live="polite">
      <span className="save-dot" aria-hidden="true" />
      {state.label}
    </p>
  );
}
