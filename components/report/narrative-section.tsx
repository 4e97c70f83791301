import { narrativeBlocks } from "@/lib/report-format";

/** Plain text rendered as paragraphs and sub-headings; React escapes it all. */
export function NarrativeSection({ text }: { text: string }) {
  const blocks = narrativeBlocks(text);
  if (blocks.length === 0) return <p className="text-gray-600">（无）</p>;
  return (
    <>
      {blocks.map((block, i) =>
        block.kind === "subheading" ? (
          <h3 key={i} className="mt-4 mb-1 font-semibold">
            {block.text}
          </h3>
        ) : (
          <p key={i} className="mb-2 indent-8 leading-7">
            {block.text}
          </p>
        ),
      )}
    </>
  );
}
