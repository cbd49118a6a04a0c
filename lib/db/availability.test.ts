import { describe, expect, it } from "vitest";
import {
  databaseAvailability,
  databaseFailureOf,
  markDatabaseUp,
  noteDatabaseFailure,
  onDatabaseDown,
  runRecordingOutcome,
  type RequestOutcome,
} from "@/lib/db/availability";

const error = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

describe("databaseFailureOf", () => {
  it.each([
    [error("timeout exceeded when trying to connect"), "busy"],
    [error("canceling statement due to statement timeout", "57014"), "busy"],
    [error("sorry, too many clients already", "53300"), "busy"],
    [error("Timed out fetching a new connection from the connection pool", "P2024"), "busy"],
    [error("Query read timeout"), "down"],
    [error("Connection terminated due to connection timeout"), "down"],
    [error("Connection terminated unexpectedly"), "down"],
    [error("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"), "down"],
    [error("terminating connection due to administrator command", "57P01"), "down"],
    [new Error("driver adapter failed", { cause: error("Query read timeout") }), "down"],
    [new AggregateError([error("timeout exceeded when trying to connect")]), "busy"],
    [error('duplicate key value violates unique constraint "x"', "23505"), null],
    [error("invalid input syntax for type uuid"), null],
  ])("%s → %s", (e, expected) => {
    expect(databaseFailureOf(e)).toBe(expected);
  });
});

describe("noteDatabaseFailure", () => {
  it("a full pool marks the request unavailable but leaves the breaker closed", () => {
    markDatabaseUp();
    const outcome: RequestOutcome = { databaseUnavailable: false };
    runRecordingOutcome(outcome, () => noteDatabaseFailure(error("timeout exceeded when trying to connect")));
    expect(outcome.databaseUnavailable).toBe(true);
    expect(databaseAvailability().down).toBe(false);
  });

  it("a read timeout opens the breaker and tells its listeners once", () => {
    markDatabaseUp();
    let calls = 0;
    const stop = onDatabaseDown(() => calls++);
    noteDatabaseFailure(error("Query read timeout"));
    noteDatabaseFailure(error("Query read timeout"));
    stop();
    expect(databaseAvailability().down).toBe(true);
    expect(calls).toBe(1);
    markDatabaseUp();
  });

  it("other errors are not the database's availability", () => {
    markDatabaseUp();
    expect(noteDatabaseFailure(error("boom"))).toBeNull();
    expect(databaseAvailability().down).toBe(false);
  });
});
