/**
 * Where the auto-detecting content script (contents/loopbackHelpdesk.ts) is declared: loopback
 * pages on any port (Chrome match patterns without a port match every port). The background also
 * finds that script's built file in the manifest by these patterns.
 */
export const LOOPBACK_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'] as const;
