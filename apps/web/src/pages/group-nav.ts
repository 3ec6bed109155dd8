import { html, Html } from '../html';
import { withAsAt } from './group-as-at';

/**
 * The pages of one group, under its name. Each link keeps the day the page is seen as at, so the
 * group is read on one day from page to page; a page the API cannot show as at a day says so.
 */
export function groupNavigation(
  groupId: string,
  current: 'overview' | 'meetings' | 'policies' | 'workstreams' | 'inbox',
  asAt: string | null = null,
): Html {
  const items = [
    { key: 'overview', href: `/groups/${groupId}`, text: 'Overview' },
    { key: 'meetings', href: `/groups/${groupId}/meetings`, text: 'Meetings' },
    { key: 'policies', href: `/groups/${groupId}/policies`, text: 'Policies' },
    { key: 'workstreams', href: `/groups/${groupId}/workstreams`, text: 'Workstreams' },
    { key: 'inbox', href: `/groups/${groupId}/inbox`, text: 'Region inbox' },
  ].map((item) => ({ ...item, href: withAsAt(item.href, asAt) }));
  return html`<nav aria-label="Pages of this group" class="govuk-!-margin-bottom-6">
    <ul class="govuk-list app-inline-list">
      ${items.map((item) =>
        item.key === current
          ? html`<li>
              <a class="govuk-link govuk-link--no-visited-state" href="${item.href}" aria-current="page"
                ><strong>${item.text}</strong></a
              >
            </li>`
          : html`<li><a class="govuk-link govuk-link--no-visited-state" href="${item.href}">${item.text}</a></li>`,
      )}
    </ul>
  </nav>`;
}
