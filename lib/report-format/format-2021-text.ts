import type { NarrativeTextRules } from "./narrative/text-types";

export const text2021: NarrativeTextRules = {};
