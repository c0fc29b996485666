/**
 * Widget sites: a workspace's websites that embed the widget, each with its public site key, the
 * origins allowed to use it, its look, its confidence threshold, suggested questions, and the
 * identity secret its backend signs user ids with. The secret is stored sealed (encrypted by the
 * widget unit before it gets here); this repository never sees it in the clear.
 */
import type { SqlExecutor } from '../database.js';

export interface StoredWidgetSite {
  id: string;
  tenantId: string;
  siteKey: string;
  name: string;
  allowedOrigins: string[];
  /** The theme as stored; the widget unit validates its shape. */
  theme: Record<string, unknown>;
  confidenceThreshold: number;
  suggestedQuestions: string[];
  /** The identity secret, sealed; only the widget unit can open it. */
  identitySecretSealed: string;
  disabledAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type NewWidgetSite = Omit<StoredWidgetSite, 'disabledAt' | 'createdAt' | 'updatedAt'>;

/** What an update may change; absent fields stay as they are. */
export type WidgetSitePatch = Partial<
  Pick<StoredWidgetSite, 'name' | 'allowedOrigins' | 'theme' | 'confidenceThreshold' | 'suggestedQuestions'>
> & {
  disabled?: boolean;
};

interface SiteRow extends Record<string, unknown> {
  id: string;
  tenant_id: string;
  site_key: string;
  name: string;
  allowed_origins: string[];
  theme: Record<string, unknown>;
  confidence_threshold: number;
  suggested_questions: string[];
  identity_secret_sealed: string;
  disabled_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const COLUMNS =
  'id, tenant_id, site_key, name, allowed_origins, theme, confidence_threshold, suggested_questions, identity_secret_sealed, disabled_at, created_at, updated_at';

const iso = (d: Date | string) => new Date(d).toISOString();

const toSite = (r: SiteRow): StoredWidgetSite => ({
  id: r.id,
  tenantId: r.tenant_id,
  siteKey: r.site_key,
  name: r.name,
  allowedOrigins: r.allowed_origins,
  theme: r.theme,
  confidenceThreshold: Number(r.confidence_threshold),
  suggestedQuestions: r.suggested_questions,
  identitySecretSealed: r.identity_secret_sealed,
  disabledAt: r.disabled_at === null ? null : iso(r.disabled_at),
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

export function widgetSitesRepo(db: SqlExecutor) {
  return {
    async create(site: NewWidgetSite): Promise<StoredWidgetSite> {
      const rows = await db.query<SiteRow>(
        `insert into widget_sites (id, tenant_id, site_key, name, allowed_origins, theme, confidence_threshold, suggested_questions, identity_secret_sealed)
         values ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7, $8::jsonb, $9) returning ${COLUMNS}`,
        [
          site.id,
          site.tenantId,
          site.siteKey,
          site.name,
          JSON.stringify(site.allowedOrigins),
          JSON.stringify(site.theme),
          site.confidenceThreshold,
          JSON.stringify(site.suggestedQuestions),
          site.identitySecretSealed,
        ],
      );
      return toSite(rows[0] as SiteRow);
    },

    /** The site behind a public key, whatever its workspace: the key is how a page names it. */
    async byKey(siteKey: string): Promise<StoredWidgetSite | undefined> {
      const rows = await db.query<SiteRow>(`select ${COLUMNS} from widget_sites where site_key = $1`, [siteKey]);
      return rows[0] === undefined ? undefined : toSite(rows[0]);
    },

    async get(tenantId: string, id: string): Promise<StoredWidgetSite | undefined> {
      const rows = await db.query<SiteRow>(`select ${COLUMNS} from widget_sites where tenant_id = $1 and id = $2`, [tenantId, id]);
      return rows[0] === undefined ? undefined : toSite(rows[0]);
    },

    async list(tenantId: string): Promise<StoredWidgetSite[]> {
      const rows = await db.query<SiteRow>(`select ${COLUMNS} from widget_sites where tenant_id = $1 order by created_at, id`, [tenantId]);
      return rows.map(toSite);
    },

    /** Applies the patch; undefined when the workspace has no such site. */
    async update(tenantId: string, id: string, patch: WidgetSitePatch): Promise<StoredWidgetSite | undefined> {
      const rows = await db.query<SiteRow>(
        `update widget_sites set
           name = coalesce($3, name),
           allowed_origins = coalesce($4::jsonb, allowed_origins),
           theme = coalesce($5::jsonb, theme),
           confidence_threshold = coalesce($6, confidence_threshold),
           suggested_questions = coalesce($7::jsonb, suggested_questions),
           disabled_at = case when $8::boolean is null then disabled_at when $8 then coalesce(disabled_at, now()) else null end,
           updated_at = now()
         where tenant_id = $1 and id = $2 returning ${COLUMNS}`,
        [
          tenantId,
          id,
          patch.name ?? null,
          patch.allowedOrigins === undefined ? null : JSON.stringify(patch.allowedOrigins),
          patch.theme === undefined ? null : JSON.stringify(patch.theme),
          patch.confidenceThreshold ?? null,
          patch.suggestedQuestions === undefined ? null : JSON.stringify(patch.suggestedQuestions),
          patch.disabled ?? null,
        ],
      );
      return rows[0] === undefined ? undefined : toSite(rows[0]);
    },

    /** Replaces the sealed identity secret (rotation); undefined when the workspace has no such site. */
    async replaceSecret(tenantId: string, id: string, identitySecretSealed: string): Promise<StoredWidgetSite | undefined> {
      const rows = await db.query<SiteRow>(
        `update widget_sites set identity_secret_sealed = $3, updated_at = now() where tenant_id = $1 and id = $2 returning ${COLUMNS}`,
        [tenantId, id, identitySecretSealed],
      );
      return rows[0] === undefined ? undefined : toSite(rows[0]);
    },
  };
}
export type WidgetSitesRepo = ReturnType<typeof widgetSitesRepo>;
