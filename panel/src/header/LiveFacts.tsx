/**
 * What the customer's systems say right now (from the draft's `live` event), as one compact strip
 * of chips: the newest orders, the last payment, the cart, other open tickets. Only React text:
 * every field arrived in a webhook from outside.
 */
import type { CustomerLiveState } from '@tandem/shared';
import { money, shortDate } from './format';

/** A side panel has room for a few; the console shows the full history. */
const MAX_ORDERS = 3;

export function LiveFacts({ live }: { live: CustomerLiveState | undefined }) {
  if (live === undefined) return null;
  const orders = [...live.orders].sort((a, b) => b.placedAt.localeCompare(a.placedAt)).slice(0, MAX_ORDERS);
  const nothing = orders.length === 0 && live.payment === undefined && live.cart === undefined && live.openTickets.length === 0;
  return (
    <section className="live-facts" aria-label="Live customer facts" data-testid="live-facts">
      <h3 className="section-title">Customer now</h3>
      {nothing ? <p className="muted">No orders, payments or cart for this customer.</p> : null}
      <ul className="live-facts__strip" hidden={nothing}>
        {orders.map((order) => (
          <li key={order.id} className="chip" data-testid="live-order">
            <strong>#{order.id}</strong> {order.status} · {money(order.total, order.currency)} · {shortDate(order.placedAt)}
            {order.items.length === 0 ? null : (
              <span className="muted"> · {order.items.map((item) => `${item.quantity}× ${item.name}`).join(', ')}</span>
            )}
          </li>
        ))}
        {live.orders.length > MAX_ORDERS ? <li className="chip muted">and {live.orders.length - MAX_ORDERS} older</li> : null}
        {live.payment === undefined ? null : (
          <li data-testid="live-payment" className={`chip${live.payment.status === 'failed' ? ' chip--danger' : ''}`}>
            Payment {live.payment.status === 'failed' ? 'failed' : 'OK'}
            {live.payment.detail === undefined ? null : <>: {live.payment.detail}</>} · {shortDate(live.payment.lastEventAt)}
          </li>
        )}
        {live.cart === undefined ? null : (
          <li data-testid="live-cart" className="chip">
            Cart: {live.cart.items.length === 0 ? 'empty' : live.cart.items.map((item) => `${item.quantity}× ${item.name}`).join(', ')}
          </li>
        )}
        {live.openTickets.length === 0 ? null : (
          <li data-testid="live-tickets" className="chip">
            Other open tickets: {live.openTickets.map((t) => `${t.subject} (${t.status})`).join(', ')}
          </li>
        )}
      </ul>
    </section>
  );
}
