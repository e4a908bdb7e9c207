import type { ConnectionThrottle } from '../ws/connection-throttle.ts';
import type { CollabMetrics } from './collab-metrics.ts';

/** The upgrade throttle, counting each attempt it refuses (429) as `throttled`. */
export function countThrottled(
  throttle: ConnectionThrottle,
  metrics: CollabMetrics,
): ConnectionThrottle {
  return {
    allow(request) {
      const allowed = throttle.allow(request);
      if (!allowed) metrics.countRefusal('throttled');
      return allowed;
    },
    stop: () => throttle.stop(),
  };
}
