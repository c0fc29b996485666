/**
 * Every place the Gmail adapter looks on the page, in one table: the class names and attributes
 * Gmail's thread view has kept for years (the ones public Gmail extensions read), each list in the
 * order tried, with why each fallback exists. Attributes (email, name, role, aria-expanded) are
 * preferred to class names wherever Gmail offers one, since Gmail renames classes far more often.
 */
export const GMAIL_SELECTORS = {
  /** What only a Gmail conversation page carries, for telling the site from its markup on another host. */
  signature: 'h2.hP, div.adn',
  /** The conversation's subject; `.ha h2` is the heading's container for a layout that drops `hP`. */
  subject: ['h2.hP', '.ha h2'],
  /**
   * One message of the open conversation, whatever its state (expanded, collapsed or folded into
   * "N older messages"): a list item. Layouts without list roles (and older saved pages) are read
   * from the message elements themselves: `div.adn` (expanded) and `div.adf` (collapsed header).
   */
  messageItem: ['[role="listitem"]'],
  messageElement: ['div.adn', 'div.adf'],
  /**
   * The sender chip carries the address and the display name as attributes. `span.gD` is the chip;
   * `h3 [email]` finds it when the class changes (the expanded header's h3.iw holds only the
   * sender), and `td.gF [email]` in older and collapsed headers, whose first cell is the sender's.
   */
  sender: ['span.gD[email]', 'h3 [email]', 'td.gF [email]'],
  /** The sender's avatar names the same address (`jid`, `data-hovercard-id`): a second witness that must agree. */
  avatar: ['img[jid]', 'img.ajn[data-hovercard-id]'],
  /** The "to me, Anna" line of an expanded message: one chip per recipient (To and Cc). `span.g2` if `.hb` is renamed. */
  recipient: ['.hb [email]', 'span.g2[email]'],
  /** The hidden "Show details" card repeats from/to/cc as chips: never read as the sender. */
  detailsCard: '.ajA, .ajC',
  /** The loaded body of an expanded message: `div.a3s`, its wrapper `div.ii.gt`, and `.adP` from older markup. */
  body: ['div.a3s', 'div.ii.gt', '.adP'],
  /** The one-line preview a collapsed message shows instead of its body (twice, for wide and narrow rows). */
  snippet: ['.iA.g6', '.g6', '.iA'],
  /** The sent time: the date chip's tooltip title, a machine-readable time, or a tooltip. */
  sentAt: ['span.g3[title]', 'time[datetime]', '[data-tooltip]'],
  /**
   * Gmail's "…" (show trimmed content) button. Where it is, Gmail keeps the trimmed part (quoted
   * history, a repeated signature) in `.adL`; a button without it means the body is laid out in a
   * way we do not know. Found by class, or by being a button that expands (role + aria-expanded +
   * tooltip), which e-mail content does not carry.
   */
  trimmedButton: '.ajR, [role="button"][aria-expanded][data-tooltip]',
  /** Content Gmail keeps hidden until "…" is clicked. */
  trimmedContent: '.adL',
  /**
   * A quoted reply (attribution line and blockquote) or a forwarded message: mail clients' own
   * class inside the e-mail. A forward starts with a run of dashes and is kept; a quote is dropped.
   */
  quote: '.gmail_quote',
  /**
   * The Google Account button: it links to the sign-out options, and its label (or title, in older
   * markup) ends in "(owner's address)". A bar whose button links elsewhere is searched for a link
   * labelled with an address; the account chooser's other accounts are not such links.
   */
  accountButton: [
    'a[href*="accounts.google.com/SignOutOptions"]',
    'header a[aria-label*="@"]',
    '[role="banner"] a[aria-label*="@"]',
    '#gb a[title*="@"]',
  ],
  /** An open reply or compose box: Gmail's hidden From input and the send-as chooser's items. */
  composerFrom: 'input[name="from"]',
  sendAsChoice: '[role="menu"] [role="menuitem"][value]',
  /** The reply box itself: the editable body inside the inline reply (`div.M9`) or the older compose table (`.Ap`). */
  composer: ['div.M9 div[contenteditable="true"]', '.Ap [g_editable="true"]'],
  /** Thread ids Gmail puts on the subject and on messages (the legacy hex id first, the permanent id second). */
  threadIdAttributes: ['data-legacy-thread-id', 'data-thread-perm-id'],
} as const;
