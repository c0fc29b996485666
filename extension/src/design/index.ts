/**
 * The design system's entry: importing it (once per page) applies the tokens and the base element
 * styles. The side panel and the options page both import this, so they share one look.
 */
import './tokens.css';
import './base.css';
