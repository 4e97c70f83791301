import type { ReactNode } from "react";

/** What goes inside a value cell: printed text on public pages, an input in the editor. */
export type RenderCell = (cellKey: string) => ReactNode;
