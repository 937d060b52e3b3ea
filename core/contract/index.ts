import type { z } from 'zod';
import { organizationCalls } from './organizations';
import { peopleCalls } from './people';
import { rosterCalls } from './roster';
import { systemCalls } from './system';
import { userCalls } from './users';
import { meetingTypeCalls } from './meeting-types';
import { bodyCalls } from './bodies';
import { meetingCalls } from './meetings';
import { agendaCalls } from './agenda';
import { attendanceCalls } from './attendance';
import { speechCalls } from './speeches';
import { proposalCalls, resolutionCalls, voteCalls } from './votes';
import { documentCalls } from './documents';
import { ruleCalls } from './rules';
import { topicCalls } from './topics';
import { summonsCalls } from './summons';
import { followUpCalls } from './followup';
import { noticeCalls } from './notices';
import { matterCalls } from './matters';
import { homeCalls } from './home';
import { followUpDocumentCalls } from './followup-documents';
import { backupCalls } from './backups';
import { attachmentCalls } from './attachments';
import { ledgerCalls } from './ledgers';
import { reminderCalls } from './reminders';

/** Every call the renderer can make, declared once. Transports and handlers derive from it. */
export const contract = {
  ...systemCalls,
  ...userCalls,
  ...organizationCalls,
  ...peopleCalls,
  ...rosterCalls,
  ...meetingTypeCalls,
  ...bodyCalls,
  ...meetingCalls,
  ...agendaCalls,
  ...attendanceCalls,
  ...speechCalls,
  ...proposalCalls,
  ...voteCalls,
  ...resolutionCalls,
  ...documentCalls,
  ...ruleCalls,
  ...topicCalls,
  ...summonsCalls,
  ...followUpCalls,
  ...noticeCalls,
  ...matterCalls,
  ...homeCalls,
  ...followUpDocumentCalls,
  ...backupCalls,
  ...attachmentCalls,
  ...ledgerCalls,
  ...reminderCalls,
};

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Contract[N]['output']>;

export const callNames = Object.keys(contract) as CallName[];

/** The calls that change the record (declared with `defineWrite`). */
export type WriteCallName = { [N in CallName]: Contract[N] extends { writes: true } ? N : never }[CallName];
export type ReadCallName = Exclude<CallName, WriteCallName>;

export function isWriteCall(name: CallName): name is WriteCallName {
  return contract[name].writes;
}

export const writeCallNames = callNames.filter(isWriteCall);

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export * from './define';
