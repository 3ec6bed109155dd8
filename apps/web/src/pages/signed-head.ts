import { dateTime } from '@app/domain';
import { summaryList, tag } from '../components';
import { html, Html } from '../html';

/** A signed tree head of the log, as the `integrity` query gives it. */
export interface Head {
  treeSize: number;
  rootHash: string;
  timestamp: string;
  keyId: string;
  signature: string;
}

/** Where the server publishes the log's public key (apps/api/src/integrity/log-key.ts). */
export const LOG_KEY_PATH = '/.well-known/transparency-log-key';

/** A value an auditor copies exactly, in type that tells 0 from O, with what it is behind a details. */
function explained(value: string, question: string, answer: Html): Html {
  return html`<code class="govuk-!-font-size-16">${value}</code>
    <details class="govuk-details govuk-!-margin-top-2 govuk-!-margin-bottom-0">
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">${question}</span>
      </summary>
      <div class="govuk-details__text">${answer}</div>
    </details>`;
}

/**
 * The newest signed head in words a person new to transparency logs can act on: how many events it
 * covers, when it was signed, whether its signature holds, and the fingerprint and key id an auditor
 * keeps, each with what it is and what to do with it. `problem` is why the signature does not verify.
 */
export function signedHeadSummary(head: Head, problem: string | null): Html {
  return summaryList([
    ['Events in the signed log', String(head.treeSize)],
    ['Signed', dateTime(head.timestamp)],
    [
      'Signature',
      problem
        ? html`${tag('Does not verify', 'red')} The head ${problem}.`
        : html`${tag('Verified', 'green')} with the log’s public key`,
    ],
    [
      'Fingerprint of the history (root hash)',
      explained(
        head.rootHash,
        'What is the fingerprint?',
        html`<p class="govuk-body">
            A SHA-256 hash worked out from every one of the first ${String(head.treeSize)} events (their Merkle root).
            If any of them were later altered, removed or reordered, the fingerprint of those events would no longer be
            this one.
          </p>
          <p class="govuk-body">
            Keep it, with the signed head, somewhere the platform’s operators cannot write. Checking the head below, or
            with <code>cli verify --witness</code>, proves that today’s history still starts with exactly these events.
          </p>`,
      ),
    ],
    [
      'Signing key id',
      explained(
        head.keyId,
        'What is the signing key id?',
        html`<p class="govuk-body">
            The name of the key the platform signed this head with. The log has a key of its own, kept apart from the
            keys that sign people in, and publishes its public half to anyone as
            <a class="govuk-link" href="${LOG_KEY_PATH}">the log’s public key</a> (a JSON Web Key whose
            <code>kid</code> is this id).
          </p>
          <p class="govuk-body">
            Save that key with the head you keep. A head whose signature does not verify with the key you kept was not
            signed with it; a later head with another key id means the log now signs with another key, which the
            platform’s operators should be able to explain.
          </p>`,
      ),
    ],
  ]);
}
