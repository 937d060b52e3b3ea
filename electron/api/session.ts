import type { User } from '../../core/contract/users';
import type { Actor } from '../../db/client';

export const NOBODY_MESSAGE = '请先选择使用人：点右上角“切换使用人”，选出您自己，再进行修改';

/** The actor of the few writes allowed before anyone is chosen (the first user, a sign-in). */
export const NOBODY: Actor = { name: '（尚未选择使用人）', userId: null };

/** Writes that need no signed-in user: choosing one, and creating the very first. */
export function allowedWithoutUser(name: string, hasUsers: () => boolean): boolean {
  return name === 'users.signIn' || name === 'users.signOut' || (name === 'users.create' && !hasUsers());
}

/**
 * Who is at the keyboard: the installation user chosen at start (users.signIn), held by the
 * transport for as long as the program runs. Never the computer account: a village office
 * shares one computer among its 文书, 主任 and 书记.
 */
export class Session {
  private user: User | null = null;

  get current(): User | null {
    return this.user;
  }

  signIn(user: User): void {
    this.user = user;
  }

  signOut(): void {
    this.user = null;
  }

  /** The actor of the session's writes, or null when nobody has been chosen yet. */
  actor(): Actor | null {
    return this.user ? { name: this.user.name, userId: this.user.id } : null;
  }
}
