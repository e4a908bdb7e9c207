import { ResetConnection, type CloseEvent } from '@hocuspocus/common';

/** A frame that is not a well-formed Hocuspocus message (1007: invalid frame payload data). */
export const MalformedMessage: CloseEvent = { code: 1007, reason: 'Malformed Message' };

/** The node is going away; the provider reconnects (to another node behind the load balancer). */
export const GoingAway: CloseEvent = { code: 1001, reason: 'Server Shutting Down' };

/** An edit could not be stored: the socket is reset so the provider reconnects and sends it again. */
export const EditNotSaved: CloseEvent = { code: ResetConnection.code, reason: 'Edit Not Saved' };

/**
 * What a hook throws to refuse a document connection. Hocuspocus answers the provider with
 * `reason` (its authenticationFailed event); a plain object, not an Error, so Hocuspocus does
 * not log every refusal as a failure.
 */
export function refusal(event: CloseEvent, reason: string): CloseEvent {
  return { code: event.code, reason };
}
