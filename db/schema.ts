import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// Times are ISO-8601 UTC text (sortable, readable in any SQLite tool); calendar dates are
// YYYY-MM-DD text. Every table a later issue adds (meetings, attendance, votes, rules, topics)
// hangs off organizations and people by integer id, so these keys never change meaning.

export const organizations = sqliteTable(
  'organizations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['社区', '村', '街道', '乡镇'] }).notNull(),
    parentId: integer('parent_id').references((): any => organizations.id, { onDelete: 'restrict' }),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [check('organizations_kind_check', sql`${t.kind} in ('社区', '村', '街道', '乡镇')`)],
);

export const households = sqliteTable(
  'households',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    number: text('number').notNull(),
    address: text('address'),
    groupName: text('group_name'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('households_org_number').on(t.orgId, t.number)],
);

export const people = sqliteTable(
  'people',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orgId: integer('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    /** Space-separated pinyin search keys (full and initials), derived from name. */
    pinyinKeys: text('pinyin_keys').notNull(),
    gender: text('gender', { enum: ['男', '女'] }),
    birthDate: text('birth_date'),
    householdId: integer('household_id').references(() => households.id, { onDelete: 'restrict' }),
    groupName: text('group_name'),
    phone: text('phone'),
    idNumber: text('id_number'),
    /** JSON array of tags (党员, 居民代表, …); queried with json_each. */
    tags: text('tags').notNull().default('[]'),
    status: text('status', { enum: ['在册', '迁出'] }).notNull().default('在册'),
    movedAt: text('moved_at'),
    note: text('note'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('people_org_status_name').on(t.orgId, t.status, t.name),
    index('people_household').on(t.householdId),
    uniqueIndex('people_org_id_number').on(t.orgId, t.idNumber).where(sql`${t.idNumber} is not null`),
    check('people_gender_check', sql`${t.gender} is null or ${t.gender} in ('男', '女')`),
    check('people_status_check', sql`${t.status} in ('在册', '迁出')`),
  ],
);

/**
 * The audit trail ("处处留痕"): append-only (triggers in a custom migration refuse UPDATE and
 * DELETE), each entry hashing the previous one so an edit made outside the app shows.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id'),
    beforeJson: text('before_json'),
    afterJson: text('after_json'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_entity').on(t.entity, t.entityId)],
);

/** Small application settings (current organization, preferences) as JSON values. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
});
