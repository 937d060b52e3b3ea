import { createPerson, listPeople, revealPerson, setPersonStatus, updatePerson } from '../../db/people';
import type { HandlerGroup } from './context';

export const peopleHandlers: HandlerGroup<'people.list' | 'people.create' | 'people.update' | 'people.setStatus' | 'people.reveal'> = {
  'people.list': (ctx, input) => listPeople(ctx.db, input),
  'people.create': (ctx, { orgId, ...fields }) => createPerson(ctx.db, ctx.actor, orgId, fields),
  'people.update': (ctx, { id, ...fields }) => updatePerson(ctx.db, ctx.actor, id, fields),
  'people.setStatus': (ctx, input) => setPersonStatus(ctx.db, ctx.actor, input.id, input.status, input.movedAt),
  'people.reveal': (ctx, input) => revealPerson(ctx.db, ctx.actor, input.id),
};
