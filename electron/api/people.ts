import { createPerson, listGroups, listPeople, revealPerson, setPersonStatus, updatePerson } from '../../db/people';
import type { HandlerGroup } from './context';

export const peopleHandlers: HandlerGroup<'people.list' | 'people.groups' | 'people.create' | 'people.update' | 'people.setStatus' | 'people.reveal'> = {
  'people.list': (ctx, input) => listPeople(ctx.db, input),
  'people.groups': (ctx, input) => listGroups(ctx.db, input.orgId),
  'people.create': (ctx, input) => createPerson(ctx.tx, input),
  'people.update': (ctx, input) => updatePerson(ctx.tx, input),
  'people.setStatus': (ctx, input) => setPersonStatus(ctx.tx, input),
  'people.reveal': (ctx, input) => revealPerson(ctx.tx, input),
};
