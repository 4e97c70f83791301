// Every integration test file talks to the run's own database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
