import pLimit from 'p-limit';
import { UsageError } from '../errors.js';
import type { DiagramError } from './diagram-store.js';
import { BrowserMissingError } from './errors.js';
import { launchBrowser, type SharedBrowser } from './launch-browser.js';
import { openPrintTab, type PrintInput, type PrintResult, type PrintTab } from './print-pdf.js';
import { mermaidRenderer, type MermaidRenderer } from './render-diagrams.js';

export interface SiteBrowserOptions {
  /** Chromium to use (default: found by `findBrowser`). */
  readonly executablePath: string | undefined;
  /** Whether PDFs are wanted: then a missing Chromium is an error, not just diagrams left as source. */
  readonly printing: boolean;
  /** Tabs that print at once. */
  readonly tabs: number;
  readonly allowRemote: boolean;
  readonly timeoutMs: number;
}

/**
 * The one browser of a render, started on first need: it draws the diagrams in the tab it starts
 * with and prints in a few tabs of their own, at most one document per tab at a time.
 */
export class SiteBrowser {
  private started: Promise<SharedBrowser | undefined> | undefined;
  private diagrams: MermaidRenderer | undefined;
  private tabsOpened: Promise<readonly PrintTab[]> | undefined;
  private readonly free: PrintTab[] = [];
  private readonly limit: ReturnType<typeof pLimit>;

  constructor(private readonly options: SiteBrowserOptions) {
    this.limit = pLimit(options.tabs);
  }

  /** Draws Mermaid sources as SVG; undefined for each when there is no browser (HTML alone). */
  async drawDiagrams(sources: readonly string[]): Promise<ReadonlyArray<string | DiagramError | undefined>> {
    await this.start();
    return this.diagrams ? this.diagrams.render(sources) : sources.map(() => undefined);
  }

  /** Starts the browser and opens the tabs that print now, while the caller does other work. */
  prepareToPrint(): void {
    // Awaited by `print`; this only keeps an early failure from counting as unhandled meanwhile.
    this.openTabs().catch(() => undefined);
  }

  /** Prints one document as soon as a tab is free. */
  print(input: PrintInput): Promise<PrintResult> {
    return this.limit(async () => {
      await this.openTabs();
      const tab = this.free.pop();
      if (tab === undefined) throw new UsageError('printing PDFs needs Chromium');
      try {
        return await tab.print(input);
      } finally {
        this.free.push(tab);
      }
    });
  }

  /** The diagrams are all drawn: their tab can go. */
  async closeDiagrams(): Promise<void> {
    const diagrams = this.diagrams;
    this.diagrams = undefined;
    await diagrams?.close();
  }

  /** Closes every tab and the browser, if it was started; never throws. */
  async close(): Promise<void> {
    await this.closeDiagrams().catch(() => undefined);
    for (const tab of (await this.tabsOpened?.catch(() => [])) ?? []) await tab.close();
    const shared = await this.started?.catch(() => undefined);
    await shared?.close().catch(() => undefined);
  }

  private start(): Promise<SharedBrowser | undefined> {
    this.started ??= this.launch().then((launched) => {
      if (launched) this.diagrams = mermaidRenderer(launched.browser, this.options.timeoutMs);
      return launched;
    });
    return this.started;
  }

  private openTabs(): Promise<readonly PrintTab[]> {
    this.tabsOpened ??= this.start().then(async (launched) => {
      const tabs = launched
        ? await Promise.all(
            Array.from({ length: this.options.tabs }, () =>
              openPrintTab(launched.browser, {
                allowRemote: this.options.allowRemote,
                timeoutMs: this.options.timeoutMs,
              }),
            ),
          )
        : [];
      this.free.push(...tabs);
      return tabs;
    });
    return this.tabsOpened;
  }

  /** For HTML alone, a missing Chromium only leaves diagrams as source: not an error. */
  private async launch(): Promise<SharedBrowser | undefined> {
    try {
      return await launchBrowser(this.options.executablePath);
    } catch (error) {
      if (this.options.printing || !(error instanceof BrowserMissingError)) throw error;
      return undefined;
    }
  }
}
