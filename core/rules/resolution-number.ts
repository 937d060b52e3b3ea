/** 〔2026〕3号: the default numbering of resolutions, per organization and year. */
export const DEFAULT_RESOLUTION_FORMAT = '〔{年}〕{序号}号';

/** A resolution number from the organization's format; the server when it numbers, the settings form for its example. */
export function formatResolutionNumber(format: string, year: number, seq: number): string {
  return format.replaceAll('{年}', String(year)).replaceAll('{序号}', String(seq));
}
