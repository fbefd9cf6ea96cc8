// Journey: an admin exports the diagram of "高龄老人探访" for a report, as PNG and as SVG, from the
// editor's 导出图片 menu: the whole diagram (framed by its nodes, not by what the canvas shows) on
// white, named after the process and the draft or version shown.
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import {
  OFFICE_VIEWPORT,
  chromiumMissingReason,
  findChromium,
  launchChromium,
  saveScreenshot,
  seriousA11yViolations,
  signInAs,
} from '../support/browser';
import { apiAgent, startTestServer, type TestServer } from '../support/test-server';

jest.setTimeout(180_000);

const executablePath = findChromium();
if (!executablePath) console.warn(chromiumMissingReason);
const describeWithBrowser = executablePath ? describe : describe.skip;

const JOURNEY = 'designer-export';
const PROCESS = { key: 'elder-visits', name: '高龄老人探访' };
/** The nodes' bounding box in flow coordinates, from each node's position (its transform) and size. */
const NODE_BOUNDS = `(() => {
  const boxes = [...document.querySelectorAll('.react-flow__node')].map((node) => {
    const [, x, y] = /translate\\(([-\\d.]+)px, ([-\\d.]+)px\\)/.exec(node.style.transform);
    return { x: Number(x), y: Number(y), right: Number(x) + node.offsetWidth, bottom: Number(y) + node.offsetHeight };
  });
  return {
    width: Math.max(...boxes.map((box) => box.right)) - Math.min(...boxes.map((box) => box.x)),
    height: Math.max(...boxes.map((box) => box.bottom)) - Math.min(...boxes.map((box) => box.y)),
  };
})()`;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describeWithBrowser('an admin exports the diagram as PNG and SVG', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchChromium(executablePath!)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Chooses one entry of 导出图片 and returns the downloaded file's name and bytes. */
  async function exportImage(page: Page, entry: string): Promise<{ name: string; bytes: Buffer }> {
    await page.getByRole('button', { name: '导出图片' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: entry }).click(),
    ]);
    return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  }

  it('downloads the whole diagram as <流程名称>-草稿.png and, once published, <流程名称>-v1.svg', async () => {
    const admin = server.demoLogins.find((entry) => entry.username === 'admin')!;
    const api = apiAgent(server.url);
    await api('POST', '/api/auth/login', { username: admin.username, password: admin.password });
    const created = await api('POST', '/api/definitions', PROCESS, { 'idempotency-key': 'export-journey' });
    expect(created.status).toBe(201);

    const page = await browser.newPage({ locale: 'zh-CN', viewport: OFFICE_VIEWPORT, acceptDownloads: true });
    await signInAs(page, server.url, admin.username, admin.password);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${server.url}/designer/${PROCESS.key}`);
    await page.getByLabel('开始：开始', { exact: true }).waitFor();
    // Zoomed in on one corner, the canvas shows part of the graph; the image still holds all of it.
    await page.getByRole('button', { name: /zoom in|放大/i }).click();
    await page.getByRole('button', { name: /zoom in|放大/i }).click();
    const bounds = await page.evaluate<{ width: number; height: number }>(NODE_BOUNDS);

    await page.getByRole('button', { name: '导出图片' }).click();
    await page.getByRole('menuitem', { name: 'PNG 图片' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await saveScreenshot(page, JOURNEY, '01-export-menu');
    await page.keyboard.press('Escape');

    const png = await exportImage(page, 'PNG 图片');
    expect(png.name).toBe(`${PROCESS.name}-草稿.png`);
    expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    // IHDR: width and height at bytes 16–23; 2× the nodes' box plus a 32 px margin on each side.
    const [pngWidth, pngHeight] = [png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)];
    expect(pngWidth).toBe(2 * Math.ceil(bounds.width + 64));
    expect(pngHeight).toBe(2 * Math.ceil(bounds.height + 64));
    expect(pngWidth).toBeLessThanOrEqual(4096);

    const draftSvg = await exportImage(page, 'SVG 矢量图');
    expect(draftSvg.name).toBe(`${PROCESS.name}-草稿.svg`);
    const svg = draftSvg.bytes.toString('utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('开始');
    expect(svg).toContain('结束');
    expect(svg).toContain(`width="${Math.ceil(bounds.width + 64)}"`);
    // Only the viewport is drawn: no minimap, no zoom controls, no background dots.
    expect(svg).not.toMatch(/react-flow__(minimap|controls|background)/);
    // The arrowheads come along: React Flow's marker defs and the edges pointing at them.
    expect(svg).toContain('react-flow__marker');
    expect(svg).toMatch(/marker-end="url\(['"]?#[^"]*arrowclosed/);

    // Published, the editor shows version 1, and the file says so.
    const draft = await api('GET', `/api/definitions/${PROCESS.key}/draft`);
    const published = await api('POST', `/api/definitions/${PROCESS.key}/draft/publish`, undefined, {
      'if-match': draft.headers.get('etag') ?? '',
      'idempotency-key': 'export-journey-publish',
    });
    expect(published.status).toBe(200);
    await page.reload();
    await page.getByText('正在查看第 1 版', { exact: false }).waitFor();
    const versionSvg = await exportImage(page, 'SVG 矢量图');
    expect(versionSvg.name).toBe(`${PROCESS.name}-v1.svg`);
    expect(versionSvg.bytes.toString('utf8')).toContain('开始');
  });
});
