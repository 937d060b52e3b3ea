import {
  createOrganization,
  listOrganizations,
  renameOrganization,
  setCurrentOrganization,
} from '../../db/organizations';
import type { HandlerGroup } from './context';

export const organizationHandlers: HandlerGroup<
  'organizations.list' | 'organizations.create' | 'organizations.rename' | 'organizations.setCurrent'
> = {
  'organizations.list': (ctx) => listOrganizations(ctx.db),
  'organizations.create': (ctx, input) => createOrganization(ctx.db, ctx.actor, input),
  'organizations.rename': (ctx, input) => renameOrganization(ctx.db, ctx.actor, input.id, input.name),
  'organizations.setCurrent': (ctx, input) => setCurrentOrganization(ctx.db, ctx.actor, input.id),
};
