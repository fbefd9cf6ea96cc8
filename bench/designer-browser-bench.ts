// `npm run bench:designer`: the designer in Debian chromium with a 300-node definition, against the
// real product (embedded PostgreSQL, the built web app), printed beside the same measures of a
// two-node definition taken in the same run (the baseline: what the page costs whatever its size).
//   first render   navigation start → every node of the definition drawn on the canvas (the page,
//                  the lazily loaded designer chunk, the draft's read and React Flow's first paint)
//   drag           one node dragged across the canvas in 120 pointer moves, each awaited: frames
//                  painted per second while dragging, and the slowest frame interval (p95)
//   validate       the engine's validator per content edit, in Node (bench/designer-validate-bench.ts
//                  measures it with the store; the browser runs the same code)
// Targets (issue 13): first render ≤ 1 s, drag ≥ 50 frames/s, validation ≤ 50 ms per change.
// Settings: BENCH_RUNS (5; medians are printed). Needs `npm run build:web` first and chromium.
import { rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { bootProduct } from '../api/boot';
import { loadConfig } from '../api/config';
import { findChromium, launchChromium, OFFICE_VIEWPORT, signInAs } from '../tests/support/browser';
import { apiAgent } from '../tests/support/test-server';
import type { ProcessDefinition } from '../workflows/engine/definition-schema';
import { definitionOf300Nodes } from './designer-300-nodes';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** The smallest definition the designer opens: start → end. */
const twoNodes: ProcessDefinition = {
  key: 'bench-two',
  name: '两个节点',
  version: 1,
  variables: [],
  stages: [],
  eventHandlers: [],
  nodes: [
    { id: 'start', kind: 'start', name: '开始', position: { x: 0, y: 0 } },
    { id: 'end', kind: 'end', name: '结束', terminate: false, position: { x: 300, y: 0 } },
  ],
  edges: [{ id: 'e1', from: 'start', to: 'end' }],
};

/** The page's DOM as far as these measures touch it (this project's Node typings have no DOM). */
type InPage = { document: { querySelectorAll(selector: string): { length: number } } };

/** Milliseconds from navigation start until the canvas holds `count` nodes. */
async function firstRender(page: Page, url: string, count: number): Promise<number> {
  await page.goto(url);
  const handle = await page.waitForFunction(
    (expected: number) => {
      const page = globalThis as unknown as InPage;
      return page.document.querySelectorAll('.react-flow__node').length >= expected
        ? performance.now()
        : false;
    },
    count,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * Counts painted frames (requestAnimationFrame callbacks) until `sgfCounting` is cleared. Text, not a
 * function: tsx names inner functions with a helper the page does not have.
 */
const COUNT_FRAMES = `(() => {
  window.sgfFrames = [];
  window.sgfCounting = true;
  const tick = (at) => {
    window.sgfFrames.push(at);
    if (window.sgfCounting) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;
const STOP_COUNTING = '(() => { window.sgfCounting = false; return window.sgfFrames; })()';

/** Drags the node in 120 awaited moves while the page counts its painted frames. */
async function drag(page: Page, nodeId: string): Promise<{ fps: number; p95: number }> {
  const box = (await page.locator(`.react-flow__node[data-id="${nodeId}"]`).boundingBox())!;
  await page.evaluate(COUNT_FRAMES);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let step = 1; step <= 120; step += 1)
    await page.mouse.move(x + step * 3, y + Math.sin(step / 10) * 40);
  await page.mouse.up();
  const frames = await page.evaluate<number[]>(STOP_COUNTING);
  const intervals = frames.slice(1).map((at, i) => at - frames[i]!);
  const sorted = [...intervals].sort((a, b) => a - b);
  const elapsed = frames.at(-1)! - frames[0]!;
  return {
    fps: ((frames.length - 1) / elapsed) * 1000,
    p95: sorted[Math.floor(sorted.length * 0.95)] ?? NaN,
  };
}

async function measure(browser: Browser, baseUrl: string, login: { username: string; password: string }) {
  const results: Record<string, { render: number[]; fps: number[]; p95: number[] }> = {};
  for (const [label, key, count, nodeId] of [
    ['300 nodes', 'bench-300', 302, 'approval_7'],
    ['baseline (2 nodes)', 'bench-two', 2, 'start'],
  ] as const) {
    const result = (results[label] = { render: [] as number[], fps: [] as number[], p95: [] as number[] });
    for (let run = 0; run < runs; run += 1) {
      const page = await browser.newPage({ locale: 'zh-CN', viewport: OFFICE_VIEWPORT });
      await signInAs(page, baseUrl, login.username, login.password);
      await page.getByRole('link', { name: '流程设计' }).waitFor();
      result.render.push(await firstRender(page, `${baseUrl}/designer/${key}`, count));
      const dragged = await drag(page, nodeId);
      result.fps.push(dragged.fps);
      result.p95.push(dragged.p95);
      await page.close();
    }
  }
  return results;
}

async function main() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('chromium is not installed (apt-get install chromium)');
  // Not a mkdtemp folder: the embedded PostgreSQL (run as 'postgres' under root) must enter it.
  const dataDir = join(tmpdir(), `sgf-designer-bench-${process.pid}`);
  const product = await bootProduct(
    loadConfig({ SGF_DEMO: 'true', SGF_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' }),
    { demoProjects: false },
  );
  const browser = await launchChromium(executablePath);
  try {
    const login = product.demoLogins.find((entry) => entry.username === 'admin')!;
    const admin = apiAgent(product.url);
    await admin('POST', '/api/auth/login', { username: login.username, password: login.password });
    for (const definition of [definitionOf300Nodes(), twoNodes]) {
      const created = await admin('POST', '/api/definitions', {
        key: definition.key,
        name: definition.name,
        definition,
      });
      if (created.status !== 201)
        throw new Error(`creating ${definition.key}: ${created.status} ${created.text}`);
    }
    const results = await measure(browser, product.url, login);
    const line = (label: string) => {
      const r = results[label]!;
      return `  ${label.padEnd(20)} first render ${median(r.render).toFixed(0).padStart(5)} ms   drag ${median(r.fps).toFixed(1).padStart(5)} frames/s (p95 frame ${median(r.p95).toFixed(1)} ms)`;
    };
    console.log(
      [
        `designer in chromium, median of ${runs} runs (targets: first render ≤ 1000 ms, drag ≥ 50 frames/s)`,
        line('300 nodes'),
        line('baseline (2 nodes)'),
        `  validation per change: npx tsx bench/designer-validate-bench.ts (target ≤ 50 ms)`,
        `  machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load ${loadavg()
          .map((load) => load.toFixed(2))
          .join(' ')}`,
      ].join('\n'),
    );
  } finally {
    await browser.close();
    await product.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

void main();
