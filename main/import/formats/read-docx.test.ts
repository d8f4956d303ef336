import { describe, expect, it } from 'vitest';
import { makeDocx } from './fixtures/make-docx';
import { metaFromCoreProperties, readDocx } from './read-docx';

describe('readDocx', () => {
  it('turns a Word article into HTML, leaving out its picture, with title and author from its properties', async () => {
    const docx = makeDocx({
      title: 'Aid convoys reach Kestrel Falls',
      creator: 'Ana Ruiz',
      created: '2024-06-02T08:15:00Z',
      paragraphs: [
        { heading: 1, text: 'Aid convoys reach Kestrel Falls' },
        'Aid convoys reached the flood-hit town on Monday, officials said.',
        { runs: ['The governor spoke of ', { bold: '“a shoot-to-kill order”' }, ' for looters. ', { picture: true }] },
        { runs: ['Read the ', { link: 'full statement', href: 'https://gov.example/statement' }, '.'] },
        { heading: 2, text: 'Warnings ignored' },
        'Residents said the council had been warned <in March> & ignored it.',
      ],
    });
    const read = await readDocx(docx, 'kestrel.docx');
    expect(read.format).toBe('docx');
    expect(read.content).toEqual({
      kind: 'html',
      baseUrl: null,
      html:
        '<h1>Aid convoys reach Kestrel Falls</h1><p>Aid convoys reached the flood-hit town on Monday, officials said.</p>' +
        '<p>The governor spoke of <strong>“a shoot-to-kill order”</strong> for looters. </p>' +
        '<p>Read the <a href="https://gov.example/statement">full statement</a>.</p><h2>Warnings ignored</h2>' +
        '<p>Residents said the council had been warned &lt;in March&gt; &amp; ignored it.</p>',
    });
    expect(read.meta).toEqual({ title: 'Aid convoys reach Kestrel Falls', author: 'Ana Ruiz', publishedOn: '2024-06-02' });
    expect(read.warnings).toEqual([
      'The date 2024-06-02 is when the Word file was created; check it against the article’s publication date.',
      'A picture was left out: Claimdesk imports the text.',
    ]);
  });

  it('ignores the placeholder names word processors put in for the author', () => {
    expect(metaFromCoreProperties('<dc:creator>Microsoft Office User</dc:creator><dc:title>Q&amp;A with the governor</dc:title>')).toEqual({
      title: 'Q&A with the governor',
    });
  });
});
