import { z } from 'zod';
import { fileOutput, id } from './common';
import { defineRead } from './define';

export const followUpDocumentCalls = {
  'notices.export': defineRead({
    summary: '导出公示文书',
    producesFile: true,
    input: z.object({ id: id('公示') }).strict(),
    output: fileOutput,
  }),
  'notices.exportBoard': defineRead({
    summary: '打印公示张贴版',
    producesFile: true,
    input: z.object({ id: id('公示') }).strict(),
    output: fileOutput,
  }),
  'matters.export': defineRead({
    summary: '导出四议两公开登记表',
    producesFile: true,
    input: z.object({ id: id('四议两公开事项') }).strict(),
    output: fileOutput,
  }),
};
