import { createOrganization, listOrganizations, renameOrganization, setCurrentOrganization } from '../../db/organizations';
import type { HandlerGroup } from './context';

export const organizationHandlers: HandlerGroup<'organizations.list' | 'organizations.create' | 'organizations.rename' | 'organizations.setCurrent'> = {
  'organizations.list': (ctx) => listOrganizations(ctx.db),
  'organizations.create': (ctx, input) => createOrganization(ctx.tx, input),
  'organizations.rename': (ctx, input) => renameOrganization(ctx.tx, input),
  'organizations.setCurrent': (ctx, input) => setCurrentOrganization(ctx.tx, input),
};
