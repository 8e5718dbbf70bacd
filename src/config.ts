/**
 * Configuration: the ONLY reader of process.env. Validates everything at once, reports every
 * problem in one ConfigError, and returns a frozen object that is passed down.
 */
import { resolve } from 'node:path';

export type DatabaseConfig =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: string };

export interface Config {
  /** trustProxy: take the client address from X-Forwarded-For (only behind a reverse proxy; TRUST_PROXY). */
  readonly http: { readonly host: string; readonly port: number; readonly trustProxy: boolean };
  readonly db: DatabaseConfig;
  readonly dataDir: string;
  readonly log: { readonly level: string };
  /** Session signing secret; null = generate one on first start and keep it in the database. */
  readonly sessionSecret: string | null;
  readonly uploads: { readonly maxBytes: number };
  readonly chromiumPath: string;
  /** Fill an empty database with the demo district on start. */
  readonly demo: boolean;
  /** NO_COLOR (https://no-color.org): never colour terminal output. */
  readonly noColor: boolean;
  /** Behind a TLS-terminating proxy: mark cookies Secure. */
  readonly secureCookies: boolean;
  /** Demo staff accounts get this password instead of a random one (GONGKAI_DEMO_PASSWORD). */
  readonly demoPassword: string | null;
  /** About how many requests the demo generates over 2024 … today (GONGKAI_DEMO_REQUESTS, default 2,500; 0 = none). */
  readonly demoRequests: number;
  readonly auth: AuthConfig;
  readonly rateLimit: RateLimitConfig;
}

export interface AuthConfig {
  /** Failed logins in a row that lock an account (LOGIN_LOCKOUT_ATTEMPTS, default 5). */
  readonly lockoutThreshold: number;
  /** How long a locked account stays locked (LOGIN_LOCKOUT_MINUTES, default 15). */
  readonly lockoutMinutes: number;
  /** A session unused for this long ends (SESSION_IDLE_MINUTES, default 120). */
  readonly sessionIdleMinutes: number;
  /** A session ends this long after login whatever happens (SESSION_MAX_HOURS, default 12). */
  readonly sessionMaxHours: number;
  /** scrypt cost as log2(N) for new password hashes (PASSWORD_HASH_COST, default 15; r = 8, p = 3). */
  readonly passwordHashCost: number;
}

export interface RateLimitRule {
  readonly max: number;
  readonly windowMs: number;
}

export interface RateLimitConfig {
  /** Login attempts per client IP per minute (RATE_LIMIT_LOGIN, default 10). */
  readonly login: RateLimitRule;
  /** Public form submissions per client IP per hour (RATE_LIMIT_FORMS, default 60). */
  readonly publicForm: RateLimitRule;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`配置有误：\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * `defaults.logLevel`: the level when LOG_LEVEL is not set (the CLI passes 'warn': its commands print
 * their own Chinese output, which routine service events would bury; the server logs 'info').
 */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd(), defaults: { readonly logLevel?: string } = {}): Config {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} 应为 ${min}–${max} 之间的整数，实际为“${raw}”`);
      return fallback;
    }
    return n;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name} 应为 true 或 false，实际为“${env[name]}”`);
    return fallback;
  };

  const dataDir = resolve(cwd, env.GONGKAI_DATA_DIR || 'data');
  const rawDb = env.DATABASE_URL?.trim();
  let db: DatabaseConfig;
  if (rawDb && /^postgres(ql)?:\/\//.test(rawDb)) {
    try {
      new URL(rawDb);
    } catch {
      problems.push(`DATABASE_URL 不是有效的 PostgreSQL 连接串：“${rawDb}”`);
    }
    db = { kind: 'postgres', url: rawDb };
  } else if (rawDb && /^[a-z][a-z0-9+.-]*:\/\//i.test(rawDb) && !rawDb.startsWith('file://')) {
    problems.push(`DATABASE_URL 只支持 postgres:// 连接串或 SQLite 文件路径，实际为“${rawDb}”`);
    db = { kind: 'sqlite', file: resolve(dataDir, 'gongkai.db') };
  } else if (rawDb) {
    db = { kind: 'sqlite', file: rawDb === ':memory:' ? rawDb : resolve(cwd, rawDb.replace(/^file:\/\//, '').replace(/^sqlite:/, '')) };
  } else {
    db = { kind: 'sqlite', file: resolve(dataDir, 'gongkai.db') };
  }

  const level = env.LOG_LEVEL || defaults.logLevel || 'info';
  if (!levels.includes(level)) problems.push(`LOG_LEVEL 应为 ${levels.join('/')} 之一，实际为“${level}”`);
  const secret = env.SESSION_SECRET || null;
  if (secret !== null && secret.length < 32) problems.push('SESSION_SECRET 至少 32 个字符');
  const demoPassword = env.GONGKAI_DEMO_PASSWORD || null;
  if (demoPassword !== null && [...demoPassword].length < 10) problems.push('GONGKAI_DEMO_PASSWORD 至少 10 个字符');

  const config: Config = {
    http: { host: env.HOST || '0.0.0.0', port: int('PORT', 3000, 0, 65535), trustProxy: bool('TRUST_PROXY', false) },
    db,
    dataDir,
    log: { level },
    sessionSecret: secret,
    uploads: { maxBytes: int('UPLOAD_LIMIT_MB', 20, 1, 1024) * 1024 * 1024 },
    chromiumPath: env.CHROMIUM_PATH || '/usr/bin/chromium',
    demo: bool('GONGKAI_DEMO', true),
    secureCookies: bool('SECURE_COOKIES', false),
    noColor: Boolean(env.NO_COLOR),
    demoPassword,
    demoRequests: int('GONGKAI_DEMO_REQUESTS', 2500, 0, 100_000),
    auth: {
      lockoutThreshold: int('LOGIN_LOCKOUT_ATTEMPTS', 5, 1, 100),
      lockoutMinutes: int('LOGIN_LOCKOUT_MINUTES', 15, 1, 24 * 60),
      sessionIdleMinutes: int('SESSION_IDLE_MINUTES', 120, 1, 7 * 24 * 60),
      sessionMaxHours: int('SESSION_MAX_HOURS', 12, 1, 30 * 24),
      passwordHashCost: int('PASSWORD_HASH_COST', 15, 10, 20),
    },
    rateLimit: {
      login: { max: int('RATE_LIMIT_LOGIN', 10, 1, 100_000), windowMs: 60_000 },
      publicForm: { max: int('RATE_LIMIT_FORMS', 60, 1, 100_000), windowMs: 3_600_000 },
    },
  };
  if (problems.length) throw new ConfigError(problems);
  return deepFreeze(config);
}

/** The config with secrets masked, for the start-up log line. */
export function redactConfig(config: Config): unknown {
  return JSON.parse(JSON.stringify(config), (key, value) => {
    if (/secret|password|token|key/i.test(key) && value) return '***';
    if (key === 'url' && typeof value === 'string') return value.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
    return value;
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
