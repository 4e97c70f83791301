// What `npm run bench:province` hands to each part of the bench once the
// province-sized data set is loaded (scripts/bench-province/load.ts), so the
// timings of pages, roll-ups and set operations run on the same data.
export interface ProvinceDataset {
  /** The throwaway database the data set lives in. */
  databaseUrl: string;
  provinceId: string;
  provinceSlug: string;
  cityIds: string[];
  countyIds: string[];
  /** The current report year (every state present); the four before it are mostly published. */
  year: number;
  /** Units of every kind, governments included. */
  unitCount: number;
  accountCount: number;
}

export interface TimedOperation {
  name: string;
  /** Wall-clock milliseconds for one run of the operation. */
  ms: number;
  /** SQL statements it sent, where counted: a set operation's count must not grow with the number of units. */
  queries?: number;
  /** What it worked on, e.g. "1,000 units, 3,000 people". */
  size?: string;
}
