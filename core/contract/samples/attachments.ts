import type { Samples } from './types';

// A small photo: a PNG's first bytes are enough for the store, which keeps bytes and does not read them.
const PHOTO = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

export const attachmentSamples: Samples<'attachments.add' | 'attachments.remove'> = {
  'attachments.add': {
    input: ({ world }) => ({ target: { kind: 'agendaItem', id: world.running.agendaItemId }, fileName: '村道现场照片.png', base64: PHOTO }),
    audits: ['attachments.add'],
    // The finalized meeting's record is locked: no new attachment on its agenda.
    refused: async (kit) => {
      const items = await kit.call('agenda.list', { meetingId: kit.world.meetings.finalized });
      return { target: { kind: 'agendaItem', id: items.items[0]!.id }, fileName: '照片.png', base64: PHOTO };
    },
  },
  'attachments.remove': {
    input: async (kit) => {
      const target = { kind: 'agendaItem' as const, id: kit.world.running.agendaItemId };
      const { added } = await kit.call('attachments.add', { target, fileName: '签到表扫描件.png', base64: PHOTO });
      return { target, path: added.path };
    },
    audits: ['attachments.remove'],
    refused: ({ world }) => ({ target: { kind: 'agendaItem', id: world.running.agendaItemId }, path: 'attachments/2026/0000000000000000-不存在.png' }),
  },
};
