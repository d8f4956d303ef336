/**
 * Project-wide full-text search: document text, claim quotes, notes, rationales and sources.
 * Results show the matching words in context; choosing one jumps to the highlight (a claim),
 * opens the document, or shows the sources.
 */
import { useEffect, useId, useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { SNIPPET_CLOSE, SNIPPET_OPEN, type SearchHit } from '../../shared/domain';
import { call } from '../services/api';

/** What the shell can ask of the search box. */
export interface SearchBoxHandle {
  focus(): void;
}

interface Props {
  readonly onOpenClaim: (claim: { id: number; documentId: number }) => void;
  readonly onOpenDocument: (documentId: number) => void;
  readonly onOpenSource: (sourceId: number) => void;
  readonly ref?: Ref<SearchBoxHandle>;
}

const KIND_LABELS: Record<SearchHit['kind'], string> = { document: 'Article', claim: 'Claim', source: 'Source' };

/** Renders a snippet with its matches marked. */
export function Snippet({ text }: { readonly text: string }) {
  const parts = text.split(SNIPPET_OPEN);
  return (
    <>
      {parts.map((part, i) => {
        if (i === 0) return <span key={i}>{part}</span>;
        const [match, rest] = part.split(SNIPPET_CLOSE) as [string, string | undefined];
        return (
          <span key={i}>
            <mark>{match}</mark>
            {rest}
          </span>
        );
      })}
    </>
  );
}

/** The search box in the toolbar. */
export function SearchBox({ onOpenClaim, onOpenDocument, onOpenSource, ref }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  // How many of the newest matches were ranked, when not all were (see SearchResults).
  const [bound, setBound] = useState<number | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  useImperativeHandle(ref, () => ({ focus: () => input.current?.focus() }), []);

  useEffect(() => {
    if (text.trim() === '') {
      setHits([]);
      setBound(null);
      return;
    }
    let current = true;
    const timer = window.setTimeout(async () => {
      const result = await call('search:query', { text, limit: 30 });
      if (current && result.ok) {
        setHits(result.value.hits);
        setBound(result.value.bound);
        setActive(0);
      }
    }, 150);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [text]);

  function choose(hit: SearchHit | undefined) {
    if (!hit) return;
    setOpen(false);
    if (hit.kind === 'claim' && hit.claimId !== null && hit.documentId !== null) onOpenClaim({ id: hit.claimId, documentId: hit.documentId });
    else if (hit.kind === 'document' && hit.documentId !== null) onOpenDocument(hit.documentId);
    else if (hit.kind === 'source' && hit.sourceId !== null) onOpenSource(hit.sourceId);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(hits.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(hits[active]);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  }

  const listId = `${id}-results`;
  const showList = open && text.trim() !== '';
  return (
    <div className="search-box">
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-label="Search the project"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && hits.length > 0 ? `${id}-hit-${active}` : undefined}
        placeholder="Search…"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {showList && (
        <ul id={listId} role="listbox" aria-label="Search results" className="search-results">
          {hits.length === 0 && (
            <li role="option" aria-selected={false} aria-disabled="true" className="hint">
              Nothing found
            </li>
          )}
          {hits.map((hit, i) => (
            <li
              key={`${hit.kind}-${hit.claimId ?? hit.sourceId ?? hit.documentId}`}
              id={`${id}-hit-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(hit);
              }}
            >
              <span className="hit-kind">{KIND_LABELS[hit.kind]}</span>
              <span className="hit-title">{hit.title}</span>
              <span className="hit-snippet">
                <Snippet text={hit.snippet} />
              </span>
            </li>
          ))}
          {bound !== null && (
            <li role="option" aria-selected={false} aria-disabled="true" className="hint">
              So many matches that only the newest {bound.toLocaleString('en')} of each kind were ranked; type more to narrow the search.
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
