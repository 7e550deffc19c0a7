/**
 * Citations with their address, and buttons that copy them.
 *
 * The dataset is cited in the one form of `CITATION.cff`, rendered by `formatCitation` of
 * @encrochat-ledger/dataset (as the README and every export cite it), and a figure, a chart or a
 * source is that citation plus what is cited and the address of its page here.
 */
import { formatCitation } from '@encrochat-ledger/dataset';
import { h } from './dom.js';
import { formatDay } from './format.js';

/** "encrochat-ledger contributors. encrochat-ledger: …, version 0.1.0 [data set]. CC BY 4.0. https://www.npmjs.com/package/@encrochat-ledger/dataset/v/0.1.0" */
export function datasetCitation(version: string): string {
  return formatCitation(version);
}

/** The same citation as a BibTeX entry. */
export function datasetBibtex(version: string): string {
  return formatCitation(version, { format: 'bibtex' });
}

/** The full address of a view of this site (`#/…`), as a reader would share it. */
export function addressOf(hash: string): string {
  return `${location.origin}${location.pathname}${location.search}${hash}`;
}

/** "(accessed 2 December 2026)" for a citation made now. */
export function accessed(now = new Date()): string {
  return `accessed ${formatDay(now.toISOString().slice(0, 10))}`;
}

/** "<what>. In: <dataset citation>. <address> (accessed <today>)." */
export function citeWithAddress(what: string, version: string, hash: string): string {
  return `${what}. In: ${datasetCitation(version)}. ${addressOf(hash)} (${accessed()}).`;
}

/** Puts text on the clipboard: the Clipboard API, else a selected text area and the copy command. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = h('textarea', {
      class: 'visually-hidden',
      readonly: true,
      'aria-hidden': 'true',
      tabindex: -1,
    });
    area.value = text;
    document.body.append(area);
    area.select();
    let done: boolean;
    try {
      done = document.execCommand('copy');
    } catch {
      done = false;
    }
    area.remove();
    return done;
  }
}

/**
 * A button that copies `text()` and says so in a status message beside it ("Link copied"), or,
 * when the browser refuses, asks the reader to copy the text shown.
 */
export function copyButton(
  label: string,
  text: () => string,
  options: { done: string; attrs?: Record<string, string> } = { done: 'Copied' },
): HTMLElement {
  const status = h('span', { class: 'copy-status', role: 'status' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const button = h(
    'button',
    {
      type: 'button',
      class: 'button secondary small',
      ...options.attrs,
      onclick: async () => {
        const ok = await copyText(text());
        status.textContent = ok
          ? options.done
          : 'Your browser did not allow copying: select the text and copy it.';
        clearTimeout(timer);
        timer = setTimeout(() => (status.textContent = ''), 6000);
      },
    },
    label,
  );
  return h('span', { class: 'copy' }, button, status);
}
