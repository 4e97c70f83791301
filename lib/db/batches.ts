// Many rows written in one transaction, a statement per batch: one statement
// of 13,000 rows holds them all in memory at once (over a gigabyte of the
// server's heap for a province's register), and yielding between batches
// lets the server answer other requests while the transaction goes on.
const BATCH_ROWS = 500;

export async function inBatches<T>(items: readonly T[], write: (batch: T[]) => Promise<unknown>, size = BATCH_ROWS): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await write(items.slice(start, start + size));
    await new Promise((resolve) => setImmediate(resolve));
  }
}
