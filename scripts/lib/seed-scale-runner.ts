import type { Pool, PoolClient } from "pg";

// Runs a seeding phase: a list of set-based statements on `workers` connections. Each worker holds
// one transaction for the whole phase (never a commit per row or per statement), and the workers
// commit together only when every statement succeeded; otherwise all of them roll back.
// Two workers use both cores of a small machine: one INSERT … SELECT is single-threaded, and most of
// its time goes to per-row foreign-key checks that Postgres cannot batch.

export type PhaseTask = { sql: string; table?: string };

async function begin(client: PoolClient): Promise<void> {
  await client.query("BEGIN");
  // Nothing is lost if the machine dies mid-seed (the seed is rerun), so don't wait for WAL flushes.
  await client.query("SET LOCAL synchronous_commit = off");
  // Room for the summary's hash joins; JIT-compiling one-off statements costs more than it saves.
  await client.query("SET LOCAL work_mem = '128MB'");
  await client.query("SET LOCAL jit = off");
}

export async function runPhase(
  pool: Pool,
  tasks: readonly PhaseTask[],
  workers: number,
  onDone: (task: PhaseTask, rows: number) => void,
): Promise<void> {
  const count = Math.max(1, Math.min(workers, tasks.length));
  const clients: PoolClient[] = [];
  try {
    for (let i = 0; i < count; i++) clients.push(await pool.connect());
    await Promise.all(clients.map(begin));
    let next = 0;
    let failure: { error: unknown } | null = null;
    await Promise.all(
      clients.map(async (client) => {
        while (!failure && next < tasks.length) {
          const task = tasks[next++] as PhaseTask;
          try {
            const result = await client.query(task.sql);
            onDone(task, result.rowCount ?? 0);
          } catch (error) {
            failure ??= { error };
          }
        }
      }),
    );
    if (failure) throw (failure as { error: unknown }).error;
    await Promise.all(clients.map((client) => client.query("COMMIT")));
  } catch (error) {
    await Promise.all(clients.map((client) => client.query("ROLLBACK").catch(() => undefined)));
    throw error;
  } finally {
    for (const client of clients) client.release();
  }
}
