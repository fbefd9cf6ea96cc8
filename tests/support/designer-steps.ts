// The steps an admin takes on the designer's canvas and panels, the way a person does them: find a
// node by the label its component gives it, drag a kind from the palette, draw an edge from handle
// to handle, pick a value in a panel's select, create a process from the list page.
import type { Locator, Page } from 'playwright-core';

export function designerSteps(page: Page) {
  /** A node on the canvas, found by the label its component gives it (kind：name). */
  const node = (label: string): Locator => page.getByLabel(label, { exact: true });
  const canvas = () => page.locator('.sgf-designer-canvas .react-flow__pane');
  const issues = page.getByRole('region', { name: '校验问题' });
  const properties = page.getByRole('complementary', { name: '属性' });
  const palette = page.getByRole('navigation', { name: '节点面板（拖到画布或点击添加）' });

  /** Drags a palette entry onto the canvas at a point given as fractions of the pane's size. */
  async function drop(kind: string, at: { x: number; y: number }): Promise<void> {
    const pane = (await canvas().boundingBox())!;
    await palette
      .getByRole('button', { name: kind })
      .dragTo(canvas(), { targetPosition: { x: pane.width * at.x, y: pane.height * at.y } });
  }

  /** Drags from one node's outgoing handle to another node's incoming handle, as a person draws an edge. */
  async function connect(from: string, to: string): Promise<void> {
    const source = page.locator(`.react-flow__node[data-id="${from}"] .react-flow__handle.source`);
    const target = page.locator(`.react-flow__node[data-id="${to}"] .react-flow__handle.target`);
    await source.hover();
    await page.mouse.down();
    const box = (await target.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
  }

  /**
   * Clicks an edge where its line shows: the first point along its path (10 %, 20 % … of its length)
   * where no node or other edge lies on top. An edge's middle may run under a node.
   */
  async function clickEdge(id: string): Promise<void> {
    const point = await page.evaluate<{ x: number; y: number } | undefined>(`(() => {
      const edge = document.querySelector('.react-flow__edge[data-id=${JSON.stringify(id)}]');
      const path = edge?.querySelector('path.react-flow__edge-path');
      if (!path) return undefined;
      const matrix = path.getScreenCTM();
      for (let tenth = 1; tenth < 10; tenth += 1) {
        const at = path.getPointAtLength((path.getTotalLength() * tenth) / 10);
        const x = matrix.a * at.x + matrix.c * at.y + matrix.e;
        const y = matrix.b * at.x + matrix.d * at.y + matrix.f;
        if (document.elementFromPoint(x, y)?.closest('.react-flow__edge') === edge) return { x, y };
      }
      return undefined;
    })()`);
    if (!point) throw new Error(`edge ${id} shows nowhere on the canvas`);
    await page.mouse.click(point.x, point.y);
  }

  /** 新建流程 on the list page: the server makes a start → end graph and the editor opens it. */
  async function createProcess(process: { key: string; name: string }): Promise<void> {
    await page.getByRole('button', { name: '新建流程' }).click();
    const dialog = page.getByRole('dialog', { name: '新建流程' });
    await dialog.getByLabel('流程名称').fill(process.name);
    await dialog.getByLabel('流程编号').fill(process.key);
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await page.waitForURL(`**/designer/${process.key}`);
    await node('开始：开始').waitFor();
    await node('结束：结束').waitFor();
  }

  /** Waits until autosave has written the last edit. */
  const saved = () => page.getByRole('status').getByText('已保存').waitFor({ timeout: 15_000 });

  /** 发布: the summary finds nothing to fix; `summary` runs while it shows (a screenshot). */
  async function publish(version: number, summary: () => Promise<unknown>): Promise<void> {
    await page.getByRole('button', { name: '发布' }).click();
    const dialog = page.getByRole('dialog', { name: '发布流程' });
    await dialog.getByText('校验通过，没有问题。', { exact: false }).waitFor();
    await summary();
    await dialog.getByRole('button', { name: /发\s*布/ }).click();
    await page.getByText(`已发布为第 ${version} 版`).waitFor();
  }

  return { node, canvas, issues, properties, drop, connect, clickEdge, createProcess, saved, publish };
}
