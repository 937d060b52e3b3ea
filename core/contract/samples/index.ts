import type { WriteCallName } from '../index';
import { organizationSamples } from './organizations';
import type { WriteSample } from './types';
import { userSamples } from './users';

/**
 * One sample per write call, kept beside the calls' contract files (one file per domain). The
 * contract-wide write test (tests/contract/writes.test.ts) runs each through dispatch; a write
 * call without a sample fails it.
 */
export const writeSamples: { [N in WriteCallName]?: WriteSample<N> } = {
  ...organizationSamples,
  ...userSamples,
};

export type { SampleKit, SampleWorld, Samples, WriteSample } from './types';
