/**
 * Every fixture, redesigned at random (classes renamed, wrappers added, siblings moved; see
 * fixtureHarness/pageMutations.ts), must read exactly as the fixture expects or be refused with
 * the typed no-ticket result. A wrong reading (a wrong role, subject or requester, another
 * ticket's messages, a ticket where there is none) fails. Seeded, so a failure names the fixture,
 * the seed and the changes that broke it, and reruns the same. Over linkedom, to stay fast.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { linkedomDocument, loadFixtureCases, type FixtureCase } from './fixtureHarness/fixtureCases';
import { mutatePage, seededRandom, seedOf } from './fixtureHarness/pageMutations';
import { allRight, scoreReading, wrongFields } from './fixtureHarness/readingComparison';
import { textTable } from './fixtureHarness/textTable';
import { readTicketAuto } from './siteRegistry';

/** At least this many mutated pages per site, spread over its fixtures. */
const PAGES_PER_SITE = 240;
/** And at least this many per fixture, so a site with many fixtures still tries each one hard. */
const MIN_PAGES_PER_FIXTURE = 16;

interface SiteTally {
  pages: number;
  right: number;
  refused: number;
  wrong: number;
}

const cases = loadFixtureCases();

function pagesFor(fixture: FixtureCase): number {
  const siteFixtures = cases.filter((each) => each.site === fixture.site).length;
  return Math.max(MIN_PAGES_PER_FIXTURE, Math.ceil(PAGES_PER_SITE / siteFixtures));
}

function report(tallies: Map<string, SiteTally>): string {
  const rows = [...tallies.entries()].map(([site, t]) => [site, String(t.pages), String(t.right), String(t.refused), String(t.wrong)]);
  return textTable(['site', 'pages', 'read right', 'refused', 'wrong'], rows);
}

const tallies = new Map<string, SiteTally>();
const sites = [...new Set(cases.map((fixture) => fixture.site))];

/** Reads every mutated page of one fixture into the site's tally; returns the wrong readings. */
function mutateAndRead(fixture: FixtureCase, tally: SiteTally): string[] {
  const wrong: string[] = [];
  for (let index = 0; index < pagesFor(fixture); index += 1) {
    const seed = (seedOf(fixture.key) + index) >>> 0;
    const doc = linkedomDocument(fixture.html);
    const changes = mutatePage(doc, seededRandom(seed));
    const reading = readTicketAuto(doc, fixture.url);
    tally.pages += 1;
    const scores = scoreReading(fixture.expected, reading);
    if (allRight(scores)) tally.right += 1;
    else if (reading.kind === 'no-ticket') tally.refused += 1;
    else {
      tally.wrong += 1;
      wrong.push(`${fixture.key} seed ${seed} [${changes.join('; ')}]: wrong ${wrongFields(scores).join(', ')}`);
    }
  }
  return wrong;
}

// One test per site keeps each within the runner's timeout as fixtures are added.
describe('adapters under random redesigns', () => {
  afterAll(() => {
    process.stdout.write(`\nMutated fixture pages:\n${report(tallies)}\n\n`);
  });

  it.each(sites)('%s: reads every mutated fixture right or refuses it, never wrong', (site) => {
    const tally: SiteTally = { pages: 0, right: 0, refused: 0, wrong: 0 };
    tallies.set(site, tally);
    const wrong = cases.filter((fixture) => fixture.site === site).flatMap((fixture) => mutateAndRead(fixture, tally));
    expect(tally.pages).toBeGreaterThanOrEqual(200);
    expect(wrong.slice(0, 40)).toEqual([]);
  });
});
