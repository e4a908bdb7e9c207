import * as Y from 'yjs';

/** True when the bytes decode as a Yjs update (v1); used before anything is stored. */
export function isWellFormedUpdate(update: Uint8Array): boolean {
  try {
    Y.decodeUpdate(update);
    return true;
  } catch {
    return false;
  }
}

/** True when the bytes decode as a Yjs state vector. */
export function isWellFormedStateVector(stateVector: Uint8Array): boolean {
  try {
    Y.decodeStateVector(stateVector);
    return true;
  } catch {
    return false;
  }
}
