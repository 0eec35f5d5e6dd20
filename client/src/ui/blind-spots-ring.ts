// A ring's defence blind spots in its panel: the APIs its members called that lack a protective control.
import { html, render } from 'lit-html';
import { gql, messageOf } from '../api/graphql.js';
import { RingBlindSpotsQuery } from '../api/workflow-queries.js';
import { blindSpotList } from './blind-spots-panel.js';

export async function showRingBlindSpots(box: HTMLElement, id: string): Promise<void> {
  try {
    const { ring } = await gql(RingBlindSpotsQuery, { id });
    if (ring) render(blindSpotList(ring.blindSpots), box);
  } catch (e) {
    render(html`<p class="error">${messageOf(e)}</p>`, box);
  }
}
