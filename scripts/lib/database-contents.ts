import type { ClientBase } from "pg";
import { JOB_SCHEMA } from "@/lib/db/job-runs";

// What a restore needs to know about its target, and how `--force` empties it.

const USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'";

/** Up to `limit` tables, views, sequences, functions and types outside the system schemas: a fresh database has none. */
export async function userObjects(client: ClientBase, limit = 5): Promise<{ count: number; examples: string[] }> {
  const { rows } = await client.query<{ name: string; total: number }>(
    `WITH objects AS (
       SELECT format('%I.%I', n.nspname, c.relname) AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE ${USER_SCHEMAS} AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
       UNION ALL
       SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE ${USER_SCHEMAS}
       UNION ALL
       SELECT format('%I.%I', n.nspname, t.typname) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE ${USER_SCHEMAS} AND t.typtype IN ('e', 'd', 'r')
     )
     SELECT name, (count(*) OVER ())::int AS total FROM objects ORDER BY name LIMIT $1`,
    [limit],
  );
  return { count: rows[0]?.total ?? 0, examples: rows.map((r) => r.name) };
}

/**
 * Drops everything in the public schema but the schema itself (its owner and rights stay as the database
 * administrator set them) and what extensions own. Runs in the restore's transaction: if the restore fails,
 * nothing was dropped. The names are collected before the first DROP, so a cascade cannot make a later one fail.
 */
export const CLEAR_PUBLIC_SCHEMA = `DO $clear$
DECLARE statement text;
BEGIN
  -- A sequence its table's DROP already took is skipped with a notice; that is expected, not news.
  PERFORM set_config('client_min_messages', 'warning', true);
  FOR statement IN
    WITH objects AS (
      SELECT CASE c.relkind WHEN 'v' THEN 1 WHEN 'm' THEN 1 WHEN 'S' THEN 3 ELSE 2 END AS ord,
             CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE'
                            WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END AS kind,
             format('%I.%I', 'public', c.relname) AS name, c.oid AS objid, 'pg_class'::regclass AS classid
      FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
      UNION ALL
      SELECT 4, 'ROUTINE', p.oid::regprocedure::text, p.oid, 'pg_proc'::regclass
      FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.prokind IN ('f', 'p')
      UNION ALL
      SELECT 5, CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, format('%I.%I', 'public', t.typname), t.oid, 'pg_type'::regclass
      FROM pg_type t WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd', 'r')
    )
    SELECT format('DROP %s IF EXISTS %s CASCADE', kind, string_agg(name, ', '))
    FROM objects o
    WHERE NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = o.classid AND d.objid = o.objid AND d.deptype = 'e')
    GROUP BY ord, kind ORDER BY ord
  LOOP
    EXECUTE statement;
  END LOOP;
END
$clear$;`;

/** The job queue's schema (pg-boss's, wholly its own): a --force restore replaces it with the archive's. */
export const CLEAR_JOB_SCHEMA = `DROP SCHEMA IF EXISTS ${JOB_SCHEMA} CASCADE;`;
