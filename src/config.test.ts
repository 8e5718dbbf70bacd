import { describe, expect, it } from 'vitest';
import { loadConfig, redactConfig, type ConfigError } from './config.js';

describe(loadConfig.name, () => {
  it('defaults the login, session and rate-limit settings', () => {
    const c = loadConfig({}, '/srv/gk');
    expect(c.auth).toEqual({ lockoutThreshold: 5, lockoutMinutes: 15, sessionIdleMinutes: 120, sessionMaxHours: 12, passwordHashCost: 15 });
    expect(c.rateLimit).toEqual({ login: { max: 10, windowMs: 60_000 }, publicForm: { max: 60, windowMs: 3_600_000 } });
    expect(c.demoPassword).toBeNull();
    expect(c.demoRequests).toBe(2500);
    expect(c.http).toEqual({ host: '0.0.0.0', port: 3000, trustProxy: false });
    expect(c.db).toEqual({ kind: 'sqlite', file: '/srv/gk/data/gongkai.db' });
  });

  it('logs at info unless told otherwise; a caller may lower the default (the CLI: warn), LOG_LEVEL still wins', () => {
    expect(loadConfig({}, '/srv/gk').log.level).toBe('info');
    expect(loadConfig({}, '/srv/gk', { logLevel: 'warn' }).log.level).toBe('warn');
    expect(loadConfig({ LOG_LEVEL: 'debug' }, '/srv/gk', { logLevel: 'warn' }).log.level).toBe('debug');
  });

  it('takes PORT and DATABASE_URL: a postgres:// URL, or a SQLite file path relative to the working directory', () => {
    const pg = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://gk@db.example:5432/gongkai' }, '/srv/gk');
    expect([pg.http.port, pg.db]).toEqual([8080, { kind: 'postgres', url: 'postgres://gk@db.example:5432/gongkai' }]);
    expect(loadConfig({ DATABASE_URL: 'var/gk.sqlite' }, '/srv/gk').db).toEqual({ kind: 'sqlite', file: '/srv/gk/var/gk.sqlite' });
  });

  it('reads them from the environment and reports every bad value at once', () => {
    const c = loadConfig({ LOGIN_LOCKOUT_ATTEMPTS: '3', SESSION_IDLE_MINUTES: '45', RATE_LIMIT_FORMS: '5', GONGKAI_DEMO_PASSWORD: 'Demo-pass-2026', GONGKAI_DEMO_REQUESTS: '0' });
    expect([c.auth.lockoutThreshold, c.auth.sessionIdleMinutes, c.rateLimit.publicForm.max, c.demoPassword, c.demoRequests]).toEqual([3, 45, 5, 'Demo-pass-2026', 0]);
    let problems: readonly string[] = [];
    try {
      loadConfig({ PASSWORD_HASH_COST: '30', LOGIN_LOCKOUT_MINUTES: 'soon', GONGKAI_DEMO_PASSWORD: 'short', GONGKAI_DEMO_REQUESTS: 'many' });
    } catch (err) {
      problems = (err as ConfigError).problems;
    }
    expect([...problems].sort()).toEqual([
      'GONGKAI_DEMO_PASSWORD 至少 10 个字符',
      'GONGKAI_DEMO_REQUESTS 应为 0–100000 之间的整数，实际为“many”',
      'LOGIN_LOCKOUT_MINUTES 应为 1–1440 之间的整数，实际为“soon”',
      'PASSWORD_HASH_COST 应为 10–20 之间的整数，实际为“30”',
    ]);
  });

  it('masks the demo password and the session secret in the start-up log line', () => {
    const shown = JSON.stringify(redactConfig(loadConfig({ GONGKAI_DEMO_PASSWORD: 'Demo-pass-2026', SESSION_SECRET: 'x'.repeat(40) })));
    expect(shown).not.toContain('Demo-pass-2026');
    expect(shown).not.toContain('x'.repeat(40));
  });
});
