/**
 * What changed between two versions of an article, paragraph by paragraph: added and removed
 * words marked inline (struck through or underlined, with labels for screen readers), whole
 * paragraphs added or removed labelled as such. Shown in place of the article.
 */
import { useEffect, useId, useState } from 'react';
import type { DocumentSummary, ParagraphDiff, VersionComparison } from '../../../shared/domain';
import { call } from '../../services/api';
import { DiffText } from './DiffText';

interface Props {
  readonly series: readonly DocumentSummary[];
  readonly fromId: number;
  readonly toId: number;
  readonly onChange: (fromId: number, toId: number) => void;
  readonly onClose: () => void;
}

const LABELS: Record<ParagraphDiff['kind'], string | null> = { same: null, changed: 'Changed', added: 'Added paragraph', removed: 'Removed paragraph' };
const words = (n: number) => (n === 1 ? '1 word' : `${n} words`);

/** The comparison of two versions. */
export function VersionCompare({ series, fromId, toId, onChange, onClose }: Props) {
  const id = useId();
  const [comparison, setComparison] = useState<VersionComparison | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setComparison(null);
    setError(null);
    void call('versions:compare', { fromId, toId }).then((result) => {
      if (!current) return;
      if (result.ok) setComparison(result.value);
      else setError(result.error.message);
    });
    return () => {
      current = false;
    };
  }, [fromId, toId]);

  const picker = (label: string, value: number, change: (v: number) => void) => (
    <label>
      {label}
      <select value={value} onChange={(e) => change(Number(e.target.value))}>
        {series.map((d) => (
          <option key={d.id} value={d.id}>
            Version {d.version}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section className="version-compare" aria-labelledby={`${id}-title`}>
      <div className="compare-head">
        <h3 id={`${id}-title`}>
          What changed from version {series.find((d) => d.id === fromId)?.version ?? '?'} to version {series.find((d) => d.id === toId)?.version ?? '?'}
        </h3>
        {picker('From', fromId, (v) => onChange(v, toId))}
        {picker('To', toId, (v) => onChange(fromId, v))}
        <button type="button" onClick={onClose}>
          Back to the article
        </button>
      </div>
      <p className="hint" role="status">
        {error ?? (comparison ? `${words(comparison.wordsAdded)} added, ${words(comparison.wordsRemoved)} removed. Added text is underlined, removed text is struck through.` : 'Comparing…')}
      </p>
      {comparison && (
        <div className="compare-text">
          {comparison.paragraphs.map((p, i) => (
            <p key={i} className={`compare-paragraph ${p.kind}`}>
              {LABELS[p.kind] && <span className="paragraph-label">{LABELS[p.kind]}</span>}
              <DiffText parts={p.parts} />
            </p>
          ))}
        </div>
      )}
    </section>
  );
}
