/**
 * Helpdesk pages too large to keep as files: a Zendesk agent-workspace ticket with thousands of
 * messages (the shape of extension/src/adapters/fixtures/zendesk/two-tabs-assumed-hooks.html), our own text.
 */
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function zendeskThreadPage(messages: number): string {
  const start = Date.parse('2026-01-05T08:00:00Z');
  const articles: string[] = [];
  for (let i = 0; i < messages; i++) {
    const fromCustomer = i % 2 === 0;
    const sender = fromCustomer ? 'Ines Varga' : 'Marco Bell';
    const body = fromCustomer
      ? `Update ${i}: the replacement charger still has not arrived and I need a refund if it is lost.`
      : `Reply ${i}: thanks Ines, I am checking with the carrier now.`;
    articles.push(
      `<article data-comment-id="${70000 + i}"><div data-test-id="omni-log-item-sender">${sender}</div>` +
        `<time datetime="${new Date(start + i * 60_000).toISOString()}">${i}</time>` +
        `<div data-test-id="omni-log-message-content">${escape(body)}</div></article>`,
    );
  }
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Long thread - Agent</title></head>
  <body>
    <nav data-test-id="header-tablist"><div role="tab" data-test-id="header-tab" data-is-active="true">#5000 Charger lost in transit</div></nav>
    <main data-test-id="workspace">
      <section data-test-id="ticket-pane" data-is-active="true">
        <input data-test-id="omni-header-subject" value="Replacement charger lost in transit" />
        <div data-test-id="ticket-system-field-requester-select" title="ines.varga@example.org">Ines Varga</div>
        <div data-test-id="ticket-status">Open</div>
        <div data-test-id="omni-log-container">${articles.join('\n')}</div>
        <div data-test-id="ticket-rich-text-editor"><div data-test-id="omnicomposer-rich-text-ckeditor" contenteditable="true"></div></div>
      </section>
    </main>
  </body>
</html>`;
}
