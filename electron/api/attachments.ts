import { addAttachment, readAttachment, removeAttachment } from '../../db/attachments';
import type { HandlerGroup } from './context';

export const attachmentHandlers: HandlerGroup<'attachments.add' | 'attachments.remove' | 'attachments.get'> = {
  'attachments.add': (ctx, input) => addAttachment(ctx.tx, input),
  'attachments.remove': (ctx, input) => removeAttachment(ctx.tx, input),
  'attachments.get': (ctx, input) => readAttachment(ctx.db, input.path),
};
