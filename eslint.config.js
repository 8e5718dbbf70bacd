// Lint, including the dependency rules between folders of docs/architecture.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const io = ['node:*', 'fs', 'path', 'os', 'child_process', 'fastify', '@fastify/*', 'kysely', 'pg', 'better-sqlite3', 'pino', 'exceljs', 'docx', 'playwright-core', 'pdfjs-dist', 'pdfjs-dist/*'];
const layer = (name) => [`**/${name}/**`, `../${name}/*`, `../../${name}/*`, `../../../${name}/*`];

/** Builds a no-restricted-imports rule from groups of forbidden patterns with the reason. */
const forbid = (...groups) => ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'src/console/dist/**', 'test/e2e/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', {
        selector: "MemberExpression[object.name='process'][property.name='env']",
        message: 'Only src/config.ts reads process.env; pass config down.',
      }],
    },
  },
  {
    files: ['src/config.ts', 'scripts/**', 'bench/**', 'test/**', 'vitest.config.ts', 'bin/**', 'eslint.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [io, 'src/core is pure: no I/O, frameworks or databases.'],
        [[...layer('services'), ...layer('db'), ...layer('server'), ...layer('cli'), ...layer('portal'), ...layer('console'), '**/config.js', '**/logger.js'], 'src/core imports nothing outside src/core.'],
      ),
      'no-restricted-syntax': ['error',
        { selector: "MemberExpression[object.name='process']", message: 'src/core has no process access.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'src/core gets "today" as an argument.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'src/core gets "today" as an argument.' },
      ],
    },
  },
  {
    files: ['src/services/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [[...layer('server'), ...layer('cli'), ...layer('portal'), ...layer('console'), 'fastify', '@fastify/*'], 'services use core and db only.'],
      ),
    },
  },
  {
    files: ['src/db/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [[...layer('services'), ...layer('server'), ...layer('cli'), ...layer('portal'), ...layer('console')], 'db depends on core only.'],
      ),
    },
  },
  {
    // Kysely<any>: migrations are frozen in time and must not depend on the current schema types.
    files: ['src/db/migrations/**/*.ts', 'src/db/migrate.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/db/migrations/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid([['../*', '../../*'], 'migrations never import app code (frozen in time).']),
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid([[...layer('server'), 'fastify', '@fastify/*'], 'cli never imports server.']),
    },
  },
  {
    files: ['src/portal/**/*.ts'],
    rules: {
      'no-restricted-imports': forbid(
        [[...layer('services'), ...layer('db'), ...layer('server'), ...layer('cli'), 'kysely', 'fastify', '@fastify/*'], 'portal renders views from core only.'],
      ),
    },
  },
  {
    files: ['src/console/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': forbid(
        [[...layer('services'), ...layer('db'), ...layer('cli'), 'kysely', 'fastify', '@fastify/*', 'node:*'], 'console imports only core view/spec/messages and server schema types.'],
      ),
    },
  },
);
