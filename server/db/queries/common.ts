import { sql, type SQL } from 'drizzle-orm';
import { type AnyPgColumn } from 'drizzle-orm/pg-core';

/** The dashboards look at one community (communityId) or all of them (undefined). */
export interface Scope {
  communityId?: string | undefined;
}

/** `and community_id = …` when one community is asked for. */
export function inScope(column: AnyPgColumn, scope: Scope): SQL {
  return scope.communityId ? sql` and ${column} = ${scope.communityId}` : sql``;
}

export function month(date: string): string {
  return date.slice(0, 7);
}
