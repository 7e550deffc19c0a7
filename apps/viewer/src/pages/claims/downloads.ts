/** "Download this view": the claims the filters match, in the order shown, as CSV or JSON. */
import type { Dataset } from '../../data/dataset.js';
import { h } from '../../dom.js';
import type { ClaimFilters } from '../../state.js';
import { downloadCsv, downloadJson } from '../common.js';

export interface ViewDownloads {
  element: HTMLElement;
  /** Off when the view has no claim. */
  enable(on: boolean): void;
}

/** `view` gives the matching rows and the filters (which name the file) at the time of the click. */
export function viewDownloads(
  ds: Dataset,
  view: () => { rows: Int32Array; filters: ClaimFilters },
): ViewDownloads {
  const button = (id: string, format: string, download: typeof downloadCsv) => {
    const el = h(
      'button',
      {
        type: 'button',
        class: 'button secondary',
        id,
        'aria-label': `Download this view as ${format}`,
      },
      format,
    );
    el.addEventListener('click', () => {
      const { rows, filters } = view();
      download(ds, rows, filters);
    });
    return el;
  };
  const csv = button('csv-button', 'CSV', downloadCsv);
  const json = button('json-button', 'JSON', downloadJson);
  return {
    element: h(
      'span',
      { class: 'downloads-inline' },
      h('span', { 'aria-hidden': 'true' }, 'Download this view:'),
      csv,
      json,
    ),
    enable(on) {
      csv.disabled = json.disabled = !on;
    },
  };
}
