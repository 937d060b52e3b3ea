import type { WriteCallName } from '../index';
import { followUpSamples } from './followup';
import { meetingSamples } from './meetings';
import { organizationSamples } from './organizations';
import { ruleSamples } from './rules';
import { peopleSamples } from './people';
import type { WriteSample } from './types';
import { voteSamples } from './votes';
import { userSamples } from './users';
import { backupSamples } from './backups';
import { attachmentSamples } from './attachments';
import { reminderSamples } from './reminders';

/**
 * One sample per write call, kept beside the calls' contract files (one file per domain). The
 * contract-wide write test (tests/integration/contract-writes.test.ts) runs each through
 * dispatch. A write call without a sample fails the typecheck here and that test.
 */
export const writeSamples: { [N in WriteCallName]: WriteSample<N> } = {
  ...organizationSamples,
  ...ruleSamples,
  ...followUpSamples,
  ...meetingSamples,
  ...peopleSamples,
  ...voteSamples,
  ...userSamples,
  ...backupSamples,
  ...attachmentSamples,
  ...reminderSamples,
};

export type { SampleKit, SampleWorld, Samples, WriteSample } from './types';
