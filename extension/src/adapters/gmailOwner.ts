/**
 * The mailbox owner and send-as addresses from the page around the thread: the Google Account
 * button (its aria-label, or its title in older markup: "Google Account: Name (address)" in any UI
 * language), the page title ("<subject> - <address> - Gmail"), and an open reply or compose box
 * (its From, and every address its send-as chooser offers). The "to me" chips inside the thread are
 * read with their message (gmailMessages.ts). Each source must name a valid address in the shape
 * that source uses, or it names nobody.
 */
import { GMAIL_SELECTORS as S } from './gmailSelectors';
import { ownerFromTitle } from './gmailIdentity';
import { optionalEmail } from './ticketFields';

/** "(address)" at the end of an account button's label: "Google-Konto: Jonas Weber (jonas@example.de)". */
const BRACKETED_ADDRESS = /\(\s*([^()\s]+@[^()\s]+)\s*\)\s*$/;
/** "Name <address>" or a bare address, as Gmail's From input holds it. */
const ANGLED_ADDRESS = /<\s*([^<>\s]+@[^<>\s]+)\s*>\s*$/;

function isEmail(text: string): boolean {
  return optionalEmail(text) !== undefined;
}

function lowerEmail(text: string | null | undefined): string | undefined {
  return optionalEmail(text)?.toLowerCase();
}

/** The owner the account button names (the signed-in account; other accounts in the chooser link elsewhere). */
function fromAccountButton(doc: Document): string[] {
  const owners = new Set<string>();
  for (const selector of S.accountButton) {
    for (const button of Array.from(doc.querySelectorAll(selector))) {
      const label = (button.getAttribute('aria-label') ?? button.getAttribute('title') ?? '').replace(/\s+/g, ' ').trim();
      const address = lowerEmail(BRACKETED_ADDRESS.exec(label)?.[1]);
      if (address !== undefined) owners.add(address);
    }
    if (owners.size > 0) break;
  }
  return [...owners];
}

/** The From of an open reply or compose box, and every send-as address its chooser offers. */
function fromComposer(doc: Document): string[] {
  const addresses = new Set<string>();
  for (const input of Array.from(doc.querySelectorAll(S.composerFrom))) {
    const value = (input.getAttribute('value') ?? '').trim();
    const address = lowerEmail(ANGLED_ADDRESS.exec(value)?.[1] ?? value);
    if (address !== undefined) addresses.add(address);
  }
  for (const choice of Array.from(doc.querySelectorAll(S.sendAsChoice))) {
    const address = lowerEmail(choice.getAttribute('value'));
    if (address !== undefined) addresses.add(address);
  }
  return [...addresses];
}

/** Every address the page says is the agent's own: the owner's, and send-as addresses. Lower-cased, without repeats. */
export function pageAgentAddresses(doc: Document, subject: string): string[] {
  const fromTitle = ownerFromTitle(doc.title, subject, isEmail);
  return [...new Set([...fromAccountButton(doc), ...(fromTitle === undefined ? [] : [fromTitle]), ...fromComposer(doc)])];
}
