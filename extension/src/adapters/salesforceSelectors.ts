/**
 * Every selector the Salesforce reader uses, in one table, with the reason for each fallback. The
 * page's classes change between Lightning releases and densities, so each hook prefers what does
 * not change with the layout or the language: tag names of Lightning components, the field's API
 * name in `data-target-selection-name`, record ids in `data-id` and `href`, image paths in
 * Classic. Classes come second and are only trusted where the reader can check what it found.
 */

/** Lightning record ids by key prefix: what a link or a `data-id` points at. */
export const RECORD_PREFIX = {
  case: '500',
  contact: '003',
  user: '005',
  feedItem: '0D5',
  feedComment: '0D7',
  emailMessage: '02s',
} as const;

/** Markup that means the same on every page, used by both readers. */
export const COMMON = {
  /** A link with its target; the one with text is a name (an avatar link holds an image). */
  link: 'a[href]',
  /** An address shown as a mail link: the address is in the href, whatever the text around it. */
  mailLink: 'a[href^="mailto:"]',
  /** What holds a record's id (a feed item, a reply). */
  recordIdHolder: '[data-id]',
} as const;

export const LIGHTNING = {
  /** Lightning markup at all: a page served or saved outside Salesforce's own addresses is still read as Lightning. */
  anyLightningMarkup:
    '.oneConsoleTab, article.cuf-feedItem, article[data-id^="0D5"], [data-target-selection-name^="sfdc:RecordField."], records-record-layout-item, records-highlights-details-item',
  /** What only a Lightning case page carries (site detection on hosts that are not Salesforce's own). */
  signature:
    '[data-target-selection-name^="sfdc:RecordField.Case."], records-record-layout-item[field-label], records-highlights-details-item, .oneConsoleTab, article.cuf-feedItem',
  /** Console tabs: each open tab is a `.oneConsoleTab` panel; only one carries `.active`. */
  consoleTab: '.oneConsoleTab',
  /**
   * Standard navigation keeps pages visited before in the page, hidden: each is a `.oneContent`
   * container and only the one on screen carries `.active`.
   */
  pageContainer: '.oneContent',
  /**
   * The console's tab headers name their panel by id (`aria-controls`) and link the tab's record or
   * list (a record's own Feed/Details sub-tabs link nothing): a second, class-free witness.
   */
  consoleTabHeader: '[role="tab"][aria-controls][href^="/lightning/"]',
  /** Anything that names a panel: found in one cheap pass, then tested against the header above (few match). */
  panelNamer: '[aria-controls]',
  /**
   * The case's fields by their API name (`sfdc:RecordField.Case.Subject`), the same in every UI
   * language: newer LWC layouts put it on records-record-layout-item, older Aura ones on a wrapper
   * around .forcePageBlockItemView. Also tells a case record from other records without a label.
   */
  anyCaseField: '[data-target-selection-name^="sfdc:RecordField.Case."]',
  /** Where a layout item keeps its value: LWC's output slot, then Aura's value span. */
  fieldValue: '[name="outputField"], [slot="outputField"], .test-id__field-value, .slds-form-element__static',
  /** The highlights panel's items: a label paragraph above a value paragraph, labels only in the UI language. */
  highlightsItem: 'records-highlights-details-item',
  /** A highlights item's label repeats its text in its title (the value does not): language-free. */
  highlightsLabel: '[title]',
  /**
   * Everything the case's fields are read from, found in one pass: API-named fields, layout items
   * by their label (pages without API names), highlights items, and the header's primary field
   * (a case's record name, which is its number: never its subject). Attribute presence, not a
   * prefix: one cheap pass over a big page, the reader checks the prefix itself.
   */
  recordParts: '[data-target-selection-name], [field-label], records-highlights-details-item, [slot="primaryField"]',
  /** The case feed: Aura's article per item (`0D5…` FeedItem ids), with class and id as two witnesses. */
  feedItem: 'article.cuf-feedItem, article.cuf-feedElement, article[data-id^="0D5"]',
  /** Replies to a post: inside the item or in a sibling block (compact feed), class or FeedComment id. */
  feedComment: '.cuf-commentItem, .forceChatterComment, [data-id^="0D7"]',
  /** What may be an item or a reply, in one cheap pass over a big feed; each is then tested against the two above. */
  feedCandidates: 'article, [data-id], .cuf-commentItem, .forceChatterComment',
  /** The element that groups an item with its replies block. */
  feedItemGroup: '.cuf-feedElementIterationItem, .slds-feed__item',
  /** An item's header (actor, visibility, time): Aura's header classes, or the header element. */
  feedHeader: '.cuf-feedItemHeader, .forceChatterFeedItemHeader, header',
  /** The post's visibility ("<Company> Only", "All with access"), where Aura puts it. */
  visibility: '.preamble_custom-preamble',
  /** A post's or comment's text. */
  postBody: '.feedBodyInner, .cuf-feedBodyText, .forceChatterMessageBody',
  /** A comment's text, inside its content block. */
  commentBody: '.slds-comment__content',
  /** An e-mail's body: the rich-text component (its `value` holds the HTML when the text sits in an iframe), then its wrappers. */
  emailRichText: 'emailui-rich-text-output',
  emailBody: '.emailMessageBody, .forceChatterEmailMessageBody .email-message-body',
  /** A collapsed e-mail shows only a preview line. */
  emailPreview: '.cuf-emailPreview',
  /** Collapsed items say so on their expand control, in any language (a menu's trigger, which opens a popup, is not one). */
  collapsedControl: '[aria-expanded="false"]:not([aria-haspopup])',
  /**
   * Record activity, not a message: a field change ("updated this record", Aura's tracked-change
   * body) or the case's creation ("created this case", a summary of the new record).
   */
  recordActivity: '.cuf-trackedChange, .forceChatterFeedAuxBodyTrackedChange, .forceChatterFeedAuxBodyRecordSummary',
  /** A link to a person's record; the text-bearing one is the name (the avatar link holds an image). */
  personLink: 'a[href*="/lightning/r/User/"], a[href*="/lightning/r/Contact/"], a[href*="/lightning/r/005"], a[href*="/lightning/r/003"]',
  /** The actor link Aura marks in a preamble or a comment. */
  actorLink: '.cuf-entityLink',
  /** A timestamp a machine can read (some feeds render one). */
  machineTime: 'time[datetime]',
  /** The case feed's reply box, newest markup first. */
  composers: [
    '.publisherInputContainer .ql-editor',
    '.ql-editor',
    '.publisherInputContainer [contenteditable="true"]',
    '.publisherInputContainer textarea',
    'div.forceChatterPublisherPresentationDesktop [contenteditable="true"]',
    'div.forceChatterPublisherPresentationDesktop textarea',
  ],
} as const;

export const CLASSIC = {
  /** Classic markup at all: the "Case:" title, the case number's value id, or a case's related lists. */
  anyClassicMarkup: 'h1.pageType, #cas2_ileinner, [id$="_RelatedCommentsList_body"], [id$="_RelatedEmailMessageList_body"]',
  /** What only a Classic case page carries: the number under the "Case:" title, or the case comments list. */
  signature: '.pageType ~ .pageDescription, #cas2_ileinner, [id$="_RelatedCommentsList"]',
  pageDescription: 'h2.pageDescription',
  /** Standard case fields keep their value in a div with a fixed id, whatever the UI language. */
  fieldValue: {
    owner: '#cas1_ileinner',
    caseNumber: '#cas2_ileinner',
    contactName: '#cas3_ileinner',
    contactEmail: '#cas10_ileinner',
    subject: '#cas14_ileinner',
    description: '#cas15_ileinner',
  },
  /** Any inline-editable value: how a value cell is told from a label cell. */
  anyFieldValue: '[id$="_ileinner"]',
  /** The related lists' bodies, by the id Salesforce derives from the list's name. */
  commentsList: '[id$="_RelatedCommentsList_body"]',
  emailsList: '[id$="_RelatedEmailMessageList_body"]',
  /** Classic's read-only checkbox: the image path says checked or not in every language. */
  checkedImage: 'img[src*="checkbox_checked"]',
  uncheckedImage: 'img[src*="checkbox_unchecked"]',
  /** The e-mail's direction icon, by its image path (the alt text is localised). */
  inboundImage: 'img[src*="emailInbound"]',
  outboundImage: 'img[src*="emailOutbound"]',
  /** A table cell: label and value cells, related-list columns. */
  cell: 'td, th',
  /** A related list's rows; a data row holds data cells (the header row only column headings). */
  row: 'tr',
  dataCell: 'td',
  /** A case comment's "Created By: <name> (<date>)" line, in bold above its text. */
  commentAuthorLine: 'b, strong',
  /** The e-mail's subject link (an EmailMessage record) and the italic preview of its body under it. */
  emailLink: 'a[href^="/02s"]',
  emailPreview: 'font, i, em',
} as const;
