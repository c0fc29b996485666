/**
 * The widget's stylesheet, applied inside its shadow root only: nothing here reaches the page, and
 * the page's rules do not reach in (`:host { all: initial !important }` also stops the inherited
 * ones: font, colour, line height, text alignment). Colours come from theme.ts's custom
 * properties; a panel under 481 px wide fills the screen; motion only plays when the visitor has
 * not asked for less; every control shows a focus ring that contrasts with what is behind it.
 */
const scheme = (name: 'light' | 'dark') =>
  ['bg', 'surface', 'text', 'muted', 'border', 'link', 'focus'].map((v) => `--${v}: var(--tw-${name}-${v});`).join(' ') +
  (name === 'dark' ? ' --error: #fca5a5; color-scheme: dark;' : ' --error: #b91c1c; color-scheme: light;');

export const STYLES = `
:host { all: initial !important; }
.root { ${scheme('light')} font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--text); text-align: left; }
:host([data-scheme="dark"]) .root { ${scheme('dark')} }
@media (prefers-color-scheme: dark) { :host([data-scheme="auto"]) .root { ${scheme('dark')} } }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
.sr-only { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
button, textarea { font: inherit; }
button { cursor: pointer; }
:focus { outline: none; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.launcher { position: fixed; bottom: 20px; right: 20px; z-index: 2147483000; width: 56px; height: 56px; padding: 0; border: 0; border-radius: 50%;
  background: var(--tw-accent); color: var(--tw-on-accent); box-shadow: 0 4px 14px rgba(0,0,0,.28); display: flex; align-items: center; justify-content: center; }
.launcher svg { width: 28px; height: 28px; fill: currentColor; }
.launcher:focus-visible, .send:focus-visible, .accent-area :focus-visible { outline-color: var(--tw-on-accent); outline-offset: -6px; }
.badge { position: absolute; top: 3px; right: 3px; width: 14px; height: 14px; border-radius: 50%; background: #dc2626; border: 2px solid #ffffff; }
.panel { position: fixed; bottom: 88px; right: 20px; z-index: 2147483000; width: 380px; max-width: calc(100vw - 40px); height: 600px; max-height: calc(100vh - 108px);
  display: flex; flex-direction: column; background: var(--bg); color: var(--text); border: 1px solid var(--border); border-radius: 14px; box-shadow: 0 12px 40px rgba(0,0,0,.28); overflow: hidden; }
:host([data-position="bottom-left"]) .launcher, :host([data-position="bottom-left"]) .panel { right: auto; left: 20px; }
.head { display: flex; align-items: flex-start; gap: 8px; padding: 14px 12px 12px 16px; background: var(--tw-accent); color: var(--tw-on-accent); }
.head h2 { margin: 0; font-size: 17px; font-weight: 600; line-height: 1.3; }
.who { margin: 2px 0 0; font-size: 13px; }
.close { margin-left: auto; flex: none; width: 40px; height: 40px; border: 0; border-radius: 8px; background: transparent; color: inherit; font-size: 24px; line-height: 1; }
.body { flex: 1; overflow-y: auto; padding: 14px 16px; }
.greeting { margin: 0 0 12px; color: var(--muted); }
.log { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 10px; }
.msg { max-width: 85%; padding: 8px 12px; border-radius: 12px; overflow-wrap: anywhere; }
.msg .text { white-space: pre-wrap; }
.visitor { align-self: flex-end; background: var(--tw-accent); color: var(--tw-on-accent); }
.ai, .human, .proactive { align-self: flex-start; background: var(--surface); color: var(--text); }
.author { display: block; margin-bottom: 2px; font-size: 12px; font-weight: 600; color: var(--muted); }
.notice { align-self: center; max-width: 90%; text-align: center; font-size: 13px; color: var(--muted); }
.sources-label { display: block; margin-top: 6px; font-size: 12px; font-weight: 600; color: var(--muted); }
.sources { margin: 2px 0 0; padding-left: 20px; font-size: 13px; }
a { color: var(--link); text-decoration: underline; }
.typing { display: flex; align-items: center; gap: 8px; margin-top: 10px; font-size: 13px; color: var(--muted); }
.dots { display: inline-flex; gap: 3px; }
.dots span { width: 6px; height: 6px; border-radius: 50%; background: currentColor; }
.suggestions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 12px; }
.chip { padding: 6px 12px; border: 1px solid var(--border); border-radius: 999px; background: var(--bg); color: var(--text); font-size: 14px; text-align: left; }
.rating { margin-top: 14px; padding: 10px 12px; border: 1px solid var(--border); border-radius: 10px; }
.rating p { margin: 0 0 8px; font-weight: 600; }
.stars { display: flex; gap: 6px; }
.star { min-width: 44px; height: 40px; border: 1px solid var(--border); border-radius: 8px; background: var(--bg); color: var(--text); font-size: 15px; }
.thanks { margin: 0; }
.status { margin: 10px 0 0; font-size: 13px; color: var(--error); }
.foot { display: flex; flex-direction: column; gap: 6px; padding: 10px 12px 12px; border-top: 1px solid var(--border); background: var(--bg); }
.human-btn { align-self: flex-start; padding: 4px 2px; border: 0; background: none; color: var(--link); font-size: 13px; text-decoration: underline; }
.composer { display: flex; gap: 8px; align-items: flex-end; margin: 0; }
.composer textarea { flex: 1; min-height: 42px; max-height: 120px; padding: 9px 10px; border: 1px solid var(--muted); border-radius: 10px; resize: none; background: var(--bg); color: var(--text); }
.send { height: 42px; padding: 0 16px; border: 0; border-radius: 10px; background: var(--tw-accent); color: var(--tw-on-accent); font-weight: 600; }
.send[disabled] { cursor: default; }
.restart { padding: 10px; border: 1px solid var(--border); border-radius: 10px; background: var(--surface); color: var(--text); }
@media (prefers-reduced-motion: no-preference) {
  .panel { animation: tw-in .18s ease-out; }
  .dots span { animation: tw-blink 1.2s infinite both; }
  .dots span:nth-child(2) { animation-delay: .2s; }
  .dots span:nth-child(3) { animation-delay: .4s; }
}
@keyframes tw-in { from { opacity: 0; transform: translateY(8px); } to { opacity: 1; transform: none; } }
@keyframes tw-blink { 0%, 80%, 100% { opacity: .25; } 40% { opacity: 1; } }
@media (max-width: 480px) {
  .panel, :host([data-position="bottom-left"]) .panel { inset: 0; width: 100%; max-width: none; height: 100%; max-height: none; border: 0; border-radius: 0; }
  .root.open .launcher { display: none; }
}
@media (forced-colors: active) { .launcher, .send, .msg { border: 2px solid CanvasText; } }
`;
