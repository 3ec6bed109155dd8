import { html } from './html';

describe('html', () => {
  it('escapes text from the API so it cannot become markup', () => {
    const name = '<script>alert("x")</script> & \'co\'';
    expect(html`<p>${name}</p>`.value).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</p>',
    );
  });

  it('keeps markup it made itself, joins lists and leaves out null, undefined and false', () => {
    const items = ['a', 'b<'].map((item) => html`<li>${item}</li>`);
    const list = html`<ul>
      ${items}${null}${undefined}${false}${0}
    </ul>`;
    // The template's own line breaks stay; what matters is what each value became.
    expect(list.value.replace(/\s+/g, '')).toBe('<ul><li>a</li><li>b&lt;</li>0</ul>');
  });
});
