/**
 * Milliseconds on CLOCK_MONOTONIC (libuv's hrtime). Every process on one machine reads the
 * same clock, so a send time taken in one worker and a receive time taken in another can be
 * subtracted. (`performance.timeOrigin` is taken from the wall clock per process and is not
 * safe for that.)
 */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
