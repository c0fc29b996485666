/**
 * Visitor sessions: a new anonymous visitor, a stored token resumed and renewed, or a verified
 * visitor whose identity the site's backend signed. A token from another site, a forged or
 * expired one starts a new anonymous visitor at session time and is refused on every other
 * route. A verified token is resumed as verified only when the page proves the identity again, so
 * a signed-out page never shows the signed-in user's conversations.
 */
import type { WidgetSession, WidgetSessionInput } from '@tandem/shared';
import { ServiceError } from '../errors/serviceError.js';
import { normaliseUntrusted } from '../security/untrustedText.js';
import { newId } from '../storage/ids.js';
import type { WidgetConversationsRepo } from '../storage/widget/widgetConversationsRepo.js';
import type { WidgetRatingsRepo } from '../storage/widget/widgetRatingsRepo.js';
import type { VisitorRef } from './conversationHub.js';
import { verifiedVisitorId } from './identity.js';
import { signVisitorToken, verifyVisitorToken, VISITOR_TOKEN_TTL_SECONDS } from './visitorTokens.js';
import { visitorConversation } from './widgetEvents.js';
import type { ResolvedSite } from './widgetSites.js';

/** The visitor behind a request, as its token says. */
export interface Visitor extends VisitorRef {
  /** The verified user id; undefined for an anonymous visitor. */
  userId: string | undefined;
  name: string | undefined;
}

export interface VisitorSessionDeps {
  tokenKey: Buffer;
  conversations: WidgetConversationsRepo;
  ratings: WidgetRatingsRepo;
  nowSeconds?: () => number;
}

export function visitorSessions(deps: VisitorSessionDeps) {
  const nowSeconds = deps.nowSeconds ?? (() => Math.floor(Date.now() / 1000));

  function fromToken(site: ResolvedSite, token: string | undefined): Visitor | undefined {
    const claims = token === undefined ? undefined : verifyVisitorToken(deps.tokenKey, token, nowSeconds());
    if (claims?.siteId !== site.id) return undefined;
    return { tenantId: site.tenantId, siteId: site.id, visitorId: claims.visitorId, userId: claims.userId, name: claims.name };
  }

  return {
    async start(site: ResolvedSite, input: WidgetSessionInput): Promise<WidgetSession> {
      let visitor: Visitor;
      if (input.identity !== undefined) {
        const { userId, userHash } = input.identity;
        if (!site.verifies(userId, userHash)) throw new ServiceError('UNAUTHORIZED', 'The identity could not be verified for this site');
        // The name is the page's free text: shown to agents and greeted with, so normalised like any visitor text.
        const name = input.identity.name === undefined ? undefined : normaliseUntrusted(input.identity.name).trim() || undefined;
        visitor = { tenantId: site.tenantId, siteId: site.id, visitorId: verifiedVisitorId(site.id, userId), userId, name };
      } else {
        const resumed = fromToken(site, input.visitorToken);
        visitor =
          resumed !== undefined && resumed.userId === undefined
            ? resumed
            : { tenantId: site.tenantId, siteId: site.id, visitorId: newId('vis'), userId: undefined, name: undefined };
      }
      const expiresAt = nowSeconds() + VISITOR_TOKEN_TTL_SECONDS;
      const visitorToken = signVisitorToken(deps.tokenKey, {
        siteId: site.id,
        visitorId: visitor.visitorId,
        userId: visitor.userId,
        name: visitor.name,
        expiresAt,
      });
      const latest = await deps.conversations.latestForVisitor(site.tenantId, site.id, visitor.visitorId);
      const rating = latest === undefined ? undefined : await deps.ratings.get(site.tenantId, latest.id);
      return {
        visitorToken,
        expiresAt: new Date(expiresAt * 1000).toISOString(),
        visitor: {
          id: visitor.visitorId,
          verified: visitor.userId !== undefined,
          ...(visitor.name === undefined ? {} : { name: visitor.name }),
        },
        conversation: latest === undefined ? null : visitorConversation(latest, rating?.score),
      };
    },

    /** The visitor a request's token names on this site; UNAUTHORIZED for a missing, forged, expired or other-site token. */
    authenticate(site: ResolvedSite, token: string | undefined): Visitor {
      const visitor = fromToken(site, token);
      if (visitor === undefined)
        throw new ServiceError('UNAUTHORIZED', 'A valid visitor session is required: start one with POST /sessions');
      return visitor;
    },
  };
}
export type VisitorSessions = ReturnType<typeof visitorSessions>;
