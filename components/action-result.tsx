export type ActionOutcome = { ok: true } | { ok: false; message: string; fieldErrors?: Record<string, string> };

/** What an action said, announced politely to screen readers. */
export function ActionResult({ result, successMessage }: { result: ActionOutcome | null; successMessage?: string }) {
  return (
    <div role="status" aria-live="polite" className="mt-2 text-sm">
      {result?.ok && successMessage && <p className="text-green-800">{successMessage}</p>}
      {result && !result.ok && (
        <div className="text-red-800">
          <p>{result.message}</p>
          {[...new Set(Object.values(result.fieldErrors ?? {}))].map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
    </div>
  );
}
