import { getPolicy, getUser, hasUsers, listUsers, createUser, setPolicy, signIn, signOut, updateUser } from '../../db/users';
import { ApiError } from '../../core/contract/define';
import type { HandlerGroup } from './context';
import { NOBODY_MESSAGE } from './session';

export const userHandlers: HandlerGroup<
  'users.list' | 'users.current' | 'users.create' | 'users.update' | 'users.signIn' | 'users.signOut' | 'users.setPolicy'
> = {
  'users.list': (ctx) => ({ items: listUsers(ctx.db), policy: getPolicy(ctx.db) }),
  'users.current': (ctx) => {
    const current = ctx.session.current;
    // Re-read: a rename or a new role shows at once; a user retired meanwhile is no one.
    const user = current ? getUser(ctx.db, current.id) : null;
    return { user: user && !user.retired ? user : null, hasUsers: hasUsers(ctx.db) };
  },
  'users.create': (ctx, input) => {
    const first = !ctx.session.current;
    if (first && hasUsers(ctx.tx)) throw new ApiError('FORBIDDEN', NOBODY_MESSAGE);
    const user = createUser(ctx.tx, input);
    // The first user, made on the first-start form, is the one at the keyboard.
    if (first) ctx.session.signIn(signIn(ctx.tx, { id: user.id, pin: input.pin }, null));
    return user;
  },
  'users.update': (ctx, input) => {
    const user = updateUser(ctx.tx, input);
    if (ctx.session.current?.id === user.id) ctx.session.signIn(user);
    return user;
  },
  'users.signIn': (ctx, input) => {
    const user = signIn(ctx.tx, input, ctx.session.current);
    ctx.session.signIn(user);
    return user;
  },
  'users.signOut': (ctx) => {
    const current = ctx.session.current;
    if (current) signOut(ctx.tx, current);
    ctx.session.signOut();
    return { user: null };
  },
  'users.setPolicy': (ctx, input) => setPolicy(ctx.tx, input),
};
