import { sql, type SQL } from 'drizzle-orm';

/** The dashboards look at one community (communityId) or all of them (undefined). */
export interface Scope {
  communityId?: string | undefined;
}

/** ` and <alias>.community_id = …` when one community is asked for. */
export function inScope(alias: 'm' | 'r' | 's', scope: Scope): SQL {
  return scope.communityId ? sql` and ${sql.raw(alias)}.community_id = ${scope.communityId}` : sql``;
}
