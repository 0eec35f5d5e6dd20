// The left sidebar's tabs: rings, riskiest accounts, triage queue, block impact preview, API blind
// spots, cases, saved queries, search results.
const TABS = ['rings', 'accounts', 'triage', 'block', 'apis', 'cases', 'queries', 'results'] as const;
export type Tab = (typeof TABS)[number];

export function switchTab(tab: Tab): void {
  document
    .querySelectorAll<HTMLButtonElement>('.tabs button')
    .forEach((b) => b.classList.toggle('active', b.dataset.tab === tab));
  for (const t of TABS) document.getElementById(`tab-${t}`)!.hidden = t !== tab;
}

export function initTabs(): void {
  document
    .querySelectorAll<HTMLButtonElement>('.tabs button')
    .forEach((b) => (b.onclick = () => switchTab(b.dataset.tab as Tab)));
}
