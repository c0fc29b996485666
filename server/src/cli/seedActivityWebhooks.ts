/**
 * The shop side of `tandem seed-activity`: before a seeded visitor writes, their order reaches
 * Tandem through the live-event webhook (`POST /webhooks/:tenantId/:sourceId`, signed with the
 * source's secret), as a store integration would post it.
 */
import type { LiveEvent } from '@tandem/shared';
import { signatureHeader, SIGNATURE_HEADER } from '../security/hmacSignature.js';
import type { ServerClient } from './serverClient.js';

export interface SeedShop {
  postOrder(customerId: string, orderNumber: number, total: number): Promise<void>;
}

export async function seedShop(api: ServerClient, baseUrl: string, seed: number): Promise<SeedShop> {
  const source = await api.live.sources.create.mutate({ name: `Seeded shop (seed ${seed})` });
  return {
    async postOrder(customerId, orderNumber, total) {
      const at = new Date().toISOString();
      const event: LiveEvent = {
        id: `seed-order-${seed}-${orderNumber}`,
        type: 'order.created',
        occurredAt: at,
        customer: { externalId: customerId },
        data: { id: `#${orderNumber}`, status: 'paid', total, currency: 'EUR', placedAt: at, items: [] },
      };
      const body = JSON.stringify(event);
      const response = await fetch(`${baseUrl}${source.path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signatureHeader(source.secret, Math.floor(Date.now() / 1000), body),
        },
        body,
      });
      if (response.status !== 200) throw new Error(`webhook: ${response.status} ${(await response.text()).slice(0, 200)}`);
    },
  };
}
