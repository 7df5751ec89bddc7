// The HTML reports in a real browser: Debian's chromium, driven by playwright-core (never a
// downloaded browser). Each page opens from a file with no network request at all, shows the
// timeline, a clock chart of due versus met and the TLP banner (on screen and in print), draws the
// path taken over the plan's diagram, and saves as a screenshot and a PDF.
import { execa } from 'execa';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, launchChromium, noChromiumReason } from '../helpers/browser.js';
import { runCli, tempDir } from '../helpers/run-cli.js';
import { renderExport } from '../../src/core/report/incident/export.js';
import { Session } from '../unit/engine/session.js';
import { hostileLabels, hostilePlans } from '../unit/graph/graph-plans.js';

if (!haveChromium) console.warn(`SKIP HTML reports in a browser: ${noChromiumReason}`);
const havePdftotext = (await execa('pdftotext', ['-v'], { reject: false }).catch(() => ({ exitCode: 127 }))).exitCode === 0;
if (!havePdftotext) console.warn('SKIP the TLP marking on every PDF page: pdftotext is not installed (apt-get install poppler-utils)');

const dir = tempDir('crisis-html-e2e-');
const db = join(dir.path, 'log.db');
const exercisePath = join(dir.path, 'exercise.html');
const incidentPath = join(dir.path, 'incident.html');
let incidentId = '';

beforeAll(async () => {
  const run = await runCli(['exercise', 'run', 'playbooks/exercises/ransomware-hospitals-late-warning.yaml', '--format', 'html', '-o', exercisePath, '--db', db]);
  expect(run.exitCode).toBe(1); // the late-warning variant misses a mandatory expectation
  incidentId = /as incident (ex-[\w-]+)/.exec(run.stderr)?.[1] ?? '';
  const exported = await runCli(['log', 'export', incidentId, '--format', 'html', '-o', incidentPath, '--db', db]);
  expect(exported.exitCode).toBe(0);
}, 60_000);
afterAll(() => dir.cleanup());

describe('the HTML files', () => {
  it.each([
    ['exercise', exercisePath],
    ['incident', incidentPath],
  ])('the %s report is one file that loads nothing', (_name, path) => {
    const html = readFileSync(path, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/\b(src|href)=|url\(\s*['"]?(https?:|\/\/)|@import/i);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});

describe.skipIf(!haveChromium)('the HTML reports in chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  /** Open the file, recording every request the page makes (and refusing all but the file itself). */
  async function open(path: string): Promise<{ page: Page; requests: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const url = pathToFileURL(path).href;
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    await page.goto(url, { waitUntil: 'load' });
    return { page, requests: requests.filter((r) => r !== url) };
  }

  it.each([
    ['exercise', exercisePath],
    ['incident', incidentPath],
  ])('the %s report: timeline, clock chart, path, TLP banner, no network; screenshot and PDF', async (name, path) => {
    const { page, requests } = await open(path);
    try {
      const banner = page.locator('.tlp-banner');
      // The exercise is CLEAR, but the NIS2 reports it records are AMBER: the report is marked AMBER.
      await expect.poll(() => banner.textContent()).toBe('TLP:AMBER');
      const style = await banner.evaluate((el) => {
        const s = (globalThis as unknown as { getComputedStyle(e: unknown): { position: string; backgroundColor: string; top: string } }).getComputedStyle(el);
        return { position: s.position, background: s.backgroundColor };
      });
      expect(style).toEqual({ position: 'fixed', background: 'rgb(0, 0, 0)' });
      expect(await banner.isVisible()).toBe(true);
      expect(await page.locator('#timeline tbody tr').count()).toBeGreaterThan(10);
      const clocks = await page.locator('#clocks table tbody tr').count();
      expect(clocks).toBeGreaterThan(0);
      expect(await page.locator('.clock-chart svg rect.due').count()).toBe(clocks);
      expect(await page.locator('.clock-chart svg circle.met').count()).toBeGreaterThan(0);
      expect(await page.locator('#path svg .node.visited').count()).toBeGreaterThan(3);
      expect(await page.locator('#path svg .edge.taken').count()).toBeGreaterThan(3);
      expect(await page.locator('#decisions tbody tr').count()).toBeGreaterThan(0);
      if (name === 'exercise') {
        expect(await page.locator('#objectives tbody tr').count()).toBeGreaterThan(0);
        expect(await page.locator('#expectations').textContent()).toContain('early-warning-met');
        expect(await page.locator('#improvements tbody tr').count()).toBeGreaterThan(0);
        expect(await page.locator('.result.failed').textContent()).toBe('FAILED');
      }
      // In print the marking is the head and foot of the page frame, which chromium repeats on every page.
      await page.emulateMedia({ media: 'print' });
      const printed = page.locator('.page-frame > thead .tlp-print');
      expect(await printed.isVisible()).toBe(true);
      expect(await printed.textContent()).toBe('TLP:AMBER');
      expect(await banner.isVisible()).toBe(false);
      await page.emulateMedia({ media: 'screen' });
      expect(await printed.isVisible()).toBe(false);
      const shot = join(dir.path, `${name}.png`);
      const pdf = join(dir.path, `${name}.pdf`);
      await page.screenshot({ path: shot, fullPage: false });
      await page.pdf({ path: pdf, format: 'A4', printBackground: true });
      expect(statSync(shot).size).toBeGreaterThan(10_000);
      expect(statSync(pdf).size).toBeGreaterThan(10_000);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      if (havePdftotext) {
        // Every printed page starts and ends with the marking (TLP 2.0: top of every page).
        // Where each word sits on each page: the marking must be at the top and at the foot of every one.
        const boxes = (await execa('pdftotext', ['-bbox', pdf, '-'])).stdout;
        const pages = [...boxes.matchAll(/<page width="[\d.]+" height="([\d.]+)">([\s\S]*?)<\/page>/g)];
        expect(pages.length).toBeGreaterThan(2);
        for (const [, height, words] of pages) {
          const ys = [...(words ?? '').matchAll(/yMin="([\d.]+)"[^>]*>TLP:AMBER</g)].map((m) => Number(m[1]) / Number(height));
          expect(ys.some((y) => y < 0.08)).toBe(true);
          expect(ys.some((y) => y > 0.9)).toBe(true);
        }
      }
      expect(requests).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('an incident whose every text is hostile shows it as text: no element, no dialog, no request', async () => {
    const plans = hostilePlans();
    const session = new Session(plans);
    session.act('continue@xx-ncp#fork', {}, new Date('2025-03-01T08:05:00Z'));
    session.act('note', { text: hostileLabels.join('\n') }, new Date('2025-03-01T08:06:00Z'));
    const recorded = session.log.map((event, i) => ({ seq: i + 1, prevHash: 'p', hash: 'h', event }));
    const record = { id: 'inc-hostile', title: '<script>alert(1)</script>', planId: 'xx-ncp', createdAt: '2025-03-01T08:00:00.000Z', closed: false, events: recorded.length, lastEventAt: null };
    const html = renderExport('html', { record, recorded, state: session.state, plans, snapshots: [], verify: { ok: true, incidents: 1, events: recorded.length, heads: [], anchors: [] }, now: new Date('2025-03-01T09:00:00Z') });
    const file = join(dir.path, 'hostile.html');
    writeFileSync(file, html);
    const { page, requests } = await open(file);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    try {
      expect(await page.locator('script, img, iframe, object, embed, b, [onmouseover], [onerror]').count()).toBe(0);
      expect(await page.locator('h1').textContent()).toContain('<script>alert(1)</script>');
      expect(await page.locator('#timeline').textContent()).toContain('a"] --> x["pwned');
      await page.locator('#path svg').first().hover();
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('the request check can fail: a page that asks for a remote image is caught', async () => {
    const bad = join(dir.path, 'bad.html');
    writeFileSync(bad, '<!DOCTYPE html><img src="http://192.0.2.1/x.png">');
    const { page, requests } = await open(bad);
    await page.close();
    expect(requests).toEqual(['http://192.0.2.1/x.png']);
  });
});
