/**
 * The design system's entry (its tokens and base styles live in the shared panel package, which the
 * desktop Copilot screen renders too): importing it (once per page) applies the tokens and the base element
 * styles, and names the page's language (Plasmo's generated HTML has none; screen readers need
 * it). The side panel and the options page both import this, so they share one look.
 */
import '@tandem/panel/tokens.css';
import '@tandem/panel/base.css';

/** Tandem's own words are English; ticket text inside keeps whatever language it came in. */
if (document.documentElement.lang === '') document.documentElement.lang = 'en';
