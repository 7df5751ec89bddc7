// The diagrams checked by the programs that read them: Graphviz's dot accepts the DOT of every
// bundled plan and of a plan whose every text is hostile (and draws exactly our nodes and edges,
// so no label turned into syntax); the mermaid package's own parser, in chromium (it needs a DOM),
// reads the Mermaid text to the same nodes and edges; the SVG is well-formed XML with no
// element or attribute an input could have smuggled in.
import { execa } from 'execa';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Plans } from '../../src/core/engine/refs.js';
import type { Plan } from '../../src/core/plan/types.js';
import { buildGraph, graphDot, graphMermaid, graphSvg } from '../../src/core/report/graph/index.js';
import { buildOverlay } from '../../src/core/report/graph/overlay.js';
import { haveChromium, launchChromium, noChromiumReason } from '../helpers/browser.js';
import { rawUnsafe } from '../helpers/hostile-strings.js';
import { hasUnsafe } from '../../src/core/safe-text/index.js';
import { clip } from '../../src/core/report/graph/text.js';
import { projectRoot } from '../helpers/run-cli.js';
import { hostileLabels, hostilePlans, tracksPlan, tracksPlans } from '../unit/graph/graph-plans.js';
import { parseXml, type XmlElement } from '../unit/report/xml-tree.js';
import { Session } from '../unit/engine/session.js';

const haveDot = (await execa('dot', ['-V'], { reject: false }).catch(() => ({ exitCode: 127 }))).exitCode === 0;
if (!haveDot) console.warn('SKIP dot checks: Graphviz dot is not installed (apt-get install graphviz)');
if (!haveChromium) console.warn(`SKIP mermaid parser checks: ${noChromiumReason}`);

function bundledPlans(): Plans {
  const plans = new Map<string, Plan>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (/\.ya?ml$/.test(e.name)) {
        const doc = parse(readFileSync(join(dir, e.name), 'utf8')) as Plan;
        if (doc.kind === 'Plan') plans.set(doc.metadata.id, doc);
      }
    }
  };
  walk(join(projectRoot, 'playbooks'));
  return plans;
}

const bundled = bundledPlans();
const hostile = hostilePlans();
const hostilePlan = hostile.get('xx-ncp') as Plan;
const cases: [string, Plan, Plans][] = [
  ...[...bundled.values()].map((p): [string, Plan, Plans] => [p.metadata.id, p, bundled]),
  ['tracks fixture', tracksPlan, tracksPlans()],
  ['hostile labels', hostilePlan, hostile],
];

// An incident on the tracks fixture, for the overlay variants.
const session = new Session(tracksPlans());
session.act('continue@xx-ncp#fork', {}, new Date('2025-03-01T08:05:00Z'));
const overlay = buildOverlay('inc-test', session.state, session.log);

describe.skipIf(!haveDot)('dot accepts the DOT output', () => {
  it.each(cases)('%s', async (_name, plan, plans) => {
    const graph = buildGraph(plan, plans);
    for (const text of [graphDot(graph), graphDot(graph, overlay)]) {
      expect(rawUnsafe(text)).toEqual([]);
      const result = await execa('dot', ['-Tjson'], { input: text, reject: false });
      expect(result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
      const drawn = JSON.parse(result.stdout) as { objects?: { name: string; nodes?: unknown }[]; edges?: unknown[] };
      // Clusters are objects too; the rest are our nodes (and the clocks note), never one more.
      const nodes = (drawn.objects ?? []).filter((o) => o.nodes === undefined);
      expect(nodes.length).toBe(graph.nodes.length + (graph.clocks.length > 0 ? 1 : 0));
      expect(drawn.edges?.length ?? 0).toBe(graph.edges.length);
    }
  });

  it('keeps hostile text as text: the edge labels dot reads are the labels we wrote', async () => {
    const graph = buildGraph(hostilePlan, hostile);
    const result = await execa('dot', ['-Tjson'], { input: graphDot(graph) });
    const drawn = JSON.parse(result.stdout) as { edges?: { label?: string }[] };
    // dot hands on its escString as read (`\\` still doubled): undo that one escape to compare.
    const labels = (drawn.edges ?? []).flatMap((e) => (e.label === undefined ? [] : [e.label.replace(/\\(.)/g, '$1')]));
    const written = graph.edges.flatMap((e) => (e.label === undefined || hasUnsafe(e.label) ? [] : [clip(e.label, 60)]));
    expect(written.some((l) => l.includes('"') && l.includes('\\'))).toBe(true);
    expect(labels.filter((l) => written.includes(l)).length).toBe(written.length);
  });
});

describe('the SVG output is well-formed XML', () => {
  const walk = (el: XmlElement): XmlElement[] => [el, ...el.children.flatMap(walk)];
  it.each(cases)('%s', (_name, plan, plans) => {
    const graph = buildGraph(plan, plans);
    for (const text of [graphSvg(graph), graphSvg(graph, overlay, { idPrefix: 'x1' })]) {
      expect(rawUnsafe(text)).toEqual([]);
      const root = parseXml(text);
      expect(root.name).toBe('svg');
      const all = walk(root);
      expect(all.filter((e) => !['svg', 'defs', 'marker', 'path', 'rect', 'g', 'text', 'tspan', 'title', 'polygon'].includes(e.name))).toEqual([]);
      expect(all.flatMap((e) => Object.keys(e.attrs)).filter((a) => a.startsWith('on'))).toEqual([]);
    }
  });

  it('shows hostile markup as text', () => {
    const text = graphSvg(buildGraph(hostilePlan, hostile));
    const root = parseXml(text);
    const words = JSON.stringify(root);
    expect(words).toContain('<b onmouseover=alert(1)>');
  });
});

describe.skipIf(!haveChromium)('the mermaid parser reads the Mermaid output', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: join(projectRoot, 'node_modules/mermaid/dist/mermaid.min.js') });
  });
  afterAll(async () => browser?.close());

  const read = (text: string) =>
    page.evaluate(async (src) => {
      type Db = { getVertices(): Map<string, unknown>; getEdges(): unknown[] };
      const m = (globalThis as unknown as { mermaid: { parse(t: string): Promise<unknown>; mermaidAPI: { getDiagramFromText(t: string): Promise<{ db: Db }> } } }).mermaid;
      try {
        await m.parse(src);
        const d = await m.mermaidAPI.getDiagramFromText(src);
        return { ok: true, vertices: [...d.db.getVertices().keys()], edges: d.db.getEdges().length };
      } catch (e) {
        return { ok: false, error: String(e) };
      }
    }, text);

  it('rejects broken text (the check can fail)', async () => {
    expect((await read('flowchart LR\n  n0["a"] --> n1{"b"\n')).ok).toBe(false);
  });

  it.each(cases)('%s', async (_name, plan, plans) => {
    const graph = buildGraph(plan, plans);
    for (const text of [graphMermaid(graph), graphMermaid(graph, overlay)]) {
      const result = await read(text);
      expect(result).toMatchObject({ ok: true });
      // Our nodes, the clocks and nothing else: no label became a node or an edge.
      const ids = [...graph.nodes.map((n) => n.id), ...(graph.clocks.length > 0 ? ['C0'] : [])].sort();
      expect([...(result.vertices ?? [])].sort()).toEqual(ids);
      expect(result.edges).toBe(graph.edges.length);
    }
  });

  it('renders hostile labels as text, not markup', async () => {
    const text = graphMermaid(buildGraph(hostilePlan, hostile));
    const rendered = await page.evaluate(async (src) => {
      type El = { innerHTML: string; textContent: string | null; querySelectorAll(s: string): { length: number } };
      const g = globalThis as unknown as {
        mermaid: { initialize(c: object): void; render(id: string, t: string): Promise<{ svg: string }> };
        document: { createElement(t: string): El; body: { append(e: El): void } };
      };
      g.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
      const { svg } = await g.mermaid.render('hostile', src);
      const holder = g.document.createElement('div');
      holder.innerHTML = svg;
      g.document.body.append(holder);
      return { bold: holder.querySelectorAll('b, script, img, [onmouseover], [onerror]').length, text: holder.textContent ?? '' };
    }, text);
    expect(rendered.bold).toBe(0);
    expect(rendered.text).toContain('a"] --> x["pwned');
    expect(hostileLabels.length).toBeGreaterThan(5);
  });

  it("reads the README's diagram", async () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expect(await read(block)).toMatchObject({ ok: true });
  });

  it.each(cases)('chromium draws the SVG of %s, every node in its place', async (_name, plan, plans) => {
    const graph = buildGraph(plan, plans);
    const svgPage = await browser.newPage();
    try {
      await svgPage.setContent(`<!DOCTYPE html><body>${graphSvg(graph, overlay)}</body>`);
      const drawn = await svgPage.locator('svg').first().boundingBox();
      expect(drawn?.width ?? 0).toBeGreaterThan(300);
      expect(await svgPage.locator('svg g.node').count()).toBe(graph.nodes.length);
      expect(await svgPage.locator('svg script, svg foreignObject').count()).toBe(0);
    } finally {
      await svgPage.close();
    }
  });
});
