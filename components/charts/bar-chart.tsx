import { AxisBottom, AxisLeft } from "@visx/axis";
import { Group } from "@visx/group";
import { scaleBand, scaleLinear } from "@visx/scale";
import { Bar } from "@visx/shape";

const COLORS = ["#1e40af", "#b45309", "#047857", "#7c3aed", "#be123c", "#0e7490"];
const WIDTH = 560;
const HEIGHT = 260;
const MARGIN = { top: 16, right: 16, bottom: 40, left: 48 };

export interface BarSeries {
  label: string;
  values: (number | null)[];
}

/**
 * A grouped bar chart drawn on the server as SVG (visx), with its data table
 * beside it: the table is the accessible version of the chart.
 */
export function BarChart({ id, title, categories, series }: { id: string; title: string; categories: string[]; series: BarSeries[] }) {
  const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const x = scaleBand({ domain: categories, range: [0, WIDTH - MARGIN.left - MARGIN.right], padding: 0.2 });
  const inner = scaleBand({ domain: series.map((s) => s.label), range: [0, x.bandwidth()], padding: 0.1 });
  const y = scaleLinear({ domain: [0, max], range: [HEIGHT - MARGIN.top - MARGIN.bottom, 0], nice: true });
  return (
    <figure aria-labelledby={`${id}-title`} className="mb-8">
      <figcaption id={`${id}-title`} className="mb-2 font-semibold">{title}</figcaption>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full" aria-hidden="true" focusable="false">
          <Group left={MARGIN.left} top={MARGIN.top}>
            {categories.map((category, i) => (
              <Group key={category} left={x(category) ?? 0}>
                {series.map((s, j) => {
                  const v = s.values[i] ?? 0;
                  const top = y(v);
                  return (
                    <Bar
                      key={s.label}
                      x={inner(s.label) ?? 0}
                      y={top}
                      width={inner.bandwidth()}
                      height={HEIGHT - MARGIN.top - MARGIN.bottom - top}
                      fill={COLORS[j % COLORS.length]}
                    />
                  );
                })}
              </Group>
            ))}
            {/* Counts are whole numbers: no 0.2-件 ticks. */}
            <AxisLeft scale={y} tickValues={y.ticks(4).filter(Number.isInteger)} tickFormat={(v) => String(v)} />
            <AxisBottom top={HEIGHT - MARGIN.top - MARGIN.bottom} scale={x} />
          </Group>
        </svg>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">{title}（数据表）</caption>
            <thead>
              <tr>
                <td className="border p-1" />
                {categories.map((c) => (
                  <th key={c} scope="col" className="border p-1">{c}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {series.map((s, j) => (
                <tr key={s.label}>
                  <th scope="row" className="border p-1 text-left font-normal">
                    <span aria-hidden="true" className="mr-1 inline-block h-3 w-3 align-middle" style={{ background: COLORS[j % COLORS.length] }} />
                    {s.label}
                  </th>
                  {s.values.map((v, i) => (
                    <td key={categories[i]} className="border p-1 text-right tabular-nums">{v ?? "—"}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </figure>
  );
}
