/** A verdict as radio buttons and a confidence slider: the shape of a vote and of a sign-off. */
import { useId } from 'react';
import type { Verdict } from '../../../shared/domain';

interface Props {
  readonly legend: string;
  readonly verdicts: readonly Verdict[];
  readonly verdictId: number | null;
  readonly confidence: number;
  readonly onVerdict: (id: number) => void;
  readonly onConfidence: (value: number) => void;
}

/** Verdict radios (1–9 as shortcuts in the session screen) and a confidence slider. */
export function VerdictChoice({ legend, verdicts, verdictId, confidence, onVerdict, onConfidence }: Props) {
  const id = useId();
  return (
    <fieldset className="review-verdict">
      <legend>{legend}</legend>
      <div className="verdict-options">
        {verdicts.map((v, i) => (
          <label key={v.id} className="verdict-option">
            <input type="radio" name={`${id}-verdict`} value={v.id} checked={verdictId === v.id} onChange={() => onVerdict(v.id)} aria-keyshortcuts={i < 9 ? String(i + 1) : undefined} />
            <span className={`swatch cd-swatch-${v.id}`} aria-hidden="true" />
            {v.label}
          </label>
        ))}
      </div>
      <div className="confidence">
        <label htmlFor={`${id}-confidence`}>Confidence</label>
        <input
          id={`${id}-confidence`}
          type="range"
          min={0}
          max={100}
          step={5}
          value={confidence}
          onChange={(e) => onConfidence(Number(e.target.value))}
          aria-valuetext={`${confidence} percent`}
        />
        <output htmlFor={`${id}-confidence`}>{confidence}%</output>
      </div>
    </fieldset>
  );
}
