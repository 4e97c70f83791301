"use client";

import type { ReactNode } from "react";

/**
 * A link to a place on the same page (a cell, a field, a finding): brings it
 * into view in the middle of the screen — not under the editor's sticky save
 * bar — and puts the keyboard focus there (in the cell itself).
 */
export function JumpLink({ href, children, className = "underline" }: { href: string; children: ReactNode; className?: string }) {
  return (
    <a
      href={href}
      className={className}
      onClick={(event) => {
        const target = document.getElementById(href.slice(1));
        if (!target) return;
        event.preventDefault();
        const focusable = target.matches("input, textarea, select, button, a[href]")
          ? target
          : target.querySelector<HTMLElement>("input, textarea, select, button, a[href]");
        target.scrollIntoView({ block: "center" });
        if (focusable) focusable.focus({ preventScroll: true });
        else {
          target.tabIndex = -1;
          target.focus({ preventScroll: true });
        }
        history.replaceState(null, "", href);
      }}
    >
      {children}
    </a>
  );
}
