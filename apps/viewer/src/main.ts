/** Entry point: loads the dataset (same origin), then shows the view the address names. */
import './styles.css';
import { navigation, Router, type Ctx, type Page } from './app.js';
import { loadDataset } from './data/dataset.js';
import { h } from './dom.js';
import { ClaimQuery } from './query.js';
import { aboutPage } from './pages/about.js';
import { chartsPage } from './pages/charts.js';
import { claimPage } from './pages/claim.js';
import { claimsPage } from './pages/claims.js';
import { disagreementsPage } from './pages/disagreements.js';
import { downloadPage } from './pages/download.js';
import { overviewPage } from './pages/overview.js';
import { sourcePage, sourcesPage } from './pages/sources.js';
import { timelinePage } from './pages/timeline.js';

const PAGES: Record<string, Page> = {
  overview: overviewPage,
  charts: chartsPage,
  claims: claimsPage,
  claim: claimPage,
  sources: sourcesPage,
  source: sourcePage,
  timeline: timelinePage,
  about: aboutPage,
  download: downloadPage,
  disagreements: disagreementsPage,
};

async function start(): Promise<void> {
  const main = document.getElementById('main')!;
  document.getElementById('nav-slot')?.replaceWith(navigation());
  document.querySelector('.skip-link')?.addEventListener('click', (e) => {
    e.preventDefault();
    main.focus();
  });
  let ctx: Ctx;
  try {
    const ds = await loadDataset();
    performance.mark('viewer:data-ready');
    const narrow = window.matchMedia('(max-width: 640px)');
    ctx = {
      ds,
      query: new ClaimQuery(ds),
      narrow: narrow.matches,
      replaceHash: (hash) => history.replaceState(history.state, '', hash),
      pushHash: (hash) => {
        if (hash !== location.hash) history.pushState(history.state, '', hash);
      },
    };
    const version = document.getElementById('footer-version');
    if (version)
      version.textContent = `Dataset version ${ds.meta.version} · ${ds.meta.claims.toLocaleString('en-GB')} claims`;
    const router = new Router(main, ctx, PAGES as ConstructorParameters<typeof Router>[2]);
    router.start();
    // Charts are drawn for the width they get: draw them again when the layout changes for good.
    let resizeTimer: ReturnType<typeof setTimeout> | undefined;
    narrow.addEventListener('change', () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => {
        if (narrow.matches === ctx.narrow) return;
        ctx.narrow = narrow.matches;
        if (/^#\/charts/.test(location.hash)) router.render(true);
      }, 250);
    });
    performance.mark('viewer:first-render');
    document.documentElement.dataset.ready = 'true';
    // The first frame with the view on screen (what the performance test reports).
    requestAnimationFrame(() => setTimeout(() => performance.mark('viewer:first-frame'), 0));
  } catch (error) {
    console.error(error);
    main.replaceChildren(
      h(
        'section',
        { class: 'problem', role: 'alert' },
        h('h1', null, 'The dataset could not be loaded'),
        h('p', null, (error as Error).message),
        h(
          'p',
          null,
          'Reload the page; if it happens again, the site was built or copied without its data/ folder.',
        ),
      ),
    );
    document.documentElement.dataset.ready = 'error';
  }
}

void start();
