/**
 * The "Check a figure" box of the overview: a sentence in, the ledger's answer out, from
 * `@encrochat-ledger/check` (the library behind `encrochat-ledger-check`). The box itself is here;
 * the checker and the rendering of its answer (`check-answer.ts`) load when the box is first used,
 * so the first page carries none of it (measured: they are a chunk of 15 kB gzipped; the box adds
 * under 1 kB to the first page).
 *
 * Keyboard: the text area, then the button (Enter or Space); Ctrl+Enter or Cmd+Enter in the text area
 * checks too. The answer is rendered as text nodes only (`dom.ts`): what the user types stays text.
 */
import './check-box.css';
import type { Ctx } from './app.js';
import { h, replace } from './dom.js';

/** The longest text the box takes (the library checks up to 100,000 characters; a box is for a paragraph or two). */
export const CHECK_BOX_MAX = 5000;

export function checkBox(ctx: Ctx): HTMLElement {
  const textarea = h('textarea', {
    id: 'check-text',
    name: 'check-text',
    rows: 3,
    maxlength: CHECK_BOX_MAX,
    spellcheck: 'false',
    'aria-describedby': 'check-hint',
    placeholder: 'Police across Europe made more than 6,500 arrests',
  });
  const button = h('button', { type: 'button', class: 'button', id: 'check-button' }, 'Check');
  const status = h('p', { class: 'check-status', role: 'status', id: 'check-status' });
  const answer = h('div', { class: 'check-answer', id: 'check-answer' });
  let busy = false;

  const run = async () => {
    if (busy) return;
    const text = textarea.value;
    if (!text.trim()) {
      replace(answer);
      status.textContent = 'Type or paste a sentence with a figure first.';
      textarea.focus();
      return;
    }
    busy = true;
    button.disabled = true;
    status.textContent = 'Checking…';
    try {
      const { renderCheck } = await import('./check-answer.js');
      const { summary, body } = renderCheck(ctx.ds, text);
      replace(answer, body);
      status.textContent = summary;
    } catch (error) {
      replace(answer);
      status.textContent = `The figure could not be checked: ${(error as Error).message}`;
    } finally {
      busy = false;
      button.disabled = false;
    }
  };
  button.addEventListener('click', () => void run());
  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void run();
    }
  });

  return h(
    'section',
    { class: 'check-box', 'aria-labelledby': 'h-check' },
    h('h2', { id: 'h-check' }, 'Check a figure'),
    h(
      'label',
      { for: 'check-text' },
      'Paste a sentence or a paragraph with figures about EncroChat',
    ),
    h(
      'p',
      { class: 'hint', id: 'check-hint' },
      'Each figure is read as the validator reads quotes — the number, “more than” or “nearly”, what is counted and where — and compared with every claim of the ledger. What is not understood is said, not guessed. Ctrl+Enter checks.',
    ),
    textarea,
    h('div', { class: 'check-actions' }, button),
    status,
    answer,
  );
}
