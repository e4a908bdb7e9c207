export { createObjectStore, ensureBucket } from './object-store.ts';
export type { ObjectStore, ObjectStoreOptions } from './object-store.ts';
