// npm run bench:import — how long reading a report takes as offices have it:
// a ~200 KB saved portal page and a ~200 KB Word document (the sample with a
// long narrative, in the official layout), against the same report as plain
// text, all read and parsed in the same run. A benchmark: it prints figures.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import JSZip from "jszip";
import { reportToDocx } from "@/lib/exports/docx";
import { parseTextReport } from "@/lib/import/parse-text-report";
import { readReport } from "@/lib/import/read-report";
import { readReportFilesOffThread } from "@/lib/import/read-report-off-thread";
import { format2021 } from "@/lib/report-format";

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const sampleText = readFileSync("prisma/demo/leiguan-2023.txt", "utf8");
const sample = parseTextReport(sampleText, format2021);

// Real reports run long in 一、总体情况 (the sample's paragraphs ×40: ~240 KB of
// text) and carry a seal or photo that makes the file ~200 KB on disk.
const longOverview = Array.from({ length: 40 }, () => sample.sections.overview).join("\n");
const exported = await reportToDocx({
  format: format2021,
  organization: { name: "来安县雷官镇人民政府", code: null },
  year: 2023,
  title: sample.title,
  sections: { ...sample.sections, overview: longOverview },
  values: sample.values,
  signatureLine: sample.signatureLine,
  signedOn: sample.signedOn,
});
const zip = await JSZip.loadAsync(exported);
zip.file("word/media/seal.png", randomBytes(180 * 1024));
const docx = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
const page = readFileSync("tests/fixtures/import/portal-page.html", "utf8");
// A portal's chrome is most of a saved page: the menu repeated to ~200 KB.
const menu = Array.from({ length: 2700 }, (_, i) => `<li><a href="/col/${i}">栏目${i}</a></li>`).join("");
const bigPage = Buffer.from(page.replace("<body>", `<body><nav><ul>${menu}</ul></nav>`));
const text = Buffer.from(sampleText);

const onThisThread = (bytes: Buffer, name: string) => async () => parseTextReport((await readReport(bytes, name)).text, format2021);
/**
 * As an upload is read: in the bounded worker (lib/workers/run-bounded-worker.ts). Uploads come seconds
 * apart, by which time the next worker has started; a pause before each (not timed) lets it, as in use.
 */
const inWorker = (bytes: Buffer, name: string) => async () => {
  const [read] = await readReportFilesOffThread({ name, bytes: new Uint8Array(bytes), year: 2023, expandZip: false, only: null });
  if (!read?.ok || !read.parsed) throw new Error(`not read: ${read && !read.ok ? read.message : "no report"}`);
  return read.parsed;
};

async function time(label: string, bytes: Buffer, run: () => Promise<ReturnType<typeof parseTextReport>>, pauseMs = 0) {
  const first = await run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const filled = Object.values(first.values).filter((v) => v !== null).length;
  const median = samples[Math.floor(samples.length / 2)]!;
  console.log(`${label.padEnd(30)} ${(bytes.length / 1024).toFixed(0).padStart(5)} KB   median ${median.toFixed(1).padStart(7)} ms   max ${samples.at(-1)!.toFixed(1).padStart(7)} ms   ${filled}/200 cells`);
  return median;
}

console.log(`nianbao import bench — ${RUNS} runs each (target: under 1 s for a 200 KB page or .docx)`);
const baseline = await time("plain text (baseline)", text, onThisThread(text, "report.txt"));
const html = await time("saved portal page", bigPage, onThisThread(bigPage, "report.html"));
const word = await time("Word document (.docx)", docx, onThisThread(docx, "report.docx"));
const uploaded = await time(".docx in the bounded worker", docx, inWorker(docx, "report.docx"), 1_500);
console.log(`page ${(html / baseline).toFixed(1)}× the text; .docx ${(word / baseline).toFixed(1)}× the text; in the worker, as uploads are read, +${(uploaded - word).toFixed(0)} ms`);
