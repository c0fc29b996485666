/**
 * Why the outbound network policy refused a destination. Each caller (knowledge fetches, outbound
 * webhooks, connectors) turns it into its own error, so the policy never borrows another
 * component's error type.
 */
export type NetworkPolicyErrorCode =
  /** The host is, or resolves to, a loopback, private, link-local or reserved address. */
  | 'PRIVATE_ADDRESS'
  /** The host name did not resolve to any address. */
  | 'UNRESOLVED';

export class NetworkPolicyError extends Error {
  constructor(
    readonly code: NetworkPolicyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'NetworkPolicyError';
  }
}
