import { Forbidden, MessageTooBig, ResetConnection, Unauthorized } from '@hocuspocus/common';
import type { CloseEvent } from '@hocuspocus/common';
import { MalformedMessage } from '../close-events.ts';

/**
 * The `reason` label of pluma_collab_connections_refused_total, one per way collab refuses a
 * connection (observability/metrics.md). Every one is exported from start-up, at 0.
 */
export const REFUSAL_REASONS = [
  'unauthenticated',
  'forbidden',
  'not_found',
  'too_many_connections',
  'too_large',
  'malformed',
  'throttled',
  'unavailable',
  'other',
] as const;

export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** Unavailable (1011): authorization could not be checked (the auth extension's TryAgainLater). */
const INTERNAL_ERROR = 1011;

/** The label for a refusal, from the close code (and, where one code serves two refusals, the reason) collab sends. */
export function refusalReason(event: CloseEvent): RefusalReason {
  switch (event.code) {
    case Unauthorized.code:
      return 'unauthenticated';
    case Forbidden.code:
      return event.reason === 'not-found' ? 'not_found' : 'forbidden';
    case ResetConnection.code:
      return event.reason === 'too-many-connections' ? 'too_many_connections' : 'other';
    case MessageTooBig.code:
      return 'too_large';
    case MalformedMessage.code:
      return 'malformed';
    case INTERNAL_ERROR:
      return 'unavailable';
    default:
      return 'other';
  }
}
