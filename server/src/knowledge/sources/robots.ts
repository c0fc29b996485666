/**
 * A best-effort reading of robots.txt (RFC 9309) for the crawler: the group naming our product
 * token, else the `*` group; Allow and Disallow with `*` and `$`; the longest matching rule wins
 * and Allow wins a tie. Matching is a wildcard walk that only ever retries from the last `*`, so a
 * hostile pattern costs at most pattern × path steps, and the number of rules is capped.
 */

export interface RobotsRules {
  isAllowed(url: string): boolean;
}

interface Rule {
  allow: boolean;
  pattern: string;
}

interface Group {
  agents: string[];
  rules: Rule[];
}

const MAX_RULES = 2_000;
const MAX_PATTERN_LENGTH = 1_024;

export const ALLOW_ALL: RobotsRules = { isAllowed: () => true };

export function parseRobots(text: string, productToken: string): RobotsRules {
  const groups = readGroups(text);
  const token = productToken.toLowerCase();
  const ours = groups.filter((group) => group.agents.includes(token));
  const chosen = ours.length > 0 ? ours : groups.filter((group) => group.agents.includes('*'));
  const rules = chosen.flatMap((group) => group.rules).slice(0, MAX_RULES);
  if (rules.length === 0) return ALLOW_ALL;
  return {
    isAllowed(url: string): boolean {
      const { pathname, search } = new URL(url);
      const target = `${pathname}${search}`;
      let best: Rule | undefined;
      for (const rule of rules) {
        if (!matches(rule.pattern, target)) continue;
        const longer = !best || rule.pattern.length > best.pattern.length;
        const tieWonByAllow = best && rule.pattern.length === best.pattern.length && rule.allow;
        if (longer || tieWonByAllow) best = rule;
      }
      return best?.allow ?? true;
    },
  };
}

/** The product token of a User-Agent header: `TandemBot/0.1 (...)` → `tandembot`. */
export function productTokenOf(userAgent: string): string {
  return (userAgent.trim().split(/[/\s]/)[0] ?? '').toLowerCase();
}

function readGroups(text: string): Group[] {
  const groups: Group[] = [];
  let current: Group | undefined;
  let collectingAgents = false;
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'user-agent') {
      // Consecutive User-agent lines share one group; one after a rule starts the next.
      if (!current || !collectingAgents) groups.push((current = { agents: [], rules: [] }));
      current.agents.push(value.toLowerCase());
      collectingAgents = true;
    } else if ((key === 'allow' || key === 'disallow') && current) {
      collectingAgents = false;
      // An empty Disallow allows everything, which is what having no rule means.
      if (value && value.length <= MAX_PATTERN_LENGTH) current.rules.push({ allow: key === 'allow', pattern: value });
    }
  }
  return groups;
}

/**
 * Whether `pattern` matches the start of `target` (or all of it, with a trailing `$`). The classic
 * greedy-with-backtrack-point walk: on a mismatch only the last `*` is extended, never revisited.
 */
function matches(pattern: string, target: string): boolean {
  const anchored = pattern.endsWith('$');
  const glob = anchored ? pattern.slice(0, -1) : `${pattern}*`;
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < target.length) {
    if (p < glob.length && glob[p] === '*') {
      star = p++;
      resume = t;
    } else if (p < glob.length && glob[p] === target[t]) {
      p++;
      t++;
    } else if (star >= 0) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < glob.length && glob[p] === '*') p++;
  return p === glob.length;
}
