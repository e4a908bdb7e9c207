export { createHealthRoutes, checkReadiness } from './health.ts';
export type { ReadinessChecks } from './health.ts';
export { closeServer, listen } from './listen.ts';
export { createShutdown } from './shutdown.ts';
export type { Shutdown, ShutdownPhase } from './shutdown.ts';
export { StartupError, describeEndpoint, reasonOf } from './startup-error.ts';
export { runMain } from './run-main.ts';
export { connectRedis } from './redis.ts';
export type { Redis } from './redis.ts';
