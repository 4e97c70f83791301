import type { NarrativeFigureRules } from "./narrative/figure-types";

export const figures2021: NarrativeFigureRules = {};
