import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The layer rule of DESIGN.md, checked on every `npm test`: core ← db ← electron, renderer → core.
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'worker_threads', 'stream'];
const layer = (message, folders, modules = []) => [
  'error',
  {
    paths: modules.map((name) => ({ name, message })),
    patterns: [...folders.map((f) => ({ regex: `(^|/)${f}(/|$)`, message })), ...(modules.includes('node:*') ? [{ group: nodeBuiltins, message }] : [])],
  },
];

const serverLayerMessage = "Bad layering: server/ (the street hub) may import core/ and exchange/, not the desktop app's db/, electron/ or renderer/.";

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      '.cache/**',
      'test-results/**',
      'playwright-report/**',
      'db/migrations/**',
      'server/db/migrations/**',
      'hub-data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    // One clock (core/clock.ts): nothing in the app reads the operating system's time zone.
    files: ['core/**', 'db/**', 'electron/**', 'renderer/**', 'server/**', 'hub-web/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['getFullYear', 'getMonth', 'getDate', 'getDay', 'getHours', 'getMinutes', 'getTimezoneOffset', 'toLocaleDateString', 'toLocaleTimeString'].map(
          (property) => ({
            property,
            message: "Reads the operating system's time zone: use the one clock (core/clock.ts; ctx.clock / tx.clock; useClock in the renderer).",
          }),
        ),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name='dayjs'][arguments.length=0]",
          message: "dayjs() is the operating system's now and zone: use useClock() (renderer/src/app/useClock.tsx).",
        },
      ],
    },
  },
  {
    files: ['core/**'],
    rules: {
      'no-restricted-imports': layer(
        'Bad layering: core/ is pure rules and the contract; it imports nothing of ours and no I/O.',
        ['db', 'electron', 'renderer'],
        ['electron', 'better-sqlite3', 'drizzle-orm', 'react', 'antd', 'node:*'],
      ),
    },
  },
  {
    files: ['db/**'],
    rules: {
      'no-restricted-imports': layer('Bad layering: db/ may import core/ and exchange/ only.', ['electron', 'renderer', 'server'], ['electron']),
    },
  },
  {
    // Signed packages between the desktop and the street hub: shared by both, so it knows neither.
    files: ['exchange/**'],
    rules: {
      'no-restricted-imports': layer(
        'Bad layering: exchange/ (signed packages) may import core/ only; the desktop and the hub import it.',
        ['db', 'electron', 'renderer', 'server'],
        ['electron', 'better-sqlite3', 'drizzle-orm', 'react', 'antd'],
      ),
    },
  },
  {
    files: ['electron/**'],
    ignores: ['electron/main.ts', 'electron/preload.ts'],
    rules: {
      'no-restricted-imports': layer(
        'Bad layering: only electron/main.ts and electron/preload.ts import electron; electron/ may import core/ and db/.',
        ['renderer'],
        ['electron'],
      ),
    },
  },
  {
    files: ['electron/main.ts', 'electron/preload.ts'],
    rules: {
      'no-restricted-imports': layer('Bad layering: electron/ may import core/ and db/.', ['renderer']),
    },
  },
  // The street hub: its own PostgreSQL schema (server/db/) and service code; it shares core/ and
  // exchange/ with the desktop app but never imports the app's db/, electron/ or renderer/. A
  // relative path is judged by the file's depth: from server/http/x.ts, ../db is the hub's own.
  ...[1, 2, 3, 4].map((depth) => ({
    files: [`server/${'*/'.repeat(depth - 1)}*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'better-sqlite3'].map((name) => ({ name, message: serverLayerMessage })),
          patterns: [
            { regex: `^(\\.\\./){${depth}}(db|electron|renderer)(/|$)`, message: serverLayerMessage },
            { regex: '(^|/)(electron|renderer)(/|$)', message: serverLayerMessage },
          ],
        },
      ],
    },
  })),
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': layer(
        'Bad layering: renderer/ talks to the main process only through the contract client and imports core/ only.',
        ['db', 'electron'],
        ['electron', 'better-sqlite3', 'drizzle-orm', 'exceljs', 'node:*'],
      ),
    },
  },
  {
    // The street's web page (served by the hub): a browser bundle. It imports core/ and the
    // hub's API schemas (exchange/hub-api.ts, exchange/records.ts: zod only), never the signing
    // code (node:crypto) nor the server.
    files: ['hub-web/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'better-sqlite3', 'drizzle-orm', 'exceljs', 'pg', 'fastify'].map((name) => ({
            name,
            message: 'Bad layering: hub-web/ talks to the hub only over HTTP and imports core/ and exchange/hub-api.ts only.',
          })),
          patterns: [
            ...['db', 'electron', 'renderer', 'server'].map((f) => ({
              regex: `(^|/)${f}(/|$)`,
              message: 'Bad layering: hub-web/ talks to the hub only over HTTP and imports core/ and exchange/hub-api.ts only.',
            })),
            {
              regex: '(^|/)exchange(/(index|package|keys|canonical))?$',
              message: 'Bad layering: hub-web/ may import exchange/hub-api.ts (and records.ts) only: the rest needs node:crypto.',
            },
            { group: nodeBuiltins, message: 'Bad layering: hub-web/ runs in the browser: no node:* modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}', 'scripts/**', 'tests/fixtures/**'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
        URL: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
