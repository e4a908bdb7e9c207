export { ConfigError, loadConfig } from './load-config.ts';
export {
  ApiConfigSchema,
  CollabConfigSchema,
  DbConfigSchema,
  WebConfigSchema,
  WorkersConfigSchema,
} from './schemas.ts';
export type { ApiConfig, CollabConfig, DbConfig, WebConfig, WorkersConfig } from './schemas.ts';
