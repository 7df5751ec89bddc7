// References that only ever point inside the plan: levels, clocks, channels, notifications.

import type { RuleFinding, RuleMeta } from '../../findings.js';
import { finding } from './finding.js';
import { siteText } from './resolve.js';
import { channelRefSites, clockRefSites, levelRefSites, notificationRefSites, type RefSite } from './ref-sites.js';
import type { Rule } from './rule.js';
import { idIndex, get } from './safe.js';
import { suggester } from './words.js';

/** Builds a rule that checks references of one kind against the ids of one top-level list. */
function localRefRule(
  id: string,
  description: string,
  list: string,
  sites: (plan: unknown) => RefSite[],
): Rule {
  const meta: RuleMeta = { id, severity: 'error', description };
  return {
    ...meta,
    check(ctx) {
      const didYouMean = suggester();
      const known = new Set(idIndex(get(ctx.plan, list)).keys());
      const out: RuleFinding[] = [];
      for (const site of sites(ctx.plan)) {
        if (known.has(site.value)) continue;
        const message = `${siteText(site)} is not defined in ${list}${didYouMean(site.value, known)}`;
        out.push(finding(meta, site.path, message));
      }
      return out;
    },
  };
}

/** Step levels, option escalations and role levels name a defined level. */
export const unknownLevel = localRefRule(
  'ref/unknown-level',
  'Every step level, decision option escalate and role level names a level defined in levels.',
  'levels',
  levelRefSites,
);

/** startsClocks, notification clocks and clock `after` name a defined clock. */
export const unknownClock = localRefRule(
  'ref/unknown-clock',
  'Every startsClocks entry, notification clock and clock after names a clock defined in clocks.',
  'clocks',
  clockRefSites,
);

/** Contact and notification channels name a defined channel. */
export const unknownChannel = localRefRule(
  'ref/unknown-channel',
  'Every role contact channel and notification channel names a channel defined in channels.',
  'channels',
  channelRefSites,
);

/** Step notify entries name a defined notification. */
export const unknownNotification = localRefRule(
  'ref/unknown-notification',
  'Every step notify entry names a notification defined in notifications.',
  'notifications',
  notificationRefSites,
);
