/** The 信息公开目录 block portals print above a published document: label, value pairs. */
export function MetadataBox({ rows }: { rows: readonly (readonly [string, string])[] }) {
  return (
    <dl aria-label="信息公开目录信息" className="mb-6 grid grid-cols-1 border-t text-sm sm:grid-cols-2">
      {rows.map(([label, value]) => (
        <div key={label} className="flex border-b py-1">
          <dt className="w-24 shrink-0 text-gray-600">{label}</dt>
          <dd data-field={label} className="[overflow-wrap:anywhere]">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
