import { meetingsHash } from '../meetings/route';
import { rulesHash } from '../rules/route';
import { topicsHash } from '../topics/route';
import { followUpHash } from '../followup/route';

/**
 * Where each line of the 首页 leads. The pages keep their state in the URL hash, so a link is a
 * hash: setting it makes the shell (useHashPage) switch pages and the page open the right item.
 */
export const homeLinks = {
  meetings: meetingsHash({ kind: 'section', section: 'list' }),
  meeting: (id: number) => meetingsHash({ kind: 'meeting', id, tab: 'agenda' }),
  topics: topicsHash({ kind: 'section', section: 'list' }),
  topic: (id: number) => topicsHash({ kind: 'topic', id }),
  summons: topicsHash({ kind: 'section', section: 'summons' }),
  resolutions: followUpHash({ tab: 'resolutions' }),
  /** Opens the resolution's 督办 drawer. */
  resolution: (id: number) => followUpHash({ tab: 'resolutions', id }),
  notices: followUpHash({ tab: 'notices' }),
  rules: rulesHash({ kind: 'list' }),
  /** The 表决通过 tab holds the filing (备案) card. */
  rule: (id: number) => rulesHash({ kind: 'doc', id, tab: 'adoption' }),
};

export function openHash(hash: string) {
  if (window.location.hash !== hash) window.location.hash = hash;
}
