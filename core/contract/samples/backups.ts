import type { Samples } from './types';

export const backupSamples = {
  'backups.restore': {
    // A copy taken through 立即备份, restored as an outside file would be (a USB stick).
    input: async ({ call }) => {
      const copy = await call('backups.backupNow', {});
      return { source: { kind: 'file', fileName: copy.fileName, dataBase64: copy.base64 } } as const;
    },
    audits: ['backup.restore'],
    // Not a database at all: refused with a Chinese reason, the current file untouched.
    refused: () => ({ source: { kind: 'file', fileName: '会议照片.sqlite', dataBase64: 'dGhpcyBpcyBub3QgYSBkYXRhYmFzZQ==' } }) as const,
  },
} satisfies Samples<'backups.restore'>;
