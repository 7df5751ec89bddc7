// notification/tlp-above-channel: a channel states the most restricted TLP it may carry
// (`maxTlp`); a notification sent on it must not be classified above that ceiling.

import type { RuleFinding, RuleMeta } from '../../findings.js';
import { tlpRank } from '../../tlp.js';
import { finding } from './finding.js';
import { nameOf } from './ref-sites.js';
import type { Rule } from './rule.js';
import { get, idIndex, items, pointer, str } from './safe.js';

const meta: RuleMeta = {
  id: 'notification/tlp-above-channel',
  severity: 'error',
  description: "A notification's TLP is no more restricted than the maxTlp of the channel it is sent on.",
};

/** Reports each notification whose tlp is stricter than its channel's maxTlp, at the tlp. */
export const tlpAboveChannel: Rule = {
  ...meta,
  check(ctx) {
    const out: RuleFinding[] = [];
    const channels = items(ctx.plan, 'channels');
    const index = idIndex(channels);
    items(ctx.plan, 'notifications').forEach((n, i) => {
      const channelId = str(get(n, 'channel'));
      const at = channelId === undefined ? undefined : index.get(channelId);
      if (at === undefined) return; // no channel, or an unknown one (ref/unknown-channel)
      const tlp = str(get(n, 'tlp'));
      const ceiling = str(get(channels[at], 'maxTlp'));
      const sent = tlpRank(tlp);
      const allowed = tlpRank(ceiling);
      if (sent === undefined || allowed === undefined || sent <= allowed) return;
      const message =
        `${nameOf('notification', n, i)} is TLP:${tlp ?? ''} but channel "${channelId ?? ''}" may carry at most TLP:${ceiling ?? ''}: ` +
        'send it on a channel accredited for that label, or lower its tlp if the source agrees';
      out.push(finding(meta, pointer('notifications', i, 'tlp'), message, { cause: [pointer('notifications', i, 'tlp'), pointer('channels', at, 'maxTlp')] }));
    });
    return out;
  },
};
