/**
 * Filter controls a keyboard can use without side effects.
 *
 * - `onChoice(select, apply)`: on a closed select, Chromium and Firefox fire `change` for every
 *   option the arrow keys (and Home, End, Page Up/Down, type-ahead) pass, so going down a list of
 *   36 metrics ran 36 filters and, with filters in the history, left 36 entries to go Back through.
 *   A choice made that way waits for Enter or for the focus to leave the select (Escape undoes
 *   it); a choice from the mouse, a touch picker or the open list applies at once.
 * - `picker(...)`: a searchable list for choices too many for a select (the sources), as the
 *   ARIA 1.2 combobox pattern: type to narrow, arrows to move, Enter to choose, Escape to close.
 */
import { h } from './dom.js';
import { fold } from './query.js';

/** Keys that move the choice of a closed select (and single characters: type-ahead; not Space, which opens the list). */
const MOVES = new Set([
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);
/** The value each select last applied. */
const applied = new WeakMap<HTMLSelectElement, string>();

/**
 * Calls `apply` when the select's choice is made (see the top of this file). `pending` is shown
 * while a keyboard choice waits for Enter.
 */
export function onChoice(
  select: HTMLSelectElement,
  apply: () => void,
  pending?: HTMLElement,
): void {
  // True from a moving key's keydown until just after its keyup: a change then came from that key.
  let keyed = false;
  applied.set(select, select.value);
  const show = (on: boolean) => {
    if (on) select.setAttribute('data-pending', 'true');
    else select.removeAttribute('data-pending');
    if (pending) pending.hidden = !on;
  };
  const settle = () => {
    if (!select.hasAttribute('data-pending')) return;
    show(false);
    applied.set(select, select.value);
    apply();
  };
  select.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      if (select.hasAttribute('data-pending')) {
        event.preventDefault();
        settle();
      }
      return;
    }
    if (event.key === 'Escape' && select.hasAttribute('data-pending')) {
      event.preventDefault();
      select.value = applied.get(select) ?? '';
      show(false);
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (MOVES.has(event.key) || (event.key.length === 1 && event.key !== ' ')) keyed = true;
  });
  select.addEventListener('keyup', () => setTimeout(() => (keyed = false), 0));
  select.addEventListener('pointerdown', () => (keyed = false));
  select.addEventListener('change', () => {
    if (keyed) {
      show(select.value !== applied.get(select));
      return;
    }
    show(false);
    applied.set(select, select.value);
    apply();
  });
  select.addEventListener('blur', settle);
}

/** Sets a select's value from outside (Clear filters), as applied. */
export function resetChoice(select: HTMLSelectElement, value: string): void {
  select.value = value;
  applied.set(select, value);
  select.removeAttribute('data-pending');
}

export interface PickerOption {
  value: string;
  /** What the list shows and the search reads. */
  label: string;
  /** More words the search reads (publisher, id). */
  keywords?: string;
}

export interface Picker {
  /** The field (label, input, list). */
  element: HTMLElement;
  input: HTMLInputElement;
  /** Sets the chosen value without calling `onPick` (undefined: none). */
  set(value: string | undefined): void;
  /** Counts shown beside the options (and their order: most first). */
  setCounts(counts: ReadonlyMap<string, number>): void;
}

const SHOWN = 50;

/**
 * A searchable list of options. `onPick` gets the chosen value, or undefined when the text is
 * cleared. The list shows the first 50 matches, most claims first.
 */
export function picker(options: {
  id: string;
  label: string;
  placeholder: string;
  hint: string;
  choices: readonly PickerOption[];
  value: string | undefined;
  onPick: (value: string | undefined) => void;
}): Picker {
  const { id, choices } = options;
  const byValue = new Map(choices.map((c) => [c.value, c]));
  // What the search reads, made on the first search (5,000 sources at 100,000 claims).
  let folded: string[] | null = null;
  let counts: ReadonlyMap<string, number> = new Map();
  let chosen = options.value;
  let shown: PickerOption[] = [];
  let active = -1;

  const input = h('input', {
    type: 'text',
    id,
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': `${id}-list`,
    'aria-describedby': `${id}-hint`,
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: options.placeholder,
  });
  const list = h('ul', {
    id: `${id}-list`,
    role: 'listbox',
    class: 'picker-list',
    'aria-label': options.label,
  });
  const more = h('p', { class: 'picker-more', hidden: true });
  const pop = h('div', { class: 'picker-pop', hidden: true }, list, more);
  const clear = h(
    'button',
    {
      type: 'button',
      class: 'picker-clear',
      'aria-label': `Clear: any ${options.label.toLowerCase()}`,
      hidden: true,
    },
    '×',
  );

  const labelOf = (value: string | undefined) =>
    value ? (byValue.get(value)?.label ?? value) : '';
  const countText = (value: string) => ` (${(counts.get(value) ?? 0).toLocaleString('en-GB')})`;
  const showChosen = () => {
    input.value = labelOf(chosen);
    clear.hidden = !chosen;
  };

  const close = () => {
    pop.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (k: number) => {
    const items = list.children;
    if (active >= 0) items[active]?.setAttribute('aria-selected', 'false');
    active = k;
    if (k < 0) {
      input.removeAttribute('aria-activedescendant');
      return;
    }
    const item = items[k] as HTMLElement | undefined;
    if (!item) return;
    item.setAttribute('aria-selected', 'true');
    input.setAttribute('aria-activedescendant', item.id);
    item.scrollIntoView({ block: 'nearest' });
  };
  const open = () => {
    // The chosen label in the box means "no search yet": show every choice.
    const text = input.value === labelOf(chosen) ? '' : input.value;
    const words = fold(text).split(/\s+/).filter(Boolean);
    folded ??= choices.map((c) => fold(`${c.label} ${c.keywords ?? ''}`));
    const matching: number[] = [];
    for (let k = 0; k < choices.length; k++)
      if (words.every((w) => folded![k]!.includes(w))) matching.push(k);
    matching.sort(
      (a, b) =>
        (counts.get(choices[b]!.value) ?? 0) - (counts.get(choices[a]!.value) ?? 0) || a - b,
    );
    shown = matching.slice(0, SHOWN).map((k) => choices[k]!);
    list.replaceChildren(
      ...shown.map((c, k) =>
        h(
          'li',
          {
            id: `${id}-option-${k}`,
            role: 'option',
            'aria-selected': 'false',
            'data-value': c.value,
            class: c.value === chosen ? 'chosen' : null,
          },
          c.label,
          h('span', { class: 'picker-count' }, countText(c.value)),
        ),
      ),
    );
    if (!shown.length)
      list.append(
        h(
          'li',
          {
            class: 'picker-none',
            role: 'option',
            'aria-disabled': 'true',
            'aria-selected': 'false',
            id: `${id}-none`,
          },
          'Nothing matches these words',
        ),
      );
    more.textContent =
      matching.length > SHOWN
        ? `${SHOWN} of ${matching.length.toLocaleString('en-GB')} shown: type more words to narrow the list.`
        : '';
    more.hidden = matching.length <= SHOWN;
    pop.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    active = -1;
    highlight(shown.length && text ? 0 : -1);
  };
  const pick = (value: string | undefined) => {
    chosen = value;
    showChosen();
    close();
    options.onPick(value);
  };

  input.addEventListener('input', open);
  input.addEventListener('focus', () => input.select());
  input.addEventListener('keydown', (event) => {
    const isOpen = !pop.hidden;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!isOpen) open();
        if (!shown.length) return;
        const step = event.key === 'ArrowDown' ? 1 : -1;
        highlight(
          active < 0
            ? step > 0
              ? 0
              : shown.length - 1
            : (active + step + shown.length) % shown.length,
        );
        return;
      }
      case 'Enter': {
        event.preventDefault();
        if (isOpen && active >= 0 && shown[active]) pick(shown[active]!.value);
        else if (input.value.trim() === '') pick(undefined);
        else if (!isOpen) open();
        return;
      }
      case 'Escape':
        if (isOpen) {
          event.preventDefault();
          close();
        } else if (input.value !== labelOf(chosen)) {
          event.preventDefault();
          showChosen();
        }
        return;
      case 'Tab':
        close();
        return;
    }
  });
  input.addEventListener('blur', () => {
    close();
    if (input.value.trim() === '' && chosen) pick(undefined);
    else showChosen();
  });
  // A press on an option must not blur the input first (which would close the list).
  pop.addEventListener('mousedown', (event) => event.preventDefault());
  list.addEventListener('click', (event) => {
    const item = (event.target as Element).closest('li[data-value]');
    if (item) pick(item.getAttribute('data-value')!);
  });
  clear.addEventListener('click', () => {
    pick(undefined);
    input.focus();
  });

  showChosen();
  const element = h(
    'div',
    { class: 'field picker' },
    h('label', { for: id }, options.label),
    h('div', { class: 'picker-box' }, input, clear),
    h('span', { class: 'hint', id: `${id}-hint` }, options.hint),
    pop,
  );
  return {
    element,
    input,
    set(value) {
      chosen = value;
      showChosen();
    },
    setCounts(next) {
      counts = next;
      if (!pop.hidden) open();
    },
  };
}
