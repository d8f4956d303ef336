/**
 * A verdict as radio buttons (1–9 as shortcuts where the screen offers them) and a confidence
 * slider, in one fieldset: the claim form's verdict, a reviewer's vote and the lead's sign-off.
 */
import { useId, type ReactNode } from 'react';
import type { Verdict } from '../../shared/domain';

interface Props {
  readonly legend: string;
  readonly verdicts: readonly Verdict[];
  readonly verdictId: number | null;
  readonly confidence: number;
  readonly onVerdict: (id: number) => void;
  readonly onConfidence: (value: number) => void;
  readonly className?: string;
  /** The checked radio takes the focus when its dialog opens (see Modal's data-autofocus). */
  readonly autofocusChecked?: boolean;
  /** More fields of the same fieldset, after the slider (the claim form's rationale). */
  readonly children?: ReactNode;
}

/** Verdict radios and a confidence slider. */
export function VerdictChoice({ legend, verdicts, verdictId, confidence, onVerdict, onConfidence, className, autofocusChecked = false, children }: Props) {
  const id = useId();
  return (
    <fieldset className={className}>
      <legend>{legend}</legend>
      <div className="verdict-options">
        {verdicts.map((v, i) => (
          <label key={v.id} className="verdict-option">
            <input
              type="radio"
              name={`${id}-verdict`}
              value={v.id}
              checked={verdictId === v.id}
              onChange={() => onVerdict(v.id)}
              data-autofocus={autofocusChecked && verdictId === v.id ? '' : undefined}
              aria-keyshortcuts={i < 9 ? String(i + 1) : undefined}
            />
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
      {children}
    </fieldset>
  );
}
