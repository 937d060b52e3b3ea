import { defineConfig } from 'drizzle-kit';

// The street hub's PostgreSQL schema (server/), apart from the desktop app's SQLite one.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema.ts',
  out: './server/db/migrations',
});
