import { describe, expect, it } from 'vitest';
import { ApiConfigSchema, CollabConfigSchema, ConfigError, loadConfig } from './index.ts';

const valid = {
  DATABASE_URL: 'mysql://root:s3cret@127.0.0.1:3306/pluma',
  REDIS_URL: 'redis://127.0.0.1:6379',
  S3_ENDPOINT: 'http://127.0.0.1:9000',
  S3_ACCESS_KEY: 'key',
  S3_SECRET_KEY: 'secret',
  S3_BUCKET: 'pluma',
  JWT_SECRET: 'x'.repeat(32),
};

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('parses a valid environment with defaults and freezes it', () => {
    const config = loadConfig(ApiConfigSchema, valid);
    expect(config.API_PORT).toBe(3001);
    expect(config.PUBLIC_URL).toBe('http://localhost:8080');
    expect(config.MIGRATE_ON_START).toBe(true);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names a missing variable', () => {
    const { DATABASE_URL: _omit, ...rest } = valid;
    const error = errorOf(() => loadConfig(ApiConfigSchema, rest));
    expect(error.variables).toEqual(['DATABASE_URL']);
    expect(error.message).toContain('DATABASE_URL is required');
  });

  it('names a malformed variable without printing its value', () => {
    const error = errorOf(() =>
      loadConfig(CollabConfigSchema, { ...valid, DATABASE_URL: 'postgres://u:topsecret@h/db' }),
    );
    expect(error.variables).toEqual(['DATABASE_URL']);
    expect(error.message).toContain('DATABASE_URL must be a URL starting with mysql://');
    expect(error.message).not.toContain('topsecret');
  });

  it('rejects a short JWT secret and a bad port, naming both', () => {
    const error = errorOf(() =>
      loadConfig(ApiConfigSchema, { ...valid, JWT_SECRET: 'short', API_PORT: 'eighty' }),
    );
    expect(error.variables.sort()).toEqual(['API_PORT', 'JWT_SECRET']);
    expect(error.message).not.toContain('short');
  });

  it('treats an empty variable as unset', () => {
    const config = loadConfig(ApiConfigSchema, { ...valid, DATABASE_READ_URL: '' });
    expect(config.DATABASE_READ_URL).toBeUndefined();
  });

  it('serves no metrics unless METRICS_PORT is set; 0 asks for any free port', () => {
    expect(loadConfig(ApiConfigSchema, valid).METRICS_PORT).toBeUndefined();
    expect(loadConfig(CollabConfigSchema, { ...valid, METRICS_PORT: '0' }).METRICS_PORT).toBe(0);
    expect(loadConfig(ApiConfigSchema, { ...valid, METRICS_PORT: '9464' }).METRICS_PORT).toBe(9464);
    const error = errorOf(() => loadConfig(ApiConfigSchema, { ...valid, METRICS_PORT: 'x' }));
    expect(error.variables).toEqual(['METRICS_PORT']);
  });
});
