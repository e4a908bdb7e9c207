import type { Instrumentation } from '@opentelemetry/instrumentation';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { MySQL2Instrumentation } from '@opentelemetry/instrumentation-mysql2';
import { RedisInstrumentation } from '@opentelemetry/instrumentation-redis';
import { SocketIoInstrumentation } from '@opentelemetry/instrumentation-socket.io';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';

/**
 * Client spans of the libraries the apps use: outgoing fetch (undici), MySQL (mysql2, under
 * MikroORM), Redis (ioredis under BullMQ; node-redis 6 for the apps' own keys) and socket.io.
 */
export function createTracingInstrumentations(): Instrumentation[] {
  return [
    new UndiciInstrumentation(),
    new MySQL2Instrumentation(),
    new IORedisInstrumentation(),
    new RedisInstrumentation(),
    new SocketIoInstrumentation(),
  ];
}
