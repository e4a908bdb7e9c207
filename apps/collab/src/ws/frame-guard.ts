import * as decoding from 'lib0/decoding';
import { isWellFormedStateVector, isWellFormedUpdate } from '../storage/update-validity.ts';

/** Hocuspocus message types a client may send (server-internal ones, like BroadcastStateless, excluded). */
const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;
const QUERY_AWARENESS = 3;
const SYNC_REPLY = 4;
const STATELESS = 5;
const CLOSE = 7;
const PONG = 10;

/** Longest message address: `page:<id>`, optionally followed by `\0<sessionId>`. */
const MAX_ADDRESS_LENGTH = 200;

export type FrameVerdict = 'forward' | 'ignore' | 'malformed';

function readAwarenessUpdate(update: Uint8Array) {
  const decoder = decoding.createDecoder(update);
  const clients = decoding.readVarUint(decoder);
  for (let i = 0; i < clients; i++) {
    decoding.readVarUint(decoder); // client id
    decoding.readVarUint(decoder); // clock
    JSON.parse(decoding.readVarString(decoder));
  }
}

/**
 * Checks a WebSocket frame before Hocuspocus sees it: it must be a complete Hocuspocus message
 * of a type clients send, carrying a decodable Yjs update, state vector or awareness update.
 * Hocuspocus alone would queue an unparseable frame under a garbage document name or drop the
 * document connection while keeping the socket; Pluma closes the socket with a reason instead.
 */
export function checkFrame(data: Uint8Array): FrameVerdict {
  // The provider's connection-level Pong has no document address.
  if (data.length === 1 && data[0] === PONG) return 'ignore';
  try {
    const decoder = decoding.createDecoder(data);
    const address = decoding.readVarString(decoder);
    if (address.length === 0 || address.length > MAX_ADDRESS_LENGTH) return 'malformed';
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case SYNC:
      case SYNC_REPLY: {
        const step = decoding.readVarUint(decoder);
        const body = decoding.readVarUint8Array(decoder);
        if (step === 0) {
          if (!isWellFormedStateVector(body)) return 'malformed';
        } else if (step === 1 || step === 2) {
          if (!isWellFormedUpdate(body)) return 'malformed';
        } else {
          return 'malformed';
        }
        break;
      }
      case AWARENESS:
        readAwarenessUpdate(decoding.readVarUint8Array(decoder));
        break;
      case AUTH:
        decoding.readVarUint(decoder);
        decoding.readVarString(decoder);
        // Newer providers append their version.
        if (decoding.hasContent(decoder)) decoding.readVarString(decoder);
        break;
      case STATELESS:
        decoding.readVarString(decoder);
        break;
      case QUERY_AWARENESS:
      case CLOSE:
        break;
      default:
        return 'malformed';
    }
    return decoding.hasContent(decoder) ? 'malformed' : 'forward';
  } catch {
    return 'malformed';
  }
}
