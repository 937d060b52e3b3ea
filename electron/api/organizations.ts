import { createOrganization, getOrgProfile, listOrganizations, renameOrganization, setCurrentOrganization, setOrgProfile } from '../../db/organizations';
import type { HandlerGroup } from './context';

export const organizationHandlers: HandlerGroup<
  'organizations.list' | 'organizations.create' | 'organizations.rename' | 'organizations.setCurrent' | 'organizations.profile' | 'organizations.setProfile'
> = {
  'organizations.list': (ctx) => listOrganizations(ctx.db),
  'organizations.create': (ctx, input) => createOrganization(ctx.tx, input),
  'organizations.rename': (ctx, input) => renameOrganization(ctx.tx, input),
  'organizations.setCurrent': (ctx, input) => setCurrentOrganization(ctx.tx, input),
  'organizations.profile': (ctx, input) => getOrgProfile(ctx.db, input.orgId),
  'organizations.setProfile': (ctx, input) => setOrgProfile(ctx.tx, input),
};
