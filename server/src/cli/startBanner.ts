/**
 * What `tandem serve` prints once it listens: where everything is. It shows no configured
 * credential: the admin token appears only when Tandem made it (on first start, kept in the data
 * dir so the next start can show it again), never when the operator set TANDEM_ADMIN_TOKEN.
 */
import type { ServerConfig } from '../config/env.js';

export interface StartBannerInput {
  version: string;
  /** The address the server listens on. */
  address: string;
  config: Pick<ServerConfig, 'demoStore' | 'dataDir' | 'adminToken'>;
  /** The admin token this process knows (created now, saved earlier, or configured). */
  adminToken: string | undefined;
}

export function startBanner({ version, address, config, adminToken }: StartBannerInput): string {
  const base = address.replace('[::1]', 'localhost');
  const lines = [
    '',
    `  Tandem ${version}   ${base}`,
    `  Console        ${base}/console/`,
    `  tRPC API       ${base}/trpc`,
    `  Health         ${base}/healthz`,
    `  Webhooks       ${base}/webhooks/<workspace>/<source>  (signed live events; create a source with live.sources.create)`,
    ...(config.demoStore
      ? [
          `  Demo shop      ${base}/demo  (a storefront with the website widget on it; served by ${base}/widget.js)`,
          `  Demo store     ${base}/demo-store/api  (generated shop data behind the retail actions and live facts)`,
        ]
      : []),
    `  Data dir       ${config.dataDir}`,
    `  Admin token    ${adminTokenShown(config, adminToken)}`,
    '',
  ];
  return `${lines.join('\n')}\n`;
}

function adminTokenShown(config: Pick<ServerConfig, 'adminToken'>, known: string | undefined): string {
  // The operator who set the token has it already; printing it would copy it into every terminal and log capture.
  if (config.adminToken !== undefined) return '(the one in TANDEM_ADMIN_TOKEN)';
  return known ?? '(set TANDEM_ADMIN_TOKEN, or see the token printed on first start)';
}
