"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition, type ReactNode } from "react";
import { ActionResult, type ActionOutcome } from "./action-result";

type Result = ActionOutcome;

/**
 * A form posting its fields to a Server Action, showing the action's message
 * and field errors, and refreshing the page on success. What was typed stays
 * in the form when the action refuses it.
 */
export function ActionForm({
  action,
  children,
  submitLabel,
  successMessage,
  hidden = {},
  className = "space-y-2",
}: {
  /** Any Server Action; it parses its own input, so the form's fields go to it as they are. */
  action: (input: never) => Promise<Result>;
  children: ReactNode;
  submitLabel: string;
  successMessage?: string;
  hidden?: Record<string, string | boolean>;
  className?: string;
}) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      ref={formRef}
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        const input: Record<string, unknown> = { ...hidden };
        new FormData(event.currentTarget).forEach((value, key) => {
          input[key] = value === "on" ? true : value;
        });
        startTransition(async () => {
          const outcome = await action(input as never);
          setResult(outcome);
          if (outcome.ok) {
            formRef.current?.reset();
            router.refresh();
          }
        });
      }}
    >
      {children}
      <button type="submit" disabled={pending} className="rounded bg-blue-800 px-3 py-1 text-white">
        {submitLabel}
      </button>
      <ActionResult result={result} {...(successMessage ? { successMessage } : {})} />
    </form>
  );
}
