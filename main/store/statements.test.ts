import { describe, expect, it } from 'vitest';
import { statement } from './statements';
import { addArticle, tempProject } from './test-support';

describe('statement (prepared statements kept per connection)', () => {
  it('prepares each text once per connection and hands it back in its default mode', () => {
    const { db } = tempProject();
    const other = tempProject().db;
    const sql = 'SELECT id, title FROM documents WHERE id = ?';
    const first = statement(db, sql);
    expect(statement(db, sql)).toBe(first);
    expect(statement(other, sql)).not.toBe(first);
    const id = addArticle(db);
    expect(statement<[number], number>(db, sql).pluck().get(id)).toBe(id);
    // A later caller gets rows as objects again, whatever mode the last one left.
    expect(statement(db, sql).get(id)).toEqual({ id, title: 'Unrest in the capital' });
    expect(statement(db, sql).raw(true).get(id)).toEqual([id, 'Unrest in the capital']);
    expect(statement(db, sql).get(id)).toEqual({ id, title: 'Unrest in the capital' });
  });

  it('keeps working across a change of the schema', () => {
    const { db } = tempProject();
    const id = addArticle(db);
    const sql = 'SELECT title FROM documents WHERE id = ?';
    expect(statement<[number], string>(db, sql).pluck().get(id)).toBe('Unrest in the capital');
    db.exec('CREATE INDEX documents_by_title_test ON documents (title); ALTER TABLE profiles ADD COLUMN test_only TEXT');
    expect(statement<[number], string>(db, sql).pluck().get(id)).toBe('Unrest in the capital');
  });
});
